"""Clean: turn one scraped article, plain text or raw HTML, into body text that NER can trust.

NER and relation extraction believe whatever they read, so every navigation word, date stamp,
'Related Posts' caption or promotional closer left in the text can become a false fact, and
every heading glued to a sentence breaks sentence splitting. This module removes that junk
while keeping every body sentence, and keeps what it removed so a user can audit it.

- HTML goes through trafilatura (main-content extraction plus title/date/author/url), then the
  same line filter as plain text for the junk extractors let through.
- Plain text goes through a line classifier in the spirit of jusText: each line is scored by
  length, stop-word density and punctuation, then short lines are decided by their neighbours
  (a heading is kept when text follows it, a bullet list when prose introduces it), and lines
  matching the cue lists in `data/` or recurring across many documents of the corpus go.
- Unicode is repaired first (NFC, odd spaces, invisible characters, curly quotes, mojibake).

Cue lists live in data files (`data/boilerplate*.txt`, `data/promo_cues.txt`,
`data/date_stamp_words.txt`) so they can grow without touching code. No function here raises
on a str input: a cleaner bug must not cost a document.
"""
from __future__ import annotations

import logging
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import ftfy
from ftfy import fixes

from extractors.glued_words import split_glued_words

DATA_DIR = Path(__file__).parent / "data"
LOGGER = logging.getLogger(__name__)

# A recall extraction wins over the precision one when the precision one kept less than this
# share of its words: then precision mode has locked onto a fragment (a paywall note, a caption).
PRECISION_MIN_SHARE = 0.25
# A later part of a split article body holds at least this many characters of paragraphs.
PART_MIN_CHARS = 200
# Cue patterns describe short junk lines; longer lines are paragraphs and are not searched.
PATTERN_MAX_CHARS = 400
FLOATING_MAX_CHARS = 160
# Lines that can be a title or a heading: at most this many words and characters.
HEADING_MAX_WORDS = 20
HEADING_MAX_CHARS = 160
# A heading left at the end of an extracted article is a caption of this many words at most.
CAPTION_MAX_WORDS = 8
# Titles and title repeats are looked for among the first lines only.
HEAD_LINES = 8
# Promotional closers are looked for among the last kept lines only.
TAIL_LINES = 3
# Long enough that two identical copies in one article are a scraping artefact, not style.
REPEAT_MIN_WORDS = 12
# A hard-wrapped line is at least this long; shorter lines are menus and titles, never joined.
WRAP_MIN_CHARS = 40
# A hard-wrapped line is full: with the next line's first word it would pass this share of the
# text's wrap width. Shorter lines are items of a list that lost its bullets ('pain during sex').
WRAP_FULL_SHARE = 0.8
# The wrap width is the length this many lines reach: a single long header line ('Handout HS-07 | Level 2 &
# Level 3 | Issue 4, September 2024') is no measure of where the writer's editor wrapped the text.
WRAP_WIDTH_RANK = 3
WRAP_OUTLIER_RATIO = 1.1  # a longest line this much longer than the ranked one stands out,
WRAP_OUTLIER_SHARE = 0.75  # where the ranked line still reaches this share of it (else the lines have no common width)
# or where this many lines reach WRAP_CLUSTER_SHARE of the ranked one: a common width, however long the outlier
# ('In this issue: President's Corner | Range Schedule | …', 101 characters, over 49 lines of 66 to 74)
WRAP_CLUSTER_LINES = 10
WRAP_CLUSTER_SHARE = 0.9
# Lines this long or shorter were wrapped by an editor; longer ones are whole paragraphs, each a block of its own.
WRAP_MAX_WIDTH = 100
# Share of a line's characters inside links above which it is navigation.
MAX_LINK_SHARE = 0.5


@dataclass(frozen=True)
class CleanedText:
    """The cleaned body plus what cleaning removed (for the audit file) and article metadata."""

    text: str
    removed: list[str] = field(default_factory=list)
    title: str | None = None
    date: str | None = None
    author: str | None = None
    url: str | None = None
    breadcrumb: str | None = None  # the last label of the page's breadcrumb trail: where the site files it


# ----------------------------------------------------------------------------------------------
# Data files


def data_lines(name: str) -> list[str]:
    """Non-empty lines of a data file; a line starting with '#' is a comment (regexes may hold '#')."""
    path = DATA_DIR / name
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def boilerplate_phrases() -> frozenset[str]:
    """Keys of whole lines that are always junk ('close', 'similar posts', 'leave a reply')."""
    return frozenset(line_key(line) for line in data_lines("boilerplate.txt"))


def compile_alternatives(patterns: list[str]) -> re.Pattern[str]:
    """One regex for a list of patterns, so a line is tested once instead of once per pattern."""
    valid = [pattern for pattern in patterns if compiles(pattern)]
    return re.compile("|".join(f"(?:{pattern})" for pattern in valid) or r"(?!x)x")


def compiles(pattern: str) -> bool:
    """A data file with one broken regex must not disable the others (or crash the cleaner)."""
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True


@dataclass(frozen=True)
class LinePatterns:
    """Cue patterns split by anchoring: `^`-anchored ones are tried at the line start only.

    Unanchored patterns are kept apart (one regex each keeps re's literal prefilters) and only
    tried on lines up to `anywhere_max_chars`: they describe credits and notices, not paragraphs.
    """

    at_start: re.Pattern[str]
    anywhere: tuple[re.Pattern[str], ...]
    anywhere_max_chars: int

    def search(self, text: str) -> bool:
        """Whether a pattern matches the line. Patterns are lower case and meet the lower-cased
        line: as fast again as case-insensitive matching."""
        lowered = text.lower()
        if self.at_start.match(lowered):
            return True
        return len(text) <= self.anywhere_max_chars and any(pattern.search(lowered) for pattern in self.anywhere)


def compile_line_patterns(patterns: list[str], anywhere_max_chars: int) -> LinePatterns:
    anchored = [pattern[1:] for pattern in patterns if pattern.startswith("^")]
    floating = [pattern for pattern in patterns if not pattern.startswith("^") and compiles(pattern)]
    return LinePatterns(compile_alternatives(anchored), tuple(re.compile(p) for p in floating), anywhere_max_chars)


@lru_cache(maxsize=1)
def boilerplate_patterns() -> LinePatterns:
    """Lines that are junk wherever they stand: stamps, bylines, widgets, credits."""
    return compile_line_patterns(data_lines("boilerplate_patterns.txt"), FLOATING_MAX_CHARS)


@lru_cache(maxsize=1)
def promo_cues() -> LinePatterns:
    """Calls to action: junk when they close an article (only the last lines are ever tested)."""
    return compile_line_patterns(data_lines("promo_cues.txt"), PATTERN_MAX_CHARS)


@lru_cache(maxsize=1)
def date_stamp_words() -> frozenset[str]:
    return frozenset(word.lower() for word in data_lines("date_stamp_words.txt"))


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """English stop words from jusText (a trafilatura dependency), the list its classifier uses."""
    try:
        import justext

        return frozenset(justext.get_stoplist("English"))
    except Exception:  # the classifier still runs on length and punctuation alone
        return frozenset()


# ----------------------------------------------------------------------------------------------
# Unicode

# Mojibake of UTF-8 read as Latin-1/cp1252 always shows a lead character (Â..ô) followed by a
# continuation character; text without that pair skips ftfy's slow encoding repair entirely.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
_SURROGATES = re.compile("[\ud800-\udfff]")
_ODD_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\v\f"
_INVISIBLES = "\u200b\u2060\ufeff\u00ad\u200e\u200f\u180e"
_ODD_SPACE = re.compile(f"[{_ODD_SPACES}]")
_INVISIBLE = re.compile(f"[{_INVISIBLES}]")
# ftfy's table-driven fixes run only on texts holding a character they change; which characters
# a text holds is one set() away, far cheaper than trying every fix on every text.
_LINE_BREAK_CHARS = frozenset("\r\u0085\u2028\u2029")
_CONTROL_CHARS = frozenset(map(chr, fixes.CONTROL_CHARS))
_LIGATURE_CHARS = frozenset(map(chr, fixes.LIGATURES))
_WIDTH_CHARS = frozenset(map(chr, fixes.WIDTH_MAP))
_CURLY_QUOTES = frozenset("\u02bc\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f")
_SPACE_CHARS = frozenset(_ODD_SPACES + _INVISIBLES)


def fix_unicode(text: str) -> str:
    """NFC text with plain spaces, no invisible characters, straight quotes and mojibake repaired.

    Why: the same word must look the same to the NER model and the vocabulary; 'body\u2019s',
    'bodyâ€™s' and 'body's' are one word, and a non-breaking space is a space.
    """
    text = as_text(text)
    if not text:
        return ""
    if not text.isascii() and _SURROGATES.search(text):
        text = _SURROGATES.sub("\ufffd", text)
    if not text.isascii() and _MOJIBAKE_HINT.search(text):
        text = ftfy.fix_text(text)
    characters = set(text)
    text = light_unicode_fixes(text, characters)
    if characters & _SPACE_CHARS:
        text = _INVISIBLE.sub("", _ODD_SPACE.sub(" ", text))
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def light_unicode_fixes(text: str, characters: set[str]) -> str:
    """ftfy's cheap fixes without its encoding detector, each run only where it has work to do."""
    if "&" in characters and ";" in characters:
        text = fixes.unescape_html(text)
    if characters & _LINE_BREAK_CHARS:
        text = fixes.fix_line_breaks(text)
    if characters & _CONTROL_CHARS:
        text = fixes.remove_control_chars(text)
    if characters & _LIGATURE_CHARS:
        text = fixes.fix_latin_ligatures(text)
    if characters & _WIDTH_CHARS:
        text = fixes.fix_character_width(text)
    if characters & _CURLY_QUOTES:
        text = fixes.uncurl_quotes(text)
    return text


