"""The rules that read a payer letter's text: each returns :class:`Hit` s (a value and the span it was
read from), never a value without its span. The outcome is read only from statements a payer makes
about the request (``has been denied``, ``Decision: Approved``); conditional sentences (``if ... may be
denied``) and appeal-rights boilerplate say nothing about it, and a letter whose statements disagree
has no outcome (null, with a warning), never the likelier one."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from priorauth.letters import dates

I = re.IGNORECASE  # noqa: E741
M = re.IGNORECASE | re.MULTILINE


@dataclass(frozen=True)
class Hit:
    value: Any
    start: int
    end: int
    note: str = ""


# -- outcome -----------------------------------------------------------------------------------------
_OUTCOME_WORDS = (  # the value of a "Decision:" / "Status:" label
    (
        "pended",
        r"pend(?:ed|ing)?|more\s+information|additional\s+information|info(?:rmation)?\s+(?:needed|requested|required)|"
        r"incomplete|on\s+hold|request\s+for\s+information|addl\.?\s+info|"
        r"awaiting\s+(?:(?:additional|more|the|your)\s+)?(?:information|records|documentation|documents|chart|notes|"
        r"clinical\s+(?:information|notes|records)|response|reply)",
    ),  # a request received or "under review" is not decided yet: no outcome (a receipt is no pended notice)
    (
        "denied",
        r"den[il1|t]ed|deny|denial|not\s+approved|not\s+authorized|adverse|unfavorable|not\s+certified|non-?certified|declined|not\s+covered",
    ),  # a system's decision code is a verb: APPROVE, DENY, PEND
    ("approved", r"approved?|(?-i:APPROVF)|approval|authorized|certified|granted|favorable"),  # OCR's F for E
)
# what OCR makes of a dot leader: a run of small letters, mostly s and c ("ssscicssssccces")
GARBLED_LEADER = r"(?-i:(?=[a-z.,6]{6,}[ \t])(?:[a-z.,6]*?[sc]){4}[a-z.,6]*)"
_LABEL = re.compile(
    r"^[ \t|]*(?!(?:appeal|previous|prior\s+(?!auth)|earlier|original|last|former)\b)(?:[A-Za-z]+[ \t]+){0,2}"
    r"(?:decision|determination|determined|outcome|status|result|disposition|action(?:\s+taken)?)(?:\s+code)?(?:\s+of\s+(?:the\s+)?(?:review|request))?"
    r"(?:[ \t]*(?:[:\-|]|\.{2,})|[ \t]{2,}|[ \t]+" + GARBLED_LEADER + r")[ \t.:|]*"  # a colon, a bar, leaders, a column
    r"(?P<v>[^\n]{2,60})",
    M,
)
# a label that ends its line, its value on the next: "Determination on the request for LUMAKRAS:\n  Approved"
_LABEL_NEXT = re.compile(
    r"^[ \t|]*(?:(?:final|coverage|review|request|authorization|PA|prior\s+authorization|plan)\s+)?"
    r"(?:decision|determination|outcome|status|result)(?:\s+(?:on|of|for)\s+[^:\n]{0,80})?[ \t]*:[ \t]*\n"
    r"[ \t|]*(?P<v>\S+(?: \S+){0,3})",
    M,
)
_STATEMENTS = {
    "approved": [
        r"\b(?:is|was|has\s+been|have\s+been|are|were)\s+(?:now\s+)?(?:approved|authorized|certified)\b",
        r"\bwe\s+(?:have\s+)?(?:approved|authorized|certified)\b",
        r"\b(?:approval|authorization|coverage)\s+(?:is|has\s+been|was)\s+granted\b",
        r"\bwe\s+(?:are\s+pleased\s+to|can)\s+(?:approve|authorize|inform\s+you\s+that\s+(?:your|the|this)\s+request\s+(?:is|has\s+been|was)\s+approved)\b",
        r"^\s*(?:request|coverage|authorization|prior\s+authorization)?\s*approved\b",
        r"\bapproval\s+(?:notice|letter|notification)\b",
        r"\bnotice\s+of\s+approval\b",
        r"\bwe\s+are\s+approving\b",
        r"\b(?:reviewed|evaluated|considered)\s+and\s+(?:approved|authorized)\b",
        r"\b(?:has|have)\s+(?:approved|authorized|certified)\s+(?:this|the|your|it|coverage|benefits)\b",
        r"\bhereby\s+(?:approves?|certifies|authorizes)\b",
        r"\bnotice\s+of\s+certification\b",
        r"\bwe\s+(?:said|are\s+saying)\s+yes\b",
        r"\bwe\s+(?:can|will|are\s+able\s+to)\s+(?:now\s+)?cover\s+(?:this|the|your|it|lumakras|sotorasib)\b",
        r"\b(?:determined|found|decided|confirmed|agree[sd]?)\s+(?:that\s+)?(?:it|(?:this|that|the|your)(?:\s+\w+){0,2}|lumakras|sotorasib)\s+(?:is|was|are)\s+(?:medically\s+necessary|covered)\b",
        r"(?<!\bnot\s)(?<!\bto\s)\b(?:meets?|satisf(?:y|ies|ied))\s+(?:all\s+(?:of\s+)?)?(?:the\s+|our\s+|your\s+|its\s+)?(?:plan'?s\s+)?(?:[\w-]+\s+){0,3}(?:criteria|requirements|guidelines?)\b",
        r"\b(?:criteria|requirements)\s+(?:are|were|have\s+been|has\s+been)\s+met\b",
        r"\b(?:coverage|authorization|approval|request|it|therapy|treatment|lumakras|sotorasib)\s+(?:is|was|has\s+been)\s+"
        r"(?:renewed|extended|reauthorized|re-?certified|re-?approved)\b",
        r"\bwe\s+(?:have\s+)?(?:renewed|extended|reauthorized|re-?approved)\b",
        r"\bpartial(?:ly)?\s+approv|\bapproved\s+(?:part|some|a\s+portion)\s+of\b",
        r"\b(?:made|reached|issued)\s+an?\s+(?:fully\s+)?favorable\s+(?:decision|determination)\b",
        r"\b(?:reviewed|evaluated|considered)\s+(?:(?:your|the|this|prior\s+authorization)\s+)*(?:request|case)\s+and\s+(?:have\s+)?(?:approved|authorized)\b",
        r"\b(?:it|this|that)\s+is\s+(?:now\s+)?covered\b(?!\s+(?:under|by|only|when|if|with|as|through|in))",  # "and it's covered."
    ],
    "denied": [
        r"\b(?:is|was|has\s+been|have\s+been|are|were|been)\s+(?:being\s+)?(?:denied|declined)\b",
        r"\b(?:cannot|can\s*not|could\s+not|will\s+not)\s+be\s+(?:approved|authorized|covered)\b",
        r"\b(?:is|was|has|have|are|were)\s+not\s+(?:been\s+)?(?:approved|authorized|certified|covered)\b",
        r"\bwe\s+(?:have\s+)?(?:denied|declined|are\s+denying|must\s+deny|cannot\s+approve|can\s+not\s+approve|are\s+unable\s+to\s+approve|were\s+unable\s+to\s+approve|could\s+not\s+approve|did\s+not\s+approve|are\s+not\s+able\s+to\s+approve|cannot\s+authorize|are\s+unable\s+to\s+authorize)\b",
        r"\b(?:adverse|unfavorable)\s+(?:benefit\s+|coverage\s+)?determination\b",
        r"\bdenial\s+(?:notice|letter|notification|of\s+(?:coverage|your|the|this|prior))\b",
        r"\bnotice\s+of\s+(?:denial|non-?certification|non-?coverage|adverse\s+(?:benefit\s+)?determination)\b",
        r"^\s*(?:request|coverage|authorization|prior\s+authorization)?\s*denied\b",
        r"\b(?:decided|decision)\s+(?:is\s+)?to\s+deny\b",
        r"\b(?:reviewed|evaluated|considered)\s+and\s+(?:denied|declined)\b",
        r"\b(?:has|have)\s+(?:denied|declined)\s+(?:this|the|your|it|coverage|benefits)\b",
        r"\b(?:did|does)\s+not\s+(?:approve|authorize|certify|cover)\b",
        r"\bwe\s+(?:said|are\s+saying)\s+no\b",
        r"\bnotice\s+of\s+action\s*[-–:]\s*denial\b",
        r"\b(?:made|reached|issued)\s+an?\s+(?:unfavorable|adverse)\s+(?:decision|determination)\b",
        r"\bwe\s+(?:are\s+unable\s+to|cannot|can\s*not|will\s+not|are\s+not\s+able\s+to)\s+(?:cover|pay\s+for)\b",
        r"\b(?:reviewed|evaluated|considered)\s+(?:(?:your|the|this|prior\s+authorization)\s+)*(?:request|case)\s+and\s+(?:have\s+)?(?:denied|declined)\b",
        r"\b(?:is|was|are|were)\s+not\s+(?:considered\s+|deemed\s+|found\s+(?:to\s+be\s+)?)?medically\s+necessary\b",
        r"\b(?:does|did|do)\s+not\s+(?:meet|satisfy)\s+(?:all\s+(?:of\s+)?)?(?:the\s+|our\s+|your\s+|its\s+)?(?:plan'?s\s+)?(?:[\w-]+\s+){0,3}(?:criteria|requirements|guidelines?)\b",
        r"\b(?:criteria|requirements?)\b[^.;]{0,40}?\b(?:are|were|was|is|has|have)\s+not\s+(?:been\s+)?met\b",
        r"\bfail(?:s|ed)\s+to\s+(?:meet|satisfy)\b",
        r"\bwe\s+(?:have\s+)?(?:turned\s+down|refused|rejected)\b|\b(?:is|was|has\s+been)\s+(?:turned\s+down|refused|rejected)\b",
    ],
    "pended": [
        r"\b(?:additional|more|further)\s+(?:clinical\s+|medical\s+)?(?:information|documentation|records)\s+(?:is\s+|are\s+)?(?:needed|required|necessary|requested)\b",
        r"\bneeds?\s+(?:more|additional|further)\s+(?:clinical\s+|medical\s+)?(?:information|documentation|records)\b",
        r"\brequesting\s+(?:additional|more|further)\s+(?:clinical\s+|medical\s+)?(?:information|documentation|records)\b",
        r"\bwe\s+(?:still\s+)?need\s+(?:(?:a\s+few|a\s+couple\s+of|two|three|four|some|\d)\s+)?(?:more|additional|further|the\s+following)\b",
        r"\brequest(?:ing)?\s+for\s+(?:additional\s+|more\s+)?(?:clinical\s+|medical\s+)?(?:information|documentation|records)\b",
        r"\brequest(?:ing)?\s+(?:for\s+)?(?:a\s+|the\s+|your\s+)?(?:prescriber(?:'s)?\s+)?supporting\s+(?:statement|documentation)\b",
        r"\bbefore\s+we\s+can\s+decide\b",
        r"\b(?:cannot|can\s*not|could\s+not|unable\s+to|not\s+able\s+to)(?:\s+yet)?\s+decide\s+(?:until|without|before)\b",
        r"^\s*pend(?:ing|ed)\b",
        r"\b(?:is|has\s+been|been|was)\s+(?:pended|placed\s+on\s+hold|placed\s+in\s+(?:a\s+)?pend(?:ed|ing)\s+status)\b",
        r"\bpending\s+(?:receipt|additional|further|more|the\s+information)\b",
        r"\b(?:unable|cannot|can\s+not|could\s+not|not\s+able)\s+to\s+(?:make|complete|reach|render|finish)\s+(?:a\s+|our\s+|the\s+)?(?:decision|determination|review)\b",
        r"\bbefore\s+we\s+can\s+(?:make|complete|reach|render)\s+(?:a\s+|our\s+|the\s+)?(?:decision|determination|review)\b",
        r"\b(?:is|remains)\s+(?:incomplete|pending)\b",
        r"\b(?:information|documentation|records)\s+(?:is|are|was|were)\s+(?:missing|incomplete)\b",
        r"\b(?:cannot|can\s*not|could\s+not|unable\s+to)\s+(?:begin|start|complete|continue)\s+(?:our\s+|the\s+|its\s+)?review\b",
        r"\b(?:cannot|can\s*not|unable\s+to|not\s+able\s+to|will\s+not)\s+(?:yet\s+)?(?:finish|complete|continue|make|reach|render|begin|start|process|decide)\b[^.;]{0,100}?\buntil\s+(?:we|you|the|your|our|it|they)\b",
        r"\bwe\s+(?:still\s+)?need\s*:",
        r"\b(?:review|request|case)\s+(?:is\s+)?on\s+hold\b",
        r"\bincomplete\s+request\b",
        r"\brequires?\s+(?:more|additional|further)\s+(?:clinical\s+|medical\s+)?(?:information|documentation|records)\b",
        r"\b(?:in\s+order\s+)?to\s+(?:complete|continue|process|finish)\s+(?:our|the|this|your)\s+(?:review|request)\b[^.]*\b(?:please|need|send|provide|submit)\b",
    ],
}
# ^ is the sentence's start (a heading line is a sentence of its own), never a wrapped line's start:
# "Your request was not\napproved." is a denial, not an approval
_STATEMENT_RES = {k: [re.compile(p, I) for p in v] for k, v in _STATEMENTS.items()}
_CONDITIONAL = re.compile(
    r"\bno\s+(?:further|more|additional|other)\s+(?:clinical\s+|medical\s+)?(?:information|documentation|records)\b|"
    r"\bnothing\s+(?:more|else|further)\b|"  # a request for nothing: "No further information is needed"
    r"\b(?:if|unless|(?:when(?:ever)?|once)\s+(?:it|this|that|the|your|we|you|a|an|coverage|approved|authorized)|may|might|could\s+be|would(?!\s+like)|whether|should|otherwise|in\s+the\s+event|in\s+case|"
    r"right\s+to|disagree|previous(?:ly)?|prior\s+(?:approval|denial)|future|any\s+(?:denial|approval)|"
    r"will\s+(?:be|result|say|tell|explain|include|describe|list|give)|results?\s+in|failure\s+to|fail\s+to|do\s+not\s+(?:receive|hear)|not\s+(?:been\s+)?received|"
    r"at\s+that\s+time|earlier|original(?:ly)?|first\s+decision|overturned|no\s+longer|"
    r"did\s+not\s+(?:respond|reply)|no\s+response|not\s+an?\s+(?:adverse|unfavorable|denial|approval))\b"
    rf"|^\s*on\s+{dates.DATE}",
    I,
)
_SENTENCE_RE = re.compile(r"[^.;!?\n]+(?:\n(?!\s*\n)[^.;!?\n]+)*[.;!?]?", re.MULTILINE)
_RUNS_ON = re.compile(r"(?:\b(?:not|no|and|or|of|for|to|the|a|an|by|with|is|was|has|been)|[-–])[ \t]*$", I)
WRAPPED = 0.6  # a line this share of the page's long lines' width, ending without a stop, runs on (wrapped)


@lru_cache(maxsize=32)
def _wrap_width(text: str) -> int:
    """How long a line is when a paragraph was wrapped there: a share of the page's long lines (the 90th
    percentile of line lengths), so a wrapped paragraph runs on whatever the font and the margins."""
    lengths = sorted(len(x.strip()) for x in text.split("\n") if x.strip())
    if not lengths:
        return 50
    return max(30, int(WRAPPED * lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]))


@dataclass(frozen=True)
class _Span:
    text: str
    begin: int
    stop: int

    def group(self, _: int = 0) -> str:
        return self.text

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.stop


class _Sentences:
    """Sentences of a letter: split at . ! ? and at line ends, except where a long line without a stop
    runs on (a wrapped paragraph); a text layer has no blank lines between a letter's blocks, so a
    short line (a heading, a label and its value) always ends its sentence."""

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):  # type: ignore[no-untyped-def]
        end = len(text) if endpos is None else endpos
        wrapped = _wrap_width(text)
        for m in _SENTENCE_RE.finditer(text, pos, end):
            start = m.start()
            lines = m.group(0).split("\n")
            cur = start
            begin = start
            for i, line in enumerate(lines):
                last = i == len(lines) - 1
                line_end = cur + len(line)
                physical = text[text.rfind("\n", 0, cur) + 1 : line_end]  # the whole printed line
                following = lines[i + 1].lstrip() if not last else ""
                runs_on = not line.rstrip().endswith(":") and (
                    len(physical.strip()) >= wrapped
                    or following[:1].islower()  # a line that goes on in lower case
                    or bool(_RUNS_ON.search(line))  # "... tablets - NOT" over "APPROVED": no sentence ends on "not"
                )
                if last or not runs_on:
                    if text[begin:line_end].strip():
                        yield _Span(text[begin:line_end], begin, line_end)
                    begin = line_end + 1
                cur = line_end + 1


_SENTENCE = _Sentences()


# LUMAKRAS and sotorasib, and what OCR makes of them (LIUMAKRAS, JTUMAKRAS, sotora5ib): a drug line
# misread as another drug would hide the letter's outcome
_OURS = re.compile(r"\b\w{0,3}makras\b|\bs?otora[s5][il1|]b\b", I)
_DOSE = r"(?:\b\d+(?:\.\d+)?\s*(?:mg|mcg|ml|units?)\b|\bfor\s+injection\b|\btab(?:let)?s?\b|\bcap(?:sule)?s?\b)"
_ITEM_WORDS = r"approved|authorized|den[il1|t]ed|declined|not\s+approved|not\s+authorized|not\s+certified|certified|pended|pending"
_ITEM = re.compile(  # a drug's own line in a letter that decides several, item by item
    rf"^[ \t|]*(?P<item>[A-Za-z][^\n]*?{_DOSE}[^\n]*?)"  # a row of a table drawn with bars too
    rf"(?:[ \t]+(?P<v>(?-i:(?:NOT\s+)?(?:APPROVED|AUTHORIZED|DEN[IL1|T]ED|DECLINED|CERTIFIED|PENDED|PENDING)))"
    rf"|(?:[ \t]{{2,}}|[ \t]*[:|\-–][ \t]*)(?P<w>{_ITEM_WORDS}))\b",
    M,
)


def _item_value(word: str) -> str | None:
    for value, words in _OUTCOME_WORDS:
        if re.fullmatch(rf"(?:{words})", " ".join(word.split()), I):
            return value
    return None


def items(text: str) -> list[tuple[int, Hit, bool]]:
    """The drug lines of a letter that decides item by item (``LUMAKRAS 120 mg tablets  APPROVED``):
    (the line's start, its outcome, whether it is LUMAKRAS/sotorasib)."""
    out = []
    for m in _ITEM.finditer(text):
        g = "v" if m.group("v") else "w"
        value = _item_value(m.group(g))
        if value:
            line = text.rfind("\n", 0, m.start("item")) + 1
            out.append((line, Hit(value, m.start(g), m.end(g)), bool(_OURS.search(m.group("item")))))
    return out


@dataclass(frozen=True)
class Scope:
    """A letter that decides several drugs item by item: ``ours`` is the letter with everything but
    LUMAKRAS's items blanked (offsets kept), ``shared`` the part before the first item (a reference
    number for the whole request); ``others`` the other drugs' lines."""

    ours: str
    shared: str
    others: tuple[str, ...]


def _blank(text: str, keep: list[tuple[int, int]]) -> str:
    out = [c if c in "\n\f" else " " for c in text]
    for a, b in keep:
        out[a:b] = text[a:b]
    return "".join(out)


# a request's own block in a letter that decides several: a heading line naming a drug and its dose
# ("Request B - LUMAKRAS 120 mg tablets", "Item 2: ERLOTINIB 150 MG TAB", "2. LUMAKRAS 120 mg") over the
# lines that decide it
_SECTION = re.compile(
    rf"^(?P<ind>[ \t]*)(?:(?:(?:request|item|drug|medication|line|rx|prescription)[ \t]*(?:[A-Z]|#?\d{{1,2}})(?:[ \t]+of[ \t]+\d{{1,2}})?|\d{{1,2}}|\(?[A-H])[ \t]*[-:.)–][ \t]*)"
    rf"(?P<item>[A-Za-z][^\n]*?{_DOSE}[^\n]*)$",
    M,
)


def sections(text: str) -> list[tuple[int, Hit, bool]]:
    """The request blocks of a letter deciding several drugs (each block's start, a placeholder hit,
    whether it is LUMAKRAS's), only when there are two or more."""
    found = [
        (m.start(), Hit(None, m.start("item"), m.end("item")), bool(_OURS.search(m.group("item"))))
        for m in _SECTION.finditer(text)
    ]
    return found if len(found) >= 2 else []


def scope(text: str) -> Scope | None:
    """The LUMAKRAS part of a letter that decides other drugs too, item by item or block by block (None:
    it does not)."""
    found = items(text)
    if not found or all(ours for _, _, ours in found):
        blocks = sections(text)
        if any(ours for _, _, ours in blocks) and not all(ours for _, _, ours in blocks):
            found = blocks
    if not found or all(ours for _, _, ours in found):
        return None
    bounds = [
        (line, found[i + 1][0] if i + 1 < len(found) else len(text), ours) for i, (line, _, ours) in enumerate(found)
    ]
    others = tuple(
        text[a : text.find("\n", a) if "\n" in text[a:] else len(text)].strip() for a, _, o in bounds if not o
    )
    keep = [(a, b) for a, b, ours in bounds if ours]
    if header := _table_header(text, found[0][0]):  # the columns' names over the items: "Drug  Reference  Decision"
        keep.insert(0, header)
    return Scope(_blank(text, keep), _blank(text, [(0, found[0][0])]), others)


_RULE_LINE = re.compile(r"^[\s\-=_+|]+$")


def _table_header(text: str, first: int) -> tuple[int, int] | None:
    """The span of a table's header row above the first item line (past a rule, blank lines), if any: a row
    of two or more names set apart by wide gaps, without numbers."""
    end = first - 1
    for _ in range(4):  # past a rule of dashes and the blank lines OCR puts between rows
        start = text.rfind("\n", 0, max(0, end)) + 1
        line = text[start:end]
        if end <= 0:
            return None
        if line.strip() and not _RULE_LINE.match(line):
            cells = re.findall(r"\S+(?: \S+)*", line)
            return (start, end) if len(cells) >= 2 and not re.search(r"\d", line) else None
        end = start - 1
    return None


# an outcome set off as a banner, in capitals: "PA REF 0004419310  ***  DENIED  ***", "=== APPROVED ==="
_BANNER = re.compile(
    r"(?:[*=#~]{2,}|^|(?<=[-–|:])[ \t])[ \t]*(?P<v>(?:NOT[ \t]+)?(?:APPROVED|AUTHORIZED|CERTIFIED|DENIED|DECLINED|PENDED|PENDING|"
    r"COVERED)|(?:[A-Z\-]+[ \t]+){0,3}ON[ \t]+HOLD|(?:MORE[ \t]+|ADDITIONAL[ \t]+)?INFORMATION[ \t]+(?:NEEDED|REQUESTED|REQUIRED))"
    r"[ \t]*(?:[*=#~]{2,}|$|(?=[-–|][ \t])|\.(?=[ \t]|$))",
    re.M,
)
# a ticked box of a checkbox list: "[X] Approved   [ ] Denied" (an empty box says nothing)
_CHECKED = re.compile(
    r"(?:\[[ \t]*[xX✓✔][ \t]*\]|\([ \t]*[xX][ \t]*\)|[☒☑✓✔])[ \t]*"
    r"(?P<v>(?:not[ \t]+)?(?:approved|authorized|certified|denied|declined|pended|pending)"
    r"|more[ \t]+information[ \t]+(?:needed|requested|required))\b",
    I,
)
_UNCHECKED = re.compile(r"(?:\[[ \t]*\]|\([ \t]*\)|☐)[^\n\[(☐☒☑]*")
# a letter that says no decision was made (a withdrawn, closed or cancelled request) has no outcome,
# whatever else it words like one
_UNDECIDED = re.compile(
    r"\b(?:withdrawn|closed\s+(?:as|without)|cancell?ed|voided|"
    r"no\s+(?:determination|decision)\s+(?:of\s+\w+\s+)?(?:was|has\s+been|will\s+be)\s+(?:made|issued|rendered))\b",
    I,
)


# a statement about something else than this request: another pharmacy, drug or provider, a quantity
# beyond the limit, a fill or claim elsewhere ("Fills at other pharmacies will not be covered" in an
# approval); its outcome words are never the letter's outcome
_ELSEWHERE = re.compile(
    r"\b(?:other|another|different|alternative|any\s+other|non-?(?:network|participating|preferred|specialty))\s+"
    r"(?:specialty\s+|retail\s+|in-network\s+)?(?:pharmac\w*|drugs?|medicines?|medications?|products?|providers?|prescribers?|"
    r"strengths?|doses?|brands?|stores?|suppliers?|vendors?|locations?|facilit\w+)\b|"
    r"\bout[- ]of[- ]network\b|"
    r"\b(?:quantit(?:y|ies)|doses?|amounts?|fills?|refills?|supply|supplies|claims?|tablets?|days?)\s+(?:above|over|beyond|exceeding|"
    r"greater\s+than|more\s+than|in\s+excess\s+of|past|after)\b|"
    r"\b(?:early|mail[- ]order|retail|walk-in)\s+(?:fills?|refills?|pharmac\w*)\b|"
    r"\b(?:fills?|refills?)\s+(?:at|from|through|filled)\b|"
    r"\bclaims?\b",  # a pharmacy claim rejected or paid is no decision on the request
    I,
)
# a sentence that names another dosed product and not LUMAKRAS ("ONDANSETRON 8 mg is not covered");
# the capital word before a dose is a drug's name unless it is one of these
_OTHER_DOSED = re.compile(r"\b(?P<n>[A-Z][A-Za-z\-]{3,})(?:\s+\([A-Za-z\-]+\))?\s+\d+(?:\.\d+)?\s*(?:mg|mcg|ml)\b")
_NOT_DRUG = re.compile(
    r"(?:request|dose|doses|strength|medication|medicine|drug|tablets?|quantity|daily|total|oral|each|only)$", I
)
_OTHER_NAMED = re.compile(r"\b(?:krazati|adagrasib)\b", I)


def _about_another_drug(sentence: str) -> bool:
    if _OURS.search(sentence):
        return False
    if _OTHER_NAMED.search(sentence):
        return True
    return any(not _NOT_DRUG.match(m.group("n")) for m in _OTHER_DOSED.finditer(sentence))


# a partial approval approves the request; what it did not approve is the rest ("We approved part of
# this request ... What we did not approve: the months after ...")
PARTIAL = re.compile(r"\bpartial(?:ly)?\s+approv|\bapproved\s+(?:part|some|a\s+portion)\s+of\b", I)
# a concession is no statement of the outcome ("Although the earlier request was approved, ...")
_CONCESSIVE = re.compile(r"\b(?:although|even\s+though|though|albeit)\b", I)


_CONTRACTION = re.compile(
    r"\b(?:(?P<neg>can|won|couldn|didn|doesn|isn|wasn|aren|weren|haven|hasn)[’']t|(?P<pro>it|that|we|they)[’'](?P<aux>s|re|ll|ve))\b",
    I,
)
_NEG = {"can": "cannot", "won": "will not"}
_AUX = {"s": "is", "re": "are", "ll": "will", "ve": "have"}


def _expanded(sentence: str) -> tuple[str, list[int]]:
    """The sentence with contractions written out ("can't" as "cannot", "it's" as "it is"), and for each
    of its characters the offset of the character it came from (a hit's span stays in the letter)."""
    out: list[str] = []
    at: list[int] = []
    last = 0
    for m in _CONTRACTION.finditer(sentence):
        out.append(sentence[last : m.start()])
        at.extend(range(last, m.start()))
        if m.group("neg"):
            word = m.group("neg")
            full = _NEG.get(word.lower(), word[:-1] + " not")
        else:
            full = f"{m.group('pro')} {_AUX[m.group('aux').lower()]}"
        out.append(full)
        at.extend(min(m.start() + i, m.end() - 1) for i in range(len(full)))
        last = m.end()
    out.append(sentence[last:])
    at.extend(range(last, len(sentence)))
    return "".join(out), at


def outcome_hits(text: str) -> tuple[list[Hit], str]:
    """Every statement of the letter's outcome when they agree (labels and item lines first), or
    ([], why not): none is stated, or statements disagree."""
    text = _UNCHECKED.sub(lambda m: " " * len(m.group(0)), text)  # an empty box's words say nothing
    labeled: list[Hit] = []
    for m in _LABEL.finditer(text):
        v = m.group("v")
        for value, words in _OUTCOME_WORDS:
            w = re.search(rf"\b(?:{words})\b", v, I)
            if w and not (value == "approved" and re.search(r"\bnot\b", v, I)):
                labeled.append(Hit(value, m.start("v") + w.start(), m.start("v") + w.end()))
                break
    for m in _LABEL_NEXT.finditer(text):
        value = _item_value(m.group("v").split("  ")[0]) or next(
            (v for v, words in _OUTCOME_WORDS if re.match(rf"(?:{words})\b", m.group("v"), I)), None
        )
        if value and not (value == "approved" and re.search(r"\bnot\b", m.group("v"), I)):
            labeled.append(Hit(value, m.start("v"), m.start("v") + len(m.group("v").split()[0])))
    labeled += [hit for _, hit, ours in items(text) if ours]
    for m in _CHECKED.finditer(text):
        value = _item_value(m.group("v"))
        if value:
            labeled.append(Hit(value, m.start("v"), m.end("v")))
    for m in _BANNER.finditer(text):
        word = m.group("v")
        if re.search(r"\bnot[ \t]*\n[ \t]*$", text[max(0, m.start("v") - 12) : m.start("v")], I):
            word = f"not {word}"  # "... - NOT" wrapped over "APPROVED" is one heading
        line = text[text.rfind("\n", 0, m.start()) + 1 : m.end()]
        value = next((v for v, words in _OUTCOME_WORDS if re.search(rf"\b(?:{words})\b", word, I)), None)
        if value and not (_CONDITIONAL.search(line) or _STALE.search(line)):
            labeled.append(Hit(value, m.start("v"), m.end("v")))
    if m := _UNDECIDED.search(text):
        return [], f"the letter says no decision was made ({' '.join(m.group(0).split())}): left empty"
    said: list[Hit] = []
    names_ours = bool(_OURS.search(text))  # a letter about one request only, for another drug, is read as it is
    governed = (
        False  # a clause after a semicolon is governed by its sentence's "if" ("If we deny it, ...; the notice ...")
    )
    for s in _SENTENCE.finditer(text):
        sentence, at = _expanded(s.group(0))
        conditional = bool(_CONDITIONAL.search(sentence) or _CONCESSIVE.search(sentence)) or governed
        governed = conditional and s.group(0).rstrip().endswith(";")
        if conditional or _ELSEWHERE.search(sentence) or (names_ours and _about_another_drug(sentence)):
            continue
        for value, patterns in _STATEMENT_RES.items():
            for p in patterns:
                m = p.search(sentence)
                if m:
                    said.append(Hit(value, s.start() + at[m.start()], s.start() + at[m.end() - 1] + 1))
                    break
    values = {h.value for h in labeled} | {h.value for h in said}
    if values == {"approved", "denied"} and any(PARTIAL.search(text, h.start, h.end) for h in said):
        said = [h for h in said if h.value == "approved"]  # the part not approved is the rest of the request
        labeled = [h for h in labeled if h.value == "approved"]
        values = {"approved"}
    if not values:
        return [], "the outcome could not be read (no approval, denial or request for information is stated)"
    if len(values) > 1:
        return [], "the letter states more than one outcome (" + ", ".join(sorted(values)) + "): left empty"
    return labeled + said, ""


def outcome(text: str) -> tuple[Hit | None, str]:
    """The letter's outcome and its span, or (None, why not)."""
    hits, why = outcome_hits(text)
    return (hits[0] if hits else None), why


# -- numbers -----------------------------------------------------------------------------------------
# an id: letters, digits and dashes; a space inside only before a group of 3+ more (a lone character
# after a space is what OCR made of a column rule or a bar, never part of the number)
# OCR's symbols for a letter in an id (€ or © for C): read, never proposed as they are (see recheck)
OCR_SYMBOLS = "€©¢"
_ID = r"(?P<v>(?=[A-Z0-9€©¢\-/ ]*\d)[A-Z0-9€©¢](?:[A-Z0-9€©¢\-/]| (?=\d[A-Z0-9\-]{2})){3,30}(?<=[A-Z0-9]))"
_NUM = r"(?:number|[nm]u(?:m|rn|n|ni){1,2}[bh]er)"  # and what OCR makes of it: mumber, nurnber, numher
_NUMBER_LABELS = tuple(
    label.replace("{NUM}", _NUM)
    for label in (  # the authorization's own number first, a reference number after it
        r"(?:prior\s+)?auth(?:orization|\.)?\s*(?:contro[l1I|\]]\s+|tracking\s+)?(?:{NUM}|no\.?|num\.?|#|id|code|ref(?:erence)?(?:\s*(?:{NUM}|no\.?|#))?)",
        r"(?:approval|certification|cert\.?)\s*(?:{NUM}|no\.?|#|id|code)",
        r"(?:PA|prior\s+auth(?:orization)?)\s*(?:request\s*|case\s*|contro[l1I|\]]\s*)?(?:{NUM}|no\.?|#|id|ref(?:erence)?)",
        r"(?-i:PACN|PAN|PAR)(?=[\s.:#])",  # the PA control, authorization or reference number's initials
        r"(?:PA\s+)?case(?=\s*:)",
        r"case(?=\s+(?-i:[A-Z]{1,6}[-/]?[A-Z]{0,4}[-/]?)\d)",  # "...; Case AR-UM-77120" (capitals, then digits)
        r"(?:reference|ref\.?|case|tracking|request|review|confirmation|episode|determination|ticket|pa\s+case)\s*(?:{NUM}|no\.?|#|id)",
        r"(?:authorization|reference|ref|case\s+reference)(?=\s*:)",
        r"(?:covermymeds\s+|cmm\s+)?key(?=\s*:)",
    )
)
LEADER = r"[\s.:#]*(?:[\-–][\s.:#]*)?(?:(?-i:[a-z.]{2,})[\s.:#]+){0,3}"  # dot leaders, and what OCR makes of them ("scisiscess")
_ABBREV = r"(?:\s*\((?-i:[A-Z]{2,5})\))?"  # "Prior Authorization Number (PAN): ..."
_NUMBER_RES = [
    re.compile(rf"\b{label}{_ABBREV}\s*(?:is\s*)?{LEADER}{_ID}(?![A-Za-z0-9])", I) for label in _NUMBER_LABELS
]
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z][a-z])|\n[ \t]*\n")  # "PA No. AP-25-..." goes on
# an earlier authorization: "previous", "expired", or a parenthesis that opens on "prior" and is no prior
# authorization's own name ("(prior certification no. X, valid ... to ...)")
_STALE = re.compile(r"\b(?:previous(?:ly)?|earlier|former(?:ly)?|expired|superseded)\b|\(\s*prior\s+(?!auth)", I)


