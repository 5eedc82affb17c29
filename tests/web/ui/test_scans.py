"""Paper on a case (issue 17): a scanned report dropped on a case is stored byte for byte with the case,
merged into the chart at every evaluation (a replaced chart keeps it), OCR'd, and its evidence opens
beside the page image with the cited words highlighted."""

from __future__ import annotations

import json
import re
import shutil
from functools import cache
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from priorauth.store.models import AuditEvent, CaseDocument
from tests.ocr import scans
from tests.web.ui.conftest import Browser, alerts

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr is not installed")
NO_KRAS = json.dumps(scans.chart({"resourceType": "Basic", "id": "nothing"})).encode()


@cache
def fax() -> bytes:
    report = next(r for r in scans.reports() if r.id == "ngs-tissue-g12c")
    return scans.encode(scans.fax_pages(report), "tiff")[0]


def kras_status(page: str) -> str:
    return re.search(r'class="criterion c-(\w+)" id="crit-kras_g12c"', page).group(1)


def add(browser: Browser, case_id: str, raw: bytes, name: str = "ngs-fax.tif") -> Any:
    return browser.post(f"/cases/{case_id}/documents", files={"document": (name, raw, "application/octet-stream")})


@needs_tesseract
def test_scanned_report_meets_kras_with_page_image(coordinator: Browser, app: Any) -> None:
    case_id = coordinator.upload(NO_KRAS, as_of="")  # evaluated as of today: the report is dated the day it is added
    assert kras_status(coordinator.get(f"/cases/{case_id}").text) == "insufficient"

    r = add(coordinator, case_id, fax())
    assert r.status_code == 303 and r.headers["location"].endswith("?done=document#documents")
    page = coordinator.get(f"/cases/{case_id}?done=document").text
    assert "Document added; the case was evaluated again." in page
    assert kras_status(page) == "met"
    assert "scanned, page 1, OCR confidence" in page
    with Session(app.state.engine) as db:
        (doc,) = db.scalars(select(CaseDocument)).all()
        assert doc.content == fax() and doc.content_type == "image/tiff" and doc.size == len(fax())

    kras_item = page[page.index('id="crit-kras_g12c"') :]
    link = re.search(r'href="(/cases/\w+/evidence\?source=DocumentReference/case-doc-[^"]+)"', kras_item)
    fragment = coordinator.get(link.group(1).replace("&amp;", "&"), headers={"HX-Request": "true"}).text
    assert re.search(r'<mark id="cited">[^<]*G12C[^<]*</mark>', fragment)
    img = re.search(r'<img id="scan-page" src="([^"]+)"', fragment).group(1).replace("&amp;", "&")
    png = coordinator.get(img)
    assert png.status_code == 200 and png.headers["content-type"] == "image/png"
    assert png.content.startswith(b"\x89PNG") and png.headers["cache-control"] == "private, no-store"
    app.state.audit_sink.flush()  # views on SQLite are written by the background audit writer (issue 12)
    with Session(app.state.engine) as db:
        actions = {(e.action, e.resource) for e in db.scalars(select(AuditEvent)).all()}
    assert {("create", "document"), ("view", "document")} <= actions

    # a chart replaced (or refreshed from the EHR) keeps the case's documents
    case_page = coordinator.get(f"/cases/{case_id}").text
    version = re.search(r'name="version" value="(\d+)"', case_page).group(1)
    r = coordinator.post(
        f"/cases/{case_id}/chart", {"version": version}, files={"chart": ("c.json", NO_KRAS, "application/json")}
    )
    assert r.status_code == 303, r.text
    assert kras_status(coordinator.get(f"/cases/{case_id}").text) == "met"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"just some text", "A scanned document is a PDF, TIFF, PNG or JPEG file."),
        (b"", "The file is empty"),
    ],
)
def test_bad_documents_are_refused_beside_the_form(coordinator: Browser, app: Any, raw: bytes, message: str) -> None:
    case_id = coordinator.upload(NO_KRAS)
    r = add(coordinator, case_id, raw)
    assert r.status_code in (413, 415, 422)
    assert any(a.startswith(message) for a in alerts(r.text)), alerts(r.text)
    with Session(app.state.engine) as db:
        assert db.scalars(select(CaseDocument)).all() == []


def test_a_document_over_the_upload_cap_is_refused_while_it_streams(coordinator: Browser, app: Any) -> None:
    # the request-body cap (issue 12's middleware, ``max_upload_mb``: 5 MB in the tests) answers first
    case_id = coordinator.upload(NO_KRAS)
    r = add(coordinator, case_id, b"%PDF" + b"0" * (6 * 1024 * 1024))
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"
    with Session(app.state.engine) as db:
        assert db.scalars(select(CaseDocument)).all() == []


def test_scan_image_of_coded_evidence_is_not_found(coordinator: Browser) -> None:
    case_id = coordinator.upload(NO_KRAS)
    r = coordinator.get(f"/cases/{case_id}/scan.png", params={"source": "Patient/p1"})
    assert r.status_code == 404
