"""Engines and migrations: the one place that knows how to connect to SQLite or PostgreSQL."""

import json
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text

MIGRATIONS_DIR = Path(__file__).resolve().parents[1] / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 10_000


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite gets WAL, a busy timeout and enforced foreign keys."""
    is_sqlite = url.startswith("sqlite")
    engine = create_engine(
        url,
        # SQLite connections are shared by the server's thread pool
        connect_args={"check_same_thread": False} if is_sqlite else {},
        # keep non-ASCII names readable in JSON columns, so alias search matches them
        json_serializer=lambda obj: json.dumps(obj, ensure_ascii=False),
        pool_pre_ping=not is_sqlite,
    )
    if is_sqlite:
        event.listen(engine, "connect", _configure_sqlite)
    return engine


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers run during a write; busy_timeout makes concurrent writers wait, not fail
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def alembic_config(url: str | None = None):
    """Alembic configuration for ``migrations/``; without ``url`` env.py uses the settings."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url is not None:
        config.attributes["url"] = url
    return config


def upgrade(url: str | None = None) -> None:
    """Apply every migration not yet applied (``alembic upgrade head``)."""
    from alembic import command

    command.upgrade(alembic_config(url), "head")


def engine_url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def ping(engine: Engine) -> None:
    """Raise if the database cannot answer a trivial query."""
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))
