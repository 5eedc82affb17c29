"""CDS Hooks: requests built the way an EHR would (prefetch from the example charts, drafts modelled on
CRD's MedicationRequest), responses checked against the CDS Hooks 2.0 and CRD rules."""

from __future__ import annotations

import copy
import json
import uuid
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from priorauth.cds.cards import COVERAGE_INFO, SUMMARY_MAX
from priorauth.cds.discovery import PREFETCH
from priorauth.cds.http import CdsSettings, create_app
from priorauth.cds.simulate import hook_request
from priorauth.cds.trust import Trust
from tests.conftest import ROOT, SHARED

AS_OF = "2026-11-20"
LOOPBACK = ("127.0.0.1", 50000)


def chart(path: Path) -> list[dict]:
    return [e["resource"] for e in json.loads(path.read_text())["entry"]]


def charts() -> list[Path]:
    out = [ROOT / "examples/nsclc-ready.json"]
    if SHARED.exists():
        out += sorted(p for p in (SHARED / "examples").glob("e0*.json") if "e08" not in p.name)
    return out


def order_of(resources: list[dict]) -> dict:
    return next(
        r
        for r in resources
        if (r["resourceType"] == "MedicationRequest" and "otorasib" in json.dumps(r).lower())
        or (r["resourceType"] == "MedicationRequest" and "lumakras" in json.dumps(r).lower())
    )


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(
        create_app(CdsSettings(Trust({}, dev_unsigned_loopback=True), "https://pa.example.org", AS_OF)), client=LOOPBACK
    )


def test_discovery_lists_both_hooks_with_prefetch(client: TestClient) -> None:
    services = client.get("/cds-services").json()["services"]
    assert {s["hook"] for s in services} == {"order-select", "order-sign"}
    for s in services:
        assert s["id"] and s["description"] and s["prefetch"] == PREFETCH


def check_cards(response: dict) -> None:
    """The CDS Hooks 2.0 / CRD rules every response must meet."""
    for card in response["cards"]:
        uuid.UUID(card["uuid"])
        assert len(card["summary"]) < SUMMARY_MAX
        assert card["indicator"] in ("info", "warning", "critical")
        assert card["source"]["label"] and card["source"]["topic"]["code"]
        for s in card.get("suggestions", []):
            uuid.UUID(s["uuid"])
            assert s["label"] and s["actions"]
            for a in s["actions"]:
                assert a["type"] in ("create", "update", "delete") and a["description"]
        if card.get("suggestions"):
            assert card["selectionBehavior"] == "at-most-one"
        for link in card.get("links", []):
            assert link["type"] in ("absolute", "smart") and link["url"].startswith("https://")
    for action in response.get("systemActions", []):
        ext = next(e for e in action["resource"]["extension"] if e["url"] == COVERAGE_INFO)
        subs = {e["url"]: e for e in ext["extension"]}
        assert {"coverage", "covered", "pa-needed", "date", "coverage-assertion-id"} <= set(subs)
        assert subs["pa-needed"]["valueCode"] == "auth-needed"


@pytest.mark.parametrize("path", charts(), ids=lambda p: p.stem)
@pytest.mark.parametrize("service", ["priorauth-order-select", "priorauth-order-sign"])
def test_hook_on_every_example(client: TestClient, path: Path, service: str) -> None:
    resources = chart(path)
    patient = next(r["id"] for r in resources if r["resourceType"] == "Patient")
    request = hook_request(resources, service, patient, order_of(resources))
    response = client.post(f"/cds-services/{service}", json=request)
    assert response.status_code == 200, response.text
    body = response.json()
    check_cards(body)
    outlook = body["cards"][0]
    assert outlook["source"]["topic"]["code"] == "coverage-info"
    # these payers have no pack: the label's criteria applied, and the label says so, never the payer
    assert outlook["source"]["label"].startswith("FDA label and manufacturer's PA guide")
    assert "Cigna" not in outlook["source"]["label"] and "Aetna" not in outlook["source"]["label"]
    for card in body["cards"][1:]:
        assert card["source"]["label"] == "FDA label"
    assert "systemActions" not in body  # priorauth speaks for the practice: no payer coverage assertion


