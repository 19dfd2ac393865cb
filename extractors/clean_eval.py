"""Score the cleaner on the article-extraction benchmark, with the benchmark's own metric.

The benchmark (Scrapinghub/Zyte article-extraction-benchmark, described in its SOURCE.md) gives
181 HTML pages and the gold article body of each. Its metric, reimplemented here from that
description:

- text becomes tokens with a Unicode ``\\w+`` regex, case kept, punctuation and spaces dropped;
- each text becomes a multiset of overlapping 4-token shingles (fewer than 4 tokens: one shingle);
- per page, TP/FP/FN are the multiset overlap and the two differences; page precision is
  TP/(TP+FP) and recall TP/(TP+FN), both 1 when prediction and gold are equal; a page with an
  empty prediction is left out of the precision mean and scores 0 recall;
- precision and recall are means over pages, and F1 is the harmonic mean of those two means.

`evaluate_cleaning` also times the cleaner: HTML documents per second on the benchmark pages,
plain-text documents per second on the seeds and the corpus's scraped texts. Rates are given by
this process's CPU time (single-threaded, so one core; steady on a shared machine) and by the
wall clock.
"""
from __future__ import annotations

import gzip
import json
import re
import statistics
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from extractors.clean import clean_html, clean_text, recurring_lines

SHINGLE_TOKENS = 4
_TOKEN = re.compile(r"\w+")
# The best published result in the benchmark's SOURCE.md ('rs_trafilatura', latest evaluation;
# the commercial AutoExtract of 2019 has the same F1).
PUBLISHED_BEST = {"system": "rs_trafilatura 9261e08", "f1": 0.970, "precision": 0.951, "recall": 0.990}
# Plain-text speed is measured over this many passes of the sample (23 short files), for a stable timing.
TEXT_SPEED_PASSES = 5


def shingles(text: str, size: int = SHINGLE_TOKENS) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i:i + size]) for i in range(len(tokens) - size + 1))


def page_counts(gold: str, predicted: str) -> tuple[int, int, int]:
    """TP, FP, FN of one page: multiset overlap and differences of the 4-token shingles."""
    true, pred = shingles(gold), shingles(predicted)
    return sum((true & pred).values()), sum((pred - true).values()), sum((true - pred).values())


def page_precision_recall(gold: str, predicted: str) -> tuple[float | None, float | None]:
    """Precision and recall of one page; None where the page is left out of that mean.

    As the benchmark scores: precision only over pages with a prediction (TP+FP > 0), recall only
    over pages with a gold text (TP+FN > 0); identical texts score 1 and 1.
    """
    tp, fp, fn = page_counts(gold, predicted)
    perfect = fp == 0 and fn == 0
    precision = (1.0 if perfect else tp / (tp + fp)) if tp + fp > 0 else None
    recall = (1.0 if perfect else tp / (tp + fn)) if tp + fn > 0 else None
    return precision, recall


def score(gold: dict[str, str], predicted: dict[str, str]) -> dict[str, float]:
    """Mean page precision and recall, and F1 as the harmonic mean of the two means."""
    precisions, recalls = [], []
    exact = 0
    for page_id, gold_text in gold.items():
        prediction = predicted.get(page_id) or ""
        precision, recall = page_precision_recall(gold_text, prediction)
        if precision is not None:
            precisions.append(precision)
        if recall is not None:
            recalls.append(recall)
        exact += _TOKEN.findall(gold_text) == _TOKEN.findall(prediction)
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "accuracy": exact / len(gold) if gold else 0.0}


