"""determinations: an index on (case_id, created_at, id), so a case's latest determination is one index
seek instead of a sort of every snapshot the case ever had (issue 12, the service under load)

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 12:00:00

"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_determinations_case_latest", "determinations", ["case_id", "created_at", "id"])


def downgrade() -> None:
    op.drop_index("ix_determinations_case_latest", table_name="determinations")
