"""FHIR Bulk Data export (https://hl7.org/fhir/uv/bulkdata/export.html) into a folder of NDJSON files,
resumable: what ``priorauth screen --fhir-server URL`` screens.

1. Kick-off: ``GET [base]/$export`` (every patient and what their data references) or
   ``[base]/Group/<id>/$export`` with ``Prefer: respond-async``; the answer is 202 with the status URL
   in ``Content-Location``.
2. Status: polled, waiting what ``Retry-After`` says (else a growing pause), showing ``X-Progress``;
   200 is the manifest; 4xx/5xx with an OperationOutcome is a failed export.
3. Files: each ``output`` entry is streamed to ``<Type>.<nnn>.ndjson.part`` and renamed when whole; the
   token is sent only when the manifest says ``requiresAccessToken`` and only to the FHIR server's own
   origin. ``error`` files (OperationOutcomes) are kept under ``errors/``.

``state.json`` in the folder records the status URL, the manifest and the finished files after every
step, so ``resume=True`` goes on where a run stopped (a new kick-off only when the server forgot the job).
Tokens and file URLs are never printed.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import orjson

from priorauth.ehr import Connection, make_auth
from priorauth.ehr.http import FhirHttp, ReadFailed, _outcome, retry_after
from priorauth.errors import Code, fail

STATE = "state.json"
FIRST_PAUSE, MAX_PAUSE = 1.0, 60.0  # seconds between status polls when the server gives no Retry-After
MAX_RETRY_AFTER = 300.0  # default --poll-cap: a longer Retry-After is shortened to it (a poll costs little)
DOWNLOAD_ATTEMPTS = 4
CHUNK = 1 << 16


@dataclass
class BulkStats:
    kickoffs: int = 0
    polls: int = 0
    files: int = 0
    reused_files: int = 0
    bytes: int = 0
    waited: float = 0.0
    progress: list[str] = field(default_factory=list)  # every X-Progress seen, in order


def export(
    conn: Connection,
    folder: str | os.PathLike[str],
    group: str | None = None,
    resume: bool = False,
    say: Callable[[str], None] | None = None,
    transport: httpx.BaseTransport | None = None,
    sleep: Callable[[float], None] = time.sleep,
    timeout: float = 6 * 3600,
    poll_cap: float = MAX_RETRY_AFTER,
) -> BulkStats:
    """Export from ``conn.server`` into ``folder`` (created); returns what it took. ``poll_cap``: the
    longest pause between status polls, whatever ``Retry-After`` asks."""
    dest = Path(folder)
    dest.mkdir(parents=True, exist_ok=True)
    http = FhirHttp(conn.server, make_auth(conn), conn.limits, transport=transport, sleep=sleep)
    try:
        return _Export(http, dest, group, say or (lambda _m: None), sleep, timeout, poll_cap).run(resume)
    finally:
        http.close()


class _Export:
    def __init__(
        self,
        http: FhirHttp,
        dest: Path,
        group: str | None,
        say: Callable[[str], None],
        sleep: Callable[[float], None],
        timeout: float,
        poll_cap: float = MAX_RETRY_AFTER,
    ) -> None:
        if group is not None and (not group.strip() or any(c in group for c in "/?#& ")):
            raise fail(Code.BAD_ARGUMENT, f"--group {group!r} is not a FHIR id")
        self.http, self.dest, self.group, self.say, self.sleep = http, dest, group, say, sleep
        self.deadline = time.monotonic() + timeout
        self.poll_cap = poll_cap
        self.stats = BulkStats()
        self.request = f"Group/{group}/$export" if group else "$export"
        self.state: dict[str, Any] = {}

    # -- the steps ----------------------------------------------------------------------------------
    def run(self, resume: bool) -> BulkStats:
        old = self._load_state() if resume else None
        if old and old.get("server") == self.http.base and old.get("request") == self.request:
            self.state = old
        else:
            self._clear()
            self.state = {"server": self.http.base, "request": self.request, "done": {}}
        if "manifest" not in self.state:
            status_url = self.state.get("status_url")
            manifest = self._poll(status_url) if status_url else None
            if manifest is None:  # fresh, or the server no longer knows the job
                self.state["status_url"] = self._kickoff()
                self._save()
                manifest = self._poll(self.state["status_url"])
                if manifest is None:
                    raise fail(Code.EHR_ERROR, "the server forgot the export job it had just started")
            self.state["manifest"] = _checked(manifest)
            self._save()
        self._download_all(self.state["manifest"])
        self.state["complete"] = True
        self._save()
        self._delete_job()
        return self.stats

    def _kickoff(self) -> str:
        self.say(f"export: kick-off {self.request}")
        self.stats.kickoffs += 1
        headers = {"Prefer": "respond-async", "Accept": "application/fhir+json"}
        params = {"_outputFormat": "application/fhir+ndjson"}
        for _ in range(6):
            status, got, body = self._exchange(self.request, params, headers)
            if status == 202 and got.get("content-location"):
                return str(got["content-location"])
            if status == 429 or status == 503:
                self._wait(got.get("retry-after"), 0)
                continue
            if status in (401, 403):
                raise fail(Code.EHR_REFUSED, f"the FHIR server refused the export (HTTP {status}{_outcome(body)})")
            if status == 404 and self.group:
                raise fail(Code.EHR_ERROR, f"no Group {self.group!r} on the FHIR server (HTTP 404)")
            raise fail(
                Code.EHR_ERROR,
                f"the FHIR server did not start a Bulk Data export (HTTP {status}{_outcome(body)})",
            )
        raise fail(Code.EHR_ERROR, "the FHIR server stayed busy and did not start the export")

    def _poll(self, status_url: str) -> dict[str, Any] | None:
        """The manifest once the export is complete; None when the server does not know the job (404/410)."""
        attempt = 0
        last = ""
        while True:
            status, got, body = self._exchange(status_url, None, {"Accept": "application/json"})
            self.stats.polls += 1
            if status == 200:
                try:
                    doc = orjson.loads(body)
                except orjson.JSONDecodeError:
                    raise fail(Code.EHR_ERROR, "the export's manifest is not JSON") from None
                if not isinstance(doc, dict):
                    raise fail(Code.EHR_ERROR, "the export's manifest is not a JSON object")
                return doc
            if status in (404, 410):
                return None
            if status in (202, 429, 503):
                progress = " ".join(str(got.get("x-progress") or "").split())[:100]
                if progress and progress != last:
                    self.stats.progress.append(progress)
                    self.say(f"export: {progress}")
                    last = progress
                self._wait(got.get("retry-after"), attempt)
                attempt += 1
                continue
            if status in (401, 403):
                raise fail(Code.EHR_REFUSED, f"the FHIR server refused the export's status (HTTP {status})")
            raise fail(Code.EHR_ERROR, f"the export failed on the server (HTTP {status}{_outcome(body)})")

    def _download_all(self, manifest: dict[str, Any]) -> None:
        token = bool(manifest.get("requiresAccessToken"))
        counters: dict[str, int] = {}
        jobs: list[tuple[str, str]] = []
        for kind, entries in (("output", manifest.get("output")), ("error", manifest.get("error"))):
            for entry in entries or []:
                rtype = str(entry.get("type") or "Unknown")
                n = counters.get(f"{kind}/{rtype}", 0)
                counters[f"{kind}/{rtype}"] = n + 1
                name = f"{rtype}.{n:03d}.ndjson"
                jobs.append((f"errors/{name}" if kind == "error" else name, str(entry["url"])))
        done: dict[str, int] = self.state.setdefault("done", {})
        for name, url in jobs:
            path = self.dest / name
            if name in done and path.is_file() and path.stat().st_size == done[name]:
                self.stats.reused_files += 1
                continue
            size = self._download(url, path, token)
            done[name] = size
            self.stats.files += 1
            self._save()
        if counters:
            self.say(f"export: {len(jobs)} files in {self.dest} ({self.stats.reused_files} kept from before)")
        errors = sum(v for k, v in counters.items() if k.startswith("error/"))
        if errors:
            self.say(f"export: the server reported problems in {errors} error file(s) under {self.dest / 'errors'}")

    def _download(self, url: str, path: Path, token: bool) -> int:
        full = self.http.url(url)
        own = self.http.same_server(full)
        if token and not own:
            raise fail(Code.EHR_ERROR, "an export file needing the access token is on another server: not sent there")
        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_name(path.name + ".part")
        last = ""
        for attempt in range(DOWNLOAD_ATTEMPTS):
            headers = {"Accept": "application/fhir+ndjson"}
            auth = self.http.auth.header() if token else None
            if auth:
                headers["Authorization"] = auth
            try:
                with self.http.client.stream("GET", full, headers=headers) as resp:
                    if resp.status_code == 401 and token and self.http.auth.renew(auth):
                        last = "HTTP 401"
                        continue
                    if resp.status_code in (429, 502, 503, 504):
                        last = f"HTTP {resp.status_code}"
                        self._wait(resp.headers.get("retry-after"), attempt)
                        continue
                    if resp.status_code != 200:
                        raise fail(
                            Code.EHR_ERROR,
                            f"download of {path.name} failed (HTTP {resp.status_code}): run again with --resume",
                        )
                    size = 0
                    with open(part, "wb") as out:
                        for chunk in resp.iter_bytes(CHUNK):
                            out.write(chunk)
                            size += len(chunk)
                    os.replace(part, path)
                    self.stats.bytes += size
                    return size
            except httpx.TransportError as exc:
                last = type(exc).__name__
                self.sleep(min(MAX_PAUSE, FIRST_PAUSE * 2**attempt))
        raise fail(
            Code.EHR_ERROR,
            f"download of {path.name} failed after {DOWNLOAD_ATTEMPTS} attempts ({last}): "
            "what was downloaded is kept; run again with --resume",
        )

    def _delete_job(self) -> None:
        """Tell the server the files may go (the spec's DELETE on the status URL); a refusal does not matter."""
        url = self.state.get("status_url")
        if not url:
            return
        auth = self.http.auth.header()
        with contextlib.suppress(httpx.HTTPError):
            self.http.client.delete(self.http.url(url), headers={"Authorization": auth} if auth else {})

    # -- plumbing ----------------------------------------------------------------------------------
    def _exchange(
        self, url: str, params: dict[str, Any] | None, headers: dict[str, str]
    ) -> tuple[int, httpx.Headers, bytes]:
        try:
            return self.http.exchange(url, params, headers)
        except ReadFailed as exc:
            raise fail(Code.EHR_ERROR, f"the export stopped: {exc.reason}; run again with --resume") from None

    def _wait(self, header: str | None, attempt: int) -> None:
        wait = retry_after(header)
        if wait is None:
            wait = min(MAX_PAUSE, FIRST_PAUSE * 2**attempt)
        wait = min(max(wait, 0.0), self.poll_cap)
        if time.monotonic() + wait > self.deadline:
            raise fail(Code.EHR_ERROR, "the export did not finish in time: run again with --resume to keep waiting")
        self.stats.waited += wait
        self.sleep(wait)

    def _load_state(self) -> dict[str, Any] | None:
        try:
            doc = orjson.loads((self.dest / STATE).read_bytes())
        except (OSError, orjson.JSONDecodeError):
            return None
        return doc if isinstance(doc, dict) else None

    def _save(self) -> None:
        tmp = self.dest / (STATE + ".tmp")
        tmp.write_bytes(orjson.dumps(self.state, option=orjson.OPT_INDENT_2))
        os.replace(tmp, self.dest / STATE)

    def _clear(self) -> None:
        """A fresh export: the files of an earlier one in this folder go (only ours: NDJSON, parts, state)."""
        for pattern in ("*.ndjson", "*.ndjson.part", "errors/*.ndjson", "errors/*.part", STATE):
            for p in self.dest.glob(pattern):
                p.unlink()


def _checked(manifest: dict[str, Any]) -> dict[str, Any]:
    for key in ("output", "error"):
        entries = manifest.get(key) or []
        if not isinstance(entries, list) or not all(
            isinstance(e, dict) and isinstance(e.get("url"), str) and e["url"] for e in entries
        ):
            raise fail(Code.EHR_ERROR, f"the export's manifest has a malformed {key!r} list")
    return manifest
