"""A criterion's summary never contradicts the evidence cited beside it (issue 13, class 6), checked as a
property over every shared example chart and over every text of the labelled corpora (tuning and held-out
v1), each put into a chart as a clinical note:

- a `met` summary never states an absence ("... is not documented", "no ... is recorded");
- KRAS: a summary that names a specimen is never beside evidence that all names the other one (a plasma
  sentence cited for a tissue result), "unknown specimen" is never said beside evidence that names its
  specimen, and a `met` "G12C detected" rests on evidence the reader reads as G12C present (re-reading
  each cited sentence);
- advanced disease: a summary saying no spread is documented never cites a sentence that reads as spread.

Sentences cited from text are re-read with the same reader: evidence is checked, not the summary's words
against themselves.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

import priorauth
from priorauth.text.facts import from_documents
from priorauth.text.pipeline import patterns
from priorauth.text.sources import TextDoc
from tests.conftest import SHARED
from tests.ocr import scans

HERE = Path(__file__).parent
AS_OF = "2026-11-20"
ABSENCE = re.compile(
    r"\b(?:is|are)\s+not\s+(?:documented|recorded|in\s+the\s+chart)\b|\bno\s+(?:[\w-]+\s+){0,4}(?:is|are)\s+"
    r"(?:documented|recorded)\b|\bunknown\s+specimen\b.*\bmet\b",
    re.I,
)


def _corpus_texts() -> list[tuple[str, str]]:
    out = []
    for name in ("corpus.yaml", "heldout.yaml"):
        for item in yaml.safe_load((HERE / name).read_text())["items"]:
            out.append((item["id"], item["text"]))
    return out


@cache
def _reread(quote: str) -> frozenset[tuple[str, str]]:
    """What the reader finds in one cited sentence: ("kras", status/specimen), ("spread", ...)."""
    found = from_documents([TextDoc("DocumentReference/q", "2026-01-01", "DocumentReference", "", quote)])
    out = {("kras", k.status) for k in found.kras} | {("specimen", k.specimen) for k in found.kras}
    out |= {("spread", "yes") for d in found.diagnoses if d.spread or d.stage == 4}
    return frozenset(out)


def contradictions(determination: dict[str, Any]) -> list[str]:
    p = patterns()
    out = []
    for c in determination["criteria"]:
        summary, evidence = c["summary"], c.get("evidence") or []
        texts = [e.get("text") or "" for e in evidence]
        cited = [e.get("text") or "" for e in evidence if "#char=" in e.get("source", "")]  # sentences of text
        coded = len(cited) < len(evidence)
        where = f"{c['id']} ({c['status']}): {summary!r}"
        if c["status"] == "met" and ABSENCE.search(summary):
            out.append(f"{where} states an absence")
        if c["id"] == "kras_g12c" and evidence:
            plasma_only = [bool(p["plasma"].search(t) and not p["tissue"].search(t)) for t in texts]
            tissue_only = [bool(p["tissue"].search(t) and not p["plasma"].search(t)) for t in texts]
            if re.search(r"\bin plasma\b", summary) and not coded and all(tissue_only):
                out.append(f"{where}: says plasma, all evidence is tissue")
            if re.search(r"\btissue KRAS\b|\bin tissue\b|\(tissue,", summary, re.I) and not coded and all(plasma_only):
                out.append(f"{where}: says tissue, all evidence is plasma")
            if (
                "unknown specimen" in summary
                and texts
                and all(p["plasma"].search(t) or p["tissue"].search(t) for t in texts)
            ):
                out.append(f"{where}: says unknown specimen beside evidence that names it")
            if (
                c["status"] == "met"
                and cited
                and not coded
                and not any(("kras", "g12c_present") in _reread(t) for t in cited)
            ):
                out.append(f"{where}: met, no cited sentence reads as G12C present")
        no_spread = re.search(r"\bno\s+(?:spread|metasta)", summary, re.I)
        if c["id"] == "advanced_disease" and no_spread and any(("spread", "yes") in _reread(t) for t in cited):
            out.append(f"{where}: says no spread beside a sentence that reads as spread")
    return out


def _examples() -> list[Path]:
    folder = SHARED / "examples"
    return sorted(folder.glob("e0*.json")) if folder.exists() else []


@pytest.mark.parametrize("path", _examples(), ids=lambda p: p.stem)
def test_shared_examples_summaries_agree_with_their_evidence(path: Path) -> None:
    chart = json.loads(path.read_text())
    if chart.get("resourceType") != "Bundle":
        pytest.skip("not a chart")
    try:
        determination = priorauth.check(chart, as_of=AS_OF)
    except priorauth.PriorauthError:  # an example whose answer is an error (no patient) has no summaries
        return
    assert contradictions(determination) == []


def test_corpus_texts_as_notes_summaries_agree_with_their_evidence() -> None:
    bad = {}
    for iid, text in _corpus_texts():
        chart = scans.chart(scans.document("note1", text.encode(), "text/plain", "Clinical note"))
        found = contradictions(priorauth.check(chart, as_of=AS_OF))
        if found:
            bad[iid] = found
    assert bad == {}


def test_the_check_catches_a_contradiction() -> None:
    """The property can fail: a plasma sentence cited for a tissue `not_met`, a met summary stating absence."""
    plasma = "Plasma ctDNA (Guardant360): KRAS G12C not detected."
    det = {
        "criteria": [
            {
                "id": "kras_g12c",
                "status": "review",
                "summary": "Tissue KRAS results conflict: one reports G12C, another does not.",
                "evidence": [{"source": "DocumentReference/n#char=0,51", "text": plasma}],
            },
            {"id": "prior_systemic_therapy", "status": "met", "summary": "No systemic anticancer therapy is recorded."},
        ]
    }
    found = contradictions(det)
    assert len(found) == 2, found
