"""Classes of wording behind held-out v32's false facts left by its safety pass and its misses (read on 2026-12-03,
issue 13's thirty-third pass, when tests/text/heldout32.yaml became a development set). Each class has sentences of
our own (none copied from the held-out set) that must give a fact, and guards: near wordings that must not. Labels are
the scorer's (scripts/text_quality.py ``labels``)."""

from __future__ import annotations

import pytest

from tests.text.reading import assert_reads

SCLC = ("histology", "sclc")
NSCLC = ("histology", "nsclc")
STAGE1 = ("stage", "1")
STAGE2 = ("stage", "2")
STAGE3 = ("stage", "3")
STAGE4 = ("stage", "4")
G12C = ("kras", "g12c_present")
NOT_G12C = ("kras", "g12c_absent")
NAIVE = ("treatment_naive", "true")
IMPROVED = ("disease_status", "improved")
WORSENED = ("disease_status", "worsened")
MONO = ("monotherapy", "true")
ILD = ("ild", "true")


def drug(name: str) -> tuple[str, str]:
    return ("therapy", name)


# (class, text, pairs that must be found, pairs that must not)
CASES = [
    # --- false facts ---------------------------------------------------------------------------------------------------
    # [v32-gloss-plan] a foreign clause's drug whose English gloss says it is planned or starts later
    (
        "gloss-plan starting next month, the gloss on the next line",
        "Kissejtes tudorak [small cell lung cancer]. Cisplatin + etopozid indul a jovo\nhonapban [starting next month].",
        {SCLC},
        {drug("cisplatin"), drug("etoposide")},
    ),
    (
        "gloss-plan the gloss repeats the drug before its plan",
        "Lung adenocarcinoma stage IV. Adagrasib tek ilac olarak planlandi [adagrasib planned as the only drug].",
        {NSCLC, STAGE4},
        {drug("adagrasib")},
    ),
    (
        "gloss-plan guard: a gloss that says the drugs were received",
        "Lung adenocarcinoma. Ka marre pemetreksed + karboplatine [has received pemetrexed + carboplatin].",
        {NSCLC, drug("pemetrexed"), drug("carboplatin")},
        set(),
    ),
    (
        "gloss-plan guard: a gloss that names a dose given before the plan",
        "Colon cancer stage IV. Oksaliplatina dhene 3 cikle [oxaliplatin given, 3 cycles; planned to continue].",
        {STAGE4, drug("oxaliplatin")},
        set(),
    ),
    # [v32-precert-form] a precertification request's drug and combination fields
    (
        "precert-form requested drug and its partner",
        "PRE-CERTIFICATION REQUEST to the health plan (faxed).\nDrug: adagrasib 600 mg twice daily. Dx: rectal cancer, "
        "stage IV, KRAS G12C. Combination: with cetuximab weekly. Previous: FOLFIRI 2025.",
        {G12C, STAGE4, drug("irinotecan")},
        {drug("adagrasib"), drug("cetuximab")},
    ),
    (
        "precert-form guard: a precertification request for a drug already taken",
        "Precertification request. Member on sotorasib since March, lung adenocarcinoma stage IV.",
        {drug("sotorasib"), NSCLC},
        set(),
    ),
    # [v32-not-determined] a variant "not determined"; a gloss's "not determined / not detected"
    (
        "not-determined a result not obtained",
        "Lung adenocarcinoma stage IV. KRAS G12C: not determined (tissue exhausted).",
        {NSCLC},
        {G12C, NOT_G12C},
    ),
    (
        "not-determined a gloss unsure between the two words",
        "Lung adenocarcinoma stage IV. KRAS: G12C zuo bu [G12C not determined / not detected], wild type on retest.",
        {NOT_G12C},
        {G12C},
    ),
    (
        "not-determined guard: another marker not determined after a positive",
        "Lung adenocarcinoma stage IV. KRAS G12C detected on tissue. PD-L1 not determined.",
        {G12C},
        {NOT_G12C},
    ),
    # [v32-albanian-article] Albanian "stadi i <word>": the article, not stage I
    ("albanian-article extensive", "Small cell lung cancer, stadi i perhapur, liver deposits.", {SCLC}, {STAGE1}),
    ("albanian-article advanced", "Lung adenocarcinoma, stadi i avancuar.", {NSCLC}, {STAGE1}),
    (
        "albanian-article guard: stage I written as a numeral",
        "Lung adenocarcinoma, stadi I, operated.",
        {STAGE1},
        set(),
    ),
    # --- misses --------------------------------------------------------------------------------------------------------
    # [v32-histology-prefixed-abbrev]
    ("prefixed-abbrev squamous NSCLC", "Follow-up: 59F sqNSCLC stg IIA after lobectomy.", {NSCLC, STAGE2}, set()),
    ("prefixed-abbrev SqCC of the lung", "Lung mass biopsy: SqCC, stage IIIB.", {NSCLC, STAGE3}, set()),
    ("prefixed-abbrev guard: SqCC of the tongue", "SqCC of the tongue, stage II, after radiotherapy.", set(), {NSCLC}),
    # [v32-histology-german-bronchial]
    ("german-bronchial small cell", "Diagnose: kleinzelliges Bronchialkarzinom, Stadium IV.", {SCLC, STAGE4}, set()),
    (
        "german-bronchial non-small cell",
        "Diagnose: nicht-kleinzelliges Lungenkarzinom, Stadium IIIB.",
        {NSCLC, STAGE3},
        {SCLC},
    ),
    # [v32-stage-after-extent]
    (
        "stage-after-extent English",
        "Small cell lung carcinoma, limited stage, IIB; on cisplatin.",
        {SCLC, STAGE2},
        set(),
    ),
    ("stage-after-extent French", "Cancer bronchique a petites cellules, stade limite, IIIB.", {SCLC, STAGE3}, set()),
    ("stage-after-extent guard: a pronoun after the comma", "SCLC, limited stage, I think.", {SCLC}, {STAGE1}),
    # [v32-status-foreign-progression]
    (
        "foreign-progression Estonian",
        "Lung adenocarcinoma stage IV. After docetaxel: progressioon 10/2026.",
        {WORSENED},
        set(),
    ),
    (
        "foreign-regression after a study",
        "Lung adenocarcinoma stage IV on sotorasib. PET: regresszió.",
        {IMPROVED},
        set(),
    ),
    (
        "foreign-regression guard: no regression",
        "Lung adenocarcinoma stage IV on sotorasib. CT: no regression.",
        set(),
        {IMPROVED},
    ),
    # [v32-status-new-foci]
    ("new-foci", "SCLC, extensive. After carboplatin/etoposide: new hepatic foci on CT.", {WORSENED}, set()),
    (
        "new-foci guard: an infection's foci",
        "Lung adeno stage IV on pemetrexed. CXR: new foci of consolidation, antibiotics.",
        set(),
        {WORSENED},
    ),
    # [v32-status-burden-down]
    ("burden-down", "Stage IV lung adenocarcinoma on sotorasib. CT: tumour burden down by a third.", {IMPROVED}, set()),
    # [v32-mono-unaccompanied]
    (
        "mono-unaccompanied",
        "Stage IV NSCLC, KRAS G12C. Adagrasib continues, unaccompanied by any other cancer drug.",
        {MONO},
        set(),
    ),
    (
        "mono-single-treatment",
        "Stage IV NSCLC, KRAS G12C. Treated with sotorasib as the sole treatment since June.",
        {MONO},
        set(),
    ),
    (
        "mono-unaccompanied guard: unaccompanied by a person",
        "Stage IV NSCLC, KRAS G12C, on sotorasib with carboplatin; came unaccompanied by family.",
        set(),
        {MONO},
    ),
    # [v32-naive-previously-not-treated]
    ("naive-previously-not-treated", "Lung adenocarcinoma, stage IIIA. Previously not treated.", {NAIVE}, set()),
    (
        "naive-previously-not-treated guard: one kind only",
        "Small cell lung cancer. Previously not treated with immunotherapy; had carboplatin.",
        set(),
        {NAIVE},
    ),
    # [v32-consult-patient-on-drug]
    (
        "consult-patient-on-drug",
        "Cardiology consult: asked to evaluate palpitations in 67F on adagrasib, lung adenocarcinoma stage IV.",
        {drug("adagrasib")},
        set(),
    ),
    (
        "consult-patient-on-drug guard: the question is whether to start",
        "Asked to evaluate whether to start sotorasib in 67F with lung adenocarcinoma.",
        set(),
        {drug("sotorasib")},
    ),
    # [v32-resolved-not-drug]
    (
        "resolved-not-drug",
        "NSCLC stage IV. Adagrasib from 4/26, hepatitis 6/26, adagrasib held,\nsteroids, now resolved.",
        {drug("adagrasib")},
        set(),
    ),
    (
        "resolved-not-drug guard: the condition that resolved is still read as remote",
        "NSCLC stage IV on durvalumab. Pneumonitis, now resolved.",
        {ILD, drug("durvalumab")},
        set(),
    ),
]


@pytest.mark.parametrize(("name", "text", "wanted", "unwanted"), CASES, ids=[c[0] for c in CASES])
def test_wording_class(name: str, text: str, wanted: set[tuple[str, str]], unwanted: set[tuple[str, str]]) -> None:
    assert_reads(name, text, wanted, unwanted)
