"""Coordination: 'itchy, red or watery eyes' names three symptoms, 'nausea and vomiting' two.

Health articles pack several facts into one coordinated phrase, and a relation to the phrase is a
relation to each conjunct. No parser is loaded, so conjuncts are read from tokens next to a typed
entity: bare words joined by commas, 'and', 'or' (and adverbs such as 'sometimes',
data/coordination_words.txt) that share the entity's head ('joint and muscle pain'), its
modifier ('sensitivity to light, sound and smell') or a body part ('pain around your temples and
forehead', data/body_parts.txt); qualities predicated of a body part ('the skin becomes itchy, dry
and cracked'), verbs it does ('skin that may crack and bleed') and things one has trouble with
('trouble with memory, thinking and understanding'), states felt or come into ('feel achy, tired and unwell',
'become confused'), acts that are hard ('hard to swallow') and bodily verbs a modal governs ('may drool or
vomit') are read the same way. Each conjunct is returned with the full name it stands for; the entity
typer decides what that name is.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import AbstractSet, Callable, Iterable

from spacy.tokens import Doc, Span, Token

from extractors.doc_index import sentence_at, sentence_of, token_indexes
from extractors.entity_types import DEGREE_WORDS, EntityTyper, TypedConcept
from extractors.terms import gerunds, term_key
from extractors.vocabulary import read_list, read_table

CONJUNCTIONS = frozenset({"and", "or"})
PREPOSITIONS = frozenset({"in", "inside", "of", "around", "on", "over", "along", "affecting", "behind", "at", "from", "down",
                          "across"})  # placing a symptom: 'pain down the back of the leg'
PARTICLES = frozenset({"out", "up", "down", "off", "away"})
PLACE_ADVERBS = frozenset({"right", "just", "directly", "deep", "low", "high", "up", "mostly", "mainly", "usually",
                           "often"})  # 'right over the kneecap', 'deep in the front of the shoulder': the place follows
MAX_PLACE_ADVERBS = 2  # 'high up in your belly'
BODY_WINDOW_TOKENS = 12  # 'inflammation of different parts of the body including the lungs, ...'
ADJECTIVE_ENDINGS = ("y", "ed", "en", "ful", "ous", "al", "ic", "ive", "ing", "ble", "ar")
MIN_ADJECTIVE_STEM = 3  # letters before the ending: 'active', 'oily'; not the noun 'drive' ('loss of sex drive and low libido')
ADVERB_ENDINGS = ("sily", "ally", "ously", "ently", "antly", "wly", "dly", "tely", "ibly", "ably", "nly")  # not "oily", "tickly"
SHORT_ADJECTIVES = frozenset({"red", "dry", "sore", "raw", "hot", "cold", "pale", "dark", "weak", "stiff", "tight", "warm",
                              "thick", "fast", "tender", "numb", "blue"})
TROUBLE_WORDS = frozenset({"trouble", "troubles", "problem", "problems", "difficulty", "difficulties"})
FUNCTION_WORDS = frozenset({"function", "functions", "functioning"})  # 'bladder or sexual function'
SHARING_PREPOSITIONS = frozenset({"to", "of", "in"})  # 'sensitivity to light, sound and smell', 'loss of taste or smell'
AUXILIARIES = frozenset({"to", "can", "may", "might", "will", "often", "also", "usually", "sometimes", "could",
                         "tend", "tends", "start", "starts", "begin", "begins",  # 'the legs tend to become weak'
                         "gradually", "slowly", "eventually", "then"})  # 'Joints gradually become stiff'
STATE_ADVERBS = frozenset({"often", "usually", "sometimes", "also", "very", "slightly", "visibly"})  # 'are often enlarged'
DETERMINERS = frozenset({"the", "your", "their", "his", "her", "its", "a", "an", "both", "my", "our"})
INDEFINITE_ARTICLES = frozenset({"a", "an"})
GLOSS_WORDS = frozenset({"called"})  # 'swelling and irritation, called inflammation, in the joints'


@dataclass(frozen=True)
class Conjunct:
    """Tokens [start, end) of one conjunct and the name it stands for ('red' -> 'red eyes')."""

    start: int
    end: int
    name: str
    known_only: bool = False  # joined by commas alone ('dry, irritated skin'): kept only if the name is a known one


@lru_cache(maxsize=None)
def word_set(name: str) -> frozenset[str]:
    """The lowercase words of a one-word-per-line data file."""
    return frozenset(word.lower() for word in read_list(name))


@lru_cache(maxsize=None)
def phrase_list(name: str) -> tuple[tuple[str, ...], ...]:
    """The lowercase words of each phrase of a one-phrase-per-line data file, in file order ('the pain' ->
    ('the', 'pain'))."""
    return tuple(dict.fromkeys(tuple(line.lower().split()) for line in read_list(name)))


@lru_cache(maxsize=None)
def longest_first(name: str) -> tuple[tuple[str, ...], ...]:
    """The phrases of a data file, longest first, where the first that matches wins ('this pain' before 'this')."""
    return tuple(sorted(phrase_list(name), key=len, reverse=True))


def body_parts() -> frozenset[str]:
    return word_set("body_parts.txt")


def located_heads() -> frozenset[str]:
    return word_set("located_heads.txt")


@lru_cache(maxsize=1)
def quality_subjects() -> frozenset[str]:
    """What a quality may be said of: body parts, and appetite, urine, vision and the like."""
    return body_parts() | word_set("predicated_subjects.txt")


def linking_verbs() -> frozenset[str]:
    return word_set("linking_verbs.txt")


def linking_words() -> frozenset[str]:
    return word_set("coordination_words.txt")


def is_connector(token: Token) -> bool:
    return token.text == "," or token.lower_ in CONJUNCTIONS or token.lower_ in linking_words()


def is_bare(token: Token, taken: set[int]) -> bool:
    """A lone content word outside every entity: what a conjunct sharing the entity's other words is."""
    return token.is_alpha and not token.is_stop and token.i not in taken and token.lower_ not in linking_words()


def looks_like_adjective(word: str) -> bool:
    """'itchy', 'swollen', 'painful', 'blocked', 'red': a modifier, unlike 'flashes' in 'light flashes or bright spots'
    or the adverb in 'bruising easily or unexplained bleeding'."""
    ending = next((ending for ending in ADJECTIVE_ENDINGS if word.endswith(ending)), "")
    return (bool(ending) and len(word) - len(ending) >= MIN_ADJECTIVE_STEM and not word.endswith(ADVERB_ENDINGS)
            or word in SHORT_ADJECTIVES)


def ends_phrase(doc: Doc, index: int) -> bool:
    """Whether the token at index closes a one-word conjunct: a connector, punctuation, a relative
    pronoun (data/conjunct_ends.txt) or the end."""
    return (index >= len(doc) or not doc[index].is_alpha or is_connector(doc[index])
            or doc[index].lower_ in word_set("conjunct_ends.txt"))


def entity_parts(span: Span) -> list[Span]:
    """The pieces of an entity that itself contains a coordination ('nausea and vomiting')."""
    parts, start = [], span.start
    for token in span:
        if is_connector(token):
            if token.i > start:
                parts.append(span.doc[start:token.i])
            start = token.i + 1
    if start < span.end:
        parts.append(span.doc[start:span.end])
    return parts if len(parts) > 1 else []


