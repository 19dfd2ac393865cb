"""The evaluate-relations flow: run the pipeline over the annotated articles and score its relations."""
from __future__ import annotations

import tempfile
from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from extractors import relation_eval
from flows.extract_facts import extract_facts


@task(name="stage gold articles", cache_policy=NO_CACHE)
def stage_articles(facts: list[relation_eval.GoldFact], corpus_dir: Path, input_dir: Path) -> list[str]:
    return relation_eval.stage_sources(facts, corpus_dir, input_dir)


@task(name="score relations", cache_policy=NO_CACHE)
def score_relations(facts: list[relation_eval.GoldFact], out_dir: Path) -> dict:
    return relation_eval.evaluate_output(facts, out_dir)


@task(name="list relation errors", cache_policy=NO_CACHE)
def list_errors(facts: list[relation_eval.GoldFact], out_dir: Path) -> Path:
    return relation_eval.write_errors(facts, out_dir)


@flow(name="evaluate-relations")
def evaluate_relations(gold_file: Path, corpus_dir: Path, model: str | None = None, out_dir: Path | None = None) -> dict:
    """Precision/recall per predicate of merged relations against the gold facts of the annotated articles."""
    facts = relation_eval.read_gold(Path(gold_file))
    with tempfile.TemporaryDirectory(prefix="medfacts-gold-") as work:
        input_dir = Path(work) / "articles"
        output = Path(out_dir) if out_dir else Path(work) / "out"
        sources = stage_articles(facts, Path(corpus_dir), input_dir)
        extract_facts(input_dir, output, model)
        scores = score_relations(facts, output)
        if out_dir:
            list_errors(facts, output)
    return {**scores, "articles": len(sources)}
