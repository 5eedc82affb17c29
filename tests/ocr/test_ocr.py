"""Scanned documents as evidence (issue 17): OCR of fax TIFF / CCITT PDF / PNG / JPEG, spans into the OCR
text, page numbers, confidence, limits, and the digital twins. Tests that run Tesseract skip without
it (CI installs it); about a dozen pages are read in all."""

from __future__ import annotations

import base64
import io
import json
import os
import re
import shutil

import pytest

import priorauth
from priorauth.cli.main import main
from priorauth.text import ocr
from tests.ocr import scans

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr is not installed")
AS_OF = "2026-11-20"
REPORTS = {r.id: r for r in scans.reports()}


def kras(doc: dict) -> dict:
    return next(c for c in doc["criteria"] if c["id"] == "kras_g12c")


def check(chart: dict, **kw: object) -> dict:
    return priorauth.check(chart, as_of=AS_OF, **kw)


@pytest.fixture(scope="module")
def g12c_fax() -> tuple[dict, dict, bytes]:
    return scans.twin_charts(REPORTS["ngs-tissue-g12c"], "fax", "tiff")


def test_ci_installs_tesseract() -> None:
    """.ci/run installs it: in CI its absence is a failure, not a silent skip of every OCR test."""
    if os.environ.get("CI") == "true":
        assert shutil.which("tesseract"), "tesseract-ocr is missing in CI"


@needs_tesseract
def test_tesseract_is_the_pinned_version() -> None:
    """Thresholds were measured with this version; another one reads differently (docs/clinical-text.md)."""
    assert ocr.tesseract_version() == ocr.TESTED_TESSERACT
    assert ocr.version_note() is None


def test_another_tesseract_version_is_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "tesseract_version", lambda: "5.4.1")
    assert "5.4.1" in (ocr.version_note() or "")
    assert ocr.TESTED_TESSERACT in (ocr.version_note() or "")


@needs_tesseract
def test_fax_twin_meets_kras_with_ocr_evidence(g12c_fax: tuple[dict, dict, bytes]) -> None:
    scanned, digital, _ = g12c_fax
    before = check(scans.chart({"resourceType": "Basic", "id": "nothing"}))
    assert kras(before)["status"] == "insufficient"
    doc, twin = check(scanned), check(digital)
    assert scans.statuses(doc) == scans.statuses(twin)
    k = kras(doc)
    assert k["status"] == "met"
    ocr_ev = [e for e in k["evidence"] if e.get("origin") == "ocr"]
    assert ocr_ev and all(e["page"] == 1 for e in ocr_ev)
    assert any(e["low_confidence"] is False for e in ocr_ev)  # at least one confident finding supports it
    assert all(0 <= e["ocr_confidence"] <= 100 for e in ocr_ev)
    # the span is an exact offset into the OCR text, as the contract says
    from priorauth.chart.chart import select_patient
    from priorauth.text.sources import documents

    text = next(
        d.text
        for d in documents(select_patient(priorauth.api.load(scanned), None), [])
        if d.source == "DocumentReference/scan1"
    )
    for e in ocr_ev:
        start, end = map(int, e["source"].split("#char=")[1].split(","))
        assert text[start:end] == e["text"]
    assert "warnings" not in doc


