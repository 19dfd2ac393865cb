"""Bad input never stops a run or loses data: isolated failures, all-or-nothing outputs, one run at a time.

NER quality is not under test here, so the runs use a blank spaCy pipeline (`tiny_model`): the
gazetteer still finds curated names, and the whole extraction pipeline runs around it quickly.
"""
from __future__ import annotations

import csv
import errno
import os
import pathlib
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from bad_inputs import SPANISH, build_bad_input_folder
from extractors import clean, cues, language, ner, relations
from extractors.load import decode_bytes, load_documents, load_file
from extractors.tables import (FORMULA_PREFIXES, GENERATIONS, LOCK_FILE, SCHEMAS, TABLE_FILES, OutputFolderBusy,
                               current_set, frame, read_table, run_lock, write_table)
from extractors.tables import unescape_formula as unescape
from flows.cli import EXIT_BUSY, main

REPO = Path(__file__).resolve().parents[1]
CHUNK_CHARS = 20_000  # lowered so the fixture's big.txt (300,000 characters) is annotated in 15+ chunks


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory) -> str:
    """A blank English spaCy pipeline on disk: the extraction pipeline adds its own components to it."""
    import spacy

    path = tmp_path_factory.mktemp("tiny_model")
    spacy.blank("en").to_disk(path)
    return str(path)


def simulate_unreadable(monkeypatch, name: str = "unreadable.txt") -> None:
    """Permissions do not stop root: make reading the file fail as it would for any other user."""
    if os.geteuid() != 0:
        return
    original = pathlib.Path.read_bytes

    def read_bytes(self: pathlib.Path) -> bytes:
        if self.name == name:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return original(self)

    monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)




# ----------------------------------------------------------------------------------------------
# A run over a folder of bad inputs


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory, tiny_model, prefect_backend):
    """One command-line run over the bad-input folder: (exit code, stderr, output folder, expected)."""
    folder = tmp_path_factory.mktemp("bad_input")
    expected = build_bad_input_folder(folder / "input", big_chars=300_000)
    (folder / "input" / "formula.jsonl").write_text(
        '{"title": "=HYPERLINK(\\"http://evil.example\\",\\"Lupus\\")", "url": "@evil",'
        ' "text": "=HYPERLINK(\\"http://evil.example\\",\\"x\\") Lupus often causes fatigue and joint pain in adults.'
        ' Lupus is usually treated with methotrexate, although corticosteroids may also help. People with lupus'
        ' do not always have fever, and some patients report that rash improved after weeks of treatment."}\n',
        encoding="utf-8")
    expected["formula.jsonl#1"] = "ok"
    out = folder / "out"
    with pytest.MonkeyPatch.context() as patch:
        simulate_unreadable(patch)
        patch.setattr(ner, "CHUNK_CHARS", CHUNK_CHARS)
        code = main(["run", str(folder / "input"), "--out", str(out), "--model", tiny_model])
    return code, out, expected


def test_the_run_finishes_with_exit_code_0(bad_run):
    code, out, _ = bad_run
    assert code == 0
    assert {path.name for path in out.iterdir()} >= set(TABLE_FILES.values()) | {"text", "removed"}


def test_every_bad_input_is_one_failed_row_with_a_one_line_error(bad_run):
    _, out, expected = bad_run
    documents = read_table("documents", out)
    assert sorted(documents["source"]) == sorted(expected)
    for row in documents.itertuples():
        want = expected[row.source]
        if want == "ok":
            assert row.status == "ok", (row.source, row.error)
            assert pd.isna(row.error) and row.n_chars_clean > 0
        else:
            assert row.status == "failed", row.source
            assert want in row.error and "\n" not in row.error and "Traceback" not in row.error, (row.source, row.error)


def test_good_neighbours_of_bad_inputs_get_their_facts(bad_run):
    _, out, expected = bad_run
    documents = read_table("documents", out).set_index("source")
    mentions = read_table("mentions", out)
    for source in ("good-1.txt", "good-2.md", "good-3.html", "mixed.jsonl#1", "mixed.jsonl#3", "utf16-bom.txt", "latin1.txt"):
        doc_id = documents.loc[source, "doc_id"]
        assert (mentions["doc_id"] == doc_id).any(), source
        assert (out / "text" / f"{doc_id}.txt").is_file()


