"""Classes of wording behind held-out OCR v4's unsupported KRAS `met`s (read on 2026-11-30, issue 17's fifth pass,
when tests/ocr/heldout_documents4.yaml became a development set): reader rules, wrong at fax and digital alike.
Each class has paraphrases of our own across document styles (NGS methods pages, PCR run sheets, letters, payer
notices; none copied from the held-out set), and guards: results in the same layouts that must stay results."""

from __future__ import annotations

import pytest

from tests.text.test_wording_classes import found

PRESENT = ("kras", "g12c_present")
ABSENT = ("kras", "g12c_absent")

# --- an assay's coverage or reportable range, printed as a table or a list under a header that says so -------------
COVERAGE = [
    "HOTSPOT COVERAGE\nGene  Codons covered  Examples of reportable changes\nKRAS  12, 13, 61  G12C, G12V, Q61H",
    "Assay content\nGene    Targeted hotspots    \nKRAS    G12C, G12D, G13D    \nBRAF    V600E",
    "Gene  Variants detectable  Limit of detection\nKRAS  G12A, G12C, G12S  1%\nEGFR  L858R, T790M  1%",
    "METHODOLOGY\nTarget  Codon  Amino-acid change\nKRAS  12  p.G12C\nKRAS  13  p.G13D",
    "Reportable range of the assay:\nKRAS   exon 2   G12C / G12D / G12V",
    "Genes  Hotspots tested\nKRAS  G12C, G12D, G12R\nNRAS  Q61K, Q61R",
    "LIMITATIONS\nGene  Region  Comment\nKRAS  codon 12 (G12C)  low-level subclones may be missed",
    "Targeted positions of this panel\nKRAS  c.34G>T (G12C)\nKRAS  c.35G>A (G12D)",
    "Panel content (selected genes)\nKRAS  G12C  G12D  G13D  Q61H\nALK  fusions",
    "About this test\nGene  Alterations the assay can detect\nKRAS  G12C and other codon 12/13 changes",
]
# --- an assay, a panel or a kit described in words: what it targets, covers or evaluates --------------------------
ASSAY_WORDS = [
    "The assay targets G12C among other codon 12 changes; no call can be made today.",
    "This panel detects KRAS G12C, G12D and G12V at 2% allele frequency or more.",
    "Genes evaluated include: ALK, EGFR, KRAS (incl. G12C), MET, RET.",
    "The PCR kit covers KRAS G12C, G12S and G13D.",
    "Variants assessed: KRAS G12C, KRAS G12D, EGFR exon 19 deletions.",
    "Our test is designed to identify KRAS G12C in plasma.",
    "Mutations screened by this assay include KRAS G12C and BRAF V600E.",
    "Hotspots interrogated: KRAS G12C, G13D, Q61H.",
    "Regions sequenced: KRAS exon 2 (G12C, G12D), exon 3.",
    "The test examines KRAS codon 12 (G12C included).",
]
# --- a condition put first ("Should the panel show ...", "Were ...", "In the event that ...") -----------------------
CONDITIONS = [
    "Should the panel reveal a KRAS G12C mutation, sotorasib would be a reasonable option.",
    "Should sequencing find KRAS G12C, we will apply for adagrasib.",
    "Were the tissue to show KRAS G12C, she could have sotorasib after chemotherapy.",
    "In the event that KRAS G12C is found, a G12C inhibitor will be requested.",
    "In case KRAS G12C is reported, please call the clinic.",
    "Provided that the report confirms KRAS G12C, we can start sotorasib.",
    "Assuming the plasma test shows KRAS G12C, we would switch to sotorasib.",
    "Should testing return KRAS G12C positive, I will write again.",
    "Should any KRAS G12C be detected, adagrasib plus cetuximab is an option.",
    "Supposing KRAS G12C is confirmed, sotorasib is the second-line plan.",
]
# --- a payer's coverage conditions, listed after an intro line ("Our policy covers X when:") ----------------------
PAYER_LISTS = [
    "Our policy covers sotorasib when:\n  (a) the member has metastatic NSCLC; and\n  (b) a KRAS G12C mutation is "
    "documented by a CLIA-certified laboratory; and\n  (c) one prior systemic therapy was given.",
    "The plan approves adagrasib only if:\n1. KRAS G12C mutation is confirmed by an FDA-approved test\n2. prior "
    "platinum chemotherapy",
    "Coverage applies when all of the following are met:\n- KRAS G12C-mutated NSCLC\n- progression after one line",
    "Policy requirements for LUMAKRAS:\n(a) KRAS G12C mutation present\n(b) age 18 or older",
    "To qualify for sotorasib the member must show:\n* a KRAS G12C mutation on tissue or plasma testing\n* ECOG 0-2",
]
# --- the drug's label, not the patient ----------------------------------------------------------------------------
LABELS = [
    "Sotorasib's label applies to KRAS G12C; this NRAS change does not meet it.",
    "The FDA approval of adagrasib is limited to KRAS G12C-mutated tumors.",
    "Its labeling is restricted to KRAS G12C NSCLC after one prior therapy.",
    "The indication covers KRAS G12C only.",
]
# --- a negative result ending the row its variants are listed on (after dot leaders or a gap) ----------------------
ROW_END_NEGATIVE = [
    "Codon 12 (G12A, G12C, G12D) .......... no mutation detected",
    "KRAS exon 2 (G12C, G12V, G13D)      no variant identified",
    "KRAS G12C (codon 12) ..... no mutations detected",
    "KRAS G12C / G12D / G12V ........ no mutation found",
    "Codon 12 (G12C, G12S)    no pathogenic variant detected",
]
# Guards: a result in the same layouts stays a result.
GUARDS = [
    ("variant table", "Gene  Variant  VAF\nKRAS  p.G12C  21%\nTP53  R175H  19%", {PRESENT}),
    ("coverage column of a result table", "Gene  Variant  Coverage\nKRAS  p.G12C  1,862x", {PRESENT}),
    (
        "result under a tested-variants header",
        "Variants tested  Result\nKRAS G12C  Detected\nEGFR L858R  Not detected",
        {PRESENT},
    ),
    ("actionable targets page", "ACTIONABLE TARGETS\nKRAS  G12C  sotorasib, adagrasib", {PRESENT}),
    ("therapy-matching table", "Biomarker  Targeted therapy  Trials\nKRAS G12C  sotorasib  4", {PRESENT}),
    ("a result after a gap", "Codon 12 (G12C) .......... mutation detected", {PRESENT}),
    ("a sentence should-less", "The panel revealed a KRAS G12C mutation; sotorasib would be an option.", {PRESENT}),
    ("a past result in a letter", "Sequencing showed KRAS G12C, as expected in a smoker.", {PRESENT}),
    ("a result the assay detected", "The assay detected KRAS G12C at 3.1% VAF.", {PRESENT}),
    ("a numbered result list", "Findings:\n1. KRAS G12C mutation detected\n2. TP53 R273H", {PRESENT}),
    (
        "a row-end negative of another row",
        "KRAS G12C .......... detected\nBRAF V600E .......... no mutation detected",
        {PRESENT},
    ),
    (
        "tumor type provided",
        "Tumor type provided by ordering physician: lung adenocarcinoma, metastatic",
        {("histology", "nsclc"), ("spread", "metastatic")},
    ),
]


