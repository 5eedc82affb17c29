"""Classes of wording behind held-out v6's misses (read on 2026-11-30, seventh pass, when v6 became a development
set), each widened with paraphrases of our own across document styles (none copied from tests/text/heldout6.yaml):
what a text must assert, and guards that must stay negative. Most of v6's 40 therapy false positives were one
convention gap: a drug ordered, requested, planned, taught, kept for later, offered as a choice or named as never
had is not a therapy the patient received; most of its 33 false negatives were the other side of it: a drug named in
a plan or an order with the words that say it was given (started on a date, a dose taken, "-> PD", "prior ...")."""

from __future__ import annotations

import pytest

from tests.text.test_wording_classes import found

NAIVE = ("treatment_naive", "true")
MONO = ("monotherapy", "true")
ILD = ("ild", "true")
WORSENED = ("disease_status", "worsened")
STABLE = ("disease_status", "stable")
IMPROVED = ("disease_status", "improved")


def therapy(*drugs: str) -> set[tuple[str, str]]:
    return {("therapy", d) for d in drugs}


# --- a drug the patient has not received: ordered, requested, planned, taught, kept for later, a choice -----------
NOT_GIVEN = [
    ("Regimen: sotorasib 960 mg PO daily   Cycle 1 Day 1: 12/02/2026", "sotorasib"),
    ("Study regimen: adagrasib + cetuximab. Enrolled 09/30/2026.", "adagrasib"),
    ("Drug requested: adagrasib 600 mg BID", "adagrasib"),
    ("Case note: request for adagrasib pended for records.", "adagrasib"),
    ("We have applied for sotorasib through the compassionate access scheme.", "sotorasib"),
    ("KRAS G12C on NGS. Sotorasib is reserved for second line.", "sotorasib"),
    ("Pembrolizumab first; we will save sotorasib for later lines.", "sotorasib"),
    ("Medication taught: adagrasib 600 mg twice daily with food.", "adagrasib"),
    ("Pharmacist verified the order for pembrolizumab 200 mg q3w (first line).", "pembrolizumab"),
    ("P: carboplatin/pemetrexed/pembrolizumab; chemo teach Monday.", "pemetrexed"),
    ("Plan: cisplatin/etoposide with thoracic RT, first cycle 12/01.", "etoposide"),
    ("New dx, starting carbo/pem C1 next Wednesday.", "pemetrexed"),
    ("MDT outcome: For docetaxel (second line) via clinic.", "docetaxel"),
    ("Will decide on adding cetuximab after tumor board.", "cetuximab"),
    ("Research note - divarasib single-agent expansion cohort: pre-screen.", "divarasib"),
    ("Randomized to arm A (investigational agent + pembrolizumab). Consent signed.", "pembrolizumab"),
    ("Patient is sotorasib-naive and adagrasib-naïve (no prior G12C inhibitor).", "sotorasib"),
    ("Durvalumab declined.", "durvalumab"),
    ("Consolidation durvalumab was refused by the patient.", "durvalumab"),
    ("Regimen to request: sotorasib {monotherapy/with panitumumab:55012} ***", "panitumumab"),
    ("| Gene | Variant | Tier | Matched drugs |\n| KRAS | G12C | I-A | sotorasib, adagrasib |", "sotorasib"),
    ("Options discussed with Mr. Alder (stage IV NSCLC): (a) docetaxel; (b) sotorasib alone.", "sotorasib"),
    ("Options discussed with Mr. Alder (stage IV NSCLC): (a) docetaxel; (b) sotorasib alone.", "docetaxel"),
    ("PATIENT EDUCATION PRINTED: sotorasib is a pill taken once a day.", "sotorasib"),
    ("MONOTHERAPY DOSE OF SOTORASIB IS 960 MG DAILY. (GENERIC DRUG-INFO TEXT, NOT PATIENT-SPECIFIC)", "sotorasib"),
    ("Requested regimen: sotorasib 960 mg daily.", "sotorasib"),
    ("New regimen: adagrasib 600 mg BID, to begin after PA.", "adagrasib"),
    ("Orders: sotorasib 960 mg PO daily x 28 days.", "sotorasib"),
    ("Order set: GI - sotorasib + panitumumab, signed.", "panitumumab"),
    ("Pharmacy received an order for adagrasib 600 mg BID.", "adagrasib"),
    ("Submitted a request for sotorasib coverage to the plan.", "sotorasib"),
    ("We applied for adagrasib via the manufacturer program.", "adagrasib"),
    ("Application for sotorasib submitted to the PBS.", "sotorasib"),
    ("Sotorasib reserved for progression.", "sotorasib"),
    ("Plan to keep adagrasib for later lines.", "adagrasib"),
    ("KRAS inhibitor (sotorasib) saved for second line.", "sotorasib"),
    ("Nurse taught pt about sotorasib dosing.", "sotorasib"),
    ("Teaching on adagrasib completed with daughter.", "adagrasib"),
    ("Chemo teaching for carboplatin/pemetrexed done.", "carboplatin"),
    ("Starting sotorasib next Monday once delivered.", "sotorasib"),
    ("Will be starting adagrasib in 2 weeks.", "adagrasib"),
    ("Pt is pembrolizumab-naive.", "pembrolizumab"),
    ("IO naive; docetaxel naive.", "docetaxel"),
    ("Pembrolizumab: declined by patient.", "pembrolizumab"),
    ("Adjuvant cisplatin was declined.", "cisplatin"),
    ("Patient refused docetaxel.", "docetaxel"),
    ("Randomised to arm B: sotorasib + pembrolizumab.", "pembrolizumab"),
    ("Dose-escalation cohort 3: adagrasib 400 mg BID - screening.", "adagrasib"),
    ("MDT decision: for docetaxel second line.", "docetaxel"),
    ("Undecided between docetaxel and sotorasib.", "docetaxel"),
    ("Will decide whether to add panitumumab.", "panitumumab"),
    ("Criteria: (1) prior platinum; (2) no prior sotorasib.", "sotorasib"),
    ("Alternatives: (a) docetaxel/ramucirumab (b) adagrasib.", "adagrasib"),
    ("| Biomarker | Result | Approved therapies |\n| KRAS G12C | Detected | sotorasib |", "sotorasib"),
    ("P: sotorasib 960 mg qd pending PA.", "sotorasib"),
]

