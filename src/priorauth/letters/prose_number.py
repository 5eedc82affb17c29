"""A request's number named in a sentence, not under a label: "have been approved under authorization
APH·27·0406·31, which runs ...", "the request for LUMAKRAS, reference APH·27·0427·07, because ...", and a
continuation page's running head "Reference APH·27·0713·22 · <name>". The labelled rules of
:mod:`priorauth.letters.fields` read a number after a label and its colon, leaders or column; a number run into
the prose was left empty.

Shapes: ``under / with (prior) authorization [number|no.|#] <id>``; ``reference <id>`` set off by commas or
brackets (an appositive); ``Reference <id>`` opening a line; ``the current request, <id>,``. The id has a digit and ten characters or more (so
"reference 27" or a year is none), and is never followed by a word that makes it something else's ("member",
"claim"). Only where the labelled rules left the number empty (the caller's order)."""

from __future__ import annotations

import re

from priorauth.letters.request_number import _ID
from priorauth.letters.spans import Hit

_SHAPES = (
    re.compile(
        rf"\b(?:under|with)[ \t\n]+(?:(?:the|prior|your)[ \t\n]+)?authori[sz]ation[ \t\n]+(?:(?:number|no\.?|#)[ \t\n]*)?{_ID}(?=[,.;)]?(?:[ \t\n]|$))",
        re.I,
    ),
    re.compile(rf"(?<=[,(])[ \t\n]*reference[ \t\n]+(?:(?:number|no\.?|#)[ \t\n]*)?{_ID}(?=[ \t]*[,)])", re.I),
    re.compile(rf"^[ \t]*Reference[ \t]+{_ID}(?=[ \t]|$)", re.M),
    # this request's id set off by commas after its name: "The current request, THP-27..., is approved" (the thirty-first
    # pass; never an earlier one's: "The earlier request, ..., was denied")
    re.compile(rf"\b(?:the|this|your)[ \t\n]+(?:current|present|new)[ \t\n]+request,[ \t\n]*{_ID}(?=[ \t]*,)", re.I),
)
_SOMETHING_ELSE = re.compile(r"[,)]?[ \t\n]+(?:of\s+the\s+)?(?:member|claim|invoice|account|fax|phone)\b", re.I)


def number(text: str) -> Hit | None:
    """The first number said in one of the shapes (the module's text), or None."""
    found = []
    for shape in _SHAPES:
        for m in shape.finditer(text):
            value = m.group("v")
            if len(re.sub(r"[^A-Za-z0-9]", "", value)) < 8 or len(value) < 10 or _SOMETHING_ELSE.match(text, m.end("v")):
                continue
            found.append(Hit(value, m.start("v"), m.end("v")))
    return min(found, key=lambda h: h.start, default=None)
