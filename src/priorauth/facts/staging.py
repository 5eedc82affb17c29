"""Coded staging: TNM categories (T, N, M; clinical and pathological) and stage groups, as LOINC
(21905-5/21899-0 T, 21906-3/21900-6 N, 21907-1/21901-4 M, 21908-9/21902-2 stage group) or SNOMED CT
observation codes and the mCODE TNM profiles (``mcode-tnm-*``), with AJCC values coded or written.

What each gives (AJCC 8th edition): a distant-metastasis category M1 (M1a/b/c) is stage IV and spread,
for any solid tumor; a regional-nodes category N2 or N3 is at least stage III (lung, colorectum, breast);
a stage group is its stage. M0, T and N0/N1 alone settle no stage and give no fact.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from priorauth.chart.fhir import codes_in, codings, concept_text, concept_words, first_date
from priorauth.chart.load import Resource
from priorauth.facts.model import Diagnosis, Evidence
from priorauth.terminology import concepts as cx

Category = Literal["T", "N", "M", "group"]
_PROFILE = {
    "mcode-tnm-primary-tumor-category": "T",
    "mcode-tnm-regional-nodes-category": "N",
    "mcode-tnm-distant-metastases-category": "M",
    "mcode-tnm-stage-group": "group",
}
# AJCC category values as written ("cM1", "pM1a", "M1c(1)", "American Joint Committee on Cancer cN3").
_M1 = re.compile(r"(?<![a-z0-9])[cpy]{0,2}m1[abcd]?(?:\(\d\))?(?![a-z0-9])", re.I)
_M0 = re.compile(r"(?<![a-z0-9])[cpy]{0,2}m0", re.I)
_N23 = re.compile(r"(?<![a-z0-9])[cpy]{0,2}n[23][abc]?(?![a-z0-9])", re.I)
_SKIP = {"cancelled", "registered"}


def category(data: dict[str, Any]) -> Category | None:
    """Which TNM category (or stage group) an Observation reports, from its code or mCODE profile."""
    code = data.get("code")
    codes = codes_in(code, "loinc") | codes_in(code, "snomed")
    for name in ("M", "N", "T", "group"):
        if codes & cx.concept_set(f"tnm_{name.lower()}"):
            return name  # type: ignore[return-value]
    meta = data.get("meta")
    for profile in meta.get("profile", []) if isinstance(meta, dict) and isinstance(meta.get("profile"), list) else []:
        for key, name in _PROFILE.items():
            if isinstance(profile, str) and profile.rstrip("/").endswith(key):
                return name  # type: ignore[return-value]
    return None


def observation(r: Resource) -> Diagnosis | None:
    """A coded TNM category or stage group as a diagnosis of stage and spread (None when it settles neither)."""
    data = r.data
    if str(data.get("status", "")).lower() in _SKIP:
        return None
    kind = category(data)
    if kind is None:
        return None
    value = data.get("valueCodeableConcept")
    value_codes = {c.code for c in codings(value)}
    words = concept_words(value) or str(data.get("valueString", "")).lower()
    written = concept_text(value) or str(data.get("valueString", ""))
    date = first_date(data, "effectiveDateTime", "effectivePeriod", "issued")
    label = concept_text(data.get("code")) or {"group": "Stage group"}.get(kind, f"{kind} category")
    ev = Evidence(r.ref, date, f"{label}: {written}".strip(": "))
    if kind == "group":
        stage = cx.stage_from_codes(value_codes) or cx.stage_from_text(words)
        return Diagnosis(ev, "unspecified", (), None, stage, stage == 4) if stage else None
    if kind == "M":
        m1 = bool(value_codes & cx.concept_set("tnm_m1")) or (bool(_M1.search(words)) and not _M0.search(words))
        return Diagnosis(ev, "unspecified", (), None, 4, True, tnm=_short(written, "M1")) if m1 else None
    if kind == "N" and (value_codes & cx.concept_set("tnm_n2_n3") or _N23.search(words)):
        return Diagnosis(ev, "unspecified", (), None, 3, False, tnm=_short(written, "N2-3"))
    return None


def _short(written: str, fallback: str) -> str:
    m = re.search(r"(?<![a-z0-9])[cpy]{0,2}[mn][0-3][abcd]?", written, re.I)
    return m.group(0) if m else fallback
