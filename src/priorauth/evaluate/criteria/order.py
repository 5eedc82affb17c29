"""The request itself: prescription (dose within the label) and oncologist_prescriber."""

from __future__ import annotations

from priorauth.evaluate.context import Context
from priorauth.evaluate.result import Answer, answer


def prescription(ctx: Context) -> Answer:
    order = ctx.current_order
    if order is None:
        older = ctx.facts.sotorasib_orders
        why = f" (only {', '.join(sorted({o.status or 'unknown' for o in older}))} orders)" if older else ""
        return answer(
            "insufficient",
            f"No active or draft LUMAKRAS order{why}.",
            [o.evidence for o in older],
            ["Enter the LUMAKRAS order with its daily dose."],
        )
    limit = ctx.params.max_daily_dose_mg
    if order.daily_dose_mg is None:
        return answer(
            "insufficient",
            f"The LUMAKRAS order's daily dose cannot be read ({order.dose_text}).",
            [order.evidence],
            ["State the dose in mg (or tablets and strength) and the frequency on the order."],
        )
    if order.daily_dose_mg > limit:
        return answer(
            "not_met",
            f"Daily dose {order.daily_dose_mg:g} mg exceeds {limit:g} mg.",
            [order.evidence],
            [f"Correct the dose to at most {limit:g} mg once daily."],
        )
    return answer("met", f"LUMAKRAS {order.daily_dose_mg:g} mg daily (at most {limit:g} mg).", [order.evidence])


def oncologist_prescriber(ctx: Context) -> Answer:
    order = ctx.current_order or ctx.any_order
    if order is None or order.prescriber is None:
        return answer(
            "insufficient",
            "The prescriber of the LUMAKRAS order is not identified.",
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
