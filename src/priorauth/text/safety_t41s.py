"""(held-out v41's safety pass, issue 13, t41s) Classes of wording behind held-out v41's false facts, read from its
false positives only (its misses stay blind). Each class removes a fact of one document that the document does not
state of this patient, now; none adds one. Kept in one module, applied once per document after its findings are read
(``facts._document_facts``, after held-out v40's pass), so that the parallel passes' rules are left as they are.

Classes (tests/text/test_wording_classes_v41s.py):

- [t41s-several-people-shapes] a list of several people in shapes the earlier classes missed: lettered entries
  ("Pt A: ...", "Pt B: ..."), cases opened with a double dash ("Case 1 -- 71F ...", "Case 2 -- 66M ..."), or a
  notice "filed to chart in error" without "this" / "the": no fact of the document is this patient's.
- [t41s-spread-label-disjunction] "locally advanced or metastatic NSCLC": a label's (or a policy's) indication, either
  one; no spread from its words (an answer, "A: Metastatic", stays).
- [t41s-spread-workup-negative] "Metastatic workup negative": a negative search for spread, not a spread.
- [t41s-drug-regimen-answer] the answer to a question about the regimen asked for ("Requested regimen?  A: <drug>",
  "plan asking 'combo or mono?' -- Told: <drug> ALONE"): the drug requested, not given.
- [t41s-drug-pathway-selected] "Pathway regimen selected: <drug>": a pathway tool's selection, not a drug given.
- [t41s-drug-trial-arms] "arm A: <drug> + <drug>; arm B: <drug> alone": a protocol's arms (two or more on the line),
  not a drug given.
- [t41s-drug-reserved] "reserve <drug> for 2L": a later option.
- [t41s-drug-information-sheet] a drug information sheet ("PATIENT DRUG INFORMATION -- <drug>"): its title's drug and
  its "What it treats:" line (drugs, KRAS, histology) describe the drug, not the patient.
- [t41s-drug-consent-treatment] a consent form's "Treatment:" line: the treatment consented to, not yet given.
- [t41s-mono-pharmacy-profile] "no other anticancer meds on profile": a pharmacy profile's gap, not a single-agent
  regimen (clinic-given drugs are not on it).
- [t41s-order-template-title] an unsigned order set template's title ("ORDER SET TEMPLATE (unsigned): ... -- NSCLC")
  names its indication, not a diagnosis.
- [t41s-status-before-calling] "before calling progression": progression not (yet) called.
- [t41s-ild-considered-but] "Pneumonitis considered on admission but ... treated as pneumonia": a ruled-out thought.
- [t41s-ild-history-denied] "ILD/pneumonitis history -- pt denies": a checklist's negative answer.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from priorauth.text.document_scope import _OTHER_MARKED, _misfiled, _several_cases
from priorauth.text.safety_t39s import _given_word
from priorauth.text.safety_t40s import _ORDER_PREVIEW
from priorauth.text.sources import TextDoc
from priorauth.text.spans import _line_end, _line_start

if TYPE_CHECKING:
    from priorauth.text.facts import TextFacts

_KINDS = ("kras", "diagnoses", "meds", "statuses", "naive", "monotherapy", "spread_hints", "rationale")


def _focus(fact: object) -> tuple[int, int] | None:
    return getattr(getattr(fact, "evidence", fact), "focus", None)


def _line(text: str, at: int) -> str:
    return text[_line_start(text, at) : _line_end(text, at)]


def _before_on_line(text: str, at: int) -> str:
    return text[_line_start(text, at) : at]


# --- [t41s-several-people-shapes] --------------------------------------------------------------------------------------
# (review fix) a space before the letter ("PT:", "PTT:", "PTH:" are labs), no "-" delimiter, and a clinical token (an
# age / sex or a drug) after each entry
_LETTERED_ENTRY = re.compile(
    r"^[ \t*\u2022]*(?i:pt|patient|subject)\.?[ \t]+([A-Z])[ \t]*[:)\u2013\u2014]([^\n]*)", re.M
)
_AGE_SEX = re.compile(
    r"\b\d{1,3}[ \t]*(?:[MF]|yo|y/o|y\.o\.|-?years?[\s-]old|-?yr?s?[\s-]old)\b|\b(?:male|female|man|woman)\b", re.I
)
_CASE_DOUBLE_DASH = re.compile(r"(\bcase\s*#?\s*\d{1,3}\s*)(?:--+|\u2013\u2013|\u2014\u2014)", re.I)
# (review fix) the notice must open the document or be said of this document / note / encounter; never of a named
# item ("the pathology report dated 2/1 was scanned to chart in error", "an outside fax (lipid panel) ...")
_THIS_DOCUMENT = re.compile(r"\bthis\s+(?:document|note|encounter|entry|letter|record|visit)\b", re.I)
_NAMED_ITEM = re.compile(
    r"\b(?:report|fax\w*|results?|labs?|panel|scan|image|imaging|attachment|outside|(?:note|letter)\s+dated|dated)\b",
    re.I,
)
# a screening log's entry: a line of therapy, a KRAS result, naive / prior / eligible
_ENTRY_CLINICAL = re.compile(r"\b(?:[1-6]L|G12[A-Z]\w*|KRAS|tx-?naive|treatment-?naive|naive|prior|eligib\w*)\b", re.I)
_FILED_BARE = re.compile(
    r"\b((?:filed|scanned|uploaded|entered|placed)\s+(?:in|on|to|into))\s+((?:patient'?s?\s+)?(?:chart|record|ehr)\s+"
    r"in\s+error)\b",
    re.I,
)


def _clinical_entry(rest: str) -> bool:
    from priorauth.text.pipeline import _drug_pattern

    return bool(_AGE_SEX.search(rest) or _ENTRY_CLINICAL.search(rest) or _drug_pattern().search(rest))


def _filed_of_this(text: str, m: re.Match[str]) -> bool:
    cut = max(text.rfind(c, 0, m.start()) for c in ".;\n")
    subject = text[cut + 1 : m.start()]
    if _NAMED_ITEM.search(subject):
        return False
    return cut < 0 or bool(_THIS_DOCUMENT.search(subject))  # it opens the document, or is said of this one


def _several_people(text: str) -> bool:
    if not _OTHER_MARKED.search(text):
        if len({m.group(1) for m in _LETTERED_ENTRY.finditer(text) if _clinical_entry(m.group(2))}) >= 2:
            return True
        if _CASE_DOUBLE_DASH.search(text) and _several_cases(_CASE_DOUBLE_DASH.sub(r"\1-", text)):
            return True
    filed = [m for m in _FILED_BARE.finditer(text[:400]) if _filed_of_this(text, m)]
    return bool(filed) and _misfiled(_FILED_BARE.sub(r"\1 the \2", text))


# --- spread ------------------------------------------------------------------------------------------------------------
_DISJUNCTION = re.compile(
    r"\b(?:locally\s+advanced|unresectable)\s*(?:,\s*|\s+)(?:and\s*/\s*)?or\s+metastatic\b"
    r"|\bmetastatic\s+or\s+(?:locally\s+advanced|unresectable)\b|\badvanced\s+or\s+metastatic\b",
    re.I,
)
_WORKUP_NEGATIVE = re.compile(
    r"[ \t]*(?:work[\s-]?up|survey|evaluation|staging\s+(?:work[\s-]?up|scans?))[ \t]*(?:was[ \t]+|is[ \t]+)?:?[ \t]*"
    r"(?:negative|neg\b|unremarkable|clear\b|no\s+evidence)",
    re.I,
)

# the writer's own claim of this patient ("the patient has KRAS G12C-mutated locally advanced or metastatic NSCLC")
_PATIENT_HAS = re.compile(
    r"(?:\b(?:patient|pt|member|he|she)|\b(?:mr|mrs|ms|dr)\.?\s+[A-Z][a-z'\-]+|(?-i:\b(?!(?:Patients|Adults?|Those|People|Persons?|Individuals|Members|Subjects|Cases|Candidates|Anyone|Men|"
    r"Women|Children|Treatment|Therapy|Use|Indicated|Approved|Coverage|Criteria|Eligible|Only|For|In|And|Or|Policy|"
    r"Label|Indication)\b)[A-Z][a-z'\-]+(?:\s+[A-Z][a-z'\-]+)?))"
    r"\s+(?:has|had|with|(?:has\s+been\s+|is\s+|was\s+)?diagnosed\s+with)\b(?P<rest>[^.;\n]{0,60})$",
    re.I,
)
_NOT_A_PERSON = re.compile(r"\b(?:approv\w*|indicat\w*|cover\w*|label\w*)\b", re.I)


def _patient_has(text: str, start: int, end: int) -> bool:
    """The writer's claim of this patient; (review fix) a named one ("Mr. Jones has ...", "Ms. Lee was diagnosed with
    ...") too, but not a drug's label ("Lumakras has been approved for ...")."""
    from priorauth.text.pipeline import _drug_pattern

    m = _PATIENT_HAS.search(text, start, end)
    if not m:
        return False
    subject = text[m.start() : m.start("rest")]
    return not (_drug_pattern().search(subject) or _NOT_A_PERSON.search(subject + m.group("rest")))


