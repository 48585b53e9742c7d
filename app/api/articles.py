"""/v1/articles: submit an article, list and read stored ones, delete one."""

from typing import Annotated

import networkx as nx
from fastapi import APIRouter, Depends, Query, Request, Response, status

from app.api.deps import ArticleId, ExtractionDep, SessionDep, next_url, require_json
from app.api.graph import FormatParam, graph_response, graph_responses
from app.errors import problem_responses
from app.extract.pipeline import ArticleInput
from app.schemas import (ArticleCreate, ArticleCreated, ArticleDetail, ArticleGraph, ArticlePage,
                         ArticleQuery, GraphFormat)
from app.services import articles
from app.services.ingest import ingest

router = APIRouter(prefix="/articles", tags=["articles"])


@router.post(
    "", name="create", summary="Submit an article", status_code=status.HTTP_201_CREATED,
    response_model=ArticleCreated,
    dependencies=[Depends(require_json)],
    responses={200: {"model": ArticleCreated,
                     "description": "The same content was stored before: the stored article."},
               **problem_responses(400, 413, 415, 422, 429, 503)},
)
def create_article(body: ArticleCreate, session: SessionDep, extraction: ExtractionDep,
                   request: Request, response: Response) -> ArticleCreated:
    """Extract an article's claim graph and store it.

    Send exactly one of `text` or `html`. Content is identified by its SHA-256: sending the same
    content again returns the stored article (200) instead of a duplicate. An article with no
    words, or whose extraction takes longer than the server's timeout, is rejected (422); when
    other articles keep the extractor busy for as long, the answer is 503 with `Retry-After`.
    """
    item = ArticleInput(text=body.text, html=body.html, title=body.title, url=body.url,
                        source=body.source, published_at=body.published_at)
    article, created = ingest(session, item, extraction)  # a sync route: runs in the thread pool
    response.status_code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
    response.headers["Location"] = f"{request.url.path}/{article.id}"
    return ArticleCreated.model_validate(article, from_attributes=True)


@router.get("", name="list", summary="List articles", response_model=ArticlePage,
            responses=problem_responses(422))
def list_articles(query: Annotated[ArticleQuery, Query()], session: SessionDep,
                  request: Request) -> ArticlePage:
    """List stored articles, newest first; filter by actor, relation, date range and source."""
    items, total = articles.list_articles(session, query)
    return ArticlePage(items=items, total=total, limit=query.limit, offset=query.offset,
                       next=next_url(request, query, total))


@router.get("/{article_id}", name="get", summary="Read an article", response_model=ArticleDetail,
            responses=problem_responses(404, 422))
def get_article(article_id: ArticleId, session: SessionDep) -> ArticleDetail:
    """Read one article, with the text that the evidence offsets refer to."""
    return ArticleDetail.model_validate(articles.get_article(session, article_id), from_attributes=True)


@router.get("/{article_id}/graph", name="graph", summary="Read an article's claim graph",
            response_model=ArticleGraph,
            responses={**graph_responses(), **problem_responses(404, 422)})
def get_article_graph(article_id: ArticleId, session: SessionDep,
                      format: FormatParam = GraphFormat.JSON) -> ArticleGraph | Response:
    """Read one article's claim graph (networkx node-link JSON), or export or draw it (`format`)."""
    if format == GraphFormat.JSON:  # the stored JSON as is: it was validated at ingest
        return Response(articles.get_graph_json(session, article_id), media_type="application/json")
    article_graph = articles.get_graph(session, article_id)
    G = nx.node_link_graph(article_graph.model_dump(mode="json"), edges="edges")
    return graph_response(G, format, f"article-{article_id}",
                          article_graph.graph.article.title or f"Article {article_id}")


@router.delete("/{article_id}", name="delete", summary="Delete an article",
               status_code=status.HTTP_204_NO_CONTENT,
               response_class=Response, responses=problem_responses(404, 422, 429))
def delete_article(article_id: ArticleId, session: SessionDep) -> None:
    """Delete an article, its claims and statements, and the actors no other article uses."""
    articles.delete_article(session, article_id)
