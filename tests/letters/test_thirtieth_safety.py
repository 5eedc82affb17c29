"""Issue 18, safety pass on the thirtieth and thirty-first held-out sets: the letters named by their wrong values read,
their CLASSES closed with wordings and layouts written here (never a held-out letter's sentence), table-driven, with
guards that must stay as they are.

1. Wrong outcomes: an empty box's option glossed in brackets ("[ ] <word> [more information requested]") says nothing,
   its gloss neither; the English half of a bilingual decision a fax wrapped onto a line of its own ("... - <word> /"
   over "APPROVED") is the line above's, never a banner of its own.
2. A letter about another patient not flagged: the member's card number ("Carné No.:") read; an approved period whose
   day and month could be swapped read in the order the letter's own dates show.
3. The case's own patient flagged as another: a bilingual label's id read whole (never its tail after a hyphen); a
   principal member's name and number never the dependant patient's; a birth date whose day and month could be
   swapped left empty where the letter's dates cannot settle them (a month's name the rules do not know, a month-first
   date only in a bracketed translation, a dotted date with nothing else), read day first on a letter in a Cyrillic script."""

from __future__ import annotations

from datetime import date

import pytest

from priorauth.letters import fields, member_labels, outcome, printed_order
from priorauth.letters.proposal import propose
from tests.letters.test_generalise import _letter


def _outcome(text: str) -> str | None:
    hit, _ = outcome.outcome(outcome.plain(fields.unfenced(text)))
    return hit.value if hit else None


# -- 1. an empty box's glossed option; a bilingual decision wrapped by a fax ------------------------------------------
@pytest.mark.parametrize(
    ("text", "want"),
    [
        # [t30-gloss-box] the ticked option in a language the rules do not read, the empty ones glossed: nothing read
        ("Ratkaisu [decision]:\n  [X] Hyväksytään [granted]\n  [ ] Evätään [refused]\n"
         "  [ ] Tietoja pyydetään [more information requested]\n", None),
        ("Uamuzi:\n( ) Imekataliwa (denied)\n(X) Imekubaliwa (accepted)\n( ) Taarifa zaidi (more information needed)\n", None),
        ("[X] Aprobado\n[ ] Pendiente [pending]\n[ ] Denegado [denied]\n", None),
        # guards: a ticked option in English is read; a box after the gloss ends it; an undetermined form stays empty
        ("[X] Approved [granted]\n[ ] Denied [refused]\n[ ] More information needed\n", "approved"),
        ("[ ] Approved [granted]   [X] Denied [refused]\n", "denied"),
        ("( ) More information needed (form B)  (X) Denied\n", "denied"),
        ("[ ] Approved\n[ ] Denied\n[ ] More information needed\n", None),
        ("[ ] Approved [granted]\n[ ] Denied [refused]\nThe request is still under review.\n", None),
    ],
)
def test_an_empty_boxs_glossed_option_says_nothing(text: str, want: str | None) -> None:
    assert _outcome(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # [t30-wrapped-pair] another item's bilingual decision, its English half wrapped onto a line of its own
        ("Ombi / Request no. QX-27-0114:\n  MRI ya kichwa (MRI head) - IMEKUBALIWA /\nAPPROVED\n"
         "  Valid: 02/04/2027 to 01/05/2027\n\nLUMAKRAS 120 mg is handled in a separate letter.\n", None),
        ("Tomografia (CT chest) - ZATWIERDZONO /\nDENIED\n", None),
        # guards: a banner under a rule, a blank line, a heading or a line ending in a word is read as before
        ("PRIOR AUTHORIZATION NOTICE\n--------------------------\nAPPROVED\nLUMAKRAS (sotorasib) 120 mg\n", "approved"),
        ("LUMAKRAS (sotorasib) 120 mg tablets\n\nDENIED\n", "denied"),
        ("Request for LUMAKRAS 120 mg - IMEKUBALIWA / APPROVED\n", "approved"),  # on one line: as before
    ],
)
def test_a_wrapped_bilingual_decision_is_the_line_aboves(text: str, want: str | None) -> None:
    assert _outcome(text) == want


