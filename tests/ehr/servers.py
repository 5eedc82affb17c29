"""The real test servers, started once per session: HAPI FHIR (scripts/fhir-test-server) and the SMART
authorization server (oidc-provider, tests/smart_auth), plus a fault-injecting proxy of our own.

Without java/mvn/node the tests that need them skip locally; under CI (``CI`` set) they fail instead.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "fhir-test-server"
AUTH_APP = ROOT / "tests" / "smart_auth"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def need(*programs: str) -> None:
    missing = [p for p in programs if shutil.which(p) is None]
    if missing:
        msg = f"{', '.join(missing)} not installed: the EHR tests need them"
        if os.environ.get("CI"):
            pytest.fail(msg)
        pytest.skip(msg)


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=3) as resp:  # noqa: S310 (loopback)
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


class Hapi:
    """A running HAPI FHIR server: given (PRIORAUTH_TEST_FHIR_PORT) or started by the script."""

    def __init__(self) -> None:
        given = os.environ.get("PRIORAUTH_TEST_FHIR_PORT")
        self.started = not given
        if given:
            self.port = int(given)
        else:
            need("java", "mvn")
            self.port = free_port()
            done = subprocess.run([str(SCRIPT), "start", str(self.port)], capture_output=True, text=True, timeout=900)
            if done.returncode != 0:
                raise RuntimeError(f"fhir-test-server start failed: {done.stderr[-2000:]}")
        self.base = f"http://127.0.0.1:{self.port}/fhir"
        wait_for(f"{self.base}/metadata", 120)

    def load(self, *paths: Path, groups: tuple[str, ...] = ()) -> None:
        """Load files or folders; each of ``groups`` becomes a Group of every Patient loaded."""
        flags = [arg for gid in groups for arg in ("--group", gid)]
        done = subprocess.run(
            [str(SCRIPT), "load", str(self.port), *map(str, paths), *flags], capture_output=True, text=True, timeout=900
        )
        if done.returncode != 0:
            raise RuntimeError(f"fhir-test-server load failed: {done.stderr[-2000:]}")

    def stop(self) -> None:
        if self.started:
            subprocess.run([str(SCRIPT), "stop", str(self.port)], capture_output=True, timeout=120, check=False)


@dataclass
class AuthServer:
    """oidc-provider with the SMART layer and the token-checking proxy (``fhir``) in front of HAPI."""

    port: int
    proc: subprocess.Popen[bytes]
    keys: dict[str, Path]  # client id -> its private key
    log: Path

    @property
    def issuer(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def fhir(self) -> str:
        return f"{self.issuer}/fhir"

    @property
    def token_url(self) -> str:
        return f"{self.issuer}/token"

    def expire_tokens(self) -> None:
        httpx.post(f"{self.issuer}/admin/expire-tokens", timeout=10).raise_for_status()

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def start_auth(
    fhir_upstream: str,
    workdir: Path,
    app_clients: list[dict[str, Any]] | None = None,
    users: list[dict[str, str]] | None = None,
) -> AuthServer:
    """The auth server with the Backend Services clients, plus ``app_clients`` (SMART App Launch:
    client_id, client_secret, redirect_uris) and the EHR ``users`` who can sign in (username, fhirUser)."""
    need("node", "npm")
    if not (AUTH_APP / "node_modules" / "oidc-provider").exists():
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund"], cwd=AUTH_APP, check=True, capture_output=True, timeout=600
        )
    keys: dict[str, Path] = {}
    clients = []
    for client_id, alg, scope in (
        ("priorauth-es384", "ES384", "system/*.rs"),
        ("priorauth-rs384", "RS384", "system/*.rs"),
        ("priorauth-narrow", "ES384", "system/Patient.rs"),
    ):
        folder = workdir / client_id
        subprocess.run(
            [str(ROOT / ".venv/bin/priorauth"), "keys", str(folder), "--alg", alg], check=True, capture_output=True
        )
        keys[client_id] = folder / "private-key.pem"
        clients.append({"client_id": client_id, "jwks": json.loads((folder / "jwks.json").read_text()), "scope": scope})
    (workdir / "clients.json").write_text(json.dumps([*clients, *(app_clients or [])]))
    (workdir / "users.json").write_text(json.dumps(users or []))
    port = free_port()
    log = workdir / "auth.log"
    env = {**os.environ, "SMART_TEST_ADMIN": "1", "NODE_ENV": "test"}
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [
                "node",
                "server.js",
                "--port",
                str(port),
                "--fhir",
                fhir_upstream,
                "--clients",
                str(workdir / "clients.json"),
                "--users",
                str(workdir / "users.json"),
            ],
            cwd=AUTH_APP,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )
    server = AuthServer(port, proc, keys, log)
    try:
        wait_for(f"{server.fhir}/.well-known/smart-configuration", 60)
    except RuntimeError:
        server.stop()
        raise RuntimeError(f"the auth server did not start: {log.read_text()[-2000:]}") from None
    return server


# -- a fault-injecting proxy ------------------------------------------------------------------------------
@dataclass
class Rule:
    """When ``match(path_and_query, count)`` holds, ``act`` answers (status, headers, body) or returns None to
    forward. ``count`` is how many requests matched this rule before (0 for the first)."""

    match: Callable[[str], bool]
    act: Callable[[int], tuple[int, dict[str, str], bytes] | float | None]
    hits: int = 0


@dataclass
class FaultProxy:
    upstream: str  # e.g. http://127.0.0.1:H/fhir
    rules: list[Rule] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    hide_everything: bool = False
    after_request: Callable[[int], None] | None = None  # called with the request count after each answer
    closed: bool = field(default=False, init=False)

    def __post_init__(self) -> None:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                proxy._handle(self)

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request: Any, client_address: Any) -> None:
                # A request still in flight when the proxy was closed (a slow answer's sleep) fails on the closed
                # client: say nothing, or its traceback lands in whatever test captures stderr next.
                if not proxy.closed:
                    super().handle_error(request, client_address)

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.client = httpx.Client(timeout=120)
        self._lock = threading.Lock()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}/fhir"

    def close(self) -> None:
        self.closed = True
        self.server.shutdown()
        self.server.server_close()
        self.client.close()

    def _handle(self, h: BaseHTTPRequestHandler) -> None:
        path = h.path
        with self._lock:
            self.requests.append(path)
            count = len(self.requests)
            action = None
            for rule in self.rules:
                if rule.match(path):
                    action = rule.act(rule.hits)
                    rule.hits += 1
                    break
        if isinstance(action, int | float) and not isinstance(action, bool):
            time.sleep(float(action))  # a slow answer, then forwarded
            action = None
        if action is None:
            rest = path.removeprefix("/fhir")
            headers = {k: v for k, v in h.headers.items() if k.lower() in ("accept", "authorization", "prefer")}
            headers["X-Forwarded-Host"] = f"127.0.0.1:{self.port}"
            try:
                up = self.client.get(self.upstream + rest, headers=headers)
            except httpx.HTTPError:
                self._send(h, 502, {}, b"")
                return
            body = up.content
            if self.hide_everything and rest.startswith("/metadata"):
                body = _without_everything(body)
            passed = {"Content-Type": up.headers.get("content-type", "application/fhir+json")}
            for name in ("Content-Location", "Retry-After", "X-Progress"):  # Bulk Data's kick-off and status
                if name in up.headers:
                    passed[name] = up.headers[name]
            self._send(h, up.status_code, passed, body)
        else:
            self._send(h, *action)
        if self.after_request:
            self.after_request(count)

    @staticmethod
    def _send(h: BaseHTTPRequestHandler, status: int, headers: dict[str, str], body: bytes) -> None:
        try:
            h.send_response(status)
            for k, v in headers.items():
                h.send_header(k, v)
            if "Content-Length" not in headers:
                h.send_header("Content-Length", str(len(body)))
            else:  # a rule may promise more than it sends: the connection then drops (a broken download)
                h.close_connection = True
            h.end_headers()
            h.wfile.write(body)
        except OSError:
            pass  # the client gave up (a timeout test)


def _without_everything(body: bytes) -> bytes:
    """The CapabilityStatement as an EHR without Patient/$everything would give it."""
    doc = json.loads(body)
    for rest in doc.get("rest", []):
        for res in rest.get("resource", []):
            if res.get("type") == "Patient":
                res["operation"] = [o for o in res.get("operation", []) if o.get("name") != "everything"]
    return json.dumps(doc).encode()


def outcome(status: int, text: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    body = {
        "resourceType": "OperationOutcome",
        "issue": [{"severity": "error", "code": "exception", "diagnostics": text}],
    }
    return status, {"Content-Type": "application/fhir+json", **(headers or {})}, json.dumps(body).encode()
