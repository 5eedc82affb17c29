"""Issue 18, the twenty-ninth pass: the thirty-first set (US plans' letters) read whole, and the thirtieth set's
leftovers. Each CLASS of miss closed with letters of our own wording (never a held-out letter's sentence), table-driven,
each with the guards that must stay as they are (ids ``[p29-...]`` in the comments; ``[p29-g-...]`` the guards).
Synthetic names and numbers only."""

from __future__ import annotations

from datetime import date

import pytest

from priorauth.letters import dash_leaders, key_rows, label_gloss, name_glyphs, several_drugs, specks
from tests.letters.test_generalise import _read

_HEAD = "Harbor Ridge Health Plan (fictitious)\nMay 3, 2027\n\nMember: Odell P. Vance   DOB: 07/19/1958   ID: HRH000000090\n"


# -- 1. a decision in US plans' words, and what keeps words from stating one -------------------------------------------
@pytest.mark.parametrize(
    ("body", "want"),
    [
        # [p29-pended-verb] the plan "has pended" the request; "THE PLAN REQUESTS ADDITIONAL INFORMATION" as a heading
        ("Drug: LUMAKRAS 120 mg\nHarbor Ridge has pended the prior authorization until the records below arrive.\n", "pended"),
        ("NOTICE - THE PLAN REQUESTS ADDITIONAL INFORMATION\nDrug: LUMAKRAS 120 mg\n", "pended"),
        # [p29-under-review] the request's status under clinical review: pending
        ("Drug: LUMAKRAS 120 mg\nSTATUS: Your request is under clinical review.\nWe will write when it is done.\n", "pended"),
        ("Drug: LUMAKRAS 120 mg\nCase status: under medical review\n", "pended"),
        # [p29-g-under-review] a receipt, a letter that says it is no decision, a review of something else: nothing
        ("Upload receipt\nDrug: LUMAKRAS 120 mg\nYour request is under clinical review.\n", None),
        ("Drug: LUMAKRAS 120 mg\nThis notice is not a decision. Your request is under clinical review.\n", None),
        ("Drug: LUMAKRAS 120 mg\nThe policy is under clinical review by our committee this year.\n", None),
        # [p29-prior-approval] "prior approval request" is the request's name, never an earlier approval
        ("Re: prior approval request - LUMAKRAS 120 mg\nThe Trust has denied the prior approval request for the drug above.\n", "denied"),
        # [p29-g-prior-approval] an earlier approval still says nothing of this request
        ("Drug: LUMAKRAS 120 mg\nYour prior approval ended on 04/30/2027.\n", None),
        # [p29-unproven] an approval's words inside what the plan could not show: the letter's denial is read
        ("Drug: LUMAKRAS 120 mg\nWe could not confirm that the coverage criteria were met, so the request is denied.\n", "denied"),
        ("Drug: LUMAKRAS 120 mg\nThe notes did not show that the plan's requirements were met.\n", None),
        # [p29-g-unproven] criteria met said outright is an approval, as before
        ("Drug: LUMAKRAS 120 mg\nThe coverage criteria were met and the request is approved.\n", "approved"),
    ],
)
def test_a_decision_in_us_plans_words(body: str, want: str | None) -> None:
    assert _read(_HEAD + body)["outcome"] == want


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # [p29-authonzed] a fax's "authonzed" (its "ri" read as one "n")
        ("Drug: LUMAKRAS 120 mg\nThe drug below has been authonzed for the member.\n", "approved"),
        # [p29-g-authonzed] negated, it is no approval (nor read as a denial: the misread stands only for an approval)
        ("Drug: LUMAKRAS 120 mg\nThe drug below has not been authonzed.\n", None),
    ],
)
def test_a_faxs_misread_authorized(body: str, want: str | None) -> None:
    assert _read(_HEAD + body, ocr=True)["outcome"] == want


