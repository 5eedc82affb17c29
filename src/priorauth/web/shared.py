"""What every server process must share lives in the database, so it holds across ``serve --workers N``
and restarts: the login throttle, the CDS Hooks JWT ``jti`` replay cache and the start-case
suggestions issued on CDS cards. Each call is one short transaction of its own."""

from __future__ import annotations

import logging
import threading
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from priorauth.service.clock import aware, now
from priorauth.store.models import ApiToken, CdsSuggestion, LoginThrottle, SeenJwt

log = logging.getLogger("priorauth.web")
MAX_DELAY_S = 900  # the longest wait a throttle imposes (15 minutes): never a lockout


class LoginThrottleStore:
    """Failed logins, per account from any address (``a:<email>``) and per client address
    (``ip:<address>``). From the ``free``-th failure on, each failure doubles the wait before the next
    try (1 s, 2 s, 4 s ... at most 15 minutes); an address gets ten times the account's allowance. A success
    clears the account; an admin can clear an account (:meth:`clear`). Failures older than ``window``
    seconds are forgotten."""

    def __init__(self, sessions: sessionmaker[Session], free: int, window: float) -> None:
        self.sessions, self.free, self.window = sessions, free, window

    def _keys(self, account: str, address: str) -> list[tuple[str, int]]:
        return [(f"a:{account.strip().lower()}"[:300], self.free), (f"ip:{address}"[:300], self.free * 10)]

    def retry_after(self, account: str, address: str) -> int:
        """Seconds until a login may be tried again (0: now)."""
        t = now()
        wait = 0.0
        with self.sessions() as s:
            for key, _ in self._keys(account, address):
                row = s.get(LoginThrottle, key)
                if row is not None and row.blocked_until is not None:
                    wait = max(wait, (aware(row.blocked_until) - t).total_seconds())
        return int(wait) + 1 if wait > 0 else 0

    def failed(self, account: str, address: str) -> None:
        t = now()
        with self.sessions() as s, s.begin():
            for key, free in self._keys(account, address):
                row = s.get(LoginThrottle, key)
                if row is None:
                    row = LoginThrottle(key=key, failures=0, last_failure_at=t)
                    s.add(row)
                elif aware(row.last_failure_at) < t - timedelta(seconds=self.window):
                    row.failures = 0
                row.failures += 1
                row.last_failure_at = t
                over = row.failures - free  # the allowance used up: 1 s, then 2, 4, 8 ... at most 15 min
                row.blocked_until = t + timedelta(seconds=min(2**over, MAX_DELAY_S)) if over >= 0 else None

    def succeeded(self, account: str, address: str) -> None:
        self.clear(account)

    def clear(self, account: str) -> None:
        with self.sessions() as s, s.begin():
            s.execute(delete(LoginThrottle).where(LoginThrottle.key == self._keys(account, "")[0][0]))

    def blocked(self, account: str) -> bool:
        with self.sessions() as s:
            row = s.get(LoginThrottle, self._keys(account, "")[0][0])
            return bool(row and row.blocked_until and aware(row.blocked_until) > now())


class JtiStore:
    """Single use of a CDS Hooks JWT: the first use of a ``jti`` is recorded until the JWT expires."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.sessions = sessions

    def __call__(self, jti: str, expires: float) -> bool:
        from datetime import UTC, datetime

        t = now()
        try:
            with self.sessions() as s, s.begin():
                s.execute(delete(SeenJwt).where(SeenJwt.expires_at < t))
                s.add(SeenJwt(jti=jti, expires_at=datetime.fromtimestamp(expires, UTC)))
        except IntegrityError:
            return False
        return True


class SuggestionStore:
    """Start-case suggestions (uuid -> the chart the EHR sent), for 24 hours."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.sessions = sessions

    def remember(self, response: dict[str, Any], context: dict[str, Any]) -> None:
        t = now()
        with self.sessions() as s, s.begin():
            s.execute(delete(CdsSuggestion).where(CdsSuggestion.created_at < t - timedelta(hours=24)))
            for card in response.get("cards", []):
                for sug in card.get("suggestions", []):
                    if s.get(CdsSuggestion, sug["uuid"]) is None:
                        s.add(CdsSuggestion(id=str(sug["uuid"])[:100], context=context, created_at=t))

    def take(self, suggestion_id: str) -> dict[str, Any] | None:
        with self.sessions() as s, s.begin():
            row = s.scalars(
                select(CdsSuggestion).where(
                    CdsSuggestion.id == suggestion_id[:100], CdsSuggestion.created_at >= now() - timedelta(hours=24)
                )
            ).first()
            if row is None:
                return None
            taken = s.execute(delete(CdsSuggestion).where(CdsSuggestion.id == row.id))
            return row.context if taken.rowcount == 1 else None  # a concurrent feedback took it first


class TokenUse:
    """When each API token was last used, written by a background thread every ``every`` seconds: a
    read request never waits for the database's write lock just to note the time."""

    def __init__(self, sessions: sessionmaker[Session], every: float = 30.0) -> None:
        self.sessions, self.every = sessions, every
        self._seen: dict[str, Any] = {}
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._closed = threading.Event()

    def saw(self, token_id: str) -> None:
        with self._lock:
            self._seen[token_id] = now()
            if self._thread is None and not self._closed.is_set():
                self._thread = threading.Thread(target=self._run, name="priorauth-token-use", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while not self._closed.wait(self.every):
            self.flush()

    def close(self) -> None:
        """Write what was seen and end the writer thread (a use seen later is written by the next flush)."""
        self._closed.set()
        with self._lock:
            thread = self._thread
        if thread is not None:
            thread.join(10)
        self.flush()

    def flush(self) -> None:
        with self._lock:
            seen, self._seen = self._seen, {}
        if not seen:
            return
        try:
            with self.sessions() as s, s.begin():
                for token_id, at in seen.items():
                    s.execute(update(ApiToken).where(ApiToken.id == token_id).values(last_used_at=at))
        except Exception as exc:
            log.warning("token use not recorded (%s)", type(exc).__name__)
