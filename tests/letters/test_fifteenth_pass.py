"""Issue 18, fifteenth pass: the fifteenth held-out set's misses (now a development set), as CLASSES with
wordings and layouts written here (never a corpus letter's sentence), table-driven, with guards that must stay
as they are.

1. A wrong number: a letter that prints the correspondent's reference beside its own ("Your ref: ..." then
   "Our ref: ...") gave the correspondent's. Now the payer's own; a "Your reference" alone is left as before.
2. A wrong reason: a denial whose reason only points to another page ("The rationale is set out on the next
   page") gave the pointer. Now the paragraph under that page's reason heading, else nothing.
3. Empty outcomes: a batch print's column of decision codes ("DECN-CD" over "DN") read through the legend
   printed under it; a drug's status line "LUMAKRAS (sotorasib) — request refused". Guards: a code under
   another column, a code the legend does not define, a code meaning "under review" stay empty."""

from __future__ import annotations

import pytest

from priorauth.letters import fields, outcome, pointers, tables
from priorauth.letters.proposal import propose
from tests.letters.test_generalise import _letter


# -- 1. "Your ref" beside "Our ref" ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("KESTREL MUTUAL\n\nYour ref: cl/JB/204        Our ref: KM-27-PA-5512\n\nDear Doctor,\n", "KM-27-PA-5512"),
        ("Our reference: HX/2027/0093/PA\nYour reference: ONCO-CLINIC-88\n", "HX/2027/0093/PA"),
        ("Your ref.  RAD/44/19\nOur ref.   PLM-0412-7730\n", "PLM-0412-7730"),
        ("To: Dr. Ruiz (your reference: ONC-2207-B)\nOur reference: VRL-27-00815\n", "VRL-27-00815"),
    ],
)
def test_the_payers_own_reference_is_read(text: str, number: str) -> None:
    hit = fields.authorization_number(text)
    assert hit is not None and hit.value == number


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # guards: "your reference" alone (the payer's number given to the prescriber) is still read
        ("Your reference number for this request: PA-77-31904\n", "PA-77-31904"),
        ("Reference: TRX-2027-55810\nPlease quote it on all correspondence.\n", "TRX-2027-55810"),
    ],
)
def test_a_lone_your_reference_is_kept(text: str, number: str) -> None:
    hit = fields.authorization_number(text)
    assert hit is not None and hit.value == number


def test_theirs_needs_our_reference() -> None:
    text = "Your ref: ABC-12345\n"
    assert not pointers.theirs(text, 0, text.index("ABC"))
    text = "Your ref: ABC-12345   Our ref: XYZ-99871\n"
    assert pointers.theirs(text, 0, text.index("ABC"))
    assert not pointers.theirs(text, 0, text.index("XYZ"))


# -- 2. a reason that points to another page ------------------------------------------------------------------
POINTING = (
    "HARROWGATE HEALTH PLAN\n\nMarch 4, 2027\n\nDear Dr. Osei,\n\n"
    "We have reviewed the request for LUMAKRAS (sotorasib) and cannot approve it. {pointer}\n\n"
    "You may appeal within 60 days of the date of this letter.\n\nSincerely,\nPharmacy Review\n\f"
    "HARROWGATE HEALTH PLAN   page 2\n\n{heading}\n  {reason}\n  Policy cited: HHP-ONC-7, section 2.\n"
)


@pytest.mark.parametrize(
    ("pointer", "heading", "reason"),
    [
        ("The reasons for this are set out on the next page.", "Clinical rationale",
         "The notes describe a tumour with a KRAS G12V mutation, not G12C."),
        ("Our explanation is given overleaf.", "REASONS FOR OUR DECISION",
         "No earlier systemic therapy for metastatic disease is recorded in the notes."),
        ("The basis of the decision is explained below.", "Explanation:",
         "The requested dose is twice the labelled daily dose."),
    ],
)
def test_the_pointed_reason_is_read(pointer: str, heading: str, reason: str) -> None:
    p = propose(_letter(POINTING.format(pointer=pointer, heading=heading, reason=reason)))
    assert p.value("outcome") == "denied"
    assert p.value("denial_reason") == reason


def test_a_pointer_without_a_heading_is_left_empty() -> None:
    text = POINTING.format(pointer="The reasons are set out on the next page.", heading="", reason="Page intentionally short.")
    text = text.split("\f")[0]
    p = propose(_letter(text))
    assert p.value("outcome") == "denied"
    assert p.value("denial_reason") is None  # never the pointer itself


@pytest.mark.parametrize(
    "reason",
    [
        # guards: a reason that names a paper's contents is a reason, not a pointer
        "The request is denied because the mutation described in the pathology report is KRAS G12D.",
        "Coverage is denied because the patient has not received prior systemic therapy.",
    ],
)
def test_a_plain_reason_is_not_a_pointer(reason: str) -> None:
    assert not pointers.POINTER.search(reason)


