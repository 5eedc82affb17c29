"""Where text lives in a chart, decoded to plain text with its date and reference.

A resource's extracted text is its text parts joined by a blank line, in a fixed order, so evidence
spans (``Type/id#char=start,end``, RFC 5147) are exact offsets into it. Bad attachments (undecodable
base64, a PDF that is not a PDF, oversized data, unknown types) are skipped with a warning. Scanned
pages (a PDF without a text layer, TIFF, PNG, JPEG) are read by OCR (:mod:`priorauth.text.ocr`): their
text is the pages joined by a form feed, and the document keeps the page map and word confidences.
"""

from __future__ import annotations

import base64
import binascii
import html
import io
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any, ClassVar

from priorauth.chart.chart import Chart
from priorauth.chart.fhir import dicts, first_date, notes
from priorauth.chart.load import Resource
from priorauth.facts import specimen
from priorauth.text import ocr as _ocr

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024  # a note is never this large; a scanned PDF of images has no text anyway
SEPARATOR = "\n\n"


@dataclass(frozen=True)
class TextDoc:
    source: str  # Type/id (or fullUrl)
    date: str | None
    kind: str  # resource type
    title: str
    text: str
    specimen: str | None = None  # the specimen the resource codes (a KRAS report's): it wins over words
    pages: tuple[_ocr.Page, ...] = ()  # scanned parts: page map and word confidences, offsets into text

    @property
    def scanned(self) -> bool:
        return any(p.ocr for p in self.pages)


Part = str | _ocr.Scan


def documents(chart: Chart, warnings: list[str], ocr: bool = True) -> list[TextDoc]:
    """Every text-bearing resource of the chart, in chart order. ``ocr=False`` leaves scans unread
    (with a warning each)."""
    out = []
    for r in chart.resources:
        reader = READERS.get(r.type)
        if reader is None:
            continue
        text, pages = _joined(reader(chart, r, _Ctx(warnings, ocr)))
        if text:
            coded = specimen.coded(chart, r.data) if r.type in ("Observation", "DiagnosticReport") else None
            out.append(TextDoc(r.ref, _date(r), r.type, _title(r), text, coded, pages))
    return out


@dataclass(frozen=True)
class _Ctx:
    warnings: list[str]
    ocr: bool = True

    def append(self, line: str) -> None:
        self.warnings.append(line)


def _joined(parts: list[Part]) -> tuple[str, tuple[_ocr.Page, ...]]:
    """The parts, stripped and joined by a blank line; scanned parts' page maps shifted to their place."""
    texts: list[str] = []
    pages: list[_ocr.Page] = []
    pos = 0
    for part in parts:
        raw = part.text if isinstance(part, _ocr.Scan) else part
        if not raw or not raw.strip():
            continue
        stripped = raw.strip()
        if texts:
            pos += len(SEPARATOR)
        if isinstance(part, _ocr.Scan):
            shift = pos - (len(raw) - len(raw.lstrip()))
            pages += [p.shifted(shift) for p in part.pages]
        texts.append(stripped)
        pos += len(stripped)
    return SEPARATOR.join(texts), tuple(pages)


def _date(r: Resource) -> str | None:
    return first_date(
        r.data, "date", "effectiveDateTime", "effectivePeriod", "issued", "authoredOn", "recordedDate", "onsetDateTime"
    ) or first_date((r.data.get("context") or {}) if isinstance(r.data.get("context"), dict) else {}, "period")


def _title(r: Resource) -> str:
    for key in ("type", "code", "description"):
        v = r.data.get(key)
        if isinstance(v, dict) and isinstance(v.get("text"), str):
            return v["text"]
        if isinstance(v, str):
            return v
    return r.type


def _document_reference(chart: Chart, r: Resource, warnings: _Ctx) -> list[Part]:
    texts = [_attachment(chart, c.get("attachment"), r.ref, warnings) for c in dicts(r.data.get("content"))]
    return [t for t in texts if t]


def _diagnostic_report(chart: Chart, r: Resource, warnings: _Ctx) -> list[Part]:
    parts: list[Part] = [r.data.get("conclusion") if isinstance(r.data.get("conclusion"), str) else ""]
    parts += [_attachment(chart, a, r.ref, warnings) for a in dicts(r.data.get("presentedForm"))]
    return [p for p in parts if p]


