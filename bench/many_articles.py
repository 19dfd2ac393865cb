"""Peak memory and time of one run over many small articles (default 10,000), through the command line.

Usage: python bench/many_articles.py [--n 10000] [--model NAME_OR_PATH] [--work DIR]

The articles are generated from templated sentences (tests/bad_inputs.py) into --work (default a
temp folder; nothing is shared data): 90 % .txt files, 5 % .html pages, 5 % lines of .jsonl files.
Prints exit code, wall time, peak RSS of the process tree, and time and peak RSS per flow stage.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from bad_inputs import DISEASES, article  # noqa: E402
from measure import run_measured  # noqa: E402


def generate(folder: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    n_html, n_jsonl = n // 20, n // 20
    for i in range(n - n_html - n_jsonl):
        (folder / f"a{i:05d}.txt").write_text(f"What to know about {rng.choice(DISEASES)}\n\n" + article(rng), encoding="utf-8")
    for i in range(n_html):
        disease = rng.choice(DISEASES).title()
        body = "".join(f"<p>{text}</p>" for text in article(rng).split("\n\n"))
        (folder / f"h{i:05d}.html").write_text(
            f"<html><head><title>{disease} guide</title></head><body><nav>Home | About</nav><article>"
            f"<h1>{disease} guide</h1>{body}</article><footer>Copyright</footer></body></html>", encoding="utf-8")
    with open(folder / "articles.jsonl", "w", encoding="utf-8") as stream:
        for i in range(n_jsonl):
            stream.write(json.dumps({"url": f"https://example.org/{i}", "title": rng.choice(DISEASES).title(),
                                     "text": article(rng)}) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--model", default=None, help="spaCy model name or path (default: the bundled model)")
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="medfacts-many-"))
    input_dir, out_dir = work / "input", work / "out"
    if not input_dir.is_dir():
        generate(input_dir, args.n)
    command = [str(Path(sys.executable).parent / "medfacts"), "run", str(input_dir), "--out", str(out_dir)]
    if args.model:
        command += ["--model", args.model]
    measured = run_measured(command)
    print(f"{args.n} articles: exit code {measured.returncode}, {measured.wall_s:.0f} s, peak RSS "
          f"{measured.peak_rss_mib:.0f} MiB (process tree), {measured.peak_main_rss_mib:.0f} MiB (largest process)")
    print(measured.stdout.strip())
    for name, seconds, peak in measured.stages():
        print(f"  {name:10} {seconds:7.1f} s   peak {peak:6.0f} MiB")
    if measured.returncode:
        print(measured.stderr[-3000:])
    return measured.returncode


if __name__ == "__main__":
    sys.exit(main())
