"""Train, score and package the bundled biomedical NER (DISEASE, CHEMICAL) from IOB corpora.

Plain functions, no orchestration: `flows/train_ner.py` wires them into a Prefect flow, and tests
and benchmarks call them directly. Scoring is exact-span entity P/R/F1 on the corpora's own gold
tokens, so a model is judged on its NER alone, never on how its tokenizer splits the text.
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from extractors.iob import read_docs, read_sentences, sentence_to_doc, without_entities, write_docbin

if TYPE_CHECKING:
    import numpy as np
    import scipy.sparse as sp

DEFAULT_CONFIG = Path(__file__).parent / "data" / "ner.cfg"
ENTITY_LABELS = ("DISEASE", "CHEMICAL")

Span3 = tuple[int, int, str]


@dataclass(frozen=True)
class CorpusFiles:
    """What one training run reads: DocBins `train` (updates) and `dev` (model selection), and the
    static word vectors (a spaCy pipeline folder) made from the training text."""

    train: Path
    dev: Path
    vectors: Path


# --- corpus -------------------------------------------------------------------------------------

def chemical_lexicon(docs: Iterable[Doc]) -> set[tuple[str, ...]]:
    """Token sequences annotated CHEMICAL, as written plus lower-cased when 4+ characters long.

    Short names keep their case so 'NO' (nitric oxide) and 'Be' (beryllium) do not match the words
    'no' and 'be'. (text.lower(), not lower_: a bare Vocab() has no lexical attribute getters.)
    """
    names = {tuple(t.text for t in ent) for doc in docs for ent in doc.ents if ent.label_ == "CHEMICAL"}
    return names | {tuple(t.lower() for t in name) for name in names if len("".join(name)) >= 4}


def disease_only_doc(vocab: Vocab, sentence: list[tuple[str, str]], chemicals: set[tuple[str, ...]]) -> Doc:
    """An NCBI-disease sentence whose known chemical names are marked 'missing', not 'outside'.

    NCBI annotates diseases only, so its untagged chemicals would teach the model that chemicals
    are not entities; leaving the names BC5CDR calls chemicals unannotated avoids that lesson.
    """
    doc = sentence_to_doc(vocab, sentence)
    words = [t.text for t in doc]
    longest = max((len(name) for name in chemicals), default=0)
    missing = []
    for start in range(len(doc)):
        for end in range(min(len(doc), start + longest), start, -1):
            name = tuple(words[start:end])
            if name in chemicals or tuple(w.lower() for w in name) in chemicals:
                missing.append(Span(doc, start, end))
                break
    diseases = list(doc.ents)
    missing = [span for span in filter_spans(missing)
               if not any(span.start < ent.end and ent.start < span.end for ent in diseases)]
    doc.set_ents(diseases, missing=missing, default="outside")
    return doc


# IOB files whose text (never their tags) may train the static vectors, by name in the config's
# [medfacts] vector_text list: BC5CDR train/devel from `data_dir`, NCBI-disease train/devel from
# `ncbi_dir`. Test files are never listed: their text must not shape the model scored on them.
VECTOR_TEXT_FILES = {"train": ("data", "train.tsv"), "devel": ("data", "devel.tsv"),
                     "ncbi_train": ("ncbi", "train.tsv"), "ncbi_devel": ("ncbi", "devel.tsv")}


def vector_text_files(data_dir: Path, ncbi_dir: Path | None, names: Iterable[str]) -> list[Path]:
    """The IOB files named in `names` (keys of VECTOR_TEXT_FILES); NCBI ones are skipped without `ncbi_dir`."""
    files = []
    for name in names:
        if name not in VECTOR_TEXT_FILES:
            raise ValueError(f"unknown vector text {name!r}; choose from {sorted(VECTOR_TEXT_FILES)}")
        folder, file_name = VECTOR_TEXT_FILES[name]
        if folder == "data":
            files.append(Path(data_dir) / file_name)
        elif ncbi_dir is not None:
            files.append(Path(ncbi_dir) / file_name)
    return files


def medfacts_settings(config: Path | None) -> dict[str, Any]:
    """The config's [medfacts] section (corpus preparation that spaCy does not do), with defaults."""
    from thinc.api import Config

    section = Config().from_disk(config or DEFAULT_CONFIG, interpolate=False).get("medfacts", {})
    return {"vector_text": list(section.get("vector_text", ["train", "ncbi_train"])),
            "vectors_dim": int(section.get("vectors_dim", 100)),
            "ncbi_training": bool(section.get("ncbi_training", True)),
            "train_on_devel": bool(section.get("train_on_devel", False))}


