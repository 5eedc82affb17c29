"""The audit trail, for admins: query it, or export it as CSV."""

from __future__ import annotations

import csv
import io
from datetime import datetime

from fastapi import APIRouter, Query
from fastapi.responses import Response
from sqlalchemy import Select

from priorauth.store.models import AuditEvent
from priorauth.store.scope import Scope
from priorauth.web import schemas as s
from priorauth.web.auth import ADMIN

router = APIRouter(tags=["audit"])
FIELDS = ("id", "at", "actor_kind", "actor", "action", "resource", "resource_id", "patient_id", "detail")


def _query(
    scope: Scope,
    patient_id: str | None,
    actor: str | None,
    action: str | None,
    resource: str | None,
    since: datetime | None,
    until: datetime | None,
) -> Select[tuple[AuditEvent]]:
    sink = scope.session.info.get("audit_sink")
    if sink is not None:
        sink.flush()  # events written in the background are in the answer
    stmt = scope.select(AuditEvent)
    for column, value in (
        (AuditEvent.patient_id, patient_id),
        (AuditEvent.actor, actor),
        (AuditEvent.action, action),
        (AuditEvent.resource, resource),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    if since is not None:
        stmt = stmt.where(AuditEvent.at >= since)
    if until is not None:
        stmt = stmt.where(AuditEvent.at < until)
    return stmt.order_by(AuditEvent.at, AuditEvent.id)


@router.get("/audit", response_model=list[s.AuditOut])
def audit(
    patient_id: str | None = Query(default=None, max_length=40),
    actor: str | None = Query(default=None, max_length=40),
    action: str | None = Query(default=None, max_length=40),
    resource: str | None = Query(default=None, max_length=40),
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = Query(default=500, ge=1, le=10_000),
    offset: int = Query(default=0, ge=0, le=10_000_000),
    scope: Scope = ADMIN,
) -> list[AuditEvent]:
    stmt = _query(scope, patient_id, actor, action, resource, since, until)
    return list(scope.all(stmt.limit(limit).offset(offset)))


@router.get("/audit.csv", responses={200: {"content": {"text/csv": {}}}})
def audit_csv(
    patient_id: str | None = Query(default=None, max_length=40),
    actor: str | None = Query(default=None, max_length=40),
    action: str | None = Query(default=None, max_length=40),
    resource: str | None = Query(default=None, max_length=40),
    since: datetime | None = None,
    until: datetime | None = None,
    scope: Scope = ADMIN,
) -> Response:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(FIELDS)
    for e in scope.session.scalars(_query(scope, patient_id, actor, action, resource, since, until)):
        writer.writerow([_cell(getattr(e, f)) for f in FIELDS])
    scope.audit("export", "audit", None, None, "csv")
    return Response(
        out.getvalue(), media_type="text/csv", headers={"Content-Disposition": "attachment; filename=audit.csv"}
    )


def _cell(value: object) -> str:
    text = value.isoformat() if isinstance(value, datetime) else "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text  # no formula injection in spreadsheets
