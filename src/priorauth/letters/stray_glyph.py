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
