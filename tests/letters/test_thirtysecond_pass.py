"""Issue 18, the thirtieth pass: the thirty-second set (US plans' letters) read whole. Each CLASS of miss closed with
letters of our own wording (never a held-out letter's sentence), table-driven, each with the guards that must stay as
they are (ids ``[p30-...]`` in the comments; ``[p30-g-...]`` the guards). Synthetic names and numbers only."""

from __future__ import annotations

from datetime import date

import pytest

from priorauth.letters import collapsed_row, id_glyphs, specks
from tests.letters.test_generalise import _read

_HEAD = "Larkspur Valley Health (fictitious)\nJune 8, 2027\n\nMember: Corwin E. Dashiell   DOB: 02/14/1961   ID: LVH000000451\n"
_DRUG = "Drug: LUMAKRAS 120 mg tablets\n"


# -- 1. a decision in US plans' words -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "want"),
    [
        # [p30-terse] a terse status naming the request by its US short name
        (_DRUG + "PA approved. Valid 06/08/2027 to 12/07/2027.\n", "approved"),
        (_DRUG + "Prior auth denied. See the reason below.\n", "denied"),
        (_DRUG + "Precert pended. We will write again.\n", "pended"),
        # [p30-g-terse] a field's label, a question, a condition: no status
        (_DRUG + "PA approved dates: 06/08/2027 - 12/07/2027\n", None),
        (_DRUG + "PA approved?\n", None),
        (_DRUG + "PA approved if the member stays enrolled.\n", None),
        # [p30-title] the letter's title naming its kind without a dash, alone on its line
        ("Pharmacy Authorization Approval\n\n" + _DRUG, "approved"),
        ("MEDICATION COVERAGE DENIAL\n\n" + _DRUG, "denied"),
        # [p30-g-title] a request's, an appeal's or an earlier authorization's title, or the words inside a sentence
        ("Request for Prior Authorization Approval\n\n" + _DRUG, None),
        ("Appeal of Pharmacy Authorization Denial\n\n" + _DRUG, None),
        ("Previous Authorization Approval\n\n" + _DRUG, None),
        (_DRUG + "This page explains the drug authorization approval\nprocess in general terms.\n", None),
        # [p30-need-info] the plan needs information from the prescriber to complete its review
        (_DRUG + "We opened a review for this member and need records from your office to finish our review.\n", "pended"),
        # [p30-g-need-info] negated, or what someone else may need: no request of the plan's
        (_DRUG + "We do not need information from the prescriber to complete our review. The request is approved.\n", "approved"),
        (_DRUG + "The member may need records from the clinic to complete the plan's enrolment form.\n", None),
    ],
)
def test_a_decision_in_us_plans_words(body: str, want: str | None) -> None:
    assert _read(_HEAD + body)["outcome"] == want


def test_a_pended_notice_needing_information_reads_its_list() -> None:
    # [p30-need-info] the list under "Please fax to <number>:" is what was asked for
    got = _read(
        _HEAD + _DRUG + "We started a coverage review and need information from the prescriber to complete our review.\n"
        "Please fax to 1-800-555-0100:\n\n  - Office notes from the last two visits\n  - The biomarker report\n"
    )
    assert got["outcome"] == "pended"
    assert got["requested"] == ["Office notes from the last two visits", "The biomarker report"]


# -- 2. dates: a fax's "Enddate", an appeal counted from the denial's own date ------------------------------------------
def test_a_faxs_glued_end_date_label_reads_the_period_end() -> None:
    # [p30-enddate] a fax lost the blank in "End date" as in "Start date"
    got = _read(_HEAD + _DRUG + "PA approved.\nStartdate: 06/08/2027\nEnddate: 12/07/2027\n", ocr=True)
    assert (got["start"], got["end"]) == (date(2027, 6, 8), date(2027, 12, 7))
    # [p30-g-enddate] a word that only holds "end" ("Amended") is no end label
    got = _read(_HEAD + _DRUG + "PA approved.\nStartdate: 06/08/2027\nAmended: 12/07/2027\n", ocr=True)
    assert got["end"] is None


@pytest.mark.parametrize(
    ("dated", "window", "want"),
    [
        # [p30-denial-date] the window runs from the denial's date, printed under its label (no other date of the letter)
        ("Date of denial: July 1, 2027\n", "You may appeal within 60 days from the date of the denial.\n", date(2027, 8, 30)),
        ("Denial date: 07/01/2027\n", "An appeal must be filed within 30 days of the denial date.\n", date(2027, 7, 31)),
        # [p30-g-denial-date] a window from the letter's date still runs from the letter's date
        ("Date: 07/02/2027\nDate of denial: 07/01/2027\n", "You may appeal within 60 days of the date of this letter.\n", date(2027, 8, 31)),
    ],
)
def test_an_appeal_counted_from_the_denials_own_date(dated: str, window: str, want: date) -> None:
    text = (
        "Larkspur Valley Health (fictitious)\n" + dated + "\nMember: Corwin E. Dashiell   DOB: 02/14/1961\n"
        + _DRUG + "Status: DENIED\nReason: the notes do not show a prior systemic therapy.\n\n" + window
    )
    assert _read(text)["deadline"] == want