# --- a form's line of several boxes: each box owns the item after it, up to the next box ------------------------------
BOXES = [
    ("[X] KRAS G12C mutation identified   Test type: [X] tissue   [ ] plasma", {PRESENT}, set()),
    ("\u2612 KRAS G12C positive     \u2610 KRAS wild type", {PRESENT}, {ABSENT}),
    ("(x) KRAS p.G12C on tissue NGS   ( ) EGFR exon 19 deletion", {PRESENT}, set()),
    ("[ ] KRAS G12C mutation identified   Test type: [X] tissue", set(), {PRESENT}),
    ("KRAS G12C confirmed?  [ ] Yes  [ ] No", set(), {PRESENT, ABSENT}),
    ("[X] NSCLC   [ ] KRAS G12C documented   [ ] prior therapy", set(), {PRESENT}),
]


@pytest.mark.parametrize(("text", "want", "unwanted"), BOXES)
def test_each_box_owns_the_item_after_it(text: str, want: set[tuple[str, str]], unwanted: set[tuple[str, str]]) -> None:
    got = found(text)
    assert want <= got and not unwanted & got, (text, got)


@pytest.mark.parametrize("text", COVERAGE + ASSAY_WORDS + CONDITIONS + PAYER_LISTS + LABELS)
def test_no_kras_result_where_none_is_stated(text: str) -> None:
    assert not {p for p in found(text) if p[0] == "kras"} - {ABSENT}, text


@pytest.mark.parametrize("text", ROW_END_NEGATIVE)
def test_a_negative_at_the_end_of_a_row_negates_its_variants(text: str) -> None:
    got = found(text)
    assert ABSENT in got and PRESENT not in got, text


@pytest.mark.parametrize(("name", "text", "want"), GUARDS, ids=[g[0] for g in GUARDS])
def test_guard(name: str, text: str, want: set[tuple[str, str]]) -> None:
    assert want <= found(text), (name, found(text))
