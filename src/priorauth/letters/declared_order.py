"""A letter that says once, for all its dates, that they are printed day first (issue 18's twenty-first set, safety
pass: an Australian fund's letter headed "(dates DD/MM/YYYY)" had its patient's "09/12/1959" read as 12 September,
flagging a letter of this patient as another's).

* The statement: "dates" (or "all dates") followed within a few words by a day-first pattern ("DD/MM/YYYY",
  "dd.mm.yy", "JJ/MM/AAAA"), e.g. "(dates DD/MM/YYYY)", "All dates are shown as dd/mm/yyyy.", "Dates: DD-MM-YYYY".
* Then a date of birth the other rules read from its digits ("09/12/1959") is read day first. A date of birth whose
  own label says its order (:func:`priorauth.letters.parts.birth`) is read as that label says, never changed here.

Guards: a month-first statement ("dates MM/DD/YYYY") changes nothing; a pattern said of one other thing only
("Enter the date of service as DD/MM/YYYY" has no "dates") changes nothing; a date written with its month's name
("9 December 1959") is never changed; digits that make no day when read day first give no date of birth at all
(empty, never a guess)."""

from __future__ import annotations

import re
from datetime import date

from priorauth.letters import dates

_DAY_FIRST = re.compile(
    r"\b(?i:all[ \t]+dates|dates)\b[^\n]{0,40}?\b(?i:dd|jj|tt)[ \t]*[/.\-][ \t]*(?i:mm)[ \t]*[/.\-][ \t]*(?i:yyyy|yy|aaaa|jjjj)\b"
)
_NUMERIC = re.compile(r"(?P<a>\d{1,2})[ \t]*[/.\-][ \t]*(?P<b>\d{1,2})[ \t]*[/.\-][ \t]*(?P<y>\d{4})")


def day_first(text: str) -> bool:
    """The letter says its dates are printed day first."""
    return bool(_DAY_FIRST.search(text))


def reread(printed: str, read: date) -> date | None:
    """``printed`` (a date as the letter prints it, read month first as ``read``) read day first; None when that
    is no day. A date not printed as digits is returned as read."""
    m = _NUMERIC.fullmatch(printed.strip())
    if m is None:
        return read
    return dates.calendar_day(m.group("y"), m.group("b"), m.group("a"))
