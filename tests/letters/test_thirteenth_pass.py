"""Issue 18, thirteenth pass: the false patient-mismatch flags and the empty outcomes of the thirteenth held-out
set (now a development set), as CLASSES with wordings and layouts written here (never a corpus letter's
sentence), table-driven, with guards that must stay as they are.

1. False mismatches: a gateway's or a log's own id ("Transport ID", "Message ID", "Trace ID", "Correlation
   ID") is no member id; a member id a fax's OCR cut where it wrapped the line (the case's id up to one of its
   blanks or dashes, the date of birth equal) is tolerated with a warning, never silently; another patient's
   id (another suffix, other digits, another date of birth) is still flagged.
2. Empty outcomes: a key=value (INI) file's ``result=APPROVED``; an ePA message's status element (``<Denied>``
   opening a body closed below); Italian letters (``Esito della valutazione: NON AUTORIZZATA``, ``SOSPESA``);
   a footnote marker hugging the decision word (``NOTICE OF APPROVAL¹``); a bulleted label (``• Action:``,
   or the PDF's DEL where its font lacks the bullet). Guards: an element or key that names no decision, an
   empty element, an undecided status stay empty."""

from __future__ import annotations

from datetime import date

import pytest

from priorauth.letters import fields, patient
from priorauth.letters.proposal import match, propose
from tests.letters.test_generalise import _letter


def _outcome(text: str) -> str | None:
    return propose(_letter(text)).value("outcome")


# -- 1. false mismatches ------------------------------------------------------------------------------------
@pytest.mark.parametrize("label", ["Transport ID", "Message ID", "Trace ID", "Correlation ID"])
def test_a_gateways_own_id_is_no_member_id(label: str) -> None:
    text = (
        f"Portal print   {label} 4c9e71b0-2a3d    Printed 05/04/2027\n"
        "Patient: Lindqvist-Oyelaran, Marit\n"
        "Your request for LUMAKRAS has been approved.\n"
    )
    assert "member_id" not in fields.patient(text)


def test_a_plans_bare_id_is_still_read() -> None:  # guard: a plan's own "ID" beside the name stays read
    text = "Plan: Orrisdale Mutual, ID OM-55120-7\nPatient: Marit Lindqvist\nDOB 03/14/1961\n"
    assert fields.patient(text)["member_id"].value == "OM-55120-7"


CASE = {"name": "Marit Lindqvist", "birth_date": date(1961, 3, 14), "member_id": "ORM 552 104 338"}


@pytest.mark.parametrize("read_id", ["ORM 552 104", "ORM-552-104", "ORM552104"])
def test_an_id_ocr_cut_at_a_wrapped_line_is_tolerated_with_a_warning(read_id: str) -> None:
    read = {"name": "Marit Lindqvist", "birth_date": "1961-03-14", "member_id": read_id}
    assert patient.compare(read, CASE, ocr=True) == ([], ["member id"])


@pytest.mark.parametrize(
    ("read", "ocr"),
    [  # guards: each stays a mismatch
        ({"birth_date": "1961-03-14", "member_id": "ORM 552 104"}, False),  # a text layer is compared exactly
        ({"birth_date": "1958-03-14", "member_id": "ORM 552 104"}, True),  # another date of birth
        ({"birth_date": "1961-03-14", "member_id": "ORM 552 10"}, True),  # cut inside a group
        ({"birth_date": "1961-03-14", "member_id": "ORM 552 104 339"}, True),  # another last group
        ({"birth_date": "1961-03-14", "member_id": "ORM 552 104 338 02"}, True),  # a dependant's suffix
        ({"birth_date": "1961-03-14", "member_id": "ORM 55"}, True),  # too short to say
    ],
)
def test_another_patients_id_is_still_flagged(read: dict[str, str], ocr: bool) -> None:
    assert "member id" in patient.compare(read, CASE, ocr=ocr)[0]


def test_a_letter_about_another_patient_proposes_nothing() -> None:  # guard: the mismatch is said first
    text = (
        "Decision: APPROVED\nPatient: Marit Lindqvist   DOB: 03/14/1961   Member ID: ORM-552-104-902\n"
        "LUMAKRAS 120 mg, 240 tablets per 30 days.\n"
    )
    bad, _ = match(propose(_letter(text)), {**CASE, "member_id": "ORM-552-104-338"})
    assert bad == ["member id"]


