"""Letters (``letters.Block`` lists) to PDF (ReportLab, via ``pdfkit``) and to an editable .docx."""

from __future__ import annotations

import io
from html import escape

from reportlab.platypus import Flowable, Spacer

from priorauth.outputs.packet.letters import Block
from priorauth.outputs.packet.pdfkit import Layout, build, pm

_PDF_STYLE = {"title": "h1", "line": "line", "h": "h2", "p": "body", "item": "body", "blank": "blank", "alert": "alert"}


def letter_pdf(blocks: list[Block], header: str, title: str) -> bytes:
    def story(_: Layout) -> list[Flowable]:
        out: list[Flowable] = []
        for b in blocks:
            if b.kind == "space":
                out.append(Spacer(1, 8))
                continue
            text = escape(b.text).replace("\n", "<br/>")
            out.append(pm(("\u2022 " if b.kind == "item" else "") + text, _PDF_STYLE[b.kind]))
        return out

    return build(story, header, title)


def letter_docx(blocks: list[Block], header: str) -> bytes:
    from docx import Document
    from docx.enum.text import WD_COLOR_INDEX
    from docx.shared import Pt, RGBColor

    doc = Document()
    doc.core_properties.author = "priorauth"
    doc.sections[0].header.paragraphs[0].text = header
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10)
    for b in blocks:
        if b.kind == "space":
            doc.add_paragraph("")
        elif b.kind == "title":
            doc.add_heading(b.text, level=1)
        elif b.kind == "h":
            doc.add_heading(b.text, level=2)
        elif b.kind == "item":
            doc.add_paragraph(b.text, style="List Bullet")
        elif b.kind == "blank":
            run = doc.add_paragraph().add_run(b.text)
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        elif b.kind == "alert":
            run = doc.add_paragraph().add_run(b.text)
            run.bold = True
            run.font.color.rgb = RGBColor(0xB0, 0x00, 0x20)
        else:
            doc.add_paragraph(b.text)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
