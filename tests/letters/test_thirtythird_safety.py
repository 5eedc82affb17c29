"""Issue 18, safety pass on the thirty-third held-out set: the letters named by their wrong values read, their
CLASSES closed with wordings and layouts written here (never a held-out letter's sentence), table-driven, with guards
that must stay as they are.

1. A wrong number: a column table of the member's requests under a history heading; the table reader took its first
   row (the earliest request's number).
2. A wrong appeal deadline: a worked example of how the window is counted ("For example, a letter dated ... must be
   appealed by ...") read as the deadline.
3. A wrong number at fax: an id opening with a capital I read as a 1 ("1K..." for "IK...").
4. A wrong member id at fax: an ePA printout's own "ePA ID:" read as the member's (the member's label misread).
5. A wrong member id at fax: a digit read as its look-alike letter where the id's letters end ("RTW5..." read
   "RTWS..."), the letter's other id printed with the same letters ("RTW-...")."""

from __future__ import annotations

from datetime import date

import pytest

from priorauth.letters import digit_glyph, fields, opening_stroke, request_history, system_ids, worked_example
from priorauth.letters.proposal import propose
from tests.letters.test_generalise import _letter

_HEAD = (
    "GREYWATER HEALTH PLAN (fictitious)\n"
    "Pharmacy Prior Authorization\n\n"
    "May 4, 2027\n\n"
    "Member: Dana Ortiz            Member ID: GWH-4410277          DOB: 02/14/1961\n"
    "Drug: LUMAKRAS 120 mg tablet\n\n"
)


# -- 1. a history table's first row -----------------------------------------------------------------------------------
def _history(heading: str, marked: str = "") -> str:
    return (
        _HEAD + f"{heading}\n"
        "  Request            Received        Decision          Dates\n"
        "  GWX-27041-102      04/01/2027      Denied            --\n"
        f"  GWX-27121-558      05/02/2027      APPROVED          05/04/2027 - 11/03/2027{marked}\n\n"
        "The request received on 05/02/2027 is approved for 240 tablets per 30 days from 05/04/2027 through "
        "11/03/2027.\n"
    )


@pytest.mark.parametrize(
    "heading",
    [
        # [t33-history-table] a table of the member's requests under a heading that says it is a history
        "Request history for this member and drug:",
        "PRIOR AUTHORIZATION HISTORY",
        "Previous requests for this drug:",
    ],
)
def test_a_history_tables_first_row_is_no_number(heading: str) -> None:
    p = propose(_letter(_history(heading)))
    assert p.value("authorization_number") != "GWX-27041-102"
    assert p.value("outcome") == "approved"


def test_a_history_tables_first_row_is_left_empty_with_a_warning() -> None:
    p = propose(_letter(_history("Request history for this member and drug:")))
    assert p.value("authorization_number") is None
    assert any("history of requests" in w for w in p.warnings)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # guards: a column table under a heading of no history is read as before
        (
            _HEAD + "Decision details:\n  Request            Status          Start          End\n"
            "  GWX-27121-558      APPROVED        05/04/2027     11/03/2027\n",
            "GWX-27121-558",
        ),
        # a number labelled outside any table is read as before, a history table below it
        (
            _HEAD + "Authorization number: GWX-27121-558\n\n" + "Request history:\n"
            "  Request            Received        Decision\n  GWX-27041-102      04/01/2027      Denied\n",
            "GWX-27121-558",
        ),
    ],
)
def test_a_table_of_no_history_is_read_as_before(text: str, want: str) -> None:
    assert propose(_letter(text)).value("authorization_number") == want


def test_the_historys_row_marked_as_this_request_is_read_as_before() -> None:
    # guard: the history's first row marked as this request's ("<- this request")
    text = (
        _HEAD + "Request history:\n"
        "  Request            Received        Decision          Dates\n"
        "  GWX-27121-558      05/02/2027      APPROVED          05/04/2027 - 11/03/2027   <- this request\n"
        "  GWX-27041-102      04/01/2027      Denied            --\n"
    )
    assert propose(_letter(text)).value("authorization_number") == "GWX-27121-558"


def test_earlier_needs_a_hit() -> None:
    assert request_history.earlier("Request history:\n  X-1\n", None) is False


