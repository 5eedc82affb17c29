"""Issue 18, letters pass 35: the thirty-seventh set (US plans' letters) read whole. Each CLASS of miss closed with
letters of our own wording (never a held-out letter's sentence), table-driven, each with the guards that must stay as
they are (ids ``[p35-...]`` in the comments; ``[p35-g-...]`` the guards). Synthetic names and numbers only."""

from __future__ import annotations

from datetime import date

import pytest

from priorauth.letters import tailed_o
from priorauth.letters.proposal import propose
from tests.letters.test_generalise import _read
from tests.letters.test_thirtyfifth_safety import _pages

_HEAD = "Wrenfield Health Plan (fictitious)\nJuly 9, 2027\n\nMember: Corwin T. Halloway   DOB: 02/14/1955   ID: WHP000000417\n"
_DRUG = "Drug: LUMAKRAS 120 mg tablets\n\n"


# -- 1. unsafe values: the period's pair, an earlier authorization's quantity -------------------------------------------
@pytest.mark.parametrize(
    ("body", "want"),
    [
        # [p35-paired-period] one label naming both ends, its two dates after it (leaders, a colon, or the line under it)
        (
            "Case status ....... Approved\nStart / End ....... 2027-07-09 / 2028-01-08\n",
            (date(2027, 7, 9), date(2028, 1, 8)),
        ),
        (
            "Decision: Approved\nEffective / Expiration:  07/09/2027 - 01/08/2028\n",
            (date(2027, 7, 9), date(2028, 1, 8)),
        ),
        ("Decision: Approved\nValid from / to\n  07/09/2027 / 01/08/2028\n", (date(2027, 7, 9), date(2028, 1, 8))),
        # [p35-g-paired-period] the pair's "End" never takes the start alone (one date under a pair: neither); an end before its start gives nothing
        ("Case status ....... Approved\nStart / End ....... 2027-07-09\n", (None, None)),
        ("Case status ....... Approved\nStart / End ....... 2028-01-08 / 2027-07-09\n", (None, None)),
        # [p35-g-paired-period] labels of their own read as before
        ("Decision: Approved\nStart: 07/09/2027\nEnd: 01/08/2028\n", (date(2027, 7, 9), date(2028, 1, 8))),
    ],
)
def test_a_paired_period_label_reads_its_pair(body: str, want: tuple[date | None, date | None]) -> None:
    got = _read(_HEAD + _DRUG + body)
    assert (got["start"], got["end"]) == want


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # [p35-earlier-quantity] an earlier authorization's quantity on its own line: the new approval's is read
        (
            "We approved a lower dose.\nPrevious authorization WH-1100 (240 tablets/30 days) closed 07/08/2027.\n"
            "New authorization: WH-2200\nApproved: 120 tablets per 30 days\n",
            "120 tablets per 30 days",
        ),
        (
            "We approved a lower dose.\nExpired approval WH-1100, quantity 240 tablets/30 days.\n"
            "New authorization: WH-2200\nQuantity: 120 tablets per 30 days\n",
            "120 tablets per 30 days",
        ),
        # [p35-g-earlier-quantity] "prior authorization" is the request's own name; a block under the previous one's line
        (
            "Your prior authorization is approved.\nPrior authorization quantity: 240 tablets per 30 days\n",
            "240 tablets per 30 days",
        ),
        (
            "CONTINUATION - APPROVED\n\nPrevious authorization:  WH-1100 (01/01/2027 - 07/08/2027) - expires\n"
            "New authorization:       WH-2200\nDrug / quantity:         Lumakras 120 mg / 240 tablets per 30 days\n",
            "240 tablets per 30 days",
        ),
    ],
)
def test_an_earlier_authorizations_quantity_is_never_read(body: str, want: str) -> None:
    assert _read(_HEAD + _DRUG + body)["quantity"] == want


