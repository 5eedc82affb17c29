"""Classes of wording behind held-out v41's remaining misses (issue 13's forty-second pass, t42, session 31: v41 read
whole, after its safety pass t41s), each with sentences of our own (none copied from the held-out file) and a guard: a
case the class changes, and a case it must not. Labels are the scorer's (scripts/text_quality.py ``labels``), so a case
reads like a corpus item."""

from __future__ import annotations

import pytest

from tests.text.reading import assert_reads

NAIVE = ("treatment_naive", "true")

# (class, text, pairs that must be found, pairs that must not)
CASES = [
    # --- [t42-answer-after-question] a question and its answer in one sentence ---------------------------------------
    (
        "t42-answer-after-question",
        "New lung adenocarcinoma, RUL. Pt asked whether she has had chemo yet -- no, she has not received any cancer "
        "treatment so far.",
        {NAIVE},
        set(),
    ),
    (
        "t42-answer-after-question: a clinician's answer after a colon",
        "On sotorasib since 6/2026 for KRAS G12C NSCLC. He asked about the restaging CT: Dr. Lund explained the adrenal "
        "lesions are smaller.",
        {("disease_status", "improved")},
        set(),
    ),
    (
        "t42-answer-after-question guard: the question alone",
        "New lung adenocarcinoma, RUL. Pt asked whether she has not received any cancer treatment so far, as the "
        "clinic letter implied.",
        set(),
        {NAIVE},
    ),
    (
        "t42-answer-after-question guard: a question with no answer",
        "On sotorasib since 6/2026. He asked about whether the adrenal lesions are smaller on the new CT.",
        set(),
        {("disease_status", "improved")},
    ),
    # --- [t42-explained-own-state] what was explained to the patient about herself ----------------------------------
    (
        "t42-explained-own-state",
        "Navigator call: LLL adenocarcinoma on biopsy. Explained that scans are still pending and that he has not "
        "received any cancer treatment so far.",
        {NAIVE},
        set(),
    ),
    (
        "t42-explained-own-state guard: people in general",
        "Navigator call: LLL adenocarcinoma on biopsy. Explained that people who have not received any cancer "
        "treatment so far may join the study.",
        set(),
        {NAIVE},
    ),
    # --- [t42-naive-planned-or-given] none planned or given ---------------------------------------------------------
    (
        "t42-naive-planned-or-given",
        "Assessment: stage IA2 squamous cell carcinoma of the RLL, for wedge resection. No chemotherapy or other "
        "anticancer therapy is planned or has been given.",
        {NAIVE},
        set(),
    ),
    (
        "t42-naive-planned-or-given guard: none planned only",
        "Assessment: stage IA2 squamous cell carcinoma of the RLL, for wedge resection. No chemotherapy or other "
        "anticancer therapy is planned.",
        set(),
        {NAIVE},
    ),
    # --- [t42-naive-summary-fields] a registry's "RX Summ--" cells apart by column gaps -----------------------------
    (
        "t42-naive-summary-fields",
        "CANCER REGISTRY -- first course\nPrimary: C34.3  Histology: 8140/3 Adenocarcinoma  Stage: 2B\n"
        "RX Summ--Surg: 30 Lobectomy    RX Summ--Chemo: 00 None    RX Summ--Hormone: 00 None\n",
        {NAIVE},
        set(),
    ),
    (
        "t42-naive-summary-fields: bare field names",
        "Registry abstract. Primary site C34.1, adenocarcinoma, stage 3B.\n"
        "Radiation: 1 Beam    Chemo: 00 None\tImmunotherapy: 00 None\n",
        {NAIVE},
        set(),
    ),
    (
        "t42-naive-summary-fields guard: immunotherapy coded as given",
        "CANCER REGISTRY -- first course\nPrimary: C34.3  Histology: 8140/3 Adenocarcinoma  Stage: 2B\n"
        "RX Summ--Chemo: 00 None    RX Summ--Immunotherapy: 01 Pembrolizumab\n",
        set(),
        {NAIVE},
    ),
    (
        "t42-naive-summary-fields guard: the chemotherapy cell alone",
        "CANCER REGISTRY -- first course\nPrimary: C34.3  Histology: 8140/3 Adenocarcinoma  Stage: 2B\n"
        "RX Summ--Chemo: 00 None    RX Summ--Radiation: 1 Beam radiation\n",
        set(),
        {NAIVE},
    ),
    # --- [t42-denial-title-request] a denial notice's title, then the member's request ----------------------------
    (
        "t42-denial-title-request",
        "DENIAL NOTICE: the member requested adagrasib 400 mg twice daily as monotherapy for KRAS G12C NSCLC.\n"
        "Reason: step therapy not met.",
        {("monotherapy", "true")},
        set(),
    ),
    (
        "t42-denial-title-request guard: the denial's reasoning stays general",
        "The denial was based on the plan's rule that adagrasib be used as monotherapy only after chemotherapy.",
        set(),
        {("monotherapy", "true")},
    ),
    # --- [t42-status-lesions-not-seen] a response, then other lesions not seen --------------------------------------
    (
        "t42-status-lesions-not-seen",
        "On carboplatin/pemetrexed/pembrolizumab. Restaging CT 10/2026: near-CR in the lung, hepatic lesions not seen.",
        {("disease_status", "improved")},
        set(),
    ),
    (
        "t42-status-lesions-not-seen guard: the response itself not seen",
        "On carboplatin/pemetrexed/pembrolizumab. Restaging CT 10/2026: no complete response in the lung, hepatic "
        "lesions not seen.",
        set(),
        {("disease_status", "improved")},
    ),
    # --- [t42-mono-bare-combination-boxed] "in combination?" answered by a ticked box ------------------------------
    (
        "t42-mono-bare-combination-boxed",
        "RENEWAL REQUEST -- adagrasib. Response: PR. Given in combination?  [X] No",
        {("monotherapy", "true")},
        set(),
    ),
    (
        "t42-mono-bare-combination-boxed guard: the Yes box ticked",
        "RENEWAL REQUEST -- adagrasib. Response: PR. Given in combination?  [ ] No  [X] Yes",
        set(),
        {("monotherapy", "true")},
    ),
    # --- [t42-box-of-next-cell] a two-column checklist's "[N]" answers its own cell --------------------------------
    (
        "t42-box-of-next-cell",
        "TRIAL PRE-SCREEN -- Subject 0000-014, stage IV lung adenocarcinoma\n"
        "[Y] No prior chemotherapy or immunotherapy        [N] Brain metastases",
        {NAIVE},
        set(),
    ),
    (
        "t42-box-of-next-cell guard: a lone [N] closing the row",
        "TRIAL PRE-SCREEN -- Subject 0000-014, stage IV lung adenocarcinoma\n"
        "[Y] No prior chemotherapy or immunotherapy     [N]",
        set(),
        {NAIVE},
    ),
    # --- [t42-denial-dated-reference] an appeal's "re: denial dated ..." -------------------------------------------
    (
        "t42-denial-dated-reference",
        "To Riverbend Health Plan (fictitious) Appeals Unit -- re: denial dated 10/02/2026\nI write for my patient, a "
        "58-year-old woman with metastatic KRAS G12C lung adenocarcinoma (bone, brain),\nwho progressed on docetaxel "
        "(CT 9/2026).",
        {("kras", "g12c_present"), ("histology", "nsclc"), ("spread", "metastatic"), ("disease_status", "worsened")},
        set(),
    ),
    (
        "t42-denial-dated-reference guard: the drug denied named before 'denial'",
        "APPEAL -- Re: adagrasib denial dated 10/02/2026\nI write for my patient, a 70-year-old woman with metastatic "
        "KRAS G12C lung adenocarcinoma (liver), who progressed on docetaxel. I request adagrasib 600 mg twice daily.",
        {("therapy", "docetaxel")},
        {("therapy", "adagrasib")},
    ),
    (
        "t42-denial-dated-reference guard: the denial's reasoning",
        "The denial cited the policy: patients with KRAS G12C NSCLC qualify after progression.",
        set(),
        {("kras", "g12c_present"), ("histology", "nsclc"), ("disease_status", "worsened")},
    ),
    # --- [t42-naive-had-none-of-it] the treatment named, then "has not had any" -------------------------------------
    (
        "t42-naive-had-none-of-it",
        "Stage IV lung adenocarcinoma, pleural effusion drained. Onc to see her Monday to discuss start of systemic "
        "treatment, she has not received any.",
        {NAIVE},
        set(),
    ),
    (
        "t42-naive-had-none-of-it guard: one class",
        "Stage IV lung adenocarcinoma. Plan: start of immunotherapy next week -- pt has not yet had any.",
        set(),
        {NAIVE},
    ),
    (
        "t42-naive-had-none-of-it guard: 'any' with its own object",
        "Stage IV lung adenocarcinoma. Plan start of cancer therapy as outpatient -- he has not had any pain since the "
        "drain.",
        set(),
        {NAIVE},
    ),
    # --- [t42-status-disease-controlled] the disease "controlled" -------------------------------------------------
    (
        "t42-status-disease-controlled",
        "Impression: new brain met (single, 6 mm), SRS planned; remaining sites of disease are well controlled on "
        "adagrasib.",
        {("disease_status", "stable"), ("therapy", "adagrasib")},
        set(),
    ),
    (
        "t42-status-disease-controlled guard: uncontrolled",
        "CT: uncontrolled disease in the liver despite FOLFIRI.",
        set(),
        {("disease_status", "stable")},
    ),
    (
        "t42-status-disease-controlled guard: a controlled trial",
        "Randomized controlled trial of sotorasib vs docetaxel discussed; lesions measured per RECIST.",
        set(),
        {("disease_status", "stable")},
    ),
]


@pytest.mark.parametrize(("name", "text", "wanted", "unwanted"), CASES, ids=[c[0] for c in CASES])
def test_wording_class(name: str, text: str, wanted: set, unwanted: set) -> None:  # type: ignore[type-arg]
    assert_reads(name, text, wanted, unwanted)
