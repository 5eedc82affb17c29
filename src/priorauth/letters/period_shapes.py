"""Approved periods in three shapes :func:`priorauth.letters.fields.period` does not read, tried only where it read
none:

* a Nordic period (the twenty-third pass): ``Giltighetstid: 2027-03-22 – 2027-09-21``, ``Gyldig fra:`` over ``Gyldig
  til:`` (ISO dates; dotted dates day first, read only when their order cannot matter, as the Nordic patient's birth
  date: a fax read "(dd.mm.åååå)" as "(dd.mm.aaaa)", the dates were rewritten month first, and "09.08.2027" came out
  8 September; an end before its start gives nothing);
* a German period: a validity label (``Gültigkeitszeitraum``, ``Genehmigungszeitraum``, ``Zeitraum``, ``gültig
  vom``) over two dotted dates joined by ``bis`` ("15.01.2027 bis 14.07.2027"), day first as German letters write
  them;
* a mainframe extract's dates of seven digits, year and day of the year ("2027257"), read only where the extract
  says so ("CCYYDDD", "YYYYDDD", "year + day of year"), after a start or an end label (``FROM DT``, ``THRU DT``,
  ``EFF DATE``, ``EXP DATE``) and a colon or a column gap.

Guards: a date that is no calendar day gives nothing (a day 400, 31.02.); an end before its start gives nothing; a
seven-digit number where the letter does not say its dates are so is never a date."""

from __future__ import annotations

import re
from datetime import date, timedelta

from priorauth.letters import dates, misread
from priorauth.letters.spans import Hit, I, M

