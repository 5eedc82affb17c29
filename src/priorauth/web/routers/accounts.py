"""First-run setup, login/logout, the caller, users (admin), API tokens (admin), the practice profile."""

from __future__ import annotations

import hmac
import logging
import secrets
from datetime import timedelta

from fastapi import APIRouter, Depends, Request, Response
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from priorauth.errors import Code, PriorauthError, fail
from priorauth.store.models import ApiToken, Practice, User, WebSession, now
from priorauth.store.scope import Actor, Scope
from priorauth.web import schemas as s
from priorauth.web.auth import ADMIN, ANY, CSRF_COOKIE, DB, SESSION_COOKIE, current_actor, same_origin
from priorauth.web.security import hash_password, new_token, password_problem, token_hash, verify_password

router = APIRouter(tags=["accounts"])
log = logging.getLogger("priorauth.web")


@router.post("/setup", status_code=201, response_model=s.SetupOut)
def setup(body: s.Setup, request: Request, session: Session = DB) -> s.SetupOut:
    """Create a practice, its first admin and an admin API token. Open while the database has no
    practice; afterwards only with the configured ``setup_token``."""
    configured = request.app.state.settings.setup_token
    has_practice = bool(session.scalar(select(func.count()).select_from(Practice)))
    if has_practice and not (configured and hmac.compare_digest(body.setup_token or "", configured)):
        raise fail(Code.FORBIDDEN, "this service is set up; creating another practice needs the setup token")
    if session.scalars(select(User).where(User.email == body.admin_email.lower())).first():
        raise fail(Code.CONFLICT, "a user with that email exists")
    _strong(body.admin_password, body.admin_email, body.admin_name)
    practice = Practice(name=body.practice_name, profile={})
    session.add(practice)
    session.flush()
    admin = User(
        practice_id=practice.id,
        email=body.admin_email.lower(),
        name=body.admin_name,
        role="admin",
        password_hash=hash_password(body.admin_password),
    )
    session.add(admin)
    session.flush()
    token = _token(session, practice.id, admin.id, "setup", "admin")
    return s.SetupOut(practice_id=practice.id, admin=s.UserOut.model_validate(admin), token=token)


def _strong(password: str, *personal: str) -> None:
    problem = password_problem(password, *personal)
    if problem:
        raise fail(Code.INVALID_REQUEST, problem)


def _token(
    session: Session, practice_id: str, user_id: str, name: str, role: str, expires_days: int | None = None
) -> s.TokenCreated:
    secret, digest = new_token("pa")
    row = ApiToken(
        practice_id=practice_id,
        created_by=user_id,
        name=name,
        role=role,
        prefix=secret[:10],
        token_hash=digest,
        expires_at=now() + timedelta(days=expires_days) if expires_days else None,
    )
    session.add(row)
    session.flush()
    return s.TokenCreated(**s.TokenOut.model_validate(row).model_dump(), token=secret)


@router.post("/auth/login", response_model=s.LoginOut)
def login(body: s.Login, request: Request, response: Response, session: Session = DB) -> s.LoginOut:
    if not same_origin(request):
        raise fail(Code.CSRF, "a login from another site's page is refused")
    settings = request.app.state.settings
    limiter = request.app.state.login_limiter
    address = request.client.host if request.client else "unknown"
    wait = limiter.retry_after(body.email, address)
    if wait:
        err = fail(Code.RATE_LIMITED, f"too many failed logins; try again in {wait} seconds")
        err.headers = {"Retry-After": str(wait)}  # type: ignore[attr-defined]
        raise err
    user = session.scalars(select(User).where(User.email == body.email.lower())).first()
    if not verify_password(user.password_hash if user else None, body.password) or not user or not user.active:
        limiter.failed(body.email, address)
        if user is not None:  # kept although the request fails (an unknown email has no practice to file it in)
            Scope(session, _actor(user)).audit_always("login_failed", "user", user.id, None)
        else:
            log.info("failed login for an unknown account")
        raise fail(Code.UNAUTHENTICATED, "wrong email or password")
    limiter.succeeded(body.email, address)
    secret, digest = new_token("s")
    csrf = secrets.token_urlsafe(32)
    hours = settings.session_hours
    session.add(
        WebSession(user_id=user.id, token_hash=digest, csrf_token=csrf, expires_at=now() + timedelta(hours=hours))
    )
    secure, age = settings.secure_cookies, int(hours * 3600)
    response.set_cookie(SESSION_COOKIE, secret, max_age=age, httponly=True, secure=secure, samesite="strict")
    response.set_cookie(CSRF_COOKIE, csrf, max_age=age, httponly=False, secure=secure, samesite="strict")
    _audit(session, user, "login")
    return s.LoginOut(user=s.UserOut.model_validate(user), csrf_token=csrf)


def _actor(user: User) -> Actor:
    return Actor(user.id, "user", user.role, user.practice_id, user.name)


def _audit(session: Session, user: User, action: str, resource_id: str | None = None) -> None:
    Scope(session, _actor(user)).audit(action, "user", resource_id or user.id, None)


@router.post("/auth/logout", status_code=204)
def logout(
    request: Request, response: Response, actor: Actor = Depends(current_actor, scope="function"), session: Session = DB
) -> None:
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        session.execute(delete(WebSession).where(WebSession.token_hash == token_hash(cookie)))
    response.delete_cookie(SESSION_COOKIE)
    response.delete_cookie(CSRF_COOKIE)


