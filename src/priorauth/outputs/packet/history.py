"""The treatment history table and the supporting documents the packet attaches, from the facts and the
chart's own text. Grouping and selection only: whether therapy counts for a criterion is the
determination's business, and the packet prints the determination's answer beside this table."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from priorauth.chart import dates
from priorauth.facts.model import Facts, MedUse

if TYPE_CHECKING:
    from priorauth.api import Evaluation

MAX_DOC_CHARS = 12_000  # per attached document: a fax of a 40-page note helps no reviewer
RECENT_NOTES = 3
MAX_CITED_DOCS = 6
MAX_PDF_PAGES = 10  # original pages reproduced per PDF attachment
_ONCOLOGY = re.compile(r"oncolog|cancer|carcinoma|nsclc|tumou?r|metasta|kras|chemo|sotorasib|lumakras", re.I)


@dataclass(frozen=True)
class HistoryRow:
    regimen: str
    start: str | None
    end: str | None
    stopped: str  # reason stopped, as recorded
    progression: str  # the first progression recorded on or after the start (before the next regimen)
    sources: tuple[str, ...]


@dataclass(frozen=True)
class SupportingDoc:
    title: str
    kind: str  # "KRAS report", "Oncology note", "Cited record", "Treatment history"
    source: str
    date: str | None
    text: str
    truncated: bool = False
    pdf: bytes | None = None  # the original PDF attachment, reproduced page by page (then ``text`` is not printed)
    pdf_pages: int = 0  # pages of it reproduced (at most MAX_PDF_PAGES)


def treatment_history(facts: Facts, requested: str, renewal: bool = False) -> list[HistoryRow]:
    """Anticancer drugs given, one span per drug (earliest start to latest end), drugs that start on the
    same day shown as one regimen; dated rows first, by start. On an initial request the order being
    requested is not history; on a renewal it is (the patient is on it)."""
    spans: dict[str, list[MedUse]] = {}
    for use in facts.meds:
        for d in use.anticancer:
            if use.kind == "request" and use.status in ("draft", "cancelled", "entered-in-error"):
                continue
            if d.ingredient == requested and use.kind == "request" and not renewal:
                continue  # the order being requested is not history (given doses of it are)
            spans.setdefault(d.ingredient, []).append(use)
    groups: dict[str | None, list[tuple[str, list[MedUse]]]] = {}
    for ing, uses in spans.items():
        start = min((u.start for u in uses if u.start), default=None)
        groups.setdefault(start, []).append((ing, uses))
    starts = sorted(s for s in groups if s)
    rows = []
    for start in [*starts, None] if None in groups else starts:
        members = sorted(groups[start])
        uses = [u for _, us in members for u in us]
        ends = [day for u in uses if (day := u.end or u.start)]
        nxt = next((s for s in starts if start and s > start), None)
        rows.append(
            HistoryRow(
                regimen=" + ".join(ing for ing, _ in members)
                + (" (requested drug)" if requested in dict(members) else ""),
                start=start,
                # ongoing therapy has no end: the last dated record is not when it stopped
                end=None if any(u.active for u in uses) else (max(ends) if ends else None),
                stopped=_stopped(uses),
                progression=_progression(facts, start, nxt),
                sources=tuple(dict.fromkeys(u.evidence.source for u in uses)),
            )
        )
    return rows


def _stopped(uses: list[MedUse]) -> str:
    if any(u.active for u in uses):
        return "ongoing"
    for u in sorted(uses, key=lambda u: u.end or u.start or "", reverse=True):
        if u.status in ("stopped", "on-hold", "cancelled") and u.remarks:
            return u.remarks[:160]
        if u.status in ("stopped", "on-hold"):
            return f"{u.status} (no reason recorded)"
    return "completed" if any(u.status == "completed" for u in uses) else "not recorded"


def _progression(facts: Facts, start: str | None, until: str | None) -> str:
    if not start:
        return ""
    for s in facts.statuses:
        day = s.evidence.date
        # a partial date counts only when every day it may mean falls on this line of therapy
        if s.status == "worsened" and dates.on_or_after(day, start) and (until is None or dates.before(day, until)):
            return f"{day}: {s.evidence.text[:120]}"
    return "none recorded"


def supporting_documents(ev: Evaluation) -> list[SupportingDoc]:
    """The KRAS report(s), the most recent oncology notes, every other text the criteria cite (capped),
    then the treatment-history records, each rendered from the chart's own text."""
    from priorauth.text.sources import documents, pdf_attachments

    texts = {d.source: d for d in documents(ev.chart, [], ev.ocr)}
    kras_sources = {k.evidence.source.split("#")[0] for k in ev.facts.kras}
    out: list[SupportingDoc] = []
    taken: set[str] = set()

    def take(source: str, kind: str) -> None:
        d = texts.get(source)
        if d is None or source in taken:
            return
        taken.add(source)
        body = d.text[:MAX_DOC_CHARS]
        res = ev.chart.resolve(source)
        pdf, pages = _first_pdf(pdf_attachments(ev.chart, res) if res is not None else [])
        out.append(SupportingDoc(d.title, kind, source, d.date, body, len(d.text) > MAX_DOC_CHARS, pdf, pages))

    for k in sorted(ev.facts.kras, key=lambda k: k.evidence.date or "", reverse=True):
        take(k.evidence.source.split("#")[0], "KRAS report")
    if not any(d.kind == "KRAS report" for d in out):
        out += [_coded_kras(ev, s) for s in sorted(kras_sources) if s not in texts][:2]
    notes = sorted(
        (d for d in texts.values() if d.kind == "DocumentReference"), key=lambda d: d.date or "", reverse=True
    )
    onc = [d for d in notes if _ONCOLOGY.search(d.text[:4000])] or notes
    for d in onc[:RECENT_NOTES]:
        take(d.source, "Oncology note")
    cited = [e["source"].split("#")[0] for c in ev.determination["criteria"] for e in c["evidence"]]
    for source in [s for s in dict.fromkeys(cited) if s in texts and s not in taken][:MAX_CITED_DOCS]:
        take(source, "Cited record")
    out.append(_history_doc(ev))
    return out


