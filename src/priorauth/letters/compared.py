"""A table that sets what was requested beside what was approved, each in its own column.

Issue 18's seventeenth set had a modified approval print "Requested" and "Approved" over two columns, a row of
dates under them ("Dates   7/1/2027 - 6/30/2028   7/1/2027 - 12/31/2027"): the first range on the row is the
request's, never the approval's. A value on such a row is read from the column under the approval's heading."""

from __future__ import annotations

import re

from priorauth.letters.spans import I

_APPROVED = re.compile(r"(?<!\S)(?:approved|authori[sz]ed|granted|allowed|accord[ée]e?|genehmigt)(?!\S)", I)
_REQUESTED = re.compile(r"(?<!\S)(?:requested|asked(?:[ \t]+for)?|demand[ée]e?|beantragt)(?!\S)", I)


def approved_column(text: str, at: int) -> int | None:
    """Which of two columns (0 or 1) the "Approved" heading is over the row holding ``at``, when a heading row a
    few lines above names a requested column and an approved column (one word each); else None. By order, not
    by position: a fax's OCR closes the columns' gaps up."""
    line_start = text.rfind("\n", 0, at) + 1
    end = line_start
    for _ in range(4):  # the heading row: within three lines above
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end - 1) + 1
        row = text[start : end - 1] if end > start else ""
        a, r = list(_APPROVED.finditer(row)), list(_REQUESTED.finditer(row))
        if len(a) == 1 and len(r) == 1 and len(row.split()) <= 6:
            return 1 if a[0].start() > r[0].start() else 0
        end = start
    return None


def pick(text: str, spans: list[tuple[int, int]]) -> int | None:
    """Of the two values on one row (their spans), the index of the one under the "Approved" heading; None when
    the row has not two or no such heading is over it."""
    if len(spans) != 2:
        return None
    return approved_column(text, spans[0][0])
