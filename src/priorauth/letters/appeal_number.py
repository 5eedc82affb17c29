"""A letter that decides an appeal ("NOTICE OF FIRST-LEVEL APPEAL DECISION", "the denial is UPHELD") prints the
appeal's own number ("Appeal number: ...") and, as history, the original request's ("Original request: ..., denied
09/02/2027"): the number this letter decides under is the appeal's, never the earlier request's (issue 18,
twenty-third set).

Guards: a letter that decides no appeal keeps the number read; an appeal decision that prints no appeal number
keeps it too; a number read on any other line is never changed."""

from __future__ import annotations

import re

from priorauth.letters.spans import Hit, I

_APPEAL_DECIDED = re.compile(
    r"\bappeal\s+(?:decision|determination|outcome|review\s+decision)\b|\b(?:denial|decision)\s+(?:is\s+|was\s+|has\s+been\s+)?"
    r"(?:upheld|overturned|reversed|affirmed)\b",
    I,
)
# the earlier request's line: "Original request: X", "Initial request no. X", "Previous case: X"
_EARLIER_LINE = re.compile(
    # (never "Prior authorization number:", the new one's label: "prior" names no earlier request there)
    r"^[ \t]*(?:original|initial|earlier|first|previous)\s+(?:pa\s+|prior\s+authori[sz]ation\s+)?"
    r"(?:request|case|authori[sz]ation|reference|determination|decision)\b",
    I | re.M,
)
_APPEAL_ID = re.compile(
    r"\b(?:appeal|grievance)\s+(?:number|no\.?|#|reference|ref\.?|id|case\s+(?:number|no\.?))[ \t]*[:#]?[ \t]*"
    r"(?P<v>[A-Z0-9][A-Z0-9\-/.]{4,}[A-Z0-9])",
    I,
)


def appeal_id(text: str, number: Hit) -> Hit | None:
    """The appeal's own number when the number read is the original request's on an appeal decision, else None."""
    if not _APPEAL_DECIDED.search(text):
        return None
    line = text.rfind("\n", 0, number.start) + 1
    if not _EARLIER_LINE.match(text, line) or _EARLIER_LINE.match(text, line).end() > number.start:
        return None
    m = _APPEAL_ID.search(text)
    if m is None or not re.search(r"\d", m.group("v")):
        return None
    return Hit(m.group("v").rstrip("."), m.start("v"), m.end("v"))
