"""Held-out OCR set 30's safety pass (issue 17): the OCR-made KRAS `met` of the blind score (a worst-level fax of a
letter's wrapped "KRAS G12C not detected"), read into a class (own wording, table-driven, ids `[ocr30s-...]`), with
guards (what the class must NOT read)."""

from __future__ import annotations

import pytest

from tests.ocr import scans

CASES = [
    # [ocr30s-specked-split-negation] a wrapped "not detected" split into sentences by a fax's specks
    pytest.param(
        "The plasma cfDNA assay (outside lab) showed EGFR wild type; KRAS G12C\n.. not  .\n- detected (G12C absent).\n",
        "insufficient", id="ocr30s-split-negation-plasma-gloss",
    ),
    pytest.param(
        "Tumour block B2, lobectomy. NGS hotspot panel: KRAS p.G12C was\nnot .\n~ detected; TP53 R273H present.\n",
        "not_met", id="ocr30s-split-negation-tissue-was-not",
    ),
    pytest.param(
        "Liquid biopsy (plasma) result: KRAS G12C\n... not\n_ found in this sample.\n",
        "insufficient", id="ocr30s-split-negation-found",
    ),
    pytest.param(
        "Plasma ctDNA: EGFR negative. Result - not .\n- detected (KRAS G12C ar fiuchas) in the sample.\n",
        "insufficient", id="ocr30s-split-negation-gloss-after-call",
    ),
    # guards: the variant's own positive call first; another gene's negative after a word; a positive call after the
    # gloss on its line; a negative heading closed by a stop before the variant; a clean specked positive
    pytest.param(
        "Tumour block A1, NGS panel: KRAS G12C\n... detected  .\n- Not detected: EGFR, ALK, ROS1.\n",
        "met", id="ocr30s-split-negation-guard-positive-first",
    ),
    pytest.param(
        "Tumour block A1, NGS panel: KRAS G12C present; NRAS\n... not .\n- detected.\n",
        "met", id="ocr30s-split-negation-guard-other-gene",
    ),
    pytest.param(
        "Tumour block A1, NGS panel: EGFR not\n. detected - KRAS G12C detected, VAF 18%.\n",
        "met", id="ocr30s-split-negation-guard-positive-after",
    ),
    pytest.param(
        "Tumour block A1, NGS panel: EGFR and ALK not\n- detected. KRAS G12C positive (VAF 22%).\n",
        "met", id="ocr30s-split-negation-guard-stop-before",
    ),
]


@pytest.mark.parametrize(("text", "status"), CASES)
def test_ocr30s_classes(text: str, status: str) -> None:
    assert scans.kras_status(text) == status
