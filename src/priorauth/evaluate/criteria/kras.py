"""kras_g12c: a dated KRAS G12C result, on the specimens the indication accepts, by a test the pack accepts."""

from __future__ import annotations

from priorauth.evaluate.context import Context
from priorauth.evaluate.result import Answer, answer
from priorauth.facts.model import KrasResult
from priorauth.terminology import cdx

CDX_URL = "https://www.fda.gov/CompanionDiagnostics"


def kras_g12c(ctx: Context) -> Answer:
    tissue_only = ctx.spec.kras_specimens == "tissue"
    results = [r for r in ctx.facts.kras if ctx.by_as_of(r.evidence.date)]
    positive = [r for r in results if r.status == "g12c_present" and (r.specimen != "plasma" or not tissue_only)]
    solid_negative = [
        r for r in results if r.status in ("g12c_absent", "other_variant", "negative") and r.specimen != "plasma"
    ]
    tissue_positive = [r for r in positive if r.specimen != "plasma"]
    if tissue_positive and solid_negative:
        return answer(
            "review",
            "Tissue KRAS results conflict: one reports G12C, another does not.",
            tissue_positive + solid_negative,
            ["Ask the prescriber or the lab which result stands (retest if needed)."],
        )
    dated = [r for r in positive if r.dated]
    if dated:
        found = _accepted_test(ctx, dated)
        if solid_negative:  # NSCLC: a plasma positive beside a tissue negative stands; both are cited
            return _beside_negative(found, solid_negative)
        return found
    if positive:
        return answer(
            "insufficient",
            "A KRAS G12C result is in the chart but has no date.",
            positive,
            ["Obtain the dated KRAS test report."],
        )
    if solid_negative:
        kinds = {
            "g12c_absent": "G12C not detected",
            "other_variant": "another KRAS variant",
            "negative": "no KRAS mutation",
        }
        found = "; ".join(sorted({kinds[r.status] for r in solid_negative}))
        return answer("not_met", f"KRAS testing does not show G12C ({found}).", solid_negative)
    plasma = [r for r in results if r.specimen == "plasma"]
    if plasma:
        why = "only plasma KRAS results" + (", and this indication requires tissue" if tissue_only else " without G12C")
        return answer(
            "insufficient",
            f"The chart has {why}; the label says to test tumor tissue when plasma is negative.",
            plasma,
            ["Order KRAS G12C testing on tumor tissue."],
        )
    unspecified = [r for r in results if r.status == "unspecified"]
    return answer(
        "insufficient",
        "No KRAS G12C result in the chart."
        if not unspecified
        else "A KRAS mutation is reported without naming the variant.",
        unspecified,
        ["Obtain the KRAS G12C test report (test name, specimen, date, result) and its CPT code."],
    )


def _beside_negative(found: Answer, negative: list[KrasResult]) -> Answer:
    when = ", ".join(sorted({r.evidence.date or "undated" for r in negative}))
    what = "specimen not stated" if all(r.specimen == "unknown" for r in negative) else "tissue"
    return answer(
        found.status,
        f"{found.summary.rstrip('.')}. A result without G12C ({what}, {when}) is also in the chart: a plasma "
        "positive stands beside a tissue negative for NSCLC; both are cited.",
        [*found.evidence, *negative],
        found.actions,
    )


def _accepted_test(ctx: Context, dated: list[KrasResult]) -> Answer:
    """Met when the pack accepts any test; else only by a listed FDA-approved CDx (or a CLIA lab, when the
    pack allows it). A named test not on the list is for a person to confirm; an unnamed one is missing."""
    latest = dated[-1]
    found = f"KRAS G12C detected in {latest.specimen} specimen on {latest.evidence.date}"
    mode = ctx.params.accepted_tests
    if mode == "any":
        test = f" ({latest.test})" if latest.test else ""
        return answer("met", f"{found}{test}.", dated)
    for r in reversed(dated):
        device = cdx.approved_device(f"{r.test or ''} {r.evidence.text} {r.lab_text}", ctx.drug, ctx.indication)
        if device is not None:
            return answer("met", f"{found} by {device.name}, an FDA-approved companion diagnostic.", [r])
    clia = [r for r in dated if r.clia]
    if mode == "fda_approved_or_clia" and clia:
        return answer("met", f"{found}, by a CLIA-certified laboratory ({clia[-1].clia}).", clia)
    listed = ", ".join(cdx.names_for(ctx.drug, ctx.indication)) or "none listed for this indication"
    needed = "an FDA-approved test" + (" or a CLIA-certified laboratory" if mode == "fda_approved_or_clia" else "")
    named = [r for r in dated if r.test]
    lab = f" The lab is CLIA-certified ({clia[-1].clia}), which this plan does not accept alone." if clia else ""
    if named and mode == "fda_approved":
        return answer(
            "review",
            f"{found} with {named[-1].test}, which is not on priorauth's list of FDA-approved companion "
            f"diagnostics for {ctx.drug} ({ctx.indication}: {listed}); the plan requires {needed}.{lab}",
            named,
            [
                f"Confirm the test is an FDA-approved companion diagnostic for {ctx.brand} ({CDX_URL}), or retest with one."
            ],
        )
    if not named:
        what = "does not name the test"
    elif clia:
        what = "names no FDA-approved test"
    else:
        what = "names neither an FDA-approved test nor a CLIA certification"
    return answer(
        "insufficient",
        f"{found}, but the report {what}; the plan requires {needed}.{lab}",
        dated,
        [
            f"Obtain the KRAS report naming the test (FDA-approved companion diagnostics: {CDX_URL})"
            + (" or showing the performing laboratory's CLIA number." if mode == "fda_approved_or_clia" else ".")
        ],
    )
