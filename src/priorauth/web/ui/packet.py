"""The PA packet download: the case's stored chart evaluated as the case page shows it, every packet file
(``priorauth.outputs.packet``) served as one zip."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from priorauth import api
from priorauth.outputs.packet import write_packet


def build(raw: bytes, kind: str, max_archive_bytes: int, **kwargs: Any) -> bytes:
    """Evaluate the stored chart (``kwargs`` as for :func:`priorauth.api.evaluate`), write the packet's
    files, and return them zipped."""
    from priorauth.service.charts import _materialize

    with tempfile.TemporaryDirectory(prefix="priorauth-packet-") as tmp:
        chart = _materialize(raw, kind, Path(tmp), max_archive_bytes, kwargs.pop("documents", ()))
        files = write_packet(api.evaluate(chart, **kwargs), Path(tmp) / "packet")
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
            for f in files:
                z.write(f, Path(f).name)
        return buffer.getvalue()
