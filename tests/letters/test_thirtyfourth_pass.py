"""Issue 18, the thirty-second pass: the thirty-fourth set (US plans' letters) read whole. Each CLASS of miss closed with
letters of our own wording (never a held-out letter's sentence), table-driven, each with the guards that must stay as
they are (ids ``[p32-...]`` in the comments; ``[p32-g-...]`` the guards). Synthetic names and numbers only."""

from __future__ import annotations

from datetime import date

import pytest

from priorauth.letters import patient
from priorauth.letters.proposal import propose
from priorauth.letters.requested_items import requested
from tests.letters.test_generalise import _letter, _read

_HEAD = "Larkspur Valley Health (fictitious)\nJune 8, 2027\n\nMember: Odile P. Framley   DOB: 07/21/1957   ID: LVH000000913\n"
_DRUG = "Drug: LUMAKRAS 120 mg tablets\n"


# -- 1. a decision in the thirty-fourth set's wordings ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "want"),
    [
        # [p32-notice-of-approved] a notice's title naming the approved authorization, a line of its own
        ("\nNOTICE OF APPROVED SPECIALTY DRUG AUTHORIZATION\n\n" + _DRUG, "approved"),
        ("\nNotice of Approved Coverage\n\n" + _DRUG, "approved"),
        # [p32-g-notice-of-approved] what it names is no decision, or the words in a sentence
        ("\nNOTICE OF APPROVED PHARMACIES\n\n" + _DRUG, None),
        (_DRUG + "\nKeep the notice of approved coverage we will mail to you with your records.\n", None),
        # [p32-granted-title] a title saying the approval was granted, alone on its line ("prior approval" its name)
        ("\nPRIOR APPROVAL GRANTED\n\n" + _DRUG, "approved"),
        ("\nAUTHORIZATION GRANTED\n\n" + _DRUG, "approved"),
        # [p32-g-granted-title] an earlier prior approval granted, in a sentence, states nothing of this request
        (_DRUG + "\nThe prior approval granted to you in 2025 for another drug ended in March.\n", None),
        # [p32-plan-will-cover] a Medicare notice's "your plan will cover" the drug named
        (
            "We are glad to tell you that your plan will cover LUMAKRAS 120 mg tablets your doctor asked for.\n",
            "approved",
        ),
        ("Your Medicare plan will cover this drug for the rest of the plan year.\n" + _DRUG, "approved"),
        # [p32-g-plan-will-cover] a condition, a time or a limit after it: a promise, no decision
        ("Your plan will cover LUMAKRAS once we receive the biomarker report.\n", None),
        ("Your plan will cover LUMAKRAS only after a trial of a preferred drug.\n", None),
        # [p32-g-plan-will-cover] a sentence about an appeal is read by the appeal's rules, as before
        ("Decision: Upheld\nYour appeal has been upheld and the plan will cover LUMAKRAS.\n", None),
        # [p32-g-plan-will-cover-neg] (review fix) a negation, a doubt, a question or a condition in the sentence
        ("This letter does not mean that your plan will cover LUMAKRAS.\n" + _DRUG, None),
        ("This notice does not guarantee that your plan will cover LUMAKRAS.\n" + _DRUG, None),
        ("Is it true that your plan will cover LUMAKRAS?\n" + _DRUG, None),
        ("We will write to tell you whether your plan will cover LUMAKRAS.\n" + _DRUG, None),
        ("Nothing here says your plan will cover this drug.\n" + _DRUG, None),
        # [p32-placed-on-hold] a relay's report that the plan put the request on hold
        ("Update from our intake desk: the insurer has placed the sotorasib prior authorization on hold.\n", "pended"),
        ("The reviewer has placed the PA on hold.\n" + _DRUG, "pended"),
        # [p32-g-placed-on-hold] a hold on something else than the request
        ("The pharmacy has placed the LUMAKRAS shipment on hold until you call us.\n", None),
        # [p32-pend-title] a title whose status after its dash is the information it waits for
        ("\nPHARMACY REQUEST - PENDING INFORMATION\n\n" + _DRUG, "pended"),
        ("\nPA REVIEW - PENDED FOR ADDITIONAL DOCUMENTATION\n\n" + _DRUG, "pended"),
        # [p32-g-pend-title] an appeal's title, or a sample's
        ("\nAPPEAL - PENDING INFORMATION\n\n" + _DRUG, None),
        ("\nSAMPLE LETTER - PENDING INFORMATION\n\n" + _DRUG, None),
    ],
)
def test_a_decision_in_the_thirty_fourth_sets_words(body: str, want: str | None) -> None:
    assert _read(_HEAD + body)["outcome"] == want


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # [p32-earlier-closed] what is closed is the earlier authorization the letter replaces
        (
            "\nDOSE CHANGE - APPROVED\n\nLUMAKRAS has been approved at 480 mg once daily.\n"
            "The previous authorization for 960 mg daily is closed as of this date.\n",
            "approved",
        ),
        # [p32-g-earlier-closed] the request itself closed ("prior authorization" is its name, never an earlier one)
        ("Your prior authorization request is closed as incomplete.\n" + _DRUG, None),
        ("This request was withdrawn by the prescriber.\n" + _DRUG, None),
    ],
)
def test_an_earlier_authorization_closed(body: str, want: str | None) -> None:
    assert _read(_HEAD + body)["outcome"] == want


