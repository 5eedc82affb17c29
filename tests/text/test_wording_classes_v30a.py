"""Classes of wording behind held-out v30's missed disease-status, treatment-naive and monotherapy facts (read on
2026-12-03, issue 13's thirty-first pass, when tests/text/heldout30.yaml became a development set). Each class has
paraphrases of our own across note styles (translated discharge letters, flowsheet exports, checklists, appeals,
shorthand), none copied from the held-out set, and guards: near wordings that must not give the fact."""

from __future__ import annotations

import pytest

from tests.text.reading import found

NAIVE = ("treatment_naive", "true")
STABLE = ("disease_status", "stable")
IMPROVED = ("disease_status", "improved")
WORSENED = ("disease_status", "worsened")
MONO = ("monotherapy", "true")

# (class, text, pairs that must be found)
FINDS = [
    # [v30-status-glossed-verdict] a study with a region or a month/year, named in the note's language, a noun gloss
    ("glossed-regression", "Rak pluća, stadij IV. MSCT: regresija tumora (regression).", {IMPROVED}),
    (
        "glossed-regression",
        "Lung adenocarcinoma stage IV on sotorasib. CT 10/2026: regresión (regression of disease).",
        {IMPROVED},
    ),
    ("glossed-decrease", "Rectal cancer stage IV. CT: smanjenje žarišta (decrease of the lesions).", {IMPROVED}),
    ("glossed-stabilisation", "Рак легені IV ст. КТ: стабілізація (stabilization of disease).", {STABLE}),
    ("glossed-region", "NSCLC Stadium IV. CT Thorax/Abdomen: Befund unverändert (unchanged).", {STABLE}),
    ("glossed-region", "Colon cancer stage IV, on FOLFIRI. CT chest + abdomen: bez promjene (no change).", {STABLE}),
    ("bare-foreign-stable", "Longkanker stadium IV, sotorasib. CT: stabiel.", {STABLE}),
    ("bare-foreign-stable", "Adenokarzinom der Lunge, Stadium IV. Unter Sotorasib. CT Thorax stabil.", {STABLE}),
    ("bare-foreign-stable", "Karcinom pluća IV. Kontrolni MSCT 09/2026 stabilan.", {STABLE}),
    ("finding-stable", "Karcinom debelog crijeva, stadij IV, FOLFOX. Kontrolni nalaz stabilan.", {STABLE}),
    ("finnish-study", "Keuhkosyöpä IV, sotorasib. TT: new nodal lesions - progression.", {WORSENED}),
    # [v30-status-no-signs-of-progression]
    ("no-signs", "Stage IV NSCLC on adagrasib. Restaging: no signs of progression.", {STABLE}),
    ("no-signs", "Kolonkarzinom Stadium IV. Keine Progression (no tumor progression) unter FOLFIRI.", {STABLE}),
    # [v30-status-mcode-display]
    ("mcode", "Cancer disease status: Patient's condition worsened (finding). Dx: stage IV NSCLC.", {WORSENED}),
    ("mcode", "Colon cancer stage IV. Disease status value: Patient condition improved (finding).", {IMPROVED}),
    ("mcode", "Lung adenocarcinoma, stage IV. Status: Patient's condition stable (finding), per CT.", {STABLE}),
    # [v30-status-relapsed-after]
    (
        "relapsed-after",
        "Extensive-stage small cell lung cancer; relapsed six weeks after cisplatin/etoposide.",
        {WORSENED},
    ),
    ("relapsed-after", "Metastatic rectal cancer which recurred on FOLFIRI; now for third line.", {WORSENED}),
    # [v30-status-no-new-lesions]
    ("no-new-beside", "NSCLC stage IV on sotorasib. Imaging is holding steady, no new lesions seen.", {STABLE}),
    (
        "no-new-beside",
        "Stage IV lung adeno on adagrasib. CT: liver mets 2.0 -> 1.2 cm, no new sites => PR.",
        {IMPROVED},
    ),
    # [v30-denial-rebutted]
    (
        "denial-rebutted",
        "Appeal: metastatic colon cancer, KRAS G12C. Contrary to your denial, she had FOLFIRI and progressed on it.",
        {WORSENED},
    ),
    # [v30-box-of-next-field]
    (
        "box-of-next-field",
        "Screening form, site 4. Inclusion: [x] stage IV NSCLC [x] prior chemo-IO - pt had carboplatin and\npembrolizumab, progressed on"
        " it (new bone lesions on CT). Exclusions: [ ] ILD",
        {WORSENED},
    ),
    # [v30-naive-nor-other]
    (
        "naive-nor-other",
        "Adenocarcinoma de pulmón estadio IB, operado. Sin quimioterapia ni otro tratamiento sistémico.",
        {NAIVE},
    ),
    ("naive-nor-other", "Рак на белия дроб, стадий IA. Без химиотерапия или друга системна терапия.", {NAIVE}),
    # [v30-naive-operated-without]
    ("naive-operated-without", "Cáncer de colon estadio II. Colectomía 2024 sin quimioterapia adyuvante.", {NAIVE}),
    ("naive-operated-without", "Adenocarcinoma de pulmón IB: operada en 2025 sin tratamiento sistémico.", {NAIVE}),
    # [v30-mono-spellings] and [v30-mono-dose-between]
    ("mono-spelling", "Rak pluća IV, KRAS G12C. Plan: adagrasib kao monoterapija.", {MONO}),
    ("mono-spelling", "Càncer de pulmó estadi IV, KRAS G12C: sotorasib en monoteràpia.", {MONO}),
    ("mono-dose", "Cáncer de pulmón estadio IV, KRAS G12C. Sotorasib 960 mg diario solo.", {MONO}),
]

