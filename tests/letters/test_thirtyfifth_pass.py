"""Issue 18, the thirty-third pass: the thirty-fifth set (US plans' letters) read whole. Each CLASS of miss closed with
letters of our own wording (never a held-out letter's sentence), table-driven, each with the guards that must stay as
they are (ids ``[p33-...]`` in the comments; ``[p33-g-...]`` the guards). Synthetic names and numbers only."""

from __future__ import annotations

from datetime import date

import pytest

from priorauth.letters.proposal import propose
from tests.letters.test_generalise import _read
from tests.letters.test_thirtyfifth_safety import _pages

_HEAD = "Larkspur Valley Health (fictitious)\nJune 8, 2027\n\nMember: Odile P. Framley   DOB: 07/21/1957   ID: LVH000000913\n"
_DRUG = "Drug: LUMAKRAS 120 mg tablets\n\n"


# -- 1. a decision in the thirty-fifth set's wordings -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "want"),
    [
        # [p33-i-could-not-approve] a physician reviewer's first person, the request pointed back to
        ("I looked at the request for LUMAKRAS as the plan's oncologist. I could not approve it.\n", "denied"),
        ("After reading the chart notes, I was not able to approve this request.\n", "denied"),
        ("I cannot approve sotorasib. The scan shows the cancer grew on it.\n", "denied"),
        # [p33-g-i-could-not-approve] a condition, a wait or a question; a part of the request only
        ("I could not approve it without the biopsy report.\n", None),
        ("If I cannot approve it, I will call your office first.\n", None),
        ("I could not approve the higher dose.\n", None),
        ("Why could I not approve it?\n", None),
        # [p33-replacement-title] a notice issuing a replacement authorization, its date in a column after the title
        (
            "\nREPLACEMENT AUTHORIZATION NOTICE                    06/08/2027\n\nAuthorization LV-20415 is issued.\n",
            "approved",
        ),
        # (at fax the column's gap closed to one blank, a speck in it)
        ("\nREPLACEMENT AUTHORIZATION NOTICE = 06/08/2027\n\n", "approved"),
        # [p33-g-replacement-title] a request for one, a title that says it was not issued or is pending
        ("\nREPLACEMENT AUTHORIZATION REQUEST                   06/08/2027\n\n", None),
        ("\nREPLACEMENT AUTHORIZATION NOT ISSUED\n\n", None),
        ("Please keep the replacement authorization notice with your records.\n", None),
        # [p33-incomplete-title] a notice titled as the request incomplete, the notice's date in a column
        (
            "\nINCOMPLETE PRIOR AUTHORIZATION REQUEST        Notice date: June 8, 2027\n\nSend the items by 06/22/2027.\n",
            "pended",
        ),
        ("\nINCOMPLETE PA REQUEST                    06/08/2027\n\n", "pended"),
        # [p33-g-incomplete-title] an appeal's title (never read as a pend)
        ("\nINCOMPLETE APPEAL REQUEST                06/08/2027\n\n", None),
    ],
)
def test_a_decision_in_the_thirty_fifth_sets_words(body: str, want: str | None) -> None:
    assert _read(_HEAD + _DRUG + body)["outcome"] == want


_STACKED = (
    "Larkspur Valley Welfare Fund (fictitious)\nDrug Program run by Example Rx (fictitious)\n\nTuesday, June 8, 2027\n\n"
    "PARTICIPANT\nOdile P. Framley\nPARTICIPANT ID\nLVW-000-20-4417\nDATE OF BIRTH\n07/21/1957\nMEDICATION\n"
    "Lumakras (sotorasib) 120 mg tablets\n{label}\n{value}\nAUTHORIZATION\nLV-2027-0415\nCOVERAGE PERIOD\n"
    "07/01/2027 to 12/31/2027\n"
)


