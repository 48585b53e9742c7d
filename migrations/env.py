"""Alembic environment: the URL comes from the settings (or from ``app.db.upgrade(url)``)."""

from logging.config import fileConfig

from alembic import context
from sqlmodel import SQLModel

import app.models  # noqa: F401  (registers the tables on SQLModel.metadata)
from app.config import get_settings
from app.db import make_engine

config = context.config
# only the alembic command line configures logging; the server keeps its own
if config.config_file_name is not None:
    fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = SQLModel.metadata
MIGRATION_LOCK = 0x636C61696D  # any constant: the PostgreSQL advisory lock key for migrations


def database_url() -> str:
    return config.attributes.get("url") or get_settings().database_url


def include_name(name: str | None, type_: str, _parent: object) -> bool:
    """Leave out of autogenerate and ``alembic check`` what the models do not describe: the job
    engine's tables (migration 0003, from its own SQL) and PostgreSQL's trigram index (0004) and
    newest-first index (0005)."""
    if type_ == "table":
        return not (name or "").startswith("procrastinate_")
    if type_ == "index":
        return not (name or "").endswith("_trgm") and name != "ix_articles_newest_first"
    return True


def run_migrations_offline() -> None:
    url = database_url()
    context.configure(url=url, target_metadata=target_metadata, literal_binds=True,
                      render_as_batch=url.startswith("sqlite"))
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine = make_engine(database_url())
    try:
        with engine.connect() as connection:
            if connection.dialect.name == "sqlite":
                # batch mode recreates tables; enforced foreign keys would cascade the drops
                connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            else:
                # API and worker containers all migrate on start: one at a time (the lock is
                # held until this connection closes; the next one then finds nothing to do)
                connection.exec_driver_sql(f"SELECT pg_advisory_lock({MIGRATION_LOCK})")
            connection.commit()  # so Alembic opens (and commits) its own transaction
            context.configure(connection=connection, target_metadata=target_metadata,
                              render_as_batch=connection.dialect.name == "sqlite",
                              compare_type=True, include_name=include_name)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
