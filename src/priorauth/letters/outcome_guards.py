"""What keeps a sentence or a letter from stating the outcome: a condition ("if we deny it"), a concession, a
statement about something else than this request (another pharmacy, a quantity beyond the limit, a claim), a
decision that has ended, another drug's cover in force, a request closed or a letter that says nothing was
decided yet."""

from __future__ import annotations

import re

from priorauth.letters import dates, misread
from priorauth.letters.spans import I

# (a US plan's "prior approval request" is the request's own name, never an earlier approval: the twenty-ninth pass;
# nor its title "PRIOR APPROVAL GRANTED" alone on its line: the thirty-second pass)
# (a plan's "prior approval" given or granted is its word for the authorization, no earlier approval: "We cannot give
# prior approval for LUMAKRAS", letters pass 35)
_CONDITIONAL = re.compile(
    r"\bno\s+(?:further|more|additional|other)\s+(?:clinical\s+|medical\s+)?(?:information|documentation|records)\b|"
    r"\bnothing\s+(?:more|else|further)\b|"  # a request for nothing: "No further information is needed"
    r"\b(?:if|unless|(?:when(?:ever)?|once)\s+(?:it|this|that|the|your|we|you|a|an|coverage|approved|authorized)|(?<!\bof\s)may(?!\s+\d)|might|could\s+be|would(?!\s+like)|whether|should|otherwise|in\s+the\s+event|in\s+case|"
    r"right\s+to|disagree|previous(?:ly)?|(?<!\bgive\s)(?<!\bgrant\s)prior\s+(?:approval(?!\s+(?:request|requests)\b)(?!\s+granted[ \t.!]*\Z)|denial)|future|any\s+(?:denial|approval)|"
    r"will\s+(?:be|result|say|tell|explain|include|describe|list|give)|results?\s+in|failure\s+to|fail\s+to|do\s+not\s+(?:receive|hear)|not\s+(?:been\s+)?received|"
    r"at\s+that\s+time|earlier|original(?:ly)?|first\s+decision|overturned|no\s+longer|"
    r"did\s+not\s+(?:respond|reply)|no\s+response|not\s+an?\s+(?:adverse|unfavorable|denial|approval)|"
    # "if" in the languages of :mod:`priorauth.letters.statement_languages` (Italian, Danish, Dutch, Romanian,
    # Indonesian, Hungarian, Vietnamese)
    r"qualora|nel\s+caso\s+(?:in\s+cui|che)|hvis|indien|dac[ăa]|jika|apabila|amennyiben|nếu|"
    # and in the twenty-seventh set's (the twenty-sixth pass): Polish, Norwegian, Croatian / Serbian, Lithuanian, a French
    # or Spanish "si" before its subject (never the Italian "si chiede", a pronoun)
    r"je[żz]eli|je[śs]li|dersom|ako|jei(?:gu)?|si\s+(?:la|le|les|el|los|las|votre|vous|nous|usted|su|l['’]))\b"
    rf"|^\s*(?:\d{{1,2}}[.)]\s+)?on\s+{dates.DATE}",
    I,
)



