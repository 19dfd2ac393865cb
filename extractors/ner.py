"""Biomedical NER: the spaCy pipeline that finds disease and chemical mentions.

The bundled model (trained on BC5CDR, see `flows/train_ner.py`) ships inside the package so a
fresh clone has real NER without downloads; any installed spaCy/scispaCy model can replace it.
"""
from __future__ import annotations

import re
import warnings
from pathlib import Path

import spacy
from spacy.language import Language

BUNDLED_MODEL = Path(__file__).parent / "models" / "ner_bc5cdr"

# scispaCy's AbbreviationDetector calls a Matcher it leaves empty on every Doc; spaCy's W036 about
# it says nothing to a user of medfacts and would print on every run.
warnings.filterwarnings("ignore", message=r"\[W036\] The component 'matcher' does not have any patterns defined")
# Python's re flags '[[' in scispaCy's tokenizer patterns as a possible future set operation; in
# every Python this product runs on, they mean a literal '['.
warnings.filterwarnings("ignore", message="Possible set union", category=FutureWarning)


def load_pipeline(model: str | Path | None = None) -> Language:
    """Load the NER pipeline: scispaCy tokenizer, NER, scispaCy AbbreviationDetector.

    `model` is None for the bundled model, or the name/path of any installed spaCy model.
    """
    import scispacy.abbreviation  # noqa: F401  (registers the 'abbreviation_detector' factory)

    source = BUNDLED_MODEL if model is None else model
    if model is None and not BUNDLED_MODEL.exists():
        raise FileNotFoundError(f"bundled NER model missing at {BUNDLED_MODEL}; run `medfacts train-ner`")
    try:
        nlp = spacy.load(source)
    except OSError as error:
        raise ValueError(f"cannot load spaCy model {str(source)!r}: not an installed package or model folder") from error
    if "abbreviation_detector" not in nlp.pipe_names:
        nlp.add_pipe("abbreviation_detector")
    without_bracket_emoticons(nlp)
    return nlp


EMOTICON_BRACKETS = frozenset("()[]")


def without_bracket_emoticons(nlp: Language) -> None:
    """Drop the tokenizer's emoticons that hold a bracket ('):', '8)', '(='): in a heading
    'Henoch-Schönlein purpura (HSP): information for families' the '):' stayed one token, so the
    abbreviation detector missed the short form and the NER took 'HSP' for a chemical."""
    nlp.tokenizer.rules = {text: tokens for text, tokens in nlp.tokenizer.rules.items()
                           if not (EMOTICON_BRACKETS & set(text) and not any(char.isalpha() for char in text))}


# --- the extraction pipeline: NER plus the components that turn entities into typed mentions ---

from functools import lru_cache  # noqa: E402
from itertools import product  # noqa: E402
from typing import AbstractSet, Callable, Iterable  # noqa: E402

import json  # noqa: E402

from spacy.matcher import PhraseMatcher  # noqa: E402
from spacy.strings import StringStore  # noqa: E402
from spacy.tokens import Doc, Span, Token  # noqa: E402
from spacy.util import filter_spans  # noqa: E402

from extractors import context, coordination, layout  # noqa: E402
from extractors.doc_index import (TEXT_KEY, ending_indexes, line_breaks, positions_of, sentence_at,  # noqa: E402
                                  sentence_index_at, sentence_of, text_of, token_indexes)
from extractors.entity_types import DISEASE, SYMPTOM, TREATMENT, EntityTyper, treatment_gazetteer  # noqa: E402
from extractors.records import Mention  # noqa: E402
from extractors.terms import pluralize, term_key  # noqa: E402
from extractors.token_patterns import LowerPatternMatcher  # noqa: E402
from extractors.vocabulary import DATA_DIR, curated_type_rows, english_zipf, read_list, read_table  # noqa: E402

GAZETTEER_LABELS = {"disease": "DISEASE", SYMPTOM: "SYMPTOM", TREATMENT: "TREATMENT"}
MAX_PHENOTYPE_WORDS = 4
# A parenthesised short form is an abbreviation only if it looks like one: one token, a capital letter.
MAX_LONG_FORM_WORDS = 8

for _name, _default in (("entity_type", None), ("canonical", None), ("ontology_id", ""), ("negated", False), ("hedged", False)):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=_default)
if not Doc.has_extension("abbreviation_map"):
    Doc.set_extension("abbreviation_map", default=None)


@lru_cache(maxsize=1)
def shared_typer() -> EntityTyper:
    """One typer per process: its tables are read once and shared by every component instance."""
    return EntityTyper()


import numpy  # noqa: E402
from spacy.attrs import IS_SPACE, SENT_START  # noqa: E402


