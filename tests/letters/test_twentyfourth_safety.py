"""Issue 18, safety pass on the twenty-fourth letters set: letters of our own wording for each class of WRONG value
found there (a Danish patient block no label read, a Japanese birth date in its year-month-day characters or their
missing-glyph boxes, an ID card's number beside a policy's, a household statement's entries, a member's id labelled
"on the request", a Markdown criteria table read as a reason sentence, a fax's stray mark before a reason's colon,
an "Auth ID" read as the member's), and guards that must stay as they are."""

from __future__ import annotations

from datetime import date

import pytest

from priorauth.letters import (
    card_number,
    cjk_dates,
    fields,
    household,
    member_on_request,
    nordic_patient,
    pipe_table,
    stray_label,
)
from priorauth.letters.proposal import match, propose
from tests.letters.reading import fax as _fax
from tests.letters.reading import pdf as _pdf

# -- 1. a Danish / Nordic patient block ------------------------------------------------------------------------------
_NORDIC = (
    "HAVSTRAND SYGEKASSE (fiktiv)\n\n"
    "Medlem:              {name}\n"
    "Fødselsdato:         {born}\n"
    "Medlemsnummer:       HSK 1144 2093 8\n\n"
    "Afgørelse:           GODKENDT\n"
)


@pytest.mark.parametrize(
    ("name", "want"),
    [("Karen Lindholt", "Karen Lindholt"), ("Søren Østergård Bæk", "Søren Østergård Bæk"), ("Lise Ahl-Mørch", "Lise Ahl-Mørch")],
)
def test_a_nordic_member_label_names_the_patient(name: str, want: str) -> None:
    text = _NORDIC.format(name=name, born="23.11.1957")
    assert fields.patient(text)["name"].value == want
    assert fields.patient(text)["member_id"].value == "HSK 1144 2093 8"


def test_a_nordic_letter_about_another_patient_is_flagged() -> None:
    p = propose(_pdf(_NORDIC.format(name="Karen Lindsholt", born="23.11.1957")))
    case = {"name": "Karen Lindholt", "birth_date": date(1957, 11, 23), "member_id": "HSK 1144 2093 8"}
    assert "name" in match(p, case)[0]


@pytest.mark.parametrize(
    ("born", "want"),
    [("23.11.1957", date(1957, 11, 23)), ("31-01-1949", date(1949, 1, 31)), ("07.07.1962", date(1962, 7, 7))],
)
def test_a_nordic_birth_date_is_read_day_first(born: str, want: date) -> None:
    assert nordic_patient.birth(_NORDIC.format(name="Karen Lindholt", born=born)).value == want


@pytest.mark.parametrize("born", ["04.11.1957", "31.13.1957", "1957-11-23"])
def test_a_nordic_birth_date_whose_order_matters_or_is_no_day_is_not_read(born: str) -> None:
    assert nordic_patient.birth(_NORDIC.format(name="Karen Lindholt", born=born)) is None


@pytest.mark.parametrize(
    "line",
    ["Medlemsnummer:  Karen Lindholt", "Medlem siden:  Karen Lindholt", "Medlem:  Karen", "Medlem:  HSK 1144", "Vi skriver til medlem: Karen Lindholt"],
)
def test_what_is_no_nordic_name_label_reads_nothing(line: str) -> None:
    assert nordic_patient.NAME.search(line + "\n") is None


# -- 2. a birth date in year-month-day characters (or the boxes of their missing glyphs) -----------------------------
@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("生年月日 (Date of birth):   1948年3月9日", date(1948, 3, 9)),
        ("생년월일:  1961년 11월 2일", date(1961, 11, 2)),
        ("■■■■ (Date of birth):   1948■3■9■", date(1948, 3, 9)),
        ("DOB  1970年12月31日", date(1970, 12, 31)),
    ],
)
def test_a_year_month_day_birth_date_is_read(line: str, want: date) -> None:
    assert cjk_dates.birth(line + "\n").value == want


