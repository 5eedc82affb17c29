"""Issue 18, twenty-third pass: the fax gap of the twenty-second to twenty-fourth sets (values read at digital, empty
at fax) and the twenty-fourth set's empty outcomes at digital, as CLASSES with wordings and layouts written here (never
a corpus letter's sentence; OCR's damage typed by hand), table-driven, with guards that must stay as they are.

The fax gap, by what OCR did to the words the reader needs: marked letters read bare or as look-alikes
("Situagao da solicitacgao", "N®& da", "Giltigkeitszeitraum"); a capital E read as F ("INFORMATION NFEDED"); a radio
button's dot read as a star ("(*) APPROVED ()DENIED"); a column of blanks read as a bar before a colon ("quantity
|: 720"); an indent lost, so an XML element's spaced label no longer fits ("<PACaseID>..." at the line's start); a
column gap closed before a heading's date label ("... DETERMINATION Notice date: ..."); a middle dot read as a dash
before a time ("May 12, 2027 - 4:47 PM"). The twenty-fourth set's empty outcomes at digital: decision labels in
Swedish, Danish, Norwegian and Polish; a Japanese form glossed in English in brackets; a Dutch "not yet" with an ask;
a British insurer's "confirm cover"; an e-mail's "were not able to approve"; two false conflicts (a drug's indication in
Spanish, "no new authorization was issued")."""

from __future__ import annotations

import re
from datetime import date

import pytest

from priorauth.letters import (
    dash_reason,
    glossed,
    label_languages,
    misread,
    outcome,
    pending_notice,
    radio_star,
    stray_label,
)
from priorauth.letters.fields import letter_date, untagged
from tests.letters.test_generalise import _read

# -- OCR's stand-ins for marked letters (misread.marked, misread.ORDINAL) ------------------------------------------


@pytest.mark.parametrize(
    ("word", "seen", "same"),
    [
        ("situação", "Situagao", True),
        ("situação", "Situacao", True),
        ("situação", "situação", True),
        ("solicitação", "solicitagcao", True),
        ("solicitação", "solicitacgao", True),
        ("gültigkeitszeitraum", "Giltigkeitszeitraum", True),
        ("gültigkeitszeitraum", "Gultigkeitszeitraum", True),
        # guards: only the marked letter has stand-ins; the others are the word's own
        ("situação", "situation", False),
        ("situação", "citação", False),
        ("solicitação", "solicitud", False),
        ("gültigkeitszeitraum", "Geltungszeitraum", False),
    ],
)
def test_a_marked_letter_may_be_read_as_ocr_reads_it(word: str, seen: str, same: bool) -> None:
    assert bool(re.fullmatch(misread.marked(word), seen, re.I)) is same


PORTUGUESE = """OPERADORA VALE DAS GARCAS
Central de Guias

Campo Redondo, 4 de junho de 2027

Beneficiario:  Adelaide Prates Nogueira
{number_label}:  VGA-G-27-06-4410
Medicamento:  LUMAKRAS (sotorasibe) 120 mg

{status_label}: {value}

Atenciosamente,
Auditoria
"""


@pytest.mark.parametrize(
    ("number_label", "status_label", "value", "outcome", "number"),
    [
        ("N® da solicitacgao", "Situagao da solicitagao", "NEGADO", "denied", "VGA-G-27-06-4410"),
        ("N®& da solicitagao", "Situacao da solicitagcao", "PENDENTE - aguardando laudo", "pended", "VGA-G-27-06-4410"),
        ("N2 da solicitacao", "Situagao", "AUTORIZADO", "approved", "VGA-G-27-06-4410"),
        # guards: another label's words stay unread ("Situation report" is no status label, "Nota" no number label)
        ("Nota da solicitacao", "Situation report", "NEGADO", None, None),
    ],
)
def test_a_portuguese_label_read_through_ocrs_marks(
    number_label: str, status_label: str, value: str, outcome: str | None, number: str | None
) -> None:
    got = _read(PORTUGUESE.format(number_label=number_label, status_label=status_label, value=value))
    assert (got["outcome"], got["number"]) == (outcome, number)


