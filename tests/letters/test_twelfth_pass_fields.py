"""Issue 18, twelfth pass, second builder: the numbers, dates and patient of the twelfth held-out set's styles
(now a development set), as CLASSES with letters written here (never a corpus letter's sentence), table-driven,
with guards that must stay as they are.

1. A letter printed from its source: RTF control words, a JSON (FHIR) print's quotes and braces, Markdown's
   bold and backticks, a mail merge's field codes, box-drawn rules (and the black squares of a font without
   the glyphs), a bilingual label's second language are blanks (same length): the labels under them read.
2. A letter that says its numeric dates are day first has them read so (birth date, period), and only then.
3. A Brazilian letter: "17 de maio de 2027", "1.º de junho", its labels and its appeal window in days.
4. A letter's date with no "Date:" label: a telex's date-time group, "Given this 3rd day of ...", a dateline
   run into a wall of text, a register's Julian "RUN DATE" (only where it says its dates are Julian).
5. Appeal windows from "the date this response was created", "the date of this msg", "the result date",
   a Julian APPEAL-BY; a peer-to-peer's date is never the appeal's.
6. A corrected notice's wrong period is never the period; "authorised ... between a and b"; a register's
   Julian FROM-DT / THRU-DT columns.
7. The patient under a register's column names, as "SURNAME,GIVEN", after a bare "For:" beside a birth date,
   a box-drawn "Plan ID", a fund's "FUND NO"; a real mismatch is still flagged."""

from __future__ import annotations

from datetime import date

import pytest

from priorauth.letters import dates, fields
from priorauth.letters.proposal import propose
from tests.letters.test_generalise import _letter


def _read(text: str) -> str:
    return fields.unwidgeted(fields.unfenced(fields.untagged(text)))


# -- 1. markup read as blanks -------------------------------------------------------------------------------
MARKUP = [
    # RTF source
    (
        "{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}\n\\pard\\f0\\fs20 March 3, 2028\\par\n"
        "Reference: {\\b WQ-28-0303-771}\\par\nPatient: Ludovica Amberley-Oke\\tab DOB: 07/12/1966\\par\n"
        "Approved for the period 03/03/2028 to 09/02/2028.\\par\n}",
        "WQ-28-0303-771",
        (date(2028, 3, 3), date(2028, 9, 2)),
        "Ludovica Amberley-Oke",
    ),
    # a FHIR print, keys in another order
    (
        '{\n  "resourceType": "ClaimResponse",\n  "id": "resp-77123",\n  "preAuthRef": "NB-5512-ZT4",\n'
        '  "patient": {\n    "display": "Ludovica Amberley-Oke",\n'
        '    "identifier": {"system": "urn:plan:member-id", "value": "LAO-330-9921"}\n  },\n'
        '  "preAuthPeriod": {"start": "2028-01-10", "end": "2028-07-09"}\n}',
        "NB-5512-ZT4",
        (date(2028, 1, 10), date(2028, 7, 9)),
        "Ludovica Amberley-Oke",
    ),
    # Markdown source
    (
        "# Wexcombe Mutual\n\n**Member:** Amberley-Oke, Ludovica  \n**Reference no.:** `WX-PA-28-0113`  \n\n"
        "| Field | Value |\n|---|---|\n| Valid from | 01/13/2028 |\n| Valid to | 07/12/2028 |\n",
        "WX-PA-28-0113",
        (date(2028, 1, 13), date(2028, 7, 12)),
        "Amberley-Oke, Ludovica",
    ),
    # a mail merge with its field codes left in
    (
        "«Date_Line» February 2, 2028\nMember: Ludovica Amberley-Oke       DOB: 07/12/1966\n"
        "Reference no.: «Ref_Number» MM28020219\nApproved from 02/02/2028 through 08/01/2028. «Footer»\n",
        "MM28020219",
        (date(2028, 2, 2), date(2028, 8, 1)),
        "Ludovica Amberley-Oke",
    ),
    # a box-drawn table
    (
        "╔════════════════╦══════════════════╗\n║ Member         ║ Ludovica Amberley-Oke ║\n"
        "║ Approval code  ║ 7Y3K-9P2L-4W8Q   ║\n║ From           ║ 04 Apr 2028      ║\n"
        "║ To             ║ 03 Oct 2028      ║\n╚════════════════╩══════════════════╝\n",
        "7Y3K-9P2L-4W8Q",
        (date(2028, 4, 4), date(2028, 10, 3)),
        "Ludovica Amberley-Oke",
    ),
]


