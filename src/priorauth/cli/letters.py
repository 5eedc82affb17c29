"""``priorauth read-letter FILE``: a payer letter read into a proposal, printed as JSON or text."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from priorauth.errors import Code, fail


def add_command(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    r = sub.add_parser(
        "read-letter",
        help="read a payer's letter (approval, denial, pended, request for information): PDF, TIFF, PNG, JPEG",
    )
    r.add_argument("file", help="the letter: a PDF (with or without a text layer), TIFF, PNG or JPEG file")
    r.add_argument("--format", choices=("json", "text"), help="output format (default: text on a terminal, else json)")
    r.add_argument("--patient-name", help="the case's patient: a letter naming someone else proposes nothing")
    r.add_argument("--birth-date", help="the case's patient's date of birth (YYYY-MM-DD)")
    r.add_argument("--member-id", help="the case's patient's member id")


def run(args: argparse.Namespace) -> int:
    from priorauth.letters import read_letter
    from priorauth.letters.source import MAX_BYTES

    path = Path(args.file)
    if not path.is_file():
        raise fail(Code.PATH_MISSING, f"{args.file}: no such file")
    try:
        with path.open("rb") as f:
            raw = f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise fail(Code.UNREADABLE, f"{args.file}: cannot be read ({exc.strerror or type(exc).__name__})") from None
    case = {"name": args.patient_name, "birth_date": args.birth_date, "member_id": args.member_id}
    if args.birth_date:
        try:
            case["birth_date"] = date.fromisoformat(args.birth_date.strip()).isoformat()
        except ValueError:
            raise fail(Code.BAD_DATE, f"--birth-date {args.birth_date!r} is not a date (YYYY-MM-DD)") from None
    proposal = read_letter(raw, case if any(case.values()) else None).as_dict()
    fmt = args.format or ("text" if sys.stdout.isatty() else "json")
    if fmt == "json":
        from priorauth.outputs.json_out import render

        sys.stdout.write(render(proposal))
    else:
        sys.stdout.write(text(proposal))
    return 0


LABELS = (
    ("outcome", "Outcome"),
    ("authorization_number", "Authorization number"),
    ("period_start", "Approved from"),
    ("period_end", "Approved through"),
    ("quantity", "Quantity"),
    ("drug", "Drug"),
    ("letter_date", "Letter date"),
    ("denial_reason", "Denial reason"),
    ("appeal_deadline", "Appeal deadline"),
    ("patient_name", "Patient"),
    ("patient_birth_date", "Date of birth"),
    ("patient_member_id", "Member id"),
)


def text(p: dict[str, Any]) -> str:
    """The proposal for a person: warnings first (a patient mismatch first of all), then each field
    with where it was read."""
    out = [f"! {w}" for w in p["warnings"]]
    by_name = {f["name"]: f for f in p["fields"]}
    for name, label in LABELS:
        f = by_name.get(name)
        if f is None:
            continue
        shown = p["outcome"] is not None or name.startswith("patient_") or not p["patient"]["mismatch"]
        value = f["value"] if f["value"] is not None and shown else "(empty)"
        out.append(f"{label}: {value}  [page {f['page']}, {f['source']}, confidence {f['confidence']:.2f}]")
    for r in p["requested"]:
        concerns = ", ".join(r["criteria"] + r["documents"]) or "nothing known"
        out.append(f"Requested: {r['item']}  (concerns: {concerns}) [page {r['page']}, {r['source']}]")
    return "\n".join(out) + "\n"