def _spread(text: str, out: TextFacts) -> None:
    spans = [
        (m.start(), m.end())
        for m in _DISJUNCTION.finditer(text)
        if not text[m.end() : m.end() + 3].strip().startswith("?")
        and not _patient_has(text, max(_line_start(text, m.start()), m.start() - 120), m.start())
    ]

    def dropped(d: object) -> bool:
        focus = _focus(d)
        if (
            focus is None
            or not getattr(d, "spread", False)
            or getattr(d, "histology", None)
            or getattr(d, "stage", None)
        ):
            return False
        if any(a <= focus[0] and focus[1] <= b for a, b in spans):
            return True  # [t41s-spread-label-disjunction]
        return bool(_WORKUP_NEGATIVE.match(text, focus[1]))  # [t41s-spread-workup-negative]

    out.diagnoses = [d for d in out.diagnoses if not dropped(d)]


# --- drugs -------------------------------------------------------------------------------------------------------------
# a question on the regimen asked for, then its answer just before the drug
_REGIMEN_QUESTION = re.compile(
    r"(?P<q>[^?\n]{0,40})\?[\"'\u201d]?[ \t]*(?:--|-|\u2013|\u2014|:)?[ \t]*"
    r"(?:(?:told|answered|replied|responded)(?:[ \t]+(?:them|plan|payer|reviewer|the\s+plan))?|A)[ \t]*[:\-]?[ \t]*$",
    re.I,
)
# (review fix) the question must say the regimen is asked for ("requested", "asked for"; a payer's "wanted to know"
# before it); a line of therapy, a duration, PD or a cycle day say it was given
_REGIMEN_ASKED = re.compile(r"\b(?:request\w*|asked\s+for|asking|wanted\s+to\s+know)\b", re.I)
_NOT_ASKED = re.compile(r"\b(?:prior|previous|past|received|history|current|ongoing|last|[1-6]L)\b", re.I)
_GIVEN_MORE = re.compile(
    r"\b(?:[1-6]L|x\s*\d+\s*(?:cycles?|mo\w*|months?|wks?|weeks?)|for\s+\d+\s+(?:cycles?|months?|weeks?)|\d+\s+cycles|"
    r"completed|PD|POD|progress\w*|C\d{1,2}\s*D\d{1,2}|cycle\s*\d+)\b",
    re.I,
)
_PAST_DATE = re.compile(r"\b(?:\d{1,2}/)?(?:\d{1,2}/)?((?:19|20)\d{2})\b")
_PATHWAY_SELECTED = re.compile(
    r"\b(?:(?:pathway\s+)?(?:regimen|option|treatment)\s+selected|pathway\s+selection)\s*:[^\n]{0,20}$", re.I
)
_ARM = re.compile(r"\barm\s+(?P<label>[A-Z]|\d{1,2})\b\s*[:=(]", re.I)
_RESERVE_BEFORE = re.compile(r"\breserv(?:e|es|ing)\s+(?:the\s+)?$", re.I)
# (review fix) a sheet's or leaflet's title, not a list reviewed or a call about the drug
_NOT_A_SHEET = re.compile(r"\b(?:list|reviewed|review|call\w*|phone|question\w*|asks?)\b", re.I)
_SHEET_SECTION = re.compile(
    r"^\W*(?:(?:possible\s+|common\s+|serious\s+)?side\s+effects|how\s+(?:to|should\s+I|do\s+I)\s+take\b[^\n:?]{0,30}|"
    r"warnings?|precautions|storage|how\s+to\s+store\b[^\n:?]{0,20}|missed\s+(?:a\s+)?dose|what\s+(?:is|are)\b[^\n:?]{0,40}|"
    r"take\s+with\b[^\n]*|call\s+your\s+(?:doctor|care\s+team)\b[^\n:?]{0,40})\s*[:?.]",
    re.I | re.M,
)
_INFO_TITLE = re.compile(
    r"^\W*(?:patient\s+)?(?:drug|medication|medicine)\s+(?:information|info|fact\s*sheet|guide)\b(?!\s+request)"
    r"|^\W*medication\s+guide\b",
    re.I,
)
_INFO_LINE = re.compile(
    r"^\W*(?:what\s+(?:it|this\s+(?:drug|medicine))\s+(?:treats|is\s+(?:used\s+)?for)|what\s+is\s+it\s+used\s+for|"
    r"used\s+(?:to\s+treat|for)|uses|approved\s+(?:uses|for))\s*[:?]",
    re.I,
)
_CONSENT_TITLE = re.compile(r"^\W*(?:informed\s+)?consent\s+(?:for|to|form)\b", re.I)
_CONSENT_LINE = re.compile(
    r"^\W*(?:proposed\s+|planned\s+)?(?:treatment|therapy|medication|medicine|drug)(?:\s+proposed)?\s*:", re.I
)
_PRIOR = re.compile(r"\b(?:prior|previous|previously|after|following|s/p)\b", re.I)
_STARTED = re.compile(
    r"\b(?:started|since|currently|continu\w*|cycle\s*\d|C\d{1,2}D\d{1,2}|taking|received|administered|infused)\b",
    re.I,
)


