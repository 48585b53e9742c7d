"""The corpus graph: country rollup, thresholds, neighbours, paths, metrics and their cache."""

import threading
from datetime import date

import networkx as nx
import pytest
from sqlmodel import Session

from app.corpus import analytics
from app.corpus.linking import link_article
from app.db import make_engine
from app.extract.pipeline import ExtractionResult
from app.schemas import CorpusGraph, CorpusGraphQuery
from app.services import graph as graph_service
from app.services import store
from app.services.articles import delete_article
from app.services.graph import build_graph
from app.services.store import store_result



def _graph(client, **params) -> nx.MultiDiGraph:
    response = client.get("/v1/graph", params=params)
    assert response.status_code == 200, response.text
    return nx.node_link_graph(response.json(), edges="edges")


def _us_accuses_russia(make_result) -> ExtractionResult:
    text = "Washington accused Russia of lying."
    return make_result(text, [(text, "accused", "Washington", "usa", "accuse", "rus", 1, "lying")],
                       source="AP", published_at=date(2022, 4, 1), title="US accuses Russia")


# --- rollup and thresholds on the hand-built articles ------------------------------------------------

def test_rollup_folds_the_ministry_into_its_country(client, stored):
    plain, rolled = _graph(client), _graph(client, rollup="country")
    assert set(plain) == {"chn-mfa", "usa"} and plain.nodes["chn-mfa"]["members"] == []
    assert set(rolled) == {"chn", "usa"} and rolled.nodes["chn"]["members"] == ["chn-mfa"]
    assert rolled.edges["chn", "usa", "accuse"]["count"] == 2


def test_rollup_actor_filter_matches_the_folded_actor(client, stored):
    assert set(_graph(client, rollup="country", actor="chn")) == {"chn", "usa"}
    assert len(_graph(client, actor="chn")) == 0  # without rollup the ministry is another actor


def test_min_count_drops_thin_edges_and_their_lone_actors(client, stored, make_result, session):
    store_result(session, _us_accuses_russia(make_result))
    assert set(_graph(client)) == {"chn-mfa", "rus", "usa"}
    thick = _graph(client, min_count=2)
    assert set(thick) == {"chn-mfa", "usa"} and thick.graph == {"articles": 2, "statements": 2}


@pytest.mark.parametrize("params", [{"rollup": "continent"}, {"min_count": 0}, {"format": "png"}])
def test_bad_graph_queries_are_422(client, params):
    assert client.get("/v1/graph", params=params).status_code == 422


# --- neighbours and paths ------------------------------------------------------------------------------

def test_neighbors(client, stored):
    page = client.get("/v1/actors/usa/neighbors").json()
    assert page["total"] == 1 and page["next"] is None
    [item] = page["items"]
    assert (item["actor"]["id"], item["direction"], item["relation"], item["count"], item["articles"]) == (
        "chn-mfa", "in", "accuse", 2, 2)
    assert client.get("/v1/actors/usa/neighbors", params={"direction": "out"}).json()["total"] == 0
    assert client.get("/v1/actors/usa/neighbors", params={"source": "AP"}).json()["items"][0]["count"] == 1


def test_neighbors_of_an_unknown_actor_is_404(client):
    assert client.get("/v1/actors/nobody/neighbors").status_code == 404


def test_path_between_actors(client, stored):
    path = client.get("/v1/graph/path", params={"from": "usa", "to": "chn-mfa"}).json()
    assert path["connected"] and [a["id"] for a in path["actors"]] == ["usa", "chn-mfa"]
    assert path["steps"] == [{"source": "chn-mfa", "relation": "accuse", "target": "usa", "count": 2}]
    directed = client.get("/v1/graph/path", params={"from": "usa", "to": "chn-mfa", "directed": True}).json()
    assert not directed["connected"] and directed["steps"] == []
    rolled = client.get("/v1/graph/path", params={"from": "chn-mfa", "to": "usa", "rollup": "country"}).json()
    assert rolled["source"] == "chn" and rolled["connected"]


