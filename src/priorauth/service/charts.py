"""Charts as received -> :func:`priorauth.api.check`. A chart is kept byte for byte; to evaluate it, it
is written to a private temporary folder (an archive is unpacked there, safely) and read from disk."""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Any

from priorauth.api import check, load
from priorauth.chart.chart import Chart, select_patient
from priorauth.errors import Code, PriorauthError, fail

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


def _unpack(raw: bytes, into: Path, max_bytes: int) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except zipfile.BadZipFile:
        raise fail(Code.UNREADABLE, "the archive is not a readable zip file") from None
    members = [m for m in archive.infolist() if not m.is_dir()]
    if len(members) > MAX_ARCHIVE_FILES:
        raise fail(Code.TOO_LARGE, f"the archive holds more than {MAX_ARCHIVE_FILES} files")
    if sum(m.file_size for m in members) > max_bytes:
        raise fail(Code.TOO_LARGE, f"the archive unpacks to more than {max_bytes // 1_000_000} MB")
    for i, m in enumerate(members):
        name = PurePosixPath(m.filename).name
        if not name.lower().endswith((".json", ".ndjson", ".jsonl")):
            continue
        # Flattened, numbered names: no path from the archive ever reaches the file system.
        try:
            with archive.open(m) as src:
                data = src.read(max_bytes + 1)
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError, zlib.error, EOFError, OSError, ValueError) as exc:
            # CRC mismatch, encrypted member, unknown compression method, corrupt deflate data
            raise fail(Code.UNREADABLE, f"archive member {i + 1} cannot be unpacked ({_why(exc)})") from None
        if len(data) > max_bytes:
            raise fail(Code.TOO_LARGE, f"the archive unpacks to more than {max_bytes // 1_000_000} MB")
        (into / f"{i:05d}-{name[-100:]}").write_bytes(data)


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


@contextmanager
def _private_copy() -> Iterator[Path]:
    """A private temporary folder; errors from reading it never show its path (a server detail)."""
    with tempfile.TemporaryDirectory(prefix="priorauth-") as tmp:
        try:
            yield Path(tmp)
        except PriorauthError as exc:
            if tmp in exc.message:
                raise PriorauthError(exc.code, exc.message.replace(tmp + "/", "").replace(tmp, "the chart")) from None
            raise


def evaluate(
    raw: bytes, kind: str, max_archive_bytes: int, documents: Sequence[dict[str, Any]] = (), **kwargs: Any
) -> dict[str, Any]:
    """The determination of a stored chart with the case's ``documents`` (FHIR resources, issue 17)
    merged in; ``kwargs`` go to :func:`priorauth.api.check`."""
    with _private_copy() as tmp:
        try:
            return check(_materialize(raw, kind, tmp, max_archive_bytes, documents), **kwargs)
        except ValueError as exc:
            if "[E088]" in str(exc):  # spaCy's limit on one text (a note over 1,000,000 characters)
                raise fail(Code.TOO_LARGE, "a note in the chart is longer than 1,000,000 characters") from None
            raise


def chart_of(
    raw: bytes, kind: str, max_archive_bytes: int, patient: str | None, documents: Sequence[dict[str, Any]] = ()
) -> Chart:
    """The stored chart (with the case's ``documents`` merged in), loaded, with its one patient selected
    (as ``priorauth check`` would)."""
    with _private_copy() as tmp:
        return select_patient(load(_materialize(raw, kind, tmp, max_archive_bytes, documents)), patient)


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
    raw: bytes, kind: str, tmp: Path, max_archive_bytes: int, documents: Sequence[dict[str, Any]] = ()
) -> str:
    """The chart on disk: a file, or a folder when it is an archive or documents are merged into it
    (``case-documents.ndjson`` beside the chart's own files)."""
    if kind == "archive" or documents:
        folder = tmp / "chart"
        folder.mkdir()
        if kind == "archive":
            _unpack(raw, folder, max_archive_bytes)
        else:
            (folder / SUFFIX[kind]).write_bytes(raw)
        if documents:
            lines = "\n".join(json.dumps(d, separators=(",", ":")) for d in documents)
            (folder / "zz-case-documents.ndjson").write_text(lines + "\n", "utf-8")
        return str(folder)
    path = tmp / SUFFIX[kind]
    path.write_bytes(raw)
    return str(path)
