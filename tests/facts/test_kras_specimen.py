"""The specimen of a KRAS result: the chart's coding first (Specimen.type, the Observation's or report's
specimen, a plasma test code), then its wording ("circulating tumor DNA", ctDNA, cfDNA, liquid biopsy and
plasma mean plasma). For NSCLC a plasma positive beside a tissue negative stands (both cited); mCRC
counts tissue only. Shapes follow the Genomics Reporting IG 3.0.0 examples (variant Observation with
gene-studied and amino-acid-change components, Specimen with a SNOMED CT or HL7 v2 0487 type)."""

from __future__ import annotations

import base64
from typing import Any

import pytest

import priorauth
from tests.conftest import bundle, load_cases

SPEC = load_cases("default")
AS_OF = SPEC["as_of"]
GENE = {
    "code": {"coding": [{"system": "http://loinc.org", "code": "48018-6", "display": "Gene studied [ID]"}]},
    "valueCodeableConcept": {
        "coding": [{"system": "http://www.genenames.org/geneId", "code": "HGNC:6407", "display": "KRAS"}]
    },
}


def variant(
    rid: str,
    change: str = "p.Gly12Cys",
    specimen: str | None = None,
    present: bool = True,
    method: str | None = None,
    value_string: str | None = None,
) -> dict[str, Any]:
    obs: dict[str, Any] = {
        "resourceType": "Observation",
        "id": rid,
        "meta": {"profile": ["http://hl7.org/fhir/uv/genomics-reporting/StructureDefinition/variant"]},
        "status": "final",
        "category": [
            {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "laboratory"}]}
        ],
        "code": {
            "coding": [{"system": "http://loinc.org", "code": "69548-6", "display": "Genetic variant assessment"}]
        },
        "subject": {"reference": "Patient/p1"},
        "effectiveDateTime": "2025-01-25",
        "component": [
            GENE,
            {
                "code": {
                    "coding": [
                        {"system": "http://loinc.org", "code": "48005-3", "display": "Amino acid change (pHGVS)"}
                    ]
                },
                "valueCodeableConcept": {"text": change},
            },
        ],
    }
    if value_string is not None:
        obs["valueString"] = value_string
    else:
        answer = ("LA9633-4", "Present") if present else ("LA9634-2", "Absent")
        obs["valueCodeableConcept"] = {
            "coding": [{"system": "http://loinc.org", "code": answer[0], "display": answer[1]}]
        }
    if specimen:
        obs["specimen"] = {"reference": f"Specimen/{specimen}"}
    if method:
        obs["method"] = {"text": method}
    return obs


def specimen(rid: str, system: str, code: str, display: str) -> dict[str, Any]:
    return {
        "resourceType": "Specimen",
        "id": rid,
        "subject": {"reference": "Patient/p1"},
        "type": {"coding": [{"system": system, "code": code, "display": display}]},
    }


SNOMED = "http://snomed.info/sct"
V2 = "http://terminology.hl7.org/CodeSystem/v2-0487"
PLASMA = specimen("plasma1", SNOMED, "119361006", "Plasma specimen")
PLASMA_V2 = specimen("plasma2", V2, "PLAS", "Plasma")
TISSUE = specimen("tissue1", SNOMED, "122610009", "Specimen from lung obtained by biopsy (specimen)")
TISSUE_V2 = specimen("tissue2", V2, "TISS", "Tissue")
# A plasma Specimen whose words say "tumor": the code decides.
PLASMA_TUMOR_WORDS = specimen("plasma3", SNOMED, "119361006", "Plasma from tumor patient (ctDNA)")


def report(rid: str, results: list[str], code: dict[str, Any], spec: str | None = None, conclusion: str = "") -> dict:
    r: dict[str, Any] = {
        "resourceType": "DiagnosticReport",
        "id": rid,
        "status": "final",
        "subject": {"reference": "Patient/p1"},
        "code": code,
        "effectiveDateTime": "2025-01-25",
        "result": [{"reference": f"Observation/{x}"} for x in results],
    }
    if spec:
        r["specimen"] = [{"reference": f"Specimen/{spec}"}]
    if conclusion:
        r["conclusion"] = conclusion
    return r


def note(rid: str, text: str) -> dict[str, Any]:
    return {
        "resourceType": "DocumentReference",
        "id": rid,
        "status": "current",
        "subject": {"reference": "Patient/p1"},
        "type": {"text": "Molecular pathology report"},
        "date": "2025-01-25",
        "content": [{"attachment": {"contentType": "text/plain", "data": base64.b64encode(text.encode()).decode()}}],
    }


PLA_GUARDANT = {"coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": "0242U", "display": "Guardant360 CDx"}]}
NGS_PANEL = {
    "coding": [
        {"system": "http://loinc.org", "code": "81247-9", "display": "Master HL7 genetic variant reporting panel"}
    ]
}


def chart(base: str, added: list[dict[str, Any]]) -> dict[str, Any]:
    resources = [r for r in SPEC["bases"][base] if r["id"] not in ("kras1",)]
    return bundle(resources + added)


def kras(doc: dict[str, Any]) -> dict[str, Any]:
    return next(c for c in doc["criteria"] if c["id"] == "kras_g12c")


