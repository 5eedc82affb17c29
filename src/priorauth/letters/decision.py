"""The decision stated in any shape, read when no known wording of :mod:`priorauth.letters.outcome` said one.

Issue 18's blind sets showed the outcome falling back on every new set: each pass closed the wordings it had
read, the next writer used others. What the missed letters shared was not a wording but a shape: a decision
word bound to this request, either

* as the value of a label that names a decision ("status Text:", "Decision on drug cover:", a telex's "BOARD
  DECISION GRANTED"), its separator a colon, dot leaders, a column gap, or one blank in a line of capitals; or
* as the predicate of a sentence whose subject is the request, the medicine or its cover ("Your medicine is
  COVERED", "la richiesta ... e' stata NEGATA", "The request for LUMAKRAS has been granted"); or
* a review that cannot end yet while the letter asks for what is missing ("We cannot finish our review of
  the request yet. ... Please send the missing items").

The words are the decision vocabulary (approve / authorize / certify / cover / grant / accept, deny / decline /
refuse / reject / not ..., pend / on hold / suspended), in English and in the languages the reader already
reads. Guards: a conditional, concessive or historical sentence or value ("if", "may", "would", "earlier",
"previous", "appeal") says nothing; a negated approval word is a denial only as "not <word>"; statements that
disagree leave the outcome empty (the caller says why)."""

from __future__ import annotations

import re
from collections.abc import Callable

from priorauth.letters.spans import _SENTENCE, Hit, I, M

# each family's words; "not <approve word>" is a denial (checked first)
_NOT = r"(?:not|non|no)[ \t\n]+(?:been[ \t\n]+|stat[ao][ \t\n]+)?"
_APPROVE = (
    r"approved|authori[sz]ed|certified|granted|covered|accepted|allowed|autorizzat[ao]|approvat[ao]|concess[ao]|accolt[ao]"
)
_DENY = r"denied|declined|refused|rejected|negat[ao]|respint[ao]|rifiutat[ao]|non-?certified|disallowed"
_PEND = r"pended|on[ \t]+hold|suspended|sospes[ao]|held[ \t]+open"
_FAMILIES = (
    ("denied", rf"(?:{_NOT})(?:{_APPROVE})|{_DENY}"),
    ("pended", _PEND),
    ("approved", _APPROVE),
)
# what an approval word must not be followed by: the drug's indication, a receipt ("accepted for review"), a rule
_NOT_A_DECISION_AFTER = re.compile(
    r"\s+(?:for\s+(?:review|processing|the\s+treatment|adults?|patients?|use)|as\s+(?:complete|received)|under|by\s+(?:the\s+)?"
    r"(?:FDA|plan\s+rules)|only|when|if|with\s+(?:a|an)\b|in\s+(?:adults|patients))",
    I,
)
# a value or a sentence that states no decision of this request: a condition, a concession, history, an appeal,
# another item ("Other strengths ... are not authorized"), a question, a form's field left to fill, a legend, boxes
_NOT_NOW = re.compile(
    r"\b(?:if|unless|may|might|would|could|should|whether|once|otherwise|although|though|earlier|previous(?:ly)?|prior|"
    r"original(?:ly)?|former(?:ly)?|appeal\w*|reconsideration\s+request|future|reversed|overturned|no\s+longer|"
    r"se|qualora|other|another|different|alternative)\b|\?|_{3,}"
    r"|=|\[[^\]\n]{0,3}\]|[☐☑☒]",  # a legend ("A = approved"), a row of boxes (a fax's "[J] Approved  [ ] Denied")
    I,
)
# a label naming a decision: up to two words before its noun ("BOARD DECISION", "Reconsidered decision"), a short
# qualifier after it ("status Text", "Decision on drug cover", "Determination for LUMAKRAS")
_KEY = r"(?:decision|determination|status|outcome|verdict|result|ruling|esito|decisione|stato)"
_QUALIFIER = (
    r"(?:[ \t]+(?:text|description|desc|detail|summary|code[ \t]+meaning)"
    r"|[ \t]+(?:on|of|for|about|sulla|della)[ \t]+(?:[A-Za-z()]+[ \t]+){0,3}[A-Za-z()]+)?"
)
# the words before the label's noun that make it the status of something else: a formulary's, a claim's, an upload's
_OTHER_STATUS = (
    r"(?!(?:[A-Za-z]+[ \t]+)?(?:formulary|benefits?|eligibility|claims?|members?|account|plan|enrollment|network|payment|tier|"
    r"appeal|shipping|delivery|order|fax|upload|document|file|portal|refill|drug\s+list|pharmacy)\b)"
)
_LABELLED = re.compile(
    rf"^[ \t|>*•\-]*{_OTHER_STATUS}(?:[A-Za-z]+[ \t]+){{0,2}}?{_KEY}{_QUALIFIER}"
    r"(?:[ \t]*[:=|][ \t.:|]*|[ \t]*\.{2,}[ \t.]*|[ \t]{2,}|(?P<caps>[ \t]))(?P<v>[^\n]{2,90})$",
    M,
)
_STOP = re.compile(r"(?:[ \t]+STOP)+[ \t]*$")  # a telex's sentence end ("BOARD DECISION GRANTED STOP")
# the request, its medicine or its cover as a sentence's subject, then a copula (English, Italian)
_SUBJECT = (
    r"\b(?:request|richiesta|domanda|medicine|medication|drug|prescription|coverage|cover|lumakras|sotorasib|"
    r"authori[sz]ation|prior\s+auth\w*|PA)\b"
)
_COPULA = r"(?:is|are|was|were|has\s+been|have\s+been|e['’]{1,2}[ \t\n]+stat[ao]|[èé][ \t\n]+stat[ao]|e['’]{1,2}|[èé]|viene|risulta)"
_STATED = re.compile(rf"{_SUBJECT}[^.;:!?\n]{{0,90}}?(?:\n[^.;:!?\n]{{0,90}}?)?\s{_COPULA}\s+(?:now\s+|hereby\s+|therefore\s+)?(?P<w>[^\s.;,:!?]+(?:\s+[^\s.;,:!?]+)?)", I)
# a review that cannot end yet, while the letter asks for what is missing
_CANNOT_END_YET = re.compile(
    r"\b(?:cannot|can\s*not|are\s+unable\s+to|are\s+not\s+able\s+to)\s+(?:yet\s+)?(?:finish|complete|conclude|close|decide)\b[^.;]{0,80}?\byet\b",
    I,
)
_ASKS = re.compile(
    r"\bplease\s+(?:send|provide|submit|upload|fax)\b|\b(?:missing|still\s+(?:need|missing|outstanding))\b", I
)


