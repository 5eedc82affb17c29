"""The thirty-fifth set's wordings of a decision (issue 18, the thirty-third pass): US plans' letters.

A physician reviewer who writes in the first person ("I could not approve it", "I am unable to approve this request")
states the plan's denial: only with the request named or pointed back to ("it", "this request", "the drug"), never in
a sentence with a condition, a wait or a question in it ("I could not approve it without the biopsy report", "If I
cannot approve it, ...", "until", "unless", "?"), nor of a part of the request ("I could not approve the higher dose"
names no whole request, and is read by the partial rules or not at all)."""

from __future__ import annotations

_DRUG = r"(?:lumakras|sotorasib)\b"
# the sentence holds no condition, wait, doubt or question
_NO_CONDITION = (
    r"(?![^.]*(?:\?|\b(?:if|whether|unless|until|without|yet|when|once|may|might|would|should|information|records|"
    r"documentation|yet)\b))"
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