def test_path_to_an_unknown_actor_is_404_and_from_is_required(client, stored):
    assert client.get("/v1/graph/path", params={"from": "usa", "to": "nobody"}).status_code == 404
    assert client.get("/v1/graph/path", params={"to": "usa"}).status_code == 422


# --- metrics --------------------------------------------------------------------------------------------

def test_measures_of_a_small_graph():
    G = nx.MultiDiGraph()
    for u, v, relation, count in [("a", "b", "accuse", 2), ("b", "a", "accuse", 1), ("c", "a", "assert", 3)]:
        G.add_edge(u, v, key=relation, relation=relation, count=count)
    m = analytics.measure(G)
    by_id = {a.id: a for a in m.actors}
    assert m.actors[0].id == "a" and abs(sum(a.pagerank for a in m.actors) - 1) < 1e-6
    assert (by_id["a"].degree, by_id["a"].statements_received, by_id["a"].accusations_received,
            by_id["a"].accusations_made) == (2, 4, 1, 2)
    assert m.accusation_reciprocity == 1.0 and (m.nodes, m.edges) == (3, 3)
    assert sorted(a for c in m.communities for a in c) == ["a", "b", "c"]


def test_pagerank_agrees_with_networkx_reference():
    D = nx.gnp_random_graph(30, 0.15, seed=3, directed=True)
    for u, v in D.edges:
        D.edges[u, v]["weight"] = 1 + (u + v) % 3
    from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python  # SciPy-free reference
    ours, reference = analytics._pagerank(D), _pagerank_python(D, weight="weight")
    assert max(abs(ours[n] - reference[n]) for n in D) < 1e-5  # the reference stops at 1e-6


def test_metrics_endpoint(client, stored):
    metrics = client.get("/v1/graph/metrics").json()
    assert (metrics["nodes"], metrics["edges"], metrics["actors"]["total"]) == (2, 1, 2)
    assert metrics["accusation_reciprocity"] == 0.0 and metrics["communities"] == [["chn-mfa", "usa"]]
    top = metrics["actors"]["items"][0]
    assert top["id"] == "usa" and top["accusations_received"] == 2 and top["community"] == 0
    rolled = client.get("/v1/graph/metrics", params={"rollup": "country", "limit": 1}).json()["actors"]
    assert rolled["items"][0]["id"] == "usa" and "offset=1" in rolled["next"]
    assert client.get(rolled["next"]).json()["actors"]["items"][0]["id"] == "chn"


def test_metrics_are_cached_until_an_ingest_or_delete(client, stored, session, make_result, monkeypatch):
    calls = []
    monkeypatch.setattr(graph_service, "measure", lambda G: calls.append(1) or analytics.measure(G))
    first = client.get("/v1/graph/metrics").json()
    assert client.get("/v1/graph/metrics", params={"limit": 1}).json()["nodes"] == first["nodes"]
    assert len(calls) == 1
    store_result(session, _us_accuses_russia(make_result))
    assert client.get("/v1/graph/metrics").json()["nodes"] == 3 and len(calls) == 2
    client.delete(f"/v1/articles/{stored[1].article['id']}")
    assert client.get("/v1/graph/metrics").json()["edges"] == 2 and len(calls) == 3


def test_corpus_graph_is_cached_until_an_ingest_or_delete(client, stored, session, make_result,
                                                           monkeypatch):
    """Writes from any process change the corpus version the cache is keyed on (here through
    another session, as another server process would, not through this app)."""
    builds = []
    monkeypatch.setattr(graph_service, "build_graph",
                        lambda *args: builds.append(1) or build_graph(*args))
    first = client.get("/v1/graph")
    assert first.headers["content-type"] == "application/json"
    assert client.get("/v1/graph").content == first.content and len(builds) == 1
    assert set(_graph(client, rollup="country")) == {"chn", "usa"} and len(builds) == 2
    assert CorpusGraph.model_validate_json(first.content).model_dump_json().encode() == first.content
    store_result(session, _us_accuses_russia(make_result))
    assert set(_graph(client)) == {"chn-mfa", "rus", "usa"} and len(builds) == 3
    delete_article(session, stored[1].article["id"])
    assert _graph(client).graph == {"articles": 2, "statements": 2} and len(builds) == 4
    store_result(session, stored[1])  # the same article again
    assert _graph(client).graph == {"articles": 3, "statements": 3} and len(builds) == 5