# -- 2. what was asked for ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "want"),
    [
        # [p35-ticked-below] a review that waits "until we receive the items marked [X] below": the ticked boxes
        (
            "We cannot finish our review until we receive the items marked [X] below.\n"
            "  [X] NGS report with the KRAS result\n  [ ] Discharge summary\n  [X] Current medication list\n\n"
            "Please send them by 07/23/2027.\n",
            ["NGS report with the KRAS result", "Current medication list"],
        ),
        # [p35-generic-sent] "Please fax the items by <date> to <number>": the things named elsewhere, no item
        ("More information is needed.\nPlease fax the items by 07/23/2027 to 1-800-555-0101.\n", []),
        ("More information is needed.\nPlease send the documents to 1-800-555-0101.\n", []),
        # [p35-g-generic-sent] a thing with words of its own is asked for
        (
            "More information is needed.\nPlease fax the records from the treating oncologist by 07/23/2027.\n",
            ["the records from the treating oncologist by 07/23/2027"],
        ),
        # [p35-form-missing] a form "was missing:" over its numbered list
        (
            "Your request is on hold. The form was missing:\n  1. the prescriber's signature\n  2. the date of diagnosis\n",
            ["the prescriber's signature", "the date of diagnosis"],
        ),
        # [p35-open-items] a portal's "Open items (2)" over its bullets, never its "Closed items"
        (
            "Status: Pended\n\nOpen items (2)\n  * Liver function panel from the last 30 days\n  * Current ECOG score\n"
            "Closed items (1)\n  * Pathology report - RECEIVED\n",
            ["Liver function panel from the last 30 days", "Current ECOG score"],
        ),
        # [p35-reviewer-needs] a reviewer or pharmacist who needs a record or a result (", including ..." kept whole;
        # "before deciding ..." no part of it)
        (
            "The request is pended. The reviewer needs office notes from the last 90 days, including the dosing plan.\n",
            ["office notes from the last 90 days, including the dosing plan"],
        ),
        (
            "Additional information needed.\nOur pharmacist needs the most recent liver test results before deciding on LUMAKRAS.\n",
            ["the most recent liver test results"],
        ),
        # [p35-g-reviewer-needs] a reviewer's need of no record; a plan office's boxes never an item
        ("The request is pended. The reviewer needs more time.\n", []),
        (
            "Additional information needed.\nOur pharmacist needs the most recent liver test results before deciding on LUMAKRAS.\n\n"
            "----- FOR PLAN OFFICE USE ONLY -----\n[ ] Approved   [ ] Denied\n",
            ["the most recent liver test results"],
        ),
    ],
)
def test_the_thirty_seventh_sets_asks(body: str, want: list[str]) -> None:
    assert _read(_HEAD + _DRUG + body)["requested"] == want


# -- 3. the outcome -----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "want"),
    [
        # [p35-not-given] a refusal said as approval not given ("prior approval" a plan's word for the authorization)
        ("We cannot give prior approval for LUMAKRAS.\n", "denied"),
        ("We are unable to grant approval of this request.\n", "denied"),
        # [p35-g-not-given] a condition, a past told, another's words
        ("If we cannot give prior approval for LUMAKRAS, we will write to you.\n", None),
        ('Your doctor said "we cannot give prior approval for LUMAKRAS".\n', None),
        ("Earlier we could not give prior approval for LUMAKRAS.\n", None),
        # [p35-to-finish] a review waiting on what it asks for
        ("A pharmacist is reviewing the request.\nTo finish the review, please send the latest CT report.\n", "pended"),
        ("To complete the review, please fax the NGS report.\n", "pended"),
        ("Before we decide on LUMAKRAS, please send:\nthe latest CT report\n", "pended"),
        # [p35-g-to-finish] a form's instruction; a right with no ask; a past told
        ("To finish the form, please sign below.\n", None),
        # [p35-g-to-finish] a bare "To finish," is never read (the review's fix: an approval's delivery errand)
        ("A pharmacist is reviewing the request.\nTo finish, please send the latest CT report.\n", None),
        ("Before we decide, you may call us with questions.\n", None),
        # [p35-without-trial] an approval without a trial of other drugs (no drug elsewhere)
        (
            "Under our transition policy we approved continued coverage without a new trial of other drugs.\n",
            "approved",
        ),
        ("We approved LUMAKRAS without first trying other medications.\n", "approved"),
        # [p35-g-without-trial] a fill elsewhere is still no outcome of this request
        ("Fills at other pharmacies are not approved.\n", None),
        # [p35-notice-withdrawn] an earlier notice sent in error and withdrawn, the corrected decision after it
        (
            "On 07/01/2027 we sent a notice that said LUMAKRAS was approved. That notice was sent in error. It is withdrawn.\n\n"
            "Corrected decision: DENIED.\nReason: the plan excludes oral oncology drugs under its rider.\n",
            "denied",
        ),
        ("That earlier notice is withdrawn.\n\nCorrected decision: DENIED.\n", "denied"),
        # [p35-g-notice-withdrawn] the request itself withdrawn: no decision
        ("Your request is withdrawn.\n\nDecision: DENIED.\n", None),
    ],
)
def test_the_thirty_seventh_sets_outcomes(body: str, want: str | None) -> None:
    assert _read(_HEAD + _DRUG + body)["outcome"] == want


