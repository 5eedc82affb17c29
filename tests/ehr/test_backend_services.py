"""SMART Backend Services against a real OAuth server (oidc-provider) guarding HAPI FHIR: the CLI reads
behind it with ES384 and RS384 keys, with a bearer token (option or environment), and is refused — in
one line, exit 2 — for a wrong key, an expired assertion, a reused jti and a missing token."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import httpx
import pytest

from priorauth.api import check
from priorauth.cli.main import main
from priorauth.ehr import BackendServicesConfig, Connection, read_chart
from priorauth.ehr import auth as auth_mod
from priorauth.ehr.auth import BackendServices
from tests.ehr.conftest import AS_OF, comparable, example_file, synthea_files, synthea_patient
from tests.ehr.servers import ROOT, FaultProxy

CLI = str(ROOT / ".venv" / "bin" / "priorauth")


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=300, env={**os.environ, **(env or {})})


def one_line_error(done: subprocess.CompletedProcess[str] | tuple[int, str]) -> str:
    code, err = (done.returncode, done.stderr) if isinstance(done, subprocess.CompletedProcess) else done
    assert code == 2, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("priorauth: "), err
    assert "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize("client", ["priorauth-es384", "priorauth-rs384"])
def test_check_behind_the_authorization_server(auth: Any, client: str) -> None:
    done = run(
        "check",
        "--fhir-server",
        auth.fhir,
        "--patient",
        "e01",
        "--as-of",
        AS_OF,
        "--format",
        "json",
        "--client-id",
        client,
        "--key",
        str(auth.keys[client]),
    )  # token URL by SMART discovery
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    assert comparable(got) == comparable(check(example_file("e01"), as_of=AS_OF))


def test_synthea_chart_behind_the_authorization_server(auth: Any) -> None:
    path = synthea_files()[1]
    cfg = BackendServicesConfig("priorauth-rs384", str(auth.keys["priorauth-rs384"]), auth.token_url)
    loaded, stats = read_chart(Connection(auth.fhir, backend=cfg), synthea_patient(path))
    assert stats.everything
    assert comparable(check(loaded, as_of=AS_OF)) == comparable(check(path, as_of=AS_OF))


def test_packet_behind_the_authorization_server(auth: Any, tmp_path: Path) -> None:
    done = run(
        "packet",
        "--fhir-server",
        auth.fhir,
        "--patient",
        "e03",
        "--as-of",
        AS_OF,
        "-o",
        str(tmp_path / "p"),
        "--client-id",
        "priorauth-es384",
        "--key",
        str(auth.keys["priorauth-es384"]),
        "--token-url",
        auth.token_url,
        "--practice",
        str(ROOT / "examples" / "practice.yaml"),
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "p").is_dir() and any((tmp_path / "p").iterdir())
    assert "packet" in done.stderr


def token(auth: Any, client: str = "priorauth-es384") -> str:
    bs = BackendServices(BackendServicesConfig(client, str(auth.keys[client]), auth.token_url), auth.fhir)
    return (bs.header() or "").removeprefix("Bearer ")


def test_bearer_token_option_and_environment(auth: Any) -> None:
    tok = token(auth)
    by_option = run(
        "check", "--fhir-server", auth.fhir, "--patient", "e02", "--as-of", AS_OF, "--format", "json", "--token", tok
    )
    assert by_option.returncode == 0, by_option.stderr
    by_env = run(
        "check",
        "--fhir-server",
        auth.fhir,
        "--patient",
        "e02",
        "--as-of",
        AS_OF,
        "--format",
        "json",
        env={"PRIORAUTH_FHIR_TOKEN": tok},
    )
    assert by_env.returncode == 0, by_env.stderr
    assert json.loads(by_option.stdout) == json.loads(by_env.stdout)
    assert json.loads(by_env.stdout)["overall"] == check(example_file("e02"), as_of=AS_OF)["overall"]


def test_no_token_is_refused_in_one_line(auth: Any) -> None:
    line = one_line_error(run("check", "--fhir-server", auth.fhir, "--patient", "e01"))
    assert "refused" in line and "401" in line


def test_narrow_scope_reads_only_what_it_may(auth: Any) -> None:
    """A client allowed only system/Patient.rs gets the patient, and a warning for everything else."""
    cfg = BackendServicesConfig(
        "priorauth-narrow", str(auth.keys["priorauth-narrow"]), auth.token_url, "system/Patient.rs"
    )
    loaded, _ = read_chart(Connection(auth.fhir, backend=cfg), "e01")
    doc = check(loaded, as_of=AS_OF)
    assert "Condition" in loaded.unread and "403" in loaded.unread["Condition"]
    assert all(c["status"] != "met" or c["id"] == "adult" for c in doc["criteria"])


def test_wrong_key_is_refused(auth: Any, tmp_path: Path) -> None:
    assert run("keys", str(tmp_path / "other")).returncode == 0
    done = run(
        "check",
        "--fhir-server",
        auth.fhir,
        "--patient",
        "e01",
        "--client-id",
        "priorauth-es384",
        "--key",
        str(tmp_path / "other" / "private-key.pem"),
    )
    line = one_line_error(done)
    assert "refused client 'priorauth-es384': invalid_client" in line


def test_expired_assertion_is_refused(
    auth: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = auth_mod._now
    monkeypatch.setattr(auth_mod, "_now", lambda: real() - 3600)  # signed an hour ago: expired 55 minutes ago
    code = main(
        [
            "check",
            "--fhir-server",
            auth.fhir,
            "--patient",
            "e01",
            "--token-url",
            auth.token_url,
            "--client-id",
            "priorauth-es384",
            "--key",
            str(auth.keys["priorauth-es384"]),
        ]
    )
    line = one_line_error((code, capsys.readouterr().err))
    assert "invalid_client" in line


def test_reused_jti_is_refused(auth: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(auth_mod, "_jti", lambda: "the-same-jti-every-time")
    args = [
        "check",
        "--fhir-server",
        auth.fhir,
        "--patient",
        "e01",
        "--as-of",
        AS_OF,
        "--format",
        "json",
        "--token-url",
        auth.token_url,
        "--client-id",
        "priorauth-rs384",
        "--key",
        str(auth.keys["priorauth-rs384"]),
    ]
    assert main(args) == 0
    capsys.readouterr()
    line = one_line_error((main(args), capsys.readouterr().err))
    assert "invalid_client" in line


def test_token_expiring_mid_read(auth: Any) -> None:
    """After the fourth request every token issued so far stops working: one 401, a new token, same chart."""
    proxy = FaultProxy(auth.fhir)
    proxy.hide_everything = True  # type by type: many requests, the token expires in the middle
    proxy.after_request = lambda n: auth.expire_tokens() if n == 4 else None
    try:
        bs = BackendServices(
            BackendServicesConfig("priorauth-es384", str(auth.keys["priorauth-es384"]), auth.token_url), proxy.base
        )
        from priorauth.ehr.http import FhirHttp
        from priorauth.ehr.source import FhirSource

        http = FhirHttp(proxy.base, bs)
        loaded = FhirSource(http, "e05").read()
        http.close()
    finally:
        proxy.close()
    assert bs.tokens_fetched == 2
    assert not loaded.unread
    assert comparable(check(loaded, as_of=AS_OF)) == comparable(check(example_file("e05"), as_of=AS_OF))


def test_smart_discovery_names_the_token_endpoint(auth: Any) -> None:
    conf = httpx.get(f"{auth.fhir}/.well-known/smart-configuration").json()
    assert conf["token_endpoint"] == auth.token_url
    assert "private_key_jwt" in conf["token_endpoint_auth_methods_supported"]
    assert {"RS384", "ES384"} <= set(conf["token_endpoint_auth_signing_alg_values_supported"])
