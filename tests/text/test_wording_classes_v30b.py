"""Classes of wording behind held-out v30's stage, therapy, histology, spread and KRAS misses and its three therapy
false facts left (issue 13's thirty-first pass, part two; read on 2026-12-03, when v30 became a development set), each
with sentences of our own (none copied from tests/text/heldout30.yaml) and a guard: what a text must assert, and what
it must not. Labels are the scorer's (scripts/text_quality.py ``labels``), so a case reads like a corpus item."""

from __future__ import annotations

import pytest

from tests.text.reading import assert_reads

# (class, text, pairs that must be found, pairs that must not)
CASES = [
    # --- [v30-stage-slavic] ---------------------------------------------------------------------------------------
    ("v30-stage-slavic", "Dg: adenokarcinom pluća desno, stadijum IIIB, bez terapije.", {("stage", "3")}, set()),
    ("v30-stage-slavic", "Pacienti: adenokarcinomë pulmonare, stadi IVB, në trajtim.", {("stage", "4")}, set()),
    ("v30-stage-slavic", "Диагноз: аденокарцинома правого лёгкого, стадия IIIA.", {("stage", "3")}, set()),
    ("v30-stage-slavic", "Аденокарцином на белия дроб, IVB стадий, без лечение.", {("stage", "4")}, set()),
    ("v30-stage-slavic", "Аденокарцинома лівої легені, IV стадія.", {("stage", "4")}, set()),
    ("v30-stage-slavic", "Bolnica: adenokarcinom pljuč desno, IIIA. stadij, po operaciji.", {("stage", "3")}, set()),
    ("v30-stage-slavic", "O'pka adenokarsinomasi (lung adenocarcinoma), IIB bosqich, jarrohlikdan keyin.", {("stage", "2")}, set()),
    (
        "v30-stage-slavic guard: a range of groups",
        "Linee guida: nei tumori polmonari di stadi I-III si valuta la chirurgia.",
        set(),
        {("stage", "1"), ("stage", "3")},
    ),
    # --- [v30-foreign-histology] ----------------------------------------------------------------------------------
    ("v30-foreign-histology", "Гистология: аденокарцинома левого лёгкого, T2N0M0.", {("histology", "nsclc")}, set()),
    ("v30-foreign-histology", "Ситноклеточен карцином на бел дроб, ограничена болест.", {("histology", "sclc")}, set()),
    (
        "v30-foreign-histology",
        "Мелкоклеточный рак лёгкого, распространённая стадия.",
        {("histology", "sclc")},
        {("histology", "nsclc")},
    ),
    ("v30-foreign-histology", "Немелкоклеточный рак лёгкого, без лечения.", {("histology", "nsclc")}, set()),
    ("v30-foreign-histology", "Ασθενής με αδενοκαρκίνωμα του πνεύμονα, υπό θεραπεία.", {("histology", "nsclc")}, set()),
    ("v30-foreign-histology", "Nieuw: adenocarcinoom long links, verwezen naar de longarts.", {("histology", "nsclc")}, set()),
    ("v30-foreign-histology", "Mikrocelularni karcinom pluća, proširena bolest.", {("histology", "sclc")}, set()),
    ("v30-foreign-histology", "Potilas: keuhkoadenokarsinooma IIIB, seuranta.", {("histology", "nsclc"), ("stage", "3")}, set()),
    (
        "v30-foreign-histology guard: the bowel's adenocarcinoma",
        "Аденокарцинома сигмовидной кишки, метастазы в печень.",
        set(),
        {("histology", "nsclc")},
    ),
    # --- [v30-histology-negation-of-another] ----------------------------------------------------------------------
    (
        "v30-histology-negation-of-another",
        "Squamous NSCLC, stage IIB, EGFR not detected on the panel.",
        {("histology", "nsclc"), ("stage", "2")},
        set(),
    ),
    (
        "v30-histology-negation-of-another guard: a negation before it",
        "Wedge biopsy: granuloma, no evidence of either non-small cell or small cell carcinoma seen.",
        set(),
        {("histology", "sclc"), ("histology", "nsclc")},
    ),
    # --- [v30-inline-boxes-wrapped] -------------------------------------------------------------------------------
    (
        "v30-inline-boxes-wrapped",
        "Screening checklist, site 4: [x] biopsy-proven\nNSCLC (squamous) [x] measurable disease [ ] brain metastases",
        {("histology", "nsclc")},
        set(),
    ),
    # --- [v30-referred-for-diagnosed] -----------------------------------------------------------------------------
    (
        "v30-referred-for-diagnosed",
        "58M referred for newly diagnosed adenocarcinoma of the rectum with lung metastases, stage IVB.",
        {("stage", "4")},
        set(),
    ),
    (
        "v30-referred-for-diagnosed guard: a condition",
        "Referred for newly diagnosed lung adenocarcinoma; if stage IV, would consider chemo-immunotherapy.",
        set(),
        {("stage", "4")},
    ),
    # --- [v30-spread-cyrillic] / [v30-spread-extensive-sites] -----------------------------------------------------
    ("v30-spread-cyrillic", "Немелкоклеточный рак лёгкого, метастатический, 2 линия.", {("spread", "metastatic")}, set()),
    (
        "v30-spread-cyrillic guard: none there",
        "Немелкоклеточный рак лёгкого, без метастазов, после операции.",
        set(),
        {("spread", "metastatic")},
    ),
    ("v30-spread-extensive-sites", "Dx: extensive-stage SCLC (brain and adrenal), on atezolizumab.", {("spread", "metastatic")}, set()),
    ("v30-spread-extensive-sites guard: no site", "Dx: ES-SCLC, cycle 2 of carboplatin/etoposide.", set(), {("spread", "metastatic")}),
    # --- [v30-cyrillic-drug] --------------------------------------------------------------------------------------
    (
        "v30-cyrillic-drug",
        "Получил карбоплатин/пеметрексед 4 курса, переносит хорошо.",
        {("therapy", "carboplatin"), ("therapy", "pemetrexed")},
        set(),
    ),
    ("v30-cyrillic-drug", "Проведени 3 циклуса доцетаксел, завършени 10/2026.", {("therapy", "docetaxel")}, set()),
    # --- [v30-kras-none-nordic-slavic] ----------------------------------------------------------------------------
    ("v30-kras-none-nordic-slavic", "Lungeadenokarcinom. KRAS ikke mutert i vevsprøven.", {("kras", "g12c_absent")}, set()),
    ("v30-kras-none-nordic-slavic", "Tjocktarmscancer, KRAS inte muterad, BRAF vildtyp.", {("kras", "g12c_absent")}, set()),
    ("v30-kras-none-nordic-slavic", "Adenokarcinom pluća, KRAS: mutacija nije pronađena.", {("kras", "g12c_absent")}, set()),
    ("v30-kras-none-nordic-slavic", "Rektumcancer, KRAS-vildtype og NRAS-vildtype.", {("kras", "g12c_absent")}, set()),
    (
        "v30-kras-none-nordic-slavic guard: a variant named",
        "KRAS nije mutiran u kodonu 13; KRAS p.G12C dokazan.",
        {("kras", "g12c_present")},
        set(),
    ),
    # --- [v30-therapy-never-had-chemo] / [v30-therapy-not-yet-dosed] / [v30-therapy-agree-request] ----------------
    (
        "v30-therapy-never-had-chemo",
        "Teaching visit before cycle 1 of CAPOX. She has never had chemo. Went over neuropathy with oxaliplatin.",
        set(),
        {("therapy", "oxaliplatin")},
    ),
    (
        "v30-therapy-never-had-chemo guard: a drug had before it",
        "He has never had chemotherapy since his s/p adjuvant cisplatin course ended in 2019.",
        {("therapy", "cisplatin")},
        set(),
    ),
    (
        "v30-therapy-not-yet-dosed",
        "Study arm: divarasib with pembrolizumab; signed consent, not yet dosed.",
        set(),
        {("therapy", "pembrolizumab"), ("therapy", "divarasib")},
    ),
    (
        "v30-therapy-agree-request",
        "Tumour board: we agree with sotorasib + panitumumab; letter to the insurer to follow.",
        set(),
        {("therapy", "sotorasib"), ("therapy", "panitumumab")},
    ),
    (
        "v30-therapy-agree-request guard: continuing a drug taken",
        "Reviewed scans; agree with continuing sotorasib at full dose.",
        {("therapy", "sotorasib")},
        set(),
    ),
    # --- [v30-contrary-to-denial] ---------------------------------------------------------------------------------
    (
        "v30-contrary-to-denial",
        "Appeal. Contrary to the denial, she received carboplatin/pemetrexed in 2025 and progressed.",
        {("therapy", "carboplatin"), ("therapy", "pemetrexed")},
        set(),
    ),
    (
        "v30-contrary-to-denial guard: the denial's own reasoning",
        "Reason for denial: sotorasib is covered only after one prior line of therapy.",
        set(),
        {("therapy", "sotorasib")},
    ),
]


@pytest.mark.parametrize(
    ("cls", "text", "must", "must_not"), CASES, ids=[f"{c[0]}-{i:02d}" for i, c in enumerate(CASES)]
)
def test_v30b_wording_class(cls: str, text: str, must: set[tuple[str, str]], must_not: set[tuple[str, str]]) -> None:
    assert_reads(cls, text, must, must_not)