def _observation(chart: Chart, r: Resource, warnings: _Ctx) -> list[Part]:
    value = r.data.get("valueString")
    parts: list[Part] = [value] if isinstance(value, str) and len(value) >= 40 else []  # short: coded results
    return parts + list(notes(r.data))


def _notes_only(chart: Chart, r: Resource, warnings: _Ctx) -> list[Part]:
    return list(notes(r.data))


READERS = {
    "DocumentReference": _document_reference,
    "DiagnosticReport": _diagnostic_report,
    "Observation": _observation,
    "MedicationRequest": _notes_only,
    "MedicationStatement": _notes_only,
    "Condition": _notes_only,
}


def pdf_attachments(chart: Chart, r: Resource) -> list[bytes]:
    """The PDF attachments of a DocumentReference or DiagnosticReport (presentedForm), as bytes, for
    outputs that reproduce the original pages (the packet); undecodable or oversized ones are left out."""
    atts = [c.get("attachment") for c in dicts(r.data.get("content"))] + list(dicts(r.data.get("presentedForm")))
    out = []
    for att in atts:
        if (
            isinstance(att, dict)
            and str(att.get("contentType") or "").split(";")[0].strip().lower() == "application/pdf"
        ):
            raw = _attachment_bytes(chart, att, r.ref, [])
            if raw and raw.startswith(b"%PDF") and len(raw) <= MAX_ATTACHMENT_BYTES:
                out.append(raw)
    return out


def _attachment(chart: Chart, att: Any, ref: str, warnings: _Ctx) -> Part:
    if not isinstance(att, dict):
        return ""
    ctype = str(att.get("contentType") or "text/plain").split(";")[0].strip().lower()
    raw = _attachment_bytes(chart, att, ref, warnings.warnings)
    if raw is None:
        return ""
    if len(raw) > MAX_ATTACHMENT_BYTES:
        warnings.append(f"{ref}: attachment of {len(raw) // (1024 * 1024)} MB skipped (limit 10 MB)")
        return ""
    try:
        if ctype in _ocr.IMAGE_TYPES:
            return _scanned(raw, _ocr.IMAGE_TYPES[ctype], ref, warnings)
        if ctype == "application/pdf":  # one parse tells its text layer and whether a page is a scan
            text, scan = _pdf_read(raw)
            return _scanned(raw, "pdf", ref, warnings) if scan else text
        return DECODERS[ctype](raw)
    except KeyError:
        warnings.append(f"{ref}: attachment type {ctype} is not read, skipped")
    except Exception as exc:  # a broken document is skipped, never fatal
        warnings.append(f"{ref}: {ctype} attachment could not be read ({type(exc).__name__}), skipped")
    return ""


def _scanned(raw: bytes, kind: str, ref: str, warnings: _Ctx) -> Part:
    if not warnings.ocr:
        warnings.append(f"{ref}: scanned attachment not read (OCR is off)")
        return ""
    try:
        scan = _ocr.read(raw, kind)
    except _ocr.OcrUnavailable:
        warnings.append(f"{ref}: scanned attachment not read: {_ocr.UNAVAILABLE}")
        return ""
    note = _ocr.version_note()
    if note and note not in warnings.warnings:
        warnings.append(note)
    warnings.warnings.extend(f"{ref}: {line}" for line in scan.warnings)
    return scan


def _attachment_bytes(chart: Chart, att: dict[str, Any], ref: str, warnings: list[str]) -> bytes | None:
    data = att.get("data")
    if isinstance(data, str):
        if len(data) > MAX_ATTACHMENT_BYTES * 4 // 3 + 4:
            warnings.append(f"{ref}: attachment over 10 MB skipped")
            return None
        try:
            return base64.b64decode(data, validate=False)
        except (binascii.Error, ValueError):
            warnings.append(f"{ref}: attachment data is not valid base64, skipped")
            return None
    url = att.get("url")
    if isinstance(url, str) and url:
        binary = chart.resolve(url)
        if binary is not None and isinstance(binary.data.get("data"), str):
            return _attachment_bytes(chart, {"data": binary.data["data"]}, ref, warnings)
        warnings.append(f"{ref}: attachment url {url[:60]} is not in the chart, skipped")
    return None


