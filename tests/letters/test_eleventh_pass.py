"""Issue 18, eleventh pass: the safety misses of the eleventh held-out set (now a development set), as CLASSES
with wordings and layouts written here (never a corpus letter's sentence), table-driven, with guards that must
stay as they are.

1. A flattened PDF form printed with its fields' names (``txtPatientName: ...``, ``chkDenied: On``): the names
   are labels, the check boxes boxes (offsets kept), so its patient is read and another patient is flagged.
2. Wrong numbers: an id of groups cut before its last group is read whole (an id of one piece so cut is left
   empty); a call's reference is not the request's; a member's number under an abbreviation (``MBR NO``,
   ``MEM #``) is never the authorization's, nor is a number that is, elsewhere on the letter, the member id.
3. A payer's own name holding a role word (``... EMPLOYEE HEALTH TRUST``) is never the patient's name.
4. A denial's explanation after its statement is read whole, not one sentence of it; a labelled reason stays.
5. "No information is needed from ..." asks for nothing."""

from __future__ import annotations

from datetime import date

import pytest

from priorauth.letters import fields
from priorauth.letters.proposal import propose
from tests.letters.test_generalise import _letter

CASE = {"name": "Teodora Vasquez-Lindqvist", "birth_date": date(1958, 9, 23), "member_id": "KPX 402 118 7"}


# -- 1. a flattened form's field names ----------------------------------------------------------------------
FORMS = [
    # an insurer's decision form, flattened with its names
    "Lowmoor Plan -- decision_form_v3 (fields)\ntxtPatientName: Teodora Vasquez-Lindqvist\n"
    "txtPatientDOB: 09/23/1958\ntxtMemberID: KPX 402 118 7\ntxtAuthNo: LM-88-20417\n"
    "chkApproved: Off\nchkDenied: On\ntxtDenialReason: The submitted pathology does not confirm the diagnosis.\n",
    # field names of another style, indented, with a checked box as Yes
    "  fldMemberName: Teodora Vasquez-Lindqvist\n  fldDateOfBirth: 1958-09-23\n  fldMemberId: KPX 402 118 7\n"
    "  cbApproved: Yes\n  cbDenied: No\n",
    # the names at a portal's export, the member's id with a number sign
    "cboPlan: Lowmoor Silver\ntxtMemberName: VASQUEZ-LINDQVIST, TEODORA\ntxtBirthDate: Sep 23, 1958\n"
    "txtMemberID: KPX 402 118 7\nchkPending: On\n",
]


@pytest.mark.parametrize("form", FORMS)
def test_a_flattened_forms_patient_is_read_and_matches(form: str) -> None:
    p = propose(_letter(form), CASE)
    assert p.mismatch == []
    assert p.value("patient_member_id") == "KPX 402 118 7"
    assert p.value("patient_birth_date") == date(1958, 9, 23)


@pytest.mark.parametrize("form", FORMS)
def test_a_flattened_form_about_another_patient_is_flagged(form: str) -> None:
    other = form.replace("118 7", "118 4")  # another member's id in the same field
    p = propose(_letter(other), CASE)
    assert "member id" in p.mismatch
    assert p.value("outcome") is None and p.value("authorization_number") is None  # nothing is proposed
    assert p.warnings[0].startswith("the letter is about another patient")


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("txtMemberName: Ada Brook", "Member Name:   Ada Brook"),
        ("chkDenied: On", "[X] Denied   "),
        ("chkApproved: Off", "[ ] Approved    "),
        ("  fldDateOfBirth: 1958-09-23", "  Date Of Birth:  1958-09-23"),
    ],
)
def test_field_names_become_labels_of_the_same_length(line: str, want: str) -> None:
    got = fields.unwidgeted(line)
    assert got == want and len(got) == len(line)


@pytest.mark.parametrize(
    "text",
    [
        "txtabc: lower case after the prefix is no field name",
        "chkDenied: maybe",  # a box neither on nor off stays as printed
        "Context: the word starts with a prefix's letters",
        "The text: txtMemberName is not at a line's start",
    ],
)
def test_field_name_guards(text: str) -> None:
    assert fields.unwidgeted(text) == text


