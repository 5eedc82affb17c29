"""KRAS lines whose negation or whose report version is written around the finding (held-out OCR v29, issue 17's
thirty-first pass).

* [ocr29-glossed-negative-label] a foreign label glossed in a bracket, then its colon, heading a list of what was not
  found ("Niet gedetecteerd (Not detected): KRAS p.G12C; EGFR, BRAF"): the bracket is the label's call, not an aside
  ([v17-kras-negation-in-aside] reads "plasma NGS (no tissue left): KRAS G12C detected" as an aside). Guards: the
  bracket holds only a negative call; one to four words before it open the line; no sentence stop and no English
  result word between the colon and the finding, nor in the finding's own list item after it.
* [ocr29-no-compound] a hyphenated "no-" compound naming a kind of result ("an earlier no-mutation result", "the
  no-call report"): the compound describes that result; it negates nothing after it. Guards: the compound is followed
  by a result noun; the sentence holds no other negation word.
* [ocr29-replaced-version-line] a line labelled as an earlier version of the report ("Ban 1 ... (Version 1): KRAS
  ... (no mutation detected)") in a document saying a later version replaces it ("Version 2 replaces version 1"): the
  replaced version's result is no result. Guards: the document names the replacement of that version number; the
  label is before the finding on its own line; the replacing version's line stays.
"""

from __future__ import annotations

import re

from priorauth.text.layout import _RESULT_WORD
from priorauth.text.pipeline import Finding
from priorauth.text.sources import TextDoc
from priorauth.text.spans import _line_start

# --- [ocr29-glossed-negative-label] ------------------------------------------------------------------------------------
_NEG_CALL = r"not\s+(?:detected|found|identified|present)|negative|absent|none\s+detected|wild[ \t-]?type"
_GLOSSED_NEG_LABEL = re.compile(
    rf"^\W{{0,3}}(?:[^\W\d_]+[ \t]+){{0,3}}[^\W\d_]+[ \t]*\(\s*(?:{_NEG_CALL})\s*\)[ \t]*:(?P<list>[^\n]*)$", re.I
)


def glossed_negative_label(doc: TextDoc, f: Finding) -> bool:
    """[ocr29-glossed-negative-label] "<foreign label> (Not detected): KRAS p.G12C; ...": the finding is listed under
    the glossed negative label."""
    m = _GLOSSED_NEG_LABEL.match(doc.text[_line_start(doc.text, f.start) : f.start])
    if not m:
        return False
    listed, item = m.group("list"), re.match(r"[^;,\n]*", doc.text[f.end :]).group(0)  # type: ignore[union-attr]
    return not re.search(r"[.!?](?:\s|$)", listed) and not _RESULT_WORD.search(listed + " " + item)


# --- [ocr29-no-compound] -----------------------------------------------------------------------------------------------
_NO_COMPOUND = re.compile(
    r"\bno-[^\W\d_]+(?:-[^\W\d_]+)*\s+(?:results?|reports?|calls?|findings?|answers?|readings?|read-?outs?|outcomes?)\b",
    re.I,
)
_ANY_NEGATION = re.compile(
    r"\b(?:no|not|never|none|without|negative|nor|neg|absent|undetect\w*|wild|wt|excluded|ruled\s+out)\b", re.I
)


def no_compound_only(f: Finding) -> bool:
    """[ocr29-no-compound] The sentence's only negation is a "no-mutation result" compound."""
    if "NEGATED_EXISTENCE" not in f.modifiers or not _NO_COMPOUND.search(f.sentence):
        return False
    return not _ANY_NEGATION.search(_NO_COMPOUND.sub(" ", f.sentence))


# --- [ocr29-replaced-version-line] -------------------------------------------------------------------------------------
_VERSION_NO = r"(?:version|ver\.?|v)\s*(\d{1,2})"
_REPLACES = re.compile(
    rf"\b{_VERSION_NO}\s+(?:replaces|supersedes|supercedes|cancels|voids)\s+(?:the\s+)?{_VERSION_NO}\b", re.I
)
_VERSION_LABEL = re.compile(rf"\b{_VERSION_NO}\s*\)?\s*:", re.I)


def replaced_version_line(doc: TextDoc, f: Finding) -> bool:
    """[ocr29-replaced-version-line] The finding's line is labelled with a version another version replaces."""
    replaced = {int(m.group(2)) for m in _REPLACES.finditer(doc.text) if int(m.group(1)) > int(m.group(2))}
    if not replaced:
        return False
    labels = list(_VERSION_LABEL.finditer(doc.text, _line_start(doc.text, f.start), f.start))
    return bool(labels) and int(labels[-1].group(1)) in replaced
