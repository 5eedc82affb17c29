"""Long evidence lists on the case page: the first items one by one, the rest grouped ("and 24 more
MedicationRequest: Cisplatin 50 MG Injection (request, stopped), 2025-2026"), each group expandable to its items (the
same grouping as the text report: priorauth.outputs.evidence)."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

from tests.web.conftest import NSCLC
from tests.web.ui.conftest import Browser

MORE = 24


def many_cycles() -> bytes:
    """The ready example with 24 more cisplatin orders, stopped, 2025-2026 (as Synthea writes them)."""
    chart = json.loads(NSCLC)
    for i in range(MORE):
        chart["entry"].append(
            {
                "resource": {
                    "resourceType": "MedicationRequest",
                    "id": f"cis{i}",
                    "status": "stopped",
                    "intent": "order",
                    "subject": {"reference": "Patient/p1"},
                    "medicationCodeableConcept": {"text": "Cisplatin 50 MG Injection"},
                    "authoredOn": (date(2025, 3, 1) + timedelta(days=21 * i)).isoformat(),
                }
            }
        )
    return json.dumps(chart).encode()


def test_a_long_list_is_capped_with_the_rest_grouped_and_expandable(coordinator: Browser) -> None:
    page = coordinator.get(f"/cases/{coordinator.upload(many_cycles())}").text
    crit = page.split('id="crit-prior_systemic_therapy"', 1)[1].split("</li>\n  {% endfor", 1)[0]
    crit = crit.split('<li class="criterion', 1)[0]
    first = crit.split('<li class="group">', 1)[0]
    assert first.count("hx-get=") == 5  # the decisive items, one by one
    summaries = re.findall(r"<summary>(.*?)</summary>", crit)
    assert any(re.fullmatch(r"and \d+ more MedicationRequest: Cisplatin 50 MG Injection \(request, stopped\), 2025-2026", s) for s in summaries)
    grouped = sum(int(re.match(r"and (\d+) more", s).group(1)) for s in summaries)
    assert crit.count("hx-get=") == 5 + grouped  # every item is still there, inside its group
    assert "<details>" in crit


def test_a_short_list_is_shown_whole(coordinator: Browser) -> None:
    page = coordinator.get(f"/cases/{coordinator.upload()}").text
    assert '<li class="group">' not in page
