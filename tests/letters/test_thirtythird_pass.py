"""Issue 18, the thirty-first pass: the thirty-third set (US plans' letters) read whole. Each CLASS of miss closed with
letters of our own wording (never a held-out letter's sentence), table-driven, each with the guards that must stay as
they are (ids ``[p31-...]`` in the comments; ``[p31-g-...]`` the guards). Synthetic names and numbers only."""

from __future__ import annotations

import re

import pytest

from priorauth.letters import statement_set33
from tests.letters.test_generalise import _read

_HEAD = "Bramblewood Health Partners (fictitious)\nMay 4, 2027\n\nMember: Hollis T. Wainwright   DOB: 03/19/1958   ID: BHP000000772\n"
_DRUG = "Drug: LUMAKRAS 120 mg tablets\n"


# -- 1. a decision in US plans' words -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "want"),
    [
        # [p31-plan-approved-drug] a relay's report that the plan approved the drug by its name
        ("Thank you for your referral. The plan has approved LUMAKRAS for this patient.\nWe will ship on Monday.\n", "approved"),
        ("Update: the insurer has APPROVED SOTORASIB 120 mg.\nWe will call the patient.\n", "approved"),
        # [p31-g-plan-approved-drug] not (the denial's own rule, as before), or earlier: no approval
        ("Thank you for your referral. The plan has not approved LUMAKRAS.\nWe will call again.\n", "denied"),
        ("Note: the plan has previously approved LUMAKRAS for other members.\nWe will call again.\n", None),
        # [p31-dash-title] a title in capitals whose kind and status a dash parts, a paragraph of its own
        ("\nAPPROVAL - SPECIALTY ONCOLOGY\n\n" + _DRUG, "approved"),
        ("\nOFFICE NOTICE - PA APPROVED\n\n" + _DRUG, "approved"),
        ("\nDENIAL - ORAL CANCER DRUGS\n\n" + _DRUG, "denied"),
        ("\nPRESCRIBER LETTER - PRIOR AUTHORIZATION DENIED\n\n" + _DRUG, "denied"),
        # [p31-g-dash-title] a request's, an appeal's, an earlier or ended one's title, or the words in a sentence
        ("\nREQUEST FOR APPROVAL - SPECIALTY ONCOLOGY\n\n" + _DRUG, None),
        ("\nAPPEAL - PA APPROVED\n\n" + _DRUG, None),
        ("\nPREVIOUS AUTHORIZATION - PA APPROVED\n\n" + _DRUG, None),
        ("\nAPPROVAL - EXPIRED\n\n" + _DRUG, None),
        # [p31-g-dash-title] a title over the fields it heads (no blank line under it) is that item's, read as before
        ("IMAGING AUTHORIZATION - APPROVED\n  Study:   CT chest\n  Note:    patient on sotorasib\n", None),
        (_DRUG + "The form for approval - oral oncology drugs is on our website.\n", None),
    ],
)
def test_a_decision_in_us_plans_words(body: str, want: str | None) -> None:
    assert _read(_HEAD + body)["outcome"] == want


def test_a_relays_report_reads_the_plans_dates_and_quantity() -> None:
    # [p31-plan-approved-drug] the outcome read, the rows under it are the approval's
    got = _read(_HEAD + "Good news: the plan has approved LUMAKRAS 120 mg.\n  Valid:   5/4/27 - 11/3/27\n  Qty:     240 tabs/30 days\n")
    assert (got["outcome"], str(got["start"]), str(got["end"])) == ("approved", "2027-05-04", "2027-11-03")


# -- 2. the denial's reason: under "the following reason(s):", under a label's line, after a bare "DENIED." ---------------
_CLOSE = "\nYou may appeal within 60 days of the date of this letter.\n"


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # [p31-following-reasons] "... for the following reason(s):" over the reason
        (
            "We have denied the drug coverage you asked for, for the following reason(s):\n"
            "The notes do not show a KRAS G12C test result from a certified laboratory.\n",
            "The notes do not show a KRAS G12C test result from a certified laboratory.",
        ),
        # [p31-label-line] a decision's label line, its reason on the lines under it in the same paragraph
        (
            "DECISION: DENIED\nThe chart does not show the tumour has spread beyond the chest wall.\n",
            "The chart does not show the tumour has spread beyond the chest wall.",
        ),
        # [p31-bare-status] a bare status word in capitals opening its line, the reason after its stop
        (
            "DENIED. The dose asked for is above the plan limit for this drug.\n",
            "The dose asked for is above the plan limit for this drug.",
        ),
        # [p31-g-label-line] a form's fields under the label's line are no reason
        ("DECISION: DENIED\nReviewer: K. Osei, PharmD\n", None),
        # [p31-g-label-line] a field's label under it ("REASON FOR DENIAL..:") is read by its label's rule, never with it
        (
            "DECISION: DENIED\nREASON FOR DENIAL..: ECOG STATUS NOT DOCUMENTED IN THE NOTES\n",
            "ECOG STATUS NOT DOCUMENTED IN THE NOTES",
        ),
        # [p31-g-bare-status] a banner alone on its line gives none
        ("DENIED\n", None),
    ],
)
def test_a_denials_reason_in_us_plans_shapes(body: str, want: str | None) -> None:
    got = _read(_HEAD + _DRUG + "\n" + body + _CLOSE)
    assert got["outcome"] == "denied"
    assert got["reason"] == want


def test_the_following_reasons_in_an_approval_give_no_reason() -> None:
    # [p31-g-following-reasons] read in a denial only
    got = _read(_HEAD + _DRUG + "\nThe request is approved for the following reason(s):\nThe criteria are met.\n")
    assert (got["outcome"], got["reason"]) == ("approved", None)


