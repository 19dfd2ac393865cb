"""The extract-facts flow: scraped articles in, tidy fact tables out.

Each task is one stage from `extractors`; the flow only passes records between them. Results are
kept per document (extractors.state), so a run extracts only what is new and rebuilds the tables
from everything stored. Cleaning and extraction run in batches, in this process, in worker processes
(`workers`) or on a Dask cluster (`dask_address`).
"""
from __future__ import annotations

import os
import secrets
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner
from prefect.utilities.annotations import quote  # large inputs: Prefect must not walk every record
from tqdm import tqdm

from extractors import corpus, load, ner, normalize, relations, state, tables
from extractors.corpus import CleanDocument
from extractors.records import DocumentFacts
from flows.prefect_api import api_shared_with_workers, prefect_api

BATCH_SIZE = 64
MIN_TAIL_BATCH = 8  # documents in the smallest batch at the end of a pooled run
TAIL_SHARE = 4  # a pooled batch holds at most a quarter of the documents still to go
CLEAN_BATCH_SIZE = 250  # documents per cleaning task on a pool: a task costs a worker ~65 ms, a plain text ~3 ms
SUMMARY_ARTIFACT = "medfacts-run-summary"


@task(name="load", cache_policy=NO_CACHE)
def load_articles(input_dir: Path) -> list[load.RawDocument]:
    return load.load_documents(input_dir)


@task(name="recurring-lines", cache_policy=NO_CACHE)
def find_recurring_lines(raw_documents: list[load.RawDocument], known: dict[str, CleanDocument]) -> frozenset[str]:
    return corpus.recurring_boilerplate(raw_documents, known)


@task(name="clean", cache_policy=NO_CACHE)
def clean_batch(raw_documents: list[load.RawDocument], recurring: frozenset[str]) -> list[CleanDocument]:
    return corpus.clean_documents(raw_documents, recurring)


@task(name="duplicates", cache_policy=NO_CACHE)
def mark_duplicates(documents: list[CleanDocument]) -> list[CleanDocument]:
    return corpus.mark_duplicates(documents)


@task(name="extract", cache_policy=NO_CACHE)
def extract_batch(doc_ids: list[str], texts: list[str], titles: list[str | None], model: str | None,
                  batch_size: int, breadcrumbs: list[str | None] | None = None) -> list[DocumentFacts | str]:
    """NER and relations for one batch; a document that fails comes back as its one-line error."""
    docs = ner.annotate(ner.cached_extraction_pipeline(model), texts, batch_size=batch_size)
    results = relations.facts_for_batch(doc_ids, docs, titles, breadcrumbs)
    return [f"extraction failed: {corpus.one_line(result)}" if isinstance(result, Exception) else result
            for result in results]


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
                  full: bool = False, workers: int = 1, dask_address: str | None = None,
                  batch_size: int = BATCH_SIZE, lock_timeout: float = 60.0) -> dict:
    """Load, clean, extract what is new, merge and write: one run over an input folder.

    The whole run owns the output folder (tables.run_lock): a second run on the same folder waits
    up to `lock_timeout` seconds, then stops with tables.OutputFolderBusy before reading anything.
    `full` ignores stored results; `workers` > 1 cleans and extracts in that many processes;
    `dask_address` sends those batches to an existing Dask scheduler instead.
    """
    with tables.run_lock(Path(out_dir), timeout=lock_timeout), extraction_pool(workers, dask_address, model) as pool:
        return run_stages(Path(input_dir), Path(out_dir), model, full, pool, max(1, int(batch_size)))


