"""Cross-reference checks a schema cannot express: every rule id is registered, every cited source
exists, a ``with_<drug>`` criterion names the indication's partner drug. Each issue is (path, message)."""

from __future__ import annotations

from collections.abc import Iterator

from priorauth.policy.schema import CriterionOverride, CriterionSpec, Overlay, Pack

Found = Iterator[tuple[tuple[str | int, ...], str]]


def _registries() -> tuple[set[str], set[str], set[str]]:
    # Imported here: the evaluator imports the schema, so the registries load on first check.
    from priorauth.evaluate import advisories, documents
    from priorauth.evaluate.criteria import REGISTRY

    return set(REGISTRY), set(advisories.REGISTRY), set(documents.REGISTRY)


def _known_drug(ingredient: str) -> bool:
    from priorauth.terminology.drugs import vocabulary

    return ingredient in vocabulary().drugs


def pack_issues(pack: Pack) -> Found:
    criteria, advisories, documents = _registries()
    sources = set(pack.sources)
    if not _known_drug(pack.drug.ingredient):
        yield ("drug", "ingredient"), f"unknown drug {pack.drug.ingredient!r} (not in the drug vocabulary)"
    for name, ind in pack.indications.items():
        for kind in ("initial", "renewal"):
            specs = getattr(ind, kind)
            yield from _criteria(specs, ("indications", name, kind), criteria, sources)
        if ind.partner is not None and not _known_drug(ind.partner):
            yield ("indications", name, "partner"), f"unknown drug {ind.partner!r}"
        for group, members in ind.prior_chemotherapy.items():
            for m in members:
                if not _known_drug(m):
                    yield ("indications", name, "prior_chemotherapy", group), f"unknown drug {m!r}"
        yield from _partner(ind.partner, [c.id for c in ind.initial], ("indications", name))
    for i, a in enumerate(pack.advisories):
        if a.id not in advisories:
            yield ("advisories", i, "id"), f"unknown advisory {a.id!r} (known: {', '.join(sorted(advisories))})"
        yield from _source(a.source, sources, ("advisories", i, "source"))
    for i, d in enumerate(pack.documents):
        if d.id not in documents:
            yield ("documents", i, "id"), f"unknown document {d.id!r} (known: {', '.join(sorted(documents))})"
        yield from _source(d.source, sources, ("documents", i, "source"))
    yield from _source(pack.monitoring.source, sources, ("monitoring", "source"))
    yield from _source(pack.decision_clocks.source, sources, ("decision_clocks", "source"))
    if pack.appeal_clocks is not None:
        yield from _source(pack.appeal_clocks.source, sources, ("appeal_clocks", "source"))
    if pack.submission is not None:
        yield from _source(pack.submission.source, sources, ("submission", "source"))
    if pack.benefit is not None:
        yield from _source(pack.benefit.source, sources, ("benefit", "source"))


def overlay_issues(overlay: Overlay, base: Pack) -> Found:
    criteria, _, _ = _registries()
    sources = set(base.sources) | set(overlay.sources)
    if base.extends is not None:
        yield ("extends",), f"pack {base.id!r} is itself an overlay: extend a full pack"
    if overlay.drug is not None and overlay.drug != base.drug.ingredient:
        yield ("drug",), f"the base pack {base.id!r} is for {base.drug.ingredient}, not {overlay.drug}"
    yield from _source(overlay.decision_clocks.source, sources, ("decision_clocks", "source"))
    if overlay.appeal_clocks is not None:
        yield from _source(overlay.appeal_clocks.source, sources, ("appeal_clocks", "source"))
    for i, d in enumerate(overlay.overrides.documents):
        yield from _source(d.source, sources, ("overrides", "documents", i, "source"))
    if overlay.submission is not None:
        yield from _source(overlay.submission.source, sources, ("submission", "source"))
    if overlay.benefit is not None:
        yield from _source(overlay.benefit.source, sources, ("benefit", "source"))
    for name, ind in overlay.overrides.indications.items():
        where = ("overrides", "indications", name)
        if name not in base.indications:
            yield where, f"the base pack {base.id!r} has no {name} indication"
            continue
        for kind in ("initial", "renewal"):
            inherited = {c.id for c in getattr(base.indications[name], kind)}
            specs: list[CriterionOverride] = getattr(ind, kind)
            yield from _criteria(specs, (*where, kind), criteria, sources)
            for i, c in enumerate(specs):
                if c.id not in inherited and None in (c.required, c.description, c.source):
                    yield (*where, kind, i), f"criterion {c.id!r} is new here: give required, description and source"


def _criteria(
    specs: list[CriterionSpec] | list[CriterionOverride],
    where: tuple[str | int, ...],
    known: set[str],
    sources: set[str],
) -> Found:
    seen: set[str] = set()
    for i, c in enumerate(specs):
        if c.id not in known:
            yield (*where, i, "id"), f"unknown criterion {c.id!r} (known: {', '.join(sorted(known))})"
        if c.id in seen:
            yield (*where, i, "id"), f"criterion {c.id!r} is listed twice"
        seen.add(c.id)
        if c.source is not None:
            yield from _source(c.source, sources, (*where, i, "source"))


def _source(key: str, sources: set[str], where: tuple[str | int, ...]) -> Found:
    if key not in sources:
        yield where, f"unknown source {key!r} (add it to 'sources' with its URL)"


def _partner(partner: str | None, ids: list[str], where: tuple[str | int, ...]) -> Found:
    for cid in ids:
        if cid.startswith("with_") and cid.removeprefix("with_") != partner:
            yield (*where, "partner"), f"criterion {cid!r} needs partner: {cid.removeprefix('with_')}"
