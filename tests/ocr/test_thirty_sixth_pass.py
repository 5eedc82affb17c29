"""Issue 17's thirty-sixth OCR pass: held-out OCR set 35 read (a US practice's paper; a development set now). Each class
is a way real reports are written, with guards (what it must NOT read), table-driven; ids are the classes' `[ocr36-...]`
names. The wording is this file's own."""

from __future__ import annotations

import pytest

from tests.ocr import scans

CASES = [
    # [ocr36-miscalled-as] the variant a tool or a reader may turn another change into: the wrong call, no result
    pytest.param(
        "Colon core NGS\nKRAS  c.34_35delinsTT  p.G12F  VAF 19%\nComment: a caller that reads one base at a time can"
        " miscall this change (c.34G>T) as p.G12C; the read pairs show p.G12F only.\n",
        "not_met",
        id="ocr36-miscalled-as",
    ),
    pytest.param(
        "Lung wedge sequencing\nKRAS p.G12V detected (VAF 27%). The outside summary misread this as KRAS G12C.\n",
        "not_met",
        id="ocr36-miscalled-as-past",
    ),
    # guards: the variant the text calls right; a variant before "as", not after it
    pytest.param(
        "Lung wedge sequencing\nKRAS p.G12C detected (VAF 27%); the outside summary had misread it as G12V.\n",
        "met",
        id="ocr36-miscalled-as-guard-right-call",
    ),
    pytest.param(
        "Lung wedge sequencing\nThe earlier miscall was corrected. KRAS p.G12C detected, as before, VAF 30%.\n",
        "met",
        id="ocr36-miscalled-as-guard-other-clause",
    ),
    # [ocr36-topic-about] a caution, a warning or a note about the variant: the topic, no result
    pytest.param(
        "Resection panel with a KRAS G13C change and a warning about G12C\nKRAS  c.37G>T  p.G13C  VAF 22%\n",
        "not_met",
        id="ocr36-topic-about",
    ),
    pytest.param(
        "Comment regarding KRAS p.G12C\nNo KRAS mutation was found in this biopsy.\n",
        "not_met",
        id="ocr36-topic-about-heading",
    ),
    # guards: a note about the variant that gives its result; a plain result
    pytest.param(
        "Pathology addendum\nNote about KRAS G12C: detected in the core, VAF 11%.\n",
        "met",
        id="ocr36-topic-about-guard-result-after",
    ),
    pytest.param(
        "Pathology addendum\nA note on the block: KRAS G12C is present (VAF 11%).\n",
        "met",
        id="ocr36-topic-about-guard-not-topic",
    ),
    # [ocr36-method-title] the variant and a PCR method as the assay's name, no result on its line
    pytest.param(
        "RIVERSIDE LAB (fictitious)\nKRAS G12C ALLELE-SPECIFIC PCR - FFPE TISSUE\nPatient: X\nResult: no G12C allele"
        " amplified; KRAS G12C not detected.\n",
        "not_met",
        id="ocr36-method-title",
    ),
    pytest.param(
        "RIVERSIDE LAB (fictitious)\nKRAS p.G12C (mutant) droplet digital PCR\nSpecimen: right lung core, FFPE\nStatus:"
        " specimen received, run scheduled\n",
        "insufficient",
        id="ocr36-method-title-bracket",
    ),
    # guards: a result on the title's line; the variant before another word
    pytest.param(
        "RIVERSIDE LAB (fictitious)\nKRAS G12C digital PCR: DETECTED, 3.4% fractional abundance (core biopsy)\n",
        "met",
        id="ocr36-method-title-guard-result-on-line",
    ),
    pytest.param(
        "RIVERSIDE LAB (fictitious)\nKRAS G12C confirmed by real-time PCR on the lung core.\n",
        "met",
        id="ocr36-method-title-guard-confirmed",
    ),
    # [ocr36-assay-detects-only] what an assay finds, present tense with "only": its scope, no result
    pytest.param(
        "Tissue PCR, lung core\nKRAS G12C: not detected.\nLimitation: the kit only detects KRAS c.34G>T"
        " (p.G12C); other codon 12 changes are not reported.\n",
        "not_met",
        id="ocr36-assay-detects-only",
    ),
    pytest.param(
        "Lung core PCR\nThis test detects only G12C. Result to follow under separate cover.\n",
        "insufficient",
        id="ocr36-assay-detects-only-no-result",
    ),
    # guards: a past tense is a result; the scope, then the result in a sentence of its own
    pytest.param(
        "Lung core PCR\nThe assay detected KRAS G12C (Ct 29.4) in the tumour DNA.\n",
        "met",
        id="ocr36-assay-detects-only-guard-past",
    ),
    pytest.param(
        "Lung core PCR\nThis test detects only G12C. Result: KRAS G12C detected, 12% allele fraction.\n",
        "met",
        id="ocr36-assay-detects-only-guard-result-after",
    ),
    # [ocr36-quoted-withdrawn] an earlier report's words in quote marks, said withdrawn: the quote, no result
    pytest.param(
        'REVISED REPORT\nThe prior report stated "KRAS wild type"; this statement has been retracted.\nREVISED RESULT\n'
        "KRAS  c.34G>T  p.G12C  VAF 6%\n",
        "met",
        id="ocr36-quoted-withdrawn",
    ),
    pytest.param(
        'REVISED REPORT\nThe initial result read "KRAS G12C detected" - that line is withdrawn. Revised result:'
        " no KRAS mutation detected in the lung core.\n",
        "not_met",
        id="ocr36-quoted-withdrawn-positive",
    ),
    # guards: a quote said to stand; a quote with no withdrawal
    pytest.param(
        'REVISED REPORT\nThe prior report stated "KRAS G12C detected", which is unchanged; PD-L1 was added. Lung core.\n',
        "met",
        id="ocr36-quoted-withdrawn-guard-stands",
    ),
    pytest.param(
        'Letter\nThe original report listed "KRAS G12C detected" in the lung core; the PD-L1 line was removed later'
        " in a separate note.\n",
        "met",
        id="ocr36-quoted-withdrawn-guard-other-line",
    ),
    # [ocr36-wrapped-label-value] "KRAS:" ending its line, its plain negative value starting the next
    pytest.param(
        "Lung core sequencing showed ALK fusion. KRAS:\nnegative\n(codons 12, 13, 61 clear). EGFR: not detected.\n",
        "not_met",
        id="ocr36-wrapped-label-value",
    ),
    pytest.param(
        "Lung core sequencing, FFPE. KRAS:\nwild type.\n",
        "not_met",
        id="ocr36-wrapped-label-value-wild-type",
    ),
    # guards: another field's "Negative for ..." on the next line; a blank line between
    pytest.param(
        "Lung core cytology. KRAS:\nNegative for malignant cells in the wash.\n",
        "insufficient",
        id="ocr36-wrapped-label-value-guard-other-field",
    ),
    pytest.param(
        "Lung core cytology. KRAS:\n\nnegative\n",
        "insufficient",
        id="ocr36-wrapped-label-value-guard-blank-line",
    ),
    # [ocr36-reference-channel] a PCR table's wild-type row calling itself a control: no result beside the mutant row
    pytest.param(
        "KRAS p.G12C digital PCR, lung core (FFPE)\nChannel  Copies/uL  Abundance  Call\nKRAS G12C (mutant)  22.0  5.1%"
        "  DETECTED\nKRAS wild type  530.2  --  Valid (DNA amplified)\n",
        "met",
        id="ocr36-reference-channel",
    ),
    # guards: a wild-type row with a negative call; a wild-type sentence with a number and no control word
    pytest.param(
        "KRAS G12C digital PCR, lung core (FFPE)\nChannel  Copies/uL  Call\nKRAS G12C (mutant)  0.0  NOT DETECTED\n"
        "KRAS wild type  --  NEGATIVE for codon 12/13 mutations\n",
        "not_met",
        id="ocr36-reference-channel-guard-negative-row",
    ),
    pytest.param(
        "Lung core sequencing\nKRAS wild type  100%  no mutation in exons 2-4\n",
        "not_met",
        id="ocr36-reference-channel-guard-no-control-word",
    ),
    # [ocr36-specked-columns] a scan's speck ending a two-column detected / not-detected table's header or row
    pytest.param(
        "Plasma cfDNA panel, lung adenocarcinoma\nDETECTED  NOT DETECTED  |\nBRAF V600E  1.2%  KRAS (G12C included).\n"
        "PIK3CA E545K  0.8%  ALK, RET fusions\n",
        "insufficient",
        id="ocr36-specked-columns",
    ),
    pytest.param(
        "Lung core tissue NGS\nDetected  Not detected  '\nEGFR exon 19 deletion  22%  KRAS G12C,\n",
        "not_met",
        id="ocr36-specked-columns-tissue",
    ),
    # guards: the G12C in the detected column keeps its result; a sentence with a stop inside stays prose (unchanged)
    pytest.param(
        "Lung core tissue NGS\nDETECTED  NOT DETECTED  |\nKRAS G12C  14%  EGFR, ALK, ROS1.\n",
        "met",
        id="ocr36-specked-columns-guard-detected-side",
    ),
    pytest.param(
        "Lung core tissue NGS\nDETECTED  NOT DETECTED  |\nSee note. The tumour carries  KRAS G12C.\n",
        "met",
        id="ocr36-specked-columns-guard-prose",
    ),
]


