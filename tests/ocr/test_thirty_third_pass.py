"""Issue 17's thirty-third OCR pass: held-out OCR set 32 read (a US practice's paper; a development set now). Each class
is a way real reports are written, with guards (what it must NOT read), table-driven; ids are the classes' `[ocr33-...]`
names. The wording is this file's own."""

from __future__ import annotations

import pytest

from tests.ocr import scans

CASES = [
    # [ocr33-original-result-superseded] a corrected report's line labelled as the original result quotes what was replaced
    pytest.param(
        "Tissue NGS - CORRECTED REPORT (replaces the report of 09/12/2026)\nINITIAL RESULT (09/12/2026): KRAS wild type.\n"
        "AMENDED RESULT: KRAS c.34G>T p.G12C detected, VAF 9%.\n",
        "met",
        id="ocr33-original-result-superseded",
    ),
    pytest.param(
        "Lung core NGS, revised report - supersedes the earlier issue\nPrevious result: KRAS G12C detected\n"
        "Revised result: KRAS p.G12D detected (VAF 22%) on the lung core.\n",
        "not_met",
        id="ocr33-original-result-superseded-positive-replaced",
    ),
    # guards: the label in a document that corrects nothing; a label line saying the result stands
    pytest.param(
        "Tissue NGS summary for the lung core\nOriginal result: KRAS G12C detected at 12%.\n",
        "met",
        id="ocr33-original-result-superseded-guard-no-correction",
    ),
    pytest.param(
        "Corrected report (the birth date was keyed wrongly)\nOriginal result: KRAS G12C detected on the lung core, unchanged.\n",
        "met",
        id="ocr33-original-result-superseded-guard-stands",
    ),
    # [ocr33-call-then-other-gene] a row of gene cells: the variant's own call, then another gene's negative cell
    pytest.param(
        "Sigmoid colon resection - molecular addendum\nKRAS: c.34G>T (p.G12C), POSITIVE   NRAS: not detected   BRAF: not detected\n",
        "met",
        id="ocr33-call-then-other-gene",
    ),
    pytest.param(
        "Colon biopsy RAS addendum\nKRAS: p.G12C (c.34G>T), detected   NRAS exon 2: not detected\n",
        "met",
        id="ocr33-call-then-other-gene-exon-label",
    ),
    pytest.param(
        "Lung biopsy panel\nKRAS G12C, identified    EGFR: no mutation found\n",
        "met",
        id="ocr33-call-then-other-gene-no",
    ),
    pytest.param(
        "Lung biopsy hotspot panel\nKRAS p.G12C - Detected  |  EGFR - Not detected  |  ALK - Not detected\n",
        "met",
        id="ocr33-call-then-other-gene-bars",
    ),
    # guards: a negative between the variant and its call; no cell gap before the other gene (one clause)
    pytest.param(
        "Lung biopsy hotspot panel\nKRAS: p.G12C not detected   EGFR: detected (exon 19 deletion)\n",
        "not_met",
        id="ocr33-call-then-other-gene-guard-own-negative",
    ),
    pytest.param(
        "Lung biopsy hotspot panel\nKRAS G12C: DETECTED   PCR: not detected\n",
        "not_met",
        id="ocr33-call-then-other-gene-guard-method-label",
    ),
    # [ocr33-drug-targets-only] what a drug class targets, with "only": the drug's target, no result
    pytest.param(
        "Consult letter\nTissue NGS showed KRAS G13D. Sotorasib and adagrasib target only the G12C mutant protein and "
        "would not help her.\n",
        "not_met",
        id="ocr33-drug-targets-only",
    ),
    pytest.param(
        "Consult letter\nThe lung biopsy carries KRAS p.Q61H. Current KRAS inhibitors bind solely the KRAS G12C form.\n",
        "not_met",
        id="ocr33-drug-targets-only-bind",
    ),
    # guard: the patient's variant, the drug named after it
    pytest.param(
        "Consult letter\nHer lung biopsy carries KRAS G12C, which sotorasib targets.\n",
        "met",
        id="ocr33-drug-targets-only-guard",
    ),
    # [ocr33-stamp-heads-page] a stamp heading a later page whose patient field names someone else: that page only;
    # [ocr33-page-misfiled] the title saying a page was misfiled keeps the document this patient's
    pytest.param(
        "Outside panel - one page misfiled from another patient\n10/02/2026 FROM: LAB   P.1/2\n"
        "Patient: LINDQVIST, MARGUERITE   DOB: 00/00/0000\nLung core: KRAS p.G13D detected (VAF 18%); G12C not detected.\n"
        "10/02/2026 FROM: LAB   P.2/2\nWRONG PATIENT - SENT BACK\nOTHER LAB   Patient: OYELOWO, TOBIAS\n"
        "KRAS G12C detected 22%\n",
        "not_met",
        id="ocr33-stamp-heads-page",
    ),
    pytest.param(
        "Thoracic NGS report\nPatient: HALVORSEN, IMOGEN\nKRAS exon 2 wild type; KRAS G12C not detected (lung core).\n"
        "page 2 of 2\n** MISFILED ** returned to the sending lab\nPatient: DRUMMOND, PIETRO\nKRAS G12C detected, VAF 30%\n",
        "not_met",
        id="ocr33-stamp-heads-page-no-title",
    ),
    # guards: a stamp with no patient field before it (the document's head); a page notice with no stamped page found
    pytest.param(
        "Outside panel\nWRONG PATIENT - SENT BACK\nPatient: OYELOWO, TOBIAS\nKRAS G12C detected 22% on the lung core\n",
        "insufficient",
        id="ocr33-stamp-heads-page-guard-head",
    ),
    pytest.param(
        "Outside panel with a page misfiled\nPatient: LINDQVIST, MARGUERITE\nKRAS G12C detected 22% on the lung core\n",
        "insufficient",
        id="ocr33-page-misfiled-guard-no-stamp",
    ),
]


