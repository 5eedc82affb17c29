"""Issue 18, thirteenth pass (second builder): numbers, dates and the patient of the thirteenth held-out set (now
a development set), as CLASSES with wordings and layouts written here (never a corpus letter's sentence),
table-driven, with guards that must stay as they are.

1. A message printed as XML (an ePA gateway's log, with or without its declaration, namespaced or not): each
   value's tags are its label in words (``<PayerAssignedMemberID>`` is "Payer Assigned Member ID:"), so the
   member id, the date of birth and the request's number are read, and a transport's id is never the member's.
2. A message's own id ("Transport ID", "Message ID", "Trace ID", "Correlation ID") is never the member id.
3. A question set's numbered questions (``<QuestionID>2</QuestionID><QuestionText>...``) are the items asked
   for, a question the print wrapped read whole."""

from __future__ import annotations

from datetime import date

import pytest

from priorauth.letters import dates, fields
from priorauth.letters.proposal import propose
from tests.letters.test_generalise import _letter

CASE = {"name": "Ambrose K. Delacroix-Venn", "birth_date": date(1967, 10, 5), "member_id": "QFH7730214"}

# -- 1. a message printed as XML --------------------------------------------------------------------------
XML_LETTERS = [
    # a gateway's payload view: a header line with the transport's id, then the declaration and the message
    "Gateway console -- inbound payload               pg 1\nKind: PAResponse   Transport ID 0c9e44ab-71d2\n"
    '<?xml version="1.0"?>\n<Msg>\n  <Head><MsgRef>R-20270911-0042</MsgRef></Head>\n  <Body>\n    <Patient>\n'
    "      <Identification><PayerAssignedMemberID>QFH7730214</PayerAssignedMemberID></Identification>\n"
    "      <DateOfBirth><Date>1967-10-05</Date></DateOfBirth>\n    </Patient>\n"
    "    <Pended><PACaseID>QF27-0911-5520</PACaseID></Pended>\n  </Body>\n</Msg>\n",
    # namespaced tags with attributes, no indentation, a trace id above it
    "Trace ID: 5d1f-88a0-e3c7\n<?xml version='1.0' encoding='utf-8'?>\n<ns:Reply xmlns:ns=\"urn:x\">\n"
    '<ns:Member type="primary"><ns:MemberID>QFH7730214</ns:MemberID>\n<ns:BirthDate>1967-10-05</ns:BirthDate></ns:Member>\n'
    "<ns:Decision><ns:PACaseID>QF27-0911-5520</ns:PACaseID></ns:Decision>\n</ns:Reply>\n",
    # no declaration, but a message of many elements, one per line
    "Correlation ID: a1b2c3d4-9f00\n<Response>\n  <SubscriberMemberID>QFH7730214</SubscriberMemberID>\n"
    "  <DateOfBirth>1967-10-05</DateOfBirth>\n  <Status>Pended</Status>\n  <PACaseID>QF27-0911-5520</PACaseID>\n"
    "  <Note>More information is needed.</Note>\n  <Channel>fax</Channel>\n</Response>\n",
]


@pytest.mark.parametrize("letter", XML_LETTERS)
def test_an_xml_messages_patient_and_number_are_read(letter: str) -> None:
    p = propose(_letter(letter), CASE)
    assert p.value("patient_member_id") == "QFH7730214"
    assert p.value("patient_birth_date") == date(1967, 10, 5)
    assert p.mismatch == []
    assert fields.authorization_number(fields.untagged(letter)).value == "QF27-0911-5520"


@pytest.mark.parametrize("letter", XML_LETTERS)
def test_an_xml_print_keeps_its_length(letter: str) -> None:
    text = fields.untagged(letter)
    assert len(text) == len(letter)
    assert "<" not in text.replace("<?", "")


# guards: a letter with a tag or two in its prose is no XML message; an HTML page is read as before
NOT_XML = [
    "Re: <Lumakras> request\nMember ID: QFH7730214\nDate of birth: 10/05/1967\n",
    "<html><body><p>Member ID: QFH7730214</p></body></html>",
]


@pytest.mark.parametrize("letter", NOT_XML)
def test_a_letter_with_a_stray_tag_is_not_read_as_xml(letter: str) -> None:
    assert fields.patient(fields.untagged(letter))["member_id"].value == "QFH7730214"
    if not letter.startswith("<html"):
        assert fields.untagged(letter) == fields.day_first(fields.unmarked(letter))


