"""Entity typing: turn an NER label and a surface string into disease, symptom or treatment.

BC5CDR-style NER only knows DISEASE and CHEMICAL; analysts need symptoms apart from diseases and
therapies apart from other chemicals. The decision reads curated lists first (data/*.tsv), then
the shape of the name (a symptom head like 'pain', a disease ending like '-itis'), then the
HPO/ICD-10-CM vocabulary, so each rule lives in a data file rather than in code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from extractors.terms import gerunds, possessive_spellings, singularize, term_key
from extractors.vocabulary import (CURATED_TYPE_TABLES, Concept, english_zipf, has_disease_ending, load_drug_names,
                                   load_vocabulary, read_list, read_table)

DISEASE, SYMPTOM, TREATMENT = "disease", "symptom", "treatment"
ENTITY_TYPES = (DISEASE, SYMPTOM, TREATMENT)
_WORD = re.compile(r"[\w'\u2019]+")
MAX_NAME_WORDS = 5
MAX_WORD_CHARS = 24  # longer than any drug name's word ('phenoxymethylpenicillin' has 23): run-together words
GLUE_WORDS = ("like", "such", "with", "including", "as", "and", "or")  # words scrapers glue to the next ('likesumatriptan')
MIN_STEM_WORD_LENGTH = 6  # 'April' ends in '-pril' but is no drug; real INN names are longer than their stem + 2
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "their", "his", "her", "its", "your", "our", "my"})
DIFFICULTY_WORDS = frozenset({"trouble", "problems", "problem", "difficulties"})  # before a verb: a difficulty doing it
CHANGE_WORDS = frozenset({"change", "changes"})
# What says a person cannot do something ('hard to drop off', "can't focus", 'unable to concentrate'): a difficulty doing it
INABILITY_OPENERS = (("hard", "to"), ("difficult", "to"), ("unable", "to"), ("can't",), ("cannot",), ("can", "not"),
                     ("couldn't",), ("could", "not"))


HARD_WORDS = frozenset({"difficult", "hard"})
BECOMING_WORDS = frozenset({"can", "may", "might", "become", "becomes", "get", "gets", "is", "are", "feel", "feels"})
PAINFUL_WORDS = frozenset({"painful", "sore"})  # 'swallowing can be painful' is pain when swallowing
HURTS_WORDS = frozenset({"hurts", "hurt"})  # 'it hurts to pee', 'it hurt too much to swallow'
HURT_DEGREE_WORDS = frozenset({"too", "much", "so", "a", "lot"})  # 'it hurt so much to swallow'
MAX_HURTING_ACT_WORDS = 2  # 'pee', 'pass urine'
DISCOMFORT_WORDS = PAINFUL_WORDS | {"uncomfortable", "unbearable"}  # 'bright light can be uncomfortable'
LIGHT_WORDS = frozenset({"light", "lights", "sunlight"})


MAX_INFECTION_ADJECTIVE_ZIPF = 3.0  # technical words: 'amebic' 1.5, 'bubonic' 2.5; not 'epidemic' 4.1, 'initial' 4.6
INFECTION_ADJECTIVE_ENDINGS = ("ic", "al", "ous")  # 'amebic', 'viral', 'tuberculous'
GENUS_ENDINGS = ("e", "us", "um", "is", "a")  # 'strongyloides' (keyed 'strongyloide'), 'echinococcus', 'cryptosporidium', 'ascaris', 'giardia'
INFECTION_SUFFIXES = ("iasis", "asis", "osis")
MIN_GENUS_STEM = 4
LOSS_VERBS = frozenset({"lose", "loses", "losing", "lost"})
OWNER_WORDS = frozenset({"the", "your", "their", "his", "her", "my", "our"})


def is_infection_code(code: str) -> bool:
    """Whether an ontology id is an ICD-10-CM code of chapter I, certain infectious and parasitic diseases (A00-B99)."""
    return code.startswith(("ICD10CM:A", "ICD10CM:B"))


def lost_faculty(words: list[str]) -> str | None:
    """What a verb of losing says is lost ('losing their peripheral vision': 'peripheral vision'), else None."""
    if not 1 < len(words) < 5 or words[0] not in LOSS_VERBS:
        return None
    rest = words[2:] if words[1] in OWNER_WORDS else words[1:]
    return " ".join(rest) or None


def inability_opener(words: list[str]) -> int:
    """How many words open a name with an inability ('hard to drop off': 2); 0 if none does."""
    return next((len(opener) for opener in INABILITY_OPENERS if tuple(words[:len(opener)]) == opener), 0)


_VERB_SUBJECTS = frozenset({"you", "i", "we", "they", "he", "she", "to"})  # words before 'pee' or 'poo' as a verb
FEEL_FORMS = frozenset({"feel", "feels", "feeling", "felt"})
DEGREE_WORDS = frozenset({"generally", "very", "really", "extremely", "quite", "a", "bit", "little", "more", "so", "too",
                          "often", "also", "usually", "sometimes", "unusually"})  # 'feeling very weak' is 'feeling weak'
# Words that place a quality in a body part ('pain in the joints', 'swelling of both ankles').
_PLACING_WORDS = frozenset({"in", "of", "on", "around", "at", "over"})
_PLACE_DETERMINERS = _DETERMINERS | {"one", "both", "affected", "some", "many", "several"}
# Words that say where or which a body part is, never how it is: 'lower back', 'small joints'.
_WHICH_PART_WORDS = frozenset({"lower", "upper", "left", "right", "inner", "outer", "middle", "front", "top", "bottom",
                               "both", "whole", "small", "large", "big", "long", "short"})


@dataclass(frozen=True)
class TypedConcept:
    entity_type: str
    canonical: str
    ontology_id: str = ""


# Answers kept per typer: its tables never change once read, and the same names recur in every article.
MEMO_SIZE = 1 << 16
# Words a drug name may end with interchangeably: 'anti-seizure medications' = 'anti-seizure drugs'.
DRUG_NOUN_FORMS = ("medication", "medications", "medicine", "medicines", "drug", "drugs")


@dataclass(frozen=True)
class TreatmentEntry:
    """One treatment of data/treatments.tsv: its canonical name, kind and every name that marks it."""

    canonical: str
    kind: str
    names: tuple[str, ...]


@lru_cache(maxsize=1)
def treatment_gazetteer() -> tuple[TreatmentEntry, ...]:
    """The treatment table, each name ending in a drug noun also with the others ('antiseizure drugs')."""
    entries = []
    for canonical, kind, aliases in read_table("treatments.tsv"):
        names = dict.fromkeys([canonical, *aliases.split(";")])
        for name in list(names):
            stem, _, last = name.rpartition(" ")
            if stem and last.lower() in DRUG_NOUN_FORMS:
                names.update(dict.fromkeys(f"{stem} {form}" for form in DRUG_NOUN_FORMS))
        entries.append(TreatmentEntry(canonical, kind, tuple(names)))
    return tuple(entries)


_BRITISH_SPELLINGS = ((re.compile(r"(?<=[a-z])ae(?=[a-z])"), "e"), (re.compile(r"oe(?=[a-z]{2}|a$)"), "e"),
                      (re.compile(r"(?<=[a-z]{2})our$"), "or"), (re.compile(r"(?<=[a-z][bt])re$"), "er"),
                      (re.compile(r"(?<=[a-z]{3})is(e|ed|ing|ation)$"), r"iz\1"))


def _american_word(word: str) -> str:
    """'haemorrhage' -> 'hemorrhage', 'oedema' -> 'edema', 'diarrhoea' -> 'diarrhea', 'coeliac' ->
    'celiac', 'tumour' -> 'tumor', 'fibre' -> 'fiber', 'immunisation' -> 'immunization'."""
    for pattern, replacement in _BRITISH_SPELLINGS:
        word = pattern.sub(replacement, word)
    return word


ALWAYS_GRADES = frozenset({"mild", "moderate"})  # no infection's kind: 'mild histoplasmosis' is histoplasmosis
TYPE_FIRST = re.compile(r"type (?P<number>\d+|[ivx]+) (?P<name>.+)")  # an unlisted numbered kind, its number first
NAMED_SIGN = re.compile(r"(?P<name>[^\W\d_]+)(?:'s|')? sign")  # "gowers' sign", "winterbottom's sign"
MAX_SIGN_NAME_ZIPF = 4.3  # 'Murphy' 4.1, 'Gowers' 2.0 name signs; 'warning' 4.6, 'early' 5.4 do not
NAMED_FEVER = re.compile(r"(?P<name>[a-z]+(?:[ -][a-z]+)*) fever")
MAX_FEVER_NAME_ZIPF = 3.0  # 'katayama' 1.9, 'mayaro' 1.0 name fevers; 'high' 5.8, 'mediterranean' 4.0, 'drug' do not
_INNER_GLOSS = re.compile(r"\s*\([^()]*\)(?=\s*\w)")


def hurting_act(words: list[str]) -> list[str] | None:
    """The act a name says hurts ('it hurts to pee': pee; 'it hurt too much to pass urine': pass urine), else None."""
    if not (2 < len(words) < 7 and words[0] in HURTS_WORDS and "to" in words[1:-1]):
        return None
    to = words.index("to")
    act = words[to + 1:]
    return act if len(act) <= MAX_HURTING_ACT_WORDS and all(word in HURT_DEGREE_WORDS for word in words[1:to]) else None


class EntityTyper:
    """Decides type, canonical name and ontology id of a mention from curated data and ontologies."""

    @cached_property
    def curated(self) -> dict[str, tuple[str, str]]:
        tables = [read_table(name) for name in reversed(CURATED_TYPE_TABLES)]  # the first table naming a term wins
        return {term_key(term): (entity_type, ontology_id) for rows in tables for term, entity_type, *rest in rows
                for ontology_id in [rest[0] if rest else ""]}

    def curated_type(self, key: str) -> str:
        """The type entity_types.tsv gives a folded name ('' when it lists none)."""
        return self.curated.get(key, ("",))[0]

    @cached_property
    def synonyms(self) -> dict[str, str]:
        return {term_key(alias): term_key(canonical) for alias, canonical in read_table("synonyms.tsv")}

    @cached_property
    def lay_substance_words(self) -> dict[str, str]:
        """'poo' -> 'stool', 'pee' -> 'urine' (data/lay_substance_words.tsv)."""
        return {lay: standard for lay, standard in read_table("lay_substance_words.tsv")}

    @cached_property
    def state_adjectives(self) -> dict[str, str]:
        """'tired' -> 'fatigue': how a person feels, as ner.state_adjective_spans finds it."""
        return {term_key(adjective): term_key(symptom) for adjective, symptom in read_table("state_adjectives.tsv")}

    @cached_property
    def treatment_aliases(self) -> dict[str, str]:
        return {term_key(name): term_key(entry.canonical) for entry in treatment_gazetteer() for name in entry.names}

    @cached_property
    def drug_names(self) -> dict[str, str]:
        """Medicine names (data/drug_names.tsv.gz) -> their generic name: brands ('humira' ->
        adalimumab) and spellings ('paracetamol' -> acetaminophen), less the names a curated list types."""
        return {key: generic for key, generic in load_drug_names().items() if key not in self.curated}

    def without_salt(self, key: str) -> str:
        """A medicine's name without the salt after it ('mometasone furoate' -> 'mometasone'); '' for a salt alone."""
        words = key.split(" ")
        while words and words[-1] in self.salt_words and (len(words) > 1 or key in self.salt_words):
            words.pop()
        return " ".join(words)

    def without_form(self, key: str) -> str:
        """A named medicine without the form it is given in ('icatibant injection' -> 'icatibant', 'capsaicin cream'
        -> 'capsaicin', 'sumatriptan nasal spray' -> 'sumatriptan'): the same medicine. A class or kind keeps its form
        ('antibiotic cream', 'eye drops')."""
        name, _, form = key.rpartition(" ")
        if not name or form not in self.form_words or key in self.treatment_aliases:
            return key
        while " " in name and name.rpartition(" ")[2] in self.route_words:
            name = name.rpartition(" ")[0]
        named_medicine = (name in self.drug_names or self.looks_like_drug(name)
                          or self.treatment_kinds.get(self.treatment_aliases.get(name, name)) == "drug")
        return name if named_medicine else key

    @cached_property
    def form_words(self) -> frozenset[str]:
        return frozenset(term_key(word) for word in read_list("dosage_form_words.txt"))

    @cached_property
    def route_words(self) -> frozenset[str]:
        return frozenset(read_list("route_words.txt"))

    @cached_property
    def salt_words(self) -> frozenset[str]:
        return frozenset(read_list("salt_words.txt"))

    def treatment_name(self, key: str) -> str:
        """The canonical treatment a name stands for: the curated table first, then the generic of a
        medicine's brand ('tylenol' -> acetaminophen, itself curated or not)."""
        if key in self.treatment_aliases:
            return self.treatment_aliases[key]
        generic = self.drug_names.get(self.combination_key(key), key)
        return self.treatment_aliases.get(generic, generic)

    def combination_key(self, key: str) -> str:
        """A combination medicine as the dictionary names it: 'atovaquone-proguanil' (key 'atovaquone
        proguanil') is 'atovaquone and proguanil'; other names stay as they are."""
        first, _, second = key.partition(" ")
        joined = f"{first} and {second}"
        return joined if second and " " not in second and key not in self.drug_names and joined in self.drug_names else key

    @cached_property
    def treatment_kinds(self) -> dict[str, str]:
        """canonical treatment -> its kind in the gazetteer ('drug class', 'lifestyle', 'procedure', …)."""
        return {term_key(entry.canonical): entry.kind for entry in treatment_gazetteer()}

    @cached_property
    def drug_stem_pattern(self) -> re.Pattern[str]:
        """Lowercase words ending in an INN stem (data/drug_stems.txt), bar ordinary words that do too."""
        stems = "|".join(sorted(map(re.escape, read_list("drug_stems.txt")), key=len, reverse=True))
        exceptions = "|".join(map(re.escape, read_list("drug_stem_exceptions.txt")))
        return re.compile(rf"(?!(?:{exceptions})$)[a-z]{{{MIN_STEM_WORD_LENGTH - 3},}}(?:{stems})")

    def unglued(self, key: str) -> str:
        """A drug name a scraper glued to the word before it ('likesumatriptan' -> 'sumatriptan').

        Only when the whole word is no known name and what follows a glue word is one.
        """
        if " " in key or key in self.treatment_aliases or key in self.drug_names:
            return key
        for glue in GLUE_WORDS:
            rest = key[len(glue):]
            if key.startswith(glue) and (rest in self.treatment_aliases or rest in self.drug_names
                                         or self.looks_like_drug(rest)):
                return rest
        return key

    def looks_like_drug(self, key: str) -> bool:
        """A one-word name shaped like an INN drug name ('belimumab', 'ibuprofen'): a treatment."""
        return " " not in key and len(key) >= MIN_STEM_WORD_LENGTH and bool(self.drug_stem_pattern.fullmatch(key))

    @cached_property
    def abbreviations(self) -> dict[str, str]:
        return {short: term_key(long) for short, long in read_table("abbreviations.tsv")}

    def long_form(self, text: str) -> str:
        """The long form of a short form of abbreviations.tsv, also after a determiner ('a DVT'); else the text."""
        stripped = text.strip()
        first, _, rest = stripped.partition(" ")
        if rest and first.lower() in _DETERMINERS and rest in self.abbreviations:
            return self.abbreviations[rest]
        return self.abbreviations.get(stripped, text)

    @cached_property
    def episode_words(self) -> frozenset[str]:
        """Words for a disease's episodes (data/episode_words.txt) that are no symptom themselves
        ('attack', not 'headache')."""
        words = {term_key(word) for word in read_list("episode_words.txt")}
        return frozenset(word for word in words if not (word in self.curated or word in self.vocabulary))

    @cached_property
    def symptom_heads(self) -> frozenset[str]:
        return frozenset(term_key(word) for word in read_list("symptom_heads.txt"))

    @cached_property
    def listed_disease_heads(self) -> frozenset[str]:
        """Disease words that end ICD-10-CM names without being one ('tonsillitis' of 'acute tonsillitis'):
        a title 'Tonsillitis' names a disease, a site called 'Osmosis' does not, nor a heading's 'syndrome' of a
        name no list knows (data/disease_nouns.txt: 'A CLOSE COUSIN: SINDING-LARSEN-JOHANSSON SYNDROME')."""
        return frozenset(head for key in self.vocabulary
                         if " " in key and self.icd_disease(key) and self.has_disease_ending(head := key.rsplit(" ", 1)[-1])
                         and head not in self.disease_nouns)

    def has_disease_ending(self, word: str) -> bool:
        """'neuropathy', 'arthritis': a disease's word; not 'apathy', whose 'pathy' has no stem before it."""
        return has_disease_ending(word)

    @cached_property
    def severity_words(self) -> frozenset[str]:
        return frozenset(read_list("severity_words.txt"))

    def grades(self, qualifier: str, disease_key: str) -> bool:
        """Whether the qualifier names a grade of the disease, not a kind of it: 'severe periodontitis' is
        periodontitis at its worst, WHO's 'severe malaria' a kind (an infection's grade is one)."""
        return qualifier in self.severity_words and (qualifier in ALWAYS_GRADES or not self.names_infection(disease_key))

    @cached_property
    def compound_disease_heads(self) -> frozenset[str]:
        return frozenset(read_list("compound_disease_heads.txt"))

    @cached_property
    def fever_pattern_words(self) -> frozenset[str]:
        return frozenset(read_list("fever_pattern_words.txt"))

    def names_unlisted_fever(self, key: str) -> bool:
        """A fever named by a rare word that no list knows ('Katayama fever', acute schistosomiasis): an
        illness of its own, as 'Lassa fever' and 'Pontiac fever' are in ICD-10-CM, not a kind of fever.
        A rare word for the fever's course ('remittent fever') names the symptom."""
        named = NAMED_FEVER.fullmatch(key)
        if named is None or key in self.vocabulary or named.group("name") in self.fever_pattern_words:
            return False
        return all(english_zipf(word) < MAX_FEVER_NAME_ZIPF for word in re.split(r"[ -]", named.group("name")))

    @cached_property
    def size_words(self) -> frozenset[str]:
        return frozenset(read_list("size_words.txt"))

    @cached_property
    def linking_verbs(self) -> frozenset[str]:
        return frozenset(term_key(word) for word in read_list("linking_verbs.txt"))

    @cached_property
    def generic_heads(self) -> frozenset[str]:
        return frozenset(read_list("generic_heads.txt"))

    @cached_property
    def modifiers(self) -> frozenset[str]:
        return frozenset(read_list("modifiers.txt"))

    @cached_property
    def vocabulary(self) -> dict[str, tuple[Concept, ...]]:
        return load_vocabulary()

    @cached_property
    def titled_keys(self) -> dict[str, str]:
        """A concept's whole title -> the vocabulary key that names it, where the title is no key of its own: a
        page (or a gold row) may spell out 'Cerebral autosomal dominant arteriopathy with subcortical infarcts and
        leukoencephalopathy', a title too long to be a key, for the code it also knows as CADASIL."""
        titled: dict[str, str] = {}
        for key, concepts in self.vocabulary.items():
            for concept in concepts:
                title = term_key(concept.name)
                if title != key and title not in self.vocabulary:
                    titled.setdefault(title, key)
        return titled

    @lru_cache(maxsize=MEMO_SIZE)
    def canonical_key(self, text: str) -> str:
        """Folded name with determiners dropped, synonyms applied and a body-part symptom in one form;
        a gloss inside the name goes ('ACE (angiotensin-converting enzyme) inhibitors' is 'ACE inhibitors')."""
        words = term_key(_INNER_GLOSS.sub(" ", text)).split(" ")
        while len(words) > 1 and words[0] in _DETERMINERS:
            words = words[1:]
        if len(words) == 3 and words[:2] == ["difficulty", "in"] and words[2].endswith("ing"):
            words = [words[0], words[2]]  # 'difficulty in concentrating' is 'difficulty concentrating'
        elif len(words) == 2 and words[0] in DIFFICULTY_WORDS and words[1].endswith("ing"):
            words = ["difficulty", words[1]]  # 'trouble reading' is 'difficulty reading'
        elif (opener := inability_opener(words)) and len(words) > opener:
            words = self.difficulty_words(words[opener], words[opener + 1:])  # "can't drop off" is 'difficulty dropping off'
        elif (2 < len(words) < 5 and words[0].endswith("ing") and words[-1] in HARD_WORDS
              and all(word in BECOMING_WORDS for word in words[1:-1])):
            words = ["difficulty", words[0]]  # 'swallowing can become difficult' is 'difficulty swallowing'
        elif (2 < len(words) < 5 and words[0].endswith("ing") and words[-1] in PAINFUL_WORDS
              and all(word in BECOMING_WORDS | {"be"} for word in words[1:-1])):
            words = ["pain", "when", words[0]]  # 'swallowing can be painful' is pain when swallowing (odynophagia)
        elif (act := hurting_act(words)) is not None:
            words = ["pain", "when", gerunds(act[0])[0], *act[1:]]  # 'it hurts to pee' is pain when peeing (dysuria)
        elif (3 < len(words) < 6 and words[0] == "bright" and words[1] in LIGHT_WORDS and words[-1] in DISCOMFORT_WORDS
              and all(word in BECOMING_WORDS | {"be"} for word in words[2:-1])):
            words = ["sensitivity", "to", "light"]  # 'bright light can be uncomfortable' is photophobia
        elif (lost := lost_faculty(words)) is not None and f"loss of {lost}" in self.synonyms:
            words = ["loss", "of", *lost.split(" ")]  # 'losing their side vision' is loss of side vision
        elif len(words) == 3 and words[0] in CHANGE_WORDS and words[1] in {"in", "to", "of"}:
            words = [words[2], "change"]  # 'changes in mood' is 'mood change'
        elif len(words) > 2 and words[0] in FEEL_FORMS and words[1] in DEGREE_WORDS:
            words = [words[0], *[word for word in words[1:-1] if word not in DEGREE_WORDS], words[-1]]
        elif len(words) > 2 and words[:2] == ["sensitive", "to"] and self.is_known_name(
                " ".join(noun := ["sensitivity", "to", *words[2:]])):
            words = noun  # 'sensitive to sunlight' is sensitivity to sunlight, as HPO names it
        if len(words) > 1 and words[-1] in self.lay_substance_words and words[-2] not in _VERB_SUBJECTS:
            words = [*words[:-1], self.lay_substance_words[words[-1]]]  # 'pale poo' is pale stool; 'when you pee' a verb
        key = self.a_plural_singular(" ".join(words))
        key = self.synonyms.get(key, self.form_of_alias(key.split(" ")))
        return self.body_part_form(self.possessive_form(self.american_spelling(self.with_canonical_head(key))))

    def with_canonical_head(self, key: str) -> str:
        """A longer name ending in a head that a synonym folds ('pelvic floor physiotherapy') ends in the
        canonical head ('pelvic floor physical therapy'), unless the longer name is itself listed."""
        words = key.split(" ")
        if len(words) < 2 or words[-1] not in self.head_synonyms or self.is_known_name(key):
            return key
        return " ".join([*words[:-1], self.head_synonyms[words[-1]]])

    @cached_property
    def head_synonyms(self) -> dict[str, str]:
        """The synonyms that also fold a longer name's head (data/synonym_heads.txt): head -> canonical head."""
        return {key: self.synonyms[key] for key in map(term_key, read_list("synonym_heads.txt"))}

    def difficulty_words(self, verb: str, rest: list[str]) -> list[str]:
        """A difficulty doing something, with the -ing form of its verb that a list knows ('dropping off'), or the likeliest."""
        forms = gerunds(verb)
        chosen = next((form for form in forms if self.is_known_name(" ".join(["difficulty", form, *rest]))), forms[0])
        return ["difficulty", chosen, *rest]

    def a_plural_singular(self, key: str) -> str:
        """The singular of a plural in '-as' a list names ('hiatus hernias', 'lipomas'): term_key keeps a final
        '-as' ('pancreas', 'erysipelas'), so a name only folds where its singular is listed and the plural is not."""
        if not key.endswith("as") or key in self.curated or key in self.vocabulary:
            return key
        singular = key[:-1]
        return singular if singular in self.curated or singular in self.vocabulary else key

    def form_of_alias(self, words: list[str]) -> str:
        """A disease's form written with an alias of its name keeps the canonical name: "secondary
        Raynaud's" is "secondary raynaud's phenomenon", as 'Raynaud's' alone is."""
        if len(words) > 1 and words[0] in self.disease_form_words:
            rest = " ".join(words[1:])
            if rest in self.synonyms:
                return f"{words[0]} {self.synonyms[rest]}"
        return " ".join(words)

    @cached_property
    def disease_form_words(self) -> frozenset[str]:
        return frozenset(read_list("disease_form_words.txt"))

    def american_spelling(self, key: str) -> str:
        """A British spelling in the US spelling the vocabularies name their concepts by, where that one is
        known: 'coeliac disease' is celiac disease, 'oesophagitis' esophagitis, 'tumour' tumor (one name
        per concept across sources). A curated name stays as written."""
        if key in self.curated:
            return key
        american = " ".join(_american_word(word) for word in key.split(" "))
        american = self.synonyms.get(american, american)
        return american if american != key and self.is_known_name(american) else key

    def is_known_name(self, key: str) -> bool:
        return (key in self.curated or key in self.vocabulary or key in self.treatment_aliases
                or key in self.drug_names or key in self.synonyms)

    def possessive_form(self, key: str) -> str:
        """An eponym written without its apostrophe, as the ontology writes it: 'graves disease' is
        "graves' disease", 'crohns disease' "crohn's disease", 'heberden nodes' "heberden's node"
        (where the plain form names no disease)."""
        if self.is_settled_name(key):
            return key
        for candidate in possessive_spellings(key):
            if self.is_settled_name(candidate) or (key not in self.vocabulary and candidate in self.vocabulary):
                return candidate
        return key

    def is_settled_name(self, key: str) -> bool:
        """A curated name (of any type) or an ontology's disease name: one that is used as written."""
        return key in self.curated or self.icd_disease(key)

    def icd_disease(self, key: str) -> bool:
        """Whether ICD-10-CM (chapters I-XVII) names this canonical key as a disease."""
        return any(concept.kind == DISEASE for concept in self.vocabulary.get(key, ()))

    def strip_modifiers(self, key: str) -> str:
        """The name without its leading modifiers ('severe back pain') or episode words ('attacks of facial pain')."""
        words = key.split(" ")
        while len(words) > 1 and words[0] in self.modifiers:
            words = words[1:]
        if (len(words) > 2 and words[1] == "of" and singularize(words[0]) in self.episode_words
                and not self.is_listed_disease(" ".join(words[2:]))):  # an attack of gout is gout's
            return self.strip_modifiers(" ".join(words[2:]))
        key = " ".join(words)
        return self.body_part_form(self.synonyms.get(key, key))

    @cached_property
    def qualities(self) -> dict[str, str]:
        """Each word that says a quality of a body part -> the quality's noun ('aching' -> 'pain')."""
        return {term_key(word): term_key(noun) for noun, *forms in read_table("symptom_qualities.tsv")
                for word in [noun, *";".join(forms).split(";")] if word}

    @cached_property
    def quality_adjectives(self) -> dict[str, tuple[str, ...]]:
        """The adjectives of each quality's noun ('swelling' -> ('swollen', 'puffy'))."""
        return {term_key(noun): tuple(term_key(word) for word in adjectives.split(";") if word)
                for noun, adjectives, *_ in read_table("symptom_qualities.tsv")}

    @cached_property
    def body_part_names(self) -> dict[str, tuple[str, ...]]:
        """Each body-part word (singular, or its adjective) -> the part's written forms ('facial' -> face, facial)."""
        forms = {singularize(word.lower()): (singularize(word.lower()),) for word in read_list("body_parts.txt")}
        rows = read_table("body_part_names.tsv")
        for part, word, kind in rows:
            if kind == "adjective":
                forms[part] = forms[word] = (part, word)
        for part, word, kind in rows:  # after the adjectives: a piece of the face stands for both its names
            if kind in ("piece", "plural", "lay"):
                forms[word] = forms[part]
        return forms

    @cached_property
    def body_part_pieces(self) -> frozenset[str]:
        """Words for a piece of a body part ('patches' of skin): they stand for it, but never name it."""
        return frozenset(word for _part, word, kind in read_table("body_part_names.tsv") if kind == "piece")

    def body_part_quality(self, key: str) -> tuple[str, str] | None:
        """(body part, quality noun) of 'painful joint', 'joint ache' or 'pain in the joint'; None otherwise."""
        words = key.split(" ")
        if len(words) >= 4 and words[1] in self.body_part_pieces and words[2] in _PLACING_WORDS:
            return self.placed_quality(words[0], words[3:])  # 'inflamed patches of skin': the piece stands for its part
        if len(words) == 2:
            first, second = words
            if first in self.qualities and second in self.body_part_names:
                return second, self.qualities[first]
            if singularize(first) in self.body_part_names and second in self.qualities:
                return singularize(first), self.qualities[second]
            return None
        if len(words) >= 3 and words[1] in _PLACING_WORDS:
            return self.placed_quality(words[0], words[2:])
        return None

    def placed_quality(self, quality: str, place: list[str]) -> tuple[str, str] | None:
        """(body part, quality noun) of a quality word and the words that place it ('the joints')."""
        parts = [word for word in place if word not in _PLACE_DETERMINERS]
        if quality in self.qualities and len(parts) == 1 and parts[0] in self.body_part_names:
            return parts[0], self.qualities[quality]
        return None

    def body_part_form(self, key: str) -> str:
        """One name for a body part's symptom however it is written ('aching joints' = 'joint pain').

        A name a vocabulary knows stays as it is; another takes the first of its forms one knows
        (noun forms first, then adjective forms), else the part's adjective where it has one, as
        clinicians name such signs ('anal redness', 'facial swelling'), else '<body part> <noun>'.
        """
        if key in self.curated or key in self.vocabulary:
            return key
        parsed = self.body_part_quality(key)
        if parsed is None:
            return key
        part, quality = parsed
        parts = self.body_part_names[part]
        candidates = [f"{name} {quality}" for name in parts]
        candidates += [f"{adjective} {name}" for adjective in self.quality_adjectives.get(quality, ()) for name in parts]
        for candidate in candidates:
            candidate = self.synonyms.get(candidate, candidate)
            if candidate in self.curated or candidate in self.vocabulary:
                return candidate
        return f"{parts[-1]} {quality}"  # body_part_names lists a part's noun, then its adjective

    @lru_cache(maxsize=MEMO_SIZE)
    def classify(self, text: str, label: str) -> TypedConcept | None:
        """Type a mention; None when it names no disease, symptom or treatment (e.g. 'condition')."""
        key = self.canonical_key(self.long_form(text))
        if not any(char.isalpha() for char in key):
            return None  # '2020', '4-8': a number is no entity, whatever the NER said
        label = label.upper()
        if label == "SYMPTOM" and key in self.state_adjectives:
            return self.classify(self.state_adjectives[key], label)  # 'irritable' as ner.state_adjective_spans found it
        if key in self.curated and self.curated[key][0] not in ENTITY_TYPES and not (
                label == "TREATMENT" and key in self.treatment_aliases):
            return None  # 'serotonin', 'everyone': the NER's chemicals that are no treatment; 'oxygen' where a rule marks it one
        if label not in {"CHEMICAL", "TREATMENT"} and self.curated_type(key) == SYMPTOM:
            return self.from_curated(key)  # 'weight loss' as found, not as advised ('losing weight')
        if label == "CHEMICAL" and self.names_disease_not_drug(key):
            return self.classify_condition(key)  # the NER's 'Kawasaki disease' in a table header
        if (label in {"CHEMICAL", "TREATMENT"} or key in self.treatment_aliases or key in self.drug_names
                or self.looks_like_drug(key)):
            unsalted = self.without_salt(self.unglued(key))
            if not unsalted or max(map(len, unsalted.split(" "))) > MAX_WORD_CHARS:
                return None  # a salt alone; 'likeamitriptylineandvenlafaxine': words a scraper ran together
            key = self.canonical_key(unsalted) if unsalted != key else key  # 'hyoscine hydrobromide' is scopolamine
            return TypedConcept(TREATMENT, self.treatment_name(self.without_form(key)))
        return self.classify_condition(key, default=SYMPTOM if label == "SYMPTOM" else DISEASE)

    def names_disease_not_drug(self, key: str) -> bool:
        """A name of several words ending in a disease's word ('Kawasaki disease', 'toxic shock syndrome'),
        or one ICD-10-CM names as a disease ('alpha-1 antitrypsin deficiency'), that no drug list knows:
        a disease, whatever the NER took it for."""
        head, _, last_word = key.rpartition(" ")
        return (bool(head) and (self.has_disease_ending(last_word) or self.icd_disease(key))
                and key not in self.treatment_aliases and key not in self.drug_names and not self.looks_like_drug(key))

    @lru_cache(maxsize=MEMO_SIZE)
    def knows(self, text: str, label: str) -> bool:
        """Whether a curated list, a naming rule or the vocabulary recognises the name (not just the NER)."""
        key = self.canonical_key(self.long_form(text))
        if label.upper() in {"CHEMICAL", "TREATMENT"} or key in self.treatment_aliases:
            return (key in self.treatment_aliases or self.combination_key(key) in self.drug_names
                    or self.looks_like_drug(key))
        stripped = self.strip_modifiers(key)
        last_word = stripped.rsplit(" ", 1)[-1]
        return (key in self.curated or stripped in self.curated or key in self.vocabulary
                or last_word in self.symptom_heads or self.has_disease_ending(last_word))

    def names_infection(self, key: str) -> bool:
        """An infectious disease of ICD-10-CM chapter I (A00-B99) whose name ends in a symptom's word:
        'scarlet fever', 'dengue fever', 'whooping cough' are diseases, not fever or cough."""
        return any(concept.kind == "disease" and is_infection_code(concept.ontology_id) for concept in self.vocabulary.get(key, ()))

    def disease_named_in(self, text: str) -> TypedConcept | None:
        """The known disease a symptom's name opens with: 'migraine pain', 'arthritis pain'."""
        words = self.canonical_key(text).split(" ")
        for length in range(len(words) - 1, 0, -1):
            key = " ".join(words[:length])
            typed = self.classify_condition(key)
            if typed is not None and typed.entity_type == DISEASE and (typed.ontology_id or key in self.curated):
                return typed
        return None

    def classify_condition(self, key: str, default: str = DISEASE) -> TypedConcept | None:
        """Disease or symptom for a DISEASE-labelled name, by the first rule that knows it.

        Names no rule knows stay diseases (the NER's word) unless their shape says they are
        fragments: a category word at the end, a coordination inside, or a single lowercase word
        that no vocabulary lists.
        """
        if key in self.curated:
            return self.from_curated(key)
        if key not in self.vocabulary and key in self.titled_keys:
            return self.classify_condition(self.titled_keys[key], default)
        named_sign = NAMED_SIGN.fullmatch(key)
        if named_sign and english_zipf(named_sign.group("name")) < MAX_SIGN_NAME_ZIPF:
            sign = f"{named_sign.group('name')} sign"  # 'Winterbottom's sign', 'Nikolsky sign': a sign named after someone
            return TypedConcept(SYMPTOM, sign, self.ontology_id(sign, SYMPTOM))
        numbered = TYPE_FIRST.fullmatch(key)
        if numbered and key not in self.vocabulary:  # 'type 1 spinal muscular atrophy' as 'SMA type 1' names it
            return self.classify_condition(f"{numbered.group('name')} type {numbered.group('number')}", default)
        first, _, rest = key.partition(" ")
        rest = self.canonical_key(rest) if rest else rest
        if first.endswith("ing") and key not in self.vocabulary and (
                rest in self.vocabulary or self.curated_type(rest) in ENTITY_TYPES):
            return self.classify_condition(rest, default)  # 'Diagnosing Lupus' in a heading names lupus
        if (singularize(first) in self.episode_words and rest and not rest.startswith("of ")
                and not self.is_listed_disease(rest)):
            return None  # 'attacks altogether': an episode word and what follows it, no disease
        named = next((key[:-len(word) - 1] for word in self.episode_words if key.endswith(" " + word)), "")
        if named and self.is_listed_disease(named):
            # 'a gout attack', 'lupus flare-ups': the disease
            return self.classify_condition(self.canonical_key(named), default)
        stripped = self.strip_modifiers(key)
        if stripped != key and not self.names_condition(stripped):
            stripped = key  # 'itchy eyes' is a symptom; 'eyes' alone is a body part
        if stripped in self.curated and self.curated[stripped][0] == SYMPTOM:
            return self.from_curated(stripped)
        last_word = stripped.rsplit(" ", 1)[-1]
        if first == "difficulty" and rest.split(" ")[0].endswith("ing"):
            return TypedConcept(SYMPTOM, stripped, self.ontology_id(stripped, SYMPTOM))  # 'difficulty reading'
        if last_word in self.generic_heads and default != SYMPTOM:
            return None
        if rest and key not in self.curated and self.grades(first, rest):
            graded = self.classify_condition(rest, default)
            if graded is not None and graded.entity_type == DISEASE:
                return graded  # 'severe periodontitis', an HPO term, is periodontitis
        if rest and first in self.size_words and last_word in self.compound_disease_heads:
            sized = self.classify_condition(rest, default)  # 'small kidney stones'; 'Larger stones can cause:' names none
            return sized if sized is not None and sized.entity_type == DISEASE and (
                sized.ontology_id or sized.canonical in self.curated) else None
        if self.names_unlisted_fever(key):
            return TypedConcept(DISEASE, key)
        if self.has_disease_ending(last_word) or (last_word in self.compound_disease_heads and " " in stripped):
            return TypedConcept(DISEASE, key, self.ontology_id(key, DISEASE))
        if ((last_word in self.symptom_heads or self.body_part_quality(stripped) is not None)
                and not self.names_infection(key) and not self.names_infection(stripped)):  # 'severe dengue'
            return TypedConcept(SYMPTOM, stripped, self.ontology_id(stripped, SYMPTOM))
        kinds = {concept.kind for concept in self.vocabulary.get(key, ())}
        if "disease" in kinds:
            return TypedConcept(DISEASE, key, self.ontology_id(key, DISEASE))
        if kinds & {"symptom", "phenotype"} and not self.names_kind_of_disease(key):
            return TypedConcept(SYMPTOM, stripped, self.ontology_id(stripped, SYMPTOM))
        if kinds & {"symptom", "phenotype"}:  # 'chronic spontaneous urticaria': HPO files it, a kind of urticaria
            return TypedConcept(DISEASE, key, self.ontology_id(key, DISEASE))
        if default == SYMPTOM and self.names_kind_by_name(key):
            return TypedConcept(DISEASE, key, "")  # 'Duchenne muscular dystrophy', though the NER took it for a symptom
        if default == SYMPTOM:  # a symptom pattern matched it ('difficulty walking')
            return TypedConcept(SYMPTOM, stripped, "")
        words = key.split(" ")
        if len(words) == 1 and default == DISEASE and (infection := self.genus_infection(key)) is not None:
            return infection  # 'Why we also test for strongyloides': the worm's genus, for the strongyloidiasis it causes
        if len(words) == 1 or {"and", "or", "like", "of", "as"} & set(words):
            return None
        if self.only_places(words):
            return None  # 'lower back', 'small joints', 'bowel movements': body parts, no condition
        if self.predicates_of_body(words):
            return None  # 'than the skin looks', 'skin turns black': a body part and what it does, a clause
        if self.describes_body(key) and not words[0].endswith("'s"):
            return TypedConcept(SYMPTOM, stripped, "")  # 'pale skin', 'swollen neck glands'; not "jumper's knee"
        return TypedConcept(DISEASE, key, "")

    @cached_property
    def infection_qualifiers(self) -> frozenset[str]:
        """Adjectives that open ICD-10-CM's names of infections (A00-B99) of two words or more, and no other of its or
        HPO's names, and rare words (not 'initial', 'epidemic'): 'amebic', 'gonococcal', 'tuberculous' (not 'chronic',
        'oral'). Before a disease they say which infection it is ('amoebic dysentery')."""
        infectious: set[str] = set()
        other: set[str] = set()
        for key, concepts in self.vocabulary.items():
            first = key.split(" ", 1)[0]
            if " " not in key or not first.endswith(INFECTION_ADJECTIVE_ENDINGS):
                continue
            for concept in concepts:
                (infectious if is_infection_code(concept.ontology_id) else other).add(first)
        return frozenset(word for word in infectious - other if english_zipf(word) < MAX_INFECTION_ADJECTIVE_ZIPF)

    def names_infection_kind(self, qualifier: str) -> bool:
        """Whether a word (in any spelling) is one of infection_qualifiers: 'amoebic' as 'amebic'."""
        return _american_word(qualifier.lower()) in self.infection_qualifiers

    def names_by_genus(self, word: str, following: str) -> bool:
        """Whether a word is a pathogen's genus (genus_infection) before a disease's word it qualifies ('Pneumocystis
        pneumonia', 'Candida infection')."""
        key = term_key(following)
        return (term_key(word) not in self.vocabulary and self.genus_infection(term_key(word)) is not None
                and (self.has_disease_ending(key) or key in self.disease_nouns or self.is_listed_disease(key)))

    @cached_property
    def disease_nouns(self) -> frozenset[str]:
        return frozenset(read_list("disease_nouns.txt"))

    def genus_infection(self, word: str) -> TypedConcept | None:
        """The infection ICD-10-CM (A00-B99) names after a pathogen's genus: 'strongyloides' -> strongyloidiasis,
        'giardia' -> giardiasis, 'toxoplasma' -> toxoplasmosis, 'echinococcus' -> echinococcosis. The genus's Latin
        ending gives way to the disease's (-iasis, -asis, -osis); other words name no infection."""
        stem = next((word[:-len(ending)] for ending in GENUS_ENDINGS if word.endswith(ending)), None)
        if stem is None or len(stem) < MIN_GENUS_STEM:
            return None
        for suffix in INFECTION_SUFFIXES:
            name = stem + suffix
            code = self.infection_id(name)
            if code:
                return TypedConcept(DISEASE, name, code)
        return None

    def names_kind_of_disease(self, key: str) -> bool:
        """Whether a name ends in the name of a disease that ICD-10-CM and HPO both file, so names a kind
        of it ('chronic spontaneous urticaria', 'recurrent otitis media') where HPO files the kind too;
        not a sign named after a disease HPO does not list ('pretibial myxoedema'), nor a kind of a name curated as a
        symptom ('motor tic')."""
        words = key.split(" ")
        return any(self.icd_disease(tail) and any(concept.kind == "phenotype" for concept in self.vocabulary[tail])
                   and self.curated_type(tail) != SYMPTOM  # 'motor tic': 'tic' is curated the sign, not ICD's tic disorder
                   for tail in (" ".join(words[start:]) for start in range(1, len(words))))

    def names_kind_by_name(self, key: str) -> bool:
        """Whether an unlisted name is one word before a disease ICD-10-CM lists by two words or more, a word that
        neither grades, sizes nor places it: 'duchenne muscular dystrophy' is a kind of muscular dystrophy named
        after someone, 'severe muscular dystrophy' muscular dystrophy."""
        first, _, disease = key.partition(" ")
        return (" " in disease and self.icd_disease(disease) and first.isalpha() and first not in self.modifiers
                and first not in self.severity_words and first not in self.size_words and first not in self.body_part_names)

    def only_places(self, words: list[str]) -> bool:
        """Whether a name only says which body part or product: 'lower back', 'small joints', 'bowel movement'."""
        return all(word in self.body_part_names or word in _WHICH_PART_WORDS or word in self.described_heads
                   for word in words)

    def predicates_of_body(self, words: list[str]) -> bool:
        """Whether a name is a body part and a linking verb (data/linking_verbs.txt) with what follows it:
        words of a clause the NER ran together, not a condition's name."""
        verb_at = next((index for index, word in enumerate(words) if index and word in self.linking_verbs), 0)
        return bool(verb_at) and self.only_places(words[:verb_at])

    def describes_body(self, key: str) -> bool:
        """Whether an unlisted name ends in a body part or product, so says how it is ('bloodshot eye', 'pale stool')."""
        return (any(key.endswith(" " + head) for head in self.described_heads)
                or singularize(key.rsplit(" ", 1)[-1]) in self.body_part_names)

    @cached_property
    def bound_prefixes(self) -> frozenset[str]:
        return frozenset(read_list("bound_prefixes.txt"))

    @cached_property
    def described_heads(self) -> tuple[str, ...]:
        return tuple(read_list("described_heads.txt"))

    @lru_cache(maxsize=MEMO_SIZE)
    def is_curated(self, text: str) -> bool:
        """Whether a curated list names this exact string (itself or as a synonym or treatment alias)."""
        key = term_key(text)
        return key in self.curated or key in self.synonyms or key in self.treatment_aliases

    def names_condition(self, key: str) -> bool:
        """Whether a name alone is a known disease or symptom, not just a word left after modifiers."""
        last_word = key.rsplit(" ", 1)[-1]
        return (key in self.curated or key in self.vocabulary or last_word in self.symptom_heads
                or self.has_disease_ending(last_word))

    def from_curated(self, key: str) -> TypedConcept | None:
        entity_type, ontology_id = self.curated[key]
        if entity_type not in ENTITY_TYPES:
            return None
        return TypedConcept(entity_type, key, ontology_id or self.ontology_id(key, entity_type))

    def ontology_id(self, key: str, entity_type: str) -> str:
        """HPO id for symptoms, ICD-10-CM code for diseases, where the vocabulary has the name."""
        preferred = ("phenotype", "symptom") if entity_type == SYMPTOM else ("disease",)
        for kind in preferred:
            for concept in self.vocabulary.get(key, ()):
                if concept.kind == kind:
                    return concept.ontology_id
        pathogen = key.removesuffix(" infection")
        return self.infection_id(pathogen) if entity_type == DISEASE and pathogen != key else ""

    def infection_id(self, pathogen: str) -> str:
        """The ICD-10-CM code of chapter I (A00-B99) a pathogen's name has as a disease, curated or in the
        vocabulary: 'rotavirus infection' is the A08.0 pages call rotavirus, 'threadworm infection' B80."""
        curated_id = self.curated[pathogen][1] if self.curated_type(pathogen) == DISEASE else ""
        codes = [curated_id, *(concept.ontology_id for concept in self.vocabulary.get(pathogen, ()) if concept.kind == "disease")]
        return next((code for code in codes if is_infection_code(code)), "")

    def is_listed_disease(self, name: str) -> bool:
        """Whether the curated lists or ICD-10-CM name this exact string as a disease, or an ontology
        lists it and it types as one ('sinusitis': an HPO term with a disease's ending); no shape rules alone."""
        key = self.canonical_key(self.long_form(name))
        if key in self.curated:
            return self.curated[key][0] == DISEASE
        if self.icd_disease(key) or " " not in key and self.genus_infection(key) is not None:
            return True  # 'strongyloides' as the infection it causes
        typed = self.classify_condition(key) if key in self.vocabulary else None
        return typed is not None and typed.entity_type == DISEASE

    def names_in_icd(self, name: str) -> bool:
        return self.icd_disease(self.canonical_key(name))

    def disease_form(self, typed: TypedConcept) -> TypedConcept | None:
        """The disease a symptom's name also names in ICD-10-CM ('depression' F32.A, 'insomnia' G47.0),
        for a page about it; None for a symptom only ('fatigue', 'vertigo')."""
        if typed.entity_type != SYMPTOM:
            return None
        if typed.canonical in self.disease_forms:
            return self.disease_forms[typed.canonical]
        disease_id = self.ontology_id(typed.canonical, DISEASE)
        if disease_id:
            return TypedConcept(DISEASE, typed.canonical, disease_id)
        return TypedConcept(DISEASE, typed.canonical, typed.ontology_id) if self.names_malformation(typed) else None

    def names_malformation(self, typed: TypedConcept) -> bool:
        """A phenotype HPO names by a malformation's head that ICD-10-CM does not name ('arteriovenous malformation',
        'branchial cyst'; data/malformation_heads.txt): a condition of its own on a page about it."""
        return bool(typed.ontology_id) and typed.canonical.rsplit(" ", 1)[-1] in self.malformation_heads

    @cached_property
    def malformation_heads(self) -> frozenset[str]:
        return frozenset(read_list("malformation_heads.txt"))

    def names_disease_form(self, name: str) -> bool:
        """Whether a name is of a symptom data/disease_forms.tsv gives a disease ('mouth ulcers'), or of a malformation."""
        typed = self.classify(name, "SYMPTOM")
        return typed is not None and typed.entity_type == SYMPTOM and (
            typed.canonical in self.disease_forms or self.names_malformation(typed))

    @cached_property
    def disease_forms(self) -> dict[str, TypedConcept]:
        """data/disease_forms.tsv: a condition's disease where it is not ICD-10-CM's bare name ('acne')."""
        return {term_key(symptom): TypedConcept(DISEASE, term_key(disease), ontology_id)
                for symptom, disease, ontology_id in read_table("disease_forms.tsv")}

    @lru_cache(maxsize=MEMO_SIZE)
    def diseases_named_in(self, text: str, symptom_diseases: bool = False) -> tuple[TypedConcept, ...]:
        """Diseases a short text (a title) names, found by the curated lists and the vocabulary alone;
        with symptom_diseases, also the disease forms of symptoms ('Depression').

        Titles are removed from the body by cleaning and too short for the NER, so a dictionary scan
        over word n-grams (longest first, no overlaps) finds the article's topic instead. Memoised: each
        topic rule (relations.extract_relations, title_condition) reads the same title.
        """
        words = _WORD.findall(text)
        found: list[TypedConcept] = []
        position = 0
        while position < len(words):
            for size in range(min(MAX_NAME_WORDS, len(words) - position), 0, -1):
                name = " ".join(words[position:position + size])
                if not (self.is_listed_disease(name) or name.lower() in self.listed_disease_heads
                        or symptom_diseases and (self.names_in_icd(name) or self.names_disease_form(name))):
                    continue
                typed = self.classify(name, "DISEASE")
                if typed is not None and symptom_diseases:
                    typed = self.disease_form(typed) or typed
                if typed is not None and typed.entity_type == DISEASE:
                    if size == 1 and position + 1 < len(words) and self.names_by_genus(name, words[position + 1]):
                        position += 1  # 'Pneumocystis pneumonia': the genus says which pneumonia
                        break
                    if not (position and words[position - 1].lower() in self.bound_prefixes):
                        found.append(typed)  # not 'Pre-dementia', a stage before it (data/bound_prefixes.txt)
                    position += size
                    break
            else:
                position += 1
        return tuple(found)

