# ruff: noqa: S608  (SQL is built from constants and file paths quoted by _sql_str, never from input data)
"""``--engine duckdb`` (the default): the scan in DuckDB, the evaluation on the local process pool.

One pass of DuckDB over the export's files (C++, parallel, under a memory limit) reads every line,
parses it as JSON, and writes a narrow table (``lines.parquet``): per line its status (a resource, a
corrupt line, not FHIR, an unknown type), resource type, id, owning patient, the few elements that
decide candidacy (a Condition's code, verification and stage; a medication record's medication), and
the line itself only for the resource types the evaluator reads (:data:`EVALUATED_TYPES`). Python
never sees a line that cannot matter: it decides candidacy on the *distinct* decision keys with the
evaluator's own readers (:class:`~priorauth.screen.scan.Classifier`), then receives only the
candidates' lines and the shared resources, in export order (``file_row_number``), and spills them to
the same bucket files the local engine writes. The evaluation is :mod:`priorauth.screen.local`'s.

Damage: a line DuckDB rejects (invalid UTF-8, too long) is counted as corrupt; a file DuckDB cannot read
to the end (a truncated gzip) is salvaged by the Python reader of :mod:`priorauth.screen.scan` up to
the damage, and the salvaged lines are read by DuckDB from a plain copy in the work folder.
"""

from __future__ import annotations

import contextlib
import gzip
import os
import threading
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import orjson

from priorauth.screen.evaluate import Options
from priorauth.screen.fhir_types import EVALUATED_TYPES, R4_RESOURCE_TYPES
from priorauth.screen.scan import CANDIDATE, GZ_SUFFIXES, PATIENT, Classifier, ScanStats, Unit, bucket_of
from priorauth.screen.workdir import WorkDir

MEMORY_LIMIT_MB = 512  # DuckDB's own buffer (it spills to the work folder past it)
MAX_LINE_BYTES = 16 << 20  # a longer line is counted as corrupt (a note over 10 MB is skipped by check too)
LINES = "lines.parquet"
OK, CORRUPT, NOT_FHIR, UNKNOWN = 0, 1, 2, 3  # line status
OWNED, SHARED, ORPHAN = "P", "S", "X"  # a patient's line; a shared resource with an id; neither
TEXT_TYPES = ("DocumentReference", "DiagnosticReport")
MED_KINDS = ("MedicationRequest", "MedicationStatement", "MedicationAdministration", "MedicationDispense")

Tick = Callable[[int, int], None]


def connect(work: WorkDir, jobs: int, memory_mb: int = MEMORY_LIMIT_MB) -> Any:
    try:
        import duckdb
    except ImportError:
        from priorauth.errors import Code, fail

        raise fail(Code.BAD_ARGUMENT, "--engine duckdb needs DuckDB: pip install duckdb") from None
    tmp = work.root / "duckdb-tmp"
    tmp.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(":memory:")
    con.execute(f"SET threads = {max(1, jobs)}")
    con.execute(f"SET memory_limit = '{memory_mb}MB'")
    con.execute(f"SET temp_directory = '{_sql_str(str(tmp))}'")
    con.execute("SET preserve_insertion_order = true")
    con.execute("SET enable_progress_bar = false")
    _macros(con)
    return con


def _macros(con: Any) -> None:
    r4 = ", ".join(f"'{t}'" for t in sorted(R4_RESOURCE_TYPES))
    con.execute(f"CREATE OR REPLACE TEMP MACRO r4(t) AS t IN ({r4})")
    # the evaluator's rule for the reference that ties a resource to its patient (chart.patient_reference)
    con.execute(
        "CREATE OR REPLACE TEMP MACRO links(r) AS r IS NOT NULL "
        "AND (starts_with(r, 'Patient/') OR starts_with(r, 'urn:') OR contains(r, '/Patient/'))"
    )
    # chart.normalize_reference, then without 'Patient/'
    con.execute(
        "CREATE OR REPLACE TEMP MACRO norm(r) AS CASE WHEN starts_with(r, 'urn:') THEN r "
        "WHEN len(string_split(rtrim(split_part(r, '/_history/', 1), '/'), '/')) >= 2 THEN "
        "array_to_string(string_split(rtrim(split_part(r, '/_history/', 1), '/'), '/')[-2:], '/') ELSE r END"
    )
    con.execute(
        "CREATE OR REPLACE TEMP MACRO owner_id(r) AS CASE WHEN r IS NULL THEN NULL "
        "WHEN starts_with(r, 'Patient/') AND strpos(substr(r, 9), '/') = 0 THEN substr(r, 9) "
        "WHEN starts_with(norm(r), 'Patient/') THEN substr(norm(r), 9) ELSE norm(r) END"
    )
    con.execute("CREATE OR REPLACE TEMP MACRO str(v) AS CASE WHEN json_type(v) = 'VARCHAR' THEN v ->> '$' END")


