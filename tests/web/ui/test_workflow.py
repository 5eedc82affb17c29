"""The workflow rules as pure functions: moves, decision clocks, renewal and liver-test dates, changes."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from priorauth.web.ui import workflow


@pytest.mark.parametrize(
    ("status", "overall", "offered"),
    [
        ("open", "ready", {"ready": True, "closed": True}),
        ("open", "needs_documentation", {"ready": False, "closed": True}),
        ("ready", "ready", {"open": True, "closed": True}),
        ("submitted", "ready", {"closed": True}),
        ("pended", "ready", {"closed": True}),
        ("denied", "ready", {"closed": True}),  # appealed by recording the appeal
        ("appealed", "ready", {"closed": True}),
        ("approved", "ready", {"closed": True}),
        ("closed", None, {"open": True}),
    ],
)
def test_moves(status: str, overall: str | None, offered: dict[str, bool]) -> None:
    assert {m.to: m.enabled for m in workflow.moves(status, overall)} == offered
    for m in workflow.moves(status, overall):
        assert m.enabled or "not ready" in m.why_not


CLOCKS = {"decision_clocks": {"standard_hours": 72, "expedited_hours": 24, "notes": ""}}


@pytest.mark.parametrize(
    ("policy", "now", "due", "overdue"),
    [
        (CLOCKS, datetime(2026, 11, 23, 9, 59, tzinfo=UTC), datetime(2026, 11, 23, 10, tzinfo=UTC), False),
        (CLOCKS, datetime(2026, 11, 23, 10, 1, tzinfo=UTC), datetime(2026, 11, 23, 10, tzinfo=UTC), True),
        ({"decision_clocks": {"standard_hours": None}}, datetime(2027, 1, 1, tzinfo=UTC), None, False),
        (None, datetime(2027, 1, 1, tzinfo=UTC), None, False),
    ],
)
def test_decision_clock(policy: dict | None, now: datetime, due: datetime | None, overdue: bool) -> None:
    sent = datetime(2026, 11, 20, 10)  # as SQLite returns it: no zone, UTC
    clk = workflow.clock(sent, policy)
    assert clk.standard_due == due
    assert clk.overdue(now) is overdue
    if due:
        assert clk.expedited_due == datetime(2026, 11, 21, 10, tzinfo=UTC)


@pytest.mark.parametrize(
    ("end", "lead", "due"),
    [
        ("2027-05-19", 30, date(2027, 4, 19)),
        ("2027-05-19", 0, date(2027, 5, 19)),
        ("2027-05-19", None, date(2027, 4, 19)),
        (None, 30, None),
    ],
)
def test_renewal_due(end: str | None, lead: int | None, due: date | None) -> None:
    assert workflow.renewal_due(end, {"prior_authorization": {"renewal_lead_days": lead}}) == due


def test_monitoring_from_the_planned_start_or_the_approval_start() -> None:
    doc = {"monitoring": [{"due": "2026-11-20", "reason": "baseline"}, {"due": "2026-12-11", "reason": "week 3"}]}
    rows, nxt = workflow.monitoring_due(doc, date(2026, 11, 21))
    assert [r["past"] for r in rows] == [True, False] and nxt["due"] == "2026-12-11" and nxt["days"] == 20
    rows, nxt = workflow.monitoring_due(doc, date(2026, 11, 21), start="2026-06-01")
    assert [r["due"] for r in rows] == ["2026-06-01", "2026-06-22"] and nxt is None
    assert workflow.monitoring_due(None, date(2026, 11, 21)) == ([], None)


def test_monitoring_already_counted_from_the_first_dose_is_not_shifted() -> None:
    doc = {
        "monitoring": [
            {"due": "2026-05-06", "reason": "first dose (the first dispense the chart shows)", "past": True},
            {"due": "2026-12-06", "reason": "monthly (month 7)", "past": False},
        ]
    }
    rows, nxt = workflow.monitoring_due(doc, date(2026, 11, 21), start="2026-06-01")
    assert [r["due"] for r in rows] == ["2026-05-06", "2026-12-06"] and nxt["due"] == "2026-12-06"


def _doc(**statuses: str) -> dict:
    return {
        "overall": "ready" if all(s == "met" for s in statuses.values()) else "needs_documentation",
        "request_type": "initial",
        "as_of": "2026-11-20",
        "policy": {"id": "bcbs-nc", "version": "1"},
        "payer": {"name": "Blue Cross NC"},
        "criteria": [{"id": k, "status": v, "evidence": []} for k, v in statuses.items()],
    }


def test_changes_name_what_moved() -> None:
    before = _doc(adult="met", disease_progression="insufficient", oncologist_prescriber="met")
    after = _doc(adult="met", disease_progression="met", kras_g12c="met")
    after["criteria"][0]["evidence"] = [{"source": "Attestation/a1"}]
    after["policy"]["version"] = "2"
    got = {(c.what, c.before, c.after) for c in workflow.changes(before, after)}
    assert got == {
        ("Overall", "needs_documentation", "ready"),
        ("Policy pack", "bcbs-nc 1", "bcbs-nc 2"),
        ("Disease progression", "insufficient", "met"),
        ("Adult patient: evidence", "", "new: Attestation/a1"),
        ("KRAS G12C mutation", "not evaluated", "met"),
        ("Oncologist prescriber", "met", "no longer evaluated"),
    }
    assert workflow.changes(None, after) == []
    assert workflow.changes(after, after) == []


DECEASED = {"advisories": [{"id": "patient_deceased", "evidence": [{"date": "2026-11-01"}]}], "documents": []}
GAP = {"advisories": [], "documents": [{"name": "Chart notes", "status": "missing", "required": True}]}
ADVISED = {"advisories": [], "documents": [{"name": "Claims history", "status": "missing", "required": False}]}


@pytest.mark.parametrize(
    ("doc", "held"),
    [
        (DECEASED, "the patient is recorded as deceased: do not submit; check the chart"),
        (GAP, "a document the payer requires is missing (Chart notes)"),
        (ADVISED, None),
        (None, None),
    ],
)
def test_a_hold_keeps_a_ready_checklist_from_ready_and_submission(doc: dict | None, held: str | None) -> None:
    assert workflow.hold(doc) == held
    ready = next(m for m in workflow.moves("open", "ready", workflow.hold(doc)) if m.to == "ready")
    assert ready.enabled is (held is None) and ready.why_not == (held or "")


def test_the_appeal_clock_comes_from_the_packs_appeal_clocks() -> None:
    doc = {"policy": {"decision_clocks": {"standard_hours": 24}, "appeal_clocks": {"standard_hours": 720, "expedited_hours": 72}}}
    sent = datetime(2026, 11, 25, 15, tzinfo=UTC)
    clk = workflow.appeal_clock(sent, doc)
    assert clk.standard_due == datetime(2026, 12, 25, 15, tzinfo=UTC) and clk.expedited_due == datetime(2026, 11, 28, 15, tzinfo=UTC)
    assert workflow.appeal_clock(sent, {"policy": {"appeal_clocks": None}}).standard_due is None