def as_text(value: object) -> str:
    """Any input as str: bytes are decoded leniently, None and other objects become text or ''."""
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", errors="replace")
    return "" if value is None else str(value)


# ----------------------------------------------------------------------------------------------
# Line keys: the form under which two lines count as the same line

_KEY_WORD = re.compile(r"[^\W_]+")
_LETTER = re.compile(r"[^\W\d_]")
_DIGITS = re.compile(r"\d")


def line_key(text: str) -> str:
    """Lower-case words of a line, digits as 0, punctuation and markup dropped.

    Why: 'Similar Posts', '## Similar posts:' and '* similar posts' are one line, and '4 min
    read 20-03-2025' recurs across articles as '0 min read 00 00 0000'.
    """
    return text_key(split_bullet(strip_markdown(text)[0])[0])


def text_key(text: str) -> str:
    """line_key of text whose markup and bullet are already gone."""
    key = " ".join(_KEY_WORD.findall(text.casefold()))
    return _DIGITS.sub("0", key) if _DIGITS.search(key) else key


# ----------------------------------------------------------------------------------------------
# Markdown and bullets

_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_MD_LINK_TAIL = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)")
_MD_TOP_HEADING = re.compile(r"^\s{0,3}#\s+\S")  # '# Underactive thyroid': the page's own title
# A heading's attribute block (Pandoc, kramdown, Hugo: '## Treatment {#treatment .toc}') and closing hashes.
_MD_HEADING_TAIL = re.compile(r"\s*(?:\{:?\s*[#.][^{}\n]*\}|\s#+)\s*$")
_MD_EMPHASIS = re.compile(r"\*\*|__")
# '*really* itchy', '_never_': a word or phrase set in italics by single marks (not a bullet's '* ', nor 'marked *')
_MD_ITALICS = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\w*])|(?<![\w_])_(?=[^\s_])([^_\n]*?[^\s_])_(?![\w_])")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")
_BARE_URL = re.compile(r"(?:https?://|www\.)\S+")
_BULLET_GLYPHS = "\u2022\u00b7\u25aa\u25ab\u25e6\u25cf\u25cb\u25a0\u25a1\u27a2\u27a4\u25ba\u25b8\u25b6\u2713\u2714\u2705\u2611"
MIN_INTRODUCTION_WORDS = 2  # a line ending in ':' that introduces unbulleted items
MAX_UNBULLETED_ITEM_WORDS = 15  # a prose line between two unbulleted items is one of them up to this length
MAX_LIST_ITEM_WORDS = 30  # an unpunctuated line inside a block of list lines is an item up to this length
_BULLET = re.compile(rf"^\s*(?:[{_BULLET_GLYPHS}]\s*|[-*+\u2013\u2014]\s+|\(?\d{{1,3}}[.)]\s+|\(?\d{{1,3}}[.)]?\s*$)")
_BLOCKQUOTE = re.compile(r"^\s*>\s?")
_INDENTED_ARROW = re.compile(r"^ {2,}>\s+\S")
_EMPTY_QUOTE_LINE = re.compile(r"^(?:>\s*)+$")
# trafilatura writes list items as '- item'; numbers in its output are the page's own words.
_EXTRACTED_LIST_ITEM = re.compile(r"^- ")
# A heading's section number ('## 5. Treatment', '### 5.1 Symptomatic therapy') is no list number.
_SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+(?=\S)")


def strip_markdown(line: str) -> tuple[str, float, bool]:
    """Display text of one markdown-ish line, the share of it that was link text, and heading flag.

    Scrapers often save pages as markdown: links and images would otherwise reach NER as
    '[Asthma](/conditions/asthma)' and menus of links would look like text.
    """
    heading = "#" in line[:8] and bool(_MD_HEADING.match(line))
    if heading:
        line = _MD_HEADING_TAIL.sub("", _MD_HEADING.sub("", line, count=1))
    if line.lstrip().startswith(">"):
        line = _BLOCKQUOTE.sub("", line, count=1)
    link_chars = 0
    if "](" in line:
        line = _MD_IMAGE.sub("", line)
        link_chars = sum(len(match.group(1)) for match in _MD_LINK.finditer(line))
        line = _MD_LINK.sub(r"\1", line)
        tail = _MD_LINK_TAIL.search(line)
        if tail:  # the end of a link whose '[' opened on an earlier line: all of it was link text
            line = line[:tail.start()] + line[tail.end():]
            link_chars += tail.start()
    if line.startswith("[") and "]" not in line:  # a link that closes on a later line
        line = line[1:]
        link_chars = len(line)
    if "http" in line or "www." in line:
        link_chars += sum(len(match.group(0)) for match in _BARE_URL.finditer(line))
    if "**" in line or "__" in line:
        line = _MD_EMPHASIS.sub("", line)
    if "*" in line or "_" in line:
        line = _MD_ITALICS.sub(lambda match: match.group(1) or match.group(2), line)
    if "\\" in line:
        line = _MD_ESCAPE.sub(r"\1", line)
    line = " ".join(line.split())
    share = min(1.0, link_chars / len(line)) if line else 0.0
    return line, share, heading


def split_bullet(text: str, pattern: re.Pattern[str] = _BULLET) -> tuple[str, bool]:
    """Text without its bullet glyph or list number, and whether it was a list item."""
    match = pattern.match(text)
    if not match:
        return text, False
    return text[match.end():].strip(), True


# ----------------------------------------------------------------------------------------------
# Blocks: one line (or unwrapped paragraph) of the article with its features


@dataclass
class Block:
    """One line of an article being cleaned; `junk` is set once a rule removes it."""

    raw: str
    text: str
    bullet: bool = False
    md_heading: bool = False
    link_share: float = 0.0
    junk: bool = False
    reason: str = ""
    removed_prefix: str = ""  # a glued copy of the title or heading cut from the front, for the audit
    heading: bool = False  # kept as a heading (set by the context pass)
    recurring: bool = False  # a heading-like line that recurs across documents (a template caption)
    over_heading: bool = False  # a heading kept only because a sub-heading with text follows it
    after_blank: bool = True  # a blank line (or the start) comes before it: not a line of a block of lines
    _quality: tuple[str, str] | None = field(default=None, repr=False)

    @property
    def words(self) -> list[str]:
        return self.text.split()

    @property
    def key(self) -> str:
        return text_key(self.text)

    @property
    def quality(self) -> str:
        """Class of the line alone (see `line_class`), remembered for the text it was computed on."""
        if self._quality is None or self._quality[0] != self.text:
            self._quality = (self.text, line_class(self))
        return self._quality[1]


_TERMINAL = (".", "!", "?", "\u2026")
_CLOSERS = "\"')]\u201d\u2019*"


def ends_sentence(text: str) -> bool:
    return text.rstrip(_CLOSERS).endswith(_TERMINAL)


def stop_word_density(words: list[str]) -> float:
    if not words:
        return 0.0
    stops = stop_words()
    return sum(1 for word in words if word.lower() in stops or word.lower().strip(".,;:!?\"'()") in stops) / len(words)


def line_class(block: Block) -> str:
    """jusText-style class from the line alone: good prose, near-good, short, or bad (long, no prose)."""
    words = block.words
    count, density = len(words), stop_word_density(words)
    if (count >= 12 and density >= 0.2) or (count >= 25 and density >= 0.12):
        return "good"
    if count >= 5 and density >= 0.15 and ends_sentence(block.text):
        return "neargood"
    if count >= 4 and density >= 0.25 and block.text.endswith(":"):  # 'Common symptoms include:'
        return "neargood"
    return "short" if count < 12 else "bad"


def is_prose(block: Block) -> bool:
    return block.quality in ("good", "neargood")


def heading_like(block: Block) -> bool:
    """Short, unpunctuated (or a question/colon), capitalised: how titles and section headings look."""
    text = block.text
    if not text or len(text) > HEADING_MAX_CHARS or len(block.words) > HEADING_MAX_WORDS:
        return False
    if text.rstrip(_CLOSERS).endswith(".") and not block.md_heading:
        return False
    return block.md_heading or text[0].isupper() or text[0].isdigit()


# ----------------------------------------------------------------------------------------------
# From raw text to blocks

_GLUE_HINT = re.compile(r"[a-z)][.!?:][A-Z]")
_GLUED_SENTENCE = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
_GLUED_COLON = re.compile(r"(?<=[a-z]):(?=[A-Z][a-z])")
_GLUED_QUESTION_HEADING = re.compile(r"^(.{6,150}?[a-z)]\?)(?=[A-Z][a-z])")