def run_stages(input_dir: Path, out_dir: Path, model: str | None, full: bool, pool: TaskRunner | None,
               batch_size: int) -> dict:
    """The stages of one run, in the flow's context (its tasks are the flow's tasks)."""
    started_at = utc_now()
    version = state.extractor_version(model)
    with state.ResultStore(out_dir, version, rebuild=full) as store:
        raw_documents = load_articles(Path(input_dir))
        known = store.cleaned_documents(raw.doc_id for raw in raw_documents if raw.ok)
        recurring = find_recurring_lines(quote(raw_documents), quote(known))
        documents = mark_duplicates(quote(clean_all(raw_documents, known, recurring, pool)))
        stored_facts = store.facts(document.doc_id for document in documents if document.ok)
        pending = [document for document in documents if document.ok and document.doc_id not in stored_facts]
        new_facts, failures = extract_all(pending, model, batch_size, pool)
        store.save([document for document in documents if document.doc_id not in known], new_facts.values())
        facts = [stored_facts.get(document.doc_id) or new_facts[document.doc_id] for document in documents
                 if document.ok and document.doc_id not in failures]
        merged = merge_across_sources(quote(facts))
        changes = store.source_changes(documents)
        run = {"run_id": f"{started_at}-{secrets.token_hex(3)}", "started_at": started_at, "input": str(input_dir),
               "model": model or "bundled", "extractor_version": version, "n_new": changes.n_new,
               "n_changed": changes.n_changed, "n_unchanged": changes.n_unchanged, "n_removed": changes.n_removed,
               "n_extracted": len(pending)}
        summary = write_tables(Path(out_dir), quote(documents), quote(merged), failures, run)
        store.finish_run(documents)
    publish_summary(out_dir, summary)
    return summary


@contextmanager
def extraction_pool(workers: int, dask_address: str | None, model: str | None) -> Iterator[TaskRunner | None]:
    """Where cleaning and extraction batches run: None is this process, one after another (no pool to start).

    Local workers are started at once, each loading the model as it starts (the pool's initializer),
    in parallel with loading and cleaning here; they report to this run's Prefect API."""
    if dask_address:
        from prefect_dask import DaskTaskRunner

        with DaskTaskRunner(address=dask_address) as pool:
            yield pool
    elif workers > 1:
        with api_shared_with_workers(), ProcessPoolTaskRunner(
                max_workers=workers, initializer=ner.cached_extraction_pipeline, initargs=(model,)) as pool:
            start_workers(pool, workers)
            yield pool
    else:
        yield None


@task(name="start-worker", cache_policy=NO_CACHE)
def worker_started() -> int:
    return os.getpid()


def start_workers(pool: ProcessPoolTaskRunner, workers: int) -> None:
    """A pool starts a worker per task submitted while none is idle, so one small task per worker starts them all."""
    for _ in range(workers):
        pool.submit(worker_started, {})


def clean_all(raw_documents: list[load.RawDocument], known: dict[str, CleanDocument], recurring: frozenset[str],
              pool: TaskRunner | None) -> list[CleanDocument]:
    """Stored cleanings reused; the rest cleaned in batches (on the pool's workers when there is
    one: HTML extraction is the slow part). A batch that crashes fails its own documents."""
    fresh = [raw for raw in raw_documents if not corpus.has_stored_cleaning(raw, known)]
    size = CLEAN_BATCH_SIZE if pool is not None else max(1, len(fresh))
    batches = [fresh[start:start + size] for start in range(0, len(fresh), size)]
    cleaned: dict[int, CleanDocument] = {}
    for index, result in run_tasks(clean_batch, [{"raw_documents": batch, "recurring": recurring}
                                                 for batch in batches], pool):
        batch = batches[index]
        if isinstance(result, BaseException):
            result = [corpus.failed_cleaning(raw, result) for raw in batch]
        cleaned.update(zip(map(id, batch), result))
    return [cleaned[id(raw)] if id(raw) in cleaned else corpus.reused(known[raw.doc_id], raw) for raw in raw_documents]


