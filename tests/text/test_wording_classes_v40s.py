"""Classes of wording behind held-out v40's false facts (issue 13's safety pass t40s, session 29; only the false positives
of tests/text/heldout40.yaml were read, its misses stay blind), each with sentences of our own (none copied from the
held-out file) and a guard: a case the class removes, and a true fact it keeps. Labels are the scorer's
(scripts/text_quality.py ``labels``), so a case reads like a corpus item."""

from __future__ import annotations

import pytest

from tests.text.reading import assert_reads

# (class, text, pairs that must be found, pairs that must not)
CASES = [
    # --- [t40s-relative-line] a line labelled with a relative ---------------------------------------------------------
    (
        "t40s-relative-line",
        "FAMILY HX reviewed 10/02/2026\nFather (d. 2019): lung adenocarcinoma; got adagrasib on a trial after chemo.\n"
        "Maternal aunt: breast cancer at 50.",
        set(),
        {("therapy", "adagrasib")},
    ),
    (
        "t40s-relative-line guard: the patient's own line after a relative's",
        "Father: colon cancer, deceased.\nPatient: stage IV NSCLC, on adagrasib since 08/2026.",
        {("therapy", "adagrasib")},
        set(),
    ),
    (
        "t40s-relative-line guard: the patient named again on the relative's line",
        "Sister: breast cancer at 49; patient's own NSCLC treated with carboplatin/pemetrexed in 2025.",
        {("therapy", "carboplatin"), ("therapy", "pemetrexed")},
        set(),
    ),
    (
        "t40s-relative-line guard: a sentence broken before a lower-case relative",
        "Pharmacy call: refill of Krazati shipped; spoke with the patient's\nwife: he takes adagrasib twice daily.",
        {("therapy", "adagrasib")},
        set(),
    ),
    # --- [t40s-other-person-sentence] a sentence about a relative -------------------------------------------------------
    (
        "t40s-other-person-sentence",
        "Card from the patient's son, filed 10/04: my uncle's tumor was slow to respond, and his chemo stopped working "
        "by spring. We hope my father does better on the new pill.",
        set(),
        {("disease_status", "worsened")},
    ),
    (
        "t40s-other-person-sentence guard: a spouse's letter about the patient",
        "Letter from the patient's wife: my husband's chemo stopped working in June and the cancer spread to his liver.",
        {("disease_status", "worsened"), ("spread", "metastatic")},
        set(),
    ),
    (
        "t40s-other-person-sentence guard: news from a relative, after a label",
        "Phone note. Update from her son: the oncologist said the scan is stable on sotorasib.",
        {("disease_status", "stable"), ("therapy", "sotorasib")},
        set(),
    ),
    (
        "t40s-other-person-sentence guard: a relative who tells of the patient",
        "Stage IV NSCLC on carboplatin. His wife reports that the cancer grew on the last CT per the outside radiologist.",
        {("disease_status", "worsened")},
        set(),
    ),
    # --- [t40s-template-placeholder] a template's named placeholders ----------------------------------------------------
    (
        "t40s-template-placeholder",
        "Draft text from a SmartText:\n***NAME*** is treatment-naive, with no prior systemic therapy for ***DX***.",
        set(),
        {("treatment_naive", "true")},
    ),
    (
        "t40s-template-placeholder guard: a bare unfilled field beside a filled sentence",
        "Pt is treatment-naive, with no prior systemic therapy for her NSCLC.\nECOG: ***",
        {("treatment_naive", "true")},
        set(),
    ),
    (
        "t40s-template-placeholder guard: a heading in asterisks",
        "***ADDENDUM 10/30/26***: CT shows progression in the liver on docetaxel.",
        {("disease_status", "worsened"), ("therapy", "docetaxel")},
        set(),
    ),
    # --- [t40s-drug-prior-auth] the drug a prior authorization asks for -------------------------------------------------
    (
        "t40s-drug-prior-auth",
        "UM REVIEW -- Maple Health Plan (fictitious)\nCase: adagrasib PA, received 10/08/2026. Reviewer: RN\n"
        "Clinicals: 70 y/o F, NSCLC with liver mets, KRAS G12C. Prior carboplatin/pemetrexed.\nCriteria met.",
        {("kras", "g12c_present"), ("therapy", "carboplatin"), ("therapy", "pemetrexed")},
        {("therapy", "adagrasib")},
    ),
    (
        "t40s-drug-prior-auth: after the PA",
        "Quick note: progression on docetaxel -> adagrasib once PA clears.",
        {("therapy", "docetaxel")},
        {("therapy", "adagrasib")},
    ),
    (
        "t40s-drug-prior-auth guard: an approved PA",
        "Adagrasib PA approved 09/01; on adagrasib 600 mg BID, tolerating it.",
        {("therapy", "adagrasib")},
        set(),
    ),
    # --- [t40s-drug-awaiting-start] a new drug that waits for approval or its first fill --------------------------------
    (
        "t40s-drug-awaiting-start",
        "PATIENT INSTRUCTIONS 10/10/2026\nYour new medicine: Krazati (adagrasib) 600 mg by mouth twice daily.\n"
        "Please do not start it until the specialty pharmacy delivers it.",
        set(),
        {("therapy", "adagrasib")},
    ),
    (
        "t40s-drug-awaiting-start: a Drug line, first shipment pending",
        "ORAL ONCOLOGY INTAKE 10/10\nDrug: Krazati 600 mg BID, no other anticancer agents.\nFirst shipment pending.",
        set(),
        {("therapy", "adagrasib")},
    ),
    (
        "t40s-drug-awaiting-start guard: a refill of a drug taken",
        "ORAL ONCOLOGY REFILL 10/10\nDrug: Krazati 600 mg BID, on it since 07/2026.\nFirst shipment pending for the new "
        "strength.",
        {("therapy", "adagrasib")},
        set(),
    ),
    # --- [t40s-drug-under-consideration] a drug considered ------------------------------------------------------------
    (
        "t40s-drug-under-consideration",
        "Thoracic tumor board 10/03: stage IV LUAD after carboplatin/pemetrexed; adagrasib is being considered.",
        {("therapy", "carboplatin"), ("therapy", "pemetrexed")},
        {("therapy", "adagrasib")},
    ),
    (
        "t40s-drug-under-consideration guard: a dose change considered for a drug taken",
        "On adagrasib since 08/2026; adagrasib dose reduction under consideration for nausea.",
        {("therapy", "adagrasib")},
        set(),
    ),
    # --- [t40s-kras-plan-title] an order plan's title -----------------------------------------------------------------
    (
        "t40s-kras-plan-title",
        "ONCOLOGY ORDER PLAN\nPlan name: ADAGRASIB 600 MG BID -- KRAS G12C NSCLC\nStatus: active, cycle 2.",
        set(),
        {("kras", "g12c_present")},
    ),
    (
        "t40s-kras-plan-title guard: a result named in the title",
        "Regimen: adagrasib 600 mg BID (KRAS G12C detected on tissue NGS 07/2026)",
        {("kras", "g12c_present")},
        set(),
    ),
    # --- [t40s-order-preview] an unsigned order set -------------------------------------------------------------------
    (
        "t40s-order-preview",
        "ORDER SET: LUNG -- ADAGRASIB SINGLE AGENT (draft, not signed)\n[ ] adagrasib 600 mg BID  [ ] LFTs q2w",
        set(),
        {("monotherapy", "true"), ("therapy", "adagrasib")},
    ),
    (
        "t40s-order-preview guard: a signed, active plan",
        "TREATMENT PLAN: ADAGRASIB SINGLE AGENT -- signed 09/30/2026, active; C1D1 given 10/01/2026.",
        {("monotherapy", "true"), ("therapy", "adagrasib")},
        set(),
    ),
    # --- [t40s-kras-treated-as-positive] a negative assay reconciled ----------------------------------------------------
    (
        "t40s-kras-treated-as-positive",
        "Tissue panel 09/2026: KRAS wild-type (tumor cellularity 5%).\nctDNA 10/2026: KRAS G12C, VAF 0.8%.\n"
        "Board decision: manage as KRAS G12C-positive disease.",
        {("kras", "g12c_present")},
        {("kras", "g12c_absent")},
    ),
    (
        "t40s-kras-treated-as-positive guard: a negative assay and no reconciling",
        "Tissue panel 09/2026: KRAS wild-type.\nctDNA 10/2026: KRAS G12C, VAF 0.8%. Discordant; to discuss at board.",
        {("kras", "g12c_present"), ("kras", "g12c_absent")},
        set(),
    ),
    # --- [t40s-status-unconfirmed-pd] an unconfirmed progressive disease ------------------------------------------------
    (
        "t40s-status-unconfirmed-pd",
        "Restaging 10/20 on trial drug: new 7 mm lung nodule; iRECIST: unconfirmed PD (iUPD), repeat CT in 6 weeks.",
        set(),
        {("disease_status", "worsened")},
    ),
    (
        "t40s-status-unconfirmed-pd guard: a confirmed one",
        "Restaging 12/01: further growth, confirmed progressive disease (iCPD); trial drug stopped.",
        {("disease_status", "worsened")},
        set(),
    ),
    # --- [t40s-ild-differential] ILD as one of a differential -----------------------------------------------------------
    (
        "t40s-ild-differential",
        "CT chest 10/02: reticular changes at both bases that could reflect atelectasis, aspiration or fibrotic ILD.",
        set(),
        {("ild", "true")},
    ),
    (
        "t40s-ild-differential guard: a known ILD in the hedge",
        "CT chest 10/02: basilar changes may represent progression of her known ILD (UIP).",
        {("ild", "true")},
        set(),
    ),
]


@pytest.mark.parametrize(("name", "text", "wanted", "unwanted"), CASES, ids=[c[0] for c in CASES])
def test_wording_class_v40s(name: str, text: str, wanted: set, unwanted: set) -> None:
    assert_reads(name, text, wanted, unwanted)
