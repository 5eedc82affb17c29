"""A denial's reason said in its decision label's value, after a dash (issue 18's twenty-fourth set, read in the
twenty-third pass): ``Decision:     DENIED — duplicate request``. The letter's later sentences explain the
circumstances ("This request duplicates an authorization that is already active ..."); the label's own words are
the reason the payer gives, and are read first.

Guards: only a decision label (``Decision``, ``Determination``, ``Outcome``, ``Status``) opening its line whose value
opens with a denial word in capitals; the words after the dash are two to eight words of text, never a date, a code
alone, a pointer ("see below", "see page 2", "one criterion is not met (marked ✗)": the criteria list says which) or
a wording of the decision itself ("not approved")."""

from __future__ import annotations

import re

from priorauth.letters.spans import Hit, I, M

_LINE = re.compile(
    r"^[ \t|]*(?i:decision|determination|outcome|status)[ \t]*:[ \t]*(?:DENIED|NOT[ \t]+APPROVED|DECLINED)[ \t]*(?:[—–]|--?)[ \t]*"
    r"(?P<r>[A-Za-z][^\n]{3,80}?)[ \t.]*$",
    M,
)
# (nor words that point to a criteria list for the reason: "one required criterion is not met (marked ✗)")
_NOT_A_REASON = re.compile(
    r"\bsee\b|\bpage\b|\bbelow\b|\babove\b|\battached\b|\bapprov|\bden(?:ied|ial)\b|\d{1,2}/\d{1,2}|\bcriteri|\brequirements?\b|\bmarked\b|\blisted\b",
    I,
)


def reason(text: str) -> Hit | None:
    """The words after a denial label's dash, or None."""
    for m in _LINE.finditer(text):
        words = m.group("r").split()
        if 2 <= len(words) <= 8 and not _NOT_A_REASON.search(m.group("r")):
            return Hit(" ".join(words), m.start("r"), m.end("r"))
    return None
