"""A letter whose numeric dates are printed with dots and, by its own evidence, day first ("Haselbrück, 10.02.2027"
beside "Geburtsdatum: 17.03.1949 (TT.MM.JJJJ)"): its own date is read day first, so a window counted from it ("innerhalb
von 30 Tagen nach dem Datum dieses Schreibens") is counted from 10 February, never 2 October (issue 18, twenty-third
set).

The evidence, any one of: a dotted day-first pattern printed as a field's format ("(TT.MM.JJJJ)", "DD.MM.YYYY",
"JJ.MM.AAAA"), or another dotted date on the letter whose first number cannot be a month ("17.03.1949").

Guards: a date printed with slashes or dashes is never changed here (declared_order reads a statement about those); a
dotted date with no such evidence on its letter is read as before; digits that make no day when read day first
leave the date as it was read."""

from __future__ import annotations

import re
from datetime import date

from priorauth.letters import dates

# (a fax may read one of its dots as a low stroke or a comma: "TT.MM_JJJJ")
_PATTERN = re.compile(r"\b(?i:dd|tt|jj)[.,_](?i:mm)[.,_](?i:yyyy|jjjj|aaaa|yy|jj)\b")
_DOTTED = re.compile(r"(?<![\d.])(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?P<y>\d{4})(?![\d.])")


def day_first(text: str) -> bool:
    """The letter shows its dotted dates are day first."""
    if _PATTERN.search(text):
        return True
    return any(12 < int(m.group("a")) <= 31 and 1 <= int(m.group("b")) <= 12 for m in _DOTTED.finditer(text))


def reread(printed: str, read: date, text: str) -> date:
    """``printed`` (read month first as ``read``) read day first when it is a dotted date on a letter that shows
    its dotted dates day first; else as read."""
    m = _DOTTED.fullmatch(printed.strip())
    if m is None or not day_first(text):
        return read
    return dates.calendar_day(m.group("y"), m.group("b"), m.group("a")) or read
