"""Issue 18, safety pass on the thirty-fifth held-out set: the letters named by their wrong values read, their
CLASSES closed with wordings and layouts written here (never a held-out letter's sentence), table-driven, with guards
that must stay as they are.

1. A wrong outcome: a line-item grid's status column holds a word code ("APPRVD") a key under it explains
   ("APPRVD = approved; DENIED = denied; ..."): the key's words were read as a denial. The key is blanked, the row's code
   read through it.
2. A wrong reference number: a plan's number printed as not yet assigned (a portal's own key read); a number the letter
   voids (its replacement read); a number on a page about another member; an earlier approval's number in the
   letter's history (the decision's own line read).
3. A wrong item asked for: a double-dash list read as one run with its lead-in.
4. A missed patient mismatch at fax: a name one letter off the case's, read unsurely; read alike twice, it is the
   letter's as printed."""

from __future__ import annotations

import pytest

from priorauth.letters import safety34, safety35
from priorauth.letters.proposal import match, propose
from priorauth.letters.source import LetterText
from priorauth.text import ocr as _ocr
from tests.letters.test_generalise import _letter

# -- 1. a status key of word codes --------------------------------------------------------------------------------------
_ROWS = (
    "LONGLEAF COUNTIES HEALTH PARTNERS (fictitious) - Medicaid managed care\n"
    "Pharmacy Benefit Review                                  Notice printed 02/09/2027\n"
    "Authorization no.: 4471190023\n\n"
    "Enrollee: Tobias R. Vandermeer        Medicaid #: 77QQ00418822        Birth date: 11/30/1971\n\n"
    "#   Product                     Units  Supply  Start       Stop        Result\n"
    "-   -------------------------   -----  ------  ----------  ----------  ------\n"
    "1   {drug}   240    30      02/09/2027  08/07/2027  {code}\n\n"
    "{key}\n"
)
_KEY = "Result key: APPROV = approved; DENYD = denied; PENDG = pending review."


@pytest.mark.parametrize(
    ("code", "key", "want"),
    [
        # [t35-word-key] the row's word code read through the key, the key's own words never a statement
        ("APPROV", _KEY, "approved"),
        ("DENYD", _KEY, "denied"),
        ("APRVD", "Status codes: APRVD = approved, DENIED = denied, PEND = more information needed", "approved"),
        ("APRVD", "Legend:  APRVD = approved   DENIED = not approved   HOLD = under review", "approved"),
    ],
)
def test_a_word_code_rows_outcome_is_read_through_its_key(code: str, key: str, want: str) -> None:
    p = propose(_letter(_ROWS.format(drug="LUMAKRAS 120MG TABLET    ", code=code, key=key)))
    assert p.value("outcome") == want


def test_a_word_key_with_no_code_on_our_row_decides_nothing() -> None:
    p = propose(_letter(_ROWS.format(drug="LUMAKRAS 120MG TABLET    ", code="??", key=_KEY)))
    assert p.value("outcome") is None  # never "denied" from the key's "DENYD = denied"


def test_a_word_code_and_the_letters_words_that_disagree_leave_it_empty() -> None:
    text = _ROWS.format(drug="LUMAKRAS 120MG TABLET    ", code="APPROV", key=_KEY) + "\nYour request has been denied.\n"
    assert propose(_letter(text)).value("outcome") is None


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # guards: a grid whose status says the word itself; a key of short codes (status_codes' legend)
        (_ROWS.format(drug="LUMAKRAS 120MG TABLET    ", code="APPROVED", key=""), "approved"),
        (
            _ROWS.format(
                drug="LUMAKRAS 120MG TABLET    ",
                code="A1",
                key="Result codes:  A1 = Approved   D1 = Denied   P1 = Pending",
            ),
            "approved",
        ),
    ],
)
def test_grids_the_reader_knew_are_read_as_before(text: str, want: str) -> None:
    assert propose(_letter(text)).value("outcome") == want


def test_word_key_needs_two_entries_and_a_long_code() -> None:
    assert safety35._word_key("Key: APPRVD = approved\n") is None
    assert safety35._word_key("Key: AP = approved; DN = denied\n") is None  # short codes: the legend's own
    assert safety35._word_key("Key: the codes are explained on the back\n") is None
    codes, _ = safety35._word_key("Status key: APPROV = approved; DENYD = denied\n")  # type: ignore[misc]
    assert codes == {"APPROV": "approved", "DENYD": "denied"}


def test_word_key_at_fax_reads_the_same() -> None:
    text = _ROWS.format(drug="LUMAKRAS 120MG TABLET    ", code="APPROV", key=_KEY)
    assert propose(_letter(text, ocr=True)).value("outcome") == "approved"


