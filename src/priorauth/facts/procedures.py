"""Procedures of systemic therapy (the contract: "a completed or in-progress Procedure of systemic
therapy ... the drugs from its code, text, usedCode or notes when named") -> uses of drugs.

A Procedure is systemic therapy when its code is in ``systemic_therapy_procedure`` (SNOMED CT
chemotherapy / immunotherapy procedures, CPT chemotherapy-administration codes) or its words say so
("chemotherapy", "immunotherapy", "infusion" of a named anticancer drug). Its drugs come from its code,
``usedCode``, ``focalDevice``-free text and notes; a chemotherapy procedure naming no drug is a use of
"systemic therapy (drugs not named)", which counts as therapy given but never as a named drug.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from priorauth.chart.chart import Chart
from priorauth.chart.fhir import codings, concept_text, concept_words, dicts, first_date, notes, period_end, status_of
from priorauth.facts.model import Evidence, MedUse
from priorauth.terminology import concepts as cx
from priorauth.terminology.drugs import Drug, vocabulary

GIVEN = frozenset({"completed", "in-progress"})
UNNAMED = Drug("systemic therapy (drugs not named)", "chemotherapy")
_WORDS = re.compile(
    r"\bchemo(?:therapy)?\b|\bimmunotherapy\b|\bsystemic\s+(?:anti-?cancer\s+)?therapy\b|\bantineoplastic\b"
    r"|\b(?:infusion|administration|injection)\b",
    re.I,
)
_CURATIVE = re.compile(r"\b(?:neo-?adjuvant|adjuvant|curative)\b", re.I)


def therapy_uses(chart: Chart) -> Iterator[MedUse]:
    vocab = vocabulary()
    for r in chart.of_type("Procedure"):
        d = r.data
        status = status_of(d)
        code = d.get("code")
        codes = {c.code for c in codings(code)}
        words = concept_words(code)
        used = list(dicts(d.get("usedCode")))
        remarks = " ".join(notes(d))
        named: dict[str, Drug] = {}
        for concept in [code, *used]:
            for c in codings(concept):
                drug = vocab.from_code(c.code) if "rxnorm" in c.system.lower() else None
                if drug:
                    named[drug.ingredient] = drug
        for text in (words, *(concept_words(u) for u in used), remarks):
            for drug in vocab.from_text(text):
                named.setdefault(drug.ingredient, drug)
        anticancer = [x for x in named.values() if x.anticancer]
        coded = bool(codes & cx.concept_set("systemic_therapy_procedure"))
        worded = bool(_WORDS.search(words)) and (bool(anticancer) or "chemo" in words or "immunotherapy" in words)
        if not (coded or worded):
            continue
        drugs = tuple(anticancer) or (UNNAMED,)
        start = first_date(d, "performedDateTime", "performedPeriod")
        end = period_end(d.get("performedPeriod")) or start
        reasons = " ".join(concept_text(c) for c in [*dicts(d.get("reasonCode")), *dicts(d.get("category"))])
        label = concept_text(code) or "systemic therapy procedure"
        names = ", ".join(x.ingredient for x in drugs)
        ev = Evidence(r.ref, start, f"{label}: {names} (procedure, {status or 'no status'})")
        curative = bool(_CURATIVE.search(f"{remarks} {reasons} {words}"))
        yield MedUse(ev, "procedure", status, drugs, start, end, curative, remarks)
