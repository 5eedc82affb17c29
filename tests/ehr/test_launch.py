"""SMART App Launch into the workspace, end to end: HAPI FHIR behind the authorization server
(oidc-provider: authorization code, PKCE S256 required, EHR sign-in/consent, patient picker), a real
priorauth server, and Debian's chromium driven by Playwright. Tampering is scripted with an HTTP client
acting as the browser (Playwright cannot rewrite the requests of a redirect chain)."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import httpx
import pytest

from tests.conftest import CHROMIUM
from tests.ehr.servers import AuthServer, Hapi, free_port, start_auth

ROOT = Path(__file__).resolve().parents[2]
SECRET = "launch-test-secret-0123456789"
PRACTICE = "Demo Oncology (synthetic)"  # priorauth serve --demo's practice
USERS = [
    {"username": "casey", "fhirUser": "Practitioner/ehr-casey"},  # coordinator@demo.priorauth in the EHR
    {"username": "stranger", "fhirUser": "Practitioner/ehr-stranger"},  # nobody in priorauth
    {"username": "nomail", "fhirUser": "Practitioner/ehr-nomail"},
]


def practitioner(pid: str, email: str | None) -> dict[str, Any]:
    doc: dict[str, Any] = {"resourceType": "Practitioner", "id": pid, "name": [{"family": pid}]}
    if email:
        doc["telecom"] = [{"system": "email", "value": email}]
    return doc


@dataclass
class Stack:
    web: str  # priorauth
    auth: AuthServer
    log: Path

    def new_launch(self, patient: str) -> str:
        r = httpx.post(f"{self.auth.issuer}/admin/launch", data={"patient": patient}, timeout=10)
        r.raise_for_status()
        return str(r.json()["launch"])

    def launch_url(self, patient: str) -> str:
        return f"{self.web}/smart/launch?" + urlencode({"iss": self.auth.fhir, "launch": self.new_launch(patient)})


@pytest.fixture(scope="module")
def stack(hapi: Hapi, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    for doc in (
        practitioner("ehr-casey", "Coordinator@demo.priorauth"),
        practitioner("ehr-stranger", "stranger@elsewhere.example"),
        practitioner("ehr-nomail", None),
    ):
        httpx.put(f"{hapi.base}/Practitioner/{doc['id']}", json=doc, timeout=120).raise_for_status()
    tmp = tmp_path_factory.mktemp("launch")
    port = free_port()
    web = f"http://127.0.0.1:{port}"
    client = {"client_id": "priorauth-web", "client_secret": SECRET, "redirect_uris": [f"{web}/smart/callback"]}
    auth = start_auth(hapi.base, tmp / "auth", [client], USERS)
    from cryptography.fernet import Fernet

    env = {
        **os.environ,
        "PRIORAUTH_CONFIG": str(tmp / "none.toml"),
        "PRIORAUTH_LOG_LEVEL": "info",
        "PRIORAUTH_SECURE_COOKIES": "false",
        "PRIORAUTH_PUBLIC_URL": web,
        "PRIORAUTH_SMART_TOKEN_KEY": Fernet.generate_key().decode(),
        "PRIORAUTH_SMART_ISSUERS": json.dumps(
            {auth.fhir: {"practice": PRACTICE, "client_id": "priorauth-web", "client_secret": SECRET}}
        ),
    }
    (tmp / "none.toml").write_text("")
    log = tmp / "server.log"
    cmd = [sys.executable, "-m", "priorauth", "serve", "--demo", "--port", str(port)]
    cmd += ["--database-url", f"sqlite:///{tmp / 'launch.db'}"]
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
    try:
        for _ in range(480):
            if proc.poll() is not None:
                raise RuntimeError("the server stopped: " + log.read_text()[-2000:])
            try:
                with urllib.request.urlopen(web + "/health", timeout=1) as r:  # noqa: S310 - loopback
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.25)
        else:
            raise RuntimeError("the server did not start within 120 s")
        yield Stack(web, auth, log)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        auth.stop()


@pytest.fixture(scope="module")
def browser(request: pytest.FixtureRequest) -> Any:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing in CI")
        pytest.skip(f"{CHROMIUM} is not installed")
    return request.getfixturevalue("chromium")  # started and stopped with this module (tests/conftest.py)


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    pg = context.new_page()
    pg.set_default_timeout(60_000)  # a chart read and an evaluation on a loaded machine
    yield pg
    context.close()


def sign_in(page: Any, user: str, patient: str | None = None) -> None:
    """At the EHR's sign-in page: the user (and the patient, standalone), then Allow."""
    page.wait_for_selector("text=EHR sign-in")
    page.get_by_label("EHR user").select_option(user)
    if patient is not None:
        page.get_by_label("Patient").select_option(patient)
    page.get_by_role("button", name="Allow").click()