def test_outlook_says_what_is_missing(client: TestClient) -> None:
    resources = [r for r in chart(ROOT / "examples/nsclc-ready.json") if r.get("id") not in ("kras1", "ngsrep1")]
    request = hook_request(resources, "priorauth-order-sign", "p1", order_of(resources))
    body = client.post("/cds-services/priorauth-order-sign", json=request).json()
    outlook = body["cards"][0]
    assert "needs documentation" in outlook["summary"] and "MISSING: kras g12c" in outlook["detail"]


def test_safety_card_for_an_acid_reducer(client: TestClient) -> None:
    resources = chart(ROOT / "examples/nsclc-ready.json")  # has an active pantoprazole order
    body = client.post(
        "/cds-services/priorauth-order-sign",
        json=hook_request(resources, "priorauth-order-sign", "p1", order_of(resources)),
    ).json()
    safety = body["cards"][1]
    assert safety["indicator"] == "warning" and safety["source"]["topic"]["code"] == "contraindication"
    assert "proton-pump" in safety["summary"]


def test_crd_style_draft_with_an_rxnorm_product_code(client: TestClient) -> None:
    """A draft modelled on CRD's MedicationRequest example, naming LUMAKRAS by RxNorm product code."""
    resources = [r for r in chart(ROOT / "examples/nsclc-ready.json") if r.get("id") != "soto1"]
    draft = {
        "resourceType": "MedicationRequest",
        "id": "crd-draft",
        "status": "draft",
        "intent": "original-order",
        "medicationCodeableConcept": {
            "coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "2550725"}]
        },
        "subject": {"reference": "Patient/p1"},
        "requester": {"reference": "Practitioner/dr1"},
        "dosageInstruction": [
            {
                "text": "960 mg by mouth once daily",
                "timing": {"repeat": {"frequency": 1, "period": 1, "periodUnit": "d"}},
                "doseAndRate": [{"doseQuantity": {"value": 960, "unit": "mg"}}],
            }
        ],
    }
    body = client.post(
        "/cds-services/priorauth-order-sign", json=hook_request(resources, "priorauth-order-sign", "p1", draft)
    ).json()
    check_cards(body)
    assert "documented: prescription: LUMAKRAS 960 mg daily" in body["cards"][0]["detail"]


def test_no_kras_inhibitor_in_the_draft_means_no_cards(client: TestClient) -> None:
    resources = chart(ROOT / "examples/nsclc-ready.json")
    draft = next(r for r in resources if r.get("id") == "ppi1")
    body = client.post(
        "/cds-services/priorauth-order-select", json=hook_request(resources, "priorauth-order-select", "p1", draft)
    ).json()
    assert body == {"cards": []}


def _ready_request() -> dict:
    resources = chart(ROOT / "examples/nsclc-ready.json")
    return hook_request(resources, "priorauth-order-sign", "p1", order_of(resources))


@pytest.mark.parametrize("prefetch", [None, {}, {"patient": None}], ids=["absent", "empty", "null"])
def test_no_prefetch_and_no_way_to_read_is_412(client: TestClient, prefetch: dict | None) -> None:
    request = _ready_request()
    if prefetch is None:
        del request["prefetch"]
    else:
        request["prefetch"] = prefetch
    response = client.post("/cds-services/priorauth-order-sign", json=request)
    assert response.status_code == 412 and "prefetch" in response.json()["error"]["message"]


def _outlook(client: TestClient, request: dict) -> tuple[dict, dict]:
    response = client.post("/cds-services/priorauth-order-sign", json=request)
    assert response.status_code == 200, response.text
    body = response.json()
    check_cards(body)
    return body, body["cards"][0]


