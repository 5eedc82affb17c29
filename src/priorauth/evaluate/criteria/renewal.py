"""Renewal: no_progression_on_therapy and tolerating_therapy, since the requested drug started."""

from __future__ import annotations

import re

from priorauth.evaluate.context import Context
from priorauth.evaluate.result import Answer, answer

_TOXICITY = re.compile(r"toxic|adverse|intoleran|hepatotox|pneumonitis|side effect|elevated (?:alt|ast|lft)", re.I)
_TOLERATING = re.compile(r"(?<!not )(?<!poorly )\btolerat(?:ing|es|ed)\b(?!\s+poorly)", re.I)


def no_progression_on_therapy(ctx: Context) -> Answer:
    start = ctx.drug_start
    if start is None:
        return answer(
            "insufficient",
            f"When {ctx.brand} started is not documented.",
            actions=[f"Document the {ctx.brand} start date and a disease assessment since then."],
        )
    since = [s for s in ctx.facts.statuses if s.evidence.date and ctx.within(s.evidence.date, start, ctx.as_of)]
    worse = [s for s in since if s.status == "worsened"]
    if worse:
        return answer(
            "not_met",
            f"Progression documented on {worse[-1].evidence.date}, since {ctx.brand} started ({start}).",
            worse,
        )
    if since:
        latest = since[-1]
        return answer(
            "met",
            f"Disease {latest.status} on {latest.evidence.date}; no progression since {ctx.brand} started ({start}).",
            since,
        )
    return answer(
        "insufficient",
        f"No disease assessment since {ctx.brand} started ({start}).",
        actions=[f"Document a restaging or response assessment since {ctx.brand} started."],
    )


def tolerating_therapy(ctx: Context) -> Answer:
    start = ctx.drug_start or ctx.as_of
    soto = [m for m in ctx.facts.meds if m.has(ctx.drug) and (m.start is None or ctx.on_or_after(m.start, start))]
    held = [m for m in soto if m.status in ("on-hold", "stopped") and _TOXICITY.search(m.remarks)]
    if held:
        return answer(
            "not_met",
            f"{ctx.brand} was held or stopped for toxicity since it started.",
            held,
            ["Document the current dose level and that the patient tolerates it, or the plan."],
        )
    tolerating = [m for m in soto if _TOLERATING.search(m.remarks)] + [
        s
        for s in ctx.facts.statuses
        if s.evidence.date and ctx.on_or_after(s.evidence.date, start) and _TOLERATING.search(s.evidence.text)
    ]
    if tolerating:
        return answer(
            "met", f"The chart documents the patient tolerating {ctx.brand}.", [t.evidence for t in tolerating]
        )
    return answer(
        "insufficient",
        f"Tolerance of {ctx.brand} is not documented.",
        actions=[f"Document in a progress note that the patient tolerates {ctx.brand} (adverse events, dose level)."],
    )