@pytest.mark.parametrize(
    ("label", "value", "want"),
    [
        # [p33-stacked-label] a label-above-value form's decision, the value a noun, its indent lost at fax
        ("DECISION", "APPROVAL", "approved"),
        ("Outcome", "Denial", "denied"),
        ("DETERMINATION", "  DENIAL", "denied"),
        # [p33-g-stacked-label] a label of another decision, or a value with more words
        ("APPEAL DECISION", "APPROVAL", None),
        ("DECISION", "APPROVAL PENDING", None),
        ("DECISION", "DENIAL UPHELD ON APPEAL", None),
        ("PRIOR DECISION", "APPROVAL", None),
    ],
)
def test_a_decision_under_its_label(label: str, value: str, want: str | None) -> None:
    assert _read(_STACKED.format(label=label, value=value))["outcome"] == want


# -- 2. an earlier decision beside the letter's own ---------------------------------------------------------------------
_RENEWAL = _HEAD + _DRUG + "{history}\n\nRenewal request LV-20999: DENIED\nReason: the scan shows growth on LUMAKRAS.\n"


@pytest.mark.parametrize(
    ("history", "want"),
    [
        # [p33-history-paragraph] a paragraph that opens with "History:", its earlier approval on the label's line
        (
            "History: authorization LV-20111 was approved for 01/01/2027 - 06/30/2027.\nThat approval ends today.",
            "denied",
        ),
        # [p33-g-history-paragraph] no history label: an approval said beside the denial still makes the two disagree
        ("We approved LUMAKRAS for you.", None),
        # [p33-g-history-paragraph] a clinical history names no decision: read as before (the approval said disagrees)
        ("History: adenocarcinoma treated with docetaxel.\nWe approved LUMAKRAS for you.", None),
    ],
)
def test_a_history_paragraph_is_no_decision(history: str, want: str | None) -> None:
    assert _read(_RENEWAL.format(history=history))["outcome"] == want


_VOIDED = (
    "Larkspur Valley Health (fictitious)\n\nREPLACEMENT AUTHORIZATION NOTICE                    06/08/2027\n\n"
    "Member: Odile P. Framley   DOB: 07/21/1957   ID: LVH000000913\n" + _DRUG + "{body}\n"
)


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # [p33-voided-replaced] the number voided and replaced by a new one named: no closure of the request
        (
            "Authorization LV-10415 (issued 05/30/2027) has been VOIDED. Do not use it.\n\nIt is replaced by:\n"
            "  Authorization LV-20415\n  Valid 06/08/2027 through 12/07/2027\n",
            ("approved", "LV-20415", date(2027, 6, 8), date(2027, 12, 7)),
        ),
        # [p33-g-voided-replaced] voided with no replacement named; the request itself cancelled
        ("Authorization LV-10415 has been VOIDED.\n", (None, None, None, None)),
        ("Your request has been cancelled. It is replaced by a new request.\n", (None, None, None, None)),
    ],
)
def test_a_voided_number_replaced_is_no_closure(body: str, want: tuple) -> None:
    got = _read(_VOIDED.format(body=body))
    assert (got["outcome"], got["number"], got["start"], got["end"]) == want


_OWN_PAGE = (
    "Larkspur Valley Health (fictitious)                      Fax 312-555-0190   p. 1\n\n"
    "MORE INFORMATION NEEDED                                                06/08/2027\n\n"
    "Member: Odile P. Framley          Member ID: LVH-0000-20417          DOB: 7/21/1957\n"
    "Request: LV-PA-55103-0042 - Lumakras 120 mg tablets\n\n"
    "Please send the most recent CT report.\n"
)
_SECOND_PAGE = (
    "Larkspur Valley Health (fictitious)                      Fax 312-555-0190   p. 2\n\n"
    "APPROVAL NOTICE                                                        06/08/2027\n\n"
    "Member: {name}          Member ID: {mid}          DOB: 1/22/1958\n"
    "Authorization: LV-AU-55102-7719 - Lumakras 120 mg tablets\n"
    "Approved 06/08/2027 through 12/07/2027\n"
)


