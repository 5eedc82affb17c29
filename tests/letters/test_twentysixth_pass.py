"""Issue 18, the twenty-sixth pass (the twenty-seventh set's empty values and its fax gap, by class): letters of our own
wording for each class, with the guards that keep each from a false value."""

from __future__ import annotations

import re
from datetime import date

import pytest

from priorauth.letters import (
    dates,
    fields,
    insured_labels,
    letter_dates,
    misread,
    missing_glyphs,
    patient_fields,
    period_shapes,
    request_number,
    requested_items,
    several_drugs,
)
from tests.letters.reading import outcome_of


def _letter(body: str) -> str:
    return (
        "Oakridge Mutual Benefit Society (fictitious)\n\n"
        "Medicine:   LUMAKRAS (sotorasib) 120 mg tablets\n\n"
        f"{body}\n\n"
        "Regards,\nThe medicines office\n"
    )


# -- 1. a decision stated in the twenty-seventh set's languages ------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Wniosek pacjenta został rozpatrzony pozytywnie przez komisję.", "approved"),  # Polish
        ("Wniosek pacjenta zosta■ rozpatrzony pozytywnie.", "approved"),  # (a box for the font's missing letter)
        ("Wniosek pacjenta nie został rozpatrzony pozytywnie.", "denied"),
        ("Wniosek pacjenta został rozpatrzony negatywnie.", "denied"),
        ("Etter vurdering innvilger vi dekning av legemidlet.", "approved"),  # Norwegian
        ("Vi avslår søknaden om dekning.", "denied"),
        ("Odobrava se zahtjev za lijek.", "approved"),  # Croatian
        ("Odbija se zahtjev osigurane osobe za lijek.", "denied"),
        ("Zahtev se ODBIJA u celosti.", "denied"),  # Serbian
        ("Poisťovňa žiadosti vyhovuje v celom rozsahu.", "approved"),  # Slovak
        ("Poisťovňa žiadosti nevyhovuje.", "denied"),
        ("Sprendimas priimtas: prašymas patenkintas.", "approved"),  # Lithuanian
        ("Sprendimas priimtas: prašymas atmestas.", "denied"),
        ("Nous regrettons : la demande de remboursement ne peut être acceptée.", "denied"),  # French
        ("Objet : REFUS DE PRISE EN CHARGE - LUMAKRAS", "denied"),
        ("Objet : ACCORD DE PRISE EN CHARGE - LUMAKRAS", "approved"),
        ("Su expediente se mantiene en espera hasta recibir el informe.", "pended"),  # Spanish
        ("Le dossier est suspendu jusqu'à réception du compte rendu.", "pended"),  # French
        ("The panel read the file and needs the following before deciding:\n- the latest scan report", "pended"),
        ("We cannot proceed until we receive the biopsy report.", "pended"),
    ],
)
def test_a_decision_in_the_new_languages(sentence: str, value: str) -> None:
    assert outcome_of(_letter(sentence)) == value


@pytest.mark.parametrize(
    "sentence",
    [
        "Jeżeli wniosek zostanie rozpatrzony pozytywnie, poinformujemy lekarza.",  # a condition
        "Dersom vi innvilger dekning, sender vi et nytt brev.",
        "Ako se odobrava zahtjev, lijek se izdaje u ljekarni.",
        "Si la demande ne peut être acceptée, vous recevrez un courrier.",
        "Objet : demande de prise en charge - LUMAKRAS",  # a subject that decides nothing
    ],
)
def test_a_condition_or_a_bare_subject_decides_nothing(sentence: str) -> None:
    assert outcome_of(_letter(sentence)) is None


def test_an_authorization_form_names_what_it_authorizes() -> None:
    assert outcome_of(_letter("Servicio autorizado:   SOTORASIB 120 MG (LUMAKRAS)\nCantidad:  60")) == "approved"
    # another drug's field, or a negated one, says nothing
    assert outcome_of(_letter("Servicio autorizado:   ONDANSETRON 8 MG")) is None
    assert outcome_of(_letter("Servicio no autorizado:   SOTORASIB 120 MG")) is None


def test_a_spanish_table_cell_decides_its_row() -> None:
    text = (
        "| # | Medicamento | Resultado |\n"
        "| 1 | Metoclopramida 10 mg tabletas | NEGADO |\n"
        "| 2 | LUMAKRAS 120 mg tabletas | APROBADO |\n"
    )
    assert [(hit.value, ours) for _, hit, ours in several_drugs.items(text)] == [("denied", False), ("approved", True)]
    assert [hit.value for _, hit, _ in several_drugs.items("| 1 | LUMAKRAS 120 mg tabletas | NO APROBADO |")] == ["denied"]