# -- 3. the reason under "Why we made this decision:" -------------------------------------------------------------------
def test_the_reason_under_why_we_made_this_decision() -> None:
    body = (
        "We looked at the request for LUMAKRAS 120 mg tablets.\nWe are not able to approve this request.\n\n"
        "Why we made this decision:\nThe records show the cancer grew on an earlier KRAS G12C inhibitor.\n\n"
        "You may appeal within 60 days of the date of this letter.\n"
    )
    # [p30-why-decision]
    assert _read(_HEAD + body)["reason"] == "The records show the cancer grew on an earlier KRAS G12C inhibitor."
    # [p30-g-why-decision] the same heading in an approval gives no denial reason
    approval = body.replace("We are not able to approve this request.", "The request is approved.")
    got = _read(_HEAD + approval)
    assert (got["outcome"], got["reason"]) == ("approved", None)


# -- 4. what a pended letter asks: a portal's numbered questions, the plan's "We request a ..." ----------------------------
_QUESTIONS = (
    _HEAD + _DRUG + "STATUS: Pending\nThe plan needs answers to the questions below before it can decide.\n\n"
    "Q1. When was the stage IV disease first found?\n     Answer: ________________\n"
    "Q2. Was a platinum doublet given before this request?\n     ( ) Yes     ( ) No\n"
    "Q3. Please upload the most recent imaging report.\n     [ Upload ]\n"
)


def test_a_portals_numbered_questions_are_what_was_asked() -> None:
    # [p30-questions] each question, never its answer's field; the same at fax (its indents lost)
    want = [
        "When was the stage IV disease first found?",
        "Was a platinum doublet given before this request?",
        "Please upload the most recent imaging report.",
    ]
    assert _read(_QUESTIONS)["requested"] == want
    fax = "\n".join(line.strip() for line in _QUESTIONS.split("\n"))
    assert _read(fax, ocr=True)["requested"] == want


@pytest.mark.parametrize(
    "text",
    [
        # [p30-g-questions] one question alone, or numbered questions with no words naming them questions: no list
        _HEAD + _DRUG + "STATUS: Pending\nThe plan needs answers to the questions below.\n\nQ1. When was the disease found?\n",
        _HEAD + _DRUG + "STATUS: Pending\nOur notes:\n\nQ1. Filed by phone.\nQ2. Sent to review.\n",
    ],
)
def test_numbered_lines_that_are_no_questions_list(text: str) -> None:
    assert _read(text)["requested"] != ["When was the disease found?"]
    assert "Filed by phone." not in _read(text)["requested"]


def test_the_plans_own_request_in_a_sentence() -> None:
    body = (
        _DRUG + "Status: Pending\n\nNo decision has been made yet. Our reviewer would like to talk with you first. We request a\n"
        "telephone review with the treating oncologist.\n\nPlease call 555-0100 by June 12, 2027.\n"
    )
    # [p30-we-request]
    assert _read(_HEAD + body)["requested"] == ["a telephone review with the treating oncologist"]
    # [p30-g-we-request] a list the plan asks for wins; what we requested before is no request
    listed = body.replace("Please call 555-0100 by June 12, 2027.\n", "Please send the following:\n  - The latest scan report\n")
    assert _read(_HEAD + listed)["requested"] == ["The latest scan report"]
    past = body.replace("We request a\n", "We requested a\n")
    assert _read(_HEAD + past)["requested"] == []


# -- 5. numbers and quantities: a fax's sign after a colon, a row whose gaps a fax closed ---------------------------------
def test_a_faxs_sign_after_a_labels_colon() -> None:
    # [p30-sign] "Plan auth ID: = LV-0000123" read as the label's value
    got = _read(_HEAD + _DRUG + "PA approved.\nPlan auth ID: = LV-3300415\n", ocr=True)
    assert got["number"] == "LV-3300415"
    # [p30-g-sign] glued to the colon or the value, or before small letters, it stays as printed
    assert specks.blanked("Plan auth ID:=LV-3300415") == "Plan auth ID:=LV-3300415"
    assert specks.blanked("Plan auth ID: =LV-3300415") == "Plan auth ID: =LV-3300415"
    assert specks.blanked("Note: = see below") == "Note: = see below"


_ROW_HEAD = "Drug / Strength  Auth Number  Qty / Days  From  Through\n\n"


