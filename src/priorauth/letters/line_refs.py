"""Sentences about another drug's row, named by its row number (issue 18's twenty-first set, safety pass: a table
deciding two drugs, row 1 another drug's, row 2 LUMAKRAS's, went on with "Line 1 reason: ... plan limit of 18
tablets per 30 days", read as LUMAKRAS's quantity).

In a letter that decides several drugs row by row (:func:`priorauth.letters.outcome.scope`), a line that opens by
naming another drug's row ("Line 1 reason: ...", "Item 1: ...", "Ln 1 may be appealed ...", "Row 1 -") is that
drug's, with the lines that go on from it up to a blank line or a line naming a row: it is blanked with that row.

Guards: a line naming LUMAKRAS's own row ("Line 2: no action needed") stays; a row number a sentence names in its
middle ("see line 1 above") blanks nothing; a letter whose rows carry no number blanks nothing here."""

from __future__ import annotations

import re

_ROW_NUMBER = re.compile(r"[ \t|]*(?P<n>\d{1,2})(?:[.)]|[ \t]*\|)")
_NAMES_ROW = re.compile(r"^[ \t]*(?i:line|item|ln|row)[ \t]*#?[ \t]*(?P<n>\d{1,2})\b(?![./\-]\d)", re.M)


def row_number(text: str, line: int) -> str | None:
    """The number a row at ``line`` opens with ("1 | ONDANSETRON ...", "1. ..."), if any."""
    m = _ROW_NUMBER.match(text, line)
    return m.group("n").lstrip("0") or "0" if m else None


def theirs(text: str, others: set[str], ours: set[str]) -> list[tuple[int, int]]:
    """The spans of the lines that open by naming one of the ``others`` rows (with the lines going on from them)."""
    out = []
    for m in _NAMES_ROW.finditer(text):
        n = m.group("n").lstrip("0") or "0"
        if n not in others or n in ours:
            continue
        end = m.start()
        while True:
            nl = text.find("\n", end)
            if nl < 0:
                end = len(text)
                break
            end = nl
            nxt = text[nl + 1 : text.find("\n", nl + 1) if "\n" in text[nl + 1 :] else len(text)]
            if not nxt.strip() or _NAMES_ROW.match(nxt):
                break
            end = nl + 1
        out.append((m.start(), end))
    return out
