"""Classes of wording behind held-out v40's remaining misses (issue 13's forty-first pass, t41, session 29: v40 read
whole, after its safety pass t40s), each with sentences of our own (none copied from the held-out file) and a guard: a
case the class changes, and a case it must not. Labels are the scorer's (scripts/text_quality.py ``labels``), so a case
reads like a corpus item."""

from __future__ import annotations

import pytest

from tests.text.reading import assert_reads

# (class, text, pairs that must be found, pairs that must not)
CASES = [
    # --- [t41-boxes-of-next-question] a field's words wrapped into the next printed line's boxed question -----------
    (
        "t41-boxes-of-next-question",
        "Previous treatment: cisplatin + etoposide 2/2026-6/2026, then progression\n"
        "Is the drug to be given with any other anticancer drug?  [X] Yes  [ ] No",
        {("therapy", "cisplatin"), ("therapy", "etoposide")},
        set(),
    ),
    (
        "t41-boxes-of-next-question",
        "Prior chemo: carboplatin + paclitaxel 3/2026-7/2026; PD on CT 8/2/2026\n"
        "Will the requested agent be given with other anticancer drugs?  [ ] Yes  [X] No",
        {("therapy", "carboplatin"), ("therapy", "paclitaxel"), ("disease_status", "worsened")},
        set(),
    ),
    (
        "t41-boxes-of-next-question guard: a blank form",
        "Previous treatment: cisplatin + etoposide 2/2026-6/2026, then progression\n"
        "Is the drug to be given with any other anticancer drug?  [ ] Yes  [ ] No",
        set(),
        {("therapy", "cisplatin"), ("therapy", "etoposide")},
    ),
    (
        "t41-boxes-of-next-question guard: the question wrapped in lower case",
        "Has the member had prior treatment with cisplatin or etoposide or docetaxel\n"
        "in the advanced setting?  [ ] Yes  [X] No",
        set(),
        {("therapy", "cisplatin"), ("therapy", "etoposide"), ("therapy", "docetaxel")},
    ),
    (
        "t41-boxes-of-next-question guard: boxes alone on the next line",
        "Has the member had prior treatment with cisplatin or etoposide or docetaxel\n[ ] Yes  [X] No",
        set(),
        {("therapy", "cisplatin"), ("therapy", "etoposide"), ("therapy", "docetaxel")},
    ),
    # --- [t41-naive-first-of-any-kind] "first treatment of any kind" in an A/P -----------------------------------------
    (
        "t41-naive-first-of-any-kind",
        "A/P: 66M, stage IVB NSCLC (adeno). Chemo-immunotherapy would be his first therapy of any sort for this cancer.",
        {("treatment_naive", "true")},
        set(),
    ),
    (
        "t41-naive-first-of-any-kind guard: a plan of no treatment",
        "A/P: stage IVA NSCLC. Plan: no treatment of any kind until the brain MRI is back.",
        set(),
        {("treatment_naive", "true")},
    ),
    # --- [t41-treated-with-list] each drug of "previously treated with A, B and C" in a request ------------------------
    (
        "t41-treated-with-list",
        "We request coverage of adagrasib with cetuximab for Mr. T. (metastatic colon adenocarcinoma, KRAS G12C), "
        "previously treated with capecitabine, oxaliplatin & irinotecan.",
        {("therapy", "capecitabine"), ("therapy", "oxaliplatin"), ("therapy", "irinotecan")},
        set(),
    ),
    (
        "t41-treated-with-list guard: not treated",
        "We request coverage of sotorasib for Mr. T. (metastatic colon adenocarcinoma, KRAS G12C), not previously "
        "treated with oxaliplatin, irinotecan or bevacizumab.",
        set(),
        {("therapy", "oxaliplatin"), ("therapy", "irinotecan"), ("therapy", "bevacizumab")},
    ),
    (
        "t41-treated-with-list guard: a rule's verb in the list",
        "Coverage requires that the member was previously treated with oxaliplatin and must have received irinotecan.",
        set(),
        {("therapy", "irinotecan")},
    ),
    # --- [t41-status-lesions-arrow-recurrence] lesions -> recurrence ---------------------------------------------------
    (
        "t41-status-lesions-arrow-recurrence",
        "Stage IIB LUSC s/p lobectomy + adjuvant cisplatin/vinorelbine (2024). PET 10/2026: new hilar and "
        "subcarinal adenopathy -> recurrence.",
        {("disease_status", "worsened")},
        set(),
    ),
    (
        "t41-status-lesions-arrow-recurrence guard: asked",
        "Stage IIB LUSC s/p lobectomy + adjuvant cisplatin/vinorelbine (2024). CT 10/2026: new 5 mm RLL nodule -> "
        "recurrence? Repeat CT in 3 months.",
        set(),
        {("disease_status", "worsened")},
    ),
    # --- a tissue-proven recurrence after an adjuvant course: no status (heldout's ho-127 labels none; a class reading it
    # was built for v40 and dropped, the older label standing) ---------------------------------------------------------
    (
        "t41-proven-recurrence-after-adjuvant guard: the older set's convention",
        "Hx: stage IIA LUAD s/p lobectomy 2023 + adjuvant carbo/vinorelbine x4. Now biopsy-proven recurrence in "
        "mediastinal nodes 10/2026.",
        set(),
        {("disease_status", "worsened")},
    ),
    # --- [t41-naive-question-answer-no] "...prior systemic therapy?  A: No" --------------------------------------------
    (
        "t41-naive-question-answer-no",
        "Stage IV NSCLC. Q2. Has the member received previous systemic therapy?  A: No",
        {("treatment_naive", "true")},
        set(),
    ),
    (
        "t41-naive-question-answer-no guard: no, but",
        "Stage IV NSCLC. Q2. Has the member received previous systemic therapy?  A: No, but adjuvant cisplatin in 2022.",
        set(),
        {("treatment_naive", "true")},
    ),
    (
        "t41-naive-question-answer-no guard: yes",
        "Stage IV NSCLC. Q2. Has the member received previous systemic therapy for this diagnosis?  A: Yes",
        set(),
        {("treatment_naive", "true")},
    ),
    # --- [t41-course-arrow-step] a course between a timeline's arrows, a request in a later step --------------------
    (
        "t41-course-arrow-step",
        "Course: 2/26 dx mCRC (liver) -> FOLFOX x8 -> PD 8/26 -> FOLFIRI + bev -> PD 11/26 -> PA for sotorasib + "
        "panitumumab.",
        {("therapy", "oxaliplatin"), ("therapy", "irinotecan"), ("therapy", "bevacizumab")},
        {("therapy", "sotorasib"), ("therapy", "panitumumab")},
    ),
    (
        "t41-course-arrow-step guard: the request's own step",
        "Course: dx 2/26 mCRC -> FOLFOX x8 -> PD 8/26 -> PA for FOLFIRI.",
        set(),
        {("therapy", "irinotecan")},
    ),
    (
        "t41-course-arrow-step guard: options in arrows",
        "Options: 2/26 dx mCRC -> PA for FOLFOX -> if PD then FOLFIRI -> then trial.",
        set(),
        {("therapy", "oxaliplatin"), ("therapy", "irinotecan")},
    ),
    # --- [t41-naive-patient-wrote-no] an intake question answered by the patient ------------------------------------
    (
        "t41-naive-patient-wrote-no",
        'INTAKE FORM (self-completed): "Have you ever received cancer treatment in the past (chemo, pills, radiation)?" '
        'Patient answered: "No." Referral dx: squamous cell carcinoma of the right lung, stage IIB.',
        {("treatment_naive", "true")},
        set(),
    ),
    (
        "t41-naive-patient-wrote-no guard: no, but",
        'INTAKE FORM (self-completed): "Have you ever received cancer treatment in the past (chemo, pills, radiation)?" '
        'Patient answered: "No, but radiation to the chest in 2019." Referral dx: squamous cell carcinoma of the right '
        "lung, stage IIB.",
        set(),
        {("treatment_naive", "true")},
    ),
    (
        "t41-naive-patient-wrote-no guard: yes",
        'INTAKE FORM (self-completed): "Have you ever received cancer treatment in the past (chemo, pills, radiation)?" '
        'Patient answered: "Yes, chemo in 2024." Referral dx: squamous cell carcinoma of the right lung, stage IIB.',
        set(),
        {("treatment_naive", "true")},
    ),
    # --- [t41-status-mixed-sided-new-lesion] "... smaller but new 12 mm left adrenal mass" ----------------------------
    (
        "t41-status-mixed-sided-new-lesion",
        "CT 11/2026 on sotorasib: liver mets smaller but new 12 mm left adrenal mass; overall mixed response.",
        {("disease_status", "improved"), ("disease_status", "worsened")},
        set(),
    ),
    (
        "t41-status-mixed-sided-new-lesion guard: indeterminate",
        "CT 11/2026 on sotorasib: liver mets smaller but new 12 mm left adrenal nodule, indeterminate, likely adenoma.",
        {("disease_status", "improved")},
        {("disease_status", "worsened")},
    ),
    (
        "t41-status-mixed-sided-new-lesion guard: negated",
        "CT 11/2026 on sotorasib: liver mets smaller, but no new left adrenal nodule.",
        set(),
        {("disease_status", "worsened")},
    ),
    # --- [t41-cycle-dated-given] an order's next line "C3D1 <date> given" -----------------------------------------------
    (
        "t41-cycle-dated-given",
        "INFUSION ORDER: cetuximab 500 mg/m2 IV q14d with adagrasib 400 mg PO BID (mCRC, KRAS G12C). C3D1 12/01/26 given.",
        {("therapy", "cetuximab"), ("therapy", "adagrasib")},
        set(),
    ),
    (
        "t41-cycle-dated-given guard: a condition",
        "INFUSION ORDER: cetuximab 500 mg/m2 IV q14d with adagrasib 400 mg PO BID (mCRC, KRAS G12C). C1D1 12/09/26 given "
        "if ANC ok.",
        set(),
        {("therapy", "cetuximab"), ("therapy", "adagrasib")},
    ),
    (
        "t41-cycle-dated-given guard: to be given",
        "INFUSION ORDER: cetuximab 500 mg/m2 IV q14d with adagrasib 400 mg PO BID (mCRC, KRAS G12C). C1D1 12/09/26 to be "
        "given.",
        set(),
        {("therapy", "cetuximab"), ("therapy", "adagrasib")},
    ),
    # --- [t41-stage-after-luad] "LUSC IIIB", "LUAD IVA (bone)" -------------------------------------------------------
    (
        "t41-stage-after-luad",
        "Onc f/u: 66F LUSC IIIB s/p chemoRT + durvalumab, here for cough.",
        {("stage", "3"), ("histology", "nsclc")},
        set(),
    ),
    (
        "t41-stage-after-luad",
        "Tumor board: 58M LUAD IVA (pleural nodules), PD-L1 5%, KRAS G12C.",
        {("stage", "4")},
        set(),
    ),
    (
        "t41-stage-after-luad guard: a genomics cohort",
        "Journal club: the TCGA-LUAD II subset had fewer KRAS mutations.",
        set(),
        {("stage", "2"), ("histology", "nsclc")},
    ),
    (
        "t41-stage-after-luad guard: iv in lower case",
        "Pt with LUAD, iv fluids overnight for dehydration.",
        set(),
        {("stage", "4")},
    ),
    # --- [t41-mono-to-be-given-ticked] "<inhibitor> to be given: [X] Alone  [ ] With ..." ------------------------------
    (
        "t41-mono-to-be-given-ticked",
        "5. Adagrasib to be given: [X] Alone  [ ] With cetuximab or other agents",
        {("monotherapy", "true")},
        set(),
    ),
    (
        "t41-mono-to-be-given-ticked guard: both ticked",
        "5. Adagrasib to be given: [X] Alone  [X] With cetuximab or other agents",
        set(),
        {("monotherapy", "true")},
    ),
    (
        "t41-mono-to-be-given-ticked guard: the combination ticked",
        "5. Adagrasib to be given: [ ] Alone  [X] With cetuximab or other agents",
        set(),
        {("monotherapy", "true")},
    ),
    (
        "t41-mono-to-be-given-ticked guard: another drug class",
        "5. Pembrolizumab to be given: [X] Alone  [ ] With chemotherapy",
        set(),
        {("monotherapy", "true")},
    ),
    # --- [t41-answer-label-yes] a question set's question answered "A: Yes" ------------------------------------------
    (
        "t41-answer-label-yes",
        "Stage IV NSCLC, KRAS G12C (tissue NGS). Q6. Will sotorasib be used as monotherapy?  A: Yes",
        {("monotherapy", "true")},
        set(),
    ),
    (
        "t41-answer-label-yes guard: answered no",
        "Stage IV NSCLC, KRAS G12C (tissue NGS). Q6. Will sotorasib be used as monotherapy?  A: No -- with panitumumab",
        set(),
        {("monotherapy", "true")},
    ),
    (
        "t41-answer-label-yes guard: not answered",
        "Stage IV NSCLC, KRAS G12C (tissue NGS). Q6. Will sotorasib be used as monotherapy?  A: pending",
        set(),
        {("monotherapy", "true")},
    ),
    # --- [t41-status-smaller-than-month] two sites smaller than a month or the last scan ------------------------------
    (
        "t41-status-smaller-than-month",
        "Patient on sotorasib. The scan shows the tumors in the lung and liver are smaller than in August.",
        {("disease_status", "improved")},
        set(),
    ),
    (
        "t41-status-smaller-than-month",
        "CT 11/2026 on adagrasib: the mets in the liver and bones are a little smaller than on the last scan.",
        {("disease_status", "improved")},
        set(),
    ),
    (
        "t41-status-smaller-than-month guard: no time",
        "CT 11/2026 on adagrasib: the mets in the liver and bones are smaller than expected for their uptake.",
        set(),
        {("disease_status", "improved")},
    ),
    (
        "t41-status-smaller-than-month guard: asked",
        "Patient on sotorasib. Daughter asked if the tumors in the lung and liver are smaller than in August; scan is next "
        "week.",
        set(),
        {("disease_status", "improved")},
    ),
    # --- (2026-12-05) the lead's reviewer's findings: each a narrowing, each guard read wrongly before its fix ---------
    (
        "t41-status-mixed-sided-new-lesion review guard: a benign call after the lesion",
        "NSCLC adenocarcinoma stage IV, KRAS G12C. On sotorasib.\nCT: primary smaller but new 6 mm R hepatic lesion, likely "
        "hemangioma.",
        {("disease_status", "improved")},
        {("disease_status", "worsened")},
    ),
    (
        "t41-status-mixed-sided-new-lesion review guard: lipid-rich",
        "NSCLC adenocarcinoma stage IV, KRAS G12C. On sotorasib.\nCT: primary smaller but new R adrenal nodule (lipid-rich, "
        "0 HU).",
        set(),
        {("disease_status", "worsened")},
    ),
    (
        "t41-status-mixed-sided-new-lesion review guard: a condition",
        "NSCLC adenocarcinoma stage IV, KRAS G12C. On sotorasib.\nWould be concerning if primary shrinks but new R adrenal "
        "nodule appears.",
        set(),
        {("disease_status", "worsened")},
    ),
    (
        "t41-naive-question-answer-no review guard: one class, another question answered Yes",
        "NSCLC adenocarcinoma stage IV, KRAS G12C.\nQ3. Prior targeted therapy? A: No\nQ4. Prior chemotherapy? A: Yes - "
        "carboplatin/pemetrexed x4",
        {("therapy", "carboplatin")},
        {("treatment_naive", "true")},
    ),
    (
        "t41-naive-question-answer-no review guard: one class",
        "NSCLC adenocarcinoma stage IV, KRAS G12C.\nQ3. Prior immunotherapy? A: No",
        set(),
        {("treatment_naive", "true")},
    ),
    (
        "t41-naive-question-answer-no review guard: a bracket after the No",
        "Stage IV NSCLC. Q3. Has the patient received prior systemic therapy for this diagnosis? A: No (adjuvant "
        "cisplatin/vinorelbine 2023 for early stage)",
        set(),
        {("treatment_naive", "true")},
    ),
    (
        "t41-naive-patient-wrote-no review guard: one class",
        'Stage IV NSCLC.\nIntake: Have you ever received immunotherapy? -- Patient wrote: "No"',
        set(),
        {("treatment_naive", "true")},
    ),
    (
        "t41-naive-patient-wrote-no review guard: corrected",
        "Stage IV NSCLC.\nIntake: Have you ever had cancer treatment before (chemo, immunotherapy, pills)? -- Patient "
        'wrote: "No." Spouse corrected: had 4 cycles of carboplatin/paclitaxel in 2024.',
        set(),
        {("treatment_naive", "true")},
    ),
    (
        "t41-answer-label-yes review guard: the printed choice",
        "Stage IV NSCLC adenocarcinoma.\nQ2. Is the tumor KRAS G12C positive? Answer: Yes / No / Pending",
        set(),
        {("kras", "g12c_present")},
    ),
    (
        "t41-answer-label-yes review guard: Y/N",
        "72M NSCLC stage IV.\nDoes the patient have a history of interstitial lung disease or pneumonitis? A: Y/N",
        set(),
        {("ild", "true")},
    ),
    (
        "t41-answer-label-yes review guard: a bare Yes / No (main's too)",
        "72M NSCLC stage IV.\nDoes the patient have a history of interstitial lung disease or pneumonitis? Yes / No",
        set(),
        {("ild", "true")},
    ),
    (
        "t41-boxes-of-next-question review guard: a label with no answer",
        "PRIOR AUTHORIZATION FORM - LUMAKRAS\nDiagnosis: NSCLC adenocarcinoma stage IV\nHistory of interstitial lung "
        "disease or pneumonitis\nIs the patient currently taking any acid-reducing agents? [X] Yes [ ] No",
        set(),
        {("ild", "true")},
    ),
    (
        "t41-boxes-of-next-question (kept by the review fix): the answer under a label ending its line above",
        "Prior systemic therapies (drug / dates / outcome):\n  cisplatin + etoposide / 2/2026-6/2026 / progression\n"
        "Will be used as monotherapy? [X] Yes  [ ] No",
        {("therapy", "cisplatin"), ("therapy", "etoposide")},
        set(),
    ),
    (
        "t41-boxes-of-next-question review guard: a heading",
        "PRIOR AUTHORIZATION FORM - LUMAKRAS\nDiagnosis: NSCLC adenocarcinoma stage IV, KRAS G12C\nSection 4 - "
        "Interstitial lung disease / pneumonitis history\nDoes the patient have adequate hepatic function? [X] Yes [ ] No",
        set(),
        {("ild", "true")},
    ),
    (
        "t41-mono-to-be-given-ticked review guard: alone or in combination",
        "NSCLC stage IV, KRAS G12C.\nSotorasib to be given: [X] Alone or in combination per treating physician",
        set(),
        {("monotherapy", "true")},
    ),
    (
        "t41-mono-to-be-given-ticked review guard: plus ticked",
        "NSCLC stage IV, KRAS G12C.\nSotorasib to be given: [X] Alone [X] Plus panitumumab",
        set(),
        {("monotherapy", "true")},
    ),
    (
        "t41-mono-to-be-given-ticked review guard: a combination question ticked Yes",
        "NSCLC stage IV, KRAS G12C.\nSotorasib to be given: [x] Alone   [ ] With other agents\nWill the drug be used in "
        "combination with other anticancer therapy? [X] Yes [ ] No",
        set(),
        {("monotherapy", "true")},
    ),
    (
        "t41-mono-to-be-given-ticked review guard: main's monotherapy beside a combination ticked Yes",
        "NSCLC stage IV, KRAS G12C. Sotorasib 960 mg daily monotherapy.\nWill the drug be used in combination with other "
        "anticancer therapy? [X] Yes [ ] No",
        set(),
        {("monotherapy", "true")},
    ),
    (
        "t41-treated-with-list review guard: ', and' ends the list; a drug to be added",
        "CRC adenocarcinoma of the colon stage IV, KRAS G12C. We request coverage of sotorasib with panitumumab for Ms. R, "
        "previously treated with FOLFOX and bevacizumab, and panitumumab will be added.",
        {("therapy", "oxaliplatin"), ("therapy", "bevacizumab")},
        {("therapy", "panitumumab")},
    ),
    (
        "t41-status-smaller-than-month review guard: hoped",
        "NSCLC stage IV, KRAS G12C. On sotorasib since 8/2026.\nHoping the lesions in the liver and lung are smaller than "
        "in August on next scan.",
        set(),
        {("disease_status", "improved")},
    ),
    (
        "t41-status-smaller-than-month review guard: 'may' is no month",
        "NSCLC stage IV, KRAS G12C. On sotorasib since 8/2026.\nThe lesions in the liver and lung are smaller than may be "
        "appreciated on this limited non-contrast study.",
        set(),
        {("disease_status", "improved")},
    ),
    (
        "t41-status-smaller-than-month review guard: a past reading, a progression now",
        "NSCLC stage IV, KRAS G12C. On sotorasib since 8/2026.\nIn October the mets in the liver and lungs were smaller "
        "than in August; today's CT shows clear progression with new brain lesions.",
        {("disease_status", "worsened")},
        {("disease_status", "improved")},
    ),
    (
        "t41-cycle-dated-given review guard: a noun after given",
        "NSCLC stage IV, KRAS G12C.\nPlan: docetaxel 75 mg/m2 q3w.\nC1D1 12/10/26 given insurance approval pending.",
        set(),
        {("therapy", "docetaxel")},
    ),
    (
        "t41-cycle-dated-given review guard: asked",
        "NSCLC stage IV, KRAS G12C.\nPlan: docetaxel 75 mg/m2 q3w\nC1 12/10/26 given?",
        set(),
        {("therapy", "docetaxel")},
    ),
    (
        "t41-status-lesions-arrow-recurrence review guard: a past recurrence in brackets",
        "NSCLC stage IV, KRAS G12C. Treated with carboplatin/pemetrexed/pembrolizumab 2025.\nCT 11/2026: nodules -> "
        "recurrence (2024, treated); now stable, no new lesions.",
        set(),
        {("disease_status", "worsened")},
    ),
    (
        "t41-stage-after-luad review guard: a slide deck's title",
        'NSCLC adenocarcinoma, KRAS G12C, stage IB s/p lobectomy 2024.\nTumor board slide deck "LUAD III cases" reviewed.',
        {("stage", "1")},
        {("stage", "3")},
    ),
    (
        "t41-stage-after-luad review guard: LUAD negated",
        "Metastatic adenocarcinoma, KRAS G12C, primary unknown (colon vs lung).\nIHC: CK7-, CK20+, CDX2+, TTF-1 negative; "
        "pattern not typical of LUAD. Stage IV.",
        set(),
        {("stage", "4")},
    ),
]


@pytest.mark.parametrize(("name", "text", "wanted", "unwanted"), CASES, ids=[c[0] for c in CASES])
def test_wording_class(name: str, text: str, wanted: set, unwanted: set) -> None:  # type: ignore[type-arg]
    assert_reads(name, text, wanted, unwanted)
