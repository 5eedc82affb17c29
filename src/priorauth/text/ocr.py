"""Scanned pages -> text, a page map and word confidences (Tesseract through pytesseract).

The source-extraction seam for paper: a scanned PDF (no text layer; the CCITT G3/G4 images fax servers
write included), a multi-page TIFF, a PNG or a JPEG becomes one text, its pages joined in order with a
form feed, with every word's offsets, box and Tesseract confidence, so evidence can cite exact spans and
say how sure the reading was. The page images are straightened (fax pixels made square, speckle removed,
skew corrected) before Tesseract reads them; :func:`page_images` returns the same images, so word boxes
line up with what a person is shown.

Limits keep a hostile file from stalling anything: pages, pixels per page and seconds per document. A
document past a limit is read up to it and says so in a warning; one that cannot be read at all is a
warning too. Results are cached in memory by the bytes' SHA-256 (never on disk: the text is PHI).
Without the ``tesseract`` program every scan is a warning ("OCR not available: install tesseract-ocr").
"""

from __future__ import annotations

import difflib
import hashlib
import io
import os
import re
import time
import warnings as _warnings
from collections import OrderedDict
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from statistics import median
from threading import Lock
from typing import Any

TESTED_TESSERACT = "5.3.0"  # Debian bookworm's tesseract-ocr 5.3.0-2: the version the thresholds were measured with
LANG = "eng"
PSM = "4"  # "a single column of text of variable sizes": keeps a table row on one line (psm 3 splits columns)
MAX_PAGES = 40  # a 20-page fax twice over; later pages are not read (warning)
MAX_PIXELS = 30_000_000  # per page: a letter page at 600 dpi is 34 MP, a fax page ~3.5 MP
LIMIT_SECONDS = 600.0  # per document, all pages: a 20-page fax on a busy 2-core server (26 s a page) fits
MAX_SECONDS = LIMIT_SECONDS  # in the service's workers, lowered to fit the evaluation's limit (service/pool.py)
TARGET_DPI = 300  # pages are enlarged to about this resolution before Tesseract reads them
CONFIDENT = 70.0  # a word read at or above this Tesseract confidence is trusted (measured: docs/clinical-text.md)
UNRELIABLE_SHARE = (
    0.2  # a page with more of its words below CONFIDENT is read unreliably (measured: docs/clinical-text.md)
)
PAGE_BREAK = "\f"
UNAVAILABLE = "OCR not available: install tesseract-ocr"
IMAGE_TYPES = {"image/tiff": "tiff", "image/tif": "tiff", "image/png": "png", "image/jpeg": "jpeg", "image/jpg": "jpeg"}


@dataclass(frozen=True)
class Word:
    start: int  # offsets into the scan's text
    end: int
    conf: float  # Tesseract's word confidence, 0-100
    box: tuple[int, int, int, int]  # left, top, width, height in the page image's pixels


@dataclass(frozen=True)
class Page:
    number: int  # 1-based
    start: int  # the page's text is text[start:end]
    end: int
    size: tuple[int, int]  # the (straightened) page image's width, height
    words: tuple[Word, ...]  # empty for a page read from a PDF's text layer
    ocr: bool = True

    def shifted(self, by: int) -> Page:
        words = tuple(Word(w.start + by, w.end + by, w.conf, w.box) for w in self.words)
        return Page(self.number, self.start + by, self.end + by, self.size, words, self.ocr)


@dataclass(frozen=True)
class Scan:
    text: str
    pages: tuple[Page, ...]
    warnings: tuple[str, ...] = ()


class OcrUnavailable(Exception):
    """The tesseract program is not installed (or not runnable)."""


@cache
def tesseract_version() -> str | None:
    """The installed Tesseract's version (``5.3.0``), or None without the program."""
    try:
        import pytesseract

        return str(pytesseract.get_tesseract_version()).split()[0]
    except Exception:  # not installed, not runnable, or an unreadable version banner
        return None


def version_note() -> str | None:
    """A warning when the installed Tesseract is not the one priorauth was measured with."""
    v = tesseract_version()
    if v is None or v.startswith(TESTED_TESSERACT):
        return None
    return (
        f"OCR by Tesseract {v}; priorauth's OCR thresholds were measured with {TESTED_TESSERACT}: readings may differ"
    )


_CACHE: OrderedDict[str, Scan] = OrderedDict()
_CACHE_SIZE = 64
_LOCK = Lock()


