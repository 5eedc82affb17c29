"""Issue 18, fourteenth pass (second builder): numbers, dates and the patient of the fourteenth held-out set (now a
development set), as CLASSES with wordings and layouts written here (never a corpus letter's sentence),
table-driven, with guards that must stay as they are.

1. Wrong numbers: a label's "no" is never the start of a word ("Notice date: May 9th, 2027" is no number); a reopened
   or corrected decision's own number is the one on its line labelled new ("New determination no.:"), never the
   earlier decision's named in its story.
2. Empty numbers: a panel's "docket no.", a Swiss "Kostengutsprache Nr.", a Dutch "Ons kenmerk:", a request's id
   joined by a number sign in a sentence ("coverage request QRX#27-11-4410"); a YAML export's snake-case keys
   ("pa_reference:", "society_no:") read as labels, its quotes blanks. Guards: "Uw kenmerk" (the sender's), a
   member's "Certificate no." stay unread as the request's number.
3. Dates and appeal windows: Dutch months ("7 juni 2027"), a memo's "2027 Aug 23 (Mon)", a board's "So ordered this
   3rd day of May, 2027"; windows counted in German/Swiss ("innert 30 Tagen ab Datum dieses Schreibens ...
   Einsprache"), in Dutch ("binnen 42 dagen na de datum van deze brief bezwaar"), from "the date of this Order",
   "the memo date", "the date on the first page of this letter", with OCR's "appea1 ... frorn ... 1etter", and in a
   table's row ("Appeal window | 60 days from decision date"). Guards: a window from the letter's receipt, a row
   that is another window's.
4. The patient: a YAML export's "full_name"/"born"/"society_no"; a boxed form's bare NAME column; OCR's "Mernber"; a
   spreadsheet's numbered rows; fields parted by middle dots; "Hello <name> (DOB ...)"; "BIRTH:"; a "Plan ID" with
   asterisks or after a comma; a name opening its line before ", date of birth"; an X12 print's "Subscriber LAST,
   FIRST M". Guards: "Hi <first name>," to a clinic's staff names no patient."""

from __future__ import annotations

from datetime import date

import pytest

from priorauth.letters import dates, fields
from priorauth.letters.proposal import propose
from tests.letters.test_generalise import _letter


def _number(text: str) -> str | None:
    return propose(_letter(text)).value("authorization_number")


# -- 1. wrong numbers -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("QUILLBROOK HEALTH\nCoverage Notice\n\nNotice date:   March 4th, 2027\nReference:     QB/AP/27/0304/051\n", "QB/AP/27/0304/051"),
        ("Denial Notice\nNotice date: 11 May 2027\nMember: Ines Falk\nCase no.: CZ-77-40918\n", "CZ-77-40918"),
        ("NOTICE\n\nNOTICE DATE ........ JUNE 2ND, 2027\nAuthorization #: RTP-5512-0073\n", "RTP-5512-0073"),
    ],
)
def test_a_notice_date_is_never_the_number(text: str, expected: str) -> None:
    assert fields.authorization_number(text).value == expected


@pytest.mark.parametrize(
    "text",
    ["Notice date:   April 28th, 2027\nMember: Ines Falk\n", "Approval Notice\n\nNotice date: September 1st, 2027\n"],
)
def test_a_notice_date_alone_gives_no_number(text: str) -> None:
    assert fields.authorization_number(text) is None


def test_a_notices_own_number_is_still_read() -> None:  # guard: "Notice no." is a number's label
    assert fields.authorization_number("Notice no. NT-2207-4418\n").value == "NT-2207-4418"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Reopened decision\n\nIn April we turned down the request under determination\nno. QD-DN-270411-07 for lack"
            " of a test result. That denial is set aside.\n\nNew determination no.: QD-AP-270520-02\nStatus: APPROVED\n",
            "QD-AP-270520-02",
        ),
        (
            "Corrected notice. Our letter of 3 May quoted authorization number PX-4410-2207 for this\nmedicine.\n\n"
            "Revised authorization number: PX-4410-2291\nThe approval stands.\n",
            "PX-4410-2291",
        ),
        ("Amended decision\nCase QR-1123-550 was pended on 2 June.\n  Replacement case no.: QR-1123-618\n", "QR-1123-618"),
    ],
)
def test_a_reopened_decisions_new_number_wins(text: str, expected: str) -> None:
    assert fields.authorization_number(text).value == expected