# A reader's question signed by its asker ('"Which treatments work?" – Sam, 41'): the signature goes,
# so the question stands alone on its line as the heading it is.
_ASKER_SIGNATURE = re.compile(r"(?<=\?[\"\u201d])\s*[\u2013\u2014-]\s*[A-Z][\w'.-]*(?:\s[A-Z][\w'.-]*)?(?:,\s*\d{1,3})?\s*$")
# Encyclopedia citation and edit marks: 'the disease.[21]', 'Signs and symptoms[edit]', '[citation needed]'.
_CITATION_MARK = re.compile(r"\[(?:\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*|edit|citation needed|clarification needed|note \d{1,3})\]")


def text_blocks(text: str, bullets: re.Pattern[str] = _BULLET, split_words: bool = True,
                full_lines_wrap: bool = True) -> list[Block]:
    """Lines of the text as blocks, hard-wrapped lines joined back into their paragraph.

    Words glued where a scraper dropped a link are split in scraped text (split_words); text that
    trafilatura extracts from HTML here keeps its spaces, and its rare words stay as written. In
    plain text only a full line wraps (full_lines_wrap); in extracted HTML any unfinished line does.
    """
    blocks: list[Block] = []
    previous_blank = True
    lines = text.split("\n")
    width = wrap_width(lines) if full_lines_wrap else 0
    prose_wrapped = wraps_prose(lines, width)
    for index, raw_line in enumerate(lines):
        raw = raw_line.strip()
        if not raw or _EMPTY_QUOTE_LINE.match(raw):  # '>' alone: a blank line inside a markdown box
            previous_blank = True
            continue
        quoted_item = bool(_INDENTED_ARROW.match(raw_line))  # '  > a bad headache': a handout's item, not a quote
        display, link_share, md_heading = strip_markdown(raw)
        md_heading = md_heading or boxed_line(lines, index) or numbered_capitals_heading(display)
        display = _ASKER_SIGNATURE.sub("", _CITATION_MARK.sub("", display))
        if md_heading:
            display, bullet = _SECTION_NUMBER.sub("", display, count=1), False
        else:
            display, bullet = split_bullet(display, bullets)
            bullet = bullet or quoted_item
        block = Block(raw=raw, text=display, bullet=bullet, md_heading=md_heading, link_share=link_share,
                      after_blank=previous_blank)
        if blocks and not previous_blank and continues_wrapped_line(blocks[-1], block, width, prose_wrapped):
            join_wrapped(blocks[-1], block)
        else:
            blocks.append(block)
        previous_blank = False
    return [piece for block in blocks for piece in unglue(block, split_words)]


MIN_CAPITALS_HEADING_WORDS = 3  # '1. ACE INHIBITORS' may be a list's item; '2. NOT THE SAME THING: MORPHOEA' heads a section


def numbered_capitals_heading(line: str) -> bool:
    """A numbered line in capitals ('1. FEATURE: LIVING WITH SYSTEMIC SCLEROSIS'): a plain-text newsletter's section
    heading, not a list's item, wherever its rule lines stand (above it only, or not at all)."""
    match = _SECTION_NUMBER.match(line)
    rest = line[match.end():].strip() if match else ""
    letters = [char for char in rest if char.isalpha()]
    return (len(rest.split()) >= MIN_CAPITALS_HEADING_WORDS and all(char.isupper() for char in letters)
            and not rest.endswith((".", ",", ";")))


def boxed_line(lines: list[str], index: int) -> bool:
    """A line between two rule lines ('-----' above and below '3. FEATURE: ALL ABOUT PoTS'): a plain-text
    newsletter's section heading, however it is numbered or punctuated."""
    return 0 < index < len(lines) - 1 and all(
        _RULE_LINE.match(lines[neighbour].replace(" ", "").strip()) for neighbour in (index - 1, index + 1))


def wrap_width(lines: list[str]) -> int:
    """Where the text's lines were wrapped: its longest line of words, unless that stands out alone (a header line
    much longer than the WRAP_WIDTH_RANK-th longest, which the wrapped lines reach)."""
    lengths = sorted((len(line.strip()) for line in lines if any(char.isalpha() for char in line)), reverse=True)
    if not lengths:
        return 0
    ranked = lengths[min(WRAP_WIDTH_RANK, len(lengths)) - 1]
    common = (WRAP_OUTLIER_SHARE * lengths[0] <= ranked
              or sum(1 for length in lengths if length >= WRAP_CLUSTER_SHARE * ranked) >= WRAP_CLUSTER_LINES)
    return ranked if common and ranked < lengths[0] / WRAP_OUTLIER_RATIO else lengths[0]


def wraps_prose(lines: list[str], width: int) -> bool:
    """Whether an editor wrapped the text's paragraphs: at least WRAP_WIDTH_RANK full lines break off mid-sentence
    with the next line going on in lowercase. Only then does a full line ending a sentence go on in the next line."""
    if not width or width > WRAP_MAX_WIDTH:
        return False
    stripped = [line.strip() for line in lines]
    breaks = sum(1 for line, after in zip(stripped, stripped[1:])
                 if len(line) >= WRAP_FULL_SHARE * width and after[:1].islower() and not line.endswith((*_TERMINAL, ":")))
    return breaks >= WRAP_WIDTH_RANK


# words no sentence ends with: a full line ending in one goes on in the next, whatever its first letter
WRAPPING_WORDS = frozenset({"a", "an", "the", "at", "of", "to", "in", "on", "for", "with", "and", "or", "by", "from",
                            "your", "their", "our", "his", "her", "its", "is", "are", "was", "be", "as", "than"})


def continues_wrapped_line(previous: Block, block: Block, width: int, prose_wrapped: bool = False) -> bool:
    """A line that goes on with the sentence the previous (full, unfinished) line started, or in wrapped prose
    (prose_wrapped) with the paragraph a full line's finished sentence belongs to."""
    if block.bullet or block.md_heading or previous.md_heading or not block.text:
        return False
    ending = previous.text.rstrip(_CLOSERS)
    if len(previous.text) < WRAP_MIN_CHARS or ending.endswith(":"):
        return False
    last_line = previous.raw.rsplit("\n", 1)[-1]
    if width and len(last_line) + 1 + len(block.text.split(" ", 1)[0]) <= WRAP_FULL_SHARE * width:
        return False  # room left on the line: the writer broke it, as after a list item
    if ending.endswith(_TERMINAL):
        # a full line of hard-wrapped prose ends with a sentence that the next line's goes on from, in the same
        # paragraph ('… after contact with a product or gloves.' + 'These are signs of anaphylaxis. Use …')
        return prose_wrapped and block.text[0].isupper() and (
            len(block.text) >= WRAP_MIN_CHARS or block.text.rstrip(_CLOSERS).endswith(_TERMINAL))
    if ending.endswith(";") and not block.text[0].islower():  # '… feels dry and tight;' + 'then it cracks'
        return False
    # '… pregnancy' + '(after 20 weeks) or …'; '… dip your urine at' + 'EVERY antenatal appointment'; in
    # hard-wrapped prose a full line's unfinished sentence goes on whatever its next word ('… and hypermobile' +
    # 'Ehlers-Danlos syndrome.')
    return (block.text[0].islower() or (block.text[0] == "(" and block.text[1:2].isalnum())
            or (bool(width) and last_line.rsplit(" ", 1)[-1].lower() in WRAPPING_WORDS)
            or (prose_wrapped and not previous.bullet and previous.text[-1:].islower() and is_prose(previous) and (
                len(block.text) >= WRAP_MIN_CHARS or block.text.rstrip(_CLOSERS).endswith(_TERMINAL))))


def join_wrapped(previous: Block, block: Block) -> None:
    if previous.text.endswith("-") and previous.text[-2:-1].isalpha():
        previous.text = previous.text[:-1] + block.text
    else:
        previous.text = f"{previous.text} {block.text}"
    previous.raw = f"{previous.raw}\n{block.raw}"


def unglue(block: Block, split_words: bool = True) -> list[Block]:
    """Space out words and sentences glued by removed markup; split a question heading glued to its text.

    'Plaque psoriasis.The most common' -> '... psoriasis. The most common';
    'Does Lupus Cause Back Pain?Lupus, scientifically known as' -> heading + paragraph.
    """
    if split_words:
        block.text = split_glued_words(block.text)  # 'Plaque psoriasisis the most common type'
    if not _GLUE_HINT.search(block.text):
        return [block]
    text = _GLUED_SENTENCE.sub(" ", block.text)
    text = _GLUED_COLON.sub(": ", text)
    match = _GLUED_QUESTION_HEADING.match(text)
    if match and len(match.group(1).split()) <= HEADING_MAX_WORDS and not block.bullet:
        heading = Block(raw=block.raw, text=match.group(1), md_heading=block.md_heading)
        rest = Block(raw=block.raw, text=text[match.end():].strip(), link_share=block.link_share, after_blank=False)
        return [heading, rest]
    block.text = text
    return [block]


# ----------------------------------------------------------------------------------------------
# Dates and bylines

