"""Issue 18, seventh pass: the CLASSES behind the misses on the seventh held-out set (now a development
set), each with NEW wordings and layouts written here (never a corpus letter's sentence), table-driven,
with guards that must stay as they are.

1. The wrong outcomes: a letter whose subject field ("Drug:", "Study:", "Service:") names another drug,
   an imaging study or a procedure, and no field names LUMAKRAS, decides that item: its banner, labels
   and stamps are not LUMAKRAS's (LUMAKRAS named only in passing), and no number is proposed. A
   decided field's name ("Approved dates:") and a line in capitals without a stop ("APPROVED - infusion
   benefit") are no sentence about LUMAKRAS.
2. Legends of status codes, more kinds: headed "Det. key:" or "DECISION CODES", hyphenated codes (AP-F),
   a code after dot leaders, a coded status on LUMAKRAS's table row (its reason code aside, columns run
   together by OCR), meanings in lower case ("D4 denied"), "questions sent to prescriber" is pended.
3. Stamps atop a returned form: ">> NOT APPROVED ... <<", "*** AUTH OK ...", "** PENDED FOR RPH
   REVIEW **"; the stamp's date is the letter's (not its EFF/THRU period nor a REC'D date).
4. Statements: "Authorization No. X has been issued" approves, "adversely determined" denies (never "No
   authorization has been issued"); an office's "Unit - 88 Main St" is no quantity."""

from __future__ import annotations

from datetime import date

import pytest

from priorauth.letters import fields, letter_dates, outcome, request_number
from priorauth.letters.proposal import propose
from tests.letters.test_generalise import _letter

# -- 1. a subject field naming another item ------------------------------------------------------------------
ANOTHER_ITEM = [
    # an infusion drug's approval; LUMAKRAS's own request mentioned as elsewhere
    "Heronsgate Plan - Medical Drug Review\n\nAPPROVED - infusion benefit\n  Drug:   ERBITUX (cetuximab) 400 mg/m2 IV\n"
    "  Approved dates:   05/01/2027 - 10/31/2027\n\nYour LUMAKRAS request goes to the pharmacy plan; it is handled there.\n",
    # an imaging study's approval naming sotorasib in the reason
    "Lantern Radiology Benefits\n\nSTUDY AUTHORIZATION - APPROVED\n  Study:   MRI brain with and without contrast\n"
    "  Valid:   06/02/2027 - 08/01/2027\n  Reason:  brain metastases, patient on sotorasib\n",
    # a procedure with a CPT code; LUMAKRAS only as history
    "UM Services for Fallowmere Health\n\nCERTIFIED\nService: bronchoscopy with biopsy (CPT 31628)\n"
    "Dates: 03/03/2027 - 04/02/2027\nHistory: adenocarcinoma treated with LUMAKRAS 960 mg daily.\n",
    # a denial of a supportive drug by its field
    "Fenwick Rx\n\nDENIED\nMedication: DENOSUMAB 120 mg injection\nThe patient also takes LUMAKRAS.\n",
    "PET scan request - Status: Approved\nExam: PET/CT skull base to mid-thigh\nOncologist notes: LUMAKRAS started 01/2027.\n",
]


@pytest.mark.parametrize("text", ANOTHER_ITEM)
def test_a_subject_field_naming_another_item_is_no_outcome(text: str) -> None:
    hits, why = outcome.outcome_hits(text)
    assert hits == [] and "not LUMAKRAS" in why


def test_another_items_letter_proposes_no_number() -> None:
    text = (
        "APPROVED - medical benefit\n  Drug:   ERBITUX (cetuximab) 250 mg/m2 weekly\n  Authorization no.:  HG-MB-5512-09\n"
        "  Approved dates:   05/01/2027 - 10/31/2027\n\nThe LUMAKRAS request is answered by the pharmacy plan.\n"
    )
    p = propose(_letter(text))
    assert p.value("outcome") is None
    assert p.value("authorization_number") is None


