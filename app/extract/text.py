"""Text stage: find the article in a scraped page and drop the site around it.

Scraped news pages carry menus, bylines, photo captions, teaser lists and footers around the
article; statements found there would be noise. The cleaner works on the lines of the text as
submitted, so every kept paragraph is an exact slice of it and offsets stay valid downstream.
Lines are judged by generic features (length, sentence punctuation, capitalisation, repetition,
position) and small phrase lists in data/boilerplate.json; nothing here knows a particular site.
HTML goes through trafilatura first, or through a plain tag stripper when the page is too big
or too deeply nested for it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from app.extract.records import CleanText, Paragraph

_DATA = json.loads((Path(__file__).parent / "data" / "boilerplate.json").read_text(encoding="utf-8"))

_ARTICLE_LABELS = {"prose", "short"}  # every other label is a reason to drop the line
_SCORES = {"short": -1, "nav": -5, "prompt": -10, "list": -20, "end": -40}  # prose scores +words
_DEFAULT_SCORE = -2  # captions, bylines, datelines, media markers, teasers, copies

_TERMINAL = re.compile(r"[.!?:…][\"'”’)\]]*$")
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"“‘'(\[]?[A-Z])")
_CLAUSE_PUNCT = re.compile(r"[,;\"“”?!]")
_LETTER = re.compile(r"[^\W\d_]")
_DURATION = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$")
_HEADING_MARK = re.compile(r"#{1,6}\s+")
_TRAILING_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)$")
_BYLINE = re.compile(r"^(?:By|BY|Written by|(?:Additional )?[Rr]eporting by|Editing by)\s+\S")
_POSITION_MARK = re.compile(r"\s\((?:L|R|C|L-R|R-L|left|right|centre|center)\)")
_POST_SIGNATURE = re.compile(r"^[—―–-]\s*\S.{0,80}\(@\w+\)")  # "— Jane Doe (@jane) May 1, 2020"
_CAPTION_START = re.compile(
    r"^(?:An? )?(?:file |handout |combination )?(?:photo|photograph|picture|image|screenshot)\b", re.I)
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_MONTH = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE_START = re.compile(
    r"^(?:date|published|updated|posted|first published|last updated|last modified|modified)"
    rf"(?:\s+on)?:?\s+(?=\d|{_MONTH}|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b)", re.I)
_DATE_PATTERNS = (
    (re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I), ("m", "d", "y")),
    (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\s+(\d{{4}})\b", re.I), ("d", "m", "y")),
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), ("y", "m", "d")),
)
_LEADING_DATE = re.compile(r"^\s*date\s+(\d{4})-(\d{2})-(\d{2})\b")


def _credit_at_end() -> re.Pattern[str]:
    """A photo credit closing a line: "(REUTERS/Jane Doe)", "JANE DOE/REUTERS", "Jane Doe/EPA"."""
    agencies = "|".join(re.escape(a) for a in sorted(_DATA["credit_agencies"], key=len, reverse=True))
    name = r"(?:[A-Z][\w.'’-]*|[a-z]{1,3})"
    return re.compile(rf"(?:(?:^|[\s(|/])(?:{agencies})/{name}(?:\s{name}){{0,4}}|/(?:{agencies}))\)?\.?\s*$")


_CREDIT_AT_END = _credit_at_end()
_INLINE_TAIL = re.compile(  # "... Story continues below advertisement", "... jane.doe@example.com"
    r"\s+(?:" + "|".join(re.escape(p) for p in _DATA["inline_tails"]) + r"|[^\s@]+@[^\s@]+\.[A-Za-z]{2,})\s*$",
    re.I)


@dataclass
class _Unit:
    """One line of the page (a wrapped line joins the line it continues)."""

    start: int
    end: int
    text: str
    block: int  # index of the blank-line block the line sits in
    heading: bool = False  # marked up as a heading ("# ...")
    label: str = ""


def clean(text: str | None = None, html: str | None = None) -> CleanText:
    """Keep the article's headline and body paragraphs; offsets refer to ``CleanText.text``."""
    title_hint, published = None, None
    if text is None and html is not None:
        text, title_hint, published = _html_to_text(html)
    return _clean_text(text or "", title_hint, published)


