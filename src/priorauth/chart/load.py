"""Read a FHIR R4 chart from disk: a Bundle (any type), an NDJSON file, or a folder of them.

Tolerant by design: unreadable lines and non-FHIR records become warnings, not failures, as long as
something usable remains. Everything the user can get wrong raises :class:`PriorauthError`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from priorauth.errors import Code, PriorauthError, fail

CHART_SUFFIXES = (".json", ".ndjson", ".jsonl")
# A Bundle's meta.tag with this system names a resource type its source could not read in full (code: the
# type, display: why): how a chart read from the EHR keeps its ``unread`` once stored as a Bundle.
UNREAD_TAG = "urn:priorauth:unread"


class Resource:
    """One top-level resource of the input chart, with the reference the contract cites it by:
    ``Type/id``, else the entry's ``fullUrl``."""

    __slots__ = ("data", "full_url", "id", "ref", "type")

    def __init__(self, data: dict[str, Any], full_url: str | None = None) -> None:
        self.data = data
        self.full_url = full_url
        self.type: str = data["resourceType"]
        rid = data.get("id")
        self.id: str | None = rid if isinstance(rid, str) and rid else None
        self.ref: str = f"{self.type}/{self.id}" if self.id else (full_url or f"{self.type}/unidentified")


@dataclass
class LoadedChart:
    """Resources from any source (a file, or an EHR read by :mod:`priorauth.ehr`). ``unread`` names the
    resource types a source could not read in full (type -> why): criteria that need them cannot be
    settled from this chart."""

    resources: list[Resource] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unread: dict[str, str] = field(default_factory=dict)


def load_path(path: str | os.PathLike[str]) -> LoadedChart:
    """Load every FHIR resource under ``path`` (file or folder)."""
    p = Path(path)
    if not p.exists():
        raise fail(Code.PATH_MISSING, f"no such file or folder: {p}")
    out = LoadedChart()
    if p.is_dir():
        files = sorted(f for f in p.iterdir() if f.is_file() and f.name.lower().endswith(CHART_SUFFIXES))
        for f in files:
            try:
                _load_file(f, out)
            except PriorauthError as exc:  # one bad file in a folder is a warning, not a failure
                out.warnings.append(f"{f.name}: skipped ({exc.message})")
        if not out.resources:
            raise fail(Code.NOTHING_USABLE, f"no FHIR resources found in folder {p} (looked for *.json, *.ndjson)")
        return out
    _load_file(p, out)
    return out


def _read_bytes(p: Path) -> bytes:
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise fail(Code.UNREADABLE, f"cannot read {p}: {exc.strerror or exc}") from None
    if not raw.strip():
        raise fail(Code.EMPTY_INPUT, f"{p} is empty")
    if b"\x00" in raw[:8192]:
        raise fail(Code.BINARY_INPUT, f"{p} is binary data, not FHIR JSON")
    return raw.removeprefix(b"\xef\xbb\xbf")  # a UTF-8 byte-order mark


def _text(raw: bytes, p: Path) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise fail(Code.BINARY_INPUT, f"{p} is not UTF-8 text, not FHIR JSON") from None


def _load_file(p: Path, out: LoadedChart) -> None:
    raw = _read_bytes(p)
    if p.suffix.lower() not in (".ndjson", ".jsonl"):
        try:
            doc = orjson.loads(raw)  # straight from bytes: orjson validates UTF-8 itself, faster than decoding first
        except orjson.JSONDecodeError as exc:
            text = _text(raw, p)
            if not (text.lstrip().startswith("{") and "\n{" in text.strip()):  # else: NDJSON under a .json name
                raise fail(Code.INVALID_JSON, f"{p} is not valid JSON ({_json_reason(exc)})") from None
        else:
            before = len(out.resources)
            add_document(doc, out, where=p.name)
            if len(out.resources) == before:
                raise fail(Code.NOT_FHIR, f"{p} is JSON but holds no FHIR resource (no resourceType)")
            return
    _load_ndjson(_text(raw, p), p, out)


def _load_ndjson(text: str, p: Path, out: LoadedChart) -> None:
    before, bad, skipped = len(out.resources), [], LoadedChart()
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            doc = orjson.loads(line)
        except orjson.JSONDecodeError:
            bad.append(n)
            continue
        add_document(doc, out if _is_resource(doc) else skipped, where=f"{p.name} line {n}")
    if len(out.resources) == before:
        code = Code.INVALID_JSON if bad else Code.NOT_FHIR
        raise fail(code, f"{p} holds no FHIR resource on any line")
    if bad:
        out.warnings.append(f"{p.name}: {len(bad)} line(s) not valid JSON, skipped (first: line {bad[0]})")
    if skipped.warnings:
        out.warnings.append(f"{p.name}: {len(skipped.warnings)} line(s) not FHIR resources, skipped")


def add_document(doc: Any, out: LoadedChart, where: str) -> None:
    if isinstance(doc, list):  # a bare JSON array of resources: not FHIR, but unambiguous
        for item in doc:
            add_document(item, out, where)
        return
    if not isinstance(doc, dict) or not isinstance(doc.get("resourceType"), str) or not doc["resourceType"]:
        out.warnings.append(f"{where}: not a FHIR resource, skipped")
        return
    if doc["resourceType"] == "Bundle":
        _add_bundle(doc, out, where)
        return
    out.resources.append(Resource(doc))


def _add_bundle(bundle: dict[str, Any], out: LoadedChart, where: str) -> None:
    meta = bundle.get("meta")
    tags = meta.get("tag") if isinstance(meta, dict) else None
    for tag in tags if isinstance(tags, list) else []:
        if isinstance(tag, dict) and tag.get("system") == UNREAD_TAG and isinstance(tag.get("code"), str):
            out.unread.setdefault(tag["code"], str(tag.get("display") or "not read in full by its source"))
    entries = bundle.get("entry")
    if not isinstance(entries, list):
        return
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            out.warnings.append(f"{where} entry {i}: not an object, skipped")
            continue
        res = entry.get("resource")
        if not isinstance(res, dict) or not isinstance(res.get("resourceType"), str):
            if "request" not in entry or res is not None:  # a transaction DELETE has no resource
                out.warnings.append(f"{where} entry {i}: no FHIR resource, skipped")
            continue
        if res["resourceType"] == "Bundle":  # nested bundle (e.g. a document inside a collection)
            _add_bundle(res, out, f"{where} entry {i}")
            continue
        full_url = entry.get("fullUrl") if isinstance(entry.get("fullUrl"), str) else None
        out.resources.append(Resource(res, full_url))


def _is_resource(doc: Any) -> bool:
    return isinstance(doc, dict) and isinstance(doc.get("resourceType"), str) and bool(doc["resourceType"])


def _json_reason(exc: orjson.JSONDecodeError) -> str:
    return f"line {exc.lineno}, column {exc.colno}: {exc.msg}"
