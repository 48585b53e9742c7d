"""What the HTTP API accepts and returns. Never table objects: input and output are separate models.

The article graph models mirror the extraction contract (networkx node-link JSON) field for field.
Every model and field has a description: they are the API reference the frontend reads.
"""

import re
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Annotated, Generic, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date(value: object) -> object:
    """Dates only as the spec writes them, YYYY-MM-DD (pydantic alone would also take a number,
    or a numeric string, as a Unix time)."""
    if isinstance(value, date) or (isinstance(value, str) and _ISO_DATE.fullmatch(value)):
        return value
    raise ValueError("must be a date written as YYYY-MM-DD")


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
"""A date the client sends (body or query)."""


class Relation(StrEnum):
    """What a statement does: `assert` a claim, `deny` it, or `accuse` its target."""

    ASSERT = "assert"
    DENY = "deny"
    ACCUSE = "accuse"


class ActorKind(StrEnum):
    """What sort of actor: a country, a government or one of its bodies, an organization, a person,
    a group, or something else."""

    COUNTRY = "country"
    GOVERNMENT = "government"
    ORGANIZATION = "organization"
    PERSON = "person"
    GROUP = "group"
    OTHER = "other"


class ClaimStatus(StrEnum):
    """`disputed` when some statements assert the claim and others deny it, `denied` when they
    only deny it, `asserted` otherwise."""

    ASSERTED = "asserted"
    DENIED = "denied"
    DISPUTED = "disputed"


T = TypeVar("T")



# --- the article graph (extraction contract) ---------------------------------------------------

class Span(BaseModel):
    """A piece of the article text: `text` equals `article.text[start:end]`. Offsets count Unicode
    code points; JavaScript strings count UTF-16 code units, so slice `Array.from(text)` when the
    text may hold characters outside the Basic Multilingual Plane."""

    text: str = Field(description="The words of the span.")
    start: int = Field(ge=0, description="Character offset of the span's start in the article text.")
    end: int = Field(ge=0, description="Character offset just past the span's end.")


class EvidencePublic(Span):
    """The sentence that supports a statement (the span itself), with the cue word and the parts it links."""

    cue: Span = Field(description="The word that marks the statement, such as 'denied' or 'said'.")
    speaker: Span | None = Field(description="The words naming the speaker; null when the sentence does not name it.")
    content: Span | None = Field(description="The words stating the claim; null when the sentence has none.")


class ActorNode(BaseModel):
    """An actor in an article graph, with the names that article uses for it."""

    id: str = Field(description="Actor id: a stable slug shared by all articles.")
    type: Literal["actor"] = Field(description="Node type: always `actor` for actors.")
    label: str = Field(description="Display name.")
    kind: ActorKind = Field(description="What sort of actor it is.")
    country: str | None = Field(description="ISO 3166-1 alpha-3 code of its country; null when it has none.")
    part_of: str | None = Field(description="Id of the actor it belongs to (a government's country); null when none.")
    aliases: list[str] = Field(description="The names this article uses for it.")


class ClaimNode(BaseModel):
    """A claim in an article graph: what statements assert, deny or accuse over."""

    id: str = Field(description="Claim id: the article id, `-c` and a number.")
    type: Literal["claim"] = Field(description="Node type: always `claim` for claims.")
    label: str = Field(description="The claim in the article's words.")
    about: list[str] = Field(description="Ids of the actors the claim is about.")
    status: ClaimStatus = Field(description="Whether the statements over it assert, deny or dispute it.")


class GraphEdge(BaseModel):
    """A statement in an article graph: the speaker asserts, denies or accuses, with its evidence."""

    id: str = Field(description="Statement id: the article id, `-e` and a number.")
    key: str = Field(description="The networkx multigraph edge key (equal to `id`).")
    source: str = Field(description="Id of the speaking actor.")
    relation: Relation = Field(description="What the speaker does.")
    target: str = Field(description="Id of the target actor, or of the claim when no actor is targeted.")
    claim: str | None = Field(description="Id of the claim the statement is about; null when none.")
    confidence: float = Field(ge=0, le=1, description="How sure the extraction is, from 0 to 1.")
    evidence: list[EvidencePublic] = Field(description="The sentences that support the statement (one or more).")


