"""``claimgraph eval``: score extraction against hand-labelled articles, in process.

Two kinds of gold are understood, chosen by what the folder holds:

* ``ARTICLE.gold.json`` — statements (speaker, relation, target, evidence sentences); the metric is
  the one of the shared ``score.py`` (lenient: actors match by country code; strict: by name/alias).
* ``ARTICLE.attr.json`` — PolNeAR-style attribution spans (cue, source); the metric is the one of the
  shared ``attribution_score.py`` (cue P/R, source accuracy, attribution F1).

The report lists, per article, the gold statements missed and the edges that match nothing, so the
next rule can be chosen from data.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

RELATIONS = ("assert", "deny", "accuse")
_WORD = re.compile(r"[a-z0-9]+")
_STOP = {"the", "a", "an", "of", "and", "to", "in", "on", "that", "s", "said", "has", "have", "had", "is", "was", "be"}


# -- statement matching (the rules of score.py) -----------------------------------------------------
def norm_name(s: str | None) -> str:
    s = (s or "").lower().replace("’", "'")
    s = re.sub(r"[^a-z0-9' ]+", " ", s)
    s = re.sub(r"^(the )", "", s.strip())
    return re.sub(r"\s+", " ", s).strip()


def names(actor: dict) -> set[str]:
    out = {norm_name(actor.get("name") or actor.get("label") or "")}
    for key in ("aliases", "mentions"):
        for a in actor.get(key) or []:
            out.add(norm_name(a if isinstance(a, str) else a.get("text", "")))
    out.discard("")
    return out


def actor_match(gold: dict | None, pred: dict | None, strict: bool) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    if not strict and gold.get("country") and pred.get("country"):
        if gold["country"].upper() == str(pred["country"]).upper():
            return True
    gn, pn = names(gold), names(pred)
    if gn & pn:
        return True
    return any(len(g) >= 4 and len(p) >= 4 and (f" {g} " in f" {p} " or f" {p} " in f" {g} ")
               for g in gn for p in pn)


def _tokens(s: str) -> list[str]:
    return [t for t in _WORD.findall((s or "").lower().replace("’", "'")) if t not in _STOP]


def evidence_match(gold_texts: Iterable[str], pred_texts: Iterable[str]) -> bool:
    pred_sets = [set(_tokens(p)) for p in pred_texts]
    for g in gold_texts:
        gt = set(_tokens(g))
        if not gt:
            continue
        for pt in pred_sets:
            if not pt:
                continue
            inter = len(gt & pt)
            if inter / len(gt) >= 0.5 or inter / len(pt) >= 0.8:
                return True
    return False


def pred_statements(graph: dict) -> list[dict]:
    nodes = {n["id"]: n for n in graph.get("nodes", [])}
    out = []
    for e in graph.get("edges", []):
        if e.get("relation") not in RELATIONS:
            continue
        texts = [x.get("text", "") if isinstance(x, dict) else str(x) for x in e.get("evidence") or []]
        out.append({"relation": e["relation"], "speaker": nodes.get(e.get("source")),
                    "target": nodes.get(e.get("target")) if e.get("target") else None,
                    "claim": e.get("claim"), "evidence": texts})
    return out


def match(gold: dict, pred: dict, strict: bool) -> bool:
    if gold["relation"] != pred["relation"]:
        return False
    if not actor_match(gold["speaker"], pred["speaker"], strict):
        return False
    if not evidence_match(gold.get("evidence", []), pred["evidence"]):
        return False
    if gold["relation"] == "accuse" and gold.get("target"):
        return pred["target"] is not None and actor_match(gold["target"], pred["target"], strict)
    return True


@dataclass
class Counts:
    tp_pred: int = 0
    n_pred: int = 0
    tp_gold: int = 0
    n_gold: int = 0

    def add(self, other: "Counts") -> None:
        self.tp_pred += other.tp_pred
        self.n_pred += other.n_pred
        self.tp_gold += other.tp_gold
        self.n_gold += other.n_gold

    def prf(self) -> tuple[float, float, float]:
        p = self.tp_pred / self.n_pred if self.n_pred else (1.0 if not self.n_gold else 0.0)
        r = self.tp_gold / self.n_gold if self.n_gold else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


@dataclass
class StatementReport:
    strict: bool
    overall: Counts = field(default_factory=Counts)
    per_relation: dict[str, Counts] = field(default_factory=lambda: {r: Counts() for r in RELATIONS})
    links: list[int] = field(default_factory=lambda: [0, 0])
    lines: list[str] = field(default_factory=list)

    @property
    def f1(self) -> float:
        return self.overall.prf()[2]


def score_article(gold: list[dict], preds: list[dict], strict: bool) -> tuple[Counts, dict[str, Counts]]:
    def counts(gs: list[dict], ps: list[dict]) -> Counts:
        return Counts(sum(1 for p in ps if any(match(g, p, strict) for g in gs)), len(ps),
                      sum(1 for g in gs if any(match(g, p, strict) for p in ps)), len(gs))

    per_rel = {r: counts([g for g in gold if g["relation"] == r], [p for p in preds if p["relation"] == r])
               for r in RELATIONS}
    return counts(gold, preds), per_rel


def claim_links(gold: list[dict], preds: list[dict], strict: bool) -> tuple[int, int]:
    """Pairs of found gold statements in one claim_group: how many share a predicted claim node."""
    linked = total = 0
    groups: dict[str, list[dict]] = {}
    for g in gold:
        if g.get("claim_group"):
            groups.setdefault(g["claim_group"], []).append(g)
    for members in groups.values():
        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                mi = [p for p in preds if match(members[i], p, strict)]
                mj = [p for p in preds if match(members[j], p, strict)]
                if mi and mj:
                    total += 1
                    ci = {p["claim"] for p in mi if p["claim"]}
                    linked += bool(ci & {p["claim"] for p in mj if p["claim"]})
    return linked, total


def score_statements(gold_dir: Path, graphs: dict[str, dict], strict: bool, show_errors: bool) -> StatementReport:
    rep = StatementReport(strict)
    for gold_file in sorted(gold_dir.glob("*.gold.json")):
        stem = gold_file.name[: -len(".gold.json")]
        gold = json.loads(gold_file.read_text())["statements"]
        preds = pred_statements(graphs.get(stem, {}))
        counts, per_rel = score_article(gold, preds, strict)
        rep.overall.add(counts)
        for r in RELATIONS:
            rep.per_relation[r].add(per_rel[r])
        for i, v in enumerate(claim_links(gold, preds, strict)):
            rep.links[i] += v
        p, r, f = counts.prf()
        rep.lines.append(f"{stem + '.txt':40s} P={p:.2f} R={r:.2f} F1={f:.2f}  pred={counts.n_pred} gold={counts.n_gold}")
        if show_errors:
            for g in gold:
                if not any(match(g, p, strict) for p in preds):
                    rep.lines.append(f"   MISSED  {g['speaker'].get('name')} {g['relation']} "
                                     f"{(g.get('target') or {}).get('name')}: {g['evidence'][0][:110]}")
            for p in preds:
                if not any(match(g, p, strict) for g in gold):
                    sp = (p["speaker"] or {}).get("label")
                    tg = p["target"] and p["target"].get("label")
                    ev = p["evidence"][0][:110] if p["evidence"] else ""
                    rep.lines.append(f"   SPURIOUS {sp} {p['relation']} {tg}: {ev}")
    for r in RELATIONS:
        p, rr, f = rep.per_relation[r].prf()
        c = rep.per_relation[r]
        rep.lines.append(f"{r:7s} P={p:.3f} R={rr:.3f} F1={f:.3f}  pred={c.n_pred} gold={c.n_gold}")
    rep.lines.append(f"claim links: {rep.links[0]}/{rep.links[1]} found pairs of same-claim statements share a claim node")
    p, r, f = rep.overall.prf()
    rep.lines.append(f"overall {'strict' if strict else 'lenient'} P={p:.3f} R={r:.3f} F1={f:.3f} failures=0")
    return rep


# -- attribution spans (the rules of attribution_score.py) ---------------------------------------------
_REPORTING = set("""accuse acknowledge add admit affirm allege announce argue assert assure blame charge claim comment
complain concede conclude confirm contend convince criticize criticise declare deny describe disclose dismiss dispute
doubt emphasize emphasise explain express hint imply indicate inform insist maintain mention note observe point predict
promise propose question recall recommend refuse refute reject remark repeat reply report reveal say speculate state
stress suggest tell testify think tweet urge warn write according""".split())
_IRREGULAR = {"said": "say", "says": "say", "told": "tell", "tells": "tell", "wrote": "write", "written": "write",
              "thought": "think", "denied": "deny", "denies": "deny", "implied": "imply", "replied": "reply",
              "testified": "testify", "criticised": "criticise", "criticized": "criticize"}


def is_reporting(word: str) -> bool:
    w = _IRREGULAR.get(word, word)
    return bool({w, w[:-1], w[:-2], w[:-3], w[:-2] + "e", w[:-3] + "e"} & _REPORTING)


def _overlap(a, b) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def attribution_items(graph: dict) -> list[dict]:
    out = []
    for e in graph.get("edges", []):
        if e.get("relation") not in RELATIONS:
            continue
        for ev in e.get("evidence") or []:
            cue, spk = ev.get("cue") or {}, ev.get("speaker") or {}
            if "start" in cue:
                out.append({"cue": [[cue["start"], cue["end"]]],
                            "source": [[spk["start"], spk["end"]]] if "start" in spk else None,
                            "cue_text": cue.get("text", "")})
    return out


@dataclass
class AttributionReport:
    cue_p: float
    cue_r: float
    rep_r: float
    source_acc: float
    attr_p: float
    attr_r: float
    attr_f1: float
    lines: list[str]


def score_attributions(gold_dir: Path, graphs: dict[str, dict], show_errors: bool) -> AttributionReport:
    n_pred = n_pred_ok = n_gold = n_gold_hit = n_rep = n_rep_hit = 0
    src_tot = src_ok = attr_pred_ok = attr_gold_ok = 0
    lines: list[str] = []
    for gf in sorted(gold_dir.glob("*.attr.json")):
        stem = gf.name[: -len(".attr.json")]
        gold = json.loads(gf.read_text())["attributions"]
        preds = attribution_items(graphs.get(stem, {}))
        text = (gold_dir / f"{stem}.txt").read_text() if show_errors else ""
        n_pred += len(preds)
        n_gold += len(gold)
        for p in preds:
            hits = [g for g in gold if _overlap(p["cue"], g["cue"])]
            if hits:
                n_pred_ok += 1
                if any(g["source"] is None or (p["source"] and _overlap(p["source"], g["source"])) for g in hits):
                    attr_pred_ok += 1
                elif show_errors:
                    lines.append(f"{stem}: WRONG SOURCE cue={p['cue_text']!r} "
                                 f"pred={_cut(text, p['source'])!r} gold={_cut(text, hits[0]['source'])!r}")
            elif show_errors:
                lines.append(f"{stem}: SPURIOUS cue={p['cue_text']!r} in {_context(text, p['cue'])!r}")
        for g in gold:
            rep = any(is_reporting(w) for w in re.findall(r"[a-z]+", g["cue_text"].lower()))
            hits = [p for p in preds if _overlap(p["cue"], g["cue"])]
            n_rep += rep
            if hits:
                n_gold_hit += 1
                n_rep_hit += rep
                if g["source"] is not None:
                    src_tot += 1
                    ok = any(p["source"] and _overlap(p["source"], g["source"]) for p in hits)
                    src_ok += ok
                    attr_gold_ok += ok
                else:
                    attr_gold_ok += 1
            elif show_errors and rep:
                lines.append(f"{stem}: MISSED cue={g['cue_text']!r} in {_context(text, g['cue'])!r}")

    def f(x: int, y: int) -> float:
        return x / y if y else 0.0

    cp, cr = f(n_pred_ok, n_pred), f(n_gold_hit, n_gold)
    ap, ar = f(attr_pred_ok, n_pred), f(attr_gold_ok, n_gold)
    af = 2 * ap * ar / (ap + ar) if ap + ar else 0.0
    lines += [f"cue        P={cp:.3f} R={cr:.3f} (reporting-verb cues R={f(n_rep_hit, n_rep):.3f} of {n_rep})  "
              f"pred={n_pred} gold={n_gold}",
              f"source     accuracy on matched cues={f(src_ok, src_tot):.3f} ({src_ok}/{src_tot})",
              f"attribution P={ap:.3f} R={ar:.3f} F1={af:.3f}"]
    return AttributionReport(cp, cr, f(n_rep_hit, n_rep), f(src_ok, src_tot), ap, ar, af, lines)


def _cut(text: str, spans) -> str:
    return " | ".join(text[s:e] for s, e in spans or [])


def _context(text: str, spans) -> str:
    s, e = spans[0]
    return text[max(0, s - 60):e + 60].replace("\n", " ")


# -- running the pipeline over a folder ------------------------------------------------------------
def extract_folder(gold_dir: Path, suffix: str, extract: Callable[[list[str]], list[dict]] | None = None
                   ) -> dict[str, dict]:
    stems = sorted(p.name[: -len(suffix)] for p in gold_dir.glob(f"*{suffix}"))
    texts = [(gold_dir / f"{s}.txt").read_text(encoding="utf-8") for s in stems]
    if extract is None:
        from app.extract.pipeline import ArticleInput, get_pipeline

        results = get_pipeline().extract_many(ArticleInput(text=t) for t in texts)
        graphs = [r.graph for r in results]
    else:
        graphs = extract(texts)
    return dict(zip(stems, graphs))


def run_eval(gold_dir: str | Path, strict: bool = False, show_errors: bool = False) -> list[str]:
    """Score the folder (statement gold, attribution gold, or both) and return the report lines."""
    gold_dir = Path(gold_dir)
    lines: list[str] = []
    if any(gold_dir.glob("*.gold.json")):
        graphs = extract_folder(gold_dir, ".gold.json")
        lines += score_statements(gold_dir, graphs, strict, show_errors).lines
    if any(gold_dir.glob("*.attr.json")):
        graphs = extract_folder(gold_dir, ".attr.json")
        lines += score_attributions(gold_dir, graphs, show_errors).lines
    if not lines:
        raise FileNotFoundError(f"no *.gold.json or *.attr.json files in {gold_dir}")
    return lines