@pytest.mark.parametrize(
    "line",
    ["生年月日:  昭和23年3月9日", "■■■■ (Date of birth):   1948■3■9", "受付日:  2027年8月11日", "生年月日:\n1948年3月9日", "生年月日:  1948年2月30日"],
)
def test_what_is_no_year_month_day_birth_date_reads_nothing(line: str) -> None:
    assert cjk_dates.birth(line + "\n") is None


def test_a_japanese_letter_about_a_patient_born_another_year_is_flagged() -> None:
    text = "被保険者氏名 (Insured):   Haruki Tanabe\n生年月日 (Date of birth):   1948年3月9日\n審査結果 (Result):  承認\n"
    p = propose(_pdf(text))
    assert "date of birth" in match(p, {"name": "Haruki Tanabe", "birth_date": date(1949, 3, 9)})[0]


# -- 3. an ID card's number beside a policy's ------------------------------------------------------------------------
_CARD = "Patient name   : Vidya Raman\nDate of birth  : 14-Aug-1971\n{card}Policy no.      : GRP/HLT/2027/0044120\n"


@pytest.mark.parametrize(
    "card",
    ["TPA ID card no.: MTP/IDC/5501277\n", "ID card number : MTP/IDC/5501277\n", "TPAIDcardno.  : MTP/IDC/5501277\n"],
)
def test_the_id_cards_number_is_the_members_over_a_policys(card: str) -> None:
    assert fields.patient(_CARD.format(card=card))["member_id"].value == "MTP/IDC/5501277"


def test_no_card_line_keeps_the_policys_number() -> None:
    assert fields.patient(_CARD.format(card=""))["member_id"].value == "GRP/HLT/2027/0044120"


def test_a_member_id_label_is_kept_beside_a_card_number() -> None:
    text = "Member ID: QRS-4410-22\nHealth ID card no.: MTP/IDC/5501277\n"
    assert fields.patient(text)["member_id"].value == "QRS-4410-22"
    assert card_number.over_policy(text, None) is None


# -- 4. a household statement: the entry naming LUMAKRAS ------------------------------------------------------------
_HOUSEHOLD = (
    "Statement mailed to: Gerald Pennywhistle\n\n"
    "-- Member: Gerald Pennywhistle   Birth date 03/14/1950   Member no. QXH-7700-12-01\n"
    "   {first}\n"
    "-- Member: Marjorie Pennywhistle   Birth date 11/30/1952   Member no. QXH-7700-12-02\n"
    "   {second}\n"
)


def test_a_household_statements_patient_is_the_entry_naming_lumakras() -> None:
    text = _HOUSEHOLD.format(first="metformin 500 mg: APPROVED", second="LUMAKRAS 120 mg: DENIED")
    got = fields.patient(text)
    assert got["name"].value == "Marjorie Pennywhistle"
    assert got["birth_date"].value == date(1952, 11, 30)
    assert got["member_id"].value == "QXH-7700-12-02"
    assert text[got["member_id"].start : got["member_id"].end] == "QXH-7700-12-02"


@pytest.mark.parametrize(
    ("first", "second"),
    [("LUMAKRAS 120 mg: APPROVED", "sotorasib 120 mg: DENIED"), ("metformin: APPROVED", "insulin: DENIED")],
)
def test_a_household_statement_with_no_single_lumakras_entry_is_read_as_before(first: str, second: str) -> None:
    assert household.entry(_HOUSEHOLD.format(first=first, second=second)) is None


@pytest.mark.parametrize(
    "text",
    [
        "Member: Gerald Pennywhistle   DOB 03/14/1950\nLUMAKRAS: APPROVED\nMember: Gerald Pennywhistle   DOB 03/14/1950\n",
        "Member: Gerald Pennywhistle   DOB 03/14/1950\nLUMAKRAS: APPROVED\nPatient: Marjorie Pennywhistle   DOB 11/30/1952\n",
        "Member: Gerald Pennywhistle\nLUMAKRAS: APPROVED\nMember: Marjorie Pennywhistle\n",
    ],
)
def test_what_is_no_household_statement_is_read_as_before(text: str) -> None:
    assert household.entry(text) is None


