"""Cases and their determinations. A determination is re-evaluated (a new snapshot) when the case is
created, when its chart, payer or date changes, when an attestation or decision is added, and on request."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Query, Request
from sqlalchemy import update
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.exc import StaleDataError

from priorauth.errors import Code, fail
from priorauth.store.models import Attestation, Case, Chart, Determination, new_id, now
from priorauth.store.scope import Scope
from priorauth.web import case_documents
from priorauth.web import schemas as s
from priorauth.web.auth import ANY, STAFF
from priorauth.web.evaluation import evaluate

router = APIRouter(tags=["cases"])


def evaluation_inputs(scope: Scope, case: Case) -> tuple[Chart, dict[str, Any]]:
    """The case's chart and the arguments of its evaluation: its date, payer, patient, drug, its
    attestations and the patient's recorded approvals (the determination and the packet use the same)."""
    if case.chart_id is None:
        raise fail(Code.CONFLICT, "the case has no chart to evaluate")
    chart = scope.get(Chart, case.chart_id, "chart")
    patient = scope.patient(case.patient_id)
    attestations = scope.all(scope.select(Attestation).where(Attestation.case_id == case.id))
    return chart, {
        "as_of": case.as_of,
        "payer": case.payer,
        "patient": patient.fhir_id,
        "drug": case.drug,
        "attestations": [
            {"id": a.id, "kind": a.kind, "text": a.text, "date": a.date, "by": a.by_name} for a in attestations
        ],
        "approvals": scope.approvals(case.patient_id, case.drug, exclude_case=case.id),
        "documents": case_documents.resources(scope, case, patient.fhir_id),  # scanned reports (issue 17)
    }


def reevaluate(
    request: Request, scope: Scope, case: Case, trigger: str, as_of: date | None = None, new: bool = False
) -> Determination:
    """Evaluate the case's chart with its attestations and the patient's recorded approvals; store the
    snapshot in the caller's transaction. A ``new`` case is added only after its evaluation, so no write
    (and, on SQLite, no write lock) is held while the chart is read."""
    chart, inputs = evaluation_inputs(scope, case)
    if as_of is not None:
        inputs["as_of"] = as_of
    doc = evaluate(chart.content, chart.kind, int(request.app.state.settings.max_archive_mb * 1_000_000), **inputs)
    if new:
        case.request_type = doc["request_type"]
        scope.add(case)
        scope.audit("create", "case", case.id, case.patient_id)
    row = scope.add(
        Determination(
            case_id=case.id,
            chart_id=chart.id,
            pack_id=doc["policy"]["id"],
            pack_version=str(doc["policy"]["version"]),
            overall=doc["overall"],
            request_type=doc["request_type"],
            as_of=doc["as_of"],
            trigger=trigger,
            document=doc,
        )
    )
    # A new snapshot is not an edit of the case: record its request type without bumping the version,
    # so evaluations never conflict with editors (or with each other).
    if not new:
        scope.session.execute(update(Case).where(Case.id == case.id).values(request_type=doc["request_type"]))
        set_committed_value(case, "request_type", doc["request_type"])
    scope.audit("evaluate", "determination", row.id, case.patient_id, f"case={case.id} trigger={trigger}")
    scope.session.flush()  # the case's new version is what the response reports
    return row


def latest(scope: Scope, case_id: str) -> Determination | None:
    stmt = scope.select(Determination).where(Determination.case_id == case_id)
    return scope.session.scalars(stmt.order_by(Determination.created_at.desc(), Determination.id.desc())).first()


def detail(scope: Scope, case: Case, determination: Determination | None = None) -> s.CaseDetail:
    scope.session.flush()
    d = determination or latest(scope, case.id)
    return s.CaseDetail(
        **s.CaseOut.model_validate(case).model_dump(),
        determination=s.DeterminationOut.model_validate(d) if d else None,
    )


@router.post("/cases", status_code=201, response_model=s.CaseDetail)
def create_case(body: s.CaseIn, request: Request, scope: Scope = STAFF) -> s.CaseDetail:
    chart = scope.get(Chart, body.chart_id, "chart")
    case = Case(
        id=new_id(),
        practice_id=scope.practice_id,
        patient_id=chart.patient_id,
        chart_id=chart.id,
        drug=body.drug,
        payer=body.payer or None,
        as_of=body.as_of.isoformat() if body.as_of else None,
        note=body.note,
        created_by=scope.actor.id,
    )
    return detail(scope, case, reevaluate(request, scope, case, "created", new=True))


