"""Relations: disease –has_symptom→ symptom, disease –treated_by→ treatment, treatment –relieves→ symptom.

A relation needs both entities in one clause and a cue phrase there that states the relation
('causes', 'symptoms include', 'is treated with', 'can help reduce'); entities that merely
co-occur are not related. The disease may come from the title or a heading instead (the topic),
and a non-drug measure an article recommends in a clause naming nothing else ('get adequate
sleep') treats its topic, at a weak strength. Each relation keeps its sentence as evidence, with
negation and hedging.

This module walks a document sentence by sentence and clause by clause. The cue phrases of a span
come from extractors.cues, headings and list lines from extractors.layout, and what a heading or
list introduction announces for the lines under it from extractors.sections.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from itertools import product, takewhile
from typing import AbstractSet, Sequence

from spacy.tokens import Doc, Span

from extractors import context, coordination
from extractors.cues import CueMatch, clause_cues, cue_matches, licensing_matches, list_cues, strongest_cues
from extractors.doc_index import MentionIndex, opening_of, sentence_at, sentence_bounds, sentences, text_of
from extractors.entity_types import DISEASE, FEEL_FORMS, SYMPTOM, TREATMENT, EntityTyper, TypedConcept
from extractors.layout import (TABLE_ROW, is_dash_item, is_heading, is_item_continuation, is_list_item, is_term_line,
                               starts_and_ends_line, starts_line)
from extractors.ner import ChunkedText, mentions_of, release, shared_typer
from extractors.records import (HAS_SYMPTOM, RELIEVES, SIGNATURES, TREATED_BY, DocumentFacts, Mention,
                                RelationEvidence)
from extractors.sections import (BACK_REFERENCES, IT_IS, LIST_FACTOR, PARENTHESES, PART_WORDS, SECTION_FACTOR, ListContext,
                                 SectionState, announcement, as_topic, is_entities_line, is_family_of, is_of_topic, is_fragment, is_kind_name,
                                 is_compared, is_likened, list_item_relations, list_subject, name_line_disease, name_gloss, named_diseases, speaks_of_other, is_aside_heading,
                                 sentence_evidence, sentence_mentions, tells_to_get_help, topic_mention, without_appositions)
from extractors.terms import term_key
from extractors.title_names import title_short_forms, with_page_long_forms, with_title_disease, with_title_short_forms
from extractors.vocabulary import read_list, read_table

INLINE_INTRODUCTION = re.compile(r":\s*[-\u2022*]\s")  # a list whose first bullet stayed on the introduction's line
DRUG_NOUNS = re.compile(r"\s+(drugs?|medications?|medicines?)\b", re.IGNORECASE)  # 'blood pressure drugs'
ADVICE_KINDS = frozenset({"lifestyle", "self-care", "therapy", "supplement"})  # kinds in data/treatments.tsv
ADVICE_STRENGTH = 0.3  # a measure related through the article's topic alone: weaker than any cue
MAX_CLAUSE_DISEASES = 2  # more diseases in one clause than this is a differential list, not a statement of facts
DOMINANT_SHARE = 0.5  # of the disease mentions of an untitled article, for its topic
DOMINANT_MIN_MENTIONS = 3  # fewer mentions than this make no topic
PLURALITY_MIN_MENTIONS = 6  # a disease named this often and PLURALITY_LEAD times as often as any other is the topic too
PLURALITY_LEAD = 2
KIND_SHARE = 0.25  # of the mentions of a disease and its one kind, for the kind to be the article's topic
HEADED_KIND_SHARE = 0.5  # for a kind a heading names, which has a section of its own (crusted scabies, 6 of 16)


def relations_in_clause(clause: Span, mention_at: dict[int, Mention], sentence_idx: int,
                        topic: Mention | None = None,
                        carried: dict[str, tuple[str, float]] | None = None,
                        referent_at: int | None = None) -> list[RelationEvidence]:
    """Every typed pair the clause's cues license, each with its negation and hedging.

    A clause that names symptoms or treatments but no disease takes the section's or the
    article's topic disease as subject ('How is lupus treated?' … 'NSAIDs can help…'); one that
    names the topic's family ('eczema' in a section on atopic eczema) means the topic. A clause
    without cues of its own takes the sentence-scoped cues of the clauses before it (`carried`).
    A clause opening with 'It' for the topic (referent_at: where the word stands) has the topic
    there as a subject besides the diseases it names ('It causes fever … and can progress to heart failure').
    """
    # The clause's mentions by offset, not doc.ents or doc.text: those rebuild the whole Doc on
    # every access, which made long documents quadratic (a 100,000-character text took 40 s).
    spans = sentence_mentions(clause, mention_at)
    if not spans:
        return []
    by_type: dict[str, list[Mention]] = {DISEASE: [], SYMPTOM: [], TREATMENT: []}
    family_named: Mention | None = None  # where the clause names the topic by its family, for the cue's direction
    for mention in spans:
        names_topic = is_family_of(mention, topic)
        family_named = family_named or (mention if names_topic else None)
        by_type[mention.entity_type].append(topic if names_topic else mention)
    by_type[DISEASE] = subject_diseases(by_type[DISEASE], text_of(clause), clause.start_char, by_type[SYMPTOM])
    if topic is not None and not topic.negated and listed_as_symptoms(clause, by_type[DISEASE], by_type[SYMPTOM]):
        # 'Other symptoms can include panic attacks, vivid dreams … and dementia' under 'Fatal familial insomnia'
        by_type[SYMPTOM] = sorted([*by_type[SYMPTOM], *by_type[DISEASE]], key=lambda mention: mention.start)
        by_type[DISEASE] = []
    elif topic is not None and not topic.negated and follow_stated_symptoms(clause, by_type[DISEASE], by_type[SYMPTOM]):
        # 'Severely ill patients may develop low blood pressure …, and some develop gangrene': what the topic causes
        by_type[DISEASE] = []
    if len({mention.canonical for mention in by_type[DISEASE]}) > MAX_CLAUSE_DISEASES:
        return []  # 'other diseases cause similar symptoms: rhinitis, sinusitis, …': a list of diseases, no facts
    subjects_from_topic = not by_type[DISEASE] and topic is not None and not topic.negated
    referent_anchor = None
    if subjects_from_topic:
        by_type[DISEASE] = [topic]
    elif referent_at is not None and topic is not None and not topic.negated and all(
            mention.canonical != topic.canonical for mention in by_type[DISEASE]):
        by_type[DISEASE] = [topic, *by_type[DISEASE]]
        referent_anchor = replace(topic, start=referent_at, end=referent_at + 1)
    elif len(spans) < 2:
        return []
    sentence = sentence_at(clause.doc, clause.start)
    # a treatment the sentence named before the clause, for what 'they' cause (read only where the topic is a subject)
    treated_before = any(subject is topic for subject in by_type[DISEASE]) and any(
        mention.entity_type == TREATMENT and mention.start < clause.start_char
        for mention in sentence_mentions(sentence, mention_at))
    # 'Call 999 if you … feel confused or drowsy': reasons to get help, not what the topic causes
    tells_help = subjects_from_topic and tells_to_get_help(sentence)
    clause_text, offset = text_of(clause), clause.start_char
    hedged = context.is_hedged(clause)
    matches = cue_matches(clause)
    disease_ends = frozenset(mention.end for mention in spans if mention.entity_type == DISEASE)
    found: list[RelationEvidence] = []
    cues = (clause_cues(clause) or carried or felt_state_cue(clause, by_type[SYMPTOM], by_type[TREATMENT])
            or defining_cue(clause_text, offset, by_type[DISEASE], by_type[SYMPTOM])
            or acting_cue(clause_text, offset, by_type[DISEASE], by_type[SYMPTOM])
            or likened_list_cue(clause_text, offset, by_type[SYMPTOM], by_type[TREATMENT]))
    for predicate, (cue, strength) in cues.items():
        subject_type, object_type = SIGNATURES[predicate]
        if predicate == RELIEVES and by_type[DISEASE] and not subjects_from_topic:
            continue  # 'X is treated with T to reduce S': the disease is the subject, not T.
        if predicate == HAS_SYMPTOM and tells_help:
            continue
        cue_at = next((match.start + offset for match in matches if match.text == cue), None)  # None: carried
        licensing = [match for match in licensing_matches(matches, predicate) if match.cue.reaches("clause")]
        for subject, obj in product(by_type[subject_type], by_type[object_type]):
            from_topic = subject is topic
            anchor = (referent_anchor or family_named) if from_topic else subject
            if anchor is not None and not cue_allows(matches, predicate, anchor, obj, clause, disease_ends):
                continue  # 'obesity has led to more young people with type 2 diabetes'
            if anchor is None and not object_side_allows(matches, predicate, obj, clause.start_char, clause_text,
                                                         by_type[SYMPTOM]):
                continue  # 'surgery to correct any joint problems that develop': the topic develops nothing here
            if from_topic and predicate == HAS_SYMPTOM and cue_at is not None and any(
                    treatment.start < cue_at < obj.start for treatment in by_type[TREATMENT]):
                continue  # 'Antivirals can make you feel sick': a drug's side effect, not the topic's symptom
            if from_topic and predicate == HAS_SYMPTOM and context.medicine_causes(
                    clause_text[:obj.start - offset], treated_before):
                continue  # 'the first doses can make people feel dizzy', '…; in the hands they can cause weakness'
            if from_topic and predicate == HAS_SYMPTOM and context.names_side_effects(clause_text):
                continue  # 'Headaches, flushing and ankle swelling are common side effects early on'
            if predicate == HAS_SYMPTOM and context.names_no_symptom(clause_text, obj.start - offset, obj.end - offset):
                continue  # 'patches of skin that worsen with friction', 'The virus spreads through coughs and sneezes'
            if predicate == TREATED_BY and context.treats_no_disease(clause_text, obj.start - offset, obj.end - offset):
                continue  # 'If your child is allergic to penicillin, they will be given clarithromycin'
            if predicate == TREATED_BY and not from_topic and context.prevents(
                    clause_text, subject.start - offset, subject.end - offset):
                continue  # 'may take metformin to lower the risk of type 2 diabetes': prevention, not treatment
            if predicate == TREATED_BY and from_topic and context.prevents_recurrence(clause_text[obj.end - offset:]):
                continue  # 'may be prescribed potassium citrate … to stop new ones forming': prevention, not treatment
            if predicate == TREATED_BY and treats_named_other(obj, subject, spans):
                continue  # 'People with RP tend to develop cataract …, and cataract surgery can often help': the cataract's
            first, last = sorted((subject, obj), key=lambda mention: mention.start)
            earlier = earlier_cue(licensing, last.end - offset)
            pair_cue, pair_strength, pair_at = (earlier[0], earlier[1], earlier[2] + offset) if earlier else (
                cue, strength, cue_at)
            # 'If PBC leads to cirrhosis or the itching cannot be controlled, a liver transplant may be recommended':
            # a negation inside the opening condition stays in it
            negated = subject.negated or obj.negated or (not from_topic and context.reaching_negation(clause_text[
                max(first.end - offset, context.opening_condition_end(clause_text, last.start - offset)):last.start - offset]))
            if pair_at is not None and pair_at > last.end:  # 'If you have shingles, antibiotics won't help'
                # not one negating only the item after it ('… may be used instead of steroids to treat a flare-up')
                negated = negated or context.has_negation(
                    context.without_item_negations(clause_text[last.end - offset:pair_at - offset]))
            if from_topic:  # 'If that doesn't help, his GP can prescribe codeine': the condition's negation stays in it
                stated_from = context.opening_condition_end(clause_text, obj.start - offset)
                negated = negated or context.negation_reaching_end(clause_text[stated_from:obj.start - offset])
            found.append(RelationEvidence(
                subject=subject, predicate=predicate, object=obj, sentence_idx=sentence_idx,
                **sentence_evidence(sentence), cue=pair_cue,
                cue_strength=pair_strength, negated=negated, hedged=hedged, subject_from_topic=from_topic))
    return found


def treats_named_other(treatment: Mention, subject: Mention, mentions: Sequence[Mention]) -> bool:
    """Whether a treatment is named after another disease the clause names ('cataract surgery' after 'develop
    cataract'), so treats that one, not the subject."""
    owners = {mention.canonical for mention in mentions if mention.entity_type == DISEASE
              and f" {mention.canonical} " in f" {treatment.canonical} "}
    return bool(owners) and subject.canonical not in owners


def earlier_cue(licensing: Sequence[CueMatch], before: int) -> tuple[str, float, int] | None:
    """Of a clause's cues licensing a predicate, the strongest that starts before a pair's end, where the strongest
    of all comes after both: 'Mastitis can leave you feeling low and tearful too, and that is not a sign …' states
    them by 'leave you', not by the negated 'sign' after them. None when the strongest cue itself comes first."""
    if not licensing or max(licensing, key=lambda match: match.cue.strength).start < before:
        return None
    earlier = [match for match in licensing if match.start < before]
    if not earlier:
        return None
    best = max(earlier, key=lambda match: match.cue.strength)
    return best.text, best.cue.strength, best.start


FELT_STATE_STRENGTH = 0.7  # as the cue 'feel' (data/relation_cues.tsv)


def felt_state_cue(clause: Span, symptoms: list[Mention], treatments: list[Mention]) -> dict[str, tuple[str, float]]:
    """A clause saying someone feels a state ('Some people also feel tired, with a headache') states
    it as a symptom: the cue 'feel' is inside the mention, where cue_matches does not count it. Not
    a condition ('If you feel sick, see a GP'; but 'If you have gout, you may feel tired' states it after the
    condition's comma) nor a drug's effect ('Antivirals can make you feel sick')."""
    felt = [mention for mention in symptoms if mention.text.split(" ", 1)[0].lower() in FEEL_FORMS]
    if treatments or not felt:
        return {}
    if clause[0].lower_ in context.conditional_openers() and not all(
            context.opening_condition_end(text_of(clause), mention.start - clause.start_char) for mention in felt):
        return {}
    return {HAS_SYMPTOM: ("feel", FELT_STATE_STRENGTH)}


DEFINED_AS = re.compile(r"\s+(?:is|are)\s+(?:(?:a|an)\s+)?(?:\w+\s+)?$", re.IGNORECASE)  # 'Angina is [a] [sudden] '
DEFINING_CUE, DEFINING_STRENGTH = "is", 0.7  # a definition by the symptom: as firm as 'feel'


def defining_cue(clause_text: str, offset: int, diseases: list[Mention],
                 symptoms: list[Mention]) -> dict[str, tuple[str, float]]:
    """A clause defining its disease by a symptom ('Angina is chest pain or discomfort that …') states
    it: the symptom stands right after 'is', at most one word and an article between."""
    if len(diseases) != 1 or diseases[0].start < offset or not symptoms:
        return {}
    first = min(symptoms, key=lambda mention: mention.start)
    if first.canonical.rsplit(" ", 1)[-1] in coordination.word_set("unplaced_processes.txt"):
        return {}  # 'Sinusitis is an inflammation, or swelling, of the tissue …': what it is, not what it causes
    between = clause_text[diseases[0].end - offset:first.start - offset]
    if first.text.lower() == "pain" and between.rstrip().lower().endswith(" a"):
        return {}  # 'Impetigo is a pain, but it really is very treatable': an idiom
    return {HAS_SYMPTOM: (DEFINING_CUE, DEFINING_STRENGTH)} if DEFINED_AS.fullmatch(between) else {}


LIKENED_LIST_GAP_WORDS = 4  # 'it can look like the flu:', 'look a lot like the early stage of spotted fever:'
LIKENED_LIST_CUE, LIKENED_LIST_STRENGTH = "looks like …:", 0.7


def likened_list_cue(clause_text: str, offset: int, symptoms: list[Mention],
                     treatments: list[Mention]) -> dict[str, tuple[str, float]]:
    """A clause likening what it speaks of to a disease and listing after a colon ('It looks like pneumonia: cough,
    chest pain, a high fever …', 'At first it can look like the flu: fever, chills …') states the listed symptoms: of
    the clause's subject, not of the disease it likens them to (subject_diseases leaves that one out)."""
    if treatments or not symptoms:
        return {}
    colon = clause_text.find(":")
    if colon < 0 or not any(mention.start - offset > colon for mention in symptoms):
        return {}
    if not context.cue_shortly_before(clause_text, colon, "likeness_cues.txt", within_chars=colon,
                                      within_words=LIKENED_LIST_GAP_WORDS):
        return {}
    return {HAS_SYMPTOM: (LIKENED_LIST_CUE, LIKENED_LIST_STRENGTH)}


ACTING_GAP = re.compile(r"\s+(?:(?:can|may|might|often|sometimes|also|usually|will|do|does)\s+){0,2}", re.IGNORECASE)
ACTING_CUE, ACTING_STRENGTH = "a disease doing a symptom's verb", 0.7  # 'Some warts itch a little': as firm as 'feel'


def acting_cue(clause_text: str, offset: int, diseases: list[Mention],
               symptoms: list[Mention]) -> dict[str, tuple[str, float]]:
    """A clause whose disease does what a symptom's verb says ('Some warts itch a little', 'Chilblains can itch')
    states that symptom: the verb (data/symptom_verbs.txt) right after the disease, a modal or adverb between."""
    if len(diseases) != 1 or diseases[0].start < offset:
        return {}
    verb_forms = coordination.state_lexicon(shared_typer()).verb_forms  # 'itch', 'itches', 'vomits'
    for symptom in symptoms:
        if (symptom.text.lower() in verb_forms
                and ACTING_GAP.fullmatch(clause_text[diseases[0].end - offset:symptom.start - offset])):
            return {HAS_SYMPTOM: (ACTING_CUE, ACTING_STRENGTH)}
    return {}


CAUSE_SLOT_WORDS = 2  # 'Indigestion usually causes …': words between a symptom and the cue it is the cause of
CAUSAL_VERB = re.compile(r"\b(?:caus|lead|trigger)", re.IGNORECASE)  # not 'bring up', which a person does


def object_side_allows(matches: Sequence[CueMatch], predicate: str, obj: Mention, offset: int, clause_text: str,
                       symptoms: Sequence[Mention] = ()) -> bool:
    """For a subject the clause does not name (the topic), whether the object stands on its side of
    a directed cue: after 'causes', before 'caused by', with no symptom as the cause ('Indigestion usually
    causes a burning feeling' on an angina page); a leading cue must lead to a word for the disease
    ('people with the condition', 'someone with it', 'people with this digestive form of the disease'; not 'someone
    with you has hives').
    Cues carried from an earlier clause allow it."""
    relevant = licensing_matches(matches, predicate)
    return not relevant or any(
        match.cue.direction == "any"
        or (match.cue.direction == "leading" and context.points_at_disease(clause_text[match.end:].lstrip()))
        or (match.cue.direction == "forward" and match.end + offset <= obj.start
            and not (CAUSAL_VERB.search(match.text)
                     and symptom_causes(symptoms, match.start + offset, offset, clause_text)))
        or (match.cue.direction == "backward" and obj.end <= match.start + offset)
        for match in relevant)


def symptom_causes(symptoms: Sequence[Mention], cue_start: int, offset: int, clause_text: str) -> bool:
    """Whether a symptom that ICD-10-CM also codes as a condition stands right before a forward cue, as
    what the cue says causes something ('Indigestion usually causes'; not 'The aura can cause', a
    migraine's own symptom)."""
    typer = shared_typer()
    return any(symptom.end <= cue_start and typer.icd_disease(symptom.canonical)
               and len(clause_text[symptom.end - offset:cue_start - offset].split()) <= CAUSE_SLOT_WORDS
               for symptom in symptoms)


def cue_allows(matches: Sequence[CueMatch], predicate: str, subject: Mention, obj: Mention, clause: Span,
               disease_ends: frozenset[int] = frozenset()) -> bool:
    """Whether one of the clause's cues for this predicate joins these two entities.

    The subject must stand on the cue's side (Cue.direction). Parentheses right after a disease
    gloss it: what they name relates to that disease alone, and a cue inside parentheses speaks
    only of what they enclose and the name before them. So 'sinusitis (inflammation of the
    sinuses, often causing pain) … migraine' relates sinusitis and pain, not migraine. Cues carried
    from an earlier clause stand outside this one and allow either order.
    """
    offset = clause.start_char
    clause_text = text_of(clause)
    gloss = enclosing_parentheses(clause_text, obj.start - offset)
    if gloss is not None:
        glossed_end = offset + len(clause_text[:gloss[0]].rstrip())
        if glossed_end in disease_ends and subject.end != glossed_end:
            return False
    relevant = licensing_matches(matches, predicate)
    if not relevant:
        return True
    for match in relevant:
        start, end = match.start + offset, match.end + offset
        if not (match.cue.direction == "any"
                or (match.cue.direction == "forward" and subject.end <= start and end <= obj.start)
                or (match.cue.direction == "backward" and obj.end <= start and end <= subject.start)
                or (match.cue.direction == "leading" and end <= subject.start and subject.end <= obj.start)):
            continue
        enclosing = enclosing_parentheses(clause_text, match.start)
        if enclosing is None:
            return True
        inside_start, inside_end = enclosing[0] + offset, enclosing[1] + offset
        glossed = clause_text[:enclosing[0]].rstrip()
        if (inside_start <= obj.start and obj.end <= inside_end
                and (inside_start <= subject.start and subject.end <= inside_end
                     or subject.end == offset + len(glossed))):
            return True
    return False


def enclosing_parentheses(text: str, position: int) -> tuple[int, int] | None:
    """(start, end) of the innermost '( … )' around position in text, the end at the text's end if unclosed."""
    opening = text.rfind("(", 0, position)
    if opening < 0 or text.rfind(")", opening, position) >= 0:
        return None
    closing = text.find(")", position)
    return opening, closing if closing >= 0 else len(text)


RULED_OUT_CHARS = 60  # of the text after a disease, for a cue calling it ruled out


CONDITION_BEFORE = re.compile(r"\bif\s+(?:the|their|your|his|her)\s+$", re.IGNORECASE)  # 'if the ' right before a disease


def in_trailing_condition(before: str) -> bool:
    """Whether the text before a disease ends in a condition that follows words of its own sentence ('…, and a blood
    transfusion if the anaemia is severe'): the disease says when, it is no subject. Not a condition the sentence
    opens with ('If the anaemia is severe, …')."""
    found = CONDITION_BEFORE.search(before)
    return found is not None and any(char.isalnum() for char in re.split(r"[.;:]", before[:found.start()])[-1])


def subject_diseases(diseases: list[Mention], text: str, offset: int,
                     symptoms: Sequence[Mention] = ()) -> list[Mention]:
    """The diseases of a clause that can be the subject of its facts.

    Not a class of diseases ('Psoriasis is a skin disease that causes …', 'an infection'), nor
    a family next to its subtype ('the most common type of psoriasis, plaque psoriasis, causes …'),
    nor one that only qualifies a drug ('high blood pressure drugs'), nor one that describes whom the clause
    speaks of by what they may get ('Children at higher risk of heart problems … may be given steroids'), nor one
    it compares with ('Treatment overlaps a lot with mummy thumb: …'), nor one it calls ruled out ('Once dengue
    has been excluded, a doctor may suggest naproxen'), nor one in a condition after the clause's start ('…, and a
    blood transfusion if the anaemia is severe'), nor, beside another, one listed among its symptoms ('When small
    vessel disease causes symptoms, they look like CADASIL: small strokes, slowed thinking, falls').
    """
    classes = context.disease_classes()
    # '(encephalitis)' after 'inflammation of the brain' glosses a symptom; it states nothing itself
    diseases = [m for m in diseases if not (m.start > offset and text[:m.start - offset].rstrip().endswith("("))] or diseases
    specific = [m for m in diseases if m.canonical not in classes]
    kept = [m for m in specific  # a class alone ('It's caused by a bacterial infection and needs antibiotics') is none
            if not any(is_family_of(m, other) for other in diseases)
            and not (m.end >= offset and DRUG_NOUNS.match(text, m.end - offset))
            and not context.cue_shortly_before(text, m.start - offset, "at_risk_cues.txt", within_words=1)
            and not is_likened(text, m.start - offset)
            and not (m.start - offset > 0 and in_trailing_condition(text[:m.start - offset]))
            and not (m.end >= offset and context.called_ruled_out(text[m.end - offset:m.end - offset + RULED_OUT_CHARS]))]
    listed = [m for m in kept if is_symptom_list_item(m, symptoms, text, offset)]
    return [m for m in kept if m not in listed] if len(listed) < len(kept) else kept


SYMPTOM_LIST_WORDS = ("symptom", "sign", "feature")  # a cue naming what it lists: 'Other symptoms can include', not 'Complications'
# what stands between such a cue and its first item: 'can include', 'are', ':' (not 'of' before whose symptoms they are)
SYMPTOM_LIST_LEAD = re.compile(r"\s*(?:(?:can|may|might|could|often|usually|also|sometimes|commonly|typically)\s+)*"
                               r"(?:include|includes|including|are|:)\s*", re.IGNORECASE)


def listed_as_symptoms(clause: Span, diseases: Sequence[Mention], symptoms: Sequence[Mention] = ()) -> bool:
    """Whether every disease of the clause is an item of a list of symptoms its cue opens with no disease before it
    ('Other symptoms can include panic attacks, … and dementia', 'Typical features include coarse facial features, …,
    hernias, stiff joints'): they are what is listed, not whose symptoms."""
    if not diseases:
        return False
    text = text_of(clause)
    first = min(mention.start for mention in diseases) - clause.start_char
    in_list = all(is_symptom_list_item(disease, symptoms, text, clause.start_char) for disease in diseases)
    return any(match.cue.predicate == HAS_SYMPTOM and match.end <= first
               and any(word in match.text.lower() for word in SYMPTOM_LIST_WORDS)
               and (SYMPTOM_LIST_LEAD.fullmatch(text[match.end:first]) is not None
                    or (in_list and any(match.end <= symptom.start - clause.start_char < first for symptom in symptoms)))
               for match in cue_matches(clause))


MAX_CUE_OBJECT_GAP = 3  # words between a cue and the disease it states: 'develop gangrene', 'may develop a severe'


SYMPTOM_GLOSS = re.compile(r"\s*(?:\(|,?\s*(?:(?:also|often|sometimes)\s+)?(?:known as|called|which (?:doctors|we) call))\s*"
                           r"(?:an?\s+|the\s+)?$", re.IGNORECASE)


def glosses_symptom(disease: Mention, symptoms: Sequence[Mention], text: str, offset: int) -> bool:
    """Whether a disease names the symptom right before it: in brackets or after 'known as' ('swollen testicles
    (orchitis)', 'tender red lumps on the shins, known as erythema nodosum')."""
    before = [symptom for symptom in symptoms if symptom.end <= disease.start]
    if not before:
        return False
    last = max(before, key=lambda symptom: symptom.end)
    return SYMPTOM_GLOSS.fullmatch(text[last.end - offset:disease.start - offset]) is not None


def follow_stated_symptoms(clause: Span, diseases: Sequence[Mention], symptoms: Sequence[Mention]) -> bool:
    """Whether every disease of the clause comes after a symptom cue and a symptom it states, with no disease before
    the cue ('Severely ill patients may develop low blood pressure and reduced urine output, and some develop
    gangrene'): the clause states what its topic causes, a disease among it being no subject."""
    if not diseases or not symptoms:
        return False
    text, first = text_of(clause), min(mention.start for mention in diseases) - clause.start_char
    if all(glosses_symptom(disease, symptoms, text, clause.start_char) for disease in diseases):
        return True  # 'painful, swollen testicles (orchitis)', 'tender red lumps on the shins, known as erythema nodosum'
    forward = [match for match in cue_matches(clause)
               if match.cue.predicate == HAS_SYMPTOM and match.cue.direction == "forward" and match.end <= first]
    if not forward:
        return False
    gap = text[forward[-1].end:first].split()  # the disease is the cue's object, not a new clause's subject
    return (len(gap) <= MAX_CUE_OBJECT_GAP and not any(word.endswith((",", ";")) or word == "and" for word in gap)
            and any(symptom.start - clause.start_char < forward[-1].start for symptom in symptoms))


SYMPTOM_LIST_OPENING = re.compile(r"[:,]\s*(?:\w+\s+){0,2}$")  # ': small ' before 'strokes', ', ' in a list


def is_symptom_list_item(disease: Mention, symptoms: Sequence[Mention], text: str, offset: int) -> bool:
    """Whether a disease is an item of a list of symptoms: after a colon or a comma (a word or two of its own
    between), and a symptom right after it, joined by a comma, 'and' or 'or'."""
    start, end = disease.start - offset, disease.end - offset
    if start < 0 or not SYMPTOM_LIST_OPENING.search(text[:start]):
        return False
    following = next((s for s in sorted(symptoms, key=lambda mention: mention.start) if s.start >= disease.end), None)
    return following is not None and text[end:following.start - offset].strip(" ,") in ("", "and", "or")


def extract_relations(doc: Doc, mentions: list[Mention], title: str | None = None,
                      topic_from_mentions: bool = True) -> list[RelationEvidence]:
    """All relation evidence of a processed Doc.

    Clause by clause, cue phrases relate the entities they join (a cue of sentence scope also the
    later clauses of its sentence); then lists: a heading or an introduction ending in ':' that
    announces symptoms or treatments relates its disease (or the section's or article's topic) to
    every item of the lines under it, a heading's cue of section scope ('Symptoms') every list of
    its section, and a sentence like 'These are the main symptoms of lupus.' the list just above it.
    How far each cue reaches is its scope column in data/relation_cues.tsv. The article's topic is
    the disease its title names, or where the title names none (and topic_from_mentions) the one a
    leading heading names (or a 'What is X?' heading further down, from there on), the one it names
    most, or the one its opening names as what a reader's letter describes or what a blog explains ('we call it …').
    """
    typer = shared_typer()
    mention_at = MentionIndex(mentions)
    article_topic = (leading_title_condition(title, typer) or topic_mention(title, typer)
                     or most_named_of_title(title, mentions, typer) or title_condition(title, typer)
                     or body_disease_of_title(title, mentions)) if title else None
    article_topic = kind_written_in_title(article_topic, title, mentions) if title else article_topic
    title_names_topic = article_topic is not None
    leading, topic_from = None, 0
    if article_topic is None and topic_from_mentions:  # no title, or one naming no disease ('Scattered Thoughts')
        leading, topic_from = leading_heading_topic(doc, typer)
        article_topic = (leading or dominant_disease(outside_asides(mentions, doc))
                         or diagnosed_in_opening(doc, mention_at))
    counted = article_topic is not None and not title_names_topic and leading is None
    all_sentences = sentences(doc)
    headings = frozenset(index for index, sentence in enumerate(all_sentences) if is_heading(sentence))
    article_topic = named_kind(article_topic, mentions, headings)
    glossed = name_gloss(title, typer) if title else None
    section = SectionState(glossed_name=glossed[0].canonical if glossed else "",
                           titled_by_one=titled_by_one_disease(doc, title, typer), topic_counted=counted)
    previous_items: list[tuple[int, Span]] = []
    paragraph_diseases: list[Mention] = []  # the diseases the paragraph so far named
    diseases_before: list[Mention] = []  # and those the paragraph before named (none across a heading)
    previous: tuple[int, Span] | None = None  # the sentence before, when it is part of a paragraph
    named_before: list[Mention] = []  # the diseases the sentence before named, for 'This condition …'
    referent_before: Mention | None = None  # the disease the sentence before spoke of by 'It', for a run of them
    treatments_before: list[Mention] = []  # and its treatments, for 'It can cause …' about a drug
    still_about_treatment = False  # whether the sentence before spoke of a treatment: a run of 'It' goes on with it
    announced: ListContext | None = None  # what a sentence announced for the fragments after it ('… symptoms. The nausea.')
    found: list[RelationEvidence] = []
    last_sentence: Span | None = None
    term_items = False  # the open list's items are 'Term. Explanation …' lines
    read_under: list[tuple[int, Span, Mention | None, bool]] = []  # each sentence, its topic, whether it lists no treatments
    found_before = 0  # where the sentence before began adding evidence, for '… may also …' after it
    paragraph_kind: Mention | None = None  # the kind of the topic (or of its family) a paragraph opens with: its subject
    paragraph_symptoms: dict[str, tuple[str, float]] = {}  # a symptom cue of the paragraph so far ('The first sign is …')
    paragraph_talk: ListContext | None = None  # what a sentence of the paragraph announced ('The symptoms come on slowly.')
    talk_from_statement = False  # whether it announced it by stating some ('Most people first notice getting out of breath')
    columns: dict[int, Mention] = {}  # the diseases a table's header names, by cell ('| Symptom | Labyrinthitis | … |')
    cued: dict[int, ListContext] = {}  # what a header cell announces, by cell ('| | Signs of anaphylaxis |')
    paragraphs_in_section = 0  # the paragraphs since the latest heading, this one included
    page_topic = article_topic
    paragraph_from = 0  # where the paragraph's evidence begins in found
    for sentence_idx, sentence in enumerate(all_sentences):
        article_topic = page_topic if sentence_idx >= topic_from else None
        text = text_of(sentence).strip()
        previous_sentence, last_sentence = last_sentence, sentence
        # what the sentence just before stated (a heading in between states nothing: no statement goes on)
        stated_before = [item for item in found[found_before:] if item.sentence_idx == sentence_idx - 1]
        if not stated_before and previous_items and previous_items[-1][0] == sentence_idx - 1:
            # after a list whose last item stated nothing ('… find their stamina has fallen away.'), its items
            item_indices = {item_idx for item_idx, _ in previous_items}
            stated_before = [item for item in found if item.sentence_idx in item_indices]
        found_before = len(found)
        if starts_line(sentence) or sentence_idx in headings:
            paragraph_from = len(found)
        continued = continued_statement(sentence, stated_before, mention_at, found, paragraph_from)
        referent = referent_disease(sentence, named_before, mention_at, previous_sentence)
        if referent is None and not named_before and goes_on_with_anaphor(sentence, previous_sentence):
            referent = referent_before  # '… that Sneddon syndrome is worth knowing about. It mostly affects women … It combines …'
        if referent is not None and is_family_of(referent, section.topic):
            referent = section.topic  # under 'Plaque psoriasis': '… eight in ten people with psoriasis. It causes …'
        referent_before = referent
        # 'tolvaptan, which blocks ADH. It is started in hospital … It makes you thirsty': a run of 'It' goes on with it
        about_treatment = ((bool(treatments_before) or (still_about_treatment and not starts_line(sentence)))
                           and not named_before and bool(context.treatment_anaphors().match(text_of(sentence).lstrip())))
        named_just_before, named_before = named_before, named_diseases(sentence, mention_at)
        # '… if you notice nosebleeds. These are possible side effects of the medicine.': no topic disease either
        about_treatment = about_treatment or (not named_before and sentence_idx + 1 < len(all_sentences)
                                              and context.labels_side_effects(text_of(all_sentences[sentence_idx + 1])))
        # 'Side effects of mebendazole are uncommon. A few people get tummy pain, diarrhoea or feel sick …': nor after a
        # sentence of the paragraph about side effects
        about_treatment = about_treatment or (not named_before and previous_sentence is not None and not starts_line(sentence)
                                              and context.names_side_effects(text_of(previous_sentence)))
        treatments_before = [m for m in sentence_mentions(sentence, mention_at) if m.entity_type == TREATMENT]
        still_about_treatment = about_treatment
        if sentence_idx in headings:
            about = section.current_list or section.context
            if (about is not None and is_entities_line(sentence, mention_at, (SYMPTOM, TREATMENT))
                    and not names_generic_treatment(sentence, mention_at)):
                # 'Fatigue' as a subheading of 'What are the symptoms of MS?': the heading is an item
                found.extend(list_item_relations(sentence, sentence_idx, about, mention_at))
                if section.current_list is not None:  # an item without a full stop ('chest tightness'): the list goes on
                    previous_items, previous = [*previous_items, (sentence_idx, sentence)], None
                    continue
            section.enter_heading(sentence, sentence_idx, article_topic, named_before, names_treatment=bool(treatments_before))
            previous_items, previous = [], None
            paragraph_diseases, diseases_before = [], []
            paragraphs_in_section = 0
            continue
        section.named_by_heading(named_before, sentence_idx, article_topic)
        section.returns_to_topic(sentence, sentence_idx, named_before, article_topic)
        section.resumed_by_anaphor(sentence, sentence_idx, mention_at)
        subtype_line = section.subtype_line(name_line_disease(sentence, mention_at), article_topic)
        topic = section.topic or article_topic
        section.opened_by_overview(sentence, sentence_idx, topic)
        section.announces_groups(sentence, topic)
        if starts_line(sentence):
            paragraphs_in_section += 1
            paragraph_kind = opening_kind(sentence, named_before, topic)
            paragraph_symptoms, paragraph_talk = {}, None
            diseases_before, paragraph_diseases = paragraph_diseases, []
        paragraph_diseases.extend(named_before)
        # an item of a symptom list advises nothing ('eating less and losing weight.' under 'Physical signs');
        # 'you may find these things help:' announces symptoms only weakly, and a paragraph after a fact
        # box's list ('Signs of obstructive sleep apnoea' in a news story) still advises
        list_item, item_continuation = is_list_item(sentence), is_item_continuation(sentence)
        symptom_item = (section.current_list is not None and set(section.current_list.cues) == {HAS_SYMPTOM}
                        and section.current_list.cues[HAS_SYMPTOM][1] >= SYMPTOM_LIST_STRENGTH
                        and (list_item or item_continuation))
        read_under.append((sentence_idx, sentence, topic, section.lists_no_treatment or symptom_item))
        if text.startswith(TABLE_ROW):
            header = table_columns(sentence, mention_at)
            columns = header or columns
            cued_header = {} if header else cued_columns(sentence, mention_at)
            cued = {} if header else cued_header or cued
            if cued and not cued_header:  # '| Airway | Swollen tongue, … |' under '| | Signs of anaphylaxis |'
                found.extend(cued_cell_relations(sentence, sentence_idx, mention_at, cued))
                previous_items, previous = [], None
                continue
            found.extend(table_row_relations(sentence, sentence_idx, mention_at) if not columns
                         else table_cell_relations(sentence, sentence_idx, mention_at, columns))
            if columns and not header:  # a row under disease columns states its facts cell by cell, for each column
                previous_items, previous = [], None
                continue
        else:
            columns, cued = {}, {}
        if announced is not None and not starts_line(sentence) and is_fragment(sentence, mention_at):
            found.extend(list_item_relations(sentence, sentence_idx, announced, mention_at))
            continue
        announced = announcement(sentence, mention_at, topic)
        carried: dict[str, tuple[str, float]] = {}
        # 'It can cause …' after a sentence naming a drug speaks of its side effects: no topic disease
        clause_topic = None if about_treatment else referent or paragraph_kind or topic
        if (list_item and section.current_list is not None and not section.current_list.from_topic
                and section.current_list.subject is not None and referent is None):
            clause_topic = section.current_list.subject  # '… People with HAPE:' / '- feel a tightness in the chest.'
        if continued is not None:
            statement_before, continued_cue = continued
            clause_topic = statement_before.subject
            carried = {statement_before.predicate: (continued_cue, ALSO_STRENGTH)}
        # a later sentence of an item's line: a short bullet's, or a term's explanation
        explains_item = item_continuation or (term_items and not starts_line(sentence))
        in_harm_list = section.lists_no_treatment and (list_item or item_continuation)
        # 'See your GP if:' / '- you feel dizzy, faint or constantly exhausted': when to get help, not what the disease does
        in_help_list = (section.help_list or section.help_section) and (list_item or item_continuation)
        named_here = condition_named(sentence, named_before) or compared_disease_defined(sentence, section, named_before)
        if named_here is None and paragraphs_in_section == 1 and section.topic is None:
            named_here = glossed_disease(sentence, named_before, topic) or defined_disease(
                sentence, named_before, topic, headed=section.heading_idx >= 0)
        elif named_here is None and section.heading_named_none and sentence_idx == section.heading_idx + 1:
            # right under a heading naming none, whose topic a question before it lent ('And when the muscle is
            # involved?' after 'What is pericarditis?'): 'Myocarditis is inflammation of the heart muscle …'
            # or whose words name it by its head ('What is a spinal "crush" fracture?' / 'A vertebral compression fracture
            # happens when …', named_by_heading): the section, and the headings after it naming none, are about it
            defined = defining_opening(sentence, named_before)
            named_by_head = section.topic is not None and section.topic.sentence_idx == sentence_idx
            named_here = defined if defined is not None and is_other_disease(
                defined, article_topic if named_by_head else topic) else None
        elif named_here is None and paragraphs_in_section == 1 and section.heading_names_other(article_topic):
            # a heading naming another disease loosely, whose section opens by defining the one it means ('What about
            # the stomach bug you can get from the water?' / '… Cryptosporidiosis, usually shortened to "crypto", is
            # caused by a tiny parasite …'): the section, and the headings after it naming none, are about that one
            defined = defining_opening(sentence, named_before)
            named_here = defined if (defined is not None and is_other_disease(defined, section.topic)
                                     and is_other_disease(defined, article_topic)) else None
        if (named_here is None and previous_sentence is not None and starts_line(sentence)
                and is_name_line(previous_sentence, named_just_before)):
            # a paragraph defining the disease a short line of its own just named, a heading that ends like a sentence
            # ('Septic arthritis - the joint to watch.' / 'Septic arthritis is an infection inside a joint. …')
            defined = defining_opening(sentence, named_before)
            named_here = defined if (defined is not None and defined.canonical == named_just_before[0].canonical
                                     and is_other_disease(defined, article_topic)) else None
        named_in_aside = False
        if named_here is None and paragraphs_in_section == 1 and section.topic is None and section.aside_naming_none:
            # 'Could it be hantavirus instead?' / '… Hantavirus is a virus … In the Americas it causes hantavirus pulmonary
            # syndrome (HPS).': the section is about the other disease its opening paragraph names
            others = [disease for disease in named_before if is_other_disease(disease, article_topic)
                      and disease.canonical not in context.disease_classes()]
            # of several, the one a naming cue introduces ('we also think about lymphoma, tuberculosis and a condition
            # called Kikuchi disease')
            doc_text = text_of(sentence.doc)
            named_here = next((disease for disease in others
                               if context.ends_with_naming_cue(doc_text[sentence.start_char:disease.start])),
                              others[0] if others else None)
            named_in_aside = named_here is not None
        if named_here is None and paragraphs_in_section == 1 and not named_before:
            named_here = defined_by_pointer(sentence, named_just_before, topic)
        if (named_here is not None and topic is not None and is_family_of(topic, named_here)
                and opens_with_condition(sentence)):
            named_here = None  # a kind in passing: 'When it happens without an injury it is called a primary spontaneous …'
        if named_here is not None and not (list_item or explains_item):
            # 'This is called acute cholecystitis.': what follows is about it (not an item's: 'Eye damage. … This is called …')
            section.topic = as_topic(named_here, sentence_idx)
            if paragraphs_in_section == 1:
                section.defines_heading_disease(named_here, sentence, sentence_mentions(sentence, mention_at), article_topic,
                                                defining=named_in_aside or defines_opening(sentence, named_before))
            if paragraphs_in_section == 1 and section.inherited_context(named_here):
                # 'THE OTHER ONE: …' / 'If the pain is on the outer side …, it may be iliotibial band syndrome (ITBS).':
                # a new disease's section; the treatment section before it ('HOW DO I GET RID OF IT?') is over
                section.context = section.current_list = None
        about = section.current_list or section.context
        # 'If you have Katayama fever, the doctor may prescribe steroid tablets': what follows is that disease's
        conditioned_on = condition_disease(sentence, mention_at)
        if conditioned_on is not None and continued is None:
            clause_topic = conditioned_on
        for clause in context.clauses(sentence):
            referent_at = opening_of(sentence) if referent is not None and clause.start == sentence.start else None
            subject = (opened_with_pointer(sentence, clause, named_before, mention_at)
                       or referent_after_clause_break(sentence, clause, mention_at) or clause_topic)
            if points_at_treatment_before(sentence, clause, mention_at):
                subject = None  # '… may give iloprost, a medicine that widens blood vessels; it can cause headaches'
            stated = [item for item in relations_in_clause(clause, mention_at, sentence_idx, subject, carried, referent_at)
                      if not (in_harm_list and item.predicate != HAS_SYMPTOM) and not in_help_list]  # 'Triggers include: … medications
            found.extend(stated)
            found.extend(through_complication(stated, about))
            carried = {**carried, **strongest_cues(cue_matches(clause), "sentence")}
            named = named_diseases(clause, mention_at)
            if carried and len(named) == 1:  # 'Lupus is treated with X; Y is another option': Y is about lupus too
                [clause_topic] = named
        matches = cue_matches(sentence)
        if (paragraph_talk is not None and not matches and not starts_line(sentence) and len(found) == found_before
                and talks_only_of(sentence, mention_at, paragraph_talk) and not section.lists_no_treatment
                and not (talk_from_statement and qualifies_statement(sentence))):
            # '[01:16] PRIYA: … The symptoms come on slowly and they're vague. The big one is exhaustion … People
            # also tell me their muscles feel weak …': a paragraph on the symptoms goes on naming them without cues;
            # 'Treatment follows similar lines. Go for wide-fitting footwear …' one on the treatments
            found.extend(list_item_relations(sentence, sentence_idx, paragraph_talk, mention_at, factor=SECTION_FACTOR))
        if INLINE_INTRODUCTION.search(text):  # 'Symptoms include: - feeling breathless' opens a list and starts it
            section.introduce_list(sentence, mention_at, topic)
            if section.current_list is not None:
                found.extend(list_item_relations(sentence, sentence_idx, section.current_list, mention_at,
                                                 after=INLINE_INTRODUCTION.search(text).end() + opening_of(sentence)))
            previous_items = []
        elif text.endswith(":"):
            # '… The first sign is usually a sudden pain in the big toe. Within a few hours:' lists signs too
            # '… to cause cauda equina syndrome. Its warning signs are:' lists the signs of the disease just named
            # '… The bigger worry is noise-induced hearing loss (NIHL) … / The early signs are easy to shrug off:'
            the_one = disease_of_paragraph_before(sentence, diseases_before, topic) if starts_line(sentence) else None
            # 'Myocarditis is usually managed in hospital … If the heart is pumping less well, you may be started on:'
            pointed_at = referent or the_one or paragraph_kind
            section.introduce_list(sentence, mention_at, pointed_at or topic, previous_sentence, paragraph_symptoms,
                                   pointed=pointed_at is not None)
            previous_items = []
        elif ((previous_items or previous) and sentence[0].lower_ in BACK_REFERENCES and list_cues(matches, "clause")
              and not (previous_items and (section.help_list or section.help_section) and not named_before)):
            # (not, naming no disease, after the reasons of a help list: 'Call 999 … if someone:' / 'is drowsy, confused …'
            # / 'This notice is general guidance …'; but '… These may be signs of a stroke.')
            subject, from_topic = list_subject(sentence, mention_at, topic)
            backward = ListContext(list_cues(matches, "clause"), subject, context.is_hedged(sentence), from_topic)
            # the list above, or the sentence just before in the same paragraph ('… or weakness. These symptoms could be a sign of a stroke.')
            for item_idx, item in previous_items or [previous]:
                if not from_topic and HAS_SYMPTOM in backward.cues:
                    # '… or breathlessness. These can be signs of a heart attack.': not the topic's symptoms
                    # (a drug 'first used for diabetes' still treats the topic)
                    kept = [stated for stated in found if not (stated.sentence_idx == item_idx and stated.subject_from_topic
                                                               and stated.predicate == HAS_SYMPTOM)]
                    found_before -= len(found) - len(kept)  # where this sentence's evidence begins, for the next one
                    found = kept
                found.extend(list_item_relations(item, item_idx, backward, mention_at))
            if not explains_item:
                # inside an item's explanation ('Eye damage. … This damage can lead to blindness.') the list goes on
                section.last_list = backward
                section.end_list()
            previous_items = []
        elif explains_item:
            found.extend(section.section_relations(sentence, sentence_idx, mention_at, referent))
        elif section.current_list is not None and not list_item and (
                is_dash_item(sentence) or is_named_long_item(sentence, mention_at)):
            # 'Treatment has to happen quickly:' / 'Surgery – if the enema doesn't work, … Most children …': a long
            # 'Name – what it is' line is an item of the list; the sentences after its first go on explaining it
            found.extend(list_item_relations(sentence, sentence_idx, section.current_list, mention_at, bullet_line=True))
            term_items = True
            previous_items = []
        elif list_item or (section.current_list is not None and not subtype_line and is_term_line(sentence)):
            term_items = not list_item
            # 'DANGER SIGNS IN ANY PATIENT WITH FEVER: REFER OR ADMIT NOW' names reasons to get help, no disease's signs
            if (section.current_list is not None and not subtype_line and not tells_to_get_help(sentence)
                    and not (in_help_list and section.heading_named_none and section.own_context)
                    and not speaks_of_other(conditioned_on, section.current_list)):
                found.extend(list_item_relations(sentence, sentence_idx, section.current_list, mention_at,
                                                 bullet_line=list_item))
            # 'These …' after a term's explanation speaks of the explanation, not of the terms above it
            previous_items = [] if term_items else [*previous_items, (sentence_idx, sentence)]
        else:
            term_items = False
            section.end_list()
            previous_items = []
            found.extend(section.section_relations(sentence, sentence_idx, mention_at, referent or conditioned_on))
        previous = None if list_item else (sentence_idx, sentence)
        if starts_line(sentence) and paragraph_kind is None:
            paragraph_kind = stating_opening(sentence, named_before, found[found_before:], topic)
        sentence_cues = strongest_cues(matches)
        paragraph_symptoms.update((predicate, cue) for predicate, cue in sentence_cues.items() if predicate == HAS_SYMPTOM)
        if not list_item and (announced_kind := announced_predicate(sentence, mention_at, sentence_cues)):
            subject, from_topic = list_subject(sentence, mention_at, topic)
            paragraph_talk = ListContext({announced_kind: sentence_cues[announced_kind]}, subject, context.is_hedged(sentence),
                                         from_topic) if subject else None
            talk_from_statement = False
        elif paragraph_talk is None and not list_item:
            paragraph_talk = symptom_talk(found[found_before:])
            talk_from_statement = paragraph_talk is not None
    found.extend(advised_measures(read_under, found, mention_at))
    found.extend(through_named_disease(found))
    unplaced = coordination.word_set("unplaced_processes.txt")
    return without_subsumed([item for item in found if not (item.predicate == HAS_SYMPTOM and (
        item.object.canonical in unplaced or is_own_symptom(item.subject, item.object)))
        and not (item.predicate == TREATED_BY and is_own_cause(item.subject, item.object))])


NAMED_ITEM_LEAD = re.compile(r"[^,;:.!?()\u2013\u2014]+?\s*[,(]")  # 'Seizures,', 'Weakness of one side of the body ('


def is_named_long_item(sentence: Span, mention_at: MentionIndex) -> bool:
    """A bullet line too long for is_list_item that opens with what it lists, then explains it: 'Seizures, the most
    common neurological problem, affecting … They usually begin …', 'Weakness of one side of the body (hemiparesis),
    which may appear …' (cleaning keeps no bullet; the caller has found the line no list item). The line's first
    words are a mention ending before its first comma or bracket; not 'However, some children …', whose first word
    names nothing."""
    if not starts_line(sentence):
        return False
    start = opening_of(sentence)
    lead = NAMED_ITEM_LEAD.match(text_of(sentence), start - sentence.start_char)
    if lead is None or len(lead.group().split()) > MAX_NAMED_ITEM_LEAD_WORDS:
        return False
    return any(mention.start == start and mention.end <= sentence.start_char + lead.end()
               for mention in sentence_mentions(sentence, mention_at))


MAX_NAMED_ITEM_LEAD_WORDS = 8  # 'Weakness of one side of the body (' names its item; a longer lead is a sentence's


def names_generic_treatment(sentence: Span, mention_at: MentionIndex) -> bool:
    """A heading naming only a treatment too general to be a fact ('Surgery' over 'Carpal tunnel release …';
    data/generic_treatments.txt): it labels the section below, which names the treatment itself."""
    generic = coordination.word_set("generic_treatments.txt")
    return any(mention.canonical in generic for mention in sentence_mentions(sentence, mention_at))


def is_own_symptom(disease: Mention, symptom: Mention) -> bool:
    """'Angina pain', 'migraine pain': a symptom named after its own disease says nothing of it."""
    return symptom.canonical.startswith(disease.canonical + " ") or symptom.text.lower().startswith(disease.text.lower() + " ")


def is_own_cause(disease: Mention, treatment: Mention) -> bool:
    """'Carbon monoxide' for carbon monoxide poisoning: the substance a disease of harm is named after
    (data/harm_heads.txt) causes it, whatever a sentence seems to say ('oxygen clears CO from the blood')."""
    substance, _, head = disease.canonical.rpartition(" ")
    return bool(substance) and head in coordination.word_set("harm_heads.txt") and treatment.canonical == substance


def without_subsumed(found: list[RelationEvidence]) -> list[RelationEvidence]:
    """A bare 'pain' or 'swelling' of a disease whose document also places it ('abdominal pain', 'anal
    swelling'; data/located_heads.txt) adds nothing but a vaguer copy: the placed symptom is the fact."""
    heads = coordination.located_heads()
    placed = {(item.subject.canonical, item.object.canonical.rsplit(" ", 1)[-1]) for item in found
              if item.predicate == HAS_SYMPTOM and not item.negated and " " in item.object.canonical}
    return [item for item in found if not (item.predicate == HAS_SYMPTOM and item.object.canonical in heads
                                           and (item.subject.canonical, item.object.canonical) in placed)]


ALSO = re.compile(r"\balso\b", re.IGNORECASE)
ALSO_CUE = "also"
EXAMPLES_CUE = "examples"
ALSO_STRENGTH = 0.5  # a sentence going on with the symptoms the one before stated: weaker than a cue of its own
MAY_HAPPEN = re.compile(r"^\W*(?:\w+\W+){1,3}?(?:may|might|can|could)\b", re.IGNORECASE)  # 'Your heart may race'


DEFINITE_OPENING = re.compile(r"^\s*the\s", re.IGNORECASE)


IT_AT_END = re.compile(r"\b(?:have|has|had|of|with|get|gets)\s+it\s*:\s*$", re.IGNORECASE)


def disease_of_paragraph_before(sentence: Span, diseases_before: list[Mention], topic: Mention | None) -> Mention | None:
    """The disease a list introduction opening with 'The' ('The early signs are easy to shrug off:') or ending with
    'it' ('Signs that your child might have it:') points back at: the one disease the paragraph before named, where
    that is not the topic (nor of its family) and the introduction names none."""
    if not (DEFINITE_OPENING.match(text_of(sentence)) or IT_AT_END.search(text_of(sentence))):
        return None
    disease = only_disease(diseases_before)
    if disease is None or is_of_topic(disease, topic):
        return None
    return as_topic(disease)


def opened_with_pointer(sentence: Span, clause: Span, named: list[Mention],
                        mention_at: dict[int, Mention]) -> Mention | None:
    """The disease a sentence opens with, for a later clause naming no disease that points back to it
    ('Diabetes is a complication …, but … if you notice signs of it, such as feeling very thirsty';
    data/subject_pointers.txt)."""
    if (clause.start == sentence.start or not named or named[0].start != opening_of(sentence)
            or named_diseases(clause, mention_at) or not context.listed_cues("subject_pointers.txt").search(text_of(clause))):
        return None
    return named[0]


CLAUSE_CONJUNCTION = re.compile(r"^\s*(?:but|and|so|yet)\s+", re.IGNORECASE)


def referent_after_clause_break(sentence: Span, clause: Span, mention_at: dict[int, Mention]) -> Mention | None:
    """The one disease a sentence named before a semicolon, or before a comma and 'but', 'and' or 'so', for the clause
    after it opening with a disease's anaphor ('A rare complication is toxic megacolon, in which the colon rapidly
    widens; it causes severe abdominal pain'; 'Hand, foot and mouth disease causes mouth ulcers too, but it also
    causes a rash')."""
    doc = sentence.doc
    if clause.start == sentence.start or doc[clause.start - 1].text not in (";", ","):
        return None
    opening = text_of(clause)
    if doc[clause.start - 1].text == ",":
        conjunction = CLAUSE_CONJUNCTION.match(opening)
        if conjunction is None:
            return None
        opening = opening[conjunction.end():]
    if not context.disease_anaphors().match(opening.lstrip()):
        return None
    before = named_diseases(doc[sentence.start:clause.start], mention_at)
    return before[-1] if len({disease.canonical for disease in before}) == 1 else None


def continued_statement(sentence: Span, stated_before: list[RelationEvidence], mention_at: dict[int, Mention],
                        found: Sequence[RelationEvidence] = (), paragraph_from: int = 0) -> tuple[RelationEvidence, str] | None:
    """The statement a sentence goes on with: after one disease's symptoms, a sentence saying 'also' or
    where their pain spreads that names symptoms and no disease is about that disease ('Measles usually
    causes a high fever. Your eyes may also be red and sore.'), or speaking of some of the people it affects ('…
    usually have puffy eyes. Some children put on weight …', after a sentence stating none the paragraph's statement),
    with the cue before where it has none of its own (found[paragraph_from:]: the paragraph's evidence so far);
    after one disease's treatments, a sentence giving examples ('Examples include …') or saying 'also' or 'instead'
    (alternative_words.txt) that names treatments and no disease (and, saying 'also', no symptom) is about that
    disease too. Returns the statement and the cue the sentence carries it by ('examples' after an example opener,
    else 'also')."""
    text = text_of(sentence)
    examples = bool(context.listed_cues("example_openers.txt").match(text.lstrip()))
    cue = EXAMPLES_CUE if examples else ALSO_CUE
    if examples or ALSO.search(text) or context.listed_cues("alternative_words.txt").search(text):
        # 'Hepatitis C can now be cured with … direct-acting antivirals. Examples include sofosbuvir …': more of the same;
        # '… CIDP usually responds well to corticosteroids … IVIG and plasma exchange are also used …' (naming no symptom:
        # not 'Steroids can also cause weight gain')
        treatments = [item for item in stated_before if item.predicate == TREATED_BY and not item.negated]
        mentions = sentence_mentions(sentence, mention_at)
        if (len({item.subject.canonical for item in treatments}) == 1 and any(m.entity_type == TREATMENT for m in mentions)
                and not any(m.entity_type == DISEASE or (not examples and m.entity_type == SYMPTOM) for m in mentions)):
            return treatments[0], cue
    statements = [item for item in stated_before if item.predicate == HAS_SYMPTOM and not item.negated]
    # or goes on in the same paragraph saying what may happen: '… feeling dazed. Your heart may race, you might sweat …'
    may_happen = (not starts_line(sentence) and bool(MAY_HAPPEN.match(text))
                  and text.split(maxsplit=1)[0].lower() not in context.conditional_openers())
    # or about some of the people it affects: '… usually have puffy eyes. Some children put on weight …'
    some_people = not starts_line(sentence) and bool(context.listed_cues("people_openers.txt").match(text.lstrip()))
    if some_people and not statements:  # after a sentence stating none ('Their wee may look frothy …'), the paragraph's
        statements = [item for item in found[paragraph_from:] if item.predicate == HAS_SYMPTOM and not item.negated]
    if len({item.subject.canonical for item in statements}) != 1 or not (
            ALSO.search(text) or may_happen or some_people or coordination.spread_anaphor(sentence)):  # 'It can spread to your back.'
        return None
    mentions = sentence_mentions(sentence, mention_at)
    if any(mention.entity_type == DISEASE for mention in mentions) or not any(
            mention.entity_type == SYMPTOM for mention in mentions):
        return None
    return statements[0], cue


TABLE_ROW_STRENGTH = 0.6  # a row pairs its cells without saying how: weaker than a cue
SYMPTOM_LIST_STRENGTH = 0.8  # 'signs', 'symptoms include': a list of symptoms, not of what may help


NAMED_GAP = re.compile(r"\s*(?:(?:a|an|the)\s+)?", re.IGNORECASE)  # between a naming cue and its name


def opening_kind(sentence: Span, diseases: list[Mention], topic: Mention | None) -> Mention | None:
    """The kind of the topic, or of the topic's family, a paragraph opens with or its first sentence names after a
    naming cue, which its later sentences speak of ('Acute bacterial prostatitis comes on over hours … You'll feel
    properly unwell.' under 'Prostatitis: a different beast'; 'Viral meningitis is the more common type … Treatment
    is mainly rest' on a page about bacterial meningitis; '…, the illness is called ocular toxocariasis. It usually
    affects one eye'), also by its number alone ('In type 3, people can also have …')."""
    opening = next((m for m in diseases if m.start == opening_of(sentence)), None)
    if opening is None:  # named by a cue ('If a larva settles in the eye, the illness is called ocular toxocariasis.')
        text = text_of(sentence.doc)
        opening = next((m for m in diseases if context.ends_with_naming_cue(text[sentence.start_char:m.start])), None)
    if opening is None and topic is not None:
        return numbered_kind(sentence, diseases, topic)
    if opening is None or topic is None or opening.canonical == topic.canonical:
        return None
    family = topic.canonical.rsplit(" ", 1)[-1]  # a kind of the topic is a kind of its family too
    return as_topic(opening) if is_kind_name(opening.canonical, family) else None


OPENING_ARTICLES = frozenset({"", "a", "an", "the"})
NUMBERED_KIND = re.compile(r"(?:in\s+(?:people\s+with\s+)?)?type\s+([0-9]|i{1,3}|iv)\b", re.IGNORECASE)


def numbered_kind(sentence: Span, diseases: list[Mention], topic: Mention) -> Mention | None:
    """The numbered kind of the topic a paragraph opens with by its number alone, naming no disease there:
    'In type 3, people can also have difficulty moving their eyes' on a page about Gaucher disease is about
    type 3 Gaucher disease."""
    start = opening_of(sentence)
    found = NUMBERED_KIND.match(text_of(sentence.doc), start)
    if found is None or any(start <= m.start < found.end() + 2 for m in diseases):
        return None
    family = NUMBERED_KIND.sub("", topic.canonical, count=1).strip()  # 'Type 1 is different' on a type 2 diabetes page
    typed = shared_typer().classify(f"type {found.group(1).lower()} {family}", "DISEASE")
    if typed is None or typed.entity_type != DISEASE:
        return None
    return Mention(-1, -1, -1, typed.canonical, DISEASE, typed.canonical, typed.ontology_id)


def stating_opening(sentence: Span, diseases: list[Mention], stated: list[RelationEvidence],
                    topic: Mention | None) -> Mention | None:
    """A disease other than the topic that a paragraph opens with as the subject of a fact its first sentence
    states, which its later sentences speak of: 'A dental abscess, a pocket of pus …, causes an intense, throbbing
    toothache … You may also notice … a swollen gum' on a page about trigeminal neuralgia."""
    start = opening_of(sentence)
    text = text_of(sentence.doc)
    contrasted = contrasted_opening(text, start, diseases)
    if contrasted is not None and topic is not None and contrasted.canonical != topic.canonical:
        return as_topic(contrasted)
    opening = next((m for m in diseases if text[start:m.start].strip().lower() in OPENING_ARTICLES), None)
    if opening is None or topic is None or opening.canonical == topic.canonical:
        return None
    states = any(item.subject.start == opening.start and not item.negated for item in stated)
    return as_topic(opening) if states or is_cue_subject(sentence, opening) else None


MAX_COMPARISON_LEAD_WORDS = 2  # 'Unlike', 'Compared with'


def contrasted_opening(text: str, start: int, diseases: list[Mention]) -> Mention | None:
    """The disease a sentence sets against the one its opening compares: 'Unlike multicentric Castleman disease,
    Kikuchi disease usually settles by itself …' speaks of Kikuchi disease."""
    compared = next((m for m in diseases if m.start >= start), None)
    if (compared is None or len(text[start:compared.start].split()) > MAX_COMPARISON_LEAD_WORDS
            or not is_compared(text, compared.start) or (comma := text.find(",", compared.end)) < 0):
        return None
    return next((m for m in diseases if m.start > comma and text[comma + 1:m.start].strip().lower() in OPENING_ARTICLES),
                None)


CUE_SUBJECT_GAP = re.compile(r"\s*(?:is|are)(?:\s+(?:usually|often|mostly|mainly|normally|generally|sometimes|first))?\s*",
                             re.IGNORECASE)


def is_cue_subject(sentence: Span, disease: Mention) -> bool:
    """Whether a sentence opens with a disease as what a cue says something of, where the sentence names no object
    for the cue: 'Myocarditis is usually managed in hospital at first, with heart monitoring.' opens a paragraph
    on its management."""
    offset = sentence.start_char
    text = text_of(sentence)
    return any(CUE_SUBJECT_GAP.fullmatch(text[disease.end - offset:match.start])
               for match in cue_matches(sentence) if match.start >= disease.end - offset)


CALLED = re.compile(r"^is\b.*\b(?:called|known as)$", re.IGNORECASE)  # a naming cue that may follow a disease's own name


def names_what_is_called(before: str, diseases: list[Mention], cue_start: int) -> bool:
    """Whether what a sentence says 'is called' a disease is a condition, not a disease's variant: 'It' or 'That',
    or a word for a condition and no disease's name ('The infection it causes is called giardiasis')."""
    words = before.lower().split()
    if words[-1:] in (["it"], ["that"]) or not words:
        return True  # 'It is known as …', 'That is called …'
    heads = coordination.word_set("gloss_heads.txt")
    return (any(word.strip(".,;:'\"") in heads for word in words)
            and not any(mention.start < cue_start for mention in diseases))


def condition_named(sentence: Span, diseases: list[Mention]) -> Mention | None:
    """The disease a naming sentence gives the condition just described, right after its cue ('What
    you're describing is postherpetic neuralgia, a complication of shingles'; data/naming_cues.txt)."""
    text = text_of(sentence)
    match = context.naming_cues().search(text)
    if match is None:
        return None
    if CALLED.search(match.group()) and not names_what_is_called(text[:match.start()], diseases, sentence.start_char + match.start()):
        return None  # 'A cluster of boils joined together is called a carbuncle': a variant of the disease named first
    if names_under_condition(text[:match.start()]):
        return None  # '… together with pericarditis, when doctors sometimes call it myopericarditis': a name for a case of it
    for mention in sorted(diseases, key=lambda m: m.start):
        at = mention.start - sentence.start_char
        if at >= match.end() and NAMED_GAP.fullmatch(text[match.end():at]):
            # not 'This is called an autoimmune condition': a class of diseases
            return None if mention.canonical in context.disease_classes() else mention
    return None


def names_under_condition(before: str) -> bool:
    """Whether a condition word ('when', 'if'; data/conditional_openers.txt) governs the naming cue after `before`, in
    its own stretch of the sentence ('…, when doctors sometimes call it', 'When it happens without an injury it is
    called'); not a condition a comma closed before it ('If the pain is on the outer side, it may be ITBS')."""
    words = re.split(r"[,;:]", before)[-1].lower().split()
    return any(word in context.conditional_openers() for word in words)


def only_disease(diseases: list[Mention]) -> Mention | None:
    """The one disease a span names, however often (its latest mention); None where it names none or several."""
    return diseases[-1] if len({mention.canonical for mention in diseases}) == 1 else None


CONCESSIVE_WORDS = frozenset({"although", "though", "but"})  # '…, although it may cause drowsiness'


def points_at_treatment_before(sentence: Span, clause: Span, mention_at: MentionIndex) -> bool:
    """A later clause opening with a pointer at a treatment ('it', 'this medicine') the clauses before it in the
    sentence named, with no disease: what it causes is the treatment's side effect, as in the sentence after one
    naming a drug ('Tetrabenazine can reduce the jerky movements, although it may cause drowsiness')."""
    if clause.start == sentence.start:
        return False
    opening = text_of(clause).lstrip()
    first_word, _, rest = opening.partition(" ")
    if first_word.lower() in CONCESSIVE_WORDS:
        opening = rest.lstrip()  # 'although it …' (not 'while it recovers', the heart's)
    if not context.treatment_anaphors().match(opening):
        return False
    before = sentence_mentions(sentence.doc[sentence.start:clause.start], mention_at)
    return any(m.entity_type == TREATMENT for m in before) and not any(m.entity_type == DISEASE for m in before)


def is_other_disease(disease: Mention, topic: Mention | None) -> bool:
    """A disease the text turns to from its topic: not the topic, its family or a kind of it, nor a class of
    diseases ('an autoimmune condition')."""
    return not is_of_topic(disease, topic) and disease.canonical not in context.disease_classes()


GLOSS = re.compile(r"\s*,\s*(?:a|an)\s+((?:[\w'-]+\s*){1,5})", re.IGNORECASE)  # ', a short-lived disturbance in how


def glossed_disease(sentence: Span, diseases: list[Mention], topic: Mention | None) -> Mention | None:
    """The one disease, not the topic, that a sentence of a section's opening paragraph glosses with what it is
    ('This can cause concussion, a short-lived disturbance in how the brain works.'): the section goes on about
    it (its signs, its treatment), as after a naming sentence."""
    if len({mention.canonical for mention in diseases}) != 1 or not is_other_disease(diseases[0], topic):
        return None
    disease = diseases[0]  # the gloss follows its first mention
    match = GLOSS.match(text_of(sentence)[disease.end - sentence.start_char:])
    heads = coordination.word_set("gloss_heads.txt")
    if match is None or not any(word.lower() in heads for word in match.group(1).split()):
        return None
    return disease


DEFINITION = re.compile(r"\s+(?:is|are)\s+(?:a|an|one|the)\b", re.IGNORECASE)


def defining_opening(sentence: Span, diseases: list[Mention]) -> Mention | None:
    """The disease a sentence opens by defining ('An anal fissure is a small tear …'), if it does."""
    first = opening_disease(sentence, diseases)
    if first is None:
        return None
    after = text_of(sentence)[first.end - sentence.start_char:]
    # 'Exertional compartment syndrome (ECS), also called chronic exertional compartment syndrome, is a different problem'
    after = after[DEFINED_NAME_ASIDE.match(after).end():]
    if DEFINITION.match(after):
        return first
    # or with the word for what it is ('Myocarditis is inflammation of the heart muscle'; data/gloss_heads.txt)
    defined_by = DEFINED_BY_HEAD.match(after)
    if defined_by and defined_by.group(1).lower() in coordination.word_set("gloss_heads.txt"):
        return first
    # or by its cause or what happens ('Cryptosporidiosis, usually shortened to "crypto", is caused by a tiny
    # parasite …', 'A vertebral compression fracture happens when one of the block-shaped bones of the spine …')
    if DEFINED_BY_HOW_IT_ARISES.match(after):
        return first
    # or, for a plural name, by the things they are ('Nasal polyps are soft, painless, teardrop-shaped growths on …')
    return first if DEFINED_AS_THINGS.match(after) else None


DEFINED_AS_THINGS = re.compile(r"\s+are\s+(?:[\w-]+,?\s+){0,4}?[a-z-]{3,}(?<![iu]s)s\s+(?:on|in|of|that|which|where|inside)\b")
DEFINED_BY_HOW_IT_ARISES = re.compile(r"\s+(?:(?:is|are)\s+(?:usually\s+|mostly\s+|mainly\s+)?caused\s+by"
                                      r"|happens\s+when|occurs\s+when|(?:is|are)\s+when)\b", re.IGNORECASE)
DEFINED_BY_HEAD = re.compile(r"\s+(?:is|are)\s+(\w+)\s+(?:of|in|that|which|caused)\b", re.IGNORECASE)


# '(ECS), also called chronic exertional compartment syndrome,'; ', usually shortened to "crypto",'
DEFINED_NAME_ASIDE = re.compile(
    r"(?:\s*\([^()]*\))?(?:\s*,\s*(?:(?:also|sometimes|often|usually)\s+)?(?:called|known\s+as|shortened\s+to)\s[^,]*(?=,))?,?",
    re.IGNORECASE)


POINTED_DEFINITION = re.compile(r"\s*(?:that|this)(?:['\u2019]s|\s+is)\s+(?:(?:a|an|the)\s+)?([\w-]+)", re.IGNORECASE)


def defined_by_pointer(sentence: Span, diseases_before: list[Mention], topic: Mention | None) -> Mention | None:
    """The one disease, not the topic, the sentence before named, which a sentence of a section's opening paragraph
    defines by pointing back at it ('One of our most common weekend calls is pericoronitis. That's infection and
    swelling of the flap of gum …'): the section goes on about it."""
    match = POINTED_DEFINITION.match(text_of(sentence))
    if match is None or match.group(1).lower() not in coordination.word_set("gloss_heads.txt"):
        return None
    disease = only_disease(diseases_before)
    return disease if disease is not None and is_other_disease(disease, topic) else None


NAME_LINE_MAX_WORDS = 8


def is_name_line(sentence: Span, diseases: list[Mention]) -> bool:
    """A short line of its own, no heading by its form, that opens with the one disease it names ('Septic arthritis -
    the joint to watch.')."""
    return (starts_and_ends_line(sentence) and not is_heading(sentence)
            and len(text_of(sentence).split()) <= NAME_LINE_MAX_WORDS
            and len({disease.canonical for disease in diseases}) == 1 and opening_disease(sentence, diseases) is not None)


def defines_opening(sentence: Span, diseases: list[Mention]) -> bool:
    """Whether a sentence opens by defining a disease, by name ('Epididymitis is inflammation of …') or by
    pointing back at it ('This is inflammation of the epididymis …')."""
    return defining_opening(sentence, diseases) is not None or POINTED_DEFINITION.match(text_of(sentence)) is not None


DEMONSTRATIVE_OPENING = re.compile(r"\s*(?:this|that)\s+", re.IGNORECASE)


def defined_disease(sentence: Span, diseases: list[Mention], topic: Mention | None,
                    headed: bool = False) -> Mention | None:
    """The disease, not the topic, that a sentence of a section's opening paragraph opens by defining
    ('Bruxism is the habit of grinding or clenching your teeth …' under 'Do you grind your teeth at night?')
    or by pointing at it as the one just described ('… it tears right through. This Achilles tendon rupture
    is most common in adults …' under 'Not every ankle injury is a sprain'): the section goes on about it,
    as after a naming sentence."""
    defined = defining_opening(sentence, diseases)
    if defined is None and diseases:
        first = min(diseases, key=lambda mention: mention.start)
        opening = text_of(sentence)[:first.start - sentence.start_char]
        defined = first if DEMONSTRATIVE_OPENING.fullmatch(opening) else None
        # or, under a heading (headed), by saying how it is treated: 'Myocarditis is usually managed in hospital at
        # first …' under 'For the heart muscle'
        if defined is None and headed and OPENING_ARTICLE.fullmatch(opening) and is_cue_subject(sentence, first):
            defined = first
    return defined if defined is not None and is_other_disease(defined, topic) else None


def compared_disease_defined(sentence: Span, section: SectionState, diseases: list[Mention]) -> Mention | None:
    """Under a heading setting diseases side by side ('Is it piles or an anal fissure?'), the one a
    sentence opens by defining ('An anal fissure is a small tear …'): what follows is about it."""
    defined = defining_opening(sentence, diseases) if section.compared else None
    return defined if defined is not None and defined.canonical in section.compared else None


OPENING_ARTICLE = re.compile(r"\s*(?:(?:a|an|the)\s+)?", re.IGNORECASE)


def table_row_relations(sentence: Span, sentence_idx: int, mention_at: dict[int, Mention]) -> list[RelationEvidence]:
    """A symptom-checker row ('| Confusion, very fast breathing | Possible sepsis | Call 999 |'): the
    symptoms of its cells belong to the one disease a cell of its own names."""
    mentions = sentence_mentions(sentence, mention_at)
    text, offset = text_of(sentence), sentence.start_char
    diseases = {m.canonical: m for m in mentions if m.entity_type == DISEASE
                and not context.names_condition(text, m.start - offset)}  # '… especially if they are getting dehydrated |'
    if len(diseases) != 1:
        return []  # 'Usually cystitis rather than a kidney infection': no one diagnosis
    [disease] = diseases.values()
    def cell(mention: Mention) -> int:
        return text.count(TABLE_ROW, 0, mention.start - offset)
    disease_cell = cell(disease)
    if any(cell(m) == disease_cell for m in mentions if m.entity_type != DISEASE):
        return []  # 'Pain in your side with a high temperature (kidney infection)': a cell of prose, not a diagnosis
    hedged = context.is_hedged(sentence)
    return [RelationEvidence(subject=disease, predicate=HAS_SYMPTOM, object=m, sentence_idx=sentence_idx,
                             **sentence_evidence(sentence), cue="table row", cue_strength=TABLE_ROW_STRENGTH,
                             negated=disease.negated or m.negated, hedged=hedged) for m in mentions if m.entity_type == SYMPTOM]


def row_cells(sentence: Span) -> list[tuple[int, str]]:
    """(offset in the text, stripped text) of each cell of a table row."""
    text, cells, start = text_of(sentence), [], 0
    for part in text.strip().strip(TABLE_ROW).split(TABLE_ROW):
        start = text.index(part, start)
        cells.append((sentence.start_char + start, part.strip()))
        start += len(part)
    return cells


def table_columns(sentence: Span, mention_at: MentionIndex) -> dict[int, Mention]:
    """The cells of a header row that each name one disease and nothing else, by cell index, where
    there are at least two: '| Symptom | Labyrinthitis | Vestibular neuritis |'. A cell the NER passed
    over counts where it is a name the article gives a disease elsewhere ('| | Kawasaki disease | … |')."""
    mentions = sentence_mentions(sentence, mention_at)
    columns: dict[int, Mention] = {}
    unnamed: dict[int, str] = {}  # cells without a mention, by index: their folded text
    for index, (start, cell) in enumerate(row_cells(sentence)):
        inside = [m for m in mentions if start <= m.start < start + len(cell)]
        if len(inside) == 1 and inside[0].entity_type == DISEASE and len(inside[0].text) >= len(cell) - 1:
            columns[index] = inside[0]
        elif not inside and cell:
            unnamed[index] = term_key(cell)
    if unnamed:
        named_elsewhere = {term_key(m.text): m for m in mention_at.values() if m.entity_type == DISEASE}
        columns.update((index, as_topic(named_elsewhere[key])) for index, key in unnamed.items() if key in named_elsewhere)
    return columns if len(columns) >= 2 else {}


def cued_columns(sentence: Span, mention_at: MentionIndex) -> dict[int, ListContext]:
    """The cells of a header row that announce one disease's symptoms or treatments, by cell index:
    '| | Signs of anaphylaxis |', where no cell names anything else. Not the first cell: a caption row
    ('| How norovirus symptoms compare by age | | |') heads a table whose own header row follows."""
    mentions = sentence_mentions(sentence, mention_at)
    matches = cue_matches(sentence)
    cued: dict[int, ListContext] = {}
    for index, (start, cell) in enumerate(row_cells(sentence)):
        inside = [m for m in mentions if start <= m.start < start + len(cell)]
        offset = start - sentence.start_char
        cues = list_cues([match for match in matches if offset <= match.start < offset + len(cell)], "list")
        if inside and (index == 0 or not (len(inside) == 1 and inside[0].entity_type == DISEASE and cues)):
            return {}
        if inside:
            cued[index] = ListContext(cues, as_topic(inside[0]))
    return cued


def cued_cell_relations(sentence: Span, sentence_idx: int, mention_at: dict[int, Mention],
                        cued: dict[int, ListContext]) -> list[RelationEvidence]:
    """A row under cued header cells: each such column's cell lists what its header announces of its disease."""
    cells = row_cells(sentence)
    return [evidence for index, about in cued.items() if index < len(cells)
            for evidence in column_cell_relations(sentence, sentence_idx, mention_at, cells[index], about.subject, about.cues)]


def table_cell_relations(sentence: Span, sentence_idx: int, mention_at: dict[int, Mention],
                         columns: dict[int, Mention]) -> list[RelationEvidence]:
    """A row of a symptom-by-disease table: its first cell's symptoms for each disease column its
    answer (data/table_answers.tsv) states ('Yes', 'Often') or denies ('No')."""
    cells = row_cells(sentence)
    if not cells:
        return []
    first_start, first = cells[0]
    symptoms = [m for m in sentence_mentions(sentence, mention_at)
                if m.entity_type == SYMPTOM and first_start <= m.start < first_start + len(first)]
    answers = table_answers()
    # what the first cell says the row lists ('| Main treatment | IVIG and aspirin | Antibiotics … |')
    row_cues = strongest_cues([match for match in cue_matches(sentence)
                               if match.start < first_start - sentence.start_char + len(first)])
    found = []
    for index, disease in columns.items():
        if index >= len(cells):
            continue
        # 'Usual, often severe': the answer is the cell's first phrase
        reading = answers.get(re.split(r"[,;(]", cells[index][1])[0].strip().lower().rstrip("."))
        if reading is None:
            found.extend(column_cell_relations(sentence, sentence_idx, mention_at, cells[index], disease, row_cues))
            continue
        found.extend(RelationEvidence(subject=disease, predicate=HAS_SYMPTOM, object=symptom, sentence_idx=sentence_idx,
                                      **sentence_evidence(sentence), cue="table row", cue_strength=TABLE_ROW_STRENGTH,
                                      negated=reading == "negated", hedged=reading == "hedged") for symptom in symptoms)
    return found


def column_cell_relations(sentence: Span, sentence_idx: int, mention_at: dict[int, Mention], cell: tuple[int, str],
                          disease: Mention, row_cues: dict[str, tuple[str, float]]) -> list[RelationEvidence]:
    """A cell of a disease's column that states no answer but names things: in a row its first cell says
    is about symptoms or treatment, the disease's symptoms or treatments ('| Pain | Often little pain |'
    says neither)."""
    start, text = cell
    found = []
    for mention in sentence_mentions(sentence, mention_at):
        if not start <= mention.start < start + len(text):
            continue
        predicate = {SYMPTOM: HAS_SYMPTOM, TREATMENT: TREATED_BY}.get(mention.entity_type)
        if predicate not in row_cues:
            continue
        cue, strength = row_cues[predicate]
        found.append(RelationEvidence(subject=disease, predicate=predicate, object=mention, sentence_idx=sentence_idx,
                                      **sentence_evidence(sentence), cue=cue, cue_strength=min(strength, TABLE_ROW_STRENGTH),
                                      negated=mention.negated, hedged=mention.hedged))
    return found


@lru_cache(maxsize=1)
def table_answers() -> dict[str, str]:
    return {answer.lower(): reading for answer, reading in read_table("table_answers.tsv")}


def through_named_disease(found: list[RelationEvidence]) -> list[RelationEvidence]:
    """A treatment that relieves a symptom named after a disease treats that disease:
    'NSAIDs may help relieve migraine pain' states that NSAIDs treat migraine."""
    typer = shared_typer()
    treats: list[RelationEvidence] = []
    for item in found:
        if item.predicate != RELIEVES:
            continue
        disease = typer.disease_named_in(item.object.text)
        if disease is not None:
            # no offsets of its own (as a topic): those would name the symptom's entity in the tables
            subject = replace(item.object, start=-1, end=-1, entity_type=DISEASE, canonical=disease.canonical,
                              ontology_id=disease.ontology_id)
            treats.append(replace(item, subject=subject, predicate=TREATED_BY, object=item.subject))
    return treats


def advised_measures(read_under: list[tuple[int, Span, Mention | None, bool]], found: list[RelationEvidence],
                     mention_at: dict[int, Mention]) -> list[RelationEvidence]:
    """Non-drug measures an article about a disease recommends without a cue: 'Have a consistent
    schedule, get adequate sleep, and learn … meditation.' in a migraine article treats migraine.

    Only gazetteer measures of ADVICE_KINDS (exercise, yoga, a healthy diet, physical therapy), in a
    clause that names no disease and no symptom (those are for the cue rules: co-occurrence is no
    relation), outside lines about triggers or causes and sentences crediting the page's writers, and with a weak
    strength, so confidence says so.
    Drugs are left out, but for one a clause opens by telling the reader to take ('take ibuprofen for the pain',
    which may name the symptom it is for): an article names them in physiology ('Insulin in the bloodstream gets
    sugar into the cells') and warnings ('if you take triptans for more than nine days a month') as well.
    """
    kinds = shared_typer().treatment_kinds
    related = {item.object.start for item in found if item.predicate == TREATED_BY}
    advised: list[RelationEvidence] = []
    for sentence_idx, sentence, topic, harmful in read_under:
        if topic is None or topic.negated or harmful or not any(
                mention.entity_type == TREATMENT for mention in sentence_mentions(sentence, mention_at)):
            continue
        if context.states_harm(text_of(sentence)) or context.listed_cues("credit_cues.txt").search(text_of(sentence)):
            continue  # nor in a sentence crediting the page's writers ('… reviewed by a physiotherapist.')
        for clause in context.clauses(sentence):
            mentions = sentence_mentions(clause, mention_at)
            told = told_to_take(clause, mentions)
            # a disease the clause compares is not what it speaks of ('… just as important as they are in MND')
            if any(mention.entity_type == DISEASE and not is_compared(text_of(clause), mention.start - clause.start_char)
                   for mention in mentions) or (told is None and any(mention.entity_type == SYMPTOM for mention in mentions)):
                continue
            for mention in mentions:
                if (mention.entity_type == TREATMENT and (kinds.get(mention.canonical) in ADVICE_KINDS or mention is told)
                        and mention.start not in related and not mention.negated
                        and not context.named_as_cause(text_of(clause), mention.start - clause.start_char)):
                    related.add(mention.start)
                    advised.append(RelationEvidence(
                        subject=topic, predicate=TREATED_BY, object=mention, sentence_idx=sentence_idx,
                        **sentence_evidence(sentence), cue="advice in an article about the disease",
                        cue_strength=ADVICE_STRENGTH, hedged=context.is_hedged(clause), subject_from_topic=True))
    return advised


ADVICE_VERB_GAP = 2  # 'take ibuprofen', 'use an emollient', 'try some paracetamol'


def told_to_take(clause: Span, mentions: list[Mention]) -> Mention | None:
    """The treatment a clause opens by telling the reader to take (data/advice_verbs.txt: 'take ibuprofen for the
    pain; …' in a list of what to do for trench foot): advice, a drug's too, as a warning ('if you take triptans for
    more than nine days a month') is not."""
    words = [token for token in clause if not token.is_punct and not token.is_space]
    if not words or words[0].lower_ not in coordination.word_set("advice_verbs.txt"):
        return None
    reach = words[min(len(words) - 1, ADVICE_VERB_GAP)].idx
    return next((mention for mention in mentions
                 if mention.entity_type == TREATMENT and words[0].idx < mention.start <= reach), None)


def through_complication(stated: list[RelationEvidence], about: ListContext | None) -> list[RelationEvidence]:
    """What a complication causes, under a list a complications cue introduced, is that disease's symptom too.

    'Type 2 diabetes … complications … including: / Other nerve damage. … Nerve damage … can cause
    nausea' states nausea of nerve damage, and through it of type 2 diabetes. A complication that is
    a disease of its own (one with an ICD-10-CM code: 'Psoriatic arthritis, which causes joint pain')
    keeps its symptoms to itself.
    """
    if about is None or about.subject is None or HAS_SYMPTOM not in about.cues:
        return []
    if not context.complication_cues().search(about.cues[HAS_SYMPTOM][0]):
        return []  # under 'Symptoms', 'A cough can also be a sign of a chest infection' names another disease
    subject = about.subject
    cue, strength = about.cues[HAS_SYMPTOM]
    return [replace(item, subject=subject, cue=cue, cue_strength=min(item.cue_strength, strength) * LIST_FACTOR,
                    subject_from_topic=about.from_topic)
            for item in stated
            if item.predicate == HAS_SYMPTOM and not item.subject.ontology_id and not is_of_topic(item.subject, subject)]


LINK_BAR, MIN_LINK_BAR_SEPARATORS = " | ", 2
LEADING_SENTENCES = 4  # a page heading stands among the first lines, after a site or blog name
OPENING_SENTENCES = 12  # the first lines of a page, headings among them, that may name what it is about


ANNOUNCING_NOUNS = frozenset({"symptom", "symptoms", "sign", "signs", "treatment", "treatments"})


def announced_predicate(sentence: Span, mention_at: MentionIndex, cues: dict[str, tuple[str, float]]) -> str | None:
    """What a sentence naming symptoms or treatment by that word, and no object of its kind, announces for the rest
    of its paragraph: 'The symptoms come on slowly and they're vague.', 'Treatment follows similar lines.' Not one
    saying what harms or does not help ('Steam treatments are no longer recommended.')."""
    kinds = [predicate for predicate in (HAS_SYMPTOM, TREATED_BY) if predicate in cues]
    if len(kinds) != 1 or cues[kinds[0]][0].lower() not in ANNOUNCING_NOUNS:
        return None
    text = text_of(sentence)
    if context.states_harm(text) or context.states_ineffective(text) or context.states_risk(text):
        return None
    object_type = SIGNATURES[kinds[0]][1]
    return None if any(m.entity_type == object_type for m in sentence_mentions(sentence, mention_at)) else kinds[0]


def symptom_talk(stated: list[RelationEvidence]) -> ListContext | None:
    """What a sentence stating one disease's symptoms, and nothing else, announces for the rest of its paragraph,
    which may go on naming more without a cue: 'Most people first notice getting out of breath … Alongside it there
    is usually a dry, hacking cough …'."""
    symptoms = [item for item in stated if item.predicate == HAS_SYMPTOM and not item.negated]
    if not symptoms or len(symptoms) != len(stated) or len({item.subject.canonical for item in symptoms}) != 1:
        return None
    first = symptoms[0]
    return ListContext({HAS_SYMPTOM: (first.cue, first.cue_strength)}, first.subject, first.hedged, first.subject_from_topic)


FOR_EXAMPLE = re.compile(r"\bfor (?:example|instance)\b", re.IGNORECASE)


def qualifies_statement(sentence: Span) -> bool:
    """A sentence that may not go on with the symptoms stated before it: one naming a condition ('One thing it
    doesn't do on its own is hurt, so if your ear is actually painful, …') or a comparison ('In a rotator cuff tear,
    for example, …')."""
    return any(token.lower_ in context.CONDITION_WORDS for token in sentence) or bool(FOR_EXAMPLE.search(text_of(sentence)))


def talks_only_of(sentence: Span, mention_at: MentionIndex, talk: ListContext) -> bool:
    """A sentence naming only what its paragraph announced (symptoms, or treatments), nothing it could be stating of
    something else: no disease, no treatment among symptoms (whose side effects they may be), no condition ('If you
    have back pain together with …')."""
    [predicate] = talk.cues
    types = {mention.entity_type for mention in sentence_mentions(sentence, mention_at)}
    text = text_of(sentence)
    return (types == {SIGNATURES[predicate][1]} and sentence[0].lower_ not in context.conditional_openers()
            and not (context.states_risk(text) or context.states_harm(text) or context.labels_side_effects(text)))


def leading_heading_topic(doc: Doc, typer: EntityTyper) -> tuple[Mention | None, int]:
    """The disease a heading among the first lines names, when the title is a site's name
    ('Northfield Valley Hospitals NHS Foundation Trust', then 'GALLSTONES'), or the first heading however
    far down a letter's greeting and opening paragraph put it ('Dear Parents, … HAND, FOOT AND MOUTH DISEASE');
    and the sentence from which it is the page's topic: a heading defining it further down ('What is
    Legionnaires' disease?' after a hotel's 'What we have done') makes it the topic from there on only."""
    found = leading_topic_heading(doc, typer)
    if found is None:
        return None, 0
    heading, topic_from = found
    return topic_mention(heading, typer) or title_condition(heading, typer), topic_from


def titled_by_one_disease(doc: Doc, title: str | None, typer: EntityTyper) -> bool:
    """Whether the page's title, or where it names no disease its headline among the first lines
    ('Sickle cell disease: a guide for parents and carers' under a site's 'Accessibility tools'), names one disease."""
    if title and typer.diseases_named_in(title):
        return topic_mention(title, typer) is not None
    for sentence in sentences(doc)[:LEADING_SENTENCES]:
        heading = text_of(sentence)
        if is_heading(sentence) and typer.diseases_named_in(heading) and not is_bare_name(heading, typer):
            return topic_mention(heading, typer) is not None
    return False


def is_bare_name(heading: str, typer: EntityTyper) -> bool:
    """A heading that is a disease's name alone, numbered or glossed ('PART 1: GESTATIONAL DIABETES (GDM)'):
    it opens a part of the page, no headline of it."""
    words = [word for word in TITLE_WORD.findall(PARENTHESES.sub(" ", heading))
             if word.lower() not in PART_WORDS and not word.isdigit()]
    return bool(words) and typer.is_listed_disease(" ".join(words))


def leading_topic_heading(doc: Doc, typer: EntityTyper) -> tuple[str, int] | None:
    """The first heading naming a disease or a condition (title_condition), among the first lines or
    the first one at all (leading_heading_topic); past them, the first heading defining one ('What is
    Legionnaires' disease?' after a hotel's 'What we have done' in a notice titled by the bacteria).
    With the sentence from which it is the page's topic: that later definition's own, else the first."""
    past_leading = False
    for index, sentence in enumerate(sentences(doc)):
        if is_heading(sentence):
            heading = text_of(sentence)
            if past_leading:
                if WHAT_IS_HEADING.match(heading) and topic_mention(heading, typer):
                    return heading, index
                continue
            if (not names_organisation(heading, typer) and not is_aside_heading(heading)
                    and (topic_mention(heading, typer) or title_condition(heading, typer))):
                return heading, 0
            if index >= LEADING_SENTENCES and heading.count(LINK_BAR) < MIN_LINK_BAR_SEPARATORS:
                past_leading = True  # (a bar of links, 'Share: Facebook | X | Email', is no heading of the page's)
    return None


ORGANISATION_NAME = re.compile(r"(?:\b[A-Z][\w'&-]*\s+){1,6}(?P<last>[A-Z][A-Za-z]*)\b")


def names_organisation(heading: str, typer: EntityTyper) -> bool:
    """Whether every disease a heading names stands in an organisation's name, a run of capitalised words
    ending in an organisation word ('Newsletter of the Community Diabetes Foot Protection Service'): a
    masthead, whose disease is the service's, not the page's ('LIVING WITH PERIPHERAL NEUROPATHY' below it)."""
    words = coordination.word_set("organisation_words.txt")
    names = [match for match in ORGANISATION_NAME.finditer(heading) if match.group("last").lower() in words]
    if not names:
        return False
    rest = ORGANISATION_NAME.sub(lambda match: " " if match.group("last").lower() in words else match.group(0), heading)
    return bool(typer.diseases_named_in(heading)) and not typer.diseases_named_in(rest)


def named_kind(topic: Mention | None, mentions: list[Mention], headings: frozenset[int] = frozenset()) -> Mention | None:
    """The article's disease, or the one kind of it the article names DOMINANT_MIN_MENTIONS times and in
    KIND_SHARE of the mentions of either: a 'sleep apnoea' story about obstructive sleep apnoea (OSA) is
    about that, and a forum thread saying 'anaemia' for the iron deficiency anaemia it names is too. A kind
    a heading names (the sentences at `headings`) has a section of its own ('Crusted scabies' in a letter about
    scabies): it needs HEADED_KIND_SHARE."""
    if topic is None:
        return None
    counts = disease_counts(mentions)
    kinds = [canonical for canonical in counts if is_kind_name(canonical, topic.canonical)]
    if len(kinds) != 1:
        return topic
    headed = any(mention.canonical == kinds[0] and mention.sentence_idx in headings for mention in mentions)
    share = HEADED_KIND_SHARE if headed else KIND_SHARE
    if counts[kinds[0]] < max(share * (counts[kinds[0]] + counts[topic.canonical]), DOMINANT_MIN_MENTIONS):
        return topic
    return named_topic(mentions, kinds[0])


def diagnosed_in_opening(doc: Doc, mention_at: MentionIndex) -> Mention | None:
    """The disease the page's opening (its first OPENING_SENTENCES lines, headings among them, then up to the
    next heading) names as the condition a letter or a question describes ('Margaret, what you describe sounds
    very much like trigger finger'): an advice column answers about it, as a blog does about the condition its
    first lines name ('First, what is the TMJ?' … 'we call it temporomandibular joint disorder'), or the one
    the sentence after a heading asking 'What is it?' opens with."""
    asked = False  # the heading before asked what 'it' is ('WHAT IS IT?')
    for index, sentence in enumerate(sentences(doc)):
        if is_heading(sentence):
            if sentence.start > 0 and index >= OPENING_SENTENCES:
                return None
            asked = bool(ASKS_WHAT_IT_IS.fullmatch(text_of(sentence).strip()))
            continue
        diseases = named_diseases(sentence, mention_at)
        named = condition_named(sentence, diseases) or (opening_disease(sentence, diseases) if asked else None)
        if named is not None:
            return as_topic(named)
        asked = False
    return None


ASKS_WHAT_IT_IS = re.compile(r"\W*what(?:\s+is|['\u2019]s)\s+(?:it|this|that)(?:\s+exactly)?\W*", re.IGNORECASE)


@lru_cache(maxsize=1)
def condition_having() -> re.Pattern[str]:
    """What stands between a condition's opening word and the disease it names: 'If you have', 'When your child is
    diagnosed with a'; not 'If the fluid is due to', nor a bare 'If thrush is behind it', which names a cause."""
    persons = "|".join(re.escape(word) for word in sorted(coordination.word_set("person_words.txt"), key=len, reverse=True))
    return re.compile(rf"\W*(?:{'|'.join(sorted(context.conditional_openers()))})\s+(?:(?:your|my|their|his|her|the|a)\s+)?"
                      rf"(?:{persons})\s+(?:(?:already|also|do|does|did)\s+)?(?:have|has|had|get|gets|got|develop|develops|"
                      rf"developed|(?:are|is|were|was|have\s+been|has\s+been)\s+diagnosed\s+with)\s+(?:(?:a|an|the)\s+)?",
                      re.IGNORECASE)


def condition_disease(sentence: Span, mention_at: dict[int, Mention]) -> Mention | None:
    """The disease a condition opening the sentence names, where it names that and nothing else ('If you have
    Katayama fever, …'); not a kind of disease ('If a fungal infection is suspected')
    nor a cause ('If the fluid is due to heart failure')."""
    text = text_of(sentence)
    end = context.opening_condition_end(text, len(text))
    if not end:
        return None
    inside = [mention for mention in sentence_mentions(sentence, mention_at) if mention.end <= sentence.start_char + end]
    if len(inside) != 1 or inside[0].entity_type != DISEASE or inside[0].negated:
        return None
    [disease] = inside
    if disease.canonical in context.disease_classes():
        return None
    return disease if condition_having().fullmatch(text[:disease.start - sentence.start_char]) else None


def opens_with_condition(sentence: Span) -> bool:
    """Whether a sentence opens with a condition word ('When it happens …'; data/conditional_openers.txt)."""
    words = text_of(sentence).split(maxsplit=1)
    return bool(words) and words[0].lower().strip(",") in context.conditional_openers()


def opening_disease(sentence: Span, diseases: list[Mention]) -> Mention | None:
    """The disease a sentence opens with ('Molluscum contagiosum - most people just say "molluscum" - is …'), if one."""
    if not diseases:
        return None
    first = min(diseases, key=lambda mention: mention.start)
    return first if OPENING_ARTICLE.fullmatch(text_of(sentence)[:first.start - sentence.start_char]) else None


def outside_asides(mentions: list[Mention], doc: Doc) -> list[Mention]:
    """The mentions outside the page's asides: a section under a heading that asks how its disease differs from
    another or whether it could be another ('Could it be ehrlichiosis?'; data/difference_cues.txt,
    data/aside_cues.txt) speaks of the other one, which is not what the page is about."""
    asides: list[tuple[int, int]] = []
    aside_from, read_under = None, False  # where the open aside began; whether a line under its heading was read
    for sentence in sentences(doc):
        if not is_heading(sentence):
            read_under = True
            continue
        if aside_from is not None and not read_under:
            continue  # the heading's second sentence ('Could it be something else? Pterygium')
        if aside_from is not None:
            asides.append((aside_from, sentence.start_char))
        aside_from = sentence.start_char if is_aside_heading(text_of(sentence)) else None
        read_under = False
    if aside_from is not None:
        asides.append((aside_from, len(text_of(doc))))
    return [mention for mention in mentions if not any(start <= mention.start < end for start, end in asides)]


def dominant_disease(mentions: list[Mention]) -> Mention | None:
    """The disease an untitled article is about: the one named most, if it has at least
    DOMINANT_SHARE of the disease mentions and DOMINANT_MIN_MENTIONS of them, or leads the others by far."""
    counts = disease_counts(mentions)
    if not counts:
        return None
    [(canonical, count), *rest] = counts.most_common(2)
    runner_up = rest[0][1] if rest else 0
    # or named far more than any other: a podcast on Addison's disease touches on a dozen others once each
    leads = count >= PLURALITY_MIN_MENTIONS and count >= PLURALITY_LEAD * runner_up
    if count < DOMINANT_MIN_MENTIONS or (count < DOMINANT_SHARE * sum(counts.values()) and not leads):
        return None
    return named_topic(mentions, canonical)


def most_named_of_title(title: str, mentions: list[Mention], typer: EntityTyper) -> Mention | None:
    """Of the diseases a title names ("'I thought I was having a stroke': … on Bell's palsy"), the one
    the article names most, where it names it more than any other and at least twice; a kind of it
    counts for it ('bacterial meningitis' for meningitis on a page on meningitis and septicaemia)."""
    # or of the conditions it names ('Hypothermia and frostbite: what every hill-goer should know')
    named = {concept.canonical for concept in typer.diseases_named_in(title) or typer.diseases_named_in(title, True)}
    if len(named) < 2:
        return None
    counts = disease_counts(mentions)
    with_kinds = Counter({canonical: sum(count for name, count in counts.items()
                                         if name == canonical or is_kind_name(name, canonical)) for canonical in named})
    ranked = [(canonical, count) for canonical, count in with_kinds.most_common() if count]
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]) or not counts[ranked[0][0]]:
        return None
    return named_topic(mentions, ranked[0][0])


