"""Cue phrases of a span: where a clause, heading or list introduction states a relation.

'causes', 'symptoms include', 'is treated with', 'can help reduce' (data/relation_cues.tsv): each
cue has a predicate, a strength, a scope (clause, sentence, list or section) and a direction.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from spacy.tokens import Span

from extractors import context
from extractors.doc_index import text_of
from extractors.records import HAS_SYMPTOM, RELIEVES, TREATED_BY


TREATED_OBJECT_WORDS = 3  # 'help to relieve the symptoms': a symptom word this close after a treatment cue is its object
# The predicates a cue of each predicate licenses: a treatment cue also licenses 'relieves' when the
# clause names a symptom and no disease.
LICENSES = {HAS_SYMPTOM: (HAS_SYMPTOM,), TREATED_BY: (TREATED_BY, RELIEVES), RELIEVES: (RELIEVES, TREATED_BY)}


def entity_char_spans(clause: Span) -> list[tuple[int, int, str]]:
    """(start_char, end_char, label) of the entities wholly inside the clause, as clause.ents gives them.

    Read from the clause's own tokens: clause.ents scans every entity of the Doc on each call,
    which made relation extraction quadratic in the length of a document.
    """
    doc = clause.doc
    found: list[tuple[int, int, str]] = []
    start = end = None
    label = ""
    for token in clause:
        iob = token.ent_iob_
        if iob == "I" and start is not None:
            end = token.idx + len(token)
            continue
        if start is not None:
            found.append((start, end, label))
        # "B" opens an entity; "O", "" or an "I" whose entity began before the clause do not
        start, end, label = (token.idx, token.idx + len(token), token.ent_type_) if iob == "B" else (None, None, "")
    if start is not None and not (clause.end < len(doc) and doc[clause.end].ent_iob_ == "I"):
        found.append((start, end, label))
    return found


# A harm cue right after a disease or symptom ('Discoid eczema causes dry patches, and it's treated with emollients')
# says what the disease does.
CONDITION_LABELS = frozenset({"DISEASE", "SYMPTOM"})
RECIPIENTS_AFTER = re.compile(r"\s+to\s*:")  # 'The vaccine is not usually given to:' lists people, not treatments

UNTREATED_BEFORE = re.compile(r"(?:\b(?:not|never|without)|n['\u2019]t)\s+(?:\w+\s+)?$", re.IGNORECASE)  # 'is not treated', "isn't treated", 'without any treatment'
ENDS_PHRASE = re.compile(r"\s*(?:[?,.:;)]|$)")


def names_untreated(text: str, start: int, end: int) -> bool:
    """Whether a treatment cue only says a disease goes untreated ('if PKU is not treated?', 'Without treatment,'):
    what follows is what the disease does, not a treatment ('is not treated with antibiotics' stays a negated fact)."""
    return bool(UNTREATED_BEFORE.search(text[max(0, start - UNTREATED_CHARS):start])) and bool(ENDS_PHRASE.match(text, end))


UNTREATED_CHARS = 30
UNTREATED_WORDS = frozenset({"treated", "treatment", "treating"})  # not 'Antibiotics will not help,': a negated fact


@dataclass(frozen=True)
class CueMatch:
    """A cue phrase found in a span: where (offsets in the span's text), as written, and what it states."""

    start: int
    end: int
    text: str
    cue: context.Cue


def licensing_matches(matches: Sequence[CueMatch], predicate: str) -> list[CueMatch]:
    """The cue matches that may state the predicate (LICENSES: a treatment cue also states what a treatment relieves)."""
    return [match for match in matches if predicate in LICENSES[match.cue.predicate]]


REPORTING_CUE = re.compile(r"\b(?:describe|describes|report|reports)$")  # '{person} describe', '{person} report'
RELATIVE_BEFORE = re.compile(r"\b(?:that|which)[\s,]*$", re.IGNORECASE)


@lru_cache(maxsize=64)  # a sentence and its clauses are read several times in a row; few enough to free Docs soon
def cue_matches(span: Span) -> tuple[CueMatch, ...]:
    """The cue phrases of a span, in order, that state a relation between its entities.

    A cue word inside an entity ('therapy' in 'physical therapy') names the entity, not a relation;
    treatment cues do not count in a clause about harm (data/treatment_blockers.txt), nor symptom cues in
    one about risk (data/risk_cues.txt); a treatment cue before 'to:' introduces whom, not what ('given to:');
    and a symptom word right after a treatment cue is what is treated, not a symptom list ('manage your symptoms').
    """
    pattern, table = context.relation_cues()
    matches = list(pattern.finditer(text_of(span)))
    if not matches:  # most clauses: nothing more to read
        return ()
    labelled = [(start - span.start_char, end - span.start_char, label) for start, end, label in entity_char_spans(span)]
    entities = [(start, end) for start, end, _ in labelled]
    harmful = context.states_harm(text_of(span), after_condition=[end for _, end, label in labelled
                                                                  if label in CONDITION_LABELS])
    risky = context.states_risk(text_of(span))
    found: list[CueMatch] = []
    for match in matches:
        if any(start <= match.start() < end for start, end in entities):
            continue
        text = " ".join(match.group(0).lower().split())
        cue = table[text]
        if harmful and cue.predicate != HAS_SYMPTOM:
            continue  # 'medications such as lithium can trigger psoriasis' is no treatment
        if risky and cue.predicate == HAS_SYMPTOM:
            continue  # 'people with psoriasis are more likely to experience depression' is no symptom
        if cue.predicate == TREATED_BY and RECIPIENTS_AFTER.match(text_of(span), match.end()):
            continue  # '… not usually given to: people … taking high-dose steroids'
        if REPORTING_CUE.search(text) and RELATIVE_BEFORE.search(
                text_of(span.doc)[max(0, span.start_char - 12):span.start_char + match.start()]):
            continue  # 'the thirst and constant weeing that others describe here': what was named, no new statement
        if text in UNTREATED_WORDS and names_untreated(text_of(span), match.start(), match.end()):
            continue  # 'What happens if PKU is not treated?' asks what the disease does
        if (cue.predicate == HAS_SYMPTOM and found and found[-1].cue.predicate != HAS_SYMPTOM
                and len(text_of(span)[found[-1].end:match.start()].split()) <= TREATED_OBJECT_WORDS
                and not any(found[-1].end <= start and end <= match.start() for start, end in entities)):
            continue  # not past a name: 'Without treatment, glaucoma can cause blindness'
        found.append(CueMatch(match.start(), match.end(), text, cue))
    return tuple(found)


def strongest_cues(matches: Sequence[CueMatch], scope: str = "clause") -> dict[str, tuple[str, float]]:
    """predicate -> (strongest cue text, strength) among the matches that reach this scope."""
    found: dict[str, tuple[str, float]] = {}
    for match in matches:
        if not match.cue.reaches(scope):
            continue
        for predicate in LICENSES[match.cue.predicate]:
            if match.cue.strength > found.get(predicate, ("", -1.0))[1]:
                found[predicate] = (match.text, match.cue.strength)
    return found


def clause_cues(clause: Span) -> dict[str, tuple[str, float]]:
    """predicate -> (strongest cue text, strength) among the cues the clause contains."""
    return strongest_cues(cue_matches(clause))


def list_cues(matches: Sequence[CueMatch], scope: str) -> dict[str, tuple[str, float]]:
    """The has_symptom / treated_by cues among a heading's or list introduction's matches that reach this scope."""
    return {predicate: cue for predicate, cue in strongest_cues(matches, scope).items() if predicate != RELIEVES}

