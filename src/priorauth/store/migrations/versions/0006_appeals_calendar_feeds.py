"""appeals and calendar feeds: the practice's appeal of a denial, with what was sent and when; a user's
revocable calendar feed link (issue 20)

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 09:30:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "appeals",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("practice_id", sa.String(length=32), nullable=False),
        sa.Column("case_id", sa.String(length=32), nullable=False),
        sa.Column("decision_id", sa.String(length=32), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("argument", sa.Text(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("reference", sa.String(length=200), nullable=True),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"]),
        sa.ForeignKeyConstraint(["decision_id"], ["decisions.id"]),
        sa.ForeignKeyConstraint(["practice_id"], ["practices.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("appeals") as batch:
        batch.create_index(batch.f("ix_appeals_case_id"), ["case_id"], unique=False)
        batch.create_index(batch.f("ix_appeals_practice_id"), ["practice_id"], unique=False)
    op.create_table(
        "calendar_feeds",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("practice_id", sa.String(length=32), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["practice_id"], ["practices.id"]),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    with op.batch_alter_table("calendar_feeds") as batch:
        batch.create_index(batch.f("ix_calendar_feeds_practice_id"), ["practice_id"], unique=False)
        batch.create_index(batch.f("ix_calendar_feeds_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("calendar_feeds") as batch:
        batch.drop_index(batch.f("ix_calendar_feeds_user_id"))
        batch.drop_index(batch.f("ix_calendar_feeds_practice_id"))
    op.drop_table("calendar_feeds")
    with op.batch_alter_table("appeals") as batch:
        batch.drop_index(batch.f("ix_appeals_practice_id"))
        batch.drop_index(batch.f("ix_appeals_case_id"))
    op.drop_table("appeals")
