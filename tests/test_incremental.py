"""Incremental runs: only new or changed articles are extracted, and the tables always equal a full rebuild."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, strategies as st

from extractors import state
from extractors.tables import TABLE_FILES

REPO = Path(__file__).resolve().parents[1]

FACT_TABLES = [name for name in TABLE_FILES if name != "runs"]
GOUT = ("Gout: what to know\n\nGout is a form of arthritis. Gout causes sudden joint pain and swelling, "
        "most often in the big toe.\n\nGout is treated with colchicine and NSAIDs.\n")


@pytest.fixture
def articles(tmp_path: Path, seeds: Path) -> Path:
    """A private copy of the seed articles that a test may add to, edit and delete."""
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted(seeds.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    return folder


def run(input_dir: Path, out_dir: Path, **options) -> dict:
    from flows.extract_facts import extract_facts

    return extract_facts(input_dir, out_dir, None, **options)


def table_bytes(out_dir: Path) -> dict[str, bytes]:
    return {name: (out_dir / TABLE_FILES[name]).read_bytes() for name in FACT_TABLES}


def test_a_rerun_with_nothing_new_extracts_nothing_and_leaves_every_table_as_it_was(articles, tmp_path, prefect_backend):
    out = tmp_path / "out"
    first = run(articles, out)
    before = table_bytes(out)
    second = run(articles, out)
    assert first["n_extracted"] == first["n_documents"] == first["n_new"] > 0
    assert (second["n_extracted"], second["n_new"], second["n_changed"], second["n_removed"]) == (0, 0, 0, 0)
    assert second["n_unchanged"] == first["n_documents"]
    assert table_bytes(out) == before
    runs = pd.read_csv(out / "runs.csv")
    assert list(runs["n_extracted"]) == [first["n_documents"], 0]


def test_a_new_article_is_the_only_one_extracted_and_the_tables_equal_a_full_rebuild(articles, tmp_path, prefect_backend):
    out, rebuilt = tmp_path / "out", tmp_path / "rebuilt"
    first = run(articles, out)
    (articles / "gout.txt").write_text(GOUT, encoding="utf-8")
    second = run(articles, out)
    assert (second["n_new"], second["n_extracted"], second["n_unchanged"]) == (1, 1, first["n_documents"])
    run(articles, rebuilt, full=True)
    assert table_bytes(out) == table_bytes(rebuilt)
    relations = pd.read_csv(out / "relations.csv")
    assert ((relations["subject"] == "gout") & (relations["predicate"] == "has_symptom")).any()


def test_a_deleted_article_disappears_from_every_table(articles, tmp_path, prefect_backend):
    out = tmp_path / "out"
    run(articles, out)
    documents = pd.read_csv(out / "documents.csv")
    victim = sorted(articles.glob("*.txt"))[0]
    doc_id = documents.loc[documents["source"] == victim.name, "doc_id"].item()
    victim.unlink()
    second = run(articles, out)
    assert (second["n_removed"], second["n_extracted"]) == (1, 0)
    assert doc_id not in set(pd.read_csv(out / "documents.csv")["doc_id"])
    assert doc_id not in set(pd.read_csv(out / "mentions.csv")["doc_id"])
    assert doc_id not in set(pd.read_csv(out / "evidence.csv")["doc_id"])
    assert not pd.read_csv(out / "relations.csv")["documents"].fillna("").str.contains(doc_id).any()
    assert not (out / "text" / f"{doc_id}.txt").exists()
    with state.ResultStore(out, state.extractor_version(None)) as store:
        assert store.facts([doc_id]) == {}


def test_an_edited_article_is_changed_and_only_it_is_extracted_again(articles, tmp_path, prefect_backend):
    out = tmp_path / "out"
    first = run(articles, out)
    edited = sorted(articles.glob("*.txt"))[-1]
    old_id = pd.read_csv(out / "documents.csv").set_index("source").loc[edited.name, "doc_id"]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\nLupus can cause hair loss.\n", encoding="utf-8")
    second = run(articles, out)
    assert (second["n_changed"], second["n_extracted"], second["n_unchanged"]) == (1, 1, first["n_documents"] - 1)
    assert old_id not in set(pd.read_csv(out / "documents.csv")["doc_id"])


def test_full_and_a_new_extractor_version_extract_everything_again(articles, tmp_path, prefect_backend):
    out = tmp_path / "out"
    first = run(articles, out)
    assert run(articles, out, full=True)["n_extracted"] == first["n_extracted"]
    with state.ResultStore(out, "another-version"):
        pass  # as if the code, data or model had changed since
    assert run(articles, out)["n_extracted"] == first["n_extracted"]


def test_an_unreadable_store_is_rebuilt_and_the_run_completes(articles, tmp_path, prefect_backend):
    out = tmp_path / "out"
    first = run(articles, out)
    before = table_bytes(out)
    (out / state.STATE_DIR / state.STATE_FILE).write_bytes(b"not a database at all" * 100)
    second = run(articles, out)
    assert second["n_extracted"] == first["n_extracted"]
    assert table_bytes(out) == before


def test_worker_processes_give_the_same_tables_as_one_process(articles, tmp_path, prefect_backend, monkeypatch):
    run(articles, tmp_path / "one", batch_size=2)
    monkeypatch.setattr("flows.extract_facts.CLEAN_BATCH_SIZE", 2)  # cleaning in several batches too
    summary = run(articles, tmp_path / "two", workers=2, batch_size=2)
    assert summary["n_extracted"] == summary["n_documents"]
    assert table_bytes(tmp_path / "two") == table_bytes(tmp_path / "one")


def test_a_dask_cluster_gives_the_same_tables_as_one_process(articles, tmp_path, prefect_backend, monkeypatch):
    from distributed import LocalCluster

    run(articles, tmp_path / "local", batch_size=2)
    monkeypatch.setattr("flows.extract_facts.CLEAN_BATCH_SIZE", 2)
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        summary = run(articles, tmp_path / "dask", dask_address=cluster.scheduler_address, batch_size=2)
    assert summary["n_extracted"] == summary["n_documents"]
    assert table_bytes(tmp_path / "dask") == table_bytes(tmp_path / "local")


def test_a_cleaning_batch_that_crashes_fails_its_documents_and_the_run_completes(articles, tmp_path, prefect_backend,
                                                                                 monkeypatch):
    from extractors import corpus

    def crash(*args, **kwargs):
        raise MemoryError("cleaner out of memory")

    monkeypatch.setattr(corpus, "clean_documents", crash)
    summary = run(articles, tmp_path / "out")
    documents = pd.read_csv(tmp_path / "out" / TABLE_FILES["documents"])
    assert summary["n_failed"] == len(documents) == 5
    assert set(documents["error"]) == {"cleaning failed: MemoryError: cleaner out of memory"}


def test_stored_records_read_back_equal(nlp):
    from extractors import corpus, load, ner, relations

    raw = load.RawDocument(doc_id="0" * 16, source="a.txt", sha256="0" * 64, kind="text", content=GOUT)
    document = corpus.clean_corpus([raw])[0]
    facts = relations.facts_for_batch([raw.doc_id], ner.annotate(nlp, [document.text]), [document.title])[0]
    assert facts.relations, "the article states facts, so the round trip covers relations"
    assert state.decode_facts(state.encode_facts(facts)) == facts
    assert state.decode_document(state.encode_document(document)) == corpus.stored_form(document)


WORKER_API_PROBE = """
from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.client.orchestration import get_client
from prefect.context import FlowRunContext
from flows.extract_facts import extraction_pool

