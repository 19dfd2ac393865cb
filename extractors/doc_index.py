"""Lookups over a processed Doc, computed once per Doc and kept in doc.user_data.

spaCy's Span.text, Doc.text and Span.sent rebuild their answer token by token on every call, and
relation extraction asks for texts, sentences, lines and the mentions of a span thousands of
times per article. These helpers answer from numbers computed once (plain numbers and strings, so
a Doc holds no reference to itself through them).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Sequence

import numpy
from spacy.attrs import IS_PUNCT, IS_SPACE, LOWER, ORTH, SENT_START, SUFFIX
from spacy.strings import hash_string
from spacy.tokens import Doc, Span

from extractors.records import Mention

TEXT_KEY = "medfacts.text"  # doc.user_data: the Doc's text, joined once (or kept by the tokenizer)
SENTENCES_KEY = "medfacts.sentences"  # doc.user_data: where its sentences start and end
POSITIONS_KEY = "medfacts.positions"  # doc.user_data: where each token text stands


def text_of(span: Span | Doc) -> str:
    """A span's (or Doc's) text, sliced from the Doc's text joined once: Span.text and Doc.text
    rebuild the string token by token on every call, and relation extraction reads texts often."""
    doc = span if isinstance(span, Doc) else span.doc
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text if span is doc else text[span.start_char:span.end_char]


LOWER_POSITIONS_KEY = "medfacts.lower_positions"  # doc.user_data: where each lower-case word stands


def token_indexes(doc: Doc, words: frozenset[str]) -> list[int]:
    """Indexes of the tokens whose lower-case form is one of words, from the Doc's LOWER array indexed
    once: no Token object is made for the many tokens that are not."""
    found = doc.user_data.get(LOWER_POSITIONS_KEY)
    if found is None:
        found = doc.user_data[LOWER_POSITIONS_KEY] = {}
        for index, lower in enumerate(doc.to_array(LOWER).tolist()):
            found.setdefault(lower, []).append(index)
    hashes = word_hash_set(words)
    present = [found[key] for key in (hashes & found.keys() if len(hashes) > len(found) else found.keys() & hashes)]
    return sorted(index for positions in present for index in positions) if len(present) > 1 else list(*present)


@lru_cache(maxsize=64)
def word_hash_set(words: frozenset[str]) -> frozenset[int]:
    return frozenset(hash_string(word) for word in words)


def ending_indexes(doc: Doc, endings: tuple[str, ...]) -> list[int]:
    """Indexes of the tokens that end with one of endings (each of three letters or more), found
    first by the Doc's array of SUFFIX (last three letters) hashes."""
    tails = frozenset(ending[-3:] for ending in endings)
    candidates = numpy.flatnonzero(numpy.isin(doc.to_array(SUFFIX), word_hashes(tails))).tolist()
    return [index for index in candidates if doc[index].lower_.endswith(endings)]


def positions_of(doc: Doc, text: str) -> list[int]:
    """Indexes of the tokens whose text is text (case kept), from the Doc's ORTH array indexed once:
    looking for a word by visiting every token makes a Token object per token, each time."""
    found = doc.user_data.get(POSITIONS_KEY)
    if found is None:
        found = doc.user_data[POSITIONS_KEY] = {}
        for index, orth in enumerate(doc.to_array(ORTH).tolist()):
            found.setdefault(orth, []).append(index)
    return found.get(hash_string(text), [])


@lru_cache(maxsize=16)
def word_hashes(words: frozenset[str]) -> numpy.ndarray:
    return numpy.fromiter((hash_string(word) for word in words), dtype=numpy.uint64, count=len(words))


def opening_of(span: Span) -> int:
    """Where a span's first word starts: a sentence's span may begin with the whitespace before it."""
    text = text_of(span)
    return span.start_char + len(text) - len(text.lstrip())


def sentence_at(doc: Doc, token_index: int) -> Span:
    """The sentence holding a token, found by bisection in the Doc's sentence bounds listed once:
    Span.sent walks back token by token to the sentence start on every call."""
    starts, ends = sentence_bounds(doc)
    index = bisect_right(starts, token_index) - 1
    return doc[starts[index]:ends[index]]


