"""``packet.pdf``: fax cover, request summary, codes, KRAS test, treatment history, criteria checklist,
safety and monitoring plan, then the supporting documents behind an index."""

from __future__ import annotations

from html import escape

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer

from priorauth.outputs.evidence import Entry
from priorauth.outputs.packet.pdfkit import Anchor, Layout, build_layout, p, pm, table
from priorauth.outputs.packet.pdfpages import place_pdf_pages
from priorauth.outputs.packet.view import OVERALL_WORDS, STATUS_WORDS, PacketView, fmt_mg, human

W = 504.0  # frame width in points (Letter, 0.75 in margins)
MAX_CITES = 8  # evidence lines per criterion in the checklist (a Synthea chart cites dozens)
STATUS_MARKUP = {
    "met": "<b>Met</b>",
    "not_met": '<font color="#b00020"><b>NOT MET</b></font>',
    "insufficient": '<font color="#8a5a00"><b>Needs documentation</b></font>',
    "review": '<font color="#8a5a00"><b>Needs prescriber review</b></font>',
}
CONFIDENTIAL = (
    "CONFIDENTIALITY NOTICE: This facsimile contains protected health information that is privileged and "
    "confidential under HIPAA (45 CFR Parts 160 and 164). It is intended only for the recipient named above, "
    "for the prior authorization of the medication described. If you received it in error, notify the sender "
    "at the phone number above and destroy all copies; any other use, disclosure or copying is prohibited."
)


def render_packet(view: PacketView) -> bytes:
    header = f"{view.patient_line}  -  {view.medication.brand} prior authorization request"
    data, layout = build_layout(lambda layout: _story(view, layout), header, f"{view.medication.brand} PA packet")
    if any(d.pdf for d in view.documents):
        data = place_pdf_pages(data, layout, view.documents)
    return data


INDICATION_WORDS = {"nsclc": "Non-small cell lung cancer (NSCLC)", "mcrc": "Metastatic colorectal cancer (mCRC)"}
# The manufacturer's PA guide's checklist, in its order: each item and the criterion that answers it.
GUIDE = [
    ("ICD-10-CM diagnosis code", ("nsclc_diagnosis", "mcrc_diagnosis")),
    ("KRAS G12C test (date, CPT)", ("kras_g12c",)),
    ("At least one prior systemic therapy", ("prior_systemic_therapy", "prior_crc_chemotherapy")),
    ("Monotherapy (no other anticancer drug with it)", ("single_agent",)),
    ("Disease progression", ("disease_progression", "no_progression_on_therapy")),
    ("Medical reason / prescription within the label", ("prescription",)),
]


def cite(source: str) -> str:
    """A chart reference without the character span of a note."""
    return source.split("#", 1)[0]


def small_ref(ref: str) -> str:
    """The chart reference in small grey print: for whoever must find the entry in the chart."""
    return f'<font size="6.5" color="#666666">{escape(ref)}</font>'


def evidence_markup(entry: Entry) -> str:
    """One cited entry as a reviewer reads it: its date, what it is and says; the reference in small print."""
    return f"<b>{escape(entry.date)}</b> {escape(entry.what)} {small_ref(entry.ref)}"


def _story(v: PacketView, layout: Layout) -> list[Flowable]:
    return [
        *_cover(v, layout),
        PageBreak(),
        *_guide(v),
        *_summary(v),
        *_codes(v),
        *_kras(v),
        *_history(v),
        *_checklist(v),
        *_safety(v),
        PageBreak(),
        *_index(v, layout),
        *_attachments(v),
    ]


