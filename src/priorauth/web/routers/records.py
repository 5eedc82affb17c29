"""What happens around a case: attestations (a prescriber answers what the chart cannot), submissions
(what was sent, when, how) and the payer's decisions."""

from __future__ import annotations

from fastapi import APIRouter, Request

from priorauth.store.models import Attestation, Case, Decision, Submission
from priorauth.store.scope import Scope
from priorauth.web import schemas as s
from priorauth.web.auth import ANY, CLINICIAN, STAFF
from priorauth.web.routers.cases import service

router = APIRouter(tags=["case records"])


@router.post("/cases/{case_id}/attestations", status_code=201, response_model=s.AttestationOut)
def attest(case_id: str, body: s.AttestationIn, request: Request, scope: Scope = CLINICIAN) -> Attestation:
    """Record an attestation (a prescriber's login, not an API token); the case is evaluated again with
    it (cited as ``Attestation/<id>``)."""
    return service(request, scope).attest(case_id, body.kind, body.text, body.date)[0]


@router.get("/cases/{case_id}/attestations", response_model=list[s.AttestationOut])
def attestations(case_id: str, scope: Scope = ANY) -> list[Attestation]:
    case = scope.get(Case, case_id, "case")
    rows = list(
        scope.all(scope.select(Attestation).where(Attestation.case_id == case.id).order_by(Attestation.created_at))
    )
    scope.audit("view", "attestation", None, case.patient_id, f"case={case.id} list={len(rows)}")
    return rows


@router.post("/cases/{case_id}/submissions", status_code=201, response_model=s.SubmissionOut)
def submit(case_id: str, body: s.SubmissionIn, request: Request, scope: Scope = STAFF) -> Submission:
    """Record what was sent to the payer; the case must be marked ready (409 otherwise) and becomes
    submitted."""
    svc = service(request, scope)
    return svc.submit(case_id, body.method, body.reference, body.what, body.sent_at, body.determination_id)


@router.get("/cases/{case_id}/submissions", response_model=list[s.SubmissionOut])
def submissions(case_id: str, scope: Scope = ANY) -> list[Submission]:
    case = scope.get(Case, case_id, "case")
    rows = list(
        scope.all(scope.select(Submission).where(Submission.case_id == case.id).order_by(Submission.created_at))
    )
    scope.audit("view", "submission", None, case.patient_id, f"case={case.id} list={len(rows)}")
    return rows


@router.post("/cases/{case_id}/decisions", status_code=201, response_model=s.DecisionOut)
def decide(case_id: str, body: s.DecisionIn, request: Request, scope: Scope = STAFF) -> Decision:
    """Record the payer's decision on a submitted case (409 otherwise). An approval needs the
    authorization number and period; it makes the patient's later cases for the drug renewals. A denial
    needs the reason."""
    return service(request, scope).decide(
        case_id, body.outcome, body.auth_number, body.period_start, body.period_end, body.reason, body.decided_on
    )


@router.get("/cases/{case_id}/decisions", response_model=list[s.DecisionOut])
def decisions(case_id: str, scope: Scope = ANY) -> list[Decision]:
    case = scope.get(Case, case_id, "case")
    rows = list(scope.all(scope.select(Decision).where(Decision.case_id == case.id).order_by(Decision.created_at)))
    scope.audit("view", "decision", None, case.patient_id, f"case={case.id} list={len(rows)}")
    return rows
