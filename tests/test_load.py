"""Loading articles: formats, ids and per-file failure isolation."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from extractors.load import decode_bytes, load_documents


def test_every_supported_format_is_loaded_recursively(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Lupus causes fatigue.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("# Gout\nGout causes joint pain.", encoding="utf-8")
    (tmp_path / "sub" / "c.HTML").write_text("<html><body><p>Asthma causes wheezing.</p></body></html>", encoding="utf-8")
    (tmp_path / "ignored.csv").write_text("x,y", encoding="utf-8")
    (tmp_path / "d.jsonl").write_text(
        json.dumps({"text": "Lupus causes rash.", "url": "https://x.org/a", "title": "Lupus"}) + "\n"
        + json.dumps({"html": "<p>RA causes swelling.</p>"}) + "\n", encoding="utf-8")
    documents = load_documents(tmp_path)
    assert [d.source for d in documents] == ["a.txt", "d.jsonl#1", "d.jsonl#2", "sub/b.md", "sub/c.HTML"]
    assert [d.kind for d in documents] == ["text", "text", "html", "text", "html"]
    assert documents[1].url == "https://x.org/a" and documents[1].title == "Lupus"
    assert all(d.ok for d in documents)


def test_doc_id_is_the_sha256_prefix_of_the_raw_content(tmp_path: Path):
    raw = "Fibromyalgia causes widespread pain.\n".encode("utf-8")
    (tmp_path / "a.txt").write_bytes(raw)
    [document] = load_documents(tmp_path)
    assert document.sha256 == hashlib.sha256(raw).hexdigest()
    assert document.doc_id == document.sha256[:16]


def test_a_malformed_jsonl_line_fails_alone(tmp_path: Path):
    lines = [json.dumps({"text": "Lupus causes rash."}), "{not json", json.dumps({"title": "no body"}),
             json.dumps({"text": "Gout causes pain."})]
    (tmp_path / "x.jsonl").write_text("\n".join(lines), encoding="utf-8")
    documents = load_documents(tmp_path)
    assert [d.ok for d in documents] == [True, False, False, True]
    assert "malformed JSON" in documents[1].error and "\n" not in documents[1].error
    assert "no 'text' or 'html'" in documents[2].error


@pytest.mark.parametrize("payload, expected", [
    (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
    (b"%PDF-1.7\n%\xe2\xe3", "PDF"),
    (b"abc\x00\x00def", "NUL"),
])
def test_binary_files_with_text_extensions_fail_with_a_reason(tmp_path: Path, payload: bytes, expected: str):
    (tmp_path / "x.txt").write_bytes(payload)
    [document] = load_documents(tmp_path)
    assert not document.ok and expected in document.error


def test_text_encodings_are_decoded():
    assert decode_bytes("Ménière’s disease".encode("utf-16")) == "Ménière’s disease"
    assert decode_bytes("Ménière".encode("latin-1")) == "Ménière"
    assert decode_bytes("\ufeffLupus".encode("utf-8")) == "Lupus"


def test_missing_input_folder_raises_a_clear_error(tmp_path: Path):
    with pytest.raises(FileNotFoundError, match="input folder not found"):
        load_documents(tmp_path / "nope")


@given(st.binary(max_size=2000))
def test_decoding_arbitrary_bytes_either_succeeds_or_says_binary(data: bytes):
    try:
        assert isinstance(decode_bytes(data), str)
    except ValueError as error:
        assert "binary" in str(error)
