"""Tables: the output contract (one pandera schema per CSV) and the writer that honours it.

The schemas below are the single source of truth: the writer validates every table against them,
the tests check written files against them, and the data dictionary (processed/README.md and the
README's table section) is generated from their column descriptions.
"""
from __future__ import annotations

import errno
import os
import re
import secrets
import shutil
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator, TextIO

import pandas as pd
import pandera.pandas as pa

from extractors.entity_types import ENTITY_TYPES
from extractors.normalize import MergedFacts
from extractors.records import PREDICATES

ID_PATTERN = r"^[ER][0-9a-f]{12}$"
DOC_ID_PATTERN = r"^[0-9a-f]{16}$"
ONTOLOGY_ID_PATTERN = r"^(?:HP|ICD10CM|ORPHA):[0-9A-Z.]+$"  # HP:0001945, ICD10CM:A75.0, ORPHA:35687
STATUSES = ["ok", "failed", "duplicate"]


def text(description: str, nullable: bool = False, **checks: object) -> pa.Column:
    check_list = [pa.Check.str_matches(checks["pattern"])] if "pattern" in checks else []
    if "isin" in checks:
        check_list.append(pa.Check.isin(checks["isin"]))
    return pa.Column(str, check_list, nullable=nullable, coerce=True, description=description)


def count(description: str, nullable: bool = False) -> pa.Column:
    return pa.Column("Int64" if nullable else int, pa.Check.ge(0), nullable=nullable, coerce=True, description=description)


def flag(description: str) -> pa.Column:
    return pa.Column(bool, coerce=True, description=description)


