"""What happens around a case: attestations (a prescriber answers what the chart cannot), submissions
(what was sent, when, how) and the payer's decisions."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request

from priorauth.errors import Code, fail
from priorauth.store.models import Attestation, Case, Decision, Determination, Submission, now
from priorauth.store.scope import Scope
from priorauth.web import schemas as s
from priorauth.web.auth import ANY, CLINICIAN, STAFF
from priorauth.web.routers.cases import latest, reevaluate, save

router = APIRouter(tags=["case records"])


@router.post("/cases/{case_id}/attestations", status_code=201, response_model=s.AttestationOut)
def attest(case_id: str, body: s.AttestationIn, request: Request, scope: Scope = CLINICIAN) -> Attestation:
    """Record an attestation; the case is evaluated again with it (cited as ``Attestation/<id>``)."""
    case = scope.get(Case, case_id, "case")
    row = scope.add(
        Attestation(
            case_id=case.id,
            kind=body.kind,
            text=body.text,
            date=(body.date or date.today()).isoformat(),
            by_user=scope.actor.id,
            by_name=scope.actor.name,
        )
    )
    scope.audit("create", "attestation", row.id, case.patient_id, f"case={case.id} kind={body.kind}")
    reevaluate(request, scope, case, "attestation")
    return row


@router.get("/cases/{case_id}/attestations", response_model=list[s.AttestationOut])
def attestations(case_id: str, scope: Scope = ANY) -> list[Attestation]:
    case = scope.get(Case, case_id, "case")
    rows = list(
        scope.all(scope.select(Attestation).where(Attestation.case_id == case.id).order_by(Attestation.created_at))
    )
    scope.audit("view", "attestation", None, case.patient_id, f"case={case.id} list={len(rows)}")
    return rows


@router.post("/cases/{case_id}/submissions", status_code=201, response_model=s.SubmissionOut)
def submit(case_id: str, body: s.SubmissionIn, scope: Scope = STAFF) -> Submission:
    case = scope.get(Case, case_id, "case")
    if body.determination_id is not None:
        d = scope.get(Determination, body.determination_id, "determination")
        if d.case_id != case.id:
            raise fail(Code.CONFLICT, "that determination belongs to another case")
        determination_id = d.id
    else:
        last = latest(scope, case.id)
        determination_id = last.id if last else None
    row = scope.add(
        Submission(
            case_id=case.id,
            determination_id=determination_id,
            method=body.method,
            reference=body.reference,
            what=body.what,
            sent_at=body.sent_at or now(),
            created_by=scope.actor.id,
        )
    )
    if case.status in ("open", "ready"):
        case.status = "submitted"
        case.updated_at = now()
        save(scope, case)
    scope.audit("create", "submission", row.id, case.patient_id, f"case={case.id} method={body.method}")
    return row


@router.get("/cases/{case_id}/submissions", response_model=list[s.SubmissionOut])
def submissions(case_id: str, scope: Scope = ANY) -> list[Submission]:
    case = scope.get(Case, case_id, "case")
    rows = list(
        scope.all(scope.select(Submission).where(Submission.case_id == case.id).order_by(Submission.created_at))
    )
    scope.audit("view", "submission", None, case.patient_id, f"case={case.id} list={len(rows)}")
    return rows


@router.post("/cases/{case_id}/decisions", status_code=201, response_model=s.DecisionOut)
def decide(case_id: str, body: s.DecisionIn, scope: Scope = STAFF) -> Decision:
    """Record the payer's decision. An approval needs the authorization number and period; it makes
    the patient's later cases for the drug renewals. A denial needs the reason."""
    case = scope.get(Case, case_id, "case")
    if body.outcome == "approved":
        if not (body.auth_number and body.period_start and body.period_end):
            raise fail(Code.INVALID_REQUEST, "an approval needs auth_number, period_start and period_end")
        if body.period_end < body.period_start:
            raise fail(Code.INVALID_REQUEST, "period_end is before period_start")
    if body.outcome == "denied" and not body.reason:
        raise fail(Code.INVALID_REQUEST, "a denial needs the reason")
    last = latest(scope, case.id)
    payer = (last.document.get("payer") or {}).get("name") if last else None
    row = scope.add(
        Decision(
            case_id=case.id,
            outcome=body.outcome,
            auth_number=body.auth_number,
            period_start=body.period_start.isoformat() if body.period_start else None,
            period_end=body.period_end.isoformat() if body.period_end else None,
            reason=body.reason,
            payer_name=payer,
            decided_on=(body.decided_on or date.today()).isoformat(),
            created_by=scope.actor.id,
        )
    )
    case.status = body.outcome
    case.updated_at = now()
    save(scope, case)
    scope.audit("create", "decision", row.id, case.patient_id, f"case={case.id} outcome={body.outcome}")
    return row


@router.get("/cases/{case_id}/decisions", response_model=list[s.DecisionOut])
def decisions(case_id: str, scope: Scope = ANY) -> list[Decision]:
    case = scope.get(Case, case_id, "case")
    rows = list(scope.all(scope.select(Decision).where(Decision.case_id == case.id).order_by(Decision.created_at)))
    scope.audit("view", "decision", None, case.patient_id, f"case={case.id} list={len(rows)}")
    return rows
