"""Appeals of a denial: recorded through the case service (the case must be denied; the reason defaults
to the recorded denial's), each with its decision clock from the payer pack's ``appeal_clocks``."""

from __future__ import annotations

from fastapi import APIRouter, Request

from priorauth.service.cases import Cases
from priorauth.store.models import Appeal, Case
from priorauth.store.scope import Scope
from priorauth.web import schemas as s
from priorauth.web.auth import ANY, STAFF
from priorauth.web.routers.cases import service
from priorauth.web.ui import workflow

router = APIRouter(tags=["case records"])


def out(svc: Cases, row: Appeal) -> s.AppealOut:
    last = svc.latest(row.case_id)
    clk = workflow.appeal_clock(row.sent_at, last.document if last else None)
    return s.AppealOut(
        **{k: getattr(row, k) for k in s.AppealOut.model_fields if hasattr(row, k)},
        standard_due=clk.standard_due,
        expedited_due=clk.expedited_due,
    )


@router.post("/cases/{case_id}/appeals", status_code=201, response_model=s.AppealOut)
def record_appeal(case_id: str, body: s.AppealIn, request: Request, scope: Scope = STAFF) -> s.AppealOut:
    """Record the appeal of a denied case as sent (409 unless the case is denied, or when ``version`` is
    stale); the case becomes appealed and the appeal's clock runs from ``sent_at``."""
    svc = service(request, scope)
    row = svc.record_appeal(
        case_id, body.version, body.argument, body.method, body.reason, body.reference, body.what, body.sent_at
    )
    scope.session.flush()
    return out(svc, row)


@router.get("/cases/{case_id}/appeals", response_model=list[s.AppealOut])
def appeals(case_id: str, request: Request, scope: Scope = ANY) -> list[s.AppealOut]:
    case = scope.get(Case, case_id, "case")
    svc = service(request, scope)
    rows = svc.appeals(case.id)
    scope.audit("view", "appeal", None, case.patient_id, f"case={case.id} list={len(rows)}")
    return [out(svc, r) for r in rows]