def not_ready_box(v: PacketView) -> list[Flowable]:
    """Page 1 of the packet and of the letter: a chart that is not ready says so and lists what is missing;
    a patient recorded as deceased is said first, in place of everything else."""
    if v.deceased is not None:
        return [pm(escape(f"DO NOT SUBMIT - {v.deceased.words()}."), "alert")]
    gaps = [d["name"] for d in v.det["documents"] if d.get("required") and d["status"] == "missing"]
    if v.ready and not gaps:
        return []
    words = OVERALL_WORDS[v.det["overall"]] if not v.ready else "NOT READY: a required document is missing"
    lines = [f"DRAFT - {words}. Do not send until the following are resolved:"]
    for c in v.missing:
        todo = " ".join(c["actions"]) or c["summary"]
        lines.append(f"- {v.descriptions.get(c['id'], c['id'])} ({STATUS_WORDS[c['status']]}). {todo}")
    lines += [f"- Required document missing: {name}. Attach it from the chart." for name in gaps]
    return [pm("<br/>".join(escape(line) for line in lines), "alert")]


def _cover(v: PacketView, layout: Layout) -> list[Flowable]:
    pr, pay = v.practice, v.det.get("payer") or {}
    total = f"{layout.pages} (including this cover)" if layout.pages else "(counting)"
    blank = "____________________"
    ben = v.det.get("benefit") or {}
    kind = {"pharmacy": "Pharmacy", "medical": "Medical"}.get(ben.get("type") or "", "")
    benefit = f"{kind} benefit" + (" (assumed: confirm with the payer)" if ben.get("assumed") else "") if kind else (
        "not determined: confirm with the payer"
    )
    rows = [
        ["To", f"{pay.get('name') or 'Payer: ' + blank} - {kind + ' ' if kind else ''}prior authorization"],
        ["Benefit", benefit],
        ["Channel", ben.get("channel") or blank],
        ["To fax", v.payer_fax or f"{blank} (not in the payer pack or practice profile)"],
        ["Payer phone / portal", " / ".join(x for x in (v.payer_phone, v.payer_portal) if x) or blank],
        ["From", pr.name if pr else f"{blank} (no practice profile: pass --practice)"],
        ["From fax / phone", f"{pr.fax} / {pr.phone}" if pr else blank],
        ["Contact", f"{pr.contact.name}" + (f", {pr.contact.phone}" if pr.contact.phone else "") if pr else blank],
        ["Date", v.det["as_of"]],
        ["Pages", total],
        ["Re", f"{v.det['request_type'].capitalize()} PA request: {v.medication.brand} ({v.medication.ingredient})"],
        ["Patient", v.patient_line + f"  -  member ID {human(pay.get('member_id'))}"],
    ]
    return [
        Anchor("cover"),
        p("FAX - Prior authorization request", "h1"),
        *not_ready_box(v),
        table(rows, [130, W - 130], header=False),
        Spacer(1, 14),
        p(CONFIDENTIAL, "small"),
    ]


def _guide(v: PacketView) -> list[Flowable]:
    """Page 2 opens with the guide's checklist, item by item, as the chart answers it."""
    rows: list[list[str | Flowable]] = [["PA guide checklist", "Status", "What the chart shows"]]
    for label, ids in GUIDE:
        c = next((x for x in v.det["criteria"] if x["id"] in ids), None)
        if c is None:
            rows.append([label, "not asked", "not a criterion of this payer's policy for this request"])
            continue
        rows.append([label, pm(STATUS_MARKUP[c["status"]], "cell"), c["summary"]])
    pa = v.det.get("prior_authorization") or {}
    kind = "Renewal" if v.det["request_type"] == "renewal" else "Initial request"
    rows.append(["Initial or renewal (same payer approved before)", kind,
                 f"current authorization {pa['number']}" if pa.get("number") else "no earlier approval by this payer in the chart"])  # fmt: skip
    present = [d for d in v.det["documents"] if d["status"] == "present"]
    rows.append(["Records, notes and claims attached", f"{len(present)} of {len(v.det['documents'])}",
                 "; ".join(d["name"] for d in present) or "none in the chart"])  # fmt: skip
    return [Anchor("guide"), p("PA guide checklist", "h2"), table(rows, [170, 90, W - 260]), Spacer(1, 8)]


