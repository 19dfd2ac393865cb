"""End-to-end throughput of `extract_facts` against bare `nlp.pipe` of the same model, at N documents.

Usage: python bench/throughput.py [--n 2000] [--model NAME_OR_PATH] [--work DIR] [--workers 2]

Builds a corpus of N articles under --work from the texts under $MEDFACTS_SHARED (default ../shared):
paragraphs of the BC5CDR and NCBI-disease sentences and of the web corpus texts, each article a
different draw of 4 to 8 of them with its own title, one in five written as an HTML page. Every
paragraph is used at most a few times, so no article is a near-duplicate of another and no
paragraph recurs often enough to count as boilerplate. Nothing is written into the repository.

Each scenario runs in a fresh process that first does a one-article warm-up run (Prefect's
temporary server starts, the model loads), so the timings exclude interpreter and server start-up:
  one:    the first run with one worker; then bare nlp.pipe of ner.load_pipeline(model) over the
          same cleaned texts (text/*.txt of that run) in the same process; then a re-run with
          nothing new. Peak RSS of the process (and its children) is reported.
  two:    the first run with --workers worker processes, into another output folder.
Words are whitespace-separated words of the cleaned texts, the same count for every figure.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from html import escape
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SHARED = Path(os.environ.get("MEDFACTS_SHARED", REPO.parent / "shared"))


# --- the corpus ----------------------------------------------------------------------------------

def paragraph_pool(shared: Path, seed: int) -> list[str]:
    """Paragraphs of 3 to 6 consecutive annotated-corpus sentences, plus the web texts' paragraphs."""
    from extractors.iob import texts

    rng = random.Random(seed)
    pool: list[str] = []
    for path in sorted((shared / "data").glob("*/*.tsv")):
        sentences = texts(path)
        position = 0
        while position < len(sentences):
            size = rng.randint(3, 6)
            pool.append(" ".join(sentences[position:position + size]))
            position += size
    for path in sorted((shared / "corpus" / "web" / "text").glob("*.txt")):
        pool += [part.strip() for part in path.read_text(encoding="utf-8", errors="replace").split("\n\n")
                 if len(part.split()) >= 25]
    rng.shuffle(pool)
    return pool


def build_corpus(folder: Path, n: int, shared: Path, seed: int = 11) -> None:
    rng = random.Random(seed)
    pool = paragraph_pool(shared, seed)
    topics = ["lupus", "arthritis", "back pain", "gout", "asthma", "migraine", "diabetes", "osteoporosis",
              "fibromyalgia", "psoriasis", "anemia", "hepatitis", "epilepsy", "eczema", "sciatica"]
    folder.mkdir(parents=True, exist_ok=True)
    cursor = 0
    for index in range(n):
        size = rng.randint(4, 8)
        if cursor + size > len(pool):
            rng.shuffle(pool)
            cursor = 0
        paragraphs, cursor = pool[cursor:cursor + size], cursor + size
        title = f"{rng.choice(topics).title()}: notes {index}"
        if index % 5 == 4:
            body = "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)
            (folder / f"article{index:05d}.html").write_text(
                f"<html><head><title>{title}</title></head><body><nav>Home | Topics | Contact</nav><article>"
                f"<h1>{title}</h1>{body}</article><footer>Copyright 2026</footer></body></html>", encoding="utf-8")
        else:
            (folder / f"article{index:05d}.txt").write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n",
                                                           encoding="utf-8")


# --- one scenario, in its own process -----------------------------------------------------------

# Long enough to survive cleaning (a one-line note is dropped as junk), so the warm-up loads the model.
WARM_UP_ARTICLE = """Lupus

Lupus is a long-term condition that causes inflammation in many parts of the body, such as the joints,
skin and kidneys. The most common symptoms of lupus are fatigue, joint pain and a rash across the cheeks.

There is no cure, but treatment with hydroxychloroquine and corticosteroids can help control the symptoms.
Many people with lupus also find that regular exercise and a healthy diet help them manage their fatigue.
"""


