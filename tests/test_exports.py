"""Graph exports: every format reads back into networkx with the same nodes, edges and attributes."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

SVG = "{http://www.w3.org/2000/svg}"


def _decode(value):
    """Lists and objects travel as JSON text in the scalar-only formats."""
    if isinstance(value, str) and value[:1] in "[{":
        return json.loads(value)
    return value


def _read_back(fmt: str, text: str) -> nx.MultiDiGraph:
    if fmt == "graphml":
        return nx.parse_graphml(text, force_multigraph=True)
    if fmt == "gexf":
        G = nx.read_gexf(io.BytesIO(text.encode()))
        if G.is_multigraph():
            return G
        # without parallel edges the reader makes a DiGraph and drops the keys: the key is the
        # article edge's id, or the corpus edge's relation
        H = nx.MultiDiGraph(**G.graph)
        H.add_nodes_from(G.nodes(data=True))
        H.add_edges_from((u, v, d["id"] if "claim" in d else d["relation"], d) for u, v, d in G.edges(data=True))
        return H
    if fmt == "cytoscape":
        return nx.cytoscape_graph(json.loads(text))
    G = nx.MultiDiGraph()
    for row in csv.DictReader(io.StringIO(text)):
        G.add_edge(row.pop("source"), row.pop("target"), key=row.pop("key"),
                   **{k: v for k, v in row.items() if v != ""})
    return G


def _attributes(data: dict, drop=("source", "target", "key", "id", "value", "name")) -> dict:
    return {k: _decode(v) for k, v in data.items() if v is not None and k not in drop}


def _urls(stored) -> list[tuple[str, dict]]:
    return [("/v1/graph", {}), ("/v1/graph", {"rollup": "country"}),
            (f"/v1/articles/{stored[0].article['id']}/graph", {})]


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "cytoscape"])
def test_formats_round_trip_with_every_attribute(client, stored, fmt):
    for url, params in _urls(stored):
        expected = nx.node_link_graph(client.get(url, params=params).json(), edges="edges")
        response = client.get(url, params={**params, "format": fmt})
        assert response.status_code == 200 and response.text
        G = _read_back(fmt, response.text)
        assert set(G.nodes) == set(expected.nodes)
        assert set(G.edges(keys=True)) == set(expected.edges(keys=True))
        for n in expected:
            assert _attributes(G.nodes[n]) == _attributes(expected.nodes[n]), (url, fmt, n)
        for u, v, k in expected.edges(keys=True):
            assert _attributes(G.edges[u, v, k]) == _attributes(expected.edges[u, v, k]), (url, fmt)


def test_csv_is_an_edge_list(client, stored):
    for url, params in _urls(stored):
        expected = nx.node_link_graph(client.get(url, params=params).json(), edges="edges")
        response = client.get(url, params={**params, "format": "csv"})
        assert response.headers["content-type"].startswith("text/csv")
        G = _read_back("csv", response.text)
        assert set(G.edges(keys=True)) == set(expected.edges(keys=True))
        for u, v, k, data in expected.edges(keys=True, data=True):
            assert G.edges[u, v, k]["relation"] == data["relation"]
            if "count" in data:
                assert int(G.edges[u, v, k]["count"]) == data["count"]
            else:
                assert _decode(G.edges[u, v, k]["evidence"]) == data["evidence"]


def test_json_format_is_the_default_node_link(client, stored):
    for url, params in _urls(stored):
        assert client.get(url, params={**params, "format": "json"}).json() == client.get(url, params=params).json()


@pytest.mark.parametrize("fmt, media_type, suffix", [
    ("graphml", "application/graphml+xml", ".graphml"), ("gexf", "application/gexf+xml", ".gexf"),
    ("cytoscape", "application/vnd.claimgraph.cytoscape+json", ".cytoscape.json"), ("svg", "image/svg+xml", ".svg"),
])
def test_media_types_and_file_names(client, stored, fmt, media_type, suffix):
    response = client.get("/v1/graph", params={"format": fmt})
    assert response.headers["content-type"] == media_type
    assert response.headers["content-disposition"] == f'inline; filename="corpus-graph{suffix}"'


def test_cytoscape_elements_have_ids(client, stored):
    data = client.get("/v1/graph", params={"format": "cytoscape"}).json()
    ids = [e["data"]["id"] for e in data["elements"]["nodes"] + data["elements"]["edges"]]
    assert len(ids) == len(set(ids)) == 3


def test_svg_draws_labelled_actors_coloured_arrows_and_a_legend(client, stored):
    root = ET.fromstring(client.get("/v1/graph", params={"format": "svg"}).text)
    edges = [p for p in root.iter(f"{SVG}path") if p.get("class") == "edge"]
    assert [(e.get("data-source"), e.get("data-relation"), e.get("data-target"), e.get("data-count"))
            for e in edges] == [("chn-mfa", "accuse", "usa", "2")]
    markers = {m.get("id") for m in root.iter(f"{SVG}marker")}
    assert edges[0].get("marker-end") in {f"url(#{m})" for m in markers if m.endswith("-arrow-accuse")}
    assert edges[0].get("stroke") == "#c53030"
    labels = {t.text for t in root.iter(f"{SVG}text") if t.get("class") == "label"}
    assert labels == {"Chinese Foreign Ministry", "United States"}
    legend = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "legend")
    assert {"assert", "deny", "accuse"} <= {t.text for t in legend.iter(f"{SVG}text")}


def test_svg_of_an_article_draws_its_claims(client, stored):
    root = ET.fromstring(client.get(f"/v1/articles/{stored[0].article['id']}/graph",
                                    params={"format": "svg"}).text)
    claims = [g for g in root.iter(f"{SVG}g") if g.get("class") == "node claim"]
    assert [c.find(f"{SVG}title").text for c in claims] == ["Russia asked for military help",
                                                            "spreading disinformation"]
    relations = sorted(p.get("data-relation") for p in root.iter(f"{SVG}path") if p.get("class") == "edge")
    assert relations == ["accuse", "assert", "deny", "deny"]


def test_svg_marker_ids_differ_between_drawings(client, stored):
    """Two drawings inlined in one page must not share arrow ids (a hidden one would hide both)."""
    corpus = client.get("/v1/graph", params={"format": "svg"}).text
    article = client.get(f"/v1/articles/{stored[0].article['id']}/graph", params={"format": "svg"}).text
    ids = [{m.get("id") for m in ET.fromstring(svg).iter(f"{SVG}marker")} for svg in (corpus, article)]
    assert len(ids[0]) == 3 and not ids[0] & ids[1]


def test_svg_of_an_empty_graph_says_so(client):
    assert "No statements to draw." in client.get("/v1/graph", params={"format": "svg"}).text


def test_svg_escapes_labels(client, session, make_result):
    from datetime import date

    from app.models import Actor
    from app.services.store import store_result
    text = "China denied that Russia asked for military help."
    store_result(session, make_result(text, [(text, "denied", "China", "chn", "deny", "usa", 1,
                                              "Russia asked for military help")],
                                      source="R", published_at=date(2022, 1, 1), title="<b>&</b>"))
    session.get(Actor, "chn").label = 'China <"&">'
    session.commit()
    svg = client.get("/v1/graph", params={"format": "svg"}).text
    assert ET.fromstring(svg) is not None and "China &lt;\"&amp;\"&gt;" in svg