def test_a_single_number_in_a_story_is_still_read() -> None:  # guard: no "new" line, the number told is read
    text = "We approved the request under determination no. QD-AP-270411-07 on April 11.\n"
    assert fields.authorization_number(text).value == "QD-AP-270411-07"


# -- 2. empty numbers -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Drug Review Board\nIN RE the request of\nMALIN OSEI-BRANDT\nBoard docket no. DRB-27-1104-09\n", "DRB-27-1104-09"),
        ("Hearing docket no.: HD/2027/00418\nORDER\n", "HD/2027/00418"),
        ("Zürich, 3. Mai 2027\n\nKostengutsprache Nr. KLG 2027/1188-ZH\n\nSehr geehrte Frau Keller\n", "KLG 2027/1188-ZH"),
        ("Gesuch um Kostengutsprache Nr. VKB 2027/0042-SG — Entscheid\n", "VKB 2027/0042-SG"),
        ("Groningen, 3 mei 2027\nOns kenmerk: ZKN/GM/27/20417\nOnderwerp: uw aanvraag\n", "ZKN/GM/27/20417"),
        ("Onze referentie:  RVZ-27-55102\n", "RVZ-27-55102"),
        ("SUBJECT:  Coverage request QRX#27-11-4410 -- LUMAKRAS\n", "QRX#27-11-4410"),
        ("Your coverage request MDB#27-02-0917 is APPROVED.\n", "MDB#27-02-0917"),
    ],
)
def test_a_request_number_under_new_labels_is_read(text: str, expected: str) -> None:
    assert fields.authorization_number(text).value == expected


@pytest.mark.parametrize(
    "text",
    [
        "Uw kenmerk: AB/123/27\nOnderwerp: uw brief\n",  # the sender's own reference
        "Insured:  Tove Rasmussen\nCertificate no.:  QMH-1201-5309\n",  # a member's certificate
        "Coverage request for LUMAKRAS #2 was received.\n",  # a number sign that joins no id
    ],
)
def test_other_references_stay_unread(text: str) -> None:
    assert fields.authorization_number(text) is None


YAML_LETTERS = [
    # a portal's decision export, nested keys, quoted values
    "# Harrowgate Friendly Society - decision export\nnotice_date: \"2027-02-14\"\nmember:\n  full_name: \"Ottilie Brenner-Asante\"\n"
    "  born: \"1958-06-30\"\n  society_no: \"HFS/41/220917\"\ndetermination:\n  status: APPROVED\n"
    "  pa_reference: \"HFSV-2702-0551-M\"\n  effective: \"2027-02-14\"\n  expires: \"2027-08-13\"\n",
    # single quotes, other keys, a comment line in the middle
    "export_kind: 'decision'\nletter_date: '2027-02-14'\npatient:\n  full_name: 'Ottilie Brenner-Asante'\n"
    "  born: '1958-06-30'\n  society_no: 'HFS/41/220917'\n# decision block\noutcome:\n  status: APPROVED\n"
    "  pa_reference: 'HFSV-2702-0551-M'\n",
]


@pytest.mark.parametrize("letter", YAML_LETTERS)
def test_a_yaml_exports_number_and_patient_are_read(letter: str) -> None:
    p = propose(_letter(letter))
    assert p.value("authorization_number") == "HFSV-2702-0551-M"
    assert p.patient == {"name": "Ottilie Brenner-Asante", "birth_date": date(1958, 6, 30), "member_id": "HFS/41/220917"}


def test_a_letter_with_a_snake_case_word_is_left_as_it_is() -> None:  # guard: no YAML, no change
    text = 'Dear Dr. Holm,\nplease quote file_ref: "A-1" when you write.\nYours,\n'
    assert fields.unmarked(text) == text


# -- 3. dates and appeal windows --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("said", "day"),
    [
        ("7 juni 2027", date(2027, 6, 7)),
        ("22 maart 2027", date(2027, 3, 22)),
        ("1 oktober 1950", date(1950, 10, 1)),
        ("12 MEI 2027", date(2027, 5, 12)),
        ("2027 Aug 23", date(2027, 8, 23)),
        ("2027 Sept 4", date(2027, 9, 4)),
    ],
)
def test_dutch_months_and_a_memos_year_first_date_are_dates(said: str, day: date) -> None:
    assert [f.day for f in dates.find(f"Datum: {said} (x)")] == [day]