def _sql_str(s: str) -> str:
    return s.replace("'", "''")


def _list(paths: list[str]) -> str:
    return "[" + ", ".join(f"'{_sql_str(p)}'" for p in paths) + "]"


def _reader(paths: list[str]) -> str:
    return (
        f"read_csv({_list(paths)}, columns = {{'line': 'VARCHAR'}}, header = false, auto_detect = false, "
        f"delim = '\x01', quote = '', escape = '', filename = true, ignore_errors = true, "
        f"store_rejects = true, max_line_size = {MAX_LINE_BYTES}, buffer_size = {2 * MAX_LINE_BYTES})"
    )


# Every line whose resourceType may be Condition, a medication record or a document holds one of these
# strings: JSON can spell a letter otherwise only as a \u escape. The pre-filter of the candidate pass (a
# substring search, no parsing); a superset, so the lines it lets through are parsed and decided exactly as
# in the full pass.
_MAY_DECIDE = (
    "(contains(line, 'Condition') OR contains(line, 'Medication') OR contains(line, 'DocumentReference') "
    "OR contains(line, 'DiagnosticReport') OR contains(line, '\\u'))"
)


def _parse_sql(paths: list[str], carry: str, prefilter: bool = False) -> str:
    """Every non-blank line: (file, status, rtype, rid, pid, kind, key, line); ``line`` only where the SQL
    condition ``carry`` holds (over kind, rtype, pid, status). ``prefilter``: only the lines that may be a
    Condition or a medication record (the candidate pass)."""
    meds = ", ".join(f"'{t}'" for t in MED_KINDS)
    return f"""
    WITH raw AS (
        SELECT filename AS file, CASE WHEN starts_with(line, chr(65279)) THEN substr(line, 2) ELSE line END AS line
        FROM {_reader(paths)}
        WHERE CASE WHEN left(line, 1) = '{{' THEN true ELSE trim(line, ' \t\r\n') <> '' END  -- blank lines
        {"AND " + _MAY_DECIDE if prefilter else ""}
    ), e AS (
        SELECT file, line,
            list_transform(
                try(json_extract(line, ['$.resourceType', '$.id', '$.subject.reference', '$.patient.reference',
                                        '$.beneficiary.reference'])),
                v -> CASE WHEN left(v, 1) = '"' THEN v ->> '$' END) AS s
        FROM raw
    ), f AS (
        SELECT file, line, s IS NOT NULL AS ok, s[1] AS rtype, nullif(s[2], '') AS rid,
            CASE WHEN links(s[3]) THEN s[3] WHEN links(s[4]) THEN s[4] WHEN links(s[5]) THEN s[5] END AS ref
        FROM e
    ), g AS (
        SELECT file, line, rtype, rid,
            CASE WHEN NOT ok THEN {CORRUPT} WHEN rtype IS NULL OR rtype = '' THEN {NOT_FHIR}
                 WHEN NOT r4(rtype) THEN {UNKNOWN} ELSE {OK} END AS status,
            CASE WHEN rtype = 'Patient' THEN rid WHEN ref IS NULL THEN NULL
                 WHEN starts_with(ref, 'Patient/') AND strpos(substr(ref, 9), '/') = 0 THEN substr(ref, 9)
                 ELSE owner_id(ref) END AS pid
        FROM f
    ), h AS (
        SELECT file, status, rtype, rid, line, pid,
            CASE WHEN status <> {OK} THEN NULL
                 WHEN pid IS NOT NULL AND pid <> '' AND length(pid) <= 256 AND strpos(pid, chr(9)) = 0
                      AND strpos(pid, chr(10)) = 0 THEN '{OWNED}'
                 WHEN pid IS NULL AND rid IS NOT NULL THEN '{SHARED}' ELSE '{ORPHAN}' END AS kind
        FROM g
    )
    SELECT file, status, CASE WHEN status = {UNKNOWN} THEN left(rtype, 64) ELSE rtype END AS rtype,
        CASE WHEN status = {OK} THEN rid END AS rid,
        CASE WHEN kind = '{OWNED}' THEN pid END AS pid, kind,
        CASE WHEN kind = '{OWNED}' AND rtype = 'Condition' THEN
                 to_json(json_extract(line, ['$.code', '$.verificationStatus', '$.stage']))
             WHEN kind = '{OWNED}' AND rtype IN ({meds}) THEN
                 to_json(json_extract(line, ['$.medicationCodeableConcept', '$.medicationReference', '$.contained']))
        END AS key,
        CASE WHEN {carry} THEN line END AS line
    FROM h
    """


