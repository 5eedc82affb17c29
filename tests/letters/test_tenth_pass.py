"""Issue 18, tenth pass: the misses of the tenth held-out set (now a development set), as CLASSES with
wordings and layouts written here (never a corpus letter's sentence), table-driven, with guards that must
stay as they are.

1. False mismatch flags: a hyphenated role is an adjective ("SELF-INSURED PLAN"), not a label; an injured
   employee, a "Surname, Given name:" label, a provincial "Personal Health No." and a French "No d'adhérent";
   a practitioner's "College ID" is no member id; the policyholder's line's date of birth comes last.
2. A record printed raw: a markup message (``<Decision>DENIED</Decision>``, wrapped elements, ``<Item>`` lists),
   a CSV export's single row (wrapped), an app's stacked label / value lines and its badge ``[ DENIED ]``.
3. Outcomes: "notification of approval (with modification)", a history row marked "<- this request", "the
   denial ... is withdrawn" (a reversal), "status PENDING" in a sentence, a banner between dashes.
4. Numbers: "NBR", "Denial ID", "ticket", a Q&A's answer, ids joined by dots or tildes; a zeros id is a
   placeholder.
5. Dates: "Sent Time:", "Issued <date>", apostrophe years, a help desk's MMDDYY after a date's label, "First /
   Last day covered", "Covered dates"; appeal windows "of the date of this response", "to dispute this
   decision", "ask us to review this decision".
6. A French letter; a typed form's entries in underscored blanks; quantities, reasons and requests."""

from __future__ import annotations

from datetime import date

import pytest

from priorauth.letters import dates, fields, outcome, tables
from priorauth.letters.proposal import propose
from tests.letters.test_generalise import _letter

CASE = {"name": "Marisol Q. Dunleavy-Okoro", "birth_date": date(1962, 4, 17), "member_id": "WQX-5521-0983"}


# -- 1. false mismatch flags ----------------------------------------------------------------------------------
OUR_PATIENT = [
    # a self-insured plan's heading, then the injured employee and the employee number
    "HARBORVIEW TRANSIT SELF-INSURED EMPLOYEES' BENEFIT PLAN\nInjured employee:  Marisol Dunleavy-Okoro\n"
    "Date of birth:  17-APR-1962\nEmployee no.:  WQX-5521-0983\n",
    # a provincial notice: surname first after its label, a health number in groups
    "Beneficiary\n  Surname, Given name:  DUNLEAVY-OKORO, Marisol\n  Birth date:  1962/04/17\n"
    "  Personal Health No.:  WQX 5521 0983\nPrescriber:  Dr. Tomas Ridley (College ID 55102)\n",
    # the subscriber first with their own date of birth, then the patient with hers
    "Subscriber:   Bertrand Dunleavy-Okoro   DOB 3 March 1958\nSubscriber ID:  WQX-5521-0900\n"
    "Patient:   Marisol Dunleavy-Okoro   DOB 17 April 1962\nPatient member ID:  WQX-5521-0983\n",
    # a French notice
    "Adhérente :   Marisol Dunleavy-Okoro\nDate de naissance :   17 avril 1962\nNo d'adhérent :   WQX-5521-0983\n",
]


@pytest.mark.parametrize("layout", OUR_PATIENT)
def test_the_cases_patient_in_these_layouts_is_no_mismatch(layout: str) -> None:
    letter = layout + "\nDecision: APPROVED\nAuthorization no.: HV-27-0419\n"
    p = propose(_letter(letter), CASE)
    assert p.mismatch == [], p.patient
    assert p.value("outcome") == "approved"


@pytest.mark.parametrize("layout", OUR_PATIENT)
def test_another_patient_in_these_layouts_is_still_flagged(layout: str) -> None:
    other = layout.replace("0983", "0938")  # another member's id in the same place
    p = propose(_letter(other + "\nDecision: APPROVED\n"), CASE)
    assert "member id" in p.mismatch
    assert p.value("outcome") is None


MISMATCH_GUARDS = [  # what changed must not hide another person's date of birth
    ("Patient:  Marisol Dunleavy-Okoro   DOB 17 April 1961\nMember ID: WQX-5521-0983\n", "date of birth"),
    ("Injured employee:  Marisela Dunleavy-Okoro\nEmployee no.: WQX-5521-0983\n", "name"),
]


@pytest.mark.parametrize(("text", "field"), MISMATCH_GUARDS)
def test_mismatch_guards(text: str, field: str) -> None:
    assert field in propose(_letter(text + "Decision: DENIED\n"), CASE).mismatch


