"""``priorauth serve`` as a real process: first start with no settings, no patient data in its logs over
a full run, and a kill -9 in the middle of a burst of writes that loses nothing committed and leaves no
half-written case."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.web.conftest import AS_OF, NSCLC, PASSWORD, PG_URL, reset_postgres

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, home: Path, database_url: str | None, **settings: str) -> None:
        self.home, self.database_url, self.settings = home, database_url, settings
        self.port = _port()
        self.log = home / "server.log"
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PRIORAUTH_", "DATABASE_URL", "XDG_"))}
        env |= {"HOME": str(self.home), "PRIORAUTH_PORT": str(self.port), "PRIORAUTH_SECURE_COOKIES": "false"}
        if self.database_url:
            env["DATABASE_URL"] = self.database_url
        env |= {f"PRIORAUTH_{k.upper()}": v for k, v in self.settings.items()}
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen([sys.executable, "-m", "priorauth", "serve"], env=env, stdout=out, stderr=out)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        raise AssertionError(f"the server did not start:\n{self.log.read_text()}")

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(20)


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param("postgresql", marks=pytest.mark.skipif(not PG_URL, reason="TEST_DATABASE_URL is not set")),
    ]
)
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Server]:
    url = None
    if request.param == "postgresql":
        reset_postgres(PG_URL)
        url = PG_URL
    s = Server(tmp_path, url)
    s.start()
    yield s
    s.stop()


def _setup(s: Server) -> httpx.Client:
    body = {
        "practice_name": "Alpha",
        "admin_email": "admin@alpha.example",
        "admin_name": "A",
        "admin_password": PASSWORD,
    }
    r = httpx.post(f"{s.url}/api/v1/setup", json=body)
    assert r.status_code == 201, r.text
    return httpx.Client(
        base_url=f"{s.url}/api/v1", headers={"Authorization": f"Bearer {r.json()['token']['token']}"}, timeout=60
    )


def _phi() -> list[str]:
    """What identifies the example chart's patient: name parts, birth date, ids and identifiers."""
    out = set()
    for e in json.loads(NSCLC)["entry"]:
        r = e["resource"]
        if r["resourceType"] == "Patient":
            out |= {r["id"], r.get("birthDate", "")}
            for n in r.get("name", []):
                out |= {n.get("family", ""), *n.get("given", [])}
            out |= {i.get("value", "") for i in r.get("identifier", [])}
        if r["resourceType"] == "Coverage":
            out.add(r.get("subscriberId", ""))
    return sorted(v for v in out if len(v) >= 3)


def test_first_start_full_run_and_no_patient_data_in_the_logs(server: Server) -> None:
    if server.database_url is None:
        assert list((server.home / ".local/share/priorauth").glob("priorauth.db"))
    api = _setup(server)
    chart = api.post("/charts", content=NSCLC, headers={"Content-Type": "application/fhir+json"}).json()
    case = api.post("/cases", json={"chart_id": chart["id"], "as_of": AS_OF}).json()
    assert case["determination"]["document"]["overall"] == "ready"
    cid = case["id"]
    for path in (
        "/patients",
        f"/patients/{chart['patient_id']}",
        f"/cases/{cid}",
        f"/cases/{cid}/determination",
        "/audit.csv",
    ):
        assert api.get(path).status_code == 200
    api.patch(f"/cases/{cid}", json={"version": api.get(f"/cases/{cid}").json()["version"], "status": "ready"})
    api.post(f"/cases/{cid}/submissions", json={"method": "fax"})
    api.post(f"/cases/{cid}/decisions", json={"outcome": "denied", "reason": "needs more"})
    api.post("/cases", json={"chart_id": chart["id"], "as_of": "2026-02-30"})  # a 422
    api.get("/cases/nope")  # a 404
    api.post("/charts", content=b"{broken")  # a 422 from the chart reader
    server.stop()
    log = server.log.read_text()
    assert "POST /cases 201" in log and "GET /cases/{case_id} 200" in log  # the log is there...
    phi = _phi()
    assert len(phi) >= 4
    leaked = [v for v in phi if v in log]
    assert not leaked, f"patient data in the server log: {leaked}"  # ...and holds none of the patient's data


