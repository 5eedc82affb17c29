"""Issue 18, the twenty-seventh pass (the twenty-eighth set's empty values and its fax gap, by class): letters of our own
wording for each class, with the guards that keep each from a false value."""

from __future__ import annotations

import re
from datetime import date

import pytest

from priorauth.letters import (
    dates,
    fields,
    granted_quantity,
    insured_labels,
    letter_dates,
    misread,
    missing_glyphs,
    patient_fields,
    period_shapes,
    request_number,
    requested_items,
    stray_label,
    unsure_items,
)
from tests.letters.reading import outcome_of


def _letter(body: str) -> str:
    return (
        "Birchfield Mutual Benefit Society (fictitious)\n\n"
        "Medicine:   LUMAKRAS (sotorasib) 120 mg tablets\n\n"
        f"{body}\n\n"
        "Regards,\nThe medicines office\n"
    )


# -- 1. a decision stated in the twenty-eighth set's wordings ------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "value"),
    [
        pytest.param("Hakemus hyväksytään ja maksusitoumus annetaan.", "approved", id="l27-fi-passive"),
        pytest.param("Hakemus hylätään, koska ehdot eivät täyty.", "denied", id="l27-fi-denied"),
        pytest.param("Hakemusta ei hyväksytä.", "denied", id="l27-fi-negated"),
        pytest.param("Wir bestätigen, dass wir die Kosten für das Medikament übernehmen.", "approved", id="l27-de-costs"),
        pytest.param("Wir bedauern, dass wir die Kosten nicht übernehmen können.", "denied", id="l27-de-costs-not"),
        pytest.param("Le informamos que el tratamiento ha sido AUTORIZADO.", "approved", id="l27-es-autorizado"),
        pytest.param("Le informamos que el tratamiento no ha sido autorizado.", "denied", id="l27-es-not-autorizado"),
        pytest.param("A kérelmet elutasítjuk, mert nem felel meg.", "denied", id="l27-hu-first-person"),
        pytest.param("Cererea de rambursare a fost respinsă.", "denied", id="l27-ro-kind-named"),
        pytest.param("Cererea de rambursare a fost aprobată.", "approved", id="l27-ro-kind-approved"),
        pytest.param("Après examen, l'avis du médecin-conseil est défavorable.", "denied", id="l27-fr-avis"),
        pytest.param("Objet : demande de remboursement - DÉCISION DE REFUS", "denied", id="l27-fr-subject"),
        pytest.param("APPROVAL OF PRE-AUTHORISATION\nReference: BMS-PA-31-0042", "approved", id="l27-en-heading"),
        pytest.param("La richiesta rimane sospesa fino al ricevimento del referto.", "pended", id="l27-it-sospesa"),
        pytest.param("Permohonan belum dapat kami proses. Mohon dilengkapi:\n- hasil tes", "pended", id="l27-id-belum"),
        pytest.param("Til að afgreiða umsóknina vantar:\n- niðurstöðu prófs", "pended", id="l27-is-vantar"),
        pytest.param("Ombi / Please provide the following:\n- the test report", "pended", id="l27-en-provide"),
    ],
)
def test_a_decision_in_the_new_wordings(body: str, value: str) -> None:
    assert outcome_of(_letter(body)) == value


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("Sotorasib ha sido autorizado para el tratamiento de tumores con KRAS G12C.", id="l27-g-indication"),
        pytest.param("Falls wir die Kosten übernehmen, erhalten Sie einen Bescheid.", id="l27-g-de-condition"),
        pytest.param("Si el tratamiento ha sido autorizado, recibirá una carta.", id="l27-g-es-condition"),
        pytest.param("L'avis du médecin-conseil sera communiqué plus tard.", id="l27-g-fr-avis-noun"),
        pytest.param("If you appeal, please provide the following: your notes.", id="l27-g-en-appeal"),
        pytest.param("Approval of pre-authorisation requests takes ten days.", id="l27-g-en-sentence"),
    ],
)
def test_a_condition_an_indication_or_a_noun_decides_nothing(body: str) -> None:
    assert outcome_of(_letter(body)) is None


