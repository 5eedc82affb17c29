"""The thirty-seventh set's wordings of a decision (issue 18, letters pass 35): US plans' letters.

* a refusal said as approval not given: "We cannot give prior approval for LUMAKRAS", "We are unable to grant approval
  of this request" (the plan's "we", LUMAKRAS or the request as its object; never with a condition, a question, a quote,
  a past told or the request passed on in its sentence: the thirty-fifth set's guards);
* a review waiting on what it asks for: "To finish, please send the pathology report", "To complete the review,
  please fax ...", "Before we decide on LUMAKRAS, please send:" (a sentence that opens with it, never "To finish the
  form, please sign", nor "Before we decide, you may call us");
* an approval "without a new trial of other drugs" (a continuity-of-care approval): the other drugs are the ones the
  member need not try, no fill or drug elsewhere (:func:`waived_others` takes them out of the "elsewhere" guard)."""

from __future__ import annotations

import re

from priorauth.letters.spans import I
from priorauth.letters.statement_set35 import _NO_CONDITION

_DRUG = r"(?:lumakras|sotorasib)"
_NOT_GIVEN = (
    rf"^{_NO_CONDITION}[^.]*?\bwe\s+(?:cannot|can\s*not|could\s+not|are\s+unable\s+to|were\s+unable\s+to|are\s+not\s+able\s+to)\s+"
    r"(?:give|grant|issue|provide)\s+(?:(?:a|the|your)\s+)?(?:prior\s+)?(?:approval|authori[sz]ation)\s+(?:for|of|to)\s+"
    rf"(?:(?:this|the|your)\s+(?:request|prescription)(?:\s+for\s+{_DRUG}(?:\s*\([a-z]+\))?)?|{_DRUG}(?:\s*\([a-z]+\))?)(?=[ \t]*(?:[.;]|$))"
)
DENIED = [_NOT_GIVEN]

_TO_FINISH = (
    r"^[ \t]*(?:in\s+order\s+)?to\s+(?:finish|complete|continue)(?:\s+(?:our|the|this|its|his|her)\s+(?:review|request))?"
    r"[ \t]*,[ \t]*please\s+(?:send|fax|provide|submit|upload)\b"
)
# "Before we decide on LUMAKRAS, please send:": the review waits on what it asks for (never "Before we decide, you may
# call us", no ask; nor "Before we decided", a past told)
_BEFORE_WE_DECIDE = (
    r"^[ \t]*before\s+(?:we|the\s+plan|our\s+(?:pharmacist|reviewer))\s+(?:can\s+)?(?:decide|make\s+(?:a|our)\s+decision|review)"
    r"(?:\s+(?:on|about)\s+[^,.;\n]{1,60})?[ \t]*,[ \t]*please\s+(?:send|fax|provide|submit|upload)\b"
)
PENDED = [_TO_FINISH, _BEFORE_WE_DECIDE]

# the other drugs a member need not try first: "without a new trial of other drugs", "without first trying other drugs"
_WAIVED = re.compile(
    r"\bwithout\s+(?:(?:a|any)\s+(?:new\s+|further\s+|first\s+)?trial\s+of|(?:first\s+)?trying|having\s+to\s+try|"
    r"(?:requiring\s+)?(?:a\s+)?step\s+therapy\s+(?:with|through|on))\s+(?:the\s+)?(?:other|alternative|formulary)\s+"
    r"(?:drugs?|medicines?|medications?|treatments?|therapies)\b",
    I,
)


def waived_others(sentence: str) -> str:
    """The sentence with its "without a new trial of other drugs" blanked (same length)."""
    return _WAIVED.sub(lambda m: " " * len(m.group(0)), sentence)