def _summary(v: PacketView) -> list[Flowable]:
    d, m, pr = v.det, v.medication, v.prescriber
    pay = d.get("payer") or {}
    pa = d.get("prior_authorization") or {}
    asked = pa.get("requested_period") or {}
    period = f"{human(asked.get('start'), 'start not set')} to {human(asked.get('end'), 'end not set by the policy')}"
    if asked.get("duration"):
        period += f" ({asked['duration']})"
    kind = d["request_type"]
    if kind == "renewal":
        kind += (
            f" of prior authorization {human(pa.get('number'))} ({human(pa.get('start'))} to {human(pa.get('end'))})"
        )
    rows = [
        ["Field", "Value"],
        ["Patient", human(d["patient"].get("name"))],
        ["Date of birth / age", f"{human(d['patient'].get('birth_date'))} / {human(d['patient'].get('age'))}"],
        ["Member ID", human(pay.get("member_id"))],
        [
            "Payer and plan",
            f"{human(pay.get('name'), 'no active coverage')} - {human(pay.get('plan'), 'plan not recorded')}",
        ],
        ["Prescriber", human(pr.name)],
        ["Prescriber NPI", human(pr.npi)],
        ["Prescriber specialty", human(pr.specialty)],
        ["Drug", f"{m.brand} ({m.ingredient})" + (f", RxNorm {m.rxnorm}" if m.rxnorm else "")],
        ["Strength", fmt_mg(m.strength_mg) + " tablet" if m.strength_mg else "not in the chart"],
        [
            "Daily dose",
            f"{fmt_mg(m.daily_dose_mg)} ({m.dose_text})"
            if m.daily_dose_mg
            else f"cannot be read ({m.dose_text or 'no order'})",
        ],
        [
            "Quantity per 30 days",
            f"{m.quantity_30_days} tablets" if m.quantity_30_days else "not computable from the chart",
        ],
        ["Days supply", str(m.days_supply)],
        ["Requested approval period", period],
        ["Request type", kind],
        ["Indication", INDICATION_WORDS.get(d.get("indication") or "", "not determined from the chart")],
        ["Policy applied", f"{d['policy'].get('name') or 'policy'} (version {d['policy']['version']})"],
        ["Determination", OVERALL_WORDS[d["overall"]] + f" (as of {d['as_of']})"],
    ]
    return [Anchor("summary"), p("Request summary", "h2"), table(rows, [150, W - 150])]


def _codes(v: PacketView) -> list[Flowable]:
    rows = [["ICD-10-CM", "Description"], *[[c, d or "(description not in the table)"] for c, d in v.diagnoses]]
    if len(rows) == 1:
        rows.append(["none", "No billable ICD-10-CM code of the cancer in the chart: the prescriber must choose one."])
    return [KeepTogether([p("Diagnosis codes", "h2"), table(rows, [90, W - 90])])]


def _kras(v: PacketView) -> list[Flowable]:
    rows: list[list[str | Flowable]] = [["Test", "Specimen", "Date", "Result", "CPT", "Chart entry"]]
    rows += [[k.test, k.specimen, k.date or "undated", k.result, k.cpt, pm(small_ref(cite(k.source)), "cell")]
             for k in v.kras]  # fmt: skip
    if len(rows) == 1:
        rows.append(["none", "", "", "No KRAS result in the chart", ", ".join(v.det["codes"]["cpt"]) or "", ""])
    crit = v.criterion("kras_g12c")
    note = f"KRAS G12C criterion: {STATUS_WORDS[crit['status']]} - {crit['summary']}" if crit else ""
    return [
        CondPageBreak(120),
        p("KRAS G12C test", "h2"),
        table(rows, [88, 56, 60, 140, 46, W - 390]),
        p(note, "small"),
    ]


def _history(v: PacketView) -> list[Flowable]:
    rows = [["Regimen", "Start", "End", "Reason stopped", "Progression"]]
    rows += [
        [h.regimen, h.start or "undated", h.end or ("continuing" if h.stopped == "ongoing" else ""), h.stopped,
         h.progression]
        for h in v.history
    ]
    if len(rows) == 1:
        rows.append(["No systemic anticancer therapy recorded", "", "", "", ""])
    return [CondPageBreak(120), p("Treatment history", "h2"), table(rows, [140, 62, 62, 110, W - 374])]


