"""Paper in the browser (issue 17): a coordinator drops a scanned NGS report (a fax: CCITT G4 TIFF at
200x100 dpi) on a case whose KRAS criterion is insufficient; the case is evaluated again, KRAS G12C is
met, and its evidence opens beside the scanned page with the cited words highlighted."""

from __future__ import annotations

import base64
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import login, shot
from tests.ocr import scans

COORDINATOR = "coordinator@demo.priorauth"
DROP = """([b64, name]) => {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const dt = new DataTransfer();
  dt.items.add(new File([bytes], name, {type: "image/tiff"}));
  const zone = document.getElementById("dropzone");
  zone.dispatchEvent(new DragEvent("dragover", {dataTransfer: dt, bubbles: true, cancelable: true}));
  zone.dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
}"""


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr is not installed")
def test_drop_a_scanned_ngs_report_and_kras_becomes_met(page: Any, tmp_path: Path) -> None:
    chart = tmp_path / "no-kras.json"
    chart.write_text(json.dumps(scans.chart({"resourceType": "Basic", "id": "nothing"})))
    report = next(r for r in scans.reports() if r.id == "ngs-tissue-g12c")
    fax, _ = scans.encode(scans.fax_pages(report), "tiff")

    login(page, COORDINATOR)
    page.goto("/upload")
    page.get_by_label("Chart file").set_input_files(str(chart))
    page.get_by_role("button", name="Upload and evaluate").click()
    page.wait_for_url(re.compile(r"/cases/\w+\?done=created"))
    kras = page.locator("#crit-kras_g12c")
    assert "c-insufficient" in kras.get_attribute("class")

    page.evaluate(DROP, [base64.b64encode(fax).decode(), "outside-ngs-fax.tif"])
    page.wait_for_url(re.compile(r"done=document"), timeout=300_000)  # OCR on a busy machine
    assert page.get_by_role("status").inner_text() == "Document added; the case was evaluated again."
    kras = page.locator("#crit-kras_g12c")
    assert "c-met" in kras.get_attribute("class"), kras.inner_text()
    assert "scanned, page 1" in kras.inner_text()

    kras.locator("a[href*='DocumentReference/case-doc-']").first.click()
    image = page.locator("#evidence-panel img#scan-page")
    image.wait_for(timeout=180_000)  # the evidence view OCRs the page in the server process: slow when busy
    page.wait_for_function(
        "() => { const i = document.getElementById('scan-page'); return i && i.complete && i.naturalWidth > 0; }"
    )
    assert page.evaluate("document.getElementById('scan-page').naturalWidth") == 1000
    mark = page.locator("#evidence-panel mark#cited")
    assert "G12C" in mark.inner_text()
    assert "Scanned page 1" in page.locator("#evidence-panel figcaption").inner_text()
    shot(page, "scanned-evidence")
