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


def load_cases(pack: str) -> dict[str, Any]:
    return yaml.safe_load((PACKS / f"{pack}.cases.yaml").read_text("utf-8"))


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
