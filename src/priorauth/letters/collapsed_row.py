"""A table's row whose column gaps a fax closed (the thirtieth pass): "Drug / Strength  PA Number  Qty / Days  From
Through" over "LUMAKRAS 120MG TABLET 44-918273-AP 240/30  04/06/2027 ...", the drug's, the number's and the quantity's
cells run together with one blank between, so no column can be told by where it is printed.

What a cell holds still says which it is: the header names a number's column ("PA Number", "Auth #", "Authorization
No.", "Reference number") and LUMAKRAS's row under it holds exactly one id-shaped word (letters and digits joined by a
dash, six characters or more, a digit in it: never a date, a dose such as "120MG", a phone number); the header names a
quantity's column ("Qty / Days", "Quantity") and the row holds exactly one "count / days" pair (one slash: never a date).

Read only when the letter gave no number (or quantity) otherwise, on LUMAKRAS's own row (the line naming it, right
under the header, a blank line or a rule between at most). Guards: two id-shaped words on the row (which is the
number's cannot be told), a header that names no such column, a row that does not name LUMAKRAS, read nothing."""

from __future__ import annotations

import re

from priorauth.letters.spans import _OURS, Hit, I, line_starts

_NUMBER_HEAD = re.compile(
    r"\b(?:PA|auth(?:ori[sz]ation)?|approval|reference|ref\.?|case|request)[ \t]*(?:number|no\.?|num\.?|#|id)(?=[ \t]|$)", I
)
_QUANTITY_HEAD = re.compile(r"\b(?:qty|quantity)\b(?:[ \t]*/[ \t]*days?\b)?", I)
# an id: groups of letters and digits joined by dashes, a digit in it, six characters or more
_ID = re.compile(r"(?<![\w/.-])(?=[A-Z0-9-]*\d)(?:[A-Z0-9]+-)+[A-Z0-9]+(?![\w/.-])")
_PHONE = re.compile(r"^\d{1}-?\d{3}-\d{3}-\d{4}$|^\d{3}-\d{3}-\d{4}$")
_PAIR = re.compile(r"(?<![\w/.])(?P<n>\d{1,4})[ \t]*/[ \t]*(?P<d>\d{1,3})(?![\w/.])")


def _row(text: str, head: re.Pattern[str]) -> tuple[str, int] | None:
    """LUMAKRAS's row right under a header line that ``head`` finds, and where it starts; None when there is none."""
    lines = text.split("\n")
    starts = line_starts(lines)
    for i, line in enumerate(lines):
        if not head.search(line) or _OURS.search(line):
            continue
        for j in range(i + 1, min(i + 3, len(lines))):
            below = lines[j]
            if not below.strip() or not re.search(r"[A-Za-z0-9]", below):  # a blank line or a rule of dashes
                continue
            if _OURS.search(below):
                return below, starts[j]
            break
    return None


def number(text: str) -> Hit | None:
    """The number in LUMAKRAS's row under a header naming the number's column, when the row holds one id only."""
    found = _row(text, _NUMBER_HEAD)
    if found is None:
        return None
    row, at = found
    ids = [m for m in _ID.finditer(row) if len(m.group(0)) >= 6 and not _PHONE.match(m.group(0))]
    if len(ids) != 1:
        return None
    m = ids[0]
    return Hit(m.group(0), at + m.start(), at + m.end())


def quantity(text: str) -> Hit | None:
    """The count in LUMAKRAS's row under a header naming a quantity's column, when the row holds one "count / days"."""
    found = _row(text, _QUANTITY_HEAD)
    if found is None:
        return None
    row, at = found
    pairs = list(_PAIR.finditer(row))
    if len(pairs) != 1:
        return None
    m = pairs[0]
    return Hit(m.group("n"), at + m.start(), at + m.end())
