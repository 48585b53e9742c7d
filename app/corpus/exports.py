"""Graphs in the formats other tools read: node-link JSON, GraphML, GEXF, Cytoscape.js, CSV, SVG.

GraphML, GEXF and CSV hold scalar attributes only: lists and objects (aliases, articles,
evidence) travel as JSON text, and null values are left out. Node-link JSON and Cytoscape keep
them as they are. Every format reads back into networkx (see tests/test_exports.py); a GEXF file
without parallel edges reads back as a DiGraph, whose edges keep their relation (and, in an
article graph, their id) but not the multigraph key.
"""

import csv
import io
import json
from typing import Any

import networkx as nx

from app.corpus.svg import draw
from app.schemas import GraphFormat

MEDIA_TYPES = {
    GraphFormat.JSON: "application/json",
    GraphFormat.GRAPHML: "application/graphml+xml",
    GraphFormat.GEXF: "application/gexf+xml",
    GraphFormat.CYTOSCAPE: "application/vnd.claimgraph.cytoscape+json",  # not the node-link JSON of the schema
    GraphFormat.CSV: "text/csv; charset=utf-8",
    GraphFormat.SVG: "image/svg+xml",
}
EXTENSIONS = {GraphFormat.CYTOSCAPE: "cytoscape.json"}


def export(G: nx.MultiDiGraph, fmt: GraphFormat, title: str) -> str:
    """``G`` as text in format ``fmt`` (``title`` heads the SVG drawing)."""
    if fmt == GraphFormat.JSON:
        return json.dumps(nx.node_link_data(G, edges="edges"), ensure_ascii=False)
    if fmt == GraphFormat.GRAPHML:
        return "\n".join(nx.generate_graphml(scalar_graph(G)))
    if fmt == GraphFormat.GEXF:
        return "\n".join(nx.generate_gexf(scalar_graph(G)))
    if fmt == GraphFormat.CYTOSCAPE:
        return json.dumps(cytoscape(G), ensure_ascii=False)
    if fmt == GraphFormat.CSV:
        return edge_list(G)
    return draw(G, title)


def filename(stem: str, fmt: GraphFormat) -> str:
    return f"{stem}.{EXTENSIONS.get(fmt, fmt.value)}"


def scalar_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with JSON text for lists and objects and without null attributes."""
    H = nx.MultiDiGraph(**_scalars(G.graph))
    H.add_nodes_from((n, _scalars(data)) for n, data in G.nodes(data=True))
    H.add_edges_from((u, v, k, _scalars(data)) for u, v, k, data in G.edges(keys=True, data=True))
    return H


def _scalars(attributes: dict[str, Any]) -> dict[str, Any]:
    return {name: json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value
            for name, value in attributes.items() if value is not None}


def cytoscape(G: nx.MultiDiGraph) -> dict[str, Any]:
    """Cytoscape.js JSON (``elements`` with ``nodes`` and ``edges``), every edge with an id."""
    data = nx.cytoscape_data(G)
    for element in data["elements"]["edges"]:
        edge = element["data"]
        edge.setdefault("id", f"{edge['source']}|{edge['key']}|{edge['target']}")
    return data


def edge_list(G: nx.MultiDiGraph) -> str:
    """One CSV row per edge: source, target, key, then every edge attribute (scalars or JSON)."""
    rows = [{"source": u, "target": v, "key": k, **_scalars(data)}
            for u, v, k, data in G.edges(keys=True, data=True)]
    columns = ["source", "target", "key"] + sorted({c for row in rows for c in row} - {"source", "target", "key"})
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
