"""Issue 18, safety pass on the twenty-first letters set: letters of our own wording for each class of WRONG value
found there (a chat transcript about another patient not flagged, a day-first birth date read month first, a
request's "when and where" read as the item asked for, another drug's row and its sentences read as LUMAKRAS's),
and guards that must stay as they are."""

from __future__ import annotations

from datetime import date

import pytest

from priorauth.letters import chat, declared_order, fields, line_refs, not_items, outcome
from priorauth.letters.proposal import match, propose
from tests.letters.reading import fax as _fax
from tests.letters.reading import pdf as _pdf

# -- 1. a chat transcript whose turns are stamped with a date, the patient named in the clinic's own words -----------
_CHAT = (
    "Northfold Health - Provider Chat\n\n"
    "[02/11/2027 10:02] You: {opening}\n"
    "                   {wrapped}\n"
    "[02/11/2027 10:03] System: You are now chatting with Tess (Pharmacy Desk).\n"
    "[02/11/2027 10:04] Tess: Found it, reference NFH-27-0211-5512. It is pended: we need\n"
    "                   the most recent CT report.\n"
    "[02/11/2027 10:05] Tess: Please upload within 7 days to 555-0190.\n"
    "[02/11/2027 10:06] System: Chat ended.\n"
)


@pytest.mark.parametrize(
    ("opening", "wrapped", "name"),
    [
        (
            "Hi, checking the LUMAKRAS PA - Rosalind Fairweather-Oku,",
            "DOB 04/18/1962, member NFH-4410-2278.",
            "Rosalind Fairweather-Oku",
        ),
        (
            "Status of the LUMAKRAS PA for Bertram J. Ellison, born",
            "04/18/1962? Member NFH-4410-2278.",
            "Bertram J. Ellison",
        ),
        ("Hello Rosalind Fairweather, DOB 04/18/1962,", "member NFH-4410-2278 - any news?", "Rosalind Fairweather"),
    ],
)
def test_chat_with_dated_stamps_names_its_patient(opening: str, wrapped: str, name: str) -> None:
    said = chat.patient(_CHAT.format(opening=opening, wrapped=wrapped))
    assert said["name"].value == name
    assert said["member_id"].value == "NFH-4410-2278"


def test_chat_about_another_patient_is_flagged_digital_and_fax() -> None:
    text = _CHAT.format(
        opening="Checking a LUMAKRAS PA - Rosalind Fairwaether,", wrapped="DOB 04/18/1962, member NFH-4410-2278."
    )
    case = {"name": "Rosalind Fairweather", "birth_date": date(1962, 4, 18), "member_id": "NFH-4410-2278"}
    for read in (_pdf(text), _fax(text)):
        assert "name" in match(propose(read, None), case)[0]


@pytest.mark.parametrize(
    "opening",
    [
        "Hi, any news on a LUMAKRAS PA?",  # no name before a date of birth: none read
        "Hi Tess, DOB 04/18/1962 is on file.",  # a greeting and one word: no name
    ],
)
def test_chat_name_guards(opening: str) -> None:
    assert "name" not in chat.patient(_CHAT.format(opening=opening, wrapped="member NFH-4410-2278."))


def test_undated_two_turn_exchange_is_no_transcript() -> None:
    assert (
        chat.patient("[02/11/2027 10:02] You: Query for Jane Doe, DOB 01/02/1960.\n[02/11/2027 10:03] Ann: ok\n") == {}
    )


# -- 2. a letter that says once its dates are day first -----------------------------------------------------------
@pytest.mark.parametrize(
    ("head", "born"),
    [
        ("Wattle Mutual                          (dates DD/MM/YYYY)", date(1961, 11, 5)),
        ("All dates in this letter are shown as dd/mm/yyyy.", date(1961, 11, 5)),
        ("Dates: DD-MM-YYYY", date(1961, 11, 5)),
        ("(dates MM/DD/YYYY)", date(1961, 5, 11)),  # guard: month first said, nothing changes
        ("Enter the date of service as DD/MM/YYYY.", date(1961, 5, 11)),  # guard: not said of the letter's dates
    ],
)
def test_birth_read_in_the_letter_wide_order(head: str, born: date) -> None:
    text = (
        f"{head}\n\nDate of letter: 22/03/2027\n\nMr Owen Tallis\nDate of birth: 05/11/1961\nMember no.: WM 4410 2271\n"
    )
    assert fields.patient(text)["birth_date"].value == born


def test_birth_with_a_month_name_is_never_reread() -> None:
    assert declared_order.reread("5 November 1961", date(1961, 11, 5)) == date(1961, 11, 5)


def test_birth_label_order_wins_over_the_letter_wide_statement() -> None:
    text = "(dates DD/MM/YYYY)\n\nPatient: Owen Tallis\nDOB (MM/DD/YYYY) 05/11/1961\n"
    assert fields.patient(text)["birth_date"].value == date(1961, 5, 11)


# -- 3. a request's object that names nothing to send ---------------------------------------------------------------
@pytest.mark.parametrize(
    "obj",
    [
        "within 7 days to 555-0190",
        "in 10 business days",
        "by 03/15/2027",
        "to us as soon as possible",
        "it within 14 days of this letter to fax 555-0190",
        "the items checked below",
        "the documents marked above",
        "the following",
    ],
)
def test_no_item(obj: str) -> None:
    assert not_items.no_item(obj)


@pytest.mark.parametrize(
    "obj",
    [
        "the most recent CT report within 7 days",  # a thing as well as when: an item
        "the enclosed form",
        "chart notes from the last visit to 555-0190",
    ],
)
def test_no_item_guards(obj: str) -> None:
    assert not not_items.no_item(obj)


