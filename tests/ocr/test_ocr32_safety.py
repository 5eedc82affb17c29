"""Held-out OCR set 32's safety pass: the classes behind its unsupported answers (a KRAS G12C `met` the report does not
support, digital or scanned; a prior inhibitor read from a label's wording on a scan). Each class is a way real reports
are written, with guards (what it must NOT read), table-driven; ids are the classes' `[ocr32s-...]` names."""

from __future__ import annotations

import pytest

import priorauth
from tests.ocr import scans

CASES = [
    # [ocr32s-report-requested] the variant as what a requested document must confirm: no result
    pytest.param(
        "Pharmacy intake notice\nThe insurer needs the pathology result showing a KRAS G12C\nalteration before it can "
        "review the request.\n",
        "insufficient", id="ocr32s-report-requested",
    ),
    pytest.param(
        "Fax cover\nPlease send the NGS report documenting KRAS p.G12C (blood or tissue).\n",
        "insufficient", id="ocr32s-report-requested-please-send",
    ),
    # guards: no request verb before the document; a received report
    pytest.param(
        "Tissue NGS\nThe enclosed report confirming a KRAS G12C mutation (VAF 22%) is attached.\n",
        "met", id="ocr32s-report-requested-guard-attached",
    ),
    pytest.param(
        "Tissue NGS\nWe received the sequencing report showing KRAS G12C, VAF 15%.\n",
        "met", id="ocr32s-report-requested-guard-received",
    ),
    # [ocr32s-label-population] the variant as the population a drug's label or approval is for
    pytest.param(
        "Tissue NGS\nKRAS p.G13D detected (VAF 14%).\nThe current US labeling of both inhibitors is for KRAS G12C-mutated\n"
        "NSCLC only.\n",
        "not_met", id="ocr32s-label-population-labeling",
    ),
    pytest.param(
        "Tissue NGS\nKRAS p.G13D detected (VAF 14%). The FDA label for sotorasib is for KRAS G12C-mutated NSCLC.\n",
        "not_met", id="ocr32s-label-population-label",
    ),
    pytest.param(
        "Tissue NGS\nKRAS p.G12V detected (VAF 11%).\nNote: the approved indication of these agents is limited to KRAS "
        "G12C-mutant non-small cell lung cancer.\n",
        "not_met", id="ocr32s-label-population",
    ),
    pytest.param(
        "Clinic letter\nBoth inhibitors are approved only for patients with KRAS G12C-positive NSCLC.\n",
        "insufficient", id="ocr32s-label-population-approved",
    ),
    pytest.param(  # a scan's speck ended the sentence before its predicate
        "Tissue NGS\nKRAS p.G13D detected (VAF 14%). The US labelling for both inhibitors  :\nis for KRAS G12C-mutated "
        "NSCLC.\n",
        "not_met", id="ocr32s-label-population-scan-split",
    ),
    # guards: the patient's own tumour so described; a label sentence without a population after the variant
    pytest.param(
        "Tissue NGS\nHer tumour is KRAS G12C-mutated (VAF 19%).\n", "met", id="ocr32s-label-population-guard-own"
    ),
    pytest.param(
        "Tissue NGS\nApproved for second line; KRAS G12C detected, VAF 8%.\n",
        "met", id="ocr32s-label-population-guard-result",
    ),
    # [ocr32s-document-not-received] the variant naming a document not received, missing or outstanding
    pytest.param(
        "Intake note: KRAS G12C results that have not yet been received\nStatus: pending.\n",
        "insufficient", id="ocr32s-document-not-received",
    ),
    pytest.param(
        "Prior auth hold - KRAS G12C report still outstanding\n", "insufficient",
        id="ocr32s-document-not-received-outstanding",
    ),
    pytest.param(  # a scan's misread "received" after "not been"
        "Intake note: KRAS G12C paperwork that has not been receievd\n", "insufficient",
        id="ocr32s-document-not-received-misread",
    ),
    # guards: a received report with its result
    pytest.param(
        "Tissue NGS\nKRAS G12C report received 10/30/2026: detected, VAF 12%.\n", "met",
        id="ocr32s-document-not-received-guard-received",
    ),
    # [ocr32s-copula-speck-not] the copula split from its "not" by a fax's speck or a line break
    pytest.param(
        "Tissue NGS\nKRAS G12D detected (VAF 30%). In particular KRAS p.G12C was ; NOT detected.\n",
        "not_met", id="ocr32s-copula-speck-not",
    ),
    pytest.param(
        "Plasma cfDNA letter\nctDNA was present (TP53 1.2%). Specifically KRAS G12C was\n- not detected.\n",
        "insufficient", id="ocr32s-copula-speck-not-wrapped",
    ),
    # guards: another word between the copula and the "not"; a result before another gene's negative
    pytest.param(
        "Tissue NGS\nKRAS G12C was found; EGFR not detected.\n", "met", id="ocr32s-copula-speck-not-guard-other-gene"
    ),
    pytest.param(
        "Tissue NGS\nKRAS G12C is present - not detected: EGFR, ALK.\n", "met",
        id="ocr32s-copula-speck-not-guard-present",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_ocr32_safety(text: str, expected: str) -> None:
    assert scans.kras_status(text) == expected


def _no_prior(text: str) -> str:
    d = priorauth.check(scans.chart(scans.document("scan1", text.encode(), "text/plain", "report")), as_of="2026-11-20")
    return scans.statuses(d)["no_prior_kras_g12c_inhibitor"]


PRIOR = [
    # [ocr32s-drug-labeling] a drug named as what a label speaks of: no drug given
    pytest.param(
        "Tissue NGS\nKRAS p.G13C detected. The prescribing information for adagrasib restricts its use to G12C.\n",
        "met", id="ocr32s-drug-labeling",
    ),
    pytest.param(
        "Tissue NGS\nKRAS p.G13C detected. US labelling for sotorasib and\nadagrasib  :\ncovers G12C only.\n",
        "met", id="ocr32s-drug-labeling-scan",
    ),
    # guard: a drug given, the label named after it
    pytest.param(
        "Tissue NGS\nKRAS G12C detected. She took adagrasib 600 mg twice daily from 03/2026 to 08/2026, per its "
        "labeling.\n",
        "not_met", id="ocr32s-drug-labeling-guard-given",
    ),
]


@pytest.mark.parametrize(("text", "expected"), PRIOR)
def test_ocr32_safety_prior_inhibitor(text: str, expected: str) -> None:
    assert _no_prior(text) == expected
