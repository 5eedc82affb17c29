"""The words of a decision (:data:`_OUTCOME_WORDS`): the outcome each word says, as a label's value, a table's
cell, a box's word or a status code's meaning ("Approved", "DENIED", "more information needed", "indeferida")."""

from __future__ import annotations

import re

from priorauth.letters.spans import I

_OUTCOME_WORDS = (  # the value of a "Decision:" / "Status:" label
    (
        "pended",
        r"pend(?:ed|ing)?|more\s+information|additional\s+information|info(?:rmation)?\s+(?:needed|requested|required)|"
        r"incomplete|on\s+hold|request\s+for\s+information|addl\.?\s+info|questions?\s+(?:sent|asked)\s+to\s+(?:the\s+)?prescriber|"
        r"a?waiting\s+(?:for\s+|on\s+|from\s+)?(?:the\s+)?(?:prescriber|physician|doctor|provider)|"
        r"pendente|sospes[ao]|in\s+attesa|a?waiting\s+(?:for\s+)?(?:(?:additional|more|the|your)\s+)?(?:information|records|documentation|documents|chart|notes|"
        r"clinical\s+(?:information|notes|records)|response|reply)|held\s+open|information\s+outstanding",
    ),  # a request received or "under review" is not decided yet: no outcome (a receipt is no pended notice)
    (
        "denied",
        r"den[il1|t]ed|deny|denial|disapproved|denegad[ao]|indeferid[ao]|negad[ao]|n[ãa]o\s+autorizad[ao]|non\s+autorizzat[ao]|no\s+aprobad[ao]|no\s+autorizad[ao]|abgelehnt|nicht\s+genehmigt|not\s+approved|not\s+authorized|adverse|unfavorable|not\s+certified|non-?certified|declined|not\s+covered|refused|rejected",
    ),  # a system's decision code is a verb: APPROVE, DENY, PEND
    ("approved", r"approved?|aprobad[ao]|deferid[ao]|autorizad[ao]|autorizzat[ao]|aprovad[ao]|genehmigt|bewilligt|(?-i:APPROVF)|approval|authorized|certified|granted|favorable|auth(?:orization)?\s+ok"),  # OCR's F for E
)


def _item_value(word: str) -> str | None:
    for value, words in _OUTCOME_WORDS:
        if re.fullmatch(rf"(?:{words})", " ".join(word.split()), I):
            return value
    return None


def said_value(text: str, tail: str = r"\b") -> str | None:
    """The outcome the first of :data:`_OUTCOME_WORDS`'s words found in ``text`` says (pended, then denied, then
    approved), ``tail`` closing the word (a code's meaning is read with none: "approved as requested", "APPR")."""
    return next((v for v, words in _OUTCOME_WORDS if re.search(rf"\b(?:{words}){tail}", text, I)), None)


_NEGATED = re.compile(r"\b(?:not|no|unable|cannot|can[’']t|never)\b", I)