def test_request_read_past_a_when_and_where_sentence() -> None:
    text = _CHAT.format(opening="Checking a LUMAKRAS PA - Owen Tallis,", wrapped="DOB 04/18/1962.")
    assert [h.value for h in fields.requested(text)] == ["the most recent CT report"]


# -- 4. another drug's numbered row, and its "Line N" sentences ----------------------------------------------------
_ROWS = (
    "DETERMINATION SUMMARY                      Notice date: 05/04/2027\n\n"
    "No | Drug                    | Request #     | Decision | Dates                   | Qty\n"
    "---+-------------------------+---------------+----------+-------------------------+---------\n"
    "{a} | METOCLOPRAMIDE 10 MG TAB | QRX-0504-1101 | DENIED   | -                       | -\n"
    "{b} | LUMAKRAS 120 MG TABLET  | QRX-0504-1102 | APPROVED | 05/04/2027 - 11/03/2027 | 240 tablets/30 days\n\n"
    "Line {a} reason: the plan allows at most 30 tablets per 30 days.\n"
    "Line {a} may be appealed within 60 days.\n\n"
    "Line {b}: nothing more is needed.\n"
)


@pytest.mark.parametrize(("a", "b"), [("1", "2"), ("2", "1")])
def test_our_row_read_other_rows_sentences_blanked(a: str, b: str) -> None:
    text = _ROWS.format(a=a, b=b)
    p = propose(_pdf(text), None)
    assert p.value("authorization_number") == "QRX-0504-1102"
    assert p.value("outcome") == "approved"
    assert "30 tablets per 30 days" not in outcome.scope(text).ours
    assert "nothing more is needed" in outcome.scope(text).ours


def test_line_reference_guards() -> None:
    text = "Line 2: no action.\nsee line 1 above for the reason\n"
    assert line_refs.theirs(text, {"1"}, {"2"}) == []  # our own row's line, a row named mid-sentence
    assert line_refs.row_number("ONDANSETRON 8 MG | DENIED", 0) is None  # a row without a number


# -- 5. at fax: a chat's wrapped lines at the margin, a stamp's bracket read as a parenthesis -----------------------
def test_chat_wrapped_at_the_margin_still_names_its_patient() -> None:
    text = (
        "[02/11/2027 10:02] You: Checking a LUMAKRAS PA - Rosalind Fairwaether,\n"
        "DOB 04/18/1962, member NFH-4410-2278.\n"
        "(02/11/2027 10:03] Tess: Found it, reference NFH-27-0211-5512.\n"
        "[02/11/2027 10:04] System: Chat ended.\n"
    )
    said = chat.patient(text)
    assert said["name"].value == "Rosalind Fairwaether"
    assert said["member_id"].value == "NFH-4410-2278"


def test_line_outside_a_turn_is_never_joined() -> None:
    text = "Transcript of a chat\nRosalind Fairweather, DOB 04/18/1962\n\n[02/11/2027 10:02] You: hi\n[02/11/2027 10:03] A: hi\n[02/11/2027 10:04] B: bye\n"
    assert "name" not in chat.patient(text)


# -- 6. a letter date read at the patient's birth date ---------------------------------------------------------
def test_letter_date_at_the_birth_date_is_dropped() -> None:
    from priorauth.letters import birth_not_dated
    from priorauth.letters.spans import Hit

    born = Hit(date(1951, 10, 14), 40, 50)
    assert birth_not_dated.letter_date(Hit(date(1951, 10, 14), 40, 50), born) is None
    assert birth_not_dated.letter_date(Hit(date(1951, 10, 14), 90, 100), born) is None
    kept = Hit(date(2027, 3, 30), 90, 100)
    assert birth_not_dated.letter_date(kept, born) is kept  # guard: another day stays


def test_appeal_window_never_counted_from_a_birth_date() -> None:
    text = (
        "Coverage Desk - note\nMember Ansel Ruthven, DOB 08/02/1950, member QRS-2201-7781\n\n"
        "The LUMAKRAS request was denied: ECOG 3 documented.\n"
        "You have 60 days from the date of this letter to appeal.\n"
    )
    p = propose(_fax(text), None)
    assert p.value("appeal_deadline") is None or p.value("appeal_deadline").year >= 2000


# -- 7. at fax: a stray stroke after an id's letters that the letter's other id lacks -------------------------------
@pytest.mark.parametrize(
    ("value", "text", "doubt"),
    [
        ("QRSI-2201-118", "Ref #: QRSI-2201-118\nMember #: QRS 118 2201 5\n", True),
        ("QRSl 2201 118", "Ref: QRSl 2201 118   Member: QRS-5510-22\n", True),
        ("MHI-2207-15", "Ref #: MHI-2207-15\nMember #: ZX 118 2201 5\n", False),  # guard: no other id shares "MH"
        ("QRS-2201-118", "Ref #: QRS-2201-118\nMember #: QRS 118 2201 5\n", False),  # guard: no stroke
    ],
)
def test_stray_stroke_in_an_id(value: str, text: str, doubt: bool) -> None:
    from priorauth.letters import stray_glyph

    start = text.index(value)
    assert stray_glyph.doubtful(value, text, start, start + len(value)) is doubt


def test_stray_stroke_is_never_doubted_on_a_text_layer() -> None:
    text = "PA Tracking #: QRSI-2201-118   Date reviewed: 03/01/2027\nMember #: QRS 118 2201 5\nApproved Y / N: Y\n"
    assert propose(_pdf(text), None).value("authorization_number") in (None, "QRSI-2201-118")
