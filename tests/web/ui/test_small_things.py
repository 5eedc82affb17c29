"""Small things a newcomer trips on: the upload form offers each drug's own packs, a favicon."""

from __future__ import annotations

import re
from typing import Any

from tests.web.conftest import NSCLC
from tests.web.ui.conftest import Browser, alerts


def test_the_upload_form_groups_the_packs_by_drug(coordinator: Browser) -> None:
    page = coordinator.get("/upload").text
    groups = re.findall(r'<optgroup label="(\w+)" data-drug="\w+"[^>]*>(.*?)</optgroup>', page, re.S)
    assert [g for g, _ in groups] == ["sotorasib", "adagrasib"]
    for _, options in groups:
        values = re.findall(r'<option value="([^"]+)"', options)
        assert len(values) == len(set(values)) and "default" in values  # one "default" per drug
    sotorasib, adagrasib = (dict(groups)[d] for d in ("sotorasib", "adagrasib"))
    assert "bcbs-nc" in sotorasib and "bcbs-nc" not in adagrasib
    assert re.search(r'<optgroup label="adagrasib" data-drug="adagrasib" disabled hidden', page)


def test_a_pack_of_another_drug_is_refused_in_words(coordinator: Browser) -> None:
    r = coordinator.post(
        "/upload", {"drug": "adagrasib", "payer": "bcbs-nc"}, files={"chart": ("c.json", NSCLC, "application/json")}
    )
    assert r.status_code >= 400 and "bcbs-nc" in alerts(r.text)[0]


def test_favicon(coordinator: Browser) -> None:
    assert 'rel="icon" href="/static/favicon.svg"' in coordinator.get("/worklist").text
    r = coordinator.get("/favicon.ico", follow_redirects=False)
    assert r.status_code == 301 and r.headers["location"] == "/static/favicon.svg"
    icon = coordinator.get("/static/favicon.svg")
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")


def test_the_worklist_pages_keep_the_filters(coordinator: Browser, monkeypatch: Any) -> None:
    from priorauth.web.ui import pages

    monkeypatch.setattr(pages, "PAGE_SIZE", 2)
    for _ in range(3):
        coordinator.upload()
    first = coordinator.get("/worklist?sort=patient").text
    assert "Cases 1–2 of 3" in first and "Page 1 of 2" in first and len(re.findall(r'<tr[ >]', first)) == 1 + 2
    link = re.search(r'href="([^"]+)" rel="next"', first).group(1).replace("&amp;", "&")
    assert "sort=patient" in link and link.endswith("p=2")
    second = coordinator.get(link).text
    assert "Cases 3–3 of 3" in second and 'rel="prev"' in second and 'rel="next"' not in second
    assert "Page 2 of 2" in coordinator.get("/worklist?p=99").text  # past the end: the last page
