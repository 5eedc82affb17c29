"""What every rule that reads a payer letter shares: :class:`Hit` (a value and the span it was read
from), the letter's sentences (a wrapped paragraph runs on, a heading or a label ends its sentence), the
names of our drug as OCR may print them, and the words that mark an earlier authorization."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

I = re.IGNORECASE  # noqa: E741
M = re.IGNORECASE | re.MULTILINE


@dataclass(frozen=True)
class Hit:
    value: Any
    start: int
    end: int
    note: str = ""


# what OCR makes of a dot leader: a run of small letters, mostly s and c ("ssscicssssccces")
GARBLED_LEADER = r"(?-i:(?=[a-z.,6]{6,}[ \t])(?:[a-z.,6]*?[sc]){4}[a-z.,6]*)"


# a history table's row marked as the one this letter is about ("... APPROVED ...  <- this request")
_THIS_ROW = re.compile(
    r"(?:<-+|←|◄|=>|\*\*?)[ \t]*(?:this|current|present)\s+(?:request|authori[sz]ation|decision)\b|\((?:this|current)\s+request\)",
    re.I,
)


# an earlier authorization: "previous", "expired", or a parenthesis that opens on "prior" and is no prior
# authorization's own name ("(prior certification no. X, valid ... to ...)")
_STALE = re.compile(
    r"\b(?:previous(?:ly)?|earlier|former(?:ly)?|expired|superseded)\b|\(\s*prior\s+(?!auth)|"
    r"\b(?:last|old|outgoing)\s+(?:approval|authori[sz]ation|certification|coverage\s+period)\b",  # a renewal's "Your last approval"
    I,
)


# a decision stamp set off by stars or arrows atop a returned form (">> NOT APPROVED - ... - 14 JUL 2027 <<"):
# its date is the letter's (not a period's "EFF ... THRU ...", nor a receipt's "REC'D ...")
STAMP_LINE = re.compile(
    r"^[ \t]*(?:[*>=#~]{2,})[^\n]*\b(?-i:APPROVED|DENIED|PENDED|DECLINED|AUTHORIZED|AUTH\s+OK)\b[^\n]*", M
)


# LUMAKRAS and sotorasib, and what OCR makes of them (LIUMAKRAS, JTUMAKRAS, sotora5ib): a drug line
# misread as another drug would hide the letter's outcome
_OURS = re.compile(r"\b\w{0,3}makras\b|\bs?otora[s5][il1|]b\b", I)


_SENTENCE_RE = re.compile(r"[^.;!?\n]+(?:\n(?!\s*\n)[^.;!?\n]+)*[.;!?]?", re.MULTILINE)
_RUNS_ON = re.compile(r"(?:\b(?:not|no|and|or|of|for|to|the|a|an|by|with|is|was|has|been)|[-–])[ \t]*$", I)
WRAPPED = 0.6  # a line this share of the page's long lines' width, ending without a stop, runs on (wrapped)


def line_starts(lines: list[str]) -> list[int]:
    """Where each of ``lines`` (a text split on newlines) starts in the text."""
    starts: list[int] = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    return starts


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
