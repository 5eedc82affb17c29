"""Who the patient is and what the cancer is: adult, nsclc_diagnosis, advanced_disease."""

from __future__ import annotations

from priorauth.chart import dates
from priorauth.evaluate.context import Context
from priorauth.evaluate.result import Answer, answer
from priorauth.terminology import icd10


def age_on(birth: str, as_of: str) -> tuple[int, int] | None:
    """(youngest, oldest) possible age in whole years: a partial birth date (YYYY or YYYY-MM) is read at
    its latest day for the youngest age and its earliest for the oldest; None when unreadable."""
    born, ref = dates.parse(birth), dates.parse(as_of)
    if born is None or ref is None:
        return None
    day = ref.earliest

    def age(b: object) -> int:
        return day.year - b.year - ((day.month, day.day) < (b.month, b.day))  # type: ignore[attr-defined]

    return age(born.latest), age(born.earliest)


def adult(ctx: Context) -> Answer:
    p = ctx.facts.patient
    ev = [p.evidence]
    if not p.birth_date:
        return answer("insufficient", "No birth date in the chart.", actions=["Record the patient's date of birth."])
    ages = age_on(p.birth_date, ctx.as_of)
    if ages is None:
        return answer(
            "insufficient", f"Birth date {p.birth_date!r} cannot be read.", actions=["Correct the date of birth."]
        )
    young, old = ages
    if young >= 18:
        return answer("met", f"Age {young} on {ctx.as_of} (born {p.birth_date}).", ev)
    if old < 18:
        return answer("not_met", f"Age {old} on {ctx.as_of}: the label covers adults only.", ev)
    return answer(
        "insufficient",
        f"Birth date {p.birth_date} is partial: age 18 is not settled.",
        ev,
        ["Record the full date of birth."],
    )


def nsclc_diagnosis(ctx: Context) -> Answer:
    lung = ctx.lung
    if not lung:
        return answer(
            "insufficient",
            "No lung cancer diagnosis in the chart.",
            actions=["Document the lung cancer diagnosis with histology and its ICD-10-CM C34 code."],
        )
    nsclc = [d for d in lung if d.histology == "nsclc"]
    sclc = [d for d in lung if d.histology == "sclc"]
    if nsclc and sclc:
        return answer(
            "review",
            "Histologies conflict: non-small-cell and small-cell lung cancer are both documented.",
            nsclc + sclc,
            ["Ask the prescriber to confirm the histology (pathology report)."],
        )
    if sclc:
        return answer(
            "not_met", f"Small-cell lung cancer: {ctx.brand} is indicated for non-small-cell lung cancer.", sclc
        )
    if not nsclc:
        return answer(
            "insufficient",
            "Lung cancer is documented without a histology.",
            lung,
            ["Obtain the pathology report stating the histology (NSCLC subtype)."],
        )
    billable = [d for d in lung if any(c.startswith("C34") and icd10.billable(c) for c in d.icd10)]
    codes = sorted({c for d in billable for c in d.icd10 if c.startswith("C34") and icd10.billable(c)})
    if billable:
        return answer("met", f"Non-small-cell lung cancer, ICD-10-CM {', '.join(codes)}.", nsclc + billable)
    categories = sorted({c for d in lung for c in d.icd10 if c.startswith("C34")})
    why = f"only the non-billable category {', '.join(categories)}" if categories else "no ICD-10-CM C34 code"
    return answer(
        "review",
        f"NSCLC is documented but with {why}: the prescriber must pick the specific billable C34 code.",
        nsclc,
        ["Ask the prescriber for the billable ICD-10-CM code (C34.00-C34.92: site and laterality)."],
    )


def advanced_disease(ctx: Context) -> Answer:
    if ctx.advanced:
        stages = sorted({d.stage for d in ctx.advanced if d.stage})
        spread = [d for d in ctx.advanced if d.spread and d.site == "secondary"]
        tnm = sorted({d.tnm for d in ctx.advanced if d.tnm})
        parts = (
            ([f"stage {_roman(max(stages))}"] if stages else [])
            + ([f"coded TNM {', '.join(tnm)}"] if tnm else [])
            + ([f"secondary malignancy ({', '.join(d.evidence.text for d in spread[:3])})"] if spread else [])
        )
        summary = (
            "Locally advanced or metastatic disease: "
            + ("; ".join(parts) or "metastatic or recurrent disease documented")
            + "."
        )
        return answer("met", summary, ctx.advanced)
    staged = [
        d
        for d in ctx.facts.diagnoses
        if d.stage is not None and d.evidence.date is not None and ctx.on_or_before(d.evidence.date, ctx.as_of)
    ]
    if staged:
        stage = _roman(max(d.stage or 0 for d in staged))
        hints = [e for e in ctx.facts.spread_hints if ctx.by_as_of(e.date)]
        if hints:
            return answer(
                "review",
                f"Stage {stage} is documented and the text hints at spread without stating it.",
                [*staged, *hints],
                ["Ask the prescriber whether the disease is now locally advanced or metastatic (restaging)."],
            )
        return answer(
            "not_met",
            f"Only stage {stage} disease is documented, with no spread or recurrence.",
            staged,
            [
                "If the disease has progressed to locally advanced or metastatic, document the current stage or the metastatic sites."
            ],
        )
    return answer(
        "insufficient",
        "No stage or spread of the cancer is documented.",
        actions=["Document the current stage (AJCC) or the metastatic sites."],
    )


def _roman(n: int) -> str:
    return {1: "I", 2: "II", 3: "III", 4: "IV"}.get(n, str(n))
