"""CDS Hooks reading what the prefetch lacks from a real FHIR server (HAPI, loaded once per session) with
the hook's fhirServer + fhirAuthorization: the same answer as a full prefetch, behind the SMART
authorization server with a real token, and the SSRF refusals (a server off the allow-list, a redirect to
another host), the time budget and an unreachable EHR, each said on the card or as 412, never a traceback."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from priorauth.cds.ehr_read import UNSIGNED, EhrReader
from priorauth.cds.http import CdsSettings, create_app
from priorauth.cds.simulate import hook_request
from priorauth.cds.trust import Trust
from priorauth.ehr import BackendServicesConfig
from priorauth.ehr.auth import BackendServices
from tests.ehr.conftest import AS_OF, EXAMPLES, example_file
from tests.ehr.servers import FaultProxy, Rule, free_port

SERVICE = "/cds-services/priorauth-order-sign"
LOOPBACK = ("127.0.0.1", 50000)
TOKEN = {"access_token": "unused-by-hapi", "token_type": "Bearer", "scope": "patient/*.rs", "expires_in": 300}


def app(*servers: str, timeout_s: float = 120) -> TestClient:
    """The CDS service with unsigned loopback calls allowed to name ``servers`` (http on loopback: tests).
    The budget is generous by default: HAPI answers slowly on a crowded machine."""
    reader = EhrReader({UNSIGNED: list(servers)}, http_loopback=True, timeout_s=timeout_s)
    settings = CdsSettings(Trust({}, dev_unsigned_loopback=True), None, AS_OF, reader=reader)
    return TestClient(create_app(settings), client=LOOPBACK)


def request_for(name: str, server: str | None, keep: tuple[str, ...] | None = (), token: dict | None = None) -> dict:
    """e0N's order-sign call as an EHR makes it; ``keep``: the prefetch keys sent (None: all of them)."""
    resources = [e["resource"] for e in json.loads(example_file(name).read_text())["entry"]]
    patient = next(r["id"] for r in resources if r["resourceType"] == "Patient")
    order = next(
        r for r in resources
        if r["resourceType"] == "MedicationRequest" and r.get("status") == "active"
        and any(w in json.dumps(r).lower() for w in ("sotorasib", "lumakras", "adagrasib", "krazati"))
    )  # fmt: skip
    user = (order.get("requester") or {}).get("reference")
    request = hook_request(resources, "priorauth-order-sign", patient, order, user)
    if keep is not None:
        request["prefetch"] = {k: v for k, v in request["prefetch"].items() if k in keep}
    request.pop("fhirServer", None)
    if server is not None:
        request["fhirServer"] = server
        request["fhirAuthorization"] = token or TOKEN
    return request


def outlook(client: TestClient, request: dict) -> dict:
    response = client.post(SERVICE, json=request)
    assert response.status_code == 200, response.text
    return response.json()["cards"][0]


def marks(card: dict) -> list[str]:
    """Each criterion's mark and name ("documented: adult"), the card's verdict on the chart."""
    return [": ".join(line[2:].split(": ")[:2]) for line in card["detail"].splitlines() if line.startswith("- ")]


@pytest.mark.parametrize("name", EXAMPLES)
def test_no_prefetch_reads_the_chart_from_the_ehr(hapi: Any, name: str) -> None:
    """fhirServer and no prefetch: the card says what a full prefetch says."""
    client = app(hapi.base)
    full = outlook(client, request_for(name, None, keep=None))
    read = outlook(client, request_for(name, hapi.base))
    assert "NOT SENT" not in read["detail"] and "Read from the EHR's FHIR server" in read["detail"], read["detail"]
    assert marks(full) and marks(read) == marks(full)
    assert read["summary"] == full["summary"]


def test_a_partial_prefetch_is_completed_from_the_ehr(hapi: Any) -> None:
    client = app(hapi.base)
    card = outlook(client, request_for("e01", hapi.base, keep=("patient", "coverage", "conditions")))
    assert "(not in the prefetch): assessments, documents, genomics, labs, medicationAdministrations" in card["detail"]
    assert marks(card) == marks(outlook(client, request_for("e01", None, keep=None)))


def test_behind_the_authorization_server_with_a_real_token(auth: Any) -> None:
    cfg = BackendServicesConfig("priorauth-es384", str(auth.keys["priorauth-es384"]), auth.token_url)
    header = BackendServices(cfg, auth.fhir).header() or ""
    token = {**TOKEN, "access_token": header.removeprefix("Bearer ")}
    client = app(auth.fhir)
    card = outlook(client, request_for("e01", auth.fhir, token=token))
    assert "NOT SENT" not in card["detail"] and "ready to submit" in card["summary"], card["detail"]
    refused = outlook(client, request_for("e01", auth.fhir, keep=("patient",), token={**TOKEN, "access_token": "forged"}))
    assert "(fhirServer) was not read:" in refused["detail"] and "refused" in refused["detail"], refused["detail"]
    assert "NOT SENT" in refused["detail"] and "MISSING" not in refused["detail"]


def test_a_server_off_the_allow_list_is_never_asked(hapi: Any, proxy: FaultProxy) -> None:
    client = app(hapi.base)  # the proxy (another origin in front of the same data) is not on the list
    response = client.post(SERVICE, json=request_for("e01", proxy.base))
    assert response.status_code == 412
    assert "not on the allow-list" in response.json()["error"]["message"]
    card = outlook(client, request_for("e01", proxy.base, keep=("patient", "coverage")))
    assert f"fhirServer {proxy.base} is not on the allow-list" in card["detail"]
    assert proxy.requests == []


def test_a_redirect_to_another_host_is_not_followed(hapi: Any, proxy: FaultProxy) -> None:
    sink = FaultProxy(hapi.base)  # where the redirect points: it must see no request (nor the token)
    try:
        target = f"{sink.base}/Observation"
        proxy.rules.append(
            Rule(lambda path: path.startswith("/fhir/Observation"), lambda _: (302, {"Location": target}, b""))
        )
        card = outlook(app(proxy.base), request_for("e01", proxy.base, keep=("patient",)))
        assert f"labs (not sent; the EHR read failed: HTTP 302: a redirect (to 127.0.0.1:{sink.port}), not followed)" in card["detail"]
        assert "MISSING: kras g12c" not in card["detail"]
        assert sink.requests == []
    finally:
        sink.close()


def test_the_ehr_read_is_time_bounded(hapi: Any, proxy: FaultProxy) -> None:
    proxy.rules.append(Rule(lambda path: path.startswith("/fhir/Observation"), lambda _: 6.0))  # 6 s, then forwarded
    card = outlook(app(proxy.base, timeout_s=2), request_for("e01", proxy.base, keep=("patient",)))
    assert "within 2 s" in card["detail"], card["detail"]


def test_an_unreachable_ehr_is_said_on_the_card() -> None:
    down = f"http://127.0.0.1:{free_port()}/fhir"
    card = outlook(app(down), request_for("e01", down, keep=("patient",)))
    assert "(fhirServer) was not read: cannot reach the FHIR server" in card["detail"]


def test_neither_prefetch_nor_fhir_server_is_still_412(hapi: Any) -> None:
    request = request_for("e01", None)
    del request["prefetch"]
    assert app(hapi.base).post(SERVICE, json=copy.deepcopy(request)).status_code == 412
