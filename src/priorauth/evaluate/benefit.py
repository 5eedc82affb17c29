"""Which benefit covers the requested drug, and so which channel its PA goes through.

PAS is "not to be used for any Medication that is covered under a pharmacy benefit" (Da Vinci PAS 2.2.1,
use cases, out of scope 1): those go through NCPDP SCRIPT ePA. Order of evidence: the Coverage's type or
plan naming the benefit (Medicare Part D, "medical benefit"), then the pack's ``benefit`` (what the payer's
policy states), then pharmacy-benefit identifiers on the Coverage (rxbin/rxpcn/rxgroup), then the drug's
route: an oral drug is taken to be on the pharmacy benefit, and the answer says it was assumed.
"""

from __future__ import annotations

from typing import Any

from priorauth.facts.model import CoverageFact
from priorauth.policy.schema import Pack

PAS_SCOPE = "https://hl7.org/fhir/us/davinci-pas/usecases.html"
CHANNELS = {
    "pharmacy": "NCPDP SCRIPT electronic prior authorization (the payer's ePA through the practice's ePA "
    "vendor), the payer's PA portal, or fax; not Da Vinci PAS, which excludes pharmacy-benefit drugs",
    "medical": "Da Vinci PAS (FHIR Claim/$submit) where the payer takes it, else the payer's PA portal or fax",
}


def benefit(pack: Pack, coverage: CoverageFact | None) -> dict[str, Any]:
    """``{type, assumed, basis, source, channel}``; ``type`` is None when nothing settles it."""
    kind, basis, source, assumed = None, None, None, False
    if coverage is not None and coverage.benefit and coverage.benefit_explicit:
        kind, basis, source = coverage.benefit, coverage.benefit_basis, coverage.evidence.source
    elif pack.benefit is not None:
        kind = pack.benefit.type
        basis = f"policy pack {pack.id}: the payer covers {pack.drug.brand} under the {kind} benefit"
        source = pack.sources.get(pack.benefit.source, pack.benefit.source)
    elif coverage is not None and coverage.benefit:
        kind, basis, source = coverage.benefit, coverage.benefit_basis, coverage.evidence.source
    elif pack.drug.route == "oral":
        kind, assumed, source = "pharmacy", True, PAS_SCOPE
        basis = (
            f"assumed: {pack.drug.brand} is an oral drug, usually covered under the pharmacy benefit, and the "
            "chart's coverage does not say which benefit applies; confirm with the payer"
        )
    return {
        "type": kind,
        "assumed": assumed,
        "basis": basis or "the chart's coverage does not say which benefit applies; confirm with the payer",
        "source": source,
        "channel": CHANNELS.get(kind or "", "confirm the benefit with the payer before choosing a channel"),
    }
