"""Golden determinations of whole charts: the full JSON must not drift unnoticed.

Regenerate after an intended change: ``UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py``,
then read the diff before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import priorauth
from tests.conftest import ROOT, apply_edits, bundle, load_cases

GOLDEN = Path(__file__).parent / "golden"
SPEC = load_cases("default")
CHARTS = {
    "nsclc-ready": lambda: str(ROOT / "examples/nsclc-ready.json"),
    "renewal-stable": lambda: bundle(apply_edits(SPEC["base"], _case("renewal with stable disease"))),
    "small-cell-no-kras": lambda: bundle(
        apply_edits(
            apply_edits(SPEC["base"], _case("small cell histology")), {"name": "", "remove": ["Observation/kras1"]}
        )
    ),
}


def _case(name: str) -> dict:
    return next(c for c in SPEC["cases"] if c["name"] == name)


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_golden(name: str) -> None:
    doc = priorauth.check(CHARTS[name](), as_of="2026-11-20")
    path = GOLDEN / f"{name}.json"
    text = json.dumps(doc, indent=2, sort_keys=True) + "\n"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text)
    assert path.exists(), f"no golden file {path.name}: run with UPDATE_GOLDEN=1"
    assert text == path.read_text()