def extract_all(documents: list[CleanDocument], model: str | None, batch_size: int,
                pool: TaskRunner | None) -> tuple[dict[str, DocumentFacts], dict[str, str]]:
    """Extract every document in batches; returns facts and failures (doc_id -> one-line error)."""
    batches = batched(documents, batch_size, shrinking=pool is not None)
    facts: dict[str, DocumentFacts] = {}
    failures: dict[str, str] = {}
    with tqdm(total=len(documents), unit="doc", desc="extracting", disable=None, leave=False) as progress:
        for doc_ids, results in run_batches(batches, model, batch_size, pool):
            for doc_id, result in zip(doc_ids, results):
                if isinstance(result, DocumentFacts):
                    facts[doc_id] = result
                else:
                    failures[doc_id] = str(result)
            progress.update(len(doc_ids))
    return facts, failures


def batched(items: list, batch_size: int, shrinking: bool = False) -> list[list]:
    """Consecutive batches of at most batch_size items.

    `shrinking` (for a pool) makes the last batches smaller, a quarter of what is left down to
    MIN_TAIL_BATCH, so the workers finish together: with equal batches one worker may still read a
    whole last batch while the others idle.
    """
    batches, start = [], 0
    while start < len(items):
        size = batch_size
        if shrinking:
            size = min(batch_size, max(MIN_TAIL_BATCH, -(-(len(items) - start) // TAIL_SHARE)))
        batches.append(items[start:start + size])
        start += size
    return batches


def run_batches(batches: list[list[CleanDocument]], model: str | None, batch_size: int,
                pool: TaskRunner | None) -> Iterator[tuple[list[str], list[DocumentFacts | str]]]:
    """(doc_ids, one result per doc_id) for each batch, as batches finish; a batch that crashes
    (a worker lost, memory exhausted) fails its own documents, not the run."""
    parameters = [{"doc_ids": [d.doc_id for d in batch], "texts": [d.text for d in batch],
                   "titles": [d.title for d in batch], "breadcrumbs": [d.breadcrumb for d in batch],
                   "model": model, "batch_size": min(batch_size, ner.PIPE_BATCH_SIZE)}
                  for batch in batches]
    for index, result in run_tasks(extract_batch, parameters, pool):
        doc_ids = parameters[index]["doc_ids"]
        if isinstance(result, BaseException):
            results: list = []
            reason = f"extraction failed: {corpus.one_line(result)}"
        else:
            results = list(result)
            reason = "extraction failed: no result for this document"
        yield doc_ids, results[:len(doc_ids)] + [reason] * (len(doc_ids) - len(results))


def run_tasks(function: Callable[..., object], parameter_sets: list[dict],
              pool: TaskRunner | None) -> Iterator[tuple[int, object]]:
    """(index, result) of each call, as calls finish: here one after another when pool is None,
    else on the pool. A call that raises (a lost worker included) gives its exception, not the run's."""
    if pool is None:
        for index, parameters in enumerate(parameter_sets):
            try:
                yield index, function(**{name: quote(value) for name, value in parameters.items()})
            except Exception as error:
                yield index, error
        return
    futures = {pool.submit(function, parameters): index for index, parameters in enumerate(parameter_sets)}
    for future in as_completed(list(futures)):
        try:
            yield futures[future], future.result()
        except Exception as error:
            yield futures[future], error


def publish_summary(out_dir: Path, summary: dict) -> None:
    """The run's summary as a Prefect artifact: documents, failures and the top relations."""
    create_markdown_artifact(key=SUMMARY_ARTIFACT, markdown=tables.run_summary(out_dir, summary),
                             description="medfacts: documents, failures and the best-supported relations of one run")


def serve(input_dir: Path, out_dir: Path, model: str | None = None, cron: str | None = None,
          interval: float | None = None, workers: int = 1, dask_address: str | None = None,
          name: str = "medfacts") -> None:
    """Run extract-facts on a schedule until stopped (Prefect's flow.serve).

    Schedules need a Prefect API: PREFECT_API_URL when set, else a local server started for the
    duration (flows.prefect_api).
    """
    with prefect_api():
        extract_facts.serve(name=name, cron=cron, interval=interval, parameters={
            "input_dir": str(input_dir), "out_dir": str(out_dir), "model": model, "workers": workers,
            "dask_address": dask_address})
