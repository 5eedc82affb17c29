"""Payer letters and scanned documents over the REST API (issues 18 and 17): the letter read into a
proposal on a submitted case, confirmed (with corrections) into the decision, the letter kept as its
evidence; a letter about another patient proposes nothing and cannot be confirmed; tenancy, roles and
the one error shape."""

from __future__ import annotations

from typing import Any

import pytest

from tests.letters import samples
from tests.web.conftest import Practice, make_practice, open_case, submitted

PDF = {"Content-Type": "application/pdf"}


def post_letter(c: Any, case_id: str, raw: bytes) -> Any:
    return c.post(f"/api/v1/cases/{case_id}/payer-letters", content=raw, headers=PDF, params={"filename": "x.pdf"})


def error_of(r: Any) -> dict[str, Any]:
    body = r.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "details"}, body
    assert "\n" not in body["error"]["message"]
    return body["error"]


def waiting_case(c: Any) -> dict[str, Any]:
    case = open_case(c)
    submitted(c, case)
    return case


def test_a_denial_is_proposed_corrected_confirmed_and_kept_as_evidence(practice: Practice) -> None:
    c = practice.coordinator
    case = waiting_case(c)
    r = post_letter(c, case["id"], samples.pdf("denial"))
    assert r.status_code == 201, r.text
    letter = r.json()
    p = letter["proposal"]
    assert letter["status"] == "proposed" and letter["decision_id"] is None
    assert p["outcome"] == "denied" and p["authorization_number"] == "PA-2026-0077001"
    assert p["appeal_deadline"] == "2027-01-23"  # 60 days from November 24, 2026
    assert "disease progression" in p["denial_reason"]
    assert p["patient"]["matches_case"] is True and p["patient"]["mismatch"] == []
    outcome = next(f for f in p["fields"] if f["name"] == "outcome")
    assert outcome["source"].startswith(f"PayerLetter/{letter['id']}#char=") and outcome["page"] == 1
    # nothing is decided before the confirmation
    assert c.get(f"/api/v1/cases/{case['id']}").json()["status"] == "submitted"
    assert c.get(f"/api/v1/cases/{case['id']}/decisions").json() == []

    r = c.post(
        f"/api/v1/cases/{case['id']}/payer-letters/{letter['id']}/confirm",
        json={"authorization_number": "PA-2026-0077001-A"},
    )
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["decision"]["outcome"] == "denied" and body["decision"]["auth_number"] == "PA-2026-0077001-A"
    assert body["decision"]["decided_on"] == "2026-11-24"  # the letter's date
    assert "disease progression" in body["decision"]["reason"]
    assert body["letter"]["status"] == "confirmed" and body["letter"]["decision_id"] == body["decision"]["id"]
    assert body["letter"]["confirmed"]["corrected"] == ["authorization_number"]
    assert body["letter"]["confirmed"]["appeal_deadline"] == "2027-01-23"
    assert c.get(f"/api/v1/cases/{case['id']}").json()["status"] == "denied"
    # the letter, byte for byte, is the decision's evidence
    raw = c.get(f"/api/v1/cases/{case['id']}/payer-letters/{letter['id']}/content")
    assert raw.status_code == 200 and raw.content == samples.pdf("denial")
    # confirmed once
    again = c.post(f"/api/v1/cases/{case['id']}/payer-letters/{letter['id']}/confirm", json={})
    assert again.status_code == 409 and error_of(again)["code"] == "conflict"


def test_an_approval_gives_the_period_and_the_renewal(practice: Practice) -> None:
    c = practice.coordinator
    case = waiting_case(c)
    letter = post_letter(c, case["id"], samples.pdf("approval")).json()
    assert letter["proposal"]["period"] == {"start": "2026-11-24", "end": "2027-05-23"}
    assert letter["proposal"]["quantity"].startswith("240 tablets")
    r = c.post(f"/api/v1/cases/{case['id']}/payer-letters/{letter['id']}/confirm", json={})
    assert r.status_code == 201, r.text
    d = r.json()["decision"]
    assert (d["outcome"], d["auth_number"], d["period_start"], d["period_end"]) == (
        "approved",
        "PA-2026-0077001",
        "2026-11-24",
        "2027-05-23",
    )
    assert r.json()["letter"]["confirmed"]["appeal_deadline"] is None


def test_a_request_for_information_maps_what_was_asked(practice: Practice) -> None:
    c = practice.coordinator
    case = waiting_case(c)
    p = post_letter(c, case["id"], samples.pdf("rfi")).json()["proposal"]
    assert p["outcome"] == "pended"
    asked = {r["item"]: r for r in p["requested"]}
    kras = next(r for item, r in asked.items() if "KRAS" in item)
    therapy = next(r for item, r in asked.items() if "chemotherapy" in item)
    assert kras["criteria"] == ["kras_g12c"] and "prior_systemic_therapy" in therapy["criteria"]


