"""The thirty-sixth set's wordings of a decision (issue 18, the thirty-fourth pass): US plans' letters.

A review's close that names whose request it was ("We reviewed the request from Dr. Ames and denied it", "... the
request sent by your office and approved it"): the plan's decision, only said by "we", of the request as a whole ("it"),
never with a condition, a question, a quote or a past told in it (the thirty-fifth set's guards), nor taken back in the
next sentence; and a notice titled as the approval ("Prior Authorization Approval" with its date in a column after it),
a line of its own, over a body that neither refuses, pends nor closes."""

from __future__ import annotations

import re

from priorauth.letters.spans import I
from priorauth.letters.statement_set35 import _BODY_REFUSES, _DATE_COLUMN, _NEXT_TAKES_BACK, _NO_CONDITION

# whose request it was: "from Dr. Nell Ames", "sent by your office", "submitted by the prescriber" (no sentence's stop in
# it; a title's "Dr." kept)
_WHOSE = r"(?:from|by|submitted\s+by|sent\s+by|made\s+by)\s+(?:(?:dr|mr|ms|mrs)\.|[^.;?\n])[^.;?\n]{0,60}?"
_REVIEWED_FROM = (
    rf"^{_NO_CONDITION}[^.]*?\bwe\s+(?:have\s+)?(?:reviewed|evaluated|considered|looked\s+at)\s+(?:the|your|this)\s+"
    rf"(?:prior\s+authorization\s+)?request\s+{_WHOSE}\s+and\s+(?:have\s+)?(?P<v>denied|declined|approved)\s+it"
    r"(?![ \t]+(?:in\s+part|partly|partially|for\b|only\b|except\b))[ \t]*(?:[.;]|$)"
)
# (the same close when the prescriber's title "Dr." broke the sentence: its second part, "Nell Ames and denied it.", decides
# only after a first part "We reviewed the request from Dr." with no condition, question, quote or past told in it)
_AFTER_TITLE = (
    r"^[ \t]*(?-i:[A-Z])[\w'’-]*(?:[ \t]+[\w.'’-]+){0,4}?[ \t]+and\s+(?:have\s+)?(?P<v>denied|declined|approved)\s+it"
    r"(?![ \t]+(?:in\s+part|partly|partially|for\b|only\b|except\b))[ \t]*(?:[.;]|$)"
)
_TITLE_BROKE = re.compile(
    r"(?:\A|[.;!?](?<!\b(?:Dr|Mr|Ms)\.)(?<!\bMrs\.)\s+|\n[ \t]*\n)(?P<s>[^.;!?]*?\bwe\s+(?:have\s+)?(?:reviewed|evaluated|"
    r"considered|looked\s+at)\s+(?:the|your|this)\s+(?:prior\s+authorization\s+)?request\s+(?:from|by|submitted\s+by|sent\s+by|"
    r"made\s+by)\s+(?:dr|mr|ms|mrs)\.\s+[^.;!?\n]{1,60}?\s+and\s+(?:have\s+)?(?:denied|declined|approved)\s+it[ \t]*[.;]?)\s*\Z",
    I,
)
DENIED = [
    _REVIEWED_FROM.replace("(?P<v>denied|declined|approved)", "(?:denied|declined)"),
    _AFTER_TITLE.replace("(?P<v>denied|declined|approved)", "(?:denied|declined)"),
]
APPROVED = [
    _REVIEWED_FROM.replace("(?P<v>denied|declined|approved)", "approved"),
    _AFTER_TITLE.replace("(?P<v>denied|declined|approved)", "approved"),
]

# a notice titled as the approval, a line of its own with the letter's date in a column after it ("Prior Authorization
# Approval          02/24/2028", "PHARMACY PRIOR AUTHORIZATION APPROVAL"), in title case or capitals, never a request's,
# an appeal's or a sample's title (nothing but the date may follow the title on its line)
_NOT_THIS = (
    r"(?![^\n]*\b(?:appeals?|samples?|examples?|not|no|denied|denial|requests?|requested|pending|pended|closed|withdrawn|"
    r"criteria|forms?|status|guide|instructions?|policy)\b)"
)
_APPROVAL_TITLE = (
    rf"^[ \t]*{_NOT_THIS}(?-i:(?:Pharmacy[ \t]+|PHARMACY[ \t]+)?(?:Prior[ \t]+Authori[sz]ation|PRIOR[ \t]+AUTHORI[SZ]ATION)[ \t]+"
    r"(?:Approval|APPROVAL)(?:[ \t]+(?:Notice|Letter|NOTICE|LETTER))?)"
    rf"(?={_DATE_COLUMN}[ \t]*(?:\n|\Z))"
)
APPROVED.append(_APPROVAL_TITLE)

