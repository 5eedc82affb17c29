"""Who may call: the EHR's signed JWT, as CDS Hooks 2.0 requires (issuer allow-list with JWKS,
audience = the service URL, expiry, single-use jti). Development mode may accept unsigned calls from
the loopback address only."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jwt

ALGORITHMS = ("ES384", "RS384")  # CDS Hooks: the EHR signs with ES384 or RS384
LOOPBACK = {"127.0.0.1", "::1", "localhost"}


class TrustError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.status = 401
        self.message = message


@dataclass
class Trust:
    """``issuers`` maps each allowed ``iss`` to its JWKS: an https URL, a file path, or the JWKS itself."""

    issuers: dict[str, str | dict[str, Any]] = field(default_factory=dict)
    dev_unsigned_loopback: bool = False
    leeway_s: int = 30
    max_lifetime_s: int = 300  # CDS Hooks: the EHR's JWT lives at most five minutes
    # jti -> expiry: True when first seen (the full service keeps them in its database, for every process)
    first_use: Any = field(default=None, repr=False)
    _clients: dict[str, Any] = field(default_factory=dict, repr=False)
    _seen: dict[str, float] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def verify(self, authorization: str | None, audience: str, client_host: str | None) -> dict[str, Any]:
        if not authorization:
            if self.dev_unsigned_loopback and client_host in LOOPBACK:
                return {}
            raise TrustError("a signed JWT is required (Authorization: Bearer <jwt>)")
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise TrustError("the Authorization header must be 'Bearer <jwt>'")
        try:
            header = jwt.get_unverified_header(token)
            iss = jwt.decode(token, options={"verify_signature": False}).get("iss")
        except jwt.PyJWTError:
            raise TrustError("the JWT cannot be read") from None
        if header.get("alg") not in ALGORITHMS:
            raise TrustError(f"JWT algorithm {header.get('alg')!r} is not accepted (ES384 or RS384)")
        if not isinstance(iss, str) or iss not in self.issuers:
            raise TrustError("the JWT issuer is not on this service's allow-list")
        try:
            key = self._key(iss, header.get("kid"), token)
            claims = jwt.decode(
                token,
                key,
                algorithms=list(ALGORITHMS),
                audience=audience,
                issuer=iss,
                leeway=self.leeway_s,
                options={"require": ["iss", "aud", "exp", "iat", "jti"]},
            )
        except jwt.PyJWTError as exc:
            raise TrustError(f"the JWT is not valid ({type(exc).__name__})") from None
        exp, iat = claims.get("exp"), claims.get("iat")
        if not isinstance(exp, int | float) or not isinstance(iat, int | float):
            raise TrustError("the JWT's exp and iat must be numbers")
        if exp - iat > self.max_lifetime_s:
            raise TrustError(f"the JWT lives longer than {self.max_lifetime_s} seconds (exp - iat)")
        if iat > time.time() + self.leeway_s:
            raise TrustError("the JWT is issued in the future (iat)")
        if not isinstance(claims["jti"], str) or not claims["jti"] or len(claims["jti"]) > 300:
            raise TrustError("the JWT's jti must be a string of at most 300 characters")
        if self.first_use is not None:
            if not self.first_use(claims["jti"], float(exp) + self.leeway_s):
                raise TrustError("this JWT was already used (jti replay)")
        else:
            self._once(claims["jti"], float(exp))
        return claims

    def _key(self, iss: str, kid: str | None, token: str) -> Any:
        source = self.issuers[iss]
        if isinstance(source, str) and source.startswith("https://"):
            client = self._clients.setdefault(iss, jwt.PyJWKClient(source, cache_keys=True, lifespan=3600))
            return client.get_signing_key_from_jwt(token).key
        jwks = source if isinstance(source, dict) else json.loads(Path(source).read_text("utf-8"))
        keys = jwt.PyJWKSet.from_dict(jwks).keys
        match = [k for k in keys if kid is None or k.key_id == kid]
        if not match:
            raise jwt.InvalidKeyError("no key with that kid")
        return match[0].key

    def _once(self, jti: str, exp: float) -> None:
        now = time.time()
        with self._lock:
            for old in [j for j, e in self._seen.items() if e + self.leeway_s < now]:
                del self._seen[old]
            if jti in self._seen:
                raise TrustError("this JWT was already used (jti replay)")
            self._seen[jti] = exp