@pytest.mark.parametrize(
    ("name", "mid", "want"),
    [
        # [p33-other-member-outcome] another member's approval page faxed behind the pend page decides nothing here
        ("Bartholomew K. Ashdown", "LVH-0000-83001", "pended"),
        # [p33-g-other-member-outcome] the second page the same member's: the two pages disagree, as before
        ("Odile P. Framley", "LVH-0000-20417", None),
    ],
)
def test_another_members_page_decides_nothing(name: str, mid: str, want: str | None) -> None:
    letter = _pages(_OWN_PAGE, _SECOND_PAGE.format(name=name, mid=mid))
    assert propose(letter).value("outcome") == want


# -- 3. the number and the period ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lines", "want"),
    [
        # [p33-previous-new-lines] the earlier authorization's labelled line over the new one's
        (
            "Previous authorization:  LV-10415 (01/01/2027 - 06/30/2027) - expires\nNew authorization:       LV-20415\n"
            "New period:              07/01/2027 - 12/31/2027\n",
            ("LV-20415", date(2027, 7, 1), date(2027, 12, 31)),
        ),
        # [p33-g-previous-new-lines] no new one labelled: the previous one's line still keeps the number out, as before
        (
            "Previous authorization:  LV-10415 (01/01/2027 - 06/30/2027) - expires\nAuthorization:       LV-20415\n",
            (None, None, None),
        ),
    ],
)
def test_a_new_authorization_under_the_previous_one(lines: str, want: tuple) -> None:
    got = _read(_HEAD + _DRUG + lines + "\nReauthorization was approved.\n")
    assert (got["number"], got["start"], got["end"]) == want


@pytest.mark.parametrize(
    ("line", "want"),
    [
        # [p33-kind-request-leaders] a ledger's "Auth request ..." label, short dot leaders
        ("Auth request ... LV-PA-2204417", "LV-PA-2204417"),
        ("PA request ..... LV-PA-2204417", "LV-PA-2204417"),
        # [p33-g-kind-request-leaders] another kind of request is no label of the number
        ("Member request ... LV-PA-2204417", None),
    ],
)
def test_a_ledgers_kind_of_request(line: str, want: str | None) -> None:
    assert _read(_HEAD + _DRUG + line + "\n\nWe did not approve this request.\n")["number"] == want


@pytest.mark.parametrize(
    ("line", "want"),
    [
        # [p33-good-thru] a relay's "Approved <date>, good thru <date>"
        ("Approved 07/01/27, good thru 06/30/28", (date(2027, 7, 1), date(2028, 6, 30))),
        ("Approved 07/01/2027, valid through 06/30/2028", (date(2027, 7, 1), date(2028, 6, 30))),
        # [p33-g-good-thru] no approval's or validity's word before the first date: no range (its end as before)
        ("Received 07/01/2027, good thru 06/30/2028.", (None, date(2028, 6, 30))),
    ],
)
def test_approved_good_thru(line: str, want: tuple) -> None:
    got = _read(_HEAD + _DRUG + line + "\n\nWe approved it.\n")
    assert (got["start"], got["end"]) == want


# -- 4. the appeal's window and the reason ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "want"),
    [
        # [p33-until-redetermination] "You have until <date> to ask for a redetermination" (a Medicare plan's appeal)
        ("What you can do: You have until July 14, 2027 to ask for a redetermination.", date(2027, 7, 14)),
        # [p33-window-closes] "APPEAL WINDOW CLOSES ...... <date>", "Appeal period ends: <date>"
        ("APPEAL WINDOW CLOSES ...... 07/06/2027", date(2027, 7, 6)),
        ("Appeal period ends: 07/06/2027", date(2027, 7, 6)),
        # [p33-g-until-redetermination] a date to ask for something else, a window with no date
        ("You have until July 14, 2027 to ask for a copy of the rules we used.", None),
        ("You have until July 14, 2027 to send the records.", None),
    ],
)
def test_an_appeal_window_stated(line: str, want: date | None) -> None:
    assert _read(_HEAD + _DRUG + "We denied your request.\n\n" + line + "\n")["deadline"] == want