# --- a drug given, though named in a plan, an order or a list: the words that say so -------------------------------
GIVEN = [
    ("A/P: 2L FOLFIRI+bev -> PD 09/2026.", therapy("irinotecan", "bevacizumab", "fluorouracil")),
    ("A/P: 1L carbo/pem/pembro -> PD; now second line.", therapy("carboplatin", "pemetrexed", "pembrolizumab")),
    ("Plan: 3L sotorasib + panitumumab started 10/04.", therapy("sotorasib", "panitumumab")),
    ("Order: sotorasib 960 mg daily. Sotorasib first dose taken at home this morning.", therapy("sotorasib")),
    (
        "Plan: continue; prior pemetrexed/carboplatin, pembrolizumab.",
        therapy("pemetrexed", "carboplatin", "pembrolizumab"),
    ),
    (
        "Plan: sotorasib per PA.\nNow: progressive metastatic NSCLC after carboplatin/pemetrexed.",
        therapy("carboplatin"),
    ),
    ("Treatment plan: ADAGRASIB 600 MG BID - active, started 08/14/2026, cycle 3.", therapy("adagrasib")),
    ("Plan: FOLFOX x 6 (progressed), now FOLFIRI.", therapy("oxaliplatin")),
    ("Recs: sotorasib C2D1 today, labs reviewed.", therapy("sotorasib")),
    ("Plan: soto+pmab started 11/02.", therapy("sotorasib", "panitumumab")),
    ("CAPOX+bev x 6 then maintenance.", therapy("capecitabine", "oxaliplatin", "bevacizumab")),
    ("Outside records: currently on trifluridine/tipiracil (Lonsurf).", therapy("trifluridine", "tipiracil")),
    ("Plan: FOLFOX -> PD, FOLFIRI -> PD; now soto + pmab.", therapy("oxaliplatin")),
    ("A/P: s/p carbo/pem; pembro (progressed).", therapy("pembrolizumab")),
    ("Plan: cont sotorasib, started 5/2026.", therapy("sotorasib")),
    ("Plan: previous docetaxel stopped for toxicity.", therapy("docetaxel")),
    ("Recs: adagrasib, cycle 4 day 1 today.", therapy("adagrasib")),
    ("Plan: adagrasib C1D15 labs ok.", therapy("adagrasib")),
    ("A/P: progressed on carbo/pem; adagrasib started 09/02.", therapy("adagrasib")),
    ("Plan: progression after pembrolizumab; switch to docetaxel.", therapy("pembrolizumab")),
    ("Order: sotorasib dispensed 10/10, 28 tablets.", therapy("sotorasib")),
]

