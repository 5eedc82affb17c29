"""A portal's CSV export whose field names are quoted, as a spreadsheet saves one
(``"Member Name","Member DOB","PA Ref","Status",...`` over one row of quoted values): the header of
:func:`priorauth.letters.tables._csv`'s rows, the same one-row rule after it (a second row lists several
requests, none of which is read as this one).

A PDF narrower than the row wraps the header inside a name (``"Status`` / ``Date"``) or after a comma: the
lines are joined until every quote is closed. Guards: a name is words (no digit: a row of values such as
``"Exported","05/14/2027 08:11"`` is no header), three names or more, every cell quoted."""

from __future__ import annotations

import re

from priorauth.letters.spans import Hit

_NAME = r'"[ \t]?[A-Za-z][A-Za-z #./()\-]{0,40}"'  # (a blank after the quote: OCR's)
QUOTED_HEADER = re.compile(rf"[ \t]*{_NAME}(?:[ \t]*,[ \t]*{_NAME}){{2,}}[ \t]*")
_OPENS = re.compile(r'^[ \t]*"[ \t]?[A-Za-z]')
_WRAPS = 3  # a header wraps over four lines at most


def header(lines: list[str], i: int) -> tuple[list[str], int] | None:
    """(the field names, the index of the values' first line) of a quoted header opening ``lines[i]``."""
    if not _OPENS.match(lines[i]):
        return None
    joined, j = lines[i].rstrip(), i + 1
    while (joined.count('"') % 2 or joined.endswith(",")) and j < len(lines) and j - i <= _WRAPS:
        glue = "" if joined.endswith(",") else " "  # a wrap after a comma, or inside a name ("Status" / "Date")
        joined, j = joined + glue + lines[j].strip(), j + 1
    if j >= len(lines) or not QUOTED_HEADER.fullmatch(joined):
        return None
    return [" ".join(n.split()) for n in re.findall(r'"([^"]*)"', joined)], j


# a record's bare reason field ("Reason", "Reason text", "Reason description"): in a record printed raw (a CSV row,
# a markup message) the one reason column beside a denied status is the denial's; in prose "reason" is no label
_REASON = re.compile(r"^Reason(?:[ \t]+(?:text|description|desc))?:[ \t]*(?P<v>[^\n]*[A-Za-z][^\n]*)$", re.M | re.I)


def reason(lines: str) -> Hit | None:
    """The value of a record's bare ``Reason`` field, in :func:`priorauth.letters.tables.pairs`' lines."""
    m = _REASON.search(lines)
    if m is None or len(m.group("v").strip()) < 10:
        return None
    return Hit(" ".join(m.group("v").split()), m.start("v"), m.start("v") + len(m.group("v").rstrip()))


# what OCR makes of a CSV export's straight quotes: curly ones, a quote doubled after a name ("Reason”"), a blank after an
# opening quote (", PA Ref"); read only in an export (two lines or more of three quoted cells)
_CURLY = re.compile(r"[“”„″]")
_QUOTED_CELLS = re.compile(r'(?m)^(?:[^\n]*["“”„″][ \t]*,[ \t]*["“”„″]){3}')
_DOUBLED = re.compile(r'(?<=[A-Za-z])""(?=[ \t]*(?:,|$))', re.M)


def straightened(text: str) -> str:
    """The export's quotes as the file had them (the same length: every span holds); any other text as it is."""
    if len(_QUOTED_CELLS.findall(text)) < 2:
        return text
    return _DOUBLED.sub('" ', _CURLY.sub('"', text))
