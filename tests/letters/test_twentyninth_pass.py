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
    bracket_gloss,
    fields,
    glossed,
    granted_quantity,
    insured_labels,
    patient,
    patient_fields,
    period_shapes,
    stray_label,
)
from priorauth.letters.proposal import match, propose
from priorauth.letters.source import LetterText
from priorauth.text import ocr as _ocr
from tests.letters.reading import outcome_of
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


# == Part 2: the twenty-eighth pass =====================================================================================
def _letter(body: str) -> str:
    return (
        "Birchfield Mutual Benefit Society (fictitious)\n\n"
        "Medicine:   LUMAKRAS (sotorasib) 120 mg tablets\n\n"
        f"{body}\n\n"
        "Regards,\nThe medicines office\n"
    )


# -- 6. a decision stated in the twenty-ninth set's wordings ------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "value"),
    [
        pytest.param("Søknaden er innvilget.", "approved", id="let29-no-innvilget"),
        pytest.param("Søknaden er avslått.", "denied", id="let29-no-avslatt"),
        pytest.param("Søknaden er ikke innvilget.", "denied", id="let29-no-negated"),
        pytest.param("The application is granted.", "approved", id="let29-en-granted"),
        pytest.param("The request is repudiated as the condition is excluded.", "denied", id="let29-en-repudiated"),
        pytest.param("Po rozpatrzeniu wniosku wyrażamy zgodę na pokrycie kosztów.", "approved", id="let29-pl-zgoda"),
        pytest.param("Po rozpatrzeniu wniosku wyra■amy zgod■ na pokrycie kosztów.", "approved", id="let29-pl-boxes"),
        pytest.param("Niestety nie wyrażamy zgody na pokrycie kosztów.", "denied", id="let29-pl-negated"),
        pytest.param("Für Ihre Behandlung erteilen wir folgende Leistungszusage:", "approved", id="let29-de-zusage"),
        pytest.param("Vlogo ambulante smo zavrnili.", "denied", id="let29-sl-zavrnili"),
        pytest.param("Pieteikums par medikamenta apmaksu ir noraidīts.", "denied", id="let29-lv-noraidits"),
        pytest.param("Sprendimas dar nepriimtas. Prašome pateikti:\n  1. ECOG", "pended", id="let29-lt-pateikti"),
        pytest.param("Votre demande ne peut être instruite en l'état. Merci de nous transmettre :\n - le test", "pended", id="let29-fr-instruite"),
        pytest.param("DEMANDE DE PIÈCES COMPLÉMENTAIRES\nMerci de nous transmettre le test.", "pended", id="let29-fr-heading"),
        pytest.param("Na posúdenie žiadosti ústavu potrebujeme:\n  a) správu", "pended", id="let29-sk-potrebujeme"),
        pytest.param("Estado del trámite: EN AUDITORÍA MÉDICA", "pended", id="let29-es-auditoria"),
    ],
)
def test_a_decision_in_the_twentyninth_sets_wordings(body: str, value: str) -> None:
    assert outcome_of(_letter(body)) == value


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("If the application is granted, a letter follows.", id="let29-g-en-if"),
        pytest.param("Falls wir eine Leistungszusage erteilen, erhalten Sie Post.", id="let29-g-de-noun"),
        pytest.param("Kërkesa juaj u regjistrua. Ajo do të shqyrtohet sipas radhës.", id="let29-g-acknowledged"),
        pytest.param("Decision will be given after receipt of the documents.", id="let29-g-en-will-be"),
        pytest.param("The application form is granted to every member on request?", id="let29-g-en-form"),
    ],
)
def test_a_condition_a_noun_or_an_acknowledgement_decides_nothing(body: str) -> None:
    assert outcome_of(_letter(body)) is None