# --- treatment-naive: field notes, NIL, all treatment refused, a form's answers, a ticked "none" -----------------
NAIVE_SAID = [
    "Prior anticancer therapy (any setting, incl. adjuvant): NONE",
    "Prior systemic therapy (per outside records): 0",
    "Rx hx: NIL prior systemic therapy.",
    "Nil prior chemotherapy.",
    "No prior sys tx.",
    "Pt refused all treatment at diagnosis.",
    "She declined all systemic therapy and wants comfort care.",
    "Reason no treatment: patient declined any cancer treatment.",
    "He has received no anticancer drug therapy to date.",
    "Has had no systemic medication therapy so far.",
    "Have you ever received chemotherapy?        No",
    "Has the patient ever been given immunotherapy?  - No",
    "PRIOR THERAPY (tick all that apply): [ ] chemo  [ ] immunotherapy\n[ ] targeted   [X] none of the above",
    "Prior systemic treatment (including adjuvant): none",
    "Previous chemotherapy (any line) - none",
    "Prior lines of therapy (advanced setting): 0",
    "NIL previous chemotherapy or immunotherapy.",
    "None prior systemic therapy.",
    "Patient refused all chemotherapy and immunotherapy.",
    "Declined any systemic treatment; hospice referral made.",
    "He declines all cancer-directed therapy.",
    "Has received no cancer drug treatment so far.",
    "Have you ever taken any cancer pills?   No",
    "Ever received immunotherapy?  No",
    "Did you ever receive chemotherapy?   No",
    "Prior treatments (check all): [ ] chemo [ ] IO [x] none",
    "no prior sys therapy",
]
NAIVE_NOT_SAID = [
    "Have you ever received chemotherapy?        Yes - carboplatin 2025",
    "PRIOR THERAPY (tick all that apply): [X] chemo  [ ] immunotherapy  [ ] none of the above",
    "He refused all blood products.",
    # a naive line contradicted by a drug given elsewhere in the text (copied forward, corrected, another period)
    "Treatment-naive per intake 03/2026.\nUPDATE: received 4 cycles carboplatin/pemetrexed since.",
    "No prior chemotherapy in the past year. Completed adjuvant cisplatin/vinorelbine in 2021.",
    "No systemic therapy since recurrence. 2024: neoadjuvant nivolumab + carboplatin/paclitaxel.",
    "Treatment naive to KRAS inhibitors. Prior: carboplatin/pemetrexed/pembrolizumab.",
    "Declined any further imaging.",
    "Prior systemic therapy (adjuvant): cisplatin/pemetrexed 2023",
    "Have you ever received chemotherapy?   Yes",
    "Prior treatments (check all): [x] chemo [ ] IO [ ] none",
]

# --- monotherapy ---------------------------------------------------------------------------------------------------
MONO_SAID = [
    "Plan: Continue Lumakras 960 mg daily as sole antineoplastic agent.",
    "Sotorasib is her only anticancer medication.",
    "Combination partner: none - adagrasib ordered as monotherapy.",
    "Pt has received carboplatin/pemetrexed and now sotorasib monotherapy.",
    "Previously on docetaxel; currently sotorasib monotherapy.",
    "Medication taught: sotorasib 960 mg daily. Pt will take this medication by itself.",
    "Teaching: adagrasib 600 mg BID. The patient takes this drug alone, with no infusions.",
    "[x] sotorasib 960 mg PO daily (single-agent regimen - no IV components)",
    "Sotorasib 960 mg daily, single agent - no chemo alongside.",
    "Adagrasib alone - no immunotherapy partner.",
    "Sotorasib as the sole systemic therapy.",
    "Adagrasib is the only targeted agent; no chemo alongside.",
    "Received pembrolizumab in 2025; now sotorasib single agent.",
    "Previously on carboplatin; currently adagrasib monotherapy.",
    "Medication: Lumakras 960 mg. Take this medicine alone, not with other cancer drugs.",
    "Sotorasib 960 mg daily (single agent - no chemotherapy).",
    "Regimen partner: none; sotorasib monotherapy.",
]
MONO_NOT_SAID = [
    "Pt received pembrolizumab monotherapy in 2025.",
    "Medication taught: docetaxel. Pt will take this medication by itself.",
    "Combination partner: panitumumab with sotorasib.",
    "Sotorasib + panitumumab; no other drugs.",
    "Received docetaxel monotherapy in 2025.",
    "Medication: docetaxel 75 mg/m2. This medicine is given alone.",
    "Sotorasib with panitumumab; combination partner panitumumab.",
]

