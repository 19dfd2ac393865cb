"""Read IOB-tagged corpora (token<TAB>tag, blank line between sentences) into spaCy Docs.

The corpora come pre-tokenized, and the NER is trained and scored on exactly those tokens, so the
Docs keep the gold words; only the whitespace between them is guessed (the files do not record it),
which changes `doc.text` but no token and no entity offset in tokens.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

# Corpus entity types -> the labels the bundled model predicts (scispaCy's en_ner_bc5cdr_md names).
LABELS: dict[str, str] = {"Disease": "DISEASE", "Chemical": "CHEMICAL"}

# Tokens glued to the previous token / the next one when guessing the original text.
NO_SPACE_BEFORE = frozenset({".", ",", ";", ":", "?", "!", ")", "]", "}", "%", "-", "/"})
NO_SPACE_AFTER = frozenset({"(", "[", "{", "-", "/"})

TaggedSentence = list[tuple[str, str]]


def read_sentences(path: str | Path) -> Iterator[TaggedSentence]:
    """Yield each sentence as (token, tag) pairs; a blank line ends a sentence."""
    sentence: TaggedSentence = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                if sentence:
                    yield sentence
                sentence = []
                continue
            token, _, tag = line.partition("\t")
            sentence.append((token, tag.strip() or "O"))
    if sentence:
        yield sentence


def guess_spaces(words: list[str]) -> list[bool]:
    """Whether each word is followed by a space: readable text for speed benchmarks and debugging.

    The guess never affects training or scoring (features and entities are per token).
    """
    spaces = [True] * len(words)
    for i, word in enumerate(words):
        if i == len(words) - 1:
            spaces[i] = False
        elif word in NO_SPACE_AFTER or words[i + 1] in NO_SPACE_BEFORE:
            spaces[i] = False
        elif words[i + 1] == "'" and i + 2 < len(words) and words[i + 2] == "s":  # Parkinson ' s
            spaces[i] = spaces[i + 1] = False
    return spaces


def spans_from_tags(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) token spans from IOB tags; a stray I- (no B- before it) opens a new span."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and start >= 0 and LABELS.get(kind, kind) == label
        if start >= 0 and not continues:
            spans.append((start, i, label))
            start, label = -1, ""
        if prefix in ("B", "I") and not continues:
            start, label = i, LABELS.get(kind, kind)
    return spans


def sentence_to_doc(vocab: Vocab, sentence: TaggedSentence) -> Doc:
    """A Doc with the sentence's gold tokens and its gold entities as `doc.ents`."""
    words = [token for token, _ in sentence]
    doc = Doc(vocab, words=words, spaces=guess_spaces(words))
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in spans_from_tags([t for _, t in sentence])]
    return doc


def read_docs(path: str | Path, vocab: Vocab | None = None) -> list[Doc]:
    """Every sentence of an IOB file as a gold Doc (one sentence a Doc)."""
    vocab = vocab if vocab is not None else Vocab()
    return [sentence_to_doc(vocab, sentence) for sentence in read_sentences(path)]


def without_entities(doc: Doc) -> Doc:
    """A copy of a gold Doc with the same tokens and no entities: the input a model is scored on."""
    return Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])


def write_docbin(docs: Iterable[Doc], path: str | Path) -> Path:
    """Save Docs as a DocBin (.spacy), the corpus format `spacy train` reads."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    return path


def texts(path: str | Path) -> list[str]:
    """The (whitespace-guessed) text of every sentence: raw input for speed benchmarks."""
    return [doc.text for doc in read_docs(path)]