@pytest.mark.parametrize(("text", "status"), CASES)
def test_ocr33_classes(text: str, status: str) -> None:
    assert scans.kras_status(text) == status


def _scanned(text: str, doubted: str, conf: float = 60.0):  # type: ignore[no-untyped-def]
    """A scanned one-page TextDoc whose words read 95, except the occurrence of ``doubted`` after "||" (marked, then
    removed), read at ``conf``."""
    import re

    from priorauth.text import ocr
    from priorauth.text.sources import TextDoc

    at = text.index("||")
    text = text.replace("||", "", 1)
    words = tuple(
        ocr.Word(m.start(), m.end(), conf if m.start() == at and m.group().startswith(doubted) else 95.0, (0, 0, 1, 1))
        for m in re.finditer(r"\S+", text)
    )
    return TextDoc(
        "DocumentReference/x",
        None,
        "DocumentReference",
        "t",
        text,
        pages=(ocr.Page(1, 0, len(text), (100, 100), words),),
    )


@pytest.mark.parametrize(
    ("text", "doubted", "confident"),
    [
        # [ocr33-other-gene-cell] a doubtful word in another gene's labelled cell says nothing of KRAS's cell
        pytest.param(
            "KRAS: negative   NRAS: not ||detected   HRAS: negative", "detected", True, id="ocr33-other-gene-cell"
        ),
        pytest.param("KRAS: wild type   ERBB2: ||absent", "absent", True, id="ocr33-other-gene-cell-after"),
        # guards: a doubtful word in KRAS's own cell; another cell with no gene label; a cell labelled as KRAS misread
        pytest.param(
            "KRAS: not ||detected   NRAS: not detected", "detected", False, id="ocr33-other-gene-cell-guard-own"
        ),
        pytest.param(
            "KRAS: not detected   Result: ||negative", "negative", False, id="ocr33-other-gene-cell-guard-no-gene"
        ),
        pytest.param(
            "KRAS: not detected   PCR: ||positive", "positive", False, id="ocr33-other-gene-cell-guard-method"
        ),
        pytest.param(
            "KRAS: not detected   KRA5: ||positive", "positive", False, id="ocr33-other-gene-cell-guard-lookalike"
        ),
    ],
)
def test_ocr33_other_gene_cell(text: str, doubted: str, confident: bool) -> None:
    from priorauth.text import reading_of

    doc = _scanned(text, doubted)
    line_end = doc.text.index("\n") if "\n" in doc.text else len(doc.text)
    assert reading_of(doc, 0, line_end).confident is confident