def test_a_hyphenated_role_is_no_label_and_a_college_id_is_no_member_id() -> None:
    got = fields.patient("NORTHSHORE SELF-INSURED WORKERS' COMPENSATION TRUST\nPrescriber ID: (College ID 44120)\n")
    assert "name" not in got and "member_id" not in got


# -- 2. a record printed raw ----------------------------------------------------------------------------------
MARKUP = """Portal message viewer - raw response
<Response>
  <SentTime>2027-06-14T08:30:00Z</SentTime>
  <ReferenceID>QZ4R8T2M</ReferenceID>
  <Patient>
    <Name>DUNLEAVY-OKORO, MARISOL</Name>
    <DateOfBirth>1962-04-17</DateOfBirth>
  </Patient>
  <Status>
    <Decision>{decision}</Decision>
    {body}
  </Status>
</Response>
"""


def test_a_markup_approval_is_read_from_its_elements() -> None:
    body = "<StartDate>2027-06-14</StartDate>\n    <EndDate>2027-12-13</EndDate>\n    <Quantity>60 tablets / 30 days</Quantity>"
    p = propose(_letter(MARKUP.format(decision="APPROVED", body=body)))
    assert p.value("outcome") == "approved"
    assert p.value("period_start") == date(2027, 6, 14) and p.value("period_end") == date(2027, 12, 13)
    assert p.value("quantity") == "60 tablets / 30 days"
    assert p.patient["name"] == "DUNLEAVY-OKORO, MARISOL"


def test_a_markup_denial_reads_its_wrapped_reason_and_its_window() -> None:
    body = (
        "<DenialReason>No record of prior platinum\n      chemotherapy was found. The plan requires it.</DenialReason>\n"
        "    <AppealInstructions>An appeal may be filed within 30 days of the\n"
        "      date of this response.</AppealInstructions>"
    )
    p = propose(_letter(MARKUP.format(decision="DENIED", body=body)))
    assert p.value("outcome") == "denied"
    assert "No record of prior platinum chemotherapy" in p.value("denial_reason")
    assert p.value("letter_date") == date(2027, 6, 14)
    assert p.value("appeal_deadline") == date(2027, 7, 14)


def test_a_markup_requests_items_are_its_list() -> None:
    body = "<InfoNeeded>\n      <Item>Most recent CT report</Item>\n      <Item>Molecular pathology report</Item>\n    </InfoNeeded>"
    p = propose(_letter(MARKUP.format(decision="PENDED - INFORMATION REQUIRED", body=body)))
    assert p.value("outcome") == "pended"
    assert [r["item"] for r in p.requested] == ["Most recent CT report", "Molecular pathology report"]


def test_element_labels_are_words() -> None:
    assert tables.element_label("PAReferenceID") == "PA Reference ID"
    assert tables.element_label("member_date_of_birth") == "member date of birth"


CSV_HEAD = "ref_no,decision,member_name,member_id,valid_from,valid_to,reason,appeal_by\n"


def test_a_csv_exports_single_row_is_read_even_wrapped() -> None:
    row = '"QZ-27-0611","APPROVED","Dunleavy-Okoro,\nMarisol","WQX-5521-0983","2027-06-11","2027-12-10","",""\n'
    p = propose(_letter("export.csv printed 06/11/2027\n\n" + CSV_HEAD + row))
    assert p.value("outcome") == "approved"
    assert p.value("authorization_number") == "QZ-27-0611"
    assert (p.value("period_start"), p.value("period_end")) == (date(2027, 6, 11), date(2027, 12, 10))
    assert p.mismatch == [] and p.patient["member_id"] == "WQX-5521-0983"


def test_a_csv_denial_reads_its_reason_and_appeal_by_columns() -> None:
    row = '"QZ-27-0612","DENIED","Dunleavy-Okoro, Marisol","WQX-5521-0983","","","Prior therapy not documented; notes missing","2027-08-10"\n'
    p = propose(_letter("export.csv\n\n" + CSV_HEAD + row))
    assert p.value("denial_reason").startswith("Prior therapy not documented")
    assert p.value("appeal_deadline") == date(2027, 8, 10)


def test_a_csv_of_several_rows_is_several_requests_none_read_as_this_one() -> None:
    rows = (
        '"QZ-1","APPROVED","A, B","X1","2027-01-01","2027-06-30","",""\n'
        '"QZ-2","DENIED","C, D","X2","","","No","2027-03-01"\n'
    )
    assert tables.pairs("x\n" + CSV_HEAD + rows)[0] == ""