def right_conjuncts(span: Span, taken: set[int]) -> list[Conjunct]:
    """'[sensitivity to light], sound, and sometimes smell', '[blood in the urine] or stools': bare words after the entity
    that replace its last word."""
    doc, found, index, joined = span.doc, [], span.end, False
    if index >= len(doc) or not is_connector(doc[index]):
        return []  # most entities: nothing joined after them
    prefix = " ".join(token.text for token in span[:-1])
    placed = span[-1].lower_ in located_heads() and all(t.lower_ in body_parts() for t in span[:-1])  # 'chest pain'
    shares_words = ((len(span) > 1 and span[-2].lower_ in SHARING_PREPOSITIONS) or placed
                    or (len(span) > 2 and span[-2].lower_ in DETERMINERS and span[-3].lower_ in SHARING_PREPOSITIONS)
                    or all(looks_like_adjective(t.lower_) for t in span[:-1]))
    if len(span) > 1 and (span[-1].lower_ in PARTICLES or not shares_words):
        # 'heart attacks, and miscarriage' shares no words: only a modifier, a place ('chest pain or tightness')
        # or 'sensitivity to' is shared, and no phrasal verb's ('washed out and exhausted')
        return []
    while index < len(doc):
        connectors = 0
        while index < len(doc) and is_connector(doc[index]):
            joined = joined or doc[index].lower_ in CONJUNCTIONS
            connectors += 1
            index += 1
        if not connectors or index >= len(doc) or not is_bare(doc[index], taken) or not ends_phrase(doc, index + 1):
            break
        if doc[index].text.isupper() and len(doc[index].text) > 1:
            break  # 'Generalised anxiety disorder, or GAD,': the short form of the name, no conjunct sharing its words
        if doc[index].lower_ in word_set("person_words.txt"):
            break  # '… developmental delay, and children often have …': whom the next clause speaks of
        if index + 1 < len(doc) and doc[index + 1].text == "-" and not doc[index].whitespace_:
            break  # '… in the chest and blue-tinged lips': the first word of a hyphenated one
        if prefix.lower() in FEEL_WORDS and doc[index].lower_.endswith("ing"):
            break  # 'feeling sick or shaking': a gerund of its own, not 'feeling shaking' ('feeling sick or dizzy' shares)
        if modifies_next_entity(doc, index, taken):
            break  # 'heavy sweating, pale and clammy skin': 'pale' shares the next entity's head, not 'heavy'
        found.append(Conjunct(index, index + 1, f"{prefix} {doc[index].text}".strip()))
        index += 1
    return found if joined else []


def modifies_next_entity(doc: Doc, index: int, taken: set[int]) -> bool:
    """Whether the adjective at index is joined by a conjunction to an entity of several words that opens
    with an adjective too ('pale and [clammy skin]'): a left conjunct of that entity."""
    after = index + 1
    while after < len(doc) and doc[after].lower_ in CONJUNCTIONS:
        after += 1  # a comma closes the word's phrase: 'feeling low or irritable, and difficulty concentrating'
    return (after > index + 1 and after + 1 < len(doc)
            and {after, after + 1} <= taken and looks_like_adjective(doc[index].lower_)
            and looks_like_adjective(doc[after].lower_))


def left_conjuncts(span: Span, taken: set[int]) -> list[Conjunct]:
    """'itchy, red or [watery eyes]', 'joint and [muscle pain]': bare words before the entity that replace its first word."""
    doc = span.doc
    if len(span) < 2 or span.start < 2 or (doc[span.start - 1].lower_ not in CONJUNCTIONS and doc[span.start - 1].text != ","):
        return []
    if span[-1].lower_ in PARTICLES:
        return []  # 'drained, confused or washed out': a phrasal verb's particle is no head to share
    asyndetic = doc[span.start - 1].text == ","  # 'dry, irritated skin'
    first_end = 1  # where the first word ends: 'cloudy or [bad-smelling urine]' shares 'urine', not '-smelling urine'
    while first_end + 1 < len(span) and span[first_end].text == "-" and not span[first_end - 1].whitespace_:
        first_end += 2
    if first_end < len(span) and span[first_end].lower_ in SHARING_PREPOSITIONS and looks_like_adjective(span[0].lower_):
        return []  # an adjective with its complement shares it with no word before: 'red, gritty and sensitive to light'
    rest = " ".join(token.text for token in span[first_end:])
    found: list[Conjunct] = []
    index = span.start - 2
    if doc[index].text == "," and not asyndetic:  # Oxford comma: 'itchy, red, or watery eyes'
        index -= 1
    body_head = span[0].lower_ in body_parts()  # 'joint and muscle pain', not 'arm or leg and trouble speaking'
    if span[-1].lower_.endswith("ly"):
        return []  # an adverb is no head to share: not 'grumpy and [sleep badly]'
    while (index >= 0 and is_bare(doc[index], taken) and (doc[index].lower_ in body_parts()) == body_head
           and (body_head or looks_like_adjective(doc[index].lower_))):
        if index > 0 and doc[index - 1].lower_ == "than":
            break  # 'peeing much less than usual, or passing …': a comparison's word shares no head
        found.append(Conjunct(index, index + 1, f"{doc[index].text} {rest}", asyndetic))
        if index < 2 or doc[index - 1].text != ",":
            break
        index -= 2
    return found[::-1]


def body_list_at(doc: Doc, index: int, end: int, repeated: frozenset[str] = frozenset()) -> list[int]:
    """Token indexes of a coordinated list of body parts starting at index that ends the phrase, else [];
    words of repeated may open each item again ('to your back or to your shoulder')."""
    parts: list[int] = []
    index = past_side_words(doc, index, end)
    while index < end and doc[index].lower_ in body_parts():
        parts.append(index)
        index = past_parenthesis(doc, index + 1, end)  # 'your left arm (or both arms), your neck'
        if index + 1 < end and doc[index].text == "," and doc[index + 1].lower_ in word_set("placement_ends.txt"):
            return parts  # 'pain in your upper tummy, which spreads …': the phrase ends at the comma
        after_comma = index + 1 < end and doc[index].text == "," and doc[index + 1].lower_ in CONJUNCTIONS
        part_end = index
        while index < end and (is_connector(doc[index]) or doc[index].lower_ in DETERMINERS
                               or (index > part_end and doc[index].lower_ in repeated)):
            index += 1
        index = past_side_words(doc, index, end) if index > part_end else index
        if index == part_end and index < end and (doc[index].is_stop or doc[index].lower_ in word_set("placement_ends.txt")):
            return parts  # 'pain in the heel with your first steps', '… in the legs and ankles caused by fluid'
        if index > part_end and index < end and doc[index].lower_ in word_set("place_refinements.txt"):
            return parts  # 'at the back of the heel or just above it': the heel, more or less
        if (index > part_end and index < end and doc[index].lower_ in word_set("predicate_openers.txt")
                and any(token.lower_ in CONJUNCTIONS for token in doc[part_end:index])):
            return parts  # '… to the forehead, jaw or face and is often worse at night': the list ended at 'face'
        if index < end and doc[index].lower_ not in body_parts() and doc[index].is_alpha:
            # 'in the groin or buttock, and sometimes a limp': a new item; 'in the face or one side of the body': no list;
            # 'in the lower back or down the legs, often worse at night': a comma alone ends a list of two or more
            # and 'in your lower tummy and a burning feeling': an article opens a new item
            comma_only = doc[part_end].text == "," and not any(t.lower_ in CONJUNCTIONS for t in doc[part_end:index])
            new_item = any(t.lower_ in INDEFINITE_ARTICLES for t in doc[part_end:index])
            return parts if after_comma or new_item or (comma_only and len(parts) > 1) else []
    return parts


def past_side_words(doc: Doc, index: int, end: int) -> int:
    """The index after the side words (data/side_words.txt) that stand before a body part ('left arm')."""
    start = index
    while index < end and doc[index].lower_ in word_set("side_words.txt"):
        index += 1
    return index if index < end and doc[index].lower_ in body_parts() else start


def past_parenthesis(doc: Doc, index: int, end: int) -> int:
    """The index after a parenthesis that opens at index ('(or both arms)'), else index."""
    if index >= end or doc[index].text != "(":
        return index
    closing = next((i for i in range(index + 1, end) if doc[i].text == ")"), None)
    return closing + 1 if closing is not None else index


FREQUENCY_ASIDES = (("most", "often"), ("usually",), ("often",), ("mainly",), ("mostly",), ("typically",))


def past_frequency_aside(doc: Doc, index: int) -> int:
    """The index past a comma and a frequency word before a place ('swelling, most often of the lips'),
    else index unchanged."""
    if index >= len(doc) or doc[index].text != ",":
        return index
    for aside in FREQUENCY_ASIDES:
        end = index + 1 + len(aside)
        words = tuple(token.lower_ for token in doc[index + 1:end])
        if end < len(doc) and words == aside and doc[end].lower_ in PREPOSITIONS:
            return end
    return index


MAX_GLOSS_TOKENS = 5  # '(oedema)', '(a dull ache)': a bracket right after a symptom that glosses it