@pytest.mark.parametrize(
    ("line", "want"),
    [
        # [p32-part-label] a Medicare notice's label names its part first, the letter's date in the column after it
        ("Part D Drug Determination: APPROVED                              June 8, 2027\n", "approved"),
        ("Part B Coverage Determination: DENIED                            June 8, 2027\n", "denied"),
        # [p32-g-part-label] a label with no decision in it
        ("Part D Coverage Determination:                                   June 8, 2027\n", None),
    ],
)
def test_a_medicare_parts_label(line: str, want: str | None) -> None:
    assert (
        _read("Larkspur Valley Medicare (fictitious)\n" + line + "\nMember: Odile P. Framley\n" + _DRUG)["outcome"]
        == want
    )


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # [p32-compound-status] a status word glued by a hyphen to the word before it, in a sentence holding a dose
        (
            "NOTICE OF DENIAL OF COVERAGE\n\nWe denied this request because:\n"
            "  The dose asked for, 1,440 mg per day, is more than the FDA-approved\n  dose of 960 mg per day.\n",
            "denied",
        ),
        # [p32-g-compound-status] an item's status after a dash with blanks, as before
        ("ONDANSETRON 8 mg tablets - APPROVED\nLUMAKRAS 120 mg tablets - DENIED\n", "denied"),
    ],
)
def test_a_compound_word_is_no_items_status(body: str, want: str | None) -> None:
    assert _read(_HEAD + body)["outcome"] == want


# -- 2. a quantity for each supply --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        # [p32-each-supply] "for each 30-day supply": "each" after "for", the supply's length hyphenated
        (
            "Coverage runs to December 31, 2027, for 240 tablets for each 30-day supply.",
            "240 tablets for each 30-day supply",
        ),
        ("We approved 120 tablets per each 30-day supply.", "120 tablets per each 30-day supply"),
        # [p32-g-each-supply] a dose for each day is no fill's quantity
        ("Take 8 tablets at the same time each day with water.", None),
    ],
)
def test_a_quantity_for_each_supply(sentence: str, want: str | None) -> None:
    got = _read(_HEAD + "We approved your request for LUMAKRAS.\n" + sentence + "\n")
    assert got["quantity"] == want


