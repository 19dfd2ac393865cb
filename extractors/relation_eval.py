"""Relation quality: precision and recall per predicate against a hand-annotated gold set.

Gold facts are names (tests/data/gold_relations.tsv); both sides are mapped through the same
entity typing and identity rules the pipeline uses, so a gold 'SLE' and an extracted 'lupus' are
the same subject, and the comparison is of merged facts, as analysts see them in relations.csv.
"""
from __future__ import annotations

import csv
import shutil
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from extractors.entity_types import EntityTyper, TypedConcept
from extractors.normalize import entity_id_of
from extractors.records import HAS_SYMPTOM, TREATED_BY, Mention

SCORED_PREDICATES = (HAS_SYMPTOM, TREATED_BY)
OBJECT_LABEL = {HAS_SYMPTOM: "SYMPTOM", TREATED_BY: "TREATMENT"}  # the predicate fixes the object's type


@dataclass(frozen=True)
class GoldFact:
    source: str
    subject: str
    predicate: str
    object: str


def read_gold(path: Path) -> list[GoldFact]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return [GoldFact(row["source"], row["subject"], row["predicate"], row["object"]) for row in rows
                if row["predicate"] in SCORED_PREDICATES]


def stage_sources(facts: list[GoldFact], corpus_dir: Path, input_dir: Path) -> list[str]:
    """Copy the annotated articles (only those) into a fresh input folder for a pipeline run."""
    sources = sorted({fact.source for fact in facts})
    for source in sources:
        target = input_dir / source
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(corpus_dir / source, target)
    return sources


def entity_key(typed: TypedConcept | None, name: str, entity_type: str) -> str:
    """The entity id the pipeline would give this gold name (its typed identity, else the plain name)."""
    if typed is None:
        return entity_id_of(Mention(0, 0, 0, name, entity_type, name.lower()))
    return entity_id_of(Mention(0, 0, 0, name, typed.entity_type, typed.canonical, typed.ontology_id))


def gold_pair(fact: GoldFact, typer: EntityTyper) -> tuple[str, str]:
    """The (subject id, object id) the pipeline would give a gold fact."""
    typed_subject = typer.classify(fact.subject, "DISEASE")
    if typed_subject is not None:  # a subject is a disease: 'depression' on a page about it (relations.title_condition)
        typed_subject = typer.disease_form(typed_subject) or typed_subject
    subject = entity_key(typed_subject, fact.subject, "disease")
    obj = entity_key(typer.classify(fact.object, OBJECT_LABEL[fact.predicate]), fact.object,
                     "symptom" if fact.predicate == "has_symptom" else "treatment")
    return subject, obj


def gold_triples(facts: list[GoldFact], typer: EntityTyper) -> dict[str, set[tuple[str, str]]]:
    triples: dict[str, set[tuple[str, str]]] = {predicate: set() for predicate in SCORED_PREDICATES}
    for fact in facts:
        triples[fact.predicate].add(gold_pair(fact, typer))
    return triples


def extracted_triples(relations: pd.DataFrame) -> dict[str, set[tuple[str, str]]]:
    supported = relations[relations["n_documents"] > 0]
    return {predicate: set(zip(rows["subject_id"], rows["object_id"]))
            for predicate in SCORED_PREDICATES
            for rows in [supported[supported["predicate"] == predicate]]}


def score(gold: dict[str, set[tuple[str, str]]], found: dict[str, set[tuple[str, str]]]) -> dict[str, dict[str, float]]:
    scores: dict[str, dict[str, float]] = {}
    for predicate in SCORED_PREDICATES:
        true_positives = len(gold[predicate] & found[predicate])
        precision = true_positives / len(found[predicate]) if found[predicate] else 0.0
        recall = true_positives / len(gold[predicate]) if gold[predicate] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[predicate] = {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
                             "gold": len(gold[predicate]), "found": len(found[predicate]), "tp": true_positives}
    return scores


def evaluate_output(facts: list[GoldFact], out_dir: Path) -> dict[str, dict[str, float]]:
    """Score a finished pipeline run (its relations.csv) against the gold facts."""
    relations = pd.read_csv(out_dir / "relations.csv", dtype={"n_documents": int})
    return score(gold_triples(facts, EntityTyper()), extracted_triples(relations))


def error_rows(facts: list[GoldFact], relations: pd.DataFrame, sources: dict[str, str],
               typer: EntityTyper | None = None) -> pd.DataFrame:
    """Each missed gold fact (fn) and each unsupported extracted fact (fp), with its article(s).

    What an analyst reads to find the biggest classes of errors; names are the gold's for misses
    and the merged entity names for false positives, sources the articles they come from.
    """
    typer = typer or EntityTyper()
    gold = gold_triples(facts, typer)
    found = extracted_triples(relations)
    rows = []
    for fact in facts:
        if gold_pair(fact, typer) not in found[fact.predicate]:  # the same keys the scores use
            rows.append(("fn", fact.predicate, fact.subject, fact.object, fact.source))
    supported = relations[(relations["n_documents"] > 0) & relations["predicate"].isin(SCORED_PREDICATES)]
    for row in supported.itertuples(index=False):
        if (row.subject_id, row.object_id) not in gold[row.predicate]:
            documents = ";".join(sorted(sources.get(doc, doc) for doc in str(row.documents).split(";")))
            rows.append(("fp", row.predicate, row.subject, row.object, documents))
    frame = pd.DataFrame(rows, columns=["error", "predicate", "subject", "object", "source"])
    return frame.drop_duplicates().sort_values(["source", "predicate", "error", "subject", "object"], ignore_index=True)


def write_errors(facts: list[GoldFact], out_dir: Path) -> Path:
    """relation_errors.csv beside a finished run's tables: its misses and false positives."""
    relations = pd.read_csv(out_dir / "relations.csv", dtype={"n_documents": int})
    documents = pd.read_csv(out_dir / "documents.csv", dtype=str)
    path = out_dir / "relation_errors.csv"
    error_rows(facts, relations, dict(zip(documents["doc_id"], documents["source"]))).to_csv(path, index=False)
    return path
