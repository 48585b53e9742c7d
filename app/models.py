"""Database tables. The schema itself is created only by the Alembic migrations in ``migrations/``.

Actors are global (one row per slug, shared by all articles); everything else belongs to one
article and is removed with it. Every column the API filters on has an index; the actor search
(an infix match on aliases) has a trigram index on PostgreSQL, made by migration 0004 and not
described here (SQLite has no index for infix LIKE), and so has the newest-first order of
articles (migration 0005: an index with NULLS LAST, which SQLite cannot declare nor needs).
"""

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Index, Text
from sqlmodel import Field, SQLModel

# Deterministic constraint names, so migrations can refer to them (and SQLite batch mode works).
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Article(SQLModel, table=True):
    __tablename__ = "articles"

    id: str = Field(primary_key=True, max_length=16)
    content_hash: str = Field(unique=True, max_length=64)
    title: str | None = None
    source: str | None = Field(default=None, index=True)
    url: str | None = None
    published_at: date | None = Field(default=None, index=True)
    ingested_at: datetime = Field(sa_type=DateTime(timezone=True))
    language: str = Field(max_length=16)
    text: str = Field(sa_type=Text)
    graph: dict[str, Any] = Field(sa_type=JSON)
    """The article graph exactly as returned by the API (node-link JSON)."""


class Actor(SQLModel, table=True):
    __tablename__ = "actors"

    id: str = Field(primary_key=True, max_length=128)
    label: str = Field(index=True)
    kind: str = Field(index=True, max_length=16)
    country: str | None = Field(default=None, index=True, max_length=3)
    part_of: str | None = Field(default=None, foreign_key="actors.id", index=True, max_length=128)


class ArticleActor(SQLModel, table=True):
    """An actor as one article names it (aliases are per article; the actor row is shared)."""

    __tablename__ = "article_actors"

    article_id: str = Field(foreign_key="articles.id", ondelete="CASCADE", primary_key=True,
                            max_length=16)
    actor_id: str = Field(foreign_key="actors.id", primary_key=True, index=True, max_length=128)
    aliases: list[str] = Field(default_factory=list, sa_type=JSON)


class Claim(SQLModel, table=True):
    __tablename__ = "claims"

    id: str = Field(primary_key=True, max_length=64)
    article_id: str = Field(foreign_key="articles.id", ondelete="CASCADE", index=True,
                            max_length=16)
    position: int
    label: str = Field(sa_type=Text)
    status: str = Field(index=True, max_length=16)
    about: list[str] = Field(default_factory=list, sa_type=JSON)


class Statement(SQLModel, table=True):
    """One edge of an article graph: ``source`` asserts/denies/accuses ``target`` (or nobody)."""

    __tablename__ = "statements"
    # an article's edges straight from the index (no table reads): the corpus graph of a date
    # range or source collects them article by article (migration 0006)
    __table_args__ = (Index("ix_statements_article_edges", "article_id", "target_id", "source_id",
                            "relation"),)

    id: str = Field(primary_key=True, max_length=64)
    article_id: str = Field(foreign_key="articles.id", ondelete="CASCADE", max_length=16)
    position: int
    source_id: str = Field(foreign_key="actors.id", index=True, max_length=128)
    relation: str = Field(index=True, max_length=16)
    target_id: str | None = Field(default=None, foreign_key="actors.id", index=True,
                                  max_length=128)
    claim_id: str | None = Field(default=None, foreign_key="claims.id", ondelete="CASCADE",
                                 index=True, max_length=64)
    confidence: float


class Evidence(SQLModel, table=True):
    """One sentence supporting a statement, with character offsets into the article text."""

    __tablename__ = "evidence"

    statement_id: str = Field(foreign_key="statements.id", ondelete="CASCADE", primary_key=True,
                              max_length=64)
    position: int = Field(primary_key=True)
    text: str = Field(sa_type=Text)
    start: int
    end: int
    cue_text: str
    cue_start: int
    cue_end: int
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    content_text: str | None = Field(default=None, sa_type=Text)
    content_start: int | None = None
    content_end: int | None = None


class CorpusClaim(SQLModel, table=True):
    """One proposition across the corpus: the article claims that report it link here."""

    __tablename__ = "corpus_claims"

    id: str = Field(primary_key=True, max_length=80)
    label: str = Field(sa_type=Text)
    """The label of the article claim that opened it (the API shows the earliest one still stored)."""
    negative: bool
    """The label is negated ("Iran did not shoot down the plane")."""


class ClaimLink(SQLModel, table=True):
    """Which corpus claim an article claim reports, and the signature it was matched by."""

    __tablename__ = "claim_links"

    claim_id: str = Field(foreign_key="claims.id", ondelete="CASCADE", primary_key=True,
                          max_length=64)
    corpus_claim_id: str = Field(foreign_key="corpus_claims.id", ondelete="CASCADE", index=True,
                                 max_length=80)
    negated: bool
    """The article claim says the opposite of the corpus claim's label: its asserts count as
    denials of the corpus claim and its denials as assertions."""
    score: float
    """Similarity to the claim it was matched with (1 for the claim that opened the corpus claim)."""
    actors: list[str] = Field(default_factory=list, sa_type=JSON)
    """What the claim is about, folded to countries and top parents."""
    parties: list[str] = Field(default_factory=list, sa_type=JSON)
    """Who speaks about it or is targeted, folded alike."""


class ClaimTerm(SQLModel, table=True):
    """A content lemma of an article claim: the index that finds match candidates at ingest."""

    __tablename__ = "claim_terms"

    claim_id: str = Field(foreign_key="claims.id", ondelete="CASCADE", primary_key=True,
                          max_length=64)
    term: str = Field(primary_key=True, index=True, max_length=64)


class IngestJob(SQLModel, table=True):
    """A batch of articles submitted at once; the job engine processes its items one by one."""

    __tablename__ = "ingest_jobs"

    id: str = Field(primary_key=True, max_length=32)
    created_at: datetime = Field(sa_type=DateTime(timezone=True))


class IngestItem(SQLModel, table=True):
    """One article of an ingest job: its input while pending, then what became of it."""

    __tablename__ = "ingest_items"

    job_id: str = Field(foreign_key="ingest_jobs.id", ondelete="CASCADE", primary_key=True,
                        max_length=32)
    position: int = Field(primary_key=True)
    status: str = Field(max_length=16)
    """``pending``, then ``created``, ``existing`` (same content stored before) or ``failed``."""
    article: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    """The submitted article; dropped once stored (the article row then holds it)."""
    article_id: str | None = Field(default=None, max_length=16)
    error: str | None = Field(default=None, sa_type=Text)
    attempts: int = 0
    """How many times a worker started on it (more than one after a crash or a retry)."""
    finished_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
