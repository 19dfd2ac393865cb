"""Load: read every article under an input folder into `RawDocument` records.

Loading never raises on a bad file: a file that cannot be read or decoded becomes a record with an
`error`, so one broken file costs only itself and still shows up in documents.csv.
"""
from __future__ import annotations

import codecs
import hashlib
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Literal

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

# Magic numbers of binary formats that scrapers save under text extensions.
BINARY_SIGNATURES: dict[bytes, str] = {
    b"\x89PNG\r\n\x1a\n": "PNG image",
    b"%PDF-": "PDF document",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive",
    b"\x1f\x8b": "gzip archive",
}

Kind = Literal["text", "html"]


@dataclass(frozen=True)
class RawDocument:
    """One article as read from disk, before cleaning."""

    doc_id: str
    source: str
    sha256: str
    kind: Kind
    content: str = ""
    url: str | None = None
    title: str | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def content_digest(content: str | bytes) -> str:
    data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    return hashlib.sha256(data).hexdigest()


def doc_id_for(digest: str) -> str:
    """doc_id is the first 16 hex characters of the content's sha256: stable across runs and machines."""
    return digest[:16]


def decode_bytes(data: bytes) -> str:
    """Decode scraped bytes: BOMs first, then UTF-8, then Windows-1252/Latin-1 (never fails on text).

    Raises ValueError for binary content, whose 'text' would only produce garbage facts.
    """
    for signature, name in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise ValueError(f"binary file ({name}), not text")
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                          (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data[:4096]:
        raise ValueError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def kind_for(path: Path) -> Kind:
    return "html" if path.suffix.lower() in HTML_SUFFIXES else "text"


def iter_input_files(input_dir: Path, unreadable: list[tuple[Path, OSError]] | None = None) -> Iterator[Path]:
    """Supported files under input_dir, recursively, in a stable order; hidden files and folders skipped.

    A sub-folder that cannot be listed is appended to `unreadable` (when given) with its error,
    instead of being skipped in silence as `Path.rglob` does. Symbolic links to folders are
    followed once (a link cycle is not walked twice).
    """
    found: list[Path] = []
    seen: set[str] = set()

    def on_error(error: OSError) -> None:
        if unreadable is not None and error.filename is not None:
            unreadable.append((Path(error.filename), error))

    for folder, subfolders, files in os.walk(input_dir, onerror=on_error, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            subfolders[:] = []
            continue
        seen.add(real)
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in files:
            path = Path(folder) / name
            if not name.startswith(".") and path.suffix.lower() in SUPPORTED_SUFFIXES:
                found.append(path)
    yield from sorted(found)


def load_file(path: Path, source: str) -> list[RawDocument]:
    """All documents of one file (one for text and HTML, one per line for JSON Lines)."""
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):  # reading a named pipe would hang the run, a device never end
            return [failed_document(source, f"not a regular file ({file_type(mode)})", kind_for(path))]
        data = path.read_bytes()
    except OSError as error:
        return [failed_document(source, f"cannot read file: {error.strerror or error}", kind_for(path))]
    digest = content_digest(data)
    if not data:
        return [failed_document(source, "empty file", kind_for(path), digest=digest)]
    try:
        text = decode_bytes(data)
    except ValueError as error:
        return [failed_document(source, str(error), kind_for(path), digest=digest)]
    if not text.strip():
        return [failed_document(source, "empty file (only whitespace)", kind_for(path), digest=digest)]
    if path.suffix.lower() in JSONL_SUFFIXES:
        return list(parse_jsonl(text, source))
    return [RawDocument(doc_id=doc_id_for(digest), source=source, sha256=digest, kind=kind_for(path), content=text)]


def file_type(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "named pipe"), (stat.S_ISSOCK, "socket"), (stat.S_ISCHR, "character device"),
                       (stat.S_ISBLK, "block device"), (stat.S_ISDIR, "folder")):
        if test(mode):
            return name
    return "special file"


def parse_jsonl(text: str, source: str) -> Iterator[RawDocument]:
    """One article per non-blank line; a malformed line fails alone and its neighbours still load."""
    # Lines end at '\n' only: str.splitlines() would also cut at U+2028, U+0085 or form feeds, which
    # JSON writers leave unescaped inside strings, and break a good record in two.
    for line_number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        line_source = f"{source}#{line_number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield failed_document(line_source, f"malformed JSON line: {error.msg} at column {error.colno}", "text")
            continue
        if not isinstance(record, dict):
            yield failed_document(line_source, "JSON line is not an object", "text")
            continue
        html, body = record.get("html"), record.get("text")
        if isinstance(html, str) and html.strip():
            kind, content = "html", html
        elif isinstance(body, str) and body.strip():
            kind, content = "text", body
        elif isinstance(html, str) or isinstance(body, str):
            yield failed_document(line_source, "JSON line has an empty 'text' field", "text")
            continue
        else:
            yield failed_document(line_source, "JSON line has no 'text' or 'html' string field", "text")
            continue
        digest = content_digest(content)
        yield RawDocument(
            doc_id=doc_id_for(digest), source=line_source, sha256=digest, kind=kind, content=content,
            url=string_or_none(record.get("url")), title=string_or_none(record.get("title")),
        )


def string_or_none(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def failed_document(source: str, error: str, kind: Kind, digest: str | None = None) -> RawDocument:
    """A record for a file that could not be loaded; its id comes from its content, else from its path."""
    digest = digest or content_digest(f"unreadable:{source}")
    return RawDocument(doc_id=doc_id_for(digest), source=source, sha256=digest, kind=kind, error=error)


def load_documents(input_dir: Path) -> list[RawDocument]:
    """Every document under input_dir; raises only when the folder itself is missing or unreadable."""
    if not input_dir.is_dir():
        raise FileNotFoundError(f"input folder not found: {input_dir}")
    documents: list[RawDocument] = []
    unreadable: list[tuple[Path, OSError]] = []
    for path in iter_input_files(input_dir, unreadable):
        documents.extend(load_file(path, path.relative_to(input_dir).as_posix()))
    for folder, error in unreadable:
        if folder == input_dir:
            raise PermissionError(f"input folder not readable: {input_dir} ({error.strerror or error})")
        source = folder.relative_to(input_dir).as_posix() + "/"
        documents.append(failed_document(source, f"cannot read folder: {error.strerror or error}", "text"))
    return documents
