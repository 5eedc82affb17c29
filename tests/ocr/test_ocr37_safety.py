"""Held-out OCR set 37's safety pass: the classes behind its unsafe answers (a conditional or a negation cut from its
variant by a line break or a scan's stop after the gene, read as a G12C detected, a wrong met; a variant naming a
conditional plan, read as a result; another variant's negative row joined to a table's header, read as a second,
conflicting result beside a plain G12C positive). Typed documents of our own wording through the chart/criteria path,
with guards (a tissue G12C detected stays met, a plasma G12C detected stays met, a tissue "KRAS G12C not detected" stays
not_met); the scan classes with OCR-like garbled text of our own. Ids are the classes' `[ocr37s-...]` names
(src/priorauth/text/safety_ocr37s.py)."""

from __future__ import annotations

import pytest

from tests.ocr import scans

# An allele-specific PCR table typed with two-space columns: the reader joins the header lines to the first row.
PCR_HEAD = (
    "WESTBROOK MOLECULAR DIAGNOSTICS - KRAS ALLELE-SPECIFIC qPCR\n"
    "Specimen: lung core biopsy, left upper lobe (tissue); tumour 40%\n"
    "Collected: 09/02/2026  Run: 09/08/2026  Reported: 09/09/2026\n"
    "Assay  Mutant Ct  Control Ct  dCt  Cutoff  Call\n"
)