def test_a_german_validity_label_read_with_its_umlaut_lost() -> None:
    text = (
        "Krankenkasse Oberau\n\n19.03.2027\n\nIhr Antrag auf LUMAKRAS wurde GENEHMIGT.\n\n"
        "Giltigkeitszeitraum:  01.04.2027 bis 30.09.2027\nGenehmigte Menge:  240 Tabletten je 30 Tage\n"
    )
    got = _read(text)
    assert (got["outcome"], got["start"], got["end"]) == ("approved", date(2027, 4, 1), date(2027, 9, 30))


# -- a capital E read as F (misread.faint_e) -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "pended"),
    [
        ("PRIOR AUTHORIZATION PENDING — INFORMATION NFEDED", True),
        ("PA PENDING - ADDITIONAL INFORMATION REQUIRFD", True),
        ("REQUEST PENDING — INFORMATION RFQUESTED", True),
        # guards: a letter that is no "E" stays unread; small letters are no title
        ("PRIOR AUTHORIZATION PENDING — INFORMATION NEWDED", False),
        ("Prior authorization pending — information nfeded", False),
    ],
)
def test_a_pended_title_read_with_a_faint_e(title: str, pended: bool) -> None:
    text = f"{title}\n\nSend the biomarker report within 10 days.\n"
    assert bool(pending_notice.hits(text)) is pended


# -- a radio button's dot read as a star (radio_star) ----------------------------------------------------------------

FORM = """RIVERMARSH COMMUNITY PLAN - PHARMACY PA DECISION
Date of notice: 05/11/2027   Request number: RMC-55-0511-2287

Decision (mark one):
{row}

If APPROVED:  Start date 05/11/2027  End date 11/10/2027  Quantity 240 tablets / 30 days
"""


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("(*) APPROVED ()DENIED () MORE INFORMATION NEEDED", "approved"),
        ("() APPROVED (*) DENIED ( ) MORE INFORMATION NEEDED", "denied"),
        ("( ) APPROVED ()DENIED (*) MORE INFORMATION NEEDED", "pended"),
        # guards: two stars (no single filled button), no empty button on the line (a footnote's star)
        ("(*) APPROVED (*) DENIED () MORE INFORMATION NEEDED", None),
        ("(*) APPROVED subject to the notes below", None),
    ],
)
def test_a_radio_rows_star_is_its_filled_button(row: str, expected: str | None) -> None:
    assert _read(FORM.format(row=row))["outcome"] == expected


@pytest.mark.parametrize(
    ("line", "out"),
    [
        ("(*) YES ()NO", "(•) YES ()NO"),
        ("( ) YES (*) NO", "( ) YES (•) NO"),
        ("(*) see the footnote", "(*) see the footnote"),  # guard: no empty button
        ("(*) YES (*) NO ()", "(*) YES (*) NO ()"),  # guard: two stars
    ],
)
def test_radio_star_keeps_offsets(line: str, out: str) -> None:
    assert radio_star.dotted(line) == out and len(radio_star.dotted(line)) == len(line)


# -- a bar before a label's colon (stray_label.unbarred) ------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "out"),
    [
        ("Approved quantity  |: 480 capsules", "Approved quantity   : 480 capsules"),
        ("Valid to |: 31-Dec-2027", "Valid to  : 31-Dec-2027"),
        # guards: a table's row (another bar), a bar without a blank before it, a bar not hugging the colon
        ("| Quantity |: 480 capsules", "| Quantity |: 480 capsules"),
        ("Quantity|: 480", "Quantity|: 480"),
        ("Quantity | 480", "Quantity | 480"),
    ],
)
def test_a_bar_before_a_colon_is_blanked(line: str, out: str) -> None:
    assert stray_label.unbarred(line) == out


