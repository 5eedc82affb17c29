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

from priorauth.letters import obliged, verb_final
from priorauth.letters.spans import _SENTENCE, Hit, I, M

# each family's words; "not <approve word>" is a denial (checked first)
_NOT = r"(?:not|non|no|nicht)[ \t\n]+(?:been[ \t\n]+|stat[ao][ \t\n]+)?"
_APPROVE = (
    r"approved|authori[sz]ed|certified|granted|covered|accepted|allowed|autorizzat[ao]|approvat[ao]|concess[ao]|accolt[ao]|"
    r"accord[ée]e?s?|approuv[ée]e?s?|autoris[ée]e?s?|genehmigt|bewilligt|"  # French, German
    r"aprovad[oa]|deferid[oa]"  # Portuguese
)
_DENY = (
    r"denied|declined|refused|rejected|negat[ao]|respint[ao]|rifiutat[ao]|non-?certified|disallowed|"
    r"refus[ée]e?s?|rejet[ée]e?s?|abgelehnt|negad[oa]|indeferid[oa]|recusad[oa]"
)
_PEND = r"pended|on[ \t]+hold|suspended|sospes[ao]|held[ \t]+open|en[ \t]+attente|zur[üu]ckgestellt|pendente"
_FAMILIES = (
    ("denied", rf"(?:{_NOT})(?:{_APPROVE})|{_DENY}"),
    ("pended", _PEND),
    ("approved", _APPROVE),
)
# what an approval word must not be followed by: the drug's indication, a receipt ("accepted for review"), a rule
# "approved under authorization APH-27-0406" names the approval's own number: the approval stands
_UNDER_ID = r"\s+(?:(?:prior\s+)?authori[sz]ation|auth|reference|ref|PA|approval)(?:\s+(?:number|no\.?|#|ID))?[\s:#]+(?=\S*\d)\w"
_NOT_A_DECISION_AFTER = re.compile(
    rf"\s+(?:for\s+(?:review|processing|the\s+treatment|adults?|patients?|use)|as\s+(?:complete|received)|under(?!{_UNDER_ID})|by\s+(?:the\s+)?"
    r"(?:FDA|plan\s+rules)|only|when|if|with\s+(?:a|an)\b|in\s+(?:adults|patients))",
    I,
)
# a value or a sentence that states no decision of this request: a condition, a concession, history, an appeal,
# another item ("Other strengths ... are not authorized"), a question, a form's field left to fill, a legend, boxes
_NOT_NOW = re.compile(
    r"\b(?:if|unless|may|might|would|could|should|whether|once|otherwise|although|though|earlier|previous(?:ly)?|prior|"
    r"original(?:ly)?|former(?:ly)?|appeal\w*|reconsideration\s+request|future|reversed|overturned|no\s+longer|"
    r"(?<!-)(?<!\bpas\s)(?<!\bne\s)se|qualora|si|lorsque|wenn|falls|sofern|other|another|different|alternative)\b|\?|_{3,}"
    r"|=|\[[^\]\n]{0,3}\]|[☐☑☒]",  # a legend ("A = approved"), a row of boxes (a fax's "[J] Approved  [ ] Denied")
    I,
)
# a label naming a decision: up to two words before its noun ("BOARD DECISION", "Reconsidered decision"), a short
# qualifier after it ("status Text", "Decision on drug cover", "Determination for LUMAKRAS")
_KEY = r"(?:decision|determination|status|outcome|verdict|result|ruling|esito|decisione|stato|(?-i:STAT))"  # a slip's "STAT"
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
    rf"^[ \t|>*•\-]*(?:\#{{1,4}}[ \t]+)?{_OTHER_STATUS}(?:[A-Za-z]+[ \t]+){{0,2}}?{_KEY}{_QUALIFIER}"
    r"(?:[ \t]*[:=|][ \t.:|]*|[ \t]*\.{2,}[ \t.]*|[ \t]{2,}|(?P<caps>[ \t]))(?P<v>[^\n]{2,90})$",
    M,
)
_STOP = re.compile(r"(?:[ \t]+STOP)+[ \t]*$")  # a telex's sentence end ("BOARD DECISION GRANTED STOP")
# the request, its medicine or its cover as a sentence's subject, then a copula (English, Italian)
_SUBJECT = (
    r"\b(?:request|richiesta|domanda|medicine|medication|drug|prescription|coverage|cover|lumakras|sotorasib|"
    r"authori[sz]ation|prior\s+auth\w*|PA|demande|antrag|pedido|solicita[çc][ãa]o)\b"
)
_COPULA = (
    r"(?:is|are|was|were|has\s+been|have\s+been|e['’]{0,2}[ \t\n]+stat[ao]|[èé][ \t\n]+stat[ao]|e['’]{1,2}|[èé]|viene|risulta|"
    r"est|a[ \t\n]+[ée]t[ée]|ist|wurde|"  # French, German
    r"encontra-se|est[áa]|foi|fica)"  # Portuguese
)
_STATED = re.compile(rf"{_SUBJECT}[^.;:!?\n]{{0,90}}?(?:\n[^.;:!?\n]{{0,90}}?)?\s{_COPULA}\s+(?:now\s+|hereby\s+|therefore\s+)?(?P<w>[^\s.;,:!?]+(?:\s+[^\s.;,:!?]+)?)", I)
# a review that cannot end yet, while the letter asks for what is missing
_CANNOT_END_YET = re.compile(
    r"\b(?:cannot|can\s*not|are\s+unable\s+to|are\s+not\s+able\s+to)\s+(?:yet\s+)?(?:finish|complete|conclude|close|decide)\b[^.;]{0,80}?\byet\b",
    I,
)
# a body that can consider the request only once it has what it asks for: "before the Committee can consider your
# claim for LUMAKRAS we need: ...", "Before we can review this request we require ..."
_BEFORE_WE_CAN = re.compile(
    r"\bbefore\s+(?:we|(?:the|our)\s+(?:[A-Za-z]+\s+){0,2}?(?:committee|panel|board|reviewers?|pharmacists?|team))\s+can\s+"
    r"(?:consider|review|decide|assess|finish|complete)\b[^.;]{0,80}?\b(?:we|the\s+\w+)\s+(?:need|needs|require|requires|must\s+have)\b",
    I,
)
_ASKS = re.compile(
    r"\bplease\s+(?:send|provide|submit|upload|fax)\b|\b(?:missing|still\s+(?:need|missing|outstanding))\b|"
    r"\bbitte\s+(?:senden|schicken|reichen)\b|\bes\s+fehlen\b|\bmerci\s+de\s+nous\s+(?:faire\s+parvenir|adresser|transmettre)\b|"
    r"\bveuillez\s+nous\s+(?:faire\s+parvenir|adresser|transmettre)\b",
    I,
)
# the same in German and French: "können wir noch nicht entscheiden", "nous ne pouvons pas encore statuer"
_NOT_YET_DECIDED = re.compile(
    r"\b(?:k\w{1,2}nnen|konnten)\s+wir\s+(?:\w+\s+){0,2}?noch\s+nicht\s+(?:entscheiden|abschlie\w+)\b|"  # OCR's "kénnen"
    r"\bne\s+pouvons\s+pas\s+encore\s+(?:statuer|d[ée]cider|conclure)\b",
    I,
)
# a body deciding in the active voice: "The Committee declined to authorize the request", "we agreed to cover it"
_ACTED = re.compile(
    r"\b(?P<d>declined|refused|decided\s+not|voted\s+not)\s+to\s+(?:authori[sz]e|approve|cover|fund|grant|certify)"
    r"|\b(?P<a>agreed|decided|voted)\s+to\s+(?:authori[sz]e|approve|cover|fund|grant|certify)",
    I,
)
_ACTED_OBJECT = re.compile(
    r"\s+(?:(?:the|this|your)\s+(?:request|prescription|medicine|medication|drug)|it|coverage|lumakras|sotorasib)\b", I
)
# a label over its value in a column of a two-column page ("ABOUT THE MEMBER      OUR DECISION" over
# "Name: ...        APPROVED"): the label alone in its cell, the value alone in the cell under it
_CELL = re.compile(r"(?:(?<=^)|(?<=[ \t]{2}))(?P<c>\S(?:[^\n \t]| (?! ))*)", M)
_KEY_CELL = re.compile(rf"{_OTHER_STATUS}(?:[A-Za-z]+[ \t]+){{0,2}}?{_KEY}[ \t]*:?", I)


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
        for w in obliged.hits(sentence):  # "... and must deny it."
            out.append(Hit(w[0], s.start() + w[1], s.start() + w[2]))
        for w in verb_final.hits(sentence, _word):  # "... wird der Antrag ABGELEHNT." (German: the participle last)
            out.append(Hit(w[0], s.start() + w[1], s.start() + w[2]))
        if ((m := _CANNOT_END_YET.search(sentence) or _NOT_YET_DECIDED.search(sentence)) and _ASKS.search(text)) or (m := _BEFORE_WE_CAN.search(sentence)):
            out.append(Hit("pended", s.start() + m.start(), s.start() + m.end()))
        for m in _ACTED.finditer(sentence):
            if re.search(r"(?:\b(?:not|never|no)|n['’]t)\s+$", sentence[: m.start()], I):
                continue  # "We never agreed to cover this drug": no act, no decision
            if _ACTED_OBJECT.match(sentence, m.end()):
                out.append(Hit("denied" if m.group("d") else "approved", s.start() + m.start(), s.start() + m.end()))
    return out + _column_hits(text, skip)