# -- 2. a message's own id is never the member's ----------------------------------------------------------
MESSAGE_IDS = [
    "Transport ID 7e21a0c4-55b1\nYour request was received.\n",
    "Message ID: 44-AB-90217\nWe are reviewing the request.\n",
    "Trace ID   9C0D-1177-AE\nStatus: received\n",
    "Correlation ID: ZX-5520-81\n",
]


@pytest.mark.parametrize("letter", MESSAGE_IDS)
def test_a_messages_own_id_is_not_the_member_id(letter: str) -> None:
    assert "member_id" not in fields.patient(fields.untagged(letter))


# guard: a plain plan ID stays the member's
def test_a_plans_bare_id_is_still_read() -> None:
    assert fields.patient("Plan: Cedar Mutual, ID CM-44102\n")["member_id"].value == "CM-44102"


# -- 3. a question set's questions --------------------------------------------------------------------------
QUESTIONS = [
    "<?xml version=\"1.0\"?>\n<PAResponse>\n  <Pended>\n    <Reason>Further documentation is needed.</Reason>\n"
    "    <QuestionSet>\n<Question><QuestionID>1</QuestionID><QuestionText>Send the biopsy report naming the\n"
    "tumour type.</QuestionText></Question>\n<Question><QuestionID>2</QuestionID><QuestionText>Send the most recent"
    " liver panel.</QuestionText></Question>\n    </QuestionSet>\n  </Pended>\n</PAResponse>\n",
    "<?xml version=\"1.0\"?>\n<Reply><Status>Pended</Status><Note>The items below are needed.</Note>\n<Items>\n"
    "<Item><ItemNumber>1</ItemNumber><Text>Send the biopsy report naming the tumour type.</Text></Item>\n"
    "<Item><ItemNumber>2</ItemNumber><Text>Send the most recent liver panel.</Text></Item>\n</Items>\n</Reply>\n",
]


@pytest.mark.parametrize("letter", QUESTIONS)
def test_a_question_sets_questions_are_what_is_asked_for(letter: str) -> None:
    items = [h.value for h in fields.requested(fields.untagged(letter))]
    assert items == ["Send the biopsy report naming the tumour type.", "Send the most recent liver panel."]


# -- 4. an INI-style notice's keys are labels ---------------------------------------------------------------
INI_LETTERS = [
    "; decision export\n[patient]\nname=Delacroix-Venn, Ambrose K.\ndob=1967-10-05\nmember_id=QFH7730214\n"
    "[case]\npa_id=QF27-0911-5520\nstatus=PENDED\n",
    "  [Member]\n  Member_ID = QFH7730214\n  Birth_Date = 10/05/1967\n  [Request]\n  Auth_Number = QF27-0911-5520\n"
    "  Result = approved\n",
]


@pytest.mark.parametrize("letter", INI_LETTERS)
def test_an_ini_notices_keys_are_labels(letter: str) -> None:
    text = fields.untagged(letter)
    assert len(text) == len(letter)
    got = fields.patient(text)
    assert got["member_id"].value == "QFH7730214"
    assert got["birth_date"].value == date(1967, 10, 5)
    assert fields.authorization_number(text).value == "QF27-0911-5520"


# guard: an equals sign in prose, or key=value lines without a section, stay as they are
@pytest.mark.parametrize(
    "letter",
    ["Dose: 960 mg = 8 tablets\nmember_id=QFH7730214\n", "a=1\nb=2\nc=3\nd=4\ne=5\n"],
)
def test_equals_signs_without_sections_stay(letter: str) -> None:
    assert fields.unmarked(letter) == letter


# -- 5. a footnote's marker between a label and its colon ---------------------------------------------------
FOOTNOTED = [
    ("Prior authorization number²: QF27-0911-5520\n² Quote it on every claim.\n", "QF27-0911-5520"),
    ("Reference no.¹ : QF27-0911-5520\n", "QF27-0911-5520"),
    ("Authorization number³ QF27-0911-5520\n", "QF27-0911-5520"),
]


@pytest.mark.parametrize(("letter", "number"), FOOTNOTED)
def test_a_footnote_marker_does_not_hide_the_number(letter: str, number: str) -> None:
    assert fields.authorization_number(fields.untagged(letter)).value == number


