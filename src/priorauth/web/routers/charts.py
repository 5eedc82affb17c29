"""Patients and charts. A chart is uploaded as the raw request body (a FHIR Bundle, NDJSON, or a zip of
a Bulk Data folder), kept as received, and files its patient (created on first sight)."""

from __future__ import annotations

import hashlib

from fastapi import APIRouter, Depends, Query, Request, Response

from priorauth.errors import Code, fail
from priorauth.store.models import Chart, Patient
from priorauth.store.scope import Scope
from priorauth.web import schemas as s
from priorauth.web.auth import ANY, STAFF
from priorauth.web.evaluation import kind_of, patient_of

router = APIRouter(tags=["charts"])

UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/fhir+json": {"schema": {"type": "object"}},
            "application/json": {"schema": {"type": "object"}},
            "application/x-ndjson": {"schema": {"type": "string"}},
            "application/zip": {"schema": {"type": "string", "format": "binary"}},
        },
    }
}


async def upload(request: Request) -> bytes:
    """The request body, refused past the configured limit (by Content-Length, then while streaming)."""
    limit = int(request.app.state.settings.max_upload_mb * 1_000_000)
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise fail(Code.TOO_LARGE, f"the upload is larger than {limit // 1_000_000} MB")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise fail(Code.TOO_LARGE, f"the upload is larger than {limit // 1_000_000} MB")
        chunks.append(chunk)
    raw = b"".join(chunks)
    if not raw.strip():
        raise fail(Code.EMPTY_INPUT, "the upload is empty: send the chart as the request body")
    return raw


@router.post("/charts", status_code=201, response_model=s.ChartOut, openapi_extra=UPLOAD_BODY)
def upload_chart(
    request: Request,
    raw: bytes = Depends(upload),
    filename: str | None = Query(default=None, max_length=255),
    patient: str | None = Query(default=None, max_length=200, description="the Patient id when the chart has several"),
    scope: Scope = STAFF,
) -> Chart:
    kind = kind_of(raw, request.headers.get("content-type", ""), filename)
    return store_chart(scope, raw, kind, filename, patient, int(request.app.state.settings.max_archive_mb * 1_000_000))


def store_chart(
    scope: Scope, raw: bytes, kind: str, filename: str | None, patient: str | None, max_archive: int
) -> Chart:
    """Keep a chart as received and file it under its patient (created on first sight)."""
    found = patient_of(raw, kind, max_archive, patient)
    row = scope.session.scalars(scope.select(Patient).where(Patient.fhir_id == found["fhir_id"])).first()
    if row is None:
        row = scope.add(Patient(**found))
        scope.audit("create", "patient", row.id, row.id)
    else:
        row.name, row.birth_date = found["name"], found["birth_date"]
    chart = scope.add(
        Chart(
            patient_id=row.id,
            kind=kind,
            filename=filename,
            size=len(raw),
            sha256=hashlib.sha256(raw).hexdigest(),
            content=raw,
            uploaded_by=scope.actor.id,
        )
    )
    scope.audit("create", "chart", chart.id, row.id, f"kind={kind} bytes={len(raw)}")
    return chart


@router.get("/charts", response_model=list[s.ChartOut])
def charts(patient_id: str | None = Query(default=None, max_length=32), scope: Scope = ANY) -> list[Chart]:
    stmt = scope.select(Chart).order_by(Chart.uploaded_at)
    if patient_id is not None:
        stmt = stmt.where(Chart.patient_id == patient_id)
    rows = list(scope.all(stmt))
    for r in rows:
        scope.audit("view", "chart", r.id, r.patient_id, "list")
    return rows


@router.get("/charts/{chart_id}", response_model=s.ChartOut)
def chart(chart_id: str, scope: Scope = ANY) -> Chart:
    row = scope.get(Chart, chart_id, "chart")
    scope.audit("view", "chart", row.id, row.patient_id)
    return row


MEDIA = {"bundle": "application/fhir+json", "ndjson": "application/x-ndjson", "archive": "application/zip"}


@router.get("/charts/{chart_id}/content", responses={200: {"content": {m: {} for m in MEDIA.values()}}})
def chart_content(chart_id: str, scope: Scope = ANY) -> Response:
    """The chart exactly as it was uploaded."""
    row = scope.get(Chart, chart_id, "chart")
    scope.audit("download", "chart", row.id, row.patient_id)
    return Response(row.content, media_type=MEDIA[row.kind], headers={"X-Content-SHA256": row.sha256})


@router.get("/patients", response_model=list[s.PatientOut])
def patients(scope: Scope = ANY) -> list[Patient]:
    rows = list(scope.all(scope.select(Patient).order_by(Patient.created_at)))
    for r in rows:
        scope.audit("view", "patient", r.id, r.id, "list")
    return rows


@router.get("/patients/{patient_id}", response_model=s.PatientOut)
def patient(patient_id: str, scope: Scope = ANY) -> Patient:
    row = scope.patient(patient_id)
    scope.audit("view", "patient", row.id, row.id)
    return row
