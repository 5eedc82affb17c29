"""Issue 18, safety pass on the twenty-second letters set: letters of our own wording for each class of WRONG value
found there (a fax's "pnor" in a disclaimer that the letter decides nothing, a FHIR XML print's resource id read as
the member's, a role word read as the patient's name, the asked-for quantity and dates read as the approved ones,
a pended letter's items read from the wrong lines, a reason label whose leaders a fax lost), and guards that must
stay as they are."""

from __future__ import annotations

import re
from datetime import date

import pytest

from priorauth.letters import asked_granted, asked_lists, fhir_xml, fields, misread, patient_fields, reason_shapes
from priorauth.letters.proposal import propose
from priorauth.letters.spans import Hit
from tests.letters.reading import fax as _fax
from tests.letters.reading import pdf as _pdf

# -- 1. a statement that says it is no prior authorization decision, "prior" misread by OCR ---------------------------
_STATEMENT = (
    "HARROWGATE HEALTH - PHARMACY CLAIMS SUMMARY\n"
    "Member: Oswin Thackeray - DOB 05/09/1950 - Member ID HGH 410 227 19\n\n"
    "Claim RX55102  06/11/2027  LUMAKRAS 120 MG TABLET  240  Status: claim rejected (prior authorization required)\n\n"
    "{disclaimer}\n"
)


@pytest.mark.parametrize(
    "disclaimer",
    [
        "This summary lists claims only. It is not a pnor\nauthorization decision.",
        "Please note: this notice is not a prlor authorization determination.",
        "This letter is not a pr1or authorization and does not say whether your plan will cover the drug.",
    ],
)
def test_misread_prior_in_a_disclaimer_leaves_the_outcome_empty(disclaimer: str) -> None:
    p = propose(_fax(_STATEMENT.format(disclaimer=disclaimer)))
    assert p.value("outcome") is None
    assert p.value("denial_reason") is None


@pytest.mark.parametrize("word", ["prior", "pnor", "prlor", "pr1or", "pr|or"])
def test_prior_pattern_reads_ocr_spellings(word: str) -> None:
    assert re.fullmatch(misread.PRIOR, word)


@pytest.mark.parametrize("word", ["poor", "pour", "minor", "prayor", "prio"])
def test_prior_pattern_guard(word: str) -> None:
    assert not re.fullmatch(misread.PRIOR, word)


def test_a_real_denial_with_a_claim_table_stays_denied() -> None:
    text = _STATEMENT.format(disclaimer="Your prior authorization request for LUMAKRAS is denied because the KRAS test was not sent.")
    assert propose(_fax(text)).value("outcome") == "denied"


# -- 2. a FHIR resource printed as XML: the resource's id is no member id; the member identifier is ------------------
_FHIR = (
    '<ClaimResponse xmlns="http://hl7.org/fhir">\n'
    '  <id value="resp-88-1207"/>\n'
    "  <contained>\n"
    "    <Patient>\n"
    '      <id value="p1"/>\n'
    "      <identifier>\n"
    '        <system value="{system}"/>\n'
    '        <value value="QRH55012347"/>\n'
    "      </identifier>\n"
    '      <birthDate value="1949-03-30"/>\n'
    "    </Patient>\n"
    "  </contained>\n"
    '  <status value="active"/>\n'
    '  <patient><reference value="#p1"/></patient>\n'
    '  <insurer><display value="Quarry Hill Health"/></insurer>\n'
    '  <outcome value="complete"/>\n'
    '  <disposition value="Certified"/>\n'
    '  <preAuthRef value="QRH-PA-88-1207"/>\n'
    "</ClaimResponse>\n"
)


@pytest.mark.parametrize(
    "system", ["urn:quarryhill:member-id", "https://quarryhill.example/subscriber_id", "urn:plan:insured-number"]
)
def test_fhir_member_identifier_is_the_member_id(system: str) -> None:
    said = fields.patient(fields.untagged(_FHIR.format(system=system)))
    assert said["member_id"].value == "QRH55012347"


def test_fhir_resource_id_is_never_the_member_id() -> None:
    said = fields.patient(fields.untagged(_FHIR.format(system="urn:quarryhill:claim-number")))
    assert said.get("member_id") is None or said["member_id"].value != "RESP-88-1207"