@router.get("/me", response_model=s.UserOut | s.TokenOut)
def me(scope: Scope = ANY) -> s.UserOut | s.TokenOut:
    if scope.actor.kind == "token":
        return s.TokenOut.model_validate(scope.get(ApiToken, scope.actor.id, "token"))
    return s.UserOut.model_validate(scope.get(User, scope.actor.id, "user"))


@router.post("/me/password", status_code=204)
def change_password(body: s.PasswordChange, scope: Scope = ANY) -> None:
    if scope.actor.kind != "user":
        raise fail(Code.FORBIDDEN, "an API token has no password")
    user = scope.get(User, scope.actor.id, "user")
    if not verify_password(user.password_hash, body.current_password):
        raise fail(Code.FORBIDDEN, "the current password is wrong")
    _set_password(scope, user, body.new_password)


def _set_password(scope: Scope, user: User, password: str) -> None:
    _strong(password, user.email, user.name)
    user.password_hash = hash_password(password)
    user.password_changed_at = now()
    scope.session.execute(delete(WebSession).where(WebSession.user_id == user.id))  # log out everywhere
    scope.audit("password", "user", user.id, None)


@router.get("/users", response_model=list[s.UserOut])
def users(scope: Scope = ADMIN) -> list[User]:
    return list(scope.all(scope.select(User).order_by(User.created_at)))


@router.post("/users", status_code=201, response_model=s.UserOut)
def create_user(body: s.UserIn, scope: Scope = ADMIN) -> User:
    if scope.session.scalars(select(User).where(User.email == body.email.lower())).first():
        raise fail(Code.CONFLICT, "a user with that email exists")
    _strong(body.password, body.email, body.name)
    user = scope.add(
        User(email=body.email.lower(), name=body.name, role=body.role, password_hash=hash_password(body.password))
    )
    scope.audit("create", "user", user.id, None, f"role={body.role}")
    return user


@router.patch("/users/{user_id}", response_model=s.UserOut)
def update_user(user_id: str, body: s.UserPatch, scope: Scope = ADMIN) -> User:
    user = scope.get(User, user_id, "user")
    changes = body.model_dump(exclude_none=True)
    if user.id == scope.actor.id and (changes.get("role", "admin") != "admin" or changes.get("active") is False):
        raise fail(Code.CONFLICT, "you cannot demote or deactivate yourself")
    for key, value in changes.items():
        setattr(user, key, value)
    if changes.get("active") is False:  # their sessions end and the tokens they created are revoked
        scope.session.execute(delete(WebSession).where(WebSession.user_id == user.id))
        scope.session.execute(
            update(ApiToken)
            .where(ApiToken.created_by == user.id, ApiToken.revoked_at.is_(None))
            .values(revoked_at=now())
        )
    scope.audit("update", "user", user.id, None, ",".join(sorted(changes)))
    return user


@router.post("/users/{user_id}/password", status_code=204)
def reset_password(user_id: str, body: s.PasswordReset, scope: Scope = ADMIN) -> None:
    """An admin sets a new password; the user's sessions end."""
    _set_password(scope, scope.get(User, user_id, "user"), body.password)


@router.get("/tokens", response_model=list[s.TokenOut])
def tokens(scope: Scope = ADMIN) -> list[ApiToken]:
    return list(scope.all(scope.select(ApiToken).order_by(ApiToken.created_at)))


@router.post("/tokens", status_code=201, response_model=s.TokenCreated)
def create_token(body: s.TokenIn, scope: Scope = ADMIN) -> s.TokenCreated:
    created = _token(scope.session, scope.practice_id, _owner(scope), body.name, body.role, body.expires_days)
    scope.audit("create", "token", created.id, None, f"role={body.role}")
    return created


def _owner(scope: Scope) -> str:
    if scope.actor.kind == "user":
        return scope.actor.id
    return scope.get(ApiToken, scope.actor.id, "token").created_by


@router.delete("/tokens/{token_id}", status_code=204)
def revoke_token(token_id: str, scope: Scope = ADMIN) -> None:
    token = scope.get(ApiToken, token_id, "token")
    if token.revoked_at is None:
        token.revoked_at = now()
        scope.audit("revoke", "token", token.id, None)


@router.delete("/users/{user_id}/login-throttle", status_code=204)
def clear_throttle(user_id: str, request: Request, scope: Scope = ADMIN) -> None:
    """Let a user whose failed logins are being slowed down try again at once."""
    user = scope.get(User, user_id, "user")
    request.app.state.login_limiter.clear(user.email)
    scope.audit("clear_throttle", "user", user.id, None)


@router.get("/practice", response_model=s.PracticeOut)
def practice(scope: Scope = ANY) -> Practice:
    row = scope.session.get(Practice, scope.practice_id)
    if row is None:  # pragma: no cover - an actor always belongs to a practice
        raise PriorauthError(Code.NOT_FOUND, "no practice")
    return row


@router.put("/practice", response_model=s.PracticeOut)
def update_practice(body: s.PracticeIn, scope: Scope = ADMIN) -> Practice:
    row = practice(scope)
    row.name = body.name
    row.profile = body.profile.model_dump()
    scope.audit("update", "practice", row.id, None)
    return row
