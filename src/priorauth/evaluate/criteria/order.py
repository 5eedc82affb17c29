"""The request itself: prescription (daily dose and the plan's quantity limits) and oncologist_prescriber."""

from __future__ import annotations

from priorauth.evaluate.context import Context
from priorauth.evaluate.result import Answer, answer
from priorauth.facts.model import DrugOrder


def prescription(ctx: Context) -> Answer:
    order = ctx.current_order
    brand = ctx.brand
    if order is None:
        older = ctx.orders
        why = f" (only {', '.join(sorted({o.status or 'unknown' for o in older}))} orders)" if older else ""
        return answer(
            "insufficient",
            f"No active or draft {brand} order{why}.",
            [o.evidence for o in older],
            [f"Enter the {brand} order with its daily dose."],
        )
    limit = ctx.params.max_daily_dose_mg
    dose = order.daily_dose_mg
    if order.dose_conflict:
        return answer(
            "review",
            f"The {brand} order's dose cannot be settled: {order.dose_conflict}.",
            [order.evidence],
            [f"Ask the prescriber to correct the {brand} order so its product, structured dose and sig agree."],
        )
    if dose is None:
        return answer(
            "insufficient",
            f"The {brand} order's daily dose cannot be read ({order.dose_text}).",
            [order.evidence],
            ["State the dose in mg (or tablets and strength) and the frequency on the order."],
        )
    if dose > limit:
        return answer(
            "not_met",
            f"Daily dose {dose:g} mg exceeds {limit:g} mg.",
            [order.evidence],
            [f"Correct the dose to at most {limit:g} mg a day."],
        )
    summary = f"{brand} {dose:g} mg daily (at most {limit:g} mg)"
    if not ctx.params.quantity_limits:
        return answer("met", f"{summary}.", [order.evidence])
    return _quantity_limit(ctx, order, dose, summary)


def _quantity_limit(ctx: Context, order: DrugOrder, dose: float, summary: str) -> Answer:
    limits = ctx.params.quantity_limits
    table = ", ".join(f"{s:g} mg {n}/day" for s, n in sorted(limits.items()))
    strength = order.strength_mg
    if strength is None:
        if all(dose <= s * n for s, n in limits.items()):
            return answer(
                "met", f"{summary}; within the plan's quantity limits at any strength ({table}).", [order.evidence]
            )
        return answer(
            "insufficient",
            f"{summary}, but the order does not state the tablet strength, so the plan's quantity limits ({table}) "
            "cannot be checked.",
            [order.evidence],
            ["State the tablet strength and the tablets per day on the order."],
        )
    if strength not in limits:
        return answer(
            "review",
            f"The order's strength ({strength:g} mg) has no quantity limit in the plan ({table}).",
            [order.evidence],
            [f"Confirm the {ctx.brand} product and strength with the prescriber."],
        )
    tablets = dose / strength
    if tablets > limits[strength] + 1e-9:
        return answer(
            "not_met",
            f"{tablets:g} tablets of {strength:g} mg a day exceeds the plan's quantity limit of {limits[strength]}/day.",
            [order.evidence],
            [f"Use a strength within the plan's quantity limits ({table})."],
        )
    return answer(
        "met",
        f"{summary}; {tablets:g} x {strength:g} mg tablets a day, within the plan's limit of {limits[strength]}.",
        [order.evidence],
    )


def oncologist_prescriber(ctx: Context) -> Answer:
    order = ctx.current_order or ctx.any_order
    if order is None or order.prescriber is None:
        return answer(
            "insufficient",
            f"The prescriber of the {ctx.brand} order is not identified.",
            [order.evidence] if order else [],
            ["Record the prescriber and their specialty."],
        )
    specs = [s for s in ctx.facts.specialties if order.prescriber in (s.practitioner, s.evidence.source)]
    onc = [s for s in specs if s.oncology]
    if onc:
        return answer("met", f"Prescriber specialty: {onc[0].text}.", [order.evidence, *(s.evidence for s in onc)])
    if specs:
        return answer(
            "not_met",
            f"Prescriber specialty is {', '.join(sorted({s.text for s in specs}))}, not oncology.",
            [order.evidence, *(s.evidence for s in specs)],
            ["Have an oncologist prescribe or co-sign, or document the consultation."],
        )
    return answer(
        "insufficient",
        "The prescriber's specialty is not in the chart.",
        [order.evidence],
        ["Document the prescriber's specialty (e.g. a PractitionerRole with medical oncology)."],
    )
