"""Issue 18, fifth pass: the CLASSES behind the misses on the fifth held-out set (now a development set),
each with NEW wordings and layouts written here (never a corpus letter's sentence), table-driven, with
guards that must stay as they are.

1. Two-digit years: a date of birth is never after the letter's date (``11/3/56`` is 1956); any other
   date takes the century nearest the reference day; ``19 APR 27`` is a date.
2. A date of birth after its label in any layout (a bilingual label, a sentence, the next line).
3. Tables drawn with bars and three or more columns (``| Drug | Decision | Begin | End |``), and a
   letter's drug table drawn that way deciding another drug too."""

from __future__ import annotations

from datetime import date

import pytest

from priorauth.letters import dates, fields
from priorauth.letters.proposal import propose
from tests.letters.test_generalise import _letter

LETTER_DAY = date(2027, 3, 9)

# -- 1. two-digit years ----------------------------------------------------------------------------------
BIRTH_YEARS = [
    ("11/3/56", date(1956, 11, 3)),
    ("3/14/75", date(1975, 3, 14)),
    ("04-27-63", date(1963, 4, 27)),
    ("12/01/99", date(1999, 12, 1)),
    ("1/2/03", date(2003, 1, 2)),  # a child born in 2003 is not 1903
    ("3/9/27", date(2027, 3, 9)),  # born on the letter's day: not in the future
    ("3/10/27", date(1927, 3, 10)),  # a day after the letter's date: a century earlier
    ("07-Jul-48", date(1948, 7, 7)),
    ("02 SEP 71", date(1971, 9, 2)),
    ("5.6.44", date(1944, 5, 6)),
    ("1956-11-03", date(1956, 11, 3)),  # four-digit years are read as written
    ("November 3, 1956", date(1956, 11, 3)),
    ("2/29/00", date(2000, 2, 29)),
]


@pytest.mark.parametrize(("text", "want"), BIRTH_YEARS)
def test_a_two_digit_birth_year_is_never_after_the_letter(text: str, want: date) -> None:
    assert dates.parse(text, birth=True, near=LETTER_DAY) == want


OTHER_YEARS = [
    ("1/14/27", date(2027, 1, 14)),
    ("7/14/27", date(2027, 7, 14)),
    ("11/2/28", date(2028, 11, 2)),
    ("19 APR 27", date(2027, 4, 19)),
    ("18 Apr 28", date(2028, 4, 18)),
    ("05-Jan-27", date(2027, 1, 5)),
    ("12/31/99", date(1999, 12, 31)),  # the nearest century, not the next one
    ("01/01/70", date(2070, 1, 1)),
    ("01/01/78", date(1978, 1, 1)),
    ("2027-05-03", date(2027, 5, 3)),
    ("1950-04-04", date(1950, 4, 4)),  # four digits: never moved
    ("20270503", date(2027, 5, 3)),
]


@pytest.mark.parametrize(("text", "want"), OTHER_YEARS)
def test_any_other_two_digit_year_takes_the_nearest_century(text: str, want: date) -> None:
    assert dates.parse(text, near=date(2027, 1, 1)) == want


@pytest.mark.parametrize("text", ["240 TABS 30", "Suite 12 May 300", "19 APR", "APR 27", "Form 5 MAR 2027X"])
def test_not_dates(text: str) -> None:
    assert not [f for f in dates.find(text) if f.start == 0 and f.end == len(text)]


LETTERS_WITH_SHORT_BIRTH_YEARS = [
    "Date: 1/14/27\n\nRE: Member  Ana P. Lindqvist     DOB 11/3/56\n\nThe request is approved.\n",
    "03/02/27\nPatient: Ana Lindqvist (DOB 11-03-56)\nYour LUMAKRAS request has been approved.\n",
    "Notice date 2027-03-02\nAna Lindqvist, born 11/3/56\nWe approved LUMAKRAS.\n",
    "Letter date: March 2, 2027\nMember: Ana Lindqvist   D.O.B.: 03-NOV-56\nDecision: Approved\n",
]


@pytest.mark.parametrize("text", LETTERS_WITH_SHORT_BIRTH_YEARS)
def test_a_short_birth_year_is_no_false_mismatch(text: str) -> None:
    case = {"name": "Ana P. Lindqvist", "birth_date": "1956-11-03"}
    p = propose(_letter(text), case)
    assert p.patient["birth_date"] == date(1956, 11, 3)
    assert not p.mismatch


