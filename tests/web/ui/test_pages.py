"""The workspace's pages through the in-process client: login, scoping, forms, errors, empty states."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from priorauth.web.ui import demo
from tests.web.conftest import NSCLC, Practice, client, make_practice
from tests.web.ui.conftest import CSRF, Browser, alerts, browse


def test_pages_need_a_login(app: Any) -> None:
    anon = client(app)
    for path in ("/worklist", "/dashboard", "/upload", "/cases/x", "/patients/x"):
        r = anon.get(path, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == f"/login?next={path}"
    assert anon.get("/", follow_redirects=False).headers["location"] == "/login"


@pytest.mark.parametrize(
    ("email", "password", "status", "message"),
    [
        ("coordinator@alpha.example", "wrong password!", 401, "Wrong email or password."),
        ("nobody@alpha.example", "wrong password!", 401, "Wrong email or password."),
        ("", "", 422, "Enter your email and your password."),
    ],
)
def test_login_errors(app: Any, practice: Practice, email: str, password: str, status: int, message: str) -> None:
    anon = client(app)
    token = CSRF.search(anon.get("/login").text).group(1)
    r = anon.post("/login", data={"email": email, "password": password, "csrf_token": token})
    assert r.status_code == status and alerts(r.text) == [message]


def test_login_csrf_a_page_on_another_site_cannot_log_the_browser_in(app: Any, practice: Practice) -> None:
    """Login CSRF: the attacker's page posts its own account's credentials to /login."""
    victim = client(app)
    data = {"email": "coordinator@alpha.example", "password": "correct horse battery staple"}
    r = victim.post("/login", data=data, headers={"Origin": "https://evil.example"}, follow_redirects=False)
    assert r.status_code == 403 and "priorauth_session" not in victim.cookies
    r = victim.post("/login", data=data, follow_redirects=False)  # no token from this site's form
    assert r.status_code == 403 and "priorauth_session" not in victim.cookies
    token = CSRF.search(victim.get("/login").text).group(1)
    r = victim.post(
        "/login", data={**data, "csrf_token": token}, headers={"Origin": "https://evil.example"}, follow_redirects=False
    )
    assert r.status_code == 403 and "priorauth_session" not in victim.cookies
    r = client(app).post("/api/v1/auth/login", json=data, headers={"Origin": "https://evil.example"})
    assert r.status_code == 403 and r.json()["error"]["code"] == "csrf_failed"
    token = CSRF.search(victim.get("/login").text).group(1)
    r = victim.post("/login", data={**data, "csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303 and "priorauth_session" in victim.cookies


def test_login_goes_back_where_it_was_asked_and_nowhere_else(app: Any, practice: Practice) -> None:
    anon = client(app)
    data = {"email": "coordinator@alpha.example", "password": "correct horse battery staple"}
    data["csrf_token"] = CSRF.search(anon.get("/login").text).group(1)
    for asked, landed in (
        ("/dashboard", "/dashboard"),
        ("//evil.example/x", "/worklist"),
        ("https://evil.example", "/worklist"),
        ("/\\evil.example", "/worklist"),
    ):
        r = anon.post("/login", data={**data, "next": asked}, follow_redirects=False)
        assert r.headers["location"] == landed


def test_forms_need_their_token(coordinator: Browser) -> None:
    r = coordinator.http.post("/upload", data={"csrf_token": "forged"}, files={"chart": ("c.json", NSCLC)})
    assert r.status_code == 403 and "reload the page" in r.text and r.headers["content-type"].startswith("text/html")


def test_empty_states(coordinator: Browser, prescriber: Browser) -> None:
    assert "No cases yet." in coordinator.get("/worklist").text
    assert 'href="/upload"' in coordinator.get("/worklist").text
    assert "A coordinator opens cases" in prescriber.get("/worklist").text
    assert "No cases yet." in coordinator.get("/dashboard").text
    coordinator.upload()
    assert "No case matches these filters." in coordinator.get("/worklist?q=nobody").text


def test_upload_case_evidence_and_patient(coordinator: Browser) -> None:
    case_id = coordinator.upload()
    page = coordinator.get(f"/cases/{case_id}").text
    assert "Case created" not in page  # the confirmation shows once, after the redirect
    assert coordinator.get(f"/cases/{case_id}?done=created").text.count("Case created and evaluated.") == 1
    assert page.count('class="criterion c-met"') == 10
    link = re.search(r'href="(/cases/\w+/evidence\?source=DiagnosticReport[^"]+)"', page).group(1).replace("&amp;", "&")
    fragment = coordinator.get(link, headers={"HX-Request": "true"}).text
    assert '<mark id="cited">KRAS p.G12C detected in FFPE tumor tissue.</mark>' in fragment
    assert "<html" not in fragment
    assert "<html" in coordinator.get(link).text  # without htmx: a whole page
    coded = coordinator.get(f"/cases/{case_id}/evidence", params={"source": "Observation/kras1"}).text
    assert "&#34;id&#34;: &#34;kras1&#34;" in coded
    patient = re.search(r'href="/patients/(\w+)"', page).group(1)
    panel = coordinator.get(f"/patients/{patient}").text
    assert "<svg" in panel and "ALT" in panel and "baseline" in panel


@pytest.mark.parametrize(
    ("raw", "name", "message"),
    [
        (b"", "c.json", "The file is empty"),
        (b"not json at all", "c.json", "not"),
        (b'{"resourceType": "Bundle", "type": "collection", "entry": []}', "c.json", ""),
    ],
)
def test_upload_errors_are_shown_on_the_form(coordinator: Browser, raw: bytes, name: str, message: str) -> None:
    r = coordinator.post("/upload", {}, files={"chart": (name, raw, "application/json")})
    assert r.status_code == 422 and len(alerts(r.text)) == 1 and message in alerts(r.text)[0]
    assert "No cases yet." in coordinator.get("/worklist").text  # nothing half-stored


def test_roles(coordinator: Browser, prescriber: Browser) -> None:
    case_id = coordinator.upload()
    assert 'id="att-kind"' not in coordinator.get(f"/cases/{case_id}").text
    as_prescriber = prescriber.get(f"/cases/{case_id}").text
    assert 'id="att-kind"' in as_prescriber and "Mark ready to submit" not in as_prescriber
    r = prescriber.post(f"/cases/{case_id}/status", {"to": "ready", "version": _version(coordinator, case_id)})
    assert r.status_code == 403
    r = coordinator.post(f"/cases/{case_id}/attest", {"kind": "progression", "text": "x"})
    assert r.status_code == 403 and "prescriber" in alerts(r.text)[0]
    r = prescriber.post("/upload", {}, files={"chart": ("c.json", NSCLC)})
    assert r.status_code == 403
    assert 'href="/upload"' not in prescriber.get("/worklist").text


def test_other_practices_cases_are_not_found(app: Any, coordinator: Browser) -> None:
    case_id = coordinator.upload()
    other = _beta(app)
    for path in (f"/cases/{case_id}", f"/cases/{case_id}/evidence?source=Observation/kras1"):
        r = other.get(path)
        assert r.status_code == 404 and "No case" in r.text
    assert other.post(f"/cases/{case_id}/status", {"to": "ready", "version": "2"}).status_code == 404
    assert "No cases yet." in other.get("/worklist").text


def _beta(app: Any) -> Browser:
    app.state.settings = app.state.settings.model_copy(update={"setup_token": "second"})
    make_practice(app, "Beta", setup_token="second")
    return browse(app, "coordinator@beta.example")


def _without(*refs: str) -> bytes:
    return json.dumps(demo.variant(json.loads(NSCLC), "p1", "Ada", "Testcase", remove=refs)).encode()


def _version(b: Browser, case_id: str) -> str:
    return re.search(r'name="version" value="(\d+)"', b.get(f"/cases/{case_id}").text).group(1)


def test_from_draft_to_approved_then_renewal(coordinator: Browser) -> None:
    case_id = coordinator.upload()
    v = _version(coordinator, case_id)
    r = coordinator.post(f"/cases/{case_id}/submit", {"method": "fax"})
    assert r.status_code == 409 and "mark the case ready" in alerts(r.text)[0].lower()
    assert coordinator.post(f"/cases/{case_id}/status", {"to": "ready", "version": v}).status_code == 303
    r = coordinator.post(f"/cases/{case_id}/status", {"to": "ready", "version": v})  # the page read before
    assert r.status_code == 409
    assert coordinator.post(f"/cases/{case_id}/submit", {"method": "portal", "reference": "R1"}).status_code == 303
    r = coordinator.post(f"/cases/{case_id}/decision", {"outcome": "denied"})
    assert r.status_code == 422 and alerts(r.text) == ["A denial needs the payer's reason."]
    r = coordinator.post(
        f"/cases/{case_id}/decision",
        {"outcome": "approved", "auth_number": "PA-1", "period_start": "2026-12-01", "period_end": "2026-11-01"},
    )
    assert r.status_code == 422 and "before" in alerts(r.text)[0]
    body = {"outcome": "approved", "auth_number": "PA-1", "period_start": "2026-11-20", "period_end": "2027-05-19"}
    assert coordinator.post(f"/cases/{case_id}/decision", body).status_code == 303
    page = coordinator.get(f"/cases/{case_id}").text
    assert re.search(r'id="renewal-due">2027-04-19 ', page)
    assert "Liver-test monitoring" in page and "2026-12-11" in page  # week 3 after the approval start
    r = coordinator.post(f"/cases/{case_id}/decision", body)
    assert r.status_code == 409  # decided already


def test_ready_needs_a_ready_checklist(coordinator: Browser) -> None:
    raw = _without("Observation/kras1", "DiagnosticReport/ngsrep1")  # no KRAS result
    case_id = coordinator.upload(raw)
    page = coordinator.get(f"/cases/{case_id}").text
    assert re.search(r"<button type=\"submit\" disabled[^>]*>Mark ready to submit", page)
    r = coordinator.post(f"/cases/{case_id}/status", {"to": "ready", "version": _version(coordinator, case_id)})
    assert r.status_code == 409 and "not ready" in alerts(r.text)[0]


def test_attestation_changes_are_shown(coordinator: Browser, prescriber: Browser) -> None:
    raw = _without("Observation/status1")  # no documented progression
    case_id = coordinator.upload(raw, payer="bcbs-nc")
    assert 'id="crit-disease_progression"' in coordinator.get(f"/cases/{case_id}").text
    r = prescriber.post(
        f"/cases/{case_id}/attest", {"kind": "progression", "text": "Progressed on chemo-IO", "on": "2026-10-01"}
    )
    assert r.status_code == 303
    page = prescriber.get(f"/cases/{case_id}").text
    assert "What changed at the last evaluation" in page and "(attestation)" in page
    assert "<strong>Disease progression</strong>: insufficient → met" in page
    assert "Progressed on chemo-IO" in page and "Attested: disease progression" in page


def test_payer_change_re_evaluates(coordinator: Browser) -> None:
    case_id = coordinator.upload()
    r = coordinator.post(
        f"/cases/{case_id}/payer", {"payer": "centene-medicaid", "version": _version(coordinator, case_id)}
    )
    assert r.status_code == 303
    page = coordinator.get(f"/cases/{case_id}").text
    assert "<strong>Policy pack</strong>: default" in page and "centene-medicaid" in page
    assert "24 h standard" in page
    r = coordinator.post(
        f"/cases/{case_id}/payer", {"payer": "no-such-pack", "version": _version(coordinator, case_id)}
    )
    assert r.status_code == 422 and "no-such-pack" in alerts(r.text)[0]


def test_an_outdated_pack_is_flagged(coordinator: Browser, app: Any) -> None:
    from sqlalchemy import update

    from priorauth.store.models import Determination

    case_id = coordinator.upload()
    with app.state.sessions() as s, s.begin():
        s.execute(update(Determination).values(pack_version="2000.1.1"))
    page = coordinator.get(f"/cases/{case_id}").text
    assert "changed since this evaluation (2000.1.1 →" in page
    assert coordinator.post(f"/cases/{case_id}/reevaluate", {"why": "pack_changed"}).status_code == 303
    assert "changed since this evaluation" not in coordinator.get(f"/cases/{case_id}").text


def test_times_in_the_practice_zone(coordinator: Browser, app: Any) -> None:
    from priorauth.store.models import Practice as Row

    coordinator.upload()
    with app.state.sessions() as s, s.begin():
        row = s.query(Row).first()
        row.profile = {"timezone": "Asia/Tokyo"}
    page = coordinator.get("/worklist").text
    assert "times in Asia/Tokyo" in page and " JST</td>" in page


def test_the_api_keeps_its_json_errors(coordinator: Browser) -> None:
    r = coordinator.http.get("/api/v1/cases/nope", headers={"X-CSRF-Token": coordinator.csrf})
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    assert "content-security-policy" not in r.headers


def test_pages_have_a_content_policy(coordinator: Browser) -> None:
    policy = coordinator.get("/worklist").headers["content-security-policy"]
    assert "script-src 'self';" in policy and "frame-ancestors 'none'" in policy
    assert coordinator.get("/static/htmx.min.js").status_code == 200


def test_packet_download(coordinator: Browser) -> None:
    """The case page links the PA packet; the download is every packet file, zipped, for this case."""
    import io
    import zipfile

    from pypdf import PdfReader

    case_id = coordinator.upload()
    assert "Download the PA packet" in coordinator.get(f"/cases/{case_id}").text
    r = coordinator.get(f"/cases/{case_id}/packet")
    assert r.status_code == 200 and r.headers["content-type"] == "application/zip"
    z = zipfile.ZipFile(io.BytesIO(r.content))
    assert {"packet.pdf", "determination.json", "questionnaire-response.json"} <= set(z.namelist())
    assert "pas-bundle.json" not in z.namelist()  # the example drug is on the pharmacy benefit: no PAS
    first = PdfReader(io.BytesIO(z.read("packet.pdf"))).pages[0].extract_text()
    assert "Prior authorization" in first or "prior authorization" in first


def test_worklist_filters_and_sorts(coordinator: Browser) -> None:
    a = coordinator.upload()
    b = coordinator.upload(
        NSCLC.replace(b"Ada", b"Zed").replace(b'"p1"', b'"p2"').replace(b"Patient/p1", b"Patient/p2"), payer="wha"
    )
    coordinator.post(f"/cases/{a}/status", {"to": "ready", "version": _version(coordinator, a)})
    names = lambda html: re.findall(r'<a href="/cases/\w+">([^<]+)</a>', html)  # noqa: E731
    assert names(coordinator.get("/worklist?sort=patient").text) == ["Ada Testcase", "Zed Testcase"]
    assert names(coordinator.get("/worklist?status=ready").text) == ["Ada Testcase"]
    assert names(coordinator.get("/worklist?payer=wha").text) == ["Zed Testcase"]
    assert names(coordinator.get("/worklist?q=zed").text) == ["Zed Testcase"]
    partial = coordinator.get("/worklist?q=ada", headers={"HX-Request": "true", "HX-Target": "worklist-results"}).text
    assert "<html" not in partial and names(partial) == ["Ada Testcase"]
    assert b  # both cases exist