def test_fhir_reading_keeps_length_and_leaves_other_xml_alone() -> None:
    text = _FHIR.format(system="urn:quarryhill:member-id")
    assert len(fhir_xml.read(text)) == len(text)
    plain = text.replace(' xmlns="http://hl7.org/fhir"', "")
    assert fhir_xml.read(plain) == plain  # no FHIR namespace: not touched


# -- 3. a role word is no name; a stray quote before a column's name ------------------------------------------------
@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Participant name   ‘Hyacinth Moorcroft", "Hyacinth Moorcroft"),
        ("Member name   'Hyacinth Moorcroft", "Hyacinth Moorcroft"),
        ("Patient   “Hyacinth Moorcroft", "Hyacinth Moorcroft"),
    ],
)
def test_a_quote_glyph_before_a_column_name(line: str, name: str) -> None:
    text = f"{line}\nParticipant date of birth   04/04/1951\nParticipant ID   KPX-2201-07\n"
    assert fields.patient(fields.untagged(text))["name"].value == name


@pytest.mark.parametrize("role", ["Participant", "Recipient", "Claimant", "Applicant"])
def test_a_role_word_alone_is_no_name(role: str) -> None:
    assert patient_fields._NOT_NAME.search(role)


def test_a_name_with_a_role_like_surname_part_guard() -> None:
    assert not patient_fields._NOT_NAME.search("Parti Cipantova")  # not a role word, a name


# -- 4. what was asked for beside what was approved: the approved side ------------------------------------------------
@pytest.mark.parametrize(
    ("text", "qty"),
    [
        ("Requested:   720 tablets per 90 days\nApproved:    240 tablets per 30 days\n", "240 tablets per 30 days"),
        ("Approved quantity: 120 tablets per 30 days\nRequested quantity: 240 tablets per 30 days\n", "120 tablets per 30 days"),
        ("Asked for:  480 tablets every 60 days\n\nAllowed:  240 tablets every 30 days\n", "240 tablets every 30 days"),
    ],
)
def test_granted_line_beside_the_asked_line(text: str, qty: str) -> None:
    assert asked_granted.quantity(text).value == qty


def test_granted_line_alone_is_left_to_the_other_readers() -> None:
    assert asked_granted.quantity("Approved:   240 tablets per 30 days\n") is None


_TABLE = (
    "{header}\n"
    "  Drug        LUMAKRAS 320 mg tablets        LUMAKRAS 120 mg tablets\n"
    "  Quantity    {q1}        {q2}\n"
    "  Dates       {d1}        {d2}\n"
)


@pytest.mark.parametrize(
    ("header", "qty", "start", "end"),
    [
        ("              Requested                      Approved", "240 tablets per 30 days", date(2028, 2, 1), date(2028, 7, 31)),
        ("              Approved                       Requested", "90 tablets per 30 days", date(2028, 1, 1), date(2028, 12, 31)),
        ("              You asked for                  We approved", "240 tablets per 30 days", date(2028, 2, 1), date(2028, 7, 31)),
    ],
)
def test_comparison_table_reads_the_approved_column(header: str, qty: str, start: date, end: date) -> None:
    text = _TABLE.format(
        header=header, q1="90 tablets per 30 days", q2="240 tablets per 30 days",
        d1="01/01/2028 - 12/31/2028", d2="02/01/2028 - 07/31/2028",
    )
    assert asked_granted.quantity(text).value == qty
    a, b = asked_granted.period(text)
    assert (a.value, b.value) == (start, end)


def test_three_column_header_is_not_a_comparison() -> None:
    text = _TABLE.format(
        header="              Requested        Approved        Denied", q1="90 tablets per 30 days",
        q2="240 tablets per 30 days", d1="01/01/2028 - 12/31/2028", d2="02/01/2028 - 07/31/2028",
    )
    assert asked_granted.quantity(text) is None
    assert asked_granted.period(text) is None


def test_approval_letter_with_a_comparison_table() -> None:
    text = (
        "WESTHOLM HEALTH\nMarch 2, 2028\nAuthorization number: WHH-28-0302-114\n\nDECISION: APPROVED WITH CHANGES\n\n"
        + _TABLE.format(
            header="              Requested                      Approved", q1="90 tablets per 30 days",
            q2="240 tablets per 30 days", d1="03/01/2028 - 02/28/2029", d2="03/02/2028 - 09/01/2028",
        )
        + "\nYour earlier authorization stays in effect through 03/01/2028.\n"
    )
    p = propose(_pdf(text))
    assert p.value("quantity") == "240 tablets per 30 days"
    assert (p.value("period_start"), p.value("period_end")) == (date(2028, 3, 2), date(2028, 9, 1))


