"""Issue 17's thirty-second OCR pass: held-out OCR set 31 read (a US practice's paper; a development set now). Each class
is a way real reports are written, with guards (what it must NOT read), table-driven; ids are the classes' `[ocr32-...]`
names. The wording is this file's own."""

from __future__ import annotations

import pytest

from tests.ocr import scans

CASES = [
    # [ocr32-voided-result-label] a result label voided by its bracket or its last words heads no result
    pytest.param(
        "Tissue NGS, amended\nEARLIER CALL (ENTERED IN ERROR): KRAS p.G12C\nKRAS c.35G>A p.G12D detected, VAF 17%.\n",
        "not_met", id="ocr32-voided-result-label",
    ),
    pytest.param(
        "Tissue NGS, corrected copy\nFirst report erroneous: KRAS G12C\nKRAS G13D present (VAF 8%).\n",
        "not_met", id="ocr32-voided-result-label-words",
    ),
    pytest.param(
        "Lung resection NGS\nInitial result (retracted): KRAS G12C\n", "insufficient", id="ocr32-voided-result-label-alone"
    ),
    # guards: a bracket holding more than the voiding words; a label that confirms
    pytest.param(
        "Tissue NGS\nFINAL RESULT (replaces the call issued in error): KRAS p.G12C, VAF 21%\n",
        "met", id="ocr32-voided-result-label-guard-more",
    ),
    pytest.param("Tissue NGS\nResult (confirmed): KRAS p.G12C, VAF 21%\n", "met", id="ocr32-voided-result-label-guard-confirmed"),
    # [ocr32-earlier-report-quoted] a corrected report quoting what the earlier report said: the quote is the error
    pytest.param(
        "Tissue NGS - revised issue\nThe nucleotide change was keyed incorrectly. The initial report stated KRAS p.G12C.\n"
        "Revised: KRAS c.35G>C p.G12A detected, VAF 14%.\n",
        "not_met", id="ocr32-earlier-report-quoted",
    ),
    pytest.param(
        "Tissue NGS - revised issue\nIn error, the previous version reported G12C; this is corrected below.\n"
        "KRAS p.G12V detected.\n",
        "not_met", id="ocr32-earlier-report-quoted-version",
    ),
    # guards: no word of error in the document (a letter citing an earlier report); a quote said to stand
    pytest.param(
        "Tissue NGS summary\nThe prior report showed KRAS p.G12C at 19% on the lobectomy block.\n",
        "met", id="ocr32-earlier-report-quoted-guard-no-error",
    ),
    pytest.param(
        "Tissue NGS - amended (birth date keyed incorrectly)\nThe original report listed KRAS p.G12C, which is unchanged.\n",
        "met", id="ocr32-earlier-report-quoted-guard-stands",
    ),
    # [ocr32-not-read-as] a warning against reading the report as a negative is no result
    pytest.param(
        "Lung biopsy NGS, interim\nDNA panel still running.\nPlease do not interpret this interim report as negative for KRAS.\n",
        "insufficient", id="ocr32-not-read-as",
    ),
    pytest.param(
        "Lung biopsy NGS, interim\nThis partial report must not be taken as KRAS-negative.\n",
        "insufficient", id="ocr32-not-read-as-must",
    ),
    # guards: the reading told, not warned against; a result in another clause of the sentence
    pytest.param(
        "Lung biopsy NGS, final\nThis report is to be interpreted as negative for KRAS mutations.\n",
        "not_met", id="ocr32-not-read-as-guard-told",
    ),
    pytest.param(
        "Lung biopsy NGS, final\nDo not interpret the fusion part as complete; KRAS G12C not detected in tissue.\n",
        "not_met", id="ocr32-not-read-as-guard-other-clause",
    ),
    pytest.param(
        "Lung biopsy NGS\nThis interim report should not be regarded as wild-type, since KRAS G12C was detected at 0.4%.\n",
        "met", id="ocr32-not-read-as-guard-result-after",
    ),
    # [ocr32-stamped-page] one page stamped as another patient's (its patient field names someone else): that page only
    pytest.param(
        "NORTHFIELD TUMOR PROFILING (fictitious)   page 1 of 2\nPatient: QUILLAN, ROSALIND   DOB: 00/00/0000\n"
        "Specimen: lung, right upper lobe, resection\nKRAS   wild type (codons 12, 13 and 61)\nEGFR   wild type\n"
        "Signed 10/30/2026\n=====================================\nSOUTHGATE LAB (fictitious)   Patient: PEMBERTON, ALARIC\n"
        "KRAS  G12C  POSITIVE  VAF 31%\n"
        "RECEIVED STAMP: SENT IN ERROR - THIS PAGE BELONGS TO A DIFFERENT PATIENT - RETURNED\n",
        "not_met", id="ocr32-stamped-page",
    ),
    # guards: a notice about the document; a "this page" notice with no other patient's field before it
    pytest.param(
        "NORTHFIELD TUMOR PROFILING (fictitious)\nPatient: QUILLAN, ROSALIND\nSpecimen: lung resection\n"
        "KRAS  G12C  POSITIVE  VAF 31%\nNOTICE: THIS REPORT BELONGS TO ANOTHER PATIENT\n",
        "insufficient", id="ocr32-stamped-page-guard-report",
    ),
    pytest.param(
        "NORTHFIELD TUMOR PROFILING (fictitious)\nPatient: QUILLAN, ROSALIND\nSpecimen: lung resection\n"
        "KRAS  G12C  POSITIVE  VAF 31%\nStamp: this page belongs to another patient\n",
        "insufficient", id="ocr32-stamped-page-guard-no-other-field",
    ),
    # [ocr32-tissue-pending] a tissue word whose own test is under way names no specimen of the result beside it
    pytest.param(
        "CIRCULATING TUMOR DNA PANEL (plasma, drawn 11/02/2026)\nNote: tissue sequencing pending at the referring center\n"
        "KRAS G13D  DETECTED (0.9% MAF)\n",
        "insufficient", id="ocr32-tissue-pending",
    ),
    # guards: a tissue word with a result; a pending test of another marker
    pytest.param(
        "Outside report\nTissue NGS: KRAS G13D detected (VAF 22%); plasma repeat pending\n",
        "not_met", id="ocr32-tissue-pending-guard-result",
    ),
    pytest.param(
        "Lung core biopsy NGS\nKRAS G13D detected (VAF 22%), tissue PD-L1 staining pending\n",
        "not_met", id="ocr32-tissue-pending-guard-other-test",
    ),
]


