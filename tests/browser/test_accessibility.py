"""Each page through axe-core (WCAG 2 A/AA: labels, landmarks, contrast...) in the same browser: no
serious or critical violation. Also the text alternatives and empty states a screen reader relies on."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import axe_violations, login, shot


def _case(page: Any, name: str) -> str:
    page.goto("/worklist?status=all")
    page.get_by_role("link", name=name).first.click()
    page.wait_for_load_state()
    return page.url


@pytest.mark.parametrize(
    "role_email",
    ["coordinator@demo.priorauth", "prescriber@demo.priorauth"],
)
def test_every_page_has_no_serious_violation(a11y_page: Any, role_email: str) -> None:
    page = a11y_page
    page.goto("/login")
    assert axe_violations(page) == [], "login"
    shot(page, "login") if role_email.startswith("coordinator") else None
    login(page, role_email)
    pages = ["/worklist", "/dashboard", "/worklist?status=closed"]
    if role_email.startswith("coordinator"):
        pages.append("/upload")
    for path in pages:
        page.goto(path)
        assert axe_violations(page) == [], path
    for name in ("Ada Testcase", "Dee Approved", "Cal Waiting"):
        url = _case(page, name)
        assert axe_violations(page) == [], url
        page.get_by_role("link", name="Patient panel (liver tests)").click()
        page.wait_for_load_state()
        assert axe_violations(page) == [], page.url
    _case(page, "Ada Testcase")
    page.locator("#checklist a[href*='/evidence']").first.click()
    page.locator("#evidence-panel article").wait_for()
    assert axe_violations(page) == [], "case with evidence open"


def test_wrong_password_is_announced(page: Any) -> None:
    page.goto("/login")
    page.get_by_label("Email").fill("coordinator@demo.priorauth")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Log in").click()
    assert page.get_by_role("alert").inner_text() == "Wrong email or password."
    assert page.get_by_label("Email").input_value() == "coordinator@demo.priorauth"
