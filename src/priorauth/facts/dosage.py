"""The daily dose of an order, read from every place a real prescription states it.

- The tablet strength comes from the medication: its NDC (the vocabulary's products), the Medication's
  ``ingredient.strength``, the product name ("sotorasib 240 MG Oral Tablet"); the sig may state it too
  ("(120 mg each)", "three 120mg tablets", "4 x 240 mg").
- The dose comes from the structured ``doseAndRate`` (mg, or tablets x strength) with its timing first,
  then from the sig. In a sig, "(N mg)" after a tablet count is the dose taken at once, not the strength:
  "Take 4 tablets (960 mg) once daily" is 960 mg a day.
- When the sources disagree (two strengths, a stated dose that is not tablets x strength, a structured
  dose that is not the sig's), the reading is a ``conflict`` naming both, never one number picked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from priorauth.chart.fhir import codings, concept_text, dicts, number
from priorauth.terminology.drugs import vocabulary


@dataclass(frozen=True)
class DailyDose:
    mg: float | None  # None when it cannot be read or the sources disagree
    text: str  # what was read (the sig, or the structured dose spelled out)
    strength_mg: float | None  # tablet strength, when the medication or the sig states one
    conflict: str | None = None  # which sources disagree, naming both


# --- the medication's strength ---------------------------------------------------------------------

_NAME_STRENGTH = re.compile(
    r"(\d+(?:\.\d+)?)\s*mg\b(?=(?:[\s,/-]*(?:oral|film[\s-]*coated|coated|\(.*?\)))*[\s,/-]*(?:tab|tabs|tablets?)\b)"
    r"|(\d+(?:\.\d+)?)\s*mg\s*\)?\s*$",
    re.I,
)
_MASS = {"mg": 1.0, "g": 1000.0, "ug": 0.001, "mcg": 0.001}


def _fmt(value: float) -> str:
    return f"{value:g}"


def medication_strengths(concept: Any, medication: dict[str, Any] | None) -> list[tuple[float, str]]:
    """Every tablet strength the medication states, each with where it was read."""
    found: list[tuple[float, str]] = []
    concepts = [concept] + ([medication.get("code")] if medication else [])
    vocab = vocabulary()
    for c in [c for con in concepts for c in codings(con)]:
        if "ndc" in c.system.lower():
            product = vocab.product_from_ndc(c.code)
            if product is not None and product.strength_mg:
                found.append((float(product.strength_mg), f"NDC {c.code}"))
    for ing in dicts(medication.get("ingredient") if medication else None):
        ratio = ing.get("strength") or ing.get("strengthRatio")
        if not isinstance(ratio, dict):
            continue
        num = ratio.get("numerator") if isinstance(ratio.get("numerator"), dict) else {}
        den = ratio.get("denominator") if isinstance(ratio.get("denominator"), dict) else {}
        value = number(num.get("value"))
        unit = str(num.get("code") or num.get("unit") or "").lower()
        per = number(den.get("value")) or 1.0
        if value is not None and unit in _MASS:
            found.append((value * _MASS[unit] / per, "Medication.ingredient.strength"))
    for con in concepts:
        for name in [concept_text(con), *(c.display for c in codings(con))]:
            values = {float(m.group(1) or m.group(2)) for m in _NAME_STRENGTH.finditer(name or "")}
            if len(values) == 1:
                found.append((values.pop(), f'product "{name}"'))
    return found


# --- frequency -------------------------------------------------------------------------------------

_FREQ_TEXT: list[tuple[re.Pattern[str], float]] = [
    (re.compile(p, re.I), v)
    for p, v in [
        (r"\bq\.?\s*i\.?\s*d\b|\b4\s+times\b|\bevery\s+6\s+hours\b|\bq\s*6\s*h(?:rs?|ours?)?\b", 4.0),
        (r"\bt\.?\s*i\.?\s*d\b|\b3\s+times\b|\bthrice\b|\bevery\s+8\s+hours\b|\bq\s*8\s*h(?:rs?|ours?)?\b", 3.0),
        (
            r"\bb\.?\s*i\.?\s*d\b|\btwice\b|\b2\s+times\b|\bevery\s+12\s+hours\b|\bq\s*12\s*h(?:rs?|ours?)?\b"
            r"|\b(?:morning|am)\s+and\s+(?:\d+(?:\.\d+)?\s+\w+\s+)?(?:in\s+the\s+)?(?:evening|night|bedtime|pm)\b",
            2.0,
        ),
        (r"\bq\.?\s*o\.?\s*d\b|\bevery\s+other\s+day\b|\bevery\s+48\s+hours\b", 0.5),
        (r"\bweekly\b|\bonce\s+(?:a|per|each)\s+week\b|\bq\s*week\b|\bqwk\b", 1 / 7),
        (
            r"\bdaily\b|\bq\.?\s*d\b\.?|\bqday\b|\bonce\b|\b1\s+time\b|\bevery\s+day\b|\beach\s+day\b|\ba\s+day\b"
            r"|\bper\s+day\b|/\s*day\b|\bq\s*24\s*h(?:rs?|ours?)?\b|\bevery\s+24\s+hours\b|\bnightly\b"
            r"|\bat\s+bedtime\b|\bq\.?\s*hs\b|\bq\.?\s*am\b|\bq\.?\s*pm\b|\bevery\s+(?:morning|evening|night)\b"
            r"|\bin\s+the\s+(?:morning|evening)\b|\bqam\b",
            1.0,
        ),
    ]
]
# HL7 v3 GTSAbbreviation (timing.code) values, and common local ones.
_FREQ_CODES = {
    "QD": 1.0, "DAILY": 1.0, "Q24H": 1.0, "AM": 1.0, "PM": 1.0, "HS": 1.0, "QAM": 1.0, "QHS": 1.0,
    "BID": 2.0, "Q12H": 2.0, "TID": 3.0, "Q8H": 3.0, "QID": 4.0, "Q6H": 4.0, "QOD": 0.5, "WK": 1 / 7,
}  # fmt: skip
_PER_UNIT = {"d": 1.0, "wk": 1 / 7, "h": 24.0, "mo": 1 / 30, "a": 1 / 365, "min": 1440.0, "s": 86400.0}


def per_day_from_text(text: str) -> float | None:
    for pattern, value in _FREQ_TEXT:
        if pattern.search(text):
            return value
    return None


def per_day_from_timing(timing: Any) -> float | None:
    """Administrations a day from a structured Timing (repeat, else its code); None when it says nothing."""
    if not isinstance(timing, dict):
        return None
    rep = timing.get("repeat")
    if isinstance(rep, dict):
        freq = number(rep.get("frequency"))
        period = number(rep.get("period"))
        if freq is not None or period is not None:
            unit = rep.get("periodUnit") if isinstance(rep.get("periodUnit"), str) else "d"
            return (freq or 1.0) / (period or 1.0) * _PER_UNIT.get(unit, 1.0)
        times = [*(rep.get("timeOfDay") or []), *(rep.get("when") or [])]
        if times:
            return float(len(times))
    for c in codings(timing.get("code")):
        if c.code.upper() in _FREQ_CODES:
            return _FREQ_CODES[c.code.upper()]
    return per_day_from_text(concept_text(timing.get("code"))) if timing.get("code") else None


# --- the sig ---------------------------------------------------------------------------------------

_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
    "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "half": "0.5",
}  # fmt: skip
_NUM = r"\d+(?:\.\d+)?"
_TAB = r"(?:film[\s-]*coated\s+)?(?:tab|tabs|tablet|tablets|tbl|pills?)\b"
_MG_RE = re.compile(rf"({_NUM})\s*(?:mg|mgs|milligrams?)\b", re.I)
_COUNT_TABS = re.compile(rf"(?<![\d.])({_NUM})\s*(?:x\s*)?(?:({_NUM})\s*mg\s*)?(?:oral\s+)?{_TAB}", re.I)
_COUNT_X_MG = re.compile(rf"(?<![\d.])({_NUM})\s*x\s*({_NUM})\s*mg\b", re.I)
_AFTER_STRENGTH = re.compile(
    rf"^\s*(?:each\b(?!\s+(?:day|morning|evening|night|week))|per\s+{_TAB}|/\s*{_TAB}|a\s+{_TAB}|(?:oral\s+)?{_TAB})",
    re.I,
)
_BEFORE_STRENGTH = re.compile(
    rf"(?:\bx|{_TAB}\s+of(?:\s+the)?|\bstrength(?:\s+of)?|\bof\s+the)\s*$|(?<![\d.])\d+\s*$", re.I
)
_DAILY_TOTAL_AFTER = re.compile(r"^\s*(?:/\s*day|per\s+day|total\s+daily|daily\s+total)", re.I)
_DAILY_TOTAL_BEFORE = re.compile(r"(?:total\s+daily\s+dose|daily\s+dose)(?:\s+of|\s*[:=])?\s*$", re.I)


@dataclass(frozen=True)
class SigReading:
    per_dose_mg: float | None
    daily_mg: float | None
    strength_mg: float | None
    conflict: str | None
    why: str  # why the dose could not be read, when it could not


def normalize_sig(text: str) -> str:
    s = text.lower().replace("×", "x")
    s = re.sub(r"\b(" + "|".join(_WORDS) + r")\b", lambda m: _WORDS[m.group(1)], s)
    s = re.sub(r"(\d),(\d{3})\b", r"\1\2", s)
    s = re.sub(r"(\d+(?:\.\d+)?)\s*\(\s*\1\s*\)", r"\1", s)  # "eight (8) tablets", "1 (one) time"
    s = re.sub(r"\(\s*(\d+(?:\.\d+)?)\s*\)\s*\1\b", r"\1", s)  # "(8) eight tablets"
    return s


def read_sig(text: str, strength_mg: float | None, per_day_structured: float | None) -> SigReading:
    """Read one sig. ``strength_mg`` is the medication's tablet strength (None when it states none)."""
    s = normalize_sig(text)
    strengths: list[float] = []
    stated: list[float] = []
    daily_total: list[float] = []
    counts: list[float] = []
    for m in _COUNT_X_MG.finditer(s):
        counts.append(float(m.group(1)))
        strengths.append(float(m.group(2)))
    for m in _COUNT_TABS.finditer(s):
        counts.append(float(m.group(1)))
        if m.group(2):
            strengths.append(float(m.group(2)))
    for m in _MG_RE.finditer(s):
        before, after, value = s[: m.start()], s[m.end() :], float(m.group(1))
        if _AFTER_STRENGTH.match(after) or _BEFORE_STRENGTH.search(before):
            strengths.append(value)
        elif _DAILY_TOTAL_AFTER.match(after) or _DAILY_TOTAL_BEFORE.search(before):
            daily_total.append(value)
        else:
            stated.append(value)
    sig_strengths = sorted(set(strengths))
    if len(sig_strengths) > 1:
        named = " and ".join(f"{_fmt(v)} mg" for v in sig_strengths)
        return SigReading(None, None, None, f"the sig names tablets of {named}", "")
    sig_strength = sig_strengths[0] if sig_strengths else None
    if sig_strength is not None and strength_mg is not None and abs(sig_strength - strength_mg) > 1e-9:
        return SigReading(
            None,
            None,
            sig_strength,
            f"the medication is {_fmt(strength_mg)} mg tablets but the sig says {_fmt(sig_strength)} mg tablets",
            "",
        )
    strength = strength_mg if strength_mg is not None else sig_strength
    distinct_counts = sorted(set(counts))
    per_day_text = per_day_from_text(s)
    count: float | None = None
    if len(distinct_counts) == 1:
        count = distinct_counts[0]
    elif len(distinct_counts) > 1 and re.search(r"\bmorning\b|\bam\b", s) and re.search(r"\bevening|night|pm\b", s):
        count, per_day_text = sum(counts), 1.0  # "3 tablets in the morning and 2 tablets in the evening"
    elif len(distinct_counts) > 1:
        return SigReading(None, None, strength, None, "the sig names several tablet counts")
    tabs_mg = count * strength if count is not None and strength is not None else None
    dose = stated[0] if stated else None
    if dose is not None and tabs_mg is not None and abs(dose - tabs_mg) > 1e-9:
        return SigReading(
            None,
            None,
            strength,
            f"the sig's {_fmt(count or 0)} tablets of {_fmt(strength or 0)} mg ({_fmt(tabs_mg)} mg) do not make "
            f"its stated {_fmt(dose)} mg",
            "",
        )
    per_dose = dose if dose is not None else tabs_mg
    if daily_total:
        return SigReading(per_dose, daily_total[0], strength, None, "")
    if per_dose is None:
        why = "the tablet strength is not stated" if count is not None else "no dose in mg or tablets"
        return SigReading(None, None, strength, None, why)
    per_day = per_day_text if per_day_text is not None else per_day_structured
    if per_day is None:
        return SigReading(per_dose, None, strength, None, "no frequency")
    return SigReading(per_dose, per_dose * per_day, strength, None, "")


