"""Relations: disease –has_symptom→ symptom, disease –treated_by→ treatment, treatment –relieves→ symptom.

A relation needs both entities in one clause and a cue phrase there that states the relation
('causes', 'symptoms include', 'is treated with', 'can help reduce'); entities that merely
co-occur are not related. Each relation keeps its sentence as evidence, with negation and hedging.
"""
from __future__ import annotations

from itertools import product

from spacy.tokens import Doc, Span

from extractors import context
from extractors.entity_types import DISEASE, SYMPTOM, TREATMENT
from extractors.ner import mentions_of
from extractors.records import DocumentFacts, Mention, RelationEvidence

HAS_SYMPTOM, TREATED_BY, RELIEVES = "has_symptom", "treated_by", "relieves"
PREDICATES = (HAS_SYMPTOM, TREATED_BY, RELIEVES)
# Which typed pair each predicate joins, as (subject type, object type).
SIGNATURES = {HAS_SYMPTOM: (DISEASE, SYMPTOM), TREATED_BY: (DISEASE, TREATMENT), RELIEVES: (TREATMENT, SYMPTOM)}
# A treatment cue also licenses 'relieves' when the clause names a symptom and no disease.
LICENSES = {HAS_SYMPTOM: (HAS_SYMPTOM,), TREATED_BY: (TREATED_BY, RELIEVES), RELIEVES: (RELIEVES, TREATED_BY)}


def clause_cues(clause: Span) -> dict[str, tuple[str, float]]:
    """predicate -> (strongest cue text, strength) among the cues the clause contains."""
    pattern, table = context.relation_cues()
    found: dict[str, tuple[str, float]] = {}
    for match in pattern.finditer(clause.text):
        cue = " ".join(match.group(0).lower().split())
        cue_predicate, strength = table[cue]
        for predicate in LICENSES[cue_predicate]:
            if strength > found.get(predicate, ("", -1.0))[1]:
                found[predicate] = (cue, strength)
    return found


def relations_in_clause(clause: Span, mention_at: dict[int, Mention], sentence_idx: int) -> list[RelationEvidence]:
    """Every typed pair the clause's cues license, each with its negation and hedging."""
    spans = [span for span in clause.doc.ents if clause.start <= span.start and span.end <= clause.end
             and span.start_char in mention_at]
    if len(spans) < 2:
        return []
    cues = clause_cues(clause)
    by_type: dict[str, list[Span]] = {DISEASE: [], SYMPTOM: [], TREATMENT: []}
    for span in spans:
        by_type[span._.entity_type].append(span)
    sentence = clause.sent
    hedged = context.is_hedged(clause)
    found: list[RelationEvidence] = []
    for predicate, (cue, strength) in cues.items():
        subject_type, object_type = SIGNATURES[predicate]
        if predicate == RELIEVES and by_type[DISEASE]:
            continue  # 'X is treated with T to reduce S': the disease is the subject, not T.
        for subject, obj in product(by_type[subject_type], by_type[object_type]):
            first, last = sorted((subject, obj), key=lambda span: span.start)
            negated = (mention_at[subject.start_char].negated or mention_at[obj.start_char].negated
                       or context.negated_between(clause.doc.text, first.end_char, last.start_char))
            found.append(RelationEvidence(
                subject=mention_at[subject.start_char], predicate=predicate, object=mention_at[obj.start_char],
                sentence_idx=sentence_idx, sentence=sentence.text, start=sentence.start_char, end=sentence.end_char,
                cue=cue, cue_strength=strength, negated=negated, hedged=hedged))
    return found


def extract_relations(doc: Doc, mentions: list[Mention]) -> list[RelationEvidence]:
    """All relation evidence of a processed Doc, clause by clause."""
    mention_at = {mention.start: mention for mention in mentions}
    found: list[RelationEvidence] = []
    for sentence_idx, sentence in enumerate(doc.sents):
        for clause in context.clauses(sentence):
            found.extend(relations_in_clause(clause, mention_at, sentence_idx))
    return found


def document_facts(doc_id: str, doc: Doc) -> DocumentFacts:
    """Mentions and relation evidence of one processed document, as plain records."""
    mentions = mentions_of(doc)
    return DocumentFacts(doc_id=doc_id, text=doc.text, mentions=mentions,
                         relations=extract_relations(doc, mentions),
                         abbreviations=dict(doc._.abbreviation_map or {}))


def facts_for_batch(doc_ids: list[str], docs: list[Doc | Exception]) -> list[DocumentFacts | Exception]:
    """document_facts for each annotated Doc; failures (from NER or here) stay per document."""
    results: list[DocumentFacts | Exception] = []
    for doc_id, doc in zip(doc_ids, docs):
        if isinstance(doc, Exception):
            results.append(doc)
            continue
        try:
            results.append(document_facts(doc_id, doc))
        except Exception as error:
            results.append(error)
    return results
