"""Every workflow transition, through the REST API and through the workspace pages, gets the same
answer: allowed moves succeed, refused ones are a 409 whose reason is the same words on both. The
expected table is written out here, not derived from the code under test."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import update

from priorauth.store.models import Case
from tests.web.conftest import Practice, open_case
from tests.web.ui.conftest import Browser, alerts, browse

STATUSES = ("open", "ready", "submitted", "pended", "approved", "denied", "appealed", "closed")
ALLOWED = {  # status -> the statuses a status change may move it to
    "open": {"ready", "closed"},
    "ready": {"open", "closed"},
    "submitted": {"closed"},
    "pended": {"closed"},
    "approved": {"closed"},
    "denied": {"closed"},  # "appealed" by recording the appeal
    "appealed": {"closed"},
    "closed": {"open"},
}
SUBMIT_FROM = {"ready"}
DECIDE_FROM = {"submitted", "pended", "appealed"}
APPEAL_FROM = {"denied"}
APPEAL = {"reason": "not medically necessary", "argument": "The chart documents every criterion.", "method": "fax"}
TABLE = [("move", a, b, b in ALLOWED[a]) for a in STATUSES for b in STATUSES if a != b]
TABLE += [("submit", a, "submitted", a in SUBMIT_FROM) for a in STATUSES]
TABLE += [("decide", a, "pended", a in DECIDE_FROM) for a in STATUSES]
TABLE += [("appeal", a, "appealed", a in APPEAL_FROM) for a in STATUSES]


def _force(app: Any, case_id: str, status: str) -> None:
    with app.state.sessions() as s, s.begin():
        s.execute(
            update(Case).where(Case.id == case_id).values(status=status).execution_options(synchronize_session=False)
        )


def _api(practice: Practice, case_id: str, action: str, to: str) -> tuple[bool, str]:
    c = practice.coordinator
    url = f"/api/v1/cases/{case_id}"
    if action == "move":
        r = c.patch(url, json={"version": c.get(url).json()["version"], "status": to})
    elif action == "submit":
        r = c.post(f"{url}/submissions", json={"method": "fax"})
    elif action == "appeal":
        r = c.post(f"{url}/appeals", json={**APPEAL, "version": c.get(url).json()["version"]})
    else:
        r = c.post(f"{url}/decisions", json={"outcome": "pended"})
    assert r.status_code in (200, 201, 409), r.text
    return r.status_code < 300, "" if r.status_code < 300 else r.json()["error"]["message"]


def _page(browser: Browser, practice: Practice, case_id: str, action: str, to: str) -> tuple[bool, str]:
    url = f"/cases/{case_id}"
    if action == "move":
        version = practice.coordinator.get(f"/api/v1{url}").json()["version"]
        r = browser.post(f"{url}/status", {"to": to, "version": str(version)})
    elif action == "submit":
        r = browser.post(f"{url}/submit", {"method": "fax"})
    elif action == "appeal":
        version = practice.coordinator.get(f"/api/v1{url}").json()["version"]
        r = browser.post(f"{url}/appeal", {**APPEAL, "version": str(version)})
    else:
        r = browser.post(f"{url}/decision", {"outcome": "pended"})
    assert r.status_code in (303, 409), r.text
    if r.status_code == 303:
        return True, ""
    shown = alerts(r.text)
    assert shown, r.text
    return False, shown[0]


def _words(message: str) -> str:
    return message.strip().rstrip(".").lower()


def test_every_transition_answers_the_same_through_the_api_and_the_pages(app: Any, practice: Practice) -> None:
    browser = browse(app, "coordinator@alpha.example")
    via_api = open_case(practice.coordinator)["id"]
    via_page = open_case(practice.coordinator)["id"]
    assert practice.coordinator.get(f"/api/v1/cases/{via_api}").json()["determination"]["overall"] == "ready"
    mismatches = []
    for action, start, to, allowed in TABLE:
        _force(app, via_api, start)
        _force(app, via_page, start)
        api_ok, api_why = _api(practice, via_api, action, to)
        page_ok, page_why = _page(browser, practice, via_page, action, to)
        got_api = practice.coordinator.get(f"/api/v1/cases/{via_api}").json()["status"]
        got_page = practice.coordinator.get(f"/api/v1/cases/{via_page}").json()["status"]
        expected_status = to if allowed else start
        row = (action, start, to)
        if (api_ok, page_ok) != (allowed, allowed) or (got_api, got_page) != (expected_status, expected_status):
            mismatches.append((row, api_ok, page_ok, got_api, got_page))
        elif not allowed and _words(api_why) != _words(page_why):
            mismatches.append((row, api_why, page_why))
        if not allowed:
            assert api_why.startswith("not now:"), (row, api_why)
    assert mismatches == []


@pytest.mark.parametrize("status", ["open", "submitted", "approved"])
def test_a_refused_move_says_why_in_words(app: Any, practice: Practice, status: str) -> None:
    case = open_case(practice.coordinator)
    _force(app, case["id"], status)
    url = f"/api/v1/cases/{case['id']}"
    r = practice.coordinator.patch(
        url, json={"version": case["version"], "status": "submitted" if status == "open" else "open"}
    )
    assert r.status_code == 409
    message = r.json()["error"]["message"]
    assert r.json()["error"]["code"] == "conflict" and len(message.split()) >= 6