def _carry(everyone: bool) -> str:
    """Which lines the table carries: the evaluated types' lines of the candidates (every patient's with
    ``everyone``, for ``--since``), the shared resources, and Bundles (they may list deletions)."""
    evaluated = ", ".join(f"'{t}'" for t in sorted(EVALUATED_TYPES))
    owned = f"kind = '{OWNED}'" + ("" if everyone else " AND pid IN (SELECT pid FROM maybe)")
    return f"((({owned}) OR kind = '{SHARED}') AND rtype IN ({evaluated})) OR (status = {OK} AND rtype = 'Bundle')"


class Scan:
    """The DuckDB scan of one export into ``lines.parquet``, and what is asked of it afterwards."""

    def __init__(self, con: Any, work: WorkDir, files: list[Path], target: Path | None = None) -> None:
        self.con, self.work, self.files = con, work, files
        self.table = target or work.root / LINES
        self.problems: list[str] = []
        self.salvaged: dict[str, ScanStats] = {}
        self.documents = 0
        self.rejected = 0

    def run(self, ingredient: str | None = None, documents: Callable[[], None] | None = None) -> None:
        """Write the table. ``ingredient``: carry only the lines of the patients who may be candidates (found
        first by a pass over the lines that may decide it); None: every patient's (kept for ``--since``).
        ``documents`` is called before the full pass when a possible candidate has a note or report."""
        paths = self._intact([str(f) for f in self.files])
        try:
            self._write(paths, ingredient, documents)
        except Exception:  # duckdb.Error: a file it cannot read (found, salvaged, and the pass run again)
            paths = self._readable(paths)
            if not paths:
                raise ValueError("no readable file") from None  # pragma: no cover (export_files found some)
            self._write(paths, ingredient, None)

    def _write(self, paths: list[str], ingredient: str | None, documents: Callable[[], None] | None) -> None:
        if ingredient is not None:
            self._maybe(paths, ingredient)
            texts = ", ".join(f"'{t}'" for t in TEXT_TYPES)
            found = self.con.execute(
                f"SELECT count(*) FROM decide WHERE rtype IN ({texts}) AND pid IN (SELECT pid FROM maybe)"
            ).fetchone()[0]
            if found and documents is not None:
                documents()
        tmp = self.table.with_suffix(".tmp")
        sql = _parse_sql(paths, _carry(everyone=ingredient is None))
        before = self._rejects()  # DuckDB's rejects table grows with every read of the files
        self.con.execute(
            f"COPY ({sql}) TO '{_sql_str(str(tmp))}' (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 16384)"
        )
        self.rejected = self._rejects() - before
        os.replace(tmp, self.table)

    def _rejects(self) -> int:
        try:
            return self.con.execute("SELECT count(*) FROM reject_errors").fetchone()[0]
        except Exception:  # duckdb.CatalogException: no read has stored a reject yet
            return 0

    def _maybe(self, paths: list[str], ingredient: str) -> None:
        """The table ``maybe``: every patient with a Condition or medication record that makes a candidate (a
        superset of the candidates: whether the Patient line exists is known after the full pass)."""
        sql = _parse_sql(paths, "false", prefilter=True)
        self.con.execute(
            f"CREATE OR REPLACE TEMP TABLE decide AS SELECT pid, rtype, key FROM ({sql}) "
            f"WHERE key IS NOT NULL OR (kind = '{OWNED}' AND rtype IN ({', '.join(repr(t) for t in TEXT_TYPES)}))"
        )
        self._relevant_keys("decide", ingredient)
        self.con.execute(
            "CREATE OR REPLACE TEMP TABLE maybe AS SELECT DISTINCT pid FROM decide WHERE key IN (SELECT key FROM rel)"
        )

    def _relevant_keys(self, source: str, ingredient: str) -> None:
        """The table ``rel``: the decision keys of ``source`` that make a candidate (the evaluator's readers)."""
        keys = self.con.execute(f"SELECT DISTINCT rtype, key FROM {source} WHERE key IS NOT NULL").fetchall()
        classifier = Classifier(ingredient)
        relevant = [key for rtype, key in keys if _relevant(classifier, rtype, key)]
        self.con.execute("CREATE OR REPLACE TEMP TABLE rel (key VARCHAR)")
        if relevant:
            self.con.executemany("INSERT INTO rel VALUES (?)", [(k,) for k in relevant])

    def _intact(self, paths: list[str]) -> list[str]:
        """DuckDB stops silently at the end of a truncated gzip, so each gzip is checked to its end first (zlib,
        no parsing) and a damaged one is salvaged by the Python reader."""
        bad = [p for p in paths if p.lower().endswith(GZ_SUFFIXES) and not _gzip_intact(p)]
        return [p for p in (self._salvage(p) if p in bad else p for p in paths) if p is not None]

    def _readable(self, paths: list[str]) -> list[str]:
        """The files DuckDB reads to the end; one it cannot read is salvaged by the Python reader."""
        out = []
        for p in paths:
            if self._reads([p]):
                out.append(p)
            elif (salvaged := self._salvage(p)) is not None:
                out.append(salvaged)
        return out

    def _reads(self, paths: list[str]) -> bool:
        try:
            self.con.execute(f"SELECT count(*) FROM {_reader(paths)}").fetchone()
        except Exception:  # duckdb.Error: an unreadable file (the caller finds which)
            return False
        return True

    def _salvage(self, path: str) -> str | None:
        from priorauth.screen.scan import _lines

        stats = ScanStats()
        folder = self.work.root / "salvaged"
        folder.mkdir(parents=True, exist_ok=True)
        dest = folder / (os.path.basename(path).removesuffix(".gz") + ".salvaged")
        with open(dest, "wb") as f:
            for line in _lines(Unit(path, 0, -1), stats):
                f.write(line + b"\n")
        self.salvaged[path] = stats
        self.problems.extend(stats.file_problems)
        return str(dest) if stats.bytes or dest.stat().st_size else None

    def stats(self) -> ScanStats:
        t = f"read_parquet('{_sql_str(str(self.table))}')"
        s = ScanStats()
        rows = self.con.execute(f"SELECT status, rtype, count(*) FROM {t} GROUP BY ALL").fetchall()
        for status, rtype, n in rows:
            s.lines += n
            if status == CORRUPT:
                s.corrupt_lines += n
            elif status == NOT_FHIR:
                s.not_fhir_lines += n
            elif status == UNKNOWN:
                s.unknown_types[rtype] += n
            else:
                s.resources += n
                s.by_type[rtype] += n
        s.shared_without_id = self.con.execute(f"SELECT count(*) FROM {t} WHERE kind = '{ORPHAN}'").fetchone()[0]
        s.corrupt_lines += self.rejected
        s.lines += self.rejected
        for salvaged in self.salvaged.values():  # the cut-off line of a truncated gzip
            s.lines += salvaged.corrupt_lines
            s.corrupt_lines += salvaged.corrupt_lines
        s.file_problems = list(self.problems)
        s.bytes = self._bytes()
        return s

    def _bytes(self) -> int:
        total = 0
        for f in self.files:
            if str(f) in self.salvaged:
                total += self.salvaged[str(f)].bytes
            elif f.name.lower().endswith(GZ_SUFFIXES):
                total += _gz_size(f)
            else:
                total += f.stat().st_size
        return total

    def candidates(self, ingredient: str) -> dict[str, int]:
        """Creates the table ``cand`` (the candidate patient ids); returns the population counts."""
        t = f"read_parquet('{_sql_str(str(self.table))}')"
        self._relevant_keys(t, ingredient)
        self.con.execute(
            f"""CREATE OR REPLACE TEMP TABLE pop AS
            SELECT pid, bool_or(rtype = 'Patient') AS present, bool_or(key IN (SELECT key FROM rel)) AS cand,
                   count(*) AS n
            FROM {t} WHERE kind = '{OWNED}' GROUP BY pid"""
        )
        self.con.execute("CREATE OR REPLACE TEMP TABLE cand AS SELECT pid FROM pop WHERE present AND cand")
        patients, candidates, missing_ids, missing_res = self.con.execute(
            "SELECT count(*) FILTER (present), count(*) FILTER (present AND cand), count(*) FILTER (NOT present), "
            "coalesce(sum(n) FILTER (NOT present), 0) FROM pop"
        ).fetchone()
        return {
            "patients": patients,
            "candidates": candidates,
            "missing_patient_ids": missing_ids,
            "missing_patient_resources": int(missing_res),
        }

    def spill(self, buckets: int, wanted: set[int], who: str = "cand") -> int:
        """The candidates' lines into the bucket files and the shared resources into ``shared.tsv``, in
        export order; returns the number of lines written."""
        t = f"read_parquet('{_sql_str(str(self.table))}', file_row_number = true)"
        folder = self.work.spill / "w0"
        folder.mkdir(parents=True, exist_ok=True)
        files: dict[int, IO[bytes]] = {}
        written = 0
        self.documents = 0  # candidates' DocumentReferences and DiagnosticReports (may need the text pipeline)
        try:
            cur = self.con.execute(
                f"SELECT pid, rtype, file_row_number, line FROM {t} WHERE kind = '{OWNED}' AND line IS NOT NULL "
                f"AND pid IN (SELECT pid FROM {who})"
            )
            while rows := cur.fetchmany(10_000):
                for pid, rtype, seq, line in rows:
                    b = bucket_of(pid, buckets)
                    if b not in wanted:
                        continue
                    f = files.get(b)
                    if f is None:
                        f = files[b] = open(folder / f"b{b:05d}.tsv", "ab", buffering=1 << 18)  # noqa: SIM115
                    flags = CANDIDATE | (PATIENT if rtype == "Patient" else 0)
                    self.documents += rtype in TEXT_TYPES
                    f.write(b"%s\t%d\t%d\t%s\n" % (pid.encode(), flags, seq, line.encode()))
                    written += 1
            cur = self.con.execute(
                f"SELECT rtype, rid, file_row_number, line FROM {t} WHERE kind = '{SHARED}' AND line IS NOT NULL"
            )
            with open(folder / "shared.tsv", "ab", buffering=1 << 18) as shared:
                while rows := cur.fetchmany(10_000):
                    for rtype, rid, seq, line in rows:
                        shared.write(b"%s/%s\t0\t%d\t%s\n" % (rtype.encode(), rid.encode(), seq, line.encode()))
        finally:
            for f in files.values():
                f.close()
        return written