def disease_counts(mentions: list[Mention]) -> Counter[str]:
    """How often the article names each disease (not negated; not a class of diseases, 'a bacterial infection')."""
    classes = context.disease_classes()
    return Counter(mention.canonical for mention in mentions
                   if mention.entity_type == DISEASE and not mention.negated and mention.canonical not in classes)


def named_topic(mentions: list[Mention], canonical: str) -> Mention:
    """The article's first mention of a disease, as its topic."""
    return as_topic(next(mention for mention in mentions
                         if mention.canonical == canonical and mention.entity_type == DISEASE))


def referent_disease(sentence: Span, before: list[Mention], mention_at: dict[int, Mention],
                     previous: Span | None = None) -> Mention | None:
    """The disease a sentence opening with 'This condition', 'It' or 'This type of arthritis' speaks of:
    the one the sentence before named, the one it opened with ('Thyroid storm is a worsening of
    thyrotoxicosis. It causes …'), or the one of those that belongs to the family it names. A sentence
    opening with a word for episodes ('Attacks are treated by …') speaks of the disease the one before opened with."""
    if previous is not None:  # 'The exception is cellulitis, a bacterial skin infection …' names one disease
        previous_text = text_of(previous)
        before = without_appositions(before, previous_text, previous.start_char)
        spoken_of = [disease for disease in before
                     if not picks_out_or_compares(previous_text, disease.start - previous.start_char)]
        before = spoken_of or before  # 'Unlike G6PD deficiency, … hereditary spherocytosis tends to …': the second
    if not before:
        return None
    # opened with it, after an article perhaps ('A shortage of B12 can cause … It can also cause:')
    opened_before = previous is not None and opening_disease(previous, before[:1]) is not None
    if context.opens_with_episodes(text_of(sentence)):
        # 'Pseudogout doesn't respond to allopurinol. Attacks are treated by …'; not the flares of the
        # topic after a sentence that names another disease in passing ('… linked with thyroid disease.')
        return before[0] if opened_before else None
    if context.last_named_anaphors().match(text_of(sentence).lstrip()):
        return before[-1]
    if not context.disease_anaphors().match(text_of(sentence).lstrip()):
        return head_word_referent(sentence, before, mention_at)
    if IT_IS.match(text_of(sentence).lstrip()) and len({disease.canonical for disease in before}) > 1:
        return None  # 'Thrush creams won't work for BV … It's treated with antibiotics': 'it's' may well mean either
    if previous is not None and not opened_before and context.disease_anaphors().match(text_of(previous).lstrip()):
        return None  # 'It happens … during chemotherapy for leukaemia. It causes fever …': 'It' goes on meaning the same
    if len(before) == 1 or opened_before:
        return before[0]
    families = named_diseases(sentence, mention_at)
    members = [disease for disease in before if any(is_family_of(family, disease) for family in families)]
    return members[0] if len(members) == 1 else None


