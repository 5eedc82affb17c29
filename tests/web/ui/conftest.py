"""Workspace fixtures: a browser-like client logged in through the login form, with its form token."""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import NSCLC, PASSWORD, Practice, client

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass
class Browser:
    http: TestClient
    csrf: str

    def get(self, url: str, **kw: Any) -> Any:
        return self.http.get(url, **kw)

    def post(self, url: str, data: dict[str, Any] | None = None, **kw: Any) -> Any:
        return self.http.post(url, data={"csrf_token": self.csrf, **(data or {})}, follow_redirects=False, **kw)

    def upload(self, raw: bytes = NSCLC, name: str = "chart.json", **fields: str) -> str:
        """Upload through the form; the new case's id."""
        r = self.post("/upload", {"as_of": "2026-11-20", **fields}, files={"chart": (name, raw, "application/json")})
        assert r.status_code == 303, r.text
        return r.headers["location"].split("/")[2].split("?")[0]


def browse(app: Any, email: str, password: str = PASSWORD) -> Browser:
    http = client(app)
    token = CSRF.search(http.get("/login").text).group(1)
    r = http.post("/login", data={"email": email, "password": password, "csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303, r.text
    page = http.get("/worklist")
    return Browser(http, CSRF.search(page.text).group(1))


@pytest.fixture
def coordinator(app: Any, practice: Practice) -> Browser:
    return browse(app, "coordinator@alpha.example")


@pytest.fixture
def prescriber(app: Any, practice: Practice) -> Browser:
    return browse(app, "prescriber@alpha.example")


def alerts(html: str) -> list[str]:
    return [" ".join(html_lib.unescape(m).split()) for m in re.findall(r'role="alert"[^>]*>(.*?)</p>', html, re.S)]
