"""The robustness issue's bad-input folder at full size, through the real command line.

Usage: python bench/bad_input.py [--big-mb 50] [--model NAME_OR_PATH] [--work DIR]

Builds the folder of bad inputs (tests/bad_inputs.py) with a `big.txt` of --big-mb megabytes of
distinct paragraphs, runs `medfacts run` on it, and reports: exit code, wall time, peak memory of
the process tree, the status and error of every document against what is expected, and whether
every mention offset of big.txt slices its text/<doc_id>.txt.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from bad_inputs import build_bad_input_folder  # noqa: E402
from measure import run_measured  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big-mb", type=float, default=50.0)
    parser.add_argument("--model", default=None, help="spaCy model name or path (default: the bundled model)")
    parser.add_argument("--work", type=Path, default=None, help="folder for the inputs and tables (default: a temp folder)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="medfacts-bad-input-"))
    input_dir, out_dir = work / "input", work / "out"
    expected = build_bad_input_folder(input_dir, big_chars=int(args.big_mb * 1_000_000))
    command = [str(Path(sys.executable).parent / "medfacts"), "run", str(input_dir), "--out", str(out_dir)]
    if args.model:
        command += ["--model", args.model]
    measured = run_measured(command)
    print(f"exit code {measured.returncode}, {measured.wall_s:.0f} s, peak RSS {measured.peak_rss_mib:.0f} MiB "
          f"(process tree), {measured.peak_main_rss_mib:.0f} MiB (largest process)")
    print("stdout:", measured.stdout.strip().splitlines()[-1:] or "")
    for name, seconds, peak in measured.stages():
        print(f"  stage {name:10} {seconds:7.1f} s   peak {peak:6.0f} MiB")
    errors = [line for line in measured.stderr.splitlines() if "Traceback" in line or "Error" in line]
    print(f"stderr lines with 'Traceback'/'Error': {len(errors)}")
    if measured.returncode != 0:
        print(measured.stderr[-3000:])
        return 1
    import pandas as pd

    from extractors.tables import read_table

    documents = read_table("documents", out_dir)
    bad = 0
    for row in documents.itertuples():
        want = expected.get(row.source, "?")
        got = row.status if row.status == "ok" else f"{row.status}: {row.error}"
        fine = (want == "ok" and row.status == "ok") or (want != "ok" and row.status == "failed" and want in (row.error or ""))
        if row.source == "unreadable.txt" and row.status == "ok":
            fine, got = True, "ok (running as root: permissions do not apply)"
        bad += not fine
        print(f"  {'ok ' if fine else 'BAD'} {row.source:20} {got}")
    big = documents[documents["source"] == "big.txt"].iloc[0]
    mentions = read_table("mentions", out_dir)
    big_mentions = mentions[mentions["doc_id"] == big["doc_id"]]
    text = (out_dir / "text" / f"{big['doc_id']}.txt").read_text(encoding="utf-8")
    sliced = sum(text[row.start:row.end] == row.text for row in big_mentions.itertuples())
    print(f"big.txt: {big['n_chars_raw']:,} chars raw, {big['n_chars_clean']:,} clean, {len(big_mentions):,} mentions, "
          f"{sliced:,} slice text/<doc_id>.txt exactly, last offset {int(big_mentions['end'].max()) if len(big_mentions) else 0:,}")
    print(f"relations {len(read_table('relations', out_dir))}, evidence rows {len(pd.read_csv(out_dir / 'evidence.csv'))}")
    return 1 if bad or sliced != len(big_mentions) else 0


if __name__ == "__main__":
    sys.exit(main())
