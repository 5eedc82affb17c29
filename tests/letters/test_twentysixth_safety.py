"""Issue 18, safety pass on the twenty-sixth letters set: letters of our own wording for each class of WRONG value
found there (an approval's rule about dispensing outside its period read as a denial, a Spanish birth date label
unread so another patient's letter passed, an ID card's number printed as "Card ID" / "Member Card No." beside a
policy number, a Portuguese letter's day-first dates said in Portuguese or not said at all, an insurer's name in
another language read as the patient's), and guards that must stay as they are."""

from __future__ import annotations

from datetime import date

import pytest

from priorauth.letters import card_number, french_dates, markup, patient_fields
from priorauth.letters.proposal import match, propose
from tests.letters.reading import fax as _fax
from tests.letters.reading import pdf as _pdf

# -- 1. an approval's rule about what falls outside its terms is no denial ---------------------------------------------
_APPROVAL = (
    "Larkmoor Friendly Society (fictitious)\n\n"
    "Notice date: 2 March 2027\n\n"
    "Member:        Odile Farrant-Quist\n"
    "Reference:     LFS-AP-5512-0093\n"
    "Medicine:      LUMAKRAS (sotorasib) 120mg tablets\n"
    "Valid:         05/03/2027 to 04/09/2027\n\n"
    "{rule}\n"
)


@pytest.mark.parametrize(
    "rule",
    [
        "Tablets supplied outside the approval period are not covered.",
        "Any supply after the authorised period will not be covered.",
        "Fills dispensed beyond the validity period are not approved.",
    ],
)
def test_a_rule_about_the_approval_period_is_never_a_denial(rule: str) -> None:
    for read in (_pdf, _fax):
        assert propose(read(_APPROVAL.format(rule=rule))).value("outcome") != "denied"


@pytest.mark.parametrize(
    ("statement", "value"),
    [
        ("Your request for LUMAKRAS is not covered under this plan.", "denied"),
        ("We have denied the request for LUMAKRAS.", "denied"),
    ],
)
def test_a_denial_of_this_request_stays_a_denial(statement: str, value: str) -> None:
    assert propose(_pdf(_APPROVAL.format(rule=statement).replace("Valid:", "Asked:"))).value("outcome") == value


# -- 2. a Spanish birth date label: read, so a letter about another patient is flagged ----------------------------------
_SPANISH = (
    "Aseguradora Cumbre Verde (ficticia)\n\n"
    "Afiliado:               Ramiro Etxeberria Solano\n"
    "Fecha de nacimiento:    {born}\n"
    "Medicamento:            LUMAKRAS 120 mg\n"
)


@pytest.mark.parametrize(
    ("born", "want"),
    [
        ("1961-04-27", date(1961, 4, 27)),
        ("27/04/1961 (dd/mm/aaaa)", date(1961, 4, 27)),
        ("04/03/1961 (día/mes/año)", date(1961, 3, 4)),  # the order note with its accents: day first
        ("04/03/1961 (dia/mes/ano)", date(1961, 3, 4)),
    ],
)
def test_a_spanish_birth_date_label_is_read(born: str, want: date) -> None:
    got = patient_fields.patient(markup.day_first(_SPANISH.format(born=born))).get("birth_date")
    assert got is not None and got.value == want


def test_another_birth_date_under_a_spanish_label_is_flagged() -> None:
    p = propose(_pdf(_SPANISH.format(born="1961-04-27")))
    case = {"name": "Ramiro Etxeberria Solano", "birth_date": date(1961, 7, 24)}
    assert "date of birth" in match(p, case)[0]
    assert match(p, {"name": "Ramiro Etxeberria Solano", "birth_date": date(1961, 4, 27)})[0] == []


