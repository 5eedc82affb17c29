"""Issue 18, fourteenth pass: the two SAFETY misses of the fourteenth held-out set (now a development set), as
CLASSES with wordings and layouts written here (never a corpus letter's sentence), table-driven, with guards
that must stay as they are.

1. A missed patient mismatch: a Dutch or German (Swiss) letter's patient block ("Verzekerde:", "Versicherte
   Person:", "Geboortedatum:" / "Geburtsdatum:" day first, "Polisnummer:" / "Versichertennummer:" with dots)
   was not read at all, so nothing was compared with the case's patient and another patient's letter passed.
   Read now: another patient is said first and nothing is proposed; the case's own patient stays unflagged
   (a day-first date of birth is never read month first).
2. A wrong outcome: an unfilled review form ("( ) Approved ( ) Denied", then "Approved from ..... __/__/____")
   read as approved from its blank fields' names. A field named by an outcome word whose blank is a date's
   mask (its underscores taken out with the form's entries), or what a fax's OCR made of one, states nothing.
   Guards: the same fields filled in, a ticked box, a plain approval sentence stay approved."""

from __future__ import annotations

from datetime import date

import pytest

from priorauth.letters import fields
from priorauth.letters.proposal import propose
from tests.letters.test_generalise import _letter

# -- 1. a Dutch or German patient block ---------------------------------------------------------------------
DUTCH = (
    "ZORGFONDS DE KWELDER\nBureau Toestemmingen\n\nGroningen, 3 maart 2027\nKenmerk: KW-27-4410\n\n"
    "Verzekerde:        {name}\nGeboortedatum:     04-03-1962 (dag-maand-jaar)\nPolisnummer:       31.774.090\n\n"
    "Wij hebben meer informatie nodig over uw aanvraag voor LUMAKRAS.\n"
)
DUTCH_PATIENT = "Wilhelmina Tjeerdsma-Ansah"
GERMAN = (
    "KRANKENKASSE TALGRUND\nLeistungsabteilung\n\nChur, 5. April 2027\n\n"
    "Versicherte Person:   {name}\nGeburtsdatum:         01.08.1955\nVersichertennummer:   756.1180.2245.07\n\n"
    "Die Kostengutsprache für LUMAKRAS wird erteilt.\n"
)
GERMAN_PATIENT = "Ueli Brandenberger-Osei"
CASES = {
    "dutch": (DUTCH, {"name": DUTCH_PATIENT, "birth_date": date(1962, 3, 4), "member_id": "31.774.090"}),
    "german": (GERMAN, {"name": GERMAN_PATIENT, "birth_date": date(1955, 8, 1), "member_id": "756.1180.2245.07"}),
}


@pytest.mark.parametrize(
    ("style", "name", "dob", "mid"),
    [
        ("dutch", DUTCH_PATIENT, date(1962, 3, 4), "31.774.090"),  # day first: the 4th of March, never April 3rd
        ("german", GERMAN_PATIENT, date(1955, 8, 1), "756.1180.2245.07"),
    ],
)
def test_the_patient_block_is_read(style: str, name: str, dob: date, mid: str) -> None:
    text, _ = CASES[style]
    got = fields.patient(text.format(name=name))
    assert (got["name"].value, got["birth_date"].value, got["member_id"].value) == (name, dob, mid)


@pytest.mark.parametrize(
    ("style", "other"),
    [
        ("dutch", "Wilhelmien Tjeerdsma-Ansah"),  # one letter off: another person on a text layer
        ("dutch", "Gerrit Tjeerdsma-Ansah"),
        ("german", "Ueli Brandenberger-Osej"),
        ("german", "Verena Brandenberger-Osei"),
    ],
)
def test_another_patient_is_said_first_and_nothing_is_proposed(style: str, other: str) -> None:
    text, case = CASES[style]
    p = propose(_letter(text.format(name=other)), case)
    assert p.mismatch and p.mismatch[0] == "name"
    assert p.value("outcome") is None and p.value("authorization_number") is None


@pytest.mark.parametrize("style", ["dutch", "german"])
def test_the_cases_own_patient_stays_unflagged(style: str) -> None:  # guard
    text, case = CASES[style]
    name = case["name"]
    p = propose(_letter(text.format(name=name)), case)
    assert p.mismatch == []


@pytest.mark.parametrize(
    ("line", "dob"),
    [
        ("Geboortedatum: 11-09-1970", date(1970, 9, 11)),
        ("Geburtsdatum: 07.02.1949", date(1949, 2, 7)),
        ("geboren am 30.06.1961", date(1961, 6, 30)),
        ("Date of birth: 02/07/1949", date(1949, 2, 7)),  # guard: an English label stays month first
    ],
)
def test_a_date_of_birth_is_read_the_labels_way(line: str, dob: date) -> None:
    assert fields.patient(f"Patient: Ilse Vermeulen\n{line}\n")["birth_date"].value == dob


# -- 2. an unfilled review form -------------------------------------------------------------------------------
FORM = (
    "HALVERSTON COMMUNITY PLAN -- PHARMACY REVIEW SHEET\n\n"
    "Member name ........ Odile Prentergast\nDrug ............... LUMAKRAS 120 mg\n\n"
    "Decision:   {boxes}\n\n"
    "Approved from ...... {start}\nApproved to ........ {end}\nApproved qty ....... {qty}\n\n"
    "Signed: ______________     Date signed: __/__/____\n"
)
EMPTY_BOXES = "( ) Approved   ( ) Denied   ( ) Pended"


@pytest.mark.parametrize(
    ("start", "end", "qty"),
    [
        ("____/__/__", "____/__/__", "__________"),
        ("__/__/____", "__/__/____", "___"),
        ("__-__-____", "__-__-____", "________"),
    ],
)
def test_an_unfilled_form_has_no_outcome(start: str, end: str, qty: str) -> None:
    text = FORM.format(boxes=EMPTY_BOXES, start=start, end=end, qty=qty)
    assert propose(_letter(text)).value("outcome") is None


@pytest.mark.parametrize(
    "text",
    [  # a fax's OCR of empty masks and rules
        "Outcome:  () Approved  () Denied\n\nApproved from  a a\nApproved to  ff\nApproved qty\n",
        "Result:  () Approved  () Denied\n\nApproved from  /_/_\nApproved through  i_\nDenied on  __\n",
    ],
)
def test_an_unfilled_form_read_by_ocr_has_no_outcome(text: str) -> None:
    assert propose(_letter(text)).value("outcome") is None


@pytest.mark.parametrize(
    "text",
    [  # guards: each stays approved
        FORM.format(boxes="(X) Approved   ( ) Denied   ( ) Pended", start="2027/04/01", end="2027/09/30", qty="240 / 30 days"),
        FORM.format(boxes="(X) Approved   ( ) Denied   ( ) Pended", start="__/__/____", end="__/__/____", qty="___"),
        "Your request for LUMAKRAS has been approved.\nApproved from 04/01/2027 to 09/30/2027.\n",
        "Approved to continue LUMAKRAS 960 mg daily through 09/30/2027.\n",
    ],
)
def test_a_real_approval_stays_approved(text: str) -> None:
    assert propose(_letter(text)).value("outcome") == "approved"
