"""Treatment history: prior_systemic_therapy, single_agent, disease_progression, no_prior_kras_g12c_inhibitor."""

from __future__ import annotations

import re

from priorauth.chart import dates
from priorauth.evaluate.context import Context, shift
from priorauth.evaluate.result import Answer, answer
from priorauth.facts.model import MedUse
from priorauth.terminology.drugs import vocabulary

_PROGRESSED_ON = re.compile(
    r"\b(?:progress(?:ed|ing|ion)|pod|pd|progressive\s+disease)\s+(?:\w+\s+){0,2}?(?:on|through|while\s+on|despite)\b",
    re.I,
)


def _drugs_in(text: str) -> set[str]:
    return {d.ingredient for d in vocabulary().from_text(text) if d.anticancer}


def _names(meds: list[MedUse], drug: str) -> str:
    """The anticancer ingredients of ``meds`` other than the requested ``drug``."""
    return ", ".join(sorted({d.ingredient for m in meds for d in m.anticancer if d.ingredient != drug}))


def prior_systemic_therapy(ctx: Context) -> Answer:
    given = ctx.prior_therapies
    naive = [e for e in ctx.facts.naive if ctx.by_as_of(e.date)]
    if naive and given:
        return answer(
            "review",
            f"Sources disagree: the chart states no prior systemic therapy, but therapy is recorded ({_names(given, ctx.drug)}).",
            [*naive, *given],
            ["Ask the prescriber to confirm the treatment history."],
        )
    if naive:
        return answer("not_met", "The chart states the patient has had no prior systemic therapy.", naive)
    if not given:
        return answer(
            "insufficient",
            "No systemic anticancer therapy is recorded before the request.",
            actions=["Document the prior systemic therapy (drugs, dates, setting) from the treatment history."],
        )
    curative = [m for m in given if m.curative_intent]
    if len(curative) == len(given):
        return answer(
            "review",
            f"The only prior therapy ({_names(given, ctx.drug)}) is documented as curative-intent (adjuvant/neoadjuvant).",
            given,
            ["Ask the prescriber whether therapy was given for locally advanced or metastatic disease."],
        )
    first = ctx.first_advanced_date
    if first is None:
        return answer(
            "review",
            f"Prior therapy ({_names(given, ctx.drug)}) is recorded, but no locally advanced or metastatic disease is "
            "documented, so it may have been for earlier-stage disease.",
            given,
            [
                "Ask the prescriber whether the therapy was for locally advanced or metastatic disease, and document the stage."
            ],
        )
    for_advanced = [m for m in given if not m.curative_intent and ctx.on_or_after(m.end or m.start, first)]
    if not for_advanced:
        return answer(
            "review",
            f"All prior therapy ({_names(given, ctx.drug)}) ended before advanced disease was first documented "
            f"({first}): it may have been curative-intent.",
            given,
            ["Ask the prescriber whether any therapy was given for locally advanced or metastatic disease."],
        )
    return answer(
        "met", f"Prior systemic therapy for advanced disease: {_names(for_advanced, ctx.drug)}.", for_advanced
    )


def single_agent(ctx: Context) -> Answer:
    order = ctx.any_order
    if order is None:
        return answer(
            "insufficient",
            f"No {ctx.brand} order in the chart to review for concurrent anticancer drugs.",
            actions=[f"Enter the {ctx.brand} order."],
        )
    window_start = shift(ctx.as_of, -ctx.params.concurrent_administration_days)
    alongside = [m for m in ctx.facts.meds if _alongside(ctx, m, window_start)]
    attested = [e for e in ctx.facts.monotherapy if e.source.startswith("Attestation/")]
    if alongside and attested:
        return answer(
            "review",
            f"Monotherapy is attested, but another anticancer drug is still recorded as active alongside {ctx.brand}: "
            f"{_names(alongside, ctx.drug)}.",
            [*attested, *alongside],
            ["Update the chart: stop or complete the other drug's order, or correct the attestation."],
        )
    if alongside:
        return answer(
            "not_met",
            f"Another anticancer drug is active alongside {ctx.brand}: {_names(alongside, ctx.drug)}.",
            alongside,
            [f"Confirm with the prescriber that the other drug is stopped, or that {ctx.brand} is not monotherapy."],
        )
    return answer(
        "met",
        ("Single-agent use is attested. " if attested else "")
        + ("A note states single-agent use. " if len(ctx.facts.monotherapy) > len(attested) else "")
        + "Reviewed active orders, active statements and administrations in the last "
        f"{ctx.params.concurrent_administration_days} days: no anticancer drug alongside {ctx.brand}.",
        [order.evidence, *ctx.facts.monotherapy],
    )


def _alongside(ctx: Context, m: MedUse, window_start: str) -> bool:
    if not any(d.ingredient != ctx.drug for d in m.anticancer):
        return False
    return concurrent(ctx, m, window_start)


def concurrent(ctx: Context, m: MedUse, window_start: str) -> bool:
    """Active now: an active, on-hold or draft order, an active statement, or a recent administration."""
    if m.kind == "request":
        return m.status in ("active", "on-hold", "draft")
    if m.kind == "statement":
        return m.status == "active"
    if m.kind in ("administration", "procedure"):  # a chemotherapy Procedure is an administration
        return m.given and m.start is not None and ctx.within(m.start, window_start, ctx.as_of)
    return False


def disease_progression(ctx: Context) -> Answer:
    first = dates.earliest_of([m.start for m in ctx.prior_therapies])
    worse = [
        s
        for s in ctx.facts.statuses
        if s.status == "worsened" and s.evidence.date and ctx.on_or_before(s.evidence.date, ctx.as_of)
    ]
    # "progressed on <drug>" (PD / POD / progression on ...) states the order itself: progression on a
    # prior therapy, whatever the dates written beside it say
    given = {d.ingredient for m in ctx.prior_therapies for d in m.anticancer}
    stated = [s for s in worse if _PROGRESSED_ON.search(s.evidence.text) and given & _drugs_in(s.evidence.text)]
    if first:
        after = [s for s in worse if s in stated or ctx.on_or_after(s.evidence.date, first)]
        if after:
            latest = after[-1]
            return answer(
                "met",
                f"Progression documented on {latest.evidence.date}, after prior therapy began "
                f"({_names(ctx.prior_therapies, ctx.drug)}).",
                after,
            )
    return answer(
        "insufficient",
        "No disease progression on or after a prior systemic therapy is documented.",
        worse,
        ["Document progression on the prior therapy (imaging or the oncologist's assessment, with its date)."],
    )


def no_prior_kras_g12c_inhibitor(ctx: Context) -> Answer:
    other = [
        m
        for m in ctx.facts.meds
        if any(d.drug_class == "kras_g12c_inhibitor" and d.ingredient != ctx.drug for d in m.drugs)
    ]
    if other:
        names = ", ".join(
            sorted(
                {
                    d.ingredient
                    for m in other
                    for d in m.drugs
                    if d.drug_class == "kras_g12c_inhibitor" and d.ingredient != ctx.drug
                }
            )
        )
        return answer("not_met", f"A prior KRAS G12C inhibitor is recorded: {names}.", other)
    return answer(
        "met", f"Reviewed {len(ctx.facts.meds)} medication records: no KRAS G12C inhibitor other than {ctx.drug}."
    )
