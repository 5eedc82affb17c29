"""Issue 18, safety pass on the nineteenth held-out set: wrong values read, their CLASSES closed with wordings and
layouts written here (never a held-out letter's sentence), table-driven, with guards that must stay as they are.

1. A spaced id cut short: an id of letters and groups of digits ("AB 1234 56 78", "XYZ 3001 4410 2") whose later
   groups are short was cut after its first groups; the groups up to the end of its line, its sentence or a
   telex paragraph's STOP are the id's, and an id whose next group runs on into words is left empty, never half.
2. Another drug's letter filed in the LUMAKRAS case: a letter that never names LUMAKRAS and whose subject field
   (also after dot leaders) names another dosed drug decides nothing for LUMAKRAS: no outcome, so no number,
   period or quantity; a word that could be LUMAKRAS misread keeps the letter as it is read.
3. A requested range is not the period: "You applied for cover from a to b. Cover is approved from a to c."
4. A salutation that gives the surname only ("Dear Mr X-Y,"): the postal block's line that is a name ending in
   that surname gives the name in full, so a first name that differs from the case's is flagged."""

from __future__ import annotations

import datetime as dt

import pytest

from priorauth.letters import fields, outcome
from priorauth.letters.proposal import match, propose
from tests.letters.test_generalise import _letter


def _number(text: str) -> str | None:
    hit = fields.authorization_number(text)
    return hit.value if hit else None


# -- 1. a spaced id keeps its groups, or is left empty ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a telex paragraph ending in STOP
        ("3. AUTH NR QRT 1207 27 44 STOP\n", "QRT 1207 27 44"),
        ("AUTH NO BWH 0312 27 9 STOP\n", "BWH 0312 27 9"),
        # a sentence's full stop, the line's end, a column
        ("Your approval number is LMC 3105 2277 4.\n", "LMC 3105 2277 4"),
        ("Please quote reference number DHP 2810 0413 6 when you call.\n", None),  # runs on: never half
        ("Authorization number: ZNA 4410 82 17\nValid from 1 May 2027\n", "ZNA 4410 82 17"),
        ("Authorization no.  KTS 2207 31 05    Status: approved\n", "KTS 2207 31 05"),
        ("Your reference number is PVA 2901 1120 8, please keep it.\n", "PVA 2901 1120 8"),
        # guards: ids of one piece and ids already whole are read as before
        ("Authorization number: PA-27-004411\n", "PA-27-004411"),
        ("Reference number: HRT-2207-5518.\n", "HRT-2207-5518"),
        ("Auth #: BB 27 05031 7\n", "BB 27 05031 7"),
        ("Approval code: FR 5Q71 J2K8\n", "FR 5Q71 J2K8"),
    ],
)
def test_a_spaced_id_keeps_its_groups_or_is_left_empty(text: str, want: str | None) -> None:
    assert _number(text) == want


# -- 2. a letter about another drug only ---------------------------------------------------------------------------
_LEDGER = (
    "NORTHWICK MUTUAL HEALTH               Pharmacy Authorizations\n"
    "Issued ........................ 12 Oct 2027\n"
    "Member ........................ Rosalind Achterberg\n"
    "Product ....................... {product}\n"
    "Outcome ....................... AUTHORISED\n"
    "Authorisation ................. NMH-1012-27-Q7\n"
    "Begins ........................ 12 Oct 2027\n"
    "Ends .......................... 11 Apr 2028\n"
    "Quantity ...................... 30 tablets per 30 days\n"
)


@pytest.mark.parametrize(
    ("product", "decided"),
    [
        ("METOCLOPRAMIDE 10 mg tab", False),
        ("Dexamethasone 4 mg tablets", False),
        # guards: LUMAKRAS named, or a word that could be it misread, keeps the decision
        ("LUMAKRAS 120 mg tab", True),
        ("SOTORASIB 120 mg tab", True),
        ("LUMAKRA5 120 mg tab", True),
    ],
)
def test_a_ledger_naming_only_another_drug_decides_nothing(product: str, decided: bool) -> None:
    p = propose(_letter(_LEDGER.format(product=product)), None)
    assert (p.value("outcome") == "approved") is decided
    for name in ("authorization_number", "period_start", "period_end", "quantity"):
        assert (p.value(name) is not None) is decided, name


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("Medication: PROCHLORPERAZINE 10 mg tablets\nStatus: Approved\nApproval no.: KX-2207-19\n", True),
        ("Drug ......... Loperamide 2 mg capsules\nDecision ..... APPROVED\n", True),
        # a fax's OCR lost the leaders: the column's gap before a dosed drug
        ("Product   HYOSCINE 20 mg tab\nOutcome   AUTHORISED\nAuthorisation   QWE-0101-27-A1\n", True),
        # guards: no subject field, or a field naming LUMAKRAS, is not another drug's letter; a gap before no dosed drug
        ("Test   KRAS G12C by NGS\nOutcome   AUTHORISED\nAuthorisation   QWE-0101-27-A1\n", False),
        ("Product   LUMAKRAS 120 mg tab\nItem   ondansetron 8 mg\nOutcome   AUTHORISED\n", False),
        ("Status: Approved\nApproval no.: KX-2207-19\n", False),
        ("Drug ......... LUMAKRAS 120 mg tablets\nDecision ..... APPROVED\n", False),
    ],
)
def test_another_drugs_subject_field_without_lumakras(text: str, other: bool) -> None:
    assert outcome.decides_another_drug(text) is other


