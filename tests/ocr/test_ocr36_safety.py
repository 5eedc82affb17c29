"""Held-out OCR set 36's safety pass: the classes behind its unsafe answers (a tick-box test option on an order form read
as a G12C result, a wrong met; a scan's speck cutting off a negation or another patient's words, read as a G12C
detected; an original report's call quoted or corrected away read as a result; a drug in an approved-option column
read as a prior KRAS G12C inhibitor, a wrong denial). Typed documents of our own wording through the chart/criteria
path, with guards (a tissue G12C detected stays met, a plasma G12C detected stays met, a tissue "KRAS G12C not detected"
stays not_met); the scan classes with OCR-like garbled text of our own. Ids are the classes' `[ocr36s-...]` names
(src/priorauth/text/safety_ocr36s.py)."""

from __future__ import annotations

from typing import Any

import pytest

import priorauth
from tests.ocr import scans


def _criteria(text: str, title: str = "Molecular result") -> dict[str, dict[str, Any]]:
    chart = scans.chart(scans.document("scan1", text.encode(), "text/plain", title))
    return {c["id"]: c for c in priorauth.check(chart, as_of="2026-11-20")["criteria"]}


# An older tissue negative, for the review fixes' wrong not_met (a newer G12C detected against it: review).
OLD_NEGATIVE = "Lung FNA (tissue), NSCLC: tissue hotspot panel (lung FNA, 03/2024) reported KRAS G12C not detected.\n"

