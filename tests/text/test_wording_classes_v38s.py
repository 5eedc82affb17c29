"""Classes of wording behind held-out v38's false facts (issue 13's safety pass t38s, session 27; only the false positives
of tests/text/heldout38.yaml were read, its misses stay blind), each with sentences of our own (none copied from the
held-out file) and a guard: a case the class removes, and a true fact it keeps. Labels are the scorer's
(scripts/text_quality.py ``labels``), so a case reads like a corpus item."""

from __future__ import annotations

import pytest

from tests.text.reading import assert_reads

# (class, text, pairs that must be found, pairs that must not)
CASES = [
    # --- [t38s-numbered-people] a log or an agenda of several people -----------------------------------------------------
    (
        "t38s-numbered-people",
        "PRE-SCREENING LOG, lung G12C study (fictitious site 07)\nSubj 07-011: NSCLC with KRAS G12C, pneumonitis on "
        "prior durvalumab -> ineligible\nSubj 07-012: adenocarcinoma, on sotorasib -> eligible\nSubj 07-013: pending",
        set(),
        {("kras", "g12c_present"), ("ild", "true"), ("therapy", "sotorasib"), ("histology", "nsclc")},
    ),
    (
        "t38s-numbered-people",
        "LUNG MDT LIST 12/01\n1. 59F LLL adenocarcinoma, KRAS G12C, stage IVA -- second line?\n2. 77M mesothelioma "
        "review\n3. 64M squamous NSCLC, stage IIIB -- chemoradiation",
        set(),
        {("kras", "g12c_present"), ("stage", "4"), ("histology", "nsclc")},
    ),
    (
        "t38s-numbered-people",
        "Eligibility worksheet. Not a clinical note for any single patient.\nExample: KRAS G12C NSCLC after platinum.",
        set(),
        {("kras", "g12c_present")},
    ),
    (
        "t38s-numbered-people guard: one patient's numbered problem list",
        "Problems:\n1. 64M with stage IVA lung adenocarcinoma, KRAS G12C\n2. Hypertension",
        {("kras", "g12c_present"), ("histology", "nsclc"), ("stage", "4")},
        set(),
    ),
    # --- [t38s-status-requirement] a status the payer asks to be shown ----------------------------------------------------
    (
        "t38s-status-requirement",
        "Plan rep says the request is pended; they require the last two oncology notes and a CT report documenting "
        "disease progression on platinum. NSCLC stage IV.",
        set(),
        {("disease_status", "worsened")},
    ),
    (
        "t38s-status-requirement guard: a report that shows progression",
        "CT chest 11/18 showing progression of the RUL mass on carboplatin/pemetrexed. NSCLC stage IV.",
        {("disease_status", "worsened")},
        set(),
    ),
    # --- [t38s-status-staging-spread] the spread that stages the cancer ---------------------------------------------------
    (
        "t38s-status-staging-spread",
        "Dear Mr. Lowe, your PET scan showed the cancer has spread to your liver, which makes it stage 4. You have "
        "not had treatment yet.",
        set(),
        {("disease_status", "worsened")},
    ),
    (
        "t38s-status-staging-spread guard: a spread found on treatment",
        "NSCLC stage IV on pembrolizumab. The restaging scan showed the cancer has spread to some bones.",
        {("disease_status", "worsened")},
        set(),
    ),
    # --- [t38s-status-one-lesion-stable] one lesion unchanged inside a progression ---------------------------------------
    (
        "t38s-status-one-lesion-stable",
        "CT ABDOMEN 11/20, hx NSCLC on sotorasib.\nIMPRESSION: Three new hepatic lesions consistent with progression of "
        "metastatic disease. Previously seen adrenal nodule unchanged.",
        {("disease_status", "worsened")},
        {("disease_status", "stable")},
    ),
    (
        "t38s-status-one-lesion-stable guard: a lesion unchanged with no progression read",
        "CT 11/20, hx NSCLC on sotorasib. Previously seen adrenal nodule unchanged. No new lesions.",
        {("disease_status", "stable")},
        set(),
    ),
    # --- [t38s-status-code-decides] a shrinkage called SD by the report ----------------------------------------------------
    (
        "t38s-status-code-decides",
        "F/u on adagrasib, NSCLC stage IV. CT 11/20: target lesions decreased 22% (SD).",
        {("disease_status", "stable")},
        {("disease_status", "improved")},
    ),
    (
        "t38s-status-code-decides guard: a shrinkage called PR",
        "Restaging on adagrasib, NSCLC stage IV: sum of target lesions down 41%, partial response.",
        {("disease_status", "improved")},
        set(),
    ),
    # --- [t38s-status-no-pd-beside-response] "No progression." beside a response -----------------------------------------
    (
        "t38s-status-no-pd-beside-response",
        "Renewal request, sotorasib for NSCLC stage IV. Latest CT 11/02 shows an ongoing partial response. No "
        "progression.",
        {("disease_status", "improved")},
        {("disease_status", "stable")},
    ),
    (
        "t38s-status-no-pd-beside-response guard: no progression alone",
        "Renewal request, sotorasib for NSCLC stage IV. Latest CT 11/02 reviewed. No progression.",
        {("disease_status", "stable")},
        set(),
    ),
    # --- [t38s-status-benign-retracted] the only cancer words retracted ---------------------------------------------------
    (
        "t38s-status-benign-retracted",
        'ADDENDUM: The earlier impression "new splenic metastasis" is withdrawn; the prior study used was another '
        "patient's. Compared with 07/2026 the splenic lesion is unchanged, a benign cyst. No evidence of progression.",
        set(),
        {("disease_status", "stable")},
    ),
    (
        "t38s-status-benign-retracted guard: a cancer still named",
        'ADDENDUM: "new splenic lesion" is withdrawn as a benign cyst. History: NSCLC on sotorasib. No evidence of '
        "progression.",
        {("disease_status", "stable")},
        set(),
    ),
    # --- [t38s-naive-drug-not-started] the dispensed drug not started yet ---------------------------------------------
    (
        "t38s-naive-drug-not-started",
        "SPECIALTY PHARMACY WELCOME CALL\nDrug: adagrasib 200 mg tabs, 600 mg PO BID.\nFirst fill ships Monday; "
        "patient has not started treatment yet.",
        set(),
        {("therapy", "adagrasib"), ("treatment_naive", "true")},
    ),
    (
        "t38s-naive-drug-not-started guard: no therapy at all",
        "New patient, stage IV NSCLC. She has not received any systemic therapy.",
        {("treatment_naive", "true")},
        set(),
    ),
    # --- [t38s-naive-one-class-received] naive of one class, another received -----------------------------------------
    (
        "t38s-naive-one-class-received",
        "Admitted with pneumonitis on sotorasib (no prior immunotherapy -- had carboplatin/pemetrexed only).",
        set(),
        {("treatment_naive", "true")},
    ),
    (
        "t38s-naive-one-class-received guard: naive of everything",
        "Stage IVB NSCLC, no prior systemic therapy; starting carboplatin next week.",
        {("treatment_naive", "true")},
        set(),
    ),
    # --- [t38s-ild-grade-zero] a toxicity grade of 0 -------------------------------------------------------------------
    (
        "t38s-ild-grade-zero",
        "Toxicity check, adagrasib C3D1 | Nausea: 2 | Pneumonitis: 0 | Fatigue: 1",
        set(),
        {("ild", "true")},
    ),
    (
        "t38s-ild-grade-zero guard: a grade above 0",
        "Toxicity check, adagrasib C3D1 | Nausea: 1 | Pneumonitis: 2 | Fatigue: 1",
        {("ild", "true")},
        set(),
    ),
    # --- [t38s-ild-leading-consideration] a differential's favourite -----------------------------------------------------
    (
        "t38s-ild-leading-consideration",
        "HRCT: patchy ground glass. Checkpoint-inhibitor pneumonitis is the leading consideration; viral infection "
        "remains possible.",
        set(),
        {("ild", "true")},
    ),
    (
        "t38s-ild-leading-consideration guard: a pneumonitis diagnosed",
        "Grade 2 checkpoint-inhibitor pneumonitis diagnosed on HRCT, prednisone started.",
        {("ild", "true")},
        set(),
    ),
    # --- [t38s-kras-clearance] a monitoring assay's "not detected" -------------------------------------------------------
    (
        "t38s-kras-clearance",
        "ctDNA tracking, KRAS G12C digital PCR\n12/01: G12C not detected (baseline 09/2026: 250 copies/mL)\nNSCLC on "
        "adagrasib.",
        {("kras", "g12c_present")},
        {("kras", "g12c_absent")},
    ),
    (
        "t38s-kras-clearance guard: a diagnostic negative",
        "Plasma NGS 11/2026: KRAS G12C not detected. Lung adenocarcinoma, stage IV.",
        {("kras", "g12c_absent")},
        set(),
    ),
    # --- [t38s-histology-other-primary] a lung metastasis of another primary ----------------------------------------------
    (
        "t38s-histology-other-primary",
        "Sigmoid cancer resected 2023. Now two lung nodules; CT-guided core: adenocarcinoma c/w colorectal primary "
        "(CDX2+, CK20+).",
        set(),
        {("histology", "nsclc")},
    ),
    (
        "t38s-histology-other-primary guard: a lung primary",
        "RUL core: adenocarcinoma c/w lung primary (TTF-1+). Colorectal cancer in remission.",
        {("histology", "nsclc")},
        set(),
    ),
    # --- [t38s-drug-not-given] drugs named, none given ---------------------------------------------------------------------
    (
        "t38s-drug-not-given",
        "Durvalumab stopped for colitis. KRAS G12C: future adagrasib once the colitis settles.",
        set(),
        {("therapy", "adagrasib")},
    ),
    (
        "t38s-drug-not-given",
        "Options reviewed after adagrasib; we prefer docetaxel or a trial at this point.",
        set(),
        {("therapy", "docetaxel")},
    ),
    (
        "t38s-drug-not-given",
        "Consult letter: I agree with adagrasib as the next line, without concurrent immunotherapy.",
        set(),
        {("therapy", "adagrasib")},
    ),
    (
        "t38s-drug-not-given guard: agreement then a dose given",
        "Consult letter: I agree with docetaxel; he received the first dose on Monday.",
        {("therapy", "docetaxel")},
        set(),
    ),
    (
        "t38s-drug-not-given guard: agreement to continue a drug taken",
        "Scans reviewed; I agree with continuing adagrasib at the reduced dose.",
        {("therapy", "adagrasib")},
        set(),
    ),
    (
        "t38s-drug-not-given",
        "She is interested in your adagrasib plus cetuximab study.",
        set(),
        {("therapy", "adagrasib"), ("therapy", "cetuximab")},
    ),
    (
        "t38s-drug-not-given",
        "Not eligible for the study; sent back to her oncologist for adagrasib consideration.",
        set(),
        {("therapy", "adagrasib")},
    ),
    (
        "t38s-drug-not-given",
        'Patient portal message 11/20/2026: "Hello, a friend told me about a pill called Lumakras. My CT showed a '
        'nodule."',
        set(),
        {("therapy", "sotorasib")},
    ),
    (
        "t38s-drug-not-given",
        "COVERAGE DETERMINATION (Part D)\nThe following drug has been approved: KRAZATI 200 MG TABLET, 6 tablets daily",
        set(),
        {("therapy", "adagrasib")},
    ),
    (
        "t38s-drug-not-given",
        "PA questions\nQ3 Will adagrasib be combined with any other anticancer drug? -- A: No",
        set(),
        {("therapy", "adagrasib")},
    ),
    (
        "t38s-drug-not-given",
        "mCRC after FOLFIRI. Starting adagrasib with cetuximab on 12/14.",
        set(),
        {("therapy", "adagrasib"), ("therapy", "cetuximab")},
    ),
    (
        "t38s-drug-not-given",
        "Comment: in colorectal cancer adagrasib should not be used alone.",
        set(),
        {("therapy", "adagrasib")},
    ),
    (
        "t38s-drug-not-given",
        "GENOMIC REPORT\nKRAS p.G12C detected\nAssociated therapies: adagrasib + cetuximab; sotorasib + panitumumab (in "
        "tumor type)",
        {("kras", "g12c_present")},
        {("therapy", "sotorasib"), ("therapy", "panitumumab")},
    ),
    (
        "t38s-drug-not-given",
        "CONSENT FOR TREATMENT\nRegimen: carboplatin AUC 6 + paclitaxel 200 mg/m2 + pembrolizumab 200 mg q3w.\nC1 "
        "scheduled next week.",
        set(),
        {("therapy", "pembrolizumab")},
    ),
    (
        "t38s-drug-not-given guard: a regimen line of a treatment note",
        "INFUSION NOTE\nRegimen: pembrolizumab 200 mg q3w, C4 given today without reaction.",
        {("therapy", "pembrolizumab")},
        set(),
    ),
    (
        "t38s-drug-not-given guard: a drug started today",
        "mCRC after FOLFIRI. Started adagrasib with cetuximab today.",
        {("therapy", "adagrasib"), ("therapy", "cetuximab")},
        set(),
    ),
]


@pytest.mark.parametrize(("name", "text", "wanted", "unwanted"), CASES, ids=[c[0] for c in CASES])
def test_wording_class_v38s(name: str, text: str, wanted: set, unwanted: set) -> None:
    assert_reads(name, text, wanted, unwanted)