@pytest.mark.parametrize("said", ["12 mei", "2027 Aug 23:15", "maart 2027"])
def test_part_of_a_date_is_no_date(said: str) -> None:  # guards
    assert dates.find(said) == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("MEMO\nDATE:     2027 Aug 23 (Mon)\nSUBJECT:  your request\n", date(2027, 8, 23)),
        ("IT IS ORDERED that the request is DENIED.\nSo ordered this 3rd day of May, 2027.\n", date(2027, 5, 3)),
        ("Leeuwarden, 7 juni 2027\nOns kenmerk: X\n", date(2027, 6, 7)),
        # an X12 print's translation column
        ("ST    ST*278*0412*005010X217~          Transaction set 278\nBHT   BHT*0007*11*QX0412*20270903*0915~"
         "          Response created 2027-09-03 09:15\n", date(2027, 9, 3)),
        # an app's notifications, the newest first: a bullet or an icon's square, the date, its time
        ("Quarry Vale Health app -- alerts\n\n■ Sep 21, 2027 · 16:40\n   Your request was not approved.\n\n"
         "■ Sep 02, 2027 · 09:12\n   We received your request.\n", date(2027, 9, 21)),
        ("Alerts (exported)\n\n• 3 Nov 2027, 8:05 AM\n   An update on your request\n", date(2027, 11, 3)),
    ],
)
def test_new_letter_dates_are_read(text: str, day: date) -> None:
    assert fields.letter_date(text).value == day


LETTER = date(2027, 6, 14)


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("Rechtsmittelbelehrung: Gegen diesen Entscheid können Sie innert 30 Tagen ab Datum dieses Schreibens\nschriftlich Einsprache erheben.", 30),
        ("Sie können binnen 20 Tagen ab dem Datum des Entscheids Beschwerde führen.", 20),
        ("Niet eens met dit besluit? U kunt binnen 42 dagen na de datum van deze brief bezwaar maken.", 42),
        ("Bezwaar: binnen 28 dagen na de dagtekening van dit besluit kunt u bezwaar indienen.", 28),
        ("RIGHT TO APPEAL: the member may appeal to the Trustees within 90 days of the date of this Order.", 90),
        ("The prescriber may appeal this decision within forty-five (45) calendar days counted from the memo date.", 45),
        ("Appeal: you have 120 days from the date on the first page of this letter to ask us again.", 120),
        ("You rnay appea1 within 60 days frorn the date of this 1etter.", 60),
        ("MSG   MSG*AN APPEAL MAY BE FILED WITHIN 90 DAYS OF THE RESPONSE DATE~", 90),
    ],
)
def test_appeal_windows_in_new_wordings(sentence: str, days: int) -> None:
    hit, why = fields.appeal_deadline(f"We cannot approve the request.\n\n{sentence}\n", LETTER)
    assert hit is not None, why
    assert hit.value == date.fromordinal(LETTER.toordinal() + days)


@pytest.mark.parametrize(
    "sentence",
    [
        "U kunt binnen 42 dagen na ontvangst van deze brief bezwaar maken.",  # from its receipt: undated
        "Sie können innert 30 Tagen nach Erhalt dieses Schreibens Einsprache erheben.",
        "Innert 30 Tagen ab Datum dieses Schreibens senden Sie uns bitte die Unterlagen.",  # no objection: documents
    ],
)
def test_windows_from_receipt_or_for_documents_give_no_deadline(sentence: str) -> None:
    assert fields.appeal_deadline(f"{sentence}\n", LETTER)[0] is None


SHEET = (
    "PA worksheet (print)\n     |  A                  |  B\n  1  |  Field              |  Value\n"
    "  2  |  Decision date      |  09-Jun-2027\n  3  |  Member             |  Tobias Reinholt-Amoah\n"
    "  4  |  Date of birth      |  02-Mar-1961\n  5  |  Outcome            |  DENY\n"
    "  6  |  {label:<18} |  {window}\n  7  |  Peer-to-peer by    |  16-Jun-2027\n"
)


def test_a_tables_appeal_window_row_is_read() -> None:
    text = SHEET.format(label="Appeal window", window="60 days from decision date (B2)")
    assert fields.appeal_deadline(text, LETTER)[0].value == date(2027, 8, 8)


@pytest.mark.parametrize(
    ("label", "window"),
    [("Appeal window", "60 days from receipt of notice"), ("Resubmit window", "60 days from decision date (B2)")],
)
def test_a_tables_other_window_is_no_deadline(label: str, window: str) -> None:  # guards
    assert fields.appeal_deadline(SHEET.format(label=label, window=window), LETTER)[0] is None