_MONTHS = {name: number for number, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1) for name in names}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_PATTERNS = [
    re.compile(r"\b(?P<year>\d{4})[-/.](?P<a>\d{1,2})[-/.](?P<b>\d{1,2})(?!\d)"),  # also 2024-01-15T10:00
    re.compile(r"\b(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})[-/.](?P<year>\d{4})\b"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.IGNORECASE),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.IGNORECASE),
]
_STAMP_TOKEN = re.compile(r"[\w.]+")
# 'By Dr Priya Natarajan (Masters W8, GP) with …'; in any case, as under a newsletter's feature heading:
# 'by Sister Joanne Pryce, Rheumatology Clinical Nurse Specialist'.
_BYLINE = re.compile(r"^(?:By|BY|by|Written by|Words by|Posted by|Author:|Authors:)\s+"
                     r"(?P<name>[A-Z][\w'.-]+(?:\s+(?:[A-Z][\w'.-]+|de|van|von|da|del|la|and|&)){0,5})"
                     r"\s*(?:[,(|\u2022\u00b7\u2014\u2013-].{0,80})?$")
# A forum thread's opener: the poster goes by a user name, not a capitalised person's name.
_THREAD_BYLINE = re.compile(r"^(?:Started|Posted) by:?\s+(?P<name>[\w.-]+)\s*(?:[,|\u2022\u00b7\u2014\u2013-].{0,60})?$")


def find_iso_date(text: str) -> tuple[str | None, tuple[int, int] | None]:
    """The first unambiguous calendar date in the text as ISO 'YYYY-MM-DD', and where it stands."""
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            iso = iso_from_match(match)
            if iso:
                return iso, match.span()
    return None, None


