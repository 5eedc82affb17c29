"""Session fixtures: one HAPI FHIR server loaded once with the shared examples, the Synthea bundles and a
generated chart of 1,200+ Observations; one SMART authorization server in front of it; the 13-patient
Synthea Bulk export loaded into that server once (``bulk_hapi``) for every test that exports it."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SHARED
from tests.ehr.servers import AuthServer, FaultProxy, Hapi, start_auth

EXAMPLES = [f"e0{i}" for i in range(1, 8)]
AS_OF = "2026-11-20"
MANY = "many-obs"  # e01's chart plus 1,200 routine lab Observations
EXTRA_OBSERVATIONS = 1200
BULK = SHARED / "data" / "synthea-bulk-10"
GROUP = "bulk-13"  # the Group of BULK's 13 patients
BENCH_GROUP = "bench-synthea-13"  # the same patients under the id bench/bench_bulk.py looks for before loading


def comparable(doc: dict[str, Any]) -> dict[str, Any]:
    """A determination without its warnings (a file and a server warn about different things)."""
    return {k: v for k, v in doc.items() if k != "warnings"}


def example_file(name: str) -> Path:
    found = sorted((SHARED / "examples").glob(f"{name}_*.json"))
    if not found:
        pytest.skip(f"../shared/examples/{name}_*.json is not available")
    return found[0]


def synthea_files() -> list[Path]:
    folder = SHARED / "data" / "synthea-nsclc-bundles"
    if not folder.exists():
        pytest.skip("../shared/data/synthea-nsclc-bundles is not available")
    return sorted(folder.glob("*.json"))


def synthea_patient(path: Path) -> str:
    bundle = json.loads(path.read_text())
    return next(e["resource"]["id"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient")


def many_observations_chart(tmp: Path) -> Path:
    """e01 re-identified as ``many-obs`` with 1,200 extra hemoglobin results: many pages on any server."""
    bundle = json.loads(example_file("e01").read_text())
    text = json.dumps(bundle).replace("Patient/e01", f"Patient/{MANY}").replace("-e01-", "-many-")
    bundle = json.loads(text)
    for e in bundle["entry"]:
        if e["resource"]["resourceType"] == "Patient":
            e["resource"]["id"] = MANY
        e.pop("fullUrl", None)
    lab: dict[str, Any] = {
        "resourceType": "Observation",
        "status": "final",
        "category": [
            {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "laboratory"}]}
        ],
        "code": {"coding": [{"system": "http://loinc.org", "code": "718-7", "display": "Hemoglobin"}]},
        "subject": {"reference": f"Patient/{MANY}"},
        "valueQuantity": {"value": 12.5, "unit": "g/dL", "system": "http://unitsofmeasure.org", "code": "g/dL"},
    }
    for i in range(EXTRA_OBSERVATIONS):
        obs = copy.deepcopy(lab)
        obs["id"] = f"hgb-many-{i}"
        obs["effectiveDateTime"] = f"20{20 + i // 365 % 6:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        bundle["entry"].append({"resource": obs})
    out = tmp / "many-obs.json"
    out.write_text(json.dumps(bundle))
    return out


@pytest.fixture(scope="session")
def hapi(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hapi]:
    server = Hapi()
    try:
        tmp = tmp_path_factory.mktemp("hapi-data")
        server.load(*[example_file(n) for n in EXAMPLES], *synthea_files(), many_observations_chart(tmp))
        yield server
    finally:
        server.stop()


def bulk_patients(folder: Path) -> list[str]:
    lines = (folder / "Patient.000.ndjson").read_text().splitlines()
    return sorted(json.loads(line)["id"] for line in lines if line.strip())


@pytest.fixture(scope="session")
def bulk_hapi(hapi: Hapi) -> Hapi:
    """HAPI with the 13-patient Synthea export loaded (once a session: loading it takes most of a minute), and
    Groups of exactly those patients (``GROUP``, ``BENCH_GROUP``). Tests only read it: each export is its own."""
    if not BULK.exists():
        pytest.skip("../shared/data/synthea-bulk-10 is not available")
    hapi.load(BULK, groups=(GROUP, BENCH_GROUP))
    return hapi


@pytest.fixture(scope="session")
def auth(hapi: Hapi, tmp_path_factory: pytest.TempPathFactory) -> Iterator[AuthServer]:
    server = start_auth(hapi.base, tmp_path_factory.mktemp("smart"))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def proxy(hapi: Hapi) -> Iterator[FaultProxy]:
    p = FaultProxy(hapi.base)
    try:
        yield p
    finally:
        p.close()
