"""Where a letter's words point elsewhere: a denial's reason "set out on the next page" under a heading of its own,
and a correspondent's reference ("Your ref:") beside the payer's own ("Our ref:")."""

from __future__ import annotations

import re

from priorauth.letters.spans import Hit, I, M

# a heading alone on its line over the reason a pointer names ("Clinical rationale", "REASONS FOR OUR DECISION")
_REASON_HEADING = re.compile(
    r"^[ \t#*]*(?:(?:clinical|medical|detailed|full)\s+)?(?:rationale|reasons?|explanation|basis)"
    r"(?:\s+for\s+(?:the\s+|this\s+|our\s+)?(?:decision|denial|determination))?"
    r"(?:[ \t]*\((?:continued|cont['’]?d\.?)(?:[ \t]+from[ \t]+(?:page[ \t]+\d+|the[ \t]+(?:previous|first)[ \t]+page))?\))?[ \t*:]*\n",
    I | M,
)
# a reason that is only a pointer to a place of the letter ("Our clinical rationale is set out on the next page",
# "The reasons are explained below.", "... is written out on page 2"): its last sentence, naming a page, "below" or "overleaf"
POINTER = re.compile(
    r"(?:^|(?<=[.!?])\s)[^.!?]*\b(?:is|are)\s+(?:shown|listed|described|given|set\s+out|explained|detailed|stated|"
    r"written(?:\s+out)?|printed)\s+"
    r"(?:on\s+(?:the\s+)?(?:next|following|second|separate|attached|enclosed)\s+(?:page|sheet)|on\s+page\s+\d|below|overleaf"
    r"|in\s+the\s+(?:attached|enclosed)\s+(?:page|sheet|rationale|explanation|statement))\b[^.!?]*[.!?]?$",
    I,
)
_PARAGRAPH_END = re.compile(r"\n[ \t]*\n|\f")
_LABEL_LINE = re.compile(r"\n[ \t]*[A-Z][A-Za-z ]{0,40}:")


def reason_under_heading(text: str, after: int) -> Hit | None:
    """The paragraph under the first reason heading after ``after`` (the pointer's own position), up to a blank
    line or a line of a label of its own ("Criteria reference: ..."); None when there is none."""
    m = _REASON_HEADING.search(text, after)
    if m is None:
        return None
    start = m.end()
    end_para = _PARAGRAPH_END.search(text, start)
    end = min(end_para.start() if end_para else len(text), start + 800)
    if label := _LABEL_LINE.search(text, start, end):
        end = label.start()
    end = start + len(text[start:end].rstrip())
    while start < end and text[start] in " \t\n":
        start += 1
    if end - start < 15 or not re.search(r"\b[a-z]{3,}\s+[a-z]{2,}\b", text[start:end]):
        return None
    return Hit(" ".join(text[start:end].split()), start, end)


# a reason that only points to a numbered note (the twenty-fifth set: a table's reason cell "siehe unten (1)"): "see
# below (1)", "see note 2", "voir ci-dessous (1)", "zie (1)"; the note is the paragraph that opens with its number
NOTE = re.compile(
    r"^[ \t]*(?:see|siehe|s\.|voir|vedi|zie|ver|v[eé]ase)(?:[ \t]+(?:below|unten|ci-dessous|sotto|hieronder|abajo|abaixo))?"
    r"(?:[ \t]+(?:note|fu[ßs]note|anmerkung|nota|noot))?[ \t]*(?:\((?P<n>\d{1,2})\)|(?P<m>\d{1,2}))[ \t.]*$",
    I,
)


def footnote(text: str, after: int, number: str) -> Hit | None:
    """The paragraph after ``after`` that opens its line with ``(number)`` (up to a blank line), without that mark;
    None when the letter has no such note (the reason is then left empty: a pointer is no reason)."""
    m = re.compile(rf"^[ \t]*\({re.escape(number)}\)[ \t]*", M).search(text, after)
    if m is None:
        return None
    start = m.end()
    end_para = _PARAGRAPH_END.search(text, start)
    end = min(end_para.start() if end_para else len(text), start + 800)
    end = start + len(text[start:end].rstrip())
    if end - start < 15 or not re.search(r"\b[^\W\d_]{3,}\s+[^\W\d_]{2,}\b", text[start:end]):
        return None
    return Hit(" ".join(text[start:end].split()), start, end)


# the correspondent's own reference, which a letter prints beside its own ("Your ref: onc/12   Our ref: X"); a
# Spanish, a Portuguese, a French letter's ("Su referencia", "Sua ref.", "Votre réf.")
_THEIR_REF = re.compile(
    r"\b(?:your|su|sua|seu|votre)\s+r[eé]f(?:erence|er[eê]ncia|erencia|[eé]rence|\.)?(?:\s*(?:no\.?|number|#|n[º°]))?[\s.:#]*$", I
)
_OUR_REF = re.compile(r"\b(?:our|nuestra|nossa|notre)\s+r[eé]f", I)


def theirs(text: str, line_start: int, value_start: int) -> bool:
    """Whether the id at ``value_start`` is the correspondent's reference, in a letter that names its own."""
    return bool(_THEIR_REF.search(text, line_start, value_start)) and bool(_OUR_REF.search(text))
