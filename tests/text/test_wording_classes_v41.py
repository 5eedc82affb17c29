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
        "t42-answer-after-question: a clinician's answer about her",
        "New lung adenocarcinoma, RUL. She asked whether she has had chemo yet -- Dr. Lund explained that she has not "
        "received any cancer treatment so far.",
        {NAIVE},
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

# (review fix) Guards of the five readings a reviewer found too wide (fixer fixt42): the reviewer's texts, each with a
# look-alike of our own. None of them may give the pair named.
STABLE = ("disease_status", "stable")
MONO = ("monotherapy", "true")
REVIEW_GUARDS = [
    # 1. [t42-answer-after-question]: only an answer whose subject is her, never a THERAPY / STATUS finding, not of people
    # in general, and no naive reading with "since" after it or a drug named in its sentence.
    (
        "answer: a rule for patients",
        "Pt asked whether treatment-naive patients can get sotorasib -- Dr. Lee explained "
        "treatment-naive patients are not eligible.",
        NAIVE,
    ),
    (
        "answer: who can enrol",
        "Pt asked about the trial: Dr. Lee explained that patients who have not received any "
        "cancer treatment can enroll.",
        NAIVE,
    ),
    (
        "answer: in general",
        "She asked about the CT: Dr. Patel explained that in general disease is stable on treatment for most patients.",
        STABLE,
    ),
    (
        "answer: of a drug",
        "KRAS G12C NSCLC. Pt asked whether sotorasib could be combined with panitumumab -- Dr. Ruiz "
        "explained that sotorasib is usually given as monotherapy for lung cancer.",
        ("therapy", "sotorasib"),
    ),
    (
        "answer: none since",
        "Stage IV NSCLC. Pt asked whether she has had chemo -- no, she has not had chemo since 2024, "
        "when she completed carboplatin/pemetrexed.",
        NAIVE,
    ),
    (
        "answer look-alike: people who never had it",
        "Stage IV lung adenocarcinoma. He asked whether the trial takes "
        "people like him -- Dr. Owusu explained that people who have never had chemotherapy qualify.",
        NAIVE,
    ),
    # 2. [t42-explained-own-state]: the cue ends its clause; nothing after it takes it back.
    (
        "explained: other than",
        "Explained that she has not received any cancer treatment that would disqualify her, "
        "other than the pembrolizumab she finished in May.",
        NAIVE,
    ),
    (
        "explained: for the purposes of",
        "Explained that he is treatment-naive for the purposes of the trial, although he "
        "received adjuvant cisplatin/vinorelbine in 2023.",
        NAIVE,
    ),
    (
        "explained look-alike: other than a trial drug",
        "Explained that he has not received any systemic therapy other than the osimertinib trial drug in 2024.",
        NAIVE,
    ),
    # 3. [t42-mono-bare-combination-boxed]: another drug named in the question or before it on its line; "[X] N/A".
    (
        "combination: of a prior drug",
        "Request: sotorasib 960 mg daily for KRAS G12C NSCLC.\nPrior therapy: docetaxel. "
        "Was docetaxel given in combination?  [X] No / Plan: sotorasib plus panitumumab.",
        MONO,
    ),
    (  # the row above gives no monotherapy at da934c0 either (its plan's "plus panitumumab"); this one did
        "combination: of a prior drug, no plan after",
        "Request: sotorasib 960 mg daily for KRAS G12C NSCLC.\nPrior therapy: docetaxel. "
        "Was docetaxel given in combination?  [X] No",
        MONO,
    ),
    (
        "combination: of a prior regimen",
        "Request: sotorasib 960 mg daily for KRAS G12C NSCLC.\nPrior regimen: FOLFOX. "
        "Oxaliplatin used in combination?  [ ] Yes  [X] No",
        MONO,
    ),
    ("combination: N/A", "Request: sotorasib 960 mg daily for KRAS G12C NSCLC. Used in combination?  [X] N/A", MONO),
    (
        "combination look-alike: a doublet's drug",
        "Request: adagrasib 600 mg twice daily for KRAS G12C NSCLC.\nPrior "
        "line: carboplatin/pemetrexed. Pemetrexed given in combination?  [ ] Yes  [X] No",
        MONO,
    ),
    (
        "combination look-alike: N/A after",
        "Request: adagrasib 600 mg twice daily for KRAS G12C NSCLC. Taken in combination?  [X] N/A (new start)",
        MONO,
    ),
    # 4. [t42-naive-summary-fields]: another treatment cell on the row coded as given or naming a drug.
    (
        "registry: immunotherapy given",
        "RX Summ--Chemo: 00 None    RX Summ--Hormone: 00 None    RX Summ--Immunotherapy: 01 Pembrolizumab",
        NAIVE,
    ),
    ("registry: a targeted drug", "Chemo: 00 None    Hormone: 00 None    Targeted: sotorasib started 3/2026", NAIVE),
    (
        "registry look-alike: BRM coded given",
        "CANCER REGISTRY -- first course, lung C34.1\nRX Summ--Chemo: 00 None    "
        "RX Summ--Immunotherapy: 00 None    RX Summ--BRM: 01 Given\n",
        NAIVE,
    ),
    # 5. [t42-status-disease-controlled]: a disease of its own name, control as a goal, control that ended.
    ("controlled: Crohn's", "Stage IV lung adenocarcinoma. PMH: Crohn's disease controlled on infliximab.", STABLE),
    (
        "controlled: COPD and thyroid",
        "Stage IV lung adenocarcinoma. COPD, disease well controlled on inhalers. Thyroid disease controlled.",
        STABLE,
    ),
    (
        "controlled: a goal",
        "Stage IV lung adenocarcinoma. Plan: sotorasib; goal is to keep disease controlled.",
        STABLE,
    ),
    ("controlled: until", "New liver mets on CT. Disease was controlled on pembrolizumab until 2025.", STABLE),
    (
        "controlled look-alike: celiac",
        "Stage IV lung adenocarcinoma on sotorasib. PMH: hypertension, celiac disease controlled with diet.",
        STABLE,
    ),
    (
        "controlled look-alike: till",
        "Stage IV lung adenocarcinoma. New brain mets. Disease was well controlled on docetaxel till 8/2026.",
        STABLE,
    ),
]


@pytest.mark.parametrize(("name", "text", "wanted", "unwanted"), CASES, ids=[c[0] for c in CASES])
def test_wording_class(name: str, text: str, wanted: set, unwanted: set) -> None:  # type: ignore[type-arg]
    assert_reads(name, text, wanted, unwanted)


@pytest.mark.parametrize(("name", "text", "unwanted"), REVIEW_GUARDS, ids=[g[0] for g in REVIEW_GUARDS])
def test_review_guard(name: str, text: str, unwanted: tuple[str, str]) -> None:
    assert_reads(name, text, set(), {unwanted})