def test_kill_during_a_burst_of_writes_loses_nothing_committed(server: Server) -> None:
    api = _setup(server)
    chart = api.post("/charts", content=NSCLC).json()
    committed: list[str] = []
    stop = threading.Event()

    def writer() -> None:
        with httpx.Client(base_url=str(api.base_url), headers=api.headers, timeout=30) as c:
            while not stop.is_set():
                try:
                    r = c.post("/cases", json={"chart_id": chart["id"], "as_of": AS_OF, "note": "burst"})
                except httpx.HTTPError:
                    return
                if r.status_code == 201:
                    committed.append(r.json()["id"])

    threads = [threading.Thread(target=writer) for _ in range(6)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 30
    while len(committed) < 5 and time.monotonic() < deadline:
        time.sleep(0.05)
    server.kill()
    stop.set()
    for t in threads:
        t.join()
    assert len(committed) >= 5
    server.start()
    after = httpx.Client(base_url=str(api.base_url), headers=api.headers, timeout=30)
    cases = after.get("/cases", params={"limit": 1000}).json()
    ids = {c["id"] for c in cases}
    assert set(committed) <= ids  # every 201 survived
    for c in cases:  # no half-written case: each has its determination and its audit event
        d = after.get(f"/cases/{c['id']}").json()["determination"]
        assert d is not None and d["document"]["overall"] == "ready" and c["request_type"] == "initial"
    created = {
        e["resource_id"]
        for e in after.get("/audit", params={"action": "create", "resource": "case", "limit": 10000}).json()
    }
    assert ids == created
    if server.database_url is None:
        import sqlite3

        db = sqlite3.connect(server.home / ".local/share/priorauth/priorauth.db")
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        db.close()


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param("postgresql", marks=pytest.mark.skipif(not PG_URL, reason="TEST_DATABASE_URL is not set")),
    ]
)
def patient_server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Server]:
    """A server whose database waits are long (120 s) and whose shutdown bound is short (2 s)."""
    url = None
    if request.param == "postgresql":
        reset_postgres(PG_URL)
        url = PG_URL
    s = Server(tmp_path, url, lock_timeout_seconds="120", shutdown_timeout_seconds="2")
    s.start()
    yield s
    if s.proc and s.proc.poll() is None:
        s.kill()


def test_sigterm_stops_the_server_while_requests_wait_on_the_database(patient_server: Server) -> None:
    """SIGTERM while requests wait for a database lock held elsewhere (for up to 120 s): the server
    lets them run for its shutdown bound (2 s), then stops, and the process is gone well before the
    lock's timeout. Before, it waited for every request in progress, however long."""
    s = patient_server
    api = _setup(s)
    api.post("/charts", content=NSCLC).raise_for_status()
    if s.database_url is None:
        import sqlite3

        blocker = sqlite3.connect(s.home / ".local/share/priorauth/priorauth.db", timeout=5, isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")  # the write lock, held by another process
    else:
        import psycopg

        blocker = psycopg.connect(s.database_url.replace("postgresql+psycopg://", "postgresql://"))
        blocker.execute("LOCK TABLE charts IN ACCESS EXCLUSIVE MODE")  # in a transaction until rollback
    answers: list[object] = []

    def upload() -> None:
        try:
            answers.append(api.post("/charts", content=NSCLC, timeout=150).status_code)
        except httpx.HTTPError as exc:
            answers.append(type(exc).__name__)

    waiting = [threading.Thread(target=upload) for _ in range(3)]
    for t in waiting:
        t.start()
    time.sleep(2)  # the uploads are inside, waiting for the lock
    try:
        assert answers == []
        assert s.proc is not None
        s.proc.terminate()
        try:
            s.proc.wait(40)  # 2 s to finish, 2 s more at most to exit; far below the 120 s lock timeout
        except subprocess.TimeoutExpired:
            pytest.fail("the server did not stop within 40 s of SIGTERM")
    finally:
        blocker.rollback() if s.database_url else blocker.execute("ROLLBACK")
        blocker.close()
    for t in waiting:
        t.join(30)
    assert len(answers) == 3 and 200 not in answers and 201 not in answers