def _given_more(text: str, year: int | None) -> bool:
    """(review fix) given words beyond ``_given_word``: a line of therapy, a duration, PD, a cycle, a past year."""
    if _given_word(text) or _GIVEN_MORE.search(text):
        return True
    return year is not None and any(int(m.group(1)) < year for m in _PAST_DATE.finditer(text))


def _arm_taken(text: str, line: str, arms: list[re.Match[str]], at: int) -> bool:
    """(review fix) the arm the drug is on is the patient's: "randomized to arm A", "Pt was on arm A", or the arm's own
    words say it was given (a PD, a date)."""
    mine = [i for i, a in enumerate(arms) if a.start() <= at]
    if not mine:
        return False
    arm = arms[mine[-1]]
    label = re.escape(arm.group("label"))
    taken = re.compile(
        rf"\b(?:randomi[sz]ed\s+to|assigned\s+to|allocated\s+to|was\s+on|(?<!enrolled\s)on|received)\s+(?:the\s+)?arm\s+"
        rf"{label}\b(?!\s*[:=(])",
        re.I,
    )
    if taken.search(text):
        return True
    own = line[arm.end() : arms[mine[-1] + 1].start() if mine[-1] + 1 < len(arms) else len(line)]
    own = re.split(r"[;)]|\.\s", own)[0]
    return bool(re.search(r"\b(?:PD|POD|progress\w*)\b|\b\d{1,2}/\d{2,4}\b", own, re.I))