def sentence_of(span: Span) -> Span:
    """Span.sent (the sentence holding the span's first token, as spaCy gives it), from the bounds
    listed once: Span.sent checks the whole Doc for sentence starts, then walks token by token."""
    return sentence_at(span.doc, span.start)


def sentence_index_at(doc: Doc, token_index: int) -> int:
    """The index, in doc.sents, of the sentence holding a token."""
    return bisect_right(sentence_bounds(doc)[0], token_index) - 1


def sentence_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """First and end token of each of the Doc's sentences, listed once per Doc (doc.user_data;
    plain numbers, so the Doc holds no reference to itself and is freed as soon as it is dropped)."""
    found = doc.user_data.get(SENTENCES_KEY)
    if found is None:
        # read from the SENT_START array: iterating doc.sents makes a Token object per token
        starts = [0, *(index for index in numpy.flatnonzero(doc.to_array(SENT_START) == 1).tolist() if index)] if len(doc) else []
        found = doc.user_data[SENTENCES_KEY] = (starts, [*starts[1:], len(doc)] if starts else [])
    return found


def sentences(doc: Doc) -> list[Span]:
    """The Doc's sentences, as doc.sents gives them, from the bounds listed once."""
    starts, ends = sentence_bounds(doc)
    return [doc[start:end] for start, end in zip(starts, ends)]


def line_breaks(doc: Doc) -> list[int]:
    """Indexes of the tokens that hold a line break: spaCy keeps a break in a whitespace token of
    its own, never in a word's trailing whitespace, so only whitespace tokens are looked at."""
    return [index for index in numpy.flatnonzero(doc.to_array(IS_SPACE)).tolist() if "\n" in doc[index].text]


class Lines:
    """A Doc's lines as token ranges, and its words counted by prefix sums: is a line short, where
    does it start. Built once per Doc (doc.user_data): walking tokens for every sentence was slow.

    A line ends at a token whose text holds a line break (spaCy keeps breaks in whitespace tokens);
    a word is any token but punctuation.
    """

    KEY = "medfacts.lines"

    def __init__(self, doc: Doc):
        self.breaks = line_breaks(doc)
        self.break_set = frozenset(self.breaks)
        self.words_before = numpy.concatenate(([0], numpy.cumsum(doc.to_array(IS_PUNCT) == 0)))
        self.length = len(doc)

    @classmethod
    def of(cls, doc: Doc) -> "Lines":
        lines = doc.user_data.get(cls.KEY)
        if lines is None:
            lines = doc.user_data[cls.KEY] = cls(doc)
        return lines

    def start(self, token_index: int) -> int:
        """The first token of the line that holds token_index."""
        position = bisect_left(self.breaks, token_index)
        return self.breaks[position - 1] + 1 if position else 0

    def end(self, token_index: int) -> int:
        """The line break token (or the Doc's end) that ends the line holding token_index."""
        position = bisect_left(self.breaks, token_index)
        return self.breaks[position] if position < len(self.breaks) else self.length

    def is_break(self, token_index: int) -> bool:
        """Whether the token holds a line break (the one before a line's first token does)."""
        return token_index in self.break_set

    def words(self, start: int, end: int) -> int:
        return int(self.words_before[end] - self.words_before[start])


class MentionIndex(dict):
    """Mentions by start offset (a dict, as the functions here read it), with the starts in order
    so the mentions of a span are found by bisection, not by visiting its tokens."""

    def __init__(self, mentions: Sequence[Mention]):
        super().__init__((mention.start, mention) for mention in mentions)
        self.starts = sorted(self)

    def within(self, start_char: int, end_char: int) -> list[Mention]:
        """The mentions that start at or after start_char and end by end_char, in order."""
        first, last = bisect_left(self.starts, start_char), bisect_left(self.starts, end_char)
        return [self[start] for start in self.starts[first:last] if self[start].end <= end_char]
