"""Coded TNM categories and stage groups (mCODE 4.0.0 shapes: SNOMED CT observation codes and profiles,
or LOINC 21907-1 / 21901-4 ...; AJCC values coded or written). A coded M1 (M1a/b/c; clinical or
pathological) is advanced disease (the contract, 2026-11-30 clarification). Table-driven."""

from __future__ import annotations

from typing import Any

import pytest

import priorauth
from tests.conftest import bundle, load_cases

SPEC = load_cases("default")
AS_OF = SPEC["as_of"]
SNOMED = "http://snomed.info/sct"
LOINC = "http://loinc.org"
PROFILE = "http://hl7.org/fhir/us/mcode/StructureDefinition/"


def tnm(
    rid: str,
    code: tuple[str, str, str] | None,
    value: dict[str, Any],
    profile: str | None = None,
    date: str = "2025-01-20",
) -> dict[str, Any]:
    obs: dict[str, Any] = {
        "resourceType": "Observation",
        "id": rid,
        "status": "final",
        "category": [
            {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "imaging"}]}
        ],
        "subject": {"reference": "Patient/p1"},
        "focus": [{"reference": "Condition/dx1"}],
        "effectiveDateTime": date,
        "valueCodeableConcept": value,
        "method": {
            "coding": [{"system": SNOMED, "code": "897275008", "display": "AJCC Cancer Staging Manual, 8th edition"}]
        },
    }
    obs["code"] = {"coding": [{"system": code[0], "code": code[1], "display": code[2]}]} if code else {"text": "TNM"}
    if profile:
        obs["meta"] = {"profile": [PROFILE + profile]}
    return obs


def sct(code: str, display: str) -> dict[str, Any]:
    return {"coding": [{"system": SNOMED, "code": code, "display": display}]}


CM = (SNOMED, "399387003", "cM category")
PM = (SNOMED, "371497001", "pM category")
CN = (SNOMED, "399534004", "cN category")
CT = (SNOMED, "399504009", "cT category")
L_CM = (LOINC, "21907-1", "Distant metastases.clinical [Class] Cancer")
L_PM = (LOINC, "21901-4", "Distant metastases.pathology [Class] Cancer")
STAGE_C = (SNOMED, "399537006", "Clinical TNM stage grouping")
STAGE_P = (SNOMED, "399588009", "Pathologic TNM stage grouping")
L_STAGE = (LOINC, "21908-9", "Stage group.clinical Cancer")
M1 = sct("1229903009", "American Joint Committee on Cancer cM1 (qualifier value)")
M1A = sct("1229904003", "American Joint Committee on Cancer cM1a")
M1C = sct("1229910003", "American Joint Committee on Cancer cM1c")
PM1 = sct("1229916009", "American Joint Committee on Cancer pM1")
M0 = sct("1229901006", "American Joint Committee on Cancer cM0 (qualifier value)")
N3 = sct("1229984001", "American Joint Committee on Cancer cN3 (qualifier value)")

EARLY = {"stage": [{"summary": {"text": "Stage IB"}}]}  # the base Condition, made stage I


def chart(added: list[dict[str, Any]], base: str = "base") -> dict[str, Any]:
    resources = []
    for r in SPEC["bases"][base]:
        if r["id"] == "met1":
            continue  # no coded secondary malignancy: staging must come from the TNM observations
        if r["id"] == "dx1":
            r = {**r, **EARLY}
        resources.append(r)
    return bundle(resources + added)


def status(doc: dict[str, Any], cid: str) -> dict[str, Any]:
    return next(c for c in doc["criteria"] if c["id"] == cid)


CASES = [
    # (name, added, advanced_disease status, words in the summary)
    ("cM1 (SNOMED code, SNOMED value)", [tnm("o1", CM, M1)], "met", "cM1"),
    ("cM1a", [tnm("o1", CM, M1A)], "met", "cM1a"),
    ("cM1c", [tnm("o1", CM, M1C)], "met", "cM1c"),
    ("pM1", [tnm("o1", PM, PM1)], "met", "pM1"),
    ("LOINC 21907-1 with a written value", [tnm("o1", L_CM, {"text": "cM1b"})], "met", "cM1b"),
    ("LOINC 21901-4 with a display only", [tnm("o1", L_PM, {"coding": [{"display": "pM1a"}]})], "met", "pM1a"),
    (
        "mCODE profile only (code as text)",
        [tnm("o1", None, {"text": "M1c"}, profile="mcode-tnm-distant-metastases-category")],
        "met",
        "M1c",
    ),
    ("cM0 is not spread", [tnm("o1", CM, M0)], "not_met", "stage I"),
    ("cN3 is at least stage III", [tnm("o1", CN, N3)], "met", "N3"),
    ("cT category alone settles nothing", [tnm("o1", CT, sct("1228938002", "AJCC cT3"))], "not_met", "stage I"),
    ("clinical stage group IIIC (SNOMED)", [tnm("o1", STAGE_C, sct("1222806003", "AJCC stage IIIC"))], "met", "III"),
    ("pathological stage group IV (written)", [tnm("o1", STAGE_P, {"text": "Stage IVA"})], "met", "IV"),
    ("LOINC stage group IIB", [tnm("o1", L_STAGE, sct("1222769001", "AJCC stage IIB"))], "not_met", "stage II"),
    ("an M1 dated after as-of does not count", [tnm("o1", CM, M1, date="2026-12-01")], "not_met", "stage I"),
    ("a cancelled M1 does not count", [{**tnm("o1", CM, M1), "status": "cancelled"}], "not_met", "stage I"),
]


@pytest.mark.parametrize(("name", "added", "want", "words"), CASES, ids=[c[0] for c in CASES])
def test_coded_staging(name: str, added: list[dict[str, Any]], want: str, words: str) -> None:
    doc = priorauth.check(chart(added), as_of=AS_OF)
    c = status(doc, "advanced_disease")
    assert c["status"] == want, (name, c["summary"])
    assert words in c["summary"], c["summary"]
    if want == "met":
        assert "Observation/o1" in {e["source"] for e in c["evidence"]}


def test_m1_observation_makes_prior_therapy_for_advanced_disease() -> None:
    doc = priorauth.check(chart([tnm("o1", CM, M1, date="2025-01-20")]), as_of=AS_OF)
    assert status(doc, "prior_systemic_therapy")["status"] == "met"


def test_m1_observation_makes_colorectal_cancer_metastatic() -> None:
    resources = [r for r in SPEC["bases"]["mcrc"] if r["id"] != "livermet1"]
    crc = next(r for r in resources if r["id"] == "crc1")
    crc = {**crc, "stage": [{"summary": {"text": "Stage IIIB"}}]}
    resources = [crc if r["id"] == "crc1" else r for r in resources]
    without = priorauth.check(bundle(resources), as_of=AS_OF)
    assert status(without, "mcrc_diagnosis")["status"] == "not_met"
    doc = priorauth.check(bundle([*resources, tnm("o1", PM, PM1)]), as_of=AS_OF)
    c = status(doc, "mcrc_diagnosis")
    assert c["status"] == "met" and "Observation/o1" in {e["source"] for e in c["evidence"]}
