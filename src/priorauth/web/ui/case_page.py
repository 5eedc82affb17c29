"""The case page and what is done on it: the checklist with evidence opened in context, attestations,
status changes, submissions, decisions, the payer and chart, re-evaluation, the packet, the history.
Every change goes through the case service (priorauth.service.cases): the API's rules and audit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from fastapi import APIRouter, Form, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from priorauth.errors import Code, PriorauthError, fail
from priorauth.outputs.deceased import deceased
from priorauth.policy import registry
from priorauth.service import pool
from priorauth.service.cases import Cases
from priorauth.service.charts import kind_of
from priorauth.store.models import (
    Appeal,
    Attestation,
    AuditEvent,
    Case,
    Decision,
    Determination,
    Submission,
    User,
)
from priorauth.web import schemas as s
from priorauth.web.settings import limits
from priorauth.web.ui import evidence, letters, packet, scans, workflow
from priorauth.web.ui.pages import STAFF, pack_choices, read_upload
from priorauth.web.ui.session import PAGE, Page

router = APIRouter(include_in_schema=False)

DONE = {  # ?done=... -> the confirmation shown (fixed words: nothing from the request is echoed)
    "created": "Case created and evaluated.",
    "attested": "Attestation recorded; the case was evaluated again.",
    "status": "Status changed.",
    "submitted": "Submission recorded; the decision clock is running.",
    "decided": "Decision recorded.",
    "payer": "Payer pack changed; the case was evaluated again.",
    "chart": "New chart uploaded; the case was evaluated again.",
    "evaluated": "Evaluated again.",
    "document": "Document added; the case was evaluated again.",
    "letter": "Letter read: check the proposal against the letter, then confirm.",
    "letter_confirmed": "Letter confirmed; the decision is recorded.",
    "ehr": "Read again from the EHR; the case was evaluated on the live chart.",
    "appealed": "Appeal recorded; the appeal's decision clock is running.",
}

# Form fields as the pages name them (a refusal names the field in these words, never its code name).
FIELDS = {
    "outcome": "the outcome",
    "auth_number": "the authorization number",
    "period_start": "the start date (approved from)",
    "period_end": "the end date (approved through)",
    "reason": "the reason",
    "decided_on": "the decision date",
    "method": "how it was sent",
    "reference": "the payer reference",
    "what": "what was sent",
    "argument": "your argument",
    "sent_on": "the date sent",
    "kind": "what you attest",
    "text": "the statement",
    "date": "the clinical date",
    "on": "the clinical date",
    "password": "the password",
    "email": "the email address",
    "name": "the name",
    "role": "the role",
    "timezone": "the time zone",
}


def _determinations(page: Page, case: Case) -> list[Determination]:
    stmt = page.scope.select(Determination).where(Determination.case_id == case.id)
    return list(page.scope.all(stmt.order_by(Determination.created_at, Determination.id)))


def _history(page: Page, case: Case, dets: list[Determination]) -> list[dict[str, Any]]:
    scope = page.scope
    names = {u.id: u.name for u in scope.all(scope.select(User))}
    items: list[tuple[datetime, str, str]] = []
    for d in dets:
        items.append((d.created_at, f"Evaluated ({d.trigger.replace('_', ' ')}): {d.overall.replace('_', ' ')}", ""))
    events = scope.all(
        scope.select(AuditEvent).where(
            AuditEvent.resource.in_(("case", "attestation", "submission", "decision", "appeal")),
            AuditEvent.action.in_(("create", "update")),
            (AuditEvent.resource_id == case.id) | AuditEvent.detail.startswith(f"case={case.id}"),
        )
    )
    for e in events:
        fields = dict(part.partition("=")[::2] for part in e.detail.split() if "=" in part)
        what = {
            "case": "Opened the case",
            "attestation": f"Attested: {workflow.ATTESTATION_KINDS.get(fields.get('kind', ''), 'statement').lower()}",
            "submission": f"Recorded the submission ({fields.get('method', '')})",
            "decision": f"Recorded the payer's decision: {fields.get('outcome', '')}",
            "appeal": f"Recorded the appeal ({fields.get('method', '')})",
        }[e.resource]
        if e.resource == "case" and e.action == "update":
            what = f"Changed the {e.detail.replace(',', ', ').replace('_id', '')}"
        items.append((e.at, what, names.get(e.actor, "an integration")))
    items.sort(key=lambda i: workflow.aware(i[0]))
    return [{"at": page.local(t), "what": w, "who": who} for t, w, who in reversed(items)]


def render_case(
    page: Page,
    case_id: str,
    error: str = "",
    status_code: int = 200,
    form: str = "",
    values: dict[str, str] | None = None,
) -> Response:
    """The case page; after a refusal, ``error`` beside ``form`` with the typed ``values`` kept."""
    scope = page.scope
    case = scope.get(Case, case_id, "case")
    patient = scope.patient(case.patient_id)
    dets = _determinations(page, case)
    det = dets[-1] if dets else None
    doc = det.document if det else None
    attestations = scope.all(
        scope.select(Attestation).where(Attestation.case_id == case.id).order_by(Attestation.created_at)
    )
    submissions = scope.all(scope.select(Submission).where(Submission.case_id == case.id).order_by(Submission.sent_at))
    decisions = scope.all(scope.select(Decision).where(Decision.case_id == case.id).order_by(Decision.created_at))
    appeals: list[Appeal] = list(
        scope.all(scope.select(Appeal).where(Appeal.case_id == case.id).order_by(Appeal.sent_at, Appeal.id))
    )
    clk = workflow.clock(submissions[-1].sent_at, doc.get("policy") if doc else None) if submissions else None
    if appeals and case.status in ("appealed", "approved", "denied", "pended", "closed"):
        clk = workflow.appeal_clock(appeals[-1].sent_at, doc)  # the payer now owes the appeal's answer
    denial = next((d for d in reversed(decisions) if d.outcome == "denied"), None)
    approval = next((d for d in reversed(decisions) if d.outcome == "approved"), None)
    schedule, next_lft = workflow.monitoring_due(doc, page.today, approval.period_start if approval else None)
    current_pack = None
    if det is not None:
        try:
            current_pack = registry.load(det.pack_id, case.drug).version
        except PriorauthError:
            current_pack = None
    staff = page.can(*STAFF)
    shown = {"attest", "status", "checklist"} | ({"payer", "chart"} if staff else set())
    shown |= {"submit"} if staff and case.status == "ready" and not workflow.hold(doc) else set()
    shown |= {"decision"} if staff and case.status in workflow.DECIDABLE else set()
    shown |= {"appeal"} if staff and case.status == "denied" else set()
    if error and form not in shown:  # the form is not on the page (any more): show the message on top
        form = ""
    scope.audit("view", "case", case.id, case.patient_id, "page")
    done = DONE.get(page.request.query_params.get("done", ""), "")
    return page.render(
        "case.html",
        status_code=status_code,
        case=case,
        patient=patient,
        det=det,
        doc=doc,
        changes=workflow.changes(dets[-2].document if len(dets) > 1 else None, doc) if doc else [],
        trigger=det.trigger.replace("_", " ") if det else "",
        pack_outdated=bool(det and current_pack and current_pack != det.pack_version),
        current_pack=current_pack,
        attestations=attestations,
        submissions=submissions,
        decisions=decisions,
        clock=clk,
        overdue=bool(clk and case.status in workflow.WAITING and clk.overdue(page.now())),
        approval=approval,
        renewal=workflow.renewal_due(approval.period_end, doc) if approval else None,
        schedule=schedule,
        next_lft=next_lft,
        moves=workflow.moves(case.status, doc.get("overall") if doc else None, workflow.hold(doc)),
        deceased=deceased(doc),
        packs=pack_choices(case.drug),
        packet=True,
        history=_history(page, case, dets),
        ehr=_ehr_link(page),
        error=error,
        error_form=form,
        done=done,
        appeals=appeals,
        appealing=bool(appeals) and case.status == "appealed",
        denial=denial,
        v=values or {},
        **letters.context(page, case),
    )


@router.get("/cases/{case_id}", response_class=HTMLResponse)
def case_page(case_id: str, page: Page = PAGE) -> Response:
    return render_case(page, case_id)


@router.get("/cases/{case_id}/evidence", response_class=HTMLResponse)
def evidence_view(case_id: str, source: str, det: str = "", page: Page = PAGE) -> Response:
    """One evidence item in context (a fragment for htmx, a whole page otherwise)."""
    scope = page.scope
    case = scope.get(Case, case_id, "case")
    ref, _ = evidence.parse(source)
    kind, _, rid = ref.partition("/")
    if kind == "Attestation":
        item: Any = scope.get(Attestation, rid, "attestation")
        opened = evidence.Opened(source, ref, "Attestation", item.date, before=f"{item.text}\n\n({item.by_name})")
    elif kind == "Decision":
        item = scope.get(Decision, rid, "decision")
        text = f"Prior authorization {item.auth_number or ''} {item.outcome} ({item.period_start} to {item.period_end})"
        opened = evidence.Opened(source, ref, "Recorded decision", item.decided_on, before=text)
    else:
        d = scope.get(Determination, det, "determination") if det else None
        opened = scans.opened_with_page(page, case, source, det, d.chart_id if d and d.case_id == case.id else None)
    scope.audit("view", "evidence", case.id, case.patient_id, f"case={case.id}")
    name = "_evidence.html" if page.request.headers.get("HX-Request") else "evidence_page.html"
    last = _cases(page).latest(case.id)
    return page.render(name, case=case, opened=opened, deceased=deceased(last.document if last else None))


def _act(
    page: Page,
    case_id: str,
    form: str,
    action: Callable[[Case], Any],
    done: str,
    values: dict[str, str] | None = None,
) -> Response:
    """Run a change, then back to the case (post, redirect, get); on a refusal show the case again with
    the refusal in words beside the form and what was typed (``values``) still in it."""
    case = page.scope.get(Case, case_id, "case")
    kept = {"values": values or {}}
    try:
        action(case)
    except PriorauthError as exc:
        page.scope.session.rollback()
        return render_case(page, case_id, _sentence(exc.message), _status(exc.code), form, **kept)
    except ValidationError as exc:
        page.scope.session.rollback()
        return render_case(page, case_id, _sentence(refusal_words(exc.errors()[0])), 422, form, **kept)
    return RedirectResponse(f"/cases/{case_id}?done={done}#{form}", status_code=303)


def refusal_words(error: Any) -> str:
    """A validation error as a sentence about the form's field: "the authorization number is too long (at
    most 80 characters)", never ``auth_number: String should have at most 80 characters``."""
    field = next((str(p) for p in reversed(error.get("loc") or ()) if isinstance(p, str)), "")
    name = FIELDS.get(field, field.replace("_", " ") or "a field")
    kind, ctx = error.get("type", ""), error.get("ctx") or {}
    if kind == "missing":
        return f"{name} is needed"
    if kind in ("string_too_long", "too_long"):
        return f"{name} is too long (at most {ctx.get('max_length', '?')} characters)"
    if kind in ("string_too_short", "too_short"):
        least = int(ctx.get("min_length", 1) or 1)
        return f"{name} is needed" if least <= 1 else f"{name} is too short (at least {least} characters)"
    if kind in ("literal_error", "enum"):
        return f"{name} must be one of: {ctx.get('expected', '').replace(chr(39), '')}"
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"{name} is not a date"
    return f"{name} is not valid ({error.get('msg', '').lower()})"


