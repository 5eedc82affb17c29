"""Classes of wording behind held-out v39's false facts (issue 13's safety pass t39s, session 28; only the false positives
of tests/text/heldout39.yaml were read, its misses stay blind), each with sentences of our own (none copied from the
held-out file) and a guard: a case the class removes, and a true fact it keeps. Labels are the scorer's
(scripts/text_quality.py ``labels``), so a case reads like a corpus item."""

from __future__ import annotations

import pytest

from tests.text.reading import assert_reads

# (class, text, pairs that must be found, pairs that must not)
CASES = [
    # --- [t39s-stage-range] an eligibility range of stages --------------------------------------------------------------
    (
        "t39s-stage-range",
        "Study screening form\nInclusion: stage IIIC-IV lung adenocarcinoma [yes] -- patient has stage IVB (liver mets)",
        {("stage", "4")},
        {("stage", "3")},
    ),
    (
        "t39s-stage-range guard: a range inside one stage group",
        "Path staging: stage IIIA-IIIB squamous NSCLC pending node review; no distant disease.",
        {("stage", "3")},
        set(),
    ),
    (
        "t39s-stage-range guard: a stage with its node group",
        "Dx: stage IIIA-N2 lung adenocarcinoma, KRAS G12C.",
        {("stage", "3")},
        set(),
    ),
    (
        "t39s-stage-range guard: a dash then the writer's I",
        "Assessment: KRAS G12C NSCLC, stage IV - I reviewed the PET with the patient today.",
        {("stage", "4")},
        set(),
    ),
    # --- [t39s-drug-first-fill-pending] a prescription whose first fill has not shipped ----------------------------------
    (
        "t39s-drug-first-fill-pending",
        "SPECIALTY PHARMACY INTAKE\nRx: adagrasib 200 mg tabs, 600 mg PO BID, #180. Prior: docetaxel. Dx: stage IV NSCLC.\n"
        "Other oral anticancer agents: none -- adagrasib as single agent.\nCounselled. First fill to ship 12/09.",
        {("therapy", "docetaxel")},
        {("therapy", "adagrasib")},
    ),
    (
        "t39s-drug-first-fill-pending guard: a refill of a drug taken",
        "SPECIALTY PHARMACY REFILL\nOn adagrasib 600 mg BID since 09/2026, tolerating well. Next fill ships 12/09.",
        {("therapy", "adagrasib")},
        set(),
    ),
    # --- [t39s-drug-denied-request] the drug a denial notice refuses -------------------------------------------------------
    (
        "t39s-drug-denied-request",
        "COVERAGE DECISION LETTER -- Pinecrest Health Plan (fictitious)\nMedication: lorlatinib (Lorbrena) 100 mg\n"
        "We are unable to approve this request because no ALK rearrangement is documented.",
        set(),
        {("therapy", "lorlatinib")},
    ),
    (
        "t39s-drug-denied-request guard: a denial naming a drug already taken",
        "COVERAGE DECISION LETTER -- Pinecrest Health Plan (fictitious)\nMedication: sotorasib 960 mg\n"
        "We denied the request. The records show carboplatin/pemetrexed given 2025 with progression.",
        {("therapy", "carboplatin"), ("therapy", "pemetrexed")},
        {("therapy", "sotorasib")},
    ),
    (
        "t39s-drug-denied-request guard: a continuation denied for a drug taken",
        "COVERAGE DECISION LETTER -- Pinecrest Health Plan (fictitious)\nMedication: lorlatinib 100 mg (continuation)\n"
        "We denied this request because no scan since 06/2026 was sent.",
        {("therapy", "lorlatinib")},
        set(),
    ),
    # --- [t39s-drug-rule-statement] what a label or guideline supports -----------------------------------------------------
    (
        "t39s-drug-rule-statement",
        "Pharmacy review: the label supports pairing with cetuximab for colorectal primaries. mCRC, KRAS G12C.",
        {("kras", "g12c_present")},
        {("therapy", "cetuximab")},
    ),
    (
        "t39s-drug-rule-statement guard: a drug given",
        "mCRC, KRAS G12C. Cetuximab 500 mg/m2 given today with adagrasib.",
        {("therapy", "cetuximab")},
        set(),
    ),
    # --- [t39s-drug-agreed-plan] a plan the writer agrees with ---------------------------------------------------------------
    (
        "t39s-drug-agreed-plan",
        "Tumor board: stage IIIB adenocarcinoma, unresectable. We concur with concurrent chemoradiotherapy then "
        "consolidation durvalumab for one year.",
        {("stage", "3")},
        {("therapy", "durvalumab")},
    ),
    (
        "t39s-drug-agreed-plan guard: agreement to keep a drug taken",
        "Stage IV NSCLC. I agree with continuing pembrolizumab maintenance; scans stable.",
        {("therapy", "pembrolizumab")},
        set(),
    ),
    (
        "t39s-drug-agreed-plan guard: an agreed drug given since",
        "Stage IV SCLC relapsed after carboplatin/etoposide. We concur with topotecan; he received the first dose on "
        "11/20.",
        {("therapy", "topotecan")},
        set(),
    ),
    # --- [t39s-drug-weighed] a drug the team is weighing ------------------------------------------------------------------------
    (
        "t39s-drug-weighed",
        "Pulm note: known stage IV NSCLC with KRAS G12C; her oncologist is weighing adagrasib next month.",
        {("kras", "g12c_present")},
        {("therapy", "adagrasib")},
    ),
    (
        "t39s-drug-weighed guard: weighing a dose reduction of a drug taken",
        "On sotorasib 960 mg since 08/2026; grade 2 diarrhea, weighing a dose reduction of sotorasib.",
        {("therapy", "sotorasib")},
        set(),
    ),
    # --- [t39s-drug-corrected] a drug a correction replaces ------------------------------------------------------------------------
    (
        "t39s-drug-corrected",
        "PMH: stage IB NSCLC, resected 2022, maintenance pembrolizumab... Addendum - correction: maintenance was "
        "pemetrexed alone.",
        {("therapy", "pemetrexed")},
        {("therapy", "pembrolizumab")},
    ),
    (
        "t39s-drug-corrected guard: a correction of a dose",
        "Received adjuvant carboplatin/paclitaxel 2023. CORRECTION: carboplatin dose was AUC 5.",
        {("therapy", "carboplatin"), ("therapy", "paclitaxel")},
        set(),
    ),
    # --- [t39s-drug-not-an-option] a drug ruled out ----------------------------------------------------------------------------------
    (
        "t39s-drug-not-an-option",
        "Stage IV NSCLC, KRAS wild type. Adagrasib not an option (KRAS wt). Continue docetaxel.",
        {("therapy", "docetaxel")},
        {("therapy", "adagrasib")},
    ),
    (
        "t39s-drug-not-an-option guard: a drug no longer an option after progression on it",
        "Progressed on osimertinib 10/2026; osimertinib no longer an option. Plan carboplatin/pemetrexed.",
        {("therapy", "osimertinib")},
        set(),
    ),
    # --- [t39s-kras-reconciled-positive] a negative assay the note reconciles to G12C positive --------------------------------------
    (
        "t39s-kras-reconciled-positive",
        "Molecular review 11/02: liquid biopsy negative for KRAS G12C (low tumor fraction); tissue NGS KRAS G12C "
        "detected, VAF 22%. Final call: we regard the patient as KRAS G12C positive.",
        {("kras", "g12c_present")},
        {("kras", "g12c_absent")},
    ),
    (
        "t39s-kras-reconciled-positive guard: a discordance left open",
        "Tissue: KRAS G12C detected 03/2026. Repeat plasma 11/2026: KRAS G12C not detected. Clinical significance "
        "uncertain.",
        {("kras", "g12c_present"), ("kras", "g12c_absent")},
        set(),
    ),
    # (session 28 review) only an affirmative statement about the patient reconciles; otherwise both stay
    (
        "t39s-kras-reconciled-positive guard: a negated reconciling sentence",
        "NGS 2024: KRAS G12C detected.\nRepeat tissue NGS 2026: KRAS G12C not detected.\nWe do not consider her KRAS "
        "G12C positive at this time",
        {("kras", "g12c_present"), ("kras", "g12c_absent")},
        set(),
    ),
    (
        "t39s-kras-reconciled-positive guard: a criterion to answer",
        "NGS 2024 (outside lab): KRAS G12C detected.\nRepeat tissue NGS 2026: KRAS G12C not detected.\nCriterion 2: "
        "patient is KRAS G12C positive by an FDA-approved test [ ] Yes [ ] No",
        {("kras", "g12c_present"), ("kras", "g12c_absent")},
        set(),
    ),
    (
        "t39s-kras-reconciled-positive guard: about her brother",
        "NGS 2025: KRAS G12C detected (outside).\nRepeat NGS 2026 on new biopsy: KRAS G12C not detected.\nHer "
        "brother's tumor was tested too; he is KRAS G12C positive.",
        {("kras", "g12c_present"), ("kras", "g12c_absent")},
        set(),
    ),
    (
        "t39s-kras-reconciled-positive guard: he, in a note about her",
        "NGS 2025: KRAS G12C detected (outside).\nRepeat NGS 2026: KRAS G12C not detected in her biopsy.\nhe is KRAS "
        "G12C positive.",
        {("kras", "g12c_present"), ("kras", "g12c_absent")},
        set(),
    ),
    # --- [t39s-kras-other-variants-negative] the other variants' absence beside a G12C found ---------------------------------------
    (
        "t39s-kras-other-variants-negative",
        "KRAS codon 12/13 PCR\nInterpretation: G12C mutation PRESENT.\nAll other KRAS variants tested: not detected.",
        {("kras", "g12c_present")},
        {("kras", "g12c_absent")},
    ),
    (
        "t39s-kras-other-variants-negative guard: a report with no KRAS mutation",
        "KRAS PCR: no KRAS G12C or other KRAS mutation detected.",
        {("kras", "g12c_absent")},
        set(),
    ),
    # --- [t39s-kras-result-not-received] a payer lacking the result ----------------------------------------------------------------
    (
        "t39s-kras-result-not-received",
        "Dear member, the request for adagrasib was not approved. We have not received a laboratory report "
        "confirming a KRAS G12C mutation. Diagnosis: lung adenocarcinoma.",
        {("histology", "nsclc")},
        {("kras", "g12c_absent"), ("kras", "g12c_present")},
    ),
    (
        "t39s-kras-result-not-received",
        "Adagrasib request not approved. Reason: we did not get a lab report showing a KRAS G12C mutation. Diagnosis: lung adenocarcinoma.",
        {("histology", "nsclc")},
        {("kras", "g12c_absent"), ("kras", "g12c_present")},
    ),
    (
        "t39s-kras-result-not-received guard: a test that did not find the variant",
        "NGS 10/2026 (lung core): the assay did not find a KRAS G12C mutation; STK11 loss.",
        {("kras", "g12c_absent")},
        set(),
    ),
    # --- [t39s-status-screening-benign] a benign screening nodule ----------------------------------------------------------------
    (
        "t39s-status-screening-benign",
        "Annual low-dose CT for lung cancer screening 10/05/2026\nFindings: 4 mm LLL nodule, unchanged since 2024.\n"
        "Impression: Lung-RADS 2, benign. Next screen in 1 year.",
        set(),
        {("disease_status", "stable")},
    ),
    (
        "t39s-status-screening-benign guard: a cancer patient's restaging CT",
        "CT chest/abd 10/05/2026 restaging, stage IV adenocarcinoma on sotorasib: stable disease by RECIST.",
        {("disease_status", "stable")},
        set(),
    ),
    # --- [t39s-status-other-person] another person's course ----------------------------------------------------------------------
    (
        "t39s-status-other-person",
        "Social work visit 11/12: patient anxious before her scan; talked about her late father who was fine for months "
        "on his chemo before it stopped working. Resources given.",
        set(),
        {("disease_status", "worsened")},
    ),
    (
        "t39s-status-other-person guard: the informant is a relative",
        "Stage IV NSCLC. Daughter, who accompanies him, says he is weaker. CT 11/10 shows progression in the liver.",
        {("disease_status", "worsened")},
        set(),
    ),
    # --- [t39s-status-unconfirmed-progression] an unconfirmed progression ----------------------------------------------------------
    (
        "t39s-status-unconfirmed-progression",
        "Protocol scan (iRECIST) 10/30: new 6 mm liver lesion, progression not yet confirmed (iUPD); repeat imaging "
        "in 6 weeks, study drug continued.",
        set(),
        {("disease_status", "worsened")},
    ),
    (
        "t39s-status-unconfirmed-progression guard: a confirmed progression",
        "Protocol scan (iRECIST) 12/10: iCPD, confirmed progression with further growth of the liver lesion.",
        {("disease_status", "worsened")},
        set(),
    ),
]


@pytest.mark.parametrize(("name", "text", "wanted", "unwanted"), CASES, ids=[c[0] for c in CASES])
def test_wording_class_v39s(name: str, text: str, wanted: set, unwanted: set) -> None:
    assert_reads(name, text, wanted, unwanted)
