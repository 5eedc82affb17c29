"""Issue 17's thirty-fifth OCR pass: held-out OCR set 34 read (a US practice's paper; a development set now). Each class
is a way real reports are written, with guards (what it must NOT read), table-driven; ids are the classes' `[ocr35-...]`
names. The wording is this file's own."""

from __future__ import annotations

import pytest

from tests.ocr import scans

CASES = [
    # [ocr35-quoted-alias] a corrected report quoting its original: the protein change in brackets after the coding change
    pytest.param(
        "AMENDED MOLECULAR REPORT\nAmendment: the initial report stated KRAS c.34G>T (p.G12C). This was a transcription"
        " error; the variant is c.35G>A (p.G12D).\nRESULT\nKRAS  c.35G>A  p.G12D  VAF 31%\n",
        "not_met",
        id="ocr35-quoted-alias",
    ),
    pytest.param(
        "Revised lung panel\nNote: the previous report listed KRAS c.34G>T [p.G12C] inerror; corrected to c.35G>T"
        " (p.G12V).\nKRAS p.G12V detected, 18%\n",
        "not_met",
        id="ocr35-quoted-alias-square-glued",
    ),
    # guards: a quote said to stand; a result with its protein change in brackets, no earlier report quoted
    pytest.param(
        "Addendum: the original report listed KRAS c.34G>T (p.G12C), which is unchanged on review. PD-L1 was added.\n",
        "met",
        id="ocr35-quoted-alias-guard-stands",
    ),
    pytest.param(
        "Lung core NGS\nResult: KRAS c.34G>T (p.G12C) detected, VAF 22%. The previous report listed no PD-L1 score.\n",
        "met",
        id="ocr35-quoted-alias-guard-result",
    ),
    # [ocr35-glued-in-error] "in error" read glued by a scan: the same retraction
    pytest.param(
        "Bronchial wash NGS\nKRAS p.G12C - this line was entered inerror; see the amended result to follow.\n",
        "insufficient",
        id="ocr35-glued-in-error",
    ),
    pytest.param(
        "Bronchial wash NGS\nThe G12C call in KRAS was issued inerror.Disregard it.\n",
        "insufficient",
        id="ocr35-glued-in-error-full-stop",
    ),
    # guards: a cover sheet's "received inerror" in a sentence of its own; the unglued words as before
    pytest.param(
        "Bronchial wash NGS\nKRAS G12C detected, VAF 9%.\nIf you got this fax inerror, phone the sender.\n",
        "met",
        id="ocr35-glued-in-error-guard-other-sentence",
    ),
    pytest.param(
        "Bronchial wash NGS\nKRAS G12C detected, VAF 9%; the inerrant sequence read was confirmed by a second run.\n",
        "met",
        id="ocr35-glued-in-error-guard-longer-word",
    ),
    # [ocr35-broken-wild-type] "wild-type" after KRAS broken at its hyphen (a space, a line's end, a doubled hyphen)
    pytest.param(
        "Pleural biopsy sequencing: KRAS wild- -type; NRAS and BRAF unremarkable.\n",
        "not_met",
        id="ocr35-broken-wild-type-doubled",
    ),
    pytest.param(
        "Pleural biopsy sequencing\nKRAS (codons 12/13/61): wild -type\n",
        "not_met",
        id="ocr35-broken-wild-type-space",
    ),
    pytest.param(
        "The pleural biopsy was sequenced and showed the tumour to be KRAS wild-\ntype, with no other driver.\n",
        "not_met",
        id="ocr35-broken-wild-type-line-end",
    ),
    # guards: another gene's broken wild-type beside a KRAS G12C; "wild" not part of wild-type; a requirement, no result
    pytest.param(
        "Pleural biopsy sequencing: KRAS G12C present (VAF 14%); EGFR wild- type.\n",
        "met",
        id="ocr35-broken-wild-type-guard-other-gene",
    ),
    pytest.param(
        "Pleural biopsy: KRAS wild- and mutant-type probes were added; result to follow.\n",
        "insufficient",
        id="ocr35-broken-wild-type-guard-not-wild-type",
    ),
    pytest.param(
        "KRAS wild -type is required for cetuximab; please send a block.\nKRAS: not yet tested\n",
        "insufficient",
        id="ocr35-broken-wild-type-guard-requirement",
    ),
    # [ocr35-leader-row-negative] a KRAS row run out by leader dots to a plain negative cell, a coverage bracket at most
    pytest.param(
        "Colon resection biomarkers\nKRAS (codons 12, 13, 61, 146) .......... Not detected\nBRAF V600E .......... Not detected\n",
        "not_met",
        id="ocr35-leader-row-negative",
    ),
    pytest.param(
        "Colon resection biomarkers\nKRAS ............ Wild type (exons 2 to 4 read)\n",
        "not_met",
        id="ocr35-leader-row-negative-note",
    ),
    # guards: a failure note; a variant in the bracket; a row with its variant before the dots (G12C's own row)
    pytest.param(
        "Colon resection biomarkers\nKRAS .......... Not detected (DNA yield too low, not evaluable)\n",
        "insufficient",
        id="ocr35-leader-row-negative-guard-not-evaluable",
    ),
    pytest.param(
        "Colon resection biomarkers\nKRAS (p.G12C assay only) .......... Not detected\n",
        "insufficient",
        id="ocr35-leader-row-negative-guard-variant-bracket",
    ),
    pytest.param(
        "Colon resection biomarkers\nKRAS G12C .......... Not detected\nKRAS G12D .......... Detected (VAF 21%)\n",
        "not_met",
        id="ocr35-leader-row-negative-guard-variant-row",
    ),
]


@pytest.mark.parametrize(("text", "status"), CASES)
def test_ocr35_classes(text: str, status: str) -> None:
    assert scans.kras_status(text) == status