@Language.component("medfacts_paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: headings and bullets must not glue onto the next sentence.

    Whitespace tokens never start a sentence; they close the one before them.
    """
    if not len(doc):
        return doc
    # Array reads and writes over the whitespace tokens only: setting token.is_sent_start checks the
    # whole Doc for a parse each time (quadratic), and a Token object per word costs more than the rest.
    sent_starts = doc.to_array(SENT_START)
    is_space = doc.to_array(IS_SPACE).astype(bool)
    spaces = numpy.flatnonzero(is_space)
    sent_starts[spaces[spaces > 0]] = numpy.array([-1], dtype="int64").astype(sent_starts.dtype)[0]  # -1 as spaCy's uint64
    for index in line_breaks(doc):
        if index + 1 < len(doc) and not is_space[index + 1]:
            sent_starts[index + 1] = 1
    doc.from_array([SENT_START], sent_starts.reshape(-1, 1))
    return doc


def gazetteer_terms() -> dict[str, list[str]]:
    """label -> names to match: curated names, their synonyms and treatments, multi-word HPO
    phenotypes (lay symptom names such as 'sensitivity to light'), ICD-10-CM disease names of
    two to four words or of one word with a disease ending ('-itis', '-osis'), each with its plural (and, for
    diseases and symptoms, its British spelling)."""
    typer = shared_typer()
    patterns: dict[str, set[str]] = {label: set() for label in GAZETTEER_LABELS.values()}
    for term, entity_type, *_ in curated_type_rows():
        if entity_type in GAZETTEER_LABELS:
            patterns[GAZETTEER_LABELS[entity_type]].add(term)
    for alias, canonical in read_table("synonyms.tsv"):
        typed = typer.classify(canonical, "DISEASE")
        key = term_key(canonical)  # the lists are keyed by folded names ('urge to move legs' under 'urge to move leg')
        if typed is not None and (key in typer.curated or key in typer.vocabulary):
            patterns[GAZETTEER_LABELS[typed.entity_type]].add(alias)
    for entry in treatment_gazetteer():  # not a symptom's name: 'weight loss' is found, 'losing weight' advised
        patterns["TREATMENT"].update(name for name in entry.names
                                     if typer.curated_type(term_key(name)) != SYMPTOM and not is_common_word(name)
                                     and name.lower() not in coordination.word_set("everyday_treatments.txt"))
    # medicines no list has ('statins' too); a name a curated list types otherwise stays out
    patterns["TREATMENT"].update(key for key, generic in typer.drug_names.items() if key == generic)
    patterns["TREATMENT"].update(combination_spellings(typer.drug_names.values()))
    for label in patterns:  # the curated names as writers hyphenate them: 'proton-pump inhibitor'
        patterns[label].update({variant for term in patterns[label] for variant in hyphenated(term)})
    phenotype_words, disease_words = rare_phenotype_words(typer), rare_disease_words(typer)
    for key, concepts in typer.vocabulary.items():
        words = key.split(" ")
        if (2 <= len(words) <= MAX_PHENOTYPE_WORDS and not any(word.isdigit() or word.startswith("abnormal") for word in words)
                and any(concept.kind in {"phenotype", "symptom"} for concept in concepts)):
            patterns["SYMPTOM"].add(key)
        elif (2 <= len(words) <= MAX_PHENOTYPE_WORDS and not any(word.isdigit() for word in words)
                and typer.icd_disease(key)):
            patterns["DISEASE"].add(key)
        elif len(words) == 1 and typer.has_disease_ending(key) and typer.icd_disease(key):
            patterns["DISEASE"].add(key)  # 'endometriosis', 'cystitis': a disease's own word the NER can miss
        elif len(words) == 1 and key in disease_words:
            patterns["DISEASE"].add(key)  # 'chickenpox', 'scabies'
        elif len(words) == 1 and key in phenotype_words:
            patterns["SYMPTOM"].add(key)  # 'forgetfulness', 'restlessness'
    for label in ("DISEASE", "SYMPTOM"):  # 'generalised anxiety disorder', 'oesophagitis' as British pages write them
        patterns[label].update({british_spelled(term) for term in patterns[label]})
    lay_words: dict[str, list[str]] = {}  # 'pale stool' as 'pale poo'; 'frothy urine' as 'frothy pee' and 'frothy wee'
    for lay, standard in typer.lay_substance_words.items():
        lay_words.setdefault(standard, []).append(lay)
    patterns["SYMPTOM"].update({f"{head} {lay}" for term in patterns["SYMPTOM"]
                                for head, _, last in [term.rpartition(" ")] if head and last in lay_words
                                for lay in lay_words[last]})
    return {label: sorted(terms | {pluralize(term) for term in terms}) for label, terms in patterns.items()}


MAX_TREATMENT_WORD_ZIPF = 5.0  # 'rest' is 'the rest of' first: only its phrases ('plenty of rest') mark it


EVERYDAY_WORD_ZIPF = 3.6  # 'combines' 3.7, 'tea' 4.7; medicines no list knows are rarer ('nicorandil' 0, 'aspirin' 3.3)


def is_common_word(name: str, zipf: float = MAX_TREATMENT_WORD_ZIPF) -> bool:
    """One word at least this common in English: at MAX_TREATMENT_WORD_ZIPF too common to match alone
    ('rest'); at EVERYDAY_WORD_ZIPF an everyday word, what the NER's 'chemical' is where no list knows it ('tea')."""
    return " " not in name and english_zipf(name.lower()) >= zipf


def combination_spellings(generics: Iterable[str]) -> set[str]:
    """Two-medicine products as writers join them: 'artemether and lumefantrine' is also written
    'artemether-lumefantrine' and 'artemether/lumefantrine'."""
    pairs = {tuple(generic.split(" and ")) for generic in generics if generic.count(" ") == 2 and " and " in generic}
    return {joiner.join(pair) for pair in pairs for joiner in COMBINATION_JOINERS}


def brand_names() -> list[str]:
    """One-word brands and other spellings of medicines ('humira', 'paracetamol'): matched as single
    words (a token test), not phrases; they take no plural."""
    return sorted(key for key, generic in shared_typer().drug_names.items() if key != generic)


def hyphenated(term: str) -> list[str]:
    """A two- or three-word name with one of its spaces written as a hyphen."""
    words = term.split(" ")
    if not 2 <= len(words) <= 3:
        return []
    return [" ".join(words[:i]) + "-" + " ".join(words[i:]) for i in range(1, len(words))]


@lru_cache(maxsize=1)
def british_spelling_rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    """data/british_spellings.tsv as word-part substitutions ('ized$' -> 'ised')."""
    return tuple((re.compile(american.replace("^", r"\b").replace("$", r"\b")), british)
                 for american, british in read_table("british_spellings.tsv"))


def british_spelled(term: str) -> str:
    """A name as British pages spell it ('generalized anxiety disorder' -> 'generalised anxiety disorder')."""
    return " ".join(british_word(word) for word in term.split(" "))


@lru_cache(maxsize=None)
def british_word(word: str) -> str:
    """One word as British pages spell it; the names share their words, so each is respelled once."""
    for pattern, british in british_spelling_rules():
        word = pattern.sub(british, word)
    return word


def symptom_description_matcher(strings: StringStore | None = None) -> LowerPatternMatcher:
    """The lay symptom descriptions of data/symptom_patterns.jsonl ('itchy eyes', 'difficulty walking')."""
    matcher = LowerPatternMatcher(strings if strings is not None else StringStore())
    for line in (DATA_DIR / "symptom_patterns.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            rule = json.loads(line)
            matcher.add(rule["label"], rule["pattern"])
    matcher.add("SYMPTOM", body_part_quality_pattern())
    matcher.add("SYMPTOM", body_part_head_pattern())
    return matcher


# After a state adjective, a word that keeps it about the person ('tired for weeks', 'dizzy when
# standing'); any other word makes it part of another phrase ('tired of waiting', 'a weak point').
STATE_FOLLOWERS = frozenset({"and", "or", "but", "than", "when", "while", "after", "before", "during", "in", "at",
                             "for", "all", "most", "much", "from", "because", "if", "as", "since", "until", "despite"})
MAX_STATE_LEAD = 8  # tokens between a linking verb and its adjective, at most ('be irritable, unusually sleepy')
LINE_BULLETS = frozenset({"-", "*", "\u2022"})


@lru_cache(maxsize=1)
def state_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The state adjectives, linking verbs and degree words of data/state_*."""
    return (frozenset(shared_typer().state_adjectives), frozenset(read_list("state_verbs.txt")),
            frozenset(read_list("state_degree_words.txt")))


NAMED_SIGN_TEXT = re.compile(r"\b[A-Z][^\W\d_]+(?:['\u2019]s?)? sign\b")  # "Winterbottom's sign", 'Nikolsky sign'


def named_sign_spans(doc: Doc) -> list[tuple[int, int]]:
    """Signs named after someone ("known as Winterbottom's sign", "(Gowers' sign)"), which the NER seldom tags: the
    typer keeps those whose name is rare enough to be one (entity_types.NAMED_SIGN)."""
    found = []
    for match in NAMED_SIGN_TEXT.finditer(text_of(doc)):
        span = doc.char_span(match.start(), match.end(), alignment_mode="contract")
        if span is not None and not span[0].is_stop:
            found.append((span.start, span.end))
    return found


UNLISTED_DISEASE_WORD = re.compile(r"[a-z]{5,}(?:osis|iasis)")  # 'anaplasmosis', 'angiomatosis'
UNLISTED_DISEASE_HEADS = frozenset({"disease", "syndrome"})  # 'hydatid disease'
MAX_UNLISTED_DISEASE_ZIPF = 2.0  # 'anastomosis' 2.1, 'phagocytosis' 2.2, 'mitosis' 2.6: a body's process, not a disease
MIN_UNLISTED_NAME_LETTERS = 4


def unlisted_disease_spans(doc: Doc, typer: EntityTyper) -> list[tuple[int, int]]:
    """(start, end) of diseases named by a rare word that no list knows, with an infection's or a disorder's ending
    ('Anaplasmosis: the other tick fever') or before 'disease' or 'syndrome' ('the human illness it causes: hydatid
    disease'): the NER, trained on abstracts, misses many a rare disease the vocabularies lack."""
    spans = []
    for token in doc:
        word = token.lower_
        if not token.is_alpha or len(word) < MIN_UNLISTED_NAME_LETTERS:
            continue
        if UNLISTED_DISEASE_WORD.fullmatch(word):
            span = (token.i, token.i + 1)
        elif token.i + 1 < len(doc) and doc[token.i + 1].lower_ in UNLISTED_DISEASE_HEADS:
            span = (token.i, token.i + 2)
        else:
            continue  # (the word lists are read only for the few words shaped so)
        if not typer.is_known_name(word) and english_zipf(word) < MAX_UNLISTED_DISEASE_ZIPF:
            spans.append(span)
    return spans


def state_adjective_spans(doc: Doc) -> list[int]:
    """Indexes of adjectives that say how a person feels: after a linking verb ('may be irritable,
    unusually sleepy or off their food', 'feel very tired') or alone at the start of a line ('Tired –
    feeling wiped out'). Not 'tired of waiting' or 'a weak immune system'."""
    adjectives, verbs, degree = state_words()
    found = []
    for index in token_indexes(doc, adjectives):
        following = doc[index + 1] if index + 1 < len(doc) else None
        if following is not None and following.is_alpha and following.lower_ not in STATE_FOLLOWERS:
            continue
        if starts_line_at(doc, index) or follows_linking_verb(doc, index, adjectives, verbs, degree):
            found.append(index)
    return found


def starts_line_at(doc: Doc, index: int) -> bool:
    """Whether a token is the first word of its line (after a bullet, if any)."""
    if index > 0 and doc[index - 1].text in LINE_BULLETS:
        index -= 1
    return layout.token_starts_line(doc, index)


def follows_linking_verb(doc: Doc, index: int, adjectives: AbstractSet[str], verbs: AbstractSet[str],
                         degree: AbstractSet[str]) -> bool:
    """Whether a linking verb comes before a token, with only degree words, state adjectives and
    their coordination between ('be irritable, unusually sleepy'); one conjunct no table lists may open a
    list of them ('become quiet, floppy and unusually sleepy')."""
    unlisted = 0
    for before in range(index - 1, max(-1, index - 1 - MAX_STATE_LEAD), -1):
        word = doc[before].lower_
        if word in verbs:
            return True
        if word in degree or word in adjectives or word in (",", "and", "or"):
            continue
        unlisted += 1
        if unlisted > 1 or not doc[before].is_alpha or doc[before + 1].text != ",":  # not 'become happy and confused'
            return False
    return False


def body_part_quality_pattern() -> list[dict]:
    """A quality adjective of data/symptom_qualities.tsv before a body part ('aching joints', 'swollen ankles')."""
    typer = shared_typer()
    adjectives = sorted({adjective for forms in typer.quality_adjectives.values() for adjective in forms})
    return [{"LOWER": {"IN": adjectives}}, {"LOWER": {"IN": sorted(coordination.body_parts())}}]


def body_part_head_pattern() -> list[dict]:
    """A body part before a symptom that takes its place's name ('heel pain', 'arch pain', 'jaw
    stiffness'): the NER often tags only 'pain', and most such names are in no vocabulary."""
    return [{"LOWER": {"IN": sorted(coordination.body_parts())}}, {"LOWER": {"IN": sorted(coordination.located_heads())}}]


MAX_CLASS_MODIFIERS = 5  # 'sodium glucose cotransporter 2 inhibitors'


@lru_cache(maxsize=None)
def head_and_modifier_words(name: str) -> dict[str, frozenset[str]]:
    """role -> lowercase words of a (word, role) table of data/ whose roles are 'head' and 'modifier'."""
    roles: dict[str, set[str]] = {"head": set(), "modifier": set()}
    for word, role in read_table(name):
        roles[role].add(word.lower())
    return {role: frozenset(words) for role, words in roles.items()}


def drug_class_words() -> dict[str, frozenset[str]]:
    """Class heads ('inhibitors') and their modifiers ('receptor') of data/drug_class_words.tsv."""
    return head_and_modifier_words("drug_class_words.tsv")


def is_acronym(text: str) -> bool:
    """'JAK', 'SGLT2', 'S1P', 'DPP': what a drug class is named after, in capitals."""
    return (len(text) >= 2 and text.isalnum() and not any(char.islower() for char in text)
            and any(char.isupper() for char in text) and sum(char.isupper() or char.isdigit() for char in text) >= 2)


def drug_class_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of drug-class names: a head ('inhibitors') after acronyms and modifier words
    ('SGLT2 inhibitors', 'GLP-1 receptor agonists', 'mast cell stabilizers'), which the NER cuts short."""
    words = drug_class_words()
    spans = []
    for head in token_indexes(doc, words["head"]):
        start, named = head, False
        glossed = glossed_acronym(doc, head)
        if glossed is not None:  # 'ACE (angiotensin-converting enzyme) inhibitors'
            spans.append((glossed, head + 1))
            continue
        opening = bracketed_acronym_start(doc, head)  # 'tumour necrosis factor (TNF) inhibitors'
        start = opening
        while start > 0 and opening - start < MAX_CLASS_MODIFIERS:
            token = doc[start - 1]
            if token.lower_ in words["modifier"] or is_acronym(token.text):
                named = True
            elif not ((token.text == "-" or token.is_digit or (len(token.text) == 1 and token.text.isupper()))
                      and start >= 2 and not doc[start - 2].is_space):
                break  # 'DPP-4', 'MAO-B', 'beta-blockers': a hyphen and its part stay inside
            start -= 1
        while start < opening and (doc[start].text == "-" or doc[start].is_digit):
            start += 1
        if named and start < opening:
            spans.append((start, head + 1))
    return spans


MAX_TREATMENT_MODIFIERS = 3  # 'laser interstitial thermal therapy'
VERB_LEADS = frozenset({"may", "might", "can", "could", "will", "would", "should", "must", "to",
                         "that", "which", "who"})  # the next word is a verb ("a massage that nudges fluid")


@lru_cache(maxsize=1)
def treatment_phrase_words() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    """Heads (with plurals), procedure endings and excluded modifiers of the treatment phrase rule: besides
    treatment_modifier_exclusions.txt, the verbs that open advice, which say how a treatment is used, not which
    ('many children wear ankle splints')."""
    heads = frozenset(word for head in coordination.word_set("treatment_heads.txt") for word in (head, pluralize(head)))
    suffixes = tuple(coordination.word_set("procedure_suffixes.txt"))
    excluded = coordination.word_set("treatment_modifier_exclusions.txt") | context.imperative_verbs()
    return heads, suffixes, frozenset(excluded)


def joins_by_hyphen(doc: Doc, index: int) -> bool:
    """Whether the token at index is a hyphen with no space on either side, joining the word before it to the
    one after it into one ('iron-rich', 'Sinding-Larsen', 'late-onset')."""
    return 1 <= index < len(doc) and doc[index].text == "-" and not doc[index].whitespace_ and not doc[index - 1].whitespace_


def compound_treatment_heads(doc: Doc) -> list[int]:
    """Indexes of the heads of treatments a hyphened compound names ('potassium-sparing medicine', 'potassium-rich
    foods'; data/compound_treatment_words.tsv), whose words name no treatment alone; treatment_phrase_spans joins
    the compound to them."""
    words = head_and_modifier_words("compound_treatment_words.tsv")
    return [index for index in token_indexes(doc, words["head"])
            if index >= 3 and doc[index - 1].lower_ in words["modifier"] and joins_by_hyphen(doc, index - 2)]


def names_procedure(token: Token, suffixes: tuple[str, ...]) -> bool:
    """A word of a procedure ending with a stem of two letters or more before it ('tonsillectomy', 'myotomy';
    not the bare 'ectomy')."""
    word = token.lower_
    return token.is_alpha and any(word.endswith(suffix) and len(word) > len(suffix) + 1 for suffix in suffixes)


def treatment_phrase_spans(doc: Doc, blocked: AbstractSet[int],
                           one_word: AbstractSet[int] = frozenset()) -> list[tuple[int, int]]:
    """(start, end) of treatments named by a head and the words that say which: 'heat therapy', 'knee
    replacement', 'nerve gliding exercises', 'lubricating eye drops', and procedures by their ending
    ('laparoscopic cholecystectomy'). No token of a disease or a drug (blocked) joins one: 'acne cream'
    and 'ibuprofen gel' stay a disease and a drug. A one-word treatment of the gazetteer (one_word) may
    be the head: 'nerve gliding exercises'."""
    heads, suffixes, excluded = treatment_phrase_words()
    spans = []
    procedures = {index for index in ending_indexes(doc, suffixes) if names_procedure(doc[index], suffixes)}
    for index in sorted(procedures.union(token_indexes(doc, heads), compound_treatment_heads(doc))):
        head = doc[index]
        procedure = index in procedures
        if head.i in blocked and head.i not in one_word:
            continue
        start, modifiers = head.i, 0
        while start > 0 and modifiers < MAX_TREATMENT_MODIFIERS:
            token = doc[start - 1]
            if joins_by_hyphen(doc, start - 1):
                start -= 2  # 'low-fat diet', 'iron-rich diet': the hyphen joins its words into one modifier
                modifiers += 1
                continue
            if (not token.is_alpha or token.is_stop or token.i in blocked or token.lower_ in excluded
                    or token.lower_.endswith("ly")):
                break  # 'possibly surgery', 'monthly injections': an adverb says how or when, not which
            if start >= 2 and doc[start - 2].lower_ in VERB_LEADS:
                break  # 'may require joint replacement', 'can provide splints': a verb after a modal
            if start >= 2 and doc[start - 2].lower_ in NOMINATIVE_PRONOUNS:
                start = -1  # 'They filter lymph fluid': a verb after its subject, and what it acts on
                break
            start, modifiers = start - 1, modifiers + 1
        if start < 0:
            continue
        while start < head.i and doc[start].text == "-":
            start += 1
        if procedure or start < head.i:
            spans.append((start, head.i + 1))
    return spans


MAX_SPELLED_OUT_TOKENS = 7  # 'SGLT2 (sodium-glucose co-transporter 2) inhibitors': the words inside the brackets
MAX_BRACKETED_ACRONYM_TOKENS = 3  # 'IL-17': 'IL', '-', '17'
MAX_QUALIFIER_GLOSS_TOKENS = 2  # '(infected)', '(Norwegian)': a short gloss between a qualifier and the disease


def bracket_opening(doc: Doc, head: int, max_inside: int) -> int | None:
    """Where the brackets that close right before the token at head open, with at most max_inside tokens
    inside and something before them: the '(' of '(TNF)' in 'tumour necrosis factor (TNF) inhibitors'."""
    if head < 3 or doc[head - 1].text != ")":
        return None
    return next((i for i in range(head - 2, max(head - 3 - max_inside, 0), -1) if doc[i].text == "("), None)


def bracketed_acronym_start(doc: Doc, head: int) -> int:
    """Where '(ACRONYM)' right before a class head opens, so the modifiers before it join the class:
    'tumour necrosis factor (TNF) inhibitors', 'interleukin-17 (IL-17) inhibitors'; else the head."""
    opening = bracket_opening(doc, head, MAX_BRACKETED_ACRONYM_TOKENS)
    inside = doc[opening + 1:head - 1].text.replace("-", "") if opening is not None else ""
    return opening if inside and " " not in inside and is_acronym(inside) else head


MAX_SPLIT_NAME_WORDS = 2  # 'intravenous (IV) fluids': the words on each side of the acronym
# (words before, words after) the acronym, the longest name first
SPLIT_NAME_SIDES = tuple(sorted(product(range(1, MAX_SPLIT_NAME_WORDS + 1), repeat=2), key=sum, reverse=True))


def split_by_acronym_spans(doc: Doc, typer: EntityTyper) -> list[tuple[int, int]]:
    """(start, end) of treatment names a bracketed acronym splits, which a list knows without it: 'intravenous (IV)
    fluids' (intravenous fluid); the longest of each."""
    spans = []
    for index in positions_of(doc, "("):
        if not 1 <= index < len(doc) - 3 or doc[index + 2].text != ")" or not is_acronym(doc[index + 1].text):
            continue
        for before, after in SPLIT_NAME_SIDES:
            start, end = index - before, index + 3 + after
            if start < 0 or end > len(doc):
                continue
            if not all(token.is_alpha for token in [*doc[start:index], *doc[index + 3:end]]):
                continue
            name = f"{doc[start:index].text} {doc[index + 3:end].text}"
            typed = typer.classify(name, "TREATMENT")
            if typed is not None and typed.entity_type == TREATMENT and typer.knows(name, "TREATMENT"):
                spans.append((start, end))
                break
    return spans


def glossed_acronym(doc: Doc, head: int) -> int | None:
    """Where an acronym starts that is spelled out in brackets right before a class head:
    'SGLT2 (sodium-glucose co-transporter 2) inhibitors'."""
    opening = bracket_opening(doc, head, MAX_SPELLED_OUT_TOKENS)
    if opening is None or not is_acronym(doc[opening - 1].text):
        return None
    return opening - 1


@lru_cache(maxsize=1)
def describes_symptom() -> Callable[[list[str]], bool]:
    """Whether lowercase words are a lay symptom description as a whole ('warm joints')."""
    return symptom_description_matcher().matches_words


class GazetteerMatcher:
    """Marks curated disease, symptom and treatment names the statistical NER can miss, and lay
    symptom descriptions by token patterns (data/symptom_patterns.jsonl: 'itchy eyes', 'difficulty walking').

    Matches join the NER's entities; where they overlap, the longer span wins (filter_spans).
    """

    def __init__(self, nlp: Language):
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for label, terms in gazetteer_terms().items():
            self.matcher.add(label, list(nlp.tokenizer.pipe(terms)))
        # Short forms of data/abbreviations.tsv ('MS', 'ADHD') as written, for articles that use them
        # undefined; not those that are English words in capitals ('AS').
        self.short_forms = PhraseMatcher(nlp.vocab, attr="ORTH")
        typer = shared_typer()
        for short, long_form in typer.abbreviations.items():
            typed = typer.classify(long_form, "DISEASE")
            if typed is not None and short.lower() not in nlp.Defaults.stop_words:
                self.short_forms.add(GAZETTEER_LABELS[typed.entity_type], [nlp.make_doc(short)])
        self.treatment_label = nlp.vocab.strings.add("TREATMENT")
        # one-word treatments too common as words to match alone ('rest', 'ice', 'oxygen'): only beside another treatment
        everyday = coordination.word_set("everyday_treatments.txt")
        self.common_treatments = frozenset(name.lower() for entry in treatment_gazetteer() for name in entry.names
                                           if is_common_word(name) or name.lower() in everyday)
        self.symptom_label = nlp.vocab.strings.add("SYMPTOM")
        self.disease_label = nlp.vocab.strings.add("DISEASE")
        self.pattern_matcher = symptom_description_matcher(nlp.vocab.strings)
        # Drug names no list has, by their INN stem ('belimumab'): the NER often misses rare drugs.
        stem = shared_typer().drug_stem_pattern.pattern
        self.pattern_matcher.add("TREATMENT", [{"LOWER": {"REGEX": rf"^{stem}$"}}])
        self.pattern_matcher.add("TREATMENT", [{"LOWER": {"REGEX": rf"^{stem}$"}},  # 'velaglucerase alfa'
                                               {"LOWER": {"IN": sorted(coordination.word_set("drug_name_second_words.txt"))}}])
        self.pattern_matcher.add("TREATMENT", [{"LOWER": {"IN": brand_names()}}])

    def __call__(self, doc: Doc) -> Doc:
        found = [*self.matcher(doc), *self.short_forms(doc), *self.pattern_matcher(doc),
                 *((self.treatment_label, start, end) for start, end in drug_class_spans(doc)),
                 *((self.treatment_label, start, end) for start, end in split_by_acronym_spans(doc, shared_typer())),
                 *((self.disease_label, start, end) for start, end in hyphenated_disease_spans(doc, shared_typer())),
                 *((self.treatment_label, start, end) for start, end in disease_product_spans(doc, shared_typer())),
                 *((self.symptom_label, index, index + 1) for index in state_adjective_spans(doc)),
                 *((self.disease_label, start, end) for start, end in unlisted_disease_spans(doc, shared_typer())),
                 *((self.symptom_label, start, end) for start, end in named_sign_spans(doc))]
        matches = [Span(doc, start, end, label=label) for label, start, end in found]
        typer = shared_typer()
        # a disease's or a drug's tokens join no treatment phrase; a symptom's may ('weight loss surgery', 'eye drops'),
        # and so may an NER guess that ends in a treatment's head and no list knows ('skin graft')
        # or in a procedure's ending ('pericardiocentesis', which the NER takes for a disease)
        treatment_heads, procedure_endings, _ = treatment_phrase_words()
        guessed_treatments = {span.start for span in doc.ents
                              if (span[-1].lower_ in treatment_heads or names_procedure(span[-1], procedure_endings))
                              and not typer.knows(span.text, span.label_)}
        blocked = {i for span in [*doc.ents, *matches] if span.label_ != "SYMPTOM" and span.start not in guessed_treatments
                   for i in range(span.start, span.end)}
        one_word = {span.start for span in matches if len(span) == 1 and span.label == self.treatment_label}
        phrases = [Span(doc, start, end, label=self.treatment_label)
                   for start, end in treatment_phrase_spans(doc, blocked, one_word)]
        matches = filter_spans([*phrases, *matches])  # a phrase wins a tie with a symptom's name: 'eye drops' (HPO: ptosis)
        matched_tokens = {i for span in matches for i in range(span.start, span.end)}
        # An NER span that overlaps a curated name keeps its place only if something besides the NER knows it:
        # 'lupus nephritis' stays, 'lupus cause' yields to 'lupus'.
        predicted = [span for span in doc.ents
                     if (not matched_tokens.intersection(range(span.start, span.end)) or typer.knows(span.text, span.label_))
                     and not (len(span) == 1 and span[0].lower_ in coordination.body_parts())]  # 'groin' as a chemical
        spans = joined_combinations(filter_spans([*predicted, *matches]), self.treatment_label)
        spans = with_common_treatments(doc, spans, self.common_treatments, self.treatment_label)
        spans = [span for span in spans if not is_product_name_word(span)]
        spans = with_placed_subtypes(with_known_qualifiers(spans, typer), typer)
        spans = [span for span in spans if not in_phrasal_verb(span)]
        doc.ents = filter_spans(with_heading_subtypes(with_glossed_qualifiers(spans, typer), typer))
        return doc


def in_phrasal_verb(span: Span) -> bool:
    """An entity's word as a phrasal verb of something else: 'where physiotherapy fits in' names no seizures
    (data/phrasal_verbs.txt)."""
    return span.end < len(span.doc) and (
        f"{span.text.lower()} {span.doc[span.end].lower_}" in coordination.word_set("phrasal_verbs.txt"))


MAX_SHORT_FORM_LETTERS = 5
MAX_WORDS_AFTER_HYPHENS = 2  # 'Osgood-Schlatter disease', 'Charcot-Marie-Tooth disease type 1'


def is_name_word(token: Token) -> bool:
    """A word of a hyphenated name: not a short form ('MDR-TB' is the abbreviation detector's)."""
    return token.is_alpha and not (token.is_upper and len(token) <= MAX_SHORT_FORM_LETTERS)


def hyphenated_disease_spans(doc: Doc, typer: EntityTyper) -> list[tuple[int, int]]:
    """Disease names a list knows, written with hyphens the phrase lists do not hold: ICD-10-CM's
    'Osgood Schlatter disease' as 'Osgood-Schlatter disease', 'Creutzfeldt-Jakob disease', 'alpha-1 antitrypsin
    deficiency'."""
    found = []
    index = 0  # the first token a chain may start at: after the last chain
    for hyphen in positions_of(doc, "-"):  # a chain starts right before a hyphen
        start = end = hyphen - 1
        if start < index or start >= len(doc) - 2:
            continue
        while (end + 2 < len(doc) and joins_by_hyphen(doc, end + 1) and is_name_word(doc[end])
               and (is_name_word(doc[end + 2]) or doc[end + 2].is_digit)):  # 'alpha-1 antitrypsin deficiency'
            end += 2  # the chain of words joined by hyphens
        if end == start:
            continue
        for stop in range(min(end + 1 + MAX_WORDS_AFTER_HYPHENS, len(doc)), end, -1):
            if not doc[stop - 1].is_punct and typer.is_listed_disease(doc[start:stop].text):  # not 'purpura,'
                found.append((start, stop))
                break
        index = end + 1
    return found


MAX_PRODUCT_DISEASE_WORDS = 3  # 'hepatitis B immunoglobulin'


@lru_cache(maxsize=1)
def disease_product_heads() -> tuple[tuple[str, ...], ...]:
    """The words of data/disease_product_heads.txt, each head as its lowercase words."""
    return tuple(tuple(head.lower().split()) for head in read_list("disease_product_heads.txt"))


def disease_product_spans(doc: Doc, typer: EntityTyper) -> list[tuple[int, int]]:
    """A listed disease's name with a product's head after it (data/disease_product_heads.txt): 'rabies
    immunoglobulin' is one medicine, not rabies and intravenous immunoglobulin."""
    heads = disease_product_heads()
    first_words = {head[0] for head in heads}
    found = []
    for index in token_indexes(doc, frozenset(first_words)):  # most tokens: passed over without a Token object
        if index == 0:
            continue
        head = next((head for head in heads if tuple(token.lower_ for token in doc[index:index + len(head)]) == head), None)
        if head is None:
            continue
        start = next((index - words for words in range(min(MAX_PRODUCT_DISEASE_WORDS, index), 0, -1)
                      if all(token.is_alpha for token in doc[index - words:index])
                      and typer.is_listed_disease(doc[index - words:index].text)), None)
        if start is not None:
            found.append((start, index + len(head)))
    return found


MAX_PARENTHESIS_TOKENS = 12


def is_product_name_word(span: Span) -> bool:
    """A disease word that ends a product's name in brackets: 'cetirizine (Piriteze, Zirtek Allergy)',
    'beclometasone (Beconase Hayfever)'. Inside brackets, after a capitalised word of its own."""
    if span.label_ != "DISEASE" or span.start == 0 or not span.text[:1].isupper():
        return False
    before = span.doc[span.start - 1]
    if not (before.is_alpha and before.is_title):
        return False
    for token in reversed(span.doc[max(0, span.start - MAX_PARENTHESIS_TOKENS):span.start - 1]):
        if token.text == "(":
            return True
        if token.text == ")" or "\n" in token.text:
            return False
    return False


COORDINATORS = coordination.CONJUNCTIONS | {",", "nor"}  # what joins coordinated mentions ('no rash, fever nor cough')


def with_common_treatments(doc: Doc, spans: list[Span], common: AbstractSet[str], label: int) -> list[Span]:
    """The spans with the common-word treatments that coordination or a label line marks; such a word
    the NER took for a chemical is the treatment there ('oxygen and fluids through a drip')."""
    found = coordinated_common_treatments(doc, spans, common, label)
    found += labelled_common_treatments(doc, [*spans, *found], common, label)
    found += framed_common_treatments(doc, [*spans, *found], common, label)
    marked = {span.start for span in found}
    return [*(span for span in spans if not (len(span) == 1 and span.start in marked)), *found]


def claimed_tokens(spans: list[Span], common: AbstractSet[str]) -> set[int]:
    """Tokens of the spans, but for the NER's one-word chemicals that are common-word treatments ('oxygen')."""
    return {i for span in spans if not (len(span) == 1 and span.label_ == "CHEMICAL" and span[0].lower_ in common)
            for i in range(span.start, span.end)}


def coordinated_common_treatments(doc: Doc, spans: list[Span], common: AbstractSet[str], label: int) -> list[Span]:
    """A treatment too common as a word to match alone is one where a coordination joins it to another
    treatment, or the two join each other: 'rest, ice, physiotherapy', 'with rest and plenty of fluids', 'settles
    with rest, ice and well-cushioned shoes'; not 'tiredness that rest doesn't fix'."""
    taken = claimed_tokens(spans, common)
    treatment_starts = {span.start for span in spans if span.label_ in TREATMENT_LABELS}
    treatment_ends = {span.end for span in spans if span.label_ in TREATMENT_LABELS}
    candidates = [i for i in token_indexes(doc, frozenset(common)) if i not in taken]
    found: list[Span] = []
    paired = {index for i in candidates if i + 2 in candidates and doc[i + 1].lower_ in COORDINATORS
              for index in (i, i + 2)}  # 'rest, ice …', 'rest and ice': the two join each other
    for i in sorted(paired):
        found.append(Span(doc, i, i + 1, label=label))
        treatment_starts.add(i)
        treatment_ends.add(i + 1)
    candidates = [i for i in candidates if i not in paired]
    while True:  # 'rest, ice, physiotherapy': 'ice' joins first, then 'rest' beside it
        joined = [i for i in candidates
                  if (i + 2 < len(doc) and doc[i + 1].lower_ in COORDINATORS and i + 2 in treatment_starts)
                  or (i >= 2 and doc[i - 1].lower_ in COORDINATORS and i - 1 in treatment_ends)]
        if not joined:
            return found
        for i in joined:
            found.append(Span(doc, i, i + 1, label=label))
            treatment_starts.add(i)
            treatment_ends.add(i + 1)
        candidates = [i for i in candidates if i not in joined]


def labelled_common_treatments(doc: Doc, spans: list[Span], common: AbstractSet[str], label: int) -> list[Span]:
    """A treatment too common as a word to match alone is one where it labels a line of its own:
    'Rest. Get as much rest as you need', 'Rest: lie down', 'Rest the joint' or 'Rest and take it easy. Avoid …'
    in a list of what helps, and a lowercase line that lost its bullet ('rest and sleep.')."""
    taken = claimed_tokens(spans, common)
    return [Span(doc, i, i + 1, label=label) for i in token_indexes(doc, frozenset(common))
            if i not in taken and ((token := doc[i]).is_title or token.is_lower)
            and starts_line_at(doc, i) and opens_label(doc, i)]


@lru_cache(maxsize=1)
def treatment_frames() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The wordings before and after a common-word treatment that make it one (data/treatment_frames.tsv)."""
    frames: dict[str, list[str]] = {"before": [], "after": []}
    for side, frame in read_table("treatment_frames.tsv"):
        frames[side].append(r"\s+".join(r"[\w'-]+" if word == "*" else re.escape(word) for word in frame.split()))
    return (re.compile(rf"\b(?:{'|'.join(frames['before'])})\s+$", re.IGNORECASE),
            re.compile(rf"^\s+(?:{'|'.join(frames['after'])})\b", re.IGNORECASE))


FRAME_WINDOW_TOKENS = 8  # 'is an important part of the treatment': how far a frame reaches


def framed_common_treatments(doc: Doc, spans: list[Span], common: AbstractSet[str], label: int) -> list[Span]:
    """A treatment too common as a word to match alone is one where a sentence states it is the treatment:
    'Treatment is mainly rest', 'Rest is a genuine part of the treatment', 'Mild cases settle down with rest';
    not 'tiredness that rest doesn't fix'."""
    taken = claimed_tokens(spans, common)
    before, after = treatment_frames()
    found = []
    for i in token_indexes(doc, frozenset(common)):
        if i in taken:
            continue
        sentence = sentence_at(doc, i)  # Span.sent walks back token by token
        preceding = text_of(doc[max(sentence.start, i - FRAME_WINDOW_TOKENS):i]) + " "
        following = " " + text_of(doc[i + 1:min(sentence.end, i + 1 + FRAME_WINDOW_TOKENS)])
        if before.search(preceding) or after.search(following):
            found.append(Span(doc, i, i + 1, label=label))
    return found


LABEL_ENDS = frozenset({".", ":", "\u2013", "\u2014"})  # 'Rest – keep off it as much as you can'
LABEL_OBJECTS = frozenset({"the", "your", "it", "them"})  # 'Rest the joint', 'Ice it': what the instruction treats
LABEL_JOINERS = frozenset({"and", "or", ","})
INSTRUCTION_FOLLOWERS = frozenset({"until", "for", "as", "when", "while"})
MAX_LABEL_TOKENS = 7  # 'Rest and take it easy.': a short label sentence that the line goes on to explain


def opens_label(doc: Doc, index: int) -> bool:
    """Whether the word at index is a line's label: alone before '.' or ':', opening a short label
    joined on with 'and', 'or' or a comma ('Rest and take it easy.', 'Heat or ice.'), or an instruction
    saying how long or when ('Rest until the pain settles') or what it is for ('Rest the joint', 'Ice it')."""
    following = doc[index + 1:index + 1 + MAX_LABEL_TOKENS]
    if not len(following):
        return False
    if following[0].text in LABEL_ENDS or following[0].lower_ in INSTRUCTION_FOLLOWERS | LABEL_OBJECTS:
        return True  # 'Rest.', and an instruction: 'Rest until the pain settles', 'Ice for 20 minutes'
    if following[0].lower_ not in LABEL_JOINERS:
        return False
    for token in following:
        if "\n" in token.text:
            return False
        if token.text in LABEL_ENDS:
            return True
    return False


def with_placed_subtypes(spans: list[Span], typer: EntityTyper) -> list[Span]:
    """A disease named with the body part it affects is that subtype: 'Hip OA', 'knee osteoarthritis',
    'scalp psoriasis', 'rotator cuff tendinopathy' (the NER tags only the disease); so is a name no vocabulary
    codes after a site's adjective ('oral allergy syndrome')."""
    placed = []
    parts = coordination.body_parts()
    for span in spans:
        doc = span.doc
        if span.label_ == "DISEASE" and span.start > 0 and doc[span.start - 1].whitespace_:
            words = 2 if span.start > 1 and f"{doc[span.start - 2].lower_} {doc[span.start - 1].lower_}" in parts else 1
            by_part = words == 2 or doc[span.start - 1].lower_ in parts
            # a site's adjective before a name no vocabulary codes: 'oral allergy syndrome', where the NER took
            # 'allergy syndrome'
            by_site = doc[span.start - 1].lower_ in coordination.word_set("site_adjectives.txt")
            if ((by_part or by_site) and (typed := typer.classify(span.text, "DISEASE")) is not None
                    and typed.entity_type == DISEASE and (by_part or not typed.ontology_id)):
                span = Span(doc, span.start - words, span.end, label=span.label)
        placed.append(span)
    return placed


MAX_KNOWN_QUALIFIERS = 2  # 'acute angle-closure glaucoma', 'primary sclerosing cholangitis'


def with_known_qualifiers(spans: list[Span], typer: EntityTyper) -> list[Span]:
    """A disease the NER tags without the words before it that a vocabulary's name has ('acute
    angle-closure glaucoma', where the NER tags 'angle-closure glaucoma') is that listed kind; so is one after an
    adjective that names an infection ('amoebic dysentery', EntityTyper.infection_qualifiers)."""
    qualified = []
    for span in spans:
        doc = span.doc
        if span.label_ == "DISEASE":
            for start in range(max(span.start - MAX_KNOWN_QUALIFIERS, 0), span.start):
                words = doc[start:span.start]
                if (all(token.is_alpha and not token.is_stop for token in words)
                        and all(token.whitespace_ for token in words) and not starts_sentence_inside(doc, start, span.start)
                        and (typer.is_listed_disease(f"{words.text} {span.text}")
                             or len(words) == 1 and typer.names_infection_kind(words.text))):  # 'amoebic dysentery'
                    span = Span(doc, start, span.end, label=span.label)
                    break
        qualified.append(span)
    return qualified


def starts_sentence_inside(doc: Doc, start: int, end: int) -> bool:
    """Whether a sentence starts after `start` and up to `end`: a heading's last word qualifies no disease after it."""
    return any(doc[index].is_sent_start for index in range(start + 1, end + 1)) if doc.has_annotation("SENT_START") else False


def with_glossed_qualifiers(spans: list[Span], typer: EntityTyper) -> list[Span]:
    """A disease named with a qualifier glossed in brackets before it is the qualified kind: 'septic
    (infected) bursitis', 'Crusted (Norwegian) scabies', where a list knows '<qualifier> <disease>'."""
    result = []
    for span in spans:
        doc = span.doc
        opening = bracket_opening(doc, span.start, MAX_QUALIFIER_GLOSS_TOKENS) if span.label_ == "DISEASE" else None
        if opening is not None and doc[opening - 1].is_alpha and typer.is_known_name(
                typer.canonical_key(f"{doc[opening - 1].text} {span.text}")):
            span = Span(doc, opening - 1, span.end, label=span.label)
        result.append(span)
    return result


MAX_HEADING_LEAD_TOKENS = 2  # '3. Ocular rosacea', '## Ocular rosacea': numbering before the name
MAX_SUBTYPE_QUALIFIERS = 2  # 'acute bacterial prostatitis'


MAX_QUALIFIER_ZIPF = 5.0  # 'common', 'new', 'early' name no kind of a disease, though ICD-10-CM titles use them
MAX_UNLISTED_QUALIFIER_ZIPF = 2.2  # "papulopustular" 0, "oropharyngeal" 2.05: a term of art no title has


@lru_cache(maxsize=1)
def disease_name_words() -> frozenset[str]:
    """The words of the vocabularies' disease names: what qualifies a disease as a kind ('ocular', 'bacterial')."""
    typer = shared_typer()
    return frozenset(word for key in typer.vocabulary if typer.icd_disease(key) for word in key.split(" "))


def is_subtype_qualifier(token: Token, typer: EntityTyper) -> bool:
    """A word that makes a disease a kind of it: one the vocabularies' disease names use ('ocular',
    'severe', 'bacterial') or an adjective too rare for everyday English ('papulopustular'); not
    'comprehensive' (a 'Comprehensive Epilepsy Center'), 'treating' or 'untreated'."""
    word = token.lower_
    if not token.is_alpha or token.is_stop or word.endswith("ing") or is_negated_word(word):
        return False
    if not (coordination.looks_like_adjective(word) or word in typer.modifiers):
        return False  # 'What causes type 2 diabetes'
    frequency = english_zipf(word)
    return (word in disease_name_words() and frequency < MAX_QUALIFIER_ZIPF) or frequency < MAX_UNLISTED_QUALIFIER_ZIPF


NEGATED_STEM_ZIPF = 3.0  # 'treated' 4.1, 'usual' 4.6; 'icentric' 0, 'ilateral' 0


def is_negated_word(word: str) -> bool:
    """'untreated', 'unusual': 'un' before an everyday word; not 'unicentric', 'unilateral'."""
    return word.startswith("un") and english_zipf(word[2:]) >= NEGATED_STEM_ZIPF


def onset_compound_start(doc: Doc, start: int) -> int:
    """Where a hyphenated qualifier of the age a disease begins at ('late-onset') starts before `start`;
    else `start`. Its parts are everyday words that qualify no disease alone."""
    if (start >= 3 and doc[start - 1].lower_ in coordination.word_set("onset_words.txt") and joins_by_hyphen(doc, start - 2)
            and doc[start - 3].is_alpha):
        return start - 3
    return start


def with_heading_subtypes(spans: list[Span], typer: EntityTyper) -> list[Span]:
    """A disease a heading, or a paragraph's opening, names with qualifiers ('Ocular rosacea', 'Severe
    malaria', 'Acute bacterial prostatitis comes on over hours …') is a kind the article describes apart:
    one entity wherever the article writes it, and the subject of its section or paragraph (the NER tags
    only 'rosacea'). A qualified name inside running text alone stays the disease."""
    subtypes: set[tuple[str, str]] = set()
    qualified: list[tuple[int, Span, tuple[str, str], int]] = []
    for index, span in enumerate(spans):
        if span.label_ not in {"DISEASE", "SYMPTOM"} or span.start == 0:
            continue
        start = onset_compound_start(span.doc, span.start)
        while (start > 0 and span.start - start < MAX_SUBTYPE_QUALIFIERS and span.doc[start - 1].whitespace_
               and is_subtype_qualifier(span.doc[start - 1], typer)):
            start -= 1
        if start == span.start:
            continue
        typed = typer.classify(span.text, "DISEASE")
        if typed is None or typed.entity_type != DISEASE:
            continue
        qualifiers = [token.lower_ for token in span.doc[start:span.start] if token.is_alpha]
        if typer.grades(qualifiers[0], typed.canonical):
            continue  # 'Severe eczema': eczema at its worst; 'Severe malaria' is a kind of its own
        name = (" ".join(qualifiers), typed.canonical)
        qualified.append((index, span, name, start))
        sentence = sentence_at(span.doc, start)
        if start - sentence.start <= MAX_HEADING_LEAD_TOKENS and (
                layout.is_heading(sentence) or (start == sentence.start and layout.starts_line(sentence))):
            subtypes.add(name)
        elif context.ends_with_naming_cue(span.doc[sentence.start:start].text):
            subtypes.add(name)  # 'If a larva settles in the eye, the illness is called ocular toxocariasis.'
    result = list(spans)
    for index, span, name, start in qualified:
        if name in subtypes:
            result[index] = Span(span.doc, start, span.end, label="DISEASE")
    return result


COMBINATION_JOINERS = ("-", "/")
TREATMENT_LABELS = {"TREATMENT", "CHEMICAL"}


def joined_combinations(spans: list[Span], treatment_label: int) -> list[Span]:
    """Two one-word medicines written as one combination product ('dihydroartemisinin-piperaquine') are
    one treatment: it is the product that is prescribed, not each of its parts. ('calcium/vitamin D
    supplementation' names two things.)"""
    joined: list[Span] = []
    for span in spans:
        before = joined[-1] if joined else None
        doc = span.doc
        if (before is not None and len(before) == len(span) == 1 and {before.label_, span.label_} <= TREATMENT_LABELS
                and span.start == before.end + 1
                and doc[before.end].text in COMBINATION_JOINERS
                and not doc[before.end - 1].whitespace_ and not doc[before.end].whitespace_):
            joined[-1] = Span(doc, before.start, span.end, label=treatment_label)  # the product, as the gazetteer names it
        else:
            joined.append(span)
    return joined


@Language.factory("medfacts_gazetteer")
def make_gazetteer(nlp: Language, name: str) -> GazetteerMatcher:
    return GazetteerMatcher(nlp)


class EntityTypingComponent:
    """Types each entity as disease, symptom or treatment, expands abbreviations, flags negation/hedging.

    Short forms (scispaCy's AbbreviationDetector finds every occurrence) become mentions of their
    long form, so 'AS' later in an article counts for 'ankylosing spondylitis'. Entities that name
    no concept ('condition', 'damage') are dropped; coordinated ones are split into their conjuncts
    (coordination.expand: 'itchy, red or watery eyes' is three symptoms).
    """

    def __init__(self) -> None:
        self.typer = shared_typer()
        self.describes_symptom = describes_symptom()

    def __call__(self, doc: Doc) -> Doc:
        # a defined long form is one name: 'High altitude cerebral oedema (HACE)', not the 'cerebral oedema' in it
        long_form_spans = self.long_forms(doc)
        glossed_spans = {short: span for short, span in {**slashed_short_forms(doc), **comma_glossed_forms(doc)}.items()
                         if short not in long_form_spans}
        long_form_spans |= glossed_spans
        long_forms = {short: (span.text, span.label_) for short, span in long_form_spans.items()}
        glossed = {short: long_forms[short] for short in glossed_spans}
        eponyms = {short: form for short, form in eponym_short_forms(doc, self.typer).items() if short not in long_forms}
        long_forms.update(eponyms)
        bare_eponyms = {short: form for short, form in bare_eponym_forms(doc, self.typer).items() if short not in long_forms}
        long_forms.update(bare_eponyms)
        diseases = [with_inheritance(named_part(span)) for span in doc.ents if span.label_ == "DISEASE"]
        initialisms = {short: form for short, form in initialism_forms(doc, diseases).items()
                       if short not in long_forms and short not in self.typer.abbreviations}
        long_forms.update(initialisms)
        # a plural short form's singular ('Spinocerebellar ataxias (SCAs) … an SCA is usually …')
        singulars = {short[:-1]: long_forms[short] for short in long_forms
                     if short.endswith("s") and INITIALISM.fullmatch(short[:-1]) and short[:-1] not in long_forms}
        long_forms.update(singulars)
        initialisms.update(singulars)
        kind_references = {text: form for text, form in kind_reference_forms(doc, diseases, self.typer).items()
                           if text not in long_forms}
        long_forms.update(kind_references)
        nicknames = {nickname: (span.text, span.label_) for nickname, span in bracketed_nicknames(doc).items()
                     if nickname not in long_forms}
        short_form_spans = [Span(doc, short.start, short.end, label=long_forms[short.text][1])
                            for short in getattr(doc._, "abbreviations", []) or []
                            if short.text in long_forms]
        short_form_spans += self.short_form_diseases(doc, long_forms)
        if eponyms:
            names = {short.split("'")[0].split("\u2019")[0] for short in eponyms}
            short_form_spans += [Span(doc, token.i, token.i + 2, label=eponyms[pair.text][1])
                                 for token in doc[:-1] if token.text in names
                                 and (pair := doc[token.i:token.i + 2]).text in eponyms]
        short_form_spans += bare_eponym_spans(doc, bare_eponyms)
        short_form_spans += capitalised_repeats(doc)
        short_form_spans += form_spans(doc, INITIALISM, initialisms) + form_spans(doc, KIND_REFERENCE, kind_references)
        short_form_spans = [with_numbered_type(span) for span in short_form_spans]
        if glossed:
            short_form_spans += [Span(doc, token.i, token.i + 1, label=glossed[token.text][1])
                                 for token in doc if token.text in glossed]
        if nicknames:  # every use of the nickname, however cased ('Trich is tested for with a swab')
            for token in doc:
                if token.lower_ in nicknames:
                    long_forms[token.text] = nicknames[token.lower_]
                    short_form_spans.append(Span(doc, token.i, token.i + 1, label=nicknames[token.lower_][1]))
        typed_entities = []
        page_names = multiword_disease_names([*doc.ents, *long_form_spans.values()])
        candidates = [with_page_name(self.with_kind_word(with_inheritance(with_eponym_chain(named_part(span))), long_forms), page_names)
                      for span in [*map(with_disease_type, doc.ents), *short_form_spans, *long_form_spans.values()]]
        for span in filter_spans([trimmed for trimmed in map(trim_edges, candidates) if trimmed]):
            long_form = long_forms.get(span.text) or self.spelled_out(span, long_forms)
            typed = self.typer.classify(long_form[0] if long_form else span.text, long_form[1] if long_form else span.label_)
            if (typed is not None and typed.entity_type == TREATMENT and span.label_ == "CHEMICAL" and not long_form
                    and (is_common_word(span.text, EVERYDAY_WORD_ZIPF) or follows_subject_pronoun(span))
                    and not self.typer.knows(span.text, span.label_)):
                # 'tea' (towel), 'cancel', 'Riverside', 'combines': the NER's chemicals that are everyday words no list
                # knows; and a verb after its subject ('so that it stiffens and squeezes the heart')
                typed = None
            if (typed is not None and typed.entity_type == TREATMENT and span.label_ == "CHEMICAL" and not long_form
                    and is_acronym(span.text) and not self.typer.knows(span.text, span.label_)):
                typed = None  # 'CML', 'MPN': initials the page never spells out and no list knows; diseases as often as drugs
            if typed is not None and not (typed.entity_type == TREATMENT
                                          and (names_vaccine(span) or names_measured_substance(span)
                                               or names_practice(span) or names_procedure_setting(span))):
                typed_entities.append((span, typed))
        kept = []
        for item in coordination.expand(doc, typed_entities, self.typer, self.describes_symptom):
            span = Span(doc, item.start, item.end, label=item.source.label_)
            values = span._  # one accessor object per span, not one per value
            values.entity_type, values.canonical, values.ontology_id = item.typed.entity_type, item.typed.canonical, item.typed.ontology_id
            kept.append(span)
        doc.ents = filter_spans(kept)
        with_brands_glossed(doc, self.typer)
        happening_to_someone(doc, self.typer)
        # the short forms the page gives, not those read off it (initials, singulars, kind words): other pages may use them
        doc._.abbreviation_map = {short: self.typer.canonical_key(long) for short, (long, _) in long_forms.items()
                                  if short not in initialisms and short not in kind_references}
        clauses_of: dict[int, list[Span]] = {}  # one split per sentence, however many entities it holds
        hedged: dict[tuple[int, int], bool] = {}  # and one hedge check per clause
        for span in doc.ents:
            sentence = sentence_at(doc, span.start)
            if sentence.start not in clauses_of:
                clauses_of[sentence.start] = context.clauses(sentence, negation_scopes=True)
            clause = next((c for c in clauses_of[sentence.start] if c.start <= span.start < c.end), sentence)
            if (clause.start, clause.end) not in hedged:
                hedged[clause.start, clause.end] = context.is_hedged(clause)
            values = span._
            values.negated = context.is_negated(span, clause) or (
                values.entity_type == TREATMENT and (context.judged_ineffective(span, clause) or context.advised_against(span, clause)))
            values.hedged = hedged[clause.start, clause.end]
        negate_coordinated(doc)
        return doc

    def with_kind_word(self, span: Span, long_forms: dict[str, tuple[str, str]]) -> Span:
        """A disease the NER took without the word before it that names a listed kind of it starts at that word:
        'Wet AMD is a different story.' names wet age-related macular degeneration, not AMD ('the asthma' stays
        asthma: the same concept)."""
        doc = span.doc
        if span.label_ != "DISEASE" or span.start == 0 or not (word := doc[span.start - 1]).is_alpha or word.is_stop \
                or "\n" in word.whitespace_ or not (word.is_lower or word.is_title):
            return span
        if span.start >= 2 and (doc[span.start - 2].lower_ in coordination.CONJUNCTIONS or doc[span.start - 2].text == ","):
            return span  # 'Paroxysmal, persistent and permanent AF' names the kinds of AF, not permanent AF alone
        name, label = long_forms.get(span.text) or (span.text, span.label_)
        kind = f"{word.lower_} {name}"
        if not self.typer.is_listed_disease(kind):
            return span
        typed_kind, typed = self.typer.classify(kind, label), self.typer.classify(name, label)
        if typed_kind is None or (typed is not None and typed_kind.canonical == typed.canonical):
            return span
        return Span(doc, span.start - 1, span.end, label=span.label_)

    def spelled_out(self, span: Span, long_forms: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
        """A disease name built on a short form, with the long form in its place: 'TB disease' is
        tuberculosis, 'HAE attacks' hereditary angioedema, 'multidrug-resistant TB' multidrug-resistant tuberculosis."""
        if len(span) < 2:
            return None
        first, last = span[0].text, span[-1].text
        if len(span) == 2 and first in long_forms and self.typer.is_listed_disease(named := f"{long_forms[first][0]} {last}"):
            return named, "DISEASE"
        if len(span) == 3 and first in long_forms and NUMBERED_TYPE.fullmatch(span[1:].text):  # 'SMA type 1'
            return f"{long_forms[first][0]} {span[1:].text.lower()}", long_forms[first][1]
        nouns = coordination.word_set("disease_nouns.txt")
        if (first in long_forms or first in self.typer.abbreviations) and all(
                token.lower_ in nouns or term_key(token.text) in self.typer.episode_words for token in span[1:]):
            return long_forms.get(first) or (first, "DISEASE")
        if last in long_forms or last in self.typer.abbreviations:
            long_form, label = long_forms.get(last) or (self.typer.abbreviations[last], "DISEASE")
            return f"{span[:-1].text} {long_form}", label
        return None

    def short_form_diseases(self, doc: Doc, long_forms: dict[str, tuple[str, str]]) -> list[Span]:
        """A short form and the word after it that, with the long form in its place, name a listed disease:
        'CO poisoning' after 'Carbon monoxide (CO)' is carbon monoxide poisoning, not the gas (spelled_out)."""
        spans = []
        for short in getattr(doc._, "abbreviations", []) or []:
            if short.text in long_forms and short.end < len(doc) and (following := doc[short.end]).is_lower \
                    and following.is_alpha and self.typer.is_listed_disease(f"{long_forms[short.text][0]} {following.text}"):
                spans.append(Span(doc, short.start, short.end + 1, label="DISEASE"))
        return spans

    @staticmethod
    def long_forms(doc: Doc) -> dict[str, Span]:
        """short form -> its long form, labelled as the entity in it, for defined abbreviations whose long form holds one."""
        entities = [named_part(span) for span in doc.ents]  # (each access of doc.ents rebuilds the tuple)
        label_at = {token_index: span.label_ for span in entities for token_index in range(span.start, span.end)}
        forms: dict[str, Span] = {}
        for short in getattr(doc._, "abbreviations", []) or []:
            long_form = short._.long_form
            if not isinstance(long_form, Span) or not looks_like_abbreviation(short, long_form):
                continue
            long_form = whole_words(long_form)
            # 'proton pump inhibitor (PPI)': Schwartz-Hearst stops at the first word opening with the
            # short form's first letter ('pump inhibitor'); an entity reaching over that word is the long form
            opening = next((span for span in entities if span.start < long_form.start < span.end), None)
            if opening is not None:
                long_form = doc[opening.start:max(opening.end, long_form.end)]
            label = next((label_at[i] for i in range(long_form.start, long_form.end) if i in label_at), None)
            if label is not None:
                forms.setdefault(short.text, Span(doc, long_form.start, long_form.end, label=label))
        return forms


MIN_PHENOTYPE_WORD_LENGTH = 6  # shorter one-word keys are mostly abbreviations ('aki', 'gist')
MIN_DISEASE_WORD_LENGTH = 5  # 'mumps', 'croup'; the shorter disease keys are abbreviations ('dvt', 'sle')
MAX_RARE_WORD_ZIPF = 3.5  # more frequent words ('fall', 'shock', 'odd', 'depression') are ordinary English first


def rare_phenotype_words(typer: EntityTyper) -> frozenset[str]:
    """One-word HPO phenotype names that are rare in English ('forgetfulness', 'irritability'): the
    NER tags few of them, and as words they mean nothing else (data/phenotype_word_exclusions.txt)."""
    return rare_one_word_names(typer, {"phenotype", "symptom"}, MIN_PHENOTYPE_WORD_LENGTH, "phenotype_word_exclusions.txt")


def rare_disease_words(typer: EntityTyper) -> frozenset[str]:
    """One-word ICD-10-CM disease names that are rare in English and name no phenotype ('chickenpox',
    'measles', 'scabies'): lay disease names the NER, trained on abstracts, misses
    (data/disease_word_exclusions.txt: words first, 'ganglion', 'lichen', and states, 'immunocompromised')."""
    return frozenset(key for key in rare_one_word_names(typer, {"disease"}, MIN_DISEASE_WORD_LENGTH,
                                                        "disease_word_exclusions.txt")
                     if not any(concept.kind in {"phenotype", "symptom"} for concept in typer.vocabulary[key]))


def rare_one_word_names(typer: EntityTyper, kinds: set[str], min_length: int, exclusions: str) -> frozenset[str]:
    excluded = coordination.word_set(exclusions)
    return frozenset(key for key, concepts in typer.vocabulary.items()
                     if " " not in key and len(key) >= min_length and key.isalpha() and key not in excluded
                     and any(concept.kind in kinds for concept in concepts)
                     and english_zipf(key) < MAX_RARE_WORD_ZIPF)


def names_vaccine(span: Span) -> bool:
    """'the BCG vaccine', 'the flu jab', 'vaccination': a vaccine's name, or the word before 'vaccine'."""
    index = span.end + 1 if span.end < len(span.doc) and span.doc[span.end].text == ")" else span.end
    following = span.doc[index].lower_ if index < len(span.doc) else ""  # 'Bacille Calmette-Guérin (BCG) vaccine'
    vaccine_words = coordination.word_set("vaccine_words.txt")
    return span[-1].lower_ in vaccine_words or following in vaccine_words


def names_practice(span: Span) -> bool:
    """'Surgery' as the doctor's practice ('ring the surgery', 'your GP surgery'), not an operation (practice_cues.txt)."""
    if span[-1].lower_ != "surgery":
        return False
    before = tuple(token.lower_ for token in span.doc[max(0, span.start - 2):span.start])
    words = before + tuple(token.lower_ for token in span[:-1])
    return any(words[-len(cue):] == cue for cue in coordination.phrase_list("practice_cues.txt"))


def names_procedure_setting(span: Span) -> bool:
    """An anaesthetic an operation is done under ('a small cut under local anaesthetic'), not a treatment
    (procedure_settings.txt)."""
    if span[-1].lower_ not in coordination.word_set("procedure_settings.txt"):
        return False
    index = span.start - 1
    while index >= 0 and span.doc[index].lower_ in {"a", "an", "the"}:
        index -= 1
    return index >= 0 and span.doc[index].lower_ == "under"


MEASURE_LINKS = frozenset({"for", "of", "from"})
COMPOSITION_LINKS = frozenset({("made", "of"), ("formed", "from"), ("formed", "of"), ("composed", "of"), ("consist", "of"),
                               ("consists", "of")})
DOSE_WORDS = frozenset({"dose", "doses", "dosage"})


def names_measured_substance(span: Span) -> bool:
    """A substance the sentence measures, not one it gives: 'a routine calcium check', 'the calcium in your
    blood', 'blood tests for vitamin D, calcium and phosphate', 'calcium stones' (measure_words.txt), 'low folate'
    (level_words.txt); or one a stone is made of ('made of calcium oxalate')."""
    doc, phrases = span.doc, coordination.phrase_list("measure_words.txt")
    following = [token.lower_ for token in doc[span.end:span.end + max(map(len, phrases))]]
    if any(following[:len(phrase)] == list(phrase) for phrase in phrases):
        return True
    index = span.start - 1  # back over the other substances of a list, to the word that names the measure
    while index >= 0 and (doc[index].ent_type or doc[index].lower_ in {",", "and", "or"}):
        index -= 1
    if (index >= 0 and doc[index].lower_ in coordination.word_set("level_words.txt")
            and not (span.end < len(doc) and doc[span.end].lower_ in DOSE_WORDS)):
        return True  # 'anaemic because of low folate and vitamin B12'; not 'a high antihistamine dose'
    if index < 1 or doc[index].lower_ not in MEASURE_LINKS:
        return False
    if (doc[index - 1].lower_, doc[index].lower_) in COMPOSITION_LINKS:
        return True  # 'Most are made of calcium oxalate': what a stone is made of
    return any(tuple(token.lower_ for token in doc[max(0, index - len(phrase)):index]) == phrase for phrase in phrases)


def coordinated(before: Span, after: Span, words: AbstractSet[str] = frozenset()) -> bool:
    """Whether only commas and conjunctions (and words) stand between two mentions ('no rash, fever nor cough')."""
    return after.start > before.end and all(token.lower_ in COORDINATORS or token.lower_ in words
                                            for token in before.doc[before.end:after.start])


OTHERS = frozenset({"other", "any"})  # 'avoid ibuprofen and other anti-inflammatory painkillers': the rest of a class


def negate_coordinated(doc: Doc) -> None:
    """A mention coordinated with a negated one before it, or an example of it, is negated too: the negation's
    window may end before a long list does ('no reliable evidence that herbal remedies, supplements or particular
    diets shrink fibroids'; 'stronger blood thinners such as warfarin'). A mention of another kind is no item of the
    same list: 'If medicines do not control seizures, epilepsy surgery …'."""
    entities = doc.ents
    for before, after in zip(entities, entities[1:]):
        if (before._.negated and not after._.negated and before._.entity_type == after._.entity_type
                and (coordinated(before, after, OTHERS) or exemplifies(before, after))):
            after._.negated = True


EXAMPLE_GAP = re.compile(r"\s*,?\s*(?:such as|like|including|e\.g\.,?|for example,?)\s*", re.IGNORECASE)


def exemplifies(before: Span, after: Span) -> bool:
    """Whether a mention is an example of the one just before it ('stronger blood thinners such as warfarin'): what
    is said of the class, a negation too, is said of it."""
    return EXAMPLE_GAP.fullmatch(text_of(before.doc)[before.end_char:after.start_char]) is not None


def capitalised_repeats(doc: Doc) -> list[Span]:
    """A disease name of several words the page writes in a heading's capitals ('KORSAKOFF SYNDROME: THE LONGER-TERM
    STAGE'), where the NER, reading capitals, passed it over: found by the page's own mentions of it ('Korsakoff
    syndrome causes …')."""
    names = {tuple(token.lower_ for token in span): span.label_ for span in doc.ents
             if span.label_ == "DISEASE" and len(span) > 1 and not span.text.isupper()}
    if not names:
        return []
    found = []
    for token in doc:
        if not (token.is_alpha and token.text.isupper() and len(token.text) > 1):
            continue
        for words, label in names.items():
            end = token.i + len(words)
            if end <= len(doc) and words[0] == token.lower_ and all(
                    other.lower_ == word and other.text.isupper() for other, word in zip(doc[token.i:end], words)):
                found.append(Span(doc, token.i, end, label=label))
    return found


def comma_glossed_forms(doc: Doc) -> dict[str, Span]:
    """Short forms an entity's name is glossed with after 'or' ('Generalised anxiety disorder, or GAD, is …'),
    in brackets that go on after a comma ('Hidradenitis suppurativa (HS, sometimes called acne inversa)') or
    after a few words ('acute mountain sickness, usually shortened to AMS'), which scispaCy's detector passes
    over, where the short form spells the initials of the name's words: short form -> the long form, labelled
    as its entity. The long form may open a word before the entity, where its initial leads the short
    form ('AMS' for 'acute mountain sickness' where the NER found 'mountain sickness')."""
    forms: dict[str, Span] = {}
    disease_nouns = coordination.word_set("disease_nouns.txt")
    for span in doc.ents:
        if span.end + 2 >= len(doc):
            continue
        after_or = (doc[span.end].text, doc[span.end + 1].lower_) == (",", "or")
        # 'loss (NIHL, …)' or 'loss (NIHL):', which the detector may pass over
        in_brackets = doc[span.end].text == "(" and (doc[span.end + 2].text == "," or doc[span.end + 2].text.startswith(")"))
        short = doc[span.end + 1] if in_brackets else doc[span.end + 2] if after_or else glossed_in_words(doc, span.end)
        if short is None:
            continue
        named = with_eponym_chain(span)
        words = [token for token in named if token.is_alpha]
        if len(words) > 2 and words[-1].lower_ in disease_nouns:  # 'SLJ' for 'Sinding-Larsen-Johansson syndrome'
            words = words if short.text[-1:] == words[-1].text[0].upper() else words[:-1]
        initials = "".join(token.text[0] for token in words).upper()
        lead = len(short.text) - len(initials)
        if 0 < lead <= MAX_LEAD_INITIALS and short.text.endswith(initials) and named.start >= lead:
            before = doc[named.start - lead:named.start]
            if all(token.is_alpha and token.is_lower for token in before):
                initials = "".join(token.text[0] for token in before).upper() + initials
                named = doc[before.start:named.end]
        # the initials are capitals: so is the short form; or its letters spell the name's syllables ('PMS')
        if len(short.text) > 1 and (short.text == initials
                                    or (short.text.isupper() and spells_short_form(short.text, named.text))):
            forms.setdefault(short.text, Span(doc, named.start, named.end, label=span.label_))
    return forms


MIN_SHORT_FORM_CAPITALS = 2  # an initialism ('CJD', 'IgAN'), not a word in brackets ('(Avomine)')


def is_short_form_of(short: str, long: str) -> bool:
    """An initialism the long form spells ('CJD' of 'Creutzfeldt-Jakob disease'): a short form, no second name."""
    short = short.strip()
    return (" " not in short and sum(character.isupper() for character in short) >= MIN_SHORT_FORM_CAPITALS
            and spells_short_form(short, long))


ALIAS_GAP_WORDS = frozenset({",", "/", "or", "also", "called", "known", "as", "sometimes", "otherwise"})
MAX_ALIAS_GAP_TOKENS = 4  # 'Interstitial cystitis, also called bladder pain syndrome (IC/BPS)'


def slashed_short_forms(doc: Doc) -> dict[str, Span]:
    """Two short forms joined by a slash in brackets after two names of one disease ('Interstitial cystitis, also
    called bladder pain syndrome (IC/BPS)'), each spelling its name: each short form, and the pair, stand for the
    first name, which scispaCy's detector cannot give ('IC' alone is no bracket's). short form -> that name."""
    forms: dict[str, Span] = {}
    entities = list(doc.ents)
    for first, second in zip(entities, entities[1:]):
        if second.end + 2 >= len(doc) or doc[second.end].text != "(":
            continue
        closing = next((index for index in range(second.end + 2, min(second.end + 5, len(doc)))
                        if doc[index].text.startswith(")")), None)  # 'IC/BPS' is one token or three
        inside = doc[second.end + 1:closing] if closing is not None else None
        if inside is None or any(token.whitespace_ for token in inside[:-1]):
            continue
        pair = inside.text
        shorts = pair.split("/")
        gap = doc[first.end:second.start]
        if (len(shorts) == 2 and first.label_ == second.label_ and len(gap) <= MAX_ALIAS_GAP_TOKENS
                and all(token.lower_ in ALIAS_GAP_WORDS for token in gap)
                and is_short_form_of(shorts[0], first.text) and is_short_form_of(shorts[1], second.text)):
            for short in (*shorts, pair):
                forms.setdefault(short, first)
    return forms


def spells_short_form(short: str, long: str) -> bool:
    """Schwartz and Hearst's (2003) test, which scispaCy's detector runs on bracketed short forms: the short
    form's letters appear in the long form in order, the first opening a word ('PMS' in 'premenstrual
    syndrome', 'GORD' not in 'acid reflux')."""
    long_index = len(long) - 1
    letters = [character.lower() for character in short if character.isalnum()]
    for position in range(len(letters) - 1, -1, -1):
        while long_index >= 0 and (long[long_index].lower() != letters[position] or (
                position == 0 and long_index > 0 and long[long_index - 1].isalnum())):
            long_index -= 1
        if long_index < 0:
            return False
        long_index -= 1
    return bool(letters)


MIN_NICKNAME_LETTERS = 4  # 'trich', 'gastro'; shorter clippings ('flu' aside) are mostly initials the detector handles
QUOTES = frozenset({'"', "'", "\u201c", "\u201d", "\u2018", "\u2019"})


def bracketed_nicknames(doc: Doc) -> dict[str, Span]:
    """Lowercase clippings a disease's name is glossed with in brackets, quoted or not ('Trichomoniasis
    ("trich") is an STI'), or in quotes shortly after it, where it may be a whole word of the name ('Molluscum
    contagiosum - most people just say "molluscum"'), which scispaCy's detector passes over (no capital): the
    clipping, lowercased -> the entity. A clipping is the start of one of the name's words, so a bracketed aside is none."""
    nicknames: dict[str, Span] = {}
    disease_nouns = coordination.word_set("disease_nouns.txt")
    for span in doc.ents:
        quoted = quoted_word_after(span)
        if (quoted is not None and quoted.lower_ not in disease_nouns and english_zipf(quoted.lower_) < MAX_RARE_WORD_ZIPF
                and any(word.lower_.startswith(quoted.lower_) for word in span if word.is_alpha)):
            nicknames.setdefault(quoted.lower_, span)  # 'Molluscum contagiosum - most people just say "molluscum" -'
            continue
        after = doc[span.end:span.end + 5]
        if not after or after[0].text != "(":
            continue
        inside = [token for token in after[1:] if token.text not in QUOTES]
        if len(inside) < 2 or not inside[1].text.startswith(")"):
            continue
        nickname = inside[0]
        if (nickname.is_alpha and nickname.is_lower and len(nickname) >= MIN_NICKNAME_LETTERS
                and any(word.lower_.startswith(nickname.lower_) and word.lower_ != nickname.lower_
                        for word in span if word.is_alpha)):
            nicknames.setdefault(nickname.lower_, span)
    return nicknames


QUOTED_NICKNAME_WINDOW = 8  # 'Molluscum contagiosum - most people just say "molluscum"': how far after the name


def quoted_word_after(span: Span) -> Token | None:
    """A word of at least MIN_NICKNAME_LETTERS letters in quotes shortly after a name, before the sentence ends."""
    doc = span.doc
    end = min(span.end + QUOTED_NICKNAME_WINDOW, sentence_of(span).end)
    for index in range(span.end, end - 2):
        if doc[index].text not in QUOTES:
            continue
        word, closing = doc[index + 1], doc[index + 2]
        if closing.text in QUOTES and word.is_alpha and len(word) >= MIN_NICKNAME_LETTERS and not word.is_upper:
            return word
    return None


MAX_GLOSS_LEAD_WORDS = 4  # '(we call it SLJ, …)', '(also known as CFS)', ', usually shortened to AMS.'
MAX_LEAD_INITIALS = 1  # 'acute' before 'mountain sickness'
GLOSS_ENDS = {"(": frozenset({",", ")"}), ",": frozenset({",", ".", ";", ")"})}


def glossed_in_words(doc: Doc, after: int) -> Token | None:
    """The short form a bracket or a comma after a name gives after a few lowercase words: '(we call it SLJ,
    for obvious reasons)', ', usually shortened to AMS.'."""
    ends = GLOSS_ENDS.get(doc[after].text)
    if ends is None:
        return None
    for index in range(after + 1, min(after + 2 + MAX_GLOSS_LEAD_WORDS, len(doc) - 1)):
        token = doc[index]
        if token.text.isupper() and token.is_alpha:
            return token if index > after + 1 and doc[index + 1].text in ends else None
        if not token.is_lower:
            return None
    return None


SUBJECT_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "you", "which", "who"})
NOMINATIVE_PRONOUNS = frozenset({"they", "he", "she", "we", "i"})  # never objects; 'you' may be: 'will teach you nerve gliding exercises'


def follows_subject_pronoun(span: Span) -> bool:
    """A one-word span right after a subject pronoun is its verb, not a name: 'it stiffens'."""
    return len(span) == 1 and span.start > 0 and span.doc[span.start - 1].lower_ in SUBJECT_PRONOUNS


MIN_BRAND_LETTERS = 4  # 'Hib' is a short form; 'Epclusa', 'Valoid' name products


def looks_like_abbreviation(short: Span, long_form: Span) -> bool:
    """scispaCy also pairs '(immune system)' with the words before it; keep only real short forms, with a
    long form of one sentence beside them (not 'Valoid) are used. Cyclizine' for the 'Valoid' it starts with),
    holding no closing bracket of a short form before it ('NSAIDs) such as ibuprofen' for the brand 'Nurofen'); not a
    word with one capital, a brand's name ('Examples include sofosbuvir with velpatasvir (Epclusa)')."""
    return (len(short) == 1 and any(character.isupper() for character in short.text)
            and not (short.text.istitle() and short.text.isalpha() and len(short.text) >= MIN_BRAND_LETTERS)
            and len(long_form) <= MAX_LONG_FORM_WORDS and sentence_of(long_form) == sentence_of(short)
            and long_form.end <= sentence_of(long_form).end
            and not (long_form.start < short.end and short.start < long_form.end)
            and not any(token.text == ")" for token in long_form))


def whole_words(span: Span) -> Span:
    """The span from the start of its first hyphenated word: scispaCy may open a long form inside one
    ('-steroidal anti-inflammatory drugs' for the NSAIDs of 'Non-steroidal anti-inflammatory drugs')."""
    doc, start = span.doc, span.start
    while start > 0 and not doc[start - 1].whitespace_ and "-" in (doc[start - 1].text, doc[start].text):
        start -= 1
    return doc[start:span.end] if start < span.start else span


def is_edge_junk(token: Token) -> bool:
    """A token no entity starts or ends with: whitespace the NER swallowed (line breaks) or a separator
    ('| Fever' in a table row, '• rash'); brackets and quotes stay, they may belong to the name."""
    return token.is_space or (len(token.text) == 1 and not token.text.isalnum() and not token.is_bracket
                              and not token.is_quote)


def multiword_disease_names(spans: list[Span]) -> frozenset[tuple[str, ...]]:
    """The lowercase words of each disease name of several words a page's entities give."""
    return frozenset(tuple(token.lower_ for token in span) for span in spans if len(span) > 1 and span.label_ == "DISEASE")


def with_page_name(span: Span, names: frozenset[tuple[str, ...]]) -> Span:
    """A disease the NER found without the first words of a longer name the page gives it elsewhere starts at those
    words ('nephropathy' of 'Thin basement membrane nephropathy usually causes …' after 'thin basement membrane
    nephropathy (TBMN)'): the page's own name, the longest that fits."""
    if span.label_ != "DISEASE":
        return span
    doc, words = span.doc, tuple(token.lower_ for token in span)
    fits = [len(name) - len(words) for name in names
            if len(name) > len(words) and name[-len(words):] == words and span.start >= len(name) - len(words)
            and tuple(token.lower_ for token in doc[span.start - len(name) + len(words):span.start]) == name[:-len(words)]
            and not any("\n" in token.whitespace_ for token in doc[span.start - len(name) + len(words):span.start])]
    return Span(doc, span.start - max(fits), span.end, label=span.label_) if fits else span


INHERITED_FORM = re.compile(r"(?:^|[^\w-])(?P<form>autosomal[ -](?:dominant|recessive)|x-linked(?: dominant| recessive)?) $",
                            re.IGNORECASE)
INHERITED_FORM_REACH = 32  # characters before a disease that may hold its pattern of inheritance


def with_inheritance(span: Span) -> Span:
    """A disease named with its pattern of inheritance in front starts at that pattern: 'autosomal dominant
    polycystic kidney disease' is its own form of the disease (the form a page then shortens to ADPKD)."""
    if span.label_ != "DISEASE":
        return span
    before = text_of(span.doc)[max(0, span.start_char - INHERITED_FORM_REACH):span.start_char]
    found = INHERITED_FORM.search(before)
    if found is None:
        return span
    widened = span.doc.char_span(span.start_char - len(before) + found.start("form"), span.end_char, label=span.label_)
    return widened if widened is not None else span


INITIALISM = re.compile(r"\b[A-Z]{3,7}\b")


def initialism_forms(doc: Doc, diseases: Iterable[Span]) -> dict[str, tuple[str, str]]:
    """short form -> (long form, label) for short forms a page uses without defining them that spell the initials
    of a disease of three words or more it names: 'Seven years with ADPKD' on a page that names autosomal dominant
    polycystic kidney disease. Initials two diseases share name neither."""
    named: dict[str, set[str]] = {}
    for span in diseases:
        words = [word for word in re.split(r"[\s-]+", span.text) if word[:1].isalpha()]
        if len(words) >= 3:
            named.setdefault("".join(word[0] for word in words).upper(), set()).add(span.text.lower())
    forms: dict[str, tuple[str, str]] = {}
    for match in INITIALISM.finditer(text_of(doc)):
        names = named.get(match.group(), ())
        if len(names) == 1:
            forms[match.group()] = (next(iter(names)), "DISEASE")
    return forms


KIND_ADJECTIVE_ENDINGS = ("al", "ous", "ive", "ic", "ary", "ar")  # 'visceral', 'cutaneous', 'invasive', 'axial'
KIND_REFERENCE = re.compile(r"\b([A-Za-z]+) (?:disease|form)\b")


def kind_reference_forms(doc: Doc, diseases: Iterable[Span], typer: EntityTyper) -> dict[str, tuple[str, str]]:
    """'Visceral disease' (or 'the visceral form') -> (long form, label) on a page that names visceral
    leishmaniasis: a kind of a disease the page names, called by its kind word alone. Not where the words name a
    disease of their own ('thyroid disease'), nor for a kind word two diseases of the page share."""
    kinds: dict[str, set[str]] = {}
    for span in diseases:
        words = span.text.split()
        if (len(words) >= 2 and words[0].isalpha() and words[0].lower().endswith(KIND_ADJECTIVE_ENDINGS)
                and not KIND_REFERENCE.fullmatch(span.text)):  # the NER may take the reference for a name
            kinds.setdefault(words[0].lower(), set()).add(span.text.lower())
    forms: dict[str, tuple[str, str]] = {}
    for match in KIND_REFERENCE.finditer(text_of(doc)) if kinds else ():
        named = kinds.get(match.group(1).lower(), ())
        if len(named) == 1 and not typer.is_listed_disease(match.group()):
            forms[match.group()] = (next(iter(named)), "DISEASE")
    return forms


NUMBERED_TYPE = re.compile(r"type [0-9]|type (?:i{1,3}|iv)", re.IGNORECASE)


def with_numbered_type(span: Span) -> Span:
    """A short form with a numbered type after it names that type: 'SMA type 1' (spelled_out)."""
    doc = span.doc
    if span.end + 2 <= len(doc) and NUMBERED_TYPE.fullmatch(doc[span.end:span.end + 2].text):
        return Span(doc, span.start, span.end + 2, label=span.label_)
    return span


def with_disease_type(span: Span) -> Span:
    """A disease the NER named without the numbered type after it names that type: 'Usher syndrome type 1'."""
    return with_numbered_type(span) if span.label_ == "DISEASE" else span


def form_spans(doc: Doc, pattern: re.Pattern[str], forms: dict[str, tuple[str, str]]) -> list[Span]:
    """Every use of the forms read off a page by pattern (initialism_forms, kind_reference_forms), as a span
    of its long form's label."""
    if not forms:
        return []
    return [span for match in pattern.finditer(text_of(doc)) if match.group() in forms
            and (span := doc.char_span(match.start(), match.end(), label=forms[match.group()][1])) is not None]


def with_eponym_chain(span: Span) -> Span:
    """A name the NER opened inside a chain of hyphenated eponyms starts at the chain's first name:
    'Johansson syndrome' of 'Sinding-Larsen-Johansson syndrome'; a disease after a possessive eponym
    starts at the eponym ('neuroma' of "Morton's neuroma"), not a short form ("Pete's MND")."""
    doc, start = span.doc, span.start
    while (start >= 2 and joins_by_hyphen(doc, start - 1)
           and doc[start - 2].text[:1].isupper() and doc[start].text[:1].isupper()):
        start -= 2
    if start == span.start and span.label_ == "DISEASE" and not span.text.isupper() and is_possessive_eponym(doc, start - 2):
        start -= 2
    elif start == span.start and span.label_ in ("DISEASE", "SYMPTOM") and is_bare_eponym(doc, start - 1):
        start -= 1
    return Span(doc, start, span.end, label=span.label_) if start < span.start else span


POSSESSIVE_ENDINGS = frozenset({"'s", "\u2019s"})
MAX_EPONYM_ZIPF = 4.6  # 'Baker' 4.2, 'Bell' 4.6 name diseases; 'Britain' 4.7, 'Women' 5.6 own them


def is_possessive_name(doc: Doc, index: int) -> bool:
    """A capitalised word and its possessive "'s" ('Addison's', 'Britain's')."""
    if index < 0 or doc[index + 1].text not in POSSESSIVE_ENDINGS or doc[index].whitespace_:
        return False
    return doc[index].is_alpha and doc[index].text[:1].isupper()


RARE_NAME_ZIPF = 3.5  # 'Takayasu' 1.4, 'Kawasaki' 3.0 name diseases; 'Severe' 4.6, 'Chronic' 4.2 grade them
NOT_NAME_ENDINGS = ("ic", "al", "ous", "oid", "ive", "ary", "ar", "ated", "ent",  # adjectives: 'Recurrent', 'Topical'
                    "um", "us", "ella", "ia")  # and Latin genera: 'Mycobacterium tuberculosis'


def is_bare_eponym(doc: Doc, index: int) -> bool:
    """A rare capitalised name right before a lowercase disease the NER found without it ('arteritis' of
    'Takayasu arteritis'): the eponym belongs to the disease's name. A title-case heading ('Uncomplicated
    Malaria') capitalises every word, a sentence its first ('Moisturise dry skin': a name only where the page also
    capitalises it inside a sentence), and a word the page also writes in lowercase is no name."""
    if (index < 0 or doc[index].whitespace_ != " " or not doc[index].is_alpha
            or not doc[index + 1].text[:1].islower()):
        return False
    word = doc[index].text
    if doc[index].is_sent_start and all(doc[position].is_sent_start for position in positions_of(doc, word)):
        return False  # a sentence's first word is a name where the page also writes it so inside a sentence
    return (word[:1].isupper() and not word.isupper() and not word.lower().endswith(NOT_NAME_ENDINGS)
            and (english_zipf(word.lower()) < RARE_NAME_ZIPF or names_kind_throughout(doc, index))
            and not positions_of(doc, word.lower()))


MIN_KIND_NAME_USES = 2  # 'African sleeping sickness' … 'African sleeping sickness': a page's own name for a kind


def names_kind_throughout(doc: Doc, index: int) -> bool:
    """Whether the page writes a capitalised everyday word before the same disease word inside sentences again and
    again ('Is Chagas disease the same as African sleeping sickness? … African sleeping sickness (human African
    trypanosomiasis) is caused by …'): the word belongs to the kind's name, as an eponym does."""
    word, head = doc[index].text, doc[index + 1].text
    return sum(1 for position in positions_of(doc, word) if position + 1 < len(doc) and doc[position + 1].text == head
               and not doc[position].is_sent_start) >= MIN_KIND_NAME_USES


def is_possessive_eponym(doc: Doc, index: int) -> bool:
    """A capitalised name and its possessive "'s", rarer than the everyday words that also own things."""
    return (is_possessive_name(doc, index) and not doc[index].is_upper
            and english_zipf(doc[index].lower_) < MAX_EPONYM_ZIPF)


def eponym_short_forms(doc: Doc, typer: EntityTyper) -> dict[str, tuple[str, str]]:
    """short form -> (long form, label) for the eponyms of the diseases a document names in full: after "What is
    Addison's disease?", "I have Addison's" and "in Addison's the glands …" name it too. Of two diseases of one
    eponym ("Cushing's syndrome", "Cushing's disease"), the one named first."""
    forms: dict[str, tuple[str, str]] = {}
    for span in doc.ents:
        if len(span) == 3 and is_possessive_name(doc, span.start) and span[:2].text not in forms:
            typed = typer.classify(span.text, span.label_)  # the NER may label it otherwise: the typer decides
            if typed is not None and typed.entity_type == DISEASE:
                forms[span[:2].text] = (span.text, span.label_)
    return forms


EPONYM_HEADS = frozenset({"disease", "syndrome"})
VIRUS_WORD = "virus"


def bare_eponym_forms(doc: Doc, typer: EntityTyper) -> dict[str, tuple[str, str]]:
    """short form -> (long form, label) for the eponyms without a possessive of the diseases a document names in full:
    after 'Perthes disease', 'A child with Perthes might have a limp …'; after 'Osgood-Schlatter disease',
    'Osgood-Schlatter does not usually …'; after 'Duchenne muscular dystrophy', 'Duchenne is usually treated …'.
    Only names rarer than everyday words (MAX_EPONYM_ZIPF: 'Perthes', 'Lyme';
    not 'Still' of 'Still disease')."""
    forms: dict[str, tuple[str, str]] = {}
    for span in map(with_eponym_chain, doc.ents):  # 'Duchenne muscular dystrophy', where the NER found the disease alone
        named_kind = len(span) > 2 and typer.is_listed_disease(span[1:].text)  # 'Duchenne' of 'Duchenne muscular dystrophy'
        # 'Marburg' of 'Marburg virus disease': the virus's name is the disease's ('Marburg usually begins abruptly …')
        named_virus = len(span) > 2 and span[-2].lower_ == VIRUS_WORD and span[-1].lower_ in EPONYM_HEADS
        name = span[:1] if named_kind else span[:-2] if named_virus else span[:-1]
        if (len(span) < 2 or (span[-1].lower_ not in EPONYM_HEADS and not named_kind) or name.text in forms
                or any(token.whitespace_ for token in name[:-1])  # one word, or names joined by hyphens
                or not all(token.text == "-" or (token.is_alpha and token.text[:1].isupper() and not token.is_upper
                                                 and english_zipf(token.lower_) < MAX_EPONYM_ZIPF) for token in name)):
            continue
        typed = typer.classify(span.text, span.label_)
        if typed is not None and typed.entity_type == DISEASE:
            forms[name.text] = (span.text, span.label_)
    return forms


def bare_eponym_spans(doc: Doc, forms: dict[str, tuple[str, str]]) -> list[Span]:
    """Every use of such a short form, as a span of its long form's label."""
    spans = []
    for short, (_, label) in forms.items():
        words = short.replace("-", " - ").split()  # its tokens: names and the hyphens between them
        spans += [Span(doc, start, start + len(words), label=label) for start in positions_of(doc, words[0])
                  if start + len(words) <= len(doc) and doc[start:start + len(words)].text == short]
    return spans


NAMING_WORDS = frozenset({"called", "named"})


def named_part(span: Span) -> Span:
    """The name after a naming word the NER took in: 'a procedure called pleurodesis' is pleurodesis; and a
    chemical's name after the words before a treatment that do not say which (treatment_phrase_words): 'combines
    antithymocyte globulin' is antithymocyte globulin."""
    index = next((token.i for token in span[:-1] if token.lower_ in NAMING_WORDS), None)  # 'called thoracentesis' too
    start = index + 1 if index is not None else span.start
    if span.label_ == "CHEMICAL":
        excluded = treatment_phrase_words()[2]
        while start < span.end - 1 and span.doc[start].lower_ in excluded:
            start += 1
    return Span(span.doc, start, span.end, label=span.label_) if start != span.start else span


def trim_edges(span: Span) -> Span | None:
    """An entity never starts or ends with a whitespace or separator token, never ends with a verb of an
    illness's course (data/course_verbs.txt), and never holds a table's cell separator ('Possible kidney
    infection | Urgent GP' is the kidney infection)."""
    start, end = span.start, span.end
    separator = next((token.i for token in span if token.text == layout.TABLE_ROW), None)
    if separator is not None:
        start, end = (start, separator) if separator > start else (separator + 1, end)
    while start < end and is_edge_junk(span.doc[start]):
        start += 1
    while end > start and is_edge_junk(span.doc[end - 1]):
        end -= 1
    if end - start > 1 and span.doc[end - 1].lower_ in coordination.word_set("course_verbs.txt"):
        end -= 1  # 'When illness develops,': the illness, not a disease called 'illness develops'
    if start == end:
        return None
    return span if (start, end) == (span.start, span.end) else Span(span.doc, start, end, label=span.label_)


READER_WORDS = frozenset({"you", "we", "i"})  # advice speaks to them: 'you should lose weight'
SUBJECT_ADVERBS = frozenset({"often", "also", "may", "might", "can", "sometimes", "usually", "then", "will", "tend", "to"})


def happening_to_someone(doc: Doc, typer: EntityTyper) -> None:
    """A treatment named by what happens to the body (data/happening_treatments.txt: 'lose weight') is the symptom of
    that name where it happens to someone: a person other than the reader does it ('some people lose weight', 'Some
    lose weight or run a fever') or a symptom is coordinated with it ('go off their food and lose weight')."""
    names = coordination.word_set("happening_treatments.txt")
    entities = list(doc.ents)
    for index, span in enumerate(entities):
        if span._.entity_type != TREATMENT or span._.canonical not in names:
            continue
        before = span.start - 1
        while before >= 0 and doc[before].lower_ in SUBJECT_ADVERBS:
            before -= 1
        person = (before >= 0 and doc[before].lower_ in coordination.word_set("person_words.txt")
                  and doc[before].lower_ not in READER_WORDS)
        symptom_before = index > 0 and entities[index - 1]._.entity_type == SYMPTOM and coordinated(entities[index - 1], span)
        symptom_after = (index + 1 < len(entities) and entities[index + 1]._.entity_type == SYMPTOM
                         and coordinated(span, entities[index + 1]))
        typed = typer.classify(span._.canonical, "SYMPTOM") if person or symptom_before or symptom_after else None
        if typed is not None and typed.entity_type == SYMPTOM:
            values = span._
            values.entity_type, values.canonical, values.ontology_id = typed.entity_type, typed.canonical, typed.ontology_id


def with_brands_glossed(doc: Doc, typer: EntityTyper) -> None:
    """A brand no list knows, glossed by a known medicine in brackets or glossing one, is that
    medicine throughout the document: 'citalopram (Cipramil)', 'promethazine (Avomine, Phenergan)',
    'Stemetil (prochlorperazine)'."""
    treatments = [span for span in doc.ents if span._.entity_type == TREATMENT]
    medicine_of: dict[str, tuple[str, str]] = {}  # brand -> (canonical, ontology id) of its medicine
    for index, first in enumerate(treatments):
        glossing = bracketed_run(doc, first.end, treatments[index + 1:])
        if not glossing:
            continue
        pairs = [(brand, first) for brand in glossing] + ([(first, glossing[0])] if len(glossing) == 1 else [])
        for brand, medicine in pairs:
            # a known brand named for a form of the medicine ('Zoladex', a goserelin implant) is the medicine too
            form_of = brand._.canonical.startswith(medicine._.canonical + " ") and len(brand) == 1
            if (is_unknown_brand(brand, typer) or form_of) and names_medicine(medicine, typer):
                medicine_of[brand._.canonical] = (medicine._.canonical, medicine._.ontology_id)
    if medicine_of:
        for span in treatments:
            values = span._
            if values.canonical in medicine_of:
                values.canonical, values.ontology_id = medicine_of[values.canonical]


def bracketed_run(doc: Doc, index: int, later: list[Span]) -> list[Span]:
    """The treatments that fill a bracket opening at index, one after another with commas or slashes between
    them ('(Avomine, Phenergan)'); none where anything else stands in it."""
    if index >= len(doc) or doc[index].text != "(":
        return []
    run, position = [], index + 1
    for lead in coordination.longest_first("brand_leads.txt"):  # '(sold as Daraprim)'
        if [token.lower_ for token in doc[position:position + len(lead)]] == list(lead):
            position += len(lead)
            break
    for span in later:
        if span.start != position:
            break
        run.append(span)
        position = span.end
        if position < len(doc) and doc[position].text in {",", "/"}:
            position += 1
            continue
        break
    return run if run and closes_gloss(doc, run[-1].end) else []


def closes_gloss(doc: Doc, index: int) -> bool:
    """Whether the bracket of a gloss closes at index, after any strength or form ('0.05%', 'cream')."""
    forms = coordination.word_set("dosage_form_words.txt")
    while index < len(doc) and (doc[index].like_num or doc[index].lower_ in forms):
        index += 1
    return index < len(doc) and doc[index].text == ")"


def is_unknown_brand(span: Span, typer: EntityTyper) -> bool:
    """One capitalised word no medicine list knows ('Cipramil', 'Serc')."""
    return (len(span) == 1 and span.text[:1].isupper() and span._.canonical not in typer.drug_names
            and span._.canonical not in typer.treatment_aliases)


def names_medicine(span: Span, typer: EntityTyper) -> bool:
    """A medicine's generic name: listed, with an INN stem, or one word in lowercase, as generics are
    written and brands are not ('betahistine (Serc)')."""
    key = span._.canonical
    return key in typer.drug_names or typer.looks_like_drug(key) or (len(span) == 1 and span.text.islower())


@Language.factory("medfacts_entity_typer")
def make_entity_typer(nlp: Language, name: str) -> EntityTypingComponent:
    return EntityTypingComponent()


def build_extraction_pipeline(model: str | Path | None = None) -> Language:
    """The full pipeline medfacts runs: sentences, NER, gazetteer, abbreviations, typing."""
    nlp = load_pipeline(model)
    if not ({"parser", "senter"} & set(nlp.pipe_names)):
        nlp.add_pipe("medfacts_paragraph_sentences", first=True)
        nlp.add_pipe("sentencizer", after="medfacts_paragraph_sentences")
    nlp.add_pipe("medfacts_gazetteer", before="abbreviation_detector")
    nlp.add_pipe("medfacts_entity_typer", after="abbreviation_detector")
    nlp.tokenizer = TextKeepingTokenizer(nlp.tokenizer)
    nlp.max_length = 2_000_000
    return nlp


class TextKeepingTokenizer:
    """The pipeline's tokenizer, keeping the text it was given on the Doc (doc_index.text_of): the
    later components read span texts, and Doc.text would rebuild the text token by token."""

    def __init__(self, tokenizer: Callable[[str], Doc]):
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        doc = self.tokenizer(text)
        doc.user_data[TEXT_KEY] = text  # spaCy's tokenization never changes the text
        return doc

    def __getattr__(self, name: str):  # rules, vocab, pipe … of the wrapped tokenizer
        if name == "tokenizer":  # not set yet (a copy being built): no recursion
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


def mentions_of(doc: Doc) -> list[Mention]:
    """The typed mentions of a processed Doc, with the index of their sentence."""
    mentions = []
    for span in doc.ents:
        values = span._  # each `span._` builds an accessor object: one per span, not one per value
        if values.entity_type:
            mentions.append(Mention(sentence_idx=sentence_index_at(doc, span.start), start=span.start_char,
                                    end=span.end_char, text=text_of(span), entity_type=values.entity_type,
                                    canonical=values.canonical, ontology_id=values.ontology_id,
                                    negated=values.negated, hedged=values.hedged))
    return mentions


def release(doc: Doc) -> None:
    """Let a Doc that has been read be freed at once rather than at the next full garbage collection.

    Extension values (scispaCy's abbreviation spans, the typed entities' values) live in
    doc.user_data and the spans among them refer back to the Doc: a reference cycle, which only
    Python's cycle collector frees, and it runs rarely. With its tok2vec tensor an article's Doc
    holds about 0.4 MB: a 2,000-article run peaked 0.8 GB higher with its read Docs waiting.
    """
    doc.user_data.clear()


@lru_cache(maxsize=2)
def cached_extraction_pipeline(model: str | None = None) -> Language:
    """The extraction pipeline, loaded once per process and model."""
    return build_extraction_pipeline(model)


# --- annotation: batches of articles, and chunks of texts too long for one Doc ---

from dataclasses import dataclass  # noqa: E402
from typing import Iterator  # noqa: E402

PIPE_BATCH_SIZE = 32  # texts per nlp.pipe minibatch, at most (a flow batch holds several)
# A text longer than this is annotated in chunks: far below spaCy's max_length, so one chunk's Doc
# stays small (about 40,000 tokens), and far above any real article, so articles are never cut.
CHUNK_CHARS = 200_000
# Chunk Docs alive at a time while a long text is annotated.
CHUNK_BATCH = 2
_SENTENCE_END = re.compile(r"[.!?][\"'\u2019\u201d)\]]*\s+")


@dataclass(frozen=True)
class ChunkedText:
    """A text too long for one Doc, annotated chunk by chunk when `docs()` is iterated.

    `bounds` are contiguous (start, end) slices that cover the whole text, so an offset in a chunk's
    Doc plus the chunk's start is an offset in the full text. Chunks are annotated lazily,
    CHUNK_BATCH at a time, and the caller turns each into plain records before the next: a 50 MB
    article holds a few chunk Docs in memory, never 50 MB of Docs.
    """

    nlp: Language
    text: str
    bounds: tuple[tuple[int, int], ...]

    def docs(self) -> Iterator[tuple[int, Doc]]:
        """(start offset, Doc) of each chunk, in text order."""
        chunk_texts = (self.text[start:end] for start, end in self.bounds)
        for (start, _), doc in zip(self.bounds, self.nlp.pipe(chunk_texts, batch_size=CHUNK_BATCH)):
            yield start, doc


def chunk_bounds(text: str, max_chars: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Contiguous (start, end) slices of at most max_chars covering text, cut at natural boundaries.

    A chunk ends after a paragraph break where its second half has one, else after a sentence end
    or a line break, else after any whitespace, else at max_chars. Linear in the text's length.
    """
    max_chars = max(1, int(max_chars))
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > max_chars:
        end = cut_point(text, start, start + max_chars)
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def cut_point(text: str, start: int, limit: int) -> int:
    """Where a chunk starting at `start` ends, at most `limit` and past the chunk's first half."""
    floor = start + (limit - start) // 2
    paragraph = text.rfind("\n\n", floor, limit)
    if paragraph != -1:
        end = paragraph + 2
        while end < limit and text[end] in "\n\r\t ":
            end += 1
        return end
    sentence_end = None
    for match in _SENTENCE_END.finditer(text, floor, limit):
        sentence_end = match.end()
    if sentence_end is not None:
        return sentence_end
    line = text.rfind("\n", floor, limit)
    if line != -1:
        return line + 1
    for position in range(limit - 1, floor - 1, -1):
        if text[position].isspace():
            return position + 1
    return limit


def annotate(nlp: Language, texts: list[str], batch_size: int = PIPE_BATCH_SIZE,
             chunk_chars: int | None = None) -> list[Doc | ChunkedText | Exception]:
    """Run the pipeline over texts in batches; a text that breaks the pipeline yields its exception.

    A text longer than `chunk_chars` (default CHUNK_CHARS) or nlp.max_length is not annotated here:
    it comes back as a ChunkedText, whose chunks are annotated when its reader
    (relations.facts_for_batch) iterates them.
    """
    limit = max(1, min(int(chunk_chars or CHUNK_CHARS), nlp.max_length))
    results: list[Doc | ChunkedText | Exception | None] = [None] * len(texts)
    short: list[int] = []
    for index, text in enumerate(texts):
        if len(text) > limit:
            results[index] = ChunkedText(nlp, text, tuple(chunk_bounds(text, limit)))
        else:
            short.append(index)
    for index, doc in zip(short, annotate_isolated(nlp, [texts[index] for index in short], batch_size)):
        results[index] = doc
    return results  # type: ignore[return-value]


def annotate_isolated(nlp: Language, texts: list[str], batch_size: int) -> list[Doc | Exception]:
    try:
        return list(nlp.pipe(texts, batch_size=batch_size))
    except Exception:  # find the culprit: rerun one by one so the others still get their Docs
        results: list[Doc | Exception] = []
        for text in texts:
            try:
                results.append(nlp(text))
            except Exception as error:
                results.append(error)
        return results
