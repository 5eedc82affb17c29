"""The hook's EHR reader without a server: the fhirServer allow-list (SSRF), redirects, the time budget,
and the setting that configures it. The reads against HAPI are in tests/ehr/test_cds_read.py."""

from __future__ import annotations

import asyncio
import json
import time

import httpx
import pytest
from fastapi.testclient import TestClient

from priorauth.cds.ehr_read import UNSIGNED, EhrRead, EhrReader, normalise
from priorauth.cds.http import CdsSettings, create_app
from priorauth.cds.trust import Trust
from priorauth.errors import PriorauthError
from priorauth.web.settings import load_settings
from tests.cds.test_hooks import AS_OF, LOOPBACK, _ready_request

EHR = "https://ehr.example.org/fhir/r4"
ISS = "https://ehr.example.org"
READER = EhrReader({ISS: [EHR], UNSIGNED: ["http://127.0.0.1:8999/fhir"]}, http_loopback=True)


@pytest.mark.parametrize(
    ("server", "issuer", "allowed"),
    [
        (EHR, ISS, True),
        ("HTTPS://EHR.example.org:443/fhir/r4/", ISS, True),  # the same base, spelled otherwise
        (EHR, "https://other-ehr.example.org", False),  # another issuer may not name this EHR's server
        (EHR, None, False),  # nor may an unsigned call
        ("https://ehr.example.org/fhir", ISS, False),  # a parent path is another base: no prefix match
        ("https://ehr.example.org/fhir/r4/Patient", ISS, False),
        ("https://ehr.example.org/fhir/r4-evil", ISS, False),
        ("https://ehr.example.org.evil.com/fhir/r4", ISS, False),
        ("https://ehr.example.org@evil.com/fhir/r4", ISS, False),  # user info: the host is evil.com
        ("https://ehr.example.org:8443/fhir/r4", ISS, False),
        ("https://169.254.169.254/latest/meta-data", ISS, False),  # cloud metadata
        ("http://ehr.example.org/fhir/r4", ISS, False),  # not https
        ("https://ehr.example.org/fhir/r4?x=1", ISS, False),
        ("ftp://ehr.example.org/fhir/r4", ISS, False),
        ("file:///etc/passwd", ISS, False),
        ("not a url", ISS, False),
        ("http://127.0.0.1:8999/fhir", None, True),  # loopback http: only with the test allowance
        ("http://127.0.0.1:8999/fhir", ISS, False),
        ("http://localhost:8999/fhir", None, False),  # another spelling of loopback is another base
    ],
)
def test_allow_list(server: str, issuer: str | None, allowed: bool) -> None:
    why = READER.refusal(server, issuer)
    assert (why is None) == allowed, why
    if not allowed:
        assert why and "fhirServer" in why and "\n" not in why


def test_http_loopback_needs_the_allowance() -> None:
    with pytest.raises(ValueError, match="not https"):
        EhrReader({UNSIGNED: ["http://127.0.0.1:8999/fhir"]})
    with pytest.raises(ValueError, match="not https"):
        EhrReader({ISS: ["http://ehr.example.org/fhir"]}, http_loopback=True)  # loopback only
    assert normalise("https://[::1]:443/fhir/") == "https://[::1]/fhir"


def test_read_refuses_a_server_off_the_list_even_if_asked_directly() -> None:
    calls: list[httpx.Request] = []
    reader = EhrReader({ISS: [EHR]}, transport=httpx.MockTransport(lambda r: calls.append(r) or httpx.Response(200)))
    got = reader.read("https://evil.example.com/fhir", "t", "p1")
    assert got.failed and not calls


def _fhir(doc: dict, status: int = 200, headers: dict | None = None) -> httpx.Response:
    return httpx.Response(status, headers={"content-type": "application/fhir+json", **(headers or {})}, json=doc)


def _server(routes: dict[str, httpx.Response], seen: list[str], delay: float = 0.0) -> httpx.MockTransport:
    """A tiny EHR: metadata, Patient/p1, and any search answering an empty Bundle unless routed."""

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        time.sleep(delay)
        path = request.url.path.removeprefix("/fhir/r4/")
        if path in routes:
            return routes[path]
        if path == "metadata":
            return _fhir({"resourceType": "CapabilityStatement", "fhirVersion": "4.0.1", "rest": []})
        if path == "Patient/p1":
            return _fhir({"resourceType": "Patient", "id": "p1", "birthDate": "1960-01-01"})
        return _fhir({"resourceType": "Bundle", "type": "searchset", "entry": []})

    return httpx.MockTransport(handle)


def test_a_redirect_is_not_followed_and_the_type_is_unread() -> None:
    seen: list[str] = []
    moved = httpx.Response(302, headers={"location": "https://evil.example.com/steal"})
    reader = EhrReader({ISS: [EHR]}, transport=_server({"Observation": moved}, seen))
    got = reader.read(EHR, "t", "p1")
    assert got.failed is None and "redirect" in got.unread["Observation"] and "evil.example.com" in got.unread["Observation"]
    assert all(u.startswith(EHR) for u in seen)  # nothing was asked of the other host
    assert any(r["resourceType"] == "Patient" for r in got.resources)


def test_next_page_on_another_host_is_not_followed() -> None:
    seen: list[str] = []
    page = _fhir({"resourceType": "Bundle", "type": "searchset", "entry": [],
                  "link": [{"relation": "next", "url": "https://evil.example.com/fhir/Condition?page=2"}]})  # fmt: skip
    got = EhrReader({ISS: [EHR]}, transport=_server({"Condition": page}, seen)).read(EHR, "t", "p1")
    assert "another server" in got.unread["Condition"]
    assert all(u.startswith(EHR) for u in seen)


