"""The letters assert only met criteria (with their evidence); everything else is a marked blank. They
carry billing codes, the requested duration and a follow-up plan; the appeal answers the stated reason."""

from __future__ import annotations

import pytest
from docx import Document

from priorauth.outputs.packet.letters import BLANK_MARK, answered_criteria, appeal_letter, letter_of_medical_necessity
from priorauth.outputs.packet.view import build_view
from tests.outputs.packet.conftest import SHARED_EXAMPLES, Built


def check_blocks(b: Built, blocks) -> None:  # type: ignore[no-untyped-def]
    view = build_view(b.ev)
    asserted = " ".join(x.text for x in blocks if x.kind in ("item", "p"))
    blanks = [x.text for x in blocks if x.kind == "blank"]
    for c in b.det["criteria"]:
        if c["status"] == "met":
            assert c["summary"] in asserted
            for e in c["evidence"][:4]:  # the dated chart entry in words, then its reference
                entry = view.entry(e)
                assert f"{entry.line()} ({entry.ref})" in asserted
        else:
            assert c["summary"] not in asserted, f"{c['id']} ({c['status']}) is asserted"
            what = view.descriptions[c["id"]]
            assert what not in asserted
            assert any(t.startswith(BLANK_MARK) and what in t for t in blanks), f"no blank for {c['id']}"


def test_lmn_asserts_only_met_criteria(ready: Built, missing: Built) -> None:
    for b in (ready, missing):
        check_blocks(b, letter_of_medical_necessity(build_view(b.ev)))


@pytest.mark.parametrize("name", SHARED_EXAMPLES)
def test_lmn_of_shared_examples(shared_built: dict[str, Built], name: str) -> None:
    b = shared_built[name]
    check_blocks(b, letter_of_medical_necessity(build_view(b.ev)))
    text = b.text("letter-of-medical-necessity.pdf")
    for c in b.det["criteria"]:
        if c["status"] != "met":
            assert c["summary"] in text  # shown inside its blank
    assert text.count(BLANK_MARK) >= sum(c["status"] != "met" for c in b.det["criteria"])


def test_lmn_has_codes_duration_and_follow_up(ready: Built) -> None:
    text = ready.text("letter-of-medical-necessity.pdf")
    for needle in (
        "Billing codes",
        "C34.11",
        "C79.51",
        "KRAS test CPT: 81445",
        "Requested duration",
        "Follow-up plan",
        ready.det["monitoring"][0]["due"],
        "Riverbend Thoracic Oncology",
        "Grace Oncall",
        "Signature",
    ):
        assert needle in text, needle
    assert "NOT READY" not in text


def test_lmn_of_a_not_ready_chart_says_so_on_page_one(missing: Built) -> None:
    first = missing.pages("letter-of-medical-necessity.pdf")[0]
    assert "NOT READY: needs documentation" in first and "kras_g12c" in first


def test_payer_duration_is_stated(tmp_path, practice) -> None:  # type: ignore[no-untyped-def]
    from tests.outputs.packet.conftest import EXAMPLE, build

    b = build(str(EXAMPLE), tmp_path, practice, payer="bcbs-nc")
    period = b.det["prior_authorization"]["requested_period"]
    assert period["duration"]
    text = b.text("letter-of-medical-necessity.pdf")
    assert f"{period['start']} to {period['end']}" in text


def test_docx_is_editable_with_highlighted_blanks(missing: Built) -> None:
    doc = Document(str(missing.folder / "letter-of-medical-necessity.docx"))
    paragraphs = [p.text for p in doc.paragraphs]
    assert any("Letter of medical necessity" in p for p in paragraphs)
    blanks = [r for p in doc.paragraphs for r in p.runs if r.text.startswith(BLANK_MARK)]
    assert blanks and all(r.font.highlight_color is not None for r in blanks)
    assert any("kras_g12c" in p for p in paragraphs)  # the not-ready notice


@pytest.mark.parametrize(
    ("reason", "expected"),
    [
        ("KRAS G12C test result not provided", {"kras_g12c"}),
        ("No documentation of disease progression on prior therapy", {"disease_progression", "prior_systemic_therapy"}),
        ("Quantity exceeds plan limit", {"prescription"}),
        ("Not prescribed by an oncologist", {"oncologist_prescriber"}),
        ("Plan exclusion", set()),
    ],
)
def test_denial_reason_maps_to_criteria(ready: Built, reason: str, expected: set[str]) -> None:
    assert set(answered_criteria(ready.det["criteria"], reason)) == expected


def test_appeal_answers_the_reason_with_evidence(ready: Built, missing: Built) -> None:
    blocks = appeal_letter(build_view(ready.ev), "KRAS G12C test result not provided")
    text = " ".join(b.text for b in blocks)
    assert "KRAS G12C test result not provided" in text
    assert "Observation/kras1" in text
    check_blocks(missing, appeal_letter(build_view(missing.ev), "KRAS G12C test result not provided"))
    appeal = missing.text("appeal-letter.pdf")
    assert "KRAS G12C test result not provided" in appeal and BLANK_MARK in appeal
    assert (missing.folder / "appeal-letter.docx").exists()
    assert not (ready.folder / "appeal-letter.pdf").exists()  # no reason, no appeal
