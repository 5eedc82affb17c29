"""A pack's cases file (``<id>.cases.yaml`` beside the pack): synthetic charts and what each must give.

Run by the tests for every pack and by ``priorauth policies validate`` for a practice's own packs (never
at every load). A cases file names a base chart (``base``: resources, or ``base_from: [drug/]pack[#name]``
edited by ``base_edits``); ``bases`` adds named bases; a case edits one (``remove``, ``patch``, ``add``)
and lists what must come out (``expect``, ``overall``, ``fields``, advisories...).
"""

from __future__ import annotations

import copy
from typing import Any

import yaml

from priorauth.errors import Code, fail
from priorauth.policy import registry

ABSENCE = ("single_agent", "no_prior_kras_g12c_inhibitor")  # met by an absence: may cite nothing

# Every status a criterion can take per the contract (and this project's decisions): a full pack's cases
# show each; an overlay's show each for the criteria it overrides.
POSSIBLE = {
    "adult": {"met", "not_met", "insufficient"},
    "nsclc_diagnosis": {"met", "not_met", "insufficient", "review"},
    "advanced_disease": {"met", "not_met", "insufficient"},
    "kras_g12c": {"met", "not_met", "insufficient", "review"},
    "prior_systemic_therapy": {"met", "insufficient", "review"},
    "single_agent": {"met", "not_met", "insufficient"},
    "prescription": {"met", "not_met", "insufficient"},
    "disease_progression": {"met", "insufficient"},
    "oncologist_prescriber": {"met", "not_met", "insufficient"},
    "no_prior_kras_g12c_inhibitor": {"met", "not_met"},
    "no_progression_on_therapy": {"met", "not_met", "insufficient"},
    "tolerating_therapy": {"met", "not_met", "insufficient"},
    "mcrc_diagnosis": {"met", "not_met", "insufficient"},
    "prior_crc_chemotherapy": {"met", "insufficient"},
    "with_panitumumab": {"met", "insufficient"},
    "with_cetuximab": {"met", "insufficient"},
}


def load_cases(pack: str, drug: str = registry.DEFAULT_DRUG) -> dict[str, Any]:
    """A pack's cases file with its base charts resolved (``spec["bases"]`` maps names to resources)."""
    where = registry.cases_file(pack, drug)
    if not where.is_file():
        raise fail(Code.BAD_POLICY, f"pack {drug}/{pack} has no cases file {pack}.cases.yaml beside it")
    spec = yaml.safe_load(where.read_text("utf-8"))
    if not isinstance(spec, dict) or not isinstance(spec.get("cases"), list):
        raise fail(Code.BAD_POLICY, f"{where}: a cases file is a mapping with a 'cases' list")
    if "base" not in spec:
        spec["base"] = apply_edits(
            _other_base(spec["base_from"], drug), {"name": "base_edits", **spec.get("base_edits", {})}
        )
    bases: dict[str, list[dict[str, Any]]] = {"base": spec["base"]}
    for name, b in (spec.get("bases") or {}).items():
        if isinstance(b, list):
            bases[name] = b
            continue
        origin = b.get("from", "base")
        start = bases[origin] if origin in bases else _other_base(origin, drug)
        bases[name] = apply_edits(start, {"name": name, **{k: v for k, v in b.items() if k != "from"}})
    spec["bases"] = bases
    return spec


def _other_base(ref: str, drug: str) -> list[dict[str, Any]]:
    """``[drug/]pack[#name]``: a base chart of another cases file."""
    where, _, name = ref.partition("#")
    other_drug, _, other = where.rpartition("/")
    return load_cases(other, other_drug or drug)["bases"][name or "base"]


def case_chart(spec: dict[str, Any], case: dict[str, Any]) -> dict[str, Any]:
    """The Bundle a case evaluates: its base (``base: name``, default ``base``) with its edits."""
    return bundle(apply_edits(spec["bases"][case.get("base", "base")], case))


def apply_edits(base: list[dict[str, Any]], case: dict[str, Any]) -> list[dict[str, Any]]:
    """The base chart with a case's `remove`, `patch` (null deletes a field) and `add` applied."""
    resources = copy.deepcopy(base)
    refs = {f"{r['resourceType']}/{r['id']}" for r in resources}
    for ref in case.get("remove", []) + list(case.get("patch", {})):
        if ref not in refs:
            raise fail(Code.BAD_POLICY, f"case {case.get('name')!r} edits {ref}, which the base chart lacks")
    resources = [r for r in resources if f"{r['resourceType']}/{r['id']}" not in case.get("remove", [])]
    for r in resources:
        for key, value in case.get("patch", {}).get(f"{r['resourceType']}/{r['id']}", {}).items():
            if value is None:
                r.pop(key, None)
            else:
                r[key] = copy.deepcopy(value)
    return resources + copy.deepcopy(case.get("add", []))


