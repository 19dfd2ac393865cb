"""Tables: the output contract (one pandera schema per CSV) and the writer that honours it.

The schemas below are the single source of truth: the writer validates every table against them,
the tests check written files against them, and the data dictionary (processed/README.md and the
README's table section) is generated from their column descriptions.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

import pandas as pd
import pandera.pandas as pa

from extractors.normalize import MergedFacts

ID_PATTERN = r"^[ER][0-9a-f]{12}$"
DOC_ID_PATTERN = r"^[0-9a-f]{16}$"
ENTITY_TYPES = ["disease", "symptom", "treatment"]
PREDICATES = ["has_symptom", "treated_by", "relieves"]
STATUSES = ["ok", "failed", "duplicate"]


def text(description: str, nullable: bool = False, **checks: object) -> pa.Column:
    check_list = [pa.Check.str_matches(checks["pattern"])] if "pattern" in checks else []
    if "isin" in checks:
        check_list.append(pa.Check.isin(checks["isin"]))
    return pa.Column(str, check_list, nullable=nullable, coerce=True, description=description)


def count(description: str) -> pa.Column:
    return pa.Column(int, pa.Check.ge(0), coerce=True, description=description)


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
        "entity_type": text("disease, symptom or treatment.", isin=ENTITY_TYPES),
        "name": text("Canonical name: lowercase, singular, abbreviations and synonyms expanded."),
        "aliases": text("Every distinct surface form seen, ';'-separated.", nullable=True),
        "ontology_id": text("HPO id (symptoms) or ICD-10-CM code (diseases), prefixed HP: / ICD10CM:; empty if none matched.", nullable=True),
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
        "entity_type": text("disease, symptom or treatment.", isin=ENTITY_TYPES),
        "negated": flag("True when the sentence negates the mention ('no fever')."),
    }, strict=True, ordered=True, name="mentions"),
    "relations": pa.DataFrameSchema({
        "relation_id": text("Stable id: hash of subject_id, predicate and object_id.", pattern=ID_PATTERN),
        "subject_id": text("entity_id of the subject (a disease, or a treatment for relieves).", pattern=ID_PATTERN),
        "subject": text("Canonical name of the subject."),
        "predicate": text("has_symptom (disease -> symptom), treated_by (disease -> treatment) or relieves (treatment -> symptom).", isin=PREDICATES),
        "object_id": text("entity_id of the object.", pattern=ID_PATTERN),
        "object": text("Canonical name of the object."),
        "object_type": text("Entity type of the object.", isin=ENTITY_TYPES),
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
        "n_new": count("Documents whose doc_id the previous tables did not have."),
        "n_failed": count("Documents with status failed."),
        "model": text("NER model used: 'bundled' or the name/path given."),
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
    """OWASP rule: a cell a spreadsheet would read as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def spreadsheet_safe(table: pd.DataFrame) -> pd.DataFrame:
    safe = table.copy()
    for column in safe.columns:
        if not (pd.api.types.is_numeric_dtype(safe[column]) or pd.api.types.is_bool_dtype(safe[column])):
            safe[column] = safe[column].map(escape_formula)
    return safe


def atomic_write_text(path: Path, content: str) -> None:
    """Write via a temporary file in the same folder and rename, so readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_table(name: str, table: pd.DataFrame, out_dir: Path) -> Path:
    """Validate against the schema, make spreadsheet-safe, write atomically as UTF-8 CSV."""
    validated = SCHEMAS[name].validate(table, lazy=True)
    path = out_dir / TABLE_FILES[name]
    atomic_write_text(path, spreadsheet_safe(validated).to_csv(index=False, lineterminator="\r\n"))
    return path


def read_table(name: str, out_dir: Path) -> pd.DataFrame:
    """Read a written table back with the schema's types (empty cells become None)."""
    path = out_dir / TABLE_FILES[name]
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    table = table.replace({"": None})
    return SCHEMAS[name].validate(table, lazy=True)


def append_run(row: dict, out_dir: Path) -> Path:
    """runs.csv keeps one row per run; it is rewritten whole (atomically) with the new row appended."""
    path = out_dir / TABLE_FILES["runs"]
    previous = read_table("runs", out_dir) if path.exists() else frame("runs", [])
    return write_table("runs", pd.concat([previous, frame("runs", [row])], ignore_index=True), out_dir)


def friendly_type(column: pa.Column) -> str:
    """The column's type in an analyst's words."""
    name = str(column.dtype)
    if name.startswith("int"):
        return "integer"
    return {"bool": "true/false", "float64": "number"}.get(name, "text")


def data_dictionary(level: int = 1) -> str:
    """Markdown data dictionary generated from the schemas; `level` is the heading depth of its title."""
    lines = ["#" * level + " Output tables", "",
             "UTF-8 CSV (RFC 4180: CRLF line ends, quoted fields) with a header row, one fact per row. Generated from the schemas in `extractors/tables.py` "
             "by `make dictionary`; do not edit by hand.", "",
             "Cells that a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, tab or "
             "carriage return) are written with a leading apostrophe. `text/<doc_id>.txt` holds the cleaned "
             "text that the offsets in mentions.csv and evidence.csv index into; `removed/<doc_id>.txt` holds "
             "the lines cleaning took out, one per line, so the cleaner can be audited.", ""]
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
            sha256=document.raw.sha256, n_chars_raw=len(document.raw.content), n_chars_clean=len(document.text),
            status=status, error=error, duplicate_of=document.duplicate_of, date=document.date,
            author=document.author, n_chars_removed=sum(len(line) for line in document.removed)))
    return rows


def previous_doc_ids(out_dir: Path) -> set[str]:
    path = out_dir / TABLE_FILES["documents"]
    if not path.exists():
        return set()
    try:
        return set(pd.read_csv(path, dtype=str, usecols=["doc_id"])["doc_id"].dropna())
    except (ValueError, pd.errors.ParserError, OSError):
        return set()


def write_outputs(out_dir: Path, documents: list, merged: MergedFacts, failures: dict[str, str], run: dict) -> dict:
    """Write text/, every table and the runs.csv row; returns the run row.

    Everything is built and validated in memory first, so a schema error leaves the old tables untouched.
    """
    documents_frame = documents_table(document_rows(documents, failures))
    tables = {"documents": documents_frame, **fact_tables(merged)}
    for name, table in tables.items():
        SCHEMAS[name].validate(table, lazy=True)
    new_ids = set(documents_frame["doc_id"]) - previous_doc_ids(out_dir)
    for document in documents:
        if document.ok and document.doc_id not in failures:
            atomic_write_text(out_dir / "text" / f"{document.doc_id}.txt", document.text)
        if document.removed:
            atomic_write_text(out_dir / "removed" / f"{document.doc_id}.txt", "\n".join(document.removed) + "\n")
    for name, table in tables.items():
        write_table(name, table, out_dir)
    run_row = {**run, "finished_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
               "n_documents": len(documents_frame), "n_new": len(new_ids),
               "n_failed": int((documents_frame["status"] == "failed").sum())}
    append_run(run_row, out_dir)
    return run_row


if __name__ == "__main__":
    write_dictionaries(Path(__file__).resolve().parents[1])
