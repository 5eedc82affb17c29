"""SMART App Launch 2.x, the client side (https://hl7.org/fhir/smart-app-launch/app-launch.html), with no
web framework in it: the workspace's routes (``priorauth.web.smart``) call these.

- :func:`discover` reads ``<iss>/.well-known/smart-configuration`` and refuses a server that does not
  offer PKCE ``S256``.
- :func:`begin` builds the authorization request (``response_type=code``, ``state``, PKCE S256
  ``code_challenge``, ``aud=<iss>``, ``launch`` for an EHR launch, ``launch/patient`` for a standalone one)
  and the :class:`Pending` launch the callback must match.
- :func:`finish` trades the code (with the ``code_verifier``) for tokens; :func:`identity` verifies the
  ``id_token`` (signature from the server's JWKS, audience, issuer) and returns its ``fhirUser``.
- :func:`refresh` renews an access token with the refresh token when one was offered.

authlib's OAuth 2 client does the protocol (PKCE, client authentication, token parsing); PyJWT checks the
id_token. Tokens are handed back to the caller, never logged; ``seal``/``unseal`` encrypt them (Fernet).
"""

from __future__ import annotations

import json
import secrets
import time
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpx
import jwt
from cryptography.fernet import Fernet, InvalidToken

from priorauth.errors import Code, fail

PENDING_SECONDS = 600  # a launch must come back from the authorization server within ten minutes
TIMEOUT = httpx.Timeout(30.0, connect=5.0)


@dataclass(frozen=True)
class Issuer:
    """One EHR registration: its FHIR base (``iss``), the practice it belongs to, priorauth's client there."""

    iss: str
    practice: str  # a practice id or name
    client_id: str
    client_secret: str = ""  # empty: a public client (PKCE only)


def parse_issuers(value: str) -> dict[str, Issuer]:
    """The ``smart_issuers`` setting: JSON ``{iss: {"practice", "client_id", "client_secret"?}}``; raises
    ValueError naming what is wrong."""
    try:
        doc = json.loads(value or "{}")
    except ValueError:
        raise ValueError("not JSON: give {iss: {practice, client_id, client_secret}}") from None
    if not isinstance(doc, dict):
        raise ValueError("a JSON object is needed: {iss: {practice, client_id, client_secret}}")
    out: dict[str, Issuer] = {}
    for iss, entry in doc.items():
        if urlsplit(str(iss)).scheme not in ("http", "https"):
            raise ValueError(f"{iss!r} is not an http(s) FHIR base URL")
        if not isinstance(entry, dict) or not all(
            isinstance(entry.get(k), str) and entry[k] for k in ("practice", "client_id")
        ):
            raise ValueError(f"{iss}: needs a practice and a client_id")
        secret = entry.get("client_secret", "")
        if not isinstance(secret, str):
            raise ValueError(f"{iss}: client_secret must be a string")
        out[norm(iss)] = Issuer(norm(iss), entry["practice"], entry["client_id"], secret)
    return out


def norm(iss: str) -> str:
    return iss.strip().rstrip("/")


@dataclass(frozen=True)
class Endpoints:
    authorize: str
    token: str
    jwks_uri: str | None
    issuer: str | None
    v2: bool  # the server grants SMART v2 scopes (patient/*.rs); else v1 (patient/*.read)


def discover(iss: str, transport: httpx.BaseTransport | None = None) -> Endpoints:
    url = norm(iss) + "/.well-known/smart-configuration"
    try:
        with httpx.Client(timeout=TIMEOUT, transport=transport) as client:
            resp = client.get(url, headers={"Accept": "application/json"})
    except httpx.TransportError as exc:
        raise fail(Code.EHR_UNREACHABLE, f"cannot reach the EHR at {iss} ({type(exc).__name__})") from None
    try:
        doc = resp.json()
    except ValueError:
        doc = None
    if resp.status_code != 200 or not isinstance(doc, dict):
        raise fail(Code.EHR_ERROR, f"the EHR at {iss} has no SMART configuration (HTTP {resp.status_code})")
    authorize, token = doc.get("authorization_endpoint"), doc.get("token_endpoint")
    if not all(isinstance(u, str) and urlsplit(u).scheme in ("http", "https") for u in (authorize, token)):
        raise fail(Code.EHR_ERROR, f"the EHR at {iss} offers no authorization and token endpoints for app launch")
    if "S256" not in (doc.get("code_challenge_methods_supported") or []):
        raise fail(Code.EHR_ERROR, f"the EHR at {iss} does not offer PKCE S256, which SMART 2 requires: refused")
    caps = set(doc.get("capabilities") or [])
    scopes = set(doc.get("scopes_supported") or [])
    v2 = "permission-v2" in caps or any(s.endswith(".rs") for s in scopes) or not (caps or scopes)
    jwks = doc.get("jwks_uri")
    issuer = doc.get("issuer")
    return Endpoints(
        str(authorize),
        str(token),
        jwks if isinstance(jwks, str) else None,
        issuer if isinstance(issuer, str) else None,
        v2,
    )


def scopes(endpoints: Endpoints, standalone: bool) -> str:
    data = "patient/*.rs" if endpoints.v2 else "patient/*.read"
    context = "launch/patient" if standalone else "launch"
    return f"{context} openid fhirUser offline_access {data}"


@dataclass
class Pending:
    """A launch on its way to the authorization server and back: kept by the browser, sealed."""

    iss: str
    state: str
    verifier: str
    standalone: bool
    scope: str
    created: float = field(default_factory=time.time)


