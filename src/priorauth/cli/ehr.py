"""The CLI's EHR options (``--fhir-server`` and credentials for check/packet) and ``priorauth keys``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from priorauth.errors import Code, fail


def add_fhir_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("reading the chart from an EHR (FHIR R4) instead of a file")
    g.add_argument("--fhir-server", metavar="URL", help="FHIR base URL to read the chart from (needs --patient)")
    add_credentials(g)


def add_bulk_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("exporting the population from an EHR (FHIR Bulk Data) instead of a folder")
    g.add_argument("--fhir-server", metavar="URL", help="FHIR base URL to export from (into OUT/export/)")
    g.add_argument("--group", metavar="ID", help="export the patients of this Group (default: every patient)")
    g.add_argument(
        "--poll-cap",
        metavar="SECONDS",
        type=_seconds,
        help="longest pause between export status polls, whatever Retry-After asks (default 300)",
    )
    add_credentials(g)


# Options whose value is an opaque secret: a bearer token is base64url, so one in 64 starts with "-" and argparse
# would take "--token -x..." for two options ("expected one argument"). Such a value is glued to its option.
OPAQUE_OPTIONS = ("--token",)


def glue_opaque_values(argv: Sequence[str]) -> list[str]:
    """``--token VALUE`` as ``--token=VALUE``, so a value starting with "-" stays the option's value."""
    out: list[str] = []
    it = iter(argv)
    for arg in it:
        value = next(it, None) if arg in OPAQUE_OPTIONS else None
        out.append(arg if value is None else f"{arg}={value}")
    return out


def add_credentials(g: Any) -> None:
    g.add_argument("--token", help="bearer token for the FHIR server (or set PRIORAUTH_FHIR_TOKEN)")
    g.add_argument("--client-id", help="SMART Backend Services: the client id the EHR registered")
    g.add_argument("--key", metavar="PEM", help="SMART Backend Services: the private key (see 'priorauth keys')")
    g.add_argument("--token-url", help="SMART Backend Services: token endpoint (default: SMART discovery)")
    g.add_argument("--scope", default=None, help="SMART Backend Services: scopes (default 'system/*.rs')")
    g.add_argument("--kid", help="SMART Backend Services: key id (default: the key's JWK thumbprint)")


def add_keys_command(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    k = sub.add_parser("keys", help="write a key pair and its JWKS for SMART Backend Services")
    k.add_argument("out", help="folder to write private-key.pem and jwks.json into")
    k.add_argument("--alg", choices=("ES384", "RS384"), default="ES384", help="signing algorithm (default ES384)")


def keys(args: argparse.Namespace) -> int:
    from priorauth.ehr.keys import write_pair

    key_file, jwks_file, kid = write_pair(args.out, args.alg)
    print(f"private key: {key_file} (keep it secret; mode 0600)")
    print(f"JWKS:        {jwks_file} (register it with the EHR, or serve it at your JWKS URL)")
    print(f"kid:         {kid} ({args.alg})")
    return 0


def chart_input(args: argparse.Namespace) -> Any:
    """The chart argument for api.check/evaluate: the file path, or the chart read from the EHR."""
    server = getattr(args, "fhir_server", None)
    if server is None:
        no_credentials_without_server(args)
        if args.chart is None:
            raise fail(Code.BAD_ARGUMENT, "give a chart file or folder, or --fhir-server URL --patient ID")
        return args.chart
    if args.chart is not None:
        raise fail(Code.BAD_ARGUMENT, "give a chart file or --fhir-server, not both")
    if not args.patient:
        raise fail(Code.BAD_ARGUMENT, "--fhir-server needs --patient ID (the Patient's id on that server)")
    from priorauth.ehr import read_chart

    loaded, stats = read_chart(connection(args, server), args.patient)
    print(
        f"priorauth: read {len(loaded.resources)} resources from {server} "
        f"({stats.requests} requests, {stats.bytes / 1e6:.1f} MB{', $everything' if stats.everything else ''})",
        file=sys.stderr,
    )
    return loaded


def connection(args: argparse.Namespace, server: str) -> Any:
    """The :class:`~priorauth.ehr.Connection` the credential flags describe."""
    from priorauth.ehr import BackendServicesConfig, Connection, token_from_env
    from priorauth.ehr.auth import DEFAULT_SCOPE

    backend = None
    if args.client_id or args.key:
        if not (args.client_id and args.key):
            raise fail(Code.BAD_ARGUMENT, "SMART Backend Services needs both --client-id and --key")
        backend = BackendServicesConfig(
            args.client_id, args.key, args.token_url, args.scope or DEFAULT_SCOPE, kid=args.kid
        )
    elif args.token_url or args.scope or args.kid:
        raise fail(Code.BAD_ARGUMENT, "--token-url, --scope and --kid need --client-id and --key")
    token = args.token or (None if backend else token_from_env())
    return Connection(server, token, backend)


def no_credentials_without_server(args: argparse.Namespace) -> None:
    for flag in ("token", "client_id", "key", "token_url", "kid", "scope", "group", "poll_cap"):
        if getattr(args, flag, None):
            raise fail(Code.BAD_ARGUMENT, f"--{flag.replace('_', '-')} needs --fhir-server")


def bulk_export(args: argparse.Namespace) -> str:
    """The export folder to screen: the one given, or OUT/export/ filled from the EHR's Bulk Data API."""
    if args.fhir_server is None:
        no_credentials_without_server(args)
        if args.export is None:
            raise fail(Code.BAD_ARGUMENT, "give an export folder, or --fhir-server URL to export from the EHR")
        return str(args.export)
    if args.export is not None:
        raise fail(Code.BAD_ARGUMENT, "give an export folder or --fhir-server, not both")
    if args.since:
        raise fail(Code.BAD_ARGUMENT, "--since screens a folder of changes: export it first, then screen the folder")
    from pathlib import Path

    from priorauth.ehr.bulk import export

    folder = Path(args.out) / "export"
    say = (lambda _m: None) if args.quiet else (lambda m: print(f"priorauth: {m}", file=sys.stderr))
    cap = {} if args.poll_cap is None else {"poll_cap": args.poll_cap}
    stats = export(connection(args, args.fhir_server), folder, args.group, args.resume, say, **cap)
    say(
        f"export: {stats.files} files downloaded ({stats.bytes / 1e6:.1f} MB), {stats.reused_files} kept, "
        f"{stats.polls} status polls, {stats.waited:.0f} s waited"
    )
    return str(folder)


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 < seconds <= 3600:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds between 0 and 3600")
    return seconds