def goes_on_with_anaphor(sentence: Span, previous: Span | None) -> bool:
    """Whether a sentence of a paragraph opens with 'It' (a disease's anaphor) after one that did: it goes on
    meaning the same."""
    anaphors = context.disease_anaphors()
    return (previous is not None and not starts_line(sentence) and bool(anaphors.match(text_of(sentence).lstrip()))
            and bool(anaphors.match(text_of(previous).lstrip())))


GROUP_CLAUSE_WORDS = 5  # 'who already have lung disease, such as emphysema': how far such a clause reaches


def picks_out_or_compares(text: str, start: int) -> bool:
    """Whether the disease at start is one a sentence compares ('Unlike G6PD deficiency, …') or picks its people
    out by ('People who already have lung disease, such as emphysema, can develop …'; data/group_clauses.txt):
    no disease a next sentence's 'It' speaks of."""
    return is_compared(text, start) or context.cue_shortly_before(text, start, "group_clauses.txt",
                                                                   within_words=GROUP_CLAUSE_WORDS)


HEAD_ARTICLES = frozenset({"a", "an", "the", "this", "that"})


def head_word_referent(sentence: Span, before: list[Mention], mention_at: dict[int, Mention]) -> Mention | None:
    """The disease the sentence before named, in a sentence naming none that calls it by its head word: '… it can
    tip over into an adrenal crisis. In a crisis people get severe vomiting …'. Not a head that names a symptom
    too ('scarlet fever' … 'a fever'), nor a word inside one of the sentence's mentions."""
    heads = {disease.canonical.rsplit(" ", 1)[-1]: disease for disease in before if " " in disease.canonical}
    called = [token for token in sentence[1:] if token.lower_ in heads and sentence.doc[token.i - 1].lower_ in HEAD_ARTICLES]
    if not called or named_diseases(sentence, mention_at):  # most sentences: decided without reading their mentions
        return None
    mentions = sentence_mentions(sentence, mention_at)
    typer = shared_typer()
    for token in called:
        if (not any(mention.start <= token.idx < mention.end for mention in mentions)
                and ((typed := typer.classify(token.text, "DISEASE")) is None or typed.entity_type == DISEASE)):
            return heads[token.lower_]
    return None