# -- 2. empty outcomes --------------------------------------------------------------------------------------
def _ini(key: str, value: str) -> str:
    return (
        "; exported notice (printed)\n[patient]\nname=Doe-Arkwright, Sela\n[request]\ndrug=LUMAKRAS 120 mg\n"
        f"[decision]\n{key}={value}\nnote=see the portal\n"
    )


@pytest.mark.parametrize(
    ("key", "value", "want"),
    [
        ("result", "APPROVED", "approved"),
        ("decision", "denied", "denied"),
        ("status", "PENDED", "pended"),
        ("outcome", "not approved", "denied"),
        ("result", "", None),  # guards: an empty key, a key that decides nothing
        ("status", "RECEIVED", None),
        ("drug_class", "approved list", None),
    ],
)
def test_a_key_value_files_result_is_the_outcome(key: str, value: str, want: str | None) -> None:
    assert _outcome(_ini(key, value)) == want


def _xml(status: str) -> str:
    return (
        "<Reply>\n  <Member><Last>Arkwright</Last><First>Sela</First></Member>\n"
        "  <Drug>LUMAKRAS 120 mg</Drug>\n  <Status>\n"
        f"    {status}\n      <CaseRef>QX-27-4410</CaseRef>\n    {status.replace('<', '</', 1).split(' ')[0].rstrip('>')}>\n"
        "  </Status>\n</Reply>\n"
    )


@pytest.mark.parametrize(
    ("status", "want"),
    [
        ("<Approved>", "approved"),
        ("<Denied>", "denied"),
        ("<Pended reason='records'>", "pended"),
        ("<Received>", None),  # guards: an element that names no decision, one that is no status
        ("<ApprovedQuantity>", None),
    ],
)
def test_an_epa_messages_status_element_is_the_outcome(status: str, want: str | None) -> None:
    assert _outcome(_xml(status)) == want


def test_an_empty_or_unclosed_status_element_says_nothing() -> None:
    assert _outcome("<Reply>\n  <Drug>LUMAKRAS</Drug>\n  <Approved>\n</Reply>\n") is None


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Oggetto: sotorasib 120 mg\nEsito della valutazione: AUTORIZZATA\n", "approved"),
        ("Oggetto: LUMAKRAS\nEsito: non autorizzata per mancanza di criteri.\n", "denied"),
        ("Farmaco: LUMAKRAS\nEsito della richiesta: sospesa, in attesa degli esami.\n", "pended"),
        ("Farmaco: LUMAKRAS\nLa richiesta è stata ricevuta il 3.IV.2027.\n", None),  # guard: nothing decided
    ],
)
def test_italian_letters(text: str, want: str | None) -> None:
    assert _outcome(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Harrowgate Plan\nNOTICE OF APPROVAL²\nDrug: LUMAKRAS 120 mg\n² Sent to the member too.\n", "approved"),
        ("Decision¹: DENIED\nDrug: sotorasib\n¹ As of the review date.\n", "denied"),
        ("Drug: sotorasib 960 mg/m² daily\nWe received your request and will write again.\n", None),  # guard
    ],
)
def test_a_footnote_marker_hugging_a_word(text: str, want: str | None) -> None:
    assert _outcome(text) == want


def test_footnote_markers_are_blanks_of_the_same_length() -> None:
    text = "APPROVAL¹ and number²³; 5 mg/m²"
    assert fields.unmarked(text) == "APPROVAL  and number  ; 5 mg/m²"


