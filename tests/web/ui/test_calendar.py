"""The per-user calendar feed: a revocable secret address, every fetch audited, events for payer answers,
renewals and liver tests that carry the case link and the patient's initials only (read back with the
icalendar library)."""

from __future__ import annotations

import re
from typing import Any

from icalendar import Calendar

from priorauth.web.ui import demo
from priorauth.web.ui.calendar import initials
from tests.web.conftest import client
from tests.web.ui.conftest import browse


def _feed_url(b: Any) -> str:
    page = b.post("/calendar").text
    url = re.search(r"<code>(https?://[^<]+\.ics)</code>", page).group(1)
    return url.split("://", 1)[1].split("/", 1)[1]


def test_the_feed_lists_due_dates_with_initials_only_and_can_be_revoked(app: Any) -> None:
    demo.seed(app)
    b = browse(app, demo.USERS[0][0], demo.PASSWORD)
    path = "/" + _feed_url(b)
    anon = client(app)
    r = anon.get(path)  # no login: the address is the secret
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/calendar")
    cal = Calendar.from_ical(r.content)
    items = [(str(e["summary"]), str(e["url"])) for e in cal.walk("VEVENT")]
    summaries = [s for s, _ in items]
    assert "Payer answer due: C.W." in summaries  # Cal Waiting, submitted to a 24-hour payer
    assert "Start the PA renewal: D.A." in summaries and "Liver tests due: D.A." in summaries
    assert all(u.startswith("http") and "/cases/" in u for _, u in items)
    text = r.content.decode()
    for phi in ("Waiting", "Approved", "Testcase", "1948-11-05", "1970-06-19", "NSCLC", "C34"):
        assert phi not in text, phi
    audit = b.get("/api/v1/audit?resource=calendar")
    if audit.status_code == 200:  # admins read the trail; the coordinator's own fetch is recorded either way
        assert any(e["action"] == "view" for e in audit.json())
    assert b.post("/calendar/revoke").status_code == 303
    assert anon.get(path).status_code == 404


def test_a_new_address_replaces_the_old_one(app: Any) -> None:
    demo.seed(app)
    b = browse(app, demo.USERS[0][0], demo.PASSWORD)
    first, second = "/" + _feed_url(b), "/" + _feed_url(b)
    anon = client(app)
    assert anon.get(first).status_code == 404 and anon.get(second).status_code == 200
    assert anon.get("/calendar/not-a-token.ics").status_code == 404


def test_initials() -> None:
    assert initials("Ada Testcase") == "A.T." and initials("Mary-Jo van Dyke") == "M.J.V." and initials(None) == "patient"


def test_every_fetch_is_audited(app: Any) -> None:
    demo.seed(app)
    admin = browse(app, demo.USERS[2][0], demo.PASSWORD)
    path = "/" + _feed_url(admin)
    client(app).get(path)
    client(app).get(path)
    app.state.audit_sink.flush()  # views on SQLite are written by the background audit writer
    with app.state.sessions() as s:
        from priorauth.store.models import AuditEvent

        views = s.query(AuditEvent).filter_by(resource="calendar", action="view").count()
    assert views == 2
