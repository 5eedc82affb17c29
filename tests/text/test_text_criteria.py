"""Text facts feed the same criteria as coded facts; disagreements are `review`; a negated,
hypothetical or family mention never makes a criterion met (table-driven)."""

from __future__ import annotations

import json

import pytest

import priorauth
from tests.conftest import ROOT, apply_edits, bundle, load_cases

SPEC = load_cases("default")


def note(rid: str, text: str, date: str = "2025-03-01") -> dict:
    return {
        "resourceType": "DiagnosticReport",
        "id": rid,
        "status": "final",
        "subject": {"reference": "Patient/p1"},
        "code": {"text": "Oncology note"},
        "effectiveDateTime": date,
        "conclusion": text,
    }


NO_KRAS = ["Observation/kras1"]
NO_THERAPY = ["MedicationAdministration/carbo1", "MedicationAdministration/pem1", "MedicationRequest/pembro1"]

CASES = [
    # (name, removed, added notes, {criterion: status})
    ("G12C in a note meets", NO_KRAS, [note("n1", "FFPE tissue NGS: KRAS G12C detected.")], {"kras_g12c": "met"}),
    (
        "G12C not detected in a note is not met",
        NO_KRAS,
        [note("n1", "Tissue NGS: KRAS G12C not detected.")],
        {"kras_g12c": "not_met"},
    ),
    (
        "hypothetical G12C never meets",
        NO_KRAS,
        [note("n1", "If KRAS G12C positive, would consider sotorasib.")],
        {"kras_g12c": "insufficient"},
    ),
    ("pending G12C never meets", NO_KRAS, [note("n1", "KRAS G12C testing pending.")], {"kras_g12c": "insufficient"}),
    (
        "family G12C never meets",
        NO_KRAS,
        [note("n1", "Her brother's tumor carried KRAS G12C.")],
        {"kras_g12c": "insufficient"},
    ),
    (
        "note disagrees with coded tissue result",
        [],
        [note("n1", "Tissue biopsy NGS: KRAS wild-type.")],
        {"kras_g12c": "review"},
    ),
    (
        "plasma negative in a note beside coded tissue positive",
        [],
        [note("n1", "Plasma ctDNA: KRAS G12C not detected.")],
        {"kras_g12c": "met"},
    ),
    (
        "therapy in a note",
        NO_THERAPY,
        [note("n1", "Received carbo/pem/pembro x4 for metastatic disease, then PD.")],
        {"prior_systemic_therapy": "met", "disease_progression": "met"},
    ),
    (
        "planned therapy is not therapy",
        NO_THERAPY,
        [note("n1", "Plan: start carboplatin/pemetrexed next week.")],
        {"prior_systemic_therapy": "insufficient"},
    ),
    (
        "negated therapy is not therapy",
        NO_THERAPY,
        [note("n1", "Patient declined docetaxel.")],
        {"prior_systemic_therapy": "insufficient"},
    ),
    (
        "treatment-naive stated",
        NO_THERAPY,
        [note("n1", "Treatment-naive; no prior systemic therapy.")],
        {"prior_systemic_therapy": "not_met"},
    ),
    (
        "treatment-naive stated but therapy coded",
        [],
        [note("n1", "Treatment-naive.")],
        {"prior_systemic_therapy": "review"},
    ),
    (
        "adjuvant-only therapy in a note",
        NO_THERAPY,
        [note("n1", "Adjuvant cisplatin/pemetrexed after lobectomy, completed 2024.")],
        {"prior_systemic_therapy": "review"},
    ),
    (
        "small cell in a note against coded NSCLC",
        [],
        [note("n1", "Biopsy of the RUL: small cell lung carcinoma.")],
        {"nsclc_diagnosis": "review"},
    ),
    (
        "metastatic stated in a note",
        ["Condition/met1"],
        [note("n1", "Metastatic lung adenocarcinoma with liver metastases.")],
        {"advanced_disease": "met"},
    ),
]
STAGE_II = {"Condition/dx1": {"stage": [{"summary": {"text": "Stage IIA"}}]}}


@pytest.mark.parametrize(("name", "remove", "notes", "expect"), CASES, ids=[c[0] for c in CASES])
def test_text_into_criteria(name: str, remove: list[str], notes: list[dict], expect: dict[str, str]) -> None:
    resources = apply_edits(SPEC["base"], {"name": name, "remove": remove, "add": notes})
    doc = priorauth.check(bundle(resources), as_of="2026-11-20")
    got = {c["id"]: c for c in doc["criteria"]}
    for cid, want in expect.items():
        assert got[cid]["status"] == want, (cid, got[cid]["summary"])
        if want in ("met", "not_met", "review"):
            assert got[cid]["evidence"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Restaging CT: new liver lesions, indeterminate.", "review"),
        ("No evidence of metastatic disease.", "not_met"),
        ("Restaging: new liver metastases.", "met"),
    ],
)
def test_spread_hints_against_early_stage(text: str, want: str) -> None:
    resources = apply_edits(
        SPEC["base"],
        {"name": "stage II", "remove": ["Condition/met1"], "patch": STAGE_II, "add": [note("n1", text, "2026-06-01")]},
    )
    doc = priorauth.check(bundle(resources), as_of="2026-11-20")
    assert next(c for c in doc["criteria"] if c["id"] == "advanced_disease")["status"] == want


def test_text_evidence_cites_an_exact_span() -> None:
    resources = apply_edits(
        SPEC["base"], {"name": "x", "remove": NO_KRAS, "add": [note("n1", "Header. Tissue: KRAS G12C detected.")]}
    )
    ev = next(c for c in priorauth.check(bundle(resources), as_of="2026-11-20")["criteria"] if c["id"] == "kras_g12c")[
        "evidence"
    ][0]
    assert ev["source"] == "DiagnosticReport/n1#char=8,35" and ev["text"] == "Tissue: KRAS G12C detected."


MCRC = json.loads((ROOT / "examples/mcrc-ready.json").read_text())["entry"]


@pytest.mark.parametrize(
    ("remove", "text", "want"),
    [
        (("folfox1", "folfiri1"), "New diagnosis; no prior chemotherapy.", "not_met"),
        ((), "Chemotherapy-naive.", "review"),
        ((), "Tolerating FOLFIRI well.", "met"),
    ],
)
def test_crc_chemotherapy_stated_in_text(remove: tuple[str, ...], text: str, want: str) -> None:
    resources = [e["resource"] for e in MCRC if e["resource"].get("id") not in remove]
    resources.append({**note("n1", text), "subject": {"reference": "Patient/p1"}})
    doc = priorauth.check(bundle(resources), as_of="2026-11-20")
    assert doc["indication"] == "mcrc"
    assert next(c for c in doc["criteria"] if c["id"] == "prior_crc_chemotherapy")["status"] == want