def test_a_text_longer_than_a_chunk_keeps_offsets_into_the_full_text(bad_run):
    _, out, _ = bad_run
    big = read_table("documents", out).set_index("source").loc["big.txt"]
    assert big["n_chars_clean"] > 10 * CHUNK_CHARS
    text = (out / "text" / f"{big['doc_id']}.txt").read_text(encoding="utf-8")
    assert len(text) == big["n_chars_clean"]
    mentions = read_table("mentions", out)
    mentions = mentions[mentions["doc_id"] == big["doc_id"]]
    assert mentions["end"].max() > len(text) - CHUNK_CHARS  # mentions from the last chunk, not just the first
    for row in mentions.itertuples():
        assert text[row.start:row.end] == unescape(row.text)
    evidence = pd.read_csv(out / "evidence.csv", dtype=str, keep_default_na=False)
    evidence = evidence[evidence["doc_id"] == big["doc_id"]]
    assert len(evidence)
    for row in evidence.itertuples():
        assert text[int(row.start):int(row.end)] == unescape(row.sentence)


def test_no_cell_of_any_csv_can_run_as_a_formula(bad_run):
    _, out, _ = bad_run
    for name in TABLE_FILES.values():
        with open(out / name, encoding="utf-8", newline="") as stream:
            for row in csv.reader(stream):
                for cell in row:
                    assert not cell.startswith(FORMULA_PREFIXES), (name, cell)
    documents = read_table("documents", out).set_index("source")
    assert documents.loc["formula.jsonl#1", "title"] == "'=HYPERLINK(\"http://evil.example\",\"Lupus\")"
    assert documents.loc["formula.jsonl#1", "url"] == "'@evil"


# ----------------------------------------------------------------------------------------------
# Loaders and cleaner on arbitrary input


def test_a_non_english_article_fails_with_the_language_it_is_in():
    assert language.not_english_reason(SPANISH) == "not English (detected: es)"
    assert language.not_english_reason("Ревматоидный артрит вызывает боль и отёк суставов. " * 5).startswith("not English")
    assert language.not_english_reason("Lupus causes fatigue.") is None  # too short to judge
    english = "Lupus is an autoimmune disease that can cause fatigue, joint pain and a rash on the face. " * 3
    assert language.not_english_reason(english) is None


def test_special_files_and_unreadable_folders_become_failed_rows(tmp_path: Path, monkeypatch):
    (tmp_path / "pipe.txt").touch()
    os.unlink(tmp_path / "pipe.txt")
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block the run forever
    (tmp_path / "dead.txt").symlink_to(tmp_path / "missing")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text("Gout causes joint pain.", encoding="utf-8")
    original = os.scandir

    def scandir(path="."):
        if Path(path).name == "locked":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return original(path)

    monkeypatch.setattr(os, "scandir", scandir)
    errors = {document.source: document.error for document in load_documents(tmp_path)}
    assert errors == {"dead.txt": "cannot read file: No such file or directory",
                      "pipe.txt": "not a regular file (named pipe)",
                      "locked/": "cannot read folder: Permission denied"}


def test_a_jsonl_record_keeps_line_separators_inside_its_strings(tmp_path: Path):
    record = '{"text": "Lupus causes fatigue.\u2028Gout causes joint pain.\u0085Asthma causes wheezing."}'
    (tmp_path / "x.jsonl").write_text(record + "\r\n" + record.replace("Lupus", "Eczema") + "\n", encoding="utf-8")
    documents = load_documents(tmp_path)
    assert [d.source for d in documents] == ["x.jsonl#1", "x.jsonl#2"] and all(d.ok for d in documents)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".md", ".html", ".jsonl"]))
def test_load_file_never_raises_on_random_bytes(tmp_path: Path, data: bytes, suffix: str):
    path = tmp_path / f"random{suffix}"
    path.write_bytes(data)
    documents = load_file(path, path.name)
    assert documents or suffix == ".jsonl"
    for document in documents:
        assert document.ok or (document.error and "\n" not in document.error)
    try:
        assert isinstance(decode_bytes(data), str)
    except ValueError as error:
        assert "binary" in str(error)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=3000))
def test_the_cleaner_never_raises_on_random_unicode(text: str):
    for cleaned in (clean.clean_text(text), clean.clean_html(text), clean.clean_html(f"<html><body><p>{text}</p></body></html>")):
        assert isinstance(cleaned.text, str)
        assert all(isinstance(line, str) for line in cleaned.removed)
    language.detect(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=2000), st.integers(min_value=1, max_value=500))
