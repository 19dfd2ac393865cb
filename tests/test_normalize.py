"""Merging across sources: one entity per concept, support counted in documents, stable ids."""
from __future__ import annotations

from extractors.normalize import entity_id_of, merge_facts
from extractors.records import DocumentFacts, Mention, RelationEvidence


def mention(text: str, canonical: str, entity_type: str = "disease", start: int = 0, ontology_id: str = "",
            negated: bool = False) -> Mention:
    return Mention(0, start, start + len(text), text, entity_type, canonical, ontology_id, negated)


def evidence(subject: Mention, obj: Mention, negated: bool = False) -> RelationEvidence:
    return RelationEvidence(subject, "has_symptom", obj, 0, "s", 0, 1, "causes", 1.0, negated)


def test_an_abbreviation_defined_in_one_document_resolves_in_another():
    defining = DocumentFacts("a" * 16, "", [mention("juvenile idiopathic arthritis", "juvenile idiopathic arthritis")],
                             abbreviations={"JIA": "juvenile idiopathic arthritis"})
    using = DocumentFacts("b" * 16, "", [mention("JIA", "jia")])
    merged = merge_facts([defining, using])
    assert len(merged.entities) == 1
    [entity] = merged.entities.values()
    assert entity.name == "juvenile idiopathic arthritis" and entity.documents == {"a" * 16, "b" * 16}


def test_names_sharing_an_ontology_id_are_one_entity():
    first = DocumentFacts("a" * 16, "", [mention("weakness", "weakness", "symptom", ontology_id="HP:0001324")])
    second = DocumentFacts("b" * 16, "", [mention("muscle weakness", "muscle weakness", "symptom", ontology_id="HP:0001324"),
                                          mention("weakness", "weakness", "symptom", 20, "HP:0001324")])
    merged = merge_facts([first, second])
    [entity] = merged.entities.values()
    assert entity.name == "weakness" and entity.n_mentions == 3


def test_support_counts_documents_and_never_negated_evidence():
    lupus, rash = mention("lupus", "systemic lupus erythematosus"), mention("rash", "rash", "symptom", 10)
    documents = [DocumentFacts("a" * 16, "", [lupus, rash], [evidence(lupus, rash), evidence(lupus, rash)]),
                 DocumentFacts("b" * 16, "", [lupus, rash], [evidence(lupus, rash, negated=True)]),
                 DocumentFacts("c" * 16, "", [lupus, rash], [evidence(lupus, rash)])]
    [relation] = merge_facts(documents).relations.values()
    assert relation.supporting_documents == {"a" * 16, "c" * 16}
    assert (relation.n_mentions, relation.n_negated) == (2, 1)  # one sentence counts once per fact


def test_ids_depend_only_on_what_identifies_the_concept():
    assert entity_id_of(mention("SLE", "systemic lupus erythematosus")) == entity_id_of(
        mention("Lupus", "systemic lupus erythematosus", start=99))
    assert entity_id_of(mention("rash", "rash", "symptom")) != entity_id_of(mention("rash", "rash", "disease"))


def test_aids_after_a_modifier_is_a_plural_and_alone_the_disease():
    from extractors.terms import term_key
    assert [term_key(name) for name in ("hearing aids", "walking aids", "AIDS")] == ["hearing aid", "walking aid", "aids"]


def test_plural_names_fold_to_their_singular_keeping_a_word_s_own_e():
    from extractors.terms import term_key
    assert [term_key(name) for name in ("Wheezes", "sneezes", "rashes", "boxes", "fizzes", "aches")] == [
        "wheeze", "sneeze", "rash", "box", "fizz", "ache"]


def test_a_lens_is_singular_and_lenses_its_plural():
    from extractors.terms import term_key
    assert [term_key(name) for name in ("scleral lens", "Contact lenses", "lens")] == ["scleral lens", "contact lens", "lens"]


def test_testes_are_plural_testis():
    from extractors.terms import term_key
    from extractors.ner import shared_typer
    assert [term_key(name) for name in ("Small testes", "testis", "undescended testes")] == [
        "small testis", "testis", "undescended testis"]
    assert shared_typer().classify("small testes", "DISEASE").ontology_id == "HP:0008734"  # HPO's 'Small testes'


def test_rickets_is_no_plural():
    from extractors.terms import term_key
    assert [term_key(name) for name in ("Rickets", "nutritional rickets")] == ["rickets", "nutritional rickets"]


def test_a_greek_plural_of_osis_folds_to_it_but_doses_and_purposes_stay_english():
    from extractors.terms import term_key
    assert [term_key(name) for name in ("actinic keratoses", "psychoses", "stenoses", "overdoses", "purposes", "doses")] == [
        "actinic keratosis", "psychosis", "stenosis", "overdose", "purpose", "dose"]