# -- 2. decision labels -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "value"),
    [
        pytest.param("Durum                    : ONAYLANDI", "approved", id="l27-tr-durum"),
        pytest.param("Otsus: KOOSKÕLASTATUD. Kindlustus hüvitab kulud.", "approved", id="l27-et-value"),
        pytest.param("Otsus: mitte kooskõlastatud.", "denied", id="l27-et-negated"),
        pytest.param("ESTADO: OBSERVADA", "pended", id="l27-pe-observada"),
        pytest.param("DICTAMEN: NO AUTORIZADO", "denied", id="l27-es-no-autorizado"),
        pytest.param("Uamuzi / Decision: REJECTED", "denied", id="l27-gloss-label"),
        pytest.param("Décision / Decision: ACCORDÉ / APPROVED", "approved", id="l27-gloss-both"),
    ],
)
def test_a_decision_label_in_the_new_languages(line: str, value: str) -> None:
    assert outcome_of(_letter(line)) == value


def test_a_gloss_before_another_label_decides_nothing() -> None:
    assert outcome_of(_letter("Tarehe / Date: 22 April 2031")) is None


# -- 3. the request's number under the new labels ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "number"),
    [
        pytest.param("Maksusitoumuksen nro:        BM-2031-0042", "BM-2031-0042", id="l27-fi"),
        pytest.param("Teema:   Eelkooskõlastus - OTSUS nr BK-31/0077", "BK-31/0077", id="l27-et"),
        pytest.param("Kibali / Commitment no.: BC-31-4471", "BC-31-4471", id="l27-gloss"),
        pytest.param("Geschäftszahl: GZ 31/0042-ONK", "GZ 31/0042-ONK", id="l27-at"),
        pytest.param("Nomor        : BIR-PRA-31-0091", "BIR-PRA-31-0091", id="l27-id"),
        pytest.param("Solicitud de carta de garantía N°: CG-31-0042", "CG-31-0042", id="l27-pe"),
        pytest.param("N° Solicitud:          BIR-31-00044", "BIR-31-00044", id="l27-cl"),
        pytest.param("Protocolo nº:             PRT-31-0042", "PRT-31-0042", id="l27-br"),
        pytest.param("Sagsnr.: BM-SF-31-0042", "BM-SF-31-0042", id="l27-dk"),
        pytest.param("Réf. demande:      BIR-AP-31-0042", "BIR-AP-31-0042", id="l27-fr"),
        pytest.param("Ugyszam:  BM-2031/00042", "BM-2031/00042", id="l27-hu-fax"),
        pytest.param("Malsnumer: 3104-0042", "3104-0042", id="l27-is-fax"),
        pytest.param("Aanvraagnummer AV-31-0042", "AV-31-0042", id="l27-nl-gap-closed"),
    ],
)
def test_the_number_under_the_new_labels(line: str, number: str) -> None:
    assert any(m.group("v") == number for r in request_number._NUMBER_RES for m in r.finditer(line))


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("Nomor Kartu Peserta: 0001-4471-09", id="l27-g-card"),
        pytest.param("N° de afiliado:        AF-7712093", id="l27-g-member"),
        pytest.param("Vakuutusnumero:              41-882017-3", id="l27-g-fi-member"),
        pytest.param("Geschäftszahl: GZ", id="l27-g-letters-alone"),
    ],
)
def test_a_members_number_is_no_request_number(line: str) -> None:
    assert not any(r.search(line) for r in request_number._NUMBER_RES)