# -- 2. numbers ---------------------------------------------------------------------------------------------
NUMBERS = [
    ("Approval code:  KT 7W22 M9P4\nPrescriber: Dr. Ames", "KT 7W22 M9P4"),
    ("Reference number: QRA 2027 1103 58\n", "QRA 2027 1103 58"),
    ("Request LX-RQ-0443 8812\nPatient: Ada Brook", "LX-RQ-0443 8812"),
    ("Authorization no.: BN-55-1207 X4   Issued 03/02/2027\n", "BN-55-1207 X4"),
    ("Call reference: 0412-88310\nDecision No. PPH-D-27-40113\n", "PPH-D-27-40113"),
    ("Phone ticket #: 22-4410\nReference number: RR-2027-5521\n", "RR-2027-5521"),
    ("MBR NO   KPX 402 118 7          GRP 4400\nREVIEW   PRX-71003-K\nAuthorization: PRX-71003-K\n", "PRX-71003-K"),
]


@pytest.mark.parametrize(("text", "want"), NUMBERS)
def test_numbers_read_whole_and_from_the_right_label(text: str, want: str) -> None:
    hit = fields.authorization_number(text)
    assert hit is not None and hit.value == want


NUMBER_GUARDS = [
    "Call reference / ticket #: 0412-88310\n",  # a call's reference alone: nothing
    "MBR NO   KPX 402 118 7\n",  # a member's number: nothing
    "MEM #: 4471-0932\n",
    "Authorization number: 55120441 7\n",  # an id of one piece cut before a lone group: left empty
]


@pytest.mark.parametrize("text", NUMBER_GUARDS)
def test_number_guards(text: str) -> None:
    assert fields.authorization_number(text) is None


def test_if_you_call_us_give_this_number_is_still_the_number() -> None:
    hit = fields.authorization_number("If you call us, give this approval\nnumber: 7QX-P4-K2R1\n")
    assert hit is not None and hit.value == "7QX-P4-K2R1"


def test_a_number_that_is_the_member_id_elsewhere_is_not_proposed() -> None:
    letter = "Member ID: KPX 402 118 7\nPatient: Teodora Vasquez-Lindqvist\nDecision: DENIED\nReference: KPX 402 118\n"
    p = propose(_letter(letter), CASE)
    assert p.value("authorization_number") is None
    assert any("member id" in w for w in p.warnings)


def test_a_number_beside_a_member_id_is_still_proposed() -> None:
    letter = "Member ID: KPX 402 118 7\nPatient: Teodora Vasquez-Lindqvist\nDecision: DENIED\nReference: LM-88-20417\n"
    assert propose(_letter(letter), CASE).value("authorization_number") == "LM-88-20417"


# -- 3. a payer's name is no patient -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "heading",
    [
        "BRACKEN VALE EMPLOYEE HEALTH TRUST\n\nMEMORANDUM\n",
        "Harlow Member Benefit Fund\n",
        "TOLLGATE PARTICIPANT INSURANCE SOCIETY\n",
    ],
)
def test_a_payers_name_with_a_role_word_is_no_patient(heading: str) -> None:
    got = fields.patient(heading + "DATE: March 3, 2027\nThe request is DENIED.\n").get("name")
    assert got is None


def test_a_patient_after_a_payers_heading_is_still_read() -> None:
    text = "BRACKEN VALE EMPLOYEE HEALTH TRUST\nMember: Teodora Vasquez-Lindqvist\nDOB: 09/23/1958\n"
    got = fields.patient(text)["name"]
    assert got.value == "Teodora Vasquez-Lindqvist"


