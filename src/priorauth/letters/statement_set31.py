"""A payer's statement of its decision in the wordings of US plans' letters the thirty-first set brought (the
twenty-ninth pass): a plan that "has pended the prior authorization" or "requests additional information", a request
"under clinical review" (a status: the request is pending), and what keeps such words from stating an outcome: an
approval's words inside what the plan could not show ("we could not show that the coverage criteria were met": no
approval), a "prior approval request" (the US name of the request, never an earlier approval: see
:mod:`priorauth.letters.outcome_guards`).

Read by :mod:`priorauth.letters.outcome` with the other statements (:mod:`priorauth.letters.statements`), under the same
guards. Guards of their own: "under review" only of the request (or a status label's value) and never in a letter that
says it is a receipt or not a decision ("This receipt is not a decision"); a request for information only said by the
plan ("the plan requests", "we request"), never the office's ("you may request additional information")."""

from __future__ import annotations

import re

from priorauth.letters.spans import I

APPROVED = [
    # a fax's "authonzed" ("ri" read as one "n", as :data:`priorauth.letters.misread.PRIOR`'s "pnor"): "The service below
    # has been authonzed" (never after "not": "has not been authonzed" is no approval)
    r"(?<!\bnot\s)\b(?:is|was|has\s+been|have\s+been|are|were)\s+(?:now\s+)?authon[sz]ed\b",
]
DENIED: list[str] = []
PENDED = [
    # "Westline Health has pended the prior authorization", "we have pended your request"
    r"\b(?:has|have|had)\s+(?:now\s+)?pended\s+(?:the|your|this)\s+(?:prior\s+authori[sz]ation|pre-?authori[sz]ation|precertification|"
    r"request|PA|case|coverage\s+request)\b",
    # a heading or sentence: "PLAN REQUESTS ADDITIONAL INFORMATION", "The plan requests more clinical information"
    r"\b(?:the\s+)?(?:plan|payer|insurer|we)\s+requests?\s+(?:additional|more|further)\s+(?:clinical\s+|medical\s+)?"
    r"(?:information|documentation|records)\b",
]
# the request under review, as a status: "Your request is under clinical review", "STATUS: UNDER MEDICAL REVIEW"
UNDER_REVIEW = [
    r"\b(?:your|the|this)\s+(?:prior\s+authori[sz]ation\s+|precertification\s+|coverage\s+)?(?:request|case)\s+is\s+"
    r"(?:now\s+|currently\s+)?under\s+(?:clinical|medical|pharmacist|physician)\s+review\b",
    r"(?:^|\n)[ \t]*(?:[A-Za-z-]+[ \t]+){0,2}status(?:[ \t]+update)?[ \t]*:[ \t]*(?:pending[ \t]*[-–][ \t]*)?"
    r"under[ \t]+(?:clinical|medical)[ \t]+review\b",
]
_UNDER_REVIEW_RES = [re.compile(p, I) for p in UNDER_REVIEW]
# a receipt or an acknowledgement, or a letter that says it is no decision: its "under review" is no pended notice
_RECEIPT = re.compile(
    r"\b(?:receipt|acknowledge?ment|acknowledges?|we\s+(?:have\s+)?received\s+your\s+(?:request|documents|records))\b|"
    r"\bnot\s+a\s+(?:decision|determination)\b",
    I,
)

# what a plan could not show, establish or confirm: the approval's words inside it ("... that the criteria were met")
# state no approval
_UNPROVEN = re.compile(
    r"\b(?:could\s+not|cannot|can\s*not|did\s+not|does\s+not|were\s+unable\s+to|are\s+unable\s+to|unable\s+to|not\s+able\s+to)\s+"
    r"(?:show|establish|confirm|determine|verify|demonstrate|document|find)\s+that\b[^.;]{0,120}",
    I,
)


def under_review(sentence: str, text: str) -> re.Match[str] | None:
    """The request's status "under clinical review" said in ``sentence``, unless ``text`` (the letter) is a
    receipt or says it is not a decision."""
    for p in _UNDER_REVIEW_RES:
        if m := p.search(sentence):
            return None if _RECEIPT.search(text) else m
    return None


def unproven(sentence: str, start: int) -> bool:
    """Whether the approval's words at ``start`` in ``sentence`` are what the plan could not show ("we could not
    show that the coverage criteria were met")."""
    return any(m.start() < start < m.end() for m in _UNPROVEN.finditer(sentence))
