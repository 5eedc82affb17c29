"""Shared fixtures: the shared/ folder (skipped when absent) and helpers to run the CLI in-process."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PACKS = ROOT / "src/priorauth/policy/packs"


def shared_path(*parts: str) -> Path:
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is not available (../shared absent)")
    return p


def load_cases(pack: str, drug: str = "sotorasib") -> dict[str, Any]:
    """A pack's cases file, with its base charts resolved: ``base`` (a list of resources), or
    ``base_from: [drug/]pack[#name]`` (another cases file's base) edited by ``base_edits``; ``bases`` adds
    named bases (a list, or ``{from: name, remove/patch/add}``) that a case picks with ``base: name``."""
    spec = yaml.safe_load((PACKS / drug / f"{pack}.cases.yaml").read_text("utf-8"))
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
        assert ref in refs, f"case {case['name']!r} edits unknown resource {ref}"
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