@pytest.mark.parametrize(("text", "status"), CASES)
def test_ocr36_classes(text: str, status: str) -> None:
    assert scans.kras_status(text) == status


# Review fixes (2026-12-05, lead's reviewer): each input the merged pass read wrong, the reading it must keep
REVIEW_GUARDS = [
    # [ocr36-miscalled-as] the mis- verb must govern this "as"; a noun (mislabeling, misread ... but) never counts
    pytest.param(
        "Lung core biopsy, FFPE, tissue NGS.\nPreviously misclassified as KRAS wild type, the tumor was re-sequenced"
        " and is now classified as KRAS p.G12C (VAF 15%).\n",
        "review",  # the old wild type and the new G12C both read, as before the pass
        id="ocr36-review-miscalled-as-reclassified",
    ),
    pytest.param(
        "Lung core biopsy, FFPE.\nSpecimen identity confirmed by STR (no mislabeling found), and the KRAS result is"
        " reported as p.G12C, VAF 22%.\n",
        "met",
        id="ocr36-review-miscalled-as-noun",
    ),
    pytest.param(
        "Lung core biopsy, FFPE.\nThe outside lab misread the slide label, but the variant was correctly called as"
        " KRAS G12C (VAF 22%).\n",
        "met",
        id="ocr36-review-miscalled-as-other-clause",
    ),
    # [ocr36-wrapped-label-value] a control's bracket; a gene list or "controls for" before "KRAS:"
    pytest.param(
        "KRAS G12C PCR, lung core biopsy (FFPE tissue)\nPatient result: pending (low DNA yield, re-extraction"
        " requested)\nRun controls for KRAS:\nnegative (no-template control) - no amplification; positive control -"
        " amplified\n",
        "insufficient",
        id="ocr36-review-wrapped-label-value-control",
    ),
    pytest.param(
        "KRAS G12C PCR, lung core biopsy (FFPE tissue)\nOrders: ALK IHC and KRAS:\nNegative (ALK D5F3); KRAS testing"
        " sent out, pending.\n",
        "insufficient",
        id="ocr36-review-wrapped-label-value-gene-list",
    ),
    # [ocr36-method-title] a result on the next lines is the title's result
    pytest.param(
        "Lung core biopsy, FFPE\nKRAS G12C droplet digital PCR\nResult: DETECTED (4.2% fractional abundance)\n",
        "met",
        id="ocr36-review-method-title-result-below",
    ),
    pytest.param(
        "Lung core biopsy, FFPE\nTest: KRAS G12C real-time PCR\nResult: POSITIVE\n",
        "met",
        id="ocr36-review-method-title-positive-below",
    ),
    # [ocr36-assay-detects-only] a result right after the variant
    pytest.param(
        "Lung core biopsy, FFPE tissue\nThe assay only detects G12C - DETECTED, Ct 27.9.\n",
        "met",
        id="ocr36-review-assay-detects-only-result-after",
    ),
    # [ocr36-topic-about] a topic ending in ":" and its result on the next line
    pytest.param(
        "Lung core biopsy, tissue NGS.\nComment on KRAS p.G12C:\nDetected at 12% VAF\n",
        "met",
        id="ocr36-review-topic-about-next-line",
    ),
    # [ocr36-quoted-withdrawn] "incorrect" before another noun; the result unchanged
    pytest.param(
        'AMENDED REPORT - lung core biopsy (FFPE)\nThe prior report stated "no KRAS mutation detected"; incorrect'
        " patient MRN corrected, molecular result unchanged.\n",
        "not_met",
        id="ocr36-review-quoted-withdrawn-other-noun",
    ),
    # [ocr36-reference-channel] "controls passed", "reference sequence": the row's own result
    pytest.param(
        "Lung core biopsy, FFPE, KRAS codon 12/13 PCR.\nKRAS  Not detected  0  Run valid, controls passed\n",
        "not_met",
        id="ocr36-review-reference-channel-run-valid",
    ),
    pytest.param(
        "Lung core biopsy, FFPE, KRAS exon 2-4 sequencing.\nKRAS wild type  1,245  reads; reference sequence"
        " NM_004985.5\n",
        "not_met",
        id="ocr36-review-reference-channel-reference-sequence",
    ),
]


@pytest.mark.parametrize(("text", "status"), REVIEW_GUARDS)
def test_ocr36_review_guards(text: str, status: str) -> None:
    assert scans.kras_status(text) == status
