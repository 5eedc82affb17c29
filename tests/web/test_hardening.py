"""Issue 12's defects, each reproduced: every one of these failed before the fix."""

from __future__ import annotations

import base64
import io
import json
import os
import stat
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from priorauth.web import Settings, create_app
from priorauth.web.app import close
from tests.cds.test_trust import ISS, JWKS, token
from tests.web.conftest import AS_OF, NSCLC, PASSWORD, Practice, client, login, make_practice, open_case, upload

HOOK = "/cds-services/priorauth-order-select"


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def test_the_phi_database_is_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    old = os.umask(0o022)  # a typical login umask: files would be 0644
    try:
        settings = Settings()
        url = settings.resolved_database_url()
        app = create_app(settings.model_copy(update={"database_url": url}))
        make_practice(app, "Alpha")
    finally:
        os.umask(old)
    folder = tmp_path / "data" / "priorauth"
    assert _mode(folder) == 0o700
    files = [folder / n for n in ("priorauth.db", "priorauth.db-wal", "priorauth.db-shm")]
    assert [f.name for f in files if f.exists() and _mode(f) != 0o600] == []
    assert (folder / "priorauth.db").exists()
    close(app)


def _zip(name: str, data: bytes, mutate: Any = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(name, data)
    raw = bytearray(buf.getvalue())
    if mutate:
        mutate(raw)
    return bytes(raw)


def _crc(raw: bytearray) -> None:
    cd = raw.rfind(b"PK\x01\x02")
    raw[cd + 16] ^= 0xFF  # the central directory's CRC-32 (what the reader checks)


def _encrypted(raw: bytearray) -> None:
    raw[6] |= 0x01  # general purpose flag: encrypted
    cd = raw.rfind(b"PK\x01\x02")
    raw[cd + 8] |= 0x01


def _method(raw: bytearray) -> None:
    raw[8] = 99  # an unknown compression method
    cd = raw.rfind(b"PK\x01\x02")
    raw[cd + 10] = 99


def _deflate(raw: bytearray) -> None:
    start = 30 + len("chart.json")
    for i in range(start, start + 40):
        raw[i] ^= 0x5A  # the deflate stream itself


@pytest.mark.parametrize("mutate", [_crc, _encrypted, _method, _deflate], ids=["crc", "encrypted", "method", "deflate"])
def test_malformed_zip_members_are_a_clear_4xx(practice: Practice, mutate: Any) -> None:
    raw = _zip("chart.json", NSCLC, mutate)
    r = practice.coordinator.post("/api/v1/charts", content=raw, headers={"Content-Type": "application/zip"})
    assert 400 <= r.status_code < 500, r.text
    assert r.json()["error"]["code"] in ("unreadable", "too_large", "nothing_usable")


def test_a_note_over_a_million_characters_is_a_clear_4xx(practice: Practice) -> None:
    bundle = json.loads(NSCLC)
    text = ("progression noted " * 60_000)[:1_000_050]
    bundle["entry"].append(
        {
            "resource": {
                "resourceType": "DocumentReference",
                "id": "huge-note",
                "status": "current",
                "subject": {"reference": f"Patient/{_patient_id(bundle)}"},
                "date": "2026-11-01",
                "content": [
                    {"attachment": {"contentType": "text/plain", "data": base64.b64encode(text.encode()).decode()}}
                ],
            }
        }
    )
    practice.coordinator.headers["Content-Type"] = "application/fhir+json"
    big = Settings(max_upload_mb=5)
    assert len(json.dumps(bundle)) < big.max_upload_mb * 1_000_000
    chart = upload(practice.coordinator, json.dumps(bundle).encode())
    r = practice.coordinator.post("/api/v1/cases", json={"chart_id": chart["id"], "as_of": AS_OF})
    assert r.status_code < 500, r.text


def _patient_id(bundle: dict[str, Any]) -> str:
    return next(e["resource"]["id"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient")


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_as_of_out_of_range_is_a_clear_4xx(practice: Practice, day: str) -> None:
    chart = upload(practice.coordinator)
    r = practice.coordinator.post("/api/v1/cases", json={"chart_id": chart["id"], "as_of": day})
    assert r.status_code == 422 and r.json()["error"]["code"] == "bad_date"


def test_a_prescriber_api_token_cannot_attest(app: Any, practice: Practice) -> None:
    case = open_case(practice.coordinator)
    secret = practice.admin.post("/api/v1/tokens", json={"name": "ehr", "role": "prescriber"}).json()["token"]
    r = client(app, secret).post(f"/api/v1/cases/{case['id']}/attestations", json={"kind": "monotherapy", "text": "x"})
    assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"


@pytest.fixture
def cds_app(tmp_path: Path) -> Iterator[Any]:
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'c.db'}",
        cds_issuers=json.dumps({ISS: JWKS}),
        public_url="https://pa.example.org",
        max_cds_mb=1,
        evaluation_workers=0,
    )
    app = create_app(settings)
    yield app
    close(app)


def _hook(app: Any, tok: str | None, body: Any = None, **headers: str) -> Any:
    h = {"authorization": f"Bearer {tok}"} if tok else {}
    content = (
        body
        if isinstance(body, bytes)
        else json.dumps(body or {"hook": "order-select", "hookInstance": "x", "context": {}}).encode()
    )
    return client(app).post(HOOK, content=content, headers={**h, "Content-Type": "application/json", **headers})


def test_the_cds_audience_is_the_configured_public_url_never_the_host_header(cds_app: Any) -> None:
    forged = token(aud=f"https://evil.example{HOOK}")
    assert _hook(cds_app, forged, host="evil.example").status_code == 401
    assert _hook(cds_app, token(aud=f"https://pa.example.org{HOOK}")).status_code != 401


def test_jwt_lifetime_over_five_minutes_and_iss_lists_are_refused(cds_app: Any) -> None:
    now = int(datetime.now(UTC).timestamp())
    aud = f"https://pa.example.org{HOOK}"
    assert _hook(cds_app, token(aud=aud, exp=now + 3600)).status_code == 401
    import jwt

    from tests.cds.test_trust import KEY

    claims = {"iss": [ISS], "aud": aud, "exp": now + 60, "iat": now, "jti": "list-iss"}  # PyJWT will not encode it
    listed = jwt.api_jws.encode(json.dumps(claims).encode(), KEY, algorithm="ES384", headers={"kid": "k1"})
    r = _hook(cds_app, listed)
    assert r.status_code == 401 and r.json()["error"]["code"] == "unauthenticated"


def test_deep_json_and_big_bodies_are_refused_clearly(cds_app: Any) -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    tok = token(aud=f"https://pa.example.org{HOOK}")
    r = _hook(cds_app, tok, deep)
    assert r.status_code == 400 and r.json()["error"]["code"] == "invalid_request"
    r = _hook(cds_app, tok, b"{" + b" " * 1_200_000 + b"}")
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"


def test_request_bodies_are_capped_while_streaming(app: Any, practice: Practice) -> None:
    c = practice.coordinator

    def stream() -> Iterator[bytes]:
        for _ in range(200):
            yield b"x" * 10_000  # 2 MB with no Content-Length: refused at the first chunk over 1 MB

    r = c.post("/api/v1/cases", content=stream(), headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"
    r = c.post("/api/v1/cases", content=b"{" + b" " * 2_000_000 + b"}", headers={"Content-Type": "application/json"})
    assert r.status_code == 413
    form = {"csrf_token": "x", "to": "y" * 2_000_000}
    r = client(app).post("/cases/abc/status", data=form)
    assert r.status_code == 413


def test_the_login_throttle_is_per_account_across_addresses_and_an_admin_clears_it(
    app: Any, practice: Practice
) -> None:
    limiter = app.state.login_limiter
    email = "coordinator@alpha.example"
    for i in range(5):
        limiter.failed(email, f"10.0.0.{i}")  # five addresses: each alone is under its limit
    assert limiter.retry_after(email, "10.0.0.99") > 0  # the account waits, from any address
    r = client(app).post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert r.status_code == 429 and int(r.headers["Retry-After"]) >= 1
    users = {u["email"]: u["id"] for u in practice.admin.get("/api/v1/users").json()}
    assert practice.admin.delete(f"/api/v1/users/{users[email]}/login-throttle").status_code == 204
    assert client(app).post("/api/v1/auth/login", json={"email": email, "password": PASSWORD}).status_code == 200


def test_the_throttle_grows_and_is_shared_by_every_process(app: Any) -> None:
    from priorauth.web.shared import LoginThrottleStore

    a = LoginThrottleStore(app.state.sessions, 2, 900)
    b = LoginThrottleStore(app.state.sessions, 2, 900)  # another server process: the same table
    waits = []
    for _ in range(5):
        a.failed("x@y.z", "1.2.3.4")
        waits.append(b.retry_after("x@y.z", "5.6.7.8"))
    assert waits[0] == 0 and waits[1] >= 1 and waits[4] > waits[3] > waits[2] > waits[1] - 1
    assert waits[4] <= 901


def test_uvicorn_believes_x_forwarded_for_only_from_configured_proxies(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import uvicorn

    from priorauth.cli.serve import serve

    seen: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.append(kw))
    for key in [k for k in os.environ if k.startswith("PRIORAUTH_")]:
        monkeypatch.delenv(key)
    db = f"sqlite:///{tmp_path / 's.db'}"
    old = os.umask(0o022)
    try:
        serve(database_url=db, port=18401)
        serve(database_url=db, port=18401, sets=["trusted_proxies=10.1.2.3"])
    finally:
        os.umask(old)
    assert seen[0]["proxy_headers"] is False
    assert seen[1]["proxy_headers"] is True and seen[1]["forwarded_allow_ips"] == "10.1.2.3"


def test_weak_passwords_are_refused(practice: Practice) -> None:
    email = "nora.quinn@alpha.example"
    for weak in ("password1234", email, "aaaaaaaaaaaaaaa"):
        r = practice.admin.post(
            "/api/v1/users", json={"email": email, "name": "Nora Quinn", "role": "coordinator", "password": weak}
        )
        assert r.status_code == 422 and "weak" in r.json()["error"]["message"], weak


def test_tokens_die_with_their_creator_and_may_expire(app: Any, practice: Practice) -> None:
    second = practice.admin.post(
        "/api/v1/users", json={"email": "admin2@alpha.example", "name": "Second", "role": "admin", "password": PASSWORD}
    ).json()
    admin2 = login(app, "admin2@alpha.example")
    secret = admin2.post("/api/v1/tokens", json={"name": "integration"}).json()["token"]
    assert client(app, secret).get("/api/v1/cases").status_code == 200
    assert practice.admin.patch(f"/api/v1/users/{second['id']}", json={"active": False}).status_code == 200
    assert client(app, secret).get("/api/v1/cases").status_code == 401
    expiring = practice.admin.post("/api/v1/tokens", json={"name": "short", "expires_days": 1}).json()
    assert expiring["expires_at"] is not None
    from sqlalchemy import update

    from priorauth.store.models import ApiToken

    with app.state.sessions() as s, s.begin():
        s.execute(
            update(ApiToken).where(ApiToken.id == expiring["id"]).values(expires_at=datetime(2020, 1, 1, tzinfo=UTC))
        )
    r = client(app, expiring["token"]).get("/api/v1/cases")
    assert r.status_code == 401 and "expired" in r.json()["error"]["message"]


def test_errors_never_show_server_paths(practice: Practice) -> None:
    for raw, ct in (
        (b"{not json", "application/fhir+json"),
        (b'{"resourceType": "Bundle"}', "application/fhir+json"),
        (b"\x00\x01", "application/x-ndjson"),
    ):
        r = practice.coordinator.post("/api/v1/charts", content=raw, headers={"Content-Type": ct})
        assert r.status_code in (400, 413, 415, 422), r.text
        assert "/tmp" not in r.text and "priorauth-" not in r.text, r.text


def test_every_time_is_answered_with_its_zone(practice: Practice) -> None:
    case = open_case(practice.coordinator)
    c = practice.coordinator
    times = [
        c.get(f"/api/v1/cases/{case['id']}").json()["created_at"],
        c.get("/api/v1/patients").json()[0]["created_at"],
    ]
    times.append(c.get(f"/api/v1/charts/{case['chart_id']}").json()["uploaded_at"])
    times.append(practice.admin.get("/api/v1/audit").json()[0]["at"])
    assert all(datetime.fromisoformat(t.replace("Z", "+00:00")).tzinfo is not None for t in times), times


def test_failed_logins_and_refused_cross_practice_attempts_are_audited(app: Any, practice: Practice) -> None:
    r = client(app).post("/api/v1/auth/login", json={"email": "coordinator@alpha.example", "password": "wrong one"})
    assert r.status_code == 401
    other = make_practice(app, "Beta", setup_token=None) if False else None
    assert other is None
    case = open_case(practice.coordinator)
    beta = _second_practice(app)
    assert beta.coordinator.get(f"/api/v1/cases/{case['id']}").status_code == 404
    alpha_events = practice.admin.get("/api/v1/audit", params={"action": "login_failed"}).json()
    assert len(alpha_events) == 1 and alpha_events[0]["resource"] == "user"
    refused = practice.admin.get("/api/v1/audit", params={"action": "refused"}).json()  # the owner sees it
    assert [(e["resource"], e["resource_id"]) for e in refused] == [("cases", case["id"])]
    assert beta.admin.get("/api/v1/audit", params={"action": "refused"}).json() == []  # the caller learns nothing


def _second_practice(app: Any) -> Practice:
    app.state.settings = app.state.settings.model_copy(update={"setup_token": "operator-secret-123"})
    return make_practice(app, "Beta", setup_token="operator-secret-123")
