"""A German decision at its clause's end: the participle closes the clause whatever stands between it and its
auxiliary ("nach Prüfung ... wird der Antrag ABGELEHNT.", "die Entscheidung über Ihren Antrag ist bis zum Eingang
weiterer Unterlagen ZURÜCKGESTELLT."), the auxiliary before its subject too (the verb-second order after an
opening phrase). :mod:`priorauth.letters.decision`'s subject-copula-word rule reads the word right after the
copula, so a German sentence's decision was never read.

The clause: an auxiliary (``ist``, ``wird``, ``wurde``, ``bleibt``) and the request as its subject (``Antrag``,
``Entscheidung``, ``Kostenübernahme``, ``Verordnung``) within a few words, either order; its last word before the
stop is a decision word. ``nicht`` / ``nicht mehr`` before an approval word is a denial; a negated denial or hold says
nothing. The caller's guards hold (a conditional ``wenn`` / ``falls``, another drug's sentence)."""

from __future__ import annotations

import re

from priorauth.letters.spans import I

_AUX = r"(?:ist|wird|wurde|bleibt|bleiben|werden|wurden)"
_SUBJECT = r"(?:Antrag|Antrags|Entscheidung|Kosten[üu]bernahme|Verordnung|Genehmigung)"
_ARTICLE = r"(?:(?:der|die|das|Ihr|Ihre|Ihren|unser|unsere)[ \t\n]+)?"
# auxiliary then subject (verb second), or subject then auxiliary, then the rest of the clause to its last word
_CLAUSE = re.compile(
    rf"(?:\b{_AUX}[ \t\n]+{_ARTICLE}{_SUBJECT}\b|\b{_SUBJECT}\b[^.;:!?,]{{0,60}}?[ \t\n]{_AUX}\b)"
    r"(?P<rest>[^.;:!?]{0,90}?)[ \t\n](?P<w>[^\s.;:!?,]+)[ \t]*(?=[.;!]|$)",
    I,
)
_NEGATION = re.compile(r"\b(?:nicht|nicht\s+mehr|keine?)\s*$", I)


def hits(sentence: str, word: object) -> list[tuple[str, int, int]]:
    """(outcome, start, end) of each clause-final decision of ``sentence``; ``word(value)`` reads a decision word
    (:func:`priorauth.letters.decision._word`)."""
    out = []
    for m in _CLAUSE.finditer(sentence):
        w = word(m.group("w"))  # type: ignore[operator]
        if w is None or w[1] != 0 or w[2] != len(m.group("w")):
            continue
        outcome = w[0]
        if _NEGATION.search(sentence[: m.start("w")]):
            if outcome != "approved":
                continue  # "wird nicht zurückgestellt": says nothing
            outcome = "denied"
        out.append((outcome, m.start("w"), m.end("w")))
    return out
