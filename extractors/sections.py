"""What headings and list introductions announce for the lines under them.

'Symptoms' over a paragraph, 'Treatments include:' over a list, 'Migraines come with unwelcome
symptoms.' before verbless fragments: the lines below state those relations of the section's or
list's disease without a cue of their own. SectionState follows this through a document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Sequence

from spacy.tokens import Span

from extractors import context, coordination
from extractors.cues import LICENSES, CueMatch, cue_matches, list_cues
from extractors.doc_index import MentionIndex, opening_of, text_of
from extractors.entity_types import DISEASE, SYMPTOM, TREATMENT, EntityTyper, TypedConcept
from extractors.layout import starts_line
from extractors.ner import is_short_form_of, shared_typer
from extractors.records import HAS_SYMPTOM, RELIEVES, SIGNATURES, TREATED_BY, Mention, RelationEvidence
from extractors.terms import term_key


TREATMENT_HEADING_CUE = "a heading naming a treatment"
MEDICINES_HEADING_CUE = "a heading about medicines"
TREATMENT_HEADING_STRENGTH = 0.8  # the heading names the treatment, not what it treats
CONTACT_DETAILS = re.compile(r"\d{4,}\s?\d{3,}|\S@\S|https?://|www\.")  # a phone number, an email or a web address
SECTION_FACTOR = 0.6  # a paragraph of a 'Symptoms' section relates through its heading alone, less directly still
LIST_FACTOR = 0.8  # a list line relates through its introduction, a little less directly than a sentence
EXAMPLES_END = re.compile(r"\b(?:such as|like|including|for example|e\.g\.)\s*:\s*$", re.IGNORECASE)
BACK_REFERENCES = frozenset({"these", "those", "this", "such"})
IT_IS = re.compile(r"\bit['\u2019]s\b", re.IGNORECASE)
POINTS_AT_ONE = re.compile(r"\bone\b", re.IGNORECASE)  # 'How to spot one' (not 'What does it look like?')
SYMPTOM_GROUPS_CUE, SYMPTOM_GROUPS_STRENGTH = "symptom groups", 0.7
CALLS_IT = re.compile(r"\b(?:it|this condition|this one)\b", re.IGNORECASE)  # a heading's word for a disease, not 'its'
HAVING_ONE = re.compile(r"\b(?:have|has|had|got|get)\s+one\b", re.IGNORECASE)
CONDITIONS_LIST = re.compile(r"\bif\s*:\s*$", re.IGNORECASE)  # 'See a GP if:': the lines below are conditions
CALLOUT_LABEL = re.compile(r"\s*[A-Za-z][\w -]{0,40}:\s")  # 'Immediate action required: ', 'Urgent advice: '
# 'Call 999 or go to A&E straight away if you or someone you are with:' (read so only under a help heading)
CONDITIONS_OF_PERSON = re.compile(r"\bif\s+(?:you|your|someone|they|he|she)\b[^,;.:]*:\s*$", re.IGNORECASE)
PARENTHESES = context.CLOSED_BRACKETS  # a bracket with no bracket inside
# 'anaphylaxis, a severe allergic reaction': what stands between a disease and a second one that glosses it
APPOSITION = re.compile(r"\s*,\s*(?:a|an)\s+(?:[\w-]+\s+){0,3}", re.IGNORECASE)


def sentence_evidence(sentence: Span) -> dict:
    """The sentence as evidence: its text without surrounding whitespace, and where that text lies."""
    text = text_of(sentence)
    start = opening_of(sentence)
    end = sentence.start_char + len(text.rstrip())
    return {"sentence": text[start - sentence.start_char:end - sentence.start_char], "start": start, "end": end}


PART_WORDS = frozenset({"part", "section", "chapter"})


def names_only(heading: Span, named: Sequence[Mention]) -> bool:
    """Whether a heading is one disease's name alone, numbered or not ('Trigger finger', 'PART 2: PRE-ECLAMPSIA'),
    or opens with it before a colon or a dash ('Food poisoning: the basics')."""
    if len({mention.canonical for mention in named}) != 1:  # 'Body odour (bromhidrosis)' names one disease twice
        return False
    mention = named[0]
    if opens_part(heading, named[:1]) or glosses_heading(heading, named[-1]):
        return True
    for token in heading:
        if (any(other.start <= token.idx < other.end for other in named) or not token.is_alpha
                or token.lower_ in PART_WORDS):
            continue
        return token.i > heading.start and token.idx > mention.end and heading[token.i - heading.start - 1].text in NAME_ENDS
    return True


FOR_WHOM = re.compile(r"^for\s+(?:(?:people|those|anyone|children|adults)\s+with\s+)?", re.IGNORECASE)


def names_whom_for(text: str, named: Sequence[Mention]) -> bool:
    """Whether a heading says whom what follows is for, by one disease alone ('For insomnia', 'For people with
    shift work sleep disorder'): a part of the section it stands in, about that disease."""
    opening = FOR_WHOM.match(text)
    return opening is not None and len(named) == 1 and text[opening.end():].strip(" .:?!").lower() == named[0].text.lower()


MAX_GLOSSED_HEADING_WORDS = 4  # the lay name before the bracketed disease: 'Body odour (bromhidrosis)'


def glosses_heading(heading: Span, mention: Mention) -> bool:
    """Whether a heading is a lay name glossed by the disease's in brackets at its end: 'Body odour (bromhidrosis)'."""
    text = text_of(heading).strip()
    before, after = text[:mention.start - heading.start_char].rstrip(), text[mention.end - heading.start_char:].strip()
    return (before.endswith("(") and after in {")", "):"} and 0 < len(before[:-1].split()) <= MAX_GLOSSED_HEADING_WORDS)


def opens_part(heading: Span, named: Sequence[Mention]) -> bool:
    """Whether a heading ends by opening a part of the page about the one disease it names ('FEATURE: "MY HEART
    RACES WHEN I STAND UP" - ALL ABOUT PoTS', 'Spotlight on shingles'; data/part_openers.txt): the headings after
    it are that part's, even on a page its title says is about another disease."""
    if len(named) != 1:
        return False
    [mention] = named
    before, after = text_of(heading)[:mention.start - heading.start_char], text_of(heading)[mention.end - heading.start_char:]
    return bool(context.listed_cues("part_openers.txt").fullmatch(PART_BREAK.split(before)[-1].strip())) and not any(
        character.isalpha() for character in after)


NAME_ENDS = frozenset({":", "-", "\u2013", "\u2014"})
PART_BREAK = re.compile(r"[:\-\u2013\u2014]")  # a part opener opens the heading or follows one of these


def names_part_of(heading: Span, disease: Mention) -> bool:
    """Whether a heading names a disease by a word of its own ('How is molluscum treated?' after 'What is molluscum
    contagiosum?'); not by a word any disease's name may hold ('disease', 'infection')."""
    words = set(disease.canonical.split()) - coordination.word_set("disease_nouns.txt")
    return any((token.lower_ in words or any(is_adjective_of(token.lower_, word) for word in words)) and not token.is_stop
               for token in heading)


ADJECTIVE_ENDINGS = ("y", "ky")  # 'colicky' of colic, 'lumpy' of lump


def is_adjective_of(word: str, name_word: str) -> bool:
    """Whether a word is the adjective of a name's word ('What can help a colicky baby?' after 'Could it be colic?')."""
    return len(name_word) >= 4 and any(word == name_word + ending for ending in ADJECTIVE_ENDINGS)


ASIDE_CUES = ("difference_cues.txt", "aside_cues.txt")


def is_aside_heading(heading: str) -> bool:
    """A heading opening an aside on another disease ('Could it be ehrlichiosis?', 'How is IC different from …?')."""
    return bool(context.listed_cues(ASIDE_CUES).search(heading))


def is_family_of(mention: Mention, topic: Mention | None) -> bool:
    """Whether a disease mention names the family of the topic: 'psoriasis' under 'Plaque psoriasis'; not the end of a
    hyphenated chain of names ('Korsakoff syndrome' under 'Wernicke-Korsakoff syndrome')."""
    return (topic is not None and mention.entity_type == DISEASE and mention.canonical != topic.canonical
            and is_kind_name(topic.canonical, mention.canonical) and not chains_into(topic.text, mention.canonical))


def chains_into(text: str, family: str) -> bool:
    """Whether a name as written joins the family's first word to the word before it by a hyphen ('Wernicke-Korsakoff
    syndrome'): one name of two people, not a kind of the second's."""
    first = family.split(" ", 1)[0]
    return re.search(rf"[-\u2010\u2011]\s*{re.escape(first)}\b", text, re.IGNORECASE) is not None


def is_of_topic(disease: Mention, topic: Mention | None) -> bool:
    """Whether a disease is the topic, its family or a kind of it: no other disease the text turns to."""
    return topic is not None and (disease.canonical == topic.canonical or is_family_of(disease, topic)
                                  or is_family_of(topic, disease))


def is_kind_name(name: str, family: str) -> bool:
    """Whether a disease name names a kind of the family by its last words ('plaque psoriasis', 'psoriasis');
    not after a prefix that makes another disease ('pre eclampsia', 'eclampsia'; data/bound_prefixes.txt)."""
    return name.endswith(" " + family) and name[:-len(family) - 1] not in coordination.word_set("bound_prefixes.txt")


GLOSSED_NAME = re.compile(r"^\s*(?P<name>[^()|:]+?)\s*\((?P<gloss>[^()]+)\)")


def name_gloss(text: str, typer: EntityTyper) -> tuple[TypedConcept, TypedConcept] | None:
    """Two names a title or heading gives one disease, as (the name to fold, the name it folds into):
    'Stomach ulcers (peptic ulcers)' is about peptic ulcers, 'Sinusitis (Sinus Infection)' about
    sinusitis. The name an ontology codes wins; where both are coded, the gloss in parentheses (the
    medical name a page explains its everyday one with); where neither is, the first. None where the
    parentheses hold more than a name ('Costochondritis (and Tietze syndrome)') or the two names are
    already one concept. A gloss coded only as the broader disease it ends in ('walking pneumonia' as pneumonia)
    folds into the name."""
    pair = glossed_pair(text, typer)
    if pair is None:
        return None
    name, gloss, broader = pair
    if broader:
        return gloss, name
    return (name, gloss) if gloss.ontology_id else (gloss, name)


def glossed_pair(text: str, typer: EntityTyper) -> tuple[TypedConcept, TypedConcept, bool] | None:
    """(name, gloss, whether the gloss is the broader name) of 'Name (gloss)' where both are diseases of different
    concepts, else None. A gloss is the broader name where it codes only as the disease its last words name while
    the name is coded nowhere: 'Mycoplasma pneumoniae infection (walking pneumonia)' is about the infection, not
    pneumonia."""
    match = GLOSSED_NAME.match(text)
    if match is None or is_short_form_of(match.group("gloss"), match.group("name")):
        return None  # 'Creutzfeldt-Jakob disease (CJD)': the name's short form, which the vocabularies may file apart
    name, gloss = (typer.classify(match.group(part), "DISEASE") for part in ("name", "gloss"))
    if name is None or gloss is None or not name.entity_type == gloss.entity_type == DISEASE:
        return None
    if (name.ontology_id or name.canonical) == (gloss.ontology_id or gloss.canonical):
        return None
    return name, gloss, not name.ontology_id and term_key(match.group("gloss")).endswith(" " + gloss.canonical)


def broader_gloss(text: str, typer: EntityTyper) -> tuple[TypedConcept, TypedConcept] | None:
    """name_gloss's (gloss, name) where the gloss is the broader name (glossed_pair), else None."""
    pair = glossed_pair(text, typer)
    return (pair[1], pair[0]) if pair is not None and pair[2] else None


def topic_mention(text: str, typer: EntityTyper, sentence_idx: int = -1) -> Mention | None:
    """The one disease a title or heading names, as a mention without offsets; None if zero or several.

    A name in parentheses glosses the one before it: 'Sinusitis (Sinus Infection)' names one disease,
    'Stomach ulcers (peptic ulcers)' is about peptic ulcers (name_gloss), and 'Mycoplasma pneumoniae infection
    (walking pneumonia)' about the infection, though only its gloss is a name the vocabularies know (broader_gloss).
    """
    diseases = {concept.ontology_id or concept.canonical: concept for concept in typer.diseases_named_in(text)
                if concept.canonical not in context.disease_classes()}  # 'infectious diseases adviser' names no topic
    glossed = (name_gloss(text, typer) if len(diseases) > 1 else broader_gloss(text, typer)) if diseases else None
    if glossed is not None:
        diseases = {glossed[1].ontology_id or glossed[1].canonical: glossed[1]}
    if len(diseases) > 1:
        diseases = {concept.ontology_id or concept.canonical: concept
                    for concept in typer.diseases_named_in(PARENTHESES.sub(" ", text))}
    if len(diseases) > 1 and ":" in text:
        # 'Not every deaf ear is cholesteatoma: otosclerosis': a name alone after the colon is what the part is about;
        # not 'Dermatitis herpetiformis: the skin form of coeliac disease'
        after_colon = typer.classify(text.rsplit(":", 1)[1].strip(" ?!.*#"), "DISEASE")
        named_alone = [concept for concept in diseases.values()
                       if after_colon is not None and concept.canonical == after_colon.canonical]
        diseases = {named_alone[0].ontology_id or named_alone[0].canonical: named_alone[0]} if named_alone else diseases
    if len(diseases) > 1 and (described := described_before_colon(text, typer)) is not None:
        diseases = {described.ontology_id or described.canonical: described}
    if len(diseases) != 1:
        return None
    [concept] = diseases.values()
    return Mention(sentence_idx=sentence_idx, start=-1, end=-1, text=written_name(text, concept.canonical),
                   entity_type=DISEASE, canonical=concept.canonical, ontology_id=concept.ontology_id)


ARTICLES = frozenset({"the", "a", "an"})
MAX_DESCRIBING_WORDS = 2  # 'the other tick fever'; not 'the skin form of coeliac disease'


def described_before_colon(text: str, typer: EntityTyper) -> TypedConcept | None:
    """The disease a heading names alone before a colon, where what follows describes it as another by a noun
    phrase ('Hydatid disease: the tapeworm that comes home with the dog', 'Anaplasmosis: the other tick fever')."""
    before, _, after = text.partition(":")
    named = typer.classify(before.strip(" #*"), "DISEASE")
    words = after.split()
    if named is None or named.entity_type != DISEASE or not words or words[0].lower() not in ARTICLES:
        return None
    return named if typer.diseases_named_in(" ".join(words[1:2 + MAX_DESCRIBING_WORDS])) else None


def written_name(text: str, canonical: str) -> str:
    """A name as a title writes it, hyphens kept ('WERNICKE-KORSAKOFF SYNDROME' for 'wernicke korsakoff syndrome';
    chains_into reads them); the canonical name where the title spells it otherwise."""
    pattern = r"[\s\-\u2010\u2011]+".join(re.escape(word) for word in canonical.split(" "))
    written = re.search(rf"\b{pattern}\b", text, re.IGNORECASE)
    return written.group(0) if written and written.group(0).lower() != canonical else canonical


def other_of_either(text: str, named: Sequence[Mention], article_topic: Mention | None) -> Mention | None:
    """The disease a question heading weighs against the page's own ('Kennedy disease or myotonic dystrophy?')."""
    diseases = {mention.canonical: mention for mention in named}
    if (article_topic is None or len(diseases) != 2 or article_topic.canonical not in diseases
            or not text.rstrip(" *#").endswith("?") or not re.search(r"\bor\b", text, re.I)):
        return None
    return next(mention for canonical, mention in diseases.items() if canonical != article_topic.canonical)


def as_topic(mention: Mention, sentence_idx: int = -1) -> Mention:
    """A disease mention standing as a topic: no offsets of its own, named by its canonical name (as written where
    that only adds hyphens: 'Wernicke-Korsakoff syndrome', for chains_into), not hedged."""
    return replace(mention, sentence_idx=sentence_idx, start=-1, end=-1, hedged=False,
                   text=written_name(mention.text, mention.canonical))


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


def named_diseases(sentence: Span, mention_at: dict[int, Mention]) -> list[Mention]:
    """The distinct diseases a sentence names (not negated), in order, each by its first mention ('iliotibial
    band syndrome', not the 'ITBS' after it)."""
    named: dict[str, Mention] = {}
    for mention in sentence_mentions(sentence, mention_at):
        if mention.entity_type == DISEASE and not mention.negated:
            named.setdefault(mention.canonical, mention)
    return list(named.values())


COMPARED_WITHIN_WORDS = 4  # 'feel like a mild bout of flu': how far a comparison cue reaches a disease


def is_compared(text: str, start: int) -> bool:
    """Whether a comparison cue (data/comparison_cues.txt, data/likeness_cues.txt) reaches the disease at start, not
    past a comma: the disease is compared, not spoken of ('it tends to feel like a mild bout of flu:', 'wheezing, a
    bit like asthma')."""
    return context.cue_shortly_before(text, start, COMPARISON_CUES, within_words=COMPARED_WITHIN_WORDS, breaks=",;")


COMPARISON_CUES = ("comparison_cues.txt", "likeness_cues.txt")


def is_likened(text: str, start: int) -> bool:
    """Whether a likeness cue (data/likeness_cues.txt) reaches the disease at start, a few words on ('… look a lot like
    the early stage of spotted fever: …'), or a comparison cue the word before it ('overlaps a lot with mummy thumb')."""
    return (context.cue_shortly_before(text, start, "comparison_cues.txt", within_words=1)
            or context.cue_shortly_before(text, start, "likeness_cues.txt", within_words=COMPARED_WITHIN_WORDS, breaks=",;"))


def list_subject(sentence: Span, mention_at: dict[int, Mention], topic: Mention | None,
                 introduces: bool = False) -> tuple[Mention | None, bool]:
    """The one disease the sentence names (not from topic), else the topic; the topic if it names the topic's family.

    A disease it names as one to prevent does not count. Of several, the one the sentence opens with,
    its grammatical subject ('Septicaemia can bring on fever, just like meningitis, but there are some
    extra warning signs to look out for:'), or, in a list's introduction, the one of the clause that
    announces the list ('It can start in the same way as bronchitis, but these signs point towards pneumonia:').
    """
    diseases = without_appositions(named_diseases(sentence, mention_at), text_of(sentence), sentence.start_char)
    # '… your angina …, you'll be offered medicines that … lower your risk of a heart attack:' lists angina's
    diseases = [disease for disease in diseases if not prevents_mention(sentence, disease)] or diseases
    # 'When it does make you ill, it … feels a lot like flu:' lists the topic's symptoms, not flu's; so does '… it
    # tends to feel like a mild bout of flu:'
    diseases = [disease for disease in diseases if not is_compared(text_of(sentence), disease.start - sentence.start_char)]
    if len(diseases) == 1:
        [named] = diseases
        return (topic, True) if is_family_of(named, topic) else (named, False)
    if not diseases:
        return topic, True
    first = min(diseases, key=lambda mention: mention.start)
    if first.start == opening_of(sentence):
        return first, False
    if not introduces:
        return None, False
    cue_clauses = [clause for clause in context.clauses(sentence) if list_cues(cue_matches(clause), "list")]
    named = [disease for disease in diseases if cue_clauses and cue_clauses[-1].start_char <= disease.start < cue_clauses[-1].end_char]
    return (named[0], False) if len(named) == 1 else (None, False)


def without_appositions(diseases: list[Mention], text: str, offset: int) -> list[Mention]:
    """The diseases less those that gloss the one just before them ('signs of anaphylaxis, a severe
    allergic reaction': one disease named, the reaction is what it is)."""
    kept = diseases[:1]
    for before, mention in zip(diseases, diseases[1:]):
        if not APPOSITION.fullmatch(text[before.end - offset:mention.start - offset]):
            kept.append(mention)
    return kept


def is_entity_line(sentence: Span, mention_at: dict[int, Mention], types: tuple[str, ...]) -> bool:
    """Whether the sentence's words are all one mention of these types ('Fatigue', 'Plaque psoriasis.')."""
    mentions = sentence_mentions(sentence, mention_at)
    if len(mentions) != 1 or mentions[0].entity_type not in types:
        return False  # most lines: decided without visiting their tokens
    words = [token for token in sentence if token.is_alpha]
    return bool(words) and all(mentions[0].start <= token.idx < mentions[0].end for token in words)


def is_entities_line(sentence: Span, mention_at: dict[int, Mention], types: tuple[str, ...]) -> bool:
    """Whether the sentence's words are all mentions of these types and the words that join them ('Fatigue',
    'fever and chills', 'pale or clay-coloured poo'): a list line without its full stop, not a heading."""
    mentions = sentence_mentions(sentence, mention_at)
    if len(mentions) < 2 or any(mention.entity_type not in types for mention in mentions):
        return is_entity_line(sentence, mention_at, types)
    joiners = coordination.CONJUNCTIONS | coordination.DETERMINERS | coordination.linking_words()
    return all(any(mention.start <= token.idx < mention.end for mention in mentions) or token.lower_ in joiners
               for token in sentence if token.is_alpha)


def name_line_disease(sentence: Span, mention_at: dict[int, Mention]) -> Mention | None:
    """The disease a line starts with as a sentence of its own ('Plaque psoriasis. The most common type …'):
    a subheading for what follows it."""
    if not starts_line(sentence) or not is_entity_line(sentence, mention_at, (DISEASE,)):
        return None
    return sentence_mentions(sentence, mention_at)[0]


def list_item_relations(sentence: Span, sentence_idx: int, intro: ListContext,
                        mention_at: dict[int, Mention], factor: float = LIST_FACTOR, after: int = -1,
                        bullet_line: bool = False) -> list[RelationEvidence]:
    """Relations a list line states through its introduction: 'Symptoms include:' / '- joint pain'. A bullet line
    (not a sentence read as one, of a paragraph that goes on naming symptoms) names what it lists before its first comma."""
    subject, from_topic = intro.subject, intro.from_topic
    if subject is None:
        return []
    # a symptom line ends where a clause comparing with another disease begins; a treatment line's
    # caveat ('…, but guidelines advise against them for knee OA') still speaks of its treatment
    end = contrast_start(sentence, subject, mention_at) if set(intro.cues) == {HAS_SYMPTOM} else sentence.end_char
    mentions = [m for m in sentence_mentions(sentence, mention_at) if after <= m.start < end]
    text = text_of(sentence)
    # what the line is about is named before its first comma: 'Weakness of one side of the body (hemiparesis), which
    # may appear after a cluster of seizures …' is an item, whatever disease its explanation names
    comma = text.find(",", max(after - sentence.start_char, 0)) if bullet_line else -1
    lead_end = sentence.start_char + comma if comma >= 0 else sentence.end_char
    named = [m for m in mentions if m.entity_type == DISEASE and m.canonical != subject.canonical and not is_family_of(m, subject)
             and m.start < lead_end and not text.startswith(LIKENESS_SUFFIX, m.end - sentence.start_char)  # 'Stroke-like episodes'
             and not prevents_mention(sentence, m)  # 'drink plenty of fluids to avoid dehydration' is still an item
             and not context.follows_consequence(text, m.start - sentence.start_char)  # '…, which can lead to dehydration.'
             and not compared_after(m, mentions, text, sentence.start_char)]  # 'wheezing, a bit like asthma'
    conditions = [m for m in named if context.names_condition(text, m.start - sentence.start_char)]  # '… if you have asthma'
    others = {m.canonical: m for m in named if m not in conditions}
    if len(others) == 1 and all(is_family_of(subject, m) for m in others.values()):
        [subject] = others.values()  # 'For acute sinusitis, your doctor may recommend …' under sinusitis
        from_topic = False
    elif glossed_item_disease(sentence, others, intro):
        # '… can lead to:' / 'eclampsia, where the mother has seizures (fits)': the item's disease has them
        [subject] = others.values()
        from_topic, intro = False, ListContext({HAS_SYMPTOM: (ITEM_GLOSS_CUE, ITEM_GLOSS_STRENGTH)}, subject, intro.hedged, False)
    elif others:
        return []  # a line about another disease is not an item of this one's list
    # 'Antibiotics will not get rid of gallstones' under 'Medicine to dissolve gallstones'
    subject_negated = any(m.negated for m in mentions if names_subject(m, subject))
    found = []
    for predicate, (cue, strength) in intro.cues.items():
        if predicate == RELIEVES or (predicate == TREATED_BY and (prevents_subject(sentence, mentions, subject)
                                                                  or harms_subject(sentence, mentions, subject))):
            continue
        object_type = SIGNATURES[predicate][1]
        for obj in (m for m in mentions if m.entity_type == object_type):
            if predicate == HAS_SYMPTOM and context.names_no_symptom(text, obj.start - sentence.start_char,
                                                                     obj.end - sentence.start_char):
                continue  # 'Symptoms' / '… patches that worsen with friction and sweating'; 'The virus spreads through coughs'
            if predicate == TREATED_BY and (context.treats_no_disease(text, obj.start - sentence.start_char,
                                                                      obj.end - sentence.start_char)
                                            or context.prevents_recurrence(text[obj.end - sentence.start_char:]) or (
                    conditions and context.in_condition(text, obj.start - sentence.start_char))):
                # '… check with us first if you have kidney disease or take blood thinners'; 'omeprazole alongside to
                # protect your stomach'; 'allopurinol to stop new ones forming'
                continue
            found.append(RelationEvidence(
                subject=subject, predicate=predicate, object=obj, sentence_idx=sentence_idx,
                **sentence_evidence(sentence), cue=cue,
                cue_strength=strength * factor, negated=obj.negated or subject_negated,
                hedged=intro.hedged or context.is_hedged(sentence), subject_from_topic=from_topic))
    return found


LIKENESS_SUFFIX = ("-like", "\u2011like")  # 'Stroke-like episodes': like the disease, not it


def compared_after(disease: Mention, mentions: list[Mention], text: str, offset: int) -> bool:
    """Whether a line compares its symptoms with a disease after them ('wheezing or breathlessness, a bit like
    asthma'): the line's subject is still the list's. Not a comparison the line opens with or goes on past
    ('Unlike hyperhidrosis, this condition …', '… the same as lactose intolerance, which is trouble digesting …')."""
    return (all(mention.start < disease.start for mention in mentions if mention.entity_type != DISEASE)
            and is_compared(text, disease.start - offset))


ITEM_GLOSS = re.compile(r"\s*,\s*(?:where|when|in which|which|that)\b", re.IGNORECASE)
ITEM_GLOSS_CUE, ITEM_GLOSS_STRENGTH = "item gloss", 0.6


def glossed_item_disease(sentence: Span, others: dict[str, Mention], intro: ListContext) -> bool:
    """Whether a line of a symptom list opens with another disease and glosses it with what happens in it
    ('eclampsia, where the mother has seizures (fits)' under '… pre-eclampsia can lead to:'): its symptoms
    are that disease's, not the list's."""
    if len(others) != 1 or HAS_SYMPTOM not in intro.cues:
        return False
    [disease] = others.values()
    text, offset = text_of(sentence), sentence.start_char
    return disease.start == opening_of(sentence) and bool(ITEM_GLOSS.match(text[disease.end - offset:]))


def contrast_start(sentence: Span, subject: Mention, mention_at: dict[int, Mention]) -> int:
    """Where a later clause that compares with another disease begins ('aching, painful joints are common,
    although Sjögren's doesn't usually cause the joint damage seen in rheumatoid arthritis'); the end of
    the sentence where no clause does."""
    for clause in context.clauses(sentence)[1:]:
        if any(m.entity_type == DISEASE and not names_subject(m, subject) and not is_family_of(subject, m)
               for m in sentence_mentions(clause, mention_at)):
            return clause.start_char
    return sentence.end_char


def closing_cues(sentence: Span, matches: Sequence[CueMatch]) -> dict[str, tuple[str, float]]:
    """A forward or undirected cue right before the colon of a list introduction: 'Larger stones can
    cause:' and 'Some people also notice:' list what they cause, as 'symptoms include:' does. Not
    'Possible causes include:' (no such cue at the end). Nor is a person with the disease, but one who
    may do what the lines say is ('A young child with appendicitis may:')."""
    closing = text_of(sentence).rstrip()[:-1].rstrip()  # the introduction without its colon
    cues = list_cues([match for match in matches if match.cue.direction in ("forward", "any") and match.end == len(closing)],
                     "clause")
    if not cues and MODAL_CLOSE.search(closing):
        cues = list_cues([match for match in matches if match.cue.direction == "leading"], "clause")
    return cues


MODAL_CLOSE = re.compile(r"\b(?:may|might|can|could|will|often|usually|sometimes)$", re.IGNORECASE)


def prevents_subject(sentence: Span, mentions: list[Mention], subject: Mention) -> bool:
    """Whether the line names its subject disease as something to prevent ('… to lower the risk of type 2 diabetes')."""
    return any(m.entity_type == DISEASE and m.canonical == subject.canonical and prevents_mention(sentence, m)
               for m in mentions)


def names_subject(mention: Mention, subject: Mention) -> bool:
    """Whether a mention names a list's subject disease or its family ('eczema' for atopic eczema)."""
    return mention.entity_type == DISEASE and (mention.canonical == subject.canonical or is_family_of(mention, subject))


def speaks_of_other(mention: Mention | None, about: ListContext | None) -> bool:
    """Whether a disease a line points at or opens with ('It causes …', 'If you have Katayama fever, …') is other than
    the subject its lines relate through, and other than that subject's family."""
    subject = about.subject if about is not None else None
    return mention is not None and subject is not None and not (names_subject(mention, subject)
                                                                or is_family_of(subject, mention))


def harms_subject(sentence: Span, mentions: list[Mention], subject: Mention) -> bool:
    """Whether the line says what harms its subject disease: 'steroid creams can make rosacea worse'
    (or '… can make it worse') under 'Treatment' names no treatment. A line on a treatment's own harm
    names no disease: 'steroid creams can cause thinning of the skin' still lists steroid creams."""
    named_at = [m.start - sentence.start_char for m in mentions if names_subject(m, subject)]
    if not named_at:  # 'Some medicines, such as anti-inflammatory painkillers, can make it worse.'
        return context.harms_referent(text_of(sentence))
    # the harm cue before the disease: not 'give vitamin A to children with measles … lowers the risk of eye damage'
    return context.states_harm(text_of(sentence), before=max(named_at))


def prevents_mention(sentence: Span, mention: Mention) -> bool:
    return context.prevents(text_of(sentence), mention.start - sentence.start_char, mention.end - sentence.start_char)


TOPIC_OPENING_WORDS = 3  # 'Most cases of pericarditis …': how far into a sentence its opening names the disease
WHILE_CLAUSE = re.compile(r"\b(?:while|whilst|until)\b[^,;:]*$", re.IGNORECASE)  # a clause saying meanwhile


@dataclass
class SectionState:
    """Where extraction stands in a document: the section's topic and what its heading and lists announce."""

    topic: Mention | None = None
    context: ListContext | None = None  # a section-wide cue of the heading ('Symptoms', 'Treatment')
    current_list: ListContext | None = None  # what the lines now being read relate through
    last_list: ListContext | None = None  # the latest list of the section, for 'You might also have:'
    harmful: bool = False  # the lines now read list triggers or causes ('Common psoriasis triggers include:')
    preventive: bool = False  # the section is about preventing the disease ('How can I avoid getting malaria?')
    about_harm: bool = False  # the section is about triggers or causes ('Triggers are not symptoms (but they matter!)')
    compared: tuple[str, ...] = ()  # the diseases a heading naming several sets side by side ('Is it piles or an anal fissure?')
    heading_words: frozenset[str] = frozenset()  # the content words of a heading that named no disease ('Could it be an ulcer?')
    heading_idx: int = -1  # the sentence index of the latest heading
    glossed_name: str = ""  # the title's name that folds into its other one ('stomach ulcer' in 'Stomach ulcers (peptic ulcers)')
    heading_disease: Mention | None = None  # the disease the latest heading naming one named ('Alopecia areata')
    titled_by_one: bool = False  # the title names one disease: a heading naming another is an aside ('Priapism')
    heading_named: Mention | None = None  # the disease the latest heading naming any named, if one ('What is contact dermatitis?')
    asked_about: bool = False  # that heading asked about it, and the headings since are questions naming no disease
    topic_counted: bool = False  # no title or headline names the page's disease: it is the one named most
    help_list: bool = False  # the lines now read say when to get help ('Call 999 if:'): they state no facts
    own_context: bool = False  # whether the latest heading set the section's context by a cue of its own
    help_section: bool = False  # so do the list lines under a heading saying when to get help ('When to see a GP')
    named_before_heading: Mention | None = None  # the disease a sentence of the section before named, under a heading naming none
    heading_named_idx: int = -1  # the sentence index of the latest heading naming a disease
    heading_named_alone: bool = False  # that heading was the disease's name alone ('Body odour (bromhidrosis)')
    heading_named_none: bool = False  # the latest heading named no disease ('Leg pain that stops when you stop?')
    aside_naming_none: bool = False  # it asked whether it could be another, unnamed ('Could it be hantavirus instead?')
    previous_heading_idx: int = -1  # the heading before the latest
    difference_idx: int = -1  # the latest heading asking how the page's disease differs from another
    differing: Mention | None = None  # the disease that heading's part of the page was about before it
    symptom_groups: ListContext | None = None  # a paragraph said the symptoms fall into groups: the subheadings name them

    def defines_heading_disease(self, named: Mention, sentence: Span, mentions: Sequence[Mention],
                                article_topic: Mention | None, defining: bool = False) -> None:
        """On a page titled by one disease, a heading that is another's name alone is an aside ('Priapism' / 'Boys
        with sickle cell disease can get priapism …'), unless its section opens by defining that disease with no word
        of the page's ('Body odour (bromhidrosis)' / 'Why do some people smell …?' / 'Bromhidrosis is the medical
        name for body odour …'): then the page has a part on it, and the headings after it naming none are its. The same
        holds where a heading naming no disease opens a section that defines one (defining: 'Leg pain that stops when you
        stop?' / 'Exertional compartment syndrome (ECS) … is a different problem …' / 'What helps?'), not one that
        only says how another is treated ('What to do' / 'Anaphylaxis is treated with adrenaline …')."""
        names_it = (self.heading_named is not None and self.heading_named_alone
                    and named.canonical == self.heading_named.canonical
                    and (defining or self.heading_named_idx == self.heading_idx))  # not a heading's far above it
        # or a heading naming another loosely ('What about the stomach bug …?' / 'Cryptosporidiosis … is caused by …')
        # (not the page's disease or its family: 'When bursitis becomes infected' / 'This is called septic bursitis')
        renames = (defining and self.heading_named is not None and self.heading_named_idx == self.heading_idx
                   and named.canonical != self.heading_named.canonical and not is_of_topic(self.heading_named, article_topic))
        if (self.heading_disease is None and (names_it or ((self.heading_named_none or renames) and defining))
                and (article_topic is None or all(mention.canonical != article_topic.canonical for mention in mentions))):
            self.heading_disease = named if self.heading_named_none or renames else self.heading_named

    def heading_names_other(self, article_topic: Mention | None) -> bool:
        """Whether the section's topic is a disease other than the page's that its heading alone named ('What about
        the stomach bug you can get from the water?'), not as its whole name ('Priapism')."""
        return (self.topic is not None and self.topic.sentence_idx == self.heading_idx and not self.heading_named_alone
                and self.heading_named is not None and self.heading_named_idx == self.heading_idx
                and article_topic is not None and self.topic.canonical != article_topic.canonical)

    @property
    def lists_no_treatment(self) -> bool:
        """Lines that name drugs as causes or as prevention, not as treatments: prevention is not treatment."""
        return self.harmful or self.preventive or self.about_harm

    def enter_heading(self, sentence: Span, sentence_idx: int, article_topic: Mention | None,
                      named: Sequence[Mention] = (), names_treatment: bool = False) -> None:
        """A heading opens a section (cue of section scope), ends one (a break word or another cue) or is a subsection.

        named: the diseases the heading's entities name; a subtype among them ('Ocular rosacea', found
        by ner.with_heading_subtypes) is the heading's topic, not the family the vocabularies know.
        """
        text = text_of(sentence).strip()
        matches = cue_matches(sentence)
        # a disease a sentence of the section before named as its topic ('This is called septic bursitis.')
        named_in_section = self.topic if self.topic is not None and self.topic.sentence_idx > self.heading_idx else None
        # the latest heading asked how the page's disease differs from another ('So how is it different from
        # Parkinson's?'): its section was that one's, and no heading after it naming none is ('What treatment is there?')
        after_difference = self.difference_idx == self.heading_idx
        self.previous_heading_idx, self.heading_idx = self.heading_idx, sentence_idx
        self.named_before_heading = named_in_section if not named else None
        heading_topic = topic_mention(text, shared_typer(), sentence_idx)
        if (heading_topic is not None and len({mention.canonical for mention in named}) == 1
                and (named[0].canonical.endswith(" " + heading_topic.canonical)
                     or not named[0].ontology_id and f" {heading_topic.canonical} " in f" {named[0].canonical} ")):
            # 'Fissure or fistula?' before '… An anal fistula is …'; 'Is oral allergy syndrome the same thing?', whose
            # name no vocabulary codes (the scan of its words finds 'allergy')
            heading_topic = as_topic(named[0], sentence_idx)
        if (heading_topic is None and len({mention.canonical for mention in named}) == 1
                and getattr(shared_typer().classify(named[0].text, "DISEASE"), "entity_type", None) != DISEASE):
            # a name the document made a disease's: "So, Cushing's - the opposite problem?", 'Frostbite' on a page titled
            # 'Hypothermia and frostbite'
            heading_topic = as_topic(named[0], sentence_idx)
        if (heading_topic is None and len({mention.canonical for mention in named}) == 1 and not named[0].ontology_id
                and shared_typer().has_disease_ending(named[0].canonical.rsplit(" ", 1)[-1])):
            # 'KORSAKOFF SYNDROME: THE LONGER-TERM STAGE': a name no vocabulary codes, which the scan of the
            # heading's words cannot see, but a disease's by its ending
            heading_topic = as_topic(named[0], sentence_idx)
        part_opened = opens_part(sentence, named)
        if heading_topic is None and part_opened:
            heading_topic = as_topic(named[0], sentence_idx)  # 'A quick word on corneal abrasions': a name no list knows
        compares = False
        if named and context.listed_cues("difference_cues.txt").search(text):
            self.difference_idx, self.differing = sentence_idx, self.heading_disease
        elif heading_topic is None and (other := other_of_either(text, named, article_topic)) is not None:
            # 'Kennedy disease or myotonic dystrophy?' on a page about Kennedy disease: an aside on the other one
            heading_topic = as_topic(other, sentence_idx)
            self.difference_idx, self.differing = sentence_idx, self.heading_disease
        if heading_topic is None and not named and after_difference:
            heading_topic = self.differing  # the part's disease before the aside ('essential tremor'), if any
        elif heading_topic is None and not named and self.heading_disease is not None:
            # 'What does it look like?', 'Treatment options' under 'Alopecia areata': still that disease's section
            heading_topic = self.heading_disease
        elif heading_topic is None and not named and self.points_back(sentence, article_topic):
            heading_topic = self.heading_named
        elif named:
            # 'Is this the same as Pontiac fever?' asks about an aside: 'How is it treated?' after it is the page's again
            compares = bool(context.listed_cues(COMPARISON_CUES).search(text))
            self.heading_named, self.asked_about = heading_topic, text.endswith("?") and not compares
            self.heading_named_idx = -1 if compares else sentence_idx  # an aside's heading carries nothing on
            self.heading_named_alone = names_only(sentence, named)
        if not named and not text.endswith("?"):
            self.asked_about = False
        self.heading_named_none = not named
        aside = is_aside_heading(text)
        self.aside_naming_none = not named and aside
        self.compared = tuple(mention.canonical for mention in named) if heading_topic is None and len(named) > 1 else ()
        # a part of the page about one disease ('Alopecia areata', 'PART 2: PRE-ECLAMPSIA'; on a page of no one disease
        # any heading naming one: 'WHERE DOES TETANUS COME FROM?') goes on through the headings after it that name
        # none ('What does it look like?'); not a kind of the page's disease ('Nail
        # psoriasis'), nor on a page its title says is about one disease (an aside there: 'Priapism' in a leaflet on
        # sickle cell disease)
        carried = (heading_topic is not None and self.heading_disease is not None
                   and heading_topic.canonical == self.heading_disease.canonical)  # 'What is alopecia areata?' under it
        if not carried:
            self.heading_disease = heading_topic if (
                heading_topic is not None and not compares
                and not (self.compared or (self.titled_by_one and not part_opened))
                and (names_only(sentence, named) or article_topic is None)
                and not (article_topic is not None and (is_family_of(article_topic, heading_topic)
                                                        or heading_topic.canonical == article_topic.canonical))) else None
        subtypes = [mention for mention in named if heading_topic is not None and is_family_of(heading_topic, mention)]
        if len(subtypes) == 1:
            heading_topic = as_topic(subtypes[0], sentence_idx)
        elif heading_topic is not None and article_topic is not None and heading_topic.canonical == self.glossed_name:
            heading_topic = as_topic(article_topic, sentence_idx)  # 'Symptoms of a stomach ulcer' on peptic ulcers
        elif (heading_topic is not None and article_topic is not None and is_family_of(heading_topic, article_topic)
              and not any(token.lower_ in coordination.word_set("other_kind_words.txt") for token in sentence)):
            heading_topic = as_topic(article_topic, sentence_idx)  # 'Severe eczema and specialist treatment' on atopic eczema
        # 'That turned out to be trigger finger …' / 'Signs to look out for:': an introduction goes on about it
        # '… the most likely answer is a ganglion cyst …' / 'How to spot one': a heading pointing at it opens its part
        points_at_one = not named and bool(POINTS_AT_ONE.search(text))
        continues_named = heading_topic is None and named_in_section is not None and (text.endswith(":") or points_at_one)
        if continues_named:
            heading_topic = named_in_section
            if points_at_one:
                self.heading_disease = named_in_section  # 'Does it need treating?' after 'How to spot one' goes on
        section_cues = list_cues(matches, "section")
        same_kind = self.context is not None and all(
            set(LICENSES[match.cue.predicate]) & set(self.context.cues) for match in matches)  # 'Medications' under 'Treatment'
        # 'What doesn't work' lists no treatments, as a section on causes does not
        breaks, harm = bool(context.section_breaks().search(text)), context.states_harm(text) or context.states_ineffective(text)
        if harm and named and calls_itself_a_cause(text, named[0].end - opening_of(sentence)):
            harm = False  # 'Leprosy: a different cause of long-lasting skin patches' is about leprosy, not its causes
        breaks = breaks or bool(CONTACT_DETAILS.search(text))  # 'Neurosurgery secretaries: 01632 960418': no treatment's
        breaks = breaks or aside  # 'Could it be something else?' after 'Treating the multicentric form'
        if context.states_prevention(text):
            self.preventive = True  # until a heading about treatment or another topic: 'Which tablets could I take?' stays
        elif section_cues or (matches and not same_kind) or breaks or (named and heading_topic is not None):
            self.preventive = False  # '… to be aware of: necrotising fasciitis' after 'Preventing it coming back'
        if not section_cues and not self.preventive and not harm and not breaks and context.opens_with_medicines(text):
            section_cues = {TREATED_BY: (MEDICINES_HEADING_CUE, TREATMENT_HEADING_STRENGTH)}  # 'Medicines to shrink fibroids'
        if names_treatment and not matches and not named and not self.preventive and not harm and not breaks:
            # 'Step two: topical corticosteroids for flares', 'Wet wraps': a section on one treatment of the topic
            section_cues = {TREATED_BY: (TREATMENT_HEADING_CUE, TREATMENT_HEADING_STRENGTH)}
        self.own_context = bool(section_cues)
        if section_cues:
            self.topic = heading_topic
            self.context = ListContext(section_cues, heading_topic or article_topic)
        elif (matches and not same_kind) or self.context is None or breaks:
            self.topic, self.context = heading_topic, None
        elif self.compared:
            self.topic, self.context = None, None  # 'How asthma differs from COPD' after 'Signs of a stroke'
        elif heading_topic is not None and self.context.subject is not None and is_family_of(self.context.subject, heading_topic):
            self.topic = heading_topic  # a subsection about a subtype: 'Plaque psoriasis' under 'Symptoms'
            self.context = replace(self.context, subject=heading_topic)
        elif heading_topic is not None and names_whom_for(text, named) and self.context.subject is not None:
            self.topic = heading_topic  # 'For insomnia' under 'What actually helps': that disease's part of the section
            self.context = replace(self.context, subject=heading_topic)
        elif heading_topic is not None and (self.context.subject is None or heading_topic.canonical != self.context.subject.canonical):
            self.topic, self.context = heading_topic, None  # 'Diabetes diet' in a psoriasis article: a new topic
        if named_in_section is not None and self.topic is named_in_section and not continues_named:
            # … is the topic of that section only: 'Looking after it yourself' is about the page's disease again
            self.topic = None
            if self.context is not None and self.context.subject is named_in_section:
                self.context = replace(self.context, subject=article_topic)
        cues = list_cues(matches, "list")
        self.current_list = ListContext(cues, self.topic or article_topic) if cues else self.context
        self.last_list = self.current_list
        self.harmful, self.help_list = harm, False
        self.help_section = bool(context.listed_cues("help_headings.txt").search(text))
        self.about_harm = harm and TREATED_BY not in section_cues  # not 'What causes gout and how is it treated?'
        self.heading_words = frozenset() if self.topic is not None else frozenset(
            token.lower_ for token in sentence if token.is_alpha and not token.is_stop)
        if self.preventive or self.about_harm:  # 'Can I stop gallstones forming?' under 'Treatment' lists no treatments
            self.context, self.current_list = without_treatments(self.context), without_treatments(self.current_list)
            self.last_list = self.current_list
        if self.symptom_groups is not None:
            if matches or named or breaks or harm or self.help_section:
                self.symptom_groups = None  # 'Why me?', 'What actually helps?': the groups are over
            elif self.context is None:
                self.context = self.current_list = self.last_list = self.symptom_groups  # 'Reliving it', 'On edge all the time'

    def announces_groups(self, sentence: Span, topic: Mention | None) -> None:
        """'The symptoms usually fall into a few groups.' (data/symptom_groups.txt): the subheadings after it, naming
        no cue of their own ('Reliving it', 'Keeping away from it'), head a group of the topic's symptoms each."""
        if topic is not None and context.listed_cues("symptom_groups.txt").search(text_of(sentence)):
            self.symptom_groups = ListContext({HAS_SYMPTOM: (SYMPTOM_GROUPS_CUE, SYMPTOM_GROUPS_STRENGTH)}, topic)

    def resumed_by_anaphor(self, sentence: Span, sentence_idx: int, mention_at: dict[int, Mention]) -> None:
        """A section under a heading naming no disease whose first sentence speaks of 'this condition' and names
        none is about the disease the section before named ('Doctors call this post-concussion syndrome …' /
        'What helps?' / 'There is no single pill for this condition …'), not the page's again."""
        if (self.named_before_heading is None or self.topic is not None or sentence_idx != self.heading_idx + 1
                or named_diseases(sentence, mention_at)
                or not context.listed_cues("section_anaphors.txt").search(text_of(sentence))):
            return
        self.topic = self.named_before_heading
        self.context, self.current_list = with_subject(self.context, self.topic), with_subject(self.current_list, self.topic)
        self.last_list = with_subject(self.last_list, self.topic)

    def inherited_context(self, named: Mention) -> bool:
        """Whether the section goes on with a context a heading before its own set, about a disease other than
        the one just named (a heading without a cue, 'THE OTHER ONE: PAIN ON THE OUTSIDE OF THE KNEE', after
        'HOW DO I GET RID OF IT?')."""
        return (self.context is not None and not self.own_context and self.context.subject is not None
                and self.context.subject.canonical != named.canonical and not is_family_of(self.context.subject, named))

    def points_back(self, heading: Span, article_topic: Mention | None) -> bool:
        """Whether a heading naming no disease is about the one the latest heading naming one named: on a page about
        no one disease, by pointing back ('What does it look and feel like?' after 'What is contact dermatitis?'); a
        question after a question about a disease other than the page's, by pointing back or by a word of its name
        ('How is molluscum treated?' after 'What is molluscum contagiosum?'), or, in a conversation no title or
        headline gives a disease, by asking on ('What would someone notice?' after "So, Cushing's - the opposite
        problem?"; on a guide headed 'Sickle cell disease', 'What symptoms might my child have?' after 'What about
        sickle cell trait?' asks about the page's disease)."""
        if self.heading_named is None:
            return False
        text = text_of(heading).strip()
        # "How do I know it's more than …?", 'How would I know I had one?'
        refers = bool(context.disease_anaphors().search(text) or IT_IS.search(text) or HAVING_ONE.search(text))
        if article_topic is None and refers:
            return True
        if (refers and CALLS_IT.search(text) and self.heading_named_idx == self.previous_heading_idx
                and not (article_topic is not None and is_family_of(article_topic, self.heading_named))):
            # 'Settling it down' right under 'Prickly heat: the other beach rash' on a page about sunburn (not 'Living
            # with it' under 'Ocular rosacea', a kind of the page's disease: that section is the page's again)
            return True
        if not (self.asked_about and text.endswith("?")):
            return False
        if article_topic is not None and self.heading_named.canonical == article_topic.canonical:
            return False
        return self.topic_counted or refers or names_part_of(heading, self.heading_named)

    def returns_to_topic(self, sentence: Span, sentence_idx: int, named: Sequence[Mention],
                         article_topic: Mention | None) -> None:
        """A part of the page about another disease (heading_disease) ends where the first sentence under a heading
        naming none opens by naming the page's disease ('What will the doctors do?' / 'Most cases of pericarditis are
        treated at home' after a part on myocarditis): the section is the page's again. Not where the heading named
        the part's disease ('Bronchiectasis: the other one' / '… bronchiectasis, sometimes alongside COPD'), nor for
        a risk list naming the page's disease ('First pregnancy, being over 40, … having gestational diabetes')."""
        if (self.heading_disease is None or article_topic is None or sentence_idx != self.heading_idx + 1
                or not self.heading_named_none
                or any(mention.canonical == self.heading_disease.canonical for mention in named)):
            return
        text = text_of(sentence)
        if not any(mention.canonical == article_topic.canonical
                   and len(text[:mention.start - sentence.start_char].split()) <= TOPIC_OPENING_WORDS for mention in named):
            return
        self.heading_disease = None
        if self.topic is not None and self.topic.canonical != article_topic.canonical:
            self.topic = None
        self.context, self.current_list, self.last_list = (
            with_subject(about, article_topic) if about is not None and about.subject is not None
            and about.subject.canonical != article_topic.canonical else about
            for about in (self.context, self.current_list, self.last_list))

    def opened_by_overview(self, sentence: Span, sentence_idx: int, topic: Mention | None) -> None:
        """A section under a heading without a cue ("It's not just your mouth") is about the topic's
        symptoms where its opening sentence sums them up ('… symptoms vary a lot from one person to the next')."""
        if (self.context is not None or topic is None or sentence_idx != self.heading_idx + 1
                or not context.symptom_overviews().search(text_of(sentence))):
            return
        cues = {predicate: cue for predicate, cue in list_cues(cue_matches(sentence), "section").items()
                if predicate == HAS_SYMPTOM}
        if cues:
            self.context = self.current_list = ListContext(cues, topic)

    def named_by_heading(self, diseases: Sequence[Mention], sentence_idx: int, article_topic: Mention | None) -> None:
        """A heading naming a disease by its head word alone ('Could it be an ulcer?') is about the
        disease of that head the section then names ('… can also come from a stomach ulcer'), unless
        that is the article's disease or its family ('eczema' on a page about atopic eczema)."""
        if self.topic is not None or not self.heading_words:
            return
        head_named = [disease for disease in diseases
                      if {disease.canonical.rsplit(" ", 1)[-1], disease.text.lower().rsplit(" ", 1)[-1]} & self.heading_words
                      and not (article_topic is not None and (is_family_of(disease, article_topic)
                                                              or is_family_of(article_topic, disease)))]
        if not head_named:
            return
        self.topic, self.heading_words = as_topic(head_named[0], sentence_idx), frozenset()
        self.context, self.current_list = with_subject(self.context, self.topic), with_subject(self.current_list, self.topic)

    def subtype_line(self, disease: Mention | None, article_topic: Mention | None) -> bool:
        """Whether a line naming only a disease introduces a subtype of what is being described.

        'Plaque psoriasis.' under a list about psoriasis makes plaque psoriasis the subject of the
        paragraph below; 'Frequent infections.' in a list of diabetes symptoms is just an item.
        """
        if disease is None:
            return False
        # the section's disease too: 'Erythrodermic psoriasis.' after the 'Pustular psoriasis.' item
        # and the heading's: 'Allergic contact dermatitis.' after 'Irritant contact dermatitis.' under 'What is contact dermatitis?'
        described = [self.current_list.subject if self.current_list else None, self.topic or article_topic,
                     self.context.subject if self.context else None, self.heading_named]
        if not any(item is not None and is_family_of(item, disease) for item in described):
            return False
        self.topic = disease
        if self.current_list is not None:
            self.current_list = replace(self.current_list, subject=disease, from_topic=True)
        return True

    def introduce_list(self, sentence: Span, mention_at: dict[int, Mention], topic: Mention | None,
                       before: Span | None = None, paragraph_cues: dict[str, tuple[str, float]] | None = None,
                       pointed: bool = False) -> None:
        """A line ending with ':' opens a list: with its own list cues, or continuing the list or section around it,
        or, with neither, those its paragraph stated before it (paragraph_cues: 'The first sign is usually a
        sudden pain … Within a few hours:').

        An introduction with only narrower cues ('Possible causes include:') opens no list. One that
        points back ('These medications include:') at a sentence naming triggers or causes lists them,
        not treatments (a sentence that names the disease they harm: not 'Many of these drugs have side effects').
        A list whose introduction points back at a disease (pointed: 'A shortage of B12 can cause … It can also
        cause:') is about that one, however it continues an earlier list.
        """
        matches = cue_matches(sentence)
        # not what a 'while' clause names ('To ease the discomfort while the antibiotics work:' lists more treatments)
        named = [mention for mention in sentence_mentions(sentence, mention_at)
                 if not WHILE_CLAUSE.search(text_of(sentence)[:mention.start - sentence.start_char])]
        # 'Tell your leader straight away if:' announces conditions, not symptoms; so, under 'When should I get
        # help?', does 'Call 999 … if you or someone you are with:' (not 'Contact your GP … if you develop:' under
        # 'Giant cell arteritis: know the warning signs')
        # a callout's label says so itself: 'Immediate action required: Go to A&E or call an ambulance if you have:'
        labelled_help = bool(CALLOUT_LABEL.match(text_of(sentence))) and tells_to_get_help(sentence)
        self.help_list = bool(CONDITIONS_LIST.search(text_of(sentence))
                              or ((self.help_section or labelled_help) and CONDITIONS_OF_PERSON.search(text_of(sentence))))
        if self.help_list:
            self.current_list = None
            return
        cues = list_cues(matches, "list") or closing_cues(sentence, matches)
        self.harmful = context.states_harm(text_of(sentence)) or (
            before is not None and sentence[0].lower_ in BACK_REFERENCES and context.states_harm(text_of(before))
            and bool(named_diseases(before, mention_at)))  # not 'these medications can have side effects'

        if cues and self.context is not None and not named:
            # 'We suggest remembering the four Ts:' under 'Spotting the signs' still lists signs
            cues = {**self.context.cues, **cues}
        if self.lists_no_treatment:
            cues = {predicate: cue for predicate, cue in cues.items() if predicate == HAS_SYMPTOM}
        inherited = None
        continues = self.last_list is not None and bool(context.list_continuations().search(text_of(sentence)))
        around = self.current_list or self.context
        # 'To help you get better:' under 'Treatment': a clause cue of the section's own kind continues it
        # (not one naming what manages: 'Insulin manages how the body uses sugar in the following ways:')
        # ('When it does cause trouble, the classic pattern is known as neurogenic claudication:' names only symptoms)
        names_symptoms = bool(named) and all(mention.entity_type == SYMPTOM for mention in named)
        # '… a non-drowsy antihistamine works well, such as:' under 'Antihistamine tablets' lists kinds of a treatment
        names_examples = bool(named) and named[-1].entity_type == TREATMENT and bool(EXAMPLES_END.search(text_of(sentence)))
        same_kind = (around is not None and all(set(LICENSES[match.cue.predicate]) & set(around.cues) for match in matches)
                     and ((not self.lists_no_treatment and (not named or (names_examples and TREATED_BY in around.cues)))
                          or (set(around.cues) == {HAS_SYMPTOM} and names_symptoms)))
        if not cues and (not matches or same_kind):
            inherited = around or (self.last_list if continues else None)
            cues = inherited.cues if inherited else dict(paragraph_cues or {})
        elif continues:
            inherited = self.last_list  # 'You might also have:' has a cue of its own and continues the list before
        subject, from_topic = list_subject(sentence, mention_at, topic, introduces=True)
        if inherited is not None and from_topic and inherited.subject is not None and not pointed:
            subject = inherited.subject  # 'You might also have:' continues the list about lupus
        self.current_list = ListContext(cues, subject, context.is_hedged(sentence), from_topic) if cues else None
        if self.current_list is not None:
            self.last_list = self.current_list

    def section_relations(self, sentence: Span, sentence_idx: int, mention_at: dict[int, Mention],
                          referent: Mention | None = None) -> list[RelationEvidence]:
        """A paragraph of a 'Symptoms' or 'Treatment' section states its symptoms or treatments of the section's disease;
        not a sentence pointing back at another disease (referent: 'HACE is swelling of the brain. It causes
        confusion …' under 'What does AMS feel like?' states HACE's symptoms, not AMS's)."""
        if self.context is None or self.about_other(referent) or tells_to_get_help(sentence):
            return []
        about = self.context
        if about.subject is not None and self.topic is not None and is_family_of(about.subject, self.topic):
            about = replace(about, subject=self.topic)  # the 'Nail psoriasis.' paragraph of a psoriasis section
        if HAS_SYMPTOM in about.cues and context.names_side_effects(text_of(sentence)):
            # 'Common side effects of these medicines are drowsiness, a dry mouth and blurred vision.'
            about = without_predicate(about, HAS_SYMPTOM)
            if about is None:
                return []
        return list_item_relations(sentence, sentence_idx, about, mention_at, factor=SECTION_FACTOR)

    def about_other(self, referent: Mention | None) -> bool:
        """Whether a sentence pointing back at a disease ('It causes …') points at one other than its section's."""
        return speaks_of_other(referent, self.context)

    def end_list(self) -> None:
        self.current_list = self.context
        self.harmful = self.help_list = False


DISEASE_AS_CAUSE = re.compile(r"\s*[:,\u2013\u2014-]?\s*(?:is\s+)?(?:a|an|another|one)\s+(?:[\w-]+\s+){0,2}cause\s+of\b",
                              re.IGNORECASE)


def calls_itself_a_cause(text: str, disease_end: int) -> bool:
    """Whether a heading goes on from its disease by calling it a cause of something ('Leprosy: a different cause
    of long-lasting skin patches'): what the disease causes, not what causes it."""
    return DISEASE_AS_CAUSE.match(text, disease_end) is not None


CONDITION_OPENING = re.compile(r"^\W*(?:if|for)\b", re.IGNORECASE)  # 'If …', 'For heavy bleeding, go straight to A&E'


def tells_to_get_help(sentence: Span) -> bool:
    """A sentence saying when to get help ('If your child's knee is hot and swollen all over, they have a temperature,
    …, please see your GP.', 'Call 999 if you're too breathless to speak …', 'You should also see a GP if …'): what it
    names are reasons to get help, not the section's symptoms."""
    text = text_of(sentence)
    helps = context.listed_cues("help_headings.txt")
    if CONDITION_OPENING.match(text):
        return bool(helps.search(text))
    opening = helps.search(text)
    if opening is None:
        return False
    before = text[:opening.start()].rpartition(":")[2]  # a callout's label ('Immediate action required: Go to A&E if …')
    return len(before.split()) <= MAX_WORDS_BEFORE_HELP and bool(IF_AFTER_HELP.match(text[opening.end():]))


# 'Call 999 straight away if …', 'Go straight to A&E after a bang, or if …'
IF_AFTER_HELP = re.compile(r"^(?:\W+\w+){0,12}?\W+if\b", re.IGNORECASE)
MAX_WORDS_BEFORE_HELP = 4  # 'You should also see a GP if …'


def with_subject(about: ListContext | None, subject: Mention | None) -> ListContext | None:
    """What a list or section announces, about another disease; None stays None."""
    return replace(about, subject=subject) if about is not None else None


def without_treatments(about: ListContext | None) -> ListContext | None:
    """What a list or section announces, less its treatments; None when nothing is left."""
    return without_predicate(about, TREATED_BY)


def without_predicate(about: ListContext | None, predicate: str) -> ListContext | None:
    """What a list or section announces, less one predicate; None when nothing is left."""
    if about is None or predicate not in about.cues:
        return about
    cues = {kept: cue for kept, cue in about.cues.items() if kept != predicate}
    return replace(about, cues=cues) if cues else None


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