class GraphArticle(BaseModel):
    """The article an article graph was extracted from."""

    id: str = Field(description="Article id: the first 16 hex digits of `content_hash`.")
    title: str | None = Field(description="Headline, as sent or found in the text; null when unknown.")
    source: str | None = Field(description="Publication name, as sent; null when unknown.")
    url: str | None = Field(description="Where the article was published, as sent; null when unknown.")
    published_at: date | None = Field(description="Publication date, as sent or found in the text; null when unknown.")
    content_hash: str = Field(description="SHA-256 (hex) of the content sent: the same content is stored once.")


class ArticleGraphAttributes(BaseModel):
    """The attributes of an article graph as a whole."""

    article: GraphArticle = Field(description="The article the graph was extracted from.")


class ArticleGraph(BaseModel):
    """One article's claim graph as networkx node-link JSON (``nx.node_link_graph(d, edges="edges")``)."""

    directed: bool = Field(description="Always true: edges go from the speaker to its target.")
    multigraph: bool = Field(description="Always true: one speaker may make several statements about one target.")
    graph: ArticleGraphAttributes = Field(description="Attributes of the whole graph.")
    nodes: list[Annotated[ActorNode | ClaimNode, Field(discriminator="type")]] = Field(
        description="Actors and claims; `type` tells which.")
    edges: list[GraphEdge] = Field(description="Statements: one per speaker, relation, target and claim.")


# --- articles ------------------------------------------------------------------------------------

def _not_blank(value: str | None) -> str | None:
    if value is not None and not value.strip():
        raise ValueError("must not be blank")
    return value


def _storable(value: str | None) -> str | None:
    """Text a database can store: no NUL (PostgreSQL refuses it) and no lone surrogate (JSON
    escapes like \\ud800 decode to one; it has no UTF-8 form)."""
    if value is not None:
        if "\x00" in value:
            raise ValueError("must not contain NUL characters")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError("must be valid Unicode (no unpaired surrogates)") from None
    return value


Storable = AfterValidator(_storable)