TITLE_WORD = re.compile(r"[\w']+")  # a title's words, without its colons and dashes


def padded_title_words(title: str) -> str:
    """A title's folded words, without its colons and dashes, space-padded to find whole names in it."""
    return f" {' '.join(TITLE_WORD.findall(term_key(title)))} "


def body_disease_of_title(title: str, mentions: list[Mention]) -> Mention | None:
    """The one disease the article's NER found that its title names, where the vocabularies list no name
    in the title ('Kawasaki disease: the rare childhood illness …', ICD-10-CM's 'Mucocutaneous lymph
    node syndrome [Kawasaki]'); a name inside a longer named one counts for that one."""
    padded = padded_title_words(title)
    named = {mention.canonical for mention in mentions if mention.entity_type == DISEASE and not mention.negated
             and len(key := term_key(mention.text)) > 2 and f" {key} " in padded}
    longest = {canonical for canonical in named if not any(canonical != other and canonical in other for other in named)}
    return named_topic(mentions, next(iter(longest))) if len(longest) == 1 else None


def kind_written_in_title(topic: Mention | None, title: str, mentions: list[Mention]) -> Mention | None:
    """The kind of the title's disease that the title writes in full and the article's NER names ('AL amyloidosis:
    a guide for patients', where the vocabularies know only 'amyloidosis'): the page is about that kind."""
    if topic is None:
        return None
    padded = padded_title_words(title)
    kinds = {mention.canonical for mention in mentions if mention.entity_type == DISEASE and not mention.negated
             and is_kind_name(mention.canonical, topic.canonical) and f" {term_key(mention.text)} " in padded}
    return named_topic(mentions, next(iter(kinds))) if len(kinds) == 1 else topic


