"""Held-out OCR set 29's safety pass (issue 17): the two unsupported KRAS `met`s of the blind score, each read into a
class (own wording, table-driven, ids `[ocr29s-...]`), with guards (what each class must NOT read)."""

from __future__ import annotations

import pytest

from tests.ocr import scans

CASES = [
    # [ocr29s-prefixed-pcr] a PCR named with its kind glued on ("qPCR", "ddPCR", "RT-qPCR") "for" the variant: the test
    pytest.param(
        "Tumour block A1\nMethod: allele-specific qPCR for KRAS G12C; LoD 1%\nResult: KRAS G12C not detected in the tumour.\n",
        "not_met", id="ocr29s-prefixed-pcr-qpcr",
    ),
    pytest.param(
        "Plasma sample, 10 ml\nMethod: ddPCR for KRAS p.G12C, two wells\nResult: no mutant droplets (negative).\n",
        "insufficient", id="ocr29s-prefixed-pcr-ddpcr",
    ),
    pytest.param(
        "Plasma sample\nTechnique: RT-qPCR for the KRAS G12C change, sent to the reference lab.\n",
        "insufficient", id="ocr29s-prefixed-pcr-rtqpcr",
    ),
    # guards: a result word in the clause keeps the detection; a colon label ("qPCR: KRAS G12C detected") is no "for"
    pytest.param(
        "Tumour block A1\nddPCR for KRAS G12C: detected, 2.4% mutant fraction.\n", "met", id="ocr29s-prefixed-pcr-guard-result"
    ),
    pytest.param(
        "Tumour block A1\nqPCR for KRAS G12C positive (Ct 27.9).\n", "met", id="ocr29s-prefixed-pcr-guard-positive"
    ),
    pytest.param(
        "Tumour block A1\nTissue qPCR: KRAS G12C detected.\n", "met", id="ocr29s-prefixed-pcr-guard-label"
    ),
    # [ocr29s-slash-gloss-cell] a table's result cell in the lab's language, its English gloss after a slash
    pytest.param(
        "Tumour tissue, hotspot panel\n  Gen / Gene   Variante / Variant   Resultado / Result\n"
        "  KRAS         p.G12C               no detectado / not detected\n",
        "not_met", id="ocr29s-slash-gloss-cell",
    ),
    # ... at a worst-level fax: specks in the cell gap and glued to the slash, the gene's cell read with a stop
    pytest.param(
        "Tumour tissue, hotspot panel\n  KRAS.  p.G12C  |  :  nie wykryto /-not detected  .\n",
        "not_met", id="ocr29s-slash-gloss-cell-specked",
    ),
    pytest.param(
        "Plasma cfDNA, hotspot panel\n  KRAS  p.G12C   ;  bulunamadi /~negative\n",
        "insufficient", id="ocr29s-slash-gloss-cell-plasma",
    ),
    # guards: a positive gloss; an English choice pair ("detected / not detected"), specked so no negation reads it;
    # more after the call on the line; no cell gap after the variant
    pytest.param(
        "Tumour tissue, hotspot panel\n  KRAS  p.G12C  |  :  wykryto /-detected\n", "met", id="ocr29s-slash-gloss-cell-guard-positive"
    ),
    pytest.param(
        "Tumour tissue, hotspot panel\n  KRAS  p.G12C  |  detected /-not detected\n", "met", id="ocr29s-slash-gloss-cell-guard-pair"
    ),
    pytest.param(
        "Tumour tissue, hotspot panel\n  KRAS  p.G12C  |  :  nie wykryto /-not detected, see the comment\n",
        "met", id="ocr29s-slash-gloss-cell-guard-more",
    ),
    pytest.param(
        "Tumour tissue, hotspot panel\n  KRAS p.G12C wykryto |  :  nie wykryto /-not detected\n",
        "met", id="ocr29s-slash-gloss-cell-guard-no-gap",
    ),
]


@pytest.mark.parametrize(("text", "status"), CASES)
def test_ocr29s_classes(text: str, status: str) -> None:
    assert scans.kras_status(text) == status
