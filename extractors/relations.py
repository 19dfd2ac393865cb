"""Relations: disease –has_symptom→ symptom, disease –treated_by→ treatment, treatment –relieves→ symptom.

A relation needs both entities in one clause and a cue phrase there that states the relation
('causes', 'symptoms include', 'is treated with', 'can help reduce'); entities that merely
co-occur are not related. Each relation keeps its sentence as evidence, with negation and hedging.
"""
from __future__ import annotations

from itertools import product

from spacy.tokens import Doc, Span

from extractors import context
from extractors.entity_types import DISEASE, SYMPTOM, TREATMENT, EntityTyper
from extractors.ner import mentions_of, shared_typer
from extractors.records import DocumentFacts, Mention, RelationEvidence
from extractors.terms import term_key

HAS_SYMPTOM, TREATED_BY, RELIEVES = "has_symptom", "treated_by", "relieves"
PREDICATES = (HAS_SYMPTOM, TREATED_BY, RELIEVES)
# Which typed pair each predicate joins, as (subject type, object type).
SIGNATURES = {HAS_SYMPTOM: (DISEASE, SYMPTOM), TREATED_BY: (DISEASE, TREATMENT), RELIEVES: (TREATMENT, SYMPTOM)}
# A treatment cue also licenses 'relieves' when the clause names a symptom and no disease.
MAX_HEADING_WORDS = 12
LICENSES = {HAS_SYMPTOM: (HAS_SYMPTOM,), TREATED_BY: (TREATED_BY, RELIEVES), RELIEVES: (RELIEVES, TREATED_BY)}


def clause_cues(clause: Span) -> dict[str, tuple[str, float]]:
    """predicate -> (strongest cue text, strength) among the cues the clause contains.

    A cue word inside an entity ('therapy' in 'physical therapy') names the entity, not a relation.
    """
    pattern, table = context.relation_cues()
    inside_entities = {i for span in clause.ents for i in range(span.start_char - clause.start_char, span.end_char - clause.start_char)}
    found: dict[str, tuple[str, float]] = {}
    for match in pattern.finditer(clause.text):
        if match.start() in inside_entities:
            continue
        cue = " ".join(match.group(0).lower().split())
        cue_predicate, strength = table[cue]
        for predicate in LICENSES[cue_predicate]:
            if strength > found.get(predicate, ("", -1.0))[1]:
                found[predicate] = (cue, strength)
    return found


def relations_in_clause(clause: Span, mention_at: dict[int, Mention], sentence_idx: int,
                        topic: Mention | None = None) -> list[RelationEvidence]:
    """Every typed pair the clause's cues license, each with its negation and hedging.

    A clause that names symptoms or treatments but no disease takes the section's or the
    article's topic disease as subject ('How is lupus treated?' … 'NSAIDs can help…').
    """
    spans = [span for span in clause.doc.ents if clause.start <= span.start and span.end <= clause.end
             and span.start_char in mention_at]
    if not spans:
        return []
    by_type: dict[str, list[Mention]] = {DISEASE: [], SYMPTOM: [], TREATMENT: []}
    for span in spans:
        by_type[span._.entity_type].append(mention_at[span.start_char])
    subjects_from_topic = not by_type[DISEASE] and topic is not None and not topic.negated
    if subjects_from_topic:
        by_type[DISEASE] = [topic]
    elif len(spans) < 2:
        return []
    sentence = clause.sent
    hedged = context.is_hedged(clause)
    found: list[RelationEvidence] = []
    for predicate, (cue, strength) in clause_cues(clause).items():
        subject_type, object_type = SIGNATURES[predicate]
        if predicate == RELIEVES and by_type[DISEASE] and not subjects_from_topic:
            continue  # 'X is treated with T to reduce S': the disease is the subject, not T.
        for subject, obj in product(by_type[subject_type], by_type[object_type]):
            from_topic = subject is topic
            first, last = sorted((subject, obj), key=lambda mention: mention.start)
            negated = subject.negated or obj.negated or (
                not from_topic and context.negated_between(clause.doc.text, first.end, last.start))
            if from_topic:
                negated = negated or context.has_negation(clause.doc.text[clause.start_char:obj.start])
            found.append(RelationEvidence(
                subject=subject, predicate=predicate, object=obj, sentence_idx=sentence_idx,
                sentence=sentence.text, start=sentence.start_char, end=sentence.end_char, cue=cue,
                cue_strength=strength, negated=negated, hedged=hedged, subject_from_topic=from_topic))
    return found


