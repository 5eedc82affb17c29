"""A decision's label alone on its line, its value alone on the line under it (the thirty-third pass).

A label-above-value form ("DECISION" over "APPROVAL", "Outcome" over "Denied") prints the decision as a noun or a
participle under its label; at fax the value's indent is lost, so nothing but the two lines says they belong together.
Read only where the label is the whole line (never "APPEAL DECISION", "PRIOR DECISION") and the value is the whole
next line (never "APPROVAL PENDING", "DENIAL UPHELD ON APPEAL")."""

from __future__ import annotations

import re

from priorauth.letters.spans import Hit, M

_STACKED = re.compile(
    r"^[ \t]*(?-i:DECISION|DETERMINATION|OUTCOME|Decision|Determination|Outcome)[ \t]*:?[ \t]*\n"
    r"[ \t]*(?P<v>(?-i:APPROVAL|APPROVED|DENIAL|DENIED|PENDED|Approval|Approved|Denial|Denied|Pended))[ \t.]*$",
    M,
)
_VALUE = {"approv": "approved", "deni": "denied", "pend": "pended"}


def hits(text: str) -> list[Hit]:
    """The decision each stacked label's value says."""
    out = []
    for m in _STACKED.finditer(text):
        word = m.group("v").lower()
        value = next(v for k, v in _VALUE.items() if word.startswith(k))
        out.append(Hit(value, m.start("v"), m.end("v")))
    return out
