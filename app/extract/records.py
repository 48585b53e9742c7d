"""Small typed records passed between pipeline stages. Offsets are character offsets into the
article text as submitted (for HTML input: into the text extracted from it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Relation = Literal["assert", "deny", "accuse"]
ActorKind = Literal["country", "government", "organization", "person", "group", "other"]
ClaimStatus = Literal["asserted", "denied", "disputed"]


@dataclass(frozen=True)
class TextSpan:
    text: str
    start: int
    end: int


@dataclass
class Paragraph:
    """A block of article text kept by the cleaner; ``kind`` is "title" or "body"."""

    start: int
    end: int
    text: str
    kind: str = "body"


@dataclass
class CleanText:
    """What the text stage hands on: the text all offsets refer to, and the kept paragraphs."""

    text: str
    paragraphs: list[Paragraph]
    title: str | None = None
    published_at: date | None = None
    language: str = "en"


@dataclass
class Actor:
    id: str
    label: str
    kind: ActorKind
    country: str | None = None
    part_of: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass
class Evidence:
    sentence: TextSpan
    cue: TextSpan
    speaker: TextSpan | None
    content: TextSpan | None


@dataclass
class Statement:
    speaker: str  # actor id
    relation: Relation
    target: str | None  # actor id
    claim_text: str
    evidence: Evidence
    confidence: float = 0.8
    claim_key: str | None = None  # statements with the same key share a claim node
