"""Due dates where coordinators already look: a per-user iCalendar feed (RFC 5545, built with the
``icalendar`` library) of payer answer deadlines, renewal starts and liver tests due, for the cases of
the user's practice that are not closed.

The feed's address holds a random token (only its SHA-256 is stored): anyone with the link can read the
feed, so a user can revoke it (and make a new one) at any time, and every fetch is audited. Calendar apps
copy feeds to other clouds: an event carries the case's link and the patient's initials only, never a
name, a date of birth or a diagnosis."""

from __future__ import annotations

import secrets
from datetime import date, datetime, timedelta
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from icalendar import Calendar, Event
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from priorauth.errors import Code, fail
from priorauth.service import clock
from priorauth.store.models import CalendarFeed, Case, Practice, User
from priorauth.store.scope import Actor, Scope
from priorauth.web.auth import DB
from priorauth.web.security import token_hash
from priorauth.web.ui import summary, workflow
from priorauth.web.ui.session import PAGE, Page, zone

router = APIRouter(include_in_schema=False)
LFT_AHEAD = timedelta(days=180)  # liver tests listed up to this far ahead
PRODID = "-//priorauth//PA workspace due dates//EN"


def initials(name: str | None) -> str:
    """"Ada Testcase" -> "A.T." (the only patient detail a feed carries)."""
    parts = [p for p in (name or "").replace("-", " ").split() if p[:1].isalpha()]
    return "".join(f"{p[0].upper()}." for p in parts[:3]) or "patient"


def events(page: Page, base_url: str) -> list[dict[str, Any]]:
    """The practice's due dates: payer answers (timed), renewal starts and liver tests (all-day)."""
    scope = page.scope
    cases = scope.all(scope.select(Case).where(Case.status != "closed").order_by(Case.created_at))
    out: list[dict[str, Any]] = []
    today = page.today
    for line in summary.lines(page, cases):
        who, url = initials(line.patient.name), f"{base_url}/cases/{line.case.id}"
        key = line.case.id
        if line.case.status in workflow.WAITING and line.clock and line.clock.standard_due:
            what = "Appeal answer due" if line.case.status == "appealed" else "Payer answer due"
            out.append({"uid": f"{key}-answer", "summary": f"{what}: {who}", "start": line.clock.standard_due, "url": url})
        if line.renewal:
            out.append({"uid": f"{key}-renewal", "summary": f"Start the PA renewal: {who}", "start": line.renewal, "url": url})
        if line.case.status == "approved":
            started = line.approval.period_start if line.approval else None
            schedule, _ = workflow.monitoring_due(line.doc, today, started)
            for m in schedule:
                due = date.fromisoformat(m["due"])
                if today <= due <= today + LFT_AHEAD:
                    out.append({"uid": f"{key}-lft-{m['due']}", "summary": f"Liver tests due: {who}", "start": due, "url": url})
    return out


def ics(items: list[dict[str, Any]], stamp: datetime) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "PA due dates")
    for item in items:
        ev = Event()
        ev.add("uid", f"{item['uid']}@priorauth")
        ev.add("dtstamp", stamp)
        ev.add("summary", item["summary"])
        start = item["start"]
        ev.add("dtstart", start)
        if isinstance(start, datetime):
            ev.add("dtend", start + timedelta(minutes=30))
        else:
            ev.add("dtend", start + timedelta(days=1))
        ev.add("url", item["url"])
        ev.add("description", f"Open the case: {item['url']}")
        cal.add_component(ev)
    return cal.to_ical()


def _base(request: Request) -> str:
    settings = request.app.state.settings
    return (settings.workspace_url or settings.public_url or str(request.base_url)).rstrip("/")


@router.get("/calendar/{token}.ics")
def feed(token: str, request: Request, session: Session = DB) -> Response:
    """The feed itself: no session (calendar apps fetch it by its secret address); 404 once revoked."""
    row = session.scalars(
        select(CalendarFeed).where(CalendarFeed.token_hash == token_hash(token), CalendarFeed.revoked_at.is_(None))
    ).first()
    user = session.get(User, row.user_id) if row else None
    if row is None or user is None or not user.active:
        raise fail(Code.NOT_FOUND, "no such calendar feed (it may have been revoked)")
    practice = session.get(Practice, user.practice_id)
    scope = Scope(session, Actor(user.id, "user", user.role, user.practice_id, user.name))
    page = Page(request, scope, user, practice, "", zone(practice))  # type: ignore[arg-type]
    items = events(page, _base(request))
    scope.audit("view", "calendar", row.id, None, f"events={len(items)}")
    return Response(
        ics(items, clock.now()),
        media_type="text/calendar; charset=utf-8",
        headers={"Cache-Control": "private, no-store", "Content-Disposition": 'inline; filename="pa-due-dates.ics"'},
    )


def _mine(page: Page) -> list[CalendarFeed]:
    stmt = page.scope.select(CalendarFeed).where(
        CalendarFeed.user_id == page.user.id, CalendarFeed.revoked_at.is_(None)
    )
    return list(page.scope.all(stmt))


@router.get("/calendar", response_class=HTMLResponse)
def calendar_page(page: Page = PAGE) -> Response:
    return page.render("calendar.html", feeds=_mine(page), link="")


@router.post("/calendar", response_class=HTMLResponse)
def new_feed(page: Page = PAGE) -> Response:
    """A new feed link for this user (an earlier one is revoked): its address is shown once."""
    _revoke(page)
    token = secrets.token_urlsafe(32)
    row = page.scope.add(CalendarFeed(user_id=page.user.id, token_hash=token_hash(token)))
    page.scope.audit("create", "calendar", row.id, None, "feed")
    return page.render("calendar.html", feeds=[row], link=f"{_base(page.request)}/calendar/{token}.ics")


@router.post("/calendar/revoke")
def revoke_feed(page: Page = PAGE) -> Response:
    _revoke(page)
    return RedirectResponse("/calendar", status_code=303)


def _revoke(page: Page) -> None:
    for row in _mine(page):
        page.scope.session.execute(
            update(CalendarFeed).where(CalendarFeed.id == row.id).values(revoked_at=clock.now())
        )
        page.scope.audit("revoke", "calendar", row.id, None, "feed")
