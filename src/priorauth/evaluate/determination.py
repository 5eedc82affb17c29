"""Assemble the determination: the contract's JSON document (``../shared/spec/determination.md``)."""

from __future__ import annotations

import functools
from typing import Any

from priorauth.chart import dates
from priorauth.errors import Code, fail
from priorauth.evaluate import advisories, documents, schedule
from priorauth.evaluate.authorization import prior_authorization
from priorauth.evaluate.benefit import benefit
from priorauth.evaluate.confidence import judged
from priorauth.evaluate.context import Context, lung_diagnoses
from priorauth.evaluate.criteria import REGISTRY as CRITERIA
from priorauth.evaluate.criteria import REVIEWABLE, Rule
from priorauth.evaluate.criteria.diagnosis import age_on
from priorauth.evaluate.result import Answer, answer, criterion_dict
from priorauth.facts.model import Approval, CoverageFact, Facts
from priorauth.policy.registry import Choice
from priorauth.terminology import icd10

SCHEMA_VERSION = "1"
OVERALL_ORDER = (("not_met", "criteria_not_met"), ("review", "needs_review"), ("insufficient", "needs_documentation"))


def indication(facts: Facts) -> str | None:
    """``nsclc`` for lung cancer, ``mcrc`` for colorectal cancer; with both, the one coded as a primary
    (ICD-10-CM C34 vs C18-C20) wins, and NSCLC when both or neither are coded."""
    lung = lung_diagnoses(facts.diagnoses)
    crc = [d for d in facts.diagnoses if d.site == "colorectal"]
    if lung and crc:
        lung_coded = any(c.startswith("C34") for d in lung for c in d.icd10)
        crc_coded = any(icd10.in_range(c, "C18", "C20") for d in crc for c in d.icd10)
        return "mcrc" if crc_coded and not lung_coded else "nsclc"
    if lung:
        return "nsclc"
    if crc:
        return "mcrc"
    return None


def active_coverage(facts: Facts) -> CoverageFact | None:
    return facts.coverages[0] if facts.coverages else None


def same_payer(approvals: list[Approval], coverage: CoverageFact | None) -> list[Approval]:
    """Approvals given by the payer of the active coverage (by organization reference, identifier or name)."""
    if coverage is None:
        return []
    name = (coverage.payer_name or "").strip().lower()
    return [
        a
        for a in approvals
        if a.payer_refs & coverage.payer_refs or (name and (a.payer_name or "").strip().lower() == name)
    ]


def determine(
    facts: Facts,
    as_of: str,
    choice: Choice,
    warnings: list[str] | None = None,
    renewal_lead_days: int | None = None,
) -> dict[str, Any]:
    pack = choice.pack
    drug = pack.drug.ingredient
    coverage = active_coverage(facts)
    # an approval whose (partial) date may fall on or before as-of is in the chart: it counts
    of_drug = [
        a for a in facts.approvals if drug in a.drugs and dates.on_or_before(a.evidence.date, as_of) is not False
    ]
    approvals = same_payer(of_drug, coverage)
    request_type = "renewal" if approvals else "initial"
    ind = indication(facts)
    evaluated = ind if ind in pack.indications else "nsclc"
    rules = pack.indications[evaluated]  # type: ignore[index]
    ctx = Context(facts, as_of, pack, approvals, evaluated)
    other_reading = Context(facts, as_of, pack, approvals, evaluated, assume=True)
    criteria = []
    for spec in rules.renewal if request_type == "renewal" else rules.initial:
        rule = CRITERIA.get(spec.id)
        if rule is None:
            raise fail(Code.BAD_POLICY, f"policy pack {pack.id}: unknown criterion {spec.id!r}")
        ocr_judged = functools.partial(judged, rule)  # low-confidence OCR never decides (issue 17)
        criteria.append(
            criterion_dict(spec.id, spec.required, _either_reading(spec.id, ocr_judged, ctx, other_reading))
        )
    statuses = {c["status"] for c in criteria if c["required"]}
    overall = next((label for status, label in OVERALL_ORDER if status in statuses), "ready")
    p = facts.patient
    ages = age_on(p.birth_date, as_of) if p.birth_date else None
    doc: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "drug": drug,
        "brand": pack.drug.brand,
        "indication": ind,
        "request_type": request_type,
        "overall": overall,
        "as_of": as_of,
        "patient": {
            "id": p.id,
            "name": p.name,
            "birth_date": p.birth_date,
            "age": ages[0] if ages else None,  # a partial birth date: from its latest day (never older)
        },
        "payer": {
            "name": coverage.payer_name,
            "member_id": coverage.member_id,
            "plan": coverage.plan,
            "source": coverage.evidence.source,
        }
        if coverage
        else None,
        "policy": policy_block(choice),
        "criteria": criteria,
        "codes": codes(facts, ind),
        "advisories": advisory_list(ctx),
        "monitoring": schedule.monitoring(ctx),
        "documents": documents.checklist(ctx, request_type),
    }
    doc["prior_authorization"] = prior_authorization(ctx, request_type, renewal_lead_days)
    doc["benefit"] = benefit(pack, coverage)
    if warnings:
        doc["warnings"] = list(warnings)
    return doc


