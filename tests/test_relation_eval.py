"""Scoring relations against gold facts: names meet through the pipeline's own identity rules."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from extractors.entity_types import EntityTyper
from extractors.relation_eval import GoldFact, extracted_triples, gold_triples, read_gold, score

REPO = Path(__file__).resolve().parents[1]


def test_gold_names_meet_extracted_ids_through_synonyms_and_abbreviations():
    typer = EntityTyper()
    gold = gold_triples([GoldFact("a.txt", "SLE", "has_symptom", "tiredness"),
                         GoldFact("a.txt", "lupus", "has_symptom", "fatigue")], typer)
    assert len(gold["has_symptom"]) == 1


def test_precision_and_recall_count_merged_facts():
    gold = {"has_symptom": {("d", "s1"), ("d", "s2")}, "treated_by": {("d", "t1")}}
    found = {"has_symptom": {("d", "s1"), ("d", "s3"), ("d", "s4")}, "treated_by": set()}
    scores = score(gold, found)
    assert scores["has_symptom"]["precision"] == round(1 / 3, 4) and scores["has_symptom"]["recall"] == 0.5
    assert scores["treated_by"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "gold": 1, "found": 0, "tp": 0}


def test_only_supported_relations_count_as_extracted():
    relations = pd.DataFrame({"subject_id": ["a", "b"], "predicate": ["has_symptom", "has_symptom"],
                              "object_id": ["x", "y"], "n_documents": [1, 0]})
    assert extracted_triples(relations)["has_symptom"] == {("a", "x")}


def test_the_committed_gold_set_is_readable_and_covers_ten_articles():
    facts = read_gold(REPO / "tests" / "data" / "gold_relations.tsv")
    assert len({fact.source for fact in facts}) >= 10
    assert {fact.predicate for fact in facts} == {"has_symptom", "treated_by"}


def test_the_self_written_layout_set_names_only_its_own_articles():
    facts = read_gold(REPO / "tests" / "data" / "synthetic_relations.tsv")
    sources = {fact.source for fact in facts}
    assert len(sources) == 10 and all((REPO / "tests" / "data" / "synthetic" / source).is_file() for source in sources)


def test_error_rows_list_each_miss_and_each_false_fact_with_its_article():
    from extractors.relation_eval import entity_key, error_rows
    typer = EntityTyper()
    facts = [GoldFact("a.txt", "lupus", "has_symptom", "fatigue"), GoldFact("a.txt", "lupus", "has_symptom", "fever")]
    lupus = entity_key(typer.classify("lupus", "DISEASE"), "lupus", "disease")
    fatigue = entity_key(typer.classify("fatigue", "SYMPTOM"), "fatigue", "symptom")
    rash = entity_key(typer.classify("rash", "SYMPTOM"), "rash", "symptom")
    relations = pd.DataFrame({"subject_id": [lupus, lupus], "subject": ["lupus", "lupus"],
                              "predicate": ["has_symptom", "has_symptom"], "object_id": [fatigue, rash],
                              "object": ["fatigue", "rash"], "n_documents": [1, 1], "documents": ["d1", "d1"]})
    rows = error_rows(facts, relations, {"d1": "a.txt"}, typer)
    assert set(zip(rows["error"], rows["object"], rows["source"])) == {("fn", "fever", "a.txt"), ("fp", "rash", "a.txt")}


def test_a_gold_subject_that_is_also_a_symptom_is_scored_as_its_disease():
    from extractors.relation_eval import entity_key
    typer = EntityTyper()
    triples = gold_triples([GoldFact("a.txt", "depression", "has_symptom", "fatigue")], typer)
    [(subject, _)] = triples["has_symptom"]
    assert subject == entity_key(typer.disease_form(typer.classify("depression", "DISEASE")), "depression", "disease")
    assert subject != entity_key(typer.classify("depression", "DISEASE"), "depression", "disease")


def test_error_rows_count_a_found_fact_about_a_condition_as_found():
    from extractors.relation_eval import entity_key, error_rows
    typer = EntityTyper()
    depression = entity_key(typer.disease_form(typer.classify("depression", "DISEASE")), "depression", "disease")
    fatigue = entity_key(typer.classify("fatigue", "SYMPTOM"), "fatigue", "symptom")
    relations = pd.DataFrame({"subject_id": [depression], "subject": ["depression"], "predicate": ["has_symptom"],
                              "object_id": [fatigue], "object": ["fatigue"], "n_documents": [1], "documents": ["d1"]})
    rows = error_rows([GoldFact("a.txt", "depression", "has_symptom", "fatigue")], relations, {"d1": "a.txt"}, typer)
    assert rows.empty