# -- 5. a member's id labelled "on the request" ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "line", ["Member ID on the request: QXH-7700-12-02", "Patient number as given on the request: QXH-7700-12-02"]
)
def test_a_members_id_on_the_request_is_no_authorization_number(line: str) -> None:
    text = f"We received a request for LUMAKRAS.\n{line}\nWe made no decision.\n"
    assert fields.authorization_number(text) is None


@pytest.mark.parametrize(
    "line", ["Request number: RQ-2207-4410", "Authorization number on the request: RQ-2207-4410", "Request: RQ-2207-4410"]
)
def test_a_requests_own_number_stays(line: str) -> None:
    assert fields.authorization_number(f"{line}\n").value == "RQ-2207-4410"
    assert not member_on_request.names_member(line, 0, line.find("RQ"))


# -- 6. a Markdown criteria table is no reason sentence -------------------------------------------------------------
_TABLE = (
    "| # | Requirement                 | Satisfied? | Comment            |\n"
    "|---|-----------------------------|------------|--------------------|\n"
    "| 1 | Documented KRAS G12C result | Yes        | lab report on file |\n"
    "| 2 | Adult patient               | Not met    | patient is 16      |\n\n"
    "OUTCOME: DENIED — requirement 2 not met. The drug is not approved for patients under 18.\n"
)


def test_a_criteria_tables_rows_are_not_the_reason() -> None:
    reason = fields.denial_reason(_TABLE)
    assert reason is not None and "|" not in reason.value and "requirement 2 not met" in reason.value


@pytest.mark.parametrize(
    ("sentence", "want"),
    [("| Reviewer |\n|---|---|\n| 1 | x |", True), ("| a | b |\n| c | d |", True), ("Reason | Not covered by the plan.", False),
     ("The request does not meet the plan's criteria.", False)],
)
def test_pipe_table_rows(sentence: str, want: bool) -> None:
    assert pipe_table.rows(sentence) is want


# -- 7. a fax's stray mark between a reason's label and its colon ----------------------------------------------------
_STRAY = (
    "Status  : CLAIM DENIED\n"
    "Reason {mark} : Waiting period of 24 months for this condition not served\n"
    "(diagnosis dated before the policy start).\n\n"
    "This is not a refusal of any later reimbursement claim.\n"
)


@pytest.mark.parametrize("mark", ["_", ".", "'", "__"])
def test_a_reason_label_with_a_stray_mark_is_read(mark: str) -> None:
    reason = fields.denial_reason(_STRAY.format(mark=mark))
    assert reason is not None and reason.value.startswith("Waiting period of 24 months")
    assert "reimbursement" not in reason.value


@pytest.mark.parametrize(
    "text",
    ["Reason_code: Waiting period of 24 months\n", "the reason _ : short\n", "Our reason _ : Waiting period of 24 months not served\n"],
)
def test_what_is_no_stray_reason_label_reads_nothing(text: str) -> None:
    assert stray_label.reason(text) is None


# -- 8. an "Auth ID" is never the member's ---------------------------------------------------------------------------
def test_an_auth_id_is_not_the_member_id() -> None:
    text = "Member: Odile Brancusi-Hart  DOB 04/04/1966  Member 1D ZZQ-1100-2233-01\n\nAuth ID:  ZZQ-PH-0901-27-4402\n"
    assert "member_id" not in fields.patient(text)
    assert fields.patient("Plan: Birchmere\nID: BRM-55-10442\n")["member_id"].value == "BRM-55-10442"


def test_the_fax_reading_of_a_card_number_keeps_this_patient() -> None:
    text = "Patient name  : Vidya Raman\nDate of birth  : 14-Aug-1971\nTPAIDcardno.  : MTP/IDC/5501277\nPolicy no.  : GRP/HLT/2027/0044120\n"
    p = propose(_fax(text))
    assert match(p, {"name": "Vidya Raman", "birth_date": date(1971, 8, 14), "member_id": "MTP/IDC/5501277"})[0] == []
