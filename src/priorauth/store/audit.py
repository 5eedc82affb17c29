"""Audit events written outside the request's transaction, by a background writer:

- events that must outlive a refused request (a failed login, an attempt on another practice's
  record): the request's transaction is rolled back, these are not;
- on SQLite, views: SQLite has one writer, and a read must not wait for another request's write just
  to record that it read (changes are still audited in their own transaction).

Events are written within ``every`` seconds (in batches), and at once by :meth:`AuditSink.flush`
(the audit endpoints flush before they read; shutdown flushes). :meth:`AuditSink.close` writes what
is queued and ends the writer thread (an event put after it is written at once)."""

from __future__ import annotations

import logging
import threading
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from priorauth.store.models import AuditEvent

log = logging.getLogger("priorauth.store")


class AuditSink:
    def __init__(self, sessions: sessionmaker[Session], defer_views: bool, every: float = 0.5) -> None:
        self.sessions, self.defer_views, self.every = sessions, defer_views, every
        self._events: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._flushing = threading.Lock()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._closed = False

    def put(self, **event: Any) -> None:
        with self._lock:
            self._events.append(event)
            closed = self._closed
            if not closed and self._thread is None:
                self._thread = threading.Thread(target=self._run, name="priorauth-audit", daemon=True)
                self._thread.start()
        if closed:
            self.flush()

    def _run(self) -> None:
        while not self._closed:
            self._wake.wait(self.every)
            self._wake.clear()
            self.flush()

    def close(self) -> None:
        """Write what is queued and end the writer thread (it holds the engine and, while it writes, a
        connection: an app that is done must not keep either)."""
        with self._lock:
            self._closed = True
            thread = self._thread
        self._wake.set()
        if thread is not None:
            thread.join(10)
        self.flush()

    def flush(self) -> None:
        """Write every queued event now (kept for the next try when the database refuses)."""
        with self._flushing:
            with self._lock:
                batch, self._events = self._events, []
            if not batch:
                return
            try:
                with self.sessions() as s, s.begin():
                    s.add_all(AuditEvent(**e) for e in batch)
            except Exception as exc:
                log.error("audit events not written yet (%s); retrying", type(exc).__name__)
                with self._lock:
                    self._events[:0] = batch