def read(raw: bytes, kind: str) -> Scan:
    """OCR a scanned document of ``kind`` (``pdf``, ``tiff``, ``png``, ``jpeg``); cached by content.
    Raises :class:`OcrUnavailable` without Tesseract; a file that cannot be read raises ValueError."""
    if tesseract_version() is None:
        raise OcrUnavailable(UNAVAILABLE)
    key = f"{kind}:{hashlib.sha256(raw).hexdigest()}"
    with _LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
    scan = _read(raw, kind)
    with _LOCK:
        _CACHE[key] = scan
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return scan


def clear_cache() -> None:
    with _LOCK:
        _CACHE.clear()


def _read(raw: bytes, kind: str) -> Scan:
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # Tesseract's OpenMP threads crawl on a busy machine
    notes: list[str] = []
    deadline = time.monotonic() + MAX_SECONDS
    texts: list[str] = []
    pages: list[Page] = []
    offset = 0
    for number, item in enumerate(_pages(raw, kind, notes), 1):
        if isinstance(item, str):  # a PDF page with a text layer
            text, page = item.strip() + "\n", None
        else:
            left = deadline - time.monotonic()
            if left <= 1:
                notes.append(f"OCR stopped at page {number}: the {MAX_SECONDS:.0f} s limit per document was reached")
                break
            try:
                text, page = _ocr_page(item, number, left)
            except RuntimeError as exc:  # pytesseract's timeout
                if "timeout" not in str(exc).lower():
                    raise
                notes.append(f"OCR stopped at page {number}: the {MAX_SECONDS:.0f} s limit per document was reached")
                break
        texts.append(text)
        if page is None:
            pages.append(Page(number, offset, offset + len(text), (0, 0), (), ocr=False))
        else:
            pages.append(page.shifted(offset))
        offset += len(text) + len(PAGE_BREAK)
    return Scan(PAGE_BREAK.join(texts), tuple(pages), tuple(notes))


def page_images(raw: bytes, kind: str, limit: int | None = None) -> list[Any]:
    """The straightened page images Tesseract read (PIL images; None for a PDF page read from its text
    layer), so word boxes line up with them."""
    out = []
    for item in _pages(raw, kind, [], limit):
        out.append(None if isinstance(item, str) else item)
    return out


def _pages(raw: bytes, kind: str, notes: list[str], limit: int | None = None):  # type: ignore[no-untyped-def]
    """Each page: a straightened PIL image, or the text of a PDF page that has a text layer."""
    from PIL import Image

    limit = MAX_PAGES if limit is None else limit
    if kind == "pdf":
        yield from _pdf_pages(raw, notes, limit)
        return
    with _warnings.catch_warnings():  # our pixel limit is lower than Pillow's bomb warning
        _warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        img = Image.open(io.BytesIO(raw))  # reads the header only: sizes are known before pixels are decoded
    frames = getattr(img, "n_frames", 1)
    if frames > limit:
        notes.append(f"{frames} pages: only the first {limit} were read (limit)")
    for i in range(min(frames, limit)):
        img.seek(i)
        if img.width * img.height > MAX_PIXELS:
            notes.append(f"page {i + 1} is {img.width}x{img.height} pixels, over the limit: not read")
            yield ""
            continue
        dpi = img.info.get("dpi") or (0, 0)
        yield straighten(img.copy(), _aspect(dpi, None), _number(dpi[0]))


def _pdf_pages(raw: bytes, notes: list[str], limit: int):  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(raw))
    if len(reader.pages) > limit:
        notes.append(f"{len(reader.pages)} pages: only the first {limit} were read (limit)")
    for i, page in enumerate(reader.pages[:limit]):
        text = page.extract_text() or ""
        if len(text.strip()) >= 20:
            yield text
            continue
        best = _largest_image(page)
        if best is None:
            yield ""
            continue
        width, height, image = best
        if width * height > MAX_PIXELS:
            notes.append(f"page {i + 1} is {width}x{height} pixels, over the limit: not read")
            yield ""
            continue
        box = page.mediabox
        dpi = width / (float(box.width) / 72) if float(box.width) > 0 else None
        yield straighten(image.image, _aspect(None, (float(box.width), float(box.height), width, height)), dpi)


def _largest_image(page: Any) -> tuple[int, int, Any] | None:
    """The page's largest image XObject (a scanned page is one image), sized before it is decoded."""
    best = None
    for image in page.images:
        obj = image.indirect_reference.get_object() if image.indirect_reference else {}
        width, height = int(obj.get("/Width", 0) or 0), int(obj.get("/Height", 0) or 0)
        if best is None or width * height > best[0] * best[1]:
            best = (width, height, image)
    return best


