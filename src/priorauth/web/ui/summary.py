"""One line per case for the worklist and the dashboard: its patient, latest determination, what was
sent, what the payer decided, and the next thing due (the payer's answer, the renewal, the next liver
test). Loaded in a few queries for a whole list of cases."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from priorauth.outputs.deceased import Deceased, deceased
from priorauth.service import clock
from priorauth.store.models import Appeal, Case, Decision, Determination, Patient, Submission
from priorauth.web.ui import workflow
from priorauth.web.ui.session import Page


@dataclass
class CaseLine:
    case: Case
    patient: Patient
    determination: Determination | None
    submission: Submission | None  # the latest
    decision: Decision | None  # the latest
    approval: Decision | None  # the latest approval
    clock: workflow.Clock | None
    renewal: date | None
    next_lft: dict[str, Any] | None
    due: date | None
    due_what: str
    overdue: bool

    @property
    def doc(self) -> dict[str, Any] | None:
        return self.determination.document if self.determination else None

    @property
    def deceased(self) -> Deceased | None:
        return deceased(self.doc)

    @property
    def payer(self) -> str:
        doc = self.doc or {}
        return ((doc.get("payer") or {}).get("name")) or "no coverage"

    @property
    def pack(self) -> str:
        return self.determination.pack_id if self.determination else (self.case.payer or "")


def _latest(rows: Sequence[Any], key: str = "case_id") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for r in rows:  # ordered oldest first: the last one wins
        out[getattr(r, key)] = r
    return out


def lines(page: Page, cases: Sequence[Case]) -> list[CaseLine]:
    scope = page.scope
    ids = [c.id for c in cases]
    if not ids:
        return []
    patients = {p.id: p for p in scope.all(scope.select(Patient).where(Patient.id.in_({c.patient_id for c in cases})))}
    dets = _latest(
        scope.all(
            scope.select(Determination)
            .where(Determination.case_id.in_(ids))
            .order_by(Determination.created_at, Determination.id)
        )
    )
    subs = _latest(scope.all(scope.select(Submission).where(Submission.case_id.in_(ids)).order_by(Submission.sent_at)))
    appeals = _latest(scope.all(scope.select(Appeal).where(Appeal.case_id.in_(ids)).order_by(Appeal.sent_at)))
    decs = scope.all(scope.select(Decision).where(Decision.case_id.in_(ids)).order_by(Decision.created_at))
    last_dec = _latest(decs)
    approvals = _latest([d for d in decs if d.outcome == "approved"])
    now, today = page.now(), page.today
    out = []
    for c in cases:
        det, sub = dets.get(c.id), subs.get(c.id)
        doc = det.document if det else None
        clk = workflow.clock(sub.sent_at, doc.get("policy") if doc else None) if sub else None
        if c.status == "appealed" and c.id in appeals:  # the payer owes the appeal's answer
            clk = workflow.appeal_clock(appeals[c.id].sent_at, doc)
        appr = approvals.get(c.id)
        alive = deceased(doc) is None  # a patient recorded as deceased has no renewal or liver test due
        renewal = workflow.renewal_due(appr.period_end, doc) if appr and c.status == "approved" and alive else None
        _, next_lft = (
            workflow.monitoring_due(doc, today, appr.period_start if appr else None)
            if c.status == "approved"
            else ([], None)
        )
        due, what, overdue = None, "", False
        if c.status in workflow.WAITING and clk and clk.standard_due:
            due = clock.day(clk.standard_due, page.tz)
            what = "appeal answer" if c.status == "appealed" else "payer answer"
            overdue = clk.overdue(now)
        elif c.status == "approved" and renewal:
            due, what, overdue = renewal, "renewal start", renewal < today
            if next_lft and date.fromisoformat(next_lft["due"]) < renewal:
                due, what, overdue = date.fromisoformat(next_lft["due"]), "liver tests", False
        out.append(
            CaseLine(
                c,
                patients[c.patient_id],
                det,
                sub,
                last_dec.get(c.id),
                appr,
                clk,
                renewal,
                next_lft,
                due,
                what,
                overdue,
            )
        )
    return out


SORTS = {
    "due": lambda line: (line.due is None, line.due or date.max, line.patient.name or ""),
    "updated": lambda line: -line.case.updated_at.timestamp(),
    "patient": lambda line: ((line.patient.name or "").lower(), line.case.created_at.timestamp()),
    "status": lambda line: (workflow.ORDER.index(line.case.status) if line.case.status in workflow.ORDER else 99,),
}


def days_to_decision(page: Page, rows: list[CaseLine]) -> float | None:
    """Median calendar days from the latest submission to the latest decision, over decided cases."""
    spans = []
    for line in rows:
        if line.decision and line.decision.outcome in ("approved", "denied") and line.submission:
            sent = clock.day(line.submission.sent_at, page.tz)
            spans.append(max((date.fromisoformat(line.decision.decided_on) - sent).days, 0))
    return statistics.median(spans) if spans else None