def test_a_units_square_is_no_footnote_marker() -> None:
    assert "mg/m²" in fields.unmarked("Dose 100 mg/m² every 3 weeks\n")


# -- 6. an Italian letter: Roman-numeral months, "Prot. n.", "Assistita", "Nata il", "Tessera n." -------------
ITALIAN = [
    "Como, 14.IX.2027\nProt. n. FSL/2027/IX/01442\n\nAssistita:        Ghislanzoni Ottavia\nNata il:          "
    "3.VII.1961\nTessera n.:       LM-07-221-904\n",
    "Protocollo n.: FSL/2027/IX/01442 del 14.IX.2027\nAssistito: Ghislanzoni Ottavio — data di nascita 3.VII.1961\n"
    "Tessera n.: LM-07-221-904\n",
]


@pytest.mark.parametrize("letter", ITALIAN)
def test_an_italian_letters_number_and_patient(letter: str) -> None:
    text = fields.untagged(letter)
    assert fields.authorization_number(text).value == "FSL/2027/IX/01442"
    got = fields.patient(text)
    assert got["birth_date"].value == date(1961, 7, 3)
    assert got["member_id"].value == "LM-07-221-904"
    assert got["name"].value.startswith("Ghislanzoni Ottavi")


@pytest.mark.parametrize(
    ("said", "day"),
    [("14.IX.2027", date(2027, 9, 14)), ("1.I.2028", date(2028, 1, 1)), ("31.XII.2027", date(2027, 12, 31))],
)
def test_a_roman_numeral_month_is_read(said: str, day: date) -> None:
    assert [f.day for f in dates.find(f"valid from {said}")] == [day]


# guards: a stage in Roman numerals, a lower-case Roman month, an impossible day
@pytest.mark.parametrize("said", ["stage IV. 2027 review", "5.iv.2027", "31.II.2027", "5.IIII.2027"])
def test_no_roman_date_where_there_is_none(said: str) -> None:
    assert dates.find(said) == []


# -- 7. a request's control number --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "letter",
    ["Review control number ....... 7731-QX-2204\n", "Request control no.: 7731-QX-2204\n"],
)
def test_a_review_control_number_is_the_requests(letter: str) -> None:
    assert fields.authorization_number(letter).value == "7731-QX-2204"


# -- 8. an answer of "none" asks for nothing (an INI key, a form's line); a list after it still does ------------
@pytest.mark.parametrize(
    "letter",
    [
        "[status]\nresult=PENDED\ninfo_needed=none - nothing is missing\nnext_step=physician review\nowner=UM\n",
        "Status: pending review\nInformation needed: None. The reviewer has all records.\n",
        "Items requested: N/A\n",
    ],
)
def test_none_asked_for_is_nothing(letter: str) -> None:
    assert fields.requested(fields.untagged(letter)) == []


def test_a_list_after_a_request_is_still_read() -> None:
    letter = "Information needed:\n  1. Liver panel\n  2. Pathology report\n"
    assert [h.value for h in fields.requested(letter)] == ["Liver panel", "Pathology report"]


# a fax's OCR reads a Roman month of ones as digits ("14.II.1958" as "14.11.1958"): in a letter that writes its months
# in Roman numerals such a date is a doubt, left empty (never November, never a false patient flag)
@pytest.mark.parametrize("said", ["14.11.1958", "14.1l.1958", "14.111.1958"])
def test_a_roman_month_read_as_ones_is_left_empty(said: str) -> None:
    text = f"Como, 14.IX.2027\nAssistita: Ghislanzoni Ottavia\nNata il: {said}\n"
    assert "birth_date" not in fields.patient(text)


def test_a_dotted_date_of_ones_without_roman_months_is_read() -> None:
    assert fields.patient("Date of birth: 14.11.1958\n")["birth_date"].value == date(1958, 11, 14)


def test_a_roman_month_read_as_ones_in_a_column_is_left_empty() -> None:
    text = "Sondrio, 9.VII.2027\nPaziente        Nata il        Tessera\nGhislanzoni O.  14.11.1958     LM-07-221-904\n"
    p = propose(_letter(text), None)
    assert p.value("patient_birth_date") is None
