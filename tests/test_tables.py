"""The output contract: schema-validated, spreadsheet-safe, atomically written tables."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pandera.errors
import pytest

from extractors.tables import (DICTIONARY_END, DICTIONARY_START, SCHEMAS, atomic_write_text, data_dictionary,
                               escape_formula, frame, write_table)

REPO = Path(__file__).resolve().parents[1]


def evidence_row(sentence: str) -> dict:
    return {"relation_id": "R0123456789ab", "doc_id": "0123456789abcdef", "sentence": sentence,
            "start": 0, "end": len(sentence), "negated": False}


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_formula_cells_get_a_leading_apostrophe(cell: str, tmp_path: Path):
    write_table("evidence", frame("evidence", [evidence_row(cell)]), tmp_path)
    written = pd.read_csv(tmp_path / "evidence.csv", dtype=str, keep_default_na=False)
    assert written["sentence"].iloc[0] == "'" + cell


def test_plain_cells_are_untouched():
    assert escape_formula("Lupus causes rash.") == "Lupus causes rash."
    assert escape_formula(3) == 3


def test_commas_quotes_and_newlines_round_trip(tmp_path: Path):
    sentence = 'NSAIDs, "the first option", help;\nbiologics follow.'
    write_table("evidence", frame("evidence", [evidence_row(sentence)]), tmp_path)
    assert pd.read_csv(tmp_path / "evidence.csv")["sentence"].iloc[0] == sentence


def test_a_table_that_breaks_the_schema_is_not_written(tmp_path: Path):
    bad = pd.DataFrame([evidence_row("x") | {"doc_id": "not-an-id"}])
    with pytest.raises(pandera.errors.SchemaErrors):
        write_table("evidence", bad, tmp_path)
    assert not (tmp_path / "evidence.csv").exists()


def test_atomic_write_replaces_whole_files_and_leaves_no_temporaries(tmp_path: Path):
    target = tmp_path / "t.csv"
    atomic_write_text(target, "old")
    atomic_write_text(target, "new")
    assert target.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]


def test_data_dictionary_documents_every_column_of_every_table():
    dictionary = data_dictionary()
    for name, schema in SCHEMAS.items():
        assert f"## {name}.csv" in dictionary
        for column in schema.columns:
            assert re.search(rf"^\| {column} \| \w", dictionary, re.M), (name, column)


def test_committed_dictionaries_match_the_schema():
    assert (REPO / "processed" / "README.md").read_text(encoding="utf-8") == data_dictionary(1)
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split(DICTIONARY_START, 1)[1].split(DICTIONARY_END, 1)[0]
    assert section == data_dictionary(2)
