"""[ocr30s-specked-split-negation] (held-out OCR v30's safety pass, issue 17) a negative call wrapped over lines on a
worst-level fax: "KRAS G12C" / "not" / "detected (...)" reads "KRAS G12C" / "... not  ." / "- detected (KRAS G12C ...)".
The specks (a stop after "not", dots before it, a dash before "detected") split the clause into sentences, so the
variant's own sentence holds no negation and the next one opens with a bare "detected" before the variant's gloss.

Read the clause as the clean page has it: a variant followed, across specks and at most one line break each side, by
"not" then "detected/found/identified" is negated; a variant right after such a split "not ... detected" (its gloss in
brackets or after a colon or dash) is negated too. Guards: a word between the variant and "not" (another gene's call:
"KRAS G12C present; NRAS not detected"), a positive call first ("KRAS G12C detected. Not detected: EGFR"), a positive call after the variant on its line ("EGFR not detected -
KRAS G12C detected"), a stop
after a word before the variant ("not detected. KRAS G12C positive") keep the reading they had, and so does a clean
"Not detected" opening the next sentence ("KRAS G12C. Not detected in the plasma sample ...": the split must fall
between "not" and its call).
"""

from __future__ import annotations

import re

from priorauth.text.pipeline import Finding
from priorauth.text.sources import TextDoc
from priorauth.text.spans import _line_end

# a fax's specks between words: stops, dashes, tildes, underscores, quotes, ellipses, bars (never a letter or digit)
_SPECK = r"[ \t.,'`\u2018\u2019~_\u2013\u2014\u2026|-]"
_BREAK = rf"{_SPECK}*(?:\n{_SPECK}*)?"
_CALL = r"(?:detected|found|identified)\b"
_AFTER = re.compile(rf"{_BREAK}(?:(?:was|is|were|are)[ \t\n]+)?not\b({_BREAK}){_CALL}", re.I)
_POSITIVE = re.compile(r"\b(?:positive|pos|detected|present|identified|found|mutated|mutant)\b|\d+(?:\.\d+)?\s*%", re.I)
_BEFORE = re.compile(rf"\bnot\b{_BREAK}{_CALL}[ \t]*(?:[(\[:][ \t]*|[-\u2013\u2014][ \t]+)(?:k-?ras[ \t-]*)?(?:p\.[ \t]*)?$", re.I)


def _specked(text: str) -> bool:
    """The span holds a speck or a line break (a clean one-line "not detected" is the ordinary negation's)."""
    return "\n" in text or bool(re.search(r"[.,'`\u2018\u2019~_\u2026|]|\s-|-\s", text))


def specked_split_negation(doc: TextDoc, f: Finding) -> bool:
    """[ocr30s-specked-split-negation] The variant's "not detected" split by a fax's specks into two sentences."""
    after = _AFTER.match(doc.text, f.end)
    if after and _specked(after.group(1)):  # the split is inside the call ("not ." / "- detected"): a clean
        return True  # "KRAS G12C. Not detected in the plasma ..." is a new sentence's negation, not the variant's
    before = _BEFORE.search(doc.text[max(0, f.start - 80) : f.start])
    if not before or not _specked(before.group(0)):
        return False
    rest = doc.text[f.end : _line_end(doc.text, f.end)]
    return not _POSITIVE.search(rest)  # guard: "EGFR not detected - KRAS G12C detected" is the variant's own call
