"""Classes of wording behind held-out v31's missed facts (read on 2026-12-03, issue 13's thirty-second pass, when
tests/text/heldout31.yaml became a development set). Each class has paraphrases of our own across note styles
(romanized and glossed translated letters, shorthand, problem lists, home visits), none copied from the held-out set,
and guards: near wordings that must not give the fact."""

from __future__ import annotations

import pytest

from tests.text.reading import found

SCLC = ("histology", "sclc")
NSCLC = ("histology", "nsclc")
STAGE3 = ("stage", "3")
STAGE4 = ("stage", "4")
METASTATIC = ("spread", "metastatic")
NAIVE = ("treatment_naive", "true")
STABLE = ("disease_status", "stable")
IMPROVED = ("disease_status", "improved")
WORSENED = ("disease_status", "worsened")
MONO = ("monotherapy", "true")
ILD = ("ild", "true")

# (class, text, pairs that must be found)
FINDS = [
    # [v31-stage-romanized]
    ("stage-romanized", "Rak legkogo (lung adenocarcinoma), stadiya IIIA, plan for chemoradiation.", {STAGE3}),
    ("stage-romanized", "Adenocarcinoma of the colon, stadju IV, liver deposits.", {STAGE4}),
    ("stage-romanized", "Ung thu phoi (lung adenocarcinoma) giai doan IVB, on follow-up.", {STAGE4}),
    ("stage-romanized", "Saratani ya mapafu (lung cancer), adenocarcinoma, hatua ya IV.", {STAGE4}),
    ("stage-romanized", "Saratan-e rie (lung adenocarcinoma), marhale-ye IIIB.", {STAGE3}),
    ("stage-romanized", "Koloneko minbizia (colon cancer), IV estadioa, gibeleko metastasiak.", {STAGE4}),
    # [v31-histology-qualifier-after]
    ("sclc-after", "Active problem: Cancer of the lung - small cell, extensive, diagnosed 2026.", {SCLC}),
    ("sclc-after", 'Referral: lung cancer "small cell" according to the outside report, for review.', {SCLC}),
    ("sclc-gloss", "Dx: karkinos pnevmona mikrokyttariko (small cell lung cancer), on chemotherapy.", {SCLC}),
    ("sclc-spanish", "Diagnóstico: carcinoma microcítico de pulmón, enfermedad extendida.", {SCLC}),
    ("sclc-old-name", "Old discharge summary: oat cell carcinoma of the left lung, treated 2026.", {SCLC}),
    # [v31-histology-unaccented]
    (
        "nsclc-unaccented",
        "Paciente con cancer de pulmon no celulas pequenas, estadio IV, en pembrolizumab.",
        {NSCLC, STAGE4},
    ),
    ("nsclc-romanized", "Byomei: haisen-gan, cStage IVA, EGFR negative.", {NSCLC, STAGE4}),
    # [v31-entry-removed-wrong-chart]
    (
        "entry-removed",
        "Problem list cleanup. 'Pulmonary fibrosis' entry deleted - recorded on the wrong chart. Current: small cell"
        " lung cancer, liver metastases, on durvalumab.",
        {SCLC, METASTATIC, ("therapy", "durvalumab")},
    ),
    # [v31-spread-extensive-sites]
    ("extensive-sites", "Small cell lung ca, ES-SCLC (brain + adrenal), C3 carboplatin.", {METASTATIC}),
    ("extensive-sites", "SCLC, extensive stage (liver/bone), on topotecan.", {METASTATIC}),
    # [v31-naive-so-far-without]
    ("naive-so-far-without", "Adenocarcinoma of lung, stage IIIA. So far without any systemic treatment.", {NAIVE}),
    ("naive-so-far-without", "Rak gruczolowy pluca, stopien IIIA. Dotychczas nieleczony.", {NAIVE}),
    # [v31-mono-solo-accompanying] and [v31-mono-after-earlier-drug]
    ("mono-solo", "Stage IV lung adenocarcinoma, KRAS G12C. Adagrasib as a solo agent since October.", {MONO}),
    ("mono-accompanying", "Stage IV NSCLC. Taking sotorasib daily, no accompanying chemotherapy.", {MONO}),
    ("mono-after-drug", "Stage IV NSCLC KRAS G12C. Following pemetrexed, sotorasib by itself from 09/2026.", {MONO}),
    # [v31-status-study-arrow-size]
    ("arrow-size", "Stage IV lung adeno on adagrasib. CT 10/02: RLL mass 3.0 -> 2.1 cm, nodes smaller.", {IMPROVED}),
    ("arrow-size", "Rectal cancer stage IV on FOLFIRI. MRI: liver lesion 18 -> 27 mm.", {WORSENED}),
    # [v31-status-escape]
    (
        "escape",
        "Colon cancer stage IV on sotorasib + panitumumab - escape at 5 months: new peritoneal nodules.",
        {WORSENED},
    ),
    # [v31-status-disease-increased]
    (
        "disease-increased",
        "Lung adenocarcinoma stage IV, on docetaxel. CT: 'bimari ziyad shod' (the disease has increased).",
        {WORSENED},
    ),
    (
        "disease-increased",
        "Colon cancer stage IV after FOLFOX. Scan: the cancer has spread further to the bones.",
        {WORSENED},
    ),
    # [v31-relative-quoted] and [v31-patient-as-relative]
    (
        "relative-quoted",
        'Stage IV NSCLC on sotorasib. Family says "he is the same as last month" - the oncology letter reads: stable disease.',
        {STABLE},
    ),
    (
        "patient-as-relative",
        'Home visit. Patient (the grandfather, 80) has lung cancer "small cell" per the hospital letter.',
        {SCLC},
    ),
]

