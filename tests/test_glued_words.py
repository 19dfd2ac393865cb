"""Words a scraper glued together are split; real words, names and medical terms stay whole."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from extractors.glued_words import split_glued_words


@pytest.mark.parametrize("glued, spaced", [
    ("Plaque psoriasisis the most common type", "Plaque psoriasis is the most common type"),
    ("topical JAK inhibitors, such astofacitinib (Xeljanz)", "topical JAK inhibitors, such as tofacitinib (Xeljanz)"),
    ("a chronicautoimmune conditionthat causes", "a chronic autoimmune condition that causes"),
    ("white, pus-filledblistersand broad areas", "white, pus-filled blisters and broad areas"),
    ("onestudypublished in 2021", "one study published in 2021"),
])
def test_glued_words_are_split(glued: str, spaced: str):
    assert split_glued_words(glued) == spaced


@pytest.mark.parametrize("text", [
    "Cyclosporine (Sandimmune) decreases the immune response.",  # a capitalised name
    "the atlantoaxial joint", "status asthmaticus",  # rare medical words the vocabulary knows
    "antiphospholipid syndrome", "hyperpigmentation", "methotrexate and hydroxychloroquine",
    "spondyloarthritis", "immunosuppressants",
])
def test_real_words_stay_whole(text: str):
    assert split_glued_words(text) == text


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_splitting_only_adds_spaces(text: str):
    assert split_glued_words(text).replace(" ", "") == text.replace(" ", "")


def test_medicine_names_stay_whole():
    assert split_glued_words("a regimen of bedaquiline and pretomanid") == "a regimen of bedaquiline and pretomanid"


def test_the_plural_of_a_medical_word_stays_whole():
    assert split_glued_words("Many ganglions disappear on their own.") == "Many ganglions disappear on their own."