APP = """10:02                      4G  63%
< Back        Request details
{badge}
LUMAKRAS 240 MG TABLET
Member
Marisol Dunleavy-Okoro
Reference
QZ7-44-901-B
Valid dates
Jun 2, '27 - Dec 1, '27
Approved qty
120 tabs / 30 days
"""


def test_an_apps_stacked_lines_and_badge_are_read() -> None:
    p = propose(_letter(APP.format(badge="[ APPROVED ]")))
    assert p.value("outcome") == "approved"
    assert p.value("authorization_number") == "QZ7-44-901-B"
    assert (p.value("period_start"), p.value("period_end")) == (date(2027, 6, 2), date(2027, 12, 1))
    assert p.value("quantity") == "120 tabs / 30 days"


def test_an_app_badge_for_a_denial() -> None:
    hit, _ = outcome.outcome("< Back\n[ DENIED ]\nLUMAKRAS 120 MG\n")
    assert hit is not None and hit.value == "denied"


BADGE_GUARDS = [
    "[ Start an appeal ]\n",
    "[X] Approved   [ ] Denied\n".replace("[X] Approved", "[ ] Approved"),
    "[ See details ]\n",
]


@pytest.mark.parametrize("text", BADGE_GUARDS)
def test_badge_guards(text: str) -> None:
    assert outcome.outcome(text)[0] is None


def test_stacked_pairs_need_three_labels() -> None:
    assert tables.pairs("Member\nMarisol Dunleavy-Okoro\nThank you.\n")[0] == ""


# -- 3. outcomes -----------------------------------------------------------------------------------------------
OUTCOMES = [
    ("SPECIAL ACCESS - NOTIFICATION OF APPROVAL\nDrug: LUMAKRAS 120 mg\n", "approved"),
    (
        "NOTICE OF APPROVAL WITH MODIFICATION\nWhat we approved: LUMAKRAS, 30-day fills.\n"
        "What we did not approve: the 90-day fill.\n",
        "approved",
    ),
    (
        "Request history:\n  RX-26-0101  LUMAKRAS 120 mg  approved   2026-01-05 - 2026-07-04\n"
        "  RX-26-0702  LUMAKRAS 120 mg  denied     2026-07-10\n"
        "  RX-27-0113  LUMAKRAS 120 mg  APPROVED   2027-01-13 - 2027-07-12  <- this request\n",
        "approved",
    ),
    (
        "After the peer-to-peer call, the denial of May 3 is withdrawn and LUMAKRAS 120 mg tablets are now APPROVED.\n",
        "approved",
    ),
    ("Alert for Dr. Ng: Rx LUMAKRAS 320MG for pt M. Okoro: status PENDING - under clinical review.\n", "pended"),
    ("Alert: LUMAKRAS 320MG, status DENIED - see letter to follow.\n", "denied"),
    ("Pharmacy review  *  fax 555-0100\n02 Jun 2027 -- INFORMATION NEEDED -- case QZ:88:21\n", "pended"),
]


@pytest.mark.parametrize(("text", "want"), OUTCOMES)
def test_outcomes_read(text: str, want: str) -> None:
    hit, why = outcome.outcome(text)
    assert hit is not None and hit.value == want, why


OUTCOME_GUARDS = [
    "Your request for LUMAKRAS was withdrawn at the prescriber's request.\n",  # the request itself withdrawn
    "Request history:\n  RX-26-0101  LUMAKRAS 120 mg  approved  2026-01-05\n  RX-26-0702  LUMAKRAS 120 mg  denied  2026-07-10\n",
    "If the status is DENIED you may appeal.\n",  # a conditional
    "The status approved if criteria are met.\n",
]


@pytest.mark.parametrize("text", OUTCOME_GUARDS)
def test_outcome_guards(text: str) -> None:
    assert outcome.outcome(text)[0] is None


def test_a_history_tables_period_is_its_marked_row_or_the_labelled_one() -> None:
    text = (
        "Request history for this member and drug:\n"
        "  RX-26-0101  LUMAKRAS 120 mg  approved   5 January 2026 - 4 July 2026\n"
        "  RX-27-0113  LUMAKRAS 120 mg  APPROVED   13 January 2027 - 12 July 2027  <- this request\n"
    )
    span = fields.period(text)
    assert span is not None and span[0].value == date(2027, 1, 13)


