"""Migrations on PostgreSQL: concurrent upgrades take turns, the job queue's schema comes and
goes with migration 0003, and the actor search's trigram indexes serve its query. (Drift and
downgrades on both databases are in test_db.py.)"""

from __future__ import annotations

import os
import secrets
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect, make_url, text
from sqlmodel import Session

from app.db import alembic_config, make_engine
from app.schemas import ActorQuery
from app.services.actors import list_actors

pytestmark = pytest.mark.postgres

CLAIMGRAPH = Path(__file__).resolve().parents[1] / ".venv" / "bin" / "claimgraph"


@pytest.fixture
def empty_database(postgres_url: str) -> Iterator[str]:
    """A new database with nothing in it, on the test server; dropped afterwards."""
    name = f"claimgraph_empty_{secrets.token_hex(4)}"
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(postgres_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def queue_objects(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        return set(connection.execute(text(
            "SELECT relname FROM pg_class WHERE relname LIKE 'procrastinate%' AND relkind = 'r'"
            " UNION SELECT typname FROM pg_type WHERE typname LIKE 'procrastinate%' AND typtype IN ('e', 'c')"
            " UNION SELECT proname FROM pg_proc WHERE proname LIKE 'procrastinate%'")).scalars())


def test_containers_migrating_at_once_take_turns(empty_database):
    env = {**os.environ, "CLAIMGRAPH_DATABASE_URL": empty_database}
    upgrades = [subprocess.Popen([CLAIMGRAPH, "db", "upgrade"], env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, text=True) for _ in range(3)]
    outputs = [p.communicate(timeout=120)[0] for p in upgrades]
    assert [p.returncode for p in upgrades] == [0, 0, 0], outputs
    engine = make_engine(empty_database)
    with engine.connect() as connection:
        head = ScriptDirectory.from_config(alembic_config()).get_current_head()
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == [head]
    assert {"ingest_jobs", "procrastinate_jobs"} <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_migration_0003_brings_and_removes_the_queue_schema(postgres_url, empty_database):
    engine = make_engine(empty_database)
    command.upgrade(alembic_config(empty_database), "0002")
    assert queue_objects(engine) == set()
    command.upgrade(alembic_config(empty_database), "0003")
    made = queue_objects(engine)
    assert {"procrastinate_jobs", "procrastinate_workers", "procrastinate_job_status",
            "procrastinate_fetch_job_v2", "procrastinate_retry_job_v2"} <= made
    command.downgrade(alembic_config(empty_database), "0002")
    assert queue_objects(engine) == set()
    engine.dispose()


def test_the_actor_search_can_use_the_trigram_index(postgres_db):
    engine = make_engine(postgres_db)
    statements: list[tuple[str, object]] = []
    event.listen(engine, "before_cursor_execute",
                 lambda _c, _cur, statement, params, _ctx, _many: statements.append((statement, params)))
    with Session(engine) as session:
        list_actors(session, ActorQuery(q="kreml"))
    count_query, params = statements[0]
    with engine.connect() as connection:
        connection.execute(text("SET enable_seqscan = off"))  # the tables are empty: force the choice
        plan = "\n".join(connection.exec_driver_sql(f"EXPLAIN {count_query}", params).scalars())
    engine.dispose()
    assert "Bitmap Index Scan on ix_article_actors_aliases_trgm" in plan, plan