SUBJECT_KEPT = [  # guards: LUMAKRAS's own field, or a sentence deciding it, keeps the outcome
    ("APPROVED\nDrug: LUMAKRAS 120 mg tablets\nConcurrent medication: dexamethasone 4 mg\n", "approved"),
    ("DENIED\nMedication: sotorasib 320 mg\nStudy: CT chest (for follow-up)\n", "denied"),
    ("Service: outpatient pharmacy\nYour request for LUMAKRAS has been approved.\n", "approved"),
    ("Drug requested: Lumakras 240 mg tab\nStatus: Approved\nService: specialty pharmacy\n", "approved"),
    ("Status: Denied\nRe: LUMAKRAS\nService: prior authorization, pharmacy benefit\n", "denied"),
]


@pytest.mark.parametrize(("text", "want"), SUBJECT_KEPT)
def test_lumakras_subject_keeps_its_outcome(text: str, want: str) -> None:
    hit, _ = outcome.outcome(text)
    assert hit is not None and hit.value == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("APPROVED - infusion benefit", True),
        ("DENIED - see reason below", True),
        ("We approved LUMAKRAS for six months.", False),
        ("The request for LUMAKRAS was approved\nand the dates are below.", False),
    ],
)
def test_a_capitals_banner_line_is_a_heading(text: str, want: bool) -> None:
    assert outcome._heading(text) is want


# -- 2. legends of status codes ---------------------------------------------------------------------------
CODED = [
    (  # a key under a portal row
        "Ref. QP-55120  LUMAKRAS 120 MG  Status: 03\nDet. key:  01 approved | 02 approved w/ change | 03 not approved\n"
        "           04 awaiting prescriber | 05 voided by requester\n",
        "denied",
    ),
    (  # codes explained on page 2, hyphenated, after dot leaders
        "PRODUCT ........ LUMAKRAS 320MG TAB\nDECISION CODE ...... DN-B   (codes on page 2)\n\f"
        "DECISION CODES\n  AP-F  Approved in full\n  DN-B  Denied: benefit exclusion\n  WD    Withdrawn by requester\n",
        "denied",
    ),
    (
        "Review status: K (see key)\nKey: J = approved, K = questions sent to prescriber, L = closed\n",
        "pended",
    ),
    (
        "Outcome code: 04\nCodes:  01 approved | 03 not approved\n        04 awaiting prescriber\n",
        "pended",
    ),
    (  # LUMAKRAS's row, the status column's code and a reason code; OCR ran the columns together
        "Ln  Drug  Qty  Status  Reason\n2  LUMAKRAS 120 MG TABLET 240/30  B3  X11\n\n"
        "Status codes:  B1 approved  B2 approved, reduced  B3 denied, not covered\nB4 denied; criteria  C1 pending information\n"
        "Reason codes:  X04 over the limit\nX11 specialty pharmacy only\n",
        "denied",
    ),
    (
        "1 | LUMAKRAS 240MG TAB | Q-77120 | 21\nDet. key:  21 approved | 22 denied | 23 pended for records\n",
        "approved",
    ),
]


@pytest.mark.parametrize(("text", "want"), CODED)
def test_more_kinds_of_legends(text: str, want: str) -> None:
    hit, why = outcome.outcome(text)
    assert hit is not None and hit.value == want, why


@pytest.mark.parametrize(
    "text",
    [
        # a row's code meaning withdrawn or in review: no outcome
        "LUMAKRAS 120 MG TABLET  240/30  W9\nStatus codes:  A1 approved  D1 denied\nW9 withdrawn by prescriber\n",
        "Status: R (see legend)\nLegend: G = approved, N = denied, R = in clinical review\n",
        # a legend's words alone decide nothing
        "LUMAKRAS request received.\nDet. key:  01 approved | 02 not approved | 05 voided by requester\n",
        # a reason code on the row is no status
        "LUMAKRAS 120 MG TABLET  240/30  X11\nReason codes:  X04 over the limit\nX11 specialty pharmacy only\n",
    ],
)
def test_codes_that_decide_nothing(text: str) -> None:
    assert outcome.outcome(text)[0] is None


