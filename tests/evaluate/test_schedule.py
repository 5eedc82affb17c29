"""The liver-test schedule: baseline, every 3 weeks for 3 months, then monthly to 12 months."""

from __future__ import annotations

import pytest

import priorauth
from priorauth.evaluate.context import shift
from priorauth.evaluate.schedule import add_months
from tests.conftest import ROOT, apply_edits, bundle, load_cases

EXAMPLE = str(ROOT / "examples/nsclc-ready.json")


def test_schedule_from_as_of_when_the_order_is_older() -> None:
    doc = priorauth.check(EXAMPLE, as_of="2026-11-20")  # order authored 2026-11-18: planned start is as-of
    dues = [m["due"] for m in doc["monitoring"]]
    assert dues[:5] == ["2026-11-20", "2026-12-11", "2027-01-01", "2027-01-22", "2027-02-12"]
    assert dues[5:] == [add_months("2026-11-20", m) for m in range(4, 13)]


def test_schedule_from_a_future_order_date() -> None:
    doc = priorauth.check(EXAMPLE, as_of="2026-11-01")
    assert doc["monitoring"][0]["due"] == "2026-11-18"


@pytest.mark.parametrize(
    ("day", "months", "want"),
    [("2026-01-31", 1, "2026-02-28"), ("2024-01-31", 1, "2024-02-29"), ("2026-11-20", 2, "2027-01-20")],
)
def test_add_months_clamps_to_month_end(day: str, months: int, want: str) -> None:
    assert add_months(day, months) == want


# --- a patient already on the drug: from the first dose the chart shows, not "baseline" ---------------

SPEC = load_cases("default")
RENEWAL = next(c for c in SPEC["cases"] if c["name"] == "renewal with stable disease")


def _administration(aid: str, day: str) -> dict:
    return {
        "resourceType": "MedicationAdministration",
        "id": aid,
        "status": "completed",
        "subject": {"reference": "Patient/p1"},
        "medicationCodeableConcept": {"text": "sotorasib 320 mg tablet"},
        "effectiveDateTime": day,
    }


def _dispense(did: str, day: str) -> dict:
    return {
        "resourceType": "MedicationDispense",
        "id": did,
        "status": "completed",
        "subject": {"reference": "Patient/p1"},
        "medicationCodeableConcept": {"text": "LUMAKRAS 320 mg tablet"},
        "quantity": {"value": 90, "unit": "tablet"},
        "whenHandedOver": day,
    }


@pytest.mark.parametrize(
    ("renewal", "added", "start", "reason"),
    [
        (True, [_dispense("disp1", "2026-05-06"), _dispense("disp2", "2026-06-05")], "2026-05-06", "first dispense"),
        (True, [_administration("adm1", "2026-05-04")], "2026-05-04", "first administration"),
        (True, [], "2026-05-02", "therapy start"),  # no dose recorded: the approved period's start
        (False, [_dispense("disp1", "2026-09-01")], "2026-09-01", "first dispense"),  # already on it, first request
        (False, [], "2026-11-20", "baseline"),  # not on it yet: the planned start
    ],
)
def test_schedule_on_therapy_starts_at_the_first_dose(renewal: bool, added: list, start: str, reason: str) -> None:
    base = apply_edits(SPEC["base"], RENEWAL) if renewal else SPEC["base"]
    doc = priorauth.check(bundle(apply_edits(base, {"name": "x", "add": added})), as_of="2026-11-20")
    first = doc["monitoring"][0]
    assert first["due"] == start and reason in first["reason"]
    assert doc["monitoring"][1]["due"] == shift(start, 21)
    if start < "2026-11-20":
        assert first["past"] is True and not doc["monitoring"][-1]["past"]
        assert "baseline" not in first["reason"]


def test_schedule_past_the_planned_months_keeps_upcoming_monthly_checks() -> None:
    added = [_dispense("disp1", "2025-03-01")]
    doc = priorauth.check(
        bundle(apply_edits(apply_edits(SPEC["base"], RENEWAL), {"name": "x", "add": added})), as_of="2026-11-20"
    )
    upcoming = [m for m in doc["monitoring"] if not m["past"]]
    assert len(upcoming) == 3 and all(m["reason"].startswith("monthly") for m in upcoming)