# -- 3. numbers: an ERISA plan's pre-service claim, this request's id set off by commas ------------------------------------
@pytest.mark.parametrize(
    ("body", "want"),
    [
        # [p31-pre-service] an ERISA plan's request under its legal name
        ("Pre-service claim no.: EBX-PSC-5501234\nDetermination: Not certified.\n", "EBX-PSC-5501234"),
        ("Pre-Service Claim #: EBX-PSC-5501299\nDetermination: Not certified.\n", "EBX-PSC-5501299"),
        # [p31-g-pre-service] a claim for a service given is no request's number
        ("Claim no.: EBX-CLM-7700123\nDetermination: Not certified.\n", None),
        # [p31-current-request] this request's id set off by commas after its name
        ("The current request, WQ-27118-044, is approved for 240 tablets per 30 days.\n", "WQ-27118-044"),
        # [p31-g-current-request] an earlier request's id is not this one's
        ("The earlier request, WQ-27001-002, was withdrawn. This request is approved for 240 tablets per 30 days.\n", None),
    ],
)
def test_the_requests_number_in_us_plans_shapes(body: str, want: str | None) -> None:
    assert _read(_HEAD + _DRUG + body)["number"] == want


# -- 4. what a pended letter asks ------------------------------------------------------------------------------------------
_PENDED = _HEAD + _DRUG + "Status: PENDING\n\n"


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # [p31-return-checked] a checklist's "Please return the items checked below:" (the ticked ones)
        (
            "Please return the items checked below:\n [X] The pathology report\n [ ] A signed consent form\n [X] Recent scan results\n",
            ["The pathology report", "Recent scan results"],
        ),
        # [p31-needed-to] a heading "Information needed to <do what>:" over its list
        (
            "Information needed to complete the review:\n  - Current weight\n  - Last two office notes\n",
            ["Current weight", "Last two office notes"],
        ),
        # [p31-waived] an item the letter marks not applicable for this member is not asked
        (
            "Information needed to complete the review:\n  - Current weight\n  - Pregnancy test result\n"
            "       not applicable - male member\n  - Last two office notes\n",
            ["Current weight", "Last two office notes"],
        ),
        (
            "Please send the following:\n  - Pregnancy test result\n       N/A - male member\n  - Current weight\n",
            ["Current weight"],
        ),
        # [p31-until-receive] a request on hold until the plan receives something
        ("The request is on hold until we receive the biopsy report from the March surgery.\n", ["the biopsy report from the March surgery"]),
        # [p31-asks-for] a reviewer who asks for something
        ("The case went to our pharmacist, who asks for the results of the latest liver panel.\n", ["the results of the latest liver panel"]),
        # [p31-send-label] a form's bare "Send:" opening its line
        ("Send: oncology clinic note from the last 14 days.\n", ["oncology clinic note from the last 14 days"]),
    ],
)
def test_what_a_pended_letter_asks(body: str, want: list[str]) -> None:
    got = _read(_PENDED + body)
    assert got["outcome"] == "pended"
    assert got["requested"] == want


@pytest.mark.parametrize(
    "body",
    [
        # [p31-g-send-label] a "Fax:" label is a number's; "Please return" of a form that is no checklist; a request not
        # on hold; a member who asked for something
        "Fax: 555-0100\nWe will write again soon.\n",
        "Please return this page with your reply.\n",
        "We received the biopsy report on May 1 and the review goes on.\n",
        "The member asked for a faster review.\n",
    ],
)
def test_look_alikes_of_an_ask_read_nothing(body: str) -> None:
    assert _read(_PENDED + body)["requested"] == []


def test_a_waived_items_note_at_fax_lost_its_indent() -> None:
    # [p31-waived] at fax the note's indent is lost: it still waives the item above it, and the list goes on
    text = _PENDED + "Information needed to complete the review:\n- Current weight\n- Pregnancy test result\nnot applicable - male member\n- Last two office notes\n"
    assert _read(text, ocr=True)["requested"] == ["Current weight", "Last two office notes"]


# -- 5. a fax's dateline whose column gap OCR read as a bar --------------------------------------------------------------
_DENIAL = (
    "Member: Hollis T. Wainwright   DOB: 03/19/1958\n" + _DRUG + "DETERMINATION: DENIED\nThe notes do not show the disease is metastatic.\n\n"
    "You have 30 days from the date of this letter to request an appeal.\n"
)


@pytest.mark.parametrize(
    ("dateline", "want"),
    [
        # [p31-bar-dateline] the letter's date, then a bar where the column gap was, then a note
        ("05/04/2027 | (Urgent)\n", "2027-06-03"),
        # [p31-g-bar-dateline] two dates parted by a bar are a period's row, not the letter's date
        ("05/04/2027 | 11/03/2027\n", None),
    ],
)
def test_a_faxs_dateline_with_a_bar(dateline: str, want: str | None) -> None:
    got = _read("Bramblewood Health Partners (fictitious)\n" + dateline + "\n" + _DENIAL, ocr=True)
    assert (str(got["deadline"]) if got["deadline"] else None) == want


@pytest.mark.parametrize("line", ["DECISION - DENIED", "STATUS - APPROVED", "PA STATUS - DENIED"])
def test_a_label_whose_colon_a_fax_read_as_a_dash_is_no_dash_title(line: str) -> None:
    # [p31-g-dash-title] a decision's label ("DECISION  - DENIED" at fax) is read by the labels' rules, not as a title
    assert not any(re.search(p, line, re.I) for p in statement_set33.APPROVED + statement_set33.DENIED)