def _relevant(classifier: Classifier, rtype: str, key: str) -> bool:
    parts = orjson.loads(key)
    if rtype == "Condition":
        names = ("code", "verificationStatus", "stage")
    else:
        names = ("medicationCodeableConcept", "medicationReference", "contained")
    doc = {"resourceType": rtype, **{n: v for n, v in zip(names, parts, strict=True) if v is not None}}
    if rtype == "Condition":
        return classifier._condition(doc)
    return classifier._medication(doc)


def _gzip_intact(path: str) -> bool:
    try:
        with gzip.open(path, "rb") as g:
            while g.read(4 << 20):
                pass
        return True
    except (EOFError, OSError, zlib.error):
        return False


def _gz_size(f: Path) -> int:
    """The uncompressed size, from the gzip trailer (ISIZE: exact below 4 GiB, a single member)."""
    with open(f, "rb") as g:
        g.seek(-4, os.SEEK_END)
        return int.from_bytes(g.read(4), "little")


CURRENT = "current.parquet"  # the run's resources table in the work folder, moved to OUT/resources.parquet at the end


def run_duckdb(
    files: list[Path],
    work: WorkDir,
    opts: Options,
    buckets: int,
    todo: list[int],
    kept: bool,
    jobs: int,
    bars: Callable[[str, float, str, float], Any],
    since: Path | None = None,
    keep: bool = False,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Scan (unless a kept scan can be reused), then evaluate the unfinished buckets. Returns the scan
    statistics and the population counts (patients, candidates, patients missing; ``since``: what changed).
    ``keep``: the table holds every patient's resources and becomes ``resources.parquet`` (always with
    ``since``); otherwise it holds only the candidates' and is dropped with the work folder."""
    from priorauth.screen import ingredient, local

    scanned = work.scanned() if kept else None
    population = work.read("population.json") if kept else None
    if todo and (scanned is None or population is None or not work.spill.exists()):
        work.reset_spill()
        loader: list[threading.Thread] = []
        keep = keep or since is not None
        if keep and any(f.name.startswith(TEXT_TYPES) for f in files):  # no candidate pass: file names tell
            loader.append(_load_text_meanwhile())
        con = connect(work, jobs)
        try:
            size = sum(f.stat().st_size for f in files)
            bar = bars("scan", size, "MB", 1 << 20)
            scan = Scan(con, work, files)
            scan.run(None if keep else ingredient(opts.drug), lambda: loader.append(_load_text_meanwhile()))
            stats = scan.stats().as_dict()
            current = work.root / CURRENT
            if since is None:
                if keep:
                    os.replace(scan.table, current)
                    scan.table = current
                population = scan.candidates(ingredient(opts.drug))
                scan.spill(buckets, set(todo))
                if not keep:
                    scan.table.unlink()  # the spill holds what the evaluation reads (and what --resume keeps)
            else:
                population = _since(con, scan, since, opts, buckets, todo, work)
            population["documents"] = scan.documents
            for thread in loader:
                thread.join()  # before the evaluating processes fork: they share what it loaded
            bar.tick(size, 0)
            bar.finish()  # the scan phase: both passes, the spill, and the text pipeline's load beside them
        finally:
            con.close()
            for thread in loader:
                thread.join()
        work.write("population.json", population)
        work.mark_scanned(stats)
    else:
        stats = scanned or ScanStats().as_dict()
    if todo:
        bar = bars("evaluate", len(todo), "buckets", 1)
        # spaCy is loaded once before forking only when a candidate has a document (else on demand, per worker)
        text = bool((population or {}).get("documents", 1))
        local.evaluate_all(todo, work, opts, jobs, text, bar.tick)
        bar.finish()
    return stats, population or {}