_STALE_ROW = re.compile(r"\b(?:expired|superseded|replaced|closed|cancell?ed|withdrawn|previous)\b", I)
_HISTORY = re.compile(r"\b(?:history|previous|earlier|past)\b", I)


def _stale(text: str, pos: int) -> bool:
    """Whether what stands at ``pos`` belongs to an earlier authorization: its sentence, up to it, says
    so ("The patient's previous authorization, PA No. X, valid ... through ...")."""
    start = max(0, pos - 300)
    for m in _SENTENCE_END.finditer(text, start, min(len(text), pos + 2)):  # its lookahead sees the word at pos
        start = min(m.end(), pos)
    if _STALE.search(text, start, pos):
        return True
    line_end = text.find("\n", pos)
    if _STALE_ROW.search(text, pos, len(text) if line_end < 0 else line_end):  # "... 2026-09-24 to 2027-09-23  EXPIRED"
        return True
    block = max(text.rfind("\n\n", 0, pos), text.rfind("\f", 0, pos)) + 1
    heading = text[block : text.find("\n", block + 1) if "\n" in text[block + 1 :] else len(text)]
    # a block under a heading such as "PRIOR AUTHORIZATION HISTORY" (a short line of its own, no sentence)
    return (
        block + len(heading) < pos
        and len(heading.split()) <= 6
        and not heading.rstrip().endswith(".")
        and bool(_HISTORY.search(heading))
    )


