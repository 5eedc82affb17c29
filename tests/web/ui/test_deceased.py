"""A patient recorded as deceased, in the workspace and through the case service: a banner first on
every page of the patient, no monitoring schedule, never marked ready nor submitted (the API refuses
it too), the worklist says so. The determination itself stays as the contract says."""

from __future__ import annotations

import json
import re
from typing import Any

from tests.web.conftest import NSCLC, Practice, open_case
from tests.web.ui.conftest import Browser

BANNER = "The patient is recorded as deceased on 2026-11-01: do not submit; check the chart."


def deceased_chart() -> bytes:
    chart = json.loads(NSCLC)
    for e in chart["entry"]:
        if e["resource"]["resourceType"] == "Patient":
            e["resource"]["deceasedDateTime"] = "2026-11-01"
    return json.dumps(chart).encode()


def _main(html: str) -> str:
    return html.split('<main id="main" tabindex="-1">', 1)[1]


def _text(fragment: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", fragment).split())


def test_the_banner_is_first_on_every_page_of_the_patient(coordinator: Browser) -> None:
    case_id = coordinator.upload(deceased_chart())
    page = coordinator.get(f"/cases/{case_id}").text
    assert _main(page).lstrip().startswith('<div class="banner deceased" role="alert"')
    assert BANNER in _text(page)
    assert "Liver-test monitoring" not in page
    assert "Mark ready to submit</button> <span" in page and "Not yet: the patient is recorded as deceased" in page
    patient = re.search(r'href="/patients/([^"]+)"', page).group(1)
    panel = coordinator.get(f"/patients/{patient}").text
    assert _main(panel).lstrip().startswith('<div class="banner deceased"') and "Next:" not in panel
    source = re.search(r'/evidence\?source=([^&"]+)&amp;det=([^"&]+)', page)
    ev = coordinator.get(f"/cases/{case_id}/evidence?source={source.group(1)}&det={source.group(2)}").text
    assert _main(ev).lstrip().startswith('<div class="banner deceased"')
    assert "deceased: do not submit" in coordinator.get("/worklist").text


def test_a_living_patient_has_no_banner(coordinator: Browser) -> None:
    case_id = coordinator.upload()
    assert "banner deceased" not in coordinator.get(f"/cases/{case_id}").text
    assert "deceased: do not submit" not in coordinator.get("/worklist").text


def test_the_api_refuses_to_mark_ready_or_submit(practice: Practice) -> None:
    c = practice.coordinator
    case = open_case(c, deceased_chart())
    assert case["determination"]["overall"] == "ready"  # the contract is unchanged: the views and workflow act
    url = f"/api/v1/cases/{case['id']}"
    r = c.patch(url, json={"version": case["version"], "status": "ready"})
    assert r.status_code == 409 and "recorded as deceased" in r.json()["error"]["message"]
    r = c.post(f"{url}/submissions", json={"method": "fax"})
    assert r.status_code == 409 and "recorded as deceased" in r.json()["error"]["message"]


def _packet(browser: Browser, case_id: str) -> Any:
    import io
    import zipfile

    r = browser.get(f"/cases/{case_id}/packet")
    assert r.status_code == 200
    return zipfile.ZipFile(io.BytesIO(r.content))


def test_the_packet_has_no_letter_and_page_one_says_do_not_submit(coordinator: Browser) -> None:
    import io

    from pypdf import PdfReader

    z = _packet(coordinator, coordinator.upload(deceased_chart()))
    assert not [n for n in z.namelist() if "letter" in n]
    first = PdfReader(io.BytesIO(z.read("packet.pdf"))).pages[0].extract_text()
    assert "DO NOT SUBMIT - the patient is recorded as deceased on 2026-11-01" in " ".join(first.split())
