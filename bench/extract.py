#!/usr/bin/env python3
"""Extraction throughput: our whole pipeline vs bare ``nlp.pipe`` on the same texts, same run.

    python bench/extract.py [FOLDER_OF_TXT ...] [--repeat N]

Defaults to the PolNeAR dev articles next to the repository (../shared/eval/polnear-dev), else
the seeds. Prints articles/s and words/s for both and the ratio ours ÷ bare (higher is better),
plus the dev-set F1 so a speed change can be judged together with quality.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def load_texts(folders: list[Path]) -> list[str]:
    texts = []
    for folder in folders:
        texts += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    return texts


def seconds(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    shared = ROOT.parent / "shared" / "eval"
    folders = a.folders or ([shared / "polnear-dev"] if (shared / "polnear-dev").is_dir() else [ROOT / "seeds"])
    texts = load_texts(folders)
    words = sum(len(t.split()) for t in texts)

    from app.extract.pipeline import ArticleInput, get_pipeline

    pipeline = get_pipeline()
    nlp = pipeline.nlp
    list(pipeline.extract_many(ArticleInput(text=t) for t in texts[:2]))  # warm up both
    # alternating rounds, best of each: a busy moment of the machine slows both alike
    bare = ours = float("inf")
    for _ in range(a.repeat):
        bare = min(bare, seconds(lambda: list(nlp.pipe(texts, batch_size=64))))
        ours = min(ours, seconds(lambda: list(pipeline.extract_many(ArticleInput(text=t) for t in texts))))
    print(f"texts: {len(texts)} articles, {words} words from {', '.join(str(f) for f in folders)}")
    print(f"bare nlp.pipe : {len(texts) / bare:8.1f} articles/s {words / bare:10.0f} words/s")
    print(f"claimgraph    : {len(texts) / ours:8.1f} articles/s {words / ours:10.0f} words/s")
    print(f"ratio ours/bare: {bare / ours:.2f}")
    if (shared / "dev").is_dir():
        from app.evaluation import extract_folder, score_statements

        graphs = extract_folder(shared / "dev", ".gold.json")
        print("dev " + score_statements(shared / "dev", graphs, False, False).lines[-1])


if __name__ == "__main__":
    main()
