"""Issue 18, safety pass on the eighteenth held-out set: two letters read, their CLASSES closed with wordings and
layouts written here (never a held-out letter's sentence), table-driven, with guards that must stay as they are.

1. A wrong outcome at fax: a form's approval-period field left blank ("Approved from ____ through ____") whose two
   blanks OCR lost leaves only "Approved from  through"; that names a field, it approves nothing. A blank's one
   underscore OCR glued to the entry (": _DENIED") is the blank's, not the entry's.
2. A missed mismatch: a member id after the plan's name and "member" on an address block ("Larchmere member
   LMH 4410 2") is read, so a case whose member id differs is flagged; another person's or thing's "member"
   line (a former member, a family member) is never read as the patient's id."""

from __future__ import annotations

import pytest

from priorauth.letters import fields, outcome
from priorauth.letters.proposal import match, propose
from tests.letters.test_generalise import _letter


def _outcome(text: str) -> str | None:
    hit, _ = outcome.outcome(outcome.plain(fields.unfenced(text)))
    return hit.value if hit else None


# -- 1. a blank approval period is no approval -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the period's blanks lost at fax: only the field's words are left, nothing approved
        ("Coverage answer (print):  _NOT APPROVED\nApproved from  through\nUnits allowed:\n", "denied"),
        ("Answer given:  _DECLINED\nApproved from   thru\n", "denied"),
        ("Approved from  until\nWhy it was turned down: the form was incomplete.\nThis request is denied.\n", "denied"),
        ("Approved from  through\nUnits allowed:\n", None),  # a blank form says nothing
        ("Approved from    to\n", None),
        # guards: a period that is filled in, or a sentence, still approves
        ("Approved from 03/01/2027 through 08/31/2027\n", "approved"),
        ("Approved from March 1, 2027 through August 31, 2027.\n", "approved"),
        ("Your request has been approved through the end of the plan year.\n", "approved"),
        ("Approved through 2027-12-31 for 56 tablets per month.\n", "approved"),
    ],
)
def test_a_blank_period_field_approves_nothing(text: str, want: str | None) -> None:
    assert _outcome(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Plan no.: _KWM 330-12\n", "  KWM 330-12\n"),  # one underscore glued to the entry is the blank's
        ("Outcome: _APPROVED__\n", ":  APPROVED  \n"),
        # guards: an underscore inside a value, or one not after a label's colon, stays
        ("File: report_2027.pdf\n", "File: report_2027.pdf\n"),
        ("key_name value\n", "key_name value\n"),
    ],
)
def test_a_glued_underscore_is_the_blanks(text: str, want: str) -> None:
    out = fields.unfenced(text)
    assert out.endswith(want) and len(out) == len(text)


def test_a_fax_form_with_blank_period_is_never_approved() -> None:
    text = (
        "BRACKENFIELD PLAN  -  PA REPLY SHEET\n"
        "Member no.: BFP 77-310-4\n"
        "Decision (circle): _DENIED\n"
        "Approved from  through\n"
        "Units approved:\n"
        "Appeal within 30 days of this reply.\n"
    )
    p = propose(_letter(text, ocr=True), None)
    assert p.value("outcome") != "approved"


# -- 2. the plan's name before "member" on an address block ------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "member_id"),
    [
        ("To the doctor caring for:  Tomas Quillfeather\n   born 2 March 1961\n   Larchmere member LMH 4410 2\n", "LMH 4410 2"),
        ("Re:\n  Anouk Verhoeven-Strand\n  Bell Harbour Health member BHH-22-9071\n", "BHH-22-9071"),
        ("Ridgeway member RWC 880 14 7\n", "RWC 880 14 7"),
        # guards: a former or family member's id is not the patient's; an id without a digit is no id
        ("Former member RWC 880 14 7\n", None),
        ("Family member FMQ 2210 5\n", None),
        ("Larchmere member SERVICES\n", None),
    ],
)
def test_a_plan_named_member_line_gives_the_id(text: str, member_id: str | None) -> None:
    hit = fields.patient(text).get("member_id")
    assert (hit.value if hit else None) == member_id


@pytest.mark.parametrize(
    ("case_id", "flagged"),
    [
        ("LMH 4410 7", True),  # one digit apart, not a misread: another patient
        ("LMH 4410 2", False),  # guard: the same id is no mismatch
    ],
)
def test_a_plan_named_member_id_is_compared(case_id: str, flagged: bool) -> None:
    text = (
        "Larchmere Health - Pharmacy Review - 555-0100\n"
        "Monday 3 May 2027\n\n"
        "For the prescriber of:  Tomas Quillfeather\n"
        "                        born 2 March 1961\n"
        "                        Larchmere member LMH 4410 2\n\n"
        "Request LH-PR-27-0503 for LUMAKRAS is not approved.\n"
    )
    p = propose(_letter(text), None)
    case = {"name": "Tomas Quillfeather", "birth_date": "1961-03-02", "member_id": case_id}
    assert bool(match(p, case)[0]) is flagged