def test_a_row_whose_column_gaps_a_fax_closed() -> None:
    # [p30-collapsed-row] the one id on LUMAKRAS's row under "Auth Number", the one "count / days" under "Qty / Days"
    text = (
        _HEAD + "Your prior authorization request has been APPROVED as shown below.\n\n" + _ROW_HEAD
        + "LUMAKRAS 120MG TABLET 77-402115-LV 240/30  06/08/2027  12/07/2027\n"
    )
    got = _read(text, ocr=True)
    assert got["number"] == "77-402115-LV" and str(got["quantity"]).startswith("240")
    # [p30-g-collapsed-row] two ids on the row, a header naming no such column, a row that is not LUMAKRAS's: nothing
    assert collapsed_row.number(_ROW_HEAD + "LUMAKRAS 120MG TABLET 77-402115-LV RX-5521-09 240/30\n") is None
    assert collapsed_row.number("Drug / Strength  Qty / Days\n\nLUMAKRAS 120MG TABLET 77-402115-LV 240/30\n") is None
    assert collapsed_row.number(_ROW_HEAD + "ONDANSETRON 8MG TABLET 77-402116-LV 30/30\n") is None
    assert collapsed_row.quantity(_ROW_HEAD + "LUMAKRAS 120MG TABLET 77-402115-LV 06/08/2027 12/07/2027\n") is None


# -- 6. the patient: "Medicare Rx ID", a fax's "Member 1D", a portal's PATIENT column, a fax's unopened bracket ----------
def test_a_medicare_rx_id_is_the_members() -> None:
    # [p30-medicare-rx]
    text = "Larkspur Valley Medicare Rx (fictitious)\nJune 8, 2027\n\nEnrollee:        Corwin E. Dashiell\nMedicare Rx ID:  7QW2-LV0-XX11\n"
    assert _read(text + _DRUG + "PA approved.\n")["member"] == "7QW2-LV0-XX11"


def test_a_faxs_1d_for_a_members_id_label() -> None:
    # [p30-1D] "Member 1D:" (OCR's one for the capital I), "Member [1D" (a speck read as a bracket)
    text = "Larkspur Valley Health (fictitious)\nJune 8, 2027\n\nMember: Corwin E. Dashiell   Member 1D: LVH000000451\n"
    assert _read(text + _DRUG + "PA approved.\n", ocr=True)["member"] == "LVH000000451"
    assert id_glyphs.repaired("Plan: Larkspur  Member [1D LVH000000451") == "Plan: Larkspur  Member  ID LVH000000451"
    # [p30-g-1D] after any other word, or glued to the role, "1D" stays as printed
    assert id_glyphs.repaired("Stage 1D disease; Form 1D; Member1D") == "Stage 1D disease; Form 1D; Member1D"


@pytest.mark.parametrize(
    ("block", "want"),
    [
        # [p30-under-role] the name under a portal's "PATIENT" column heading, its date of birth on the line after
        ("PATIENT                      PRESCRIBER\nCorwin E. Dashiell           Priya Raman, MD\nDOB: 02/14/1961              NPI: 0000000000\n", "Corwin E. Dashiell"),
        # [p30-g-under-role] the heading over anything but a name with its date of birth under: no name from it
        ("PATIENT                      PRESCRIBER\nSee the attached sheet        Priya Raman, MD\nNPI: 0000000000\n", None),
        ("PATIENT\nCorwin E. Dashiell\nAddress on file\n", None),
    ],
)
def test_a_name_under_a_portals_patient_column(block: str, want: str | None) -> None:
    text = "Larkspur ePA portal (fictitious)\nPrinted 06/08/2027\n\n" + block + "\n" + _DRUG + "PA approved.\n"
    assert _read(text)["name"] == want


def test_a_faxs_bracket_that_closes_nothing_after_a_name() -> None:
    # [p30-unopened] "Member: Corwin E. Dashiell)   Member #: ..." (a speck read as a bracket): the name read
    text = "Larkspur Valley Health (fictitious)\nJune 8, 2027\n\nMember: Corwin E. Dashiell)   Member #: LVH000000451\n"
    assert _read(text + _DRUG + "PA approved.\n", ocr=True)["name"] == "Corwin E. Dashiell"
    # [p30-g-unopened] a bracket that closes one opened on its line, or after a digit, stays
    assert specks.blanked("Member: Corwin Dashiell (Jr.)   ID: 1") == "Member: Corwin Dashiell (Jr.)   ID: 1"
    assert specks.blanked("Member: LVH-66)  -0451") == "Member: LVH-66)  -0451"


@pytest.mark.parametrize(
    ("line", "want"),
    [
        # [p30-nob] a fax's "NOB:" (or "D0B:") for "DOB:", in capitals before its colon
        ("PATIENT:  Corwin E. Dashiell  NOB: 02/14/1961\n", date(1961, 2, 14)),
        ("PATIENT:  Corwin E. Dashiell  D0B: 02/14/1961\n", date(1961, 2, 14)),
        # [p30-g-nob] in small letters, or without its colon, it is no label ("Nob Hill 02/14/1961" is a place)
        ("PATIENT:  Corwin E. Dashiell  Nob: 02/14/1961\n", None),
        ("PATIENT:  Corwin E. Dashiell  NOB 02/14/1961\n", None),
    ],
)
def test_a_faxs_misread_birth_label(line: str, want: date | None) -> None:
    text = "Larkspur Valley Health (fictitious)\nNotice date: 06/08/2027\n\n" + line + _DRUG + "PA approved.\n"
    assert _read(text, ocr=True)["birth"] == want