def _ehr_link(page: Page) -> bool:
    from priorauth.web.smart import link_of  # the session was opened from the EHR (SMART launch)

    return page.can(*STAFF) and link_of(page) is not None


def _sentence(message: str) -> str:
    return message[:1].upper() + message[1:] + ("" if message.endswith(".") else ".")


def _status(code: str) -> int:
    from priorauth.web.errors import STATUS

    return STATUS.get(code, 422)


def _day(value: str, field: str = "date") -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise fail(Code.BAD_DATE, f"{FIELDS.get(field, field)} is not a date") from None


def _cases(page: Page) -> Cases:
    return Cases(page.scope, limits(page.request.app.state.settings))


@router.post("/cases/{case_id}/status")
def change_status(case_id: str, to: str = Form(max_length=12), version: int = Form(), page: Page = PAGE) -> Response:
    def run(case: Case) -> None:
        page.require(*STAFF)
        _cases(page).move(case.id, version, to)

    return _act(page, case_id, "status", run, "status")


@router.post("/cases/{case_id}/attest")
def attest(
    case_id: str,
    kind: str = Form(max_length=20),
    text: str = Form(default="", max_length=5000),
    on: str = Form(default="", max_length=10),
    page: Page = PAGE,
) -> Response:
    def run(case: Case) -> None:
        page.require("prescriber")
        body = s.AttestationIn(kind=kind, text=text, date=_day(on) or page.today)  # type: ignore[arg-type]
        _cases(page).attest(case.id, body.kind, body.text, body.date)

    return _act(page, case_id, "attest", run, "attested")


