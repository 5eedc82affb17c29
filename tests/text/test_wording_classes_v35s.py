"""Classes of wording behind held-out v35's and v36's false facts (issue 13's safety pass t36s, session 24; only the false
positives of tests/text/heldout35.yaml and heldout36.yaml were read, their misses stay blind), each with sentences of
our own (none copied from the held-out files) and a guard: a case the class removes, and a true fact it keeps. Labels
are the scorer's (scripts/text_quality.py ``labels``), so a case reads like a corpus item."""

from __future__ import annotations

import pytest

from tests.text.reading import assert_reads

# (class, text, pairs that must be found, pairs that must not)
CASES = [
    # --- [t36s-reserved-for] a drug kept for a later line ------------------------------------------------------------
    (
        "t36s-reserved-for",
        "Plan: start carboplatin/pemetrexed/pembrolizumab next week. Adagrasib kept for second line if G12C confirmed.",
        set(),
        {("therapy", "adagrasib")},
    ),
    (
        "t36s-reserved-for",
        "A/P: mCRC, KRAS G12C.\n - adagrasib + cetuximab not for now; reserve",
        set(),
        {("therapy", "adagrasib"), ("therapy", "cetuximab")},
    ),
    (
        "t36s-reserved-for guard: poor pulmonary reserve on a drug taken",
        "Pt on sotorasib since 08/2026, limited pulmonary reserve, tolerating well.",
        {("therapy", "sotorasib")},
        set(),
    ),
    # --- [t36s-favored] a regimen the team favours ----------------------------------------------------------------------
    (
        "t36s-favored",
        "Given his fibrotic lung disease, platinum doublet (cisplatin/pemetrexed) is favored as first line.",
        set(),
        {("therapy", "cisplatin"), ("therapy", "pemetrexed")},
    ),
    (
        "t36s-favored guard: a drug given, then a favoured plan",
        "Completed 4 cycles of carboplatin/pemetrexed in 2025. Docetaxel favored next.",
        {("therapy", "carboplatin"), ("therapy", "pemetrexed")},
        {("therapy", "docetaxel")},
    ),
    # --- [t36s-to-be-added] a drug added at a later cycle ---------------------------------------------------------------
    (
        "t36s-to-be-added",
        "Cycle 1 cisplatin/etoposide given 11/02. Durvalumab to be added with cycle 2.",
        {("therapy", "cisplatin"), ("therapy", "etoposide")},
        {("therapy", "durvalumab")},
    ),
    (
        "t36s-to-be-added",
        "Recs: chemo per primary team; add durvalumab C2 if LFTs recover.",
        set(),
        {("therapy", "durvalumab")},
    ),
    (
        "t36s-to-be-added guard: a drug added in the past",
        "Durvalumab was added with cycle 2 on 10/14 and given without reaction.",
        {("therapy", "durvalumab")},
        set(),
    ),
    # --- [t36s-not-started-dash] "has not started yet - plans ..." -------------------------------------------------------
    (
        "t36s-not-started-dash",
        "Spoke with pt about sotorasib. Bottle received from mail-order pharmacy. Pt has not started yet - will begin Monday.",
        set(),
        {("therapy", "sotorasib")},
    ),
    (
        "t36s-not-started-dash guard: a drug had before stays",
        "Received docetaxel x4 in 2025, progressed. Adagrasib delivered 11/30 by the specialty pharmacy. She has not "
        "started yet - first dose tomorrow.",
        {("therapy", "docetaxel")},
        {("therapy", "adagrasib")},
    ),
    # --- [t36s-future-label] a "Future:" label --------------------------------------------------------------------------
    (
        "t36s-future-label",
        "Current: FOLFIRI C6, tolerating.\nFuture options: adagrasib + cetuximab when progression occurs.",
        {("therapy", "irinotecan")},
        {("therapy", "adagrasib"), ("therapy", "cetuximab")},
    ),
    (
        "t36s-future-label guard: a history line stays",
        "Prior: FOLFOX 2024, PD.\nFuture: clinical trial screening.",
        {("therapy", "oxaliplatin")},
        set(),
    ),
    # --- [t36s-payer-decision-drug] a payer's decision names the drug asked for -----------------------------------------
    (
        "t36s-payer-decision-drug",
        "PRIOR AUTHORIZATION - DENIAL NOTICE - Bluewater Health Plan (fictitious)\nDrug: adagrasib 600 mg BID.\n"
        "Reason: no prior systemic therapy documented.",
        set(),
        {("therapy", "adagrasib")},
    ),
    (
        "t36s-payer-decision-drug",
        "UM REVIEW - Adagrasib PA - Cedar Plan (fictitious)\nDiagnosis: metastatic NSCLC. Adagrasib as single agent - met.",
        set(),
        {("therapy", "adagrasib")},
    ),
    (
        "t36s-payer-decision-drug guard: a renewal, a drug taken",
        "PRIOR AUTHORIZATION RENEWAL - Cedar Plan (fictitious)\nDrug: sotorasib 960 mg daily.\n"
        "Patient on sotorasib since 05/2026, CT stable.",
        {("therapy", "sotorasib")},
        set(),
    ),
    (
        "t36s-payer-decision-drug guard: the prior drugs in a payer's review stay",
        "UM REVIEW - Sotorasib PA - Cedar Plan (fictitious)\nPrior therapy: carboplatin/pemetrexed x4, PD 06/2026.",
        {("therapy", "carboplatin"), ("therapy", "pemetrexed")},
        {("therapy", "sotorasib")},
    ),
    (
        "t36s-payer-decision-drug guard: a clinic note with a Drug field",
        "ONCOLOGY FOLLOW-UP 11/20/2026\nDrug: sotorasib 960 mg daily, C4, tolerating well.",
        {("therapy", "sotorasib")},
        set(),
    ),
    # --- [t36s-field-ticked-no] a form's ILD field ticked or answered no -------------------------------------------------
    (
        "t36s-field-ticked-no",
        "Coverage request. Pneumonitis or interstitial lung disease: [x] No",
        set(),
        {("ild", "true")},
    ),
    (
        "t36s-field-ticked-no",
        "Pharmacy intake note.\nILD/pneumonitis: no known history.",
        set(),
        {("ild", "true")},
    ),
    (
        "t36s-field-ticked-no guard: an unticked no",
        "Past history: pulmonary fibrosis (IPF) on nintedanib.\nILD: [ ] No",
        {("ild", "true")},
        set(),
    ),
    # --- [t36s-not-suspected] a finding set aside --------------------------------------------------------------------------
    (
        "t36s-not-suspected",
        "On adagrasib; mild cough with fever and sputum, likely bronchitis. Pneumonitis is not suspected.",
        {("therapy", "adagrasib")},
        {("ild", "true")},
    ),
    (
        "t36s-not-suspected guard: a pneumonitis diagnosed",
        "CT 11/20: grade 2 pneumonitis on sotorasib, drug held, prednisone started.",
        {("ild", "true")},
        set(),
    ),
    # --- [t36s-ild-ae-kinds] the kinds of immune-related adverse events taught ---------------------------------------------
    (
        "t36s-ild-ae-kinds",
        "Teaching visit before first infusion: discussed immune-related adverse events such as pneumonitis, colitis, "
        "thyroiditis.",
        set(),
        {("ild", "true")},
    ),
    (
        "t36s-ild-ae-kinds guard: the patient's own immune-related event",
        "Admitted with grade 3 immune-related AE: pneumonitis after pembrolizumab C5.",
        {("ild", "true")},
        set(),
    ),
    # --- [t36s-aggregate-title] a title that says it is about a group or no patient of the record -------------------------
    (
        "t36s-aggregate-title",
        "TUMOR BOARD METRICS - 2026, aggregate data only.\n22 patients with KRAS G12C NSCLC; 9 received sotorasib.",
        set(),
        {("kras", "g12c_present"), ("therapy", "sotorasib")},
    ),
    (
        "t36s-aggregate-title",
        "JOURNAL CLUB SUMMARY (no patient of this chart)\nAdagrasib in KRAS G12C NSCLC: pneumonitis rare.",
        set(),
        {("kras", "g12c_present"), ("therapy", "adagrasib"), ("ild", "true")},
    ),
    (
        "t36s-aggregate-title guard: a clinic note about the patient",
        "ONCOLOGY CLINIC NOTE 11/20/2026\nKRAS G12C NSCLC, on sotorasib C3.",
        {("kras", "g12c_present"), ("therapy", "sotorasib")},
        set(),
    ),
    # --- [t36s-ild-field-no-malay] an ILD field answered in Malay --------------------------------------------------------
    (
        "t36s-ild-field-no-malay",
        "Sejarah [history]: pneumonitis: tidak ada. Adenokarsinoma paru-paru.",
        set(),
        {("ild", "true")},
    ),
    # --- [t36s-plan-label-korean] a Korean plan label ---------------------------------------------------------------------
    (
        "t36s-plan-label-korean",
        "폐선암 4기, KRAS G12C. 계획: adagrasib 단독.",
        set(),
        {("therapy", "adagrasib")},
    ),
]


@pytest.mark.parametrize(("name", "text", "wanted", "unwanted"), CASES, ids=[f"[{c[0]}]" for c in CASES])
def test_wording_class(name: str, text: str, wanted: set[tuple[str, str]], unwanted: set[tuple[str, str]]) -> None:
    assert_reads(name, text, wanted, unwanted)
