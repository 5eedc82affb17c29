"""Classes of wording behind held-out v34's false facts (issue 13's safety pass on v34; only v34's false positives were
read, its misses stay blind), each with sentences of our own (none copied from tests/text/heldout34.yaml) and a guard:
a case the class removes, and a true fact it keeps. Labels are the scorer's (scripts/text_quality.py ``labels``)."""

from __future__ import annotations

import pytest

from tests.text.reading import assert_reads

ILD = ("ild", "true")

# (class, text, pairs that must be found, pairs that must not)
CASES = [
    # --- [v34s-ild-concern-for] a worry written before the mention -------------------------------------------------
    ("v34s-ild-concern-for a worry sent for imaging", "Fever and cough. Concern for drug pneumonitis - CT chest today.", set(), {ILD}),
    ("v34s-ild-concern-for concerning for", "HRCT findings concerning for early ILD, to discuss at MDT.", set(), {ILD}),
    (
        "v34s-ild-concern-for guard: a worry about something else",
        "Concern for progression; grade 2 pneumonitis on steroids since October.",
        {ILD},
        set(),
    ),
    # --- [v34s-ild-field-no-more] a field answered no in more ways ---------------------------------------------------
    ("v34s-ild-field-no-more empty-set sign", "Cont sotorasib. Pneumonitis: Ø.", {("therapy", "sotorasib")}, {ILD}),
    ("v34s-ild-field-no-more Slavic ne, glossed", "Intersticijska bolest pluca: ne [ILD: no]. Dalje sotorasib.", set(), {ILD}),
    ("v34s-ild-field-no-more no colon", "PMH: HTN. Pneumonitis none. Renal fn normal.", set(), {ILD}),
    (
        "v34s-ild-field-no-more guard: none since, then a real episode",
        "ILD none since 2024 but grade 2 pneumonitis in 2023 on durvalumab.",
        {ILD},
        set(),
    ),
    ("v34s-ild-field-no-more guard: a subtype named", "PMH: ILD: non-specific interstitial pneumonia, on nintedanib.", {ILD}, set()),
    # --- [v34s-comma-for-indication] ", for" ends a negation: the indication is the patient's -----------------------
    (
        "v34s-comma-for-indication after no other meds",
        "Takes adagrasib 600 mg BID, no other anticancer drugs, for metastatic lung adenocarcinoma with KRAS G12C.",
        {("kras", "g12c_present"), ("histology", "nsclc")},
        {("kras", "g12c_absent")},
    ),
    ("v34s-comma-for-indication guard: the negated item stays negated", "No pneumonitis, for now; sotorasib continues.", set(), {ILD}),
    # --- [v34s-assay-negative] a named assay's NEGATIVE after its colon ---------------------------------------------
    (
        "v34s-assay-negative a multi-token assay name",
        "Lung adenocarcinoma core. KRAS G12C allele-specific PCR: negative. NGS to follow.",
        {("kras", "g12c_absent")},
        {("kras", "g12c_present")},
    ),
    (
        "v34s-assay-negative guard: another test's negative",
        "KRAS G12C detected by NGS. EGFR PCR: negative.",
        {("kras", "g12c_present")},
        {("kras", "g12c_absent")},
    ),
    # --- [v34s-information-sheet] a patient information sheet with blank name lines --------------------------------
    (
        "v34s-information-sheet blank name",
        "PATIENT INFORMATION SHEET - Treatment with cisplatin and etoposide\n"
        "This sheet explains treatment for small cell lung cancer. Side effects include nausea.\nName: _______ DOB: _______",
        set(),
        {("therapy", "cisplatin"), ("therapy", "etoposide"), ("histology", "sclc")},
    ),
    (
        "v34s-information-sheet guard: a filled-in name",
        "PATIENT INFORMATION SHEET - Treatment with cisplatin and etoposide\n"
        "This sheet explains treatment for small cell lung cancer.\nName: Ana Ruiz  DOB: 03/04/1955",
        {("therapy", "cisplatin")},
        set(),
    ),
    # --- [v34s-no-clinical-data-here] a list saying it holds no clinical data ---------------------------------------
    (
        "v34s-no-clinical-data-here a pre-read list",
        "MDT agenda: a) SCLC, restaging. b) NSCLC, new referral. No patient data in this agenda.",
        set(),
        {("histology", "sclc"), ("histology", "nsclc")},
    ),
    (
        "v34s-no-clinical-data-here guard: a list with its data",
        "MDT agenda: 66F NSCLC stage IV, KRAS G12C. Full clinical data in chart.",
        {("histology", "nsclc"), ("kras", "g12c_present")},
        set(),
    ),
    # --- [v34s-request-field] / [v34s-glossed-field] a request's, a plan's or a decision's field ----------------------
    ("v34s-request-field French request", "Demande de prise en charge: adagrasib en monothérapie.", set(), {("therapy", "adagrasib")}),
    ("v34s-request-field Indonesian plan", "Rencana: adagrasib tunggal.", set(), {("therapy", "adagrasib")}),
    (
        "v34s-glossed-field a decision with a gloss",
        "Vorschlag [proposal]: Chemotherapie, dann Pembrolizumab.",
        set(),
        {("therapy", "pembrolizumab")},
    ),
    ("v34s-request-field guard: a medication field", "Medikasi: sotorasib sejak 10/2026.", {("therapy", "sotorasib")}, set()),
    # --- [v34s-to-start] / [v34s-requested-via] / [v34s-resubmit-with] drugs asked for, not given -------------------------
    ("v34s-to-start French", "Jamais traité. Cisplatine-étoposide à débuter la semaine prochaine.", set(), {("therapy", "cisplatin")}),
    ("v34s-requested-via access programme", "Adagrasib alone requested via access programme.", set(), {("therapy", "adagrasib")}),
    ("v34s-resubmit-with payer advice", "Denied as submitted; resubmit with cetuximab.", set(), {("therapy", "cetuximab")}),
    (
        "v34s-to-start guard: a drug given",
        "Cisplatine-étoposide reçu 4 cycles, puis atezolizumab.",
        {("therapy", "atezolizumab")},
        set(),
    ),
    # --- [v34s-not-been-started] ---------------------------------------------------------------------------------------
    ("v34s-not-been-started", "Appeal filed. Adagrasib has not been started.", set(), {("therapy", "adagrasib")}),
    ("v34s-not-been-started guard: a drug started", "Adagrasib was started 10/2026; loperamide has been started.", {("therapy", "adagrasib")}, set()),
    # --- [v34s-optional-addon] ------------------------------------------------------------------------------------------
    ("v34s-optional-addon plus/minus", "Board: cisplatin/etoposide +/- atezolizumab.", set(), {("therapy", "atezolizumab")}),
    ("v34s-optional-addon guard: a combination given", "s/p carboplatin/etoposide + atezolizumab x4.", {("therapy", "atezolizumab")}, set()),
]


@pytest.mark.parametrize(("name", "text", "wanted", "unwanted"), CASES, ids=[c[0] for c in CASES])
def test_wording_class(name: str, text: str, wanted: set[tuple[str, str]], unwanted: set[tuple[str, str]]) -> None:
    assert_reads(name, text, wanted, unwanted)
