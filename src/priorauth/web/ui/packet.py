"""The PA packet download: the case's stored chart evaluated as the case page shows it, every packet file
(``priorauth.outputs.packet``) served as one zip (with the appeal letter when the case has a recorded
denial); and the appeal letter alone as an editable .docx."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from priorauth import api
from priorauth.outputs.packet import write_packet
from priorauth.outputs.packet.letter_render import letter_docx
from priorauth.outputs.packet.letters import appeal_letter
from priorauth.outputs.packet.view import build_view


def build(raw: bytes, kind: str, max_archive_bytes: int, denial_reason: str | None = None, **kwargs: Any) -> bytes:
    """Evaluate the stored chart (``kwargs`` as for :func:`priorauth.api.evaluate`), write the packet's
    files, and return them zipped."""
    from priorauth.service.charts import _materialize

    chart = _materialize(raw, kind, max_archive_bytes, kwargs.pop("documents", ()))
    with tempfile.TemporaryDirectory(prefix="priorauth-packet-") as tmp:
        files = write_packet(api.evaluate(chart, **kwargs), Path(tmp) / "packet", denial_reason=denial_reason)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
            for f in files:
                z.write(f, Path(f).name)
        return buffer.getvalue()


def appeal_docx(raw: bytes, kind: str, max_archive_bytes: int, reason: str, argument: str, **kwargs: Any) -> bytes:
    """The appeal letter of a denial (the payer's reason, the practice's argument, the chart's answers) as
    an editable .docx."""
    from priorauth.service.charts import _materialize

    chart = _materialize(raw, kind, max_archive_bytes, kwargs.pop("documents", ()))
    ev = api.evaluate(chart, **kwargs)
    view = build_view(ev, None, reason)
    return letter_docx(appeal_letter(view, reason, argument), f"{view.patient_line}  -  {ev.pack.drug.brand}")
