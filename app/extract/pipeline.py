"""Run the stages in order: text → spaCy → actors → statements → claims → graph."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from app.config import get_settings
from app.extract import text as text_stage
from app.extract.actors import ArticleActors
from app.extract.claims import link_claims
from app.extract.graph import build_graph, to_node_link
from app.extract.nlp import load_nlp
from app.extract.records import CleanText, Paragraph, TextSpan
from app.extract.statements import StatementFinder, load_lexicon


@dataclass
class ArticleInput:
    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published_at: date | None = None


@dataclass
class ExtractionResult:
    article: dict[str, Any]  # id, title, source, url, published_at (ISO date or None), content_hash
    text: str  # the text all offsets refer to
    language: str
    graph: dict[str, Any]  # node-link JSON (the article graph contract)


def content_hash(item: ArticleInput) -> str:
    raw = item.text if item.text is not None else (item.html or "")
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class Pipeline:
    def __init__(self, model: str | None = None):
        settings = get_settings()
        self.nlp = load_nlp(model or settings.spacy_model, settings.nlp_threads)

    def extract(self, item: ArticleInput) -> ExtractionResult:
        return next(iter(self.extract_many([item])))

    def extract_many(self, items: Iterable[ArticleInput], batch_size: int = 64) -> Iterator[ExtractionResult]:
        """Extract articles in order; paragraphs of all articles go through ``nlp.pipe`` together."""
        for chunk in _chunks(items, 8):
            cleaned = [text_stage.clean(text=item.text, html=item.html) for item in chunk]
            paragraphs = [(n, unit) for n, c in enumerate(cleaned) if c.language == "en"
                          for p in c.paragraphs for unit in split_long(p)]
            texts = (headline_for_parser(p.text, cleaned[n].text) if p.kind == "title"
                     else body_for_parser(p.text, cleaned[n].text) for n, p in paragraphs)
            docs = self.nlp.pipe(texts, batch_size=batch_size)
            per_article: list[list] = [[] for _ in chunk]
            for (n, p), doc in zip(paragraphs, docs):
                per_article[n].append((p, doc))
            for item, clean, parsed in zip(chunk, cleaned, per_article):
                yield self._article(item, clean, parsed)

    def _article(self, item: ArticleInput, cleaned: CleanText, parsed: list) -> ExtractionResult:
        digest = content_hash(item)
        published = item.published_at or cleaned.published_at
        article = {"id": digest[:16], "title": item.title or cleaned.title,
                   "source": item.source, "url": item.url,
                   "published_at": published.isoformat() if published else None,
                   "content_hash": digest}
        actors = ArticleActors()
        finder = StatementFinder(actors)
        found = []
        for _, doc in parsed:
            actors.note_names(doc)
        for paragraph, doc in parsed:
            in_paragraph = finder.paragraph(doc, paragraph.start)
            for f in in_paragraph:
                f.headline = paragraph.kind == "title"
            found.extend(in_paragraph)
        text = cleaned.text
        for f in found:  # spans read from the submitted text, whatever case the parser saw
            f.sentence, f.cue = _from(text, f.sentence), _from(text, f.cue)
            f.content = _from(text, f.content) if f.content else None
            f.speaker.mention = _from(text, f.speaker.mention)
        statements, claims = link_claims(found, actors.actors, article["id"])
        G = build_graph(article, actors.all(), statements, claims)
        return ExtractionResult(article, cleaned.text, cleaned.language, to_node_link(G))


_TITLE_WORD = re.compile(r"\b[A-Z][a-z]+(?:[’'][a-z]+)?\b")


def sentence_case(headline: str, article: str) -> str:
    """A Title Case Headline in sentence case, for the parser: a capitalised word stays only when the
    article capitalises it mid-sentence too ("U.S. Cuts $300 Million In Aid To Pakistan; Says It's
    Failing" → "U.S. cuts $300 million in aid to Pakistan; says it's failing"). Same length, so the
    offsets hold."""
    words = _TITLE_WORD.findall(headline)
    if len(words) < 4 or len(words) < 0.6 * len(re.findall(r"\b[A-Za-z]+\b", headline)):
        return headline
    # names are the words the article capitalises in mid-sentence
    names = set(re.findall(r"(?<=[a-z,;] )[A-Z][a-z]+", article.replace(headline, " ")))
    start = re.search(r"[A-Za-z]", headline).start()

    def fix(m: re.Match) -> str:
        word = m.group()
        return word if m.start() == start or word in names else word.lower()

    return _TITLE_WORD.sub(fix, headline)



_HEADLINE_VERB = re.compile(r"(?<=[\w.’'] )([a-z]+)(?=\b)")


_BODY_VERB = re.compile(r"(?<=[A-Za-z.] )([a-z]+s)(?= that\b)")


# "The pair claim they are being punished": after a pair word the small model reads "claim" as a
# noun ("the pair claim" as one phrase); "argue" (same length, same relation) is read as the verb
_PAIR_CLAIM = re.compile(r"\b((?:[Tt]he (?:pair|two|duo)|[Bb]oth) )claim(?= (?:they|he|she|we|that)\b)")


# "Tulsa police’s earlier claim": the small model, trained on straight apostrophes, reads a curly one
# inside a word as a quotation mark or a verb ("’s" as "is"); the straight one (same length) as it is meant
_CURLY_APOSTROPHE = re.compile(r"(?<=[A-Za-z])’(?=[A-Za-z])")


def straight_apostrophes(text: str) -> str:
    """"police’s", "didn’t" → "police's", "didn't" (same length, so the offsets hold)."""
    return _CURLY_APOSTROPHE.sub("'", text)


# "…, the candidate's former doctor maintains.": a cue verb closing a sentence after a comma and a common
# noun, which the small model reads as a plural noun ("doctor maintains" as a compound)
_CLOSING_CUE = re.compile(r"(?<=, )((?:the|a|an|his|her|its|their|one|some|many) (?:[\w’'.-]+ ){0,5}?[a-z]+ )"
                          r"([a-z]+s)(?=\.(?:\s|$))")


def _closing_cue_in_past(paragraph: str) -> str:
    """'…, the firm's lawyer maintains.' → '…, the firm's lawyer announced.' (a past tense of the same
    relation and length stands in; the cue is still read from the submitted text)."""
    cues = _cue_lemmas()

    def past(m: re.Match) -> str:
        word = m.group(2)
        relation = cues.get(word[:-1])
        stand_in = next((w for w in load_lexicon().headline_stand_ins.get(relation, ()) if len(w) == len(word)), None)
        return m.group(1) + (stand_in or word)

    return _CLOSING_CUE.sub(past, paragraph)


def body_for_parser(paragraph: str, article: str) -> str:
    """A paragraph as the parser reads it best: "Trump claims that …" / "Trump charges that …" with
    the cue verb (tagged a plural noun by the small model after a name) replaced as in a headline
    (see ``headline_for_parser``). Only before "that", after a name; same length, offsets hold.
    Likewise "The pair claim they …" (see ``_PAIR_CLAIM``)."""
    paragraph = _closing_cue_in_past(_PAIR_CLAIM.sub(r"\1argue", straight_apostrophes(paragraph)))
    if " that" not in paragraph:
        return paragraph
    return _cue_verbs_in_past(paragraph, article, _BODY_VERB)


def headline_for_parser(headline: str, article: str) -> str:
    """A headline as the parser reads it best: in sentence case (see ``sentence_case``), and with a
    present-tense cue verb after a name in the past tense when that keeps its length ("Trump denies
    saying …" → "Trump denied saying …", "China accuses US …" → "China accused US …"): the small
    model tags headline "-s" verbs as plural nouns. Same length, so the offsets hold; the cue's text
    is read back from the submitted headline."""
    return _cue_verbs_in_past(sentence_case(straight_apostrophes(headline), article), article.replace(headline, " "),
                              _HEADLINE_VERB)


def _cue_verbs_in_past(text: str, article: str, pattern: re.Pattern[str]) -> str:
    cues = _cue_lemmas()
    names = _names(article)

    def past(m: re.Match) -> str:
        word = m.group(1)
        before = (text[:m.start()].rsplit(None, 1) or [""])[-1]
        if not before[:1].isupper() or not (before in names or before.isupper() or "." in before):
            return word  # "Fraud charges dropped": a capital that names nobody
        if word == "says":
            return "said"
        if word.endswith("ies") and word[:-3] + "y" in cues:
            return word[:-3] + "ied"
        if word.endswith("es") and word[:-1] in cues:
            return word[:-1] + "d"
        lemma = word[:-1] if word.endswith("s") and not word.endswith("ss") else None
        relation = cues.get(lemma) if lemma else None
        if relation:  # "Short attacks US": a past tense of the same relation and length stands in
            return next((w for w in load_lexicon().headline_stand_ins[relation] if len(w) == len(word)), word)
        return word

    return pattern.sub(past, text)


@lru_cache(maxsize=16)
def _names(article: str) -> frozenset[str]:
    """The words the article capitalises in mid-sentence: names."""
    return frozenset(re.findall(r"(?<=[a-z,;] )[A-Z][\w.]*", article))


@lru_cache(maxsize=1)
def _cue_lemmas() -> dict[str, str]:
    """Cue verb lemma → relation."""
    lex = load_lexicon()
    cues = {lemma: "deny" for lemma in lex.deny_if_claim_object} | {lemma: "accuse" for lemma in lex.accuse_if_object}
    return cues | dict(lex.verbs)


def _from(text: str, span: TextSpan) -> TextSpan:
    return TextSpan(text[span.start:span.end], span.start, span.end)


MAX_UNIT_CHARS = 5_000
"""Longer paragraphs are parsed in pieces: the parser's cost and memory grow with the length of a
"sentence", and a 100k-character run without punctuation must still finish quickly."""


def split_long(paragraph: Paragraph, limit: int = MAX_UNIT_CHARS) -> Iterator[Paragraph]:
    """Cut a paragraph into pieces of at most ``limit`` characters, at a sentence end or a space."""
    text, start = paragraph.text, 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = max(window.rfind(". "), window.rfind("\n"))
        if cut < limit // 2:
            cut = window.rfind(" ")
        cut = start + (cut + 1 if cut > 0 else limit)
        yield Paragraph(paragraph.start + start, paragraph.start + cut, text[start:cut], paragraph.kind)
        start = cut
    yield Paragraph(paragraph.start + start, paragraph.end, text[start:], paragraph.kind)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


_pipeline: Pipeline | None = None


def get_pipeline() -> Pipeline:
    """The process-wide pipeline (the spaCy model is loaded once)."""
    global _pipeline
    if _pipeline is None:
        _pipeline = Pipeline()
    return _pipeline
