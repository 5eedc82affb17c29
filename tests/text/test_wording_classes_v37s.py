"""Classes of wording behind held-out v37's false facts (issue 13's safety pass t37s, session 26; only the false positives
of tests/text/heldout37.yaml were read, its misses stay blind), each with sentences of our own (none copied from the
held-out file) and a guard: a case the class removes, and a true fact it keeps. Labels are the scorer's
(scripts/text_quality.py ``labels``), so a case reads like a corpus item."""

from __future__ import annotations

import pytest

from tests.text.reading import assert_reads

# (class, text, pairs that must be found, pairs that must not)
CASES = [
    # --- [t37s-not-this-patient-body] a log that says it describes no patient of the chart it is filed in ------------
    (
        "t37s-not-this-patient-body",
        "PRE-SCREEN TRACKER - KRAS G12C lung study\nPt A: ineligible, pneumonitis on prior IO.\nPt B: adenocarcinoma, "
        "G12C positive, enrolled.\nThis tracker is a copy for the study office and does not describe the patient in "
        "whose record it sits.",
        set(),
        {("ild", "true"), ("kras", "g12c_present"), ("histology", "nsclc")},
    ),
    (
        "t37s-not-this-patient-body",
        "Research coordinator memo: the roster below does not concern this patient.\nAdagrasib arm: 3 subjects dosed.",
        set(),
        {("therapy", "adagrasib")},
    ),
    (
        "t37s-not-this-patient-body guard: a report that does not describe the patient's organ",
        "CT chest 11/02: lung adenocarcinoma RUL, KRAS G12C. The outside report does not describe the patient's liver.",
        {("histology", "nsclc"), ("kras", "g12c_present")},
        set(),
    ),
    # --- [t37s-not-assigned-title] a library regimen assigned to no patient --------------------------------------------
    (
        "t37s-not-assigned-title",
        "ORDER SET (pharmacy build, not assigned to any patient)\nAdagrasib 600 mg PO BID, single agent. Hold for "
        "grade 3 pneumonitis.",
        set(),
        {("therapy", "adagrasib"), ("monotherapy", "true"), ("ild", "true")},
    ),
    (
        "t37s-not-assigned-title guard: an order set signed for the patient",
        "ORDER SET (signed for this patient)\nAdagrasib 600 mg PO BID, cycle 3 continuing.",
        {("therapy", "adagrasib")},
        set(),
    ),
    # --- [t37s-risks-incl] risks listed with "incl." --------------------------------------------------------------------
    (
        "t37s-risks-incl",
        "Consent visit: adagrasib reviewed with pt and wife. Risks incl. nausea, QTc prolongation, pneumonitis.",
        set(),
        {("ild", "true")},
    ),
    (
        "t37s-risks-incl guard: a pneumonitis that happened",
        "Grade 2 pneumonitis 08/2026 on durvalumab, treated with prednisone; resolved.",
        {("ild", "true")},
        set(),
    ),
    # --- [t37s-eval-for] a consult asked to "eval for" a finding ---------------------------------------------------------
    (
        "t37s-eval-for",
        "Pulm called to eval for ILD; CXR clear, no fibrosis on CT.",
        set(),
        {("ild", "true")},
    ),
    (
        "t37s-eval-for guard: an ILD found",
        "Pulmonary clinic: fibrotic ILD (UIP pattern) on HRCT, FVC 61%.",
        {("ild", "true")},
        set(),
    ),
    # --- [t37s-previously-stated-quote] an addendum quoting the wording it corrects ------------------------------------
    (
        "t37s-previously-stated-quote",
        "ADDENDUM: This report originally read \"enlarging adrenal metastasis.\" That was transcribed from another "
        "study. Corrected: adrenals normal.",
        set(),
        {("spread", "metastatic"), ("disease_status", "worsened")},
    ),
    (
        "t37s-previously-stated-quote guard: metastases previously reported, unquoted, still there",
        "CT 11/2026: the previously reported liver metastases are larger. Progression on sotorasib.",
        {("disease_status", "worsened"), ("therapy", "sotorasib")},
        set(),
    ),
    # --- [t37s-other-person] a coworker's or friend's cancer or drug ----------------------------------------------------
    (
        "t37s-other-person",
        "Anxious: her neighbor has colon cancer with a KRAS G12C mutation and takes adagrasib. Pt herself has no cancer "
        "history.",
        set(),
        {("kras", "g12c_present"), ("therapy", "adagrasib")},
    ),
    (
        "t37s-other-person guard: a friend drives the patient",
        "Stage IV NSCLC, KRAS G12C; on sotorasib C5. A friend drove her today.",
        {("kras", "g12c_present"), ("therapy", "sotorasib"), ("stage", "4")},
        set(),
    ),
    # --- [t37s-is-for-advanced] what a drug is for, told to a patient it does not fit ----------------------------------
    (
        "t37s-is-for-advanced",
        "Early-stage, resected, no recurrence. Told her adagrasib is only for metastatic disease.",
        set(),
        {("therapy", "adagrasib")},
    ),
    (
        "t37s-is-for-advanced guard: today's dose is for a cycle",
        "Metastatic NSCLC. Today's infusion is for C3 of docetaxel; tolerating.",
        {("therapy", "docetaxel")},
        set(),
    ),
    # --- [t37s-at-progression] a drug kept for progression --------------------------------------------------------------
    (
        "t37s-at-progression",
        "mCRC, KRAS G12C. 1L FOLFIRI + bev ongoing, C4 given. At PD: adagrasib + cetuximab.",
        {("therapy", "irinotecan")},
        {("therapy", "adagrasib"), ("therapy", "cetuximab")},
    ),
    (
        "t37s-at-progression guard: a drug switched to at progression, given",
        "At progression, docetaxel was started 3/2026 and given x4.",
        {("therapy", "docetaxel")},
        set(),
    ),
    # --- [t37s-approved-drug] a payer approving the drug named next ------------------------------------------------------
    (
        "t37s-approved-drug",
        "Outcome: denial overturned on appeal; approved adagrasib 600 mg BID x 6 months.",
        set(),
        {("therapy", "adagrasib")},
    ),
    (
        "t37s-approved-drug guard: approval, then the drug started",
        "Approved 10/01 by the plan. Sotorasib started 10/03/2026, C2 now.",
        {("therapy", "sotorasib")},
        set(),
    ),
    # --- [t37s-pdl1-not-pd] "(PD-L1 ...)" after a drug is a biomarker, not progression ----------------------------------
    (
        "t37s-pdl1-not-pd",
        "Newly dx, no prior tx. Plan: 1L pembrolizumab (PD-L1 80%) alone.",
        set(),
        {("therapy", "pembrolizumab")},
    ),
    (
        "t37s-pdl1-not-pd guard: (PD) after a drug is a progression on it",
        "Carboplatin/pemetrexed (PD 06/2026), now docetaxel C2.",
        {("therapy", "carboplatin"), ("therapy", "pemetrexed"), ("therapy", "docetaxel")},
        set(),
    ),
    # --- [t37s-not-yet-started-label] a list's label saying its drugs are not started ----------------------------------
    (
        "t37s-not-yet-started-label",
        "Home meds: amlodipine 5 mg daily.\nSpecialty meds (not yet started): adagrasib 600 mg BID",
        set(),
        {("therapy", "adagrasib")},
    ),
    (
        "t37s-not-yet-started-label guard: a drug taken on the list",
        "Home meds: amlodipine 5 mg daily; sotorasib 960 mg daily since 09/2026.",
        {("therapy", "sotorasib")},
        set(),
    ),
    # --- [t37s-future-tag] a dose tagged as still to come ----------------------------------------------------------------
    (
        "t37s-future-tag",
        "Port 12/01, chemo teaching done. C1 cisplatin/etoposide 12/09 (future).",
        set(),
        {("therapy", "cisplatin"), ("therapy", "etoposide")},
    ),
    (
        "t37s-future-tag guard: a dose given, dated",
        "C2 cisplatin/etoposide given 12/09; tolerated.",
        {("therapy", "cisplatin"), ("therapy", "etoposide")},
        set(),
    ),
    # --- [t37s-submitted-field] a PA note's "Submitted:" field -----------------------------------------------------------
    (
        "t37s-submitted-field",
        "PA NOTE\nSubmitted: adagrasib 600 mg BID + cetuximab 500 mg/m2 q2w. Awaiting determination.",
        set(),
        {("therapy", "adagrasib"), ("therapy", "cetuximab")},
    ),
    (
        "t37s-submitted-field guard: prior drugs of the same note",
        "PA NOTE\nSubmitted: adagrasib 600 mg BID. Prior: FOLFOX 2025 x 6 mo.",
        {("therapy", "oxaliplatin")},
        {("therapy", "adagrasib")},
    ),
    # --- [t37s-criteria-cover] a payer's criteria saying what they cover -------------------------------------------------
    (
        "t37s-criteria-cover",
        "Not approved. The plan's policy covers adagrasib for colorectal cancer only together with cetuximab.",
        set(),
        {("therapy", "adagrasib"), ("therapy", "cetuximab")},
    ),
    # --- [t37s-therapies-associated] a laboratory report's matched drugs -------------------------------------------------
    (
        "t37s-therapies-associated",
        "RESULT: KRAS p.G12C detected (VAF 12%).\nTherapies associated with this variant in NSCLC: adagrasib (FDA), sotorasib (FDA).",
        {("kras", "g12c_present")},
        {("therapy", "adagrasib"), ("therapy", "sotorasib")},
    ),
    # --- [t37s-um-reviewer-title] a UM pharmacist's review titled with the drug -----------------------------------------
    (
        "t37s-um-reviewer-title",
        "UM NURSE REVIEW - adagrasib\nCriterion: prior platinum - MET (carboplatin/pemetrexed 2025).\nCriterion: "
        "single agent - MET.",
        {("therapy", "carboplatin")},
        {("therapy", "adagrasib")},
    ),
    # --- [t37s-benefits-investigation] an access programme's benefits investigation still to run -----------------------
    (
        "t37s-benefits-investigation",
        "ACCESS PROGRAM ENROLLMENT\nSection 2 - Prescription: adagrasib 600 mg BID, 30-day supply\nSection 3 - Signature "
        "on file.\nOffice use: benefits investigation to be run.",
        set(),
        {("therapy", "adagrasib")},
    ),
    (
        "t37s-benefits-investigation guard: a drug the patient is on",
        "Pharmacy call: pt on adagrasib since 08/2026, new insurer; benefits investigation pending for the refill.",
        {("therapy", "adagrasib")},
        set(),
    ),
    # --- [t37s-mono-other-class] a single-agent word whose object is another drug class ---------------------------------
    (
        "t37s-mono-other-class",
        "KRAS G12C NSCLC, PD-L1 90%. We talked about single-agent immunotherapy first.",
        {("kras", "g12c_present")},
        {("monotherapy", "true")},
    ),
    (
        "t37s-mono-other-class guard: single-agent with the inhibitor named",
        "KRAS G12C NSCLC after carboplatin/pemetrexed: adagrasib 600 mg BID, single agent, C3 today.",
        {("monotherapy", "true"), ("therapy", "adagrasib")},
        set(),
    ),
    # --- [t37s-response-field-label] a form's "Response to therapy" field answered with another verdict --------------
    (
        "t37s-response-field-label",
        "CONTINUATION FORM\nResponse to treatment (include scan date): PET 10/14 - stable disease on sotorasib",
        {("disease_status", "stable")},
        {("disease_status", "improved")},
    ),
    (
        "t37s-response-field-label guard: the field answered with an improvement",
        "CONTINUATION FORM\nResponse to treatment (include scan date): partial response, PET 10/14, on sotorasib",
        {("disease_status", "improved")},
        set(),
    ),
]


@pytest.mark.parametrize(("name", "text", "wanted", "unwanted"), CASES, ids=[f"[{c[0]}]" for c in CASES])
def test_wording_class(name: str, text: str, wanted: set[tuple[str, str]], unwanted: set[tuple[str, str]]) -> None:
    assert_reads(name, text, wanted, unwanted)
