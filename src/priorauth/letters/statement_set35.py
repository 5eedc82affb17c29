"""The thirty-fifth set's wordings of a decision (issue 18, the thirty-third pass): US plans' letters.

A physician reviewer who writes in the first person ("I could not approve it", "I am unable to approve this request")
states the plan's denial: only with the request named or pointed back to ("it", "this request", "the drug"), never in
a sentence with a condition, a wait or a question in it ("I could not approve it without the biopsy report", "If I
cannot approve it, ...", "until", "unless", "?"), nor of a part of the request ("I could not approve the higher dose"
names no whole request, and is read by the partial rules or not at all)."""

from __future__ import annotations

import re

from priorauth.letters.spans import I

_DRUG = r"(?:lumakras|sotorasib)\b"
# the request passed on to a reviewer, or waiting: "it has been sent to a physician reviewer", "forwarded for medical
# director review", "pending review" (a refusal beside it decides nothing)
_FORWARDED = (
    r"\b(?:forwarded|forwarding|sent|sending|referred|referring|routed|escalated|passed)\b[^.]{0,60}?"
    r"\b(?:reviewers?|medical\s+director|review(?:ing)?|committee|panel)\b|\bpend(?:ing|ed)\b"
)
# the sentence holds no condition, wait, doubt or question
_NO_CONDITION = (
    r"(?![^.]*(?:\?|\b(?:if|whether|unless|until|without|yet|when|once|may|might|would|should|information|records|"
    r"documentation|yet)\b))"
    # (the review's fix: nor a refusal quoted or reported, "Your doctor said "I could not approve it"", nor one said as
    # past, "Earlier I could not approve it", nor with the request forwarded, sent or referred on, or pending)
    r"(?![^.]*(?:[\"“”]|\b(?:said|says|told|tells|wrote|writes|stated|states|quoted|earlier|previously|before|initially|"
    r"originally|first|last)\b))"
    rf"(?![^.]*(?:{_FORWARDED}))"
)
_I_COULD_NOT_APPROVE = (
    rf"^{_NO_CONDITION}[^.]*?\bI\s+(?:cannot|can\s*not|could\s+not|did\s+not|am\s+unable\s+to|was\s+unable\s+to|"
    r"am\s+not\s+able\s+to|was\s+not\s+able\s+to)\s+(?:approve|authori[sz]e)\s+"
    rf"(?:it|this|(?:this|the|your)\s+(?:request|drug|medication|prescription)|{_DRUG})[ \t]*(?:[.;]|$)"
)

DENIED = [_I_COULD_NOT_APPROVE]

# a notice issuing a replacement authorization, its title a line of its own ("REPLACEMENT AUTHORIZATION NOTICE" with the
# letter's date in a column after it): the plan issues the authorization anew; never a request for one, an appeal's or a
# sample's title, and never a title that says it was not issued or denied
_NOT_THIS = r"(?![^\n]*\b(?-i:APPEAL|APPEALS|SAMPLE|EXAMPLE|NOT|NO|DENIED|DENIAL|REQUEST|REQUESTED|PENDING|PENDED|CLOSED|WITHDRAWN)\b)"
# the letter's date in a column after the title ("11/02/2027", "Notice date: November 17, 2027"; at fax the column's gap
# closed to one blank, a speck in it: "... NOTICE = 11/02/2027")
_DATE_COLUMN = r"(?:[ \t]+(?:[=~_|'‘’-][ \t]*)?(?:[A-Za-z]+[ \t]+)?(?:date[ \t]*:[ \t]*)?(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|[A-Za-z]{3,9}\.?[ \t]+\d{1,2},?[ \t]+\d{4}))?"
_REPLACEMENT_TITLE = (
    rf"^\s*{_NOT_THIS}(?-i:REPLACEMENT|REISSUED)[ \t]+(?-i:PRIOR[ \t]+)?(?-i:AUTHORI[SZ]ATION)(?:[ \t]+(?-i:NOTICE|LETTER))?"
    rf"(?={_DATE_COLUMN}[ \t]*(?:\n|\Z))"
)

APPROVED = [_REPLACEMENT_TITLE]

