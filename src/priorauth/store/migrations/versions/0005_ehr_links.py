"""ehr links: a workspace login opened from the EHR (SMART App Launch) and its encrypted tokens (issue 15)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 09:10:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "ehr_links",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("practice_id", sa.String(length=32), nullable=False),
        sa.Column("session_id", sa.String(length=32), nullable=False),
        sa.Column("issuer", sa.String(length=500), nullable=False),
        sa.Column("patient_fhir_id", sa.String(length=200), nullable=True),
        sa.Column("fhir_user", sa.String(length=500), nullable=True),
        sa.Column("tokens", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["practice_id"], ["practices.id"]),
        sa.ForeignKeyConstraint(["session_id"], ["sessions.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("ehr_links") as batch:
        batch.create_index(batch.f("ix_ehr_links_practice_id"), ["practice_id"], unique=False)
        batch.create_index(batch.f("ix_ehr_links_session_id"), ["session_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("ehr_links") as batch:
        batch.drop_index(batch.f("ix_ehr_links_session_id"))
        batch.drop_index(batch.f("ix_ehr_links_practice_id"))
    op.drop_table("ehr_links")
