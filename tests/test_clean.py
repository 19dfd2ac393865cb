"""Cleaning: junk gone, every body sentence kept, headings and bullets made readable, unicode repaired.

The articles are read from the shared folder (MEDFACTS_SHARED); no article text is copied here.
The junk strings are the ones the issue lists for the seeds.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors import clean
from extractors.clean import CleanedText, clean_html, clean_text, fix_unicode, recurring_lines

# Junk the issue names for the seeds: whole lines, except the promotional closer (a fragment).
SEED_JUNK_LINES = ("close", "4 min read 20-03-2025", "Similar Posts", "Leave a Reply",
                   "Related Posts", "Latest Posts", "Popular Posts")
PROMO_FRAGMENT = "Book an online physical therapy session"
BULLET_OR_NUMBER = re.compile(r"^(?:[\u2022*-]|\d{1,3}\.)\s*")
GLUED_QUESTION = re.compile(r"(?<=[a-z]\?)(?=[A-Z])")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


# ---------------------------------------------------------------------------------------------
# Helpers


def seed_file(seeds: Path, prefix: str) -> Path:
    matches = sorted(seeds.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"seed {prefix} not found in {seeds}")
    return matches[0]


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def paragraphs(result: CleanedText) -> list[str]:
    return result.text.split("\n\n")


def flat(text: str) -> str:
    return " ".join(text.split())


def is_listed_junk(line: str) -> bool:
    return line in SEED_JUNK_LINES or PROMO_FRAGMENT in line


def expected_body_sentences(raw: str) -> list[str]:
    """The seed's sentences, derived independently of the cleaner: junk and title lines dropped,
    the title glued before the first sentence cut, bullets and numbers stripped, glued
    question headings split, then split at sentence ends."""
    lines = [line.strip() for line in fix_unicode(raw).split("\n") if line.strip()]
    title = next(line for line in lines if not is_listed_junk(line))
    sentences: list[str] = []
    for line in lines:
        if line == title or is_listed_junk(line):
            continue
        if line.startswith(title + " "):
            line = line[len(title) + 1:]
        line = BULLET_OR_NUMBER.sub("", line)
        for part in GLUED_QUESTION.split(line):
            sentences.extend(sentence for sentence in SENTENCE_END.split(part) if sentence)
    return sentences


@pytest.fixture(scope="module")
def seed_results(seeds: Path) -> dict[str, tuple[str, CleanedText]]:
    return {path.name[:3]: (read(path), clean_text(read(path))) for path in sorted(seeds.glob("*.txt"))}


@pytest.fixture(scope="module")
def corpus_text_dir(shared: Path) -> Path:
    path = shared / "corpus" / "web" / "text"
    if not any(path.glob("*.txt")):
        pytest.skip(f"no corpus texts in {path}")
    return path


@pytest.fixture(scope="module")
def corpus_html_dir(shared: Path) -> Path:
    path = shared / "corpus" / "web" / "html"
    if not any(path.glob("*.html")):
        pytest.skip(f"no corpus HTML pages in {path}")
    return path


# ---------------------------------------------------------------------------------------------
# Seeds: junk gone, body kept


def test_every_seed_body_sentence_survives(seed_results):
    for name, (raw, result) in seed_results.items():
        body = flat(result.text)
        expected = expected_body_sentences(raw)
        assert len(expected) > 10, name
        lost = [sentence for sentence in expected if flat(sentence) not in body]
        assert lost == [], f"seed {name} lost body sentences: {lost}"


def test_listed_seed_junk_is_gone(seed_results):
    for name, (_, result) in seed_results.items():
        for junk in SEED_JUNK_LINES:
            assert junk not in paragraphs(result), (name, junk)
        assert "min read" not in result.text
        assert PROMO_FRAGMENT not in result.text
        assert "PhysioMantra" not in result.text


def test_seed_junk_lines_present_in_the_raw_text_are_reported_as_removed(seed_results):
    removed_everywhere = [line for _, result in seed_results.values() for line in result.removed]
    for junk in SEED_JUNK_LINES:
        assert junk in removed_everywhere, junk
    assert any(PROMO_FRAGMENT in line for line in removed_everywhere)


def test_navigation_and_widget_junk_of_seed_002(seeds):
    result = clean_text(read(seed_file(seeds, "002")))
    first = paragraphs(result)[0]
    assert first == "Lupus and Back Pain: Understanding the Connection and Finding Relief"
    assert result.removed[:2] == ["close", "close"]
    assert "4 min read 20-03-2025" in result.removed
    assert result.date == "2025-03-20"
    assert result.title == "lupus back pain"
    assert "lupus back pain" not in paragraphs(result)


def test_title_repeated_as_first_words_of_the_body_is_cut(seeds):
    for prefix, title in (("000", "What autoimmune disease causes back pain"),
                          ("003", "What autoimmune disease causes bone pain")):
        result = clean_text(read(seed_file(seeds, prefix)))
        assert result.title == title
        assert title not in result.text
        assert result.text.startswith("Autoimmune diseases ")
        assert result.removed.count(title) == 2  # the title line and its glued copy


def test_repeated_title_lines_are_removed_and_title_reported(seeds):
    result = clean_text(read(seed_file(seeds, "004")))
    title = "Unraveling the Connection: Lupus and Back Pain"
    assert result.title == title
    assert title not in result.text
    assert result.text.startswith("As a complex, chronic autoimmune disorder, lupus remains")


def test_closing_words_of_seed_001_are_gone_and_body_kept(seeds):
    result = clean_text(read(seed_file(seeds, "001")))
    assert paragraphs(result)[-1].startswith("In conclusion, while autoimmune diseases and chronic back pain")
    assert "Similar Posts" not in result.text and "Leave a Reply" not in result.text
    assert "There are more than 80 recognized autoimmune diseases, each with its own set of symptoms and " \
           "complications." in result.text


def test_glued_heading_is_split_into_its_own_paragraph_once(seeds):
    result = clean_text(read(seed_file(seeds, "004")))
    parts = paragraphs(result)
    for heading, first_words in (
            ("What Are The Common Symptoms?", "Some symptoms are commonly observed in many individuals"),
            ("Does Lupus Cause Back Pain?", "Lupus, scientifically known as Systemic Lupus Erythematosus (SLE)"),
            ("What Strategies Can Prevent Back Pain From Lupus?", "Preventing or minimizing back pain in lupus")):
        assert parts.count(heading) == 1, heading
        position = parts.index(heading)
        assert parts[position + 1].startswith(first_words), heading
        assert heading + first_words.split()[0] not in result.text


def test_bullets_and_numbers_become_sentences_of_their_own(seeds):
    lupus = clean_text(read(seed_file(seeds, "002")))
    assert "\u2022" not in lupus.text
    assert "Inflammation: Lupus is fundamentally an inflammatory disease." in paragraphs(lupus)[4]
    assert any(part.startswith("Blood tests: To detect autoantibodies and assess inflammation levels.")
               for part in paragraphs(lupus))
    numbered = clean_text(read(seed_file(seeds, "004")))
    parts = paragraphs(numbered)
    assert "Fatigue and Fever: These are often the first signs of lupus, and can range from mild to severe." in parts
    assert "Disease Management." in parts  # a short bullet ends as a sentence
    assert not any(re.match(r"\d{1,2}\. ", part) for part in parts)


def test_paragraph_boundaries_survive_for_sentence_splitting(seed_results):
    for name, (_, result) in seed_results.items():
        assert "\n\n\n" not in result.text, name
        for part in paragraphs(result):
            assert part and part == part.strip() and "\n" not in part, (name, part[:60])
        assert len(paragraphs(result)) >= 6, name


def test_curly_quotes_in_seeds_become_straight(seed_results):
    _, result = seed_results["000"]
    assert "body's own tissues" in result.text
    assert "\u2019" not in result.text


# ---------------------------------------------------------------------------------------------
# Plain text: title, front matter, recurring lines, markdown dumps


def test_given_title_is_removed_where_the_text_repeats_it():
    text = ("Knee pain explained\n\nKnee pain explained\n"
            "Knee pain explained Knee pain has many causes, from injury to arthritis.\n"
            "Rest and ice help most people within a few weeks of the first symptoms.")
    result = clean_text(text, title="Knee pain explained")
    assert result.title == "Knee pain explained"
    assert paragraphs(result) == ["Knee pain has many causes, from injury to arthritis.",
                                  "Rest and ice help most people within a few weeks of the first symptoms."]


def test_a_markdown_level_one_heading_is_the_title_even_where_a_breadcrumb_repeats_it():
    text = ("[Skip to main content](#main)\n\n* [Home](/)\n* [Conditions](/conditions/)\n\n"
            "1. [Home](/)\n2. [Thyroid](/thyroid/)\n3. Underactive thyroid (hypothyroidism)\n\n"
            "# Underactive thyroid (hypothyroidism)\n\n"
            "Your thyroid is a small gland at the front of your neck that sets the pace of your body.\n\n"
            "## What are the symptoms?\n\nSymptoms usually creep up slowly over months or years.")
    result = clean_text(text)
    assert result.title == "Underactive thyroid (hypothyroidism)"
    assert "Underactive thyroid (hypothyroidism)" not in paragraphs(result)
    assert "What are the symptoms?" in paragraphs(result)


def test_flattened_navigation_rows_breadcrumbs_and_helplines_go_and_the_title_is_the_page_heading():
    text = ("Home   About IBD   Living with IBD   Get involved   Research   Shop\n"
            "Helpline 0300 555 0192\n"
            "Home > About IBD > Crohn's disease\n\n"
            "Crohn's Disease\n\n"
            "Crohn's disease is a lifelong condition in which parts of the digestive system become inflamed.\n\n"
            "Common symptoms   Fever   Diarrhoea\n"
            "The most common symptoms are diarrhoea, tummy pain and tiredness, which come and go.")
    result = clean_text(text)
    assert result.title == "Crohn's Disease"
    assert paragraphs(result) == [
        "Crohn's disease is a lifelong condition in which parts of the digestive system become inflamed.",
        "Common symptoms Fever Diarrhoea",  # three items are no navigation bar
        "The most common symptoms are diarrhoea, tummy pain and tiredness, which come and go."]


def test_the_headline_above_a_date_stamp_is_the_title_not_the_site_name_first():
    text = ("Skip to main content\n\nNorthgate Workplace Health\nOccupational health | HR advice | Training\n\n"
            "Long COVID: a guide for employers and employees\nUpdated 14 January 2026 | 9 minute read\n\n"
            "Most people who catch COVID-19 feel better within a few days or weeks, but some do not.\n\n"
            "Symptoms can carry on for months after the infection has gone.")
    result = clean_text(text)
    assert (result.title, result.date) == ("Long COVID: a guide for employers and employees", "2026-01-14")
    # with no stamp the first line is still the title
    assert clean_text(text.replace("Updated 14 January 2026 | 9 minute read\n", "")).title == "Northgate Workplace Health"


def test_a_forum_thread_s_start_line_is_a_stamp_and_the_thread_title_above_it_the_title():
    text = ("HerHealth Forum\nHomeForumsHealth A-ZAsk a NurseBlogShop\n\n"
            "Itchy, sore and weird discharge - is this thrush??\n"
            "Started by sunflower_92 \u00b7 14 Mar 2025 \u00b7 9 replies \u00b7 3,418 views\n\n"
            "Vaginal thrush is a very common yeast infection, usually caused by a fungus called Candida albicans.\n\n"
            "Around three in four women will get it at least once in their lives.")
    result = clean_text(text)
    assert (result.title, result.date) == ("Itchy, sore and weird discharge - is this thrush??", "2025-03-14")
    assert not any(paragraph.startswith("Started by") for paragraph in paragraphs(result))


def test_a_poster_s_byline_without_a_full_date_marks_the_headline_above_it_as_the_title():
    body = ("Raynaud's phenomenon is very common and affects the fingers and toes.\n\n"
            "The small blood vessels narrow for a while in the cold.")
    text = ("WellCircle Community\nHomeForumsGroupsBlog\n\nFingers going white in the cold - is this Raynaud's?\n"
            "Started by frostyfingers_88, 14 November\n\n" + body)
    result = clean_text(text)
    assert (result.title, result.author) == ("Fingers going white in the cold - is this Raynaud's?", "frostyfingers_88")
    text = ("Harrowgate Dental Care\n\nSjögren's syndrome and your mouth\n"
            "Posted by Dr Aisling Moran BDS | 14 March 2026 | Oral health | 0 comments\n\n" + body)
    result = clean_text(text)
    assert (result.title, result.author) == ("Sjögren's syndrome and your mouth", "Dr Aisling Moran BDS")
    assert not any(paragraph.startswith("Posted by") for paragraph in paragraphs(result))


def test_a_cookie_banner_goes_whole():
    text = ("Skip to main content\n"
            "Cookies on the NHS website\n"
            "We've put some small files called cookies on your device to make our site work. We'd also like to use "
            "analytics cookies. These collect feedback and send information about how our site is used.\n"
            "Accept analytics cookies Reject analytics cookies Tell me more about cookies\n"
            "We'd also like to use analytics cookies. These send information about how our site is used.\n"
            "Let us know if this is OK. We'll use a cookie to save your choice.\n"
            "I'm OK with analytics cookies\n"
            "Do not use analytics cookies\n"
            "Back to Health A to Z\n\n"
            "Chickenpox\n\n"
            "Chickenpox is common and mostly affects children, although you can get it at any age.")
    result = clean_text(text)
    assert result.title == "Chickenpox"
    assert paragraphs(result) == ["Chickenpox is common and mostly affects children, although you can get it at any age."]


def test_hard_wrapped_lines_join_but_lowercase_list_lines_stay_items():
    wrapped = ("Endometriosis is a long-term condition where tissue similar to the lining\n"
               "of the womb grows in other places, such as the ovaries and the fallopian\n"
               "tubes. It affects around 1 in 10 women during their reproductive years.\n\n"
               "The most common symptoms are:\n"
               "pelvic pain, which is often worse during your period\n"
               "pain during or after sex\n"
               "difficulty getting pregnant\n")
    assert paragraphs(clean_text(wrapped)) == [
        "Endometriosis is a long-term condition where tissue similar to the lining of the womb grows in other "
        "places, such as the ovaries and the fallopian tubes. It affects around 1 in 10 women during their "
        "reproductive years.",
        "The most common symptoms are:", "pelvic pain, which is often worse during your period.",
        "pain during or after sex.", "difficulty getting pregnant."]


def test_check_mark_bullets_are_bullets():
    text = ("Urinary tract infections are one of the most common reasons people come to see us at the pharmacy.\n\n"
            "The symptoms of a UTI include:\n\n\u2705 pain when you pee\n\u2705 blood in your pee\n\n"
            "Most infections clear up within a few days, and a pharmacist can help you choose a treatment.")
    assert paragraphs(clean_text(text))[1:4] == ["The symptoms of a UTI include:", "pain when you pee.", "blood in your pee."]


def test_reader_comments_under_a_post_go():
    text = ("Diagnosed with ADHD at 36\n\n"
            "Six weeks ago a psychiatrist told me I have ADHD, and the lost keys finally made sense to me.\n\n"
            "I started on methylphenidate, and by week three it was like someone had turned down the noise.\n\n"
            "Great post. Has anyone here tried guanfacine? My psychiatrist mentioned it as an option.\n\nReply\n\n"
            "Load more comments\n")
    kept = paragraphs(clean_text(text))
    assert kept[-1].startswith("I started on methylphenidate") and not any("guanfacine" in line for line in kept)


def test_encyclopedia_citation_and_edit_marks_go():
    text = ("Gout\n\nSigns and symptoms[edit]\n"
            "Gout causes sudden pain in the big toe.[3][12] Attacks last days.[4, 7][citation needed]")
    assert paragraphs(clean_text(text)) == ["Signs and symptoms", "Gout causes sudden pain in the big toe. Attacks last days."]


def test_a_sentence_starting_with_its_heading_words_is_not_cut():
    text = ("Chest tightness\n"
            "Chest tightness is often described as having a heavy weight on the chest or a tight band around it.")
    result = clean_text(text, title="Asthma symptoms")
    assert "Chest tightness is often described as having a heavy weight on the chest" in result.text


def test_yaml_front_matter_becomes_metadata(corpus_text_dir):
    result = clean_text(read(corpus_text_dir / "medlineplus-diabetes-type-2.txt"))
    assert result.title == "Diabetes Type 2"
    assert result.url == "https://medlineplus.gov/diabetestype2.html"
    assert "content_hash" not in result.text and "](" not in result.text
    assert result.text.startswith("What is type 2 diabetes?")
    assert "Type 2 diabetes is a disease in which your blood glucose, or blood sugar, levels are too high." \
        in result.text
    assert "Being overweight or having obesity." in paragraphs(result)  # a linked list item is content


def test_recurring_lines_are_boilerplate_but_copies_do_not_count():
    footer = "Sign up for our free weekly digest of health tips from our nurses"
    bodies = [f"This article explains how {condition} is treated with rest and fluids over several days."
              for condition in ("influenza", "bronchitis", "sinusitis", "laryngitis")]
    texts = [f"{body}\n{footer}\nSymptoms" for body in bodies]
    recurring = recurring_lines(texts)
    assert clean.line_key(footer) in recurring
    assert clean.line_key(bodies[0]) not in recurring
    copies = [bodies[0]] * 4
    assert recurring_lines(copies) == frozenset()
    result = clean_text(texts[0], recurring=recurring)
    assert footer not in result.text and footer in result.removed
    assert bodies[0] in result.text


def test_mayo_text_widgets_references_and_menus_go_body_stays(corpus_text_dir):
    texts = [read(path) for path in sorted(corpus_text_dir.glob("*.txt"))]
    result = clean_text(read(corpus_text_dir / "mayoclinic-psoriasis.txt"), recurring=recurring_lines(texts))
    for junk in ("Products & Services", "Sign up for free and stay up to date", "ErrorEmail field is required",
                 "Thank you for subscribing!", "Dinulos JGH.", "Accessed March", "Care atMayo Clinic",
                 "5 signs a psoriasis support group is right for you"):
        assert junk not in result.text, junk
    assert "Psoriasis is a skin disease that causes a rash with itchy, scaly patches, most commonly on the knees, " \
           "elbows, trunk and scalp." in result.text
    assert "Symptoms" in paragraphs(result) and "Causes" in paragraphs(result)
    assert "Dry, cracked skin that may bleed." in paragraphs(result)
    assert "Plaque psoriasis. The most common type of psoriasis" in result.text  # glue 'psoriasis.The' spaced


def test_markdown_dump_loses_menus_links_and_footer(corpus_text_dir):
    result = clean_text(read(corpus_text_dir / "asthmaandlunguk-asthma-symptoms.txt"))
    for junk in ("](", "![", "Main menu", "Skip", "Print this page", "You must have JavaScript enabled",
                 "Did you find this information useful?", "Registered charity", "Copyright"):
        assert junk not in result.text, junk
    assert "Wheezing is a high-pitched whistling noise coming from your airways, mostly when you breathe out." \
        in result.text
    assert "coughing." in paragraphs(result)
    assert result.date == "2021-06-30"


# ---------------------------------------------------------------------------------------------
# Unicode


@pytest.mark.parametrize(("raw", "fixed"), [
    ("The body\u00e2\u20ac\u2122s own tissues", "The body's own tissues"),        # mojibake of a curly quote
    ("\u00e2\u20ac\u0153Flare\u00e2\u20ac\u009d days", '"Flare" days'),
    ("caf\u00c3\u00a9 au lait spots", "caf\u00e9 au lait spots"),
    ("\u201cquoted\u201d and it\u2019s", '"quoted" and it\'s'),
    ("cafe\u0301", "caf\u00e9"),                                                    # NFC
    ("back\u00a0pain\u202fand\u2009fever", "back pain and fever"),                 # odd spaces
    ("zero\u200bwidth\ufeff and soft\u00adhyphen", "zerowidth and softhyphen"),
    ("\ufb01ne \uff21\uff22\uff23 tea &amp; toast", "fine ABC tea & toast"),
    ("line one\r\nline two\rline three", "line one\nline two\nline three"),
])
def test_fix_unicode(raw, fixed):
    assert fix_unicode(raw) == fixed
    assert fix_unicode(fixed) == fixed


def test_unbulleted_list_items_after_an_introduction_are_kept_as_items():
    text = ("Gout\n\nGout is a type of arthritis where crystals form inside and around the joints of the body.\n\n"
            "If you have a gout attack, you may be given:\n\nanti-inflammatory painkillers such as ibuprofen\n\n"
            "colchicine\n\nsteroids\n\nIf you keep having attacks, your GP may recommend a medicine to take every day.\n\n"
            "Home\n\nContact us")
    cleaned = clean_text(text)
    assert "\n\ncolchicine.\n\nsteroids.\n\n" in cleaned.text
    assert "Contact us" not in cleaned.text  # short lines with no introduction are still menus


def test_a_short_lowercase_line_before_text_is_an_item_under_a_heading_but_a_menu_line_is_not():
    text = ("Glandular fever\n\nGlandular fever is a common infection caused by a virus, mostly in teenagers.\n\n"
            "How to treat it yourself\n\nThere is no medicine that cures glandular fever, but you can ease it.\n\n"
            "Do\n\nget plenty of rest\n\n"
            "drink lots of fluids, such as water, to stop yourself getting dehydrated\n\n"
            "Home\n\nContact us")
    cleaned = clean_text(text)
    assert "get plenty of rest" in cleaned.text
    assert "Contact us" not in cleaned.text and "Home" not in cleaned.text


def test_a_sentence_between_unbulleted_items_is_an_item_and_the_last_item_stays():
    text = ("Celiac disease\n\nCeliac disease is an immune reaction to eating gluten, a protein found in wheat.\n\n"
            "Other symptoms include:\nAnemia.\nNervous system injury, including numbness and tingling in the feet and hands.\n"
            "Joint pain.")
    assert clean_text(text).text.endswith("Anemia.\n\nNervous system injury, including numbness and tingling in the feet "
                                          "and hands.\n\nJoint pain.")


def test_a_block_of_capitalised_unbulleted_lines_after_an_introduction_is_a_list():
    text = ("COPD\n\nCOPD is a group of lung diseases that make it hard to breathe and get worse over time.\n\n"
            "They can include:\n\nFrequent coughing\nWheezing\nShortness of breath, especially with physical activity\n"
            "Tightness in your chest\n\nSome people with COPD get frequent respiratory infections such as colds and the flu.\n\n"
            "Treatment\nA strict plan of exercise and medicines is the usual way to manage the disease for most people.")
    cleaned = clean_text(text).text
    assert ("They can include:\n\nFrequent coughing.\n\nWheezing.\n\nShortness of breath, especially with physical "
            "activity.\n\nTightness in your chest.\n\nSome people") in cleaned
    assert "\n\nTreatment\n\nA strict plan" in cleaned  # a heading over its paragraph stays a heading


def test_a_list_line_that_recurs_across_articles_stays_in_its_list():
    texts = [f"{name}\n\n{name} is a long-term condition that affects many people in many different ways.\n\n"
             f"Symptoms of {name.lower()} include:\n\nFatigue.\n\nJoint pain.\n\nHome\n\nContact us"
             for name in ("Lupus", "Arthritis", "Fibromyalgia")]
    recurring = recurring_lines(texts)
    assert {"fatigue", "home"} <= {key.strip(". ") for key in recurring}
    cleaned = clean_text(texts[0], recurring=recurring).text
    assert "include:\n\nFatigue.\n\nJoint pain." in cleaned and "Home" not in cleaned


def test_fix_unicode_accepts_anything():
    assert fix_unicode("") == ""
    assert fix_unicode(None) == ""  # type: ignore[arg-type]
    assert fix_unicode(b"bytes \xff") == "bytes \ufffd"  # type: ignore[arg-type]
    assert fix_unicode("lone \ud800 surrogate") == "lone \ufffd surrogate"


# ---------------------------------------------------------------------------------------------
# HTML samples from the corpus: title, a body sentence, no navigation or widget junk

HTML_SAMPLES = [
    ("livescience-feather-duvet-lung.html", "A Man Develops 'Feather-Duvet Lung' After Switching His Bedding",
     "A soothing pillow and warm duvet might not always lead to better rest."),
    ("nhschoices-asthma-symptoms-2014.html", "Asthma - symptoms - NHS Choices",
     "The symptoms of asthma can range from mild to severe."),
    ("mayoclinic-shingles-symptoms-causes.html", "Shingles-Shingles - Symptoms & causes - Mayo Clinic",
     "Shingles is a viral infection that causes a painful rash."),
    ("healthline-binge-eating.html", "15 Tips to Overcome Binge Eating",
     "Binge eating disorder (BED) is considered the most common feeding and eating disorder in the United States"),
    ("smithsonian-plague-cases-china.html", "Three Cases of Plague Diagnosed in China",
     "Three cases of plague have been diagnosed in China"),
    ("worldtruth-glutathione-blog.html", "The Mother of All Antioxidants",
     "We have all heard of antioxidants, but have we heard of the mother of all antioxidants?"),
    ("webmd-peanut-allergy-babies.html", "Allergies Health Center",
     "it was presented at the annual meeting of the American Academy of Allergy, Asthma and Immunology in Houston."),
]
PAGE_JUNK = ("Cookie", "cookie", "Newsletter", "newsletter", "Subscribe", "Sign up", "Sign in", "Log in",
             "Privacy Policy", "Terms of Use", "Skip to", "Share", "Related", "Trending", "Follow us",
             "Request an appointment", "Advertisement", "Menu")


@pytest.mark.parametrize(("name", "title", "sentence"), HTML_SAMPLES)
def test_html_page_gives_title_body_and_no_page_junk(corpus_html_dir, name, title, sentence):
    import trafilatura

    html = read(corpus_html_dir / name)
    result = clean_html(html)
    assert result.title == title
    assert sentence in flat(result.text)
    page_text = trafilatura.html2txt(html) or ""
    leaked = [junk for junk in PAGE_JUNK if junk in page_text and junk in result.text]
    assert leaked == []
    assert "\n\n\n" not in result.text


def test_html_metadata(corpus_html_dir):
    result = clean_html(read(corpus_html_dir / "livescience-feather-duvet-lung.html"),
                        url="https://www.livescience.com/feather-duvet-lung.html")
    assert result.date == "2019-11-18"
    assert result.author == "Yasemin Saplakoglu"
    assert result.url == "https://www.livescience.com/feather-duvet-lung.html"


def test_html_article_split_by_ad_slots_is_read_whole():
    parts = "".join(
        f'<div class="article__body"><p>{f"Part {n} sentence {n} of the article body goes on for a while. " * 3}</p>'
        f'<p>{f"Another paragraph of part {n} with enough words to count as text here. " * 3}</p></div>'
        f'<div class="ad"><span>Advertisement</span></div>'
        for n in (1, 2, 3))
    html = f"<html><head><title>Split story</title></head><body><main>{parts}</main></body></html>"
    result = clean_html(html)
    for n in (1, 2, 3):
        assert f"Part {n} sentence" in result.text
    assert "Advertisement" not in result.text


def test_every_post_of_a_forum_thread_is_read():
    # each post is an <article> of its own: trafilatura reads only the first; a one-paragraph reply and a pinned
    # summary with an extra class are posts of the thread too, a sidebar's teaser is not
    def post(classes: str, words: str, paragraphs: int) -> str:
        return (f'<article class="{classes}"><div class="message-user">Member</div><div class="message-body">'
                + f"<p>{words} " * paragraphs + "</div></article>")
    first = post("message", "My groin aches after deadlifts and there is a soft bulge when I cough or stand up. " * 2, 2)
    reply = post("message", "Mine was a hernia too and the surgeon repaired it with mesh after a few weeks of waiting. " * 3, 1)
    summary = post("message message--pinned", "Moderator summary: a hernia is fixed by surgery, usually with mesh. " * 2, 3)
    html = ("<html><head><title>Hernia thread</title></head><body><main>" + first + reply + summary + "</main>"
            '<aside class="sidebar"><article class="teaser"><p>Ten best lifting belts</p></article></aside></body></html>')
    text = clean_html(html).text
    assert "My groin aches" in text
    assert "surgeon repaired it with mesh" in text
    assert "Moderator summary" in text
    assert "lifting belts" not in text


def test_an_articles_warning_box_is_kept_and_its_sidebar_is_not():
    paragraph = "<p>Labyrinthitis is an inner ear infection that makes the room spin and can last for several days or weeks. </p>" * 4
    html = ("<html><head><title>Labyrinthitis</title></head><body><main><article>" + paragraph +
            '<aside class="callout callout-urgent" role="note"><h3>When dizziness could be a stroke</h3>'
            "<p>Call 999 immediately if your dizziness comes with slurred speech or a drooping face.</p></aside>"
            + paragraph + '</article><aside class="sidebar"><h3>Book a hearing test</h3><p>Full name Email Phone</p></aside>'
            "</main></body></html>")
    result = clean_html(html)
    assert "slurred speech or a drooping face" in result.text
    assert "Book a hearing test" not in result.text


def test_an_articles_section_on_a_related_condition_is_kept_and_its_related_links_are_not():
    paragraph = "<p>Schistosomiasis is a worm infection caught from fresh water that can cause blood in the urine. </p>" * 4
    section = ('<section class="related-condition"><h2>Could it be something else? Lymphatic filariasis</h2>'
               "<p>Lymphatic filariasis is a different worm infection, spread by mosquitoes, that makes a leg or an arm "
               "swell and the skin over it thick and hard; it is treated with diethylcarbamazine.</p>"
               "<ul><li>repeated bouts of fever and chills</li><li>painful, swollen lymph glands</li></ul></section>")
    links = ('<div class="related-articles"><h3>Related articles</h3><ul>'
             + "".join(f'<li><a href="/a{n}">Travel health advice for trip number {n}</a></li>' for n in range(6))
             + "</ul></div>")
    html = ("<html><head><title>Schistosomiasis</title></head><body><main><article>" + paragraph + section + links
            + paragraph + "</article></main></body></html>")
    text = clean_html(html).text
    assert "treated with diethylcarbamazine" in text
    assert "swollen lymph glands" in text
    assert "trip number" not in text


def test_a_quoted_person_s_attribution_is_not_kept_as_a_line():
    paragraph = "<p>Ankylosing spondylitis causes back pain and stiffness that is worst in the morning and eases with movement. </p>" * 4
    html = ("<html><head><title>Ankylosing spondylitis</title></head><body><main><article>" + paragraph +
            '<blockquote class="pull-quote"><p>"For years I woke at four every morning with my back on fire."</p>'
            "<cite>Priya, 34, diagnosed at 29</cite></blockquote>" + paragraph + "</article></main></body></html>")
    assert "Priya, 34" not in clean_html(html).text


def test_plain_text_given_to_clean_html_is_cleaned_as_text():
    text = "Wheezing facts\n\nWheezing is a whistling sound made while breathing, and asthma is a common cause."
    result = clean_html(text, url="https://example.org/wheeze")
    assert result.text == "Wheezing is a whistling sound made while breathing, and asthma is a common cause."
    assert result.title == "Wheezing facts" and result.url == "https://example.org/wheeze"


# ---------------------------------------------------------------------------------------------
# Never raise


def test_empty_and_degenerate_inputs():
    for value in ("", " ", "\n\n\n", "\x00\x01", "-", "* \n1.\n#", "\ufffd" * 50):
        assert isinstance(clean_text(value), CleanedText)
        assert isinstance(clean_html(value), CleanedText)
    assert clean_text("").text == "" and clean_html("").text == ""


def test_huge_input_is_cleaned_without_error(seeds):
    raw = "\n\n".join(read(path) for path in sorted(seeds.glob("*.txt")))
    huge = "\n".join([raw] * 60)  # about 1.6 MB
    result = clean._clean_text(huge, title=None, recurring=frozenset())
    assert "Ankylosing spondylitis (AS) is a chronic inflammatory disease" in result.text
    one_line = clean._clean_text("The cough is worse at night and in the cold. " * 40_000, title=None,
                                 recurring=frozenset())
    assert one_line.text.startswith("The cough is worse at night")
    assert clean._clean_text("word " * 400_000, title=None, recurring=frozenset()).text == ""  # not prose


junk_text = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from(list("\n\n -*#[]()!:.?\u2022\u00a0\u200bAa1\u00e2\u20ac\u2122<>&;/"))),
    st.binary().map(lambda data: data.decode("utf-8", errors="replace")),
    st.binary().map(lambda data: data.decode("latin-1")),
    st.lists(st.sampled_from(["close", "Similar Posts", "- item", "1. step", "# Heading", "What?Next", "---",
                              "title: x", "[a](b)", "By Jane Doe", "4 min read 20-03-2025", "\ud800", ""]),
             max_size=30).map("\n".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=junk_text, title=st.one_of(st.none(), st.text(max_size=30)))
def test_clean_text_never_raises(text, title):
    result = clean._clean_text(text, title=title, recurring=frozenset({"close"}))  # unguarded: bugs surface
    assert isinstance(result.text, str) and isinstance(result.removed, list)
    assert isinstance(clean_text(text, title=title), CleanedText)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html=st.one_of(junk_text, junk_text.map(lambda body: f"<html><body><article><p>{body}</p></article></body>")))
def test_clean_html_never_raises(html):
    result = clean_html(html, url="https://example.org/a")
    assert isinstance(result, CleanedText) and isinstance(result.text, str)


# ---------------------------------------------------------------------------------------------
# The benchmark's metric (the score itself is `medfacts evaluate-cleaning`, not a test)


def test_benchmark_metric_follows_its_definition():
    from extractors.clean_eval import page_precision_recall, score, shingles

    assert shingles("a b") == {("a", "b"): 1}  # fewer than 4 tokens: one shingle
    assert sum(shingles("Asthma, in short: a b c!").values()) == 3  # punctuation dropped, case kept
    assert page_precision_recall("one two three four five", "") == (None, 0.0)  # empty: no precision
    assert page_precision_recall("one two three four five", "one two three four") == (1.0, 0.5)
    assert page_precision_recall("One two three four", "one two three four") == (0.0, 0.0)
    result = score({"a": "one two three four five", "b": "x y z w"}, {"a": "", "b": "x y z w"})
    assert result["precision"] == 1.0 and result["recall"] == 0.5
    assert result["f1"] == pytest.approx(2 / 3) and result["accuracy"] == 0.5


def test_reference_list_entries_are_removed_but_prose_citing_a_study_stays():
    body = ("Psoriasis is a long-term skin condition that causes patches of skin to become red and scaly. "
            "It affects people of all ages.")
    prose = "A study by Smith et al. (2019) found that stress makes psoriasis worse for many people who have it."
    reference = ("* Skin facts. (n.d.). Jones A, et al. (2021). Role of topical treatments in therapy of psoriasis."
                 "https://example.org/psoriasis-facts")
    cleaned = clean_text("\n\n".join([body, prose, reference])).text
    assert prose in cleaned and body in cleaned
    assert "Role of topical treatments" not in cleaned


def test_a_list_inside_a_markdown_box_keeps_its_introduction():
    text = ("# Lumbar spinal stenosis\n\nStenosis narrows the spinal canal and squeezes the nerves to the legs.\n\n"
            "> **When is it an emergency?**\n>\n> Rarely it causes cauda equina syndrome. Its warning signs are:\n>\n"
            "> * loss of bladder control\n> * loss of bowel control\n>\n"
            "> Cauda equina syndrome is a medical emergency, so go straight to A&E.\n")
    assert "loss of bowel control" in clean_text(text).text


def test_a_reader_s_question_loses_its_signature_and_stands_as_a_heading():
    paragraph = "<p>Psoriasis is a long-term condition that speeds up the way your skin renews itself. </p>" * 4
    html = ("<html><head><title>Ask our dermatologist</title></head><body><main><article>" + paragraph +
            "<h2>&ldquo;Which treatments actually work?&rdquo; &ndash; Sam, 41</h2>" + paragraph +
            "</article></main></body></html>")
    lines = clean_html(html).text.split("\n")
    assert "\u201cWhich treatments actually work?\u201d" in lines or '"Which treatments actually work?"' in lines
    assert "Sam, 41" not in clean_html(html).text


def test_the_headline_above_a_written_by_byline_is_the_title_and_the_byline_names_the_author():
    text = ("Calmly Help Centre\nSearch articles...\nTry Calmly Plus free for 7 days, then £9.99 a month\n"
            "Understanding generalised anxiety disorder (GAD)\n"
            "Written by Dr Ada Brook, Clinical Psychologist and Calmly Clinical Content Lead\n"
            "Everyone worries now and then, and that kind of worry usually fades once the moment has passed. "
            "Generalised anxiety disorder is different: the worry takes up so much space that it gets in the way.\n")
    cleaned = clean_text(text)
    assert cleaned.title == "Understanding generalised anxiety disorder (GAD)"
    assert cleaned.author == "Dr Ada Brook"
    assert "Written by" not in cleaned.text


def test_a_translation_widgets_caption_is_no_title():
    text = ("Translate this page\n\nHead lice: the facts\n\nHead lice are tiny insects that live in the hair. "
            "They are very common in primary school children and are nothing to be ashamed of.\n\n"
            "Wet combing with a detection comb is cheap, safe at any age, and the lice cannot resist it.")
    cleaned = clean_text(text)
    assert cleaned.title != "Translate this page" and "Translate this page" not in cleaned.text


def test_a_navigation_bar_run_together_with_single_spaces_is_junk():
    menu = ("Home About Us Meet the Team Treatments General Dentistry Hygiene & Gum Health Gum Disease "
            "Whitening Invisalign Implants Fees Contact Book now")
    text = (f"{menu}\n\nGum disease is one of the most common problems we see, and one of the most preventable. "
            "Most adults will have some degree of it at some point in their lives.\n\nGingivitis is the early "
            "stage. Only the gums are affected, and it usually settles within a couple of weeks.")
    cleaned = clean_text(text)
    assert "Invisalign" not in cleaned.text and "Gingivitis is the early stage." in cleaned.text


def test_a_navigation_bar_run_together_without_spaces_is_junk_and_no_title():
    menu = ("Willowbrook House Care HomeAbout UsOur CareResidentialNursingDementia CareRespiteFamiliesVisiting "
            "TimesActivitiesCareersStaff AreaContact")
    text = (f"{menu}\n\nKeeping residents cool in a heatwave\n\nOlder residents feel the heat more than we do, and "
            "many cannot tell us when they are struggling. Offer a drink every hour and keep the curtains closed on "
            "the sunny side of the building.\n\nHeat exhaustion can come on over a single afternoon.")
    cleaned = clean_text(text)
    assert "Willowbrook" not in cleaned.text and cleaned.title == "Keeping residents cool in a heatwave"


def test_a_bar_of_short_labels_set_apart_by_pipes_is_junk_but_a_leaflets_details_are_no_menu():
    text = ("Logged in as: staff | Log out | Rota | Training Matrix | Policies\n\nKeeping residents cool in a heatwave\n\n"
            "Leaflet ref: PI-HAEM-014 | Version 5 | Published: June 2024\n\n"
            "Older residents feel the heat more than we do, and many cannot tell us when they are struggling. Offer a "
            "drink every hour and keep the curtains closed on the sunny side of the building.")
    cleaned = clean_text(text)
    assert "Log out" not in cleaned.text and cleaned.title == "Keeping residents cool in a heatwave"
    assert not clean.looks_like_menu_row("Leaflet ref: PI-HAEM-014 | Version 5 | Published: June 2024")


def test_a_cookie_notice_labelled_cookies_is_junk():
    text = ("Cookies: we use essential cookies to run the staff portal. Accept | More info\n\nKeeping residents cool\n\n"
            "Older residents feel the heat more than we do, and many cannot tell us when they are struggling. Offer a "
            "drink every hour and keep the curtains closed on the sunny side of the building.")
    cleaned = clean_text(text)
    assert "cookies" not in cleaned.text and cleaned.title == "Keeping residents cool"


@pytest.mark.parametrize("line", [
    "Ringworm In Children And Adults What It Looks Like And How To Treat It At Home",  # names no page of the site
    "Home remedies for gum disease that you can try at home, and when to see a dentist",  # a sentence mark
])
def test_a_long_capitalised_headline_is_no_menu(line):
    assert not clean.looks_like_glued_menu(line)


def test_a_you_might_also_like_line_of_links_is_junk():
    text = ("Gastritis is inflammation of the stomach lining. It is common and usually mild, and most people "
            "get better within a few days.\n\nYou might also like: Heartburn and acid reflux | IBS: your questions "
            "answered\n\nAntacids ease the pain of gastritis quickly, and alginates help after meals and at bedtime.")
    assert "You might also like" not in clean_text(text).text


def test_a_heading_boxed_by_rule_lines_stays_above_its_subheading():
    rule = "-" * 60
    text = ("Antenatal class handout\n\nPlease keep this sheet with your maternity notes and bring it to every class.\n\n"
            f"{rule}\nPART 1: GESTATIONAL DIABETES\n{rule}\n\nWhat is it?\n"
            "Gestational diabetes is high blood sugar that develops during pregnancy and goes after the birth.\n")
    lines = clean_text(text).text.split("\n\n")
    assert lines.index("PART 1: GESTATIONAL DIABETES") == lines.index("What is it?") - 1


def test_a_full_line_goes_on_into_a_bracket_or_after_a_word_no_sentence_ends_with():
    text = ("Antenatal class handout\n\n"
            "Pre-eclampsia affects some women in the second half of their pregnancy\n"
            "(after 20 weeks) or soon after the birth, and it raises blood pressure a lot.\n"
            "That is why we check your blood pressure and test your urine at\n"
            "EVERY antenatal appointment, so please do not skip any of them at all.\n")
    body = clean_text(text).text
    assert "pregnancy (after 20 weeks) or soon" in body and "urine at EVERY antenatal" in body


def test_indented_arrow_lines_are_list_items_not_a_quote():
    text = ("Antenatal class handout\n\nMild pre-eclampsia often causes no symptoms that you would notice.\n"
            "As it gets worse, symptoms can include:\n"
            "  > a bad headache that doesn't go away with paracetamol\n"
            "  > problems with your vision, such as blurring or seeing\n"
            "    flashing lights\n"
            "  > vomiting\n")
    lines = clean_text(text).text.split("\n\n")
    assert "problems with your vision, such as blurring or seeing flashing lights." in lines
    assert "vomiting." in lines


def test_a_forum_threads_headline_above_its_started_by_line_is_the_title_and_a_bar_of_bracketed_links_is_junk():
    text = ("RIGFORGE COMMUNITY  |  Forums  >  Off-Topic  >  Health\n"
            "[Home] [Forums] [Builds] [Deals] [Esports] [Log in]\n\n"
            "THREAD: PSA + question - my eyes were wrecked after ten hour raid nights and it "
            "turned out to be dry eye (long post)\n"
            "Started by: lowfps_larry   |   Posted 3 days ago   |   142 replies\n\n"
            "So for about six months my eyes have felt awful after long sessions, and I play most nights.\n")
    cleaned = clean_text(text)
    assert cleaned.title.startswith("THREAD: PSA + question") and cleaned.author == "lowfps_larry"
    assert "[Home]" not in cleaned.text and "Home" not in cleaned.text.split("\n\n")[0]


def test_a_long_header_line_does_not_set_the_wrap_width_of_an_indented_handout():
    text = ("Health and Safety Handout HS-07  |  Level 2 & Level 3 Hairdressing  |  Issue 4, September 2024\n\n"
            "1. Irritant contact dermatitis\n"
            "   This is the most common kind of dermatitis. It happens when the protective\n"
            "   barrier of the skin is worn down faster than it can repair itself. In our job\n"
            "   the main culprit is wet work: shampooing and rinsing. It creeps up over some\n"
            "   weeks, and worse in winter. At first the skin just feels dry and tight;\n"
            "   then it cracks, especially in the finger webs, and becomes sore.\n\n"
            "Watch for:\n"
            "  * burning or stinging, especially when you put your hands in water or\n"
            "    use hand gel\n"
            "  * swelling, often around the fingers\n")
    lines = clean_text(text).text.split("\n\n")
    assert ("This is the most common kind of dermatitis. It happens when the protective barrier of the skin is worn down "
            "faster than it can repair itself. In our job the main culprit is wet work: shampooing and rinsing. It creeps "
            "up over some weeks, and worse in winter. At first the skin just feels dry and tight; then it cracks, especially in the finger "
            "webs, and becomes sore.") in lines
    assert "burning or stinging, especially when you put your hands in water or use hand gel." in lines
    assert "swelling, often around the fingers." in lines


def test_many_lines_of_one_width_set_the_wrap_width_however_long_the_longest_line():
    """A newsletter's contents line (here 103 characters) stands out far beyond its wrapped lines (66 to 74): the
    lines still share a width, so their bullets stay and their sentences join."""
    prose = ("As the worms settle into the intestine, some people get an upset stomach, loose stools, vomiting, "
             "stomach cramps and tiredness. This stage is often mild or missing altogether, and it is easy to blame "
             "on a bad burger or on a camp stomach bug. The second stage is the one that people remember best, "
             "because the larvae move into the muscles and stay there for months, which is why the aches last so "
             "long after the meal itself has been forgotten by everyone who ate it at the camp. Typical complaints are:")
    words, lines, line = prose.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > 74:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    text = ("In this issue: President's Corner | Range Schedule | Health & Safety | Youth Hunt Recap | Classifieds\n\n"
            "STAGES OF THE ILLNESS\n\n" + "\n".join(lines) + "\n\n" + "\n".join(lines[:-1]) + "\nYou may notice:"
            "\n\n  * fever and chills\n  * headache\n"
            "  * red, sore eyes and sensitivity to light\n\nMuscle aches and weakness can hang on for months after the "
            "infection\nitself is over.\n")
    assert len(lines) >= 7 and clean.wrap_width(text.splitlines()) <= 74
    paragraphs = clean_text(text).text.split("\n\n")
    assert prose in paragraphs
    assert {"fever and chills.", "headache.", "red, sore eyes and sensitivity to light."} <= set(paragraphs)


def test_in_wrapped_prose_a_full_line_ending_a_sentence_goes_on_in_the_next_but_unwrapped_lines_stay_apart():
    wrapped = ("Cracked skin can become infected, and the cracks can go deep into the\n"
               "finger webs, where they are slow to heal and easy to knock at work.\n"
               "Signs of infection are pus, yellow crusts, or increasing pain and heat\n"
               "around the cracks, and you should see a GP about them the same day.\n\n"
               "CALL 999 if a student or client has swelling of the lips, tongue or throat,\n"
               "trouble breathing, or feels faint after contact with a product or gloves.\n"
               "These are signs of anaphylaxis. Use their auto-injector if they have one.\n")
    assert clean_text(wrapped).text.split("\n\n")[-1] == (
        "CALL 999 if a student or client has swelling of the lips, tongue or throat, trouble breathing, or feels "
        "faint after contact with a product or gloves. These are signs of anaphylaxis. Use their auto-injector if "
        "they have one.")
    unwrapped = ("Knee pain has many causes, from injury to arthritis and gout in older people.\n"
                 "Rest and ice help most people within a few weeks of the first symptoms.\n")
    assert len(clean_text(unwrapped).text.split("\n\n")) == 2


def test_a_transcripts_times_and_speakers_are_dropped_so_a_question_stands_as_a_heading():
    text = ("THE SALT CELLAR - a podcast for people living with adrenal conditions\n\n"
            "[00:14] JESS: Hello and welcome back. Today I'm joined by Priya, an endocrine nurse.\n\n"
            "[05:20] JESS: So, Cushing's - the opposite problem?\n\n"
            "[05:23] PRIYA: Right, it's when there's too much cortisol in the body.\n\n"
            "The meeting starts at 10:30 sharp in room 4.\n")
    lines = clean_text(text).text.split("\n\n")
    assert "So, Cushing's - the opposite problem?" in lines
    assert "Right, it's when there's too much cortisol in the body." in lines
    assert "The meeting starts at 10:30 sharp in room 4." in lines
    stamped_once = text.replace("[00:14] ", "").replace("[05:23] ", "")
    assert "[05:20] JESS: So, Cushing's - the opposite problem?" in clean_text(stamped_once).text



def test_a_transcripts_speakers_without_times_are_dropped_where_two_speak_in_turn():
    text = ("WARD ROUND RADIO - episode 9\n\n"
            "PRIYA: Hello and welcome. Today I'm joined by a consultant.\n\n"
            "DR FERREIRA-BRIGHT: Thanks, Priya. Glad to be here.\n\n"
            "PRIYA: So what do people actually notice first?\n\n"
            "DR FERREIRA-BRIGHT: Usually it's weakness in the big muscles.\n\n"
            "NOTE: This episode is for information only.\n")
    lines = clean_text(text).text.split("\n\n")
    assert "So what do people actually notice first?" in lines
    assert "Usually it's weakness in the big muscles." in lines
    assert "NOTE: This episode is for information only." in lines  # a label that speaks once is no speaker
    one_speaker = text.replace("DR FERREIRA-BRIGHT: ", "")
    assert "PRIYA: So what do people actually notice first?" in clean_text(one_speaker).text


def test_a_transcripts_speakers_are_dropped_where_its_times_stand_only_in_a_list_of_chapters():
    text = ("OPEN CHEST - the podcast\n\nIn this episode:\n\n00:00 Welcome and introductions\n\n"
            "02:10 What is going on in the lungs?\n\n24:05 Listener question: Eisenmenger syndrome\n\nTRANSCRIPT\n\n"
            "ANNIKA: Hello and welcome. Today we're talking about pulmonary hypertension.\n\n"
            "JOEL: Thanks for having me.\n\nANNIKA: What does that feel like for the person?\n\n"
            "JOEL: The hallmark is cyanosis, and people tire easily.\n")
    lines = clean_text(text).text.split("\n\n")
    assert "What does that feel like for the person?" in lines
    assert "The hallmark is cyanosis, and people tire easily." in lines
    assert "Listener question: Eisenmenger syndrome" in lines


def test_a_list_item_ending_in_a_word_like_to_does_not_run_into_the_paragraph_after_it_in_html():
    paragraph = "<p>A bunion is a bony lump on the side of the foot at the base of the big toe, and it grows slowly. </p>" * 3
    html = ("<html><head><title>Bunions</title></head><body><main><article>" + paragraph +
            "<p>The usual signs are:</p><ul><li>swelling and redness around the big toe joint</li>"
            "<li>stiffness, so the big toe won't bend as far as it used to</li></ul>"
            "<p>In class it often shows up in less obvious ways, such as pain when rising onto demi-pointe.</p>"
            + paragraph + "</article></main></body></html>")
    lines = clean_html(html).text.split("\n\n")
    assert "stiffness, so the big toe won't bend as far as it used to." in lines
    assert "In class it often shows up in less obvious ways, such as pain when rising onto demi-pointe." in lines


def test_a_front_matter_title_opening_with_a_quotation_keeps_its_quotes():
    text = ('---\ntitle: "\u201cMummy thumb\u201d: why my wrist screamed"\nauthor: Hannah R.\n---\n\n'
            "When Olive was about seven weeks old, I noticed a sharp pain at the base of my right thumb.\n")
    assert clean_text(text).title == '"Mummy thumb": why my wrist screamed'


def test_a_line_of_html_tags_alone_in_a_markdown_dump_is_junk():
    text = ("[Skip to content](#main) \u00b7 [Home](/) \u00b7 [Join the union](/join) \u00b7 [Log in](/login)\n\n"
            "> **Cookies on our site** - We use essential cookies to make this site work. [Accept all](#) | [Settings](/c)\n\n"
            '---\n\n<a id="main"></a>\n\n# Sleep and night shifts\n\n'
            "Most of us know the feeling of crawling into bed at 9am, exhausted, only to lie there awake.\n\n"
            "Use <b>bold</b> text with care.\n")
    lines = clean_text(text).text.split("\n\n")
    assert '<a id="main"></a>' not in lines
    assert any("crawling into bed" in line for line in lines)
    assert any(line.startswith("Use ") for line in lines)


NEWSLETTER = """NORTHVALE SUPPORT GROUP - WINTER NEWSLETTER

