"""A date in a form's grid of labels over values ("Member ID        Date of birth" over "WLH8831955      04/29/1952"):
the label above a value, in its columns on the line before, names it. A date whose label above says it is a birth
is never the letter's date, however far right it sits (issue 18, twenty-third set: a two-column form's last column
read as the letter's date, its appeal window counted from a birth).

Guards: a date under a "Letter date" or "Date" label stays; a date with no label above it stays."""

from __future__ import annotations

import re

_BIRTH = re.compile(r"\b(?:date\s+of\s+birth|birth\s*date|dob|d\.o\.b\.?|born|geburtsdatum|fecha\s+de\s+nacimiento)\b", re.I)


def label_above(text: str, start: int, end: int) -> str:
    """The words of the line before ``start`` in the columns of text[start:end] (a little wider both sides)."""
    line = text.rfind("\n", 0, start) + 1
    if line == 0:
        return ""
    col, width = start - line, end - start
    above = text.rfind("\n", 0, line - 1) + 1
    prev = text[above : line - 1]
    lo = max(0, col - 4)
    hi = col + width + 16
    # the label's words that start within the value's columns (a label wider than its value runs on to the right)
    while lo > 0 and prev[lo - 1 : lo].strip():
        lo -= 1
    return prev[lo:hi]


def birth_by_label(text: str, start: int, end: int) -> bool:
    """The label above the date names a birth."""
    return bool(_BIRTH.search(label_above(text, start, end)))