def test_chunks_cover_the_text_exactly_and_stay_under_the_limit(text: str, max_chars: int):
    bounds = ner.chunk_bounds(text, max_chars)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(end - start <= max_chars for start, end in bounds)
    assert all(first[1] == second[0] and first[0] < first[1] for first, second in zip(bounds, bounds[1:]))


def test_chunks_end_at_paragraph_breaks():
    paragraphs = [f"Paragraph {i} says that lupus causes fatigue." for i in range(200)]
    text = "\n\n".join(paragraphs)
    bounds = ner.chunk_bounds(text, 1000)
    assert len(bounds) > 5
    assert all(text[end - 2:end] == "\n\n" for _, end in bounds[:-1])


def test_chunked_annotation_finds_the_same_facts_as_one_doc(tiny_model):
    import random

    from bad_inputs import big_text

    nlp = ner.build_extraction_pipeline(tiny_model)
    text = big_text(random.Random(1), 12_000)
    whole = relations.facts_for_batch(["d"], ner.annotate(nlp, [text]))[0]
    [chunked_doc] = ner.annotate(nlp, [text], chunk_chars=1500)
    assert isinstance(chunked_doc, ner.ChunkedText) and len(chunked_doc.bounds) > 8
    chunked = relations.facts_for_batch(["d"], [chunked_doc])[0]
    assert chunked.text == text
    key = lambda m: (m.sentence_idx, m.start, m.end, m.text, m.entity_type, m.negated)  # noqa: E731
    assert sorted(map(key, chunked.mentions)) == sorted(map(key, whole.mentions))
    relation_key = lambda r: (r.sentence_idx, r.start, r.end, r.predicate, key(r.subject), key(r.object))  # noqa: E731
    assert sorted(map(relation_key, chunked.relations)) == sorted(map(relation_key, whole.relations))
    assert whole.relations


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=200))
@example("'@")  # an apostrophe before a formula start: escaped too, or it could not be undone
@example("=1+1")
def test_any_sentence_round_trips_through_csv(tmp_path: Path, sentence: str):
    row = {"relation_id": "R0123456789ab", "doc_id": "0123456789abcdef", "sentence": sentence,
           "start": 0, "end": len(sentence), "negated": False}
    write_table("evidence", frame("evidence", [row]), tmp_path)
    written = pd.read_csv(tmp_path / "evidence.csv", dtype=str, keep_default_na=False)
    assert unescape(written["sentence"].iloc[0]) == sentence
    assert not written["sentence"].iloc[0].startswith(FORMULA_PREFIXES)


# ----------------------------------------------------------------------------------------------
# All-or-nothing outputs: a writer killed at any point leaves the old set or the new one

WRITER = textwrap.dedent("""
    import os, pickle, signal, sys
    from pathlib import Path
    sys.path.insert(0, {repo!r})
    from extractors import tables

    payload, out_dir, point, nth = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    documents, merged, run = pickle.loads(payload.read_bytes())
    calls = 0
    original = getattr(tables, point)

    def killing(*args, **kwargs):  # SIGKILL ourselves on the nth call: no cleanup, no finally
        global calls
        calls += 1
        if calls >= nth:
            os.kill(os.getpid(), signal.SIGKILL)
        return original(*args, **kwargs)

    setattr(tables, point, killing)
    with tables.run_lock(out_dir, timeout=0):
        tables.write_outputs(out_dir, documents, merged, {{}}, run)
    print("finished without being killed")
""")


def table_bytes(out: Path) -> dict[str, bytes]:
    files = {name: (out / name).read_bytes() for name in TABLE_FILES.values()}
    files["text/"] = "\n".join(sorted(p.name for p in (out / "text").iterdir())).encode()
    return files


def extract_without_prefect(input_dir: Path, model: str) -> tuple[list, object]:
    """The flow's stages as plain calls: (cleaned documents, merged facts) ready for write_outputs."""
    from extractors import corpus, load, normalize

    documents = corpus.clean_corpus(load.load_documents(input_dir))
    readable = [d for d in documents if d.ok]
    results = relations.facts_for_batch([d.doc_id for d in readable],
                                        ner.annotate(ner.cached_extraction_pipeline(model), [d.text for d in readable]),
                                        [d.title for d in readable])
    return documents, normalize.merge_facts([r for r in results if not isinstance(r, Exception)])


