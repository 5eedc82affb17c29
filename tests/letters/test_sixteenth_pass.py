"""Issue 18, sixteenth pass: the sixteenth held-out set's misses (now a development set), as CLASSES with
wordings and layouts written here (never a corpus letter's sentence), table-driven, with guards that must stay
as they are.

1. A missed mismatch at fax: a name OCR read weakly was left empty, so it was never compared and a letter about
   another patient was proposed. A weak name is now compared as an unsure one is (one misread letter a word
   tolerated when the birth date or member id agrees); false flags: a form's blank after the name made the next
   label ("Birthdate") the name; a birth date said "(gg/mm/aaaa)" was read month first.
2. Empty outcomes, read by shape (:mod:`priorauth.letters.decision`) when no known wording says one: a decision
   word as the value of a label naming a decision ("status Text:", "Decision on drug cover:", a telex's "BOARD
   DECISION GRANTED STOP"), as the predicate of a sentence whose subject is the request, the medicine or its
   cover ("Your medicine is COVERED", "e' stata NEGATA"), a review that cannot end yet while the letter asks for
   what is missing; a letter-spaced heading with the drug after it; "Waiting on provider"; a reconsidered
   decision's label about the earlier denial. Guards: a formulary's status, a letter that says it is not a
   decision, a condition, a receipt, a review that waits without asking stay empty.
3. Fields: an appeal window counted from the mailing date or from a date the letter names ("the worksheet
   date"); a "Met?" column's NO row as the reason a decision points to by number; a number's last group after a
   spaced slash; Italian letters' months, number, quantity, reason and appeal window."""

from __future__ import annotations

import re
from datetime import date

import pytest

from priorauth.letters import dates, decision, fields, outcome, patient, patient_fields
from priorauth.letters.proposal import match, propose
from tests.letters.reading import fax as _fax
from tests.letters.test_generalise import _letter

# -- 1. the patient ---------------------------------------------------------------------------------------------
WEAK = (
    "ORCHARDVALE HEALTH\n\n12 March 2027\n\nPatient: {name}    DOB 04/17/1950    Member OVH-22-41870\n\n"
    "LUMAKRAS (sotorasib) 120 mg has been approved under authorization OVH/27/PA-118.\n"
)
CASE = {"name": "Rosamund Pettigrew-Hale", "birth_date": date(1950, 4, 17), "member_id": "OVH-22-41870"}


@pytest.mark.parametrize(
    ("printed", "flagged"),
    [
        ("Rosamund Pettigrew-Hall", True),  # another surname, read weakly: flagged (a short word is compared exactly)
        ("Rosamond Petigrew-Hole", True),
        ("Rosamund Pettigrew-Hale", False),  # guards: the case's name read weakly is no mismatch
        ("Rosamund Pettigrcw-Hale", False),  # one misread letter, birth date and member id agreeing: tolerated
        ("Rosarnund Pettigrew-HaIe", False),  # OCR's look-alike glyphs ("rn" for "m", "I" for "l") folded
        ("Rosamund Pettigrew-H.ale", False),  # a stray mark inside a word
    ],
)
def test_a_weakly_read_name_is_still_compared(printed: str, flagged: bool) -> None:
    text = WEAK.format(name=printed)
    p = propose(_fax(text, weak=tuple(printed.split())), CASE)
    assert "name" not in p.patient  # still left empty as a value
    assert bool(match(p, CASE)[0]) is flagged


def test_a_confident_name_is_compared_as_before() -> None:
    p = propose(_fax(WEAK.format(name="Rosamund Pettigrew-Hall")), CASE)
    assert p.patient["name"] == "Rosamund Pettigrew-Hall" and match(p, CASE)[0] == ["name"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Member  Ansel Whitcombe-Ode _ |\nBirthdate  10/30/1956 |\nMember no  QRH-5527-0093 |\n", "Ansel Whitcombe-Ode"),
        ("Patient:  Lucinda Marr-Oyelaran  ___\nDate of birth: 03/02/1949\n", "Lucinda Marr-Oyelaran"),
    ],
)
def test_a_blank_after_the_name_ends_it(text: str, name: str) -> None:
    hit = fields.patient(text).get("name")
    assert hit is not None and hit.value == name


