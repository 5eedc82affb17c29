"""Partial and unreadable dates anywhere in a chart (the contract, 2026-11-30 clarification): a partial
date is the whole span it names; an answer that depends on which day is meant is `review` (or
`insufficient` where the row has no review column); an unreadable date is a warning, never a crash.
Table-driven on the default pack's base chart."""

from __future__ import annotations

from typing import Any

import pytest

import priorauth
from tests.conftest import apply_edits, bundle, load_cases

SPEC = load_cases("default")
AS_OF = SPEC["as_of"]  # 2026-11-20

CLAIM = {
    "resourceType": "Claim",
    "id": "claim1",
    "status": "active",
    "use": "preauthorization",
    "patient": {"reference": "Patient/p1"},
    "created": "2026-05-20",
    "insurer": {"reference": "Organization/payer1"},
    "item": [
        {
            "sequence": 1,
            "productOrService": {
                "coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "2550714"}],
                "text": "sotorasib 120 mg tablet",
            },
        }
    ],
}


def approval(period: dict[str, str], created: str = "2026-05-22") -> dict[str, Any]:
    return {
        "resourceType": "ClaimResponse",
        "id": "cr1",
        "status": "active",
        "use": "preauthorization",
        "patient": {"reference": "Patient/p1"},
        "created": created,
        "insurer": {"reference": "Organization/payer1"},
        "request": {"reference": "Claim/claim1"},
        "outcome": "complete",
        "preAuthRef": "PA-1",
        "preAuthPeriod": period,
    }


def run(edits: dict[str, Any], as_of: str = AS_OF) -> dict[str, Any]:
    chart = bundle(apply_edits(SPEC["base"], {"name": "partial", **edits}))
    return priorauth.check(chart, as_of=as_of)


def status(doc: dict[str, Any], cid: str) -> str:
    return next(c["status"] for c in doc["criteria"] if c["id"] == cid)


THERAPY_MID_FEB = {
    "MedicationAdministration/carbo1": {"effectiveDateTime": "2025-02-15"},
    "MedicationAdministration/pem1": {"effectiveDateTime": "2025-02-15"},
    "MedicationRequest/pembro1": {"authoredOn": "2025-02-15", "dispenseRequest": None},
}

CASES = [
    # (name, edits, {criterion: status})
    ("birth month far from 18: met", {"patch": {"Patient/p1": {"birthDate": "1957-06"}}}, {"adult": "met"}),
    ("birth year far from 18: met", {"patch": {"Patient/p1": {"birthDate": "1957"}}}, {"adult": "met"}),
    (
        "18th birthday inside the birth month: insufficient (adult has no review column)",
        {"patch": {"Patient/p1": {"birthDate": "2008-11"}}},
        {"adult": "insufficient"},
    ),
    (
        "18th birthday inside the birth year",
        {"patch": {"Patient/p1": {"birthDate": "2008"}}},
        {"adult": "insufficient"},
    ),
    ("surely under 18", {"patch": {"Patient/p1": {"birthDate": "2010"}}}, {"adult": "not_met"}),
    (
        "the only KRAS result may postdate as-of: review",
        {"patch": {"Observation/kras1": {"effectiveDateTime": "2026-11"}}},
        {"kras_g12c": "review"},
    ),
    (
        "a KRAS result month wholly before as-of: met",
        {"patch": {"Observation/kras1": {"effectiveDateTime": "2026-10"}}},
        {"kras_g12c": "met"},
    ),
    (
        "a KRAS result of year precision: met (the year ended before as-of)",
        {"patch": {"Observation/kras1": {"effectiveDateTime": "2025"}}},
        {"kras_g12c": "met"},
    ),
    (
        "progression in the month therapy began: insufficient (order not settled)",
        {"patch": {**THERAPY_MID_FEB, "Observation/status1": {"effectiveDateTime": "2025-02"}}},
        {"disease_progression": "insufficient", "prior_systemic_therapy": "met"},
    ),
    (
        "progression the month after therapy began: met",
        {"patch": {**THERAPY_MID_FEB, "Observation/status1": {"effectiveDateTime": "2025-03"}}},
        {"disease_progression": "met"},
    ),
    (
        "therapy ending in the month advanced disease was documented: review",
        {
            "patch": {
                "Condition/met1": {"onsetDateTime": "2025-02"},
                "MedicationAdministration/carbo1": {"effectiveDateTime": "2025-02-10"},
                "MedicationAdministration/pem1": {"effectiveDateTime": "2025-02-10"},
                "MedicationRequest/pembro1": {"authoredOn": "2025-02-10", "dispenseRequest": None},
                "Condition/dx1": {"stage": None},
            }
        },
        {"prior_systemic_therapy": "review"},
    ),
    (
        "therapy of month precision after advanced disease: met",
        {
            "patch": {
                "MedicationAdministration/carbo1": {"effectiveDateTime": "2025-06"},
                "MedicationAdministration/pem1": {"effectiveDateTime": "2025-06"},
                "MedicationRequest/pembro1": {"authoredOn": "2025-06", "dispenseRequest": None},
            }
        },
        {"prior_systemic_therapy": "met"},
    ),
    (
        "the only therapy dated this year may postdate as-of: review",
        {
            "patch": {
                "MedicationAdministration/carbo1": {"effectiveDateTime": "2026"},
                "MedicationAdministration/pem1": {"effectiveDateTime": "2026"},
                "MedicationRequest/pembro1": {"authoredOn": "2026", "dispenseRequest": None},
            }
        },
        {"prior_systemic_therapy": "review"},
    ),
]


