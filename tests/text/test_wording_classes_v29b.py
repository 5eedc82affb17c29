"""Classes of wording behind held-out v29's therapy, ILD, histology and stage misses (issue 13's thirtieth pass, part
two; read on 2026-12-03, when v29 became a development set), each with sentences of our own (none copied from
tests/text/heldout29.yaml) and a guard: what a text must assert, and what it must not. Labels are the scorer's
(scripts/text_quality.py ``labels``), so a case reads like a corpus item."""

from __future__ import annotations

import pytest

from tests.text.reading import assert_reads

# (class, text, pairs that must be found, pairs that must not)
CASES = [
    # --- [v29-foreign-squamous] Spanish / Italian squamous carcinoma, the lung named -------------------------------
    (
        "v29-foreign-squamous",
        "Diagnosi: carcinoma squamoso del lobo inferiore del polmone destro, stadio IIB.",
        {("histology", "nsclc")},
        set(),
    ),
    (
        "v29-foreign-squamous",
        "Biopsia: carcinoma escamocelular del pulmón izquierdo, PD-L1 40%.",
        {("histology", "nsclc")},
        set(),
    ),
    (
        "v29-foreign-squamous",
        "Carcinoma a cellule squamose del polmone, in attesa di chemioterapia.",
        {("histology", "nsclc")},
        set(),
    ),
    (
        "v29-foreign-squamous guard: the skin",
        "Carcinoma squamoso della cute del dorso, asportato.",
        set(),
        {("histology", "nsclc")},
    ),
    # --- [v29-romanian-histology] ---------------------------------------------------------------------------------
    ("v29-romanian-histology", "Diagnostic: adenocarcinom pulmonar, stadiul IIIB.", {("histology", "nsclc")}, set()),
    (
        "v29-romanian-histology",
        "Internare pentru carcinom scuamos pulmonar, ciclul 2.",
        {("histology", "nsclc")},
        set(),
    ),
    (
        "v29-romanian-histology guard: small cell",
        "Diagnostic: carcinom pulmonar cu celule mici, boala extinsa.",
        set(),
        {("histology", "nsclc")},
    ),
    # --- [v29-spanish-small-cell-ca] ------------------------------------------------------------------------------
    (
        "v29-spanish-small-cell-ca",
        "Varón de 66 años, Ca pulmonar de células pequeñas, enfermedad extendida.",
        {("histology", "sclc")},
        set(),
    ),
    (
        "v29-spanish-small-cell-ca",
        "Carcinoma de pulmón de células pequeñas en respuesta parcial.",
        {("histology", "sclc")},
        set(),
    ),
    (
        "v29-spanish-small-cell-ca guard: non-small cell",
        "Ca pulmonar de células no pequeñas, estadio IIIA.",
        set(),
        {("histology", "sclc")},
    ),
    # --- [v29-lung-cancer-dash-small-cell] --------------------------------------------------------------------------
    (
        "v29-lung-cancer-dash-small-cell",
        "Problem list: lung cancer \u2013 small cell type, limited stage.",
        {("histology", "sclc")},
        set(),
    ),
    ("v29-lung-cancer-dash-small-cell", "Dx: lung ca: small-cell, on chemo.", {("histology", "sclc")}, set()),
    (
        "v29-lung-cancer-dash-small-cell guard: non-small cell",
        "Dx: lung cancer - non-small cell, stage IIIA.",
        set(),
        {("histology", "sclc")},
    ),
    # --- [v29-stage-letter-prefix] ----------------------------------------------------------------------------------
    (
        "v29-stage-letter-prefix",
        "Adenocarcinoma de pulmón EIVA, primera línea con carboplatino.",
        {("stage", "4")},
        set(),
    ),
    ("v29-stage-letter-prefix", "Carcinoma escamoso de pulmón EIIIB irresecable.", {("stage", "3")}, set()),
    (
        "v29-stage-letter-prefix guard: an immunoassay",
        "Lung adenocarcinoma under work-up; HIV EIA negative.",
        set(),
        {("stage", "1")},
    ),
    # --- [v29-stage-numeral-before-st] ------------------------------------------------------------------------------
    ("v29-stage-numeral-before-st", "Rak płuca NDRP, III st., po chemioradioterapii.", {("stage", "3")}, set()),
    (
        "v29-stage-numeral-before-st guard: a route",
        "NSCLC admitted with pneumonitis; IV steroids started.",
        set(),
        {("stage", "4")},
    ),
    # --- [v29-fibrotic-sarcoidosis] ---------------------------------------------------------------------------------
    (
        "v29-fibrotic-sarcoidosis",
        "Background: fibrotic pulmonary sarcoidosis, on home oxygen.",
        {("ild", "true")},
        set(),
    ),
    (
        "v29-fibrotic-sarcoidosis",
        "Comorbidities: sarcoidosis since 2009, now Scadding IV on CT.",
        {("ild", "true")},
        set(),
    ),
    ("v29-fibrotic-sarcoidosis guard: the heart", "Cardiac sarcoidosis with a pacemaker.", set(), {("ild", "true")}),
    (
        "v29-fibrotic-sarcoidosis guard: nodes only",
        "Sarcoidosis, Scadding stage I (hilar nodes only).",
        set(),
        {("ild", "true")},
    ),
    # --- [v29-inflected-drug] Polish / Czech case endings, Indonesian spelling ---------------------------------------
    (
        "v29-inflected-drug",
        "Leczona wcześniej karboplatyną i pemetreksedem, obecnie progresja.",
        {("therapy", "carboplatin"), ("therapy", "pemetrexed")},
        set(),
    ),
    ("v29-inflected-drug", "Po 3 cyklach docetakselu - progresja w CT.", {("therapy", "docetaxel")}, set()),
    ("v29-inflected-drug", "Pasien kanker kolon, kapesitabin adjuvan siklus 2.", {("therapy", "capecitabine")}, set()),
    (
        "v29-inflected-drug guard: no drug's skeleton",
        "Pacjentka po kontroli, bez leczenia onkologicznego.",
        set(),
        {("therapy", "carboplatin"), ("therapy", "docetaxel")},
    ),
    # --- [v29-therapy-relative-per] ---------------------------------------------------------------------------------
    (
        "v29-therapy-relative-per",
        "Per daughter, his last infusion of docetaxel was two weeks ago.",
        {("therapy", "docetaxel")},
        set(),
    ),
    (
        "v29-therapy-relative-per guard: the relative's own",
        "Seen with his wife; according to his wife, her mother received paclitaxel.",
        set(),
        {("therapy", "paclitaxel")},
    ),
    (
        "v29-therapy-relative-per guard: a companion who is on it",
        "Accompanied by her husband, who is on capecitabine for his own cancer.",
        set(),
        {("therapy", "capecitabine")},
    ),
    # --- [v29-study-drug-acted-on] ----------------------------------------------------------------------------------
    (
        "v29-study-drug-acted-on",
        "Safety log, protocol ABC-12 (sponsor copy): Subject 7, arm: sotorasib. SAE hepatitis G3;\n"
        "drug interrupted, restarted at a reduced dose.",
        {("therapy", "sotorasib")},
        set(),
    ),
    (
        "v29-study-drug-acted-on guard: a hold still to come",
        "Screening log, protocol ABC-12 (sponsor copy): Subject 7, arm: sotorasib. Drug will be held if ALT rises.",
        set(),
        {("therapy", "sotorasib")},
    ),
    # --- [v29-drug-asked-working] -----------------------------------------------------------------------------------
    (
        "v29-drug-asked-working",
        "Portal message: my liver spots are smaller now - is that the sotorasib working?",
        {("therapy", "sotorasib")},
        set(),
    ),
    (
        "v29-drug-asked-working",
        "Scan was good, so is this the panitumumab and FOLFOX helping? Thanks.",
        {("therapy", "panitumumab")},
        set(),
    ),
    (
        "v29-drug-asked-working guard: a drug not taken",
        "Portal message: my cousin asked - would adagrasib work for me too?",
        set(),
        {("therapy", "adagrasib")},
    ),
    (
        "v29-drug-asked-working guard: not a list of drugs",
        "Feeling better - is that the diet and sotorasib working?",
        set(),
        {("therapy", "sotorasib")},
    ),
    # --- [v29-declined-for] -----------------------------------------------------------------------------------------
    (
        "v29-declined-for",
        "She refused the chemoradiation offered for her stage IIIB lung adenocarcinoma.",
        {("stage", "3"), ("histology", "nsclc")},
        set(),
    ),
    (
        "v29-declined-for guard: a doubt after 'for'",
        "Pt declined the biopsy recommended for possible stage IV lung cancer.",
        set(),
        {("stage", "4")},
    ),
    # --- [v29-question-premise] -------------------------------------------------------------------------------------
    (
        "v29-question-premise",
        "Question for oncology: 'Patient with stage IIB lung adenocarcinoma, now on warfarin - any interaction?'",
        {("stage", "2"), ("histology", "nsclc")},
        set(),
    ),
    (
        "v29-question-premise",
        "Is it safe to start adagrasib given his prior checkpoint pneumonitis (resolved 2024)?",
        {("ild", "true")},
        set(),
    ),
    (
        "v29-question-premise guard: a risk, not a history",
        "Could we start sotorasib given the risk of pneumonitis?",
        set(),
        {("ild", "true")},
    ),
    (
        "v29-question-premise guard: a doubted premise",
        "Can she have adagrasib given her possible ILD on the last CT?",
        set(),
        {("ild", "true")},
    ),
    (
        "v29-question-premise guard: the question itself",
        "Question: does the patient have stage IV disease?",
        set(),
        {("stage", "4")},
    ),
]


@pytest.mark.parametrize(
    ("cls", "text", "must", "must_not"), CASES, ids=[f"{c[0]}-{i:02d}" for i, c in enumerate(CASES)]
)
def test_v29b_wording_class(cls: str, text: str, must: set[tuple[str, str]], must_not: set[tuple[str, str]]) -> None:
    assert_reads(cls, text, must, must_not)
