"""Fold institutions and officials into their country: the Kremlin and Vladimir Putin -> Russia.

An actor folds along its ``part_of`` chain up to the top; a government body or a person that
ends up outside any country actor still folds into the country its ``country`` code names.
Organisations and groups keep their own node unless they are part of a country (state companies
are): "Rosneft" -> Russia, but "BlackRock" stays BlackRock.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from sqlmodel import Session, select

from app.extract.gazetteer import load_gazetteer
from app.models import Actor

FOLDED_BY_COUNTRY_CODE = {"government", "person"}


@dataclass(frozen=True)
class Node:
    """What the graph shows for an actor (or for the country it folds into)."""

    id: str
    label: str
    kind: str
    country: str | None
    part_of: str | None


def _node(actor: Actor) -> Node:
    return Node(actor.id, actor.label, actor.kind, actor.country, actor.part_of)


def load_nodes(session: Session, actor_ids: Iterable[str]) -> dict[str, Node]:
    """The actors with these ids, and every ``part_of`` ancestor of theirs."""
    nodes: dict[str, Node] = {}
    wanted = set(actor_ids)
    while wanted:
        rows = session.exec(select(Actor).where(Actor.id.in_(wanted))).all()  # type: ignore[attr-defined]
        nodes.update((a.id, _node(a)) for a in rows)
        wanted = {a.part_of for a in rows if a.part_of and a.part_of not in nodes}
    return nodes


def fold_to_countries(session: Session, nodes: dict[str, Node]) -> dict[str, Node]:
    """Actor id -> the node it folds into (itself when it does not fold)."""
    countries = {n.country: n for n in nodes.values() if n.kind == "country" and n.country}
    codes = {n.country for n in nodes.values() if n.country} - set(countries)
    if codes:
        for actor in session.exec(select(Actor).where(Actor.kind == "country",
                                                      Actor.country.in_(codes))):  # type: ignore[union-attr]
            countries.setdefault(actor.country, _node(actor))  # type: ignore[arg-type]
        for entry in load_gazetteer().entries.values():
            if entry.kind == "country" and entry.country in codes:
                countries.setdefault(entry.country, Node(entry.id, entry.label, "country",
                                                         entry.country, None))
    folded = {}
    for actor_id, node in nodes.items():
        top, seen = node, {actor_id}
        while top.part_of in nodes and top.part_of not in seen:
            seen.add(top.part_of)
            top = nodes[top.part_of]
        if top.kind != "country" and top.kind in FOLDED_BY_COUNTRY_CODE and top.country in countries:
            top = countries[top.country]
        folded[actor_id] = top
    return folded
