"""The payer's letter on the case page (issue 18): upload it on a case waiting for the payer; the
proposal is shown field by field, each beside its span highlighted in the letter's text, for the
coordinator to correct and confirm; confirming records the decision through the case service
(:class:`priorauth.service.payer_letters.PayerLetters`, the API's rules). Plain ``def`` endpoints: the
reading (OCR) runs off the event loop, in the worker pool."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Form, UploadFile
from fastapi.responses import Response

from priorauth.letters.source import MAX_BYTES
from priorauth.service.payer_letters import PayerLetters, proposed_values
from priorauth.store.models import Case, PayerLetter
from priorauth.web.ui.pages import STAFF
from priorauth.web.ui.session import PAGE, Page

router = APIRouter(include_in_schema=False)
FIELDS = (  # (name, label, input type)
    ("outcome", "Outcome", "outcome"),
    ("authorization_number", "Authorization or reference number", "text"),
    ("period_start", "Approved from", "date"),
    ("period_end", "Approved through", "date"),
    ("quantity", "Quantity", "text"),
    ("letter_date", "Letter date (the decision's date)", "date"),
    ("denial_reason", "Denial reason (the payer's words)", "textarea"),
    ("appeal_deadline", "Appeal deadline", "date"),
)
CONTEXT = 90  # characters of the letter shown on each side of a span


def _letters(page: Page) -> PayerLetters:
    from priorauth.web.ui.scans import _cases

    return PayerLetters(_cases(page))


def context(page: Page, case: Case) -> dict[str, Any]:
    """What the case page shows of the case's payer letters, and the appeal clock."""
    svc = _letters(page)
    rows = svc.of_case(case.id)
    deadline = svc.appeal_deadline(case.id)
    return {
        "payer_letters": [_view(r) for r in rows],
        "appeal_deadline": deadline,
        "appeal_days_left": (deadline - page.today).days if deadline else None,
    }


def _view(row: PayerLetter) -> dict[str, Any]:
    p = row.proposal
    values = proposed_values(p) if row.status == "proposed" else dict(row.confirmed or {})
    spans = {f["name"]: f for f in p.get("fields") or []}
    fields = []
    for name, label, kind in FIELDS:
        f = spans.get(name)
        fields.append(
            {"name": name, "label": label, "kind": kind, "value": values.get(name) or "", "span": _span(row.text, f)}
        )
    requested = [{**r, "span": _span(row.text, r)} for r in p.get("requested") or []]
    return {
        "row": row,
        "fields": fields,
        "requested": requested,
        "warnings": p.get("warnings") or [],
        "mismatch": (p.get("patient") or {}).get("mismatch") or [],
        "patient": p.get("patient") or {},
    }


def _span(text: str, f: dict[str, Any] | None) -> dict[str, Any] | None:
    """The letter's words around a field's span, the span itself to be highlighted."""
    if not f or "#char=" not in str(f.get("source")):
        return None
    try:
        start, end = (int(x) for x in str(f["source"]).rsplit("#char=", 1)[1].split(","))
    except ValueError:
        return None
    before = text[max(0, start - CONTEXT) : start]
    after = text[end : end + CONTEXT]
    return {
        "before": ("…" if start > CONTEXT else "") + before.replace("\f", "\n"),
        "mark": text[start:end],
        "after": after.replace("\f", "\n") + ("…" if end + CONTEXT < len(text) else ""),
        "page": f.get("page"),
        "confidence": f.get("confidence"),
    }


@router.post("/cases/{case_id}/payer-letters")
def upload_letter(case_id: str, letter: UploadFile, page: Page = PAGE) -> Response:
    from priorauth.web.ui.case_page import _act

    raw = letter.file.read(MAX_BYTES + 1)

    def run(case: Case) -> None:
        page.require(*STAFF)
        _letters(page).add(case.id, raw, letter.filename)

    return _act(page, case_id, "letters", run, "letter")


@router.post("/cases/{case_id}/payer-letters/{letter_id}/confirm")
def confirm_letter(
    case_id: str,
    letter_id: str,
    outcome: str = Form(default="", max_length=10),
    authorization_number: str = Form(default="", max_length=80),
    period_start: str = Form(default="", max_length=10),
    period_end: str = Form(default="", max_length=10),
    quantity: str = Form(default="", max_length=200),
    letter_date: str = Form(default="", max_length=10),
    denial_reason: str = Form(default="", max_length=5000),
    appeal_deadline: str = Form(default="", max_length=10),
    page: Page = PAGE,
) -> Response:
    from priorauth.web.ui.case_page import _act

    def run(case: Case) -> None:
        page.require(*STAFF)
        corrections = {
            "outcome": outcome.strip() or None,
            "authorization_number": authorization_number.strip() or None,
            "period_start": period_start or None,
            "period_end": period_end or None,
            "quantity": quantity.strip() or None,
            "letter_date": letter_date or None,
            "denial_reason": denial_reason.strip() or None,
            "appeal_deadline": appeal_deadline or None,
        }
        _letters(page).confirm(case.id, letter_id, corrections)

    return _act(page, case_id, "letters", run, "letter_confirmed")


@router.get("/cases/{case_id}/payer-letters/{letter_id}/file")
def letter_file(case_id: str, letter_id: str, page: Page = PAGE) -> Response:
    """The letter as received (the decision's evidence)."""
    svc = _letters(page)
    row = svc.get(case_id, letter_id)
    case = svc.cases.get(case_id)
    page.scope.audit("download", "payer_letter", row.id, case.patient_id, f"case={case.id}")
    return Response(
        row.content,
        media_type=row.content_type,
        headers={
            "Cache-Control": "private, no-store",
            "Content-Disposition": f'inline; filename="payer-letter-{row.id}"',
        },
    )
