"""Classes of wording behind held-out v42's false facts (issue 13's safety pass t42s, session 31; only the false positives
of tests/text/heldout42.yaml were read, its misses stay blind), each with sentences of our own (none copied from the
held-out file) and a guard: a case the class removes, and a true fact it keeps. Labels are the scorer's
(scripts/text_quality.py ``labels``), so a case reads like a corpus item."""

from __future__ import annotations

import pytest

from tests.text.reading import assert_reads

# (class, text, pairs that must be found, pairs that must not)
CASES = [
    # --- [t42s-lettered-inline-entries] -----------------------------------------------------------------------------------
    (
        "t42s-lettered-inline-entries",
        "Clinic chair list 12/01/2026\n09:00 Pt A. -- docetaxel C3 | 10:30 Pt B. -- sotorasib check, PD on CT | "
        "12:00 Pt C. -- pembrolizumab C2",
        set(),
        {
            ("therapy", "docetaxel"),
            ("therapy", "sotorasib"),
            ("therapy", "pembrolizumab"),
            ("disease_status", "worsened"),
        },
    ),
    (
        "t42s-lettered-inline-entries guard: one lettered patient and a lab line",
        "Pt A. -- 71F lung adenocarcinoma, on sotorasib since 9/2026 | PTT: 31 s",
        {("histology", "nsclc"), ("therapy", "sotorasib")},
        set(),
    ),
    # --- [t42s-spread-workup-pending] -------------------------------------------------------------------------------------
    (
        "t42s-spread-workup-pending",
        "CT shows a 4 cm LUL mass; metastatic work-up pending. Biopsy: adenocarcinoma of the lung.",
        {("histology", "nsclc")},
        {("spread", "metastatic")},
    ),
    (
        "t42s-spread-workup-pending guard: spread found, workup complete",
        "Lung adenocarcinoma, metastatic to liver; staging workup complete.",
        {("histology", "nsclc"), ("spread", "metastatic")},
        set(),
    ),
    # --- [t42s-histology-differential] ------------------------------------------------------------------------------------
    (
        "t42s-histology-differential",
        "ED visit: 58F, 3 cm RLL mass on CT, tissue pending. Ddx: lung primary (NSCLC vs SCLC) vs lymphoma.",
        set(),
        {("histology", "nsclc"), ("histology", "sclc")},
    ),
    (
        "t42s-histology-differential guard: a diagnosis, then a differential of something else",
        "Dx: NSCLC (adenocarcinoma), KRAS G12C. Ddx for the new lung nodule: infection vs metastasis.",
        {("histology", "nsclc"), ("kras", "g12c_present")},
        set(),
    ),
    # --- [t42s-histology-preliminary-revised] -----------------------------------------------------------------------------
    (
        "t42s-histology-preliminary-revised",
        "Bronchoscopy: ROSE favored non-small cell carcinoma; diagnosis revised on final review to small cell carcinoma.",
        {("histology", "sclc")},
        {("histology", "nsclc")},
    ),
    (
        "t42s-histology-preliminary-revised guard: a preliminary reading confirmed",
        "Frozen section favored adenocarcinoma of the lung; confirmed on final pathology.",
        {("histology", "nsclc")},
        set(),
    ),
    # --- [t42s-quoted-impression-corrected] -------------------------------------------------------------------------------
    (
        "t42s-quoted-impression-corrected",
        'ADDENDUM to bone scan: the previous report stated "new osseous metastases." On re-review these are '
        "degenerative changes; no evidence of metastatic disease.",
        set(),
        {("disease_status", "worsened"), ("spread", "metastatic")},
    ),
    (
        "t42s-quoted-impression-corrected guard: the quoted impression confirmed",
        'ADDENDUM: the previous report stated "new osseous metastases." Findings confirmed on MRI spine.',
        {("disease_status", "worsened"), ("spread", "metastatic")},
        set(),
    ),
    # --- [t42s-status-criterion-disjunction] ------------------------------------------------------------------------------
    (
        "t42s-status-criterion-disjunction",
        "Renewal checklist: [x] documented response or stable disease on imaging  [x] tolerating therapy",
        set(),
        {("disease_status", "stable")},
    ),
    (
        "t42s-status-criterion-disjunction guard: a restaging result beside the criterion",
        "Restaging CT 11/2026: stable disease. Criteria met: response or stable disease.",
        {("disease_status", "stable")},
        set(),
    ),
    # --- [t42s-status-pseudoprogression-differential] ---------------------------------------------------------------------
    (
        "t42s-status-pseudoprogression-differential",
        "CT 12/01/2026: mild enlargement of the LLL mass (3.0 -> 3.3 cm) on week 9 of nivolumab. Differential:\n"
        "pseudoprogression versus true progression. Repeat CT in 6 weeks.",
        {("therapy", "nivolumab")},
        {("disease_status", "worsened")},
    ),
    (
        "t42s-status-pseudoprogression-differential guard: progression confirmed",
        "CT 12/01/2026: mild enlargement of the LLL mass (3.0 -> 3.3 cm) on week 9 of nivolumab. Differential:\n"
        "pseudoprogression versus true progression; biopsy confirmed progression.",
        {("disease_status", "worsened"), ("therapy", "nivolumab")},
        set(),
    ),
    # --- [t42s-kras-smartlist] --------------------------------------------------------------------------------------------
    (
        "t42s-kras-smartlist",
        "Visit template (SmartText)\nKRAS: {Negative/Positive:71120}   Plan: ***",
        set(),
        {("kras", "g12c_absent"), ("kras", "g12c_present")},
    ),
    (
        "t42s-kras-smartlist guard: a filled result beside another list",
        "KRAS: G12C detected (NGS 10/2026). Follow-up: {Follow up:30472}",
        {("kras", "g12c_present")},
        set(),
    ),
    # --- [t42s-naive-cohort-requirement] ----------------------------------------------------------------------------------
    (
        "t42s-naive-cohort-requirement",
        'Trial match: Cohort 1 requires "treatment-naive" metastatic NSCLC; cohort 2 enrolls after one prior line.',
        set(),
        {("treatment_naive", "true")},
    ),
    (
        "t42s-naive-cohort-requirement guard: the patient said naive beside the cohort",
        'Trial match: Cohort 1 requires "treatment-naive" metastatic NSCLC. Our patient is treatment-naive.',
        {("treatment_naive", "true")},
        set(),
    ),
    # --- [t42s-drug-start-title] ------------------------------------------------------------------------------------------
    (
        "t42s-drug-start-title new start",
        "Pharmacist consult -- sotorasib new start\nBaseline LFTs normal.",
        set(),
        {("therapy", "sotorasib")},
    ),
    (
        "t42s-drug-start-title start visit",
        "Nursing intake (sotorasib start visit 12/07/2026)\nBP 128/76, weight 61 kg.",
        set(),
        {("therapy", "sotorasib")},
    ),
    (
        "t42s-drug-start-title guard: a new start since given",
        "Sotorasib new start 10/2026; now C3, tolerating well.",
        {("therapy", "sotorasib")},
        set(),
    ),
    # --- [t42s-drug-order-line] -------------------------------------------------------------------------------------------
    (
        "t42s-drug-order-line",
        "MEDICATION ORDER 12/03/2026 09:15   Status: Signed\nsotorasib 120 mg tablet -- 960 mg by mouth daily, #240, RF 2\n"
        "Dispense: specialty pharmacy.",
        set(),
        {("therapy", "sotorasib")},
    ),
    (
        "t42s-drug-order-line quantity and refills",
        "OUTPATIENT MEDICATION ORDER (signed 12/03/2026)\nLumakras 320 mg tab: 3 tabs PO once daily, qty 90, refills 2",
        set(),
        {("therapy", "sotorasib")},
    ),
    (
        "t42s-drug-order-line guard: an order continuing a course",
        "MEDICATION ORDER 12/02/2026\nsotorasib 320 mg tablet -- 960 mg PO daily, #90, RF 2, continuing current course",
        {("therapy", "sotorasib")},
        set(),
    ),
    # --- [t42s-drug-risk-sequence] ----------------------------------------------------------------------------------------
    (
        "t42s-drug-risk-sequence",
        "Plan to begin adagrasib next month. Avoid nivolumab rechallenge (hepatotoxicity risk after sequential IO -> soto).",
        set(),
        {("therapy", "sotorasib")},
    ),
    (
        "t42s-drug-risk-sequence guard: the drug given elsewhere",
        "Prior pembrolizumab. Will begin sotorasib 960 mg daily, single agent; pembrolizumab not re-added given "
        "hepatotoxicity risk with sequential IO -> soto. Grade 3 ALT rise on sotorasib 10/2026.",
        {("therapy", "pembrolizumab"), ("therapy", "sotorasib")},
        set(),
    ),
    # --- [t42s-mono-other-treatment-alone] --------------------------------------------------------------------------------
    (
        "t42s-mono-other-treatment-alone",
        "Pneumonia improved with antibiotics alone. Continue sotorasib.",
        {("therapy", "sotorasib")},
        {("monotherapy", "true")},
    ),
    (
        "t42s-mono-other-treatment-alone guard: the drug alone stays",
        "Pneumonia improved with antibiotics alone. Sotorasib monotherapy continues.",
        {("monotherapy", "true"), ("therapy", "sotorasib")},
        set(),
    ),
    # --- guards of the kind v41's review asked for: a given course, a fill history, a patient on a trial ------------------
    (
        "t42s guard: a new start followed by PD and a line of therapy",
        "Sotorasib new start 3/2026; 2L after carboplatin, PD 9/2026.",
        {("therapy", "sotorasib"), ("therapy", "carboplatin")},
        set(),
    ),
    (
        "t42s guard: an initiation that is history",
        "Sotorasib initiation 3/2026; PD 9/2026, switched to docetaxel.",
        {("therapy", "sotorasib"), ("therapy", "docetaxel")},
        set(),
    ),
    (
        "t42s guard: a prescription fill history is no order",
        "PRESCRIPTION HISTORY (pharmacy fill record)\nsotorasib 320 mg #90 filled 3/2026, 4/2026, 5/2026",
        {("therapy", "sotorasib")},
        set(),
    ),
    (
        "t42s guard: enrolled in a trial for naive patients",
        "Enrolled in the trial for treatment-naive patients with KRAS G12C NSCLC.",
        {("treatment_naive", "true")},
        set(),
    ),
    # --- review fixes (rt42s): the eight too-wide drops, the reviewer's inputs and a look-alike of our own each -----------
    (
        "t42s review guard 1: a toxicity after a sequence, with a grade",
        "Course complicated by grade 3 hepatotoxicity after sequential pembrolizumab then sotorasib in 2025, resolved.",
        {("therapy", "pembrolizumab"), ("therapy", "sotorasib")},
        set(),
    ),
    (
        "t42s review guard 1 (own): a concern of a sequence that happened (a grade, a date)",
        "Concern with sequential pembrolizumab then sotorasib: grade 3 ALT rise 06/2025, resolved.",
        {("therapy", "pembrolizumab"), ("therapy", "sotorasib")},
        set(),
    ),
    (
        "t42s review guard 1 (own): a toxicity with a sequence is no risk",
        "Toxicity with sequential nivolumab then adagrasib: colitis, resolved.",
        {("therapy", "nivolumab"), ("therapy", "adagrasib")},
        set(),
    ),
    (
        "t42s review guard 2: a new start stopped, under a history heading",
        "Treatment history:\n- Sotorasib new start 03/2025, stopped 09/2025 for rash and fatigue",
        {("therapy", "sotorasib")},
        set(),
    ),
    (
        "t42s review guard 2 (own): a new start discontinued, under prior therapies",
        "Prior therapies:\n- Adagrasib new start, discontinued after 2 months for nausea",
        {("therapy", "adagrasib")},
        set(),
    ),
    (
        "t42s review guard 3: a numbered prior therapy below an order",
        "Medication Order\nSotorasib 120 mg tablet, take 8 tablets daily. Qty: 90, Refills: 2\nSigned by Dr. Lee\n"
        "Prior therapy #1: carboplatin/pemetrexed/pembrolizumab 01/2026-08/2026, progression.",
        {("therapy", "carboplatin"), ("therapy", "pemetrexed"), ("therapy", "pembrolizumab")},
        {("therapy", "sotorasib")},
    ),
    (
        "t42s review guard 3: a prior drug on a history line below an order",
        "Medication order\nAdagrasib 200 mg tablet, 600 mg twice daily #180, RF x1\n"
        "Hx: prior sotorasib 960 mg daily (#1 line after chemo-IO), discontinued for hepatotoxicity.",
        {("therapy", "sotorasib")},
        {("therapy", "adagrasib")},
    ),
    (
        "t42s review guard 3 (own): a previous line with a date range below a prescription",
        "Prescription\nAdagrasib 200 mg tablet, 600 mg BID, Quantity: 180, Refills: 1\n"
        "Previous line #2: docetaxel 03/2025-07/2025, PD.",
        {("therapy", "docetaxel")},
        {("therapy", "adagrasib")},
    ),
    (
        "t42s review guard 4: an initial diagnosis, a plan changed",
        "Initial diagnosis: adenocarcinoma of the right upper lobe, 03/2023; treatment plan changed after PET showed "
        "bone metastases.",
        {("histology", "nsclc"), ("spread", "metastatic")},
        set(),
    ),
    (
        "t42s review guard 4: an initial diagnosis, a plan changed to consolidation",
        "Initial diagnosis: squamous cell carcinoma of the left lower lobe, stage III; plan changed to durvalumab "
        "consolidation.",
        {("histology", "nsclc")},
        set(),
    ),
    (
        "t42s review guard 4 (own): an initial impression, management changed",
        "Initial impression was adenocarcinoma of the lung; management changed to SBRT after tumor board.",
        {("histology", "nsclc")},
        set(),
    ),
    (
        "t42s review guard 5: stable disease or better on the patient's CT",
        "She continues on sotorasib 960 mg daily with stable disease or better per CT chest/abdomen/pelvis 11/2026.",
        {("disease_status", "stable"), ("therapy", "sotorasib")},
        set(),
    ),
    (
        "t42s review guard 5: partial response or stable disease on the patient's CT",
        "CT 11/2026 shows continued partial response or stable disease at all sites.",
        {("disease_status", "stable")},
        set(),
    ),
    (
        "t42s review guard 5 (own): a restaging course, no criterion",
        "Restaging CT 10/2026: adagrasib continued with stable disease or better in all target lesions.",
        {("disease_status", "stable"), ("therapy", "adagrasib")},
        set(),
    ),
    (
        "t42s review guard 6: pseudoprogression not a consideration",
        "Progression on sotorasib (CT 09/2026: growing RUL mass). Pseudoprogression vs true progression is not a "
        "consideration with a targeted agent.",
        {("disease_status", "worsened")},
        set(),
    ),
    (
        "t42s review guard 6: true progression favored",
        "Progression on sotorasib (CT 09/2026: growing RUL mass). Pseudoprogression vs true progression: true "
        "progression favored given new lesions.",
        {("disease_status", "worsened")},
        set(),
    ),
    (
        "t42s review guard 6: pseudoprogression unlikely",
        "Progression on sotorasib (CT 09/2026: growing RUL mass). Pseudoprogression vs true progression discussed; new "
        "lesions make pseudoprogression unlikely.",
        {("disease_status", "worsened")},
        set(),
    ),
    (
        "t42s review guard 6 (own): pseudoprogression not applicable",
        "Progression on adagrasib (CT 08/2026: enlarging LLL mass). Pseudoprogression vs true progression: not "
        "applicable to a targeted agent.",
        {("disease_status", "worsened")},
        set(),
    ),
    (
        "t42s review guard 7: a quote followed by no evidence of something else",
        'The prior report stated "multiple new hepatic metastases, progression." There is no evidence of response to '
        "carboplatin/pemetrexed/pembrolizumab; the liver lesions have grown.",
        {("disease_status", "worsened"), ("spread", "metastatic")},
        set(),
    ),
    (
        "t42s review guard 7 (own): a quote, on review no evidence of another finding",
        'The previous report stated "new bone metastases." On review of outside films there is no evidence of '
        "fracture; the sclerotic lesions have increased.",
        {("spread", "metastatic")},
        set(),
    ),
    (
        "t42s review guard 8: named metastases, staging unfinished",
        "Lung adenocarcinoma with bone metastases staging work-up not yet completed (brain MRI outstanding).",
        {("histology", "nsclc"), ("spread", "metastatic")},
        set(),
    ),
    (
        "t42s review guard 8 (own): named mets, staging not yet completed",
        "Squamous cell lung cancer with liver mets staging not yet completed; PET scheduled.",
        {("histology", "nsclc"), ("spread", "metastatic")},
        set(),
    ),
]


@pytest.mark.parametrize(("name", "text", "wanted", "unwanted"), CASES, ids=[c[0] for c in CASES])
def test_wording_class_v42s(name: str, text: str, wanted: set, unwanted: set) -> None:
    assert_reads(name, text, wanted, unwanted)
