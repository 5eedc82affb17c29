"""A column table's row under a history heading is an earlier request's (issue 18's thirty-third set, its safety pass).

A letter may print the member's requests for the drug as a column table under a heading such as "Request history for
this member and drug:" (``Request  Received  Decision  Dates`` over one row per request, the earliest first). The
column-table reader reads the header over the first row, so the number it finds there is the earliest request's, not
this letter's. The number rules already leave a history block's rows (:func:`priorauth.letters.stale.stale`); the
table's hit is held to the same check here. Such a number is not proposed (empty, with a warning). Guards: a table
under a heading of no history ("Decision details:"), the history's row marked as this request's ("<- this request"),
and a number read outside any table are read as before."""

from __future__ import annotations

from priorauth.letters.spans import Hit
from priorauth.letters.stale import stale


def earlier(text: str, hit: Hit | None) -> bool:
    """The number ``hit`` (read from ``text``, its span in it) stands in a history block: an earlier request's."""
    return hit is not None and stale(text, hit.start)
