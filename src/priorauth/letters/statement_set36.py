"""The thirty-sixth set's wordings of a decision (issue 18, the thirty-fourth pass): US plans' letters.

A review's close that names whose request it was ("We reviewed the request from Dr. Ames and denied it", "... the
request sent by your office and approved it"): the plan's decision, only said by "we", of the request as a whole ("it"),
never with a condition, a question, a quote or a past told in it (the thirty-fifth set's guards), nor taken back in the
next sentence; and a notice titled as the approval ("Prior Authorization Approval" with its date in a column after it),
a line of its own, over a body that neither refuses, pends nor closes."""

from __future__ import annotations

import re

from priorauth.letters.spans import _OURS, I
from priorauth.letters.statement_set35 import _BODY_REFUSES, _DATE_COLUMN, _NEXT_TAKES_BACK, _NO_CONDITION

# whose request it was: "from Dr. Nell Ames", "sent by your office", "submitted by the prescriber" (the review's fix: it
# ends right after the name, a title and at most 3 capitalised words, never "... for Tagrisso" nor "about"/"regarding")
_CAPS = r"(?-i:[A-Z])[\w'’-]*(?:[ \t]+(?-i:[A-Z])[\w'’-]*){0,2}"
_WHOSE = (
    rf"(?:from|by|submitted\s+by|sent\s+by|made\s+by)\s+(?:(?:(?:dr|mr|ms|mrs)\.[ \t]+)?{_CAPS}|(?:your|the|this|our)\s+"
    r"(?:office|prescriber|provider|physician|doctor|clinic|practice|pharmacy)(?:['’]s\s+office)?)"
)
# (nor another drug named in the sentence: "for Tagrisso", "about osimertinib")
_NO_OTHER = r"(?![^.]*\b(?:for|about|regarding)\s+(?!(?:lumakras|sotorasib|the\s+reasons?|these\s+reasons?)\b))"
_REVIEWED_FROM = (
    rf"^{_NO_CONDITION}{_NO_OTHER}[^.]*?\bwe\s+(?:have\s+)?(?:reviewed|evaluated|considered|looked\s+at)\s+(?:the|your|this)\s+"
    rf"(?:prior\s+authorization\s+)?request\s+{_WHOSE}\s+and\s+(?:have\s+)?(?P<v>denied|declined|approved)\s+it"
    r"(?![ \t]+(?:in\s+part|partly|partially|for\b|only\b|except\b))[ \t]*(?:[.;]|$)"
)
# (the same close when the prescriber's title "Dr." broke the sentence: its second part, "Nell Ames and denied it.", decides
# only after a first part "We reviewed the request from Dr." with no condition, question, quote or past told in it)
_AFTER_TITLE = (
    rf"^[ \t]*{_NO_OTHER}{_CAPS}[ \t]+and\s+(?:have\s+)?(?P<v>denied|declined|approved)\s+it"
    r"(?![ \t]+(?:in\s+part|partly|partially|for\b|only\b|except\b))[ \t]*(?:[.;]|$)"
)
_TITLE_BROKE = re.compile(
    r"(?:\A|[.;!?](?<!\b(?:Dr|Mr|Ms)\.)(?<!\bMrs\.)\s+|\n[ \t]*\n)(?P<s>[^.;!?]*?\bwe\s+(?:have\s+)?(?:reviewed|evaluated|"
    r"considered|looked\s+at)\s+(?:the|your|this)\s+(?:prior\s+authorization\s+)?request\s+(?:from|by|submitted\s+by|sent\s+by|"
    r"made\s+by)\s+(?:dr|mr|ms|mrs)\.\s+"
    + _CAPS
    + r"\s+and\s+(?:have\s+)?(?:denied|declined|approved)\s+it[ \t]*[.;]?)\s*\Z",
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
    rf"^{_NO_DOUBT}(?![^.]*\b(?:appeals?|redetermination|reconsideration|your|any\s+appeal)\b)[^.]*?\bbefore\s+(?:a|any|the|our|its)\s+(?:decision|determination)\s+(?:is|can\s+be|will\s+be)\s+"
    r"(?:made|issued|reached)\b[^.]*?\b(?:reviewer|medical\s+director|pharmacist|plan|we)\s+(?:also\s+)?(?:asks?|is\s+asking|"
    r"requests?|needs?)\s+(?:for\s+)?(?:a|an|the|your)\s"
)
# an ePA portal's status of questions the plan sent, waiting on the office's answers: "Status: QUESTIONS RECEIVED - answer
# to continue" (the answer asked for in the status itself; a bare "QUESTIONS RECEIVED" says nothing of who answers)
_QUESTIONS_STATUS = (
    r"(?:^|(?<=\n))[ \t]*(?:(?-i:ePA|PA|EPA)[ \t]+)?status[ \t]*:[ \t]*(?-i:QUESTIONS?[ \t]+(?:RECEIVED|SENT|OPEN|ISSUED|AVAILABLE))[ \t]*[-–:][ \t]*"
    r"(?:answer|respond|reply)(?:[ \t]+(?:them|all))?[ \t]+to[ \t]+(?:continue|proceed)\b"
)
PENDED = [_BEFORE_DECISION_ASKS, _QUESTIONS_STATUS]