def test_ehr_launch_opens_the_patients_case_evaluated_from_the_live_chart(stack: Stack, page: Any) -> None:
    page.goto(stack.launch_url("e01"))
    assert urlsplit(page.url).netloc == urlsplit(stack.auth.issuer).netloc, "the browser went to the EHR's sign-in"
    sign_in(page, "casey")
    page.wait_for_url(re.compile(r".*/cases/[0-9a-f]{32}.*"))
    main = page.locator("main").inner_text()
    assert "Robert Lindqvist" in main and "sotorasib" in main
    assert "Criteria checklist" in main
    assert page.locator(".casehead").get_by_text(re.compile("ready|insufficient|not met", re.I)).count() >= 1
    assert "Casey Coordinator" in page.locator("header").inner_text(), "signed in as the mapped workspace user"
    case_url = page.url.split("?")[0]
    # Refresh from the EHR: read again, evaluated again, the earlier snapshot kept
    page.get_by_role("button", name="Refresh from the EHR").click()
    page.wait_for_selector("text=Read again from the EHR")
    # the access token stops working (expired early at the EHR): the refresh token renews it, the read goes on
    stack.auth.expire_tokens()
    page.get_by_role("button", name="Refresh from the EHR").click()
    page.wait_for_selector("text=Read again from the EHR")
    assert page.locator(".error").count() == 0
    history = page.locator("ol.history").inner_text()
    assert history.count("Evaluated (ehr refresh)") == 2 and "Evaluated (ehr launch)" in history, history
    # a second launch for the same patient lands on the same case (evaluated again, not a new case)
    page.goto(stack.launch_url("e01"))
    sign_in(page, "casey")
    page.wait_for_url(re.compile(r".*/cases/[0-9a-f]{32}.*"))
    assert page.url.split("?")[0] == case_url
    log = stack.log.read_text()
    assert "access_token" not in log and "Bearer" not in log and "code=" not in log
    assert "e01" not in log and "Lindqvist" not in log, "no patient data in the server log"


def test_standalone_launch_picks_the_patient_at_the_ehr(stack: Stack, page: Any) -> None:
    page.goto(f"{stack.web}/smart/standalone?" + urlencode({"iss": stack.auth.fhir}))
    sign_in(page, "casey", patient="e04")
    page.wait_for_url(re.compile(r".*/cases/[0-9a-f]{32}.*"))
    assert "Criteria checklist" in page.locator("main").inner_text()


@pytest.mark.parametrize(
    ("user", "why"),
    [
        ("stranger", "no active priorauth account of Demo Oncology (synthetic) has the EHR user's email"),
        ("nomail", "has no email address in the EHR"),
    ],
)
def test_an_ehr_user_the_practice_does_not_know_is_refused(stack: Stack, page: Any, user: str, why: str) -> None:
    page.goto(stack.launch_url("e01"))
    sign_in(page, user)
    page.wait_for_selector("text=Your EHR user is not a priorauth user of this practice")
    text = page.locator("main").inner_text()
    assert why in text and f"Practitioner/ehr-{user}" in text
    assert "/cases/" not in page.url
    assert page.context.cookies(stack.web) == [] or all(
        c["name"] != "priorauth_session" for c in page.context.cookies(stack.web)
    ), "no workspace session"


