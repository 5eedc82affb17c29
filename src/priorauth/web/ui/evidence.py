"""An evidence item opened in context: the text of the cited resource with the ``#char=start,end`` span
(RFC 5147, offsets into the text :func:`priorauth.text.sources.documents` extracts) marked, or the
cited resource itself when the evidence is coded data."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from priorauth.chart.chart import Chart
from priorauth.errors import Code, fail
from priorauth.terminology.displays import Words, words
from priorauth.text.sources import documents

FRAGMENT = re.compile(r"^(?P<ref>[^#]+)(?:#char=(?P<start>\d+),(?P<end>\d+))?$")
LONG = 2000  # strings longer than this (base64 attachments) are shortened in the resource view


@dataclass(frozen=True)
class Opened:
    source: str
    ref: str
    title: str
    date: str | None
    before: str = ""  # text before the span (or the whole text when there is no span)
    span: str = ""
    after: str = ""
    resource_json: str = ""  # coded evidence: the resource, pretty-printed
    page: int | None = None  # read from a scanned page: its number, and the page image's address
    image_url: str = ""
    coded: tuple[tuple[str, tuple[Words, ...] | str], ...] = ()  # coded evidence in people words


    @property
    def is_text(self) -> bool:
        return bool(self.before or self.span or self.after)


def parse(source: str) -> tuple[str, tuple[int, int] | None]:
    m = FRAGMENT.match(source.strip())
    if not m:
        raise fail(Code.INVALID_REQUEST, "that is not an evidence reference (Type/id, optionally #char=start,end)")
    if m["start"] is None:
        return m["ref"], None
    start, end = int(m["start"]), int(m["end"])
    if end < start:
        raise fail(Code.INVALID_REQUEST, "the evidence span ends before it starts")
    return m["ref"], (start, end)


def open_in(chart: Chart, source: str) -> Opened:
    """The cited resource of ``chart``: its extracted text split around the span, else its JSON."""
    ref, span = parse(source)
    resource = next((r for r in chart.resources if ref in (r.ref, r.full_url)), None)
    if resource is None:
        raise fail(Code.NOT_FOUND, f"the chart has no {ref}")
    doc = next((d for d in documents(chart, []) if d.source == ref), None)
    if doc is not None:
        text = doc.text
        if span is None:
            return Opened(source, ref, doc.title, doc.date, before=text)
        start, end = span
        if end > len(text):
            raise fail(Code.NOT_FOUND, f"the span {start},{end} is outside the {len(text)} characters of {ref}")
        return Opened(source, ref, doc.title, doc.date, text[:start], text[start:end], text[end:])
    return Opened(
        source, ref, resource.type, _date(resource.data), resource_json=_pretty(resource.data), coded=read(resource.data)
    )


# The coded fields a person needs, in reading order: (label, FHIR element).
FIELDS = (
    ("What", "code"),
    ("Medication", "medicationCodeableConcept"),
    ("Result", "valueCodeableConcept"),
    ("Category", "category"),
    ("Specialty", "specialty"),
    ("Interpretation", "interpretation"),
    ("Body site", "bodySite"),
    ("Method", "method"),
    ("Type", "type"),
    ("Status", "clinicalStatus"),
    ("Verification", "verificationStatus"),
)


def read(data: dict[str, Any]) -> tuple[tuple[str, tuple[Words, ...] | str], ...]:
    """A coded resource in people words: each coded field's codings (the chart's display, else the words
    priorauth keeps, else the code), the value with its unit, and each component."""
    out: list[tuple[str, tuple[Words, ...] | str]] = []
    for label, key in FIELDS:
        for concept in data.get(key) if isinstance(data.get(key), list) else [data.get(key)]:
            said = _concept(concept)
            if said:
                out.append((label, said))
    quantity = data.get("valueQuantity")
    if isinstance(quantity, dict) and quantity.get("value") is not None:
        out.append(("Value", f"{quantity.get('value')} {quantity.get('unit') or quantity.get('code') or ''}".strip()))
    if isinstance(data.get("valueString"), str):
        out.append(("Value", data["valueString"]))
    for comp in data.get("component") or []:
        if not isinstance(comp, dict):
            continue
        name = _concept(comp.get("code"))
        value = _concept(comp.get("valueCodeableConcept"))
        if name:
            out.append(("Component", name))
        if value:
            out.append(("Component value", value))
    return tuple(out)


def _concept(concept: Any) -> tuple[Words, ...]:
    if not isinstance(concept, dict):
        return ()
    codings = [c for c in concept.get("coding") or [] if isinstance(c, dict)]
    text = concept.get("text") if isinstance(concept.get("text"), str) else None
    if not codings:
        return (Words(text, "", "the chart"),) if text else ()
    return tuple(words(c, text) for c in codings)


def _date(data: dict[str, Any]) -> str | None:
    for key in ("effectiveDateTime", "authoredOn", "recordedDate", "onsetDateTime", "date", "issued", "birthDate"):
        if isinstance(data.get(key), str):
            return data[key][:10]
    return None


def _shorten(value: Any) -> Any:
    if isinstance(value, str) and len(value) > LONG:
        return value[:80] + f"... ({len(value)} characters)"
    if isinstance(value, dict):
        return {k: _shorten(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shorten(v) for v in value]
    return value


def _pretty(data: dict[str, Any]) -> str:
    return json.dumps(_shorten(data), indent=2, ensure_ascii=False)
