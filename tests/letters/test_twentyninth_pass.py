"""Issue 18, the twenty-ninth set read: its patient fields' safety pass first (a bilingual label, a member's label
under a table's header, a birth label inside a name, a birth date's order shown by the letter's own dates, a fax's
dash before a label's colon, a transliterated name's vowel), then the twenty-eighth pass's classes. Letters of our own
wording for each class, with the guards that keep each from a false value. Synthetic names and numbers only."""

from __future__ import annotations

import re
from datetime import date

import pytest

from priorauth.letters import (
    bilingual_labels,
    patient,
    patient_fields,
    stray_label,
)
from priorauth.letters.proposal import match, propose
from priorauth.letters.source import LetterText
from priorauth.text import ocr as _ocr
from tests.letters.reading import pdf as _pdf


def _fax_at(text: str, unsure: dict[str, float]) -> LetterText:
    """A fax's OCR reading: every word at 96, the words named in ``unsure`` at their own confidence."""
    words = tuple(
        _ocr.Word(m.start(), m.end(), unsure.get(m.group(0), 96.0), (0, 0, 1, 1)) for m in re.finditer(r"\S+", text)
    )
    return LetterText(text, (_ocr.Page(1, 0, len(text), (1700, 2200), words, ocr=True),), "tiff", True)


def _proposed_birth(text: str) -> object:
    """The birth date a digital letter's proposal gives (the letter's own printed dates decide its order there)."""
    return propose(_pdf(text)).patient.get("birth_date")


def _patient(text: str) -> dict[str, object]:
    return {k: h.value for k, h in patient_fields.patient(text).items()}


# == Part 1: the safety pass ============================================================================================
# -- 1. a bilingual label: the English label, a slash, its gloss, the colon ----------------------------------------------
_BILINGUAL = (
    "Lakeside Mutual Assurance (fictitious)\n"
    "Kampala, 4 May 2031\n\n"
    "Approval No. / N° d'accord : LMA-PA-31-0007\n"
    "{name_label}      : Odile Marthe Kagame\n"
    "Date of birth / Date de naiss.  : 27/02/1962 (DD/MM/YYYY)\n"
    "{member_label}  : LM-0000-4410\n"
)


@pytest.mark.parametrize(
    ("name_label", "member_label"),
    [
        pytest.param("Beneficiary / Bénéficiaire", "Affiliation No. / N° d'affilié", id="let29-s-fr-gloss"),
        pytest.param("Member / Mwanachama", "Member No. / Namba ya uanachama", id="let29-s-sw-gloss"),
        pytest.param("Beneficiary", "Affiliation No.", id="let29-s-no-gloss"),
    ],
)
def test_a_bilingual_label_is_read_by_its_english_half(name_label: str, member_label: str) -> None:
    got = _patient(_BILINGUAL.format(name_label=name_label, member_label=member_label))
    assert got == {"name": "Odile Marthe Kagame", "birth_date": date(1962, 2, 27), "member_id": "LM-0000-4410"}


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("Subscriber / Patient : Ada Lovel Test", id="let29-s-g-english-gloss"),  # a holder and a patient
        pytest.param("Date: 19/04/2031 / 20/04/2031", id="let29-s-g-slash-in-value"),
        pytest.param("Drug / Médicament LUMAKRAS 120 mg", id="let29-s-g-no-colon"),
        pytest.param("Ref 2031 / Dossier : LMA-1", id="let29-s-g-digit-in-label"),
        pytest.param("Broj polise/kartice: LM-SR-4410-3", id="let29-s-g-slash-no-blank"),  # one label
    ],
)
def test_a_gloss_is_blanked_only_on_a_label_line(line: str) -> None:
    assert bilingual_labels.unglossed(line) == line


def test_a_label_whose_english_half_comes_second_is_read_as_printed() -> None:  # guard: only empty fields are reread
    text = "Rhif aelodaeth / Membership no.: LM-50218-7\n"
    assert _patient(text) == {"member_id": "LM-50218-7"}


def test_a_letter_about_another_patient_with_bilingual_labels_is_flagged() -> None:
    text = _BILINGUAL.format(name_label="Beneficiary / Bénéficiaire", member_label="Affiliation No. / N° d'affilié")
    case = {"name": "Odile Marthe Kagame", "birth_date": date(1962, 2, 27), "member_id": "LM-0000-4401"}
    assert "member id" in match(propose(_pdf(text)), case)[0]


# -- 2. a member's label that is a table's header cell --------------------------------------------------------------------
def test_a_member_label_ending_a_tables_header_reads_its_own_column() -> None:
    text = (
        "Ref             | Status   | Insured        | Policy No.\n"
        "LMA-PA-31-0042  | APPROVED | Ada Lovel Test | LM-0000-X-7731\n"
    )
    assert _patient(text).get("member_id") == "LM-0000-X-7731"


def test_a_member_label_over_a_row_of_another_shape_reads_nothing() -> None:  # guard: the cells do not line up
    text = "Ref | Status | Policy No.\nLMA-PA-31-0042 APPROVED LM-0000-X-7731\n"
    assert "member_id" not in _patient(text)