def _client(issuer: Issuer, redirect_uri: str, scope: str | None = None, transport: Any = None) -> Any:
    from authlib.integrations.httpx_client import OAuth2Client  # [serve]: only the workspace launches

    return OAuth2Client(
        client_id=issuer.client_id,
        client_secret=issuer.client_secret or None,
        token_endpoint_auth_method="client_secret_basic" if issuer.client_secret else "none",
        scope=scope,
        redirect_uri=redirect_uri,
        code_challenge_method="S256",
        timeout=TIMEOUT,
        transport=transport,
    )


def begin(issuer: Issuer, endpoints: Endpoints, redirect_uri: str, launch: str | None) -> tuple[str, Pending]:
    """The authorization URL to send the browser to, and what the callback must match."""
    from authlib.common.security import generate_token

    standalone = launch is None
    scope = scopes(endpoints, standalone)
    pending = Pending(issuer.iss, secrets.token_urlsafe(32), generate_token(64), standalone, scope)
    extra: dict[str, str] = {"aud": issuer.iss}
    if launch is not None:
        extra["launch"] = launch
    with _client(issuer, redirect_uri, scope) as client:
        url, _ = client.create_authorization_url(
            endpoints.authorize, state=pending.state, code_verifier=pending.verifier, **extra
        )
    return url, pending


def finish(
    issuer: Issuer, endpoints: Endpoints, redirect_uri: str, pending: Pending, code: str, transport: Any = None
) -> dict[str, Any]:
    """Tokens for the authorization code (the ``code_verifier`` proves this client asked for it)."""
    from authlib.integrations.base_client.errors import OAuthError

    with _client(issuer, redirect_uri, pending.scope, transport) as client:
        try:
            token = client.fetch_token(
                endpoints.token, grant_type="authorization_code", code=code, code_verifier=pending.verifier
            )
        except OAuthError as exc:
            raise fail(Code.EHR_REFUSED, f"the EHR refused the sign-in: {exc.error}{_desc(exc)}") from None
        except httpx.TransportError as exc:
            raise fail(Code.EHR_UNREACHABLE, f"cannot reach the EHR's token endpoint ({type(exc).__name__})") from None
    if not isinstance(token.get("access_token"), str):
        raise fail(Code.EHR_REFUSED, "the EHR gave no access token")
    out = dict(token)
    out["expires_at"] = float(out.get("expires_at") or time.time() + float(out.get("expires_in") or 300))
    return out


def refresh(issuer: Issuer, endpoints: Endpoints, redirect_uri: str, tokens: dict[str, Any]) -> dict[str, Any]:
    """New tokens from the refresh token (the old refresh token is kept when the server sends none)."""
    from authlib.integrations.base_client.errors import OAuthError

    if not tokens.get("refresh_token"):
        raise fail(Code.EHR_REFUSED, "the EHR session has expired and offered no refresh: launch again from the EHR")
    with _client(issuer, redirect_uri) as client:
        try:
            new = client.refresh_token(endpoints.token, refresh_token=tokens["refresh_token"])
        except OAuthError as exc:
            raise fail(Code.EHR_REFUSED, f"the EHR refused to renew the session: {exc.error}: launch again") from None
        except httpx.TransportError as exc:
            raise fail(Code.EHR_UNREACHABLE, f"cannot reach the EHR's token endpoint ({type(exc).__name__})") from None
    out = {**tokens, **dict(new)}
    out["expires_at"] = float(new.get("expires_at") or time.time() + float(new.get("expires_in") or 300))
    return out


def expired(tokens: dict[str, Any], margin: float = 30.0) -> bool:
    return time.time() > float(tokens.get("expires_at") or 0) - margin


def identity(issuer: Issuer, endpoints: Endpoints, tokens: dict[str, Any]) -> str | None:
    """The verified ``fhirUser`` of the id_token (None when there is no id_token or no such claim)."""
    raw = tokens.get("id_token")
    if not isinstance(raw, str):
        return None
    if not endpoints.jwks_uri:
        raise fail(Code.EHR_ERROR, "the EHR gave an id_token but publishes no jwks_uri to check it with")
    try:
        key = jwt.PyJWKClient(endpoints.jwks_uri, timeout=10).get_signing_key_from_jwt(raw)
        claims = jwt.decode(
            raw,
            key.key,
            algorithms=["RS256", "RS384", "ES256", "ES384", "PS256"],
            audience=issuer.client_id,
            issuer=endpoints.issuer or None,
            options={"require": ["exp", "iat", "sub"], "verify_iss": bool(endpoints.issuer)},
            leeway=60,
        )
    except (jwt.PyJWTError, jwt.PyJWKClientError) as exc:
        raise fail(Code.EHR_REFUSED, f"the EHR's id_token does not verify ({type(exc).__name__})") from None
    user = claims.get("fhirUser")
    return user if isinstance(user, str) and user else None


def _desc(exc: Exception) -> str:
    d = getattr(exc, "description", None)
    return f" ({' '.join(str(d).split())[:160]})" if d else ""


# -- sealing (Fernet: AES-128-CBC + HMAC-SHA256, with a timestamp) --------------------------------------
def seal(key: str, value: dict[str, Any]) -> bytes:
    return Fernet(key.encode()).encrypt(json.dumps(value).encode())


def unseal(key: str, blob: bytes, ttl: int | None = None) -> dict[str, Any] | None:
    """The sealed value; None when it was not sealed with this key, was altered, or is older than ``ttl``."""
    try:
        doc = json.loads(Fernet(key.encode()).decrypt(blob, ttl=ttl))
    except (InvalidToken, ValueError):
        return None
    return doc if isinstance(doc, dict) else None


def seal_pending(key: str, pending: Pending) -> str:
    return seal(key, asdict(pending)).decode()


def unseal_pending(key: str, blob: str) -> Pending | None:
    doc = unseal(key, blob.encode(), ttl=PENDING_SECONDS)
    if doc is None:
        return None
    try:
        return Pending(**doc)
    except TypeError:
        return None
