"""A patient recorded as deceased, as every view says it: the text report's first line, the workspace's
banner, packet page 1 ("do not submit", no letter), the screening summary (counted apart). The
determination is unchanged (it carries the ``patient_deceased`` advisory); only the views read it here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ADVISORY = "patient_deceased"


@dataclass(frozen=True)
class Deceased:
    on: str | None  # the recorded date of death (None when the chart says deceased without a date)

    def words(self) -> str:
        when = f" on {self.on}" if self.on else ""
        return f"the patient is recorded as deceased{when}: do not submit; check the chart"


def deceased(doc: dict[str, Any] | None) -> Deceased | None:
    """The patient of this determination is recorded as deceased (by its as-of date), else None."""
    if not doc:
        return None
    died = next((a for a in doc.get("advisories") or [] if a.get("id") == ADVISORY), None)
    if died is None:
        return None
    return Deceased(next((e.get("date") for e in died.get("evidence", []) if e.get("date")), None))