# -- 4. numbers ---------------------------------------------------------------------------------------------
NUMBERS = [
    ("PA NBR.........8QX-441-0027\n", "8QX-441-0027"),
    ("Denial ID: KLM-D-4410-0071\n", "KLM-D-4410-0071"),
    ("02 Jun 2027 -- INFORMATION NEEDED -- ticket QZR:RX:27:06:0913\n", "QZR:RX:27:06:0913"),
    ("Determination number: KLM.R.27.0611.002\n", "KLM.R.27.0611.002"),
    ("Issued 6/2/2027   Review # QLM~27~0602~118\n", "QLM~27~0602~118"),
    ("Is there a number for this request?\n  Yes: 7Q4-R2-K9M1\n", "7Q4-R2-K9M1"),
    ("No de demande :     QC-27-061144\n", "QC-27-061144"),
]


@pytest.mark.parametrize(("text", "want"), NUMBERS)
def test_numbers_read(text: str, want: str) -> None:
    hit = fields.authorization_number(text)
    assert hit is not None and hit.value == want


NUMBER_GUARDS = [
    "Sample appeal letter: Denial ID: KLM-D-0000-0000\n",  # a placeholder
    "Is there anything else?\n  Yes: call us at 555-0100\n",
]


@pytest.mark.parametrize("text", NUMBER_GUARDS)
def test_number_guards(text: str) -> None:
    assert fields.authorization_number(text) is None


# -- 5. dates --------------------------------------------------------------------------------------------------
DATES = [
    ("Jun 2, '27", date(2027, 6, 2)),
    ("Le 9 juin 2027", date(2027, 6, 9)),
    ("1er août 2027", date(2027, 8, 1)),
    ("17 février 1962", date(1962, 2, 17)),
]


@pytest.mark.parametrize(("text", "want"), DATES)
def test_dates_found(text: str, want: date) -> None:
    found = dates.find(text)
    assert found and found[0].day == want


def test_a_help_desks_six_digit_dates_after_their_labels() -> None:
    text = "PT  DUNLEAVY-OKORO, MARISOL\nDOB 041762\nPA STATUS.....APPROVED\nEFF DT........060227\nEXP DT........120127\nQTY/DAYS......60/30\n"
    span = fields.period(text)
    assert span is not None and (span[0].value, span[1].value) == (date(2027, 6, 2), date(2027, 12, 1))
    got = fields.patient(text)
    assert got["birth_date"].value == date(1962, 4, 17) and got["name"].value == "DUNLEAVY-OKORO, MARISOL"
    assert fields.quantity(text).value == "60/30"


def test_six_digits_without_a_dates_label_are_no_date() -> None:
    assert dates.find("Claim 060227 paid") == []
    assert fields.period("Claim 060227 through batch 120127") is None


PERIODS = [
    ("First day covered ..... 06/02/2027\nLast day covered ...... 12/01/2027\n", (date(2027, 6, 2), date(2027, 12, 1))),
    ("Covered dates: Jun 2, '27 - Dec 1, '27\n", (date(2027, 6, 2), date(2027, 12, 1))),
    ("Période d'autorisation : du 2027-06-02 au 2027-12-01\n", (date(2027, 6, 2), date(2027, 12, 1))),
]


@pytest.mark.parametrize(("text", "want"), PERIODS)
def test_periods_read(text: str, want: tuple[date, date]) -> None:
    span = fields.period(text)
    assert span is not None and (span[0].value, span[1].value) == want


LETTER_DATES = [
    ("Issued 6/2/2027   Review # Q-1\n", date(2027, 6, 2)),
    ("Sent Time: 2027-06-02T10:11:12Z\n", date(2027, 6, 2)),
    ("Régime d'assurance\n\nLe 2 juin 2027\n\nObjet : Demande\n", date(2027, 6, 2)),
]


@pytest.mark.parametrize(("text", "want"), LETTER_DATES)
def test_letter_dates(text: str, want: date) -> None:
    hit = fields.letter_date(text)
    assert hit is not None and hit.value == want


APPEALS = [
    "To dispute this decision, the worker may ask for an independent review within 30 days of the date of this determination.",
    "You may ask us to review this decision. Ask within 30 days of the date of this letter.",
    "Appeal: you may appeal within 30 days of the date of this response.",
    "Vous pouvez demander la révision de cette décision dans les 30 jours suivant la date de la présente lettre.",
]


@pytest.mark.parametrize("text", APPEALS)
def test_appeal_windows(text: str) -> None:
    hit, why = fields.appeal_deadline(text, date(2027, 6, 2))
    assert hit is not None and hit.value == date(2027, 7, 2), why