def _load_text_meanwhile() -> threading.Thread:
    """Load the text pipeline (spaCy, medspaCy: ~1.5 s) in a thread while DuckDB scans (its threads run
    without the GIL). Called when a possible candidate has a note or report (else the evaluation loads it
    only if a candidate has a document)."""
    thread = threading.Thread(target=_preload_quietly, name="priorauth-text-preload", daemon=True)
    thread.start()
    return thread


def _preload_quietly() -> None:
    from priorauth.text.pipeline import preload

    with contextlib.suppress(Exception):  # a failure recurs, and is reported, where the evaluation loads it
        preload()


def _since(con: Any, scan: Scan, prev: Path, opts: Options, buckets: int, todo: list[int], work: WorkDir) -> dict:
    from priorauth.screen import ingredient, since

    before = since.previous(prev, opts.drug, opts.payer)
    changed = since.combine(con, prev, scan.table, work.root / CURRENT, since.deletions(con, scan.table))
    scan.table = work.root / CURRENT
    population = scan.candidates(ingredient(opts.drug))
    everyone = bool(changed["shared_changed"]) or before.get("as_of") != opts.as_of
    carried_file = work.root / since.CARRIED
    carried = since.carry_over(con, prev, everyone, carried_file)
    scan.spill(buckets, set(todo), who="todo")
    docs = [tuple(line.split(b"\t", 1)) for line in carried_file.read_bytes().splitlines()]
    counts = {
        "patients": 0,
        "candidates": carried,
        "evaluated": carried,
        "missing_patient_ids": 0,
        "missing_patient_resources": 0,
        "errors": {},
    }
    work.write_result(buckets, [(pid.decode(), doc) for pid, doc in docs], counts)  # one past the last bucket
    reason = "shared resources changed" if changed["shared_changed"] else "as-of date changed" if everyone else None
    population["since"] = {
        "previous": prev.name,
        **changed,
        "carried_over": carried,
        "reevaluated_all_candidates": reason,
    }
    return population
