"""Secrets: argon2id password hashes, random tokens stored as SHA-256, a login rate limiter."""

from __future__ import annotations

import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
MIN_PASSWORD = 12
_DUMMY = _hasher.hash("not a password of anyone")  # verify against it for unknown emails (equal timing)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    try:
        return _hasher.verify(stored or _DUMMY, password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def new_token(prefix: str) -> tuple[str, str]:
    """A bearer secret ``<prefix>_<random>`` and its SHA-256 (what is stored). 256 random bits make a
    slow hash unnecessary: nobody can guess the preimage of a stored digest."""
    secret = f"{prefix}_{secrets.token_urlsafe(32)}"
    return secret, token_hash(secret)


def token_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def password_problem(password: str, *personal: str) -> str | None:
    """Why a password is too weak (None: strong enough). zxcvbn (Dropbox's estimator, maintained)
    scores how guessable it is against dictionaries, names, keyboard patterns and dates, and the
    person's own email and name; a score under 3 (guessable with fewer than ~10^8 tries) is refused."""
    if len(password) < MIN_PASSWORD:
        return f"the password needs at least {MIN_PASSWORD} characters"
    from zxcvbn import zxcvbn

    words = [w for p in personal if p for w in (p, *p.replace("@", " ").replace(".", " ").split())]
    result = zxcvbn(password[:200], user_inputs=words)
    if result["score"] >= 3:
        return None
    hint = result.get("feedback", {}).get("warning") or "it is easy to guess"
    return f"the password is too weak ({hint.rstrip('.').lower()}): use a few unrelated words"
