"""Approved periods in three more shapes, tried where :func:`priorauth.letters.fields.period` and
:mod:`priorauth.letters.period_shapes` read none or half of one (issue 18's twenty-first set):

* a start label and an end label on one line, each over its date ("Approved from:  06/14/2027   to:  12/13/2027"),
  their labels bilingual too ("From / Desde:  07/12/2027   To / Hasta:  01/11/2028");
* a Dutch validity ("Geldig van 20-01-2027 tot en met 19-07-2027", "geldig vanaf ... t/m ..."), day first as
  Dutch letters write dates;
* a range of month names whose year is printed once, on its end ("Valid  Jun 1 – Nov 30, 2027"), after a
  validity label; a start month later than the end's is in the year before ("Nov 15 – Feb 14, 2028").

Guards: an end before its start gives nothing; a line whose label is a request's or a birth's ("Requested from",
"Date of birth") is not read; a date that is no calendar day gives nothing."""

from __future__ import annotations

import re
from datetime import date

from priorauth.letters import dates
from priorauth.letters.spans import Hit, I, M

_NUM = r"\d{1,2}/\d{1,2}/\d{4}"
_FROM_LABEL = r"(?:(?:approved|authori[sz]ed|valid|effective|coverage|covered|period)[ \t]+)?(?:from|desde|van|vanaf)(?:[ \t]*/[ \t]*(?:from|desde|van))?"
_TO_LABEL = r"(?:to|through|thru|until|hasta|tot(?:[ \t]+en[ \t]+met)?)(?:[ \t]*/[ \t]*(?:to|through|hasta|tot))?"
_SAME_LINE = re.compile(
    rf"^(?P<lead>[^\n]{{0,30}}?)(?<![\w])(?:{_FROM_LABEL})[ \t]*:[ \t]*(?P<a>{_NUM})[ \t]+(?:{_TO_LABEL})[ \t]*:[ \t]*(?P<b>{_NUM})(?!\d)",
    M,
)
_NOT_OURS = re.compile(r"request|asked|birth|dob|service|received|submitted", I)
_DUTCH = re.compile(
    r"\bgeldig(?:heid)?(?:[ \t]+(?:van|vanaf))?[ \t]*:?[ \t]*(?P<a>\d{1,2}-\d{1,2}-\d{4})[ \t]+(?:tot[ \t]+en[ \t]+met|t/m|tot)[ \t]+(?P<b>\d{1,2}-\d{1,2}-\d{4})(?!\d)",
    I,
)
_MON = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_ONE_YEAR = re.compile(
    rf"\b(?:valid|validity|approved|authori[sz]ed|coverage|covered|period|effective|dates?)\b[^\n]{{0,20}}?"
    rf"(?P<a>(?P<m1>{_MON})[ \t]+(?P<d1>\d{{1,2}}))[ \t]*(?:[–—-]|to|through|thru)[ \t]*"
    rf"(?P<b>(?P<m2>{_MON})[ \t]+(?P<d2>\d{{1,2}}),?[ \t]+(?P<y>\d{{4}}))(?!\d)",
    I,
)


def _day_first(value: str) -> date | None:
    d, m, y = value.split("-")
    return dates.calendar_day(y, m, d)


def _span(a: date | None, b: date | None, m: re.Match[str]) -> tuple[Hit, Hit] | None:
    if a is None or b is None or a > b:
        return None
    return Hit(a, m.start("a"), m.end("a")), Hit(b, m.start("b"), m.end("b"))


def _one_year(m: re.Match[str]) -> tuple[Hit, Hit] | None:
    end = dates.parse(m.group("b"))
    if end is None:
        return None
    start = dates.parse(f"{m.group('a')}, {end.year}")
    if start is not None and start > end:
        start = dates.parse(f"{m.group('a')}, {end.year - 1}")
    return _span(start, end, m)


def period(text: str) -> tuple[Hit, Hit] | None:
    """(start, end) in one of the module's shapes, or None."""
    for m in _SAME_LINE.finditer(text):
        if not _NOT_OURS.search(m.group("lead")) and (span := _span(dates.parse(m.group("a")), dates.parse(m.group("b")), m)):
            return span
    if (m := _DUTCH.search(text)) and (span := _span(_day_first(m.group("a")), _day_first(m.group("b")), m)):
        return span
    for m in _ONE_YEAR.finditer(text):
        if span := _one_year(m):
            return span
    return None


def completed(span: tuple[Hit | None, Hit | None] | None, text: str) -> tuple[Hit | None, Hit | None] | None:
    """``span`` (the other rules' reading) with this module's reading where it has none, or only half of one
    that this module's reading agrees with (the same start, or the same end)."""
    found = period(text)
    if found is None:
        return span
    if not span or span == (None, None):
        return found
    a, b = span
    if a is not None and b is None and a.value == found[0].value:
        return a, found[1]
    if b is not None and a is None and b.value == found[1].value:
        return found[0], b
    return span
