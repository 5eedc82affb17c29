"""Classes of wording behind held-out OCR v9's unsupported KRAS results that the reader made on the digital originals
too (read on 2026-12-01, issue 17's tenth pass, when tests/ocr/heldout_documents9.yaml became a development set). Each
class has paraphrases of our own across document styles (NGS tables, PCR run sheets, pathology notes, letters), none
copied from the held-out set, and guards: the same layouts that must keep their finding."""

from __future__ import annotations

import pytest

from tests.text.test_wording_classes import found

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