# -- 2. a summary of several requests, each named by its number ---------------------------------------------------------
def test_a_summary_of_requests_named_by_number_reads_lumakras_block() -> None:
    text = (
        _HEAD + "\nWe decided the requests your office sent:\n\n"
        "Request HR-PA-550901 - metoclopramide 10 mg tablets\n   Decision: DENIED. Reason: not on formulary.\n"
        "Request HR-PA-550902 - LUMAKRAS (sotorasib) 120 mg tablets\n"
        "   Decision: APPROVED 06/01/2027 through 11/30/2027; quantity 240 tablets per 30 days.\n"
    )
    got = _read(text)
    assert (got["outcome"], got["number"]) == ("approved", "HR-PA-550902")
    assert (got["start"], got["end"]) == (date(2027, 6, 1), date(2027, 11, 30))
    # [p29-g-summary] a request's number with no drug and dose after its dash, or words between the number and the
    # dash, opens no block of its own
    assert several_drugs.sections("Request HR-PA-550901 - see the list below\nRequest HR-PA-550902 - as above\n") == []
    assert several_drugs.sections(
        "Request HR-PA-550901 was received - metoclopramide 10 mg\nRequest HR-PA-550902 was received - LUMAKRAS 120 mg\n"
    ) == []


# -- 3. the request's number under US portals' and renewals' labels -----------------------------------------------------
@pytest.mark.parametrize(
    ("body", "want"),
    [
        # [p29-key] an ePA portal's "Key | <id>" row
        ("Key            | PA-4TQZ-70815\nDrug           | LUMAKRAS 120MG TAB\nStatus         | APPROVED\n", "PA-4TQZ-70815"),
        # [p29-reauth] a renewal's "Reauthorization #:"
        ("Drug: LUMAKRAS 120 mg\nReauthorization #: RN-27-550114\nThe renewal is approved.\n", "RN-27-550114"),
        # [p29-request-no] a subject's "Prior authorization request <no>"
        ("Re: Prior authorization request 2027061100925\nDrug: LUMAKRAS 120 mg\nThe request is approved.\n", "2027061100925"),
        # [p29-g-number] a key inside a sentence, a request's count, a key with no digit: nothing read from them
        ("Drug: LUMAKRAS 120 mg\nThe key | value list is below.\nThe request is approved.\n", None),
        ("Drug: LUMAKRAS 120 mg\nPrior authorization request 1 of 3 is approved.\n", None),
    ],
)
def test_the_requests_number_under_us_labels(body: str, want: str | None) -> None:
    assert _read(_HEAD + body)["number"] == want


# -- 4. an export's key|value rows ---------------------------------------------------------------------------------------
def test_an_exports_key_value_rows_are_read_as_labels() -> None:
    text = (
        "# Portal export (fictitious)\nfield|value\nauth_id|7700123400991\nmember_name|Odell P. Vance\n"
        "member_dob|1958-07-19\nmember_id|HRH000000090\ndrug_name|LUMAKRAS 120 MG TABLET\ndecision|Approved\n"
        "auth_start|2027-06-01\nauth_end|2027-08-31\napproved_quantity|720 tablets per 90 days\n"
    )
    got = _read(text)
    assert (got["outcome"], got["number"], got["quantity"]) == ("approved", "7700123400991", "720 tablets per 90 days")
    assert (got["start"], got["end"]) == (date(2027, 6, 1), date(2027, 8, 31))
    assert (got["name"], got["birth"], got["member"]) == ("Odell P. Vance", date(1958, 7, 19), "HRH000000090")
    # [p29-fax-rows] a fax's blank before an underscore, its bar read as "]" or "|/": the same rows
    fax = key_rows.labelled("field|value\nauthorization_id|/55012\nmember _name|A B\ndecision_date]2027-01-02\n")
    assert fax == "field:value\nauthorization id: 55012\nmember  name:A B\ndecision date:2027-01-02\n"


@pytest.mark.parametrize(
    "text",
    [
        # [p29-g-rows] a table drawn with bars and spaced cells, one snake_case line, two rows with no header: unchanged
        "Status            | APPROVED\nKey               | PA-1\nDrug              | LUMAKRAS\n",
        "See file_name|other for details.\n",
        "alpha_one|1\nbeta_two|2\n",
    ],
)
def test_no_export_is_left_as_printed(text: str) -> None:
    assert key_rows.labelled(text) == text


