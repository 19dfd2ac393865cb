"""The layout of a cleaned article, read from its lines: headings, list items and their continuations.

Cleaning keeps one block per line, so a short line of its own is a heading or a bullet, and a
sentence's place on its line tells whether it opens an item or continues one.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extractors.context import CLOSED_BRACKETS
from extractors.doc_index import Lines, text_of


MAX_HEADING_WORDS = 12
MAX_CAPITALS_HEADING_WORDS = 20  # a line in capitals is a headline however long: 'PLAYER WELFARE: KNEE PAIN IN … DISEASE'
MAX_LIST_ITEM_WORDS = 30
MAX_LOWERCASE_ITEM_WORDS = 60  # a line opening in lowercase is a bullet's even when longer
TABLE_ROW = "|"  # cleaning writes a table's rows as '| cell | cell |' lines
MAX_TERM_WORDS = 6  # 'Nerve damage in arms and legs.' opening a line of explanation


def starts_line(sentence: Span) -> bool:
    return token_starts_line(sentence.doc, sentence.start)


def token_starts_line(doc: Doc, index: int) -> bool:
    return index == 0 or Lines.of(doc).is_break(index - 1)


def ends_line(sentence: Span) -> bool:
    doc = sentence.doc
    last = doc[sentence.end - 1]  # a line break after a sentence is a whitespace token inside it, or trailing space
    return sentence.end == len(doc) or "\n" in last.text + last.whitespace_ + doc[sentence.end].text


def starts_and_ends_line(sentence: Span) -> bool:
    return starts_line(sentence) and ends_line(sentence)


def line_words(sentence: Span) -> int:
    """Words from the sentence's start to the end of its line (a bullet may hold a second sentence)."""
    lines = Lines.of(sentence.doc)
    return lines.words(sentence.start, lines.end(sentence.start))


HEADINGS_KEY = "medfacts.headings"  # doc.user_data: is_heading's verdict per sentence, asked many times


def is_heading(sentence: Span) -> bool:
    """A short line of its own that does not end like a sentence and does not start in lowercase
    (that is an item of a list that lost its bullets: 'take paracetamol to help with pain') or as a
    table row ('| Temperature | Fever, often with chills |'): a section heading."""
    verdicts = sentence.doc.user_data.setdefault(HEADINGS_KEY, {})
    bounds = (sentence.start, sentence.end)
    verdict = verdicts.get(bounds)
    if verdict is None:
        verdict = verdicts[bounds] = reads_as_heading(sentence)
    return verdict


def reads_as_heading(sentence: Span) -> bool:
    text = text_of(sentence).strip()
    words = len(text.split())
    if not starts_and_ends_line(sentence):
        line, line_word_count = line_around(sentence)  # one read of the line for the three shapes of it
        return bool(line) and (is_question_line(line, line_word_count) or is_capitals_line(line, line_word_count)
                               or is_question_led_line(line, line_word_count))
    return (bool(text) and (words <= MAX_HEADING_WORDS or words <= MAX_CAPITALS_HEADING_WORDS and text.isupper())
            and not text.endswith(SENTENCE_ENDS) and not text[0].islower() and not text.startswith(TABLE_ROW))


def line_around(sentence: Span) -> tuple[str, int]:
    """The text of the line a sentence stands on, stripped, and its number of words."""
    doc, lines = sentence.doc, Lines.of(sentence.doc)
    start, end = lines.start(sentence.start), lines.end(sentence.start)
    return text_of(doc[start:end]).strip(), lines.words(start, end)


def is_capitals_line(text: str, words: int) -> bool:
    """A short line (of several sentences) in capitals, not ending like a sentence: 'IS IT MOLLUSCUM OR SOMETHING
    ELSE? FOLLICULITIS' is one heading, both its sentences."""
    return text.isupper() and words <= MAX_CAPITALS_HEADING_WORDS and not text.endswith(SENTENCE_ENDS)


