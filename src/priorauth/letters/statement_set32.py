"""A payer's statement of its decision in the wordings of US plans' letters the thirty-second set brought (the thirtieth
pass): a terse status sentence naming the request by its US short name ("PA approved.", "Prior auth denied."), a letter's
title naming its kind without a dash ("Service Authorization Approval", "PRIOR AUTHORIZATION DENIAL" alone on its line),
and a plan that needs information from the prescriber to complete its review (a request for information).

Read by :mod:`priorauth.letters.outcome` with the other statements (:mod:`priorauth.letters.statements`), under the same
guards (a condition, another drug, an ended approval, a quoted earlier decision). Guards of their own: the terse status
never as a field's label ("PA approved dates:", "PA approved by: ____") nor a question; the title only as a line of its
own in capitalised words, never a request's or an appeal's title ("Request for Prior Authorization Approval", "Appeal of
Authorization Denial") nor an earlier one's ("Previous Authorization Approval"); the information only needed by the plan
for its own review ("to complete our review"), never negated ("we do not need ...") nor what someone may need."""

from __future__ import annotations

# the request by its US short names, opening the sentence: "PA", "Prior auth", "Pre-authorization", "Precert"
_SHORT = (
    r"(?:(?-i:PA)|prior[ \t]+auth(?:ori[sz]ation)?|pre-?auth(?:ori[sz]ation)?|pre-?cert(?:ification)?|"
    r"(?:PA|auth(?:ori[sz]ation)?|drug|medication|renewal)[ \t]+request)"
)
# what keeps the terse status from being one: a field's label after it ("PA approved dates:"), a question, a condition
_NOT_STATUS = r"(?![ \t]*\?)(?![ \t]+(?:[A-Za-z.#/]+[ \t]*){1,3}:)(?![ \t]+(?:if|when|unless|until|only\s+if)\b)"


def _terse(word: str) -> str:
    return rf"^\s*{_SHORT}[ \t]+{word}\b{_NOT_STATUS}"


# a title naming the letter's kind, alone on its line, every word capitalised: "Service Authorization Approval"
_TITLE_WORDS = r"(?=(?-i:(?:[A-Z][A-Za-z-]*[ \t]+){1,4}[A-Z][A-Za-z]*[ \t]*(?:\n|$)))"
_NOT_OF_TITLE = r"(?!(?:for|of|to|on|about|re|appeal|appealing|request|requesting|reconsideration|previous|prior[ \t]+to|earlier|expired|original|past|your|member)\b)"


def _title(word: str) -> str:
    return (
        rf"(?:^|\n)[ \t]*{_TITLE_WORDS}(?:{_NOT_OF_TITLE}[A-Za-z-]+[ \t]+){{0,3}}"
        rf"(?:authori[sz]ation|pre-?certification|coverage|pharmacy|drug|medication)[ \t]+{word}[ \t]*(?=\n|$)"
    )


APPROVED = [_terse("approved"), _title("approval")]
DENIED = [_terse("denied"), _title("denial")]
PENDED = [
    _terse("pended"),
    # "... and need information from the prescriber to complete our review", "we need records from your office to
    # finish our review" (never "we do not need ...", nor what someone else "may need")
    r"(?<!\bnot\s)(?<!\bmay\s)(?<!\bmight\s)(?<!\bwill\s)(?<!\bno\s)\bneeds?\s+(?:some\s+|more\s+|additional\s+|further\s+)?"
    r"(?:clinical\s+)?(?:information|documentation|records|details|answers)\s+(?:from\s+(?:the\s+|your\s+)?"
    r"(?:prescriber|prescribing\s+\w+|doctor|physician|provider|office)\s+)?(?:in\s+order\s+)?to\s+(?:complete|finish|continue)\s+"
    r"(?:our|its|the\s+plan['’]s)\s+(?:review|determination|decision)\b",
]
