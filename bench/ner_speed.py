"""Words per second of `nlp.pipe` with the bundled NER on one CPU core, over devel.tsv's sentences.

Usage: python bench/ner_speed.py [--model NAME_OR_PATH] [--data FILE.tsv] [--batch-size N] [--limit N]

The process pins itself to one core and caps BLAS/OpenMP threads at one before numpy loads, so
the figure is what one medfacts worker gets. Words are the tokens the pipeline's tokenizer makes.
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_var] = "1"
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

import argparse  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extractors.iob import texts  # noqa: E402
from extractors.ner import load_pipeline  # noqa: E402
from extractors.ner_training import words_per_second  # noqa: E402

DEFAULT_DATA = Path(os.environ.get("MEDFACTS_SHARED", REPO.parent / "shared")) / "data" / "bc5cdr" / "devel.tsv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="spaCy model name or path (default: the bundled model)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="IOB .tsv whose sentences are the input texts")
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N sentences")
    args = parser.parse_args()
    nlp = load_pipeline(args.model)
    sentences = texts(args.data)[: args.limit]
    speed = words_per_second(nlp, sentences, batch_size=args.batch_size)
    print(f"pipeline {nlp.pipe_names} on 1 core, {len(sentences)} texts: {speed:,.0f} words/second")


if __name__ == "__main__":
    main()
