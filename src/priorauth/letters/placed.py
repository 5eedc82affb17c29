"""The decision read from where a letter places it, when neither a known wording (:mod:`priorauth.letters.outcome`)
nor a general shape (:mod:`priorauth.letters.decision`) said one.

Issue 18's eighteenth blind set left 12 outcomes empty at digital; diagnosed by stage, 11 had no statement found at
all and 1 had two that disagreed (a list of the member's other authorizations beside the decision). The letters
placed their decision where no sentence says it:

* a legend of symbols and the symbol on the request's line ("✔ Covered  ✘ Not covered  … Waiting" over
  "Your request:  ✔  LUMAKRAS 120 mg"), read with the labels (:func:`symbol_hits`; the legend itself is blanked
  first, its "✔ Approved" no ticked box);
* the title of the notice, after its kind ("PRIOR AUTHORIZATION — APPROVAL", "Pharmacy coverage - DENIAL");
* a field whose name is the decision and whose value is the approved period ("Approved: Oct. 5, 2027 through
  Apr. 4, 2028");
* the payer acting in the first person ("we will cover her LUMAKRAS", "we are pleased to approve the request"),
  and the Dutch perfect ("Wij hebben uw aanvraag AANGEHOUDEN").

Guards: a condition, a concession, history, an appeal or another item on the same line or sentence says nothing
(:data:`priorauth.letters.decision._NOT_NOW`); statements that disagree leave the outcome empty (the caller says
why)."""

from __future__ import annotations

import re
from collections.abc import Callable

from priorauth.letters.decision import _NOT_NOW, _word
from priorauth.letters.spans import _OURS, _SENTENCE, Hit, I, M

# a symbol a card prints for an answer (a tick, a cross, an ellipsis or a pause for "waiting")
_SYMBOL = r"[✔✓☑✅✘✗✕✖☒❌…⏸]"
_SYMBOL_ENTRY = re.compile(rf"(?P<s>{_SYMBOL})[ \t]*(?P<w>[A-Za-z][A-Za-z]*(?: [A-Za-z]+){{0,2}})")
# what a legend's word means when it is no decision word of decision._word ("Waiting", "On hold")
_WAITING = re.compile(r"(?:a?waiting|pending|in\s+progress)", I)
# the request's line: a label naming it or its decision, then one symbol
_MARKED = re.compile(
    rf"^[ \t|]*(?:your|this|the)?[ \t]*(?:request|decision|status|outcome|answer|result|determination)\b[^:\n]{{0,20}}:"
    rf"[ \t]*(?P<s>{_SYMBOL})",
    M,
)


def _meaning(word: str) -> str | None:
    w = _word(word)
    if w is not None and w[1] == 0:
        return w[0]
    return "pended" if _WAITING.fullmatch(word.strip()) else None


def _symbol_legend(text: str) -> tuple[dict[str, str], list[tuple[int, int]]]:
    """A legend of symbols printed on its own line(s) ("✔ Covered   ✘ Not covered   … Waiting"): each symbol's
    decision, and where the legend lines are."""
    legend: dict[str, str] = {}
    where = []
    for line in re.finditer(r"[^\n]+", text):
        entries = list(_SYMBOL_ENTRY.finditer(line.group(0)))
        rest = _SYMBOL_ENTRY.sub("", line.group(0))
        if len(entries) < 2 or rest.strip(" \t|·"):
            continue  # a legend is its entries only, two or more
        where.append(line.span())
        for e in entries:
            meaning = _meaning(e.group("w"))
            if meaning:
                legend.setdefault(e.group("s"), meaning)
    return legend, where


def without_symbol_legend(text: str) -> str:
    """The text with its legends of symbols blanked (same length): a legend's "✔ Approved" is no ticked box."""
    for a, b in _symbol_legend(text)[1]:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def symbol_hits(text: str) -> list[Hit]:
    """The symbol on the request's line, read through a legend of symbols printed on its own line."""
    legend = _symbol_legend(text)[0]
    if len(set(legend.values())) < 2:
        return []  # a legend tells answers apart
    out = []
    for m in _MARKED.finditer(text):
        if m.group("s") in legend and not _NOT_NOW.search(m.group(0)):
            out.append(Hit(legend[m.group("s")], m.start("s"), m.end("s")))
    return out


# a notice's title naming its kind, then its decision after a dash: "PRIOR AUTHORIZATION — APPROVAL"
_TITLE = re.compile(
    r"(?:^|[ \t])[ \t]*(?:(?:prior|pharmacy|specialty|drug|medication|coverage)[ \t]+)*"  # (a fax's one blank too)
    r"(?:authori[sz]ation|approval|coverage|determination|review|request)[ \t]*[—–-]{1,2}[ \t]*"
    r"(?P<v>approval|denial|approved|denied|not[ \t]+approved|not[ \t]+covered|covered)[ \t]*$",
    M,
)
_TITLE_WORDS = {"approval": "approved", "denial": "denied"}


