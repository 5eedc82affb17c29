"""Classes of wording behind held-out v34's misses (issue 13's thirty-fifth pass: v34 read, a development set now),
each with sentences of our own (none copied from tests/text/heldout34.yaml) and a guard: a case the class reads, and
one it must not. Labels are the scorer's (scripts/text_quality.py ``labels``)."""

from __future__ import annotations

import pytest

from tests.text.reading import assert_reads

# (class, text, pairs that must be found, pairs that must not)
CASES = [
    # --- [t35-spread-extensive-sites-more] the extent in Romance words, the organs as German adjectives or Italian --
    (
        "t35-spread-extensive-sites-more German adjectives",
        "Diagnose: kleinzelliges Lungenkarzinom, extensive disease (zerebral, ossär). Therapie: Carboplatin.",
        {("spread", "metastatic"), ("histology", "sclc")},
        set(),
    ),
    (
        "t35-spread-extensive-sites-more Italian extent and organ",
        "Diagnosi: microcitoma del polmone, malattia estesa (ossa, surrene). In terapia con durvalumab.",
        {("spread", "metastatic"), ("histology", "sclc")},
        set(),
    ),
    (
        "t35-spread-extensive-sites-more Spanish extent",
        "Dx: carcinoma pulmonar de células pequeñas, enfermedad extendida (hígado).",
        {("spread", "metastatic")},
        set(),
    ),
    (
        "t35-spread-extensive-sites-more French extent",
        "Diagnostic : carcinome bronchique à petites cellules, stade étendu (foie, surrénales).",
        {("spread", "metastatic")},
        set(),
    ),
    (
        "t35-spread-extensive-sites-more guard: a bracket naming no organ",
        "Diagnosi: microcitoma del polmone, malattia estesa (diagnosi 03/2025).",
        {("histology", "sclc")},
        {("spread", "metastatic")},
    ),
    (
        "t35-spread-extensive-sites-more guard: the extent alone (decided: not metastatic by itself)",
        "Dx: carcinoma pulmonar de células pequeñas, enfermedad extendida. Carboplatino-etopósido x4.",
        {("histology", "sclc")},
        {("spread", "metastatic")},
    ),
    # --- [t35-status-study-stable-words] a study's French noun or German phrase, a date before the colon ----------
    (
        "t35-status-study-stable-words French noun after a dated scanner",
        "Suivi: adagrasib depuis 05/2026. Scanner 02/12/2026 : stabilité.",
        {("disease_status", "stable")},
        set(),
    ),
    (
        "t35-status-study-stable-words German phrase with a gloss",
        "Verlauf: MRT vom 01.11.2026: stabiler Befund. Weiter mit Sotorasib.",
        {("disease_status", "stable")},
        set(),
    ),
    (
        "t35-status-study-stable-words German 'stabile Verhältnisse' after CT",
        "Kontrolle. CT: stabile Verhältnisse [stable findings]. Fortsetzung der Erhaltung.",
        {("disease_status", "stable")},
        set(),
    ),
    (
        "t35-status-study-stable-words guard: no study (the circulation's)",
        "Aufnahme: Kreislauf: stabile Verhältnisse. Lungenadenokarzinom Stadium IV.",
        set(),
        {("disease_status", "stable")},
    ),
    (
        "t35-status-study-stable-words guard: the verdict is the fibrosis's",
        "Scanner : stabilité de la fibrose pulmonaire connue.",
        set(),
        {("disease_status", "stable")},
    ),
    # --- [t35-status-burden-stable] the tumour or disease burden called stable ---------------------------------------
    (
        "t35-status-burden-stable otherwise stable",
        "Restaging reviewed: one new rib focus is equivocal. Disease burden otherwise stable.",
        {("disease_status", "stable")},
        set(),
    ),
    (
        "t35-status-burden-stable remains",
        "On sotorasib since May; tumor burden essentially stable.",
        {("disease_status", "stable")},
        set(),
    ),
    (
        "t35-status-burden-stable guard: a question",
        "Is the tumour burden stable? Restaging CT next week.",
        set(),
        {("disease_status", "stable")},
    ),
    (
        "t35-status-burden-stable guard: the patient otherwise stable",
        "Admitted with a chest infection; patient otherwise stable. On adagrasib.",
        set(),
        {("disease_status", "stable")},
    ),
    # --- [t35-status-arrow-sites] a down arrow before a site's lesions after a study's colon -------------------------
    (
        "t35-status-arrow-sites down arrow before liver lesions",
        "ES-SCLC on atezolizumab. CT 10/26: ↓ hepatic mets, no new sites.",
        {("disease_status", "improved")},
        set(),
    ),
    (
        "t35-status-arrow-sites guard: no cancer site",
        "CT: ↓ pleural effusion after drainage.",
        set(),
        {("disease_status", "improved")},
    ),
    (
        "t35-status-arrow-sites guard: an up arrow",
        "PET: ↑ nodal mets.",
        set(),
        {("disease_status", "improved")},
    ),
    # --- [t35-histology-creole-spelling] / [t35-histology-lung-compound] -------------------------------------------
    (
        "t35-histology-creole-spelling grave accent, the lung named",
        "Dyagnostik: kansè nan poumon, adenokarsinòm, estad IV.",
        {("histology", "nsclc")},
        set(),
    ),
    (
        "t35-histology-creole-spelling guard: the colon's",
        "Dyagnostik: adenokarsinòm kolon, estad II.",
        set(),
        {("histology", "nsclc")},
    ),
    (
        "t35-histology-lung-compound German compound",
        "Diagnose: Lungenplattenepithelkarzinom, Stadium IIIB.",
        {("histology", "nsclc")},
        set(),
    ),
    (
        "t35-histology-lung-compound guard: small cell stays small cell",
        "Diagnose: kleinzelliges Lungenkarzinom, limited disease.",
        {("histology", "sclc")},
        {("histology", "nsclc")},
    ),
    # --- [t35-mono-sole-no-article] "as sole treatment" -------------------------------------------------------------
    (
        "t35-mono-sole-no-article a gloss without an article",
        "Tipul: adagrasib [adagrasib as sole treatment] since 04/2026.",
        {("monotherapy", "true"), ("therapy", "adagrasib")},
        set(),
    ),
    (
        "t35-mono-sole-no-article guard: surgery alone",
        "Surgery as sole treatment for her stage I colon cancer.",
        set(),
        {("monotherapy", "true")},
    ),
    (
        "t35-mono-sole-no-article guard: an option",
        "Lung adenocarcinoma, KRAS G12C. Docetaxel as sole treatment option was declined.",
        set(),
        {("monotherapy", "true")},
    ),
    # --- [t35-naive-nil-to-date] / [t35-naive-kimo] ------------------------------------------------------------------
    (
        "t35-naive-nil-to-date nil over the whole history",
        "Lung adenocarcinoma stage IV. Nil chemotherapy so far; sees oncology next week.",
        {("treatment_naive", "true")},
        set(),
    ),
    (
        "t35-naive-nil-to-date guard: since progression",
        "Lung adenocarcinoma stage IV. Nil systemic therapy since progression.",
        set(),
        {("treatment_naive", "true")},
    ),
    (
        "t35-naive-kimo no kimo yet",
        "Dx: small cell lung cancer. Nogat kimo yet; awaiting transfer to the capital.",
        {("treatment_naive", "true")},
        set(),
    ),
    (
        "t35-naive-kimo guard: one day's dose",
        "Dx: small cell lung cancer. No kimo today, neutrophils low.",
        set(),
        {("treatment_naive", "true")},
    ),
    # --- [t35-discussed-diagnosis-field] a "Discussed:" field that opens with the diagnosis -------------------------
    (
        "t35-discussed-diagnosis-field the diagnosis told",
        "Family conference.\nDiscussed: stage IV lung adenocarcinoma, KRAS G12C by tissue NGS.",
        {("stage", "4"), ("histology", "nsclc"), ("kras", "g12c_present")},
        set(),
    ),
    (
        "t35-discussed-diagnosis-field guard: a field of options",
        "Family conference.\nDiscussed: sotorasib or docetaxel; she will decide by Friday.",
        set(),
        {("therapy", "sotorasib"), ("therapy", "docetaxel")},
    ),
    # --- [t35-first-dose-taken-next] the next clause on the line records the first dose taken -----------------------
    (
        "t35-first-dose-taken-next an oral drug's first dose taken",
        "Plan now adagrasib, insurer approved; first dose taken 11/28/2026 in clinic.",
        {("therapy", "adagrasib")},
        set(),
    ),
    (
        "t35-first-dose-taken-next guard: a first dose still to be taken",
        "Plan now adagrasib, insurer approved; first dose to be taken on Monday.",
        set(),
        {("therapy", "adagrasib")},
    ),
    (
        "t35-first-dose-taken-next guard: taken once approved",
        "Plan now adagrasib; first dose taken once approved.",
        set(),
        {("therapy", "adagrasib")},
    ),
    # --- [t35-exclusion-reason-field] a log's reason field citing a numbered exclusion -------------------------------
    (
        "t35-exclusion-reason-field the reason a subject failed",
        "Pre-screening log, Study ABC-12 (fictitious).\nReason: Exclusion 4 - history of drug-induced pneumonitis (2024).",
        {("ild", "true")},
        set(),
    ),
    (
        "t35-exclusion-reason-field guard: a protocol's list of criteria",
        "Protocol synopsis.\nExclusion 4 - prior drug-induced pneumonitis or ILD.",
        set(),
        {("ild", "true")},
    ),
    # --- [t35-request-title-line] a request's title ending at its line, the drug on the next line --------------------
    (
        "t35-request-title-line a request titled with no stop",
        "Solicitud de acceso - Hospital Los Aromos (ficticio), Chile\nMedicamento: adagrasib 600 mg c/12 h. "
        "Dx: CPCNP estadio IV, KRAS G12C.",
        {("kras", "g12c_present")},
        {("therapy", "adagrasib")},
    ),
    (
        "t35-request-title-line guard: the drug the next line says is taken",
        "Request for records - Clinic Y (fictitious)\nPatient on sotorasib since 05/2026 for stage IV NSCLC.",
        {("therapy", "sotorasib")},
        set(),
    ),
    (
        "t35-request-title-line guard: a test's request over its indication",
        "MRI brain request (contrast)\nIndication: headaches on sotorasib; exclude brain metastases. NSCLC stage IV.",
        {("therapy", "sotorasib")},
        set(),
    ),
    (
        "t35-request-title-line guard: a history field",
        "Solicitud de acceso - Hospital Los Aromos\nTratamiento previo: carboplatino + pemetrexed (2026).",
        {("therapy", "carboplatin"), ("therapy", "pemetrexed")},
        set(),
    ),
    # --- [t35-stage-sclc-sentence] a stage in a sentence naming SCLC, another organ's treatment elsewhere -----------
    (
        "t35-stage-sclc-sentence the lung's stage despite a breast RT history",
        "Day unit: etoposide/carboplatin C2 for SCLC (stage IIIA). Bloods fine.\nPMH: breast RT 2010.",
        {("stage", "3")},
        set(),
    ),
    (
        "t35-stage-sclc-sentence guard: the other primary in the same sentence",
        "On etoposide for SCLC; breast cancer stage II in 2015.",
        set(),
        {("stage", "2")},
    ),
]


@pytest.mark.parametrize(("name", "text", "wanted", "unwanted"), CASES, ids=[c[0] for c in CASES])
def test_wording_class(name: str, text: str, wanted: set[tuple[str, str]], unwanted: set[tuple[str, str]]) -> None:
    assert_reads(name, text, wanted, unwanted)