@pytest.mark.parametrize(("letter", "number", "span", "name"), MARKUP)
def test_markup_is_read_as_blanks(letter: str, number: str, span: tuple[date, date], name: str) -> None:
    text = _read(letter)
    assert len(text) == len(letter)  # every span holds
    assert fields.authorization_number(text).value == number
    found = fields.period(text) or fields.tables.read(fields.period, text)
    assert (found[0].value, found[1].value) == span
    assert _patient(text)["name"].value == name


def _patient(text: str) -> dict[str, fields.Hit]:
    """The patient as the proposal reads it: a table's pairs, then the letter's own labels."""
    return (fields.tables.read(fields.patient, text) or {}) | fields.patient(text)


@pytest.mark.parametrize(
    ("line", "label_value"),
    [
        ("Member ID 会员号: PLX-2201-884\n", ("member_id", "PLX-2201-884")),  # a bilingual label
        ("Member ID ■■■■: PLX-2201-884\n", ("member_id", "PLX-2201-884")),  # its glyphs lost
        ("Patient 患者: Oyelowo, Kehinde\n", ("name", "Oyelowo, Kehinde")),
    ],
)
def test_a_bilingual_labels_second_language_is_blank(line: str, label_value: tuple[str, str]) -> None:
    key, value = label_value
    assert fields.patient(_read(line))[key].value == value


def test_a_fhir_resources_own_id_is_never_the_member_id() -> None:
    text = _read(
        '{\n  "resourceType": "ClaimResponse",\n  "id": "cr-4410299",\n  "status": "active",\n  "outcome": "queued"\n}'
    )
    assert "member_id" not in fields.patient(text)
    assert fields.authorization_number(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "** LOWMOOR RX ** APPROVED 03-Apr-2028 ** AUTH LM2280411\n",  # a stamp's stars are no Markdown
        "Note: use **only** the network pharmacy.\n",  # bold without a heading: left as printed
        "Decision: approved {see page 2}\n",  # braces in prose: not RTF
    ],
)
def test_text_that_is_not_markup_stays_as_it_is(text: str) -> None:
    assert fields.untagged(text) == text


# -- 2. day-first dates the letter says -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("letter", "birth", "span"),
    [
        (
            "(Dates in this letter are written day/month/year.)\nPatient: Iolo Brathwaite\nDate of birth: 05/11/1950\n"
            "Medicine: Lumakras 120 mg tablets, 240 every 30 days, supplied by post.\n"
            "Authorised between 02/03/2028 and 01/09/2028.\n",
            date(1950, 11, 5),
            (date(2028, 3, 2), date(2028, 9, 1)),
        ),
        (
            "Patient: Iolo Brathwaite\nDOB: 05.11.1950 (DD.MM.YYYY)\nMedicine: Lumakras 120 mg tablets, 240 every 30 days\nValid from 02.03.2028 to 01.09.2028\n",
            date(1950, 11, 5),
            (date(2028, 3, 2), date(2028, 9, 1)),
        ),
    ],
)
def test_day_first_dates_said_by_the_letter(letter: str, birth: date, span: tuple[date, date]) -> None:
    text = _read(letter)
    assert fields.patient(text)["birth_date"].value == birth
    found = fields.period(text)
    assert (found[0].value, found[1].value) == span


def test_without_the_letters_word_dates_stay_month_first() -> None:
    text = _read("Patient: Iolo Brathwaite\nDate of birth: 05/11/1950\nValid from 02/03/2028 to 09/01/2028.\n")
    assert fields.patient(text)["birth_date"].value == date(1950, 5, 11)
    assert fields.period(text)[0].value == date(2028, 2, 3)


def test_a_day_first_letter_about_another_patient_is_still_flagged() -> None:
    letter = (
        "(All dates in this letter are day/month/year.)\nOur ref: WM/PA/88121/K        Date: 09/03/2028\n"
        "Patient: Iolo Brathwaite\nDate of birth: 11/05/1950\nMembership number: 71-2204-5580-3\n"
        "Your request for Lumakras has been authorised.\n"
    )
    case = {"name": "Iolo Brathwaite", "birth_date": date(1950, 11, 5), "member_id": "71-2204-5580-3"}
    assert propose(_letter(letter), case).mismatch == ["date of birth"]  # 11 May is not 5 November
    same = letter.replace("11/05/1950", "05/11/1950")
    assert propose(_letter(same), case).mismatch == []


# -- 3. a Brazilian letter -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("3 de março de 2028", date(2028, 3, 3)),
        ("1.º de outubro de 2027", date(2027, 10, 1)),
        ("1º de novembro de 2027", date(2027, 11, 1)),
    ],
)
def test_portuguese_dates(text: str, day: date) -> None:
    assert [f.day for f in dates.find(text)] == [day]


