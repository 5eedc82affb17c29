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
]


@pytest.mark.parametrize(("text", "status"), CASES)
def test_ocr35_classes(text: str, status: str) -> None:
    assert scans.kras_status(text) == status