# -- 3. an ID card's number, its words in the other order, over a policy number ----------------------------------------
@pytest.mark.parametrize(
    ("card_line", "want"),
    [
        ("TPA Card ID           : QRT-5561-20877", "QRT-5561-20877"),
        ("Member Card No.:        QX-M-40921-02", "QX-M-40921-02"),
        ("No. Kad Ahli / Member Card No.:  QX-M-40921-02", "QX-M-40921-02"),
        ("Health card number:     HC 77410 33", None),  # no ID card label the rule knows: the policy's stays
        ("Card No.:               4111 2222 3333", None),  # a bare card number (a payment card's): never the member's
    ],
)
def test_the_card_number_is_the_members_over_a_policy_number(card_line: str, want: str | None) -> None:
    text = f"Insured Person       : Halvard Teague\n{card_line}\nPolicy No.           : 7710/26/GRP/30118\n"
    got = patient_fields.patient(text).get("member_id")
    if want is None:
        assert card_number.CARD.search(card_line) is None
    else:
        assert got is not None and got.value == want


def test_a_member_id_under_its_own_label_stays_beside_a_card() -> None:
    text = "Member ID: ZZW-30014-9\nTPA Card ID: QRT-5561-20877\n"
    got = patient_fields.patient(text).get("member_id")
    assert got is not None and got.value == "ZZW-30014-9"


# -- 4. Portuguese dates are day first, said in Portuguese or not said ---------------------------------------------------
_PT = (
    "Companhia de Seguros Serra Clara (fictícia)\n\n"
    "{opening}\n\n"
    "Pessoa segura:        Sr. Duarte Valadares Pinto\n"
    "Data de nascimento:   {born}\n"
    "Assunto: pedido de autorização\n\n"
    "{closing}\n"
)


@pytest.mark.parametrize(
    ("opening", "closing", "born", "want"),
    [
        ("Lisboa, 3 de fevereiro de 2027", "Com os melhores cumprimentos,", "04-11-1952", date(1952, 11, 4)),
        ("(datas no formato dd/mm/aaaa)", "Atenciosamente,", "04/11/1952", date(1952, 11, 4)),
        ("Porto, 3 de fevereiro de 2027", "Atenciosamente,", "1952-04-11", date(1952, 4, 11)),  # ISO: never turned
    ],
)
def test_a_portuguese_letters_birth_date_is_day_first(opening: str, closing: str, born: str, want: date) -> None:
    text = markup.day_first(_PT.format(opening=opening, closing=closing, born=born))
    got = patient_fields.patient(text).get("birth_date")
    assert got is not None and got.value == want


@pytest.mark.parametrize(
    ("text", "day_first"),
    [
        ("Atenciosamente,\nThe Claims Team", False),  # one mark alone: an English letter quoting a word
        ("Data de nascimento: 04/11/1952\nAtenciosamente,", True),
        ("Data de nascimento: 04/11/1952 (mm/dd/yyyy)\nAtenciosamente,", False),  # month first said: as said
        ("Fecha de nacimiento: 04/11/1952\nAtentamente,", False),  # Spanish: US plans write month first
    ],
)
def test_the_languages_marks_decide_the_order(text: str, day_first: bool) -> None:
    assert french_dates.day_first(text) is day_first


# -- 5. an insurer's name in another language is never the patient's ---------------------------------------------------
@pytest.mark.parametrize(
    "company",
    ["PT Asuransi Kesehatan Lembah Hijau", "PT Takaful Sinar Timur", "PT Seguradora Monte Azul"],
)
def test_an_insurers_name_is_never_the_patients(company: str) -> None:
    text = f"{company} (fictitious)\nDivisi Klaim\n\nNama:   Sri Wahyuni Prasetyo\n"
    got = patient_fields.patient(text).get("name")
    assert got is None or not any(word in got.value for word in ("Asuransi", "Takaful", "Seguradora"))


def test_a_patient_abbreviated_pt_is_still_read() -> None:
    got = patient_fields.patient("Pt Lorna Beckwith-Oyelaran\nDOB 02/03/1961\n").get("name")
    assert got is not None and got.value == "Lorna Beckwith-Oyelaran"
