"""The command line: one-line errors for bad folders, a real run on the shipped samples in raw/."""
from __future__ import annotations

import os
from pathlib import Path

from extractors.tables import SCHEMAS, read_table
from flows.cli import main

REPO = Path(__file__).resolve().parents[1]


def test_missing_input_folder_is_a_one_line_error(tmp_path: Path, capsys):
    assert main(["run", str(tmp_path / "missing"), "--out", str(tmp_path / "out")]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "input folder not found" in error


def test_unwritable_output_folder_is_a_one_line_error(tmp_path: Path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["run", str(REPO / "raw"), "--out", str(blocker / "out")]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "output folder not writable" in error


def test_run_on_the_shipped_samples_writes_every_table(tmp_path: Path, prefect_backend, capsys):
    assert main(["run", str(REPO / "raw"), "--out", str(tmp_path)]) == 0
    assert "documents" in capsys.readouterr().out
    tables = {name: read_table(name, tmp_path) for name in SCHEMAS}
    assert set(tables["documents"]["status"]) == {"ok"}
    assert len(tables["documents"]) == 5  # four files, one of them a .jsonl with two articles
    predicates = set(tables["relations"]["predicate"])
    assert predicates == {"has_symptom", "treated_by", "relieves"}


def test_an_unknown_model_is_a_one_line_error(tmp_path: Path, capsys):
    assert main(["run", str(REPO / "raw"), "--out", str(tmp_path), "--model", "no_such_model_xyz"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "spaCy model not found: no_such_model_xyz" in error


def test_the_run_summary_counts_new_and_unchanged_documents(tmp_path: Path, prefect_backend, capsys):
    out = tmp_path / "out"
    assert main(["run", str(REPO / "raw"), "--out", str(out)]) == 0
    assert main(["run", str(REPO / "raw"), "--out", str(out)]) == 0
    first, second = capsys.readouterr().out.strip().splitlines()[-2:]
    assert "5 new" in first and "5 extracted" in first
    assert "5 unchanged" in second and "0 extracted" in second


def test_a_run_that_cannot_reach_prefect_is_a_one_line_error(tmp_path: Path, monkeypatch, capsys):
    import flows.extract_facts

    def unreachable(*args, **kwargs):
        raise RuntimeError("Timed out while attempting to connect to ephemeral Prefect API server.")

    monkeypatch.setattr(flows.extract_facts, "extract_facts", unreachable)
    monkeypatch.delenv("MEDFACTS_DEBUG", raising=False)
    assert main(["run", str(REPO / "raw"), "--out", str(tmp_path)]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "RuntimeError: Timed out while attempting to connect" in error


def test_prefect_gets_longer_to_start_its_server_unless_told_otherwise(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.delenv("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", raising=False)
    main(["run", str(tmp_path / "missing"), "--out", str(tmp_path / "out")])
    assert int(os.environ["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"]) > 20
    monkeypatch.setenv("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "7")
    main(["run", str(tmp_path / "missing"), "--out", str(tmp_path / "out")])
    assert os.environ["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] == "7"