@pytest.mark.parametrize("word", ["Birthdate", "Birthday", "BIRTHDATE"])
def test_a_birth_label_is_never_a_name(word: str) -> None:
    assert patient_fields._NOT_NAME.search(word)


@pytest.mark.parametrize(
    ("text", "born"),
    [
        ("Nata il:   02/11/1949 (gg/mm/aaaa)\n", date(1949, 11, 2)),
        ("Né le : 05/09/1948 (jj/mm/aaaa)\n", date(1948, 9, 5)),
        ("DOB: 02/11/1949\n", date(1949, 2, 11)),  # guard: no note, US order
    ],
)
def test_a_day_first_note_in_other_languages(text: str, born: date) -> None:
    said = fields.day_first(text)
    found = fields.patient(said).get("birth_date") or next(
        (dates.parse(m.group(0), birth=True) for m in re.finditer(r"\d\d[/.]\d\d[/.]\d{4}", said)), None
    )
    assert (found.value if hasattr(found, "value") else found) == born


# -- 2. the outcome by shape ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a label naming a decision, with a qualifier after its noun
        ("Member: J. Okoro\nstatus Description:   Certified - benefit granted\n", "approved"),
        ("Request: 7781\nstatus Description:   Not certified - benefit refused\n", "denied"),
        ("Ruling on the cover: LUMAKRAS (sotorasib) 120 mg - ACCEPTED.\n", "approved"),
        ("Decision on this request ......... Declined\n", "denied"),
        # a telex line in capitals, one blank after the label, its STOP
        ("ZCZC PLX0098\nMEMBER ANA ROOK STOP\nPANEL DECISION GRANTED STOP\nNNNN\n", "approved"),
        ("ZCZC PLX0099\nFINAL DECISION REFUSED STOP\nNNNN\n", "denied"),
        # a sentence whose subject is the request, the medicine or its cover
        ("HELLO FROM YOUR PLAN: YOUR PRESCRIPTION IS COVERED\nShow your card at the pharmacy.\n", "approved"),
        ("The request for LUMAKRAS (sotorasib) has been granted by the pharmacy panel.\n", "approved"),
        ("la domanda per LUMAKRAS (sotorasib) 120 mg e' stata\nRESPINTA dalla commissione.\n", "denied"),
        ("la richiesta per LUMAKRAS e' SOSPESA in attesa di documenti.\n", "pended"),
        ("Coverage for the medicine was refused by the review board.\n", "denied"),
        # a review that cannot end yet, the letter asking for what is missing
        ("We are unable to complete the review of your request yet.\nPlease send the chest CT report.\n", "pended"),
        # a letter-spaced heading with the drug after it
        ("A P P R O V E D :   LUMAKRAS (sotorasib) 120 mg   |\n", "approved"),
        # a portal's status waiting on the prescriber
        ("Status ........ Waiting on prescriber (10/02/2027)\n", "pended"),
        # a reconsidered decision: the label speaks of the earlier denial, the sentence after it decides
        ("RECONSIDERED DECISION: the previous denial is withdrawn. The request is APPROVED.\n", "approved"),
    ],
)
def test_a_decision_in_any_shape(text: str, value: str) -> None:
    hit, why = outcome.outcome(text)
    assert hit is not None and hit.value == value, why


@pytest.mark.parametrize(
    "text",
    [
        # guards: a formulary's status, a letter that says it decides nothing, a condition, a receipt, history
        "Drug: LUMAKRAS\n  Formulary status ........ covered, specialty tier\n  PA on file ...... none\n",
        "Summary of benefits (this is not an authorization)\nYour prescription is covered at tier 5.\n",
        "If the request is granted, we will write to you.\n",
        "Your request was accepted for review on 03/04/2027.\n",
        "Upload status: accepted\nFile: notes.pdf\n",
        "The earlier request for LUMAKRAS was refused in 2026.\n",
        "We are unable to conclude this yet. It was passed to our partner.\n",
        "Decision: see below\n",
        "LUMAKRAS is covered under the medical benefit only when given in clinic.\n",
    ],
)
def test_no_decision_shape_stays_empty(text: str) -> None:
    assert outcome.outcome(text)[0] is None