# -- 2. a worked example's date ---------------------------------------------------------------------------------------
_DENIAL = _HEAD + "Decision: DENIED\nReason: the test result showing KRAS G12C was not sent.\n\n"


@pytest.mark.parametrize(
    "example",
    [
        # [t33-worked-example] the count shown with made-up dates, in a parenthesis or a sentence of its own
        "(Example: if a notice is dated February 2, 2027, the appeal must be filed by April 3, 2027.)",
        "For example, a letter dated February 2, 2027 must be appealed by April 3, 2027.",
        "(For instance, for a letter dated 02/02/2027 your appeal is due by 04/03/2027.)",
        "(e.g. a notice of 02/02/2027 must be appealed by 04/03/2027)",
        "Example: appeal by April 3, 2027 for a letter dated February 2, 2027.",
    ],
)
def test_a_worked_examples_date_is_no_deadline(example: str) -> None:
    text = _DENIAL + "To appeal, write to us within 60 days from the date of this letter. " + example + "\n"
    assert propose(_letter(text)).value("appeal_deadline") == date(2027, 7, 3)  # 60 days from May 4


def test_a_worked_example_alone_leaves_the_deadline_empty() -> None:
    text = (
        _DENIAL
        + "How the count works (example: if a letter is dated June 1, 2027, you must appeal by July 31, 2027).\n"
    )
    assert propose(_letter(text)).value("appeal_deadline") is None


@pytest.mark.parametrize(
    ("tail", "want"),
    [
        # guards: a deadline stated as a fact; one followed by an example of something else
        ("You must file your appeal by June 30, 2027.", date(2027, 6, 30)),
        ("Your appeal must be received by June 30, 2027 (for example, by fax or by mail).", date(2027, 6, 30)),
        ("An example of the records we need is a pathology report. Appeal by June 30, 2027.", date(2027, 6, 30)),
        ("To appeal, write to us within 60 days from the date of this letter.", date(2027, 7, 3)),
    ],
)
def test_a_deadline_stated_as_a_fact_is_read_as_before(tail: str, want: date) -> None:
    assert propose(_letter(_DENIAL + tail + "\n")).value("appeal_deadline") == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Appeal in 60 days. (Example: a letter of May 1 is appealed by June 30.)", True),
        ("Appeal in 60 days. For example, a letter of May 1 is appealed by June 30.", True),
        ("Appeal in 60 days (e.g. a letter of May 1 is appealed by June 30).", True),
        # guards
        ("Appeal by June 30. (For example, by fax.)", False),
        ("Please appeal by June 30.", False),
    ],
)
def test_inside_a_worked_example(text: str, want: bool) -> None:
    assert worked_example.inside(text, text.index("June 30")) is want


# -- 3. an id opening with a 1 for an I -------------------------------------------------------------------------------
def _portal(number: str) -> str:
    return (
        "PAYER RESPONSE\n"
        "  Patient ........ Dana Ortiz       DOB ...... 02/14/1961\n"
        "  Determination ..... Approved\n"
        f"  PA/Auth number .... {number}\n"
        "  Effective ......... 05/04/2027\n"
    )


@pytest.mark.parametrize(
    ("number", "ocr", "unsure", "want"),
    [
        # [t33-opening-one] at fax, a 1 before a capital read unsurely: the id may open with an I
        ("1K0504271133", True, True, None),
        ("1KX-27-0419", True, True, None),
        # guards: read surely (an id may open with a 1), an I, a 1 before a digit, a text layer
        ("1K0504271133", True, False, "1K0504271133"),
        ("IK0504271133", True, True, "IK0504271133"),
        ("10504271133K", True, True, "10504271133K"),
        ("1K0504271133", False, False, "1K0504271133"),
    ],
)
def test_an_id_opening_with_a_one_before_a_capital(number: str, ocr: bool, unsure: bool, want: str | None) -> None:
    p = propose(_letter(_portal(number), ocr=ocr, unsure=(number,) if unsure else ()))
    assert p.value("authorization_number") == want


