"""Classes of wording behind held-out v38's remaining misses (issue 13's thirty-ninth pass, t39, session 28: v38 read
whole, after its safety pass t38s), each with sentences of our own (none copied from the held-out file) and a guard: a
case the class changes, and a case it must not. Labels are the scorer's (scripts/text_quality.py ``labels``), so a case
reads like a corpus item."""

from __future__ import annotations

import pytest

from tests.text.reading import assert_reads

# (class, text, pairs that must be found, pairs that must not)
CASES = [
    # --- [t39-naive-resected-then-none] an operation had, then no systemic kind in a bracket or a closing clause ------
    (
        "t39-naive-resected-then-none",
        "PMH: stage IA squamous cell carcinoma of the lung s/p LUL wedge 2020 (no chemo or radiation), on surveillance.",
        {("treatment_naive", "true")},
        set(),
    ),
    (
        "t39-naive-resected-then-none",
        "Hx: stage IIB lung adenocarcinoma s/p right upper lobectomy 03/2024 (no adjuvant tx). Now dyspnea on exertion.",
        {("treatment_naive", "true")},
        set(),
    ),
    (
        "t39-naive-resected-then-none",
        "New dx of lung adenocarcinoma, stage IA2, s/p segmentectomy; no adjuvant therapy planned per tumor board.",
        {("treatment_naive", "true")},
        set(),
    ),
    (
        "t39-naive-resected-then-none guard: a time after",
        "Stage IIIA lung adenocarcinoma s/p lobectomy 05/2026 (no adjuvant chemo yet), seen for port placement.",
        set(),
        {("treatment_naive", "true")},
    ),
    (
        "t39-naive-resected-then-none guard: the bracket goes on to a course",
        "Stage IIB NSCLC s/p lobectomy 2022 (no adjuvant chemo, carboplatin/pemetrexed at relapse 2025).",
        set(),
        {("treatment_naive", "true")},
    ),
    (
        "t39-naive-resected-then-none guard: no chemo until a step",
        "Stage IIA lung adenocarcinoma s/p lobectomy 01/2026 (no adjuvant chemo until cleared by surgery).",
        set(),
        {("treatment_naive", "true")},
    ),
    # --- [t39-status-dated-recurrence-sites] a dated recurrence with its sites, after a systemic course --------------
    (
        "t39-status-dated-recurrence-sites",
        "Stage IIIA lung adenocarcinoma s/p lobectomy and adjuvant carboplatin/vinorelbine x4 in 2024. Recurrence 08/2026: "
        "new R pleural effusion, cytology positive for adenocarcinoma.",
        {("disease_status", "worsened")},
        set(),
    ),
    (
        "t39-status-dated-recurrence-sites",
        "Rectal cancer, adjuvant FOLFOX completed 2023; relapse 2025 with liver and lung mets. KRAS G12C.",
        {("disease_status", "worsened")},
        set(),
    ),
    (
        "t39-status-dated-recurrence-sites",
        "Sigmoid adenocarcinoma s/p resection + CAPOX x8 (2023); recurrence 10/2026 in liver/peritoneum.",
        {("disease_status", "worsened")},
        set(),
    ),
    (
        "t39-status-dated-recurrence-sites guard: after surgery alone, no drug named",
        "Registry: stage IB lung adenocarcinoma, lobectomy 2022. Recurrence 05/2026 with adrenal mets, restaged IV.",
        set(),
        {("disease_status", "worsened")},
    ),
    (
        "t39-status-dated-recurrence-sites guard: still to be proven",
        "Durvalumab consolidation completed 6/2025 after chemoRT with carboplatin/paclitaxel. Recurrence 10/2026 w/ "
        "liver lesions on PET; biopsy pending.",
        set(),
        {("disease_status", "worsened")},
    ),
    (
        "t39-status-dated-recurrence-sites guard: restaged right after",
        "Stage IIIB NSCLC 2023, carboplatin/paclitaxel + RT then durvalumab. Relapse 2026 with liver and bone mets, "
        "restaged IVB. KRAS G12C on liver biopsy.",
        set(),
        {("disease_status", "worsened")},
    ),
    (
        "t39-status-dated-recurrence-sites guard: a drug named only after it",
        "Recurrence 2026 with bone mets after lobectomy alone. Plan: carboplatin/pemetrexed/pembrolizumab.",
        set(),
        {("disease_status", "worsened")},
    ),
    # (session 28 review) no negation after the date, and the course before it a drug received, not the one requested
    (
        "t39-status-dated-recurrence-sites guard: negated after the date",
        "Stage IV NSCLC treated with carboplatin/pemetrexed 2024.\nRecurrence 2025: no new liver lesions on CT.",
        set(),
        {("disease_status", "worsened")},
    ),
    (
        "t39-status-dated-recurrence-sites guard: ruled out",
        "KRAS G12C NSCLC, treated with carboplatin/pemetrexed/pembrolizumab 2024.\nRecurrence 2025 - ruled out; PET "
        "negative for liver mets.",
        set(),
        {("disease_status", "worsened")},
    ),
    (
        "t39-status-dated-recurrence-sites guard: only the requested drug before it",
        "PA request: sotorasib 960 mg daily.\nHx: RUL lobectomy 2021 alone.\nRecurrence 2025 with bone mets.",
        set(),
        {("disease_status", "worsened")},
    ),
    # --- [t39-status-pd-through] "PD through <drugs>" --------------------------------------------------------------
    (
        "t39-status-pd-through",
        "71F metastatic lung adenocarcinoma, PD through docetaxel/ramucirumab; discussing hospice.",
        {("disease_status", "worsened")},
        set(),
    ),
    (
        "t39-status-pd-through guard: PD-L1",
        "Lung adenocarcinoma, PD-L1 through the 22C3 assay 60%; starting pembrolizumab.",
        set(),
        {("disease_status", "worsened")},
    ),
    # --- [t39-mono-concurrent-none-request] a concurrent-drug field answered none below a prior-therapy field -------
    (
        "t39-mono-concurrent-none-request",
        "PHARMACY PA REQUEST\nMedication: adagrasib 600 mg BID\nPrior systemic therapy: cisplatin/pemetrexed, then "
        "pembrolizumab -> PD 10/2026\nConcurrent antineoplastic agents: none",
        {("monotherapy", "true")},
        set(),
    ),
    (
        "t39-mono-concurrent-none-request guard: a current drug of another class above",
        "PHARMACY PA REQUEST\nMedication: adagrasib 600 mg BID\nCurrent oncology meds: cetuximab q2w\n"
        "Concurrent antineoplastic agents: none",
        set(),
        {("monotherapy", "true")},
    ),
    # --- [t39-mono-partner-declined] the partner refused, not the regimen ---------------------------------------------
    (
        "t39-mono-partner-declined",
        "Request: sotorasib 960 mg daily alone for mCRC, patient declined further cetuximab after grade 3 acneiform rash.",
        {("monotherapy", "true")},
        set(),
    ),
    (
        "t39-mono-partner-declined guard: the inhibitor refused",
        "Plan was sotorasib 960 mg daily alone, pt declined sotorasib after reading about diarrhea.",
        set(),
        {("monotherapy", "true")},
    ),
    (
        "t39-mono-partner-declined guard: a refusal with no drug",
        "Adagrasib single agent offered; pt declined, wants to think it over.",
        set(),
        {("monotherapy", "true")},
    ),
    # --- [t39-mono-offer-requested] an offer whose prior authorization is on its way ----------------------------------
    (
        "t39-mono-offer-requested",
        "A/P: KRAS G12C NSCLC, PS 2. Adagrasib alone offered given frailty - prior auth submitted today.",
        {("monotherapy", "true")},
        set(),
    ),
    (
        "t39-mono-offer-requested guard: a request only if she agrees",
        "A/P: KRAS G12C NSCLC. Adagrasib alone offered; PA to be sent if she agrees.",
        set(),
        {("monotherapy", "true")},
    ),
    (
        "t39-mono-offer-requested guard: an offer alone",
        "A/P: KRAS G12C NSCLC. Sotorasib monotherapy offered, will think about it.",
        set(),
        {("monotherapy", "true")},
    ),
    (
        "t39-mono-offer-requested guard: a records request, no PA",
        "Stage IV NSCLC KRAS G12C. Sotorasib monotherapy offered; records request sent to outside hospital.",
        set(),
        {("monotherapy", "true")},
    ),
    # --- [t39-dash-received] a dash or comma, then "received / had" with no subject ----------------------------------
    (
        "t39-dash-received",
        "Stage IV NSCLC, KRAS G12C. No prior immunotherapy -- received cisplatin/pemetrexed only.",
        {("therapy", "cisplatin"), ("therapy", "pemetrexed")},
        set(),
    ),
    (
        "t39-dash-received guard: the drug before the dash",
        "Stage IV NSCLC. No pembrolizumab -- received radiation only.",
        set(),
        {("therapy", "pembrolizumab")},
    ),
    (
        "t39-dash-received guard: a relative's drug after a comma",
        "Home visit. Pt's brother had 'lung cancer, got the pill adagrasib' - died 2023. Pt: COPD, stable.",
        set(),
        {("therapy", "adagrasib")},
    ),
    # --- [t39-colon-subject-received] a correction's answer after a colon ------------------------------------------
    (
        "t39-colon-subject-received",
        "Prior lines: carbo/pem/pembro x4? -> NO: she received carbo/pem x2 only (pembro held for hepatitis).",
        {("therapy", "carboplatin"), ("therapy", "pemetrexed")},
        set(),
    ),
    (
        "t39-colon-subject-received guard: the denied drug stays out",
        "Did he get docetaxel? No: he received gemcitabine.",
        set(),
        {("therapy", "docetaxel")},
    ),
    # --- [t39-gene-status-doubt] a gene's status in doubt, after the diagnosis --------------------------------------
    (
        "t39-gene-status-doubt",
        "Impression: stage IVB NSCLC (adenocarcinoma), EGFR status indeterminate; repeat biopsy planned.",
        {("stage", "4"), ("histology", "nsclc")},
        set(),
    ),
    (
        "t39-gene-status-doubt guard: the variant itself indeterminate",
        "Plasma NGS 10/2026: KRAS G12C indeterminate (low tumor fraction).",
        set(),
        {("kras", "g12c_present")},
    ),
    # --- [t39-kras-organ-failure] an organ's failure after the variant is the patient's, not the test's -------------
    (
        "t39-kras-organ-failure",
        "HD#2: 71F, metastatic KRAS G12C NSCLC, admitted w/ hypoxemic resp failure.",
        {("kras", "g12c_present")},
        set(),
    ),
    (
        "t39-kras-organ-failure guard: the assay's failure",
        "Tissue KRAS G12C PCR: assay failure (low DNA yield); plasma sent.",
        set(),
        {("kras", "g12c_present")},
    ),
    # --- [t39-stage-after-histology-site] a bare stage group after the histology and its lobe ----------------------
    (
        "t39-stage-after-histology-site",
        "Onc f/u: 66F never smoker. NSCLC adeno RUL IVA (pleura) dx 3/26, on pembro maint.",
        {("stage", "4")},
        set(),
    ),
    (
        "t39-stage-after-histology-site guard: intravenous in lower case",
        "NSCLC LUL iv hydration given in clinic today.",
        set(),
        {("stage", "4")},
    ),
    (
        "t39-stage-after-histology-site guard: a trial's phase",
        "NSCLC RLL phase II study screening visit.",
        set(),
        {("stage", "2")},
    ),
    # --- [t39-criteria-records-attached] a list of the records sent to show criteria ------------------------------
    (
        "t39-criteria-records-attached",
        "PA submission: criteria documentation attached: (1) tissue NGS 8/2026 showing KRAS G12C, (2) CT 10/2026 "
        "showing progression after carboplatin/pemetrexed, (3) stage IVB.",
        {("kras", "g12c_present"), ("stage", "4"), ("therapy", "carboplatin")},
        set(),
    ),
    (
        "t39-criteria-records-attached guard: documentation required",
        "Criteria (documentation required): (1) KRAS G12C by an FDA-approved test, (2) progression after platinum "
        "chemotherapy, (3) stage IV.",
        set(),
        {("kras", "g12c_present"), ("stage", "4")},
    ),
    (
        "t39-criteria-records-attached guard: documentation asked for",
        "Please attach documentation of these criteria: (1) KRAS G12C, (2) progression on carboplatin.",
        set(),
        {("kras", "g12c_present"), ("therapy", "carboplatin")},
    ),
    # --- [t39-exclusion-decimal] a screen failure's reason citing an exclusion numbered by section ------------------
    (
        "t39-exclusion-decimal",
        "SCREEN FAIL - Subject 014-007\nReason: exclusion 4.2 -- history of drug-induced pneumonitis (grade 2, 2025).",
        {("ild", "true")},
        set(),
    ),
    (
        "t39-exclusion-decimal guard: a protocol's list",
        "Protocol exclusions: exclusion 4.2 -- history of drug-induced pneumonitis requiring steroids.",
        set(),
        {("ild", "true")},
    ),
]


@pytest.mark.parametrize(("name", "text", "wanted", "unwanted"), CASES, ids=[f"[{c[0]}]" for c in CASES])
def test_wording_class(name: str, text: str, wanted: set[tuple[str, str]], unwanted: set[tuple[str, str]]) -> None:
    assert_reads(name, text, wanted, unwanted)
