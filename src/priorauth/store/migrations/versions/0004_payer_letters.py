"""payer letters: the payer's answer read into a proposal, confirmed into a decision (issue 18)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 09:20:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "payer_letters",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("practice_id", sa.String(length=32), nullable=False),
        sa.Column("case_id", sa.String(length=32), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=True),
        sa.Column("content_type", sa.String(length=40), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("proposal", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("confirmed", sa.JSON(), nullable=True),
        sa.Column("decision_id", sa.String(length=32), nullable=True),
        sa.Column("uploaded_by", sa.String(length=32), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("confirmed_by", sa.String(length=32), nullable=True),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"]),
        sa.ForeignKeyConstraint(["practice_id"], ["practices.id"]),
        sa.ForeignKeyConstraint(["decision_id"], ["decisions.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("payer_letters") as batch:
        batch.create_index(batch.f("ix_payer_letters_case_id"), ["case_id"], unique=False)
        batch.create_index(batch.f("ix_payer_letters_practice_id"), ["practice_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("payer_letters") as batch:
        batch.drop_index(batch.f("ix_payer_letters_practice_id"))
        batch.drop_index(batch.f("ix_payer_letters_case_id"))
    op.drop_table("payer_letters")
