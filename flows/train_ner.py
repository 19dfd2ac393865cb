"""Prefect flows for the bundled NER: `medfacts train-ner` and `medfacts evaluate-ner`.

Only wiring lives here; corpus preparation, training, scoring and packaging are in
`extractors.iob` and `extractors.ner_training`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect import flow, task

from extractors import ner, ner_training
from extractors.iob import texts


@task
def prepare_corpus(data_dir: Path, work_dir: Path, ncbi_dir: Path | None,
                   config: Path | None) -> ner_training.CorpusFiles:
    settings = ner_training.medfacts_settings(config)
    return ner_training.prepare_corpus(data_dir, work_dir, ncbi_dir, vectors_dim=settings["vectors_dim"],
                                       vector_text=settings["vector_text"],
                                       ncbi_training=settings["ncbi_training"],
                                       train_on_devel=settings["train_on_devel"])


@task
def train_pipeline(corpus: ner_training.CorpusFiles, work_dir: Path, config: Path | None, seed: int) -> Path:
    last = ner_training.medfacts_settings(config)["train_on_devel"]
    return ner_training.train_pipeline(corpus, work_dir, config=config, seed=seed, last=last)


@task
def score_pipeline(model_dir: Path, data_file: Path) -> dict[str, Any]:
    return ner_training.evaluate(ner.load_pipeline(model_dir), data_file)


@task
def package_pipeline(model_dir: Path, out_dir: Path, devel_scores: dict[str, Any], training: dict[str, Any],
                     devel_held_out: bool = True) -> Path:
    if not devel_held_out:  # devel was trained on: its scores must not pass for held-out figures
        performance = {"devel_seen_in_training": devel_scores}
    else:
        performance = {**ner_training.spacy_performance(devel_scores), "devel": devel_scores}
    return ner_training.package_pipeline(model_dir, out_dir, performance, training=training)


@flow(name="train-ner")
def train_ner(data_dir: Path, out_dir: Path, config: Path | None = None, seed: int = 0,
              ncbi_dir: Path | None = None, work_dir: Path | None = None) -> dict[str, Any]:
    """Train on `data_dir`/train.tsv (plus NCBI-disease train if given), select on devel.tsv, package.

    With the config's [medfacts] train_on_devel, devel.tsv is trained on as well and the last
    checkpoint (after the config's max_steps, chosen on devel beforehand) is packaged.

    Corpus files, vectors and checkpoints go to `work_dir` (default ./training/<out name>, which
    git ignores) so the packaged `out_dir` holds only the model. Returns the devel scores.
    """
    out_dir = Path(out_dir)
    work_dir = Path(work_dir) if work_dir is not None else Path.cwd() / "training" / out_dir.name
    corpus = prepare_corpus(Path(data_dir), work_dir, ncbi_dir, config)
    best = train_pipeline(corpus, work_dir, config, seed)
    devel_scores = score_pipeline(best, Path(data_dir) / "devel.tsv")
    package_pipeline(best, out_dir, devel_scores, ner_training.training_record(data_dir, config, seed, ncbi_dir),
                     devel_held_out=not ner_training.medfacts_settings(config)["train_on_devel"])
    return devel_scores


@flow(name="evaluate-ner")
def evaluate_ner(data_file: Path, model: str | None = None) -> dict[str, Any]:
    """Entity P/R/F1 overall and per type on an IOB file's gold tokens, plus nlp.pipe words/second."""
    nlp = ner.load_pipeline(model)
    scores: dict[str, Any] = ner_training.evaluate(nlp, Path(data_file))
    scores["words_per_second"] = ner_training.words_per_second(nlp, texts(data_file))
    return scores