@task(cache_policy=NO_CACHE)
def worker_api() -> str:
    return str(get_client(sync_client=True).api_url)

@flow
def probe() -> tuple[str, str]:
    with extraction_pool(2, None, None) as pool:
        return str(FlowRunContext.get().client.api_url), pool.submit(worker_api, {}).result()

if __name__ == "__main__":
    print("|".join(probe()))
"""


def test_workers_report_to_the_flows_embedded_api_instead_of_starting_their_own(tmp_path):
    """With no PREFECT_API_URL, a worker that inherited none would start an embedded server of its own."""
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect"), "PREFECT_LOGGING_LEVEL": "WARNING"}
    env.pop("PREFECT_API_URL", None)
    (tmp_path / "probe.py").write_text(WORKER_API_PROBE, encoding="utf-8")
    completed = subprocess.run([sys.executable, str(tmp_path / "probe.py")], cwd=REPO, env=env, capture_output=True,
                               text=True, timeout=300, check=False)
    assert completed.returncode == 0, completed.stderr[-2000:]
    flow_api, worker_api = completed.stdout.strip().splitlines()[-1].split("|")
    assert flow_api.startswith("http://127.0.0.1") and worker_api == flow_api


@given(n=st.integers(0, 3000), batch_size=st.integers(1, 200), shrinking=st.booleans())
def test_batches_cover_every_document_once_in_order_and_a_pools_last_batches_are_smaller(n, batch_size, shrinking):
    from flows.extract_facts import MIN_TAIL_BATCH, batched

    batches = batched(list(range(n)), batch_size, shrinking)
    assert [item for batch in batches for item in batch] == list(range(n))
    assert all(1 <= len(batch) <= batch_size for batch in batches)
    if shrinking and n > 4 * batch_size:
        sizes = [len(batch) for batch in batches]
        assert sizes[0] == batch_size and sizes[-1] <= max(MIN_TAIL_BATCH, 1)
        assert sizes[:-1] == sorted(sizes[:-1], reverse=True)
    elif not shrinking:
        assert all(len(batch) == batch_size for batch in batches[:-1])


def test_a_text_library_upgrade_is_a_new_extractor_version(monkeypatch):
    """A new wordfreq splits glued words differently: stored results must not outlive it."""
    state._extractor_version.cache_clear()
    before = state.extractor_version(None)
    real_version = state.library_version
    monkeypatch.setattr(state, "library_version", lambda name: "999.0" if name == "wordfreq" else real_version(name))
    state._extractor_version.cache_clear()
    try:
        assert "wordfreq" in state.RESULT_LIBRARIES and state.extractor_version(None) != before
    finally:
        state._extractor_version.cache_clear()
