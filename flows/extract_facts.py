"""The extract-facts flow: scraped articles in, tidy fact tables out.

Each task is one stage from `extractors`; the flow only passes records between them.
"""
from __future__ import annotations

import secrets
from datetime import datetime, timezone
from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote  # large inputs: Prefect must not walk every record

from extractors import corpus, load, ner, normalize, relations, tables
from extractors.corpus import CleanDocument
from extractors.records import DocumentFacts

BATCH_SIZE = 64


@task(name="load", cache_policy=NO_CACHE)
def load_articles(input_dir: Path) -> list[load.RawDocument]:
    return load.load_documents(input_dir)


@task(name="clean", cache_policy=NO_CACHE)
def clean_articles(raw_documents: list[load.RawDocument]) -> list[CleanDocument]:
    return corpus.clean_corpus(raw_documents)


@task(name="ner", cache_policy=NO_CACHE)
def recognize_entities(texts: list[str], model: str | None) -> list:
    return ner.annotate(ner.cached_extraction_pipeline(model), texts)


@task(name="relations", cache_policy=NO_CACHE)
def extract_relations(doc_ids: list[str], docs: list, titles: list[str | None]) -> list:
    return relations.facts_for_batch(doc_ids, docs, titles)


@task(name="normalize", cache_policy=NO_CACHE)
def merge_across_sources(facts: list[DocumentFacts]) -> normalize.MergedFacts:
    return normalize.merge_facts(facts)


@task(name="tables", cache_policy=NO_CACHE)
def write_tables(out_dir: Path, documents: list[CleanDocument], merged: normalize.MergedFacts,
                 failures: dict[str, str], run: dict) -> dict:
    return tables.write_outputs(out_dir, documents, merged, failures, run)


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@flow(name="extract-facts")
def extract_facts(input_dir: Path = Path("raw"), out_dir: Path = Path("processed"), model: str | None = None,
                  lock_timeout: float = 60.0) -> dict:
    """Load, clean, recognise, relate, merge and write: one run over an input folder.

    The whole run owns the output folder (tables.run_lock): a second run on the same folder waits
    up to `lock_timeout` seconds, then stops with tables.OutputFolderBusy before reading anything.
    """
    with tables.run_lock(Path(out_dir), timeout=lock_timeout):
        return run_stages(Path(input_dir), Path(out_dir), model)


def run_stages(input_dir: Path, out_dir: Path, model: str | None) -> dict:
    """The stages of one run, in the flow's context (its tasks are the flow's tasks)."""
    started_at = utc_now()
    documents = clean_articles(quote(load_articles(Path(input_dir))))
    readable = [document for document in documents if document.ok]
    facts: list[DocumentFacts] = []
    failures: dict[str, str] = {}
    for start in range(0, len(readable), BATCH_SIZE):
        batch = readable[start:start + BATCH_SIZE]
        doc_ids = [document.doc_id for document in batch]
        docs = recognize_entities([document.text for document in batch], model)
        results = extract_relations(doc_ids, docs, [document.title for document in batch])
        for doc_id, result in zip(doc_ids, results):
            if isinstance(result, Exception):
                failures[doc_id] = f"extraction failed: {corpus.one_line(result)}"
            else:
                facts.append(result)
    merged = merge_across_sources(quote(facts))
    run = {"run_id": f"{started_at}-{secrets.token_hex(3)}", "started_at": started_at,
           "input": str(input_dir), "model": model or "bundled"}
    return write_tables(Path(out_dir), quote(documents), quote(merged), failures, run)