def _consent_first_clause(line: str, at: int) -> bool:
    """(review fix) the drug is in the first clause after "Treatment:" (the one consented to)."""
    colon = line.find(":")
    clause = re.split(r"[;.]|,\s+(?=\w)", line[colon + 1 :])[0]
    return colon < at <= colon + 1 + len(clause)


def _meds(text: str, out: TextFacts, year: int | None = None) -> None:
    first_end = text.find("\n") if "\n" in text else len(text)
    title = text[:first_end]
    info_sheet = (
        bool(_INFO_TITLE.match(title))
        and not _NOT_A_SHEET.search(title)
        and any(_INFO_LINE.match(ln) or _SHEET_SECTION.match(ln) for ln in text[first_end:].splitlines())
    )
    consent = bool(_CONSENT_TITLE.match(title))

    def dropped(m: object) -> bool:
        focus = _focus(m)
        if focus is None:
            return False
        start, end = focus
        before = _before_on_line(text, start)
        line = _line(text, start)
        rest = text[end : _line_end(text, end)]
        question = _REGIMEN_QUESTION.search(before)
        if (
            question
            and _REGIMEN_ASKED.search(before[: question.end("q")])
            and not _NOT_ASKED.search(question.group("q"))
        ):
            return not _given_more(rest[:60], year)  # [t41s-drug-regimen-answer]
        if _PATHWAY_SELECTED.search(before):
            return not _given_more(rest, year)  # [t41s-drug-pathway-selected]
        arms = list(_ARM.finditer(line))
        at = start - _line_start(text, start)
        if len(arms) >= 2 and arms[0].start() <= at:
            return not (_given_word(line) or _arm_taken(text, line, arms, at))  # [t41s-drug-trial-arms]
        if _RESERVE_BEFORE.search(before):
            return True  # [t41s-drug-reserved]
        if info_sheet and start < first_end:
            return not _given_word(title)  # [t41s-drug-information-sheet] its title's drug
        if info_sheet and _INFO_LINE.match(line):
            return True  # [t41s-drug-information-sheet]
        if consent and _CONSENT_LINE.match(line) and not _PRIOR.search(before):
            if not _consent_first_clause(line, at):
                return False  # (review fix) a later clause: "...; sotorasib 3/2024-9/2024 with PD"
            return not _STARTED.search(line)  # [t41s-drug-consent-treatment]
        return False

    out.meds = [m for m in out.meds if not dropped(m)]
    if info_sheet:  # [t41s-drug-information-sheet] the drug's indications, not the patient's results

        def on_info_line(f: object) -> bool:
            focus = _focus(f)
            return focus is not None and bool(_INFO_LINE.match(_line(text, focus[0])))

        out.kras = [k for k in out.kras if not on_info_line(k)]
        out.diagnoses = [d for d in out.diagnoses if not (getattr(d, "site", "") != "ild" and on_info_line(d))]


