"""The letter reader's rules, row by row (text -> what is read): outcomes stated in many ways, the
conditional sentences that state none, numbers, dates, appeal deadlines and what was requested."""

from __future__ import annotations

from datetime import date

import pytest

from priorauth.letters import dates, fields, mapping, patient

OUTCOMES = [
    ("Your request has been approved.", "approved"),
    ("Decision: Approved as requested", "approved"),
    ("Coverage Determination: Favorable", "approved"),
    ("We are approving coverage of LUMAKRAS for you.", "approved"),
    ("We denied your request for sotorasib because no test was sent.", "denied"),
    ("Your request is being denied.", "denied"),
    ("Coverage Determination: Unfavorable", "denied"),
    ("This drug cannot be approved under your plan.", "denied"),
    ("The request was not approved.", "denied"),
    ("NOTICE OF DENIAL", "denied"),
    ("We need additional information to review your request.", "pended"),
    ("Status: Pending - additional information required", "pended"),
    ("Before we can make a decision, we need the following:", "pended"),
    ("Your request is incomplete.", "pended"),
    # nothing stated: conditional, future, boilerplate
    ("If we do not receive the records, your request may be denied.", None),
    ("Failure to respond will result in a denial of coverage.", None),
    ("If you disagree with a denial, you have the right to appeal.", None),
    ("We received your request and will send our decision within 72 hours.", None),
    ("LUMAKRAS is an FDA-approved therapy.", None),
    # statements that disagree: no outcome, never the likelier one
    ("Your request has been approved. Your request has been denied.", None),
]


@pytest.mark.parametrize(("text", "want"), OUTCOMES)
def test_outcome(text: str, want: str | None) -> None:
    hit, why = fields.outcome(text)
    assert (hit.value if hit else None) == want, why
    if hit:
        assert text[hit.start : hit.end]  # a span of the text


NUMBERS = [
    ("Authorization Number: PA-2026-0048812", "PA-2026-0048812"),
    ("Prior Authorization #: HMA26-551-002", "HMA26-551-002"),
    ("Auth ID: A1234567", "A1234567"),
    ("Reference #: 7751877", "7751877"),
    ("Case ID: HMA26-551-390", "HMA26-551-390"),
    ("Authorization Number: PA 2026 0048", "PA 2026 0048"),
    ("Authorization Number: N/A\nReference Number: R-99812", "R-99812"),
    ("Member ID: W123456", None),
    ("Fax: 1-800-555-0142", None),
]


@pytest.mark.parametrize(("text", "want"), NUMBERS)
def test_authorization_number(text: str, want: str | None) -> None:
    hit = fields.authorization_number(text)
    assert (hit.value if hit else None) == want


DATES = [
    ("2026-10-05", date(2026, 10, 5)),
    ("10/05/2026", date(2026, 10, 5)),
    ("10-5-26", date(2026, 10, 5)),
    ("October 5, 2026", date(2026, 10, 5)),
    ("Oct. 5th, 2026", date(2026, 10, 5)),
    ("5 October 2026", date(2026, 10, 5)),
    ("05-Oct-2026", date(2026, 10, 5)),
    ("02/30/2026", None),
]


@pytest.mark.parametrize(("text", "want"), DATES)
def test_dates(text: str, want: date | None) -> None:
    found = dates.find(text)
    assert (found[0].day if found else None) == want


LETTER = date(2026, 10, 7)
APPEALS = [
    ("You must file your appeal within 60 days of the date of this letter.", date(2026, 12, 6), ""),
    ("Appeals must be received within sixty (60) calendar days from the date on this notice.", date(2026, 12, 6), ""),
    ("To ask us to reconsider, write within thirty (30) days of the denial date.", date(2026, 11, 6), ""),
    ("You have 65 days from the date of this notice to request a redetermination.", date(2026, 12, 11), ""),
    ("Appeal deadline: 2026-11-29.", date(2026, 11, 29), ""),
    ("To appeal, send your request no later than February 1, 2027.", date(2027, 2, 1), ""),
    ("You may appeal within 60 days from the date you receive this letter.", None, "does not give"),
    ("Appeals are decided within 30 days.", None, ""),
]


@pytest.mark.parametrize(("text", "want", "why"), APPEALS)
def test_appeal_deadline(text: str, want: date | None, why: str) -> None:
    hit, note = fields.appeal_deadline(text, LETTER)
    assert (hit.value if hit else None) == want
    assert why in note


def test_period_and_quantity() -> None:
    text = "Approved period: 10/05/2026 through 04/04/2027\nApproved quantity: 240 tablets per 30 days"
    start, end = fields.period(text)
    assert (start.value, end.value) == (date(2026, 10, 5), date(2027, 4, 4))
    assert fields.quantity(text).value == "240 tablets per 30 days"
    assert fields.period("Effective Date: 2026-09-22\nExpiration Date: 2027-09-21")[1].value == date(2027, 9, 21)
    assert fields.period("Date of Birth: 01/01/1950 - 02/02/1951") is None
    assert fields.quantity("Qty/Days Supply: 120/30").value == "120/30"


def test_requested_lists_and_inline() -> None:
    text = "Please send the following:\n- The KRAS G12C test report\n- Progress notes\n\nThank you."
    assert [h.value for h in fields.requested(text)] == ["The KRAS G12C test report", "Progress notes"]
    inline = "We need more information. Please send the pathology report and the NGS report."
    assert [h.value for h in fields.requested(inline)] == ["the pathology report", "the NGS report"]


def test_mapping_and_patient_match() -> None:
    assert mapping.concerns("NGS report showing the KRAS G12C result")["criteria"] == ["kras_g12c"]
    assert mapping.concerns("a list of prior systemic therapies")["criteria"] == ["prior_systemic_therapy"]
    assert mapping.concerns("something else entirely") == {"criteria": [], "documents": []}
    case = {"name": "Ada Testcase", "birth_date": "1961-04-12", "member_id": "W123456"}
    assert (
        patient.mismatches({"name": "TESTCASE, ADA M", "birth_date": date(1961, 4, 12), "member_id": "w-123456"}, case)
        == []
    )
    assert patient.mismatches({"name": "Bea Othercase"}, case) == ["name"]
    assert patient.mismatches({"birth_date": date(1961, 4, 13)}, case) == ["date of birth"]
    assert patient.mismatches({"name": "Ada Testcase"}, None) == []
