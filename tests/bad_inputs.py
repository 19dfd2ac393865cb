"""Synthetic inputs for robustness tests and benchmarks: a folder of bad inputs, and varied articles.

Nothing here is shared data: every text is generated from the templates below, so it can be
rebuilt anywhere (tests build it in tmp_path, benchmarks in /tmp).
"""
from __future__ import annotations

import json
import os
import random
import struct
import zlib
from pathlib import Path

DISEASES = ["lupus", "gout", "asthma", "rheumatoid arthritis", "psoriasis", "migraine", "eczema", "fibromyalgia",
            "ankylosing spondylitis", "multiple sclerosis", "osteoarthritis", "type 2 diabetes", "hypertension",
            "Crohn's disease", "celiac disease", "hypothyroidism", "anemia", "bronchitis", "pneumonia", "sinusitis"]
SYMPTOMS = ["fatigue", "joint pain", "back pain", "fever", "headache", "nausea", "rash", "itching", "swelling",
            "shortness of breath", "wheezing", "stiffness", "dizziness", "weight loss", "abdominal pain", "cough"]
TREATMENTS = ["ibuprofen", "methotrexate", "physical therapy", "corticosteroids", "colchicine", "insulin",
              "metformin", "inhaled corticosteroids", "antihistamines", "acetaminophen", "exercise", "biologics"]
TEMPLATES = [
    "{D} often causes {S} and {S2}.",
    "Common symptoms of {D} include {S}, {S2} and sometimes {S3}.",
    "{D} is usually treated with {T}, although {T2} may also help.",
    "{T} can help reduce {S} in many patients.",
    "Doctors may prescribe {T} for {D} when {S} becomes severe.",
    "People with {D} do not always have {S}.",
    "In some cases, {D} may lead to {S}, which can last for weeks.",
    "Researchers followed {N} adults with {D} over several years.",
    "Patients reported that {S} improved after {N} days of {T}.",
    "The link between {D} and {S} is still debated by experts.",
]

# A Spanish article (not English): the run must say so instead of extracting garbage.
SPANISH = ("La artritis reumatoide es una enfermedad autoinmune que causa dolor en las articulaciones de las manos "
           "y de los pies. El tratamiento incluye el metotrexato y otros medicamentos que reducen la inflamación.\n\n"
           "Los pacientes con esta enfermedad pueden sentir cansancio y rigidez por la mañana, y es importante que "
           "consulten a su médico cuando los síntomas no mejoran con el reposo.")


def sentence(rng: random.Random) -> str:
    text = rng.choice(TEMPLATES).format(
        D=rng.choice(DISEASES), S=rng.choice(SYMPTOMS), S2=rng.choice(SYMPTOMS), S3=rng.choice(SYMPTOMS),
        T=rng.choice(TREATMENTS), T2=rng.choice(TREATMENTS), N=rng.randint(2, 900))
    return text[0].upper() + text[1:]


def paragraph(rng: random.Random, sentences: int | None = None) -> str:
    return " ".join(sentence(rng) for _ in range(sentences or rng.randint(3, 7)))


def article(rng: random.Random, paragraphs: int | None = None) -> str:
    return "\n\n".join(paragraph(rng) for _ in range(paragraphs or rng.randint(2, 5))) + "\n"


def big_text(rng: random.Random, size: int) -> str:
    """About `size` characters of distinct paragraphs (repeated paragraphs would be cleaned away)."""
    parts, total = [], 0
    while total < size:
        parts.append(paragraph(rng))
        total += len(parts[-1]) + 2
    return "\n\n".join(parts) + "\n"


def png_bytes() -> bytes:
    """A real 1x1 PNG image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

# source -> what documents.csv must say: "ok", or a piece of the one-line error of a failed row.
EXPECTED: dict[str, str] = {
    "good-1.txt": "ok",
    "good-2.md": "ok",
    "good-3.html": "ok",
    "empty.txt": "empty file",
    "blank.md": "empty file (only whitespace)",
    "image.txt": "binary file (PNG image)",
    "report.html": "binary file (PDF document)",
    "invalid-utf8.txt": "ok",
    "latin1.txt": "ok",
    "utf16-bom.txt": "ok",
    "big.txt": "ok",
    "scripts-only.html": "no article text",
    "truncated.html": "ok",
    "mixed.jsonl#1": "ok",
    "mixed.jsonl#2": "malformed JSON line",
    "mixed.jsonl#3": "ok",
    "spanish.txt": "not English (detected: es)",
    "unreadable.txt": "cannot read file: Permission denied",
}


def build_bad_input_folder(folder: Path, big_chars: int = 300_000, seed: int = 0) -> dict[str, str]:
    """Write every bad input of the robustness issue, plus good neighbours, into `folder`.

    Returns EXPECTED. `unreadable.txt` gets mode 000; a root user reads it anyway, so tests that
    run as root simulate the permission error.
    """
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "good-1.txt").write_text("Living with lupus\n\n" + article(rng, 3), encoding="utf-8")
    (folder / "good-2.md").write_text("# Gout basics\n\n" + article(rng, 3), encoding="utf-8")
    body = "".join(f"<p>{text}</p>" for text in article(rng, 3).split("\n\n"))
    (folder / "good-3.html").write_text(
        f"<html><head><title>Asthma guide</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>Asthma guide</h1>{body}</article><footer>Copyright</footer></body></html>", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.md").write_text(" \n\n\t\n   \n", encoding="utf-8")
    (folder / "image.txt").write_bytes(png_bytes())
    (folder / "report.html").write_bytes(PDF)
    (folder / "invalid-utf8.txt").write_bytes(article(rng, 2).encode("utf-8") + b"\xff\xfe\xc3\x28 end\n")
    (folder / "latin1.txt").write_bytes(
        ("Ménière's disease explained\n\n" + article(rng, 2).replace("patients", "patients à risque")).encode("latin-1"))
    (folder / "utf16-bom.txt").write_bytes(("Psoriasis – what helps\n\n" + article(rng, 2)).encode("utf-16"))
    (folder / "big.txt").write_text(big_text(rng, big_chars), encoding="utf-8")
    (folder / "scripts-only.html").write_text(
        "<html><head><script>var tracking = {id: 1};</script><style>p {color: red}</style></head>"
        "<body><script>document.write('loading');</script><noscript></noscript></body></html>", encoding="utf-8")
    truncated_body = "".join(f"<p>{text}</p>" for text in article(rng, 2).split("\n\n"))
    (folder / "truncated.html").write_text(
        "<html><head><title>Migraine</title></head><body><article><h1>Migraine</h1>" + truncated_body
        + "<p>Some patients also report that their attacks beg", encoding="utf-8")
    lines = [json.dumps({"url": "https://example.org/eczema", "title": "Eczema", "text": article(rng, 2)}),
             '{"url": "https://example.org/broken", "text": "Psoriasis causes',
             json.dumps({"url": "https://example.org/sinusitis", "title": "Sinusitis", "text": article(rng, 2)})]
    (folder / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "spanish.txt").write_text(SPANISH, encoding="utf-8")
    unreadable = folder / "unreadable.txt"
    unreadable.write_text(article(rng, 2), encoding="utf-8")
    os.chmod(unreadable, 0)
    return dict(EXPECTED)
