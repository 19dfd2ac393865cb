"""Relations: disease –has_symptom→ symptom, disease –treated_by→ treatment, treatment –relieves→ symptom.

A relation needs both entities in one clause and a cue phrase there that states the relation
('causes', 'symptoms include', 'is treated with', 'can help reduce'); entities that merely
co-occur are not related. Each relation keeps its sentence as evidence, with negation and hedging.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import product
from typing import Sequence

from spacy.tokens import Doc, Span

from extractors import context
from extractors.doc_index import Lines, MentionIndex, sentence_at, text_of
from extractors.entity_types import DISEASE, SYMPTOM, TREATMENT, EntityTyper
from extractors.ner import ChunkedText, mentions_of, release, shared_typer
from extractors.records import DocumentFacts, Mention, RelationEvidence
from extractors.terms import term_key

HAS_SYMPTOM, TREATED_BY, RELIEVES = "has_symptom", "treated_by", "relieves"
PREDICATES = (HAS_SYMPTOM, TREATED_BY, RELIEVES)
# Which typed pair each predicate joins, as (subject type, object type).
SIGNATURES = {HAS_SYMPTOM: (DISEASE, SYMPTOM), TREATED_BY: (DISEASE, TREATMENT), RELIEVES: (TREATMENT, SYMPTOM)}
# A treatment cue also licenses 'relieves' when the clause names a symptom and no disease.
MAX_HEADING_WORDS = 12
MAX_LIST_ITEM_WORDS = 30
INLINE_INTRODUCTION = re.compile(r":\s*[-\u2022*]\s")  # a list whose first bullet stayed on the introduction's line
SECTION_FACTOR = 0.6  # a paragraph of a 'Symptoms' section relates through its heading alone, less directly still
LIST_FACTOR = 0.8  # a list line relates through its introduction, a little less directly than a sentence
BACK_REFERENCES = frozenset({"these", "those", "this", "such"})
DRUG_NOUNS = re.compile(r"\s+(drugs?|medications?|medicines?)\b", re.IGNORECASE)  # 'blood pressure drugs'
MAX_CLAUSE_DISEASES = 2  # more diseases in one clause than this is a differential list, not a statement of facts
TREATED_OBJECT_WORDS = 3  # 'help to relieve the symptoms': a symptom word this close after a treatment cue is its object
LICENSES = {HAS_SYMPTOM: (HAS_SYMPTOM,), TREATED_BY: (TREATED_BY, RELIEVES), RELIEVES: (RELIEVES, TREATED_BY)}


def entity_char_spans(clause: Span) -> list[tuple[int, int]]:
    """(start_char, end_char) of the entities wholly inside the clause, as clause.ents gives them.

    Read from the clause's own tokens: clause.ents scans every entity of the Doc on each call,
    which made relation extraction quadratic in the length of a document.
    """
    doc = clause.doc
    found: list[tuple[int, int]] = []
    start = end = None
    for token in clause:
        iob = token.ent_iob_
        if iob == "I" and start is not None:
            end = token.idx + len(token)
            continue
        if start is not None:
            found.append((start, end))
        # "B" opens an entity; "O", "" or an "I" whose entity began before the clause do not
        start, end = (token.idx, token.idx + len(token)) if iob == "B" else (None, None)
    if start is not None and not (clause.end < len(doc) and doc[clause.end].ent_iob_ == "I"):
        found.append((start, end))
    return found


@dataclass(frozen=True)
class CueMatch:
    """A cue phrase found in a span: where (offsets in the span's text), as written, and what it states."""

    start: int
    end: int
    text: str
    cue: context.Cue


@lru_cache(maxsize=64)  # a sentence and its clauses are read several times in a row; few enough to free Docs soon
def cue_matches(span: Span) -> tuple[CueMatch, ...]:
    """The cue phrases of a span, in order, that state a relation between its entities.

    A cue word inside an entity ('therapy' in 'physical therapy') names the entity, not a relation;
    treatment cues do not count in a clause about harm (data/treatment_blockers.txt); and a symptom
    word right after a treatment cue is what is treated, not a symptom list ('manage your symptoms').
    """
    pattern, table = context.relation_cues()
    matches = list(pattern.finditer(text_of(span)))
    if not matches:  # most clauses: nothing more to read
        return ()
    entities = [(start - span.start_char, end - span.start_char) for start, end in entity_char_spans(span)]
    harmful = context.states_harm(text_of(span))
    found: list[CueMatch] = []
    for match in matches:
        if any(start <= match.start() < end for start, end in entities):
            continue
        text = " ".join(match.group(0).lower().split())
        cue = table[text]
        if harmful and cue.predicate != HAS_SYMPTOM:
            continue  # 'medications such as lithium can trigger psoriasis' is no treatment
        if (cue.predicate == HAS_SYMPTOM and found and found[-1].cue.predicate != HAS_SYMPTOM
                and len(text_of(span)[found[-1].end:match.start()].split()) <= TREATED_OBJECT_WORDS):
            continue
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


def relations_in_clause(clause: Span, mention_at: dict[int, Mention], sentence_idx: int,
                        topic: Mention | None = None,
                        carried: dict[str, tuple[str, float]] | None = None) -> list[RelationEvidence]:
    """Every typed pair the clause's cues license, each with its negation and hedging.

    A clause that names symptoms or treatments but no disease takes the section's or the
    article's topic disease as subject ('How is lupus treated?' … 'NSAIDs can help…'); one that
    names the topic's family ('eczema' in a section on atopic eczema) means the topic. A clause
    without cues of its own takes the sentence-scoped cues of the clauses before it (`carried`).
    """
    # The clause's mentions by offset, not doc.ents or doc.text: those rebuild the whole Doc on
    # every access, which made long documents quadratic (a 100,000-character text took 40 s).
    spans = sentence_mentions(clause, mention_at)
    if not spans:
        return []
    by_type: dict[str, list[Mention]] = {DISEASE: [], SYMPTOM: [], TREATMENT: []}
    for mention in spans:
        by_type[mention.entity_type].append(topic if is_family_of(mention, topic) else mention)
    by_type[DISEASE] = subject_diseases(by_type[DISEASE], text_of(clause), clause.start_char)
    if len({mention.canonical for mention in by_type[DISEASE]}) > MAX_CLAUSE_DISEASES:
        return []  # 'other diseases cause similar symptoms: rhinitis, sinusitis, …': a list of diseases, no facts
    subjects_from_topic = not by_type[DISEASE] and topic is not None and not topic.negated
    if subjects_from_topic:
        by_type[DISEASE] = [topic]
    elif len(spans) < 2:
        return []
    sentence = sentence_at(clause.doc, clause.start)
    clause_text, offset = text_of(clause), clause.start_char
    hedged = context.is_hedged(clause)
    matches = cue_matches(clause)
    disease_ends = frozenset(mention.end for mention in spans if mention.entity_type == DISEASE)
    found: list[RelationEvidence] = []
    for predicate, (cue, strength) in (clause_cues(clause) or carried or {}).items():
        subject_type, object_type = SIGNATURES[predicate]
        if predicate == RELIEVES and by_type[DISEASE] and not subjects_from_topic:
            continue  # 'X is treated with T to reduce S': the disease is the subject, not T.
        for subject, obj in product(by_type[subject_type], by_type[object_type]):
            from_topic = subject is topic
            if not from_topic and not cue_allows(matches, predicate, subject, obj, clause, disease_ends):
                continue  # 'obesity has led to more young people with type 2 diabetes'
            if predicate == TREATED_BY and not from_topic and context.prevents(clause_text, subject.start - offset):
                continue  # 'may take metformin to lower the risk of type 2 diabetes': prevention, not treatment
            first, last = sorted((subject, obj), key=lambda mention: mention.start)
            negated = subject.negated or obj.negated or (
                not from_topic and context.has_negation(clause_text[first.end - offset:last.start - offset]))
            if from_topic:
                negated = negated or context.has_negation(clause_text[:obj.start - offset])
            found.append(RelationEvidence(
                subject=subject, predicate=predicate, object=obj, sentence_idx=sentence_idx,
                **sentence_evidence(sentence), cue=cue,
                cue_strength=strength, negated=negated, hedged=hedged, subject_from_topic=from_topic))
    return found


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
    relevant = [match for match in matches if predicate in LICENSES[match.cue.predicate]]
    if not relevant:
        return True
    for match in relevant:
        start, end = match.start + offset, match.end + offset
        if not (match.cue.direction == "any"
                or (match.cue.direction == "forward" and subject.end <= start and end <= obj.start)
                or (match.cue.direction == "backward" and obj.end <= start and end <= subject.start)):
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


def subject_diseases(diseases: list[Mention], text: str, offset: int) -> list[Mention]:
    """The diseases of a clause that can be the subject of its facts.

    Not a disease named as the kind of another ('Psoriasis is a skin disease that causes …'), nor
    a family next to its subtype ('the most common type of psoriasis, plaque psoriasis, causes …'),
    nor one that only qualifies a drug ('high blood pressure drugs').
    """
    classes = context.disease_classes()
    # '(encephalitis)' after 'inflammation of the brain' glosses a symptom; it states nothing itself
    diseases = [m for m in diseases if not (m.start > offset and text[:m.start - offset].rstrip().endswith("("))] or diseases
    specific = [m for m in diseases if m.canonical not in classes]
    kept = [m for m in (specific or diseases)
            if not any(is_family_of(m, other) for other in diseases)
            and not (m.end >= offset and DRUG_NOUNS.match(text, m.end - offset))]
    return kept


def is_family_of(mention: Mention, topic: Mention | None) -> bool:
    """Whether a disease mention names the family of the topic: 'psoriasis' under 'Plaque psoriasis'."""
    return (topic is not None and mention.entity_type == DISEASE and mention.canonical != topic.canonical
            and topic.canonical.endswith(" " + mention.canonical))


def sentence_evidence(sentence: Span) -> dict:
    """The sentence as evidence: its text without surrounding whitespace, and where that text lies."""
    text = text_of(sentence)
    start = sentence.start_char + len(text) - len(text.lstrip())
    end = sentence.start_char + len(text.rstrip())
    return {"sentence": text[start - sentence.start_char:end - sentence.start_char], "start": start, "end": end}


def starts_line(sentence: Span) -> bool:
    doc = sentence.doc
    return sentence.start == 0 or "\n" in doc[sentence.start - 1].text + doc[sentence.start - 1].whitespace_


def ends_line(sentence: Span) -> bool:
    doc = sentence.doc
    last = doc[sentence.end - 1]  # a line break after a sentence is a whitespace token inside it, or trailing space
    return sentence.end == len(doc) or "\n" in last.text + last.whitespace_ + doc[sentence.end].text


def starts_and_ends_line(sentence: Span) -> bool:
    return starts_line(sentence) and ends_line(sentence)


def line_words(sentence: Span) -> int:
    """Words from the sentence's start to the end of its line (a bullet may hold a second sentence)."""
    lines = Lines.of(sentence.doc)
    return lines.words(sentence.start, lines.end(sentence.start))


def is_heading(sentence: Span) -> bool:
    """A short line of its own that does not end like a sentence: a section heading."""
    text = text_of(sentence).strip()
    return (bool(text) and starts_and_ends_line(sentence) and len(text.split()) <= MAX_HEADING_WORDS
            and not text.endswith((".", "!", ",", ";", ":")))


def is_list_item(sentence: Span) -> bool:
    """A short line of its own: what a bullet or a table cell becomes after cleaning.

    The bullet may go on with a second sentence on its line ('Joint stiffness … rest. It can last
    45 minutes.'); that one is a continuation (is_item_continuation), not an item of its own.
    """
    return starts_line(sentence) and line_words(sentence) <= MAX_LIST_ITEM_WORDS


def is_item_continuation(sentence: Span) -> bool:
    """A later sentence on a short bullet line: it neither ends the list nor is an item."""
    if starts_line(sentence):
        return False
    lines = Lines.of(sentence.doc)
    start = lines.start(sentence.start)
    return lines.words(start, lines.end(start)) <= MAX_LIST_ITEM_WORDS  # a long line: no bullet


def topic_mention(text: str, typer: EntityTyper, sentence_idx: int = -1) -> Mention | None:
    """The one disease a title or heading names, as a mention without offsets; None if zero or several."""
    diseases = {concept.canonical: concept for concept in typer.diseases_named_in(text)}
    if len(diseases) != 1:
        return None
    [concept] = diseases.values()
    return Mention(sentence_idx=sentence_idx, start=-1, end=-1, text=concept.canonical, entity_type=DISEASE,
                   canonical=concept.canonical, ontology_id=concept.ontology_id)


@dataclass
class ListContext:
    """What the lines of a list state: the predicates its introduction or heading announced, about whom."""

    cues: dict[str, tuple[str, float]]
    subject: Mention | None
    hedged: bool = False
    from_topic: bool = True


def sentence_mentions(sentence: Span, mention_at: dict[int, Mention]) -> list[Mention]:
    """The mentions starting inside a span, read from its own tokens (span.ents scans the whole Doc)."""
    if isinstance(mention_at, MentionIndex):
        return mention_at.within(sentence.start_char, sentence.end_char)
    return [mention_at[token.idx] for token in sentence
            if token.idx in mention_at and mention_at[token.idx].end <= sentence.end_char]


def list_subject(sentence: Span, mention_at: dict[int, Mention], topic: Mention | None) -> tuple[Mention | None, bool]:
    """The one disease the sentence names (not from topic), else the topic; the topic if it names the topic's family."""
    diseases = named_diseases(sentence, mention_at)
    if len(diseases) == 1:
        [named] = diseases
        return (topic, True) if is_family_of(named, topic) else (named, False)
    return (topic, True) if not diseases else (None, False)


def is_entity_line(sentence: Span, mention_at: dict[int, Mention], types: tuple[str, ...]) -> bool:
    """Whether the sentence's words are all one mention of these types ('Fatigue', 'Plaque psoriasis.')."""
    mentions = sentence_mentions(sentence, mention_at)
    if len(mentions) != 1 or mentions[0].entity_type not in types:
        return False  # most lines: decided without visiting their tokens
    words = [token for token in sentence if token.is_alpha]
    return bool(words) and all(mentions[0].start <= token.idx < mentions[0].end for token in words)


def name_line_disease(sentence: Span, mention_at: dict[int, Mention]) -> Mention | None:
    """The disease a line starts with as a sentence of its own ('Plaque psoriasis. The most common type …'):
    a subheading for what follows it."""
    if not starts_line(sentence) or not is_entity_line(sentence, mention_at, (DISEASE,)):
        return None
    return sentence_mentions(sentence, mention_at)[0]


def list_item_relations(sentence: Span, sentence_idx: int, intro: ListContext,
                        mention_at: dict[int, Mention], factor: float = LIST_FACTOR, after: int = -1) -> list[RelationEvidence]:
    """Relations a list line states through its introduction: 'Symptoms include:' / '- joint pain'."""
    mentions = [m for m in sentence_mentions(sentence, mention_at) if m.start >= after]
    subject = intro.subject
    if subject is None or any(m.entity_type == DISEASE and m.canonical != subject.canonical and not is_family_of(m, subject)
                              for m in mentions):
        return []  # a line about another disease is not an item of this one's list
    found = []
    for predicate, (cue, strength) in intro.cues.items():
        if predicate == RELIEVES or (predicate == TREATED_BY and prevents_subject(sentence, mentions, subject)):
            continue
        object_type = SIGNATURES[predicate][1]
        for obj in (m for m in mentions if m.entity_type == object_type):
            found.append(RelationEvidence(
                subject=intro.subject, predicate=predicate, object=obj, sentence_idx=sentence_idx,
                **sentence_evidence(sentence), cue=cue,
                cue_strength=strength * factor, negated=obj.negated,
                hedged=intro.hedged or context.is_hedged(sentence), subject_from_topic=intro.from_topic))
    return found


def prevents_subject(sentence: Span, mentions: list[Mention], subject: Mention) -> bool:
    """Whether the line names its subject disease as something to prevent ('… to lower the risk of type 2 diabetes')."""
    return any(m.entity_type == DISEASE and m.canonical == subject.canonical
               and context.prevents(text_of(sentence), m.start - sentence.start_char) for m in mentions)


@dataclass
class SectionState:
    """Where extraction stands in a document: the section's topic and what its heading and lists announce."""

    topic: Mention | None = None
    context: ListContext | None = None  # a section-wide cue of the heading ('Symptoms', 'Treatment')
    current_list: ListContext | None = None  # what the lines now being read relate through
    last_list: ListContext | None = None  # the latest list of the section, for 'You might also have:'
    harmful: bool = False  # the lines now read list triggers or causes ('Common psoriasis triggers include:')

    def enter_heading(self, sentence: Span, sentence_idx: int, article_topic: Mention | None) -> None:
        """A heading opens a section (cue of section scope), ends one (a break word or another cue) or is a subsection."""
        text = text_of(sentence).strip()
        matches = cue_matches(sentence)
        heading_topic = topic_mention(text, shared_typer(), sentence_idx)
        section_cues = list_cues(matches, "section")
        same_kind = self.context is not None and all(
            set(LICENSES[match.cue.predicate]) & set(self.context.cues) for match in matches)  # 'Medications' under 'Treatment'
        if section_cues:
            self.topic = heading_topic
            self.context = ListContext(section_cues, heading_topic or article_topic)
        elif (matches and not same_kind) or self.context is None or context.section_breaks().search(text):
            self.topic, self.context = heading_topic, None
        elif heading_topic is not None and self.context.subject is not None and is_family_of(self.context.subject, heading_topic):
            self.topic = heading_topic  # a subsection about a subtype: 'Plaque psoriasis' under 'Symptoms'
            self.context = replace(self.context, subject=heading_topic)
        elif heading_topic is not None and (self.context.subject is None or heading_topic.canonical != self.context.subject.canonical):
            self.topic, self.context = heading_topic, None  # 'Diabetes diet' in a psoriasis article: a new topic
        cues = list_cues(matches, "list")
        self.current_list = ListContext(cues, self.topic or article_topic) if cues else self.context
        self.last_list = self.current_list
        self.harmful = context.states_harm(text)

    def subtype_line(self, disease: Mention | None, article_topic: Mention | None) -> bool:
        """Whether a line naming only a disease introduces a subtype of what is being described.

        'Plaque psoriasis.' under a list about psoriasis makes plaque psoriasis the subject of the
        paragraph below; 'Frequent infections.' in a list of diabetes symptoms is just an item.
        """
        if disease is None:
            return False
        described = [self.current_list.subject if self.current_list else None, self.topic or article_topic]
        if not any(item is not None and is_family_of(item, disease) for item in described):
            return False
        self.topic = disease
        if self.current_list is not None:
            self.current_list = replace(self.current_list, subject=disease, from_topic=True)
        return True

    def introduce_list(self, sentence: Span, mention_at: dict[int, Mention], topic: Mention | None,
                       before: Span | None = None) -> None:
        """A line ending with ':' opens a list: with its own list cues, or continuing the list or section around it.

        An introduction with only narrower cues ('Possible causes include:') opens no list. One that
        points back ('These medications include:') at a sentence naming triggers or causes lists them,
        not treatments (a sentence that names the disease they harm: not 'Many of these drugs have side effects').
        """
        matches = cue_matches(sentence)
        cues = list_cues(matches, "list")
        self.harmful = context.states_harm(text_of(sentence)) or (
            before is not None and sentence[0].lower_ in BACK_REFERENCES and context.states_harm(text_of(before))
            and bool(named_diseases(before, mention_at)))  # not 'these medications can have side effects'

        if self.harmful:
            cues = {predicate: cue for predicate, cue in cues.items() if predicate == HAS_SYMPTOM}
        inherited = None
        if not cues and not matches:
            inherited = self.current_list or self.context
            if inherited is None and self.last_list is not None and context.list_continuations().search(text_of(sentence)):
                inherited = self.last_list
            cues = inherited.cues if inherited else {}
        subject, from_topic = list_subject(sentence, mention_at, topic)
        if inherited is not None and from_topic and inherited.subject is not None:
            subject = inherited.subject  # 'You might also have:' continues the list about lupus
        self.current_list = ListContext(cues, subject, context.is_hedged(sentence), from_topic) if cues else None
        if self.current_list is not None:
            self.last_list = self.current_list

    def section_relations(self, sentence: Span, sentence_idx: int, mention_at: dict[int, Mention]) -> list[RelationEvidence]:
        """A paragraph of a 'Symptoms' or 'Treatment' section states its symptoms or treatments of the section's disease."""
        if self.context is None:
            return []
        about = self.context
        if about.subject is not None and self.topic is not None and is_family_of(about.subject, self.topic):
            about = replace(about, subject=self.topic)  # the 'Nail psoriasis.' paragraph of a psoriasis section
        return list_item_relations(sentence, sentence_idx, about, mention_at, factor=SECTION_FACTOR)

    def end_list(self) -> None:
        self.current_list = self.context
        self.harmful = False


def extract_relations(doc: Doc, mentions: list[Mention], title: str | None = None) -> list[RelationEvidence]:
    """All relation evidence of a processed Doc.

    Clause by clause, cue phrases relate the entities they join (a cue of sentence scope also the
    later clauses of its sentence); then lists: a heading or an introduction ending in ':' that
    announces symptoms or treatments relates its disease (or the section's or article's topic) to
    every item of the lines under it, a heading's cue of section scope ('Symptoms') every list of
    its section, and a sentence like 'These are the main symptoms of lupus.' the list just above it.
    How far each cue reaches is its scope column in data/relation_cues.tsv.
    """
    typer = shared_typer()
    mention_at = MentionIndex(mentions)
    article_topic = topic_mention(title, typer) if title else None
    section = SectionState()
    previous_items: list[tuple[int, Span]] = []
    previous: tuple[int, Span] | None = None  # the sentence before, when it is part of a paragraph
    named_before: list[Mention] = []  # the diseases the sentence before named, for 'This condition …'
    announced: ListContext | None = None  # what a sentence announced for the fragments after it ('… symptoms. The nausea.')
    found: list[RelationEvidence] = []
    last_sentence: Span | None = None
    for sentence_idx, sentence in enumerate(doc.sents):
        text = text_of(sentence).strip()
        previous_sentence, last_sentence = last_sentence, sentence
        referent = referent_disease(sentence, named_before, mention_at)
        named_before = named_diseases(sentence, mention_at)
        if is_heading(sentence):
            about = section.current_list or section.context
            if about is not None and is_entity_line(sentence, mention_at, (SYMPTOM, TREATMENT)):
                # 'Fatigue' as a subheading of 'What are the symptoms of MS?': the heading is an item
                found.extend(list_item_relations(sentence, sentence_idx, about, mention_at))
            section.enter_heading(sentence, sentence_idx, article_topic)
            previous_items, previous = [], None
            continue
        subtype_line = section.subtype_line(name_line_disease(sentence, mention_at), article_topic)
        topic = section.topic or article_topic
        if announced is not None and not starts_line(sentence) and is_fragment(sentence, mention_at):
            found.extend(list_item_relations(sentence, sentence_idx, announced, mention_at))
            continue
        announced = announcement(sentence, mention_at, topic)
        carried: dict[str, tuple[str, float]] = {}
        clause_topic = referent or topic
        in_harm_list = section.harmful and (is_list_item(sentence) or is_item_continuation(sentence))
        for clause in context.clauses(sentence):
            found.extend(item for item in relations_in_clause(clause, mention_at, sentence_idx, clause_topic, carried)
                         if not (in_harm_list and item.predicate != HAS_SYMPTOM))  # 'Triggers include: … medications
            carried = {**carried, **strongest_cues(cue_matches(clause), "sentence")}
            named = named_diseases(clause, mention_at)
            if carried and len(named) == 1:  # 'Lupus is treated with X; Y is another option': Y is about lupus too
                [clause_topic] = named
        matches = cue_matches(sentence)
        if INLINE_INTRODUCTION.search(text):  # 'Symptoms include: - feeling breathless' opens a list and starts it
            section.introduce_list(sentence, mention_at, topic)
            if section.current_list is not None:
                found.extend(list_item_relations(sentence, sentence_idx, section.current_list, mention_at,
                                                 after=INLINE_INTRODUCTION.search(text).end() + sentence.start_char
                                                 + len(text_of(sentence)) - len(text_of(sentence).lstrip())))
            previous_items = []
        elif text.endswith(":"):
            section.introduce_list(sentence, mention_at, topic, previous_sentence)
            previous_items = []
        elif (previous_items or previous) and sentence[0].lower_ in BACK_REFERENCES and list_cues(matches, "clause"):
            subject, from_topic = list_subject(sentence, mention_at, topic)
            backward = ListContext(list_cues(matches, "clause"), subject, context.is_hedged(sentence), from_topic)
            # the list above, or the sentence just before in the same paragraph ('… or weakness. These symptoms could be a sign of a stroke.')
            for item_idx, item in previous_items or [previous]:
                found.extend(list_item_relations(item, item_idx, backward, mention_at))
            section.last_list = backward
            section.end_list()
            previous_items = []
        elif is_item_continuation(sentence):
            found.extend(section.section_relations(sentence, sentence_idx, mention_at))
        elif is_list_item(sentence):
            if section.current_list is not None and not subtype_line:
                found.extend(list_item_relations(sentence, sentence_idx, section.current_list, mention_at))
            previous_items.append((sentence_idx, sentence))
        else:
            section.end_list()
            previous_items = []
            found.extend(section.section_relations(sentence, sentence_idx, mention_at))
        previous = None if is_list_item(sentence) else (sentence_idx, sentence)
    return found


def announcement(sentence: Span, mention_at: dict[int, Mention], topic: Mention | None) -> ListContext | None:
    """What a sentence with a cue of list scope announces for verbless fragments after it:
    'Migraines come with unwelcome symptoms. The severe headache. The nausea.'"""
    cues = list_cues(cue_matches(sentence), "list")
    if not cues:
        return None
    subject, from_topic = list_subject(sentence, mention_at, topic)
    return ListContext(cues, subject, context.is_hedged(sentence), from_topic) if subject is not None else None


def is_fragment(sentence: Span, mention_at: dict[int, Mention]) -> bool:
    """A sentence of nothing but entities and the words around a noun ('The blurry vision or blind spots.')."""
    mentions = sentence_mentions(sentence, mention_at)
    if not mentions or any(m.entity_type == DISEASE for m in mentions):
        return False
    fillers = context.fragment_words()
    return all(any(m.start <= token.idx < m.end for m in mentions) or token.lower_ in fillers
               for token in sentence if token.is_alpha)


def named_diseases(sentence: Span, mention_at: dict[int, Mention]) -> list[Mention]:
    """The distinct diseases a sentence names (not negated), in order."""
    named = {m.canonical: m for m in sentence_mentions(sentence, mention_at) if m.entity_type == DISEASE and not m.negated}
    return list(named.values())


def referent_disease(sentence: Span, before: list[Mention], mention_at: dict[int, Mention]) -> Mention | None:
    """The disease a sentence opening with 'This condition', 'It' or 'This type of arthritis' speaks of:
    the one the sentence before named, or the one of those that belongs to the family it names."""
    if not before or not context.disease_anaphors().match(text_of(sentence).lstrip()):
        return None
    if len(before) == 1:
        return before[0]
    families = named_diseases(sentence, mention_at)
    members = [disease for disease in before if any(is_family_of(family, disease) for family in families)]
    return members[0] if len(members) == 1 else None


def list_cues(matches: Sequence[CueMatch], scope: str) -> dict[str, tuple[str, float]]:
    """The has_symptom / treated_by cues among a heading's or list introduction's matches that reach this scope."""
    return {predicate: cue for predicate, cue in strongest_cues(matches, scope).items() if predicate != RELIEVES}


def document_facts(doc_id: str, doc: Doc, title: str | None = None) -> DocumentFacts:
    """Mentions and relation evidence of one processed document, as plain records.

    Chemicals count as treatments only where a relation uses them or the treatment gazetteer lists
    them, so 'uric acid' in a gout article does not become a therapy.
    """
    mentions = mentions_of(doc)
    relations = extract_relations(doc, mentions, title)
    used = {item.object.start for item in relations} | {item.subject.start for item in relations}
    typer = shared_typer()
    kept = [m for m in mentions if m.entity_type != TREATMENT or m.start in used
            or term_key(m.text) in typer.treatment_aliases or typer.looks_like_drug(term_key(m.text))]
    return DocumentFacts(doc_id=doc_id, text=text_of(doc), mentions=kept, relations=relations,
                         abbreviations=dict(doc._.abbreviation_map or {}))


def facts_for_batch(doc_ids: list[str], docs: list[Doc | ChunkedText | Exception],
                    titles: list[str | None] | None = None) -> list[DocumentFacts | Exception]:
    """document_facts for each annotated Doc; failures (from NER or here) stay per document.

    A ChunkedText (a text too long for one Doc, see ner.annotate) is annotated here, chunk by chunk.
    Each Doc is released (ner.release) once it is read.
    """
    results: list[DocumentFacts | Exception] = []
    for doc_id, doc, title in zip(doc_ids, docs, titles or [None] * len(doc_ids)):
        if isinstance(doc, Exception):
            results.append(doc)
            continue
        try:
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


def chunked_document_facts(doc_id: str, chunked: ChunkedText, title: str | None = None) -> DocumentFacts:
    """document_facts of a text annotated in chunks, with offsets and sentence indexes in the full text.

    Each chunk's Doc is turned into records and dropped before the next chunk is annotated. What a
    chunk cannot see is lost at its edges: an abbreviation defined in an earlier chunk, a section
    heading's topic. Chunks end at paragraph breaks, so relations (within one clause) are not cut.
    """
    merged = DocumentFacts(doc_id=doc_id, text=chunked.text)
    sentences_before = 0
    for offset, doc in chunked.docs():
        facts = document_facts(doc_id, doc, title)
        merged.mentions.extend(shift_mention(mention, offset, sentences_before) for mention in facts.mentions)
        merged.relations.extend(replace(
            item, subject=shift_mention(item.subject, offset, sentences_before),
            object=shift_mention(item.object, offset, sentences_before),
            sentence_idx=item.sentence_idx + sentences_before, start=item.start + offset, end=item.end + offset)
            for item in facts.relations)
        for short, long_form in facts.abbreviations.items():
            merged.abbreviations.setdefault(short, long_form)
        sentences_before += sum(1 for _ in doc.sents)
        release(doc)
    return merged


def shift_mention(mention: Mention, offset: int, sentences_before: int) -> Mention:
    """A chunk's mention in full-text coordinates; topic mentions (no offsets, -1) keep theirs."""
    return replace(mention,
                   sentence_idx=mention.sentence_idx + sentences_before if mention.sentence_idx >= 0 else mention.sentence_idx,
                   start=mention.start + offset if mention.start >= 0 else mention.start,
                   end=mention.end + offset if mention.end >= 0 else mention.end)