def iso_from_match(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if groups.get("month"):
        month, day = _MONTHS[groups["month"].lower().rstrip(".")], int(groups["day"])
    elif match.re is _DATE_PATTERNS[0]:
        month, day = int(groups["a"]), int(groups["b"])
    else:
        first, second = int(groups["a"]), int(groups["b"])
        if first > 12 >= second:
            day, month = first, second
        elif second > 12 >= first:
            month, day = first, second
        else:  # 03-04-2025: April or March? Unknown is better than wrong.
            return None
    try:
        return date(year, month, day).isoformat() if 1900 <= year <= 2100 else None
    except ValueError:
        return None


def date_stamp(text: str) -> str | None:
    """ISO date when the whole line is a date stamp ('4 min read 20-03-2025', 'Updated March 3, 2024')."""
    if len(text) > 80 or not _DIGITS.search(text):
        return None
    iso, span = find_iso_date(text)
    if not iso or span is None:
        return None
    rest = (text[:span[0]] + " " + text[span[1]:]).lower()
    leftover = [token for token in _STAMP_TOKEN.findall(rest)
                if token.strip(".") not in date_stamp_words() and not token.replace(".", "").isdigit()]
    return iso if len(leftover) <= 1 else None


def byline_author(text: str) -> str | None:
    match = _BYLINE.match(text) or _THREAD_BYLINE.match(text)
    return match.group("name").strip() if match else None


# ----------------------------------------------------------------------------------------------
# Rules


@dataclass
class Metadata:
    title: str | None = None
    date: str | None = None
    author: str | None = None
    breadcrumb: str | None = None


def mark(block: Block, reason: str) -> None:
    block.junk, block.reason = True, reason


def mark_hard_junk(blocks: list[Block], recurring: frozenset[str], metadata: Metadata,
                   drop_repeated_paragraphs: bool = True) -> None:
    """Rules that need no context: cue lists, stamps, bylines, link menus, recurring lines, repeats.

    A line equal to the line before it always goes (a scraper doubled it); a long paragraph
    repeated later goes in plain text, where scrapers duplicate blocks, but not in extracted
    HTML, where repeats are the page's own (recipe steps, table rows).
    """
    phrases, patterns = boilerplate_phrases(), boilerplate_patterns()
    seen_long: set[str] = set()
    previous_key = ""
    listed = introduced_lines(blocks) if recurring else frozenset()
    body_started = False
    for index, block in enumerate(blocks):
        key = block.key
        # a byline heads the article: in the first lines, or anywhere above its first paragraph of prose (sentences,
        # not a promotion strip), however long the site's menus before it ('By Imogen Achterberg MPharm, …')
        in_head = index < HEAD_LINES * 2 or not body_started
        reason = hard_junk_reason(block, key, in_head, phrases, patterns, recurring, metadata, index in listed)
        if not reason and key and (key == previous_key or (key in seen_long)):
            reason = "repeated line"
        if reason:
            mark(block, reason)
            continue
        body_started = body_started or (is_prose(block) and block.text.rstrip(_CLOSERS).endswith((".", "!", "?")))
        previous_key = key
        if drop_repeated_paragraphs and not block.bullet and len(block.words) >= REPEAT_MIN_WORDS:
            seen_long.add(key)


def introduced_lines(blocks: list[Block]) -> frozenset[int]:
    """Positions of the short lines right after a list introduction ('Symptoms include:' / 'Fatigue.').

    Such a line may recur across articles ('Fatigue.' in many symptom lists) without being a
    template line; whether it stays is decided with its list, as a bullet's is.
    """
    listed: set[int] = set()
    introduced = False
    for position, block in enumerate(blocks):
        short = len(block.words) <= MAX_LIST_ITEM_WORDS
        if introduced and short and not block.md_heading and not block.text.endswith(":"):
            listed.add(position)
        else:
            introduced = introduces_list(block)
    return frozenset(listed)


_MARKUP_ONLY = re.compile(r"^\s*(?:</?[A-Za-z][^<>]*>\s*)+$")


def hard_junk_reason(block: Block, key: str, in_head: bool, phrases: frozenset[str], patterns: LinePatterns,
                     recurring: frozenset[str], metadata: Metadata, listed: bool = False) -> str:
    text = block.text
    if not key or not _LETTER.search(text):
        return "no words"
    if _MARKUP_ONLY.match(text):
        return "markup"  # '<a id="main"></a>' in a markdown dump: a tag, no text
    if key in phrases:
        return "boilerplate phrase"
    if block.link_share > MAX_LINK_SHARE and not block.bullet and not is_prose(block):
        return "link menu"  # linked list items are judged with their list (a menu, or a list of causes)
    stamp = date_stamp(text)
    if stamp:
        metadata.date = metadata.date or stamp
        return "date stamp"
    author = byline_author(text) if in_head else None
    if author:  # before the patterns, which know 'Written by …' too: a byline marks the headline above it
        metadata.author = metadata.author or author
        return "byline"
    if len(text) <= PATTERN_MAX_CHARS and patterns.search(text):
        return "boilerplate pattern"
    if key in recurring:
        if block.bullet or listed or (heading_like(block) and len(block.words) <= 6):
            block.recurring = True  # 'Symptoms' recurs as a real heading; decided by what follows
        else:
            return "recurs across documents"
    if looks_like_reference(text):
        return "reference"
    if looks_like_menu_row(block.raw) or looks_like_glued_menu(text):
        return "menu row"
    return ""


_WIDE_GAP = re.compile(r"\t+| {2,}")
_CRUMB = re.compile(r"\s[>\u203a\u00bb]\s")
MENU_MIN_ITEMS = 4  # 'Home   About IBD   Living with IBD   Research': a nav bar flattened to one line
MENU_ITEM_MAX_WORDS = 4
CRUMB_MIN_ITEMS = 3  # 'Home > Conditions > Crohn's disease'
PIPED_MENU_MIN_ITEMS = 3  # 'Print this bulletin | Email to a colleague | Mark as read'
_BAR = re.compile(r"\s+\|\s+")
_BRACKETED_LABELS = re.compile(rf"^(?:\[[^\[\]]{{1,40}}\]\s*){{{MENU_MIN_ITEMS},}}$")


_MARKDOWN_LINK = re.compile(r"\[([^\[\]]+)\]\([^()]*\)")


def breadcrumb_page(blocks: list[Block]) -> str | None:
    """The last label of a breadcrumb trail among the page's first lines ('Home > Resources > Field briefings >
    Communicable diseases > Epidemic typhus'): the page's own place on its site, which names its subject where the
    title is the site's name."""
    for block in blocks[:HEAD_LINES * 3]:
        trail = breadcrumb_trail(block.raw) if block.junk else []
        if trail and (label := _MARKDOWN_LINK.sub(r"\1", trail[-1]).strip(" *_#")):
            return label
    return None


def breadcrumb_trail(raw: str) -> list[str]:
    """The labels of a breadcrumb trail ('Home > Conditions > Crohn's disease'); [] for any other line."""
    crumbs = _CRUMB.split(raw.strip())
    if len(crumbs) >= CRUMB_MIN_ITEMS and all(0 < len(crumb.split()) <= MENU_ITEM_MAX_WORDS + 2 for crumb in crumbs):
        return crumbs
    return []


def looks_like_menu_row(raw: str) -> bool:
    """A row of short link labels set apart by wide gaps, or a breadcrumb trail: how a scraper
    flattens a site's navigation bar into one line of plain text."""
    if _BRACKETED_LABELS.match(raw.strip()):
        return True  # '[Home] [Forums] [Builds] [Deals]': a forum's link bar saved as plain text
    items = [item for item in _WIDE_GAP.split(raw.strip()) if item]
    if len(items) >= MENU_MIN_ITEMS and all(len(item.split()) <= MENU_ITEM_MAX_WORDS and not ends_sentence(item)
                                            for item in items):
        return True
    # 'Logged in as: staff | Log out | Rota | Training Matrix | Policies': labels set apart by bars (not a table row,
    # nor a leaflet's details, which hold numbers: 'Leaflet ref: PI-HAEM-014 | Version 5 | Published: June 2024')
    labels = _BAR.split(raw.strip())
    if (len(labels) >= PIPED_MENU_MIN_ITEMS and not raw.lstrip().startswith("|") and not any(c.isdigit() for c in raw)
            and all(0 < len(label.split()) <= MENU_ITEM_MAX_WORDS and not ends_sentence(label) for label in labels)):
        return True
    return bool(breadcrumb_trail(raw))


GLUED_MENU_MIN_WORDS = 10
GLUED_MENU_CAPITALISED_SHARE = 0.8
GLUED_MENU_MIN_NAV_WORDS = 2  # 'Home' and 'Contact': one alone may open a title-case headline ('… At Home')
_NAV_WORDS = frozenset({"home", "contact", "about", "login", "menu", "search", "news"})
_SENTENCE_MARKS = frozenset(".,;:!?")


_LABEL_JOIN = re.compile(r"(?<=[a-z])(?=[A-Z])")  # 'HomeAbout UsOur Care': labels whose spaces the scraper dropped


def looks_like_glued_menu(text: str) -> bool:
    """A navigation bar whose labels a scraper ran together with single spaces ('Home About Us Meet the
    Team Treatments General Dentistry Hygiene & Gum Health Gum Disease Whitening …') or with none
    ('Willowbrook House Care HomeAbout UsOur CareResidentialNursing…Contact'): a long line of capitalised
    words without a sentence mark that names two of a site's usual pages."""
    words = _LABEL_JOIN.sub(" ", text).split()
    if len(words) < GLUED_MENU_MIN_WORDS or _SENTENCE_MARKS & set(text):
        return False
    capitalised = sum(1 for word in words if word[0].isupper() or not word[0].isalpha())
    return (capitalised >= GLUED_MENU_CAPITALISED_SHARE * len(words)
            and len(_NAV_WORDS & {word.lower() for word in words}) >= GLUED_MENU_MIN_NAV_WORDS)


_REFERENCE_CUES = re.compile(
    r"\bdoi\s*[:.]\s*10\.\d{3,}|\bPMID:?\s*\d|\bAccessed (?:on )?(?:\d{1,2} )?[A-Z][a-z]{2,8}\.? \d")
_REFERENCE_AUTHORS = re.compile(r"[A-Z][\w'-]+ (?:[A-Z]{2,3}\.|[A-Z]{1,3},? et al\.).*\b(?:19|20)\d\d\b")


def looks_like_reference(text: str) -> bool:
    """A bibliography entry ('Dinulos JGH. Psoriasis ... Elsevier; 2021.'): sources, not statements."""
    if _REFERENCE_AUTHORS.match(text):
        return True
    return ("doi" in text or "PMID" in text or "Accessed" in text) and bool(_REFERENCE_CUES.search(text))


def apply_title(blocks: list[Block], title: str | None, infer: bool) -> str | None:
    """Find (or use) the title and remove its repeats at the top of the text.

    Seeds repeat the title as a line, sometimes three times, and glue it to the first sentence
    ('What autoimmune disease causes back pain Autoimmune diseases are ...'): that repetition is
    not body text, and the glued copy would make the first sentence wrong.
    """
    head = [block for block in blocks[:HEAD_LINES * 2] if not block.junk][:HEAD_LINES]
    if not title and infer:
        title = infer_title(blocks)
    if not title:
        return None
    variants = title_variants(title)
    for block in head:
        if block.key in variants:
            mark(block, "title")
        else:
            strip_title_prefix(block, title)
    return title


def markdown_title(blocks: list[Block]) -> str | None:
    """The first level-one heading of a markdown dump: the page's title, even where a breadcrumb
    repeating it ('4. Underactive thyroid (hypothyroidism)') made it look like a repeated line."""
    for block in blocks:
        if block.md_heading and _MD_TOP_HEADING.match(block.raw) and block.text.strip():
            return block.text.strip()
    return None


def infer_title(blocks: list[Block]) -> str | None:
    """The headline right above the article's date stamp or byline, else the first line, when it
    is short, unpunctuated and more text follows it."""
    content = [block for block in blocks if not block.junk]
    if len(content) < 2:
        return None
    above_stamp, stamp = headline_above_stamp(blocks)
    # a forum thread's 'Started by' line vouches for a long title ('THREAD: PSA + question - my eyes were wrecked …');
    # a news story's standfirst above its byline is no title however long
    max_words = THREAD_TITLE_MAX_WORDS if stamp is not None and _THREAD_BYLINE.match(stamp.text) else HEADING_MAX_WORDS
    if above_stamp is not None and looks_like_title(above_stamp, max_words):
        return above_stamp.text
    return content[0].text if looks_like_title(content[0]) else None


def headline_above_stamp(blocks: list[Block]) -> tuple[Block | None, Block | None]:
    """The line a page's date stamp or byline follows: its headline, where the first line of a
    scraped page is the site's name ('Northgate Workplace Health' … 'Long COVID: a guide for
    employers' / 'Updated 14 January 2026 | 9 minute read'), and that stamp or byline."""
    above: Block | None = None
    for block in blocks[:HEAD_LINES * 3]:
        if block.junk and block.reason in _STAMP_REASONS:
            return above, block
        if not block.junk:
            above = block
    return None, None


_STAMP_REASONS = ("date stamp", "byline")


THREAD_TITLE_MAX_WORDS = 30


def looks_like_title(block: Block, max_words: int = HEADING_MAX_WORDS) -> bool:
    if block.bullet or len(block.words) > max_words or len(block.text) > 200:
        return False
    return block.md_heading or not block.text.rstrip(_CLOSERS).endswith(".")


def title_variants(title: str) -> set[str]:
    """Keys of the title and of its parts around ' | ' or ' - ' (site names ride along in titles)."""
    variants = {text_key(title)}
    for separator in (" | ", " - ", " \u2013 ", " \u2014 ", " :: "):
        if separator in title:
            variants.update(text_key(part) for part in title.split(separator) if len(part.split()) >= 2)
    return {variant for variant in variants if variant}


def strip_title_prefix(block: Block, title: str) -> None:
    """Cut a copy of the title glued in front of the first sentence; the cut part goes to the audit.

    Only titles of three words or more: 'Asthma UK says ...' under the title 'Asthma' is a sentence.
    """
    if len(title.split()) < 3:
        return
    if len(block.text) > len(title) + 1 and block.text.lower().startswith(title.lower()) \
            and starts_new_sentence(block.text[len(title):]):
        block.removed_prefix = block.text[:len(title)]
        block.text = block.text[len(title):].lstrip(" :-\u2013\u2014|")


def starts_new_sentence(rest: str) -> bool:
    """What follows a cut prefix begins a sentence: 'Chest tightness is often ...' is no glued heading."""
    stripped = rest.lstrip(" :-\u2013\u2014|")
    return bool(stripped) and (stripped[0].isupper() or stripped[0].isdigit() or stripped[0] in "\"'(")


def strip_repeated_heading(blocks: list[Block]) -> None:
    """'What Are The Common Symptoms?' then 'What Are The Common Symptoms?Some symptoms are ...': cut the copy."""
    previous: Block | None = None
    for block in blocks:
        if block.junk:
            continue
        if previous is not None and heading_like(previous) and len(previous.words) >= 2:
            prefix = previous.text
            rest = block.text[len(prefix):]
            glued = rest[:1] != " " or prefix.endswith(("?", "!", ":"))
            if rest and block.text.startswith(prefix) and glued and starts_new_sentence(rest):
                block.removed_prefix = prefix
                block.text = block.text[len(prefix):].strip()
        previous = block


def introduces_list(block: Block) -> bool:
    """A kept line ending in ':' that reads as a phrase ('Other symptoms include:'),
    not a caption ('Share:', 'Quick Links:')."""
    words = block.words
    return (not block.junk and block.text.endswith(":") and len(words) >= MIN_INTRODUCTION_WORDS
            and any(word[:1].islower() for word in words[1:]))


def mark_unbulleted_items(blocks: list[Block]) -> None:
    """Short lines right after a list introduction ('Other symptoms can include:') are its items even
    without bullets ('swelling in and around the joint', 'colchicine'): scraped text often loses them.

    The run ends at a removed line, prose, or a heading-like line (capitalised, unpunctuated) that
    stands apart: one inside a block of lines without blank lines between them is an item ('Wheezing'
    under 'They can include:'). A sentence of prose between two items is an item too ('Nervous system
    injury, including numbness and tingling in the feet and hands.' before 'Joint pain.').
    """
    def item_shaped(block: Block) -> bool:
        """A short line, or a longer one without a full stop ('Pulmonary rehabilitation, a program that …')."""
        if block.junk or block.bullet or block.md_heading:
            return False
        return block.quality in ("short", "neargood") or (
            block.quality == "good" and not ends_sentence(block.text) and len(block.words) <= MAX_LIST_ITEM_WORDS)

    def is_item(block: Block, following: Block | None) -> bool:
        """An item-shaped line; a heading-like or long one only inside a block of lines
        ('Wheezing' between two items)."""
        if not item_shaped(block):
            return False
        if not heading_like(block) and block.quality != "good":
            return True
        glued_to_next = following is not None and not following.after_blank and item_shaped(following)
        last_of_block = not block.after_blank and (following is None or following.after_blank)
        return glued_to_next or last_of_block

    introduced = False
    for position, block in enumerate(blocks):
        following = blocks[position + 1] if position + 1 < len(blocks) else None
        after_next = blocks[position + 2] if position + 2 < len(blocks) else None
        sandwiched = (not block.junk and not block.bullet and not block.md_heading and block.quality == "good"
                      and len(block.words) <= MAX_UNBULLETED_ITEM_WORDS
                      and following is not None and is_item(following, after_next))
        if introduced and (is_item(block, following) or sandwiched):
            block.bullet = True
        else:
            introduced = not block.bullet and introduces_list(block)


def mark_bullet_runs(blocks: list[Block], html_mode: bool) -> None:
    """Keep a list when prose or a heading with text introduces it; drop menus and link lists."""
    next_content = next_content_positions(blocks)
    index = 0
    while index < len(blocks):
        if not blocks[index].bullet:
            index += 1
            continue
        end = index
        while end < len(blocks) and blocks[end].bullet:
            end += 1
        run = [block for block in blocks[index:end] if not block.junk]
        references = sum(1 for block in blocks[index:end] if block.reason == "reference")
        if references * 2 >= end - index:  # a bibliography: its odd entries go with it
            for block in run:
                mark(block, "reference")
            run = []
        lead_in = list_lead_in(blocks, index)
        after = blocks[next_content[end]] if next_content[end] < len(blocks) else None
        if run and not list_is_kept(run, lead_in, after, html_mode):
            for block in run:
                mark(block, "link list or menu")
        index = end


def list_lead_in(blocks: list[Block], index: int) -> Block | None:
    """The line before a list, past a rule line underlining a heading ('HYGIENE MEASURES' / '-----' / '* wash hands');
    none where the rule line closes another list (a bulletin's contents, then '-----', then '1. FEATURE: …')."""
    start = index
    while index > 0 and is_rule_line(blocks[index - 1]):
        index -= 1
    if index == 0 or (index < start and blocks[index - 1].bullet):
        return None
    return blocks[index - 1]


def next_content_positions(blocks: list[Block]) -> list[int]:
    """For each position, the first position at or after it holding a kept block (len if none)."""
    positions = [len(blocks)] * (len(blocks) + 1)
    for position in range(len(blocks) - 1, -1, -1):
        positions[position] = position if not blocks[position].junk else positions[position + 1]
    return positions


def list_is_kept(run: list[Block], lead_in: Block | None, after: Block | None, html_mode: bool) -> bool:
    if lead_in is not None and (lead_in.recurring or (lead_in.junk and lead_in.reason == "boilerplate phrase")):
        return False  # 'Related', 'More Information', a template caption: a list of links follows
    linked = sum(1 for block in run if block.link_share > MAX_LINK_SHARE)
    if linked * 2 > len(run) and not (lead_in is not None and not lead_in.junk and is_prose(lead_in)):
        return False  # a menu of links; a list of linked terms is kept only when prose introduces it
    if sum(1 for block in run if is_prose(block)) * 2 >= len(run):
        return True
    if lead_in is None or html_mode:  # the extractor already judged lists inside the article
        return True
    if lead_in.junk:
        return False
    if introduces_list(lead_in):
        return True
    if is_prose(lead_in):
        return lead_in.text.endswith(":") or (after is not None and is_prose(after)) or len(run) == 1
    return heading_like(lead_in) and after is not None and (is_prose(after) or heading_like(after))


CONTEXT_REASON = "short line without text around it"  # the context pass's reasons (keep_whole_tables reads them)
NOT_PROSE_REASON = "not prose"


def mark_by_context(blocks: list[Block]) -> None:
    """Decide lines that are neither prose nor junk by their neighbours (right to left).

    A heading stays when text or a kept list follows it, or when a heading with text follows it
    directly (section, then sub-section); a heading whose next line was removed captioned a menu.
    Other short lines stay only between two prose lines; near-prose stays unless both of its
    neighbours are weak.
    """
    labels = {id(block): block.quality for block in blocks if not block.junk}
    before_of = previous_content_blocks(blocks)  # marks below only touch this block or later ones
    kept_after: Block | None = None
    junk_since_kept = False
    for position in range(len(blocks) - 1, -1, -1):
        block = blocks[position]
        if block.junk:
            # a rule under a heading ('PART 1: GESTATIONAL DIABETES' over '-----' over 'What is it?') frames it
            junk_since_kept = junk_since_kept or not is_rule_line(block)
            continue
        label = labels[id(block)]
        if block.bullet or label == "good":
            keep = True
        elif label == "neargood":
            before = before_of[position]
            keep = not (nearest_is_weak(before, labels) and nearest_is_weak(kept_after, labels))
        elif heading_like(block):
            keep = heading_is_kept(kept_after, junk_since_kept, labels)
            if block.recurring and kept_after is not None and labels.get(id(kept_after)) not in ("good", "neargood"):
                keep = False  # a template caption over a list or another caption
        else:
            before = before_of[position]
            text_after = kept_after is not None and labels.get(id(kept_after)) in ("good", "neargood")
            # a lowercase line opens no menu: an item whose bullet the scraper dropped ('get plenty of rest'
            # under 'Do'), kept when text follows it
            keep = text_after and ((before is not None and labels[id(before)] in ("good", "neargood"))
                                   or block.text[:1].islower())
        if keep:
            block.heading = heading_like(block) and label not in ("good", "neargood") and not block.bullet
            block.over_heading = block.heading and kept_after is not None and kept_after.heading
            kept_after, junk_since_kept = block, False
        else:
            mark(block, CONTEXT_REASON if label != "bad" else NOT_PROSE_REASON)


_TABLE_ROW_LINE = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE_LINE = re.compile(r"^[\s|:+-]*$")


def keep_whole_tables(blocks: list[Block]) -> None:
    """A table is kept or dropped whole: its short rows ('| Physiotherapy | balance, walking, posture |') have no prose
    around them, so the context pass dropped them though the table's header row under 'What helps' stayed. A row
    the context pass dropped comes back where another row of its table stays; its rule line ('|---|') does not."""
    run: list[Block] = []
    for block in [*blocks, None]:
        if block is not None and _TABLE_ROW_LINE.match(block.raw):
            run.append(block)
            continue
        if any(not row.junk and not _TABLE_RULE_LINE.match(row.raw) for row in run):
            for row in run:
                if row.junk and row.reason in (CONTEXT_REASON, NOT_PROSE_REASON) and not _TABLE_RULE_LINE.match(row.raw):
                    row.junk, row.reason = False, ""
        run = []


_RULE_LINE = re.compile(r"^([-=_*~#+.])\1{2,}$")


def is_rule_line(block: Block) -> bool:
    """A line of one repeated character ('-----', '====='): plain text's way of drawing a box or an underline."""
    return bool(_RULE_LINE.match(block.raw.replace(" ", "")))


def heading_is_kept(kept_after: Block | None, junk_between: bool, labels: dict[int, str]) -> bool:
    if kept_after is None:
        return False
    if kept_after.bullet or labels.get(id(kept_after)) in ("good", "neargood"):
        return True
    return not junk_between and kept_after.heading and not kept_after.over_heading


def previous_content_blocks(blocks: list[Block]) -> list[Block | None]:
    """For each position, the nearest kept block before it."""
    previous: list[Block | None] = []
    last: Block | None = None
    for block in blocks:
        previous.append(last)
        if not block.junk:
            last = block
    return previous


def nearest_is_weak(block: Block | None, labels: dict[int, str]) -> bool:
    return block is None or (not block.bullet and labels.get(id(block)) in ("bad", "short") and not heading_like(block))


def mark_promotional_tail(blocks: list[Block]) -> None:
    """Calls to action among the last lines ('Book an online physical therapy session.') go."""
    cues = promo_cues()
    kept = [block for block in blocks if not block.junk]
    for block in kept[max(len(kept) // 2, len(kept) - TAIL_LINES):]:  # never the first half of a short text
        if cues.search(block.text):
            mark(block, "promotional closer")


REPLY_LINES = frozenset({"reply", "reply to this comment", "reply to comment", "respond"})


def mark_reader_comments(blocks: list[Block]) -> None:
    """A paragraph with a 'Reply' link under it is a reader's comment, not the article
    ('Has anyone here tried guanfacine?' under a blog post): the comment and the link go."""
    for position, block in enumerate(blocks):
        if block.text.strip().lower().rstrip(" \u2193\u21b5") not in REPLY_LINES:
            continue
        mark(block, "comment reply link")
        before = next((blocks[index] for index in range(position - 1, -1, -1) if blocks[index].text.strip()), None)
        if before is not None and not before.heading:
            mark(before, "reader comment")


def mark_trailing_captions(blocks: list[Block]) -> None:
    """Headings left at the very end ('Sources:', 'Related') captioned something already removed."""
    for block in reversed(blocks):
        if block.junk:
            continue
        if block.bullet or is_prose(block) or not heading_like(block) or len(block.words) > CAPTION_MAX_WORDS:
            return
        mark(block, "heading without text after it")


# ----------------------------------------------------------------------------------------------
# Assembly


def as_sentence(block: Block) -> str:
    """A list item as a sentence of its own: bullet gone, full stop added where none ends it."""
    text = block.text
    if block.bullet and text and not text.rstrip(_CLOSERS).endswith((*_TERMINAL, ":", ";")):
        text += "."
    return text


def assemble(blocks: list[Block], metadata: Metadata, url: str | None = None) -> CleanedText:
    paragraphs, removed = [], []
    for block in blocks:
        if block.junk:
            removed.append(block.raw)
            continue
        if block.removed_prefix:
            removed.append(block.removed_prefix)
        if block.text:
            paragraphs.append(as_sentence(block))
    return CleanedText(text="\n\n".join(paragraphs), removed=removed, title=metadata.title,
                       date=metadata.date, author=metadata.author, url=url, breadcrumb=metadata.breadcrumb)


# ----------------------------------------------------------------------------------------------
# Public API


def clean_text(text: str, *, title: str | None = None, recurring: frozenset[str] = frozenset()) -> CleanedText:
    """Body of an already-scraped plain-text (or markdown) article, junk removed and audited.

    `title`, when the loader knows it, is removed where the text repeats it; otherwise a short
    first line is taken as the title. `recurring` holds line keys from `recurring_lines`.
    """
    try:
        return _clean_text(text, title=title, recurring=recurring)
    except Exception:  # a rule bug must not lose the document: fall back to unicode-fixed text
        LOGGER.exception("clean_text failed; keeping the text with unicode fixes only")
        return fallback_cleaning(text, title)


# A transcript's turn opens with its time and speaker: '[05:20] JESS: So, Cushing's - the opposite problem?'
_TURN_TIMESTAMP = re.compile(r"^[\[(]?(?:\d{1,2}:)?\d{1,2}:\d{2}[\])]?\s+(?:[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*)?:\s+(?=\S))?")
TRANSCRIPT_MIN_TURNS = 3


_TURN_SPEAKER = re.compile(r"^(?:[A-Z][A-Z'.-]+ ){0,2}[A-Z][A-Z'.-]+:\s+(?=\S)")  # 'DR FERREIRA-BRIGHT: '
TRANSCRIPT_MIN_SPEAKERS = 2  # speakers who each take two turns or more: a dialogue, not a bulletin's 'NOTE:' lines


def strip_transcript_marks(blocks: list[Block]) -> None:
    """A transcript's times and speakers are no part of what is said: without them its question
    ('So, Cushing's - the opposite problem?') stands on its line as the heading it is. Only where
    TRANSCRIPT_MIN_TURNS lines or more open with a time (a transcript, not a line with a time in it),
    or with the capitals of speakers who each speak twice or more
    ('PRIYA: So what do people actually notice first?' / 'DR FERREIRA-BRIGHT: Usually it's weakness.')."""
    timed = [(block, match) for block in blocks if (match := _TURN_TIMESTAMP.match(block.text))]
    if len(timed) >= TRANSCRIPT_MIN_TURNS:
        for block, match in timed:
            block.text = block.text[match.end():]
    # and the speakers of a transcript whose times stand only in its list of chapters ('24:05 Listener question: …')
    spoken = [(block, match) for block in blocks if (match := _TURN_SPEAKER.match(block.text))]
    counts = Counter(match.group().strip() for _, match in spoken)
    speakers = {label for label, count in counts.items() if count >= 2}
    turns = [(block, match) for block, match in spoken if match.group().strip() in speakers]
    if len(speakers) < TRANSCRIPT_MIN_SPEAKERS or len(turns) < TRANSCRIPT_MIN_TURNS:
        return
    for block, match in turns:
        block.text = block.text[match.end():]


def _clean_text(text: str, *, title: str | None, recurring: frozenset[str]) -> CleanedText:
    header, body = split_front_matter(fix_unicode(text))
    blocks = text_blocks(unboxed(body))
    strip_transcript_marks(blocks)
    metadata = Metadata()
    fields = front_matter_fields(header)
    mark_hard_junk(blocks, recurring or frozenset(), metadata)
    metadata.breadcrumb = breadcrumb_page(blocks)
    given_title = ((fix_unicode(title).strip() if isinstance(title, str) else "") or fields.get("title")
                   or markdown_title(blocks))
    metadata.title = apply_title(blocks, given_title, infer=not given_title)
    metadata.date = metadata.date or fields.get("date")
    strip_repeated_heading(blocks)
    mark_unbulleted_items(blocks)
    mark_bullet_runs(blocks, html_mode=False)
    mark_by_context(blocks)
    keep_whole_tables(blocks)
    mark_reader_comments(blocks)
    mark_promotional_tail(blocks)
    cleaned = assemble(blocks, metadata, url=fields.get("url"))
    if header:
        cleaned.removed.insert(0, header)
    return cleaned


_BOX_FRAME = re.compile(r"^[ \t]*\+[-=]{10,}\+[ \t]*$")
_BOX_LINE = re.compile(r"^(?P<indent>[ \t]*)\|(?P<text>[^|]*)\|[ \t]*$")


def unboxed(text: str) -> str:
    """A box drawn around a note in plain text ('+-----+' above and below, '|' at both ends of each line: 'DANGER
    SIGNS …: REFER OR ADMIT NOW', '- unable to drink …') holds lines of text, no one-column table: its frame and
    edges go, so its heading and its list read as a heading and a list."""
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        if not _BOX_FRAME.match(lines[index]):
            index += 1
            continue
        end = index + 1
        while end < len(lines) and _BOX_LINE.match(lines[end]):
            end += 1
        if end > index + 1 and end < len(lines) and _BOX_FRAME.match(lines[end]):
            for inner in range(index + 1, end):
                match = _BOX_LINE.match(lines[inner])
                lines[inner] = match.group("indent") + match.group("text").rstrip()
            lines[index] = lines[end] = ""
        index = end
    return "\n".join(lines)


_FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\n(.{0,5000}?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_MATTER_FIELD = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$", re.MULTILINE)
_FRONT_MATTER_KEYS = {"title": ("title", "name", "headline"),
                      "url": ("source_url", "url", "canonical_url", "link", "permalink"),
                      "date": ("date", "published", "published_at", "date_published", "updated", "last_reviewed")}


def split_front_matter(text: str) -> tuple[str, str]:
    """A YAML front-matter block ('---' ... '---') that markdown dumps put before the article."""
    match = _FRONT_MATTER.match(text)
    if not match or not _FRONT_MATTER_FIELD.search(match.group(1)):
        return "", text
    return match.group(0).strip(), text[match.end():]


def front_matter_fields(header: str) -> dict[str, str]:
    """Title, url and ISO date from front matter, when it names them."""
    values = {key.lower(): unquoted(value) for key, value in _FRONT_MATTER_FIELD.findall(header)}
    fields: dict[str, str] = {}
    for field_name, keys in _FRONT_MATTER_KEYS.items():
        value = next((values[key] for key in keys if values.get(key)), None)
        if value and field_name == "date":
            value = find_iso_date(value)[0]
        if value:
            fields[field_name] = value
    return fields


def unquoted(value: str) -> str:
    """A YAML scalar without the one pair of quotes around it: a title that opens with a quotation keeps its own
    ('"\u201cMummy thumb\u201d: why …"' is '"Mummy thumb": why …' once the quotes are straightened)."""
    value = value.strip()
    return value[1:-1].strip() if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'" else value


def fallback_cleaning(text: object, title: str | None) -> CleanedText:
    try:
        fixed = fix_unicode(as_text(text))
    except Exception:
        fixed = as_text(text)
    paragraphs = [" ".join(line.split()) for line in fixed.split("\n") if line.strip()]
    return CleanedText(text="\n\n".join(paragraphs), removed=[], title=title if isinstance(title, str) else None)


def clean_html(html: str, *, url: str | None = None) -> CleanedText:
    """Main text of a raw HTML page (trafilatura) plus title, date, author and url, junk removed."""
    try:
        return _clean_html(as_text(html), url=url if isinstance(url, str) and url else None)
    except Exception:  # trafilatura or a rule failed: keep whatever text the page has
        LOGGER.exception("clean_html failed; keeping the page's whole text")
        return fallback_html(html, url)


_MARKUP = re.compile(r"<[A-Za-z!/][^>]{0,200}>")


def _clean_html(html: str, *, url: str | None) -> CleanedText:
    if html.strip() and not _MARKUP.search(html[:100_000]):  # a text file saved as .html: clean it as text
        cleaned = _clean_text(html, title=None, recurring=frozenset())
        return CleanedText(text=cleaned.text, removed=cleaned.removed, title=cleaned.title,
                           date=cleaned.date, author=cleaned.author, url=url or cleaned.url)
    document, body = extract_main_text(html, url)
    metadata = Metadata(title=clean_metadata(getattr(document, "title", None)),
                        date=clean_metadata(getattr(document, "date", None)),
                        author=clean_metadata(getattr(document, "author", None)))
    blocks = text_blocks(rejoin_source_line_breaks(fix_unicode(body)), bullets=_EXTRACTED_LIST_ITEM, split_words=False,
                         full_lines_wrap=False)  # a break inside extracted HTML text is an inline element's, not a list's
    mark_hard_junk(blocks, frozenset(), metadata, drop_repeated_paragraphs=False)
    apply_title(blocks, metadata.title, infer=False)
    strip_repeated_heading(blocks)
    mark_bullet_runs(blocks, html_mode=True)
    mark_promotional_tail(blocks)
    mark_trailing_captions(blocks)
    page_url = url or clean_metadata(getattr(document, "url", None))
    return assemble(blocks, metadata, url=page_url)


_SOURCE_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]{2,}(?=\S)")


def rejoin_source_line_breaks(text: str) -> str:
    """Join lines that the page's source code broke inside a paragraph (newline plus indentation).

    trafilatura ends each paragraph with a bare newline but keeps newlines written inside a
    paragraph's HTML source; left alone they would cut sentences in two.
    """
    return _SOURCE_LINE_BREAK.sub(" ", text)


def extract_main_text(html: str, url: str | None) -> tuple[object | None, str]:
    """trafilatura in precision mode, falling back to its default mode when precision kept a fragment.

    Precision mode drops more related-links and teaser blocks, but on some pages it locks onto a
    small box (a reprint notice) and misses the article; the default extraction catches those.
    """
    import copy

    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(html) if html.strip() else None
    if tree is None:
        return None, ""
    join_article_parts(tree)
    keep_callouts(tree)
    keep_related_prose(tree)
    drop_quote_citations(tree)
    options = dict(url=url, include_comments=False, output_format="python")
    precise = trafilatura.bare_extraction(copy.deepcopy(tree), favor_precision=True, with_metadata=True, **options)
    broad = trafilatura.bare_extraction(tree, **options)  # metadata comes from the first pass
    precise_text = (getattr(precise, "text", None) or "") if precise is not None else ""
    broad_text = (getattr(broad, "text", None) or "") if broad is not None else ""
    if precise is None:  # no article found in precision mode: still read the page's metadata
        precise = page_metadata(html, url)
    if broad_text and count_words(precise_text) < PRECISION_MIN_SHARE * count_words(broad_text):
        return precise, broad_text
    return precise, precise_text or broad_text or whole_page_text(html)


@lru_cache(maxsize=1)
def callout_classes() -> frozenset[str]:
    return frozenset(data_lines("callout_classes.txt"))


def inside_article(element: object) -> bool:
    """Whether an element stands inside the page's <article> or <main>: part of its body, not of the site around it."""
    return any(ancestor.tag in ("article", "main") for ancestor in element.iterancestors())


def keep_callouts(tree: object) -> int:
    """Make the warning and fact boxes of an article ordinary blocks (an <aside> that is a note or has a
    class of data/callout_classes.txt, inside <article> or <main>), which trafilatura would drop with
    every <aside>. Returns how many."""
    kept = 0
    for aside in list(tree.iter("aside")):
        words = set((aside.get("class") or "").lower().split())
        if inside_article(aside) and (aside.get("role") == "note" or words & callout_classes()):
            aside.tag = "div"
            kept += 1
    return kept


_RELATED_NAME = re.compile(r"related", re.I)
RELATED_PROSE_MIN_CHARS = 200  # a section's words outside links: a teaser list of links has few
RELATED_PROSE_MAX_LINK_SHARE = 0.2
RELATED_PARAGRAPH_MIN_CHARS = 80  # at least one paragraph of a sentence or two, not a caption


def keep_related_prose(tree: object) -> int:
    """Keep an article's own section on a related condition ('<section class="related-condition">' with a
    heading, paragraphs and a list), which trafilatura drops with every element whose class or id says
    'related'. Only inside <article> or <main>, and only prose: a block of related links stays junk.
    Returns how many."""
    kept = 0
    for element in list(tree.iter()):
        if not isinstance(element.tag, str):
            continue
        names = f"{element.get('class') or ''} {element.get('id') or ''}"
        if not _RELATED_NAME.search(names):
            continue
        if not inside_article(element):
            continue
        text = " ".join("".join(element.itertext()).split())
        linked = sum(len(" ".join("".join(link.itertext()).split())) for link in element.iter("a"))
        if len(text) - linked < RELATED_PROSE_MIN_CHARS or linked > RELATED_PROSE_MAX_LINK_SHARE * len(text):
            continue
        if not any(len("".join(paragraph.itertext()).strip()) > RELATED_PARAGRAPH_MIN_CHARS for paragraph in element.iter("p")):
            continue
        for attribute in ("class", "id"):
            if element.get(attribute) and _RELATED_NAME.search(element.get(attribute)):
                del element.attrib[attribute]
        kept += 1
    return kept


def drop_quote_citations(tree: object) -> int:
    """Remove the attribution of a quoted person ('<blockquote>…<cite>Priya, 34, diagnosed at 29</cite>'):
    a name and an age alone on a line read as a heading and would end the section it stands in.
    Returns how many."""
    cites = [cite for cite in tree.iter("cite")
             if any(ancestor.tag in ("blockquote", "figure") for ancestor in cite.iterancestors())]
    for cite in cites:
        cite.drop_tree()
    return len(cites)


def page_metadata(html: str, url: str | None) -> object | None:
    import trafilatura

    try:
        return trafilatura.extract_metadata(html, default_url=url)
    except Exception:
        return None


def join_article_parts(tree: object) -> int:
    """Join an article body that the page split into sibling containers (ads between the parts).

    trafilatura reads the first container that looks like an article body; when a page repeats
    that container (same tag and class) for later parts of the same article, the later parts
    would be lost. Parts that hold real paragraphs are moved into the first one. Returns how many.
    """
    from trafilatura.xpaths import BODY_XPATH

    for expression in BODY_XPATH:
        found = [element for element in expression(tree) if element is not None]
        if not found:
            continue
        first = found[0]
        # '(.//article)[1]' finds only the first <article>: a thread's later posts are its siblings
        later = found[1:] + [element for element in first.itersiblings() if element.tag == first.tag and element not in found]
        parts = [element for element in later if is_later_part(first, element)]
        for part in parts:
            first.extend(list(part))
            part.getparent().remove(part)
        return len(parts)
    return 0


def base_classes(element: object) -> frozenset[str]:
    """An element's classes less its modifiers ('message--pinned') and numbered ones ('post-1806')."""
    return frozenset(name for name in (element.get("class") or "").split()
                     if "--" not in name and not any(character.isdigit() for character in name))


def is_later_part(first: object, element: object) -> bool:
    """Same kind of container as the body, outside it, with at least two real paragraphs; or, beside it, a
    post of the same thread ('message', 'message message--pinned') with a paragraph's worth of text."""
    if element.tag != first.tag or element.getparent() is None:
        return False
    same_class = element.get("class") == first.get("class")
    sibling_post = element.getparent() is first.getparent() and base_classes(element) == base_classes(first) != frozenset()
    if not (same_class or sibling_post):
        return False
    if any(ancestor is first for ancestor in element.iterancestors()) or \
            any(ancestor is element for ancestor in first.iterancestors()):
        return False
    paragraphs = [len("".join(p.itertext()).strip()) for p in element.iter("p")]
    real = sum(1 for length in paragraphs if length > 40)
    return sum(paragraphs) >= PART_MIN_CHARS and (real >= 2 or (sibling_post and real >= 1))


def whole_page_text(html: str) -> str:
    """All visible text of a page: the last resort when no main content is found."""
    import trafilatura

    try:
        return trafilatura.html2txt(html) or ""
    except Exception:
        return ""


def count_words(text: str) -> int:
    return len(text.split())


def clean_metadata(value: object) -> str | None:
    text = " ".join(fix_unicode(value).split()) if isinstance(value, str) else ""
    return text or None


def fallback_html(html: object, url: object) -> CleanedText:
    try:
        text = whole_page_text(as_text(html))
    except Exception:
        text = ""
    cleaned = fallback_cleaning(text, None)
    return CleanedText(text=cleaned.text, removed=[], url=url if isinstance(url, str) and url else None)


def recurring_lines(texts: Iterable[str], min_docs: int = 3, min_share: float = 0.01) -> frozenset[str]:
    """Keys of lines that recur across many documents of the corpus: site menus, footers, widgets.

    A line counts once per document, and copies of one article (near-duplicates) count as one
    document, so an article syndicated three times does not turn its own sentences into
    boilerplate. A line is recurring when at least `min_docs` documents and at least `min_share`
    of all documents contain it: three documents are the least that show a template on a small
    input, and the share keeps a large corpus from dropping lines that are merely common.
    """
    documents = [fix_unicode(text) for text in texts if isinstance(text, str)]
    originals = distinct_documents(documents)
    counts: Counter[str] = Counter()
    for text in originals:
        counts.update({line_key(line) for line in text.split("\n") if line.strip()})
    needed = max(min_docs, math.ceil(min_share * len(originals)))
    return frozenset(key for key, count in counts.items() if key and count >= needed)


def distinct_documents(documents: list[str]) -> list[str]:
    """The documents less near-duplicate copies of an earlier one."""
    from extractors.dedup import find_near_duplicates

    duplicates = find_near_duplicates([(str(index), text) for index, text in enumerate(documents)])
    return [text for index, text in enumerate(documents) if str(index) not in duplicates]