def test_the_corpus_version_tells_article_sets_apart(session, stored, make_result):
    """A version is never seen with two sets of articles: also when the latest article is
    deleted and another takes its place (SQLite then uses its row id again)."""
    first, second = (r.article["id"] for r in stored)
    sets = {graph_service.corpus_version(session): {first, second}}

    def now(articles: set[str]) -> None:
        version = graph_service.corpus_version(session)
        assert sets.setdefault(version, articles) == articles, (version, sets)

    delete_article(session, second)
    now({first})
    late = _us_accuses_russia(make_result)
    store_result(session, late)
    now({first, late.article["id"]})
    delete_article(session, late.article["id"])
    now({first})
    store_result(session, stored[1])
    now({first, second})
    delete_article(session, first)
    now({second})


@pytest.mark.postgres
def test_a_cached_graph_never_outlives_its_corpus_under_concurrent_writes(postgres_db, make_result,
                                                                          monkeypatch):
    """An ingest that was still running while others committed and deleted articles gets a later
    ingest time than theirs, so its commit changes the corpus version: before, it kept the time
    it started with, and a graph cached in between was served after its commit, without it."""
    engine = make_engine(postgres_db)
    reports = [make_result(f"Report {n}. Washington accused Russia of lying.",
                           [("Washington accused Russia of lying.", "accused", "Washington", "usa",
                             "accuse", "rus", 1, "lying")],
                           source="AP", published_at=date(2022, 4, n), title=f"Report {n}")
               for n in range(1, 5)]
    a, b, late, d = reports
    inserted, release = threading.Event(), threading.Event()

    def slow_link(session, article_id, *args):
        if article_id == late.article["id"]:
            inserted.set()
            assert release.wait(30)
        return link_article(session, article_id, *args)

    def read() -> bytes:
        with Session(engine) as session:
            return graph_service.corpus_graph_json(session, CorpusGraphQuery())

    monkeypatch.setattr(store, "link_article", slow_link)
    try:
        with Session(engine) as session:
            store_result(session, a), store_result(session, b)

        def ingest_late():
            with Session(engine) as session:
                store_result(session, late)

        thread = threading.Thread(target=ingest_late)
        thread.start()
        assert inserted.wait(30)
        with Session(engine) as session:
            store_result(session, d)
            delete_article(session, a.article["id"])
        assert b'"articles":2' in read()  # b and d, cached
        with Session(engine) as session:
            delete_article(session, b.article["id"])
        release.set()
        thread.join(30)
        assert b'"articles":2' in read() and late.article["id"].encode() in read()  # d and late
    finally:
        release.set()
        engine.dispose()


# --- the seed and the dev articles -------------------------------------------------------------------------

def _store(session, results):
    for result in results:
        store_result(session, result)


def test_seed_rollup_china_accuses_the_united_states(client, session, seed_results):
    _store(session, seed_results)
    G = _graph(client, rollup="country")
    assert G.has_edge("chn", "usa", key="accuse")
    assert "rus-kremlin" in G.nodes["rus"]["members"]  # the Kremlin's denial counts for Russia
    assert G.has_edge("rus", "usa", key="deny")


def test_seed_and_dev_graph(client, session, seed_results, dev_results):
    _store(session, seed_results + dev_results)
    G = _graph(client, rollup="country")
    assert G.has_edge("chn", "usa", key="accuse") and not any(
        G.nodes[n]["kind"] == "government" and G.nodes[n]["part_of"] for n in G)
    metrics = client.get("/v1/graph/metrics", params={"rollup": "country", "limit": 100}).json()
    assert metrics["nodes"] == metrics["actors"]["total"] == len(G)
    assert {a["id"] for a in metrics["actors"]["items"][:10]} & {"usa", "rus"}
    neighbours = client.get("/v1/actors/usa/neighbors", params={"limit": 100}).json()
    assert any(n["actor"]["id"] == "chn" and n["relation"] == "accuse" and n["direction"] == "in"
               for n in neighbours["items"])