def title_condition(title: str, typer: EntityTyper) -> Mention | None:
    """The disease of a page titled by a condition the vocabularies list both as a symptom and as a
    disease ('Depression', 'Insomnia: what helps'), where the title names no disease: the page is
    about the disease, not about a symptom of another."""
    if typer.diseases_named_in(title):
        return None
    conditions = {concept.ontology_id: concept for concept in typer.diseases_named_in(title, symptom_diseases=True)}
    if len(conditions) != 1:
        return None
    [concept] = conditions.values()
    return as_topic_concept(concept)


def leading_title_condition(title: str, typer: EntityTyper) -> Mention | None:
    """The condition a title names first, before a disease it also names, where the ontologies list it as a symptom
    ('Nosebleeds: what to do, and the nasal polyps question'): the page is about it first."""
    leading = leading_condition(typer.diseases_named_in(title, symptom_diseases=True),
                                {concept.canonical for concept in typer.diseases_named_in(title)})
    return as_topic_concept(leading) if leading is not None else None


def leading_condition(named: Sequence[TypedConcept], diseases: AbstractSet[str]) -> TypedConcept | None:
    """Of the conditions a title names (symptoms' conditions included), the first, where it is none of the diseases
    it names but the title names one."""
    return named[0] if named and diseases and named[0].canonical not in diseases else None


