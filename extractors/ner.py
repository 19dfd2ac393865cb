"""Biomedical NER: the spaCy pipeline that finds disease and chemical mentions.

The bundled model (trained on BC5CDR, see `flows/train_ner.py`) ships inside the package so a
fresh clone has real NER without downloads; any installed spaCy/scispaCy model can replace it.
"""
from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

BUNDLED_MODEL = Path(__file__).parent / "models" / "ner_bc5cdr"


def load_pipeline(model: str | Path | None = None) -> Language:
    """Load the NER pipeline: scispaCy tokenizer, NER, scispaCy AbbreviationDetector.

    `model` is None for the bundled model, or the name/path of any installed spaCy model.
    """
    import scispacy.abbreviation  # noqa: F401  (registers the 'abbreviation_detector' factory)

    source = BUNDLED_MODEL if model is None else model
    if model is None and not BUNDLED_MODEL.exists():
        raise FileNotFoundError(f"bundled NER model missing at {BUNDLED_MODEL}; run `medfacts train-ner`")
    try:
        nlp = spacy.load(source)
    except OSError as error:
        raise ValueError(f"cannot load spaCy model {str(source)!r}: not an installed package or model folder") from error
    if "abbreviation_detector" not in nlp.pipe_names:
        nlp.add_pipe("abbreviation_detector")
    return nlp


# --- the extraction pipeline: NER plus the components that turn entities into typed mentions ---

from functools import lru_cache  # noqa: E402

from spacy.matcher import PhraseMatcher  # noqa: E402
from spacy.tokens import Doc, Span  # noqa: E402
from spacy.util import filter_spans  # noqa: E402

from extractors import context  # noqa: E402
from extractors.entity_types import SYMPTOM, TREATMENT, EntityTyper  # noqa: E402
from extractors.records import Mention  # noqa: E402
from extractors.terms import pluralize  # noqa: E402
from extractors.vocabulary import read_table  # noqa: E402

GAZETTEER_LABELS = {"disease": "DISEASE", SYMPTOM: "SYMPTOM", TREATMENT: "TREATMENT"}
MAX_PHENOTYPE_WORDS = 4
# A parenthesised short form is an abbreviation only if it looks like one: one token, a capital letter.
MAX_LONG_FORM_WORDS = 8

for _name, _default in (("entity_type", None), ("canonical", None), ("ontology_id", ""), ("negated", False), ("hedged", False)):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=_default)
if not Doc.has_extension("abbreviation_map"):
    Doc.set_extension("abbreviation_map", default=None)


@lru_cache(maxsize=1)
def shared_typer() -> EntityTyper:
    """One typer per process: its tables are read once and shared by every component instance."""
    return EntityTyper()