@router.post("/cases/{case_id}/submit")
def submit(
    case_id: str,
    method: str = Form(max_length=20),
    reference: str = Form(default="", max_length=200),
    what: str = Form(default="", max_length=5000),
    page: Page = PAGE,
) -> Response:
    def run(case: Case) -> None:
        page.require(*STAFF)
        body = s.SubmissionIn(method=method, reference=reference or None, what=what)  # type: ignore[arg-type]
        _cases(page).submit(case.id, body.method, body.reference, body.what)

    return _act(page, case_id, "submit", run, "submitted")


@router.post("/cases/{case_id}/decision")
def decision(
    case_id: str,
    outcome: str = Form(max_length=10),
    auth_number: str = Form(default="", max_length=80),
    period_start: str = Form(default="", max_length=10),
    period_end: str = Form(default="", max_length=10),
    reason: str = Form(default="", max_length=5000),
    decided_on: str = Form(default="", max_length=10),
    page: Page = PAGE,
) -> Response:
    def run(case: Case) -> None:
        page.require(*STAFF)
        body = s.DecisionIn(
            outcome=outcome,  # type: ignore[arg-type]
            auth_number=auth_number or None,
            period_start=_day(period_start, "period_start"),
            period_end=_day(period_end, "period_end"),
            reason=reason,
            decided_on=_day(decided_on, "decided_on") or page.today,
        )
        _cases(page).decide(
            case.id, body.outcome, body.auth_number, body.period_start, body.period_end, body.reason, body.decided_on
        )

    values = {
        "outcome": outcome,
        "auth_number": auth_number,
        "period_start": period_start,
        "period_end": period_end,
        "reason": reason,
        "decided_on": decided_on,
    }
    return _act(page, case_id, "decision", run, "decided", values)