# -- 4. appeal windows and a dateline --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "deadline"),
    [
        pytest.param("Objections may be lodged within 30 days of the date of this letter.", date(2031, 5, 21), id="l27-objections"),
        pytest.param("The insured may file a grievance within 15 days from the date of this letter.", date(2031, 5, 6), id="l27-grievance"),
        pytest.param("Podrá apelar dentro de los 30 días corridos desde la fecha de la presente.", date(2031, 5, 21), id="l27-es-apelar"),
        pytest.param("O beneficiário pode solicitar reanálise no prazo de 10 dias contados da data desta notificação.", date(2031, 5, 1), id="l27-br"),
        pytest.param("Dien dan binnen zes weken na de datum van deze brief een bezwaar in.", date(2031, 6, 2), id="l27-nl-weeks"),
        pytest.param("Sie können innerhalb von 4 Wochen ab dem Datum dieses Schreibens Einspruch erheben.", date(2031, 5, 19), id="l27-de-weeks"),
    ],
)
def test_appeal_windows_of_the_new_wordings(sentence: str, deadline: date) -> None:
    hit, _ = fields.appeal_deadline(sentence, date(2031, 4, 21))
    assert hit is not None and hit.value == deadline


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("Sie können innerhalb von 4 Wochen ab Zugang dieses Schreibens Einspruch erheben.", id="l27-g-de-receipt"),
        pytest.param("Binnen zes weken na ontvangst van deze brief kunt u bezwaar maken.", id="l27-g-nl-receipt"),
        pytest.param("Podrá apelar dentro de los 30 días hábiles desde la fecha de la presente.", id="l27-g-es-working-days"),
        pytest.param("Send the records within 14 days from the date of this letter.", id="l27-g-send"),
        pytest.param("Innerhalb von 4 Wochen ab dem Datum dieses Schreibens senden Sie uns den Befund.", id="l27-g-de-send"),
    ],
)
def test_a_window_from_receipt_in_working_days_or_to_send_papers_is_not_counted(sentence: str) -> None:
    hit, _ = fields.appeal_deadline(sentence, date(2031, 4, 21))
    assert hit is None


def test_an_austrian_dateline_and_its_month() -> None:
    found = letter_dates.letter_date("Birchfield Mutual\n\n                 Wien, am 14. Jänner 2031\n\nBetrifft: Ansuchen\n")
    assert found is not None and found.value == date(2031, 1, 14)
    assert dates.parse("14. Janner 2031") == date(2031, 1, 14)  # a fax's "ä" read plain


@pytest.mark.parametrize(("written", "day"), [("29 Maret 2031", date(2031, 3, 29)), ("1 Agustus 1963", date(1963, 8, 1))])
def test_indonesian_months(written: str, day: date) -> None:
    assert dates.parse(written) == day


# -- 5. what is asked ------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "intro",
    [
        pytest.param("Vi mangler følgende oplysninger:", id="l27-dk"),
        pytest.param("per poterci esprimere ci occorrono:", id="l27-it"),
        pytest.param("Dengan hormat, mohon dilengkapi:", id="l27-id"),
        pytest.param("Para continuar la evaluación, sírvase remitir:", id="l27-pe"),
        pytest.param("Til að afgreiða umsóknina vantar:", id="l27-is"),
    ],
)
def test_a_list_of_what_is_asked_in_the_new_languages(intro: str) -> None:
    assert requested_items._ASK.search(intro)


def test_a_document_status_list_asks_for_its_open_rows() -> None:
    text = (
        "DOCUMENT STATUS\n"
        "1. Completed request form ................ RECEIVED\n"
        "2. Biopsy report ........................ OUTSTANDING\n"
        "3. Treatment summary .................... OUTSTANDING\n"
    )
    assert [h.value for h in requested_items._leader_rows(text)] == ["Biopsy report", "Treatment summary"]
    # a list whose rows are all received asks for nothing; one row alone is no list
    assert requested_items._leader_rows(text.replace("OUTSTANDING", "RECEIVED")) == []
    assert requested_items._leader_rows("2. Biopsy report ........ OUTSTANDING\n") == []


