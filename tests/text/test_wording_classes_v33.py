"""Classes of wording behind held-out v33's misses (issue 13's thirty-fourth pass: v33 read, a development set now),
and the narrowing of the safety pass's [v33s-document-about-relative], each with sentences of our own (none copied
from tests/text/heldout33.yaml) and a guard: a case the class reads, and one it must not. Labels are the scorer's
(scripts/text_quality.py ``labels``)."""

from __future__ import annotations

import pytest

from tests.text.reading import assert_reads

OWN = "She continues sotorasib for KRAS G12C lung adenocarcinoma, stage IV."
OWN_FACTS = {("therapy", "sotorasib"), ("kras", "g12c_present"), ("histology", "nsclc"), ("stage", "4")}

# (class, text, pairs that must be found, pairs that must not)
CASES = [
    # --- [t34-about-relative-antecedent] a bare "this" / "it" is a document only when it points back to pasted text --
    (
        "t34-about-relative-antecedent guard: a call about a son",
        f"Telephone encounter. Patient called; it is about her son, who has a fever. {OWN}",
        OWN_FACTS,
        set(),
    ),
    (
        "t34-about-relative-antecedent guard: a call about a son's school form",
        f"Phone note: this call is about her son's school form. {OWN}",
        OWN_FACTS,
        set(),
    ),
    (
        "t34-about-relative-antecedent guard: a portal message's topic",
        f"Portal message: this is about her daughter. {OWN}",
        OWN_FACTS,
        set(),
    ),
    (
        "t34-about-relative-antecedent guard: a letter named, then 'it'",
        f"She asked about the letter from school. It is about her son. {OWN}",
        OWN_FACTS,
        set(),
    ),
    (
        "t34-about-relative-antecedent a quotation, then 'this'",
        'Copied from a caregivers\' forum: "Dad has stage 4 lung adenocarcinoma and takes adagrasib." '
        "She says this is about her father. Her own visit: annual physical.",
        set(),
        {("stage", "4"), ("histology", "nsclc"), ("therapy", "adagrasib")},
    ),
    (
        "t34-about-relative-antecedent a clipping, then 'it'",
        "Obituary clipping she brought in: fought squamous cell lung cancer, treated with docetaxel. "
        "It is about her late mother.",
        set(),
        {("histology", "nsclc"), ("therapy", "docetaxel")},
    ),
    (
        "t34-about-relative-antecedent the pasted part only: her own facts after it stay",
        'Clipping: "She fought squamous cell lung cancer, treated with docetaxel." It is about her late mother. '
        "She herself has stage IV lung adenocarcinoma on sotorasib.",
        {("stage", "4"), ("therapy", "sotorasib")},
        {("therapy", "docetaxel")},
    ),
    (
        "t34-about-relative-antecedent a named document is still the whole document",
        "Pedigree worksheet: she was treated for squamous cell lung carcinoma with docetaxel. "
        "This form concerns the patient's grandmother.",
        set(),
        {("histology", "nsclc"), ("therapy", "docetaxel")},
    ),
    # --- [t34-spread-extensive-type-sites] extensive stage, the small-cell type, then the organs in brackets -------
    (
        "t34-spread-extensive-type-sites the type between",
        "Heme/Onc: extensive-stage small cell lung cancer (liver, bone). On durvalumab maintenance.",
        {("spread", "metastatic"), ("histology", "sclc")},
        set(),
    ),
    (
        "t34-spread-extensive-type-sites German sites",
        "Diagnose: kleinzelliges Bronchialkarzinom, extensive disease (Hirn, Nebennieren).",
        {("spread", "metastatic"), ("histology", "sclc")},
        set(),
    ),
    (
        "t34-spread-extensive-type-sites guard: a bracket naming no organ",
        "Extensive-stage small cell lung cancer (dx 2025), on durvalumab.",
        {("histology", "sclc")},
        {("spread", "metastatic")},
    ),
    (
        "t34-spread-extensive-type-sites guard: extensive stage alone",
        "Small cell lung cancer, extensive stage, on carboplatin/etoposide C2.",
        {("histology", "sclc")},
        {("spread", "metastatic")},
    ),
    # --- [t34-naive-received-none] treatment received: none to date; never received; previously received no ------
    (
        "t34-naive-received-none a French field answered none to date",
        "Adenocarcinome pulmonaire stade IV. Traitements reçus : aucun à ce jour. Décision : chimiothérapie.",
        {("treatment_naive", "true")},
        set(),
    ),
    (
        "t34-naive-received-none a Spanish preterite",
        "Adenocarcinoma de pulmón estadio IIIB. Nunca recibió tratamiento; pendiente de cirugía.",
        {("treatment_naive", "true")},
        set(),
    ),
    (
        "t34-naive-received-none previously received no treatment, and its Russian",
        "Lung adenocarcinoma, stage IIIA. Ранее не получала лечения [previously received no treatment].",
        {("treatment_naive", "true")},
        set(),
    ),
    (
        "t34-naive-received-none guard: a field answered none with no time",
        "Lung adenocarcinoma, stage IV. Traitement reçu : aucun.",
        {("histology", "nsclc")},
        {("treatment_naive", "true")},
    ),
    (
        "t34-naive-received-none guard: a time after",
        "Lung adenocarcinoma, stage IV. Previously received no treatment since the relapse in May.",
        {("histology", "nsclc")},
        {("treatment_naive", "true")},
    ),
    (
        "t34-naive-received-none guard: radiotherapy is no systemic treatment",
        "Lung adenocarcinoma, stage IV. Previously received no radiotherapy.",
        {("histology", "nsclc")},
        {("treatment_naive", "true")},
    ),
    # --- [t34-status-square-gloss] a study's foreign verdict glossed in square brackets -----------------------------
    (
        "t34-status-square-gloss no change compared with the last scan",
        "Lung adenocarcinoma. CT: tiada sebarang perubahan berbanding imbasan yang lepas [no change compared with the last scan].",
        {("disease_status", "stable")},
        set(),
    ),
    (
        "t34-status-square-gloss a noun gloss over a line break",
        "Lung adenocarcinoma. КТ: стабилизация процесса\n[stabilisation] of disease.",
        {("disease_status", "stable")},
        set(),
    ),
    (
        "t34-status-square-gloss a Russian note's dynamics",
        "Lung adenocarcinoma. CT: bez otritsatelnoi dinamiki [without negative dynamics].",
        {("disease_status", "stable")},
        set(),
    ),
    (
        "t34-status-square-gloss guard: a gloss of another word",
        "Lung adenocarcinoma. CT: lesi baru [new] di paru kiri.",
        {("histology", "nsclc")},
        {("disease_status", "stable"), ("disease_status", "improved")},
    ),
    # --- [t34-status-romance-metabolic] the response's kind between ---------------------------------------------
    (
        "t34-status-romance-metabolic French",
        "Carcinome bronchique. TEP de contrôle : réponse métabolique complète.",
        {("disease_status", "improved")},
        set(),
    ),
    (
        "t34-status-romance-metabolic guard: no response",
        "Adénocarcinome pulmonaire. TEP : pas de réponse métabolique partielle, progression ganglionnaire.",
        set(),
        {("disease_status", "improved")},
    ),
    # --- [t34-status-german-progress-im] German "Progress im CT" --------------------------------------------------
    (
        "t34-status-german-progress-im progression seen on a study",
        "NSCLC (Adenokarzinom), Stadium IV. Progress im Kontroll-MRT 10/2026.",
        {("disease_status", "worsened")},
        set(),
    ),
    (
        "t34-status-german-progress-im guard: no progression",
        "NSCLC (Adenokarzinom), Stadium IV. Kein Progress im CT.",
        set(),
        {("disease_status", "worsened")},
    ),
    # --- [t34-status-size-bracketed] the two sizes in brackets after the site, an arrow sign before them -----------
    (
        "t34-status-size-bracketed smaller",
        "A/P: ES-SCLC. Restaging CT: adrenal mets ↓ (2.6→1.4 cm).",
        {("disease_status", "improved")},
        set(),
    ),
    (
        "t34-status-size-bracketed guard: no unit",
        "A/P: NSCLC. CT: SpO2 ↓ (93→88) during the scan.",
        set(),
        {("disease_status", "improved"), ("disease_status", "worsened")},
    ),
    # --- [t34-status-study-parenthetical] the study's bracket, the verdict on the next line ---------------------
    (
        "t34-status-study-parenthetical a bracket after the study",
        "Squamous cell lung cancer, stage IIIA. CT (outside report) 10/2026: no significant interval change.",
        {("disease_status", "stable")},
        set(),
    ),
    (
        "t34-status-study-parenthetical the verdict on the next line",
        "Squamous cell lung cancer, stage IIIA. CT chest 10/2026:\nno interval change.",
        {("disease_status", "stable")},
        set(),
    ),
    (
        "t34-status-study-parenthetical guard: a study inside a bracket before a quoted read",
        "Lung adenocarcinoma. Preliminary report (MRI 9/3): 'no change in the brain lesions'. Final report: new lesion.",
        {("histology", "nsclc")},
        {("disease_status", "stable")},
    ),
    # --- [t34-histology-romance-order] the lung's adjective before the type -------------------------------------
    (
        "t34-histology-romance-order Italian squamous",
        "Lettera di dimissione. Carcinoma polmonare squamoso, stadio IIIA.",
        {("histology", "nsclc")},
        set(),
    ),
    (
        "t34-histology-romance-order European Portuguese small cell",
        "Nota clínica. Cancro do pulmão de pequenas células, doença limitada.",
        {("histology", "sclc")},
        set(),
    ),
    (
        "t34-histology-romance-order Romanian small cell",
        "Consult oncologie. Cancer pulmonar cu celule mici, stadiul IIIA.",
        {("histology", "sclc")},
        set(),
    ),
    (
        "t34-histology-romance-order guard: non-small cell is never small cell",
        "Consult oncologie. Carcinom pulmonar cu celule non-mici, stadiul IV. Cancro do pulmão de não pequenas células.",
        {("histology", "nsclc")},
        {("histology", "sclc")},
    ),
    # --- [t34-kras-neg-abbrev] "KRAS neg" -------------------------------------------------------------------------
    (
        "t34-kras-neg-abbrev a shorthand negative",
        "Adeno ca lung, stage IV, ALK neg, KRAS neg, PD-L1 5%.",
        {("kras", "g12c_absent")},
        set(),
    ),
    (
        "t34-kras-neg-abbrev guard: another gene's neg",
        "Adeno ca lung, stage IV. KRAS pending, EGFR neg.",
        set(),
        {("kras", "g12c_absent")},
    ),
    # --- [t34-mono-germanic-alone] the inhibitor "alleen" / "allein" -----------------------------------------------
    (
        "t34-mono-germanic-alone Dutch",
        "Longadenocarcinoom stadium IV, KRAS G12C. Behandeling: adagrasib alleen sinds 05/2026.",
        {("monotherapy", "true"), ("therapy", "adagrasib")},
        set(),
    ),
    (
        "t34-mono-germanic-alone guard: alone or combined",
        "Longadenocarcinoom stadium IV, KRAS G12C. Studie: sotorasib alleen of in combinatie met chemotherapie.",
        set(),
        {("monotherapy", "true")},
    ),
    # --- [t34-stage-malay] Malay "peringkat" -------------------------------------------------------------------------
    (
        "t34-stage-malay a roman group",
        "Nota klinik: adenokarsinoma paru-paru, peringkat IVA.",
        {("stage", "4")},
        set(),
    ),
    (
        "t34-stage-malay guard: an arabic number",
        "Nota klinik: adenokarsinoma paru-paru, peringkat 3 dalam senarai menunggu.",
        {("histology", "nsclc")},
        {("stage", "3")},
    ),
    # --- [t34-pending-own-drug] a notice that names its own supportive drug ----------------------------------------
    (
        "t34-pending-own-drug an interaction alert",
        "Interaction alert. Active: adagrasib 400 mg BID (taking since 08/2026). Ordered: pantoprazole. "
        "Adagrasib levels may fall. Response: pantoprazole order cancelled.",
        {("therapy", "adagrasib")},
        set(),
    ),
    (
        "t34-pending-own-drug guard: a notice naming no drug is the earlier drug's",
        "Lung adenocarcinoma. Sotorasib 960 mg daily ordered 11/02. Order cancelled - not covered.",
        {("histology", "nsclc")},
        {("therapy", "sotorasib")},
    ),
    # --- [t34-plan-first-cycle-today] a plan whose first cycle was given today -----------------------------------------
    (
        "t34-plan-first-cycle-today English",
        "Metastatic colon cancer. Plan: FOLFIRI, first cycle given today.",
        {("therapy", "irinotecan")},
        set(),
    ),
    (
        "t34-plan-first-cycle-today Spanish",
        "Cáncer de colon metastásico. Plan: FOLFIRI, primer ciclo administrado hoy.",
        {("therapy", "irinotecan")},
        set(),
    ),
    (
        "t34-plan-first-cycle-today guard: to be given",
        "Metastatic colon cancer. Plan: FOLFIRI, first cycle to be given today at 3 pm.",
        set(),
        {("therapy", "irinotecan")},
    ),
    # --- v32's misses left by the thirty-third pass, where a general class exists ------------------------------------
    # [t34-gloss-own-negation] a gloss with its own negation is not negated again by the foreign clause's "no"
    (
        "t34-gloss-own-negation a glossed naive statement",
        "Lung adenocarcinoma, stage IIIA. Hem i no bin tekem eni meresin yet [he has not received any chemo yet].",
        {("treatment_naive", "true")},
        set(),
    ),
    (
        "t34-gloss-own-negation guard: a bracketed list under a negation",
        "Lung adenocarcinoma. Negative for: [KRAS G12C, EGFR exon 19].",
        set(),
        {("kras", "g12c_present")},
    ),
    # [t34-naive-resected-adj] "adj" after a resection
    (
        "t34-naive-resected-adj no adj chemo",
        "NSCLC adeno st IB s/p lobectomy 2024, no adj chemo. Surveillance CT stable.",
        {("treatment_naive", "true")},
        set(),
    ),
    (
        "t34-naive-resected-adj guard: a time after",
        "NSCLC adeno st IB s/p lobectomy, no adj chemo yet.",
        {("histology", "nsclc")},
        {("treatment_naive", "true")},
    ),
    # [t34-status-than-baseline] smaller than at a treatment's baseline
    (
        "t34-status-than-baseline smaller than at sim",
        "Limited-stage SCLC, on CRT. CXR: the right hilar mass looks smaller than at simulation.",
        {("disease_status", "improved")},
        set(),
    ),
    (
        "t34-status-than-baseline guard: smaller than expected",
        "Limited-stage SCLC. CXR: the right hilar mass is smaller than expected for its density.",
        {("histology", "sclc")},
        {("disease_status", "improved")},
    ),
    # [t34-spread-how-far] a word of how far between "spread" and "to"
    (
        "t34-spread-how-far a gloss's plain words",
        "Small cell lung cancer [the cancer has spread widely to the bones].",
        {("spread", "metastatic")},
        set(),
    ),
    (
        "t34-spread-how-far guard: not spread",
        "Small cell lung cancer; it has not spread to the liver on PET.",
        {("histology", "sclc")},
        {("spread", "metastatic")},
    ),
    # [t34-mono-taking-only] and [t34-gloss-synonyms] "taking adagrasib only/alone"
    (
        "t34-mono-taking-only a gloss unsure of its word",
        "Lung adenocarcinoma stage IV, KRAS G12C. Ta kome sotorasib so [is taking sotorasib only/alone] since June.",
        {("monotherapy", "true"), ("therapy", "sotorasib")},
        set(),
    ),
    (
        "t34-gloss-synonyms guard: a bracketed regimen choice",
        "Lung adenocarcinoma stage IV, KRAS G12C. Plan: sotorasib [alone/with panitumumab].",
        set(),
        {("monotherapy", "true")},
    ),
    # [t34-therapy-cycle-given-before] a plan's clause before the drug's records a later cycle released or given
    (
        "t34-therapy-cycle-given-before a treatment plan's released cycle",
        "Plan: KRAS G12C NSCLC ADAGRASIB. Cycle 4 Day 1 released 10/02/2026; adagrasib 600 mg PO BID.",
        {("therapy", "adagrasib")},
        set(),
    ),
    (
        "t34-therapy-cycle-given-before guard: a first cycle only released",
        "Plan: KRAS G12C NSCLC. Cycle 1 Day 1 released 10/02/2026; adagrasib 600 mg PO BID.",
        set(),
        {("therapy", "adagrasib")},
    ),
    (
        "t34-therapy-cycle-given-before guard: the drug's clause still to come",
        "Plan: KRAS G12C NSCLC. Cycle 4 Day 1 given 11/02; sotorasib to start next week.",
        set(),
        {("therapy", "sotorasib")},
    ),
    # [t34-kras-neg-other-gene] a negative in another gene's clause after KRAS's own word is that gene's
    (
        "t34-kras-neg-other-gene KRAS pending, EGFR negative",
        "Lung adenocarcinoma, stage IV. Molecular: KRAS pending, EGFR negative, PD-L1 30%.",
        {("histology", "nsclc")},
        {("kras", "g12c_absent")},
    ),
    (
        "t34-kras-neg-other-gene guard: a list of genes sharing one verdict",
        "Lung adenocarcinoma, stage IV. KRAS, NRAS, BRAF negative.",
        {("kras", "g12c_absent")},
        set(),
    ),
]


@pytest.mark.parametrize(("name", "text", "wanted", "unwanted"), CASES, ids=[c[0] for c in CASES])
def test_wording_class(name: str, text: str, wanted: set[tuple[str, str]], unwanted: set[tuple[str, str]]) -> None:
    assert_reads(name, text, wanted, unwanted)