def body_parts_after(span: Span, taken: set[int]) -> list[int]:
    """Body-part tokens that place a bare symptom: 'pain around your temples and forehead'."""
    doc = span.doc
    index = span.end + 1 if is_gloss(span) else span.end  # '..., called inflammation, in the joints'
    index = past_parenthesis(doc, index, min(len(doc), index + MAX_GLOSS_TOKENS))  # 'swelling (oedema) of the ankles'
    index = past_felt(doc, index)  # 'a dull ache that is often felt in the lower back, hips …'
    if (index + 2 < len(doc) and doc[index].lower_ in CONJUNCTIONS and doc[index + 1].lower_ in located_heads()
            and doc[index + 2].lower_ in PREPOSITIONS):
        index += 2  # 'pain and cramping in the tummy': both are placed
    adverbs = 0
    while adverbs < MAX_PLACE_ADVERBS and index + adverbs < len(doc) and doc[index + adverbs].lower_ in PLACE_ADVERBS:
        adverbs += 1
    if adverbs and index + adverbs < len(doc) and doc[index + adverbs].lower_ in PREPOSITIONS:
        index += adverbs  # 'swelling right over the front of the kneecap', 'an ache deep in the shoulder'
    index = past_frequency_aside(doc, index)  # 'swelling, most often of the lips, eyelids …'
    if index >= len(doc) or doc[index].lower_ not in PREPOSITIONS:
        return []
    while index + 1 < len(doc) and doc[index + 1].lower_ in PREPOSITIONS | CONJUNCTIONS:  # 'in and around'
        index += 1
    end = min(sentence_of(span).end, index + 1 + BODY_WINDOW_TOKENS)
    before_comma: list[int] = []  # 'in the tummy, often on the lower right side': the tummy, if no part follows
    for position in range(index + 1, end):
        token = doc[position]
        if token.text in {";", ":", "."} or (position in taken):
            return before_comma
        if token.lower_ in body_parts() and before_comma and refines_place(doc, position):
            return before_comma  # 'in the upper part of your tummy, under the ribs': the tummy, under the ribs
        if token.lower_ in body_parts() and not (position + 1 < end and doc[position + 1].lower_ == "of"):
            # 'at the back of the heel' places the pain in the heel, not the back
            parts = body_list_at(doc, position, sentence_of(span).end, PREPOSITIONS)  # '… in the lower back or down the legs'
            if parts and not taken.intersection(parts):
                return parts
            # 'swelling of the scrotum (ball sack), usually …'; not past a disease's name ('of the brain (encephalitis)')
            after = past_parenthesis(doc, position + 1, len(doc))
            after = position + 1 if taken.intersection(range(position + 1, after)) else after
            if not before_comma and after < len(doc) and doc[after].text == "," and position not in taken:
                before_comma = [position]
    return before_comma


REFINING_PREPOSITIONS = frozenset({"under", "below", "beneath", "above", "near", "beside", "behind"})


def refines_place(doc: Doc, position: int) -> bool:
    """Whether the body part at position follows a preposition that narrows a place already named ('…, under the
    ribs', '…, just below the kneecap')."""
    index = position - 1
    while index >= 0 and doc[index].lower_ in DETERMINERS:
        index -= 1
    return index >= 0 and doc[index].lower_ in REFINING_PREPOSITIONS


FELT_LEAD_WORDS = frozenset({"that", "which", "is", "are", "can", "may", "be", "also", "sometimes", "typically",
                             "commonly", "generally"}) | PLACE_ADVERBS
MAX_FELT_LEAD = 4


def past_felt(doc: Doc, index: int) -> int:
    """Where the place of a symptom said to be felt somewhere begins: after 'felt' in 'an ache that is often
    felt in …' or 'pain felt in …'; index itself where no such words follow."""
    for position in range(index, min(len(doc), index + MAX_FELT_LEAD + 1)):
        if doc[position].lower_ == "felt":
            return position + 1
        if doc[position].lower_ not in FELT_LEAD_WORDS:
            break
    return index


def coordination_chain(span: Span, entities: list[Span]) -> list[Span]:
    """The entities coordinated with span, in text order: 'pain, [stiffness], and swelling'."""
    doc = span.doc
    by_end = {entity.end: entity for entity in entities}
    by_start = {entity.start: entity for entity in entities}
    chain = [span]
    while True:  # leftwards
        cursor = chain[0].start - 1
        while cursor >= 0 and is_connector(doc[cursor]):
            cursor -= 1
        if cursor == chain[0].start - 1 or cursor + 1 not in by_end:
            break
        chain.insert(0, by_end[cursor + 1])
    while True:  # rightwards
        cursor = chain[-1].end
        while cursor < len(doc) and is_connector(doc[cursor]):
            cursor += 1
        following = by_start.get(cursor) or glossing_entity(doc, cursor, by_start)
        if cursor == chain[-1].end or following is None:
            break
        chain.append(following)
    return chain


def glossing_entity(doc: Doc, index: int, by_start: dict[int, Span]) -> Span | None:
    """The entity that glosses the lay word at index ('irritation, called inflammation,'): it
    stands in the coordination where the word is."""
    if index + 3 < len(doc) and doc[index].is_alpha and doc[index + 1].text == "," \
            and doc[index + 2].lower_ in GLOSS_WORDS:
        return by_start.get(index + 3)
    return None


def is_gloss(span: Span) -> bool:
    """Whether span is a gloss set off by commas: the comma after it does not end its phrase."""
    doc = span.doc
    return span.start > 1 and doc[span.start - 1].lower_ in GLOSS_WORDS and doc[span.start - 2].text == "," \
        and span.end < len(doc) and doc[span.end].text == ","


def located_names(symptom: str, part_tokens: list[Token]) -> list[str]:
    """'<body part> <symptom>' for each body part, singular ('temples' -> 'temple pain'), by its two-word name where
    the word before it makes one ('pain in the lower back' -> lower back pain)."""
    return [f"{part_name(token)} {symptom}" for token in part_tokens]


REGION_WORDS = frozenset({"part", "half", "area", "section", "side"})  # 'the upper part of your tummy'
VERTICAL_WORDS = frozenset({"upper", "lower"})
SIDE_WORDS = frozenset({"left", "right"})


def part_name(token: Token) -> str:
    """A body part's name: its singular, or the two-word part it ends ('lower back', 'big toe'), also where a region
    of it is named ('pain in the upper part of your tummy' is upper abdominal pain)."""
    doc, part = token.doc, body_singular(token.lower_)
    if token.i > 0 and f"{(before := doc[token.i - 1]).lower_} {part}" in body_parts() and "\n" not in before.whitespace_:
        return f"{before.lower_} {part}"
    index = token.i - 1
    while index >= 0 and doc[index].lower_ in DETERMINERS:
        index -= 1
    if index >= 3 and doc[index].lower_ == "of" and doc[index - 1].lower_ in REGION_WORDS:
        # 'pain in the upper right part of your tummy' is upper right tummy pain (a quadrant's, data/synonyms.tsv)
        first, second = doc[index - 3].lower_, doc[index - 2].lower_
        vertical, side = (first, second) if first in VERTICAL_WORDS else (second, first)
        if vertical in VERTICAL_WORDS and side in SIDE_WORDS and f"{vertical} {part}" in body_parts():
            return f"{vertical} {side} {part}"
    if index >= 2 and doc[index].lower_ == "of" and doc[index - 1].lower_ in REGION_WORDS \
            and f"{doc[index - 2].lower_} {part}" in body_parts():
        return f"{doc[index - 2].lower_} {part}"
    return part


def body_singular(word: str) -> str:
    """'kidneys' -> 'kidney', 'temples' -> 'temple', 'feet' -> 'foot': the singular the body-part list has."""
    if word in irregular_plurals():
        return irregular_plurals()[word]
    return word[:-1] if word.endswith("s") and word[:-1] in body_parts() else word


@lru_cache(maxsize=1)
def irregular_plurals() -> dict[str, str]:
    """'feet' -> 'foot', 'calves' -> 'calf' (data/body_part_names.tsv)."""
    return {word: part for part, word, kind in read_table("body_part_names.tsv") if kind == "plural"}


@dataclass(frozen=True)
class Expansion:
    """One entity after coordination: its tokens, its typing, and the entity it was read from."""

    start: int
    end: int
    typed: TypedConcept
    source: Span


def tokens_among(doc: Doc, words: frozenset[str]) -> list[Token]:
    """The tokens whose lower-case form is one of words (doc_index.token_indexes)."""
    return [doc[index] for index in token_indexes(doc, words)]


def body_symptom(typer: EntityTyper, name: str) -> TypedConcept | None:
    """The symptom '<quality> <body part>' names, if a curated list, the body-part rule or the
    vocabularies know it ('cracked skin', 'red joint', HPO's 'brittle hair'); None for a pairing none vouches for."""
    if not (typer.is_curated(name) or typer.body_part_quality(term_key(name)) is not None
            or term_key(name) in typer.vocabulary):
        return None
    typed = typer.classify(name, "SYMPTOM")
    return typed if typed is not None and typed.entity_type == "symptom" else None


