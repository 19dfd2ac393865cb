"""End to end on the real scraped seed articles: the output contract and the facts analysts need."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from extractors.tables import SCHEMAS, TABLE_FILES, read_table
from extractors.tables import unescape_formula as unescape




@pytest.fixture(scope="module")
def tables(seeds_run: Path) -> dict[str, pd.DataFrame]:
    return {name: read_table(name, seeds_run) for name in SCHEMAS}


def test_every_table_is_written_with_the_contract_columns(seeds_run: Path, tables):
    for name, schema in SCHEMAS.items():
        header = (seeds_run / TABLE_FILES[name]).read_text(encoding="utf-8").splitlines()[0]
        assert header.split(",") == list(schema.columns), name
    assert len(tables["entities"]) and len(tables["relations"]) and len(tables["evidence"])


def test_documents_list_every_seed_once(seeds: Path, tables):
    documents = tables["documents"]
    assert sorted(documents["source"]) == sorted(path.name for path in seeds.glob("*.txt"))
    assert set(documents["status"]) == {"ok"}
    assert (documents["n_chars_clean"] > 0).all()


def test_ankylosing_spondylitis_causes_back_pain_in_several_documents(tables):
    relations = tables["relations"]
    row = relations[(relations["subject"] == "ankylosing spondylitis") & (relations["predicate"] == "has_symptom")
                    & (relations["object"] == "back pain")]
    assert len(row) == 1
    assert row["n_documents"].iloc[0] >= 2
    assert len(row["documents"].iloc[0].split(";")) == row["n_documents"].iloc[0]


def test_lupus_sle_and_systemic_lupus_erythematosus_are_one_entity(tables):
    mentions = tables["mentions"]
    lupus_names = {"lupus", "sle", "systemic lupus erythematosus"}
    written = mentions[mentions["text"].str.lower().isin(lupus_names)]
    assert set(written["text"].str.lower()) == lupus_names
    assert written["entity_id"].nunique() == 1
    entity = tables["entities"].set_index("entity_id").loc[written["entity_id"].iloc[0]]
    assert entity["name"] == "systemic lupus erythematosus"
    assert {alias.lower() for alias in entity["aliases"].split(";")} >= lupus_names


def test_mention_offsets_slice_the_cleaned_text(seeds_run: Path, tables):
    for doc_id, rows in tables["mentions"].groupby("doc_id"):
        text = (seeds_run / "text" / f"{doc_id}.txt").read_text(encoding="utf-8")
        for row in rows.itertuples():
            assert text[row.start:row.end] == unescape(row.text)


def test_evidence_sentences_slice_the_cleaned_text(seeds_run: Path, tables):
    for row in tables["evidence"].itertuples():
        text = (seeds_run / "text" / f"{row.doc_id}.txt").read_text(encoding="utf-8")
        assert text[row.start:row.end] == unescape(row.sentence)


def test_relations_reference_existing_entities_of_the_right_types(tables):
    entity_type = tables["entities"].set_index("entity_id")["entity_type"]
    relations = tables["relations"]
    expected = {"has_symptom": ("disease", "symptom"), "treated_by": ("disease", "treatment"),
                "relieves": ("treatment", "symptom")}
    for row in relations.itertuples():
        assert (entity_type[row.subject_id], entity_type[row.object_id]) == expected[row.predicate]
        assert row.object_type == entity_type[row.object_id]
    assert set(tables["evidence"]["relation_id"]) == set(relations["relation_id"])


def test_run_is_recorded(tables, seeds: Path):
    runs = tables["runs"]
    assert len(runs) == 1
    assert runs["n_documents"].iloc[0] == len(list(seeds.glob("*.txt")))
    assert runs["model"].iloc[0] == "bundled"
