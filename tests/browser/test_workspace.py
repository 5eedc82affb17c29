"""The coordinator's day in a real browser: log in, upload an example chart, open the case and a piece of
evidence (the cited words highlighted), take the case through ready and submitted to approved, see the
renewal date and the dashboard change; a prescriber attests and the criterion is evaluated again."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from tests.browser.conftest import login, shot
from tests.conftest import ROOT

COORDINATOR = "coordinator@demo.priorauth"
PRESCRIBER = "prescriber@demo.priorauth"


def count(page: Any, status: str) -> int:
    page.goto("/dashboard")
    return int(page.locator(f"#count-{status}").inner_text())


def test_upload_evidence_submit_approve_renewal_dashboard(page: Any) -> None:
    login(page, COORDINATOR)
    shot(page, "worklist")
    approved_before = count(page, "approved")

    page.goto("/upload")
    page.get_by_label("Chart file").set_input_files(str(ROOT / "examples" / "nsclc-ready.json"))
    page.get_by_role("button", name="Upload and evaluate").click()
    page.wait_for_url(re.compile(r"/cases/\w+\?done=created"))
    assert page.get_by_role("status").inner_text() == "Case created and evaluated."
    assert page.locator(".overall").first.inner_text() == "ready", page.locator("#checklist").inner_text()[:3000]
    case_url = page.url.split("?")[0]

    # Evidence in context: the KRAS report's text, the cited span marked.
    page.get_by_role("link", name="DiagnosticReport/ngsrep1#char=0,42").click()
    mark = page.locator("#evidence-panel mark#cited")
    mark.wait_for()
    assert mark.inner_text() == "KRAS p.G12C detected in FFPE tumor tissue."
    assert page.evaluate("document.activeElement.id") == "evidence-panel"
    shot(page, "case")

    # The PA packet is one click away (its contents: tests/web/ui/test_pages.py::test_packet_download).
    assert page.get_by_role("link", name="Download the PA packet").count() == 1

    page.get_by_role("button", name="Mark ready to submit").click()
    page.wait_for_url(re.compile(r"done=status"))
    page.get_by_label("Sent by").select_option("fax")
    page.get_by_label("Payer reference (optional)").fill("FAX-123")
    page.get_by_role("button", name="Record submission").click()
    page.wait_for_url(re.compile(r"done=submitted"))
    assert "Submitted" in page.locator(".casehead .status").inner_text()

    # An approval without its number is refused with a message beside the form; then recorded.
    page.get_by_role("button", name="Record decision").click()
    assert "authorization number" in page.locator("#decision-error").inner_text()
    start = date.today()
    end = start + timedelta(days=181)
    page.get_by_label("Authorization number (approval)").fill("PA-777")
    page.get_by_label("Approved from").fill(start.isoformat())
    page.get_by_label("Approved through").fill(end.isoformat())
    page.get_by_role("button", name="Record decision").click()
    page.wait_for_url(re.compile(r"done=decided"))
    assert page.locator(".casehead .status").inner_text() == "Approved"
    assert page.locator("#renewal-due").inner_text().startswith((end - timedelta(days=30)).isoformat())
    history = page.locator(".history").inner_text()
    for step in ("Recorded the payer's decision: approved", "Recorded the submission (fax)", "Changed the status"):
        assert step in history

    assert count(page, "approved") == approved_before + 1
    shot(page, "dashboard")
    page.goto(case_url)
    page.get_by_role("link", name="Patient panel (liver tests)").click()
    page.locator("svg.labchart").wait_for()


def test_prescriber_attests_and_the_criterion_is_evaluated_again(page: Any) -> None:
    login(page, PRESCRIBER)
    page.get_by_label("Search patient or payer").fill("Needsnote")
    page.get_by_role("button", name="Apply").click()
    page.get_by_role("link", name="Ben Needsnote").first.click()
    progression = page.locator("#crit-disease_progression .cstatus")
    assert progression.inner_text().lower() == "insufficient"
    page.get_by_label("What you attest").select_option("progression")
    page.get_by_label("Statement").fill("Progressed on carboplatin and pemetrexed; CT shows new liver lesions.")
    page.get_by_role("button", name="Attest and evaluate again").click()
    page.wait_for_url(re.compile(r"done=attested"))
    assert progression.inner_text().lower() == "met"
    changes = page.locator(".changes").inner_text()
    assert "Disease progression: insufficient → met" in changes
    assert "(attestation)" in changes
    assert page.locator("#crit-disease_progression").locator("a[href*='source=Attestation']").count() == 1


def test_patient_panel_charts_alt_ast_against_uln(page: Any) -> None:
    login(page, COORDINATOR)
    page.get_by_role("link", name="Dee Approved").click()
    page.get_by_role("link", name="Patient panel (liver tests)").click()
    chart = page.locator("svg.labchart")
    assert "highest ALT 2.2 x ULN" in chart.get_attribute("aria-label")
    assert page.locator("svg.labchart line.due").count() >= 5
    shot(page, "patient")
