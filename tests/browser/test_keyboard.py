"""Keyboard only: log in, reach a case from the worklist, open a piece of evidence, mark the case ready,
without the mouse. Each step tabs (bounded) to the control and presses Enter or Space."""

from __future__ import annotations

import re
from typing import Any

from priorauth.web.ui.demo import PASSWORD

MAX_TABS = 80


def tab_to(page: Any, condition: str) -> None:
    """Press Tab until ``condition`` (JavaScript over ``el``, the focused element) holds."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!(el && ({condition})); }}"):
            return
    raise AssertionError(f"no focusable element where {condition} within {MAX_TABS} tabs")


def test_main_flow_by_keyboard(page: Any) -> None:
    page.goto("/login")
    tab_to(page, "el.id === 'email'")
    page.keyboard.type("coordinator@demo.priorauth")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/worklist**")

    # The skip link comes first and moves to the content.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"

    tab_to(page, "el.textContent.trim() === 'Ada Testcase'")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/cases/\w+$"))

    tab_to(page, "el.textContent.startsWith('DiagnosticReport/')")
    page.keyboard.press("Enter")
    page.locator("#evidence-panel mark").wait_for()
    assert page.evaluate("document.activeElement.id") == "evidence-panel"

    tab_to(page, "el.textContent === 'Mark ready to submit'")
    focused = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert focused != "none"  # the focus is visible
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"done=status"))
    assert page.locator(".casehead .status").inner_text() == "Ready"

    tab_to(page, "el.id === 'sub-method'")
    page.keyboard.press("ArrowDown")  # portal -> fax
    tab_to(page, "el.textContent === 'Record submission'")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"done=submitted"))

    tab_to(page, "el.id === 'dec-auth'")
    page.keyboard.type("PA-KEYS-1")
    tab_to(page, "el.id === 'dec-start'")
    page.keyboard.type("01022026")  # a date field takes its digits in the locale's order (en-US: MMDDYYYY)
    tab_to(page, "el.id === 'dec-end'")
    page.keyboard.type("06302026")
    assert page.locator("#dec-start").input_value() == "2026-01-02"
    assert page.locator("#dec-end").input_value() == "2026-06-30"
    tab_to(page, "el.textContent === 'Record decision'")
    page.keyboard.press("Space")
    page.wait_for_url(re.compile(r"done=decided"))
    assert page.locator(".casehead .status").inner_text() == "Approved"
    assert page.locator("#renewal-due").inner_text().startswith("2026-05-31")
    assert "Recorded the submission (fax)" in page.locator(".history").inner_text()
