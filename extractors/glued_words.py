"""Glued words: 'psoriasisis', 'conditionthat', 'astofacitinib' split into the words they were.

Scrapers that drop a link's markup often drop the spaces around it too, and a glued word hides
both of its words from the NER model. A lowercase word that neither English word frequencies
(wordfreq) nor the medical vocabulary know is split into the likeliest sequence of known words (a
unigram model over wordfreq's frequencies, as in word segmentation), each common enough for its
length. Names (capitalised: 'Sandimmune'), words after a medical prefix (data/glue_prefixes.txt)
and splits into rare short words ('asthmatic us', data/glue_short_words.txt) stay whole.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from extractors.vocabulary import read_list, term_words

CANDIDATE = re.compile(r"(?<![\w'’])[a-z]{6,}(?![\w'’])")  # whole lowercase words; hyphen parts count
KNOWN_ZIPF = 1.0  # a word this frequent (zipf scale) is a real word, if a rare one: never split
KNOWN_FREQUENCY = 10 ** (KNOWN_ZIPF - 9)  # the same, as wordfreq's frequency per word
MAX_PARTS = 3


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
    return term_words()


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


@lru_cache(maxsize=8192)
def split_word(word: str) -> tuple[str, ...]:
    """The known words an unknown word is glued from: the split whose words are likeliest together
    (the highest sum of log frequencies); the word itself when no split qualifies."""
    if zipf(word) >= KNOWN_ZIPF or word in medical_words():
        return (word,)
    best: tuple[float, tuple[str, ...]] | None = None
    for parts in splits(word, MAX_PARTS):
        if len(parts) < 2 or parts[0] in unsplittable_prefixes():
            continue
        scores = [zipf(part) for part in parts]
        if all(part_allowed(part, score) for part, score in zip(parts, scores)):
            log_probability = sum(score - 9 for score in scores)
            if best is None or log_probability > best[0]:
                best = (log_probability, parts)
    return best[1] if best else (word,)


def splits(word: str, parts: int) -> list[tuple[str, ...]]:
    """Every way to cut word into 1 to `parts` non-empty pieces of 2 letters or more (or 'a')."""
    found: list[tuple[str, ...]] = [(word,)]
    if parts == 1:
        return found
    for cut in range(1, len(word)):
        head = word[:cut]
        if len(head) < 2 and head != "a":
            continue
        found.extend((head, *rest) for rest in splits(word[cut:], parts - 1) if len(rest[0]) >= 2 or rest[0] == "a")
    return found


def split_glued_words(text: str) -> str:
    """text with each glued lowercase word spaced into its words."""
    known, medical = frequencies(), medical_words()
    if all(known.get(word, 0.0) >= KNOWN_FREQUENCY or word in medical for word in CANDIDATE.findall(text)):
        return text  # nearly every line: no unknown word, nothing to rebuild
    return CANDIDATE.sub(lambda match: " ".join(split_word(match.group(0))), text)