def _clean_text(text: str, title_hint: str | None, published: date | None) -> CleanText:
    units = _split_units(text)
    for unit in units:
        unit.label = _label(unit.text)
    _mark_boilerplate_blocks(units)
    title = _find_title(units, title_hint)
    _mark_copies(units, title)
    _mark_teasers(units)
    heads = _standfirst(units, title) | ({title} if title is not None else set())
    body_from = max(heads) + 1 if heads else 0
    block_start, block_end = _main_block(units, body_from)
    paragraphs = []
    for i, unit in enumerate(units):
        if i in heads:
            paragraphs.append(Paragraph(unit.start, unit.end, unit.text, "title"))
        elif i >= body_from and _in_body(unit, i, block_start, block_end):
            paragraphs.append(Paragraph(unit.start, unit.end, unit.text, "body"))
    return CleanText(
        text=text,
        paragraphs=paragraphs,
        title=units[title].text.rstrip(" ;,") if title is not None else None,
        published_at=published or _published_date(text, units),
        language=_guess_language(" ".join(p.text for p in paragraphs) or text),
    )


def _in_body(unit: _Unit, i: int, block_start: int, block_end: int) -> bool:
    """Prose up to the end of the main block; short lines (crossheads) only inside it."""
    if unit.label == "prose":
        return i <= block_end
    return unit.label == "short" and block_start <= i <= block_end


# --- lines -----------------------------------------------------------------------------------

def _split_units(text: str) -> list[_Unit]:
    """Non-blank lines with their offsets and block numbers, markdown markers left outside."""
    units: list[_Unit] = []
    block, pos, gap = 0, 0, False
    for raw in text.split("\n"):
        line_start, pos = pos, pos + len(raw) + 1
        start = line_start + len(raw) - len(raw.lstrip())
        end = line_start + len(raw.rstrip())
        if start >= end:
            gap = True
            continue
        if gap and units:
            block += 1
        gap = False
        heading = _HEADING_MARK.match(text, start, end) is not None
        start, end = _strip_markup(text, start, end)
        last = units[-1] if units else None
        # only the tail of the line it may continue is looked at, so long wrapped paragraphs stay linear
        if last is not None and last.block == block and _continues(text[max(last.start, last.end - 8):last.end],
                                                                   text[start:end]):
            last.end = end
        elif start < end:
            units.append(_Unit(start, end, "", block, heading))
    for unit in units:
        unit.text = text[unit.start:unit.end]
    return units


def _strip_markup(text: str, start: int, end: int) -> tuple[int, int]:
    """Leave "# " heading marks, enclosing *emphasis* and trailing "Advertisement"-type
    leftovers or an author's e-mail address outside the unit."""
    heading = _HEADING_MARK.match(text, start, end)
    if heading:
        start = heading.end()
    while end - start > 2 and text[start] in "*_" and text[end - 1] == text[start]:
        start, end = start + 1, end - 1
    tail = _INLINE_TAIL.search(text, start, end)
    if tail and tail.start() > start:
        end = tail.start()
    return start, end


def _continues(previous: str, line: str) -> bool:
    """A hard-wrapped line: the previous line is unfinished and this one starts in lower case."""
    return line[0].islower() and not _TERMINAL.search(previous)


def _label(s: str) -> str:
    """What a line is: "prose" or "short" (article text) or the reason it is boilerplate."""
    if not _LETTER.search(s):
        return "media" if _DURATION.match(s) else "empty"
    words = s.split()
    if _POST_SIGNATURE.match(s):
        return "short"  # the signature of an embedded post: it says who wrote the line above it
    for label, test in _LINE_TESTS:
        if test(s, words):
            return label
    return "prose" if _is_prose(s, words) else "short"


def _is_prose(s: str, words: list[str]) -> bool:
    return (len(words) >= 3 and bool(_TERMINAL.search(s))) or len(words) >= 25


def _sentences(s: str) -> int:
    return len(_SENTENCE_BREAK.findall(s)) + 1


def _capitalised_share(words: list[str]) -> float:
    alpha = [w.lstrip("\"'“‘(") for w in words if _LETTER.match(w.lstrip("\"'“‘("))]
    return sum(w[0].isupper() for w in alpha) / len(alpha) if alpha else 0.0


def _normalised(s: str) -> str:
    return re.sub(r"[\W_]+", " ", s.lower()).strip()


