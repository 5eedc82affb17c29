"""A form's decision rows answered yes or no ("Approved   Y / N :  Y", "Denied (Y/N): N", "Pended? Yes / No: No").

Issue 18's twenty-first set had two response forms whose decision was three rows, one per outcome, each with a
"Y / N" prompt and the letter the reviewer wrote after it: every row names an outcome, so the statements seemed to
disagree and the outcome stayed empty. The rows are read here: the one answered yes is the decision, the rows
answered no say nothing, and all of them are blanked before the other rules read the letter (offsets kept).
Guards: rows left unanswered decide nothing, two rows answered yes disagree (the caller leaves the outcome
empty); a yes/no row about something else ("Urgent Y / N: Y", "Step therapy met? Yes") is not a
decision row."""

from __future__ import annotations

import re

from priorauth.letters.spans import Hit, M

_OPTION = (
    ("approved", r"approved|authori[sz]ed|certified|granted"),
    ("denied", r"denied|not[ \t]+approved|declined"),
    ("pended", r"pended|pending|more[ \t]+info(?:rmation)?[ \t]+needed|on[ \t]+hold"),
)
_WORD = "|".join(f"(?P<{kind}>{words})" for kind, words in _OPTION)
# the row: the outcome word alone, a yes/no prompt ("Y / N", "(Y/N)", "[Yes/No]", "?"), a separator, the answer
_ROW = re.compile(
    rf"^[ \t|]*(?:{_WORD})[ \t]*\??[ \t]*[(\[]?[ \t]*(?:Y(?:es)?[ \t]*/[ \t]*N(?:o)?)[ \t]*[)\]]?[ \t]*[:=\-–][ \t]*"
    r"(?P<a>Y(?:es)?|N(?:o)?|_+)?(?![\w])[ \t]*",
    M,
)


def rows(text: str) -> tuple[str, list[Hit]]:
    """The text with its yes/no decision rows blanked, and the decision of each row answered yes (none when
    no row says yes; two that differ are left for the caller to find in disagreement)."""
    found = list(_ROW.finditer(text))
    if len(found) < 2:  # a form lists its outcomes; one row alone is another kind of question
        return text, []
    yes = [m for m in found if (m.group("a") or "").upper().startswith("Y")]
    for m in found:
        text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
    hits = []
    for m in yes:  # two rows answered yes disagree: the caller leaves the outcome empty
        kind = next(k for k, _ in _OPTION if m.group(k))
        hits.append(Hit(kind, m.start(kind), m.end(kind)))
    return text, hits