def is_heading(sentence: Span) -> bool:
    """A short line of its own that does not end like a sentence: a section heading."""
    doc, text = sentence.doc, sentence.text.strip()
    starts_line = sentence.start == 0 or "\n" in doc[sentence.start - 1].text + doc[sentence.start - 1].whitespace_
    ends_line = sentence.end == len(doc) or "\n" in doc[sentence.end - 1].whitespace_ + doc[sentence.end].text
    return (bool(text) and starts_line and ends_line and len(text.split()) <= MAX_HEADING_WORDS
            and not text.endswith((".", "!", ",", ";")))


def topic_mention(text: str, typer: EntityTyper, sentence_idx: int = -1) -> Mention | None:
    """The one disease a title or heading names, as a mention without offsets; None if zero or several."""
    diseases = {concept.canonical: concept for concept in typer.diseases_named_in(text)}
    if len(diseases) != 1:
        return None
    [concept] = diseases.values()
    return Mention(sentence_idx=sentence_idx, start=-1, end=-1, text=concept.canonical, entity_type=DISEASE,
                   canonical=concept.canonical, ontology_id=concept.ontology_id)


def extract_relations(doc: Doc, mentions: list[Mention], title: str | None = None) -> list[RelationEvidence]:
    """All relation evidence of a processed Doc, clause by clause, with the title and headings as topics."""
    typer = shared_typer()
    mention_at = {mention.start: mention for mention in mentions}
    article_topic = topic_mention(title, typer) if title else None
    section_topic: Mention | None = None
    found: list[RelationEvidence] = []
    for sentence_idx, sentence in enumerate(doc.sents):
        if is_heading(sentence):
            section_topic = topic_mention(sentence.text, typer, sentence_idx)
            continue
        topic = section_topic or article_topic
        for clause in context.clauses(sentence):
            found.extend(relations_in_clause(clause, mention_at, sentence_idx, topic))
    return found


def document_facts(doc_id: str, doc: Doc, title: str | None = None) -> DocumentFacts:
    """Mentions and relation evidence of one processed document, as plain records.

    Chemicals count as treatments only where a relation uses them or the treatment gazetteer lists
    them, so 'uric acid' in a gout article does not become a therapy.
    """
    mentions = mentions_of(doc)
    relations = extract_relations(doc, mentions, title)
    used = {item.object.start for item in relations} | {item.subject.start for item in relations}
    listed = shared_typer().treatment_aliases
    kept = [m for m in mentions if m.entity_type != TREATMENT or m.start in used or term_key(m.text) in listed]
    return DocumentFacts(doc_id=doc_id, text=doc.text, mentions=kept, relations=relations,
                         abbreviations=dict(doc._.abbreviation_map or {}))


def facts_for_batch(doc_ids: list[str], docs: list[Doc | Exception],
                    titles: list[str | None] | None = None) -> list[DocumentFacts | Exception]:
    """document_facts for each annotated Doc; failures (from NER or here) stay per document."""
    results: list[DocumentFacts | Exception] = []
    for doc_id, doc, title in zip(doc_ids, docs, titles or [None] * len(doc_ids)):
        if isinstance(doc, Exception):
            results.append(doc)
            continue
        try:
            results.append(document_facts(doc_id, doc, title))
        except Exception as error:
            results.append(error)
    return results
