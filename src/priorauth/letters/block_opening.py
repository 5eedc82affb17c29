"""A drug's block in a letter that decides several, its decision the capital word opening the block's first line
under its heading ("2) LUMAKRAS (sotorasib) 120 mg tablets — request ..." over "APPROVED from October 8, 2027 to
...", "DENIED: the member ..."). :func:`priorauth.letters.outcome.scope` keeps LUMAKRAS's block; no rule read a
decision word that opens a line with no label before it.

Only in LUMAKRAS's block of a letter that decides other drugs too (the caller's scope), only the first printed line
under the block's heading, only a word in capitals (a prose line opening "Approved ..." is a sentence the general
rules read), then a colon, a dash, "from" / "for" / "through" / "until", a stop or the line's end. Guards: "NOT"
before an approval word is a denial; a conditional or historical word on the line says nothing."""

from __future__ import annotations

import re

from priorauth.letters.spans import Hit

_WORDS = (
    ("denied", r"NOT[ \t]+(?:APPROVED|AUTHORI[SZ]ED|COVERED|CERTIFIED)|DENIED|DECLINED|REFUSED|REJECTED"),
    ("pended", r"PENDED|PENDING|ON[ \t]+HOLD"),
    ("approved", r"APPROVED|AUTHORI[SZ]ED|CERTIFIED|GRANTED|COVERED"),
)
_OPENING = re.compile(
    r"[ \t]*\S[^\n]*\n(?:[ \t]*\n)?[ \t]*(?P<w>(?-i:[A-Z][A-Z \t]+?))(?=[ \t]*(?:[:\-–—.]|\n|$)|[ \t]+(?:from|for|through|until|effective)\b)"
)
_NOT_NOW = re.compile(r"\b(?:if|unless|previously|earlier|prior|original(?:ly)?|appeal\w*)\b", re.I)


def hit(block: str) -> Hit | None:
    """The decision opening the first line under the heading of ``block`` (the letter with only LUMAKRAS's block
    left, offsets kept)."""
    start = len(block) - len(block.lstrip())
    m = _OPENING.match(block, start)
    if m is None:
        return None
    line_end = block.find("\n", m.end())
    if _NOT_NOW.search(block[m.start("w") : line_end if line_end >= 0 else len(block)]):
        return None
    word = " ".join(m.group("w").split())
    for value, words in _WORDS:
        if re.fullmatch(words, word):
            return Hit(value, m.start("w"), m.end("w"))
    return None