def predicated_qualities(doc: Doc, taken: set[int], typer: EntityTyper) -> list[Expansion]:
    """'causes the skin to become itchy, dry, cracked and sore': one symptom per quality of a body part.

    A body part, a linking verb (data/linking_verbs.txt) and a coordination of bare words; each
    'quality + body part' that a curated list names ('dry skin', 'cracked skin') or that names a
    quality of data/symptom_qualities.tsv ('red joint') is a symptom on the quality's token. Other
    things a quality is said of (data/predicated_subjects.txt: 'appetite is often increased') give
    the symptoms a list knows by that name ('increased appetite').
    """
    found: list[Expansion] = []
    verbs = linking_verbs() | {"be"}  # 'your urine may be dark'
    others = word_set("predicated_subjects.txt")
    for body in tokens_among(doc, quality_subjects()):
        if body.i + 2 >= len(doc):
            continue
        index = body.i + 1
        if index + 1 < len(doc) and doc[index].text == "," and doc[index + 1].lower_ == "which":
            index += 1
        if index < len(doc) and doc[index].lower_ in {"which", "that"}:
            index += 1  # 'the big toe, which becomes hot and swollen'
        index = after_place_phrase(doc, index, verbs)  # 'the skin around them may look red'
        while index < len(doc) and doc[index].lower_ in AUXILIARIES:
            index += 1
        if index >= len(doc) or doc[index].lower_ not in verbs:
            continue
        index += 1
        while index < len(doc) and doc[index].lower_ in STATE_ADVERBS:
            index += 1  # 'the tonsils and adenoids are often enlarged'
        if index < len(doc) and doc[index].text == ":":  # 'their eyelids are:' / 'itchy.' / 'red and puffy.'
            for line in doc[index + 1:].sents:
                qualities = qualities_from(doc, max(line.start, index + 1), body, taken, typer, others, listed=True)
                if not qualities:
                    break
                found.extend(qualities)
            continue
        qualities = qualities_from(doc, index, body, taken, typer, others)
        found.extend(qualities)
        found.extend(coordinated_bodies(doc, body, qualities, taken, typer))
    return found


PLACE_PREPOSITIONS = frozenset({"around", "over", "under", "near", "behind", "above", "below", "beneath"})
MAX_PLACE_WORDS = 3  # 'around them', 'over the joint', 'around the sore spot'


def after_place_phrase(doc: Doc, index: int, verbs: AbstractSet[str]) -> int:
    """Past a phrase placing the body part ('the skin around them may look red', 'the skin over the joint becomes
    hot'), where an auxiliary or a linking verb follows it within a few words; else index."""
    if index >= len(doc) or doc[index].lower_ not in PLACE_PREPOSITIONS:
        return index
    for end in range(index + 2, min(len(doc), index + 2 + MAX_PLACE_WORDS)):
        if doc[end].lower_ in AUXILIARIES or doc[end].lower_ in verbs:
            return end if all(token.is_alpha for token in doc[index + 1:end]) else index
    return index


def coordinated_bodies(doc: Doc, body: Token, qualities: list[Expansion], taken: set[int],
                       typer: EntityTyper) -> list[Expansion]:
    """'the liver and spleen may become enlarged': the body parts coordinated before the one the quality follows have
    its first quality too, each a symptom on the part's own token (enlarged liver on 'liver')."""
    if not qualities:
        return []
    quality = doc[qualities[0].start].lower_
    found, index = [], body.i - 1
    while index > 0 and doc[index].lower_ in {",", "and", "or"} and doc[index - 1].lower_ in quality_subjects():
        part = doc[index - 1]
        typed = body_symptom(typer, f"{quality} {part.lower_}") if is_bare(part, taken) else None
        if typed is not None and typed.entity_type == "symptom":
            found.append(Expansion(part.i, part.i + 1, typed, Span(doc, part.i, part.i + 1, label="SYMPTOM")))
        index -= 2
    return found


def qualities_from(doc: Doc, index: int, body: Token, taken: set[int], typer: EntityTyper,
                   others: frozenset[str], listed: bool = False) -> list[Expansion]:
    """The coordination of bare words at index, each a quality of the body part: 'itchy, dry and cracked'.

    listed: the words open a line under '… eyes feel:', where a one-word symptom is the quality too
    ('burning or stinging.' is eye burning, not a burning sensation anywhere).
    """
    def bare(token: Token) -> bool:
        one_word = token.i - 1 not in taken and token.i + 1 not in taken
        return is_bare(token, taken) or (listed and one_word and is_bare(token, taken - {token.i}))

    found: list[Expansion] = []
    while index < len(doc) and doc[index].is_space:
        index += 1
    states = frozenset(state_lexicon(typer).adjectives) | frozenset(typer.state_adjectives)
    while index < len(doc) and (bare(doc[index]) or is_connector(doc[index])
                                or doc[index].lower_ in DEGREE_WORDS or taken_state(doc[index], taken, states)):
        token = doc[index]
        if not is_connector(token) and token.lower_ not in DEGREE_WORDS and not taken_state(token, taken, states):
            name = f"{token.lower_} {body.lower_}"
            typed = (body_symptom(typer, name) if body.lower_ not in others
                     else typer.classify(name, "SYMPTOM") if typer.knows(name, "SYMPTOM") else None)
            if typed is not None and typed.entity_type == "symptom":
                found.append(Expansion(token.i, token.i + 1, typed, Span(doc, body.i, body.i + 1, label="SYMPTOM")))
        index += 1
    return found


def taken_state(token: Token, taken: set[int], states: frozenset[str]) -> bool:
    """A state adjective already a symptom of its own among the qualities ('a jaw that feels tired, tight or
    achy'): the coordination goes on past it."""
    return token.i in taken and token.lower_ in states


@lru_cache(maxsize=1)
def quality_verbs() -> dict[str, str]:
    """Verb form -> the adjective it predicates of a body part (data/quality_verbs.tsv: 'bleeds' -> 'bleeding')."""
    return {verb.lower(): adjective.lower() for verb, adjective in read_table("quality_verbs.tsv")}


RELATIVE_WORDS = frozenset({"that", "which", "will", "then", "and"})  # 'skin that may crack', 'patches will crack'


def predicated_actions(doc: Doc, taken: set[int], typer: EntityTyper) -> list[Expansion]:
    """'dry skin that may crack and bleed', 'my joints ache': one symptom per verb a body part does.

    A body part (or a piece of one: 'these patches will crack'), then auxiliaries, then a
    coordination of verbs of data/quality_verbs.tsv; each '<adjective> <body part>' that types as a
    symptom some list or the body-part rule knows is a symptom on the verb's token.
    """
    found: list[Expansion] = []
    verbs = quality_verbs()
    subjects = frozenset(typer.body_part_names) | body_parts()
    for body in tokens_among(doc, subjects):
        part = typer.body_part_names.get(body_singular(body.lower_)) or typer.body_part_names.get(body.lower_)
        if part is None:
            continue
        index = body.i + 1
        while index < len(doc) and doc[index].lower_ in AUXILIARIES | RELATIVE_WORDS and doc[index].lower_ not in verbs:
            index += 1
        while index < len(doc) and (doc[index].lower_ in verbs or (is_connector(doc[index]) and found
                                                                     and found[-1].source.start == body.i)):
            token = doc[index]
            if token.lower_ in verbs:  # the NER may have tagged the verb itself ('crack', 'itch')
                typed = body_symptom(typer, f"{verbs[token.lower_]} {part[0]}")
                if typed is not None:
                    found.append(Expansion(token.i, token.i + 1, typed, Span(doc, body.i, body.i + 1, label="SYMPTOM")))
            index += 1
    return found


@dataclass(frozen=True)
class LesionQuality:
    """A quality of a skin sign that is a symptom of its own (data/lesion_qualities.tsv)."""

    symptom: str
    form: str  # 'adjective' or 'verb'
    attributive: bool


@lru_cache(maxsize=1)
def lesion_qualities() -> dict[str, LesionQuality]:
    return {word.lower(): LesionQuality(symptom, form, attributive == "yes")
            for word, symptom, form, attributive in read_table("lesion_qualities.tsv")}


@lru_cache(maxsize=1)
def lesion_subjects() -> dict[str, str]:
    """word -> 'noun' or 'pronoun': what a skin sign's quality is said of (data/lesion_subjects.tsv)."""
    return {word.lower(): kind for word, kind in read_table("lesion_subjects.tsv")}


