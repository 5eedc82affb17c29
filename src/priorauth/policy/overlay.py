"""Resolve a payer overlay onto its base pack: one effective :class:`Pack` for the evaluator.

Rules: the overlay's identity, policy, dates, match, clocks, submission and notes replace the base's; sources are
merged (the overlay's win); parameters given in ``overrides.parameters`` replace the base's; a criterion
override with an id of the base changes only the fields it gives, a new id is appended to that list; a
document override makes a base document required or advised (with its source).
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from priorauth.policy.schema import CriterionOverride, Overlay, Pack

Problem = tuple[tuple[str | int, ...], str]


def resolve(overlay: Overlay, base: Pack) -> tuple[Pack | None, list[Problem]]:
    data: dict[str, Any] = base.model_dump()
    for key in ("id", "version", "name", "extends", "policy", "effective", "review_by", "match"):
        data[key] = (
            getattr(overlay, key).model_dump()
            if hasattr(getattr(overlay, key), "model_dump")
            else getattr(overlay, key)
        )
    data["decision_clocks"] = overlay.decision_clocks.model_dump()
    if overlay.appeal_clocks is not None:
        data["appeal_clocks"] = overlay.appeal_clocks.model_dump()
    data["submission"] = overlay.submission.model_dump() if overlay.submission else None
    data["benefit"] = overlay.benefit.model_dump() if overlay.benefit else base.benefit and base.benefit.model_dump()
    data["notes"] = list(overlay.notes)
    data["sources"] = {**base.sources, **overlay.sources}
    given = overlay.overrides.parameters.model_dump(exclude_none=True)
    data["parameters"] = {**data["parameters"], **given}
    for name, ind in overlay.overrides.indications.items():
        for kind in ("initial", "renewal"):
            data["indications"][name][kind] = _merge(data["indications"][name][kind], getattr(ind, kind))
    documents = {d["id"]: d for d in data["documents"]}
    problems: list[Problem] = []
    for i, d in enumerate(overlay.overrides.documents):
        if d.id not in documents:
            known = ", ".join(documents)
            problems.append((("overrides", "documents", i, "id"), f"no document {d.id!r} in the base pack (known: {known})"))
            continue
        documents[d.id].update(required=d.required, source=d.source)
    if problems:
        return None, problems
    try:
        return Pack.model_validate(data), []
    except ValidationError as exc:
        return None, [
            (("overrides",), f"the resolved pack is invalid: {'.'.join(map(str, e['loc']))}: {e['msg']}")
            for e in exc.errors()
        ]


def _merge(specs: list[dict[str, Any]], changes: list[CriterionOverride]) -> list[dict[str, Any]]:
    out = [dict(s) for s in specs]
    by_id = {s["id"]: s for s in out}
    for c in changes:
        fields = c.model_dump(exclude_none=True)
        if c.id in by_id:
            by_id[c.id].update(fields)
        else:
            out.append(fields)
            by_id[c.id] = fields
    return out
