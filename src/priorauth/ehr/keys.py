"""Key pairs for SMART Backend Services: ``priorauth keys`` writes a private key (PEM, mode 0600) and the
JWKS holding its public half, the document an EHR administrator registers (or serves at a JWKS URL).

ES384 uses a P-384 key, RS384 an RSA 3072-bit key. The key id (``kid``) is the RFC 7638 JWK thumbprint,
so it is the same wherever it is computed. The cryptography package (PyJWT's [crypto] extra) does the work.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from priorauth.errors import Code, fail

ALGORITHMS = ("ES384", "RS384")
PrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


def generate(algorithm: str) -> PrivateKey:
    if algorithm == "ES384":
        return ec.generate_private_key(ec.SECP384R1())
    if algorithm == "RS384":
        return rsa.generate_private_key(public_exponent=65537, key_size=3072)
    raise fail(Code.BAD_ARGUMENT, f"--alg {algorithm!r}: use ES384 or RS384")


def algorithm_for(key: PrivateKey) -> str:
    if isinstance(key, ec.EllipticCurvePrivateKey):
        if key.curve.name != "secp384r1":
            raise fail(Code.BAD_KEY, f"an EC key on {key.curve.name}: ES384 needs P-384 (secp384r1)")
        return "ES384"
    return "RS384"


def load_private_key(path: str | os.PathLike[str]) -> PrivateKey:
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise fail(Code.BAD_KEY, f"cannot read the private key {p}: {exc.strerror or exc}") from None
    try:
        key = serialization.load_pem_private_key(raw, password=None)
    except (ValueError, TypeError) as exc:
        raise fail(Code.BAD_KEY, f"{p} is not an unencrypted PEM private key ({exc})") from None
    if not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise fail(Code.BAD_KEY, f"{p}: only RSA (RS384) and P-384 EC (ES384) keys are supported")
    return key


def public_jwk(key: PrivateKey) -> dict[str, Any]:
    """The public JWK with ``kid`` (thumbprint), ``alg`` and ``use``, as registered with the EHR."""
    jwk = _thumbprint_members(key)
    return {**jwk, "kid": _thumbprint(jwk), "alg": algorithm_for(key), "use": "sig", "key_ops": ["verify"]}


def key_id(key: PrivateKey) -> str:
    return _thumbprint(_thumbprint_members(key))


def write_pair(out: str | os.PathLike[str], algorithm: str) -> tuple[Path, Path, str]:
    """Write ``private-key.pem`` and ``jwks.json`` into ``out``; refuse to overwrite a private key."""
    folder = Path(out)
    key_file, jwks_file = folder / "private-key.pem", folder / "jwks.json"
    if key_file.exists():
        raise fail(Code.UNWRITABLE, f"{key_file} exists: move it away first (keys are never overwritten)")
    key = generate(algorithm)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(pem)
        jwks_file.write_text(json.dumps({"keys": [public_jwk(key)]}, indent=2) + "\n")
    except OSError as exc:
        raise fail(Code.UNWRITABLE, f"cannot write keys into {folder}: {exc.strerror or exc}") from None
    return key_file, jwks_file, key_id(key)


def _thumbprint_members(key: PrivateKey) -> dict[str, str]:
    pub = key.public_key()
    if isinstance(pub, ec.EllipticCurvePublicKey):
        nums = pub.public_numbers()
        size = (pub.curve.key_size + 7) // 8
        return {
            "crv": "P-384",
            "kty": "EC",
            "x": _b64(nums.x.to_bytes(size, "big")),
            "y": _b64(nums.y.to_bytes(size, "big")),
        }
    nums = pub.public_numbers()  # type: ignore[assignment]
    return {"e": _b64(_int_bytes(nums.e)), "kty": "RSA", "n": _b64(_int_bytes(nums.n))}  # type: ignore[attr-defined]


def _thumbprint(members: dict[str, str]) -> str:
    canonical = json.dumps(members, separators=(",", ":"), sort_keys=True).encode()
    return _b64(hashlib.sha256(canonical).digest())


def _int_bytes(n: int) -> bytes:
    return n.to_bytes((n.bit_length() + 7) // 8, "big")


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