# -- 5. a Spanish label glossed in brackets before its colon --------------------------------------------------------------
def test_a_glossed_spanish_label_is_read_where_the_letter_left_the_field_empty() -> None:
    text = (
        "PLAN DE SALUD DEL VALLE (ficticio) [fictitious]\n\n4 de mayo de 2027\n\n"
        "Paciente [patient]:                  Ramón Ortega Vidal\n"
        "Núm. de caso [case no.]:             PV-2027-05-1180\n"
        "Medicamento [drug]:                  LUMAKRAS (sotorasib) 120 mg\n\n"
        "Decisión [decision]: DENEGADA [DENIED]\n\n"
        "Razón [reason]: el plan no cubre el medicamento sin la prueba de mutación KRAS G12C.\n"
        "[The plan does not cover the drug without the KRAS G12C mutation test.]\n"
    )
    got = _read(text)
    assert (got["outcome"], got["number"], got["name"]) == ("denied", "PV-2027-05-1180", "Ramón Ortega Vidal")
    assert got["reason"] == "el plan no cubre el medicamento sin la prueba de mutación KRAS G12C."


@pytest.mark.parametrize(
    "text",
    [
        # [p29-g-gloss] a value's gloss after the colon, a bracket of digits, a bracket opening its line: as printed
        "Decisión: DENEGADA [DENIED]\n",
        "Ref [12]: x\n",
        "[note]: x\n",
    ],
)
def test_a_gloss_that_is_no_labels_stays(text: str) -> None:
    assert label_gloss.unglossed(text) == text


# -- 6. a portal's period, reason and questions in "Label | value" rows --------------------------------------------------
def test_a_portals_rows_give_the_period_the_reason_and_the_questions() -> None:
    approved = _HEAD + "Drug          | LUMAKRAS 120MG TAB\nStatus        | APPROVED\nEffective     | 2027-06-01\nExpires       | 2027-11-30\n"
    got = _read(approved)
    assert (got["start"], got["end"]) == (date(2027, 6, 1), date(2027, 11, 30))
    # [p29-g-bar-period] a bar after other labels ("From | ...") is a table's, read by the table rules as before
    from priorauth.letters import fields

    assert fields.period("| From          | 04 Apr 2028 |\n| To            | 03 Oct 2028 |\n") is None
    denied = (
        _HEAD + "Drug          | LUMAKRAS 120MG TAB\nStatus        | DENIED\n"
        "Denial reason | The notes show no KRAS G12C result from an approved test\nAppeal info   | See the member letter.\n"
    )
    assert _read(denied)["reason"] == "The notes show no KRAS G12C result from an approved test"  # [p29-bar-reason]
    pended = (
        _HEAD + "Drug          | LUMAKRAS 120MG TAB\nStatus        | PENDED - QUESTIONS SENT\n"
        "Clinical questions (answer each one):\nQ1 | What was the date of the last scan?\nQ2 | Is the patient on a PPI?\n"
    )
    assert _read(pended)["requested"] == ["What was the date of the last scan?", "Is the patient on a PPI?"]
    sent = _HEAD + "Drug: LUMAKRAS 120 mg\nThe plan has pended the request and asks the prescriber to send:\n  > The last two office notes\n"
    assert _read(sent)["requested"] == ["The last two office notes"]  # [p29-asks-to-send]


# -- 7. a limit printed as its code; a Spanish "cada" ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("LIMIT..........: QL 8/day\n", "8/day"),  # [p29-ql]
        ("Cantidad aprobada: 240 tabletas cada 30 días\n", "240 tabletas cada 30 días"),  # [p29-cada]
        ("Quantity limit: 240 tablets per 30 days\n", "240 tablets per 30 days"),  # [p29-g-ql] as before
    ],
)
def test_a_limit_code_and_a_spanish_every(line: str, want: str) -> None:
    assert _read(_HEAD + "Drug: LUMAKRAS 120 mg\nThe request is approved.\n" + line)["quantity"] == want


