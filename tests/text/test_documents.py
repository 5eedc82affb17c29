"""Where text lives, and bad documents: skipped with a warning, never a crash."""

from __future__ import annotations

import base64

import pytest

import priorauth
from tests.conftest import apply_edits, bundle, load_cases

SPEC = load_cases("default")
NO_KRAS = apply_edits(SPEC["base"], {"name": "no coded KRAS", "remove": ["Observation/kras1"]})


def doc_ref(rid: str, content: bytes, ctype: str = "text/plain", **attachment: object) -> dict:
    att = {"contentType": ctype, "data": base64.b64encode(content).decode(), **attachment}
    return {
        "resourceType": "DocumentReference",
        "id": rid,
        "status": "current",
        "subject": {"reference": "Patient/p1"},
        "date": "2025-02-01T10:00:00Z",
        "type": {"text": "Molecular pathology report"},
        "content": [{"attachment": att}],
    }


def check(*extra: dict) -> dict:
    return priorauth.check(bundle([*NO_KRAS, *extra]), as_of="2026-11-20")


def kras(doc: dict) -> dict:
    return next(c for c in doc["criteria"] if c["id"] == "kras_g12c")


def minimal_pdf(text: str) -> bytes:
    """A valid one-page PDF with a line of text (hand-written, so the test needs no PDF writer)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return _pdf_file(objects)


def shared_stream_pdf(text: str, pages: int, stream_bytes: int) -> bytes:
    """``pages`` pages that all draw one Flate-compressed content stream of about ``stream_bytes``
    (``text`` on every line): a few kB of file, megabytes of content to parse on every page."""
    import zlib

    line = f"({text}) Tj 0 -14 Td ".encode()
    packed = zlib.compress(b"BT /F1 12 Tf 72 720 Td " + line * max(1, stream_bytes // len(line)) + b"ET", 9)
    font = 4 + pages
    kids = b" ".join(f"{4 + i} 0 R".encode() for i in range(pages))
    page = f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R /Resources << /Font << /F1 {font} 0 R >> >> >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + f"] /Count {pages} >>".encode(),
        f"<< /Length {len(packed)} /Filter /FlateDecode >>\nstream\n".encode() + packed + b"\nendstream",
        *[page.encode()] * pages,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return _pdf_file(objects)


def _pdf_file(objects: list[bytes]) -> bytes:
    out, offsets = b"%PDF-1.4\n", []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer << /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


GOOD = [
    ("plain text", doc_ref("d1", b"Tumor tissue NGS: KRAS p.G12C detected.")),
    (
        "html with a script",
        doc_ref(
            "d1",
            b"<html><script>var kras='wild-type';</script><p>FFPE tissue: <b>KRAS G12C</b> detected</p></html>",
            "text/html",
        ),
    ),
    ("pdf", doc_ref("d1", minimal_pdf("FFPE tissue: KRAS G12C detected"), "application/pdf")),
    ("rtf", doc_ref("d1", rb"{\rtf1\ansi FFPE tissue: KRAS G12C detected\par}", "text/rtf")),
]


@pytest.mark.parametrize(("what", "resource"), GOOD, ids=[g[0] for g in GOOD])
def test_text_formats_are_read(what: str, resource: dict) -> None:
    result = kras(check(resource))
    assert result["status"] == "met", (what, result["summary"])
    assert result["evidence"][0]["source"].startswith("DocumentReference/d1#char=")


def test_attachment_by_url_to_a_binary() -> None:
    binary = {
        "resourceType": "Binary",
        "id": "b1",
        "contentType": "text/plain",
        "data": base64.b64encode(b"KRAS G12C detected in tumor tissue.").decode(),
    }
    ref = doc_ref("d1", b"")
    ref["content"][0]["attachment"] = {"contentType": "text/plain", "url": "Binary/b1"}
    assert kras(check(binary, ref))["status"] == "met"


def test_span_offsets_are_exact() -> None:
    text = "Report header.\nTissue NGS: KRAS G12C detected (VAF 31%).\n"
    doc = check(doc_ref("d1", text.encode()))
    source = kras(doc)["evidence"][0]["source"]
    start, end = (int(x) for x in source.split("#char=")[1].split(","))
    assert text[start:end] == kras(doc)["evidence"][0]["text"] and "G12C" in text[start:end]


BAD = [
    (
        "undecodable base64",
        {**doc_ref("d1", b""), "content": [{"attachment": {"contentType": "text/plain", "data": "%%%not base64%%%"}}]},
    ),
    ("a PDF that is not a PDF", doc_ref("d1", b"this is not a pdf at all", "application/pdf")),
    ("a broken PDF", doc_ref("d1", b"%PDF-1.4 garbage garbage", "application/pdf")),
    ("a 50 MB attachment", doc_ref("d1", b"KRAS G12C detected. " * (50 * 1024 * 1024 // 20))),
    ("an unknown type", doc_ref("d1", b"\x00\x01", "image/png")),
    (
        "a url not in the chart",
        {**doc_ref("d1", b""), "content": [{"attachment": {"contentType": "text/plain", "url": "Binary/missing"}}]},
    ),
]


@pytest.mark.parametrize(("what", "resource"), BAD, ids=[b[0] for b in BAD])
def test_bad_documents_are_skipped_with_a_warning(what: str, resource: dict) -> None:
    doc = check(resource)
    assert kras(doc)["status"] == "insufficient", what
    assert any("DocumentReference/d1" in w for w in doc["warnings"]), doc.get("warnings")


def _extractions(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the pages whose text pypdf is asked to extract (the slow part)."""
    from pypdf import PageObject

    calls: list[int] = []
    extract = PageObject.extract_text

    def counted(self: PageObject, *args: object, **kwargs: object) -> str:
        calls.append(1)
        return extract(self, *args, **kwargs)

    monkeypatch.setattr(PageObject, "extract_text", counted)
    return calls


