"""The admin page: the practice's users (add, change role, deactivate or reactivate) and its time zone.
Each form calls the same functions as the REST API (``routers.accounts``), so the rules (strong passwords,
no self-demotion, sessions and tokens ended on deactivation) and the audit trail are the API's."""

from __future__ import annotations

from typing import Any
from zoneinfo import available_timezones

from fastapi import APIRouter, Form
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from priorauth.errors import PriorauthError
from priorauth.store.models import User
from priorauth.web import schemas as s
from priorauth.web.errors import STATUS
from priorauth.web.routers import accounts
from priorauth.web.ui.case_page import refusal_words
from priorauth.web.ui.session import PAGE, Page

router = APIRouter(include_in_schema=False)
DONE = {"user": "User added.", "changed": "User changed.", "practice": "Time zone saved."}


def _render(page: Page, error: str = "", form: str = "", status_code: int = 200, values: dict[str, str] | None = None) -> Response:
    page.require("admin")
    users = list(page.scope.all(page.scope.select(User).order_by(User.created_at)))
    return page.render(
        "admin.html",
        status_code=status_code,
        users=users,
        zones=sorted(available_timezones()),
        zone=(page.practice.profile or {}).get("timezone") or "",
        error=error,
        error_form=form,
        v=values or {},
        done=DONE.get(page.request.query_params.get("done", ""), ""),
    )


@router.get("/admin", response_class=HTMLResponse)
def admin_page(page: Page = PAGE) -> Response:
    return _render(page)


def _run(page: Page, form: str, action: Any, done: str, values: dict[str, str] | None = None) -> Response:
    page.require("admin")
    try:
        action()
    except PriorauthError as exc:
        page.scope.session.rollback()
        msg = exc.message[:1].upper() + exc.message[1:] + ("" if exc.message.endswith(".") else ".")
        return _render(page, msg, form, STATUS.get(exc.code, 422), values)
    except ValidationError as exc:
        page.scope.session.rollback()
        msg = refusal_words(exc.errors()[0])
        return _render(page, msg[:1].upper() + msg[1:] + ".", form, 422, values)
    return RedirectResponse(f"/admin?done={done}#{form}", status_code=303)


@router.post("/admin/users")
def add_user(
    email: str = Form(default="", max_length=254),
    name: str = Form(default="", max_length=200),
    role: str = Form(default="coordinator", max_length=20),
    password: str = Form(default="", max_length=1000),
    page: Page = PAGE,
) -> Response:
    def run() -> None:
        accounts.create_user(s.UserIn(email=email.strip(), name=name.strip(), role=role, password=password), page.scope)  # type: ignore[arg-type]

    return _run(page, "add-user", run, "user", {"email": email, "name": name, "role": role})


@router.post("/admin/users/{user_id}")
def change_user(
    user_id: str,
    role: str = Form(default="", max_length=20),
    active: str = Form(default="", max_length=5),
    page: Page = PAGE,
) -> Response:
    def run() -> None:
        body = s.UserPatch(role=role or None, active={"yes": True, "no": False}.get(active))  # type: ignore[arg-type]
        accounts.update_user(user_id, body, page.scope)

    return _run(page, "users", run, "changed")


@router.post("/admin/practice")
def set_zone(timezone: str = Form(default="", max_length=60), page: Page = PAGE) -> Response:
    def run() -> None:
        profile = {**(page.practice.profile or {}), "timezone": timezone or None}
        known = set(s.PracticeProfile.model_fields)
        accounts.update_practice(
            s.PracticeIn(name=page.practice.name, profile=s.PracticeProfile(**{k: v for k, v in profile.items() if k in known})),
            page.scope,
        )

    return _run(page, "practice", run, "practice", {"timezone": timezone})