_GERMAN = re.compile(  # (a fax's "Giltigkeitszeitraum": :mod:`priorauth.letters.misread`'s stand-ins for "ü")
    rf"\b(?:{misread.marked('gültigkeitszeitraum')}|genehmigungszeitraum|bewilligungszeitraum|zeitraum|{misread.marked('gültig')}(?:\s+vom)?)\b[ \t]*:?[ \t]*"
    r"(?:vom[ \t]+)?(?P<a>\d{1,2}\.\d{1,2}\.\d{4})[ \t]+(?:bis(?:[ \t]+zum)?|-|–)[ \t]+(?P<b>\d{1,2}\.\d{1,2}\.\d{4})(?!\d)",
    I,
)
# a Nordic validity (the twenty-third pass): Swedish "Giltighetstid: 2027-03-22 – 2027-09-21", Danish or Norwegian
# "Gyldig fra: 09.08.2027" over "Gyldig til: 08.02.2028", Swedish "Giltig från ... / Giltig till ..." (ISO dates, or
# dotted dates, always day first in these languages)
_NORDIC_DAY = r"\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4}"
_NORDIC = re.compile(
    rf"\b(?:giltighetstid|gyldighedsperiode|gyldighetsperiode|giltighetsperiod)[ \t]*:?[ \t]*(?P<a>{_NORDIC_DAY})[ \t]*[–—-][ \t]*(?P<b>{_NORDIC_DAY})(?![\d.])"
    rf"|^[ \t]*(?:gyldig|giltig)[ \t]+(?:fra|fr[åa]n)[ \t]*:[ \t]*(?P<a2>{_NORDIC_DAY})[ \t]*\n[ \t]*(?:gyldig|giltig)[ \t]+(?:til|till)[ \t]*:[ \t]*(?P<b2>{_NORDIC_DAY})(?![\d.])",
    I | M,
)
# (the twenty-fifth pass: a Danish grant's "Bevillingen gælder fra 15.04.2027 til 14.04.2028", read the same way)
# a Finnish, Czech or German validity over two dotted dates (the twenty-fourth pass): "Voimassa: 1.4.2027–30.9.2027",
# "Voimassaoloaika:", "Platnost: od 4. 10. 2027 do 3. 4. 2028", "Gültigkeit: vom 15.03.2027 bis 14.09.2027" (read by
# :func:`_paired`: the order the pair's one unambiguous date shows)
_DOTTED = r"\d{1,2}\.[ ]?\d{1,2}\.[ ]?\d{4}"
_VALIDITY = re.compile(
    rf"\b(?:voimassa(?:oloaika)?|platnost|{misread.marked('gültigkeit')}|{misread.marked('gültig')}[ \t]+von|g[æa]lder[ \t]+fra|gyldig[ \t]+fra)\b[ \t]*:?[ \t]*(?:od[ \t]+|vom[ \t]+)?"
    rf"(?P<a>{_DOTTED})[ \t]*(?:[–—-]|do|bis|til)[ \t]*(?P<b>{_DOTTED})(?!\d|\.\d)",  # (a sentence's stop may follow)
    I,
)
# a validity label in Polish, Lithuanian, Slovak, Croatian or Spanish, then its "from ... to" words (the twenty-sixth
# pass): "Okres finansowania: od 22.03.2027 r. do 21.06.2027 r.", "Laikotarpis: nuo 2027-05-05 iki 2027-11-04",
# "Vigencia: desde 2027/04/28 hasta 2027/07/27", a Norwegian "Gyldighet: fra og med 22. mars 2027 til og med ..." (a
# dotted pair read by :func:`_paired`, a year-first one as it is, month names by their words)
_YEAR_FIRST = r"\d{4}[-/.]\d{2}[-/.]\d{2}"
_WORDED = r"\d{1,2}\.?[ \t]+[^\W\d]+[ \t]+\d{4}"
_FOREIGN_RANGE = re.compile(
    r"^[ \t]*(?:okres(?:[ \t]+\w+)?|laikotarpis|obdobie|razdoblje|vigencia|per[ií]odo(?:[ \t]+de[ \t]+vigencia)?|gyldighet|"
    r"gyldighetsperiode|gyldig(?=[ \t]+fra[ \t])|"  # (a Norwegian "Gyldig fra ... til og med ...", the twenty-eighth pass)
    # the twenty-eighth set's (the twenty-seventh pass): an Estonian "Kehtivus: ... kuni ...", a Swiss German
    # "Gültigkeit: vom ... bis ...", a Czech "Platnost schválení: od ... do ...", a Turkish "Geçerlilik : ... - ..."
    r"kehtivus|g[üu]ltigkeit|platnost(?:[ \t]+schv[áa]len[íi])?|ge[çc]erlilik)[ \t]*:?[ \t]*"
    rf"(?:(?:od|nuo|desde|del|fra(?:[ \t]+og[ \t]+med)?|vom)[ \t]+)?(?P<a>{_DOTTED}|{_YEAR_FIRST}|{_WORDED})(?:[ \t]*r\.)?[ \t]+"
    rf"(?:do|iki|hasta|al|til(?:[ \t]+og[ \t]+med)?|kuni|bis|[-–])[ \t]+(?P<b>{_DOTTED}|{_YEAR_FIRST}|{_WORDED})(?![\d/-]|\.\d)",
    I | M,
)
_LONG_JULIAN_SAID = re.compile(r"\b(?:CCYYDDD|YYYYDDD)\b|\byear\s*\+\s*day\s+of\s+(?:the\s+)?year\b", I)
_SEP = r"(?:[ \t]*[:.][ \t]*|[ \t]{2,})"
_FROM = re.compile(rf"^[ \t]*(?:from|start|eff(?:ective)?|begin)[-_ ]?(?:dt|date){_SEP}(?P<j>\d{{7}})[ \t]*$", I | M)
_THRU = re.compile(rf"^[ \t]*(?:thru|through|to|end|exp(?:ires)?)[-_ ]?(?:dt|date){_SEP}(?P<j>\d{{7}})[ \t]*$", I | M)


def _day_first(value: str) -> date | None:
    if "-" in value:  # an ISO date
        y, m, d = value.split("-")
        return dates.calendar_day(y, m, d)
    d, m, y = value.split(".")
    return dates.calendar_day(y, m, d)


def _nordic_day(value: str) -> date | None:
    """An ISO date; a dotted one only when its order cannot matter (its first number above 12, or day and month the
    same): a letter that says "(dd.mm.åååå)" may have had its dates rewritten month first already (a fax reads the
    note "(dd.mm.aaaa)", which ``fields.day_first`` knows), so an ambiguous dotted date's order is not known here."""
    if "-" not in value:
        first, second = value.split(".")[:2]
        if int(first) <= 12 and first.lstrip("0") != second.lstrip("0"):
            return None
    return _day_first(value)


