"""Clause, negation and hedging cues: the ConText-style reading of a sentence.

A relation never crosses a clause boundary ('while', 'but', ';'), a negation cue before a mention
in its clause negates it, and a hedge cue anywhere in the clause softens what it states. The cue
words live in data files so they can be extended without touching code.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Sequence

from spacy.tokens import Doc, Span

from extractors import coordination
from extractors.doc_index import sentence_of, text_of, token_indexes
from extractors.terms import term_key
from extractors.vocabulary import read_list, read_table

BREAKS_KEY = "medfacts.clause_break_candidates"  # doc.user_data: where its clauses may break
NEGATION_WINDOW_TOKENS = 6
CONJUNCTION_WORDS = frozenset({"and", "or", "but"})
# Dashes end the reach of a negation ('do not smoke – stopping smoking is the most important thing'),
# but not of a relation ('dyshidrotic eczema – a type of eczema that causes tiny blisters').
DASHES = frozenset({"\u2013", "\u2014"})
CELL_BAR = "|"  # a table row's cells: 'Clears cysts, so the infection does not come back | Paromomycin'


# In a cue, '…' stands for up to GAP_WORDS words: 'make … worse' matches 'can make rosacea worse'.
GAP = "\u2026"
GAP_WORDS = 4
SPACINGS = {" ": r"\s+", GAP: rf"\s+(?:\S+\s+){{0,{GAP_WORDS}}}?"}


def cue_pattern(cues: list[str]) -> re.Pattern[str]:
    """One regex matching any cue as whole words (any whitespace between its words), the longest
    cue where several start at one place: 'caused by' beats 'cause'.

    The cues are merged into a trie of alternatives ('cause(?:d\\s+by|s|)'), so the regex reads a
    text in one pass instead of trying every cue at every character.
    """
    trie: dict = {}
    for cue in cues:
        node = trie
        for character in " ".join(cue.lower().split()).replace(f" {GAP} ", GAP):
            node = node.setdefault(character, {})
        node[""] = {}
    return re.compile(r"(?<![\w'])(" + trie_alternatives(trie) + r")(?![\w'])", re.IGNORECASE)


def trie_alternatives(node: dict) -> str:
    """The regex of a trie node: each continuation, the longer ones first, then the cue ending here."""
    branches = [(SPACINGS.get(character) or re.escape(character)) + trie_alternatives(child)
                for character, child in sorted(node.items()) if character]
    if "" in node:
        branches.append("")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


@lru_cache(maxsize=1)
def negation_cues() -> re.Pattern[str]:
    return cue_pattern(read_list("negation_cues.txt") + ["n't"])


@lru_cache(maxsize=1)
def pseudo_negation_cues() -> re.Pattern[str]:
    return cue_pattern(read_list("pseudo_negation_cues.txt"))


@lru_cache(maxsize=1)
def clause_continuations() -> frozenset[tuple[str, str]]:
    return frozenset(tuple(phrase.lower().split()[:2]) for phrase in read_list("clause_continuations.txt"))


def has_negation(text: str) -> bool:
    """A negation cue in text, once pseudo-negations ('not only') are blanked out."""
    return bool(negation_cues().search(pseudo_negation_cues().sub(" ", text)))


ASKING_ABOUT = re.compile(r"\s*(?:what|how)\s+about\s+", re.IGNORECASE)  # 'What about medicines?'


def opens_with_medicines(heading: str) -> bool:
    """Whether a heading opens with a word for medicines ('Medicines to shrink fibroids', 'What about medicines?':
    data/medicine_headings.txt)."""
    heading = heading[asked.end():] if (asked := ASKING_ABOUT.match(heading)) else heading
    first = heading.split(maxsplit=1)[0].lower().strip(":?") if heading.strip() else ""
    return first in medicine_heading_words()


@lru_cache(maxsize=1)
def medicine_heading_words() -> frozenset[str]:
    return frozenset(read_list("medicine_headings.txt"))


def negation_reaching_end(text: str) -> bool:
    """A negation cue in text, unless a new predicate after a comma and a conjunction starts after it
    (data/fresh_predicates.txt: 'can't focus at work, and start to feel anxious') or a main verb after the relative
    clause holding it ('People who can't take sulfa drugs may be given …'). A negation inside closed
    brackets stays in them, and one of data/item_negations.txt stops at a comma ('joint pain (without swelling
    or redness), headaches')."""
    text = CLOSED_BRACKETS.sub(" ", text.rsplit(CELL_BAR, 1)[-1])  # a table cell's negation stays in it
    fresh = [match.end() for match in fresh_predicates().finditer(text)]
    text = text[fresh[-1]:] if fresh else text
    # 'People who can't take sulfa drugs may be given clindamycin': the relative clause's negation ends at the main verb
    relatives = [match.end() for match in RELATIVE_CLAUSE_TO_VERB.finditer(text)]
    return reaching_negation(text[relatives[-1]:] if relatives else text)


RELATIVE_CLAUSE_TO_VERB = re.compile(r"\b(?:who|that)\b[^,.;:]*?\b(?:may|might|can|could|will|should|would)\s+be\b",
                                     re.IGNORECASE)


CLOSED_BRACKETS = re.compile(r"\([^()]*\)")


SUBJECT_PRONOUNS = "they|you|he|she|we|i"


@lru_cache(maxsize=1)
def fresh_predicates() -> re.Pattern[str]:
    """One of fresh_predicates.txt's verbs after a comma and a conjunction, or any word after a subject pronoun
    there: '… a headache that won't shift, and they feel drained, with aching muscles' states the aching."""
    verbs = "|".join(map(re.escape, read_list("fresh_predicates.txt")))
    return re.compile(rf",\s*(?:and|but)\s+(?:(?:{verbs})\b|(?:{SUBJECT_PRONOUNS})\s+(?=\w))", re.IGNORECASE)


def reaching_negation(text: str, clause_before: str | None = None) -> bool:
    """A negation cue in text that reaches its end: one of data/item_negations.txt ('without') stops at a
    comma ('crying without tears, sunken eyes'); the others reach past it ('no fever, cough or rash').

    clause_before: the clause's text up to where text ends, where text is only the last words of it; a relative
    clause holding the negation may open before them ('… pain that isn't settling, procedures called …')."""
    text = text.rsplit(CELL_BAR, 1)[-1]  # a table cell's negation stays in it
    # 'cystinosis that has not been well treated may also cause muscle weakness': the window may open inside the clause
    closed = [*PASSIVE_RELATIVE_NEGATION.finditer(clause_before)] if clause_before is not None else []
    if closed and len(clause_before) - closed[-1].end() < len(text):
        text = clause_before[closed[-1].end():]
    text = PASSIVE_RELATIVE_NEGATION.sub(" ", text)
    cut = text.rfind(",")
    if cut < 0:
        return has_negation(text)
    before_comma = (PASSIVE_RELATIVE_NEGATION.sub(" ", clause_before[:clause_before.rfind(",")])
                    if clause_before is not None else text[:cut])
    if RELATIVE_NEGATION.search(before_comma):  # 'a heart that won't slow down, feeling sick or shaking': its verb's
        return has_negation(text[cut:])
    if NEW_SUBJECT_AFTER_COMMA.match(text[cut:]):  # '… never sit without support, and they often have …': a new clause
        return has_negation(text[cut:])
    return has_negation(text[cut:]) or has_negation(without_item_negations(text[:cut]))


def without_item_negations(text: str) -> str:
    """The text without the negations of data/item_negations.txt, which negate only the item right after them
    ('without', 'rather than'): what is left negates what follows it."""
    return listed_cues("item_negations.txt").sub(" ", text)


NEW_SUBJECT_AFTER_COMMA = re.compile(r",\s*(?:and|but)\s+(?:they|it|he|she|you|we)\b", re.IGNORECASE)
# a negated passive in a relative clause says which cases the clause's own verb is about, and no more
PASSIVE_RELATIVE_NEGATION = re.compile(r"\b(?:that|which|who)\s+(?:has|have|had|is|are|was|were)\s+(?:not|never)\s+"
                                       r"(?:been\s+)?(?:\w+ly\s+|well\s+)?\w+(?:ed|en|wn)\b", re.IGNORECASE)
# a negation inside a relative clause negates its verb, not the items after the clause
RELATIVE_NEGATION = re.compile(r"\b(?:that|which|who)\s+(?:\w+\s+)?(?:won't|wont|doesn't|don't|can't|isn't|aren't|"
                               r"will\s+not|does\s+not|do\s+not|cannot|can\s+not|is\s+not|are\s+not)\s+\w+[^,]*$",
                               re.IGNORECASE)


@lru_cache(maxsize=1)
def treatment_blockers() -> re.Pattern[str]:
    return cue_pattern(read_list("treatment_blockers.txt"))


@lru_cache(maxsize=1)
def risk_cues() -> re.Pattern[str]:
    return cue_pattern(read_list("risk_cues.txt"))


def states_risk(text: str) -> bool:
    """A clause about who is likelier to get something ('more likely to experience depression'): a
    comorbidity or risk, which the articles' symptom lists do not state."""
    return bool(risk_cues().search(text))


PASSIVE_AGENT = re.compile(r"\s+by\b", re.IGNORECASE)


def states_harm(text: str, before: int | None = None, after_condition: Sequence[int] = ()) -> bool:
    """A harm cue that makes what it names a cause, not a treatment: 'lithium can trigger psoriasis'.

    A passive one ('attacks triggered by stress') names its cause after it, so a treatment before
    it ('stress management to help manage attacks triggered by stress') still treats. With `before`,
    only a cue starting before that offset counts. One whose nearest name before it is a disease's or
    a symptom's (after_condition: where those end) says what the disease does, no harm.
    """
    # 'medicines that … lower your risk of a heart attack': prevention, not a harm; 'Children at higher
    # risk of heart problems … may be given steroids': whom the clause speaks of
    exempt = [match.span() for cues in ("prevention_cues.txt", "at_risk_cues.txt") for match in listed_cues(cues).finditer(text)]
    return any(not PASSIVE_AGENT.match(text, match.end()) for match in treatment_blockers().finditer(text)
               if (before is None or match.start() < before)
               and not any(start <= match.start() and match.end() <= end for start, end in exempt)
               and not follows_condition(text, match.start(), after_condition))


def named_as_cause(text: str, offset: int) -> bool:
    """Whether what stands at offset is the agent of a passive harm cue before it ('Attacks can be set off by
    exercise'): a cause, where states_harm lets the treatment before such a cue treat."""
    return any(PASSIVE_AGENT.match(text, match.end()) and match.end() <= offset for match in treatment_blockers().finditer(text))


MAX_CAUSE_GAP_WORDS = 2  # 'Discoid eczema causes', 'Gout can often cause': the disease is what causes


def follows_condition(text: str, start: int, condition_ends: Sequence[int]) -> bool:
    """Whether a disease or symptom ends shortly before start, with only a few words (no punctuation) between."""
    return any(end <= start and len(text[end:start].split()) <= MAX_CAUSE_GAP_WORDS
               and not any(char in text[end:start] for char in ",;:.()") for end in condition_ends)


def harms_referent(text: str) -> bool:
    """A harm cue whose object is a word for the disease or its symptoms, not its name: 'Some medicines
    … can make it worse', 'foods that trigger your symptoms'; or a sentence naming causes ('Common
    culprits are coffee, alcohol …', data/cause_statements.txt)."""
    if listed_cues("cause_statements.txt").search(text):
        return True
    for match in treatment_blockers().finditer(text):
        if PASSIVE_AGENT.match(text, match.end()):
            continue
        after = text[match.end():].lstrip()
        if (disease_anaphors().search(match.group()) or disease_anaphors().match(after)
                or listed_cues("symptom_anaphors.txt").match(after)):
            return True
    return False


def states_ineffective(text: str) -> bool:
    """A heading saying what it lists does not treat ('What doesn't work'), or the words after a treatment
    saying it does not ('… don't help either'): data/ineffective_cues.txt."""
    return bool(listed_cues("ineffective_cues.txt").search(text) or listed_cues("unproven_cues.txt").search(text))


def states_prevention(heading: str) -> bool:
    """A heading about preventing a disease ('How can I avoid getting malaria?', 'Preventing shingles';
    data/prevention_cues.txt), not its episodes ('Preventing migraine attacks' is treatment; data/episode_words.txt)."""
    opening = listed_cues("prevention_headings.txt").match(heading.lstrip(" #*-\t").lower())  # 'Prevention', 'Staying safe'
    return ((bool(listed_cues("prevention_cues.txt").search(heading)) or opening is not None)
            and not listed_cues("episode_words.txt").search(heading))


@lru_cache(maxsize=1)
def hedge_cues() -> re.Pattern[str]:
    return cue_pattern(read_list("hedge_cues.txt"))


@lru_cache(maxsize=1)
def clause_break_words() -> frozenset[str]:
    return frozenset(word.lower() for word in read_list("clause_breaks.txt"))


SCOPES = ("clause", "sentence", "list", "section")  # how far a relation cue reaches, narrowest first
DIRECTIONS = ("any", "leading", "forward", "backward")  # see the header of data/relation_cues.tsv


@dataclass(frozen=True)
class Cue:
    """One relation cue: what it states, how explicitly, how far it reaches (SCOPES), and which
    side of it the subject stands on when both entities are in its clause (DIRECTIONS)."""

    predicate: str
    strength: float
    scope: str
    direction: str = "any"

    def reaches(self, scope: str) -> bool:
        return SCOPES.index(self.scope) >= SCOPES.index(scope)


# a cue written once for every word of a list: '{person} may have', '{clinician} may give'
SLOTS = {"{person}": "person_words.txt", "{clinician}": "clinician_words.txt", "{manner}": "onset_manners.txt"}


class CueTable(dict):
    """Cues by their lowercase text; a text matched through a cue's gap ('what will i actually notice' for
    'what will i … notice') finds that cue."""

    def __missing__(self, text: str) -> Cue:
        for cue, pattern in self.gapped():
            if pattern.fullmatch(text):
                self[text] = self[cue]
                return self[cue]
        raise KeyError(text)

    @lru_cache(maxsize=1)
    def gapped(self) -> tuple[tuple[str, re.Pattern[str]], ...]:
        return tuple((cue, cue_pattern([cue])) for cue in list(self) if GAP in cue)

    __hash__ = object.__hash__


@lru_cache(maxsize=1)
def relation_cues() -> tuple[re.Pattern[str], CueTable]:
    """The cue regex and, per lowercase cue, its predicate, strength, scope and direction."""
    table = cue_table(read_table("relation_cues.tsv"))
    return cue_pattern(list(table)), table


def cue_table(rows: list[list[str]]) -> CueTable:
    """The readings of relation_cues.tsv's rows by lowercase written cue. A cue written twice with different
    readings is an error: in a plain dict the later row silently overrode the earlier ('babies with' as a clause
    cue hid '{person} with' as a list cue)."""
    table = CueTable()
    for cue, predicate, strength, scope, direction in rows:
        for written in written_forms(cue):
            reading = Cue(predicate, float(strength), scope, direction)
            if table.setdefault(written.lower(), reading) != reading:
                raise ValueError(f"relation_cues.tsv: '{written}' ({cue}) is written twice with different readings")
    if unknown := {cue.direction for cue in table.values()} - set(DIRECTIONS):
        raise ValueError(f"relation_cues.tsv: unknown direction {sorted(unknown)}")
    return table


def written_forms(cue: str) -> list[str]:
    """A cue with its slot filled by each word of the slot's list ('{person} may have': 'a child may have', …)."""
    for slot, words in SLOTS.items():
        if slot in cue:
            return [cue.replace(slot, word) for word in read_list(words)]
    return [cue]


@lru_cache(maxsize=None)
def listed_cues(names: str | tuple[str, ...]) -> re.Pattern[str]:
    """The cue regex of a one-cue-per-line data file ('section_breaks.txt', 'list_continuations.txt'), or of
    several read as one list, a slot filled by each word of its list ('some {person}' in people_openers.txt:
    'some children', …)."""
    files = (names,) if isinstance(names, str) else names
    return cue_pattern([form for name in files for cue in read_list(name) for form in written_forms(cue)])


@lru_cache(maxsize=1)
def disease_classes() -> frozenset[str]:
    return frozenset(term_key(name) for name in read_list("disease_classes.txt"))


PREVENTED_WITHIN_CHARS = 40  # 'prevent' … 'type 2 diabetes': how far before the disease a prevention cue reaches
PREVENTED_WITHIN_WORDS = 4  # and how many words may stand between them ('prevent type 2 diabetes', 'prevent you from getting …')


def prevents(text: str, disease_start: int, disease_end: int | None = None) -> bool:
    """A prevention cue (data/prevention_cues.txt) shortly before the disease that starts at disease_start in text.

    Not when the disease is followed by a word for its episodes ('prevent migraine attacks', 'reduce the
    risk of MS relapses', data/episode_words.txt): preventing those treats a disease one already has.
    """
    if disease_end is not None and listed_cues("episode_words.txt").match(text[disease_end:].lstrip()):
        return False
    return cue_shortly_before(text, disease_start, "prevention_cues.txt")


RECURRENCE_WITHIN_WORDS = 12  # '… may be prescribed potassium citrate, a thiazide diuretic or allopurinol to stop new ones forming'


def prevents_recurrence(text_after: str) -> bool:
    """A recurrence cue (data/recurrence_cues.txt) within a few words after a treatment: it keeps new ones of the
    disease from forming, which is prevention."""
    match = listed_cues("recurrence_cues.txt").search(text_after)
    return match is not None and len(text_after[:match.start()].split()) <= RECURRENCE_WITHIN_WORDS


def follows_consequence(text: str, disease_start: int) -> bool:
    """A consequence cue (data/consequence_cues.txt) shortly before the disease that starts at disease_start."""
    return cue_shortly_before(text, disease_start, "consequence_cues.txt")


def names_condition(text: str, start: int) -> bool:
    """A condition phrase (data/condition_phrases.txt) shortly before the disease at start: 'if you have asthma'."""
    return cue_shortly_before(text, start, "condition_phrases.txt")


CONDITION_CLAUSE = re.compile(r"\bif\b[^,;:.()]*$", re.IGNORECASE)  # an 'if' whose clause runs on to the end


def in_condition(text: str, start: int) -> bool:
    """Whether the word at start stands in an 'if' clause: '… if you have kidney disease or take blood thinners'."""
    return bool(CONDITION_CLAUSE.search(text[:start]))


def names_allergy(text: str, start: int) -> bool:
    """An allergy cue (data/allergy_cues.txt) right before the medicine at start ('allergic to penicillin',
    'allergic to a penicillin'), not before another one ('allergic to penicillin, clindamycin is …')."""
    return any(len(text[match.end():start].split()) <= 1 and "," not in text[match.end():start]
               for match in listed_cues("allergy_cues.txt").finditer(text[:start]))


# 'omeprazole alongside to protect your stomach', 'Antibiotics and antifungals are used to prevent …'
PROTECTION_GAP_WORDS = 4


def protects_organ(text: str, end: int) -> bool:
    """A protection cue (data/protection_cues.txt) shortly after the medicine ending at end: 'omeprazole
    alongside to protect your stomach' is given against the other medicines' harm, not for the disease."""
    match = listed_cues("protection_cues.txt").search(text, end)
    if match is None:
        return False
    gap = text[end:match.start()]
    return len(gap.split()) <= PROTECTION_GAP_WORDS and "," not in gap


def treats_no_disease(text: str, start: int, end: int) -> bool:
    """A medicine at text[start:end] named as one the patient is allergic to, or one given to protect an organ or
    against infection."""
    return names_allergy(text, start) or protects_organ(text, end)


CIRCUMSTANCE_WITHIN_WORDS = 3  # 'during a cold or sore throat'


def worsens(text: str, start: int, end: int | None = None) -> bool:
    """An aggravator cue (data/aggravator_cues.txt) shortly before the word at start: 'that worsen with
    friction and sweating' names what worsens the disease, not its symptom, and 'during a cold' when it comes
    (data/circumstance_cues.txt). With end, also an action
    cue before a one-word name (data/action_cues.txt: 'pain when you breathe in deeply, cough or sneeze')."""
    if end is not None and " " not in text[start:end].strip() and (
            cue_shortly_before(text, start, "action_cues.txt")
            or (ENDS_LIST_ITEM.match(text, end) and acts_listed_after_cue(text, start))):
        return True
    return cue_shortly_before(text, start, "aggravator_cues.txt") or cue_shortly_before(
        text, start, "circumstance_cues.txt", within_words=CIRCUMSTANCE_WITHIN_WORDS, breaks=",;:.")


TRANSMISSION_WITHIN_WORDS = 12  # 'spreads through the air when people with TB in their lungs cough'
TRANSMISSION_WITHIN_CHARS = 90


def names_transmission(text: str, start: int) -> bool:
    """A transmission cue (data/transmission_cues.txt) in the sentence shortly before the word at start: 'The virus
    spreads through coughs and sneezes' says how it passes on, not that it makes one cough."""
    return cue_shortly_before(text, start, "transmission_cues.txt", within_chars=TRANSMISSION_WITHIN_CHARS,
                              within_words=TRANSMISSION_WITHIN_WORDS, breaks=".;:")


def names_no_symptom(text: str, start: int, end: int) -> bool:
    """What worsens a disease or how it spreads, named where a symptom would stand ('patches that worsen with friction',
    'The virus spreads through coughs and sneezes'): no symptom of it."""
    return worsens(text, start, end) or names_transmission(text, start)


ACTION_LIST_WORDS = 8  # 'when you take a deep breath in, cough, sneeze or laugh': a list of actions after the cue
ENDS_LIST_ITEM = re.compile(r"\s*(?:[,.;:)]|(?:or|and)\b|$)")  # what follows an item of such a list


def acts_listed_after_cue(text: str, start: int) -> bool:
    """An action cue before the word at start, with only the words and commas of a list of actions
    between them (data/action_cues.txt); the caller checks the word ends an item of that list."""
    return cue_shortly_before(text, start, "action_cues.txt", PREVENTED_WITHIN_CHARS * 2, ACTION_LIST_WORDS, ".;:()")


def cue_shortly_before(text: str, start: int, cue_list: str | tuple[str, ...], within_chars: int = PREVENTED_WITHIN_CHARS,
                       within_words: int = PREVENTED_WITHIN_WORDS, breaks: str = "") -> bool:
    """A cue of the data list within within_chars and within_words before start, with none of the
    characters of breaks between them."""
    window = text[max(0, start - within_chars):start]
    return any(len(between.split()) <= within_words and not any(mark in between for mark in breaks)
               for match in listed_cues(cue_list).finditer(window) for between in [window[match.end():]])


@lru_cache(maxsize=1)
def fragment_words() -> frozenset[str]:
    """Words a verbless fragment may hold besides its entities: determiners, conjunctions, grading modifiers."""
    return frozenset(word.lower() for word in read_list("fragment_words.txt") + read_list("modifiers.txt"))


def opens_with_episodes(sentence_text: str) -> bool:
    """'Attacks are treated by …', 'Flares tend to …': a sentence opening with a word for a disease's episodes."""
    return bool(listed_cues("episode_words.txt").match(sentence_text.lstrip()))


def disease_anaphors() -> re.Pattern[str]:
    return listed_cues("disease_anaphors.txt")


QUALIFIED_KIND_OF_IT = re.compile(r"(?:this|that|the)\s+[a-z-]+\s+(?:form|type|kind|stage)\s+of\s+"
                                 r"(?:the\s+(?:disease|condition|illness|infection)|it)\b", re.IGNORECASE)


def points_at_disease(text: str) -> bool:
    """Whether a text opens with a word for the disease spoken of ('the condition', 'this form'), also a kind of it
    the text qualifies ('this digestive form of the disease')."""
    return bool(disease_anaphors().match(text) or QUALIFIED_KIND_OF_IT.match(text))


def last_named_anaphors() -> re.Pattern[str]:
    return listed_cues("last_named_anaphors.txt")


def treatment_anaphors() -> re.Pattern[str]:
    return listed_cues("treatment_anaphors.txt")


def labels_side_effects(sentence_text: str) -> bool:
    """Whether a sentence opens by calling what the one before it said a medicine's side effects."""
    return bool(listed_cues("side_effect_labels.txt").match(sentence_text.lstrip()))


SIDE_EFFECTS = re.compile(r"\bside[- ]effects?\b", re.IGNORECASE)


@lru_cache(maxsize=2)
def medicine_cause_pattern(pronouns: bool) -> re.Pattern[str]:
    """A medicine word (data/medicine_nouns.txt; with pronouns, 'they' and 'it' too), a modal and a causing verb."""
    words = [*read_list("medicine_nouns.txt"), *(["they", "it"] if pronouns else [])]
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\s+(?:\w+\s+){0,2}?"
                      r"(?:can|may|might|could|will|often|sometimes|commonly)\s+(?:\w+\s+)?(?:cause|make|give|leave)s?\b",
                      re.IGNORECASE)


def medicine_causes(text: str, after_treatment: bool) -> bool:
    """Whether a text says a medicine or its doses cause something ('the first doses can make people feel dizzy'),
    or, after a treatment its sentence named, 'they' or 'it' do ('…; in the hands they can cause weakness')."""
    return bool(medicine_cause_pattern(after_treatment).search(text))


def names_side_effects(text: str) -> bool:
    """Whether a text speaks of side effects ('Headaches, flushing and ankle swelling are common side effects'):
    what it names are a medicine's, not the disease's symptoms."""
    return bool(SIDE_EFFECTS.search(text))


def naming_cues() -> re.Pattern[str]:
    return listed_cues("naming_cues.txt")


GLOSS_HEAD_CALLED = re.compile(r"\b(?P<head>[a-z]+)\s+called\s*$", re.IGNORECASE)


def ends_with_naming_cue(text: str) -> bool:
    """Whether the words before a name end in a naming cue ('the illness is called', 'known as'; data/naming_cues.txt)
    or call what a gloss head says it is ('a condition called'; data/gloss_heads.txt)."""
    cues = list(naming_cues().finditer(text))
    if cues and text[cues[-1].end():].strip(" ,").lower() in {"", "a", "an"}:
        return True
    called = GLOSS_HEAD_CALLED.search(text)
    return called is not None and called["head"].lower() in coordination.word_set("gloss_heads.txt")


def complication_cues() -> re.Pattern[str]:
    return listed_cues("complication_cues.txt")


def section_breaks() -> re.Pattern[str]:
    return listed_cues("section_breaks.txt")


def symptom_overviews() -> re.Pattern[str]:
    return listed_cues("symptom_overviews.txt")


def list_continuations() -> re.Pattern[str]:
    return listed_cues("list_continuations.txt")


def clauses(sentence: Span, negation_scopes: bool = False) -> list[Span]:
    """Split a sentence before each clause-break word and after each semicolon.

    For negation scopes also after each dash and table cell bar, and after the comma that ends an opening condition
    ('If medicines do not help, surgery may be an option': the negation stays in the condition).
    """
    doc, breaks = sentence.doc, clause_break_words()
    pieces, start = [], sentence.start
    continuations = clause_continuations()
    candidates = clause_break_candidates(doc)
    for index in candidates[bisect_left(candidates, sentence.start):bisect_left(candidates, sentence.end)]:
        token = doc[index]
        following = doc[index + 1].lower_ if index + 1 < len(doc) else ""
        if index > start and token.lower_ in breaks and (token.lower_, following) not in continuations:
            pieces.append(doc[start:index])
            start = index
        elif token.text == ";" or (negation_scopes and (token.text in DASHES or token.text == CELL_BAR)):
            pieces.append(doc[start:index + 1])
            start = index + 1
    if start < sentence.end:
        pieces.append(doc[start:sentence.end])
    pieces = [piece for piece in pieces if len(piece)]
    opener = condition_opens(pieces[0]) if negation_scopes and pieces else None
    if opener is not None:
        commas = [token.i for token in pieces[0] if token.text == "," and token.i > opener]
        comma = condition_end(commas, lambda index: doc[index + 1].lower_ if index + 1 < len(doc) else "")
        if comma is not None and comma + 1 < pieces[0].end:
            pieces[:1] = [doc[pieces[0].start:comma + 1], doc[comma + 1:pieces[0].end]]
        if len(pieces) > 1 and pieces[0][-1].text == "," and pieces[1][0].lower_ in {"or", "and"}:
            # a second condition the break word split off goes on to its comma: 'If neither works, or they can't be
            # tolerated, topiramate or gabapentin are sometimes tried' (the negation stays in the condition)
            further = next((token.i for token in pieces[1] if token.text == ","), None)
            if further is not None and further + 1 < pieces[1].end:
                pieces[1:2] = [doc[pieces[1].start:further + 1], doc[further + 1:pieces[1].end]]
    return pieces


LEAD_IN_WORDS = 2  # 'Occasionally, if NSAIDs have not helped, …': words before the comma that precedes a condition
LEAD_IN = re.compile(rf"\s*(?:[A-Za-z]+\s+){{0,{LEAD_IN_WORDS - 1}}}[A-Za-z]+,\s*")


def condition_opens(piece: Span) -> int | None:
    """Where the clause's opening condition starts: its first token, or the opener after a short
    lead-in and its comma ('Occasionally, if …', 'In children, when …'); None without one."""
    if piece[0].lower_ in conditional_openers():
        return piece.start
    return next((token.i for token in piece[1:LEAD_IN_WORDS + 2] if token.lower_ in conditional_openers()
                 and token.nbor(-1).text == "," and all(t.is_alpha for t in piece.doc[piece.start:token.i - 1])), None)


def condition_end(commas: list[int], word_after: Callable[[int], str]) -> int | None:
    """The comma that ends an opening condition: the first, or the one after a list of conditions
    ('If it is severe, you are not improving on tablets, or your immune system is weak, you may need …')."""
    if not commas:
        return None
    for position, comma in enumerate(commas[1:-1], start=1):
        if word_after(comma) in {"or", "and"}:
            return commas[position + 1]
    return commas[0]


def opening_condition_end(text: str, before: int) -> int:
    """Where the text's opening condition ends, if it ends before `before` ('If that doesn't help, '),
    else 0: a negation inside the condition negates nothing after it."""
    lead_in = LEAD_IN.match(text)
    offset = lead_in.end() if lead_in and lead_in.end() < before else 0
    words = text[offset:before].split(maxsplit=1)
    if not words or words[0].lower() not in conditional_openers():
        return 0
    commas = [match.start() for match in re.finditer(",", text[:before]) if match.start() >= offset]
    comma = condition_end(commas, lambda index: word_after(text, index))
    return comma + 1 if comma is not None else 0


_NEXT_WORD = re.compile(r"\s*(\w*)")


def word_after(text: str, index: int) -> str:
    """The lowercase word after the character at index ('' at the end)."""
    return _NEXT_WORD.match(text, index + 1).group(1).lower()


@lru_cache(maxsize=1)
def conditional_openers() -> frozenset[str]:
    return frozenset(word.lower() for word in read_list("conditional_openers.txt"))


def clause_break_candidates(doc: Doc) -> list[int]:
    """Indexes of the Doc's tokens that may split a clause (break words, semicolons, dashes), found
    once per Doc in its LOWER array: visiting every token of every sentence was the slow part."""
    found = doc.user_data.get(BREAKS_KEY)
    if found is None:
        found = doc.user_data[BREAKS_KEY] = token_indexes(doc, clause_splitting_words())
    return found


@lru_cache(maxsize=1)
def clause_splitting_words() -> frozenset[str]:
    return clause_break_words() | {";", CELL_BAR} | DASHES


def is_negated(mention: Span, clause: Span) -> bool:
    """A negation cue within a few tokens before the mention, inside its clause."""
    window_start = max(clause.start, mention.start - NEGATION_WINDOW_TOKENS)
    window = text_of(mention.doc[window_start:mention.start])
    # a table's cell ends it ('| no temperature | Usually cystitis |'), as a colon does ('Bumps, not flakes: folliculitis')
    window = window[max(window.rfind(CELL_BAR), window.rfind(":")) + 1:]
    # a relative clause may open before the window ('for severe pain that isn't settling, procedures called …')
    return (reaching_negation(window, clause_before=text_of(mention.doc[clause.start:mention.start]))
            or ruled_out_after(mention, clause))


RULED_OUT_WITHIN_TOKENS = 4  # 'Once dengue and malaria have been ruled out': the cue may follow a coordinated name


def ruled_out_after(mention: Span, clause: Span) -> bool:
    """A name its clause goes on to call ruled out ('Once dengue has been excluded, …')."""
    return called_ruled_out(text_of(mention.doc[mention.end:min(clause.end, mention.end + 2 * RULED_OUT_WITHIN_TOKENS)]))


def called_ruled_out(after: str) -> bool:
    """Whether the text right after a name calls it ruled out (data/ruled_out_cues.txt), within a few words
    and before any comma."""
    found = listed_cues("ruled_out_cues.txt").search(after)
    return (found is not None and not any(mark in after[:found.start()] for mark in ",;:")
            and len(after[:found.start()].split()) <= RULED_OUT_WITHIN_TOKENS)


INEFFECTIVE_WINDOW_TOKENS = 10  # 'codeine and other opioids don't help': how far after a treatment its verdict may stand
CONDITION_WORDS = frozenset({"if", "when", "unless", "until", "because"})  # 'Y helps if X doesn't work': not Y's verdict
VERDICT_BREAKS = CONDITION_WORDS | {"where"}  # nor 'Y, often used on the face where steroids are avoided'


INEFFECTIVE_INTRODUCTION_CHARS = 40  # 'Things that generally DON'T help:' before a list


def judged_ineffective(mention: Span, clause: Span) -> bool:
    """A treatment its clause goes on to call useless: 'Stronger painkillers such as codeine and other
    opioids don't help either', 'Painkillers like paracetamol don't work for cluster headache'; not one
    before a comma and a conjunction ('colchicine, and aspirin is best avoided'). Or one a claim the page only
    reports (data/hearsay_cues.txt)."""
    doc = mention.doc
    # a list after a colon: 'Things that generally DON'T help: complete bed rest, knee braces worn all day …'
    introduction, colon, _ = text_of(doc[sentence_of(mention).start:mention.start]).rpartition(":")
    if colon and states_ineffective(introduction[-INEFFECTIVE_INTRODUCTION_CHARS:]):
        return True
    if listed_cues("hearsay_cues.txt").search(text_of(doc[clause.start:mention.start])):
        return True  # 'You may read that high-dose vitamin A slows RP': a claim the page reports, not one it makes
    end = min(clause.end, mention.end + INEFFECTIVE_WINDOW_TOKENS)
    window_end = next((index for index in range(mention.end, end) if doc[index].lower_ in VERDICT_BREAKS
                       or doc[index].text == "," and index + 1 < end and doc[index + 1].lower_ in CONJUNCTION_WORDS), end)
    return states_ineffective(text_of(doc[mention.end:window_end])) or unproven_after_but(mention, clause)


POINTERS_BACK = re.compile(r"\b(?:it|they|them|these|those)\b", re.IGNORECASE)


def unproven_after_but(mention: Span, clause: Span) -> bool:
    """A treatment the 'but' clause after its own says studies have not shown to work, pointing back at it:
    'Evening primrose oil and vitamin B6 are widely sold for PMS, but good-quality studies haven't shown them to
    work' (data/unproven_cues.txt)."""
    doc, sentence = mention.doc, sentence_of(mention)
    if clause.end >= sentence.end or doc[clause.end].lower_ != "but":
        return False
    verdict = text_of(doc[clause.end:min(sentence.end, clause.end + UNPROVEN_WINDOW_TOKENS)])
    match = listed_cues("unproven_cues.txt").search(verdict)
    return match is not None and POINTERS_BACK.search(verdict[:match.end()]) is not None


UNPROVEN_WINDOW_TOKENS = 14  # ', but good-quality studies haven't shown them to work'


AVOID_GAP_WORDS = 2  # 'avoid long hot baths': how many words may stand between the advice and the treatment


def advised_against(mention: Span, clause: Span) -> bool:
    """A treatment the clause tells readers to avoid: 'Avoid vitamin C supplements', 'avoid hot baths', 'avoid
    heavy lifting and strenuous exercise'; not one a verb after a conjunction or comma advises ('avoid triggers
    and use an emollient', data/imperative_verbs.txt)."""
    doc = mention.doc
    gap = 0  # the words between the mention and the conjunct it is part of
    for index in range(mention.start - 1, max(clause.start, mention.start - AVOID_LIST_WORDS - 1) - 1, -1):
        word = doc[index].lower_
        if word in avoid_words():
            return True
        if word in CONJUNCTION_WORDS or doc[index].is_punct:
            if doc[index + 1].lower_ in imperative_verbs():
                return False  # 'and use an emollient'
            gap = 0
            continue
        gap += 1
        if gap > AVOID_GAP_WORDS:
            return False
    return False


AVOID_LIST_WORDS = 6  # 'avoid heavy lifting and strenuous exercise': how far back a list's avoid word may stand


@lru_cache(maxsize=1)
def imperative_verbs() -> frozenset[str]:
    """The advice verbs (data/advice_verbs.txt: 'take', 'use') and the other verbs that open advice."""
    return frozenset(word.lower() for name in ("advice_verbs.txt", "imperative_verbs.txt") for word in read_list(name))


@lru_cache(maxsize=1)
def avoid_words() -> frozenset[str]:
    return frozenset(read_list("avoid_words.txt"))


def negated_between(doc_text: str, start_char: int, end_char: int) -> bool:
    return has_negation(doc_text[start_char:end_char])


def is_hedged(clause: Span) -> bool:
    return bool(hedge_cues().search(text_of(clause)))
