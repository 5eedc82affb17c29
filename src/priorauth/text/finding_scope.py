"""Is this finding a statement about this patient: a negative that names what was tested, a cancer of
another organ, a counterfactual, a negation that sits in an aside."""

from __future__ import annotations

import re
from functools import lru_cache

from priorauth.text.document_scope import _doc_flags
from priorauth.text.pipeline import Finding, patterns
from priorauth.text.sources import TextDoc
from priorauth.text.spans import _line


def _block_header(doc: TextDoc, f: Finding) -> str:
    """The lines above the finding's line in its block (up to a blank line): a table's header row."""
    start = doc.text.rfind("\n", 0, f.start) + 1
    block = doc.text[:start].split("\n\n")[-1]
    return "\n".join(block.split("\n")[-15:])


def _lung(doc: TextDoc, f: Finding) -> bool:
    """The mention is about the lung: its line names the lung, or the whole document does and names no
    other primary cancer (a pathology report's diagnosis line rarely repeats the organ)."""
    p = patterns()
    if p["lung_context"].search(_line(doc, f)):
        return True
    lung, other, _ = _doc_flags(doc.text)
    return lung and not other


@lru_cache(maxsize=2048)
def _doc_colorectal(text: str) -> bool:
    return bool(patterns()["colorectal_context"].search(text))


def _cancer_of(doc: TextDoc, f: Finding) -> str | None:
    """Which cancer a stage or spread mention belongs to: the one its line names, else the one the note is
    about; None for another primary (pancreas, breast...). A note that names no cancer keeps the lung."""
    p = patterns()
    after = re.split(r"[.;,(\n]", doc.text[f.end : f.end + 40])[0]  # the words it qualifies: "stage I breast ca"
    if not p["lung_context"].search(after):
        if p["colorectal_context"].search(after):
            return "colorectal"
        if p["other_primary"].search(after):
            return None
    line = _line(doc, f)
    if p["lung_context"].search(line):
        return "lung"
    if p["colorectal_context"].search(line):
        return "colorectal"
    if p["other_primary"].search(line):
        return None
    lung, other, _ = _doc_flags(doc.text)
    colorectal = _doc_colorectal(doc.text)
    if lung:
        return "lung"
    if colorectal:
        return "colorectal"
    return None if other else "lung"


# A chest cancer that is not lung cancer (pleural mesothelioma, a head-and-neck cancer with lung nodules): in a note
# about it that names no lung cancer, a stage, a spread or a generic histology word is that cancer's.
_OTHER_CHEST_CANCER = re.compile(
    r"\bmesothelioma\b|\bhead\s+and\s+neck\b|\boropharyn\w*|\bhypopharyn\w*|\blaryn(?:x|geal)\b|\bthym(?:oma|ic\s+carcinoma)\b",
    re.I,
)
_LUNG_CANCER = re.compile(
    r"(?<!not\sa\snew\s)(?<!not\sa\s)(?<!no\s)\blung\s+(?:cancer|ca|carcinoma|adeno\w*|primary)\b|\bm?nsclc\b|\bnon[\s-]?small\b",
    re.I,
)


@lru_cache(maxsize=2048)
def _another_chest_cancer(text: str) -> bool:
    return bool(_OTHER_CHEST_CANCER.search(text)) and not _LUNG_CANCER.search(text)


# (held-out v8) A checklist's item answered yes for this patient ("Eligibility checklist: [Y] stage IV NSCLC [Y] KRAS
# G12C"): the box right before the item says Y / Yes; the checklist's word does not make the answer general.
_YES_BOX = re.compile(r"\[\s?(?:y|yes)\s?\]\s*(?:[^\[\]\n]{0,40})$", re.I)


def _answered_yes(doc: TextDoc, f: Finding) -> bool:
    return bool(_YES_BOX.search(doc.text[max(0, f.start - 60) : f.start]))


def _other_primary(doc: TextDoc, f: Finding) -> bool:
    p = patterns()
    line = _line(doc, f)
    return bool(p["other_primary"].search(line)) and not p["lung_context"].search(line)