# --- monotherapy, diagnoses of an order template's title -------------------------------------------------------------
_PHARMACY_PROFILE = re.compile(
    r"\bno\s+other\s+(?:(?:anti-?cancer|oncology|cancer|oral|chemo\w*)\s+){0,2}(?:meds|medications|medicines|drugs|agents|"
    r"therapies|rx)\s+(?:on|in)\s+(?:the\s+|his\s+|her\s+|their\s+|pt'?s?\s+|patient'?s?\s+)?(?:pharmacy\s+)?"
    r"(?:profile|file)\b",
    re.I,
)
_DX_LABEL = re.compile(r"\b(?:dx|diagnosis|indication)\s*:", re.I)


def _monotherapy(text: str, out: TextFacts) -> None:
    spans = [(m.start(), m.end()) for m in _PHARMACY_PROFILE.finditer(text)]

    def on_profile(e: object) -> bool:
        focus = _focus(e)
        return focus is not None and any(a <= focus[0] < b for a, b in spans)

    out.monotherapy = [e for e in out.monotherapy if not on_profile(e)]  # [t41s-mono-pharmacy-profile]


_TEMPLATE = re.compile(r"\btemplate\b", re.I)
_THIS_PATIENT = re.compile(r"\b(?:this|the)\s+(?:patient|pt|member)\b|\bthis\s+\d{1,3}\s*[MF]\b", re.I)


