"""Term keys: the folded form under which surface strings of one concept meet.

Case, hyphens/whitespace, possessive apostrophes and English plurals are folded, so
'Back-pains', 'back pain' and 'BACK PAIN' share one key.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterator

_SPACE_LIKE = re.compile(r"[\s\-\u2010-\u2015_/]+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_EDGE_PUNCTUATION = " .,;:!?\"'()[]{}*\u2022"
# Words whose final 's' is not a plural; keeps 'lupus', 'psoriasis', 'diabetes' intact.
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "os", "as")
MIN_GREEK_PLURAL_CHARS = 8  # 'neuroses', 'stenoses'; not 'doses', 'roses', 'closes'
_INVARIANT = frozenset({"diabetes", "herpes", "shingles", "rabies", "measles", "mumps", "scabies", "rickets", "series",
                        "species", "lupus", "aids", "news", "pelvis", "diagnosis", "genetics", "physics", "lens",
                        "migrans", "yaws"})  # 'erythema migrans', 'cutaneous larva migrans': Latin, no plural

# Invariant alone, plural after a word that says which: 'AIDS' is a disease, 'hearing aids' are devices.
_PLURAL_AFTER_MODIFIER = {"aids": "aid"}
# Latin plurals in '-es' of singulars in '-is' the vocabularies use ('Small testes', 'Undescended testes'): not 'teste';
# and the English plurals of the body's tooth and foot ('loose teeth' is loose tooth, 'flat feet' flat foot).
_IRREGULAR_PLURALS = {"testes": "testis", "teeth": "tooth", "feet": "foot"}
_IRREGULAR_SINGULARS = {singular: plural for plural, singular in _IRREGULAR_PLURALS.items()}


def singularize(word: str) -> str:
    """A conservative English singular: only the forms common in symptom and drug names."""
    if word in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[word]
    if len(word) <= 3 or word in _INVARIANT or not word.endswith("s") or word.endswith(_NOT_PLURAL_ENDINGS):
        return word
    if word.endswith("ys") and word[-3] not in "aeiou":
        return word  # 'sprays', 'kidneys' are plurals; a consonant before 'ys' is no plural ending
    if word.endswith("aches"):
        return word[:-1]
    if word.endswith("lenses"):
        return word[:-2]  # 'contact lenses'; 'lens' itself is invariant
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zzes")):
        return word[:-2]
    if word.endswith("zes"):
        return word[:-1]  # 'wheezes', 'sneezes': the 'e' is the word's own
    if word.endswith("oses") and len(word) >= MIN_GREEK_PLURAL_CHARS and word[-5] not in "dp":
        return word[:-2] + "is"  # 'actinic keratoses', 'psychoses': the Greek plural of -osis; not 'overdoses', 'purposes'
    if word.endswith("'s"):
        return word[:-2]
    return word[:-1]


def term_key(text: str) -> str:
    """The folded key of a term: lowercase, NFKC, single spaces, last word singular."""
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    folded = _SPACE_LIKE.sub(" ", folded).strip(_EDGE_PUNCTUATION)
    if not folded:
        return ""
    words = folded.split(" ")
    last = words[-1]
    words[-1] = _PLURAL_AFTER_MODIFIER[last] if len(words) > 1 and last in _PLURAL_AFTER_MODIFIER else singularize(last)
    return " ".join(words)


MIN_EPONYM_CHARS = 3  # 'graves', 'crohns'; not 'its'


def possessive_spellings(key: str) -> Iterator[str]:
    """The key with one word before its last written as a possessive, the way ontologies write eponyms:
    'graves disease' as "graves' disease", 'crohns disease' as "crohn's disease", 'hurler syndrome' as
    "hurler's syndrome"."""
    words = key.split(" ")
    for index, word in enumerate(words[:-1]):
        if len(word) > MIN_EPONYM_CHARS and not word.endswith("'s"):
            for form in ([f"{word[:-1]}'s", f"{word}'"] if word.endswith("s") else [f"{word}'s"]):
                yield " ".join([*words[:index], form, *words[index + 1:]])


def pluralize(term: str) -> str:
    """The plural a writer would use for a symptom or drug name ('rash' -> 'rashes'); lists match both."""
    head, _, last = term.rpartition(" ")
    if last in _IRREGULAR_SINGULARS:
        plural = _IRREGULAR_SINGULARS[last]  # 'loose tooth' -> 'loose teeth'
    elif not last or last in _INVARIANT or last.endswith(("s", "x", "z", "ch", "sh")):
        plural = last + ("es" if last.endswith(("x", "z", "ch", "sh")) else "")
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        plural = last[:-1] + "ies"
    else:
        plural = last + "s"
    return f"{head} {plural}" if head else plural


def gerunds(verb: str) -> list[str]:
    """The '-ing' forms a verb may take, likeliest first: 'drool' -> drooling, 'wheeze' -> wheezing, 'gag' -> gagging,
    'drop' -> dropping (one short vowel before a final consonant doubles it)."""
    if verb.endswith("e") and not verb.endswith("ee"):
        return [verb[:-1] + "ing"]
    doubled = verb + verb[-1] + "ing"
    short = (len(verb) in (3, 4) and verb[-2] in "aeiou" and verb[-1] not in "aeiouwxy"
             and (len(verb) == 3 or verb[-3] not in "aeiou"))
    return [doubled, verb + "ing"] if short else [verb + "ing", doubled]
