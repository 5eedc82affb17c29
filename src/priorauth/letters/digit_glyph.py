"""A fax's digit read as a letter where an id's letters meet its digits (issue 18's thirty-third set, its safety pass: a
member id "BSH500193847" read by OCR as "BSHS00193847", the payer's reference "BSH-27..." printed with the same letters).

OCR reads 5 and S, 8 and B, 2 and Z, 6 and G, 0 and O alike. Where an id read by OCR opens with letters and the last of
them is such a look-alike right before its digits ("BSHS0...") while another id of the letter has the same letters
without it ("BSH-27..."), the look-alike may be the id's first digit: the id is left empty (read it on the letter), never
proposed and never corrected. (The sibling of :func:`priorauth.letters.stray_glyph.doubtful`, a stroke after an id's
letters.) Guards: a letter read from its text layer is never doubted; an id whose letters end in S, B, Z, G or O with no
other id of the letter sharing the rest of its letters ("BHS778120455" alone) stays; an id without the look-alike stays."""

from __future__ import annotations

import re

_LOOK_ALIKE = re.compile(r"(?P<p>[A-Z]{2,5})[SBZGO](?=\d)")


def doubtful(value: str, text: str, start: int, end: int) -> bool:
    """``value`` (an id OCR read at ``text[start:end]``) has a digit's look-alike after its letters that another id lacks."""
    m = _LOOK_ALIKE.match(value.strip())
    if m is None:
        return False
    other = re.compile(rf"(?<![A-Za-z]){m.group('p')}(?![A-Za-z])[ \-]?\d")
    return any(not (start <= x.start() < end) for x in other.finditer(text))