def _matches_marker(s: str, words: list[str], markers: list[str], max_words: int) -> bool:
    """The line is a section marker: the phrase itself, or an unpunctuated line starting with it."""
    norm = _normalised(s)
    if norm in markers:
        return True
    return (len(words) <= max_words and not _TERMINAL.search(s)
            and any(norm.startswith(m + " ") for m in markers))


# --- boilerplate line tests (each: line text, its words -> bool) ------------------------------

def _is_caption(s: str, words: list[str]) -> bool:
    low = s.lower()
    if (_CREDIT_AT_END.search(s)
            or any(cue in low for cue in _DATA["caption_strong"])):
        return True
    weak = (any(cue in low for cue in _DATA["caption_weak"]) or _POSITION_MARK.search(s)
            or _CAPTION_START.match(s))
    return bool(weak) and _sentences(s) <= 2 and len(words) <= 60


def _is_byline(s: str, words: list[str]) -> bool:
    return (bool(_BYLINE.match(s)) and (len(words) <= 8 or not _TERMINAL.search(s))
            and _capitalised_share(words) >= 0.6)


def _is_dateline(s: str, words: list[str]) -> bool:
    """A date line: "Published: March 15, 2022 07:43", "Updated 3 hours ago", a date alone."""
    if len(words) > 15:
        return False
    if _DATELINE_START.match(s):
        return True
    rest, found = s, 0
    for pattern, _ in _DATE_PATTERNS:
        rest, n = pattern.subn(" ", rest)
        found += n
    rest_words = re.findall(r"[^\W\d_]{2,}", rest)
    return bool(found) and len(rest_words) <= 4 and not any(w[0].islower() for w in rest_words)


def _is_end_marker(s: str, words: list[str]) -> bool:
    low = s.lower()
    if len(words) <= 30 and any(mark in low for mark in _DATA["copyright_marks"]):
        return True
    return _matches_marker(s, words, _DATA["end_markers"], 30)


def _is_list_marker(s: str, words: list[str]) -> bool:
    return _matches_marker(s, words, _DATA["list_markers"], 5)


def _is_media_marker(s: str, words: list[str]) -> bool:
    return _matches_marker(s, words, _DATA["media_markers"], 6)


def _is_prompt(s: str, words: list[str]) -> bool:
    """Newsletter, cookie, share and contact prompts, and lines made only of share buttons."""
    low = s.lower()
    if all(w.strip(".:…|•-").lower() in _DATA["share_words"] for w in words):
        return True
    hits = sum(p in low for p in _DATA["prompts"])
    addresses_reader = any(re.search(rf"\b{re.escape(w)}\b", low) for w in _DATA["reader_address"])
    return hits >= 2 or (hits == 1 and (len(words) <= 8 or addresses_reader))


def _is_editor_note(s: str, words: list[str]) -> bool:
    """An editor's note or disclosure: the publisher speaking, not the story."""
    return s.lower().startswith(tuple(_DATA["note_prefixes"]))


def _is_nav(s: str, words: list[str]) -> bool:
    """A menu: a long run of capitalised items without sentence punctuation or function words."""
    if s.count(" | ") >= 2 or s.count(" • ") >= 2:
        return True
    if len(words) < 6 or _TERMINAL.search(s) or _CLAUSE_PUNCT.search(s):
        return False
    function_words = sum(w.lower() in _EN_STOPWORDS for w in words)
    return _capitalised_share(words) >= 0.85 and function_words / len(words) < 0.1


_EN_STOPWORDS = frozenset(_DATA["stopwords"]["en"])
_LINE_TESTS = (
    ("caption", _is_caption), ("byline", _is_byline), ("dateline", _is_dateline),
    ("end", _is_end_marker), ("list", _is_list_marker), ("media", _is_media_marker),
    ("prompt", _is_prompt), ("note", _is_editor_note), ("nav", _is_nav),
)


# --- structure: blocks, title, copies, teaser lists, main block --------------------------------

def _mark_boilerplate_blocks(units: list[_Unit]) -> None:
    """Short lines sharing a blank-line block with a menu, prompt or marker belong to it."""
    spoilt = {u.block for u in units if u.label in {"nav", "prompt", "media", "list", "end"}}
    for unit in units:
        if unit.label == "short" and unit.block in spoilt:
            unit.label = "nav"


