"""Issue 18, second pass: the LAYOUT classes behind the misses on the second held-out set, each with
NEW letters written for these tests (none is copied from a corpus letter): key/value tables drawn with
bars or aligned columns, status and action fields, all-caps banner lines, checkbox lists, a decision
on page 2, plain-language yes/no, a request closed without a decision (no outcome, never a guess),
number labels with an abbreviation or a slash, and an earlier authorization's number and period."""

from __future__ import annotations

from datetime import date

import pytest

from priorauth.letters import fields, tables

OUTCOMES = [
    # key/value tables: bars, aligned columns, field names
    ("| Item | Detail |\n|---|---|\n| Review status | DENIED |\n| Drug | sotorasib |", "denied"),
    ("|  Determination  |  Approved for 180 days  |", "approved"),
    ("Coverage decision        Not approved\nDrug                     LUMAKRAS", "denied"),
    ("Plan decision      Pending clinical records", "pended"),
    ("Action taken:  NOT AUTHORIZED", "denied"),
    ("Renewal determination ..... approved", "approved"),
    ("Status: UNDER PHARMACIST REVIEW", None),  # a review in progress decides nothing (third pass)
    # all-caps banners (fax notices)
    ("CASE 77120-B    *** APPROVED ***    PAGE 1 OF 1", "approved"),
    ("==== DENIED ====\nMEMBER: K. ORLOV", "denied"),
    ("AUTH 55102  ## PENDING ##", "pended"),
    ("REQUEST   ***  NOT APPROVED  ***", "denied"),
    # checkbox lists: the ticked box decides, an empty box says nothing
    ("Outcome of review:\n[ ] Approved\n[X] Denied\n[ ] More information needed", "denied"),
    ("( ) Denied   (x) Approved", "approved"),
    ("☐ Approved  ☒ Pended", "pended"),
    ("[ ] Approved\n[ ] Denied", None),
    # plain language and formal wordings
    ("Good news: we said yes to the drug your oncologist asked for.", "approved"),
    ("We said no to this request for sotorasib.", "denied"),
    ("After review, the health plan did not approve the prescription.", "denied"),
    ("The Company hereby authorizes the medication described below.", "approved"),
    ("Your plan has approved it for twelve months.", "approved"),
    ("We looked at the request and we will cover this drug.", "approved"),
    ("REQUEST FOR ADDITIONAL MEDICAL INFORMATION", "pended"),
    ("PENDING - AWAITING CHART NOTES", "pended"),
    # a past request for information the prescriber never answered is no pended statement
    (
        "Decision: Denied.\nYour office did not respond to our request for additional records sent on 03/02/2026.",
        "denied",
    ),
    # no decision was made: the outcome stays empty, whatever else is worded like one
    ("The request was withdrawn by the prescriber. This letter is not an adverse determination.", None),
    ("Your request has been cancelled at your doctor's request; no decision was made.", None),
    ("This is not a denial notice.", None),
    ("Case closed as a duplicate submission. Status: Denied", None),
    # statements that disagree stay empty
    ("*** APPROVED ***\nYour request has been denied.", None),
]


@pytest.mark.parametrize(("text", "want"), OUTCOMES)
def test_outcome_layouts(text: str, want: str | None) -> None:
    hit, why = fields.outcome(text)
    assert (hit.value if hit else None) == want, why


def test_decision_on_page_two() -> None:
    text = (
        "Dear Doctor,\nThe result of your request is on the next page.\n\f"
        "Summary for: R. Anand\n   Outcome        Authorized\n   From           07/01/2026\n   Through        12/31/2026\n"
    )
    hit, why = fields.outcome(text)
    assert hit is not None and hit.value == "approved", why
    assert text[hit.start : hit.end] == "Authorized"
    start, end = fields.period(text) or (None, None)
    assert start is not None and start.value == date(2026, 7, 1)
    assert end is not None and end.value == date(2026, 12, 31)


NUMBERS = [
    ("Prior Authorization Number (PAN): 7710042230", "7710042230"),
    ("Tracking No. (TRK) ZX-4410-88", "ZX-4410-88"),
    ("Reference No. KBT/26/009188", "KBT/26/009188"),
    ("PA REF 0009912044      *** DENIED ***", "0009912044"),
    ("PA Case: QF-2612-3301-X", "QF-2612-3301-X"),
    # the earlier authorization named first is not this one
    (
        "Your previous authorization, PA No. OLD-1120-55, valid 01/01/2025 through 12/31/2025, ends soon.\n"
        "  New PA No.        NEW-2230-71",
        "NEW-2230-71",
    ),
]


@pytest.mark.parametrize(("text", "want"), NUMBERS)
def test_number_labels(text: str, want: str) -> None:
    hit = fields.authorization_number(text)
    assert hit is not None and hit.value == want
    assert text[hit.start : hit.end] == want


def test_an_earlier_period_is_skipped() -> None:
    text = (
        "The formerly approved period, valid 02/01/2025 through 01/31/2026, is over.\n"
        "  Start       02/01/2026\n  End         01/31/2027\n"
    )
    start, end = fields.period(text) or (None, None)
    assert start is not None and start.value == date(2026, 2, 1)
    assert end is not None and end.value == date(2027, 1, 31)


def test_bar_table_rows_read_as_labels() -> None:
    text = (
        "| Field        | Value              |\n|--------------|--------------------|\n"
        "| Auth Number  | WX-77-1003         |\n| Start Date   | 09/01/2026         |\n"
        "| Stop Date    | 02/28/2027         |\n| Quantity     | 120 per 30 days    |\n"
    )
    number = tables.read(fields.authorization_number, text)
    assert number is not None and text[number.start : number.end] == "WX-77-1003"
    start, end = tables.read(fields.period, text)
    assert (start.value, end.value) == (date(2026, 9, 1), date(2027, 2, 28))
    qty = tables.read(fields.quantity, text)
    assert qty is not None and qty.value == "120 per 30 days"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Pharmacy Review Unit\n12 Elm Court\nQuantity of #60 tablets per 30 days", "60 tablets per 30 days"),
        ("Approved quantity:\n90 tabs per 30 days", "90 tabs per 30 days"),
    ],
)
def test_quantity_label_does_not_read_an_address(text: str, want: str) -> None:
    hit = fields.quantity(text)
    assert hit is not None and hit.value == want


@pytest.mark.parametrize(
    ("text", "name", "member"),
    [
        ("Participant: Odalys Q. Verhoeven\nParticipant ID: PQ-5512-003", "Odalys Q. Verhoeven", "PQ-5512-003"),
        ("Recipient:   Tomas Ibarra-Lutz\nRecipient ID: 88120043917", "Tomas Ibarra-Lutz", "88120043917"),
        ("Claimant: Hedda Lindqvist\nMedicaid ID: 300044551", "Hedda Lindqvist", "300044551"),
    ],
)
def test_patient_labels(text: str, name: str, member: str) -> None:
    got = fields.patient(text)
    assert got["name"].value == name
    assert got["member_id"].value == member