# a review that waits on what it asks for, said as such: "Before a decision is made, the reviewer asks for a peer-to-peer
# discussion with ..." (the plan's reviewer or the plan asks, never "you may ask", nor with a condition, a doubt, a
# question or a quote in the sentence)
_NO_DOUBT = r"(?![^.]*(?:\?|[\"“”]|\b(?:if|whether|unless|may|might|would|could|you|your\s+right)\b))"
_BEFORE_DECISION_ASKS = (
    rf"^{_NO_DOUBT}[^.]*?\bbefore\s+(?:a|any|the|our|its)\s+(?:decision|determination)\s+(?:is|can\s+be|will\s+be)\s+"
    r"(?:made|issued|reached)\b[^.]*?\b(?:reviewer|medical\s+director|pharmacist|plan|we)\s+(?:also\s+)?(?:asks?|is\s+asking|"
    r"requests?|needs?)\s+(?:for\s+)?(?:a|an|the|your)\s"
)
# an ePA portal's status of questions the plan sent, waiting on the office's answers: "Status: QUESTIONS RECEIVED - answer
# to continue" (the answer asked for in the status itself; a bare "QUESTIONS RECEIVED" says nothing of who answers)
_QUESTIONS_STATUS = (
    r"\bstatus[ \t]*:[ \t]*(?-i:QUESTIONS?[ \t]+(?:RECEIVED|SENT|OPEN|ISSUED|AVAILABLE))[ \t]*[-–:][ \t]*"
    r"(?:answer|respond|reply)(?:[ \t]+(?:them|all))?[ \t]+to[ \t]+(?:continue|proceed)\b"
)
PENDED = [_BEFORE_DECISION_ASKS, _QUESTIONS_STATUS]

# a specialty pharmacy's note that relays the plan's decision in its shorthand: "Ins APPROVED PA for Lumakras", "Plan
# DENIED PA" (the decision word in capitals, the insurer its subject; never another drug's PA, nor a condition, a
# question or a doubt in the sentence)
_RELAYED = (
    rf"^{_NO_DOUBT}(?![^.]*\b(?:not|pending|once|when|until|awaiting)\b)[^.]*?\b(?:ins|insurance|insurer|plan|payer|pbm)[ \t]+"
    r"(?-i:{word})[ \t]+(?:the[ \t]+)?(?:PA|prior[ \t]+auth(?:orization)?)\b(?=[ \t]+for[ \t]+(?:lumakras|sotorasib)\b|[ \t]*(?:[.;]|$))"
)
APPROVED.append(_RELAYED.replace("{word}", "APPROVED"))
DENIED.append(_RELAYED.replace("{word}", "DENIED"))


def stands(pattern: str, text: str, end: int) -> bool:
    """Whether the thirty-sixth set's statement ``pattern``, its sentence ending at ``end`` in ``text``, decides: a
    review's close not taken back in the next sentence; an approval's title whose body below neither refuses, pends nor
    closes; any other pattern stands as it is."""
    if pattern in (DENIED[0], APPROVED[0]):
        return not _NEXT_TAKES_BACK.search(text[end : end + 300])
    if pattern in (DENIED[1], APPROVED[1]):
        whole = _TITLE_BROKE.search(text, max(0, end - 400), end)
        return bool(
            whole
            and re.match(_NO_CONDITION, re.sub(r"\b(dr|mr|ms|mrs)\.", r"\1", whole.group("s"), flags=I), I)
            and not _NEXT_TAKES_BACK.search(text[end : end + 300])
        )
    if pattern == _APPROVAL_TITLE:
        return not _BODY_REFUSES.search(text, end)
    return True


# another drug's request, decided apart: "That request is being reviewed separately by Medical UM and is still PENDING"
# (after a sentence about the other drug), its sentence blanked before any statement, label or stamp is read (at fax its
# "PENDING" may stand on a line of its own); never a sentence that names LUMAKRAS, nor "this" or "your" request
_DECIDED_APART = re.compile(
    r"\b(?:that(?:\s+other)?|the\s+other|this\s+other)\s+(?:request|drug|medication|item)\s+(?:is|was|will\s+be|has\s+been)\s+(?:being\s+)?"
    r"(?:reviewed|decided|handled|processed)\s+separately\b(?![^.]*\b(?:lumakras|sotorasib)\b)[^.]*\.?",
    I,
)


def decided_apart(text: str) -> str:
    """The text with each sentence about another request decided apart blanked (offsets kept)."""
    return _DECIDED_APART.sub(lambda m: re.sub(r"[^\n\f]", " ", m.group(0)), text)