# -- 8. a fax's dot leaders read as dashes ---------------------------------------------------------------------------------
def test_a_faxs_dash_leaders_are_read_as_colons() -> None:
    text = (
        "PRIOR AUTHORIZATION DETERMINATION\n\nMEMBER NAME. - ODELL P. VANCE\nMEMBER DOB _ - 19-JUL-1958\n"
        "MEMBERID ~~ - HRH000000090\nPA NUMBER ~ - RX27150A00911\nDRUG  * LUMAKRAS TAB 120MG\nDECISION  - APPROVED\n"
        "EFF DATE _ - 01-JUN-2027\nTERM DATE  - 30-NOV-2027\n"
    )
    got = _read(text, ocr=True)
    assert (got["outcome"], got["number"]) == ("approved", "RX27150A00911")
    assert (got["start"], got["end"]) == (date(2027, 6, 1), date(2027, 11, 30))
    assert (got["name"], got["member"]) == ("ODELL P. VANCE", "HRH000000090")


@pytest.mark.parametrize(
    "text",
    [
        # [p29-g-dash] a heading with a dash alone, a range, a label's own hyphen, two lines only: as printed
        "PRIOR AUTHORIZATION - DENIAL\nThe request is denied.\n",
        "APPROVED 3/18/27 - 9/17/27\n",
        "E-MAIL - none\nFAX - none\n",
    ],
)
def test_no_run_of_dash_leaders_stays(text: str) -> None:
    assert dash_leaders.colons(text) == text


# -- 9. a fax's name whose word opens with a small l -------------------------------------------
@pytest.mark.parametrize(
    ("name", "doubted"),
    [
        ("Odell Paul lrwin", True),  # [p29-small-l] a fax's "l" for a capital I or T
        ("Maria la Torre", False),  # [p29-g-small-l] a particle; a name with no small word
        ("Juan de los Santos", False),
        ("Odell P. Vance", False),
    ],
)
def test_a_names_word_opening_with_a_small_l_is_doubted(name: str, doubted: bool) -> None:
    assert name_glyphs.doubtful(name, 0, lambda a, b: 1.0, 0.9) is doubted


# -- 10. the letter's date in the order its other dates show ----------------------------------------------------------------
def test_the_letters_date_is_read_in_the_order_its_dates_show() -> None:
    text = (
        "SALUD ANDINA (ficticia)                                   Quito, 10/03/2027\n\n"
        "Afiliado titular: Ramón Ortega Vidal\nFecha de nacimiento: 25/11/1960\nMedicamento: LUMAKRAS 120 mg\n"
        "Resultado: DENEGADO.\nMotivo: no cumple los criterios del plan.\n"
        "You may appeal within 30 days of the date of this letter.\n"
    )
    assert _read(text)["deadline"] == date(2027, 4, 9)  # [p29-day-order] 10 March + 30 days
    us = text.replace("25/11/1960", "11/25/1960")
    assert _read(us)["deadline"] == date(2027, 11, 2)  # [p29-g-day-order] month first shown: 3 October + 30 days


# -- 11. a fax's speck between a label's colon and a name ---------------------------------------------------------------------
def test_a_faxs_speck_before_a_name_is_blanked() -> None:
    text = _HEAD.replace("Member: Odell P. Vance   DOB: 07/19/1958   ID: HRH000000090\n", "") + (
        "Member name: © Odell P. Vance\nMember ID:  HRH000000090\nDrug: LUMAKRAS 120 mg\nThe request is approved.\n"
    )
    assert _read(text, ocr=True)["name"] == "Odell P. Vance"  # [p29-speck]


@pytest.mark.parametrize(
    "text",
    [
        # [p29-g-speck] a symbol glued to an id, before small letters, or not after a colon: as printed
        "Member ID: ©HP-0001\n",
        "Note: © see below\n",
        "Printed by © Harbor Ridge\n",
    ],
)
def test_no_speck_before_a_name_stays(text: str) -> None:
    assert specks.blanked(text) == text
