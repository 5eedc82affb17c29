"""The payer's answer in the browser (issue 18): a coordinator submits a case, uploads the payer's denial
letter, checks the proposal (each field beside its highlighted span in the letter), corrects a field
and confirms; the case shows the decision and the appeal deadline."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tests.browser.conftest import login, shot
from tests.conftest import ROOT
from tests.letters import samples

COORDINATOR = "coordinator@demo.priorauth"


def test_upload_a_denial_confirm_it_and_see_the_appeal_deadline(page: Any, tmp_path: Path) -> None:
    letter = tmp_path / "denial-fax.pdf"
    letter.write_bytes(samples.pdf("denial"))
    page.set_default_timeout(180_000)  # evaluations and reading on a busy shared machine
    page.set_default_navigation_timeout(180_000)
    login(page, COORDINATOR)
    page.goto("/upload")
    page.get_by_label("Chart file").set_input_files(str(ROOT / "examples" / "nsclc-ready.json"))
    page.get_by_role("button", name="Upload and evaluate").click()
    page.wait_for_url(re.compile(r"/cases/\w+\?done=created"))
    page.get_by_role("button", name="Mark ready to submit").click()
    page.wait_for_url(re.compile(r"done=status"))
    page.get_by_role("button", name="Record submission").click()
    page.wait_for_url(re.compile(r"done=submitted"))

    page.get_by_label("Payer's letter (PDF, TIFF, PNG or JPEG", exact=False).set_input_files(str(letter))
    page.get_by_role("button", name="Read the letter").click()
    page.wait_for_url(re.compile(r"done=letter#letters"), timeout=120_000)
    proposal = page.locator("form.proposal")
    assert proposal.locator("input[name=outcome][value=denied]").is_checked()
    assert page.locator("#pl-appeal_deadline").input_value() == "2027-01-23"
    assert page.locator("#pl-authorization_number").input_value() == "PA-2026-0077001"
    # each field beside the words it was read from, highlighted
    spans = proposal.locator("blockquote.span[data-field=appeal_deadline] mark")
    assert "60 days of the date of this letter" in spans.inner_text()  # from the number of days: a word before it may be a cell's
    assert "denied" in proposal.locator("blockquote.span[data-field=outcome] mark").inner_text()
    assert "Summit" not in page.locator(".casehead .status").inner_text()
    assert page.locator(".casehead .status").inner_text() == "Submitted"  # nothing recorded yet
    shot(page, "payer-letter-proposal")

    page.locator("#pl-denial_reason").fill("No disease progression after platinum-based chemotherapy is documented.")
    page.get_by_role("button", name="Confirm: record the decision").click()
    page.wait_for_url(re.compile(r"done=letter_confirmed"))
    assert page.get_by_role("status").inner_text() == "Letter confirmed; the decision is recorded."
    assert page.locator(".casehead .status").inner_text() == "Denied"
    assert page.locator("#appeal-deadline").inner_text().startswith("Appeal deadline: 2027-01-23")
    decisions = page.locator("#status").inner_text()
    assert "2026-11-24: denied PA-2026-0077001 — No disease progression" in decisions
    assert "corrected: denial reason" in page.locator("#letters").inner_text()
    shot(page, "payer-letter-confirmed")