# -- 3. stamps atop a returned form -------------------------------------------------------------------------
STAMPS = [
    (
        ">> NOT APPROVED - HAYWARD PBM - REF HX-22019 - 03 FEB 2027 <<\nPRIOR AUTHORIZATION FORM\nDrug: LUMAKRAS\n",
        "denied",
    ),
    (
        "*** AUTH OK - KESTREL RX - PA# KR-55190 - EFF 2/1/27 THRU 7/31/27 ***\nRequest form\nDrug: LUMAKRAS\n",
        "approved",
    ),
    (
        "** PENDED FOR RPH REVIEW ** LARK SPECIALTY ** LS-0091\nOral oncology request\nMedication: LUMAKRAS 120 mg\n",
        "pended",
    ),
    ("==== AUTHORIZATION OK - 4/4/27 ====\nRequest for LUMAKRAS 120 mg\n", "approved"),
]


@pytest.mark.parametrize(("text", "want"), STAMPS)
def test_stamps_atop_a_returned_form(text: str, want: str) -> None:
    hit, why = outcome.outcome(text)
    assert hit is not None and hit.value == want, why


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (">> NOT APPROVED - HAYWARD PBM - 03 FEB 2027 <<\nForm\nSigned   Date: 01/28/2027\n", date(2027, 2, 3)),
        ("*** DENIED - REF 5512 - 2/14/27 - APPEAL W/IN 30 DAYS ***\nForm\nDate: 02/09/2027\n", date(2027, 2, 14)),
        (">> APPROVED 11 MAR 2027 EFF 3/11/27 THRU 9/10/27 <<\nForm\nDate: 03/01/2027\n", date(2027, 3, 11)),
    ],
)
def test_a_stamps_date_is_the_letters(text: str, want: date) -> None:
    hit = fields.letter_date(text)
    assert hit is not None and hit.value == want


@pytest.mark.parametrize(
    "text",
    [
        "*** AUTH OK - EFF 3/8/27 THRU 9/7/27 ***\nForm\n",  # a period only
        "** PENDED ** REC'D 08/12/27 **\nForm\n",  # a receipt's date
    ],
)
def test_no_stamp_date(text: str) -> None:
    assert letter_dates._stamp_date(text) is None


def test_an_eff_thru_stamp_is_the_period() -> None:
    span = fields.period("*** AUTH OK - PA# KR-55190 - EFF 2/1/27 THRU 7/31/27 ***\nRequested start date: 01/20/2027\n")
    assert span is not None and span[0] is not None and span[1] is not None
    assert (span[0].value, span[1].value) == (date(2027, 2, 1), date(2027, 7, 31))


# -- 4. statements ------------------------------------------------------------------------------------------
STATEMENTS = [
    ("Pharmacy Authorization No. PX-77-10021 has been issued for LUMAKRAS 120 mg tablets.", "approved"),
    ("An authorization was issued for LUMAKRAS (sotorasib) from 04/01/2027.", "approved"),
    ("Authorization number QW-5510-33 was issued to the dispensing pharmacy for LUMAKRAS.", "approved"),
    ("The reviewer has adversely determined the request for LUMAKRAS.", "denied"),
    ("Your request for sotorasib was decided adversely on review.", "denied"),
]


@pytest.mark.parametrize(("text", "want"), STATEMENTS)
def test_issued_and_adversely_determined(text: str, want: str) -> None:
    hit, why = outcome.outcome(text)
    assert hit is not None and hit.value == want, why