def test_the_whole_read_is_time_bounded() -> None:
    seen: list[str] = []
    reader = EhrReader({ISS: [EHR]}, timeout_s=0.5, transport=_server({}, seen, delay=0.2))
    got = reader.read(EHR, "t", "p1")
    said = [got.failed or "", *got.unread.values()]
    assert any("within 0.5 s" in s for s in said), said
    assert len(seen) < 15  # requests started past the budget fail at once, without reaching the server


def test_a_hanging_name_lookup_is_bounded_too(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def hang(*args: object, **kw: object) -> list:
        time.sleep(3)
        return []

    monkeypatch.setattr(socket, "getaddrinfo", hang)
    got = EhrReader({ISS: [EHR]}, timeout_s=0.3).read(EHR, "t", "p1")
    assert got.failed == "the EHR's host name did not resolve within 0.3 s"


def test_an_unreachable_ehr_is_one_line() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("Connection refused", request=request)

    got = EhrReader({ISS: [EHR]}, transport=httpx.MockTransport(refuse)).read(EHR, "t", "p1")
    assert got.failed and "cannot reach" in got.failed and "\n" not in got.failed


def test_an_answer_no_rule_foresaw_is_one_line() -> None:
    def broken(request: httpx.Request) -> httpx.Response:
        raise RuntimeError("boom")

    got = EhrReader({ISS: [EHR]}, transport=httpx.MockTransport(broken)).read(EHR, "t", "p1")
    assert got.failed == "reading the EHR failed unexpectedly (RuntimeError)"


class Recorder:
    """A reader that records where it ran: never on the event loop."""

    def __init__(self, allowed: bool = True) -> None:
        self.allowed = allowed
        self.reads = 0
        self.on_loop: list[bool] = []

    def refusal(self, server: str, issuer: str | None) -> str | None:
        return None if self.allowed else "fhirServer x is not on the allow-list"

    def read(self, server: str, token: str, patient: str, user: str | None = None) -> EhrRead:
        self.reads += 1
        try:
            asyncio.get_running_loop()
            self.on_loop.append(True)
        except RuntimeError:
            self.on_loop.append(False)
        return EhrRead(failed="the EHR did not answer within 8 s")


def _app(reader: Recorder) -> TestClient:
    settings = CdsSettings(Trust({}, dev_unsigned_loopback=True), None, AS_OF, reader=reader)
    return TestClient(create_app(settings), client=LOOPBACK)


def test_reads_run_off_the_event_loop_once_per_call_and_failures_are_on_the_card() -> None:
    reader = Recorder()
    request = _ready_request()
    request["prefetch"] = {"patient": request["prefetch"]["patient"]}
    request["fhirAuthorization"] = {"access_token": "t", "token_type": "Bearer"}
    response = _app(reader).post("/cds-services/priorauth-order-sign", json=request)
    assert response.status_code == 200, response.text
    detail = response.json()["cards"][0]["detail"]
    assert "not read: the EHR did not answer within 8 s" in detail and "NOT SENT" in detail
    assert reader.on_loop == [False]  # one read per call (the case material is not read twice)


def test_a_refused_server_and_no_prefetch_is_412_with_why() -> None:
    reader = Recorder(allowed=False)
    request = _ready_request()
    del request["prefetch"]
    request["fhirAuthorization"] = {"access_token": "t"}
    response = _app(reader).post("/cds-services/priorauth-order-sign", json=request)
    assert response.status_code == 412 and "not on the allow-list" in response.json()["error"]["message"]
    assert reader.reads == 0


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("[]", "a JSON object is needed"),
        ('{"https://ehr": "https://ehr/fhir"}', "a JSON object is needed"),
        ("{oops", "not JSON"),
        ('{"https://ehr": ["http://ehr.example.org/fhir"]}', "not https"),
        ('{"(unsigned)": ["http://127.0.0.1:9/fhir"]}', "not https"),  # loopback http needs the allowance
    ],
)
def test_bad_allow_list_setting_is_one_error(value: str, fragment: str) -> None:
    with pytest.raises(PriorauthError) as err:
        load_settings({"PRIORAUTH_CDS_FHIR_SERVERS": value})
    assert "setting cds_fhir_servers" in err.value.message and fragment in err.value.message


def test_the_setting_builds_the_reader() -> None:
    servers = json.dumps({ISS: [EHR], UNSIGNED: ["http://127.0.0.1:9/fhir"]})
    s = load_settings({"PRIORAUTH_CDS_FHIR_SERVERS": servers, "PRIORAUTH_CDS_FHIR_HTTP_LOOPBACK": "1",
                       "PRIORAUTH_CDS_FHIR_TIMEOUT_SECONDS": "3"})  # fmt: skip
    reader = s.fhir_reader()
    assert reader.timeout_s == 3 and reader.refusal(EHR, ISS) is None and reader.refusal(EHR, None)
    assert load_settings({}).fhir_reader() is None  # no list: no EHR reads at all


def test_the_limits_docs_cds_hooks_states() -> None:
    """docs/cds-hooks.md: one retry, no Retry-After wait over 2 s, 20 pages per search, 8 s by default."""
    from priorauth.cds.ehr_read import HOOK_LIMITS
    from priorauth.web.settings import Settings

    assert (HOOK_LIMITS.retries, HOOK_LIMITS.max_wait, HOOK_LIMITS.max_pages) == (1, 2.0, 20)
    assert Settings().cds_fhir_timeout_seconds == 8