class ArticleCreate(BaseModel):
    """An article to extract: exactly one of ``text`` or ``html``."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"oneOf": [  # as _exactly_one_body
        {"required": ["text"], "properties": {"html": {"type": "null"}}},
        {"required": ["html"], "properties": {"text": {"type": "null"}}}]})

    text: Annotated[str | None, Storable, AfterValidator(_not_blank)] = Field(
        default=None, description="The article as plain text; evidence offsets refer to it as sent.",
        json_schema_extra={"pattern": r"\S"})  # not blank
    html: Annotated[str | None, Storable, AfterValidator(_not_blank)] = Field(
        default=None, description="The article as an HTML page; offsets refer to the text extracted from it.",
        json_schema_extra={"pattern": r"\S"})
    title: Annotated[str | None, Storable] = Field(default=None, max_length=1000,
                                                   description="Headline; found in the text when left out.")
    url: Annotated[str | None, Storable] = Field(default=None, max_length=2000,
                                                 description="Where the article was published.")
    source: Annotated[str | None, Storable] = Field(default=None, max_length=200,
                                                    description="Publication name (the `source` filters match it exactly).")
    published_at: IsoDate | None = Field(default=None, description="Publication date; found in the text when left out.")

    @model_validator(mode="after")
    def _exactly_one_body(self) -> "ArticleCreate":
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' or 'html'")
        return self


class ArticlePublic(BaseModel):
    """A stored article, without its text."""

    id: str = Field(description="Article id: the first 16 hex digits of `content_hash`.")
    content_hash: str = Field(description="SHA-256 (hex) of the content sent: the same content is stored once.")
    title: str | None = Field(description="Headline, as sent or found in the text; null when unknown.")
    source: str | None = Field(description="Publication name, as sent; null when unknown.")
    url: str | None = Field(description="Where the article was published, as sent; null when unknown.")
    published_at: date | None = Field(description="Publication date, as sent or found in the text; null when unknown.")
    ingested_at: Annotated[datetime, AfterValidator(lambda d: d if d.tzinfo else d.replace(tzinfo=UTC))] = Field(
        description="When the service stored it (with time zone).")
    language: str = Field(description="Language of the text (ISO 639-1 code).")


class ArticleDetail(ArticlePublic):
    """A stored article with its text."""

    text: str = Field(description="The text every evidence offset refers to.")


class ArticleCreated(ArticlePublic):
    """A stored article with the claim graph extracted from it."""

    graph: ArticleGraph = Field(description="The article's claim graph.")


# --- actors, claims, statements ----------------------------------------------------------------

class ActorPublic(BaseModel):
    """An actor, shared by every article that names it."""

    id: str = Field(description="Actor id: a stable slug shared by all articles.")
    label: str = Field(description="Display name.")
    kind: ActorKind = Field(description="What sort of actor it is.")
    country: str | None = Field(description="ISO 3166-1 alpha-3 code of its country; null when it has none.")
    part_of: str | None = Field(description="Id of the actor it belongs to (a government's country); null when none.")


class ActorDetail(ActorPublic):
    """An actor with its names and how often it speaks and is spoken about."""

    aliases: list[str] = Field(description="Every name the articles use for this actor.")
    articles: int = Field(description="Articles whose graph includes the actor.")
    statements_made: int = Field(description="Statements in which it is the speaker.")
    statements_received: int = Field(description="Statements in which it is the target.")


class ClaimRef(BaseModel):
    """A claim, as a statement refers to it."""

    id: str = Field(description="Claim id: the article id, `-c` and a number.")
    label: str = Field(description="The claim in the article's words.")
    status: ClaimStatus = Field(description="Whether the statements over it assert, deny or dispute it.")


class StatementPublic(BaseModel):
    """A statement: an actor asserts, denies or accuses, with the sentences that show it."""

    id: str = Field(description="Statement id: the article id, `-e` and a number.")
    article_id: str = Field(description="Id of the article it comes from.")
    relation: Relation = Field(description="What the speaker does.")
    source: str = Field(description="Id of the speaking actor.")
    target: str | None = Field(description="Id of the target actor; null when no actor is targeted.")
    claim: ClaimRef | None = Field(description="The claim it is about; null when none.")
    confidence: float = Field(ge=0, le=1, description="How sure the extraction is, from 0 to 1.")
    evidence: list[EvidencePublic] = Field(description="The sentences that support it (one or more).")


class ClaimDetail(BaseModel):
    """A claim with every statement over it."""

    id: str = Field(description="Claim id: the article id, `-c` and a number.")
    article_id: str = Field(description="Id of the article it comes from.")
    label: str = Field(description="The claim in the article's words.")
    status: ClaimStatus = Field(description="Whether the statements over it assert, deny or dispute it.")
    about: list[str] = Field(description="Ids of the actors the claim is about.")
    statements: list[StatementPublic] = Field(description="The statements that assert, deny or accuse over it.")
    type: Literal["article_claim"] = Field(description="Always `article_claim`: a claim of one article.")
    corpus_claim: str | None = Field(description="Id of the corpus claim it reports; null only before it was linked.")


# --- the corpus graph ---------------------------------------------------------------------------

class CorpusNode(BaseModel):
    """An actor in the corpus graph."""

    id: str = Field(description="Actor id: a stable slug shared by all articles.")
    type: Literal["actor"] = Field(description="Node type: always `actor`.")
    label: str = Field(description="Display name.")
    kind: ActorKind = Field(description="What sort of actor it is.")
    country: str | None = Field(description="ISO 3166-1 alpha-3 code of its country; null when it has none.")
    part_of: str | None = Field(description="Id of the actor it belongs to (a government's country); null when none.")
    members: list[str] = Field(description="With `rollup=country`: ids of the actors folded into this node; else empty.")


class CorpusEdge(BaseModel):
    """All the statements with one speaker, relation and target actor."""

    source: str = Field(description="Id of the speaking actor.")
    target: str = Field(description="Id of the target actor.")
    key: Relation = Field(description="The networkx multigraph edge key (equal to `relation`).")
    relation: Relation = Field(description="What the speaker does.")
    count: int = Field(description="Statements with this speaker, relation and target.")
    articles: list[str] = Field(description="Ids of the articles they come from.")


class CorpusGraphAttributes(BaseModel):
    """What the corpus graph counts."""

    articles: int = Field(description="Articles with at least one statement in the graph.")
    statements: int = Field(description="Statements counted in the edges.")


class CorpusGraph(BaseModel):
    """Actors and the statements between them, aggregated per (speaker, relation, target)."""

    directed: bool = Field(description="Always true: edges go from the speaker to its target.")
    multigraph: bool = Field(description="Always true: one edge per relation between two actors.")
    graph: CorpusGraphAttributes = Field(description="Attributes of the whole graph.")
    nodes: list[CorpusNode] = Field(description="The actors that speak or are targeted.")
    edges: list[CorpusEdge] = Field(description="Statements between actors, counted per speaker, relation and target.")


# --- query parameters and pages ------------------------------------------------------------------

class PageQuery(BaseModel):
    limit: int = Field(default=20, ge=1, le=100, description="Most items to return.")
    offset: int = Field(default=0, ge=0, description="Items to skip from the start of the list.")


class GraphQuery(BaseModel):
    actor: str | None = Field(default=None, description="Only statements with this actor id as speaker or target.")
    relation: Relation | None = Field(default=None, description="Only statements with this relation.")
    since: IsoDate | None = Field(default=None, description="Only articles published on or after this date.")
    until: IsoDate | None = Field(default=None, description="Only articles published on or before this date.")
    source: str | None = Field(default=None, description="Only articles from this publication (exact name).")


class ArticleQuery(GraphQuery, PageQuery):
    pass


class ActorQuery(PageQuery):
    q: str | None = Field(default=None, min_length=1, description="Part of a name or alias (any case).")
    country: str | None = Field(default=None, pattern="^[A-Z]{3}$",
                                description="ISO 3166-1 alpha-3 country code, upper case.")
    kind: ActorKind | None = Field(default=None, description="Only actors of this kind.")


class StatementQuery(PageQuery):
    relation: Relation | None = Field(default=None, description="Only statements with this relation.")


class Page(BaseModel, Generic[T]):
    items: list[T] = Field(description="The items on this page.")
    total: int = Field(description="Items matching the query, on all pages.")
    limit: int = Field(description="The page size asked for.")
    offset: int = Field(description="Position of this page's first item in the list.")
    next: str | None = Field(description="URL of the next page, or null on the last one.")


class ArticlePage(Page[ArticlePublic]):
    """A page of articles, newest first."""


class ActorPage(Page[ActorPublic]):
    """A page of actors, by name."""


class StatementPage(Page[StatementPublic]):
    """A page of statements."""


# --- corpus claims and graph analytics -----------------------------------------------------------

class ClaimCounts(BaseModel):
    """How often a corpus claim is reported, asserted and denied."""

    statements: int = Field(description="Statements over it, in all the articles that report it.")
    articles: int = Field(description="Articles that report it.")
    asserts: int = Field(description="Statements that assert it (or accuse over it).")
    denies: int = Field(description="Statements that deny it.")


class CorpusClaimSummary(BaseModel):
    """One proposition across articles: who asserts it, who denies it, when it was seen."""

    id: str = Field(description="Corpus claim id: `cc-` and the id of the article claim that opened it.")
    type: Literal["corpus_claim"] = Field(description="Always `corpus_claim`: one proposition across articles.")
    label: str = Field(description="The claim in the words of the earliest stored article that states it (not negated).")
    status: ClaimStatus = Field(description="Whether the statements over it assert, deny or dispute it.")
    about: list[str] = Field(description="Ids of the actors the claim is about, in any article.")
    asserted_by: list[str] = Field(description="Ids of the actors that assert it (or accuse over it).")
    denied_by: list[str] = Field(description="Ids of the actors that deny it.")
    counts: ClaimCounts = Field(description="Statements, articles, assertions and denials.")
    first_seen: date | None = Field(description="Earliest publication date of a reporting article; null when none is dated.")
    last_seen: date | None = Field(description="Latest publication date of a reporting article; null when none is dated.")


class ArticleClaimRef(ClaimRef):
    """An article's own claim, as part of a corpus claim."""

    article_id: str = Field(description="Id of the article it comes from.")
    negated: bool = Field(description="It says the opposite of the corpus claim's label: its assertions deny the corpus claim.")
    score: float = Field(ge=0, le=1, description="Similarity to the claim it was matched with (1 for the claim that opened it).")