# -- 3. a batch print's column of decision codes; a drug's status line -----------------------------------------
BATCH = (
    "GLENMORE HEALTH  NIGHTLY EXTRACT  JOB PAX311                                 SHEET 01\n"
    "REC  CASE-ID          MEMBER-NAME             {header}\n"
    "R1   GM27-0311-0098   FENWICK/ODALYS          {code}\n"
    "     DRUG: LUMAKRAS 120MG TABLET   QTY 240/30\n"
    "\n"
    "CODE LEGEND:\n"
    "  AA = authorization granted\n"
    "  RF = authorization refused\n"
    "  HO = held open, information outstanding\n"
    "  UR = under review\n"
)


@pytest.mark.parametrize(
    ("header", "code", "expected"),
    [
        ("DECN-CD", "AA", "approved"),
        ("STATUS ", "RF", "denied"),
        ("DISP-CODE", "HO", "pended"),
        # guards: a code meaning still under review, a code not in the legend, a code under no decision column
        ("DECN-CD", "UR", None),
        ("DECN-CD", "QQ", None),
        ("PLAN-CD", "RF", None),
    ],
)
def test_a_column_code_is_read_through_the_legend(header: str, code: str, expected: str | None) -> None:
    hit = outcome.outcome(BATCH.format(header=header, code=code))[0]
    assert (hit.value if hit else None) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("LUMAKRAS (sotorasib) — request refused", "denied"),
        ("LUMAKRAS -- coverage rejected", "denied"),
        ("Sotorasib — request refused", "denied"),
        # guard: a status line that decides nothing
        ("LUMAKRAS (sotorasib) — request received", None),
    ],
)
def test_a_drug_status_line_refused(line: str, expected: str | None) -> None:
    text = f"BELLHAVEN CARE\n\nMay 2, 2027\n\nDear Dr. Amadi,\n\n{line}\n\nPharmacy Team\n"
    hit = outcome.outcome(text)[0]
    assert (hit.value if hit else None) == expected


# the same print as a fax's OCR gives it: the row's cells kept, not their columns (the row wrapped onto the next
# line), and the legend's first entry after the column's code with a mark OCR added ("DECN-CD_")
BATCH_FAX = (
    "GLENMORE HEALTH NIGHTLY EXTRACT JOB PAX311 SHEET 01\n"
    "REC-TYP CASE-NO  MEMBER-NAME  DECN-CD\n"
    "R1  GM27-0311-0098 FENWICK/ODALYS\n"
    "{code}\n"
    "DRUG-DESC  QTY-REQ\n"
    "LUMAKRAS 120MG TABLET  240/30\n"
    "\n"
    "FIELD LEGEND (JOB PAX311):\n"
    "DECN-CD_  AA = authorization granted\n"
    "RF = authorization refused\n"
    "HO = held open, information outstanding\n"
    "UR = under review\n"
)


@pytest.mark.parametrize(
    ("code", "expected"),
    [("AA", "approved"), ("RF", "denied"), ("HO", "pended"), ("UR", None), ("QQ", None)],
)
def test_a_column_code_is_read_at_fax(code: str, expected: str | None) -> None:
    hit = outcome.outcome(BATCH_FAX.format(code=code))[0]
    assert (hit.value if hit else None) == expected


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("REC  CASE-NO          NAME\nR1   GM27-0311-0098   FENWICK/ODALYS\n", "GM27-0311-0098"),
        ("AUTH-NBR: KX-27-55120\n", "KX-27-55120"),
    ],
)
def test_a_batch_prints_case_number_code(text: str, number: str) -> None:
    hit = fields.authorization_number(text) or tables.read(fields.authorization_number, text)
    assert hit is not None and hit.value == number


def test_a_member_code_is_no_case_number() -> None:
    # guard: a member's or a prescriber's field code is never the request's number
    text = "MBR-ID: QMB0558127\nPRESCRIBER-NPI: 1999560211\n"
    assert fields.authorization_number(text) is None


# a Markdown heading over its value, a blank line between (the bold taken out by the cleaning step)
MARKDOWN = "# Fernhill Care — prior authorization\n\n| Member | Odile Brannagh |\n\n## {heading}\n\n{value}\n\n### Details\nSee the portal.\n"


@pytest.mark.parametrize(
    ("heading", "value", "expected"),
    [
        ("Decision", "**Not approved.**", "denied"),
        ("Outcome", "**Approved**", "approved"),
        ("Coverage decision", "Denied.", "denied"),
        # guards: a heading over prose, a heading that is no decision's, a value that decides nothing
        ("Decision", "We looked at the notes you sent and the dose asked for.", None),
        ("Summary", "**Not approved.**", None),
        ("Decision", "**Received**", None),
    ],
)
def test_a_markdown_decision_heading(heading: str, value: str, expected: str | None) -> None:
    p = propose(_letter(MARKDOWN.format(heading=heading, value=value)))
    assert p.value("outcome") == expected
