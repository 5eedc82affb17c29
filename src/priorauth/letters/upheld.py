"""A review's decision "UPHELD" said of the plan's denial: the request stays denied (issue 18's twenty-second set,
the twenty-second pass).

Two review letters of the twenty-second set (an independent external review, a plan's reconsideration) state their
decision as one word after a decision label or heading (``DECISION: UPHELD``, ``RECONSIDERATION DECISION —
UPHELD``) and say in a sentence what was upheld: "the health plan's adverse benefit determination should be
upheld", "Our decision not to approve LUMAKRAS stays the same." Neither sentence is a denial in words any rule read,
and "upheld" alone says nothing of which side won: a member's grievance or appeal "upheld" is the member's win.

So the label's ``UPHELD`` is a denial only when the letter also says that an adverse decision (``adverse
(benefit) determination``, ``denial``, ``decision not to approve / cover / authorize``, ``decision to deny``) is
upheld, affirmed, maintained or stays the same. Guards: an appeal, grievance, complaint or request said to be
upheld (the member's side), ``upheld in part`` / ``partially upheld``, a letter that also says a decision was
overturned or reversed, and a label whose value goes on after the word (``UPHELD IN PART``) decide nothing.
Read only when no other rule states an outcome."""

from __future__ import annotations

import re

from priorauth.letters.spans import Hit, I, M

_LABEL = re.compile(
    r"^[ \t|]*(?:[A-Za-z][A-Za-z\-]*[ \t]+){0,3}(?:decision|determination|outcome|result)[ \t]*(?::|[—–]|--?)[ \t]*"
    r"(?P<v>upheld)[ \t.!]*$",
    I | M,
)
_ADVERSE = (
    r"(?:adverse(?:[ \t]+benefit)?[ \t]+(?:determination|decision)|denial|decision[ \t]+(?:not[ \t]+to[ \t]+"
    r"(?:approve|cover|authori[sz]e|certify)|to[ \t]+deny))"
)
_KEPT = re.compile(
    rf"\b{_ADVERSE}\b[^.]{{0,80}}?\b(?:(?:should[ \t]+be|is|was|has[ \t]+been|will[ \t]+be)[ \t]+"
    r"(?:upheld|affirmed|maintained|sustained)|stays[ \t]+the[ \t]+same|remains?[ \t]+(?:in[ \t]+effect|unchanged|the[ \t]+same))\b",
    I,
)
_MEMBER_WON = re.compile(
    r"\b(?:appeal|grievance|complaint|request|objection)[ \t]+(?:(?:is|was|has[ \t]+been|have[ \t]+been)[ \t]+)?upheld\b|"
    r"\bupheld[ \t]+in[ \t]+part\b|\b(?:partially|partly)[ \t]+upheld\b|\b(?:overturned|reversed)\b",
    I,
)


def hits(text: str) -> list[Hit]:
    """A decision label's ``UPHELD`` read as a denial (its span is the word), when the letter says the upheld
    decision was adverse; [] otherwise."""
    flat = " ".join(text.split())
    if _MEMBER_WON.search(flat) or not _KEPT.search(flat):
        return []
    return [Hit("denied", m.start("v"), m.end("v")) for m in _LABEL.finditer(text)]
