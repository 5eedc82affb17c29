"""KRAS readings of issue 17's thirty-fourth OCR pass (held-out OCR set 33 read: a US practice's paper).

* [ocr34-detection-title] an assay's name that calls itself a mutation's DETECTION ("KRAS G12C MUTATION DETECTION
  (qPCR)", "KRAS G12C variant detection assay", "G12C detection kit - real-time PCR"): the test's title, no result, as
  "KRAS G12C mutation testing" is. Only the noun "detection" after "mutation" or "variant", or before an assay's word
  (assay, kit, test, panel, PCR); and only when nothing after it on its line reads as a result ("KRAS G12C mutation
  detection: POSITIVE", "variant detection confirmed at 12%" keep their result).
* [ocr34-negation-closed-before] (an OCR reading's doubt) a negation a scan's speck parted from its word ("are not :" /
  "indicated.") whose clause ends, with a full stop, right where the finding's sentence begins ("... are not :\n
  indicated. KRAS G12C in colorectal cancer: ..."): the negation is its own sentence's, read as such, and says nothing
  of the finding after it; the finding is not doubted for it. Guards: the speck inside the finding's sentence ("KRAS
  G12C was not .\ndetected"), or a clause that does not end right before the finding, keep the doubt.
"""

from __future__ import annotations

import re

from priorauth.text.layout import _RESULT_WORD
from priorauth.text.pipeline import Finding
from priorauth.text.sources import TextDoc
from priorauth.text.spans import _line_end

# --- [ocr34-detection-title] -------------------------------------------------------------------------------------------
_DETECTION_TITLE = re.compile(
    r"[ \t]*(?:\(?(?:p\.)?[A-Z]\d{1,3}[A-Z]\)?[ \t]*)?(?:(?:mutation|variant)[ \t]+detection\b"
    r"|detection[ \t]+(?:assay|kit|test|panel|(?:q|rt-?|real[ \t-]time[ \t]+|dd|digital[ \t]+)?pcr)\b)",
    re.I,
)


def title_without_result(doc: TextDoc, f: Finding, title: re.Pattern[str]) -> re.Match[str] | None:
    """A positive finding followed by an assay title's words (``title``, matched right after it) with no result word
    on the rest of that line: the title's match, else None."""
    if f.label == "KRAS_NEG":
        return None
    m = title.match(doc.text, f.end)
    if not m or _RESULT_WORD.search(doc.text[m.end() : _line_end(doc.text, m.end())]):
        return None
    return m


def detection_title(doc: TextDoc, f: Finding) -> bool:
    """[ocr34-detection-title] "KRAS G12C MUTATION DETECTION (qPCR)": an assay's title, no result."""
    return title_without_result(doc, f, _DETECTION_TITLE) is not None


# --- [ocr34-negation-closed-before] ------------------------------------------------------------------------------------
_CLAUSE_CLOSED = re.compile(r"[.!?][\"')\]]?[ \t\n]+$")


def closed_before(text: str, end: int, sentence_start: int) -> bool:
    """[ocr34-negation-closed-before] a damaged negation ending at ``end`` whose clause closes right before the
    finding's sentence (only a full stop and spaces between): its own sentence's negation."""
    return end < sentence_start and bool(_CLAUSE_CLOSED.fullmatch(text, end, sentence_start))
