"""Evidence from clinical text: documents -> medspaCy findings (with negation and the like) -> facts.

``read(chart)`` returns the text facts and the warnings of documents that could not be read. spaCy is
imported only when the chart holds text. Text read from scanned pages (OCR) goes through the same
reader; its evidence then carries the page and Tesseract's confidence (:func:`with_ocr`).
"""

from __future__ import annotations

import dataclasses
import re

from priorauth.chart.chart import Chart
from priorauth.facts.model import Evidence, OcrReading
from priorauth.text.pipeline import worth_reading
from priorauth.text.sources import TextDoc, documents

_SPAN = re.compile(r"^(?P<ref>[^#]+)#char=(?P<start>\d+),(?P<end>\d+)$")
KINDS = ("kras", "diagnoses", "meds", "statuses", "naive", "monotherapy", "spread_hints", "rationale")


def read(chart: Chart, warnings: list[str], ocr: bool = True):  # type: ignore[no-untyped-def]
    docs = [d for d in documents(chart, warnings, ocr) if worth_reading(d.text)]
    if not docs:
        return None
    from priorauth.text.facts import from_documents  # pulls in spaCy / medspaCy

    found = from_documents(docs)
    scanned = {d.source: d for d in docs if d.scanned}
    if scanned:
        for kind in KINDS:
            setattr(found, kind, [_enriched(item, scanned) for item in getattr(found, kind)])
    return found


def _enriched(item, scanned: dict[str, TextDoc]):  # type: ignore[no-untyped-def]
    ev = item if isinstance(item, Evidence) else item.evidence
    m = _SPAN.match(ev.source)
    doc = scanned.get(m["ref"]) if m else None
    if doc is None or m is None:
        return item
    reading = reading_of(doc, int(m["start"]), int(m["end"]))
    if reading is None:
        return item
    new = dataclasses.replace(ev, ocr=reading)
    return new if isinstance(item, Evidence) else dataclasses.replace(item, evidence=new)


def reading_of(doc: TextDoc, start: int, end: int) -> OcrReading | None:
    """The page and confidence of ``doc.text[start:end]`` when it was read from a scanned page: the
    lowest confidence among the words that carry a finding (the reader's targets in the span), else
    the median of the span's words. None for text that was not OCR'd."""
    from statistics import median

    from priorauth.text import ocr
    from priorauth.text.pipeline import _matches

    words = ocr.words_in(doc.pages, start, end)
    if not words:
        return None
    quote = doc.text[start:end]
    keys = [(start + s, start + e) for _, _, s, e in _matches(quote)]
    key_words = [w for _, w in words if any(w.start < e and s < w.end for s, e in keys)]
    conf = min(w.conf for w in key_words) if key_words else median(w.conf for _, w in words)
    return OcrReading(words[0][0].number, conf, conf >= ocr.CONFIDENT)
