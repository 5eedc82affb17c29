"""Issue 17's thirty-fourth OCR pass: held-out OCR set 33 read (a US practice's paper; a development set now). Each class
is a way real reports are written, with guards (what it must NOT read), table-driven; ids are the classes' `[ocr34-...]`
names. The wording is this file's own."""

from __future__ import annotations

import re

import pytest

import priorauth
from tests.ocr import scans

CASES = [
    # [ocr34-leader-row-note] a KRAS row run out by leader dots or a cell gap, a negative cell, then a coverage note
    pytest.param(
        "Lung core DNA panel\nGENES WITHOUT VARIANTS\n  KRAS .......... No mutation detected (exons 2, 3 and 4 sequenced)\n",
        "not_met",
        id="ocr34-leader-row-note",
    ),
    pytest.param(
        "Lung core DNA panel\n  KRAS      not detected (codons 12, 13 and 61 examined)\n  EGFR      not detected\n",
        "not_met",
        id="ocr34-leader-row-note-gap",
    ),
    # guard: a note naming a variant and what became of it keeps the row from reading as a plain negative
    pytest.param(
        "Lung core DNA panel\n  KRAS .......... No mutation detected (G12C result pending)\n",
        "insufficient",
        id="ocr34-leader-row-note-guard-variant",
    ),
    # guard (session 28 review): a note naming a failure or too little tissue is a test with no result
    pytest.param(
        "Gene results\nKRAS ........ Not detected (insufficient tumor content; test failed)\nEGFR ........ Not detected\n",
        "insufficient",
        id="ocr34-leader-row-note-guard-failed",
    ),
    pytest.param(
        "Lung core DNA panel\n  KRAS .......... not detected (QNS)\n  EGFR .......... not detected\n",
        "insufficient",
        id="ocr34-leader-row-note-guard-qns",
    ),
    # [ocr34-verdict-over-coverage] a panel's verdict of no variant, the genes it covers on the next line, KRAS among them
    pytest.param(
        "Lung biopsy DNA panel - Result: NEGATIVE\nNo pathogenic variants or fusions were detected.\n"
        "Genes with full coverage include: EGFR, ALK, KRAS (codons 12, 13, 61), BRAF\n",
        "not_met",
        id="ocr34-verdict-over-coverage",
    ),
    pytest.param(
        "Pleural fluid cell block panel\nNO REPORTABLE MUTATIONS WERE IDENTIFIED\nTargets covered: BRAF, KRAS, NRAS, EGFR\n",
        "not_met",
        id="ocr34-verdict-over-coverage-targets",
    ),
    # guards: a verdict with an exception; a list of genes not covered; a list with no verdict above it
    pytest.param(
        "Lung biopsy DNA panel\nNo variants were detected except those listed below.\nGenes tested: KRAS, EGFR, ALK\n",
        "insufficient",
        id="ocr34-verdict-over-coverage-guard-except",
    ),
    pytest.param(
        "Lung biopsy DNA panel\nNo variants were detected.\nGenes with insufficient coverage: KRAS, STK11\n",
        "insufficient",
        id="ocr34-verdict-over-coverage-guard-not-covered",
    ),
    pytest.param(
        "Lung biopsy DNA panel\nGenes tested: KRAS, EGFR, ALK, ROS1\n",
        "insufficient",
        id="ocr34-verdict-over-coverage-guard-no-verdict",
    ),
    # [ocr34-detection-title] an assay's title calling itself a mutation's detection: no result
    pytest.param(
        "KRAS G12C MUTATION DETECTION (real-time PCR)    FINAL\nLung core, FFPE\nRESULT: KRAS G12C NOT DETECTED\n",
        "not_met",
        id="ocr34-detection-title",
    ),
    pytest.param(
        "Lung core - KRAS p.G12C variant detection assay\nOutcome: KRAS G12C not detected in the sample.\n",
        "not_met",
        id="ocr34-detection-title-variant",
    ),
    # guard: a result on the title's line keeps it
    pytest.param(
        "Lung core report\nKRAS G12C mutation detection: POSITIVE (VAF 14%)\n",
        "met",
        id="ocr34-detection-title-guard-result",
    ),
    # [ocr34-stamp-heads-page-misdirected] a later page headed by a "belongs to another patient" stamp, its own
    # patient field naming someone else: that page only, the patient's own page stays read
    pytest.param(
        "Lung core NGS   P.1/2\nPatient: OKONJO, BEATRIX\nKRAS: no mutation detected; EGFR exon 19 deletion detected.\n"
        "Lung core NGS   P.2/2\n** THIS PAGE BELONGS TO ANOTHER PATIENT - SENT IN ERROR **\nPatient: VANTERPOOL, CASIMIR\n"
        "KRAS p.G12C detected (VAF 25%)\n",
        "not_met",
        id="ocr34-stamp-heads-page-misdirected",
    ),
    # guards: the stamp at the document's head (no patient field before it); a stamp with no other patient after it
    pytest.param(
        "** THIS PAGE BELONGS TO ANOTHER PATIENT - SENT IN ERROR **\nPatient: VANTERPOOL, CASIMIR\n"
        "KRAS p.G12C detected (VAF 25%) in the lung core\n",
        "insufficient",
        id="ocr34-stamp-heads-page-misdirected-guard-head",
    ),
    pytest.param(
        "Patient: OKONJO, BEATRIX\nThis report belongs to another patient.\nKRAS p.G12C detected (VAF 25%) in the lung core\n",
        "insufficient",
        id="ocr34-stamp-heads-page-misdirected-guard-no-other",
    ),
    # [ocr34-glued-article] the notice's "to a" read glued by a scan ("BELONGS TOA DIFFERENT. PATIENT"): still the notice
    pytest.param(
        "Lung core NGS   P.1/2\nPatient: OKONJO, BEATRIX\nKRAS: no mutation detected; EGFR exon 19 deletion detected.\n"
        "Lung core NGS   P.2/2\n! THIS PAGE BELONGS TOA DIFFERENT. PATIENT - SENT IN ERROR\nPatient: VANTERPOOL, CASIMIR\n"
        "KRAS p.G12C detected (VAF 25%)\n",
        "not_met",
        id="ocr34-glued-article-page",
    ),
    pytest.param(
        "THIS REPORT BELONGS TOA DIFFERENT PATIENT\nPatient: VANTERPOOL, CASIMIR\nKRAS p.G12C detected (VAF 25%) in the lung core\n",
        "insufficient",
        id="ocr34-glued-article-report",
    ),
    # guard: "belongs to a" of something else than a patient
    pytest.param(
        "Lung core NGS\nPatient: OKONJO, BEATRIX\nThe G12C clone belongs to a small subclone (VAF 3%); KRAS p.G12C detected.\n",
        "met",
        id="ocr34-glued-article-guard-subclone",
    ),
]


