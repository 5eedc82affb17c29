"""Who is using the workspace: the logged-in user behind the session cookie, their practice (and its
time zone), and the CSRF token every form posts back. Pages are practice-scoped like the API: all
reads and writes go through the :class:`~priorauth.store.scope.Scope` of the page."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from fastapi import Depends, Request
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session

from priorauth.errors import Code, fail
from priorauth.outputs.evidence import capped
from priorauth.service import clock
from priorauth.store.models import Practice, User
from priorauth.store.scope import Actor, Scope
from priorauth.web.auth import DB, SESSION_COOKIE, cookie_session
from priorauth.web.ui import workflow

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.globals["capped"] = capped  # long evidence lists: the decisive items, then the rest grouped
DEFAULT_ZONE = "UTC"


class LoginRequired(Exception):
    """No live session: the page redirects to the login form, coming back afterwards."""

    def __init__(self, next_url: str) -> None:
        super().__init__(next_url)
        self.next_url = next_url


def zone(practice: Practice | None) -> ZoneInfo:
    return clock.zone(practice.profile if practice else None)


@dataclass
class Page:
    request: Request
    scope: Scope
    user: User
    practice: Practice
    csrf: str
    tz: ZoneInfo

    @property
    def today(self) -> date:
        return clock.day(clock.now(), self.tz)

    def now(self) -> datetime:
        return clock.now()

    def local(self, t: datetime | None) -> str:
        if t is None:
            return ""
        t = t if t.tzinfo else t.replace(tzinfo=UTC)
        return t.astimezone(self.tz).strftime("%Y-%m-%d %H:%M %Z")

    def require(self, *roles: str) -> None:
        if self.user.role not in roles:
            raise fail(Code.FORBIDDEN, f"this needs the role {' or '.join(roles)} (you are {self.user.role})")

    def can(self, *roles: str) -> bool:
        return self.user.role in roles

    def render(self, name: str, status_code: int = 200, **context: Any) -> Any:
        return templates.TemplateResponse(
            self.request, name, {"page": self, "wf": workflow, **context}, status_code=status_code
        )


async def posted_form(request: Request) -> Any:
    """The posted form (parsed on the event loop: reading the body is I/O, not work); None for GET."""
    if request.method in ("GET", "HEAD"):
        return None
    return await request.form()


def page(request: Request, session: Session = DB, form: Any = Depends(posted_form)) -> Page:
    """The page's user and scope. A plain function: its database reads run in the threadpool, never on
    the event loop."""
    cookie = request.cookies.get(SESSION_COOKIE)
    row = cookie_session(session, cookie) if cookie else None
    if row is None:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise LoginRequired(target if request.method == "GET" else "/")
    web_session, user = row
    if form is not None:
        sent = str(form.get("csrf_token") or request.headers.get("X-CSRF-Token") or "")
        if not sent or not hmac.compare_digest(sent, web_session.csrf_token):
            raise fail(
                Code.CSRF, "this form has expired (its security token does not match): reload the page and try again"
            )
    practice = session.get(Practice, user.practice_id)
    scope = Scope(session, Actor(user.id, "user", user.role, user.practice_id, user.name))
    return Page(request, scope, user, practice, web_session.csrf_token, zone(practice))  # type: ignore[arg-type]


PAGE: Any = Depends(page, scope="function")


def login_url(next_url: str) -> str:
    return "/login?next=" + quote(next_url, safe="/")
