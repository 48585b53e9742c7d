"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('actors',
        sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.Column('label', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column('country', sqlmodel.sql.sqltypes.AutoString(length=3), nullable=True),
        sa.Column('part_of', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True),
        sa.ForeignKeyConstraint(['part_of'], ['actors.id'], name=op.f('fk_actors_part_of_actors')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_actors'))
    )
    op.create_index(op.f('ix_actors_country'), 'actors', ['country'])
    op.create_index(op.f('ix_actors_kind'), 'actors', ['kind'])
    op.create_index(op.f('ix_actors_label'), 'actors', ['label'])
    op.create_index(op.f('ix_actors_part_of'), 'actors', ['part_of'])

    op.create_table('articles',
        sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column('content_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column('source', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column('url', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column('published_at', sa.Date(), nullable=True),
        sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('language', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('graph', sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_articles')),
        sa.UniqueConstraint('content_hash', name=op.f('uq_articles_content_hash'))
    )
    op.create_index(op.f('ix_articles_published_at'), 'articles', ['published_at'])
    op.create_index(op.f('ix_articles_source'), 'articles', ['source'])

    op.create_table('article_actors',
        sa.Column('article_id', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column('actor_id', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.Column('aliases', sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], name=op.f('fk_article_actors_actor_id_actors')),
        sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_article_actors_article_id_articles'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('article_id', 'actor_id', name=op.f('pk_article_actors'))
    )
    op.create_index(op.f('ix_article_actors_actor_id'), 'article_actors', ['actor_id'])

    op.create_table('claims',
        sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('article_id', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('label', sa.Text(), nullable=False),
        sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column('about', sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_claims_article_id_articles'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_claims'))
    )
    op.create_index(op.f('ix_claims_article_id'), 'claims', ['article_id'])

    op.create_table('statements',
        sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('article_id', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('source_id', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.Column('relation', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column('target_id', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True),
        sa.Column('claim_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column('confidence', sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_statements_article_id_articles'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_statements_claim_id_claims'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['source_id'], ['actors.id'], name=op.f('fk_statements_source_id_actors')),
        sa.ForeignKeyConstraint(['target_id'], ['actors.id'], name=op.f('fk_statements_target_id_actors')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_statements'))
    )
    op.create_index(op.f('ix_statements_article_id'), 'statements', ['article_id'])
    op.create_index(op.f('ix_statements_claim_id'), 'statements', ['claim_id'])
    op.create_index(op.f('ix_statements_relation'), 'statements', ['relation'])
    op.create_index(op.f('ix_statements_source_id'), 'statements', ['source_id'])
    op.create_index(op.f('ix_statements_target_id'), 'statements', ['target_id'])

    op.create_table('evidence',
        sa.Column('statement_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('start', sa.Integer(), nullable=False),
        sa.Column('end', sa.Integer(), nullable=False),
        sa.Column('cue_text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('cue_start', sa.Integer(), nullable=False),
        sa.Column('cue_end', sa.Integer(), nullable=False),
        sa.Column('speaker_text', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column('speaker_start', sa.Integer(), nullable=True),
        sa.Column('speaker_end', sa.Integer(), nullable=True),
        sa.Column('content_text', sa.Text(), nullable=True),
        sa.Column('content_start', sa.Integer(), nullable=True),
        sa.Column('content_end', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['statement_id'], ['statements.id'], name=op.f('fk_evidence_statement_id_statements'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('statement_id', 'position', name=op.f('pk_evidence'))
    )


def downgrade() -> None:
    op.drop_table('evidence')
    op.drop_table('statements')
    op.drop_table('claims')
    op.drop_table('article_actors')
    op.drop_table('articles')
    op.drop_table('actors')
