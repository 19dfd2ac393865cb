"""Relation extraction on concrete sentences through the real pipeline (bundled model)."""
from __future__ import annotations

import pytest

from extractors.relations import document_facts


def facts(nlp, text: str) -> set[tuple[str, str, str, bool, bool]]:
    found = document_facts("0" * 16, nlp(text))
    return {(r.subject.canonical, r.predicate, r.object.canonical, r.negated, r.hedged) for r in found.relations}


def test_a_causal_cue_states_has_symptom(nlp):
    assert ("ankylosing spondylitis", "has_symptom", "back pain", False, False) in facts(
        nlp, "Ankylosing spondylitis causes back pain.")


def test_negated_statement_is_flagged(nlp):
    assert ("systemic lupus erythematosus", "has_symptom", "back pain", True, False) in facts(
        nlp, "Lupus does not directly cause back pain.")


def test_hedged_statement_is_flagged(nlp):
    assert ("systemic lupus erythematosus", "has_symptom", "fever", False, True) in facts(nlp, "Lupus may cause fever.")


def test_a_symptom_list_gives_one_relation_per_item(nlp):
    found = facts(nlp, "Symptoms of rheumatoid arthritis include fatigue, joint swelling and stiffness.")
    objects = {obj for subject, predicate, obj, *_ in found if subject == "rheumatoid arthritis" and predicate == "has_symptom"}
    assert objects == {"fatigue", "joint swelling", "stiffness"}


def test_treatment_cue_states_treated_by(nlp):
    found = facts(nlp, "Ankylosing spondylitis is usually treated with NSAIDs and physical therapy.")
    assert {("ankylosing spondylitis", "treated_by", "nsaid", False, False),
            ("ankylosing spondylitis", "treated_by", "physical therapy", False, False)} <= found


def test_treatment_that_eases_a_symptom_relieves_it(nlp):
    assert ("nsaid", "relieves", "back pain", False, True) in facts(nlp, "NSAIDs may help reduce back pain.")


def test_cooccurrence_alone_is_not_a_relation(nlp):
    assert facts(nlp, "Lupus and back pain are both common.") == set()


def test_relations_do_not_cross_a_clause_break(nlp):
    found = facts(nlp, "Fibromyalgia is common in women, while lupus causes a rash.")
    assert ("systemic lupus erythematosus", "has_symptom", "rash", False, False) in found
    assert not any(subject == "fibromyalgia" for subject, *_ in found)


def test_abbreviation_defined_in_the_document_resolves_to_its_long_form(nlp):
    found = facts(nlp, "Psoriatic arthritis (PsA) is a chronic disease. Over time, PsA causes joint swelling.")
    assert ("psoriatic arthritis", "has_symptom", "joint swelling", False, False) in found


@pytest.mark.parametrize("heading_text", ["What Are The Symptoms\n\nLupus causes fatigue."])
def test_a_line_break_ends_a_sentence(nlp, heading_text: str):
    doc = nlp(heading_text)
    assert [sentence.text.strip() for sentence in doc.sents if sentence.text.strip()] == [
        "What Are The Symptoms", "Lupus causes fatigue."]


def test_not_only_but_also_affirms_and_keeps_one_clause(nlp):
    found = facts(nlp, "Over time, ankylosing spondylitis not only restricts movement but also causes back pain.")
    assert ("ankylosing spondylitis", "has_symptom", "back pain", False, False) in found


def test_generic_words_are_not_entities(nlp):
    doc = nlp("Lupus causes many symptoms and other complications.")
    assert [span.text for span in doc.ents if span._.entity_type] == ["Lupus"]


def test_a_section_heading_disease_is_the_subject_of_the_list_under_it(nlp):
    text = "How Is Lupus Treated?\n\nMedication: NSAIDs can help reduce joint pain.\n\nPhysical therapy keeps joints flexible."
    found = document_facts("0" * 16, nlp(text)).relations
    treated = {(r.subject.canonical, r.object.canonical, r.subject_from_topic) for r in found if r.predicate == "treated_by"}
    # the heading announces treatments, so each line under it names one, cue or not
    assert treated == {("systemic lupus erythematosus", "nsaid", True),
                       ("systemic lupus erythematosus", "physical therapy", True)}
    assert ("nsaid", "relieves", "joint pain", False, False) in facts(nlp, text)


def test_the_title_disease_is_the_subject_when_the_body_names_none(nlp):
    found = document_facts("0" * 16, nlp("Common symptoms include a butterfly rash and fever."), title="Lupus").relations
    assert {(r.subject.canonical, r.object.canonical) for r in found if r.predicate == "has_symptom"} == {
        ("systemic lupus erythematosus", "butterfly rash"), ("systemic lupus erythematosus", "fever")}


def test_a_title_naming_two_diseases_gives_no_topic(nlp):
    found = document_facts("0" * 16, nlp("Common symptoms include fever."), title="Lupus or rheumatoid arthritis?").relations
    assert found == []


def test_a_list_introduced_by_a_cue_relates_every_line_to_its_disease(nlp):
    text = "Symptoms of hay fever include:\n\nsneezing.\n\nheadache.\n\nfeeling tired.\n\nHay fever is common in spring."
    found = {(r.subject.canonical, r.object.canonical) for r in document_facts("0" * 16, nlp(text)).relations}
    assert found == {("hay fever", "sneezing"), ("hay fever", "headache"), ("hay fever", "fatigue")}


def test_a_back_reference_relates_the_list_above(nlp):
    text = "See a GP if you often get:\n\njoint pain.\n\nhair loss.\n\nThese are the main symptoms of lupus."
    found = {(r.subject.canonical, r.object.canonical) for r in document_facts("0" * 16, nlp(text)).relations}
    assert found == {("systemic lupus erythematosus", "joint pain"), ("systemic lupus erythematosus", "hair loss")}

