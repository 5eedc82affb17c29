"""A numeric date of birth whose day and month could be swapped, read in the order the letter's own dates show (issue
18's twenty-ninth set, its safety pass).

Six letters of the twenty-ninth set print a birth date such as ``01/12/1961`` or ``05.02.1963`` (day first, as their
countries write dates) and the reader took it month first, as a US letter writes it: the birth date differed from the
case's and the letter was flagged as another patient's. Each of those letters shows its order elsewhere:

* a numeric date the letter prints whose first number is over 12 (``17/03/2027 to 16/09/2027``, ``28.04.2027``),
  with the birth date's separator: the letter writes day first, and the birth date is read day first;
* only worded dates written day first (``25 January 2027``, ``8 March 2027``): the letter's style suggests day first
  but its digits do not say; the birth date is left **empty** (empty is safe, a guess is not). An e-mail header's date
  with its time (``Thu, 18 Mar 2027 09:30:12 -0400``) shows nothing: mail programs write it so everywhere (a US
  letter's month-first birth date beside it stays read, and a letter about another patient stays flagged).

A numeric date whose second number is over 12 (``03/15/2027``) or a worded date month first (``March 5, 2027``) shows
month first. Guards: a letter that shows both orders, or none, is read as before (month first, the reader's default for
a US letter); a letter that speaks of a date pattern anywhere (``(dates MM/DD/YYYY)``, a form's "Enter the date of
service as DD/MM/YYYY") has its order decided by what it says (:mod:`priorauth.letters.declared_order`), never by its
printed dates; a birth date read any other way (year first, its month's name, day first by its own label or note) is
never changed; a date inside the birth date's own span never decides."""

from __future__ import annotations

import re
from datetime import date

from priorauth.letters import dates

_AMBIGUOUS = re.compile(r"(?P<a>\d{1,2})(?P<s>[/.\-])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})")
# a date pattern spoken of ("DD/MM/YYYY", "mm-dd-yy", "JJ/MM/AAAA", "MM/DD"): the letter says its order in words
_PATTERN = re.compile(r"\b(?:dd|jj|tt|mm)[ \t]*[/.\-][ \t]*(?:mm|dd|jj|tt)\b", re.I)
# (a range's hyphen may join two: "01.12.2026-28.02.2027")
_NUMERIC = r"(?<![\d/.])(?P<a>\d{1,2})(?P<s>[/.\-])(?P<b>\d{1,2})(?P=s)(?:\d{4}|\d{2})(?!\d)(?![/.]\d)"
_WORDED_DAY_FIRST = re.compile(rf"(?<![\d/.\-])(?:[0-2]?\d|3[01])\.?[ \t]+{dates._MONTH}[ \t,]+\d{{4}}\b", re.I)
# an e-mail's header date, its time after it ("Thu, 18 Mar 2027 09:30:12 -0400", "Friday, 17 September 2027 10:15"): a mail
# program writes it so in any country, so it shows nothing of the letter's own order
_TIME_AFTER = re.compile(r"[ \t,]*\d{1,2}:\d{2}")
_WORDED_MONTH_FIRST = re.compile(rf"\b{dates._MONTH}[ \t]+(?:[0-2]?\d|3[01])(?:st|nd|rd|th)?,?[ \t]+\d{{4}}\b", re.I)


def _shown(text: str, sep: str, start: int, end: int) -> tuple[bool, bool, bool]:
    """(a numeric date day first shown, month first shown (numeric or worded), a worded date day first shown), from the
    letter's dates outside ``start:end`` (numeric ones with the birth date's separator ``sep``)."""
    day = month = False
    for m in re.finditer(_NUMERIC, text):
        if m.group("s") != sep or (m.start() < end and m.end() > start):
            continue
        a, b = int(m.group("a")), int(m.group("b"))
        day |= a > 12 and 1 <= b <= 12
        month |= b > 12 and 1 <= a <= 12
    worded_day = any(
        not (m.start() < end and m.end() > start) and not _TIME_AFTER.match(text, m.end())
        for m in _WORDED_DAY_FIRST.finditer(text)
    )
    month |= any(not (m.start() < end and m.end() > start) for m in _WORDED_MONTH_FIRST.finditer(text))
    return day, month, worded_day


def reread(text: str, start: int, end: int, read: date) -> tuple[bool, date | None]:
    """(whether the letter's own dates decide, the birth date then: day first, or None to leave it empty) for a birth
    date printed at ``text[start:end]`` and read month first as ``read``; (False, read) when nothing changes."""
    printed = _AMBIGUOUS.fullmatch(text[start:end].strip())
    if printed is None or _PATTERN.search(text):
        return False, read
    a, b = int(printed.group("a")), int(printed.group("b"))
    if a == b or a > 12 or b > 12 or (read.month, read.day) != (a, b):
        return False, read  # no doubt, or not read month first
    day, month, worded_day = _shown(text, printed.group("s"), start, end)
    if month or not (day or worded_day):
        return False, read
    if day:
        return True, dates.calendar_day(str(read.year), str(b), str(a))
    return True, None
