"""Draw a claim graph as SVG, server-side, with a networkx layout and no plotting library.

Actors are circles coloured by kind and sized by how many statements touch them; claims (in an
article graph) are grey boxes. Edges are curves from speaker to target with an arrow, coloured by
relation and as wide as their statement count; parallel edges bend apart. A legend says which
colour is which. Elements carry ``data-*`` attributes so pages and tests can find them.
"""

import hashlib
import math
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

WIDTH, HEIGHT, MARGIN, LEGEND = 960, 600, 70, 56
ROOMY_NODES, MAX_HEIGHT = 40, 1800
"""Beyond this many nodes the drawing grows taller (with the root of their number), up to a limit."""
RELATION_COLOURS = {"assert": "#2b6cb0", "deny": "#dd6b20", "accuse": "#c53030"}
KIND_COLOURS = {"country": "#2c7a7b", "government": "#5a67d8", "organization": "#805ad5",
                "person": "#b7791f", "group": "#718096", "other": "#a0aec0"}
CLAIM_FILL, CLAIM_STROKE = "#f7fafc", "#a0aec0"
CLAIM_CHARS = 32
"""Longest claim text shown in its box; the whole text is in the box's tooltip."""
EDGE_SPACING = 26
"""Pixels between parallel edges of one pair of nodes."""
LAYOUT_SEED = 7
PART_SIDE_EXPONENT = 0.7
"""A connected part of n nodes gets a square of side n ** 0.7: big parts get more room per node
than an even share of the area (0.5) would give, since their hubs crowd the middle."""


def draw(G: nx.MultiDiGraph, title: str) -> str:
    """The SVG document of ``G`` (an article graph or a corpus graph).

    Marker ids are unique per drawing, so that several drawings can live in one HTML page.
    """
    uid = "cg" + hashlib.sha1("\n".join([title, *map(str, G)]).encode()).hexdigest()[:8]  # an XML name
    height = min(MAX_HEIGHT, round(HEIGHT * max(1.0, math.sqrt(len(G) / ROOMY_NODES))))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="claim-graph" width="{WIDTH}" '
             f'height="{height + LEGEND}" viewBox="0 0 {WIDTH} {height + LEGEND}" '
             f'font-family="sans-serif" font-size="12">',
             f"<title>{escape(title)}</title>", _defs(uid),
             f'<rect width="{WIDTH}" height="{height + LEGEND}" fill="#ffffff"/>',
             f'<text x="12" y="22" font-size="15" font-weight="bold">{escape(title)}</text>']
    if len(G) == 0:
        parts.append(f'<text x="{WIDTH / 2}" y="{height / 2}" text-anchor="middle" fill="#718096">'
                     "No statements to draw.</text>")
    else:
        position = _layout(G, height)
        radius = _radii(G)
        parts += _edges(G, position, radius, uid)
        parts += _nodes(G, position, radius)
    parts.append(_legend(G, uid, height))
    parts.append("</svg>")
    return "\n".join(parts)


def _count(data: dict) -> int:
    """Statements behind an edge: corpus edges count them, article edges list their evidence."""
    return data.get("count") or len(data.get("evidence") or ()) or 1


def _layout(G: nx.MultiDiGraph, canvas_height: int) -> dict[str, tuple[float, float]]:
    """Each connected part laid out on its own (spring layout), the parts packed in rows, largest
    first, each in a square whose side grows with its size; then fitted to the canvas
    (wider margins when claim boxes need room)."""
    simple = nx.Graph(G.to_undirected())
    simple.remove_edges_from(list(nx.selfloop_edges(simple)))
    parts = sorted(nx.connected_components(simple), key=lambda c: (-len(c), min(c)))
    sides = [len(part) ** PART_SIDE_EXPONENT for part in parts]
    row_width = max(max(sides), math.sqrt(sum(x * x for x in sides) * WIDTH / canvas_height))
    placed: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for part, side in zip(parts, sides):
        if x > 0 and x + side > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for n, (px, py) in _unit_layout(simple.subgraph(part)).items():
            placed[n] = (x + side * (0.1 + 0.8 * px), y + side * (0.1 + 0.8 * py))
        x, row_height = x + side, max(row_height, side)
    width, height = row_width, y + row_height
    margin_x = MARGIN + (60 if any(d.get("type") == "claim" for _, d in G.nodes(data=True)) else 0)
    return {n: (margin_x + px / width * (WIDTH - 2 * margin_x),
                MARGIN + py / height * (canvas_height - 2 * MARGIN))
            for n, (px, py) in placed.items()}