# -- 2. a reference number that is not this decision's -----------------------------------------------------------------
_PORTAL = (
    "RxRelay (fictitious) | Submitted requests | Detail                         03/02/2027 9:41 AM\n\n"
    "Submission key:   RR-7K2P-QM40 (RxRelay)\n"
    "Health plan:      Cedar Basin Health (fictitious)\n"
    "Patient:          Ingrid T. Halvorsen              DOB 08/21/1969\n"
    "Member ID:        CBH11-2040-771\n"
    "Drug:             LUMAKRAS 120 MG TABLET\n\n"
    "Status:           WITH PLAN - NO RESPONSE YET\n"
    "{label}\n"
)


@pytest.mark.parametrize(
    "label",
    [
        # [t35-unassigned] the plan's number printed as not yet given: the portal's key is no authorization number
        "Plan case number: (not yet assigned)",
        "Plan reference #:  pending assignment",
        "Authorization number: to be assigned",
        "PA number: Not yet issued",
    ],
)
def test_a_plans_number_not_yet_assigned_leaves_the_number_empty(label: str) -> None:
    assert propose(_letter(_PORTAL.format(label=label))).value("authorization_number") is None


def test_a_reference_number_beside_an_authorization_number_to_come_is_kept() -> None:
    text = (
        "Cedar Basin Health (fictitious)\n"
        "Member: Ingrid T. Halvorsen     Member ID: CBH11-2040-771\n"
        "Reference number: CB-R-2207714\n"
        "Authorization number: pending (given when the request is approved)\n\n"
        "We need more information about the LUMAKRAS request. Please send the latest CT report.\n"
    )
    assert propose(_letter(text)).value("authorization_number") == "CB-R-2207714"


def test_an_appeal_number_not_yet_assigned_keeps_the_authorization_number() -> None:
    text = (
        "Cedar Basin Health (fictitious)\n"
        "Member: Ingrid T. Halvorsen     Member ID: CBH11-2040-771\n"
        "Authorization number: CB-50071234\n"
        "Appeal number: not yet assigned\n\n"
        "Your request for LUMAKRAS 120 mg tablets was approved from 03/02/2027 to 08/29/2027.\n"
    )
    assert propose(_letter(text)).value("authorization_number") == "CB-50071234"


_VOID = (
    "HIGH DESERT HEALTH (fictitious)                                        Pharmacy\n\n"
    "CORRECTED AUTHORIZATION                                                04/06/2027\n\n"
    "Member: Cosima L. Aranda               Member ID: HDH-0000-77310           DOB: 9/14/1962\n"
    "Drug: Lumakras (sotorasib) 120 mg tablets\n\n"
    "{body}\n"
)


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # [t35-voided] the number the letter voids is never read; its named replacement is, else nothing
        (
            "Authorization HD-7720015 (issued 03/30/2027) has been VOIDED. It carried the wrong day supply.\n"
            "Do not use it.\n\nIt is replaced by:\n  Authorization HD-7720388\n  Valid 04/06/2027 through 10/02/2027\n"
            "  240 tablets per 30 days\n",
            "HD-7720388",
        ),
        (
            "Authorization HD-7720015 was rescinded. Please discard the earlier notice.\n"
            "A new authorization number will be mailed.\n",
            None,
        ),
        # guards: labelled old and new numbers (read right before); a number that replaces a voided one; no voiding
        ("Voided authorization #: HD-7720015\nNew authorization #: HD-7720388\n", "HD-7720388"),
        ("Authorization HD-7720388 replaces HD-7720015, which has been voided.\n", "HD-7720388"),
        ("Authorization HD-7720388 is approved from 04/06/2027 to 10/02/2027.\n", "HD-7720388"),
    ],
)
def test_a_voided_number_is_never_read(body: str, want: str | None) -> None:
    assert propose(_letter(_VOID.format(body=body))).value("authorization_number") == want


def _pages(*pages: str) -> LetterText:
    text = _ocr.PAGE_BREAK.join(pages)
    spans, at = [], 0
    for n, page in enumerate(pages, 1):
        spans.append(_ocr.Page(n, at, at + len(page), (0, 0), (), ocr=False))
        at += len(page) + len(_ocr.PAGE_BREAK)
    return LetterText(text, tuple(spans), "pdf", False)


