"""Near-duplicate documents: a copy with a changed header is a duplicate of the first, other articles are not."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors.clean import clean_html, clean_text
from extractors.dedup import find_near_duplicates, jaccard, shingles


def seed_texts(seeds: Path) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(seeds.glob("*.txt"))]


def syndicated_copy(text: str) -> str:
    """The article as another site republishes it: own headline, byline, date and footer."""
    body = text.split("\n", 3)[3]  # drop the original title lines
    return ("Lupus and your back: what the research says | Wellness Daily\n"
            "By Staff Reporter\nPublished 2024-01-15\n\n" + body +
            "\n\nThis article first appeared on a partner site. Share it with friends.")


def test_copy_with_changed_header_is_marked_duplicate_of_the_first(seeds):
    texts = seed_texts(seeds)
    docs = [(f"seed{index}", text) for index, text in enumerate(texts)]
    docs.append(("copy", syndicated_copy(texts[4])))
    assert find_near_duplicates(docs) == {"copy": "seed4"}


def test_the_earlier_document_is_the_original_whatever_its_header(seeds):
    original = seed_texts(seeds)[4]
    duplicates = find_near_duplicates([("copy", syndicated_copy(original)), ("original", original)])
    assert duplicates == {"original": "copy"}


def test_cleaned_copy_is_a_duplicate_too(seeds):
    original = seed_texts(seeds)[4]
    cleaned = [("a", clean_text(original).text), ("b", clean_text(syndicated_copy(original)).text)]
    assert find_near_duplicates(cleaned) == {"b": "a"}


def test_exact_copies_and_third_copies_map_to_the_first(seeds):
    text = seed_texts(seeds)[1]
    docs = [("first", text), ("other", seed_texts(seeds)[2]), ("second", text), ("third", text + "\n")]
    assert find_near_duplicates(docs) == {"second": "first", "third": "first"}


def test_different_articles_on_one_topic_are_not_duplicates(seeds):
    texts = seed_texts(seeds)  # three of them are about lupus and back pain
    assert find_near_duplicates([(str(index), text) for index, text in enumerate(texts)]) == {}


def test_same_story_from_two_publishers_is_not_a_duplicate(shared):
    html_dir = shared / "corpus" / "web" / "html"
    names = ("livescience-feather-duvet-lung.html", "msn-duvet-medical-mystery.html")
    if not all((html_dir / name).is_file() for name in names):
        pytest.skip(f"duvet-lung pages not found in {html_dir}")
    texts = [clean_html((html_dir / name).read_text(encoding="utf-8")).text for name in names]
    assert find_near_duplicates(list(zip(names, texts))) == {}


def test_empty_and_tiny_documents():
    assert find_near_duplicates([]) == {}
    assert find_near_duplicates([("a", ""), ("b", ""), ("c", "   ")]) == {}
    assert find_near_duplicates([("a", "Asthma."), ("b", "asthma")]) == {"b": "a"}
    assert find_near_duplicates([("a", "Asthma."), ("b", "Eczema.")]) == {}


def test_threshold_decides_how_near_is_near():
    base = " ".join(f"word{index}" for index in range(200))
    edited = base.replace("word50 word51 word52 word53", "changed text in the middle of it")
    similarity = jaccard(shingles(base), shingles(edited))
    assert 0.9 < similarity < 1.0
    assert find_near_duplicates([("a", base), ("b", edited)], threshold=0.8) == {"b": "a"}
    assert find_near_duplicates([("a", base), ("b", edited)], threshold=0.99) == {}


def test_repeated_doc_id_is_not_its_own_duplicate():
    assert find_near_duplicates([("a", "same text here for sure"), ("a", "same text here for sure")]) == {}


def test_stored_fingerprints_find_the_same_duplicates_as_the_texts(seeds: Path):
    from extractors.dedup import fingerprint

    texts = seed_texts(seeds)
    docs = [(f"seed{i}", text) for i, text in enumerate(texts)] + [("copy", syndicated_copy(texts[4]))]
    stored = {doc_id: fingerprint(text) for doc_id, text in docs}
    assert find_near_duplicates(docs, fingerprints=stored) == find_near_duplicates(docs) == {"copy": "seed4"}
