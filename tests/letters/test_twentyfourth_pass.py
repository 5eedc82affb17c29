"""Issue 18, twenty-fourth pass: the twenty-fifth set's empty values at digital, as CLASSES with wordings written here
(never a corpus letter's sentence), table-driven, with guards that must stay as they are.

Decision labels in Finnish, Czech, Greek, Turkish, Estonian and Hebrew (and the Spanish "Resolución:"); a bilingual
label whose translation in Arabic or Hebrew (or the squares a PDF prints for it) stands after a slash before its
colon; request numbers, letter dates, appeal windows and denial reasons under these languages' labels; a dotted
validity range read in the order its one unambiguous date shows; a bare quantity label in an approval; a German or
Latvian "not decided yet" with an ask after it."""

from __future__ import annotations

from datetime import date

import pytest

from priorauth.letters import (
    appeal_terms,
    granted_quantity,
    label_languages,
    letter_dates,
    pending_notice,
    period_shapes,
)
from priorauth.letters.denial_reason import _REASON_LABEL, _REASON_STOP
from priorauth.letters.fields import appeal_deadline, authorization_number, letter_date, unmarked
from tests.letters.test_generalise import _read

# -- decision labels in the twenty-fifth set's languages (label_languages) -------------------------------------------


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("Päätös:   MYÖNNETTY", "approved"),
        ("Päätös: hyväksytty 1.3.2028 alkaen", "approved"),
        ("Päätös:   HYLÄTTY", "denied"),
        ("Päätös: ei myönnetty", "denied"),  # a negated approval word is a denial
        ("Výsledek posouzení:  SCHVÁLENO", "approved"),
        ("Výsledek:   NESCHVÁLENO", "denied"),
        ("Rozhodnutí: zamítnuto", "denied"),
        ("ΑΠΟΦΑΣΗ: ΕΓΚΡΙΝΕΤΑΙ", "approved"),
        ("Απόφαση: απορρίπτεται", "denied"),
        ("SONUÇ: ONAY", "approved"),
        ("Sonuç: onaylanmadı", "denied"),
        ("PROV■ZYON SONUCU: RED", "denied"),  # the dotted capital I the PDF's font could not print
        ("Otsus: taotlus rahuldada.", "approved"),
        ("Otsus: taotlust mitte rahuldada.", "denied"),
        ("החלטה: הבקשה אושרה", "approved"),
        ("החלטה: הבקשה נדחתה", "denied"),
        ("RESOLUCIÓN: APROBADA", "approved"),
        # guards: a condition in the value, a label inside a sentence, no colon, a word that is not a decision
        ("Päätös: jos lausunto puuttuu, hylätty", None),
        ("Sonuç: eğer belge gelmezse red", None),
        ("Tämä päätös myönnetty on ennakkotieto", None),
        ("Päätös 25.10.2027", None),
        ("Výsledek: viz příloha", None),
    ],
)
def test_a_decision_label_in_another_language(line: str, want: str | None) -> None:
    found = label_languages.hits(line + "\n")
    assert (found[0].value if found else None) == want


# -- a bilingual label: English, a slash, its translation in Arabic or Hebrew (markup.unmarked) -------------------------


@pytest.mark.parametrize(
    ("line", "label_kept"),
    [
        ("Status / الحالة: DENIED", "Status"),
        ("Member name / اسم العضو: JANE ROE", "Member name"),
        ("Reference no. / מספר פנייה: XR-11", "Reference no."),
        ("Status / ■■■■■■: DENIED", "Status"),  # the squares a PDF's font prints for the words it lacks
    ],
)
def test_a_labels_translation_after_a_slash_is_blanked(line: str, label_kept: str) -> None:
    out = unmarked(line)
    assert len(out) == len(line)  # every span holds
    assert out.startswith(label_kept) and ":" in out
    assert "/" not in out.split(":")[0]


@pytest.mark.parametrize(
    "line",
    [
        "Date / Datum: 01/02/2027",  # a Latin word after the slash: kept
        "Approved / الحالة",  # no colon after it: no label
        "criteria 2/3 met: yes",
    ],
)
def test_a_slash_before_latin_words_stays(line: str) -> None:
    assert unmarked(line) == line


