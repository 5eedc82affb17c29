"""Classes of wording behind held-out v7's misses (read on 2026-12-01, eighth pass, when v7 became a development set),
each widened with paraphrases of our own across note styles (none copied from tests/text/heldout7.yaml): what a text
must assert, and guards that must stay negative.

Most of v7's 36 therapy false positives shared one trait: the drug is the object of a request, a recommendation, an
order, a teaching session, a discussion, a study's title or an approval, not a dose the patient took. Its naive misses
were a UK word (SACT), "no adjuvant or other systemic therapy", a form whose prior-therapy fields all answer no and a
count for a setting; its ILD false positives were differentials, symptoms to report, exclusion lists, a Y/N column and
a question answered no."""

from __future__ import annotations

import pytest

from tests.text.test_wording_classes import found

NAIVE = ("treatment_naive", "true")
ILD = ("ild", "true")

# --- a drug named as what is requested, recommended, ordered, taught, discussed, approved or studied -------------
NOT_GIVEN = [
    ("Tumour board rec: adagrasib + cetuximab, infusion chair permitting.", "adagrasib"),
    ("MDT recommends sotorasib with panitumumab for the liver-only disease.", "panitumumab"),
    ("Request is adagrasib 600 mg BID per the attached letter.", "adagrasib"),
    ("We are requesting divarasib under the expanded access programme.", "divarasib"),
    ("Office states divarasib requested commercially; pended for review.", "divarasib"),
    ("Sotorasib recommended by the molecular board on 11/12.", "sotorasib"),
    ("Plan ordered: docetaxel 75 mg/m2 q21d.", "docetaxel"),
    ("Clinic visit\nOrder: sotorasib 960 mg PO daily.", "sotorasib"),
    ("Patient education session: adagrasib dosing, QTc checks, nausea plan.", "adagrasib"),
    ("Chemo teaching done for FOLFIRI with bevacizumab.", "irinotecan"),
    ("We'll talk about sotorasib at the next visit.", "sotorasib"),
    ("Discussed adagrasib versus docetaxel; she will think it over.", "adagrasib"),
    ("Considering sotorasib once the liver enzymes settle.", "sotorasib"),
    ("Pt asked about sotorasib after seeing an advert.", "sotorasib"),
    ("Screening for study KR-3301 (adagrasib + pembrolizumab) today.", "pembrolizumab"),
    ("Trial (second-line sotorasib combination cohort) screening visit.", "sotorasib"),
    ("Arm assignment (randomised): sotorasib plus chemotherapy.", "sotorasib"),
    ("Adagrasib approved by the plan for six months.", "adagrasib"),
    ("Carboplatin/pemetrexed pending insurance clearance.", "pemetrexed"),
]

# --- guards: the same words beside a drug that was given ----------------------------------------------------------
GIVEN = [
    ("Renewal request: patient has been on sotorasib since 03/2026, CT stable.", "sotorasib"),
    ("Member on adagrasib 600 mg BID (approved 05/2026); continues.", "adagrasib"),
    ("Adagrasib held 1 week, then dose reduction to 400 mg BID approved.", "adagrasib"),
    ("Pt remains on sotorasib monotherapy, C5 today.", "sotorasib"),
    ("Home visit, med rec: Lumakras 240 mg x4 tabs daily, taking as prescribed.", "sotorasib"),
    ("Research visit, on study KR-1102, cycle 3 day 1. Study drugs: adagrasib daily.", "adagrasib"),
    ("s/p carboplatin/pemetrexed, progressed 6/2026; request is sotorasib.", "carboplatin"),
    ("Received FOLFOX x 12; discussed next steps.", "oxaliplatin"),
    ("Progressed on docetaxel; board recommends a trial.", "docetaxel"),
    ("Rechallenge NOT RECOMMENDED - pt had adagrasib-related hepatitis in 8/2026.", "adagrasib"),
    ("Started pembrolizumab 2/2026 and it was continued through cycle 6.", "pembrolizumab"),
]


@pytest.mark.parametrize(("text", "drug"), NOT_GIVEN)
def test_therapy_not_given(text: str, drug: str) -> None:
    assert ("therapy", drug) not in found(text)


@pytest.mark.parametrize(("text", "drug"), GIVEN)
def test_therapy_given(text: str, drug: str) -> None:
    assert ("therapy", drug) in found(text)


