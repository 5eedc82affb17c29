"""Held-out OCR set 37's safety pass (issue 17, ocr37s): the classes behind its unsafe answers, read from those three
documents only (the set's misses stay blind). Each class makes a result safer (none adds one), hooked once in
``kras_facts._kras`` right after the OCR v36 safety pass (``adjust``).

[ocr37s-cut-clause] A variant whose sentence the reader starts at the variant, because a line break or a stop a scan
glued to the gene cut it from the words governing it: a conditional or a negation right before the gene ("the plan
read: 'If KRAS" over "G12C is found, will request ..."; "... requires a KRAS G12C-mutated tumor. No" over "KRAS. G12C
|" over "has been identified"). The cut-off words decide the variant; the sentence that is left reads as a result. No
result is read from it (neither detected nor not detected). The cue must stand right before the gene (an article
between at most): "if", "unless", "should", "whether", "in case / in the event (that / of)", "no", "not", "never",
"without", "negative for", "absence of". Guards: a temporal "when / once KRAS" over "G12C was found, ..." (a result
told), a variant whose own sentence holds the words before it, a cue farther back ("No tissue was left; plasma NGS
showed KRAS" over "G12C detected").

[ocr37s-conditional-plan] A variant as the attribute of a plan, order or request called conditional ("a conditional
G12C plan", "a contingent KRAS G12C inhibitor request", "a G12C-contingent plan"): a plan for a result not yet known,
no result. Guards: a plan named by the variant without such a word ("G12C plan: start sotorasib" keeps its reading),
a conditional word elsewhere in the sentence.

[ocr37s-other-row-negative] Another KRAS variant opening a table's row whose last cell is a negative call ("G12A  --
25.8  --  <= 8.0  Negative" in an allele-specific PCR table): the target tested and not found, not a co-mutation found.
Read so even when the reader joined the row to the header lines above it (columns two spaces apart), where it had
taken the header's date and become a second, conflicting tissue result beside the table's "G12C ... POSITIVE" (a
review the document does not leave open). No result is read from the row (a G12C row is decided by the older
[ocr9-negative-cell]). Guards: a positive word on the row before the call ("G12D  detected  ...  negative for G12C"
is no such row), another variant named on the row before the call ("G12V  25%  G12C  negative"), a variant not opening
its row ("RESULT: KRAS G12V detected; G12C negative"). A scan's single space between the cutoff's number and the call
("<= 8.0 Negative") is still the call's cell.
"""

from __future__ import annotations

import re

from priorauth.text.kras_tables import _NEG_LAST_CELL, _POS_CELL
from priorauth.text.pipeline import Finding
from priorauth.text.sources import TextDoc
from priorauth.text.spans import _line_end, _line_start


def adjust(doc: TextDoc, f: Finding, status: str, specimen: str) -> tuple[str, str] | None:
    """The (status, specimen) to record for the finding, or None when no result is to be read from it."""
    if f.label == "KRAS_NEG":
        return status, specimen
    if cut_clause(doc, f):
        return None  # [ocr37s-cut-clause]
    if conditional_plan(doc, f):
        return None  # [ocr37s-conditional-plan]
    if status == "other_variant" and other_row_negative(doc, f):
        return None  # [ocr37s-other-row-negative]
    return status, specimen


# --- [ocr37s-cut-clause] --------------------------------------------------------------------------------------------
# Before the variant's sentence: the cue, an article at most, the gene, and only a stop, quotes or specks (and the break).
_CUT_CUE = re.compile(
    r"(?<![\w-])(?:if|unless|should|whether|in\s+(?:the\s+)?(?:case|event)(?:\s+(?:that|of))?|no|not|never|without|"
    r"negative\s+for|absence\s+of)\s+(?:(?:a|an|the|any)\s+)?[\"'\u2018\u201c]?k-?ras[.,:;|'\"\u2019\u201d\s_~-]*$",
    re.I,
)
# Nothing of the sentence before the variant but marks a scan or a quote leaves ("-G12C", "~ G12C", "'G12C").
_ONLY_MARKS = re.compile(r"[\s\W_]*(?:p\.\s?)?", re.I)


def cut_clause(doc: TextDoc, f: Finding) -> bool:
    lead = doc.text[f.sentence_start : f.start]
    if _ONLY_MARKS.fullmatch(lead) is None:
        return False
    before = doc.text[max(0, f.sentence_start - 60) : f.sentence_start]
    return bool(_CUT_CUE.search(before))


# --- [ocr37s-conditional-plan] --------------------------------------------------------------------------------------
_CONDITIONAL = r"(?:conditional|contingent|provisional|tentative|hypothetical)"
_PLAN = r"(?:plans?|pathways?|strateg(?:y|ies)|orders?|requests?|referrals?)"
_CONDITIONAL_BEFORE = re.compile(rf"\b{_CONDITIONAL}\s+(?:k-?ras[\s-]+)?(?:p\.)?$", re.I)
_PLAN_AFTER = re.compile(
    rf"(?:[\s-]+(?:inhibitor|targeted|directed|therapy|treatment|drug|sotorasib|lumakras|adagrasib|krazati))?[\s-]+{_PLAN}\b",
    re.I,
)
_CONDITIONAL_PLAN_AFTER = re.compile(rf"-?\s*(?:{_CONDITIONAL}|dependent)\s+{_PLAN}\b", re.I)


def conditional_plan(doc: TextDoc, f: Finding) -> bool:
    if _CONDITIONAL_PLAN_AFTER.match(doc.text, f.end):
        return True
    before = doc.text[max(0, f.start - 40) : f.start]
    return bool(_CONDITIONAL_BEFORE.search(before) and _PLAN_AFTER.match(doc.text, f.end))


# --- [ocr37s-other-row-negative] ------------------------------------------------------------------------------------
# The variant opens its row: only marks, a gene name or a "p." before it on the line.
_ROW_OPENING = re.compile(r"[\s\W_]{0,3}(?:k-?ras[\s:]+)?(?:p\.\s?)?", re.I)


# A scan may leave one space between the cutoff's number and the call ("<= 8.0 Negative").
_NEG_AFTER_NUMBER = re.compile(r"(?<=\d) (?:negative|neg|not\s+detected|absent)\W{0,2}$", re.I)
# Another variant named on the row ("G12V 25%, G12C negative"): the call may be the other variant's.
_VARIANT = re.compile(r"\b[A-Z]\d{1,3}[A-Z]\b|\bc\.\d", re.I)


def other_row_negative(doc: TextDoc, f: Finding) -> bool:
    if _ROW_OPENING.fullmatch(doc.text[_line_start(doc.text, f.start) : f.start]) is None:
        return False
    rest = doc.text[f.end : _line_end(doc.text, f.end)]
    m = _NEG_LAST_CELL.search(rest) or _NEG_AFTER_NUMBER.search(rest)
    return bool(m and not _POS_CELL.search(rest[: m.start()]) and not _VARIANT.search(rest[: m.start()]))
