"""Classes of wording behind held-out OCR v9's unsupported KRAS results that the reader made on the digital originals
too (read on 2026-12-01, issue 17's tenth pass, when tests/ocr/heldout_documents9.yaml became a development set). Each
class has paraphrases of our own across document styles (NGS tables, PCR run sheets, pathology notes, letters), none
copied from the held-out set, and guards: the same layouts that must keep their finding."""

from __future__ import annotations

import pytest

from tests.text.reading import found

PRESENT = ("kras", "g12c_present")
ABSENT = ("kras", "g12c_absent")

# --- [ocr9-negative-list] a variant listed in parentheses after a negative: looked for, not found --------------------
NEGATIVE_LIST = [
    "KRAS      No mutation detected (codons 12, 13, 61: G12C, G12D, G12V, G13D)",
    "KRAS: not detected (G12C, G12A, G12R and Q61H assessed)",
    "Gene  Result\nKRAS  No variants identified (hotspots incl. G12C, G13C)",
    "Plasma KRAS  negative (G12C / G12D / G12V)",
    "KRAS exon 2 - no pathogenic variants found (G12C, G12S, G13D)",
]
# --- [ocr9-negative-cell] a table row whose last cell is a negative result -------------------------------------------
NEGATIVE_CELL = [
    "Assay  Ct  dCt  Result\nG12C  26.4  -  -  negative",
    "Mutation | Call\nKRAS p.G12C | ND",
    "Target  Cut-off  Interpretation\nKRAS G12C  <= 6.0  not detected",
    "Probe  FAM Ct  Call\nG12C  35.9  neg",
]
# --- [ocr9-neither-nor] a variant excluded by "neither ... nor" ------------------------------------------------------
NEITHER = [
    "The codon 12 change is neither G12C nor G12V; it is a G12F by phasing.",
    "Summary: the result is neither KRAS G12C nor G12D.",
    "This double-base substitution is therefore neither p.G12C nor p.G12V.",
]
# --- no result of the patient: what a caller could list, a reagent's code, a control row, a proficiency sample -------
NO_RESULT = [
    "A single-base variant caller could report c.34G>T (the G12C change) for these reads.",
    "Older pipeline versions would call the G12C change separately from the second base.",
    "Reagents: primer mix lot KR-G12C/12V-1183; buffer lot BF-2210",
    "Kit cat. no. G12C-96 used with the instrument, run 4",
    "Detection mix lot 26-G12C-07 (expires 2027-03)",
    "Positive control (G12C/G13D pool)  amplified  expected",
    "Run controls\nNegative control  G12C  no amplification\nMutant control  KRAS G12C  amplified",
    "NTC  G12C  not amplified",
    "Proficiency-testing sample, not from a patient.\nKRAS  c.34G>T  p.G12C  VAF 40%",
    "EQA round 2 - this is not a patient specimen (cell line).\nResult: KRAS G12C detected",
]
# (name, text, pairs that must be found)
GUARDS = [
    ("a positive row stays positive", "Assay  Ct  Result\nG12C  26.4  POSITIVE", {PRESENT}),
    ("detected with a list after", "KRAS  G12C detected (VAF 12%)", {PRESENT}),
    ("a sentence ending negative for another gene", "KRAS G12C positive; EGFR negative", {PRESENT}),
    ("a negative row of the report keeps its negative", "KRAS G12C  not detected", {ABSENT}),
    ("a hyphenated gene name is a result", "Result: KRAS-G12C mutation detected", {PRESENT}),
    ("a patient's sample in a run with controls", "Patient sample  KRAS G12C  detected (Ct 28.1)", {PRESENT}),
    ("neither...nor about something else", "Neither EGFR nor ALK alterations; KRAS G12C detected.", {PRESENT}),
    ("a non-G12C variant keeps its call", "KRAS c.35G>A p.G12D detected, VAF 18%", {ABSENT}),
    ("a patient's sample names a lot elsewhere", "Reagent lot 4471.\nKRAS G12C detected in the tumour.", {PRESENT}),
]


@pytest.mark.parametrize("text", NEGATIVE_LIST + NEGATIVE_CELL + NEITHER)
def test_a_listed_or_excluded_variant_is_absent(text: str) -> None:
    got = found(text)
    assert ABSENT in got and PRESENT not in got, (text, got)


@pytest.mark.parametrize("text", NO_RESULT)
def test_no_kras_g12c_result_of_the_patient(text: str) -> None:
    got = {p for p in found(text) if p in (PRESENT, ABSENT)}
    assert not got, (text, got)


@pytest.mark.parametrize(("name", "text", "want"), GUARDS, ids=[g[0] for g in GUARDS])
def test_guard(name: str, text: str, want: set[tuple[str, str]]) -> None:
    assert want <= found(text), (name, found(text))


