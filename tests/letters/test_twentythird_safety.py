"""Issue 18, safety pass on the twenty-third letters set: letters of our own wording for each class of WRONG value
found there (an X12 278 viewer whose raw action code a fax misread beside its translation, a name printed twice and
read two ways, a rank before a beneficiary's name, a sure OCR name that is the case's once look-alike glyphs are
folded, a "-thon"/"-than" spelling that is another person's, a CSV row whose empty cells' commas a fax lost, a
dotted day-first letter date, a birth date under its label in a grid read as the letter's date, an appeal decision's
own number, an "independent external review" window, an XML value a fax wrapped), and guards that must stay as they
are."""

from __future__ import annotations

from datetime import date

import pytest

from priorauth.letters import (
    appeal_number,
    appeal_terms,
    column_label,
    dotted_dates,
    fields,
    lost_commas,
    name_endings,
    patient,
    ranks,
    tables,
    wrapped_element,
    x12_action,
)
from priorauth.letters.proposal import match, propose
from priorauth.letters.spans import Hit
from tests.letters.reading import fax as _fax
from tests.letters.reading import pdf as _pdf

# -- 1. a 278 viewer: the raw action code and its translation disagree -> no outcome ---------------------------------
_X12 = (
    "HARBOURLINE EDI VIEWER (fictitious)\n"
    "Segment                                   Meaning\n"
    "NM1*IL*1*OKONKWO-LANE*BRIDGET****MI*HLX4410  Subscriber: {shown}\n"
    "DMG*D8*19600212                           Birth date 1960-02-12\n"
    "HCR*{code}*HLX-UM-2711-0042              Action: {said}\n"
    "MSG*LUMAKRAS 120 MG TABLETS\n"
)


@pytest.mark.parametrize(
    ("code", "said"),
    [("A1", "A4 = Pended"), ("A3", "A1 = Certified"), ("A1", "A1 = Not certified"), ("A6", "A4 = Pending")],
)
def test_code_and_translation_disagreeing_leave_the_outcome_empty(code: str, said: str) -> None:
    text = _X12.format(code=code, said=said, shown="BRIDGET OKONKWO-LANE")
    assert x12_action.disagreement(text)
    assert propose(_fax(text)).value("outcome") is None


@pytest.mark.parametrize(
    ("code", "said", "value"),
    [("A1", "A1 = Certified", "approved"), ("A3", "A3 = Not certified", "denied"), ("A4", "A4 = Pended", "pended")],
)
def test_code_and_translation_agreeing_keep_the_outcome(code: str, said: str, value: str) -> None:
    text = _X12.format(code=code, said=said, shown="BRIDGET OKONKWO-LANE")
    assert x12_action.disagreement(text) is None
    assert propose(_fax(text)).value("outcome") == value


# -- 2. the subscriber's name read two ways (raw segment and translation) -> left empty, still compared ---------------
def test_a_name_read_two_ways_is_left_empty_and_not_another_patient() -> None:
    text = _X12.format(code="A3", said="A3 = Not certified", shown="BRIDGFT OKONKWO-LANE")
    p = propose(_fax(text))
    assert p.patient.get("name") is None
    assert p.weak_patient.get("name") == "BRIDGFT OKONKWO-LANE"
    case = {"name": "Bridget Okonkwo-Lane", "birth_date": date(1960, 2, 12)}
    assert match(p, case)[0] == []


def test_a_name_read_the_same_both_ways_stays() -> None:
    text = _X12.format(code="A3", said="A3 = Not certified", shown="BRIDGET OKONKWO-LANE")
    assert propose(_fax(text)).patient.get("name") == "BRIDGET OKONKWO-LANE"
    assert not x12_action.name_disputed(text, "BRIDGET OKONKWO-LANE")


def test_a_name_read_two_ways_at_digital_is_not_touched() -> None:
    text = _X12.format(code="A3", said="A3 = Not certified", shown="BRIDGFT OKONKWO-LANE")
    assert propose(_pdf(text)).patient.get("name") == "BRIDGFT OKONKWO-LANE"  # no OCR: printed so


# -- 3. a military rank (and its retired mark) before the beneficiary's name ------------------------------------------
@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Beneficiary: MSG (Ret.) Orla P. Vantongeren, DOB 11 Jan 1956", "Orla P. Vantongeren"),
        ("Beneficiary: CDR (Ret) Tobias Merriweather-Ng, DOB 02 Feb 1951", "Tobias Merriweather-Ng"),
        ("Beneficiary: SSgt (USAF, Ret.) Hale Armitage, DOB 30 Jun 1960", "Hale Armitage"),
    ],
)
def test_a_rank_before_the_name_is_no_name(line: str, name: str) -> None:
    text = f"MEMORANDUM FOR Pharmacy\n\n1. {line}.\n2. Determination: APPROVED.\n"
    assert fields.patient(text)["name"].value == name


