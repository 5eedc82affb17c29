"""Issue 20 in a real browser: a deceased patient's banner first on the page, the appeal flow end to end
(denial -> appeal letter -> appeal recorded with its clock), and a long evidence list capped with the rest
grouped and expandable."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from docx import Document

from priorauth.web.ui.demo import progress_note
from tests.browser.conftest import login, shot
from tests.conftest import ROOT
from tests.web.ui.test_evidence_lists import many_cycles

COORDINATOR = "coordinator@demo.priorauth"
NSCLC = ROOT / "examples" / "nsclc-ready.json"
SLOW = 90_000  # ms: an upload is evaluated before the page comes back (a busy shared machine is slow)


def _chart(tmp_path: Path, name: str, edit: Any) -> Path:
    chart = json.loads(NSCLC.read_text())
    edit(chart)
    path = tmp_path / name
    path.write_text(json.dumps(chart))
    return path


def _upload(page: Any, path: Path, payer: str = "") -> str:
    page.goto("/upload")
    page.get_by_label("Chart file").set_input_files(str(path))
    if payer:
        page.get_by_label("Payer policy pack").select_option(payer)
    page.get_by_role("button", name="Upload and evaluate").click()
    page.wait_for_url(re.compile(r"/cases/\w+\?done=created"))
    return page.url.split("?")[0]


def test_a_deceased_patient_has_a_banner_first_and_cannot_be_marked_ready(page: Any, tmp_path: Path) -> None:
    def died(chart: dict) -> None:
        for e in chart["entry"]:
            if e["resource"]["resourceType"] == "Patient":
                e["resource"]["deceasedDateTime"] = "2026-11-01"
                e["resource"]["name"] = [{"given": ["Dora"], "family": "Deceased"}]

    page.set_default_timeout(SLOW)
    login(page, COORDINATOR)
    _upload(page, _chart(tmp_path, "deceased.json", died))
    first = page.locator("main > *").first
    assert first.get_attribute("id") == "deceased-banner" and first.is_visible()
    assert "recorded as deceased on 2026-11-01: do not submit" in first.inner_text()
    assert page.get_by_role("button", name="Mark ready to submit").is_disabled()
    shot(page, "deceased")
    page.get_by_role("link", name="Patient panel (liver tests)").click()
    assert page.locator("main > *").first.get_attribute("id") == "deceased-banner"
    page.goto("/worklist?q=Deceased")
    assert "deceased: do not submit" in page.locator("#worklist-results").inner_text()


def test_denial_appeal_letter_and_appeal_recorded_with_its_clock(page: Any, tmp_path: Path) -> None:
    def noted(chart: dict) -> None:
        chart["entry"].append({"resource": progress_note("p1", date(2026, 11, 14))})
        for e in chart["entry"]:
            if e["resource"]["resourceType"] == "Patient":
                e["resource"]["name"] = [{"given": ["Abe"], "family": "Appellant"}]

    page.set_default_timeout(SLOW)
    login(page, COORDINATOR)
    _upload(page, _chart(tmp_path, "appeal.json", noted), payer="centene-medicaid")
    page.get_by_role("button", name="Mark ready to submit").click()
    page.wait_for_url(re.compile(r"done=status"))
    page.get_by_role("button", name="Record submission").click()
    page.wait_for_url(re.compile(r"done=submitted"))
    page.get_by_label("denied").check()
    page.get_by_label("Reason (denial)").fill("KRAS G12C result not documented")
    page.get_by_role("button", name="Record decision").click()
    page.wait_for_url(re.compile(r"done=decided"))
    assert page.locator(".casehead .status").inner_text() == "Denied"

    reason = page.get_by_label("The payer's reason for the denial")
    assert reason.input_value() == "KRAS G12C result not documented"  # from the recorded denial
    page.get_by_label("Your argument: why the denial should be reversed").fill(
        "The NGS report of 2026-10-01, enclosed, documents KRAS G12C in tumor tissue."
    )
    with page.expect_download() as dl:
        page.get_by_role("button", name="Download the appeal letter (.docx, editable)").click()
    letter = tmp_path / "appeal.docx"
    dl.value.save_as(letter)
    text = "\n".join(p.text for p in Document(str(letter)).paragraphs)
    assert "KRAS G12C result not documented" in text and "enclosed, documents KRAS G12C" in text

    page.get_by_label("Payer reference (optional)").last.fill("APL-1")
    page.get_by_role("button", name="Record the appeal as sent").click()
    page.wait_for_url(re.compile(r"done=appealed"))
    assert page.locator(".casehead .status").inner_text() == "Appealed"
    clock = page.locator("#decision-clock").inner_text()
    assert "standard answer due" in clock and "expedited" in clock  # Medicaid: 30 days, 72 hours
    assert "Appeal decision clock" in page.locator("#status").inner_text()
    assert page.get_by_role("link", name="appeal letter (.docx)").count() == 1
    assert "Recorded the appeal (fax)" in page.locator(".history").inner_text()
    shot(page, "appeal")


def test_a_long_evidence_list_is_capped_and_expands(page: Any, tmp_path: Path) -> None:
    chart = json.loads(many_cycles())
    for e in chart["entry"]:  # a patient of its own: the server is shared, and test_keyboard opens "Ada Testcase"
        if e["resource"]["resourceType"] == "Patient":
            e["resource"]["name"] = [{"given": ["Cy"], "family": "Cycles"}]
    path = tmp_path / "cycles.json"
    path.write_text(json.dumps(chart))
    page.set_default_timeout(SLOW)
    login(page, COORDINATOR)
    _upload(page, path)
    crit = page.locator("#crit-prior_systemic_therapy")
    group = crit.locator("li.group").first
    assert re.fullmatch(r"and \d+ more MedicationRequest: Cisplatin 50 MG Injection \(request, stopped\), 2025-2026", group.locator("summary").inner_text())
    inner = group.locator("ul.evidence a")
    assert not inner.first.is_visible()
    group.locator("summary").click()
    assert inner.first.is_visible()
    inner.first.click()
    page.locator("#evidence-panel pre, #evidence-panel .resource, #evidence-panel").first.wait_for()


def test_the_worklist_fits_a_phone(browser: Any, server: str) -> None:
    context = browser.new_context(base_url=server, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.set_default_timeout(SLOW)
        login(page, COORDINATOR)
        for path in ("/worklist", "/dashboard"):
            page.goto(path)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, f"{path} is {width} px wide on a 390 px phone"
        page.goto("/worklist")
        label = page.evaluate("getComputedStyle(document.querySelector('table.cards td'), '::before').content")
        assert label == '"Patient"'
        shot(page, "worklist-phone")
    finally:
        context.close()