def _checklist(v: PacketView) -> list[Flowable]:
    rows: list[list[str | Flowable]] = [["Criterion", "Status", "Finding", "Evidence (dated chart entries)"]]
    for c in v.det["criteria"]:
        lines = [evidence_markup(v.entry(e)) for e in c["evidence"][:MAX_CITES]]
        if len(c["evidence"]) > MAX_CITES:
            lines.append(escape(f"... and {len(c['evidence']) - MAX_CITES} more (all in determination.json)"))
        finding = c["summary"] + ("\nTo do: " + " ".join(c["actions"]) if c["status"] != "met" and c["actions"] else "")
        name = pm(
            f"<b>{escape(v.descriptions.get(c['id'], c['id']))}</b><br/>"
            f"({'required' if c['required'] else 'optional'})",
            "cell",
        )
        rows.append([name, pm(STATUS_MARKUP[c["status"]], "cell"), finding, pm("<br/>".join(lines), "cell") if lines else "none cited"])
    return [CondPageBreak(160), Anchor("criteria"), p("Criteria checklist", "h2"), table(rows, [140, 80, 130, W - 350])]


def _safety(v: PacketView) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(160), Anchor("safety"), p("Safety and monitoring plan", "h2")]
    advisories = v.det["advisories"]
    if advisories:
        rows = [["Advisory", "Severity", "What the chart shows"]]
        rows += [[a["id"].replace("_", " ").capitalize(), a["severity"], a["text"]] for a in advisories]
        out.append(table(rows, [110, 60, W - 170]))
    else:
        out.append(p("No safety advisories: no acid reducers, strong CYP3A4 inducers, recent immunotherapy, "
                     "interstitial lung disease or liver-test abnormalities found in the chart."))  # fmt: skip
    mon = [] if v.deceased else v.det["monitoring"]  # no schedule for a patient recorded as deceased
    tests = list(dict.fromkeys(m["test"] for m in mon))
    if len(tests) == 1:
        rows = [["Due", "Why"]] + [[m["due"], m.get("reason", "")] for m in mon]
        out += [p(f"Monitoring from the planned start: {tests[0]}", "h3"), table(rows, [90, W - 90])]
    elif mon:
        rows = [["Due", "Test", "Why"]] + [[m["due"], m["test"], m.get("reason", "")] for m in mon]
        out += [p("Monitoring from the planned start", "h3"), table(rows, [70, 250, W - 320])]
    pa = v.det.get("prior_authorization") or {}
    if pa.get("renewal_start"):
        out.append(
            p(f"Renewal: start the renewal request by {pa['renewal_start']} with restaging showing no progression.")
        )
    return out


def _index(v: PacketView, layout: Layout) -> list[Flowable]:
    rows = [["", "Supporting document", "Kind", "Date", "Chart entry", "Page"]]
    for i, d in enumerate(v.documents):
        page = layout.anchors.get(f"doc{i}")
        rows.append([_letter(i), d.title, d.kind, d.date or "", cite(d.source), str(page) if page else ""])
    return [Anchor("index"), p("Index of supporting documents", "h2"), table(rows, [22, 170, 80, 62, 130, W - 464])]


def _attachments(v: PacketView) -> list[Flowable]:
    out: list[Flowable] = []
    for i, d in enumerate(v.documents):
        out += [PageBreak(), Anchor(f"doc{i}"), p(f"Attachment {_letter(i)}: {d.title}", "h2")]
        out.append(p(f"{d.kind}  -  {cite(d.source)}" + (f"  -  {d.date}" if d.date else ""), "small"))
        if d.pdf:
            for k in range(d.pdf_pages):
                if k:
                    out += [PageBreak(), p(f"Attachment {_letter(i)}: {d.title} (continued)", "small")]
                out.append(Anchor(f"pdf{i}.{k}"))
            continue
        for chunk in d.text.split("\n\n"):
            out.append(p(chunk, "mono"))
            out.append(Spacer(1, 4))
        if d.truncated:
            out.append(p(f"[Shortened for the packet: the full text is in the chart ({d.source}).]", "small"))
    return out


def _letter(i: int) -> str:
    return chr(ord("A") + i) if i < 26 else f"A{i - 25}"
