"""How a KRAS report shows an FDA-approved test or a CLIA-certified lab (contract: "words anywhere in the
report's text, or a CLIA identifier on the performer"), under the WHA pack (FDA-approved or CLIA) and the
Highmark pack (FDA-approved only). Shapes follow the Genomics Reporting IG: a DiagnosticReport holding the
variant Observation, its performer an Organization with the CMS CLIA OID (as in the mCODE example
Organization gx-us-core-organization-gensop-inc)."""

from __future__ import annotations

import pytest

import priorauth
from tests.conftest import apply_edits, bundle, load_cases

SPEC = load_cases("default")
CLIA_OID = "urn:oid:2.16.840.1.113883.4.7"

LAB = {
    "resourceType": "Organization",
    "id": "lab1",
    "identifier": [
        {"system": "http://hl7.org/fhir/sid/us-npi", "value": "1144221847"},
        {"system": CLIA_OID, "value": "14D7329100"},
    ],
    "name": "Gensop Labs, Inc.",
}
LAB_NO_CLIA = {**LAB, "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": "1144221847"}]}


def report(conclusion: str, performer: bool = False, method: str = "NGS solid tumor panel") -> dict:
    rep = {
        "resourceType": "DiagnosticReport",
        "id": "rep1",
        "status": "final",
        "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0074", "code": "GE"}]}],
        "code": {"coding": [{"system": "http://loinc.org", "code": "81247-9"}], "text": method},
        "subject": {"reference": "Patient/p1"},
        "effectiveDateTime": "2025-01-25",
        "issued": "2025-01-28T10:00:00Z",
        "result": [{"reference": "Observation/kras1"}],
        "conclusion": conclusion,
    }
    if performer:
        rep["performer"] = [{"reference": "Organization/lab1", "display": "Gensop Labs, Inc."}]
    return rep


UNNAMED = {"Observation/kras1": {"method": None}}  # the result itself names no test

CASES = [
    # (name, pack, added resources, patch, expected status, words the summary must contain)
    (
        "CLIA stated in the report's second sentence",
        "wha",
        [
            report(
                "KRAS p.G12C detected (VAF 31%). Testing was performed in a CLIA-certified laboratory, CLIA #14D7329100."
            )
        ],
        UNNAMED,
        "met",
        ["CLIA"],
    ),
    (
        "CLIA identifier on the performing Organization",
        "wha",
        [report("KRAS p.G12C detected.", performer=True), LAB],
        UNNAMED,
        "met",
        ["14D7329100", "Organization/lab1"],
    ),
    (
        "performer without a CLIA identifier and no words",
        "wha",
        [report("KRAS p.G12C detected.", performer=True), LAB_NO_CLIA],
        UNNAMED,
        "insufficient",
        [],
    ),
    (
        "FDA-approved test named anywhere in the report",
        "highmark",
        [report("Result: KRAS G12C detected.\nMethod: therascreen KRAS RGQ PCR Kit on FFPE tissue.")],
        UNNAMED,
        "met",
        ["therascreen"],
    ),
    (
        "CLIA lab under a plan that wants an FDA-approved test does not deny the CLIA statement",
        "highmark",
        [report("KRAS p.G12C detected. Performed in a CLIA-certified laboratory (CLIA #14D7329100).")],
        UNNAMED,
        "review",  # the report names its test (an NGS panel) that is not on the FDA list
        ["CLIA-certified", "NGS solid tumor panel"],
    ),
]


@pytest.mark.parametrize(("name", "pack", "add", "patch", "status", "words"), CASES, ids=[c[0] for c in CASES])
def test_lab_accreditation(name: str, pack: str, add: list, patch: dict, status: str, words: list[str]) -> None:
    chart = bundle(apply_edits(SPEC["base"], {"name": name, "add": add, "patch": patch}))
    doc = priorauth.check(chart, as_of="2026-11-20", payer=pack)
    c = next(c for c in doc["criteria"] if c["id"] == "kras_g12c")
    assert c["status"] == status, c["summary"]
    for w in words:
        assert w in c["summary"], c["summary"]
    if any("CLIA" in w for w in words):  # the summary never denies what the cited report states
        assert "nor a CLIA" not in c["summary"] and "no CLIA" not in c["summary"]