@needs_tesseract
def test_determination_with_ocr_evidence_fits_the_contract_schema(g12c_fax: tuple[dict, dict, bytes]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from tests.conftest import shared_path

    schema = json.loads(shared_path("spec", "determination.schema.json").read_text())
    jsonschema.validate(check(g12c_fax[0]), schema)


@needs_tesseract
def test_ccitt_pdf_without_text_layer_is_read() -> None:
    report = REPORTS["path-adeno-kras"]
    scanned, digital, raw = scans.twin_charts(report, "fax", "pdf")
    assert b"/CCITTFaxDecode" in raw
    doc = check(scanned)
    assert scans.statuses(doc) == scans.statuses(check(digital))
    assert kras(doc)["status"] == "met"


@needs_tesseract
def test_two_page_fax_cites_page_two_and_joins_pages_with_a_form_feed() -> None:
    report = REPORTS["ngs-two-page"]
    raw, _ = scans.encode(scans.fax_pages(report), "tiff")
    scan = ocr.read(raw, "tiff")
    assert len(scan.pages) == 2 and scan.text.count("\f") == 1
    assert scan.pages[1].start == scan.text.index("\f") + 1
    doc = check(scans.chart(scans.document("scan1", raw, "image/tiff")))
    k = kras(doc)
    assert k["status"] == "met"
    assert {e["page"] for e in k["evidence"] if e.get("origin") == "ocr"} == {2}


@needs_tesseract
@pytest.mark.parametrize(("fmt", "ctype"), [("png", "image/png"), ("jpeg", "image/jpeg")])
def test_png_and_jpeg_attachments(fmt: str, ctype: str) -> None:
    report = REPORTS["ngs-plasma-g12c"]
    raw, got = scans.encode(scans.fax_pages(report), fmt)
    assert got == ctype
    k = kras(check(scans.chart(scans.document("scan1", raw, ctype))))
    assert k["status"] == "met" and "plasma" in k["summary"]


@needs_tesseract
def test_negation_in_scanned_text_is_read_like_digital_text() -> None:
    """The OCR text goes through the same reader: negation, hypotheticals, family history."""
    for rid in ("letter-family", "letter-pending", "ngs-tissue-negative"):
        scanned, digital, _ = scans.twin_charts(REPORTS[rid], "fax", "tiff")
        assert kras(check(scanned))["status"] == kras(check(digital))["status"], rid


@needs_tesseract
def test_worst_fax_never_gives_a_wrong_met() -> None:
    report = REPORTS["ngs-tissue-g12d"]
    scanned, digital, _ = scans.twin_charts(report, "fax_worst", "tiff")
    doc, twin = scans.statuses(check(scanned)), scans.statuses(check(digital))
    assert not [k for k in doc if doc[k] == "met" and twin[k] != "met"]
    assert doc["kras_g12c"] in ("not_met", "review", "insufficient")


@needs_tesseract
def test_amended_report_at_the_worst_level_is_never_a_wrong_met() -> None:
    """Held-out hod-13: an amended report withdraws a G12C and reports KRAS wild-type; at the worst fax level
    OCR reads "No mutation" as "No.mutation". A negation damaged by OCR must never give `met`."""
    report = next(r for r in scans.reports("heldout_documents.yaml") if r.id == "hod-13")
    scanned, _, _ = scans.twin_charts(report, "fax_worst", "tiff")
    assert kras(check(scanned))["status"] in ("not_met", "review", "insufficient")


def test_a_negation_glued_to_its_word_by_a_misread_mark_is_suspect() -> None:
    from priorauth.text import _DAMAGED_NEGATION

    assert _DAMAGED_NEGATION.search("CORRECTED RESULT: KRAS - No.mutation detected")
    assert _DAMAGED_NEGATION.search("G12C not,detected")
    assert _DAMAGED_NEGATION.search("the BRAF V600E\nis.not present")  # glued to the word before it
    assert not _DAMAGED_NEGATION.search("p.G12C is not present. No other variant")
    assert _DAMAGED_NEGATION.search("at codon 13. It is not.\nthe G12C mutation:")  # a speck read as a stop
    assert not _DAMAGED_NEGATION.search("The variant is not. The other one is.")
    assert not _DAMAGED_NEGATION.search("No. 5 lesion; no mutation detected")


@needs_tesseract
def test_low_confidence_support_is_review_never_met(
    g12c_fax: tuple[dict, dict, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    from priorauth.text import facts as text_facts
    from priorauth.text import pipeline

    # Read (and cache) the page at the measured threshold first: two readings that agree lift a word to the threshold
    # in force, so a page first read under the raised one would count as confident (the test then hung on the order).
    ocr.read(g12c_fax[2], "tiff")
    monkeypatch.setattr(ocr, "CONFIDENT", 101.0)  # every word below the threshold
    text_facts._document_facts.cache_clear()
    pipeline._analyze_cached.cache_clear()
    k = kras(check(g12c_fax[0]))
    assert k["status"] == "review"
    assert "low OCR confidence" in k["summary"]
    assert all(e["low_confidence"] for e in k["evidence"] if e.get("origin") == "ocr")


@needs_tesseract
def test_ocr_text_is_cached_by_content(g12c_fax: tuple[dict, dict, bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    raw = g12c_fax[2]
    first = ocr.read(raw, "tiff")
    monkeypatch.setattr(ocr, "_ocr_page", lambda *a: pytest.fail("read again"))
    assert ocr.read(raw, "tiff") is first


def test_without_tesseract_a_scan_is_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "tesseract_version", lambda: None)
    raw, ctype = scans.encode(scans.fax_pages(REPORTS["ngs-plasma-g12c"]), "tiff")
    doc = check(scans.chart(scans.document("scan1", raw, ctype)))
    assert kras(doc)["status"] == "insufficient"
    assert doc["warnings"] == [
        "DocumentReference/scan1: scanned attachment not read: OCR not available: install tesseract-ocr"
    ]


def _bundle_file(tmp_path, raw: bytes, ctype: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "chart.json"
    path.write_text(json.dumps(scans.chart(scans.document("scan1", raw, ctype))))
    return path


def test_no_ocr_on_check_and_packet(
    tmp_path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr, "read", lambda *a: pytest.fail("OCR ran under --no-ocr"))
    raw, ctype = scans.encode(scans.fax_pages(REPORTS["ngs-plasma-g12c"]), "tiff")
    chart = _bundle_file(tmp_path, raw, ctype)
    assert main(["check", str(chart), "--as-of", AS_OF, "--format", "json", "--no-ocr"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert "DocumentReference/scan1: scanned attachment not read (OCR is off)" in doc["warnings"]
    assert main(["packet", str(chart), "-o", str(tmp_path / "out"), "--as-of", AS_OF, "--no-ocr"]) == 0


def _png(width: int, height: int) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("1", (width, height), 1).save(buf, "PNG")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("raw", "ctype", "expect"),
    [
        (_png(12000, 12000), "image/png", "over the limit: not read"),  # 144 MP in a few kB: a decompression bomb
        (b"II*\x00garbage" * 20, "image/tiff", "could not be read"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "image/png", "could not be read"),
        (b"%PDF-1.4\n%%EOF", "application/pdf", "could not be read"),
    ],
)
def test_hostile_images_are_warnings(raw: bytes, ctype: str, expect: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "tesseract_version", lambda: ocr.TESTED_TESSERACT)
    monkeypatch.setattr(ocr, "_ocr_page", lambda *a: pytest.fail("a hostile page reached Tesseract"))
    doc = check(scans.chart(scans.document("scan1", raw, ctype)))
    assert kras(doc)["status"] == "insufficient"
    assert any(expect in w for w in doc.get("warnings", [])), doc.get("warnings")


def test_page_and_time_limits_are_warnings(monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    monkeypatch.setattr(ocr, "tesseract_version", lambda: ocr.TESTED_TESSERACT)
    monkeypatch.setattr(ocr, "MAX_PAGES", 3)
    monkeypatch.setattr(ocr, "_ocr_page", lambda img, n, s: (f"page {n}\n", ocr.Page(n, 0, 7, img.size, ())))
    frames = [Image.new("1", (200, 100), 1) for _ in range(5)]
    buf = io.BytesIO()
    frames[0].save(buf, "TIFF", compression="group4", save_all=True, append_images=frames[1:])
    scan = ocr.read(buf.getvalue(), "tiff")
    assert len(scan.pages) == 3 and scan.warnings == ("5 pages: only the first 3 were read (limit)",)
    ocr.clear_cache()
    monkeypatch.setattr(ocr, "MAX_SECONDS", 0.0)
    scan = ocr.read(buf.getvalue(), "tiff")
    assert scan.pages == () and "limit per document was reached" in scan.warnings[-1]


@pytest.mark.parametrize("angle", [-3.5, -1.0, 1.2, 4.0])
def test_skew_is_measured(angle: float) -> None:
    page = scans.render(REPORTS["ngs-tissue-g12c"])[0]
    from PIL import Image

    tilted = page.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    assert abs(ocr.skew_angle(tilted) + angle) <= 0.3


def test_fax_pixels_are_made_square() -> None:
    raw, _ = scans.encode(scans.fax_pages(REPORTS["ngs-plasma-g12c"]), "tiff")
    (img,) = ocr.page_images(raw, "tiff")
    assert img.size == (2550, 3300)  # 1700x1100 at 200x100 dpi -> square pixels at 300 dpi


def test_text_pdf_is_not_ocred(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.text.test_documents import minimal_pdf

    monkeypatch.setattr(ocr, "read", lambda *a: pytest.fail("a PDF with a text layer went to OCR"))
    raw = minimal_pdf("KRAS G12C mutation detected in tumor tissue on 2025-01-30")
    doc = check(scans.chart(scans.document("scan1", raw, "application/pdf")))
    assert kras(doc)["status"] == "met"
    assert all("origin" not in e for e in kras(doc)["evidence"])


def test_digital_twin_is_what_the_page_shows() -> None:
    r = REPORTS["ngs-tissue-g12c"]
    assert r.digital_text.startswith(r.title + "\n\nNorthStar Molecular Laboratories  CLIA 05D1234567\n")
    assert base64.b64encode(r.digital_text.encode())  # plain UTF-8


@needs_tesseract
def test_quality_script_quick(capsys: pytest.CaptureFixture[str]) -> None:
    """scripts/ocr_quality.py (the numbers in docs/clinical-text.md) in its seconds-long --quick mode."""
    import importlib.util

    from tests.conftest import ROOT

    spec = importlib.util.spec_from_file_location("ocr_quality", ROOT / "scripts/ocr_quality.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--quick"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^fax +0\.0\d\d +1/1 +0 +0 ", out, re.M), out


# --- the OCR fixes of 2026-11-30: each class with a layout or sentence of its own ---


@pytest.mark.parametrize(
    ("word", "suspect"),
    [
        ("negalive", True),  # "t" read as "l"
        ("pendlng", True),
        ("famiiy", True),
        ("hlstory", True),
        ("directed", False),  # real words that merely resemble a trigger ("detected", "significant")
        ("significance", False),
        ("selected", False),
    ],
)
def test_a_misread_qualifier_is_suspect_a_real_word_is_not(word: str, suspect: bool) -> None:
    from priorauth.text import suspect_word

    assert (suspect_word(f"KRAS G12C {word} here") == word) is suspect


def _doc(text: str, confs: dict[str, float]):  # type: ignore[no-untyped-def]
    """A scanned TextDoc of one page whose words have the given confidences (default 95)."""
    from priorauth.text.sources import TextDoc

    words = tuple(
        ocr.Word(m.start(), m.end(), confs.get(m.group(), 95.0), (0, 0, 1, 1)) for m in re.finditer(r"\S+", text)
    )
    page = ocr.Page(1, 0, len(text), (100, 100), words)
    return TextDoc("DocumentReference/x", None, "DocumentReference", "t", text, pages=(page,))


def test_marks_and_codes_beside_a_finding_do_not_make_it_doubtful() -> None:
    from priorauth.text import reading_of

    text = "BRAF  NM_004333.6  c.1799T>A  |  p.V600E  -  present\n"
    doc = _doc(text, {"|": 10.0, "-": 20.0, "NM_004333.6": 30.0, "c.1799T>A": 40.0})
    start = text.index("p.V600E")
    reading = reading_of(doc, start, text.index("present") + len("present"))
    assert reading is not None and reading.confident and reading.confidence == 95.0
    # the cited words themselves always count, and so does a doubtful word around them
    assert not reading_of(doc, text.index("c.1799T>A"), start + 7).confident
    doc = _doc(text.replace("present", "posible"), {"posible": 40.0})
    assert not reading_of(doc, start, start + 7).confident


@needs_tesseract
@pytest.mark.parametrize(
    "rid", ["ngs-code-line", "letter-directed", "ngs-wide-header", "summary-dot-leaders", "ngs-wide-cells"]
)
def test_new_layouts_read_like_their_twins_at_fax_quality(rid: str) -> None:
    """A result line of codes and marks Tesseract doubts while reading it right (re-read at twice the size),
    "G12C-directed" and "clinical significance" beside a finding, a header too wide for the page, results
    printed after dot leaders, a variant table whose cells are far apart (re-read cell by cell)."""
    scanned, digital, _ = scans.twin_charts(REPORTS[rid], "fax", "tiff")
    doc, twin = check(scanned), check(digital)
    assert scans.statuses(doc) == scans.statuses(twin)
    assert all(not e["low_confidence"] for e in kras(doc)["evidence"] if e.get("origin") == "ocr")


def test_no_printed_line_runs_past_the_page_edge() -> None:
    """A twin is what its page shows: a table too wide even in 8 pt wraps like prose; a long title is set smaller."""
    edge = scans.PAGE[0] - scans.MARGIN + 2
    for name in sorted(p.name for p in scans.HERE.glob("*documents*.yaml")):
        for r in scans.reports(name):
            assert scans.MARGIN + scans._font(scans.face(r), True, scans.title_size(r)).getlength(r.title) <= edge, r.id
            for _, _, cells in scans.layout(r):
                for x, cell, size in cells:
                    assert x + scans._font(scans.face(r), False, size).getlength(cell) <= edge, r.id


def ocr_seconds() -> float:
    return ocr.MAX_SECONDS


def test_ocr_in_a_service_worker_fits_inside_the_evaluation_limit() -> None:
    """A 20-page fax on a busy server (~26 s a page) would outlast the evaluation's limit (120 s by default):
    in the worker, OCR stops at 3/4 of it and says so, instead of the evaluation being killed."""
    from priorauth.service import pool

    assert pool.run(ocr_seconds, workers=1, timeout=40.0) == pytest.approx(30.0)
    assert pool.run(ocr_seconds, workers=1, timeout=10_000.0) == ocr.LIMIT_SECONDS
    assert pool.run(ocr_seconds, workers=0, timeout=40.0) == ocr.MAX_SECONDS  # in this thread: untouched


@pytest.mark.parametrize(
    ("line", "read"),
    [
        (["KRA5", "Gl2C"], ["KRAS", "G12C"]),  # "S" read as "5", "1" as "l"
        (["KR4S:", "612C"], ["KRAS:", "G12C"]),  # "G" read as "6" after the gene
        (["Variant", "p.GI2C"], ["Variant", "p.G12C"]),  # the p. prefix is context enough
        (["p.(Glyl2Cys)"], ["p.(Gly12Cys)"]),
        (["KRAS", "G12G"], ["KRAS", "G12G"]),  # a C read as G could be a D: never made a G12C
        (["KRAS", "6l2c"], ["KRAS", "6l2c"]),  # two letters misread: left alone
        (["NRAS", "Gl2C"], ["NRAS", "Gl2C"]),  # no KRAS, no p.: not a variant the reader cares for
        (["KRAS", "G12D", "G13C"], ["KRAS", "G12D", "G13C"]),
    ],
)
def test_ocr_confusions_in_the_words_that_matter_are_undone(line: list[str], read: list[str]) -> None:
    fixed = ocr.normalized(line)
    assert fixed == read
    assert [len(t) for t in fixed] == [len(t) for t in line]  # offsets into the OCR text stay stable


def _fake_scan(text: str, conf: float):  # type: ignore[no-untyped-def]
    words = tuple(ocr.Word(m.start(), m.end(), conf, (0, 0, 1, 1)) for m in re.finditer(r"\S+", text))
    return ocr.Scan(text, (ocr.Page(1, 0, len(text), (100, 100), words),))


@pytest.mark.parametrize(("conf", "status"), [(95.0, "met"), (40.0, "review")])
def test_an_absence_is_never_taken_from_an_unreliable_page(
    conf: float, status: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "No prior G12C inhibitor" is met by an absence; a scanned page read unreliably may hide the drug name,
    so the absence is then `review`, naming the page."""
    text = "Oncology progress note 2026-09-01\nRegimen history: carboplatin and pemetrexed, then docetaxel.\n"
    monkeypatch.setattr(ocr, "read", lambda raw, kind: _fake_scan(text, conf))
    doc = check(scans.chart(scans.document("scan1", b"II*\x00scan", "image/tiff")))
    c = next(c for c in doc["criteria"] if c["id"] == "no_prior_kras_g12c_inhibitor")
    assert c["status"] == status
    if status == "review":
        assert "DocumentReference/scan1 page 1" in c["summary"] and "read unreliably" in c["summary"]


@pytest.mark.parametrize(
    "notice",
    [
        "RECEIVED STAMP - WRONG PATIENT ON PAGE 1 - returned to sender",
        "This transmission belongs to another patient. Please destroy it.",
    ],
)
def test_a_document_for_another_patient_hides_nothing_of_this_one(notice: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """[ocr10-void-document] A scanned document that says it is another patient's states nothing about this one, so
    a page of it read unreliably does not doubt an absence ("no prior G12C inhibitor" stays met); a guard: the same
    page without the notice is `review`."""
    body = "Oncology note 2026-09-01\nPrior therapy: carboplatin and pemetrexed. KRAS G12C detected.\n"
    for text, status in ((f"{notice}\n{body}", "met"), (body, "review")):
        monkeypatch.setattr(ocr, "read", lambda raw, kind, text=text: _fake_scan(text, 40.0))
        ocr.clear_cache()
        doc = check(scans.chart(scans.document("scan1", b"II*\x00scan", "image/tiff")))
        c = next(c for c in doc["criteria"] if c["id"] == "no_prior_kras_g12c_inhibitor")
        assert c["status"] == status, (text, c["summary"])


def test_a_doubtful_drug_name_is_review_against_an_absence(monkeypatch: pytest.MonkeyPatch) -> None:
    """A confident `met` resting on an absence ("no prior G12C inhibitor") is `review` when the only word
    against it is a drug name read at low confidence: the absence was never shown."""
    text = "Progress note 2026-09-01\nPrior therapy: carboplatin and pemetrexed, then adagrasib in 2025.\n"
    scan = _fake_scan(text, 95.0)
    at = text.index("adagrasib")
    words = tuple(ocr.Word(w.start, w.end, 40.0 if w.start == at else w.conf, w.box) for w in scan.pages[0].words)
    page = ocr.Page(1, 0, len(text), (100, 100), words)
    monkeypatch.setattr(ocr, "read", lambda raw, kind: ocr.Scan(text, (page,)))
    doc = check(scans.chart(scans.document("scan1", b"II*\x00scan", "image/tiff")))
    c = next(c for c in doc["criteria"] if c["id"] == "no_prior_kras_g12c_inhibitor")
    assert c["status"] == "review" and "adagrasib" in c["summary"]


def _shapes_page() -> tuple[object, dict[str, tuple[int, int]]]:
    """A 300 dpi strip with check boxes (empty, crossed, checked, faintly marked) beside shapes that are
    no box: a filled square (a bullet), bold letters with straight sides or holes (B, D, H, n, O, 0)."""
    from PIL import Image, ImageDraw

    img = Image.new("L", (1400, 120), 255)
    draw = ImageDraw.Draw(img)
    at = {}
    for n, kind in enumerate(("empty", "cross", "check", "faint", "filled")):
        x, y = 40 + n * 90, 40
        at[kind] = (x, y)
        draw.rectangle((x, y, x + 38, y + 38), outline=0, width=4, fill=0 if kind == "filled" else 255)
        if kind == "cross":
            draw.line((x, y, x + 38, y + 38), fill=0, width=4)
            draw.line((x, y + 38, x + 38, y), fill=0, width=4)
        elif kind == "check":
            draw.line((x + 9, y + 20, x + 16, y + 29), fill=0, width=4)
            draw.line((x + 16, y + 29, x + 30, y + 9), fill=0, width=4)
        elif kind == "faint":
            draw.rectangle((x + 17, y + 17, x + 19, y + 21), fill=0)
    draw.text((520, 30), "B D H n O 0", font=scans._font("ngs", True, 14), fill=0)
    return img, at


def test_check_boxes_are_found_in_the_page_image_and_letters_are_not() -> None:
    img, at = _shapes_page()
    boxes = ocr.checkboxes(img, 42)
    found = {k: cb for k, xy in at.items() for cb in boxes if abs(cb.box[0] - xy[0]) + abs(cb.box[1] - xy[1]) <= 4}
    assert len(boxes) == 4 and set(found) == {"empty", "cross", "check", "faint"}
    assert not found["empty"].ticked and found["empty"].conf >= ocr.CONFIDENT
    assert found["cross"].ticked and found["cross"].conf >= ocr.CONFIDENT
    assert found["check"].ticked and found["check"].conf >= ocr.CONFIDENT
    assert found["faint"].ticked and found["faint"].conf < ocr.CONFIDENT  # a doubtful tick: review


def test_a_box_replaces_what_tesseract_read_in_it_and_never_a_word_that_matters() -> None:
    """Tesseract's "O" for an empty box goes; "QAt" (the box glued to a word) loses its first letter; a word
    that could decide a criterion ("not") is kept whole even where a box was seen."""
    data: dict[str, list] = {"text": [], "conf": [], "left": [], "top": [], "width": [], "height": []}
    words = (
        ("O", 100, 50),
        ("KRAS", 160, 50),
        ("QAt", 100, 150),
        ("least", 260, 150),
        ("not", 100, 250),
        ("seen", 240, 250),
    )
    for text, left, top in words:
        for key, value in zip(data, (text, 90.0, left, top, 40 * len(text), 40), strict=True):
            data[key].append(value)
    boxes = [ocr.Checkbox((98, top - 2, 42, 42), False, 95.0) for top in (50, 150, 250)]
    lines = ocr._with_checkboxes(data, [[0, 1], [2, 3], [4, 5]], boxes)
    assert [[data["text"][i] for i in ids] for ids in lines] == [
        [ocr.EMPTY_BOX, "KRAS"],
        [ocr.EMPTY_BOX, "At", "least"],
        [ocr.EMPTY_BOX, "not", "seen"],
    ]


@needs_tesseract
@pytest.mark.parametrize("level", ["fax", "fax_worst"])
def test_a_blank_checkbox_form_gives_no_met(level: str) -> None:
    """A payer's request form printed with empty boxes before its criteria (drawn ☐ and typed "[ ]"): a fax of
    it, read by OCR, states none of them; each box is read as a box, and KRAS stays `insufficient`."""
    report = REPORTS["form-blank-boxes"]
    scanned, digital, raw = scans.twin_charts(report, level, "tiff")
    doc, twin = scans.statuses(check(scanned)), scans.statuses(check(digital))
    assert doc["kras_g12c"] == twin["kras_g12c"] == "insufficient"
    assert not [k for k in doc if doc[k] == "met" and twin[k] != "met"]
    if level == "fax":
        assert doc == twin
    text = ocr.read(raw, "tiff").text
    assert text.count(ocr.EMPTY_BOX) == 4 and ocr.TICKED_BOX not in text


@needs_tesseract
def test_a_ticked_checkbox_is_read_as_ticked() -> None:
    report = REPORTS["form-ticked-boxes"]
    scanned, digital, raw = scans.twin_charts(report, "fax", "tiff")
    doc, twin = scans.statuses(check(scanned)), scans.statuses(check(digital))
    assert doc == twin and doc["kras_g12c"] == "met"
    lines = ocr.read(raw, "tiff").text.splitlines()
    assert next(x for x in lines if "G12C" in x).startswith(ocr.TICKED_BOX)
    assert next(x for x in lines if "interstitial" in x).startswith(ocr.EMPTY_BOX)


# --- the OCR fixes of 2026-11-30, second pass (held-out v3 read): each class with a layout of its own ---


def test_dot_leaders_are_erased_and_an_ellipsis_is_not() -> None:
    from PIL import Image, ImageDraw

    img = Image.new("L", (2550, 300), 255)
    draw = ImageDraw.Draw(img)
    font = scans._font("ngs", False, 12)
    draw.text((150, 50), "KRAS G12C ........................ Negative", font=font, fill=0)
    draw.text((150, 150), "Result pending... see addendum. Done.", font=font, fill=0)
    clean = ocr.without_dot_leaders(img)
    import numpy as np

    before, after = np.asarray(img) < 128, np.asarray(clean) < 128
    leader = slice(150 + int(font.getlength("KRAS G12C ")), 150 + int(font.getlength("KRAS G12C ....................")))
    assert before[40:110, leader].sum() > 0 and after[40:110, leader].sum() == 0
    assert (before[140:220] == after[140:220]).all()  # the ellipsis and the full stops stay
    label = slice(150, 150 + int(font.getlength("KRAS G12C")))
    assert after[40:110, label].sum() == before[40:110, label].sum() > 0  # the label stays


def test_leader_debris_between_a_label_and_its_value_is_dropped() -> None:
    """Left in, "." would end the sentence before "Negative", and "_..." would push it out of the negation's scope."""
    data: dict[str, list] = {"text": [], "conf": [], "left": [], "top": [], "width": [], "height": []}
    for text, left in (("KRAS", 100), ("G12C", 200), ("_...", 400), (".", 600), ("Negative", 800), (".", 1010)):
        for key, value in zip(data, (text, 90.0, left, 50, 20 * len(text), 40), strict=True):
            data[key].append(value)
    kept = ocr._without_debris(data, list(range(6)))
    assert [data["text"][i] for i in kept] == ["KRAS", "G12C", "Negative", "."]  # a line's last mark stays


def test_a_finding_is_not_doubted_for_another_table_row_of_its_sentence() -> None:
    """A variant table read as one sentence: the next row's gene symbol or class, doubtful, says nothing of
    this row's G12C; a misread negation there ("nol"), or a doubtful word on a prose line, still does."""
    from priorauth.text import reading_of

    text = "Gene  Change  Class\nKRAS  p.G12C  Oncogenic\nKEAP1  p.R470C  Uncertain"
    at = text.index("p.G12C")
    focus = (at, at + 6)
    assert reading_of(_doc(text, {"KEAP1": 40.0, "Uncertain": 40.0}), 0, len(text), focus).confident
    assert not reading_of(_doc(text.replace("Uncertain", "nol"), {"nol": 40.0}), 0, len(text), focus).confident
    prose = "The report shows KRAS p.G12C\nwhich was confirmed by the lab"
    at = prose.index("p.G12C")
    assert not reading_of(_doc(prose, {"confirmed": 40.0}), 0, len(prose), (at, at + 6)).confident


def test_a_word_before_the_sentence_qualifies_it_only_if_it_looks_forward() -> None:
    """ "was not stated. The report shows KRAS G12C": "stated" could be "started" misread, but "not started"
    negates what comes before it (the previous sentence); a misread forward trigger before the finding's
    sentence on its line ("Famiiy" for "Family") is still suspect."""
    from priorauth.text import reading_of

    text = "The method was not stated. The\nreport shows KRAS G12C mutation."
    start = text.index("The\n")
    at = text.index("G12C")
    assert reading_of(_doc(text, {}), start, len(text), (at, at + 4)).confident
    text = "Famiiy: The\nreport shows KRAS G12C mutation."
    start, at = text.index("The"), text.index("G12C")
    assert not reading_of(_doc(text, {}), start, len(text), (at, at + 4)).confident


def test_quality_script_knows_the_later_sets(capsys: pytest.CaptureFixture[str]) -> None:
    """v4 to v29 are development sets; v30 (written blind while v29 is read) and v31 (to be written while v30 is read)
    are absent until merged: the script says so in one line and scores nothing, never a traceback."""
    import importlib.util

    from tests.conftest import ROOT

    spec = importlib.util.spec_from_file_location("ocr_quality", ROOT / "scripts/ocr_quality.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.SETS["heldout4"] == "heldout_documents4.yaml"
    assert module.SETS["heldout5"] == "heldout_documents5.yaml"
    assert module.SETS["heldout6"] == "heldout_documents6.yaml"
    assert module.SETS["heldout7"] == "heldout_documents7.yaml"
    assert module.SETS["heldout8"] == "heldout_documents8.yaml"
    assert module.SETS["heldout9"] == "heldout_documents9.yaml"
    assert module.SETS["heldout10"] == "heldout_documents10.yaml"
    assert module.SETS["heldout11"] == "heldout_documents11.yaml"
    assert module.SETS["heldout12"] == "heldout_documents12.yaml"
    assert module.SETS["heldout13"] == "heldout_documents13.yaml"
    assert module.SETS["heldout14"] == "heldout_documents14.yaml"
    assert module.SETS["heldout15"] == "heldout_documents15.yaml"
    assert module.SETS["heldout16"] == "heldout_documents16.yaml"
    assert module.SETS["heldout17"] == "heldout_documents17.yaml"
    assert module.SETS["heldout18"] == "heldout_documents18.yaml"
    assert module.SETS["heldout19"] == "heldout_documents19.yaml"
    assert module.SETS["heldout20"] == "heldout_documents20.yaml"
    assert module.SETS["heldout21"] == "heldout_documents21.yaml"
    assert module.SETS["heldout22"] == "heldout_documents22.yaml"
    assert module.SETS["heldout23"] == "heldout_documents23.yaml"
    assert module.SETS["heldout24"] == "heldout_documents24.yaml"
    assert module.SETS["heldout25"] == "heldout_documents25.yaml"
    assert module.SETS["heldout26"] == "heldout_documents26.yaml"
    assert module.SETS["heldout27"] == "heldout_documents27.yaml"
    assert module.SETS["heldout28"] == "heldout_documents28.yaml"
    assert module.SETS["heldout29"] == "heldout_documents29.yaml"
    assert module.SETS["heldout30"] == "heldout_documents30.yaml"
    assert module.SETS["heldout31"] == "heldout_documents31.yaml"
    assert module.SETS["heldout32"] == "heldout_documents32.yaml"
    assert module.SETS["heldout33"] == "heldout_documents33.yaml"
    assert module.SETS["heldout34"] == "heldout_documents34.yaml"
    assert module.SETS["heldout35"] == "heldout_documents35.yaml"
    assert module.SETS["heldout36"] == "heldout_documents36.yaml"
    assert module.SETS["heldout37"] == "heldout_documents37.yaml"
    assert module.SETS["heldout38"] == "heldout_documents38.yaml"
    assert "development set" in module.__doc__ and "absent until merged" in module.__doc__
    for name in ("heldout37", "heldout38"):
        if not (scans.HERE / f"heldout_documents{name[7:]}.yaml").exists() and ocr.tesseract_version():
            assert module.main(["--set", name]) == 2
            err = capsys.readouterr().err
            assert f"heldout_documents{name[7:]}.yaml is absent (not merged yet)" in err and "Traceback" not in err


# --- held-out v4's classes (issue 17's fifth pass), with layouts and sentences of our own ---------------------------


@needs_tesseract
@pytest.mark.parametrize("rid", ["plasma-bar-row", "boxed-biomarkers", "gene-grid", "methods-coverage-table"])
def test_v4_layouts_read_like_their_twins_at_fax_quality(rid: str) -> None:
    """A bar of allele fractions read as letters in another cell of the row, a gene symbol printed in a box
    ("[ KRAS ]"), a four-column grid whose other genes Tesseract doubts, an assay's coverage table: each twin reads
    as its digital original, and the KRAS finding (if any) is confident."""
    scanned, digital, _ = scans.twin_charts(REPORTS[rid], "fax", "tiff")
    doc, twin = check(scanned), check(digital)
    assert scans.statuses(doc) == scans.statuses(twin)
    assert kras(twin)["status"] == {"plasma-bar-row": "met", "boxed-biomarkers": "met", "gene-grid": "not_met"}.get(
        rid, "insufficient"
    )
    assert all(not e["low_confidence"] for e in kras(doc)["evidence"] if e.get("origin") == "ocr")


@needs_tesseract
def test_a_coverage_table_at_the_worst_level_is_never_a_met() -> None:
    """An assay's table of the variants it can report is no result, however the scan splits its sentences."""
    scanned, digital, _ = scans.twin_charts(REPORTS["methods-coverage-table"], "fax_worst", "tiff")
    assert kras(check(scanned))["status"] != "met" and kras(check(digital))["status"] == "insufficient"


@pytest.mark.parametrize(
    ("text", "doubtful", "confident"),
    [
        # another cell of the row: a gene symbol, a bar read as letters, a value
        ("ALK  not detected  EGFR L858R detected  KRAS not detected  ROS1  not detected\n", "EGFR", True),
        ("KRAS G12C  MT  1.6\n", "MT", True),
        ("KRAS G12C  |||||||  TT  0.4\n", "TT", True),
        # a word of the finding's own cell, and a trigger or a result word in another cell, still count
        ("KRAS G12C  Nol detected\n", "Nol", False),
        ("Gene  KRAS G12C  negatlve  VAF 0\n", "negatlve", False),
        ("KRAS G12C  Detected\n", "Detected", False),
        ("KRAS p.G12C detected in tissue\n", "tissue", False),
    ],
)
def test_other_cells_of_a_row_doubt_a_finding_only_by_a_trigger_or_result_word(
    text: str, doubtful: str, confident: bool
) -> None:
    from priorauth.text import reading_of

    doc = _doc(text, {doubtful: 30.0})
    m = re.search(r"KRAS(?: p\.)? ?(?:G12C|not detected)", text)
    assert m is not None
    line_end = text.index("\n")
    assert reading_of(doc, 0, line_end, (m.start(), m.end())).confident is confident


@pytest.mark.parametrize(("conf", "status"), [(95.0, "review"), (30.0, "review")])
def test_a_confident_met_does_not_stand_against_a_doubtful_contradiction(
    conf: float, status: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A G12C read confidently and a "KRAS wild type" row read at 30%: the doubtful row may be what the page
    states plainly, so `review`, never `met` (the digital twin is `review` too, a conflict)."""
    text = "Molecular summary 2026-09-01\nComment: KRAS G12C was reported.\n\nGene  Exon 2  Exon 3\nKRAS  wild type  wild type\n"
    scan = _fake_scan(text, 95.0)
    at = text.index("wild type")
    words = tuple(ocr.Word(w.start, w.end, conf if w.start >= at else w.conf, w.box) for w in scan.pages[0].words)
    monkeypatch.setattr(ocr, "read", lambda raw, kind: ocr.Scan(text, (ocr.Page(1, 0, len(text), (100, 100), words),)))
    assert kras(check(scans.chart(scans.document("scan1", b"II*\x00scan", "image/tiff"))))["status"] == status


def test_a_confident_met_with_nothing_against_it_stays_met(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Molecular summary 2026-09-01\nComment: KRAS G12C was reported.\n\nGene  Exon 2\nBRAF  wild type\n"
    scan = _fake_scan(text, 95.0)
    at = text.index("BRAF")
    words = tuple(ocr.Word(w.start, w.end, 30.0 if w.start >= at else w.conf, w.box) for w in scan.pages[0].words)
    monkeypatch.setattr(ocr, "read", lambda raw, kind: ocr.Scan(text, (ocr.Page(1, 0, len(text), (100, 100), words),)))
    assert kras(check(scans.chart(scans.document("scan1", b"II*\x00scan", "image/tiff"))))["status"] == "met"


# --- held-out v5's classes (issue 17's sixth pass), with layouts and sentences of our own ---------------------------


@pytest.mark.parametrize(
    ("garbled", "conf", "status"),
    [
        ("adagrasib", 40.0, "met"),  # a known name read doubtfully is the name: the reader finds it (not_met)
        ("aoagresib", 30.0, "review"),  # a misread name, doubted: the absence is not read on this page
        # [ocr10-requested-drug-misread] the requested drug misread hides no other G12C inhibitor (the criterion leaves
        # the requested drug out): the absence stands (before the twelfth pass this case was `review`)
        ("sotorasih", 20.0, "met"),
        ("aoagresib", 95.0, "met"),  # read confidently: a word, not a drug (no name hidden)
        ("platinum", 30.0, "review"),  # a doubted word one letter from a drug ("platinol"): it may be that drug
    ],
)
def test_a_misread_drug_name_stops_an_absence(
    garbled: str, conf: float, status: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "No prior G12C inhibitor" is met by an absence; a page holding a doubtful word that is one or two letters
    from a drug's name ("aoagresib") may hide the drug, so the absence is `review`, naming the word."""
    text = f"Clinic letter 2026-09-01\nEarlier treatment included carboplatin doublet and {garbled} in 2025.\n"
    scan = _fake_scan(text, 95.0)
    at = text.index(garbled)
    words = tuple(ocr.Word(w.start, w.end, conf if w.start == at else w.conf, w.box) for w in scan.pages[0].words)
    page = ocr.Page(1, 0, len(text), (100, 100), words)
    monkeypatch.setattr(ocr, "read", lambda raw, kind: ocr.Scan(text, (page,)))
    c = next(
        c
        for c in check(scans.chart(scans.document("scan1", b"II*\x00scan", "image/tiff")))["criteria"]
        if c["id"] == "no_prior_kras_g12c_inhibitor"
    )
    if garbled == "adagrasib":
        assert c["status"] in ("not_met", "review")
        return
    assert c["status"] == status, c["summary"]
    if status == "review":
        assert f"'{garbled}'" in c["summary"]


V5_LAYOUTS = {
    r.id: r
    for r in (
        scans.Report(
            "misrouted-cover",
            "letter",
            "Fax notice",
            (
                "RIVERBEND CLINIC LABORATORY - RECORDS OFFICE",
                "NOTICE: MISROUTED FAX",
                "The page below reached your clinic by mistake. It belongs to another patient",
                "and must not be filed in your patient's chart. Please shred it.",
                "Patient: Okafor-Lind, Tamsin   DOB 03/04/1950",
                "Specimen: lung, left lower lobe, needle core",
                "KRAS G12C: DETECTED (VAF 17%)   Reported 10/02/2026",
            ),
            {"kras": "none", "specimen": "unknown"},
        ),
        scans.Report(
            "checklist-boxes",
            "pathology",
            "Resection checklist",
            (
                "HILLCREST HOSPITAL - LUNG RESECTION CHECKLIST",
                "Patient: Varga, Milo   DOB 11/09/1955   Case HH-26-0412",
                "Specimen:   ☐ Wedge    ☒ Lobectomy    ☐ Pneumonectomy",
                "MOLECULAR STUDIES (block B2, NGS)",
                "EGFR:    ☒ No mutation detected    ☐ Mutation detected",
                "KRAS:    ☐ No mutation detected    ☒ G12C detected    ☐ Other",
                "Signed 06/02/2026",
            ),
            {"kras": "g12c_present", "specimen": "tissue"},
        ),
        scans.Report(
            "arrow-blocks",
            "ngs",
            "Therapy matches",
            (
                "LIQUID BIOPSY - PAGE 3 - MATCHED THERAPIES",
                "Patient: Ortega, Ines   Collected 07/14/2026 (plasma)",
                "▶ KRAS G12C  (ctDNA fraction 0.8%)",
                "Approved for this indication ......... sotorasib; adagrasib",
                "▶ STK11 loss",
                "Approved for this indication ......... none",
            ),
            {"kras": "g12c_present", "specimen": "plasma"},
        ),
    )
}


@needs_tesseract
@pytest.mark.parametrize("rid", list(V5_LAYOUTS))
def test_v5_layouts_read_like_their_twins_at_fax_quality(rid: str) -> None:
    """A misrouted-fax notice before another patient's page, a checklist whose box frames a fax breaks, an arrow
    bullet Tesseract reads as letters before a gene and variant it glues together: each twin reads as its digital
    original at normal fax quality."""
    scanned, digital, _ = scans.twin_charts(V5_LAYOUTS[rid], "fax", "tiff")
    doc, twin = check(scanned), check(digital)
    want = {"misrouted-cover": "insufficient", "checklist-boxes": "met", "arrow-blocks": "met"}[rid]
    assert kras(twin)["status"] == want
    assert scans.statuses(doc) == scans.statuses(twin)


@needs_tesseract
@pytest.mark.parametrize("rid", list(V5_LAYOUTS))
def test_v5_layouts_at_the_worst_level_never_met_where_the_twin_is_not(rid: str) -> None:
    scanned, digital, _ = scans.twin_charts(V5_LAYOUTS[rid], "fax_worst", "tiff")
    doc, twin = scans.statuses(check(scanned)), scans.statuses(check(digital))
    assert not [k for k in twin if doc[k] == "met" and twin[k] != "met"], (doc, twin)


# --- held-out OCR v6's classes (issue 17's seventh pass), with layouts and sentences of our own --------------------
# Reader rules (digital text): [ocr6-coverage-parenthesis], [ocr6-assay-limitation], [ocr6-criteria-heading].

_LUNG_TISSUE = "Lung adenocarcinoma, tumor tissue NGS, collected 2026-09-14\n"
_PLASMA = "Lung cancer ctDNA (plasma) panel, drawn 2026-09-14\n"
_PAYER = "Summit Valley Health Plan\n"


def _kras_of(text: str) -> str:
    chart = scans.chart(scans.document("doc1", text.encode(), "text/plain", "Report"))
    return kras(check(chart))["status"]


@pytest.mark.parametrize(
    ("text", "allowed"),
    [
        # a parenthesis naming what the assay looked at: never a G12C result
        (_LUNG_TISSUE + "KRAS      none (G12C, G12V, G13D interrogated)\n", {"insufficient", "not_met"}),
        (_LUNG_TISSUE + "KRAS    wild type [codons 12/13/61 incl. G12C tested]\n", {"insufficient", "not_met"}),
        (_LUNG_TISSUE + "KRAS: no pathogenic variant (hotspots G12C, G12D covered)\n", {"insufficient", "not_met"}),
        (_LUNG_TISSUE + "KRAS result - negative (p.G12C / p.G12A / p.Q61L examined)\n", {"insufficient", "not_met"}),
        (_PLASMA + "KRAS   nothing found (G12C and G12S screened)\n", {"insufficient", "not_met"}),
        (_PLASMA + "KRAS   not seen (variants in scope: G12C, G12R analysed)\n", {"insufficient", "not_met"}),
        # guards: a result before the parenthesis keeps it
        (_LUNG_TISSUE + "KRAS    G12C detected (exon 2 codons 12/13 assessed)\n", {"met"}),
        (_LUNG_TISSUE + "KRAS p.G12C found, VAF 14% (exons 2, 3, 4 sequenced)\n", {"met"}),
        (_PLASMA + "KRAS G12C DETECTED 0.9% (codons 12 and 13 covered)\n", {"met"}),
        # what an assay cannot see: a limitation, not a result
        (_LUNG_TISSUE + "Caveat: this expression panel does not detect SNVs such as KRAS G12C.\n", {"insufficient"}),
        (
            _LUNG_TISSUE + "Fusion assays cannot identify single-base changes (KRAS G12C among them).\n",
            {"insufficient"},
        ),
        (_LUNG_TISSUE + "The RNA panel is not designed to detect KRAS G12C; see the DNA report.\n", {"insufficient"}),
        (_LUNG_TISSUE + "Note: immunostains do not assess KRAS G12C or EGFR status.\n", {"insufficient"}),
        (_LUNG_TISSUE + "This method is unable to capture KRAS G12C or other point mutations.\n", {"insufficient"}),
        (_LUNG_TISSUE + "The assay will not detect KRAS G12C, BRAF V600E or other hotspots.\n", {"insufficient"}),
        # guards: a result beside a limitation keeps it
        (_LUNG_TISSUE + "KRAS G12C identified. This DNA panel does not detect ALK fusions.\n", {"met"}),
        (_LUNG_TISSUE + "ROS1 rearrangements cannot be assessed by this assay. KRAS G12C is present.\n", {"met"}),
        # a criteria heading without a colon: its numbered items are the payer's criteria
        (
            _PAYER + "III. INITIAL APPROVAL CRITERIA - LUNG (all must be met)\n  1. Age 18 or older;\n"
            "  2. Tumor harbors a KRAS G12C mutation per an approved test;\n",
            {"insufficient"},
        ),
        (
            _PAYER + "Coverage requirements for this drug (each required)\n  1. Advanced NSCLC\n"
            "  2. KRAS G12C-positive disease\n",
            {"insufficient"},
        ),
        (
            _PAYER + "PRIOR AUTHORIZATION ELIGIBILITY CRITERIA\n a) Stage IV NSCLC\n b) KRAS G12C present\n",
            {"insufficient"},
        ),
        # guards: a report's numbered findings under a heading that is no criteria heading
        (_LUNG_TISSUE + "GENOMIC FINDINGS\n 1. KRAS G12C detected (VAF 21%)\n 2. STK11 loss\n", {"met"}),
        (_LUNG_TISSUE + "Results summary\n 1. KRAS G12C detected (VAF 21%)\n", {"met"}),
    ],
)
def test_v6_reader_classes(text: str, allowed: set[str]) -> None:
    assert _kras_of(text) in allowed


@pytest.mark.parametrize(
    "line",
    [
        "On adagrasib since 2026-05; the fusion panel does not detect KRAS G12C.",
        "Received adagrasib from 05/2026. This assay cannot detect KRAS G12C.",
    ],
)
def test_an_assay_limitation_leaves_a_drug_given(line: str) -> None:
    """[ocr6-assay-limitation] is for KRAS findings only: a drug given beside what an assay cannot see stays given."""
    chart = scans.chart(scans.document("doc1", (_LUNG_TISSUE + line + "\n").encode(), "text/plain", "Note"))
    c = next(c for c in check(chart)["criteria"] if c["id"] == "no_prior_kras_g12c_inhibitor")
    assert c["status"] == "not_met"


V6_LAYOUTS = {
    r.id: r
    for r in (
        scans.Report(
            "coverage-row",
            "ngs",
            "Plasma gene table",
            (
                "BRIGHTWATER GENOMICS - cfDNA LUNG PANEL",
                "Patient: Haldane, Rosalind   Drawn 08/19/2026   Specimen: plasma (Streck tubes)",
                "Gene       Finding",
                "KRAS       none (G12C, G12A, G13D, Q61H assessed)",
                "EGFR       none",
                "TP53       R248Q   1.1%",
                "Summary: no KRAS variant found in this draw.",
            ),
            {"kras": "g12c_absent", "specimen": "plasma"},
        ),
        scans.Report(
            "rna-limitation",
            "ngs",
            "Fusion panel",
            (
                "ASHCOMBE MOLECULAR - RNA FUSION SCREEN",
                "Patient: Doyle-Marsh, Perpetua   Block A3, lung core, received 09/02/2026",
                "ALK        no fusion",
                "RET        no fusion",
                "Comment: this assay cannot detect point mutations (KRAS G12C, for instance);",
                "refer to the separate DNA panel.",
            ),
            {"kras": "none", "specimen": "unknown"},
        ),
        scans.Report(
            "policy-criteria",
            "letter",
            "Policy page",
            (
                "HARROWGATE CARE PLAN - DRUG POLICY ONC-88 (SOTORASIB)",
                "A. INITIAL APPROVAL CRITERIA (all must be met)",
                "   1. Adult with metastatic non-small cell lung cancer;",
                "   2. Tumor carries a KRAS G12C mutation on a validated assay;",
                "   3. Progression after one prior systemic regimen.",
                "B. RENEWAL: stable disease or response.",
            ),
            {"kras": "none", "specimen": "unknown"},
        ),
    )
}


@needs_tesseract
@pytest.mark.parametrize("rid", list(V6_LAYOUTS))
def test_v6_layouts_read_like_their_twins_at_fax_quality(rid: str) -> None:
    """A gene row whose parenthesis lists what was assessed, an RNA panel naming what it cannot detect, a payer's
    criteria under a heading without a colon: never a G12C `met`, and each twin reads as its digital original."""
    scanned, digital, _ = scans.twin_charts(V6_LAYOUTS[rid], "fax", "tiff")
    doc, twin = check(scanned), check(digital)
    assert kras(twin)["status"] == "insufficient"
    assert scans.statuses(doc) == scans.statuses(twin)


@needs_tesseract
@pytest.mark.parametrize("rid", list(V6_LAYOUTS))
def test_v6_layouts_at_the_worst_level_never_met_where_the_twin_is_not(rid: str) -> None:
    scanned, digital, _ = scans.twin_charts(V6_LAYOUTS[rid], "fax_worst", "tiff")
    doc, twin = scans.statuses(check(scanned)), scans.statuses(check(digital))
    assert not [k for k in twin if doc[k] == "met" and twin[k] != "met"], (doc, twin)


@pytest.mark.parametrize(
    ("label", "confident"),
    [
        ("Variant:", True),  # a field's label, doubtful, names the field: the value keeps its confidence
        ("Alteration:", True),
        ("Protein:", True),
        ("Specimen:", True),
        ("Mutation:", False),  # a result word ("mutation" / "no mutation"): still counts
        ("Change:", True),
        ("Famiiy:", False),  # a label that may be a misread trigger ("Family:") still doubts the finding
        ("Negalive:", False),
        ("Pending:", False),  # a trigger word itself
        ("Possible:", False),
        ("Variant", False),  # no colon: a word, not a label
    ],
)
def test_a_doubtful_field_label_does_not_doubt_its_value(label: str, confident: bool) -> None:
    from priorauth.text import reading_of

    text = f"Gene: KRAS  {label} p.Gly12Cys (c.34G>T)  VAF: 6.1%  Class: Pathogenic"
    at = text.index("p.Gly12Cys")
    doc = _doc(text, {label: 55.0})
    assert reading_of(doc, 0, len(text), (at, at + 10)).confident is confident
    assert not reading_of(doc, 0, len(text), (text.index(label), at + 10)).confident  # the label cited: it counts


def test_a_doubtful_word_with_a_colon_after_the_finding_still_counts() -> None:
    """[ocr6-field-label] A drug read "sotorasib:" at a line's end, after a conditional's G12C, is no field label:
    doubtful, it still doubts the finding (a worst-level `met` while building, the twin `insufficient`)."""
    from priorauth.text import reading_of

    text = "- Were the panel to find KRAS G12C, we plan to use sotorasib:\n(LUMAKRAS)."
    at = text.index("G12C")
    assert not reading_of(_doc(text, {"sotorasib:": 19.0}), 0, len(text), (at, at + 4)).confident
    text = "Result line  Variant: KRAS G12C"
    at = text.index("G12C")
    assert reading_of(_doc(text, {"Variant:": 40.0}), 0, len(text), (at, at + 4)).confident


# --- held-out OCR v7's classes (issue 17's eighth pass), with layouts and sentences of our own --------------------
# Reader rules (digital text): [ocr7-variant-list], [ocr7-example], [ocr7-policy-banner], [ocr7-gene-row];
# OCR confidence: [ocr7-after-sentence], [ocr7-note-label].


@pytest.mark.parametrize(
    ("text", "allowed"),
    [
        # a reportable range whose cells a scan closed to single spaces: a list of what is covered, no result
        (
            _LUNG_TISSUE + "Reportable range (hotspots interrogated):\nKRAS G12A G12C G12D G12R G12V G13D\n",
            {"insufficient"},
        ),
        (_LUNG_TISSUE + "Targeted codons:\n KRAS G12C G12S G13C Q61K A146T\n NRAS G12C Q61R\n", {"insufficient"}),
        (_PLASMA + "Assay content\nKRAS p.G12C p.G12D p.G12V p.Q61H\nEGFR L858R T790M C797S\n", {"insufficient"}),
        (_LUNG_TISSUE + "METHODS\nHotspots: KRAS G12C, G12D, G12V, G13D, Q61L\n", {"insufficient"}),
        # guards: a list of variants found is a result, however it is spaced
        (_LUNG_TISSUE + "Variants detected:\nKRAS G12C  TP53 R273H  STK11 Q37*\n", {"met"}),
        (_LUNG_TISSUE + "Results: KRAS G12C, TP53 R273H, KEAP1 G333C\n", {"met"}),
        (_LUNG_TISSUE + "Reportable range: see methods.\nKRAS G12C detected, VAF 18%\n", {"met"}),
        # a variant named as an example in a parenthesis (and a scan's G12G read as G12C): no result
        (
            _LUNG_TISSUE + "Silent changes (e.g. KRAS p.G12C) and variants under the LoD are not\nreported.\n",
            {"insufficient"},
        ),
        (
            _LUNG_TISSUE + "Codon 12 substitutions (for example G12C or G12V) are reported on page 1.\n",
            {"insufficient"},
        ),
        (_PLASMA + "Low-level calls [such as KRAS G12C near the cut-off] need a repeat draw.\n", {"insufficient"}),
        (_LUNG_TISSUE + "Benign polymorphisms (eg KRAS G12C) are filtered out.\n", {"insufficient"}),
        # guards: an example parenthesis with a result in it, a result before it, a parenthesis that is no example
        (_LUNG_TISSUE + "KRAS mutation detected (e.g. G12C at 14% VAF)\n", {"met"}),
        (_LUNG_TISSUE + "KRAS p.G12C detected (c.34G>T, VAF 21%)\n", {"met"}),
        (_LUNG_TISSUE + "KRAS G12C present (e.g. targetable by sotorasib)\n", {"met"}),
        # a payer's policy whose title is one cell of a banner: the whole document is the policy
        (
            "ASHFORD MUTUAL PLAN   Medical Policy MP-203   Adagrasib\nEffective 2026-03-01\n"
            "1) metastatic NSCLC;          1) metastatic CRC;\n2) KRAS G12C mutation on an approved test\n",
            {"insufficient"},
        ),
        (
            "Clinical policy CP-77 | Page 2 of 4\nA. Lung: KRAS G12C-mutated disease confirmed by NGS;\n"
            "B. Colon: KRAS G12C with cetuximab.\n",
            {"insufficient"},
        ),
        (
            "BAYSIDE CARE   Medical! Policy 4471   Sotorasib\nCriteria list\nb) KRAS G12C mutation by an approved test;\n",
            {"insufficient"},
        ),
        # guards: a payer's letter about a member, a report whose banner names no policy
        (
            "ASHFORD MUTUAL PLAN   Medical Policy MP-203   Adagrasib\nMember: Quill, Oren   DOB 1957-02-11\n"
            "The submitted report shows KRAS G12C detected in tissue.\n",
            {"met"},
        ),
        ("ORCHARD GENOMICS   Solid Panel 50   Report OG-1\n" + _LUNG_TISSUE + "KRAS G12C detected\n", {"met"}),
        # two gene rows whose dot leaders a scan erased: the next row's negation is not this row's
        (
            _LUNG_TISSUE + "KRAS  c.34G>T p.(Gly12Cys)  VAF 33%  - MUTATION DETECTED\nEGFR  No mutation detected\n",
            {"met"},
        ),
        (
            _LUNG_TISSUE + "KRAS  p.G12C (c.34G>T) found in 40% of reads here\nBRAF  Not detected\nALK  No fusion\n",
            {"met"},
        ),
        (_LUNG_TISSUE + "KRAS  No mutation detected in codons 12 or 13 at all\nEGFR  L858R detected\n", {"not_met"}),
    ],
)
def test_v7_reader_classes(text: str, allowed: set[str]) -> None:
    assert _kras_of(text) in allowed


@pytest.mark.parametrize(
    ("line", "doubtful", "confident"),
    [
        # a doubtful word after the finding's sentence has ended on its line: the next sentence's
        ("Trace KRAS G12C detected in plasma; above the assay's cut-off.", "assay's", True),
        ("KRAS G12C detected. Reviewed by the molecular board today.", "Reviewed", True),
        # still counts: a trigger or result word (or one misread) after the end, a word inside the sentence
        ("KRAS G12C detected; not confirmed on repeat.", "not", False),
        ("KRAS G12C detected; negalive on repeat.", "negalive", False),
        ("KRAS G12C detected in the assay's plasma run; see page 2.", "assay's", False),
    ],
)
def test_a_doubtful_word_after_the_sentence_doubts_it_only_if_it_looks_like_a_trigger(
    line: str, doubtful: str, confident: bool
) -> None:
    from priorauth.text import reading_of

    text = line + "\n"
    at = text.index("G12C")
    end = text.index(";") + 1 if ";" in text else text.index(".") + 1
    doc = _doc(text, {doubtful: 50.0})
    reading = reading_of(doc, 0, end, (at, at + 4))
    assert reading is not None and reading.confident is confident


@pytest.mark.parametrize(
    ("text", "suspect"),
    [
        ("| Note: KRAS codon 12 change. G12C is not present.", None),  # a label, not "not" glued to a letter
        ("NOTE: G12C is not present.", None),
        ("Norm: G12C absent.", None),
        ("Result nota G12C.", "nota"),  # "not a" glued stays suspect
        ("Nota: KRAS G12C detectado.", None),  # the Portuguese/Spanish/Italian label
        ("Notes G12C absent.", None),
    ],
)
def test_a_real_word_used_as_a_label_is_not_a_glued_negation(text: str, suspect: str | None) -> None:
    from priorauth.text import suspect_word

    assert suspect_word(text, forward=True) == suspect


def test_a_misread_drug_on_a_policy_page_stops_no_absence(monkeypatch: pytest.MonkeyPatch) -> None:
    """[ocr7-policy-banner] A payer's policy names no patient: a drug misread on it hides none of the patient's
    therapy, so "no prior G12C inhibitor" is not made `review` by it (a clinic letter's misread drug still is, above)."""
    text = "NORTHFIELD PLAN   Medical Policy RX-12   Sotorasib\nb) given with panitumumb or adagrasib per label;\n"
    scan = _fake_scan(text, 95.0)
    at = text.index("panitumumb")
    words = tuple(ocr.Word(w.start, w.end, 30.0 if w.start == at else w.conf, w.box) for w in scan.pages[0].words)
    page = ocr.Page(1, 0, len(text), (100, 100), words)
    monkeypatch.setattr(ocr, "read", lambda raw, kind: ocr.Scan(text, (page,)))
    c = next(
        c
        for c in check(scans.chart(scans.document("scan1", b"II*\x00scan", "image/tiff")))["criteria"]
        if c["id"] == "no_prior_kras_g12c_inhibitor"
    )
    assert c["status"] == "met", c["summary"]


V7_LAYOUTS = {
    r.id: r
    for r in (
        scans.Report(
            "reportable-range-list",
            "ngs",
            "Methods page",
            (
                "THORNBURY MOLECULAR  |  Lung Hotspot 30  |  Methods  |  Page 2 of 2",
                "Patient: Varga-Ellison, Marit   DOB 1951-06-02   Accession TM-26-5512",
                "Targets tested (hotspot codons):",
                "  KRAS   G12C  G12D  G12V  G12A  G13D  Q61H  Q61R",
                "  BRAF   V600E  G469A  K601E",
                "Silent codon changes (for instance KRAS p.G12G) are not reported.",
                "No patient result is printed on this page.",
            ),
            {"kras": "none", "specimen": "unknown"},
        ),
        scans.Report(
            "leader-gene-rows",
            "ngs",
            "Somatic report",
            (
                "CALDERWOOD GENOMICS  .  Tumour Mutation Report",
                "Patient ....................... Okafor-Lind, Bastian",
                "Sample ........................ lung adenocarcinoma resection, FFPE",
                "KRAS .......................... p.(Gly12Cys) c.34G>T  VAF 27%  MUTATION DETECTED",
                "EGFR .......................... No mutation detected",
                "BRAF .......................... No mutation detected",
                "Summary ....................... KRAS G12C mutated tumour.",
            ),
            {"kras": "g12c_present", "specimen": "tissue"},
        ),
        scans.Report(
            "policy-banner",
            "letter",
            "Policy page",
            (
                "WILLOWMERE HEALTH PLAN   Medical Policy ONC-318   Adagrasib (Krazati)",
                "Effective 2026-05-01                     Page 1 of 1",
                "A. Lung - initial approval              B. Colorectal - initial approval",
                "1) metastatic or unresectable;          1) metastatic disease;",
                "2) KRAS G12C mutation shown by an       2) KRAS G12C mutation shown by an",
                "   approved test;                          approved test; with cetuximab;",
                "3) one prior systemic therapy.          3) prior chemotherapy.",
                "This policy does not describe any member.",
            ),
            {"kras": "none", "specimen": "unknown"},
        ),
    )
}


@pytest.fixture(scope="module", params=list(V7_LAYOUTS))
def v7_twins(request: pytest.FixtureRequest) -> tuple[str, dict[str, dict]]:
    """Each layout rendered once per level (fax, fax_worst), with its digital twin read once."""
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract-ocr is not installed")
    r = V7_LAYOUTS[request.param]
    out = {}
    for level in ("fax", "fax_worst"):
        scanned, digital, _ = scans.twin_charts(r, level, "tiff")
        out[level] = {"scan": check(scanned), "twin": out.get("fax", {}).get("twin") or check(digital)}
    return r.id, out


def test_v7_layouts_read_like_their_twins_at_fax_quality(v7_twins: tuple[str, dict[str, dict]]) -> None:
    """A methods page listing codons with single spaces and a synonymous example, a key-value report whose dot
    leaders a scan erases, a payer's policy titled in a banner cell: each twin reads as its digital original."""
    rid, out = v7_twins
    doc, twin = out["fax"]["scan"], out["fax"]["twin"]
    assert kras(twin)["status"] == ("met" if rid == "leader-gene-rows" else "insufficient")
    assert scans.statuses(doc) == scans.statuses(twin)


def test_v7_layouts_at_the_worst_level_never_met_where_the_twin_is_not(v7_twins: tuple[str, dict[str, dict]]) -> None:
    _, out = v7_twins
    doc, twin = scans.statuses(out["fax_worst"]["scan"]), scans.statuses(out["fax_worst"]["twin"])
    assert not [k for k in twin if doc[k] == "met" and twin[k] != "met"], (doc, twin)


# --- held-out OCR v8's classes (issue 17's ninth pass), with layouts and sentences of our own --------------------
# Reader rules (digital text): [ocr8-zero-cell], [ocr8-quantification], [ocr8-provider-bulletin],
# [ocr8-letter-to-relative]; OCR confusions: [ocr8-coding-prefix].


@pytest.mark.parametrize(
    ("text", "allowed"),
    [
        # a quantitative row whose first value cell is zero: nothing counted, no positive result
        (
            _PLASMA + "Target  Mutant droplets  Copies/mL\nKRAS G12C  0  0  15,220\nKRAS wt  9,870  2,100  15,220\n",
            {"insufficient"},
        ),
        (_PLASMA + "Variant | Mutant fraction | Reads\nKRAS p.G12C | 0.0 % | 0\n", {"insufficient"}),
        (_LUNG_TISSUE + "Allele-specific PCR\nKRAS G12C    0 copies    (LoD 5 copies)\n", {"insufficient"}),
        (_PLASMA + "Assay  Events\nKRAS G12C  O  (no events above blank)\n", {"insufficient"}),
        # ... and a zero row with its conclusion stated: the conclusion is read
        (_PLASMA + "KRAS G12C  0  0\nConclusion: KRAS G12C not detected in cfDNA.\n", {"insufficient"}),
        (_LUNG_TISSUE + "KRAS G12C  0 droplets\nConclusion: no KRAS G12C; KRAS G13D detected, VAF 9%.\n", {"not_met"}),
        # guards: a count or level that is not zero is a result; a zero later on the row is another cell's
        (_PLASMA + "Target  Mutant droplets  Copies/mL\nKRAS G12C  214  61\n", {"met"}),
        (_PLASMA + "KRAS G12C  0.8 %  120 mutant reads\n", {"met"}),
        (_LUNG_TISSUE + "KRAS G12C  12.0%  0 wild-type calls flagged\n", {"met"}),
        (_LUNG_TISSUE + "KRAS G12C  10 copies  0 in the negative control\n", {"met"}),
        # a quantitative assay's name (a title, a header) is a test, no result
        (_PLASMA + "Digital PCR KRAS G12C quantification (cfDNA)\nSample received; run scheduled.\n", {"insufficient"}),
        (_LUNG_TISSUE + "KRAS G12C quantitation: report to follow\n", {"insufficient"}),
        (_PLASMA + "KRAS G12C quantitative PCR, requested 2026-09-15\n", {"insufficient"}),
        # guards: a quantification that states a level is a result
        (_PLASMA + "KRAS G12C quantification: 0.9% mutant allele fraction, detected\n", {"met"}),
        (_PLASMA + "KRAS G12C detected; quantification 340 copies/mL\n", {"met"}),
        # a payer's bulletin or FAQ for providers names no patient: its answers are criteria
        (
            "SUNDERLAND CARE  -  Provider bulletin  -  Spring 2026\nQ: What must a request for adagrasib show?\n"
            "A: A KRAS G12C mutation on a validated test and one prior systemic therapy.\n",
            {"insufficient"},
        ),
        (
            "NORTHGATE HEALTH   Provider newsletter   No. 41\nPrior authorization corner\n"
            "Sotorasib: KRAS G12C-mutated NSCLC documented by a laboratory report.\n",
            {"insufficient"},
        ),
        (
            "Frequently asked questions - oncology prior authorization\nDoes G12C need a lab report?\n"
            "Yes: KRAS G12C positive by an approved assay, on tissue or plasma.\n",
            {"insufficient"},
        ),
        (
            "LARKSPUR PLAN  PROVIDER BULLETIN,  Autumn 2026\nQ. Which result counts?\nA. KRAS G12C by an approved test.\n",
            {"insufficient"},
        ),
        (
            "HARTWELL PLAN  -  PROVIDF-RBULLETIN  -  May\nOncology requests: frequently asked questions\n"
            "A. Sotorasib needs KRAS G12C on a lab report.\n",
            {"insufficient"},
        ),
        (_PLASMA + "Probe  Mutant droplets  Copies\nKRAS G12C  0.  a  17,904\n", {"insufficient"}),
        # guards: a payer's letter about a member under such a banner, a report that names a bulletin in prose
        (
            "SUNDERLAND CARE  -  Provider bulletin  -  Spring 2026\nMember: Tolland, Ines   DOB 1950-01-30\n"
            "Your submitted report shows KRAS G12C detected in tissue.\n",
            {"met"},
        ),
        (_LUNG_TISSUE + "See the provider bulletin for coverage.\nKRAS G12C detected, VAF 12%\n", {"met"}),
        # a letter written to a patient's relative: a result stated in the third person is the relative's
        (
            "Dear Ms Okonjo,\nThank you for asking about your mother's lung cancer. Her tumour biopsy found a KRAS\n"
            "G12C change, which is not inherited.\n",
            {"insufficient"},
        ),
        (
            "Dear Mr Pell,\nYour husband's consent is on file. The lung biopsy carried KRAS G12C, an acquired\n"
            "change; no testing is advised for family members.\n",
            {"insufficient"},
        ),
        (
            "Dear Daniel,\nAs your father had asked, here is a summary: NGS of the tumour: KRAS G12C detected.\n",
            {"insufficient"},
        ),
        # guards: a letter to the patient naming a relative; a clinic letter with no salutation to a relative
        (
            "Dear Mr Pell,\nYour tumour test showed KRAS G12C. Your father's cancer, years ago, is not linked.\n"
            "Lung adenocarcinoma, tissue NGS.\n",
            {"met"},
        ),
        (
            "Dear Dr Hale,\nI saw your patient today; her lung adenocarcinoma carries KRAS G12C on tissue NGS.\n",
            {"met"},
        ),
        (_LUNG_TISSUE + "Son present at visit. KRAS G12C detected, VAF 30%\n", {"met"}),
    ],
)
def test_v8_reader_classes(text: str, allowed: set[str]) -> None:
    assert _kras_of(text) in allowed


@pytest.mark.parametrize(
    ("line", "read"),
    [
        (["KRAS", "p.G12Cc", "\u20ac.34G>T"], ["KRAS", "p.G12Cc", "c.34G>T"]),  # [ocr8-coding-prefix]
        (["KRAS:", "\u00a2.34G>T,"], ["KRAS:", "c.34G>T,"]),
        (["KRAS", "(\u20ac.34G>T)"], ["KRAS", "(c.34G>T)"]),
        # guards: no KRAS before it; a sign before an amount; another gene's change stays as read
        (["EGFR", "\u20ac.2573T>G"], ["EGFR", "\u20ac.2573T>G"]),
        (["\u20ac.34G>T"], ["\u20ac.34G>T"]),
        (["KRAS", "fee", "\u20ac.34"], ["KRAS", "fee", "\u20ac.34"]),
    ],
)
def test_v8_a_coding_prefix_read_as_a_currency_sign_is_undone(line: list[str], read: list[str]) -> None:
    fixed = ocr.normalized(line)
    assert fixed == read
    assert [len(t) for t in fixed] == [len(t) for t in line]


V8_LAYOUTS = {
    r.id: r
    for r in (
        scans.Report(
            "zero-count-table",
            "ngs",
            "Digital PCR report",
            (
                "BRAMBLEGATE DIAGNOSTICS     Digital PCR KRAS G12C quantification (cfDNA)",
                "Patient: Ostrowska-Diaz, Lenore     DOB 1948-03-09     Sample BD-DP-26-0077",
                "Specimen: plasma, Streck tube, drawn 2026-09-02",
                "Target          Mutant droplets    Copies per mL    Total droplets",
                "KRAS G12C       0                  0                15,220",
                "KRAS wild-type  9,870              2,100            15,220",
                "Conclusion: KRAS G12C not detected in plasma.",
            ),
            {"kras": "g12c_absent", "specimen": "plasma"},
        ),
        scans.Report(
            "provider-faq",
            "letter",
            "Provider bulletin",
            (
                "SUNDERLAND CARE  -  PROVIDER BULLETIN  -  Spring 2026",
                "Oncology requests: questions we are asked",
                "Q. What must a request for adagrasib show?",
                "A. A KRAS G12C mutation on a validated test, and one prior systemic therapy.",
                "Q. Is plasma acceptable?",
                "A. Yes, a plasma result showing KRAS G12C is accepted.",
            ),
            {"kras": "none", "specimen": "unknown"},
        ),
        scans.Report(
            "letter-to-relative",
            "letter",
            "Letter to a daughter",
            (
                "Quarrybank Oncology, 2 Mill Lane                    Tel 555-0163",
                "Dear Ms Okonjo,",
                "Thank you for asking about your mother's lung cancer. Her tumour biopsy found a",
                "change called KRAS G12C. It is acquired, not inherited, and no test is advised for you.",
                "Kind regards,  Dr Selwyn Tarrant",
            ),
            {"kras": "none", "specimen": "unknown"},
        ),
    )
}


@pytest.fixture(scope="module", params=list(V8_LAYOUTS))
def v8_twins(request: pytest.FixtureRequest) -> tuple[str, dict[str, dict]]:
    """Each layout rendered once per level (fax, fax_worst), with its digital twin read once."""
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract-ocr is not installed")
    r = V8_LAYOUTS[request.param]
    out = {}
    for level in ("fax", "fax_worst"):
        scanned, digital, _ = scans.twin_charts(r, level, "tiff")
        out[level] = {"scan": check(scanned), "twin": out.get("fax", {}).get("twin") or check(digital)}
    return r.id, out


def test_v8_layouts_read_like_their_twins_at_fax_quality(v8_twins: tuple[str, dict[str, dict]]) -> None:
    """A droplet-count table with a zero row under an assay's quantification title, a payer's FAQ bulletin, a letter
    to a patient's daughter: none is a KRAS G12C result, and each twin reads as its digital original."""
    _, out = v8_twins
    doc, twin = out["fax"]["scan"], out["fax"]["twin"]
    assert kras(twin)["status"] == "insufficient"
    assert scans.statuses(doc) == scans.statuses(twin)


def test_v8_layouts_at_the_worst_level_never_met_where_the_twin_is_not(v8_twins: tuple[str, dict[str, dict]]) -> None:
    _, out = v8_twins
    doc, twin = scans.statuses(out["fax_worst"]["scan"]), scans.statuses(out["fax_worst"]["twin"])
    assert not [k for k in twin if doc[k] == "met" and twin[k] != "met"], (doc, twin)


# --- held-out v9's classes (issue 17's eleventh pass), with layouts of our own ----------------------------------------
V9_LAYOUTS = {
    r.id: (r, want)
    for r, want in (
        (
            scans.Report(
                "request-log-line",
                "pathology",
                "Pathology report with an order log",
                (
                    "ELMSTEAD GENERAL  Surgical Pathology  EG-S26-1180",
                    "Patient: Varga-Mensah, Odile   DOB 1949-05-21",
                    "Diagnosis: adenocarcinoma of lung, core biopsy (TTF-1 positive)",
                    "Orders",
                    "10/03  KRAS G12C / EGFR / ALK / PD-L1 requested by Dr Lind",
                    "10/05  molecular testing cancelled: too few tumour cells",
                ),
                {"kras": "none", "specimen": "unknown"},
            ),
            "insufficient",
        ),
        (
            scans.Report(
                "literature-comment",
                "pathology",
                "Consultation with a comment",
                (
                    "WESTFORD HOSPITAL  Pathology consultation  WH-C26-0310",
                    "Patient: Abara-Lindqvist, Maren   DOB 1961-08-02",
                    "Opinion: lung adenocarcinoma, mucinous type.",
                    "Comment: in smokers G12C",
                    "is the most common KRAS change, while G12D and G12V predominate in the pancreas.",
                    "No molecular test has been done on this material.",
                ),
                {"kras": "none", "specimen": "unknown"},
            ),
            "insufficient",
        ),
        (
            scans.Report(
                "glossary-column",
                "ngs",
                "NGS report with a glossary column",
                (
                    "FENWICK MOLECULAR  Lung panel (FFPE tissue)      TERMS USED",
                    "Patient: Osei-Halloran, Piers   DOB 1955-11-30",
                    "KRAS   no variant found          G12C: a glycine-to-cysteine change at codon 12",
                    "EGFR   no variant found          VAF: the share of reads with the change",
                ),
                {"kras": "g12c_absent", "specimen": "tissue"},
            ),
            "not_met",
        ),
        (
            scans.Report(
                "field-result-lines",
                "pathology",
                "Cytology with a PCR result",
                (
                    "HAZELMOOR CYTOLOGY  Report HC-26-0912",
                    "Patient: Quist-Adebayo, Noor   DOB 1952-02-14",
                    "Diagnosis: metastatic lung adenocarcinoma in a node (FNA, cell block)",
                    "KRAS G12C: DETECTED",
                    "other codon 12/13 variants: not detected",
                ),
                {"kras": "g12c_present", "specimen": "tissue"},
            ),
            "met",
        ),
    )
}


@pytest.fixture(scope="module", params=list(V9_LAYOUTS))
def v9_twins(request: pytest.FixtureRequest) -> tuple[str, str, dict[str, dict]]:
    """Each layout rendered once per level (fax, fax_worst), with its digital twin read once."""
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract-ocr is not installed")
    r, want = V9_LAYOUTS[request.param]
    out = {}
    for level in ("fax", "fax_worst"):
        scanned, digital, _ = scans.twin_charts(r, level, "tiff")
        out[level] = {"scan": check(scanned), "twin": out.get("fax", {}).get("twin") or check(digital)}
    return r.id, want, out


def test_v9_layouts_read_like_their_twins_at_fax_quality(v9_twins: tuple[str, str, dict[str, dict]]) -> None:
    """An order log naming G12C among the tests requested, a literature comment on which variants are common, a
    glossary column beside a negative result, a field answered DETECTED over a lower-case field answered "not
    detected": each digital original reads as labelled, and each twin as its original."""
    _, want, out = v9_twins
    doc, twin = out["fax"]["scan"], out["fax"]["twin"]
    assert kras(twin)["status"] == want
    assert scans.statuses(doc) == scans.statuses(twin)


def test_v9_layouts_at_the_worst_level_never_met_where_the_twin_is_not(
    v9_twins: tuple[str, str, dict[str, dict]],
) -> None:
    _, _, out = v9_twins
    doc, twin = scans.statuses(out["fax_worst"]["scan"]), scans.statuses(out["fax_worst"]["twin"])
    assert not [k for k in twin if doc[k] == "met" and twin[k] != "met"], (doc, twin)


# --- held-out OCR v16's classes (issue 17's eighteenth pass), with sentences of our own -----------------------------


def _no_prior_inhibitor(text: str, doubted: str | None, monkeypatch: pytest.MonkeyPatch) -> dict:
    """The "no prior G12C inhibitor" criterion of a one-page scan of ``text`` read at 95%, but ``doubted`` at 40%."""
    scan = _fake_scan(text, 95.0)
    at = text.index(doubted) if doubted else -1
    words = tuple(ocr.Word(w.start, w.end, 40.0 if w.start == at else w.conf, w.box) for w in scan.pages[0].words)
    monkeypatch.setattr(ocr, "read", lambda raw, kind: ocr.Scan(text, (ocr.Page(1, 0, len(text), (100, 100), words),)))
    ocr.clear_cache()
    doc = check(scans.chart(scans.document("scan1", b"II*\x00scan", "image/tiff")))
    return next(c for c in doc["criteria"] if c["id"] == "no_prior_kras_g12c_inhibitor")


_BOARD = (
    "Thoracic clinic follow-up note dated 2026-09-01 for the patient seen today with her daughter present\n"
    "Prior systemic therapy was carboplatin with pemetrexed and pembrolizumab, then docetaxel alone\n"
    "Next options discussed at the board: adagrasib or a clinical trial, decision after the scan\n"
    "Performance status one, weight stable, no new symptoms reported by the patient or her daughter\n"
)


@pytest.mark.parametrize(
    ("text", "doubted", "status"),
    [
        # [ocr16-untaken-inhibitor] an inhibitor the reader set aside, on a line with a doubtful word: the absence is
        # not read on that page
        (_BOARD, "board:", "review"),
        # guards: the same line read confidently (as the digital twin reads it) ...
        (_BOARD, None, "met"),
        # ... a doubtful word on another line ...
        (_BOARD, "stable,", "met"),
        # ... no inhibitor on the page at all (a clean or doubtful scan says what its twin says) ...
        (_BOARD.replace("adagrasib or a", "a second"), "board:", "met"),
        # ... only the requested drug named (it hides no other inhibitor) ...
        (_BOARD.replace("adagrasib", "sotorasib"), "board:", "met"),
        # ... and a teaching paragraph (a teaching vignette) naming the inhibitor
        (_BOARD.replace("Next options", "Teaching vignette, not our patient: options"), "patient:", "met"),
    ],
)
def test_an_inhibitor_set_aside_on_a_doubtful_line_stops_an_absence(
    text: str, doubted: str | None, status: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """[ocr16-untaken-inhibitor] (held-out OCR v16) "No prior G12C inhibitor" is met by an absence; a scanned page
    naming another G12C inhibitor that the reader did not take, on a line read doubtfully, may hide a therapy the
    clean original states: `review`, naming the drug and the page."""
    c = _no_prior_inhibitor(text, doubted, monkeypatch)
    assert c["status"] == status, c["summary"]
    if status == "review":
        assert "adagrasib named on a line read doubtfully" in c["summary"] and "page 1" in c["summary"]


def _kras_of_scan(text: str, doubted: dict[str, float], monkeypatch: pytest.MonkeyPatch) -> dict:
    scan = _fake_scan(text, 95.0)
    at = {text.index(k): v for k, v in doubted.items()}
    words = tuple(ocr.Word(w.start, w.end, at.get(w.start, w.conf), w.box) for w in scan.pages[0].words)
    monkeypatch.setattr(ocr, "read", lambda raw, kind: ocr.Scan(text, (ocr.Page(1, 0, len(text), (100, 100), words),)))
    ocr.clear_cache()
    return check(scans.chart(scans.document("scan1", b"II*\x00scan", "image/tiff")))


_SYNOPTIC = "Synoptic report, right lower lobe resection, 2026-09-01\nMolecular (block B4): KRAS G12C detected, VAF 18%\n"


@pytest.mark.parametrize(
    ("doubted", "status"),
    [
        ({"B4):": 45.0}, "met"),  # [ocr16-block-label] the block's name read doubtfully qualifies nothing
        ({"(block": 95.0}, "met"),  # read cleanly
        ({"Molecular": 45.0}, "review"),  # guard: a doubtful word of the line that is no block's name
        ({"detected,": 45.0}, "review"),  # guard: the result word itself
    ],
)
def test_a_doubtful_block_name_leaves_the_finding_trusted(
    doubted: dict[str, float], status: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """[ocr16-block-label] (held-out OCR v16) "(block A5)" read "(block AS)" at 49%: a specimen's label, not a
    qualifier, so the clean line's result stands as on its twin; any other doubtful word on the line still counts."""
    assert kras(_kras_of_scan(_SYNOPTIC, doubted, monkeypatch))["status"] == status


_RECEIPT = (
    "Molecular receipt printout for the patient, tumour DNA result, liver core biopsy\n"
    "SIO OOK EIKO A CHOK AOR OK KK ACK\n"
    "Patient seen in clinic with previous carboplatin pemetrexed and pembrolizumab treatment\n"
    "KRAS c.34G>T p.G12C detected, variant allele fraction twenty-two percent\n"
    "OOOO CK OR OR OK ROK OK IK\n"
    "Signed by the reporting pathologist after review of the sequencing data\n"
)


@pytest.mark.parametrize(
    ("doubted_lines", "status"),
    [
        ((1, 4), "met"),  # [ocr16-rule-line] two printed rules of asterisks read as letter groups, every one doubted
        ((2, 5), "review"),  # guard: as many lines of real (longer) words doubted: the page is unreliable
    ],
)
def test_a_printed_rule_read_as_letters_does_not_make_a_page_unreliable(
    doubted_lines: tuple[int, ...], status: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """[ocr16-rule-line] (held-out OCR v16) A receipt roll's rows of asterisks read as short doubted letter groups are
    marks, not words: "no prior G12C inhibitor" stays met as on the twin; a page whose real words are doubted stays
    `review`."""
    lines = _RECEIPT.split("\n")
    starts = [sum(len(x) + 1 for x in lines[:n]) for n in range(len(lines))]
    doubted = {n for n in doubted_lines}
    scan = _fake_scan(_RECEIPT, 95.0)
    words = tuple(
        ocr.Word(w.start, w.end, 20.0 if max(n for n, st in enumerate(starts) if st <= w.start) in doubted else w.conf, w.box)
        for w in scan.pages[0].words
    )
    monkeypatch.setattr(ocr, "read", lambda raw, kind: ocr.Scan(_RECEIPT, (ocr.Page(1, 0, len(_RECEIPT), (100, 100), words),)))
    ocr.clear_cache()
    doc = check(scans.chart(scans.document("scan1", b"II*\x00scan", "image/tiff")))
    c = next(c for c in doc["criteria"] if c["id"] == "no_prior_kras_g12c_inhibitor")
    assert c["status"] == status, c["summary"]


_HUDDLE = (
    "Tumour board list copied into one record\n"
    "Copy for the record of OKONJO-REED, Marta (row 3)\n"
    "Row  Initials  MRN  Reason  Molecular\n"
    "{one}  T.W.  QH-551020  post-op plan  KRAS G12C on resection\n"
    "2  B.N.  QH-548811  restaging  ALK fusion\n"
    "3  M.O-R.  QH-560734  first-line choice  {own}\n"
    "4  P.S.  QH-530097  trial screen  no driver\n"
)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # [ocr17-filed-item] another numbered row of a list filed to one chart: not this patient's result
        (_HUDDLE.format(one="1", own="panel pending"), "insufficient"),
        (_HUDDLE.format(one="I", own="panel pending"), "insufficient"),  # the row's "1" read as "I" by a scan
        (_HUDDLE.format(one="l.", own="panel pending"), "insufficient"),
        # [ocr17-specked-label] a row's number with a speck glued to it, one space from its first cell
        (_HUDDLE.format(one="1", own="panel pending").replace("2  B.N.", "2s B.N.").replace("  ALK fusion", "  KRAS G12C"), "insufficient"),
        (_HUDDLE.format(one="1", own="panel pending").replace("Copy for the record of OKONJO-REED, Marta (row 3)", "Copy for the record of OKONJO-REED, Marta (row 3 below)"), "insufficient"),  # [ocr17-row-below]
        (
            _HUDDLE.format(one="1", own="panel pending").replace(
                "Copy for the record of OKONJO-REED, Marta (row 3)", "FILED IN CHART OF: OKONJO-REED, Marta [entry 3]"
            ),
            "insufficient",
        ),
        # guards: the marked row's own result stays; no filing line, or no row with the marked number: unchanged
        (_HUDDLE.format(one="1", own="KRAS G12C detected"), "met"),
        (_HUDDLE.format(one="1", own="panel pending").replace(" (row 3)", ""), "met"),
        (_HUDDLE.format(one="1", own="panel pending").replace("row 3", "row 7"), "met"),
        (_HUDDLE.format(one="1", own="panel pending").replace(" (row 3)", " - row 3"), "met"),  # not in brackets
        (
            _HUDDLE.format(one="1", own="panel pending").replace("2  B.N.", "-  B.N.").replace("4  P.S.", "-  P.S."),
            "met",
        ),  # two numbered rows only
    ],
)
def test_another_numbered_row_of_a_list_filed_to_one_chart_is_not_this_patients(
    text: str, status: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """[ocr17-filed-item] (held-out OCR v17, safety pass) A meeting's list of several patients' numbered rows filed to
    one chart, the filing line naming this patient's row: another row's KRAS G12C is no result of this patient, on the
    clean text and on a scan that misread the row's number (which had split the row from its header and let the
    result through as `met`). The marked row's own result, a list with no filing line or no such row: as before."""
    assert kras(_kras_of_scan(text, {}, monkeypatch))["status"] == status
    digital = check(scans.chart(scans.document("scan1", text.encode(), "text/plain")))
    assert kras(digital)["status"] == status


# --- held-out v17's OCR classes (issue 17's nineteenth pass), layouts and wording of our own ------------------------

_VIEWER = (
    "Result record printed from the lab viewer, plasma ctDNA 2026-10-04\n"
    '[{"locus": "KRAS", "hgvs": "c.34G>T", "change": "p.G12C", "vaf": "2.2%"},\n'
    '{"locus": "TP53", "hgvs": "c.743G>A", "change": "p.R248Q", "vaf": "3.0%"}]\n'
)


@pytest.mark.parametrize(
    ("doubted", "status"),
    [
        ({'"hgvs":': 38.0}, "met"),  # [ocr17-record-key] a record's key read doubtfully names a field, no qualifier
        ({'"vaf":': 41.0}, "met"),  # a key after the value opens the next field
        ({'"hgvs":': 38.0, '"vaf":': 41.0}, "met"),
        ({'"p.G12C",': 45.0, '"c.34G>T",': 45.0}, "review"),  # guard: the cited values themselves
    ],
)
def test_a_doubtful_key_of_a_printed_record_leaves_its_value_trusted(
    doubted: dict[str, float], status: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """[ocr17-record-key] (held-out OCR v17) A brace-and-quote record printed from a viewer, a key ('"cdna":') read at
    38%: the key names a field, it qualifies nothing, so the value's `met` stands as on the twin; the cited value and
    any doubtful value on the line still count."""
    assert kras(_kras_of_scan(_VIEWER, doubted, monkeypatch))["status"] == status


def test_a_doubtful_record_key_that_may_be_a_trigger_still_counts() -> None:
    """[ocr17-record-key] guards: a key before the value that may be a misread negation ('"nat":' for "not") counts;
    so does a key on a line holding one key only (no record)."""
    from priorauth.text import reading_of

    for text, key in [
        (_VIEWER, '"hgvs":'),
        (_VIEWER.replace('"hgvs": "c.34G>T", ', '"nat": "c.34G>T", ', 1), '"nat":'),
        ('Summary "hgvs": KRAS p.G12C detected\n', '"hgvs":'),
    ]:
        at = text.index("p.G12C")
        reading = reading_of(_doc(text, {key: 40.0}), text.rfind("\n", 0, at) + 1, len(text), (at, at + 6))
        assert reading is not None and reading.confident == (key == '"hgvs":' and text == _VIEWER), (key, text)


_FIXED_WIDTH = (
    "Fixed-width laboratory record printout, molecular result, lung core biopsy\n"
    "ab fon n 2 Lone e penne 2 on  orn Q-- 33 fone Gene $---4\n"
    "Patient seen in clinic after carboplatin pemetrexed and pembrolizumab treatment\n"
    "KRAS c.34G>T p.G12C detected, variant allele fraction twenty-two percent\n"
    "ab fon n 2 Lone e penne 2 on  orn Q-- 33 fone Gene $---4\n"
    "Signed by the reporting pathologist after review of the sequencing data\n"
)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (_FIXED_WIDTH, "met"),  # [ocr17-ruler-line] a column ruler read as short letter groups and dashes
        (_FIXED_WIDTH.replace("Q--", "Qx").replace("$---4", "$4"), "review"),  # guard: no run of dashes left
        (_FIXED_WIDTH.replace("penne", "pennywise"), "review"),  # guard: a longer word on the line
    ],
)
def test_a_column_ruler_read_as_letters_does_not_make_a_page_unreliable(
    text: str, status: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """[ocr17-ruler-line] (held-out OCR v17) A fixed-width record's "----+----1----+----2" ruler read as doubted letter
    groups (one of them read at 75%, one of five letters) and a run of dashes: marks, not words; "no prior G12C
    inhibitor" stays met as on the twin. A line without a dash run, or with a longer word: real words, `review`."""
    lines = text.split("\n")
    starts = [sum(len(x) + 1 for x in lines[:n]) for n in range(len(lines))]
    scan = _fake_scan(text, 95.0)

    def conf(w) -> float:  # type: ignore[no-untyped-def]
        line = max(n for n, st in enumerate(starts) if st <= w.start)
        if line not in (1, 4):
            return w.conf
        return 75.0 if text[w.start : w.end] == "fone" else 20.0

    words = tuple(ocr.Word(w.start, w.end, conf(w), w.box) for w in scan.pages[0].words)
    monkeypatch.setattr(ocr, "read", lambda raw, kind: ocr.Scan(text, (ocr.Page(1, 0, len(text), (100, 100), words),)))
    ocr.clear_cache()
    doc = check(scans.chart(scans.document("scan1", b"II*\x00scan", "image/tiff")))
    c = next(c for c in doc["criteria"] if c["id"] == "no_prior_kras_g12c_inhibitor")
    assert c["status"] == status, c["summary"]


_CARTRIDGE = (
    "Cartridge KRAS assay ticket, bronchial biopsy block 3\n"
    "RESULT\n"
    "{g12c}\n"
    "G12D / G12V  not detected\n"
    "{g13d}\n"
)


@pytest.mark.parametrize(
    ("g12c", "g13d", "status"),
    [
        # [ocr17-specked-cell] specks or a bar apart between a variant and its "not detected" cell
        ("G1?C  ~  MUTATION DETECTED", "G13D  !  |  not detected.", "insufficient"),
        ("G1?C  ~  MUTATION DETECTED", "G13D  '  negative", "insufficient"),
        ("G12C  MUTATION DETECTED", "G13D  |  not detected", "met"),
        # guard: the other variant detected
        ("G1?C  ~  MUTATION DETECTED", "G13D  |  DETECTED", "not_met"),
    ],
)
def test_specks_between_a_variant_and_its_not_detected_cell_leave_it_not_detected(
    g12c: str, g13d: str, status: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """[ocr17-specked-cell] (held-out OCR v17) A cartridge ticket whose G12C row the worst scan made unreadable and
    whose "G13D  not detected" row it read "G13D  !  |  not detected.": the marks are no words, G13D is not detected,
    and the scan is no wrong `not_met`. On the clean text alike."""
    text = _CARTRIDGE.format(g12c=g12c, g13d=g13d)
    assert kras(_kras_of_scan(text, {}, monkeypatch))["status"] == status
    digital = check(scans.chart(scans.document("scan1", text.encode(), "text/plain")))
    assert kras(digital)["status"] == status


# --- held-out v18's classes (issue 17's twentieth pass), with layouts and sentences of our own ----------------------

_SEGMENTS = (
    "Interface printout, molecular result, lung core\n"
    "MSG|^~|LABSYS|ONCOLOGY|202611010800\n"
    "PAT|1||X-55^^^LAB||Roe^Alex||19600101\n"
    "RES|1|ST|GENE||KRAS\n"
    "RES|2|ST|PROTEIN||p.G12C\n"
    "RES|3|TX|NOTE||KRAS G12C detected, signed by the pathologist\n"
)
_QUOTED = (
    "Quoted export\n"
    '"item","value"\n'
    '"gene","KRAS"\n'
    '"variant","p.G12C detected, twenty percent of reads"\n'
    '"signed","reviewed and released by the pathologist"\n'
)


@pytest.mark.parametrize(
    ("text", "doubted", "status"),
    [
        (_SEGMENTS, "|", "met"),  # [ocr18-record-token] interface segments read as long doubted tokens
        (_QUOTED, '","', "met"),  # [ocr18-record-token] quoted fields glued at their joints
        # guard: ordinary words doubted as often are still doubt
        (_SEGMENTS, "the", "review"),
        # guard: a page of nothing but such tokens is judged by them all
        ("MSG|^~|LABSYS|ONC\nRES|1|ST|GENE||KRAS\nRES|2|ST|PROT||p.G12C\nRES|3|ST|VAF||0.2\n", "|", "review"),
    ],
)
def test_tokens_gluing_a_records_fields_do_not_make_a_page_unreliable(
    text: str, doubted: str, status: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """[ocr18-record-token] (held-out OCR v18) Tesseract reads an interface message's segment ("RES|2|ST|PROTEIN||p.G12C")
    or an export's quoted fields as one token and doubts it for its separators: "no prior G12C inhibitor" stays met as
    on the twin. Ordinary words doubted as often, or a page of nothing else, stay `review`."""
    scan = _fake_scan(text, 95.0)
    words = []
    for w in scan.pages[0].words:
        token = text[w.start : w.end]
        low = doubted in token if doubted != "the" else token.lower().strip(",") in {"the", "by", "signed", "lung", "core"}
        words.append(ocr.Word(w.start, w.end, 25.0 if low else w.conf, w.box))
    monkeypatch.setattr(
        ocr, "read", lambda raw, kind: ocr.Scan(text, (ocr.Page(1, 0, len(text), (100, 100), tuple(words)),))
    )
    ocr.clear_cache()
    doc = check(scans.chart(scans.document("scan1", b"II*\x00scan", "image/tiff")))
    c = next(c for c in doc["criteria"] if c["id"] == "no_prior_kras_g12c_inhibitor")
    assert c["status"] == status, c["summary"]


# --- issue 17's safety pass on the nineteenth OCR set: what OCR lost that made a mention a non-result ----------------

_ENROL_FORM = (
    "Trial enrolment checklist - site 12 (synthetic)\n"
    "a) Non-small cell lung cancer on histology  [Y]\n"
    "b) Tumour KRAS G12C positive on a validated assay  {row}\n"
    "c) ECOG 0-1  [Y]\n"
    "Decision: deferred.\n"
)
_REFUSAL = (
    "Reply to referral, thoracic oncology (synthetic)\n"
    "Dear colleague, thank you for sending Ms Roe for the G12C study.\n"
    "Her resection was sequenced: a ROS1 fusion was found; KRAS G12C {words}\n"
    "We suggest a ROS1 inhibitor.\n"
)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # [ocr19s-broken-box] a typed "[ ] Y  [ ] N" row read with a stroke for the blank, its bracket lost or glued
        (_ENROL_FORM.format(row="[1Y   {| N   -> awaited"), "review"),
        (_ENROL_FORM.format(row="[l] Yes  [ ] No"), "review|insufficient"),
        (_ENROL_FORM.format(row="(|  Y   ( ) N"), "review|insufficient"),
        (_ENROL_FORM.format(row="[ ] N  [IY"), "review|insufficient"),
        (_ENROL_FORM.format(row="[!Y   {l N"), "review"),
        # guards: a box read cleanly ticked is the answer; a numbered note closed round its number is no box
        (_ENROL_FORM.format(row="[Y]"), "met"),
        (
            "Molecular summary (synthetic)\nFindings: (1) KRAS G12C detected, VAF 21%; (2) no other driver\n",
            "met",
        ),
        # [ocr19s-spaced-speck] a speck read as a word of its own between the negation and the result word
        (_REFUSAL.format(words="was not .\ndetected."), "review"),
        (_REFUSAL.format(words="is not , present in the tumour."), "review"),
        (_REFUSAL.format(words="was not | identified."), "review"),
        # guards: the negation read whole is a negative result; a real finding read cleanly stays met
        (_REFUSAL.format(words="was not detected."), "not_met"),
        (_REFUSAL.replace("a ROS1 fusion was found; KRAS G12C {words}", "KRAS G12C was detected (VAF 30%)."), "met"),
    ],
)
def test_a_scan_that_lost_what_made_a_mention_no_result_is_review_never_met(
    text: str, status: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """[ocr19s-broken-box] [ocr19s-spaced-speck] A typed answer box read as "[1Y" or "{| N" (empty or ticked, the
    scan cannot say), or a speck read apart between "not" and its result word ("was not .\\ndetected"): every word
    read confidently, the finding is still doubted (`review`), never `met`. Boxes read cleanly, a numbered note
    "(1)", a negation read whole and a real result read cleanly keep their answer."""
    assert kras(_kras_of_scan(text, {}, monkeypatch))["status"] in status.split("|")


def test_the_spaced_speck_and_the_broken_box_patterns() -> None:
    from priorauth.text import _BROKEN_BOX, _DAMAGED_NEGATION

    assert _DAMAGED_NEGATION.search("G12C was not .\ndetected")
    assert _DAMAGED_NEGATION.search("BRAF is not ; present")
    assert not _DAMAGED_NEGATION.search("whether or not . The panel")  # a sentence begun: no lower-case word
    assert not _DAMAGED_NEGATION.search("was not detected.")
    assert _BROKEN_BOX.search("confirmed  [1Y  {| N")
    assert _BROKEN_BOX.search("positive  (l) Yes")
    for clean in ("[ ] Y  [ ] N", "[x] Yes", "(1) No ILD", "see [1] no", "(I) No", "{Y]"):
        assert not _BROKEN_BOX.search(clean), clean


# --- held-out v19's classes (issue 17's twenty-first pass), with layouts and sentences of our own ------------------


@pytest.mark.parametrize(
    ("text", "suspect"),
    [
        # [ocr19-note-word] the English word "note" where no "not" could stand: a key, a reference to a note
        ("Key: A = urgent   B = note   C = clear\nKRAS G12C detected", None),
        ("KRAS G12C detected (see note 2 below).", None),
        ("Turnaround within the norm for this kit; KRAS G12C detected", None),
        # guards: before a result word, a KRAS word or "a", the word may be a misread "not"
        ("KRAS G12C note detected in this sample", "note"),
        ("G12C was note found", "note"),
        ("Result: note KRAS G12C", "note"),
        ("Result nota G12C.", "nota"),
    ],
)
def test_an_english_word_shaped_like_a_glued_negation_is_suspect_only_before_what_not_would_negate(
    text: str, suspect: str | None
) -> None:
    from priorauth.text import suspect_word

    assert suspect_word(text) == suspect


_CHECKLIST = (
    "Trial screening checklist (synthetic)\n"
    "No.  Criterion  Met?  Source\n"
    "E1  Age 18 or over  Y  clinic note\n"
    "{item}  Documented KRAS G12C mutation  Y  tissue NGS report\n"
    "E3  ECOG 0-1  Y  clinic note\n"
)


@pytest.mark.parametrize(
    ("item", "doubted", "status"),
    [
        # [ocr19-item-number] a row's item number read doubtfully says nothing of the finding after it
        ("E2.", {"E2.": 0.0}, "met"),
        ("A2)", {"A2)": 20.0}, "met"),
        ("I2", {"I2": 30.0}, "met"),
        # guards: a token whose digit may be a letter spelling a negation; a doubtful word of the finding itself
        ("N0", {"N0": 20.0}, "review"),
        ("E2", {"Documented": 30.0}, "review"),
    ],
)
def test_a_doubtful_item_number_leaves_the_row_trusted(
    item: str, doubted: dict[str, float], status: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """[ocr19-item-number] (held-out OCR v19) "I3." read at 0% before "Documented KRAS G12C mutation  Y": the row's
    number, no qualifier; "N0" (perhaps "No") and a doubtful word of the row's own text still doubt it."""
    assert kras(_kras_of_scan(_CHECKLIST.format(item=item), doubted, monkeypatch))["status"] == status


_CODON_BOXES = "Lung core biopsy, FFPE (synthetic)\nKRAS codon 12:  {row}\nMarked change: KRAS c.35G>C p.G12A, VAF 20%.\n"


@pytest.mark.parametrize(
    ("row", "status"),
    [
        # [ocr19-box-after-variant] each variant's box after it, the empty ones read broken by the fax
        ("Gl2A[X]  G12C{( J  G120[)  Gl2V(}", "not_met"),
        ("G12A[X]  G12C[)  G12D{(}  G12V(}", "not_met"),
        # guard: the G12C's own box read with its tick is the answer (G12C and G12A: a G12C result)
        ("G12C[X]  G12A{( J  G120[)  Gl2V(}", "met|review"),
    ],
)
def test_a_broken_empty_box_after_a_variant_is_no_result(row: str, status: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """[ocr19-box-after-variant] (held-out OCR v19) "G12A [X]  G12C [ ]" read "Gl2A[X]  G12C{( J  G120[)": the G12C's
    box, read broken with no tick in it, is empty; never a `met` from it."""
    assert kras(_kras_of_scan(_CODON_BOXES.format(row=row), {}, monkeypatch))["status"] in status.split("|")


# --- issue 17's safety pass on the twentieth OCR set: a negation wrapped to the next line, a policy code split ------

_CLINIC_NOTE = (
    "Thoracic clinic note (synthetic)\n"
    "Sequencing of the pleural biopsy found an EML4-ALK fusion and {clause}\n"
    "Plan: alectinib.\n"
)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # [ocr20s-semicolon-for-comma] a comma read ";" before a connective parted the finding from its negation
        (_CLINIC_NOTE.format(clause="no KRAS variant was seen; so KRAS G12C inhibitors are not an option."), "review|not_met|insufficient"),
        (
            "Dear Mr Hale (synthetic), the panel did not show any KRAS change; therefore the KRAS G12C\n"
            "tablets would not help you.\n",
            "review|not_met|insufficient",
        ),
        (_CLINIC_NOTE.format(clause="KRAS was never mutated; and KRAS G12C drugs stay off the table."), "review|not_met|insufficient"),
        # guards: a real result after a negated clause but no connective, or read cleanly, stays met
        (_CLINIC_NOTE.format(clause="no EGFR variant; KRAS G12C was detected (VAF 18%)."), "met"),
        ("Molecular summary (synthetic)\nResult: KRAS G12C detected, VAF 25%\nPlan: sotorasib.\n", "met"),
    ],
)
def test_a_negation_a_misread_semicolon_parted_from_the_finding_is_doubted(
    text: str, status: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """[ocr20s-semicolon-for-comma] A finding begun by a connective ("so", "and", "therefore") right after a negated
    clause ended by ";" (a comma a scan may have misread) is doubted (`review`), never `met`."""
    assert kras(_kras_of_scan(text, {}, monkeypatch))["status"] in status.split("|")


def test_the_semicolon_for_comma_patterns() -> None:
    from priorauth.text import _CONNECTIVE, _NEGATED_CLAUSE

    assert _NEGATED_CLAUSE.search("The panel showed no variant of KRAS codon 12; ")
    assert not _NEGATED_CLAUSE.search("KRAS G12C detected; ")
    assert not _NEGATED_CLAUSE.search("no EGFR variant. KRAS tested; ")
    assert _CONNECTIVE.match("so the drug")
    assert not _CONNECTIVE.match("some of the")


@pytest.mark.parametrize(
    ("cell", "general"),
    [
        # [ocr20s-split-policy-code] a policy's code split in two by a misread mark
        ("MEDICAL POLICY MP. ONC-114 (excerpt.", True),
        ("Clinical policy CP. 12-3 - page 1", True),
        ("Drug policy RX 447:", True),
        ("MEDICAL POLICY MP-ONC-114 (excerpt", True),
        # guards: a sentence about a policy is no heading
        ("Medical policy covers sotorasib when criteria are met", False),
        ("Clinical policy was reviewed with the patient today", False),
    ],
)
def test_a_policy_heading_with_a_split_code(cell: str, general: bool) -> None:
    from priorauth.text.document_scope import _GENERAL_HEADING

    assert bool(_GENERAL_HEADING.match(cell)) is general


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # [ocr20-phased-component] a fax reads the delins's "c." as "¢.": the bare base call is still its component
        ("Codon 12 calls: c.34G>T 30%, c.35G>A 29%\nOne change: KRAS \u00a2.34_35delinsTA p.(G12Y), 30%", "not_met"),
        ("Base calls  c.34G>T  41%\nPhased: KRAS c.34_35delinsTT p.(Gly12Phe) reported", "not_met"),
        # guards: no delins named; the line names the protein G12C itself
        ("Lung core: KRAS c.34G>T detected, 22%.", "met"),
        ("Lung core: KRAS c.34G>T p.(G12C) detected, 22%.\nNote: \u00a2.34_35delinsTT would be one variant.", "met"),
    ],
)
def test_a_base_call_phased_into_one_codon_change(text: str, status: str) -> None:
    """[ocr20-phased-component] (held-out OCR v20) "c.34G>T" read beside "c.34_35delinsTT p.(G12F)" (the delins's "c."
    read "¢." at normal fax): a component of the reported change, no G12C."""
    chart = scans.chart(scans.document("scan1", text.encode(), "text/plain", "Sequencing report"))
    assert kras(check(chart))["status"] == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # [ocr20-no-result-declared] a speck read for the hyphen of "subject-level" / "patient-level"
        ("Sponsor update\nArm C (KRAS G12C, lung) opens in March.\nNo subject. level data are given in this update.", "insufficient"),
        ("Network memo\nGroup 1 (KRAS G12C, pancreas) is full.\nNo patient , level information is contained in this memo.", "insufficient"),
        # guards: a result line with its own result word; the declaration about another named test
        ("Clinic letter\nLung core: KRAS G12C detected (VAF 9%).\nNo subject. level data are given in this letter.", "met"),
        ("Lung core: KRAS G12C mutation.\nPD-L1: no patient. level results are given in this letter.", "met"),
    ],
)
def test_a_no_result_declaration_with_a_speck_for_its_hyphen(text: str, status: str) -> None:
    """[ocr20-no-result-declared] (held-out OCR v20, worst level) "No subject. level information is contained in this
    letter": the sponsor letter's declaration still read, so its cohort's "KRAS G12C" is no result."""
    chart = scans.chart(scans.document("scan1", text.encode(), "text/plain", "Letter"))
    assert kras(check(chart))["status"] == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # [ocr21s-specked-negative] a speck read between "not" and "detected" in a boxed row's last cell; a list
        # heading's colon read as a semicolon (or a comma)
        ("| Gene | Variants        | Call |\n|KRAS | G12C, G12V, G13C,  ~ | NOT. DETECTED|", "not_met"),
        ("KRAS hotspots  G12C / G12D    not, detected", "not_met"),
        ("Mutations panel\nNone found; KRAS G12C, KRAS G13D, BRAF V600E, NRAS Q61", "not_met"),
        ("Not identified, KRAS G12C, EGFR exon 19 deletion, ALK fusion", "not_met"),
        # guards: a positive word after the variant; a heading that is no list label; a clean positive cell
        ("Not detected; KRAS G12C detected at 12% on re-run", "met"),
        ("EGFR was not detected; KRAS G12C positive (VAF 19%)", "met"),
        ("|KRAS | G12C  31% | DETECTED|", "met"),
    ],
)
def test_a_specked_negative_cell_or_list_heading(text: str, status: str) -> None:
    """[ocr21s-specked-negative] (held-out OCR v21 at the worst level) "NOT. DETECTED|" and "Not detected; KRAS G12C,
    ..." are the clean row's and the clean heading's negatives: no G12C found."""
    chart = scans.chart(scans.document("scan1", text.encode(), "text/plain", "Sequencing report"))
    assert kras(check(chart))["status"] == status


# --- issue 17's twenty-third pass (held-out OCR v21 read): a tier cell, PSEUDO literals -----------------------------

_TIER_ROW = "Genomic findings (synthetic)\nGene  Change  VAF  Level\nKRAS  p.G12C (c.34G>T)  21.7%  {tier}\n"


@pytest.mark.parametrize(
    ("tier", "doubted", "status"),
    [
        # [ocr21-tier-cell] a row's evidence tier in its own last cell, read doubtfully, qualifies nothing
        ("2B", {"2B": 58.0}, "met"),
        ("IIC", {"IIC": 40.0}, "met"),
        ("1A", {}, "met"),
        # guards: a doubtful word of no tier's shape in that cell; a tier's shape inside the finding's own cell
        ("pendlng", {"pendlng": 58.0}, "review"),
        ("1A", {"(c.34G>T) 1A": 50.0}, "review"),
    ],
)
def test_a_doubtful_tier_cell_leaves_the_row_trusted(
    tier: str, doubted: dict[str, float], status: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """[ocr21-tier-cell] (held-out OCR v21 at normal fax) "KRAS  G12C (c.34G>T, exon 2)  19.4%  1A" with "1A" read
    at 64%: the evidence tier, no qualifier, so the clean row's result stands as on its twin."""
    text = _TIER_ROW.format(tier=tier)
    if "(c.34G>T) 1A" in doubted:  # the tier glued into the finding's cell by one space
        text, doubted = text.replace("(c.34G>T)  21.7%  1A", "(c.34G>T) 1A  21.7%"), {"1A": 50.0}
    assert kras(_kras_of_scan(text, doubted, monkeypatch))["status"] == status


def test_a_pseudo_literal_puts_no_word_on_the_suspect_list() -> None:
    """[ocr21-pseudo-not-trigger] a PSEUDO rule qualifies nothing, so its words are no trigger a misreading could
    hide ("free of charge" once made "change" suspect); a real trigger's look-alike stays suspect."""
    from priorauth.text import _cached_words, suspect_word
    from priorauth.text.pipeline import _context_nlp

    rules = _context_nlp().get_pipe("medspacy_context").rules
    triggers = {w for r in rules if str(r.direction).upper() != "PSEUDO" for w in re.findall(r"[a-z]+", r.literal.lower())}
    assert _cached_words()[0] <= triggers
    assert suspect_word("Protein change p.G12C") is None
    assert suspect_word("KRAS G12C negalive") == "negalive"  # guard: a trigger one look-alike letter off


# --- issue 17's twenty-fourth pass (held-out OCR v22 read): a speck before the test word ----------------------------


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # [ocr22-specked-test-word] a speck read as a stop between "mutation" and the test word after it, in a payer's
        # list of missing documents and a referral's request
        ("Please send within 14 days:\n(X] Laboratory report confirming KRAS G12C mutation. status\n{X] Clinic notes", "insufficient"),
        ("Referral: please arrange KRAS G12C variant, testing on the bronchial biopsy.", "insufficient"),
        # guards: a sentence that starts after the stop (capital); a result word after the test word
        ("KRAS G12C mutation. Status: detected in tissue, VAF 18%.", "met"),
        ("Outside lab: KRAS G12C mutation, status positive (tissue NGS).", "met"),
    ],
)
def test_a_speck_between_the_variant_and_its_test_word(text: str, status: str) -> None:
    """[ocr22-specked-test-word] (held-out OCR v22 at the worst level) "report documenting KRAS G12C mutation. status"
    read through a speck: still the document asked for, no result; the scan's "met" was one its twin was not."""
    chart = scans.chart(scans.document("scan1", text.encode(), "text/plain", "Request for information"))
    assert kras(check(chart))["status"] == status


# --- issue 17's twenty-sixth pass (held-out OCR v24 read): what a KRAS clause covers, a gloss's label, a code --------


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # [ocr24-exon-scoped-negative] a negative limited to an exon or codon that leaves codon 12 out
        ("Lung core, hotspot NGS\nKRAS  exon 4: no variant detected\nKRAS exon 2: no call (depth too low)", "insufficient"),
        ("Lung core, hotspot NGS\nKRAS  codon 61: no variant detected\nCodons 12/13 did not pass QC.", "insufficient"),
        # guards: the exon or codon list holds codon 12; no exon named at all
        ("Lung core, hotspot NGS\nKRAS  exons 2-4: no variant detected", "not_met"),
        ("Lung core, hotspot NGS\nKRAS  exon 2 (codons 12/13): no variant detected", "not_met"),
        ("Lung core, hotspot NGS\nKRAS  codons 12, 13 and 61: no variant detected", "not_met"),
        ("Lung core, hotspot NGS\nKRAS  no variant detected", "not_met"),
    ],
)
def test_a_negative_limited_to_another_exon_is_no_g12c_answer(text: str, status: str) -> None:
    """[ocr24-exon-scoped-negative] (held-out OCR v24, digital) a coverage report whose KRAS exon 2 failed says
    "exon 3: no variant detected" for the gene: no answer about G12C (exon 2), so the criterion is insufficient."""
    assert scans.kras_status(text) == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # [ocr24-acquaintance-result] a friend's, a neighbour's, another patient's tumour
        (
            "Message from patient: my neighbour's lung tumour carries the G12C change and he is on a tablet for it.\n"
            "Reply from clinic: your biopsy test shows KRAS G13D, not G12C.",
            "not_met",
        ),
        ("Phone note: she says a colleague's cancer test found KRAS G12C. Her own testing is still pending.", "insufficient"),
        ("Support group chat: another patient's report shows KRAS G12C; he asked about it.", "insufficient"),
        # guards: the patient's own tumour named after the acquaintance's; a friend named with no tumour of theirs
        ("My friend's test was different, but my lung biopsy shows KRAS G12C.", "met"),
        ("My friend drove me to clinic. Lung biopsy NGS: KRAS G12C detected.", "met"),
    ],
)
def test_an_acquaintances_tumour_is_not_the_patients(text: str, status: str) -> None:
    """[ocr24-acquaintance-result] (held-out OCR v24, digital) a portal thread where the patient asks about a friend's
    G12C and the nurse answers with the patient's own variant: the friend's G12C is nobody's result in this chart."""
    assert scans.kras_status(text, "Patient portal messages") == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # [ocr24-marker-specimen] the specimen after another marker is that marker's; the item's lead names the KRAS one
        ("Oncology history:\n- 2026-06: cfDNA (plasma) panel - nothing actionable; KRAS wild type,\nPD-L1 50% on the core biopsy", "insufficient"),
        ("Summary: plasma ctDNA panel; KRAS G12C not detected, PD-L1 TPS 5% on the resection", "insufficient"),
        # guards: a tissue call with a marker after it; a specimen before the other marker stays the KRAS call's
        ("Summary: lung core biopsy NGS; KRAS wild type, PD-L1 TPS 60%", "not_met"),
        ("Summary: KRAS G12C not detected in tumour tissue, EGFR negative in plasma", "not_met"),
        ("Summary: KRAS G12C detected in plasma, PD-L1 on the biopsy 70%", "met"),
    ],
)
def test_a_specimen_named_for_another_marker_is_not_the_kras_calls(text: str, status: str) -> None:
    """[ocr24-marker-specimen] (held-out OCR v24, digital) a hospice summary's history line "plasma ctDNA panel - ...;
    KRAS wild type (G12C not detected), PD-L1 TPS 80% on the biopsy": the biopsy is PD-L1's, the KRAS call is a plasma
    negative (insufficient: the label asks for tissue), not a tissue one (not_met)."""
    assert scans.kras_status(text, "Transfer summary") == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # [ocr24-cited-case-series] a request's basis cited as published case series
        (
            "Peer review call: the oncologist confirmed the lung biopsy shows KRAS G13D, not G12C.\n"
            "He asked for approval citing published case series.",
            "not_met",
        ),
        # guard: a published case told as a case stays general
        ("Published case (from the journal): a 58-year-old smoker whose lung tumour carried KRAS G12C.", "insufficient"),
    ],
)
def test_published_case_series_cited_as_a_requests_basis(text: str, status: str) -> None:
    """[ocr24-cited-case-series] (held-out OCR v24, digital) "published case" made a peer-to-peer summary's paragraph
    general, so its "KRAS G12D ..., not G12C" was never read; case series cited as evidence tell no case."""
    assert scans.kras_status(text, "Utilization review summary") == status


_GLOSSED_FORM = (
    "Hasil pemeriksaan [Test result], biopsi paru [lung biopsy]\n"
    "KRAS ekson 2 c.35G>T {code} (G12V) terdeteksi [detected] VAF 21%\n"  # a fax's row: its cell gaps read as one space
    "Simpulan [Summary]: mutasi KRAS G12V terdeteksi [detected]\n"
)


@pytest.mark.parametrize(
    ("label", "code", "doubted", "status"),
    [
        # [ocr24-misread-protein-code] a protein name whose digit was read as a letter, doubted, beside the row's call
        # (the summary line's call doubted too, so the row alone decides)
        ("Summary", "p.Glyl2Val", {"p.Glyl2Val": 38.0, "[detected]\n": 45.0}, "not_met"),
        ("Summary", "p.GlyI2Val", {"p.GlyI2Val": 45.0, "[detected]\n": 45.0}, "not_met"),
        # [ocr24-glossed-label] a bracketed English gloss of the label, doubted (the row's call doubted: the line decides)
        ("Summary", "p.Gly12Val", {"[Summary]:": 60.0, "[detected] VAF": 45.0}, "not_met"),
        # guards: both calls doubted; a doubted gloss that may be a misread negation
        ("Summary", "p.Gly12Val", {"[detected] VAF": 45.0, "[detected]\n": 45.0}, "review"),
        ("Negatlve", "p.Gly12Val", {"[Negatlve]:": 60.0, "[detected] VAF": 45.0}, "review"),
    ],
)
def test_a_misread_protein_code_or_a_glossed_label_leaves_the_row_trusted(
    label: str, code: str, doubted: dict[str, float], status: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """[ocr24-misread-protein-code], [ocr24-glossed-label] (held-out OCR v24 at normal fax) an Indonesian form read
    "p.Glyl3Asp" at 40% and "Kesimpulan [Conclusion]:" with the gloss at 62%: a code and a field's label qualify
    nothing, so the twin's `not_met` stands; a doubted word that could qualify the call still makes it `review`."""
    text = _GLOSSED_FORM.format(code=code).replace("[Summary]", f"[{label}]")
    assert kras(_kras_of_scan(text, doubted, monkeypatch))["status"] == status


def test_the_protein_code_and_gloss_label_shapes() -> None:
    """The shapes themselves: an HGVS name with its prefix is a code whatever its digits became; a gloss label is one
    bracketed word before a colon, and never one that may be a trigger or result word."""
    from priorauth.text import _counts, _field_label

    assert not _counts("p.Glyl3Asp", False) and not _counts("c.3SG>A", False)
    assert _counts("nol", False) and _counts("p.Glyl3Asp", True)
    assert _field_label("[Conclusion]:") and _field_label("(Summary):")
    assert not _field_label("[Negative]:") and not _field_label("[Conclusion]") and not _field_label("[no]:")


# --- held-out OCR v25's safety pass (four reports read: three wrong `met`s and a twin that differed) -----------------
@pytest.mark.parametrize(
    ("text", "status"),
    [
        # [ocr25s-bracketed-call] the English call glossed in brackets after the foreign words of the variant's row
        ("Resultado (Result), biopsia pulmonar (lung biopsy):\nKRAS G12C  nao encontrada (not detected)\n", "not_met"),
        ("Resultado (Result), biopsia pulmonar:\n  KRAS  G12C   ei loydetty [negative]\n", "not_met"),
        # guards: a positive gloss stays positive; a bracket holding more than a call is no call
        ("Resultado (Result), biopsia pulmonar:\nKRAS G12C  encontrada (detected)\n", "met"),
        ("Resultado, biopsia pulmonar:\nKRAS G12C  encontrada em tumor (negative for EGFR and ALK)\n", "met"),
        # [ocr25s-gloss-line] a foreign sentence naming the variant, glossed whole on the next line in brackets
        (
            "Biopsia pulmonar (lung biopsy), 12.11.2026\nNao encontramos a mutacao KRAS G12C na amostra.\n"
            "(We did not find the KRAS G12C mutation in the tumour.)\n",
            "not_met",
        ),
        # guards: the bracketed line names nothing of the variant; the variant's own line has an English call
        ("Biopsia pulmonar, 12.11.2026\nEncontramos a mutacao KRAS G12C na amostra.\n(Sample from the right lower lobe.)\n", "met"),
        (
            "Biopsia pulmonar, 12.11.2026\nKRAS G12C detected in the tumour, 22%.\n(KRAS G12C: one of the codon 12 changes.)\n",
            "met",
        ),
        # [ocr25s-split-columns] a two-column summary: the variant on the not-detected side of the rule
        ("Lung resection, 60 gene panel\nPOSITIVE     |  NEGATIVE\nEGFR L858R 31%  |  KRAS G12C, G12V, BRAF\n", "not_met"),
        # guards: the mirrored columns; a line under the table with no rule is in neither column
        ("Lung resection, 60 gene panel\nNEGATIVE     |  POSITIVE\nEGFR, ALK, BRAF  |  KRAS G12C 18%\n", "met"),
        ("Lung resection, 60 gene panel\nDETECTED  |  NOT DETECTED\nTP53 R273H 40%  |  EGFR, ALK\nKRAS G12C 12% also found.\n", "met"),
        # [ocr25s-row-call] a table printed as one block: a later row's "not detected" leaves the row above its call
        (
            "Lung core, droplet PCR\nTARGET     DROPLETS   FRACTION   CALL\nKRAS G12C  2,310      4.1%       DETECTED\n"
            "KRAS G12V  3          0.0%       not detected\n",
            "met",
        ),
        # guard: a negative word on the variant's own row keeps the row negative
        (
            "Lung core, droplet PCR\nTARGET     DROPLETS   FRACTION   CALL\nKRAS G12C  no droplets  0.0%  not detected\n"
            "KRAS G12V  1,420      3.3%       DETECTED\n",
            "not_met",
        ),
    ],
)
def test_ocr25s_glossed_calls_split_columns_and_row_calls(text: str, status: str) -> None:
    """[ocr25s-*] (held-out OCR v25's safety pass) a foreign variant line read as a bare detection (its English gloss
    in brackets, on its line or the next, is the call); a two-column summary whose not-detected side was read as found;
    a table row's positive call negated by the next row of a table printed without blank lines (a scan spacing the
    rows apart made the twins differ)."""
    assert scans.kras_status(text, "Molecular result") == status


# --- issue 17's twenty-seventh pass (held-out OCR v25 read): a glued gloss, a printout's keys, a disregarded table,
# a relative's variant, cell-free DNA ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # [ocr25-glued-gloss-variant] the gloss of a foreign conclusion names the variant glued to the word before it
        (
            "Proba (Specimen): lung core\nKRAS G12D  nalezena (found)\nZaver: mutace KRAS G12D, G12C nenalezena.\n"
            "(Summary: a KRAS G12D change; the tumour is notG12C.)\n",
            "not_met",
        ),
        # guard: the glued name is another variant, so the foreign line is not read through that gloss
        (
            "Proba (Specimen): lung core\nZaver: mutace KRAS G12C nalezena.\n(Summary: this is notG12D.)\n",
            "met",
        ),
        # [ocr25-machine-key] a caller's printout: a lower-case key line after a note that says "NOT reported"
        (
            "run=LC-88  specimen=FFPE lung core\nremark: BRAF V600E at 0.3% is under the limit and NOT reported\n"
            "final_call: KRAS G12C confirmed by manual review\n",
            "met",
        ),
        (
            "run=LC-88  specimen=FFPE lung core\nremark: the sample was sequenced twice and nothing was\n"
            "signed_out=KRAS G12C present on both runs\n",
            "met",
        ),
        # guard: a wrapped sentence whose next line starts with a lower-case word and a colon stays one sentence
        (
            "Lung core, panel sequencing. We did not find any change in KRAS at codon 12, and in\n"
            "particular: G12C was absent from every read.\n",
            "not_met",
        ),
        # [ocr25-caps-verdict-line] a capitalised verdict line, then a row whose leaders a scan erased: two statements
        ("Blood draw, liquid biopsy\nSUMMARY: NO TUMOUR-DERIVED VARIANTS WERE DETECTED\nKRAS G12C  not detected\n", "insufficient"),
        # guard: a capitalised line that stops mid-phrase still wraps onto the next
        ("Lung core block B2\nCONCLUSION: THE RESECTED TUMOUR CARRIES A KRAS MUTATION,\nG12C, CONFIRMED ON REPEAT.\n", "met"),
        # [ocr25-disregard-part] a corrected report: an earlier table that is not this patient's, to be disregarded
        (
            "CORRECTED REPORT\nSpecimen: lung wedge, block 3\nWhy corrected: version 1 printed a table\nfrom a mixed-up "
            "sample (KRAS G12C, 30%) that does not belong to this patient and should be ignored.\n"
            "KRAS: no mutation detected in exons 2, 3 and 4.\n",
            "not_met",
        ),
        # guard: the report itself said to be another patient's, with nothing else to void, stays void
        (
            "Specimen: lung wedge, block 3\nThis report does not belong to this patient.\nKRAS G12C detected, 30%.\n",
            "insufficient",
        ),
        # [ocr25-relative-has-variant] a letter: the relative, an aside about her, then "has a KRAS G12C ..."
        (
            "Dear colleague,\nHis brother, who is also a patient of ours, has a KRAS G12C colorectal cancer. His own colon biopsy "
            "shows KRAS G13D, not a G12C.\n",
            "not_met",
        ),
        ("Dear colleague,\nHer mother carried KRAS G12C in her tumour. Her own lung biopsy is pending.\n", "insufficient"),
        # guards: the relative named in a sentence before, the patient the subject of "has"; the patient "as her sister"
        ("Dear colleague,\nHer sister came with her today. She has a KRAS G12C lung adenocarcinoma on biopsy.\n", "met"),
        ("Dear colleague,\nShe has a KRAS G12C lung adenocarcinoma, as her sister did.\n", "met"),
        # [ocr25-cell-free-dna] a plasma result in cell-free DNA: the sample's name, no negation
        ("Plasma NGS (blood)\nSUMMARY: KRAS G12C found in the cell-free DNA at 0.3%.\n", "met"),
        ("Plasma NGS (blood)\nKRAS p.G12C identified in circulating cell free DNA.\n", "met"),
        # guards: a negative in the same sentence keeps it negative (a plasma negative is no G12C answer)
        ("Plasma NGS (blood)\nSUMMARY: KRAS G12C was not found in the cell-free DNA.\n", "insufficient"),
        ("Plasma NGS (blood)\nKRAS G12C absent from the cell-free DNA sample.\n", "insufficient"),
    ],
)
def test_ocr25_glued_gloss_machine_keys_disregarded_table_relative_and_cell_free(text: str, status: str) -> None:
    """[ocr25-*] (held-out OCR v25, twenty-seventh pass) a worst-fax gloss whose "not" glued to the variant (a wrong
    met made by OCR); a call printout's lower-case keys run into the note above; a corrected report's disregarded
    table of another patient voiding the whole report; a relative's variant as the sentence's object; "cell-free"
    read as a negation."""
    assert scans.kras_status(text, "Molecular result") == status


