"""The FHIR client's own rules, on an in-process transport (no server needed): retries, Retry-After,
401 renewal, size caps, same-origin paging, unreachable servers, keys and assertions, CLI arguments."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest

from priorauth.cli.main import main
from priorauth.ehr import Connection, Limits, read_chart
from priorauth.ehr.auth import BackendServices, BackendServicesConfig
from priorauth.ehr.http import FhirHttp, ReadFailed, retry_after
from priorauth.ehr.keys import load_private_key, public_jwk, write_pair
from priorauth.errors import PriorauthError
from tests.ehr.servers import free_port

BASE = "http://ehr.test/fhir"
NO_WAIT = Limits(retries=2, backoff=0.01, max_wait=5)


def fhir(status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(
        status, headers={"Content-Type": "application/fhir+json", **(headers or {})}, content=json.dumps(body)
    )


def client(handler: Any, auth: Any = None, limits: Limits = NO_WAIT) -> tuple[FhirHttp, list[float]]:
    waits: list[float] = []
    return FhirHttp(BASE, auth, limits, transport=httpx.MockTransport(handler), sleep=waits.append), waits


def test_retry_after_values() -> None:
    assert retry_after("3") == 3.0
    assert retry_after(None) is None
    assert retry_after("soon") is None
    assert 0.0 <= (retry_after("Wed, 21 Oct 2015 07:28:00 GMT") or 0.0) < 1.0  # a date in the past: now


def test_429_then_answer_waits_as_told() -> None:
    calls = []

    def handler(req: httpx.Request) -> httpx.Response:
        calls.append(req)
        if len(calls) == 1:
            return fhir(429, {"resourceType": "OperationOutcome"}, {"Retry-After": "2"})
        return fhir(200, {"resourceType": "Patient", "id": "p"})

    http, waits = client(handler)
    assert http.get_json("Patient/p")["id"] == "p"
    assert waits == [2.0] and http.requests == 2


def test_503_without_retry_after_backs_off_then_fails() -> None:
    http, waits = client(lambda req: fhir(503, {"resourceType": "OperationOutcome"}))
    with pytest.raises(ReadFailed, match="HTTP 503 after 3 attempt"):
        http.get_json("Observation")
    assert len(waits) == 2 and all(0 < w <= 5 for w in waits)


def test_404_is_not_retried() -> None:
    http, waits = client(
        lambda req: fhir(404, {"resourceType": "OperationOutcome", "issue": [{"diagnostics": "gone"}]})
    )
    with pytest.raises(ReadFailed, match="HTTP 404: gone") as exc:
        http.get_json("Patient/x")
    assert exc.value.status == 404 and waits == []


class Renewing:
    def __init__(self) -> None:
        self.token = "old"
        self.renewed = 0

    def header(self) -> str:
        return f"Bearer {self.token}"

    def renew(self, rejected: str | None) -> bool:
        assert rejected == "Bearer old"
        self.renewed += 1
        self.token = "new"
        return True


def test_401_renews_the_token_once() -> None:
    def handler(req: httpx.Request) -> httpx.Response:
        if req.headers["Authorization"] == "Bearer old":
            return fhir(401, {"resourceType": "OperationOutcome"})
        return fhir(200, {"resourceType": "Patient", "id": "p"})

    auth = Renewing()
    http, _ = client(handler, auth)
    assert http.get_json("Patient/p")["id"] == "p"
    assert auth.renewed == 1


def test_size_cap_stops_the_download() -> None:
    http, _ = client(lambda req: httpx.Response(200, content=b"x" * 5000))
    with pytest.raises(ReadFailed, match="larger than"):
        http.get("Binary/big", cap=1000)


def test_other_origins_are_never_requested() -> None:
    http, _ = client(lambda req: pytest.fail("no request expected"))
    with pytest.raises(ReadFailed, match="not on the FHIR server"):
        http.get("https://elsewhere.example/fhir/Patient/p")


def test_next_link_to_another_server_is_not_followed() -> None:
    def handler(req: httpx.Request) -> httpx.Response:
        path = req.url.path
        if path.endswith("/metadata"):
            return fhir(
                200,
                {
                    "resourceType": "CapabilityStatement",
                    "fhirVersion": "4.0.1",
                    "rest": [{"mode": "server", "resource": [{"type": "Patient"}, {"type": "Condition"}]}],
                },
            )
        if path.endswith("/Patient/p"):
            return fhir(200, {"resourceType": "Patient", "id": "p"})
        if path.endswith("/Condition"):
            return fhir(
                200,
                {
                    "resourceType": "Bundle",
                    "type": "searchset",
                    "entry": [],
                    "link": [{"relation": "next", "url": "https://evil.example/fhir?page=2"}],
                },
            )
        return fhir(404, {"resourceType": "OperationOutcome"})

    loaded, stats = read_chart(Connection(BASE, limits=NO_WAIT), "p", transport=httpx.MockTransport(handler))
    assert "another server" in loaded.unread["Condition"]
    assert not stats.everything


def test_unreachable_server_is_one_line_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    port = free_port()  # nothing listens there
    code = main(["check", "--fhir-server", f"http://127.0.0.1:{port}/fhir", "--patient", "p"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and err.startswith(
        f"priorauth: cannot reach the FHIR server at http://127.0.0.1:{port}/fhir/"
    )


@pytest.mark.parametrize(
    "args, message",
    [
        (["check", "--fhir-server", BASE], "--fhir-server needs --patient"),
        (["check", "chart.json", "--fhir-server", BASE, "--patient", "p"], "not both"),
        (["check", "chart.json", "--token", "t"], "--token needs --fhir-server"),
        (["check"], "give a chart file or folder"),
        (["check", "--fhir-server", "ftp://x", "--patient", "p"], "is not an http(s) URL"),
        (["check", "--fhir-server", BASE, "--patient", "p", "--client-id", "c"], "needs both --client-id and --key"),
        (["check", "--fhir-server", BASE, "--patient", "a/b"], "is not a FHIR id"),
        (
            ["check", "--fhir-server", BASE, "--patient", "p", "--client-id", "c", "--key", "/nonexistent.pem"],
            "cannot read the private key",
        ),
    ],
)
def test_bad_ehr_arguments_are_one_line(args: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err


@pytest.mark.parametrize("alg", ["ES384", "RS384"])
def test_keys_and_a_verifiable_assertion(alg: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["keys", str(tmp_path / "k"), "--alg", alg]) == 0
    key_file, jwks_file = tmp_path / "k" / "private-key.pem", tmp_path / "k" / "jwks.json"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    jwks = json.loads(jwks_file.read_text())
    (jwk,) = jwks["keys"]
    assert jwk["alg"] == alg and "d" not in jwk and jwk["kid"] in capsys.readouterr().out
    assert public_jwk(load_private_key(key_file)) == jwk
    bs = BackendServices(BackendServicesConfig("me", str(key_file), "https://auth.example/token"), BASE)
    token = bs.assertion()
    assert jwt.get_unverified_header(token)["kid"] == jwk["kid"]
    claims = jwt.decode(token, jwt.PyJWK(jwk).key, algorithms=[alg], audience="https://auth.example/token")
    assert claims["iss"] == claims["sub"] == "me" and claims["exp"] - claims["iat"] <= 300 and claims["jti"]
    assert bs.assertion() != token  # a fresh jti each time
    assert main(["keys", str(tmp_path / "k")]) == 2  # never overwritten


def test_write_pair_rejects_an_unknown_algorithm(tmp_path: Path) -> None:
    with pytest.raises(PriorauthError, match="use ES384 or RS384"):
        write_pair(tmp_path, "HS256")
