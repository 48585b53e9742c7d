"""ingest jobs: our job and item tables; on PostgreSQL, the procrastinate queue schema

The queue's tables, types and functions come from the SQL that the installed procrastinate
ships for its version (pinned in pyproject.toml). Moving to a procrastinate release with schema
changes means a new migration that runs that release's own migration scripts.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

import re
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op
from procrastinate.schema import SchemaManager

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('ingest_jobs',
        sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_ingest_jobs'))
    )
    op.create_table('ingest_items',
        sa.Column('job_id', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column('article', sa.JSON(), nullable=True),
        sa.Column('article_id', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
        sa.Column('error', sa.Text(), nullable=True),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['job_id'], ['ingest_jobs.id'], name=op.f('fk_ingest_items_job_id_ingest_jobs'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('job_id', 'position', name=op.f('pk_ingest_items'))
    )
    if op.get_bind().dialect.name == 'postgresql':
        # straight to psycopg: the SQL holds '%' and ':' that a driver or SQLAlchemy would parse
        op.get_bind().connection.driver_connection.execute(SchemaManager.get_schema())


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        created = re.findall(r'^CREATE (TABLE|TYPE|FUNCTION) (\w+)', SchemaManager.get_schema(),
                             re.MULTILINE)
        for kind in ('FUNCTION', 'TABLE', 'TYPE'):
            for name in reversed([n for k, n in created if k == kind]):
                op.execute(f'DROP {kind} IF EXISTS {name} CASCADE')
    op.drop_table('ingest_items')
    op.drop_table('ingest_jobs')
