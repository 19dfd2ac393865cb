"""The disease a page's title names where no vocabulary lists it: 'Shin splints: a guide for pupils
and parents'. The NER took 'shin splints' for a treatment (a splint) and no list knows the name, so
without this the page had no topic and its facts no subject. The title's leading phrase is such a name
when the body repeats it and the NER marks it there, or when it ends in a disease's word. A short form the
title defines ('Creutzfeldt-Jakob disease (CJD): a guide for families') names its disease in the body too.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc
from spacy.util import filter_spans

from extractors import context, coordination
from extractors.doc_index import sentence_at, sentence_index_at, text_of
from extractors.entity_types import DISEASE, EntityTyper, TypedConcept
from extractors.ner import is_short_form_of
from extractors.records import Mention
from extractors.terms import pluralize, term_key
from extractors.vocabulary import read_table

LEADING_PHRASE = re.compile(r"^\s*(?P<lead>[^:|?!()\u2013\u2014]+?)\s*(?:[:|?!(\u2013\u2014]|\s-\s|$)")
MIN_BODY_REPEATS = 3  # a name the page is about recurs; a site's or a column's name in a title seldom does
MAX_NAME_WORDS = 4
DISEASE_LABEL = "DISEASE"  # the NER's label, as the Doc's entities carry it


def leading_phrase(title: str) -> str | None:
    """The title's words before its first colon, dash, bar or question mark ('Shin splints' of
    'Shin splints: a guide …'), in lowercase where the title is in capitals, without the words a title
    wraps a name in (data/title_frames.tsv: 'What is shin splints?', 'Shin splints symptoms and treatment')."""
    match = LEADING_PHRASE.match(title)
    if match is None:
        return None
    lead = match["lead"].strip(" \t'\"")
    lead = lead.lower() if lead.isupper() else lead
    openers, closers = title_frames()
    folded = lead.lower()
    opener = next((words for words in openers if folded.startswith(words + " ")), None)
    if opener:
        lead = lead[len(opener) + 1:].strip()
    words = lead.split()
    while len(words) > 1 and words[-1].lower() in closers:
        words.pop()
    return " ".join(words)


@lru_cache(maxsize=1)
def title_frames() -> tuple[tuple[str, ...], frozenset[str]]:
    """The openers (longest first) and closers of data/title_frames.tsv."""
    rows = read_table("title_frames.tsv")
    openers = sorted((words for words, side in rows if side == "opener"), key=len, reverse=True)
    return tuple(openers), frozenset(words for words, side in rows if side == "closer")


def body_occurrences(text: str, name: str, as_written: bool = False) -> list[tuple[int, int]]:
    """Where the body writes the name or its plural, as whole words, in any case; as_written, the name alone
    in its own case (a short form: 'CJD')."""
    forms = [name] if as_written else sorted({name, pluralize(name)}, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w'-])(?:" + "|".join(re.escape(form) for form in forms) + r")(?![\w'-])",
                         0 if as_written else re.IGNORECASE)
    return [(match.start(), match.end()) for match in pattern.finditer(text)]


def unlisted_title_disease(title: str, doc: Doc, mentions: list[Mention],
                           typer: EntityTyper) -> tuple[str, list[tuple[int, int]]] | None:
    """The leading phrase of the title as a disease name no vocabulary lists, with where the body writes it:
    two to MAX_NAME_WORDS words (one, with a disease's ending: a lone unknown word is more often a brand)
    that the body writes at least MIN_BODY_REPEATS times, where the NER marks it as an entity at least once
    or its last word is a disease's. A name the lists know (as a disease, symptom or treatment) is left to them."""
    lead = leading_phrase(title)
    if not lead:
        return None
    words = lead.split()
    last_word = term_key(words[-1])
    disease_word = typer.has_disease_ending(last_word)
    if not (2 <= len(words) <= MAX_NAME_WORDS or len(words) == 1 and disease_word) or not all(
            word.replace("'", "").replace("-", "").isalpha() for word in words):
        return None
    key = typer.canonical_key(lead)
    if (key in typer.curated or key in typer.vocabulary or typer.knows(lead, "TREATMENT")
            or typer.diseases_named_in(lead, symptom_diseases=True)):
        return None
    occurrences = body_occurrences(text_of(doc), lead)
    if len(occurrences) < MIN_BODY_REPEATS:
        return None
    marked = {(mention.start, mention.end) for mention in mentions}
    return (lead, occurrences) if disease_word or any(place in marked for place in occurrences) else None


def with_title_disease(mentions: list[Mention], doc: Doc, title: str | None, typer: EntityTyper) -> list[Mention]:
    """The page's mentions with each body occurrence of its unlisted title disease a disease mention:
    the NER's mentions there retyped, the ones it missed added (negated and hedged as their clause is).
    The Doc's entities change with them: cue matching skips words inside an entity, and the NER's
    'Treating shin splints' (a treatment) hid the cue 'treating'."""
    found = unlisted_title_disease(title, doc, mentions, typer) if title else None
    if found is None:
        infection = pathogen_title_infection(title, doc, mentions, typer) if title else None
        return as_disease_mentions(mentions, doc, infection[1], infection[0].canonical,
                                   infection[0].ontology_id) if infection else mentions
    name, occurrences = found
    typed = typer.classify(name, "DISEASE")
    canonical = typed.canonical if typed is not None else typer.canonical_key(name)
    return as_disease_mentions(mentions, doc, occurrences, canonical, "")


def pathogen_title_infection(title: str, doc: Doc, mentions: list[Mention],
                             typer: EntityTyper) -> tuple[Mention, list[tuple[int, int]]] | None:
    """A pathogen the title names alone ('Hookworm: the holiday souvenir you pick up through your feet') whose
    infection the body names ('hookworm infection', data/disease_nouns.txt): the page calls the infection by the
    pathogen's name ('What is hookworm?', 'How is hookworm treated?'). The infection's mention, with where the body
    writes the pathogen's name in the singular (plurals are the worms) outside a longer mention."""
    lead = leading_phrase(title)
    if not lead or len(lead.split()) > MAX_NAME_WORDS:
        return None
    typed = typer.classify(lead, DISEASE_LABEL)
    if typed is not None and typed.entity_type == DISEASE:
        return None  # a disease the lists know by that name ('Rotavirus: …')
    key = typer.canonical_key(lead)
    names = {f"{key} {noun}" for noun in coordination.word_set("disease_nouns.txt")}
    infection = next((mention for mention in mentions if mention.entity_type == DISEASE and mention.canonical in names), None)
    if infection is None:
        return None
    text = text_of(doc)
    occurrences = [(start, end) for start, end in body_occurrences(text, lead)
                   if text[start:end].lower() == lead.lower() and not inside_longer_mention(start, end, mentions)]
    return (infection, occurrences) if len(occurrences) >= MIN_BODY_REPEATS else None


def inside_longer_mention(start: int, end: int, mentions: list[Mention]) -> bool:
    """Whether a place lies inside a longer mention ('hookworm' of 'hookworm infection', 'CJD' of 'Variant CJD')."""
    return any(mention.start <= start and end <= mention.end and mention.end - mention.start > end - start
               for mention in mentions)


def as_disease_mentions(mentions: list[Mention], doc: Doc, occurrences: list[tuple[int, int]],
                        canonical: str, ontology_id: str) -> list[Mention]:
    """The mentions with each occurrence a mention of this disease: the NER's mentions there retyped, the ones it
    missed added (negated and hedged as their clause is), and those inside an occurrence dropped. The Doc's
    entities change with them: cue matching skips words inside an entity ('Treating shin splints', which the NER
    took for a treatment, hid the cue 'treating')."""
    kept = [mention for mention in mentions if not any(  # a part of the name the NER took alone ('splints')
        start < mention.end and mention.start < end and (mention.start, mention.end) != (start, end) for start, end in occurrences)]
    by_place = {(mention.start, mention.end): mention for mention in kept}
    for start, end in occurrences:
        known = by_place.get((start, end))
        if known is not None:
            by_place[start, end] = replace(known, entity_type=DISEASE, canonical=canonical, ontology_id=ontology_id)
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        sentence = sentence_at(doc, span.start)
        clause = next((c for c in context.clauses(sentence, negation_scopes=True) if c.start <= span.start < c.end), sentence)
        by_place[start, end] = Mention(sentence_idx=sentence_index_at(doc, span.start), start=start, end=end,
                                       text=text_of(doc)[start:end], entity_type=DISEASE, canonical=canonical,
                                       ontology_id=ontology_id, negated=context.is_negated(span, clause),
                                       hedged=context.is_hedged(clause))
    respan_entities(doc, occurrences)
    return sorted(by_place.values(), key=lambda mention: mention.start)


def respan_entities(doc: Doc, occurrences: list[tuple[int, int]]) -> None:
    """The Doc's entities with the name's occurrences as disease entities in place of those overlapping them."""
    spans = [span for start, end in occurrences if (span := doc.char_span(start, end, label=DISEASE_LABEL, alignment_mode="expand"))]
    kept = [entity for entity in doc.ents if not any(entity.start < span.end and span.start < entity.end for span in spans)]
    for span in spans:
        span._.entity_type = DISEASE
    doc.ents = filter_spans([*kept, *spans])


TITLE_SHORT_FORM = re.compile(r"(?P<long>[^()]+?)\s*\((?P<short>[A-Z][A-Za-z0-9-]{1,9})\)")
MAX_TITLE_LONG_FORM_WORDS = 6


def title_short_forms(title: str, typer: EntityTyper) -> dict[str, TypedConcept]:
    """Short forms the title defines for a disease ('Creutzfeldt-Jakob disease (CJD): a guide for families'):
    the short form -> the disease its long form names. The long form is the title's words before the bracket,
    the most of them that spell the short form (Schwartz and Hearst's test) and name a disease."""
    forms: dict[str, TypedConcept] = {}
    for match in TITLE_SHORT_FORM.finditer(title):
        words = match["long"].split()
        for start in range(max(0, len(words) - MAX_TITLE_LONG_FORM_WORDS), len(words)):
            long_form = " ".join(words[start:]).strip(" :,;'\"")
            typed = typer.classify(long_form, DISEASE_LABEL) if is_short_form_of(match["short"], long_form) else None
            if typed is not None and typed.entity_type == DISEASE:
                forms.setdefault(match["short"], typed)
                break
    return forms


def with_title_short_forms(mentions: list[Mention], doc: Doc, forms: dict[str, TypedConcept]) -> list[Mention]:
    """A short form only the title defines (title_short_forms) names that disease wherever the body uses it: 'CJD is
    a rare and fatal condition' under 'Creutzfeldt-Jakob disease (CJD): …' (where the vocabularies file 'CJD'
    apart), 'EoE' under 'Eosinophilic oesophagitis (EoE): …' (which no list knows, so the NER rarely marks it)."""
    for short, typed in forms.items():
        occurrences = [(start, end) for start, end in body_occurrences(text_of(doc), short, as_written=True)
                       if not inside_longer_mention(start, end, mentions)]  # 'Variant CJD' stays
        if occurrences:
            mentions = as_disease_mentions(mentions, doc, occurrences, typed.canonical, typed.ontology_id)
    return mentions


def with_page_long_forms(title: str | None, defined: dict[str, str] | None) -> str | None:
    """The title with the short forms the page itself defines spelled out: 'Bright Smiles AS Family Forum' over a
    thread that writes 'Angelman syndrome (AS)' is about Angelman syndrome, not the ankylosing spondylitis the
    fallback list (data/abbreviations.tsv) reads 'AS' as. Only short forms in capitals, as whole words."""
    if not title or not defined:
        return title
    for short, long_form in defined.items():
        if short.isupper() and len(short) >= 2:
            for start, end in reversed(body_occurrences(title, short, as_written=True)):
                title = title[:start] + long_form + title[end:]
    return title
