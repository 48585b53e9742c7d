"""The seed folder: found wherever the server starts, and a missing one is no crash."""

from pathlib import Path

from sqlmodel import Session

from app.config import Settings
from app.services.ingest import seed


def test_default_seeds_folder_is_the_projects_wherever_the_process_starts(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    folder = Path(Settings().seeds_dir)
    assert folder.is_absolute() and any(folder.glob("*.txt"))


def test_a_missing_seeds_folder_seeds_nothing(engine, pipeline, tmp_path):
    with Session(engine) as session:
        assert seed(session, tmp_path / "nowhere", pipeline) == 0
