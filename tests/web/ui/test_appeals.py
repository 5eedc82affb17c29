"""Appeals of a denial, through the case service (the workspace's form and the API enforce the same
rules): the payer's reason from the recorded denial, the practice's argument, the letter (.docx) built
from them, what was sent and when, and the appeal's own decision clock from the pack. The decision
form's refusals are in words and keep what was typed."""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import date
from typing import Any

from docx import Document

from priorauth.web.ui.demo import progress_note
from tests.web.conftest import NSCLC, Practice, mark_ready, open_case
from tests.web.ui.conftest import Browser, alerts

REASON = "KRAS G12C test result not documented"
ARGUMENT = "The enclosed NGS report of 2026-10-01 documents KRAS G12C."


def _with_note() -> bytes:
    """The ready example with an oncology progress note: Centene requires chart notes (30-day appeals)."""
    chart = json.loads(NSCLC)
    pid = next(e["resource"]["id"] for e in chart["entry"] if e["resource"]["resourceType"] == "Patient")
    chart["entry"].append({"resource": progress_note(pid, date(2026, 11, 14))})
    return json.dumps(chart).encode()


def _version(b: Browser, case_id: str) -> str:
    return re.search(r'name="version" value="(\d+)"', b.get(f"/cases/{case_id}").text).group(1)


def _denied(b: Browser, payer: str = "centene-medicaid") -> str:
    case_id = b.upload(_with_note(), payer=payer)
    assert b.post(f"/cases/{case_id}/status", {"to": "ready", "version": _version(b, case_id)}).status_code == 303
    assert b.post(f"/cases/{case_id}/submit", {"method": "fax"}).status_code == 303
    assert b.post(f"/cases/{case_id}/decision", {"outcome": "denied", "reason": REASON}).status_code == 303
    return case_id


def _docx_text(data: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


def test_denial_to_appeal_letter_to_appeal_recorded_with_its_clock(coordinator: Browser) -> None:
    case_id = _denied(coordinator)
    page = coordinator.get(f"/cases/{case_id}").text
    assert "Appeal the denial" in page and f">{REASON}</textarea>" in page  # the recorded reason, prefilled
    assert "Record an appeal</button>" not in page  # no one-click appeal any more
    form = {"reason": REASON, "argument": ARGUMENT, "method": "fax", "sent_on": ""}
    r = coordinator.post(f"/cases/{case_id}/appeal-letter", form)
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/vnd.openxmlformats")
    letter = _docx_text(r.content)
    assert REASON in letter and ARGUMENT in letter and "Why the denial should be reversed" in letter
    r = coordinator.post(f"/cases/{case_id}/appeal", {**form, "argument": "", "version": _version(coordinator, case_id)})
    assert r.status_code == 422 and alerts(r.text) == ["An appeal needs your argument: why the denial should be reversed."]
    assert f">{REASON}</textarea>" in r.text  # what was typed is kept
    r = coordinator.post(
        f"/cases/{case_id}/appeal",
        {**form, "reference": "APL-7", "what": "letter and NGS report", "version": _version(coordinator, case_id)},
    )
    assert r.status_code == 303 and r.headers["location"].endswith("?done=appealed#appeal")
    page = coordinator.get(f"/cases/{case_id}").text
    assert "Appeal decision clock" in page and "standard answer due" in page  # Medicaid: 30 days (720 h)
    assert "(ref APL-7)" in page and "Recorded the appeal (fax)" in page
    link = re.search(r'href="(/cases/[^"]+/appeals/[^"]+/letter)"', page).group(1)
    assert ARGUMENT in _docx_text(coordinator.get(link).content)
    z = zipfile.ZipFile(io.BytesIO(coordinator.get(f"/cases/{case_id}/packet").content))
    assert "appeal-letter.docx" in z.namelist()  # the packet of a denied case carries the appeal letter


def test_the_api_records_appeals_with_the_same_rules(practice: Practice) -> None:
    c = practice.coordinator
    case = mark_ready(c, open_case(c, _with_note(), payer="centene-medicaid"))
    url = f"/api/v1/cases/{case['id']}"
    body = {"version": case["version"], "argument": ARGUMENT, "method": "portal"}
    r = c.post(f"{url}/appeals", json=body)
    assert r.status_code == 409 and "record the payer's denial first" in r.json()["error"]["message"]
    assert c.post(f"{url}/submissions", json={"method": "fax"}).status_code == 201
    assert c.post(f"{url}/decisions", json={"outcome": "denied", "reason": REASON}).status_code == 201
    r = c.patch(url, json={"version": c.get(url).json()["version"], "status": "appealed"})
    assert r.status_code == 409 and "by recording the appeal" in r.json()["error"]["message"]
    r = c.post(f"{url}/appeals", json={**body, "argument": "", "version": c.get(url).json()["version"]})
    assert r.status_code == 422 and "argument" in r.json()["error"]["message"]
    r = c.post(f"{url}/appeals", json={**body, "version": c.get(url).json()["version"], "sent_at": "2026-11-25T15:00:00Z"})
    assert r.status_code == 201, r.text
    got: dict[str, Any] = r.json()
    assert got["reason"] == REASON and got["argument"] == ARGUMENT  # the reason from the recorded denial
    assert got["standard_due"].startswith("2026-12-25T15:00") and got["expedited_due"].startswith("2026-11-28T15:00")
    assert c.get(url).json()["status"] == "appealed"
    assert [a["id"] for a in c.get(f"{url}/appeals").json()] == [got["id"]]
    r = c.post(f"{url}/appeals", json={**body, "version": c.get(url).json()["version"]})
    assert r.status_code == 409  # appealed already


def test_decision_refusals_are_words_and_keep_what_was_typed(coordinator: Browser) -> None:
    case_id = coordinator.upload()
    assert coordinator.post(f"/cases/{case_id}/status", {"to": "ready", "version": _version(coordinator, case_id)}).status_code == 303
    assert coordinator.post(f"/cases/{case_id}/submit", {"method": "fax"}).status_code == 303
    typed = {"outcome": "approved", "auth_number": "PA-77", "period_start": "2026-12-01", "period_end": "2026-11-01"}
    r = coordinator.post(f"/cases/{case_id}/decision", typed)
    assert r.status_code == 422
    assert alerts(r.text) == ["The end date is before the start date of the approved period."]
    assert 'name="auth_number" value="PA-77"' in r.text and 'value="2026-11-01"' in r.text
    r = coordinator.post(f"/cases/{case_id}/decision", {**typed, "period_end": "2026-13-45"})
    assert r.status_code == 422 and alerts(r.text) == ["The end date (approved through) is not a date."]
    r = coordinator.post(f"/cases/{case_id}/decision", {**typed, "outcome": "maybe"})
    assert r.status_code == 422 and alerts(r.text)[0].startswith("The outcome must be one of: approved")
    r = coordinator.post(f"/cases/{case_id}/decision", {**typed, "period_end": "2027-05-19"})
    assert r.status_code == 303 and r.headers["location"] == f"/cases/{case_id}?done=decided#decision"
