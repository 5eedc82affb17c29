"""An audit event for every view or change of patient data (who, what, when), queryable and exportable
as CSV by admins; the events name ids, never patient data."""

from __future__ import annotations

import csv
import io
from typing import Any

from tests.web.conftest import AS_OF, Practice, open_case


def _events(p: Practice, **params: str) -> list[dict[str, Any]]:
    r = p.admin.get("/api/v1/audit", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_every_view_and_change_of_patient_data_is_audited(practice: Practice) -> None:
    c = practice.coordinator
    case = open_case(c)
    cid, pid = case["id"], case["patient_id"]
    calls = [
        (lambda: c.get(f"/api/v1/patients/{pid}"), ("view", "patient")),
        (lambda: c.get("/api/v1/patients"), ("view", "patient")),
        (lambda: c.get(f"/api/v1/charts/{case['chart_id']}"), ("view", "chart")),
        (lambda: c.get(f"/api/v1/charts/{case['chart_id']}/content"), ("download", "chart")),
        (lambda: c.get("/api/v1/charts"), ("view", "chart")),
        (lambda: c.get(f"/api/v1/cases/{cid}"), ("view", "case")),
        (lambda: c.get("/api/v1/cases"), ("view", "case")),
        (lambda: c.get(f"/api/v1/cases/{cid}/determination"), ("view", "determination")),
        (lambda: c.get(f"/api/v1/cases/{cid}/determinations"), ("view", "determination")),
        (lambda: c.get(f"/api/v1/determinations/{case['determination']['id']}"), ("view", "determination")),
        (lambda: c.post(f"/api/v1/cases/{cid}/determinations", json={}), ("evaluate", "determination")),
        (lambda: c.patch(f"/api/v1/cases/{cid}", json={"version": _version(c, cid), "note": "n", "status": "ready"}), ("update", "case")),
        (
            lambda: practice.prescriber.post(
                f"/api/v1/cases/{cid}/attestations", json={"kind": "medical_reason", "text": "t", "date": AS_OF}
            ),
            ("create", "attestation"),
        ),
        (lambda: c.get(f"/api/v1/cases/{cid}/attestations"), ("view", "attestation")),
        (lambda: c.post(f"/api/v1/cases/{cid}/submissions", json={"method": "fax"}), ("create", "submission")),
        (lambda: c.get(f"/api/v1/cases/{cid}/submissions"), ("view", "submission")),
        (lambda: c.post(f"/api/v1/cases/{cid}/decisions", json={"outcome": "pended"}), ("create", "decision")),
        (lambda: c.get(f"/api/v1/cases/{cid}/decisions"), ("view", "decision")),
    ]
    for call, (action, resource) in calls:
        before = len(_events(practice, patient_id=pid))
        r = call()
        assert r.status_code in (200, 201), r.text
        new = _events(practice, patient_id=pid)[before:]
        assert any(e["action"] == action and e["resource"] == resource for e in new), (action, resource, new)
        assert all(e["patient_id"] == pid and e["actor"] and e["at"] for e in new)
    creates = {e["resource"] for e in _events(practice, patient_id=pid, action="create")}
    assert creates >= {"patient", "chart", "case", "attestation", "submission", "decision"}


def _version(c: Any, cid: str) -> int:
    return c.get(f"/api/v1/cases/{cid}").json()["version"]


def test_audit_filters_and_csv_export(practice: Practice) -> None:
    case = open_case(practice.coordinator)
    views = _events(practice, action="view", resource="case")
    practice.prescriber.get(f"/api/v1/cases/{case['id']}")
    after = _events(practice, action="view", resource="case")
    assert len(after) == len(views) + 1 and after[-1]["actor_kind"] == "user"
    r = practice.admin.get("/api/v1/audit.csv", params={"patient_id": case["patient_id"]})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows and {row["patient_id"] for row in rows} == {case["patient_id"]}
    assert list(rows[0]) == [
        "id",
        "at",
        "actor_kind",
        "actor",
        "action",
        "resource",
        "resource_id",
        "patient_id",
        "detail",
    ]
    # the events hold ids, never what the chart says
    everything = practice.admin.get("/api/v1/audit.csv").text
    patient = practice.admin.get(f"/api/v1/patients/{case['patient_id']}").json()
    for secret in (patient["name"], patient["birth_date"], patient["fhir_id"]):
        assert secret and secret not in everything
    assert practice.admin.get("/api/v1/audit", params={"since": "not a time"}).status_code == 422