@pytest.mark.parametrize("bullet", ["•", "▪", "\x7f"])
@pytest.mark.parametrize(("value", "want"), [("APPROVED", "approved"), ("DENIED", "denied"), ("received", None)])
def test_a_bulleted_label(bullet: str, value: str, want: str | None) -> None:
    text = f"Notice of Action\n{bullet} Member: Sela Arkwright\n{bullet} Action: {value} - LUMAKRAS 120 mg\n"
    assert _outcome(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [  # a label in a second column, after a column gap
        ("Case no: QX-27-5120                 Status: Denied - not medically necessary\nDrug: LUMAKRAS\n", "denied"),
        ("Ref QX-27-5121      Decision: APPROVED\nDrug: sotorasib 120 mg\n", "approved"),
        ("Request: QX-27-5122                 Status: In review\nDrug: LUMAKRAS\n", None),  # guard: undecided
        ("Case no: QX-27-5123     Previous decision: denied\nDrug: LUMAKRAS\n", None),  # guard: history
    ],
)
def test_a_label_in_a_second_column(text: str, want: str | None) -> None:
    assert _outcome(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Fenwick Valley Health Plan approved prior authorization FV-2291 for LUMAKRAS 120 mg.\n", "approved"),
        ("The Orrisdale Fund has approved your request for sotorasib.\n", "approved"),
        ("Hello, this is the plan calling: the LUMAKRAS case is still pending with our pharmacist.\n", "pended"),
        ("If the plan approved the request, the pharmacy will be told.\n", None),  # guards: a condition
        ("The plan approved prior authorization for KRAZATI only; LUMAKRAS is not on this notice.\n", None),
    ],
)
def test_the_plan_named_as_who_decided(text: str, want: str | None) -> None:
    assert _outcome(text) == want


def _csv(header: str, record: str) -> str:
    return f"Decisions export\n{header}\n{record}\n-- end --\n"


@pytest.mark.parametrize(
    ("header", "record", "want"),
    [
        ("ref,member,dob,drug,status", 'QX-1,"Arkwright, Sela",1961-03-14,LUMAKRAS 120MG,DENIED', "denied"),
        ("decided_on,ref,drug,decision,qty", "2027-05-04,QX-2,sotorasib,Approved,240", "approved"),
        # a record wrapped over two printed lines
        ("ref,member,drug,result,note", 'QX-3,"Arkwright, Sela",LUMAKRAS 120MG\nTAB,PENDED,"records asked"', "pended"),
        ("ref,member,drug,status,note", "QX-4,Sela Arkwright,LUMAKRAS,RECEIVED,queued", None),  # guards
        ("ref,member,drug,status,note", "QX-5,A,LUMAKRAS,APPROVED,x\nQX-6,B,LUMAKRAS,DENIED,y", None),  # two records
        ("ref,member,drug,plan_type,note", "QX-7,Sela Arkwright,LUMAKRAS,approved list,none", None),
    ],
)
def test_a_csv_exports_status_column(header: str, record: str, want: str | None) -> None:
    assert _outcome(_csv(header, record)) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "DECISION: APPROVED IN PART\nWe approved LUMAKRAS 120 mg, 120 tablets per 30 days.\n"
            "The 60-day supply you asked for was not approved.\n",
            "approved",
        ),
        ("Outcome: approved in part\nThe higher dose was not approved; the standard dose is covered.\n", "approved"),
        # guards: a denial that says what was not approved stays denied; a plain conflict stays empty
        ("DECISION: DENIED\nThe 60-day supply was not approved.\n", "denied"),
        ("Decision: APPROVED\nYour request was not approved.\n", None),
    ],
)
def test_an_approval_in_part(text: str, want: str | None) -> None:
    assert _outcome(text) == want


# -- 3. the reasons of the letters now decided ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "<Reply>\n  <Status>\n    <Denied>\n      <DenialReason>\n"
            "<ReasonText>The biopsy shows no KRAS G12C variant. Coverage needs a G12C result.</ReasonText>\n"
            "      </DenialReason>\n    </Denied>\n  </Status>\n</Reply>\n",
            "The biopsy shows no KRAS G12C variant. Coverage needs a G12C result.",
        ),
        (
            "[decision]\nresult=DENIED\nreason=Used together with an immunotherapy the plan does not cover\n",
            "Used together with an immunotherapy the plan does not cover",
        ),
    ],
)
def test_a_sources_reason(text: str, want: str | None) -> None:
    assert propose(_letter(text)).value("denial_reason") == want


def test_a_reason_never_runs_into_a_csv_records_next_cell() -> None:
    text = "ref,drug,status,deny_reason,appeal\nQX-8,LUMAKRAS,DENIED,\"Dose too high; not covered\",\"60 days\"\n"
    assert '","' not in (propose(_letter(text)).value("denial_reason") or "")
