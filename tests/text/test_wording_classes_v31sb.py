"""Classes of wording behind held-out v31's false facts of the kras, histology, stage, disease status, monotherapy and
ILD types (issue 13's safety pass on v31, part b, session 20; only v31's false positives were read, its misses stay
blind), each with sentences of our own (none copied from tests/text/heldout31.yaml) and a guard: a case the class
removes, and a true fact it keeps. Labels are the scorer's (scripts/text_quality.py ``labels``)."""

from __future__ import annotations

import pytest

from tests.text.reading import assert_reads

# (class, text, pairs that must be found, pairs that must not)
CASES = [
    # --- [v31s-field-gloss-call] a KRAS field in another language, its English call in brackets ----------------------
    (
        "v31s-field-gloss-call: label colon",
        "Tumour profile, Lisbon. Lung adenocarcinoma. KRAS G12C: nao detetado (negative). Plan: chemotherapy.",
        {("kras", "g12c_absent")},
        {("kras", "g12c_present")},
    ),
    (
        "v31s-field-gloss-call: variant restated in the bracket",
        "Ripoti ya maabara. Lung adenocarcinoma. KRAS G12C halikuonekana (G12C not detected) on the tissue panel.",
        {("kras", "g12c_absent")},
        {("kras", "g12c_present")},
    ),
    (
        "v31s-field-gloss-call guard: another variant in the bracket",
        "Rapport. Lung adenocarcinoma. KRAS G12C trouve sur tissu (G12D not detected).",
        {("kras", "g12c_present")},
        set(),
    ),
    (
        "v31s-field-gloss-call guard: an English call before the bracket",
        "Lung adenocarcinoma. KRAS G12C: detected on tissue (negative for EGFR).",
        {("kras", "g12c_present")},
        set(),
    ),
    # --- [v31s-reference-sheet] a staff reference sheet's heading ------------------------------------------------------
    (
        "v31s-reference-sheet: formulary grid",
        "Formulary grid, Meadowlane Health (fictitious): adagrasib - specialty tier, monotherapy only; "
        "nintedanib - specialty tier for fibrosing ILD.",
        set(),
        {("monotherapy", "true"), ("ild", "true")},
    ),
    (
        "v31s-reference-sheet: coding tip sheet",
        "Coding tips: J84.9 interstitial pulmonary disease, unspecified; J70.2 acute drug-induced interstitial lung "
        "disorders.",
        set(),
        {("ild", "true")},
    ),
    (
        "v31s-reference-sheet: protocol synopsis",
        "Study synopsis (phase 2): adults with stage IV NSCLC and KRAS G12C on tissue; one prior platinum doublet.",
        set(),
        {("kras", "g12c_present"), ("stage", "4"), ("histology", "nsclc")},
    ),
    (
        "v31s-reference-sheet: an in-service's slides",
        "Pharmacy in-service slides: stable disease means neither 30% shrinkage nor 20% growth; partial response "
        "means at least 30% shrinkage.",
        set(),
        {("disease_status", "stable"), ("disease_status", "improved")},
    ),
    (
        "v31s-reference-sheet guard: a note that mentions a formulary",
        "Checked the formulary today. 71F, lung adenocarcinoma stage IV, KRAS G12C positive; starting sotorasib.",
        {("kras", "g12c_present"), ("stage", "4")},
        set(),
    ),
    # --- [v31s-reference-sheet] a sheet's own sentence that it holds no patient's data ---------------------------------
    (
        "v31s-no-patient-sentence",
        "Tier table 2028: sotorasib - monotherapy only; pirfenidone - for IPF. No patient data.",
        set(),
        {("monotherapy", "true"), ("ild", "true")},
    ),
    (
        "v31s-no-patient-sentence guard: no data received is no such sentence",
        "Outside records: no patient data received yet from the referring hospital. 66M with known ILD on "
        "nintedanib.",
        {("ild", "true")},
        set(),
    ),
    # --- [v31s-structured-abstract] an abstract's structured sections ---------------------------------------------------
    (
        "v31s-structured-abstract",
        "Abstract 88 (regional oncology meeting). Background: little is known of G12C inhibitors after "
        "immunotherapy. Methods: 90 people with stage IV NSCLC took sotorasib monotherapy. Results: response in 35%. "
        "Conclusions: feasible.",
        set(),
        {("stage", "4"), ("histology", "nsclc"), ("monotherapy", "true")},
    ),
    (
        "v31s-structured-abstract guard: a note with a Results field",
        "Clinic review. Results: CT shows partial response. 58F, lung adenocarcinoma stage IV on sotorasib.",
        {("disease_status", "improved"), ("stage", "4")},
        set(),
    ),
    # --- [v31s-unfilled-template] a template that says it is unfilled, with blanks and choice lists -------------------
    (
        "v31s-unfilled-template",
        "Lung clinic template (blank). Stage: ___. Best response: [CR / PR / SD / PD]. Pneumonitis: [yes/no].",
        set(),
        {("disease_status", "improved"), ("disease_status", "stable"), ("ild", "true")},
    ),
    (
        "v31s-unfilled-template guard: a filled note from a template, one field blank",
        "Visit note (from template). 69M, lung adenocarcinoma stage IV. Response: partial response on CT. "
        "Allergies: ___.",
        {("disease_status", "improved"), ("stage", "4")},
        set(),
    ),
    # --- [v31s-status-own-impression] a patient's quoted guess ---------------------------------------------------------
    (
        "v31s-status-own-impression",
        'Telephone call. 70F with lung adenocarcinoma on sotorasib says "I feel the tumour is shrinking." '
        "Restaging CT next month.",
        set(),
        {("disease_status", "improved")},
    ),
    (
        "v31s-status-own-impression guard: a quoted scan reading",
        'Telephone call. 70F with lung adenocarcinoma on sotorasib: "the CT showed the tumour is shrinking".',
        {("disease_status", "improved")},
        set(),
    ),
    (
        "v31s-status-own-impression guard: the clinician's reading",
        "Lung adenocarcinoma on sotorasib. Restaging CT: tumour shrinking, partial response.",
        {("disease_status", "improved")},
        set(),
    ),
]


@pytest.mark.parametrize(("name", "text", "wanted", "unwanted"), CASES, ids=[c[0] for c in CASES])
def test_wording_class(name: str, text: str, wanted: set[tuple[str, str]], unwanted: set[tuple[str, str]]) -> None:
    assert_reads(name, text, wanted, unwanted)
