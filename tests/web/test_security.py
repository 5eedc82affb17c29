"""Login, cookies, CSRF, rate limiting, password reset, API tokens, roles, first-run setup."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from priorauth.store.models import ApiToken, User
from tests.web.conftest import PASSWORD, Practice, client, login, open_case


def _db(app: Any) -> Any:
    return app.state.sessions()


def test_passwords_are_argon2id_and_tokens_are_hashed_at_rest(app: Any, practice: Practice) -> None:
    secret = practice.admin.post("/api/v1/tokens", json={"name": "ehr"}).json()["token"]
    with _db(app) as s:
        hashes = [u.password_hash for u in s.scalars(select(User))]
        tokens = list(s.scalars(select(ApiToken)))
    assert hashes and all(h.startswith("$argon2id$") for h in hashes)
    assert all(PASSWORD not in h for h in hashes)
    assert all(secret != t.token_hash and secret[12:] not in t.token_hash for t in tokens)
    assert any(secret.startswith(t.prefix) for t in tokens)


def test_session_cookie_is_httponly_secure_strict(app: Any, practice: Practice) -> None:
    r = client(app).post("/api/v1/auth/login", json={"email": practice.admin_email, "password": PASSWORD})
    cookies = {h.split("=", 1)[0]: h.lower() for h in r.headers.get_list("set-cookie")}
    session, csrf = cookies["priorauth_session"], cookies["priorauth_csrf"]
    assert "httponly" in session and "secure" in session and "samesite=strict" in session
    assert "httponly" not in csrf and "secure" in csrf  # the page's script reads it to send the header


def test_cookie_sessions_need_the_csrf_header_tokens_do_not(app: Any, practice: Practice) -> None:
    case = open_case(practice.coordinator)
    url = f"/api/v1/cases/{case['id']}/determinations"
    c = login(app, practice.admin_email)
    good = c.headers.pop("X-CSRF-Token")
    assert c.get(f"/api/v1/cases/{case['id']}").status_code == 200  # safe methods need no token
    assert c.post(url, json={}).json()["error"]["code"] == "csrf_failed"
    assert c.post(url, json={}, headers={"X-CSRF-Token": "forged"}).status_code == 403
    assert c.post(url, json={}, headers={"X-CSRF-Token": good}).status_code == 201
    assert practice.admin.post(url, json={}).status_code == 201  # bearer token


def test_login_is_rate_limited_per_account_even_with_the_right_password(app: Any, practice: Practice) -> None:
    anon = client(app)
    for _ in range(3):  # the fixture's settings allow 3 failures
        r = anon.post("/api/v1/auth/login", json={"email": practice.admin_email, "password": "wrong"})
        assert r.status_code == 401
    r = anon.post("/api/v1/auth/login", json={"email": practice.admin_email, "password": PASSWORD})
    assert r.status_code == 429 and r.json()["error"]["code"] == "rate_limited"
    assert int(r.headers["Retry-After"]) > 0
    other = anon.post("/api/v1/auth/login", json={"email": "coordinator@alpha.example", "password": PASSWORD})
    assert other.status_code == 200  # another account from the same address is not locked out


def test_admin_password_reset_ends_sessions(app: Any, practice: Practice) -> None:
    users = practice.admin.get("/api/v1/users").json()
    coordinator = next(u for u in users if u["role"] == "coordinator")
    c = login(app, coordinator["email"])
    assert c.get("/api/v1/me").status_code == 200
    r = practice.admin.post(f"/api/v1/users/{coordinator['id']}/password", json={"password": "a brand new passphrase"})
    assert r.status_code == 204
    assert c.get("/api/v1/me").status_code == 401
    bad = client(app).post("/api/v1/auth/login", json={"email": coordinator["email"], "password": PASSWORD})
    assert bad.status_code == 401
    assert login(app, coordinator["email"], "a brand new passphrase").get("/api/v1/me").json()["role"] == "coordinator"
    assert (
        practice.prescriber.post(f"/api/v1/users/{coordinator['id']}/password", json={"password": "x" * 12}).status_code
        == 403
    )


def test_own_password_change_and_short_passwords(app: Any, practice: Practice) -> None:
    c = login(app, "prescriber@alpha.example")
    assert c.post("/api/v1/me/password", json={"current_password": "nope", "new_password": "x" * 12}).status_code == 403
    assert (
        c.post("/api/v1/me/password", json={"current_password": PASSWORD, "new_password": "short"}).status_code == 422
    )
    assert (
        c.post(
            "/api/v1/me/password", json={"current_password": PASSWORD, "new_password": "another long one"}
        ).status_code
        == 204
    )
    assert login(app, "prescriber@alpha.example", "another long one")


def test_revoked_token_and_deactivated_user_are_refused(app: Any, practice: Practice) -> None:
    created = practice.admin.post("/api/v1/tokens", json={"name": "ehr", "role": "coordinator"}).json()
    ehr = client(app, created["token"])
    assert ehr.get("/api/v1/cases").status_code == 200
    assert practice.admin.delete(f"/api/v1/tokens/{created['id']}").status_code == 204
    assert ehr.get("/api/v1/cases").json()["error"]["code"] == "unauthenticated"
    listed = {t["id"]: t for t in practice.admin.get("/api/v1/tokens").json()}
    assert listed[created["id"]]["revoked_at"] is not None and "token" not in listed[created["id"]]
    users = practice.admin.get("/api/v1/users").json()
    prescriber = next(u for u in users if u["role"] == "prescriber")
    assert practice.prescriber.get("/api/v1/me").status_code == 200
    practice.admin.patch(f"/api/v1/users/{prescriber['id']}", json={"active": False})
    assert practice.prescriber.get("/api/v1/me").status_code == 401
    r = client(app).post("/api/v1/auth/login", json={"email": prescriber["email"], "password": PASSWORD})
    assert r.status_code == 401


def test_roles(app: Any, practice: Practice) -> None:
    case = open_case(practice.coordinator)
    assert practice.prescriber.post("/api/v1/charts", content=b"{}").status_code == 403
    assert practice.prescriber.get(f"/api/v1/cases/{case['id']}").status_code == 200
    assert practice.coordinator.get("/api/v1/users").status_code == 403
    assert practice.coordinator.get("/api/v1/audit.csv").status_code == 403
    assert practice.coordinator.post("/api/v1/tokens", json={"name": "x"}).status_code == 403
    token = practice.admin.post("/api/v1/tokens", json={"name": "x", "role": "admin"})
    assert token.status_code == 422  # integrations get coordinator or prescriber rights, never admin


def test_setup_is_open_only_on_an_empty_database(app: Any, practice: Practice) -> None:
    body = {"practice_name": "Intruder", "admin_email": "x@evil.example", "admin_name": "X", "admin_password": PASSWORD}
    r = client(app).post("/api/v1/setup", json=body)
    assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"


def test_logout_ends_the_session(app: Any, practice: Practice) -> None:
    c = login(app, practice.admin_email)
    assert c.post("/api/v1/auth/logout").status_code == 204
    c.cookies.clear()
    assert c.get("/api/v1/me").status_code == 401