def _appeal_values(reason: str, argument: str, method: str, reference: str, what: str, sent_on: str) -> dict[str, str]:
    return {"reason": reason, "argument": argument, "method": method, "reference": reference, "what": what, "sent_on": sent_on}


@router.post("/cases/{case_id}/appeal")
def record_appeal(
    case_id: str,
    version: int = Form(),
    reason: str = Form(default="", max_length=5000),
    argument: str = Form(default="", max_length=20000),
    method: str = Form(default="fax", max_length=20),
    reference: str = Form(default="", max_length=200),
    what: str = Form(default="", max_length=5000),
    sent_on: str = Form(default="", max_length=10),
    page: Page = PAGE,
) -> Response:
    """Record the appeal of a denial as sent (through the case service: the case must be denied)."""

    def run(case: Case) -> None:
        page.require(*STAFF)
        day = _day(sent_on, "sent_on")
        body = s.AppealIn(
            version=version,
            argument=argument,
            method=method,  # type: ignore[arg-type]
            reason=reason or None,
            reference=reference or None,
            what=what,
            sent_at=datetime.combine(day, datetime.min.time(), page.tz) if day and day != page.today else None,
        )
        _cases(page).record_appeal(
            case.id, body.version, body.argument, body.method, body.reason, body.reference, body.what, body.sent_at
        )

    values = _appeal_values(reason, argument, method, reference, what, sent_on)
    return _act(page, case_id, "appeal", run, "appealed", values)


