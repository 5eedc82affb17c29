"""Where a finding sits in its document: its line, the date stated beside it, the evidence it cites
(``Type/id#char=start,end`` and the document's date), an entry marked entered in error."""

from __future__ import annotations

import re

from priorauth.chart import dates
from priorauth.facts.model import Evidence
from priorauth.text.pipeline import Finding, unwrap
from priorauth.text.sources import TextDoc

# Dates as notes write them: ISO (2026-07-01), US (7/1/2026, 07/01/26) and month/year (6/2026, a partial
# date: the whole month).
_DATE = re.compile(
    r"(?<![\d/])(?:(\d{4})-(\d{2})-(\d{2})|(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})|(\d{1,2})/(\d{4}))(?![\d/])"
)


def _evidence(doc: TextDoc, f: Finding, start: int | None = None, end: int | None = None) -> Evidence:
    s, e = (f.sentence_start, f.sentence_start + len(f.sentence.rstrip())) if start is None else (start, end)
    quote = doc.text[s:e].strip()
    lead = len(doc.text[s:e]) - len(doc.text[s:e].lstrip())
    s += lead
    e = s + len(quote)
    at = (f.start - f.sentence_start, f.end - f.sentence_start)
    when = _stated_date(f.sentence, at, skip_starts=f.label == "STATUS")
    return Evidence(f"{doc.source}#char={s},{e}", when or doc.date, quote, focus=(f.start, f.end))


def _stated_date(sentence: str, at: tuple[int, int] = (0, 0), skip_starts: bool = False) -> str | None:
    """The date written nearest the finding in its sentence ("last 3/15/2026), PD 7/1/2026": the
    progression's date is 7/1/2026); on a tie, the one after it. None when the sentence states none.
    ``skip_starts``: a date introduced as a start ("started 9/2025") is a therapy's, not a status's."""
    best: tuple[int, int, str] | None = None
    for m in _DATE.finditer(sentence):
        day = _date_text(m)
        if day is None or (skip_starts and _STARTED.search(sentence[max(0, m.start() - 12) : m.start()])):
            continue
        after = m.start() >= at[1]
        gap = m.start() - at[1] if after else max(0, at[0] - m.end())
        key = (gap, 0 if after else 1, day)
        if best is None or key < best:
            best = key
    return best[2] if best else None


_STARTED = re.compile(r"\b(?:started|starting|start|since|began|from|initiated)\s*:?\s*$", re.I)


def _date_text(m: re.Match[str]) -> str | None:
    if m.group(1):
        text = f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    elif m.group(6):
        year = m.group(6) if len(m.group(6)) == 4 else f"{'19' if int(m.group(6)) > 50 else '20'}{m.group(6)}"
        text = f"{year}-{int(m.group(4)):02d}-{int(m.group(5)):02d}"
    else:
        text = f"{m.group(8)}-{int(m.group(7)):02d}"
    return dates.text_of(text)


_ENTERED_IN_ERROR = re.compile(
    r"\bentered\s+in\s+error\b|\berroneous(?:ly)?\s+entered\b|\b(?:entry|entered)\s+(?:on|for)\s+(?:the\s+)?wrong\s+"
    r"(?:patient|pt|chart)\b|\b(?:meant|intended)\s+for\s+(?:another|a\s+different)\s+(?:pt|patient)\b"
    # (held-out v31) [v31-entry-removed-wrong-chart] "entry removed - documented on the wrong chart"
    r"|\bentry\s+(?:was\s+|has\s+been\s+)?(?:removed|deleted)\b[^.;\n]{0,30}?\bwrong\s+(?:patient|pt|chart)\b",
    re.I,
)


def _entered_in_error(doc: TextDoc, f: Finding) -> bool:
    """The entry holding the finding is marked entered in error: the mark after it in the same clause of its line
    ("J84.9 Pulmonary fibrosis - comment: ENTERED IN ERROR"), or opening its line. "The G13C call was entered in
    error; the variant is KRAS G12C" voids only what comes before the ";"."""
    start = _line_start(doc.text, f.start)
    after = doc.text[f.end : _line_end(doc.text, f.end)]
    m = _ENTERED_IN_ERROR.search(after)
    if m and not re.search(r"[;.]\s", after[: m.start()]):
        return True
    return bool(_ENTERED_IN_ERROR.match(doc.text[start : f.start].lstrip(" *-\u2022")))


def _line(doc: TextDoc, f: Finding) -> str:
    """The line of the finding, a line wrapped at a fixed width read as one (``pipeline.unwrap``)."""
    text = unwrap(doc.text)
    return text[_line_start(text, f.start) : _line_end(text, f.end)]


def _line_before(doc: TextDoc, f: Finding) -> str:
    """The finding's line (as the document wrote it) from its start up to the finding."""
    return doc.text[_line_start(doc.text, f.start) : f.start]


def _line_at(text: str, at: int) -> str:
    """The whole line holding position ``at`` (a position at a newline: the line that newline ends)."""
    return text[_line_start(text, at) : _line_end(text, at)]


def _line_start(text: str, at: int) -> int:
    """Where the line holding position ``at`` starts: just after the last newline before ``at`` (0 on the first)."""
    return text.rfind("\n", 0, at) + 1


def _line_end(text: str, at: int) -> int:
    """Where the line holding position ``at`` ends: the first newline at or after ``at``, else the text's end."""
    end = text.find("\n", at)
    return end if end >= 0 else len(text)


# [ocr27-dated-heading] (held-out OCR v27, issue 17's twenty-ninth pass) A result under a dated heading of its own
# paragraph ("MOLECULAR ADDENDUM (12/01/2026): ... sequencing of block B2 ..." / "... KRAS p.G12C detected"): the
# heading's date is the result's when the finding's own sentence states none (a scan may break the sentence before it,
# a stop read in "c. 34G>T."), as the contract reads a result's stated date before its document's. The heading opens a
# line in capitals with the date, bracketed or not, before its colon; the finding is on it or on the next three lines,
# no blank line and no other heading between. Guard: never a date before the document's (a section of an earlier
# result keeps the document's date here; its own date is a class of its own).
_DATED_HEADING = re.compile(
    r"[^\w\n]{0,3}[A-Z][A-Z&/ -]{2,40}?[ \t]*[(\[]?[ \t]*(?:dated[ \t]+|of[ \t]+|on[ \t]+)?(?P<date>"
    + _DATE.pattern
    + r")[ \t]*[)\]]?[ \t]*:"
)
_ANY_HEADING = re.compile(r"[^\w\n]{0,3}[A-Z][A-Z&/ ()-]{2,40}:")


def heading_date(doc: TextDoc, f: Finding) -> str | None:
    """[ocr27-dated-heading] The date of the dated heading opening the finding's paragraph, when not before the
    document's date; None when the paragraph has none."""
    start = _line_start(doc.text, f.start)
    for _ in range(4):
        line = doc.text[start : _line_end(doc.text, start)]
        if not line.strip():
            return None
        m = _DATED_HEADING.match(line)
        if m:
            day = _date_text(_DATE.match(m.group("date")))  # type: ignore[arg-type]
            return day if day and (doc.date is None or dates.on_or_after(day, doc.date)) else None
        if _ANY_HEADING.match(line) or start == 0:
            return None
        start = _line_start(doc.text, start - 1)
    return None
