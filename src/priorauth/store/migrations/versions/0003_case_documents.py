"""case documents: scanned reports added to a case (issue 17)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 06:30:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "case_documents",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("practice_id", sa.String(length=32), nullable=False),
        sa.Column("case_id", sa.String(length=32), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=True),
        sa.Column("content_type", sa.String(length=40), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("uploaded_by", sa.String(length=32), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"]),
        sa.ForeignKeyConstraint(["practice_id"], ["practices.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("case_documents") as batch:
        batch.create_index(batch.f("ix_case_documents_case_id"), ["case_id"], unique=False)
        batch.create_index(batch.f("ix_case_documents_practice_id"), ["practice_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("case_documents") as batch:
        batch.drop_index(batch.f("ix_case_documents_practice_id"))
        batch.drop_index(batch.f("ix_case_documents_case_id"))
    op.drop_table("case_documents")
