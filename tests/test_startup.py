"""What the server does at start-up and shutdown, beyond migrations and seeding."""

import gc
import subprocess
import sys
import textwrap
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session

from app.config import Settings
from app.main import create_app
from app.services.store import store_result


def test_objects_alive_after_start_up_are_frozen_and_the_app_still_serves(
        settings: Settings, engine: Engine, session: Session, sample_results, pipeline):
    """gc.freeze keeps the start-up objects out of later collections (the p99 of reads); reads,
    writes and collections still work, and a stopped app's objects can be collected again."""
    store_result(session, sample_results[0])
    with TestClient(create_app(settings, engine)) as client:
        assert gc.get_freeze_count() > 10_000
        gc.collect()  # a collection with frozen objects breaks nothing
        assert client.get("/health").status_code == 200
        assert client.get("/v1/graph").json()["edges"]
        article = client.get("/v1/articles").json()["items"][0]["id"]
        assert client.get(f"/v1/articles/{article}/graph").status_code == 200
        created = client.post("/v1/articles", json={"text": "Russia denied that it attacked the port. "
                                                            "Ukraine said that Russia attacked the port."})
        assert created.status_code == 201, created.text
        assert client.delete(f"/v1/articles/{created.json()['id']}").status_code == 204
        assert len(client.get("/v1/articles").json()["items"]) == 1
    assert gc.get_freeze_count() == 0


def test_the_api_process_loads_no_spacy_pipeline(db_url: str):
    """Articles are parsed in the extraction child, and matching their claims at ingest needs
    the lemmatizer's tables alone: the API process never loads a pipeline (some 80 MB), unless
    it seeds an empty database. In a fresh interpreter, since this one has the model loaded."""
    code = textwrap.dedent(f"""
        from fastapi.testclient import TestClient
        from app.config import Settings
        from app.corpus import lemmas
        from app.extract import nlp
        from app.main import create_app

        settings = Settings(database_url={db_url!r}, seed_on_start=False, migrate_on_start=False)
        with TestClient(create_app(settings)) as client:
            text = ("China on Tuesday denied a US claim that Russia had asked it for military help. "
                    "The Kremlin also denied making any such request.")
            created = client.post("/v1/articles", json={{"text": text}})
            assert created.status_code == 201, created.text
            assert client.get("/v1/claims").json()["total"] > 0
        assert lemmas.lemma("sought") == "seek"
        print(nlp.load_nlp.cache_info().currsize)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                         cwd=Path(__file__).resolve().parents[1])
    assert out.returncode == 0, out.stderr[-3000:]
    assert out.stdout.strip() == "0"
