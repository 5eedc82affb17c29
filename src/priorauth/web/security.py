"""Secrets: argon2id password hashes, random tokens stored as SHA-256, a login rate limiter."""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from collections import defaultdict, deque

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


class LoginLimiter:
    """At most ``max_failures`` failed logins per (account, client address) within ``window`` seconds,
    and ten times that per client address over all accounts. In memory: one server process."""

    def __init__(self, max_failures: int, window: float) -> None:
        self.max = max_failures
        self.window = window
        self._fails: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _keys(self, account: str, address: str) -> list[tuple[str, int]]:
        return [(f"a:{account.lower()}|{address}", self.max), (f"ip:{address}", self.max * 10)]

    def retry_after(self, account: str, address: str) -> int:
        """Seconds until a login may be tried again (0: now)."""
        now = time.monotonic()
        wait = 0.0
        with self._lock:
            for key, limit in self._keys(account, address):
                q = self._fails[key]
                while q and q[0] <= now - self.window:
                    q.popleft()
                if len(q) >= limit:
                    wait = max(wait, q[0] + self.window - now)
        return int(wait) + 1 if wait else 0

    def failed(self, account: str, address: str) -> None:
        with self._lock:
            for key, _ in self._keys(account, address):
                self._fails[key].append(time.monotonic())

    def succeeded(self, account: str, address: str) -> None:
        with self._lock:
            self._fails.pop(self._keys(account, address)[0][0], None)
