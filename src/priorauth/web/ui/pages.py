"""Workspace pages: login, the worklist, the dashboard, uploading a chart, the patient panel."""

from __future__ import annotations

import hmac
import secrets
from datetime import date
from typing import Any

from fastapi import APIRouter, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import delete, func
from sqlalchemy.orm import Session

from priorauth.errors import Code, PriorauthError, fail
from priorauth.policy import registry
from priorauth.service.cases import Cases
from priorauth.service.charts import chart_of, kind_of
from priorauth.store.models import Case, Chart, Determination, WebSession
from priorauth.web import schemas as s
from priorauth.web.auth import CSRF_COOKIE, DB, SESSION_COOKIE, same_origin
from priorauth.web.errors import STATUS
from priorauth.web.routers import accounts
from priorauth.web.security import token_hash
from priorauth.web.settings import limits
from priorauth.web.ui import labs, summary, workflow
from priorauth.web.ui.session import PAGE, Page, templates

router = APIRouter(include_in_schema=False)
STAFF = ("coordinator", "admin")


def _safe_next(value: str | None) -> str:
    # A path of this site only: not "//host" nor "/\\host" (browsers read both as another host).
    return value if value and value.startswith("/") and value[1:2] not in ("/", "\\") else "/worklist"


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> Response:
    return RedirectResponse("/worklist" if request.cookies.get(SESSION_COOKIE) else "/login", status_code=303)


LOGIN_COOKIE = "priorauth_login"


def _login_page(request: Request, target: str, error: str = "", email: str = "", status_code: int = 200) -> Response:
    """The login form with a fresh pre-session token (cookie + hidden field): a page on another site
    cannot log this browser into the attacker's account (login CSRF)."""
    token = secrets.token_urlsafe(32)
    ctx = {"next": target, "error": error, "email": email, "login_csrf": token}
    logins = getattr(request.app.state, "demo_logins", None)  # set by ``serve --demo`` only
    if logins:
        from priorauth.web.ui.demo import PASSWORD

        ctx |= {"demo_logins": logins, "demo_password": PASSWORD}
    response = templates.TemplateResponse(request, "login.html", ctx, status_code=status_code)
    secure = request.app.state.settings.secure_cookies
    response.set_cookie(LOGIN_COOKIE, token, max_age=3600, httponly=True, secure=secure, samesite="strict")
    return response


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = "/worklist") -> Response:
    return _login_page(request, _safe_next(next))


@router.post("/login", response_class=HTMLResponse)
def login(
    request: Request,
    email: str = Form(default="", max_length=254),
    password: str = Form(default="", max_length=1000),
    next: str = Form(default="/worklist", max_length=500),
    csrf_token: str = Form(default="", max_length=200),
    session: Session = DB,
) -> Response:
    target = _safe_next(next)
    response = RedirectResponse(target, status_code=303)
    expected = request.cookies.get(LOGIN_COOKIE, "")
    if not same_origin(request) or not (expected and csrf_token and hmac.compare_digest(expected, csrf_token)):
        return _login_page(
            request, target, "This login form has expired or came from another site: log in here.", email, 403
        )
    try:
        if not email.strip() or not password:
            raise fail(Code.INVALID_REQUEST, "enter your email and your password")
        accounts.login(s.Login(email=email.strip(), password=password), request, response, session)
    except PriorauthError as exc:
        session.rollback()
        status = 429 if exc.code == Code.RATE_LIMITED else 401 if exc.code == Code.UNAUTHENTICATED else 422
        return _login_page(request, target, exc.message[:1].upper() + exc.message[1:] + ".", email, status)
    return response


@router.post("/logout")
def logout(page: Page = PAGE) -> Response:
    cookie = page.request.cookies.get(SESSION_COOKIE, "")
    page.scope.session.execute(delete(WebSession).where(WebSession.token_hash == token_hash(cookie)))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    response.delete_cookie(CSRF_COOKIE)
    return response


