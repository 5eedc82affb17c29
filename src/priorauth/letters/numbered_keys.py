"""A record's numbered keys and its appeal window in parts, as a portal's INI export writes them (its keys already
read as labels by :func:`priorauth.letters.fields.unmarked`: ``info_needed_1 = ...`` is ``info needed 1 : ...``):

* what was requested, one item a key (``info needed 1``, ``documents requested 2``, ``item needed 3``);
* the denial's reason over several keys (``reason 1``, ``reason 2``), read as one reason in their order;
* the appeal window as a count of days and the name of the record's date it counts from (``appeal days : 90``,
  ``appeal counted from : decided``, ``decided : 2027-04-14``).

Tried only where the labelled rules read nothing. Guards: a key's number must run 1, 2, ... (a lone ``reason 2`` is
not a list); the window's date is the record's own key named by the export, never a date guessed."""

from __future__ import annotations

import re
from datetime import timedelta

from priorauth.letters import dates
from priorauth.letters.spans import Hit, I, M

_SEP = r"[ \t]*[:=][ \t]*"
_ITEM_KEY = re.compile(
    rf"^[ \t]*(?:info(?:rmation)?|items?|documents?|records?|docs?)[ \t]+(?:needed|requested|required|missing)[ \t]+(?P<n>\d{{1,2}}){_SEP}(?P<v>\S[^\n]*?)[ \t]*$",
    I | M,
)
_REASON_KEY = re.compile(rf"^[ \t]*(?:denial[ \t]+)?reason[ \t]+(?P<n>\d{{1,2}}){_SEP}(?P<v>\S[^\n]*?)[ \t]*$", I | M)
_DAYS = re.compile(rf"^[ \t]*appeal[ \t]+(?:window[ \t]+)?days{_SEP}(?P<n>\d{{1,3}})[ \t]*$", I | M)
_FROM = re.compile(rf"^[ \t]*appeal[ \t]+(?:days[ \t]+)?counted[ \t]+from{_SEP}(?P<k>[A-Za-z][A-Za-z ]{{1,30}}?)[ \t]*$", I | M)


def _in_order(found: list[re.Match[str]]) -> list[re.Match[str]]:
    return found if [int(m.group("n")) for m in found] == list(range(1, len(found) + 1)) else []


def requested(text: str) -> list[Hit]:
    """The items of numbered request keys, in order (none unless they run 1, 2, ...)."""
    return [Hit(m.group("v"), m.start("v"), m.end("v")) for m in _in_order(list(_ITEM_KEY.finditer(text)))]


def reason(text: str) -> Hit | None:
    """The reason said over numbered reason keys, as one reason."""
    found = _in_order(list(_REASON_KEY.finditer(text)))
    if not found:
        return None
    said = " ".join(m.group("v").rstrip(";,") for m in found)
    return Hit(said, found[0].start("v"), found[-1].end("v"))


def appeal_deadline(text: str) -> Hit | None:
    """The record's appeal window counted from the date key it names."""
    days, start = _DAYS.search(text), _FROM.search(text)
    if days is None or start is None:
        return None
    key = re.escape(" ".join(start.group("k").split())).replace(r"\ ", r"[ \t]+")
    said = re.search(rf"^[ \t]*{key}{_SEP}(?P<d>{dates.DATE})[ \t]*$", text, I | M)
    if said is None or (day := dates.parse(said.group("d"))) is None:
        return None
    n = int(days.group("n"))
    return Hit(day + timedelta(days=n), days.start("n"), days.end("n"), f"{n} days from the {start.group('k').strip()} date")
