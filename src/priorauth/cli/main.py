"""``priorauth`` command line: parse arguments, call the API, print; errors are one line and exit 2."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from priorauth import __version__
from priorauth.cli.ehr import add_fhir_options, add_keys_command, chart_input, glue_opaque_values
from priorauth.errors import USAGE, PriorauthError

INTERNAL = 70  # EX_SOFTWARE: a bug of ours, reported in one line


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise PriorauthError("bad_argument", f"{message} (see '{self.prog} --help')")


def build_parser() -> argparse.ArgumentParser:
    ap = _Parser(
        prog="priorauth",
        description="Evidence-linked prior-authorization checks for KRAS G12C inhibitors (LUMAKRAS, KRAZATI) from FHIR charts.",
    )
    ap.add_argument("--version", action="version", version=f"priorauth {__version__}")
    sub = ap.add_subparsers(dest="command", required=True, parser_class=_Parser)
    c = sub.add_parser("check", help="evaluate one patient's chart and print the determination")
    c.add_argument(
        "chart", nargs="?", help="FHIR R4 Bundle (.json), NDJSON file, or a folder of them (or --fhir-server)"
    )
    c.add_argument("--as-of", help="evaluation date YYYY-MM-DD (default: today)")
    c.add_argument("--payer", help=PAYER_HELP)
    c.add_argument("--patient", help="Patient id to evaluate when the chart holds several")
    c.add_argument("--format", choices=("json", "text"), help="output format (default: text on a terminal, else json)")
    c.add_argument("--drug", default="sotorasib", help="requested drug: sotorasib (default) or adagrasib")
    c.add_argument(
        "--renewal-lead-days", type=_days, help="start renewals this many days before expiry (default: the pack's, 30)"
    )
    _add_no_ocr(c)
    _add_packs(c)
    add_fhir_options(c)
    k = sub.add_parser("packet", help="write the PA packet (PDF, letters, DTR and PAS FHIR) for one chart")
    k.add_argument(
        "chart", nargs="?", help="FHIR R4 Bundle (.json), NDJSON file, or a folder of them (or --fhir-server)"
    )
    k.add_argument("-o", "--out", required=True, help="folder to write the packet into (created if needed)")
    k.add_argument("--as-of", help="evaluation date YYYY-MM-DD (default: today)")
    k.add_argument("--payer", help=PAYER_HELP)
    k.add_argument("--patient", help="Patient id to evaluate when the chart holds several")
    k.add_argument("--drug", default="sotorasib", help="requested drug: sotorasib (default) or adagrasib")
    k.add_argument("--practice", help="practice profile (YAML: name, address, phone, fax, NPI, tax id, contact)")
    k.add_argument("--denial-reason", help="the payer's stated denial reason: also write an appeal letter")
    _add_no_ocr(k)
    _add_packs(k)
    add_fhir_options(k)
    add_keys_command(sub)
    _add_policies(sub)
    v = sub.add_parser("serve", help="run the PA service (REST API; needs the [serve] extra)")
    v.add_argument("--host", help="address to listen on (default 127.0.0.1, or PRIORAUTH_HOST)")
    v.add_argument("--port", type=_port, help="port (default 8400, or PRIORAUTH_PORT)")
    v.add_argument("--database-url", help="SQLAlchemy URL (default: DATABASE_URL, else SQLite in the user data dir)")
    v.add_argument("--demo", action="store_true", help="a fresh demo database: a practice, users and cases (synthetic)")
    v.add_argument("--workers", type=_count("--workers"), help="server processes (default 1, or PRIORAUTH_WORKERS)")
    v.add_argument(
        "--set", action="append", default=[], metavar="KEY=VALUE", help="any setting of docs/service.md (repeatable)"
    )
    _add_screen(sub)
    from priorauth.cli.letters import add_command as add_read_letter

    add_read_letter(sub)
    return ap


def _add_no_ocr(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--no-ocr", dest="ocr", action="store_false", help="do not OCR scanned attachments (default: read them)"
    )


PAYER_HELP = (
    "payer policy pack id, any case (default: the pack matching the active coverage's payer, else 'default'; "
    "see 'priorauth policies list')"
)


def _add_packs(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--packs",
        metavar="DIR",
        help="the practice's own packs (DIR/<drug>/<id>.yaml) beside the shipped ones (default: PRIORAUTH_PACKS_DIR)",
    )


def _add_policies(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("policies", help="list, show or validate the policy packs")
    acts = p.add_subparsers(dest="action", required=True, parser_class=_Parser)
    a = acts.add_parser("list", help="every pack: id, version, dates; warns when one is past its review-by date")
    a.add_argument("--drug", help="one drug's packs (default: all drugs)")
    a.add_argument("--as-of", help="the date review-by is compared with (default: today)")
    b = acts.add_parser("show", help="what one pack contains, resolved onto its base")
    b.add_argument("target", metavar="PACK_ID", help="a pack id (see 'priorauth policies list')")
    b.add_argument("--drug", help="the drug's pack family (default: sotorasib)")
    b.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    v = acts.add_parser("validate", help="check pack files; a practice's pack folder's cases are run too")
    v.add_argument(
        "target",
        nargs="?",
        metavar="PATH",
        help="a pack file, a folder of them, or a practice's pack folder (DIR/<drug>/<id>.yaml); "
        "default: the shipped packs (and --packs DIR)",
    )
    for q in (a, b, v):
        _add_packs(q)


def _add_screen(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    s = sub.add_parser("screen", help="screen a whole FHIR Bulk Data export: one determination per candidate")
    s.add_argument("export", nargs="?", help="Bulk Data export folder (*.ndjson, *.ndjson.gz) (or --fhir-server)")
    s.add_argument("-o", "--out", required=True, help="output folder (determinations, Parquet, summary report)")
    s.add_argument(
        "--engine",
        choices=("duckdb", "local", "spark"),
        default="duckdb",
        help="duckdb (default: DuckDB scan, local evaluation), local (Python scan) or spark (a cluster)",
    )
    s.add_argument("--master", help="spark: master URL (default: local[*])")
    s.add_argument("--jobs", type=_count("--jobs"), help="duckdb, local: processes and threads (default: all cores)")
    s.add_argument("--resume", action="store_true", help="keep the patients a previous run of the same input finished")
    s.add_argument(
        "--since", metavar="PREVIOUS_OUT", help="EXPORT holds only changes since the run that wrote PREVIOUS_OUT"
    )
    s.add_argument(
        "--keep-resources",
        action="store_true",
        help="duckdb: keep every patient's resources in OUT/resources.parquet for a later --since (implied by --since)",
    )
    s.add_argument("--as-of", help="evaluation date YYYY-MM-DD (default: today)")
    s.add_argument("--drug", default="sotorasib", help="requested drug: sotorasib (default) or adagrasib")
    s.add_argument("--payer", help="apply this payer pack to everyone (default: matched per patient)")
    _add_packs(s)
    s.add_argument("--quiet", action="store_true", help="no progress bar")
    from priorauth.cli.ehr import add_bulk_options

    add_bulk_options(s)
    g = sub.add_parser("synth", help="write a synthetic Bulk Data export of N patients (deterministic)")
    g.add_argument("out", help="folder to write")
    g.add_argument(
        "-n", "--patients", type=_count("--patients"), default=1000, help="number of patients (default 1000)"
    )
    g.add_argument("--seed", type=_count("--seed"), default=1, help="random seed (default 1)")
    g.add_argument("--gzip", action="store_true", help="write .ndjson.gz files")
    g.add_argument("--cancer-percent", type=_count("--cancer-percent"), help="share of cancer patients (default 8)")


def _screen(args: argparse.Namespace) -> int:
    from priorauth.cli.ehr import bulk_export
    from priorauth.screen import screen

    report = screen(
        bulk_export(args),
        args.out,
        engine=args.engine,
        resume=args.resume,
        as_of=args.as_of,
        drug=args.drug,
        payer=args.payer,
        jobs=args.jobs,
        master=args.master,
        progress=not args.quiet,
        since=args.since,
        keep_resources=args.keep_resources,
    )
    from pathlib import Path

    from priorauth.screen.summary_text import render

    sys.stdout.write(render(report, Path(args.out)))
    return 0


def _synth(args: argparse.Namespace) -> int:
    from priorauth.screen.synth import write_export

    share = None if args.cancer_percent is None else min(args.cancer_percent, 100) / 100
    mix = write_export(args.out, args.patients, seed=args.seed, gz=args.gzip, cancer_share=share)
    print(", ".join(f"{k}: {v}" for k, v in mix.items()))
    return 0


def _count(option: str):  # type: ignore[no-untyped-def]
    def parse(value: str) -> int:
        if not value.isdigit():
            raise PriorauthError("bad_argument", f"{option} {value!r} is not a whole number")
        return int(value)

    return parse


def _port(value: str) -> int:
    if not value.isdigit() or not 0 < int(value) < 65536:
        raise PriorauthError("bad_argument", f"--port {value!r} is not a port number")
    return int(value)


def _days(value: str) -> int:
    if not value.isdigit():
        raise PriorauthError("bad_argument", f"--renewal-lead-days {value!r} is not a number of days")
    return int(value)


def run(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(glue_opaque_values(sys.argv[1:] if argv is None else argv))
    if getattr(args, "packs", None):
        from priorauth.policy import registry

        if args.command == "policies" and args.action == "validate":
            registry.use_folder(None)  # validate reports every problem of the folder instead of failing on one
        else:
            registry.use_folder(args.packs)
    if args.command == "policies":
        from priorauth.api import parse_as_of
        from priorauth.cli.policies import run as policies

        as_of = parse_as_of(args.as_of) if getattr(args, "as_of", None) else None
        return policies(
            args.action,
            getattr(args, "target", None),
            getattr(args, "drug", None),
            as_of,
            getattr(args, "format", "text"),
            getattr(args, "packs", None),
        )
    if args.command == "packet":
        return _packet(args)
    if args.command == "screen":
        return _screen(args)
    if args.command == "synth":
        return _synth(args)
    if args.command == "read-letter":
        from priorauth.cli.letters import run as read_letter

        return read_letter(args)
    if args.command == "keys":
        from priorauth.cli.ehr import keys

        return keys(args)
    if args.command == "serve":
        from priorauth.cli.serve import serve

        return serve(
            host=args.host,
            port=args.port,
            database_url=args.database_url,
            demo=args.demo,
            workers=args.workers,
            sets=args.set,
        )
    from priorauth.api import check

    doc = check(
        chart_input(args),
        as_of=args.as_of,
        payer=args.payer,
        patient=args.patient,
        drug=args.drug,
        renewal_lead_days=args.renewal_lead_days,
        ocr=args.ocr,
    )
    fmt = args.format or ("text" if sys.stdout.isatty() else "json")
    if fmt == "json":
        from priorauth.outputs.json_out import render
    else:
        from priorauth.outputs.text import render
    sys.stdout.write(render(doc))
    return 0


def _packet(args: argparse.Namespace) -> int:
    from priorauth.api import evaluate
    from priorauth.outputs.packet import write_packet
    from priorauth.outputs.packet.practice import load_practice

    practice = load_practice(args.practice)  # a bad profile fails before any work
    ev = evaluate(
        chart_input(args), as_of=args.as_of, payer=args.payer, patient=args.patient, drug=args.drug, ocr=args.ocr
    )
    for path in write_packet(ev, args.out, practice, args.denial_reason):
        print(path)
    print(f"priorauth: packet {ev.determination['overall']}", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return run(argv)
    except PriorauthError as exc:
        print(f"priorauth: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug of ours: one line, never a traceback (PRIORAUTH_DEBUG=1 re-raises)
        if os.environ.get("PRIORAUTH_DEBUG"):
            raise
        print(
            f"priorauth: internal error ({type(exc).__name__}); rerun with PRIORAUTH_DEBUG=1 and report it",
            file=sys.stderr,
        )
        return INTERNAL


__all__ = ["USAGE", "main"]
