"""Two shapes of a denial reason (issue 18's twenty-second set, safety pass):

* a form's "Reason" label whose dot leaders a fax lost ("Reason ......... the pathology describes ..." read as
  "Reason  the pathology describes ..."): the label at its line's start, a column gap, the reason, and the lines
  below it up to a blank line or the next "Label  value" line (a capitalised word or two and a column gap,
  "Appeal  in writing ..."). Read only in a form of such lines (two others at least), and only a reason of three
  words or more;
* a reason read weakly by OCR is cut to its first sentence (:func:`priorauth.letters.fields.first_sentence`); a
  clause that ends with a semicolon and goes on in lower case on the next line ("... documenta la mutazione KRAS
  G13D;" over "il farmaco è autorizzabile solo ...") is not a sentence of its own: the cut goes on to the sentence's end.

Guards: "Reason code  R14" (one word) is no reason; a "Reason" line in a letter with no other column-gap labels is
left to the other readers; a semicolon followed by a capital letter or a list's marker ends the cut as before."""

from __future__ import annotations

import re

from priorauth.letters.spans import Hit, M

_LABEL_LINE = re.compile(r"^[ \t]*(?-i:[A-Z][A-Za-z/#.]*)(?:[ \t][A-Za-z/#.]+){0,3}[ \t]{2,}\S", M)
_REASON = re.compile(
    r"^[ \t]*(?:reasons?|denial[ \t]+reasons?|reasons?[ \t]+for[ \t]+(?:the[ \t]+)?(?:denial|decision)|rationale)"
    r"[ \t]{2,}(?P<v>\S[^\n]*)",
    M,
)


def leaderless_reason(text: str) -> Hit | None:
    """The reason after a "Reason" label and a column gap, with its wrapped lines, in a form of such labels."""
    for m in _REASON.finditer(text):
        others = [x for x in _LABEL_LINE.finditer(text) if x.start() != m.start()]
        if len(others) < 2:
            return None
        end = m.end("v")
        pos = end + 1
        for line in text[pos:].split("\n"):
            if not line.strip() or _LABEL_LINE.match(line):
                break
            end = pos + len(line.rstrip())
            pos += len(line) + 1
        value = " ".join(text[m.start("v") : end].split())
        if len(value.split()) >= 3:
            return Hit(value, m.start("v"), end)
    return None


_GOES_ON = re.compile(r";[ \t]*\n?[ \t]*(?-i:[a-zà-ÿ])")


def first_sentence(text: str, hit: Hit, cut: Hit) -> Hit:
    """``cut`` (``hit`` cut to its first sentence) carried on past a semicolon that a lower-case clause continues."""
    end = cut.end
    while end < hit.end and _GOES_ON.match(text, end - 1 if text[end - 1 : end] == ";" else end):
        stop = re.compile(r"[.!?](?=\s|$)|;").search(text, end + 1, hit.end)
        end = stop.end() if stop else hit.end
        if text[end - 1 : end] != ";":
            break
    if end == cut.end:
        return cut
    return Hit(" ".join(text[hit.start : end].split()), hit.start, end)
