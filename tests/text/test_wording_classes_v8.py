"""Classes of wording behind held-out v8's misses (read on 2026-12-01, ninth pass, when v8 became a development set),
each widened with paraphrases of our own across note styles (none copied from tests/text/heldout8.yaml): what a text
must assert, and guards that must stay negative.

KRAS: an HL7 segment whose bars glued "NOT DETECTED" to its cell, an amended report's replaced call, a relative who
calls in with the news (read as family history) and a checklist's item answered [Y]. Treatment-naive: record fields
(a prior-therapy field of any cancer kind, a count received to date, a summary of drug classes all answered no, a
questionnaire ticked No) and "first systemic therapy ever" beside the drug now given. Monotherapy: a parenthesis's
"declined" about another drug, a past combination earlier on the same line, "only cancer medicine" after a "No -"
reply, a relative told beside the patient; and, negative, a template's regimen brackets and slots, a protocol
excerpt, a teaching case. Therapy: offers, arm assignments, an ask's or a decision's field, "only if". Status: growth
as a noun, "disease advanced", a primary "stable", "smaller than" an earlier scan."""

from __future__ import annotations

import pytest

from tests.text.test_wording_classes import found

G12C = ("kras", "g12c_present")
NOT_G12C = ("kras", "g12c_absent")
NAIVE = ("treatment_naive", "true")
MONO = ("monotherapy", "true")

# (text, pairs that must be found, pairs that must not)
KRAS = [
    # an HL7 OBX whose bars join the cells: the words of "NOT DETECTED" are words
    ("OBX|3|ST|KRAS^KRAS p.G12C plasma^LN||Not detected||||||F", {NOT_G12C}, {G12C}),
    ("OBX|2|CWE|G12C^KRAS G12C tissue||DETECTED||||||F", {G12C}, {NOT_G12C}),
    ("MSH|^~\\&|LAB\nOBX|1|ST|KRAS^KRAS G12C^L||not detected|", {NOT_G12C}, {G12C}),
    # an amendment: the call it replaced is void, the new one stands
    ("Addendum: the result originally reported as KRAS G12C is revised to KRAS G12V.", {NOT_G12C}, {G12C}),
    ("Corrected report - variant initially called as KRAS p.G12C; corrected call KRAS p.G12D.", {NOT_G12C}, {G12C}),
    ("KRAS G12C previously identified on tissue; plasma now also shows G12C.", {G12C}, set()),
    # a relative who calls or reports is the source, not the subject
    (
        "Phone note: the patient's daughter called - he began sotorasib Monday; KRAS G12C on liquid biopsy.",
        {G12C},
        set(),
    ),
    ("Husband reports she is tolerating adagrasib; her KRAS G12C NSCLC is followed here.", {G12C}, set()),
    ("Family history: his sister had KRAS G12C lung cancer.", set(), {G12C}),
    # a checklist's item answered yes is the patient's
    ("Screening checklist: [Y] KRAS G12C on tissue [Y] ECOG 0-1 [N] prior KRAS inhibitor", {G12C}, set()),
    ("Eligibility: [Yes] KRAS G12C confirmed by NGS", {G12C}, set()),
    ("Eligibility checklist: KRAS G12C by an approved test; ECOG 0-1", set(), {G12C}),
]


@pytest.mark.parametrize(("text", "said", "unsaid"), KRAS)
def test_kras_classes(text: str, said: set, unsaid: set) -> None:
    got = found(text)
    assert said <= got
    assert not (unsaid & got)