# === issue 17's eleventh pass: the rest of v9 (the digital misreadings left, and what made twins differ at fax) ======

# --- [ocr9-order-list] a variant named among the tests ordered: a request log's line, no result ---------------------
ORDER_LIST = [
    "10/02  KRAS G12C / EGFR / ALK requested by oncology",
    "Send-outs: KRAS G12C, BRAF V600E and ROS1 ordered 3/14",
    "KRAS G12C + EGFR + PD-L1 submitted to reference lab",
    "Day 2 - G12C | EGFR | ALK sent out (block A4)",
    "KRAS G12C and MET exon 14 were requested; awaiting tissue",
]
# --- [ocr9-frequency] how often a variant occurs in a population: the literature ------------------------------------
FREQUENCY = [
    "In smokers with lung adenocarcinoma, G12C is the most common KRAS change.",
    "Among mucinous tumours G12D and G12V predominate, and G12C is less common.",
    "KRAS G12C accounts for roughly 40% of KRAS mutations in NSCLC.",
    "Reference: G12C is found in about 13% of lung adenocarcinomas.",
    "In never-smokers G12C\n| is among the rarest KRAS variants.",  # a fax's speck at the line's end
    "Of the codon 12 changes, G12C.\n_ is by far the most frequent in smokers.",  # a speck read as a full stop
]
# --- [ocr9-glossary] a variant defined as a term ------------------------------------------------------------------
GLOSSARY = [
    "Glossary\nG12C: a glycine-to-cysteine change at codon 12 of KRAS.",
    "Terms used: G12C = substitution of cysteine for glycine at position 12",
    "KRAS  see page 2              G12C - a change in which glycine 12 is replaced by cysteine",
    "What the words mean: KRAS G12C means the amino acid at position 12 is a cysteine.",
]
# --- [ocr9-monograph] a general monograph faxed with a request names the member only on its transmittal line --------
MONOGRAPH = [
    "DRUG MONOGRAPH (summary)  -  Larkspur Health P&T\nSent with prior-auth request; member: Doe, Jan  DOB 1950-01-01\n"
    "Covered use: adults with KRAS G12C-mutated NSCLC after one prior systemic therapy.\n"
    "Documentation: a laboratory report naming the KRAS G12C variant.",
    "Formulary monograph: adagrasib\nAttached to PA form for patient Roe, Sam\n"
    "1. Metastatic NSCLC with a KRAS G12C mutation\n2. Colorectal cancer with KRAS G12C, with cetuximab",
]
# --- [ocr9-negative-for-tested] a negative result naming what was tested ---------------------------------------------
NEGATIVE_FOR_TESTED = [
    "KRAS: negative for G12C and for the other codon 12/13 variants tested.",
    "Result: no mutation in G12C or in any other hotspot analysed.",
]
# --- [ocr9-boxes-after] a form's field answered by the one ticked box after it --------------------------------------
BOXES_POSITIVE = [
    "KRAS G12C status:  [X] Positive  [ ] Negative  [ ] Not tested",
    "KRAS G12C result:  \u2612 Detected  \u2610 Not detected",
    "KRAS G12C mutation present?  (x) Yes  ( ) No",
]
BOXES_NEGATIVE = [
    "KRAS G12C status:  [ ] Positive  [X] Negative  [ ] Not tested",
    "KRAS G12C result:  \u2610 Detected  \u2612 Not detected",
    "KRAS G12C mutation present?  [ ] Yes  [X] No",
]
BOXES_NONE = [
    "KRAS G12C status:  [ ] Positive  [ ] Negative  [X] Not tested",
    "KRAS G12C:  [ ] Positive  [ ] Negative",
    "KRAS G12C testing sent?  [X] Yes  [ ] No",
    "KRAS G12C:  [X] Yes  [ ] No",
]
# --- [ocr9-field-result] a field answered by a result ends its statement, the next field is its own -----------------
FIELD_RESULT = [
    "PCR on the cell block:\nKRAS G12C: DETECTED\nother codon 12/13 changes: not detected",
    "Hotspot assay\nG12C status: positive\nremaining codon 12 targets: negative",
]
# --- [ocr9-gene-nearest] the variant's own gene decides, whatever other RAS gene the sentence names (another KRAS
# variant reads as "G12C absent" in the scorer's pairs) -------------------------------------------------------------
GENE_NEAREST = [
    "Sequencing in March showed KRAS p.G12V with microsatellite stability, NRAS and BRAF were\nwild-type.",
    "NGS: KRAS c.35G>A (p.G12D) in 31% of reads, NRAS status reported separately.",
    "Colon primary: KRAS G13D at 24% VAF, HRAS not assessed on this panel.",
]