@pytest.mark.parametrize("value", ["Marisol Ortega", "Sgt Pepperidge", "Major"])
def test_no_rank_alone_is_never_changed(value: str) -> None:
    text = f"Patient: {value} (Ret.) Somebody Else, DOB 01/01/1950"
    assert ranks.past_rank(text, Hit(value, 9, 9 + len(value))) is None


# -- 4. a name read surely, the case's once OCR's look-alike glyphs are folded ---------------------------------------
@pytest.mark.parametrize(
    ("read", "want"),
    [("Casimir Bornaga", "Casimir Borriaga"), ("Ilse Marnot", "Ilse Mamot"), ("Wendel Clarke", "VVendel Clarke")],
)
def test_glyph_folded_sure_name_is_no_other_patient(read: str, want: str) -> None:
    case = {"name": want, "birth_date": date(1949, 6, 1)}
    out, near = patient.compare({"name": read, "birth_date": "1949-06-01"}, case, ocr=True, sure={"name"})
    assert out == [] and near == ["name"]


def test_glyph_folded_name_needs_the_birth_date() -> None:
    case = {"name": "Casimir Borriaga", "birth_date": date(1949, 6, 1)}
    out, _ = patient.compare({"name": "Casimir Bornaga", "birth_date": "1951-06-01"}, case, ocr=True, sure={"name"})
    assert "name" in out


@pytest.mark.parametrize(("read", "want"), [("Casimir Bornega", "Casimir Borriaga"), ("Ilse Marnot", "Ilse Marmot")])
def test_other_letters_than_glyphs_stay_another_name(read: str, want: str) -> None:
    assert not patient.glyph_same(read, want)


# -- 5. spelling variants in a name's last syllable are never a misread ----------------------------------------------
@pytest.mark.parametrize(("a", "b"), [("jonathon", "jonathan"), ("halvorsen", "halvorson"), ("gudmen", "gudman")])
def test_ending_variants_are_two_names(a: str, b: str) -> None:
    assert name_endings.variant(a, b)
    assert not patient._misread(a, b)


@pytest.mark.parametrize(("a", "b"), [("jonalhan", "jonathan"), ("halvorsen", "halvarsen"), ("marlen", "marlon")])
def test_other_one_letter_differences_stay_misreads(a: str, b: str) -> None:
    assert not name_endings.variant(a, b)


def test_a_fax_naming_jonathon_in_a_jonathan_case_is_flagged() -> None:
    text = "Member: Jonathon Ruskova   DOB 03/04/1957   Member ID RSK-440\nYour request is denied.\n"
    case = {"name": "Jonathan Ruskova", "birth_date": date(1957, 3, 4), "member_id": "RSK-440"}
    p = propose(_fax(text))
    assert match(p, case)[0] == ["name"]


# -- 6. a CSV row whose empty cells' commas a fax lost ---------------------------------------------------------------
_CSV = (
    "case_id,member_name,member_dob,member_id,decision,decided_on,start,end,qty,comment\n"
    'QX-27-5501,"Barrow, Linnea",07/19/1958,QX88120,PENDED - RECORDS NEEDED,09/02/2027{gap}"Need: pathology report"\n'
)


def test_a_row_missing_its_empty_cells_is_read_by_its_fields() -> None:
    text = _CSV.format(gap="  ")
    read = tables.read(fields.patient, text) or {}
    assert read["name"].value == "Barrow, Linnea"
    assert read["member_id"].value == "QX88120"


def test_lost_cells_put_back_at_the_one_gap() -> None:
    def split(part: str, at: int) -> list[tuple[int, str]]:
        return [(at, c) for c in part.split(",")]

    cells = lost_commas.refilled('a,b,c  "d"', 0, 7, split)
    assert cells is not None and [v for _, v in cells] == ["a", "b", "c", "", "", "", '"d"']


@pytest.mark.parametrize(("row", "fields_"), [('a,b,c,"d"', 7), ('a  "b",c  "d"', 7), ('a,b  "c"', 20)])
def test_no_single_gap_before_a_quote_is_never_refilled(row: str, fields_: int) -> None:
    # no gap; two gaps (where the cells went is not clear); more cells lost than a run of empty ones
    assert lost_commas.refilled(row, 0, fields_, lambda part, at: [(at, c) for c in part.split(",")]) is None


# -- 7. a dotted day-first letter date ------------------------------------------------------------------------------
_DE = (
    "KASSE MUSTERTAL\n\n                                Talheim, 09.03.2027\n\n"
    "Versicherte/r:   Herr Anton Sailer\nGeburtsdatum:    {born}\n\nIhr Antrag wird abgelehnt.\n"
)


