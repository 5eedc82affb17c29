"""(held-out v42's safety pass, issue 13, t42s) Classes of wording behind held-out v42's false facts, read from its
false positives only (its misses stay blind). Each class removes a fact of one document that the document does not
state of this patient, now; none adds one. Kept in one module, applied once per document after its findings are read
(``facts._document_facts``, after held-out v41's pass), so that the parallel passes' rules are left as they are. Each
drop is as narrow as its wording (the review of v41's pass: no lab line, named item, given course or ILD under
treatment is touched).

Classes (tests/text/test_wording_classes_v42s.py):

- [t42s-lettered-inline-entries] a list of several people whose entries are lettered with a dot and a double dash
  ("Pt A. -- <drug> C7 | Pt B. -- ..."), on their own lines or after a "|" and a time: no fact is this patient's.
- [t42s-spread-workup-pending] "Metastatic workup not yet done / pending / to be done": no spread found yet.
- [t42s-histology-differential] a histology inside a differential ("Ddx: lung cancer (NSCLC vs SCLC) vs infection"):
  a possibility, not a diagnosis.
- [t42s-histology-preliminary-revised] a preliminary reading the same sentence says was revised ("rapid on-site
  evaluation favored non-small cell; final diagnosis revised after immunostains"): not the diagnosis.
- [t42s-quoted-impression-corrected] an earlier impression quoted to be corrected ('The prior impression stated "new
  liver metastasis." On review ... NO evidence of ...'): the quote's status and spread are withdrawn.
- [t42s-status-criterion-disjunction] a criterion's "response or stable disease" (a renewal checklist): either one,
  no status.
- [t42s-status-pseudoprogression-differential] growth with "pseudoprogression vs true progression" in the same
  sentence or the next: progression not called.
- [t42s-kras-smartlist] an unfilled SmartList's choices ("KRAS: {Detected/Not detected:23456}"): no result.
- [t42s-naive-cohort-requirement] a trial cohort's requirement ('Cohort A requires "treatment-naive" ...'): the
  cohort's criterion, not the patient's history.
- [t42s-drug-start-title] "<drug> new start", "<drug> start visit": the drug to be started (a given word, a line of
  therapy, a cycle, PD on its line keep it).
- [t42s-drug-order-line] a medication order's order line (a title "MEDICATION ORDER" / "PRESCRIPTION", a line with a
  quantity or refills): the drug ordered, not given.
- [t42s-drug-risk-sequence] a drug named in a risk of a sequence ("hepatotoxicity risk with sequential IO -> soto").
- [t42s-mono-other-treatment-alone] "alone" said of a treatment that is no anticancer drug ("improved on antibiotics
  alone", "steroids alone"): no single-agent regimen.

Review fixes (rt42s, eight drops that lost true facts, narrowed): a risk sequence is "risk / concern" only and a
sentence with a grade, onset, hold, stop or date keeps its drug; a new start with a past year, a stop word or under a
history heading stays; an order drops only its first order line's drug ("#" is no order line; prior / Hx lines, date
ranges, lines of therapy spared); "initial diagnosis / impression" is no preliminary reading and the revise word must
govern the diagnosis; a "response or stable disease" is a criterion only after a criteria or checkbox word on its line;
a pseudoprogression differential drops only when left open; "no evidence of" corrects a quote only of the quoted
finding, a bare "on review" not at all; a pending workup drops only the word "metastatic" alone.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from priorauth.text.document_scope import _OTHER_MARKED
from priorauth.text.safety_t39s import _given_word
from priorauth.text.safety_t41s import _KINDS, _focus, _given_more, _line, _year
from priorauth.text.sources import TextDoc
from priorauth.text.spans import _line_end, _line_start

if TYPE_CHECKING:
    from priorauth.text.facts import TextFacts


def _sentence_start(text: str, at: int) -> int:
    """The start of the sentence (or line) holding ``at``: after the last ". ", ";", "!", "?" or newline."""
    window = max(0, at - 400)
    ends = [window + m.end() for m in re.finditer(r"[.!?](?=\s)", text[window:at])]
    return max([text.rfind("\n", 0, at) + 1, text.rfind(";", 0, at) + 1, window, *ends])


def _wrapped_sentence_start(text: str, at: int) -> int:
    """As ``_sentence_start``, for hard-wrapped text: a line break alone ends no sentence (a blank line does)."""
    window = max(0, at - 300)
    ends = [window + m.end() for m in re.finditer(r"[.!?](?=\s)|;|\n[ \t]*\n", text[window:at])]
    return max([window, *ends])


def _sentence_end(text: str, at: int) -> int:
    m = re.compile(r"[.!?](?=\s|$)|[;\n]").search(text, at)
    return m.start() if m else len(text)


# --- [t42s-lettered-inline-entries] -----------------------------------------------------------------------------------
_INLINE_ENTRY = re.compile(
    r"(?:^|\|)[ \t*\u2022]*(?:\d{1,2}:\d{2}(?:[ \t]*[AP]M)?[ \t]+)?(?i:pt|patient|subject)\.?[ \t]+([A-Z])\.[ \t]*"
    r"(?:--+|\u2013|\u2014|:)([^\n|]*)",
    re.M,
)


def _several_people(text: str) -> bool:
    from priorauth.text.safety_t41s import _clinical_entry

    if _OTHER_MARKED.search(text):
        return False
    return len({m.group(1) for m in _INLINE_ENTRY.finditer(text) if _clinical_entry(m.group(2))}) >= 2


# --- spread, histology ------------------------------------------------------------------------------------------------
_WORKUP_PENDING = re.compile(
    r"[ \t]*(?:work[\s-]?up|survey|evaluation|staging(?:\s+(?:work[\s-]?up|scans?))?)[ \t]*(?:is[ \t]+|was[ \t]+)?:?[ \t]*"
    r"(?:not\s+(?:yet\s+)?(?:done|performed|completed|obtained|started)|(?:still\s+)?pending|to\s+be\s+(?:done|"
    r"performed|completed|arranged)|outstanding|not\s+yet)\b",
    re.I,
)
_METASTATIC_WORD = re.compile(r"metastatic", re.I)
_DDX = re.compile(r"\b(?:ddx|differential(?:\s+diagnosis)?|dd)\s*(?::|includes?\b|is\b)", re.I)
_VERSUS = re.compile(r"\b(?:vs\.?|versus)(?=\s)", re.I)
_PRELIMINARY = re.compile(
    r"\b(?:rapid\s+on-?site\s+evaluation|ROSE|frozen\s+section|preliminary\s+(?:read\w*|diagnosis|impression|report)|"
    r"intra-?operative\s+consult\w*|initial(?:ly)?\s+(?:read|reading))\b[^.;\n]{0,30}?"
    r"\b(?:favou?red|suggested|called|read\s+as|was|showed|:)\s*$",
    re.I,
)
# (review fix) the revise word governs the diagnosis ("final diagnosis revised"), not a plan ("plan changed")
_REVISED = re.compile(
    r"\b(?:diagnosis|dx|impression|interpretation|read(?:ing)?)\s+(?:was\s+|is\s+|has\s+been\s+)?(?:revised|amended|"
    r"changed|superseded|overturned|not\s+confirmed|corrected)\b|\b(?:revised|amended|corrected)\s+(?:final\s+)?"
    r"(?:diagnosis|dx|impression|interpretation)\b",
    re.I,
)


def _diagnoses(text: str, out: TextFacts) -> None:
    def dropped(d: object) -> bool:
        focus = _focus(d)
        if focus is None or getattr(d, "site", "") == "ild":
            return False
        start, end = focus
        spread_only = (
            getattr(d, "spread", False) and not getattr(d, "histology", None) and not getattr(d, "stage", None)
        )
        if spread_only and _WORKUP_PENDING.match(text, end) and _METASTATIC_WORD.fullmatch(text[start:end]):
            return True  # [t42s-spread-workup-pending] (review fix) "metastatic" alone, never named metastases
        if not getattr(d, "histology", None) or getattr(d, "stage", None):
            return False
        s0, s1 = _sentence_start(text, start), _sentence_end(text, end)
        before = text[s0:start]
        ddx = list(_DDX.finditer(before))
        if ddx and _VERSUS.search(text[s0 + ddx[-1].end() : s1]):
            return True  # [t42s-histology-differential]
        tail = re.split(r"[.)](?=\s|$)", text[end : end + 160])[0]
        # [t42s-histology-preliminary-revised]
        return bool(_PRELIMINARY.search(text[max(s0, start - 80) : start]) and _REVISED.search(tail))

    out.diagnoses = [d for d in out.diagnoses if not dropped(d)]


# --- [t42s-quoted-impression-corrected] -------------------------------------------------------------------------------
_QUOTED_PRIOR = re.compile(
    r"\b(?:prior|previous|original|initial|earlier|preliminary)\s+(?:impression|report|read|reading|interpretation|"
    r"dictation)\s+(?:stated|said|read|reported|described|noted|called)\s*:?\s*[\"\u201c]([^\"\u201d\n]{1,200})[\"\u201d]",
    re.I,
)
_CORRECTS = re.compile(
    r"\b(?:corrected|correction|revised|amended|retract\w*|in\s+error|erroneous\w*|misread|misinterpret\w*|"
    r"on\s+re-?review|is\s+(?:actually\s+)?(?:a\s+)?(?:stable\s+)?(?:benign|hemangioma|cyst))\b",
    re.I,
)
_NO_EVIDENCE = re.compile(r"\bno\s+evidence\s+of\s+((?:[\w-]+\s+){0,5}[\w-]+)", re.I)
_STEM_SKIP = frozenset({"multip", "increa", "interv", "diseas", "findin", "lesion", "change", "signif", "progre"})


def _stems(words: str) -> set[str]:
    return {w[:6].lower() for w in re.findall(r"[A-Za-z]{5,}", words)} - _STEM_SKIP


def _negates_quote(after: str, quote: str) -> bool:
    """(review fix) "no evidence of" corrects a quote only when it negates the quoted finding itself ("new liver
    metastasis" ... "no evidence of hepatic metastatic disease"), not another one ("no evidence of response")."""
    return any(_stems(m.group(1)) & _stems(quote) for m in _NO_EVIDENCE.finditer(after))


_CONFIRMS = re.compile(r"\bconfirm\w*\b|\bstands\b|\bunchanged\s+from\s+the\s+prior\s+impression\b", re.I)


def _quoted_corrected(text: str, out: TextFacts) -> None:
    quotes = []
    for m in _QUOTED_PRIOR.finditer(text):
        after = text[m.end() : m.end() + 400]
        corrected = _CORRECTS.search(after) or _negates_quote(after, m.group(1))
        if corrected and not _CONFIRMS.search(after):
            quotes.append((m.start(1), m.end(1)))
    if not quotes:
        return

    def inside(f: object) -> bool:
        focus = _focus(f)
        return focus is not None and any(a <= focus[0] and focus[1] <= b for a, b in quotes)

    out.statuses = [s for s in out.statuses if not inside(s)]
    out.diagnoses = [
        d
        for d in out.diagnoses
        if not (inside(d) and getattr(d, "spread", False) and not getattr(d, "histology", None))
    ]


# --- disease status ---------------------------------------------------------------------------------------------------
_CRITERION_DISJUNCTION = re.compile(
    r"\b(?:(?:documented|objective|clinical)\s+)?(?:response|benefit|responding\s+disease|CR|PR)\s+(?:or|/)\s+"
    r"stable\s+disease\b|\bstable\s+disease\s+or\s+(?:better|response|improvement)\b",
    re.I,
)
_PSEUDO_DIFFERENTIAL = re.compile(
    r"\bpseudo-?progression\s+(?:vs\.?|versus|or|v\.?)\s+(?:true\s+|real\s+|actual\s+)?(?:progression|PD)\b"
    r"|\b(?:true\s+|real\s+)?(?:progression|PD)\s+(?:vs\.?|versus|or|v\.?)\s+pseudo-?progression\b",
    re.I,
)
_CALLED = re.compile(r"\bconfirm\w*\b|\bconsistent\s+with\s+(?:true\s+)?progression\b", re.I)
# (review fix) a disjunction is a criterion only in a checklist's or criteria's words on its line, before it
_CRITERIA_CONTEXT = re.compile(
    r"\bcriteri(?:a|on)\b|\brequir\w*|\bmust\b|\bneeds?\s+to\b|\beligib\w*|\[\s*[xX\u2713]?\s*\]|[\u2610\u2611\u2612]",
)
# (review fix) the differential is left open: a pseudoprogression remark that decides it ("true progression favored",
# "not a consideration", "pseudoprogression unlikely") leaves the progression stated
_LEFT_OPEN = re.compile(
    r"\b(?:differential|ddx|cannot\s+(?:be\s+)?(?:exclude|rule\w*\s+out|distinguish)|can'?t\s+(?:exclude|rule\s+out)|"
    r"not\s+(?:be\s+)?excluded|indeterminate|uncertain|unclear|equivocal|(?:repeat|follow-?up|short-?interval|"
    r"confirmatory)\s+(?:imaging|scans?|CT|PET|MRI|follow-?up)|re-?imag\w*|before\s+changing)\b",
    re.I,
)


def _statuses(text: str, out: TextFacts) -> None:
    disjunctions = [
        (m.start(), m.end())
        for m in _CRITERION_DISJUNCTION.finditer(text)
        if _CRITERIA_CONTEXT.search(text[_line_start(text, m.start()) : m.start()])
    ]
    pseudo = [m for m in _PSEUDO_DIFFERENTIAL.finditer(text)]

    def dropped(s: object) -> bool:
        focus = _focus(s)
        if focus is None:
            return False
        if any(a <= focus[0] and focus[1] <= b for a, b in disjunctions):
            # [t42s-status-criterion-disjunction] the criterion's line ticked is no imaging result
            return getattr(s, "status", None) in ("stable", "improved")
        if getattr(s, "status", None) != "worsened":
            return False
        for m in pseudo:
            start = _wrapped_sentence_start(text, m.start())
            prev = _wrapped_sentence_start(text, max(0, start - 2)) if start > 1 else start
            around = text[prev : _sentence_end(text, m.end())]
            after = text[start : _sentence_end(text, _sentence_end(text, m.end()) + 1)]
            if prev <= focus[0] < m.end() and _LEFT_OPEN.search(after) and not _CALLED.search(around):
                return True  # [t42s-status-pseudoprogression-differential]
        return False

    out.statuses = [s for s in out.statuses if not dropped(s)]


# --- [t42s-kras-smartlist] --------------------------------------------------------------------------------------------
_SMARTLIST = re.compile(r"\{[^{}\n]{0,80}(?:/[^{}\n]{0,80}:\s*\d{3,}|:\s*\d{3,})\s*\}")


def _kras(text: str, out: TextFacts) -> None:
    lists = [(m.start(), m.end()) for m in _SMARTLIST.finditer(text)]
    if not lists:
        return

    def in_list(k: object) -> bool:
        focus = _focus(k)
        return focus is not None and any(focus[0] < b and a < focus[1] for a, b in lists)

    out.kras = [k for k in out.kras if not in_list(k)]


# --- [t42s-naive-cohort-requirement] ----------------------------------------------------------------------------------
_COHORT_REQUIRES = re.compile(
    r"\b(?:cohort|arm|part|trial|study|protocol)\b[^.;\n]{0,12}?\b(?:requires|required|requiring|enrolls|enrol(?:l)?ing|"
    r"is\s+(?:for|limited\s+to|restricted\s+to)|limited\s+to|restricted\s+to|needs)\s+(?:only\s+)?"
    r"(?:pts?\s+|patients\s+)?(?:who\s+are\s+)?[\"'\u201c]?$",
    re.I,
)


def _naive(text: str, out: TextFacts) -> None:
    def dropped(n: object) -> bool:
        focus = _focus(n)
        return focus is not None and bool(_COHORT_REQUIRES.search(text[_sentence_start(text, focus[0]) : focus[0]]))

    out.naive = [n for n in out.naive if not dropped(n)]


# --- drugs ------------------------------------------------------------------------------------------------------------
_START_AFTER = re.compile(
    r"[ \t]*(?:\([^)\n]{0,20}\)[ \t]*)?(?:new[\s-]start|start[\s-]visit|initiation[\s-]visit|teaching[\s-]visit|"
    r"start[\s-]education)\b",
    re.I,
)
_ORDER_TITLE = re.compile(
    r"^\W*(?:(?:(?:new|outpatient|oral|e-?|electronic)[\s-]*)?(?:medication|drug|rx)\s+order\b"
    r"|(?:new\s+|e-?|electronic\s+)?prescription\b)"
    r"(?![^\n]*\b(?:history|record|profile|list|fills?|claims?|log|summary|report)\b)",
    re.I,
)
_ORDER_LINE = re.compile(r"\bqty\b|\bquantity\b|\bRF\s*x?\s*\d|\brefills?\b|\bdisp(?:ense)?\s*[:#]", re.I)
_ONGOING = re.compile(
    r"\b(?:refill(?:ed|ing)?\b(?!\s*[:#x]?\s*\d)|renew\w*|continu\w*|currently\s+(?:on|taking)|since|started|C\d{1,2}\s*D\d{1,2}|cycle\s*\d+|"
    r"resume\w*|restart\w*|filled|dispensed\s+(?:on|in)|last\s+fill)\b",
    re.I,
)
_RISK_SEQUENCE = re.compile(
    r"\b(?:risk|concern)\s+(?:with|of|from|after)\s+(?:the\s+)?(?:sequential|sequenced|"
    r"sequencing|back-to-back)\b[^.;\n]{0,30}?(?:->|\u2192|then|followed\s+by|to)\s*$",
    re.I,
)


# (review fix) a drug's line or sentence that says it happened: a grade, an onset, a hold, a stop, a date
_HAPPENED = re.compile(
    r"\bgrade\s*[1-5]\b|\bG[1-5]\b|\bonset\b|\bheld\b|\bhold\w*\b|\bstopp?(?:ed)?\b|\bdiscontinu\w*|\bd/?c'?d\b|"
    r"\bceased\b|\b\d{1,2}/(?:\d{1,2}/)?\d{2,4}\b|\b(?:19|20)\d{2}\b",
    re.I,
)
_DATE_RANGE = re.compile(r"\b\d{1,2}/(?:\d{1,2}/)?\d{2,4}\s*(?:-|\u2013|to)\s*\d{1,2}/(?:\d{1,2}/)?\d{2,4}\b")
_STOPPED = re.compile(r"\bstopp?(?:ed)?\b|\bdiscontinu\w*|\bd/?c'?d\b|\bheld\b|\bhold\w*\b|\bceased\b", re.I)
_HISTORY_LINE = re.compile(r"^\W*(?:prior|previous|hx\b|history|past)", re.I)
_HISTORY_HEADING = re.compile(
    r"^\W*(?:(?:treatment|therapy|oncologic|oncology|cancer|medication|systemic\s+therapy)\s+history|"
    r"(?:prior|previous|past)\s+(?:treatments?|therap(?:y|ies)|regimens?|lines?)|hx)\b[^\n]{0,20}:?\s*$",
    re.I,
)


def _under_history(text: str, at: int) -> bool:
    """The line at ``at`` sits under a history heading ("Treatment history:"), no blank line between."""
    start = _line_start(text, at)
    block = text[:start].rsplit("\n\n", 1)[-1]
    return any(_HISTORY_HEADING.match(ln) for ln in block.splitlines())


def _past_start(text: str, line: str, at: int, year: int | None) -> bool:
    """(review fix) a "new start" that is history: a past year or a stop on its line, or a history heading above."""
    return _given_more(line, year) or bool(_STOPPED.search(line)) or _under_history(text, at)


def _first_order_line(text: str, first_end: int) -> tuple[int, int] | None:
    """(review fix) the order's own line: the first line after the title with a quantity or refills."""
    at = first_end + 1
    while at < len(text):
        end = _line_end(text, at)
        if _ORDER_LINE.search(text[at:end]):
            return at, end
        at = end + 1
    return None


def _meds(text: str, out: TextFacts, year: int | None = None) -> None:
    first_end = text.find("\n") if "\n" in text else len(text)
    order = bool(_ORDER_TITLE.match(text[:first_end])) and not _ONGOING.search(text)
    order_line = _first_order_line(text, first_end) if order else None

    def dropped(m: object) -> bool:
        focus = _focus(m)
        if focus is None:
            return False
        start, end = focus
        line = _line(text, start)
        if _START_AFTER.match(text, end) and not _past_start(text, line, start, year):
            return True  # [t42s-drug-start-title]
        if (
            order_line
            and order_line[0] <= start < order_line[1]
            and not _given_word(line)
            and not _given_more(line, year)
            and not _HISTORY_LINE.match(line)
            and not _DATE_RANGE.search(line)
        ):
            return True  # [t42s-drug-order-line] (review fix) the first order line's drug only
        s0 = _sentence_start(text, start)
        if not _RISK_SEQUENCE.search(text[s0:start]):
            return False
        # [t42s-drug-risk-sequence] (review fix) a sentence that says it happened keeps the drug
        return not _HAPPENED.search(text[s0 : _sentence_end(text, end)])

    out.meds = [m for m in out.meds if not dropped(m)]


# --- [t42s-mono-other-treatment-alone] --------------------------------------------------------------------------------
_OTHER_ALONE = re.compile(
    r"\b(?:antibiotics?|abx|antivirals?|antifungals?|steroids?|corticosteroids?|prednisone|oxygen|diuretics?|"
    r"supportive\s+care|observation|hospice|analgesics?|opioids?|radiation|radiotherapy|RT|SBRT|surgery)\s+alone\b",
    re.I,
)


def _monotherapy(text: str, out: TextFacts) -> None:
    spans = [(m.start(), m.end()) for m in _OTHER_ALONE.finditer(text)]

    def other(e: object) -> bool:
        focus = _focus(e)
        return focus is not None and any(focus[0] < b and a < focus[1] for a, b in spans)

    out.monotherapy = [e for e in out.monotherapy if not other(e)]


def apply(doc: TextDoc, out: TextFacts) -> TextFacts:
    """The facts of one document, less the ones the classes above remove."""
    text = doc.text
    if _several_people(text):  # [t42s-lettered-inline-entries]
        for kind in _KINDS:
            setattr(out, kind, [])
        return out
    _diagnoses(text, out)
    _quoted_corrected(text, out)
    _statuses(text, out)
    _kras(text, out)
    _naive(text, out)
    _meds(text, out, _year(doc.date))
    _monotherapy(text, out)
    return out