def test_a_quantity_behind_a_stray_bar_is_read() -> None:
    text = (
        "KESTREL RIDGE TPA\n\nCashless authorisation: APPROVED\n\nValid from  : 03-May-2027\nValid to  : 02-Aug-2027\n"
        "Approved quantity  |: 360 tablets (120 tablets x 3 months)\n"
    )
    assert _read(text)["quantity"] == "360 tablets"


# -- a lost indent: an XML element's own name as its label (markup._xml_label) ---------------------------------------


def test_an_unindented_xml_elements_name_is_its_label() -> None:
    text = (
        "<Message>\n<Body>\n<PAResponse>\n<PARequestID>QRS-PA-7781-0042</PARequestID>\n"
        "<Response>\n<Approved>\n<Note>Approved as requested.</Note>\n</Approved>\n</Response>\n</PAResponse>\n</Body>\n</Message>\n"
    )
    plain = untagged(text)
    assert "PARequestID: QRS-PA-7781-0042" in plain
    assert len(plain) == len(text)
    assert _read(text)["number"] == "QRS-PA-7781-0042"


# -- a heading's date label after a closed column gap (letter_dates._LETTER_DATE) ------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("NOTICE OF DENIAL OF PHARMACY COVERAGE Notice date: 09/14/2027", date(2027, 9, 14)),
        ("PRIOR AUTHORIZATION DECISION Letter date: 01/05/2028", date(2028, 1, 5)),
        # guards: a sentence's words (small letters before it), the label without its colon
        ("we mailed it on the notice date: 09/14/2027", None),
        ("NOTICE OF DENIAL Notice date 09/14/2027 below", None),
    ],
)
def test_a_headings_date_label_after_a_closed_gap(line: str, expected: date | None) -> None:
    text = f"HALDEN STATE MEDICAID\nPharmacy Unit\nPO Box 12\n\n{line}\n\nMember: Orla Penhaligon\n"
    got = letter_date(text)
    assert (got.value if got else None) == expected


# -- a middle dot read as a dash before a time (letter_dates._letter_date) --------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Tue, Jun 8, 2027 - 9:12 AM", date(2027, 6, 8)),
        ("Tue, Jun 8, 2027 · 9:12 AM", date(2027, 6, 8)),
        ("Jun 8, 2027 – 16:40", date(2027, 6, 8)),
    ],
)
def test_an_app_headings_date_with_its_dot_read_as_a_dash(heading: str, expected: date) -> None:
    text = f"Messages · PA alerts\n\n{heading}\nPLAN ALERT: your request is DENIED.\n"
    got = letter_date(text)
    assert got is not None and got.value == expected


# -- decision labels in Swedish, Danish, Norwegian and Polish (label_languages) ---------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Beslut:        BEVILJAT", "approved"),
        ("Beslut: avslag", "denied"),
        ("Beslut: ej beviljat", "denied"),
        ("Afgørelse:     GODKENDT", "approved"),
        ("Afgørelse: ikke godkendt", "denied"),
        ("Vedtak: innvilget", "approved"),
        ("Vedtak: avslått", "denied"),
        ("DECYZJA:  ODMOWA", "denied"),
        ("Decyzja: zatwierdzono", "approved"),
        ("Decyzja: nie zatwierdzono", "denied"),
        # guards: a condition in the value, the noun with words before its colon, the label inside a sentence
        ("Beslut: beviljat om journalen kompletteras", None),
        ("Afgørelse: godkendt hvis prøven bekræftes", None),
        ("Beslut om förhandsprövning: beviljat", None),
        ("Vi väntar på ditt beslut: beviljat eller inte", None),
    ],
)
def test_a_nordic_or_polish_decision_label(line: str, expected: str | None) -> None:
    found = label_languages.hits(f"Ärende 4471\n{line}\n")
    assert (found[0].value if found else None) == expected