_PEND_PAGE = (
    "LAKESHORE UNITY HEALTH (fictitious)                          Fax 312-555-0190     page 1\n\n"
    "ADDITIONAL RECORDS REQUESTED                                               05/12/2027\n\n"
    "Member: Philippa A. Drummond          Member ID: LUH-0000-20417          DOB: 7/08/1975\n"
    "{ref}\n\n"
    "Please send the most recent CT report.\n"
)
_OTHER_PAGE = (
    "LAKESHORE UNITY HEALTH (fictitious)                          Fax 312-555-0190     page 2\n\n"
    "APPROVAL NOTICE                                                            05/12/2027\n\n"
    "Member: {name}          Member ID: {mid}          DOB: 1/22/1958\n"
    "Authorization: LU-AU-55102-7719 - Lumakras 120 mg tablets\n"
    "Approved 05/12/2027 through 11/07/2027\n"
)


@pytest.mark.parametrize(
    ("ref", "name", "mid", "want"),
    [
        # [t35-other-member-page] the number on another member's page is not this letter's
        (
            "Request: LU-PA-55103-0042 - Lumakras 120 mg tablets",
            "Bartholomew K. Ashdown",
            "LUH-0000-83001",
            "LU-PA-55103-0042",
        ),
        ("Re: Lumakras 120 mg tablets", "Bartholomew K. Ashdown", "LUH-0000-83001", None),
        # guards: the first page's labelled number (read right before); the second page the same member's
        ("Reference number: LU-PA-55103-0042", "Bartholomew K. Ashdown", "LUH-0000-83001", "LU-PA-55103-0042"),
        ("Re: Lumakras 120 mg tablets", "Philippa A. Drummond", "LUH-0000-20417", "LU-AU-55102-7719"),
    ],
)
def test_a_number_on_another_members_page_is_not_read(ref: str, name: str, mid: str, want: str | None) -> None:
    letter = _pages(_PEND_PAGE.format(ref=ref), _OTHER_PAGE.format(name=name, mid=mid))
    assert propose(letter).value("authorization_number") == want


_RENEWAL = (
    "SILVER FORK HEALTH PLAN (fictitious)\n"
    "Pharmacy Continuation Review                              Fax 866-555-0188\n\n"
    "07/31/2027\n\n"
    "Member: Evander Q. Lisowski              Member ID: SFH-0000-90214           DOB: 03/19/1966\n"
    "Drug: Lumakras (sotorasib) 120 mg tablets\n\n"
    "{history}\n\n"
    "{decision}\n"
    "Reason: imaging of 07/12/2027 shows the cancer has grown while on Lumakras.\n\n"
    "You may appeal within 60 days of the date of this notice.\n"
)


@pytest.mark.parametrize(
    ("history", "decision", "want"),
    [
        # [t35-earlier-approval] the history's approval is an earlier decision's; the decision's own line is read
        (
            "History: authorization SF-3300417 was approved for 02/01/2027 - 07/31/2027.",
            "Continuation request SF-4419052: DENIED",
            "SF-4419052",
        ),
        # guards: a history the reader set apart already; a denial's own number, no history
        (
            "Prior authorizations: SF-3300417 (approved 02/01/2027 - 07/31/2027).",
            "Your continuation request SF-4419052 is denied.",
            "SF-4419052",
        ),
        ("", "Request number: SF-4419052\nDecision: DENIED", "SF-4419052"),
    ],
)
def test_an_earlier_approvals_number_is_not_the_denials(history: str, decision: str, want: str | None) -> None:
    # (the history's "was approved" beside the denial leaves the outcome empty or denied: never approved)
    p = propose(_letter(_RENEWAL.format(history=history, decision=decision)))
    assert p.value("outcome") in (None, "denied")
    assert p.value("authorization_number") == want


def test_a_denials_number_said_to_have_been_approved_is_an_earlier_ones() -> None:
    text = "Authorization SF-3300417 was approved for 02/01/2027 - 07/31/2027 and ends today.\nDecision: DENIED\n"
    hit = safety35.Hit("SF-3300417", 14, 24)
    assert text[hit.start : hit.end] == hit.value
    assert safety35._earlier(text, hit, "denied")
    assert safety35._decision_line_id(text, hit) is None  # no id on the decision's line: nothing
    assert not safety35._earlier(text, hit, "approved")  # guard: an approval's own number
    assert not safety35._earlier("Authorization SF-3300417: approved 02/01/2027.\n", hit, "denied")


def test_a_one_page_approvals_own_number_is_read() -> None:
    text = (
        "BRIGHTWATER HEALTH (fictitious)\n\n"
        "Member: Odile S. Ferreira     Member ID: BWH-0000-11823     DOB: 02/02/1980\n"
        "Prior authorization number: BW-6610034\n"
        "Lumakras 120 mg tablets are approved from 06/01/2027 through 11/27/2027.\n"
    )
    assert propose(_letter(text)).value("authorization_number") == "BW-6610034"