# a letter that closes the request (withdrawn, closed, cancelled) has no outcome, whatever else it words
# like one; one that says no decision was made yet has none either, unless all it states is that the
# request is pended ("This request is PENDED ... No decision has been made"): that is no decision yet
# what is withdrawn is an earlier decision, not the request ("the denial of 22 May is withdrawn and ..."): a reversal
_DECISION_WITHDRAWN = re.compile(
    r"\b(?:denial|decision|determination|adverse\s+determination)\b(?:[^.;\n]|\n(?![ \t]*\n)){0,50}?\b(?:is|was|has\s+been|have\s+been)\s+$",
    I,
)
_CLOSED = re.compile(r"\b(?:withdrawn|closed\s+(?:as|without)|cancell?ed|voided)\b", I)
# what is closed is an earlier authorization the letter replaces ("The earlier authorization for 960 mg daily is closed as
# of this date" under a new dose's approval: the thirty-second pass), never "your prior authorization request"
_EARLIER_CLOSED = re.compile(
    r"\b(?:earlier|previous|old|former|existing|original)\s+(?:authori[sz]ation|approval|PA)\b(?:[^.;\n]|\n(?![ \t]*\n)){0,60}?"
    r"\b(?:is|was|has\s+been|will\s+be|are|were)\s+(?:now\s+)?$",
    I,
)
# an authorization the letter voids and replaces with a new one it names ("Authorization X (issued ...) has been VOIDED
# ... It is replaced by: Authorization Y", the thirty-third pass): the old number closed, not the request; only with
# the number voided named right before ("Authorization X ... has been") and the replacement said after it
_NUMBER_CLOSED = re.compile(
    r"\b(?:authori[sz]ation|auth|approval|PA)[ \t]*(?:#|number|no\.)?[ \t]*[A-Z0-9][A-Z0-9-]{3,}\d(?:[^.;\n]|\n(?![ \t]*\n)){0,40}?"
    r"\b(?:is|was|has\s+been|have\s+been)\s+$",
    I,
)
# (the review's fix, 2026-12-05: an affirmative replacement that names an authorization's or a reference's number, "It
# is replaced by: Authorization Y"; never "will not be replaced", "is not replaced", nor "replaced by Medicare coverage")
_REPLACED_BY = re.compile(
    r"\b(?:replaced|superseded)[ \t]+by[ \t]*:?\s*(?:(?:a|the|new|its)[ \t]+)*(?:authori[sz]ation|auth|approval|PA|reference|ref\.?)"
    r"[ \t]*(?:#|number|no\.)?[ \t]*:?[ \t]*[A-Z0-9][A-Z0-9-]*\d"
    r"|\breplacement[ \t]+(?:authori[sz]ation|auth|PA)[ \t]*(?:#|number|no\.)?[ \t]*:?[ \t]*[A-Z0-9][A-Z0-9-]*\d",
    I,
)
_NEGATED = re.compile(r"\b(?:not|never|no|cannot|without)\b|n['’]t\b", I)


def _replaced(text: str, c: re.Match[str]) -> bool:
    """The word closes a numbered authorization that the letter then says is replaced by another (a negation in the
    replacement's clause cancels it)."""
    if not _NUMBER_CLOSED.search(text, max(0, c.start() - 90), c.start()):
        return False
    r = _REPLACED_BY.search(text, c.end())
    if not r:
        return False
    clause = max(text.rfind(".", c.end(), r.start()), text.rfind(";", c.end(), r.start()), c.end())
    return not _NEGATED.search(text, clause, r.end()) and not re.search(
        r"\b(?:not|never)\s+(?:be\s+)?(?:replaced|reissued|superseded)\b|\bno\s+replacement\b",
        text[c.end() : r.end()],
        I,
    )


# what is withdrawn is an earlier notice the letter says was sent in error ("That notice was sent in error. It is
# withdrawn." over "Corrected decision: DENIED"; the thirty-seventh set, letters pass 35): a notice, never the request
_NOTICE_WITHDRAWN = re.compile(
    # (the review's fix: a "notice", or "our / that / this letter"; never the doctor's request letter: :func:`_notice_withdrawn`)
    r"(?:(?:\bnotice|\b(?:our|that|this)\s+letter)\b(?P<between>(?:[^.;\n]|\n(?![ \t]*\n)){0,80}?)\b(?:sent|issued|mailed)\s+in\s+error\s*[.;]\s*(?:it|that|this)"
    r"|\b(?:that(?:\s+(?:earlier|previous|first|prior|original))?|the\s+(?:earlier|previous|first|prior|original))\s+notice"
    r"|\bthat(?:\s+(?:earlier|previous|first|prior|original))?\s+letter"
    r"(?:\s+of\s+\d{1,2}/\d{1,2}/\d{2,4})?)"
    r"\s+(?:is|was|has\s+been)\s+(?:hereby\s+)?$",
    I,
)
# the request's or the doctor's words before or in the notice's phrase: the doctor's request letter, never the plan's notice
_REQUEST_WORD = re.compile(r"\b(?:request\w*|doctor|prescriber|physician|dr|office|provider|your)\b", I)