# -- 2. the member's card; a period read in the order the letter shows --------------------------------------------------
@pytest.mark.parametrize(
    ("text", "want"),
    [
        # [t30-carne] the member's card number
        ("Asegurado: Rosa Elvira Paz\nCarné No.: QZ-0000-77120\n", "QZ-0000-77120"),
        ("Carné: 4410-2290-01\n", "4410-2290-01"),
        ("Nº de carné: HN 5521 0093\n", "HN 5521 0093"),
        ("Carnet n°: BO-771-2204\n", "BO-771-2204"),
        # guards: an identity card, a card with no number, a label not opening its line
        ("Carné de identidad: 0801199012345\n", None),
        ("Carné: pendiente de emisión\n", None),
        ("Su carné No.: 4410-2290-01 llegará por correo\n", None),
    ],
)
def test_the_members_card_number(text: str, want: str | None) -> None:
    m = member_labels.member_id(text)
    assert (m.group("v").strip() if m else None) == want


def test_another_patients_card_number_flags_the_letter() -> None:
    text = (
        "ASEGURADORA EJEMPLO (ficticia)\nAsegurado: Rosa Elvira Paz\nCarné No.: QZ-0000-77120\n\n"
        "Le informamos que LUMAKRAS (sotorasib) 120 mg ha sido APROBADO.\n"
    )
    case = {"name": "Rosa Elvira Paz", "member_id": "QZ-0000-71720"}
    assert propose(_letter(text), case).mismatch
    assert not propose(_letter(text), {"name": "Rosa Elvira Paz", "member_id": "QZ-0000-77120"}).mismatch


_APPROVAL = "Your request for LUMAKRAS (sotorasib) 120 mg has been approved.\nApproved period: {a} through {b}\n"


@pytest.mark.parametrize(
    ("a", "b", "start", "end"),
    [
        # [t30-period-order] the end's first number is a day: the start is read day first too
        ("01/05/2027", "31/07/2027", date(2027, 5, 1), date(2027, 7, 31)),
        ("02/03/2027", "14/09/2027", date(2027, 3, 2), date(2027, 9, 14)),
        # guards: month first shown, or nothing shown: as read (month first)
        ("03/01/2027", "08/31/2027", date(2027, 3, 1), date(2027, 8, 31)),
        ("03/01/2027", "08/01/2027", date(2027, 3, 1), date(2027, 8, 1)),
        ("2027-05-01", "2027-07-31", date(2027, 5, 1), date(2027, 7, 31)),
    ],
)
def test_a_period_read_in_the_order_the_letter_shows(a: str, b: str, start: date, end: date) -> None:
    p = propose(_letter(_APPROVAL.format(a=a, b=b)))
    assert (p.value("period_start"), p.value("period_end")) == (start, end)


# -- 3. the case's own patient --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "want"),
    [
        # [t30-bilingual-tail] a bilingual label's id read whole, its translation ending at a column gap or bar
        ("Member ID / رقم العضوية     KW-000000-4417\n", "KW-000000-4417"),
        ("| Member ID / ■■■ ■■■■■■■     | KW-000000-4417        |\n", "KW-000000-4417"),
        ("Member no. / Numéro de membre    QX-55-2019\n", "QX-55-2019"),
        # guards: a translation before its colon; a label of another thing's number
        ("Medicaid ID / Número de Medicaid:  5550-2093-4418\n", "5550-2093-4418"),
        ("NPI / Número de proveedor:  1234567890\n", None),
    ],
)
def test_a_bilingual_labels_id_is_read_whole(text: str, want: str | None) -> None:
    m = member_labels.member_id(text)
    assert (m.group("v") if m else None) == want


_SCHEME = (
    "LOWVELD MEDICAL SCHEME (fictitious)\n"
    "Principal member:    Peter Themba Dube       Membership no.: LV-0000-5521-00\n"
    "{patient}"
    "QUERY ON PRE-AUTHORISATION - LUMAKRAS (sotorasib) 120 mg\n"
)


@pytest.mark.parametrize(
    ("patient_line", "name", "member_id"),
    [
        # [t30-principal] the patient is a dependant: the principal member's name and number are never theirs
        ("Patient (dependant): Lindiwe Rose Dube      Dependant no.:  LV-0000-5521-03\n", "Lindiwe Rose Dube", None),
        ("Patient:  Sipho Dube (dependent)     Dependent no.: LV-0000-5521-04\n", "Sipho Dube", None),
        # guard: a principal member who is the patient (no dependant named) is read as before
        ("", "Peter Themba Dube", "LV-0000-5521-00"),
    ],
)
def test_a_principal_member_is_not_the_dependant_patient(patient_line: str, name: str | None, member_id: str | None) -> None:
    p = propose(_letter(_SCHEME.format(patient=patient_line)))
    if name is not None:
        assert p.patient.get("name") == name
    else:
        assert p.patient.get("name") != "Peter Themba Dube"
    assert p.patient.get("member_id") == member_id