def _word(value: str) -> tuple[str, int, int] | None:
    """The first decision word of a value or a predicate, as (outcome, start, end)."""
    best: tuple[str, int, int] | None = None
    for outcome, words in _FAMILIES:
        m = re.search(rf"(?<![\w-])(?:{words})(?![\w-])", value, I)
        if m and (best is None or m.start() < best[1]):
            if outcome == "approved" and _NOT_A_DECISION_AFTER.match(value, m.end()):
                continue
            best = (outcome, m.start(), m.end())
    return best


# a letter that says it decides nothing ("this is not an authorization", "does not guarantee coverage")
_NO_DECISION = re.compile(
    r"\b(?:this|it)\s+is\s+not\s+an?\s+(?:authori[sz]ation|approval|decision|determination|denial)\b|"
    r"\bdoes\s+not\s+(?:guarantee|mean|promise)\s+(?:coverage|approval|payment)\b|\bnot\s+a\s+decision\b",
    I,
)


def general_hits(text: str, skip: Callable[[str], bool] | None = None) -> list[Hit]:
    """Every decision stated in one of the general shapes (see the module's text); ``skip(sentence)`` says a
    sentence decides something else (another drug). The caller keeps them only when they agree."""
    out: list[Hit] = []
    if _NO_DECISION.search(text):
        return out
    for m in _LABELLED.finditer(text):
        line = m.group(0)
        if m.group("caps") is not None and line.strip() != line.strip().upper():
            continue  # one blank separates a label from its value only in a line of capitals (a telex, a card)
        v = _STOP.sub("", m.group("v"))
        if _NOT_NOW.search(v) or _NOT_NOW.search(line[: m.start("v") - m.start()]):
            continue
        w = _word(v)
        if w is None or len(v[: w[1]].split()) > 6:  # the word opens the value, or follows the drug's name
            continue
        out.append(Hit(w[0], m.start("v") + w[1], m.start("v") + w[2]))
    for s in _SENTENCE.finditer(text):
        sentence = s.group(0)
        if _NOT_NOW.search(sentence) or (skip is not None and skip(sentence)):
            continue
        for m in _STATED.finditer(sentence):
            w = _word(sentence[m.start("w") : m.end("w")] + sentence[m.end("w") : m.end("w") + 40])
            if w is None or w[1] != 0:
                continue  # the predicate itself is the decision word ("is COVERED", "e' stata NEGATA")
            out.append(Hit(w[0], s.start() + m.start("w"), s.start() + m.start("w") + w[2]))
        if _CANNOT_END_YET.search(sentence) and _ASKS.search(text):
            m = _CANNOT_END_YET.search(sentence)
            out.append(Hit("pended", s.start() + m.start(), s.start() + m.end()))
    return out
