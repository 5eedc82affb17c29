"""Chart -> facts with provenance. ``extract`` is the one entry point."""

from __future__ import annotations

from priorauth.chart import dates
from priorauth.chart.chart import Chart
from priorauth.facts import admin, diagnoses, genomics, medications, observations, procedures
from priorauth.facts.model import Evidence, Facts


def by_date(items):  # type: ignore[no-untyped-def]
    return sorted(items, key=lambda f: (f.evidence.date or "", f.evidence.source))


def _by_date(items: list[Evidence]) -> list[Evidence]:
    return sorted(items, key=lambda e: (e.date or "", e.source))


def extract(chart: Chart, ocr: bool = True) -> Facts:
    """Coded facts, then the facts stated in the chart's text (notes, reports; scanned pages by OCR
    unless ``ocr`` is False), merged by kind. A date that cannot be read is left out of the facts and
    named in the chart's warnings."""
    for r in chart.resources:
        for where, value in dates.unreadable(r.data):
            chart.warnings.append(f"{r.ref}: {where} {value[:40]!r} is not a date, ignored")
    facts = _coded(chart)
    from priorauth import text
    from priorauth.text.sources import documents

    docs = documents(chart, chart.warnings, ocr)
    found = text.read_documents(docs)
    texts = {d.source: d.text for d in docs}
    if found is not None:
        for kind in ("kras", "diagnoses", "meds", "statuses"):
            setattr(facts, kind, by_date([*getattr(facts, kind), *getattr(found, kind)]))
        for kind in ("naive", "monotherapy", "spread_hints", "rationale"):
            setattr(facts, kind, _by_date(getattr(found, kind)))
    facts.kras = [genomics.with_lab(r, chart, texts) for r in facts.kras]
    facts.unreliable_pages = tuple(text.unreliable_pages(docs))
    return facts


def _coded(chart: Chart) -> Facts:
    return Facts(
        patient=admin.patient(chart),
        diagnoses=by_date(diagnoses.diagnoses(chart)),
        kras=by_date(genomics.kras_results(chart)),
        meds=by_date([*medications.med_uses(chart), *procedures.therapy_uses(chart)]),
        drug_orders=by_date(medications.drug_orders(chart)),
        labs=by_date(observations.lab_results(chart)),
        statuses=by_date(observations.disease_statuses(chart)),
        specialties=list(admin.specialties(chart)),
        coverages=list(admin.coverages(chart)),
        approvals=by_date(admin.approvals(chart)),
        cpt=sorted(admin.molecular_cpt(chart), key=lambda c: (c[1].date or "", c[0])),
        notes=sorted(admin.clinical_notes(chart), key=lambda e: (e.date or "", e.source)),
        reports=sorted(admin.documents(chart, "DiagnosticReport"), key=lambda e: (e.date or "", e.source)),
        claims=sorted(admin.therapy_claims(chart), key=lambda e: (e.date or "", e.source)),
    )
