"""Facts supplied by the caller beside the chart: attestations (a person answers what the chart cannot)
and prior-authorization approvals recorded outside the chart (e.g. by the service).

Each becomes an ordinary fact whose evidence source is ``Attestation/<id>`` or ``Decision/<id>``, so
criteria read them exactly like chart facts and the determination cites them. What each attestation
kind feeds:

- ``monotherapy``: the prescriber confirms single-agent use -> ``single_agent`` cites it (and with another
  anticancer drug still recorded as active, the criterion asks for review instead of not_met).
- ``progression``: disease progression on a prior therapy, on ``date`` -> a "worsened" disease status
  (``disease_progression``; on a renewal, ``no_progression_on_therapy`` sees it too).
- ``medical_reason``: the medical-necessity reason -> ``Facts.rationale`` (the packet's narrative).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from priorauth.errors import Code, fail
from priorauth.facts.model import Approval, DiseaseStatus, Evidence, Facts

ATTESTATION_KINDS = ("monotherapy", "progression", "medical_reason")


def _day(value: Any, what: str) -> str | None:
    if value is None or value == "":
        return None
    text = value.isoformat() if isinstance(value, date) else str(value)
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        raise fail(Code.BAD_ARGUMENT, f"{what} {text!r} is not a date (use YYYY-MM-DD)") from None


def _text(item: Mapping[str, Any], what: str) -> str:
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise fail(Code.BAD_ARGUMENT, f"{what} needs a text")
    return " ".join(text.split())


def apply_attestations(facts: Facts, attestations: Iterable[Mapping[str, Any]], as_of: str) -> None:
    """Add each attestation (``id``, ``kind``, ``text``, ``date``, optional ``by``) dated on or before
    ``as_of`` to ``facts``. An attestation dated after as-of did not exist yet and is skipped."""
    for item in attestations:
        kind = item.get("kind")
        if kind not in ATTESTATION_KINDS:
            raise fail(Code.BAD_ARGUMENT, f"attestation kind {kind!r} is not one of {', '.join(ATTESTATION_KINDS)}")
        day = _day(item.get("date"), "attestation date")
        if day is not None and day > as_of:
            continue
        by = f" ({item['by']})" if item.get("by") else ""
        ev = Evidence(f"Attestation/{item.get('id')}", day, f"Attested{by}: {_text(item, 'an attestation')}")
        if kind == "monotherapy":
            facts.monotherapy.append(ev)
        elif kind == "progression":
            facts.statuses.append(DiseaseStatus(ev, "worsened"))
            facts.statuses.sort(key=lambda s: (s.evidence.date or "", s.evidence.source))
        else:
            facts.rationale.append(ev)


def apply_approvals(facts: Facts, approvals: Iterable[Mapping[str, Any]]) -> None:
    """Add approvals (``id``, ``auth_number``, ``start``, ``end``, ``payer_name``, ``drug``, ``date``)
    to the chart's own; they count for ``request_type: renewal`` like an approved ClaimResponse."""
    for item in approvals:
        number = item.get("auth_number")
        if not isinstance(number, str) or not number.strip():
            raise fail(Code.BAD_ARGUMENT, "an approval needs an authorization number")
        start, end = _day(item.get("start"), "approval start"), _day(item.get("end"), "approval end")
        drug = item.get("drug") or "sotorasib"
        ev = Evidence(
            f"Decision/{item.get('id')}",
            _day(item.get("date"), "approval date") or start,
            f"Prior authorization {number} approved ({start or '?'} to {end or '?'})",
        )
        facts.approvals.append(
            Approval(ev, number.strip(), start, end, frozenset(), item.get("payer_name"), frozenset({drug}))
        )
    facts.approvals.sort(key=lambda a: (a.evidence.date or "", a.evidence.source))
