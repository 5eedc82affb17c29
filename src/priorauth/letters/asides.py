"""A short aside in brackets between a sentence's subject and its verb ("Quillon Health (the member's insurer)
APPROVED the prior authorization"), read past when nothing else states the outcome (issue 18's twenty-second set,
the twenty-second pass).

A specialty pharmacy relaying the insurer's approval named the insurer, then who it is in brackets, then its
verb: every statement rule wants the payer and its verb side by side, so the approval was read nowhere. The aside
is blanked (the same length, every span holds) and the letter read again, only when the letter read whole states
no outcome, so an aside never changes an outcome read without it.

An aside: two to six words in round brackets, after a word and before a word, on one line, with no digit and none
of the words that carry a decision or its conditions. Guards: a negation (``(not the insurer)``), a decision or
history word (``(approved earlier)``, ``(previously denied)``), a condition (``(if eligible)``, ``(unless ...)``), a
number or a date (``(30 days)``, ``(06/01/2027)``), a one-word bracket (a drug's generic name, ``(sotorasib)``)
stay as they are."""

from __future__ import annotations

import re

_ASIDE = re.compile(
    r"(?<=[A-Za-z.])[ \t]+\((?P<w>[A-Za-z][A-Za-z'’\-]*(?:[ \t]+[A-Za-z'’\-]+){1,5})\)(?=[ \t]+[A-Za-z])"
)
_KEEP = re.compile(
    r"\b(?:not|no|never|non|un\w+|if|unless|except|approv\w*|den\w*|pend\w*|authori[sz]\w*|certif\w*|reject\w*|"
    r"declin\w*|refus\w*|previous\w*|prior|earlier|original\w*|former\w*|appeal\w*|review\w*)\b",
    re.I,
)


def without(text: str) -> str:
    """The text with each short aside blanked (the same length)."""
    return _ASIDE.sub(lambda m: m.group(0) if _KEEP.search(m.group("w")) else re.sub(r"\S", " ", m.group(0)), text)
