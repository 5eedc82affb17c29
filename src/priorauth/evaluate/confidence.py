"""Findings read from scanned pages with low OCR confidence never decide a criterion on their own.

A criterion is ``met`` when a confident finding supports it and no confident finding contradicts it:
each rule runs once on the facts without low-confidence OCR findings. When those findings change the
answer (they alone support or contradict it), the answer is ``review``, citing them, so a person reads
the scan; a low-confidence reading never turns into ``met`` or ``not_met``. Nor does a confident ``met`` stand
against a cited low-confidence contradiction (since 2026-11-30; it did before): the doubtful reading may be
what the original states clearly, so ``review``. A ``met`` resting on an absence (citing nothing) is
``review`` too when a scanned page was read unreliably (``Facts.unreliable_pages``): what that page says may
be missing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from priorauth.evaluate.context import Context
from priorauth.evaluate.result import Answer
from priorauth.facts.model import Evidence, Facts


def judged(rule: Callable[[Context], Answer], ctx: Context) -> Answer:
    return _not_by_absence(_judged(rule, ctx), ctx)


def _not_by_absence(found: Answer, ctx: Context) -> Answer:
    """A ``met`` that cites nothing rests on an absence (no prior G12C inhibitor found); with a scanned
    page read unreliably in the chart, the absence may be OCR's: ``review``, naming the pages."""
    # [ocr10-requested-drug-misread] a word that may be the requested drug misread ("solorasib", perhaps sotorasib)
    # hides no other drug: the criteria on prior therapy leave the requested drug out
    unreliable = [p.where for p in ctx.facts.unreliable_pages if p.perhaps != ctx.drug]
    if found.status != "met" or found.evidence or not unreliable:
        return found
    pages = "; ".join(unreliable)
    return Answer(
        "review",
        f"{found.summary} But scanned pages were read unreliably ({pages}): what they say may be missing.",
        found.evidence,
        [
            *found.actions,
            "Read the scanned pages named (or obtain a legible copy) and confirm nothing contradicts this.",
        ],
    )


def _judged(rule: Callable[[Context], Answer], ctx: Context) -> Answer:
    full = rule(ctx)
    if not any(_low(item) for kind in _lists(ctx.facts) for item in getattr(ctx.facts, kind)):
        return full
    strict = rule(dataclasses.replace(ctx, facts=confident_only(ctx.facts)))
    if strict.status == "met" == full.status and strict.evidence:
        return strict  # a `met` cites the confident findings it rests on, not a doubtful reading of the same words
    if strict.status == full.status:
        return full
    if strict.status == "review":
        return strict
    # A confident `met` does not stand against a low-confidence contradiction (since 2026-11-30, held-out OCR v4):
    # the contradiction may be what the digital original states clearly ("KRAS wild type" on a row read at 30%),
    # so a `met` there could be one the original does not support: `review`.
    low = [e for e in full.evidence if e.low_confidence]
    if not low:  # the low-confidence findings changed the answer without being cited
        return strict
    where = "; ".join(f"{e.source.split('#')[0]} page {e.ocr.page} ({e.ocr.confidence:.0f}%)" for e in low if e.ocr)
    return Answer(
        "review",
        f"Without the scanned text read at low OCR confidence ({where}) this would be {strict.status}; "
        f"with it, {full.status}: {full.summary} Check the scanned page before relying on it.",
        full.evidence,
        [*full.actions, "Read the scanned page and confirm what it says (or obtain a legible copy)."],
    )


def confident_only(facts: Facts) -> Facts:
    return dataclasses.replace(
        facts, **{kind: [i for i in getattr(facts, kind) if not _low(i)] for kind in _lists(facts)}
    )


def _lists(facts: Facts) -> list[str]:
    return [f.name for f in dataclasses.fields(facts) if isinstance(getattr(facts, f.name), list)]


def _low(item: Any) -> bool:
    if isinstance(item, tuple):  # cpt: (code, Evidence)
        item = item[-1]
    ev = item if isinstance(item, Evidence) else getattr(item, "evidence", None)
    return isinstance(ev, Evidence) and ev.low_confidence
