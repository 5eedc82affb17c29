"""A fax's stray stroke read into an id's letters (issue 18's twenty-first set, safety pass: a form's "PA Tracking #:
LCH-61427-009" read by OCR as "LCHI-61427-009", its member id "LCH 009 2741 58" printed with the same letters).

A number read by OCR whose letters end with a one-stroke glyph (I, l, 1, |) that another id of the same letter does
not have ("LCHI-..." beside "LCH 009 ...") is doubtful: the stroke may be a speck, or a letter of the id; it is left
empty (read it on the letter), never proposed.

Guards: a letter read from its text layer is never doubted here; an id whose letters end in I with no other id of the
letter sharing the rest of its letters ("MHI-2207-15") stays; an id without the stroke ("LCH-61427-009") stays."""

from __future__ import annotations

import re

_STROKE = re.compile(r"(?P<p>[A-Z]{2,5})[Il1|](?=[ \-]?\d)")


def doubtful(value: str, text: str, start: int, end: int) -> bool:
    """``value`` (an id OCR read at ``text[start:end]``) has a stroke after its letters that another id lacks."""
    m = _STROKE.match(value.strip())
    if m is None:
        return False
    other = re.compile(rf"(?<![A-Za-z]){m.group('p')}(?![A-Za-z])[ \-]?\d")
    return any(not (start <= x.start() < end) for x in other.finditer(text))


# an id printed in capitals that OCR read with a small letter between two capitals (the thirty-second set's safety pass:
# "MXW91230084" read "MxXW91230084", one capital read twice, once in its small form): a letter of the id may be doubled
# or lost, and the id is left empty (read it on the letter). An id read all in capitals, or a small letter not between
# capitals ("Ab123", "x" after digits), stays.
_SMALL_AMID_CAPITALS = re.compile(r"[A-Z][a-z][A-Z]")


def small_amid_capitals(read: str) -> bool:
    """Whether an id as OCR read it (``read``: its characters on the page) has a small letter between two capitals."""
    return bool(_SMALL_AMID_CAPITALS.search(read))