@pytest.mark.parametrize(
    ("key", "want"),
    [
        # [p35-word-key-wrapped] a key of status words wrapped over the lines below: no statement, the row's word read
        (
            "Status key: APPROVED = paid within the dates shown; DENIED = see\nthe denial notice; PENDED = more information needed.\n",
            "approved",
        ),
        (
            "Status key: APPROVED = paid within the dates shown; DENIED =\nsee\nthe denial notice; PENDED = more information needed.\n",
            "approved",
        ),
        # [p35-g-word-key-wrapped] a line after the key that holds no entry is read as a statement
        (
            "Status key: APPROVED = paid within the dates shown; DENIED = see notice\nYour request is pending review.\n",
            None,
        ),
    ],
)
def test_a_wrapped_key_of_status_words_decides_nothing(key: str, want: str | None) -> None:
    table = (
        "| Drug                  | Qty/Days | Begin      | End        | Status   | PA #       |\n"
        "|-----------------------|----------|------------|------------|----------|------------|\n"
        "| LUMAKRAS 120MG TABLET | 240/30   | 07/09/2027 | 01/08/2028 | APPROVED | 2706700419 |\n\n"
    )
    assert _read(_HEAD + "\n" + table + key)["outcome"] == want


# -- 4. the appeal deadline, a fax's cover page, a fax's tailed O -------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "want"),
    [
        # [p35-reconsider-write] "ask us to reconsider" and the next sentence's "Write to us by <date>"
        (
            "We cannot give prior approval for LUMAKRAS.\nYou may ask us to reconsider. Write to us by January 5, 2028.\n",
            date(2028, 1, 5),
        ),
        # [p35-g-reconsider-write] a letter's other errand by a date is no appeal's
        ("We cannot give prior approval for LUMAKRAS.\nWrite to us by January 5, 2028 to update your address.\n", None),
    ],
)
def test_a_reconsiderations_written_request_date(body: str, want: date | None) -> None:
    assert _read(_HEAD + _DRUG + body)["deadline"] == want


_COVER = "WRENFIELD HEALTH (fictitious) - FAX\nDate 07/09/2027    Pages 3 (with cover)\nTo: Dr. Ilse Parr, fax 402-555-0102\n"
_DENIAL = (
    "Wrenfield Health (fictitious)                                      Page 2 of 3\nNOTICE OF DENIAL      07/09/2027\n\n"
    "Member: Corwin T. Halloway     DOB: 02/14/1955     Member ID: WHP-0000-417\nPA reference: WH-270709-11\n\n"
    "We denied LUMAKRAS 120 mg tablets.\nReason: the member has not tried the required first-line therapy.\n"
)
_OTHER = (
    "Wrenfield Health (fictitious)                                      Page 3 of 3\nNOTICE OF APPROVAL    07/09/2027\n\n"
    "Member: {name}     DOB: 12/02/1950     Member ID: {mid}\nPA reference: WH-270709-12\n"
    "LUMAKRAS 120 mg tablets approved 07/09/2027 to 01/08/2028.\n"
)


@pytest.mark.parametrize(
    ("name", "mid", "want"),
    [
        # [p35-cover-page] a fax's cover page first (no member named): the first page naming one is the letter's
        ("Rosalind V. Okonjo", "WHP-0000-988", "denied"),
        # [p35-g-cover-page] the third page the same member's: the pages disagree, as before
        ("Corwin T. Halloway", "WHP-0000-417", None),
    ],
)
def test_a_fax_cover_page_leaves_the_other_members_page_out(name: str, mid: str, want: str | None) -> None:
    letter = _pages(_COVER, _DENIAL, _OTHER.format(name=name, mid=mid))
    assert propose(letter).value("outcome") == want


@pytest.mark.parametrize(
    ("glyphs", "want"),
    [
        # [p35-tailed-o] an "O" whose box reaches below the line its neighbours stand on: a Q's tail
        ([("L", 16, 44), ("O", 10, 44), ("P", 17, 45), ("3", 17, 45), ("0", 15, 46)], True),
        # [p35-g-tailed-o] an O on the line; too few glyphs to know the line; no O at all
        ([("P", 11, 48), ("O", 12, 49), ("L", 11, 49), ("8", 10, 50)], False),
        ([("O", 4, 44), ("-", 26, 30)], False),
        ([("Q", 10, 44), ("L", 16, 44), ("P", 17, 45)], False),
    ],
)
def test_a_tailed_o_is_a_doubt(glyphs: list[tuple[str, int, int]], want: bool) -> None:
    assert tailed_o.tailed(glyphs) is want