def bundle(resources: list[dict[str, Any]]) -> dict[str, Any]:
    return {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": r} for r in resources]}


def run_case(spec: dict[str, Any], case: dict[str, Any], pack_id: str, drug: str) -> list[str]:
    """What a case got wrong (empty when it passes)."""
    from priorauth.api import check  # the API evaluates; this module only compares

    doc = check(
        case_chart(spec, case), as_of=case.get("as_of", spec["as_of"]), payer=case.get("payer", pack_id), drug=drug
    )
    wrong: list[str] = []
    got = {c["id"]: c["status"] for c in doc["criteria"]}
    for cid, want in (case.get("expect") or {}).items():
        if got.get(cid) != want:
            summary = next((c["summary"] for c in doc["criteria"] if c["id"] == cid), "absent")
            wrong.append(f"{cid}: want {want}, got {got.get(cid)}; {summary}")
    for key in ("overall", "request_type", "indication", "drug"):
        if key in case and doc[key] != case[key]:
            wrong.append(f"{key}: want {case[key]}, got {doc[key]}")
    for path, want in (case.get("fields") or {}).items():  # dotted paths into the determination
        value: Any = doc
        try:
            for part in path.split("."):
                value = value[int(part)] if isinstance(value, list) else value[part]
        except (KeyError, IndexError, ValueError, TypeError):
            value = "(absent)"
        if value != want:
            wrong.append(f"{path}: want {want!r}, got {value!r}")
    advisories = {a["id"] for a in doc["advisories"]}
    wrong += [f"advisory {a} missing" for a in case.get("advisories_present", []) if a not in advisories]
    wrong += [f"advisory {a} unexpected" for a in case.get("advisories_absent", []) if a in advisories]
    for c in doc["criteria"]:  # the contract's evidence rule holds in every case
        if c["status"] in ("met", "not_met") and c["id"] not in ABSENCE and not c["evidence"]:
            wrong.append(f"{c['id']} is {c['status']} without evidence")
        if c["status"] in ("insufficient", "review") and not c["actions"]:
            wrong.append(f"{c['id']} is {c['status']} without an action")
    return wrong


def required_coverage(pack_id: str, drug: str) -> set[tuple[str, str]]:
    """A full pack: every status of every criterion it lists. An overlay: every status of each criterion
    it overrides, plus the statuses its parameters can newly produce."""
    pack = registry.load(pack_id, drug)
    if pack.extends is None:
        ids = {c.id for _, _, c in pack.criteria()}
    else:
        text = registry.pack_file(pack_id, drug).file.read_text("utf-8")
        ids = {c.id for _, _, c in pack.criteria() if f"id: {c.id}" in text}
    need = {(cid, st) for cid in ids for st in POSSIBLE.get(cid, set())}
    if pack.parameters.quantity_limits:
        need |= {("prescription", s) for s in ("met", "not_met", "review")}
    if pack.parameters.accepted_tests != "any":
        need |= {("kras_g12c", s) for s in ("met", "insufficient")}
    if pack.parameters.accepted_tests == "fda_approved":
        need.add(("kras_g12c", "review"))
    return need


def coverage_gaps(pack_id: str, drug: str, spec: dict[str, Any]) -> list[str]:
    """What the cases leave unshown: a status of a criterion, or (full packs) an advisory never raised."""
    cases = spec["cases"]
    seen = {(cid, st) for c in cases for cid, st in (c.get("expect") or {}).items()}
    gaps = [f"no case expects {cid}: {st}" for cid, st in sorted(required_coverage(pack_id, drug) - seen)]
    pack = registry.load(pack_id, drug)
    if pack.extends is None:
        present = {a for c in cases for a in c.get("advisories_present", [])}
        gaps += [f"no case raises advisory {a}" for a in sorted({a.id for a in pack.advisories} - present)]
    return gaps


def check_pack(pack_id: str, drug: str) -> list[str]:
    """Every problem of one pack's cases: a missing file, a failing case, a gap in coverage; one line each."""
    label = registry.pack_file(pack_id, drug).label.removesuffix(".yaml") + ".cases.yaml"
    try:
        spec = load_cases(pack_id, drug)
    except (OSError, yaml.YAMLError, KeyError) as exc:
        return [f"{label}: cannot be read ({type(exc).__name__})"]
    problems: list[str] = []
    for case in spec["cases"]:
        try:
            wrong = run_case(spec, case, pack_id, drug)
        except Exception as exc:  # one line per broken case; the rest still run
            wrong = [getattr(exc, "message", type(exc).__name__)]
        problems += [f"{label}: case {case.get('name')!r}: {w}" for w in wrong]
    return problems + [f"{label}: {g}" for g in coverage_gaps(pack_id, drug, spec)]