PT = (
    "Porto Celeste, 3 de março de 2028\n\nSenha de autorização: 4410.2028.03.0071\n"
    "Beneficiária:          Iracema Tavares Lobo\nData de nascimento:    09/04/1961 (dia/mês/ano)\n"
    "Carteirinha n.º:       01123 5580 4471 2\n"
    "Situação: INDEFERIDA.\nRecurso: pode ser apresentado no prazo de 15 (quinze) dias contados da data desta "
    "notificação.\n"
)


def test_a_brazilian_letters_number_patient_and_appeal() -> None:
    text = _read(PT)
    assert fields.authorization_number(text).value == "4410.2028.03.0071"
    got = fields.patient(text)
    assert got["name"].value == "Iracema Tavares Lobo"
    assert got["birth_date"].value == date(1961, 4, 9)
    assert got["member_id"].value == "01123 5580 4471 2"
    day = fields.letter_date(text).value
    assert day == date(2028, 3, 3)
    assert fields.appeal_deadline(text, day)[0].value == date(2028, 3, 18)


def test_working_days_to_send_documents_are_no_appeal_window() -> None:
    text = _read("Porto Celeste, 3 de março de 2028\nEnvie os exames no prazo de 10 (dez) dias úteis.\n")
    assert fields.appeal_deadline(text, date(2028, 3, 3))[0] is None


# -- 4. the letter's date without a label ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("letter", "day"),
    [
        ("ZCZC LMR0077 030915Z MAR 28\nFM LOWMOOR FUND\n1. DECISION: DENIED STOP\n", date(2028, 3, 3)),
        ("The Board resolved to deny the request.\nGiven this 14th day of February, 2028.\n", date(2028, 2, 14)),
        (
            "WEXCOMBE MUTUAL Pharmacy Review Monday 6 March 2028 Member Iolo Brathwaite date of birth 4 May 1950 we revi\n",
            date(2028, 3, 6),
        ),
        ("LMR.PARPT02      DETERMINATION      RUN DATE 28063\n   DATES ARE JULIAN YYDDD\n", date(2028, 3, 3)),
    ],
)
def test_a_letters_date_without_a_label(letter: str, day: date) -> None:
    assert fields.letter_date(_read(letter)).value == day


def test_a_five_digit_number_is_no_date_unless_the_letter_says_julian() -> None:
    hit = fields.letter_date(_read("LMR.PARPT02      DETERMINATION      RUN DATE 28063\n"))
    assert hit is None or hit.value != date(2028, 3, 3)


# -- 5. appeal windows ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("letter", "day", "deadline"),
    [
        (
            '  "text": "An appeal may be filed within 30 days of the date this response was created."\n',
            date(2028, 1, 10),
            date(2028, 2, 9),
        ),
        ("5. APPEAL: WITHIN 60 DAYS OF DATE OF THIS MSG STOP\n", date(2028, 3, 3), date(2028, 5, 2)),
        ("Result date:  10 Jan 2028\nAppeal:  within 30 days after the result date\n", None, date(2028, 2, 9)),
        ("DATES ARE JULIAN YYDDD\nAPPEAL-BY 28100   APPEAL TO: APPEALS UNIT\n", date(2028, 3, 3), date(2028, 4, 9)),
    ],
)
def test_appeal_windows(letter: str, day: date | None, deadline: date) -> None:
    assert fields.appeal_deadline(_read(letter), day)[0].value == deadline


def test_a_peer_to_peer_date_is_never_the_appeal_deadline() -> None:
    text = (
        "A. You may appeal this decision within 30 days of the date of this letter.\n"
        "B. Your doctor may request a peer-to-peer conversation until 02/01/2028.\n"
    )
    assert fields.appeal_deadline(text, date(2028, 1, 10))[0].value == date(2028, 2, 9)
    only = "You may appeal. Your doctor may request a peer-to-peer talk until 02/01/2028.\n"
    assert fields.appeal_deadline(only, date(2028, 1, 10))[0] is None


# -- 6. periods ------------------------------------------------------------------------------------------------
def test_a_corrected_notices_wrong_period_is_never_the_period() -> None:
    text = (
        "This notice corrects our letter of March 1, 2028, which gave an incorrect approval period "
        "(03/01/2028 - 02/28/2029).\nCorrect approval:\n  Approved from:  03/01/2028\n  Approved to:    08/31/2028\n"
    )
    found = fields.period(text)
    assert (found[0].value, found[1].value) == (date(2028, 3, 1), date(2028, 8, 31))


