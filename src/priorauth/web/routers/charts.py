"""Patients and charts. A chart is uploaded as the raw request body (a FHIR Bundle, NDJSON, or a zip of
a Bulk Data folder), kept as received, and files its patient (created on first sight)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request, Response

from priorauth.errors import Code, fail
from priorauth.service.charts import kind_of
from priorauth.store.models import Chart, Patient, PatientReview
from priorauth.store.scope import Scope
from priorauth.web import schemas as s
from priorauth.web.auth import ADMIN, ANY, STAFF
from priorauth.web.routers.cases import service

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


async def read_body(request: Request) -> bytes:
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
    return b"".join(chunks)


async def upload(request: Request) -> bytes:
    """A chart as the request body: within the limit, and not empty."""
    raw = await read_body(request)
    if not raw.strip():
        raise fail(Code.EMPTY_INPUT, "the upload is empty: send the chart as the request body")
    return raw


@router.post("/charts", status_code=201, response_model=s.ChartOut, openapi_extra=UPLOAD_BODY)
def upload_chart(
    request: Request,
    response: Response,
    raw: bytes = Depends(upload),
    filename: str | None = Query(default=None, max_length=255),
    patient: str | None = Query(default=None, max_length=200, description="the Patient id when the chart has several"),
    scope: Scope = STAFF,
) -> Chart:
    """Keep the chart and file it under its patient: a chart whose Patient disagrees with the stored
    patient sharing its identifier is a new patient (or 409 ``patient_mismatch`` when the practice's
    ``patient_mismatch`` setting is ``refuse``); ``X-Patient-Created: true`` says a patient was created."""
    kind = kind_of(raw, request.headers.get("content-type", ""), filename)
    chart, created = service(request, scope).store_chart(raw, kind, filename, patient)
    response.headers["X-Patient-Created"] = "true" if created else "false"
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


@router.get("/patients/reviews", response_model=list[s.PatientReviewOut])
def patient_reviews(scope: Scope = ADMIN) -> list[PatientReview]:
    """Patients found holding charts of different people (merged before identities were checked, by
    the 0002 migration): an admin splits them by hand; nothing is changed automatically."""
    rows = list(scope.all(scope.select(PatientReview).order_by(PatientReview.created_at)))
    for r in rows:
        scope.audit("view", "patient_review", r.id, r.patient_id)
    return rows


@router.get("/patients/{patient_id}", response_model=s.PatientOut)
def patient(patient_id: str, scope: Scope = ANY) -> Patient:
    row = scope.patient(patient_id)
    scope.audit("view", "patient", row.id, row.id)
    return row