class CorpusStatement(StatementPublic):
    """A statement over a corpus claim."""

    stance: Relation = Field(description="What the statement does to the corpus claim: its relation, with assert and deny swapped when its article claim is negated.")


class CorpusClaimDetail(CorpusClaimSummary):
    """A corpus claim with its article claims, articles, and every statement with its evidence."""

    claims: list[ArticleClaimRef] = Field(description="The article claims that report it.")
    articles: list[ArticlePublic] = Field(description="The articles that report it, oldest first.")
    statements: list[CorpusStatement] = Field(description="Every statement over it, with evidence.")


AnyClaimDetail = Annotated[ClaimDetail | CorpusClaimDetail, Field(discriminator="type")]


class Rollup(StrEnum):
    """`none` keeps every actor; `country` folds institutions and officials into their country."""

    NONE = "none"
    COUNTRY = "country"


class GraphFormat(StrEnum):
    """How to return a graph: node-link `json`, `graphml`, `gexf`, `cytoscape` (Cytoscape.js
    elements), `csv` (edge list) or an `svg` drawing."""

    JSON = "json"
    GRAPHML = "graphml"
    GEXF = "gexf"
    CYTOSCAPE = "cytoscape"
    CSV = "csv"
    SVG = "svg"


class WindowQuery(BaseModel):
    since: IsoDate | None = Field(default=None, description="Only articles published on or after this date.")
    until: IsoDate | None = Field(default=None, description="Only articles published on or before this date.")
    source: str | None = Field(default=None, description="Only articles from this publication (exact name).")


