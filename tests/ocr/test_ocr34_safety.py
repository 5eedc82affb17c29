"""Held-out OCR set 34's safety pass: the classes behind its unsafe answers (a drug a report names as a treatment
option read as a prior KRAS G12C inhibitor given, `no_prior_kras_g12c_inhibitor` = not_met). Typed documents of our
own wording through the chart/criteria path, with guards (a drug the patient had must stay); ids are the classes'
`[ocr34s-...]` names (src/priorauth/text/safety_ocr34s.py)."""

from __future__ import annotations

from typing import Any

import pytest

import priorauth
from tests.ocr import scans


def _criteria(text: str, title: str = "Molecular result") -> dict[str, dict[str, Any]]:
    chart = scans.chart(scans.document("scan1", text.encode(), "text/plain", title))
    return {c["id"]: c for c in priorauth.check(chart, as_of="2026-11-20")["criteria"]}


def _cites_document(criterion: dict[str, Any]) -> bool:
    return any(e["source"].startswith("DocumentReference/") or "scan1" in e["source"] for e in criterion["evidence"])


CASES = [
    # [ocr34s-options-column] a table's column of therapies approved / indicated / offered for the alteration
    pytest.param(
        "Cell-free DNA panel\nGene  Variant  VAF  Therapies approved in this cancer\nKRAS  G12C  2.1%  Adagrasib; "
        "sotorasib\nSTK11  Q37*  4.0%  None\n",
        "met",
        id="ocr34s-options-column",
    ),
    pytest.param(
        "Tumour profile\nGene | Alteration | Treatment options\nKRAS | p.G12C | adagrasib, sotorasib\n",
        "met",
        id="ocr34s-options-column-bars",
    ),
    pytest.param(
        "NGS summary\nBiomarker    Indicated drugs (on label)\nKRAS G12C    adagrasib\n",
        "met",
        id="ocr34s-options-column-indicated",
    ),
    pytest.param(  # rows between the header and the drug's row
        "Liquid biopsy\nAlteration  AF  Drugs associated with response\nTP53 R273H  8%  none\nKRAS G12C  1.5%  "
        "Adagrasib\n",
        "met",
        id="ocr34s-options-column-lower-row",
    ),
    # [ocr34s-labeling-sentence] a labeling, approval or guideline sentence naming the drugs for a population
    pytest.param(
        "Pathology addendum\nKRAS p.G12C detected. Tumours with this variant can be treated with a G12C inhibitor plus "
        "an EGFR antibody per the prescribing information (adagrasib with cetuximab; sotorasib with panitumumab).\n",
        "met",
        id="ocr34s-labeling-sentence",
    ),
    pytest.param(
        "Molecular comment\nKRAS G12C identified. Adagrasib is indicated in combination with cetuximab for KRAS G12C "
        "colorectal cancer.\n",
        "met",
        id="ocr34s-labeling-sentence-indicated",
    ),
    pytest.param(
        "Interpretation\nKRAS G12C identified. Per NCCN guidelines, later-line options are sotorasib; adagrasib.\n",
        "met",
        id="ocr34s-labeling-sentence-guideline",
    ),
    pytest.param(  # the sentence wrapped over lines as a fax prints it
        "Note: KRAS G12C-mutated lung cancer may be\ntreated with a KRAS G12C inhibitor per current\nlabeling "
        "(sotorasib;\nadagrasib).\n",
        "met",
        id="ocr34s-labeling-sentence-wrapped",
    ),
    # guards: the patient had the drug
    pytest.param(
        "Oncology note\nShe was previously treated with adagrasib, stopped 08/2026 for progression.\n",
        "not_met",
        id="ocr34s-guard-previously-treated",
    ),
    pytest.param(
        "Oncology note\nKRAS G12C NSCLC; progressed on adagrasib in 09/2026. Treatment options include docetaxel.\n",
        "not_met",
        id="ocr34s-guard-progressed-on",
    ),
    pytest.param(
        "Medication list\nadagrasib 600 mg PO BID\nondansetron 8 mg PRN\n",
        "not_met",
        id="ocr34s-guard-med-list",
    ),
    pytest.param(  # a table of the patient's own treatment
        "Treatment summary\nLine  Regimen  Dates given\n1  Carboplatin/pemetrexed  01-05/2026\n2  Adagrasib  06-10/2026\n",
        "not_met",
        id="ocr34s-guard-history-table",
    ),
    pytest.param(  # a labeling word in a sentence that says the drug was given
        "Progress note\nHe received adagrasib per label dosing from 05/2026 to 10/2026.\n",
        "not_met",
        id="ocr34s-guard-given-per-label",
    ),
    pytest.param(  # a labeling word beside a drug held: the drug was taken
        "Progress note\nGrade 2 hepatitis found on adagrasib; per label adagrasib withheld until recovery.\n",
        "not_met",
        id="ocr34s-guard-held-per-label",
    ),
    pytest.param(  # a header of options, but the row says the drug was had
        "Report\nGene  Variant  Approved therapies\nKRAS  G12C  adagrasib (received 2025)\n",
        "not_met",
        id="ocr34s-guard-options-row-received",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_ocr34_safety(text: str, expected: str) -> None:
    assert _criteria(text)["no_prior_kras_g12c_inhibitor"]["status"] == expected


def test_ocr34_options_not_prior_therapy() -> None:
    """An option named in a report is not prior systemic therapy: the criterion cites no text for it."""
    text = (
        "Tumour panel\nKRAS G12C-mutated colorectal cancer may be treated with a G12C inhibitor and an anti-EGFR "
        "antibody per current labeling (sotorasib with panitumumab; adagrasib with cetuximab).\n"
    )
    assert not _cites_document(_criteria(text)["prior_systemic_therapy"])


def test_ocr34_guard_given_is_prior_therapy() -> None:
    text = "Oncology note\nShe progressed on adagrasib with cetuximab in 10/2026.\n"
    assert _cites_document(_criteria(text)["prior_systemic_therapy"])
