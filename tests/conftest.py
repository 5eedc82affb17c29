"""Shared fixtures: the shared/ folder (skipped when absent) and helpers to run the CLI in-process."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# A pack's cases: the package's own reader (``priorauth policies validate`` runs the same cases).
from priorauth.policy.cases import apply_edits, bundle, case_chart, load_cases

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PACKS = ROOT / "src/priorauth/policy/packs"

# The docs pages whose old history moved to docs/history/ are read with it put back in place (scripts/doc_history.py).
_spec = importlib.util.spec_from_file_location("doc_history", ROOT / "scripts/doc_history.py")
doc_history = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(doc_history)  # type: ignore[union-attr]


CHROMIUM = "/usr/bin/chromium"  # Debian's, never a downloaded browser
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """Playwright and chromium for one test module, stopped when the module ends: Playwright's sync API runs
    an event loop in the main thread, so while it runs neither a second ``sync_playwright()`` (another
    module's browser) nor ``asyncio.run`` (tests/web/test_liveness.py) can start."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


def shared_path(*parts: str) -> Path:
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is not available (../shared absent)")
    return p


__all__ = ["PACKS", "ROOT", "SHARED", "apply_edits", "bundle", "case_chart", "load_cases", "shared_path"]
