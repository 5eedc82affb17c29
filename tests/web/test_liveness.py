"""The server stays live while a write is in progress: a workspace upload waiting for the database's
write lock must not stop ``/health`` or an API read from answering (the event loop never waits on a
lock). A real uvicorn server runs in this process so the test can hold the write lock itself."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import uvicorn
from sqlalchemy import delete

from priorauth.store.models import WebSession
from tests.web.conftest import NSCLC, PASSWORD, make_practice, open_case

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def live(app: Any) -> Iterator[str]:
    app.state.settings = app.state.settings.model_copy(update={"secure_cookies": False})  # plain HTTP here
    port = _port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None, access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(15)


def _browser(url: str, email: str) -> tuple[httpx.Client, str]:
    import re

    c = httpx.Client(base_url=url, timeout=30)
    c.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', c.get("/login").text)
    data = {"email": email, "password": PASSWORD} | ({"csrf_token": token.group(1)} if token else {})
    assert c.post("/login", data=data).status_code in (200, 303)
    page = c.get("/upload")
    return c, re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)


def test_health_and_reads_answer_while_a_write_waits_for_the_lock(app: Any, live: str) -> None:
    if app.state.engine.dialect.name != "sqlite":
        pytest.skip("the process-wide write lock is SQLite's")
    practice = make_practice(app, "Alpha")
    case = open_case(practice.coordinator)
    token = practice.admin.headers["Authorization"]
    browser, csrf = _browser(live, "coordinator@alpha.example")

    held = app.state.sessions()
    held.execute(delete(WebSession).where(WebSession.id == "none"))  # a write in progress: the lock is held
    assert held.info["write_lock"]
    outcome: dict[str, Any] = {}

    def upload() -> None:
        files = {"chart": ("chart.json", NSCLC, "application/json")}
        r = browser.post("/upload", data={"csrf_token": csrf, "as_of": "2026-11-20"}, files=files, timeout=60)
        outcome["upload"] = r.status_code

    t = threading.Thread(target=upload)
    try:
        t.start()
        time.sleep(0.5)  # the upload is now waiting for the write lock
        with httpx.Client(base_url=live, timeout=5) as c:
            assert c.get("/health").status_code == 200
            r = c.get(f"/api/v1/cases/{case['id']}", headers={"Authorization": token})
            assert r.status_code == 200 and r.json()["id"] == case["id"]
        assert "upload" not in outcome  # still waiting: the write really is held
    finally:
        held.rollback()
        held.close()
    t.join(60)
    assert outcome["upload"] == 303  # and once the lock is free, the upload goes through
