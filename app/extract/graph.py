"""Graph stage: actors, claims and statements → a networkx MultiDiGraph → node-link JSON."""

from __future__ import annotations

from typing import Any

import networkx as nx

from app.extract.records import Actor, Statement


def claim_status(relations: set[str]) -> str:
    if "assert" in relations and "deny" in relations:
        return "disputed"
    return "denied" if relations == {"deny"} else "asserted"


def _span(s) -> dict | None:
    return None if s is None else {"text": s.text, "start": s.start, "end": s.end}


def build_graph(article: dict[str, Any], actors: list[Actor], statements: list[Statement],
                claims: dict[str, dict]) -> nx.MultiDiGraph:
    """One node per actor and claim, one edge per (speaker, relation, target, claim).

    ``claims`` maps claim node id → {"label", "about"}; each statement's ``claim_key`` is a
    claim node id. An edge with no actor target points to its claim node, so every edge has
    two ends and the node-link data loads back with networkx.
    """
    G = nx.MultiDiGraph(article=article)
    used = {s.speaker for s in statements} | {s.target for s in statements if s.target}
    by_id = {a.id: a for a in actors}
    # keep the part_of parents of used actors so the reference resolves
    for aid in list(used):
        parent = by_id[aid].part_of if aid in by_id else None
        while parent and parent in by_id and parent not in used:
            used.add(parent)
            parent = by_id[parent].part_of
    for a in actors:
        if a.id in used:
            G.add_node(a.id, type="actor", label=a.label, kind=a.kind, country=a.country,
                       part_of=a.part_of if a.part_of in used else None, aliases=sorted(set(a.aliases)))
    rels_by_claim: dict[str, set[str]] = {}
    for s in statements:
        if s.claim_key:
            rels_by_claim.setdefault(s.claim_key, set()).add(s.relation)
    for cid, c in claims.items():
        if cid in rels_by_claim:
            G.add_node(cid, type="claim", label=c["label"], about=list(c.get("about", [])),
                       status=claim_status(rels_by_claim[cid]))
    edges: dict[tuple, str] = {}
    prefix = article.get("id") or "a"
    for s in statements:
        k = (s.speaker, s.relation, s.target, s.claim_key)
        ev = {"text": s.evidence.sentence.text, "start": s.evidence.sentence.start,
              "end": s.evidence.sentence.end, "cue": _span(s.evidence.cue),
              "speaker": _span(s.evidence.speaker), "content": _span(s.evidence.content)}
        if k in edges:
            data = G.edges[edges[k]]
            data["evidence"].append(ev)
            data["confidence"] = max(data["confidence"], s.confidence)
            continue
        eid = f"{prefix}-e{len(edges) + 1}"
        to = s.target or s.claim_key
        key = G.add_edge(s.speaker, to, key=eid, id=eid, relation=s.relation,
                         claim=s.claim_key, confidence=round(s.confidence, 3), evidence=[ev])
        edges[k] = (s.speaker, to, key)
    return G


def to_node_link(G: nx.MultiDiGraph) -> dict[str, Any]:
    data = nx.node_link_data(G, edges="edges")
    # edges in reading order (networkx lists them by source node)
    data["edges"].sort(key=lambda e: min((ev["start"] for ev in e["evidence"]), default=0))
    for e in data["edges"]:
        # the contract's "target": an actor id, or the claim id when no actor is targeted
        e.setdefault("claim", None)
    return data