@pytest.mark.parametrize(
    ("lines", "want"),
    [
        # [p33-decision-note] an ePA print's "DECISION NOTE:" over its note
        (
            "PLAN DECISION ...... DENIED (06/04/2027)\nDECISION NOTE:\n  The dose asked for is above the label's maximum.\n",
            "The dose asked for is above the label's maximum.",
        ),
        # [p33-plan-provision] a self-funded plan's "Plan provision applied:" and the provision it names
        (
            "RESULT: Benefit denied.\nPlan provision applied: Section 4.2 - the Plan excludes drugs given free in a study.\n",
            "Section 4.2 - the Plan excludes drugs given free in a study.",
        ),
        # [p33-g-decision-note] a word glued before it ("PRE-DECISION NOTE"), the provision in an approval
        ("PLAN DECISION ...... DENIED (06/04/2027)\nPRE-DECISION NOTE:\n  Faxed to the office.\n", None),
        ("RESULT: Benefit approved.\nPlan provision applied: Section 4.2 - specialty drugs.\n", None),
    ],
)
def test_a_reason_under_its_label(lines: str, want: str | None) -> None:
    assert _read(_HEAD + _DRUG + lines)["reason"] == want


# -- 5. what a pended letter asks ---------------------------------------------------------------------------------------
_PEND = _HEAD + _DRUG + "PENDING - We need more information before we decide.\n\n"
_PORTAL = (
    "Larkspur Valley Health (fictitious) - Provider Portal\n"
    "Auth #: LV-27319-0555          Status: PENDED - INFORMATION NEEDED\n"
    "Member: Odile P. Framley   DOB: 07/21/1957   ID: LVH000000913\nDrug: LUMAKRAS 120 MG TAB\n"
)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # [p33-lettered-list] a list lettered "a." "b." under "Please send:"
        (
            _PEND + "Please send:\n  a. The biopsy report\n  b. Notes showing the weight\nFax within 10 days.\n",
            ["The biopsy report", "Notes showing the weight"],
        ),
        # [p33-missing-from-request] a heading "Missing from your request:" over its list
        (
            _PORTAL + "Missing from your request:\n  > Date of the first biopsy\n  > Result of ALK testing\n",
            ["Date of the first biopsy", "Result of ALK testing"],
        ),
        # [p33-heading-note] a portal's heading with a note in brackets, only the ticked boxes asked
        (
            _PORTAL + "Information needed (checked items only):\n  [X] The biopsy report\n  [ ] A CT report\n"
            "  [X] Notes showing the weight\n",
            ["The biopsy report", "Notes showing the weight"],
        ),
        # [p33-plan-asked-for] a relay's "The plan asked for: <what>"
        (
            _HEAD + _DRUG + "The health plan has placed this prior authorization ON HOLD.\n"
            "The plan asked for: a letter from the oncologist on why the patient cannot take docetaxel.\n"
            "Please fax it to the plan and copy us.\n",
            ["a letter from the oncologist on why the patient cannot take docetaxel"],
        ),
        # [p33-g-plan-asked-for] what the member asked for is no ask of the plan's
        (
            _HEAD + _DRUG + "The health plan has placed this prior authorization ON HOLD.\n"
            "The member asked for: a faster delivery date.\n",
            [],
        ),
        # [p33-g-lettered-list] a lettered note in an approval asks nothing; nothing missing asks nothing
        (_HEAD + _DRUG + "We approved LUMAKRAS.\n\nNotes:\n  a. Take it with food\n", []),
        (_PORTAL + "Nothing is missing from your request: we will decide soon.\n", []),
    ],
)
def test_what_a_pended_letter_asks(text: str, want: list[str]) -> None:
    assert _read(text)["requested"] == want