FIND_WORDS = frozenset({"find", "finds", "found", "finding"})  # 'you'll find it itchy'
LESION_GAP_WORDS = AUXILIARIES | DEGREE_WORDS  # 'they often itch', 'the spot is very tender'
LESION_OPENING_WORDS = LESION_GAP_WORDS | RELATIVE_WORDS  # 'blisters that may itch'
LESION_REACH_TOKENS = 10  # 'can itch, burn and feel sore or tender': how far the qualities run after the sign


def lesion_quality_symptom(typer: EntityTyper, word: str) -> TypedConcept | None:
    quality = lesion_qualities().get(word)
    typed = typer.classify(quality.symptom, "SYMPTOM") if quality is not None else None
    return typed if typed is not None and typed.entity_type == "symptom" else None


def predicated_lesion_qualities(doc: Doc, taken: set[int], typer: EntityTyper) -> list[Expansion]:
    """'the blisters are very itchy', 'the spot is usually tender to press', 'they often itch', 'you'll find it
    itchy': a quality of data/lesion_qualities.tsv said of a skin sign, its area or a pronoun for it is that
    symptom on its own (itching, tenderness), as the sign itself is a symptom named apart."""
    found: list[Expansion] = []
    qualities, subjects, verbs = lesion_qualities(), lesion_subjects(), linking_verbs() | {"be"}
    for subject in tokens_among(doc, frozenset(subjects)):
        index = subject.i + 1
        pronoun = subjects[subject.lower_] == "pronoun"
        linked = pronoun and subject.i > 0 and doc[subject.i - 1].lower_ in FIND_WORDS
        if pronoun and not linked and not subject_of_clause(doc, subject):
            continue
        while index < len(doc) and doc[index].lower_ in LESION_OPENING_WORDS:
            index += 1
        end = min(len(doc), subject.i + 1 + LESION_REACH_TOKENS)
        while index < end:
            token = doc[index]
            word = token.lower_
            if word in verbs:
                linked = True
            elif word in qualities and index not in taken and (linked or qualities[word].form == "verb"):
                typed = lesion_quality_symptom(typer, word)
                if typed is not None:
                    found.append(Expansion(index, index + 1, typed, Span(doc, subject.i, subject.i + 1, label="SYMPTOM")))
            elif not (is_connector(token) or word == "but" or word in LESION_GAP_WORDS or word in qualities
                      or word in quality_verbs()
                      or (token.is_alpha and index not in taken and (looks_like_adjective(word) or word.endswith("less")))):
                break  # 'the rash is itchy and spreads to the arms': the qualities end at the first other word
            index += 1
    return found


def subject_of_clause(doc: Doc, pronoun: Token) -> bool:
    """Whether a pronoun opens its clause ('They often itch', '…, and it may be itchy'), not an object ('scratch them')."""
    if pronoun.lower_ == "them":
        return False
    return pronoun.i == 0 or pronoun.is_sent_start or doc[pronoun.i - 1].is_punct \
        or doc[pronoun.i - 1].lower_ in CONJUNCTIONS | CLAUSE_OPENERS


CLAUSE_OPENERS = frozenset({"but", "so", "although", "though", "because", "when", "if"})  # '…, but it may be itchy'


def attributive_lesion_qualities(doc: Doc, found: list[Expansion], typer: EntityTyper) -> list[Expansion]:
    """'an itchy, spotty rash', 'itchy bumps': the quality before a skin sign is a symptom of its own
    (itching) beside the sign; the adjective no longer folds into the sign's name."""
    qualities, subjects = lesion_qualities(), lesion_subjects()
    result: list[Expansion] = []
    for item in found:
        first = doc[item.start]
        quality = qualities.get(first.lower_)
        head = doc[item.source.end - 1]
        if quality is None or not quality.attributive or subjects.get(head.lower_) != "noun" \
                or item.typed.entity_type != "symptom" or item.start >= item.source.end \
                or head.lower_ in typer.body_part_pieces:  # 'itchy patches (of skin)' are the skin's: skin itching
            result.append(item)
            continue
        typed = lesion_quality_symptom(typer, first.lower_)
        if typed is None:
            result.append(item)
            continue
        result.append(Expansion(item.start, item.start + 1, typed, item.source))
        if item.end - item.start > 1:  # 'itchy rash' as one entity: the rash stays a symptom of its own
            rest_text = doc[item.start + 1:item.end].text
            rest = typer.classify(rest_text, "SYMPTOM")
            if rest is not None and rest.entity_type == "symptom" and typer.knows(rest_text, "SYMPTOM"):
                result.append(Expansion(item.start + 1, item.end, rest, item.source))
    return result


def trouble_with(doc: Doc, taken: set[int], typer: EntityTyper) -> list[Expansion]:
    """'trouble with memory, thinking and understanding', 'problems with hearing or balance':
    one symptom per thing that is hard ('memory problem', 'difficulty thinking'), and
    'trouble with bladder, bowel or sexual function' gives 'bladder dysfunction' and the rest.
    """
    found: list[Expansion] = []
    for head in tokens_among(doc, TROUBLE_WORDS):
        if head.i + 2 >= len(doc) or doc[head.i + 1].lower_ != "with":
            continue
        words, index, joined = [], head.i + 2, True
        while index < len(doc) and (is_bare(doc[index], taken) or is_connector(doc[index])):
            token = doc[index]
            if is_connector(token):
                # an adverb between conjuncts joins none on its own: '… and coordination usually follow'
                joined = joined or token.text == "," or token.lower_ in CONJUNCTIONS
            elif joined or token.lower_ in FUNCTION_WORDS:
                words.append(token)
                joined = False
            else:
                break  # 'understanding information': the object of the last conjunct ends the list
            index += 1
        function = bool(words) and words[-1].lower_ in FUNCTION_WORDS
        if function:
            words = words[:-1]
        for word in words:
            if word.i in taken:
                continue
            names = ([f"{word.lower_} dysfunction"] if function else
                     [f"{word.lower_} problem", f"difficulty {word.lower_}"][::-1 if word.lower_.endswith("ing") else 1])
            name = next((option for option in names if typer.is_curated(option)), names[0])  # 'hearing problem
            typed = typer.classify(name, "SYMPTOM")
            if typed is not None and typed.entity_type == "symptom":
                found.append(Expansion(word.i, word.i + 1, typed, Span(doc, head.i, head.i + 1, label="SYMPTOM")))
    return found


def stacked_qualities(doc: Doc, spans: list[Span], taken: set[int], typer: EntityTyper) -> list[Expansion]:
    """'sore red eyes', 'dry cracked skin': an adjective stacked before a '<quality> <body part>'
    symptom is a quality of the same part, where the pairing is one a list or the body-part rule knows."""
    found: list[Expansion] = []
    parts = body_parts() | frozenset(typer.body_part_names)
    for span in spans:
        if len(span) < 2 or span[-1].lower_ not in parts:
            continue
        index = span.start - 1
        while index >= 0 and is_bare(doc[index], taken) and looks_like_adjective(doc[index].lower_):
            typed = body_symptom(typer, f"{doc[index].lower_} {span[-1].lower_}")
            if typed is None:
                break
            found.append(Expansion(index, index + 1, typed, span))
            index -= 1
    return found


FEEL_WORDS = frozenset({"feel", "feels", "feeling", "felt", "seem", "seems", "seeming"})  # 'seem unusually sleepy'
# verbs that say a person comes to be in a state ('go stiff', 'become confused', 'being grumpy')
STATE_VERBS = FEEL_WORDS | frozenset({"become", "becomes", "becoming", "became", "get", "gets", "getting", "got", "go",
                                      "goes", "going", "went", "turn", "turns", "turning", "turned", "being", "look",
                                      "looks", "looking", "appear", "appears"})
HARD_WORDS = frozenset({"hard", "harder", "difficult", "unable", "struggle", "struggles", "struggling"})  # 'hard to swallow'
MODAL_WORDS = frozenset({"may", "might", "can", "could", "will", "often", "sometimes", "also", "usually"})
MODAL_REACH_TOKENS = 12  # 'may cry out, bite their tongue, drool or lose control': verbs a modal governs
MIN_STATE_CHARS = 4


def symptom_names(typer: EntityTyper) -> frozenset[str]:
    """The one-word symptom names some list knows ('weakness', 'drooling', 'confusion')."""
    names = {key for key, concepts in typer.vocabulary.items()
             if " " not in key and any(concept.kind in {"phenotype", "symptom"} for concept in concepts)}
    names |= {key for key in typer.curated if " " not in key and typer.curated_type(key) == "symptom"}
    return frozenset(name for name in names if (typed := typer.classify(name, "SYMPTOM")) is not None
                     and typed.entity_type == "symptom")