# -- a bilingual form glossed in English in brackets (glossed) ----------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "out"),
    [
        ("■■■■ (Outcome):  ■■(APPROVED)", "      Outcome :     APPROVED "),
        ("0000 (Outcome):  OO  (NOT APPROVED)", "      Outcome :       NOT APPROVED "),
        ("■■■■ (Auth no.):   XQ-55-0102-7781", "      Auth no. :   XQ-55-0102-7781"),
        ("           2028■1■9■ (9 January 2028)", "                      9 January 2028 "),
        # guards: a Latin word before the gloss; a lone gloss that is no date; a number of digits alone
        ("Outcome (final):  Approved (pending pharmacy review)", "Outcome (final):  Approved (pending pharmacy review)"),
        ("■■■■■■ (Notice of review result)", "■■■■■■ (Notice of review result)"),
        ("0000 (Qty):  24099300", "0000 (Qty):  24099300"),
    ],
)
def test_a_glossed_line_is_read_as_its_english(line: str, out: str) -> None:
    assert glossed.glossed(line) == out


def test_a_glossed_form_is_read() -> None:
    text = (
        "■■■■■■ (Drug approval desk)\n\n           2028■1■9■ (9 January 2028)\n\n"
        "■■■■ (Member no.):     77-0041208\n■■■■ (Auth no.):       XQ-55-0102-7781\n\n"
        "■■■■ (Outcome):  ■■■(NOT APPROVED)\n■■■■ (Appeal):  ■■■■ (within 30 days of the date of this notice)\n"
    )
    got = _read(text)
    assert (got["outcome"], got["number"], got["deadline"]) == ("denied", "XQ-55-0102-7781", date(2028, 2, 8))


# -- a Dutch "not yet" with an ask (pending_notice) ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pended"),
    [
        ("We kunnen nog geen beslissing nemen. Wilt u ons de uitslag van de KRAS-test sturen?", True),
        ("Wij kunnen geen besluit nemen. Stuur ons het verslag van de longarts.", True),
        # guards: a condition, no ask after it
        ("Als wij nog geen besluit kunnen nemen, wilt u ons dan bellen? Stuur niets op.", False),
        ("Wij kunnen nog geen besluit nemen. De adviseur bekijkt uw aanvraag deze week.", False),
    ],
)
def test_a_dutch_not_yet_with_an_ask_is_pended(text: str, pended: bool) -> None:
    assert bool(pending_notice.hits(text)) is pended


# -- English wordings: "confirm cover", "were not able to approve"; two false conflicts ---------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("We are pleased to confirm cover for LUMAKRAS 120 mg tablets, as your consultant asked.", "approved"),
        ("We are unable to confirm cover for this treatment under your policy.", "denied"),
        ("We were not able to approve this request.", "denied"),
        # guards: cover confirmed for something else; a not-able that waits for records
        ("We are pleased to confirm cover for your physiotherapy sessions.", None),
        ("We are unable to confirm cover for this treatment until we receive the pathology report.", None),
    ],
)
def test_confirm_cover_wordings(sentence: str, expected: str | None) -> None:
    text = f"Harbour Lane Medical Insurance\n\n12 May 2027\n\nDear Mr Quennell,\n\n{sentence}\n\nYours sincerely,\n"
    assert outcome.outcome(text)[0] is None if expected is None else outcome.outcome(text)[0].value == expected


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        # a drug's indication in Spanish or Portuguese is no approval beside a denial
        ("El fármaco solo está autorizado para tumores con la mutación indicada.", "denied"),
        ("O medicamento está aprovado apenas para pacientes adultos.", "denied"),
        # a duplicate request: "no new authorization was issued" is no approval
        ("The earlier approval stays in effect; no new authorization was issued.", "denied"),
        # guard: an approval of this request said in Spanish beside the denial label: two outcomes, none read
        ("La solicitud está autorizada.", None),
    ],
)
def test_false_conflicts_with_a_denial_label(extra: str, expected: str | None) -> None:
    text = f"Seguros Miravalle\n\nDecision: DENIED\n\n{extra}\n"
    hit, _ = outcome.outcome(text)
    assert (hit.value if hit else None) == expected


# -- what the new outcomes opened: numbers, Nordic periods and quantities ------------------------------------------------