# -- the review's fixes (2026-12-05, the lead's reviewer): each a narrowing, each guard failing before its fix -------------
@pytest.mark.parametrize(
    ("body", "want"),
    [
        # [p33-r-refusal] a refusal with the request sent on to a reviewer, quoted or reported, or said as past
        ("I am unable to approve this request; it has been sent to a physician reviewer.\n", None),
        ("I am unable to approve this request. It has been sent to a physician reviewer.\n", None),
        ('Your doctor said "I could not approve it."\n', None),
        # [p33-r-replacement-title] a replacement authorization's title over a body that refuses
        (
            "\nREPLACEMENT AUTHORIZATION NOTICE                    06/08/2027\n\n"
            "We cannot issue a replacement authorization for LUMAKRAS.\n",
            None,
        ),
        ("\nREPLACEMENT AUTHORIZATION\n\nWe are unable to replace the authorization.\n", None),
        # [p33-r-incomplete-title] an incomplete request's title over a body that closes it
        (
            "\nINCOMPLETE PRIOR AUTHORIZATION REQUEST        06/08/2027\n\n"
            "We did not get the information, so we closed this request.\n",
            None,
        ),
        # (what stays: the title over a body that only asks)
        ("\nINCOMPLETE PRIOR AUTHORIZATION REQUEST        06/08/2027\n\nPlease send the chart notes.\n", "pended"),
    ],
)
def test_the_reviews_decision_narrowings(body: str, want: str | None) -> None:
    assert _read(_HEAD + _DRUG + body)["outcome"] == want


_APPROVED = "Your request for LUMAKRAS has been approved.\n"


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # [p33-r-prior-number] "Prior authorization number:" labels this letter's number; "Current period:" is no earlier one
        (
            "Prior authorization number: 12345678\nNew period: 07/01/2027 to 12/31/2027\n",
            ("12345678", date(2027, 7, 1)),
        ),
        (
            "Prior authorization number: 12345678\nCurrent period: 07/01/2027 to 12/31/2027\nNew authorization: see below\n",
            ("12345678", date(2027, 7, 1)),
        ),
        # (what stays: a previous authorization that expires, over the new one)
        (
            "Previous authorization: LV-11111 (01/01/2027 - 06/30/2027) - expires\nNew authorization: LV-22222\n"
            "New period: 07/01/2027 to 12/31/2027\n",
            ("LV-22222", date(2027, 7, 1)),
        ),
    ],
)
def test_a_prior_authorization_numbers_label_is_this_letters(body: str, want: tuple[str, date]) -> None:
    got = _read(_HEAD + _DRUG + _APPROVED + body)
    assert (got["number"], got["start"]) == want


@pytest.mark.parametrize(
    ("tail", "want"),
    [
        # [p33-r-replaced-by] a negated replacement, or one by no authorization's number, leaves the closure standing
        ("It will not be replaced.\n", None),
        ("It is not replaced by another.\n", None),
        ("It is replaced by Medicare coverage.\n", None),
        # (what stays: an affirmative replacement naming the new authorization's number)
        ("It is replaced by authorization LV-20999.\n", "approved"),
    ],
)
def test_a_voided_authorization_replaced_only_by_a_number(tail: str, want: str | None) -> None:
    body = "Your request for LUMAKRAS was approved. Authorization LV-20415 has been voided. " + tail
    assert _read(_HEAD + _DRUG + body)["outcome"] == want


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # [p33-r-lettered-rights] a lettered list under rights words is no ask
        (
            "We need more information. Please send the chart notes.\n\nYou may:\na. ask for a redetermination\n"
            "b. request a copy of the criteria\n",
            ["the chart notes"],
        ),
        (
            "We need more information. Please send the chart notes.\nYour rights:\na. You can ask for a redetermination\n"
            "b. You can request a copy of the records\n",
            ["the chart notes"],
        ),
        # (what stays: a lettered list under the ask's own line)
        (
            "Your request for LUMAKRAS is pended.\nPlease send the following:\na. The biopsy report\n"
            "b. The last two progress notes\n",
            ["The biopsy report", "The last two progress notes"],
        ),
    ],
)
def test_a_lettered_list_is_an_ask_only_under_one(body: str, want: list[str]) -> None:
    assert _read(_HEAD + _DRUG + body)["requested"] == want