# -- 5. what a pended letter asks for: a portal's outstanding rows, a list a blank line below its label ---------------
@pytest.mark.parametrize(
    ("rows", "items"),
    [
        (
            "[Upload]  Latest CT report\n(Upload)  Oncology consult note\n✓ Received 05/01/2028  Pathology report\n",
            ["Latest CT report", "Oncology consult note"],
        ),
        ("[ Attach ]  Signed letter of medical necessity\nY Received 05/01/2028  NGS report\n", ["Signed letter of medical necessity"]),
    ],
)
def test_portal_outstanding_rows(rows: str, items: list[str]) -> None:
    text = "Timeline:  Submitted 05/01/2028 - Info requested 05/03/2028\n\nMissing documents\n" + rows + "\nhttps://portal.example/x\n"
    assert [h.value for h in asked_lists.requested(text)] == items


def test_outstanding_heading_without_action_buttons_guard() -> None:
    text = "Outstanding documents\nNone - the file is complete\n"
    assert asked_lists.requested(text) == []


@pytest.mark.parametrize(
    ("bullets", "items"),
    [
        ("  • chart notes from the last visit\n  • the molecular report\n", ["chart notes from the last visit", "the molecular report"]),
        ("* a letter of medical necessity\n¢ the latest scan report\n", ["a letter of medical necessity", "the latest scan report"]),
        ("  \x7f the treatment history,\n    with dates\n  \x7f the KRAS result\n", ["the treatment history, with dates", "the KRAS result"]),
    ],
)
def test_bullets_a_blank_line_below_the_label(bullets: str, items: list[str]) -> None:
    text = f"We need more before we can decide. Please send:\n\n{bullets}\nFax them to 555-0100 soon.\n"
    assert [h.value for h in asked_lists.requested(text)] == items


def test_glyph_lines_without_a_true_bullet_guard() -> None:
    text = "Please send:\n\ne the notes\n¢ the scan\n"
    assert asked_lists.requested(text) == []


def test_label_followed_by_prose_guard() -> None:
    text = "Please send:\n\nthe most recent progress note to our fax line.\n"
    assert asked_lists.requested(text) == []


# -- 6. a "Reason" label whose leaders a fax lost; a weak reason's cut past a continued semicolon ----------------------
_FORM = (
    "Member name  Ines Varga-Holt\n"
    "Member ID  TRX-5510-22\n"
    "Determination  NOT APPROVED\n"
    "{reason}\n"
    "Appeal  within 60 days of this letter\n"
)


@pytest.mark.parametrize(
    ("reason", "said"),
    [
        ("Reason  the report shows KRAS G12V,\nnot the G12C mutation the policy requires", "the report shows KRAS G12V, not the G12C mutation the policy requires"),
        ("Denial reason  no progression after a prior systemic therapy is documented", "no progression after a prior systemic therapy is documented"),
    ],
)
def test_leaderless_reason_with_its_wrapped_lines(reason: str, said: str) -> None:
    assert reason_shapes.leaderless_reason(_FORM.format(reason=reason)).value == said


def test_leaderless_reason_guards() -> None:
    assert reason_shapes.leaderless_reason(_FORM.format(reason="Reason code  R14")) is None
    assert reason_shapes.leaderless_reason("Reason  the report shows KRAS G12V only\n") is None  # no form around it


@pytest.mark.parametrize(
    ("text", "cut_at", "whole"),
    [
        ("il referto mostra KRAS G12D;\nil farmaco richiede KRAS G12C.", "G12D;", True),
        ("the test shows KRAS G12D; the policy needs G12C.", "G12D;", True),
        ("the test shows KRAS G12D; The policy needs G12C.", "G12D;", False),
    ],
)
def test_first_sentence_past_a_continued_semicolon(text: str, cut_at: str, whole: bool) -> None:
    hit = Hit(text, 0, len(text))
    end = text.index(cut_at) + len(cut_at)
    cut = Hit(text[:end], 0, end)
    got = reason_shapes.first_sentence(text, hit, cut)
    assert (got.end == len(text)) is whole
