"""Evidence opened in context: the span of the extracted text, or the coded resource."""

from __future__ import annotations

import json

import pytest

from priorauth.api import load
from priorauth.chart.chart import select_patient
from priorauth.errors import PriorauthError
from priorauth.web.ui import evidence
from tests.web.conftest import NSCLC


@pytest.fixture(scope="module")
def chart():  # type: ignore[no-untyped-def]
    return select_patient(load(json.loads(NSCLC)), None)


@pytest.mark.parametrize(
    ("source", "parsed"),
    [
        ("DocumentReference/n1#char=5,10", ("DocumentReference/n1", (5, 10))),
        ("Observation/kras1", ("Observation/kras1", None)),
        ("urn:uuid:1234", ("urn:uuid:1234", None)),
    ],
)
def test_parse(source: str, parsed: tuple) -> None:
    assert evidence.parse(source) == parsed


@pytest.mark.parametrize("source", ["", "X/1#char=9,2", "X/1#char=a,b", "X/1#line=1,2"])
def test_parse_refuses(source: str) -> None:
    with pytest.raises(PriorauthError) as exc:
        evidence.parse(source)
    assert exc.value.code == "invalid_request"


def test_span_in_the_report_text(chart) -> None:  # type: ignore[no-untyped-def]
    opened = evidence.open_in(chart, "DiagnosticReport/ngsrep1#char=5,11")
    assert opened.span == "p.G12C" and opened.before == "KRAS "
    assert opened.before + opened.span + opened.after == evidence.open_in(chart, "DiagnosticReport/ngsrep1").before
    assert opened.title.startswith("Tumor NGS panel") and opened.date == "2025-01-25"


def test_coded_evidence_shows_the_resource(chart) -> None:  # type: ignore[no-untyped-def]
    opened = evidence.open_in(chart, "Observation/kras1")
    assert not opened.is_text and json.loads(opened.resource_json)["id"] == "kras1"


@pytest.mark.parametrize(
    ("source", "code"),
    [("Observation/nope", "not_found"), ("DiagnosticReport/ngsrep1#char=0,100000", "not_found")],
)
def test_missing(chart, source: str, code: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PriorauthError) as exc:
        evidence.open_in(chart, source)
    assert exc.value.code == code


def test_long_attachments_are_shortened() -> None:
    data = {"content": [{"attachment": {"data": "A" * 5000}}]}
    assert "(5000 characters)" in evidence._pretty(data)


def test_coded_evidence_opens_in_people_words_with_the_resource_one_click_away(coordinator) -> None:
    import html
    import re as _re

    case_id = coordinator.upload()
    page = coordinator.get(f"/cases/{case_id}").text
    det = _re.search(r"det=([0-9a-f]+)", page).group(1)
    r = coordinator.get(f"/cases/{case_id}/evidence?source=Observation/kras1&det={det}")
    text = html.unescape(r.text)
    assert r.status_code == 200 and '<dl class="coded">' in text
    assert "<summary>The resource as received (FHIR JSON)</summary>" in text and '"resourceType": "Observation"' in text
