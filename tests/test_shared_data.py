"""Real charts nobody here wrote (../shared/data) and the shared examples; skipped when ../shared is absent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import priorauth
from tests.conftest import SHARED, shared_path

AS_OF = "2026-11-20"
SYNTHEA = sorted((SHARED / "data/synthea-nsclc-bundles").glob("*.json")) if SHARED.exists() else []
BULK_NSCLC = "129c6ac7-8d06-89de-ad63-0204a93e76c3"

STAGE_I_EXPECT = {
    "nsclc_diagnosis": "review",  # SNOMED NSCLC, no billable ICD-10-CM C34 code
    "advanced_disease": "not_met",  # stage I only
    "kras_g12c": "insufficient",  # no KRAS result
    "prior_systemic_therapy": "review",  # cisplatin/paclitaxel, but for stage I disease
    "prescription": "insufficient",  # no sotorasib order
}


@pytest.mark.parametrize("path", SYNTHEA, ids=[p.name[:20] for p in SYNTHEA])
def test_synthea_stage_i_bundles(path: Path) -> None:
    doc = priorauth.check(str(path), as_of=AS_OF)
    got = {c["id"]: c["status"] for c in doc["criteria"]}
    assert {k: got[k] for k in STAGE_I_EXPECT} == STAGE_I_EXPECT
    assert doc["overall"] == "criteria_not_met" and doc["indication"] == "nsclc"
    prior = next(c for c in doc["criteria"] if c["id"] == "prior_systemic_therapy")
    assert "cisplatin" in prior["summary"] and "paclitaxel" in prior["summary"]
    assert "patient_deceased" in {a["id"] for a in doc["advisories"]}


def test_synthea_bulk_export_folder() -> None:
    folder = shared_path("data", "synthea-bulk-10")
    with pytest.raises(priorauth.PriorauthError) as exc:
        priorauth.check(str(folder), as_of=AS_OF)
    assert exc.value.code == "several_patients" and BULK_NSCLC in exc.value.message
    doc = priorauth.check(str(folder), as_of=AS_OF, patient=BULK_NSCLC)
    got = {c["id"]: c["status"] for c in doc["criteria"]}
    assert {k: got[k] for k in STAGE_I_EXPECT} == STAGE_I_EXPECT
    assert any("log.ndjson" in w for w in doc["warnings"])  # the export's log is skipped, and said so


def test_every_bulk_patient_evaluates() -> None:
    folder = shared_path("data", "synthea-bulk-10")
    ids = [json.loads(line)["id"] for line in (folder / "Patient.000.ndjson").read_text().splitlines() if line.strip()]
    for pid in ids:
        doc = priorauth.check(str(folder), as_of=AS_OF, patient=pid)
        assert doc["patient"]["id"] == pid


def _schema():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(shared_path("spec", "determination.schema.json").read_text())
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _charts() -> list[Path]:
    root = Path(__file__).resolve().parents[1]
    charts = [root / "examples/nsclc-ready.json", *SYNTHEA]
    if SHARED.exists():
        charts += sorted(p for p in (SHARED / "examples").glob("e0*.json") if "e08" not in p.name)
    return charts


@pytest.mark.parametrize("path", _charts(), ids=lambda p: p.name[:24])
def test_output_validates_against_the_contract_schema(path: Path) -> None:
    doc = json.loads(json.dumps(priorauth.check(str(path), as_of=AS_OF)))
    errors = sorted(_schema().iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:3]]


def test_pack_cases_validate_against_the_schema() -> None:
    from priorauth.policy import registry
    from tests.conftest import PACKS, case_chart, load_cases

    validator = _schema()
    for drug in registry.drugs():
        for pid in registry.pack_ids(drug):
            if not (PACKS / drug / f"{pid}.cases.yaml").is_file():
                continue
            spec = load_cases(pid, drug)
            for case in spec["cases"]:
                doc = priorauth.check(case_chart(spec, case), as_of=spec["as_of"], payer=pid, drug=drug)
                assert not list(validator.iter_errors(doc)), f"{drug}/{pid}: {case['name']}"