# -- 3. what a pended letter asks ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "want"),
    [
        # [p32-missing-items] a heading "Missing items:" over its list; an item its own line marks as not needed
        (
            "Missing documents:\n  1. Signed attestation from the prescriber\n  2. Current weight\n"
            "  3. Hepatitis B screen - NOT NEEDED for this member\n\nFax missing documents to 800-555-0199.\n",
            ["Signed attestation from the prescriber", "Current weight"],
        ),
        # [p32-pended-for] a pend form's "Pended for:" and "Also needed:" lines; a series of names in capitals stays whole
        (
            "Pended for: proof that KRAS, NRAS and BRAF results were reviewed\nAlso needed: the latest CBC\n",
            ["proof that KRAS, NRAS and BRAF results were reviewed", "the latest CBC"],
        ),
        # [p32-director-requests] a reviewer who requests a thing of the prescriber
        (
            "The pharmacy reviewer requests a copy of the pathology addendum.\nCall 800-555-0198 with questions.\n",
            ["a copy of the pathology addendum"],
        ),
        # [p32-need-before-decide] a relay's "they need <what> before they will decide"
        (
            "Per the plan's nurse they need the latest brain MRI report before they will decide.\n",
            ["the latest brain MRI report"],
        ),
        # [p32-how-to-send] the instruction under an ask's one line is no part of it
        (
            "Please send: the molecular pathology report from the outside lab\nFax to 800-555-0197 within 10 days.\n",
            ["the molecular pathology report from the outside lab"],
        ),
    ],
)
def test_what_a_pended_letter_asks(body: str, want: list[str]) -> None:
    assert [h.value for h in requested(body)] == want


@pytest.mark.parametrize(
    "body",
    [
        # [p32-g-asks] the member's request, a need with no decision after it, missing items named in a sentence
        "The member requests a copy of the plan's formulary.\n",
        "They need a few more days to finish.\n",
        "Fax missing items to 800-555-0199.\n",
    ],
)
def test_look_alikes_of_an_ask_read_nothing(body: str) -> None:
    assert requested(body) == []


def test_an_items_inline_list_of_names_in_a_sentence_still_splits() -> None:
    # [p32-g-names-series] commas between words in small letters part the items, as before
    got = [h.value for h in requested("Please send the pathology report, the office notes, and the scan report.\n")]
    assert got == ["the pathology report", "the office notes", "the scan report"]


# -- 4. numbers and dates -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "want"),
    [
        # [p32-exception-id] a PBM's formulary exception under its own id (dot leaders; at fax the leaders lost)
        ("Exception ID .. EXC-0612-4471\n", "EXC-0612-4471"),
        ("Formulary exception no.: FE-27-55012\n", "FE-27-55012"),
        ("Exception ID EXC-0612-4471\n", "EXC-0612-4471"),
        # [p32-g-exception-id] an exception's kind is no id
        ("Exception type: tier 2\n", None),
    ],
)
def test_an_exceptions_id(line: str, want: str | None) -> None:
    got = _read(_HEAD + "\nFORMULARY EXCEPTION - DENIED\n\n" + line + "\nLUMAKRAS is not on the plan's formulary.\n")
    assert got["number"] == want


@pytest.mark.parametrize(
    ("rows", "want"),
    [
        # [p32-range-under-birth] a range on its own labelled line under a line that ends with a birth date
        (
            "Member: Odile P. Framley          DOB: 07/21/1957\nAuthorized: 06/08/2027 - 12/07/2027\n",
            ("2027-06-08", "2027-12-07"),
        ),
        # [p32-g-range-under-birth] a range right after the birth date's label is still no period
        ("Member: Odile P. Framley\nDOB: 07/21/1957 - 12/07/2027\n", (None, None)),
    ],
)
def test_a_range_under_a_birth_dates_line(rows: str, want: tuple[str | None, str | None]) -> None:
    got = _read("Larkspur Valley Health (fictitious)\nJune 8, 2027\n\nApproved: LUMAKRAS 120 mg tablets\n" + rows)
    assert tuple(str(x) if x else None for x in (got["start"], got["end"])) == want


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        # [p32-amended-notice] this amended notice is this letter: its date counts
        ("You may appeal within 60 days of the date of this amended notice.", date(2027, 8, 7)),
        ("You may appeal within 60 days of the date of this corrected letter.", date(2027, 8, 7)),
        # [p32-g-amended-notice] "the corrected notice" may be a later letter: no date to count from
        ("You may appeal within 60 days of the date of the corrected notice we will send.", None),
    ],
)
def test_an_amended_notices_own_date(sentence: str, want: date | None) -> None:
    got = _read(
        _HEAD
        + "\nCorrected decision: DENIED\nReason: the chart does not show a KRAS G12C result.\n\n"
        + sentence
        + "\n"
    )
    assert got["deadline"] == want


