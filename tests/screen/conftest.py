"""A small synthetic export (written once per session) and a helper to screen it quietly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from priorauth.screen import screen
from priorauth.screen.synth import write_export

AS_OF = "2026-11-20"


@pytest.fixture(scope="session")
def small_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("export")
    write_export(folder, 400, seed=7)
    return folder


def run(export: Path, out: Path, **kw: Any) -> dict[str, Any]:
    return screen(export, out, as_of=AS_OF, progress=False, **{"jobs": 2, **kw})