class ClaimQuery(GraphQuery, PageQuery):
    status: ClaimStatus | None = Field(default=None, description="Only claims with this status (within the date range and source).")


class CorpusGraphQuery(GraphQuery):
    rollup: Rollup = Field(default=Rollup.NONE, description="`country` folds institutions and officials into their country.")
    min_count: int = Field(default=1, ge=1, description="Only edges with at least this many statements.")


class MetricsQuery(WindowQuery, PageQuery):
    rollup: Rollup = Field(default=Rollup.NONE, description="`country` folds institutions and officials into their country.")


class PathQuery(WindowQuery):
    relation: Relation | None = Field(default=None, description="Only statements with this relation.")
    rollup: Rollup = Field(default=Rollup.NONE, description="`country` folds institutions and officials into their country.")
    min_count: int = Field(default=1, ge=1, description="Only edges with at least this many statements.")
    directed: bool = Field(default=False, description="Follow statements from speaker to target only (else either way).")


class Direction(StrEnum):
    """`out`: statements the actor makes; `in`: statements it receives; `both`."""

    OUT = "out"
    IN = "in"
    BOTH = "both"


class NeighborQuery(WindowQuery, PageQuery):
    relation: Relation | None = Field(default=None, description="Only statements with this relation.")
    direction: Direction = Field(default=Direction.BOTH, description="Statements made, received, or both.")


class EdgeDirection(StrEnum):
    """`out`: the actor speaks to the neighbour; `in`: the neighbour speaks to the actor."""

    OUT = "out"
    IN = "in"


class Neighbor(BaseModel):
    """An actor linked to another by statements of one relation in one direction."""

    actor: ActorPublic = Field(description="The neighbouring actor.")
    direction: EdgeDirection = Field(description="Who speaks: the actor (`out`) or the neighbour (`in`).")
    relation: Relation = Field(description="What the speaker does.")
    count: int = Field(description="Statements with this direction and relation.")
    articles: int = Field(description="Articles they come from.")


class NeighborPage(Page[Neighbor]):
    """A page of an actor's neighbours, most statements first."""


class PathStep(BaseModel):
    """One edge on a path, in its own direction (which may run against the path)."""

    source: str = Field(description="Id of the speaking actor.")
    relation: Relation = Field(description="What the speaker does.")
    target: str = Field(description="Id of the target actor.")
    count: int = Field(description="Statements with this speaker, relation and target.")


