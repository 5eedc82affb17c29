"""Paper on a case, over the case service: scanned reports added as evidence (issue 17:
``/cases/{id}/documents``) and the payer's letters read into a proposal that a coordinator confirms into
the case's decision (issue 18: ``/cases/{id}/payer-letters``). The body of an upload is the file itself
(PDF, TIFF, PNG or JPEG); its type is read from its bytes."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request, Response

from priorauth.service import case_documents
from priorauth.service.payer_letters import PayerLetters
from priorauth.store.models import CaseDocument, PayerLetter
from priorauth.store.scope import Scope
from priorauth.web import schemas as s
from priorauth.web.auth import ANY, STAFF
from priorauth.web.routers.cases import service
from priorauth.web.routers.charts import read_body

router = APIRouter(tags=["case paper"])
FILE_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            t: {"schema": {"type": "string", "format": "binary"}}
            for t in ("application/pdf", "image/tiff", "image/png", "image/jpeg", "application/octet-stream")
        },
    }
}


def letters(request: Request, scope: Scope) -> PayerLetters:
    return PayerLetters(service(request, scope))


# -- scanned documents (issue 17) -------------------------------------------------------------------
@router.post(
    "/cases/{case_id}/documents",
    status_code=201,
    response_model=s.CaseDocumentAdded,
    openapi_extra=FILE_BODY,
    responses={503: {"description": "evaluation_timeout"}},
)
def add_document(
    case_id: str,
    request: Request,
    scope: Scope = STAFF,
    raw: bytes = Depends(read_body),  # empty: refused by the service, once the case is found
    filename: str | None = Query(default=None, max_length=255),
) -> s.CaseDocumentAdded:
    """Add a scanned report or fax (PDF, TIFF, PNG, JPEG) to the case, kept byte for byte; the case is
    evaluated again with it (OCR'd like any scanned attachment) before anything is written."""
    row, det = service(request, scope).add_document(case_id, raw, filename)
    return s.CaseDocumentAdded(
        document=s.CaseDocumentOut.model_validate(row), determination=s.DeterminationOut.model_validate(det)
    )


@router.get("/cases/{case_id}/documents", response_model=list[s.CaseDocumentOut])
def documents(case_id: str, request: Request, scope: Scope = ANY) -> list[CaseDocument]:
    case = service(request, scope).get(case_id)
    rows = case_documents.of_case(scope, case.id)
    scope.audit("view", "document", None, case.patient_id, f"case={case.id} list={len(rows)}")
    return rows


# -- payer letters (issue 18) -----------------------------------------------------------------------
@router.post(
    "/cases/{case_id}/payer-letters",
    status_code=201,
    response_model=s.PayerLetterOut,
    openapi_extra=FILE_BODY,
    responses={409: {"description": "the case is not waiting for the payer"}, 503: {"description": "timeout"}},
)
def add_payer_letter(
    case_id: str,
    request: Request,
    scope: Scope = STAFF,
    raw: bytes = Depends(read_body),  # empty: refused by the service, once the case is found
    filename: str | None = Query(default=None, max_length=255),
) -> PayerLetter:
    """Read the payer's letter (PDF with or without a text layer, TIFF, PNG, JPEG) on a case waiting for
    the payer: the proposal (outcome, number, period, quantity, denial reason, appeal deadline, what
    was requested, the patient matched against the case), each field with its span and confidence.
    Nothing is decided until the proposal is confirmed."""
    return letters(request, scope).add(case_id, raw, filename)


@router.get("/cases/{case_id}/payer-letters", response_model=list[s.PayerLetterOut])
def payer_letters(case_id: str, request: Request, scope: Scope = ANY) -> list[PayerLetter]:
    svc = letters(request, scope)
    rows = svc.of_case(case_id)
    case = svc.cases.get(case_id)
    scope.audit("view", "payer_letter", None, case.patient_id, f"case={case.id} list={len(rows)}")
    return rows


@router.get("/cases/{case_id}/payer-letters/{letter_id}", response_model=s.PayerLetterOut)
def payer_letter(case_id: str, letter_id: str, request: Request, scope: Scope = ANY) -> PayerLetter:
    svc = letters(request, scope)
    row = svc.get(case_id, letter_id)
    scope.audit("view", "payer_letter", row.id, svc.cases.get(case_id).patient_id, f"case={case_id}")
    return row


@router.get("/cases/{case_id}/payer-letters/{letter_id}/content", response_class=Response)
def payer_letter_content(case_id: str, letter_id: str, request: Request, scope: Scope = ANY) -> Response:
    """The letter as received, byte for byte."""
    svc = letters(request, scope)
    row = svc.get(case_id, letter_id)
    scope.audit("download", "payer_letter", row.id, svc.cases.get(case_id).patient_id, f"case={case_id}")
    return Response(row.content, media_type=row.content_type, headers={"Cache-Control": "private, no-store"})


@router.post(
    "/cases/{case_id}/payer-letters/{letter_id}/confirm",
    status_code=201,
    response_model=s.PayerLetterConfirmed,
    responses={409: {"description": "already confirmed, another patient, or the case is not waiting"}},
)
def confirm_payer_letter(
    case_id: str, letter_id: str, body: s.PayerLetterConfirm, request: Request, scope: Scope = STAFF
) -> s.PayerLetterConfirmed:
    """Confirm the proposal, with the coordinator's corrections: it becomes the case's decision (the
    same rules as ``POST /cases/{id}/decisions``), the letter its evidence. A denial's appeal deadline
    starts the appeal clock."""
    svc = letters(request, scope)
    decision = svc.confirm(case_id, letter_id, body.model_dump(exclude_unset=True))
    row = svc.get(case_id, letter_id)
    return s.PayerLetterConfirmed(
        letter=s.PayerLetterOut.model_validate(row), decision=s.DecisionOut.model_validate(decision)
    )