def prepare_corpus(data_dir: Path, work_dir: Path, ncbi_dir: Path | None = None,
                   vectors_dim: int = 100, vector_text: Sequence[str] = ("train", "ncbi_train"),
                   ncbi_training: bool = True, train_on_devel: bool = False) -> CorpusFiles:
    """Write BC5CDR train/devel as DocBins and train static vectors on unlabelled text.

    With `ncbi_dir` and `ncbi_training`, NCBI-disease train sentences join the training set (see
    `disease_only_doc`); without `ncbi_training` the folder only lends its text to the vectors.
    With `train_on_devel`, devel.tsv's sentences join the training set too (the final model of a
    config already chosen on devel, trained for a step count chosen on devel); devel stays the
    `dev` DocBin, but its scores are then no longer held-out figures.
    Only train.tsv files feed updates; devel.tsv is the dev set; the vectors learn from the text of
    the files named in `vector_text` (see VECTOR_TEXT_FILES); test.tsv is never read.
    """
    vocab = Vocab()
    corpus_dir = Path(work_dir) / "corpus"
    train_docs = read_docs(Path(data_dir) / "train.tsv", vocab)
    dev_docs = read_docs(Path(data_dir) / "devel.tsv", vocab)
    if ncbi_dir is not None and ncbi_training:
        chemicals = chemical_lexicon(train_docs)
        train_docs += [disease_only_doc(vocab, sentence, chemicals)
                       for sentence in read_sentences(Path(ncbi_dir) / "train.tsv")]
    if train_on_devel:
        train_docs += dev_docs
    vector_files = vector_text_files(data_dir, ncbi_dir, vector_text)
    return CorpusFiles(train=write_docbin(train_docs, corpus_dir / "train.spacy"),
                       dev=write_docbin(dev_docs, corpus_dir / "dev.spacy"),
                       vectors=build_static_vectors(vector_files, corpus_dir / "vectors", dim=vectors_dim))


# --- static vectors -----------------------------------------------------------------------------

def cooccurrence_matrix(sentences: Sequence[Sequence[str]], index: dict[str, int], window: int) -> sp.csr_matrix:
    """Word-by-context counts within `window` tokens, weighted 1/distance (as word2vec's sampling does)."""
    import scipy.sparse as sp

    rows: list[int] = []
    cols: list[int] = []
    weights: list[float] = []
    for sentence in sentences:
        ids = [index.get(word, -1) for word in sentence]
        for i, word_id in enumerate(ids):
            if word_id < 0:
                continue
            for j in range(max(0, i - window), min(len(ids), i + window + 1)):
                if j != i and ids[j] >= 0:
                    rows.append(word_id)
                    cols.append(ids[j])
                    weights.append(1.0 / abs(i - j))
    matrix = sp.csr_matrix((weights, (rows, cols)), shape=(len(index), len(index)))
    matrix.sum_duplicates()
    return matrix


def ppmi_svd_vectors(sentences: Sequence[Sequence[str]], dim: int = 100, window: int = 5,
                     min_count: int = 2) -> tuple[list[str], np.ndarray]:
    """Word vectors from positive PMI + truncated SVD: word2vec-quality on small corpora, no extra package.

    No pretrained biomedical vectors can be downloaded here, so the vectors come from the training
    corpora themselves; they let rare words share what similar words learned.
    """
    import numpy as np
    import scipy.sparse as sp
    from scipy.sparse.linalg import svds

    counts = Counter(word for sentence in sentences for word in sentence)
    words = [word for word, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
             if count >= min_count]
    index = {word: i for i, word in enumerate(words)}
    counts_matrix = cooccurrence_matrix(sentences, index, window).tocoo()
    total = counts_matrix.sum()
    word_totals = np.asarray(counts_matrix.tocsr().sum(axis=1)).ravel()
    context_totals = np.asarray(counts_matrix.tocsr().sum(axis=0)).ravel() ** 0.75  # smoothed contexts
    context_probability = context_totals / context_totals.sum()
    pmi = np.log(counts_matrix.data / total / (word_totals[counts_matrix.row] / total)
                 / context_probability[counts_matrix.col])
    positive = pmi > 0
    ppmi = sp.csr_matrix((pmi[positive], (counts_matrix.row[positive], counts_matrix.col[positive])),
                         shape=(len(words), len(words)))
    start = np.random.RandomState(0).rand(len(words))  # fixed start vector: same vectors every run
    left, singular, _ = svds(ppmi, k=dim, v0=start)
    vectors = left * np.sqrt(singular)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-8
    return words, vectors.astype("float32")


