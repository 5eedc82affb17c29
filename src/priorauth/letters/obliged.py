"""A payer's denial said as what it must do: "We reviewed your request for LUMAKRAS and must deny it.", "we have
to decline this request", "we are required to refuse coverage". :mod:`priorauth.letters.decision` read a body's
act only as a past verb with "to" ("declined to authorize"); the modal of obligation with the verb's base form was
never read.

The shape: ``we`` (the payer), within the sentence a modal of obligation (``must``, ``have to``, ``had to``, ``are
obliged / required / compelled to``), a denial verb's base form, and this request as its object (``it``, ``the /
this / your request``, ``coverage``, the drug). Guards: a general rule's object ("must deny any request that ...",
"every claim") is no object here; a negated modal ("must not deny", "do not have to deny") says nothing; the caller's
sentence guards hold (a conditional "if" / "unless", another drug's sentence)."""

from __future__ import annotations

import re

from priorauth.letters.spans import I

_MODAL = r"(?:must|have\s+to|had\s+to|are\s+(?:obliged|required|compelled|bound)\s+to|were\s+(?:obliged|required|compelled)\s+to)"
_DENY = r"(?:deny|decline|refuse|reject|disallow)"
_OBJECT = (
    r"(?:it|(?:the|this|your)\s+(?:request|prescription|application|claim)|coverage|cover|"
    r"(?:the\s+)?(?:lumakras|sotorasib)\b)"
)
_OBLIGED = re.compile(
    rf"\bwe\b[^.;:!?]{{0,120}}?\b{_MODAL}\s+(?:therefore\s+|now\s+)?(?P<v>{_DENY})\s+{_OBJECT}(?![\w-])", I
)
_NEGATED = re.compile(r"\b(?:not|never|no\s+longer)\s+$|n['’]t\s+$", I)


def hits(sentence: str) -> list[tuple[str, int, int]]:
    """("denied", start, end) of each obliged denial of ``sentence`` (its verb's span)."""
    out = []
    for m in _OBLIGED.finditer(sentence):
        head = sentence[: m.start("v")]
        modal = re.search(rf"{_MODAL}\s+(?:therefore\s+|now\s+)?$", head, I)
        if modal is None or _NEGATED.search(head[: modal.start()]) or re.search(r"\bnot\s+$", head, I):
            continue
        out.append(("denied", m.start("v"), m.end("v")))
    return out