_SPECK_HEAD = "VALEMONT RX (fictitious)\n\nFor: Ardmore County Employees Plan (fictitious)\n\n{line}\n\nMember  Corwin T. Halloway\n"
_SPECK_BODY = "Result  DENIED\nReason for denial: the plan covers LUMAKRAS only with another agent.\n\nAppeal rights: submit an appeal within 60 days of this notice.\n"


@pytest.mark.parametrize(
    ("line", "want"),
    [
        # [p35-speck-date] a fax's speck read in the gap before a heading's date column
        ("Coverage Review Result . Friday, July 9, 2027", date(2027, 9, 7)),
        # [p35-g-speck-date] a birth date in that column is never the letter's; a speck glued to the date is no gap
        ("Member DOB . 02/14/1955", None),
        # [p35-g-speck-date] a speck other than "." is no gap (the review's fix)
        ("*** AMENDED NOTICE *** = 07/09/2027", None),
        ("Coverage Review Result .07/09/2027", None),
    ],
)
def test_a_fax_speck_before_a_headings_date(line: str, want: date | None) -> None:
    assert _read(_SPECK_HEAD.format(line=line) + _SPECK_BODY, ocr=True)["deadline"] == want


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # [p35-g-generic-sent] records with words of their own after "to" / "on": asked for (never taken as the
        # things named elsewhere)
        (
            "More information is needed.\nPlease send the records to support the dose change.\n",
            ["the records to support the dose change"],
        ),
        (
            "More information is needed.\nPlease send the records on prior platinum therapy.\n",
            ["the records on prior platinum therapy"],
        ),
    ],
)
def test_records_with_words_of_their_own_are_asked_for(body: str, want: list[str]) -> None:
    assert _read(_HEAD + _DRUG + body)["requested"] == want


# -- 5. the review's fixes (rlet35): each input the reviewer confirmed unsafe on 8cb43b6 --------------------------------
@pytest.mark.parametrize(
    ("body", "want"),
    [
        # [p35-g-review-not-given] "we cannot give prior approval" in a letter that says it is no denial, sent to the
        # wrong plan, a request withdrawn, a decision overturned or quoted, another member's: no denial
        (
            "LUMAKRAS does not need prior approval under your plan. We cannot give prior approval for LUMAKRAS. "
            "This is not a denial.\n",
            None,
        ),
        (
            "Your request was sent to the wrong plan. We are unable to grant approval of this request. This is not a "
            "denial; please send it to your Medicare Part D plan.\n",
            None,
        ),
        ("Your doctor withdrew the request on 07/05/2027. We are unable to grant approval of this request.\n", None),
        (
            "In our letter of 06/01/2027 we cannot give prior approval for LUMAKRAS. That decision was overturned on "
            "appeal and LUMAKRAS is approved.\n",
            None,
        ),
        (
            "APPEAL DECISION: OVERTURNED. The plan reviewer had written: we cannot give prior approval for LUMAKRAS. "
            "That decision is reversed.\n",
            None,
        ),
        ("For member WHP000000999 we cannot give prior approval for LUMAKRAS.\n", None),
        # [p35-g-review-not-given] a true approval beside it stays read
        ("We had decided we cannot give prior approval for LUMAKRAS. We now approve it.\n", "approved"),
        (
            "Request: ondansetron 8 mg. We cannot give prior approval for this request. LUMAKRAS is approved separately.\n",
            "approved",
        ),
        (
            "Your spouse, Mara Halloway, also asked for LUMAKRAS. For Mara Halloway, we cannot give prior approval for "
            "LUMAKRAS. For you, the request is approved through 01/08/2028.\n",
            "approved",
        ),
        ("APPROVED\nWe cannot give prior approval for this request.\n", "approved"),
        # [p35-g-review-to-finish] a decided letter's errand after it: the decision stands
        (
            "LUMAKRAS is approved from 07/09/2027 through 01/08/2028.\n"
            "To continue, please send a new request 30 days before the approval ends.\n",
            "approved",
        ),
        (
            "We approved LUMAKRAS through 01/08/2028.\nTo finish, please fax the signed delivery form to the specialty pharmacy.\n",
            "approved",
        ),
        (
            "We denied LUMAKRAS because the KRAS G12C result was not sent.\nTo continue, please send an appeal with the NGS report.\n",
            "denied",
        ),
        (
            "Decision: DENIED\nReason: the member has not tried the required first-line therapy.\n"
            "Before we decide on any appeal, please send:\nthe records that show the earlier therapy\n",
            "denied",
        ),
        (
            "LUMAKRAS is approved from 07/09/2027 through 01/08/2028.\nYou also asked for ondansetron 8 mg tablets.\n"
            "Before we decide on ondansetron, please send:\nthe nausea history from the last 30 days\n",
            "approved",
        ),
        # [p35-g-review-without-trial] another drug's approval without a trial, a past year's: never LUMAKRAS's
        ("We approved ondansetron without first trying other medications.\n", None),
        (
            "Under our transition policy we approved continued coverage of ondansetron without a new trial of other drugs.\n"
            "LUMAKRAS is denied.\n",
            "denied",
        ),
        (
            "Last year we approved continued coverage without a new trial of other drugs. This year's request is denied: "
            "the member has no KRAS G12C result.\n",
            "denied",
        ),
        # [p35-g-review-notice-withdrawn] the doctor's request letter sent in error is no notice of the plan's
        ("Dr. Parr's office told us the request letter was sent in error. It is withdrawn.\n\nDecision: DENIED.\n", None),
        ("The letter from your doctor was sent in error; it was withdrawn.\n\nDecision: APPROVED.\n", None),
        (
            "The original letter is withdrawn. Your doctor asked us to withdraw the request.\nDecision: DENIED\n",
            None,
        ),
    ],
)
def test_the_reviews_outcome_guards(body: str, want: str | None) -> None:
    assert _read(_HEAD + _DRUG + body)["outcome"] == want


