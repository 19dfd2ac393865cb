"""The Doc lookups computed once per Doc answer exactly as spaCy's token-by-token ones do."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from extractors import layout
from extractors.doc_index import sentence_at, sentence_of, token_indexes

TEXT = ("Lupus Symptoms\n\nMost people with lupus feel tired. Joint pain and a rash are common!\n"
        "- fatigue\n- mouth ulcers\n\nTreatment includes hydroxychloroquine; NSAIDs help with pain.\n"
        "What now? See your GP if the rash spreads.")


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(TEXT)


def test_sentence_of_is_span_sent_for_every_span(doc):
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            span = doc[start:end]
            assert sentence_of(span) == span.sent, span.text


def test_sentence_at_holds_the_token(doc):
    for token in doc:
        assert sentence_at(doc, token.i) == token.sent


@pytest.mark.parametrize("words", [frozenset({"pain"}), frozenset({"lupus", "rash", "nsaids", "absent"}),
                                   frozenset({"absent"}), frozenset({"-", "\n"}), frozenset()])
def test_token_indexes_are_the_tokens_whose_lowercase_form_is_listed(doc, words):
    assert token_indexes(doc, words) == [token.i for token in doc if token.lower_ in words]


def test_a_token_starts_a_line_after_a_line_break(doc):
    for token in doc:
        expected = token.i == 0 or "\n" in doc[token.i - 1].text + doc[token.i - 1].whitespace_
        assert layout.token_starts_line(doc, token.i) == expected, token.text


def test_a_heading_verdict_is_the_same_asked_again(doc):
    sentences = list(doc.sents)
    first = [layout.is_heading(sentence) for sentence in sentences]
    assert first == [layout.is_heading(sentence) for sentence in sentences]
    assert first == [layout.reads_as_heading(sentence) for sentence in sentences]
    assert first[0] and not first[1]  # 'Lupus Symptoms' heads the page; 'Most people … feel tired.' is a sentence


LINES = st.lists(st.sampled_from(["Back pain.", "Lupus causes rash, fever and joint pain.", "What now?",
                                  "FATIGUE", "- itchy eyes", "I have lupus. Is that bad?", "", "Treatment"]),
                 min_size=1, max_size=8)


@settings(max_examples=25, deadline=None)
@given(lines=LINES, words=st.sets(st.sampled_from(["pain", "lupus", "fever", "what", "?", "-", "rash", "is"])))
def test_lookups_agree_with_spacy_on_any_page(nlp, lines, words):
    doc = nlp.make_doc("\n".join(lines))
    for _name, proc in nlp.pipeline[:2]:  # paragraph sentences and the sentencizer
        doc = proc(doc)
    assert token_indexes(doc, frozenset(words)) == [token.i for token in doc if token.lower_ in words]
    for token in doc:
        assert sentence_of(doc[token.i:token.i + 1]) == token.sent
        assert layout.token_starts_line(doc, token.i) == (
            token.i == 0 or "\n" in doc[token.i - 1].text + doc[token.i - 1].whitespace_)