KRAS_CASES = [
    # [ocr36s-order-option] a tick-box option of an order form naming a test
    pytest.param(
        "GENOMICS LAB ORDER FORM\nPatient: Doe, J.   Sex: [X] F  [ ] M\nSelect assays:\n"
        "[X] KRAS G12C rapid PCR add-on     [ ] BRAF V600E\n[ ] MSI by PCR                    [X] Comprehensive panel\n"
        "Specimen: [X] FFPE  [ ] Plasma\nResult (lab use): ________\n",
        "insufficient",
        id="ocr36s-order-option-test-word",
    ),
    pytest.param(  # the option is the bare variant, under a request prompt
        "Outside send-out form\nTests ordered (tick):\n[X] KRAS G12C     [ ] EGFR     [ ] ALK\n"
        "Specimen: [X] core biopsy block  [ ] blood\nOrdering MD: /s/ A. Smith\n",
        "insufficient",
        id="ocr36s-order-option-request-prompt",
    ),
    pytest.param(  # the boxes as a fax's OCR reads them: "(X)", "{ ]", "[}]"
        "REFERENCE LAB REQUISITION\nTests requested (tick all needed):\n(X) Hotspot NGS  { ] PD-L1\n"
        "(X) KRAS G12C confirmatory PCR  [}] EGFR only\nSpecimen: (X) FFPE block  { ] Blood\n",
        "insufficient",
        id="ocr36s-order-option-scanned-boxes",
    ),
    # [ocr36s-specked-negation] a speck between the field's colon and its negation
    pytest.param(
        "Lobectomy specimen, next-generation sequencing\nKRAS  c.35G>A  p.G12D  VAF 18%\n' KRAS G12C:.not detected:\n",
        "not_met",  # the G12D stays: another KRAS variant, not G12C
        id="ocr36s-specked-negation-colon",
    ),
    pytest.param(
        "Resection specimen, hotspot panel\nEGFR: not detected\nKRAS G12C: .negative\n",
        "insufficient",
        id="ocr36s-specked-negation-colon-quote",
    ),
    # [ocr36s-specked-other-patient] another patient's report, the sentence cut by a scan's specks
    pytest.param(
        "Clinic note 11/20/2026\nPlasma ctDNA 11/02/2026: KRAS not detected.\nNote: the KRAS G12C printout faxed "
        "here on 1 1/15/2026 belonged\n, toa\n- different patient; it was shredded.\n",
        "insufficient",
        id="ocr36s-specked-other-patient",
    ),
    pytest.param(
        "Office note\nAn outside KRAS G12C report was found in the chart; it belonged\n. to a\n- different patient and "
        "was removed.\n",
        "insufficient",
        id="ocr36s-specked-other-patient-clause",
    ),
    # [ocr36s-earlier-report-relative] the original report's call quoted in a relative clause
    pytest.param(
        "AMENDED REPORT\nSpecimen: left upper lobe wedge resection\nAMENDMENT: the variant was reported in error in "
        'the first version, which showed "KRAS p.G12C (c.34G>T)". The data show p.G12A.\nKRAS  p.G12A  VAF 11%\n',
        "not_met",
        id="ocr36s-earlier-report-relative",
    ),
    pytest.param(  # a scan's l read as f ("listed" -> "fisted")
        "AMENDED REPORT\nSpecimen: right lower lobe lobectomy\nThe protein change was transcribed incorrectly in the "
        "initial report, which fisted \u201cKRAS p. G12C (c. 34G>T)*.\nKRAS  p.G12D  VAF 9%\n",
        "not_met",
        id="ocr36s-earlier-report-relative-garbled",
    ),
    # [ocr36s-corrected-to] the variant corrected to another
    pytest.param(
        "Revised molecular report (tissue, core biopsy): KRAS p.G12C typing error corrected to p.G12S.\n",
        "not_met",
        id="ocr36s-corrected-to",
    ),
    # guards
    pytest.param(
        "Lobectomy specimen, NGS\nKRAS G12C (c.34G>T) detected, VAF 27%.\n",
        "met",
        id="ocr36s-guard-tissue-detected",
    ),
    pytest.param(
        "Plasma ctDNA assay (liquid biopsy)\nKRAS G12C detected, 0.6%.\n",
        "met",
        id="ocr36s-guard-plasma-detected",
    ),
    pytest.param(
        "Lobectomy specimen, NGS\nKRAS G12C: not detected\n",
        "not_met",
        id="ocr36s-guard-tissue-negative",
    ),
    pytest.param(  # a ticked result, not an order
        "Core biopsy (tissue), KRAS PCR\nResult: [X] KRAS G12C detected (VAF 24%)\n",
        "met",
        id="ocr36s-guard-ticked-result",
    ),
    pytest.param(  # a checklist's criterion met, the test its means: the result stands
        "UM review checklist - sotorasib (tissue NGS on file)\n[x] NSCLC  [x] KRAS G12C (FDA-approved test)  [x] Stage IV\n",
        "met",
        id="ocr36s-guard-checklist-approved-test",
    ),
    pytest.param(
        "Trial screening checklist\nInclusion:\n[X] NSCLC on core biopsy\n[X] KRAS p.G12C mutation by local tissue test\n"
        "[X] Measurable disease\n",
        "met",
        id="ocr36s-guard-checklist-by-test",
    ),
    pytest.param(  # a box list under a result prompt
        "Tissue block A1, targeted PCR\nVariant detected:\n[X] KRAS G12C   [ ] KRAS G12D   [ ] KRAS G12V\n",
        "met",
        id="ocr36s-guard-result-prompt-boxes",
    ),
    pytest.param(  # a real stop and a capital: the next sentence's negation is not the variant's
        "Resection specimen (tissue) NGS\nKRAS G12C detected at 31%. No other pathogenic variant detected.\n",
        "met",
        id="ocr36s-guard-stop-then-capital",
    ),
    pytest.param(  # the corrected value after "to" stands
        "Revised molecular report (tissue, lobectomy): KRAS p.G12V transcription error corrected to p.G12C, "
        "VAF 22%.\n",
        "met",
        id="ocr36s-guard-corrected-to-g12c",
    ),
    pytest.param(  # the original's call said to stand
        "AMENDED REPORT\nSpecimen: lobectomy\nThe amendment corrects the PD-L1 score; the original report, which "
        'listed "KRAS p.G12C (c.34G>T)", is unchanged.\n',
        "met",
        id="ocr36s-guard-original-unchanged",
    ),
    # review fixes (2026-12-05, lead's reviewer): each a narrowing; these failed before it
    pytest.param(  # [ocr36s-order-option] a result column header above the box
        "Core biopsy (tissue), lung adenocarcinoma NSCLC\nTest                       Result\n"
        "[X] KRAS G12C PCR          DETECTED\n",
        "met",
        id="ocr36s-review-order-option-result-header",
    ),
    pytest.param(  # [ocr36s-order-option] a result past the cell gap
        "Core biopsy (tissue), lung adenocarcinoma NSCLC\n[X] KRAS G12C PCR     Result: DETECTED\n",
        "met",
        id="ocr36s-review-order-option-result-past-gap",
    ),
    pytest.param(  # ... and with an older tissue negative: review, not a wrong not_met
        OLD_NEGATIVE + "\nCore biopsy (tissue), NSCLC 10/2026\nTest                       Result\n"
        "[X] KRAS G12C PCR          DETECTED\n",
        "review",
        id="ocr36s-review-order-option-older-negative",
    ),
    pytest.param(  # [ocr36s-order-option] "Order:" with an accession number is no request prompt
        "Order: 55-1234    Patient: Doe, Jane\nTissue block A1, targeted PCR (lung core)\n"
        "[X] KRAS G12C     [ ] KRAS G12D     [ ] KRAS G12V\n",
        "met",
        id="ocr36s-review-order-accession",
    ),
    pytest.param(  # [ocr36s-order-option] a prompt saying the boxes mark what was found
        "Lung core biopsy (tissue), NSCLC\nGenes analyzed (check = alteration found):\n[X] KRAS G12C hotspot assay\n"
        "[ ] EGFR exon 19 deletion assay\n",
        "met",
        id="ocr36s-review-order-option-found-prompt",
    ),
    pytest.param(  # [ocr36s-specked-other-patient] a block of another accession, not another patient's result
        "Lobectomy specimen (tissue), NGS\nResult: KRAS p.G12C (c.34G>T) detected, VAF 28%; block A1 was not used "
        "because it belonged to a different accession (S25-1101, prior biopsy of this patient).\n",
        "met",
        id="ocr36s-review-other-accession",
    ),
    pytest.param(
        "Lobectomy specimen (tissue), NGS\nResult: KRAS p.G12C (c.34G>T) detected, VAF 28%; slides belonging to a "
        "separate specimen were excluded.\n",
        "met",
        id="ocr36s-review-separate-specimen",
    ),
    pytest.param(
        "Lobectomy specimen (tissue), NGS\nResult: KRAS p.G12C (c.34G>T) detected, VAF 28%; the control belonged to "
        "another case.\n",
        "met",
        id="ocr36s-review-control-other-case",
    ),
    pytest.param(
        OLD_NEGATIVE + "\nLobectomy specimen (tissue), NGS 10/2026\nResult: KRAS p.G12C (c.34G>T) detected, VAF 28%; "
        "block A1 was not used because it belonged to a different accession (S25-1101, prior biopsy of this patient).\n",
        "review",
        id="ocr36s-review-other-accession-older-negative",
    ),
    pytest.param(  # [ocr36s-earlier-report-relative] the correction names a birth date; the results are identical
        "AMENDED REPORT\nSpecimen: lobectomy (tissue)\nReason for amendment: the patient's date of birth was "
        "incorrect on the original report.\nResults are identical to the original report, which showed KRAS p.G12C "
        "(c.34G>T), VAF 27%.\n",
        "met",
        id="ocr36s-review-earlier-report-identical",
    ),
    pytest.param(
        OLD_NEGATIVE + "\nAMENDED REPORT 10/2026\nSpecimen: lobectomy (tissue)\nReason for amendment: the patient's "
        "date of birth was incorrect on the original report.\nResults are identical to the original report, which "
        "showed KRAS p.G12C (c.34G>T), VAF 27%.\n",
        "review",
        id="ocr36s-review-earlier-report-identical-older-negative",
    ),
    pytest.param(  # a site correction near "per the prior report, which identified KRAS G12C"
        "AMENDED REPORT\nAmendment: the specimen site was recorded incorrectly (right, corrected to left lower lobe, "
        "tissue).\nKRAS status per the prior report, which identified KRAS G12C (c.34G>T), VAF 20%.\n",
        "met",
        id="ocr36s-review-earlier-report-site-correction",
    ),
    pytest.param(  # [ocr36s-corrected-to] corrected to a result word, not another variant
        "Lobectomy specimen (tissue), NGS\nKRAS G12C (initially: not detected) corrected to DETECTED after review\n",
        "met",
        id="ocr36s-review-corrected-to-detected",
    ),
]