def _plain(raw: bytes) -> str:
    return raw.decode("utf-8-sig", errors="replace").replace("\r\n", "\n")


class _HTMLText(HTMLParser):
    BLOCK: ClassVar[set[str]] = {"p", "br", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in ("script", "style", "head"):
            self._skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" | ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head") and self._skip:
            self._skip -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _html(raw: bytes) -> str:
    parser = _HTMLText()
    parser.feed(_plain(raw))
    parser.close()
    text = html.unescape("".join(parser.parts))
    return re.sub(r"\n{3,}", "\n\n", re.sub(r"[ \t]+", " ", text)).strip()


def _pdf(raw: bytes) -> str:
    return _pdf_read(raw)[0]


def _pdf_read(raw: bytes) -> tuple[str, bool]:
    """The PDF's text layer, and whether a page of it is a scan (an image and (almost) no text: the document
    is then read by OCR), from one parse."""
    if not raw.startswith(b"%PDF"):
        raise ValueError("not a PDF")
    from pypdf import PdfReader  # imported only when a chart has a PDF

    reader = PdfReader(io.BytesIO(raw))
    # Capped in pages, characters and seconds, and per page in content size: a small PDF can hold
    # pages that each draw one huge compressed content stream (a 15 kB file, 60 pages sharing one 2 MB
    # stream), and parsing a page's content is the slow part (seconds per 100 kB). A page larger than
    # PDF_MAX_PAGE_BYTES is not read, and a content stream already read (shared by several pages) is not
    # read again: its text is the same. Past the text caps, pages are only looked at for a scan (listing a
    # page's images parses it too, so an oversized page is not looked at either).
    deadline = time.monotonic() + PDF_MAX_SECONDS
    parts: list[str] = []
    size = 0
    reading = True
    for page, contents in _readable_pages(reader):
        images = len(page.images) > 0
        if not images and (contents is None or not reading):
            continue
        text = page.extract_text() or ""
        if images and len(text.strip()) < 20:
            return "", True
        if contents is not None and reading:
            parts.append(text[: PDF_MAX_CHARS - size])
            size += len(parts[-1])
            reading = size < PDF_MAX_CHARS and time.monotonic() <= deadline
    return "\n".join(parts), False


def _readable_pages(reader: Any) -> Iterator[tuple[Any, Any]]:
    """The first PDF_MAX_PAGES pages with their content (None: the page has none), less the pages whose
    content stream was already seen (shared by several pages: the same text) or is over PDF_MAX_PAGE_BYTES."""
    seen: set[tuple[int, ...]] = set()
    for page in reader.pages[:PDF_MAX_PAGES]:
        key = _content_key(page)
        if key is not None:
            if key in seen:
                continue
            seen.add(key)
        contents = page.get_contents()
        if contents is not None and len(contents.get_data()) > PDF_MAX_PAGE_BYTES:
            continue
        yield page, contents


def _content_key(page: Any) -> tuple[int, ...] | None:
    """The object numbers of a page's content streams (None: written inline, no number to compare)."""
    from pypdf.generic import IndirectObject

    ref = page.raw_get("/Contents") if "/Contents" in page else None
    refs = list(ref) if isinstance(ref, list) else [ref]
    if not refs or not all(isinstance(r, IndirectObject) for r in refs):
        return None
    return tuple(r.idnum for r in refs)


PDF_MAX_PAGES, PDF_MAX_CHARS, PDF_MAX_SECONDS, PDF_MAX_PAGE_BYTES = 200, 500_000, 10.0, 500_000


def _rtf(raw: bytes) -> str:
    from striprtf.striprtf import rtf_to_text

    return rtf_to_text(_plain(raw))


DECODERS = {
    "text/plain": _plain,
    "text/markdown": _plain,
    "text/html": _html,
    "application/xhtml+xml": _html,
    "application/pdf": _pdf,
    "text/rtf": _rtf,
    "application/rtf": _rtf,
}