def _either_reading(cid: str, rule: Rule, ctx: Context, other: Context) -> Answer:
    """The rule's answer when it does not depend on which day of a partial date is meant; else
    ``review`` (``insufficient`` for a criterion without a review column), citing both readings."""
    first = rule(ctx)
    if not ctx.ambiguous:
        return first
    second = rule(other)
    if second.status == first.status:
        return first
    cited = [*first.evidence, *second.evidence]
    partial = sorted({e.date for e in cited if dates.is_partial(e.date)} or ctx.ambiguous | other.ambiguous)
    return answer(
        "review" if cid in REVIEWABLE else "insufficient",
        f"The answer depends on which day of a partial date is meant ({', '.join(partial)}): "
        f"read one way, {first.status} ({first.summary.rstrip('.')}); read the other, {second.status} "
        f"({second.summary.rstrip('.')}).",
        cited,
        list(
            dict.fromkeys(
                [
                    "Record the full date (year, month and day) of the chart entries cited.",
                    *first.actions,
                    *second.actions,
                ]
            )
        ),
    )


def policy_block(choice: Choice) -> dict[str, Any]:
    """Which pack and version applied, why, and what it rests on (the contract's ``policy``, extended)."""
    pack = choice.pack
    clocks = pack.decision_clocks
    return {
        "id": pack.id,
        "version": pack.version,
        "name": pack.name,
        "sources": pack.source_urls(),
        "chosen_because": choice.reason,
        "extends": pack.extends,
        "url": pack.policy.url,
        "revision": pack.policy.revision,
        "effective": pack.effective.isoformat(),
        "review_by": pack.review_by.isoformat(),
        "decision_clocks": _clocks(pack.sources, clocks),
        "appeal_clocks": _clocks(pack.sources, pack.appeal_clocks),
    }


def _clocks(sources: dict[str, str], clocks: Any) -> dict[str, Any] | None:
    if clocks is None:
        return None
    return {
        "expedited_hours": clocks.expedited_hours,
        "standard_hours": clocks.standard_hours,
        "source": sources.get(clocks.source),
        "notes": clocks.notes,
    }


def advisory_list(ctx: Context) -> list[dict[str, Any]]:
    out = []
    for spec in ctx.pack.advisories:
        check = advisories.REGISTRY.get(spec.id)
        if check is None:
            raise fail(Code.BAD_POLICY, f"policy pack {ctx.pack.id}: unknown advisory {spec.id!r}")
        raised = check(ctx)
        if raised is not None:
            ordered = sorted(
                {e.source: e for e in raised.evidence}.values(),
                key=lambda e: (e.date is None, e.date or "", e.source),
            )
            item = {
                "id": spec.id,
                "severity": spec.severity,
                "text": spec.text,
                "evidence": [e.as_dict() for e in ordered],
            }
            if raised.detail:
                item["detail"] = raised.detail
            out.append(item)
    return out


def codes(facts: Facts, ind: str | None) -> dict[str, list[str]]:
    primary_range = ("C18", "C20") if ind == "mcrc" else ("C34", "C34")
    primary, secondary = [], []
    for d in facts.diagnoses:
        for c in d.icd10:
            if not icd10.billable(c):
                continue
            if icd10.in_range(c, *primary_range):
                primary.append(c)
            elif icd10.in_range(c, "C77", "C79"):
                secondary.append(c)
    cpt = [code for code, _ in facts.cpt]
    return {
        "icd10_primary": list(dict.fromkeys(primary)),
        "icd10_secondary": list(dict.fromkeys(secondary)),
        "cpt": list(dict.fromkeys(cpt)),
    }