@pytest.mark.parametrize(
    "text",
    [
        "No authorization has been issued for LUMAKRAS.",
        "An authorization will be issued if the records show progression.",
        "Not any approval was issued for sotorasib.",
    ],
)
def test_no_authorization_issued_is_no_approval(text: str) -> None:
    hit, _ = outcome.outcome(text)
    assert hit is None or hit.value != "approved"


@pytest.mark.parametrize(
    "text",
    ["Claims Review Unit - 88 Harbor Rd, Dunmore\n", "Pharmacy Unit - 12 Mill Lane\n"],
)
def test_an_office_unit_is_no_quantity(text: str) -> None:
    assert fields.quantity(text) is None


def test_a_unit_label_still_reads() -> None:
    hit = fields.quantity("Units: 240 tablets per 30 days\n")
    assert hit is not None and hit.value == "240 tablets per 30 days"


# -- 5. renewals and decision dates -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Your last approval (no. QR-2026-1180, good from 01/01/2026 to\n06/30/2026) ends soon. Your new approval:\n"
        "  Good from:   07/01/2026\n  Good through:   12/31/2026\n",
        "The old authorization ran 01/01/2026 - 06/30/2026. New authorization valid from 07/01/2026 until 12/31/2026.\n",
    ],
)
def test_a_renewal_skips_the_last_approvals_dates(text: str) -> None:
    span = fields.period(text)
    assert span is not None and span[0] is not None and span[1] is not None
    assert (span[0].value, span[1].value) == (date(2026, 7, 1), date(2026, 12, 31))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Letter date: 03/10/2027\nDecision date: 03/08/2027\nYou may appeal within 30 days of the decision date.",
            date(2027, 4, 7),
        ),
        (
            "Date of determination .... 2027-06-01\nAn appeal must be filed within 60 days from the date of the "
            "determination shown above.",
            date(2027, 7, 31),
        ),
        # guard: no decision date labelled, the letter's date counts
        ("You may appeal within 30 days of the decision date.", date(2027, 4, 9)),
    ],
)
def test_a_window_from_the_labelled_decision_date(text: str, want: date) -> None:
    hit, why = fields.appeal_deadline(text, date(2027, 3, 10))
    assert hit is not None and hit.value == want, why


def test_a_window_from_a_portals_status_date_column() -> None:
    text = (
        "Status          Z4 (see key)          Status date 02/02/2027\n"
        "Appeal: an appeal may be filed within 90 days from the status\ndate.\n"
    )
    hit, why = fields.appeal_deadline(text, None)
    assert hit is not None and hit.value == date(2027, 5, 3), why


@pytest.mark.parametrize(
    ("text", "want"),
    [("Auth rof        QF-0220-11873\n", "QF-0220-11873"), ("Auth ref:  QF-0220-11874\n", "QF-0220-11874")],
)
def test_an_auth_ref_label_as_ocr_reads_it(text: str, want: str) -> None:
    hit = fields.authorization_number(text)
    assert hit is not None and hit.value == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("** PENDED FOR RPH REVIEW ** LARK SPECIALTY ** LS-PND-27-0091\nRequest form\n", "LS-PND-27-0091"),
        ("** PENDED FOR RPH REVIEW ** LARK SPECIALTY **\nLS-PND-27-0092\n** REC'D 1/2/27 **\nForm\n", "LS-PND-27-0092"),
        (">> DENIED - 2/2/27 - QK-88-10293 <<\nForm\n", "QK-88-10293"),
    ],
)
def test_a_stamps_unlabelled_reference(text: str, want: str) -> None:
    hit = fields.authorization_number(text)
    assert hit is not None and hit.value == want


@pytest.mark.parametrize(
    "text",
    [
        "** APPROVED ** CALL 1-800-555-0100 **\nForm\n",  # a phone number
        "** DENIED ** A-1 **\nForm\n",  # too few digits
        "Request form\nLS-PND-27-0091\n",  # no stamp
    ],
)
def test_no_stamp_reference(text: str) -> None:
    assert request_number._stamp_number(text) is None