SCHEMAS: dict[str, pa.DataFrameSchema] = {
    "documents": pa.DataFrameSchema({
        "doc_id": text("First 16 hex characters of the sha256 of the raw content; names text/<doc_id>.txt.", pattern=DOC_ID_PATTERN),
        "source": text("Path of the input file relative to the input folder; '#N' marks line N of a .jsonl file."),
        "url": text("Address of the article, where the input gave one.", nullable=True),
        "title": text("Title of the article, from the HTML, the .jsonl record or the first line of plain text.", nullable=True),
        "sha256": text("sha256 of the raw content (hex).", pattern=r"^[0-9a-f]{64}$"),
        "n_chars_raw": count("Characters of raw content as read."),
        "n_chars_clean": count("Characters of cleaned text (the text the offsets index into)."),
        "status": text("ok: facts extracted; failed: could not be read or processed (see error); duplicate: a copy of duplicate_of, adds no support.", isin=STATUSES),
        "error": text("One-line reason a document failed; empty otherwise.", nullable=True),
        "duplicate_of": text("doc_id of the earlier document this one duplicates; empty otherwise.", nullable=True),
        "date": text("Publication date (ISO 8601) where the page gave one.", nullable=True),
        "author": text("Author where the page gave one.", nullable=True),
        "n_chars_removed": count("Characters of the lines cleaning removed; the lines themselves are in removed/<doc_id>.txt."),
    }, strict=True, ordered=True, name="documents"),
    "entities": pa.DataFrameSchema({
        "entity_id": text("Stable id: hash of the type and ontology id (or canonical name when none).", pattern=ID_PATTERN),
        "entity_type": text("disease, symptom or treatment.", isin=list(ENTITY_TYPES)),
        "name": text("Canonical name: lowercase, singular, abbreviations and synonyms expanded."),
        "aliases": text("Every distinct surface form seen, ';'-separated.", nullable=True),
        "ontology_id": text("HPO id (symptoms) or ICD-10-CM code (diseases; an Orphanet id for a rare disease ICD-10-CM has no code for, and HPO's id for a malformation a page is about that only HPO names), prefixed HP: / ICD10CM: / ORPHA:; empty if none matched.", nullable=True,
                            pattern=ONTOLOGY_ID_PATTERN),
        "n_documents": count("Distinct documents that mention the entity."),
        "n_mentions": count("Mentions of the entity across all documents."),
    }, strict=True, ordered=True, unique=["entity_id"], name="entities"),
    "mentions": pa.DataFrameSchema({
        "doc_id": text("Document of the mention.", pattern=DOC_ID_PATTERN),
        "sentence_idx": count("0-based index of the sentence within the document."),
        "start": count("Character offset where the mention starts in text/<doc_id>.txt."),
        "end": count("Character offset just past the mention's end in text/<doc_id>.txt."),
        "text": text("The mention as written."),
        "entity_id": text("Entity the mention refers to (entities.csv).", pattern=ID_PATTERN),
        "entity_type": text("disease, symptom or treatment.", isin=list(ENTITY_TYPES)),
        "negated": flag("True when the sentence negates the mention ('no fever')."),
    }, strict=True, ordered=True, name="mentions"),
    "relations": pa.DataFrameSchema({
        "relation_id": text("Stable id: hash of subject_id, predicate and object_id.", pattern=ID_PATTERN),
        "subject_id": text("entity_id of the subject (a disease, or a treatment for relieves).", pattern=ID_PATTERN),
        "subject": text("Canonical name of the subject."),
        "predicate": text("has_symptom (disease -> symptom), treated_by (disease -> treatment) or relieves (treatment -> symptom).", isin=list(PREDICATES)),
        "object_id": text("entity_id of the object.", pattern=ID_PATTERN),
        "object": text("Canonical name of the object."),
        "object_type": text("Entity type of the object.", isin=list(ENTITY_TYPES)),
        "n_documents": count("Support: distinct documents that state the fact without negation."),
        "n_mentions": count("Sentences that state the fact without negation."),
        "n_negated": count("Sentences that state the fact negated; never counted as support."),
        "documents": text("doc_ids of the supporting documents, ';'-separated.", nullable=True),
        "n_hedged": count("Sentences that state the fact hedged ('may', 'can sometimes'); they count as support, weakly."),
        "confidence": pa.Column(float, pa.Check.in_range(0.0, 1.0), coerce=True, description=(
            "0-1: noisy-or over supporting documents of their strongest evidence (cue strength, lower when "
            "hedged or when the subject came from a heading or title), times the share of non-negated sentences.")),
    }, strict=True, ordered=True, unique=["relation_id"], name="relations"),
    "evidence": pa.DataFrameSchema({
        "relation_id": text("Relation the sentence states (relations.csv).", pattern=ID_PATTERN),
        "doc_id": text("Document of the sentence.", pattern=DOC_ID_PATTERN),
        "sentence": text("The evidence sentence as it appears in the cleaned text."),
        "start": count("Character offset of the sentence in text/<doc_id>.txt."),
        "end": count("Character offset just past the sentence in text/<doc_id>.txt."),
        "negated": flag("True when the sentence states the fact negated."),
    }, strict=True, ordered=True, name="evidence"),
    "runs": pa.DataFrameSchema({
        "run_id": text("Id of the run (UTC start time and a random suffix)."),
        "started_at": text("UTC start time, ISO 8601."),
        "finished_at": text("UTC finish time, ISO 8601."),
        "input": text("Input folder of the run."),
        "n_documents": count("Documents found in the input."),
        "n_new": count("Documents from sources (files, .jsonl lines) the previous run did not have.", nullable=True),
        "n_failed": count("Documents with status failed."),
        "model": text("NER model used: 'bundled' or the name/path given."),
        "n_changed": count("Documents from sources the previous run had, with other content.", nullable=True),
        "n_unchanged": count("Documents from sources the previous run had, with the same content.", nullable=True),
        "n_removed": count("Sources of the previous run that are gone from the input (their facts are gone too).", nullable=True),
        "n_extracted": count("Documents that went through NER in this run; the others reused stored results.", nullable=True),
        "extractor_version": text("Hash of the code, data files, model and text-library versions that produced the results; "
                                  "a new one re-extracts every document.", nullable=True),
    }, strict=True, ordered=True, name="runs"),
}
TABLE_FILES = {name: f"{name}.csv" for name in SCHEMAS}
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class DocumentRow:
    doc_id: str
    source: str
    url: str | None
    title: str | None
    sha256: str
    n_chars_raw: int
    n_chars_clean: int
    status: str
    error: str | None = None
    duplicate_of: str | None = None
    date: str | None = None
    author: str | None = None
    n_chars_removed: int = 0