def page_conditions(doc: Doc, title: str | None, typer: EntityTyper, topic_from_mentions: bool = True) -> list[Mention]:
    """The conditions a page is about (title_condition) by its title, or where the title names no disease
    (a clinic's name), by its leading heading ('Q. What actually is acne?'); a title may name two
    ('Hypothermia and frostbite: what every hill-goer should know'). Beside a disease the title names, a
    condition only where a heading asks what it is ('Sleep and night shifts: insomnia and shift work sleep
    disorder' … 'What is insomnia?'), not the symptom a title pairs with its disease ('Multiple sclerosis and
    depression')."""
    if title:
        title_named = typer.diseases_named_in(title, symptom_diseases=True)
        named = {concept.canonical: concept for concept in title_named}
        suggested = suggested_by_heading(doc, typer)
        named.update((concept.canonical, concept) for concept in suggested)
        if diseases := {concept.canonical for concept in typer.diseases_named_in(title)}:
            beside = [concept for name, concept in named.items() if name not in diseases]
            # the headings are read only where there is one
            asked = defined_by_heading(doc) | {concept.canonical for concept in suggested} if beside else set()
            leading = leading_condition(title_named, diseases)
            return [as_topic_concept(concept) for concept in beside
                    if concept.canonical in asked or (leading is not None and concept.canonical == leading.canonical)]
        if named:
            return [as_topic_concept(concept) for concept in named.values()]
    if not topic_from_mentions:
        return []
    found = leading_topic_heading(doc, typer)
    condition = title_condition(found[0], typer) if found else None
    return [condition] if condition is not None else []