def scenario(name: str, corpus: Path, work: Path, model: str | None, workers: int) -> dict:
    from flows.extract_facts import extract_facts

    warm = work / f"warm-{name}"
    (warm / "in").mkdir(parents=True, exist_ok=True)
    (warm / "in" / "a.txt").write_text(WARM_UP_ARTICLE, encoding="utf-8")
    if extract_facts(warm / "in", warm / "out", model, workers=workers)["n_extracted"] != 1:
        sys.exit("the warm-up article was not extracted, so the model did not load before the timed run")
    out = work / f"out-{name}"
    started = time.perf_counter()
    first = extract_facts(corpus, out, model, workers=workers)
    result = {"scenario": name, "workers": workers, "seconds": time.perf_counter() - started,
              "n_documents": first["n_documents"], "n_extracted": first["n_extracted"], "n_failed": first["n_failed"]}
    texts = [path.read_text(encoding="utf-8") for path in sorted((out / "text").glob("*.txt"))]
    result["words"] = sum(len(text.split()) for text in texts)
    if name == "one":
        from extractors.ner import load_pipeline

        nlp = load_pipeline(model)
        list(nlp.pipe(texts[:20]))  # warm-up
        started = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=32):
            pass
        result["bare_seconds"] = time.perf_counter() - started
        started = time.perf_counter()
        rerun = extract_facts(corpus, out, model, workers=workers)
        result["rerun_seconds"] = time.perf_counter() - started
        result["rerun_extracted"] = rerun["n_extracted"]
    result["peak_rss_mib"] = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                                 resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return result


def run_scenario(name: str, corpus: Path, work: Path, model: str | None, workers: int) -> dict:
    command = [sys.executable, __file__, "--scenario", name, "--corpus", str(corpus), "--work", str(work),
               "--workers", str(workers)] + (["--model", model] if model else [])
    env = {**os.environ, "PREFECT_HOME": str(work / "prefect"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_LOGGING_LEVEL": "WARNING"}
    completed = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        sys.exit(f"scenario {name} failed:\n{completed.stderr[-3000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def report(one: dict, two: dict) -> None:
    words = one["words"]
    end_to_end, bare = words / one["seconds"], words / one["bare_seconds"]
    print(f"documents: {one['n_documents']} ({one['n_failed']} failed), words (cleaned): {words:,}")
    print(f"one worker:  {one['seconds']:.1f} s, {end_to_end:,.0f} words/s end to end")
    print(f"bare nlp.pipe of the same model: {one['bare_seconds']:.1f} s, {bare:,.0f} words/s")
    print(f"  ratio end-to-end / bare: {end_to_end / bare:.2f} (goal >= 0.8)")
    print(f"{two['workers']} workers: {two['seconds']:.1f} s, {two['words'] / two['seconds']:,.0f} words/s; "
          f"speed-up over one worker: {one['seconds'] / two['seconds']:.2f} (goal >= 1.6)")
    print(f"re-run with nothing new: {one['rerun_seconds']:.2f} s ({one['rerun_extracted']} extracted), "
          f"{100 * one['rerun_seconds'] / one['seconds']:.1f} % of the first run (goal <= 5 %)")
    print(f"peak RSS: one worker {one['peak_rss_mib']:,.0f} MiB (goal < 2048), "
          f"{two['workers']} workers {two['peak_rss_mib']:,.0f} MiB (largest single process)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="documents in the corpus (default: 2000)")
    parser.add_argument("--model", default=None, help="spaCy model name or path (default: the bundled model)")
    parser.add_argument("--work", type=Path, default=None, help="working folder (default: a temporary one)")
    parser.add_argument("--workers", type=int, default=2, help="workers of the parallel scenario (default: 2)")
    parser.add_argument("--scenario", choices=["one", "two"], help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.scenario:
        workers = 1 if args.scenario == "one" else args.workers
        print(json.dumps(scenario(args.scenario, args.corpus, args.work, args.model, workers)))
        return
    work = args.work or Path(tempfile.mkdtemp(prefix="medfacts-throughput-"))
    corpus = work / "corpus"
    if not corpus.is_dir():
        build_corpus(corpus, args.n, SHARED)
    print(f"corpus: {corpus} ({sum(1 for _ in corpus.iterdir())} files)", flush=True)
    one = run_scenario("one", corpus, work, args.model, 1)
    two = run_scenario("two", corpus, work, args.model, args.workers)
    report(one, two)


if __name__ == "__main__":
    main()