def frame(name: str, rows: Iterable[dict | tuple]) -> pd.DataFrame:
    """A DataFrame with the schema's columns in order, validated (and coerced) against it."""
    schema = SCHEMAS[name]
    data = pd.DataFrame(list(rows), columns=list(schema.columns))
    return schema.validate(data, lazy=True)


def documents_table(rows: Iterable[DocumentRow]) -> pd.DataFrame:
    return frame("documents", (vars(row) for row in rows))


def fact_tables(merged: MergedFacts) -> dict[str, pd.DataFrame]:
    """entities, mentions, relations and evidence tables, sorted so diffs between runs stay small."""
    entities = merged.entities
    entity_rows = sorted(({
        "entity_id": e.entity_id, "entity_type": e.entity_type, "name": e.name,
        "aliases": ";".join(sorted(e.aliases.values(), key=str.lower)), "ontology_id": e.ontology_id or None,
        "n_documents": len(e.documents), "n_mentions": e.n_mentions,
    } for e in entities.values()), key=lambda row: (row["entity_type"], -row["n_documents"], row["name"]))
    mention_rows = [{
        "doc_id": doc_id, "sentence_idx": m.sentence_idx, "start": m.start, "end": m.end, "text": m.text,
        "entity_id": entity_id, "entity_type": entities[entity_id].entity_type, "negated": m.negated,
    } for doc_id, m, entity_id in merged.mentions]
    relation_rows = sorted(({
        "relation_id": r.relation_id, "subject_id": r.subject_id, "subject": entities[r.subject_id].name,
        "predicate": r.predicate, "object_id": r.object_id, "object": entities[r.object_id].name,
        "object_type": r.object_type, "n_documents": len(r.supporting_documents), "n_mentions": r.n_mentions,
        "n_negated": r.n_negated, "documents": ";".join(sorted(r.supporting_documents)) or None,
        "n_hedged": r.n_hedged, "confidence": r.confidence,
    } for r in merged.relations.values()), key=lambda row: (-row["n_documents"], -row["confidence"], row["predicate"],
                                                           row["subject"], row["object"]))
    evidence_rows = [{
        "relation_id": relation_id, "doc_id": doc_id, "sentence": item.sentence, "start": item.start,
        "end": item.end, "negated": item.negated,
    } for relation_id, doc_id, item in merged.evidence]
    return {"entities": frame("entities", entity_rows), "mentions": frame("mentions", mention_rows),
            "relations": frame("relations", relation_rows), "evidence": frame("evidence", evidence_rows)}


def escape_formula(value: object) -> object:
    """OWASP rule: a cell a spreadsheet would read as a formula gets a leading apostrophe. So that the
    rule can be undone (unescape_formula), so does a cell whose apostrophes precede such a start ("'@")."""
    if isinstance(value, str) and value.lstrip("'").startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def unescape_formula(cell: str) -> str:
    """The text a CSV cell holds: one leading apostrophe off where escape_formula put it."""
    return cell[1:] if cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_PREFIXES) else cell


def spreadsheet_safe(table: pd.DataFrame) -> pd.DataFrame:
    """The table with escape_formula applied to every text cell (vectorised: tables have millions of cells)."""
    safe = table.copy(deep=False)
    for column in safe.columns:
        values = safe[column]
        if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
            continue
        formula = values.str.lstrip("'").str.startswith(FORMULA_PREFIXES, na=False)
        if formula.any():
            safe[column] = values.where(~formula, "'" + values.where(formula, ""))
    return safe


