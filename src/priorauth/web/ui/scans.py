"""Paper on a case (issue 17): drop a scanned report on the case page; it is stored with the case, the
case is evaluated again (the report OCR'd like any scanned attachment), and an evidence item read from
a scan opens beside the page image, the cited words highlighted on it.

Endpoints are plain ``def``: FastAPI runs them in its threadpool, so OCR never blocks the event loop."""

from __future__ import annotations

import io
from typing import Any

from fastapi import APIRouter, UploadFile
from fastapi.responses import Response

from priorauth.errors import Code, fail
from priorauth.service import case_documents
from priorauth.service.cases import Cases
from priorauth.store.models import Case
from priorauth.web.settings import limits
from priorauth.web.ui.pages import STAFF
from priorauth.web.ui.session import PAGE, Page

router = APIRouter(include_in_schema=False)
IMAGE_WIDTH = 1000  # pixels of the page image sent to the browser


@router.post("/cases/{case_id}/documents")
def add_document(case_id: str, document: UploadFile, page: Page = PAGE) -> Response:
    from priorauth.web.ui.case_page import _act

    raw = document.file.read(case_documents.MAX_BYTES + 1)

    def run(case: Case) -> None:
        page.require(*STAFF)
        _cases(page).add_document(case.id, raw, document.filename)

    return _act(page, case_id, "documents", run, "document")


def _cases(page: Page) -> Cases:
    return Cases(page.scope, limits(page.request.app.state.settings))


def merged_chart(page: Page, case: Case, chart_id: str | None = None) -> Any:
    """The chart a case's evidence points into: its stored chart with the case's documents merged in."""
    return _cases(page).chart(case, chart_id)


def opened_with_page(page: Page, case: Case, source: str, det: str, chart_id: str | None) -> Any:
    """An evidence item opened in its chart (the case's documents merged in), with the page image's
    address when the span was read from a scanned page."""
    from dataclasses import replace
    from urllib.parse import urlencode

    from priorauth.web.ui import evidence

    chart = merged_chart(page, case, chart_id)
    opened = evidence.open_in(chart, source)
    number = scanned_page(chart, *evidence.parse(source))
    if number is None:
        return opened
    url = f"/cases/{case.id}/scan.png?" + urlencode({"source": source, "det": det} if det else {"source": source})
    return replace(opened, page=number, image_url=url)


def scanned_page(chart: Any, ref: str, span: tuple[int, int] | None) -> int | None:
    """The page of a scanned document that a span starts on (None: not read from a scan)."""
    from priorauth.text import ocr
    from priorauth.text.sources import documents

    doc = next((d for d in documents(chart, []) if d.source == ref), None)
    if doc is None or not doc.scanned:
        return None
    page = ocr.page_of(doc.pages, span[0] if span else 0)
    return page.number if page is not None and page.ocr else None


@router.get("/cases/{case_id}/scan.png")
def scan_image(case_id: str, source: str, det: str = "", page: Page = PAGE) -> Response:
    """The page of a scanned document an evidence item cites, the cited words highlighted."""
    from priorauth.store.models import Determination
    from priorauth.text import ocr
    from priorauth.text.sources import documents
    from priorauth.web.ui import evidence

    scope = page.scope
    case = scope.get(Case, case_id, "case")
    ref, span = evidence.parse(source)
    d = scope.get(Determination, det, "determination") if det else None
    chart = merged_chart(page, case, d.chart_id if d and d.case_id == case.id else None)
    doc = next((x for x in documents(chart, []) if x.source == ref), None)
    raw, kind = _scan_bytes(chart, ref)
    if doc is None or raw is None or not doc.scanned:
        raise fail(Code.NOT_FOUND, f"{ref} has no scanned page")
    at = ocr.page_of(doc.pages, span[0] if span else 0)
    if at is None or not at.ocr:
        raise fail(Code.NOT_FOUND, "the span is not on a scanned page")
    images = ocr.page_images(raw, kind, limit=at.number)
    if len(images) < at.number or images[at.number - 1] is None:
        raise fail(Code.NOT_FOUND, "that page cannot be shown")
    png = _highlighted(images[at.number - 1], [w for p, w in ocr.words_in(doc.pages, *(span or (0, 0))) if p is at])
    scope.audit("view", "document", case.id, case.patient_id, f"case={case.id} page={at.number}")
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, no-store"})


def _scan_bytes(chart: Any, ref: str) -> tuple[bytes | None, str]:
    """The first scanned attachment of the resource (image, or a PDF without a text layer)."""
    from priorauth.chart.fhir import dicts
    from priorauth.text import ocr
    from priorauth.text.sources import _attachment_bytes

    r = next((x for x in chart.resources if x.ref == ref), None)
    if r is None:
        return None, ""
    for c in [*dicts(r.data.get("content")), *({"attachment": a} for a in dicts(r.data.get("presentedForm")))]:
        att = c.get("attachment") or {}
        ctype = str(att.get("contentType") or "").split(";")[0].strip().lower()
        kind = ocr.IMAGE_TYPES.get(ctype) or ("pdf" if ctype == "application/pdf" else None)
        if kind:
            raw = _attachment_bytes(chart, att, ref, [])
            if raw:
                return raw, kind
    return None, ""


def _highlighted(img: Any, words: list[Any]) -> bytes:
    from PIL import Image, ImageDraw

    page = img.convert("RGB")
    overlay = Image.new("RGBA", page.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for w in words:
        left, top, width, height = w.box
        draw.rectangle(
            (left - 3, top - 3, left + width + 3, top + height + 3),
            fill=(255, 214, 0, 110),
            outline=(200, 120, 0, 255),
            width=2,
        )
    page = Image.alpha_composite(page.convert("RGBA"), overlay).convert("RGB")
    if page.width > IMAGE_WIDTH:
        page = page.resize((IMAGE_WIDTH, round(page.height * IMAGE_WIDTH / page.width)), Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    page.save(buf, "PNG", optimize=True)
    return buf.getvalue()