def test_another_patients_short_birth_year_is_still_a_mismatch() -> None:
    text = "Date: 1/14/27\nRE: Member  Ana P. Lindqvist     DOB 11/3/57\nThe request is approved.\n"
    p = propose(_letter(text), {"name": "Ana P. Lindqvist", "birth_date": "1956-11-03"})
    assert p.mismatch == ["date of birth"]


# -- 2. a date of birth after its label, in any layout ---------------------------------------------------
BIRTH_LABELS = [
    ("Date of birth / Fecha de nacimiento: 1961-08-14\n", date(1961, 8, 14)),
    ("Birth date (mm/dd/yyyy)   08/14/1961\n", date(1961, 8, 14)),
    ("Your birthday on file is\nAugust 14, 1961. If that is wrong, call us.\n", date(1961, 8, 14)),
    ("We have your date of birth as August 14, 1961.\n", date(1961, 8, 14)),
    ("DOB ........................ 08/14/1961\n", date(1961, 8, 14)),
    ("Birthdate: Aug 14 1961\n", date(1961, 8, 14)),
    ("Member born on 14 August 1961\n", date(1961, 8, 14)),
    ("D.O.B. - 8/14/61\n", date(1961, 8, 14)),
    ("Date of Birth\n08/14/1961\n", date(1961, 8, 14)),
    ("Fecha de nacimiento / Date of birth: 14-Aug-1961\n", date(1961, 8, 14)),
]


@pytest.mark.parametrize(("text", "want"), BIRTH_LABELS)
def test_a_birth_date_after_its_label_in_any_layout(text: str, want: date) -> None:
    hit = fields.patient(text).get("birth_date")
    assert hit is not None and hit.value == want


BIRTH_GUARDS = [
    "Date of birth: not on file. Letter dated 03/02/2027.\n",  # another date's label comes first
    "DOB:\n\nIssued 03/02/2027\n",  # past a blank line: another block
    "Date of birth: on file\nEffective 03/02/2027\n",
    "Born to be covered: call 1-800-555-0100.\n",
]


@pytest.mark.parametrize("text", BIRTH_GUARDS)
def test_a_birth_label_without_its_date_reads_no_other_date(text: str) -> None:
    assert "birth_date" not in fields.patient(text)


# -- 3. tables drawn with bars ----------------------------------------------------------------------------
BAR_TABLE = """Pharmacy review summary                  Printed 04/19/2027
Member: Jonas Reyes-Abara    Member ID: QX-55012-7

+------------------+----------+-------------+-----------+-----------+
| Drug             | Decision | Qty         | From      | To        |
+------------------+----------+-------------+-----------+-----------+
| LUMAKRAS 120 mg  | APPROVE  | 240 / 30 d  | 19 APR 27 | 18 OCT 27 |
+------------------+----------+-------------+-----------+-----------+
"""


def test_a_bar_table_with_many_columns_gives_its_period() -> None:
    p = propose(_letter(BAR_TABLE))
    assert p.value("outcome") == "approved"
    assert (p.value("period_start"), p.value("period_end")) == (date(2027, 4, 19), date(2027, 10, 18))


BAR_TABLE_TWO_DRUGS = """Prior authorization decisions                        Date: 06/01/2027
Patient: Jonas Reyes-Abara   DOB 02/02/1960
+--------------------------+-----------+---------------+
| Service                  | Decision  | Reference     |
+--------------------------+-----------+---------------+
| ONDANSETRON 8 mg tablet  | {other}  | QX-AA-300101  |
+--------------------------+-----------+---------------+
| LUMAKRAS 320 mg tablet   | {ours}  | QX-RX-300102  |
+--------------------------+-----------+---------------+
"""


@pytest.mark.parametrize(
    ("other", "ours", "want"),
    [("APPROVED", "DENIED  ", "denied"), ("DENIED  ", "APPROVED", "approved"), ("APPROVED", "APPROVED", "approved")],
)
def test_a_bar_table_of_two_drugs_reads_lumakras_row(other: str, ours: str, want: str) -> None:
    p = propose(_letter(BAR_TABLE_TWO_DRUGS.format(other=other, ours=ours)))
    assert p.value("outcome") == want
    assert p.value("authorization_number") == "QX-RX-300102"