@pytest.mark.parametrize(
    ("confidences", "text", "asked", "doubtful"),
    [
        pytest.param([0.88, 0.95], "plain words", "sírvase remitir:", True, id="l27-marked-ask-unsure"),
        pytest.param([0.95, 0.92], "plain words", "sírvase remitir:", False, id="l27-g-all-sure"),
        pytest.param([0.80], "plain words", "Please provide the following:", False, id="l27-g-english"),
        pytest.param([0.80], "médico clínico está aquí según", "", True, id="l27-marks-read"),
    ],
)
def test_a_list_read_unsurely_in_a_language_with_marks(
    confidences: list[float], text: str, asked: str, doubtful: bool
) -> None:
    assert unsure_items.doubtful(confidences, text, True, asked) is doubtful
    assert unsure_items.doubtful(confidences, text, False, asked) is False  # a text layer is read as printed


# -- 6. the patient under the new labels ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "name"),
    [
        pytest.param("Kindlustatu:               Mari Tamm", "Mari Tamm", id="l27-et"),
        pytest.param("Naam verzekerde:          Pieter de Vries", "Pieter de Vries", id="l27-nl"),
        pytest.param("Titulaire:              Mme Anne Lambert", "Anne Lambert", id="l27-be"),
        pytest.param("Biztosított neve:         Nagy Anna", "Nagy Anna", id="l27-hu"),
        pytest.param("Assicurata:               Signora Laura Conti", "Laura Conti", id="l27-it"),
        pytest.param("Nama Peserta     : Dewi Lestari", "Dewi Lestari", id="l27-id"),
        pytest.param("Limur:              Sámal Joensen", "Sámal Joensen", id="l27-fo"),
    ],
)
def test_a_name_under_the_new_labels(line: str, name: str) -> None:
    m = insured_labels.NAME.search(line)
    assert m is not None and m.group("v") == name


@pytest.mark.parametrize(
    ("line", "member"),
    [
        pytest.param("Kindlustatu nr:            BM-550721", "BM-550721", id="l27-et"),
        pytest.param("N° d'affilié:           118-2270491-55", "118-2270491-55", id="l27-be"),
        pytest.param("Biztosítotti azonosító: HU-BM-442019", "HU-BM-442019", id="l27-hu"),
        pytest.param("Biztositotti azonosit6: HU-BM-442019", "HU-BM-442019", id="l27-hu-fax"),
        pytest.param("Cod asigurat:              RO-BM-77210", "RO-BM-77210", id="l27-ro"),
        pytest.param("N. assicurato:            BM-6601-1873", "BM-6601-1873", id="l27-it"),
        pytest.param("No. Peserta      : BM-0772-40193", "BM-0772-40193", id="l27-id"),
        pytest.param("Cédigo de asegurado: BM-3301-88214", "BM-3301-88214", id="l27-pe-fax"),
        pytest.param("Limanummar:         BM-30412-2", "BM-30412-2", id="l27-fo"),
    ],
)
def test_a_member_number_under_the_new_labels(line: str, member: str) -> None:
    m = insured_labels.MEMBER_ID.search(line)
    assert m is not None and m.group("v") == member


def test_a_card_number_in_dotted_groups() -> None:
    m = insured_labels.DOTTED_MEMBER_ID.search("Nº da carteirinha:        8840.0192.7003")
    assert m is not None and m.group("v") == "8840.0192.7003"
    assert insured_labels.DOTTED_MEMBER_ID.search("Nº da carteirinha:        12.05.1961") is None  # a date is no card


@pytest.mark.parametrize(
    ("line", "day"),
    [
        pytest.param("Sünniaeg:                  21.07.1961", date(1961, 7, 21), id="l27-et"),
        pytest.param("Føðingardagur:      24.08.1962", date(1962, 8, 24), id="l27-fo"),
        pytest.param("Születési id■:            1961. 09. 30.", date(1961, 9, 30), id="l27-hu-box"),
        pytest.param("Fødselsdato:         05-11-1958 (dd-mm-åååå)", date(1958, 11, 5), id="l27-noted-day-first"),
    ],
)
def test_a_birth_date_under_the_new_labels(line: str, day: date) -> None:
    found = insured_labels.birth(line, False)
    assert found is not None and found.value == day


def test_a_birth_date_under_a_short_spanish_label() -> None:
    for label in ("F. nacimiento:", "Fecha de nac.:", "Fecha nacimiento:"):
        got = patient_fields.patient(f"Asegurado:   Rosa Quispe\n{label}   05/27/1961\n")
        assert got["birth_date"].value == date(1961, 5, 27), label