def _unit_layout(part: nx.Graph) -> dict[str, tuple[float, float]]:
    """Positions of one connected part within the unit square."""
    if len(part) == 1:
        return {n: (0.5, 0.5) for n in part}
    raw = nx.spring_layout(part, seed=LAYOUT_SEED, k=1.5 / math.sqrt(len(part)), iterations=100)
    xs, ys = [p[0] for p in raw.values()], [p[1] for p in raw.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1, (max(ys) - min(ys)) or 1
    return {n: ((p[0] - min(xs)) / span_x, (p[1] - min(ys)) / span_y) for n, p in raw.items()}


def _radii(G: nx.MultiDiGraph) -> dict[str, float]:
    """Circle radius of each actor, growing with the statements that touch it (claims: 0, see
    `_box`)."""
    weight = {n: 0 for n in G}
    for u, v, data in G.edges(data=True):
        weight[u] += _count(data)
        weight[v] += _count(data)
    return {n: 0.0 if G.nodes[n].get("type") == "claim" else 9 + 3 * math.sqrt(w)
            for n, w in weight.items()}


def _short(label: str) -> str:
    return label if len(label) <= CLAIM_CHARS else label[:CLAIM_CHARS - 1].rstrip() + "…"


def _box(label: str) -> tuple[float, float]:
    """Half width and half height of a claim's box."""
    return (7 * len(_short(label)) + 16) / 2, 12.0


def _rim(G: nx.MultiDiGraph, n: str, centre: tuple[float, float], radius: float,
         towards: tuple[float, float], gap: float = 0) -> tuple[float, float]:
    """Where a line from the node's centre towards a point leaves its circle or box."""
    if G.nodes[n].get("type") != "claim":
        return _towards(centre, towards, radius + gap)
    half_w, half_h = _box(str(G.nodes[n].get("label", n)))
    dx, dy = towards[0] - centre[0], towards[1] - centre[1]
    scale = min(half_w / abs(dx) if dx else math.inf, half_h / abs(dy) if dy else math.inf)
    length = math.hypot(dx, dy) or 1
    return _towards(centre, towards, length * min(scale, 1) + gap)


def _edges(G: nx.MultiDiGraph, position: dict, radius: dict, uid: str) -> list[str]:
    pairs: dict[frozenset, list[tuple]] = {}
    for u, v, k, data in G.edges(keys=True, data=True):
        pairs.setdefault(frozenset((u, v)), []).append((u, v, k, data))
    out = []
    for group in pairs.values():
        for i, (u, v, _key, data) in enumerate(group):
            relation = data.get("relation", "assert")
            count = _count(data)
            if u == v:
                d = _loop(position[u], radius[u], i)
                mid = (position[u][0], position[u][1] - radius[u] * (2.6 + i))
            else:
                d, mid = _curve(G, u, v, position, radius, (i - (len(group) - 1) / 2) * EDGE_SPACING)
            width = min(10.0, 1.5 + 1.25 * math.log2(count))
            tip = (f"{G.nodes[u].get('label', u)} {relation} {G.nodes[v].get('label', v)}"
                   f" ({count} statement{'s' if count != 1 else ''})")
            out.append(f'<path class="edge" data-source={quoteattr(u)} data-target={quoteattr(v)} '
                       f'data-relation="{relation}" data-count="{count}" d="{d}" fill="none" '
                       f'stroke="{RELATION_COLOURS.get(relation, "#4a5568")}" '
                       f'stroke-width="{width:.2f}" stroke-opacity="0.85" '
                       f'marker-end="url(#{uid}-arrow-{relation})"><title>{escape(tip)}</title></path>')
            if count > 1:
                out.append(f'<text class="edge-count" x="{mid[0]:.1f}" y="{mid[1]:.1f}" '
                           f'text-anchor="middle" font-size="10" fill="#2d3748">{count}</text>')
    return out


def _curve(G: nx.MultiDiGraph, u: str, v: str, position: dict, radius: dict,
           offset: float) -> tuple[str, tuple[float, float]]:
    """A quadratic curve from the rim of ``u`` to the rim of ``v``, bent ``offset`` pixels to the
    side (the side is fixed per pair of nodes, so the two directions of a pair bend apart)."""
    (x1, y1), (x2, y2) = position[u], position[v]
    sign = 1 if u < v else -1
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy) or 1
    nx_, ny_ = -dy / length * sign, dx / length * sign
    cx, cy = (x1 + x2) / 2 + nx_ * offset * 2, (y1 + y2) / 2 + ny_ * offset * 2
    sx, sy = _rim(G, u, (x1, y1), radius[u], (cx, cy))
    ex, ey = _rim(G, v, (x2, y2), radius[v], (cx, cy), gap=2)
    mid = (0.25 * sx + 0.5 * cx + 0.25 * ex, 0.25 * sy + 0.5 * cy + 0.25 * ey)
    return f"M{sx:.1f},{sy:.1f} Q{cx:.1f},{cy:.1f} {ex:.1f},{ey:.1f}", mid


