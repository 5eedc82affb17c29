"""Drugs named by NDC wherever a drug code appears: a PAS-style Claim naming LUMAKRAS only by its NDC
(item.productOrService, or an item detail as pharmacy claims carry it) makes a renewal; an order or a
dispense coded only by NDC is the drug. Shapes follow the Da Vinci PAS examples (MedicationRequest coded
with http://hl7.org/fhir/sid/ndc)."""

from __future__ import annotations

import pytest

import priorauth
from tests.conftest import apply_edits, bundle, load_cases

SPEC = load_cases("default")
NDC = "http://hl7.org/fhir/sid/ndc"


def claim(item: dict, use: str = "preauthorization") -> dict:
    return {
        "resourceType": "Claim",
        "id": "claim1",
        "status": "active",
        "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/claim-type", "code": "pharmacy"}]},
        "use": use,
        "patient": {"reference": "Patient/p1"},
        "created": "2026-05-01",
        "insurer": {"reference": "Organization/payer1"},
        "provider": {"reference": "Practitioner/dr1"},
        "priority": {"coding": [{"code": "normal"}]},
        "insurance": [{"sequence": 1, "focal": True, "coverage": {"reference": "Coverage/cov1"}}],
        "item": [{"sequence": 1, **item}],
    }


RESPONSE = {
    "resourceType": "ClaimResponse",
    "id": "resp1",
    "status": "active",
    "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/claim-type", "code": "pharmacy"}]},
    "use": "preauthorization",
    "patient": {"reference": "Patient/p1"},
    "created": "2026-05-02",
    "insurer": {"reference": "Organization/payer1"},
    "request": {"reference": "Claim/claim1"},
    "outcome": "complete",
    "preAuthRef": "PA-778812",
    "preAuthPeriod": {"start": "2026-05-02", "end": "2027-05-01"},
}

ITEMS = [
    (
        "10-digit NDC with hyphens",
        {"productOrService": {"coding": [{"system": NDC, "code": "55513-512-60"}]}},
        "renewal",
    ),
    ("11-digit NDC", {"productOrService": {"coding": [{"system": NDC, "code": "55513051260"}]}}, "renewal"),
    (
        "NDC in an item detail",
        {
            "productOrService": {
                "coding": [{"system": "http://terminology.hl7.org/CodeSystem/ex-USCLS", "code": "99999"}]
            },
            "detail": [{"sequence": 1, "productOrService": {"coding": [{"system": NDC, "code": "55513-0512-60"}]}}],
        },
        "renewal",
    ),
    ("an NDC of another drug", {"productOrService": {"coding": [{"system": NDC, "code": "0777-3105-02"}]}}, "initial"),
]


@pytest.mark.parametrize(("name", "item", "want"), ITEMS, ids=[i[0] for i in ITEMS])
def test_claim_naming_the_drug_by_ndc(name: str, item: dict, want: str) -> None:
    chart = bundle(apply_edits(SPEC["base"], {"name": name, "add": [claim(item), RESPONSE]}))
    assert priorauth.check(chart, as_of="2026-11-20")["request_type"] == want


def test_order_coded_only_by_ndc_is_the_drug_with_its_strength() -> None:
    patch = {
        "MedicationRequest/soto1": {
            "medicationCodeableConcept": {"coding": [{"system": NDC, "code": "55513-512-60"}]},
            "dosageInstruction": [{"text": "Take 4 tablets (960 mg) by mouth once daily"}],
        }
    }
    doc = priorauth.check(bundle(apply_edits(SPEC["base"], {"name": "ndc order", "patch": patch})), as_of="2026-11-20")
    c = next(c for c in doc["criteria"] if c["id"] == "prescription")
    assert c["status"] == "met" and "960 mg" in c["summary"]