# (class, text, must find, must not find)
CASES = [
    (
        "a result after '=' in a findings list",
        "CT 08/2026: new adrenal lesion, enlarging nodes = PD",
        {WORSENED},
        set(),
    ),
    ("stable after '='", "Restaging CT: target lesions 42 -> 40 mm = SD", {STABLE}, set()),
    ("response after '='", "PET/CT: marked decrease in uptake = PR", {IMPROVED}, set()),
    ("a drug stopped at progression", "Pembrolizumab discontinued 04/2026 at PD.", {WORSENED}, set()),
    ("progressive cancer, not only 'disease'", "Now: progressive metastatic NSCLC after chemo-IO.", {WORSENED}, set()),
    ("stable with an adverb", "Disease currently stable on restaging CT.", {STABLE}, set()),
    (
        "a table cell before a pipe",
        "RECIST assessment\nTP1 (08/02) SLD 50 mm SD | TP2 (10/01) SLD 38 mm PR",
        {STABLE, IMPROVED},
        set(),
    ),
    ("staging field", "- Staging: IIIB (cT3 N2 M0), RUL adenocarcinoma", {("stage", "3")}, set()),
    ("staging field, stage four", "Lung primary. Staging: IVB (cT4 N3 M1c)", {("stage", "4")}, set()),
    (
        "the patient's sentence after a family line",
        "Social/family hx: sister had breast cancer, treatment naive.\nPt (stage IV NSCLC) now on sotorasib.",
        {("stage", "4"), ("therapy", "sotorasib")},
        {NAIVE},
    ),
    (
        "a parenthesis after a name is the person's",
        "Second-line choices reviewed with Mrs. Reyes (stage IV NSCLC, progressed on carboplatin/pemetrexed).",
        {("stage", "4"), ("therapy", "carboplatin")},
        set(),
    ),
]
GUARDS = [
    ("ILD weighed as improbable", "HRCT: mild GGO; interstitial lung disease is less likely.", set(), {ILD}),
    ("ILD unlikely", "Pneumonitis is unlikely given the timeline.", set(), {ILD}),
    ("a field answered nil", "Prior ILD: nil. No other pulmonary history.", set(), {ILD}),
    ("a field answered none", "Pneumonitis: none; cough resolved.", set(), {ILD}),
    ("a checklist's [N]", "[N] Active ILD / pneumonitis\n[Y] ECOG 0-1", set(), {ILD}),
    (
        "a fibrosing lung progressing is not the cancer",
        "Honeycombing and reticulation, progressed since prior. Adenocarcinoma unchanged.",
        {STABLE},
        {WORSENED},
    ),
    ("a staging field with no group", "Staging: pending PET.", set(), {("stage", "1"), ("stage", "2")}),
    (
        "family line keeps the relative's facts",
        "Family hx: Mother had NSCLC treated with carboplatin.",
        set(),
        {("therapy", "carboplatin")},
    ),
    ("a started drug in a plan still to come", "Plan: start sotorasib next week.", set(), {("therapy", "sotorasib")}),
    (
        "cycle 1 day 1 ordered is not a dose",
        "Order: adagrasib 600 mg BID, Cycle 1 Day 1 12/03.",
        set(),
        {("therapy", "adagrasib")},
    ),
    (
        "a date is not a cycle number",
        "Plan: docetaxel, cycle 11/18 per chair availability.",
        set(),
        {("therapy", "docetaxel")},
    ),
    (
        "prior authorization is not a prior drug",
        "Plan: prior auth for sotorasib submitted.",
        set(),
        {("therapy", "sotorasib")},
    ),
    ("a held drug is still given", "Pembrolizumab held for a week for rash.", {("therapy", "pembrolizumab")}, set()),
    (
        "a filled SmartLink is the value",
        "Pt is tolerating {Lumakras:2231} without holds. Cycle: 6.",
        {("therapy", "sotorasib")},
        set(),
    ),
    (
        "a trial arm being dosed is given",
        "On study: adagrasib + pembrolizumab (arm A), C3D1 today.",
        therapy("adagrasib", "pembrolizumab"),
        set(),
    ),
    ("a test ordered for G12C is no result", "Plasma NGS ordered for KRAS G12C.", set(), {("kras", "g12c_present")}),
]