def load_benchmark(bench_dir: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Gold bodies and page URLs keyed by page id, from ground-truth.json."""
    truth = json.loads((Path(bench_dir) / "ground-truth.json").read_text(encoding="utf-8"))
    gold = {page_id: item.get("articleBody") or "" for page_id, item in truth.items()}
    urls = {page_id: item.get("url") or "" for page_id, item in truth.items()}
    return gold, urls


def read_page(bench_dir: Path, page_id: str) -> str:
    path = Path(bench_dir) / "html" / f"{page_id}.html.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return handle.read()


@dataclass(frozen=True)
class Rate:
    """Documents per second by this process's CPU time (one core, what the cleaner costs) and by
    the wall clock (what a run took on a machine that may be busy with other work)."""

    cpu: float
    wall: float


class Stopwatch:
    """CPU and wall time of a block of work."""

    def __enter__(self) -> "Stopwatch":
        self.cpu, self.wall = time.process_time(), time.perf_counter()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.cpu, self.wall = time.process_time() - self.cpu, time.perf_counter() - self.wall

    def rate(self, documents: int) -> Rate:
        return Rate(cpu=documents / self.cpu if self.cpu > 0 else 0.0,
                    wall=documents / self.wall if self.wall > 0 else 0.0)


def predict_benchmark(bench_dir: Path, gold: dict[str, str], urls: dict[str, str]) -> tuple[dict[str, str], Rate]:
    """Cleaned text of every benchmark page and the HTML cleaning rate."""
    pages = {page_id: read_page(bench_dir, page_id) for page_id in gold}
    with Stopwatch() as watch:
        predicted = {page_id: clean_html(html, url=urls.get(page_id) or None).text for page_id, html in pages.items()}
    return predicted, watch.rate(len(pages))


def plain_text_samples(bench_dir: Path) -> list[str]:
    """The seeds and the corpus's scraped texts, found beside the benchmark in the shared folder."""
    shared = Path(bench_dir).resolve().parents[1]
    paths = sorted((shared / "seeds").glob("*.txt")) + sorted((shared / "corpus" / "web" / "text").glob("*.txt"))
    return [path.read_text(encoding="utf-8", errors="replace") for path in paths]


def documents_per_second(clean: Callable[[str], object], texts: Iterable[str], passes: int = 1) -> Rate:
    texts = list(texts)
    if not texts:
        return Rate(0.0, 0.0)
    with Stopwatch() as watch:
        for _ in range(passes):
            for text in texts:
                clean(text)
    return watch.rate(passes * len(texts))


def plain_text_speed(texts: list[str]) -> Rate:
    """Plain-text cleaning rate, with the corpus's recurring lines as in the pipeline, once the
    cleaner's word lists are loaded (a one-off cost per process, like loading the NER model)."""
    recurring = recurring_lines(texts)
    if texts:
        clean_text(texts[0], recurring=recurring)
    return documents_per_second(lambda text: clean_text(text, recurring=recurring), texts, TEXT_SPEED_PASSES)


def evaluate_cleaning(bench_dir: Path) -> dict:
    """Benchmark precision/recall/F1 (page means) against the best published, and cleaning speed."""
    bench_dir = Path(bench_dir)
    gold, urls = load_benchmark(bench_dir)
    predicted, html_rate = predict_benchmark(bench_dir, gold, urls)
    scores = score(gold, predicted)
    texts = plain_text_samples(bench_dir)
    text_rate = plain_text_speed(texts)
    return {
        "pages": len(gold),
        "precision": scores["precision"],
        "recall": scores["recall"],
        "f1": scores["f1"],
        "accuracy": scores["accuracy"],
        "published_best_system": PUBLISHED_BEST["system"],
        "published_best_f1": PUBLISHED_BEST["f1"],
        "published_best_precision": PUBLISHED_BEST["precision"],
        "published_best_recall": PUBLISHED_BEST["recall"],
        "f1_minus_published_best": scores["f1"] - PUBLISHED_BEST["f1"],
        "html_docs_per_second": html_rate.cpu,
        "html_docs_per_second_wall": html_rate.wall,
        "plain_text_documents": len(texts),
        "plain_text_docs_per_second": text_rate.cpu,
        "plain_text_docs_per_second_wall": text_rate.wall,
    }
