"""`medfacts` command line: parse arguments, check the folders, call a flow, print a summary."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Callable, Sequence


class UsageError(Exception):
    """A problem with what the user asked for, reported as one line without a traceback."""


class BusyError(UsageError):
    """The output folder is in use by another run: try again later (exit code EXIT_BUSY)."""


EXIT_BUSY = 75  # EX_TEMPFAIL: a scheduler may retry


def existing_dir(value: str) -> Path:
    path = Path(value)
    if not path.is_dir():
        raise UsageError(f"input folder not found: {path}")
    if not os.access(path, os.R_OK | os.X_OK):
        raise UsageError(f"input folder not readable: {path}")
    return path


def writable_dir(value: str) -> Path:
    path = Path(value)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"output folder not writable: {path} ({error.strerror or error})") from error
    if not os.access(path, os.W_OK | os.X_OK):
        raise UsageError(f"output folder not writable: {path}")
    return path


def existing_file(value: str) -> Path:
    path = Path(value)
    if not path.is_file():
        raise UsageError(f"file not found: {path}")
    return path


def spacy_model(value: str | None) -> str | None:
    """None (the bundled model), an installed spaCy package, or a model folder."""
    if value is None:
        return None
    import spacy.util

    if not (Path(value).is_dir() or spacy.util.is_package(value)):
        raise UsageError(f"spaCy model not found: {value} (neither an installed package nor a model folder)")
    return value


def command_run(args: argparse.Namespace) -> int:
    from extractors.tables import OutputFolderBusy, run_lock

    input_dir, out_dir, model = existing_dir(args.input), writable_dir(args.out), spacy_model(args.model)
    try:  # the flow takes the lock too; taking it here first reports a busy folder in one line
        with run_lock(out_dir, timeout=args.wait):
            from flows.extract_facts import extract_facts  # Prefect loads only once the folder is ours

            summary = extract_facts(input_dir, out_dir, model, full=args.full, workers=args.workers,
                                    dask_address=args.dask_address, batch_size=args.batch_size, lock_timeout=args.wait)
    except OutputFolderBusy as error:
        raise BusyError(str(error)) from error
    print(f"medfacts: {summary['n_documents']} documents ({summary['n_new']} new, {summary['n_changed']} changed, "
          f"{summary['n_unchanged']} unchanged, {summary['n_removed']} removed, {summary['n_failed']} failed; "
          f"{summary['n_extracted']} extracted) -> {args.out}")
    return 0


def command_serve(args: argparse.Namespace) -> int:
    input_dir, out_dir, model = existing_dir(args.input), writable_dir(args.out), spacy_model(args.model)
    from flows.extract_facts import serve

    print(f"medfacts: serving extract-facts on {args.input} -> {args.out} "
          f"({'every ' + str(args.interval) + ' s' if args.interval else 'cron ' + args.cron}); Ctrl-C stops")
    serve(input_dir.resolve(), out_dir.resolve(), model, cron=None if args.interval else args.cron,
          interval=args.interval, workers=args.workers, dask_address=args.dask_address)
    return 0


def command_train_ner(args: argparse.Namespace) -> int:
    from flows.train_ner import train_ner

    scores = train_ner(existing_dir(args.data), writable_dir(args.out), args.config and existing_file(args.config),
                       args.seed, args.ncbi and existing_dir(args.ncbi))
    print_scores(scores)
    return 0


def command_evaluate_ner(args: argparse.Namespace) -> int:
    from flows.train_ner import evaluate_ner

    print_scores(evaluate_ner(existing_file(args.data), args.model))
    return 0


def command_evaluate_cleaning(args: argparse.Namespace) -> int:
    from flows.evaluate_cleaning import evaluate_cleaning

    results = evaluate_cleaning(existing_dir(args.bench))
    for key, value in results.items():
        print(f"{key}: {value:.4f}" if isinstance(value, float) else f"{key}: {value}")
    return 0


def command_evaluate_relations(args: argparse.Namespace) -> int:
    from flows.evaluate_relations import evaluate_relations

    out_dir = writable_dir(args.out) if args.out else None
    print_scores(evaluate_relations(existing_file(args.gold), existing_dir(args.corpus), args.model, out_dir))
    return 0


def print_scores(scores: dict) -> None:
    """Entity-level scores as a small table: one row per type plus overall."""
    print(f"{'':10} {'P':>7} {'R':>7} {'F1':>7}")
    for name, row in scores.items():
        if isinstance(row, dict) and {"precision", "recall", "f1"} <= row.keys():
            counts = "  ".join(f"{key}={value}" for key, value in row.items() if key not in {"precision", "recall", "f1"})
            print(f"{name:10} {row['precision']:7.4f} {row['recall']:7.4f} {row['f1']:7.4f}  {counts}")
    for name, value in scores.items():
        if not isinstance(value, dict):
            print(f"{name}: {value}")


def shared_dir() -> Path:
    return Path(os.environ.get("MEDFACTS_SHARED", "../shared"))


def positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return number


def add_scale_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--workers", type=positive_int, default=1, metavar="N",
                        help="clean and extract in N worker processes (default: 1, in this process)")
    parser.add_argument("--dask-address", default=None, metavar="tcp://HOST:PORT",
                        help="clean and extract on an existing Dask cluster (prefect-dask's DaskTaskRunner)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="medfacts", description="Turn scraped health articles into tidy tables of medical facts.")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="extract facts from a folder of articles into CSV tables")
    run.add_argument("input", nargs="?", default="raw", help="folder of .txt/.md/.html/.jsonl articles (default: raw)")
    run.add_argument("--out", default="processed", help="output folder (default: processed)")
    run.add_argument("--model", default=None, help="spaCy model name or path (default: the bundled BC5CDR model)")
    run.add_argument("--wait", type=float, default=60.0, metavar="SECONDS",
                     help="how long to wait for another run on the same output folder to finish (default: 60)")
    run.add_argument("--full", action="store_true", help="ignore stored results: clean and extract every document again")
    add_scale_arguments(run)
    run.add_argument("--batch-size", type=positive_int, default=64, metavar="N", help="documents per extraction batch (default: 64)")
    run.set_defaults(handler=command_run)

    serve = commands.add_parser("serve", help="run `medfacts run` on a schedule until stopped (Prefect flow.serve)")
    serve.add_argument("input", nargs="?", default="raw", help="folder of articles (default: raw)")
    serve.add_argument("--out", default="processed", help="output folder (default: processed)")
    serve.add_argument("--model", default=None, help="spaCy model name or path (default: the bundled BC5CDR model)")
    serve.add_argument("--cron", default="0 * * * *", help='cron schedule (default: "0 * * * *", hourly)')
    serve.add_argument("--interval", type=float, default=None, metavar="SECONDS", help="run every SECONDS instead of --cron")
    add_scale_arguments(serve)
    serve.set_defaults(handler=command_serve)

    train = commands.add_parser("train-ner", help="train the NER model on BC5CDR-style IOB data")
    train.add_argument("--data", default=str(shared_dir() / "data" / "bc5cdr"), help="folder with train.tsv and devel.tsv")
    train.add_argument("--out", required=True, help="folder to write the trained pipeline to")
    train.add_argument("--config", default=None, help="spaCy training config (default: the bundled one)")
    train.add_argument("--seed", type=int, default=0)
    train.add_argument("--ncbi", default=None, help="optional NCBI-disease folder: its train sentences join the training data "
                       "unless the config's [medfacts] ncbi_training is false; its text feeds the vectors "
                       "where [medfacts] vector_text names it")
    train.set_defaults(handler=command_train_ner)

    evaluate = commands.add_parser("evaluate-ner", help="entity-level P/R/F1 of a model on an IOB .tsv file")
    evaluate.add_argument("--data", default=str(shared_dir() / "data" / "bc5cdr" / "test.tsv"))
    evaluate.add_argument("--model", default=None, help="spaCy model name or path (default: bundled)")
    evaluate.set_defaults(handler=command_evaluate_ner)

    relations = commands.add_parser("evaluate-relations", help="precision/recall of relations against a gold set")
    relations.add_argument("--gold", default="tests/data/gold_relations.tsv", help="gold facts (source, subject, predicate, object)")
    relations.add_argument("--corpus", default=str(shared_dir() / "corpus" / "web"), help="folder the gold sources are relative to")
    relations.add_argument("--model", default=None, help="spaCy model name or path (default: bundled)")
    relations.add_argument("--out", default=None, help="keep the run's tables in this folder for inspection")
    relations.set_defaults(handler=command_evaluate_relations)

    cleaning = commands.add_parser("evaluate-cleaning", help="main-text extraction score on the article-extraction benchmark")
    cleaning.add_argument("--bench", default=str(shared_dir() / "bench" / "article-extraction"))
    cleaning.set_defaults(handler=command_evaluate_cleaning)
    return parser


# Prefect waits 20 s for its temporary API server by default; an unattended run on a busy machine
# should wait longer rather than fail. An explicit setting in the environment wins.
EPHEMERAL_SERVER_STARTUP_SECONDS = "120"


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", EPHEMERAL_SERVER_STARTUP_SECONDS)
    try:
        return handler(args)
    except UsageError as error:
        print(f"medfacts: error: {error}", file=sys.stderr)
        return EXIT_BUSY if isinstance(error, BusyError) else 2
    except KeyboardInterrupt:
        print("medfacts: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # the run could not complete (e.g. Prefect's API unreachable): one line, no traceback
        if os.environ.get("MEDFACTS_DEBUG"):
            raise
        message = " ".join(str(error).split()) or type(error).__name__
        print(f"medfacts: error: {type(error).__name__}: {message} (set MEDFACTS_DEBUG=1 for the traceback)",
              file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