# the fallback: any label naming the request's reference ("Our reference for this request:", "Reference /
# Referencia:", "Prior authorization request BSO-UM-8791305 for ...") over an id in capitals that has
# digits and letters or dashes, set off by a colon, a column or nothing at all
_STRICT_ID = r"(?P<v>(?-i:(?=[A-Z0-9\-]*\d)(?=[A-Z0-9\-]*[A-Z\-])[A-Z0-9][A-Z0-9\-]{5,29}(?<=[A-Z0-9])))"
_NUMBER_ANY = re.compile(
    r"\b(?:(?:prior\s+)?auth(?:orization)?|reference|ref\.?|request|case|review|control|tracking|certification|"
    r"pre-?certification|determination|approval|utilization\s+review)"
    r"(?:\s+(?:request|number|no\.?|id|#|code|reference))?"
    r"(?:\s+(?:for|of|on)\s+(?:this|the|your)\s+(?:request|case|review|letter))?"
    r"(?:[ \t]*/[ \t]*[A-Za-z]+)?"
    r"[ \t]*(?::[ \t]*|[ \t]{2,}|[ \t])" + _STRICT_ID + r"(?![A-Za-z0-9])",
    I,
)


_ID_COLUMN = re.compile(r"^[^\d\n]*\b(?:reference|ref\.?|auth(?:orization)?|number|no\.|case|id|#)[^\d\n]*$", M)