# --- held-out OCR v26's safety pass (four reports read: an OCR-made met at the worst level, three unsupported mets) --
@pytest.mark.parametrize(
    ("text", "status"),
    [
        # [ocr26s-labelled-row] the variant as a row's label, a colon, words in the lab's language, the English call
        # in brackets after them
        ("Biopsia polmonare (lung core), NGS:\nKRAS G12C: nun chattà (not detected)\n", "not_met"),
        # ... the label's colon read as a semicolon by a poor fax
        ("Biopsia polmonare (lung core), NGS:\nKRAS G12C; nun chattà (negative)\n", "not_met"),
        # ... a plasma sample: a negative plasma call is no G12C answer
        ("Plasma (blood draw), cell-free DNA panel:\nKRAS G12C: ez talalhato (not found)\n", "insufficient"),
        # guards: an English result word before the bracket keeps the row's own call; a bracket holding more than a
        # call is no call; a positive gloss stays positive
        ("Biopsia polmonare (lung core), NGS:\nKRAS G12C: detected (not detected on the first run)\n", "met"),
        ("Biopsia polmonare (lung core), NGS:\nKRAS G12C: chattà (not found in the normal sample)\n", "met"),
        ("Biopsia polmonare (lung core), NGS:\nKRAS G12C: chattà (found)\n", "met"),
        # [ocr26s-okina-word] a foreign word holding a glottal stop written as an apostrophe is still a word
        ("Biopsy of the lung (tissue), NGS:\nKRAS G12C  'ikai 'ilo'i (not detected).\n", "not_met"),
        # guard: the same words before a positive gloss stay positive
        ("Biopsy of the lung (tissue), NGS:\nKRAS G12C  na'e 'ilo'i (detected).\n", "met"),
    ],
)
def test_ocr26s_labelled_row_and_glottal_stop_words(text: str, status: str) -> None:
    """[ocr26s-*] (held-out OCR v26's safety pass) a bilingual row "KRAS G12C: <foreign words> (not found)" read as a
    bare detection, its English call in brackets missed because of the label's colon (a worst-level fax read it as a
    semicolon: an OCR-made wrong met), or because a foreign word held an apostrophe for its glottal stop."""
    assert scans.kras_status(text, "Molecular result") == status


