"""Classes of wording behind held-out v37's remaining errors (issue 13's thirty-eighth pass, t38, session 27: v37 read
whole, its misses and the false facts the safety pass left), each with sentences of our own (none copied from the
held-out file) and a guard: a case the class changes, and a case it must not. Labels are the scorer's
(scripts/text_quality.py ``labels``), so a case reads like a corpus item."""

from __future__ import annotations

import pytest

from tests.text.reading import assert_reads

# (class, text, pairs that must be found, pairs that must not)
CASES = [
    # --- [t38-stage-bare-before-histology] a stage group written bare before the lung cancer it stages ---------------
    (
        "t38-stage-bare-before-histology",
        "Impression: IIIB NSCLC (squamous), on durvalumab consolidation since 08/2026.",
        {("stage", "3"), ("histology", "nsclc")},
        set(),
    ),
    (
        "t38-stage-bare-before-histology",
        "Problem list: IVA (M1a, pleural) lung adenocarcinoma, KRAS G12C.",
        {("stage", "4")},
        set(),
    ),
    (
        "t38-stage-bare-before-histology guard: a trial's phase",
        "Discussed a phase III NSCLC study; she prefers standard care.",
        set(),
        {("stage", "3")},
    ),
    (
        "t38-stage-bare-before-histology guard: a grade",
        "Path: grade II adenocarcinoma of the lung, acinar predominant.",
        {("histology", "nsclc")},
        {("stage", "2")},
    ),
    (
        "t38-stage-bare-before-histology guard: a list numeral",
        "Questions for tumor board: (ii) NSCLC or metastasis from the colon primary?",
        set(),
        {("stage", "2")},
    ),
    # --- [t38-appeal-of-denial] a prescriber's own appeal of a denial ------------------------------------------------
    (
        "t38-appeal-of-denial",
        "We are writing to appeal the denial of adagrasib for our patient, a 58-year-old woman with stage IVA lung "
        "adenocarcinoma whose tumor carries KRAS G12C (tissue NGS 03/2026).",
        {("stage", "4"), ("histology", "nsclc"), ("kras", "g12c_present")},
        {("therapy", "adagrasib")},
    ),
    (
        "t38-appeal-of-denial guard: a payer's appeal rights",
        "You may appeal this denial of sotorasib for stage IV NSCLC with KRAS G12C within 60 days.",
        set(),
        {("stage", "4"), ("kras", "g12c_present"), ("therapy", "sotorasib")},
    ),
    # --- [t38-label-scope-indication] what a drug "is for", told to a patient --------------------------------------
    (
        "t38-label-scope-indication",
        "Pt asked if the new pill would help her - told her the tumor was never tested (no recurrence); adagrasib is "
        "for advanced KRAS G12C cancer only.",
        set(),
        {("kras", "g12c_present"), ("therapy", "adagrasib")},
    ),
    (
        "t38-label-scope-indication guard: the indication of an order",
        "Sotorasib ordered for metastatic NSCLC, KRAS G12C, after progression on carboplatin/pemetrexed.",
        {("kras", "g12c_present")},
        set(),
    ),
    # --- [t38-recd-shorthand] "rec'd" / "recd" / "rcvd" ------------------------------------------------------------
    (
        "t38-recd-shorthand",
        "Stage IV NSCLC. Rec'd cis/pem x4 (2025), then pem maint until PD.",
        {("therapy", "cisplatin"), ("therapy", "pemetrexed")},
        set(),
    ),
    (
        "t38-recd-shorthand",
        "mCRC. Rec'd FOLFOX x6 in 2025.",
        {("therapy", "oxaliplatin")},
        set(),
    ),
    (
        "t38-recd-shorthand guard: an order received",
        "NSCLC. Recd the order for docetaxel from the outside office; not yet scheduled.",
        set(),
        {("therapy", "docetaxel")},
    ),
    (
        "t38-recd-shorthand guard: a recommendation",
        "NSCLC, PD on chemo-IO. Rec docetaxel next.",
        set(),
        {("therapy", "docetaxel")},
    ),
    # --- [t38-order-reason-on-drug] a test ordered for a complaint that arose on a drug -----------------------------
    (
        "t38-order-reason-on-drug",
        "NSCLC. MRI brain ordered for new headaches on adagrasib.",
        {("therapy", "adagrasib")},
        set(),
    ),
    (
        "t38-order-reason-on-drug guard: the drug ordered",
        "NSCLC. Labs ordered for baseline before adagrasib start next week.",
        set(),
        {("therapy", "adagrasib")},
    ),
    (
        "t38-order-reason-on-drug guard: a start still to come",
        "NSCLC. LFTs ordered for monitoring on sotorasib start.",
        set(),
        {("therapy", "sotorasib")},
    ),
    # --- [t38-history-field-below-list] a history field under a report's drug list ----------------------------------
    (
        "t38-history-field-below-list",
        "Variant: KRAS G12C. FDA-approved therapies: sotorasib, adagrasib (after prior therapy).\n"
        "Clinical history: stage IV adenocarcinoma of the lung, on docetaxel since 07/2026.",
        {("therapy", "docetaxel")},
        {("therapy", "sotorasib"), ("therapy", "adagrasib")},
    ),
    (
        "t38-history-field-below-list guard: a tier row of the list",
        "Variant: KRAS G12C. FDA-approved therapies for this variant:\nTier IA: sotorasib, adagrasib",
        set(),
        {("therapy", "sotorasib"), ("therapy", "adagrasib")},
    ),
    # --- [t38-after-treatment-with] a past course named with its drugs after "after" ---------------------------------
    (
        "t38-after-treatment-with",
        "Screen failure: subject has prior grade 3 pneumonitis (2025, after chemoradiation with cisplatin/etoposide).",
        {("therapy", "cisplatin"), ("therapy", "etoposide")},
        set(),
    ),
    (
        "t38-after-treatment-with guard: the study's drugs of a screen failure",
        "Screen failure for the divarasib study: ineligible, brain metastases untreated.",
        set(),
        {("therapy", "divarasib")},
    ),
    # --- [t38-title-bracket] a capitals title with a bracket before its dash -----------------------------------------
    (
        "t38-title-bracket",
        "TOX CHECK (RN call, CTCAE v5) - adagrasib C2 wk3\nNausea 0 / Vomiting 0 / Cough 0 / Dyspnea 0 / Pneumonitis: "
        "none / Rash 0\nNo changes; continue.",
        {("therapy", "adagrasib")},
        {("ild", "true")},
    ),
    (
        "t38-title-bracket guard: a drug on the negated row itself",
        "NURSE TOX CALL (CTCAE v5, phone) - week 2\nSotorasib: none taken this week / Pneumonitis: none",
        set(),
        {("ild", "true")},
    ),
    # --- [t38-regimen-field-every-drug] every drug of a "Regimen:" field's line ----------------------------------------
    (
        "t38-regimen-field-every-drug",
        "CHEMOTHERAPY CONSENT\nRegimen: cisplatin 75 mg/m2 IV + pemetrexed 500 mg/m2 IV + pembrolizumab 200 mg IV "
        "q3w x4, then maintenance.\nDx: stage IVA NSCLC. First treatment; C1 is scheduled next week.",
        set(),
        {("therapy", "cisplatin"), ("therapy", "pemetrexed"), ("therapy", "pembrolizumab")},
    ),
    (
        "t38-regimen-field-every-drug guard: a cycle given",
        "NSCLC. Regimen: cisplatin 75 mg/m2 IV + pemetrexed 500 mg/m2 IV + pembrolizumab 200 mg IV q3w, C3 given today.",
        {("therapy", "cisplatin"), ("therapy", "pembrolizumab")},
        set(),
    ),
    # --- [t38-recurrence-called-findings] other findings a study calls a recurrence ---------------------------------
    (
        "t38-recurrence-called-findings",
        "Stage IIIA adeno, carboplatin/pemetrexed + RT 2024, then durvalumab. PET 11/2026: new mediastinal adenopathy "
        "(EBUS +) = recurrence.",
        {("disease_status", "worsened")},
        set(),
    ),
    (
        "t38-recurrence-called-findings guard: no drug in the text",
        "Stage IB adeno s/p lobectomy. CT 11/2026: new pleural effusion (cytology +) = recurrence.",
        set(),
        {("disease_status", "worsened")},
    ),
    # --- [t38-sd-in-sites] "SD" said of the regions a scan covers ---------------------------------------------------
    (
        "t38-sd-in-sites",
        "On adagrasib C6. CT 11/10: no new lesions; SD in chest and liver.",
        {("disease_status", "stable")},
        set(),
    ),
    (
        "t38-sd-in-sites guard: a standard deviation",
        "Trial statistics: median PFS 6.8 mo, SD of the mean 1.2.",
        set(),
        {("disease_status", "stable")},
    ),
    # --- [t38-decrease-in-primary] a decrease in the primary, named -------------------------------------------------
    (
        "t38-decrease-in-primary",
        "On sotorasib. CT: decrease in the RUL primary (1.9 cm from 3.1 cm).",
        {("disease_status", "improved")},
        set(),
    ),
    (
        "t38-decrease-in-primary guard: no treatment named",
        "IMPRESSION: decrease in the left lung primary; new 9 mm liver lesion, indeterminate.",
        set(),
        {("disease_status", "improved")},
    ),
    (
        "t38-decrease-in-primary guard: a tumour marker",
        "On FOLFIRI. Decrease in the tumor markers; CT not yet done.",
        set(),
        {("disease_status", "improved")},
    ),
    # --- [t38-qa-answer-yes] a portal's question with its answer labelled "A:" ---------------------------------------
    (
        "t38-qa-answer-yes",
        "Q: Does the member have a documented KRAS G12C mutation? A: Yes (plasma NGS 09/2026)\n"
        "Q: Is the diagnosis non-small cell lung cancer? A: Yes",
        {("kras", "g12c_present"), ("histology", "nsclc")},
        set(),
    ),
    (
        "t38-qa-answer-yes guard: answered no",
        "Q: Does the member have interstitial lung disease? A: No",
        set(),
        {("ild", "true")},
    ),
    # --- [t38-will-drug-be-used] a question about the drug's use to come --------------------------------------------
    (
        "t38-will-drug-be-used",
        "Q: Will adagrasib be used as a single agent? A: Yes",
        {("monotherapy", "true")},
        {("therapy", "adagrasib")},
    ),
    (
        "t38-will-drug-be-used guard: a question about a drug received",
        "Q: Has the patient received carboplatin? A: Yes, 4 cycles in 2025.",
        set(),
        set(),
    ),
    # --- [t38-dx-of-exclusion] a clinician's "diagnosis of exclusion" ----------------------------------------------
    (
        "t38-dx-of-exclusion",
        "A/P: grade 2 pneumonitis attributed to durvalumab - a diagnosis of exclusion after negative cultures.",
        {("ild", "true")},
        set(),
    ),
    (
        "t38-dx-of-exclusion guard: a trial's exclusion",
        "Exclusion criterion 6: history of pneumonitis requiring steroids.",
        set(),
        {("ild", "true")},
    ),
    # --- [t38-naive-other-two-kinds] "no X or other <kind> <kind> tx" -------------------------------------------------
    (
        "t38-naive-other-two-kinds",
        "Stage IB adenocarcinoma, followed by pulmonology; no chemo or other systemic cancer tx.",
        {("treatment_naive", "true")},
        set(),
    ),
    (
        "t38-naive-other-two-kinds guard: a drug given before",
        "Adjuvant carboplatin/vinorelbine 2023; no chemo or other systemic cancer tx since then.",
        {("therapy", "carboplatin")},
        {("treatment_naive", "true")},
    ),
    # --- [t38-naive-presurgical] "no (known) presurgical / preoperative therapy" ------------------------------------
    (
        "t38-naive-presurgical",
        "LOBECTOMY SYNOPTIC\nTreatment effect: no known preoperative therapy\nStage: pT1c pN0, IA3",
        {("treatment_naive", "true")},
        set(),
    ),
    (
        "t38-naive-presurgical guard: adjuvant therapy given afterwards",
        "Lobectomy 2024, no presurgical therapy. Received adjuvant cisplatin/pemetrexed x4.",
        {("therapy", "cisplatin")},
        {("treatment_naive", "true")},
    ),
    # --- [t38-extensive-sites-at-dx] extensive stage with its sites and when they were found -------------------------
    (
        "t38-extensive-sites-at-dx",
        "ES-SCLC (bone, liver at diagnosis 03/2026), carboplatin/etoposide/atezolizumab x4.",
        {("spread", "metastatic")},
        set(),
    ),
    (
        "t38-extensive-sites-at-dx guard: no site in the bracket",
        "Extensive-stage SCLC (dx 03/2026), carboplatin/etoposide x4.",
        set(),
        {("spread", "metastatic")},
    ),
    # --- [t38-none-detected-including-kras] a panel's verdict naming KRAS among what it covered ----------------------
    (
        "t38-none-detected-including-kras",
        "TISSUE NGS (RUL core, 10/2026): no reportable alterations identified in the genes sequenced (including KRAS, "
        "NRAS, BRAF, EGFR).",
        {("kras", "g12c_absent")},
        set(),
    ),
    (
        "t38-none-detected-including-kras guard: an exception named",
        "Tissue NGS 10/2026: no alterations detected except KRAS G12C (VAF 18%).",
        {("kras", "g12c_present")},
        {("kras", "g12c_absent")},
    ),
]


@pytest.mark.parametrize(("name", "text", "wanted", "unwanted"), CASES, ids=[f"[{c[0]}]" for c in CASES])
def test_wording_class(name: str, text: str, wanted: set[tuple[str, str]], unwanted: set[tuple[str, str]]) -> None:
    assert_reads(name, text, wanted, unwanted)
