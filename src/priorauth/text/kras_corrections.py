"""KRAS results a report takes back or warns against reading (held-out OCR v31, issue 17's thirty-second pass: a US
practice's paper).

* [ocr32-voided-result-label] a result label whose bracket or last words void it ("PREVIOUS RESULT (IN ERROR): KRAS
  p.G12C", "Original result (erroneous): ...", "Result issued in error: ..."): what it heads is no result. Guards: a
  bracket holding more than the voiding words ("CORRECTED RESULT (replaces the result in error): KRAS p.G12V") and a
  label that only dates or confirms ("Result (confirmed): KRAS p.G12C") keep their reading.
* [ocr32-earlier-report-quoted] a corrected report quoting what the earlier report said ("The original report listed
  KRAS p.G12C", "the prior version reported G12C"), in a document that says a result was wrong ("transcribed
  incorrectly", "in error", "corrected below"): the quote is the error, no result. Guards: a document with no word of
  error keeps the quote (a letter's "the prior report showed KRAS G12C" is a result); a quote said to stand ("...,
  which is unchanged", "remains", "confirmed") keeps it.
* [ocr32-not-read-as] a warning against reading the report as a result ("Do not interpret this preliminary report as
  negative for KRAS", "should not be read as KRAS-negative"): no result. Guards: the reading told, not warned against
  ("This report is to be interpreted as negative for KRAS"); a result in another clause of the sentence ("Do not
  interpret ...; KRAS G12C not detected") is read as before, and so is a result told after the warning ("... as
  negative, since KRAS G12C was detected at 0.4%").
"""

from __future__ import annotations

import re

from priorauth.text.pipeline import Finding
from priorauth.text.sources import TextDoc
from priorauth.text.spans import _line_start

# --- [ocr32-voided-result-label] ---------------------------------------------------------------------------------------
_VOID = r"(?:issued\s+|reported\s+|entered\s+)?in\s+error|erroneous(?:ly\s+reported)?|incorrect|wrong|invalid|void(?:ed)?|retracted|withdrawn"
_VOIDED_LABEL = re.compile(
    rf"^\W{{0,3}}(?:[A-Za-z]+[ \t]+){{0,3}}(?:result|report|call|finding|entry|version)s?[ \t]*"
    rf"(?:\([ \t]*(?:{_VOID})[ \t]*\)|[ \t]+(?:{_VOID}))[ \t]*:[ \t]*(?:k-?ras[ \t]+)?(?:p\.)?$",
    re.I,
)


def voided_result_label(doc: TextDoc, f: Finding) -> bool:
    """[ocr32-voided-result-label] "PREVIOUS RESULT (IN ERROR): KRAS p.G12C": the label voids what it heads."""
    return bool(_VOIDED_LABEL.match(doc.text[_line_start(doc.text, f.start) : f.start]))


# --- [ocr32-earlier-report-quoted] -------------------------------------------------------------------------------------
_EARLIER_SAID = re.compile(
    r"\b(?:the\s+|this\s+|our\s+)?(?:original|previous|prior|initial|earlier|first|preceding)\s+"
    r"(?:(?:molecular|ngs|genomic|pathology|lab(?:oratory)?)\s+)?(?:report|result|version|issue|printout)\s+"
    r"(?:\([^()\n]{0,30}\)\s+)?(?:had\s+|has\s+)?(?:listed|stated|reported|showed|shows|named|gave|read|called|said|"
    r"included|identified|indicated|displayed)\s+(?:(?:a|an|the)\s+)?(?:k-?ras\s+)?(?:p\.)?$",
    re.I,
)
_ERROR_WORD = re.compile(
    r"\b(?:incorrect(?:ly)?|in\s+error|erroneous(?:ly)?|wrong(?:ly)?|mis-?transcribed|transcription\s+error|"
    r"(?:was|were|is|been)\s+corrected|corrected\s+(?:below|above|here|result|report|to)|correction)\b",
    re.I,
)
_STANDS = re.compile(
    r"\b(?:unchanged|remains?|stands?|still|confirmed|unaffected|not\s+(?:changed|affected|in\s+error))\b", re.I
)


def earlier_report_quoted(doc: TextDoc, f: Finding) -> bool:
    """[ocr32-earlier-report-quoted] "The original report listed KRAS p.G12C." in a corrected report."""
    clause_start = max(f.sentence_start, f.start - 160)
    if not _EARLIER_SAID.search(doc.text[clause_start : f.start]):
        return False
    sentence_end = f.sentence_start + len(f.sentence)
    after = doc.text[sentence_end : sentence_end + 160]
    next_sentence = re.match(r"[^.!?\n]*(?:[.!?]|$)", after.lstrip())
    if _STANDS.search(doc.text[f.end : sentence_end]) or (next_sentence and _STANDS.search(next_sentence.group(0))):
        return False  # the quote is said to stand: "..., which is unchanged"
    return bool(_ERROR_WORD.search(doc.text, max(0, f.start - 300), f.end + 300))  # the correction told near the quote


# --- [ocr32-not-read-as] -----------------------------------------------------------------------------------------------
_WARNED_READING = re.compile(
    r"\b(?:do\s+not|don'?t|should\s+not|must\s+not|cannot|can\s+not|may\s+not|is\s+not\s+to|are\s+not\s+to|not\s+to)\s+"
    r"(?:be\s+)?(?:interpret(?:ed)?|read|taken?|regard(?:ed)?|consider(?:ed)?|construed?|treat(?:ed)?|used?|report(?:ed)?)"
    r"\b[^.;:]{0,80}?\bas\s+(?:a\s+|an\s+)?(?:negative|wild[\s-]?type|normal|no\s+mutation)\b(?P<rest>[^.;:]*)$",
    re.I,
)
# a result or a reason told after the warning ("..., since KRAS G12C was detected at 0.4%"): the finding is that result
_RESULT_AFTER_WARNING = re.compile(
    r"\b(?:since|because|as|given|detected|found|identified|present|positive|mutated|mutant|carries|shows?|showed)\b", re.I
)


def not_read_as(doc: TextDoc, f: Finding) -> bool:
    """[ocr32-not-read-as] "Do not interpret this preliminary report as negative for KRAS": a warning, no result."""
    m = _WARNED_READING.search(doc.text[f.sentence_start : f.end])
    return bool(m) and not _RESULT_AFTER_WARNING.search(m.group("rest"))
