"""The evaluate-cleaning flow: how well the cleaner finds article text, scored by the benchmark's own metric.

The work lives in `extractors.clean_eval`; the flow only runs it so that the run is recorded
like every other medfacts run (`medfacts evaluate-cleaning`).
"""
from __future__ import annotations

from pathlib import Path

from prefect import flow

from extractors import clean_eval


@flow(name="evaluate-cleaning")
def evaluate_cleaning(bench_dir: Path) -> dict:
    """Mean page precision/recall/F1 on the article-extraction benchmark, the best published F1, and speed."""
    return clean_eval.evaluate_cleaning(Path(bench_dir))
