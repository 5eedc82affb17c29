"""Other cancers are not lung cancer: a histology counts for NSCLC only at a lung site (the same Condition,
or a lung-site code or text beside it); spread stated in a note belongs to the cancer the note is about.
Conditions are shaped like Epic problem-list entries (ICD-10-CM and SNOMED CT codings, display text)."""

from __future__ import annotations

import pytest

import priorauth
from tests.conftest import apply_edits, bundle, load_cases

SPEC = load_cases("default")
ICD = "http://hl7.org/fhir/sid/icd-10-cm"
SCT = "http://snomed.info/sct"


def condition(cid: str, codings: list[tuple[str, str, str]], text: str, stage: str | None = None) -> dict:
    c = {
        "resourceType": "Condition",
        "id": cid,
        "clinicalStatus": {
            "coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]
        },
        "verificationStatus": {
            "coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": "confirmed"}]
        },
        "category": [
            {
                "coding": [
                    {"system": "http://terminology.hl7.org/CodeSystem/condition-category", "code": "problem-list-item"}
                ]
            }
        ],
        "code": {"coding": [{"system": s, "code": c, "display": d} for s, c, d in codings], "text": text},
        "subject": {"reference": "Patient/p1"},
        "onsetDateTime": "2025-01-10",
    }
    if stage:
        c["stage"] = [{"summary": {"text": stage}}]
    return c


PANCREAS = condition(
    "panc1",
    [(ICD, "C25.0", "Malignant neoplasm of head of pancreas"), (SCT, "700423003", "Adenocarcinoma of pancreas")],
    "Pancreatic adenocarcinoma",
    "Stage IV",
)
LUNG_NO_HISTOLOGY = condition(
    "lung1", [(ICD, "C34.90", "Malignant neoplasm of unsp part of unsp bronchus or lung")], "Lung cancer"
)
ADENO_NO_SITE = condition("adeno1", [(SCT, "35917007", "Adenocarcinoma, no subtype")], "Adenocarcinoma")
LUNG_STAGE_I = condition(
    "lung2",
    [(ICD, "C34.11", "Malignant neoplasm of upper lobe, right bronchus or lung")],
    "NSCLC of right upper lobe",
    "Stage IA",
)
DIAGNOSES = ["Condition/dx1", "Condition/met1"]

CASES = [
    # (name, removed, added, {criterion: status}, indication, sources that must not be cited by nsclc_diagnosis)
    (
        "pancreatic adenocarcinoma is not NSCLC",
        DIAGNOSES,
        [PANCREAS],
        {"nsclc_diagnosis": "insufficient"},
        None,
        ["Condition/panc1"],
    ),
    (
        "a pancreatic cancer beside a lung cancer without histology",
        DIAGNOSES,
        [PANCREAS, LUNG_NO_HISTOLOGY],
        {"nsclc_diagnosis": "insufficient"},
        "nsclc",
        ["Condition/panc1"],
    ),
    (
        "a histology with no site beside a lung-site code counts",
        DIAGNOSES,
        [ADENO_NO_SITE, LUNG_NO_HISTOLOGY],
        {"nsclc_diagnosis": "met"},
        "nsclc",
        [],
    ),
    (
        "a histology with no site alone is not lung cancer",
        DIAGNOSES,
        [ADENO_NO_SITE],
        {"nsclc_diagnosis": "insufficient"},
        None,
        [],
    ),
    (
        "another cancer's stage IV does not make the lung cancer advanced",
        DIAGNOSES,
        [PANCREAS, LUNG_STAGE_I],
        {"nsclc_diagnosis": "met", "advanced_disease": "not_met"},
        "nsclc",
        ["Condition/panc1"],
    ),
]


