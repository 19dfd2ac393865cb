"""Token patterns over lowercase words, matched on the Doc's LOWER array instead of token by token.

spaCy's Matcher builds a Token object for every token of every Doc and checks each pattern there;
for the few fixed-length patterns medfacts needs ('itchy eyes', 'difficulty walking', a drug-name
stem) that was a tenth of the extraction time. The same patterns (spaCy's syntax restricted to
LOWER with an exact value, IN or REGEX) are matched here with numpy: each distinct word of a Doc
is looked up once, as a bit set of the pattern positions it satisfies, and a REGEX is evaluated
once per distinct word over the matcher's lifetime.
"""
from __future__ import annotations

import re

import numpy
from spacy.attrs import LOWER
from spacy.strings import StringStore, hash_string
from spacy.tokens import Doc

MAX_TESTS = 64  # distinct word tests (pattern positions) a matcher holds: one bit each in a uint64; more go to an overflow matcher


class LowerPatternMatcher:
    """(label hash, start, end) of every match of fixed-length LOWER patterns, like spaCy's Matcher."""

    def __init__(self, strings: StringStore) -> None:
        self.strings = strings
        self.patterns: list[tuple[int, list[int]]] = []  # label hash, the test (bit) of each position
        self.word_bits: dict[int, int] = {}  # word hash -> the word-set tests it passes
        self.regexes: list[tuple[int, re.Pattern[str]]] = []  # bit, expression
        self.tests = 0
        self.test_bits: dict[tuple, int] = {}  # a test already held, by its words or expression: patterns share it
        # Regex verdicts kept across Docs: every word hash tested so far, and the bits it earned.
        self.regex_bits: dict[int, int] = {}
        self.overflow: LowerPatternMatcher | None = None  # the patterns whose tests no longer fit in this one's bits

    def add(self, label: str, pattern: list[dict]) -> None:
        new_tests = {key for key in map(test_key_of, pattern) if key not in self.test_bits}
        if self.tests + len(new_tests) > MAX_TESTS and len(new_tests) <= MAX_TESTS:
            self.overflow = self.overflow or LowerPatternMatcher(self.strings)
            self.overflow.add(label, pattern)
            return
        self.patterns.append((self.strings.add(label), [self.add_test(spec) for spec in pattern]))

    def add_test(self, spec: dict) -> int:
        """The bit of a new word test from one spaCy token pattern: {"LOWER": "x"}, {"LOWER": {"IN": [...]}}
        or {"LOWER": {"REGEX": "..."}}."""
        if set(spec) != {"LOWER"}:
            raise ValueError(f"token pattern {spec}: only LOWER is supported")
        value = spec["LOWER"]
        if isinstance(value, str):
            value = {"IN": [value]}
        if set(value) not in ({"IN"}, {"REGEX"}):
            raise ValueError(f"token pattern {spec}: only a word, IN or REGEX is supported")
        test_key = test_key_of(spec)
        if test_key in self.test_bits:
            return self.test_bits[test_key]
        if self.tests == MAX_TESTS:
            raise ValueError(f"a LowerPatternMatcher holds at most {MAX_TESTS} token tests")
        bit, self.tests = self.tests, self.tests + 1
        self.test_bits[test_key] = bit
        if "IN" in value:
            for word in value["IN"]:
                key = hash_string(word.lower())
                self.word_bits[key] = self.word_bits.get(key, 0) | 1 << bit
        else:
            self.regexes.append((bit, re.compile(value["REGEX"])))
            self.regex_bits.clear()
        return bit

    def __len__(self) -> int:
        return len(self.patterns) + (len(self.overflow) if self.overflow is not None else 0)

    def matches_words(self, words: list[str]) -> bool:
        """Whether one pattern matches exactly these lowercase words: a name checked outside any Doc."""
        bits = [self.bits_of(self.strings.add(word.lower())) for word in words]
        return any(len(tests) == len(bits) and all(word_bits >> test & 1 for word_bits, test in zip(bits, tests))
                   for _label, tests in self.patterns) or (self.overflow is not None and self.overflow.matches_words(words))

    def bits_of(self, word: int) -> int:
        bits = self.word_bits.get(word, 0)
        if self.regexes:
            earned = self.regex_bits.get(word)
            if earned is None:
                text = self.strings[word]
                earned = self.regex_bits[word] = sum(1 << bit for bit, regex in self.regexes if regex.search(text))
            bits |= earned
        return bits

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        lower = doc.to_array(LOWER)
        if not len(lower):
            return []
        unique, inverse = numpy.unique(lower, return_inverse=True)
        # one match per label and span, as spaCy's Matcher gives: two patterns of a label may match the same words
        # ('increased hunger': a quality before a body's product, and a word of increase before a need)
        return list(dict.fromkeys(self.matches_in(len(lower), unique.tolist(), inverse)))

    def matches_in(self, length: int, unique: list[int], inverse: numpy.ndarray) -> list[tuple[int, int, int]]:
        """The matches in a Doc of `length` tokens whose LOWER array is unique[inverse]: the distinct
        words are found once for this matcher and its overflow matchers."""
        word_bits = [self.bits_of(word) for word in unique]
        present = 0  # the tests some word of the Doc passes: a pattern needing another cannot match
        for bits in word_bits:
            present |= bits
        found: list[tuple[int, int, int]] = []
        token_bits = None
        for label, bits in self.patterns:
            if len(bits) > length or any(not present >> bit & 1 for bit in bits):
                continue
            if token_bits is None:
                token_bits = numpy.array(word_bits, dtype=numpy.uint64)[inverse]
            starts = numpy.flatnonzero(token_bits[:length - len(bits) + 1] & numpy.uint64(1 << bits[0]))
            for offset, bit in enumerate(bits[1:], start=1):
                starts = starts[(token_bits[starts + offset] & numpy.uint64(1 << bit)) != 0]
            found.extend((label, start, start + len(bits)) for start in starts.tolist())
        return found + (self.overflow.matches_in(length, unique, inverse) if self.overflow is not None else [])


def test_key_of(spec: dict) -> tuple:
    """What identifies a token test, so that patterns share it: its words, or its expression."""
    value = spec.get("LOWER")
    if isinstance(value, str):
        return ("IN", frozenset({value.lower()}))
    if isinstance(value, dict) and "IN" in value:
        return ("IN", frozenset(word.lower() for word in value["IN"]))
    return ("REGEX", value.get("REGEX") if isinstance(value, dict) else None)