def test_disagreeing_shapes_leave_it_empty() -> None:
    text = "status Text: Certified\nRuling on the cover: declined\n"
    assert decision.general_hits(text) and outcome.outcome(text)[0] is None


# -- 3. fields ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        (
            "Letter date:  March 1, 2027\nMailed on:    March 4, 2027\nYour appeal must reach us within 30 days of the "
            "date this letter was mailed.\n",
            date(2027, 4, 3),
        ),
        (
            "Review date: 2027-05-10\nAppeal rights: 45 days from the review date.\n",
            date(2027, 6, 24),
        ),
    ],
)
def test_an_appeal_window_from_a_date_the_letter_names(text: str, deadline: date) -> None:
    hit, _ = fields.appeal_deadline(text, date(2027, 3, 1))
    assert hit is not None and hit.value == deadline


def test_a_window_from_an_unprinted_mailing_date_is_the_letters() -> None:
    # guard (sixth pass): a letter that prints no mailing date apart is mailed on its own date
    hit, _ = fields.appeal_deadline("You may appeal within 30 days of the mailing date.\n", date(2027, 3, 1))
    assert hit is not None and hit.value == date(2027, 3, 31)


def test_a_met_column_no_row_is_the_reason() -> None:
    text = (
        " #  Requirement                         Met?  Note\n"
        " 1  Age 18 or over                      YES\n"
        " 2  Disease is NSCLC                    NO    small cell carcinoma on biopsy\n"
        "DECISION: DENIED (criterion 2 not met)\n"
    )
    row = fields.unmet_criterion(text)
    assert row is not None and "small cell carcinoma on biopsy" in row.value
    assert fields.POINTS_ELSEWHERE.search("DECISION: DENIED (criterion 2 not met)")
    assert fields.unmet_criterion(" 1  Age 18 or over    YES\n 2  Disease NO    x\n") is None  # guard: no Met? header


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Approval #:  KD-0413-92 / 27\n", "KD-0413-92 / 27"),
        ("Authorization:  RT-5521-08\n", "RT-5521-08"),  # guards
        ("Authorization:  RT-5521-08 / page 2\n", "RT-5521-08"),
    ],
)
def test_a_number_with_its_slashed_last_group(text: str, number: str) -> None:
    hit = fields.authorization_number(text)
    assert hit is not None and hit.value == number


ITALIAN = (
    "MUTUA DEL LAGO\n\nComo, 14 giugno 2027\n\nCodice pratica: ML/27/FA-0412\n\nAssistito:   Ruggero Bellandi\n"
    "Nato il:     07/03/1950 (gg/mm/aaaa)\n\nla richiesta per LUMAKRAS (sotorasib) 120 mg e' stata NEGATA.\n"
    "Motivazione: tumore non polmonare, indicazione non prevista.\n\n"
    "Contro questa decisione e' possibile presentare ricorso entro 60 giorni dalla data della presente lettera.\n"
)


def test_an_italian_denial() -> None:
    p = propose(_letter(ITALIAN))
    assert p.value("outcome") == "denied"
    assert p.value("letter_date") == date(2027, 6, 14)
    assert p.value("authorization_number") == "ML/27/FA-0412"
    assert "tumore non polmonare" in p.value("denial_reason")
    assert p.value("appeal_deadline") == date(2027, 8, 13)
    assert p.patient["birth_date"] == date(1950, 3, 7)


def test_an_italian_approval_quantity() -> None:
    text = "Quantita' autorizzata: 120 compresse ogni 30 giorni\n"
    hit = fields.quantity(text)
    assert hit is not None and hit.value == "120 compresse ogni 30 giorni"
    assert dates.parse("3 settembre 2027") == date(2027, 9, 3)


