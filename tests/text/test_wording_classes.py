"""Classes of wording behind held-out v2's misses (read on 2026-11-30, when v2 became a development set),
each with sentences of our own (none copied from tests/text/heldout2.yaml): what a text must assert, and
what it must not. Labels are the scorer's (scripts/text_quality.py ``labels``), so a case reads like a
corpus item."""

from __future__ import annotations

import pytest

from tests.text.reading import assert_reads

# (class, text, pairs that must be found, pairs that must not)
CASES = [
    # --- a hard line break ends a sentence, whatever indent follows it ---------------------------------
    (
        "indented rows are sentences of their own",
        "Biomarker summary\n    Blood (ctDNA, 2026-03-11): KRAS p.G12C, VAF 1.2%\n    FFPE block A2: KRAS G12C was not detected",
        {("kras", "g12c_present"), ("kras", "g12c_absent")},
        set(),
    ),
    (
        "an indented row's negation stays on its row",
        "Tests:\n   EGFR: negative\n   KRAS: G12C mutation present",
        {("kras", "g12c_present")},
        set(),
    ),
    # --- response-assessment labels ----------------------------------------------------------------------
    ("response label PD", "Target lesions 52 -> 71 mm.\nOverall response: PD", {("disease_status", "worsened")}, set()),
    ("response label with its criteria", "Response (RECIST 1.1): SD", {("disease_status", "stable")}, set()),
    ("objective response = PR", "Restaging CT chest: objective response = PR", {("disease_status", "improved")}, set()),
    (
        "radiographic response - CR",
        "Radiographic response - CR after six cycles",
        {("disease_status", "improved")},
        set(),
    ),
    ("PD-L1 is not a response", "Tumor response: pending; PD-L1 22C3 TPS 60%", set(), {("disease_status", "worsened")}),
    ("consistent with POD", "PET 7/2026 c/w POD in the adrenal.", {("disease_status", "worsened")}, set()),
    ("SD over several scans", "Sotorasib C9; SD x 3 consecutive scans.", {("disease_status", "stable")}, set()),
    (
        "no radiographic progression",
        "No radiologic evidence of progression on sotorasib.",
        {("disease_status", "stable")},
        set(),
    ),
    (
        "a hedged no-progression is not stable",
        "No definite evidence of progression; short-interval CT.",
        set(),
        {("disease_status", "stable")},
    ),
    ("shrinkage with (PR)", "Reduction of 41% in target lesions (PR).", {("disease_status", "improved")}, set()),
    ("lesions regressed", "Hepatic metastases have regressed since 5/2026.", {("disease_status", "improved")}, set()),
    # --- "until" with a date ends a past period; without one it is a condition ------------------------------
    (
        "dated until",
        "Docetaxel q3w from 11/2025 until progression in 4/2026.",
        {("therapy", "docetaxel"), ("disease_status", "worsened")},
        set(),
    ),
    ("dated until, full date", "Received atezolizumab until POD 03/14/2026.", {("disease_status", "worsened")}, set()),
    (
        "conditional until",
        "Plan: continue sotorasib until disease progression or unacceptable toxicity.",
        set(),
        {("disease_status", "worsened")},
    ),
    # --- a comparison with an earlier scan is not a differential --------------------------------------------
    (
        "compared with baseline",
        "Sum of diameters 38 mm vs baseline 61 mm: partial response.",
        {("disease_status", "improved")},
        set(),
    ),
    (
        "compared to prior",
        "Liver lesions smaller compared to prior, consistent with partial response.",
        {("disease_status", "improved")},
        set(),
    ),
    (
        "vs as a differential stays possible",
        "Right hilar node: metastasis vs reactive.",
        set(),
        {("spread", "metastatic")},
    ),
    # --- a question asserts nothing ---------------------------------------------------------------------------
    ("a question about a result", "Family asks: is the tumor KRAS G12C positive?", set(), {("kras", "g12c_present")}),
    ("a queried finding", "CT: ?new adrenal metastasis, follow up in 6 weeks.", set(), {("spread", "metastatic")}),
    (
        "only the queried item of a list",
        "Prior: carboplatin/paclitaxel x 4, then pembrolizumab maintenance, nivolumab??",
        {("therapy", "carboplatin"), ("therapy", "paclitaxel")},
        {("therapy", "nivolumab")},
    ),
    ("a question answered yes", "Prior anti-PD-1 (nivolumab)? Yes - 2025.", {("therapy", "nivolumab")}, set()),
    ("a question answered no", "Prior taxane (docetaxel)? No.", set(), {("therapy", "docetaxel")}),
    # --- a section title on a line of its own, without its colon ------------------------------------------------
    (
        "bare PLAN heading",
        "Stage IV lung adenocarcinoma, KRAS G12C.\n\nPLAN\nAdagrasib 600 mg BID after authorization.",
        {("stage", "4")},
        {("therapy", "adagrasib")},
    ),
    (
        "bare Assessment and Plan heading, continuing drug",
        "Assessment and Plan\nContinue sotorasib 960 mg daily, cycle 4.",
        {("therapy", "sotorasib")},
        set(),
    ),
    (
        "bare family history heading",
        "FAMILY HISTORY\nLung cancer treated with cisplatin and etoposide.\n",
        set(),
        {("therapy", "cisplatin"), ("therapy", "etoposide")},
    ),
    # --- codon-level nomenclature of G12C --------------------------------------------------------------------
    (
        "codon 12 glycine to cysteine",
        "Pyrosequencing of KRAS exon 2: codon 12 glycine to cysteine substitution detected.",
        {("kras", "g12c_present")},
        set(),
    ),
    (
        "Gly>Cys at codon 12",
        "KRAS Sanger sequencing shows Gly->Cys at codon 12 (c.34G>T).",
        {("kras", "g12c_present")},
        set(),
    ),
    ("another codon-12 change is not G12C", "KRAS codon 12 GGT>GAT (Gly>Asp).", set(), {("kras", "g12c_present")}),
    # --- KRAS in a table row -----------------------------------------------------------------------------------
    (
        "KRAS row none detected",
        "GENE    RESULT\nBRAF    None detected\nKRAS    None detected",
        {("kras", "g12c_absent")},
        set(),
    ),
    ("KRAS row not detected", "KRAS      Not detected      (codons 12, 13, 61)", {("kras", "g12c_absent")}, set()),
    (
        "a not-detected heading on the line",
        "Variants not detected: KRAS G12C, EGFR L858R",
        {("kras", "g12c_absent")},
        {("kras", "g12c_present")},
    ),
    (
        "pertinent negatives",
        "Pertinent negatives: ALK, KRAS G12C, ROS1",
        {("kras", "g12c_absent")},
        {("kras", "g12c_present")},
    ),
    (
        "KRAS label detected is not a negative",
        "KRAS mutation status: detected (p.G12C)",
        {("kras", "g12c_present")},
        {("kras", "g12c_absent")},
    ),
    ("variants tested is a method", "Variants tested: KRAS G12C, G12D, G12V.", set(), {("kras", "g12c_present")}),
    # --- stage shorthand -----------------------------------------------------------------------------------------
    ("stg IIIB", "61M, stg IIIB squamous NSCLC, s/p chemoRT.", {("stage", "3")}, set()),
    ("Stg. IV", "Dx: Stg. IV lung adenoca w/ pleural effusion.", {("stage", "4")}, set()),
    # --- secondary malignant neoplasm, ICD-10 C77-C79 -----------------------------------------------------------------
    (
        "secondary malignancy of brain",
        "Problem list: NSCLC of RUL; secondary malignancy of brain.",
        {("spread", "metastatic")},
        set(),
    ),
    ("ICD-10 C79.31 alone", "Dx codes: C34.11, C79.31", {("spread", "metastatic")}, set()),
    (
        "no secondary neoplasm",
        "Lung adenocarcinoma; no secondary malignant neoplasm identified.",
        set(),
        {("spread", "metastatic")},
    ),
    # --- treatment-naive wordings ----------------------------------------------------------------------------------
    (
        "not yet begun any anticancer treatment",
        "She has not yet begun any anticancer treatment.",
        {("treatment_naive", "true")},
        set(),
    ),
    ("no cancer-directed tx", "No cancer-directed tx to date.", {("treatment_naive", "true")}, set()),
    ("no prior tx", "NSCLC stage IVA, no prior tx, PS 1.", {("treatment_naive", "true")}, set()),
    # --- monotherapy wordings --------------------------------------------------------------------------------------
    (
        "without concomitant chemo",
        "Sotorasib 960 mg daily without concomitant chemotherapy.",
        {("monotherapy", "true")},
        set(),
    ),
    ("the only anticancer drug", "Adagrasib is her only anticancer medication.", {("monotherapy", "true")}, set()),
    (
        "mono beside the G12C inhibitor",
        "3L adagrasib mono since 4/2026.",
        {("monotherapy", "true"), ("therapy", "adagrasib")},
        set(),
    ),
    ("mono beside another drug", "2L docetaxel mono 1/2026.", {("therapy", "docetaxel")}, {("monotherapy", "true")}),
    ("as a single drug", "Adagrasib, given as a single drug, since 4/2026.", {("monotherapy", "true")}, set()),
    ("G12C inhibitor only", "Current anticancer treatment: adagrasib only.", {("monotherapy", "true")}, set()),
    # --- letters: subject lines and future administration ----------------------------------------------------
    (
        "subject line names the request",
        "Subject: Prior authorization appeal - KRAZATI (adagrasib)",
        set(),
        {("therapy", "adagrasib")},
    ),
    ("re line names the request", "Re: Lumakras request for J. Doe", set(), {("therapy", "sotorasib")}),
    (
        "to be administered",
        "Sotorasib is to be administered orally once daily as monotherapy.",
        {("monotherapy", "true")},
        {("therapy", "sotorasib")},
    ),
    # --- drug vocabulary ---------------------------------------------------------------------------------------
    (
        "lurbinectedin by brand",
        "ES-SCLC, 2L Zepzelca started 8/2026.",
        {("therapy", "lurbinectedin"), ("histology", "sclc")},
        set(),
    ),
    (
        "tarlatamab",
        "Progressed after tarlatamab (3 doses).",
        {("therapy", "tarlatamab"), ("disease_status", "worsened")},
        set(),
    ),
    ("soto shorthand", "On soto 960 since 2/2026, tolerating well.", {("therapy", "sotorasib")}, set()),
    ("Dr. Soto is a person", "Seen with Dr. Soto from thoracic surgery.", set(), {("therapy", "sotorasib")}),
    ("compact TNM with M1", "Clinical stage: cT3N2M1a per CT/PET.", {("spread", "metastatic")}, set()),
    ("clinical M1 prefix", "Staging: cT2b cN1 cM1b (solitary adrenal lesion).", {("spread", "metastatic")}, set()),
    ("oligometastatic", "Oligometastatic lung adenocarcinoma, one brain lesion.", {("spread", "metastatic")}, set()),
    ("compact TNM with M0", "Stage: pT1cN0M0, lung.", set(), {("spread", "metastatic")}),
    ("treatment history none", "Oncologic history: none. Referred after biopsy.", {("treatment_naive", "true")}, set()),
    (
        "never treated for the cancer",
        "He has never been treated for this malignancy.",
        {("treatment_naive", "true")},
        set(),
    ),
    (
        "no concurrent agents",
        "Sotorasib 960 mg qd (no concomitant anticancer agents).",
        {("monotherapy", "true")},
        set(),
    ),
    ("offered but declined", "Offered docetaxel in 2025; she declined.", set(), {("therapy", "docetaxel")}),
    ("recommends is a plan", "The board recommends adagrasib after progression.", set(), {("therapy", "adagrasib")}),
    ("request label", "Requested drug: sotorasib 960 mg daily", set(), {("therapy", "sotorasib")}),
    (
        "renewal request keeps what was given",
        "Renewal request: on adagrasib since 1/2026, stable.",
        {("therapy", "adagrasib")},
        set(),
    ),
    (
        "no reportable alterations in KRAS",
        "Liquid biopsy: no pathogenic variants in EGFR, ALK or KRAS.",
        {("kras", "g12c_absent")},
        set(),
    ),
    ("received no therapy", "Has received no anticancer therapy so far.", {("treatment_naive", "true")}, set()),
    ("therapy field not started", "Anticancer treatment: not yet started", {("treatment_naive", "true")}, set()),
    ("is planned", "Adagrasib 600 mg BID is planned after approval.", set(), {("therapy", "adagrasib")}),
    (
        "no change in size",
        "CT 9/2026: no interval change in size of the hepatic metastases.",
        {("disease_status", "stable")},
        set(),
    ),
    (
        "unchanged lesions",
        "Pulmonary nodules unchanged since 6/2026 on sotorasib.",
        {("disease_status", "stable")},
        set(),
    ),
    ("status unknown", "EGFR negative; KRAS G12C status unknown at this time.", set(), {("kras", "g12c_present")}),
    ("a test to assess", "Send plasma NGS to assess for KRAS G12C.", set(), {("kras", "g12c_present")}),
    ("best response to a line", "Best response to 2L docetaxel: SD.", {("disease_status", "stable")}, set()),
    (
        "response table cells",
        "Date        Target sum   Response\n07/2026     44 mm        PR\n10/2026     63 mm        PD",
        {("disease_status", "improved"), ("disease_status", "worsened")},
        set(),
    ),
    (
        "a row ending in PR outside a response table",
        "Receptor    Result\nER          negative\nHER2        PR",
        set(),
        {("disease_status", "improved")},
    ),
    (
        "never received a drug or a class",
        "Never received docetaxel, pemetrexed or immunotherapy.",
        {("treatment_naive", "true")},
        set(),
    ),
    (
        "no pathogenic KRAS variants",
        "Sequencing: no pathogenic KRAS variants; TP53 R248Q.",
        {("kras", "g12c_absent")},
        set(),
    ),
    (
        "counseled on a drug",
        "Educated about adagrasib: take with food, report diarrhea.",
        set(),
        {("therapy", "adagrasib")},
    ),
    # --- what a label, a payer or a grading scale says is not the patient; a patient's CTCAE grade is -----------
    (
        "a patient's CTCAE grade",
        "Grade 2 pneumonitis (CTCAE v5) on adagrasib, 10/2026.",
        {("ild", "true"), ("therapy", "adagrasib")},
        set(),
    ),
    (
        "CTCAE definitions",
        "CTCAE definition: grade 3 pneumonitis = severe symptoms, oxygen indicated.",
        set(),
        {("ild", "true")},
    ),
    (
        "a label's frequency",
        "The prescribing information warns of ILD in 1% of patients on adagrasib.",
        set(),
        {("ild", "true"), ("therapy", "adagrasib")},
    ),
    (
        "payer criteria inline",
        "Plan criteria: KRAS G12C positive by an FDA-approved test and prior platinum therapy.",
        set(),
        {("kras", "g12c_present")},
    ),
    # --- misspelt drug names (one letter off an anticancer drug's name of 8+ letters) -------------------------
    ("a letter missing", "Cycle 3 of docetaxl given 2/2026.", {("therapy", "docetaxel")}, set()),
    (
        "two letters swapped",
        "s/p carbo + pemetrxeed x4, then osimertnib.",
        {("therapy", "pemetrexed"), ("therapy", "osimertinib")},
        set(),
    ),
    (
        "an ordinary long word is no drug",
        "Transportation and medication reconciliation completed.",
        set(),
        {("therapy", "pemetrexed")},
    ),
    # --- progression shorthand -------------------------------------------------------------------------------
    (
        "PD with a month/2-digit year",
        "Gem x 3 cycles, PD 11/25 with new hepatic lesions.",
        {("disease_status", "worsened")},
        set(),
    ),
    (
        "PD closing a parenthesis",
        "2L docetaxel (12/2025-3/2026, PD).",
        {("disease_status", "worsened"), ("therapy", "docetaxel")},
        set(),
    ),
    ("PD w/ new lesions", "carbo/pem x4, PD w/ new brain mets.", {("disease_status", "worsened")}, set()),
    # --- a form's check boxes (issue 17: a payer's blank form faxed in): an empty box is a printed choice ------
    ("drawn empty box", "☐ KRAS G12C mutation identified (tissue NGS)", set(), {("kras", "g12c_present")}),
    (
        "empty box on a wrapped item",
        "□ Received carboplatin with pemetrexed as first-line\ntreatment",
        set(),
        {("therapy", "carboplatin"), ("therapy", "pemetrexed")},
    ),
    ("typed empty brackets", "[] Stage IV non-small cell lung cancer", set(), {("histology", "nsclc")}),
    ("empty box read by OCR as braces", "{ } KRAS p.G12C present on plasma cfDNA", set(), {("kras", "g12c_present")}),
    (
        "empty box read by OCR as mixed brackets",
        "{ ] KRAS G12C positive by FDA-approved test",
        set(),
        {("kras", "g12c_present")},
    ),
    ("empty parentheses", "( ) Prior docetaxel", set(), {("therapy", "docetaxel")}),
    ("the ticked answer of a yes/no pair is not enough", "Interstitial lung disease?  ☐ Yes  ☒ No", set(), set()),
    ("ticked drawn box", "☒ KRAS G12C mutation identified (tissue NGS)", {("kras", "g12c_present")}, set()),
    ("ticked brackets", "[x] Received carboplatin with pemetrexed", {("therapy", "carboplatin")}, set()),
    ("check mark", "✓ KRAS p.G12C present on plasma cfDNA", {("kras", "g12c_present")}, set()),
    # --- an amended report's correction (issue 17, held-out OCR v3 read): "is not present" negates ----------
    (
        "is not present",
        "Addendum: KRAS G12C is not present in this specimen.",
        {("kras", "g12c_absent")},
        {("kras", "g12c_present")},
    ),
    ("was not seen", "On re-review KRAS p.G12C was not seen.", {("kras", "g12c_absent")}, {("kras", "g12c_present")}),
    (
        "a misprint corrected",
        "The variant was printed as p.G12C by a typing error; the call is KRAS p.G13D.",
        set(),
        {("kras", "g12c_present")},
    ),
    (
        "a result shown as originally reported",
        "As originally reported (since corrected): KRAS p.G12C",
        set(),
        {("kras", "g12c_present")},
    ),
]


@pytest.mark.parametrize(("name", "text", "want", "unwanted"), CASES, ids=[c[0] for c in CASES])
def test_wording_class(name: str, text: str, want: set[tuple[str, str]], unwanted: set[tuple[str, str]]) -> None:
    assert_reads(name, text, want, unwanted)


@pytest.mark.parametrize("mark", ["(-)", "(+)", "(see below)", "[1]", "(x2)"])
def test_a_result_or_a_reference_in_brackets_is_no_empty_box(mark: str) -> None:
    from priorauth.text.pipeline import patterns

    assert not patterns()["unticked_box"].search(f"KRAS G12C {mark} on tissue NGS")
