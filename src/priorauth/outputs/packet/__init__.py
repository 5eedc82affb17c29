"""The PA packet: what gets sent, built from one evaluation (``priorauth.api.evaluate``).

``write_packet`` writes ``packet.pdf``, the letter of medical necessity (PDF and .docx),
``questionnaire.json``, ``questionnaire-response.json``, ``determination.json``, ``pas-bundle.json`` when the
drug is on the medical benefit (Da Vinci PAS excludes pharmacy-benefit drugs) and, given a denial reason, the appeal letter (PDF and .docx). A patient recorded as deceased gets no letter, and page 1 says
"do not submit". See ``docs/packet.md``.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import orjson

from priorauth.api import Evaluation
from priorauth.chart.load import Resource
from priorauth.errors import Code, fail
from priorauth.outputs.json_out import render as render_json
from priorauth.outputs.packet.letter_render import letter_docx, letter_pdf
from priorauth.outputs.packet.letters import appeal_letter, letter_of_medical_necessity
from priorauth.outputs.packet.packet_pdf import render_packet
from priorauth.outputs.packet.pas import pas_bundle
from priorauth.outputs.packet.practice import Practice
from priorauth.outputs.packet.questionnaire import questionnaire, questionnaire_response
from priorauth.outputs.packet.view import build_view

__all__ = ["write_packet"]

OPTIONAL_FILES = {
    "appeal-letter.pdf",
    "appeal-letter.docx",
    "pas-bundle.json",
    "letter-of-medical-necessity.pdf",
    "letter-of-medical-necessity.docx",
}


def write_packet(
    ev: Evaluation,
    out_dir: str | os.PathLike[str],
    practice: Practice | None = None,
    denial_reason: str | None = None,
    timestamp: str | None = None,
) -> list[Path]:
    """Write every packet file into ``out_dir`` (created if needed); return their paths in order."""
    view = build_view(ev, practice, denial_reason)
    brand = ev.pack.drug.brand
    files: dict[str, bytes] = {"packet.pdf": render_packet(view)}
    header = f"{view.patient_line}  -  {brand}"
    if view.deceased is None:  # no letter is written for a patient recorded as deceased
        lmn = letter_of_medical_necessity(view)
        files["letter-of-medical-necessity.pdf"] = letter_pdf(lmn, header, f"{brand} letter of medical necessity")
        files["letter-of-medical-necessity.docx"] = letter_docx(lmn, header)
    base = practice.fhir_base if practice else None
    patient_ref = _ref(ev.chart.patient)
    context = [
        _ref(r)
        for r in (
            ev.chart.resolve(src) if src else None
            for src in ((ev.determination.get("payer") or {}).get("source"), view.medication.source)
        )
        if r is not None
    ]
    qr = questionnaire_response(view, ev.pack, patient_ref or "Patient", context, base)
    q = questionnaire(ev.pack, base)
    files["questionnaire.json"] = _json(q)
    files["questionnaire-response.json"] = _json(qr)
    stamp = timestamp or datetime.now(UTC).replace(microsecond=0).isoformat()
    if (ev.determination.get("benefit") or {}).get("type") == "medical":
        # Da Vinci PAS covers medical-benefit requests only (PAS 2.2.1 use cases, out of scope 1)
        files["pas-bundle.json"] = _json(pas_bundle(ev, view, q, qr, stamp))
    files["determination.json"] = render_json(ev.determination).encode()
    if denial_reason and denial_reason.strip() and view.deceased is None:
        appeal = appeal_letter(view, denial_reason)
        files["appeal-letter.pdf"] = letter_pdf(appeal, header, f"{brand} appeal letter")
        files["appeal-letter.docx"] = letter_docx(appeal, header)
    return _write(Path(out_dir), files)


def _ref(r: Resource) -> str:
    """How the packet's FHIR refers to a chart resource: ``Type/id``, else its fullUrl."""
    return f"{r.type}/{r.id}" if r.id else (r.full_url or r.ref)


def _json(doc: object) -> bytes:
    return orjson.dumps(doc, option=orjson.OPT_INDENT_2) + b"\n"


def _write(folder: Path, files: dict[str, bytes]) -> list[Path]:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for name, data in files.items():
            path = folder / name
            path.write_bytes(data)
            paths.append(path)
        for name in OPTIONAL_FILES - set(files):
            (folder / name).unlink(missing_ok=True)  # a previous run's appeal would contradict this packet
    except OSError as exc:
        raise fail(
            Code.UNWRITABLE, f"cannot write the packet to {str(folder)!r} ({exc.strerror or type(exc).__name__})"
        ) from None
    return paths
