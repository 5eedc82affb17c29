"""Charts as received -> :func:`priorauth.api.check`. A chart is kept byte for byte; to evaluate it, it
is read from its stored bytes in memory (an archive's members too, unpacked safely, never written to
disk), exactly as ``priorauth check`` reads the same file or folder."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import Any

import orjson

from priorauth.api import check
from priorauth.chart.chart import Chart, select_patient
from priorauth.chart.load import LoadedChart, load_files
from priorauth.errors import Code, fail

SUFFIX = {"bundle": "chart.json", "ndjson": "chart.ndjson"}
MAX_ARCHIVE_FILES = 10_000


def kind_of(raw: bytes, content_type: str, filename: str | None) -> str:
    """``bundle`` (JSON), ``ndjson`` or ``archive`` (a zip of a folder), from the media type or the bytes."""
    ct = content_type.split(";")[0].strip().lower()
    name = (filename or "").lower()
    if ct in ("application/zip", "application/x-zip-compressed") or name.endswith(".zip") or raw[:4] == b"PK\x03\x04":
        return "archive"
    if ct in ("application/x-ndjson", "application/fhir+ndjson", "application/ndjson") or name.endswith(
        (".ndjson", ".jsonl")
    ):
        return "ndjson"
    if ct in ("application/json", "application/fhir+json", "", "application/octet-stream", "text/plain"):
        return "bundle"
    raise fail(Code.UNSUPPORTED_MEDIA, f"charts are FHIR JSON, NDJSON or a zip archive, not {ct}")


def _unpack(raw: bytes, max_bytes: int) -> list[tuple[str, bytes]]:
    """The archive's chart files (JSON, NDJSON), in memory, under flattened, numbered names: no path from
    the archive is ever used."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except zipfile.BadZipFile:
        raise fail(Code.UNREADABLE, "the archive is not a readable zip file") from None
    members = [m for m in archive.infolist() if not m.is_dir()]
    if len(members) > MAX_ARCHIVE_FILES:
        raise fail(Code.TOO_LARGE, f"the archive holds more than {MAX_ARCHIVE_FILES} files")
    if sum(m.file_size for m in members) > max_bytes:
        raise fail(Code.TOO_LARGE, f"the archive unpacks to more than {max_bytes // 1_000_000} MB")
    files, total = [], 0
    for i, m in enumerate(members):
        name = PurePosixPath(m.filename).name
        if not name.lower().endswith((".json", ".ndjson", ".jsonl")):
            continue
        try:
            with archive.open(m) as src:
                data = src.read(max_bytes + 1 - total)
        except (
            zipfile.BadZipFile,
            RuntimeError,
            NotImplementedError,
            zlib.error,
            EOFError,
            OSError,
            ValueError,
        ) as exc:
            # CRC mismatch, encrypted member, unknown compression method, corrupt deflate data
            raise fail(Code.UNREADABLE, f"archive member {i + 1} cannot be unpacked ({_why(exc)})") from None
        total += len(data)
        if total > max_bytes:  # the sizes the archive declares may lie: what is read counts
            raise fail(Code.TOO_LARGE, f"the archive unpacks to more than {max_bytes // 1_000_000} MB")
        files.append((f"{i:05d}-{name[-100:]}", data))
    return files


def _why(exc: Exception) -> str:
    text = str(exc).lower()
    for needle, words in (
        ("crc", "its checksum does not match"),
        ("encrypted", "it is encrypted"),
        ("password", "it is encrypted"),
        ("compression", "its compression method is not supported"),
        ("method", "its compression method is not supported"),
    ):
        if needle in text:
            return words
    return "its data is damaged"


def evaluate(
    raw: bytes, kind: str, max_archive_bytes: int, documents: Sequence[dict[str, Any]] = (), **kwargs: Any
) -> dict[str, Any]:
    """The determination of a stored chart with the case's ``documents`` (FHIR resources, issue 17)
    merged in; ``kwargs`` go to :func:`priorauth.api.check`."""
    try:
        return check(_materialize(raw, kind, max_archive_bytes, documents), **kwargs)
    except ValueError as exc:
        if "[E088]" in str(exc):  # spaCy's limit on one text (a note over 1,000,000 characters)
            raise fail(Code.TOO_LARGE, "a note in the chart is longer than 1,000,000 characters") from None
        raise


def chart_of(
    raw: bytes, kind: str, max_archive_bytes: int, patient: str | None, documents: Sequence[dict[str, Any]] = ()
) -> Chart:
    """The stored chart (with the case's ``documents`` merged in), loaded, with its one patient selected
    (as ``priorauth check`` would)."""
    return select_patient(_materialize(raw, kind, max_archive_bytes, documents), patient)


def patient_of(raw: bytes, kind: str, max_archive_bytes: int, patient: str | None) -> dict[str, Any]:
    """The chart's patient: its FHIR id (None when the Patient has none), identifiers (system, value),
    name and birth date; fails like ``priorauth check`` on unusable charts."""
    chart = chart_of(raw, kind, max_archive_bytes, patient)
    from priorauth.facts.admin import patient as patient_fact

    p = patient_fact(chart)
    fhir_id = chart.patient.data.get("id")
    identifiers = []
    for i in chart.patient.data.get("identifier") or []:
        if isinstance(i, dict) and isinstance(i.get("value"), str) and i["value"].strip():
            system = i.get("system") if isinstance(i.get("system"), str) else ""
            identifiers.append((system[:300], i["value"].strip()[:300]))
    return {
        "fhir_id": fhir_id if isinstance(fhir_id, str) and fhir_id.strip() else None,
        "identifiers": sorted(set(identifiers)),
        "name": p.name,
        "birth_date": p.birth_date,
    }


def _materialize(
    raw: bytes, kind: str, max_archive_bytes: int, documents: Sequence[dict[str, Any]] = ()
) -> LoadedChart:
    """The chart read from its bytes: one file, or a folder (named ``chart`` in messages) when it is an
    archive or documents are merged into it (``zz-case-documents.ndjson`` beside the chart's own files)."""
    if kind != "archive" and not documents:
        return load_files([(SUFFIX[kind], raw)])
    files = _unpack(raw, max_archive_bytes) if kind == "archive" else [(SUFFIX[kind], raw)]
    if documents:
        lines = b"\n".join(orjson.dumps(d) for d in documents)
        files.append(("zz-case-documents.ndjson", lines + b"\n"))
    return load_files(files, folder="chart")
