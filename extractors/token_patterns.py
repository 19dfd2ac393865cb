"""Token patterns over lowercase words, matched on the Doc's LOWER array instead of token by token.

spaCy's Matcher builds a Token object for every token of every Doc and checks each pattern there;
for the few fixed-length patterns medfacts needs ('itchy eyes', 'difficulty walking', a drug-name
stem) that was a tenth of the extraction time. The same patterns (spaCy's syntax restricted to
LOWER with an exact value, IN or REGEX) are matched here with numpy: each position's predicate is
one vectorised membership test, and a REGEX is evaluated once per distinct word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy
from spacy.attrs import LOWER
from spacy.strings import StringStore, hash_string
from spacy.tokens import Doc


@dataclass
class WordTest:
    """One pattern position: a set of words, or a regular expression on the word."""

    words: numpy.ndarray | None = None  # uint64 hashes of the accepted lowercase words
    regex: re.Pattern[str] | None = None
    verdicts: dict[int, bool] = field(default_factory=dict)  # regex result per word hash, kept across Docs

    def mask(self, lower: numpy.ndarray, strings: StringStore) -> numpy.ndarray:
        if self.words is not None:
            return numpy.isin(lower, self.words)
        unique = numpy.unique(lower)
        accepted = [word for word in unique.tolist() if self.accepts(word, strings)]
        return numpy.isin(lower, numpy.array(accepted, dtype=numpy.uint64))

    def accepts(self, word_hash: int, strings: StringStore) -> bool:
        verdict = self.verdicts.get(word_hash)
        if verdict is None:
            verdict = self.verdicts[word_hash] = bool(self.regex.search(strings[word_hash]))  # type: ignore[union-attr]
        return verdict


def word_test(spec: dict) -> WordTest:
    """A WordTest from one spaCy token pattern ({"LOWER": "x"}, {"LOWER": {"IN": [...]}}, {"LOWER": {"REGEX": "..."}})."""
    if set(spec) != {"LOWER"}:
        raise ValueError(f"token pattern {spec}: only LOWER is supported")
    value = spec["LOWER"]
    if isinstance(value, str):
        value = {"IN": [value]}
    if set(value) == {"IN"}:
        return WordTest(words=numpy.fromiter((hash_string(word.lower()) for word in value["IN"]), dtype=numpy.uint64))
    if set(value) == {"REGEX"}:
        return WordTest(regex=re.compile(value["REGEX"]))
    raise ValueError(f"token pattern {spec}: only a word, IN or REGEX is supported")


class LowerPatternMatcher:
    """(label hash, start, end) of every match of fixed-length LOWER patterns, like spaCy's Matcher."""

    def __init__(self, strings: StringStore) -> None:
        self.strings = strings
        self.patterns: list[tuple[int, list[WordTest]]] = []

    def add(self, label: str, pattern: list[dict]) -> None:
        self.patterns.append((self.strings.add(label), [word_test(spec) for spec in pattern]))

    def __len__(self) -> int:
        return len(self.patterns)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        lower = doc.to_array(LOWER)
        found: list[tuple[int, int, int]] = []
        masks: dict[int, numpy.ndarray] = {}  # a WordTest shared by several positions is tested once
        for label, tests in self.patterns:
            length = len(tests)
            if length > len(lower):
                continue
            hits = numpy.ones(len(lower) - length + 1, dtype=bool)
            for offset, test in enumerate(tests):
                if id(test) not in masks:
                    masks[id(test)] = test.mask(lower, self.strings)
                hits &= masks[id(test)][offset:offset + len(hits)]
                if not hits.any():
                    break
            found.extend((label, int(start), int(start) + length) for start in numpy.flatnonzero(hits))
        return found
