"""The admin page: users and the practice's time zone, through the API's own functions (same rules, same
audit); refusals in words; other roles are refused."""

from __future__ import annotations

import re
from typing import Any

from tests.web.conftest import PASSWORD, Practice
from tests.web.ui.conftest import Browser, alerts, browse


def test_an_admin_adds_a_user_changes_a_role_deactivates_and_sets_the_time_zone(app: Any, practice: Practice) -> None:
    admin = browse(app, practice.admin_email)
    page = admin.get("/admin").text
    assert 'href="/admin"' in page and "coordinator@alpha.example" in page
    r = admin.post("/admin/users", {"email": "new@alpha.example", "name": "Nia New", "role": "prescriber", "password": "short"})
    assert r.status_code == 422 and alerts(r.text)[0].startswith("The password") and 'value="Nia New"' in r.text
    r = admin.post("/admin/users", {"email": "new@alpha.example", "name": "Nia New", "role": "prescriber", "password": PASSWORD})
    assert r.status_code == 303
    nia = next(u for u in practice.admin.get("/api/v1/users").json() if u["email"] == "new@alpha.example")
    assert nia["role"] == "prescriber"
    assert admin.post(f"/admin/users/{nia['id']}", {"role": "coordinator"}).status_code == 303
    assert admin.post(f"/admin/users/{nia['id']}", {"active": "no"}).status_code == 303
    nia = next(u for u in practice.admin.get("/api/v1/users").json() if u["id"] == nia["id"])
    assert (nia["role"], nia["active"]) == ("coordinator", False)
    assert admin.post("/admin/practice", {"timezone": "America/Chicago"}).status_code == 303
    assert practice.admin.get("/api/v1/practice").json()["profile"]["timezone"] == "America/Chicago"
    assert "times in America/Chicago" in admin.get("/worklist").text
    me = re.search(r'/admin/users/(\w+)"', admin.get("/admin").text)
    assert me  # the others' rows have forms; the admin's own row has none (no self-demotion by mistake)


def test_other_roles_are_refused(coordinator: Browser) -> None:
    assert coordinator.get("/admin").status_code == 403
    assert 'href="/admin"' not in coordinator.get("/worklist").text
    assert coordinator.post("/admin/practice", {"timezone": "UTC"}).status_code == 403