def _first_pdf(pdfs: list[bytes]) -> tuple[bytes | None, int]:
    """The first attachment that opens as a PDF with pages, and how many of them to reproduce."""
    from pypdf import PdfReader

    for raw in pdfs:
        try:
            n = len(PdfReader(io.BytesIO(raw)).pages)
        except Exception:  # noqa: S112 - a broken PDF is shown as its extracted text instead
            continue
        if n:
            return raw, min(n, MAX_PDF_PAGES)
    return None, 0


def _coded_kras(ev: Evaluation, source: str) -> SupportingDoc:
    found = [k for k in ev.facts.kras if k.evidence.source.split("#")[0] == source]
    k = found[0]
    lines = [
        f"Coded result {source} (the chart holds no report text for it).",
        f"Result: {k.evidence.text}",
        f"Test: {k.test or 'not named'}",
        f"Specimen: {k.specimen}",
        f"Date: {k.evidence.date or 'undated'}",
    ]
    return SupportingDoc("KRAS result (coded)", "KRAS report", source, k.evidence.date, "\n".join(lines))


def _history_doc(ev: Evaluation) -> SupportingDoc:
    lines = []
    for u in ev.facts.meds:
        if u.anticancer:
            e = u.evidence
            lines.append(f"{e.date or 'undated'}  {e.source.split('#', 1)[0]}  {e.text}")
    body = "\n".join(lines) or "The chart records no systemic anticancer therapy."
    return SupportingDoc(
        "Treatment history (medication records)",
        "Treatment history",
        "medication records",
        None,
        body[:MAX_DOC_CHARS],
        len(body) > MAX_DOC_CHARS,
    )
