"""Issue 18, safety pass on the thirty-second held-out set: the letters named by their wrong values read, their
CLASSES closed with wordings and layouts written here (never a held-out letter's sentence), table-driven, with guards
that must stay as they are.

1. A wrong outcome: a rights page names another letter by what it holds ("Your approval letter lists the dates"): no
   decision of this letter's.
2. A wrong period: the authorization already held, on a line of its own ("Prior authorization on file: X, a - b"),
   beside a renewal's new one, is stale.
3. Wrong requested items: a heading's date beside "MISSING INFORMATION" is no item; a list bulleted with a doubled
   chevron (">>") under "is asking for:" is read.
4. A wrong member id at fax: an id OCR read with a small letter between two capitals ("QzZR..." for "QZR...") is left
   empty."""

from __future__ import annotations

from datetime import date

import pytest

from priorauth.letters import fields, outcome, requested_items, stale, stray_glyph
from priorauth.letters.proposal import propose
from tests.letters.test_generalise import _letter


def _outcome(text: str) -> str | None:
    hit, _ = outcome.outcome(outcome.plain(fields.unfenced(text)))
    return hit.value if hit else None


# -- 1. another letter named by what it holds --------------------------------------------------------------------------
_RIGHTS = "YOUR APPEAL RIGHTS\n\nIf we turned down any part of your request, you can ask us to look again.\n\n"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # [t32-referred-letter] a rights page: each outcome's letter named for what it holds
        (_RIGHTS + "If your drug was covered, nothing more is needed. Your approval letter lists the\n"
         "start and end dates and the amount covered.\n", None),
        (_RIGHTS + "Were you approved? The approval notice shows how long it lasts.\n", None),
        ("Questions about a decision? Your denial notice explains the reason and how to appeal.\n", None),
        ("Keep this page. Each approval letter will list the dates of coverage.\n", None),
        # guards: this letter's own approval, a heading, a decision stated beside the reference
        ("APPROVAL NOTICE\n\nMember: Dana Ortiz\nDrug: LUMAKRAS (sotorasib) 120 mg\n", "approved"),
        ("This approval letter confirms coverage of LUMAKRAS (sotorasib) 120 mg.\n", "approved"),
        ("Your request for LUMAKRAS has been approved. Your approval letter lists the dates below.\n", "approved"),
        ("Your request for LUMAKRAS has been denied. Your denial notice explains how to appeal.\n", "denied"),
        ("Your approval letter has been mailed to your doctor.\n", "approved"),  # sent, not described: as before
    ],
)
def test_another_letter_named_by_what_it_holds_decides_nothing(text: str, want: str | None) -> None:
    assert _outcome(text) == want


def test_a_rights_page_proposes_no_outcome() -> None:
    text = (
        "Plainsview Health Plan (fictitious)          page 3 of 3\n"
        "Member: Dana Ortiz          Member ID: PHP0000123          Case: PHP-CS-0001\n\n"
        + _RIGHTS
        + "If we approved your request, there is nothing for you to do. Your approval letter lists the\n"
        "dates and the number of tablets covered.\n\n"
        "If we need more records from your doctor, we will say which ones.\n"
    )
    assert propose(_letter(text)).value("outcome") is None


# -- 2. the authorization already on file ---------------------------------------------------------------------------
_RENEWAL = (
    "RE: LUMAKRAS (sotorasib) 120 mg - continued therapy\n\n"
    "{held}\n\n"
    "Your renewal request has been approved.\n\n"
    "   Renewal authorization number:     AB-2027-0001\n"
    "   Renewal period:                   06/01/2027 - 11/30/2027\n"
)


@pytest.mark.parametrize(
    "held",
    [
        # [t32-on-file] the authorization held, on its own line, beside the renewal's
        "Prior authorization on file:     AB-2026-0777, 12/01/2026 - 05/31/2027",
        "Approval on record:     AB-2026-0777 (12/01/2026 - 05/31/2027)",
        "PA in effect: AB-2026-0777  12/01/2026 - 05/31/2027",
    ],
)
def test_the_authorization_on_file_is_not_the_renewals_period(held: str) -> None:
    p = propose(_letter(_RENEWAL.format(held=held)))
    assert (p.value("period_start"), p.value("period_end")) == (date(2027, 6, 1), date(2027, 11, 30))
    assert p.value("authorization_number") == "AB-2027-0001"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # guards: no new authorization named, the line "on file" is the letter's own; a sentence about a file
        ("Prior authorization on file: AB-2027-0001, 06/01/2027 - 11/30/2027\n", False),
        ("Authorization approved. Valid 06/01/2027 - 11/30/2027. Your notes are on file.\n", False),
    ],
)
def test_a_line_on_file_without_a_renewal_stays(text: str, want: bool) -> None:
    assert stale.stale(text, text.index("06/01/2027")) is want


# -- 3. a heading's date; a doubled-chevron list ---------------------------------------------------------------------
def _items(text: str) -> list[str]:
    return [h.value for h in requested_items.requested(text)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # [t32-dated-heading] a heading naming the request, its date in the right column: nothing to send
        ("REQUEST PENDED - MISSING INFORMATION                        07/02/2027\n\nMember: Dana Ortiz\n", []),
        ("ADDITIONAL INFORMATION REQUESTED      2027-07-02 09:14\n\nCall us with questions.\n", []),
        # [t32-chevrons] a list bulleted ">>" under "is asking for:"
        ("The health plan is asking for:\n  >> Pathology report with PD-L1 result\n  >> Last two clinic notes\n\n"
         "Fax them to 555-0100.\n", ["Pathology report with PD-L1 result", "Last two clinic notes"]),
        # guards: an object in words is read; a one-chevron bullet list as before
        ("Missing information: KRAS G12C test report.\n", ["KRAS G12C test report"]),
        ("Please send the following:\n > Pathology report\n > Clinic notes\n", ["Pathology report", "Clinic notes"]),
    ],
)
def test_what_was_asked_for(text: str, want: list[str]) -> None:
    assert _items(text) == want


# -- 4. a small letter between capitals in a faxed id -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("read", "want"),
    [
        # [t32-small-amid-capitals] a capital read twice, once small; a small letter between capitals
        ("QzZR40017733", True),
        ("ABcD-5521-09", True),
        # guards: capitals only, a small letter not between capitals, digits only
        ("QZR40017733", False),
        ("Ab12345", False),
        ("4471 0093 22", False),
        ("QZ40017733x", False),
    ],
)
def test_a_small_letter_between_capitals(read: str, want: bool) -> None:
    assert stray_glyph.small_amid_capitals(read) is want


@pytest.mark.parametrize(
    ("member_line", "ocr", "want"),
    [
        ("Member ID       QzZR40017733", True, None),  # [t32-small-amid-capitals] at fax: left empty
        ("Member ID       QZR40017733", True, "QZR40017733"),  # guard: read as before
        ("Member ID       QzZR40017733", False, "QZZR40017733"),  # guard: a text layer's id is never doubted here
    ],
)
def test_a_faxed_member_id_with_a_small_letter_amid_capitals(member_line: str, ocr: bool, want: str | None) -> None:
    text = (
        "Patient         Dana Ortiz          DOB 02/14/1961\n"
        f"{member_line}\n"
        "Drug            LUMAKRAS 120 MG TABLET\n\n"
        "Outcome:        Denied\n"
    )
    assert propose(_letter(text, ocr=ocr)).patient.get("member_id") == want
