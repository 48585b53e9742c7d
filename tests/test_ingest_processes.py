"""``claimgraph ingest -j 2``: two worker processes share a folder and write to one database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlmodel import Session, func, select

from app.db import make_engine
from app.models import Article, Statement
from app.services.batch import CHUNK_FILES, _chunks

CLAIMGRAPH = Path(__file__).resolve().parents[1] / ".venv" / "bin" / "claimgraph"
ARTICLES = 9  # several chunks of app.services.batch.CHUNK_FILES: both workers get some


def _ingest(folder: Path, db_url: str) -> str:
    env = {**os.environ, "CLAIMGRAPH_DATABASE_URL": db_url}
    done = subprocess.run([CLAIMGRAPH, "ingest", "-j", "2", str(folder)], env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_two_processes_store_each_article_once(tmp_path: Path, db_url: str):
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(ARTICLES):
        (folder / f"{n}.txt").write_text(
            f"On day {n + 1}, China denied a US claim that Russia had asked it for military help. "
            "The Kremlin accused Washington of spreading disinformation.", encoding="utf-8")
    (folder / "copy.txt").write_text((folder / "0.txt").read_text(encoding="utf-8"), encoding="utf-8")

    assert _ingest(folder, db_url) == f"{ARTICLES} new, 1 already stored"
    assert _ingest(folder, db_url) == f"0 new, {ARTICLES + 1} already stored"
    engine = make_engine(db_url)
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(Article)).one() == ARTICLES
        speakers = session.exec(select(Statement.article_id).distinct()).all()
    engine.dispose()
    assert len(speakers) == ARTICLES  # every article was extracted, not only stored


def test_the_calling_process_does_not_import_the_parser():
    """Only the workers load spaCy: the parent's start-up would otherwise delay theirs."""
    code = ("import sys, app.services.batch, app.services.files; "
            "print(sorted(m for m in ('spacy', 'thinc') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_files_are_handed_out_longest_first(tmp_path: Path):
    """The last chunks are the shortest, so the workers finish close together."""
    sizes = [30, 5, 80, 10, 60, 20, 70]
    files = []
    for n, size in enumerate(sizes):
        files.append(tmp_path / f"{n}.txt")
        files[-1].write_text("x" * size, encoding="utf-8")
    chunks = _chunks(files)
    assert all(len(chunk) <= CHUNK_FILES for chunk in chunks)
    assert [p.stat().st_size for chunk in chunks for p in chunk] == sorted(sizes, reverse=True)