# --- issue 17's twenty-eighth pass (held-out OCR v26 read): a bare variant's gloss (wrapped), a dashed row, a wrapped
# foreign sentence before its gloss line, a no-peak cell, no call made, a control carrying the variant --------------
@pytest.mark.parametrize(
    ("text", "status"),
    [
        # [ocr26-bare-gloss] the bare variant after a foreign word, its bracketed gloss restating it with the call,
        # the bracket wrapped over a line break, or a slash gloss
        (
            "Lung core, tissue NGS:\nSchluss (Conclusion): KRAS G13D im Gewebe (in the tissue); Ergebnis kein G12C (no\n"
            "G12C).\n",
            "not_met",
        ),
        ("Lung core, tissue NGS:\nKRAS G12S found; sonuc yok G12C (no G12C).\n", "not_met"),
        ("Lung core, tissue NGS:\n(KRAS G12D - bez G12C / without G12C)\n", "not_met"),
        # guards: an English word before the variant is no gloss; a blank line between keeps them apart
        ("Lung core, tissue NGS:\nKRAS G12C found in the tumour (G12C at 14%).\n", "met"),
        ("Lung core, tissue NGS:\nKRAS tulos G12C (not\n\nG12C).\n", "met"),
        # ... nor is a bracket naming the gene with the variant: a mention of its own, not a gloss of the bare name
        ("Lung core, tissue NGS:\nPlan: review G12C options (tumour KRAS G12C) at the next visit.\n", "met"),
        # [ocr26-dashed-row] "KRAS G12C - <foreign words> (not detected)": the bracket is the call
        ("Lung core, tissue NGS:\nKRAS G12C - ei loydetty (not detected)\n", "not_met"),
        # guard: an English result word among the words keeps the row's own call
        ("Lung core, tissue NGS:\nKRAS G12C - detected sehr (not detected on the rerun)\n", "met"),
        # [ocr26-wrapped-gloss-line] the foreign sentence wrapped once before its bracketed gloss line
        (
            "Lung core, tissue NGS:\nKRAS G13C gevind.\nOpmerking: G13C, geen G12C; G12C-middels is hier nie\nbruikbaar.\n"
            "(G13C, no G12C; G12C drugs are of no use here.)\n",
            "not_met",
        ),
        # guards: a wrap holding a result word, or a wrap of two lines, keeps the gloss apart (both read: review)
        ("Lung core, tissue NGS:\nOpmerking: G12C gevind in die\ngewas detected.\n(G12C, no G12C.)\n", "review"),
        (
            "Lung core, tissue NGS:\nUmphumela: G12C ayitholakalanga esampuleni\nsethu, bheka\nisithasiselo.\n"
            "(G12C was not found in our sample.)\n",
            "review",
        ),
        # [ocr26-no-peak-cell] a mass-spectrometry row ending "no mutant peak": the row's variants not seen
        ("Lung resection, MALDI genotyping:\nKRAS  G12C G12D G12V G13D  no mutant peak\n", "not_met"),
        # ... the gap before the call read as one space by a scan: only variant names before it
        ("Lung resection, MALDI genotyping:\nKRAS  G12V G12C G13D no mutant peak\n", "not_met"),
        ("Lung resection, MALDI genotyping:\nKRAS  G12C seen, no mutant peak\n", "met"),
        # guards: a positive call or another gene before the cell leaves the cell to them
        ("Lung resection, MALDI genotyping:\nKRAS  G12C  0.22 DETECTED  no mutant peak\n", "met"),
        ("Lung resection, MALDI genotyping:\nKRAS  G12C  NRAS Q61K  no mutant peak\n", "met"),
        # [ocr26-no-call-made] a failed run: no call can be made for the variants it names
        ("Lung biopsy, PCR run notice:\nControl failed. No genotype call could be made for G12C or G12D.\n", "insufficient"),
        # guard: a call given in the same sentence stays
        ("Lung biopsy, PCR:\nNo call could be made for G13D; KRAS G12C detected in the tumour.\n", "met"),
        # [ocr26-control-carries] a control the subject of the verb whose object is the variant
        ("Lung biopsy, PCR:\nThe run's positive control contained KRAS G12C.\nKRAS: wild type.\n", "not_met"),
        # guard: the patient's tumour carrying it, a control named after it
        ("Lung biopsy, PCR:\nThe tumour carries KRAS G12C; the positive control passed.\n", "met"),
    ],
)
def test_ocr26_bare_gloss_dashed_row_wrapped_gloss_no_peak_no_call_and_control(text: str, status: str) -> None:
    """[ocr26-*] (held-out OCR v26, twenty-eighth pass) a bare variant in the lab's language read beside its gloss
    (the bracket wrapped over a line: the worst-fax review of the safety pass), a dashed bilingual row, a foreign
    sentence wrapped before its gloss line, a genotyping row's "no mutant peak", a failed run's "no call can be
    made", a title's control carrying the variant."""
    assert scans.kras_status(text, "Molecular result") == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # [ocr27s-continuation-speck] a wrapped sentence's next line ends in a lone bar a fax left after its bracket
        # or stop: the wrap stands, the line's negation reaches the variant on the next line
        ("Lung biopsy, tissue NGS:\nSummary: KRAS codon 12 sequenced in full, and there was no\nG12C. |\n", "not_met"),
        ("Lung biopsy, tissue NGS:\nSummary (for the record: the tumour sample carried no\nG12C) |\n", "not_met"),
        # guard: a real row with a cell before its last bar stays a row of its own
        ("Lung biopsy, tissue NGS:\nSummary: KRAS codon 12 sequenced in full, and there was no\nG12C | detected |\n", "met"),
        # guard: a line that is the variant's own positive statement, a speck after it, stays positive
        ("Lung biopsy, tissue NGS:\nSummary: the tumour sample was sequenced in full.\nKRAS G12C detected. |\n", "met"),
    ],
)
def test_ocr27s_speck_ending_a_wrapped_line(text: str, status: str) -> None:
    """[ocr27s-*] (held-out OCR v27's safety pass) a worst-fax speck read as a bar at the end of a wrapped sentence's
    second line made it a table row of its own, cutting the "no" of the line above off its variant (a wrong met)."""
    assert scans.kras_status(text, "Molecular result") == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # [ocr27-postposed-negation] a glossed language's negation word after the variant, ending its clause
        ("Tumour block B1, hotspot sequencing\nErgebnis (Result): KRAS G12D nachgewiesen (detected); G12C nicht.\n", "not_met"),
        ("Tumour block B1, hotspot sequencing\nSlutsats: KRAS G12C inte; ingen annan variant.\n", "not_met"),
        # guards: a bracket right after it giving a positive call; a word off the closed list
        ("Tumour block B1, hotspot sequencing\nWynik: KRAS G12C nie (G12C detected on the repeat run)\n", "met"),
        ("Tumour block B1, hotspot sequencing\nResult: KRAS G12C nevo.\n", "met"),
        # [ocr27-coded-label] the label's coding change in a bracket before its mark, a foreign call glossed after it
        ("Tumour block C2, NGS panel\nKRAS G12C (c.34G>T): ei todettu (not found)\nKRAS G13D (c.38G>A): todettu\n", "not_met"),
        # guard: a bracket holding more than one change is no coded label
        ("Tumour block C2, NGS panel\nKRAS G12C (codon 12 hotspot probe 4): todettu (found)\n", "met"),
        # [ocr27-record-field] a system export's key=value record naming the variant as a field's value
        ("Molecular export (tissue)\nrun.id=77-A\nresult[1].gene=KRAS\nresult[1].protein=p.G12C\nresult[1].af=0.31\n", "met"),
        # guards: the record's gene field names another gene; the record's own call field is negative
        ("Molecular export (tissue)\nrun.id=77-A\nresult[1].gene=NRAS\nresult[1].protein=p.G12C\nresult[1].af=0.31\n", "insufficient"),
        ("Molecular export (tissue)\nresult[1].gene=KRAS\nresult[1].protein=p.G12C\nresult[1].call=not detected\n", "not_met"),
        ('Molecular export (tissue)\nRESULT.4.GENE = "KRAS"\nRESULT.4.PROTEIN = "p.Gly12Cys"\nRESULT.4.CALL = NOT_DETECTED\n', "not_met"),
        # [ocr27-glued-conditional] "if a" read glued by a scan: a hypothetical
        ("Plan\nifa KRAS G12C change is ever reported, a targeted tablet would be discussed.\n", "insufficient"),
        # guard: a comma closes the conditional clause before the finding
        ("Plan\nifthe core is adequate, fine; the lab reported KRAS G12C detected in the tumour.\n", "met"),
    ],
)
def test_ocr27_postposed_negation_coded_label_record_field_and_glued_if(text: str, status: str) -> None:
    """[ocr27-*] (held-out OCR v27, twenty-ninth pass) a negation word written after the variant in a glossed
    language, a bilingual row whose label carries its coding change, a laboratory system's key=value export, a
    scan's "if a" glued into one token."""
    assert scans.kras_status(text, "Molecular result") == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # [ocr27-dated-heading] a result whose sentence a scan broke before it takes its paragraph heading's date: an
        # addendum dated after the evaluation date is not yet a result
        ("Surgical pathology\nDiagnosis: adenocarcinoma.\nMOLECULAR ADDENDUM (11/28/2026): sequencing of block B2 of this\n"
         "specimen. KRAS p.G12C detected (VAF 18%).\n", "insufficient"),
        # guards: a heading dated before the document keeps the document's date; a blank line ends the paragraph;
        # another heading between
        ("Surgical pathology\nDiagnosis: adenocarcinoma.\nPRIOR ADDENDUM (03/14/2024): sequencing of block B2 of this\n"
         "specimen. KRAS p.G12C detected (VAF 18%).\n", "met"),
        ("Surgical pathology\nMOLECULAR ADDENDUM (11/28/2026): sequencing is being repeated.\n\n"
         "Earlier block. KRAS p.G12C detected (VAF 18%).\n", "met"),
        ("Surgical pathology\nMOLECULAR ADDENDUM (11/28/2026): sequencing is being repeated.\nFINAL DIAGNOSIS:\n"
         "Block A1. KRAS p.G12C detected (VAF 18%).\n", "met"),
    ],
)
def test_ocr27_dated_heading(text: str, status: str) -> None:
    """[ocr27-dated-heading] (held-out OCR v27's hod27-25 class) the date of a finding from its paragraph's dated
    heading when its own sentence, broken by a scan, states none; never earlier than the document's date."""
    chart = scans.chart(scans.document("scan1", text.encode(), "text/plain", "Pathology report"))
    assert kras(priorauth.check(chart, as_of="2026-11-20"))["status"] == status