def build_static_vectors(tsv_files: Iterable[Path], out_dir: Path, dim: int = 100) -> Path:
    """Train lower-cased word vectors on IOB files' tokens and save them for `[initialize] vectors`."""
    from spacy.vectors import Vectors

    sentences = [[token.lower() for token, _ in sentence] for path in tsv_files for sentence in read_sentences(path)]
    words, vectors = ppmi_svd_vectors(sentences, dim=dim)
    nlp = spacy.blank("en")
    for word in words:
        nlp.vocab.strings.add(word)
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=vectors,
                                keys=[nlp.vocab.strings[word] for word in words], attr="LOWER",
                                name="medfacts_bc5cdr_ppmi")
    out_dir = Path(out_dir)
    nlp.to_disk(out_dir)
    return out_dir


# --- training -----------------------------------------------------------------------------------

def train_pipeline(corpus: CorpusFiles, work_dir: Path, config: Path | None = None, seed: int = 0,
                   overrides: dict[str, Any] | None = None, last: bool = False) -> Path:
    """Run `spacy train` with a fixed seed; returns the best checkpoint on the dev set (model-best),
    or with `last` the final one (model-last: when the dev set was trained on, its best means nothing).

    Training runs in a child process: spaCy seeds Python's and numpy's global random generators,
    and an orchestrator's threads in this process (Prefect's) draw from them too, which made runs
    with the same seed differ. In its own process the same inputs give the same model.
    The config decides whether the vectors are used: `[initialize] vectors = ${paths.vectors}`
    loads them, `include_static_vectors = true` feeds them to the tok2vec.
    """
    output = Path(work_dir) / "model"
    settings = {"paths.train": str(corpus.train), "paths.dev": str(corpus.dev),
                "paths.vectors": str(corpus.vectors), "system.seed": seed, **(overrides or {})}
    command = [sys.executable, "-m", "spacy", "train", str(config or DEFAULT_CONFIG), "--output", str(output)]
    for key, value in settings.items():
        command += [f"--{key}", json.dumps(value) if not isinstance(value, str) else value]
    environment = {**os.environ, "PYTHONHASHSEED": "0"}
    subprocess.run(command, check=True, env=environment)
    return output / ("model-last" if last else "model-best")


# Split hyphens, slashes and plus signs inside words ("Selegiline-induced", "mg/kg"). The training
# corpora were tokenized that way; scispaCy keeps such words whole, which leaves ~9% of BC5CDR
# devel entities ("Selegiline" in "Selegiline-induced") inside a token the NER cannot split.
CORPUS_STYLE_INFIX = r"(?<=[^\W_])[-/+](?=[^\W_])"


def corpus_style_tokenizer(nlp: Language) -> Tokenizer:
    """scispaCy's rule tokenizer, plus splitting of in-word hyphens/slashes like the training corpora."""
    from scispacy.custom_tokenizer import combined_rule_tokenizer

    tokenizer = combined_rule_tokenizer(nlp)
    scispacy_infixes = tokenizer.infix_finditer.__self__.pattern
    tokenizer.infix_finditer = re.compile(f"{CORPUS_STYLE_INFIX}|{scispacy_infixes}").finditer
    return tokenizer


def package_pipeline(model_dir: Path, out_dir: Path, performance: dict[str, Any], name: str = "ner_bc5cdr",
                     version: str = "0.1.0", training: dict[str, Any] | None = None) -> Path:
    """Save a trained pipeline with the scispaCy-based tokenizer and its scores in meta.json.

    `spacy train` saves a plain English tokenizer; medfacts reads biomedical text, whose chemical
    names and abbreviations scispaCy's rule tokenizer handles (see `corpus_style_tokenizer`).
    """
    nlp = spacy.load(model_dir)
    nlp.tokenizer = corpus_style_tokenizer(nlp)
    for key in ("train", "dev", "vectors"):  # this machine's work paths mean nothing elsewhere
        nlp.config["paths"][key] = None
    nlp.meta.update({
        "name": name, "version": version,
        "description": (f"DISEASE and CHEMICAL NER trained on {' + '.join((training or {}).get('train', ['train.tsv']))} "
                        "(medfacts), config chosen on BC5CDR devel.tsv; "
                        "scispaCy rule tokenizer that also splits in-word hyphens and slashes like the corpus."),
        "sources": [{"name": "BC5CDR (BioCreative V CDR corpus, MTL-Bioinformatics-2016 IOB release)",
                     "license": "CC BY 4.0"}],
        "performance": performance,
        "medfacts_training": training or {},
    })
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out_dir)
    return out_dir