CASES = [
    # (name, base, added resources, status, specimen word expected in the summary or None)
    ("coded plasma Specimen (SNOMED), NSCLC", "base", [PLASMA, variant("v1", specimen="plasma1")], "met", "plasma"),
    (
        "coded plasma Specimen (v2 0487), mCRC: tissue only",
        "mcrc",
        [PLASMA_V2, variant("v1", specimen="plasma2")],
        "insufficient",
        "plasma",
    ),
    ("coded tissue Specimen (v2 0487), mCRC", "mcrc", [TISSUE_V2, variant("v1", specimen="tissue2")], "met", "tissue"),
    (
        "coded plasma wins over 'tumor' words on the Specimen",
        "mcrc",
        [PLASMA_TUMOR_WORDS, variant("v1", specimen="plasma3")],
        "insufficient",
        "plasma",
    ),
    (
        "the report's coded specimen",
        "mcrc",
        [PLASMA, variant("v1"), report("r1", ["v1"], NGS_PANEL, spec="plasma1")],
        "insufficient",
        "plasma",
    ),
    (
        "a plasma test code on the report (PLA 0242U)",
        "mcrc",
        [variant("v1"), report("r1", ["v1"], PLA_GUARDANT)],
        "insufficient",
        "plasma",
    ),
    (
        "'circulating tumor DNA' in the result is plasma, not tumor tissue",
        "mcrc",
        [variant("v1", value_string="KRAS p.G12C (c.34G>T) detected in circulating tumor DNA, VAF 0.6%")],
        "insufficient",
        "plasma",
    ),
    (
        "a long coded-plasma result re-read as text keeps its specimen",
        "mcrc",
        [
            PLASMA,
            variant(
                "v1", specimen="plasma1", value_string="KRAS G12C (p.Gly12Cys) detected; variant allele fraction 1.2%"
            ),
        ],
        "insufficient",
        "plasma",
    ),
    (
        "a tissue-coded report conclusion re-read as text stays tissue",
        "mcrc",
        [TISSUE, report("r1", [], NGS_PANEL, spec="tissue1", conclusion="KRAS G12C (p.Gly12Cys) detected.")],
        "met",
        "tissue",
    ),
    (
        "ctDNA wording in a note, mCRC",
        "mcrc",
        [note("n1", "ctDNA NGS (Guardant360): KRAS G12C detected, 0.8% MAF.")],
        "insufficient",
        "plasma",
    ),
    (
        "cfDNA wording in a note, mCRC",
        "mcrc",
        [note("n1", "cfDNA panel: KRAS p.G12C detected.")],
        "insufficient",
        "plasma",
    ),
    (
        "liquid biopsy wording, mCRC",
        "mcrc",
        [note("n1", "Liquid biopsy 1/20/2025 showed KRAS G12C mutation.")],
        "insufficient",
        "plasma",
    ),
    (
        "circulating tumour DNA in a note, mCRC",
        "mcrc",
        [note("n1", "Circulating tumour DNA: KRAS G12C detected.")],
        "insufficient",
        "plasma",
    ),
    (
        "tissue wording in a note, mCRC",
        "mcrc",
        [note("n1", "FFPE tumor block NGS: KRAS G12C detected.")],
        "met",
        "tissue",
    ),
    (
        "NSCLC: plasma positive beside a tissue negative stands, both cited",
        "base",
        [PLASMA, TISSUE, variant("v1", specimen="plasma1"), variant("v2", specimen="tissue1", present=False)],
        "met",
        "plasma",
    ),
    (
        "NSCLC: a 'circulating tumor DNA' positive beside a tissue negative stands",
        "base",
        [
            TISSUE,
            variant("v1", value_string="KRAS G12C detected in circulating tumor DNA (0.3%)"),
            variant("v2", specimen="tissue1", present=False),
        ],
        "met",
        "plasma",
    ),
    (
        "mCRC: plasma positive beside a tissue negative: tissue only, not met",
        "mcrc",
        [PLASMA, TISSUE, variant("v1", specimen="plasma1"), variant("v2", specimen="tissue1", present=False)],
        "not_met",
        None,
    ),
    (
        "NSCLC: plasma negative beside a tissue positive is no conflict",
        "base",
        [PLASMA, TISSUE, variant("v1", specimen="plasma1", present=False), variant("v2", specimen="tissue1")],
        "met",
        "tissue",
    ),
    (
        "NSCLC: only a plasma negative: test tissue",
        "base",
        [PLASMA, variant("v1", specimen="plasma1", present=False)],
        "insufficient",
        "plasma",
    ),
]


@pytest.mark.parametrize(("name", "base", "added", "want", "word"), CASES, ids=[c[0] for c in CASES])
def test_kras_specimen(name: str, base: str, added: list[dict[str, Any]], want: str, word: str | None) -> None:
    doc = priorauth.check(chart(base, added), as_of=AS_OF)
    c = kras(doc)
    assert c["status"] == want, (name, c["summary"])
    if word:
        assert word in c["summary"], c["summary"]
    assert "unknown specimen" not in c["summary"]


def test_plasma_positive_beside_tissue_negative_cites_both() -> None:
    added = [PLASMA, TISSUE, variant("v1", specimen="plasma1"), variant("v2", specimen="tissue1", present=False)]
    c = kras(priorauth.check(chart("base", added), as_of=AS_OF))
    assert {e["source"] for e in c["evidence"]} == {"Observation/v1", "Observation/v2"}
    assert "plasma" in c["summary"] and "stands" in c["summary"]


def test_tissue_not_met_never_cites_a_plasma_sentence() -> None:
    text = "Tissue NGS: KRAS G12C not detected.\n\nGuardant360 plasma ctDNA: KRAS G12C not detected."
    c = kras(priorauth.check(chart("base", [note("n1", text)]), as_of=AS_OF))
    assert c["status"] == "not_met"
    cited = [e["text"] for e in c["evidence"]]
    assert cited and all("plasma" not in t.lower() for t in cited), cited
