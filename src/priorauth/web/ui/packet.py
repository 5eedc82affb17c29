"""The PA packet download, when this installation has the packet feature (``priorauth.outputs.packet``,
built separately): the workspace links to it only then. The files are served as one zip."""

from __future__ import annotations

import importlib.util
import inspect
import io
import tempfile
import zipfile
from pathlib import Path
from typing import Any

MODULE = "priorauth.outputs.packet"


def available() -> bool:
    try:
        return importlib.util.find_spec(MODULE) is not None
    except (ImportError, ValueError):
        return False


def build(raw: bytes, kind: str, max_archive_bytes: int, **kwargs: Any) -> bytes:
    """Evaluate the stored chart (``kwargs`` as for :func:`priorauth.api.check`), write the packet's
    files, and return them zipped."""
    from priorauth import api
    from priorauth.outputs.packet import write_packet  # type: ignore[import-not-found,unused-ignore]
    from priorauth.web.evaluation import _materialize

    evaluate = api.evaluate  # type: ignore[attr-defined]
    accepted = inspect.signature(evaluate).parameters
    with tempfile.TemporaryDirectory(prefix="priorauth-packet-") as tmp:
        chart = _materialize(raw, kind, Path(tmp), max_archive_bytes)
        ev = evaluate(chart, **{k: v for k, v in kwargs.items() if k in accepted})
        out = Path(tmp) / "packet"
        files = write_packet(ev, out)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
            for f in files:
                z.write(f, Path(f).name)
        return buffer.getvalue()
