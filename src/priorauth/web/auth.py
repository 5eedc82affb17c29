"""Who is calling: an API token (``Authorization: Bearer pa_...``) or a session cookie. Cookie sessions
must echo their CSRF token in ``X-CSRF-Token`` on every unsafe method; tokens need not (a browser never
sends them by itself)."""

from __future__ import annotations

import hmac
import threading
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import anyio
from fastapi import Depends, Request
from sqlalchemy import event, select
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from priorauth.errors import Code, fail
from priorauth.store.models import ApiToken, User, WebSession, now
from priorauth.store.scope import Actor, Scope
from priorauth.web.security import token_hash

SESSION_COOKIE = "priorauth_session"
CSRF_COOKIE = "priorauth_csrf"
CSRF_HEADER = "X-CSRF-Token"
SAFE = {"GET", "HEAD", "OPTIONS"}


async def db(request: Request) -> AsyncIterator[Session]:
    """A session in one transaction: committed when the endpoint returns (before the response is sent:
    the dependency is function-scoped), rolled back on any error. Made on the event loop (a Session
    holds no connection until its first query), ended on a thread of its own (FastAPI shields it from
    cancellation)."""
    session: Session = request.app.state.sessions()
    session.info["audit_sink"] = request.app.state.audit_sink
    try:
        yield session
    except BaseException:
        await _in_thread(_end, session, False)
        raise
    await _in_thread(_end, session, True)


def _end(session: Session, commit: bool) -> None:
    try:
        if commit:
            session.commit()
        else:
            session.rollback()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


async def _in_thread(fn: Any, *args: Any) -> None:
    # A limiter of its own, as FastAPI gives a dependency's exit: ending a transaction never waits for
    # a thread that requests may hold
    await anyio.to_thread.run_sync(fn, *args, limiter=anyio.CapacityLimiter(1))


DB: Any = Depends(db, scope="function")


def _aware(t: datetime) -> datetime:
    return t if t.tzinfo else t.replace(tzinfo=UTC)


def cookie_session(session: Session, cookie: str) -> tuple[WebSession, User] | None:
    """The live login behind a session cookie (None: unknown, expired, or the user is inactive)."""
    row = session.execute(
        select(WebSession, User)
        .join(User, User.id == WebSession.user_id)
        .where(WebSession.token_hash == token_hash(cookie))
    ).first()
    if row is None or _aware(row[0].expires_at) <= now() or not row[1].active:
        return None
    return row[0], row[1]


class ActorCache:
    """API token (its SHA-256) -> the actor it was checked to be, kept ``ttl`` seconds by this process:
    a request with a token seen a moment ago skips the two queries that check it (the token, its creator).

    What the check decides never goes stale in this process: a committed change of any token or user
    (revocation, deactivation, role) empties the cache (:meth:`watch`), an entry read from the database
    before such a change is never stored after it (the generation), and a token's expiry is checked on
    every use. Another server process (``--workers N``) learns of a revocation within ``ttl`` seconds
    (``actor_cache_seconds``; 0: no cache)."""

    MAX = 4096

    def __init__(self, ttl: float) -> None:
        self.ttl = ttl
        self._rows: dict[str, tuple[float, Actor, datetime | None]] = {}
        self._generation = 0
        self._lock = threading.Lock()

    @property
    def generation(self) -> int:
        return self._generation

    def get(self, digest: str) -> tuple[Actor, datetime | None] | None:
        row = self._rows.get(digest)
        if row is None or row[0] <= time.monotonic():
            return None
        return row[1], row[2]

    def put(self, digest: str, actor: Actor, expires_at: datetime | None, generation: int) -> None:
        if self.ttl <= 0:
            return
        with self._lock:
            if generation != self._generation:
                return  # read before a change that emptied the cache: not kept
            if len(self._rows) >= self.MAX:
                self._rows.clear()
            self._rows[digest] = (time.monotonic() + self.ttl, actor, expires_at)

    def invalidate(self) -> None:
        with self._lock:
            self._generation += 1
            self._rows.clear()

    def watch(self, factory: sessionmaker[Session]) -> None:
        """Empty the cache when a session that changed a token or a user commits."""

        def flushing(session: Session, *_: Any) -> None:
            if any(isinstance(o, (ApiToken, User)) for o in (*session.dirty, *session.deleted)):
                session.info["actors_changed"] = True

        def statement(state: ORMExecuteState) -> None:  # update(ApiToken) / delete(User) ...
            mapper = state.bind_mapper
            if (state.is_update or state.is_delete) and mapper is not None and mapper.class_ in (ApiToken, User):
                state.session.info["actors_changed"] = True

        def committed(session: Session) -> None:
            if session.info.pop("actors_changed", False):
                self.invalidate()

        def rolled_back(session: Session) -> None:
            session.info.pop("actors_changed", None)

        event.listen(factory, "before_flush", flushing)
        event.listen(factory, "do_orm_execute", statement)
        event.listen(factory, "after_commit", committed)
        event.listen(factory, "after_soft_rollback", lambda session, _tx: rolled_back(session))


