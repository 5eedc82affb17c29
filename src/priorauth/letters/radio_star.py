"""A radio button's dot that a fax read as a star (issue 18's twenty-third set, read in the twenty-third pass).

A form marks its decision by filling one radio button of a row ("(•) APPROVED   ( ) DENIED   ( ) MORE INFORMATION
NEEDED"); a fax's OCR reads the filled dot as a star and the empty buttons with their blank lost: "(*) APPROVED
()DENIED () MORE INFORMATION NEEDED". :func:`dotted` writes such a star back as the dot the box readers of
:mod:`priorauth.letters.outcome` know, in place (offsets kept).

Guards: a "(*)" is a filled button only on a line that also holds an empty button ("()" or "( )"), so a footnote's
"(*)" or a lone starred heading is left as it is; a line with two stars (two filled buttons, or marks that are no
buttons) is left as it is."""

from __future__ import annotations

import re

_STAR = re.compile(r"\([ \t]*\*[ \t]*\)")
_EMPTY = re.compile(r"\([ \t]*\)")


def dotted(text: str) -> str:
    """``text`` with each radio row's one "(*)" written "(•)" (same length)."""
    out = []
    for line in text.split("\n"):
        stars = list(_STAR.finditer(line))
        if len(stars) == 1 and _EMPTY.search(line):
            m = stars[0]
            line = line[: m.start()] + m.group(0).replace("*", "•") + line[m.end() :]
        out.append(line)
    return "\n".join(out)