def test_a_wrapped_keys_next_sentence_is_no_entry() -> None:
    # [p35-g-review-word-key] a sentence under the key that holds "DENIED =" is the letter's, never the key's
    table = (
        "| Drug                  | Qty/Days | Begin      | End        | Status   | PA #       |\n"
        "|-----------------------|----------|------------|------------|----------|------------|\n"
        "| LUMAKRAS 120MG TABLET | 240/30   | 07/09/2027 | 01/08/2028 | PENDED   | 2706700419 |\n\n"
    )
    key = "Status key: APPROVED = paid within the dates shown; PENDED =\nYour request is DENIED = see the notice.\n"
    assert _read(_HEAD + "\n" + table + key)["outcome"] is None


_NAMED_COVER = _COVER + "Re: prior authorization for your patient Corwin T. Halloway\n"
_OTHER_P2 = _OTHER.format(name="Rosalind V. Okonjo", mid="WHP-0000-988").replace("Page 3 of 3", "Page 2 of 3")
_OURS_P3 = _DENIAL.replace("Page 2 of 3", "Page 3 of 3")


def test_a_cover_naming_the_patient_is_never_passed_over() -> None:
    # [p35-g-review-cover] the cover names our patient, another member's page next: the pages disagree, as before
    p = propose(_pages(_NAMED_COVER, _OTHER_P2, _OURS_P3))
    assert p.value("outcome") is None
    assert any("more than one outcome" in w for w in p.warnings)


def test_a_plain_cover_before_two_members_pages_warns() -> None:
    # [p35-g-review-cover] a plain cover, then two members' pages: the first member's read, the reader told
    p = propose(_pages(_COVER, _OTHER_P2, _OURS_P3))
    assert any("more than one member" in w for w in p.warnings)


@pytest.mark.parametrize(
    "line",
    [
        # [p35-g-review-speck-date] a labelled field's date after a speck is never the letter's
        "Last fill = 04/02/2027",
        "Date of diagnosis = 01/15/2027",
        "Request received . 05/25/2027",
        "Previous denial ~ 03/01/2027",
    ],
)
def test_a_labelled_fields_date_after_a_speck_is_no_letter_date(line: str) -> None:
    assert _read(_SPECK_HEAD.format(line=line) + _SPECK_BODY, ocr=True)["deadline"] is None


@pytest.mark.parametrize(
    "body",
    [
        # [p35-g-review-earlier-quantity] the new quantity after the earlier authorization's sentence or clause
        "Previous authorization WH-1100 expired. Approved quantity: 120 tablets per 30 days\n",
        "We approved LUMAKRAS. Previous authorization quantity was 240 tablets per 30 days; your approved quantity is "
        "120 tablets per 30 days.\n",
    ],
)
def test_the_new_quantity_after_an_earlier_authorizations_clause(body: str) -> None:
    assert _read(_HEAD + _DRUG + body)["quantity"] == "120 tablets per 30 days"


def test_the_documentation_before_a_colon_list_is_not_lost() -> None:
    # [p35-g-review-generic-sent] "the documentation by <date>:" over the things it names: something is asked for
    body = "More information is needed.\nPlease send the documentation by 07/23/2027: the NGS report and office notes.\n"
    assert _read(_HEAD + _DRUG + body)["requested"] != []