def _aspect(dpi: Any, pdf: tuple[float, float, int, int] | None) -> float:
    """How much taller the page should be, in pixels, for square pixels: 2.0 for a standard-mode fax
    (204x98 dpi), 1.0 for a scan."""
    if pdf is not None:
        page_w, page_h, px_w, px_h = pdf
        if page_w <= 0 or page_h <= 0 or px_w <= 0 or px_h <= 0:
            return 1.0
        ratio = (page_h / page_w) / (px_h / px_w)
    else:
        try:
            x, y = float(dpi[0]), float(dpi[1])
        except (TypeError, ValueError, IndexError):
            return 1.0
        ratio = x / y if x > 0 and y > 0 else 1.0
    return ratio if abs(ratio - 1.0) > 0.15 and 0.2 < ratio < 5 else 1.0


def _number(value: Any) -> float | None:
    try:
        return float(value) or None
    except (TypeError, ValueError):
        return None


def scale_for(width: int, dpi: float | None) -> float:
    """How much to enlarge a page so Tesseract sees ~300 dpi (at a fax's 200 dpi it merges short words:
    "Ifa" for "If a"); from the resolution when known, else from a letter page's width."""
    if dpi and 50 <= dpi < TARGET_DPI * 0.85:
        return min(2.0, TARGET_DPI / dpi)
    if not dpi and width < 2200:
        return min(2.0, max(1.0, 8.5 * TARGET_DPI / max(1, width)))
    return 1.0


def straighten(img: Any, aspect: float = 1.0, dpi: float | None = None) -> Any:
    """Grey levels, square pixels, fax speckle removed (3x3 median), skew corrected, then enlarged to
    ~300 dpi (the order matters: speckle enlarged first survives the median)."""
    from PIL import Image, ImageFilter

    grey = img.convert("L")
    if aspect != 1.0:
        grey = grey.resize((grey.width, max(1, round(grey.height * aspect))), Image.Resampling.LANCZOS)
    grey = grey.filter(ImageFilter.MedianFilter(3))
    angle = skew_angle(grey)
    if abs(angle) >= 0.2:
        grey = grey.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255, expand=False)
    scale = scale_for(grey.width, dpi)
    if scale != 1.0:
        grey = grey.resize((round(grey.width * scale), round(grey.height * scale)), Image.Resampling.LANCZOS)
    return grey


def skew_angle(grey: Any) -> float:
    """The rotation (degrees) that makes text lines horizontal: the angle whose row profile of dark
    pixels is sharpest (projection-profile method), searched over +-6 degrees on a reduced image."""
    import numpy as np
    from PIL import Image

    small = grey.copy()
    small.thumbnail((900, 900))
    dark = small.point(lambda p: 255 if p < 128 else 0)

    def score(a: float) -> float:
        rows = np.asarray(dark.rotate(a, resample=Image.Resampling.NEAREST, fillcolor=0), dtype=np.float64).sum(1)
        return float(np.square(np.diff(rows)).sum())

    best = max((a / 2 for a in range(-12, 13)), key=score)
    return max((best + a / 10 for a in range(-5, 6)), key=score)


def _ocr_page(img: Any, number: int, seconds: float) -> tuple[str, Page]:
    import pytesseract

    started = time.monotonic()
    shown = img
    img = without_dot_leaders(img)  # what Tesseract reads; word boxes still line up with the page shown
    data = pytesseract.image_to_data(
        img, lang=LANG, config=f"--psm {PSM}", output_type=pytesseract.Output.DICT, timeout=max(1, int(seconds))
    )
    data["text"] = [str(t).strip() for t in data["text"]]
    data["conf"] = [float(c) for c in data["conf"]]
    lines: dict[tuple[int, int, int], list[int]] = {}
    for i, word in enumerate(data["text"]):
        if word and data["conf"][i] >= 0:
            lines.setdefault((data["block_num"][i], data["par_num"][i], data["line_num"][i]), []).append(i)
    ordered = sorted(lines.values(), key=lambda ids: (min(data["top"][i] for i in ids), data["left"][ids[0]]))
    for ids in ordered:
        fixed = normalized([data["text"][i] for i in ids])
        for i, token in zip(ids, fixed, strict=True):
            if token != data["text"][i]:  # a repaired word is not trusted until a second reading agrees
                data["text"][i], data["conf"][i] = token, min(data["conf"][i], CONFIDENT - 1)
    heights = [data["height"][i] for ids in ordered for i in ids] or [1]
    line_height = median(heights)
    ordered = _with_checkboxes(data, ordered, checkboxes(img, line_height))
    left = seconds - (time.monotonic() - started)
    if left > 2:
        _verify(img, data, ordered, left)
    ordered = [_without_debris(data, ids) for ids in ordered]
    parts: list[str] = []
    words: list[Word] = []
    pos = 0
    last_bottom = None
    for ids in ordered:
        top = min(data["top"][i] for i in ids)
        if last_bottom is not None:
            sep = "\n\n" if top - last_bottom > 0.9 * line_height else "\n"
            parts.append(sep)
            pos += len(sep)
        gap = _cell_gap(data, ids)
        prev_right = None
        for i in ids:
            token = data["text"][i]
            if prev_right is not None:
                sep = "  " if data["left"][i] - prev_right > gap else " "  # a table's cell gap
                parts.append(sep)
                pos += len(sep)
            box = (data["left"][i], data["top"][i], data["width"][i], data["height"][i])
            words.append(Word(pos, pos + len(token), data["conf"][i], box))
            parts.append(token)
            pos += len(token)
            prev_right = box[0] + box[2]
        last_bottom = max(data["top"][i] + data["height"][i] for i in ids)
    text = "".join(parts) + "\n"
    return text, Page(number, 0, len(text), (shown.width, shown.height), tuple(words))


