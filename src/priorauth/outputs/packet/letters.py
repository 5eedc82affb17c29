"""The letter of medical necessity and the appeal letter, as format-neutral blocks (rendered to PDF and
.docx by ``letter_render``).

Only ``met`` criteria are asserted, each with the chart entry behind it. Every other criterion becomes a
marked blank (``BLANK_MARK``) for the prescriber: the letter never claims more than the chart shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from priorauth.outputs.packet.view import OVERALL_WORDS, STATUS_WORDS, PacketView, fmt_mg, human

BLANK_MARK = "[PRESCRIBER TO COMPLETE"
Kind = Literal["title", "line", "h", "p", "item", "blank", "alert", "space"]

# Words of a denial reason -> the criteria that answer it (presentation only; statuses come from the determination).
APPEAL_TOPICS: dict[str, tuple[str, ...]] = {
    "adult": ("age", "adult", "pediatric", "minor"),
    "nsclc_diagnosis": ("diagnos", "histolog", "nsclc", "non-small", "lung cancer", "icd"),
    "mcrc_diagnosis": ("diagnos", "colorectal", "colon", "rectal", "crc", "icd"),
    "advanced_disease": ("stage", "advanced", "metasta", "locally"),
    "kras_g12c": ("kras", "g12c", "biomarker", "mutation", "genetic", "molecular", "test"),
    "prior_systemic_therapy": ("prior", "previous", "systemic", "chemo", "therapy", "line", "treatment"),
    "prior_crc_chemotherapy": ("prior", "chemo", "fluoropyrimidine", "oxaliplatin", "irinotecan", "line"),
    "with_panitumumab": ("panitumumab", "combination", "vectibix"),
    "single_agent": ("single", "monotherapy", "combination", "concurrent", "alongside"),
    "prescription": ("dose", "dosing", "quantity", "limit", "tablet", "strength", "prescription"),
    "disease_progression": ("progress",),
    "oncologist_prescriber": ("oncolog", "specialist", "prescriber", "prescribed by"),
    "no_prior_kras_g12c_inhibitor": ("adagrasib", "krazati", "inhibitor", "prior kras"),
    "no_progression_on_therapy": ("progress", "response", "benefit", "effective"),
    "tolerating_therapy": ("toler", "toxicit", "adverse", "side effect"),
}

WHY_BLANK = {
    "not_met": "The chart documents otherwise",
    "insufficient": "The chart does not document this",
    "review": "The chart is ambiguous and needs your decision",
}


@dataclass(frozen=True)
class Block:
    kind: Kind
    text: str


def letter_of_medical_necessity(v: PacketView) -> list[Block]:
    m = v.medication
    dose = (
        f"{fmt_mg(m.daily_dose_mg)} daily"
        if m.daily_dose_mg
        else _blank("daily dose (the order's dose cannot be read)")
    )
    qty = f", {m.quantity_30_days} tablets per 30 days" if m.quantity_30_days else ""
    strength = f" {fmt_mg(m.strength_mg)} tablets" if m.strength_mg else ""
    out = _head(v, "Letter of medical necessity")
    out += [
        Block("p", "Dear Medical Director,"),
        Block(
            "p",
            f"I am writing to request {v.det['request_type']} prior authorization of {m.brand} ({m.ingredient}){strength}, "
            f"{dose}{qty}, for my patient {_name(v)}, for the treatment of {_diagnosis(v)}. "
            "Each statement below is documented in the enclosed records; the chart entry and its date follow each one.",
        ),
        Block("h", "Clinical basis"),
    ]
    for c in v.det["criteria"]:
        out.append(_criterion(v, c))
    return out + _tail(v)


def appeal_letter(v: PacketView, reason: str, argument: str = "") -> list[Block]:
    """The appeal of a denial: the payer's stated reason, the practice's own argument (as written), then
    the criteria the reason names answered from the chart."""
    out = _head(v, "Appeal of a prior authorization denial")
    out += [
        Block("p", "Dear Appeals Reviewer,"),
        Block(
            "p",
            f"I am appealing the denial of prior authorization of {v.medication.brand} ({v.medication.ingredient}) "
            f"for my patient {_name(v)}. The denial states: \u201c{reason.strip()}\u201d. "
            "The enclosed records answer it as follows.",
        ),
    ]
    if argument.strip():
        out.append(Block("h", "Why the denial should be reversed"))
        out += [Block("p", part.strip()) for part in argument.strip().split("\n\n") if part.strip()]
    out.append(Block("h", "The stated reason, answered from the chart"))
    topics = answered_criteria(v.det["criteria"], reason)
    if not topics:
        out.append(
            Block("p", "The stated reason names no specific criterion; every criterion of the policy is addressed.")
        )
        topics = [c["id"] for c in v.det["criteria"]]
    for c in v.det["criteria"]:
        if c["id"] in topics:
            out.append(_criterion(v, c))
    rest = [c for c in v.det["criteria"] if c["id"] not in topics and c["status"] == "met"]
    if rest:
        out.append(Block("h", "The other criteria the chart documents"))
        out += [_criterion(v, c) for c in rest]
    return out + _tail(v)


def answered_criteria(criteria: list[dict[str, Any]], reason: str) -> list[str]:
    """The criteria whose topic words appear in the denial reason, in the determination's order."""
    words = reason.lower()
    return [c["id"] for c in criteria if any(w in words for w in APPEAL_TOPICS.get(c["id"], ()))]


