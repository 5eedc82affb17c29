"""Held-out OCR set 31's safety pass: the classes behind its unsupported answers (a KRAS G12C `met` the report does not
support, a scan's conclusive answer its digital twin lacks). Each class is a way real reports are written, with guards
(what it must NOT read), table-driven; ids are the classes' `[ocr31s-...]` names."""

from __future__ import annotations

import pytest

from tests.ocr import scans

CASES = [
    # [ocr31s-dangling-copula] a prose line stopping on a copula or "not", the capitalised call wrapped to the next lines
    pytest.param(
        "Plasma ctDNA panel\nINTERPRETATION: Circulating tumor DNA is present (TP53 at 2.1%). KRAS G12C was\nNOT\n"
        "DETECTED in plasma.\n",
        "insufficient", id="ocr31s-dangling-copula",
    ),
    pytest.param(
        "Tissue NGS\nResult: KRAS G12C was\nNOT DETECTED in the tumour.\n", "not_met", id="ocr31s-dangling-copula-short"
    ),
    # guards: the wrapped call positive; a line ending on another word keeps the rules before
    pytest.param("Tissue NGS\nResult: KRAS G12C was\nDETECTED, VAF 12%.\n", "met", id="ocr31s-dangling-copula-guard-positive"),
    pytest.param("Tissue NGS\nKRAS G12C is\npresent (VAF 12%).\n", "met", id="ocr31s-dangling-copula-guard-lower"),
    # [ocr31s-negative-scope-including] a passive negative scoped to a codon or gene, the variant included in the scope
    pytest.param(
        "Tissue NGS\nMUTATION DETECTED: KRAS p.G13D, 37%\nNo mutation was detected at KRAS codon 12, including G12C.\n",
        "not_met", id="ocr31s-negative-scope-including",
    ),
    pytest.param(
        "Tissue NGS\nNo variants were identified in KRAS exon 2, including G12C.\n", "not_met",
        id="ocr31s-negative-scope-including-exon",
    ),
    # guards: a stop between the negative and the inclusion; another clause's positive inclusion
    pytest.param(
        "Tissue NGS\nNo mutation was detected in EGFR. KRAS codon 12 including G12C: detected.\n",
        "met", id="ocr31s-negative-scope-including-guard-stop",
    ),
    pytest.param(
        "Tissue NGS\nNo mutation was detected at KRAS codon 13; mutations at codon 12, including G12C, were found (VAF 9%).\n",
        "met", id="ocr31s-negative-scope-including-guard-clause",
    ),
    # [ocr31s-is-tested] the variant said to be what is tested: the test's scope, no result
    pytest.param(
        "Plasma allele-specific PCR\nKRAS G12C (c.34G>T) in cfDNA   Not Detected\nOnly KRAS G12C is tested.\n",
        "insufficient", id="ocr31s-is-tested",
    ),
    pytest.param("Plasma cfDNA report\nKRAS G12C was assayed.\n", "insufficient", id="ocr31s-is-tested-alone"),
    # guards: a result word after the test in the clause
    pytest.param("Tissue NGS\nKRAS G12C was tested and detected, VAF 12%.\n", "met", id="ocr31s-is-tested-guard-detected"),
    pytest.param("Tissue NGS\nKRAS G12C was tested: positive (VAF 9%).\n", "met", id="ocr31s-is-tested-guard-positive"),
    # (the [ocr31s-gene-result-row] class was reverted by the lead: it cost hod7-04; its two guards stay)
    # guards: a result row in tissue stays conclusive; a call after a single space stays a wrap of prose
    pytest.param(
        "Tumour tissue NGS\nIndication: metastatic NSCLC at diagnosis; second opinion requested by the outside clinic\n"
        "KRAS G12V  DETECTED (21% VAF)\nKRAS G12C  NOT DETECTED\n",
        "not_met", id="ocr31s-gene-result-row-guard-tissue",
    ),
    pytest.param(
        "Tissue NGS on the resection block\nThe molecular pathologist reviewed the sequencing run and reports the result for\n"
        "KRAS G12C as detected, VAF 14%.\n",
        "met", id="ocr31s-gene-result-row-guard-prose",
    ),
    # [ocr31s-tissue-lacking] a tissue word said to be lacking names no specimen: the report's plasma is read
    pytest.param(
        "Records-request reply letter citing plasme KRAS G12C not detected and no tissue\n"
        "- Plasma: a cfDNA panel drawn 09/02/2026 detected TP53 R273C only.\n",
        "insufficient", id="ocr31s-tissue-lacking",
    ),
    pytest.param(
        "Plasma ctDNA (tissue unavailable): KRAS G12C not detected.\n", "insufficient", id="ocr31s-tissue-lacking-after"
    ),
    # guards: a tissue word that names the specimen; a lacking biopsy beside a tissue test still named
    pytest.param("Tissue NGS report. KRAS G12C not detected.\n", "not_met", id="ocr31s-tissue-lacking-guard-tissue"),
    pytest.param(
        "Resection block A2, tissue NGS (no repeat biopsy needed): KRAS G12C not detected.\n",
        "not_met", id="ocr31s-tissue-lacking-guard-named",
    ),
    # [ocr31s-misread-field-colon] a test-name field whose colon a scan read as a stop or a comma: the test's name
    pytest.param(
        "Plasma allele-specific PCR\nTest name. KRAS G12C. Plasma (cfDNA), Allele-Specific PCR\n",
        "insufficient", id="ocr31s-misread-field-colon",
    ),
    pytest.param("Lab report\nTest name, KRAS G12C\n", "insufficient", id="ocr31s-misread-field-colon-comma"),
    # guards: a result on the line or the next; a label that does not start its line
    pytest.param("Lab report\nTests. KRAS G12C detected, VAF 4%\n", "met", id="ocr31s-misread-field-colon-guard-result"),
    pytest.param(
        "Lab report\nTest name. KRAS G12C\nResult: DETECTED\n", "met", id="ocr31s-misread-field-colon-guard-next-line"
    ),
    pytest.param("Tissue NGS\nDr Smith tests. KRAS G12C.\n", "met", id="ocr31s-misread-field-colon-guard-prose"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_ocr31_safety(text: str, expected: str) -> None:
    assert scans.kras_status(text) == expected