def test_a_note_that_says_month_first_reads_nothing_day_first() -> None:
    assert insured_labels._BIRTH_NOTED.search("Fødselsdato:   05-11-1958 (mm-dd-yyyy)") is None


# -- 7. the font's boxes and a fax's stray underscore ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "unprinted"),
    [
        pytest.param("a gyógyszer nem téríthet■. A döntés ellen", True, id="l27-box-ends-word"),
        pytest.param("Reason: not covered  ■", False, id="l27-g-box-alone"),
        pytest.param("■ Approved", False, id="l27-g-box-before"),
    ],
)
def test_a_box_ending_a_word_is_a_letter_the_font_lacked(value: str, unprinted: bool) -> None:
    assert missing_glyphs.unprinted(value) is unprinted


@pytest.mark.parametrize(
    ("line", "read"),
    [
        pytest.param("Nomor _ : BIR-PRA-31-0091", "Nomor   : BIR-PRA-31-0091", id="l27-underscore-alone"),
        pytest.param("Nama Peserta_  : Dewi Lestari", "Nama Peserta   : Dewi Lestari", id="l27-underscore-hugging"),
        pytest.param("Reason_code: X1", "Reason_code: X1", id="l27-g-a-name"),
        pytest.param("Signature: ________", "Signature: ________", id="l27-g-a-blank"),
    ],
)
def test_an_underscore_a_fax_put_before_a_labels_colon(line: str, read: str) -> None:
    assert stray_label.unbarred(line) == read


# -- 8. periods, quantities, a glossed dateline and a long name (the pass's second round) ------------------------------
@pytest.mark.parametrize(
    ("line", "start", "end"),
    [
        pytest.param("Kehtivus:                  22.03.2031 kuni 21.06.2031", date(2031, 3, 22), date(2031, 6, 21), id="l27-et"),
        pytest.param("Platnost schválení:           od 15.04.2031 do 14.10.2031", date(2031, 4, 15), date(2031, 10, 14), id="l27-cz"),
        pytest.param("Geçerlilik               : 19.04.2031 - 18.10.2031", date(2031, 4, 19), date(2031, 10, 18), id="l27-tr"),
        pytest.param("Gültigkeit:                vom 22.04.2031 bis 21.10.2031", date(2031, 4, 22), date(2031, 10, 21), id="l27-ch"),
    ],
)
def test_a_validity_under_the_new_labels(line: str, start: date, end: date) -> None:
    found = period_shapes.period(line)
    assert found is not None and found[0] is not None and found[1] is not None
    assert (found[0].value, found[1].value) == (start, end)


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("Gültigkeit:   vom 12.04.2031 bis 11.10.2031", id="l27-g-order-unsettled"),  # both numbers 12 or under
        pytest.param("Geçerlilik : 19.04.2031 - 18.03.2031", id="l27-g-end-before-start"),
    ],
)
def test_a_validity_whose_order_is_not_settled_gives_nothing(line: str) -> None:
    assert period_shapes.period(line) is None


@pytest.mark.parametrize(
    ("line", "quantity"),
    [
        pytest.param("Schválené množství:           240 tbl./30 dní", "240 tbl./30 dní", id="l27-cz"),
        pytest.param("Onaylanan Miktar         : 240 tablet / 30 gün", "240 tablet / 30 gün", id="l27-tr"),
        pytest.param("Kogus:                     240 tabletti 30 päevaks", "240 tabletti 30 päevaks", id="l27-et"),
    ],
)
def test_a_granted_quantity_under_the_new_labels(line: str, quantity: str) -> None:
    found = granted_quantity.quantity(line)
    assert found is not None and found.value == quantity


def test_a_quantity_asked_for_is_not_granted() -> None:
    assert granted_quantity.quantity("Požadované množství:   240 tbl./30 dní") is None
    assert granted_quantity.quantity("Talep edilen miktar :  240 tablet / 30 gün") is None


