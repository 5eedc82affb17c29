"""A patient detail the letter prints under a label but the reader could not read (issue 18's twenty-seventh set, its
safety pass).

"A mismatch is said first and nothing is proposed": a letter about another patient that differs only in a detail the
reader left unread (a member id under a label no rule knew, a name after a label OCR garbled) passed as this case's
patient. When the letter labels the patient's name or member id on a line of its own (the label before a colon, the
value after it) and that detail was not read, the proposal warns first that the letter's patient cannot be confirmed,
so it is never accepted silently.

Guards: the label opens its line and holds a word of the detail (a name's, an id's with its owner's: a member's, a
card's, an insured's), never another thing's number (a request's, a claim's, a policy's group); the value holds a
digit for an id, a capitalised word and no digit for a name."""

from __future__ import annotations

import re
from typing import Any

from priorauth.letters.spans import M

_OWNER = r"(?:member(?:ship)?|card|carte|tarjeta|cart[ãa]o|adh[ée]rent(?:e|\(e\))?|assur[ée](?:e|\(e\))?|afiliad[oa]|subscriber|insured|enrollee|beneficiary|b[ée]n[ée]ficiaire)"
_NUMBER = r"(?:id|no\.?|number|n[°º]\.?|#|num[ée]ro|n[úu]mero|nummer)"
_NOT_OURS = r"(?:request|claim|case|reference|ref|dossier|authori[sz]ation|group|prescriber|provider|npi|fax|phone|t[ée]l)"
# the label: up to 40 characters before the colon opening the line, no other thing's number in it
_LABELS: dict[str, re.Pattern[str]] = {
    "member id": re.compile(
        rf"^[ \t|]*(?![^:\n]*\b{_NOT_OURS}\b)(?=[^:\n]*\b{_OWNER})(?=[^:\n]*{_NUMBER}(?![a-z]))[^:\n]{{2,40}}:[ \t]*[^\n]*\d",
        M,
    ),
    "name": re.compile(
        rf"^[ \t|]*(?![^:\n]*\b{_NOT_OURS}\b)(?:(?:patient|{_OWNER})[ \t]*(?:'s[ \t]+)?(?:full[ \t]+)?name|nom|nombre)\b[^:\n]{{0,30}}:"
        r"[ \t]*(?:(?:Mr|Mrs|Ms|Mme|M|Sr|Sra)\.?[ \t]+)?(?-i:[A-Z])[^\d\n]*$",
        M,
    ),
}
_FIELD_KEY = {"member id": "member_id", "name": "name"}


def unread(text: str, read: dict[str, Any]) -> list[str]:
    """The patient details (in words, no values: PHI) the letter labels but the reader did not read."""
    return [what for what, label in _LABELS.items() if not read.get(_FIELD_KEY[what]) and label.search(text)]


def warning(missing: list[str]) -> str:
    return (
        "the letter prints the patient's " + " and ".join(missing) + " but it could not be read: it cannot be confirmed "
        "that the letter is about this case's patient; check it on the letter"
    )