def without_dot_leaders(img: Any) -> Any:
    """The page with its dot leaders erased ("KRAS G12C ........ Negative", as forms and result summaries
    print a label and its value): Tesseract reads a row of dots as letters ("oo ceecceseaeeee") and garbles
    the words beside it ("EGFR" as "EGER", "ALK" as "PUM"). A leader is five dots or more, each at most
    0.045 in across, on one baseline, evenly spaced less than 0.12 in apart; an ellipsis, a full stop or an
    i's dot is not."""
    import numpy as np
    from scipy import ndimage

    ppi = img.width / 8.5  # a letter page's width (a fax page is 8.5 in wide; A4 is within 3%)
    dark = np.asarray(img) < 128
    labels, _ = ndimage.label(dark, structure=np.ones((3, 3), dtype=bool))
    small, reach, level = 0.045 * ppi, 0.12 * ppi, 0.015 * ppi
    dots = sorted(
        ((cols.start + cols.stop) / 2, (rows.start + rows.stop) / 2, (rows, cols))
        for rows, cols in ndimage.find_objects(labels)
        if rows.stop - rows.start <= small and cols.stop - cols.start <= small
    )
    after: dict[int, int] = {}  # each dot -> the nearest dot to its right on its baseline
    for n, (x, y, _) in enumerate(dots):
        for m in range(n + 1, len(dots)):
            if dots[m][0] - x > reach:
                break
            if dots[m][0] > x and abs(dots[m][1] - y) <= level:
                after[n] = m
                break
    erase: list[tuple[slice, slice]] = []
    for n in set(range(len(dots))) - set(after.values()):  # each chain from its first dot
        chain = [n]
        while chain[-1] in after:
            chain.append(after[chain[-1]])
        gaps = np.diff([dots[m][0] for m in chain])
        if len(chain) >= 5 and np.mean(np.abs(gaps - np.median(gaps)) <= 0.4 * np.median(gaps)) >= 0.8:
            erase += [dots[m][2] for m in chain]
    if not erase:
        return img
    out = np.asarray(img).copy()
    pad = 3  # the dot's grey rim too (the page was enlarged smoothly): "ooooo" otherwise
    for rows, cols in erase:
        out[max(0, rows.start - pad) : rows.stop + pad, max(0, cols.start - pad) : cols.stop + pad] = 255
    from PIL import Image

    return Image.fromarray(out)


# What is left of a dot leader the image did not lose ("_...", ". _", ".—_._"): marks only, with a dot or a rule.
_DEBRIS = re.compile(r"^(?=.*[._…])[._…·‥~'`‘’\"“”,:;=—–-]+$")


def _without_debris(data: dict[str, list[Any]], ids: list[int]) -> list[int]:
    """A line's words less the debris of a dot leader between a label and its value: marks only, two or more,
    or one set apart from the word before it by a cell gap (a full stop is never). Left in, a "." ends the
    sentence before the value ("KRAS G12C  .  Negative") and junk pushes a qualifier out of its scope
    ("KRAS G12C  _... Negative"): the value would no longer qualify the label. A line's last word stays
    (a trailing "." or "-" can be the value)."""
    gap = _cell_gap(data, ids)
    kept = [ids[0]]
    for i in ids[1:-1]:
        token = data["text"][i]
        apart = data["left"][i] - (data["left"][kept[-1]] + data["width"][kept[-1]]) > gap
        if _DEBRIS.match(token) and (len(token) >= 2 or apart):
            continue
        kept.append(i)
    return kept + ids[-1:] if len(ids) > 1 else kept