def _order_template_title(text: str, out: TextFacts) -> None:
    # (review fix) not a line said of this patient or with an age / sex ("pended ... for this 67M with ...")
    titles = [
        (_line_start(text, m.start()), _line_end(text, m.start()))
        for m in _ORDER_PREVIEW.finditer(text)
        if not _DX_LABEL.search(line := _line(text, m.start()))
        and not _THIS_PATIENT.search(line)
        and not _AGE_SEX.search(line)
    ]
    if not titles:
        return

    def on_title(f: object) -> bool:
        focus = _focus(f)
        return focus is not None and any(a <= focus[0] < b for a, b in titles)

    out.diagnoses = [d for d in out.diagnoses if not on_title(d)]  # [t41s-order-template-title]
    out.kras = [k for k in out.kras if not on_title(k)]


# --- disease status, ILD -----------------------------------------------------------------------------------------------
_BEFORE_CALLING = re.compile(
    r"\b(?:before|prior\s+to|until)\s+(?:calling|declaring|labell?ing|confirming|call(?:ing)?\s+it)\s+(?:it\s+)?"
    r"(?:progression|progressive\s+disease|PD|POD)\b",
    re.I,
)
_PROGRESSION_WORD = re.compile(r"\bprogress\w*|\bP(?:O)?D\b|\bworse\w*", re.I)
# (review fix) "but" / "however" must be followed by a rule-out word; never when a grade, steroids or a held drug are on
# the line (a pneumonitis being treated)
_CONSIDERED_BUT = re.compile(
    r"[ \t]*(?:was[ \t]+)?(?:considered|suspected|entertained|queried|raised|a\s+concern)\b[^.\n]{0,60}?"
    r"(?:\b(?:but|however)\b[^.\n]{0,60}?\b(?:pneumonia|pneumoniae|infect\w*|grew|ruled\s+out|not|excluded)\b|\b(?:ruled\s+out|excluded)\b)"
    r"(?![^.\n]{0,40}\bconfirm)",
    re.I,
)
_TREATED_ILD = re.compile(
    r"\b(?:grade\s*[1-4]|G[1-4]|steroids?|prednis\w*|methylpred\w*|dexameth\w*|solu-?medrol|held|hold\w*)\b", re.I
)
_HISTORY_DENIED = re.compile(
    r"(?:[ \t/,]+(?:ILD|pneumonitis|interstitial\s+lung\s+disease|or|and)\b)*[ \t/]*\bhistory\b[ \t]*(?:--|[-:\u2013\u2014])[ \t]*(?:the[ \t]+)?(?:pt[ \t]+|patient[ \t]+)?"
    r"(?:denies|denied|none|negative|absent|no[ \t]*(?:$|[.,;:)\-\u2013\u2014]))",  # (review fix) a bare "no" only
    re.I | re.M,
)


def _statuses(out: TextFacts) -> None:
    def called_later(text: str) -> bool:
        m = _BEFORE_CALLING.search(text)
        return bool(m) and not _PROGRESSION_WORD.search(text[: m.start()] + " " + text[m.end() :])

    out.statuses = [
        s for s in out.statuses if not (s.status == "worsened" and called_later(s.evidence.text))
    ]  # [t41s-status-before-calling]


def _ild(text: str, out: TextFacts) -> None:
    def ruled_out(d: object) -> bool:
        focus = _focus(d)
        if focus is None or getattr(d, "site", "") != "ild":
            return False
        if _CONSIDERED_BUT.match(text, focus[1]) and not _TREATED_ILD.search(_line(text, focus[0])):
            return True  # [t41s-ild-considered-but]
        return bool(_HISTORY_DENIED.match(text, focus[1]))  # [t41s-ild-history-denied]

    out.diagnoses = [d for d in out.diagnoses if not ruled_out(d)]


def _year(date: str | None) -> int | None:
    m = re.match(r"\s*((?:19|20)\d{2})", date or "")
    return int(m.group(1)) if m else None


def apply(doc: TextDoc, out: TextFacts) -> TextFacts:
    """The facts of one document, less the ones the classes above remove."""
    text = doc.text
    if _several_people(text):  # [t41s-several-people-shapes]
        for kind in _KINDS:
            setattr(out, kind, [])
        return out
    _spread(text, out)
    _meds(text, out, _year(doc.date))
    _monotherapy(text, out)
    _order_template_title(text, out)
    _statuses(out)
    _ild(text, out)
    return out
