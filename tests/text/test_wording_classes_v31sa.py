"""Classes of wording behind held-out v31's false therapy facts (issue 13's safety pass on v31, therapy part; only
v31's false positives of therapy were read, its misses stay blind), each with sentences of our own (none copied from
tests/text/heldout31.yaml) and a guard: a case the class removes, and a true fact it keeps. Labels are the scorer's
(scripts/text_quality.py ``labels``), so a case reads like a corpus item."""

from __future__ import annotations

import pytest

from tests.text.reading import assert_reads

# (class, text, pairs that must be found, pairs that must not)
CASES = [
    # --- [v31s-no-patient-genre] kinds of text about no patient ----------------------------------------------------------
    (
        "v31s-no-patient-genre exam question",
        "Self-assessment question 4: a woman with KRAS G12C lung cancer progresses after platinum doublet. Best next "
        "step? (a) adagrasib (b) docetaxel. Key: a.",
        set(),
        {("therapy", "adagrasib"), ("therapy", "docetaxel")},
    ),
    (
        "v31s-no-patient-genre formulary grid",
        "Formulary grid, Northgate Plan (fictitious) 2027: cetuximab - covered; sotorasib - covered with step therapy.",
        set(),
        {("therapy", "cetuximab"), ("therapy", "sotorasib")},
    ),
    (
        "v31s-no-patient-genre protocol synopsis",
        "Study synopsis (fictitious trial): adults with KRAS G12C NSCLC after a platinum doublet receive the study "
        "drug with pemetrexed.",
        set(),
        {("therapy", "pemetrexed")},
    ),
    (
        "v31s-no-patient-genre in-service notes",
        "Pharmacy in-service notes: cisplatin needs pre-hydration; paclitaxel needs premedication.",
        set(),
        {("therapy", "cisplatin"), ("therapy", "paclitaxel")},
    ),
    (
        "v31s-no-patient-genre congress abstract",
        "Abstract (fictitious meeting). Background: G12C inhibitors. Methods: 90 patients received sotorasib after "
        "platinum.",
        set(),
        {("therapy", "sotorasib")},
    ),
    (
        "v31s-no-patient-genre guard: a registry abstract is the patient's",
        "Tumor registry abstract: 70F, lung adenocarcinoma; first course carboplatin/paclitaxel completed 2025.",
        {("therapy", "carboplatin"), ("therapy", "paclitaxel")},
        set(),
    ),
    # --- [v31s-plan-request-label] a plan's or request's label in more languages ------------------------------------------
    (
        "v31s-plan-request-label Vietnamese plan",
        "Ung thu phoi giai doan IV. Ke hoach: pemetrexed + cisplatin.",
        set(),
        {("therapy", "pemetrexed"), ("therapy", "cisplatin")},
    ),
    (
        "v31s-plan-request-label Romanian request",
        "Adenocarcinom pulmonar. Solicitare: sotorasib 960 mg zilnic.",
        set(),
        {("therapy", "sotorasib")},
    ),
    (
        "v31s-plan-request-label requested, line above",
        "External review of a denial. Requested:\nsotorasib tablets.",
        set(),
        {("therapy", "sotorasib")},
    ),
    (
        "v31s-plan-request-label pathway selection",
        "Regimen selection: carboplatin + paclitaxel. Awaiting authorization.",
        set(),
        {("therapy", "carboplatin"), ("therapy", "paclitaxel")},
    ),
    (
        "v31s-plan-request-label guard: a drug given in the clause",
        "Plan: docetaxel cycle 2 given today, tolerated well.",
        {("therapy", "docetaxel")},
        set(),
    ),
    # --- [v31s-not-started-list] each drug of a list "not started" --------------------------------------------------------
    (
        "v31s-not-started-list",
        "Authorization granted. The patient has not started sotorasib or panitumumab yet.",
        set(),
        {("therapy", "sotorasib"), ("therapy", "panitumumab")},
    ),
    (
        "v31s-not-started-list guard: a drug had in another sentence",
        "She completed FOLFOX in 2025. She has not started sotorasib.",
        {("therapy", "oxaliplatin")},
        {("therapy", "sotorasib")},
    ),
    # --- [v31s-drug-unavailable] a drug said not to be available ----------------------------------------------------------
    (
        "v31s-drug-unavailable",
        "Stage III squamous NSCLC after chemoradiation; maintenance pembrolizumab unavailable locally.",
        set(),
        {("therapy", "pembrolizumab")},
    ),
    (
        "v31s-drug-unavailable guard: something else unavailable",
        "Received durvalumab cycle 6 on 10/02; the scan report is not available yet.",
        {("therapy", "durvalumab")},
        set(),
    ),
    # --- [v31s-honorific] a Polish honorific that is a drug's shorthand ------------------------------------------------
    (
        "v31s-honorific",
        "Wizyta. Pani Maria Nowak, lat 71, rak jelita grubego, KRAS G12C; na sotorasibie.",
        {("therapy", "sotorasib")},
        {("therapy", "panitumumab")},
    ),
    (
        "v31s-honorific guard: the shorthand in a regimen",
        "mCRC on FOLFIRI + pani since March, C6 given 11/20.",
        {("therapy", "panitumumab")},
        set(),
    ),
    # --- [v31s-qualification-for] qualified or evaluated for a drug, in Polish and Romance languages ------------------------
    (
        "v31s-qualification-for",
        "Rak pluca IV. Kwalifikacja do adagrasybu w toku.",
        set(),
        {("therapy", "adagrasib")},
    ),
    (
        "v31s-qualification-for Spanish",
        "Progresion tras quimioterapia; evaluacion para docetaxel.",
        set(),
        {("therapy", "docetaxel")},
    ),
    (
        "v31s-qualification-for guard: a drug given in the note",
        "Leczenie: docetaksel 3 cykle podane; progresja.",
        {("therapy", "docetaxel")},
        set(),
    ),
    # --- [v31s-evacuated-for] an evacuation to another centre for a regimen ----------------------------------------------
    (
        "v31s-evacuated-for",
        "Limited-stage small cell lung cancer. Air ambulance to the regional cancer centre for carboplatin/etoposide.",
        set(),
        {("therapy", "carboplatin"), ("therapy", "etoposide")},
    ),
]


@pytest.mark.parametrize(("name", "text", "wanted", "unwanted"), CASES, ids=[c[0] for c in CASES])
def test_wording_class(name: str, text: str, wanted: set[tuple[str, str]], unwanted: set[tuple[str, str]]) -> None:
    assert_reads(name, text, wanted, unwanted)
