"""The run's working folder ``OUT/.work``: the spill (lines grouped into buckets by patient), the
finished buckets' results, and what makes ``--resume`` safe (a fingerprint of the input and options).

Layout::

    run.json                 fingerprint: files (name, size, mtime), buckets, drug, as-of, payer
    scan.json                scan statistics; present once every line has been spilled
    spill/w<k>/b<NNNNN>.tsv  pid TAB flags TAB position TAB line   (one file per scanning process and bucket)
    spill/w<k>/shared.tsv    Type/id TAB 0 TAB position TAB line   (resources of no patient)
    results/b<NNNNN>.ndjson  the bucket's determinations, sorted by patient id
    results/b<NNNNN>.json    the bucket's counts; written last, so it marks the bucket finished
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from priorauth import __version__

BUCKET_BYTES = 32 << 20  # input bytes per bucket (what one worker holds in memory at a time)
GZ_RATIO = 8  # an NDJSON .gz is about this many times smaller than its text


def fingerprint(files: list[Path], drug: str, as_of: str, payer: str | None) -> dict[str, Any]:
    listed = [[f.name, f.stat().st_size, f.stat().st_mtime_ns] for f in files]
    est = sum(s * (GZ_RATIO if n.lower().endswith(".gz") else 1) for n, s, _ in listed)
    return {
        "version": __version__,
        "files": listed,
        "buckets": max(8, -(-est // BUCKET_BYTES)),
        "drug": drug,
        "as_of": as_of,
        "payer": payer,
    }


class WorkDir:
    def __init__(self, out: Path) -> None:
        self.root = out / ".work"
        self.spill = self.root / "spill"
        self.results = self.root / "results"

    def start(self, fp: dict[str, Any], resume: bool) -> bool:
        """Prepare the folder; True when a previous run's finished work can be kept."""
        old = self._read("run.json")
        keep = resume and old == fp
        if not keep and self.root.exists():
            shutil.rmtree(self.root)
        self.results.mkdir(parents=True, exist_ok=True)
        self._write("run.json", fp)
        return keep

    def scanned(self) -> dict[str, Any] | None:
        return self._read("scan.json")

    def reset_spill(self) -> None:
        if self.spill.exists():
            shutil.rmtree(self.spill)
        (self.root / "scan.json").unlink(missing_ok=True)
        self.spill.mkdir(parents=True)

    def mark_scanned(self, stats: dict[str, Any]) -> None:
        self._write("scan.json", stats)

    def drop_spill(self) -> None:
        shutil.rmtree(self.spill, ignore_errors=True)

    def finished(self) -> dict[int, dict[str, Any]]:
        done = {}
        for f in self.results.glob("b*.json"):
            done[int(f.stem[1:])] = orjson.loads(f.read_bytes())
        return done

    def bucket_parts(self, bucket: int) -> list[Path]:
        return sorted(self.spill.glob(f"w*/b{bucket:05d}.tsv"))

    def shared_parts(self) -> list[Path]:
        return sorted(self.spill.glob("w*/shared.tsv"))

    def write_result(self, bucket: int, determinations: list[tuple[str, bytes]], counts: dict[str, Any]) -> None:
        body = self.results / f"b{bucket:05d}.ndjson"
        tmp = body.with_suffix(".tmp")
        with open(tmp, "wb") as f:
            for pid, doc in determinations:
                f.write(pid.encode() + b"\t" + doc + b"\n")
        os.replace(tmp, body)
        meta = self.results / f"b{bucket:05d}.json"
        tmp = meta.with_suffix(".jtmp")
        tmp.write_bytes(orjson.dumps(counts))
        os.replace(tmp, meta)

    def result_lines(self) -> list[Iterator[tuple[str, bytes]]]:
        return [_result(p) for p in sorted(self.results.glob("b*.ndjson"))]

    def read(self, name: str) -> Any:
        return self._read(name)

    def write(self, name: str, value: Any) -> None:
        self._write(name, value)

    def _read(self, name: str) -> Any:
        try:
            return orjson.loads((self.root / name).read_bytes())
        except (OSError, orjson.JSONDecodeError):
            return None

    def _write(self, name: str, value: Any) -> None:
        (self.root / name).write_bytes(orjson.dumps(value))


def _result(path: Path) -> Iterator[tuple[str, bytes]]:
    with open(path, "rb") as f:
        for line in f:
            pid, _, doc = line.rstrip(b"\n").partition(b"\t")
            yield pid.decode(), doc


def read_spill(paths: list[Path]) -> Iterator[tuple[str, int, int, bytes]]:
    for p in paths:
        with open(p, "rb") as f:
            for line in f:
                pid, flags, seq, doc = line.rstrip(b"\n").split(b"\t", 3)
                yield pid.decode(), int(flags), int(seq), doc
