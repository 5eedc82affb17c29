"""``priorauth`` command line: parse arguments, call the API, print; errors are one line and exit 2."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from priorauth import __version__
from priorauth.errors import USAGE, PriorauthError

INTERNAL = 70  # EX_SOFTWARE: a bug of ours, reported in one line


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise PriorauthError("bad_argument", f"{message} (see 'priorauth --help')")


def build_parser() -> argparse.ArgumentParser:
    ap = _Parser(
        prog="priorauth",
        description="Evidence-linked prior-authorization checks for KRAS G12C inhibitors (LUMAKRAS, KRAZATI) from FHIR charts.",
    )
    ap.add_argument("--version", action="version", version=f"priorauth {__version__}")
    sub = ap.add_subparsers(dest="command", required=True, parser_class=_Parser)
    c = sub.add_parser("check", help="evaluate one patient's chart and print the determination")
    c.add_argument("chart", help="FHIR R4 Bundle (.json), NDJSON file, or a folder of them (Bulk Data export)")
    c.add_argument("--as-of", help="evaluation date YYYY-MM-DD (default: today)")
    c.add_argument("--payer", help="payer policy pack id (default: matched from the active coverage, else 'default')")
    c.add_argument("--patient", help="Patient id to evaluate when the chart holds several")
    c.add_argument("--format", choices=("json", "text"), help="output format (default: text on a terminal, else json)")
    c.add_argument("--drug", default="sotorasib", help="requested drug: sotorasib (default) or adagrasib")
    c.add_argument(
        "--renewal-lead-days", type=_days, help="start renewals this many days before expiry (default: the pack's, 30)"
    )
    p = sub.add_parser("policies", help="list, show or validate the policy packs")
    p.add_argument("action", choices=("list", "show", "validate"))
    p.add_argument(
        "target", nargs="?", help="show: a pack id; validate: a pack file or folder (default: shipped packs)"
    )
    p.add_argument("--drug", help="the drug's pack family (list: all drugs; show: default sotorasib)")
    p.add_argument("--as-of", help="list: the date review-by is compared with (default: today)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="show: output format")
    v = sub.add_parser("serve", help="run the PA service (REST API; needs the [serve] extra)")
    v.add_argument("--host", help="address to listen on (default 127.0.0.1, or PRIORAUTH_HOST)")
    v.add_argument("--port", type=_port, help="port (default 8400, or PRIORAUTH_PORT)")
    v.add_argument("--database-url", help="SQLAlchemy URL (default: DATABASE_URL, else SQLite in the user data dir)")
    v.add_argument("--demo", action="store_true", help="a fresh demo database: a practice, users and cases (synthetic)")
    return ap


def _port(value: str) -> int:
    if not value.isdigit() or not 0 < int(value) < 65536:
        raise PriorauthError("bad_argument", f"--port {value!r} is not a port number")
    return int(value)


def _days(value: str) -> int:
    if not value.isdigit():
        raise PriorauthError("bad_argument", f"--renewal-lead-days {value!r} is not a number of days")
    return int(value)


def run(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "policies":
        from priorauth.api import parse_as_of
        from priorauth.cli.policies import run as policies

        as_of = parse_as_of(args.as_of) if args.as_of else None
        return policies(args.action, args.target, args.drug, as_of, args.format)
    if args.command == "serve":
        from priorauth.cli.serve import serve

        return serve(host=args.host, port=args.port, database_url=args.database_url, demo=args.demo)
    from priorauth.api import check

    doc = check(
        args.chart,
        as_of=args.as_of,
        payer=args.payer,
        patient=args.patient,
        drug=args.drug,
        renewal_lead_days=args.renewal_lead_days,
    )
    fmt = args.format or ("text" if sys.stdout.isatty() else "json")
    if fmt == "json":
        from priorauth.outputs.json_out import render
    else:
        from priorauth.outputs.text import render
    sys.stdout.write(render(doc))
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