NAIVE_SAID = [
    "Prior cancer treatment: none.",
    "H&P - past oncologic therapy: none; referred for biopsy.",
    "Previous anticancer tx - nil",
    "Systemic therapy received to date: 0 regimens.",
    "Anticancer treatments received so far: none",
    "Chemotherapy: none. Immunotherapy: none. Targeted therapy: none. Radiation: 60 Gy.",
    "Intake: chemo N / IO N / targeted N / surgery Y",
    "chemo: no; immunotherapy: no; targeted drugs: no",
    "Have you ever received chemotherapy or any other cancer drug treatment?\n  [ ] Yes   [X] No",
    "Did you ever have chemo, immunotherapy or targeted pills for cancer?  [ ] Yes [x] No",
    "C1D1 adagrasib today - her first systemic treatment ever.\nNo prior chemo or immunotherapy.",
]
NAIVE_NOT_SAID = [
    "Prior cancer treatment: carboplatin/pemetrexed x4.",
    "Chemotherapy: none. Immunotherapy: pembrolizumab x6. Targeted therapy: none.",
    "chemo N / IO Y / targeted N",
    "Have you ever received chemotherapy or any other cancer drug treatment?\n  [X] Yes   [ ] No",
    "Systemic therapy received to date: 2 regimens.",
    "First systemic therapy was carboplatin/pemetrexed in 2025; no prior surgery.",
]


@pytest.mark.parametrize("text", NAIVE_SAID)
def test_naive_said(text: str) -> None:
    assert NAIVE in found(text)


@pytest.mark.parametrize("text", NAIVE_NOT_SAID)
def test_naive_not_said(text: str) -> None:
    assert NAIVE not in found(text)


MONO_SAID = [
    # a parenthesis's negation is about what it names
    "Tumour board chose sotorasib monotherapy (cetuximab refused by the patient).",
    "Plan: adagrasib single agent (panitumumab not tolerated before, declined again).",
    # a past combination on the same line, then the regimen now
    "Was on adagrasib + cetuximab, stopped 8/2026 for rash. Restarting adagrasib alone at 400 mg BID.",
    "Previously sotorasib with panitumumab (discontinued 7/2026). Now sotorasib as single agent.",
    # the only / sole cancer medicine, after a "No -" reply
    "Will she get chemo too? No - the sotorasib will be her only cancer medicine.",
    "Concurrent antineoplastics: none (adagrasib is the sole oncology drug).",
    # a relative told beside the patient
    "Reviewed with patient and wife: sotorasib tablets taken by themselves, no infusions alongside.",
    "Explained to pt and daughter that adagrasib is given by itself.",
]
MONO_NOT_SAID = [
    "Prior: sotorasib + panitumumab (declined monotherapy).",
    "Letter template: [DRUG] will be given as [monotherapy/combination].",
    "Regimen: [single agent] [combination with cetuximab] - choose one",
    "Treatment: [Monotherapy] or [Combination therapy]",
    "Study protocol excerpt: investigational product given as monotherapy; sotorasib comparator.",
    "Teaching case from the literature: a man on sotorasib monotherapy developed hepatitis.",
    "Adagrasib + cetuximab continues; no other drugs (cetuximab declined? no, tolerated).",
]


@pytest.mark.parametrize("text", MONO_SAID)
def test_mono_said(text: str) -> None:
    assert MONO in found(text)


@pytest.mark.parametrize("text", MONO_NOT_SAID)
def test_mono_not_said(text: str) -> None:
    assert MONO not in found(text)


# --- a template's slot in capitals is a field to fill, a filled bracket is not one ---------------------------------
@pytest.mark.parametrize(
    ("text", "pair", "said"),
    [
        ("[He/She] has had [PROGRESSION/INTOLERANCE] on [PRIOR THERAPIES].", ("disease_status", "worsened"), False),
        ("Appeal: [PATIENT NAME] experienced [PROGRESSION] on chemotherapy.", ("disease_status", "worsened"), False),
        ("Biomarker: [KRAS G12C] confirmed on tissue.", G12C, True),
        ("Diagnosis: [NSCLC STAGE IV]", ("stage", "4"), True),
    ],
)
def test_template_slots(text: str, pair: tuple[str, str], said: bool) -> None:
    assert (pair in found(text)) is said


