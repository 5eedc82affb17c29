"""The main path: upload a chart, open a case, get its determination (the shared contract), attest,
submit, record the decision; the approval makes the next case a renewal."""

from __future__ import annotations

from typing import Any

from tests.web.conftest import AS_OF, NSCLC, Practice, mark_ready, open_case, submitted, upload


def test_case_gets_the_same_determination_as_the_api(practice: Practice) -> None:
    import priorauth
    from tests.conftest import ROOT

    case = open_case(practice.coordinator)
    d = case["determination"]
    expected = priorauth.check(str(ROOT / "examples/nsclc-ready.json"), as_of=AS_OF)
    assert d["document"] == expected
    assert (d["pack_id"], d["pack_version"]) == (expected["policy"]["id"], str(expected["policy"]["version"]))
    assert case["request_type"] == expected["request_type"] == "initial"
    again = practice.prescriber.get(f"/api/v1/cases/{case['id']}/determination")
    assert again.status_code == 200 and again.json()["id"] == d["id"]


def test_upload_keeps_the_chart_as_received(practice: Practice) -> None:
    chart = upload(practice.coordinator)
    r = practice.coordinator.get(f"/api/v1/charts/{chart['id']}/content")
    assert r.status_code == 200 and r.content == NSCLC
    patient = practice.coordinator.get(f"/api/v1/patients/{chart['patient_id']}").json()
    assert patient["fhir_id"]
    # a second upload of the same patient files under the same patient
    assert upload(practice.coordinator)["patient_id"] == chart["patient_id"]


def _criterion(doc: dict[str, Any], cid: str) -> dict[str, Any]:
    return next(c for c in doc["criteria"] if c["id"] == cid)


def test_attestation_is_evidence_and_triggers_reevaluation(practice: Practice) -> None:
    case = open_case(practice.coordinator)
    r = practice.prescriber.post(
        f"/api/v1/cases/{case['id']}/attestations",
        json={"kind": "monotherapy", "text": "LUMAKRAS will be given as a single agent.", "date": AS_OF},
    )
    assert r.status_code == 201, r.text
    att = r.json()
    latest = practice.coordinator.get(f"/api/v1/cases/{case['id']}/determination").json()
    assert latest["trigger"] == "attestation" and latest["id"] != case["determination"]["id"]
    sources = [e["source"] for e in _criterion(latest["document"], "single_agent")["evidence"]]
    assert f"Attestation/{att['id']}" in sources
    # a coordinator cannot attest: a clinical statement needs the prescriber
    r = practice.coordinator.post(f"/api/v1/cases/{case['id']}/attestations", json={"kind": "monotherapy", "text": "x"})
    assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"


def test_approval_recorded_here_makes_the_next_case_a_renewal(practice: Practice) -> None:
    c = practice.coordinator
    first = open_case(c)
    mark_ready(c, first)
    r = c.post(f"/api/v1/cases/{first['id']}/submissions", json={"method": "portal", "reference": "PORTAL-1"})
    assert r.status_code == 201 and r.json()["determination_id"] == first["determination"]["id"]
    r = c.post(
        f"/api/v1/cases/{first['id']}/decisions",
        json={
            "outcome": "approved",
            "auth_number": "PA-TEST-0001",
            "period_start": "2026-06-01",
            "period_end": "2026-12-31",
            "decided_on": "2026-06-01",
        },
    )
    assert r.status_code == 201, r.text
    assert c.get(f"/api/v1/cases/{first['id']}").json()["status"] == "approved"
    second = open_case(c)
    doc = second["determination"]["document"]
    assert second["request_type"] == doc["request_type"] == "renewal"
    assert doc["prior_authorization"]["number"] == "PA-TEST-0001"
    assert doc["prior_authorization"]["source"] == f"Decision/{r.json()['id']}"


def test_incomplete_approval_and_denial_are_refused(practice: Practice) -> None:
    case = open_case(practice.coordinator)
    submitted(practice.coordinator, case)
    url = f"/api/v1/cases/{case['id']}/decisions"
    for body in ({"outcome": "approved", "auth_number": "X"}, {"outcome": "denied"}):
        r = practice.coordinator.post(url, json=body)
        assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request"


def test_changing_the_case_chart_reevaluates(practice: Practice) -> None:
    import json

    c = practice.coordinator
    case = open_case(c)
    bundle = json.loads(NSCLC)
    bundle["entry"] = [e for e in bundle["entry"] if e["resource"]["resourceType"] != "MedicationRequest"]
    newer = upload(c, json.dumps(bundle).encode())
    assert newer["patient_id"] == case["patient_id"]
    r = c.patch(f"/api/v1/cases/{case['id']}", json={"version": case["version"], "chart_id": newer["id"]})
    assert r.status_code == 200, r.text
    d = r.json()["determination"]
    assert (d["trigger"], d["chart_id"]) == ("case_changed", newer["id"])
    assert d["document"]["overall"] != case["determination"]["document"]["overall"]
    history = c.get(f"/api/v1/cases/{case['id']}/determinations").json()
    assert [h["chart_id"] for h in history] == [case["chart_id"], newer["id"]]  # snapshots are kept
    other = upload(c, json.dumps({"resourceType": "Patient", "id": "p-other", "birthDate": "1970-01-01"}).encode())
    assert other["patient_id"] != case["patient_id"]
    r = c.patch(f"/api/v1/cases/{case['id']}", json={"version": r.json()["version"], "chart_id": other["id"]})
    assert r.status_code == 409 and "another patient" in r.json()["error"]["message"]