@pytest.mark.parametrize(("text", "drug"), NOT_GIVEN)
def test_therapy_not_given(text: str, drug: str) -> None:
    assert ("therapy", drug) not in found(text)


@pytest.mark.parametrize(("text", "drugs"), GIVEN)
def test_therapy_given(text: str, drugs: set[tuple[str, str]]) -> None:
    assert drugs <= found(text)


@pytest.mark.parametrize("text", NAIVE_SAID)
def test_naive_said(text: str) -> None:
    assert NAIVE in found(text)


@pytest.mark.parametrize("text", NAIVE_NOT_SAID)
def test_naive_not_said(text: str) -> None:
    assert NAIVE not in found(text)


def test_one_sentence_saying_naive_and_a_drug_keeps_both() -> None:
    """A sentence saying "naive per patient, but outside records show carboplatin": a conflict to review, both cited."""
    got = found("Treatment-naive per patient, but outside records show 2 cycles of carboplatin/paclitaxel (2025).")
    assert {NAIVE, ("therapy", "carboplatin")} <= got


@pytest.mark.parametrize("text", MONO_SAID)
def test_monotherapy_said(text: str) -> None:
    assert MONO in found(text)


@pytest.mark.parametrize("text", MONO_NOT_SAID)
def test_monotherapy_not_said(text: str) -> None:
    assert MONO not in found(text)


@pytest.mark.parametrize(("name", "text", "want", "unwanted"), CASES + GUARDS, ids=[c[0] for c in CASES + GUARDS])
def test_wording_class(name: str, text: str, want: set[tuple[str, str]], unwanted: set[tuple[str, str]]) -> None:
    got = found(text)
    assert want <= got, f"{name}: missing {want - got}"
    assert not (unwanted & got), f"{name}: unwanted {unwanted & got}"


# A pressure injury's stage and a waiting-room flyer's questions are not the patient's cancer.
@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        ("Lung cancer hx. Skin: pressure injury stage 2 sacrum, dressing changed.", ("stage", "2")),
        ("Lung ca. Decubitus ulcer stage 3 over the coccyx.", ("stage", "3")),
        ("Lung ca. Wound: stage 2 heel ulcer, healing.", ("stage", "2")),
        ('Study flyer (clinic lobby): "Lung cancer with KRAS G12C? You may qualify."', ("kras", "g12c_present")),
        ("Patient brochure - KRAS G12C lung cancer: what sotorasib does.", ("therapy", "sotorasib")),
    ],
)
def test_not_the_patients_cancer(text: str, unwanted: tuple[str, str]) -> None:
    assert unwanted not in found(text)


# A request's field names the drug first; the diagnosis and result after it are the patient's, the drug is not given.
@pytest.mark.parametrize(
    ("text", "want", "unwanted"),
    [
        (
            "Requested: adagrasib 600 mg BID, monotherapy, NSCLC stage IV, KRAS G12C (tissue).",
            {("kras", "g12c_present"), ("stage", "4"), ("histology", "nsclc")},
            {("therapy", "adagrasib")},
        ),
        (
            "Request: sotorasib 960 mg daily for lung adenocarcinoma, stage IVA, KRAS G12C on plasma.",
            {("kras", "g12c_present"), ("stage", "4")},
            {("therapy", "sotorasib")},
        ),
        (
            "Requesting: sotorasib; dx metastatic NSCLC with KRAS G12C.",
            {("kras", "g12c_present"), ("histology", "nsclc")},
            {("therapy", "sotorasib")},
        ),
        ("Requested: KRAS G12C testing on plasma.", set(), {("kras", "g12c_present")}),
        ("Requested: repeat biopsy for KRAS G12C.", set(), {("kras", "g12c_present")}),
    ],
)
def test_request_field(text: str, want: set[tuple[str, str]], unwanted: set[tuple[str, str]]) -> None:
    got = found(text)
    assert want <= got and not (unwanted & got), got
