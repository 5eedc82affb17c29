"""Issue 18, safety pass on the twentieth letters set: letters of our own wording for each class of WRONG value
found there (a patient mismatch missed, a mismatch flagged on a misread, a value read half or from the wrong
place), and guards that must stay as they are."""

from __future__ import annotations

from datetime import date

import pytest

from priorauth.letters import fields, parts, patient
from priorauth.letters.proposal import match, propose
from tests.letters.reading import fax as _fax
from tests.letters.reading import pdf as _pdf


# -- 1. a date of birth whose label says its order ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "born"),
    [
        ("Sticker:\n  OKAFOR JUNE\n  Birth (yyyy mm dd)  1961 02 03\n", date(1961, 2, 3)),
        ("| Born (yyyy-mm-dd) 1961-11-04 |", date(1961, 11, 4)),
        ("DOB [MM/DD/YYYY]: 04/11/1961", date(1961, 4, 11)),
        ("Date of birth (dd.mm.yyyy) ..... 04.11.1961", date(1961, 11, 4)),
        ("Birth date (YYYY MM DD) 19610203", date(1961, 2, 3)),  # its blanks lost at fax
        ("Geburtsdatum / Birth (TT.MM.JJJJ): 05.02.1950", date(1950, 2, 5)),
    ],
)
def test_birth_in_the_order_its_label_says(text: str, born: date) -> None:
    assert fields.patient(text)["birth_date"].value == born


@pytest.mark.parametrize(
    "text",
    [
        "Birth (yy mm dd)  61 02 03",  # a two-digit year: the century is not said
        "Birth (yyyy mm mm)  1961 02 03",  # no day in the order said
        "Birth (yyyy mm dd)  1961 13 40",  # no such day
        "Birth (yyyy mm dd)  196102031",  # the digits do not add up to the order
    ],
)
def test_birth_order_guards(text: str) -> None:
    assert parts.birth(text) is None


def test_day_first_note_before_the_date_still_reads_the_day_first() -> None:
    text = "Patient: June Okafor\nDOB (DD/MM/YYYY) 07/03/1958\n"
    assert fields.patient(fields.day_first(text))["birth_date"].value == date(1958, 3, 7)


# -- 2. a name split into a surname and a given name ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Family name     First name     DOB\nOKONJO-BLAIR    Teodora        02/11/1949\n", "OKONJO-BLAIR Teodora"),
        ("  Surname      Given names     Plan number\n  Vasquez      Ines Maria      KX-44-1021\n", "Vasquez Ines Maria"),
        ("Last name: Abernethy\nFirst name: Rowan\nDOB: 06/30/1957\n", "Abernethy Rowan"),
        # at fax OCR keeps the cells, not their columns (and may add a mark to the header)
        ("Surname  Given name _ri Birth date  Member\nHALVORSEN  Britt  11.02.1950  KH-3301-7\n", "HALVORSEN Britt"),
    ],
)
def test_name_in_parts(text: str, name: str) -> None:
    assert fields.patient(text)["name"].value == name


@pytest.mark.parametrize(
    "text",
    [
        "Surname        Plan      DOB\nOKONJO-BLAIR   Gold      02/11/1949\n",  # no given-name column
        "Subscriber surname: Abernethy\nSubscriber first name: Rowan\n",  # the policyholder's
        "Surname        Given name\n12 Rue Haute   4471\n",  # a row that holds no name
    ],
)
def test_name_in_parts_guards(text: str) -> None:
    assert parts.name(text) is None


@pytest.mark.parametrize(
    ("letter", "case", "flagged"),
    [
        # another patient's birth on a printed label: flagged (the letter once proposed values for the wrong patient)
        (
            "NORTHFELL HEALTH\n\n3 May 2027\n\nLabel:\n  HAYWOOD-PRICE ANNIKA\n  Birth (yyyy mm dd)  1960 08 21\n\n"
            "LUMAKRAS (sotorasib) is not approved: the test was not an FDA-approved test.\n",
            {"name": "Annika Haywood-Price", "birth_date": date(1960, 8, 12)},
            True,
        ),
        # the same letter, this patient's birth: not flagged
        (
            "NORTHFELL HEALTH\n\n3 May 2027\n\nLabel:\n  HAYWOOD-PRICE ANNIKA\n  Birth (yyyy mm dd)  1960 08 21\n\n"
            "LUMAKRAS (sotorasib) is not approved: the test was not an FDA-approved test.\n",
            {"name": "Annika Haywood-Price", "birth_date": date(1960, 8, 21)},
            False,
        ),
        # a table's surname spelled another way (-ski / -sky): another person's record, flagged
        (
            "ELMSTEAD CARE\nApproval                      Issued 04.10.2027\n\n"
            "Surname        Given name     Birth date     Member\nKOWALEWSKI     Piotr          14.06.1955     EC-5512-09\n\n"
            "Result ......... APPROVED\n",
            {"name": "Piotr Kowalewsky", "birth_date": date(1955, 6, 14), "member_id": "EC-5512-09"},
            True,
        ),
        (
            "ELMSTEAD CARE\nApproval                      Issued 04.10.2027\n\n"
            "Surname        Given name     Birth date     Member\nKOWALEWSKI     Piotr          14.06.1955     EC-5512-09\n\n"
            "Result ......... APPROVED\n",
            {"name": "Piotr Kowalewski", "birth_date": date(1955, 6, 14), "member_id": "EC-5512-09"},
            False,
        ),
    ],
)
def test_patient_in_parts_is_compared(letter: str, case: dict[str, object], flagged: bool) -> None:
    p = propose(_pdf(letter), case)
    assert bool(p.mismatch) is flagged


