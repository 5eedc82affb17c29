"""Held-out OCR set 35's safety pass: the classes behind its unsafe KRAS answers (a variant in the not-detected column
of a two-column summary read as detected, a wrong met; a plasma negative in a history list read as tissue, a wrong
not_met). Typed documents of our own wording through the chart/criteria path, with guards (a G12C in the detected
column, tissue or plasma, stays met; a tissue negative stays not_met); ids are the classes' `[ocr35s-...]` names
(src/priorauth/text/safety_ocr35s.py)."""

from __future__ import annotations

import pytest

from tests.ocr import scans

# A hospital note's opening, long enough (past 600 characters) that its tissue words fill the document's head.
_HEAD = (
    "REGIONAL MEDICAL CENTER - INPATIENT MEDICINE\n"
    "Admission note  Date: 11/12/2026\n"
    "Reason for admission: fever and cough for four days.\n"
    "HPI: 68-year-old man with stage IV lung adenocarcinoma diagnosed 08/2026 on a CT-guided core biopsy of a\n"
    "left lower lobe mass; admitted with a suspected post-obstructive pneumonia. Sputum culture sent from the ED,\n"
    "started on IV antibiotics. He reports poor appetite and two kilograms of weight loss over the month.\n"
    "Past medical history: hypertension, type 2 diabetes, remote appendectomy.\n"
    "Social: former smoker, 40 pack-years, quit 2019. Lives with his daughter.\n"
    "CANCER HISTORY:\n"
    "- 08/2026 CT chest: 4.1 cm LLL mass with hilar nodes and adrenal lesion.\n"
    "- 08/2026 core biopsy LLL: adenocarcinoma, TTF-1 positive; block exhausted after IHC.\n"
)

CASES = [
    # [ocr35s-gap-columns] a variant in the not-detected column of a detected / not-detected summary, no rule between
    pytest.param(
        "Circulating tumor DNA panel\nDETECTED  NOT DETECTED\nPIK3CA E545K (c.1633G>A)  1.2%  KRAS (G12C, G12D, G12V)\n"
        "TP53 R248Q  0.9%  BRAF, NRAS\n",
        "insufficient",  # a plasma G12C-absent answer: the label asks for tissue
        id="ocr35s-gap-columns-plasma",
    ),
    pytest.param(
        "Tumor tissue sequencing (lobectomy specimen)\nDetected  Not detected\nSTK11 Q37*  18%  KRAS G12C\n",
        "not_met",
        id="ocr35s-gap-columns-tissue",
    ),
    pytest.param(  # the headings the other way round: the left column is the not-detected one
        "Tumor tissue sequencing (core biopsy)\nNot detected  Detected\nKRAS G12C  EGFR exon 19 deletion  22%\n",
        "not_met",
        id="ocr35s-gap-columns-reversed",
    ),
    pytest.param(  # a row of one cell under rows of two columns: which column it is in cannot be told
        "Tumor tissue sequencing (core biopsy)\nAlterations detected  Not detected\nEGFR L858R  9%  ALK, ROS1\n"
        "KRAS G12C\n",
        "insufficient",
        id="ocr35s-gap-columns-one-cell-row",
    ),
    # review fixes: a row whose cells are KRAS and its variant's parts has no column of its own (no result, never absent)
    pytest.param(  # the gene and the variant split by a wide gap: not a right-hand cell
        "Tumor tissue sequencing (resection)\nDETECTED      NOT DETECTED\nKRAS    G12C\n",
        "insufficient",
        id="ocr35s-gap-columns-gene-variant-split",
    ),
    pytest.param(  # a coding change after a gap is part of the variant, not the not-detected column
        "Tumor tissue sequencing (resection)\nDETECTED      NOT DETECTED\nKRAS G12C    c.34G>T\n",
        "insufficient",
        id="ocr35s-gap-columns-coding-change-cell",
    ),
    pytest.param(  # an allele fraction alone on the left is no left column
        "Tumor tissue sequencing (resection)\nDetected  Not detected\n35%  KRAS G12C\n",
        "insufficient",
        id="ocr35s-gap-columns-figure-left",
    ),
    # [ocr35s-item-specimen] a history list's item naming plasma before the result's own clause
    pytest.param(
        _HEAD + "- 09/2026 cfDNA NGS: TP53 R175H 2.2%; KRAS not detected; no EGFR or ALK alteration.\n"
        "- 09/2026 started carboplatin/pemetrexed.\n",
        "insufficient",
        id="ocr35s-item-specimen",
    ),
    pytest.param(  # the item wrapped by the page: its lead is back to its bullet
        _HEAD + "- 09/2026 liquid biopsy (ctDNA) panel: ctDNA fraction 1.1%, TP53 R175H;\n"
        "KRAS not detected; no targetable driver.\n",
        "insufficient",
        id="ocr35s-item-specimen-wrapped",
    ),
    # guards
    pytest.param(
        "Tumor tissue sequencing (resection)\nDETECTED  NOT DETECTED\nKRAS G12C (c.34G>T)  31%  EGFR, ALK, ROS1\n"
        "TP53 R273H  28%  BRAF, MET\n",
        "met",
        id="ocr35s-guard-tissue-detected-column",
    ),
    pytest.param(
        "Plasma ctDNA panel\nDetected  Not detected\nKRAS G12C  0.7%  EGFR, BRAF\n",
        "met",
        id="ocr35s-guard-plasma-detected-column",
    ),
    pytest.param(  # a sentence under the table is no row of it
        "Tumor tissue sequencing (resection)\nDetected  Not detected\nTP53 R273H  40%  EGFR, ALK\n"
        "KRAS G12C was also detected by reflex PCR on the same block.\n",
        "met",
        id="ocr35s-guard-sentence-under-table",
    ),
    pytest.param(
        "Surgical pathology (lobectomy)\nMolecular: KRAS G12C not detected.\n",
        "not_met",
        id="ocr35s-guard-tissue-negative",
    ),
    pytest.param(  # a tissue word nearer the result than the plasma word in the item
        _HEAD + "- 09/2026 plasma NGS failed (low shedding); NGS on the core biopsy block: KRAS G12C not detected.\n",
        "not_met",
        id="ocr35s-guard-item-tissue-nearer",
    ),
    pytest.param(  # the plasma word is the item above's, not the result's
        _HEAD + "- 09/2026 plasma ctDNA sent, pending.\n- 10/2026 rib lesion biopsy: adenocarcinoma; KRAS not detected.\n",
        "not_met",
        id="ocr35s-guard-item-above-plasma",
    ),
    pytest.param(
        _HEAD + "- 09/2026 plasma NGS: ctDNA detected; KRAS G12C 0.4%; TP53 R175H 1.9%.\n",
        "met",
        id="ocr35s-guard-item-plasma-positive",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_ocr35_safety(text: str, expected: str) -> None:
    assert scans.kras_status(text) == expected
