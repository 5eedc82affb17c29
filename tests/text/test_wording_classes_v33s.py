"""Classes of wording behind held-out v33's false facts (issue 13's safety pass on v33; only v33's false positives were
read, its misses stay blind), each with sentences of our own (none copied from tests/text/heldout33.yaml) and a guard:
a case the class removes, and a true fact it keeps. Labels are the scorer's (scripts/text_quality.py ``labels``)."""

from __future__ import annotations

import pytest

from tests.text.reading import assert_reads

# (class, text, pairs that must be found, pairs that must not)
CASES = [
    # --- [v33s-counselling-about] the disease a counselling visit is about -------------------------------------------
    (
        "v33s-counselling-about an inherited fibrosis as the topic",
        "Genetics clinic: 52M with normal lung function and a clear CT, seen for counselling about hereditary "
        "pulmonary fibrosis in the family.",
        set(),
        {("ild", "true")},
    ),
    (
        "v33s-counselling-about guard: the patient's own fibrosis stated elsewhere",
        "Counselling about smoking cessation given. HRCT: usual interstitial pneumonia pattern, pulmonary fibrosis.",
        {("ild", "true")},
        set(),
    ),
    # --- [v33s-not-any-record] a log that says it is no one's record ------------------------------------------------
    (
        "v33s-not-any-record a study's screening list",
        "Pre-screening list for a sponsor study, 2 referrals: A) lung adenocarcinoma KRAS G12C - suitable. "
        "B) pneumonitis on CT - unsuitable. This list is not part of any patient's record.",
        set(),
        {("kras", "g12c_present"), ("histology", "nsclc"), ("ild", "true")},
    ),
    (
        "v33s-not-any-record guard: a note that only mentions another record",
        "Outside records requested. Lung adenocarcinoma, KRAS G12C on tissue NGS.",
        {("kras", "g12c_present"), ("histology", "nsclc")},
        set(),
    ),
    # --- [v33s-guideline-excerpt] a guideline's or a pathway's text quoted -------------------------------------------
    (
        "v33s-guideline-excerpt regimens listed by setting",
        "Pathway excerpt (regional cancer network, 2026): first line cisplatin + pemetrexed; second line docetaxel.",
        set(),
        {("therapy", "cisplatin"), ("therapy", "pemetrexed"), ("therapy", "docetaxel")},
    ),
    (
        "v33s-guideline-excerpt a practice guideline's summary",
        "Practice guideline summary - small cell disease: platinum with etoposide, later topotecan.",
        set(),
        {("therapy", "etoposide"), ("therapy", "topotecan")},
    ),
    (
        "v33s-guideline-excerpt guard: a note that follows a pathway",
        "Oncology note. Treated per institutional pathway: received carboplatin and pemetrexed x4, last dose 10/2026.",
        {("therapy", "carboplatin"), ("therapy", "pemetrexed")},
        set(),
    ),
    # --- [v33s-document-about-relative] a document that says it is about a relative --------------------------------
    (
        "v33s-document-about-relative a pasted message",
        'Message copied in by the patient: "Uncle has stage 4 lung adenocarcinoma and takes sotorasib." '
        "The patient says this is about his uncle.",
        set(),
        {("stage", "4"), ("histology", "nsclc"), ("therapy", "sotorasib")},
    ),
    (
        "v33s-document-about-relative a pedigree page",
        "Pedigree worksheet: she was treated for squamous cell lung carcinoma with docetaxel. "
        "The family-history page concerns the patient's grandmother.",
        set(),
        {("histology", "nsclc"), ("therapy", "docetaxel")},
    ),
    (
        "v33s-document-about-relative guard: the patient's own clause",
        "This page is about her father. Patient herself: lung adenocarcinoma, KRAS G12C positive.",
        {("histology", "nsclc"), ("kras", "g12c_present")},
        set(),
    ),
    (
        "v33s-document-about-relative guard: a relative's belongings, not the subject",
        "The letter concerns her father's estate. She has stage IV lung adenocarcinoma.",
        {("stage", "4"), ("histology", "nsclc")},
        set(),
    ),
    # --- [v33s-naive-concomitant] the drugs beside the current one answered none ------------------------------------
    (
        "v33s-naive-concomitant no second drug",
        "Pharmacy check: sotorasib 960 mg daily for KRAS G12C NSCLC. Concurrent anticancer therapy: none.",
        {("therapy", "sotorasib")},
        {("treatment_naive", "true")},
    ),
    (
        "v33s-naive-concomitant guard: prior therapy answered none",
        "New referral, lung adenocarcinoma stage IV. Prior anticancer therapy: none.",
        {("treatment_naive", "true")},
        set(),
    ),
    # --- [v33s-naive-unconfirmed-dx] a visit with no cancer diagnosed yet -------------------------------------------
    (
        "v33s-naive-unconfirmed-dx nothing given on a visit",
        "ED note: daughter reports a lung mass seen abroad; no tissue diagnosis. Observation overnight. No therapy given.",
        set(),
        {("treatment_naive", "true")},
    ),
    (
        "v33s-naive-unconfirmed-dx guard: a named cancer treatment not given",
        "Lung adenocarcinoma on biopsy, stage IV. Diagnosis confirmed by pathology. Treatment-naive.",
        {("treatment_naive", "true")},
        set(),
    ),
    # --- [v33s-request-title] a request's or a peer-to-peer review's first sentence names the drug asked for -------
    (
        "v33s-request-title a French access request",
        "Demande de prise en charge - Centre fictif. Produit: sotorasib seul. Patient: CBNPC KRAS G12C.",
        set(),
        {("therapy", "sotorasib")},
    ),
    (
        "v33s-request-title a peer-to-peer review",
        "P2P review (plan medical director). Subject: adagrasib for lung adenocarcinoma, KRAS G12C. Approved.",
        {("histology", "nsclc")},
        {("therapy", "adagrasib")},
    ),
    (
        "v33s-request-title a coverage question in German",
        "Gutachten des Dienstes (fiktiv). Frage: Kostenuebernahme Adagrasib. Vorbehandlung: Docetaxel bis 09/2026.",
        {("therapy", "docetaxel")},
        {("therapy", "adagrasib")},
    ),
    (
        "v33s-request-title guard: a history sentence after the title",
        "Peer-to-peer note (plan). Previously received carboplatin and pembrolizumab; sotorasib requested.",
        {("therapy", "carboplatin"), ("therapy", "pembrolizumab")},
        {("therapy", "sotorasib")},
    ),
    # --- [v33s-non-cancer-stage] the stage of another disease -------------------------------------------------------
    (
        "v33s-non-cancer-stage sarcoidosis",
        "Chest clinic: sarcoidosis stage II with hilar nodes; small lung nodule stable, no cancer.",
        set(),
        {("stage", "2")},
    ),
    (
        "v33s-non-cancer-stage guard: the lung cancer's stage beside it",
        "History of cardiac sarcoidosis. Lung adenocarcinoma, stage IIIB, KRAS G12C.",
        {("stage", "3")},
        set(),
    ),
    # --- [v33s-bowel-slovak] the colon in Slovak or Polish puts an adenocarcinoma outside the lung ----------------
    (
        "v33s-bowel-slovak an adenocarcinoma of the colon",
        "Adenokarcinom hrubeho creva, stadium IV, KRAS G12C.",
        {("kras", "g12c_present"), ("stage", "4")},
        {("histology", "nsclc")},
    ),
    (
        "v33s-bowel-slovak guard: a lung adenocarcinoma",
        "Adenokarcinom pluc, stadium IV, KRAS G12C.",
        {("kras", "g12c_present")},
        set(),
    ),
]


@pytest.mark.parametrize(("name", "text", "wanted", "unwanted"), CASES, ids=[c[0] for c in CASES])
def test_wording_class(name: str, text: str, wanted: set[tuple[str, str]], unwanted: set[tuple[str, str]]) -> None:
    assert_reads(name, text, wanted, unwanted)
