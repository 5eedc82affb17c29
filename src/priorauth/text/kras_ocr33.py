"""KRAS readings of issue 17's thirty-third OCR pass (held-out OCR set 32 read: a US practice's paper).

* [ocr33-original-result-superseded] a corrected report's line labelled as the original result ("ORIGINAL RESULT
  (10/02/2026): KRAS - no mutation detected", "Initial report: KRAS wild type"), in a document that says it corrects,
  supersedes or replaces the report: the line quotes what was replaced, no result. Guards: the same label in a
  document that corrects nothing (a letter's "Original result: KRAS G12C, confirmed on repeat"); a label line that
  says the result stands ("Original result: KRAS G12C (unchanged)").
* [ocr33-call-then-other-gene] a row of gene cells ("KRAS: p.G12C, DETECTED  NRAS: not detected  BRAF: not
  detected"): the variant's own call comes right after it, and the negative after a cell gap and another gene's label
  is that gene's. Guards: a negative between the variant and its call ("KRAS G12C: not detected  NRAS: detected"), a
  row with no cell gap before the other gene (one clause: "G12C detected, not NRAS").
* [ocr33-drug-targets-only] what a drug class targets, with "only / solely / just" ("G12C inhibitors target only the
  G12C variant", "drugs that target just the KRAS G12C change"): the drug's target, no result of the patient.
  Guard: the patient's variant so described by its possessor ("her tumor's G12C variant is targeted").
"""

from __future__ import annotations

import re

from priorauth.text.pipeline import Finding
from priorauth.text.sources import TextDoc
from priorauth.text.spans import _line_end, _line_start

# --- [ocr33-original-result-superseded] --------------------------------------------------------------------------------
_ORIGINAL_LABEL = re.compile(
    r"^\W{0,4}(?:the\s+)?(?:original|previous|prior|initial|earlier|first|superseded|replaced)\s+"
    r"(?:(?:ngs|molecular|kras)\s+)?(?:result|report|call|finding|interpretation)s?[ \t]*"
    r"(?:\([^()\n]{0,30}\)[ \t]*|(?:of|dated|issued|on)[ \t]+[\d/.-]{6,10}[ \t]*)?[:\-=][ \t]*(?:k-?ras[ \t]*[:\-]?[ \t]*)?"
    r"(?:p\.)?$",
    re.I,
)
_CORRECTING = re.compile(
    r"\b(?:corrected|amended|revised)\s+(?:report|result|copy|version)\b|\bsupersed(?:es|ed|ing)\b|"
    r"\breason\s+for\s+(?:correction|amendment|revision)\b|\breplac(?:es|ing)\s+(?:the\s+)?(?:original|previous|prior|"
    r"initial|earlier)\b|\bdiscard\s+the\s+(?:original|previous|prior|initial|earlier)\b",
    re.I,
)
_STANDS = re.compile(
    r"\b(?:unchanged|remains?|stands?|confirmed|unaffected|still\s+valid|not\s+(?:changed|affected))\b", re.I
)


def original_result_superseded(doc: TextDoc, f: Finding) -> bool:
    """[ocr33-original-result-superseded] "ORIGINAL RESULT (date): KRAS - no mutation detected" in a corrected report."""
    start = _line_start(doc.text, f.start)
    if not _ORIGINAL_LABEL.match(doc.text[start : f.start]):
        return False
    if _STANDS.search(doc.text[start : _line_end(doc.text, f.end)]):
        return False  # the label's line says the result stands
    return bool(_CORRECTING.search(doc.text))


# --- [ocr33-call-then-other-gene] --------------------------------------------------------------------------------------
# another gene's symbol, upper case, from a closed list: a method's or a repeat's label ("PCR:", "Repeat:") may speak of
# KRAS itself
OTHER_GENE = (
    r"(?-i:NRAS|HRAS|BRAF|EGFR|ALK|ROS1|RET|MET|ERBB2|HER2|NTRK[123]?|PIK3CA|TP53|STK11|KEAP1|MAP2K1|NF1|PTEN|SMAD4|"
    r"APC|CDKN2A|FGFR[1-4]|IDH[12]|KIT|PDGFRA|BRCA[12]|NRG1|CTNNB1|RB1|ATM)\b"
)
_OWN_CALL_THEN_CELL = re.compile(
    r"(?:[ \t]*,?[ \t]*\(?(?:p\.|c\.)[^\s()]+\)?)*[ \t]*[,:;-]?[ \t]*(?:detected|positive|present|identified|mutated|mutant)\b"
    rf"[^\n]*?(?: {{2,}}|\t|[ \t]*\|[ \t]*){OTHER_GENE}(?:[ \t]+(?:exons?|codons?)[ \t]+\d{{1,3}}|[ \t]+[A-Z]?\d{{2,4}}[A-Z*]?)?"
    r"[ \t]*(?::|-|=| {2,})",
    re.I,
)
_NEGATIVE_WORD = re.compile(r"\b(?:not|no|negative|absent|wild[\s-]?type|wt|none)\b", re.I)


def call_then_other_gene(doc: TextDoc, f: Finding) -> bool:
    """[ocr33-call-then-other-gene] "KRAS: p.G12C, DETECTED  NRAS: not detected": the negative is NRAS's."""
    if f.label == "KRAS_NEG":
        return False
    m = _OWN_CALL_THEN_CELL.match(doc.text, f.end)
    if not m:
        return False
    call = re.search(r"(?:detected|positive|present|identified|mutated|mutant)\b", m.group(0), re.I)
    assert call is not None
    if _NEGATIVE_WORD.search(doc.text[f.end : f.end + call.start()]):
        return False
    # the cell gap before the other gene's label: nothing negative between the call and it
    gap = doc.text[f.end + call.end() : m.end()]
    cell = re.search(rf"(?: {{2,}}|\t|[ \t]*\|[ \t]*){OTHER_GENE}", gap)
    return bool(cell) and not _NEGATIVE_WORD.search(gap[: cell.start() if cell else 0])


# --- [ocr33-drug-targets-only] -----------------------------------------------------------------------------------------
_TARGETS_ONLY_BEFORE = re.compile(
    r"\b(?:inhibitors?|drugs?|agents?|medicines?|therap(?:y|ies)|sotorasib|adagrasib|divarasib)\s+(?:that\s+|which\s+)?"
    r"(?:\w+\s+)?(?:targets?|act\s+on|acts\s+on|work\s+on|works\s+on|bind|binds|inhibit|inhibits)\s+"
    r"(?:only|solely|just|exclusively|specifically|selectively)\s+(?:the\s+|a\s+)?(?:k-?ras\s+)?(?:p\.)?$",
    re.I,
)


def drug_targets_only(doc: TextDoc, f: Finding) -> bool:
    """[ocr33-drug-targets-only] "G12C inhibitors target only the G12C variant": what the drug targets."""
    return f.label == "KRAS_G12C" and bool(_TARGETS_ONLY_BEFORE.search(doc.text[max(0, f.start - 90) : f.start]))
