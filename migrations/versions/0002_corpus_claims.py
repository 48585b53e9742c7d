"""corpus claims: article claims linked across articles

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('corpus_claims',
        sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column('label', sa.Text(), nullable=False),
        sa.Column('negative', sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_corpus_claims'))
    )
    op.create_table('claim_links',
        sa.Column('claim_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('corpus_claim_id', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column('negated', sa.Boolean(), nullable=False),
        sa.Column('score', sa.Float(), nullable=False),
        sa.Column('actors', sa.JSON(), nullable=False),
        sa.Column('parties', sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_claim_links_claim_id_claims'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['corpus_claim_id'], ['corpus_claims.id'], name=op.f('fk_claim_links_corpus_claim_id_corpus_claims'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('claim_id', name=op.f('pk_claim_links'))
    )
    op.create_index(op.f('ix_claim_links_corpus_claim_id'), 'claim_links', ['corpus_claim_id'])
    op.create_table('claim_terms',
        sa.Column('claim_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('term', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_claim_terms_claim_id_claims'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('claim_id', 'term', name=op.f('pk_claim_terms'))
    )
    op.create_index(op.f('ix_claim_terms_term'), 'claim_terms', ['term'])


def downgrade() -> None:
    op.drop_table('claim_terms')
    op.drop_table('claim_links')
    op.drop_table('corpus_claims')
