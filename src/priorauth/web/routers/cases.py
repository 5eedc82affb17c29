"""Cases and their determinations, over :class:`priorauth.service.cases.Cases` (the workflow, scope and
audit live there). A determination is re-evaluated (a new snapshot) when the case is created, when its
chart, payer or date changes, when an attestation is added, and on request."""

from __future__ import annotations

from typing import Any

import orjson
from fastapi import APIRouter, Query, Request, Response

from priorauth.errors import Code, fail
from priorauth.service.cases import Cases, StoredDetermination
from priorauth.store.models import Case, Determination
from priorauth.store.scope import Scope
from priorauth.web import schemas as s
from priorauth.web.auth import ANY, STAFF
from priorauth.web.settings import limits

router = APIRouter(tags=["cases"])


def service(request: Request, scope: Scope) -> Cases:
    return Cases(scope, limits(request.app.state.settings))


def detail(svc: Cases, case: Case, determination: Determination | None = None) -> s.CaseDetail:
    svc.scope.session.flush()
    d = determination or svc.latest(case.id)
    return s.CaseDetail(
        **s.CaseOut.model_validate(case).model_dump(),
        determination=s.DeterminationOut.model_validate(d) if d else None,
    )


def determination_json(columns: Any, document_json: str | bytes) -> bytes:
    """A determination's JSON: its columns as the response model writes them, then the document as
    stored (or as just computed), spliced in without a decode and encode of the document."""
    head = s.DeterminationColumns.model_validate(columns).model_dump_json().encode()
    doc = document_json.encode() if isinstance(document_json, str) else document_json
    return head[:-1] + b',"document":' + doc + b"}"


def case_json(case: Case, stored: StoredDetermination | None) -> bytes:
    """``CaseDetail``: the case's columns and its latest determination as stored."""
    head = s.CaseOut.model_validate(case).model_dump_json().encode()
    det = determination_json(stored.columns, stored.document_json) if stored else b"null"
    return head[:-1] + b',"determination":' + det + b"}"


def json_response(body: bytes, status_code: int = 200) -> Response:
    return Response(body, status_code, media_type="application/json")


@router.post(
    "/cases", status_code=201, response_model=s.CaseDetail, responses={503: {"description": "evaluation_timeout"}}
)
def create_case(body: s.CaseIn, request: Request, scope: Scope = STAFF) -> s.CaseDetail:
    svc = service(request, scope)
    case, det = svc.open(body.chart_id, body.drug, body.payer, body.as_of, body.note)
    return detail(svc, case, det)


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
def case(case_id: str, request: Request, scope: Scope = ANY) -> Response:
    row, stored = service(request, scope).read(case_id)
    scope.audit("view", "case", row.id, row.patient_id)
    return json_response(case_json(row, stored))


@router.patch("/cases/{case_id}", response_model=s.CaseDetail, responses={409: {"description": "stale version"}})
def update_case(case_id: str, body: s.CasePatch, request: Request, scope: Scope = STAFF) -> s.CaseDetail:
    """Change a case. ``version`` must be the version you read: if someone changed the case since, the
    answer is 409 ``conflict`` and nothing is written (reload, reapply). A status move the workflow does
    not allow is a 409 ``conflict`` saying why."""
    svc = service(request, scope)
    changes = body.model_dump(exclude_unset=True, exclude={"version"})
    row, det = svc.update(case_id, body.version, changes)
    return detail(svc, row, det)


@router.get("/cases/{case_id}/determination", response_model=s.DeterminationOut)
def determination(case_id: str, request: Request, scope: Scope = ANY) -> Response:
    """The latest determination snapshot of the case."""
    row, stored = service(request, scope).read(case_id, with_case=False)
    if stored is None:
        raise fail(Code.NOT_FOUND, f"case {case_id} has no determination")
    scope.audit("view", "determination", stored.columns["id"], row.patient_id)
    return json_response(determination_json(stored.columns, stored.document_json))


@router.post(
    "/cases/{case_id}/determinations",
    status_code=201,
    response_model=s.DeterminationOut,
    responses={503: {"description": "evaluation_timeout"}},
)
def evaluate_now(case_id: str, body: s.Evaluate, request: Request, scope: Scope = ANY) -> Response:
    """Evaluate again now (optionally on another date); the snapshot is kept."""
    d = service(request, scope).evaluate(case_id, body.as_of, "requested")
    scope.session.flush()  # its defaults (created_at) are set
    return json_response(determination_json(d, orjson.dumps(d.document, option=orjson.OPT_NON_STR_KEYS)), 201)


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
