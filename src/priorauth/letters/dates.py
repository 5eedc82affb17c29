"""Dates as payers write them, found with their spans: ``2026-10-05``, ``10/05/2026``, ``10-05-26``,
``October 5, 2026``, ``Oct. 5th, 2026``, ``5 October 2026``, ``05-Oct-2026``, ``Oct-05-2026``,
``2026/10/05``, an app's ``Jul 8, '27``, a French letter's ``3 février 1955``, a military date (``06APR2027``, ``9DEC52``), and a claims system's
``20261005`` (eight digits that are a real day of 1900-2099 only, never inside a longer number), and
two-digit years (``1/14/27``, ``19 APR 27``, ``05-Jan-27``). The regular expressions find where a date is
(the span a field cites); python-dateutil turns the matched words into a day (month names, abbreviations,
ordinals), month first as US payers write. A match that is not a real day (``02/30/2026``) is no date.

A two-digit year's century (:func:`century`) is chosen against a reference day (for a date of birth the
letter's date when it is read, else today; for any other date today): a date of birth takes the latest
century that does not put it after the reference day (``11/3/56`` is 1956, never 2056); any other date
takes the century nearest the reference day (``1/14/27`` is 2027, ``12/31/99`` is 1999)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dateutil import parser as _parser

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:[0-2]?\d|3[01])(?:st|nd|rd|th)?"
_UNITS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_ORDINALS = {
    **{w: i + 1 for i, w in enumerate(_UNITS)},
    **{w: 10 + i for i, w in enumerate(("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth"))},
    **{w: 16 + i for i, w in enumerate(("sixteenth", "seventeenth", "eighteenth", "nineteenth"))},
    "twentieth": 20,
    "thirtieth": 30,
    **{f"twenty-{w}": 21 + i for i, w in enumerate(_UNITS)},
    "thirty-first": 31,
}
# a day in ordinal words, as formal and legal letters write it ("July twenty-third, 2026", "the
# eighteenth day of March, 2026")
_DAY_WORDS = "|".join(w.replace("-", r"[\s-]") for w in sorted(_ORDINALS, key=len, reverse=True))
# a Spanish letter's month (Puerto Rico): "15 de julio de 2027"
_MESES = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}  # fmt: skip
# a Brazilian letter's month: "17 de maio de 2027", "1.º de junho de 2027" (the first of a month an ordinal)
_MESES |= {
    "janeiro": 1, "fevereiro": 2, "março": 3, "marco": 3, "maio": 5, "junho": 6, "julho": 7,
    "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
}  # fmt: skip
_MES = "(?:" + "|".join(sorted(_MESES, key=len, reverse=True)) + ")"
# a French letter's month (Québec): "le 12 mai 2027", "3 février 1955", "1er août 2027"
_MOIS_N = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "août": 8,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
}  # fmt: skip
_MOIS = "(?:" + "|".join(_MOIS_N) + ")"
# a German letter's month: "21. Juni 2027", "3. März 2027" (the day's full stop is the German ordinal)
_MONATE = {
    "januar": 1, "jänner": 1, "janner": 1, "februar": 2, "märz": 3, "maerz": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
}  # fmt: skip
# the same dotted day before a Norwegian, Danish, Slovak, Croatian or Serbian month (the twenty-sixth pass): "18. mars
# 2027", "10. mája 2027", "12. svibnja 2027.", "3. decembra 2027" (the genitive a date takes; "listopada" is October
# in Croatian and November in Polish: never read)
_MONATE |= {
    "mars": 3, "desember": 12, "december": 12,
    "januára": 1, "februára": 2, "marca": 3, "apríla": 4, "mája": 5, "júna": 6, "júla": 7, "augusta": 8,
    "septembra": 9, "októbra": 10, "novembra": 11, "decembra": 12,
    "siječnja": 1, "veljače": 2, "ožujka": 3, "travnja": 4, "svibnja": 5, "lipnja": 6, "srpnja": 7, "kolovoza": 8,
    "rujna": 9, "studenoga": 11, "studenog": 11, "prosinca": 12,
    "januara": 1, "februara": 2, "marta": 3, "aprila": 4, "maja": 5, "juna": 6, "jula": 7, "avgusta": 8, "oktobra": 10,
}  # fmt: skip
_MONAT = "(?:" + "|".join(sorted(_MONATE, key=len, reverse=True)) + ")"
# a Dutch letter's month: "22 maart 2027", "7 juni 2027", "16 augustus 2027" (no full stop after the day)
_MAANDEN = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7, "augustus": 8,
    "september": 9, "oktober": 10, "november": 11, "december": 12,
}  # fmt: skip
# an Italian letter's month, written the same way: "Belluno, 9 marzo 2027", "25 maggio 2027"
_MAANDEN |= {
    "gennaio": 1, "febbraio": 2, "marzo": 3, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7, "agosto": 8,
    "settembre": 9, "ottobre": 10, "novembre": 11, "dicembre": 12,
}  # fmt: skip
# a Polish letter's month, its genitive after the day: "15 marca 2027 r." (never "listopada": see above)
_MAANDEN |= {
    "stycznia": 1, "lutego": 2, "marca": 3, "kwietnia": 4, "maja": 5, "czerwca": 6, "lipca": 7, "sierpnia": 8,
    "września": 9, "października": 10, "grudnia": 12,
}  # fmt: skip
# an Indonesian letter's month, written the same way (the twenty-seventh pass): "29 Maret 2027", "1 Agustus 1963" (its
# other months are spelt as the Dutch ones)
_MAANDEN |= {"maret": 3, "agustus": 8, "desember": 12, "nopember": 11, "pebruari": 2}  # fmt: skip
# a Romanian letter's month (the twenty-seventh pass): "Cluj-Napoca, 4 februarie 2027"
_MAANDEN |= {
    "ianuarie": 1, "februarie": 2, "martie": 3, "aprilie": 4, "mai": 5, "iunie": 6, "iulie": 7, "august": 8,
    "septembrie": 9, "octombrie": 10, "noiembrie": 11, "decembrie": 12,
}  # fmt: skip
_MAAND = "(?:" + "|".join(sorted(_MAANDEN, key=len, reverse=True)) + ")"
# an Italian letter's month in Roman numerals: "5.IV.2027", "21.XI.1953" (day.month.year)
_ROMAN_N = {r: i + 1 for i, r in enumerate(("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"))}
_ROMAN = "(?:" + "|".join(sorted(_ROMAN_N, key=len, reverse=True)) + ")"
# in a letter that writes its months in Roman numerals, a dotted date whose month is only ones ("14.11.1958") is what
# OCR made of I, II or III: a doubt, never read (it would be November)
ROMAN_DATE_RE = re.compile(rf"(?<![\w.])(?:0?[1-9]|[12]\d|3[01])\.[ \t]?{_ROMAN}\.[ \t]?\d{{4}}(?![\w])")
_ONES_MONTH = re.compile(r"\d{1,2}\.[ \t]?[1lI|]{1,3}\.[ \t]?\d{2,4}")


def roman_doubt(said: str, text: str) -> bool:
    """``said`` (a date found in ``text``) may be a Roman month that OCR read as ones."""
    return bool(_ONES_MONTH.fullmatch(said.strip())) and not ROMAN_DATE_RE.fullmatch(said.strip()) and bool(ROMAN_DATE_RE.search(text))


DATE = (
    r"(?:\d{4}-\d{1,2}-\d{1,2}"
    rf"|(?:0?[1-9]|[12]\d|3[01])\.[ \t]?(?-i:{_ROMAN})\.[ \t]?\d{{4}}"
    rf"|(?:0?[1-9]|[12]\d|3[01]|1\.?[º°o])\s+de\s+{_MES}\s+(?:de(?:l)?\s+)?\d{{4}}"
    rf"|(?:1er|0?[1-9]|[12]\d|3[01])\s+{_MOIS}\s+\d{{4}}"
    rf"|(?:0?[1-9]|[12]\d|3[01])\.\s*{_MONAT}\s+\d{{4}}"
    rf"|(?:0?[1-9]|[12]\d|3[01])\s+{_MAAND}\s+\d{{4}}"
    rf"|(?:19|20)\d{{2}}\s+{_MONTH}\s+(?:0?[1-9]|[12]\d|3[01])(?![\d:])"  # a memo's "2027 Aug 23"
    rf"|{_MONTH}\s+{_DAY},?\s+['’]\d{{2}}(?!\d)"  # an app's "Jul 8, '27"
    r"|(?:19|20)\d{2}[/.](?:0?[1-9]|1[0-2])[/.](?:0?[1-9]|[12]\d|3[01])(?![\d/.])"  # 2027/01/05, 2027.01.05
    r"|(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)"
    r"|\d{1,2}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?(?:\d{4}|\d{2})(?!\d)"
    rf"|{_MONTH}\s+{_DAY}(?:,?\s+|,)\d{{4}}"  # (OCR's "June 29,2027": the blank after the comma lost)
    rf"|{_DAY}\s+{_MONTH},?\s+\d{{4}}"
    rf"|{_DAY}\s+{_MONTH}\s+\d{{2}}(?!\d)"  # "19 APR 27" (a claims system's two-digit year)
    rf"|{_DAY}-{_MONTH}-\d{{2,4}}"
    r"|(?:0?[1-9]|[12]\d|3[01])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?:\d{4}|\d{2})(?!\d)"  # 06APR2027
    rf"|{_MONTH}[-/]{_DAY}[-/]\d{{4}}"  # Jan-05-2027
    rf"|{_MONTH}\s+(?:{_DAY_WORDS}),?\s+\d{{4}}"
    rf"|(?:the\s+)?(?:{_DAY_WORDS}|{_DAY})\s+day\s+of\s+{_MONTH},?\s+\d{{4}}"
    rf"|(?:the\s+)?{_DAY}\s+of\s+{_MONTH},?\s+\d{{4}}"  # "the 19th of October 2027"
    rf"|(?:19|20)\d{{2}}-{_MONTH}-(?:0?[1-9]|[12]\d|3[01])(?!\d))"  # "2027-Jul-27"
)
# a weekday before a date ("Tuesday the 19th of October 2027", "Fri 31 Dec 2027"): where a label's date may have one
WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\b\.?,?"
DATE_RE = re.compile(rf"(?<![\w/.\-]){DATE}(?![\w/])", re.IGNORECASE)


@dataclass(frozen=True)
class Found:
    day: date
    start: int
    end: int


def calendar_day(year: int | str, month: int | str, day: int | str) -> date | None:
    """The day of these numbers (digits or ints), or None when they name no calendar day (31 June, month 13)."""
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def century(day: date, birth: bool = False, near: date | None = None) -> date | None:
    """``day`` (read from a two-digit year) moved to the century the module's rule picks against ``near``
    (default today): for a date of birth the latest that is not after ``near``; else the nearest."""
    ref = near or date.today()
    found = []
    for c in (18, 19, 20, 21):
        try:
            found.append(day.replace(year=c * 100 + day.year % 100))
        except ValueError:  # 29 February of a year that has none
            continue
    if birth:
        return max((d for d in found if d <= ref), default=None)
    return min(found, key=lambda d: abs((d - ref).days), default=None)


_TWO_DIGIT_YEAR = re.compile(r"(?<![\d'])\d{2}$")


def parse(text: str, *, birth: bool = False, near: date | None = None) -> date | None:
    """The day ``text`` (one date as matched by :data:`DATE`) names, or None; a two-digit year takes the
    century of :func:`century` (``birth``: a date of birth; ``near``: the reference day, default today)."""
    day = _parse(text)
    six = re.fullmatch(r"\d{6}", text.strip())  # a help desk's MMDDYY ("062958"): a two-digit year too
    if day is None or not (six or _TWO_DIGIT_YEAR.search(text.strip())) or (re.match(r"\d{4}", text.strip()) and not six):
        return day
    moved = century(day, birth, near)
    return moved if moved is not None and 1900 <= moved.year <= 2100 else None


def _parse(text: str) -> date | None:
    if m := re.fullmatch(rf"(\d{{1,2}})\.\s*({_ROMAN})\.\s*(\d{{4}})", text.strip()):
        try:
            return date(int(m.group(3)), _ROMAN_N[m.group(2)], int(m.group(1)))
        except ValueError:
            return None
    if m := re.fullmatch(rf"(\d{{1,2}}|1\.?[º°o])\s+de\s+({_MES})\s+(?:del?\s+)?(\d{{4}})", " ".join(text.split()), re.I):
        try:
            return date(int(m.group(3)), _MESES[m.group(2).lower()], int(m.group(1)[:1] if not m.group(1).isdigit() else m.group(1)))
        except ValueError:
            return None
    if m := re.fullmatch(rf"(1er|\d{{1,2}})\s+({_MOIS})\s+(\d{{4}})", " ".join(text.split()), re.I):
        try:
            return date(int(m.group(3)), _MOIS_N[m.group(2).lower()], int(m.group(1).removesuffix("er")))
        except ValueError:
            return None
    if m := re.fullmatch(rf"(\d{{1,2}})\.\s*({_MONAT})\s+(\d{{4}})", " ".join(text.split()), re.I):
        try:
            return date(int(m.group(3)), _MONATE[m.group(2).lower()], int(m.group(1)))
        except ValueError:
            return None
    if m := re.fullmatch(rf"(\d{{1,2}})\s+({_MAAND})\s+(\d{{4}})", " ".join(text.split()), re.I):
        try:
            return date(int(m.group(3)), _MAANDEN[m.group(2).lower()], int(m.group(1)))
        except ValueError:
            return None
    text = re.sub(r"['’](\d{2})$", r"20\1", text.strip())  # "Jul 8, '27": an apostrophe year is this century's
    text = re.sub(r"(?:(?<=[A-Za-z] \d)|(?<=[A-Za-z] \d\d)),(?=\d{4}$)", ", ", text)  # OCR's "June 29,2027": its blank back
    cleaned = re.sub(r"\s*([/.\-])\s*", r"\1", text.strip()) if text[:1].isdigit() else text
    if m := re.fullmatch(rf"(?:the\s+)?({_DAY})\s+of\s+(.+)", " ".join(cleaned.split()), re.I):  # "the 19th of October 2027"
        cleaned = f"{m.group(1)} {m.group(2)}"
    if re.search(rf"\bday\s+of\b|{_DAY_WORDS}", cleaned, re.I):  # ordinal words, "the ... day of": a day's number
        cleaned = re.sub(r"^the\s+|\s+day\s+of", "", " ".join(cleaned.split()), flags=re.I)
        cleaned = re.sub(
            _DAY_WORDS, lambda m: str(_ORDINALS[m.group(0).lower().replace(" ", "-")]), cleaned, flags=re.I
        )
    if m := re.fullmatch(r"(\d{1,2})([a-z]{3})(\d{2}|\d{4})", cleaned, re.I):  # a military date: 06APR2027
        cleaned = " ".join(m.groups())
    if re.fullmatch(r"\d{8}", cleaned):
        cleaned = f"{cleaned[:4]}-{cleaned[4:6]}-{cleaned[6:]}"
    if re.fullmatch(r"\d{4}[/.]\d{1,2}[/.]\d{1,2}", cleaned):
        cleaned = re.sub(r"[/.]", "-", cleaned)
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", cleaned):
        y, m, d = (int(x) for x in cleaned.split("-"))
        try:
            return date(y, m, d)
        except ValueError:
            return None
    try:
        day = _parser.parse(cleaned, dayfirst=False, yearfirst=False, fuzzy=False).date()
    except (ValueError, OverflowError, _parser.ParserError):
        return None
    return day if 1900 <= day.year <= 2100 else None


def find(text: str, start: int = 0, end: int | None = None, near: date | None = None) -> list[Found]:
    """Every date in ``text[start:end]``, with its span in ``text`` (two-digit years nearest ``near``)."""
    out = []
    for m in DATE_RE.finditer(text, start, len(text) if end is None else end):
        if roman_doubt(m.group(0), text):
            continue
        day = parse(m.group(0), near=near)
        if day is not None:
            out.append(Found(day, m.start(), m.end()))
    return out
