"""packet.pdf read back: every required field, patient and page numbers on every page, the fax cover's
page count, page 1 of a chart that is not ready, and no criterion shown as met unless it is."""

from __future__ import annotations

import re

import pytest

from tests.outputs.packet.conftest import SHARED_EXAMPLES, Built

STATUS = {
    "met": "Met",
    "not_met": "NOT MET",
    "insufficient": "Needs documentation",
    "review": "Needs prescriber review",
}


def required_fields(b: Built) -> list[tuple[str, str]]:
    """(what, text that must appear) for the bundled example, from its determination and chart."""
    d = b.det
    return [
        ("fax cover title", "FAX - Prior authorization request"),
        ("payer PA fax (practice directory)", "(800) 555-0199"),
        ("practice name", "Riverbend Thoracic Oncology"),
        ("practice fax / phone", "(217) 555-0143 / (217) 555-0142"),
        ("confidentiality notice", "CONFIDENTIALITY NOTICE"),
        ("patient", d["patient"]["name"]),
        ("DOB", d["patient"]["birth_date"]),
        ("member id", d["payer"]["member_id"]),
        ("payer", d["payer"]["name"]),
        ("prescriber", "Grace Oncall"),
        ("prescriber NPI row", "Prescriber NPI"),
        ("prescriber specialty", "Prescriber specialty Medical Oncology (Internal Medicine), NUCC 207RX0202X"),
        ("drug", "LUMAKRAS (sotorasib)"),
        ("strength", "320 mg tablet"),
        ("daily dose", "960 mg"),
        ("quantity per 30 days", "90 tablets"),
        ("days supply", "Days supply 30"),
        ("requested approval period", "Requested approval period 2026-11-20"),
        ("request type", "Request type initial"),
        ("ICD-10 primary with description", "C34.11 Malignant neoplasm of upper lobe, right bronchus or lung"),
        ("ICD-10 secondary with description", "C79.51 Secondary malignant neoplasm of bone"),
        ("KRAS test", "Oncomine Dx Target Test"),
        ("KRAS specimen", "tissue"),
        ("KRAS date", "2025-01-25"),
        ("KRAS CPT", "81445"),
        ("treatment history regimen", "carboplatin + pembrolizumab + pemetrexed"),
        ("treatment history start", "2025-02-01"),
        ("progression in history", "2025-09-15"),
        ("criteria checklist", "Criteria checklist"),
        ("evidence as a dated chart entry", "2025-01-25 Result, Genetic variant assessment: present KRAS p.Gly12Cys"),
        ("a diagnosis in words", "2025-01-10 Diagnosis: Malignant neoplasm of upper lobe, right bronchus or lung (ICD-10-CM C34.11)"),
        ("the prescriber's role in words", "Prescriber's role: Medical Oncology (Internal Medicine), NUCC 207RX0202X"),
        ("safety advisory", "Acid reducer"),
        ("first monitoring date", d["monitoring"][0]["due"]),
        ("last monitoring date", d["monitoring"][-1]["due"]),
        ("index", "Index of supporting documents"),
        ("KRAS report attached", "Attachment A: Tumor NGS panel"),
        ("report text", "KRAS p.G12C detected in FFPE tumor tissue."),
    ]


def test_every_required_field(ready: Built) -> None:
    text = ready.text()
    missing = [what for what, needle in required_fields(ready) if needle not in text]
    assert not missing, f"not in packet.pdf: {missing}"


def test_every_page_names_the_patient_and_is_numbered(ready: Built, missing: Built) -> None:
    for b in (ready, missing):
        pages = b.pages()
        name, dob = b.det["patient"]["name"], b.det["patient"]["birth_date"]
        for n, page in enumerate(pages, 1):
            assert name in page and f"DOB {dob}" in page, f"page {n} lacks the patient"
            assert f"Page {n} of {len(pages)}" in page


def test_fax_cover_counts_the_pages(ready: Built) -> None:
    pages = ready.pages()
    assert f"Pages {len(pages)} (including this cover)" in pages[0]


def test_index_page_numbers_point_at_the_attachments(ready: Built) -> None:
    pages = ready.pages()
    index = next(p for p in pages if "Index of supporting documents" in p)
    for letter, page in re.findall(r"\b([A-Z]) .*? (\d+)(?= [A-Z] |$)", index):
        assert f"Attachment {letter}:" in pages[int(page) - 1]


def test_ready_chart_has_no_not_ready_notice(ready: Built) -> None:
    assert ready.det["overall"] == "ready"
    assert "NOT READY" not in ready.pages()[0]


def test_needs_documentation_says_so_on_page_one(missing: Built) -> None:
    assert missing.det["overall"] == "needs_documentation"
    first = missing.pages()[0]
    assert "NOT READY: needs documentation" in first
    names = descriptions(missing)
    for c in missing.det["criteria"]:
        if c["required"] and c["status"] != "met":
            assert _squash(names[c["id"]]) in _squash(first) and all(a in first for a in c["actions"])
            assert c["id"] not in first  # criterion ids are internal: not on a page the payer reads


