"""Service fixtures: an app on SQLite (always) and on PostgreSQL (when ``TEST_DATABASE_URL`` is set:
CI sets it), API clients of two practices, and the example charts."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from priorauth.web import Settings, create_app
from priorauth.web.app import close
from tests.conftest import ROOT

NSCLC = (ROOT / "examples/nsclc-ready.json").read_bytes()
MCRC = (ROOT / "examples/mcrc-ready.json").read_bytes()
AS_OF = "2026-11-20"
PASSWORD = "correct horse battery staple"
PG_URL = os.environ.get("TEST_DATABASE_URL", "")


def reset_postgres(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def database_params() -> list[Any]:
    pg = pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(not PG_URL, reason="TEST_DATABASE_URL is not set (CI sets it)"),
    )
    return ["sqlite", pg]


@pytest.fixture(params=database_params())
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'service.db'}"
    reset_postgres(PG_URL)
    return PG_URL


@pytest.fixture
def settings(database_url: str) -> Settings:
    # Evaluations in the calling thread (fast tests); tests/web/test_pool.py and test_server.py use the pool.
    return Settings(database_url=database_url, login_max_failures=3, max_upload_mb=5, evaluation_workers=0)


@pytest.fixture
def app(settings: Settings) -> Iterator[Any]:
    app = create_app(settings)
    yield app
    close(app)


@dataclass
class Practice:
    """A practice set up through the API: its admin token, and a client per role (API tokens)."""

    id: str
    admin: TestClient
    coordinator: TestClient
    prescriber: TestClient
    admin_email: str


def client(app: Any, token: str | None = None) -> TestClient:
    c = TestClient(app, base_url="https://testserver", raise_server_exceptions=False)
    if token:
        c.headers["Authorization"] = f"Bearer {token}"
    return c


def make_practice(app: Any, name: str, setup_token: str | None = None) -> Practice:
    anon = client(app)
    email = f"admin@{name.lower()}.example"
    body = {"practice_name": name, "admin_email": email, "admin_name": f"{name} Admin", "admin_password": PASSWORD}
    if setup_token:
        body["setup_token"] = setup_token
    r = anon.post("/api/v1/setup", json=body)
    assert r.status_code == 201, r.text
    admin = client(app, r.json()["token"]["token"])
    roles = {}
    for role in ("coordinator", "prescriber"):
        u = admin.post(
            "/api/v1/users",
            json={
                "email": f"{role}@{name.lower()}.example",
                "name": f"{name} {role}",
                "role": role,
                "password": PASSWORD,
            },
        )
        assert u.status_code == 201, u.text
        roles[role] = login(app, f"{role}@{name.lower()}.example")
    return Practice(r.json()["practice_id"], admin, roles["coordinator"], roles["prescriber"], email)


def login(app: Any, email: str, password: str = PASSWORD) -> TestClient:
    """A client logged in with a cookie session, sending its CSRF token on every request."""
    c = client(app)
    r = c.post("/api/v1/auth/login", json={"email": email, "password": password})
    assert r.status_code == 200, r.text
    c.headers["X-CSRF-Token"] = r.json()["csrf_token"]
    return c


@pytest.fixture
def practice(app: Any) -> Practice:
    return make_practice(app, "Alpha")


def upload(c: TestClient, raw: bytes = NSCLC, **params: str) -> dict[str, Any]:
    r = c.post("/api/v1/charts", content=raw, headers={"Content-Type": "application/fhir+json"}, params=params)
    assert r.status_code == 201, r.text
    return r.json()


def open_case(c: TestClient, raw: bytes = NSCLC, **fields: Any) -> dict[str, Any]:
    chart = upload(c, raw)
    r = c.post("/api/v1/cases", json={"chart_id": chart["id"], "as_of": AS_OF, **fields})
    assert r.status_code == 201, r.text
    return r.json()


def mark_ready(c: TestClient, case: dict[str, Any]) -> dict[str, Any]:
    """Move an open case with a ready checklist to ``ready`` (a submission needs it)."""
    url = f"/api/v1/cases/{case['id']}"
    r = c.patch(url, json={"version": c.get(url).json()["version"], "status": "ready"})
    assert r.status_code == 200, r.text
    return r.json()


def submitted(c: TestClient, case: dict[str, Any]) -> dict[str, Any]:
    """Mark the case ready and record a fax submission."""
    mark_ready(c, case)
    r = c.post(f"/api/v1/cases/{case['id']}/submissions", json={"method": "fax"})
    assert r.status_code == 201, r.text
    return r.json()