# [ocr9-negative-for-tested] (held-out OCR v9, issue 17's eleventh pass) A negative result that names what was tested
# ("KRAS: negative for G12C and for all other hotspot variants tested", "no mutation in G12C or any other codon
# analysed"): the words of coverage ("variants tested") make a general statement elsewhere; after a negative before
# the variant they are the result's scope. Only a negated KRAS finding, and only when nothing else in the sentence
# reads as general.
_NEGATIVE_BEFORE = re.compile(
    r"\b(?:negative|neg)\s+for\b|\bno\s+(?:pathogenic\s+)?(?:mutations?|variants?|alterations?)\s+(?:in|at|of)\b|"
    r"\bwild[\s-]?type\s+(?:for|at)\b|\bnot\s+detected\s*:",
    re.I,
)
_TESTED_SCOPE = re.compile(
    r"\b(?:hotspots?|codons?|exons?|genes?|regions?|mutations?|variants?|alterations?)\s+(?:covered|analy[sz]ed|tested|"
    r"assayed|included|evaluated|examined|assessed|sequenced|screened|interrogated)\b",
    re.I,
)


_DEFINES = re.compile(r"\b(?:defined|defines?|means|refers\s+to|reported\s+as|if|when|whenever|unless)\b", re.I)


def _negative_for_tested(f: Finding) -> bool:
    if not f.label.startswith("KRAS") or "NEGATED_EXISTENCE" not in f.modifiers:
        return False
    at = f.start - f.sentence_start
    if not _NEGATIVE_BEFORE.search(f.sentence[:at]) or _DEFINES.search(f.sentence):
        return False  # "Negative for G12C is defined as ... for all variants tested": a definition
    rest = _TESTED_SCOPE.sub(" ", f.sentence)
    return not patterns()["not_about_patient"].search(rest)


# A counterfactual: "Had the biopsy shown G12C, we would have requested adagrasib; NGS instead showed G13D". Its
# clause (up to a ";", "however", "but" or "instead" after the "would") asserts nothing.
_COUNTERFACTUAL = re.compile(
    r"^\W*had\s+(?:the|she|he|they|we|it|this|there|our|her|his|their)\b[^;]{0,100}?\b(?:shown|been|revealed|"
    r"demonstrated|found|harbou?red|tested|come\s+back|returned)\b[^;]{0,80}?\bwould(?:\s+not)?\s+have\b",
    re.I,
)
_CLAUSE_END = re.compile(r";|\bhowever\b|\bbut\b|\binstead\b", re.I)


def _counterfactual(f: Finding) -> bool:
    m = _COUNTERFACTUAL.match(f.sentence)
    if not m:
        return False
    end = _CLAUSE_END.search(f.sentence, m.end())
    return f.start - f.sentence_start < (end.start() if end else len(f.sentence))


# (held-out v8) A parenthesis that does not hold the mention is an aside about something else: "adagrasib monotherapy
# (panitumumab declined by pt)" is a regimen chosen, not an offer declined.
_ASIDE = re.compile(r"\([^()]*\)")


_NEGATION_CUE = re.compile(r"\b(?:no|not|never|none|without|declined|declines|refused|denies|negative|nor)\b", re.I)


def _negated_in_aside(f: Finding) -> bool:
    """The only negation of the sentence sits in a parenthesis beside the mention ("adagrasib monotherapy
    (cetuximab declined by pt)"): it negates what the parenthesis names."""
    return bool(
        "NEGATED_EXISTENCE" in f.modifiers
        and not _NEGATION_CUE.search(_own_clause(f))
        and any(_NEGATION_CUE.search(m.group(0)) for m in _ASIDE.finditer(f.sentence))
    )


def _own_clause(f: Finding) -> str:
    at = f.start - f.sentence_start
    return _ASIDE.sub(lambda m: m.group(0) if m.start() <= at < m.end() else " ", f.sentence)