@pytest.mark.parametrize(("text", "status"), CASES)
def test_ocr32_classes(text: str, status: str) -> None:
    assert scans.kras_status(text) == status


def _prior_inhibitor(text: str) -> str:
    import priorauth

    determination = priorauth.check(scans.chart(scans.document("scan1", text.encode(), "text/plain", "Outside report")), as_of="2026-11-20")
    return next(c for c in determination["criteria"] if c["id"] == "no_prior_kras_g12c_inhibitor")["status"]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # [ocr32-drug-list-label] drugs listed after a label naming approvals or options, a semicolon between them
        pytest.param(
            "Tissue NGS summary\nKRAS p.G12C detected, VAF 11%.\nApproved therapies in this indication: sotorasib 960 mg; adagrasib 600 mg\n",
            "met", id="ocr32-drug-list-label",
        ),
        # ... or named in a bracket after a drug class in the plural, the line wrapped inside the sentence
        pytest.param(
            "Tissue NGS summary\nKRAS p.G12D detected. This variant does not respond to the licensed KRAS\n"
            "G12C inhibitors (adagrasib, sotorasib).\n",
            "met", id="ocr32-drug-list-label-class-members",
        ),
        # guards: a given word in the sentence; the patient's own history under its label
        pytest.param(
            "Oncology letter\nShe received both KRAS G12C inhibitors (sotorasib, adagrasib) during 2025.\n",
            "not_met", id="ocr32-drug-list-label-guard-given",
        ),
        pytest.param(
            "Oncology letter\nPrior systemic therapy: carboplatin; adagrasib 600 mg twice daily until progression\n",
            "not_met", id="ocr32-drug-list-label-guard-history",
        ),
    ],
)
def test_ocr32_drug_list_label(text: str, status: str) -> None:
    assert _prior_inhibitor(text) == status