def _reread(text: str, dob: str) -> tuple[bool, date | None]:
    at = text.index(dob)
    read = printed_order.dates.parse(dob)
    assert read is not None
    return printed_order.reread(text, at, at + len(dob), read, birth=True)


_CYRILLIC = "Застрахована особа повідомляємо про рішення страховика щодо препарату за договором страхування " * 2


@pytest.mark.parametrize(
    ("text", "dob", "want"),
    [
        # [t30-birth-order] a month's name the rules do not know, OCR's or a font's: the order is not settled
        ("17 ciuxHsa 2027 p.\nMata HapomxKenna [born]: 04.10.1962\n", "04.10.1962", (True, None)),
        ("17 ■■■■■ 2027 ■.\n■■■■ [born]: 04.10.1962\n", "04.10.1962", (True, None)),
        # a Spanish letter's worded date, its numeric birth date: not settled (US plans and Puerto Rico differ)
        ("9 de mayo de 2027\nFecha de nacimiento:  06/10/1958\n", "06/10/1958", (True, None)),
        # a month-first worded date only in the writer's translation in brackets: not the letter's own order
        ("2 de junio de 2027\nFecha de nacimiento: 05/09/1960\n[from June 2, 2027]\n", "05/09/1960", (True, None)),
        # (its "[" read as "(" at fax, the "]" kept)
        ("2 de junio de 2027\nFecha de nacimiento: 05/09/1960\n(from June 2, 2027 on]\n", "05/09/1960", (True, None)),
        # guards: an English letter's own month-first date beside its Spanish paragraph, or in parentheses: month first
        ("Approved (from June 2, 2027)\n2 de junio de 2027\nBirth date: 05/09/1960\n", "05/09/1960",
         (False, date(1960, 5, 9))),
        ("June 2, 2027\nBirth date: 05/09/1960\nAprobamos LUMAKRAS del 2 de junio de 2027.\n", "05/09/1960",
         (False, date(1960, 5, 9))),
        # a dotted birth date and dotted dates that settle nothing
        ("Date: 06.04.2027\nDOB: 10.02.1958\nvalid 01.03.2026 to 01.06.2026\n", "10.02.1958", (True, None)),
        # a letter in a Cyrillic script: its dotted dates day first
        (_CYRILLIC + "\nДата народження: 04.10.1962\n", "04.10.1962", (True, date(1962, 10, 4))),
        # guards: a US letter's month-first dates; a numeric date that shows the order; no doubt; slashes settle nothing
        ("March 9, 2027\nDOB: 06/10/1958\n", "06/10/1958", (False, date(1958, 6, 10))),
        ("9 de mayo de 2027\nFecha: 05/14/2027\nFecha de nacimiento:  06/10/1958\n", "06/10/1958", (False, date(1958, 6, 10))),
        ("Date: 17.04.2027\nDOB: 10.02.1958\n", "10.02.1958", (True, date(1958, 2, 10))),
        ("Date: 06.04.2027\nDOB: 10.10.1958\n", "10.10.1958", (False, date(1958, 10, 10))),
        ("Date: 06/04/2027\nDOB: 10/02/1958\n", "10/02/1958", (False, date(1958, 10, 2))),
        ("Patient: Олена Бондар\nDate: 06.04.2027\nDOB: 10.02.1958\nPlease call us.\n", "10.02.1958", (True, None)),
    ],
)
def test_a_birth_date_the_letter_cannot_settle(text: str, dob: str, want: tuple[bool, date | None]) -> None:
    assert _reread(text, dob) == want


def test_a_cyrillic_name_in_an_english_letter_is_no_cyrillic_letter() -> None:
    assert not printed_order.cyrillic("Patient: Олена Бондаренко\nYour request for LUMAKRAS has been approved.\n")
    assert printed_order.cyrillic(_CYRILLIC)


def test_an_unsettled_birth_date_flags_nobody() -> None:
    text = (
        "17 ■■■■■ 2027 ■.\nInsured [■■■■]: Olena Bondar\nBorn [■■■■]: 04.10.1962\n"
        "LUMAKRAS (sotorasib) 120 mg: the request is refused.\n"
    )
    p = propose(_letter(text), {"name": "Olena Bondar", "birth_date": date(1962, 10, 4)})
    assert p.patient.get("birth_date") is None
    assert not p.mismatch