def _towards(start: tuple[float, float], to: tuple[float, float], distance: float) -> tuple[float, float]:
    dx, dy = to[0] - start[0], to[1] - start[1]
    length = math.hypot(dx, dy) or 1
    return start[0] + dx / length * distance, start[1] + dy / length * distance


def _loop(centre: tuple[float, float], r: float, i: int) -> str:
    x, y = centre
    reach = r * (2.5 + i)
    return (f"M{x - r * 0.6:.1f},{y - r * 0.8:.1f} C{x - reach:.1f},{y - reach * 1.4:.1f} "
            f"{x + reach:.1f},{y - reach * 1.4:.1f} {x + r * 0.6:.1f},{y - r * 0.8 - 2:.1f}")


def _nodes(G: nx.MultiDiGraph, position: dict, radius: dict) -> list[str]:
    out = []
    for n, data in G.nodes(data=True):
        x, y = position[n]
        label = str(data.get("label", n))
        if data.get("type") == "claim":
            half_w, half_h = _box(label)
            out.append(f'<g class="node claim" data-id={quoteattr(n)}><title>{escape(label)}</title>'
                       f'<rect x="{x - half_w:.1f}" y="{y - half_h:.1f}" width="{2 * half_w}" '
                       f'height="{2 * half_h}" rx="6" '
                       f'fill="{CLAIM_FILL}" stroke="{CLAIM_STROKE}"/>'
                       f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle" fill="#4a5568" '
                       f'font-style="italic">{escape(_short(label))}</text></g>')
            continue
        members = data.get("members") or []
        tip = label + (f" (with {', '.join(m for m in members if m != n)})" if len(members) > 1 else "")
        out.append(f'<g class="node actor" data-id={quoteattr(n)} data-kind="{data.get("kind", "other")}">'
                   f"<title>{escape(tip)}</title>"
                   f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius[n]:.1f}" '
                   f'fill="{KIND_COLOURS.get(data.get("kind"), KIND_COLOURS["other"])}" '
                   f'stroke="#ffffff" stroke-width="2"/>'
                   f'<text class="label" x="{x:.1f}" y="{y + radius[n] + 14:.1f}" text-anchor="middle" '
                   f'font-weight="bold" fill="#1a202c" stroke="#ffffff" stroke-width="3" '
                   f'paint-order="stroke">{escape(label)}</text></g>')
    return out


def _defs(uid: str) -> str:
    markers = "".join(
        f'<marker id="{uid}-arrow-{relation}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="11" '
        f'markerHeight="11" markerUnits="userSpaceOnUse" orient="auto">'
        f'<path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>'
        for relation, colour in RELATION_COLOURS.items())
    return f"<defs>{markers}</defs>"


def _legend(G: nx.MultiDiGraph, uid: str, top: int) -> str:
    y = top + 24
    items = []
    x = 16
    for relation, colour in RELATION_COLOURS.items():
        items.append(f'<line x1="{x}" y1="{y}" x2="{x + 34}" y2="{y}" stroke="{colour}" '
                     f'stroke-width="3" marker-end="url(#{uid}-arrow-{relation})"/>'
                     f'<text x="{x + 42}" y="{y + 4}">{relation}</text>')
        x += 110
    kinds = sorted({d.get("kind") for _, d in G.nodes(data=True) if d.get("type") != "claim"} - {None})
    for kind in kinds:
        items.append(f'<circle cx="{x + 6}" cy="{y}" r="6" fill="{KIND_COLOURS.get(kind, KIND_COLOURS["other"])}"/>'
                     f'<text x="{x + 16}" y="{y + 4}">{kind}</text>')
        x += 24 + 7 * len(kind) + 14
    items.append(f'<text x="16" y="{y + 22}" fill="#4a5568">Arrows run from speaker to target; '
                 "width grows with the number of statements.</text>")
    return (f'<g class="legend"><rect x="0" y="{top}" width="{WIDTH}" height="{LEGEND}" '
            f'fill="#f7fafc"/>{"".join(items)}</g>')