@pytest.mark.parametrize(("text", "status"), CASES)
def test_ocr34_classes(text: str, status: str) -> None:
    assert scans.kras_status(text) == status


def _prior_inhibitor(text: str) -> str:
    chart = scans.chart(scans.document("scan1", text.encode(), "text/plain", "Molecular result"))
    return scans.statuses(priorauth.check(chart, as_of="2026-11-20"))["no_prior_kras_g12c_inhibitor"]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # [ocr34-tier-cell-drugs] a variant row's tier cell naming the drugs the tier stands for: options, none given
        pytest.param(
            "Lung core NGS\nKRAS  c.34G>T  p.G12C  VAF 22%  Tier IA - adagrasib, sotorasib\n",
            "met",
            id="ocr34-tier-cell-drugs",
        ),
        pytest.param(
            "Lung core NGS\nKRAS  p.G12C  VAF 9%  __*Tier IIB - adagrasib\n", "met", id="ocr34-tier-cell-drugs-specked"
        ),
        # [ocr34-drugs-approved-for] drugs said to be approved for an indication (the words wrapped over a line, as a
        # report prints them): the label's, none given
        pytest.param(
            "Interpretation: adagrasib and sotorasib are\napproved for KRAS G12C-mutated NSCLC after one prior therapy.\n",
            "met",
            id="ocr34-drugs-approved-for",
        ),
        pytest.param(
            "Comment: adagrasib is FDA-approved for patients with previously treated KRAS G12C NSCLC.\n",
            "met",
            id="ocr34-drugs-approved-for-fda",
        ),
        # guards: a formulary's tier and a trial's dose level (numbers, no evidence tier) before a drug dispensed or started
        pytest.param(
            "Pharmacy review\nFormulary: Tier 3 - adagrasib 600 mg BID, dispensed 09/12/2026\n",
            "not_met",
            id="ocr34-tier-cell-drugs-guard-formulary",
        ),
        pytest.param(
            "Trial note\nDose level 1: adagrasib 400 mg BID started 10/02/2026\n",
            "not_met",
            id="ocr34-tier-cell-drugs-guard-dose-level",
        ),
        # guards: a drug given; the drug named further back than the approval's words reach; an approval for continuing
        pytest.param(
            "Oncology note: she received adagrasib for four months (tier 2 rash).\n",
            "not_met",
            id="ocr34-tier-guard-given",
        ),
        pytest.param(
            "Oncology note: adagrasib 600 mg twice daily since 09/2026; it is approved for patients like him.\n",
            "not_met",
            id="ocr34-drugs-approved-for-guard-far",
        ),
        pytest.param(
            "Oncology note: adagrasib is approved for continuation; he has taken it since 08/2026.\n",
            "not_met",
            id="ocr34-drugs-approved-for-guard-continuation",
        ),
    ],
)
def test_ocr34_prior_inhibitor(text: str, status: str) -> None:
    assert _prior_inhibitor(text) == status


def _scanned(text: str):  # type: ignore[no-untyped-def]
    """A scanned one-page TextDoc whose words all read 95."""
    from priorauth.text import ocr
    from priorauth.text.sources import TextDoc

    words = tuple(ocr.Word(m.start(), m.end(), 95.0, (0, 0, 1, 1)) for m in re.finditer(r"\S+", text))
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
        # [ocr34-negation-closed-before] a speck parted a negation from its word in the sentence before the finding's
        pytest.param(
            "Comment: anti-EGFR antibodies are not :\nindicated. ||KRAS G12C was detected in the resection.\n",
            True,
            id="ocr34-negation-closed-before",
        ),
        # guards: the speck inside the finding's own sentence; a clause that goes on past the full stop's place
        pytest.param(
            "Comment: in the resection\n||KRAS G12C was not :\ndetected. The sample was adequate.\n",
            False,
            id="ocr34-negation-closed-before-guard-own-sentence",
        ),
        pytest.param(
            "Comment: ||antibodies are not :\nindicated, and KRAS G12C was detected in the resection.\n",
            False,
            id="ocr34-negation-closed-before-guard-no-stop",
        ),
    ],
)
def test_ocr34_negation_closed_before(text: str, confident: bool) -> None:
    from priorauth.text import reading_of

    start = text.index("||")
    text = text.replace("||", "", 1)
    end = text.index(".", text.index("G12C")) + 1
    assert reading_of(_scanned(text), start, end).confident is confident