def test_a_bilingual_dateline_is_read_in_the_language_the_reader_knows() -> None:
    found = letter_dates.letter_date("Birchfield (fictitious)\n\nDáta / Date: 18 Eanáir 2031 / 18 January 2031\n\nDiúltú\n")
    assert found is not None and found.value == date(2031, 1, 18)
    # a birth's label glossed is never the letter's date
    assert letter_dates._GLOSSED_DATE.search("Dáta breithe / DOB: 7 Meitheamh 1958 / 7 June 1958") is None


def test_a_labelled_name_of_five_words() -> None:
    m = patient_fields._NAME.search("Member:            Maria Cristina Dela Cruz Santos\n")
    assert m is not None and m.group("v") == "Maria Cristina Dela Cruz Santos"
    m = patient_fields._NAME.search("Member:  Jane Q Doe DOB 02/03/1961\n")  # its date of birth still ends it
    assert m is not None and m.group("v") == "Jane Q Doe"


def test_a_birth_date_with_its_months_name_under_the_new_labels() -> None:
    found = insured_labels.birth("Tanggal Lahir : 1 Agustus 1963\n", False)
    assert found is not None and found.value == date(1963, 8, 1)
    assert insured_labels.birth("Tanggal Lahir : 1 Bulan 1963\n", False) is None  # no month's name: nothing


def test_a_nordic_id_may_open_with_a_nordic_letter() -> None:
    m = insured_labels.MEMBER_ID.search("Police-/kundenr.: ØS-771-20931")
    assert m is not None and m.group("v") == "ØS-771-20931"
    assert insured_labels.MEMBER_ID.search("Police-/kundenr.: ØSTERBRO") is None  # a word with no digit is no id


# -- 9. the fax gap's second round ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "day"),
    [
        pytest.param("Siinniaeg:  21.07.1961", date(1961, 7, 21), id="l27-ue-as-ii"),
        pytest.param("Sziiletési idé:  ' 1961. 09. 30.", date(1961, 9, 30), id="l27-hu-speck"),
        pytest.param("Fodingardagur:  24.08.1962", date(1962, 8, 24), id="l27-fo-eth-as-d"),
    ],
)
def test_a_birth_label_a_fax_misread(line: str, day: date) -> None:
    found = insured_labels.birth(line, False)
    assert found is not None and found.value == day


def test_ue_read_as_ii_stands_only_where_the_word_has_it() -> None:
    assert re.fullmatch(misread.marked("grüsse"), "Griisse", re.I)
    assert not re.fullmatch(misread.marked("grosse"), "Griisse", re.I)


def test_a_status_list_whose_leaders_a_fax_lost() -> None:
    text = (
        "1. Completed request form  RECEIVED\n"
        "2. Biopsy report  OUTSTANDING\n"
        "3. Treatment summary with prior regimens  OUTSTANDING\n"
    )
    assert [h.value for h in requested_items._leader_rows(text)] == ["Biopsy report", "Treatment summary with prior regimens"]
    assert requested_items._leader_rows("Status of your request: RECEIVED\n") == []  # a sentence, no list


# -- 10. a Romanian window and a letter date written with its month's name ---------------------------------------------
def test_a_romanian_window_under_its_label_from_a_worded_letter_date() -> None:
    text = "Nr. 2031/RX/0042                    Cluj-Napoca, 4 februarie 2031\n\nContestație: în termen de 30 de zile de la data prezentei notificări.\n"
    day = letter_dates.letter_date(text)
    assert day is not None and day.value == date(2031, 2, 4)
    hit, _ = fields.appeal_deadline(text, day.value)
    assert hit is not None and hit.value == date(2031, 3, 6)


def test_a_numeric_letter_date_whose_order_could_be_swapped_still_counts_nothing() -> None:
    text = "Cluj, 04.02.2031\n\nContestație: în termen de 30 de zile de la data prezentei notificări.\n"
    hit, why = fields.appeal_deadline(text, date(2031, 2, 4))
    assert hit is None and "swapped" in why