# -- 2. the request's number under the new labels ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("Broj zahtjeva: ZG-RQ-2031-77", "ZG-RQ-2031-77"),
        ("Broj predmeta: BG-44-09/118", "BG-44-09/118"),
        ("Številka vloge: LJ-VL-2031-0042", "LJ-VL-2031-0042"),
        ("No. de autorización: 2031-QX-0091", "2031-QX-0091"),
        ("Trámite N.º MVD-2031-11-0203", "MVD-2031-11-0203"),
        ("Referencia: CR-GM-31-0777", "CR-GM-31-0777"),
        ("Réf. dossier : DK-31/AB-0012", "DK-31/AB-0012"),
        ("N° de demande de prise en charge : CAS/PEC/2031/0044", "CAS/PEC/2031/0044"),
        ("Concerne : demande d'autorisation préalable n° BXL-AP-2031-0007", "BXL-AP-2031-0007"),
        ("Subject: RE: query | Ref KTM/PA/31/0090 | LUMAKRAS", "KTM/PA/31/0090"),
    ],
)
def test_the_number_under_the_new_labels(line: str, number: str) -> None:
    assert any(m.group("v") == number for r in request_number._NUMBER_RES for m in r.finditer(line))


def test_the_senders_own_reference_is_no_number() -> None:
    assert not any(
        m.group("v") == "AB-7781-2031" for r in request_number._NUMBER_RES for m in r.finditer("Su referencia: AB-7781-2031")
    )


# -- 3. dates, periods and appeal windows ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("4. mars 2031", date(2031, 3, 4)),  # Norwegian
        ("9. desember 2031", date(2031, 12, 9)),
        ("21. júna 2031", date(2031, 6, 21)),  # Slovak
        ("2. rujna 2031", date(2031, 9, 2)),  # Croatian
        ("17. avgusta 2031", date(2031, 8, 17)),  # Serbian
        ("6 lipca 2031", date(2031, 7, 6)),  # Polish
    ],
)
def test_month_names_of_the_new_languages(written: str, day: date) -> None:
    assert dates.parse(written) == day


def test_a_month_name_two_languages_read_differently_is_not_read() -> None:
    assert dates.parse("8. listopada 2031") is None  # October in Croatian, November in Polish
    assert dates.parse("8 listopada 2031") is None


@pytest.mark.parametrize(
    ("line", "start", "end"),
    [
        ("Okres refundacji: od 22.04.2031 r. do 21.10.2031 r.", date(2031, 4, 22), date(2031, 10, 21)),
        ("Laikotarpis: nuo 2031-01-15 iki 2031-07-14", date(2031, 1, 15), date(2031, 7, 14)),
        ("Vigencia: desde 2031/02/01 hasta 2031/04/30", date(2031, 2, 1), date(2031, 4, 30)),
        ("Gyldighet: fra og med 3. mars 2031 til og med 2. september 2031", date(2031, 3, 3), date(2031, 9, 2)),
    ],
)
def test_a_validity_in_the_new_languages(line: str, start: date, end: date) -> None:
    found = period_shapes.period(line)
    assert found is not None and found[0] is not None and found[1] is not None
    assert (found[0].value, found[1].value) == (start, end)


@pytest.mark.parametrize(
    "line",
    [
        "Okres refundacji: od 05.04.2031 r. do 04.03.2031 r.",  # an end before its start
        "Okres refundacji: od 03.04.2031 r. do 04.05.2031 r.",  # neither date shows its order
        "Vigencia: desde 2031/02/01 hasta 30.04.2031",  # two orders in one range
    ],
)
def test_a_validity_whose_order_is_not_settled_is_not_read(line: str) -> None:
    assert period_shapes.period(line) is None


def test_a_dateline_with_a_year_word_and_a_foreign_format_note() -> None:
    found = letter_dates.letter_date("Oakridge Mutual\n\nNovi Sad, 23.6.2031. godine\n\nRe: the request\n")
    assert found is not None and found.value == date(2031, 6, 23)
    found = letter_dates.letter_date("Oakridge Mutual\n\nRabat, le 04/07/2031 (dates au format JJ/MM/AAAA)\n\nObjet : demande\n")
    assert found is not None and found.value == date(2031, 7, 4)


def test_a_birth_date_in_a_last_column_is_never_the_letters_date() -> None:
    text = "Oakridge Mutual\n\nAdhérent :        Karim Benali\nDate de naissance :       14/09/1961\n\nObjet : demande\n"
    found = letter_dates.letter_date(text)
    assert found is None or found.value.year != 1961


@pytest.mark.parametrize(
    ("sentence", "deadline"),
    [
        ("Protiv ovog rješenja žalba se podnosi u roku od 15 dana od dana donošenja rješenja.", date(2031, 7, 8)),
        ("Un recours est possible dans les 30 jours suivant la date du présent courrier.", date(2031, 7, 23)),
    ],
)
def test_appeal_windows_of_the_new_languages(sentence: str, deadline: date) -> None:
    hit, _ = fields.appeal_deadline(sentence, date(2031, 6, 23))
    assert hit is not None and hit.value == deadline


