"""Issue 18, safety pass on the twenty-fifth letters set: letters of our own wording for each class of WRONG value
found there (two requests decided side by side in the columns of one table, a reason cell that points to a numbered
note, a Czech / Turkish / Finnish patient block, a grouped member id ending in letters, words a PDF's font could not
print or a fax's OCR read as round glyphs, a glossed label with a stray bar before its id, an umlaut OCR read as
"ii"), and the guards that must keep other letters as they were."""

from __future__ import annotations

from datetime import date

import pytest

from priorauth.letters import fields, glossed, missing_glyphs, more_patient, patient, pointers, side_columns
from priorauth.letters.proposal import match, propose
from tests.letters.reading import fax as _fax
from tests.letters.reading import pdf as _pdf

# -- 1. requests decided side by side -------------------------------------------------------------------------------
_COLUMNS = (
    "EXAMPLE HEALTH FUND (fictitious)\n"
    "Member: Rowan Testperson   Member ID: EHF0042137\n\n"
    "+--------------------------------+--------------------------------+\n"
    "| {left:<31}| {right:<31}|\n"
    "| Reference: {lref:<20}| Reference: {rref:<20}|\n"
    "| Decision: {ldec:<21}| Decision: {rdec:<21}|\n"
    "| {lextra:<31}| {rextra:<31}|\n"
    "+--------------------------------+--------------------------------+\n\n"
    "(1) On item B: the chart shows no KRAS G12C test result on file.\n"
)


def _columns(**kw: str) -> str:
    base = {
        "left": "Item A: granisetron 1 mg",
        "right": "Item B: LUMAKRAS 120 mg",
        "lref": "EHF-77-0010",
        "rref": "EHF-77-0011",
        "ldec": "APPROVED",
        "rdec": "DENIED",
        "lextra": "Valid: 01/02/2028 to 30/04/2028",
        "rextra": "Reason: see below (1)",
    }
    return _COLUMNS.format(**(base | kw))


@pytest.mark.parametrize(
    ("kw", "outcome", "number"),
    [
        ({}, "denied", "EHF-77-0011"),  # our drug on the right, denied; the other approved
        (
            {"left": "Item A: LUMAKRAS 120 mg", "right": "Item B: granisetron 1 mg", "lref": "EHF-77-0011",
             "rref": "EHF-77-0010", "ldec": "DENIED", "rdec": "APPROVED", "lextra": "Reason: see below (1)",
             "rextra": "Valid: 01/02/2028 to 30/04/2028"},
            "denied",
            "EHF-77-0011",
        ),  # our drug on the left
    ],
)
def test_the_column_naming_our_drug_is_the_one_read(kw: dict[str, str], outcome: str, number: str) -> None:
    p = propose(_pdf(_columns(**kw)))
    assert p.value("outcome") == outcome
    assert p.value("authorization_number") == number
    assert p.value("period_start") is None
    assert "KRAS G12C test result" in (p.value("denial_reason") or "")


@pytest.mark.parametrize(
    "text",
    [
        # no column names our drug: nothing is cut
        _columns(right="Item B: dexamethasone 4 mg"),
        # a label-and-value table decides nothing side by side
        "| Drug     | LUMAKRAS 120 mg |\n| Decision | APPROVED        |\n",
        # both columns name our drug
        _columns(left="Item A: LUMAKRAS 240 mg"),
    ],
)
def test_a_table_that_is_not_two_decisions_side_by_side_is_left_whole(text: str) -> None:
    assert side_columns.scope(text) is None


# -- 2. a reason that points to a numbered note -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Reason: see below (2)\n\n(2) Prior use of the same agent with progression.\n", "Prior use of the same agent"),
        ("Grund: siehe unten (1)\n\n(1) Es liegt kein Befund der Mutation vor.\n", "kein Befund der Mutation"),
    ],
)
def test_a_pointer_to_a_note_reads_the_note(text: str, want: str) -> None:
    m = pointers.NOTE.match(text.split("\n", 1)[0].split(":", 1)[1])
    assert m is not None
    hit = pointers.footnote(text, text.index("\n"), m.group("n") or m.group("m"))
    assert hit is not None and want in hit.value


def test_a_pointer_with_no_note_leaves_the_reason_empty() -> None:
    text = "Reason: see below (3)\n\n(1) Another note entirely.\n"
    assert pointers.footnote(text, text.index("\n"), "3") is None
    assert pointers.NOTE.match("the drug is not covered") is None


# -- 3. a Czech, Turkish or Finnish patient block ---------------------------------------------------------------------
_BLOCKS = {
    "cs": "Pojištěnec:           {name}\nDatum narození:       {born}\nČíslo pojištěnce:     ABC-551203-0099\n",
    "tr": "Sigortalı:            {name}\nDoğum tarihi:         {born}\nÜye no:               ABC-0551-20399\n",
    "fi": "Jäsen:                {name}\nSyntymäaika:          {born}\nJäsennumero:          ABC-05512-039\n",
}