@pytest.mark.parametrize("born", ["05.06.1950 (TT.MM.JJJJ)", "21.06.1950", "05.06.1950 (DD.MM_YYYY)"])
def test_dotted_letter_date_read_day_first_on_evidence(born: str) -> None:
    assert fields.letter_date(_DE.format(born=born)).value == date(2027, 3, 9)


@pytest.mark.parametrize("born", ["05.06.1950", "05/06/1950 (DD/MM/YYYY)"])
def test_dotted_letter_date_without_evidence_is_read_as_before(born: str) -> None:
    assert fields.letter_date(_DE.format(born=born)).value == date(2027, 9, 3)


def test_slashed_dates_are_never_reread_here() -> None:
    assert dotted_dates.reread("09/03/2027", date(2027, 9, 3), "(TT.MM.JJJJ)") == date(2027, 9, 3)


# -- 8. a date under a birth label in a grid is never the letter's date ----------------------------------------------
_GRID = (
    "NORTHFOLD HEALTH             Patient                Reference\n"
    "Drug Review Desk             Quillon A. Brandt      NFH-27-3318\n"
    "PO Box 9                     Member number          {label}\n"
    "(fictitious)                 NFH771023              08/14/1949\n"
)


def test_a_birth_date_under_its_label_is_no_letter_date() -> None:
    text = _GRID.format(label="Birth date")
    assert fields.letter_date(text) is None
    at = text.index("08/14/1949")
    assert column_label.birth_by_label(text, at, at + 10)


def test_a_date_under_a_letter_date_label_stays() -> None:
    assert fields.letter_date(_GRID.format(label="Notice date")).value == date(1949, 8, 14)


# -- 9. an appeal decision's own number over the original request's --------------------------------------------------
_APPEAL = (
    "SALTMARSH HEALTH - APPEALS\n\n"
    "NOTICE OF APPEAL DECISION - DENIAL UPHELD\n\n"
    "Member: Petra Lindqvist     Member ID: SMH-0912\n"
    "{first}\n"
    "Earlier request: SMH-2707-3310, denied 07/01/2027\n\n"
    "We reviewed your appeal for LUMAKRAS (sotorasib). The denial is upheld.\n"
)


def test_an_appeal_decision_takes_its_own_number() -> None:
    text = _APPEAL.format(first="Appeal no.: SMH-AP-27-0815")
    at = text.index("SMH-2707-3310")
    own = appeal_number.appeal_id(text, Hit("SMH-2707-3310", at, at + 13))
    assert own is not None and own.value == "SMH-AP-27-0815"


def test_no_appeal_number_keeps_the_number_read() -> None:
    text = _APPEAL.format(first="")
    at = text.index("SMH-2707-3310")
    assert appeal_number.appeal_id(text, Hit("SMH-2707-3310", at, at + 13)) is None


def test_a_new_prior_authorization_number_is_never_replaced() -> None:
    text = (
        "NOTICE OF APPEAL DECISION - DECISION REVERSED\nAppeal number: SMH-AP-27-0815\n"
        "We reversed the denial. LUMAKRAS is approved:\n  Prior authorization number:  SMH-PA-3318-B\n"
    )
    at = text.index("SMH-PA-3318-B")
    assert appeal_number.appeal_id(text, Hit("SMH-PA-3318-B", at, at + 13)) is None


# -- 10. an "independent external review" window is an appeal window -------------------------------------------------
@pytest.mark.parametrize(
    "said", ["ask for an independent external review", "request an external review", "seek an internal review"]
)
def test_review_kinds_said_together(said: str) -> None:
    assert appeal_terms.REVIEW.search(said)


def test_review_of_status_is_no_appeal() -> None:
    assert not appeal_terms.REVIEW.search("request a review of the status of your file")


def test_external_review_window_counted_from_the_letter() -> None:
    text = "The denial is upheld.\nYou may ask for an independent external review within 90 days from the\ndate of this letter.\n"
    assert fields.appeal_deadline(text, date(2027, 11, 2))[0].value == date(2028, 1, 31)


# -- 11. an XML element's value a fax wrapped onto the next line -------------------------------------------------------
def test_wrapped_element_value_is_joined_same_length() -> None:
    text = "<Period><From>2027-05-01</From><Through>2027-10-3\n1</Through></Period>\n"
    out = wrapped_element.joined(text)
    assert len(out) == len(text) and "<Through>2027-10-31\n</Through>" in out


@pytest.mark.parametrize(
    "text",
    [
        "<Through>2027-10-31</Through>\n<Qty>240</Qty>\n",  # closed on its own line
        "<Through>2027-10-3\n1</Other>\n",  # another element's closing tag
        "<Note>call 555-01\nab</Note>\n",  # letters at the wrap
    ],
)
def test_wrapped_element_guards(text: str) -> None:
    assert wrapped_element.joined(text) == text