@pytest.mark.parametrize(
    ("name", "remove", "add", "expect", "indication", "not_cited"), CASES, ids=[c[0] for c in CASES]
)
def test_histology_needs_a_lung_site(name, remove, add, expect, indication, not_cited) -> None:
    doc = priorauth.check(
        bundle(apply_edits(SPEC["base"], {"name": name, "remove": remove, "add": add})), as_of="2026-11-20"
    )
    got = {c["id"]: c for c in doc["criteria"]}
    assert {k: got[k]["status"] for k in expect} == expect
    assert doc["indication"] == indication
    cited = {e["source"] for e in got["nsclc_diagnosis"]["evidence"]}
    row = next(d for d in doc["documents"] if d["id"] == "diagnosis_records")
    for ref in not_cited:
        assert ref not in cited and ref not in row["sources"]


def note(rid: str, text: str) -> dict:
    return {
        "resourceType": "DocumentReference",
        "id": rid,
        "status": "current",
        "type": {"coding": [{"system": "http://loinc.org", "code": "11506-3", "display": "Progress note"}]},
        "subject": {"reference": "Patient/p1"},
        "date": "2026-10-01T09:00:00Z",
        "content": [{"attachment": {"contentType": "text/plain", "data": _b64(text)}}],
    }


def _b64(text: str) -> str:
    import base64

    return base64.b64encode(text.encode()).decode()


MCRC_CODED_SPREAD = ["Condition/livermet1"]
CRC_NOT_STAGED = {"Condition/crc1": {"stage": None}}

TEXT_CASES = [
    # (name, base, removed, patch, note, criterion, status)
    (
        "mCRC note: metastatic to liver",
        "mcrc",
        MCRC_CODED_SPREAD,
        CRC_NOT_STAGED,
        "Assessment: sigmoid colon adenocarcinoma, metastatic to liver, KRAS G12C.",
        "mcrc_diagnosis",
        "met",
    ),
    (
        "mCRC note: liver mets on a line of its own",
        "mcrc",
        MCRC_CODED_SPREAD,
        CRC_NOT_STAGED,
        "Oncology follow-up for colorectal cancer.\nImaging: multiple liver mets, enlarging.",
        "mcrc_diagnosis",
        "met",
    ),
    (
        "mCRC note: stage IV colon cancer",
        "mcrc",
        MCRC_CODED_SPREAD,
        CRC_NOT_STAGED,
        "Diagnosis: Stage IV adenocarcinoma of the ascending colon.",
        "mcrc_diagnosis",
        "met",
    ),
    (
        "mCRC note: no metastatic disease",
        "mcrc",
        MCRC_CODED_SPREAD,
        CRC_NOT_STAGED,
        "Colon adenocarcinoma. CT shows no metastatic disease.",
        "mcrc_diagnosis",
        "insufficient",
    ),
    (
        "a pancreatic note's metastasis is not the lung cancer's",
        "base",
        ["Condition/met1"],
        {"Condition/dx1": {"stage": [{"summary": {"text": "Stage IA"}}]}},
        "History of pancreatic adenocarcinoma.\nDisease is metastatic to the liver.",
        "advanced_disease",
        "not_met",
    ),
    (
        "a lung note's metastasis is the lung cancer's",
        "base",
        ["Condition/met1"],
        {"Condition/dx1": {"stage": [{"summary": {"text": "Stage IA"}}]}},
        "Right upper lobe NSCLC.\nNow metastatic to the liver.",
        "advanced_disease",
        "met",
    ),
]


@pytest.mark.parametrize(
    ("name", "base", "remove", "patch", "text", "cid", "status"), TEXT_CASES, ids=[c[0] for c in TEXT_CASES]
)
def test_spread_in_text_belongs_to_the_notes_cancer(name, base, remove, patch, text, cid, status) -> None:
    resources = apply_edits(
        SPEC["bases"][base], {"name": name, "remove": remove, "patch": patch, "add": [note("n1", text)]}
    )
    doc = priorauth.check(bundle(resources), as_of="2026-11-20")
    c = next(c for c in doc["criteria"] if c["id"] == cid)
    assert c["status"] == status, c["summary"]