# (name, text, pairs that must not be found)
GUARDS = [
    ("gloss of a new lesion", "Lung cancer stage IV. MSCT: nova lezija (new lesion) in the liver.", {STABLE, IMPROVED}),
    ("fibrosis stable on a study", "NSCLC stage IV. CT: stabil ILD, no tumour seen.", {STABLE}),
    ("a thrombin time", "Colon cancer stage IV on FOLFOX. Coagulation: TT 15 s, stable.", {STABLE}),
    (
        "another condition's display",
        "Sepsis admission. Patient's condition worsened (finding). No cancer history.",
        {WORSENED},
    ),
    (
        "relapsed without a treatment",
        "Stage I NSCLC, lobectomy 2024. Former smoker, relapsed after a year.",
        {WORSENED},
    ),
    ("no signs of infection", "Stage IV NSCLC on sotorasib. No signs of infection; CT booked.", {STABLE}),
    ("no new lesions and no response", "NSCLC stage IV. CT: no new lesions, but no response either.", {IMPROVED}),
    (
        "no new lesions beside growth",
        "Colon cancer stage IV. CT: no new lesions; liver mets are not smaller.",
        {IMPROVED},
    ),
    ("the denial itself", "Denial: documentation of progression on prior therapy is not provided.", {WORSENED}),
    (
        "an unticked wrapped item",
        "Screening form, site 4. Inclusion: [x] stage IV NSCLC [ ] prior chemo-IO - pt had carboplatin and\npembrolizumab, progressed on it."
        " Exclusions: [ ] ILD",
        {WORSENED},
    ),
    (
        "no chemo for a period",
        "Cáncer de pulmón estadio IV. Sin quimioterapia desde 2024; recibió pembrolizumab.",
        {NAIVE},
    ),
    (
        "operated, no chemo for a while",
        "Cáncer de colon estadio III. Operado 2023, sin quimioterapia desde entonces hasta 2025.",
        {NAIVE},
    ),
    (
        "operated, chemo later",
        "Cáncer de pulmón. Lobectomía 2023 sin quimioterapia adyuvante; en 2025 recibió carboplatino.",
        {NAIVE},
    ),
    (
        "mono of another drug",
        "NSCLC stage IV, KRAS G12C. Pembrolizumab kao monoterapija 2024; now carboplatin.",
        {MONO},
    ),
    ("drug with a partner", "Colon cancer stage IV, KRAS G12C. Adagrasib 600 mg BID con cetuximab.", {MONO}),
]


@pytest.mark.parametrize(("name", "text", "want"), FINDS, ids=[f"{i}-{c[0]}" for i, c in enumerate(FINDS)])
def test_class_found(name: str, text: str, want: set[tuple[str, str]]) -> None:
    got = found(text)
    assert want <= got, (name, text, got)


@pytest.mark.parametrize(("name", "text", "unwanted"), GUARDS, ids=[g[0] for g in GUARDS])
def test_guard(name: str, text: str, unwanted: set[tuple[str, str]]) -> None:
    got = found(text)
    assert not unwanted & got, (name, text, got)