def test_a_bilingual_letter_reads_its_english_labels() -> None:
    text = (
        "SAND DUNE HEALTH INSURANCE (fictitious)\n\nDate / التاريخ: 03/15/2027\n"
        "Pre-approval ref. / رقم الطلب:    SDH-PA-4471-09\nDrug / الدواء:    LUMAKRAS 120 MG\n"
        "Status / الحالة:  REJECTED\nReason / السبب:   The plan does not cover oral oncology drugs.\n"
    )
    got = _read(text)
    assert (got["outcome"], got["number"]) == ("denied", "SDH-PA-4471-09")


# -- request numbers under the set's labels (request_number's registry) ----------------------------------------------


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("Päätösnumero:   KAL-MS-28-0093", "KAL-MS-28-0093"),
        ("Číslo žádosti:   ZPX-RL-88-7766", "ZPX-RL-88-7766"),
        ("Číslo schválení:   ABC-SCH-88-01", "ABC-SCH-88-01"),
        ("Provizyon no:   TR-PRV-1188-03", "TR-PRV-1188-03"),
        ("Lietas Nr.: LVX-MK-7781", "LVX-MK-7781"),
        ("Otsuse nr: EES-RH-2031-66", "EES-RH-2031-66"),
        ("Saksnummer: NOR-LM-2031-5", "NOR-LM-2031-5"),
        ("N° de solicitud:   CHL-SOL-31-0044", "CHL-SOL-31-0044"),
        ("Nos références : MUT-DPC-31-0099", "MUT-DPC-31-0099"),
        ("Az.: DEK-AM-31-7781", "DEK-AM-31-7781"),
        # guards: the member's number, the sender's reference
        ("Jäsennumero:   PTX-00917-355", None),
        ("Číslo pojištěnce:   ZPX-560603-8841", None),
        ("Üye no:   AYX-0338-71902", None),
        ("Vos références : CAB-2031-0001", None),
    ],
)
def test_a_request_number_under_the_sets_labels(line: str, want: str | None) -> None:
    found = authorization_number(line + "\n")
    assert (found.value if found else None) == want


# -- the letter's date under the set's labels (letter_dates._LETTER_DATE) --------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("OTSUS                 Kuupäev: 21.08.2031\n", date(2031, 8, 21)),
        ("PÄÄTÖS               Päivämäärä: 19.3.2031\n", date(2031, 3, 19)),
        ("Tarih: 17.05.2031\n", date(2031, 5, 17)),
        ("Ημερομην■α: 28/02/2031\n", date(2031, 2, 28)),
    ],
)
def test_a_letter_date_under_the_sets_labels(text: str, want: date) -> None:
    found = letter_date(text)
    assert found is not None and found.value == want


@pytest.mark.parametrize("line", ["Doğum tarihi: 22.10.1962", "Fødselsdato: 25.03.1958", "Syntymäaika: 7.8.1960"])
def test_a_birth_date_label_is_no_letter_date_label(line: str) -> None:
    assert letter_dates._LETTER_DATE.search(line) is None


# -- appeal windows in the set's languages (appeal_terms.APPEAL_FIRST) ------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "letter", "want"),
    [
        ("Lze podat námitku do 10 dnů ode dne vydání tohoto rozhodnutí.", date(2031, 3, 20), date(2031, 3, 30)),
        ("Lze podat námitku do 10 dn■ ode dne vydání tohoto rozhodnutí.", date(2031, 3, 20), date(2031, 3, 30)),
        ("Μπορείτε να υποβάλετε ένσταση εντός 20 ημερών από την ημερομηνία της παρούσας.", date(2031, 3, 20), date(2031, 4, 9)),
        ("Bu yazının tarihinden itibaren 20 gün içinde itiraz edebilirsiniz.", date(2031, 3, 20), date(2031, 4, 9)),
        # guards: counted from delivery, not from the letter's date; a window to send papers
        ("Lze podat námitku do 10 dnů ode dne doručení tohoto rozhodnutí.", date(2031, 3, 20), None),
        ("Dokumendid palume saata 20 päeva jooksul.", date(2031, 3, 20), None),
        # guard: a letter's date whose day and month could be swapped gives no window in these languages
        ("Lze podat námitku do 10 dnů ode dne vydání tohoto rozhodnutí.", date(2031, 3, 5), None),
    ],
)
def test_an_appeal_window_in_the_sets_languages(sentence: str, letter: date, want: date | None) -> None:
    found, _ = appeal_deadline(sentence + "\n", letter)
    assert (found.value if found else None) == want


def test_only_the_new_languages_windows_refuse_a_swappable_date() -> None:
    m = appeal_terms.APPEAL_FIRST.search("bezwaar maken binnen 42 dagen na de datum van deze brief")
    assert m is not None and not appeal_terms.order_unsure(m, date(2031, 3, 5))