def _paired(a: str, b: str) -> tuple[date, date] | None:
    """Two dotted dates of one range read in the order one of them shows (its first number above 12: day first; its
    second: month first), which holds whether or not the letter's dates were rewritten month first; None when
    neither shows it and either could be swapped, when they show different orders, or either is no calendar day."""
    orders = set()
    for value in (a, b):
        first, second = (int(x) for x in value.replace(" ", "").split(".")[:2])
        if first > 12:
            orders.add("day")
        elif second > 12:
            orders.add("month")
        elif first != second:
            orders.add("either")
    fixed = orders - {"either"}
    if len(fixed) != 1:
        return None
    read = []
    for value in (a, b):
        x, y, year = value.replace(" ", "").split(".")
        day = dates.calendar_day(year, y, x) if fixed == {"day"} else dates.calendar_day(year, x, y)
        if day is None:
            return None
        read.append(day)
    return read[0], read[1]


def _foreign_pair(a: str, b: str) -> tuple[date, date] | None:
    """Two dates of a :data:`_FOREIGN_RANGE`: year-first ones as they are, dotted ones by :func:`_paired`; an end
    before its start, or a year-first date beside a dotted one, gives nothing."""
    if re.match(r"\d{4}", a) and re.match(r"\d{4}", b):
        start, end = (dates.calendar_day(*re.split(r"[-/.]", v)) for v in (a, b))
        pair = (start, end) if start and end else None
    elif re.fullmatch(_WORDED, a) and re.fullmatch(_WORDED, b):
        start, end = dates.parse(a), dates.parse(b)  # a month's name: its order is its words'
        pair = (start, end) if start and end else None
    elif re.fullmatch(_DOTTED, a) and re.fullmatch(_DOTTED, b):
        pair = _paired(a, b)
    else:
        pair = None
    return pair if pair and pair[0] <= pair[1] else None


def long_julian(value: str) -> date | None:
    """A date of seven digits, year and day of the year ("2027257" is 14 September 2027)."""
    year, ddd = int(value[:4]), int(value[4:])
    if not 1900 <= year <= 2100 or not 1 <= ddd <= 366:
        return None
    day = date(year, 1, 1) + timedelta(days=ddd - 1)
    return day if day.year == year else None


def _hit(day: date | None, m: re.Match[str], group: str) -> Hit | None:
    return Hit(day, m.start(group), m.end(group)) if day is not None else None


def period(text: str) -> tuple[Hit | None, Hit | None] | None:
    """(start, end) in one of the module's shapes, or None."""
    if (m := _GERMAN.search(text)) is not None:
        a, b = _day_first(m.group("a")), _day_first(m.group("b"))
        if a is not None and b is not None and a <= b:
            return _hit(a, m, "a"), _hit(b, m, "b")
    if (m := _NORDIC.search(text)) is not None:
        ga, gb = ("a", "b") if m.group("a") else ("a2", "b2")
        a, b = _nordic_day(m.group(ga)), _nordic_day(m.group(gb))
        if a is not None and b is not None and a <= b:
            return _hit(a, m, ga), _hit(b, m, gb)
    if (m := _VALIDITY.search(text)) is not None and (pair := _paired(m.group("a"), m.group("b"))) and pair[0] <= pair[1]:
        return _hit(pair[0], m, "a"), _hit(pair[1], m, "b")
    if (m := _FOREIGN_RANGE.search(text)) is not None and (pair := _foreign_pair(m.group("a"), m.group("b"))):
        return _hit(pair[0], m, "a"), _hit(pair[1], m, "b")
    if _LONG_JULIAN_SAID.search(text):
        start, end = _FROM.search(text), _THRU.search(text)
        a = _hit(long_julian(start.group("j")), start, "j") if start else None
        b = _hit(long_julian(end.group("j")), end, "j") if end else None
        if (a or b) and not (a and b and a.value > b.value):
            return a, b
    return None
