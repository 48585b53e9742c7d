"""Text stage: the article survives with exact offsets, the site around it does not."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

import pytest

from app.extract import text as text_stage
from app.extract.text import clean

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = (REPO / "seeds" / "000_00057ca488cefb31.txt").read_text(encoding="utf-8")
HEADLINE = "China denies US claim that Russia asked for help in Ukraine"
STANDFIRST = ('"The US has repeatedly spread malicious disinformation against China on the Ukraine '
              'issue," the Chinese embassy in London said.')
LEDE = ("China denied on Tuesday claims by US officials that Russia had sought military assistance in "
        'Ukraine and accused Washington of spreading "malicious disinformation" that risked '
        "escalating the conflict.")
QUOTE = ('"The top priority now is to ease the situation, instead of adding fuel to the fire, and work '
         'for diplomatic settlement rather than further escalate the situation."')
LAST = "The Kremlin denied any such request had been made."


def kept(cleaned) -> list[str]:
    return [p.text for p in cleaned.paragraphs]


def assert_exact_offsets(cleaned, submitted: str | None = None) -> None:
    if submitted is not None:
        assert cleaned.text == submitted
    for p in cleaned.paragraphs:
        assert p.text == cleaned.text[p.start:p.end]


# --- the seed article ---------------------------------------------------------------------------

def test_seed_keeps_headline_standfirst_and_every_body_paragraph():
    cleaned = clean(SEED)
    assert_exact_offsets(cleaned, SEED)
    assert cleaned.title == HEADLINE
    assert [(p.kind, p.text) for p in cleaned.paragraphs[:2]] == [("title", HEADLINE), ("title", STANDFIRST)]
    body = [p.text for p in cleaned.paragraphs if p.kind == "body"]
    assert body[0] == LEDE
    assert QUOTE in body
    assert body[-1] == LAST
    assert len(body) == 6


@pytest.mark.parametrize("dropped", [
    "Israel News Coronavirus",  # the first line's navigation
    "Jerusalem Post World News",
    "By REUTERS",
    "Published: MARCH 15",
    "bumps fists",  # the photo caption, both copies
    "photo credit",
    "PRO-RUSSIAN armored convoy",
    "Tags Russia",
    "newsletter",
    "Most Read",
    "Bennett advises Zelensky",
    "Anonymous hacks",
    "Customer Service Center",
    "Copyright",
])
def test_seed_drops_site_boilerplate(dropped):
    assert not [t for t in kept(clean(SEED)) if dropped.lower() in t.lower()]


def test_seed_metadata():
    cleaned = clean(SEED)
    assert cleaned.published_at == date(2022, 3, 15)
    assert cleaned.language == "en"


# --- line features, on real lines of the seed -----------------------------------------------------

@pytest.mark.parametrize(("line", "label"), [
    ("Aliyah Judaism Kabbalah Christian World Health & Wellness Science Antisemitism Law Israel "
     "Real Estate Premium", "nav"),
    ("By REUTERS", "byline"),
    ("Published: MARCH 15, 2022 07:43", "dateline"),
    ("(photo credit: CARLO ALLEGRI/REUTERS)", "caption"),
    ("PRO-RUSSIAN armored convoy travels outside the separatist-controlled town of Volnovakha in "
     "Ukraine’s Donetsk region on Saturday. (credit: Alexander Ermochenko/Reuters)", "caption"),
    ("Tags Russia China Ukraine crisis", "end"),
    ("Copyright © 2022 Jpost Inc. All rights reserved • Terms of Use • Privacy Policy Designed by", "end"),
    ("Subscribe for our daily newsletter", "prompt"),
    ("By subscribing I accept the terms of use and privacy policy", "prompt"),
    ("Most Read", "list"),
    ("Editor’s note: Donald Trump regularly incites political violence.", "note"),
    ("Correction: An earlier version of this story gave the wrong date for the vote.", "note"),
    (HEADLINE, "short"),
    (QUOTE, "prose"),
    (LAST, "prose"),
])
def test_line_labels(line, label):
    assert text_stage._label(line) == label


@pytest.mark.parametrize("line", [
    "A Reuters/Ipsos poll found that most voters backed the plan.",  # an agency name is no credit
    "By Tuesday, the army had withdrawn from the town.",  # "By" opens a sentence, not a byline
    "On March 15, 2022, Russia said it would respond.",  # a date inside a sentence
    "Comments by the minister drew sharp criticism from Beijing.",
    "Putin Shrugs Off Trump's Tweet On Expanding U.S. Nuclear Capability",  # title case, not a menu
    "\u2014 Jane Doe (@janedoe) May 1, 2020",  # an embedded post's signature says who wrote it
])
def test_article_lines_are_not_boilerplate(line):
    assert text_stage._label(line) in {"prose", "short"}


# --- structure -----------------------------------------------------------------------------------

def test_teaser_list_inside_the_body_ends_at_the_next_real_paragraph():
    page = "\n\n".join([
        HEADLINE, LEDE, "Trending Now",
        "Macron’s wife shoves him on plane in moment caught on video",
        "‘The True North is indeed strong and free,’ King Charles III says in speech",
        "The Orlan-10 is a drone that Russian forces use in Ukraine. Canada banned exports of its parts.",
        LAST,
    ])
    texts = kept(clean(page))
    assert not [t for t in texts if "Macron" in t or "True North" in t or t == "Trending Now"]
    assert texts[-2].startswith("The Orlan-10") and texts[-1] == LAST


def test_repeated_caption_lines_and_a_repeated_lede_leave_one_article_copy():
    caption = "The U.N. vote's impact on U.S.-Israel relations"
    page = "\n\n".join([HEADLINE, LEDE, f"{caption}\nPlay VIDEO\n{caption}\n{QUOTE}", LEDE, LAST])
    texts = kept(clean(page))
    assert texts == [HEADLINE, LEDE, QUOTE, LAST]


def test_prose_after_the_footer_is_not_article_text():
    footer = "\n".join([
        "Tags Russia China Ukraine crisis", "Information", "About Us", "Contact us", "Feedback", "Sitemap",
        "The center is staffed and provides answers on Sundays through Thursdays between 07:00 AM "
        "and 14:00 PM.",
    ])
    assert kept(clean(f"{HEADLINE}\n\n{LEDE}\n\n{LAST}\n\n\n{footer}")) == [HEADLINE, LEDE, LAST]


def test_a_newsletter_prompt_inside_the_body_does_not_end_the_article():
    prompt = ("Morning Defense newsletter Sign up for Morning Defense, a daily briefing on national "
              "security. Email Sign Up By signing up you agree to receive email newsletters or alerts.")
    page = "\n\n".join([HEADLINE, LEDE, prompt, QUOTE, LAST])
    assert kept(clean(page)) == [HEADLINE, LEDE, QUOTE, LAST]


def test_headline_and_sub_headline_in_one_block_are_titles():
    page = ("Candidates vie for vets' support; \n"
            "Trump and Clinton point out own credentials during forum.\n\n"
            f"{LEDE}\n\n{LAST}")
    cleaned = clean(page)
    assert [p.kind for p in cleaned.paragraphs] == ["title", "title", "body", "body"]
    assert cleaned.title == "Candidates vie for vets' support"


def test_markdown_headline_byline_and_inline_leftovers_stay_outside_paragraphs():
    page = (f"# {HEADLINE}\n\n*By Mason Boycott-Owen*\n\nMay 23, 2025\n\n"
            f"{LEDE} Story continues below advertisement\n\n{LAST} jane.doe@example.com\n")
    cleaned = clean(page)
    assert_exact_offsets(cleaned, page)
    assert kept(cleaned) == [HEADLINE, LEDE, LAST]
    assert cleaned.published_at == date(2025, 5, 23)


def test_hard_wrapped_lines_form_one_paragraph():
    wrapped = "Officials said the army\nwithdrew from\nthe town on Tuesday."
    assert kept(clean(f"{HEADLINE}\n\n{wrapped}\n\n{LAST}")) == [HEADLINE, wrapped, LAST]


def test_short_article_paragraphs_survive_between_captions():
    page = "\n\n".join([
        HEADLINE,
        "A combination photo shows the two envoys in New York, U.S. September 21, 2017. REUTERS/Jane Doe",
        LEDE, "On Tuesday, his spokesman went even further.", "SANCTIONS", QUOTE, LAST,
    ])
    texts = kept(clean(page))
    assert texts == [HEADLINE, LEDE, "On Tuesday, his spokesman went even further.", "SANCTIONS", QUOTE, LAST]


@pytest.mark.parametrize(("first_lines", "expected"), [
    ("date 2022-03-15 Home World News", date(2022, 3, 15)),
    ("Updated March 16, 2022 10:02", date(2022, 3, 16)),
    ("By KELVIN CHAN Thu, May 15, 2025 at 3:41 AM PDT 2 min read 1", date(2025, 5, 15)),
    ("17 April 2023", date(2023, 4, 17)),
    ("Home World News", None),
])
def test_published_date_from_dateline(first_lines, expected):
    assert clean(f"{first_lines}\n\n{HEADLINE}\n\n{LEDE}").published_at == expected


@pytest.mark.parametrize(("body", "language"), [
    ("Die Regierung hat am Dienstag erklärt, dass sie die Vorwürfe nicht akzeptiert und auch weiterhin "
     "mit den Partnern in der Region zusammenarbeiten wird, wie ein Sprecher sagte.", "de"),
    ("Le gouvernement a déclaré mardi qu’il rejetait les accusations et qu’il continuerait à travailler "
     "avec ses partenaires dans la région, selon un porte-parole du ministère.", "fr"),
    ("中国外交部发言人周二表示，中方坚决反对美方散布的虚假信息，并敦促美方停止抹黑中国。", "zh"),
    (LEDE, "en"),
    ("", "und"),
])
def test_language_guess(body, language):
    assert clean(body).language == language


# --- HTML ----------------------------------------------------------------------------------------

ARTICLE_PAGE = f"""<html><head><title>{HEADLINE} | The Daily Site</title>
<meta property="og:title" content="{HEADLINE}">
<meta property="article:published_time" content="2022-03-15T07:43:00Z"></head><body>
<header><a href="/">The Daily Site</a></header>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World News</a></li></ul></nav>
<article><h1>{HEADLINE}</h1><p class="byline">By REUTERS</p>
<p>{LEDE}</p>
<figure><img src="x.jpg">
<figcaption>Two envoys bump fists (photo credit: CARLO ALLEGRI/REUTERS)</figcaption></figure>
<p>"China has been playing a constructive role in promoting peace talks," it added.</p>
<p>{QUOTE}</p><p>{LAST}</p></article>
<aside><h2>Most Read</h2><ol><li><a href="/a">Bennett advises Zelensky to surrender to Russia</a></li>
<li><a href="/b">Anonymous hacks Russian federal agency</a></li></ol></aside>
<footer><p>Copyright 2022 The Daily Site. All rights reserved.</p></footer></body></html>"""


def test_html_article_keeps_body_and_drops_the_page_around_it():
    cleaned = clean(html=ARTICLE_PAGE)
    assert_exact_offsets(cleaned)
    assert cleaned.title == HEADLINE
    assert cleaned.published_at == date(2022, 3, 15)
    texts = kept(cleaned)
    assert texts[0] == HEADLINE and cleaned.paragraphs[0].kind == "title"
    assert LEDE in texts and QUOTE in texts and texts[-1] == LAST
    for dropped in ("Home", "Most Read", "Bennett", "Anonymous", "Copyright", "bump fists", "Daily Site"):
        assert dropped not in cleaned.text


def test_html_fallback_strips_tags_when_the_page_is_too_deep():
    page = ARTICLE_PAGE.replace("<article>", "<div>" * 50_000 + "<article>").replace(
        "</article>", "</article>" + "</div>" * 50_000)
    started = time.perf_counter()
    cleaned = clean(html=page)
    assert time.perf_counter() - started < 10
    assert_exact_offsets(cleaned)
    assert cleaned.title == HEADLINE
    texts = kept(cleaned)
    assert LEDE in texts and texts[-1] == LAST
    for dropped in ("Most Read", "Bennett", "Copyright", "bump fists"):
        assert dropped not in cleaned.text


# --- coverage on the research sets ---------------------------------------------------------------

def _articles(folder: str, suffix: str):
    root = SHARED / "eval" / folder
    if not root.is_dir():
        pytest.skip("research data not present")
    for labels in sorted(root.glob(f"*{suffix}")):
        source = labels.with_name(labels.name.removesuffix(suffix) + ".txt")
        yield labels.name, source.read_text(encoding="utf-8"), json.loads(labels.read_text(encoding="utf-8"))


def test_dev_evidence_sentences_all_lie_in_kept_paragraphs():
    misses = []
    for name, article, gold in _articles("dev", ".gold.json"):
        texts = kept(clean(article))
        misses += [(name, sentence) for statement in gold["statements"]
                   for sentence in statement["evidence"] if not any(sentence in t for t in texts)]
    assert misses == []


def test_polnear_gold_cues_lie_in_kept_paragraphs():
    total, misses = 0, []
    for name, article, gold in _articles("polnear-dev", ".attr.json"):
        paragraphs = clean(article).paragraphs
        for start, end in (span for attribution in gold["attributions"] for span in attribution["cue"]):
            total += 1
            if not any(p.start <= start and end <= p.end for p in paragraphs):
                misses.append((name, article[start:end]))
    assert total and len(misses) <= total * 0.01, misses