# -- 4. a denial's explanation is read whole ----------------------------------------------------------------
EXPLAINED = [
    (
        "We cannot approve this request.\nThe biopsy report names the tumour only as carcinoma; the subtype is not\n"
        "documented in the records sent.\n\nYou may appeal within 60 days.\n",
        ("the tumour only as carcinoma", "the subtype is not documented"),
    ),
    (
        "Your request for LUMAKRAS has been denied.\nThe member started the drug on 01/05/2027. Records of a prior\n"
        "platinum regimen were not submitted.\n\nQuestions? Call 555-0100.\n",
        ("started the drug on 01/05/2027", "were not submitted"),
    ),
]


@pytest.mark.parametrize(("letter", "parts"), EXPLAINED)
def test_a_denials_explanation_is_read_whole(letter: str, parts: tuple[str, str]) -> None:
    reason = propose(_letter("Member: Teodora Vasquez-Lindqvist\n\n" + letter), CASE).value("denial_reason")
    assert reason is not None and all(p in reason for p in parts), reason


def test_a_labelled_reason_stays_its_own() -> None:
    letter = (
        "Member: Teodora Vasquez-Lindqvist\n\nYour request has been denied.\n\n"
        "Reason for denial: the plan requires a KRAS G12C result from tissue.\n\nYou may appeal within 60 days.\n"
    )
    reason = propose(_letter(letter), CASE).value("denial_reason")
    assert reason == "the plan requires a KRAS G12C result from tissue."


# -- 5. "no information is needed" asks for nothing -----------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "No information is needed from your office for now.",
        "No documentation is required from the prescriber at this stage.",
        "No records are needed while the pharmacist reviews the request.",
    ],
)
def test_no_information_needed_asks_for_nothing(sentence: str) -> None:
    assert not fields.requested(f"Status: PENDED for a second review.\n{sentence}\n")


def test_information_needed_still_asks() -> None:
    got = fields.requested("Status: PENDED.\nThe following information is needed: a KRAS G12C report.\n")
    assert got and "KRAS G12C report" in got[0].value


# -- 6. the eleventh pass's rest: letters whose outcome was left empty, as classes ---------------------------
# (wordings and layouts written here; each row a letter's text and the outcome it states)
OUTCOMES = [
    # a German letter: the decision as a statement, a heading, a label in the middle of a line
    ("Sehr geehrte Frau Lind,\n\nIhr Antrag auf Kostenübernahme für Lumykras wurde leider abgelehnt.\n", "denied"),
    ("Ablehnung des Antrags auf Kostenübernahme\nVorgang: KV-2027-55120\n", "denied"),
    ("Die Unterlagen zu Sotorasib wurden geprüft. Entscheidung: genehmigt.\nZeitraum: 01.03.2027 bis 31.08.2027\n", "approved"),
    ("Ihr Antrag auf Sotorasib 120 mg ist bewilligt.\n", "approved"),
    ("Bewilligung der Kostenübernahme\nVersicherte: Mara Lind\n", "approved"),
    ("Rückfrage zu Ihrem Antrag vom 02.03.2027\nBitte reichen Sie den Befund der KRAS-Testung nach.\n", "pended"),
    # a Spanish letter's label "Resolución:" (the words after it already read as values)
    ("Medicamento: sotorasib 240 mg\nResolución:      DENEGADA\n", "denied"),
    ("Dictamen: aprobada\nVigencia: del 1 de marzo de 2027 al 31 de agosto de 2027\n", "approved"),
    # an X12 278 response printed as its segments: the HCR action code says it
    ("ST*278*0101*005010X217~\nHCR*A1*QX2711~        certified\nSE*3*0101~\n", "approved"),
    ("ST*278*0102*005010X217~\nHCR*A3*QX2712~\nMSG*DIAGNOSIS NOT ON LABEL.~\nSE*4*0102~\n", "denied"),
    ("ST*278*0103*005010X217~\nHCR*A4*QX2713~\nMSG*SEND THE KRAS REPORT.~\n", "pended"),
    ("HL*4*3*EV*1~\n  HCR*A6*QX2714~\n", "approved"),  # A6: certified with a modification
    # a portal's event log: a time stamp opens the line whose label states the decision
    ("When              Event\n2027-03-02 10:15   Received by fax\n2027-03-04 16:02   Decision: DENIED\n", "denied"),
    ("2027-03-02 10:15:09   Status - approved    by rph.kim\n", "approved"),
    # a wallet card that names itself
    ("+--------------------------------------+\n| OAKRIDGE PLAN  PHARMACY APPROVAL CARD |\n| PA no.: OK-55-1201                   |\n", "approved"),
    # a drug's indication beside the decision is no approval
    ("We could NOT APPROVE this request. LUMAKRAS is approved for adults with NSCLC.\n", "denied"),
    ("Your request was denied: sotorasib is approved only for the treatment of KRAS G12C NSCLC or CRC.\n", "denied"),
    # a label's value "approved with a modification", the part as requested not approved
    ("DECISION    APPROVED WITH MODIFICATION\nThe 120 mg strength as requested is not approved; we approved 240 mg.\n", "approved"),
    # a form's blank fields named "Approved From:" say nothing; its ticked box does
    ("[ ] Approved\n[X] Denied\nApproved From:   \nApproved To:\nApproved Qty:\n", "denied"),
    # a letter saved as a web page: a table's cell is a label's value
    (
        "<html><body><table>\n<tr><td>Member</td><td>Lind,&nbsp;Mara</td></tr>\n"
        "<tr><td>Decision</td><td><b>DENIED</b></td></tr>\n</table></body></html>\n",
        "denied",
    ),
    (
        "<!DOCTYPE html>\n<html><p>Status:&nbsp;<strong>Approved</strong></p>\n"
        "<p>Valid 03/01/2027&nbsp;&ndash;&nbsp;08/31/2027</p></html>\n",
        "approved",
    ),
]


