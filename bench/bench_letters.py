"""Speed of reading a payer letter at normal fax quality (issue 18): seconds a page for straightening
and for Tesseract, under today's call (page segmentation mode 4, pages enlarged to ~300 dpi) and the
cheaper-looking alternatives (mode 6; no enlargement), with the goal fields each gets right, and the
cost of the second reading of weak fields; ratios against today's call, measured in the same run.
Needs the tesseract program.

    .venv/bin/python bench/bench_letters.py [--letters hl-001,hl-002,...]
    .venv/bin/python bench/bench_letters.py --quick     # one letter, today's call only (CI)
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import letter_quality as lq  # noqa: E402

from priorauth.letters import source  # noqa: E402
from priorauth.letters.proposal import propose  # noqa: E402
from priorauth.text import ocr  # noqa: E402
from tests.letters import render  # noqa: E402

DEFAULT = "hl-001,hl-002,hl-015,hl-022,hl-030,hl-043"
VARIANTS = {
    "psm 4, ~300 dpi (today)": ("4", True),
    "psm 6, ~300 dpi": ("6", True),
    "psm 4, no enlargement": ("4", False),
}
GOAL = ("outcome", "authorization_number", "period_start", "period_end", "appeal_deadline")


def run(ids: list[str], variants: list[str], second: bool = True) -> None:
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    letters = [x for x in render.letters("heldout") if x["id"] in ids]
    raws = {x["id"]: render.rendered(x, "fax") for x in letters}
    t0 = time.perf_counter()
    pages = {i: list(ocr._pages(raw, "tiff", [])) for i, raw in raws.items()}  # straightened, as ocr.read does
    n_pages = sum(len(p) for p in pages.values())
    straighten = (time.perf_counter() - t0) / n_pages
    print(f"{len(letters)} letters, {n_pages} pages; load average {os.getloadavg()[0]:.1f}")
    print(f"straightening (median filter, deskew, enlarge): {straighten:.2f} s a page")
    base = None
    saved = ocr.PSM
    try:
        for name in variants:
            psm, enlarge = VARIANTS[name]
            ocr.PSM = psm
            spent, right, total = 0.0, 0, 0
            for letter in letters:
                texts, out, off = [], [], 0
                for k, img in enumerate(pages[letter["id"]], 1):
                    if not enlarge:
                        img = img.resize((img.width // 2, img.height // 2))
                    t = time.perf_counter()
                    text, page = ocr._ocr_page(img, k, 600)
                    spent += time.perf_counter() - t
                    texts.append(text)
                    out.append(page.shifted(off))
                    off += len(text) + len(ocr.PAGE_BREAK)
                p = propose(source.LetterText(ocr.PAGE_BREAK.join(texts), tuple(out), "tiff", True))
                want = lq.expected_of(letter)
                for f in GOAL:
                    total += 1
                    right += lq.verdict(f, lq._iso(want[f]), lq._iso(p.value(f))) == "correct"
            per_page = spent / n_pages
            base = base or per_page
            print(
                f"{name:26} Tesseract {per_page:6.2f} s a page ({per_page / base:.2f}x), goal fields right {right}/{total}"
            )
    finally:
        ocr.PSM = saved
    if not second:
        return
    rules, weak = 0.0, 0
    for letter in letters:
        text = source.read(raws[letter["id"]])
        t = time.perf_counter()
        p = propose(text, None, raws[letter["id"]])
        rules += time.perf_counter() - t  # the rules and the second readings, without the first OCR
        weak += sum("second reading" in (f.note or "") for f in p.fields)
    print(f"the rules and second readings: {rules / n_pages:.2f} s a page ({weak} fields filled by a second reading)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--letters", default=DEFAULT, help="held-out letter ids, comma-separated")
    ap.add_argument("--quick", action="store_true", help="one one-page letter, today's call only (CI)")
    args = ap.parse_args(argv)
    if ocr.tesseract_version() is None:
        print("bench_letters: tesseract is not installed; nothing measured")
        return 0
    ids = args.letters.split(",")
    variants = list(VARIANTS)
    if args.quick:
        ids, variants = ["hl-043"], variants[:1]
    run(ids, variants, second=not args.quick)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
