"""KRAS readings of issue 17's thirty-seventh OCR pass (held-out OCR set 36 read: a US practice's paper).

* [ocr37-fields-row] a line of two or more "Label: value" cells side by side ("NRAS, BRAF: no mutation  Microsatellite
  status: stable (MSS)  HER2: not amplified") is a row of fields, a statement of its own: a capitalised line after it
  ("The KRAS G12C mutation predicts ...") starts a new sentence, so the row's "no mutation" does not negate it. Only two
  or more field cells (a capitalised label and a value after its colon), the cells two or more spaces apart, and a next
  line that starts with a capital; a prose line with one label ("Note: the sample ... was") wraps as before.
* [ocr37-same-position-as] a variant named as what another change is compared with by its position ("KRAS p.G12S
  changes the same nucleotide (c.34) as G12C", "G12D sits at the same codon as G12C"): the comparison, no result. Only
  "same" with a position's noun (codon, nucleotide, base, position, residue, amino acid) and "as" right before the
  variant, and nothing after it in its clause reading as a result ("the same codon as the G12C detected in 2024" keeps
  its result).
* [ocr37-applies-only-to] a therapy said to apply only to a variant ("G12C-directed therapy ... applies only to G12C",
  "sotorasib is indicated only for KRAS G12C"): the drug's scope, no result, as what a drug targets is
  ([ocr33-drug-targets-only]). Only a therapy's noun or name as the subject and "only" / "solely" / "exclusively" with
  its verb (applies, is, are, is indicated, is approved) right before the variant; a result after it in its clause
  ("indicated only for G12C, detected here at 12%") keeps its result.
* [ocr37-patient-own-label] inside a family-history section, a line labelled as the patient's own testing ("Patient's
  tumor testing: NGS ... showed an EGFR exon 19 deletion; KRAS, ALK, ROS1 and BRAF were negative"): the patient's
  result, not a relative's, so it is read. Only a label at a line's start naming the patient (patient's, pt's,
  proband's, her own, his own) and a test or tumour noun, the label the last one before the finding, and no relative
  named between the label and the finding ("Patient's tumor testing: ... her sister's tumor had G12C" stays family).
"""

from __future__ import annotations

import re

from priorauth.text.layout import _RESULT_WORD
from priorauth.text.pipeline import Finding
from priorauth.text.sources import TextDoc

_VARIANT_LEAD = r"(?:(?:the|a|an)[ \t\n]+)?(?:k-?ras[ \t\n]+)?(?:\(?p\.[ \t]?)?"
_CLAUSE_REST = re.compile(r"(?:[^.;\n]|\.(?=\d))*")


def _result_after(doc: TextDoc, f: Finding) -> bool:
    rest = _CLAUSE_REST.match(doc.text, f.end)
    return bool(rest and _RESULT_WORD.search(rest.group(0)))


# --- [ocr37-fields-row] ------------------------------------------------------------------------------------------------
_FIELD_CELL = re.compile(r"[A-Z][\w ,/&()+-]{0,40}:[ \t]*\S")
_CELL_GAP = re.compile(r" {2,}|\t")


def fields_row(line: str, nxt: str) -> bool:
    """[ocr37-fields-row] "NRAS, BRAF: no mutation  MSI: stable  HER2: not amplified" over a capitalised line: a row
    of fields, no wrap into the next line."""
    if not nxt.lstrip()[:1].isupper():
        return False
    cells = [c for c in _CELL_GAP.split(line.strip()) if c]
    return len(cells) >= 2 and sum(bool(_FIELD_CELL.match(c)) for c in cells) >= 2


# --- [ocr37-same-position-as] ------------------------------------------------------------------------------------------
_SAME_POSITION_AS = re.compile(
    r"\bsame[ \t\n]+(?:codon|nucleotide|base|position|residue|amino[ \t\n]+acid)[ \t\n]*(?:\([^()\n]{1,20}\)[ \t\n]*)?"
    r"as[ \t\n]+" + _VARIANT_LEAD + "$",
    re.I,
)


def same_position_as(doc: TextDoc, f: Finding) -> bool:
    """[ocr37-same-position-as] "G12S changes the same nucleotide (c.34) as G12C": the comparison, no result."""
    if f.label == "KRAS_NEG" or not _SAME_POSITION_AS.search(doc.text, max(0, f.start - 80), f.start):
        return False
    return not _result_after(doc, f)


# --- [ocr37-applies-only-to] -------------------------------------------------------------------------------------------
_APPLIES_ONLY_TO = re.compile(
    r"\b(?:therap(?:y|ies)|treatments?|inhibitors?|drugs?|agents?|regimens?|sotorasib|adagrasib|divarasib)\b"
    r"(?:[ \t\n]*\([^()]{0,60}\))?[ \t\n]+"
    r"(?:(?:applies|apply)[ \t\n]+(?:only|solely|exclusively)[ \t\n]+to"
    r"|(?:is|are)[ \t\n]+(?:(?:indicated|approved)[ \t\n]+)?(?:only|solely|exclusively)[ \t\n]+(?:for|to|in)"
    r"|(?:is|are)[ \t\n]+(?:only|solely|exclusively)[ \t\n]+(?:indicated|approved)[ \t\n]+(?:for|in))"
    r"[ \t\n]+" + _VARIANT_LEAD + "$",
    re.I,
)


def applies_only_to(doc: TextDoc, f: Finding) -> bool:
    """[ocr37-applies-only-to] "G12C-directed therapy (...) applies only to G12C": the drug's scope, no result."""
    if f.label == "KRAS_NEG" or not _APPLIES_ONLY_TO.search(doc.text, max(0, f.start - 120), f.start):
        return False
    return not _result_after(doc, f)


# --- [ocr37-patient-own-label] -----------------------------------------------------------------------------------------
_LINE_LABEL = re.compile(r"^[ \t]*[A-Z][\w ,'/&()-]{0,40}:", re.M)
_OWN_LABEL = re.compile(
    r"[ \t]*(?:(?:the[ \t]+)?(?:patient|pt|proband)(?:'s|s')|(?:her|his|their)[ \t]+own)[ \t]+(?:own[ \t]+)?"
    r"(?:tumou?r|somatic|molecular|genomic|biomarker|ngs|biopsy|test|testing|results?)\b[^:\n]{0,30}:",
    re.I,
)
_RELATIVE = re.compile(
    r"\b(?:sister|brother|sibling|mother|father|parent|daughter|son|aunt|uncle|cousin|niece|nephew|grand\w+|"
    r"relative|family|husband|wife|spouse|partner|twin)s?(?:'s|s')?\b",
    re.I,
)


def patient_own_label(doc: TextDoc, f: Finding) -> bool:
    """[ocr37-patient-own-label] "Patient's tumor testing: ...; KRAS ... negative" in a family history: the patient's."""
    window_start = max(0, f.start - 400)
    labels = list(_LINE_LABEL.finditer(doc.text, window_start, f.start))
    if not labels or not _OWN_LABEL.match(labels[-1].group(0)):
        return False
    between = doc.text[labels[-1].end() : f.start]
    return "\n\n" not in between and not _RELATIVE.search(between)


# What this pass reads as no result of the patient, in kras_facts' order (one hook there).
NO_RESULT = (same_position_as, applies_only_to)