@router.get("/cases", response_model=list[s.CaseOut])
def cases(
    patient_id: str | None = Query(default=None, max_length=32),
    status: str | None = Query(default=None, max_length=12),
    limit: int = Query(default=100, ge=1, le=1000),
    offset: int = Query(default=0, ge=0, le=10_000_000),
    scope: Scope = ANY,
) -> list[Case]:
    stmt = scope.select(Case)
    if patient_id is not None:
        stmt = stmt.where(Case.patient_id == patient_id)
    if status is not None:
        stmt = stmt.where(Case.status == status)
    rows = list(scope.all(stmt.order_by(Case.created_at.desc(), Case.id).limit(limit).offset(offset)))
    for r in rows:
        scope.audit("view", "case", r.id, r.patient_id, "list")
    return rows


@router.get("/cases/{case_id}", response_model=s.CaseDetail)
def case(case_id: str, scope: Scope = ANY) -> s.CaseDetail:
    row = scope.get(Case, case_id, "case")
    scope.audit("view", "case", row.id, row.patient_id)
    return detail(scope, row)


@router.patch("/cases/{case_id}", response_model=s.CaseDetail, responses={409: {"description": "stale version"}})
def update_case(case_id: str, body: s.CasePatch, request: Request, scope: Scope = STAFF) -> s.CaseDetail:
    """Change a case. ``version`` must be the version you read: if someone changed the case since, the
    answer is 409 ``conflict`` and nothing is written (reload, reapply)."""
    row = scope.get(Case, case_id, "case")
    if body.version != row.version:
        raise conflict(row)
    changes = body.model_dump(exclude_unset=True, exclude={"version"})
    if "chart_id" in changes and changes["chart_id"] is not None:
        chart = scope.get(Chart, changes["chart_id"], "chart")
        if chart.patient_id != row.patient_id:
            raise fail(Code.CONFLICT, "that chart is of another patient than the case's")
        row.chart_id = chart.id
    if "payer" in changes:
        row.payer = changes["payer"] or None
    if "as_of" in changes:
        row.as_of = changes["as_of"].isoformat() if changes["as_of"] else None
    for key in ("status", "note"):
        if changes.get(key) is not None:
            setattr(row, key, changes[key])
    row.updated_at = now()
    try:
        scope.session.flush()  # UPDATE ... WHERE version = :read: a concurrent writer makes it match nothing
    except StaleDataError:
        scope.session.rollback()  # another writer committed first: report the version it left
        raise conflict(scope.get(Case, case_id, "case")) from None
    scope.audit("update", "case", row.id, row.patient_id, ",".join(sorted(changes)))
    determination = None
    if {"chart_id", "payer", "as_of"} & changes.keys():
        determination = reevaluate(request, scope, row, "case_changed")
    return detail(scope, row, determination)


def save(scope: Scope, case: Case) -> None:
    """Flush a change of ``case`` made by another endpoint (a submission, a decision): a concurrent
    change of the case is a 409, like an edit."""
    case_id = case.id
    try:
        scope.session.flush()
    except StaleDataError:
        scope.session.rollback()
        raise conflict(scope.get(Case, case_id, "case")) from None


def conflict(row: Case) -> Exception:
    return fail(
        Code.CONFLICT,
        f"case {row.id} was changed by someone else since you read it (now version {row.version}); "
        "reload it and apply your change again",
    )


@router.get("/cases/{case_id}/determination", response_model=s.DeterminationOut)
def determination(case_id: str, scope: Scope = ANY) -> Determination:
    """The latest determination snapshot of the case."""
    row = scope.get(Case, case_id, "case")
    d = latest(scope, row.id)
    if d is None:
        raise fail(Code.NOT_FOUND, f"case {case_id} has no determination")
    scope.audit("view", "determination", d.id, row.patient_id)
    return d


@router.post("/cases/{case_id}/determinations", status_code=201, response_model=s.DeterminationOut)
def evaluate_now(case_id: str, body: s.Evaluate, request: Request, scope: Scope = ANY) -> Determination:
    """Evaluate again now (optionally on another date); the snapshot is kept."""
    row = scope.get(Case, case_id, "case")
    return reevaluate(request, scope, row, "requested", body.as_of)


@router.get("/cases/{case_id}/determinations", response_model=list[s.DeterminationOut])
def determinations(case_id: str, scope: Scope = ANY) -> list[Determination]:
    row = scope.get(Case, case_id, "case")
    rows = list(
        scope.all(scope.select(Determination).where(Determination.case_id == row.id).order_by(Determination.created_at))
    )
    scope.audit("view", "determination", None, row.patient_id, f"case={row.id} list={len(rows)}")
    return rows


@router.get("/determinations/{determination_id}", response_model=s.DeterminationOut)
def determination_by_id(determination_id: str, scope: Scope = ANY) -> Determination:
    d = scope.get(Determination, determination_id, "determination")
    case_row = scope.get(Case, d.case_id, "case")
    scope.audit("view", "determination", d.id, case_row.patient_id)
    return d