@pytest.mark.parametrize(("letter", "want"), OUTCOMES)
def test_the_outcomes_once_left_empty_are_read(letter: str, want: str) -> None:
    assert propose(_letter(letter), None).value("outcome") == want


OUTCOME_GUARDS = [
    # a German refusal is never an approval ("nicht genehmigt"), nor the other way round
    ("Ihr Antrag wurde nicht genehmigt.\n", "denied"),
    ("Der Antrag ist nicht bewilligt.\n", "denied"),
    # an approval for a period or a quantity is still an approval ("approved for 6 months")
    ("Your request is approved for 6 months.\n", "approved"),
    ("LUMAKRAS is approved for 240 tablets per 30 days.\n", "approved"),
    # a form's field holding a value is no blank: a ticked denial beside an approved period disagrees
    ("[ ] Approved\n[X] Denied\nApproved From: 03/01/2027\n", None),
    # a plain label "approved" beside a denial still disagrees (no modification named)
    ("DECISION    APPROVED\nThe request is not approved.\n", None),
    # an HCR segment quoted in prose, not opening a line, says nothing
    ("Our viewer shows codes such as HCR*A1* for a certified request.\n", None),
    # a text that does not open as a web page keeps its tags as written (a quoted table row decides nothing)
    ("<td>Decision</td><td>DENIED</td> is how our old portal printed it.\n", None),
]


@pytest.mark.parametrize(("letter", "want"), OUTCOME_GUARDS)
def test_outcome_guards(letter: str, want: str | None) -> None:
    assert propose(_letter(letter), None).value("outcome") == want


@pytest.mark.parametrize(
    "page",
    [
        "<html><p>Date&nbsp;of&nbsp;notice: May&nbsp;4,&nbsp;2027</p><ul><li>Chart notes</li></ul></html>",
        "<!doctype html>\n<!-- tpl=v2 -->\n<td>PA&nbsp;number</td><td>QX-1</td>\n",
    ],
)
def test_an_html_letter_is_blanked_to_the_same_length(page: str) -> None:
    out = fields.untagged(page)
    assert len(out) == len(page) and "<" not in out and "&nbsp;" not in out
    assert fields.untagged("Decision: <b>APPROVED</b>") == "Decision: <b>APPROVED</b>"  # not a web page


