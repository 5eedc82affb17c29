"""A PDF attachment in the chart is reproduced page by page inside the packet, under the packet's header
and page numbers; a broken one falls back to nothing worse than its (absent) text."""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path
from typing import Any

from reportlab.pdfgen import canvas

from tests.outputs.packet.conftest import EXAMPLE, Built, build


def lab_pdf(pages: int) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(612, 792), invariant=1)
    for n in range(1, pages + 1):
        c.setFont("Helvetica", 14)
        c.drawString(72, 720, f"Oncology progress note, lung cancer follow-up: ORIGINAL PAGE {n}")
        c.showPage()
    c.save()
    return buf.getvalue()


def with_note(raw: bytes) -> dict[str, Any]:
    doc = json.loads(EXAMPLE.read_text("utf-8"))
    note = {
        "resourceType": "DocumentReference",
        "id": "pdfnote1",
        "status": "current",
        "subject": {"reference": "Patient/p1"},
        "date": "2026-11-10",
        "type": {"text": "Oncology progress note"},
        "content": [{"attachment": {"contentType": "application/pdf", "data": base64.b64encode(raw).decode()}}],
    }
    doc["entry"].append({"resource": note})
    return doc


def test_original_pages_are_reproduced(tmp_path: Path, practice) -> None:  # type: ignore[no-untyped-def]
    b: Built = build(with_note(lab_pdf(2)), tmp_path, practice)
    pages = b.pages()
    index = next(p for p in pages if "Index of supporting documents" in p)
    assert "Oncology progress note" in index and "2026-11-10" in index
    hits = [n for n, p in enumerate(pages, 1) if "ORIGINAL PAGE" in p]
    assert len(hits) == 2 and hits[1] == hits[0] + 1
    for n in hits:
        assert "Ada Testcase" in pages[n - 1] and f"Page {n} of {len(pages)}" in pages[n - 1]
    assert f"Pages {len(pages)} (including this cover)" in pages[0]


def test_a_broken_pdf_is_not_reproduced(tmp_path: Path, practice) -> None:  # type: ignore[no-untyped-def]
    b = build(with_note(b"%PDF-1.4 garbage"), tmp_path, practice)
    assert "ORIGINAL PAGE" not in b.text()
    assert b.det["overall"] == "ready"