def _notice_withdrawn(text: str, at: int) -> bool:
    """Whether the closure at ``at`` withdraws an earlier notice of the plan's sent in error (no request, doctor or
    prescriber word in its sentence before it, nor between the notice and "sent in error")."""
    m = _NOTICE_WITHDRAWN.search(text, max(0, at - 240), at)
    if m is None:
        return False
    opening = max(text.rfind(". ", 0, m.start()), text.rfind("\n\n", 0, m.start()), 0)
    return not _REQUEST_WORD.search(text, opening, m.start()) and not _REQUEST_WORD.search(m.group("between") or "")


# a closure threatened, not made: "failing which the request will be closed as ...", "may be cancelled" (the words
# before the closure's word, in its sentence)
_THREATENED = re.compile(r"\b(?:will|shall|may|would|could|might|can)\s+(?:then\s+|also\s+)?be\s+$", I)


def closure(text: str) -> re.Match[str] | None:
    """The first word of the letter that closes the request (withdrawn, closed, cancelled), never an earlier
    decision withdrawn ("the denial ... is withdrawn") nor a closure threatened ("will be closed as ...")."""
    return next(
        (
            c
            for c in _CLOSED.finditer(text)
            if not _DECISION_WITHDRAWN.search(text, max(0, c.start() - 60), c.start())
            and not _EARLIER_CLOSED.search(text, max(0, c.start() - 90), c.start())
            and not _THREATENED.search(text, max(0, c.start() - 30), c.start())
            and not _notice_withdrawn(text, c.start())
            and not _replaced(text, c)
        ),
        None,
    )
# a letter from someone else than the plan (a foundation's copay grant, a hub's notice) may say "approved" of
# its own programme and that the plan has not decided: "this is not a decision by your health plan", "your
# plan's prior authorization ... has not yet been decided"
_UNDECIDED = re.compile(
    r"\bno\s+(?:determination|decision)\s+(?:of\s+\w+\s+)?(?:was|has\s+been|will\s+be)\s+(?:made|issued|rendered)\b|"
    r"\b(?:has|have|had)\s+not\s+(?:yet\s+)?been\s+(?:decided|determined|reviewed)\b|"
    r"\bnot\s+(?:yet\s+)?(?:a|any)\s+(?:decision|determination)\s+(?:by|of|from)\s+(?:your|the)\s+"
    r"(?:health\s+|insurance\s+|drug\s+|prescription\s+)?(?:plan|insurer|payer)\b|"
    # "This letter is not a prior authorization and does not say whether your plan will cover LUMAKRAS"
    r"\b(?:this|the|our)\s+(?:letter|notice|grant|award|approval|decision)\s+(?:is|does)\s+not\s+(?:a|an|constitute\s+a|serve\s+as\s+a)\s+"
    rf"(?:{misread.PRIOR}\s+authori[sz]ation|pre-?authori[sz]ation|coverage\s+(?:decision|determination|approval))\b|"
    r"\bdoes\s+not\s+(?:say|tell\s+you|decide|mean|show)\s+whether\s+(?:your|the)\s+(?:health\s+|insurance\s+|drug\s+)?"
    r"(?:plan|insurer|insurance|payer)\s+will\s+(?:cover|pay|approve|authori[sz]e)\b|"
    # a notice about something else (a transfer, a new pharmacy, an address) that disclaims deciding: "it is not a
    # coverage decision", "this notice does not approve or deny anything", "neither approves nor denies your request"
    rf"\b(?:it|this|this\s+(?:letter|notice|message|update))\s+is\s+not\s+(?:a|an|any)\s+(?:coverage|benefit|{misread.PRIOR}\s+authori[sz]ation)\s+"
    r"(?:decision|determination)\b|"
    r"\b(?:does|do|did|will)\s+not\s+(?:approve|authori[sz]e)\s*,?\s+(?:or|nor)\s+(?:deny|reject|decline|refuse)\b|"
    r"\bneither\s+(?:approves?|authori[sz]es?|grants?)\s+nor\s+(?:denies|deny|rejects?|declines?|refuses?)\b|"
    r"\bmakes?\s+no\s+(?:coverage\s+)?(?:decision|determination)\b",
    I,
)