def _drugs() -> list[str]:
    """The drugs with packs, the default (sotorasib: LUMAKRAS) first."""
    return sorted(registry.drugs(), key=lambda d: (d != registry.DEFAULT_DRUG, d))


def pack_choices(drug: str | None = None) -> list[tuple[str, str]]:
    out = []
    for d in (drug,) if drug else registry.drugs():
        for pid in registry.pack_ids(d):
            out.append((pid, registry.load(pid, d).name))
    return sorted(set(out))


PAGE_SIZE = 50  # worklist rows per page
LISTED = 1000  # cases the worklist sorts and pages (the newest of the filter)


@router.get("/worklist", response_class=HTMLResponse)
def worklist(
    status: str = "active",
    payer: str = "",
    q: str = "",
    sort: str = "due",
    p: int = Query(default=1, ge=1, le=100_000),
    page: Page = PAGE,
) -> Response:
    scope = page.scope
    stmt = scope.select(Case)
    if status == "active":
        stmt = stmt.where(Case.status != "closed")
    elif status in workflow.LABELS:
        stmt = stmt.where(Case.status == status)
    # The newest LISTED cases of the status filter are sorted and paged (older ones are not listed here).
    rows = summary.lines(page, scope.all(stmt.order_by(Case.created_at.desc()).limit(LISTED)))
    if payer:
        rows = [r for r in rows if r.pack == payer]
    words = q.strip().lower()
    if words:
        rows = [r for r in rows if words in f"{r.patient.name or ''} {r.patient.fhir_id} {r.payer}".lower()]
    rows.sort(key=summary.SORTS.get(sort, summary.SORTS["due"]))
    matched = len(rows)
    pages = max(1, -(-matched // PAGE_SIZE))
    p = min(p, pages)
    rows = rows[(p - 1) * PAGE_SIZE : p * PAGE_SIZE]
    for r in rows:
        scope.audit("view", "case", r.case.id, r.case.patient_id, "worklist")
    total = scope.session.scalar(scope.select(Case).with_only_columns(func.count()))
    context: dict[str, Any] = {
        "rows": rows,
        "total": total,
        "filters": {"status": status, "payer": payer, "q": q, "sort": sort},
        "paging": {"page": p, "pages": pages, "matched": matched, "first": (p - 1) * PAGE_SIZE + 1, "size": PAGE_SIZE},
        "packs": sorted(
            set(scope.session.scalars(scope.select(Determination).with_only_columns(Determination.pack_id).distinct()))
        ),
    }
    if page.request.headers.get("HX-Request") and page.request.headers.get("HX-Target") == "worklist-results":
        return page.render("_worklist_rows.html", **context)
    return page.render("worklist.html", **context)


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard(page: Page = PAGE) -> Response:
    scope = page.scope
    rows = summary.lines(page, scope.all(scope.select(Case).order_by(Case.created_at)))
    counts = {k: 0 for k in workflow.ORDER}
    for r in rows:
        counts[r.case.status] = counts.get(r.case.status, 0) + 1
    today = page.today
    month = (today.year, today.month)
    renewals = [r for r in rows if r.renewal and (r.renewal.year, r.renewal.month) <= month]
    overdue = [r for r in rows if r.case.status in workflow.WAITING and r.clock and r.clock.overdue(page.now())]
    lft_soon = [r for r in rows if r.next_lft and 0 <= r.next_lft["days"] <= 7]
    scope.audit("view", "dashboard", None, None, f"cases={len(rows)}")
    return page.render(
        "dashboard.html",
        counts=counts,
        total=len(rows),
        median_days=summary.days_to_decision(page, rows),
        renewals=sorted(renewals, key=lambda r: r.renewal),
        overdue=overdue,
        lft_soon=lft_soon,
    )


def _upload_form(page: Page, error: str = "", status_code: int = 200) -> Response:
    """The upload form: each drug's packs in its own group (the page shows only the chosen drug's)."""
    drugs = _drugs()
    by_drug = {d: pack_choices(d) for d in drugs}
    return page.render("upload.html", status_code=status_code, packs_by_drug=by_drug, error=error, drugs=drugs)


@router.get("/upload", response_class=HTMLResponse)
def upload_form(page: Page = PAGE) -> Response:
    return _upload_form(page)


def read_upload(file: UploadFile, limit: int) -> bytes:
    """The uploaded file (already received: the request body cap refused anything larger while it
    streamed in), read in the endpoint's worker thread."""
    file.file.seek(0)
    data = file.file.read(limit + 1)
    if len(data) > limit:
        raise fail(Code.TOO_LARGE, f"the chart is larger than {limit // 1_000_000} MB")
    if not data.strip():
        raise fail(Code.EMPTY_INPUT, "the file is empty: choose a FHIR chart (JSON, NDJSON or a zip of a folder)")
    return data


@router.post("/upload", response_class=HTMLResponse)
def upload(
    chart: UploadFile,
    drug: str = Form(default="sotorasib", max_length=40),
    payer: str = Form(default="", max_length=80),
    as_of: str = Form(default="", max_length=10),
    page: Page = PAGE,
) -> Response:
    page.require(*STAFF)
    settings = page.request.app.state.settings
    try:
        raw = read_upload(chart, int(settings.max_upload_mb * 1_000_000))
        kind = kind_of(raw, chart.content_type or "", chart.filename)
        body = s.CaseIn(
            chart_id="pending", drug=drug, payer=payer or None, as_of=date.fromisoformat(as_of) if as_of else None
        )  # type: ignore[arg-type]
        svc = Cases(page.scope, limits(settings))
        stored, _ = svc.store_chart(raw, kind, chart.filename)
        created, _ = svc.open(stored.id, body.drug, body.payer, body.as_of, body.note)
    except (PriorauthError, ValueError) as exc:
        page.scope.session.rollback()
        message = exc.message if isinstance(exc, PriorauthError) else "check the drug, payer and date fields"
        status = STATUS.get(exc.code, 422) if isinstance(exc, PriorauthError) else 422
        return _upload_form(page, message, status)
    return RedirectResponse(f"/cases/{created.id}?done=created", status_code=303)


@router.get("/patients/{patient_id}", response_class=HTMLResponse)
def patient_panel(patient_id: str, page: Page = PAGE) -> Response:
    scope = page.scope
    patient = scope.patient(patient_id)
    cases = summary.lines(
        page, scope.all(scope.select(Case).where(Case.patient_id == patient.id).order_by(Case.created_at))
    )
    chart = scope.session.scalars(
        scope.select(Chart).where(Chart.patient_id == patient.id).order_by(Chart.uploaded_at.desc(), Chart.id)
    ).first()
    points: list[labs.Point] = []
    if chart is not None:
        max_archive = int(page.request.app.state.settings.max_archive_mb * 1_000_000)
        points = labs.liver_points(chart_of(chart.content, chart.kind, max_archive, patient.fhir_id))
    current = next((c for c in reversed(cases) if c.case.status == "approved"), cases[-1] if cases else None)
    started = current.approval.period_start if current and current.approval else None
    schedule, next_due = workflow.monitoring_due(current.doc if current else None, page.today, started)
    due_days = [date.fromisoformat(m["due"]) for m in schedule]
    begun = date.fromisoformat(started) if started else None
    drawn = labs.window(points, due_days, page.today, begun)
    figure = labs.svg(points, due_days, page.today, begun) if points else ""
    scope.audit("view", "patient", patient.id, patient.id, "panel")
    return page.render(
        "patient.html",
        patient=patient,
        cases=cases,
        points=points,
        figure=figure,
        schedule=schedule,
        next_due=next_due,
        current=current,
        labs=labs,
        drawn=drawn,
        drawn_count=sum(1 for p in points if drawn[0] <= p.day <= drawn[1]),
        deceased=next((r.deceased for r in reversed(cases) if r.deceased), None),
    )