class GraphPath(BaseModel):
    """How two actors are connected: a shortest chain of statements between them."""

    source: str = Field(description="Id of the actor the path starts from (after any rollup).")
    target: str = Field(description="Id of the actor the path ends at (after any rollup).")
    connected: bool = Field(description="Whether any path exists.")
    actors: list[ActorPublic] = Field(description="The actors on the path, in order; empty when not connected.")
    steps: list[PathStep] = Field(description="The edges between consecutive actors (the busiest one when several).")


class ActorMetrics(BaseModel):
    """Network measures of one actor in the actor-level graph."""

    id: str = Field(description="Actor id.")
    label: str = Field(description="Display name.")
    kind: ActorKind = Field(description="What sort of actor it is.")
    degree: int = Field(description="Distinct actors it speaks to or is spoken of by.")
    statements_made: int = Field(description="Statements in which it speaks to another actor.")
    statements_received: int = Field(description="Statements in which another actor targets it.")
    accusations_made: int = Field(description="Accusations it makes.")
    accusations_received: int = Field(description="Accusations made against it.")
    pagerank: float = Field(description="PageRank over the statements (weighted by count): how much others speak to it.")
    community: int = Field(description="Index of its community in `communities`.")


class ActorMetricsPage(Page[ActorMetrics]):
    """A page of actors with their measures, highest PageRank first."""


class GraphMetrics(BaseModel):
    """Measures of the actor-level graph, and a page of actors by PageRank."""

    actors: ActorMetricsPage = Field(description="The actors with their measures, highest PageRank first (paged by `limit` and `offset`).")
    nodes: int = Field(description="Actors in the graph.")
    edges: int = Field(description="Speaker-target pairs with at least one statement.")
    accusation_reciprocity: float | None = Field(description="Share of accusations returned (A accuses B and B accuses A); null without accusations.")
    communities: list[list[str]] = Field(description="Groups of actors that speak mostly among themselves (Louvain), largest first.")


class CorpusClaimPage(Page[CorpusClaimSummary]):
    """A page of corpus claims, most reported first."""


class Health(BaseModel):
    """The service and its database answer."""

    status: Literal["ok"] = Field(description="Always `ok`: the service answers.")
    database: Literal["ok"] = Field(description="Always `ok`: the database answers (else the response is a 503 problem).")
    version: str = Field(description="The service's version.")


# --- ingest jobs -------------------------------------------------------------------------------

class IngestJobCreate(BaseModel):
    """Articles to extract and store in the background."""

    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleCreate] = Field(
        min_length=1, description="The articles, each as `POST /v1/articles` takes it.")


class ItemStatus(StrEnum):
    """`pending` until a worker stores the article: `created`, or `existing` when the same content
    was stored before; `failed` when it could not be extracted (see `error`)."""

    PENDING = "pending"
    CREATED = "created"
    EXISTING = "existing"
    FAILED = "failed"


class JobStatus(StrEnum):
    """`queued` until a worker starts on it, `running`, then `completed` when no article is pending."""

    QUEUED = "queued"
    RUNNING = "running"
    COMPLETED = "completed"


class IngestJobProgress(BaseModel):
    """How far the job has come."""

    total: int = Field(description="Articles in the job.")
    done: int = Field(description="Articles finished: stored, found stored before, or failed.")
    failed: int = Field(description="Articles that could not be extracted.")


class IngestItemResult(BaseModel):
    """What became of one article of the job."""

    position: int = Field(description="Index of the article in the submitted list.")
    status: ItemStatus = Field(description="Where the article stands.")
    article_id: str | None = Field(description="Id of the stored article; null until stored, or when failed.")
    error: str | None = Field(description="Why the article failed; null otherwise.")
    attempts: int = Field(description="Times a worker started on it: more than one after a worker crashed.")


class IngestJobPublic(BaseModel):
    """An ingest job: its progress and one result per article."""

    id: str = Field(description="Job id (32 hex digits).")
    status: JobStatus = Field(description="Where the job stands.")
    created_at: Annotated[datetime, AfterValidator(lambda d: d if d.tzinfo else d.replace(tzinfo=UTC))] = Field(
        description="When the job was submitted (with time zone).")
    progress: IngestJobProgress = Field(description="Articles done out of the total.")
    results: list[IngestItemResult] = Field(description="One per submitted article, in the order sent.")