# -- 7. the request's number under the set's labels ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "number"),
    [
        pytest.param("Godkjenningsnummer: BMS-31-03-2290", "BMS-31-03-2290", id="let29-no"),
        pytest.param("Ärendenr:     BM-2031-004418", "BM-2031-004418", id="let29-sv"),
        pytest.param("Zusage-Nr.:         LZ-31-0324-5560", "LZ-31-0324-5560", id="let29-de"),
        pytest.param("Znak sprawy: BM/LEK/2031/0871", "BM/LEK/2031/0871", id="let29-pl"),
        pytest.param("Številka: BM-ZD-31-1180", "BM-ZD-31-1180", id="let29-sl"),
        pytest.param("Split, 1. ožujka 2031.          Klasa: BM-LIJ-31/0301-12", "BM-LIJ-31/0301-12", id="let29-hr-klasa"),
        pytest.param("Číslo konania: BM-RL-31-0315-3", "BM-RL-31-0315-3", id="let29-sk"),
        pytest.param("Nr. protokolli: BM-31-0316-02", "BM-31-0316-02", id="let29-sq"),
        pytest.param("Vilnius, 2031 m. kovo 3 d.          Nr. BM-SD-31-0303", "BM-SD-31-0303", id="let29-lt-dateline"),
        pytest.param("Trámite No.: BM-AM-2031-0309-08", "BM-AM-2031-0309-08", id="let29-es-tramite"),
        pytest.param("Solicitud de autorización No. BM-2031-0423-62", "BM-2031-0423-62", id="let29-es-solicitud"),
        pytest.param("Date: 10.03.2031      Memo No: BM/HC/31/0310/4", "BM/HC/31/0310/4", id="let29-en-memo"),
        pytest.param("Réf. : BM-EP-31-0311-6", "BM-EP-31-0311-6", id="let29-fr-ref"),
        pytest.param("N/Ref.ª: BM-PRE-31-00931", "BM-PRE-31-00931", id="let29-pt-nref"),
        pytest.param("Objet : ACCORD - dossier n° BM-2703-16652", "BM-2703-16652", id="let29-fr-dossier"),
        pytest.param("Décision n° BM-D-2031-0208-4", "BM-D-2031-0208-4", id="let29-fr-decision"),
        pytest.param("Subject: Query on pre-auth BMS/PA/31/0308 - LUMAKRAS", "BMS/PA/31/0308", id="let29-en-preauth"),
    ],
)
def test_the_number_under_the_twentyninth_sets_labels(line: str, number: str) -> None:
    hit = fields.authorization_number(line + "\n")
    assert hit is not None and hit.value == number


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("Številka police:    BM-000-22807", id="let29-g-sl-policy"),
        pytest.param("Votre réf. : BM-VR-2031-1", id="let29-g-fr-votre"),
        pytest.param("Broj polise/kartice: BM-SR-40117-3", id="let29-g-sr-policy"),
    ],
)
def test_a_members_or_the_senders_number_is_no_request_number(line: str) -> None:
    assert fields.authorization_number(line + "\n") is None


# -- 8. a letter's date beside the letterhead's other column; windows from this communication or statement ---------------
@pytest.mark.parametrize(
    ("line", "day"),
    [
        pytest.param("San José, 10 de febrero de 2031                Solicitud No. BM-027-2031", date(2031, 2, 10), id="let29-dateline-column"),
        pytest.param("Statement date: 15 Feb 2031         Authorisation request: BM-OC-31-2150", date(2031, 2, 15), id="let29-statement-date"),
    ],
)
def test_a_letters_date_beside_another_column(line: str, day: date) -> None:
    found = fields.letter_date("Birchfield (fictitious)\n" + line + "\n")
    assert found is not None and found.value == day


def test_a_slovenian_birth_label_is_read_and_is_no_letter_date() -> None:  # guard: a birth's date never dates the letter
    p = propose(_pdf("Birchfield (fictitious)\nZavarovanec:   Ada Test\nDatum rojstva:      07.02.1959\n"))
    assert p.patient.get("birth_date") == date(1959, 2, 7)
    assert p.value("letter_date") is None


@pytest.mark.parametrize(
    ("sentence", "deadline"),
    [
        pytest.param("Puede apelar dentro de los 15 días naturales a partir de la fecha de esta comunicación.", date(2031, 2, 25), id="let29-es-comunicacion"),
        pytest.param("Poderá apresentar reclamação no prazo de 30 dias a contar da data desta carta.", date(2031, 3, 12), id="let29-pt-reclamacao"),
        pytest.param("Appeals must be lodged within 60 days from the date of this statement.", date(2031, 4, 11), id="let29-en-statement"),
    ],
)
def test_appeal_windows_of_the_twentyninth_set(sentence: str, deadline: date) -> None:
    hit, _ = fields.appeal_deadline("Denied.\n" + sentence + "\n", date(2031, 2, 10))
    assert hit is not None and hit.value == deadline


def test_a_window_from_the_date_of_a_statement_not_this_one_is_not_counted() -> None:  # guard: "this" only
    hit, _ = fields.appeal_deadline("Denied.\nAppeal within 60 days from the date of the statement of benefits.\n", date(2031, 2, 10))
    assert hit is None


