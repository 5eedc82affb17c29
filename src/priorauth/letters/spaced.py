"""A decision stamped letter-spaced ("D E N I E D", "A P P R O V E D"), read as the word it spells.

Issue 18's nineteenth set printed a pharmacist notice whose stamp box spaced its word's letters out. Only a
decision's word is joined (a run of single capitals, one blank between them, that spells it, set off from any
other letter): the word is written at the run's start and the rest blanked (the same length: every span holds)."""

from __future__ import annotations

import re

_WORDS = {
    "APPROVED", "AUTHORIZED", "AUTHORISED", "CERTIFIED", "COVERED", "DENIED", "DECLINED", "PENDED", "PENDING",
    "APPROVATA", "APPROVATO", "RESPINTA", "RESPINTO", "SOSPESA", "SOSPESO", "APROVADO", "APROVADA", "NEGADO",
    "NEGADA", "PENDENTE",
}
_RUN = re.compile(r"(?<![A-Za-z0-9])(?-i:[A-Z](?: [A-Z]){4,11})(?![A-Za-z0-9])")


def joined(text: str) -> str:
    """The text with each letter-spaced decision word written as the word (then blanks)."""

    def one(m: re.Match[str]) -> str:
        word = m.group(0).replace(" ", "")
        return word.ljust(len(m.group(0))) if word in _WORDS else m.group(0)

    return _RUN.sub(one, text) if " " in text else text
