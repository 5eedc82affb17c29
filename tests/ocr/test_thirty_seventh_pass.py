"""Issue 17's thirty-seventh OCR pass: held-out OCR set 36 read (a US practice's paper; a development set now). Each
class is a way real reports are written, with guards (what it must NOT read), table-driven; ids are the classes'
`[ocr37-...]` names. The wording is this file's own."""

from __future__ import annotations

import re

import pytest

from priorauth.text import ocr
from priorauth.text.kras_ocr37 import fields_row
from priorauth.text.sources import TextDoc
from tests.ocr import scans

CASES = [
    # [ocr37-fields-row] a row of "Label: value" cells ends its statement: its negation stays on its row
    pytest.param(
        "Lung core panel, FFPE tissue\nKRAS  c.34G>T  p.G12C  VAF 14%  pathogenic\n"
        "STK11  c.109C>T  p.Q37*  VAF 30%  pathogenic\nEGFR, ALK: no mutation  MSI status: stable (MSS)  ERBB2: not"
        " amplified\nThe KRAS G12C mutation guides the choice of therapy.\n",
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
    # [ocr37-not-speck-detected] a scan's speck between "not" and "detected": still not detected
    pytest.param(
        "Lung core NGS, FFPE tissue\nKRAS p.G13D detected.\nKRAS p.G12C (c.34G>T) was not  ,\ndetected.\n",
        "not_met",
        id="ocr37-not-speck-detected",
    ),
    pytest.param(
        "Lung core NGS, FFPE tissue\nEGFR L858R present. KRAS G12C was not  ;\nfound.\n",
        "not_met",
        id="ocr37-not-speck-detected-semicolon",
    ),
    # guard: a word after "not" is no call
    pytest.param(
        "Lung core NGS, FFPE tissue\nKRAS G12C detected, VAF 8%. Plasma was not sent. Detected in tissue only.\n",
        "met",
        id="ocr37-not-speck-detected-guard-word",
    ),
    # review fixes (guards): [ocr37-fields-row] a row whose last cell is cut mid-statement still wraps
    pytest.param(
        "Lung core panel, FFPE tissue\nEGFR: negative  ALK: negative  KRAS: negative for\nG12C, G12D and G12V.\n",
        "not_met",
        id="ocr37-fix-fields-row-open-for",
    ),
    pytest.param(
        "Lung core panel, FFPE tissue\nEGFR: negative  ALK: negative  ROS1: negative  KRAS: no\n"
        "G12C or other codon 12/13 mutation detected.\n",
        "not_met",
        id="ocr37-fix-fields-row-open-no",
    ),
    pytest.param(
        "Lung core panel, FFPE tissue\nEGFR: negative  ALK: negative  KRAS: no mutation at\nG12C (codon 12) detected.\n",
        "not_met",
        id="ocr37-fix-fields-row-open-at",
    ),
    pytest.param(
        "Lung core panel, FFPE tissue\nEGFR: negative  ALK: negative  KRAS G12C: not\nDetected.\n",
        "not_met",
        id="ocr37-fix-fields-row-open-not",
    ),
    pytest.param(
        "Lung core panel, FFPE tissue\nEGFR: NEGATIVE  ALK: NEGATIVE  KRAS G12C: NOT\nDETECTED\n",
        "not_met",
        id="ocr37-fix-fields-row-open-not-capitals",
    ),
    pytest.param(
        "Bronchial biopsy NGS, FFPE\nMET: not amplified  RET: negative  ALK: negative  KRAS: no variant at\n"
        "G12C (c.34) detected.\n",
        "not_met",
        id="ocr37-fix-fields-row-open-variant-at",
    ),
    # review fixes (guards): [ocr37-patient-own-label] a pending label, a relative later in the finding's sentence
    pytest.param(
        "Genetics consult\nFamily history:\nPatient's tumor testing: pending (sent 11/2026)\n"
        "KRAS G12C-positive lung adenocarcinoma in her late twin (dx 2023).\n",
        "insufficient",
        id="ocr37-fix-own-label-pending-twin",
    ),
    pytest.param(
        "Genetics consult\nFamily history:\nPatient's tumor testing: pending. KRAS G12C NSCLC in a first-degree"
        " relative, per outside records.\n",
        "insufficient",
        id="ocr37-fix-own-label-first-degree",
    ),
    pytest.param(
        "Genetics consult\nFamily history:\nPatient's tumor testing: pending. Stepmother, NSCLC, KRAS G12C detected.\n",
        "insufficient",
        id="ocr37-fix-own-label-stepmother",
    ),
    pytest.param(
        "Cancer genetics visit\nFamily history:\nHis own biomarker testing: not done yet; KRAS G12C lung cancer in his"
        " half-brother at 51.\n",
        "insufficient",
        id="ocr37-fix-own-label-half-brother",
    ),
    # review fixes (guards): [ocr37-applies-only-to] a result after a semicolon or a colon keeps its result
    pytest.param(
        "Clinic note\nLung core tissue NGS 10/2026.\nTherapy is only for G12C; her tumor harbors it (VAF 18%), so we"
        " will start sotorasib.\n",
        "met",
        id="ocr37-fix-applies-only-to-semicolon",
    ),
    pytest.param(
        "Clinic note\nLung core tissue NGS 10/2026.\nTreatment is only for G12C; his tumor carries it (VAF 9%), so we"
        " will start adagrasib.\n",
        "met",
        id="ocr37-fix-applies-only-to-carries",
    ),
]


@pytest.mark.parametrize(("text", "status"), CASES)
def test_ocr37_classes(text: str, status: str) -> None:
    assert scans.kras_status(text) == status


@pytest.mark.parametrize(
    ("line", "nxt", "row"),
    [
        ("NRAS, BRAF: not detected  MSI: stable  HER2: 1+", "The KRAS change ...", True),
        ("NRAS, BRAF: not detected  MSI: stable  HER2: 1+", "and KRAS ...", False),  # a lower-case next line
        ("Note: the sample was small and the run", "KRAS ...", False),  # one label: prose
        ("KRAS  c.34G>T  p.G12C  VAF 14%", "The ...", False),  # cells, no labels
        ("Drug: adagrasib 200 mg tablets   Prescriber: Dr A B", "Our criteria ...", False),  # fields, no results
        ("EGFR: negative  KRAS: negative for", "G12C ...", False),  # review fix: the last cell cut mid-statement
        ("BRAF: negative  KRAS G12C:", "Not detected.", False),  # a label with nothing after its colon
        ("BRAF: negative  ALK: negative", "KRAS G12C not detected.", False),  # a next line begun with KRAS
    ],
)
def test_ocr37_fields_row(line: str, nxt: str, row: bool) -> None:
    assert fields_row(line, nxt) is row


@pytest.mark.parametrize(
    ("line", "misread"),
    [
        # [ocr37-person-named] a doubted given name like a drug's name, before a surname and a credential: no drug
        ("Counselor: Zirabel Okonkwo-Hale, MS, CGC  Referring: oncology\n", False),
        ("Seen with Zirabel Lindqvist, RN\n", False),
        # guards: the same word with no surname and credential, or lower case, is still a misread drug
        ("Plan: Zirabel 15 mg/kg every 3 weeks\n", True),
        ("Counselor: zirabel Okonkwo, MS\n", True),
        ("Counselor:\nZirabel Okonkwo, MS, CGC\n", False),
        # review fixes (guards): a medication table's misread drug before its prescriber; no name's context; two spaces
        (
            "Drug  Prescriber  Dose  Dates\nCarboplatin  Patel, MD  AUC 5  01/2025 - 04/2025\n"
            "Aeagresie      Chen, MD       600 mg BID      05/2025 - 09/2025\n",
            True,
        ),
        ("Sotorasb   Chen, PharmD\n", True),
        ("Krazatl   Okafor, MD\n", True),
        ("Adagrasb Nguyen, PA-C\n", True),
        ("Prior agents\nSigned: Sotorasb Lee, MD\n", True),
    ],
)
def test_ocr37_person_named_is_no_misread_drug(line: str, misread: bool) -> None:
    from priorauth.text import _misread_drug

    words = [ocr.Word(m.start(), m.end(), 40.0, (0, 0, 1, 1)) for m in re.finditer(r"\S+", line)]
    assert (_misread_drug(line, words) is not None) is misread


def _scanned(text: str, doubted: str | None = None) -> TextDoc:
    """A one-page scanned TextDoc whose words read 95, except the word after "||" (marked, then removed), read 50."""
    at = text.index("||") if doubted else -1
    text = text.replace("||", "", 1)
    words = tuple(
        ocr.Word(m.start(), m.end(), 50.0 if m.start() == at else 95.0, (0, 0, 1, 1)) for m in re.finditer(r"\S+", text)
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
    ("text", "confident"),
    [
        # [ocr37-status-grid] a doubted word in another gene's cell of a gene-status grid: KRAS's cell trusted
        ("AKT1 WT  FGFR1 ||WT  IDH1 WT  KRAS WT  MET WT\n", True),
        ("BRAF V600E  EGFR WT  KRAS WT\nNRAS WT  PIK3CA ||WT  PTEN WT\n", True),
        # guards: KRAS's own cell doubted; a cell one letter from KRAS; a prose line
        ("AKT1 WT  FGFR1 WT  KRAS ||WT  MET WT\n", False),
        ("AKT1 WT  NRAS ||WT  KRAS WT  MET WT\n", False),
        ("Result: KRAS WT; the FGFR1 call is ||uncertain\n", False),
    ],
)
def test_ocr37_status_grid(text: str, confident: bool) -> None:
    from priorauth.text import reading_of

    doc = _scanned(text, "x")
    at = doc.text.index("KRAS WT")
    end = doc.text.index("\n", at)
    assert reading_of(doc, doc.text.rfind("\n", 0, at) + 1, end, (at, at + 7)).confident is confident


@pytest.mark.parametrize(
    "text",
    [
        # review fix (guards): a doubted capitalised word after KRAS's cell is no other gene's cell: no grid
        "EGFR WT  BRAF WT  ALK NEG  KRAS G12C ||N0T DETECTED\n",
        "EGFR WT  BRAF WT  ALK NEG  KRAS G12C ||NQT DETECTED\n",
        "ALK NEG  KRAS G12C ||NQ7 FOUND  RET NEG\n",
    ],
)
def test_ocr37_status_grid_no_gene_cell(text: str) -> None:
    from priorauth.text import reading_of

    doc = _scanned(text, "x")
    at = doc.text.index("KRAS G12C")
    assert not reading_of(doc, 0, doc.text.index("\n"), (at, at + 9)).confident


@pytest.mark.parametrize(
    ("text", "confident"),
    [
        # [ocr37-bracketed-in] "(in-house ...)": the word "in", no box read as "(I N"
        ("Block A2 sent for NGS (in-house 50-gene panel). Result: KRAS G12C, VAF 29%.\n", True),
        ("KRAS G12C detected (in situ component excluded).\n", True),
        # guard: a box read with a stroke for its blank
        ("KRAS G12C detected  [1Y  [ ] N\n", False),
    ],
)
def test_ocr37_bracketed_in(text: str, confident: bool) -> None:
    from priorauth.text import reading_of

    doc = _scanned(text)
    at = doc.text.index("KRAS")
    assert reading_of(doc, at, doc.text.index("\n"), (at, at + 9)).confident is confident
