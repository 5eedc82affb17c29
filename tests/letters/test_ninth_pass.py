"""Issue 18, ninth pass (partial): the two safety misses of the ninth held-out set (now a development
set), as CLASSES with wordings and layouts written here (never a corpus letter's sentence), table-driven,
with guards that must stay as they are.

1. Another patient not flagged: a member id printed after the role alone, as a column of its own
   ("Name: ...   DOB: ...   Member: <id>"), was not read, and a field the letter does not give is no
   mismatch. Such an id (letters, digits and hyphens with a digit, never a date, ending its column) is
   read; an id that differs from the case's is then a mismatch, said first, and nothing is proposed.
2. A wrong approval: a letter from someone else than the plan (a foundation's copay grant, a hub) says
   "approved" of its own programme and that the plan has not decided ("not a decision by your health
   plan", "has not yet been decided"): no decision was made, the outcome is left empty."""

from __future__ import annotations

from datetime import date

import pytest

from priorauth.letters import fields, outcome
from priorauth.letters.proposal import propose
from tests.letters.test_generalise import _letter

CASE = {"name": "Rosalind K. Okwu-Hartley", "birth_date": date(1958, 6, 9), "member_id": "TZP-70213-448"}

# -- 1. a member id after the role alone --------------------------------------------------------------------
BARE_MEMBER = [
    ("Name: Rosalind K. Okwu-Hartley    DOB: 06/09/1958    Member: {id}\n", "TZP-70213-448"),
    ("Patient  Rosalind Okwu-Hartley\nBorn 9 June 1958\nEnrollee: {id}\n", "TZP-70213-448"),
    ("RE: Rosalind Okwu-Hartley | DOB 1958-06-09\nParticipant:   {id}    Plan: Teal Zephyr PACE\n", "TZP-70213-448"),
    ("Beneficiary: {id}\nRosalind K. Okwu-Hartley, born 06/09/1958\n", "TZP-70213-448"),
    ("Member:  {id}\n", "TZP-70213-448"),
]


@pytest.mark.parametrize(("layout", "want"), BARE_MEMBER)
def test_a_member_id_after_the_role_alone_is_read(layout: str, want: str) -> None:
    got = fields.patient(layout.format(id="TZP-70213-448"))
    assert got["member_id"].value == want


@pytest.mark.parametrize(("layout", "want"), BARE_MEMBER)
def test_another_members_id_after_the_role_alone_is_a_mismatch_said_first(layout: str, want: str) -> None:
    letter = (
        "Teal Zephyr Health - Drug review outcome\n\n"
        + layout.format(id="TZP-70231-448")  # two digits swapped: another member
        + "\nReference: TZ-PA-55012\n\nYour request for LUMAKRAS 120 mg tablets is denied: the KRAS result "
        "on file is not G12C.\n"
    )
    p = propose(_letter(letter), CASE)
    assert "member id" in p.mismatch
    assert p.warnings[0].startswith("the letter is about another patient")
    assert p.value("outcome") is None and p.value("authorization_number") is None
    assert p.as_dict()["requested"] == []
    # the same letter with the case's own id is the case's patient and is read
    same = propose(_letter(letter.replace("TZP-70231-448", "TZP-70213-448")), CASE)
    assert same.mismatch == [] and same.value("outcome") == "denied"


BARE_GUARDS = [
    "Member: Rosalind Okwu-Hartley\n",  # a name, not an id
    "Member:  06/09/1958\n",  # a date is no id
    "Member: TZP-7 since 2019\n",  # the word does not end its column
    "Member services: 1-800-555-0142\n",  # a phone line's label
    "Our member: 12 months of coverage remain\n",
]


@pytest.mark.parametrize("text", BARE_GUARDS)
def test_bare_member_guards(text: str) -> None:
    assert "member_id" not in fields.patient(text)


def test_a_labelled_member_id_still_comes_first() -> None:
    text = "Member ID: TZP-70213-448\nName: R. Okwu-Hartley    Member: TZP-70213-448-01\n"
    assert fields.patient(text)["member_id"].value == "TZP-70213-448"


def test_a_grants_id_is_no_member_id() -> None:
    assert "member_id" not in fields.patient("AWARD NOTICE - Grant ID BFA-G-27-0071\n")


# -- 2. approved by someone else, the plan has not decided ---------------------------------------------------
NOT_THE_PLAN = [
    "COPAY GRANT APPROVED\nYour application to the Bellwether Access Fund for LUMAKRAS was approved.\n"
    "This is not a decision by your health plan; your prior authorization is handled by the plan.\n",
    "Hub enrolment: APPROVED\nBridge supply of LUMAKRAS (sotorasib) approved for 30 days.\n"
    "Your insurer's prior authorization request has not yet been decided.\n",
    "Good news - your assistance award for sotorasib has been approved.\n"
    "Please note the plan's coverage request for LUMAKRAS has not been determined; we will let you know.\n",
    "PATIENT SUPPORT PROGRAM\nStatus: Approved (program enrolment)\n"
    "This letter is not a determination by the plan. The coverage review of LUMAKRAS has not yet been reviewed.\n",
]


@pytest.mark.parametrize("text", NOT_THE_PLAN)
def test_an_approval_by_someone_else_while_the_plan_has_not_decided_has_no_outcome(text: str) -> None:
    hit, why = outcome.outcome(text)
    assert hit is None and "no decision" in why
    assert propose(_letter(text)).value("outcome") is None


NOT_THE_PLAN_GUARDS = [
    ("Your request for LUMAKRAS 120 mg tablets has been approved from 05/01/2027 to 10/31/2027.\n", "approved"),
    ("LUMAKRAS is denied. The KRAS result was not G12C.\n", "denied"),
    # a pended request that has not been decided yet is pended, as before
    ("Status: PENDED\nYour request for LUMAKRAS has not yet been decided; a pharmacist is reviewing it.\n", "pended"),
    # a plan's approval that mentions an earlier decision by the plan
    (
        "We approved your request for LUMAKRAS. This replaces the decision by your health plan dated 3/1/27.\n",
        "approved",
    ),
]


@pytest.mark.parametrize(("text", "want"), NOT_THE_PLAN_GUARDS)
def test_not_the_plan_guards(text: str, want: str) -> None:
    hit, why = outcome.outcome(text)
    assert hit is not None and hit.value == want, why