@pytest.mark.parametrize(("text", "expected"), KRAS_CASES)
def test_ocr36_kras_safety(text: str, expected: str) -> None:
    assert scans.kras_status(text) == expected


THERAPY_CASES = [
    # [ocr36s-option-column] a drug under an approved-option column
    pytest.param(
        "TARGETED THERAPY SUMMARY (tissue)\nGene  Found?  Variant  FDA-approved option\nEGFR  No  --  --\n"
        "KRAS  Yes  G12C, 21% of reads  Adagrasib\nALK  No  --  --\n",
        "met",
        id="ocr36s-option-column",
    ),
    pytest.param(
        "Molecular summary\nMarker  Result  Matched options (lung)\nKRAS G12C  positive  sotorasib or adagrasib\n",
        "met",
        id="ocr36s-option-column-matched",
    ),
    pytest.param(  # a scan's blank line between two rows of the table
        "Therapy match report\nGene  Found?  Detail  Approved option (lung)\nEGFR  N  --  =\nALK  N  o\n\n"
        "BRAF  N  --  --\nKRAS G12C  Y  VAF 12%  Adagrasib\n",
        "met",
        id="ocr36s-option-column-scan-gap",
    ),
    # guards
    pytest.param(  # a history table below an options table: a history header on the way up ends the walk
        "Therapy match report\nGene  Variant  Approved options\nKRAS  G12C  sotorasib\n\nPrior therapy  Dates\n"
        "Adagrasib  03-09/2026\n",
        "not_met",
        id="ocr36s-guard-history-table-below-options",
    ),
    pytest.param(  # the row says the drug was given
        "Molecular summary\nMarker  Result  Approved option\nKRAS G12C  positive  adagrasib (received 03-08/2026)\n",
        "not_met",
        id="ocr36s-guard-option-row-received",
    ),
    pytest.param(  # a header naming the patient's history
        "Treatment record\nLine  Prior therapy option  Dates\n1  Carboplatin/pemetrexed  01-04/2026\n"
        "2  Adagrasib  05-10/2026\n",
        "not_met",
        id="ocr36s-guard-history-header",
    ),
    # review fix: a history table's header between the drug and the options header ends the walk
    pytest.param(
        "Biomarker   Result     Approved option (NSCLC)\nKRAS G12C   Detected   yes (see NCCN)\nPD-L1  10%  pembrolizumab\n"
        "\nLine   Regimen   Dates   Best response\n2L     adagrasib 600 mg BID   03/2025-08/2025    PD\n",
        "not_met",
        id="ocr36s-review-option-column-line-regimen",
    ),
    pytest.param(
        "Biomarker   Result     Approved option (NSCLC)\nKRAS G12C   Detected   yes (see NCCN)\nPD-L1  10%  pembrolizumab\n"
        "\nMedication   Sig   Status\nadagrasib 600 mg   BID   discontinued 08/2025\n",
        "not_met",
        id="ocr36s-review-option-column-medication-list",
    ),
    pytest.param(
        "Biomarker | Result | Approved option\nKRAS G12C | Detected | yes (see NCCN)\nPD-L1 | 10% | pembrolizumab\n\n"
        "Drug | Dates | Response\nAdagrasib | 03/2025-08/2025 | PD\n",
        "not_met",
        id="ocr36s-review-option-column-pipe-drug-table",
    ),
]


@pytest.mark.parametrize(("text", "expected"), THERAPY_CASES)
def test_ocr36_therapy_safety(text: str, expected: str) -> None:
    assert _criteria(text)["no_prior_kras_g12c_inhibitor"]["status"] == expected
