"""Who is calling: an API token (``Authorization: Bearer pa_...``) or a session cookie. Cookie sessions
must echo their CSRF token in ``X-CSRF-Token`` on every unsafe method; tokens need not (a browser never
sends them by itself)."""

from __future__ import annotations

import hmac
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import anyio
from fastapi import Depends, Request
from sqlalchemy import select
from sqlalchemy.orm import Session

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


def current_actor(request: Request, session: Session = DB) -> Actor:
    header = request.headers.get("authorization", "")
    if header:
        scheme, _, secret = header.partition(" ")
        if scheme.lower() != "bearer" or not secret.strip():
            raise fail(Code.UNAUTHENTICATED, "use 'Authorization: Bearer <token>'")
        token = session.scalars(select(ApiToken).where(ApiToken.token_hash == token_hash(secret.strip()))).first()
        if token is None or token.revoked_at is not None:
            raise fail(Code.UNAUTHENTICATED, "the API token is unknown or revoked")
        if token.expires_at is not None and _aware(token.expires_at) <= now():
            raise fail(Code.UNAUTHENTICATED, "the API token has expired")
        creator = session.get(User, token.created_by)
        if creator is None or not creator.active:
            raise fail(Code.UNAUTHENTICATED, "the API token's creator is deactivated: the token is revoked")
        request.app.state.token_use.saw(token.id)  # written in the background: a read never writes
        return Actor(token.id, "token", token.role, token.practice_id, f"token {token.name}")
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
