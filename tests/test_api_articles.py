"""/v1/articles through HTTP: create (and deduplicate), list with filters, read, graph, delete."""

from __future__ import annotations

import networkx as nx
import pytest

from app.schemas import ArticleGraph

TEXT = ("China on Tuesday denied a US claim that Russia had asked it for military help. "
        "The Kremlin also denied making any such request.")
PROBLEM = "application/problem+json"


def total(client) -> int:
    return client.get("/v1/articles").json()["total"]


def assert_graph_contract(graph: dict, article: dict) -> None:
    assert graph["directed"] is True and graph["multigraph"] is True
    meta = graph["graph"]["article"]
    assert meta == {k: article[k] for k in ("id", "title", "source", "url", "published_at", "content_hash")}
    nodes = {n["id"]: n for n in graph["nodes"]}
    for edge in graph["edges"]:
        assert edge["id"].startswith(f"{article['id']}-e")
        assert nodes[edge["source"]]["type"] == "actor" and edge["target"] in nodes
        assert edge["relation"] in {"assert", "deny", "accuse"} and edge["evidence"]
    nx.node_link_graph(graph, edges="edges")  # loads back


# --- create --------------------------------------------------------------------------------------

def test_post_text_creates_an_article_with_its_graph(client):
    body = {"text": TEXT, "title": "China denies", "source": "Reuters",
            "url": "https://news.example/a", "published_at": "2022-03-15"}
    r = client.post("/v1/articles", json=body)
    assert r.status_code == 201, r.text
    article = r.json()
    assert r.headers["location"] == f"/v1/articles/{article['id']}"
    assert len(article["id"]) == 16 and article["content_hash"].startswith(article["id"])
    assert {k: article[k] for k in ("title", "source", "url", "published_at")} == {
        k: body[k] for k in ("title", "source", "url", "published_at")}
    assert article["language"] and article["ingested_at"].endswith("Z")
    assert_graph_contract(article["graph"], article)
    assert client.get(f"/v1/articles/{article['id']}/graph").json() == article["graph"]
    detail = client.get(f"/v1/articles/{article['id']}").json()
    assert detail["text"] == TEXT and detail["id"] == article["id"]


def test_post_same_content_again_returns_the_stored_article(client):
    first = client.post("/v1/articles", json={"text": TEXT, "source": "Reuters"})
    again = client.post("/v1/articles", json={"text": TEXT, "source": "other"})
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    assert total(client) == 1


def test_post_html_extracts_its_text(client):
    html = f"<html><head><title>China denies</title></head><body><article><p>{TEXT}</p></article></body></html>"
    r = client.post("/v1/articles", json={"html": html})
    assert r.status_code == 201, r.text
    text = client.get(f"/v1/articles/{r.json()['id']}").json()["text"]
    assert "denied a US claim" in text and "<p>" not in text


@pytest.mark.parametrize("body, field", [
    ({"text": TEXT, "html": "<p>x</p>"}, "body"),
    ({"title": "no body"}, "body"),
    ({"text": "   \n"}, "text"),
    ({"html": ""}, "html"),
    ({"text": TEXT, "author": "someone"}, "author"),
    ({"text": TEXT, "published_at": "15/03/2022"}, "published_at"),
    ({"text": 42}, "text"),
])
def test_post_invalid_body_is_422_and_stores_nothing(client, body, field):
    r = client.post("/v1/articles", json=body)
    assert r.status_code == 422 and r.headers["content-type"] == PROBLEM
    problem = r.json()
    assert problem["status"] == 422 and problem["type"].endswith("validation-error")
    assert field in problem["errors"][0]["loc"]
    assert "Traceback" not in r.text and total(client) == 0


def test_post_malformed_json_is_422(client):
    r = client.post("/v1/articles", content=b'{"text": ', headers={"content-type": "application/json"})
    assert r.status_code == 422 and r.json()["errors"][0]["type"] == "json_invalid"


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", None])
def test_post_non_json_is_415(client, content_type):
    headers = {"content-type": content_type} if content_type else {}
    r = client.post("/v1/articles", content=f'{{"text": "{TEXT}"}}'.encode(), headers=headers)
    assert r.status_code == 415 and r.headers["content-type"] == PROBLEM
    assert total(client) == 0


def test_post_json_with_charset_is_accepted(client):
    r = client.post("/v1/articles", content=f'{{"text": "{TEXT}"}}'.encode(),
                    headers={"content-type": "application/json; charset=utf-8"})
    assert r.status_code == 201