@pytest.fixture(scope="module")
def killed_runs(tmp_path_factory, tiny_model, prefect_backend):
    """A folder with a published first set, and a pickled second set for a writer to be killed on."""
    import pickle

    from flows.extract_facts import extract_facts

    base = tmp_path_factory.mktemp("atomic")
    first, second = base / "first", base / "second"
    first.mkdir()
    (first / "lupus.txt").write_text("Living with lupus\n\n" + " ".join(
        f"Lupus often causes fatigue and joint pain in patient group {i}." for i in range(8)), encoding="utf-8")
    second.mkdir()
    (second / "lupus.txt").write_bytes((first / "lupus.txt").read_bytes())
    (second / "gout.txt").write_text("About gout\n\n" + " ".join(
        f"Gout often causes swelling and joint pain in patient group {i}." for i in range(8)), encoding="utf-8")
    published = base / "published"
    extract_facts(first, published, tiny_model)
    documents, merged = extract_without_prefect(second, tiny_model)
    run = {"run_id": "killed-run", "started_at": "2026-01-01T00:00:00+00:00", "input": str(second), "model": "tiny"}
    payload = base / "second.pickle"
    payload.write_bytes(pickle.dumps((documents, merged, run)))
    return base, published, second, payload, extract_facts, tiny_model


KILL_POINTS = [  # (function killed on its nth call, which set must be visible afterwards)
    ("write_plain", 2, "old"),             # writing text/ of the new set
    ("atomic_write", 3, "old"),            # writing the new CSVs
    ("replace_with_link", 1, "old"),       # everything written and synced, `current` not yet switched
    ("link_through_current", 1, "new"),    # `current` switched, nothing cleaned up yet
]


@pytest.mark.parametrize("point, nth, visible", KILL_POINTS)
def test_a_writer_killed_mid_way_leaves_one_whole_set_and_the_next_run_completes(killed_runs, point, nth, visible):
    import shutil

    base, published, second, payload, extract_facts, model = killed_runs
    out = base / f"out-{point}"
    shutil.copytree(published, out, symlinks=True)
    before = table_bytes(out)
    writer = subprocess.run([sys.executable, "-c", WRITER.format(repo=str(REPO)), str(payload), str(out), point, str(nth)],
                            capture_output=True, text=True, cwd=REPO)
    assert writer.returncode == -signal.SIGKILL, writer.stderr[-2000:]
    tables = {name: read_table(name, out) for name in SCHEMAS}
    if visible == "old":
        assert table_bytes(out) == before
    else:
        assert sorted(tables["documents"]["source"]) == ["gout.txt", "lupus.txt"]
        assert list(tables["runs"]["run_id"])[-1] == "killed-run"
    assert set(tables["mentions"]["doc_id"]) <= set(tables["documents"]["doc_id"])
    for doc_id in tables["mentions"]["doc_id"].unique():
        assert (out / "text" / f"{doc_id}.txt").is_file()

    summary = extract_facts(second, out, model)  # the next run completes and cleans up after the killed one
    assert summary["n_documents"] == 2
    assert sorted(read_table("documents", out)["source"]) == ["gout.txt", "lupus.txt"]
    assert len(read_table("runs", out)) == (2 if visible == "old" else 3)
    assert len(list((out / GENERATIONS).iterdir())) <= 2  # the published set and the one it replaced
    assert not list(out.glob(".*.tmp"))
    assert current_set(out).parent == out / GENERATIONS


def test_a_folder_written_by_the_old_layout_moves_to_links(tmp_path: Path, tiny_model, prefect_backend):
    from flows.extract_facts import extract_facts

    out = tmp_path / "out"
    (out / "text").mkdir(parents=True)
    (out / "text" / "0123456789abcdef.txt").write_text("stale", encoding="utf-8")
    (out / "documents.csv").write_text("stale", encoding="utf-8")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(" ".join(["Lupus often causes fatigue and joint pain."] * 6), encoding="utf-8")
    extract_facts(tmp_path / "in", out, tiny_model)
    assert (out / "documents.csv").is_symlink() and (out / "text").is_symlink()
    assert len(read_table("documents", out)) == 1
    assert not (out / "text" / "0123456789abcdef.txt").exists()