def test_opening_stroke_needs_a_capital_after_it() -> None:
    def weak(a: int, b: int) -> float:
        return 0.5

    assert opening_stroke.doubtful("lW0603", 0, 6, weak, 0.9)
    assert not opening_stroke.doubtful("1-0603", 0, 6, weak, 0.9)
    assert not opening_stroke.doubtful("W10603", 0, 6, weak, 0.9)


# -- 4. an ePA's own ID -----------------------------------------------------------------------------------------------
def _epa(label: str, member_label: str) -> str:
    return (
        "Electronic PA print (fictitious vendor)\n"
        f"{label}: QE-7T2M-88RA        Payer reference: GWH-2712400119\n"
        "Status: Pended - more information needed\n\n"
        f"Patient: Dana Ortiz    DOB 02/14/1961    {member_label} GWH4410277\n"
    )


@pytest.mark.parametrize(
    ("label", "member_label", "want"),
    [
        # [t33-system-id] the system's own ID, the member's label misread: no member id from the system's
        ("ePA ID", "Memher ID", "GWH4410277"),
        ("e-PA ID", "Mcmber ID", "GWH4410277"),
        ("eRx ID", "Nember ID", "GWH4410277"),
        ("Portal ID", "Memher ID", "GWH4410277"),
        ("Submission ID", "Menber ID", "GWH4410277"),
        # guards: the member's label read, the system's label first: the member's id as before
        ("ePA ID", "Member ID", "GWH4410277"),
    ],
)
def test_a_systems_own_id_is_no_members(label: str, member_label: str, want: str | None) -> None:
    assert fields.patient(_epa(label, member_label))["member_id"].value == want


@pytest.mark.parametrize(
    ("before", "want"),
    [
        ("Claim ePA ", True),
        ("Vendor ", True),
        ("eRx ", True),
        # guards: a plan's name, a member's word, nothing
        ("Plan: Cedar Mutual, ", False),
        ("Cedar Mutual ", False),
        ("Member ", False),
        ("", False),
    ],
)
def test_names_system(before: str, want: bool) -> None:
    assert system_ids.names_system(before) is want


def test_a_plans_bare_id_is_read_as_before() -> None:
    text = "Plan: Cedar Mutual, ID CM-44102\nPatient: Dana Ortiz   DOB 02/14/1961\n"
    assert fields.patient(text)["member_id"].value == "CM-44102"


# -- 5. a digit read as a letter where an id's letters end ------------------------------------------------------------
def _member(member: str) -> str:
    return (
        "Payer reference: RTW-2719300461\n"
        "Patient: Dana Ortiz     DOB 02/14/1961\n"
        f"Member ID {member}\n"
        "Drug: LUMAKRAS 120 mg tablet\n\n"
        "Outcome: Denied\n"
    )


@pytest.mark.parametrize(
    ("member", "ocr", "want"),
    [
        # [t33-digit-look-alike] at fax, the id's letters end with a digit's look-alike the reference lacks
        ("RTWS00193847", True, None),
        ("RTWB00193847", True, None),
        ("RTWZ00193847", True, None),
        # guards: the id as printed; a text layer; letters ending in S with no other id sharing the rest
        ("RTW500193847", True, "RTW500193847"),
        ("RTWS00193847", False, "RTWS00193847"),
        ("QMS00193847", True, "QMS00193847"),
    ],
)
def test_a_faxed_member_id_with_a_look_alike_where_its_letters_end(member: str, ocr: bool, want: str | None) -> None:
    assert propose(_letter(_member(member), ocr=ocr)).patient.get("member_id") == want


@pytest.mark.parametrize(
    ("value", "text", "want"),
    [
        ("ABS1234", "ref AB-99 / id ABS1234", True),
        ("ABO1234", "ref AB 99 / id ABO1234", True),
        # guards: no other id with the letters; the look-alike in the other id too; no look-alike
        ("ABS1234", "id ABS1234", False),
        ("ABS1234", "ref ABS-99 / id ABS1234", False),
        ("ABC1234", "ref AB-99 / id ABC1234", False),
    ],
)
def test_digit_glyph_doubtful(value: str, text: str, want: bool) -> None:
    at = text.index(value)
    assert digit_glyph.doubtful(value, text, at, at + len(value)) is want