def _find_title(units: list[_Unit], hint: str | None) -> int | None:
    """The headline: the given title, a marked-up heading, or the first headline-like line."""
    wanted = _normalised(hint or "")
    given = next((i for i, u in enumerate(units) if wanted and _normalised(u.text) == wanted), None)
    if given is not None:
        return given
    heading = next((i for i, u in enumerate(units) if u.heading and u.label in _ARTICLE_LABELS), None)
    if heading is not None:
        return heading
    for i, unit in enumerate(units):
        words = len(unit.text.split())
        if unit.label not in _ARTICLE_LABELS or words < 2:
            continue
        headline_like = words <= 30 and _sentences(unit.text) <= 2
        return i if headline_like else None  # the text starts with a paragraph: no headline
    return None


def _mark_copies(units: list[_Unit], title: int | None) -> None:
    """Keep one copy of repeated lines; a short line repeated close by is a caption or teaser."""
    keys = [_normalised(_TRAILING_ELLIPSIS.sub("", u.text)) for u in units]
    seen: dict[str, int] = {}
    for i, unit in enumerate(units):
        first = seen.setdefault(keys[i], i)
        if first != i and i != title:
            unit.label = "copy"
            if units[first].label == "short" and first != title and i - first <= 4:
                units[first].label = "copy"
        for j in range(max(0, i - 4), i):  # a truncated or a credited copy nearby
            longer, shorter = (i, j) if len(keys[i]) > len(keys[j]) else (j, i)
            if (len(keys[shorter]) >= 20 and keys[longer] != keys[shorter]
                    and keys[longer].startswith(keys[shorter]) and shorter != title):
                units[shorter].label = "copy"


def _mark_teasers(units: list[_Unit]) -> None:
    """Drop teaser lists after a "Most Read"-type marker, and teasers under a video marker."""
    in_list = False
    for i, unit in enumerate(units):
        previous = units[i - 1] if i else None
        if unit.label == "list":
            in_list = True
        elif in_list and unit.label in {"prose", "short", "empty"}:
            in_list = not (unit.label == "prose" and _resumes_article(unit, previous))
            if in_list:
                unit.label = "teaser"
        elif (unit.label == "short" and previous and previous.label == "media"
              and previous.block == unit.block):
            unit.label = "media"


def _resumes_article(unit: _Unit, previous: _Unit | None) -> bool:
    """A teaser list ends at a real paragraph: several sentences, or a long one not under a
    teaser headline (a one-sentence line under a headline is that teaser's caption)."""
    if _sentences(unit.text) >= 2:
        return True
    under_headline = previous is not None and not _is_prose(previous.text, previous.text.split())
    return len(unit.text.split()) >= 15 and not under_headline


def _standfirst(units: list[_Unit], title: int | None) -> set[int]:
    """A sub-headline: the line closing the headline's block, or the line between the headline
    and the byline/date."""
    if title is None:
        return set()
    after = [i for i in range(title + 1, len(units)) if units[i].label not in {"empty", "nav", "copy"}]
    if len(after) >= 2 and units[after[1]].block != units[title].block == units[after[0]].block:
        return {after[0]} if units[after[0]].label in _ARTICLE_LABELS else set()
    if (len(after) >= 2 and units[after[0]].label in _ARTICLE_LABELS
            and units[after[1]].label in {"byline", "dateline"}):
        return {after[0]}
    return set()


def _main_block(units: list[_Unit], first: int) -> tuple[int, int]:
    """The run of lines with the most prose for the least boilerplate (maximum-sum run)."""
    best, span, run, run_start = 0, (first, first - 1), 0, first
    for i in range(first, len(units)):
        if run <= 0:
            run, run_start = 0, i
        label = units[i].label
        run += len(units[i].text.split()) if label == "prose" else _SCORES.get(label, _DEFAULT_SCORE)
        if run > best:
            best, span = run, (run_start, i)
    return span


# --- metadata: date and language ---------------------------------------------------------------

def _published_date(text: str, units: list[_Unit]) -> date | None:
    """A leading "date YYYY-MM-DD" line, else the first byline or dateline carrying a date."""
    leading = _LEADING_DATE.match(text)
    if leading:
        return _valid_date(*map(int, leading.groups()))
    for unit in units:
        if unit.label in {"byline", "dateline"}:
            found = _parse_date(unit.text)
            if found:
                return found
    return None