def _head(v: PacketView, title: str) -> list[Block]:
    pr, pay = v.practice, v.det.get("payer") or {}
    out = [Block("title", pr.name if pr else _blank("practice name and letterhead (pass --practice)"))]
    if pr:
        out += [Block("line", line) for line in pr.address]
        out.append(Block("line", f"Phone {pr.phone}  -  Fax {pr.fax}  -  NPI {pr.npi}  -  Tax ID {pr.tax_id}"))
    out += [
        Block("space", ""),
        Block("line", f"Date: {v.det['as_of']}"),
        Block(
            "line",
            f"To: {human(pay.get('name'), 'the payer')} - Pharmacy prior authorization"
            + (f" (fax {v.payer_fax})" if v.payer_fax else ""),
        ),
        Block("line", f"RE: {title} - {v.medication.brand} ({v.medication.ingredient})"),
        Block(
            "line",
            f"Patient: {_name(v)}  -  DOB {human(v.det['patient'].get('birth_date'))}  -  "
            f"Member ID {human(pay.get('member_id'))}",
        ),
        Block("space", ""),
    ]
    if not v.ready:
        lines = [f"DRAFT - {OVERALL_WORDS[v.det['overall']]}. Missing before this letter can be signed and sent:"]
        lines += [
            f"- {c['id']} ({STATUS_WORDS[c['status']]}): {' '.join(c['actions']) or c['summary']}" for c in v.missing
        ]
        out.append(Block("alert", "\n".join(lines)))
    return out


def _criterion(v: PacketView, c: dict[str, Any]) -> Block:
    what = v.descriptions.get(c["id"], c["id"])
    if c["status"] != "met":
        why = WHY_BLANK[c["status"]]
        todo = " ".join([c["summary"], *c["actions"]])
        return Block("blank", f"{BLANK_MARK}: {what}. {why} ({STATUS_WORDS[c['status']].lower()}): {todo}]")
    cites = "; ".join(f"{(en := v.entry(e)).line()} ({en.ref})" for e in c["evidence"][:4])
    said = c["summary"] if c["summary"].lower().startswith(what.lower()[:24]) else f"{what}: {c['summary']}"
    return Block("item", said + (f" [{cites}]" if cites else ""))


def _tail(v: PacketView) -> list[Block]:
    d, m = v.det, v.medication
    out = [Block("h", "Billing codes")]
    dx = [f"{code} {desc}".strip() for code, desc in v.diagnoses]
    out.append(
        Block("item", "ICD-10-CM: " + "; ".join(dx))
        if dx
        else Block("blank", f"{BLANK_MARK}: ICD-10-CM diagnosis code (none billable in the chart)]")
    )
    if d["codes"]["cpt"]:
        out.append(Block("item", "KRAS test CPT: " + ", ".join(d["codes"]["cpt"])))
    drug = f"{m.brand} ({m.ingredient})" + (f" {fmt_mg(m.strength_mg)} tablet" if m.strength_mg else "")
    out.append(Block("item", f"Drug: {drug}" + (f", RxNorm {m.rxnorm}" if m.rxnorm else "")))
    out.append(Block("h", "Requested duration"))
    asked = (d.get("prior_authorization") or {}).get("requested_period") or {}
    if asked.get("duration"):
        out.append(
            Block("item", f"{asked['duration']}: {asked['start']} to {asked['end']} ({d['policy']['id']} policy).")
        )
    else:
        out.append(
            Block(
                "blank",
                f"{BLANK_MARK}: requested duration from {human(asked.get('start'), '____')} (the policy sets none)]",
            )
        )
    out += [Block("h", "Follow-up plan"), *_follow_up(v)]
    pr = v.prescriber
    out += [
        Block("p", "Thank you for your prompt review. Please contact my office with any questions."),
        Block("p", "Sincerely,"),
        Block("space", ""),
        Block("line", "Signature: ______________________________    Date: ______________"),
        Block(
            "line",
            f"{human(pr.name, '[prescriber name]')}, NPI {human(pr.npi, '__________')}"
            + (f", {pr.specialty}" if pr.specialty else ""),
        ),
    ]
    return out


def _follow_up(v: PacketView) -> list[Block]:
    mon = v.det["monitoring"]
    out = []
    if mon:
        dates = ", ".join(m["due"] for m in mon[:6]) + (", ..." if len(mon) > 6 else "")
        out.append(Block("item", f"Liver tests (ALT, AST, alkaline phosphatase, total bilirubin) per the label: {dates} "
                                 f"(baseline, every 3 weeks for 3 months, then monthly; {len(mon)} dates through {mon[-1]['due']})."))  # fmt: skip
    for a in v.det["advisories"]:
        out.append(Block("item", f"Safety ({a['severity']}): {a['text']}"))
    out.append(Block("blank", f"{BLANK_MARK}: response assessment plan (imaging modality and interval)]"))
    pa = v.det.get("prior_authorization") or {}
    if pa.get("renewal_start"):
        out.append(
            Block("item", f"Renewal request by {pa['renewal_start']} with documentation of response and tolerance.")
        )
    return out


def _name(v: PacketView) -> str:
    return v.det["patient"].get("name") or f"patient {v.det['patient']['id']}"


def _diagnosis(v: PacketView) -> str:
    codes = [f"{c} ({d})" if d else c for c, d in v.diagnoses[: len(v.det["codes"]["icd10_primary"])]]
    dx = next((c for c in v.det["criteria"] if c["id"] in ("nsclc_diagnosis", "mcrc_diagnosis")), None)
    if (dx is None or dx["status"] == "met") and codes:
        return ", ".join(codes)
    return _blank("diagnosis and ICD-10-CM code (not documented as required in the chart)")


def _blank(what: str) -> str:
    return f"{BLANK_MARK}: {what}]"


def plain_text(blocks: list[Block]) -> str:
    return "\n".join(re.sub(r"\s+", " ", b.text) if b.kind != "alert" else b.text for b in blocks)