# -- 3. a weakly read name: "b" read as "h" is a misread, "i" for "y" is another spelling -----------------------------
@pytest.mark.parametrize(
    ("weak", "want", "said"),
    [
        ("Rosalind Achehe-Moss", "Rosalind Achebe-Moss", None),  # b read as h: the same name
        ("Hollis Greenhank", "Hollis Greenbank", None),
        ("Piotr Kowalewski", "Piotr Kowalewsky", "name"),  # i / y: another spelling, another person
        ("Piotr Kowalewski", "Piotr Kowalewski", None),
        ("Rosalind Achebe-Moss", "Rosalind Atwood-Moss", "name"),  # another name still flagged
    ],
)
def test_weak_name_folds(weak: str, want: str, said: str | None) -> None:
    assert patient._weak_name(weak, want, confirmed=True) == said


def test_near_name_is_not_a_spelling_variant() -> None:
    read = {"name": "Leonie Dabrowski", "birth_date": "1950-01-02"}
    case = {"name": "Leonie Dabrowsky", "birth_date": date(1950, 1, 2)}
    assert patient.compare(read, case, ocr=True) == (["name"], [])
    read = {"name": "Leonie Dabrowskl", "birth_date": "1950-01-02"}  # l for i: OCR's
    case = {"name": "Leonie Dabrowski", "birth_date": date(1950, 1, 2)}
    assert patient.compare(read, case, ocr=True) == ([], ["name"])


# -- 4. a grouped member id the fax wrapped onto the next line -------------------------------------------------------
WRAPPED = (
    "KESTREL VALE HEALTH\n\n9 June 2027\n\nPatient Ottilie Brennan-Ashe, born 2 April 1953, member number KVH 07\n{rest}\n\n"
    "LUMAKRAS (sotorasib) 120 mg tablets: APPROVED from 06/10/2027 to 12/09/2027.\n"
)


@pytest.mark.parametrize(
    ("rest", "member"),
    [
        ("4410 239.", "KVH 07 4410 239"),
        ("4410 239", "KVH 07 4410 239"),
        ("4410 239 and is approved.", "KVH 07"),  # the line goes on in words: not the id's wrap
        ("Phone 555-0144", "KVH 07"),
    ],
)
def test_wrapped_member_id(rest: str, member: str) -> None:
    p = propose(_fax(WRAPPED.format(rest=rest)), None)
    assert p.patient.get("member_id") == member


def test_wrapped_member_id_matches_the_case() -> None:
    case = {"name": "Ottilie Brennan-Ashe", "birth_date": date(1953, 4, 2), "member_id": "KVH 07 4410 239"}
    p = propose(_fax(WRAPPED.format(rest="4410 239.")), case)
    assert not p.mismatch and match(p, case) == ([], [])
    other = {**case, "member_id": "KVH 07 4410 293"}
    assert propose(_fax(WRAPPED.format(rest="4410 239.")), other).mismatch == ["member id"]


def test_wrap_is_read_at_fax_only() -> None:
    assert propose(_pdf(WRAPPED.format(rest="4410 239.")), None).patient.get("member_id") == "KVH 07"