# -- denial reasons (denial_reason: labels, and the appeal sentence that ends a reason) --------------------------------


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Fundamento: el plan no cubre este medicamento.", True),
        ("Põhjendus: taotlusele ei olnud lisatud analüüsi.", True),
        ("Odůvodnění: nebyla doložena léčba.", True),
        ("Fundamentalmente el plan no cubre", False),  # no label: a word in a sentence
    ],
)
def test_a_reason_label_in_another_language(line: str, label: bool) -> None:
    assert bool(_REASON_LABEL.match(line)) is label


@pytest.mark.parametrize(
    "sentence",
    [
        "Proti rozhodnutí lze podat námitku do 10 dnů.",
        "Bu karara 20 gün içinde itiraz edebilirsiniz.",
        "Otsuse peale võib esitada vaide.",
        "Vous pouvez former un recours auprès de la commission.",
        "Gegen diesen Bescheid können Sie Widerspruch einlegen.",
    ],
)
def test_an_appeal_sentence_ends_a_reason(sentence: str) -> None:
    assert _REASON_STOP.search(sentence)


# -- a dotted validity range, in the order its one unambiguous date shows (period_shapes._paired) ----------------------


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("Voimassa:   2.3.2031–28.8.2031", (date(2031, 3, 2), date(2031, 8, 28))),
        ("Voimassaoloaika:  15.1.2031–11.7.2031", (date(2031, 1, 15), date(2031, 7, 11))),
        ("Platnost:  od 20. 1. 2031 do 19. 7. 2031", (date(2031, 1, 20), date(2031, 7, 19))),
        ("Gültigkeit:   vom 16.02.2031 bis 15.08.2031", (date(2031, 2, 16), date(2031, 8, 15))),
        # rewritten month first already (a note said day first): the unambiguous date shows it
        ("Voimassa:   3.2.2031–8.28.2031", (date(2031, 3, 2), date(2031, 8, 28))),
        # guards: neither date shows its order; the two show different orders; an end before its start
        ("Platnost:  od 4. 5. 2031 do 3. 6. 2031", None),
        ("Voimassa:   13.2.2031–2.28.2031", None),
        ("Voimassa:   28.8.2031–2.3.2031", None),
    ],
)
def test_a_dotted_validity_range(line: str, want: tuple[date, date] | None) -> None:
    found = period_shapes.period(line + "\n")
    assert (tuple(h.value for h in found) if found else None) == want


# -- a bare quantity label in an approval (granted_quantity) -----------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("  Menge:   120 Filmtabletten je 30 Tage", "120 Filmtabletten je 30 Tage"),
        ("Quantité : 120 comprimés par mois", "120 comprimés par mois"),
        ("Määrä:   120 tablettia / 30 vrk", "120 tablettia / 30 vrk"),
        ("Korvattava määrä:  120 tablettia kuukaudessa", "120 tablettia kuukaudessa"),
        ("Množství:   120 tablet na 30 dní", "120 tablet na 30 dní"),
        # guards: the quantity asked for; a unit that is no dose form; no colon
        ("Beantragte Menge:   120 Filmtabletten", None),
        ("Haettu määrä:   120 tablettia", None),
        ("Menge:   3 Packungen", None),
        ("Die Menge 120 Filmtabletten", None),
    ],
)
def test_a_bare_quantity_label(line: str, want: str | None) -> None:
    found = granted_quantity.quantity(line + "\n")
    assert (found.value if found else None) == want


# -- "not decided yet" in German and Latvian, with an ask after it (pending_notice) -----------------------------------


@pytest.mark.parametrize(
    ("text", "pended"),
    [
        ("Über Ihren Antrag kann noch nicht entschieden werden. Bitte senden Sie uns den Befund.", True),
        ("Wir können noch nicht abschließend entscheiden. Dafür benötigen wir folgende Unterlagen:", True),
        ("Lēmumu pieņemt vēl nav iespējams. Lūdzam iesniegt:", True),
        # guards: no ask after it (a receipt); a condition before it
        ("Über den Antrag kann noch nicht entschieden werden. Sie hören von uns.", False),
        ("Wenn wir noch nicht entscheiden können, melden wir uns. Bitte senden Sie nichts.", False),
    ],
)
def test_not_decided_yet_with_an_ask(text: str, pended: bool) -> None:
    assert bool(pending_notice.hits(text)) is pended
