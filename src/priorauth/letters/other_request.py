"""A reference number that is another request's (issue 18's thirtieth and thirty-first sets, their safety pass).

When no outcome is read for LUMAKRAS, the number the rules found may belong to what the letter does decide:

* the number is on a line that names another drug and not LUMAKRAS ("Request 0514-PA-571190 - ondansetron 8 mg
  tablets" first in a list of requests, LUMAKRAS's own line below it not read);
* the letter says LUMAKRAS's request is answered apart ("The LUMAKRAS request is being handled separately and will be
  answered in another letter"): its number is the other request's.

Such a number is not proposed (empty, with a warning); a letter that says LUMAKRAS's request is answered apart has no
outcome for it either (what it decides is the other request). Guards: a letter whose outcome is read keeps its number (these
are asked only when none is); a number on a line naming LUMAKRAS, or no drug, is kept; a letter that says another
drug's request is handled apart ("ondansetron is answered in another letter") changes nothing."""

from __future__ import annotations

import re

from priorauth.letters.other_drug import _about_another_drug
from priorauth.letters.spans import I

_OURS = r"(?:lumakras|sotorasib)"
_VERB = r"(?:handled|answered|decided|addressed|reviewed|processed|determined)"
# "the LUMAKRAS request is being handled separately", "... will be answered in another letter", "a separate letter will
# follow for LUMAKRAS": said of LUMAKRAS's request, in the present or the future (never "approved; details in a
# separate letter", which decides it)
_ELSEWHERE = re.compile(
    rf"\b{_OURS}\b[^.\n\[\]]{{0,60}}?\b(?:is|are|will[ \t\n]+be|being)[ \t\n]+(?:being[ \t\n]+)?{_VERB}[ \t\n]+"
    r"(?:separately|apart|(?:in|by)[ \t\n]+(?:a[ \t\n]+)?(?:separate|another|other|different)[ \t\n]+(?:letter|notice|correspondence))"
    rf"|\b(?:a[ \t\n]+)?(?:separate|another)[ \t\n]+(?:letter|notice)[ \t\n]+will[ \t\n]+follow[ \t\n]+(?:for|about|on)[ \t\n]+(?:the[ \t\n]+)?{_OURS}\b",
    I,
)


def names_other(text: str, at: int) -> bool:
    """The line holding ``text[at]`` names another drug and not LUMAKRAS."""
    line = text[text.rfind("\n", 0, at) + 1 : (text.find("\n", at) + 1 or len(text) + 1) - 1]
    return _about_another_drug(line)


def answered_elsewhere(text: str) -> bool:
    """The letter says LUMAKRAS's request is answered apart (handled separately, in another letter)."""
    return bool(_ELSEWHERE.search(text))
