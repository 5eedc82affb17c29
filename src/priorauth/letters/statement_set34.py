"""A payer's statement of its decision in the wordings of US plans' letters the thirty-fourth set brought (the
thirty-second pass): a notice's title naming the approved authorization ("NOTICE OF APPROVED PHARMACY PRIOR
AUTHORIZATION"), a title that says an approval was granted ("PRIOR APPROVAL GRANTED"), a Medicare notice's "your plan
will cover LUMAKRAS", a relay's "the plan has placed the PA on hold" and a title whose status after its dash is the
information it waits for ("PRIOR AUTHORIZATION - PENDING INFORMATION").

Read by :mod:`priorauth.letters.outcome` with the other statements (:mod:`priorauth.letters.statements`), under the same
guards (a condition, another drug, an ended approval, a quoted earlier decision). Guards of their own: the titles only
a line of their own (a blank line under it, or the letter's end: never over the fields it heads, nor in a sentence);
"notice of approved ..." only when what it names is an authorization, a coverage, a request or an exception ("NOTICE
OF APPROVED PHARMACIES" names no decision); "granted" only right after the approval's name ("APPROVAL NOT GRANTED",
"PRIOR APPROVAL REQUEST GRANTED ..." are read by their own rules or not at all); "will cover" only with the drug named
(or "this drug") and no condition, time or limit after it in the sentence ("... will cover LUMAKRAS once ...", "...
only if ...": a promise, no decision), nor a negation, a doubt, a question or a condition anywhere in it ("This letter
does not mean that your plan will cover ...", "... does not guarantee ...", "Is it true that ...?", "whether ..."); "placed ... on hold" only of the request (a hold on a shipment, an account or a
pharmacy says nothing); the pend title never an appeal's, an earlier or a sample one's."""

from __future__ import annotations

_DRUG = r"(?:lumakras|sotorasib)\b"
_ALONE = r"(?=\s*\Z)"  # the title the whole sentence (a blank line under it)
# a title's words that make it another thing's: an appeal, an earlier decision, a sample
_NOT_THIS = r"(?![^\n]*\b(?-i:APPEAL|APPEALS|PREVIOUS|EARLIER|ORIGINAL|SAMPLE|EXAMPLE|HISTORY|NOT|NO)\b)"

# "NOTICE OF APPROVED PHARMACY PRIOR AUTHORIZATION", "Notice of approved coverage"
_NOTICE_OF_APPROVED = (
    rf"^\s*{_NOT_THIS}notice\s+of\s+approved\s+(?:[A-Za-z-]+\s+){{0,3}}?"
    rf"(?:prior\s+authori[sz]ation|pre-?authori[sz]ation|authori[sz]ation|coverage|request|exception){_ALONE}"
)
# "PRIOR APPROVAL GRANTED", "AUTHORIZATION GRANTED" alone on its line
_GRANTED_TITLE = (
    rf"^\s*{_NOT_THIS}(?:(?:prior|pharmacy|drug|coverage)\s+)?(?:approval|authori[sz]ation|pre-?authori[sz]ation|coverage)"
    rf"\s+granted[ \t.!]*{_ALONE}"
)
# "your plan will cover LUMAKRAS (sotorasib) 120 mg tablets that Dr. ... asked for" (no condition nor time after it)
_PLAN_WILL_COVER = (
    # (never in a sentence about an appeal: "Your appeal has been upheld and the plan will cover ...", read by its rules)
    r"^(?![^.]*\b(?:appeal|appeals|upheld|overturned|redetermination|reconsideration)\b)"
    # (never in a sentence that denies, doubts, asks or conditions it: "This letter does not mean that your plan will
    # cover LUMAKRAS", "... does not guarantee ...", "Is it true that your plan will cover LUMAKRAS?", "whether ...")
    r"(?![^.]*(?:\?|n[’']t\b|\b(?:not|no|nothing|none|never|cannot|neither|nor|whether|if|unless|until|once|guarantee[sd]?|"
    r"guaranteeing|mean|means|may|might|could|would|should)\b))[^.]*?"
    r"\b(?:your|the|our)\s+(?:health\s+|drug\s+|prescription\s+|medicare\s+)?plan\s+will\s+(?:now\s+)?cover\s+"
    rf"(?:{_DRUG}|this\s+(?:drug|medication|medicine|prescription))"
    r"(?![^.]*\b(?:if|when|once|after|unless|until|only|provided|as\s+long\s+as)\b)"
)
# "The plan has placed the LUMAKRAS PA on hold", "the insurer placed your request on hold"
_PLACED_ON_HOLD = (
    r"\b(?:plan|insurer|payer|reviewer|health\s+plan)\s+(?:has\s+|have\s+)?placed\s+(?:the\s+|this\s+|your\s+)?"
    r"(?:[A-Za-z-]+\s+){0,2}?(?:PA|prior\s+auth(?:ori[sz]ation)?|authori[sz]ation|request|case|review)\s+on\s+hold\b"
)
# "PRIOR AUTHORIZATION - PENDING INFORMATION", "PA REQUEST - PENDED FOR ADDITIONAL INFORMATION"
_PEND_TITLE = (
    rf"^\s*{_NOT_THIS}(?-i:[A-Z][A-Z/&]*(?:[ \t]+[A-Z][A-Z/&]*){{0,3}})[ \t]+[-–—][ \t]+"
    r"(?-i:PEND(?:ING|ED)(?:[ \t]+FOR)?[ \t]+(?:(?:MORE|ADDITIONAL|CLINICAL)[ \t]+)?(?:INFORMATION|INFO|DOCUMENTATION|RECORDS))"
    + _ALONE
)

APPROVED = [_NOTICE_OF_APPROVED, _GRANTED_TITLE, _PLAN_WILL_COVER]
PENDED = [_PLACED_ON_HOLD, _PEND_TITLE]