@pytest.mark.parametrize(
    ("line", "misread"),
    [
        # [ocr27-identifier-label] a doubted foreign label word like a drug's name, before an identifier: no drug
        ("Paciente: X Y  Tarxeta sanitaria: OOO0000000\n", False),
        ("Ident (card): Tarxeta: 00000000\n", False),
        ("Tarxeta sanitaria (health card): 00000000\n", False),
        # guards: the same word before a dose, or at a line's end, is still a misread drug
        ("Plan: Tarxeta: 150 mg daily\n", True),
        ("Previously given tarxeta\n", True),
    ],
)
def test_ocr27_identifier_label_is_no_misread_drug(line: str, misread: bool) -> None:
    from priorauth.text import _misread_drug

    words = [ocr.Word(m.start(), m.end(), 40.0, (0, 0, 1, 1)) for m in re.finditer(r"\S+", line)]
    assert (_misread_drug(line, words) is not None) is misread


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # [ocr28s-inverted-conditional] a condition whose verb comes first, no "if": a hypothetical, no result
        ("Clinic letter\nThe core went for sequencing last week. Should a KRAS G12C variant be reported, we would\n"
         "discuss sotorasib at the next visit.\n", "insufficient"),
        ("Clinic letter\nTissue panel awaited. Were KRAS G12C to be confirmed, a targeted tablet is the plan.\n", "insufficient"),
        # guards: the verb in the middle of a clause; no "be" after the variant
        ("Clinic letter\nThe resected tumour had KRAS G12C present on tissue sequencing.\n", "met"),
        ("Clinic letter\nTissue panel back. Had KRAS G12C detected in the lung resection, per the lab.\n", "met"),
        # [ocr28s-cannot-comment] the writer unable to speak to the variant, maybe wrapped over lines: no result
        ("Second opinion\nNo molecular report came with the slides, so I am unable to comment on the KRAS G12C status.\n",
         "insufficient"),
        ("Second opinion\nThe gene report is missing and I cannot\ncomment on\nKRAS G12C.\n", "insufficient"),
        ("Second opinion\nThe gene report is missing and I cannot\ncomment on\n.. KRAS G12C.\n", "insufficient"),
        # guard: a stop closes the inability before the finding
        ("Second opinion\nI cannot comment on the scans. Tissue sequencing: KRAS G12C detected in the tumour.\n", "met"),
        # [ocr28s-sentence-gloss] a foreign sentence ending on the variant, its English gloss in a bracket after it
        ("Tumour block, tissue hotspot NGS\nTathmini: aina ni KRAS G13D sio G12C. (The change seen is G13D, not G12C.)\n",
         "not_met"),
        # guards: an English function word before the variant; a result word between it and the bracket
        ("Tumour block, tissue hotspot NGS\nThe resected tumour carries KRAS G12C. (The tablet discussed inhibits G12C.)\n",
         "met"),
        ("Tumour block, tissue hotspot NGS\nTathmini: KRAS G12C detected. (The change seen on the block is G12C.)\n", "met"),
    ],
)
def test_ocr28s_inverted_conditional_cannot_comment_and_sentence_gloss(text: str, status: str) -> None:
    """[ocr28s-*] (held-out OCR v28's safety pass) three KRAS mets on clean text the labels say are insufficient: a
    condition written verb first, a writer who cannot comment on the result, a foreign sentence read past its English
    gloss."""
    assert scans.kras_status(text, "Molecular result") == status
