"""Credentials for a FHIR server: none, a bearer token, or SMART Backend Services.

SMART Backend Services (https://hl7.org/fhir/smart-app-launch/backend-services.html): the client signs a
short-lived JWT (RFC 7523 ``private_key_jwt``, RS384 or ES384, with a fresh ``jti``) with the private key
whose public half the EHR holds (its JWKS), and trades it at the token endpoint for an access token with
the ``client_credentials`` grant and ``system/*.rs``-style scopes. PyJWT signs; httpx posts.
"""

from __future__ import annotations

import threading
import time
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx
import jwt
import orjson

from priorauth.ehr.keys import algorithm_for, key_id, load_private_key
from priorauth.errors import Code, fail

ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
DEFAULT_SCOPE = "system/*.rs"
ASSERTION_LIFETIME = 300  # seconds; SMART says no more than five minutes
EARLY_RENEWAL = 30  # seconds before a token's expiry that a new one is fetched


class BearerToken:
    """A token given by the user (``--token`` or ``PRIORAUTH_FHIR_TOKEN``): nothing to renew."""

    def __init__(self, token: str) -> None:
        token = token.strip()
        if not token or any(c.isspace() for c in token):
            raise fail(Code.BAD_ARGUMENT, "the bearer token is empty or has spaces in it")
        self._header = f"Bearer {token}"

    def header(self) -> str | None:
        return self._header

    def renew(self, rejected: str | None) -> bool:
        return False


@dataclass(frozen=True)
class BackendServicesConfig:
    client_id: str
    key_path: str
    token_url: str | None = None  # else SMART discovery on the FHIR server
    scope: str = DEFAULT_SCOPE
    algorithm: str | None = None  # RS384 or ES384; default: from the key's type
    kid: str | None = None  # default: the key's RFC 7638 thumbprint, as `priorauth keys` writes it


class BackendServices:
    """Fetches (and renews) an access token with a signed client assertion."""

    def __init__(self, config: BackendServicesConfig, fhir_base: str, client: httpx.Client | None = None) -> None:
        self.config = config
        self.key = load_private_key(config.key_path)
        self.algorithm = config.algorithm or algorithm_for(self.key)
        if self.algorithm not in ("RS384", "ES384") or self.algorithm != algorithm_for(self.key):
            raise fail(
                Code.BAD_KEY,
                f"--alg {self.algorithm} does not fit the key in {config.key_path} ({algorithm_for(self.key)})",
            )
        self.kid = config.kid or key_id(self.key)
        self.fhir_base = fhir_base.rstrip("/") + "/"
        self._client = client or httpx.Client(timeout=httpx.Timeout(30.0, connect=5.0))
        self._token_url = config.token_url
        self._token: str | None = None
        self._expires = 0.0
        self._lock = threading.Lock()
        self.tokens_fetched = 0

    @property
    def token_url(self) -> str:
        if self._token_url is None:
            self._token_url = discover_token_url(self._client, self.fhir_base)
        return self._token_url

    def header(self) -> str | None:
        with self._lock:
            if self._token is None or time.time() > self._expires - EARLY_RENEWAL:
                self._fetch()
            return f"Bearer {self._token}"

    def renew(self, rejected: str | None) -> bool:
        with self._lock:
            if rejected == f"Bearer {self._token}":  # else another request already renewed it
                self._fetch()
        return True

    def assertion(self) -> str:
        now = _now()
        claims = {
            "iss": self.config.client_id,
            "sub": self.config.client_id,
            "aud": self.token_url,
            "iat": int(now),
            "exp": int(now) + ASSERTION_LIFETIME,
            "jti": _jti(),
        }
        return jwt.encode(claims, self.key, algorithm=self.algorithm, headers={"kid": self.kid, "typ": "JWT"})

    def _fetch(self) -> None:
        form = {
            "grant_type": "client_credentials",
            "scope": self.config.scope,
            "client_assertion_type": ASSERTION_TYPE,
            "client_assertion": self.assertion(),
        }
        try:
            resp = self._client.post(self.token_url, data=form, headers={"Accept": "application/json"})
        except httpx.TransportError as exc:
            raise fail(
                Code.EHR_UNREACHABLE, f"cannot reach the token endpoint {self.token_url} ({type(exc).__name__})"
            ) from None
        body = _json(resp.content)
        if resp.status_code != 200 or not isinstance(body.get("access_token"), str):
            error = body.get("error") or f"HTTP {resp.status_code}"
            detail = body.get("error_description")
            raise fail(
                Code.EHR_REFUSED,
                f"the authorization server refused client {self.config.client_id!r}: {error}"
                + (f" ({detail})" if isinstance(detail, str) and detail else ""),
            )
        self._token = body["access_token"]
        expires_in = body.get("expires_in")
        self._expires = time.time() + (float(expires_in) if isinstance(expires_in, int | float) else 300.0)
        self.tokens_fetched += 1


def _now() -> float:
    return time.time()


def _jti() -> str:
    """A fresh id per assertion: the authorization server refuses one it has seen (replay)."""
    return uuid.uuid4().hex


def discover_token_url(client: httpx.Client, fhir_base: str) -> str:
    """The token endpoint from ``.well-known/smart-configuration`` on the FHIR base (SMART discovery)."""
    url = urljoin(fhir_base, ".well-known/smart-configuration")
    try:
        resp = client.get(url, headers={"Accept": "application/json"})
    except httpx.TransportError as exc:
        raise fail(
            Code.EHR_UNREACHABLE, f"cannot reach the FHIR server at {fhir_base} ({type(exc).__name__})"
        ) from None
    body = _json(resp.content)
    token = body.get("token_endpoint")
    if resp.status_code != 200 or not isinstance(token, str) or urlsplit(token).scheme not in ("http", "https"):
        raise fail(
            Code.EHR_ERROR,
            f"no token endpoint in {url} (HTTP {resp.status_code}): give the token URL with --token-url",
        )
    return token


def _json(raw: bytes) -> dict[str, Any]:
    try:
        doc = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return {}
    return doc if isinstance(doc, dict) else {}