# (class, text, pairs that must NOT be found)
GUARDS = [
    ("stage-range", "Saratani ya mapafu: hatua ya I-III trials are enrolling.", {STAGE3, STAGE4}),
    ("not-small-cell", "Lung cancer - non-small cell, adenocarcinoma subtype.", {SCLC}),
    ("small-cell-ruled-out", "No small cell carcinoma seen on review.", {SCLC}),
    (
        "document-removed",
        "Note removed - documented on the wrong chart. Small cell lung cancer with liver metastases.",
        {SCLC},
    ),
    (
        "entry-removed-void",
        "Problem list cleanup. 'Interstitial lung disease' entry removed - documented on the wrong chart.",
        {ILD},
    ),
    ("extensive-no-site", "SCLC ES (dx 2025), on lurbinectedin.", {METASTATIC}),
    ("without-delays", "Stage IV colon cancer. Tolerating FOLFOX so far without treatment delays.", {NAIVE}),
    ("solo-other-drug", "Stage IV NSCLC. Pembrolizumab as a solo agent.", {MONO}),
    ("comma-joined", "Stage IV colon cancer KRAS G12C. Cetuximab, adagrasib - no other drugs.", {MONO}),
    ("arrow-no-unit", "Stage IV NSCLC on sotorasib. CT: SpO2 86 -> 93 on room air.", {IMPROVED, WORSENED}),
    (
        "arrow-sum",
        "Colon cancer stage IV on trial drug. Week-6 CT: target lesions sum 90 -> 70 mm (-22%), no new lesions.",
        {IMPROVED},
    ),
    ("escape-dose", "Stage IV NSCLC. Pain: oxycodone escape dose used twice overnight.", {WORSENED}),
    ("risk-increased", "Stage IV NSCLC. The risk of disease has increased with ongoing smoking.", {WORSENED}),
    ("relative-own", "Stage IV NSCLC on sotorasib. Family says their uncle had stable disease on chemo.", {STABLE}),
]


@pytest.mark.parametrize(("cls", "text", "pairs"), FINDS, ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(FINDS)])
def test_v31_class_finds(cls: str, text: str, pairs: set[tuple[str, str]]) -> None:
    assert pairs <= found(text), cls


@pytest.mark.parametrize(("cls", "text", "pairs"), GUARDS, ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(GUARDS)])
def test_v31_class_guards(cls: str, text: str, pairs: set[tuple[str, str]]) -> None:
    assert not (pairs & found(text)), cls
