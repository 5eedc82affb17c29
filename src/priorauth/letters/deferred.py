"""A decision deferred, said of the body that decides ("The panel DEFERRED its decision pending: ...", "our
decision has been postponed until we receive ..."): the request is pended. Read when no other rule states an
outcome.

Issue 18's twenty-first set had a funding panel's letter whose only statement was that the panel had deferred its
decision pending two documents: no pended word, no label. Guards: a condition, history or an appeal in the sentence
(:data:`priorauth.letters.decision._NOT_NOW`: "if the panel defers its decision", "the earlier decision was
deferred"), a negation ("has not deferred its decision") and a deferred payment or start ("deferred start date")
say nothing."""

from __future__ import annotations

import re

from priorauth.letters.decision import _NOT_NOW
from priorauth.letters.spans import _SENTENCE, Hit, I

_PUT_OFF = r"(?:deferred|postponed|adjourned|put\s+off|held\s+over)"
_DEFERRED = re.compile(
    rf"\b{_PUT_OFF}\s+(?:its|the|their|our|a|any|this)?\s*(?:decision|determination|ruling)\b|"
    rf"\b(?:decision|determination|ruling)\s+(?:on\s+[^.;\n]{{1,60}}?\s+)?(?:has\s+been|have\s+been|was|is|were|will\s+be)\s+{_PUT_OFF}\b",
    I,
)
_NOT = re.compile(r"\b(?:not|no|never|cannot)\b", I)
_MONTH_MAY = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+May\b|\bMay\s+\d{1,2}\b")


def hits(text: str) -> list[Hit]:
    """Each sentence that says the decision was deferred, as a pended hit on its words."""
    found = []
    for s in _SENTENCE.finditer(text):
        m = _DEFERRED.search(s.group(0))
        said = _MONTH_MAY.sub(lambda d: " " * len(d.group(0)), s.group(0))  # "on 3 May": a month, no "may"
        if m and not _NOT_NOW.search(said) and not _NOT.search(said[: m.end()]):
            found.append(Hit("pended", s.start() + m.start(), s.start() + m.end()))
    return found
