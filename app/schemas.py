"""What the HTTP API accepts and returns. Never table objects: input and output are separate models.

The article graph models mirror the extraction contract (networkx node-link JSON) field for field.
"""

from datetime import UTC, date, datetime
from typing import Annotated, Generic, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

Relation = Literal["assert", "deny", "accuse"]
ActorKind = Literal["country", "government", "organization", "person", "group", "other"]
ClaimStatus = Literal["asserted", "denied", "disputed"]

T = TypeVar("T")


# --- the article graph (extraction contract) ---------------------------------------------------

class Span(BaseModel):
    text: str
    start: int = Field(ge=0, description="Character offset into the article text.")
    end: int = Field(ge=0)


class EvidencePublic(Span):
    """The sentence that supports a statement, with the cue word and the parts it links."""

    cue: Span
    speaker: Span | None
    content: Span | None


class ActorNode(BaseModel):
    id: str = Field(examples=["chn-mfa"])
    type: Literal["actor"]
    label: str
    kind: ActorKind
    country: str | None = Field(description="ISO 3166-1 alpha-3 code.", examples=["CHN"])
    part_of: str | None = Field(description="Id of the actor this one belongs to.")
    aliases: list[str]


class ClaimNode(BaseModel):
    id: str
    type: Literal["claim"]
    label: str
    about: list[str] = Field(description="Ids of the actors the claim is about.")
    status: ClaimStatus


class GraphEdge(BaseModel):
    id: str
    key: str
    source: str = Field(description="Id of the speaking actor.")
    relation: Relation
    target: str = Field(description="Id of the target actor, or of the claim when no actor is targeted.")
    claim: str | None
    confidence: float = Field(ge=0, le=1)
    evidence: list[EvidencePublic]


class GraphArticle(BaseModel):
    id: str
    title: str | None
    source: str | None
    url: str | None
    published_at: date | None
    content_hash: str


class ArticleGraphAttributes(BaseModel):
    article: GraphArticle


class ArticleGraph(BaseModel):
    """One article's claim graph as networkx node-link JSON (``nx.node_link_graph(d, edges="edges")``)."""

    directed: bool
    multigraph: bool
    graph: ArticleGraphAttributes
    nodes: list[Annotated[ActorNode | ClaimNode, Field(discriminator="type")]]
    edges: list[GraphEdge]


# --- articles ------------------------------------------------------------------------------------

def _not_blank(value: str | None) -> str | None:
    if value is not None and not value.strip():
        raise ValueError("must not be blank")
    return value


class ArticleCreate(BaseModel):
    """An article to extract: exactly one of ``text`` or ``html``."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{
            "text": "China on Tuesday denied a US claim that Russia had asked it for military help.",
            "title": "China denies US claim that Russia asked for help in Ukraine",
            "source": "Reuters",
            "url": "https://news.example/china-denies",
            "published_at": "2022-03-15",
        }]},
    )

    text: Annotated[str | None, AfterValidator(_not_blank)] = None
    html: Annotated[str | None, AfterValidator(_not_blank)] = None
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=200)
    published_at: date | None = None

    @model_validator(mode="after")
    def _exactly_one_body(self) -> "ArticleCreate":
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' or 'html'")
        return self


class ArticlePublic(BaseModel):
    id: str = Field(examples=["3f1c2a9b8d7e6f50"])
    content_hash: str
    title: str | None
    source: str | None
    url: str | None
    published_at: date | None
    ingested_at: Annotated[datetime, AfterValidator(lambda d: d if d.tzinfo else d.replace(tzinfo=UTC))]
    language: str


class ArticleDetail(ArticlePublic):
    text: str = Field(description="The text every evidence offset refers to.")


class ArticleCreated(ArticlePublic):
    graph: ArticleGraph


# --- actors, claims, statements ----------------------------------------------------------------

class ActorPublic(BaseModel):
    id: str = Field(examples=["chn-mfa"])
    label: str = Field(examples=["Chinese Foreign Ministry"])
    kind: ActorKind
    country: str | None = Field(examples=["CHN"])
    part_of: str | None = Field(examples=["chn"])


class ActorDetail(ActorPublic):
    aliases: list[str] = Field(description="Every name the articles use for this actor.")
    articles: int = Field(description="Articles whose graph includes the actor.")
    statements_made: int
    statements_received: int


class ClaimRef(BaseModel):
    id: str
    label: str
    status: ClaimStatus


class StatementPublic(BaseModel):
    id: str
    article_id: str
    relation: Relation
    source: str = Field(description="Id of the speaking actor.")
    target: str | None = Field(description="Id of the target actor, if any.")
    claim: ClaimRef | None
    confidence: float
    evidence: list[EvidencePublic]


class ClaimDetail(BaseModel):
    id: str
    article_id: str
    label: str
    status: ClaimStatus
    about: list[str]
    statements: list[StatementPublic]


# --- the corpus graph ---------------------------------------------------------------------------

class CorpusNode(BaseModel):
    id: str
    type: Literal["actor"]
    label: str
    kind: ActorKind
    country: str | None
    part_of: str | None


class CorpusEdge(BaseModel):
    source: str
    target: str
    key: Relation
    relation: Relation
    count: int = Field(description="Statements with this speaker, relation and target.")
    articles: list[str] = Field(description="Ids of the articles they come from.")


class CorpusGraphAttributes(BaseModel):
    articles: int
    statements: int


class CorpusGraph(BaseModel):
    """Actors and the statements between them, aggregated per (speaker, relation, target)."""

    directed: bool
    multigraph: bool
    graph: CorpusGraphAttributes
    nodes: list[CorpusNode]
    edges: list[CorpusEdge]


# --- query parameters and pages ------------------------------------------------------------------

class PageQuery(BaseModel):
    limit: int = Field(default=20, ge=1, le=100)
    offset: int = Field(default=0, ge=0)


class GraphQuery(BaseModel):
    actor: str | None = Field(default=None, description="Actor id, as speaker or target.")
    relation: Relation | None = None
    since: date | None = Field(default=None, description="Published on or after this date.")
    until: date | None = Field(default=None, description="Published on or before this date.")
    source: str | None = Field(default=None, description="Publication name, exactly.")


class ArticleQuery(GraphQuery, PageQuery):
    pass


class ActorQuery(PageQuery):
    q: str | None = Field(default=None, min_length=1, description="Part of a name or alias.")
    country: str | None = Field(default=None, pattern="^[A-Z]{3}$")
    kind: ActorKind | None = None


class StatementQuery(PageQuery):
    relation: Relation | None = None


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int
    next: str | None = Field(description="URL of the next page, or null on the last one.")


class ArticlePage(Page[ArticlePublic]):
    pass


class ActorPage(Page[ActorPublic]):
    pass


class StatementPage(Page[StatementPublic]):
    pass


class Health(BaseModel):
    status: Literal["ok"]
    database: Literal["ok"]
    version: str
