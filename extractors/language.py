"""Language check: medfacts reads English, so an article in another language fails with a reason.

The NER model, the cue phrases and the vocabularies are all English: a Spanish article would be
cleaned to nothing by the English line classifier, or worse, yield garbage facts. A cheap check
is enough to tell languages apart on whole articles:

- script: when most letters belong to a non-Latin writing system (`data/language_scripts.tsv`),
  the text is not English;
- function words: for each language of `data/language_cues.tsv`, the share of the text's words
  that are among its most frequent function words. English prose has 35-50 % of them, biomedical
  English rarely less than 25 %; another language's text has a few percent of English ones.

Short texts (fewer than `MIN_WORDS` words) are never judged: there is too little to go on, and a
short English text must not fail for it. Long texts are judged on evenly spaced samples.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
ENGLISH = "en"
# Fewer words than this: no verdict (the text passes).
MIN_WORDS = 20
# Another language is detected when its share of function words is at least this...
MIN_SHARE = 0.12
# ...and English's share is below this fraction of it (mixed pages quote English brand names).
ENGLISH_MAX_RATIO = 0.67
# Fewer letters than this: no verdict on the script (Chinese or Japanese have no spaces to count words by).
MIN_LETTERS = 40
# Share of letters in one non-Latin script above which the text is in that script.
SCRIPT_MIN_SHARE = 0.5
# Texts longer than this are judged on SAMPLES windows of SAMPLE_CHARS characters.
SAMPLE_CHARS = 20_000
SAMPLES = 5
_LETTER = re.compile(r"[^\W\d_]")
_NON_ASCII_LETTER = re.compile(r"[^\W\d_\x00-\x7f]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def data_rows(name: str) -> list[list[str]]:
    path = DATA_DIR / name
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#") and "\t" in line]


@lru_cache(maxsize=1)
def function_words() -> dict[str, frozenset[str]]:
    """language code -> its most frequent function words (data/language_cues.tsv)."""
    return {code.strip(): frozenset(words.split()) for code, words, *_ in data_rows("language_cues.tsv")}


@lru_cache(maxsize=1)
def languages_by_word() -> dict[str, tuple[str, ...]]:
    """function word -> the languages it is a cue of: a text's words are looked up once, not once per language."""
    found: dict[str, list[str]] = {}
    for code, words in function_words().items():
        for word in words:
            found.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in found.items()}


@lru_cache(maxsize=1)
def script_labels() -> dict[str, str]:
    """First word of a letter's Unicode name -> the label reported (data/language_scripts.tsv)."""
    return {script.strip(): label.strip() for script, label, *_ in data_rows("language_scripts.tsv")}


def sample(text: str) -> str:
    """The text itself, or evenly spaced windows of it when it is long."""
    if len(text) <= SAMPLE_CHARS * SAMPLES:
        return text
    step = (len(text) - SAMPLE_CHARS) // (SAMPLES - 1)
    return "\n".join(text[i * step:i * step + SAMPLE_CHARS] for i in range(SAMPLES))


def script_of(text: str) -> str | None:
    """The label of the non-Latin script most letters are written in, if any."""
    if text.isascii():  # most texts: no letter of another script, nothing to count
        return None
    labels = script_labels()
    counts: Counter[str] = Counter()
    for character, n in Counter(_NON_ASCII_LETTER.findall(text)).items():
        label = labels.get(unicodedata.name(character, "").split(" ", 1)[0])
        if label:
            counts[label] += n
    if not counts:
        return None
    letters = len(_LETTER.findall(text))
    if letters < MIN_LETTERS:
        return None
    label, count = counts.most_common(1)[0]
    return label if count >= SCRIPT_MIN_SHARE * letters else None


def detect(text: str) -> str | None:
    """The language (code, or script name) the text is written in; None when too short to tell.

    Returns 'en' for English and for texts in no language of the cue list that are written in Latin
    letters: a language the check does not know is given the benefit of the doubt.
    """
    if not isinstance(text, str):
        return None
    text = sample(text)
    script = script_of(text)
    if script:
        return script
    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return None
    hits = dict.fromkeys(function_words(), 0)
    languages_of = languages_by_word()
    for word, count in Counter(words).items():
        for code in languages_of.get(word, ()):
            hits[code] += count
    shares = {code: found / len(words) for code, found in hits.items()}
    if not shares:
        return ENGLISH
    best = max(shares, key=lambda code: (shares[code], code == ENGLISH))
    english = shares.get(ENGLISH, 0.0)
    if best != ENGLISH and shares[best] >= MIN_SHARE and english < ENGLISH_MAX_RATIO * shares[best]:
        return best
    return ENGLISH


def not_english_reason(text: str) -> str | None:
    """'not English (detected: xx)' for a text in another language; None for English or too short."""
    detected = detect(text)
    if detected is None or detected == ENGLISH:
        return None
    return f"not English (detected: {detected})"