# -- 3. a birth label starts at a word's start; "geb." is one -------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "name"),
    [
        pytest.param("Patient: Lotte Weißenborn, geb. 17.04.1955", "Lotte Weißenborn", id="let29-s-born-inside"),
        pytest.param("Patient: Hans Osborne, geb. 02.01.1950", "Hans Osborne", id="let29-s-born-inside-2"),
        pytest.param("Patient: Ivo Memberg-Test", "Ivo Memberg-Test", id="let29-s-member-inside"),
        pytest.param("Patient: Jane Q Doe, born 02/03/1961", "Jane Q Doe", id="let29-s-g-born-still-ends"),
        pytest.param("Patient: Jane Q Doe DOB 02/03/1961", "Jane Q Doe", id="let29-s-g-dob-still-ends"),
    ],
)
def test_a_birth_label_inside_a_name_does_not_cut_it(line: str, name: str) -> None:
    assert _patient(line + "\n").get("name") == name


# -- 4. a birth date's order shown by the letter's own dates ------------------------------------------------------------
@pytest.mark.parametrize(
    ("others", "born"),
    [
        pytest.param("Approved from 17/03/2031 to 16/09/2031.", date(1961, 12, 1), id="let29-s-numeric-day-first"),
        pytest.param("Earlier request 28.04.2030 (closed).", date(1961, 1, 12), id="let29-s-g-other-separator"),
        pytest.param("Letter date: 8 March 2031.", None, id="let29-s-worded-day-first-empty"),
        pytest.param("Approved from 03/17/2031 to 09/16/2031.", date(1961, 1, 12), id="let29-s-g-month-first"),
        pytest.param("Letter date: March 8, 2031.", date(1961, 1, 12), id="let29-s-g-worded-month-first"),
        pytest.param("From 17/03/2031; letter of March 8, 2031.", date(1961, 1, 12), id="let29-s-g-both-orders"),
        pytest.param("Nothing else is dated here.", date(1961, 1, 12), id="let29-s-g-no-decider"),
        pytest.param("Enter the date of service as DD/MM/YYYY. From 17/03/2031.", date(1961, 1, 12), id="let29-s-g-pattern-said"),
    ],
)
def test_a_birth_date_in_the_order_the_letters_dates_show(others: str, born: date | None) -> None:
    text = f"Coral Mutual (fictitious)\n\nMember: Ada Lovel Test     DOB: 01/12/1961\n\n{others}\n"
    assert _proposed_birth(text) == born


def test_an_email_headers_date_shows_no_order() -> None:  # guard: a mail program's date, its time after it
    text = (
        "Date: Thu, 18 Mar 2031 09:30:12 -0400\nSubject: Decision ref CM-0318-31-7731\n\n"
        "Re: Ada Lovel Test, DOB 04/11/1950, member ID CM 2299 7731 2\n"
    )
    assert _proposed_birth(text) == date(1950, 4, 11)


def test_dates_rewritten_in_the_order_the_letter_said_are_not_reread() -> None:  # guard: the printed letter decides
    text = (
        "Member: Ada Lovel Test | DOB: 08/09/1967 (dd/mm/yyyy)\n\nSent: Monday, 6 September 2031 16:40\n"
        "(*) Dates in this thread are dd/mm/yyyy, e.g. 01/10/2031 = 1 October 2031.\n"
    )
    assert _proposed_birth(text) == date(1967, 9, 8)


def test_a_dotted_birth_date_by_the_letters_dotted_dates() -> None:
    text = "Insured (insured): Ada Test\nDate of birth: 05.02.1963\nEarlier: 01.12.2030-28.02.2031.\n"
    assert _proposed_birth(text) == date(1963, 2, 5)


def test_a_birth_date_with_no_doubt_is_never_changed() -> None:  # guard: 13 or more in it, or its month's name
    for dob, born in (("13/01/1961", date(1961, 1, 13)), ("12 January 1961", date(1961, 1, 12))):
        text = f"Member: Ada Lovel Test     DOB: {dob}\nApproved from 17/03/2031 to 16/09/2031.\n"
        assert _proposed_birth(text) == born


# -- 5. at fax: a dash before a label's colon; a transliterated name's vowel ----------------------------------------------
@pytest.mark.parametrize(
    ("line", "read"),
    [
        pytest.param("Member No. — : KH-0000-2209", "Member No.   : KH-0000-2209", id="let29-s-dash-colon"),
        pytest.param("Period : 1 May 2031 – 31 October 2031", None, id="let29-s-g-range-dash"),
        pytest.param("Member No. — : KH-1 — note", None, id="let29-s-g-two-dashes"),
        pytest.param("Member No.-: KH-0000-2209", None, id="let29-s-g-hyphen"),
    ],
)
def test_a_dash_a_fax_put_before_a_labels_colon(line: str, read: str | None) -> None:
    assert stray_label.unbarred(line) == (read if read is not None else line)


@pytest.mark.parametrize(
    ("read", "flagged"),
    [
        pytest.param("Leila Ben Saleh", True, id="let29-s-vowel-variant"),
        pytest.param("Leila Ben Salah", False, id="let29-s-g-same"),
        pytest.param("Leila Ben Salab", False, id="let29-s-g-consonant-misread"),  # one misread consonant, id agreeing
    ],
)
def test_a_transliterated_names_vowel_is_another_name_at_fax(read: str, flagged: bool) -> None:
    text = f"Assurée : {read}\nN° d'assurée : TN-0000-X-6648\nDÉCISION : REFUS\n"
    case = {"name": "Leila Ben Salah", "birth_date": date(1957, 10, 30), "member_id": "TN-0000-X-6648"}
    p = propose(_fax_at(text, {"Saleh": 80.0, "Salah": 80.0, "Salab": 80.0}), case)
    assert bool(p.mismatch) is flagged
    assert patient.compare({"name": read, "member_id": "TN-0000-X-6648"}, case, ocr=True)[0] == (["name"] if flagged else [])
