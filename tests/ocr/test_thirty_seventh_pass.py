"""Issue 17's thirty-seventh OCR pass: held-out OCR set 36 read (a US practice's paper; a development set now). Each
class is a way real reports are written, with guards (what it must NOT read), table-driven; ids are the classes'
`[ocr37-...]` names. The wording is this file's own."""

from __future__ import annotations

import pytest

from priorauth.text.kras_ocr37 import fields_row
from tests.ocr import scans

CASES = [
    # [ocr37-fields-row] a row of "Label: value" cells ends its statement: its negation stays on its row
    pytest.param(
        "Lung core panel, FFPE tissue\nKRAS  c.34G>T  p.G12C  VAF 14%  pathogenic\n"
        "EGFR, ALK: no alteration  PD-L1 TPS: 60%  TMB: 9 mut/Mb\nThis KRAS G12C variant is the one reported above.\n",
        "met",
        id="ocr37-fields-row",
    ),
    pytest.param(
        "Lung core panel, FFPE tissue\nKRAS  c.34G>T  p.G12C  VAF 14%  pathogenic\n"
        "ROS1/RET: not detected  MSI status: stable  ERBB2: not amplified\nThe KRAS G12C change is clonal by VAF.\n",
        "met",
        id="ocr37-fields-row-three-cells",
    ),
    # guards: a prose line with one label still wraps; a fields row over a lower-case line still wraps
    pytest.param(
        "Lung core panel, FFPE tissue\nInterpretation: this tissue sequencing run found no pathogenic variants in\n"
        "KRAS (G12C included), EGFR or BRAF.\n",
        "not_met",
        id="ocr37-fields-row-guard-one-label",
    ),
    # [ocr37-same-position-as] a variant named as what another change is compared with by position: no result
    pytest.param(
        "Lung core NGS, FFPE tissue\nKRAS  c.35G>A  p.G12D  VAF 17%\nComment: G12D alters the same codon as G12C but"
        " encodes aspartate.\n",
        "not_met",
        id="ocr37-same-position-as",
    ),
    pytest.param(
        "LUNG CORE NGS, FFPE TISSUE\nKRAS  p.G12A (c.35G>C)  VAF 22%\nNOTE: G12A SITS AT THE SAME POSITION (CODON 12) AS"
        " KRAS G12C\nBUT IS NOT G12C.\n",
        "not_met",
        id="ocr37-same-position-as-capitals",
    ),
    # guards: the same codon as a G12C found before; "same" with no position's noun
    pytest.param(
        "Lung core NGS, FFPE tissue\nKRAS p.G12C, VAF 9%, at the same codon as the G12C detected in the 2024 wedge.\n",
        "met",
        id="ocr37-same-position-as-guard-result-after",
    ),
    pytest.param(
        "Lung core NGS, FFPE tissue\nKRAS G12C detected (VAF 9%), the same as in the 2024 wedge.\n",
        "met",
        id="ocr37-same-position-as-guard-no-position",
    ),
    # [ocr37-applies-only-to] a therapy's scope: no result
    pytest.param(
        "Clinic note\nTumor NGS (lung core, tissue): KRAS G13D.\nSotorasib applies only to G12C.\n",
        "not_met",
        id="ocr37-applies-only-to",
    ),
    pytest.param(
        "Clinic note\nLung core tissue NGS: KRAS G12V (c.35G>T).\nG12C-directed treatment (sotorasib or adagrasib)"
        " applies only to\nG12C; her variant is G12V.\n",
        "not_met",
        id="ocr37-applies-only-to-wrapped",
    ),
    # guard: a result after the variant
    pytest.param(
        "Clinic note\nTherapy note: sotorasib applies only to KRAS G12C, present in this lung core tissue at 12%.\n",
        "met",
        id="ocr37-applies-only-to-guard-result-after",
    ),
    # [ocr37-patient-own-label] the patient's own testing, labelled, inside a family history: read
    pytest.param(
        "Genetics consult\nFamily history: brother, pancreatic cancer at 58; father, colon cancer at 66.\n"
        "Patient's tumor testing: lung core biopsy NGS showed an ALK fusion;\nKRAS was wild type.\n",
        "not_met",
        id="ocr37-patient-own-label",
    ),
    pytest.param(
        "Genetics consult\nFamily history: aunt, ovarian cancer at 49.\nHer own tumor testing: lung core NGS with an"
        " ALK fusion;\nKRAS negative.\n",
        "not_met",
        id="ocr37-patient-own-label-her-own",
    ),
    # guards: a relative named after the label; a relative's own label
    pytest.param(
        "Genetics consult\nFamily history: mother, lung cancer at 70.\nPatient's tumor testing: pending; her sister's"
        " tumor had KRAS G12C.\n",
        "insufficient",
        id="ocr37-patient-own-label-guard-relative-after",
    ),
    pytest.param(
        "Genetics consult\nFamily history: sister, colon cancer.\nSister's tumor testing: KRAS G12C detected.\n",
        "insufficient",
        id="ocr37-patient-own-label-guard-relative-label",
    ),
]


@pytest.mark.parametrize(("text", "status"), CASES)
def test_ocr37_classes(text: str, status: str) -> None:
    assert scans.kras_status(text) == status


@pytest.mark.parametrize(
    ("line", "nxt", "row"),
    [
        ("NRAS, BRAF: none found  MSI: stable  HER2: 1+", "The KRAS change ...", True),
        ("NRAS, BRAF: none found  MSI: stable  HER2: 1+", "and KRAS ...", False),  # a lower-case next line
        ("Note: the sample was small and the run", "KRAS ...", False),  # one label: prose
        ("KRAS  c.34G>T  p.G12C  VAF 14%", "The ...", False),  # cells, no labels
    ],
)
def test_ocr37_fields_row(line: str, nxt: str, row: bool) -> None:
    assert fields_row(line, nxt) is row