@pytest.mark.parametrize(
    ("heading", "want"),
    [
        # [p32-caps-heading-date] at fax a heading in capitals, the gap before the date's column closed to one blank
        ("CORRECTED NOTICE - PLEASE READ Jun. 8, 2027", date(2027, 8, 7)),
        ("PHARMACY DETERMINATION Jun. 8, 2027", date(2027, 8, 7)),
        # [p32-g-caps-heading-date] a heading that names another date: no letter's date
        ("RENEWAL DUE Jun. 8, 2027", None),
        ("COVERAGE ENDS Jun. 8, 2027", None),
        # [p32-g-caps-heading-named-date] (review fix) a heading naming a service's, a fill's, a review's, a birth's ... date
        ("DATE OF SERVICE 06/01/2027", None),
        ("FILL DATE 06/01/2027", None),
        ("REVIEW DATE Jun. 8, 2027", None),
        ("RENEWAL Jun. 8, 2027", None),
        ("REQUEST RECEIVED Jun. 8, 2027", None),
        ("DATE OF REQUEST Jun. 8, 2027", None),
        ("DATE OF ADMISSION Jun. 8, 2027", None),
    ],
)
def test_a_faxs_caps_heading_and_its_date(heading: str, want: date | None) -> None:
    text = (
        "LARKSPUR VALLEY HEALTH (fictitious)\n\n"
        + heading
        + "\n\nMember: Odile P. Framley   ID: LVH000000913\n"
        + _DRUG
        + "\nDecision: DENIED\nReason: the chart does not show a KRAS G12C result.\n\n"
        "You may appeal within 60 days of the date of this notice.\n"
    )
    assert _read(text, ocr=True)["deadline"] == want


@pytest.mark.parametrize(
    ("header", "want"),
    [
        # [p32-header-speck] a speck a fax left after a header cell's word
        ("Status |Auth#  |Drug  |From  |To_  | Units", ("2027-06-08", "2028-06-07")),
        ("Status |Auth#  |Drug  |From.  |To~  | Units", ("2027-06-08", "2028-06-07")),
    ],
)
def test_a_grids_header_cell_with_a_speck(header: str, want: tuple[str, str]) -> None:
    text = (
        "LARKSPUR VALLEY HEALTH (fictitious)\nAuthorization Record  Run date 06/08/2027\n\n" + header + "\n"
        "APPROVED | 5512000347 | LUMAKRAS 120MG TAB | 06/08/2027 | 06/07/2028 | 2,880\n\nMember: Odile P. Framley\n"
    )
    got = _read(text, ocr=True)
    assert (str(got["start"]), str(got["end"])) == want


# -- 5. a name a fax read with a c as an e ------------------------------------------------------------------------------
_CASE = {"name": "Odile P. Framczyk", "birth_date": date(1957, 7, 21), "member_id": "LVH000000913"}


@pytest.mark.parametrize(
    ("read", "ocr", "want"),
    [
        # [p32-c-as-e] read surely at fax, the same name once an "e" for a "c" is folded, the other details agreeing: near
        ({"name": "Odile P. Framezyk", "birth_date": "1957-07-21", "member_id": "LVH000000913"}, True, ([], ["name"])),
        # [p32-g-c-as-e] a text layer's spelling is as printed; a vowel changed is another name; a birth date differing
        ({"name": "Odile P. Framezyk", "birth_date": "1957-07-21", "member_id": "LVH000000913"}, False, (["name"], [])),
        ({"name": "Odile P. Framczak", "birth_date": "1957-07-21", "member_id": "LVH000000913"}, True, (["name"], [])),
        (
            {"name": "Odile P. Framezyk", "birth_date": "1958-07-21", "member_id": "LVH000000913"},
            True,
            (["name", "date of birth"], []),
        ),
    ],
)
def test_a_name_read_with_a_c_as_an_e(read: dict, ocr: bool, want: tuple[list[str], list[str]]) -> None:
    assert patient.compare(read, _CASE, ocr=ocr, sure={"name"}) == want