def _parse_date(s: str) -> date | None:
    for pattern, order in _DATE_PATTERNS:
        for match in pattern.finditer(s):
            parts = dict(zip(order, match.groups()))
            month = parts["m"]
            month_no = int(month) if month.isdigit() else _MONTHS[month[:3].lower()]
            found = _valid_date(int(parts["y"]), month_no, int(parts["d"]))
            if found:
                return found
    return None


def _valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


_SCRIPTS = tuple((re.compile(f"[{first}-{last}]"), lang) for first, last, lang in (
    # scripts that settle the language alone
    ("\u0370", "\u03ff", "el"), ("\u0590", "\u05ff", "he"), ("\u0600", "\u06ff", "ar"),
    ("\u0900", "\u097f", "hi"), ("\u0e00", "\u0e7f", "th"), ("\u3040", "\u30ff", "ja"),
    ("\uac00", "\ud7af", "ko"), ("\u4e00", "\u9fff", "zh"),
))
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_STOPWORDS = {lang: frozenset(words) for lang, words in _DATA["stopwords"].items()}


def _guess_language(s: str) -> str:
    """ISO 639-1 guess from the script, then from the share of common function words."""
    letters = len(_LETTER.findall(s))
    if not letters:
        return "und"
    for script, lang in _SCRIPTS:
        if len(script.findall(s)) > letters / 2:
            return lang
    words = re.findall(r"[^\W\d_]+", s.lower())
    if len(words) < 20 and not _CYRILLIC.search(s):
        return "en"  # too little to tell; the service is English-first
    shares = {lang: sum(w in stop for w in words) / len(words) for lang, stop in _STOPWORDS.items()}
    lang = max(shares, key=shares.__getitem__)
    return lang if shares[lang] >= 0.12 else "und"


# --- HTML --------------------------------------------------------------------------------------

_MAX_HTML_CHARS = 2_000_000  # trafilatura takes seconds per megabyte
_MAX_HTML_DEPTH = 200  # trafilatura's parser gives up on deeper trees
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)[^>]*?(/?)>")
_UNNESTED_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                  "source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option"}


def _html_to_text(html: str) -> tuple[str, str | None, date | None]:
    """Main text (headline first), title and date; a plain tag stripper when trafilatura can't."""
    if len(html) <= _MAX_HTML_CHARS and not _too_deep(html):
        import trafilatura  # imported here: slow to load, and only HTML input needs it

        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True},  # no guessing
        )
        if doc is not None and doc.text:
            published = _parse_date(doc.date) if doc.date else None
            return _headline_first(doc.text, doc.title), doc.title, published
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    title = collector.headings.get("h1") or collector.headings.get("title")
    return _headline_first("".join(collector.chunks), title), title, None


def _headline_first(text: str, title: str | None) -> str:
    """One paragraph per line with blank lines between, as in a scraped text file, headline first."""
    lines = [line for line in (" ".join(raw.split()) for raw in text.split("\n")) if line]
    if title and (not lines or lines[0] != title):
        lines.insert(0, title)
    return "\n\n".join(lines)


def _too_deep(html: str) -> bool:
    depth = 0
    for match in _TAG.finditer(html):
        closing, name, self_closing = match.groups()
        if self_closing or name.lower() in _UNNESTED_TAGS:
            continue
        depth += -1 if closing else 1
        if depth > _MAX_HTML_DEPTH:
            return True
    return False


class _TextCollector(HTMLParser):
    """Page text outside scripts, menus, asides and footers, a line per block element; a
    streaming parser, so nesting depth costs nothing."""

    SKIP = {"script", "style", "noscript", "template", "svg", "nav", "aside", "footer", "header",
            "form", "button", "iframe", "figure", "figcaption", "title"}
    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
              "blockquote", "tr", "ul", "ol", "table", "main"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.headings: dict[str, str] = {}  # first <title> and <h1> text
        self.skipping = 0
        self.open_tag = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.skipping += tag in self.SKIP
        self.open_tag = tag
        if tag in self.BLOCKS:
            self.chunks.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        self.open_tag = ""
        if tag in self.BLOCKS:
            self.chunks.append("\n")

    def handle_data(self, data: str) -> None:
        if self.open_tag in {"title", "h1"} and data.strip():
            self.headings.setdefault(self.open_tag, " ".join(data.split()))
        if not self.skipping:
            self.chunks.append(data)
