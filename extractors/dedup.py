"""Near-duplicate documents: syndicated copies and one article saved under two URLs.

A copy adds no independent support to a fact, so the later copy of an article is marked a
duplicate of the first. Copies differ in headers, bylines and footers, so exact hashing misses
them; MinHash over word shingles estimates Jaccard similarity and LSH (datasketch) finds the
candidate pairs without comparing every pair of documents. Candidates are confirmed on the
exact shingle sets, so LSH's approximation never marks a document on its own.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping, Sequence

import numpy
from datasketch import MinHash, MinHashLSH
from murmurhash.mrmr import hash_unicode as murmur_hash_unicode

# Three-word shingles: long enough that two articles on one topic share few of them, short
# enough that a changed header or byline touches only a few.
SHINGLE_WORDS = 3
MIN_PERMUTATIONS = 16
MAX_LSH_THRESHOLD = 0.9
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold()) if isinstance(text, str) else []


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Overlapping word n-grams of the text; a text shorter than n words is one shingle."""
    return shingles_of_words(words(text), size)


def shingles_of_words(tokens: list[str], size: int = SHINGLE_WORDS) -> set[str]:
    if len(tokens) <= size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i:i + size]) for i in range(len(tokens) - size + 1)}


def shingle_hash(shingle: str) -> int:
    """32-bit MurmurHash3 of a shingle (spaCy's murmurhash): deterministic across processes, like
    datasketch's default SHA-1, and several times faster."""
    return murmur_hash_unicode(shingle) & 0xFFFFFFFF


def minhash(shingle_set: set[str], num_perm: int) -> MinHash:
    scheme, permutations = permutation_set(num_perm)
    signature = MinHash(num_perm=num_perm, seed=1, hashfunc=shingle_hash, scheme=scheme, permutations=permutations)
    signature.update_batch(list(shingle_set))
    return signature


@lru_cache(maxsize=8)
def permutation_set(num_perm: int, scheme: str | None = None) -> tuple[str, tuple]:
    """(scheme, permutations) of datasketch's MinHash with seed 1: it draws them from the seed on
    every construction, the same each time, at a cost close to that of hashing a whole article."""
    template = MinHash(num_perm=num_perm, seed=1, scheme=scheme)
    return template.scheme, template.permutations


def jaccard(first: set[str], second: set[str]) -> float:
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


def exact_key(text: str) -> str:
    """Same words in the same order: an exact copy, whatever its whitespace and case."""
    return exact_key_of_words(words(text))


def exact_key_of_words(tokens: list[str]) -> str:
    return hashlib.sha1(" ".join(tokens).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Fingerprint:
    """What near-duplicate detection needs of one text, computed once and stored between runs.

    `exact_key` finds exact copies; `hashvalues` is the MinHash signature (None for a text with
    no words). Keeping it lets an incremental run compare new articles with thousands of stored
    ones without re-shingling them.
    """

    exact_key: str
    hashvalues: bytes | None
    num_perm: int
    scheme: str = ""
    dtype: str = ""

    def signature(self) -> MinHash:
        values = numpy.frombuffer(self.hashvalues or b"", dtype=numpy.dtype(self.dtype))
        return MinHash(num_perm=self.num_perm, seed=1, hashvalues=values, scheme=self.scheme,
                       permutations=permutation_set(self.num_perm, self.scheme)[1])


def fingerprint(text: str, num_perm: int = 128) -> Fingerprint:
    num_perm = max(int(num_perm), MIN_PERMUTATIONS)
    tokens = words(text)
    shingle_set = shingles_of_words(tokens)
    if not shingle_set:
        return Fingerprint(exact_key_of_words(tokens), None, num_perm)
    signature = minhash(shingle_set, num_perm)
    return Fingerprint(exact_key_of_words(tokens), signature.hashvalues.tobytes(), num_perm, signature.scheme,
                       signature.hashvalues.dtype.str)


def find_near_duplicates(docs: Sequence[tuple[str, str]], threshold: float = 0.8, num_perm: int = 128,
                         fingerprints: Mapping[str, Fingerprint] | None = None) -> dict[str, str]:
    """Map the doc_id of each later copy to the doc_id of the first document it duplicates.

    `docs` are (doc_id, text) in corpus order; a document duplicates an earlier one when their
    word-shingle Jaccard similarity is at least `threshold` (exact copies included). Empty
    documents are never duplicates: there is nothing to compare. `fingerprints` (by doc_id) are
    used where present and computed where not; texts are shingled again only to confirm an LSH
    candidate pair.
    """
    threshold = min(max(float(threshold), 0.01), 1.0)
    num_perm = max(int(num_perm), MIN_PERMUTATIONS)
    fingerprints = fingerprints or {}
    lsh = candidate_index(threshold, num_perm)
    texts: dict[str, str] = {}
    for doc_id, text in docs:
        texts.setdefault(doc_id, text)
    shingles_of = LazyShingles(texts)
    first_by_exact: dict[str, str] = {}
    order: dict[str, int] = {}
    duplicates: dict[str, str] = {}
    for position, (doc_id, text) in enumerate(docs):
        if doc_id in order or doc_id in duplicates:
            continue
        stored = fingerprints.get(doc_id)
        prints = stored if stored is not None and stored.num_perm == num_perm else fingerprint(text, num_perm)
        if prints.hashvalues is None:
            continue
        if prints.exact_key in first_by_exact:
            duplicates[doc_id] = first_by_exact[prints.exact_key]
            continue
        signature = prints.signature()
        candidates = lsh.query(signature)
        original = earliest_match(candidates, shingles_of[doc_id], shingles_of, order, threshold) if candidates else None
        if original is not None:
            duplicates[doc_id] = original
            continue
        first_by_exact[prints.exact_key] = doc_id
        order[doc_id] = position
        lsh.insert(doc_id, signature)
    return duplicates


def candidate_index(threshold: float, num_perm: int) -> MinHashLSH:
    """LSH tuned a little below the threshold: it only proposes pairs, exact Jaccard decides.

    datasketch cannot band very high thresholds (0.99 leaves fewer than two bands), and a lower
    LSH threshold only adds candidates, never duplicates.
    """
    lsh_threshold = min(threshold, MAX_LSH_THRESHOLD)
    while lsh_threshold > 0.1:
        try:
            return MinHashLSH(threshold=lsh_threshold, num_perm=num_perm)
        except ValueError:
            lsh_threshold -= 0.05
    return MinHashLSH(threshold=0.1, num_perm=num_perm)


class LazyShingles(dict):
    """doc_id -> shingle set of its text, computed the first time a document is an LSH candidate and
    kept: stored fingerprints spare the shingling of documents that never are."""

    def __init__(self, texts: Mapping[str, str]) -> None:
        super().__init__()
        self.texts = texts

    def __missing__(self, doc_id: str) -> set[str]:
        self[doc_id] = shingles(self.texts[doc_id])
        return self[doc_id]


def earliest_match(candidates: list[str], shingle_set: set[str], kept_shingles: Mapping[str, set[str]],
                   order: dict[str, int], threshold: float) -> str | None:
    """The earliest LSH candidate whose exact Jaccard similarity reaches the threshold."""
    confirmed = [doc_id for doc_id in candidates if jaccard(shingle_set, kept_shingles[doc_id]) >= threshold]
    return min(confirmed, key=order.__getitem__) if confirmed else None