def atomic_write(path: Path, write: Callable[[TextIO], object]) -> None:
    """Write via a temporary file in the same folder and rename, so readers never see half a file.

    `write` gets the open text stream (UTF-8, no newline translation).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, content: str) -> None:
    atomic_write(path, lambda stream: stream.write(content))


def write_table(name: str, table: pd.DataFrame, out_dir: Path) -> Path:
    """Validate against the schema, make spreadsheet-safe, write atomically as UTF-8 CSV.

    The CSV streams into the file: a table of millions of rows never exists as one string.
    """
    validated = SCHEMAS[name].validate(table, lazy=True)
    path = out_dir / TABLE_FILES[name]
    safe = spreadsheet_safe(validated)
    atomic_write(path, lambda stream: safe.to_csv(stream, index=False, lineterminator="\r\n"))
    return path


def read_table(name: str, out_dir: Path) -> pd.DataFrame:
    """Read a written table back with the schema's types (empty cells become None)."""
    path = out_dir / TABLE_FILES[name]
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    table = table.replace({"": None})
    return SCHEMAS[name].validate(table, lazy=True)


def append_run(row: dict, out_dir: Path, previous_dir: Path | None = None) -> Path:
    """runs.csv keeps one row per run; it is rewritten whole (atomically) with the new row appended.

    The earlier rows come from `previous_dir` (default: out_dir), the set the new one replaces.
    """
    previous_dir = out_dir if previous_dir is None else previous_dir
    path = previous_dir / TABLE_FILES["runs"]
    previous = previous_runs(path) if path.exists() else frame("runs", [])
    return write_table("runs", pd.concat([previous, frame("runs", [row])], ignore_index=True), out_dir)


def previous_runs(path: Path) -> pd.DataFrame:
    """Earlier rows of runs.csv; rows from before a column existed get it empty (nullable columns only)."""
    table = pd.read_csv(path, dtype=str, keep_default_na=False).replace({"": None})
    return SCHEMAS["runs"].validate(table.reindex(columns=list(SCHEMAS["runs"].columns)), lazy=True)


def friendly_type(column: pa.Column) -> str:
    """The column's type in an analyst's words."""
    name = str(column.dtype)
    if name.lower().startswith("int"):
        return "integer"
    return {"bool": "true/false", "float64": "number"}.get(name, "text")


def data_dictionary(level: int = 1) -> str:
    """Markdown data dictionary generated from the schemas; `level` is the heading depth of its title."""
    lines = ["#" * level + " Output tables", "",
             "UTF-8 CSV (RFC 4180: CRLF line ends, quoted fields) with a header row, one fact per row. Generated from the schemas in `extractors/tables.py` "
             "by `make dictionary`; do not edit by hand.", "",
             "Cells that a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, tab or "
             "carriage return, after any apostrophes) are written with one more leading apostrophe; remove one "
             "leading apostrophe from such a cell to get the text. `text/<doc_id>.txt` holds the cleaned "
             "text that the offsets in mentions.csv and evidence.csv index into; `removed/<doc_id>.txt` holds "
             "the lines cleaning took out, one per line, so the cleaner can be audited. `.state/results.sqlite` keeps "
             "each document's cleaned text and facts between runs, keyed by content hash and extractor version, "
             "so a run extracts only new or changed articles; it is a cache (`medfacts run --full` or deleting "
             "it rebuilds everything).", ""]
    for name, schema in SCHEMAS.items():
        lines += ["#" * (level + 1) + f" {TABLE_FILES[name]}", "", "| column | type | meaning |", "| --- | --- | --- |"]
        for column_name, column in schema.columns.items():
            lines.append(f"| {column_name} | {friendly_type(column)} | {column.description} |")
        lines.append("")
    return "\n".join(lines)


DICTIONARY_START, DICTIONARY_END = "<!-- dictionary:start -->\n", "<!-- dictionary:end -->"


def write_dictionaries(repo: Path) -> None:
    """Refresh processed/README.md and the dictionary section of README.md from the schemas."""
    (repo / "processed" / "README.md").write_text(data_dictionary(1), encoding="utf-8")
    readme_path = repo / "README.md"
    readme = readme_path.read_text(encoding="utf-8")
    head, rest = readme.split(DICTIONARY_START, 1)
    tail = rest.split(DICTIONARY_END, 1)[1]
    readme_path.write_text(head + DICTIONARY_START + data_dictionary(2) + DICTIONARY_END + tail, encoding="utf-8")


