"""The documents checklist: each row names what belongs in it, and only that counts. For every document
kind, one chart whose record should count and one whose record should not (shapes as Epic/Cerner send
them: US Core DocumentReference notes, problem-list Conditions, mCODE disease-status Observations,
Claims for therapy and for other things)."""

from __future__ import annotations

import base64

import pytest

import priorauth
from tests.conftest import apply_edits, bundle, load_cases

SPEC = load_cases("default")
LOINC = "http://loinc.org"
ALL_THERAPY = ["MedicationAdministration/carbo1", "MedicationAdministration/pem1", "MedicationRequest/pembro1"]
ALL_DIAGNOSES = ["Condition/dx1", "Condition/met1"]
ALL_LABS = ["Observation/alt1", "Observation/ast1", "Observation/alp1", "Observation/bili1"]


def doc_ref(rid: str, type_: dict, text: str = "Oncology follow-up.", category: list | None = None) -> dict:
    d = {
        "resourceType": "DocumentReference",
        "id": rid,
        "status": "current",
        "type": type_,
        "subject": {"reference": "Patient/p1"},
        "date": "2026-11-01T10:00:00Z",
        "content": [{"attachment": {"contentType": "text/plain", "data": base64.b64encode(text.encode()).decode()}}],
    }
    if category is not None:
        d["category"] = category
    return d


PROGRESS_NOTE = doc_ref("note1", {"coding": [{"system": LOINC, "code": "11506-3", "display": "Progress note"}]})
INSURANCE_CARD = doc_ref(
    "card1",
    {"text": "Insurance card"},
    "Member ID W123456",
    [{"coding": [{"code": "insurance", "display": "Insurance"}]}],
)


def claim(cid: str, use: str, items: list[dict]) -> dict:
    return {
        "resourceType": "Claim",
        "id": cid,
        "status": "active",
        "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/claim-type", "code": "professional"}]},
        "use": use,
        "patient": {"reference": "Patient/p1"},
        "created": "2025-02-03",
        "billablePeriod": {"start": "2025-02-01", "end": "2025-02-01"},
        "insurer": {"reference": "Organization/payer1"},
        "provider": {"reference": "Practitioner/dr1"},
        "priority": {"coding": [{"code": "normal"}]},
        "insurance": [{"sequence": 1, "focal": True, "coverage": {"reference": "Coverage/cov1"}}],
        "item": [{"sequence": i + 1, "productOrService": p} for i, p in enumerate(items)],
    }


CPT = "http://www.ama-assn.org/go/cpt"
HCPCS = "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets"
CHEMO_CLAIM = claim(
    "clm1",
    "claim",
    [
        {"coding": [{"system": CPT, "code": "96413", "display": "Chemo IV infusion 1 hr"}]},
        {"coding": [{"system": HCPCS, "code": "J9045", "display": "Carboplatin injection 50 mg"}]},
    ],
)
PA_REQUEST = claim("clm2", "preauthorization", [{"text": "Keytruda 200 mg IV"}])
PATHOLOGY_BILL = claim(
    "clm3", "claim", [{"coding": [{"system": CPT, "code": "88305", "display": "Tissue exam by pathologist"}]}]
)

DISEASE_STATUS_TEXT = {
    "resourceType": "Observation",
    "id": "status9",
    "status": "final",
    "code": {"coding": [{"system": LOINC, "code": "97509-4"}]},
    "subject": {"reference": "Patient/p1"},
    "effectiveDateTime": "2026-10-01",
    "valueString": "Non-small cell lung cancer of the right upper lobe, stage IV, progressing on therapy.",
}
CURRENT_ORDER = {
    "resourceType": "MedicationRequest",
    "id": "doce1",
    "status": "active",
    "intent": "order",
    "subject": {"reference": "Patient/p1"},
    "medicationCodeableConcept": {"text": "docetaxel 75 mg/m2 IV"},
    "authoredOn": "2026-11-10",
}
CHEMO_NOTE = doc_ref(
    "note2",
    {"coding": [{"system": LOINC, "code": "11506-3"}]},
    "Oncology history: received carboplatin and pemetrexed for metastatic NSCLC in 2025, then progressed.",
)
OLD_LAB = {
    "resourceType": "Observation",
    "id": "alt9",
    "status": "final",
    "code": {"coding": [{"system": LOINC, "code": "1742-6"}]},
    "subject": {"reference": "Patient/p1"},
    "effectiveDateTime": "2026-08-01",
    "valueQuantity": {"value": 22, "unit": "U/L"},
}