@pytest.mark.parametrize(("name", "edits", "want"), CASES, ids=[c[0] for c in CASES])
def test_partial_dates(name: str, edits: dict[str, Any], want: dict[str, str]) -> None:
    doc = run(edits)
    assert {cid: status(doc, cid) for cid in want} == want, name


def test_ambiguous_answer_says_which_date_and_cites_it() -> None:
    doc = run({"patch": {"Observation/kras1": {"effectiveDateTime": "2026-11"}}})
    kras = next(c for c in doc["criteria"] if c["id"] == "kras_g12c")
    assert "2026-11" in kras["summary"] and "partial date" in kras["summary"]
    assert [e["source"] for e in kras["evidence"]] == ["Observation/kras1"]
    assert kras["evidence"][0]["date"] == "2026-11"  # written as the chart has it, never widened to a day
    assert any("full date" in a for a in kras["actions"])


def test_age_from_the_latest_day_of_a_partial_birth_date() -> None:
    assert run({"patch": {"Patient/p1": {"birthDate": "1957-12"}}})["patient"]["age"] == 68
    assert run({"patch": {"Patient/p1": {"birthDate": "1957-06"}}})["patient"]["age"] == 69
    doc = run({"patch": {"Patient/p1": {"birthDate": "2008-11"}}})
    assert doc["patient"] == {**doc["patient"], "birth_date": "2008-11", "age": 17}


def test_partial_approval_period_gives_a_renewal_not_a_crash() -> None:
    doc = run({"add": [CLAIM, approval({"start": "2026-05", "end": "2027-05"})]})
    assert doc["request_type"] == "renewal"
    pa = doc["prior_authorization"]
    assert (pa["start"], pa["end"], pa["expires"]) == ("2026-05", "2027-05", "2027-05")
    assert pa["requested_period"]["start"] == "2027-06-01"  # after every day the approval may end on
    assert pa["renewal_start"] == "2027-04-01"  # 30 days before the earliest day it may end on


def test_year_precision_approval_created_counts_for_renewal() -> None:
    doc = run({"add": [CLAIM, approval({"start": "2026", "end": "2027"}, created="2026")]})
    assert doc["request_type"] == "renewal"
    assert doc["prior_authorization"]["requested_period"]["start"] == "2028-01-01"


def test_partial_order_date_schedules_monitoring_from_its_earliest_day() -> None:
    doc = run({"patch": {"MedicationRequest/soto1": {"authoredOn": "2026-12"}}})
    assert doc["monitoring"][0]["due"] == "2026-12-01"
    doc = run({"patch": {"MedicationRequest/soto1": {"authoredOn": "2026-11"}}})
    assert doc["monitoring"][0]["due"] == AS_OF


@pytest.mark.parametrize(
    ("edits", "raised"),
    [
        # an immunotherapy dose in a month straddling the 90-day window: the safety note is kept
        ({"patch": {"MedicationRequest/pembro1": {"authoredOn": "2026-08", "dispenseRequest": None}}}, True),
        ({"patch": {"MedicationRequest/pembro1": {"authoredOn": "2026-07", "dispenseRequest": None}}}, False),
    ],
)
def test_recent_immunotherapy_keeps_the_safe_side(edits: dict[str, Any], raised: bool) -> None:
    doc = run(edits)
    assert ("recent_immunotherapy" in {a["id"] for a in doc["advisories"]}) is raised


def test_liver_tests_in_a_straddling_month_do_not_count_as_baseline() -> None:
    month = {"effectiveDateTime": "2026-10"}  # may be before the 30-day window (2026-10-21..2026-11-20)
    doc = run({"patch": {f"Observation/{i}": month for i in ("alt1", "ast1", "alp1", "bili1")}})
    assert "baseline_lft_missing" in {a["id"] for a in doc["advisories"]}


@pytest.mark.parametrize(
    ("ref", "field", "value"),
    [
        ("Observation/alt1", "effectiveDateTime", "2026-02-30"),
        ("Patient/p1", "birthDate", "1961-13-01"),
        ("MedicationRequest/soto1", "authoredOn", "18/11/2026"),
        ("Observation/kras1", "effectiveDateTime", "last spring"),
    ],
)
def test_unreadable_date_is_a_warning(ref: str, field: str, value: str) -> None:
    doc = run({"patch": {ref: {field: value}}})
    assert any(ref in w and value in w and "not a date" in w for w in doc.get("warnings", []))
    assert doc["overall"]  # a determination, never a crash