# -- 3. a double-dash list ----------------------------------------------------------------------------------------------
_DASHES = (
    "NORTHGATE RX SOLUTIONS (fictitious)                           Clinical Pharmacy Review\n\n"
    "Re: PA case NG-2027-118230 - Lumakras 120 mg tablets\n"
    "Member: Anselm V. Korhonen        ID: NGR000551203        DOB: Apr. 9, 1960\n\n"
    "The request is on hold. Please fax these to 1-866-555-0121:\n"
    "  -- The most recent oncology progress note (signed and dated)\n"
    "  -- Results of the KRAS G12C test, with the laboratory's name\n\n"
    "On file already (no need to resend): PET scan of 03/02/2027.\n"
)


def test_a_double_dash_list_is_read_as_its_items() -> None:
    p = propose(_letter(_DASHES))
    assert p.value("outcome") == "pended"
    assert [r["item"] for r in p.requested] == [
        "The most recent oncology progress note (signed and dated)",
        "Results of the KRAS G12C test, with the laboratory's name",
    ]


def test_dashed_keeps_offsets_a_drawn_rule_and_a_lone_footer() -> None:
    text = "  -- item one\n  -- item two\n\n--  ------\n\n-- times are local -- call 555-0100\n"
    out = safety35.dashed(text)
    assert len(out) == len(text)
    assert out.split("\n")[:2] == ["   - item one", "   - item two"]
    assert out.split("\n")[2:] == text.split("\n")[2:]  # a table's rule, a footer alone: as they were


def test_a_single_dash_list_is_read_as_before() -> None:
    p = propose(_letter(_DASHES.replace("  -- ", "  - ")))
    assert len(p.requested) == 2


# -- 4. a name one letter off, read twice alike ----------------------------------------------------------------------
_NAMED = (
    "RED CANYON HEALTH (fictitious)  Pharmacy Services  Fax 505-555-0170\n\n"
    "APPROVAL NOTICE\n\n"
    "Member:  Leopold N. Wetherbee\n"
    "Member ID:  RCH-0000-31207\n"
    "Date of birth:  08/08/1961\n"
    "Drug:  Lumakras 120 mg tablets\n\n"
    "Auth no.:  RC-27100-42277\n"
    "Approved through: 04/01/2027 - 09/27/2027\n"
)
_CASE = {"name": "Leopold N. Wetherbey", "birth_date": "1961-08-08", "member_id": "RCH-0000-31207"}


@pytest.mark.parametrize(
    ("second", "mismatch"),
    [
        # [t35-name-twice] a name read unsurely, one letter off the case's: read alike twice, it is another's name
        ("Leopold N. Wetherbee", True),
        # guards: the second look reads it otherwise (a misread: near, as before); no second look possible
        ("Leopold N. Wetherbey", False),
        (None, False),
    ],
)
def test_a_name_one_letter_off_read_twice_alike_is_a_mismatch(
    monkeypatch: pytest.MonkeyPatch, second: str | None, mismatch: bool
) -> None:
    monkeypatch.setattr(safety34, "second_reading", lambda letter, raw, start, end: second)
    p = propose(_letter(_NAMED, ocr=True, unsure=("Wetherbee",)), None, b"fax")
    out, near = match(p, _CASE)
    assert bool(out) is mismatch
    assert ("name" in near) is not mismatch


def test_a_name_read_surely_gets_no_second_look(monkeypatch: pytest.MonkeyPatch) -> None:
    def no(*_: object) -> str:
        raise AssertionError("no second look for a name read surely or the same as the case's")

    monkeypatch.setattr(safety34, "second_reading", no)
    p = propose(_letter(_NAMED, ocr=True), None, b"fax")
    assert match(p, _CASE)[0] == ["name"]  # read surely: a mismatch as before
    p = propose(_letter(_NAMED, ocr=True, unsure=("Wetherbee",)), None, b"fax")
    assert match(p, _CASE | {"name": "Leopold N. Wetherbee"}) == ([], [])  # the same name: no look made


@pytest.mark.parametrize(
    "decision",
    [
        # [t35-g-decision-line-phone] (review fix) a phone's or a fax's number, or a date, on the decision's line is no id
        "Your continuation request is DENIED. Questions: fax 5550123456",
        "Your continuation request is DENIED. Fax 8005550123 with questions.",
        "DENIED. Call TEL-800-555-0123.",
        "Your continuation request is DENIED; our desk is at 8005550142.",
        "Your continuation request is DENIED as of 07312027.",
    ],
)
def test_a_phone_or_a_date_on_the_decisions_line_is_no_id(decision: str) -> None:
    history = "History: authorization SF-3300417 was approved for 02/01/2027 - 07/31/2027."
    p = propose(_letter(_RENEWAL.format(history=history, decision=decision)))
    assert p.value("authorization_number") is None