def document_rows(documents: list, failures: dict[str, str]) -> list[DocumentRow]:
    """documents.csv rows from cleaned documents; failures maps doc_id -> error raised after cleaning."""
    rows = []
    for document in documents:
        status, error = document.status, document.error
        if document.ok and document.doc_id in failures:
            status, error = "failed", failures[document.doc_id]
        rows.append(DocumentRow(
            doc_id=document.doc_id, source=document.raw.source, url=document.url, title=document.title,
            sha256=document.raw.sha256, n_chars_raw=document.n_chars_raw, n_chars_clean=len(document.text),
            status=status, error=error, duplicate_of=document.duplicate_of, date=document.date,
            author=document.author, n_chars_removed=sum(len(line) for line in document.removed)))
    return rows


def write_outputs(out_dir: Path, documents: list, merged: MergedFacts, failures: dict[str, str], run: dict) -> dict:
    """Write text/, removed/, every table and the runs.csv row as one new set; returns the run row.

    Everything is built and validated in memory first, so a schema error leaves the old tables
    untouched. The set is then written into a fresh generation folder and published with one
    atomic rename (see `publish_generation`): readers see the old set or the new one, never a mix.
    The caller holds `run_lock(out_dir)`.
    """
    out_dir = Path(out_dir)
    documents_frame = documents_table(document_rows(documents, failures))
    tables = {"documents": documents_frame, **fact_tables(merged)}  # each validated by frame()
    remove_stale_output(out_dir)
    generation = new_generation(out_dir)
    for document in documents:
        if document.ok and document.doc_id not in failures:
            write_plain(generation / "text" / f"{document.doc_id}.txt", document.text)
        if document.removed:
            write_plain(generation / "removed" / f"{document.doc_id}.txt", "\n".join(document.removed) + "\n")
    for name, table in tables.items():
        write_table(name, table, generation)
    run_row = {**run, "finished_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
               "n_documents": len(documents_frame),
               "n_failed": int((documents_frame["status"] == "failed").sum())}
    append_run(run_row, generation, previous_dir=out_dir)
    publish_generation(out_dir, generation)
    return run_row


def run_summary(out_dir: Path, run_row: dict, top: int = 10, max_failures: int = 20) -> str:
    """A run in a few lines of Markdown (for Prefect's UI): counts, failed documents, best-supported facts."""
    folder = current_set(Path(out_dir))
    documents = pd.read_csv(folder / TABLE_FILES["documents"], dtype=str, keep_default_na=False)
    relations = pd.read_csv(folder / TABLE_FILES["relations"], dtype=str, keep_default_na=False)
    counts = ", ".join(f"{key.removeprefix('n_')} {run_row[key]}" for key in
                       ("n_documents", "n_new", "n_changed", "n_unchanged", "n_removed", "n_failed", "n_extracted")
                       if key in run_row)
    lines = [f"# medfacts run {run_row['run_id']}", "", f"Documents: {counts}.", ""]
    failed = documents[documents["status"] == "failed"]
    if len(failed):
        lines += ["## Failed documents", "", "| source | error |", "| --- | --- |"]
        lines += [f"| {markdown_cell(row.source)} | {markdown_cell(row.error)} |" for row in failed.head(max_failures).itertuples()]
        if len(failed) > max_failures:
            lines.append(f"| ... | {len(failed) - max_failures} more in documents.csv |")
        lines.append("")
    if len(relations):
        relations = relations.assign(support=relations["n_documents"].astype(int)).sort_values(
            ["support", "confidence"], ascending=False, kind="stable")
        lines += [f"## Top {min(top, len(relations))} relations", "", "| subject | predicate | object | documents | confidence |",
                  "| --- | --- | --- | --- | --- |"]
        lines += [f"| {markdown_cell(row.subject)} | {row.predicate} | {markdown_cell(row.object)} | {row.n_documents} | "
                  f"{float(row.confidence):.2f} |" for row in relations.head(top).itertuples()]
    return "\n".join(lines) + "\n"


def markdown_cell(value: object) -> str:
    return " ".join(str(value).split()).replace("|", "\\|")


# ----------------------------------------------------------------------------------------------
# One run at a time (run_lock), one complete set at a time (publish_generation)