# A form's check boxes: Tesseract reads an empty box as a letter ("O", "0", "Q", "©", "DC") or not at all, and a
# ticked one as anything ("&", "X") or nothing, so a payer's blank form would read as a list of statements. Boxes
# are found in the page image instead (a hollow square about a letter high, straight on all four sides and dark
# in all four corners: no letter is) and written into the text as the marks the reader knows (rules/targets.yaml
# unticked_box, ticked_box), in place of what Tesseract made of them.
EMPTY_BOX, TICKED_BOX = "\u2610", "\u2612"  # ☐ ☒
TICK_INK = (0.03, 0.10)  # ink share inside a box: below the first it is empty; from the second on, ticked
BOX_CONF = (95.0, 50.0)  # confidence of a box read empty or clearly ticked; a faint tick is doubtful (review)

# a box read as a mark glued to the item's first capital ("QAt", "OKRAS"); never a lower-case word ("not")
_GLUED_BOX = re.compile(r"^[O0QDC©®@&\[{(|IlUGBMEKXx][A-Z0-9]")


# A fax breaks a box's frame in places (held-out OCR v5: a side 84% dark, a one-pixel gap that let the hole leak):
# a side counts from BOX_SIDE of its length, and gaps of up to four pixels are closed before the hole is measured.
BOX_SIDE = 0.8


def _hole(shape: Any) -> int:
    """The pixels a shape closes round, as drawn or (the larger) with gaps of up to four pixels in its outline closed
    first: closing also thickens a tick drawn across the frame, so it only adds where the outline leaks."""
    import numpy as np
    from scipy import ndimage

    padded = np.pad(shape, 3)
    closed = ndimage.binary_closing(padded, structure=np.ones((3, 3), dtype=bool), iterations=2)
    as_drawn = int(ndimage.binary_fill_holes(padded).sum() - padded.sum())
    return max(as_drawn, int(ndimage.binary_fill_holes(closed).sum() - closed.sum()))


@dataclass(frozen=True)
class Checkbox:
    box: tuple[int, int, int, int]  # left, top, width, height
    ticked: bool
    conf: float


def checkboxes(img: Any, text_height: float) -> list[Checkbox]:
    """The check boxes of a page image: connected dark shapes between 0.45 and 1.6 text heights on a side,
    square within 25%, whose outline is dark along every side and in every corner and closes round a hole (a bold
    "n" is straight enough, but open); ticked when their inside holds ink (an X or a check mark, drawn apart
    from the frame or across it), empty when it does not. A filled square (a bullet) is not a box."""
    import numpy as np
    from scipy import ndimage

    dark = np.asarray(img.convert("L")) < 128
    labels, _ = ndimage.label(dark, structure=np.ones((3, 3), dtype=bool))
    lo, hi = 0.45 * text_height, 1.6 * text_height
    out = []
    for k, found in enumerate(ndimage.find_objects(labels), 1):
        if found is None:
            continue
        rows, cols = found
        h, w = rows.stop - rows.start, cols.stop - cols.start
        if not (lo <= h <= hi and lo <= w <= hi and 0.8 <= w / h <= 1.25):
            continue
        shape = labels[found] == k
        t = max(2, round(min(h, w) * 0.15))
        sides = (shape[:t].any(0), shape[-t:].any(0), shape[:, :t].any(1), shape[:, -t:].any(1))
        corners = (shape[:t, :t], shape[:t, -t:], shape[-t:, :t], shape[-t:, -t:])
        if min(s.mean() for s in sides) < BOX_SIDE or min(c.mean() for c in corners) < 0.1:
            continue
        if _hole(shape) < 0.35 * h * w:  # open ("n") or small ("B")
            continue
        inside = dark[found][2 * t : h - 2 * t, 2 * t : w - 2 * t]
        ink = float(inside.mean()) if inside.size else 1.0
        if ink >= 0.9:  # filled: a bullet or a shaded cell, not a box (a ticked box blurred by a fax is less)
            continue
        ticked = ink >= TICK_INK[0]
        conf = BOX_CONF[0] if not ticked or ink >= TICK_INK[1] else BOX_CONF[1]
        out.append(Checkbox((cols.start, rows.start, w, h), ticked, conf))
    return out


