"""/v1/actors, /v1/claims and /v1/graph through HTTP, over the two stored sample articles."""

from __future__ import annotations

import networkx as nx
import pytest

PROBLEM = "application/problem+json"


# --- actors --------------------------------------------------------------------------------------

def test_list_actors_sorted_by_label(client, stored):
    page = client.get("/v1/actors").json()
    assert [a["id"] for a in page["items"]] == ["chn", "chn-mfa", "rus", "usa"]
    assert page["total"] == 4 and page["next"] is None
    assert page["items"][1] == {"id": "chn-mfa", "label": "Chinese Foreign Ministry",
                                "kind": "government", "country": "CHN", "part_of": "chn"}


@pytest.mark.parametrize("params, expected", [
    ({"q": "washing"}, ["usa"]),         # an alias
    ({"q": "FOREIGN"}, ["chn-mfa"]),     # the label, any case
    ({"q": "%"}, []),                    # LIKE wildcards are literal
    ({"country": "CHN"}, ["chn", "chn-mfa"]),
    ({"kind": "government"}, ["chn-mfa"]),
    ({"kind": "country", "country": "RUS"}, ["rus"]),
])
def test_search_actors(client, stored, params, expected):
    page = client.get("/v1/actors", params=params).json()
    assert [a["id"] for a in page["items"]] == expected and page["total"] == len(expected)


def test_actor_pages_link_to_the_next(client, stored):
    page = client.get("/v1/actors", params={"limit": 3, "kind": "country"}).json()
    assert page["total"] == 3 and page["next"] is None
    page = client.get("/v1/actors", params={"limit": 2}).json()
    rest = client.get(page["next"]).json()
    assert [a["id"] for a in page["items"] + rest["items"]] == ["chn", "chn-mfa", "rus", "usa"]


@pytest.mark.parametrize("params", [{"country": "china"}, {"kind": "army"}, {"q": ""}])
def test_search_actors_rejects_bad_parameters(client, params):
    assert client.get("/v1/actors", params=params).status_code == 422


def test_actor_detail_counts_statements_and_lists_aliases(client, stored):
    usa = client.get("/v1/actors/usa").json()
    assert usa["label"] == "United States" and usa["articles"] == 2
    assert (usa["statements_made"], usa["statements_received"]) == (1, 2)
    assert "Washington" in usa["aliases"]


def test_actor_statements_as_speaker_or_target(client, stored):
    page = client.get("/v1/actors/usa/statements").json()
    assert page["total"] == 3
    assert {(s["source"], s["relation"], s["target"]) for s in page["items"]} == {
        ("usa", "assert", None), ("chn-mfa", "accuse", "usa")}
    accusations = client.get("/v1/actors/usa/statements", params={"relation": "accuse"}).json()
    assert accusations["total"] == 2
    article_ids = {r.article["id"] for r in stored}
    for s in accusations["items"]:
        assert s["article_id"] in article_ids and s["claim"]["status"] == "asserted"
        assert s["evidence"][0]["cue"]["text"] == "accused"
        assert s["evidence"][0]["speaker"]["text"] == "The Chinese foreign ministry"


def test_actor_statements_page(client, stored):
    page = client.get("/v1/actors/usa/statements", params={"limit": 2}).json()
    assert len(page["items"]) == 2 and page["next"]
    rest = client.get(page["next"]).json()
    assert len(rest["items"]) == 1 and rest["next"] is None
    assert {s["id"] for s in page["items"]}.isdisjoint(s["id"] for s in rest["items"])


@pytest.mark.parametrize("path", ["/v1/actors/nobody", "/v1/actors/nobody/statements"])
def test_unknown_actor_is_404(client, path):
    r = client.get(path)
    assert r.status_code == 404 and r.headers["content-type"] == PROBLEM


# --- claims --------------------------------------------------------------------------------------

def test_claim_with_its_statements(client, stored):
    claim_id = f"{stored[0].article['id']}-c1"
    claim = client.get(f"/v1/claims/{claim_id}").json()
    assert claim["label"] == "Russia asked for military help" and claim["status"] == "disputed"
    assert claim["article_id"] == stored[0].article["id"] and claim["about"] == ["rus"]
    assert sorted((s["source"], s["relation"]) for s in claim["statements"]) == [
        ("chn", "deny"), ("rus", "deny"), ("usa", "assert")]
    assert all(s["claim"]["id"] == claim_id and s["evidence"] for s in claim["statements"])


def test_unknown_claim_is_404(client):
    assert client.get("/v1/claims/nope-c1").status_code == 404


# --- corpus graph --------------------------------------------------------------------------------

def test_corpus_graph_aggregates_statements_between_actors(client, stored):
    graph = client.get("/v1/graph").json()
    G = nx.node_link_graph(graph, edges="edges")
    assert graph["graph"] == {"articles": 2, "statements": 2}
    assert set(G.nodes) == {"chn-mfa", "usa"}  # statements without an actor target are left out
    assert G.nodes["chn-mfa"]["kind"] == "government"
    edge = G.edges["chn-mfa", "usa", "accuse"]
    assert edge["count"] == 2 and sorted(edge["articles"]) == sorted(r.article["id"] for r in stored)


@pytest.mark.parametrize("params, count", [
    ({"source": "AP"}, 1), ({"until": "2022-03-15"}, 1), ({"since": "2022-03-21"}, 0),
    ({"actor": "usa"}, 2), ({"actor": "rus"}, 0), ({"relation": "deny"}, 0),
])
def test_corpus_graph_filters(client, stored, params, count):
    graph = client.get("/v1/graph", params=params).json()
    assert sum(e["count"] for e in graph["edges"]) == count == graph["graph"]["statements"]


def test_corpus_graph_of_an_empty_database(client):
    assert client.get("/v1/graph").json() == {"directed": True, "multigraph": True,
                                               "graph": {"articles": 0, "statements": 0},
                                               "nodes": [], "edges": []}
