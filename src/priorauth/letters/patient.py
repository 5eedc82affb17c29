"""The letter's patient against the case's: name (its words, in any order, initials ignored), date of
birth and member id (letters and digits only). A field the letter does not give is not a mismatch; one
it gives differently is, and then nothing is proposed."""

from __future__ import annotations

import re
from datetime import date
from typing import Any


def _words(name: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", name.casefold()) if len(w) > 1}


def _alnum(value: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", value.upper())


def mismatches(read: dict[str, Any], case: dict[str, Any] | None) -> list[str]:
    """The fields where the letter's patient differs from the case's (in words, no values: PHI)."""
    if not case:
        return []
    out = []
    name, want = read.get("name"), case.get("name")
    if name and want:
        a, b = _words(str(name)), _words(str(want))
        if a and b and not (a <= b or b <= a):
            out.append("name")
    dob, want_dob = read.get("birth_date"), case.get("birth_date")
    if dob and want_dob and str(dob) != (want_dob.isoformat() if isinstance(want_dob, date) else str(want_dob)):
        out.append("date of birth")
    mid, want_mid = read.get("member_id"), case.get("member_id")
    if mid and want_mid and _alnum(str(mid)) != _alnum(str(want_mid)):
        out.append("member id")
    return out