def test_an_html_letters_list_items_are_what_it_requests() -> None:
    page = (
        "<html><body><h2>We need more information</h2>\n<p>Please send:</p>\n<ul>\n"
        "<li>The pathology report naming the tumour type</li>\n<li>The KRAS G12C test report</li>\n</ul>\n</body></html>\n"
    )
    p = propose(_letter(page), None)
    assert p.value("outcome") == "pended"
    assert [r["item"] for r in p.requested] == ["The pathology report naming the tumour type", "The KRAS G12C test report"]


@pytest.mark.parametrize(
    ("letter", "part"),
    [
        ("Resolución: DENEGADA\nMotivo:   El informe no confirma la mutación\n          KRAS G12C del tumor.\n\nAtentamente,\n",
         "KRAS G12C del tumor"),
        ("Entscheidung: abgelehnt.\n\nBegründung: Der Befund zeigt keine KRAS-G12C-Mutation.\n\nMit freundlichen Grüßen\n",
         "keine KRAS-G12C-Mutation"),
    ],
)
def test_a_spanish_or_german_reasons_label_is_read_whole(letter: str, part: str) -> None:
    reason = propose(_letter(letter), None).value("denial_reason")
    assert reason is not None and part in reason and "Atentamente" not in reason and "Grüßen" not in reason


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Autorización previa n.º: SOL-QX-2027-0415\n", "SOL-QX-2027-0415"),
        ("Solicitud n.o: RQ-55-1201\n", "RQ-55-1201"),
        ("Vorgangsnummer:        KV-2027-55120\n", "KV-2027-55120"),
        ("Genehmigungs-Nr.: GN 4410 2207\n", "GN 4410 2207"),
        ("Aktenzeichen: AZ-27-0311\n", "AZ-27-0311"),
    ],
)
def test_a_spanish_or_german_letters_number(text: str, want: str) -> None:
    hit = fields.authorization_number(text)
    assert hit is not None and hit.value == want


@pytest.mark.parametrize(
    "text",
    [
        "Versichertennummer:    E 318 402 776\n",  # the member's number, never the request's
        "N.º de afiliada:        0047-221903-5\n",
    ],
)
def test_a_spanish_or_german_member_number_is_no_authorization(text: str) -> None:
    assert fields.authorization_number(text) is None


@pytest.mark.parametrize(
    ("letter", "want"),
    [
        # a dateline (a place, then the date) is the letter's date; the appeal window is counted from it
        ("Villa Serena, a 4 de abril de 2027\n\nResolución: DENEGADA\nPuede presentar un recurso dentro de los 30 días "
         "naturales siguientes a la fecha de esta carta.\n", date(2027, 5, 4)),
        ("Lübeck, 2. März 2027\n\nEntscheidung: abgelehnt.\nSie können innerhalb von 30 Tagen ab dem Datum dieses "
         "Schreibens Widerspruch einlegen.\n", date(2027, 4, 1)),
    ],
)
def test_a_spanish_or_german_appeal_window_from_the_dateline(letter: str, want: date) -> None:
    assert propose(_letter(letter), None).value("appeal_deadline") == want


@pytest.mark.parametrize(
    "letter",
    [
        # working days are not calendar days: left empty
        "Villa Serena, a 4 de abril de 2027\n\nResolución: DENEGADA\nPuede presentar un recurso dentro de 15 días "
        "hábiles siguientes a la fecha de esta carta.\n",
        # counted from its receipt, a date the letter does not give: left empty
        "Lübeck, 2. März 2027\n\nEntscheidung: abgelehnt.\nSie können innerhalb eines Monats nach Zugang dieses "
        "Schreibens Widerspruch einlegen.\n",
    ],
)
def test_appeal_windows_not_counted_from_the_letters_date_stay_empty(letter: str) -> None:
    assert propose(_letter(letter), None).value("appeal_deadline") is None