def item_number(ours: str) -> Hit | None:
    """In a table deciding several drugs whose header names a reference column, the one id on LUMAKRAS's
    own row (``LUMAKRAS 120 MG TABLET   CSK2708120045   APPROVED ...``), when OCR's columns do not line up."""
    if not _ID_COLUMN.search(ours):
        return None
    for line in re.finditer(r"[^\n]+", ours):
        if not _OURS.search(line.group(0)):
            continue
        ids = [
            m
            for m in re.finditer(r"(?<![\w/])" + _STRICT_ID + r"(?![\w/])", line.group(0))
            if sum(c.isdigit() for c in m.group("v")) >= 5 and not dates.DATE_RE.fullmatch(m.group("v"))
        ]
        if len(ids) == 1:
            return Hit(ids[0].group("v"), line.start() + ids[0].start("v"), line.start() + ids[0].end("v"))
    return None


def authorization_number(text: str) -> Hit | None:
    for p in (*_NUMBER_RES, _NUMBER_ANY):
        for m in p.finditer(text):
            value = m.group("v")
            if re.search(r"\d", value) and not dates.DATE_RE.fullmatch(value) and not _stale(text, m.start()):
                return Hit(value.upper(), m.start("v"), m.end("v"))
    return None


# -- dates -------------------------------------------------------------------------------------------
_Q = r"(?:letter|notice|notification|decision|determination|mail(?:ing)?|print|issue|sent|run)\s+"
_SUF = r"\s+(?:of\s+(?:this\s+)?(?:letter|notice|notification|decision|determination)|sent|issued|mailed|printed)"
_LETTER_DATE = re.compile(  # "dated 05/28/2026" in a sentence is another paper's date, never the letter's
    r"(?:^|(?<=\S[ \t]{2}))[ \t]*"
    rf"(?:{_Q}dated?(?:{_SUF})?[ \t.:\-]*|dated?{_SUF}[ \t.:\-]*|dated?(?:[ \t]*[.:\-]|[ \t]{{2,}})[ \t.:\-]*|(?-i:DATE)[ \t]+)"
    r"(?P<d>" + dates.DATE + r")",
    M,
)