APPEAL_GUARDS = [
    "Please send the records within 30 days of the date of this response.",
    "We will review this decision's effect within 30 days of the date of this letter.",
]


@pytest.mark.parametrize("text", APPEAL_GUARDS)
def test_appeal_guards(text: str) -> None:
    assert fields.appeal_deadline(text, date(2027, 6, 2))[0] is None


# -- 6. a French letter, a typed form, quantities, reasons, requests -------------------------------------------
FRENCH = """RÉGIME D'ASSURANCE MÉDICAMENTS DU LITTORAL
Le 2 juin 2027

No de demande :      QC-27-060211
Adhérente :          Marisol Dunleavy-Okoro
Date de naissance :  17 avril 1962
No d'adhérent :      WQX-5521-0983

{body}
"""


def test_a_french_approval() -> None:
    body = (
        "La demande visant LUMAKRAS (sotorasib) est ACCEPTÉE.\n  Quantité autorisée : 60 comprimés par 30 jours\n"
        "  Période d'autorisation : du 2027-06-02 au 2027-12-01\n"
    )
    p = propose(_letter(FRENCH.format(body=body)), CASE)
    assert p.mismatch == []
    assert p.value("outcome") == "approved" and p.value("authorization_number") == "QC-27-060211"
    assert p.value("quantity") == "60 comprimés par 30 jours"
    assert (p.value("period_start"), p.value("period_end")) == (date(2027, 6, 2), date(2027, 12, 1))


def test_a_french_denial_and_request() -> None:
    body = (
        "La demande est REFUSÉE pour le motif suivant :\n  Aucun traitement antérieur documenté.\n\n"
        "Vous pouvez demander la révision dans les 60 jours suivant la date de la présente lettre.\n"
    )
    p = propose(_letter(FRENCH.format(body=body)))
    assert p.value("outcome") == "denied"
    assert p.value("denial_reason").startswith("Aucun traitement")
    assert p.value("appeal_deadline") == date(2027, 8, 1)
    pended = propose(_letter(FRENCH.format(body="Veuillez nous faire parvenir :\n  1. le rapport de pathologie ;\n")))
    assert pended.value("outcome") == "pended"
    assert [r["item"] for r in pended.requested] == ["le rapport de pathologie ;"]


def test_a_french_refusal_said_negatively_is_no_approval() -> None:
    hit, _ = outcome.outcome("La demande n'est pas acceptée.\n")
    assert hit is not None and hit.value == "denied"


FORM = """Coverage decision form (typed)
Decision date: __06/02/2027______________
Plan reference:  __QZF 27-0602-RX_______
Member:  __Marisol Dunleavy-Okoro__   Date of birth: __04/17/1962__
Decision:   [ ] Approved   [X] Not approved   [ ] More information needed
Reason (if not approved):
__Quantity exceeds the plan limit of three tablets a day__________
Approved from: ______________  to: ______________  Quantity: _____________
"""


def test_a_typed_forms_entries_are_read_out_of_their_blanks() -> None:
    p = propose(_letter(FORM))
    assert p.value("outcome") == "denied"
    assert p.value("authorization_number") == "QZF 27-0602-RX"
    assert p.patient["name"] == "Marisol Dunleavy-Okoro"
    assert "Quantity exceeds the plan limit" in p.value("denial_reason")


def test_an_unfilled_approved_field_says_nothing() -> None:
    assert outcome.outcome("Approved from: ______________  to: ______________\n")[0] is None
    assert fields.unfenced("__AB-1__ x ____") == "  AB-1   x ____"


QUANTITIES = [
    ("Up to 4 tablets a day (120 tablets every 30 days).", "120 tablets every 30 days"),
    ("Take 4 tablets a day.", "4 tablets a day"),  # the daily count alone stays as it was read
]


@pytest.mark.parametrize(("text", "want"), QUANTITIES)
def test_quantities(text: str, want: str) -> None:
    assert fields.quantity(text).value == want


def test_a_reason_after_leaders_ends_at_the_next_field() -> None:
    text = "PA STATUS.....DENIED\nREASON........NOT ON FORMULARY FOR\n  THIS DIAGNOSIS\nQTY RQSTD.....120/30\n-------\n"
    assert fields.denial_reason(text).value == "NOT ON FORMULARY FOR THIS DIAGNOSIS"


