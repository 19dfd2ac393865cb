"""The LOWER pattern matcher finds exactly what spaCy's Matcher finds for the same patterns."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings, strategies as st
from spacy.matcher import Matcher

from extractors.ner import DATA_DIR, shared_typer
from extractors.token_patterns import LowerPatternMatcher


def patterns() -> list[tuple[str, list[dict]]]:
    rules = [json.loads(line) for line in (DATA_DIR / "symptom_patterns.jsonl").read_text(encoding="utf-8").splitlines()
             if line.strip()]
    stem = shared_typer().drug_stem_pattern.pattern
    return [(rule["label"], rule["pattern"]) for rule in rules] + [("TREATMENT", [{"LOWER": {"REGEX": rf"^{stem}$"}}])]


@pytest.mark.parametrize("text", [
    "Symptoms include itchy eyes, joint pain, difficulty walking and sensitivity to light.",
    "Rituximab and tofacitinib were added; her lower back pain and dry skin improved, with less shortness of breath.",
    "Dry",  # shorter than every pattern but one
    "",
])
def test_same_matches_as_spacy_matcher(nlp, text: str):
    doc = nlp.make_doc(text)
    reference, ours = Matcher(nlp.vocab), LowerPatternMatcher(nlp.vocab.strings)
    for label, pattern in patterns():
        reference.add(label, [pattern])
        ours.add(label, pattern)
    assert sorted(ours(doc)) == sorted(reference(doc))
    assert len(ours) == len(patterns())


def test_only_lower_patterns_are_accepted(nlp):
    with pytest.raises(ValueError):
        LowerPatternMatcher(nlp.vocab.strings).add("X", [{"POS": "NOUN"}])


@pytest.mark.parametrize("text", ["warm joints", "difficulty walking", "joint pain today", "warm water", "pain", "belimumab"])
def test_a_word_sequence_matches_as_a_whole_exactly_when_a_doc_of_it_matches_end_to_end(nlp, text: str):
    doc = nlp.make_doc(text)
    matcher = LowerPatternMatcher(nlp.vocab.strings)
    for label, pattern in patterns():
        matcher.add(label, pattern)
    whole = any((start, end) == (0, len(doc)) for _label, start, end in matcher(doc))
    assert matcher.matches_words([token.lower_ for token in doc]) == whole


def test_patterns_with_the_same_word_test_share_it(nlp):
    matcher = LowerPatternMatcher(nlp.vocab.strings)
    parts = [{"LOWER": {"IN": ["heel", "knee"]}}]
    for head in ("pain", "swelling", "stiffness"):
        matcher.add("SYMPTOM", parts + [{"LOWER": head}])
    assert matcher.tests == 4
    doc = nlp.make_doc("Knee swelling and heel pain, not heel fever.")
    assert sorted(doc[start:end].text for _, start, end in matcher(doc)) == ["Knee swelling", "heel pain"]


WORDS = sorted({word for _label, pattern in patterns() for spec in pattern
                for word in (spec["LOWER"]["IN"] if isinstance(spec["LOWER"], dict) and "IN" in spec["LOWER"]
                             else [spec["LOWER"]] if isinstance(spec["LOWER"], str) else [])})[:300]


@settings(max_examples=40, deadline=None)
@given(words=st.lists(st.sampled_from([*WORDS, "and", ",", "belimumab", "Severe", "the"]), max_size=30))
def test_same_matches_as_spacy_matcher_on_any_word_sequence(nlp, words):
    doc = nlp.make_doc(" ".join(words))
    reference, ours = Matcher(nlp.vocab), LowerPatternMatcher(nlp.vocab.strings)
    for label, pattern in patterns():
        reference.add(label, [pattern])
        ours.add(label, pattern)
    assert sorted(ours(doc)) == sorted(reference(doc))


def test_two_patterns_of_a_label_matching_the_same_words_give_one_match(nlp):
    doc = nlp.make_doc("increased hunger")
    reference, ours = Matcher(nlp.vocab), LowerPatternMatcher(nlp.vocab.strings)
    for pattern in ([{"LOWER": {"IN": ["increased", "dry"]}}, {"LOWER": {"IN": ["hunger", "skin"]}}],
                    [{"LOWER": {"IN": ["more", "increased"]}}, {"LOWER": {"IN": ["thirst", "hunger"]}}]):
        reference.add("SYMPTOM", [pattern])
        ours.add("SYMPTOM", pattern)
    assert ours(doc) == reference(doc) and len(ours(doc)) == 1