# beyond the limit, a fill or claim elsewhere ("Fills at other pharmacies will not be covered" in an
# approval); its outcome words are never the letter's outcome
_ELSEWHERE = re.compile(
    r"\b(?:other|another|different|alternative|any\s+other|non-?(?:network|participating|preferred|specialty))\s+"
    r"(?:specialty\s+|retail\s+|in-network\s+)?(?:pharmac\w*|drugs?|medicines?|medications?|products?|providers?|prescribers?|"
    r"strengths?|doses?|brands?|stores?|suppliers?|vendors?|locations?|facilit\w+)\b|"
    r"\bout[- ]of[- ]network\b|"
    r"\b(?:quantit(?:y|ies)|doses?|amounts?|fills?|refills?|supply|supplies|claims?|tablets?|days?)\s+(?:above|over|beyond|exceeding|"
    r"greater\s+than|more\s+than|in\s+excess\s+of|past|after)\b|"
    r"\b(?:early|mail[- ]order|retail|walk-in)\s+(?:fills?|refills?|pharmac\w*)\b|"
    r"\b(?:fills?|refills?)\s+(?:at|from|through|filled)\b|"
    r"\bclaims?\b|"  # a pharmacy claim rejected or paid is no decision on the request
    # what falls outside the approval's own terms ("Dispensing outside the approval period is not covered"): a rule
    # of an approval, never its outcome
    r"\b(?:outside|beyond|past|after|before)\s+(?:of\s+)?(?:the|this|your|its)\s+(?:approv\w+|authori[sz]\w+|valid\w*|covered|coverage)\s+"
    r"(?:period|dates?|window|term|time\s*frame|timeframe)\b",
    I,
)

# a concession is no statement of the outcome ("Although the earlier request was approved, ...")
_CONCESSIVE = re.compile(r"\b(?:although|even\s+though|though|albeit)\b", I)

# the sentence after a decision says it is over: "That approval has ended." (the decision is an earlier one)
_ENDED = re.compile(
    r"\s*(?:that|this|the|its|your|the\s+earlier|the\s+previous)\s+(?:approval|authori[sz]ation|coverage|certification)\s+"
    r"(?:has\s+|had\s+|is\s+)?(?:now\s+)?(?:ended|expired|lapsed|closed|run\s+out|no\s+longer\s+(?:active|valid|in\s+effect))\b",
    I,
)


def _ended(sentences: list[re.Match[str]], n: int) -> bool:
    """The sentence after the n-th says the decision it states has ended."""
    return n + 1 < len(sentences) and bool(_ENDED.match(sentences[n + 1].group(0)))


# another drug's cover in force, said as a reason ("KRAZATI (adagrasib) is already authorized for this member")
_IN_FORCE = re.compile(r"\b(?:already|currently|still)\s+(?:been\s+)?(?:authori[sz]ed|approved|covered|certified)\b", I)


# another letter named for what it holds (the thirty-second set's safety pass): a rights page's "If we approved your
# request, ... Your approval letter lists the dates", "your denial notice explains why": a letter referred to, never
# this one's decision ("This approval letter confirms ...", "Approval notice" as a heading are read as before)
_REFERRED_LETTER = re.compile(
    r"\b(?:your|the|an?|each|that|any)\s+(?:approval|denial|decision|determination)\s+(?:notice|letter|notification)\s+"
    r"(?:lists|shows|gives|explains|tells|includes|contains|describes|states|says|has(?!\s+been)|will\s+(?:list|show|give|explain|tell|include|describe))\b",
    I,
)


def referred(text: str) -> str:
    """``text`` with every letter named by what it holds blanked (the same length: every span holds)."""
    return _REFERRED_LETTER.sub(lambda m: re.sub(r"\S", " ", m.group(0)), text)
