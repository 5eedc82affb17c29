"""scripts/fhir-test-server load: NDJSON exports (Organization, Location, Practitioner first; conditional
references resolved to Type/id) and Bundles of any type as id-keeping transactions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx

from tests.conftest import shared_path

PATIENT = "129c6ac7-8d06-89de-ad63-0204a93e76c3"  # the NSCLC patient of synthea-bulk-10


def lines(path: Path, keep: Any) -> list[str]:
    return [line for line in path.read_text().splitlines() if line.strip() and keep(json.loads(line))]


def test_ndjson_export_loads_with_conditional_references_resolved(hapi: Any, tmp_path: Path) -> None:
    bulk = shared_path("data", "synthea-bulk-10")
    orders = lines(bulk / "MedicationRequest.000.ndjson", lambda r: r["subject"]["reference"] == f"Patient/{PATIENT}")[
        :20
    ]
    wanted = {json.loads(o)["requester"]["reference"] for o in orders}
    assert all("?identifier=" in w for w in wanted)  # the export's own conditional references
    folder = tmp_path / "export"
    folder.mkdir()
    # written in the "wrong" order on purpose: orders before the practitioners they name
    (folder / "MedicationRequest.000.ndjson").write_text("\n".join(orders) + "\n")
    (folder / "Patient.000.ndjson").write_text(
        "\n".join(lines(bulk / "Patient.000.ndjson", lambda r: r["id"] == PATIENT)) + "\n"
    )
    for name in ("Practitioner", "Organization", "Location"):
        (folder / f"{name}.000.ndjson").write_text((bulk / f"{name}.000.ndjson").read_text())
    hapi.load(folder, groups=("loader-group",))
    group = httpx.get(f"{hapi.base}/Group/loader-group", timeout=60).json()  # --group: a Group of the Patients loaded
    assert [m["entity"]["reference"] for m in group["member"]] == [f"Patient/{PATIENT}"]
    got = httpx.get(f"{hapi.base}/MedicationRequest", params={"patient": PATIENT, "_count": "50"}, timeout=120).json()
    refs = {e["resource"]["requester"]["reference"] for e in got["entry"]}
    assert len(got["entry"]) >= len(orders)
    assert refs and all(r.startswith("Practitioner/") and "?" not in r for r in refs)
    npi = {w.split("|")[1] for w in wanted}
    practitioners = [httpx.get(f"{hapi.base}/{r}", timeout=60).json() for r in refs]
    assert {i["value"] for p in practitioners for i in p["identifier"]} & npi


def test_bundle_ids_are_kept(hapi: Any) -> None:
    """The session loaded e03 (a collection Bundle): its resources are on the server under their own ids."""
    for ref in ("Patient/e03", "Claim/claim-e03-19", "Organization/org-e03-1", "Practitioner/pract-e03-3"):
        resp = httpx.get(f"{hapi.base}/{ref}", timeout=60)
        assert resp.status_code == 200, ref
        assert f"{resp.json()['resourceType']}/{resp.json()['id']}" == ref