WHAT_IS_HEADING = re.compile(r"^\s*(?:[A-Za-z][\w' -]{0,30}:\s+)?what\s+(?:is|are)\s+(?:an?\s+|the\s+)?(?P<name>[^?]+?)\s*\?\s*$", re.IGNORECASE)


def defined_by_heading(doc: Doc) -> set[str]:
    """The canonical names of the conditions the page's headings ask about ('What is insomnia?'), as disease forms."""
    typer = shared_typer()
    asked: set[str] = set()
    for sentence in sentences(doc):
        match = WHAT_IS_HEADING.match(text_of(sentence)) if is_heading(sentence) else None
        if match is not None:
            asked.update(concept.canonical for concept in typer.diseases_named_in(match.group("name"), symptom_diseases=True))
    return asked


SUGGESTING_HEADING = re.compile(r"^\s*(?:could|might|can)\s+it\s+be\s+(?:an?\s+|the\s+)?(?P<name>[^?]+?)(?:\s+instead)?"
                                r"\s*\?\s*$", re.IGNORECASE)


def suggested_by_heading(doc: Doc, typer: EntityTyper) -> list[TypedConcept]:
    """The conditions the ontologies list as symptoms that a heading suggests the page's reader may have instead and
    the sentence after it defines ('Could it be colic instead?' / 'Colic is the name for frequent, long bouts of
    intense crying …'): the disease forms, as on a page about them."""
    found: list[TypedConcept] = []
    all_sentences = sentences(doc)
    for index, sentence in enumerate(all_sentences[:-1]):
        match = SUGGESTING_HEADING.match(text_of(sentence)) if is_heading(sentence) else None
        concepts = typer.diseases_named_in(match.group("name"), symptom_diseases=True) if match is not None else ()
        if len(concepts) != 1 or typer.diseases_named_in(match.group("name")):
            continue
        following = text_of(all_sentences[index + 1])
        named_first = re.match(rf"\s*{re.escape(match.group('name'))}\b", following, re.IGNORECASE)
        if named_first is not None and DEFINITION.match(following[named_first.end():]):
            found.append(concepts[0])
    return found


def as_topic_concept(concept: TypedConcept) -> Mention:
    """A typed concept a title or heading names, as a topic mention without offsets."""
    return Mention(sentence_idx=-1, start=-1, end=-1, text=concept.canonical, entity_type=DISEASE,
                   canonical=concept.canonical, ontology_id=concept.ontology_id)


def about_title_condition(mentions: list[Mention], doc: Doc, title: str | None,
                          topic_from_mentions: bool = True) -> list[Mention]:
    """On a page about such a condition (page_condition) its mentions name the disease ('Depression
    is treatable'); elsewhere they stay symptoms ('MS can cause depression')."""
    typer = shared_typer()
    conditions = {condition.canonical: condition for condition in page_conditions(doc, title, typer, topic_from_mentions)}
    if not conditions:
        return mentions
    return [replace(mention, entity_type=DISEASE, canonical=condition.canonical, ontology_id=condition.ontology_id)
            if mention.entity_type == SYMPTOM and term_key(mention.text) not in typer.synonyms  # 'low mood' is still a symptom
            and (condition := conditions.get(mention.canonical) or conditions.get(disease_name_of(mention, typer))) is not None
            else mention for mention in mentions]


def disease_name_of(mention: Mention, typer: EntityTyper) -> str:
    """The name a symptom's mention has as a disease ('acne vulgaris' for 'acne'), or ''."""
    form = typer.disease_form(TypedConcept(mention.entity_type, mention.canonical, mention.ontology_id))
    return form.canonical if form is not None else ""


def as_placed_forms(mentions: list[Mention], title: str | None, typer: EntityTyper) -> list[Mention]:
    """A bare disease name is the one placed form of it the page named first: 'oral thrush
    (candidiasis)' … 'Thrush shows up as creamy white patches' (the writer shortened the name).
    Not where the bare name is the page's title, nor where the page names several forms
    ('scalp psoriasis', 'nail psoriasis')."""
    first = {}
    for mention in mentions:
        if mention.entity_type == DISEASE:
            first.setdefault(mention.canonical, mention)
    title_words = f" {term_key(title)} " if title else ""
    placed: dict[str, Mention] = {}
    for bare, bare_first in first.items():
        forms = [name for name, mention in first.items() if mention.start < bare_first.start
                 and name.endswith(" " + bare) and is_site(name[:-len(bare) - 1], typer)]
        if len(forms) == 1 and f" {bare} " not in title_words:
            placed[bare] = first[forms[0]]
    return [replace(mention, canonical=placed[mention.canonical].canonical, ontology_id=placed[mention.canonical].ontology_id)
            if mention.entity_type == DISEASE and mention.canonical in placed else mention for mention in mentions]