def _title_hits(text: str) -> list[Hit]:
    """A title's decision, on one of the first lines of a page."""
    out = []
    for page in re.finditer(r"[^\f]+", text):
        head = page.group(0).lstrip("\n").split("\n")[:4]
        at = page.start() + (len(page.group(0)) - len(page.group(0).lstrip("\n")))
        for line in head:
            m = _TITLE.search(line)
            if m and not _NOT_NOW.search(re.sub(r"\bprior[ \t]+auth", "", line, flags=I)):  # the kind is no history
                word = m.group("v").lower()
                value = _TITLE_WORDS.get(word) or (w[0] if (w := _word(word)) else None)
                if value:
                    out.append(Hit(value, at + m.start("v"), at + m.end("v")))
            at += len(line) + 1
    return out


# a field named by the decision whose value is a period: "Approved: Oct. 5, 2027 through Apr. 4, 2028"
_DAY = r"[A-Za-z0-9][A-Za-z0-9 ,./\-]{3,20}?\d{2,4}"
_PERIOD_FIELD = re.compile(
    rf"^[ \t|]*(?P<w>approved|authori[sz]ed|covered|certified)(?:[ \t]+(?:from|for))?[ \t]*:[ \t]*(?:from[ \t]+)?{_DAY}"
    rf"[ \t]+(?:through|thru|to|until|till|[–-])[ \t]+{_DAY}[ \t.]*$",
    M,
)


def _period_hits(text: str) -> list[Hit]:
    return [Hit("approved", m.start("w"), m.end("w")) for m in _PERIOD_FIELD.finditer(text) if not _NOT_NOW.search(m.group(0))]


# the payer acting in the first person on this request: "we will cover her LUMAKRAS", "we are pleased to approve the
# request" ("we will not cover ..." is a denial)
_FIRST_PERSON = re.compile(
    r"\b(?:we|the\s+plan)\s+(?:(?P<n>will\s+not|shall\s+not|won['’]t)|will|shall|are\s+(?:pleased|glad|happy|able)\s+to|can)\s+"
    r"(?:now\s+)?(?:cover|approve|authori[sz]e|fund|certify)\s+(?:(?:her|his|their|your|the|this|its)\s+)?(?:\w+\s+){0,2}?"
    r"(?:lumakras|sotorasib|request|medicine|medication|prescription|treatment|drug)\b",
    I,
)
# the Dutch perfect with its object: "Wij hebben uw aanvraag AANGEHOUDEN", "We hebben de aanvraag goedgekeurd"
_DUTCH = re.compile(
    r"\b(?:wij|we)\s+hebben\s+(?:uw|de|het|deze)\s+(?:aanvraag|verzoek|machtigingsaanvraag)\s+(?:\w+\s+){0,2}?"
    r"(?P<w>goedgekeurd|toegekend|afgewezen|geweigerd|aangehouden|opgeschort)\b",
    I,
)
_DUTCH_WORDS = {
    "goedgekeurd": "approved",
    "toegekend": "approved",
    "afgewezen": "denied",
    "geweigerd": "denied",
    "aangehouden": "pended",
    "opgeschort": "pended",
}


def _acting_hits(text: str, skip: Callable[[str], bool] | None) -> list[Hit]:
    out = []
    for s in _SENTENCE.finditer(text):
        sentence = s.group(0)
        if _NOT_NOW.search(sentence) or (skip is not None and skip(sentence)):
            continue
        for m in _FIRST_PERSON.finditer(sentence):
            if re.search(r"\bnot\s+$", sentence[: m.start()], I):
                continue
            out.append(Hit("denied" if m.group("n") else "approved", s.start() + m.start(), s.start() + m.end()))
        for m in _DUTCH.finditer(sentence):
            if not re.search(r"\bniet\b", m.group(0), I):
                out.append(Hit(_DUTCH_WORDS[m.group("w").lower()], s.start() + m.start("w"), s.start() + m.end("w")))
    return out


def placed_hits(text: str, skip: Callable[[str], bool] | None = None) -> list[Hit]:
    """Every decision placed in one of the shapes above; ``skip(sentence)`` says a sentence decides something
    else. A letter that never names LUMAKRAS says nothing here (a bulletin, a form's blank)."""
    if not _OURS.search(text):
        return []
    return _title_hits(text) + _period_hits(text) + _acting_hits(text, skip)