# --- treatment-naive said with SACT, "no adjuvant or other systemic therapy", a form of no's, a count for a setting
NAIVE_SAID = [
    "No SACT received to date.",
    "She has had no SACT so far.",
    "No adjuvant or other systemic therapy was ever given.",
    "Lobectomy 2024; no adjuvant or any systemic treatment received since diagnosis.",
    "Prior chemotherapy: No\nPrior immunotherapy: No\nPrior radiotherapy: Yes",
    "Previous chemo: none\nPrevious targeted therapy: none",
    "Prior systemic therapy for advanced disease: NONE",
    "Previous treatment for metastatic NSCLC - nil",
    "Prior therapy in the metastatic setting: 0",
    "Lines of prior therapy for stage IV disease: none",
]
NAIVE_NOT_SAID = [
    "Prior chemotherapy: No\nPrior immunotherapy: Yes - pembrolizumab x 6",
    "Prior chemotherapy: Yes\nPrior immunotherapy: No",
    "No adjuvant radiation given; carboplatin/pemetrexed from 2/2026.",
    "No SACT today: neutrophils 0.8.",
    "Prior systemic therapy for advanced disease: carboplatin/pemetrexed x4",
    "Adjuvant cisplatin/vinorelbine 2023; no other systemic therapy since.",
]


@pytest.mark.parametrize("text", NAIVE_SAID)
def test_naive_said(text: str) -> None:
    assert NAIVE in found(text)


@pytest.mark.parametrize("text", NAIVE_NOT_SAID)
def test_naive_not_said(text: str) -> None:
    assert NAIVE not in found(text)


# --- ILD / pneumonitis that is not the patient's diagnosis ------------------------------------------------------------
ILD_NOT_SAID = [
    "Ddx: aspiration, viral pneumonitis, lymphangitic spread.",
    "Differential diagnosis includes drug-induced ILD and infection.",
    "DD: CHF vs pneumonitis vs PE.",
    "Told to report new cough or fever (possible pneumonitis) at once.",
    "Call us for any signs of pneumonitis: cough, breathlessness, fever.",
    "Watch for symptoms of ILD and phone the triage line.",
    "Exclusion: 4. Active ILD or pneumonitis needing steroids.",
    "Exclusion criteria: history of interstitial lung disease.",
    "Subject | ECOG | ILD Y/N | Eligible",
    "Pneumonitis (yes/no): ___",
    "History of ILD? No - that was her brother.",
    "Radiation pneumonitis? - no, the CT change is atelectasis.",
]
ILD_SAID = [
    "History of drug-induced pneumonitis 2025, resolved on prednisone.",
    "Ddx reviewed; final diagnosis: immune-related pneumonitis, grade 2.",
    "Known IPF on nintedanib; report any new cough to the ILD nurse.",
    "Fibrotic NSIP per HRCT 10/2026.",
    "ILD? Yes - UIP pattern on HRCT.",
    "Exclusion criteria reviewed. She has radiation pneumonitis from 2024.",
]


@pytest.mark.parametrize("text", ILD_NOT_SAID)
def test_ild_not_said(text: str) -> None:
    assert ILD not in found(text)


@pytest.mark.parametrize("text", ILD_SAID)
def test_ild_said(text: str) -> None:
    assert ILD in found(text)


# --- disease status: oligoprogression, a single metastasis smaller -------------------------------------------------
STATUS = [
    ("SBRT to a right adrenal oligoprogressive site; sotorasib continued.", ("disease_status", "worsened")),
    ("Oligoprogression in one liver lesion on the 10/2026 CT.", ("disease_status", "worsened")),
    ("Oligo-progression at T9 treated with RT.", ("disease_status", "worsened")),
    ("MRI brain: the treated left occipital met smaller, no new lesions.", ("disease_status", "improved")),
    ("Dominant liver met is smaller on today's CT.", ("disease_status", "improved")),
]
STATUS_GUARDS = [
    ("Criteria met; smaller pill size requested.", ("disease_status", "improved")),
    ("Oligometastatic NSCLC at diagnosis, stage IVA.", ("disease_status", "worsened")),
]


@pytest.mark.parametrize(("text", "pair"), STATUS)
def test_status_said(text: str, pair: tuple[str, str]) -> None:
    assert pair in found(text)


@pytest.mark.parametrize(("text", "pair"), STATUS_GUARDS)
def test_status_not_said(text: str, pair: tuple[str, str]) -> None:
    assert pair not in found(text)


# --- a template's bracketed choice is no choice made ----------------------------------------------------------------
MONO = ("monotherapy", "true")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("I request adagrasib [as monotherapy / with cetuximab] for this patient.", False),
        ("Plan: sotorasib [single agent / combination\nwith panitumumab], pending review.", False),
        ("Regimen: [sotorasib alone / sotorasib + chemo] (choose one)", False),
        ("[He/She] will take sotorasib as monotherapy.", True),
        ("[X] sotorasib monotherapy, 960 mg daily", True),
    ],
)
def test_bracketed_choice(text: str, said: bool) -> None:
    assert (MONO in found(text)) is said