def test_a_window_from_delivery_or_an_unsure_order_is_not_counted() -> None:
    hit, _ = fields.appeal_deadline("Prigovor se podnosi u roku od 15 dana od dana prijema rješenja.", date(2031, 6, 23))
    assert hit is None
    # 5 June or 6 May: a South Slavic window is counted only from a date whose order cannot matter
    hit, _ = fields.appeal_deadline("Žalba se podnosi u roku od 15 dana od dana donošenja rješenja.", date(2031, 6, 5))
    assert hit is None


# -- 4. the patient under the new labels ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Ubezpieczony:      Pan Marek Jan Kowalczyk", "Marek Jan Kowalczyk"),
        ("Forsikret:         Sigrid Aas", "Sigrid Aas"),
        ("Osiguranik:        Ivan Horvat", "Ivan Horvat"),
        ("Participante :     Mme Awa Ndiaye", "Awa Ndiaye"),
    ],
)
def test_a_name_under_the_new_labels(line: str, name: str) -> None:
    m = insured_labels.NAME.search(line)
    assert m is not None and m.group("v") == name


def test_a_name_with_a_box_is_not_read() -> None:
    assert insured_labels.NAME.search("Ubezpieczony:      Marek Wi■niewski") is None


def test_an_ethiopian_title_is_no_part_of_the_name() -> None:
    m = patient_fields._NAME.search("Insured:      W/ro Almaz Tesfaye Gebre\n")
    assert m is not None and m.group("v") == "Almaz Tesfaye Gebre"


@pytest.mark.parametrize(
    ("line", "member"),
    [
        ("Nr klienta:        PL-KL-7700312", "PL-KL-7700312"),
        ("Forsikringsnr.:    NO-5512-0093", "NO-5512-0093"),
        ("N° d'immatriculation : IMM-7712-31", "IMM-7712-31"),
        ("Cédula:            2-0411-0918", "2-0411-0918"),
    ],
)
def test_a_member_number_under_the_new_labels(line: str, member: str) -> None:
    m = insured_labels.MEMBER_ID.search(line)
    assert m is not None and m.group("v") == member


def test_a_group_policy_number_is_no_member_number() -> None:
    assert insured_labels.MEMBER_ID.search("Nr polisy:         GR-2031-0044") is None


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Data urodzenia:    21.08.1958 r.", date(1958, 8, 21)),
        ("Fødselsdato:       30.01.1962", date(1962, 1, 30)),
        ("Gimimo data:       1959-12-03", date(1959, 12, 3)),
        ("Fecha nacimiento:  1963/05/27", date(1963, 5, 27)),
    ],
)
def test_a_birth_date_under_the_new_labels(line: str, day: date) -> None:
    found = insured_labels.birth(line, False)
    assert found is not None and found.value == day


# -- 5. requested items in Spanish ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("intro", ["Para seguir, favor remitir:", "Para decidir es necesario que nos aporte:"])
def test_a_spanish_list_of_what_is_asked(intro: str) -> None:
    assert requested_items._ASK.search(intro)


# -- 6. the fax gap and the font's boxes ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("word", "read"),
    [("žiadosti", "ziadosti"), ("prašymas", "PRASYMAS"), ("prašymas", "pra8ymas"), ("être", "é6tre"), ("être", "etre")],
)
def test_a_fax_reads_central_european_marks_plainly(word: str, read: str) -> None:
    assert re.fullmatch(misread.marked(word), read, re.I)


def test_a_mark_stands_only_where_the_word_has_it() -> None:
    assert not re.fullmatch(misread.marked("žiadosti"), "ziadost8", re.I)


@pytest.mark.parametrize(
    ("value", "unprinted"),
    [
        ("the drug is not indika■ný for this use", True),  # a letter the font lacked, inside a word
        ("Reason: not covered  ■", False),  # a ticked box's square, alone
        ("the drug is not listed on the formulary", False),
    ],
)
def test_a_box_inside_a_word_is_not_the_letters_words(value: str, unprinted: bool) -> None:
    assert missing_glyphs.unprinted(value) is unprinted


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("Estado  ‘ DENEGADO", "denied"),  # a colon a fax read as a quote mark between blanks
        ("Nidurstaéa: Umsokn er SYNJAD.", "denied"),  # the Icelandic ð and ó a fax read as é and o
        ("Resultado de la evaluaci6n: APROBADO.", "approved"),  # ó read as 6
    ],
)
def test_a_decision_label_as_a_fax_reads_it(line: str, value: str) -> None:
    assert outcome_of(_letter(line)) == value


def test_a_quote_mark_inside_a_value_is_no_separator() -> None:
    assert outcome_of(_letter("Estado del recurso ‘ DENEGADO")) is None  # another thing's status


def test_a_number_label_whose_colon_a_fax_lost() -> None:
    line = "N° de autorizacion  QX-AC-31-000817  | Estado  ‘ AUTORIZADO"
    assert any(m.group("v") == "QX-AC-31-000817" for r in request_number._NUMBER_RES for m in r.finditer(line))