# -- 6. a PBM's "ID / Person code" -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("row", "want"),
    [
        # [p32-person-code] the member's id first, its person code after the slash
        ("  ID / Person code        LVH0048812207 / 02\n", "LVH0048812207"),
        ("  ID / person code  LVH0048812207 / 01\n", "LVH0048812207"),
        # [p32-g-person-code] a person code alone is no member id
        ("  Person code             02\n", None),
    ],
)
def test_a_pbms_id_and_person_code(row: str, want: str | None) -> None:
    text = "Larkspur Rx Benefits (fictitious)\nJune 8, 2027\n\n  Patient                 Odile P. Framley\n" + row
    assert _read(text + "  DOB                     July 21, 1957\n")["member"] == want


@pytest.mark.parametrize(
    ("ocr", "want"),
    [
        # [p32-c-as-e-value] at fax the name is then no value (its spelling unknown): a weak reading, no patient flag
        (True, (None, "Odile P. Framezyk", [])),
        # [p32-g-c-as-e-value] a text layer's name is as printed: given, and another patient's
        (False, ("Odile P. Framezyk", None, ["name"])),
    ],
)
def test_a_name_near_the_cases_is_no_value_at_fax(ocr: bool, want: tuple) -> None:
    text = _HEAD.replace("Framley", "Framezyk") + "\nYour request is approved.\n" + _DRUG
    p = propose(_letter(text, ocr=ocr), _CASE)
    assert (p.patient.get("name"), p.weak_patient.get("name"), p.mismatch) == want


# -- 7. (review fix) the c-as-e fold narrowed: a vowel is never changed ------------------------------------------------
_MAC = {"name": "Mac N. Jordan", "birth_date": date(1957, 7, 21), "member_id": "LVH000000913"}
_SAME = {"birth_date": "1957-07-21", "member_id": "LVH000000913"}


@pytest.mark.parametrize(
    ("read", "weak", "case", "want"),
    [
        # [p32-g-c-as-e-vowel] an "e" at a word's end is a vowel, never a "c": another name, read surely or weakly
        ({"name": "Mae N. Jordan"} | _SAME, None, _MAC, (["name"], [])),
        (_SAME, "Mae N. Jordan", _MAC, (["name"], [])),
        # [p32-g-c-as-e-weak] a weak reading never folds an "e" to a "c": one letter off, said (near), never silent
        (_SAME, "Rosa Cagan", _MAC | {"name": "Rosa Eagan"}, ([], ["name"])),
        (_SAME, "Odile P. Framezyk", _CASE, ([], ["name"])),
        # [p32-c-as-e] read surely, an "e" between consonants inside a word where the case's name has a "c": near
        ({"name": "Odile P. Kowalezyk"} | _SAME, None, _MAC | {"name": "Odile P. Kowalczyk"}, ([], ["name"])),
    ],
)
def test_an_e_read_as_a_c_only_between_consonants_read_surely(
    read: dict, weak: str | None, case: dict, want: tuple
) -> None:
    sure = {"name"} if "name" in read else set()
    assert patient.compare(read, case, ocr=True, sure=sure, weak_name=weak) == want


def test_a_surely_read_name_with_a_vowel_for_a_c_is_another_patients() -> None:
    text = _HEAD.replace("Odile P. Framley", "Mae N. Jordan") + "\nYour request is approved.\n" + _DRUG
    p = propose(
        _letter(text, ocr=True), {"name": "Mac N. Jordan", "birth_date": date(1957, 7, 21), "member_id": "LVH000000913"}
    )
    assert (p.patient.get("name"), p.mismatch) == ("Mae N. Jordan", ["name"])