def test_a_letter_about_another_patient_proposes_nothing(practice: Practice) -> None:
    c = practice.coordinator
    case = waiting_case(c)
    letter = post_letter(c, case["id"], samples.pdf("approval", name="Bea Othercase")).json()
    p = letter["proposal"]
    assert p["warnings"][0].startswith("the letter is about another patient (name")
    assert p["outcome"] is None and p["authorization_number"] is None and p["period"]["start"] is None
    r = c.post(f"/api/v1/cases/{case['id']}/payer-letters/{letter['id']}/confirm", json={"outcome": "approved"})
    assert r.status_code == 409 and error_of(r)["code"] == "patient_mismatch"
    assert c.get(f"/api/v1/cases/{case['id']}").json()["status"] == "submitted"


def test_the_case_must_wait_for_the_payer_and_a_confirmation_needs_an_outcome(practice: Practice) -> None:
    c = practice.coordinator
    draft = open_case(c)
    r = post_letter(c, draft["id"], samples.pdf("denial"))
    assert r.status_code == 409 and "waiting for the payer" in error_of(r)["message"]
    case = waiting_case(c)
    letter = post_letter(c, case["id"], samples.pdf("denial")).json()
    r = c.post(f"/api/v1/cases/{case['id']}/payer-letters/{letter['id']}/confirm", json={"outcome": None})
    assert r.status_code == 422 and "outcome is empty" in error_of(r)["message"]
    r = c.post(f"/api/v1/cases/{case['id']}/payer-letters/{letter['id']}/confirm", json={"bogus": 1})
    assert r.status_code == 422 and error_of(r)["code"] == "invalid_request"


@pytest.mark.parametrize(
    ("raw", "status", "code"),
    [
        (b"", 422, "empty_input"),
        (b"hello, this is not a letter", 415, "unsupported_media_type"),
        (b"%PDF-1.4\n garbage", 422, "unreadable"),
        (b"\x89PNG\r\n\x1a\n\x00\x00broken", 422, "unreadable"),
    ],
)
def test_unusable_letters_get_the_one_error_shape(practice: Practice, raw: bytes, status: int, code: str) -> None:
    case = waiting_case(practice.coordinator)
    r = post_letter(practice.coordinator, case["id"], raw)
    assert r.status_code == status, r.text
    assert error_of(r)["code"] == code


def test_tenancy_and_roles(app: Any) -> None:
    app.state.settings.setup_token = "letters-setup-token-0123456789"
    practice = make_practice(app, "Alpha")
    c = practice.coordinator
    case = waiting_case(c)
    letter = post_letter(c, case["id"], samples.pdf("denial")).json()
    other = make_practice(app, "Beta", setup_token="letters-setup-token-0123456789").coordinator
    for r in (
        other.get(f"/api/v1/cases/{case['id']}/payer-letters"),
        other.get(f"/api/v1/cases/{case['id']}/payer-letters/{letter['id']}"),
        other.get(f"/api/v1/cases/{case['id']}/payer-letters/{letter['id']}/content"),
        other.post(f"/api/v1/cases/{case['id']}/payer-letters/{letter['id']}/confirm", json={}),
        post_letter(other, case["id"], samples.pdf("denial")),
        other.get(f"/api/v1/cases/{case['id']}/documents"),
    ):
        assert r.status_code == 404 and error_of(r)["code"] == "not_found"
    r = practice.prescriber.post(f"/api/v1/cases/{case['id']}/payer-letters/{letter['id']}/confirm", json={})
    assert r.status_code == 403
    listed = practice.prescriber.get(f"/api/v1/cases/{case['id']}/payer-letters")
    assert listed.status_code == 200 and [x["id"] for x in listed.json()] == [letter["id"]]


def test_documents_over_the_api(practice: Practice) -> None:
    """Issue 17's scanned documents, now also over REST: added through the case service, listed."""
    c = practice.coordinator
    case = open_case(c)
    raw = samples.pdf("denial")  # any PDF: kept byte for byte, read with the chart at every evaluation
    r = c.post(f"/api/v1/cases/{case['id']}/documents", content=raw, headers=PDF, params={"filename": "r.pdf"})
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["document"]["content_type"] == "application/pdf" and body["document"]["size"] == len(raw)
    assert body["determination"]["trigger"] == "document_added"
    listed = c.get(f"/api/v1/cases/{case['id']}/documents").json()
    assert [d["id"] for d in listed] == [body["document"]["id"]] and "content" not in listed[0]
    bad = c.post(f"/api/v1/cases/{case['id']}/documents", content=b"plain text", headers=PDF)
    assert bad.status_code == 415 and error_of(bad)["code"] == "unsupported_media_type"
    empty = c.post(f"/api/v1/cases/{case['id']}/documents", content=b"", headers=PDF)
    assert empty.status_code == 422 and error_of(empty)["code"] == "empty_input"