--------------------------------------------------------------
3. FEATURE: "MY HEART RACES WHEN I STAND UP" - ALL ABOUT PoTS
--------------------------------------------------------------

Postural tachycardia syndrome (PoTS) is a condition in which
your heart beats abnormally fast when you move from lying or
sitting to standing. In adults, doctors look for a rise of at
least 30 beats per minute within 10 minutes of standing,
without a big drop in blood pressure. PoTS is much more common
in people with ME/CFS than in the general population, and it
also turns up alongside long COVID and hypermobile
Ehlers-Danlos syndrome.

Symptoms come on when you are upright and ease when you lie
down, and they can be very disabling for some of our members.
"""


def test_a_line_between_two_rule_lines_is_a_heading_and_wrapped_prose_goes_on_in_a_capital():
    lines = clean_text(NEWSLETTER).text.split("\n\n")
    assert 'FEATURE: "MY HEART RACES WHEN I STAND UP" - ALL ABOUT PoTS' in lines
    assert any(line.endswith("also turns up alongside long COVID and hypermobile Ehlers-Danlos syndrome.") for line in lines)


def test_a_list_under_a_heading_underlined_with_a_rule_line_is_kept():
    text = ("Dear parents and carers, a few children in the network have threadworms, so here is what to do.\n\n"
            "HYGIENE MEASURES FOR THE WHOLE HOUSEHOLD\n"
            "------------------------------------------------------------------\n"
            "  * wash hands and scrub under nails regularly, especially after the toilet\n"
            "  * keep nails short and try to stop nail-biting\n"
            "  * wash bedding, towels and nightclothes on a hot wash\n\n"
            "Children with threadworms can come to their childminder as normal, so please let your minder know.\n")
    lines = clean_text(text).text.split("\n\n")
    assert "keep nails short and try to stop nail-biting." in lines


def test_a_byline_whose_author_has_a_bracketed_role_marks_the_headline_above_it():
    text = ("Kingfisher Swimming Club | Newsletter | Summer\nHomeAbout UsSquadsContact\n"
            "Water in the ear: swimmer's ear explained\n"
            "By Dr Sam Okafor (Masters squad, GP) with input from our club coach\n"
            "Most swimmers get an ear that feels blocked at some point, and it usually clears by itself within an hour. "
            "When it does not, and the ear starts to itch and hurt, it may be an infection of the ear canal.\n")
    cleaned = clean_text(text)
    assert cleaned.title == "Water in the ear: swimmer's ear explained"
    assert cleaned.author == "Dr Sam Okafor"


def test_a_line_opening_with_a_bracketed_advert_label_is_junk_whatever_its_length():
    page = Path(__file__).parent / "data" / "synthetic31" / "pneumothorax-rowing-club-newsletter.txt"
    cleaned = clean_text(page.read_text(encoding="utf-8"))
    assert not [line for line in cleaned.text.splitlines() if "Advertisement" in line]
    assert "Rib stress fractures are one of the commonest reasons" in cleaned.text


def test_single_mark_italics_are_stripped_but_bullets_and_footnote_stars_stay():
    assert clean.strip_markdown("The bumps can be *really* itchy, and _never_ contagious.")[0] == (
        "The bumps can be really itchy, and never contagious.")
    assert clean.strip_markdown("Required fields are marked *")[0] == "Required fields are marked *"


def test_a_byline_below_a_long_site_menu_still_marks_the_headline_above_it():
    menu = "\n".join(["Pennock Pharmacy", "Your local chemist since 1987", "Search products", "Basket (0)",
                      "Prescriptions", "Health Advice", "Services", "Shop", "Vitamins & Supplements", "Find a branch",
                      "FREE local delivery on orders over £25 | Order repeat prescriptions online", "Health Advice",
                      "Campaigns", "Vitamin D: Let the Light In", "OUR AUTUMN VITAMIN D CAMPAIGN"])
    text = (f"{menu}\nSoft bones, aching bodies: what you should know about osteomalacia\n"
            "By Imogen Achterberg MPharm, Pharmacist Manager, Pennock Castlegate\n"
            "From October to March the sun is too low for our skin to make much vitamin D. "
            "Every winter our pharmacists see customers whose aches turn out to be linked to low levels.\n")
    cleaned = clean_text(text)
    assert cleaned.title == "Soft bones, aching bodies: what you should know about osteomalacia"
    assert cleaned.author == "Imogen Achterberg MPharm"


def test_a_numbered_heading_in_capitals_below_the_contents_box_heads_its_feature():
    rule = "-" * 60
    text = ("THE CLINIC BULLETIN\nIssue 4 - Spring 2025\n\n"
            f"{rule}\n  IN THIS ISSUE\n    1. Feature: Living with gout\n    2. Not the same thing: pseudogout\n{rule}\n\n\n"
            "1. FEATURE: LIVING WITH GOUT\n   by Sister Ann Hale, Rheumatology Nurse Specialist\n\n"
            "Gout comes up on the helpline more than almost any other condition, so this issue answers the\n"
            "questions we hear most often from callers and their families.\n\n"
            "2. NOT THE SAME THING: PSEUDOGOUT\n\nPseudogout is caused by calcium crystals, not by uric acid.\n")
    cleaned = clean_text(text)
    # the headline above the byline is the feature's title, the byline names its author
    assert (cleaned.title, cleaned.author) == ("FEATURE: LIVING WITH GOUT", "Sister Ann Hale")
    lines = cleaned.text.split("\n\n")
    assert lines[lines.index("NOT THE SAME THING: PSEUDOGOUT") + 1].startswith("Pseudogout is")  # a heading, no item


def test_a_tables_short_rows_stay_with_its_header_row():
    text = ("# Living with the condition\n\nThere's no cure yet, but a lot can be done, and most families find a routine "
            "that works for them within the first year or two after the diagnosis.\n\n"
            "| Therapy | What it's for |\n|---|---|\n| Physiotherapy | balance, walking, posture |\n"
            "| Occupational therapy | fine motor skills, feeding, dressing, seating |\n"
            "| Behaviour therapy | hyperactivity, routines, bedtimes |\n\n"
            "Many of our children communicate with picture cards or a speech app on a tablet, and most families say "
            "that it made the biggest difference of all to daily life at home and at school.\n")
    lines = clean_text(text).text.split("\n\n")
    assert {"| Physiotherapy | balance, walking, posture |", "| Behaviour therapy | hyperactivity, routines, bedtimes |",
            "| Therapy | What it's for |"} <= set(lines)
    assert not any(set(line) <= set("|-: ") for line in lines)  # the rule line under the header stays out


def test_a_box_drawn_around_a_note_is_no_table():
    from extractors.clean import unboxed
    text = ("Diarrhoea is not typical early in the illness.\n\n"
            "  +------------------------------------------------+\n"
            "  | DANGER SIGNS: REFER OR ADMIT NOW                |\n"
            "  |  - unable to drink, or vomiting everything      |\n"
            "  |  - fast or difficult breathing                  |\n"
            "  +------------------------------------------------+\n\n"
            "| Setting | Regimen |\n|---|---|\n| Children | by weight |\n")
    lines = [line.strip() for line in unboxed(text).split("\n")]
    assert "DANGER SIGNS: REFER OR ADMIT NOW" in lines and "- fast or difficult breathing" in lines
    assert not any(line.strip().startswith("+") for line in lines)
    assert "| Setting | Regimen |" in lines  # a table keeps its cells


def test_a_breadcrumb_trail_names_the_page_s_place_on_its_site():
    text = ("FIELDLINE MEDICAL RELIEF\nClinical resources for field teams | www.fieldline-relief.example/resources\n"
            "Home > Resources > Field briefings > Communicable diseases > Epidemic typhus\n\n"
            "Epidemic typhus is an old disease that keeps coming back wherever people are forced to live crowded "
            "together without the chance to wash or change their clothes.\n\nIt is spread by lice, and it is treated "
            "with doxycycline, which works within a day or two in most patients.\n")
    cleaned = clean_text(text)
    assert cleaned.breadcrumb == "Epidemic typhus"
    linked = ("# Costochondritis\n\nHome › [Conditions we treat](/conditions/) › [Chest wall pain](/chest/) › "
              "Costochondritis\n\nCostochondritis is inflammation of the cartilage joining the ribs to the breastbone. "
              "It causes sharp chest pain that gets worse when you breathe in deeply or press on the area.\n")
    assert clean_text(linked).breadcrumb == "Costochondritis"
    assert clean_text(text.replace("Home > Resources > Field briefings > Communicable diseases > Epidemic typhus\n",
                                   "")).breadcrumb is None