def test_partial_prefetch_claims_nothing_about_what_was_not_sent(client: TestClient) -> None:
    """Only patient and coverage sent: nothing is MISSING or NOT MET, no baseline-LFT advisory."""
    request = _ready_request()
    request["prefetch"] = {k: request["prefetch"][k] for k in ("patient", "coverage")}
    body, outlook = _outlook(client, request)
    assert "MISSING" not in outlook["detail"] and "NOT MET" not in outlook["detail"]
    assert "criteria open" not in outlook["summary"] and "not assessed" in outlook["summary"]
    assert "NOT SENT: kras g12c" in outlook["detail"] and "labs (not sent)" in outlook["detail"]
    assert "documented: adult" in outlook["detail"]  # the Patient was sent: its birth date counts
    assert all("baseline" not in c["detail"].lower() for c in body["cards"][1:])


def test_omitted_labs_do_not_make_a_missing_lft_advisory(client: TestClient) -> None:
    request = _ready_request()
    full = client.post("/cds-services/priorauth-order-sign", json=copy.deepcopy(request)).json()
    del request["prefetch"]["labs"]
    body, _ = _outlook(client, request)
    texts = " ".join(c.get("detail", "") for c in body["cards"][1:]).lower()
    assert "baseline" not in texts
    assert len(body["cards"]) >= 1 and len(full["cards"]) >= 1


def test_an_operation_outcome_prefetch_is_not_read_as_no_data(client: TestClient) -> None:
    request = _ready_request()
    request["prefetch"]["genomics"] = {
        "resourceType": "OperationOutcome",
        "issue": [{"severity": "error", "code": "timeout", "diagnostics": "genomics search timed out"}],
    }
    request["prefetch"]["reports"] = request["prefetch"]["labs"] = request["prefetch"]["documents"] = None
    _, outlook = _outlook(client, request)
    assert "MISSING: kras g12c" not in outlook["detail"] and "NOT SENT: kras g12c" in outlook["detail"]
    assert "genomics (the EHR could not fetch it)" in outlook["detail"]
    assert "genomics search timed out" in outlook["detail"]


def test_operation_outcome_entries_in_a_search_are_warnings_not_data(client: TestClient) -> None:
    request = _ready_request()
    request["prefetch"]["conditions"].setdefault("entry", []).append(
        {"resource": {"resourceType": "OperationOutcome", "issue": [{"severity": "warning", "code": "incomplete",
                                                                      "diagnostics": "2 results withheld"}]},
         "search": {"mode": "outcome"}}
    )  # fmt: skip
    _, outlook = _outlook(client, request)
    assert "2 results withheld" in outlook["detail"]
    assert "ready to submit" in outlook["summary"]


def test_a_paginated_prefetch_is_not_complete(client: TestClient) -> None:
    request = _ready_request()
    meds = request["prefetch"]["medicationRequests"]
    meds["link"] = [{"relation": "next", "url": "https://ehr.example.org/fhir/MedicationRequest?page=2"}]
    _, outlook = _outlook(client, request)
    assert "medicationRequests (only the first page was sent)" in outlook["detail"]
    # a criterion met only because nothing contrary was found is not asserted on a partial list
    assert "documented: single agent" not in outlook["detail"]


class ChartReader:
    """A stand-in for the EHR reader (the real one is tested against HAPI in tests/ehr/test_cds_read.py)."""

    def __init__(self, resources: list[dict], unread: dict[str, str] | None = None) -> None:
        self.resources, self.unread = resources, unread or {}
        self.asked: list[tuple[str, str, str]] = []

    def refusal(self, server: str, issuer: str | None) -> str | None:
        return None if server == "https://ehr.example.org/fhir" else f"fhirServer {server} is not on the allow-list"

    def read(self, server: str, token: str, patient: str, user: str | None = None):  # type: ignore[no-untyped-def]
        from priorauth.cds.ehr_read import EhrRead

        self.asked.append((server, token, patient))
        return EhrRead(copy.deepcopy(self.resources), dict(self.unread))


def _with_server(request: dict, keep: tuple[str, ...] = ("patient",)) -> dict:
    request["prefetch"] = {k: request["prefetch"][k] for k in keep}
    request["fhirServer"] = "https://ehr.example.org/fhir"
    request["fhirAuthorization"] = {"access_token": "t", "token_type": "Bearer", "scope": "patient/*.read",
                                    "expires_in": 300, "subject": "priorauth"}  # fmt: skip
    return request