def test_a_julian_registers_period() -> None:
    letter = (
        "LMR.PARPT02      DETERMINATION      RUN DATE 28063\n   DATES ARE JULIAN YYDDD\n"
        "AUTH-REF       STATUS      FROM-DT  THRU-DT\nLM28063Q0071   APPROVED    28063    28245\n"
    )
    found = fields.period(_read(letter))
    assert (found[0].value, found[1].value) == (date(2028, 3, 3), date(2028, 9, 1))
    plain = letter.replace("   DATES ARE JULIAN YYDDD\n", "")
    assert fields.period(_read(plain)) is None  # never guessed


# -- 7. the patient --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("letter", "key", "value"),
    [
        (
            "MEMBER-ID     MEMBER-NAME            BIRTH-DT\nLMX0071234    BRATHWAITE,IOLO        19500504\n",
            "name",
            "BRATHWAITE,IOLO",
        ),
        (
            "MEMBER-ID     MEMBER-NAME            BIRTH-DT\nLMX0071234    BRATHWAITE,IOLO        19500504\n",
            "birth_date",
            date(1950, 5, 4),
        ),
        ("For: Iolo P. Brathwaite          Birth date: 5.4.1950\n", "name", "Iolo P. Brathwaite"),
        ("For: Iolo P. Brathwaite — Birth date: 5.4.1950\n", "name", "Iolo P. Brathwaite"),  # a column's gap at fax
        ("│ Born     │ 04 May 1950      │\n│ Plan ID  │ LMX 440 2210 71  │\n", "member_id", "LMX 440 2210 71"),
        ("1. MEMBER: BRATHWAITE IOLO  DOB 04 MAY 1950  FUND NO LMF-330-1187\n", "member_id", "LMF-330-1187"),
    ],
)
def test_the_patient_in_the_sets_layouts(letter: str, key: str, value: object) -> None:
    assert _patient(_read(letter))[key].value == value


@pytest.mark.parametrize(
    "letter",
    [
        "For: questions about this letter      call 555-0100\n",  # no birth date beside it: no name
        "For: Iolo Brathwaite\n",  # a bare "For:" alone names no one
    ],
)
def test_a_bare_for_without_a_birth_date_names_no_one(letter: str) -> None:
    assert "name" not in _patient(_read(letter))


# -- 8. the same classes as a fax's OCR reads them -------------------------------------------------------------
@pytest.mark.parametrize(
    ("letter", "number"),
    [
        (
            '{\n  “resourceType": "ClaimResponse",\n  "“preAuthRef": “NB-5512-ZT4",\n  “outcome”: "complete"\n}',
            "NB-5512-ZT4",
        ),
        ("# Wexcombe Mutual\n**Member:** Amberley-Oke, Ludovica\n| Reference # | ‘WX-PA-28-0113° |\n", "WX-PA-28-0113"),
        ("{\\rtf1\\ansi\\pard\\fO\\fs20 Reference no.: {\\b WQ-28-0303-771}\\par\n}", "WQ-28-0303-771"),
        ("Authorization no,: «Ref Number» MM28020219\n", "MM28020219"),
        ("Solicitacao n.2:  4410.2028.03.0071\n", "4410.2028.03.0071"),
    ],
)
def test_markup_as_a_fax_reads_it(letter: str, number: str) -> None:
    assert fields.authorization_number(_read(letter)).value == number


def test_a_day_first_note_with_an_ocr_accent_is_still_read() -> None:
    text = _read(
        "Beneficiario:  Iracema Tavares Lobo\nData de nascimento:  09/04/1961 (dia/més/ano)\nCarteirinha n.2:  01123 5580 4471 2\n"
    )
    got = fields.patient(text)
    assert got["birth_date"].value == date(1961, 4, 9)
    assert got["member_id"].value == "01123 5580 4471 2"


def test_a_dateline_with_a_rules_mark_after_it() -> None:
    assert fields.letter_date(_read("WEXCOMBE MUTUAL\n\nMarch 6, 2028 —\n\nI. IDENTIFICATION\n")).value == date(
        2028, 3, 6
    )


@pytest.mark.parametrize("mark", [".", ":"])
def test_an_id_cut_by_a_mark_ocr_made_of_a_space_is_left_empty(mark: str) -> None:
    text = f"Review number:  WXM 0306 5512{mark}7\nEnrollee:  Iolo Brathwaite\n"
    assert fields.authorization_number(text) is None  # never half of it
    assert fields.authorization_number("Review number:  WXM 0306 5512 7\n").value == "WXM 0306 5512 7"


def test_black_squares_as_a_tables_rules_and_as_a_checked_box() -> None:
    rows = "■ Born     ■ 04 May 1950      ■\n■ Plan ID  ■ LMX 440 2210 71  ■\n"
    assert _patient(_read(rows))["member_id"].value == "LMX 440 2210 71"
    box = "■ Approved     □ Denied\n"
    assert fields.untagged(box) == box  # one square alone on its line may be a checked box: it stays
