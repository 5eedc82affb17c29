"""Issue 18, safety pass on the seventeenth held-out set: its two most dangerous errors, as CLASSES with wordings
written here (never a corpus letter's sentence), table-driven, with guards that must stay as they are.

1. A wrong outcome: a notice about something other than a decision (a prescription moved to another pharmacy, an
   address changed) that disclaims deciding ("it is not a coverage decision and does not approve or deny
   anything") was read as a denial, "does not approve" taken alone. Both words negated together ("does not
   approve or deny", "neither approves nor denies") are no denial, and a letter saying it is not a coverage
   decision or makes none has no outcome. Guards: a real "does not approve" / "did not cover" stays a denial.
2. A missed mismatch: the patient after a bare "For:" was read only with a column gap or a dash before the date of
   birth; a middle dot, a bullet or a comma ("For: Jane Doe · born ...", at fax the dot read as a spaced colon or
   hyphen) left the name unread, so a letter about another patient was never compared by name."""

from __future__ import annotations

from datetime import date

import pytest

from priorauth.letters import fields, outcome
from priorauth.letters.proposal import match, propose
from tests.letters.test_generalise import _letter


# -- 1. a letter that disclaims deciding has no outcome ----------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Westbrook Plan - Pharmacy Services\n\nYour LUMAKRAS refill now ships from our mail-order pharmacy.\n"
        "This notice does not approve or deny anything; it only tells you who fills the prescription.\n",
        "Your sotorasib order was moved to Larchmont Specialty Rx. It is not a coverage decision.\n",
        "ADDRESS UPDATE\nWe changed the delivery address for your LUMAKRAS prescription. This letter neither approves "
        "nor denies your request.\n",
        "Pharmacy transfer notice. The plan makes no coverage decision in this notice and did not approve, or deny, "
        "any request.\n",
        "Dear member, your prescription for LUMAKRAS was transferred.\nThis message is not a benefit determination.\n",
    ],
)
def test_a_notice_that_disclaims_deciding_has_no_outcome(text: str) -> None:
    assert outcome.outcome(text)[0] is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # guards: a real refusal stays a denial, an approval in the same kind of letter stays an approval
        ("After review, the plan does not approve LUMAKRAS 120 mg for this member.\n", "denied"),
        ("Our pharmacist reviewer did not authorize the requested quantity of sotorasib.\n", "denied"),
        ("Decision: DENIED\nThe plan does not cover or authorize LUMAKRAS for this use.\n", "denied"),
        ("Your request for LUMAKRAS has been approved through 06/30/2027.\n", "approved"),
        # a pended request that says no decision was made yet stays pended
        ("Your request is on hold; no decision has been made. Please send the chart notes.\n", "pended"),
    ],
)
def test_real_decisions_beside_the_disclaimer_class(text: str, value: str) -> None:
    hit, why = outcome.outcome(text)
    assert hit is not None and hit.value == value, why


# -- 2. the patient after "For:" with a dot, a bullet or a comma before the date of birth ---------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("For: Wilhelmina Osei-Barrow · born 11/02/1958 · member no. QRM-4410-227\n", "Wilhelmina Osei-Barrow"),
        ("For:  Tobias Nakagawa-Reyes • DOB 1961-07-30 • ID TNR 5531 08\n", "Tobias Nakagawa-Reyes"),
        ("For: Imogen Laurent-Pike, date of birth 03/09/1949, member QRM-3302-118\n", "Imogen Laurent-Pike"),
        ("FOR: CASIMIR OYELARAN·DOB 02/14/1966\n", "CASIMIR OYELARAN"),
        # at fax the middle dot read as a spaced colon or hyphen
        ("For: Wilhelmina Osei-Barrow : born 11/02/1958 - member no.\nQRM-4410-227\n", "Wilhelmina Osei-Barrow"),
        ("For: Tobias Nakagawa-Reyes - DOB 1961-07-30\n", "Tobias Nakagawa-Reyes"),
    ],
)
def test_a_name_after_for_with_a_dot_or_comma(text: str, name: str) -> None:
    hit = fields.patient(text).get("name")
    assert hit is not None and hit.value == name


@pytest.mark.parametrize(
    "text",
    [
        # guards: a bare "For:" without a date of birth beside it names no patient
        "For: LUMAKRAS 120 mg · 30 day supply\n",
        "For: the attention of the pharmacy team · fax 555-0100\n",
        "For: questions - call 555-0100 (born on or after 1950? see page 2)\n",
    ],
)
def test_for_without_a_birth_date_is_no_name(text: str) -> None:
    assert "name" not in fields.patient(text)


LETTER = (
    "HOLLOWMERE HEALTH  -  information needed\n\n14/03/2027\n\n"
    "For: {name} · born 22/08/1954 · membership no. HMH-7720-041\n\n"
    "Reference: HH27-0314-5521 (LUMAKRAS 120 mg)\n\nWe have paused this request until we receive the latest "
    "chart notes.\n"
)
CASE = {"name": "Genevieve Abernathy-Osei", "birth_date": date(1954, 8, 22), "member_id": "HMH-7720-041"}


@pytest.mark.parametrize(
    ("name", "flagged"),
    [
        ("Genoveva Abernathy-Osei", True),  # another given name, the birth date and member id agreeing: flagged
        ("Genevieve Abernethy-Ode", True),
        ("Genevieve Abernathy-Osei", False),  # guard: the case's own name
        ("G. Abernathy-Osei", False),  # guard: an initial is no difference
    ],
)
@pytest.mark.parametrize("fax", [False, True])
def test_another_patient_after_for_is_flagged(name: str, flagged: bool, fax: bool) -> None:
    text = LETTER.format(name=name)
    if fax:  # the middle dots read as a spaced colon and hyphen
        text = text.replace(" · born", " : born").replace(" · membership", " - membership")
    p = propose(_letter(text, ocr=fax), CASE)
    assert p.patient.get("name") == name
    assert ("name" in match(p, CASE)[0]) is flagged