def test_a_period_end_after_dot_leaders_is_read() -> None:
    text = "Decision ........... APPROVED\nApproved from ...... 2027/06/28\nApproved to ........ 2027/12/27\n"
    assert [h.value for h in fields.period(text)] == [date(2027, 6, 28), date(2027, 12, 27)]


# -- 4. the patient -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a boxed form: bare NAME and BORN columns, a plan id of asterisk-joined groups under them
            "+--------------------------------------------------------------+\n"
            "|  NAME       Valdemar Ostrowski-Nakamura      BORN   Feb 9 1950  |\n"
            "|  PLAN ID    QRH*0318*5521                                     |\n",
            {"name": "Valdemar Ostrowski-Nakamura", "birth_date": date(1950, 2, 9), "member_id": "QRH*0318*5521"},
        ),
        (  # OCR's "Mernber"
            "Re: Prior Authorization Case No. QHA-011-2290\nMernber: Leopold Asamoah-Grieg     DOB: 04/11/1966\n",
            {"name": "Leopold Asamoah-Grieg", "birth_date": date(1966, 4, 11)},
        ),
        (  # a spreadsheet's numbered rows, rules between label and value
            "  2   |  Decision date      |  09-Jun-2027\n  3   |  Member             |  Tobias Reinholt-Amoah\n"
            "  4   |  Date of birth      |  02-Mar-1961\n  5   |  Member ID          |  QWH/2290/1183\n",
            {"name": "Tobias Reinholt-Amoah", "birth_date": date(1961, 3, 2), "member_id": "QWH/2290/1183"},
        ),
        (  # an app's fields parted by middle dots
            "   Member: Henrike Boateng-Sorel · born 07/22/1959 · ID QBP66120458\n",
            {"name": "Henrike Boateng-Sorel", "birth_date": date(1959, 7, 22), "member_id": "QBP66120458"},
        ),
        (  # a pharmacy's greeting with the date of birth in brackets
            "Hello Casimir Okafor-Lindqvist (DOB Aug-02-1963),\n\nYour prescription has moved to us.\n",
            {"name": "Casimir Okafor-Lindqvist", "birth_date": date(1963, 8, 2)},
        ),
        (  # a bare "BIRTH:" label beside the member's name in capitals
            "MEMBER: ADEBAYO-KRANTZ, SOLVEIG                BIRTH: 09-03-1957\n",
            {"name": "ADEBAYO-KRANTZ, SOLVEIG", "birth_date": date(1957, 9, 3)},
        ),
        (  # a plan id after a comma, its date of birth on the same line
            "Patient: Ferdinand Yilmaz-Oduro, DOB 1955-12-01, Plan ID QD-0071-442-8\n",
            {"name": "Ferdinand Yilmaz-Oduro", "birth_date": date(1955, 12, 1), "member_id": "QD-0071-442-8"},
        ),
        (  # a name opening its line, in capitals, its date of birth after a comma
            "IN THE MATTER OF the request of\nAUGUSTA MBEKI-FAIRWEATHER, date of birth 03/17/1960, Fund member no. QV-551-20-448\n",
            {"name": "AUGUSTA MBEKI-FAIRWEATHER", "birth_date": date(1960, 3, 17), "member_id": "QV-551-20-448"},
        ),
        (  # an X12 print's description column
            "NM1    NM1*IL*1*HALVORSEN*GRETA*K***MI*QPX55120447~          Subscriber HALVORSEN, GRETA K\n"
            "DMG    DMG*D8*19620415~                                      Date of birth 1962-04-15\n",
            {"name": "HALVORSEN, GRETA K", "birth_date": date(1962, 4, 15)},
        ),
    ],
)
def test_the_patient_in_new_layouts(text: str, expected: dict[str, object]) -> None:
    got = propose(_letter(text)).patient
    assert {k: got.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        "To:      Noor Castellanos <nc@clinic.example>\nSubject: your request\n\nHi Noor,\n\nThe plan replied today.\n",
        "Hello Team,\nThe plan replied today.\n",
    ],
)
def test_a_greeting_to_the_clinics_staff_names_no_patient(text: str) -> None:  # guards
    assert "name" not in propose(_letter(text)).patient


def test_a_plan_id_without_a_date_of_birth_near_it_is_no_member_id() -> None:  # guard: the existing rule stands
    text = "Coverage questions? Plan ID QRH*0318*5521 is on your card.\n\n\n\nThank you.\n"
    assert "member_id" not in propose(_letter(text)).patient


