"""``priorauth policies list | show ID | validate [PATH]``: the packs, what one contains, whether files are valid."""

from __future__ import annotations

import json
import sys
from datetime import date

from priorauth.policy import registry, validate
from priorauth.policy.schema import Pack


def run(
    action: str, target: str | None, drug: str | None, as_of: str | None, fmt: str, packs: str | None = None
) -> int:
    if action == "list":
        return _list(drug, date.fromisoformat(as_of) if as_of else date.today())
    if action == "show":
        if not target:
            from priorauth.errors import Code, fail

            raise fail(Code.BAD_ARGUMENT, "policies show needs a pack id (see 'priorauth policies list')")
        pack = registry.load(target, drug or registry.DEFAULT_DRUG)
        sys.stdout.write(json.dumps(pack.model_dump(mode="json"), indent=2) + "\n" if fmt == "json" else show(pack))
        return 0
    return _validate(target, packs)


def _list(drug: str | None, today: date) -> int:
    print("drug\tid\tversion\teffective\treview_by\tname\torigin")
    for d in [drug] if drug else registry.drugs():
        for pid in registry.pack_ids(d):
            pack = registry.load(pid, d)
            late = pack.review_by < today
            mark = "\tREVIEW OVERDUE" if late else ""
            origin = "practice" if registry.is_practice(pid, d) else "shipped"
            print(f"{d}\t{pack.id}\t{pack.version}\t{pack.effective}\t{pack.review_by}\t{pack.name}\t{origin}{mark}")
            if late:
                print(
                    f"priorauth: warning: pack {d}/{pack.id} was due for review on {pack.review_by}: "
                    f"check {pack.policy.url} for a newer policy",
                    file=sys.stderr,
                )
    return 0


def show(pack: Pack) -> str:
    p, clocks = pack.parameters, pack.decision_clocks
    lines = [
        f"{pack.id} {pack.version}: {pack.name}",
        f"  drug        {pack.drug.brand} ({pack.drug.ingredient}), tablets {', '.join(f'{s:g} mg' for s in pack.drug.strengths_mg)}",
        f"  extends     {pack.extends or '(full pack)'}",
        f"  policy      {pack.policy.title}",
        f"              {pack.policy.url}",
        f"  revision    {pack.policy.revision}; effective {pack.effective}; review by {pack.review_by}",
        f"  clocks      expedited {_hours(clocks.expedited_hours)}, standard {_hours(clocks.standard_hours)}"
        f" ({pack.sources.get(clocks.source, clocks.source)})",
    ]
    if clocks.notes:
        lines.append(f"              {clocks.notes}")
    if pack.match.names or pack.match.aliases or pack.match.identifiers:
        lines.append(f"  matches     {', '.join([*pack.match.names, *pack.match.aliases, *pack.match.identifiers])}")
    lines += [
        "",
        "Parameters",
        f"  max daily dose       {p.max_daily_dose_mg:g} mg",
        f"  approval period      {p.approval_duration or 'not set by the policy'}"
        + (f" (renewal {p.renewal_duration})" if p.renewal_duration else ""),
        f"  renewal lead time    {p.renewal_lead_days} days before expiry",
        f"  quantity limits      {', '.join(f'{s:g} mg {n}/day' for s, n in sorted(p.quantity_limits.items())) or 'none'}",
        f"  accepted KRAS tests  {p.accepted_tests.replace('_', ' ')}",
    ]
    for name, ind in pack.indications.items():
        for kind in ("initial", "renewal"):
            lines += ["", f"Criteria: {name} {kind}"]
            for c in getattr(ind, kind):
                req = "required" if c.required else "optional"
                lines.append(f"  {c.id:<30} {req:<9} {c.description}  [{c.source}]")
    lines += ["", "Sources"] + [f"  {k:<18} {v}" for k, v in pack.sources.items()]
    if pack.notes:
        lines += ["", "Notes"] + [f"  - {n}" for n in pack.notes]
    return "\n".join(lines) + "\n"


def _hours(h: int | None) -> str:
    return f"{h} h" if h else "not stated"


def _validate(path: str | None, packs: str | None = None) -> int:
    if path is None:
        problems = validate.shipped()
        count = sum(len(registry.pack_ids(d)) for d in registry.drugs())
        if packs:
            more, extra = validate.practice(packs)
            count, problems = count + more, problems + extra
    else:
        count, problems = validate.files(path)
    for line in problems:
        print(line, file=sys.stderr)
    if problems:
        print(f"priorauth: {len(problems)} problem(s) in {count} pack file(s)", file=sys.stderr)
        return 2
    print(f"{count} pack file(s) valid")
    return 0
