"""The service wires the CDS hooks' EHR reader from its settings: the allow-list refuses other servers
(412 without a prefetch), and an allowed server that cannot be reached is one line on the card."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient

from priorauth.cds.simulate import hook_request
from priorauth.web import Settings, create_app
from priorauth.web.app import close
from tests.conftest import ROOT

RESOURCES = [e["resource"] for e in json.loads((ROOT / "examples/nsclc-ready.json").read_text())["entry"]]
DRAFT = next(r for r in RESOURCES if r.get("id") == "soto1")
ALLOWED = "https://ehr.invalid/fhir"  # RFC 6761: .invalid never resolves


def test_the_service_reads_only_allowed_fhir_servers(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 's.db'}", evaluation_workers=0, cds_dev_unsigned=True,
                        cds_fhir_servers=json.dumps({"(unsigned)": [ALLOWED]}), cds_fhir_timeout_seconds=5)  # fmt: skip
    app = create_app(settings)
    try:
        ehr = TestClient(app, client=("127.0.0.1", 1))
        request = hook_request(RESOURCES, "priorauth-order-sign", "p1", DRAFT, "Practitioner/dr1")
        request["fhirAuthorization"] = {"access_token": "t", "token_type": "Bearer"}
        request["fhirServer"] = "https://ehr.example.org/fhir"
        bare = {**request, "prefetch": {}}
        refused = ehr.post("/cds-services/priorauth-order-sign", json=bare)
        assert refused.status_code == 412 and "not on the allow-list" in refused.json()["error"]["message"]
        partial = {**request, "fhirServer": ALLOWED, "prefetch": {"patient": request["prefetch"]["patient"]}}
        answer = ehr.post("/cds-services/priorauth-order-sign", json=partial)
        assert answer.status_code == 200, answer.text
        assert "(fhirServer) was not read: cannot reach the FHIR server" in answer.json()["cards"][0]["detail"]
    finally:
        close(app)
