"""The practice's day: "today" and every default as-of come from the practice's time zone. The clock is
frozen late in the evening in New York, when the server's UTC day is already tomorrow."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from priorauth.service import clock
from tests.web.conftest import Practice, upload
from tests.web.ui.conftest import browse

LATE_EVENING_NY = datetime(2026, 12, 1, 4, 30, tzinfo=UTC)  # 23:30 on 30 November in New York


@pytest.fixture
def evening(monkeypatch: pytest.MonkeyPatch) -> datetime:
    monkeypatch.setattr(clock, "now", lambda: LATE_EVENING_NY)
    return LATE_EVENING_NY


def _new_york(practice: Practice) -> None:
    profile = practice.admin.get("/api/v1/practice").json()
    body = {"name": profile["name"], "profile": {**profile["profile"], "timezone": "America/New_York"}}
    assert practice.admin.put("/api/v1/practice", json=body).status_code == 200


def test_a_case_without_as_of_is_evaluated_on_the_practice_day(practice: Practice, evening: datetime) -> None:
    _new_york(practice)
    chart = upload(practice.coordinator)
    r = practice.coordinator.post("/api/v1/cases", json={"chart_id": chart["id"]})
    assert r.status_code == 201
    assert r.json()["determination"]["as_of"] == "2026-11-30"  # not the server's 2026-12-01


def test_an_attestation_without_a_date_is_dated_the_practice_day(
    app: Any, practice: Practice, evening: datetime
) -> None:
    _new_york(practice)
    chart = upload(practice.coordinator)
    case = practice.coordinator.post("/api/v1/cases", json={"chart_id": chart["id"], "as_of": "2026-11-20"}).json()
    r = practice.prescriber.post(
        f"/api/v1/cases/{case['id']}/attestations", json={"kind": "medical_reason", "text": "t"}
    )
    assert r.status_code == 201 and r.json()["date"] == "2026-11-30"


def test_the_demo_is_alive_late_in_the_evening(app: Any, evening: datetime) -> None:
    from priorauth.web.ui import demo

    demo.seed(app)
    b = browse(app, demo.USERS[0][0], demo.PASSWORD)
    dash = b.get("/dashboard").text
    assert "Cal Waiting" in dash.split("Overdue payer answers")[1]
    assert "Dee Approved" in dash.split("Renewals due this month")[1]


def test_a_document_added_in_the_evening_is_dated_the_practice_day() -> None:
    """A scanned report added at 23:30 in New York is dated 30 November, the day the case is evaluated as
    of; dated by the server's UTC day it would come after the evaluation, and its findings be ignored."""
    from zoneinfo import ZoneInfo

    from priorauth.service import case_documents
    from priorauth.store.models import CaseDocument

    doc = CaseDocument(id="d1", content=b"%PDF", content_type="application/pdf", filename=None)
    doc.uploaded_at = LATE_EVENING_NY.replace(tzinfo=None)  # as SQLite hands it back: UTC without a zone
    assert case_documents.resource(doc, "p1", ZoneInfo("America/New_York"))["date"] == "2026-11-30"
    assert case_documents.resource(doc, "p1", ZoneInfo("UTC"))["date"] == "2026-12-01"
