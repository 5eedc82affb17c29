"""Classes of wording behind held-out v32's false facts (issue 13's safety pass on v32; only v32's false positives were
read, its misses stay blind), each with sentences of our own (none copied from tests/text/heldout32.yaml) and a guard:
a case the class removes, and a true fact it keeps. Labels are the scorer's (scripts/text_quality.py ``labels``)."""

from __future__ import annotations

import pytest

from tests.text.reading import assert_reads

# (class, text, pairs that must be found, pairs that must not)
CASES = [
    # --- [v32s-relative-after] a finding placed in a relative after it ------------------------------------------------
    (
        "v32s-relative-after ILD in the father",
        "Social and family history: interstitial lung disease in his father. Patient with lung adenocarcinoma.",
        {("histology", "nsclc")},
        {("ild", "true")},
    ),
    (
        "v32s-relative-after KRAS in a sister",
        "Germline counselling note: KRAS G12C in her late sister; the patient has not been tested.",
        set(),
        {("kras", "g12c_present")},
    ),
    (
        "v32s-relative-after guard: the patient's own ILD beside a relative's",
        "Pneumonitis in the mother. CT today: grade 2 pneumonitis of the right lower lobe.",
        {("ild", "true")},
        set(),
    ),
    (
        "v32s-relative-after guard: a relative present, not ill",
        "Pulmonary fibrosis diagnosed in the daughter's presence at today's visit.",
        {("ild", "true")},
        set(),
    ),
    # --- [v32s-no-patient-title] a document about no patient of this chart -------------------------------------------
    (
        "v32s-no-patient-title job posting",
        "Job description: chemotherapy nurse, day unit (fictitious). Must be confident giving cisplatin and "
        "docetaxel and recognising pneumonitis.",
        set(),
        {("therapy", "cisplatin"), ("therapy", "docetaxel"), ("ild", "true")},
    ),
    (
        "v32s-no-patient-title an animal's record",
        "Veterinary oncology service - recheck (fictitious clinic). Canine lung adenocarcinoma, doxorubicin given.",
        set(),
        {("histology", "nsclc"), ("therapy", "doxorubicin")},
    ),
    (
        "v32s-no-patient-title a generic scenario",
        "Dose calculator output - no patient selected. Example: stage IV NSCLC, KRAS G12C, adagrasib 600 mg bid.",
        set(),
        {("kras", "g12c_present"), ("histology", "nsclc"), ("stage", "4")},
    ),
    (
        "v32s-no-patient-title guard: a patient who works at a veterinary clinic",
        "Oncology clinic note (fictitious clinic).\nSocial: works at a veterinary hospital. Lung adenocarcinoma, "
        "carboplatin given last week.",
        {("histology", "nsclc"), ("therapy", "carboplatin")},
        set(),
    ),
    # --- [v32s-example-placeholder] a blank template whose fields show examples ----------------------------------------
    (
        "v32s-example-placeholder appeal template",
        "Appeal letter template (blank): [PATIENT NAME] was started on [DRUG, e.g. sotorasib] for "
        "[DIAGNOSIS, e.g. KRAS G12C lung adenocarcinoma].",
        set(),
        {("kras", "g12c_present"), ("histology", "nsclc"), ("therapy", "sotorasib")},
    ),
    (
        "v32s-example-placeholder guard: a filled letter with one bracketed note",
        "Appeal letter: the patient has KRAS G12C lung adenocarcinoma [confirmed on tissue] and started sotorasib.",
        {("kras", "g12c_present"), ("histology", "nsclc")},
        set(),
    ),
    # --- [v32s-agenda-cases] a meeting's list of several cases --------------------------------------------------------
    (
        "v32s-agenda-cases board agenda",
        "Lung MDT list. Case 1: 71F, KRAS G12C adenocarcinoma, restage. Case 2: 64M, small cell carcinoma, new.",
        set(),
        {("kras", "g12c_present"), ("histology", "nsclc"), ("histology", "sclc")},
    ),
    (
        "v32s-agenda-cases guard: one case presented",
        "Tumour board. Case 3: 66M, lung adenocarcinoma, KRAS G12C on tissue NGS.",
        {("kras", "g12c_present"), ("histology", "nsclc")},
        set(),
    ),
]


@pytest.mark.parametrize(("name", "text", "wanted", "unwanted"), CASES, ids=[c[0] for c in CASES])
def test_wording_class(name: str, text: str, wanted: set[tuple[str, str]], unwanted: set[tuple[str, str]]) -> None:
    assert_reads(name, text, wanted, unwanted)