def letter_date(text: str) -> Hit | None:
    """The letter's own date: a ``Date:`` label, else the first line of page 1 that is only a date."""
    for m in _LETTER_DATE.finditer(text):
        d = dates.parse(m.group("d"))
        if d:
            return Hit(d, m.start("d"), m.end("d"))
    first_page = text.split("\f", 1)[0]
    lines = first_page.split("\n")[:25]
    pos = 0
    for line in lines:
        stripped = re.sub(r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*", "", line.strip(), flags=I)
        found = dates.find(re.sub(r"(?<=\d{4})/(?!\d{1,2}/)", " ", line))  # "June 15, 2027/15 de junio" (OCR)
        # a line that is only a date, or a letterhead's date column ("July 1, 2026      Reference ..."), or a
        # date and its translation ("June 15, 2027 / 15 de junio de 2027")
        alone = found and stripped and found[0].end - found[0].start >= len(stripped) - 1 and len(found) == 1
        opens = found and line.strip().startswith(line[found[0].start : found[0].end])
        translated = opens and re.match(r"[ \t]*/[ \t]*\S", line[found[0].end :])
        column = opens and re.match(rf"[ \t]*(?:{dates.DATE})(?:[ \t]{{2,}}|$)", line, I)
        if alone or translated or column:
            return Hit(found[0].day, pos + found[0].start, pos + found[0].end)
        pos += len(line) + 1
    return None


_RANGE = re.compile(
    rf"(?P<a>{dates.DATE})\s*(?:-|–|—|to|through|thru|until|and)\s*(?P<b>{dates.DATE})",
    I,
)
_PERIOD_CONTEXT = re.compile(
    r"approv|authoriz|valid|effective|period|coverage|dates?\s+of\s+service|from|certif|span|duration|how\s+long", I
)
_START = re.compile(
    rf"\b(?:start(?:s|ing)?|effective|eff\.?|(?:takes|took)\s+effect|begin(?:ning|s)?|commencing|from|valid\s+from|approved\s+from|authorization\s+start|period\s+start)"
    rf"(?:\s+(?:date|dt\.?))?[\s.:\-]*(?:date[\s.:\-]*)?(?:on\s+)?(?P<d>{dates.DATE})",
    I,
)
_END = re.compile(
    rf"(?:(?<=approved)(?:through|thru|until)|\b(?:ends?|ending|expiration|expiry|expires?(?:\s+on)?|through|thru|valid\s+(?:to|through|until)|until|stop|"
    rf"to\s+date|thru\s+date|through\s+date|authorization\s+end|period\s+end|termination|terminating|term|exp\.?)"
    r"|(?m:^)[ \t|]*to(?=[ \t]*:))"  # OCR's "Approvedthrough"; a "From | To" table's "To:" column
    rf"(?:\s+(?:date|dt\.?))?[\s.:\-]*(?:on\s+)?(?P<d>{dates.DATE})",
    I,
)


def _labelled_first(found: Iterable[re.Match[str]]) -> re.Match[str] | None:
    """The first match that opens its line as a label ("Coverage starts:  January 11, 2027") over one
    inside a sentence ("asked us to cover it starting January 1, 2027"), else the first."""
    found = list(found)
    for m in found:
        line = m.string[m.string.rfind("\n", 0, m.start()) + 1 : m.start()]
        if len(line.split()) <= 3 and re.search(r"[:.]|\s{2}", m.string[m.start() : m.start("d")]):
            return m
    return found[0] if found else None


def period(text: str) -> tuple[Hit | None, Hit | None] | None:
    """The approved period (start, end): a date range near words about approval or validity, else a
    labelled start and end date (either may be missing: an approval "until coverage ends" has no end)."""
    for m in _RANGE.finditer(text):
        before = text[max(0, m.start() - 120) : m.start()]
        if not _PERIOD_CONTEXT.search(before) or re.search(r"birth|dob\b", before[-40:], I) or _stale(text, m.start()):
            continue
        a, b = dates.parse(m.group("a")), dates.parse(m.group("b"))
        if a and b and a <= b:
            return Hit(a, m.start("a"), m.end("a")), Hit(b, m.start("b"), m.end("b"))
    s = _labelled_first(m for m in _START.finditer(text) if dates.parse(m.group("d")) and not _stale(text, m.start()))
    e = _labelled_first(m for m in _END.finditer(text) if dates.parse(m.group("d")) and not _stale(text, m.start()))
    a = dates.parse(s.group("d")) if s else None
    b = dates.parse(e.group("d")) if e else None
    if a and b and a > b:
        return None
    if s is None and e is None:
        return None
    return (
        Hit(a, s.start("d"), s.end("d")) if s and a else None,
        Hit(b, e.start("d"), e.end("d")) if e and b else None,
    )


_NUMBER_WORDS = {
    "seven": 7,
    "ten": 10,
    "fourteen": 14,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty-five": 45,
    "forty five": 45,
    "sixty": 60,
    "ninety": 90,
    "one hundred twenty": 120,
    "one hundred eighty": 180,
    "one hundred and eighty": 180,
    "sixty-five": 65,
    "forty": 40,
    "twenty-one": 21,
    "thirty-five": 35,
}
_N = (
    r"(?P<n>\d{1,3}|"
    + "|".join(w.replace(" ", r"\s+").replace("-", r"[\s-]") for w in sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r")(?:\s*\((?P<nd>\d{1,3})\))?"
)
# an ordinal day: "no later than the one hundred eightieth (180th) day following ...", "the 60th day after"
_ORD = r"(?:the\s+)?(?:(?:[a-z]+[\s-]+){0,4}?\((?P<o1>\d{1,3})(?:st|nd|rd|th)\)|(?P<o2>\d{1,3})(?:st|nd|rd|th))"
_APPEAL_DAYS = re.compile(
    rf"\b(?:within|no\s+later\s+than|by|in|up\s+to|have|has|due|is|are|window|period|limit)[\s:]+(?:{_N}|{_ORD})\s+(?:calendar\s+)?days?\s+"
    r"(?:of|from|after|following)\s+(?:the\s+)?(?P<from>[^.;]{0,60})",
    I,
)
_APPEAL_BY = re.compile(
    rf"(?:(?:appeal|redetermination|reconsideration)[\s\S]{{0,160}}?\b(?:by|before|no\s+later\s+than|on\s+or\s+before|until|deadline(?:\s+is)?:?)\s+(?P<d>{dates.DATE}))"
    rf"|(?:(?:appeal\s+(?:deadline|due\s+date|by)|deadline\s+(?:to|for)\s+(?:file\s+an\s+|request\s+an\s+|an\s+)?appeal|"
    rf"last\s+(?:day|date)\s+to\s+(?:file\s+an\s+|request\s+an\s+)?appeal|appeal\s+must\s+be\s+(?:received|filed|submitted)\s+by)"
    rf"[^:\n]{{0,30}}?[:\s]\s*(?P<d2>{dates.DATE}))"
    rf"|(?:\b(?:until|by|before|through)\s+(?P<d3>{dates.DATE}),?\s+to\s+(?:file\s+|request\s+|submit\s+|send\s+)?(?:an?\s+|your\s+)?appeal)",
    I,
)
_FROM_LETTER = re.compile(
    r"^(?:(?:this|the|our)\s+)?(?:date\s+(?:of|on)\s+(?:this|the|our)\s+|(?:date\s+of\s+)?)"
    r"(?:(?:adverse|denial|coverage)\s+)?(?:letter|notice|notification|denial|decision|determination)"
    r"|^(?:(?:this|the|our)\s+)?(?:denial|decision|notice|letter|determination)\s+date"
    r"|^(?:the\s+)?date\s+(?:printed|shown|written|stated|given)\s+(?:at\s+the\s+top\s+of|on|in|at\s+the\s+head\s+of)\s+(?:this|the|our)\s+(?:letter|notice)",
    I,
)
_FROM_RECEIPT = re.compile(r"\breceiv|\bget\s+this|\bservice", I)


def appeal_deadline(text: str, letter: date | None) -> tuple[Hit | None, str]:
    """The last day to appeal: a date the letter gives, or N days from the letter's date (None, why,
    when the days run from something the letter does not date, such as its receipt)."""
    for m in _APPEAL_BY.finditer(text):
        g = next(x for x in ("d", "d2", "d3") if m.group(x))
        d = dates.parse(m.group(g))
        if d:
            return Hit(d, m.start(g), m.end(g)), ""
    for m in _APPEAL_DAYS.finditer(text):
        own, around = _sentences_around(text, m.start(), m.end())
        if not _APPEAL_WORDS.search(around) or _NOT_APPEAL.search(own):
            continue
        ordinal = m.group("o1") or m.group("o2")
        n = int(ordinal) if ordinal else int(m.group("nd")) if m.group("nd") else _days(m.group("n"))
        src = m.group("from")
        if _FROM_LETTER.search(" ".join(src.split())) and not _FROM_RECEIPT.search(src[:25]):
            if letter is None:
                return None, f"the appeal deadline is {n} days from the letter's date, which could not be read"
            return Hit(letter + timedelta(days=n), m.start(), m.end(), f"{n} days from the letter's date"), ""
        return None, f"the appeal deadline is {n} days from a date the letter does not give ({src.strip()[:40]})"
    return None, ""


_APPEAL_WORDS = re.compile(
    r"appeal|reconsider|redetermination|look\s+(?:at\s+(?:it|this|your\s+request)\s+)?again|review\s+(?:it|this|the\s+decision)\s+again|"
    r"(?:request|ask\s+for|file)\s+an?\s+(?:internal\s+)?review\s+of\s+(?:this|the|our)\s+(?:decision|determination|denial)",
    I,
)
# a window that is not the appeal's: a talk with the reviewer, information to send
_NOT_APPEAL = re.compile(
    r"peer[\s-]+to[\s-]+peer|discuss(?:ion)?\s+with|speak\s+with|talk\s+with|send\s+(?:us\s+)?(?:the\s+)?information", I
)
_STOPS = re.compile(r"[.!?](?=\s)|\n[ \t]*\n|\f")


def _sentences_around(text: str, start: int, end: int) -> tuple[str, str]:
    """(the sentence of text[start:end], that sentence with the one before it): an appeal's window is
    named in its own sentence or the one before ("You may appeal. Such a request must ...")."""
    ends = [m.end() for m in _STOPS.finditer(text, max(0, start - 600), start)]
    own_start = ends[-1] if ends else max(0, start - 600)
    prev_start = ends[-2] if len(ends) > 1 else max(0, start - 600)
    stop = _STOPS.search(text, end)
    own_end = stop.end() if stop else len(text)
    return text[own_start:own_end], text[prev_start:own_end]


def _days(word: str) -> int:
    return (
        int(word)
        if word.isdigit()
        else _NUMBER_WORDS[
            " ".join(word.lower().replace("-", " ").split())
            .replace("forty five", "forty-five")
            .replace("sixty five", "sixty-five")
            .replace("twenty one", "twenty-one")
            .replace("thirty five", "thirty-five")
        ]
    )


# -- quantity, drug ----------------------------------------------------------------------------------
_QUANTITY = re.compile(
    r"\b(?:approved\s+|authorized\s+|allowed\s+)?(?:quantity|qty\.?|units?|amount|dispense|limit|how\s+many|how\s+much)(?:\s+(?:approved|authorized|allowed|limit))?"
    r"(?:[ \t]*[.:#\-][\s.:#]*|\s+(?:of|is)[\s.:#]+|[ \t]+)(?P<v>\d[\d,]*(?:\s*(?:tablets?|tabs?|capsules?|caps?|units?|pills?))?"
    r"(?:\s*(?:per|every|/|for|each|in)\s*(?:\d+\s*)?(?:days?|months?|weeks?))?)",
    I,
)
_QUANTITY_SUPPLY = re.compile(r"\b(?:qty|quantity)\s*/\s*(?:days?\s*supply|ds)\s*[:#]?\s*(?P<v>\d[\d,]*\s*/\s*\d+)", I)
_QUANTITY_BARE = re.compile(
    r"(?P<v>\b\d{1,4}\s*(?:tablets?|tabs?|capsules?)\s*(?:per|every|/|for|each|in|a)\s*(?:\d+\s*)?days?)", I
)


def quantity(text: str) -> Hit | None:
    for p in (_QUANTITY_SUPPLY, _QUANTITY, _QUANTITY_BARE):
        m = p.search(text)
        if m:
            return Hit(" ".join(m.group("v").split()), m.start("v"), m.end("v"))
    return None


_DRUGS = (("sotorasib", r"lumakras|sotorasib"), ("adagrasib", r"krazati|adagrasib"))


def drug(text: str) -> Hit | None:
    for name, pattern in _DRUGS:
        m = re.search(rf"\b(?:{pattern})\b", text, I)
        if m:
            return Hit(name, m.start(), m.end())
    return None


# -- the denial reason and what was requested --------------------------------------------------------
_REASON_LABEL = re.compile(
    r"(?:\b(?:reasons?\s+for\s+(?:the\s+|this\s+|our\s+)?(?:denial|decision|determination|adverse\s+determination)"
    r"|denial\s+reasons?|reasons?\s+(?:for\s+denial|denied)|rationale\s+for\s+(?:the\s+|this\s+|our\s+)?(?:decision|denial)"
    r"|basis\s+(?:for|of)\s+(?:the\s+|this\s+|our\s+)?(?:decision|denial|determination)|why\s+(?:your\s+|the\s+)?request\s+was\s+denied"
    r"|explanation\s+of\s+(?:the\s+|our\s+|this\s+)?(?:decision|denial|determination)|(?:our\s+)?decision\s+(?:was|is)\s+based\s+on"
    r"|why\s+we\s+(?:denied|did\s+not\s+approve|could\s+not\s+approve|are\s+denying)\s+(?:your|the|this)\s+(?:request|coverage))"
    r"\s*(?:is|was|are)?\s*[:\-]?"
    r"|\b(?:rationale|explanation|reasons?|why|here(?:[’']s|\s+is)\s+why(?:,?[^:\n.]{0,30})?)\s*:"  # a bare word: with its colon
    r"|(?m:^[ \t|]*)denial\s+(?:rationale|text|description|explanation)(?:[ \t]*[:.]{1,}[ \t.]*|[ \t]{2,}))"  # a system's field
    r"\s*(?:\n\s*)?",
    I,
)
_REASON_SENTENCE = re.compile(
    r"\b(?:because|due\s+to|does\s+not\s+meet|did\s+not\s+meet|do\s+not\s+meet|not\s+medically\s+necessary|"
    r"criteria\s+(?:were|was|are|is)\s+not\s+met|not\s+covered|not\s+(?:been\s+)?met|no\s+documentation|"
    r"not\s+(?:been\s+)?(?:provided|documented|submitted|shown)|lack\s+of|requires?\s+(?:that|documentation))\b",
    I,
)


_REASON_STOP = re.compile(
    r"^\s*(?:[A-Z][A-Za-z ]{0,40}:|sincerely|regards)|\b(?:appeal|disagree|reconsideration|redetermination|questions|"
    r"call\s+us|contact\s+us|right\s+to|you\s+(?:may|can)\s+(?:ask|request|file|send))",
    I,
)


def denial_reason(text: str) -> Hit | None:
    """The payer's reason in its own words: the paragraph after a ``Reason for denial`` heading, else
    the first sentence that gives one (``because``, ``does not meet``)."""
    for m in _REASON_LABEL.finditer(text):
        start = m.end()
        while start < len(text) and text[start] in " \t\n":
            start += 1
        end_para = re.search(r"\n\s*\n|\f", text[start:])
        end = start + (end_para.start() if end_para else len(text) - start)
        end = min(end, start + 800)
        for s in _SENTENCE.finditer(text, start, end):
            if s.start() > start and _REASON_STOP.search(s.group(0)):
                end = s.start()
                break
        end = start + len(text[start:end].rstrip())
        if end - start >= 15:
            return Hit(" ".join(text[start:end].split()), start, end)
    for s in _SENTENCE.finditer(text):
        if _REASON_SENTENCE.search(s.group(0)) and not re.search(r"\bappeal|\bif\s+you\b", s.group(0), I):
            start = s.start() + len(s.group(0)) - len(s.group(0).lstrip())
            return Hit(" ".join(text[start : _explained(text, s.end())].split()), start, _explained(text, s.end()))
    return None


def first_sentence(text: str, hit: Hit) -> Hit:
    """A reason cut to its first sentence (what is kept when OCR read its explanation weakly)."""
    s = next(_SENTENCE.finditer(text, hit.start, hit.end), None)
    if s is None or s.end() >= hit.end:
        return hit
    return Hit(" ".join(s.group(0).split()), s.start(), s.end())


def _explained(text: str, end: int) -> int:
    """Where a reason ends: its sentence and the ones after it in its paragraph that explain it ("Step
    therapy not met. The records show no trial of ..."), up to an appeal or contact sentence."""
    para = re.search(r"\n[ \t]*\n|\f", text[end:])
    stop = min(end + (para.start() if para else len(text) - end), end + 600)
    for s in _SENTENCE.finditer(text, end, stop):
        if _REASON_STOP.search(s.group(0)) or re.search(r"\bif\s+you\b|\bplease\b", s.group(0), I):
            stop = s.start()
            break
    return end + len(text[end:stop].rstrip())


_ASK = re.compile(
    r"(?:please\s+(?:send|submit|provide|fax|forward|mail|upload|include)|we\s+(?:still\s+)?need(?!\s+(?:more|additional|extra)\s+time)"
    r"|(?<!no\sfurther\sinformation\s)(?<!no\smore\sinformation\s)(?<!nothing\smore\s)(?<!nothing\selse\s)(?:is|are)\s+(?:needed|required|missing)"
    r"|the\s+following|info(?:rmation)?\s+requested|requested\s+information|missing\s+information|items?\s+(?:needed|requested|required)"
    r"|what\s+we\s+need|documentation\s+needed|submit\s+the\s+following)",
    I,
)
_BULLET = re.compile(
    r"^[ \t]*(?:[-–•*·▪◦»>«©°□☐]|[eo](?=\s)|\d{1,2}[.)]|0\d(?=[ \t])|\(\d{1,2}\)|\(?[a-hA-H]\)|\[\s?\])[ \t]+(?P<item>\S[^\n]*)$",
    re.M,
)


def requested(text: str) -> list[Hit]:
    """What the payer asked for: the list after a request (``Please send the following:``), else the
    object of the request sentence itself."""
    for a in _ASK.finditer(text):
        tail = text[a.end() :]
        items: list[Hit] = []
        pos = a.end() + (tail.find("\n") + 1 if "\n" in tail else len(tail))
        first = re.match(r"[ \t]{2,}0?1[.)]?[ \t]+(?P<item>\S[^\n]*)", tail)  # the list starts on the label's line
        if first:
            start = a.end() + first.start("item")
            items.append(Hit(" ".join(first.group("item").split()), start, a.end() + first.end("item")))
        blank_run = 0
        for line in text[pos:].split("\n")[:30]:
            m = _BULLET.match(line)
            if m:
                item = m.group("item").strip()
                start = pos + m.start("item")
                items.append(Hit(" ".join(item.split()), start, start + len(item)))
                blank_run = 0
            elif items and line.strip() and line.startswith((" ", "\t")):  # a wrapped item
                last = items[-1]
                items[-1] = Hit(f"{last.value} {' '.join(line.split())}", last.start, pos + len(line.rstrip()))
            elif not line.strip():
                blank_run += 1
                if items and blank_run > 1:
                    break
            elif items or (len(line.strip()) > 0 and not _ASK.search(line)):
                if items:
                    break
                if pos - a.end() > 400:
                    break
            pos += len(line) + 1
        if items:
            return items
    asks = sorted(_ASK.finditer(text), key=lambda a: not a.group(0).lower().startswith("please"))
    for a in asks:
        stop = re.compile(r"[.!?](?=\s|$)|\n\s*\n|\f").search(text, a.end())  # the request's sentence ends
        end = stop.start() if stop else len(text)
        obj = text[a.end() : end].strip(" :.\n")
        if len(obj) >= 8 and not re.search(r"\bappeal\b|^(?:more|additional|further|some)\s+information", obj, I):
            start = a.end() + (len(text[a.end() : end]) - len(text[a.end() : end].lstrip(" :\n")))
            return _split(obj, start)
    return []


def _split(obj: str, start: int) -> list[Hit]:
    """An inline list (``the pathology report and the NGS report``) as its items."""
    out = []
    for m in re.finditer(
        r"(?:(?!;|,\s+and\s|,\s+|\s+and\s+(?=the\s|a\s|an\s|any\s|all\s|your\s|recent\s)).)+", obj, re.S
    ):
        lead_in = re.match(r"\s*(?:(?:and|or)\s+)?", m.group(0))
        lead = lead_in.end() if lead_in else 0
        item = m.group(0)[lead:].strip()
        if len(item) >= 4:
            out.append(Hit(" ".join(item.split()), start + m.start() + lead, start + m.start() + lead + len(item)))
    return out or [Hit(" ".join(obj.split()), start, start + len(obj))]


# -- the patient -------------------------------------------------------------------------------------
_STOP = (
    r"(?=\s{2,}|\s*\n|\s*$|\s+[—–]\s|\s*[,(;|—–]?\s*(?:DOB|D\.O\.B|Date\s+of\s+birth|Birth|Born|Member|ID|Subscriber|Policy|Group|Plan)\b"
    r"|\s*[(;|])"
)
_ROLE = r"(?:patient|member|enrollee|beneficiary|insured|subscriber|participant|recipient|claimant|cardholder)"
_PERSON = r"[A-Za-z][A-Za-z'\-.]*(?:,?[ \t]+[A-Za-z][A-Za-z'\-.]*)"
_NAME = re.compile(
    rf"\b(?P<role>{_ROLE})(?:'s)?(?:\s+name)?(?:[ \t]*\([a-z ]{{2,20}}\))?(?:[ \t]*(?:[:\-]|\.{{2,}})|[ \t]+{GARBLED_LEADER})"
    rf"[ \t.:]*(?P<v>{_PERSON}{{0,3}}?)" + _STOP,
    I,
)
# a system's aligned columns: "MEMBER            OKAFOR, JUNE T" (the label, two or more spaces, the name)
_NAME_COLUMN = re.compile(rf"^[ \t|]*{_ROLE}(?:\s+name)?[ \t]{{2,}}(?P<v>{_PERSON}{{1,3}}?)" + _STOP, M)
_NAME_RE = re.compile(rf"^[ \t]*(?:re|regarding|name)\s*:\s*(?:{_ROLE}\s+)?(?P<v>{_PERSON}{{1,3}}?)" + _STOP, M)
# a name in a sentence, set off by its date of birth: "for patient June T. Okafor (DOB 02-03-1961"
_NAME_INLINE = re.compile(
    rf"(?:\b(?i:{_ROLE})|(?i:care\s+team\s+of))[ \t]+(?P<v>(?-i:[A-Z][A-Za-z'\-.]*(?:[ \t]+[A-Z][A-Za-z'\-.]*){{1,3}}))"
    r"(?=\s*(?:[,;]\s*(?:DOB|D\.O\.B|date\s+of\s+birth|born|birth)|\(|\n|$))",
    M,
)
# a letter's address block: "Mrs. June T. Okafor" on a line of its own (or beside a label in a column)
_ADDRESSEE = re.compile(
    r"^[ \t]*(?:Mr|Ms|Mrs|Mx|Miss)\.?[ \t]+(?P<v>[A-Z][A-Za-z'\-.]*(?:[ \t]+[A-Z][A-Za-z'\-.]*){1,3}?)" + _STOP, M
)
# the last resort: a letter to the patient names them in its salutation ("Dear Ms. June Okafor,")
_SALUTATION = re.compile(
    r"^[ \t]*Dear[ \t]+(?:(?:Mr|Ms|Mrs|Mx|Miss)\.?[ \t]+)?(?P<v>[A-Z][A-Za-z'\-.]*(?:[ \t]+[A-Z][A-Za-z'\-.]*){0,3})[ \t]*[,:]",
    M,
)
_NOT_PERSON = re.compile(
    r"^(?:dr|doctor|provider|prescriber|physician|pharmacist|colleague|sir|madam|member|customer|patient|"
    r"valued|health|care|team|office|all|to|friend|subscriber|enrollee|beneficiary)\b",
    I,
)
# a date of birth after its label, in any layout: "DOB 11/3/56", "Date of birth / Fecha de nacimiento:
# 1969-02-03", "your birthday on file is\nMay 5, 1952" (the first date after the label, within a few words
# that hold no digit and no other date's label)
_DOB = re.compile(
    r"\b(?:DOB|D\.O\.B\.?|date\s+of\s+birth|birth\s*date|birthday|born)"
    rf"(?:{LEADER}|(?:(?!\b(?:dated?|issued|effective)\b)[^\d\n]|\n(?![ \t]*\n)){{0,48}}?)(?P<d>{dates.DATE})",
    I,
)
_MEMBER = re.compile(
    rf"(?:\b(?P<role>{_ROLE}|policy|health\s+plan|medicaid|medicare)(?:[ \t]*/[ \t]*{_ROLE})?"
    r"\s*(?:id(?:entification)?|number|no\.?|#)|^[ \t|]*(?:ID|identification)\b)"
    r"(?:\s*(?:number|no\.?|#))?"
    + LEADER
    + r"(?P<v>[A-Z0-9](?:[A-Z0-9\-]| (?=\d)| (?=[A-Z]{1,3}\d)){3,24})(?![A-Za-z0-9])",
    M,
)
# a plan's own "ID" after its name ("Plan: Cedar Mutual, ID CM-44102", "Cedar Mutual ID: CM-44102"): an ID
# label that is not another thing's id (a request's, a claim's, a session's, a prescriber's)
_ID_LABEL = re.compile(
    r"(?-i:\bID)(?:[ \t]*(?:number|no\.?|#))?[ \t]*[.:#]?[ \t]*(?P<v>[A-Z0-9](?:[A-Z0-9\-]| (?=\d)){3,24})(?![A-Za-z0-9])",
    I,
)
_NOT_MEMBER_ID = re.compile(
    r"\b(?:request|case|reference|ref|claim|session|user|login|npi|dea|tax|fax|provider|prescriber|group|rx|pa|"
    r"confirmation|determination|review|episode|ticket|tracking|transaction|document|order|fax|prior\s+auth(?:orization)?|"
    r"authorization|approval|pharmacy|ncpdp|bin|pcn|employer|sponsor|payer|plan|contract|tin|ein|ssn)\W*$",
    I,
)


_NOT_NAME = re.compile(  # words a person's name never has: "Re: Your request for LUMAKRAS" is no name
    r"\b(?:id|number|name|services?|information|your|our|the|for|of|request(?:ed)?|prior|authorization|lumakras|"
    r"sotorasib|drug|medication|coverage|plan|letter|notice|appeal|review|pharmacy|benefits?|claim|"
    r"patient|member|subscriber|cardholder|beneficiary|enrollee|dob|birth|date|sincerely|dear|"
    r"team|access|department|unit|center|centre|office|staff|group|portal|support)\b",
    I,
)


# the policyholder, who may not be the patient: "Subscriber: <parent>  ...  Patient (member): <child>"
_HOLDER = re.compile(r"subscriber|insured|policy", I)


def _patients_first(found: list[re.Match[str]]) -> list[re.Match[str]]:
    """Labels naming the patient (patient, member, enrollee...) before the policyholder's (subscriber,
    insured, policy), which name the patient only when the letter names no one else."""
    return sorted(found, key=lambda m: bool(m.groupdict().get("role") and _HOLDER.fullmatch(m.group("role"))))


def _member_id(text: str) -> re.Match[str] | None:
    """The member id: a labelled one with a digit, else a plan's bare "ID" that is nothing else's."""
    for m in _patients_first([m for m in _MEMBER.finditer(text) if re.search(r"\d", m.group("v"))]):
        if re.match(r"[^\w\s\-/.,;:)|][A-Za-z0-9]", text[m.end() : m.end() + 2]):
            return None  # OCR put a symbol inside the id ("1920°88"): what it read is cut, so no id is read
        return m
    for m in _ID_LABEL.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if re.search(r"\d", m.group("v")) and not _NOT_MEMBER_ID.search(text[line_start : m.start()]):
            return m
    return None


def patient(text: str) -> dict[str, Hit]:
    out: dict[str, Hit] = {}
    found = (
        x
        for rule in (_NAME, _NAME_COLUMN, _NAME_RE, _NAME_INLINE, _ADDRESSEE, _SALUTATION)
        for x in _patients_first(list(rule.finditer(text)))
        if not _NOT_NAME.search(x.group("v")) and not (rule is _SALUTATION and _NOT_PERSON.search(x.group("v")))
    )
    m = next(found, None)
    if m is not None:
        out["name"] = Hit(" ".join(m.group("v").split()).strip(" ,"), m.start("v"), m.end("v"))
    # a two-digit birth year is never after the letter's date (dates.century)
    on = letter_date(text)
    near = on.value if on else None
    d = next((x for x in _DOB.finditer(text) if dates.parse(x.group("d"), birth=True, near=near)), None)
    if d is not None:
        out["birth_date"] = Hit(dates.parse(d.group("d"), birth=True, near=near), d.start("d"), d.end("d"))
    mid = _member_id(text)
    if mid is not None:
        out["member_id"] = Hit(mid.group("v").upper(), mid.start("v"), mid.end("v"))
    return out
