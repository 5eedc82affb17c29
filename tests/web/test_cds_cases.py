"""An accepted "Start the prior authorization case" suggestion opens the case in the workspace: the chart
the EHR sent is filed under its patient and evaluated, as the configured integration token."""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

from priorauth.cds.http import CdsSettings
from priorauth.cds.http import router as cds_router
from priorauth.cds.simulate import hook_request
from priorauth.cds.trust import Trust
from priorauth.web.cds_cases import starter
from tests.conftest import ROOT
from tests.web.conftest import Practice

RESOURCES = [e["resource"] for e in json.loads((ROOT / "examples/nsclc-ready.json").read_text())["entry"]]
DRAFT = next(r for r in RESOURCES if r.get("id") == "soto1")


def ehr_client(app: Any, token_id: str | None) -> TestClient:
    cds = FastAPI()
    cds.include_router(
        cds_router(CdsSettings(Trust({}, True), None, "2026-11-20"), starter(app, token_id, "https://pa.example.org"))
    )
    return TestClient(cds, client=("127.0.0.1", 1))


def accept(ehr: TestClient) -> dict:
    request = hook_request(RESOURCES, "priorauth-order-sign", "p1", DRAFT, "Practitioner/dr1")
    body = ehr.post("/cds-services/priorauth-order-sign", json=request).json()
    card = body["cards"][0]
    fb = {
        "feedback": [
            {
                "card": card["uuid"],
                "outcome": "accepted",
                "acceptedSuggestions": [{"id": card["suggestions"][0]["uuid"]}],
                "outcomeTimestamp": "2026-11-20T10:00:00Z",
            }
        ]
    }
    return ehr.post("/cds-services/priorauth-order-sign/feedback", json=fb).json()


def test_accepted_suggestion_opens_an_evaluated_case(app: Any, practice: Practice) -> None:
    token = practice.admin.post("/api/v1/tokens", json={"name": "ehr", "role": "coordinator"}).json()
    opened = accept(ehr_client(app, token["id"]))
    assert len(opened["cases"]) == 1 and opened["cases"][0].startswith("https://pa.example.org/cases/")
    case_id = opened["cases"][0].rsplit("/", 1)[1]
    case = practice.admin.get(f"/api/v1/cases/{case_id}").json()
    assert case["drug"] == "sotorasib"
    determination = practice.admin.get(f"/api/v1/cases/{case_id}/determination").json()
    assert determination["overall"] == "ready"
    audit = practice.admin.get("/api/v1/audit").json()
    assert any(
        e["actor"] == token["id"] and e["resource"] == "case"
        for e in (audit if isinstance(audit, list) else audit["events"])
    )


def test_without_a_configured_token_no_case_is_opened(app: Any, practice: Practice) -> None:
    assert accept(ehr_client(app, None)) == {"cases": []}
    assert practice.admin.get("/api/v1/cases").json() == []


def test_a_revoked_token_opens_nothing(app: Any, practice: Practice) -> None:
    token = practice.admin.post("/api/v1/tokens", json={"name": "ehr", "role": "coordinator"}).json()
    practice.admin.delete(f"/api/v1/tokens/{token['id']}")
    assert accept(ehr_client(app, token["id"])) == {"cases": []}
