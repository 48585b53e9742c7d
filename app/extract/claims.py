"""Claim stage: give every statement a claim node, linking statements about one proposition.

Two statements share a claim when their contents say the same thing (content words, with a few
synonyms folded, overlap), or when a denial points back at an earlier claim ("denied any such
request", "rejected the allegations"). A denial's target is the actor who asserted the claim.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from app.extract.records import Actor, Evidence, Statement
from app.extract.statements import Found

_WORD = re.compile(r"(?:[A-Z]\.){2,}|[A-Za-z][A-Za-z'’-]*|\d+")
MIN_OVERLAP = 0.5  # overlap coefficient of content words for two contents to be one claim


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], dict[str, str]]:
    raw = json.loads(resources.files("app.extract").joinpath("data/claim_words.json").read_text("utf-8"))
    return frozenset(raw["stopwords"]), dict(raw["synonyms"])


def _stem(word: str) -> str:
    w = word.lower().replace("’", "'").removesuffix("'s")
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)] + repl
    return w


def content_words(text: str) -> set[str]:
    stop, synonyms = _lexicon()
    out = set()
    for m in _WORD.finditer(text or ""):
        w = m.group().lower()
        if m.group() in {"US", "U.S.", "USA"}:
            w = "usa"
        elif w in stop:
            continue
        s = _stem(w)
        out.add(synonyms.get(w, synonyms.get(s, s)))
    return out


def overlap(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


@dataclass
class _Claim:
    key: str
    words: set[str]
    members: list[int] = field(default_factory=list)
    label: str = ""


def link_claims(found: list[Found], actors: dict[str, Actor], article_id: str
                ) -> tuple[list[Statement], dict[str, dict]]:
    """Assign claim keys, deny targets and assert targets; return statements and claim nodes."""
    claims: list[_Claim] = []
    claim_of: list[_Claim] = []
    for i, f in enumerate(found):
        words = content_words(f.content.text if f.content else "")
        best, score = None, 0.0
        for c in claims:
            s = overlap(words, c.words)
            if s > score and len(words & c.words) >= 2:
                best, score = c, s
        if best is None or score < MIN_OVERLAP:
            best = None
            if f.relation == "deny":
                best = _charge_against(claims, found, f.speaker.actor_id, words)
            if best is None and f.relation == "deny" and (f.claim_ref == "anaphor" or (not f.target and len(words) <= 3)):
                best = _salient_claim(claims, found, f)
        if best is None or (best is not None and score < MIN_OVERLAP and f.relation != "deny"):
            best = _Claim(f"{article_id}-c{len(claims) + 1}", set(), label=_label(f))
            claims.append(best)
        best.members.append(i)
        best.words |= words
        claim_of.append(best)

    claims = _merge_denials_into_accusations(claims, claim_of, found)

    for i, f in enumerate(found):
        if f.relation == "deny" and f.target is None:
            c = claim_of[i]
            asserters = [found[j].speaker.actor_id for j in c.members if found[j].relation in {"assert", "accuse"}
                         and found[j].speaker.actor_id != f.speaker.actor_id]
            if asserters:
                f.target = asserters[0]
        if f.relation == "assert" and f.target is None and f.content is not None:
            f.target = _subject_actor(f, actors)

    # a claim is labelled by what its asserter said, else by the first statement about it
    nodes: dict[str, dict] = {}
    statements: list[Statement] = []
    for c in claims:
        asserts = [found[j] for j in c.members if found[j].relation == "assert" and found[j].content]
        if asserts:
            c.label = _label(min(asserts, key=lambda f: len(f.content.text)))
        about = []
        for actor in actors.values():
            if actor.id in about:
                continue
            if any(_mentions(found[j].content.text if found[j].content else "", actor) for j in c.members):
                about.append(actor.id)
        nodes[c.key] = {"label": c.label, "about": about}
    for i, f in enumerate(found):
        statements.append(Statement(
            speaker=f.speaker.actor_id, relation=f.relation, target=f.target,
            claim_text=claim_of[i].label,
            evidence=Evidence(sentence=f.sentence, cue=f.cue, speaker=f.speaker.mention, content=f.content),
            confidence=f.confidence, claim_key=claim_of[i].key))
    return statements, nodes


def _merge_denials_into_accusations(claims: list[_Claim], claim_of: list[_Claim], found: list[Found]
                                    ) -> list[_Claim]:
    """A denial that matched no claim by its words denies what its speaker was accused of:
    "Pakistan has denied harbouring terrorists" ↔ "the U.S. accused Pakistan of sponsoring extremist groups"."""
    for c in list(claims):
        members = [found[j] for j in c.members]
        deniers = {f.speaker.actor_id for f in members if f.relation == "deny"}
        if not deniers or any(f.relation in {"assert", "accuse"} and f.speaker.actor_id not in deniers
                              for f in members):
            continue
        into = None
        for denier in deniers:
            into = into or _charge_against([d for d in claims if d is not c], found, denier, c.words)
        if into is None:
            continue
        into.members.extend(c.members)
        into.words |= c.words
        for j in c.members:
            claim_of[j] = into
        claims.remove(c)
    return claims


def _charge_against(claims: list[_Claim], found: list[Found], actor_id: str, words: set[str]) -> _Claim | None:
    """The claim by which another actor accused (or made a claim about) ``actor_id``."""
    charges = [c for c in claims if any(found[j].relation in {"accuse", "assert"} and found[j].target == actor_id
                                        and found[j].speaker.actor_id != actor_id for j in c.members)]
    if not charges:
        return None
    accusations = [c for c in charges if any(found[j].relation == "accuse" for j in c.members)] or charges
    return max(accusations, key=lambda c: overlap(words, c.words))


def _salient_claim(claims: list[_Claim], found: list[Found], f: Found) -> _Claim | None:
    """The claim a bare denial refers to: one already disputed, else the latest one another actor asserted."""
    for c in claims:
        rels = {found[j].relation for j in c.members}
        if "deny" in rels and any(found[j].speaker.actor_id != f.speaker.actor_id for j in c.members):
            return c
    for c in reversed(claims):
        if any(found[j].relation == "assert" and found[j].speaker.actor_id != f.speaker.actor_id
               for j in c.members):
            return c
    return None


def _label(f: Found) -> str:
    text = (f.content.text if f.content else f.sentence.text).strip().strip('"“”').strip()
    text = re.sub(r"\s+", " ", text)
    return text[:240]


def _mentions(text: str, actor: Actor) -> bool:
    for name in [actor.label, *actor.aliases]:
        if len(name) >= 2 and re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            return True
    return False


def _subject_actor(f: Found, actors: dict[str, Actor]) -> str | None:
    """The actor a claim's content starts with (its subject), if not the speaker."""
    head = f.content.text[:60]
    best = None
    for actor in actors.values():
        if actor.id == f.speaker.actor_id or actor.kind in {"other", "group"}:
            continue
        for name in [actor.label, *actor.aliases]:
            m = re.match(rf"(?:the\s+)?{re.escape(name)}(?![\w-])", head, flags=re.I)
            if m and name[:1].isupper() and (best is None or len(m.group()) > best[1]):
                best = (actor.id, len(m.group()))
    return best[0] if best else None
