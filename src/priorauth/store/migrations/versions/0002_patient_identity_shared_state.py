"""patient identity (identifiers, no merge by FHIR id), patients to review, shared server state

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 06:00:00

Patients were keyed by the chart's Patient.id alone, and a later chart with the same id renamed the
patient. From here a patient is keyed by its identifiers (the FHIR id among them) and never renamed.
Existing databases are carried over: every patient keeps its id, charts and cases; its FHIR id becomes
its first identifier, and the identifiers of its charts are added when they all name one person. A
patient whose charts name different people (merged before) is listed in ``patient_reviews`` for an
admin (``GET /api/v1/patients/reviews``): nothing is split or changed automatically.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger("priorauth.migrations")
TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.drop_constraint("patients_practice_id_fhir_id_key", "patients", type_="unique")
        op.alter_column("patients", "fhir_id", existing_type=sa.String(200), nullable=True)
    else:  # SQLite: the table is rebuilt without the unique constraint (foreign keys are off meanwhile)
        patients = sa.Table(
            "patients",
            sa.MetaData(),
            sa.Column("id", sa.String(32), nullable=False),
            sa.Column("practice_id", sa.String(32), sa.ForeignKey("practices.id"), nullable=False),
            sa.Column("fhir_id", sa.String(200), nullable=True),
            sa.Column("name", sa.String(200), nullable=True),
            sa.Column("birth_date", sa.String(10), nullable=True),
            sa.Column("created_at", TZ, nullable=False),
            sa.PrimaryKeyConstraint("id"),
            sa.Index("ix_patients_practice_id", "practice_id"),
        )
        with op.batch_alter_table("patients", copy_from=patients, recreate="always"):
            pass

    op.create_table(
        "patient_identifiers",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("practice_id", sa.String(32), nullable=False),
        sa.Column("patient_id", sa.String(32), nullable=False),
        sa.Column("system", sa.String(300), nullable=False),
        sa.Column("value", sa.String(300), nullable=False),
        sa.ForeignKeyConstraint(["patient_id"], ["patients.id"]),
        sa.ForeignKeyConstraint(["practice_id"], ["practices.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_patient_identifiers_key", "patient_identifiers", ["practice_id", "system", "value"])
    op.create_index(op.f("ix_patient_identifiers_patient_id"), "patient_identifiers", ["patient_id"])
    op.create_table(
        "patient_reviews",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("practice_id", sa.String(32), nullable=False),
        sa.Column("patient_id", sa.String(32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("chart_ids", sa.JSON(), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("resolved_at", TZ, nullable=True),
        sa.ForeignKeyConstraint(["patient_id"], ["patients.id"]),
        sa.ForeignKeyConstraint(["practice_id"], ["practices.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_patient_reviews_practice_id"), "patient_reviews", ["practice_id"])
    op.create_table(
        "login_throttle",
        sa.Column("key", sa.String(300), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failure_at", TZ, nullable=False),
        sa.Column("blocked_until", TZ, nullable=True),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "seen_jwts",
        sa.Column("jti", sa.String(300), nullable=False),
        sa.Column("expires_at", TZ, nullable=False),
        sa.PrimaryKeyConstraint("jti"),
    )
    op.create_index(op.f("ix_seen_jwts_expires_at"), "seen_jwts", ["expires_at"])
    op.create_table(
        "cds_suggestions",
        sa.Column("id", sa.String(100), nullable=False),
        sa.Column("context", sa.JSON(), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_cds_suggestions_created_at"), "cds_suggestions", ["created_at"])
    with op.batch_alter_table("api_tokens") as batch:
        batch.add_column(sa.Column("expires_at", TZ, nullable=True))
    _carry_patients_over(bind)


def _carry_patients_over(bind: Any) -> None:
    """Identifiers for every existing patient; patients whose charts name different people -> reviews."""
    import uuid
    from datetime import UTC, datetime

    from priorauth.errors import PriorauthError
    from priorauth.service.charts import patient_of
    from priorauth.service.patients import FHIR_ID, keys

    meta = sa.MetaData()
    patients = sa.Table("patients", meta, autoload_with=bind)
    charts = sa.Table("charts", meta, autoload_with=bind)
    idents = sa.Table("patient_identifiers", meta, autoload_with=bind)
    reviews = sa.Table("patient_reviews", meta, autoload_with=bind)
    now = datetime.now(UTC)
    for p in bind.execute(sa.select(patients)).mappings().all():
        people: dict[tuple[Any, ...], list[str]] = {}
        found_keys: set[tuple[str, str]] = set()
        rows = bind.execute(
            sa.select(charts.c.id, charts.c.kind, charts.c.content).where(charts.c.patient_id == p["id"])
        ).all()
        for chart_id, kind, content in rows:
            try:
                found = patient_of(content, kind, 200_000_000, p["fhir_id"])
            except PriorauthError:
                continue  # a chart the loader refuses now still stays where it is
            person = (" ".join((found["name"] or "").lower().split()), found["birth_date"], tuple(found["identifiers"]))
            people.setdefault(person, []).append(chart_id)
            found_keys |= keys(found)
        wanted = {(FHIR_ID, p["fhir_id"])} if p["fhir_id"] else set()
        if len(people) > 1:
            bind.execute(
                reviews.insert().values(
                    id=uuid.uuid4().hex,
                    practice_id=p["practice_id"],
                    patient_id=p["id"],
                    reason=f"its {len(rows)} charts name {len(people)} different people (name, birth date or "
                    "identifiers): merged before patient identities were checked; split by hand",
                    chart_ids={"charts": [c for ids in people.values() for c in ids]},
                    created_at=now,
                )
            )
            log.warning("patient %s holds charts of %d people: listed for review", p["id"], len(people))
        else:
            wanted |= found_keys
        for system, value in sorted(wanted):
            bind.execute(
                idents.insert().values(
                    id=uuid.uuid4().hex, practice_id=p["practice_id"], patient_id=p["id"], system=system, value=value
                )
            )


def downgrade() -> None:
    raise NotImplementedError("0002 is not reversible: patients may now share a FHIR id")
