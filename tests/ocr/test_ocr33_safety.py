"""Held-out OCR set 33's safety pass: the class behind its unsupported answer (a negative panel's coverage list naming
the variant it looked for, with its locus, read as a KRAS G12C `met`, digital and scanned). The class is a way real
reports are written, with guards (what it must NOT read), table-driven; ids are the class's `[ocr33s-...]` names."""

from __future__ import annotations

import pytest

from tests.ocr import scans

CASES = [
    # [ocr33s-coverage-locus] the variant named with its locus in what a test covers: no result
    pytest.param(
        "Solid tumour NGS panel - NEGATIVE\nNo reportable alterations were found in this sample.\n"
        "Regions with hotspot coverage include: KRAS (including codon 12 G12C), BRAF, EGFR,\nPIK3CA.\n",
        "insufficient",
        id="ocr33s-coverage-locus",
    ),
    pytest.param(
        "Lung hotspot panel\nInterpretation: no pathogenic variants identified.\nTargets include KRAS (exon 2, codons "
        "12/13: G12C, G12D, G13D) and EGFR exons 18-21.\n",
        "insufficient",
        id="ocr33s-coverage-locus-codon-list",
    ),
    pytest.param(
        "Lung hotspot panel\nNo clinically relevant variants.\nHotspot regions include KRAS codon 12 (G12C), NRAS codon 61.\n",
        "insufficient",
        id="ocr33s-coverage-locus-bracketed-variant",
    ),
    pytest.param(
        "DNA panel - no mutations seen\nThe genes with full coverage include: KRAS (incl. codon 12 G12C), ALK, RET.\n",
        "insufficient",
        id="ocr33s-coverage-locus-incl",
    ),
    pytest.param(  # a wrap put the locus first on its line
        "DNA panel - nothing reportable\nGenes with full coverage include: EGFR, KRAS (including\ncodon 12 G12C), MET.\n",
        "insufficient",
        id="ocr33s-coverage-locus-wrapped",
    ),
    pytest.param(  # a scan's glued locus
        "DNA panel - nothing reportable\nPanel targets include KRAS (including codon12 G12C), MET, ERBB2.\n",
        "insufficient",
        id="ocr33s-coverage-locus-glued",
    ),
    # guards: a real positive named near a coverage list; a result word in the clause; a clause naming what was found
    pytest.param(
        "Tissue NGS\nKRAS codon 12 G12C detected (VAF 24%).\nGenes with hotspot coverage include: KRAS (codons 12, 13, "
        "61), EGFR.\n",
        "met",
        id="ocr33s-coverage-locus-guard-positive-beside",
    ),
    pytest.param(
        "Tissue NGS - POSITIVE\nGenes with full coverage include: KRAS (including codon 12 G12C), EGFR.\nResult: KRAS "
        "p.G12C, VAF 31%.\n",
        "met",
        id="ocr33s-coverage-locus-guard-positive-after",
    ),
    pytest.param(
        "Tissue NGS\nMutations found: KRAS (including codon 12 G12C detected, VAF 17%), TP53.\n",
        "met",
        id="ocr33s-coverage-locus-guard-result-after",
    ),
    pytest.param(
        "Tissue NGS\nVariants detected include KRAS codon 12 G12C.\n",
        "met",
        id="ocr33s-coverage-locus-guard-result-before",
    ),
    pytest.param(
        "Tissue NGS\nGenes with alterations include KRAS codon 12 G12C and TP53.\n",
        "met",
        id="ocr33s-coverage-locus-guard-found-noun",
    ),
    pytest.param(
        "Tissue NGS\nHotspot panel including codon 12: G12C detected.\n", "met", id="ocr33s-coverage-locus-guard-called"
    ),
    pytest.param(  # no locus: the older rules decide
        "Tissue NGS\nKRAS codon 12 p.G12C, VAF 40%.\n", "met", id="ocr33s-coverage-locus-guard-no-range"
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_ocr33_safety(text: str, expected: str) -> None:
    assert scans.kras_status(text) == expected
