"""The payer's letter on the case page (issue 18): uploaded on a submitted case, its proposal shown
field by field beside the highlighted words of the letter, corrected and confirmed into the decision
(the API's rules: the case service); a letter about another patient is said first and has no confirm
button; the page refuses a letter on a draft case beside the form."""

from __future__ import annotations

import html
import re
from typing import Any

from tests.letters import samples
from tests.web.ui.conftest import Browser, alerts


def submitted_case(b: Browser) -> str:
    case_id = b.upload()
    version = re.search(r'name="version" value="(\d+)"', b.get(f"/cases/{case_id}").text).group(1)
    assert b.post(f"/cases/{case_id}/status", {"to": "ready", "version": version}).status_code == 303
    assert b.post(f"/cases/{case_id}/submit", {"method": "fax"}).status_code == 303
    return case_id


def upload(b: Browser, case_id: str, raw: bytes) -> Any:
    return b.post(f"/cases/{case_id}/payer-letters", files={"letter": ("letter.pdf", raw, "application/pdf")})


def test_upload_correct_confirm(coordinator: Browser) -> None:
    case_id = submitted_case(coordinator)
    r = upload(coordinator, case_id, samples.pdf("denial"))
    assert r.status_code == 303 and r.headers["location"].endswith("?done=letter#letters")
    page = html.unescape(coordinator.get(f"/cases/{case_id}?done=letter").text)
    assert "Letter read: check the proposal against the letter, then confirm." in page
    assert re.search(r'name="outcome" value="denied" checked', page)
    assert 'id="pl-appeal_deadline" name="appeal_deadline" type="date" value="2027-01-23"' in page
    assert re.search(r"data-field=\"appeal_deadline\">.*?<mark>60\s+days", page, re.S)
    letter_id = re.search(r'action="/cases/\w+/payer-letters/(\w+)/confirm"', page).group(1)

    r = coordinator.post(
        f"/cases/{case_id}/payer-letters/{letter_id}/confirm",
        {
            "outcome": "denied",
            "authorization_number": "PA-2026-0077001",
            "letter_date": "2026-11-24",
            "denial_reason": "No progression documented.",
            "appeal_deadline": "2027-01-23",
        },
    )
    assert r.status_code == 303, r.text
    page = html.unescape(coordinator.get(f"/cases/{case_id}").text)
    assert 'id="appeal-deadline"' in page and "Appeal deadline: 2027-01-23" in page
    assert "2026-11-24: <strong>denied</strong> PA-2026-0077001 — No progression documented." in page
    assert "corrected: denial reason" in page
    letter = coordinator.get(f"/cases/{case_id}/payer-letters/{letter_id}/file")
    assert letter.status_code == 200 and letter.content == samples.pdf("denial")


def test_another_patient_is_said_first_and_cannot_be_confirmed(coordinator: Browser) -> None:
    case_id = submitted_case(coordinator)
    upload(coordinator, case_id, samples.pdf("approval", name="Bea Othercase"))
    page = html.unescape(coordinator.get(f"/cases/{case_id}").text)
    warnings = re.search(r'<ul class="warnings" role="alert">\s*<li class="error">([^<]+)', page)
    assert warnings and warnings.group(1).startswith("the letter is about another patient")
    assert "Confirm: record the decision" not in page
    letter_id = re.search(r'id="letter-(\w+)"', page).group(1)
    r = coordinator.post(f"/cases/{case_id}/payer-letters/{letter_id}/confirm", {"outcome": "approved"})
    assert r.status_code == 409 and "another patient" in " ".join(alerts(r.text))


def test_a_draft_case_refuses_a_letter_beside_the_form(coordinator: Browser) -> None:
    case_id = coordinator.upload()
    r = upload(coordinator, case_id, samples.pdf("denial"))
    assert r.status_code == 409
    assert any("waiting for the payer" in a for a in alerts(r.text))