def _with_checkboxes(data: dict[str, list[Any]], ordered: list[list[int]], boxes: list[Checkbox]) -> list[list[int]]:
    """The lines with each check box written in as a word of its own (☐ or ☒) on the line beside it, at its
    place from the left; what Tesseract read inside the box is dropped (a word that began in it loses its
    first letter: "QAt" for "☐ At")."""
    if not boxes:
        return ordered
    lines = [list(ids) for ids in ordered]
    for cb in boxes:
        left, top, width, height = cb.box
        middle = top + height / 2
        near = [
            ids
            for ids in lines
            if min(data["top"][i] for i in ids) <= middle <= max(data["top"][i] + data["height"][i] for i in ids)
        ]
        line = min(
            near,
            key=lambda ids: abs(median(data["top"][i] + data["height"][i] / 2 for i in ids) - middle),
            default=None,
        )
        for i in list(line or []):
            token = data["text"][i]
            x0, x1 = max(left, data["left"][i]), min(left + width, data["left"][i] + data["width"][i])
            if x1 <= x0:
                continue
            if x1 - x0 >= 0.5 * data["width"][i] and data["width"][i] <= 2 * width:  # the box, misread
                if not _MATTERS.search(token):  # a word that could decide a criterion is never dropped
                    line.remove(i)  # type: ignore[union-attr]
            elif data["left"][i] >= left - 0.1 * width and _GLUED_BOX.match(token):  # the box glued to a word
                cut = left + width - data["left"][i]
                data["text"][i], data["left"][i], data["width"][i] = (
                    token[1:],
                    data["left"][i] + cut,
                    data["width"][i] - cut,
                )
        n = len(data["text"])
        for key, value in (
            ("text", TICKED_BOX if cb.ticked else EMPTY_BOX),
            ("conf", cb.conf),
            ("left", left),
            ("top", top),
            ("width", width),
            ("height", height),
        ):
            data[key].append(value)
        if line is None:
            lines.append([n])
        else:
            line.append(n)
            line.sort(key=lambda i: data["left"][i] + data["width"][i] / 2)
    lines = [ids for ids in lines if ids]
    return sorted(lines, key=lambda ids: (min(data["top"][i] for i in ids), data["left"][ids[0]]))


# What a fax and Tesseract make of the words that matter most: KRAS read as KRA5 or KR4S; G12C (or
# p.G12C, p.Gly12Cys) with "1" read as "l", "I" or "|", "G" as "6", "2" as "Z", "C" as "c" (never "G12G":
# a C read as G could as well be a D, and a G12D must never become a G12C).
_GENE = re.compile(r"^(KR[A4][S5$])([.,:;]?)$")
_G12C = re.compile(r"^(p\.?\(?)?([G6])([1lI|])([2Z])([Cc])(\)?[.,;:]?)$")
_GLY12CYS = re.compile(r"^(p\.?\(?)?(Gly)([1lI|])([2Z])(Cys)(\)?[.,;:]?)$")
# [ocr8-coding-prefix] (held-out OCR v8) A coding change's "c." read as a currency sign ("€.34G>T", "¢.34G>T"):
# after KRAS on the line, the sign is the "c" (the same length); a change on its own is left as read.
_CODING = re.compile(r"^([(\[]?)[\u20ac\u00a2](\.\s?\d+[ACGT]>[ACGT]\)?[.,;:]?)$")


def normalized(tokens: list[str]) -> list[str]:
    """A line's words with OCR's confusions in the words that matter undone, each to a word of the same
    length (offsets stay those of the text): KRAS read as KRA5, and its codon 12 variant read as Gl2C, 612C,
    or G1ZC when it follows KRAS on the line or carries its ``p.`` prefix."""
    out = list(tokens)
    after_kras = 0
    for k, token in enumerate(tokens):
        m = _GENE.match(token)
        if m:
            out[k] = "KRAS" + m[2]
            after_kras = 3  # the variant follows within a few words ("KRAS  Seq  p.G12C" is a table row)
            continue
        coding = _CODING.match(token)
        if coding and after_kras:
            out[k] = coding[1] + "c" + coding[2]
        m = _G12C.match(token) or _GLY12CYS.match(token)
        if m and (after_kras or m[1]):
            name = "Gly12Cys" if m.re is _GLY12CYS else "G12C"
            if m.re is _GLY12CYS or (m[2] == "6") + (m[5] != "C") <= 1:  # one letter misread at most
                out[k] = (m[1] or "") + name + m[6]
        after_kras = max(0, after_kras - 1)
    return out