def token_actor(request: Request, session: Session, secret: str) -> Actor:
    """The actor of an API token: from this process's :class:`ActorCache`, else checked in the database
    (known, not revoked, not expired, its creator active)."""
    digest = token_hash(secret)
    cache: ActorCache | None = getattr(request.app.state, "actors", None)
    hit = cache.get(digest) if cache is not None else None
    if hit is not None:
        actor, expires_at = hit
        if expires_at is not None and expires_at <= now():
            raise fail(Code.UNAUTHENTICATED, "the API token has expired")
        request.app.state.token_use.saw(actor.id)
        return actor
    generation = cache.generation if cache is not None else 0
    token = session.scalars(select(ApiToken).where(ApiToken.token_hash == digest)).first()
    if token is None or token.revoked_at is not None:
        raise fail(Code.UNAUTHENTICATED, "the API token is unknown or revoked")
    expires_at = _aware(token.expires_at) if token.expires_at is not None else None
    if expires_at is not None and expires_at <= now():
        raise fail(Code.UNAUTHENTICATED, "the API token has expired")
    creator = session.get(User, token.created_by)
    if creator is None or not creator.active:
        raise fail(Code.UNAUTHENTICATED, "the API token's creator is deactivated: the token is revoked")
    request.app.state.token_use.saw(token.id)  # written in the background: a read never writes
    actor = Actor(token.id, "token", token.role, token.practice_id, f"token {token.name}")
    if cache is not None:
        cache.put(digest, actor, expires_at, generation)
    return actor


def current_actor(request: Request, session: Session = DB) -> Actor:
    header = request.headers.get("authorization", "")
    if header:
        scheme, _, secret = header.partition(" ")
        if scheme.lower() != "bearer" or not secret.strip():
            raise fail(Code.UNAUTHENTICATED, "use 'Authorization: Bearer <token>'")
        return token_actor(request, session, secret.strip())
    cookie = request.cookies.get(SESSION_COOKIE)
    if not cookie:
        raise fail(Code.UNAUTHENTICATED, "log in (POST /api/v1/auth/login) or send an API token")
    row = cookie_session(session, cookie)
    if row is None:
        raise fail(Code.UNAUTHENTICATED, "the session has expired; log in again")
    web_session, user = row
    if request.method not in SAFE:
        sent = request.headers.get(CSRF_HEADER, "")
        if not sent or not hmac.compare_digest(sent, web_session.csrf_token):
            raise fail(Code.CSRF, f"missing or wrong {CSRF_HEADER} header (the value of the {CSRF_COOKIE} cookie)")
    return Actor(user.id, "user", user.role, user.practice_id, user.name)


async def scope(actor: Actor = Depends(current_actor, scope="function"), session: Session = DB) -> Scope:
    # async: no I/O here, so no hop to a thread
    return Scope(session, actor)


def requires(*roles: str) -> Any:
    """A dependency: the caller's scope, if its role is one of ``roles``."""

    async def check(s: Scope = Depends(scope, scope="function")) -> Scope:
        if s.actor.role not in roles:
            raise fail(Code.FORBIDDEN, f"this needs the role {' or '.join(roles)} (you are {s.actor.role})")
        return s

    return Depends(check, scope="function")


ANY = requires("coordinator", "prescriber", "admin")
STAFF = requires("coordinator", "admin")  # cases, charts, submissions, decisions
CLINICIAN = requires("prescriber")  # attestations: a clinical statement
ADMIN = requires("admin")


def same_origin(request: Request) -> bool:
    """False when the browser says the request comes from another site (``Origin``, else ``Referer``):
    this site's own address as the browser used it, or the configured public URL."""
    sent = request.headers.get("origin") or request.headers.get("referer")
    if not sent:
        return True  # not a browser, or one that sends neither: the form's token still has to match
    if sent == "null":
        return False  # an opaque origin (a sandboxed frame, a cross-site redirect)
    parts = urlsplit(sent)
    origin = f"{parts.scheme}://{parts.netloc}".lower()
    mine = {f"{request.url.scheme}://{request.url.netloc}".lower()}
    public = getattr(request.app.state.settings, "public_url", "")
    if public:
        p = urlsplit(public)
        mine.add(f"{p.scheme}://{p.netloc}".lower())
    return origin in mine