# -- 5. other wrong values ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "number"),
    [
        # a fax machine's transmission report: its job number is no authorization number
        ("TX REPORT\nJOB NO.    DEST            PAGES   RESULT\n0733       5550190         003     OK\n", None),
        ("JOB NO.: 1188\nFAX NO.: 5550172\n", None),
        # a slashed reference OCR split with a blank: never half of it
        ("Reference:  KRH/PA/27 11/0520\n", None),
        ("Reference:  KRH/PA/2711/0520\n", "KRH/PA/2711/0520"),  # guard: whole, it is read
        ("SA no.: 2207-41\n", "2207-41"),  # guard: a program's initials still name the request
    ],
)
def test_not_an_authorization_number(text: str, number: str | None) -> None:
    from priorauth.letters import tables

    hit = fields.authorization_number(text) or tables.read(fields.authorization_number, text)
    assert (hit.value if hit else None) == number


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("ALDER RISE HEALTH · APPEAL OUTCOME · 4 November 2027\n\nTable:\n  12 Jun 2027   AR-1   asked\n", date(2027, 11, 4)),
        ("ALDER RISE HEALTH | RENEWAL DECISION | 4 November 2027\n", date(2027, 11, 4)),
        ("ALDER RISE HEALTH : RENEWAL DECISION - 4 November 2027\n", date(2027, 11, 4)),  # at fax
        # guards: a heading's other dates are not the letter's
        ("ALDER RISE HEALTH · valid until 4 November 2027\n\n1 March 2027\n", date(2027, 3, 1)),
        ("ALDER RISE HEALTH · page 2 · 4 November 2027\n\n1 March 2027\n", date(2027, 3, 1)),
        ("D.O.B. - 8/14/61\n\n1 March 2027\n", date(2027, 3, 1)),  # a birth date, never the letter's
    ],
)
def test_heading_date(text: str, day: date) -> None:
    assert fields.letter_date(text).value == day


@pytest.mark.parametrize(
    ("text", "start"),
    [
        # a French note of the order after a date, its opening bracket lost at fax
        ("Né le : 08/09/1948 JJ/MM/AAAA)\nPériode : du 01/02/2027 au 31/07/2027\n", date(2027, 2, 1)),
        ("Né le : 08/09/1948 (JJ/MM/AAAA)\nPériode : du 01/02/2027 au 31/07/2027\n", date(2027, 2, 1)),
    ],
)
def test_day_first_note_without_its_bracket(text: str, start: date) -> None:
    assert "02/01/2027" in fields.day_first(text)
    assert start.month == 2


def test_day_first_guard_note_needs_a_date_before_it() -> None:
    text = "Format JJ/MM/AAAA) below\nPeriod: 01/02/2027 to 07/31/2027\n"
    assert fields.day_first(text) == text


# -- 6. an X12 message segment the fax wrapped; a dot OCR read for a blank in a requested item ---------------------
X12 = (
    "ST*278*0441~\nHL*4*3*EV*0~\nHCR*A3*GVH27190X0042*N2~\n"
    "MSG*NOT CERTIFIED - STAGE IB DISEASE AFTER RESECTION IS NOT AN\n{tail}"
    "MSG*FOR LUMAKRAS UNDER POLICY ONC-22~\nMSG*AN APPEAL MAY BE FILED WITHIN 60 DAYS~\nSE*9*0441~\n"
)


@pytest.mark.parametrize(
    ("tail", "reason"),
    [
        ("APPROVED INDICATION ~\n", "NOT CERTIFIED - STAGE IB DISEASE AFTER RESECTION IS NOT AN APPROVED INDICATION FOR LUMAKRAS UNDER POLICY ONC-22"),
        ("APPROVED INDICATION~\n", "NOT CERTIFIED - STAGE IB DISEASE AFTER RESECTION IS NOT AN APPROVED INDICATION FOR LUMAKRAS UNDER POLICY ONC-22"),
        # guard: a next line that opens a segment is not the message's wrap (the unfinished segment is not read)
        ("DTP*472*D8*20270719~\n", "FOR LUMAKRAS UNDER POLICY ONC-22"),
    ],
)
def test_wrapped_x12_message(tail: str, reason: str) -> None:
    assert fields.denial_reason(X12.format(tail=tail)).value == reason


RFI = (
    "HOLLYMEAD HEALTH\n\n5 May 2027\n\nPatient: Corin Ashdown    DOB 03/04/1952\n\n"
    "Your LUMAKRAS request is pended. Please send:\n* {item}\n* the KRAS G12C test report\n"
)


@pytest.mark.parametrize(
    ("item", "fax", "read"),
    [
        ("oncology notes.describing the treatment so far", True, "oncology notes describing the treatment so far"),
        ("oncology notes.describing the treatment so far", False, "oncology notes.describing the treatment so far"),  # text layer: as printed
        ("the form from portal.hollymead.org", True, "the form from portal.hollymead.org"),  # an address: as read
    ],
)
def test_dot_for_a_blank_in_a_requested_item(item: str, fax: bool, read: str) -> None:
    text = RFI.format(item=item)
    p = propose(_fax(text) if fax else _pdf(text), None)
    assert read in [r["item"] for r in p.requested]