CHAT = (
    "Secure messages -- conversation export\nThread: \"PA question\"   Member: Ilse Varga-Mensah  DOB 02/11/1970\n\n"
    "[09/08/27 10:02] Clinic (T. Arndt): Any news on the Lumakras request?\n"
    "[09/08/27 10:15] Plan team (Rosa): It was not approved, sorry.\n"
    "[09/08/27 10:16] Plan team (Rosa): {line}\n"
)


@pytest.mark.parametrize(
    "line",
    ["You can appeal within 30 days of today's message.", "An appeal is accepted for 30 days from today."],
)
def test_a_chats_window_from_today_counts_from_its_lines_date(line: str) -> None:
    hit, why = fields.appeal_deadline(CHAT.format(line=line), None)
    assert hit is not None and hit.value == date(2027, 10, 8), why


def test_a_window_from_today_without_a_stamped_line_gives_no_deadline() -> None:  # guard: no date to count from
    assert fields.appeal_deadline("Denied.\nYou can appeal within 30 days of today's message.\n", None)[0] is None


# -- what a fax's OCR makes of these layouts -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("row", "day"),
    [
        ("  6  |.  Appeal window — |  60 days from decision date (B2)", date(2027, 8, 8)),  # a rule read as a dash
        ("  6  | + Appeal window  |  60 days from decision date (B2)", date(2027, 8, 8)),
        ("| Appeal: how long you have _ | 60 days from the decision date above  |", date(2027, 8, 8)),  # an underscore
    ],
)
def test_an_appeal_row_with_ocrs_rules_is_read_and_cites_the_window_only(row: str, day: date) -> None:
    text = f"  2  |  Decision date  {{|  09-Jun-2027\n{row}\n  7  |  Peer-to-peer by    |  16-Jun-2027\n"
    hit = fields.appeal_deadline(text, None)[0]
    assert hit is not None and hit.value == day
    cited = text[hit.start : hit.end]
    assert cited.startswith("60 days") and "\n" not in cited  # never the rule before it, never the next row


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("Approved from  2027/06/28\nApproved to  2027/12/27\n", date(2027, 12, 27)),  # the leaders lost
        ("Covered from:  06/28/2027\nCovered to    12/27/2027\n", date(2027, 12, 27)),
    ],
)
def test_a_period_end_whose_leaders_ocr_lost_is_read(text: str, end: date) -> None:
    assert fields.period(text)[1].value == end


def test_a_to_line_that_is_no_date_stays_no_end() -> None:  # guard: "To  Dr. Holm" is an address
    assert fields.period("Approved from  2027/06/28\nTo  Dr. Holm, 12 Elm Road\n")[1] is None


def test_a_yaml_exports_curly_quotes_from_ocr_are_blanks() -> None:
    text = YAML_LETTERS[0].replace('"HFSV-2702-0551-M"', '"“HFSV-2702-0551-M').replace('"Ottilie Brenner-Asante"', "“Ottilie Brenner-Asante”")
    cleaned = fields.unmarked(text)
    assert len(cleaned) == len(text)
    assert fields.authorization_number(cleaned).value == "HFSV-2702-0551-M"
    assert fields.patient(cleaned)["name"].value == "Ottilie Brenner-Asante"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  3  |  Member  | | Tobias Reinholt-Amoah\n  4  |  Date of birth  |  02-Mar-1961\n", {"name": "Tobias Reinholt-Amoah"}),
        ("| NAME _ Valdemar Ostrowski-Nakamura  BORN Feb 9 1950\n", {"name": "Valdemar Ostrowski-Nakamura"}),
        ("Member: Henrike Boateng-Sorel - born 07/22/1959 - ID QBP66120458\n", {"name": "Henrike Boateng-Sorel", "birth_date": date(1959, 7, 22)}),
        ("Patient: Lindahl, Maren T.  DOR: 04/02/1962 — Ins ID: QCH00912274\n", {"birth_date": date(1962, 4, 2)}),
    ],
)
def test_the_patient_through_ocrs_marks(text: str, expected: dict[str, object]) -> None:
    got = propose(_letter(text)).patient
    assert {k: got.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    "text",
    ["Dor: 04/02/1962 (the date the request was received)\n", "Reviewer DOR 04/02/1962\n"],
)
def test_a_word_dor_is_no_birth_label(text: str) -> None:  # guards: only a capital DOR before a colon, as OCR makes DOB
    assert "birth_date" not in propose(_letter(text)).patient