def test_a_second_request_sentence_adds_its_items() -> None:
    text = "We are reviewing it and need: the latest CT report. Please also send: the pathology report.\n"
    assert [h.value for h in fields.requested(text)] == ["the latest CT report", "the pathology report"]


PATIENTS = [
    ("Covered person:  Marisol Dunleavy-Okoro\n", "name", "Marisol Dunleavy-Okoro"),
    ("Re: Marisol Dunleavy-Okoro  (born 17 Apr 1962)  member WQX-5521-0983\n", "member_id", "WQX-5521-0983"),
    ("Marisol Dunleavy-Okoro\nDOB 1962-04-17\nMember WQX 5521 0983\n", "member_id", "WQX 5521 0983"),
    ("To: Marisol Dunleavy-Okoro\n    Born: April 17 1962\n", "name", "Marisol Dunleavy-Okoro"),
    ("for pt MARISOL DUNLEAVY-OKORO, DOB 04/17/1962\n", "name", "MARISOL DUNLEAVY-OKORO"),
    ("Patient:  Amélie Dunleavy-Okoro\n", "name", "Amélie Dunleavy-Okoro"),
]


@pytest.mark.parametrize(("text", "field", "want"), PATIENTS)
def test_patient_fields(text: str, field: str, want: str) -> None:
    assert fields.patient(text)[field].value == want


PATIENT_GUARDS = [
    ("Member since 2019, thank you.\n", "member_id"),
    ("Our member services team: 555-0100\n", "member_id"),
]


@pytest.mark.parametrize(("text", "field"), PATIENT_GUARDS)
def test_patient_guards(text: str, field: str) -> None:
    assert field not in fields.patient(text)


# -- 7. the same classes as a fax's OCR reads them ------------------------------------------------------------
FAX_OUTCOMES = [
    # OCR read an empty box as "[J]" in a row whose one ticked box is "[X]"
    ("Decision:  [] Approved  [X] Not approved  [J] More information needed\n", "denied"),
    ("Decision:  [l] Approved  [X] Approved with change  [] Not approved\n", "approved"),
    # a form's blank fields lost their underscores
    ("Decision:  [X] Not approved\nApproved from:  to:  Quantity:\n", "denied"),
    # a stray brace before an app's badge
    ("< Back\n{[ DENIED ]\nLUMAKRAS 120 MG\n", "denied"),
    ("ASHCOMBE HEALTH PLAN\nPrescription Authorization - Approval\nMailed 2 June 2027\n", "approved"),
    ("Rx Prior Authorization | Approval\n", "approved"),
]


@pytest.mark.parametrize(("text", "want"), FAX_OUTCOMES)
def test_fax_outcomes(text: str, want: str) -> None:
    hit, why = outcome.outcome(text)
    assert hit is not None and hit.value == want, why


FAX_OUTCOME_GUARDS = [
    "Decision:  [J] Approved  [ ] Denied\n",  # no [X] in the row: a lone mark is not read as empty, nor as ticked
    "Approved from:  to:  Quantity:\n",  # an empty form says nothing
]


@pytest.mark.parametrize("text", FAX_OUTCOME_GUARDS)
def test_fax_outcome_guards(text: str) -> None:
    assert outcome.outcome(text)[0] is None


def test_a_closing_tag_as_ocr_read_it() -> None:
    lines, _ = tables.pairs("<Message>\n<MemberID>QZ0048817</MemberlD>\n<Decision>APPROVED</Decision>\n")
    assert "Member ID: QZ0048817" in lines and "Decision: APPROVED" in lines


def test_a_csv_header_wrapped_at_fax() -> None:
    text = 'export.csv\n\nref_no,status,member_name,qty_a\npproved,reply_by\n"QZ-1","PENDED - INFO\nNEEDED" ,"Okoro, M","60/30","2027-06-20"\n'
    lines, _ = tables.pairs(text)
    assert "qty approved: 60/30" in lines and "status: PENDED - INFO NEEDED" in lines


def test_a_member_word_needs_a_digit() -> None:
    assert "member_id" not in fields.patient("calling about member Lee Okoro,\nmember IDJ  RH 4401927 6.\n")


def test_a_blanks_lone_mark_at_fax_is_no_part_of_the_entry() -> None:
    text = "Decision date: _ 06/02/2027\nPlan reference:  — QZF 27-0602-RX\nDecision:  [X] Not approved\n"
    p = propose(_letter(text))
    assert p.value("authorization_number") == "QZF 27-0602-RX"
    assert fields.unfenced("Range: 2027 — 2028") == "Range: 2027 — 2028"  # a dash between values stays