# -- 9. a quantity and a period under the set's labels; a reason only in a translation ------------------------------------
@pytest.mark.parametrize(
    ("line", "quantity"),
    [
        pytest.param("Mengde: 240 tabletter per 30 dager", "240 tabletter per 30 dager", id="let29-no-mengde"),
        pytest.param("Ilość: 240 tabletek na 30 dni", "240 tabletek na 30 dni", id="let29-pl-ilosc"),
    ],
)
def test_a_granted_quantity_under_the_twentyninth_sets_labels(line: str, quantity: str) -> None:
    hit = granted_quantity.quantity(line + "\n")
    assert hit is not None and hit.value == quantity


def test_a_norwegian_validity_from_and_through() -> None:
    hit = period_shapes._FOREIGN_RANGE.search("Gyldig fra 22.03.2031 til og med 21.09.2031\n")
    assert hit is not None and (hit.group("a"), hit.group("b")) == ("22.03.2031", "21.09.2031")
    assert period_shapes._FOREIGN_RANGE.search("Gyldig til 21.09.2031\n") is None  # guard: no "fra", no range


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        pytest.param("Razlog: ni predložen izvid\n[Reason: no test result submitted]", True, id="let29-reason-in-gloss"),
        pytest.param("Reason: not covered [policy 4.2]", False, id="let29-g-bracket-after"),
        pytest.param("[decision: refused] Reason: not covered", False, id="let29-g-bracket-closed"),
    ],
)
def test_a_reason_inside_a_bracketed_translation(text: str, inside: bool) -> None:
    assert bracket_gloss.inside(text, text.rindex("Reason") + len("Reason: ")) is inside


# -- 10. a glossed value in square brackets; a birth word after the name -----------------------------------------------
@pytest.mark.parametrize(
    ("line", "read"),
    [
        pytest.param("■■■■ (result)        : ■■ [approved]", "result : approved", id="let29-glossed-square"),
        pytest.param("Outcome (final): Approved [pending review]", None, id="let29-g-latin-words"),
    ],
)
def test_a_glossed_value_in_square_brackets(line: str, read: str | None) -> None:
    got = glossed.glossed(line)
    assert len(got) == len(line)  # offsets kept
    assert (" ".join(got.split()) == read) if read is not None else got == line


@pytest.mark.parametrize(
    ("line", "day"),
    [
        pytest.param("Ubezpieczona: Ada Test, ur. 14.05.1961", date(1961, 5, 14), id="let29-pl-ur"),
        pytest.param("forsikrede Ada Test, født 02.06.1957, polisenr. X", date(1957, 6, 2), id="let29-no-fodt"),
        pytest.param("Apdrošinātā persona: Ada Test, dzim. 15.08.1962", date(1962, 8, 15), id="let29-lv-dzim"),
        pytest.param("Poistenec: Ada Test, dátum narodenia 28.06.1955", date(1955, 6, 28), id="let29-sk-narodenia"),
        pytest.param("Ubezpieczona: Ada Test, ur. 14.05.1961 (zm. 2030)", date(1961, 5, 14), id="let29-pl-note-after"),
    ],
)
def test_a_birth_word_after_the_name(line: str, day: date) -> None:
    found = insured_labels.birth(line + "\n", False)
    assert found is not None and found.value == day


def test_a_birth_word_after_the_name_whose_order_could_be_swapped_when_the_letter_said_its_order() -> None:  # guard
    assert insured_labels.birth("Ubezpieczona: Ada Test, ur. 04.05.1961\n", True) is None


@pytest.mark.parametrize(
    ("line", "name"),
    [
        pytest.param("Zavarovanec:        Ada Lovel Test", "Ada Lovel Test", id="let29-sl-name"),
        pytest.param("Apdrošinātā persona: Ada Lovel Test, dzim. 15.08.1962", "Ada Lovel Test", id="let29-lv-name"),
    ],
)
def test_a_name_under_the_twentyninth_sets_labels(line: str, name: str) -> None:
    m = insured_labels.NAME.search(line)
    assert m is not None and m.group("v") == name


@pytest.mark.parametrize(
    ("value", "own"),
    [
        pytest.param("carencia de la poliza [the drug falls within the waiting period]", "carencia de la poliza", id="let29-gloss-after"),
        pytest.param("hors nomenclature des médicaments (Reason: outside the list]", "hors nomenclature des médicaments", id="let29-gloss-paren-read"),
        pytest.param("not covered (see policy 4.2)", "not covered (see policy 4.2)", id="let29-g-own-brackets"),
    ],
)
def test_a_translation_after_the_reason_is_cut(value: str, own: str) -> None:
    assert bracket_gloss.without_gloss(value) == own