CASES = [
    # (document id, counts: edits, sources expected | does not count: edits)
    ("chart_notes", {"add": [PROGRESS_NOTE]}, ["DocumentReference/note1"], {"add": [INSURANCE_CARD]}),
    ("diagnosis_records", {}, ["Condition/dx1"], {"remove": ALL_DIAGNOSES, "add": [DISEASE_STATUS_TEXT]}),
    ("kras_report", {}, ["Observation/kras1"], {"remove": ["Observation/kras1"]}),
    (
        "treatment_history",
        {"remove": ALL_THERAPY, "add": [CHEMO_NOTE]},
        ["DocumentReference/note2"],
        {"remove": ALL_THERAPY, "add": [CURRENT_ORDER]},
    ),
    ("claims_history", {"add": [CHEMO_CLAIM]}, ["Claim/clm1"], {"add": [PA_REQUEST, PATHOLOGY_BILL]}),
    ("baseline_labs", {}, ["Observation/alt1"], {"remove": ALL_LABS, "add": [OLD_LAB]}),
    ("prescription", {}, ["MedicationRequest/soto1"], {"remove": ["MedicationRequest/soto1"]}),
]


def _row(edits: dict, doc_id: str) -> dict:
    chart = bundle(apply_edits(SPEC["base"], {"name": doc_id, **edits}))
    return next(d for d in priorauth.check(chart, as_of="2026-11-20")["documents"] if d["id"] == doc_id)


@pytest.mark.parametrize(("doc_id", "counts", "sources", "not_counted"), CASES, ids=[c[0] for c in CASES])
def test_each_document_counts_only_what_belongs(doc_id: str, counts: dict, sources: list, not_counted: dict) -> None:
    row = _row(counts, doc_id)
    assert row["status"] == "present" and set(sources) <= set(row["sources"]), row
    row = _row(not_counted, doc_id)
    assert row["status"] == "missing", row


def test_treatment_history_leaves_out_current_orders_but_keeps_history() -> None:
    row = _row({"add": [CURRENT_ORDER]}, "treatment_history")
    assert "MedicationRequest/doce1" not in row["sources"]
    assert "MedicationAdministration/carbo1" in row["sources"]


def test_diagnosis_records_leave_out_disease_status_observations() -> None:
    row = _row({"add": [DISEASE_STATUS_TEXT]}, "diagnosis_records")
    assert "Condition/dx1" in row["sources"] and "Observation/status9" not in row["sources"]


RENEWAL = next(c for c in SPEC["cases"] if c["name"] == "renewal with stable disease")


@pytest.mark.parametrize(
    ("doc_id", "edits", "present"),
    [
        ("response_assessment", {}, True),
        ("response_assessment", {"remove": ["Observation/status2"]}, False),  # only status1, before the start
        ("prior_authorization", {}, True),
    ],
)
def test_renewal_documents(doc_id: str, edits: dict, present: bool) -> None:
    resources = apply_edits(apply_edits(SPEC["base"], RENEWAL), {"name": doc_id, **edits})
    doc = priorauth.check(bundle(resources), as_of="2026-11-20")
    assert doc["request_type"] == "renewal"
    row = next(d for d in doc["documents"] if d["id"] == doc_id)
    assert (row["status"] == "present") is present, row


def test_initial_request_has_no_renewal_rows() -> None:
    ids = {d["id"] for d in priorauth.check(bundle(SPEC["base"]), as_of="2026-11-20")["documents"]}
    assert not ids & {"response_assessment", "prior_authorization"}


def test_treatment_history_counts_chemotherapy_procedures() -> None:
    procedure = {
        "resourceType": "Procedure",
        "id": "chemo1",
        "status": "completed",
        "subject": {"reference": "Patient/p1"},
        "code": {"coding": [{"system": "http://snomed.info/sct", "code": "367336001", "display": "Chemotherapy"}]},
        "performedPeriod": {"start": "2025-02-01", "end": "2025-06-01"},
        "note": [{"text": "Carboplatin and pemetrexed, 4 cycles, metastatic NSCLC"}],
    }
    row = _row({"remove": ALL_THERAPY, "add": [procedure]}, "treatment_history")
    assert row["status"] == "present" and "Procedure/chemo1" in row["sources"]


def test_each_row_says_required_or_advised_beside_its_status() -> None:
    from tests.conftest import ROOT

    doc = priorauth.check(str(ROOT / "examples/nsclc-ready.json"), as_of="2026-11-20")
    rows = {d["id"]: d for d in doc["documents"]}
    assert {d["status"] for d in rows.values()} <= {"present", "missing"}  # the contract's values stay
    assert rows["kras_report"]["required"] is True and rows["claims_history"]["required"] is False
    assert list(rows["kras_report"]) == ["id", "name", "status", "required", "sources"]
