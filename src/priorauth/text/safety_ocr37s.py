"""Held-out OCR set 37's safety pass (issue 17, ocr37s): the classes behind its unsafe answers, read from those three
documents only (the set's misses stay blind). Each class makes a result safer (none adds one), hooked once in
``kras_facts._kras`` right after the OCR v36 safety pass (``adjust``).

[ocr37s-cut-clause] A variant whose sentence the reader starts at the variant, because a line break or a stop a scan
glued to the gene cut it from the words governing it: a conditional or a negation right before the gene ("the plan
read: 'If KRAS" over "G12C is found, will request ..."; "... requires a KRAS G12C-mutated tumor. No" over "KRAS. G12C
|" over "has been identified"). The cut-off words decide the variant; the sentence that is left reads as a result. No
result is read from it (neither detected nor not detected). The cue must stand right before the gene (an article
between at most): "if", "unless", "should", "whether", "in case / in the event (that / of)", "no", "not", "without",
"negative for", "absence of". The cue opens a sentence (review fix): right after an opening quote or bracket, a stop
and one space, or alone at a line's start under a line not ending in ":" or "?"; a gene followed by ":" is a label, no
cut clause. Guards: a temporal "when / once KRAS" over "G12C was found, ..." (a result told), a variant whose own
sentence holds the words before it, a cue farther back ("No tissue was left; plasma NGS showed KRAS" over "G12C
detected"), a form's answer above the gene ("Smoking status: Never", "Prior EGFR TKI: No", "[x] No", "Specimen No").

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
("<= 8.0 Negative") is still the call's cell. Only a PCR row (review fix): the row's other cells blanks, dashes, Ct or
cutoff numbers or a scan's specks, and the header above, when one is found, ending in a call column; a VAF, a class
or tier, another gene's or assay's cell ("ALK (D5F3) IHC  Negative") or a "Germline" column keeps the row's reading.
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
    r"(?<![\w-])(?:if|unless|should|whether|in\s+(?:the\s+)?(?:case|event)(?:\s+(?:that|of))?|no|not|without|"
    r"negative\s+for|absence\s+of)\s+(?:(?:a|an|the|any)\s+)?[\"'\u2018\u201c]?k-?ras[.,;|'\"\u2019\u201d\s_~-]*$",
    re.I,
)
# Nothing of the sentence before the variant but marks a scan or a quote leaves ("-G12C", "~ G12C", "'G12C").
_ONLY_MARKS = re.compile(r"[\s\W_]*(?:p\.\s?)?", re.I)


def cut_clause(doc: TextDoc, f: Finding) -> bool:
    lead = doc.text[f.sentence_start : f.start]
    if _ONLY_MARKS.fullmatch(lead) is None:
        return False
    start = max(0, f.sentence_start - 60)
    m = _CUT_CUE.search(doc.text[start : f.sentence_start])
    return bool(m and _opens_sentence(doc.text, start + m.start()))


# The cue opens a sentence: right after an opening quote or bracket, a stop and one space, or alone at a line's start
# under a line that is no field's label or question ("Smoker?" / "No"). Not a field's answer ("Prior EGFR TKI: No",
# "before? Not", "[x] No", a cell two spaces from its label, "Specimen No").
_OPENER = re.compile(r"(?:[\"'\u2018\u201c(\[]|(?<![.!;])[.!;] )$")
_LABEL_END = re.compile(r"[:?]\s*$")


def _opens_sentence(text: str, cue: int) -> bool:
    line_start = _line_start(text, cue)
    pre = text[line_start:cue]
    if _OPENER.search(pre):
        return True
    if pre.strip():
        return False
    above = text[:line_start].rstrip()
    return not _LABEL_END.search(above[_line_start(above, len(above)) :]) if above else True


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
    if not m or _POS_CELL.search(rest[: m.start()]) or _VARIANT.search(rest[: m.start()]):
        return False
    if not all(_PCR_CELL.fullmatch(t) for t in rest[: m.start()].split()):
        return False  # a VAF, a tier, a class, another gene's or assay's cell: the call may be another column's
    header = _header_above(doc.text, _line_start(doc.text, f.start))
    return header is None or bool(_CALL_COLUMN.search(_COLUMN_GAP.split(header)[-1]))


# A PCR table's cells beside the call: blanks, dashes, Ct or cutoff numbers ("25.8", "<= 8.0"), a scan's specks and its
# short lower-case garble ("os", "vey"); not a VAF ("18.4%"), a word ("Pathogenic", "Tier"), a gene's or an assay's name
# ("ALK", "PD-L1", "IHC", "22C3").
_PCR_CELL = re.compile(r"(?:[^\w%]|_)*(?:\d[\d.,]*(?:[^\w%]|_)*)?|[a-z]{1,4}[^\w%]?|(?i:ct|n/?a)")
# The table's header: the nearest line above of three or more two-space columns and no digit; its last column must be
# the call's ("Call", a scan's "Cail", "Result", "Interpretation", "Status"), not "Germline" or "Classification".
_CALL_COLUMN = re.compile(
    r"\b(?:c[a@][il1|!]{1,2}s?|results?|interpretation|status|detection|outcome)\b", re.I
)  # a scan's "Cail" / "Ca1l" for "Call"
_COLUMN_GAP = re.compile(r" {2,}|\t")


def _header_above(text: str, line_start: int) -> str | None:
    end = line_start
    for _ in range(8):
        if end <= 0:
            return None
        start = _line_start(text, end - 1)
        line = text[start : end - 1]
        cells = _COLUMN_GAP.split(line.strip())
        if len(cells) >= 3 and not any(c.isdigit() for c in line):
            return line.rstrip()
        end = start
    return None
