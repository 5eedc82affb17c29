"""A payer letter's bytes -> its text, pages and word confidences.

A PDF whose pages all carry a text layer is read from it (pypdf, the project's PDF library): every span
is then certain. Anything else (a PDF of scanned pages, TIFF, PNG, JPEG) goes through the project's OCR
(:mod:`priorauth.text.ocr`: straightened pages, Tesseract word confidences). Pages are joined with a form
feed, as for scanned documents, so ``#char=`` offsets are stable."""

from __future__ import annotations

import io
from dataclasses import dataclass

from priorauth.errors import Code, fail
from priorauth.text import ocr

MAX_BYTES = 10 * 1024 * 1024  # a 20-page fax is ~1 MB; a letter is never this large
MAX_PAGES = 20
KINDS = (
    (b"%PDF", "pdf"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
)
MEDIA = {"pdf": "application/pdf", "tiff": "image/tiff", "png": "image/png", "jpeg": "image/jpeg"}


@dataclass(frozen=True)
class LetterText:
    text: str
    pages: tuple[ocr.Page, ...]
    kind: str  # pdf | tiff | png | jpeg
    ocr: bool  # some page was read by OCR
    warnings: tuple[str, ...] = ()

    def page_at(self, offset: int) -> int | None:
        page = ocr.page_of(self.pages, offset)
        return page.number if page else None

    def confidence(self, start: int, end: int) -> float:
        """The lowest Tesseract word confidence inside the span (0-1); 1.0 for text-layer pages."""
        page = ocr.page_of(self.pages, start)
        if page is None or not page.ocr:
            return 1.0
        confs = [w.conf for _, w in ocr.words_in(self.pages, start, end)]
        return round(min(confs) / 100, 2) if confs else 0.0


def kind_of(raw: bytes) -> str:
    for magic, kind in KINDS:
        if raw.startswith(magic):
            return kind
    raise fail(Code.UNSUPPORTED_MEDIA, "a payer letter is a PDF, TIFF, PNG or JPEG file")


def read(raw: bytes) -> LetterText:
    """The letter's text; unusable input (empty, too large, not a letter's format, unreadable, no
    text at all) raises a :class:`~priorauth.errors.PriorauthError`."""
    if not raw:
        raise fail(Code.EMPTY_INPUT, "the letter is empty: give a PDF, TIFF, PNG or JPEG file")
    if len(raw) > MAX_BYTES:
        raise fail(Code.TOO_LARGE, f"the letter is larger than {MAX_BYTES // (1024 * 1024)} MB")
    kind = kind_of(raw)
    if kind == "pdf":
        layer = _text_layer(raw)
        if layer is not None:
            return layer
    try:
        scan = ocr.read(raw, kind)
    except ocr.OcrUnavailable as exc:
        raise fail(Code.UNREADABLE, f"the letter is a scan and {exc}") from None
    except Exception as exc:  # Pillow/pypdf on a damaged file: the file is unusable, said in one line
        raise fail(Code.UNREADABLE, f"the letter cannot be read as {kind.upper()} ({type(exc).__name__})") from None
    if not scan.text.strip():
        note = f": {scan.warnings[0]}" if scan.warnings else ""
        raise fail(Code.NOTHING_USABLE, f"no text could be read from the letter{note}")
    version = ocr.version_note()
    notes = (*scan.warnings, *((version,) if version else ()))
    return LetterText(scan.text, scan.pages, kind, any(p.ocr for p in scan.pages), notes)


def _layout_text(page: object) -> str:
    """A page's text as laid out (pypdf's layout mode keeps a table's columns apart and a letter's blank
    lines), the plain extraction when the layout mode fails on the page."""
    try:
        text = page.extract_text(extraction_mode="layout")  # type: ignore[attr-defined]
    except Exception:  # pypdf's layout mode is newer and stricter about fonts
        text = page.extract_text()  # type: ignore[attr-defined]
    lines = [line.rstrip() for line in (text or "").replace("\f", " ").split("\n")]
    indent = min((len(x) - len(x.lstrip()) for x in lines if x.strip()), default=0)
    return "\n".join(x[indent:] for x in lines)


def _text_layer(raw: bytes) -> LetterText | None:
    """The PDF's text when every page has a text layer (None: some page is a scan)."""
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(raw))
        pages = reader.pages
        if len(pages) > MAX_PAGES:
            raise fail(Code.TOO_LARGE, f"the letter has {len(pages)} pages; a payer letter has at most {MAX_PAGES}")
        texts = [_layout_text(p) for p in pages]
    except Exception as exc:
        if getattr(exc, "code", None):
            raise
        raise fail(Code.UNREADABLE, f"the letter cannot be read as PDF ({type(exc).__name__})") from None
    if not texts or any(len(t.strip()) < 20 for t in texts):
        return None
    out: list[ocr.Page] = []
    parts: list[str] = []
    offset = 0
    for n, t in enumerate(texts, 1):
        t = t.strip() + "\n"
        parts.append(t)
        out.append(ocr.Page(n, offset, offset + len(t), (0, 0), (), ocr=False))
        offset += len(t) + len(ocr.PAGE_BREAK)
    return LetterText(ocr.PAGE_BREAK.join(parts), tuple(out), "pdf", False)