# -- 4. a number that is another request's ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "want"),
    [
        # [t30-other-request] the first of a list of requests names another drug, LUMAKRAS's decision not read: never
        # the first line's number (since the twenty-ninth pass such a list is read block by block, each block opened by
        # its request's number: LUMAKRAS's own block gives its own number, the one the letter gives this request)
        ("Our decisions on your requests:\nRequest RX-771-0401 - metoclopramide 10 mg tablets\n"
         "    Decision: DENIED (not a covered strength).\nRequest RX-771-0402 - LUMAKRAS (sotorasib) 120 mg\n"
         "    Decision: see the enclosed schedule.\n", "RX-771-0402"),
        ("Our decisions on your requests:\nRequest RX-771-0401, metoclopramide 10 mg tablets: DENIED (not a covered strength).\n"
         "LUMAKRAS (sotorasib) 120 mg: see the enclosed schedule.\n", None),
        # LUMAKRAS answered apart: the number is the other request's
        ("Authorisation request no. QA-IDH-27-0411-2:\n  MRI head (contrast) - IMEKUBALIWA /\nAPPROVED\n"
         "  Valid: 02/04/2027 to 01/05/2027\n\nThe LUMAKRAS request is being handled separately and will be answered in another letter.\n", None),
        ("Pre-authorization ref. PX-2207-118: physiotherapy, 10 sessions.\n"
         "A separate letter will follow for LUMAKRAS (sotorasib).\n", None),
        # guards: LUMAKRAS's own decision read keeps its number; another drug answered apart changes nothing
        ("Request RX-771-0402 - LUMAKRAS (sotorasib) 120 mg tablets\n    Decision: APPROVED.\n", "RX-771-0402"),
        ("Reference no.: RX-771-0402\nYour request for LUMAKRAS (sotorasib) 120 mg is approved.\n"
         "The ondansetron request is being handled separately.\n", "RX-771-0402"),
    ],
)
def test_another_requests_number_is_not_proposed(text: str, want: str | None) -> None:
    assert propose(_letter(text)).value("authorization_number") == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # [t30-answered-apart] LUMAKRAS answered apart: the letter's decision is the other request's
        ("Authorisation request no. QA-IDH-27-0411-2:\n  MRI head (contrast) - APPROVED\n"
         "The LUMAKRAS request is being handled separately and will be answered in another letter.\n", None),
        ("Physiotherapy (10 sessions): approved.\nYour LUMAKRAS request will be decided in a separate letter.\n", None),
        # guards: a decision about LUMAKRAS with its details elsewhere; another drug answered apart
        ("Your request for LUMAKRAS (sotorasib) 120 mg has been approved. The details are in a separate letter.\n", "approved"),
        ("Your request for LUMAKRAS (sotorasib) 120 mg has been approved.\n"
         "The ondansetron request will be answered in another letter.\n", "approved"),
    ],
)
def test_a_letter_that_answers_lumakras_apart_has_no_outcome(text: str, want: str | None) -> None:
    assert propose(_letter(text)).value("outcome") == want


_DENIAL = "{head}\nYour request for LUMAKRAS (sotorasib) 120 mg is denied.\nReason: not a covered benefit.\n{appeal}\n"


@pytest.mark.parametrize(
    ("head", "appeal", "want"),
    [
        # [t30-window-order] a window counted from a dotted letter date whose order nothing on the letter shows
        ("Date: 06.05.2027", "You may appeal within 45 days from the date of this decision.", None),
        ("Issued 03.04.2027", "Appeals must reach us within 30 days of the date of this letter.", None),
        # guards: the order shown (a day over 12), a slashed US date, an appeal date given outright
        ("Date: 06.05.2027\nValid until 17.06.2027", "You may appeal within 45 days from the date of this decision.",
         date(2027, 6, 20)),
        ("Date: 06/05/2027", "You may appeal within 45 days from the date of this decision.", date(2027, 7, 20)),
        ("Date: 06.05.2027", "Any appeal must be received by 30 June 2027.", date(2027, 6, 30)),
    ],
)
def test_a_window_from_an_unsettled_letter_date_is_left_empty(head: str, appeal: str, want: date | None) -> None:
    p = propose(_letter(_DENIAL.format(head=head, appeal=appeal)))
    assert p.value("appeal_deadline") == want