def training_record(data_dir: Path, config: Path | None, seed: int, ncbi_dir: Path | None) -> dict[str, Any]:
    """How a packaged model was trained, for its meta.json (folder names only: paths differ by machine)."""
    settings = medfacts_settings(config)
    with_ncbi = ncbi_dir is not None and settings["ncbi_training"]
    train = [f"{Path(data_dir).name}/train.tsv", *([f"{Path(ncbi_dir).name}/train.tsv"] if with_ncbi else []),
             *([f"{Path(data_dir).name}/devel.tsv"] if settings["train_on_devel"] else [])]
    text = [f"{path.parent.name}/{path.name}"
            for path in vector_text_files(data_dir, ncbi_dir, settings["vector_text"])]
    return {"config": Path(config or DEFAULT_CONFIG).name, "seed": seed, "train": train,
            "dev": f"{Path(data_dir).name}/devel.tsv",
            "static_vectors": f"PPMI-SVD ({settings['vectors_dim']} dimensions) on the text of {', '.join(text)}"}


def spacy_performance(scores: dict[str, dict[str, float]]) -> dict[str, Any]:
    """spaCy's meta 'performance' keys (ents_p/r/f, ents_per_type) from an `evaluate` result."""
    per_type = {label: {"p": s["precision"], "r": s["recall"], "f": s["f1"]}
                for label, s in scores.items() if label != "overall"}
    overall = scores["overall"]
    return {"ents_p": overall["precision"], "ents_r": overall["recall"], "ents_f": overall["f1"],
            "ents_per_type": per_type}


def record_performance(model_dir: Path, key: str, value: Any) -> dict[str, Any]:
    """Add one measured figure (e.g. test scores, words/second) to a saved pipeline's meta.json."""
    meta_path = Path(model_dir) / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.setdefault("performance", {})[key] = value
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta


# --- scoring ------------------------------------------------------------------------------------

def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    """Precision, recall and F1 with their counts; 0.0 where a ratio has nothing to divide by."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def score_spans(gold: Sequence[Iterable[Span3]], predicted: Sequence[Iterable[Span3]],
                labels: Iterable[str] = ENTITY_LABELS) -> dict[str, dict[str, float | int]]:
    """Exact-match entity scores: a span counts only with the same start, end and label.

    A predicted span that overlaps a gold one without matching it exactly is a false positive and
    the gold span a false negative, as in CoNLL and spaCy's scorer.
    """
    counts: dict[str, Counter] = {}
    for gold_spans, predicted_spans in zip(gold, predicted, strict=True):
        gold_set, predicted_set = set(gold_spans), set(predicted_spans)
        for spans, outcome in ((gold_set & predicted_set, "tp"), (predicted_set - gold_set, "fp"),
                               (gold_set - predicted_set, "fn")):
            for _, _, label in spans:
                counts.setdefault(label, Counter())[outcome] += 1
    for label in labels:
        counts.setdefault(label, Counter())
    overall = sum(counts.values(), Counter())
    scores = {"overall": prf(overall["tp"], overall["fp"], overall["fn"])}
    scores.update({label: prf(c["tp"], c["fp"], c["fn"]) for label, c in sorted(counts.items())})
    return scores


def entity_spans(doc: Doc) -> set[Span3]:
    return {(ent.start, ent.end, ent.label_) for ent in doc.ents}


def evaluate(nlp: Language, tsv_path: str | Path, limit: int | None = None,
             batch_size: int = 256) -> dict[str, dict[str, float | int]]:
    """Score a pipeline on an IOB file, running every component after the tokenizer on gold tokens.

    Passing Docs to `nlp.pipe` skips the tokenizer, so the scores measure the NER and not how the
    pipeline's tokenizer happens to agree with the corpus tokenization.
    """
    gold_docs = read_docs(tsv_path, nlp.vocab)[:limit]
    predicted = nlp.pipe((without_entities(doc) for doc in gold_docs), batch_size=batch_size)
    return score_spans([entity_spans(doc) for doc in gold_docs], [entity_spans(doc) for doc in predicted])


def one_blas_thread() -> contextlib.AbstractContextManager:
    """Limit BLAS/OpenMP pools to one thread where threadpoolctl is installed (it comes with scikit-learn).

    spaCy's own matrix code (blis) is single-threaded already; this only stops numpy's BLAS from
    borrowing more cores. Without threadpoolctl, set OMP_NUM_THREADS=1 before starting Python.
    """
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return contextlib.nullcontext()
    return threadpool_limits(limits=1)


def words_per_second(nlp: Language, texts: Sequence[str], batch_size: int = 256) -> float:
    """Tokens per CPU-second of `nlp.pipe` over raw texts, in this process on one BLAS thread.

    One thread is how medfacts runs NER per worker. CPU time (not wall time) is measured so the
    figure is the speed of one core even when other work shares the machine; on an idle core the
    two agree. A short warm-up keeps first-call costs out.
    """
    with one_blas_thread():
        for _ in nlp.pipe(texts[:50], batch_size=batch_size):
            pass
        start = time.process_time()
        words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
        elapsed = time.process_time() - start
    return words / elapsed if elapsed > 0 else 0.0