LOCK_FILE = ".medfacts.lock"
GENERATIONS = ".generations"
CURRENT = "current"
OUTPUT_ENTRIES = (*TABLE_FILES.values(), "text", "removed")
LOCK_POLL_SECONDS = 0.5
_HELD_LOCKS: set[tuple[str, int]] = set()  # (output folder, thread) pairs this process holds


class OutputFolderBusy(RuntimeError):
    """Another medfacts run holds the output folder's lock."""


@contextmanager
def run_lock(out_dir: Path, timeout: float = 60.0, sleep: Callable[[float], object] = time.sleep) -> Iterator[None]:
    """Own the output folder for a whole run: an exclusive flock on out/.medfacts.lock.

    Waits up to `timeout` seconds for a running medfacts to finish, then raises OutputFolderBusy
    ('output folder is in use by another medfacts run (pid N)'). The lock is released when the
    block ends, and by the kernel when the process dies, so a killed run leaves no stale lock.
    Re-entrant within one thread: the command line takes the lock (to report a busy folder in one
    line) and the flow it calls takes it again (to protect callers that start the flow directly).
    """
    import fcntl

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    key = (os.path.realpath(out_dir), threading.get_ident())
    if key in _HELD_LOCKS:
        yield
        return
    path = out_dir / LOCK_FILE
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + max(0.0, float(timeout))
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise OutputFolderBusy(
                        f"output folder is in use by another medfacts run (pid {lock_holder(path)})") from None
                sleep(min(LOCK_POLL_SECONDS, max(0.0, deadline - time.monotonic())))
        os.ftruncate(handle, 0)
        os.pwrite(handle, f"{os.getpid()}\n".encode("ascii"), 0)
        _HELD_LOCKS.add(key)
        try:
            yield
        finally:
            _HELD_LOCKS.discard(key)
            os.ftruncate(handle, 0)
    finally:
        os.close(handle)  # closing the file releases the lock


def lock_holder(path: Path) -> str:
    """The pid the lock's owner wrote into the lock file, or 'unknown'."""
    try:
        pid = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return "unknown"
    return pid if pid.isdigit() else "unknown"


def current_set(out_dir: Path) -> Path:
    """The folder holding the published set right now: read several tables from it for a consistent view."""
    out_dir = Path(out_dir)
    link = out_dir / CURRENT
    return out_dir / os.readlink(link) if link.is_symlink() else out_dir


def generation_name() -> str:
    """A fresh, sortable folder name for a run's set (UTC time, pid, random suffix)."""
    return f"{datetime.now(timezone.utc):%Y%m%dT%H%M%SZ}-{os.getpid()}-{secrets.token_hex(3)}"


def new_generation(out_dir: Path) -> Path:
    folder = out_dir / GENERATIONS / generation_name()
    for name in ("text", "removed"):  # always there, so out/text and out/removed never dangle
        (folder / name).mkdir(parents=True)
    return folder


