"""Documents added to a case (issue 17): a scanned report or fax, kept byte for byte in the database
with the case, and merged into the case's chart as a DocumentReference at every evaluation, so a chart
replaced or refreshed from the EHR keeps it. The reader OCRs it like any scanned attachment. Adding
one is a case action: :meth:`priorauth.service.cases.Cases.add_document` (scope, audit, evaluation)."""

from __future__ import annotations

import base64
from typing import Any
from zoneinfo import ZoneInfo

from priorauth.errors import Code, fail
from priorauth.service import clock
from priorauth.store.models import Case, CaseDocument, new_id, stored_file
from priorauth.store.scope import Scope

MAX_BYTES = 10 * 1024 * 1024  # what the text reader decodes (priorauth.text.sources.MAX_ATTACHMENT_BYTES)
MAGIC = (  # the media type is read from the bytes, never taken from the browser
    (b"%PDF", "application/pdf"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)
PREFIX = "case-doc-"


def media_type(raw: bytes) -> str:
    for magic, ctype in MAGIC:
        if raw.startswith(magic):
            return ctype
    raise fail(Code.UNSUPPORTED_MEDIA, "a scanned document is a PDF, TIFF, PNG or JPEG file")


def new(scope: Scope, case: Case, raw: bytes, filename: str | None) -> CaseDocument:
    """A checked, not yet stored, document of ``case`` (its media type read from the bytes)."""
    if not raw:
        raise fail(Code.EMPTY_INPUT, "the file is empty: choose a scanned report (PDF, TIFF, PNG or JPEG)")
    if len(raw) > MAX_BYTES:
        raise fail(Code.TOO_LARGE, f"the document is larger than {MAX_BYTES // (1024 * 1024)} MB")
    return CaseDocument(
        id=new_id(),
        practice_id=scope.practice_id,
        case_id=case.id,
        content_type=media_type(raw),
        **stored_file(raw, filename, scope.actor.id, clock.now()),
    )


def of_case(scope: Scope, case_id: str) -> list[CaseDocument]:
    stmt = scope.select(CaseDocument).where(CaseDocument.case_id == case_id)
    return list(scope.all(stmt.order_by(CaseDocument.uploaded_at, CaseDocument.id)))


def resources(scope: Scope, case: Case, patient_fhir_id: str | None, zone: ZoneInfo) -> list[dict[str, Any]]:
    """The case's documents as DocumentReferences of the chart's patient."""
    return [resource(d, patient_fhir_id, zone) for d in of_case(scope, case.id)]


def resource(d: CaseDocument, patient_fhir_id: str | None, zone: ZoneInfo) -> dict[str, Any]:
    """``zone``: the practice's; a document is dated the practice's day it was added, the day its case is
    evaluated as of (a UTC day would put an evening's document after the evaluation, and so ignore it)."""
    subject = {"subject": {"reference": f"Patient/{patient_fhir_id}"}} if patient_fhir_id else {}
    return {
        "resourceType": "DocumentReference",
        "id": PREFIX + d.id,
        "status": "current",
        **subject,
        "date": clock.day(d.uploaded_at, zone).isoformat(),
        "type": {"text": f"Scanned document ({d.filename or 'added to the case'})"},
        "description": d.filename or "Scanned document",
        "content": [{"attachment": {"contentType": d.content_type, "data": base64.b64encode(d.content).decode()}}],
    }
