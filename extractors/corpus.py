"""Corpus-level cleaning: clean every loaded document, isolate failures, mark duplicates.

Per-document cleaning lives in `clean`; this module applies it to a whole input so that one
broken article becomes one failed row, lines that recur across many articles count as
boilerplate, and copies of an article add no support to facts.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Mapping

from extractors import clean, dedup, language
from extractors.load import RawDocument


@dataclass(frozen=True)
class CleanDocument:
    """A loaded document after cleaning: the text NER reads, plus what cleaning removed."""

    raw: RawDocument
    text: str = ""
    removed: list[str] = field(default_factory=list)
    title: str | None = None
    url: str | None = None
    date: str | None = None
    author: str | None = None
    status: str = "ok"
    error: str | None = None
    duplicate_of: str | None = None
    n_chars_raw: int = 0
    fingerprint: dedup.Fingerprint | None = None  # of `text`, for near-duplicate detection
    breadcrumb: str | None = None  # the last label of the page's breadcrumb trail, where it has one

    @property
    def doc_id(self) -> str:
        return self.raw.doc_id

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def one_line(error: BaseException) -> str:
    message = " ".join(str(error).split()) or type(error).__name__
    return f"{type(error).__name__}: {message}"[:300]


def clean_document(raw: RawDocument, recurring: frozenset[str]) -> CleanDocument:
    """Clean one document; any failure becomes a failed record instead of an exception."""
    if not raw.ok:
        return CleanDocument(raw=raw, status="failed", error=raw.error, title=raw.title, url=raw.url,
                             n_chars_raw=len(raw.content))
    document = cleaned_document(raw, recurring)
    return replace(document, n_chars_raw=len(raw.content),
                   fingerprint=dedup.fingerprint(document.text) if document.ok else None)


def cleaned_document(raw: RawDocument, recurring: frozenset[str]) -> CleanDocument:
    try:
        if raw.kind == "html":
            cleaned = clean.clean_html(raw.content, url=raw.url)
        else:
            cleaned = clean.clean_text(raw.content, title=raw.title, recurring=recurring)
    except Exception as error:  # a cleaner bug must cost one document, not the run
        return failed_cleaning(raw, error)
    document = CleanDocument(raw=raw, text=cleaned.text, removed=list(cleaned.removed),
                             title=raw.title or cleaned.title, url=raw.url or cleaned.url,
                             date=cleaned.date, author=cleaned.author, breadcrumb=cleaned.breadcrumb)
    if not document.text.strip():
        # Nothing left: say why, in the words a user acts on (another language, or no text at all).
        foreign = language.not_english_reason(raw.content if raw.kind == "text" else page_text(raw.content))
        reason = foreign or ("no article text left after cleaning" if document.removed else "no article text")
        return replace(document, status="failed", error=reason)
    foreign = language.not_english_reason(document.text)
    if foreign:
        return replace(document, status="failed", error=foreign)
    return document


def page_text(html: str) -> str:
    """All visible text of an HTML page (for the language check when no article text was found)."""
    try:
        return clean.whole_page_text(html)
    except Exception:
        return ""


def mark_duplicates(documents: list[CleanDocument]) -> list[CleanDocument]:
    """Exact copies (same doc_id) and near-duplicates (MinHash) of an earlier document become duplicates.

    Documents arrive with their status from cleaning (ok or failed), never 'duplicate': a stored
    document is marked again on every run, against whatever else the input holds now.
    """
    first_seen: dict[str, str] = {}
    marked: list[CleanDocument] = []
    for document in documents:
        if document.ok and document.doc_id in first_seen:
            document = replace(document, status="duplicate", duplicate_of=document.doc_id)
        elif document.ok:
            first_seen[document.doc_id] = document.doc_id
        marked.append(document)
    candidates = [(d.doc_id, d.text) for d in marked if d.ok]
    fingerprints = {d.doc_id: d.fingerprint for d in marked if d.ok and d.fingerprint is not None}
    near = dedup.find_near_duplicates(candidates, fingerprints=fingerprints)
    return [replace(d, status="duplicate", duplicate_of=near[d.doc_id]) if d.ok and d.doc_id in near else d
            for d in marked]


def clean_corpus(raw_documents: list[RawDocument],
                 known: Mapping[str, CleanDocument] | None = None) -> list[CleanDocument]:
    """Clean all documents of one input, using lines that recur across them as boilerplate.

    `known` maps doc_ids to documents cleaned by an earlier run (same content, same extractor
    version): they are reused as they are, with this run's source and URL, and only the rest is
    cleaned. The three steps are separate functions so a caller can spread the middle one, which
    is per document, over workers.
    """
    known = known or {}
    return mark_duplicates(clean_documents(raw_documents, recurring_boilerplate(raw_documents, known), known))


def recurring_boilerplate(raw_documents: list[RawDocument], known: Mapping[str, CleanDocument]) -> frozenset[str]:
    """Lines that recur across the input's plain texts, counted over every text of the input but
    only when one of them is new: a stored document keeps the cleaning it got when it was new
    (`medfacts run --full` cleans everything again)."""
    if not any(raw.ok and raw.kind == "text" and raw.doc_id not in known for raw in raw_documents):
        return frozenset()
    try:
        return clean.recurring_lines([raw.content for raw in raw_documents if raw.ok and raw.kind == "text"])
    except Exception:
        return frozenset()


def clean_documents(raw_documents: list[RawDocument], recurring: frozenset[str],
                    known: Mapping[str, CleanDocument] | None = None) -> list[CleanDocument]:
    """Each document on its own (a stored cleaning reused as it is), in input order."""
    known = known or {}
    return [reused(known[raw.doc_id], raw) if has_stored_cleaning(raw, known) else clean_document(raw, recurring)
            for raw in raw_documents]


def has_stored_cleaning(raw: RawDocument, known: Mapping[str, CleanDocument]) -> bool:
    """Whether a document's stored cleaning is reused (same content, read without error) instead of cleaning it again."""
    return raw.ok and raw.doc_id in known


def failed_cleaning(raw: RawDocument, error: BaseException) -> CleanDocument:
    return CleanDocument(raw=raw, status="failed", error=f"cleaning failed: {one_line(error)}", title=raw.title,
                         url=raw.url, n_chars_raw=len(raw.content))


def reused(stored: CleanDocument, raw: RawDocument) -> CleanDocument:
    """A stored cleaning result for this run's copy of the same content (its source may differ)."""
    return replace(stored, raw=raw, url=raw.url or stored.url, title=raw.title or stored.title,
                   n_chars_raw=len(raw.content))


def stored_form(document: CleanDocument) -> CleanDocument:
    """What a run keeps of a cleaned document: everything but the raw content and this run's marking."""
    status = "ok" if document.status == "duplicate" else document.status
    return replace(document, raw=replace(document.raw, content=""), status=status, duplicate_of=None)
