"""Graph stage: one edge per (speaker, relation, target, claim), valid node-link JSON."""

import networkx as nx

from app.extract.graph import build_graph, claim_status, to_node_link
from app.extract.records import Actor, Evidence, Statement, TextSpan

ARTICLE = {"id": "a1", "title": "t", "source": None, "url": None, "published_at": None, "content_hash": "h"}


def _statement(speaker, relation, target, claim, sentence="s", start=0):
    span = TextSpan(sentence, start, start + len(sentence))
    return Statement(speaker, relation, target, "c", Evidence(span, span, None, None), 0.8, claim)


ACTORS = [Actor("rus", "Russia", "country", "RUS"), Actor("rus-kremlin", "Kremlin", "government", "RUS", "rus"),
          Actor("usa", "United States", "country", "USA"), Actor("chn", "China", "country", "CHN")]
CLAIMS = {"a1-c1": {"label": "Russia asked China for help", "about": ["rus"]}}


def test_claim_status():
    assert claim_status({"assert", "deny"}) == "disputed"
    assert claim_status({"deny"}) == "denied"
    assert claim_status({"assert", "accuse"}) == "asserted"


def test_repeated_evidence_joins_one_edge_and_graph_round_trips():
    statements = [_statement("usa", "assert", None, "a1-c1", "headline", 0),
                  _statement("usa", "assert", None, "a1-c1", "body", 20),
                  _statement("rus-kremlin", "deny", "usa", "a1-c1", "denial", 40)]
    data = to_node_link(build_graph(ARTICLE, ACTORS, statements, CLAIMS))
    assert len(data["edges"]) == 2
    assert [len(e["evidence"]) for e in data["edges"]] == [2, 1]
    claim = next(n for n in data["nodes"] if n["type"] == "claim")
    assert claim["status"] == "disputed"
    # an assertion with no actor target points at its claim node, so the data loads back
    assert data["edges"][0]["target"] == "a1-c1" and data["edges"][0]["claim"] == "a1-c1"
    G = nx.node_link_graph(data, edges="edges")
    assert G.number_of_edges() == 2 and G.graph["article"]["id"] == "a1"


def test_only_actors_in_statements_and_their_parents_become_nodes():
    statements = [_statement("rus-kremlin", "deny", "usa", "a1-c1")]
    data = to_node_link(build_graph(ARTICLE, ACTORS, statements, CLAIMS))
    ids = {n["id"] for n in data["nodes"] if n["type"] == "actor"}
    assert ids == {"rus-kremlin", "rus", "usa"}  # China is never a speaker or target
    kremlin = next(n for n in data["nodes"] if n["id"] == "rus-kremlin")
    assert kremlin["part_of"] == "rus"
