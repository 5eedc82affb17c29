"""Issue 17's thirty-first OCR pass: held-out OCR set 29 read (a development set now). Each class is a way real reports
are written, with guards (what it must NOT read), table-driven; ids are the classes' `[ocr29-...]` names."""

from __future__ import annotations

import pytest

from priorauth.text import suspect_word
from tests.ocr import scans

CASES = [
    # [ocr29-glossed-negative-label] a foreign label glossed "(Not detected):" heading a list of what was not found
    pytest.param(
        "Tumour tissue NGS\nNie wykryto (Not detected): KRAS p.G12C; EGFR, ALK and ROS1 alterations\n",
        "not_met", id="ocr29-glossed-negative-label",
    ),
    pytest.param(
        "Tumour tissue NGS\nIkke pavist (negative): EGFR exon 19; KRAS G12C\n", "not_met", id="ocr29-glossed-negative-label-later"
    ),
    # guards: a positive gloss; a sentence stop before the finding; a result word in the finding's own item; an aside
    # that is not a call ([v17-kras-negation-in-aside] keeps its reading)
    pytest.param(
        "Tumour tissue NGS\nWykryto (Detected): KRAS p.G12C; TP53 R273H\n", "met", id="ocr29-glossed-negative-label-guard-positive"
    ),
    pytest.param(
        "Tumour tissue NGS\nNie wykryto (Not detected): EGFR. KRAS G12C detected, VAF 22%.\n",
        "met", id="ocr29-glossed-negative-label-guard-stop",
    ),
    pytest.param(
        "Tumour tissue NGS\nNie wykryto (Not detected): EGFR; KRAS G12C detected at 22%\n",
        "met", id="ocr29-glossed-negative-label-guard-item",
    ),
    pytest.param(
        "Plasma NGS (no tissue left): KRAS G12C detected, VAF 1.2%\n", "met", id="ocr29-glossed-negative-label-guard-aside"
    ),
    # [ocr29-no-compound] a hyphenated "no-" compound naming a kind of result negates nothing after it
    pytest.param(
        "Tissue NGS addendum revising the earlier no-mutation report to KRAS G12C\nKRAS c.34G>T p.G12C detected, VAF 9%.\n",
        "met", id="ocr29-no-compound",
    ),
    # guards: another negation in the sentence; no result noun after the compound
    pytest.param(
        "Tissue NGS addendum: the earlier no-mutation report stands; KRAS G12C not detected.\n",
        "not_met", id="ocr29-no-compound-guard-negation",
    ),
    pytest.param("Tissue NGS: no-KRAS G12C in the tumour\n", "not_met", id="ocr29-no-compound-guard-noun"),
    # [ocr29-replaced-version-line] a line labelled as an earlier version that a later version replaces
    pytest.param(
        "Tissue NGS, block A1\nPhien 1 (Version 1): KRAS khong dot bien (no mutation detected).\n"
        "Phien 2 (Version 2): KRAS c.34G>T p.G12C, VAF 6%.\nVersion 2 replaces version 1.\n",
        "met", id="ocr29-replaced-version-line",
    ),
    pytest.param(
        "Tissue NGS, block A1\nv1: KRAS G12C detected 2%\nv2: KRAS wild type on repeat\nv2 supersedes v1\n",
        "not_met", id="ocr29-replaced-version-line-short",
    ),
    # guards: no replacement stated (both versions stand: review); the replacing version's own line stays
    pytest.param(
        "Tissue NGS, block A1\nPhien 1 (Version 1): KRAS khong dot bien (no mutation detected).\n"
        "Phien 2 (Version 2): KRAS c.34G>T p.G12C, VAF 6%.\n",
        "review", id="ocr29-replaced-version-line-guard-none",
    ),
    pytest.param(
        "Tissue NGS, block A1\nVersion 2: KRAS c.34G>T p.G12C, VAF 6%.\nVersion 2 replaces version 1.\n",
        "met", id="ocr29-replaced-version-line-guard-current",
    ),
    # [ocr29-specked-foreign-words] a fax's lone speck between the foreign words before the bracketed call
    pytest.param(
        "Tumour tissue, NGS\nKRAS G12C ne : vyyaulena (not\ndetected) in the tumour\n", "not_met", id="ocr29-specked-foreign-words"
    ),
    # guards: an English result word among the words; a mark glued to a word is a label's
    pytest.param(
        "Tumour tissue, NGS\nKRAS G12C vyyaulena : detected (not detected)\n", "met", id="ocr29-specked-foreign-words-guard-result"
    ),
    pytest.param(
        "Tumour tissue, NGS\nKRAS G12C tulos: (not detected)\n", "met", id="ocr29-specked-foreign-words-guard-label"
    ),
]


@pytest.mark.parametrize(("text", "status"), CASES)
def test_ocr29_classes(text: str, status: str) -> None:
    assert scans.kras_status(text) == status


@pytest.mark.parametrize(
    ("quote", "suspect"),
    [
        # [ocr29-glossed-foreign-word] a foreign word a letter off a trigger, glossed as a positive call after it
        pytest.param("KRAS G12C Mutatioun nogewisen (KRAS G12C mutation detected).", None, id="ocr29-glossed-foreign-word"),
        pytest.param("detectada (detected), VAF 31%.", None, id="ocr29-glossed-foreign-word-call"),
        # guards: a negative gloss, a gloss holding more than the call, no gloss, a glued trigger
        pytest.param("detectada (not detected)", "detectada", id="ocr29-glossed-foreign-word-guard-negative"),
        pytest.param("detectada (detected on repeat)", "detectada", id="ocr29-glossed-foreign-word-guard-more"),
        pytest.param("KRAS G12C negalive.", "negalive", id="ocr29-glossed-foreign-word-guard-none"),
        pytest.param("Ifa (detected)", "Ifa", id="ocr29-glossed-foreign-word-guard-glued"),
    ],
)
def test_ocr29_glossed_foreign_word(quote: str, suspect: str | None) -> None:
    assert suspect_word(quote) == suspect
