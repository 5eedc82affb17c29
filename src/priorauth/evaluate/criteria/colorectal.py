"""The colorectal indication: mcrc_diagnosis, prior_crc_chemotherapy, with_<partner> (panitumumab, cetuximab)."""

from __future__ import annotations

import re

from priorauth.evaluate.context import Context, shift
from priorauth.evaluate.criteria.therapy import concurrent
from priorauth.evaluate.result import Answer, answer
from priorauth.facts.model import Diagnosis
from priorauth.terminology import icd10

_METASTATIC = re.compile(r"\bmetasta\w*|\bmets\b|\bmcrc\b|\bstage\s+iv\w*\b|\bm1[abc]?\b", re.I)
_LOCALLY_ADVANCED = re.compile(r"locally\s+advanced|\bstage\s+iii\w*\b", re.I)


def _metastatic(d: Diagnosis, crc: list[Diagnosis]) -> bool:
    return d.site == "secondary" or d.stage == 4 or (d in crc and bool(_METASTATIC.search(d.evidence.text)))


def mcrc_diagnosis(ctx: Context) -> Answer:
    crc = [d for d in ctx.colorectal if ctx.by_as_of(d.evidence.date)]
    if not crc:
        return answer(
            "insufficient",
            "No colorectal cancer diagnosis in the chart.",
            actions=[
                "Document the colorectal cancer diagnosis with its ICD-10-CM code (C18-C20) and the metastatic sites."
            ],
        )
    dated = [d for d in ctx.facts.diagnoses if ctx.by_as_of(d.evidence.date)]
    spread = [d for d in dated if _metastatic(d, crc)]
    if ctx.spec.disease_extent == "locally_advanced_or_metastatic":
        spread += [d for d in crc if (d.stage or 0) >= 3 or _LOCALLY_ADVANCED.search(d.evidence.text)]
    codes = sorted({c for d in crc for c in d.icd10 if icd10.in_range(c, "C18", "C20") and icd10.billable(c)})
    coded = f" (ICD-10-CM {', '.join(codes)})" if codes else ""
    extent = "metastatic" if ctx.spec.disease_extent == "metastatic" else "locally advanced or metastatic"
    if spread:
        return answer("met", f"Colorectal cancer{coded}, {extent}.", crc + spread)
    staged = [d for d in crc if d.stage is not None]
    if staged:
        return answer(
            "not_met",
            f"Only stage {max(d.stage or 0 for d in staged)} colorectal cancer is documented, not {extent} disease.",
            staged,
            [f"If the disease is now {extent}, document the current stage or the metastatic sites."],
        )
    return answer(
        "insufficient",
        f"Colorectal cancer{coded} is documented, but not whether it is {extent}.",
        crc,
        ["Document the current stage (AJCC) or the metastatic sites."],
    )


def prior_crc_chemotherapy(ctx: Context) -> Answer:
    groups = ctx.spec.prior_chemotherapy
    given = ctx.prior_therapies
    found = {g: [m for m in given if any(m.has(i) for i in members)] for g, members in groups.items()}
    evidence = [m for ms in found.values() for m in ms]
    missing = [g for g, ms in found.items() if not ms]
    naive = [e for e in ctx.facts.naive if ctx.by_as_of(e.date)]
    if naive and evidence:
        return answer(
            "review",
            "Sources disagree: the chart states no prior systemic therapy, but chemotherapy is recorded.",
            [*naive, *evidence],
            ["Ask the prescriber to confirm the treatment history."],
        )
    if naive:
        return answer("not_met", "The chart states the patient has had no prior chemotherapy.", naive)

    def named(g: str) -> str:
        return ", ".join(sorted({i for m in found[g] for i in groups[g] if m.has(i)}))

    if not missing:
        parts = "; ".join(f"{g} ({named(g)})" for g in groups)
        return answer("met", f"Prior chemotherapy documented before {ctx.as_of}: {parts}.", evidence)
    have = [g for g in groups if g not in missing]
    return answer(
        "insufficient",
        f"Prior {', '.join(missing)}-based chemotherapy is not documented"
        + (f" (documented: {', '.join(have)})." if have else "."),
        evidence,
        [f"Document the prior {g}-based chemotherapy (drugs, dates) from the treatment history." for g in missing],
    )


def with_partner(ctx: Context) -> Answer:
    """``with_panitumumab`` / ``with_cetuximab``: the indication's partner drug is ordered or given alongside."""
    partner = ctx.spec.partner or "the partner drug"
    window_start = shift(ctx.as_of, -ctx.params.concurrent_administration_days)
    records = [m for m in ctx.facts.meds if m.has(partner)]
    alongside = [m for m in records if concurrent(ctx, m, window_start)]
    if alongside:
        return answer("met", f"{partner.capitalize()} is ordered or given alongside {ctx.brand}.", alongside)
    history = f" (only past records: {len(records)})" if records else ""
    return answer(
        "insufficient",
        f"No active {partner} order or recent administration alongside {ctx.brand}{history}.",
        records,
        [f"Enter the {partner} order: for colorectal cancer {ctx.brand} is given with {partner}."],
    )