# --- a drug offered, a trial arm assigned, an ask or a decision's field, a drug kept "only if" -------------------
NOT_GIVEN = [
    ("Oncology offering adagrasib; she will decide next week.", "adagrasib"),
    ("Dr. Lee proposes sotorasib at the next visit.", "sotorasib"),
    ("Randomized to the adagrasib + pembrolizumab arm; C1D1 pending.", "pembrolizumab"),
    ("Pt allocated to the sotorasib plus chemotherapy cohort.", "sotorasib"),
    ("P2P talking points: 1) KRAS G12C; 2) ask: adagrasib 600 mg BID.", "adagrasib"),
    ("Decision MDT: sotorasib, start in January.", "sotorasib"),
    ("Surveillance now; adagrasib only if the disease comes back.", "adagrasib"),
    ("Docetaxel just in case sotorasib is denied.", "docetaxel"),
    ("We are going to start adagrasib next week.", "adagrasib"),
    ("Adagrasib is going to be his only anticancer drug.", "adagrasib"),
]
GIVEN = [
    ("Had carboplatin/pemetrexed x4 in 2025; oncology offering adagrasib now.", "carboplatin"),
    ("Randomized 2025; on sotorasib since, cycle 9 today.", "sotorasib"),
    ("Sotorasib continues; dose reduced only if ALT rises again.", "sotorasib"),
    ("She is on sotorasib and is going to continue it.", "sotorasib"),
    ("Sotorasib: she is going to keep taking it, cycle 6.", "sotorasib"),
]


@pytest.mark.parametrize(("text", "drug"), NOT_GIVEN)
def test_therapy_not_given(text: str, drug: str) -> None:
    assert ("therapy", drug) not in found(text)


@pytest.mark.parametrize(("text", "drug"), GIVEN)
def test_therapy_given(text: str, drug: str) -> None:
    assert ("therapy", drug) in found(text)


# --- an option list ends where a sentence after its last item begins ------------------------------------------------
def test_option_list_ends() -> None:
    text = "Options discussed: (a) sotorasib, (b) docetaxel. She will call back. Stage IVB adenocarcinoma of lung."
    got = found(text)
    assert {("stage", "4"), ("histology", "nsclc")} <= got
    assert ("therapy", "sotorasib") not in got
    assert ("therapy", "docetaxel") not in got


# --- disease status in plain words ----------------------------------------------------------------------------------
STATUS = [
    ("CT: growth of the hepatic lesions since August on sotorasib.", ("disease_status", "worsened")),
    ("PET shows enlargement of the adrenal metastasis; NSCLC on adagrasib.", ("disease_status", "worsened")),
    ("After six cycles of FOLFOX her cancer advanced in the liver.", ("disease_status", "worsened")),
    ("On adagrasib: lung primary remains stable; bone mets unchanged.", ("disease_status", "stable")),
    ("NSCLC restaging: target lesions stable per RECIST.", ("disease_status", "stable")),
    (
        "CT chest: the RUL mass is smaller than on the prior CT (responding to sotorasib).",
        ("disease_status", "improved"),
    ),
]
STATUS_GUARDS = [
    ("Stage IVB, advanced disease; KRAS G12C.", ("disease_status", "worsened")),
    ("Locally advanced NSCLC, stage IIIB, on durvalumab.", ("disease_status", "worsened")),
    ("Growth of the fibrotic ILD on CT; no lung cancer.", ("disease_status", "worsened")),
]


@pytest.mark.parametrize(("text", "pair"), STATUS)
def test_status_said(text: str, pair: tuple[str, str]) -> None:
    assert pair in found(text)


@pytest.mark.parametrize(("text", "pair"), STATUS_GUARDS)
def test_status_not_said(text: str, pair: tuple[str, str]) -> None:
    assert pair not in found(text)


# --- ILD: fibrotic HP is ILD; a diagnosis struck from the problem list is not the patient's -------------------------
ILD = ("ild", "true")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Known fibrotic HP (pigeon exposure), followed by pulmonology.", True),
        ("PMH: fibrotic HP dx 2023; on sotorasib for NSCLC.", True),
        ("Attending: CT reviewed, no ILD; please remove ILD from the problem list.", False),
        ("ILD removed from the problem list after the HRCT review.", False),
        ("Pneumonitis deleted from the active problems; it was atelectasis.", False),
        ("Pneumonitis resolved; remove the steroid taper from the med list.", True),
        ("Grade 2 immune pneumonitis in 2025, resolved on prednisone.", True),
    ],
)
def test_ild_classes(text: str, said: bool) -> None:
    assert (ILD in found(text)) is said