def test_an_unregistered_ehr_is_refused(stack: Stack, page: Any) -> None:
    r = httpx.get(f"{stack.web}/smart/launch", params={"iss": "https://ehr.elsewhere.example/fhir", "launch": "x"})
    assert r.status_code == 403 and "This EHR is not registered" in r.text


# -- tampering (an HTTP client as the browser) ------------------------------------------------------------
def walk_to_callback(stack: Stack, http: httpx.Client, start: str, rewrite_auth: Any = None) -> str:
    """Follow the launch through the EHR's sign-in as user casey; the callback URL the EHR sends back."""
    r = http.get(start)
    assert r.status_code == 303, r.text
    url = r.headers["location"]
    if rewrite_auth:
        url = rewrite_auth(url)
    for _ in range(10):
        r = http.get(url)
        if r.status_code in (302, 303):
            url = str(httpx.URL(url).join(r.headers["location"]))
            if url.startswith(f"{stack.web}/smart/callback"):
                return url
            continue
        action = re.search(r'action="([^"]+)"', r.text)
        assert action, r.text[:500]
        r = http.post(str(httpx.URL(url).join(action.group(1))), data={"user": "casey", "decision": "allow"})
        assert r.status_code in (302, 303), r.text[:500]
        url = str(httpx.URL(url).join(r.headers["location"]))
        if url.startswith(f"{stack.web}/smart/callback"):
            return url
    raise AssertionError("the EHR never sent the browser back")


def with_param(url: str, name: str, value: str) -> str:
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    query[name] = [value]
    return urlunsplit(parts._replace(query=urlencode(query, doseq=True)))


def test_a_tampered_state_is_refused(stack: Stack) -> None:
    with httpx.Client(timeout=120) as http:
        back = walk_to_callback(stack, http, stack.launch_url("e01"))
        r = http.get(with_param(back, "state", "forged-state"))
        assert r.status_code == 400 and "Refused: the sign-in does not match" in r.text
        assert "priorauth_session" not in r.headers.get("set-cookie", "")


def test_a_tampered_pkce_challenge_is_refused(stack: Stack) -> None:
    """An attacker's code_challenge swapped into the authorization request: the code it yields does not
    fit this launch's verifier, so the EHR refuses the exchange and nothing opens."""
    other = base64.urlsafe_b64encode(hashlib.sha256(b"attacker-verifier" * 4).digest()).rstrip(b"=").decode()
    with httpx.Client(timeout=120) as http:
        back = walk_to_callback(stack, http, stack.launch_url("e01"), lambda u: with_param(u, "code_challenge", other))
        r = http.get(back)
        assert r.status_code == 403 and "The EHR did not sign you in" in r.text and "invalid_grant" in r.text
        assert "priorauth_session" not in r.headers.get("set-cookie", "")


def test_the_authorization_request_carries_pkce_s256_state_and_scopes(stack: Stack) -> None:
    with httpx.Client(timeout=60) as http:
        r = http.get(stack.launch_url("e01"))
    q = parse_qs(urlsplit(r.headers["location"]).query)
    assert q["code_challenge_method"] == ["S256"] and len(q["code_challenge"][0]) == 43
    assert len(q["state"][0]) >= 32 and q["aud"] == [stack.auth.fhir]
    assert set(q["scope"][0].split()) == {"launch", "openid", "fhirUser", "offline_access", "patient/*.rs"}
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "Path=/smart/callback" in cookie
    assert q["state"][0] not in cookie, "the pending launch is sealed, not readable"


def test_a_code_replayed_is_refused(stack: Stack) -> None:
    with httpx.Client(timeout=120) as http:
        back = walk_to_callback(stack, http, stack.launch_url("e01"))
        first = http.get(back)
        assert first.status_code == 200 and "Opening the patient" in first.text, first.text[:500]
    with httpx.Client(timeout=60) as other:  # another browser: no pending launch of its own
        r = other.get(back)
        assert r.status_code == 400 and "This sign-in has expired" in r.text