# -- 3. the range asked for is not the approved period ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("You applied for cover from June 1, 2027 to May 31, 2028.\nCover is approved from June 1, 2027 until\n  September 30, 2027.\n", dt.date(2027, 9, 30)),
        ("Your doctor asked for 01/04/2027 - 12/31/2027. We approved it from 01/04/2027 through 06/30/2027.\n", dt.date(2027, 6, 30)),
        ("Coverage was requested from 2027-03-01 to 2028-02-29; it is approved from 2027-03-01 to 2027-08-31.\n", dt.date(2027, 8, 31)),
        # guards: an approval said in the same sentence as the request, or without one, is the period
        ("We approved the coverage you asked for from March 1, 2027 to August 31, 2027.\n", dt.date(2027, 8, 31)),
        ("Approved from March 1, 2027 through August 31, 2027.\n", dt.date(2027, 8, 31)),
    ],
)
def test_the_range_asked_for_is_not_the_period(text: str, end: dt.date) -> None:
    span = fields.period(text)
    assert span is not None and span[1] is not None and span[1].value == end


def test_only_a_range_asked_for_gives_no_period() -> None:
    assert fields.period("Your office asked for coverage from 06/01/2027 to 05/31/2028, see below.\n") is None


# -- 4. the salutation's surname in full from the postal block -----------------------------------------------------
_POSTAL = (
    "MERIDALE PROVIDENT ASSOCIATION\n"
    "Claims Office, 9 Chandlers Yard, Meridale MR2 4PL\n\n"
    "{addressee}\n"
    "{second}\n"
    "Meridale MR7 1QS\n\n"
    "14 March 2027\n\n"
    "Association no.: MPA/11/40912\n"
    "Our file: MPA-HB-27-1403-02\n\n"
    "Dear {title} Okonkwo-Farrell,\n"
    "to assess the LUMAKRAS request please post us the KRAS G12C report.\n"
)


@pytest.mark.parametrize(
    ("addressee", "second", "title", "name"),
    [
        ("Annelise Okonkwo-Farrell", "c/o Harbour Oncology Clinic", "Ms", "Annelise Okonkwo-Farrell"),
        ("Mrs Annelise B. Okonkwo-Farrell", "41 Tannery Close", "Mrs", "Annelise B. Okonkwo-Farrell"),
        # guards: no name line in the block, or another surname there, leaves the salutation's surname
        ("The Patient Services Team", "41 Tannery Close", "Ms", "Okonkwo-Farrell"),
        ("Annelise Brightwater", "41 Tannery Close", "Ms", "Okonkwo-Farrell"),
    ],
)
def test_a_surname_salutation_takes_the_postal_name(addressee: str, second: str, title: str, name: str) -> None:
    hit = fields.patient(_POSTAL.format(addressee=addressee, second=second, title=title)).get("name")
    assert hit is not None and hit.value == name


@pytest.mark.parametrize(
    ("case_name", "flagged"),
    [
        ("Anneliese Okonkwo-Farrell", True),  # the first name differs: another patient
        ("Annelise Okonkwo-Farrell", False),  # guard: the same name
    ],
)
def test_a_postal_first_name_is_compared(case_name: str, flagged: bool) -> None:
    text = _POSTAL.format(addressee="Annelise Okonkwo-Farrell", second="c/o Harbour Oncology Clinic", title="Ms")
    p = propose(_letter(text), None)
    case = {"name": case_name, "member_id": "MPA/11/40912"}
    assert bool(match(p, case)[0]) is flagged
