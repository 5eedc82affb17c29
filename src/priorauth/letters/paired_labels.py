"""A period printed under one label naming both of its ends (the thirty-seventh set, letters pass 35).

A portal's case detail prints ``Start / End ........ 2029-03-12 / 2029-09-11``: one label naming the start and the end,
the two dates after it in the same order. Read alone, its ``End`` took the FIRST date (the start) as the period's end;
the pair is read here as the pair, and a label's ``End`` after a ``Start /`` on its line is no end label of its own
(:func:`paired_end`). Only the label's own two dates on its own line are read: one date, a third date, or an end
before its start gives nothing."""

from __future__ import annotations

import re

from priorauth.letters import dates
from priorauth.letters.spans import Hit, I, M

_FIRST = r"(?:start|from|begin|effective|eff\.?)"
_SECOND = r"(?:end|to|thru|through|expiration|expiry|exp\.?|stop)"
_PAIR = re.compile(
    rf"^[ \t|]*(?:(?:approved|authorized|authorization|coverage|covered|valid|period|auth\.?)[ \t]+)?{_FIRST}(?:[ \t]+date)?[ \t]*/[ \t]*"
    # (its dates after leaders, a colon or a gap, or on the line under it: a stacked form's label over its value)
    rf"{_SECOND}(?:[ \t]+dates?)?[ \t]*(?:\.{{2,}}|:|[ \t]{{2,}}|[ \t]*\n[ \t]*)[ \t.:]*"
    rf"(?P<a>{dates.DATE})[ \t]*(?:/|-|–|to|through|thru)[ \t]*(?P<b>{dates.DATE})[ \t|]*$",
    I | M,
)
# the label's first half before an end word: "Start / " (its "End" is the pair's, never a label of its own)
_FIRST_HALF = re.compile(rf"{_FIRST}(?:[ \t]+date)?[ \t]*/[ \t]*$", I)


def period(text: str) -> tuple[Hit, Hit] | None:
    """The one paired label's start and end (a second such line that disagrees: nothing)."""
    found = []
    for m in _PAIR.finditer(text):
        a, b = dates.parse(m.group("a")), dates.parse(m.group("b"))
        if a is None or b is None or a > b:
            return None
        found.append((Hit(a, m.start("a"), m.end("a")), Hit(b, m.start("b"), m.end("b"))))
    if not found or len({(s.value, e.value) for s, e in found}) > 1:
        return None
    return found[0]


def paired_end(text: str, pos: int) -> bool:
    """Whether the end label at ``pos`` is a paired label's second half ("Start / End ....")."""
    line_start = text.rfind("\n", 0, pos) + 1
    return bool(_FIRST_HALF.search(text, line_start, pos))
