"""A member's id labelled as it was given on a request (issue 18's twenty-fourth set, its safety pass).

A misdirected request's notice prints ``Member ID on the request: BMX-...``: the number rules read a bare
``request:`` as the request's number label and took the member's id as the authorization's number (on a letter that
decided nothing). The words before the label on its line name whose id it is: a member's, a patient's, a
subscriber's or a policy's id (``... ID / number / no. on / in / of / from the request``) is never the
authorization's number.

Guards: ``Request number:``, ``Number of the request:``, ``Authorization number on the request:`` stay numbers."""

from __future__ import annotations

import re

_OWNER = re.compile(
    r"\b(?:member|patient|subscriber|enrollee|policy|beneficiary)(?:['’]s)?[ \t]+(?:id|number|no\.?|#)"
    r"[ \t]+(?:(?:as[ \t]+)?(?:given|shown|written|printed|entered)[ \t]+)?(?:on|in|of|from)[ \t]+(?:the|this|your)[ \t]*$",
    re.I,
)


def names_member(text: str, line_start: int, label_start: int) -> bool:
    """The words before the number's label on its line say the value is a member's (or patient's...) id."""
    return bool(_OWNER.search(text, line_start, label_start))
