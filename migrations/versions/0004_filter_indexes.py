"""filter indexes: claim status; on PostgreSQL, a trigram index for the actor search

The actor search (`q`) is an infix ILIKE on the aliases that articles use (and on labels, in the
small actors table): no B-tree serves it, a trigram index does. The index is on exactly the
expression the query compares. SQLite has no index for infix LIKE.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(op.f('ix_claims_status'), 'claims', ['status'])
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('CREATE EXTENSION IF NOT EXISTS pg_trgm')  # a trusted extension: no superuser
        op.execute('CREATE INDEX ix_article_actors_aliases_trgm ON article_actors'
                   ' USING gin ((CAST(aliases AS VARCHAR)) gin_trgm_ops)')


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('DROP INDEX ix_article_actors_aliases_trgm')
    op.drop_index(op.f('ix_claims_status'), table_name='claims')
