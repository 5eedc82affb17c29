"""Requests decided side by side: a ruled table with one column per request (issue 18's twenty-fifth set, its
safety pass).

A payer that answers two requests in one letter may set them in columns of one table: a header row
``| Request 1: <other drug> | Request 2: LUMAKRAS ... |`` over rows that hold each request's number, result, period
and quantity in its own column. The readers read such a table row by row, so the first column's result, number and
period (another drug's approval) were proposed for LUMAKRAS's denial. Here the column whose header cell names
LUMAKRAS is kept and every other column blanked (offsets kept), as :func:`priorauth.letters.outcome.scope` does for
requests decided one after another.

Guards: the header row has two or more cells and exactly one names LUMAKRAS (none, or two: nothing is cut); some row
states a result in LUMAKRAS's column and another in a second column (a label-and-value table, "| Drug | LUMAKRAS |",
decides nothing side by side and is read as it was); a line inside the table that opens with no bar (a cell a fax
wrapped) is blanked, as it cannot be placed in a column."""

from __future__ import annotations

import itertools
import re

from priorauth.letters import outcome, several_drugs
from priorauth.letters.spans import _OURS

_BAR_LINE = re.compile(r"^[ \t]*\|[^\n]*$", re.M)
_RULE = re.compile(r"^[ \t]*[+|][ \t+\-=|]*$")  # "+-----+-----+", what a fax makes of it ("+ -  - +")


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of a bar row's cells: between its bars, and after its last bar when the row goes on."""
    bars = [i for i in range(start, end) if text[i] == "|"]
    spans = [(a + 1, b) for a, b in itertools.pairwise(bars)]
    if bars and text[bars[-1] + 1 : end].strip():
        spans.append((bars[-1] + 1, end))
    return spans


def _blocks(text: str) -> list[list[tuple[int, int]]]:
    """Runs of bar rows (a table), a table's rule lines and single wrapped lines between them kept within it."""
    rows = [(m.start(), m.end()) for m in _BAR_LINE.finditer(text)]
    blocks: list[list[tuple[int, int]]] = []
    for a, b in rows:
        gap = text[blocks[-1][-1][1] : a] if blocks else ""
        if blocks and gap.count("\n") <= 2 and "\n\n" not in gap:
            blocks[-1].append((a, b))
        else:
            blocks.append([(a, b)])
    return blocks


def _ruled(text: str, start: int, end: int) -> tuple[int, int]:
    """The table's span with the rule lines just above and below its rows ("+----+----+")."""
    above = text.rfind("\n", 0, max(0, start - 1)) + 1
    if start > 0 and _RULE.match(text[above : start - 1]) and "-" in text[above : start - 1]:
        start = above
    below = text.find("\n", end + 1)
    below = len(text) if below < 0 else below
    if end < len(text) and _RULE.match(text[end + 1 : below]) and "-" in text[end + 1 : below]:
        end = below
    return start, end


def _decides(cell: str) -> bool:
    return bool(outcome.outcome_hits(cell)[0])


def scope(text: str) -> several_drugs.Scope | None:
    """LUMAKRAS's column of a table that decides several requests side by side (None: the letter has none)."""
    for block in _blocks(text):
        rows = [_cells(text, a, b) for a, b in block if not _RULE.match(text[a:b])]
        header = next((r for r in rows if sum(bool(text[a:b].strip()) for a, b in r) >= 2), None)
        if header is None:
            continue
        ours = [i for i, (a, b) in enumerate(header) if _OURS.search(text[a:b])]
        if len(ours) != 1:
            continue
        k = ours[0]
        if not any(
            len(r) > k and _decides(text[r[k][0] : r[k][1]]) and any(_decides(text[a:b]) for j, (a, b) in enumerate(r) if j != k)
            for r in rows
        ):
            continue
        start, end = _ruled(text, block[0][0], block[-1][1])
        keep = [(0, start), (end, len(text))] + [r[k] for r in rows if len(r) > k]
        others = tuple(" ".join(text[a:b].split()) for j, (a, b) in enumerate(header) if j != k and text[a:b].strip())
        return several_drugs.Scope(several_drugs._blank(text, keep), several_drugs._blank(text, [(0, start)]), others)
    return None