# [ocr28-quoted-code] (held-out OCR v28, issue 17's thirtieth pass) a gene symbol quoted, its quote mark read glued to it
# ('reads: "KRAS: no alteration detected"', '"KRAS:' at 54): the same symbol, doubted for the same reason, so it is
# re-read and trusted when read alike; the quote marks are no part of the word (as a box's brackets are not).
_QUOTES = "\"'\u201c\u201d\u2018\u2019\u201e"
# A word that can decide a criterion: a variant or code (letters and digits: G12C, p.Gly12Cys, c.34G>T), a
# gene symbol (KRAS, or KRAS read as KRA5), or a result or qualifier word.
_MATTERS = re.compile(
    rf"[a-z].*\d|\d.*[a-z]|^[\[({{|{_QUOTES}]?[A-Z0-9]{{3,6}}[\])}}|{_QUOTES}]?[.,:;]?[{_QUOTES}]?$|detect|negativ|positiv|wild|mutat|"
    r"absent|present|not|no|pending",
    re.I,
)
# A variant, a code or a gene symbol: Tesseract's confidence in such tokens is low even when it reads them
# right (they are in no dictionary); read alike at two sizes, each at AGREE_FLOOR or more, one is trusted.
_CODE = re.compile(rf"[a-z].*\d|\d.*[a-z]|^[\[({{|{_QUOTES}]?[A-Z][A-Z0-9]{{2,5}}[\])}}|{_QUOTES}]?[.,:;]?[{_QUOTES}]?$", re.I)
# A word without the box or bracket marks a form or a boxed table prints around it ("[ KRAS ]" read as "KRAS]"):
# two readings that differ only there read the word alike.
_MARKS = "[](){}|" + _QUOTES  # [ocr28-quoted-code] and a quote's marks


def _core(token: str) -> str:
    return token.strip(_MARKS)


AGREE_FLOOR = 25.0
VERIFY_LINES, VERIFY_CELLS = 20, 30  # lines and table cells re-read per page, at most (one Tesseract call in all)


def _cell_gap(data: dict[str, list[Any]], ids: list[int]) -> float:
    """The space between two words of a line that separates table cells: wider than 2.5 characters."""
    chars = sum(len(data["text"][i]) for i in ids)
    return 2.5 * sum(data["width"][i] for i in ids) / max(1, chars)


def _cells(data: dict[str, list[Any]], ids: list[int]) -> list[list[int]]:
    """A line's words by table cell (a line of prose is one cell)."""
    gap = _cell_gap(data, ids)
    cells = [[ids[0]]]
    for a, b in pairwise(ids):
        if data["left"][b] - (data["left"][a] + data["width"][a]) > gap:
            cells.append([b])
        else:
            cells[-1].append(b)
    return cells