def write_plain(path: Path, content: str) -> None:
    """A file inside an unpublished generation: no one reads it before the switch, so no rename dance."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as stream:
        stream.write(content)


def fsync_tree(folder: Path) -> None:
    """Flush a generation's files and folder entries to disk before it is published.

    One sync(2) where the platform has it: thousands of text files cost one flush, not one each.
    """
    if hasattr(os, "sync"):
        os.sync()
        return
    for root, _folders, files in os.walk(folder):
        for name in files:
            fsync_path(Path(root) / name, os.O_RDONLY)
        fsync_path(Path(root), os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))


def fsync_path(path: Path, flags: int) -> None:
    try:
        handle = os.open(path, flags)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass  # some file systems cannot sync folders
    finally:
        os.close(handle)


def replace_with_link(path: Path, target: str) -> None:
    """Make `path` a symbolic link to `target` in one atomic rename (whatever file it was before)."""
    temporary = path.parent / f".{path.name}.{os.getpid()}.{secrets.token_hex(3)}.tmp"
    os.symlink(target, temporary)
    try:
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def publish_generation(out_dir: Path, generation: Path) -> None:
    """Make `generation` the set readers see: switch `current`, then make sure the names link through it.

    Layout of an output folder:

        out/.medfacts.lock               flock()ed by the run that owns the folder; holds its pid
        out/.generations/<generation>/   one run's complete set: the CSVs, text/, removed/
        out/current -> .generations/<g>  symbolic link: the set readers see
        out/documents.csv -> current/documents.csv, ..., out/text -> current/text  (links, made once)

    A run writes its whole set into a new generation folder, syncs it to disk, then points
    `current` at it with one rename(2) of a symbolic link, which POSIX makes atomic. A run killed at
    any point (SIGKILL, out of memory) leaves `current` on the old set or on the new one: the table
    names never resolve to a mix. The next run (under the lock) deletes generation folders that
    `current` does not point at (keeping the set it replaces, for readers still on it) and leftover
    temporary files; the lock dies with its process (flock), so a killed run never blocks the next.
    A reader that reads several tables while a run may publish resolves `current` once
    (`current_set`) and reads there. The first run on a folder of the old layout (real files) moves
    them aside, name by name. Where the file system has no symbolic links, each file is renamed into
    place instead: each file stays whole, the set does not.
    """
    fsync_tree(generation)
    current = out_dir / CURRENT
    if current.exists() and not current.is_symlink():
        raise FileExistsError(f"{current} is not a medfacts link; move it away so the tables can be published")
    replaced = os.path.basename(os.readlink(current)) if current.is_symlink() else None
    try:
        replace_with_link(current, f"{GENERATIONS}/{generation.name}")
    except OSError as error:
        if isinstance(error, FileExistsError) or error.errno not in LINKS_UNSUPPORTED:
            raise
        publish_by_renames(out_dir, generation)
        return
    fsync_path(out_dir, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    for name in OUTPUT_ENTRIES:
        link_through_current(out_dir, name)
    remove_stale_output(out_dir, keep=replaced)  # the replaced set stays one run, for readers still on it


LINKS_UNSUPPORTED = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL}


def link_through_current(out_dir: Path, name: str) -> None:
    """out/<name> -> current/<name>. Made once per folder; a folder of the old layout moves aside first."""
    path, target = out_dir / name, f"{CURRENT}/{name}"
    if path.is_symlink() and os.readlink(path) == target:
        return
    if path.is_dir() and not path.is_symlink():  # text/ or removed/ of the old layout
        path.rename(out_dir / GENERATIONS / f"old-{name}-{secrets.token_hex(3)}")
    replace_with_link(path, target)


def publish_by_renames(out_dir: Path, generation: Path) -> None:
    """Fallback without symbolic links: rename each file into place (each file atomic, the set not)."""
    for name in OUTPUT_ENTRIES:
        source, path = generation / name, out_dir / name
        if not source.exists():
            continue
        if source.is_dir():
            if path.exists():
                path.rename(out_dir / GENERATIONS / f"old-{name}-{secrets.token_hex(3)}")
            source.rename(path)
        else:
            os.replace(source, path)
    shutil.rmtree(generation, ignore_errors=True)
    remove_stale_output(out_dir)


def remove_stale_output(out_dir: Path, keep: str | None = None) -> None:
    """Delete what killed runs leave behind: unpublished or replaced generations, temporary files.

    Only medfacts' own names are touched: folders under out/.generations other than the one
    `current` points at (and `keep`), and out/.<table or link name>.*.tmp.
    """
    out_dir = Path(out_dir)
    generations = out_dir / GENERATIONS
    live = os.path.basename(os.readlink(out_dir / CURRENT)) if (out_dir / CURRENT).is_symlink() else None
    if generations.is_dir():
        for folder in generations.iterdir():
            if folder.name not in (live, keep):
                if folder.is_dir() and not folder.is_symlink():
                    shutil.rmtree(folder, ignore_errors=True)
                else:
                    folder.unlink(missing_ok=True)
    for name in (*OUTPUT_ENTRIES, CURRENT):
        for temporary in out_dir.glob(f".{glob_escape(name)}.*.tmp"):
            temporary.unlink(missing_ok=True)


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


if __name__ == "__main__":
    write_dictionaries(Path(__file__).resolve().parents[1])