def descriptions(b: Built) -> dict[str, str]:
    """The pack's wording of each criterion, as the packet prints it."""
    from priorauth.outputs.packet.view import build_view

    return build_view(b.ev, None, None).descriptions


def _squash(text: str) -> str:
    """Text without spaces and hyphens: the PDF wraps long descriptions anywhere."""
    return re.sub(r"[\s\-]+", "", text)


def checklist_statuses(b: Built) -> dict[str, str]:
    """Each criterion's status as printed in its checklist row (rows are drawn in order)."""
    text = b.text()
    body = text[text.index("Criteria checklist") : text.index("Safety and monitoring plan")]
    ids = [c["id"] for c in b.det["criteria"]]
    assert not any(f"id: {cid}" in body for cid in ids) and "#char=" not in text
    body = _squash(body)
    names = {k: _squash(v) for k, v in descriptions(b).items()}
    out = {}
    for i, cid in enumerate(ids):
        start = body.index(names[cid])
        end = body.index(names[ids[i + 1]], start) if i + 1 < len(ids) else len(body)
        row = body[start:end]
        out[cid] = next((s for s, word in STATUS.items() if s != "met" and _squash(word) in row), "met")
        if out[cid] == "met":
            assert "Met" in row, f"{cid}: no status in its row"
    return out


def test_checklist_shows_each_status_as_determined(ready: Built, missing: Built) -> None:
    for b in (ready, missing):
        assert checklist_statuses(b) == {c["id"]: c["status"] for c in b.det["criteria"]}


@pytest.mark.parametrize("name", SHARED_EXAMPLES)
def test_no_unmet_criterion_is_shown_as_met(shared_built: dict[str, Built], name: str) -> None:
    b = shared_built[name]
    assert checklist_statuses(b) == {c["id"]: c["status"] for c in b.det["criteria"]}
    if b.det["overall"] != "ready":
        assert "NOT READY" in b.pages()[0]
        assert "NOT READY" in b.pages("letter-of-medical-necessity.pdf")[0]


def test_same_input_same_bytes(ready: Built, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from priorauth.outputs.packet import write_packet

    write_packet(ready.ev, tmp_path, None, None, timestamp="2026-11-20T09:00:00+00:00")
    again = tmp_path / "packet.pdf"
    write_packet(ready.ev, tmp_path / "b", None, None, timestamp="2026-11-20T09:00:00+00:00")
    assert again.read_bytes() == (tmp_path / "b/packet.pdf").read_bytes()


@pytest.mark.parametrize(
    ("name", "needles"),
    [
        ("e01_ready", ["Prescriber NPI 1356789012", "Medical Oncology", "U99371204", "Medicare Advantage PPO",
                       "240 mg tablet", "120 tablets", "C34.32", "81275", "therascreen"]),
        ("e03_renewal", ["renewal of prior authorization PA68569814", "Renewal: start the renewal request by"]),
        ("e02_kras_not_detected", ["NOT READY: criteria not met", "KRAS negative: No KRAS mutation detected"]),
    ],
)  # fmt: skip
def test_shared_example_fields(shared_built: dict[str, Built], name: str, needles: list[str]) -> None:
    text = shared_built[name].text()
    assert [n for n in needles if n not in text] == []


def test_evaluate_returns_the_determination_check_returns(ready: Built) -> None:
    from priorauth import check
    from tests.outputs.packet.conftest import AS_OF, EXAMPLE

    assert check(str(EXAMPLE), as_of=AS_OF) == ready.det
    assert ready.ev.pack.id == ready.det["policy"]["id"]
    assert ready.ev.chart.patient.id == ready.det["patient"]["id"]


def test_renewal_history_row_of_ongoing_therapy_has_no_end(shared_built: dict[str, Built]) -> None:
    """On a renewal the requested drug is ongoing: its End is "continuing", not the last record's date."""
    b = shared_built["e03_renewal"]
    text = b.text()
    row = text[text.index("sotorasib (requested drug)") :][:80]
    assert "continuing" in row and "2026-10-15" not in row


def test_evidence_reads_as_dated_chart_entries_with_the_reference_in_small_print(ready: Built) -> None:
    """The checklist's evidence says what each entry is, its value and its date; the chart reference stays,
    in small print after it, never as the entry's name ("Observation/x (date): ...")."""
    from pypdf import PdfReader

    text = ready.text()
    checklist = text[text.index("Criteria checklist Criterion") :]
    assert re.search(r"\b[A-Z][A-Za-z]+/[\w.-]+ \((\d{4}-\d{2}-\d{2}|undated)\):", checklist) is None
    assert "present KRAS p.Gly12Cys Observation/kras1" in checklist  # the reference follows the entry
    sizes: dict[str, float] = {}

    def visit(txt: str, cm, tm, font, size) -> None:  # type: ignore[no-untyped-def]
        if txt.strip():
            sizes.setdefault(txt.strip(), size * tm[0])

    for page in PdfReader(ready.folder / "packet.pdf").pages:
        page.extract_text(visitor_text=visit)
    assert sizes.get("Observation/kras1", 99) < 7 < sizes.get("Met", 0)