def _verify(img: Any, data: dict[str, list[Any]], ordered: list[list[int]], seconds: float) -> None:
    """Re-read, at twice the size, the lines holding a low-confidence word that matters, and a table row's
    doubtful cells apart too, all in one Tesseract call (stacked on one sheet): Tesseract doubts the words on
    either side of a wide gap, "KRAS    p.Gly12Cys" at 18, when it reads them right, and a cell read alone
    is sure of them; a line read whole is the better reading of others. A variant, code or
    gene symbol read alike both times, at ``AGREE_FLOOR`` or more each or confidently the second time, is
    trusted: Tesseract doubts such words, which are in no dictionary, even when it reads them right (other
    words keep their first confidence: a dictionary word misread the same way twice is no rarer than once).
    Where the two readings differ and the second is confident, its text is taken but stays below the
    threshold: a disagreement is never trusted."""
    import pytesseract
    from PIL import Image

    def unsure(ids: list[int]) -> bool:
        return any(data["conf"][i] < CONFIDENT and _MATTERS.search(data["text"][i]) for i in ids)

    lines = [ids for ids in ordered if unsure(ids)][:VERIFY_LINES]
    cells = [(cell, ids) for ids in lines if len(_cells(data, ids)) > 1 for cell in _cells(data, ids) if unsure(cell)]
    # (words re-read, the words of their line before them: the context of normalized()): each doubtful line
    # whole, and the doubtful cells of a table row apart too (either reading may agree with the first)
    doubtful = [(ids, []) for ids in lines] + [(cell, ids[: ids.index(cell[0])]) for cell, ids in cells][:VERIFY_CELLS]
    if not doubtful:
        return
    strips, boxes = [], []
    for ids, _ in doubtful:
        h = max(data["height"][i] for i in ids)
        m = max(4, h // 2)
        box = (
            max(0, min(data["left"][i] for i in ids) - m),
            max(0, min(data["top"][i] for i in ids) - m),
            min(img.width, max(data["left"][i] + data["width"][i] for i in ids) + m),
            min(img.height, max(data["top"][i] + data["height"][i] for i in ids) + m),
        )
        crop = img.crop(box)
        strips.append(crop.resize((crop.width * 2, crop.height * 2), Image.Resampling.LANCZOS))
        boxes.append(box)
    gap = 40
    sheet = Image.new("L", (max(s.width for s in strips) + 2 * gap, sum(s.height + gap for s in strips) + gap), 255)
    spans, y = [], gap
    for strip in strips:
        sheet.paste(strip, (gap, y))
        spans.append((y, y + strip.height))
        y += strip.height + gap
    try:
        again = pytesseract.image_to_data(
            sheet, lang=LANG, config="--psm 6", output_type=pytesseract.Output.DICT, timeout=max(1, int(seconds))
        )
    except RuntimeError:  # the time limit: the first reading stands
        return
    reread: list[list[tuple[str, float]]] = [[] for _ in strips]
    for j, text in enumerate(again["text"]):
        text, conf = str(text).strip(), float(again["conf"][j])
        if not text or conf < 0:
            continue
        mid = again["top"][j] + again["height"][j] / 2
        k = next((k for k, (a, b) in enumerate(spans) if a <= mid <= b), None)
        if k is not None:
            reread[k].append((text, conf))
    for (ids, before), second in zip(doubtful, reread, strict=True):
        context = [data["text"][i] for i in before]
        texts = normalized(context + [t for t, _ in second])[len(context) :]
        second = list(zip(texts, [c for _, c in second], strict=True))
        first = [_core(data["text"][i]) for i in ids]
        sm = difflib.SequenceMatcher(None, first, [_core(t) for t, _ in second], autojunk=False)
        for op, a1, a2, b1, b2 in sm.get_opcodes():
            for n in range(a2 - a1):
                i = ids[a1 + n]
                if op == "equal" and _CODE.search(data["text"][i]):  # a code read alike at two sizes
                    conf = max(data["conf"][i], second[b1 + n][1])
                    if min(data["conf"][i], second[b1 + n][1]) >= AGREE_FLOOR or second[b1 + n][1] >= CONFIDENT:
                        conf = max(conf, CONFIDENT)
                    data["conf"][i] = conf
                elif op == "replace" and _unglued(data, i, second[b1:b2]):
                    continue  # "KRASG12C_" read as "KRAS" "G12C" at twice the size: the same code, spaced
                elif op == "replace" and a2 - a1 == b2 - b1 and data["conf"][i] < CONFIDENT:
                    text, conf = second[b1 + n]
                    if conf >= CONFIDENT and _MATTERS.search(text):
                        data["text"][i] = text
                        data["conf"][i] = min(data["conf"][i], CONFIDENT - 1)


def _alnum(token: str) -> str:
    return re.sub(r"[^A-Za-z0-9]", "", token)


def _unglued(data: dict[str, list[Any]], i: int, second: list[tuple[str, float]]) -> bool:
    """(held-out OCR v5, issue 17's sixth pass) A code read glued to the word before it ("KRASG12C_") and, the
    second time, as two words read confidently ("KRAS" "G12C"): the same letters, so the word is written spaced
    as the second reading has it and trusted (an agreement, like a code read alike twice). Only a doubtful first
    reading of a code, split in two, letter for letter, in the block of words the two readings differ in."""
    if data["conf"][i] >= CONFIDENT or not _CODE.search(data["text"][i]):
        return False
    for (a, ca), (b, cb) in pairwise(second):
        if min(ca, cb) >= CONFIDENT and _alnum(a) and _alnum(b) and _alnum(data["text"][i]) == _alnum(a) + _alnum(b):
            data["text"][i], data["conf"][i] = f"{_core(a)} {_core(b)}", CONFIDENT
            return True
    return False


def words_in(pages: tuple[Page, ...], start: int, end: int) -> list[tuple[Page, Word]]:
    return [
        (p, w) for p in pages if p.start < end and start < p.end for w in p.words if w.start < end and start < w.end
    ]


def page_of(pages: tuple[Page, ...], offset: int) -> Page | None:
    return next((p for p in pages if p.start <= offset < p.end + len(PAGE_BREAK)), None)
