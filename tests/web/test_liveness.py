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
from priorauth.web.app import close
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


def test_requests_holding_connections_are_never_starved_of_threads(app: Any) -> None:
    """The freeze of the open-loop load run (every thread waiting for a pooled connection, CPU 0, for
    ever under a steady arrival rate), made deterministic. A request keeps its pooled connection from
    its first query (authentication) to the end of its transaction, across several threadpool steps
    (the dependencies, the endpoint, the response's serialization). Here as many requests as the pool
    has connections have authenticated and are held just after; then 40 more arrive (as many as the
    threadpool has threads) and wait for a connection, holding the threads. Released, the first ones
    need a thread for their next step: with nothing to bound who gets in, every thread was held by a
    request waiting for a connection held by a request waiting for a thread, until the pool's timeout
    failed them all. Every request must be answered, with its case."""
    import asyncio

    practice = make_practice(app, "Alpha")
    case = open_case(practice.coordinator)
    headers = {"Authorization": practice.admin.headers["Authorization"]}
    pool = app.state.engine.pool
    holders = min(pool.size() + max(0, getattr(pool, "_max_overflow", 0)), 30)
    release, lock = threading.Event(), threading.Lock()
    state = {"paused": 0, "received": 0}

    class HoldFirst:  # stands in for the token-use recorder, called right after authentication
        def saw(self, _token_id: str) -> None:
            with lock:
                state["paused"] += 1
                hold = state["paused"] <= holders
            if hold:
                release.wait(60)

        def close(self) -> None:  # the app's shutdown closes its recorder
            pass

    app.state.token_use = HoldFirst()

    async def counted(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            with lock:
                state["received"] += 1
        await app(scope, receive, send)

    port = _port()
    server = uvicorn.Server(uvicorn.Config(counted, host="127.0.0.1", port=port, log_config=None, access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)

    def until(condition: Any, seconds: float = 60) -> None:
        end = time.monotonic() + seconds
        while not condition() and time.monotonic() < end:
            time.sleep(0.02)

    async def run() -> list[int]:
        limits = httpx.Limits(max_connections=200, max_keepalive_connections=200)
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=120, limits=limits) as c:

            async def read() -> int:
                r = await c.get(f"/api/v1/cases/{case['id']}", headers=headers)
                return r.status_code if r.status_code != 200 or r.json()["id"] == case["id"] else -1

            first = [asyncio.create_task(read()) for _ in range(holders)]
            await asyncio.to_thread(until, lambda: state["paused"] >= holders)
            more = [asyncio.create_task(read()) for _ in range(40)]
            await asyncio.to_thread(until, lambda: state["received"] >= holders + 40)
            await asyncio.sleep(1.0)  # the 40 reach their waits (a connection, or their turn)
            release.set()
            return list(await asyncio.gather(*first, *more))

    try:
        statuses = asyncio.run(run())
    finally:
        release.set()
        server.should_exit = True
        thread.join(15)
    assert state["paused"] >= holders
    assert statuses == [200] * (holders + 40), {s: statuses.count(s) for s in set(statuses)}


@pytest.fixture
def tight(database_url: str) -> Iterator[Any]:
    """An app admitting one request at a time, whose waits (a turn, a connection, a lock) end after 1 s."""
    from priorauth.web import Settings, create_app

    settings = Settings(
        database_url=database_url, evaluation_workers=0, lock_timeout_seconds=1, max_concurrent_requests=1
    )
    app = create_app(settings)
    yield app
    close(app)


def _is_busy(r: httpx.Response) -> bool:
    return r.status_code == 503 and r.json()["error"]["code"] == "busy" and r.headers.get("retry-after") == "1"


def test_no_free_connection_is_the_busy_error_not_a_wait(tight: Any) -> None:
    practice = make_practice(tight, "Alpha")
    case = open_case(practice.coordinator)
    engine = tight.state.engine
    held = []
    try:
        while engine.pool.checkedout() < engine.pool.size() + max(0, engine.pool._max_overflow):
            held.append(engine.connect())  # every pooled connection taken (by something else)
        r = practice.admin.get(f"/api/v1/cases/{case['id']}")
        assert _is_busy(r), r.text
    finally:
        for conn in held:
            conn.close()
    assert practice.admin.get(f"/api/v1/cases/{case['id']}").status_code == 200


def test_a_request_that_gets_no_turn_is_the_busy_error_and_health_still_answers(tight: Any) -> None:
    practice = make_practice(tight, "Alpha")
    case = open_case(practice.coordinator)
    headers = {"Authorization": practice.admin.headers["Authorization"]}
    release, inside = threading.Event(), threading.Event()

    class HoldOne:
        def saw(self, _token_id: str) -> None:
            inside.set()
            release.wait(30)

        def close(self) -> None:  # the app's shutdown closes its recorder
            pass

    tight.state.token_use = HoldOne()
    port = _port()
    server = uvicorn.Server(uvicorn.Config(tight, host="127.0.0.1", port=port, log_config=None, access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    first: dict[str, int] = {}
    base = f"http://127.0.0.1:{port}"

    def hold() -> None:
        first["status"] = httpx.get(f"{base}/api/v1/cases/{case['id']}", headers=headers, timeout=60).status_code

    t = threading.Thread(target=hold)
    try:
        t.start()
        assert inside.wait(30)  # the one admitted request is inside
        with httpx.Client(base_url=base, timeout=30) as c:
            assert _is_busy(c.get(f"/api/v1/cases/{case['id']}", headers=headers))  # no turn within 1 s
            assert c.get("/health").status_code == 200  # never queued
    finally:
        release.set()
        t.join(30)
        server.should_exit = True
        thread.join(15)
    assert first == {"status": 200}
