"""The SMART App Launch client without servers: the issuer setting, discovery's refusals, v1/v2 scopes,
the sealed launch and tokens (tampered or foreign ciphertext is refused), the authorization URL."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from cryptography.fernet import Fernet

from priorauth.ehr import launch as smart
from priorauth.errors import PriorauthError
from priorauth.web.settings import load_settings

ISS = "https://ehr.example.org/fhir/r4"


def config(**over: Any) -> dict[str, Any]:
    doc = {
        "authorization_endpoint": "https://ehr.example.org/auth",
        "token_endpoint": "https://ehr.example.org/token",
        "code_challenge_methods_supported": ["S256"],
        "capabilities": ["launch-ehr", "permission-v2"],
        "jwks_uri": "https://ehr.example.org/jwks",
        "issuer": "https://ehr.example.org",
    }
    doc.update(over)
    return {k: v for k, v in doc.items() if v is not None}


def discover(doc: dict[str, Any] | None, status: int = 200) -> smart.Endpoints:
    def answer(request: httpx.Request) -> httpx.Response:
        assert str(request.url) == ISS + "/.well-known/smart-configuration"
        return httpx.Response(status, json=doc) if doc is not None else httpx.Response(status, text="<html>")

    return smart.discover(ISS + "/", transport=httpx.MockTransport(answer))


@pytest.mark.parametrize(
    ("doc", "status", "message"),
    [
        (config(code_challenge_methods_supported=["plain"]), 200, "does not offer PKCE S256"),
        (config(code_challenge_methods_supported=None), 200, "does not offer PKCE S256"),
        (config(authorization_endpoint=None), 200, "no authorization and token endpoints"),
        (config(token_endpoint="ftp://x"), 200, "no authorization and token endpoints"),
        (None, 404, "has no SMART configuration (HTTP 404)"),
        (None, 200, "has no SMART configuration"),
    ],
)
def test_discovery_refuses_what_smart_2_does_not_allow(doc: Any, status: int, message: str) -> None:
    with pytest.raises(PriorauthError) as err:
        discover(doc, status)
    assert message in err.value.message


def test_v1_only_servers_are_asked_for_v1_scopes() -> None:
    assert smart.scopes(discover(config()), standalone=False).endswith("patient/*.rs")
    v1 = discover(config(capabilities=["launch-ehr", "permission-v1"], scopes_supported=["patient/*.read"]))
    assert smart.scopes(v1, standalone=True) == "launch/patient openid fhirUser offline_access patient/*.read"


def test_the_authorization_url_has_pkce_s256_state_aud_and_launch() -> None:
    issuer = smart.Issuer(ISS, "Practice", "client-1", "secret")
    url, pending = smart.begin(issuer, discover(config()), "https://pa.example.org/smart/callback", "L123")
    q = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
    assert q["response_type"] == "code" and q["client_id"] == "client-1"
    assert q["code_challenge_method"] == "S256" and q["state"] == pending.state
    assert q["aud"] == ISS and q["launch"] == "L123" and q["redirect_uri"].endswith("/smart/callback")
    import base64
    import hashlib

    digest = hashlib.sha256(pending.verifier.encode()).digest()
    assert q["code_challenge"] == base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    _, again = smart.begin(issuer, discover(config()), "https://pa.example.org/smart/callback", None)
    assert again.state != pending.state and again.verifier != pending.verifier and again.standalone


def test_sealed_values_refuse_tampering_and_other_keys() -> None:
    key, other = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    tokens = {"access_token": "secret-token", "refresh_token": "r"}
    blob = smart.seal(key, tokens)
    assert b"secret-token" not in blob
    assert smart.unseal(key, blob) == tokens
    assert smart.unseal(other, blob) is None
    flipped = bytearray(blob)
    flipped[40] ^= 1
    assert smart.unseal(key, bytes(flipped)) is None
    pending = smart.Pending(ISS, "state", "verifier", False, "launch")
    sealed = smart.seal_pending(key, pending)
    assert smart.unseal_pending(key, sealed) == pending
    assert smart.unseal_pending(other, sealed) is None and smart.unseal_pending(key, "garbage") is None


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"PRIORAUTH_SMART_ISSUERS": "[1]"}, "setting smart_issuers"),
        ({"PRIORAUTH_SMART_ISSUERS": json.dumps({"ehr": {"practice": "p", "client_id": "c"}})}, "not an http(s)"),
        ({"PRIORAUTH_SMART_ISSUERS": json.dumps({ISS: {"practice": "p"}})}, "needs a practice and a client_id"),
        ({"PRIORAUTH_SMART_TOKEN_KEY": "not-a-key"}, "not a Fernet key"),
    ],
)
def test_bad_smart_settings_are_one_line(env: dict[str, str], message: str, tmp_path: Path) -> None:
    (tmp_path / "none.toml").write_text("")
    with pytest.raises(PriorauthError) as err:
        load_settings({"PRIORAUTH_CONFIG": str(tmp_path / "none.toml"), **env})
    assert message in err.value.message or message in err.value.message.replace("Value error, ", "")


def test_good_smart_settings_load(tmp_path: Path) -> None:
    (tmp_path / "none.toml").write_text("")
    key = Fernet.generate_key().decode()
    issuers = json.dumps({ISS + "/": {"practice": "Lakeside", "client_id": "c", "client_secret": "s"}})
    s = load_settings(
        {
            "PRIORAUTH_CONFIG": str(tmp_path / "none.toml"),
            "PRIORAUTH_SMART_ISSUERS": issuers,
            "PRIORAUTH_SMART_TOKEN_KEY": key,
        }
    )
    assert smart.parse_issuers(s.smart_issuers)[ISS] == smart.Issuer(ISS, "Lakeside", "c", "s")