# --- the order -------------------------------------------------------------------------------------


def _structured(di: dict[str, Any], strength: float | None, per_day: float | None) -> tuple[float, str] | None:
    for dr in dicts(di.get("doseAndRate")):
        q = dr.get("doseQuantity")
        if not isinstance(q, dict) or per_day is None:
            continue
        value = number(q.get("value"))
        unit = f"{q.get('code', '')} {q.get('unit', '')}".strip().lower()
        if value is None or not unit:
            continue
        first = unit.split()[0]
        if first in _MASS:
            mg = value * _MASS[first]
            return mg * per_day, f"{_fmt(mg)} mg x {_fmt(per_day)}/day"
        if re.search(r"tab|\{tbl\}", unit) and strength is not None:
            return value * strength * per_day, f"{_fmt(value)} x {_fmt(strength)} mg x {_fmt(per_day)}/day"
    return None


def daily_dose(data: dict[str, Any], concept: Any, medication: dict[str, Any] | None) -> DailyDose:
    """The order's daily dose in mg from its medication, structured dosage and sig (see the module doc)."""
    strengths = medication_strengths(concept, medication)
    values = sorted({v for v, _ in strengths})
    if len(values) > 1:
        named = "; ".join(f"{where}: {_fmt(v)} mg" for v, where in strengths)
        return DailyDose(None, "tablet strength conflicts", None, f"the medication's strengths disagree ({named})")
    strength = values[0] if values else None
    sig_why = "dose not readable"
    for di in dicts(data.get("dosageInstruction")):
        text = " ".join(
            t for t in [di.get("text"), di.get("patientInstruction")] if isinstance(t, str) and t.strip()
        ).strip()
        per_day_struct = per_day_from_timing(di.get("timing"))
        sig = read_sig(text, strength, per_day_struct) if text else None
        tablet_strength = strength if strength is not None else (sig.strength_mg if sig else None)
        structured = _structured(di, tablet_strength, per_day_struct or (per_day_from_text(text) if text else None))
        if sig is not None and sig.conflict:
            return DailyDose(None, text, tablet_strength, sig.conflict)
        if structured and sig is not None and sig.daily_mg is not None and abs(structured[0] - sig.daily_mg) > 1e-6:
            return DailyDose(
                None,
                text,
                tablet_strength,
                f"the structured dose ({structured[1]} = {_fmt(structured[0])} mg/day) and the sig "
                f'("{text}" = {_fmt(sig.daily_mg)} mg/day) disagree',
            )
        if structured:
            return DailyDose(structured[0], text or structured[1], tablet_strength)
        if sig is not None and sig.daily_mg is not None:
            return DailyDose(sig.daily_mg, text, tablet_strength)
        if sig is not None:
            sig_why = f"{sig.why}: {text}"
    return DailyDose(None, sig_why, strength)