def test_without_symbolic_links_each_file_is_still_replaced_whole(tmp_path: Path, tiny_model, monkeypatch):
    from extractors import tables

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(" ".join(["Lupus often causes fatigue and joint pain."] * 6), encoding="utf-8")
    documents, merged = extract_without_prefect(tmp_path / "in", tiny_model)

    def no_links(*args, **kwargs):
        raise PermissionError(errno.EPERM, os.strerror(errno.EPERM))

    monkeypatch.setattr(os, "symlink", no_links)
    out = tmp_path / "out"
    for run_id in ("first", "second"):
        with run_lock(out, timeout=0):
            tables.write_outputs(out, documents, merged, {}, {"run_id": run_id, "started_at": "s", "input": "i", "model": "m"})
    assert list(read_table("runs", out)["run_id"]) == ["first", "second"]
    assert (out / "documents.csv").is_file() and not (out / "documents.csv").is_symlink()
    assert [p.name for p in (out / "text").iterdir()] == [f"{documents[0].doc_id}.txt"]
    assert not list((out / GENERATIONS).iterdir()) and not list(out.glob(".*.tmp"))


# ----------------------------------------------------------------------------------------------
# One run at a time

HOLDER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {repo!r})
    from extractors.tables import run_lock
    with run_lock(sys.argv[1], timeout=0):
        print("locked", flush=True)
        sys.stdin.read()  # hold the lock until the test closes our stdin
""")


def start_holder(out: Path) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER.format(repo=str(REPO)), str(out)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    return holder


def test_a_second_run_on_a_busy_output_folder_exits_with_one_line(tmp_path: Path, tiny_model):
    out = tmp_path / "out"
    holder = start_holder(out)
    try:
        second = subprocess.run([sys.executable, "-m", "flows.cli", "run", str(REPO / "raw"), "--out", str(out),
                                 "--model", tiny_model, "--wait", "0"], capture_output=True, text=True, cwd=REPO)
    finally:
        holder.stdin.close()
        holder.wait()
    assert second.returncode == EXIT_BUSY
    assert second.stderr == f"medfacts: error: output folder is in use by another medfacts run (pid {holder.pid})\n"
    assert not (out / "documents.csv").exists()
    with run_lock(out, timeout=0):  # released when the holder ended
        pass


def test_a_second_run_waits_for_the_first_to_finish(tmp_path: Path):
    import fcntl

    out = tmp_path / "out"
    out.mkdir()
    first = os.open(out / LOCK_FILE, os.O_RDWR | os.O_CREAT)
    fcntl.flock(first, fcntl.LOCK_EX)
    waited: list[float] = []

    def first_run_finishes(seconds: float) -> None:
        waited.append(seconds)
        os.close(first)

    with run_lock(out, timeout=30, sleep=first_run_finishes):
        assert (out / LOCK_FILE).read_text().strip() == str(os.getpid())
    assert len(waited) == 1


def test_a_killed_run_leaves_no_stale_lock(tmp_path: Path):
    out = tmp_path / "out"
    holder = start_holder(out)
    with pytest.raises(OutputFolderBusy, match=rf"in use by another medfacts run \(pid {holder.pid}\)"):
        with run_lock(out, timeout=0):
            pass
    holder.kill()
    holder.wait()
    with run_lock(out, timeout=0):
        pass


def test_the_lock_is_reentrant_within_one_run(tmp_path: Path):
    with run_lock(tmp_path, timeout=0):
        with run_lock(tmp_path, timeout=0):
            pass
        assert (tmp_path / LOCK_FILE).read_text().strip() == str(os.getpid())


def test_generated_article_fixtures_are_english():
    import random

    from bad_inputs import article

    assert all(language.detect(article(random.Random(seed))) in ("en", None) for seed in range(50))


def test_a_doc_that_has_been_read_is_freed_without_waiting_for_the_cycle_collector(nlp):
    """Read Docs must not pile up between full garbage collections (about 0.4 MB each, with their tensors)."""
    import gc

    from spacy.tokens import Doc

    texts = ["Systemic lupus erythematosus (SLE) causes fatigue and joint pain. SLE is treated with hydroxychloroquine."] * 3
    gc.collect()
    gc.disable()
    try:
        before = {id(item) for item in gc.get_objects() if isinstance(item, Doc)}
        docs = ner.annotate(nlp, texts)
        facts = relations.facts_for_batch(["a", "b", "c"], docs)
        assert all(f.relations for f in facts)  # the abbreviation was read: its spans refer back to the Doc
        del docs
        cues.cue_matches.cache_clear()  # a small cache of recent clauses may keep the last Docs
        left = [item for item in gc.get_objects() if isinstance(item, Doc) and id(item) not in before]
    finally:
        gc.enable()
    assert left == []
