"""Resources `entered-in-error`, and Conditions `refuted` or `entered-in-error`, are ignored everywhere
(the contract, 2026-11-30 clarification; ILD included). Table-driven over every resource of the base
chart: an entered-in-error twin changes nothing, and marking a resource entered-in-error is the same as
removing it."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

import priorauth
from tests.conftest import apply_edits, bundle, load_cases

SPEC = load_cases("default")
AS_OF = SPEC["as_of"]
NOTE_RESOURCES = [
    {
        "resourceType": "DocumentReference",
        "id": "note1",
        "status": "current",
        "subject": {"reference": "Patient/p1"},
        "type": {"text": "Oncology progress note"},
        "date": "2026-11-01",
        "content": [
            {
                "attachment": {
                    "contentType": "text/plain",
                    "data": "SFBJOiBzdGFibGUgZGlzZWFzZSBvbiBpbWFnaW5nLiBLUkFTIEcxMkMgZGV0ZWN0ZWQgb24gdGlzc3VlIE5HUy4=",
                }
            }
        ],
    }
]
BASE = SPEC["base"] + NOTE_RESOURCES


def void(resource: dict[str, Any]) -> dict[str, Any]:
    """The resource marked as the contract says to ignore it."""
    r = copy.deepcopy(resource)
    if r["resourceType"] == "Condition":
        r["verificationStatus"] = {
            "coding": [
                {"system": "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": "entered-in-error"}
            ]
        }
    else:
        r["status"] = "entered-in-error"
    return r


def summary(doc: dict[str, Any]) -> dict[str, Any]:
    """What a twin or a voided resource must not change (warnings aside)."""
    return {
        "overall": doc["overall"],
        "request_type": doc["request_type"],
        "criteria": [(c["id"], c["status"], sorted(e["source"] for e in c["evidence"])) for c in doc["criteria"]],
        "advisories": [(a["id"], sorted(e["source"] for e in a["evidence"])) for a in doc["advisories"]],
        "codes": doc["codes"],
        "documents": [(d["id"], d["status"], d["sources"]) for d in doc["documents"]],
        "monitoring": doc["monitoring"],
    }


def check(resources: list[dict[str, Any]]) -> dict[str, Any]:
    return summary(priorauth.check(bundle(resources), as_of=AS_OF))


VOIDABLE = [r for r in BASE if "status" in r or r["resourceType"] == "Condition"]
IDS = [f"{r['resourceType']}/{r['id']}" for r in VOIDABLE]


@pytest.fixture(scope="module")
def baseline() -> dict[str, Any]:
    return check(BASE)


@pytest.mark.parametrize("resource", VOIDABLE, ids=IDS)
def test_an_entered_in_error_twin_changes_nothing(resource: dict[str, Any], baseline: dict[str, Any]) -> None:
    twin = void(resource)
    twin["id"] = f"{resource['id']}-twin"
    assert check([*BASE, twin]) == baseline


@pytest.mark.parametrize("resource", VOIDABLE, ids=IDS)
def test_voided_is_the_same_as_removed(resource: dict[str, Any]) -> None:
    ref = f"{resource['resourceType']}/{resource['id']}"
    removed = [r for r in BASE if r is not resource]
    voided = [void(r) if r is resource else r for r in BASE]
    assert check(voided) == check(removed), ref


ILD_CONDITION = {
    "resourceType": "Condition",
    "id": "ild1",
    "subject": {"reference": "Patient/p1"},
    "clinicalStatus": {
        "coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]
    },
    "code": {
        "coding": [{"system": "http://snomed.info/sct", "code": "233703007", "display": "Interstitial lung disease"}]
    },
    "recordedDate": "2026-06-01",
    "note": [{"text": "Pneumonitis on CT after durvalumab."}],
}


def _with_ver(code: str) -> dict[str, Any]:
    r = copy.deepcopy(ILD_CONDITION)
    r["verificationStatus"] = {
        "coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": code}]
    }
    return r


ILD_NOTE = {
    "resourceType": "DocumentReference",
    "id": "ctnote",
    "status": "current",
    "docStatus": "entered-in-error",
    "subject": {"reference": "Patient/p1"},
    "type": {"text": "CT chest report"},
    "date": "2026-06-01",
    "content": [{"attachment": {"contentType": "text/plain", "data": "SW1wcmVzc2lvbjogbmV3IHBuZXVtb25pdGlzLg=="}}],
}


@pytest.mark.parametrize(
    ("name", "added", "raised"),
    [
        ("confirmed ILD is raised", [_with_ver("confirmed")], True),
        ("unverified ILD (any status) is raised", [ILD_CONDITION], True),
        ("refuted ILD, note and all, is ignored", [_with_ver("refuted")], False),
        ("entered-in-error ILD is ignored", [_with_ver("entered-in-error")], False),
        ("a CT report with docStatus entered-in-error is ignored", [ILD_NOTE], False),
        ("the same CT report when final is read", [{**ILD_NOTE, "docStatus": "final"}], True),
    ],
)
def test_ild(name: str, added: list[dict[str, Any]], raised: bool) -> None:
    doc = priorauth.check(bundle([*BASE, *added]), as_of=AS_OF)
    assert ("ild_history" in {a["id"] for a in doc["advisories"]}) is raised, name


def test_entered_in_error_stage_observation_is_ignored() -> None:
    stage = {
        "resourceType": "Observation",
        "id": "stage4",
        "status": "entered-in-error",
        "subject": {"reference": "Patient/p1"},
        "code": {"coding": [{"system": "http://loinc.org", "code": "21908-9"}]},
        "valueCodeableConcept": {"text": "Stage IV"},
        "effectiveDateTime": "2025-01-20",
    }
    stage_one = {"stage": [{"summary": {"text": "Stage IB"}}]}
    chart = apply_edits(
        BASE, {"name": "stage", "remove": ["Condition/met1"], "patch": {"Condition/dx1": stage_one}, "add": [stage]}
    )
    doc = priorauth.check(bundle(chart), as_of=AS_OF)
    adv = next(c for c in doc["criteria"] if c["id"] == "advanced_disease")
    assert "Observation/stage4" not in json.dumps(adv)
    assert adv["status"] == "not_met"  # only the Condition's stage IB remains


def test_missing_baseline_lft_cites_what_was_reviewed_or_nothing() -> None:
    lfts = ["Observation/alt1", "Observation/ast1", "Observation/alp1", "Observation/bili1"]
    none = priorauth.check(bundle(apply_edits(BASE, {"name": "nolft", "remove": lfts})), as_of=AS_OF)
    adv = next(a for a in none["advisories"] if a["id"] == "baseline_lft_missing")
    assert adv["evidence"] == []  # nothing reviewed, nothing cited: never the Patient
    assert "none on file" in adv["detail"] and "ALT" in adv["detail"]
    old = {f"Observation/{i}": {"effectiveDateTime": "2026-08-01"} for i in ("alt1", "ast1")}
    doc = priorauth.check(bundle(apply_edits(BASE, {"name": "oldlft", "patch": old})), as_of=AS_OF)
    adv = next(a for a in doc["advisories"] if a["id"] == "baseline_lft_missing")
    assert {e["source"] for e in adv["evidence"]} == {"Observation/alt1", "Observation/ast1"}
    assert "ALT, AST" in adv["detail"] and "2026-08-01" in adv["detail"]
    assert not any(e["source"].startswith("Patient/") for a in doc["advisories"] for e in a["evidence"])
