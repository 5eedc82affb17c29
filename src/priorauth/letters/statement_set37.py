"""The thirty-seventh set's wordings of a decision (issue 18, letters pass 35): US plans' letters.

* a refusal said as approval not given: "We cannot give prior approval for LUMAKRAS", "We are unable to grant approval
  of this request" (the plan's "we", LUMAKRAS or the request as its object; never with a condition, a question, a quote,
  a past told or the request passed on in its sentence: the thirty-fifth set's guards; nor in a letter :func:`stands`
  refuses);
* a review waiting on what it asks for: "To finish the review, please send the pathology report", "To complete the
  review, please fax ...", "Before we decide on LUMAKRAS, please send:" (a sentence that opens with it, never "To
  finish the form, please sign", a bare "To finish," or "To continue,", nor "Before we decide, you may call us");
* an approval "without a new trial of other drugs" (a continuity-of-care approval): the other drugs are the ones the
  member need not try, no fill or drug elsewhere (:func:`waived_others` takes them out of the "elsewhere" guard)."""

from __future__ import annotations

import re

from priorauth.letters.spans import I
from priorauth.letters.statement_set35 import _NO_CONDITION

_DRUG = r"(?:lumakras|sotorasib)"
_NOT_GIVEN = (
    # (the review's fix: the plan's "we" opens the sentence, at most after "Unfortunately," or "At this time,": never
    # "For member <id> we ...", "In our letter of ... we ...", "Why we ...", "The reviewer had written: we ...")
    rf"^{_NO_CONDITION}(?![^.]*\b(?:had|written|letter\s+of)\b)[ \t]*(?:(?:unfortunately|regrettably|at\s+this\s+time)[ \t]*,?[ \t]*)?"
    r"we\s+(?:cannot|can\s*not|could\s+not|are\s+unable\s+to|were\s+unable\s+to|are\s+not\s+able\s+to)\s+"
    r"(?:give|grant|issue|provide)\s+(?:(?:a|the|your)\s+)?(?:prior\s+)?(?:approval|authori[sz]ation)\s+(?:for|of|to)\s+"
    rf"(?:(?:this|the|your)\s+(?:request|prescription)(?:\s+for\s+{_DRUG}(?:\s*\([a-z]+\))?)?|{_DRUG}(?:\s*\([a-z]+\))?)(?=[ \t]*(?:[.;]|$))"
)
DENIED = [_NOT_GIVEN]

# (the review's fix: the review or request named, never a bare "To continue," / "To finish,": an approval's renewal or
# delivery errand)
_TO_FINISH = (
    r"^[ \t]*(?:in\s+order\s+)?to\s+(?:finish|complete)\s+(?:our|the|this|its|his|her)\s+(?:review|request)"
    r"[ \t]*,[ \t]*please\s+(?:send|fax|provide|submit|upload)\b"
)
# "Before we decide on LUMAKRAS, please send:": the review waits on what it asks for (never "Before we decide, you may
# call us", no ask; nor "Before we decided", a past told)
_BEFORE_WE_DECIDE = (
    r"^[ \t]*before\s+(?:we|the\s+plan|our\s+(?:pharmacist|reviewer))\s+(?:can\s+)?(?:decide|make\s+(?:a|our)\s+decision|review)"
    # (the review's fix: "on ..." only LUMAKRAS or this request, never another drug, an appeal or a renewal)
    rf"(?:\s+(?:on|about)\s+(?:{_DRUG}|(?:your|the|this)\s+(?:request|prior\s+authori[sz]ation\s+request)(?:\s+for\s+{_DRUG})?))?"
    r"[ \t]*,[ \t]*please\s+(?:send|fax|provide|submit|upload)\b"
)
PENDED = [_TO_FINISH, _BEFORE_WE_DECIDE]

# the other drugs a member need not try first: "without a new trial of other drugs", "without first trying other drugs"
_WAIVED = re.compile(
    r"\bwithout\s+(?:(?:a|any)\s+(?:new\s+|further\s+|first\s+)?trial\s+of|(?:first\s+)?trying|having\s+to\s+try|"
    r"(?:requiring\s+)?(?:a\s+)?step\s+therapy\s+(?:with|through|on))\s+(?:the\s+)?(?:other|alternative|formulary)\s+"
    r"(?:drugs?|medicines?|medications?|treatments?|therapies)\b",
    I,
)


# (the review's fix: only LUMAKRAS's own approval, or "continued coverage" of no other drug, and never a past year's)
_OURS_WAIVED = re.compile(rf"\b{_DRUG}\b|\bcontinued\s+coverage\b(?!\s+(?:of|for)\s+(?!{_DRUG}\b|this\b|your\b|the\s+(?:request|drug|medication)\b))", I)
_PAST_YEAR = re.compile(r"\b(?:last|previous|prior|past)\s+(?:year|plan\s+year|month|time)\b|\bin\s+20\d\d\b|\b(?:had|earlier|previously)\b", I)


def waived_others(sentence: str) -> str:
    """The sentence with its "without a new trial of other drugs" blanked (same length): only in a sentence that names
    LUMAKRAS or "continued coverage" (of no other drug), never a past one's."""
    if not _OURS_WAIVED.search(_WAIVED.sub(" ", sentence)) or _PAST_YEAR.search(sentence):
        return sentence
    return _WAIVED.sub(lambda m: " " * len(m.group(0)), sentence)


# the letter says its refusal is none ("This is not a denial", "LUMAKRAS does not need prior approval", "sent to the
# wrong plan"), or the request ended or the decision was undone (withdrawn, cancelled, overturned, reversed): the
# thirty-seventh set's "we cannot give prior approval" is no denial there (the review's fix)
_NOT_REFUSED = re.compile(
    r"\bnot\s+an?\s+(?:denial|adverse)|\b(?:does|do|did)\s+not\s+(?:need|require)\b|\bno\s+prior\s+(?:approval|authori[sz]ation)\s+is\s+"
    r"(?:needed|required)|\bwrong\s+(?:plan|insurer|payer)|\bwithdr[ae]wn?\b|\bwithdraw|\bcancel|\boverturn|\brevers",
    I,
)
# an approval said anywhere in the letter ("We now approve it", "LUMAKRAS is approved separately", a title "APPROVED")
_APPROVAL_SAID = re.compile(r"(?<!\bnot\s)(?<!\bnever\s)\bapprov(?:e|es|ed|ing)\b", I)
# a field naming the drug asked for that is not LUMAKRAS ("Request: ondansetron 8 mg")
_OTHER_FIELD = re.compile(
    rf"\b(?:request(?:ed)?|drug|medication|product|item)(?:\s+(?:name|requested))?[ \t]*:[ \t]*(?![^\n.]*\b{_DRUG}\b)[A-Za-z]", I
)


def stands(pattern: str, text: str) -> bool:
    """Whether the thirty-seventh set's statement ``pattern`` decides in ``text``: "we cannot give prior approval" only
    in a letter that neither says it is no denial, nor ends the request, nor approves anything, and (said of "this
    request") names no other drug asked for; any other pattern stands as it is."""
    if pattern != _NOT_GIVEN:
        return True
    return not (_NOT_REFUSED.search(text) or _APPROVAL_SAID.search(text) or _OTHER_FIELD.search(text))