def _cells(line: str) -> list[tuple[int, str]]:
    return [(m.start("c"), m.group("c")) for m in _CELL.finditer(line)]


def _column_hits(text: str, skip: Callable[[str], bool] | None) -> list[Hit]:
    """A decision word alone in the cell under a label naming a decision, in the same column (within two
    blanks); never a table's column of several rows' statuses (a decision word under it too)."""
    out: list[Hit] = []
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    for n, line in enumerate(lines[:-1]):
        for col, cell in _cells(line):
            if not _KEY_CELL.fullmatch(cell) or _NOT_NOW.search(cell):
                continue
            under = [(c, v) for c, v in _cells(lines[n + 1]) if abs(c - col) <= 2]
            if len(under) != 1 or _NOT_NOW.search(under[0][1]) or (skip is not None and skip(lines[n + 1])):
                continue
            c, v = under[0]
            w = _word(v)
            if w is None or w[1] != 0 or len(v.split()) > 4:
                continue
            below = [b for c2, b in _cells(lines[n + 2]) if abs(c2 - col) <= 2] if n + 2 < len(lines) else []
            if below and _word(below[0]) is not None:
                continue  # a column of statuses, row by row: a table's, read elsewhere
            out.append(Hit(w[0], starts[n + 1] + c + w[1], starts[n + 1] + c + w[2]))
    return out
