"""The seed article's graph: exactly the statements the brief names, nothing from the page chrome."""

from pathlib import Path

import networkx as nx
import pytest

from app.extract.pipeline import ArticleInput

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_00057ca488cefb31.txt"


@pytest.fixture(scope="module")
def seed(pipeline):
    text = SEED.read_text(encoding="utf-8")
    return text, pipeline.extract(ArticleInput(text=text))


def _edges(graph):
    return [(e["source"], e["relation"], e["target"], e["claim"]) for e in graph["edges"]]


def test_seed_graph_loads_with_networkx(seed):
    _, result = seed
    G = nx.node_link_graph(result.graph, edges="edges")
    assert isinstance(G, nx.MultiDiGraph)
    assert G.graph["article"]["title"] == "China denies US claim that Russia asked for help in Ukraine"
    assert G.graph["article"]["published_at"] == "2022-03-15"


def test_seed_has_one_disputed_claim_asserted_by_us_denied_by_china_and_kremlin(seed):
    _, result = seed
    g = result.graph
    nodes = {n["id"]: n for n in g["nodes"]}
    edges = _edges(g)
    us_asserts = [e for e in edges if e[0] == "usa" and e[1] == "assert"]
    assert len(us_asserts) == 1
    claim = us_asserts[0][3]
    assert nodes[claim]["status"] == "disputed"
    assert ("chn", "deny", "usa", claim) in edges
    assert ("rus-kremlin", "deny", "usa", claim) in edges
    assert "rus" in nodes[claim]["about"]
    disputed = [n for n in g["nodes"] if n["type"] == "claim" and n["status"] == "disputed"]
    assert len(disputed) == 1


def test_seed_china_accuses_us_and_makes_two_quoted_assertions(seed):
    _, result = seed
    edges = _edges(result.graph)
    accuse = [e for e in edges if e[1] == "accuse"]
    assert [(e[0], e[2]) for e in accuse] == [("chn", "usa")]
    china_asserts = [e for e in edges if e[0] == "chn" and e[1] == "assert"]
    assert len(china_asserts) == 2
    assert len(edges) == 6  # nothing else: no teaser, caption or footer statements


def test_seed_kremlin_is_its_own_actor_part_of_russia(seed):
    _, result = seed
    nodes = {n["id"]: n for n in result.graph["nodes"]}
    assert nodes["rus-kremlin"]["label"] == "Kremlin"
    assert nodes["rus-kremlin"]["part_of"] == "rus"
    assert nodes["rus-kremlin"]["country"] == "RUS"
    assert nodes["rus"]["kind"] == "country"


def test_seed_evidence_offsets_point_into_the_submitted_text(seed):
    text, result = seed
    for e in result.graph["edges"]:
        for ev in e["evidence"]:
            assert text[ev["start"]:ev["end"]] == ev["text"]
            for part in ("cue", "speaker", "content"):
                span = ev[part]
                if span is not None:
                    assert text[span["start"]:span["end"]] == span["text"]


def test_seed_pronoun_speaker_is_the_embassy_and_the_mention_is_the_pronoun(seed):
    _, result = seed
    added = [ev for e in result.graph["edges"] for ev in e["evidence"] if ev["cue"]["text"] == "added"]
    assert added and all(ev["speaker"]["text"] == "it" for ev in added)
    assert all(e["source"] == "chn" for e in result.graph["edges"] if any(ev["cue"]["text"] == "added" for ev in e["evidence"]))


def test_seed_nothing_from_teasers_or_footer(seed):
    text, result = seed
    teaser_start = text.index("Tags Russia China")
    for e in result.graph["edges"]:
        for ev in e["evidence"]:
            assert ev["end"] <= teaser_start
            assert "Zelensky" not in ev["text"] and "Anonymous" not in ev["text"]