def state_adjectives(names: frozenset[str]) -> dict[str, str]:
    """Adjective -> the symptom noun derived from it: 'dizzy' -> dizziness, 'weak' -> weakness,
    'irritable' -> irritability, 'confused' -> confusion, 'bloated' -> bloating."""
    found: dict[str, str] = {}
    for noun in sorted(names):
        if noun.endswith("iness"):
            adjective = noun[:-5] + "y"
        elif noun.endswith("ness"):
            adjective = noun[:-4]
        elif noun.endswith("ability"):
            adjective = noun[:-7] + "able"
        elif noun.endswith("ion") or noun.endswith("ing"):
            adjective = noun[:-3] + "ed"
        else:
            continue
        if len(adjective) >= MIN_STATE_CHARS:
            found.setdefault(adjective, noun)
    return found


def action_verbs(typer: EntityTyper) -> dict[str, str]:
    """Verb form -> the symptom its gerund names (data/symptom_verbs.txt): 'vomit', 'vomits' -> vomiting."""
    found: dict[str, str] = {}
    for verb in word_set("symptom_verbs.txt"):
        gerund = next((form for form in gerunds(verb) if typer.knows(form, "SYMPTOM")), gerunds(verb)[0])
        for form in (verb, verb + "s", verb + "es"):
            found[form] = gerund
    return found


@dataclass(frozen=True)
class StateLexicon:
    """What lay verbs and adjectives name: derived once from the vocabularies."""

    adjectives: dict[str, str]
    verbs: dict[str, str]

    @cached_property
    def verb_forms(self) -> frozenset[str]:
        return frozenset(self.verbs)


@lru_cache(maxsize=4)  # one per typer, built once
def state_lexicon(typer: EntityTyper) -> StateLexicon:
    return StateLexicon(state_adjectives(symptom_names(typer)), action_verbs(typer))


def state_symptom(typer: EntityTyper, word: str) -> TypedConcept | None:
    """The symptom a state word names after 'feel' or 'become': the curated 'feeling <word>' ('feeling
    tired' is fatigue), else the symptom noun of the adjective ('confused' -> confusion)."""
    name = f"feeling {word}"
    if not typer.is_curated(name):
        noun = state_lexicon(typer).adjectives.get(word) or typer.state_adjectives.get(word)  # 'feverish' -> fever
        if noun is None:
            return None
        name = noun
    typed = typer.classify(name, "SYMPTOM")
    return typed if typed is not None and typed.entity_type == "symptom" else None


def felt_states(doc: Doc, taken: set[int], typer: EntityTyper) -> list[Expansion]:
    """'feel generally achy, tired and unwell', 'become confused and very sleepy': one symptom per
    state, where 'feeling <state>' is a curated name ('feeling unwell' is malaise; data/synonyms.tsv)
    or the state's adjective is a symptom's ('weak' for weakness)."""
    found: list[Expansion] = []
    for verb in tokens_among(doc, STATE_VERBS):
        if verb.i > 0 and doc[verb.i - 1].lower_ in body_parts():
            continue  # 'the skin becomes itchy': a body part's quality (predicated_qualities)
        index = verb.i + 1
        while index < len(doc) and doc[index].lower_ in DEGREE_WORDS:
            index += 1
        if index == verb.i + 1 and index in taken:
            index += 1  # 'feel sick, dizzy or weak': the first state is a name already ('feel sick')
        while index < len(doc) and (is_bare(doc[index], taken) or is_connector(doc[index])
                                    or doc[index].lower_ in DEGREE_WORDS):
            token = doc[index]
            if token.is_alpha and token.lower_ not in DEGREE_WORDS and not is_connector(token):
                typed = state_symptom(typer, token.lower_)
                if typed is None:
                    break  # 'feel tired and want to sleep': the list of states ends at the first other word
                found.append(Expansion(token.i, token.i + 1, typed, Span(doc, verb.i, verb.i + 1, label="SYMPTOM")))
            index += 1
    return found


def difficulty_symptom(typer: EntityTyper, acts: Iterable[str]) -> TypedConcept | None:
    """The symptom 'difficulty <act>' names, for the first form of an act a list knows it by ('swallowing')."""
    name = next((f"difficulty {act}" for act in acts if typer.knows(f"difficulty {act}", "SYMPTOM")), None)
    typed = None if name is None else typer.classify(name, "SYMPTOM")
    return typed if typed is not None and typed.entity_type == "symptom" else None


def hard_to_do(doc: Doc, taken: set[int], typer: EntityTyper) -> list[Expansion]:
    """'find it hard to swallow or breathe': one symptom per act that is hard ('difficulty
    swallowing', 'difficulty breathing'), where a list knows the name."""
    found: list[Expansion] = []
    for head in tokens_among(doc, HARD_WORDS):
        index = head.i + 1
        if index >= len(doc) or doc[index].lower_ != "to":
            continue
        index += 1
        while index < len(doc) and (is_bare(doc[index], taken) or is_connector(doc[index])):
            token = doc[index]
            if not is_connector(token):
                typed = difficulty_symptom(typer, gerunds(token.lower_))
                if typed is None:
                    break  # 'hard to tell whether': the acts end at the first that names no symptom
                found.append(Expansion(token.i, token.i + 1, typed, Span(doc, head.i, head.i + 1, label="SYMPTOM")))
            index += 1
    return found


MAKE_WORDS = frozenset({"make", "makes", "making", "made"})
MADE_HARD_WORDS = frozenset({"hard", "harder", "difficult", "tricky", "trickier"})  # 'make walking harder'


def made_hard(doc: Doc, taken: set[int], typer: EntityTyper) -> list[Expansion]:
    """'may make chewing and swallowing harder', 'can make walking more difficult': one symptom per act made hard
    ('difficulty chewing', 'difficulty swallowing'), where a list knows the name."""
    found: list[Expansion] = []
    for head in tokens_among(doc, MAKE_WORDS):
        acts, index = [], head.i + 1
        while index < len(doc) and (is_bare(doc[index], taken) or is_connector(doc[index])):
            if not is_connector(doc[index]):
                if not doc[index].lower_.endswith("ing"):
                    break
                acts.append(doc[index])
            index += 1
        if index < len(doc) and doc[index].lower_ == "more":
            index += 1  # 'more difficult'
        if not acts or index >= len(doc) or doc[index].lower_ not in MADE_HARD_WORDS:
            continue
        for act in acts:
            if (typed := difficulty_symptom(typer, [act.lower_])) is not None:
                found.append(Expansion(act.i, act.i + 1, typed, Span(doc, head.i, head.i + 1, label="SYMPTOM")))
    return found


def governing_modal(doc: Doc, index: int) -> int | None:
    """The modal that governs the verb at index: right before it ('may vomit'), or earlier in its
    sentence with a comma or conjunction continuing what it says ('may cry out, … drool')."""
    before = doc[index - 1]
    if before.lower_ in MODAL_WORDS:
        return index - 1
    if not is_connector(before):
        return None
    for candidate in range(index - 2, max(-1, index - MODAL_REACH_TOKENS), -1):
        if doc[candidate].lower_ in MODAL_WORDS:
            return candidate
        if doc[candidate].is_sent_start:
            return None
    return None


def speaks_of_a_person(doc: Doc, modal: int, taken: set[int]) -> bool:
    """Whether the modal's subject is a person (data/person_words.txt), one with an entity's disease
    ('people with epilepsy may drool') or left out ('Poor feeding; may vomit'): a wound that 'will
    bleed' is no symptom of the disease."""
    index = modal - 1
    while index >= 0 and doc[index].lower_ in MODAL_WORDS:
        index -= 1
    return (index < 0 or not doc[index].is_alpha or index in taken
            or doc[index].lower_ in word_set("person_words.txt"))


