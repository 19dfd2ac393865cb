"""Glued words: 'psoriasisis', 'conditionthat', 'astofacitinib' split into the words they were.

Scrapers that drop a link's markup often drop the spaces around it too, and a glued word hides
both of its words from the NER model. A lowercase word that neither English word frequencies
(wordfreq) nor the medical vocabulary know is split into the likeliest sequence of known words (a
unigram model over wordfreq's frequencies, as in word segmentation), each common enough for its
length. Names (capitalised: 'Sandimmune'), words after a medical prefix (data/glue_prefixes.txt)
and splits into rare short words ('asthmatic us', data/glue_short_words.txt) stay whole, as do
medicine names ('bedaquiline').
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from extractors.vocabulary import load_drug_names, read_list, term_words

CANDIDATE = re.compile(r"(?<![\w'’])[a-z]{6,}(?![\w'’])")  # whole lowercase words; hyphen parts count
KNOWN_ZIPF = 1.0  # a word this frequent (zipf scale) is a real word, if a rare one: never split
KNOWN_FREQUENCY = 10 ** (KNOWN_ZIPF - 9)  # the same, as wordfreq's frequency per word


def part_allowed(part: str, part_zipf: float) -> bool:
    """Short parts must be common words ('is', 'that'); long ones may be rare terms ('tofacitinib')."""
    if len(part) <= 2:
        return part in short_words()
    return part_zipf >= (4.5 if len(part) == 3 else 3.0 if len(part) <= 6 else KNOWN_ZIPF)


@lru_cache(maxsize=1)
def frequencies() -> dict[str, float]:
    from wordfreq import get_frequency_dict
    return get_frequency_dict("en", wordlist="best")


@lru_cache(maxsize=1)
def medical_words() -> frozenset[str]:
    """Words of the HPO/ICD-10-CM terms and of the medicine names ('bedaquiline', not 'bed aquiline')."""
    drug_words = {word for name, generic in load_drug_names().items() for word in (*name.split(), *generic.split())}
    return term_words() | frozenset(drug_words)


@lru_cache(maxsize=1)
def short_words() -> frozenset[str]:
    return frozenset(read_list("glue_short_words.txt"))


@lru_cache(maxsize=1)
def unsplittable_prefixes() -> frozenset[str]:
    return frozenset(read_list("glue_prefixes.txt"))


def zipf(word: str) -> float:
    """wordfreq's zipf value (log10 of occurrences per billion words); 0 for an unknown word."""
    frequency = frequencies().get(word, 0.0)
    return math.log10(frequency) + 9 if frequency else 0.0


def is_medical_plural(word: str) -> bool:
    """The plural of a word of the medical names ('ganglions', not 'gang lions')."""
    return word.endswith("s") and (word[:-1] in medical_words() or (word.endswith("es") and word[:-2] in medical_words()))


@lru_cache(maxsize=8192)
def split_word(word: str) -> tuple[str, ...]:
    """The two or three known words an unknown word is glued from: the split whose words are
    likeliest together (the highest sum of log frequencies); the word itself when no split qualifies.

    Splits are tried in order of their cuts (first cut, then two parts before three), and a later
    one wins only with a higher score. Each piece word[i:j] is looked up once, and a split is
    scored only when all of its pieces are allowed.
    """
    if zipf(word) >= KNOWN_ZIPF or word in medical_words() or is_medical_plural(word):
        return (word,)
    length = len(word)
    piece_score: dict[tuple[int, int], float] = {}
    for start in range(length):
        for end in range(start + 1, length + 1):
            piece = word[start:end]
            score = zipf(piece)
            if (len(piece) >= 2 or piece == "a") and part_allowed(piece, score):
                piece_score[start, end] = score
    best: tuple[float, tuple[str, ...]] | None = None
    prefixes = unsplittable_prefixes()
    for first_cut in range(1, length):
        if (0, first_cut) not in piece_score or word[:first_cut] in prefixes:
            continue
        candidates = [(first_cut,)] + [(first_cut, second_cut) for second_cut in range(first_cut + 1, length)]
        for cuts in candidates:
            bounds = list(zip((0, *cuts), (*cuts, length)))
            scores = [piece_score.get(bound) for bound in bounds]
            if any(score is None for score in scores):
                continue
            log_probability = sum(score - 9 for score in scores)  # type: ignore[operator]
            if best is None or log_probability > best[0]:
                best = (log_probability, tuple(word[start:end] for start, end in bounds))
    return best[1] if best else (word,)


def split_glued_words(text: str) -> str:
    """text with each glued lowercase word spaced into its words."""
    known, medical = frequencies(), medical_words()
    if all(known.get(word, 0.0) >= KNOWN_FREQUENCY or word in medical for word in CANDIDATE.findall(text)):
        return text  # nearly every line: no unknown word, nothing to rebuild
    return CANDIDATE.sub(lambda match: " ".join(split_word(match.group(0))), text)