def test_a_small_pdf_whose_pages_share_one_2mb_stream_is_not_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The issue's PDF: a few kB on disk, 60 pages drawing one 2 MB content stream (parsing one page
    took 17.8 s of a frozen server, then every page again). No page of it is parsed: its content is
    past the per-page cap; the chart is still evaluated, the document giving no text."""
    from priorauth.text import sources

    raw = shared_stream_pdf("KRAS G12C detected", pages=60, stream_bytes=2_000_000)
    assert len(raw) < 20_000
    calls = _extractions(monkeypatch)
    assert sources._pdf(raw) == ""
    assert calls == []
    assert kras(check(doc_ref("d1", raw, "application/pdf")))["status"] == "insufficient"


def test_a_content_stream_shared_by_pages_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = shared_stream_pdf("FFPE tissue: KRAS G12C detected", pages=60, stream_bytes=2_000)
    calls = _extractions(monkeypatch)
    assert kras(check(doc_ref("d1", raw, "application/pdf")))["status"] == "met"
    assert calls == [1]


def _parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the PDF parses (pypdf readers made)."""
    import pypdf

    calls: list[int] = []

    class Counted(pypdf.PdfReader):
        def __init__(self, *args: object, **kwargs: object) -> None:
            calls.append(1)
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pypdf, "PdfReader", Counted)
    return calls


def test_a_pdf_attachment_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Its text layer and whether a page of it is a scan come from one parse (they were two)."""
    from priorauth.chart.chart import select_patient
    from priorauth.text.sources import documents

    resource = doc_ref("d1", minimal_pdf("FFPE tissue: KRAS G12C detected"), "application/pdf")
    chart = select_patient(priorauth.api.load(bundle([*NO_KRAS, resource])), None)
    calls = _parses(monkeypatch)
    assert any("KRAS G12C" in d.text for d in documents(chart, []))
    assert calls == [1]


def test_a_chart_without_text_does_not_import_spacy(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json
    import subprocess
    import sys

    chart = tmp_path / "chart.json"
    chart.write_text(json.dumps(bundle(SPEC["base"])))  # coded data only
    code = "import sys, priorauth; priorauth.check(sys.argv[1], as_of='2026-11-20'); print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code, str(chart)], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