KRAS_CASES = [
    # [ocr37s-cut-clause] a conditional cut from its variant by a line break (a quoted plan wrapped after "If KRAS")
    pytest.param(
        "Follow-up visit 11/12/2026\nPlasma NGS went out on 11/01/2026 and my note of that day said:\n'If KRAS\n"
        "G12C is identified, a sotorasib prior authorization will be filed.' No result has come back yet.\n",
        "insufficient",
        id="ocr37s-cut-clause-if",
    ),
    pytest.param(  # ... "unless", the variant's line opening with a scan's dash and a speck stop
        "Follow-up visit 11/12/2026\nPlasma NGS went out on 11/01/2026; the plan, as typed then:\n'Unless KRAS\n"
        "-G12C is. reported, docetaxel will be started.' The panel is still running.\n",
        "insufficient",
        id="ocr37s-cut-clause-unless-specked",
    ),
    pytest.param(  # a negation cut off by a scan's stop after the gene ("No" / "KRAS. G12C |" / "_ has been ...")
        "Pharmacy review 11/15/2026\nPlasma cfDNA panel (collected 11/02/2026): KRAS wild type.\n"
        "Assessment: the label asks for a KRAS G12C-mutated tumour. No\nKRAS. G12C |\n"
        "_ has been found for this patient; sotorasib is not indicated.\n",
        "insufficient",
        id="ocr37s-cut-clause-no-specked-stop",
    ),
    # guards: a temporal "when", a cue farther back, a heading's gene, the pass's three standing results
    pytest.param(
        "Oncology note 11/12/2026\nTissue NGS on the 2025 lung core biopsy; when KRAS\nG12C was found in that tissue, "
        "sotorasib was discussed.\n",
        "met",
        id="ocr37s-guard-when-result-told",
    ),
    pytest.param(
        "Oncology note 11/12/2026\nNo tissue remained after the bronchoscopy, so plasma cfDNA NGS was sent; it showed "
        "KRAS\nG12C detected at 4.1% VAF.\n",
        "met",
        id="ocr37s-guard-cue-far-back-plasma",
    ),
    pytest.param(
        "Molecular summary\nResult for KRAS\nG12C DETECTED (c.34G>T), lobectomy specimen (tissue), VAF 31%.\n",
        "met",
        id="ocr37s-guard-heading-gene-tissue",
    ),
    pytest.param(
        "Lobectomy specimen (tissue), NGS 10/2026\nResult: KRAS p.G12C (c.34G>T) detected, VAF 26%.\n",
        "met",
        id="ocr37s-guard-tissue-detected",
    ),
    pytest.param(
        "Plasma ctDNA NGS (cell-free DNA) 10/2026\nKRAS p.G12C detected, VAF 1.9%.\n",
        "met",
        id="ocr37s-guard-plasma-detected",
    ),
    pytest.param(
        "Lung core biopsy (tissue), NGS 10/2026\nKRAS G12C not detected. KRAS wild type.\n",
        "not_met",
        id="ocr37s-guard-tissue-not-detected",
    ),
    # [ocr37s-conditional-plan] a variant naming a conditional plan or request
    pytest.param(
        "Clinic letter with a conditional G12C plan\nPlasma cfDNA NGS (11/01/2026): KRAS wild type.\n",
        "insufficient",
        id="ocr37s-conditional-plan",
    ),
    pytest.param(
        "Tumour board 11/04/2026: a KRAS G12C-contingent plan was agreed.\n",
        "insufficient",
        id="ocr37s-conditional-plan-contingent-after",
    ),
    pytest.param(  # guard: a plan named by the variant, no conditional word
        "Lobectomy specimen (tissue) NGS 10/2026: KRAS G12C detected, VAF 22%.\nKRAS G12C plan: start sotorasib.\n",
        "met",
        id="ocr37s-guard-plan-no-conditional",
    ),
    # [ocr37s-other-row-negative] another variant's negative row joined to the header lines (their date)
    pytest.param(
        PCR_HEAD + "G12D  --  24.1  --  <= 7.5  Negative\nG12C  27.0  24.1  2.9  <= 7.5  POSITIVE\n"
        "G12V  --  24.1  --  <= 7.5  Negative\nRESULT: KRAS codon 12 mutation DETECTED - G12C (c.34G>T).\n",
        "met",
        id="ocr37s-other-row-negative",
    ),
    pytest.param(  # ... a scan's garbled first row, one space before the call
        PCR_HEAD + "G12D  os  241.  vey  <= 7.5 Negative\nG12C  270  241  29 | es 75 POSITIVE\n"
        "G12V  +  241  ;  <=75  Negative\nRESULT: KRAS codon 12 mutation DETECTED - G12C (c. 34G>7).\n",
        "met",
        id="ocr37s-other-row-negative-garbled",
    ),
    pytest.param(  # guard: the other variant's row positive, the G12C row negative
        PCR_HEAD + "G12V  26.3  24.1  2.2  <= 7.5  POSITIVE\nG12C  --  24.1  --  <= 7.5  Negative\n"
        "RESULT: KRAS G12V (c.35G>T) DETECTED; G12C not detected.\n",
        "not_met",
        id="ocr37s-guard-other-row-positive",
    ),
    pytest.param(  # guard: another variant named on the row before the call
        "Lung core biopsy (tissue), PCR 10/2026\nKRAS G12V 25% of alleles; G12C  negative\n",
        "not_met",
        id="ocr37s-guard-other-variant-on-row",
    ),
    # review fixes, [ocr37s-cut-clause]: the cue must open a sentence, not answer a field on the line above the gene
    pytest.param(
        "Lobectomy specimen (tissue), NGS 10/2026\nSmoking status: Never\nKRAS:\nG12C detected, VAF 31%.",
        "met",
        id="ocr37s-guard-field-answer-never",
    ),
    pytest.param("Prior EGFR TKI: No\nKRAS\nG12C DETECTED, VAF 31%.", "met", id="ocr37s-guard-field-answer-no"),
    pytest.param("Smoker  [ ] Yes  [x] No\nKRAS:\nG12C detected", "met", id="ocr37s-guard-checkbox-no"),
    pytest.param(
        "EGFR mutation: No\nALK fusion: No\nKRAS\nG12C: Detected (VAF 18%)", "met", id="ocr37s-guard-two-field-answers"
    ),
    pytest.param("Specimen No\nKRAS:\nG12C: Detected", "met", id="ocr37s-guard-word-before-no"),
    pytest.param("...inhibitor before? Not\nKRAS:\nG12C detected", "met", id="ocr37s-guard-question-answer-not"),
    pytest.param("Prior sotorasib: No   KRAS:\nG12C detected", "met", id="ocr37s-guard-answer-same-line-gene"),
    pytest.param("Smoker: never\nKRAS\n  G12C   detected   VAF 31%", "met", id="ocr37s-guard-never-spaced-cells"),
    pytest.param(
        "Lung core biopsy (tissue), NGS 10/2026\nEGFR exon 19 deletion: No\nKRAS:\nG12C: Not detected",
        "not_met",
        id="ocr37s-guard-field-answer-not-detected",
    ),
    pytest.param(
        "Lung core biopsy (tissue) NGS 03/2024: KRAS G12C detected, VAF 12%.\n"
        "Lung core biopsy (tissue), NGS 10/2026\nEGFR exon 19 deletion: No\nKRAS:\nG12C: Not detected",
        "review",
        id="ocr37s-guard-field-answer-older-detected-review",
    ),
    pytest.param(  # our own: a question's answer alone on the line under it
        "Lobectomy specimen (tissue), NGS 10/2026\nCurrent smoker?\nNo\nKRAS\nG12C detected, VAF 28%.",
        "met",
        id="ocr37s-guard-answer-under-question",
    ),
    pytest.param(  # our own: a sentence's "No" over a gene that labels the line below ("KRAS:")
        "Lobectomy specimen (tissue), NGS 10/2026\nAdequate for testing. No\nKRAS:\nG12C detected, VAF 28%.",
        "met",
        id="ocr37s-guard-no-over-gene-label",
    ),
    # review fixes, [ocr37s-other-row-negative]: only a PCR row's blanks, Ct or cutoff numbers beside the call
    pytest.param(
        "Lobectomy specimen (tissue), NGS 10/2026\nGene  Alteration  VAF  Classification  Germline\n"
        "KRAS  G12D  18.4%  Pathogenic  Negative",
        "not_met",
        id="ocr37s-guard-germline-column",
    ),
    pytest.param("KRAS G12D  VAF 22%        ALK (D5F3) IHC  Negative", "not_met", id="ocr37s-guard-other-assay-cell"),
    pytest.param("KRAS  G12V  35%  Tier I  PD-L1 22C3  Negative", "not_met", id="ocr37s-guard-tier-pdl1-cell"),
    pytest.param(
        "Lung core biopsy (tissue) NGS 03/2024: KRAS G12C detected, VAF 12%.\n"
        "Lobectomy specimen (tissue), NGS 10/2026\nGene  Alteration  VAF  Classification  Germline\n"
        "KRAS  G12D  18.4%  Pathogenic  Negative",
        "review",
        id="ocr37s-guard-germline-column-older-detected-review",
    ),
    pytest.param(  # our own: a tier and another gene's FISH cell, no VAF
        "Lobectomy specimen (tissue), NGS 10/2026\nKRAS  G12V  Tier II  ROS1 FISH  Negative",
        "not_met",
        id="ocr37s-guard-tier-fish-cell",
    ),
    pytest.param(  # our own: a PCR-like row under a header whose last column is no call
        "Lobectomy specimen (tissue), PCR 10/2026\nGene  Variant  Ct  Cutoff  Germline\nKRAS  G12D  --  <= 8.0  Negative",
        "not_met",
        id="ocr37s-guard-pcr-row-germline-header",
    ),
    pytest.param(  # our own: a VUS and a TMB cell
        "Lobectomy specimen (tissue), NGS 10/2026\nKRAS  G13D  VUS  TMB 4  Negative",
        "not_met",
        id="ocr37s-guard-vus-tmb",
    ),
]


@pytest.mark.parametrize(("text", "expected"), KRAS_CASES)
def test_ocr37_kras_safety(text: str, expected: str) -> None:
    assert scans.kras_status(text) == expected