NORDIC = """Fjordvik Sykeforsikring

Vedtak:             INNVILGET
{number}
{period}
{quantity}
"""


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("Beslutsnummer:      FJV-2027-118-04", "FJV-2027-118-04"),
        ("Bevillingsnummer:   FJV-BV-7710-33", "FJV-BV-7710-33"),
        ("Nr sprawy:          FJV-SP-0091-27", "FJV-SP-0091-27"),
        ("Nº de autorización: FJV-AUT-27-5510", "FJV-AUT-27-5510"),
        ("Protocolo de atendimento: FJV-PROT-0612-3", "FJV-PROT-0612-3"),
        # guards: the member's numbers stay the member's
        ("Medlemsnummer:      FJV-2027-118-04", None),
        ("Nº de asegurado:    FJV-2027-118-04", None),
    ],
)
def test_a_number_label_of_the_twenty_fourth_sets_languages(number: str, expected: str | None) -> None:
    assert _read(NORDIC.format(number=number, period="", quantity=""))["number"] == expected


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ("Giltighetstid:      2027-05-02 – 2027-11-01", (date(2027, 5, 2), date(2027, 11, 1))),
        ("Gyldig fra:         22.05.2027\nGyldig til:         21.11.2027", (date(2027, 5, 22), date(2027, 11, 21))),
        # guard: a dotted date whose order matters is not read (the letter's note may have been read by a fax and its
        # dates rewritten month first)
        ("Gyldig fra:         02.05.2027\nGyldig til:         01.11.2027", (None, None)),
        ("Giltig från: 2027-05-02\nGiltig till: 2027-11-01", (date(2027, 5, 2), date(2027, 11, 1))),
        # guards: an end before its start; a lone "from" without its "to"
        ("Giltighetstid:      2027-11-01 – 2027-05-02", (None, None)),
        ("Gyldig fra:         02.05.2027", (None, None)),
    ],
)
def test_a_nordic_validity_period(period: str, expected: tuple[date | None, date | None]) -> None:
    got = _read(NORDIC.format(number="", period=period, quantity=""))
    assert (got["start"], got["end"]) == expected


@pytest.mark.parametrize(
    ("quantity", "expected"),
    [
        ("Beviljad mängd:     120 tabletter per 30 dagar", "120 tabletter per 30 dagar"),
        ("Bevilget mængde:    120 tabletter pr. 30 dage", "120 tabletter pr. 30 dage"),
        ("Innvilget mengde:   120 tabletter per 30 dager", "120 tabletter per 30 dager"),
        ("Bevilget mzengde:   120 tabletter pr. 30 dage", "120 tabletter pr. 30 dage"),  # a fax's "ze" for "æ"
        # guard: the quantity asked for
        ("Ansökt mängd:       480 tabletter per 30 dagar", None),
    ],
)
def test_a_nordic_granted_quantity(quantity: str, expected: str | None) -> None:
    assert _read(NORDIC.format(number="", period="", quantity=quantity))["quantity"] == expected


# -- a denial label's reason after its dash (dash_reason) ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Decision:     DENIED — request made twice", "request made twice"),
        ("Status: NOT APPROVED - quantity over the plan limit", "quantity over the plan limit"),
        # guards: a pointer, a date, a restated decision, one word, an approval
        ("Decision:     DENIED — see the reason below", None),
        ("Decision:     DENIED - 04/12/2027", None),
        ("Decision:     DENIED — not approved as asked", None),
        ("Decision:     DENIED — duplicate", None),
        ("Decision:     APPROVED — as requested by the clinic", None),
    ],
)
def test_a_denial_labels_reason_after_its_dash(line: str, expected: str | None) -> None:
    hit = dash_reason.reason(f"Halloway Health\n\n{line}\n\nWe reviewed the chart notes.\n")
    assert (hit.value if hit else None) == expected


def test_a_dash_pointing_to_a_criteria_list_is_no_reason() -> None:
    assert dash_reason.reason("Decision: DENIED - two required criteria are not met (marked X).\n") is None
