"""A worked example of how an appeal's window is counted is no deadline (issue 18's thirty-third set, its safety pass).

A letter may show how its window is counted with a made-up date: "(Example: if a letter is dated January 5, the appeal
must be filed by March 6.)", "For example, a notice dated 1 May must be appealed by 30 June", "e.g. letter dated ...".
The example's dates are no facts of this letter: a date inside such a sentence or parenthesis is never read as the
appeal deadline (the letter's own window, "within 60 days from the date of this letter", is read instead; none, the
deadline is left empty). Guards: a deadline stated as a fact ("You must appeal by March 6, 2027.") and one followed by
an example of something else ("... by March 6, 2027 (for example, by fax or mail)") are read as before."""

from __future__ import annotations

import re

from priorauth.letters.spans import I

# the words that open an example: "Example:", "For example,", "For instance,", "e.g.", "As an illustration",
# "Sample calculation:", "Illustration:"
_OPENS = r"(?:examples?\b|for\s+(?:example|instance)\b|e\.\s?g\.|as\s+an\s+(?:example|illustration)\b|illustration\s*:|sample(?:\s+calculation)?\s*:)"
_SENTENCE_OPENS = re.compile(rf"^[\s(\[\"'*]*{_OPENS}", I)
# a parenthesis opened by an example, still open where the date stands
_OPEN_PAREN = re.compile(rf"[(\[][ \t]*{_OPENS}[^()\[\]]*$", I)
_STOPS = re.compile(r"(?<!\be\.g)(?<!\bi\.e)[.!?](?=\s)|\n[ \t]*\n|\f")  # (never the stop of "e.g." or "i.e.")


def inside(text: str, start: int) -> bool:
    """What stands at ``text[start]`` is inside a worked example: its sentence opens with one, or an example's
    parenthesis is open before it."""
    ends = [m.end() for m in _STOPS.finditer(text, max(0, start - 400), start)]
    sentence = text[ends[-1] if ends else max(0, start - 400) : start]
    return bool(_SENTENCE_OPENS.match(sentence) or _OPEN_PAREN.search(sentence))