# a notice titled as the request incomplete ("INCOMPLETE PRIOR AUTHORIZATION REQUEST" with the notice's date in a column
# after it), a line of its own: the plan waits for what is missing; never a title that says the request was closed,
# withdrawn or denied as incomplete, an appeal's or a sample's
_NOT_CLOSED = (
    r"(?![^\n]*\b(?-i:APPEAL|APPEALS|SAMPLE|EXAMPLE|CLOSED|WITHDRAWN|DENIED|DENIAL|CANCELLED|CANCELED|VOID|VOIDED)\b)"
)
_INCOMPLETE_TITLE = (
    rf"^\s*{_NOT_CLOSED}(?-i:INCOMPLETE)[ \t]+(?:(?-i:PRIOR[ \t]+AUTHORI[SZ]ATION|PA|PHARMACY|COVERAGE|DRUG)[ \t]+)?"
    rf"(?-i:REQUEST|SUBMISSION)(?:[ \t]+(?-i:NOTICE|LETTER))?(?={_DATE_COLUMN}[ \t]*(?:\n|\Z))"
)

PENDED = [_INCOMPLETE_TITLE]


# a decision the letter's body takes back (the lead's reviewer, 2026-12-05): the first-person refusal then forwarded,
# pending or reversed in the next sentence ("I am unable to approve this request. It has been sent to a physician
# reviewer.", "... But after the new records ..."); a replacement authorization's title over a body that refuses or
# pends ("We cannot issue a replacement authorization"); an incomplete request's title over a body that closes or
# decides ("this request is now closed", "has been denied because the information was not received")
_NEXT_TAKES_BACK = re.compile(
    r"\A[^.]{0,3}?[.;]?\s*(?:(?:but|now|however|after|later|since|on\s+reconsideration|upon\s+reconsideration)\b|"
    rf"[^.]*(?:{_FORWARDED}|\breconsider\w*))",
    I,
)
# a refusal to approve, in any person ("I am unable to approve", "We cannot approve"): with the request forwarded to a
# reviewer or pending in its sentence or the next, no denial ("Unable to approve; sent to a physician reviewer")
_REFUSES = re.compile(r"\b(?:cannot|can\s*not|could\s+not|unable\s+to|not\s+able\s+to)\s+(?:approve|authori[sz]e)\b", I)
_FORWARDED_RE = re.compile(_FORWARDED, I)


def forwarded(sentence: str, text: str, end: int) -> bool:
    """Whether the sentence refuses to approve while it, or the sentence after it (ending at ``end`` in ``text``), says
    the request was passed on to a reviewer or is pending: no decision, whatever pattern read a denial in it."""
    if not _REFUSES.search(sentence):
        return False
    following = re.match(r"[^.]*[.;]?", text[end : end + 300])
    return bool(_FORWARDED_RE.search(sentence) or (following and _FORWARDED_RE.search(following.group(0))))


_BODY_REFUSES = re.compile(
    r"\b(?:cannot|can\s*not|could\s+not|unable\s+to|not\s+able\s+to|will\s+not|did\s+not|do\s+not|won['’]t|can['’]t)\s+"
    r"(?:\w+\s+)?(?:issue|approve|replace|reissue|authori[sz]e|grant|cover)\b|"
    r"\bnot\s+(?:be\s+)?(?:approved|issued|reissued|replaced|authori[sz]ed|granted|covered)\b|"
    r"\b(?:denied|declined|rejected|refused|pend(?:ed|ing)|on\s+hold|closed|withdrawn|cancell?ed)\b|"
    r"\b(?:need|require)s?\s+(?:more|additional|further)\b",
    I,
)
_BODY_CLOSES = re.compile(
    r"\b(?:closed|withdrawn|cancell?ed|voided|denied|declined|rejected|not\s+approved|administratively)\b|"
    r"\b(?:is|was|has\s+been|have\s+been)\s+(?:now\s+)?approved\b|\bwe\s+(?:have\s+)?(?:approved|denied|closed)\b",
    I,
)


def stands(pattern: str, text: str, end: int) -> bool:
    """Whether the thirty-fifth set's statement ``pattern``, its sentence ending at ``end`` in ``text``, decides: a
    refusal not taken back in the next sentence, a title whose body below neither refuses nor closes; any other
    pattern stands as it is."""
    if pattern == _I_COULD_NOT_APPROVE:
        return not _NEXT_TAKES_BACK.search(text[end : end + 300])
    if pattern == _REPLACEMENT_TITLE:
        return not _BODY_REFUSES.search(text, end)
    if pattern == _INCOMPLETE_TITLE:
        return not _BODY_CLOSES.search(text, end)
    return True
