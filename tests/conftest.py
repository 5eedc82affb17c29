"""Shared fixtures: the shared/ folder (skipped when absent) and helpers to run the CLI in-process."""

from __future__ import annotations

from pathlib import Path

import pytest

# A pack's cases: the package's own reader (``priorauth policies validate`` runs the same cases).
from priorauth.policy.cases import apply_edits, bundle, case_chart, load_cases

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PACKS = ROOT / "src/priorauth/policy/packs"


def shared_path(*parts: str) -> Path:
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is not available (../shared absent)")
    return p


__all__ = ["PACKS", "ROOT", "SHARED", "apply_edits", "bundle", "case_chart", "load_cases", "shared_path"]