def is_question_line(text: str, words: int) -> bool:
    """A short line (of several sentences) that ends with a short question: 'I've got a headache at camp. What
    now?' is one heading, both its sentences (not 'Let's start with the basics. What is Addison's disease?', a
    podcast host's line)."""
    if words > MAX_HEADING_WORDS or not text.endswith("?"):  # most lines: no need to read them further
        return False
    statement, _, question = text.rstrip("?").rpartition(".")
    # a reader's question may ask more after a statement about themselves: 'The pain is around my wisdom tooth. Is
    # that an abscess too?' (not a host's 'Let's start with the basics. What is Addison's disease?')
    most = MAX_READER_QUESTION_WORDS if FIRST_PERSON.search(statement) else MAX_FOLLOW_UP_QUESTION_WORDS
    return len(question.split()) <= most and not text[0].islower() and not text.startswith(TABLE_ROW)


def is_question_led_line(text: str, words: int) -> bool:
    """A short line (of several sentences) that opens with a short question and ends like no sentence: 'Not a
    cataract? A quick word on corneal abrasions' is one heading, both its sentences."""
    question, mark, rest = text.partition("?")
    rest = rest.strip()
    return (bool(mark) and bool(rest) and len(question.split()) <= MAX_LEAD_QUESTION_WORDS
            and words <= MAX_HEADING_WORDS and not rest.endswith((*SENTENCE_ENDS, "?"))
            and not text[0].islower() and rest[:1].isupper() and not text.startswith(TABLE_ROW))


SENTENCE_ENDS = (".", "!", ",", ";", ":")  # a line ending so is a sentence or an introduction, no heading
MAX_LEAD_QUESTION_WORDS = 5  # 'Not a cataract?', 'Could it be something else?' before the line's heading
MAX_FOLLOW_UP_QUESTION_WORDS = 3  # 'What now?', 'Is it serious?' after the line's statement
MAX_READER_QUESTION_WORDS = 5  # 'Is that an abscess too?' after a statement in the first person
FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|my|My|me)\b")


def is_list_item(sentence: Span) -> bool:
    """A short line of its own: what a bullet or a table cell becomes after cleaning.

    The bullet may go on with a second sentence on its line ('Joint stiffness … rest. It can last
    45 minutes.'); that one is a continuation (is_item_continuation), not an item of its own.
    """
    if not starts_line(sentence):
        return False
    words = line_words(sentence)
    # a line opening in lowercase lost its bullet, however long it runs ('calcium channel blockers, such as …')
    return words <= MAX_LIST_ITEM_WORDS or (words <= MAX_LOWERCASE_ITEM_WORDS and text_of(sentence).lstrip()[:1].islower())


def is_item_continuation(sentence: Span) -> bool:
    """A later sentence on a short bullet line: it neither ends the list nor is an item."""
    if starts_line(sentence):
        return False
    lines = Lines.of(sentence.doc)
    start = lines.start(sentence.start)
    return lines.words(start, lines.end(start)) <= MAX_LIST_ITEM_WORDS  # a long line: no bullet


MAX_TERMED_SENTENCE_WORDS = 40  # a 'Term: what it is' sentence


DASH_ITEM = re.compile(r"(?P<name>[A-Z][^\u2013\u2014:;.!?]*?)\s+[\u2013\u2014-]\s+\S")  # 'Pit picking - removing …'


def is_dash_item(sentence: Span) -> bool:
    """A line opening with a term of a few words, a dash and what it is: 'Air enema (also called pneumatic reduction)
    – air is gently pumped …', 'Pit picking - removing just the small pits through tiny cuts.'"""
    if not starts_line(sentence):
        return False
    match = DASH_ITEM.match(text_of(sentence).lstrip())
    return match is not None and 0 < len(CLOSED_BRACKETS.sub("", match.group("name")).split()) <= MAX_TERM_WORDS


def is_term_line(sentence: Span) -> bool:
    """A short sentence that opens a longer line: the term of a 'Term. Explanation …' item.

    Lists in the Mayo Clinic style lose their bullets in scraping but keep this shape; only an
    open list (an introduction ending in ':') makes such a line one of its items.
    """
    text = text_of(sentence).strip()
    # or a 'Term: what it is.' sentence, on a line of its own or opening a longer one ('Rubber band ligation (banding): a
    # tight band is placed …', 'Under 4 months: usually nystatin oral suspension, which your GP prescribes.')
    term, colon, _ = text.partition(":")
    termed = bool(colon) and len(term.split()) <= MAX_TERM_WORDS and len(text.split()) <= MAX_TERMED_SENTENCE_WORDS
    return (starts_line(sentence) and text.endswith(".")
            and (termed or not ends_line(sentence) and len(text.split()) <= MAX_TERM_WORDS))
