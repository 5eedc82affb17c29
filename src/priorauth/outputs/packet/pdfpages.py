"""Original PDF attachments reproduced inside the packet: each original page is scaled into the body of
a packet page that ReportLab left empty for it, under the packet's own header and page number."""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter, Transformation
from reportlab.lib.pagesizes import LETTER

from priorauth.outputs.packet.history import SupportingDoc
from priorauth.outputs.packet.pdfkit import MARGIN, Layout

TOP_GAP = 44.0  # room under the header for the attachment's caption


def place_pdf_pages(packet: bytes, layout: Layout, documents: list[SupportingDoc]) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(packet)))
    box_w = LETTER[0] - 2 * MARGIN
    box_h = LETTER[1] - 2 * MARGIN - TOP_GAP
    for i, doc in enumerate(documents):
        if not doc.pdf:
            continue
        source = PdfReader(io.BytesIO(doc.pdf))
        for k in range(doc.pdf_pages):
            at = layout.anchors.get(f"pdf{i}.{k}")
            if at is None:
                continue
            page = source.pages[k]
            box = page.mediabox
            w, h = float(box.width), float(box.height)
            scale = min(box_w / w, box_h / h, 1.0)
            x = MARGIN + (box_w - w * scale) / 2
            y = MARGIN + box_h - h * scale
            move = Transformation().translate(-float(box.left), -float(box.bottom)).scale(scale).translate(x, y)
            writer.pages[at - 1].merge_transformed_page(page, move)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
