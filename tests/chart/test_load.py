"""Chart loading: Bundles, NDJSON, folders, references and patient selection."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import priorauth
from priorauth.chart.chart import select_patient
from priorauth.chart.load import load_path
from priorauth.errors import PriorauthError
from tests.conftest import ROOT, apply_edits, bundle, load_cases

SPEC = load_cases("default")
BASE = SPEC["base"]


def _statuses(doc: dict) -> dict[str, str]:
    return {c["id"]: c["status"] for c in doc["criteria"]}


def test_ndjson_file_and_folder_give_the_same_answer(tmp_path: Path) -> None:
    want = _statuses(priorauth.check(bundle(BASE), as_of="2026-11-20"))
    nd = tmp_path / "chart.ndjson"
    nd.write_text("\n".join(json.dumps(r) for r in BASE) + "\n")
    assert _statuses(priorauth.check(str(nd), as_of="2026-11-20")) == want
    folder = tmp_path / "export"
    folder.mkdir()
    by_type: dict[str, list[dict]] = {}
    for r in BASE:
        by_type.setdefault(r["resourceType"], []).append(r)
    for t, rs in by_type.items():
        (folder / f"{t}.000.ndjson").write_text("\n".join(json.dumps(r) for r in rs) + "\n")
    (folder / "README.txt").write_text("not a chart file")
    assert _statuses(priorauth.check(str(folder), as_of="2026-11-20")) == want


def test_urn_uuid_references_and_entries_without_ids(tmp_path: Path) -> None:
    """Transaction bundles reference by fullUrl; evidence then cites Type/id, or the fullUrl when no id."""
    entries = []
    for i, r in enumerate(BASE):
        r = dict(r)
        if r["resourceType"] != "Patient" and r["resourceType"] != "Practitioner":
            r.pop("id")
        entries.append({"fullUrl": f"urn:uuid:00000000-0000-4000-8000-{i:012d}", "resource": r})
    patient_url = entries[0]["fullUrl"]
    text = json.dumps({"resourceType": "Bundle", "type": "transaction", "entry": entries})
    text = text.replace('"Patient/p1"', json.dumps(patient_url))
    path = tmp_path / "tx.json"
    path.write_text(text)
    doc = priorauth.check(str(path), as_of="2026-11-20")
    kras = next(c for c in doc["criteria"] if c["id"] == "kras_g12c")
    assert kras["status"] == "met"
    assert kras["evidence"][0]["source"].startswith("urn:uuid:")


def test_other_patients_records_are_not_read() -> None:
    other = {"resourceType": "Patient", "id": "p2", "birthDate": "1950-01-01"}
    rx = {
        "resourceType": "MedicationRequest",
        "id": "x",
        "status": "active",
        "subject": {"reference": "Patient/p2"},
        "medicationCodeableConcept": {"text": "pantoprazole"},
    }
    doc = priorauth.check(bundle([*BASE, other, rx]), as_of="2026-11-20", patient="p1")
    assert "acid_reducer" not in {a["id"] for a in doc["advisories"]}


def test_patient_selected_by_identifier() -> None:
    resources = apply_edits(BASE, {"name": "mrn", "patch": {"Patient/p1": {"identifier": [{"value": "MRN-7"}]}}})
    loaded = load_path(ROOT / "examples/nsclc-ready.json")
    assert select_patient(loaded, "Patient/p1").patient.id == "p1"
    assert priorauth.check(bundle(resources), as_of="2026-11-20", patient="MRN-7")["patient"]["id"] == "p1"


def test_unreadable_lines_become_warnings(tmp_path: Path) -> None:
    nd = tmp_path / "chart.ndjson"
    nd.write_text("\n".join(json.dumps(r) for r in BASE) + "\n{broken\n" + json.dumps({"foo": 1}) + "\n")
    doc = priorauth.check(str(nd), as_of="2026-11-20")
    assert doc["overall"] == "ready"
    assert len(doc["warnings"]) == 2


def test_clinical_drug_codes_and_dotless_icd() -> None:
    resources = apply_edits(
        BASE,
        {
            "name": "real-world codes",
            "patch": {
                "MedicationAdministration/carbo1": {
                    "medicationCodeableConcept": {
                        "coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "1736854"}]
                    }
                }
            },
        },
    )
    doc = priorauth.check(bundle(resources), as_of="2026-11-20")
    prior = next(c for c in doc["criteria"] if c["id"] == "prior_systemic_therapy")
    assert "cisplatin" in prior["summary"]
    assert doc["codes"]["icd10_primary"] == ["C34.11"]  # written C3411 in the chart


def test_code_wins_over_a_disagreeing_display() -> None:
    resources = apply_edits(
        BASE,
        {
            "name": "x",
            "patch": {
                "MedicationAdministration/carbo1": {
                    "medicationCodeableConcept": {
                        "coding": [
                            {
                                "system": "http://www.nlm.nih.gov/research/umls/rxnorm",
                                "code": "40048",
                                "display": "pembrolizumab",
                            }
                        ]
                    }
                }
            },
        },
    )
    doc = priorauth.check(bundle(resources), as_of="2026-11-20")
    prior = next(c for c in doc["criteria"] if c["id"] == "prior_systemic_therapy")
    assert "carboplatin" in prior["summary"]


def test_in_memory_input_without_resources_is_our_error() -> None:
    with pytest.raises(PriorauthError) as exc:
        priorauth.check({"hello": "world"})
    assert exc.value.code == "not_fhir"