GUARDS_11 = [
    ("a result after the order on its line", "KRAS G12C requested; result: detected (VAF 22%)", {PRESENT}),
    ("a result then an order", "KRAS G12C detected; EGFR requested", {PRESENT}),
    ("a drug requested after the variant", "Stage IV NSCLC, KRAS G12C, sotorasib requested.", {PRESENT}),
    ("a drug in capitals requested", "Lung adenocarcinoma: KRAS G12C / SOTORASIB requested", {PRESENT}),
    (
        "a patient's variant that is also the most common",
        "The tumour harbours KRAS G12C, the most common KRAS variant.",
        {PRESENT},
    ),
    (
        "a definition with a result on its line",
        "KRAS G12C: a glycine-to-cysteine change, detected at 14% VAF",
        {PRESENT},
    ),
    ("a field's result word", "KRAS G12C: a pathogenic variant was detected (VAF 31%)", {PRESENT}),
    ("a dominant clone is a result", "KRAS G12C is the predominant clone at 41% allele fraction.", {PRESENT}),
    (
        "a result's field explained on its line",
        "Variant: KRAS G12C - a glycine-to-cysteine substitution\nInterpretation: pathogenic, detected at 12%",
        {PRESENT},
    ),
    (
        "a payer's review naming the member keeps the patient",
        "Clinical policy review  Member: Doe, Jan  DOB 1950-01-01\nRequest reviewed: the report shows KRAS G12C detected in "
        "tumour tissue.",
        {PRESENT},
    ),
    (
        "a monograph's member named outside a transmittal line",
        "Drug monograph  Member: Doe, Jan\n\nKRAS G12C detected in the member's tumour (report attached).",
        {PRESENT},
    ),
    ("a negative before a definition", "Negative for G12C is defined as below the LoD for all variants tested.", set()),
    ("a lower-case line after a plain field", "Result:\nKRAS G12C mutation detected\nin 18% of reads", {PRESENT}),
    ("NRAS named before the variant", "NRAS Q61K detected in 20% of reads.", set()),
]


@pytest.mark.parametrize("text", ORDER_LIST + FREQUENCY + GLOSSARY + MONOGRAPH + BOXES_NONE)
def test_eleventh_pass_no_kras_result(text: str) -> None:
    got = {p for p in found(text) if p[0] == "kras"}
    assert not got, (text, got)


@pytest.mark.parametrize("text", NEGATIVE_FOR_TESTED + BOXES_NEGATIVE)
def test_eleventh_pass_absent(text: str) -> None:
    got = found(text)
    assert ABSENT in got and PRESENT not in got, (text, got)


@pytest.mark.parametrize("text", BOXES_POSITIVE + FIELD_RESULT)
def test_eleventh_pass_present(text: str) -> None:
    got = found(text)
    assert PRESENT in got and ABSENT not in got, (text, got)


@pytest.mark.parametrize("text", GENE_NEAREST)
def test_eleventh_pass_other_kras_variant(text: str) -> None:
    got = found(text)
    assert ABSENT in got and PRESENT not in got, (text, got)


@pytest.mark.parametrize(("name", "text", "want"), GUARDS_11, ids=[g[0] for g in GUARDS_11])
def test_eleventh_pass_guard(name: str, text: str, want: set[tuple[str, str]]) -> None:
    got = {p for p in found(text) if p[0] == "kras"}
    assert want <= got if want else not ({PRESENT, ABSENT} & got), (name, got)


# --- [ocr9-nota] "NOT A" read from a fax as "NOTA" negates what follows, as "not a" does ----------------------------
NOTA = [
    "COMMENT: KRAS G13D IN PLASMA. NOTA KRAS G12C VARIANT.",
    "Interpretation: this is nota G12C mutation (the change is G12S).",
]


@pytest.mark.parametrize("text", NOTA)
def test_a_glued_not_a_negates(text: str) -> None:
    got = found(text)
    assert ABSENT in got and PRESENT not in got, (text, got)


def test_nota_guard_a_sentence_before_keeps_its_result() -> None:
    assert PRESENT in found("KRAS G12C detected. Nota bene: low tumour fraction.")


# "nota:" is a label ("note" in Portuguese, Spanish, Italian), not a glued "not a"
NOTA_LABEL = [
    "Nota: adenocarcinoma de pulmão, KRAS G12C detectado no tecido.",
    "NOTA - KRAS G12C mutation detected on the lobectomy specimen.",
    "Nota: KRAS p.G12C presente (NGS, biopsia).",
]


@pytest.mark.parametrize("text", NOTA_LABEL)
def test_nota_as_a_label_negates_nothing(text: str) -> None:
    assert PRESENT in found(text), text