def test_a_reader_completes_what_the_prefetch_lacks() -> None:
    """With fhirServer + fhirAuthorization and a reader, what the prefetch lacks is read from the EHR."""
    from priorauth.cds import hooks

    resources = chart(ROOT / "examples/nsclc-ready.json")
    reader = ChartReader(resources)
    body = hooks.handle("priorauth-order-sign", _with_server(_ready_request()), hooks.Options(AS_OF, None, reader))
    assert reader.asked == [("https://ehr.example.org/fhir", "t", "p1")]  # one read for every missing key
    outlook = body["cards"][0]
    assert "ready to submit" in outlook["summary"], outlook["detail"]
    assert "Read from the EHR's FHIR server (not in the prefetch): assessments, conditions, coverage, documents" in outlook["detail"]


def test_a_type_the_ehr_could_not_read_stays_not_sent() -> None:
    from priorauth.cds import hooks

    resources = [r for r in chart(ROOT / "examples/nsclc-ready.json") if r["resourceType"] != "Observation"]
    reader = ChartReader(resources, {"Observation": "HTTP 500"})
    body = hooks.handle("priorauth-order-sign", _with_server(_ready_request()), hooks.Options(AS_OF, None, reader))
    detail = body["cards"][0]["detail"]
    assert "labs (not sent; the EHR read failed: HTTP 500)" in detail
    assert "MISSING: kras g12c" not in detail  # no claim rests on what could not be read


def test_the_draft_order_wins_over_its_copy_on_the_server() -> None:
    from priorauth.cds import hooks

    request = _with_server(_ready_request())
    draft = request["context"]["draftOrders"]["entry"][0]["resource"]
    stale = {**copy.deepcopy(draft), "status": "cancelled"}
    body = hooks.handle("priorauth-order-sign", request, hooks.Options(AS_OF, None, ChartReader([stale])))
    assert "prescription" in body["cards"][0]["detail"] and "cancelled" not in body["cards"][0]["detail"]


def test_no_prefetch_but_a_reader_and_fhir_server_is_answered() -> None:
    from priorauth.cds import hooks

    request = _with_server(_ready_request(), keep=())
    body = hooks.handle("priorauth-order-sign", request, hooks.Options(AS_OF, None, ChartReader([])))
    detail = body["cards"][0]["detail"]  # the EHR answered, with nothing: that is data, not "not sent"
    assert "NOT SENT" not in detail and "Read from the EHR's FHIR server (not in the prefetch): assessments," in detail and "patient, prescriber" in detail


def test_a_server_off_the_allow_list_is_not_read() -> None:
    from priorauth.cds import hooks

    request = _with_server(_ready_request())
    request["fhirServer"] = "https://evil.example.com/fhir"
    reader = ChartReader(chart(ROOT / "examples/nsclc-ready.json"))
    body = hooks.handle("priorauth-order-sign", copy.deepcopy(request), hooks.Options(AS_OF, None, reader))
    assert not reader.asked
    assert "not read: fhirServer https://evil.example.com/fhir is not on the allow-list" in body["cards"][0]["detail"]
    request["prefetch"] = {}
    with pytest.raises(hooks.HookError) as err:
        hooks.handle("priorauth-order-sign", request, hooks.Options(AS_OF, None, reader))
    assert err.value.status == 412 and "allow-list" in err.value.message and not reader.asked


