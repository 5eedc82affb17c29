"""Read a Bulk Data export in work units (byte ranges of NDJSON files, whole .gz files): every line is
parsed once, tied to its patient, flagged when it makes the patient a candidate, and handed to a sink.

Nothing here is fatal: a corrupt line, a truncated gzip, an unreadable file or an unknown resource type
is counted in :class:`ScanStats` and skipped.
"""

from __future__ import annotations

import gzip
import os
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from priorauth.chart.chart import normalize_reference, patient_reference
from priorauth.chart.load import Resource
from priorauth.facts.diagnoses import condition
from priorauth.facts.medications import KINDS, drugs_of
from priorauth.screen.fhir_types import R4_RESOURCE_TYPES

CHUNK_BYTES = 32 << 20  # one work unit of an uncompressed file
GZ_SUFFIXES = (".ndjson.gz", ".jsonl.gz")
PLAIN_SUFFIXES = (".ndjson", ".jsonl")
RELEVANT_SITES = frozenset({"lung", "colorectal"})

CANDIDATE, PATIENT = 1, 2  # record flags: the line makes its patient a candidate; the line is the Patient

# (pid or None for a shared resource, shared key or None, flags, position in the export, the line's bytes)
Sink = Callable[[str | None, str | None, int, int, bytes], None]


@dataclass(frozen=True)
class Unit:
    """A work unit: ``path`` from byte ``start`` to ``end`` (``end`` -1: the whole file, for gzip)."""

    path: str
    start: int
    end: int