# a specialty pharmacy's note that relays the plan's decision in its shorthand: "Ins APPROVED PA for Lumakras", "Plan
# DENIED PA" (the decision word in capitals, the insurer its subject; never another drug's PA, nor a condition, a
# question or a doubt in the sentence)
_RELAYED = (
    rf"^{_NO_DOUBT}(?![^.]*\b(?:not|pending|once|when|until|awaiting)\b)(?![^.]*\b(?:19|20)\d\d\b)[^.]*?\b(?:ins|insurance|insurer|plan|payer|pbm)[ \t]+"
    r"(?-i:{word})[ \t]+(?:the[ \t]+)?(?:PA|prior[ \t]+auth(?:orization)?)\b(?=[ \t]+for[ \t]+(?:lumakras|sotorasib)\b|[ \t]*(?:[.;]|$))"
)
APPROVED.append(_RELAYED.replace("{word}", "APPROVED"))
DENIED.append(_RELAYED.replace("{word}", "DENIED"))


# (the review's fix: nor over a body that revokes, rescinds or pends: "The approval has been revoked", "Additional information
# is needed. Please send chart notes")
_BODY_REVOKES_PENDS = re.compile(
    r"\b(?:revoked|rescinded|terminated|expired|(?:is|are)\s+needed|under\s+review|information|send)\b", I
)
# (an ePA status of questions yields to any denial or approval in the letter: "No answers were received ... denied")
_DECIDED_IN_LETTER = re.compile(r"\b(?:den(?:ied|ial)|declined|approved|approval)\b", I)
# (a relay yields to a later sentence's renewal or wait: "Renewal request sent 06/01/2027, awaiting decision")
_LATER_AWAITS = re.compile(r"\b(?:renewal|awaiting|pending|submitted)\b", I)


def stands(pattern: str, text: str, end: int, start: int | None = None) -> bool:
    """Whether the thirty-sixth set's statement ``pattern``, its sentence ending at ``end`` in ``text``, decides: a
    review's close not taken back in the next sentence; an approval's title whose body below neither refuses, pends nor
    closes; any other pattern stands as it is."""
    if pattern in (DENIED[0], APPROVED[0]):
        return not _NEXT_TAKES_BACK.search(text[end : end + 300])
    if pattern in (DENIED[1], APPROVED[1]):
        whole = _TITLE_BROKE.search(text, max(0, end - 400), end)
        return bool(
            whole
            and re.match(_NO_CONDITION + _NO_OTHER, re.sub(r"\b(dr|mr|ms|mrs)\.", r"\1", whole.group("s"), flags=I), I)
            and not _NEXT_TAKES_BACK.search(text[end : end + 300])
        )
    if pattern == _APPROVAL_TITLE:
        return not _BODY_REFUSES.search(text, end) and not _BODY_REVOKES_PENDS.search(text, end)
    if pattern == _QUESTIONS_STATUS:
        return not _DECIDED_IN_LETTER.search(text)
    if pattern in (APPROVED[-1], DENIED[-1]):
        line = text[text.rfind("\n", 0, start if start is not None else end) + 1 : end]
        return not re.match(r"[ \t]*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", line) and not _LATER_AWAITS.search(text, end)
    return True


# another drug's request, decided apart: "That request is being reviewed separately by Medical UM and is still PENDING"
# (after a sentence about the other drug), its sentence blanked before any statement, label or stamp is read (at fax its
# "PENDING" may stand on a line of its own); never a sentence that names LUMAKRAS, nor "this" or "your" request
_DECIDED_APART = re.compile(
    r"\b(?:that(?:\s+other)?|the\s+other|this\s+other)\s+(?:request|drug|medication|item)\s+(?:is|was|will\s+be|has\s+been)\s+(?:being\s+)?"
    r"(?:reviewed|decided|handled|processed)\s+separately\b(?![^.]*\b(?:lumakras|sotorasib)\b)[^.]*\.?",
    I,
)


# (the review's fix: only after a sentence that names a drug other than LUMAKRAS, by a drug's ending or as "request for
# Tagrisso"; that sentence is blanked too, another drug's outcome never stands)
_OTHER_DRUG = re.compile(
    r"\b(?!(?:lumakras|sotorasib)\b)(?:[a-z]+(?:mab|tinib|rasib|ciclib|lisib|parib|platin|taxel|rubicin|mycin|cillin)|"
    r"krazati|adagrasib|tagrisso|keytruda|opdivo|avastin)\b|\b(?:request|prescription|order)\s+for\s+"
    r"(?!(?:the|this|that|your|a|an|prior|coverage|medication|drug|lumakras|sotorasib)\b)(?-i:[A-Z])[\w-]{3,}",
    I,
)
_BOUND = re.compile(r"[.!?:](?=\s)|\n[ \t]*\n")


def decided_apart(text: str) -> str:
    """The text with each sentence about another request decided apart blanked, and the sentence before it that names the
    other drug (offsets kept)."""
    spans = []
    for m in _DECIDED_APART.finditer(text):
        before = text[: m.start()].rstrip()
        if before.endswith((".", "!", "?")):
            before = before[:-1]
        at = max((b.end() for b in _BOUND.finditer(before)), default=0)
        sentence = before[at:]
        if (spans and spans[-1][1] > at) or _OURS.search(sentence) or not _OTHER_DRUG.search(sentence):
            continue
        spans.append((at, m.end()))
    for a, b in spans:
        text = text[:a] + re.sub(r"[^\n\f]", " ", text[a:b]) + text[b:]
    return text