def test_a_payer_pack_names_the_payer_and_may_speak_for_it() -> None:
    """Only a payer whose pack applied is named in source.label; the coverage assertion is made only when
    configured to speak for that payer, with a stable id that is not re-issued."""
    from priorauth.cds import hooks

    request = _ready_request()
    for e in request["prefetch"]["coverage"]["entry"]:
        if e["resource"]["resourceType"] == "Organization":
            e["resource"]["name"] = "Western Health Advantage"
    opts = hooks.Options(AS_OF, None, None, frozenset({"wha"}))
    body = hooks.handle("priorauth-order-sign", copy.deepcopy(request), opts)
    label = body["cards"][0]["source"]["label"] if body["cards"] and body["cards"][0]["source"]["topic"]["code"] == "coverage-info" else None
    action = body["systemActions"][0]["resource"]
    ext = next(e for e in action["extension"] if e["url"] == COVERAGE_INFO)["extension"]
    first_id = next(e["valueString"] for e in ext if e["url"] == "coverage-assertion-id")
    again = hooks.handle("priorauth-order-sign", copy.deepcopy(request), opts)
    assert next(e["valueString"] for e in again["systemActions"][0]["resource"]["extension"][-1]["extension"]
                if e["url"] == "coverage-assertion-id") == first_id  # fmt: skip
    request["context"]["draftOrders"]["entry"][0]["resource"] = action  # the EHR applied the annotation
    assert "systemActions" not in hooks.handle("priorauth-order-sign", request, opts)
    if label is not None:
        assert "Western Health" in label or "wha" in label
    not_configured = hooks.handle("priorauth-order-sign", copy.deepcopy(request), hooks.Options(AS_OF))
    assert "systemActions" not in not_configured


BAD = [
    ("not JSON", b"{nope", 400),
    ("not an object", json.dumps([1, 2]).encode(), 400),
    ("wrong hook", json.dumps({"hook": "patient-view", "hookInstance": "x", "context": {}}).encode(), 400),
    (
        "no patient",
        json.dumps(
            {"hook": "order-sign", "hookInstance": "x", "context": {"draftOrders": {"resourceType": "Bundle"}}}
        ).encode(),
        400,
    ),
    (
        "no draft orders",
        json.dumps({"hook": "order-sign", "hookInstance": "x", "context": {"patientId": "p1"}}).encode(),
        400,
    ),
]


@pytest.mark.parametrize(("what", "body", "status"), BAD, ids=[b[0] for b in BAD])
def test_malformed_requests_get_a_clear_400(client: TestClient, what: str, body: bytes, status: int) -> None:
    response = client.post(
        "/cds-services/priorauth-order-sign", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == status
    assert response.json()["error"]["message"]


def test_unknown_service_is_404(client: TestClient) -> None:
    response = client.post("/cds-services/nope", json={"hook": "order-sign"})
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_accepted_suggestion_starts_a_case() -> None:
    opened: list[dict] = []
    app = create_app(
        CdsSettings(Trust({}, True), None, AS_OF), start_case=lambda ctx: opened.append(ctx) or "https://pa/cases/1"
    )
    c = TestClient(app, client=LOOPBACK)
    resources = chart(ROOT / "examples/nsclc-ready.json")
    body = c.post(
        "/cds-services/priorauth-order-sign",
        json=hook_request(resources, "priorauth-order-sign", "p1", order_of(resources)),
    ).json()
    suggestion = body["cards"][0]["suggestions"][0]["uuid"]
    fb = {
        "feedback": [
            {
                "card": body["cards"][0]["uuid"],
                "outcome": "accepted",
                "acceptedSuggestions": [{"id": suggestion}],
                "outcomeTimestamp": "2026-11-20T10:00:00Z",
            }
        ]
    }
    assert c.post("/cds-services/priorauth-order-sign/feedback", json=fb).json() == {"cases": ["https://pa/cases/1"]}
    assert opened[0]["patientId"] == "p1"
    again = c.post("/cds-services/priorauth-order-sign/feedback", json=fb).json()  # a suggestion opens one case
    assert again == {"cases": []}


def test_hook_calls_are_logged_without_patient_data(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    resources = chart(ROOT / "examples/nsclc-ready.json")
    request = hook_request(resources, "priorauth-order-sign", "p1", order_of(resources))
    with caplog.at_level("INFO", logger="priorauth.cds"):
        client.post("/cds-services/priorauth-order-sign", json=copy.deepcopy(request))
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert request["hookInstance"] in logged and "outcome=ready" in logged
    for phi in ("Testcase", "Ada", "1961-04-12", "W123456", "p1"):
        assert phi not in logged