@pytest.mark.parametrize(
    ("lang", "born", "want"),
    [("cs", "3. 12. 1955", date(1955, 12, 3)), ("tr", "03.12.1955", date(1955, 12, 3)), ("fi", "3.12.1955", date(1955, 12, 3))],
)
def test_a_patient_block_in_these_languages_is_read(lang: str, born: str, want: date) -> None:
    got = fields.patient(_BLOCKS[lang].format(name="Alda Probstova", born=born))
    assert got["name"].value == "Alda Probstova"
    assert got["birth_date"].value == want
    assert got["member_id"].value.startswith("ABC-")


@pytest.mark.parametrize("lang", ["cs", "tr", "fi"])
def test_another_patients_birth_day_is_flagged(lang: str) -> None:
    p = propose(_pdf(_BLOCKS[lang].format(name="Alda Probstova", born="4.12.1955")))
    case = {"name": "Alda Probstova", "birth_date": date(1955, 12, 3), "member_id": None}
    assert "date of birth" in match(p, case)[0]


@pytest.mark.parametrize(
    "text",
    [
        "Üye no:   ABC-0551-20399\n",  # a member number's label is no name's
        "Jäsen:    Alda\n",  # one word is no name
        "Pojištěnec: Alda Probstova, jak bylo uvedeno\n",  # inside a sentence
        "Sigortal■:    Alda Pr■bstova\n",  # a name the font could not print is left empty
    ],
)
def test_these_labels_read_no_wrong_name(text: str) -> None:
    assert "name" not in fields.patient(text)


def test_a_date_whose_order_the_letter_said_is_not_read_here() -> None:
    assert more_patient.birth("Syntymäaika:  3.12.1955\n", order_said=True) is None
    assert more_patient.birth("Syntymäaika:  31.2.1955\n", order_said=False) is None  # no calendar day


# -- 4. a grouped member id ending in letters -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("Member number:    QX 1122 3344 TR\n", "QX 1122 3344 TR"),
        ("Member number:    QX 1122 3344 TR    Plan: Gold\n", "QX 1122 3344 TR"),
        ("Member number:    QX1122334 and more words\n", "QX1122334"),  # no grouped id: nothing added
    ],
)
def test_a_grouped_ids_last_letter_group_is_kept(line: str, want: str) -> None:
    assert fields.patient(line)["member_id"].value == want


# -- 5. words the font could not print, or OCR read as round glyphs ---------------------------------------------------
@pytest.mark.parametrize(
    ("span", "ocr", "want"),
    [
        ("■■■ ■■■■ ■■ ■■■.", False, True),
        ("the ■ check box stays", False, False),  # one box is a ticked box or a rule
        ("QOOOODOKRAS result", True, True),
        ("GOOD 10000 tablets", True, False),  # a word of four letters, digits alone
        ("QOOOODOKRAS result", False, False),  # a digital letter's text is not judged for round glyphs
    ],
)
def test_unprinted_words_are_told(span: str, ocr: bool, want: bool) -> None:
    assert missing_glyphs.unprinted(span, ocr) is want


def test_a_reason_in_unprinted_letters_is_left_empty() -> None:
    text = (
        "NOTICE OF NON-APPROVAL\nMember no.: ZZK-1200-33\n\n"
        "Result:   NOT APPROVED\nReason: ■■■ ■■■■ ■■ ■■■ ■■■■.\n(You may object within 60 days of this notice.)\n"
    )
    p = propose(_pdf(text))
    assert p.value("outcome") == "denied"
    assert p.value("denial_reason") is None


# -- 6. a glossed label with a stray bar before its id (fax) ----------------------------------------------------------
def test_a_glossed_member_label_with_a_bar_reads_its_id() -> None:
    text = glossed.glossed("OOOO (Member no.): | QRS-1200-88451\n")
    assert fields.patient(text)["member_id"].value == "QRS-1200-88451"


# -- 7. an umlaut OCR read as "ii" ------------------------------------------------------------------------------------
def test_an_umlaut_read_as_two_is_is_the_same_name() -> None:
    assert patient.glyph_same("Ulla Miiller", "Ulla Müller")
    p = propose(_fax("Patient: Ulla Miiller\nDate of birth: 03/04/1961\n", weak=("Miiller",)))
    case = {"name": "Ulla Müller", "birth_date": date(1961, 3, 4), "member_id": None}
    assert "name" not in match(p, case)[0]
    assert patient.glyph_same("Ulla Moller", "Ulla Müller") is False  # a different vowel stays different


def test_a_word_after_a_grouped_id_is_not_its_letter_group() -> None:
    assert fields.patient("Member number: QX 1122 3344 has been checked\n")["member_id"].value == "QX 1122 3344"


def test_an_english_reason_over_its_unprinted_version_is_read() -> None:
    text = (
        "Decision: DENIED\nReason: the test result on file is from an earlier cancer,\nnot the current one.\n"
        "■■■■■■■ ■■■■ ■■■■■■■■\n"
    )
    assert "earlier cancer" in (propose(_pdf(text)).value("denial_reason") or "")
