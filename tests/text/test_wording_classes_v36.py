"""Classes of wording behind held-out v36's errors (read whole: misses and false facts) and v35's remaining false facts
(issue 13's thirty-seventh pass, t37, session 26), each with sentences of our own (none copied from the held-out files)
and a guard: a case the class changes, and one it must leave as it was. Labels are the scorer's
(scripts/text_quality.py ``labels``), so a case reads like a corpus item."""

from __future__ import annotations

import pytest

from tests.text.reading import assert_reads

# (class, text, pairs that must be found, pairs that must not)
CASES = [
    # --- [t37-start-after-note] a start dated after the note's own date ------------------------------------------------
    (
        "t37-start-after-note",
        "PHARMACY TEACHING NOTE 03/02/2027\nMedication: adagrasib 600 mg twice daily - start date 03/09/27.\n"
        "Reviewed nausea and QTc precautions.",
        set(),
        {("therapy", "adagrasib")},
    ),
    (
        "t37-start-after-note",
        "Assessment/plan 04/20/2027\n# Extensive-stage small cell lung cancer, new.\n - C1D1 cisplatin/etoposide 04/23",
        set(),
        {("therapy", "cisplatin"), ("therapy", "etoposide")},
    ),
    (
        "t37-start-after-note guard: a start dated before the note",
        "PHARMACY TEACHING NOTE 03/02/2027\nMedication: adagrasib 600 mg twice daily - start date 02/20/27.\n"
        "Reviewed nausea.",
        {("therapy", "adagrasib")},
        set(),
    ),
    (
        "t37-start-after-note guard: a cycle the line says was given",
        "Infusion note 05/04/2027\nC1D1 carboplatin/pemetrexed given today, next 05/25.",
        {("therapy", "carboplatin"), ("therapy", "pemetrexed")},
        set(),
    ),
    # --- [t37-study-field-screening] a screening log's study field ----------------------------------------------------
    (
        "t37-study-field-screening",
        "TRIAL PRE-SCREENING RECORD - screen failed 02/11/2027\nStudy: divarasib + cetuximab in 2L colorectal cancer "
        "(invented protocol RIVER-9)\nPt: mCRC, KRAS G12C, prior FOLFOX.",
        {("therapy", "oxaliplatin")},
        {("therapy", "divarasib"), ("therapy", "cetuximab")},
    ),
    (
        "t37-study-field-screening guard: a study field of a patient on study",
        "RESEARCH VISIT C4D1\nStudy: sotorasib + panitumumab (invented protocol SEA-12)\nSotorasib taken daily, "
        "panitumumab given today.",
        {("therapy", "sotorasib"), ("therapy", "panitumumab")},
        set(),
    ),
    # --- [t37-selected-regimen] a pathway tool's selected regimen ------------------------------------------------------
    (
        "t37-selected-regimen",
        "Pathway tool: NSCLC stage IV, 2L. Selected regimen: adagrasib 600 mg BID - on pathway. Start pending approval.",
        set(),
        {("therapy", "adagrasib")},
    ),
    # --- [t37-agree-with-line] agreement with a line of therapy still to give ------------------------------------------
    (
        "t37-agree-with-line",
        "Second opinion: stage IV NSCLC, no systemic therapy so far. I agree with first-line carboplatin/pemetrexed.",
        set(),
        {("therapy", "carboplatin"), ("therapy", "pemetrexed")},
    ),
    (
        "t37-agree-with-line guard: agreement with continuing a drug",
        "I agree with continuing sotorasib; restaging CT shows stable disease.",
        {("therapy", "sotorasib")},
        set(),
    ),
    # --- [t37-when-time-comes] a drug for a time still to come ----------------------------------------------------------
    (
        "t37-when-time-comes",
        "Currently on carboplatin/pemetrexed/pembrolizumab. Adagrasib alone as second line when the time comes.",
        {("therapy", "carboplatin")},
        {("therapy", "adagrasib")},
    ),
    (
        "t37-when-time-comes",
        "Avis : poursuivre la chimiothérapie ; adagrasib en deuxième ligne le moment venu.",
        set(),
        {("therapy", "adagrasib")},
    ),
    # --- [t37-wonder-about] a doubt put as a question ---------------------------------------------------------------------
    (
        "t37-wonder-about",
        "On adagrasib since May. New dry cough; I wonder about drug pneumonitis, please see her soon.",
        {("therapy", "adagrasib")},
        {("ild", "true")},
    ),
    (
        "t37-wonder-about guard: a pneumonitis diagnosed, a wonder about something else",
        "History of radiation pneumonitis in 2024; I wonder about her fatigue.",
        {("ild", "true")},
        set(),
    ),
    # --- [t37-disagree-diagnosis] a pathologist's disagreement ----------------------------------------------------------
    (
        "t37-disagree-diagnosis",
        "Review diagnosis: small cell carcinoma of the lung. We disagree with the referring diagnosis of squamous cell "
        "carcinoma.",
        {("histology", "sclc")},
        {("histology", "nsclc")},
    ),
    (
        "t37-disagree-diagnosis guard: agreement keeps the diagnosis",
        "Lung core biopsy reviewed. We agree with the outside diagnosis of adenocarcinoma.",
        {("histology", "nsclc")},
        set(),
    ),
    # --- [t37-general-tumours] [t37-plan-requires] general facts and a plan's requirement --------------------------------
    (
        "t37-general-tumours",
        "Counselled the daughter: KRAS G12C in tumours is acquired, not passed on in families. She has no cancer.",
        set(),
        {("kras", "g12c_present")},
    ),
    (
        "t37-general-tumours guard: a tumour's own result",
        "Tumour NGS (lung, 2026): KRAS G12C detected, VAF 18%.",
        {("kras", "g12c_present")},
        set(),
    ),
    (
        "t37-plan-requires",
        "Claims note: panitumumab paid; the health plan requires RAS wild-type for anti-EGFR drugs.",
        set(),
        {("kras", "g12c_absent")},
    ),
    (
        "t37-plan-requires guard: a RAS result reported",
        "Extended RAS testing: KRAS wild-type, NRAS wild-type.",
        {("kras", "g12c_absent")},
        set(),
    ),
    # --- [t37-rejection-notice] a laboratory's rejection notice ---------------------------------------------------------
    (
        "t37-rejection-notice",
        "SAMPLE REJECTED - molecular laboratory notice\nSample: blood for KRAS G12C cfDNA test. Haemolysed. No result "
        "issued; please recollect.",
        set(),
        {("kras", "g12c_present")},
    ),
    (
        "t37-rejection-notice guard: a report naming an earlier rejected sample",
        "MOLECULAR REPORT\nA first sample was rejected (haemolysed). Repeat plasma: KRAS G12C detected (0.7%).",
        {("kras", "g12c_present")},
        set(),
    ),
    # --- [t37-device-log] a machine's log holding no patient data --------------------------------------------------------
    (
        "t37-device-log",
        "PUMP AUDIT LOG - unit 000, bay 2\n09:14 infusion start (bag: oxaliplatin). 11:20 end.\nNo patient-identifiable "
        "information is stored in this log.",
        set(),
        {("therapy", "oxaliplatin")},
    ),
    (
        "t37-device-log guard: a nurse's note of the same infusion",
        "INFUSION NURSING NOTE\nOxaliplatin 85 mg/m2 given over 2 h, no reaction.",
        {("therapy", "oxaliplatin")},
        set(),
    ),
    # --- [t37-status-until] a status a condition waits for ---------------------------------------------------------------
    (
        "t37-status-until",
        "Occupational health: lung adenocarcinoma on sotorasib. No return to heavy work unless imaging stable at 3 months.",
        {("therapy", "sotorasib")},
        {("disease_status", "stable")},
    ),
    (
        "t37-status-until guard: a maintenance until progression",
        "Lung adenocarcinoma: carboplatin/pemetrexed x4, then pemetrexed maintenance until PD in 06/2026.",
        {("disease_status", "worsened")},
        set(),
    ),
    # --- [t37-status-nodule-before-biopsy] growth that led to the diagnosis --------------------------------------------
    (
        "t37-status-nodule-before-biopsy",
        "Pulmonary clinic: LLL nodule enlarged 7 -> 13 mm; biopsy 01/2027: adenocarcinoma. Stage IA2. Surgery planned.",
        {("histology", "nsclc")},
        {("disease_status", "worsened")},
    ),
    (
        "t37-status-nodule-before-biopsy guard: a nodule growing on a drug",
        "On sotorasib since 2026. LLL nodule enlarged 7 -> 13 mm; biopsy: adenocarcinoma, same as before.",
        {("disease_status", "worsened")},
        set(),
    ),
    # --- [t37-colon-patient] a match heading, then the patient -----------------------------------------------------------
    (
        "t37-colon-patient",
        "Possible match for trial AB-000 (pan-RAS inhibitor): 58F, KRAS G12C lung adenocarcinoma, stage IV, "
        "received carboplatin/pemetrexed.",
        {("kras", "g12c_present"), ("stage", "4"), ("therapy", "carboplatin")},
        set(),
    ),
    # --- [t37-ild-resolved-after-aside] a negation closed inside an earlier parenthesis ------------------------------------
    (
        "t37-ild-resolved-after-aside",
        "Stage IB lung adenocarcinoma, lobectomy 2024 (no chemotherapy), then grade 2 radiation pneumonitis, resolved.",
        {("ild", "true")},
        set(),
    ),
    (
        "t37-ild-resolved-after-aside guard: a negation of the pneumonitis itself",
        "No pneumonitis (cough resolved on antibiotics).",
        set(),
        {("ild", "true")},
    ),
    # --- [t37-ild-referral-dx-date] a referral's reason with its diagnosis date -----------------------------------------
    (
        "t37-ild-referral-dx-date",
        "Referred for checkpoint-inhibitor pneumonitis (diagnosed 06/2026, grade 2) for follow-up.",
        {("ild", "true")},
        set(),
    ),
    (
        "t37-ild-referral-dx-date guard: a referral to look for it",
        "Referred for pneumonitis evaluation, new cough on adagrasib.",
        set(),
        {("ild", "true")},
    ),
    # --- [t37-given-prior] a reason clause naming a past event ------------------------------------------------------------
    (
        "t37-given-prior",
        "Would avoid further immunotherapy given prior grade 3 pneumonitis on durvalumab.",
        {("ild", "true")},
        set(),
    ),
    # --- [t37-status-lesions-recurrence] lesions an imaging study calls a recurrence ---------------------------------------
    (
        "t37-status-lesions-recurrence",
        "Rectal cancer stage IIIA, adjuvant FOLFOX finished 2025. MRI 01/2027: two new liver lesions - recurrence.",
        {("disease_status", "worsened")},
        set(),
    ),
    (
        "t37-status-lesions-recurrence",
        "LS-SCLC treated with carboplatin/etoposide + RT in 2025. PET: new adrenal deposits consistent with relapse.",
        {("disease_status", "worsened")},
        set(),
    ),
    (
        "t37-status-lesions-recurrence guard: no drug in the text",
        "Lobectomy 2023, no adjuvant therapy. CT: pleural nodules c/w recurrence.",
        set(),
        {("disease_status", "worsened")},
    ),
    (
        "t37-status-lesions-recurrence guard: a question",
        "Lung adenocarcinoma on sotorasib; CT: nodule suspicious for recurrence.",
        set(),
        {("disease_status", "worsened")},
    ),
    # --- [t37-given-on-own-line] a flowsheet line recording the drug given -----------------------------------------------
    (
        "t37-given-on-own-line",
        "Regimen: FOLFOX + cetuximab C3 (adagrasib + cetuximab reviewed for later - NOT started)\n"
        "Cetuximab 500 mg/m2 IV - given 10:05-11:05\nOxaliplatin 85 mg/m2 IV - given",
        {("therapy", "cetuximab"), ("therapy", "oxaliplatin")},
        {("therapy", "adagrasib")},
    ),
    (
        "t37-given-on-own-line guard: how a drug will be given",
        "Specialty pharmacy form\nRx: adagrasib 600 mg BID + cetuximab (clinic-administered)\nStatus: not yet shipped",
        set(),
        {("therapy", "adagrasib"), ("therapy", "cetuximab")},
    ),
    # --- [t37-not-given-as-mono] the manner denied, not the drug -----------------------------------------------------------
    (
        "t37-not-given-as-mono",
        "mCRC, KRAS G12C: adagrasib + cetuximab since 09/2026, cycle 4. Adagrasib is not given as a single agent here.",
        {("therapy", "adagrasib"), ("therapy", "cetuximab")},
        set(),
    ),
    (
        "t37-not-given-as-mono guard: a drug not given",
        "Cetuximab was not given (infusion reaction risk reviewed); FOLFIRI continues.",
        {("therapy", "irinotecan")},
        {("therapy", "cetuximab")},
    ),
    # --- [t37-given-dated-aside] [t37-drug-comma-pd-aside] a plan's history in an aside ---------------------------------
    (
        "t37-given-dated-aside",
        "The team plans adagrasib alone after docetaxel (given 02/2026-06/2026, progressed).",
        {("therapy", "docetaxel")},
        {("therapy", "adagrasib")},
    ),
    (
        "t37-drug-comma-pd-aside",
        "Planned adagrasib monotherapy as 2L (1L: cisplatin/pemetrexed, PD).",
        {("therapy", "cisplatin"), ("therapy", "pemetrexed")},
        {("therapy", "adagrasib")},
    ),
    (
        "t37-given-dated-aside guard: an aside with no date",
        "Planned sotorasib (given with food) to start once approved.",
        set(),
        {("therapy", "sotorasib")},
    ),
    # --- [t37-best-resp] "best resp" ---------------------------------------------------------------------------------------
    (
        "t37-best-resp",
        "Prior lines: (1) adagrasib 2025-2026, best resp PR, then PD.",
        {("disease_status", "improved"), ("disease_status", "worsened")},
        set(),
    ),
    # --- [t37-dash-stage-verdict] [t37-stage-limited-extensive] small-cell staging ------------------------------------
    (
        "t37-stage-limited-extensive",
        "Mediastinal node FNA: small cell carcinoma. Staging PET: no distant disease - limited stage (stage IIIA, "
        "T2N2M0).",
        {("histology", "sclc"), ("stage", "3")},
        set(),
    ),
    (
        "t37-stage-limited-extensive guard: another primary",
        "Small cell carcinoma of the bladder, limited stage (stage II). Cystoscopy next month.",
        set(),
        {("stage", "2")},
    ),
    # --- [t37-spread-malignant-effusion] M1a by its effusion -----------------------------------------------------------
    (
        "t37-spread-malignant-effusion",
        "ES-SCLC diagnosed 01/2027 on the basis of a malignant pericardial effusion (cytology positive).",
        {("histology", "sclc"), ("spread", "metastatic")},
        set(),
    ),
    (
        "t37-spread-malignant-effusion guard: none found",
        "Lung adenocarcinoma, stage IIB. Thoracentesis: no malignant cells in the effusion; no malignant pleural "
        "effusion.",
        {("stage", "2")},
        {("spread", "metastatic")},
    ),
    # --- [t37-bez] the Slavic "without" before a spread -------------------------------------------------------------------
    (
        "t37-bez",
        "Karcinóm pľúc [lung carcinoma], bez metastáz v pečeni [no liver metastases]. Liečba: cisplatina + etopozid.",
        {("therapy", "cisplatin")},
        {("spread", "metastatic")},
    ),
    (
        "t37-bez guard: metastases stated",
        "Karcinóm pľúc, metastázy v pečeni [liver metastases]; bez liečby doteraz.",
        {("spread", "metastatic")},
        set(),
    ),
    # --- [t37-diagnosis-before-scheduled] a diagnosis told, then "scheduled for" ----------------------------------------
    (
        "t37-diagnosis-before-scheduled",
        "68F w/ newly diagnosed stage IIB lung adenocarcinoma, scheduled for lobectomy next week.",
        {("histology", "nsclc"), ("stage", "2")},
        set(),
    ),
    (
        "t37-diagnosis-before-scheduled guard: the plan before the diagnosis",
        "Scheduled for EBUS to confirm adenocarcinoma and stage III disease.",
        set(),
        {("histology", "nsclc"), ("stage", "3")},
    ),
    (
        "t37-diagnosis-before-scheduled guard: a condition",
        "If stage III is confirmed, scheduled for chemoradiation with cisplatin/etoposide.",
        set(),
        {("stage", "3"), ("therapy", "cisplatin")},
    ),
    # --- [t37-subject-line] a letter's subject line -------------------------------------------------------------------------
    (
        "t37-subject-line",
        "Re: Member number withheld; appeal of the adagrasib denial of 01/05/2027\nMy patient has stage IV lung "
        "adenocarcinoma (KRAS G12C) that progressed on carboplatin/pemetrexed/pembrolizumab.",
        {("histology", "nsclc"), ("kras", "g12c_present"), ("stage", "4")},
        set(),
    ),
    # --- [t37-criterion-met-evidence] a reviewer's verdict with its evidence ------------------------------------------
    (
        "t37-criterion-met-evidence",
        "PA REVIEW - adagrasib\nCriteria (policy X-1):\n1. KRAS G12C by an approved test - MET (tissue NGS 2026: G12C "
        "detected)\n2. Prior systemic therapy - MET (docetaxel x4 in 2026)",
        {("kras", "g12c_present"), ("therapy", "docetaxel")},
        {("therapy", "adagrasib")},
    ),
    (
        "t37-criterion-met-evidence guard: criteria with no verdict",
        "Criteria (policy X-1):\n1. KRAS G12C by an approved test\n2. Prior systemic therapy (e.g. docetaxel)",
        set(),
        {("kras", "g12c_present"), ("therapy", "docetaxel")},
    ),
]


@pytest.mark.parametrize(("name", "text", "wanted", "unwanted"), CASES, ids=[f"[{c[0]}]" for c in CASES])
def test_wording_class(name: str, text: str, wanted: set[tuple[str, str]], unwanted: set[tuple[str, str]]) -> None:
    assert_reads(name, text, wanted, unwanted)