@Language.component("medfacts_paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: headings and bullets must not glue onto the next sentence.

    Whitespace tokens never start a sentence; they close the one before them.
    """
    for token in doc[1:]:
        if token.is_space:
            token.is_sent_start = False
    for token in doc[:-1]:
        following = doc[token.i + 1]
        if ("\n" in token.text or "\n" in token.whitespace_) and not following.is_space:
            following.is_sent_start = True
    return doc


def gazetteer_terms() -> dict[str, list[str]]:
    """label -> names to match: curated names, their synonyms and treatments, multi-word HPO
    phenotypes (lay symptom names such as 'sensitivity to light'), each with its plural."""
    typer = shared_typer()
    patterns: dict[str, set[str]] = {label: set() for label in GAZETTEER_LABELS.values()}
    for term, entity_type, *_ in read_table("entity_types.tsv"):
        if entity_type in GAZETTEER_LABELS:
            patterns[GAZETTEER_LABELS[entity_type]].add(term)
    for alias, canonical in read_table("synonyms.tsv"):
        typed = typer.classify(canonical, "DISEASE")
        if typed is not None and canonical in typer.curated:
            patterns[GAZETTEER_LABELS[typed.entity_type]].add(alias)
    for canonical, _kind, aliases in read_table("treatments.tsv"):
        patterns["TREATMENT"].update([canonical, *aliases.split(";")])
    for key, concepts in typer.vocabulary.items():
        words = key.split(" ")
        if (2 <= len(words) <= MAX_PHENOTYPE_WORDS and not any(word.isdigit() or word.startswith("abnormal") for word in words)
                and any(concept.kind in {"phenotype", "symptom"} for concept in concepts)):
            patterns["SYMPTOM"].add(key)
    return {label: sorted(terms | {pluralize(term) for term in terms}) for label, terms in patterns.items()}


class GazetteerMatcher:
    """Marks curated disease, symptom and treatment names the statistical NER can miss.

    Matches join the NER's entities; where they overlap, the longer span wins (filter_spans).
    """

    def __init__(self, nlp: Language):
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for label, terms in gazetteer_terms().items():
            self.matcher.add(label, list(nlp.tokenizer.pipe(terms)))

    def __call__(self, doc: Doc) -> Doc:
        matches = filter_spans([Span(doc, start, end, label=label) for label, start, end in self.matcher(doc)])
        matched_tokens = {i for span in matches for i in range(span.start, span.end)}
        typer = shared_typer()
        # An NER span that overlaps a curated name keeps its place only if something besides the NER knows it:
        # 'lupus nephritis' stays, 'lupus cause' yields to 'lupus'.
        predicted = [span for span in doc.ents
                     if not matched_tokens.intersection(range(span.start, span.end)) or typer.knows(span.text, span.label_)]
        doc.ents = filter_spans([*predicted, *matches])
        return doc


@Language.factory("medfacts_gazetteer")
def make_gazetteer(nlp: Language, name: str) -> GazetteerMatcher:
    return GazetteerMatcher(nlp)


class EntityTypingComponent:
    """Types each entity as disease, symptom or treatment, expands abbreviations, flags negation/hedging.

    Short forms (scispaCy's AbbreviationDetector finds every occurrence) become mentions of their
    long form, so 'AS' later in an article counts for 'ankylosing spondylitis'. Entities that name
    no concept ('condition', 'damage') are dropped.
    """

    def __init__(self) -> None:
        self.typer = shared_typer()

    def __call__(self, doc: Doc) -> Doc:
        long_forms = self.long_forms(doc)
        short_form_spans = [Span(doc, short.start, short.end, label=long_forms[short.text][1])
                            for short in getattr(doc._, "abbreviations", []) or []
                            if short.text in long_forms]
        kept = []
        for span in filter_spans([trimmed for trimmed in map(trim_whitespace, [*doc.ents, *short_form_spans]) if trimmed]):
            long_form = long_forms.get(span.text)
            typed = self.typer.classify(long_form[0] if long_form else span.text, long_form[1] if long_form else span.label_)
            if typed is None:
                continue
            kept.append(span)
            span._.entity_type, span._.canonical, span._.ontology_id = typed.entity_type, typed.canonical, typed.ontology_id
        doc.ents = kept
        doc._.abbreviation_map = {short: self.typer.canonical_key(long) for short, (long, _) in long_forms.items()}
        for span in doc.ents:
            clause = next((c for c in context.clauses(span.sent) if c.start <= span.start < c.end), span.sent)
            span._.negated = context.is_negated(span, clause)
            span._.hedged = context.is_hedged(clause)
        return doc

    @staticmethod
    def long_forms(doc: Doc) -> dict[str, tuple[str, str]]:
        """short form -> (long form, entity label) for defined abbreviations whose long form is an entity."""
        label_at = {token_index: span.label_ for span in doc.ents for token_index in range(span.start, span.end)}
        forms: dict[str, tuple[str, str]] = {}
        for short in getattr(doc._, "abbreviations", []) or []:
            long_form = short._.long_form
            if not isinstance(long_form, Span) or not looks_like_abbreviation(short, long_form):
                continue
            label = next((label_at[i] for i in range(long_form.start, long_form.end) if i in label_at), None)
            if label is not None:
                forms.setdefault(short.text, (long_form.text, label))
        return forms


def looks_like_abbreviation(short: Span, long_form: Span) -> bool:
    """scispaCy also pairs '(immune system)' with the words before it; keep only real short forms."""
    return (len(short) == 1 and any(character.isupper() for character in short.text)
            and len(long_form) <= MAX_LONG_FORM_WORDS and long_form.sent == short.sent)


def trim_whitespace(span: Span) -> Span | None:
    """An entity never starts or ends with a whitespace token (line breaks the NER swallowed)."""
    start, end = span.start, span.end
    while start < end and span.doc[start].is_space:
        start += 1
    while end > start and span.doc[end - 1].is_space:
        end -= 1
    if start == end:
        return None
    return span if (start, end) == (span.start, span.end) else Span(span.doc, start, end, label=span.label_)


@Language.factory("medfacts_entity_typer")
def make_entity_typer(nlp: Language, name: str) -> EntityTypingComponent:
    return EntityTypingComponent()


def build_extraction_pipeline(model: str | Path | None = None) -> Language:
    """The full pipeline medfacts runs: sentences, NER, gazetteer, abbreviations, typing."""
    nlp = load_pipeline(model)
    if not ({"parser", "senter"} & set(nlp.pipe_names)):
        nlp.add_pipe("medfacts_paragraph_sentences", first=True)
        nlp.add_pipe("sentencizer", after="medfacts_paragraph_sentences")
    nlp.add_pipe("medfacts_gazetteer", before="abbreviation_detector")
    nlp.add_pipe("medfacts_entity_typer", after="abbreviation_detector")
    nlp.max_length = 2_000_000
    return nlp


def mentions_of(doc: Doc) -> list[Mention]:
    """The typed mentions of a processed Doc, with the index of their sentence."""
    sentence_index = {sentence.start: index for index, sentence in enumerate(doc.sents)}
    return [Mention(sentence_idx=sentence_index[span.sent.start], start=span.start_char, end=span.end_char,
                    text=span.text, entity_type=span._.entity_type, canonical=span._.canonical,
                    ontology_id=span._.ontology_id, negated=span._.negated, hedged=span._.hedged)
            for span in doc.ents if span._.entity_type]


@lru_cache(maxsize=2)
def cached_extraction_pipeline(model: str | None = None) -> Language:
    """The extraction pipeline, loaded once per process and model."""
    return build_extraction_pipeline(model)


def annotate(nlp: Language, texts: list[str], batch_size: int = 32) -> list[Doc | Exception]:
    """Run the pipeline over texts in batches; a text that breaks the pipeline yields its exception."""
    try:
        return list(nlp.pipe(texts, batch_size=batch_size))
    except Exception:  # find the culprit: rerun one by one so the others still get their Docs
        results: list[Doc | Exception] = []
        for text in texts:
            try:
                results.append(nlp(text))
            except Exception as error:
                results.append(error)
        return results
