"""newest-first index on PostgreSQL: articles by publication date (undated last), then ingest time

Article lists (and an actor's statements) are ordered ``published_at DESC NULLS LAST,
ingested_at DESC, id``. PostgreSQL puts NULLs first in a descending index unless told otherwise,
so without an index in exactly this order it reads and sorts every article for each page.
SQLite sorts NULLs last in descending order anyway and walks ``ix_articles_published_at``; it
cannot declare NULLS LAST in an index, so this index is PostgreSQL's only.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('CREATE INDEX ix_articles_newest_first ON articles'
                   ' (published_at DESC NULLS LAST, ingested_at DESC, id)')


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('DROP INDEX ix_articles_newest_first')
