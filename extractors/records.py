"""The records stages hand to each other: one document's mentions and relation evidence.

They are plain, picklable dataclasses, so per-document results can be cached, sent to worker
processes and merged across sources without keeping spaCy Docs alive.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from extractors.entity_types import DISEASE, SYMPTOM, TREATMENT

# The relations medfacts extracts, and which typed pair each joins, as (subject type, object type).
HAS_SYMPTOM, TREATED_BY, RELIEVES = "has_symptom", "treated_by", "relieves"
PREDICATES = (HAS_SYMPTOM, TREATED_BY, RELIEVES)
SIGNATURES = {HAS_SYMPTOM: (DISEASE, SYMPTOM), TREATED_BY: (DISEASE, TREATMENT), RELIEVES: (TREATMENT, SYMPTOM)}


@dataclass(frozen=True)
class Mention:
    """One typed entity mention; start/end are character offsets into the cleaned text."""

    sentence_idx: int
    start: int
    end: int
    text: str
    entity_type: str  # disease | symptom | treatment
    canonical: str
    ontology_id: str = ""
    negated: bool = False
    hedged: bool = False


@dataclass(frozen=True)
class RelationEvidence:
    """One sentence stating subject –predicate→ object; the sentence is the fact's provenance."""

    subject: Mention
    predicate: str  # has_symptom | treated_by | relieves
    object: Mention
    sentence_idx: int
    sentence: str
    start: int
    end: int
    cue: str
    cue_strength: float
    negated: bool = False
    hedged: bool = False
    subject_from_topic: bool = False


@dataclass
class DocumentFacts:
    """Everything extraction found in one cleaned document."""

    doc_id: str
    text: str
    mentions: list[Mention] = field(default_factory=list)
    relations: list[RelationEvidence] = field(default_factory=list)
    abbreviations: dict[str, str] = field(default_factory=dict)  # short form -> long-form canonical
