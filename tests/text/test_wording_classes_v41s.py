"""Classes of wording behind held-out v41's false facts (issue 13's safety pass t41s, session 30; only the false positives
of tests/text/heldout41.yaml were read, its misses stay blind), each with sentences of our own (none copied from the
held-out file) and a guard: a case the class removes, and a true fact it keeps. Labels are the scorer's
(scripts/text_quality.py ``labels``), so a case reads like a corpus item."""

from __future__ import annotations

import pytest

from tests.text.reading import assert_reads

# (class, text, pairs that must be found, pairs that must not)
CASES = [
    # --- [t41s-several-people-shapes] -------------------------------------------------------------------------------------
    (
        "t41s-several-people-shapes lettered",
        "KRAS study prescreen sheet, Dec 2026\nPatient A: 2L, prior FOLFOX, G12C detected -> eligible\n"
        "Patient B: 3L, prior docetaxel, G12C detected -> screen fail (ECOG 3)",
        set(),
        {("kras", "g12c_present"), ("therapy", "docetaxel")},
    ),
    (
        "t41s-several-people-shapes lettered guard: one lettered patient plus a plan letter",
        "Pt A: 64F adenocarcinoma of the lung, G12C detected, on adagrasib since 9/2026.\nPlan A: continue.",
        {("kras", "g12c_present"), ("therapy", "adagrasib")},
        set(),
    ),
    (
        "t41s-several-people-shapes case double dash",
        "Thoracic MDT agenda 12/02/2026\nCase 1 -- 58M lung adenocarcinoma, G12C, after carboplatin/pemetrexed\n"
        "Case 2 -- 80F squamous NSCLC, untreated",
        set(),
        {("kras", "g12c_present"), ("therapy", "carboplatin"), ("histology", "nsclc")},
    ),
    (
        "t41s-several-people-shapes case double dash guard: one case",
        "Thoracic MDT 12/02/2026\nCase 4 -- 58M lung adenocarcinoma, G12C, progressed after carboplatin/pemetrexed.",
        {("kras", "g12c_present"), ("therapy", "carboplatin")},
        set(),
    ),
    (
        "t41s-several-people-shapes filed to chart in error",
        "Clinic letter (filed to chart in error; moved). 62M with lung adenocarcinoma, G12C, on sotorasib since July.",
        set(),
        {("therapy", "sotorasib"), ("kras", "g12c_present")},
    ),
    # --- [t41s-spread-label-disjunction] ----------------------------------------------------------------------------------
    (
        "t41s-spread-label-disjunction",
        "Enrollment form. Diagnosis on file: KRAS G12C-mutant, locally advanced or metastatic NSCLC.",
        {("kras", "g12c_present"), ("histology", "nsclc")},
        {("spread", "metastatic")},
    ),
    (
        "t41s-spread-label-disjunction guard: the answer after the question",
        "Q3 Locally advanced or metastatic?   A: metastatic (bone, liver)",
        {("spread", "metastatic")},
        set(),
    ),
    (
        "t41s-spread-label-disjunction guard: the patient's own spread elsewhere",
        "Covered for locally advanced or metastatic NSCLC. This patient: adenocarcinoma with new bone metastases.",
        {("spread", "metastatic")},
        set(),
    ),
    (
        "t41s-spread-label-disjunction guard: the writer's claim of the patient",
        "Letter of support: the patient has KRAS G12C-mutant, locally advanced or metastatic NSCLC after docetaxel.",
        {("spread", "metastatic")},
        set(),
    ),
    # --- [t41s-spread-workup-negative] ------------------------------------------------------------------------------------
    (
        "t41s-spread-workup-negative",
        "Metastatic work-up: negative (PET-CT and brain MRI clear). Lung adenocarcinoma, LLL, for wedge resection.",
        {("histology", "nsclc")},
        {("spread", "metastatic")},
    ),
    (
        "t41s-spread-workup-negative guard: a positive work-up",
        "Metastatic work-up showed two liver lesions, biopsy-proven; lung adenocarcinoma.",
        {("spread", "metastatic")},
        set(),
    ),
    # --- [t41s-drug-regimen-answer] ---------------------------------------------------------------------------------------
    (
        "t41s-drug-regimen-answer",
        "Payer questionnaire\nQ4 Regimen requested?  A: adagrasib 600 mg BID\nQ5 Prior therapy? A: carboplatin",
        {("therapy", "carboplatin")},
        {("therapy", "adagrasib")},
    ),
    (
        "t41s-drug-regimen-answer told",
        "Phone 12/01: reviewer wanted to know 'single agent or combination?' -- told them: Krazati only.",
        set(),
        {("therapy", "adagrasib")},
    ),
    (
        "t41s-drug-regimen-answer guard: a current regimen",
        "Q: Current regimen?  A: sotorasib 960 mg daily since 08/2026",
        {("therapy", "sotorasib")},
        set(),
    ),
    # --- [t41s-drug-pathway-selected] -------------------------------------------------------------------------------------
    (
        "t41s-drug-pathway-selected",
        "Pathway tool 12/03. Treatment selected: adagrasib 600 mg BID (on pathway). Prior: docetaxel x 4.",
        {("therapy", "docetaxel")},
        {("therapy", "adagrasib")},
    ),
    (
        "t41s-drug-pathway-selected guard: a selection given the same day",
        "Treatment selected: docetaxel 75 mg/m2, C1 given today 12/03.",
        {("therapy", "docetaxel")},
        set(),
    ),
    # --- [t41s-drug-trial-arms] -------------------------------------------------------------------------------------------
    (
        "t41s-drug-trial-arms",
        "Study visit: eligibility reviewed (arm 1: divarasib alone; arm 2: docetaxel). Not yet randomized.",
        set(),
        {("therapy", "docetaxel")},
    ),
    (
        "t41s-drug-trial-arms guard: one arm, given",
        "Enrolled, arm B: docetaxel; C1D1 given 11/20/2026.",
        {("therapy", "docetaxel")},
        set(),
    ),
    # --- [t41s-drug-reserved] ---------------------------------------------------------------------------------------------
    (
        "t41s-drug-reserved",
        "On carboplatin/pemetrexed C3. KRAS G12C on tissue; reserving adagrasib for 3L.",
        {("therapy", "carboplatin"), ("therapy", "pemetrexed")},
        {("therapy", "adagrasib")},
    ),
    # --- [t41s-drug-information-sheet] ------------------------------------------------------------------------------------
    (
        "t41s-drug-information-sheet",
        "MEDICATION INFORMATION SHEET: adagrasib (Krazati)\nUsed to treat: lung cancer (NSCLC) with a KRAS G12C change, "
        "and bowel cancer together with cetuximab.\nTake with food.",
        set(),
        {("therapy", "adagrasib"), ("therapy", "cetuximab"), ("kras", "g12c_present"), ("histology", "nsclc")},
    ),
    (
        "t41s-drug-information-sheet guard: a clinic note naming the sheet",
        "Seen today. Lung adenocarcinoma, KRAS G12C. Continues adagrasib; drug information sheet given again.",
        {("therapy", "adagrasib"), ("kras", "g12c_present"), ("histology", "nsclc")},
        set(),
    ),
    # --- [t41s-drug-consent-treatment] ------------------------------------------------------------------------------------
    (
        "t41s-drug-consent-treatment",
        "CONSENT FOR TREATMENT WITH AN ORAL CANCER MEDICINE (signed 12/01/2026)\n"
        "Treatment: adagrasib 600 mg twice a day by mouth.\nRisks: nausea, diarrhea, liver problems.",
        set(),
        {("therapy", "adagrasib")},
    ),
    (
        "t41s-drug-consent-treatment guard: a treatment already running",
        "Consent form (re-signed for cycle 5)\nTreatment: docetaxel, started 09/2026, continuing.",
        {("therapy", "docetaxel")},
        set(),
    ),
    (
        "t41s-drug-consent-treatment, its prior drug kept",
        "Consent for oral anticancer therapy\nTreatment: adagrasib, after prior carboplatin/pemetrexed in 2025.",
        {("therapy", "carboplatin")},
        {("therapy", "adagrasib")},
    ),
    # --- [t41s-mono-pharmacy-profile] -------------------------------------------------------------------------------------
    (
        "t41s-mono-pharmacy-profile",
        "Refill call: Krazati 200 mg tabs, 3 tabs BID; no other oral oncology medications on her pharmacy profile.",
        {("therapy", "adagrasib")},
        {("monotherapy", "true")},
    ),
    (
        "t41s-mono-pharmacy-profile guard: the oncologist's single agent",
        "Adagrasib 600 mg BID as a single agent, no other anticancer drugs.",
        {("monotherapy", "true")},
        set(),
    ),
    (
        "t41s-mono-pharmacy-profile guard: a single agent stated beside the profile",
        "Adagrasib request. Single agent -- no other anticancer Rx on profile.",
        {("monotherapy", "true")},
        set(),
    ),
    # --- [t41s-order-template-title] --------------------------------------------------------------------------------------
    (
        "t41s-order-template-title",
        "ORDER SET TEMPLATE (draft): THORACIC ADAGRASIB PLAN -- NSCLC\n[ ] adagrasib 600 mg BID   [ ] LFTs q2 wks",
        set(),
        {("histology", "nsclc")},
    ),
    (
        "t41s-order-template-title guard: a diagnosis line of its own",
        "Order set (draft, not signed): THORACIC -- ADAGRASIB\nDx: lung adenocarcinoma, stage IVA",
        {("histology", "nsclc")},
        set(),
    ),
    # --- [t41s-status-before-calling] -------------------------------------------------------------------------------------
    (
        "t41s-status-before-calling",
        "Impression: new 8 mm liver lesion, indeterminate. Will get MRI liver before declaring progression.",
        set(),
        {("disease_status", "worsened")},
    ),
    (
        "t41s-status-before-calling guard: progression already called",
        "New liver lesions, biopsy-proven: progression. Repeat MRI before calling progression in the bone.",
        {("disease_status", "worsened")},
        set(),
    ),
    # --- [t41s-ild-considered-but] ----------------------------------------------------------------------------------------
    (
        "t41s-ild-considered-but",
        "Pneumonitis entertained initially but sputum grew Haemophilus; treated for pneumonia.",
        set(),
        {("ild", "true")},
    ),
    (
        "t41s-ild-considered-but guard: considered and confirmed",
        "Pneumonitis was suspected and CT confirmed grade 2 pneumonitis; prednisone started.",
        {("ild", "true")},
        set(),
    ),
    # --- [t41s-ild-history-denied] ----------------------------------------------------------------------------------------
    (
        "t41s-ild-history-denied",
        "Pre-treatment checklist\nPneumonitis/ILD history -- patient denies; no home O2.",
        set(),
        {("ild", "true")},
    ),
    (
        "t41s-ild-history-denied guard: another history denied after the ILD",
        "Pneumonitis G2 on durvalumab (2025), family history - none.",
        {("ild", "true")},
        set(),
    ),
    (
        "t41s-ild-history-denied guard: a history answered yes",
        "Pneumonitis history -- yes, grade 2 on durvalumab in 2025.",
        {("ild", "true")},
        set(),
    ),
    # --- review fixes (2026-12-05, lead's reviewer): true facts the pass dropped; each fails on merged main -------------
    (
        "review 1: PT / PTT / PTH lab lines are not lettered patients",
        "Oncology follow-up. 67M with stage IV lung adenocarcinoma, KRAS G12C mutation detected (Foundation One, "
        "1/2025).\nProgressed on carboplatin/pemetrexed/pembrolizumab. Started sotorasib 960 mg daily 3/2025.\nLabs:\n"
        "PT: 12.1\nPTT: 31\nPTH: 88 (high)\nCalcium 11.2",
        {("therapy", "sotorasib"), ("kras", "g12c_present"), ("histology", "nsclc"), ("stage", "4")},
        set(),
    ),
    (
        "review 2: a named report filed in error, not this note",
        "Addendum 3/4: the pathology report dated 2/1 was scanned to chart in error and has been sent to HIM.\n"
        "Oncology note. 67M with stage IV lung adenocarcinoma, KRAS G12C mutation detected (Foundation One, 1/2025).\n"
        "Previously treated with sotorasib 960 mg daily 2024, progressed. Now on docetaxel.",
        {("therapy", "sotorasib"), ("therapy", "docetaxel"), ("kras", "g12c_present"), ("stage", "4")},
        set(),
    ),
    (
        "review 2: an outside fax uploaded in error",
        "Oncology note. 67M with stage IV lung adenocarcinoma, KRAS G12C mutation detected. On sotorasib since 2/2025.\n"
        "Note: an outside fax (lipid panel) was uploaded to record in error.",
        {("therapy", "sotorasib"), ("kras", "g12c_present")},
        set(),
    ),
    (
        "review 3: the trial arm the patient was on",
        "Oncologic history: 2023 enrolled on CodeBreaK 200 -- arm A: sotorasib 960 mg daily; arm B: docetaxel. "
        "Pt was on arm A, PD 11/2023.",
        {("therapy", "sotorasib")},
        {("therapy", "docetaxel")},
    ),
    (
        "review 4: a line of therapy answered, given",
        "Treatment history form\n1L regimen (combo or mono)? A: sotorasib 960 mg daily x 8 months 2024, PD.\n"
        "2L regimen? A: docetaxel",
        {("therapy", "sotorasib"), ("therapy", "docetaxel")},
        set(),
    ),
    (
        "review 4: a single agent answered, on cycle 5",
        "Single agent? A: sotorasib 960 mg daily, C5D1 today; no other anticancer therapy.",
        {("therapy", "sotorasib")},
        set(),
    ),
    (
        "review 5: a pathway selection completed, PD",
        "Pathway regimen selected: sotorasib (completed 6 cycles 2024, PD); now docetaxel.",
        {("therapy", "sotorasib"), ("therapy", "docetaxel")},
        set(),
    ),
    (
        "review 6: a consent's later clause with a past course",
        "Consent for chemotherapy\nTreatment: docetaxel 75 mg/m2 q3w; sotorasib 3/2024-9/2024 with PD.",
        {("therapy", "sotorasib")},
        {("therapy", "docetaxel")},
    ),
    (
        "review 7: a suspected pneumonitis being treated",
        "Grade 2 pneumonitis suspected on CT 4/2, durvalumab held and prednisone started but slow to improve; "
        "pulm following.",
        {("ild", "true")},
        set(),
    ),
    (
        "review 8: an ILD history with no exacerbation",
        "Interstitial lung disease history: no exacerbation since pirfenidone started 2022; PFTs stable.",
        {("ild", "true")},
        set(),
    ),
    (
        "review 8: a pneumonitis history with no recurrence",
        "Pneumonitis history: no recurrence after steroid taper (grade 2 on durvalumab 2023).",
        {("ild", "true")},
        set(),
    ),
    (
        "review 9: a pended order plan for this patient",
        "Sotorasib order plan pended pending prior auth approval for this 67M with stage IV KRAS G12C lung "
        "adenocarcinoma.",
        {("kras", "g12c_present"), ("histology", "nsclc"), ("stage", "4")},
        set(),
    ),
    (
        "review 10: an active medication list with indications",
        "MEDICATION INFORMATION - active list reviewed 3/1/2026\nSotorasib 960 mg PO daily, started 2/2025\n"
        "  Indication: KRAS G12C-mutated stage IV lung adenocarcinoma\nOndansetron 8 mg PRN\n  Indication: nausea",
        {("therapy", "sotorasib"), ("kras", "g12c_present"), ("histology", "nsclc"), ("stage", "4")},
        set(),
    ),
    (
        "review 10: a medication guide reviewed, first dose taken",
        "Medication guide for sotorasib reviewed with patient; first dose taken in clinic today, tolerated well.",
        {("therapy", "sotorasib")},
        set(),
    ),
    (
        "review 10: a drug information call",
        "Drug information call: pt on sotorasib 960 mg daily since 2/2025 asks about missed doses.",
        {("therapy", "sotorasib")},
        set(),
    ),
    (
        "review 11: a named patient has the disjunction",
        "Mr. Jones has KRAS G12C-mutated locally advanced or metastatic non-small cell lung cancer, progressed after "
        "carboplatin.",
        {("spread", "metastatic")},
        set(),
    ),
    (
        "review 11: a named patient diagnosed with the disjunction",
        "Ms. Lee was diagnosed with KRAS G12C-mutated locally advanced or metastatic NSCLC in 2024.",
        {("spread", "metastatic")},
        set(),
    ),
    (
        "review 11 guard: a drug's label is not a named patient",
        "Lumakras has been approved for KRAS G12C-mutated locally advanced or metastatic NSCLC.",
        set(),
        {("spread", "metastatic")},
    ),
    (
        "review 12: a pharmacy note's medication list is not a pharmacy profile",
        "Pharmacy note: Sotorasib 960 mg PO daily (KRAS G12C NSCLC). No other anticancer medications on her "
        "medication list.",
        {("monotherapy", "true")},
        set(),
    ),
]


@pytest.mark.parametrize(("name", "text", "wanted", "unwanted"), CASES, ids=[c[0] for c in CASES])
def test_wording_class_v41s(name: str, text: str, wanted: set, unwanted: set) -> None:
    assert_reads(name, text, wanted, unwanted)