def modal_actions(doc: Doc, taken: set[int], typer: EntityTyper) -> list[Expansion]:
    """'they may cry out, bite their tongue, drool or lose control': a verb whose '-ing' form is a
    symptom ('drooling', 'vomiting'; data/symptom_verbs.txt) names it where a modal governs it and
    the one who may do it is a person."""
    lexicon = state_lexicon(typer)
    verbs = lexicon.verbs
    found: list[Expansion] = []
    for token in tokens_among(doc, lexicon.verb_forms):
        if token.i in taken or token.i == 0:
            continue
        modal = governing_modal(doc, token.i)
        if modal is None or not speaks_of_a_person(doc, modal, taken):
            continue
        typed = typer.classify(verbs[token.lower_], "SYMPTOM")
        if typed is not None and typed.entity_type == "symptom":
            found.append(Expansion(token.i, token.i + 1, typed, Span(doc, token.i, token.i + 1, label="SYMPTOM")))
    return found


def own_name_if_known(conjunct: Conjunct, doc: Doc, typer: EntityTyper) -> Conjunct:
    """'blurred vision and floaters': a word that names a symptom of its own shares no words where the shared
    name is no known one ('blurred floaters')."""
    word = doc[conjunct.start:conjunct.end].text
    if typer.knows(word, "SYMPTOM") and not typer.knows(conjunct.name, "SYMPTOM"):
        return replace(conjunct, name=word)
    return conjunct


def conjunct_typing(typer: EntityTyper, name: str, typed: TypedConcept) -> TypedConcept | None:
    """The conjunct's typing if it is the same kind of thing as its entity, else None."""
    label = "TREATMENT" if typed.entity_type == "treatment" else "SYMPTOM" if typed.entity_type == "symptom" else "DISEASE"
    conjunct = typer.classify(name, label)
    if conjunct is None or conjunct.entity_type != typed.entity_type:
        return None
    if ((" " not in name or label == "TREATMENT" or name.rsplit(" ", 1)[-1].lower() in word_set("phrasal_particles.txt"))
            and not typer.knows(name, label)):
        return None  # a lone word ('others'), a treatment ('drugs drugs') or a phrasal verb ('open over') must be a known name
    return conjunct


def parts_sharing_quality(parts: list[tuple[Span, TypedConcept | None]], typer: EntityTyper,
                          typed: TypedConcept) -> list[tuple[Span, TypedConcept | None]]:
    """The parts of 'an enlarged liver and spleen', where a bare body part after the first part shares its quality:
    an enlarged liver and an enlarged spleen, each a symptom of its own (not HPO's one hepatosplenomegaly); and of
    'leg and back pain', where a bare body part before the last part shares its symptom's head: leg pain, back pain."""
    first, last = parts[0][0], parts[-1][0]
    if typed.entity_type != "symptom":
        return parts
    if len(first) >= 2 and first[-1].lower_ in body_parts():
        before, after = f"{first[:-1].text} ", ""  # the quality before the first part
    elif len(last) >= 2 and last[0].lower_ in body_parts():
        before, after = "", f" {last[1:].text}"  # the head after the last part
    else:
        return parts
    shared = [(part, conjunct_typing(typer, f"{before}{part.text}{after}", typed))
              if typed_part is None and len(part) == 1 and part[0].lower_ in body_parts() else (part, typed_part)
              for part, typed_part in parts]
    return shared if all(typed_part is not None for _, typed_part in shared) else parts


def expand(doc: Doc, typed_entities: list[tuple[Span, TypedConcept]], typer: EntityTyper,
           describes_symptom: Callable[[list[str]], bool] | None = None) -> list[Expansion]:
    """Each typed entity, split or placed where it coordinates, plus one entity per bare conjunct.

    'nausea and vomiting' becomes two entities when both parts are names; 'itchy, red or watery
    eyes' adds 'itchy eyes' and 'red eyes' on the words 'itchy' and 'red'; a bare symptom before
    body parts is named by them ('pain around your temples and forehead' -> temple pain on 'pain',
    forehead pain on 'forehead'). A conjunct joined by commas alone ('painful, warm, swollen joints')
    counts only if its name is a curated one or a lay symptom description (describes_symptom).
    """
    split: dict[int, list[tuple[Span, TypedConcept | None]]] = {}
    for span, typed in typed_entities:
        curated = typer.is_curated(span.text)  # 'pins and needles' is one name
        split[span.start] = [] if curated else [(part, conjunct_typing(typer, part.text, typed))
                                                for part in entity_parts(span)]
        if typed.entity_type != "treatment" and any(typed_part is None for _, typed_part in split[span.start]):
            own = [(part, typer.classify(part.text, "DISEASE")) for part, _ in split[span.start]]
            if all(typed_part is not None and typer.knows(part.text, "DISEASE") for part, typed_part in own):
                split[span.start] = own  # 'Lupus and Back Pain': a disease and a symptom, each a name of its own
            else:
                split[span.start] = parts_sharing_quality(split[span.start], typer, typed)
    # 'heart, liver, joints' tagged as one disease: a coordination of words that are no names is no entity
    typed_entities = [(span, typed) for span, typed in typed_entities
                      if not split[span.start] or any(typed_part for _, typed_part in split[span.start])]
    spans = [span for span, _ in typed_entities]
    taken = {i for span in spans for i in range(span.start, span.end)}
    result: list[Expansion] = []
    for span, typed in typed_entities:
        parts = split[span.start]
        if parts and all(typed_part is not None for _, typed_part in parts):
            result.extend(Expansion(part.start, part.end, typed_part, span) for part, typed_part in parts)  # type: ignore[arg-type]
            continue
        located = located_expansions(span, typed, spans, taken, typer)
        if located:
            result.extend(located)
            taken.update(i for item in located for i in range(item.start, item.end))
            continue
        result.append(Expansion(span.start, span.end, kind_stacked_before(span, place_shared(span, typed, spans, typer),
                                                                          taken, typer), span))
        listed_on = further_places(span, typed, taken, typer)
        result.extend(listed_on)
        taken.update(item.start for item in listed_on)
        right = [own_name_if_known(conjunct, doc, typer) if typed.entity_type == "symptom" else conjunct
                 for conjunct in right_conjuncts(span, taken)]
        for conjunct in [*left_conjuncts(span, taken), *right]:
            typed_conjunct = conjunct_typing(typer, conjunct.name, typed)
            if conjunct.known_only and not (typer.is_curated(conjunct.name) or (
                    describes_symptom is not None and describes_symptom(conjunct.name.lower().split()))):
                continue
            if typed_conjunct is not None:
                result.append(Expansion(conjunct.start, conjunct.end, typed_conjunct, span))
                taken.update(range(conjunct.start, conjunct.end))
    stacked = stacked_qualities(doc, [span for span, typed in typed_entities if typed.entity_type == "symptom"], taken, typer)
    taken.update(item.start for item in stacked)
    result.extend(stacked)
    result = replaced_words(result, predicated_qualities(doc, taken, typer))  # 'burning or stinging.' under '… eyes feel:'
    result = replaced_words(result, predicated_actions(doc, taken, typer))
    result = attributive_lesion_qualities(doc, result, typer)
    result.extend(predicated_lesion_qualities(doc, taken | {i for item in result for i in range(item.start, item.end)}, typer))
    result.extend(trouble_with(doc, taken, typer))
    taken.update(item.start for item in result)
    result.extend(felt_states(doc, taken, typer))
    result.extend(hard_to_do(doc, taken, typer))
    result.extend(made_hard(doc, taken, typer))
    result.extend(modal_actions(doc, taken, typer))
    result.extend(spreading_pain(doc, result, taken, typer))
    return result


def replaced_words(found: list[Expansion], readings: list[Expansion]) -> list[Expansion]:
    """The entities found, with each one-word entity a new reading starts on replaced by that reading."""
    starts = {reading.start for reading in readings}
    return [item for item in found if not (item.end - item.start == 1 and item.start in starts)] + readings


SPREAD_PREPOSITIONS = frozenset({"to", "into", "down", "up", "through", "across", "out", "towards", "toward"})
SPREAD_WINDOW_TOKENS = 6  # 'pain … that may spread to': how far after the pain its verb stands


