"""A stand-in evaluation that takes longer than any time limit a test sets (run in a worker process: it
must be importable by module path, so it lives here and not inside a test)."""

from __future__ import annotations

import time
from typing import Any


def evaluate(*args: Any, **kwargs: Any) -> Any:
    time.sleep(3)
    raise AssertionError("a time limit should have stopped this evaluation")