def as_shortened_names(mentions: list[Mention], typer: EntityTyper) -> list[Mention]:
    """A symptom's name that ends the name of one disease the page named before it is that disease,
    shortened: 'aneurysms' after 'coronary artery aneurysm', 'the hernia' after 'hiatus hernia'. Not a
    symptom head ('cough' after 'whooping cough' is the disease's symptom), nor a name ICD-10-CM codes as a
    condition of its own ('anxiety' after 'anticipatory anxiety', 'vertigo' after 'positional vertigo'). So is
    a disease's word ICD-10-CM does not code ('an abscess' after 'a dental abscess')."""
    first: dict[str, Mention] = {}
    shortened: list[Mention] = []
    for mention in mentions:
        if mention.entity_type == DISEASE and (mention.ontology_id or " " in mention.canonical):
            first.setdefault(mention.canonical, mention)
        elif mention.entity_type in (DISEASE, SYMPTOM) and may_be_shortened(mention.canonical, typer):
            forms = {mention.canonical, mention.canonical[:-1] if mention.canonical.endswith("as") else mention.canonical}
            longer = [disease for name, disease in first.items() if any(name.endswith(" " + form) for form in forms)]
            if len(longer) == 1:
                mention = replace(mention, entity_type=DISEASE, canonical=longer[0].canonical, ontology_id=longer[0].ontology_id)
        shortened.append(mention)
    return named_shortly_after(shortened, typer)


SHORTENED_AHEAD_CHARS = 400  # how far after a shortened name ('Fissure or fistula?') the disease it shortens may be named


def named_shortly_after(mentions: list[Mention], typer: EntityTyper) -> list[Mention]:
    """A disease's name shortened before the page names it in full shortly after ('Fissure or fistula?' as a heading,
    then 'An anal fistula is a small tunnel …'): that disease, where one disease of that ending is named there."""
    resolved: list[Mention] = []
    for index, mention in enumerate(mentions):
        if mention.entity_type == DISEASE and " " not in mention.canonical and may_be_shortened(mention.canonical, typer):
            forms = {mention.canonical, mention.canonical[:-1] if mention.canonical.endswith("s") else mention.canonical}
            ahead = takewhile(lambda later: later.start - mention.end <= SHORTENED_AHEAD_CHARS, mentions[index + 1:])
            longer = {later.canonical: later for later in ahead
                      if later.entity_type == DISEASE and any(later.canonical.endswith(" " + form) for form in forms)}
            if len(longer) == 1:
                [disease] = longer.values()
                mention = replace(mention, canonical=disease.canonical, ontology_id=disease.ontology_id)
        resolved.append(mention)
    return resolved


def may_be_shortened(name: str, typer: EntityTyper) -> bool:
    """A name that may stand for a disease it ends: no symptom head, no condition ICD-10-CM codes, and no
    disease's own word ('tonsillitis' after 'viral tonsillitis' is the page's disease, of which that is a kind)."""
    return name not in typer.symptom_heads and not typer.has_disease_ending(name) and not any(
        concept.ontology_id.startswith("ICD10CM:") for concept in typer.vocabulary.get(name, ()))


def as_glossed_name(mentions: list[Mention], title: str | None, typer: EntityTyper) -> list[Mention]:
    """A page titled with two names for its disease ('Stomach ulcers (peptic ulcers)') uses both: its
    mentions of the one name_gloss folds are the other, as the title's topic is."""
    glossed = name_gloss(title, typer) if title else None
    if glossed is None:
        return mentions
    name, gloss = glossed
    return [replace(mention, canonical=gloss.canonical, ontology_id=gloss.ontology_id)
            if mention.entity_type == DISEASE and mention.canonical == name.canonical else mention for mention in mentions]


KIND_OF_BEFORE = re.compile(r"\b(?:type|form|kind|sort)s?\s+of\s+$", re.IGNORECASE)  # '… type of psoriasis, known as plaque psoriasis'
KIND_OF_CHARS = 20
ALIAS_GAP = re.compile(r"\s*[,(]?\s*(?P<cue>[\w\s]+?)\s+(?:an?\s+|the\s+)?")


def neighbours(mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """Each mention with the one right after it in the text: the pairs a gap between them may join."""
    ordered = sorted(mentions, key=lambda mention: mention.start)
    return list(zip(ordered, ordered[1:]))


def as_named_aliases(mentions: list[Mention], text: str) -> list[Mention]:
    """A disease's other name given right after it ('Glue ear, known to doctors as otitis media with effusion
    (OME)'; data/alias_cues.txt), or a disease alone in brackets right after it ('hypersensitivity pneumonitis
    (farmer's lung)'), is that disease wherever the page uses it, however the vocabularies file it:
    'Many children with OME …' speaks of glue ear, and OME is no symptom of it. Not a kind of it ('the most
    common type of psoriasis, known as plaque psoriasis'), nor a member of a class ('an autoimmune disease known as
    lupus'); a description's name is the description's disease ('a milder illness known as West Nile fever')."""
    cues = {cue.lower() for cue in read_list("alias_cues.txt")}
    aliases: dict[str, Mention] = {}
    for name, other in neighbours(mentions):
        gap = ALIAS_GAP.fullmatch(text[name.end:other.start])
        cued = gap is not None and " ".join(gap.group("cue").lower().split()) in cues
        if (name.entity_type == DISEASE and other.entity_type in (DISEASE, SYMPTOM)
                and (cued or other.entity_type == DISEASE and is_bracketed_alone(text, name, other))
                and name.canonical not in other.canonical
                and not KIND_OF_BEFORE.search(text[max(0, name.start - KIND_OF_CHARS):name.start])):
            if other.entity_type == DISEASE and name.canonical in context.disease_classes():
                continue  # 'an autoimmune disease known as lupus': a kind of it
            if other.entity_type == DISEASE and is_described_illness(name) and is_proper_name(other):
                aliases.setdefault(name.canonical, other)  # 'a milder illness known as West Nile fever': its name
            else:
                aliases.setdefault(other.canonical, name)
    return [replace(mention, canonical=(named := aliases[mention.canonical]).canonical, ontology_id=named.ontology_id,
                    entity_type=DISEASE) if mention.canonical in aliases else mention for mention in mentions]


def is_described_illness(mention: Mention) -> bool:
    """Whether a disease mention describes rather than names one: an uncoded illness a few words describe
    ('a milder illness', 'a rare genetic disorder'); what a page goes on to call it is its name."""
    words = mention.canonical.split(" ")
    return (not mention.ontology_id and len(words) <= DESCRIBED_MAX_WORDS
            and words[-1] in coordination.word_set("disease_nouns.txt"))


def is_proper_name(mention: Mention) -> bool:
    """A disease name an ontology codes or a page capitalises ('West Nile fever'), not a description of one."""
    return bool(mention.ontology_id) or mention.text[:1].isupper()


DESCRIBED_MAX_WORDS = 3


def is_bracketed_alone(text: str, name: Mention, other: Mention) -> bool:
    """Whether a mention stands alone in brackets right after another: 'hypersensitivity pneumonitis (farmer's
    lung)', a disease's other name."""
    return BRACKET_GAP.fullmatch(text[name.end:other.start]) is not None and text[other.end:other.end + 2].lstrip()[:1] == ")"


@lru_cache(maxsize=1)
def nickname_gap() -> re.Pattern[str]:
    """The words between symptoms and a name a page gives them: ', sometimes called “desert ' (up to two words of
    the name before the disease found in it)."""
    cues = context.listed_cues("alias_cues.txt").pattern
    return re.compile(rf"\s*[,(]?\s*{cues}\s+[\"'\u201c\u2018]?(?:[\w-]+\s+){{0,2}}", re.IGNORECASE)


def without_symptom_nicknames(mentions: list[Mention], text: str) -> list[Mention]:
    """A disease's name a page gives symptoms right after them ('muscle or joint aches, sometimes called “desert
    rheumatism”'; data/alias_cues.txt) is their nickname, no disease of the page: nothing is a symptom of it."""
    nicknames = {id(other) for name, other in neighbours(mentions)
                 if name.entity_type == SYMPTOM and other.entity_type == DISEASE
                 and nickname_gap().fullmatch(text[name.end:other.start])}
    return [mention for mention in mentions if id(mention) not in nicknames]


BRACKET_GAP = re.compile(r"\s*\(\s*")  # 'fits (seizures)': a bracket right after a symptom
KIND_GLOSS_GAP = re.compile(r"[^().;:]{0,30}\(\s*")  # 'a whooshing sound in one ear (pulsatile tinnitus)': a few words on
PHENOTYPE_PREFIX = "HP:"


def as_bracketed_names(mentions: list[Mention], text: str) -> list[Mention]:
    """A symptom the page glosses right after it with another one in brackets, alone there ('fits (seizures)'), is one
    symptom: the bracketed phenotype's, where only it has a phenotype code (a lay word's ICD-10-CM code is not one).
    So is one a bracket a few words on names the kind of ('a pulsing, whooshing sound in one ear (pulsatile
    tinnitus)', where the sound is tinnitus)."""
    glossed: dict[int, Mention] = {}
    for word, gloss in neighbours(mentions):
        if not (word.entity_type == SYMPTOM and gloss.entity_type == SYMPTOM and word.canonical != gloss.canonical
                and text[gloss.end:gloss.end + 1] == ")"):
            continue
        gap = text[word.end:gloss.start]
        if ((BRACKET_GAP.fullmatch(gap) and gloss.ontology_id.startswith(PHENOTYPE_PREFIX)
                and not word.ontology_id.startswith(PHENOTYPE_PREFIX))
                or (KIND_GLOSS_GAP.fullmatch(gap) and gloss.canonical.endswith(" " + word.canonical))):
            glossed[id(word)] = gloss
    return [replace(mention, canonical=glossed[id(mention)].canonical, ontology_id=glossed[id(mention)].ontology_id)
            if id(mention) in glossed else mention for mention in mentions]


@lru_cache(maxsize=1)
def described_gap() -> re.Pattern[str]:
    """The words between a described treatment and the name a page then gives it: ' in a procedure called '."""
    nouns = "|".join(map(re.escape, read_list("naming_nouns.txt")))
    return re.compile(rf"\s*,?\s*(?:(?:in|with|using|by|through)\s+)?(?:a|an|the)\s+(?:[\w-]+\s+)?(?:{nouns})\s+"
                      rf"(?:called|known\s+as|named)\s+(?:(?:a|an|the)\s+)?", re.IGNORECASE)


PROCEDURE_KIND = "procedure"  # data/treatments.tsv's kind of an operation or a drainage


def without_described_treatments(mentions: list[Mention], text: str) -> list[Mention]:
    """A treatment a page describes and then names ('it may be drained with a needle in a procedure called
    pericardiocentesis'; data/naming_nouns.txt) is the named one: the description is no second treatment. So is a
    procedure a bracket right after it names, alone there ('washing it out during keyhole surgery (arthroscopy)')."""
    kinds = shared_typer().treatment_kinds
    described = {id(first) for first, named in neighbours(mentions)
                 if first.entity_type == TREATMENT and named.entity_type == TREATMENT
                 and (described_gap().fullmatch(text[first.end:named.start])
                      or (BRACKET_GAP.fullmatch(text[first.end:named.start]) and text[named.end:named.end + 1] == ")"
                          and first.canonical != named.canonical
                          and kinds.get(first.canonical) == kinds.get(named.canonical) == PROCEDURE_KIND))}
    return [mention for mention in mentions if id(mention) not in described]


def is_site(word: str, typer: EntityTyper) -> bool:
    """A word that places a disease at a body site: 'vaginal', 'scalp', 'oral' (site_adjectives.txt)."""
    return word in typer.body_part_names or word in coordination.word_set("site_adjectives.txt")


def document_facts(doc_id: str, doc: Doc, title: str | None = None, topic_from_mentions: bool = True) -> DocumentFacts:
    """Mentions and relation evidence of one processed document, as plain records.

    Chemicals count as treatments only where a relation uses them or the treatment gazetteer lists
    them, so 'uric acid' in a gout article does not become a therapy.
    """
    typer = shared_typer()
    title = with_page_long_forms(title, doc._.abbreviation_map)
    short_forms = title_short_forms(title, typer) if title else {}
    mentions = with_title_short_forms(with_title_disease(mentions_of(doc), doc, title, typer), doc, short_forms)
    mentions = about_title_condition(mentions, doc, title, topic_from_mentions)
    mentions = as_shortened_names(as_placed_forms(as_glossed_name(mentions, title, typer), title, typer), typer)
    mentions = without_described_treatments(as_named_aliases(without_symptom_nicknames(mentions, text_of(doc)),
                                                             text_of(doc)), text_of(doc))
    mentions = as_bracketed_names(mentions, text_of(doc))
    relations = extract_relations(doc, mentions, title, topic_from_mentions)
    used = {item.object.start for item in relations} | {item.subject.start for item in relations}
    kept = [m for m in mentions if m.entity_type != TREATMENT or m.start in used
            or typer.canonical_key(m.text) in typer.treatment_aliases or typer.looks_like_drug(term_key(m.text))]
    defined = {short: typed.canonical for short, typed in short_forms.items()}
    return DocumentFacts(doc_id=doc_id, text=text_of(doc), mentions=kept, relations=relations,
                         abbreviations={**defined, **(doc._.abbreviation_map or {})})


def facts_for_batch(doc_ids: list[str], docs: list[Doc | ChunkedText | Exception],
                    titles: list[str | None] | None = None,
                    breadcrumbs: list[str | None] | None = None) -> list[DocumentFacts | Exception]:
    """document_facts for each annotated Doc; failures (from NER or here) stay per document.

    A ChunkedText (a text too long for one Doc, see ner.annotate) is annotated here, chunk by chunk.
    Each Doc is released (ner.release) once it is read. A page's title is its breadcrumb's last label where
    that names a disease and the title names none (page_title).
    """
    results: list[DocumentFacts | Exception] = []
    for doc_id, doc, title, breadcrumb in zip(doc_ids, docs, titles or [None] * len(doc_ids),
                                              breadcrumbs or [None] * len(doc_ids)):
        if isinstance(doc, Exception):
            results.append(doc)
            continue
        try:
            title = page_title(title, breadcrumb, shared_typer())
            if isinstance(doc, ChunkedText):
                results.append(chunked_document_facts(doc_id, doc, title))
            else:
                results.append(document_facts(doc_id, doc, title))
        except Exception as error:
            results.append(error)
        finally:
            if isinstance(doc, Doc):
                release(doc)
    return results


def page_title(title: str | None, breadcrumb: str | None, typer: EntityTyper) -> str | None:
    """The title to read a page's topic from: its own, or, where that names no disease (a site's name: 'FIELDLINE
    MEDICAL RELIEF'), the last label of its breadcrumb trail when that names one ('Home > … > Epidemic typhus')."""
    if breadcrumb and not (title and typer.diseases_named_in(title)) and typer.diseases_named_in(breadcrumb):
        return breadcrumb
    return title


def chunked_document_facts(doc_id: str, chunked: ChunkedText, title: str | None = None) -> DocumentFacts:
    """document_facts of a text annotated in chunks, with offsets and sentence indexes in the full text.

    Each chunk's Doc is turned into records and dropped before the next chunk is annotated. What a
    chunk cannot see is lost at its edges: an abbreviation defined in an earlier chunk, a section
    heading's topic, the disease an untitled text names most (a chunk's own count would differ from
    the whole text's, so chunks take no topic from their mentions). Chunks end at paragraph breaks,
    so relations (within one clause) are not cut.
    """
    merged = DocumentFacts(doc_id=doc_id, text=chunked.text)
    sentences_before = 0
    for offset, doc in chunked.docs():
        try:
            facts = document_facts(doc_id, doc, title, topic_from_mentions=False)
            chunk_sentences = len(sentence_bounds(doc)[0])
        finally:
            release(doc)
        merged.mentions.extend(shift_mention(mention, offset, sentences_before) for mention in facts.mentions)
        merged.relations.extend(replace(
            item, subject=shift_mention(item.subject, offset, sentences_before),
            object=shift_mention(item.object, offset, sentences_before),
            sentence_idx=item.sentence_idx + sentences_before, start=item.start + offset, end=item.end + offset)
            for item in facts.relations)
        for short, long_form in facts.abbreviations.items():
            merged.abbreviations.setdefault(short, long_form)
        sentences_before += chunk_sentences
    return merged


def shift_mention(mention: Mention, offset: int, sentences_before: int) -> Mention:
    """A chunk's mention in full-text coordinates; topic mentions (no offsets, -1) keep theirs."""
    return replace(mention,
                   sentence_idx=mention.sentence_idx + sentences_before if mention.sentence_idx >= 0 else mention.sentence_idx,
                   start=mention.start + offset if mention.start >= 0 else mention.start,
                   end=mention.end + offset if mention.end >= 0 else mention.end)
