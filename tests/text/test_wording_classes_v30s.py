"""Classes of wording behind held-out v30's false facts (issue 13's safety pass on v30, session 19; only v30's false
positives were read, its misses stay blind), each with sentences of our own (none copied from
tests/text/heldout30.yaml) and a guard: a case the class removes, and a true fact it keeps. Labels are the scorer's
(scripts/text_quality.py ``labels``), so a case reads like a corpus item."""

from __future__ import annotations

import pytest

from tests.text.reading import assert_reads

# (class, text, pairs that must be found, pairs that must not)
CASES = [
    # --- [v30s-heading-comma] a general text's heading, then a comma and its issuer ---------------------------------
    (
        "v30s-heading-comma",
        "Clinical policy excerpt, Bluebay Health (fictitious). Criteria: KRAS G12C confirmed; used as monotherapy.",
        set(),
        {("kras", "g12c_present"), ("monotherapy", "true")},
    ),
    (
        "v30s-heading-comma",
        "Study flyer, Oakfield Research Office: are you living with lung cancer carrying KRAS G12C? Ask us.",
        set(),
        {("kras", "g12c_present")},
    ),
    (
        "v30s-heading-comma guard: a clinic note",
        "Oncology follow-up, Bayview Clinic. 64M, lung adenocarcinoma, KRAS G12C mutation detected.",
        {("kras", "g12c_present")},
        set(),
    ),
    # --- [v30s-patient-leaflet] a patient leaflet's heading ------------------------------------------------------------
    (
        "v30s-patient-leaflet",
        "Patient information leaflet: Your adagrasib tablets. Adagrasib treats cancers with a KRAS G12C change.",
        set(),
        {("kras", "g12c_present"), ("therapy", "adagrasib")},
    ),
    (
        "v30s-patient-leaflet guard: the leaflet handed over in a note",
        "Patient leaflet handed over today. She began adagrasib on 11/02 for KRAS G12C lung adenocarcinoma.",
        {("therapy", "adagrasib"), ("kras", "g12c_present")},
        set(),
    ),
    # --- [v30s-evaluates-no-patient] a rule that says it reads no patient's data ----------------------------------------
    (
        "v30s-evaluates-no-patient",
        "Order-set alert: a G12C inhibitor needs KRAS G12C positivity and prior systemic therapy. "
        "This alert does not use patient information.",
        set(),
        {("kras", "g12c_present")},
    ),
    # --- [v30s-decision-field] the decision field in more languages ----------------------------------------------------
    (
        "v30s-decision-field",
        "Kleinzelliges Karzinom, ausgedehnt. Empfehlung:\nCisplatin/Etoposid.",
        set(),
        {("therapy", "cisplatin"), ("therapy", "etoposide")},
    ),
    (
        "v30s-decision-field",
        "Konzilij. Preporuka: karboplatin i pemetreksed, zatim kontrola.",
        set(),
        {("therapy", "carboplatin"), ("therapy", "pemetrexed")},
    ),
    (
        "v30s-decision-field guard: a decision to continue",
        "Tumorboard. Empfehlung: continue sotorasib, restaging in 8 weeks.",
        {("therapy", "sotorasib")},
        set(),
    ),
    # --- [v30s-concur-with] a consultant agreeing with a proposed plan ----------------------------------------------------
    (
        "v30s-concur-with",
        "Second opinion: we concur with adjuvant carboplatin-based chemotherapy after resection.",
        set(),
        {("therapy", "carboplatin")},
    ),
    (
        "v30s-concur-with",
        "Metastatic rectal cancer, prior FOLFOX. I agree with starting sotorasib plus panitumumab as the next line.",
        set(),
        {("therapy", "sotorasib"), ("therapy", "panitumumab")},
    ),
    (
        "v30s-concur-with guard: continuing a drug taken",
        "Tolerating treatment well; I agree with continuing sotorasib at the same dose.",
        {("therapy", "sotorasib")},
        set(),
    ),
    (
        "v30s-concur-with guard: agreement with a drug already given",
        "Progression on sotorasib. I agree with docetaxel; the first dose was given last week.",
        {("therapy", "docetaxel")},
        set(),
    ),
    # --- [v30s-upcoming] a regimen still to come ---------------------------------------------------------------------------
    (
        "v30s-upcoming",
        "Nurse education on the upcoming carboplatin/pemetrexed, side effects discussed.",
        set(),
        {("therapy", "carboplatin"), ("therapy", "pemetrexed")},
    ),
    (
        "v30s-upcoming guard: a regimen given, named past the cue's reach",
        "Upcoming restaging CT next week, after four cycles of carboplatin/pemetrexed.",
        {("therapy", "carboplatin"), ("therapy", "pemetrexed")},
        set(),
    ),
    # --- [v30s-not-yet-dosed] enrolled but not yet treated -----------------------------------------------------------------
    (
        "v30s-not-yet-dosed",
        "Enrolled in arm B with durvalumab, not yet dosed.",
        set(),
        {("therapy", "durvalumab")},
    ),
    (
        "v30s-not-yet-dosed guard: dosed",
        "Enrolled in arm B with durvalumab, first dose given 10/04.",
        {("therapy", "durvalumab")},
        set(),
    ),
    # --- [v30s-postposed-negative] a South Slavic negative after the finding ----------------------------------------------
    (
        "v30s-postposed-negative",
        "Adenokarcinom pluca. Mutacija KRAS G12C negativna.",
        set(),
        {("kras", "g12c_present")},
    ),
    (
        "v30s-postposed-negative",
        "Na sotorasibu. Pnevmonitis ni prisoten na CT.",
        set(),
        {("ild", "true")},
    ),
    (
        "v30s-postposed-negative guard: a positive",
        "Adenokarcinom pluca, KRAS G12C pozitivan.",
        {("kras", "g12c_present")},
        set(),
    ),
    # --- [v30s-staff-exposure] a drug spilled on someone handling it ---------------------------------------------------------
    (
        "v30s-staff-exposure",
        "Staff incident: cisplatin splash on a pharmacist's sleeve while priming the line, no skin contact.",
        set(),
        {("therapy", "cisplatin")},
    ),
    (
        "v30s-staff-exposure guard: a dose given",
        "Cisplatin infused without incident; no spill.",
        {("therapy", "cisplatin")},
        set(),
    ),
    # --- [v30s-evaluation-for] an Albanian request to evaluate -------------------------------------------------------------
    (
        "v30s-evaluation-for",
        "Pacienti ne sotorasib. Vleresim per pneumonit, CT e kerkuar.",
        set(),
        {("ild", "true")},
    ),
]


@pytest.mark.parametrize(("name", "text", "wanted", "unwanted"), CASES, ids=[c[0] for c in CASES])
def test_wording_class(name: str, text: str, wanted: set[tuple[str, str]], unwanted: set[tuple[str, str]]) -> None:
    assert_reads(name, text, wanted, unwanted)