def spreading_pain(doc: Doc, found: list[Expansion], taken: set[int], typer: EntityTyper) -> list[Expansion]:
    """Body parts a pain spreads to have that pain: 'chest pain or tightness that spreads to your arms,
    neck, jaw or back' -> arm pain, neck pain, jaw pain, back pain (data/spreading_verbs.txt); so do those
    of the next sentence where it opens with the pain's anaphor ('… pain in the upper right tummy. It can
    spread to your back' -> back pain; data/pain_anaphors.txt)."""
    verbs = word_set("spreading_verbs.txt")
    pains = sorted((item for item in found if item.typed.entity_type == "symptom" and spread_head(item.typed.canonical)),
                   key=lambda item: item.end)
    result: list[Expansion] = []

    def spread(pain: Expansion, after: int, sentence_end: int) -> None:
        window_end = min(sentence_end, after + SPREAD_WINDOW_TOKENS + 1)
        verb = next((i for i in range(after, window_end) if doc[i].lower_ in verbs), None)
        if verb is None:
            return
        placed = part_expansions(spread_head(pain.typed.canonical),
                                 [i for i in spread_places(doc, verb, sentence_end) if i not in taken], pain.source, typer)
        result.extend(placed)
        taken.update(item.start for item in placed)

    for pain in pains:
        spread(pain, pain.end, sentence_at(doc, pain.start).end)
    previous_start = 0
    for sentence in doc.sents if pains else ():
        opening = spread_anaphor(sentence)
        before = [pain for pain in pains if opening and previous_start <= pain.start and pain.end <= sentence.start]
        if before:
            spread(before[-1], sentence.start + opening, sentence.end)
        previous_start = sentence.start
    return result


def spread_anaphor(sentence: Span) -> int:
    """The length of a sentence's opening that stands for the pain before it where the sentence says
    where it spreads ('It can spread to your back'; data/pain_anaphors.txt), else 0."""
    if sentence.start == 0 or not len(sentence):
        return 0
    first = sentence[0].lower_
    verbs = word_set("spreading_verbs.txt")
    for words in longest_first("pain_anaphors.txt"):
        if (words[0] == first and [token.lower_ for token in sentence[:len(words)]] == list(words)
                and any(token.lower_ in verbs for token in sentence[len(words):len(words) + SPREAD_WINDOW_TOKENS + 1])):
            return len(words)
    return 0


def spread_places(doc: Doc, verb: int, sentence_end: int) -> list[int]:
    """The body-part tokens after a spreading verb: 'spreads down the back of your leg' -> leg."""
    index = verb + 1
    while index < sentence_end and (doc[index].lower_ in SPREAD_PREPOSITIONS or doc[index].lower_ in DETERMINERS):
        index += 1
    if index == verb + 1:
        return []  # 'the rash spreads quickly': no place it spreads to
    parts = body_list_at(doc, index, sentence_end, SPREAD_PREPOSITIONS)
    after = parts[-1] + 1 if parts else index
    if after + 1 < sentence_end and doc[after].lower_ == "of":  # 'down the back of your leg': the leg
        index = after + 1
        while index < sentence_end and doc[index].lower_ in DETERMINERS:
            index += 1
        parts = body_list_at(doc, index, sentence_end)
    return parts


def spread_head(symptom: str) -> str:
    """The head a spreading symptom gives the parts it reaches: its own ('chest pain'), or pain for an ache
    named by its place ('a throbbing toothache that can spread to the ear, jaw and neck'); '' for none."""
    head = symptom.rsplit(" ", 1)[-1]
    return head if head in located_heads() else "pain" if head.endswith("ache") and head != "ache" else ""


def part_expansions(head: str, parts: list[int], source: Span, typer: EntityTyper) -> list[Expansion]:
    """One '<body part> <head>' symptom on each body-part token, where a list types the name."""
    found = []
    for part, name in zip(parts, located_names(head, [source.doc[i] for i in parts])):
        typed = typer.classify(name, "SYMPTOM")
        if typed is not None:
            found.append(Expansion(part, part + 1, typed, source))
    return found


STACKED_WINDOW_TOKENS = 3  # 'a dry, tickly cough': how far before a symptom noun its kind's adjective may stand


def kind_stacked_before(span: Span, typed: TypedConcept, taken: set[int], typer: EntityTyper) -> TypedConcept:
    """A one-word symptom whose stacked adjectives include a kind of it some list names is that kind:
    'a dry, tickly cough' is a dry cough, 'a hacking, productive cough' a productive cough."""
    doc = span.doc
    if typed.entity_type != "symptom" or len(span) != 1:
        return typed
    index = span.start - 1
    while index >= max(0, span.start - STACKED_WINDOW_TOKENS) and (doc[index].text == "," or (
            is_bare(doc[index], taken) and looks_like_adjective(doc[index].lower_))):
        key = typer.canonical_key(f"{doc[index].lower_} {span.text.lower()}")
        if doc[index].text != "," and (key in typer.curated or key in typer.vocabulary):
            kind = typer.classify(key, "SYMPTOM")
            if kind is not None and kind.entity_type == "symptom":
                return kind
        index -= 1
    return typed


def place_shared(span: Span, typed: TypedConcept, spans: list[Span], typer: EntityTyper) -> TypedConcept:
    """A bare symptom head coordinated after a placed symptom, with no place of its own, is in that
    place: 'tummy (abdominal) pain or cramps' -> abdominal cramp, 'knee pain and swelling' -> knee swelling."""
    doc = span.doc
    if (typed.entity_type != "symptom" or len(span) != 1 or span[0].lower_ not in located_heads() or span.start < 2
            or doc[span.start - 1].lower_ not in CONJUNCTIONS
            or (span.end < len(doc) and doc[span.end].lower_ in PREPOSITIONS)):
        return typed
    placed = next((other for other in spans if other.end == span.start - 1), None)
    if (placed is None or len(placed) < 2 or placed[-1].lower_ not in located_heads()
            or placed[0].lower_ not in body_parts()):
        return typed
    return typer.classify(located_names(span[0].lower_, [placed[0]])[0], "SYMPTOM") or typed


def further_places(span: Span, typed: TypedConcept, taken: set[int], typer: EntityTyper) -> list[Expansion]:
    """The other body parts listed after a placed symptom the NER took whole: 'swelling of the lips,
    eyelids, cheeks or hands' -> eyelid, cheek and hand swelling beside the lip swelling."""
    doc = span.doc
    heads = [token for token in span if token.lower_ in located_heads()]
    if (typed.entity_type != "symptom" or not heads or span[-1].lower_ not in body_parts() or span.end >= len(doc)
            or (doc[span.end].text != "," and doc[span.end].lower_ not in CONJUNCTIONS)):
        return []
    head = heads[0]
    if not (head.i + 1 < span.end and doc[head.i + 1].lower_ in PREPOSITIONS):
        return []  # 'lip swelling, …' names its part before the head: a list after it is of other things
    parts = [i for i in body_list_at(doc, span.end - 1, sentence_of(span).end)[1:] if i not in taken]
    return part_expansions(head.lower_, parts, span, typer)


def bare_located_heads(span: Span, taken: set[int]) -> list[int]:
    """Token indexes of the bare symptom heads (data/located_heads.txt) coordinated after a bare symptom:
    'pain, tightness or pressure in …' -> tightness, pressure; [] unless a conjunction joins the last."""
    doc, heads, index, joined = span.doc, [], span.end, False
    while index < len(doc):
        connectors = index
        while index < len(doc) and is_connector(doc[index]):
            index += 1
        if index == connectors or index >= len(doc) or not is_bare(doc[index], taken) \
                or doc[index].lower_ not in located_heads():
            break
        heads.append(index)
        joined = doc[index - 1].lower_ in CONJUNCTIONS
        index += 1
    return heads if joined else []


def located_expansions(span: Span, typed: TypedConcept, spans: list[Span], taken: set[int],
                       typer: EntityTyper) -> list[Expansion]:
    """A bare symptom (one word, maybe after modifiers: 'a sudden pain') placed in body parts: the entity
    takes the first, the others get their own tokens."""
    if typed.entity_type != "symptom" or span[-1].lower_ not in located_heads() or not all(
            token.lower_ in typer.modifiers for token in span[:-1]):  # 'pain', 'sudden pain'
        return []
    chain = coordination_chain(span, spans)
    doc = span.doc
    heads = bare_located_heads(span, taken) if len(chain) == 1 else []
    parts = body_parts_after(doc[heads[-1]:heads[-1] + 1] if heads else chain[-1], taken)
    if not parts:
        return []
    first = typer.classify(located_names(span[-1].text.lower(), [doc[parts[0]]])[0], "SYMPTOM")
    if first is None:
        return []
    found = [Expansion(span.start, span.end, first, span)]
    if heads:  # 'pain, tightness or pressure in the centre of your chest': each in the first place named
        for index in heads:
            typed_head = typer.classify(located_names(doc[index].lower_, [doc[parts[0]]])[0], "SYMPTOM")
            if typed_head is not None:
                found.append(Expansion(index, index + 1, typed_head, span))
        return found
    if len(chain) == 1:
        found.extend(part_expansions(span[-1].text.lower(), parts[1:], span, typer))
    return found
