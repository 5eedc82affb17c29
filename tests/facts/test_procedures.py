"""Procedures of systemic therapy (the contract, 2026-11-30 clarification): a completed or in-progress
Procedure of chemotherapy / immunotherapy counts as therapy given, with its drugs from its code, text,
usedCode or notes and its dates. Shapes follow the mCODE 4.0.0 Procedure examples. Table-driven."""

from __future__ import annotations

from typing import Any

import pytest

import priorauth
from tests.conftest import bundle, load_cases

SPEC = load_cases("default")
AS_OF = SPEC["as_of"]
THERAPY = ("carbo1", "pem1", "pembro1")
SNOMED_CHEMO = {"coding": [{"system": "http://snomed.info/sct", "code": "367336001", "display": "Chemotherapy"}]}
CPT_INFUSION = {
    "coding": [
        {
            "system": "http://www.ama-assn.org/go/cpt",
            "code": "96413",
            "display": "Chemotherapy administration, intravenous infusion technique; up to 1 hour",
        }
    ]
}
PEMBRO_RX = {
    "coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "1547545"}],
    "text": "pembrolizumab",
}


def procedure(rid: str, code: dict[str, Any], status: str = "completed", **extra: Any) -> dict[str, Any]:
    r: dict[str, Any] = {
        "resourceType": "Procedure",
        "id": rid,
        "meta": {"profile": ["http://hl7.org/fhir/us/core/StructureDefinition/us-core-procedure"]},
        "status": status,
        "category": {
            "coding": [{"system": "http://snomed.info/sct", "code": "387713003", "display": "Surgical procedure"}]
        },
        "code": code,
        "subject": {"reference": "Patient/p1"},
        "performedDateTime": "2025-02-01",
        "asserter": {"reference": "Practitioner/dr1"},
    }
    r.update(extra)
    return r


def chart(added: list[dict[str, Any]]) -> dict[str, Any]:
    return bundle([r for r in SPEC["base"] if r["id"] not in THERAPY] + added)


def crit(doc: dict[str, Any], cid: str) -> dict[str, Any]:
    return next(c for c in doc["criteria"] if c["id"] == cid)


NOTE = [{"text": "C1D1 carboplatin AUC 5 + pemetrexed 500 mg/m2 + pembrolizumab 200 mg, tolerated well."}]
CASES = [
    # (name, added, prior_systemic_therapy status, words in the summary)
    (
        "SNOMED chemotherapy, drugs in its note",
        [procedure("pr1", SNOMED_CHEMO, note=NOTE)],
        "met",
        "carboplatin, pembrolizumab, pemetrexed",
    ),
    ("CPT 96413 with usedCode RxNorm", [procedure("pr1", CPT_INFUSION, usedCode=[PEMBRO_RX])], "met", "pembrolizumab"),
    ("in progress counts", [procedure("pr1", SNOMED_CHEMO, status="in-progress", note=NOTE)], "met", "carboplatin"),
    (
        "text only: code.text names the drug",
        [procedure("pr1", {"text": "Chemotherapy infusion - docetaxel 75 mg/m2"})],
        "met",
        "docetaxel",
    ),
    ("no drug named: still therapy given", [procedure("pr1", SNOMED_CHEMO)], "met", "drugs not named"),
    (
        "a period with a partial end",
        [
            procedure(
                "pr1",
                SNOMED_CHEMO,
                performedDateTime=None,
                performedPeriod={"start": "2025-02-01", "end": "2025-05"},
                note=NOTE,
            )
        ],
        "met",
        "carboplatin",
    ),
    (
        "not done does not count",
        [procedure("pr1", SNOMED_CHEMO, status="not-done", note=NOTE)],
        "insufficient",
        "No systemic",
    ),
    (
        "in preparation does not count",
        [procedure("pr1", SNOMED_CHEMO, status="preparation", note=NOTE)],
        "insufficient",
        "No systemic",
    ),
    (
        "a lobectomy whose note names adjuvant chemo is not therapy",
        [
            procedure(
                "pr1",
                {"coding": [{"system": "http://snomed.info/sct", "code": "173171007", "display": "Lobectomy of lung"}]},
                note=[{"text": "Adjuvant cisplatin to follow."}],
            )
        ],
        "insufficient",
        "No systemic",
    ),
    (
        "adjuvant chemotherapy procedure is curative intent",
        [procedure("pr1", SNOMED_CHEMO, note=[{"text": "Adjuvant cisplatin/vinorelbine cycle 4."}])],
        "review",
        "curative",
    ),
    (
        "after as-of does not count",
        [procedure("pr1", SNOMED_CHEMO, performedDateTime="2026-12-01", note=NOTE)],
        "insufficient",
        "No systemic",
    ),
]


@pytest.mark.parametrize(("name", "added", "want", "words"), CASES, ids=[c[0] for c in CASES])
def test_procedure_of_systemic_therapy(name: str, added: list[dict[str, Any]], want: str, words: str) -> None:
    for r in added:
        if r.get("performedDateTime") is None:
            r.pop("performedDateTime", None)
    doc = priorauth.check(chart(added), as_of=AS_OF)
    c = crit(doc, "prior_systemic_therapy")
    assert c["status"] == want, (name, c["summary"])
    assert words in c["summary"], c["summary"]
    if want in ("met", "review"):
        assert "Procedure/pr1" in {e["source"] for e in c["evidence"]}
    if want == "met":
        assert "No systemic" not in c["summary"]


def test_progression_after_a_chemotherapy_procedure() -> None:
    doc = priorauth.check(chart([procedure("pr1", SNOMED_CHEMO, note=NOTE)]), as_of=AS_OF)
    assert crit(doc, "disease_progression")["status"] == "met"


def test_recent_chemotherapy_procedure_is_alongside() -> None:
    recent = procedure("pr1", CPT_INFUSION, usedCode=[PEMBRO_RX], performedDateTime="2026-11-10")
    doc = priorauth.check(chart([recent]), as_of=AS_OF)
    assert crit(doc, "single_agent")["status"] == "not_met"
    assert "recent_immunotherapy" in {a["id"] for a in doc["advisories"]}


def test_procedure_is_in_the_treatment_history_documents() -> None:
    doc = priorauth.check(chart([procedure("pr1", SNOMED_CHEMO, note=NOTE)]), as_of=AS_OF)
    row = next(d for d in doc["documents"] if d["id"] == "treatment_history")
    assert "Procedure/pr1" in row["sources"]
