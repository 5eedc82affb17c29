"""A household statement: one letter listing several members' decisions (issue 18's twenty-fourth set, its safety
pass).

A plan's statement mailed to the subscriber lists each member of the policy as an entry, ``-- Member: <name>  Birth
date <date>  Member no. <id>`` over that member's decisions. The patient rules read the first entry's name, birth
date and id, the subscriber's, and this patient's letter was flagged as another's. When the letter has two entries
or more under the same label opening a line (``Member:``, ``Patient:``, ``Enrollee:``, ``Beneficiary:``), each with
a date of birth or a member number on its line, and with two names or more, the patient is read in the one entry
(from its line to the next entry) that names LUMAKRAS or sotorasib.

Guards: one entry, or entries naming one person (a letter naming its patient twice), read as before; entries
without a birth date or member number on their line (a letter's patient and, later, a ``Member:`` of another kind);
no entry or two entries naming LUMAKRAS: read as before (never a guess between them)."""

from __future__ import annotations

import re

_ENTRY = re.compile(
    r"^[ \t]*(?:[-–—*•>]+[ \t]*)?(?P<label>(?i:member|patient|enrollee|beneficiary))[ \t]*:[ \t]*"
    r"(?P<v>(?-i:[A-Z][A-Za-z'’\-.]*(?:[ \t][A-Z][A-Za-z'’\-.]*){1,3}))"
    r"(?=[^\n]*\b(?i:birth|born|DOB|member[ \t]+(?:no|number|id)))",
    re.M,
)
_OURS = re.compile(r"\b(?:lumakras|sotorasib)\b", re.I)


def entry(text: str) -> tuple[int, int] | None:
    """(start, end) of the one household entry naming LUMAKRAS, or None when the letter is no household statement
    or no single entry names it."""
    entries = list(_ENTRY.finditer(text))
    if len(entries) < 2 or len({e.group("label").lower() for e in entries}) != 1:
        return None
    if len({" ".join(e.group("v").casefold().split()) for e in entries}) < 2:
        return None
    spans = [(e.start(), entries[n + 1].start() if n + 1 < len(entries) else len(text)) for n, e in enumerate(entries)]
    ours = [s for s in spans if _OURS.search(text, *s)]
    return ours[0] if len(ours) == 1 else None