@router.post("/cases/{case_id}/appeal-letter")
def appeal_letter_draft(
    case_id: str,
    reason: str = Form(default="", max_length=5000),
    argument: str = Form(default="", max_length=20000),
    method: str = Form(default="fax", max_length=20),
    reference: str = Form(default="", max_length=200),
    what: str = Form(default="", max_length=5000),
    sent_on: str = Form(default="", max_length=10),
    version: str = Form(default="", max_length=20),
    page: Page = PAGE,
) -> Response:
    """The appeal letter of the case's denial as an editable .docx, from the form's reason and argument
    (before the appeal is sent; nothing is written)."""
    page.require(*STAFF)
    svc = _cases(page)
    case = svc.get(case_id)
    denial = svc.denial(case.id)
    why = None if denial else "an appeal letter answers a recorded denial: record the payer's denial first"
    reason = reason.strip() or (denial.reason if denial else "")
    if not why and not reason:
        why = "an appeal needs the payer's reason for the denial"
    if why:
        values = _appeal_values(reason, argument, method, reference, what, sent_on)
        return render_case(page, case_id, _sentence(why), 409 if not denial else 422, "appeal", values)
    return _appeal_docx(page, svc, case, reason, argument)


@router.get("/cases/{case_id}/appeals/{appeal_id}/letter")
def appeal_letter_sent(case_id: str, appeal_id: str, page: Page = PAGE) -> Response:
    """The letter of a recorded appeal (its reason and argument), as an editable .docx."""
    svc = _cases(page)
    case = svc.get(case_id)
    row = page.scope.get(Appeal, appeal_id, "appeal")
    if row.case_id != case.id:
        raise fail(Code.NOT_FOUND, f"no appeal {appeal_id} on this case")
    return _appeal_docx(page, svc, case, row.reason, row.argument)


def _appeal_docx(page: Page, svc: Cases, case: Case, reason: str, argument: str) -> Response:
    chart, inputs = svc.inputs(case)
    lim = svc.limits
    data = pool.run(
        packet.appeal_docx,
        chart.content,
        chart.kind,
        lim.max_archive_bytes,
        reason,
        argument,
        workers=lim.workers,
        timeout=lim.timeout,
        **inputs,
    )
    page.scope.audit("download", "appeal_letter", case.id, case.patient_id, f"case={case.id}")
    return Response(
        data,
        media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        headers={"Content-Disposition": f'attachment; filename="appeal-letter-{case.id}.docx"'},
    )


@router.post("/cases/{case_id}/payer")
def change_payer(
    case_id: str, payer: str = Form(default="", max_length=80), version: int = Form(), page: Page = PAGE
) -> Response:
    def run(case: Case) -> None:
        page.require(*STAFF)
        _cases(page).update(case.id, version, {"payer": payer or None})

    return _act(page, case_id, "payer", run, "payer")


@router.post("/cases/{case_id}/chart")
def replace_chart(case_id: str, chart: UploadFile, version: int = Form(), page: Page = PAGE) -> Response:
    settings = page.request.app.state.settings
    try:
        raw = read_upload(chart, int(settings.max_upload_mb * 1_000_000))
    except PriorauthError as exc:
        return render_case(page, case_id, error=_sentence(exc.message), status_code=_status(exc.code), form="chart")

    def run(case: Case) -> None:
        page.require(*STAFF)
        svc = _cases(page)
        patient = page.scope.patient(case.patient_id)
        kind = kind_of(raw, chart.content_type or "", chart.filename)
        row, _ = svc.store_chart(raw, kind, chart.filename, patient.fhir_id)
        svc.update(case.id, version, {"chart_id": row.id})

    return _act(page, case_id, "chart", run, "chart")


@router.post("/cases/{case_id}/reevaluate")
def reevaluate_now(case_id: str, why: str = Form(default="requested", max_length=20), page: Page = PAGE) -> Response:
    trigger = why if why in ("requested", "pack_changed") else "requested"
    return _act(page, case_id, "checklist", lambda case: _cases(page).evaluate(case.id, None, trigger), "evaluated")


@router.get("/cases/{case_id}/packet")
def packet_download(case_id: str, page: Page = PAGE) -> Response:
    scope = page.scope
    svc = _cases(page)
    case = svc.get(case_id)
    chart, inputs = svc.inputs(case)
    lim = svc.limits
    denial = svc.denial(case.id)
    data = pool.run(
        packet.build,
        chart.content,
        chart.kind,
        lim.max_archive_bytes,
        denial.reason if denial else None,
        workers=lim.workers,
        timeout=lim.timeout,
        **inputs,
    )
    scope.audit("download", "packet", case.id, case.patient_id, f"case={case.id}")
    return Response(
        data,
        media_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="pa-packet-{case.id}.zip"'},
    )
