"""A letter's own date said in its first sentence, the payer as its subject: "Ashgrove Health writes on April 6, 2027
about ...", "We are writing on 3 May 2027 to ...". A letter run as one paragraph has no dateline and no ``Date:``
label; its date is the day it says it writes.

Only in the letter's first 400 characters, only "write(s) / wrote / are writing" then "on" and a date (never
"you wrote on <date>": the request's date, nor "wrote to us on"); the caller tries it last."""

from __future__ import annotations

import re

from priorauth.letters import dates
from priorauth.letters.spans import Hit, I

_WRITES_ON = re.compile(
    rf"(?<!\byou )\b(?:writes|wrote|(?:is|are|am)\s+writing)\s+(?:today\s+)?on\s+(?:{dates.WEEKDAY},?\s+)?(?P<d>{dates.DATE})",
    I,
)


def letter_date(text: str) -> Hit | None:
    """The day the letter says it writes, or None."""
    m = _WRITES_ON.search(text[:400])
    if m is None or (day := dates.parse(m.group("d"))) is None:
        return None
    return Hit(day, m.start("d"), m.end("d"))
