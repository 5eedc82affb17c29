"""Long evidence lists made readable: the decisive items first, the rest grouped ("and 88 more
MedicationRequest: cisplatin, 2008-2012"). A view of the determination; the contract keeps every item."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

KEEP = 5  # items shown one by one before the rest is grouped


@dataclass(frozen=True)
class Group:
    kind: str  # the resource type cited
    text: str  # what the items say (their shared text)
    count: int
    first: str | None  # earliest and latest dates of the group (None when undated)
    last: str | None
    sources: tuple[str, ...]

    def line(self) -> str:
        span = (
            ""
            if not self.first
            else f", {self.first[:4]}"
            if self.first[:4] == (self.last or "")[:4]
            else f", {self.first[:4]}-{(self.last or '')[:4]}"
        )
        what = f"{self.kind}: {self.text}" if self.text else self.kind
        return f"and {self.count} more {what}{span}"


def capped(evidence: list[dict[str, Any]], keep: int = KEEP) -> tuple[list[dict[str, Any]], list[Group]]:
    """The first ``keep`` items as they are (the evaluator lists the decisive ones first), and the rest
    grouped by resource type and text, largest group first."""
    shown, rest = evidence[:keep], evidence[keep:]
    buckets: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for e in rest:
        kind = e["source"].split("/", 1)[0].split("#", 1)[0]
        buckets.setdefault((kind, _said(e.get("text")).lower()), []).append(e)
    groups = []
    for (kind, _), items in buckets.items():
        text = _said(items[0].get("text"))
        dates = sorted(d for d in (i.get("date") for i in items) if d)
        groups.append(
            Group(
                kind,
                text,
                len(items),
                dates[0] if dates else None,
                dates[-1] if dates else None,
                tuple(i["source"] for i in items),
            )
        )
    groups.sort(key=lambda g: (-g.count, g.kind, g.text))
    return shown, groups


def _said(text: str | None) -> str:
    """What an item says, for grouping: one line, without trailing list punctuation."""
    return " ".join((text or "").split()).rstrip(" -;,.")