def test_patient_compare_is_unchanged() -> None:
    assert patient.compare({"name": "Ann Lee"}, {"name": "Ann Lee"}) == ([], [])
    # a weak name is compared only in a letter read by OCR, and only when no confident name was read
    assert patient.compare({}, {"name": "Ann Lee"}, False, (), "Bob Ray") == ([], [])
    assert patient.compare({}, {"name": "Ann Lee"}, True, (), "Bob Ray") == (["name"], [])
    assert patient.compare({"name": "Ann Lee"}, {"name": "Ann Lee"}, True, (), "Bob Ray") == ([], [])
    assert patient.compare({}, {"name": "Liv Sørensen"}, True, (), "Sorensen, Liv") == ([], [])


# -- 4. a telex's fields, a status table with its drawn rule blanked ----------------------------------------------
TELEX = (
    "ZCZC KMB0091 110830\nTO   CLINIC FAX 555-0100\nDATE 11 JUN 27\nREF KMB/PA/27/0611/052\n"
    "SUBJ LUMAKRAS SOTORASIB 120MG STOP\nMEMBER ROWENA ACHTERBERG STOP BORN 02 FEB 1949 STOP\n"
    "PANEL DECISION REFUSED STOP\nGROUND NO KRAS G12C RESULT ON FILE STOP\n"
    "APPEAL WITHIN 30 DAYS OF THIS MESSAGE STOP\nNNNN\n"
)


def test_a_telex_is_read() -> None:
    p = propose(_letter(TELEX))
    assert p.value("outcome") == "denied"
    assert p.value("authorization_number") == "KMB/PA/27/0611/052"
    assert p.value("denial_reason") == "NO KRAS G12C RESULT ON FILE."
    assert p.value("appeal_deadline") == date(2027, 7, 11)
    assert p.patient["name"] == "ROWENA ACHTERBERG" and p.patient["birth_date"] == date(1949, 2, 2)


def test_stop_outside_a_telex_is_text() -> None:
    text = "REF KMB/PA/27/0611/052\nPlease STOP the old dose.\n"
    assert fields.unmarked(text) == text


def test_a_status_table_under_a_blanked_rule() -> None:
    text = (
        "We cannot finish our review yet. Please send the missing documents within 14 days.\n\n"
        "| Document                    | Status      |\n+-----------------------------+-------------+\n"
        "| Pathology report            | received    |\n| Current PET-CT report       | MISSING     |\n"
    )
    p = propose(_letter(text))
    assert p.value("outcome") == "pended" and [r["item"] for r in p.requested] == ["Current PET-CT report"]


# -- 5. a reason labelled for whom it is shown, a question over the answer; a status line's date --------------------
@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Status: Denied\nReason shown to member:\n  No KRAS G12C result was sent with the request.\n", "No KRAS G12C result"),
        ("Reason given: the dose asked for is above the label's maximum.\n", "the dose asked for"),
        ("What did we decide?\n    No.\nWhy did we say no?\n    Your scan shows no progression on first-line care.\n", "no progression"),
    ],
)
def test_more_reason_labels(text: str, reason: str) -> None:
    hit = fields.denial_reason(text)
    assert hit is not None and reason in hit.value


def test_a_window_from_a_status_lines_date() -> None:
    text = "Status ........ Declined (03/02/2027)\nAppeal: within 30 days from the status date above.\n"
    hit, _ = fields.appeal_deadline(text, None)
    assert hit is not None and hit.value == date(2027, 4, 1)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Member no ....   QRH 5527 0093\nCase .........   QB 27 0311 5820      |\n", "QB 27 0311 5820"),
        ("Request ........  TX 4410 2291\n", "TX 4410 2291"),
        ("Case   QB 27 0311 5820   |\n", "QB 27 0311 5820"),  # a fax lost the leaders
    ],
)
def test_a_spaced_number_after_leaders(text: str, number: str) -> None:
    hit = fields.authorization_number(text)
    assert hit is not None and hit.value == number


def test_a_spaced_figure_after_leaders_is_no_number() -> None:
    assert fields.authorization_number("Request ........ 2027 0412\n") is None  # guard: no letters, no id
