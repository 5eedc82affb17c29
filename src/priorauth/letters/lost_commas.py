"""A CSV export's row whose run of empty cells a fax lost (",,,,," read as a blank or two: "08/18/2027  "Need: ...""):
the row is short of the header's cells by those empty ones, and one gap of blanks stands where they were. The
empty cells are put back in that gap, so the cells before it and after it keep their fields (the member's name
stays under ``member_name``, the note under ``notes``) (issue 18, twenty-third set).

Guards: a row with no such gap, or more than one, is left unread (never a guess at where its cells went); a row
short of more than six cells is left unread; a gap not before a quoted cell is no lost run."""

from __future__ import annotations

import re
from collections.abc import Callable

_GAP = re.compile(r'(?<=[^,;\s"])[ \t]{2,}(?=")')
_MOST = 6


def refilled(
    block: str, begin: int, fields: int, cells_of: Callable[[str, int], list[tuple[int, str]] | None]
) -> list[tuple[int, str]] | None:
    """The row's cells with its lost empty ones put back at its one gap, or None. ``cells_of(part, offset)``
    splits a part of the row into (offset in the letter, value) cells (None when it does not split whole)."""
    gaps = list(_GAP.finditer(block))
    if len(gaps) != 1:
        return None
    gap = gaps[0]
    before, after = cells_of(block[: gap.start()], begin), cells_of(block[gap.end() :], begin + gap.end())
    if before is None or after is None:
        return None
    lost = fields - len(before) - len(after)
    if not 1 <= lost <= _MOST:
        return None
    return before + [(begin + gap.start(), "")] * lost + after
