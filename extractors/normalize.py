"""Normalize: merge per-document facts into corpus-wide entities and relations.

The same concept meets under one entity however it was written (abbreviation, case, plural,
synonym, or a shared ontology id), and the same fact under one relation whose support is the
number of distinct documents stating it without negation. Ids are hashes of what identifies
the concept or fact, so they are stable across runs and joinable between them.
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import Iterable

from extractors.entity_types import EntityTyper
from extractors.records import DocumentFacts, Mention, RelationEvidence
from extractors.terms import term_key


def stable_id(prefix: str, *parts: str) -> str:
    digest = hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:12]
    return f"{prefix}{digest}"


def entity_identity(mention: Mention) -> tuple[str, str]:
    """What makes two mentions one entity: their type plus ontology id, else canonical name."""
    return mention.entity_type, mention.ontology_id or mention.canonical


def entity_id_of(mention: Mention) -> str:
    return stable_id("E", *entity_identity(mention))


def relation_id_of(subject_id: str, predicate: str, object_id: str) -> str:
    return stable_id("R", subject_id, predicate, object_id)


@dataclass
class EntityRecord:
    entity_id: str
    entity_type: str
    ontology_id: str
    names: Counter = field(default_factory=Counter)
    aliases: dict[str, str] = field(default_factory=dict)  # folded alias -> first surface form seen
    documents: set[str] = field(default_factory=set)
    n_mentions: int = 0

    @property
    def name(self) -> str:
        """The canonical name used most often; ties go to the shorter, then alphabetical."""
        return min(self.names, key=lambda name: (-self.names[name], len(name), name))


@dataclass
class RelationRecord:
    relation_id: str
    subject_id: str
    predicate: str
    object_id: str
    object_type: str
    supporting_documents: set[str] = field(default_factory=set)
    n_mentions: int = 0
    n_negated: int = 0
    n_hedged: int = 0
    strength_by_document: dict[str, float] = field(default_factory=dict)

    @property
    def confidence(self) -> float:
        """Noisy-or over independent documents of each one's strongest evidence, scaled by the
        share of sentences that affirm rather than negate the fact."""
        doubt = 1.0
        for strength in self.strength_by_document.values():
            doubt *= 1.0 - DOCUMENT_WEIGHT * strength
        affirmed = self.n_mentions / max(1, self.n_mentions + self.n_negated)
        return round((1.0 - doubt) * affirmed, 3)


# How far one document's explicit, unhedged statement takes a fact towards certainty.
DOCUMENT_WEIGHT = 0.6
HEDGE_FACTOR = 0.6
TOPIC_FACTOR = 0.8


def evidence_strength(item: RelationEvidence) -> float:
    """Cue strength, softened for hedged wording and for subjects taken from a heading or title."""
    return item.cue_strength * (HEDGE_FACTOR if item.hedged else 1.0) * (TOPIC_FACTOR if item.subject_from_topic else 1.0)


@dataclass
class MergedFacts:
    entities: dict[str, EntityRecord]
    relations: dict[str, RelationRecord]
    mentions: list[tuple[str, Mention, str]]  # (doc_id, mention, entity_id)
    evidence: list[tuple[str, str, RelationEvidence]]  # (relation_id, doc_id, evidence)


def corpus_abbreviations(facts: Iterable[DocumentFacts]) -> dict[str, str]:
    """short form -> the long form most documents define it as, for documents that do not define it."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for document in facts:
        for short, long in document.abbreviations.items():
            votes[short][long] += 1
    return {short: counter.most_common(1)[0][0] for short, counter in votes.items()}


def resolve_abbreviation(mention: Mention, abbreviations: dict[str, str], typer: EntityTyper) -> Mention:
    """A mention written as an undefined short form takes the long form other documents define."""
    long_form = abbreviations.get(mention.text)
    if long_form is None or mention.canonical == long_form or mention.canonical != term_key(mention.text):
        return mention
    typed = typer.classify(long_form, "TREATMENT" if mention.entity_type == "treatment" else "DISEASE")
    if typed is None:
        return mention
    return replace(mention, entity_type=typed.entity_type, canonical=typed.canonical, ontology_id=typed.ontology_id)


def merge_facts(facts: list[DocumentFacts], typer: EntityTyper | None = None) -> MergedFacts:
    """Merge documents' mentions and relation evidence into entities and relations."""
    typer = typer or EntityTyper()
    abbreviations = corpus_abbreviations(facts)
    entities: dict[str, EntityRecord] = {}
    relations: dict[str, RelationRecord] = {}
    mentions: list[tuple[str, Mention, str]] = []
    evidence: list[tuple[str, str, RelationEvidence]] = []

    def register(doc_id: str, mention: Mention, written: bool = True) -> str:
        """Count a mention towards its entity; a topic taken from a title or heading names it without a mention."""
        mention = resolve_abbreviation(mention, abbreviations, typer)
        entity_id = entity_id_of(mention)
        record = entities.setdefault(entity_id, EntityRecord(entity_id, mention.entity_type, mention.ontology_id))
        record.names[mention.canonical] += int(written)
        record.documents.add(doc_id)
        if written:
            record.aliases.setdefault(term_key(mention.text), mention.text)
            record.n_mentions += 1
        return entity_id

    for document in facts:
        entity_at: dict[int, str] = {}
        for mention in document.mentions:
            entity_id = register(document.doc_id, mention)
            entity_at[mention.start] = entity_id
            mentions.append((document.doc_id, mention, entity_id))
        seen: set[tuple[str, int]] = set()
        for item in document.relations:
            subject_id = entity_at.get(item.subject.start) or register(document.doc_id, item.subject, written=False)
            object_id = entity_at.get(item.object.start) or register(document.doc_id, item.object, written=False)
            if subject_id == object_id:
                continue
            relation_id = relation_id_of(subject_id, item.predicate, object_id)
            if (relation_id, item.start) in seen:
                continue  # one sentence counts once for a fact, however many times it names the pair
            seen.add((relation_id, item.start))
            record = relations.setdefault(relation_id, RelationRecord(
                relation_id, subject_id, item.predicate, object_id, item.object.entity_type))
            if item.negated:
                record.n_negated += 1
            else:
                record.n_mentions += 1
                record.supporting_documents.add(document.doc_id)
                strength = evidence_strength(item)
                if strength > record.strength_by_document.get(document.doc_id, 0.0):
                    record.strength_by_document[document.doc_id] = strength
            record.n_hedged += int(item.hedged)
            evidence.append((relation_id, document.doc_id, item))
    return MergedFacts(entities, relations, mentions, evidence)