def test_post_over_the_size_limit_is_413(client, settings):
    r = client.post("/v1/articles", json={"text": "a" * settings.max_article_bytes})
    assert r.status_code == 413 and r.headers["content-type"] == PROBLEM
    assert r.json()["type"].endswith("payload-too-large")
    assert total(client) == 0


def test_chunked_body_over_the_limit_is_413_while_reading(client, settings):
    chunk = b'{"text": "' + b"a" * 4096

    def body():  # no Content-Length: the limit is enforced while the body is read
        for _ in range(settings.max_article_bytes // 4096 + 2):
            yield chunk

    r = client.post("/v1/articles", content=body(), headers={"content-type": "application/json"})
    assert r.status_code == 413 and r.json()["status"] == 413
    assert total(client) == 0


# --- list, read, delete --------------------------------------------------------------------------

def test_list_pages_newest_first_with_a_next_link(client, stored):
    first, second = stored
    page = client.get("/v1/articles", params={"limit": 1}).json()
    assert page["total"] == 2 and page["limit"] == 1 and page["offset"] == 0
    assert [a["id"] for a in page["items"]] == [second.article["id"]]
    assert "text" not in page["items"][0] and "graph" not in page["items"][0]
    last = client.get(page["next"]).json()
    assert [a["id"] for a in last["items"]] == [first.article["id"]]
    assert last["next"] is None and last["offset"] == 1


@pytest.mark.parametrize("params, expected", [
    ({}, {"first", "second"}),
    ({"actor": "rus"}, {"first"}),
    ({"actor": "usa"}, {"first", "second"}),
    ({"relation": "deny"}, {"first"}),
    ({"relation": "accuse"}, {"first", "second"}),
    ({"actor": "usa", "relation": "deny"}, set()),
    ({"actor": "rus", "relation": "deny"}, {"first"}),
    ({"since": "2022-03-16"}, {"second"}),
    ({"until": "2022-03-15"}, {"first"}),
    ({"since": "2022-03-15", "until": "2022-03-20"}, {"first", "second"}),
    ({"source": "AP"}, {"second"}),
    ({"actor": "nobody"}, set()),
])
def test_list_filters(client, stored, params, expected):
    ids = {r.article["id"]: name for r, name in zip(stored, ("first", "second"), strict=True)}
    page = client.get("/v1/articles", params=params).json()
    assert {ids[a["id"]] for a in page["items"]} == expected and page["total"] == len(expected)


@pytest.mark.parametrize("params", [{"relation": "praise"}, {"since": "yesterday"},
                                    {"limit": 0}, {"limit": 101}, {"offset": -1}])
def test_list_rejects_bad_parameters(client, params):
    r = client.get("/v1/articles", params=params)
    assert r.status_code == 422 and r.headers["content-type"] == PROBLEM


def test_stored_graph_and_text_agree_on_offsets(client, stored):
    article_id = stored[0].article["id"]
    text = client.get(f"/v1/articles/{article_id}").json()["text"]
    graph = client.get(f"/v1/articles/{article_id}/graph").json()
    assert graph == stored[0].graph
    for edge in graph["edges"]:
        for ev in edge["evidence"]:
            assert text[ev["start"]:ev["end"]] == ev["text"]
            assert text[ev["cue"]["start"]:ev["cue"]["end"]] == ev["cue"]["text"]


def test_graph_is_the_stored_json_as_the_model_returns_it(client, stored):
    """The JSON graph is sent as stored, not validated again: the same content as the model."""
    r = client.get(f"/v1/articles/{stored[0].article['id']}/graph")
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    assert ArticleGraph.model_validate_json(r.content).model_dump(mode="json") == r.json()


@pytest.mark.parametrize("path", ["/v1/articles/0000000000000000",
                                  "/v1/articles/0000000000000000/graph"])
def test_unknown_article_is_404(client, path):
    r = client.get(path)
    assert r.status_code == 404 and r.headers["content-type"] == PROBLEM
    assert r.json()["type"].endswith("not-found") and "0000000000000000" in r.json()["detail"]


def test_delete_removes_the_article_its_claims_and_unused_actors(client, stored):
    first, second = stored
    article_id = first.article["id"]
    r = client.delete(f"/v1/articles/{article_id}")
    assert r.status_code == 204 and r.content == b""
    assert client.get(f"/v1/articles/{article_id}").status_code == 404
    assert client.get(f"/v1/claims/{article_id}-c1").status_code == 404
    assert client.get("/v1/actors/rus").status_code == 404  # only the deleted article had it
    assert client.get("/v1/actors/usa").status_code == 200
    assert [a["id"] for a in client.get("/v1/articles").json()["items"]] == [second.article["id"]]
    assert client.delete(f"/v1/articles/{article_id}").status_code == 404