@dataclass
class ScanStats:
    lines: int = 0
    bytes: int = 0
    resources: int = 0
    corrupt_lines: int = 0
    not_fhir_lines: int = 0
    shared_without_id: int = 0
    unknown_types: Counter[str] = field(default_factory=Counter)
    by_type: Counter[str] = field(default_factory=Counter)
    file_problems: list[str] = field(default_factory=list)

    def merge(self, other: ScanStats) -> ScanStats:
        for name in ("lines", "bytes", "resources", "corrupt_lines", "not_fhir_lines", "shared_without_id"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.unknown_types.update(other.unknown_types)
        self.by_type.update(other.by_type)
        self.file_problems.extend(other.file_problems)
        return self

    def as_dict(self) -> dict[str, Any]:
        return {
            "lines": self.lines,
            "bytes": self.bytes,
            "resources": self.resources,
            "corrupt_lines": self.corrupt_lines,
            "not_fhir_lines": self.not_fhir_lines,
            "shared_without_id": self.shared_without_id,
            "unknown_types": dict(sorted(self.unknown_types.items())),
            "by_type": dict(sorted(self.by_type.items())),
            "file_problems": sorted(self.file_problems),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ScanStats:
        s = cls(**{k: d[k] for k in ("lines", "bytes", "resources", "corrupt_lines", "not_fhir_lines")})
        s.shared_without_id = d.get("shared_without_id", 0)
        s.unknown_types, s.by_type = Counter(d["unknown_types"]), Counter(d["by_type"])
        s.file_problems = list(d["file_problems"])
        return s


def export_files(folder: Path) -> list[Path]:
    """The NDJSON files of an export folder (``*.ndjson``, ``*.ndjson.gz``), sorted by name."""
    names = (*PLAIN_SUFFIXES, *GZ_SUFFIXES)
    return sorted(f for f in folder.iterdir() if f.is_file() and f.name.lower().endswith(names))


def units(files: list[Path], chunk: int = CHUNK_BYTES) -> list[Unit]:
    out: list[Unit] = []
    for f in files:
        size = f.stat().st_size
        if f.name.lower().endswith(GZ_SUFFIXES) or size <= chunk:
            out.append(Unit(str(f), 0, -1))
            continue
        out.extend(Unit(str(f), s, min(s + chunk, size)) for s in range(0, size, chunk))
    return out


def bucket_of(pid: str, buckets: int) -> int:
    """A stable bucket for a patient id (the same in every process, engine and run)."""
    return zlib.crc32(pid.encode()) % buckets


class Classifier:
    """Decides from one resource whether its patient is a screening candidate: a lung or colorectal
    cancer diagnosis (the evaluator's own reading of a Condition), or any record of the requested drug."""

    CACHE_SIZE = 100_000  # answers kept per process, by the elements that decide them

    def __init__(self, ingredient: str) -> None:
        self.ingredient = ingredient
        self._seen: dict[bytes, bool] = {}

    def relevant(self, rtype: str, doc: dict[str, Any]) -> bool:
        if rtype == "Condition":
            key = orjson.dumps([doc.get("code"), doc.get("verificationStatus"), doc.get("stage")])
            return self._cached(key, lambda: self._condition(doc))
        if rtype in KINDS:
            key = orjson.dumps(
                [doc.get("medicationCodeableConcept"), doc.get("medicationReference"), doc.get("contained")]
            )
            return self._cached(key, lambda: self._medication(doc))
        return False

    def _cached(self, key: bytes, decide: Callable[[], bool]) -> bool:
        hit = self._seen.get(key)
        if hit is None:
            if len(self._seen) >= self.CACHE_SIZE:
                self._seen.clear()
            hit = self._seen[key] = decide()
        return hit

    def _condition(self, doc: dict[str, Any]) -> bool:
        dx = condition(Resource(doc))
        return dx is not None and dx.site in RELEVANT_SITES

    def _medication(self, doc: dict[str, Any]) -> bool:
        drugs, _ = drugs_of(_NO_REFERENCES, doc)  # type: ignore[arg-type]
        return any(d.ingredient == self.ingredient for d in drugs)


class _NoReferences:
    """A chart that resolves nothing: a medicationReference is read by its display."""

    def resolve(self, reference: Any) -> None:
        return None


_NO_REFERENCES = _NoReferences()


def scan(index: int, unit: Unit, classifier: Classifier, sink: Sink) -> ScanStats:
    """Scan the ``index``-th unit of the export; positions sort as the lines stand in the export."""
    stats = ScanStats()
    base = index << 32
    for n, line in enumerate(_lines(unit, stats)):
        _one(base + n, line, classifier, sink, stats)
    return stats


def _one(seq: int, line: bytes, classifier: Classifier, sink: Sink, stats: ScanStats) -> None:
    stats.lines += 1
    try:
        doc = orjson.loads(line)
    except orjson.JSONDecodeError:
        stats.corrupt_lines += 1
        return
    rtype = doc.get("resourceType") if isinstance(doc, dict) else None
    if not isinstance(rtype, str) or not rtype:
        stats.not_fhir_lines += 1
        return
    if rtype not in R4_RESOURCE_TYPES:
        stats.unknown_types[rtype[:64]] += 1
        return
    stats.resources += 1
    stats.by_type[rtype] += 1
    rid = doc.get("id") if isinstance(doc.get("id"), str) else None
    if rtype == "Patient":
        pid = rid
    else:
        ref = patient_reference(doc)
        if ref is None:
            pid = None
        elif ref.startswith("Patient/") and ref.count("/") == 1:
            pid = ref[8:]  # the usual Bulk Data form, no normalizing needed
        else:
            pid = normalize_reference(ref).removeprefix("Patient/")
    if pid is not None and _clean(pid):
        flags = (CANDIDATE if classifier.relevant(rtype, doc) else 0) | (PATIENT if rtype == "Patient" else 0)
        sink(pid, None, flags, seq, line)
    elif pid is None and rid:
        sink(None, f"{rtype}/{rid}", 0, seq, line)
    else:
        stats.shared_without_id += 1  # nothing can reference it, and it belongs to no patient


def _clean(pid: str) -> bool:
    return bool(pid) and "\t" not in pid and "\n" not in pid and len(pid) <= 256


def _lines(unit: Unit, stats: ScanStats) -> Iterator[bytes]:
    name = os.path.basename(unit.path)
    try:
        if unit.end < 0 and unit.path.lower().endswith(".gz"):
            yield from _gzip_lines(unit.path, name, stats)
            return
        with open(unit.path, "rb") as f:
            buf = _range(f, unit)
    except OSError as exc:
        stats.file_problems.append(f"{name}: unreadable ({exc.strerror or type(exc).__name__})")
        return
    stats.bytes += len(buf)
    for line in buf.split(b"\n"):
        line = line.strip()
        if line:
            yield line.removeprefix(b"\xef\xbb\xbf")


def _range(f: Any, unit: Unit) -> bytes:
    """The lines that start inside [start, end): a line belongs to the unit its first byte is in."""
    if unit.end < 0:
        return f.read()
    if unit.start > 0:
        f.seek(unit.start - 1)
        f.readline()  # the rest of a line that began before this unit
    pos = f.tell()
    if pos >= unit.end:
        return b""
    buf = f.read(unit.end - pos)
    if buf and not buf.endswith(b"\n"):
        buf += f.readline()
    return buf


def _gzip_lines(path: str, name: str, stats: ScanStats) -> Iterator[bytes]:
    tail = b""
    with open(path, "rb") as raw, gzip.GzipFile(fileobj=raw) as f:
        while True:
            try:
                block = f.read1(1 << 20)  # read1: what was decompressed before the damage is kept
            except (EOFError, OSError, zlib.error):
                stats.file_problems.append(f"{name}: truncated or corrupt gzip, read up to the damage")
                if tail.strip():
                    stats.lines += 1
                    stats.corrupt_lines += 1  # the cut-off last line
                return
            if not block:
                break
            stats.bytes += len(block)
            lines = (tail + block).split(b"\n")
            tail = lines.pop()
            for line in lines:
                line = line.strip()
                if line:
                    yield line
    if tail.strip():
        yield tail.strip()
