"""Coded concept sets (``data/concepts.yaml``) and the text patterns used on displays and short strings.

Codes win over text: a coding in a set decides; display and text patterns are the fallback for the
``displays without codes`` real exports contain. Free-text notes are read by the notes pipeline.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def _data() -> dict[str, Any]:
    raw = resources.files("priorauth.terminology").joinpath("data/concepts.yaml").read_text("utf-8")
    return yaml.load(raw, Loader=_LOADER)  # noqa: S506 - CSafeLoader/SafeLoader only


@cache
def concept_set(name: str) -> frozenset[str]:
    """The codes of one named set; an unknown name is a programming error (KeyError)."""
    return frozenset(_data()["sets"][name]["codes"])


def in_code_range(name: str, code: str) -> bool:
    """Whether ``code`` lies in one of the named set of ranges (``code_ranges`` in concepts.yaml)."""
    code = code.strip().upper()
    return any(len(code) == len(lo) and lo <= code <= hi for lo, hi in _data()["code_ranges"][name]["ranges"])


def default_uln(analyte: str) -> float:
    return float(_data()["default_uln"][analyte])


def version() -> str:
    return str(_data()["version"])


# --- text patterns (compiled once, used on lower-cased displays and short strings) ---------------

KRAS = re.compile(r"\bk-?ras\b", re.I)
G12C = re.compile(r"(?<![a-z0-9])(?:p\.\s*\(?)?(?:g12c|gly12cys)\)?(?![a-z0-9])|c\.\s*34\s*g\s*>\s*t(?![a-z0-9])", re.I)
OTHER_KRAS_VARIANT = re.compile(
    r"(?<![a-z0-9])(?:p\.\s*\(?)?(?:g12[adfrsv]|g13[cdrsv]|q61[hklpr]|a146[tvp]|k117n|a59[gt]"
    r"|gly12(?:asp|val|ala|arg|ser|phe)|gly13asp|gln61(?:his|leu|lys|arg))\)?(?![a-z0-9])"
    r"|c\.\s*35\s*g\s*>\s*[act](?![a-z0-9])|c\.\s*34_35delinstt",
    re.I,
)
NEGATIVE_RESULT = re.compile(
    r"\b(?:not\s+detected|none\s+detected|no\s+(?:\w+\s+){0,2}(?:mutations?|variants?|alterations?)\s+(?:was\s+|were\s+)?"
    r"(?:detected|identified|found)|negative|absent|wild[\s-]?type|undetected)\b|\bwt\b|^no\b|^no\s",
    re.I,
)
PLASMA = re.compile(
    r"\b(?:plasma|cfdna|cf-dna|ctdna|ct-dna|cell[\s-]free|liquid\s+(?:biopsy|cdx)|blood|guardant"
    r"|circulating\s+(?:tumou?r\s+|free\s+|cell[\s-]free\s+)?(?:dna|nucleic))",
    re.I,
)
TISSUE = re.compile(r"\b(?:tissue|ffpe|tumou?r|biopsy|resection|block|slide|cytology|therascreen)", re.I)

SMALL_CELL = re.compile(r"(?<!non)(?<!non-)(?<!non )\bsmall[\s-]?cell\b|(?<![a-z])sclc\b", re.I)
NSCLC = re.compile(
    r"non[\s-]?small[\s-]?cell|\bnsclc\b|adenocarcinoma|squamous|large[\s-]?cell|adenosquamous|"
    r"sarcomatoid|carcinoma,?\s+nos",
    re.I,
)
LUNG = re.compile(r"\b(?:lung|bronch\w*|pulmonary|nsclc|sclc)\b", re.I)
COLORECTAL = re.compile(r"\b(?:colon|colorectal|rectum|rectal|rectosigmoid|sigmoid|cecum|caecum|crc)\b", re.I)
# A primary site other than the lung or the colon and rectum (a histology on it is not lung cancer).
OTHER_SITE = re.compile(
    r"\b(?:pancrea\w*|breast|prostat\w*|ovar\w*|stomach|gastric|gastro-?esophageal|esophag\w*|oesophag\w*|"
    r"liver|hepat\w*|cholangio\w*|bile\s+duct|gallbladder|kidney|renal|bladder|urothelial|thyroid|uter\w*|"
    r"endometri\w*|cervix|cervical|skin|melanoma|brain|head\s+and\s+neck|oropharyn\w*|laryn\w*|"
    r"appendi\w*|small\s+(?:bowel|intestine)|anal|anus|ampulla\w*|salivary|lymphoma|leukemia|myeloma)\b",
    re.I,
)
MALIGNANT = re.compile(r"cancer|carcinoma|malignan|neoplasm|tumou?r|nsclc|sclc|adenocarcinoma", re.I)
ILD = re.compile(r"interstitial\s+lung\s+disease|\bild\b|pneumonitis|pulmonary\s+fibrosis", re.I)
METASTATIC = re.compile(
    r"\bmetasta\w*|\bsecondary\s+malignan\w*|locally\s+advanced|\brecurren\w*|\bstage\s+iv\b|\bm1[abc]?\b", re.I
)
# "stage IIIB", "Stage (pre-treatment): IIIA", "Stage: [IV]" (a filled template field), "stage three A" (dictated),
# "restaged IVB"
STAGE = re.compile(
    r"\b(?:stage|stg|estadio|etapa)\.?\s*(?:group)?\s*(?:at\s+(?:initial\s+)?(?:diagnosis|dx|presentation)\s*)?(?:\([^)\n]{0,40}\))?\s*:?\s*\[?\s*(iv|iii|ii|i|[1-4]|four|three|two|one)"
    r"(?:\s?[abc]\d?)?\b|\brestaged\s+(?:as\s+|to\s+)?(?:stage\s+)?(iv|iii|ii|i)[abc]?\b"
    # a stage group written bare right after its TNM ("cT3N2M0 IIIB", "pT2a N1 M0, IIB")
    r"|\b[cpy]{0,2}t[0-4x][a-d]?\d?\s*n[0-3x][a-c]?\s*m[01x][a-c]?\s*[,;]?\s*(iv|iii|ii|i)[abc]?\b"
    # a staging field's value ("Staging: IVA (cT2b N2 M1a)")
    r"|\bstaging\s*:\s*(iv|iii|ii|i)[abc]?\b",
    re.I,
)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4, "one": 1, "two": 2, "three": 3, "four": 4}


def stage_from_text(text: str) -> int | None:
    m = STAGE.search(text)
    return _ROMAN[next(g for g in m.groups() if g).lower()] if m else None


def stage_from_codes(codes: set[str]) -> int | None:
    for n in (4, 3, 2, 1):
        if codes & concept_set(f"stage_{n}"):
            return n
    return None
