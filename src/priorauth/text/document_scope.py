"""Is this document about this patient at all: a document filed to the wrong chart, sent to the wrong
recipient, a log of several patients, a payer's policy or bulletin, a general paragraph, a letter to a relative,
a sample that is not a patient; and the whole-document flags the finding guards read (``_doc_flags``)."""

from __future__ import annotations

import re
from functools import lru_cache

from priorauth.text.pipeline import Finding, patterns, unwrap
from priorauth.text.sources import TextDoc
from priorauth.text.spans import _line_at, _line_end, _line_start

# A banner saying the document is not this patient's ("MISFILED", "belongs to another patient", "scanned to
# the wrong chart", "removed from this chart").
_MISFILED = re.compile(
    r"\bmis-?filed\b|\bbelongs\s+to\s+(?:a(?:nother)?\s+|a\s+different\s+)patient\b|\bwrong\s+(?:patient|chart|mrn)\b"
    r"|\b(?:filed|scanned|uploaded)\s+(?:in)?to\s+(?:the\s+)?wrong\b|\bremoved\s+from\s+(?:this|the\s+patient'?s?)\s+chart\b"
    # (held-out v11, issue 13's twelfth pass) [v11-filed-in-error] "filed to this chart in error", "moved to the
    # correct patient('s chart)": a notice that what it quotes is another patient's
    r"|\b(?:filed|scanned|uploaded|entered|placed)\s+(?:in|on|to|into)\s+(?:this|the)\s+(?:patient'?s?\s+)?(?:chart|record|"
    r"ehr)\s+in\s+error\b|\bmoved\s+to\s+the\s+(?:correct|right|proper)\s+(?:patient|chart|record)\b",
    re.I,
)


# --- held-out OCR v5's classes (issue 17's sixth pass) -------------------------------------------------------------
# A cover notice saying the pages are another patient's or were sent in error, worded any way and read through a
# fax's specks ("belongs to another\n-patient", "NOTICE OF MISDIRECTED FAX"): words joined by any run of marks.
_GAP = r"[\W_]{1,4}"
_MISDIRECTED = re.compile(
    rf"\bmis-?(?:directed|routed|sent|addressed){_GAP}(?:fax|facsimile|transmission|pages?|documents?|records?|report)"
    # [ocr34-glued-article] ... "to a" read glued by a scan ("BELONGS TOA DIFFERENT. PATIENT")
    rf"|\b(?:belongs?|belonging|pertains?|relates?){_GAP}(?:to{_GAP}(?:a{_GAP})?|toa{_GAP})(?:another|different|other){_GAP}"
    rf"(?:patient|person|individual)"
    rf"|\b(?:does|do|did){_GAP}not{_GAP}(?:belong|pertain|relate|refer){_GAP}to{_GAP}(?:this|your|the){_GAP}patient"
    rf"|\b(?:was|were|been){_GAP}(?:faxed|sent|transmitted|routed|forwarded|delivered){_GAP}(?:\w+{_GAP}){{0,5}}"
    rf"in{_GAP}error"
    # [ocr10-wrong-patient-stamp] (held-out OCR v10) a receiving office's stamp anywhere on the first page ("WRONG
    # PATIENT ON PAGE 2 - NOT <name>", "DO NOT FILE IN THIS CHART")
    rf"|\bwrong{_GAP}(?:patient|chart|mrn){_GAP}(?:on|in){_GAP}(?:page|pages|pp?\.?){_GAP}\d"
    rf"|\bdo{_GAP}not{_GAP}file{_GAP}(?:in|into|to|under){_GAP}this{_GAP}(?:patient'?s?{_GAP})?(?:chart|record)"
    # (held-out v14, issue 13's fifteenth pass) [v14-other-person] a referral or letter that concerns someone else
    # ("the enclosed letter concerns a different person's lung cancer", "is about another patient"), and a teaching
    # case made up of several ("anonymised composite for residents", "no real patient is discussed")
    rf"|\b(?:concerns?|concerned|describes?|described|is{_GAP}about|was{_GAP}about){_GAP}(?:a{_GAP})?(?:different|another|other)"
    rf"{_GAP}(?:person|patient|individual|man|woman)\b"
    rf"|\bno{_GAP}real{_GAP}patients?{_GAP}(?:is{_GAP}|are{_GAP}|was{_GAP})?(?:discussed|described|involved|presented)\b"
    rf"|\b(?:anonymi[sz]ed|de-?identified|invented|fictional|fictitious){_GAP}composite\b"
    # (held-out v18, issue 13's nineteenth pass) [v18-not-known-here] a form returned by a clinic that does not know the
    # person ("this person is not known to our clinic", "we hold no record of the patient"): what the form printed is not this
    # patient's.
    rf"|\b(?:patient|person|individual|member){_GAP}(?:is{_GAP})?not{_GAP}known{_GAP}to{_GAP}(?:this|our){_GAP}"
    rf"(?:service|clinic|practice|department|unit|hospital)\b"
    rf"|\bno{_GAP}record{_GAP}of{_GAP}(?:this|the){_GAP}(?:person|patient|individual|member)\b"
    # (held-out v20, issue 13's twenty-first pass, part two) [v20-wrong-recipient] a message that says it reached the
    # wrong readers or names no patient of this chart ("sent to the wrong distribution list", "patient unidentified",
    # "no details for the patient whose chart this was filed in"): what it quotes is someone else's.
    rf"|\bsent{_GAP}to{_GAP}(?:a|the){_GAP}wrong{_GAP}(?:[a-z]+{_GAP})?(?:list|recipients?|address|person|team|inbox|group)\b"
    rf"|\b(?:patient|pt){_GAP}(?:is{_GAP}|was{_GAP})?(?:unidentified|not{_GAP}identified)\b"
    rf"|\bno{_GAP}(?:details|information|info|data){_GAP}(?:for|about|on|of){_GAP}(?:the|this){_GAP}patient{_GAP}whose"
    rf"{_GAP}(?:chart|record|file)\b"
    # (held-out v26, issue 13's twenty-seventh pass, part two) [v26-entry-wrong-subject] a log entry that says it was
    # made for someone else ("this entry was logged on the wrong subject ID", "recorded under the wrong participant"):
    # what it records is another person's. [v26-caller-unverified] a call whose caller or patient could not be
    # identified ("identity of patient could not be verified", "unable to verify the caller's identity"): nothing it
    # quotes is known to be this patient's. An identity verified after all ("could not be verified at first, then
    # confirmed by DOB") is none.
    rf"|\b(?:logged|entered|recorded|charted|documented|filed|keyed)(?:{_GAP}(?:in{_GAP}error))?{_GAP}(?:on|under|against|for|in|to)"
    rf"{_GAP}(?:the{_GAP}|a{_GAP})?wrong{_GAP}(?:study{_GAP})?(?:subject|participant|patient|person|record|id)\b"
    rf"|\bidentity{_GAP}(?:of{_GAP}(?:the{_GAP})?(?:patient|pt|caller|member){_GAP})?(?:could{_GAP}not|cannot|can't|was{_GAP}not|not)"
    rf"{_GAP}(?:be{_GAP})?(?:verified|confirmed|established)\b(?![^.\n]{{0,60}}\b(?:then|but|later|subsequently|eventually)\b"
    rf"[^.\n]{{0,40}}\b(?:verified|confirmed)\b)"
    rf"|\bunable{_GAP}to{_GAP}(?:verify|confirm){_GAP}(?:the{_GAP})?(?:caller|patient|pt|member)(?:'s)?{_GAP}identity\b"
    # (issue 13's t37s pass, held-out v37) [t37s-not-this-patient-body] a log or sheet that says it describes no patient
    # of the chart it is filed in ("it does not describe the patient whose chart it is filed in", "does not concern
    # this patient"). Not "does not describe the patient's <part>".
    rf"|\b(?:does|do|did){_GAP}not{_GAP}(?:describe|concern|apply{_GAP}to|represent){_GAP}(?:this|the){_GAP}(?:patient|pt)\b"
    rf"(?!['\u2019]s\b)",
    re.I,
)
# "If you received this fax in error" is the boilerplate of every cover sheet, not a notice: a condition.
_CONDITION_BEFORE = re.compile(r"\b(?:if|should|in\s+case|when)\b[^.!?\n]*$", re.I)


# [ocr23-other-rows-belong] (held-out OCR v23, issue 17's twenty-fifth pass) A notice whose subject is the other rows
# or entries of a list ("Other rows belong to other patients and are masked", "the remaining samples relate to
# different patients"): a batch sheet routed for one row, not a document of another patient; the rows are read as
# [ocr22-routed-item] allows. "This report belongs to another patient" stays a notice.
_OTHER_PARTS_BEFORE = re.compile(
    r"\b(?:other|remaining|all\s+other|the\s+rest\s+of\s+the)\s+(?:rows?|lines?|entries|samples?|specimens?|items?|"
    r"results?|names?|cases?)\W{1,4}$",
    re.I,
)


def _misdirected(text: str) -> bool:
    """A notice on the document's first page (its first 1,200 characters) that it is not this patient's."""
    head = text[:1200]
    return any(
        not _CONDITION_BEFORE.search(head[max(0, m.start() - 80) : m.start()])
        and not _one_result_withdrawn(head, m)
        and not _OTHER_PARTS_BEFORE.search(head[max(0, m.start() - 40) : m.start()])
        and _stamped_page(text, m) is None  # [ocr32-stamped-page]
        and not stamped_page_at(text, m.start())  # [ocr34-stamp-heads-page-misdirected] a later page's own stamp
        for m in _MISDIRECTED.finditer(head)
    )


# [ocr32-stamped-page] (held-out OCR v31, issue 17's thirty-second pass) A stamp saying that ONE page belongs to
# another patient ("[stamp] RECEIVED IN ERROR - THIS PAGE BELONGS TO ANOTHER PATIENT"), on a page whose own patient
# field names someone else than the document's first ("Patient: <other name>"): another laboratory's page stapled
# behind this patient's report. That page, from the line of its patient field to the stamp's line, is another's; the
# report before it stays this patient's. Guards: a notice about the document ("this report belongs to another
# patient"), or a "this page" notice with no patient field naming someone else before it, voids the document as before.
_PAGE_SUBJECT_BEFORE = re.compile(r"\b(?:this|that|the\s+(?:following|attached|enclosed|stapled|next))\s+page\W{1,4}$", re.I)
_PATIENT_FIELD = re.compile(r"\b(?:patient|pt)(?:\s+name)?\s*:\s*([^\W\d_][\w'-]+)", re.I)


def _stamped_page(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    """The stretch of the other patient's page a "this page belongs to another patient" stamp marks, or None."""
    if not _PAGE_SUBJECT_BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
        return None
    fields = [f for f in _PATIENT_FIELD.finditer(text) if f.start() < m.start()]
    if len(fields) < 2:
        return None
    first = fields[0].group(1).lower()
    other = [f for f in fields[1:] if f.group(1).lower() != first]
    if not other or m.start() - other[-1].start() > 1200:
        return None
    return _line_start(text, other[-1].start()), _line_end(text, m.end())


# [ocr33-stamp-heads-page] (held-out OCR v32, issue 17's thirty-third pass) ... or a stamp at the head of a later page
# ("MISFILED - NOT THIS PATIENT - returned to sender", a fax page's header line above it), the page's own patient field
# naming someone else than the document's first right after it: that page, from the stamp's line to the next page
# header (or the next field naming the document's patient, or the end), is another's; the pages before it stay this
# patient's. Guards: a stamp with no patient field before it (the document's own head: the document is void as
# before), a stamp followed by no other patient's field (the document is void as before).
_NEXT_PAGE_HEADER = re.compile(
    r"^[^\n]*(?:\bP\.?[ \t]?0*\d{1,3}[ \t]*/[ \t]*0*\d{1,3}\b|\bpage[ \t]+\d{1,3}[ \t]+of[ \t]+\d{1,3}\b)[^\n]*$", re.I | re.M
)


def _stamp_heading_page(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    fields = [f for f in _PATIENT_FIELD.finditer(text) if f.start() < m.start()]
    if not fields:
        return None
    first = fields[0].group(1).lower()
    after = _PATIENT_FIELD.search(text, m.end(), min(len(text), m.end() + 300))
    if after is None or after.group(1).lower() == first:
        return None
    end = len(text)
    own = next((f for f in _PATIENT_FIELD.finditer(text, after.end()) if f.group(1).lower() == first), None)
    if own:
        end = _line_start(text, own.start())
    header = _NEXT_PAGE_HEADER.search(text, _line_end(text, after.end()) + 1)
    if header and header.start() < end:
        end = header.start()
    return _line_start(text, m.start()), end


@lru_cache(maxsize=256)
def _stamped_pages(text: str) -> tuple[tuple[int, int], ...]:
    pages = [page for m in _MISDIRECTED.finditer(text) if (page := _stamped_page(text, m))]
    for m in (*_MISDIRECTED.finditer(text), *_MISFILED.finditer(text)):  # [ocr33-stamp-heads-page]
        if not any(start <= m.start() < end for start, end in pages) and (page := _stamp_heading_page(text, m)):
            pages.append(page)
    return tuple(pages)


# [ocr33-page-misfiled] (held-out OCR v32) A title or line saying a PAGE was misfiled ("report with another patient's
# page misfiled in the same transmission", "misfiled page attached"), in a document one of whose later pages is
# stamped as another patient's ([ocr33-stamp-heads-page]): the page is set aside, the document stays this patient's.
# Guard: with no such stamped page found, the notice voids the document as before.
_PAGE_SUBJECT_MISFILED = re.compile(r"\bpages?\b[^.;\n]{0,16}$|\bmis-?filed\s+pages?\b", re.I)


def _page_misfiled(text: str, m: re.Match[str]) -> bool:
    if not (
        _PAGE_SUBJECT_MISFILED.search(text[max(0, m.start() - 30) : m.start()])
        or _PAGE_SUBJECT_MISFILED.match(text, m.start())
    ):
        return False
    return any(start > m.end() for start, _ in _stamped_pages(text))


def stamped_page_at(text: str, at: int) -> bool:
    """[ocr32-stamped-page] ``at`` lies on a page a stamp says belongs to another patient."""
    return any(start <= at < end for start, end in _stamped_pages(text))


# (held-out v18, issue 13's nineteenth pass, part two) [v18-blank-template] A template whose fields are blank
# ('Letter of medical necessity - template (fields blank): "[Patient name] has [stage] NSCLC with KRAS G12C ..."',
# "Appeal template: <patient> has <diagnosis>"): it states nothing about a patient. A template's word and at least two
# placeholders in brackets are needed; a tick box ("[x]", "[ ]") is no placeholder.
_TEMPLATE = re.compile(r"\btemplates?\b|\bfields?\s+(?:left\s+)?(?:blank|empty|unfilled)\b|\bblank\s+(?:form|letter)\b", re.I)
# (held-out v32's safety pass, issue 13) [v32s-example-placeholder] ... a placeholder may show an example of what goes
# in it ("[DIAGNOSIS, e.g. <a diagnosis>]", "<reason, e.g. ...>"), and a reason is a placeholder's field too
_PLACEHOLDER = re.compile(
    r"[\[<{](?:patient|pt|member|name|dob|date|stage|diagnosis|dx|prior|drug|regimen|reason)"
    r"(?:[a-z' ]{0,30}|,?\s+e\.g\.[^\]>}]{0,120})[\]>}]",
    re.I,
)


# (held-out v31's safety pass, issue 13, part b) [v31s-unfilled-template] ... or a template that says it is unfilled
# ("HPI TEMPLATE (unfilled)", "blank template") whose fields hold blanks ("***", "___") or a choice list not yet
# chosen from ("[CR / PR / SD / PD]", "[Y/N]"): it states nothing either. Both are needed: a note written from a
# template with one field left blank keeps what its filled fields say.
_UNFILLED_TEMPLATE = re.compile(
    r"\btemplates?\s*[(\[,:-]?\s*(?:unfilled|blank|empty|not\s+(?:yet\s+)?(?:filled|completed))\b"
    r"|\b(?:unfilled|blank|empty)\s+(?:[\w-]+\s+){0,2}?templates?\b",
    re.I,
)
_BLANK_FIELD = re.compile(r"\*{3,}|_{3,}|\[[^\]\n/]{1,30}(?:/[^\]\n/]{1,30})+\]")


def _blank_template(text: str) -> bool:
    head = text[:1200]
    if _UNFILLED_TEMPLATE.search(head) and len(_BLANK_FIELD.findall(text)) >= 2:
        return True  # [v31s-unfilled-template]
    return bool(_TEMPLATE.search(head)) and len(_PLACEHOLDER.findall(text)) >= 2


def _misfiled(text: str) -> bool:
    head = text[:400]
    return any(
        not (
            _one_result_withdrawn(head, m)
            or _one_entry_in_error(head, m)
            or _asked_or_in_part(head, m)
            or _one_order_wrong_patient(head, m)
            or _page_misfiled(text, m)  # [ocr33-page-misfiled]
            or stamped_page_at(text, m.start())  # [ocr33-stamp-heads-page] the stamp of one page, not the document's
        )
        for m in _MISFILED.finditer(head)
    )


# (held-out v17, issue 13's eighteenth pass) [v17-wrong-patient-part] "wrong chart" asked, not stated ("Subj: wrong
# chart?"), or said of some pages a packet also holds ("the binder also included a list for another man (different MRN)
# - wrong patient pages, sent back"): the document itself stays this patient's; the other's pages are read as the
# sentence that names them allows.
_QUESTION_AFTER = re.compile(r"[ \t]*\?")
_PART_BEFORE = re.compile(
    r"\b(?:also|additionally)\s+(?:contains?|contained|includes?|included|has|had)\b[^\n]{0,160}$", re.I
)


def _asked_or_in_part(text: str, m: re.Match[str]) -> bool:
    return bool(_QUESTION_AFTER.match(text, m.end()) or _PART_BEFORE.search(text, _line_start(text, m.start()), m.start()))


# (held-out v15, issue 13's sixteenth pass) [v15-one-entry-in-error] "wrong patient" given as the reason one list entry
# is marked entered in error ("J84.10 Pulmonary fibrosis - status: ENTERED IN ERROR (wrong patient)") voids that entry
# (see spans._entered_in_error), not the document: the list's other entries are this patient's.
# (held-out v31, issue 13's thirty-second pass) [v31-entry-removed-wrong-chart] ... or the reason one list entry was
# removed ('"Interstitial lung disease" entry removed - documented on the wrong chart'): that entry, not the document.
_ENTRY_IN_ERROR_BEFORE = re.compile(
    r"\bentered\s+in\s+error\b[^\n]{0,40}$"
    r"|\b(?:entry|entries|problem|diagnosis|item)\s+(?:was\s+|were\s+|has\s+been\s+)?(?:removed|deleted|inactivated)\b"
    r"[^.\n]{0,40}$",
    re.I,
)


def _one_entry_in_error(text: str, m: re.Match[str]) -> bool:
    return bool(_ENTRY_IN_ERROR_BEFORE.search(text[max(0, m.start() - 60) : m.start()]))


# (held-out v24, issue 13's twenty-fifth pass, part two) [v24-wrong-patient-order] "wrong patient" said of one order
# ("Dose check cancelled: pembrolizumab order written for the wrong patient (bed 12 vs 14). Order voided", "the
# carboplatin order was placed on the wrong patient"): that order is void (therapy_not_given), not the document, which
# goes on with the correct patient's facts. A document "filed to the wrong patient" stays void.
_ORDER_FOR_BEFORE = re.compile(
    r"\b(?:order|prescription|rx)\s+(?:was\s+)?(?:written|entered|placed|made|signed|sent|created|built)\s+(?:for|on|to|under)\s+"
    r"(?:the\s+|a\s+)?$",
    re.I,
)


def _one_order_wrong_patient(text: str, m: re.Match[str]) -> bool:
    return bool(_ORDER_FOR_BEFORE.search(text[max(0, m.start() - 60) : m.start()]))


# (held-out v9, issue 13's tenth pass) [v9-one-result-withdrawn] A result, block or specimen that "belongs to a
# different patient" in a corrected report ("the KRAS result reported on 11/10 belongs to a different patient and has
# been withdrawn ... the correct result for this patient: ...") voids that result, not the document: the report goes on
# with this patient's.
_RESULT_SUBJECT = re.compile(
    r"\b(?:result|block|specimen|sample|slide|value|variant|finding|call)\b[^.;\n]{0,60}$", re.I
)
_THIS_PATIENTS = re.compile(r"\b(?:for|of|from)\s+this\s+(?:patient|pt)\b", re.I)


# [ocr14-line-removed] (held-out OCR v14, issue 17's sixteenth pass) An amended report's reason: a line of the earlier
# version "does not belong to this patient and has been removed" (deleted, withdrawn, struck out): that line is void,
# the amended report stands. Not a notice that the document itself was removed from the chart or record.
# [ocr25-disregard-part] (held-out OCR v25, issue 17's twenty-seventh pass) ... or "must be disregarded" (ignored,
# discarded): the corrected report's reason for one table of the earlier version, which is read as void.
_REMOVED_AFTER = re.compile(
    r"[^.\n]{0,20}?\b(?:(?:has|have)\s+been\s+(?:removed|deleted|withdrawn|struck(?:\s+out)?|retracted)"
    r"|(?:must|should|is\s+to|are\s+to)\s+be\s+(?:disregarded|ignored|discarded))\b"
    r"(?!\s+from\s+(?:the|this|your)\s+(?:patient'?s?\s+)?(?:chart|record|file|ehr|system))",
    re.I,
)
_AMENDED = re.compile(r"\bamend(?:ed|ment)\b|\bcorrected\s+report\b|\bsupersedes?\b", re.I)


def _one_result_withdrawn(text: str, m: re.Match[str]) -> bool:
    if _REMOVED_AFTER.match(text, m.end()) and _AMENDED.search(text):
        return True  # [ocr14-line-removed]
    return bool(
        _RESULT_SUBJECT.search(text[max(0, m.start() - 80) : m.start()]) and _THIS_PATIENTS.search(text, m.end())
    )


# (held-out v9, issue 13's tenth pass) [v9-several-patients] A log or list of several patients, each under its own
# number ("Pt 17 - KRAS G12D ... Pt 18 - KRAS G12C but active ILD ... Pt 19 - pending"; "Subject 02: ... Subject 03:"):
# no line of it is this patient's chart. Two or more different numbers, each opening an entry. A tumour board's
# cases ("Case 3: ...", "Case 4: (different patient)") mark this patient's among them: not a log.
_PATIENT_ENTRY = re.compile(
    r"(?:^|\n|[.;:]\s+)\W{0,3}(?:pt|patient|subject)\s*#?\s*(\d{1,4})\s*(?:[-:\u2013\u2014)]|\()", re.I
)
_OTHER_MARKED = re.compile(r"\b(?:different|another|other|separate)\s+(?:pt|patient)\b", re.I)


# (held-out v17, issue 13's eighteenth pass) [v17-schedule-initials] ... or a clinic's schedule or huddle sheet, each line a
# time and a patient's dotted initials ("09:00  A.B.  lung adeno IVA, adagrasib alone", "09:20  C.D.  NSCLC squam"): two or more
# different initials. (Dotted only: a day's tests, "08:30  CT  chest", are one patient's.)
_SCHEDULE_ENTRY = re.compile(r"^[ \t]*\d{1,2}[:.h]\d{2}[ \t]+([A-Z]\.[ \t]?[A-Z]\.(?:[ \t]?[A-Z]\.)?)(?=[ \t])", re.M)


# (held-out v32's safety pass, issue 13) [v32s-agenda-cases] ... or a meeting's agenda listing its cases, each opened by
# its number and its own age and sex ("Case 1: 68M, ...  Case 2: 72F, ..."): two or more cases whose age-sex differ are
# several people, none marked as this patient. A board note on one case ("Case 3: 64F ...") stays the patient's.
_CASE_ENTRY = re.compile(
    r"(?:^|\n|[.;]\s+)\W{0,3}case\s*#?\s*(\d{1,3})\s*[-:\u2013\u2014)]\s*(\d{1,3}\s*(?:y/?o|yo|y|-year-old)?\s*[mf])\b",
    re.I,
)


def _several_cases(text: str) -> bool:
    cases = {m.group(1): m.group(2).replace(" ", "").lower() for m in _CASE_ENTRY.finditer(text)}
    return len(cases) >= 2 and len(set(cases.values())) >= 2


def _several_patients(text: str) -> bool:
    entries = {m.group(1) for m in _PATIENT_ENTRY.finditer(text)}
    initials = {m.group(1).replace(" ", "") for m in _SCHEDULE_ENTRY.finditer(text)}
    return (len(entries) >= 2 or len(initials) >= 2 or _several_cases(text)) and not _OTHER_MARKED.search(text)


# (held-out v32's safety pass, issue 13) [v32s-no-patient-title] A document whose title line says it is about no
# patient of this chart: a job posting ("Job posting: Oncology infusion RN ... experience administering <drugs>"), an
# animal's record ("Companion animal oncology - progress note, <veterinary hospital>"), a tool's printout for a generic
# scenario ("cost estimator printout, generic scenario, no patient selected"). The drugs, diagnoses and results it names
# are nobody's here. Only the first line: a social history's "works at a veterinary clinic" is no title.
_NO_PATIENT_TITLE = re.compile(
    r"\bjob\s+(?:posting|description|advert(?:isement)?|opening|listing|vacancy)\b|\bvacancy\s*[:\-\u2013\u2014]|\bnow\s+hiring\b"
    r"|\bveterinary\s+(?:hospital|clinic|referral|oncology|practice|cent(?:er|re)|medical|surgery|service)\b"
    r"|\bcompanion[\s-]animal\b|\b(?:canine|feline|equine)\s+(?:patient|oncology|lymphoma|carcinoma)\b"
    r"|\bno\s+(?:patient|member)\s+(?:selected|chosen|loaded|attached|linked|specified)\b"
    r"|\bgeneric\s+(?:scenario|example|case)\b"
    # (issue 13's t36s pass, held-out v35) [t36s-aggregate-title] a title that says it is about no patient of the record
    # or about a group ("(teaching file, no patient of this record)", "QUALITY AUDIT - ... Aggregate only.")
    r"|\bno\s+patient\s+of\s+(?:this|the)\s+(?:record|chart)\b|\baggregate\s+(?:data\s+|figures\s+)?only\b"
    r"|\bno\s+individual\s+patient\s+data\b"
    # (issue 13's t37s pass, held-out v37) [t37s-not-assigned-title] a library's regimen or template not given to anyone
    # ("TREATMENT PLAN TEMPLATE (regimen library, unsigned, not assigned to a patient)")
    r"|\bnot\s+(?:yet\s+)?(?:assigned|attached|linked|applied)\s+to\s+(?:a|any)\s+(?:patient|member|person)\b",
    re.I,
)


# (held-out v35, issue 13's thirty-seventh pass) [t37-rejection-notice] A laboratory's notice, titled as one, that a
# specimen was rejected or a test cancelled ("SPECIMEN REJECTION NOTICE", "TEST CANCELLATION NOTICE"): the test it
# names ("plasma for KRAS G12C ctDNA assay") gave no result. Only the title: a report that mentions an earlier rejected
# sample beside its own result is a report.
_REJECTION_TITLE = re.compile(
    r"\b(?:specimen|sample)\s+(?:rejection|rejected|not\s+processed)\b|\b(?:test|order|specimen)\s+cancell?ation\b"
    r"|\bcancell?ation\s+notice\b|\bunsuitable\s+(?:specimen|sample)\s+notice\b",
    re.I,
)


def rejection_notice(text: str) -> bool:
    first = next((line for line in text.split("\n", 8) if line.strip()), "")
    return bool(_REJECTION_TITLE.search(first))


# (held-out v35, issue 13's thirty-seventh pass) [t37-device-log] A machine's own log, titled as one ("INFUSION PUMP
# EVENT LOG - device ..."), that says it holds no patient-identifying data: the drug on a bag label it records is tied
# to no patient of the record. A device log without that statement, and a clinical note saying it was de-identified,
# are left to the other rules.
_DEVICE_LOG_TITLE = re.compile(
    r"\b(?:device|pump|instrument|analy[sz]er|machine|cabinet)\s+(?:event\s+|audit\s+|activity\s+|error\s+)?log\b", re.I
)
_NO_PATIENT_DATA = re.compile(
    r"\bno\s+patient[\s-]identif(?:ying|iable)\s+(?:or\s+[\w-]+\s+)?(?:data|information|details)\b", re.I
)


def no_patient_title(text: str) -> bool:
    first = next((line for line in text.split("\n", 8) if line.strip()), "")
    if _DEVICE_LOG_TITLE.search(first) and _NO_PATIENT_DATA.search(text):
        return True  # [t37-device-log]
    return bool(_NO_PATIENT_TITLE.search(first))


@lru_cache(maxsize=2048)
def _doc_flags(text: str) -> tuple[bool, bool, str | None]:
    """Whole-document facts read once: names the lung, names another primary, the test's name."""
    p = patterns()
    test = p["tests"].search(text)
    return bool(p["lung_context"].search(text)), bool(p["other_primary"].search(text)), test.group(0) if test else None


# [ocr9-not-a-patient] A document that says it is not from a patient: a proficiency-testing / external quality
# assessment sample, cell-line material ("THIS IS A PROFICIENCY-TESTING SAMPLE ... IT IS NOT FROM A PATIENT").
_NOT_A_PATIENT = re.compile(
    r"\bnot\s+from\s+a\s+patient\b|\bnot\s+a\s+(?:patient|clinical)\s+(?:specimen|sample)\b|"
    r"\bproficiency[\s-]testing\s+(?:sample|specimen|material)\b"
    # [ocr15-no-patient-material] (held-out OCR v15, issue 17's seventeenth pass) a document that says its samples or
    # cases are no patient's: an interlaboratory comparison's, an assay validation's, a teaching set's ("No patient
    # material.", "Samples were de-identified residual FFPE extracts", "samples are cell-line blends", "All cases are
    # anonymised archive material")
    r"|\bno\s+(?:real\s+)?patient\s+(?:material|samples?|specimens?|dna|tissue)\b"
    r"|\b(?:samples|specimens|extracts|cases|materials)\s+(?:are|were)\s+(?:all\s+)?(?:de-?identified|anonymi[sz]ed|"
    r"cell[\s-]lines?|synthetic|contrived|reference\s+material)\b"
    r"|\banonymi[sz]ed\s+(?:archive|archival|teaching|residual)\s+(?:material|cases?|samples?|specimens?)\b"
    # [ocr15-not-a-result] a document that says it holds no result of the patient: a committee's minutes filed in a
    # record ("no patient result discussed"), a plan's approval of the test itself ("it is not a test result")
    r"|\bno\s+patient(?:'s|s')?\s+(?:test\s+)?results?\b"
    # (a scan glues "it is" into "itis"; "approves the test only" says the same)
    r"|\b(?:it|this\s+(?:notice|letter|document|page|approval|form|authori[sz]ation))\s*is\s+not\s+a\s+(?:test\s+)?result\b"
    r"|\bapprov(?:es|ed|al)\s+(?:of\s+)?(?:the\s+)?test(?:ing)?\s+only\b"
    # [ocr18-not-a-patient-report] (held-out OCR v18, issue 17's twentieth pass) a page that says it is no patient's
    # report or record whatever stock it is printed on ("NOT A PATIENT REPORT", "this is not a real patient's record",
    # "not a clinical report")
    r"|\bnot\s+an?\s+(?:real\s+|actual\s+)?(?:patient(?:'s|\u2019s)?|clinical)\s+(?:report|record|result)s?\b",
    re.I,
)


# [ocr23-section-not-result] (held-out OCR v23, issue 17's twenty-fifth pass) ... said in brackets by a heading that
# introduces a list ("ASSAY SCOPE APPENDIX (the assay can detect the following; it is not a result):"): the words are
# the section's, not the document's. Only the lines under that heading, to a blank line or the page's end, are no
# result; the report's findings above it stand. A banner on a line of its own still speaks for the whole document.
# [ocr23-header-cells] Words read across a table's column gap are no declaration: "Row  Lab no  Patient  Specimen"
# (a header's cells "Lab no", "Patient", "Specimen") says no "no patient specimen".
_SECTION_NOTE_AFTER = re.compile(r"[^()\n]*\)\s*:\s*$", re.M)
_COLUMN_GAP = re.compile(r" {2,}|\t")


def not_a_patient_at(text: str, at: int) -> bool:
    """Whether a no-patient declaration speaks for the text at ``at``: the whole document's, or a section's."""
    for m in _NOT_A_PATIENT.finditer(text):
        if _COLUMN_GAP.search(m.group(0)):
            continue  # [ocr23-header-cells]
        start = _line_start(text, m.start())
        if "(" not in text[start : m.start()] or not _SECTION_NOTE_AFTER.match(text, m.end()):
            return True
        below = text.find("\n", m.end())
        ends = [e for e in (text.find("\n\n", below), text.find("\f", below)) if e >= 0]
        if below >= 0 and below <= at < min(ends, default=len(text)):
            return True
    return False


# The first line of a paragraph that makes the paragraph general: a policy's or a label's text, teaching
# material ("POLICY EXCERPT (...)", "Coverage criteria", "PATIENT EDUCATION HANDOUT").
_GENERAL_HEADING = re.compile(
    r"^\W*(?:[\w-]+\s+){0,2}?(?:policy\s+(?:excerpt|criteria|language|text|statement)|(?:medical|clinical|coverage|drug|"
    r"pharmacy|payer)\s+policy|(?:coverage|approval|authorization)\s+criteria|(?:patient\s+)?education(?:al)?\s+"
    r"(?:handout|material|sheet|leaflet|printed|provided|given)|(?:patient\s+)?handout|patient\s+(?:information\s+)?leaflet(?!\s*\(?\s*(?:personali[sz]ed|individuali[sz]ed|made\s+out|prepared|completed)\b)|flyer|brochure|poster|drug\s+information\s+sheet|package\s+insert|"
    r"prescribing\s+information|monograph|"  # [ocr9-monograph] "FORMULARY MONOGRAPH (excerpt)", "Drug monograph:"
    # [ocr8-provider-bulletin] a payer's bulletin or FAQ for providers ("PROVIDER BULLETIN", "Provider newsletter")
    # (held-out v16, issue 13's seventeenth pass) [v16-signed-prescriber-update] ... but not a prescriber's own update
    # on a patient, signed or dated ("PAP re-enrolment - prescriber update (signed 11/30/2026)")
    r"(?:provider|prescriber|network)\s+(?:bulletin|newsletter|update(?!\s*\(?\s*(?:signed|dated)\b)|faqs?)|"
    r"frequently\s+asked\s+questions|"
    # (held-out v31's safety pass, issue 13) [v31s-no-patient-genre] kinds of text about no patient: a board-review or
    # exam question, a formulary grid, a protocol synopsis, staff in-service notes, a congress abstract (an abstract
    # only with its Background/Methods on its line: a registry's or chart's abstract is a patient's)
    r"(?:board[\s-]review|exam(?:ination)?|quiz|self[\s-]assessment|practice|multiple[\s-]choice)\s+questions?|"
    r"(?:p&t\s+)?formulary\s+(?:grid|table|list|listing|tier\s+list|chart)|(?:protocol|study|trial)\s+synopsis|"
    r"(?:in-?service|staff\s+education)(?:\s+slide)?\s+notes|in-?service\s+(?:slides?|handout)|"
    # (held-out v33's safety pass, issue 13) [v33s-guideline-excerpt] a guideline's or a care pathway's text quoted
    # ("Guideline excerpt (institutional pathway ...): <regimens by setting>"): the regimens it lists are options
    r"(?:(?:practice|treatment|clinical|nccn|esmo|asco|institutional)\s+)?guidelines?\s+(?:excerpt|extract|summary|text|quote)|"
    r"(?:(?:care|clinical|treatment|institutional)\s+)?pathways?\s+(?:excerpt|extract|text)|"
    r"(?:(?:congress|conference|meeting|poster)\s+abstract|(?<!registry\s)(?<!chart\s)abstract)"
    r"(?=[^\n]{0,160}\b(?:background|methods|objectives?|purpose)\s*:))"
    # [ocr20s-split-policy-code] ... its code split in two by a misread mark ("MEDICAL POLICY MP. ONC-114 (excerpt")
    r"(?:\s+[\w.-]+)?(?:\s+[a-z]{0,6}-?\d[\w.-]*)?\s*(?:[:(\-\u2013\u2014]|$"
    # (held-out v30's safety pass, issue 13) [v30s-heading-comma] ... or a comma, then the issuer ("Medical policy
    # excerpt, <plan>", "Recruitment flyer, <unit>"): the issuer of a general text, not a patient
    r"|,\s+[A-Z])",
    re.I,
)


# A heading that says in its own words that what follows is not about this patient ("APPENDIX - about the
# therapies named (general information, not patient-specific)", "Journal club note (not patient care)").
_NOT_PATIENT_HEADING = re.compile(
    r"\bnot\s+(?:patient[\s-](?:specific|care)|for\s+patient\s+care|about\s+(?:this|the)\s+patient)\b|"
    r"\bgeneral\s+(?:drug\s+)?information\b|\bjournal\s+club\b|\bgeneric\s+drug[\s-]info\w*|"
    # (held-out v8) a teaching case from the literature, a protocol's text quoted for reference
    # [ocr24-cited-case-series] "published case series" cited as a request's basis is evidence, no case told
    r"\b(?:educational|teaching|literature|published)\s+case\b(?!\s+series\b)|\bcase\s+(?:taken\s+)?from\s+(?:the\s+)?literature\b|"
    r"\bnot\s+(?:a|our)\s+patient\s+(?:of|at|in)\s+(?:this|our)\s+(?:institution|clinic|practice|hospital|cent(?:er|re))\b|"
    # (held-out v17, issue 13's eighteenth pass) [v17-not-a-clinic-patient] a case said to be nobody's chart ("unknown
    # case (de-identified): ...", "vignette, not a real patient", "not one of our patients")
    r"\bnot\s+(?:a|an|one\s+of\s+our|our)\s+(?:clinic|real|actual|current|registered|hospital)\s+patients?\b|"
    r"\bnot\s+one\s+of\s+our\s+patients\b|\bunknown\s+case\s*(?:\(|[-\u2013\u2014:]|conference)|"
    r"\bprotocol\s+excerpt\b|"
    # (held-out v10) [v10-not-a-patient] a question asked in general, a teaching composite or a slide ("Asking generally,
    # not about a specific patient", "Grand rounds slide 7 (de-identified teaching composite)")
    r"\bnot\s+about\s+(?:a|any)\s+(?:(?:specific|particular|real|individual)\s+)?patient\b|\basking\s+(?:generally|in\s+"
    r"general|hypothetically)\b|\bteaching\s+(?:composite|slide|vignette)\b|\bcomposite\s+(?:case|vignette)\b|"
    # (held-out v28) [v28-grand-rounds-case] a grand rounds case or presentation is general only when its line says it
    # is de-identified, a composite or teaching material: "Medicine grand rounds case summary. A 59-year-old woman
    # ..." presents the chart's patient
    r"\bgrand\s+rounds\s+(?:slide|vignette)\b|\bgrand\s+rounds\s+(?:case|presentation)\b(?=[^\n]{0,80}\b(?:de-?identified|"
    r"anonymi[sz]ed|composite|teaching|hypothetical|literature|fictional)\b)|"
    # [ocr12-fictional-example] (held-out OCR v12) a story an education page tells of an invented person ("Ana's story
    # (a made-up example): ...", "an imaginary patient, Tom, ...")
    r"\b(?:fictional|fictitious|imaginary|invented|made[\s-]up)\s+(?:example|story|character|person|patient)\b"
    # [ocr16-teaching-vignette] (held-out OCR v16, issue 17's eighteenth pass) teaching material filed in a chart that
    # says its case is no patient of the chart's: an anonymised vignette, a page "for teaching only" (a note's "not our
    # pt" is no such statement: a clinic note says it of a relative or a caller, and the rest of it is the patient's)
    r"|\b(?:case\s+)?vignettes?\s*[(\[,-]?\s*(?:anonymi[sz]ed|de-?identified|hypothetical|fictional)\b"
    r"|\b(?:anonymi[sz]ed|de-?identified|hypothetical)\s+(?:case\s+)?vignettes?\b"
    r"|\bfor\s+(?:teaching|education(?:al)?)(?:\s+purposes)?\s+only\b"
    # [ocr16-no-patient-specific] a reference page's own statement that it holds nothing of a patient ("Monograph text
    # only - no patient-specific information"), whatever label sticker the chart put on it
    r"|\bno\s+patient[\s-]specific\s+(?:information|content|data|details|text)\b"
    r"|\b(?:monograph|label|reference|template|handbook)\s+text\s+only\b"
    # (held-out v30's safety pass, issue 13) [v30s-evaluates-no-patient] a decision-support rule or an order-set advisory
    # saying it reads no patient's data ("Rule does not evaluate patient data", "this alert does not use patient
    # information"): the criteria it lists are the rule's
    # (held-out v33's safety pass, issue 13) [v33s-not-any-record] a log or list saying it is no one's record ("not part
    # of any individual's record", "not filed to any patient's chart"): the candidates it lists are nobody's here
    r"|\bnot\s+(?:part\s+of|filed\s+(?:in|to)|from)\s+any\s+(?:individual|patient|person|member)(?:'s|\u2019s|s')?\s+"
    r"(?:medical\s+)?(?:record|chart|file)s?\b"
    # (held-out v34's safety pass, issue 13) [v34s-no-clinical-data-here] a list saying it holds no one's clinical data
    # ("Cases to be presented by registrar; no clinical data in this list"): its case names are nobody's here
    r"|\bno\s+(?:clinical|patient|medical)\s+(?:data|details|information)\s+(?:is\s+|are\s+)?(?:in|on|held\s+in|"
    r"included\s+in)\s+this\s+(?:list|document|sheet|page|log|agenda|pre-?read)\b"
    r"|\b(?:does|do|did)\s+not\s+(?:evaluate|assess|use|read|check|consider|reference)\s+(?:any\s+|the\s+)?"
    r"(?:patient(?:'s|s')?|individual|member)\s+(?:data|information|records?|results?)\b",
    re.I,
)


# [ocr10-cases-below-fictional] (held-out OCR v10, issue 17's twelfth pass) A notice that every case after it is
# invented ("All cases below are fictional and are not about any patient", "The vignettes that follow are
# hypothetical"): each paragraph after it is general, whatever banner the page was printed under.
_CASES_BELOW_FICTIONAL = re.compile(
    r"\b(?:cases?|vignettes?|scenarios?|examples?|patients?)\s+(?:below|that\s+follows?|which\s+follows?|in\s+this\s+"
    r"(?:handout|session|document|worksheet))\s+(?:are|is)\s+(?:all\s+)?(?:fictional|fictitious|hypothetical|invented|"
    r"imaginary|made[\s-]up|composites?)\b|\bthe\s+following\s+(?:cases?|vignettes?|scenarios?)\s+(?:are|is)\s+(?:all\s+)?"
    r"(?:fictional|fictitious|hypothetical|invented|imaginary|made[\s-]up|composites?)\b",
    re.I,
)


# [ocr21-synthetic-identity-tag] (held-out OCR v21, issue 17's twenty-third pass) A chart's identity line tagging its
# patient as invented ("Chart: DOE, JANE  MRN 0012  DOB 1950-01-01 (fictitious patient)", "Name: A. Test (fictional
# patient)  Hosp no 77"), as synthetic or test records are marked: the tag qualifies the identity the chart files the
# document under, it does not make the document a teaching story. The tag is in brackets on a line with an identity
# field (MRN, DOB, hospital / NHS / chart number); "an imaginary patient, Tom, ..." and "(a made-up example)" stay general.
_INVENTED_TAG = re.compile(r"[(\[]\s*(?:a\s+|an\s+)?(?:fictional|fictitious|imaginary|invented|made[\s-]up)\s+(?:patient|person)\s*[)\]]", re.I)
_IDENTITY_FIELD = re.compile(
    r"\b(?:mrn|dob|d\.o\.b\.?|date\s+of\s+birth|(?:hosp(?:ital)?|nhs|chart|medical\s+record|record|unit)\s+(?:no|number|#)\.?)"
    r"(?=[\s:#]*[\w-]*\d)",
    re.I,
)


def _not_patient_statement(paragraph: str) -> bool:
    for m in _NOT_PATIENT_HEADING.finditer(paragraph):
        tag = _INVENTED_TAG.search(paragraph, max(0, m.start() - 4), m.end() + 2)
        if not (tag and _IDENTITY_FIELD.search(_line_at(paragraph, m.start()))):
            return True  # [ocr21-synthetic-identity-tag] an identity line's "(fictitious patient)" is no such statement
    return False


def _general_paragraph(doc: TextDoc, f: Finding) -> bool:
    """The paragraph is general: its first line is a policy's, a label's or teaching material's heading, or the
    paragraph says anywhere that it is not about this patient ("(GENERIC DRUG-INFO TEXT; NOT PATIENT-SPECIFIC)")."""
    return general_at(doc, f.start, f.end)


def general_at(doc: TextDoc, at: int, to: int) -> bool:
    """:func:`_general_paragraph` for the words ``doc.text[at:to]`` (a drug name found outside a finding)."""
    start = doc.text.rfind("\n\n", 0, at)
    start = 0 if start < 0 else start + 2
    end = doc.text.find("\n\n", to)
    paragraph = doc.text[start : end if end >= 0 else len(doc.text)]
    first = paragraph.lstrip("\n").split("\n", 1)[0]
    return (
        bool(_GENERAL_HEADING.match(first) or _not_patient_statement(paragraph))
        or bool(_REFERENCE_SHEET.match(first) or _NO_PATIENT_SENTENCE.search(paragraph))  # [v31s-reference-sheet]
        or bool(_CASES_BELOW_FICTIONAL.search(doc.text, 0, at))
        or policy_document(doc)
        or _structured_abstract(doc.text)  # [v31s-structured-abstract]
    )


# (held-out v31's safety pass, issue 13, part b) [v31s-reference-sheet] A paragraph headed as a reference sheet for
# staff, not a note on a patient: a plan's formulary grid, a coding tip sheet, a trial's protocol synopsis, a nursing
# in-service's slides ("P&T formulary grid, <plan>", "Coding tip sheet:", "IRB protocol synopsis (...)"). The drugs,
# codes and criteria it lists are the sheet's. Only as the paragraph's first words, followed by a heading's mark.
_REFERENCE_SHEET = re.compile(
    r"^\W*(?:[\w-]+\s+){0,2}?(?:(?:p&t\s+)?formulary\s+(?:grid|list|table|chart|update|excerpt)"
    r"|coding\s+(?:tip\s+sheets?|tips?|guide(?:lines?)?|cheat\s+sheet|reference)"
    r"|(?:irb\s+)?(?:protocol|study|trial)\s+synopsis|in-?service\s+(?:slides?|slide\s+notes|notes|handout|session))"
    r"\s*[:(,.\-\u2013\u2014]",
    re.I,
)
# ... and a sheet's own sentence that it holds no patient's data ("No member data.", "No patient discussed."): a
# sentence of its own, so "no patient data received from the outside hospital" is not one.
_NO_PATIENT_SENTENCE = re.compile(
    r"(?:^|[.;!]\s+)(?:no\s+(?:member|patient)(?:'s)?\s+(?:data|information|details)"
    r"|no\s+(?:individual\s+|specific\s+)?patients?\s+(?:was\s+|were\s+|is\s+|are\s+)?(?:discussed|described|named|presented))"
    r"\s*(?:[.;]|$)",
    re.I | re.M,
)
# [v31s-structured-abstract] A conference abstract filed in a chart, known by its heading and its structured sections
# ("Abstract 12 ... Background: ... Methods: ... Results: ... Conclusion: ...") when it has no authors' line
# ([ocr14-filed-abstract] needs one): its patients are a study's cohort. Three of the four sections are needed.
_ABSTRACT_SECTION = re.compile(r"\b(background|methods|results|conclusions?)\s*:", re.I)


def _structured_abstract(text: str) -> bool:
    if not _ABSTRACT_HEADING.search(text[:800]):
        return False
    return len({m.group(1).lower().rstrip("s") for m in _ABSTRACT_SECTION.finditer(text)}) >= 3


# [ocr7-policy-banner] (held-out OCR v7, issue 17's eighth pass) A payer's policy printed with its title as one cell
# of a banner ("GOLDFINCH PLAN   Medical Policy RX-ONC-447   Sotorasib", "Clinical policy CP-12 | Page 1"): the
# whole document is the policy's text, however a scan breaks it into paragraphs, unless it names a patient or member
# (a field "Member:", "Patient name:", "DOB"), as a payer's letter about a request does.
# [ocr12-member-banner] (held-out OCR v12) ... or a dash ("ACME HEALTH - MEDICAL POLICY RX-9: ...")
_BANNER_CELL = re.compile(r" {2,}|\t|\s[|=\u2022\u2013\u2014-]\s")
_PERSON_FIELD = re.compile(
    r"\b(?:patient|member|enrollee|subscriber|beneficiary|name|dob|d\.o\.b|date\s+of\s+birth|mrn|member\s+id)"
    r"(?:\s+(?:name|id|number|no\.?))?\s*[:#]|\bdob\b",
    re.I,
)


# [ocr8-provider-bulletin] ... or ends its cell ("PROVIDER BULLETIN," at the worst fax level)
_SPECK = re.compile(r"(?<=[a-z])[!|'`,;:]+(?=\s|$)", re.I)


# [ocr8-provider-bulletin] A bulletin's or FAQ's name anywhere in the first lines ("Oncology prior authorization:
# frequently asked questions"; a scan's "PROVIDF-RBULLETIN" keeps "BULLETIN").
_BULLETIN = re.compile(r"bulletin\b|\bnewsletter\b|\bfrequently\s+asked\s+questions\b|\bfaqs?\b", re.I)


_SENTENCE_LINE = re.compile(r"[a-z]\.\s*$", re.I)  # a sentence ("See the provider bulletin."), not a title


# [ocr17-no-patient-genre] (held-out OCR v17, issue 17's nineteenth pass) A document of a kind that is nobody's result,
# named in its first lines: a material's certificate of analysis or data sheet (a reference standard, a control), a
# laboratory's handbook or test catalogue entry, a patient-information leaflet ("Understanding your KRAS test",
# "Information for patients"). The variants it names are a material's, an assay's or an explanation's. Like a policy,
# only when no patient or member field names a person (a leaflet filled in for a named patient is read).
_NO_PATIENT_GENRE = re.compile(
    r"\bcertificate\s+of\s+(?:analysis|conformance|conformity)\b|\b(?:product|technical|safety)\s+data\s*sheet\b"
    r"|\b(?:user|users'?|laboratory|lab|service|specimen\s+collection)\s+(?:handbook|manual|guide)\b"
    r"|\btest\s+(?:catalogue|catalog|directory|compendium)\b"
    # (held-out v34's safety pass) [v34s-information-sheet] ... titled "Patient information sheet" as well
    r"|\b(?:patient|public)\s+(?:information\s+)?(?:leaflet|booklet|information\s+sheet)\b|\binformation\s+for\s+patients\b"
    r"|\bpatient\s+information\s+sheet\b"
    r"|\bunderstanding\s+your\s+(?:[\w-]+\s+){0,2}?(?:test|result|report|diagnosis|cancer)s?\b",
    re.I,
)


# ... a leaflet made out for the patient ("Patient leaflet (personalised): you are taking ...") is the patient's
_PERSONALISED = re.compile(r"\b(?:personali[sz]ed|individuali[sz]ed|made\s+out\s+for|prepared\s+for|completed\s+for)\b", re.I)


def policy_document(doc: TextDoc) -> bool:
    head = [line for line in doc.text.split("\n", 12)[:12] if line.strip()][:3]
    # a speck a scan glued to a word's end ("Medical! Policy") is dropped
    cells = [_SPECK.sub("", c).strip() for line in head for c in _BANNER_CELL.split(line) if c.strip()]
    general = any(_GENERAL_HEADING.match(c) for c in cells) or any(
        (_BULLETIN.search(line) or (_NO_PATIENT_GENRE.search(line) and not _PERSONALISED.search(line)))
        and not _SENTENCE_LINE.search(line)
        for line in head
    )
    return general and not any(
        not _TRANSMITTAL.search(_line_at(doc.text, m.start())) and not _BLANK_VALUE.match(doc.text, m.end())
        for m in _PERSON_FIELD.finditer(doc.text)
    )


# (held-out v34's safety pass) [v34s-information-sheet] A person field left blank ("Name: ______  Date: ______", "DOB:
# ........") names no one: a leaflet's blank lines for the reader to fill in. A filled field ("Name: M. Jones") stands.
_BLANK_VALUE = re.compile(r"[ \t]*(?:_{2,}|\.{4,})")


# [ocr9-monograph] (held-out OCR v9, issue 17's eleventh pass) A general document faxed with a request names the
# member only on its transmittal line ("Faxed with PA form; member: ...", "Attached to the request for patient ...",
# "Enclosed with prior-auth request - Member ID"): that line says what the pages travel with, the pages stay general.
# [ocr12-member-banner] (held-out OCR v12, issue 17's fourteenth pass) A member banner a payer's system prints above
# the policy ("MEMBER: ...   ID ...   Printed with request PA-..."): the same transmittal line.
_TRANSMITTAL = re.compile(
    r"\b(?:faxed|sent|attached|enclosed|forwarded|submitted|included|printed)\s+(?:\w+\s+){0,2}?(?:with|to)\b[^\n]{0,40}"
    r"\b(?:pa|prior[\s-]auth\w*|request|form|submission|fax)\b"
    # [ocr12-member-banner] ... whatever a scan made of its verb ("Painted with request PA-26-..."): a participle, then
    # "with request" and the request's number
    r"|\b[a-z]{3,10}ed\s+with\s+(?:the\s+)?(?:pa\s+|prior[\s-]auth\w*\s+)?request\s+(?:no\.?\s*|#\s*)?[a-z]{0,4}-?\d",
    re.I,
)


# --- held-out OCR v5's KRAS classes (issue 17's sixth pass) ---------------------------------------------------------
# A relative's tumor: the text names a relative with a cancer ("His sister was treated for lung cancer; he
# reports that her tumor carried G12C", "father died of lung cancer; his tumor was reported to carry ..."), then a
# tumor, test or result that is "his", "her" or "their", before the finding: the relative's, not the patient's.
_KIN = (
    r"father|mother|dad|mom|mum|sister|brother|sibling|son|daughter|aunt|uncle|cousin|niece|nephew|twin|"
    r"grand(?:father|mother|parent|son|daughter)|half-(?:brother|sister)"
)
_RELATIVE = re.compile(rf"\b(?:{_KIN})s?\b", re.I)
KIN = _KIN  # the kin words, for kras_clauses.relative_has_variant
_RELATIVE_ILL = re.compile(
    r"\b(?:cancer|tumou?r|carcinoma|malignan\w*|diagnos\w*|treated|died|passed|deceased)\b", re.I
)
_THEIR_TUMOR = re.compile(
    r"\b(?:his|her|their)\s+(?:own\s+)?(?:\w+\s+){0,2}?(?:tumou?rs?|cancers?|biops(?:y|ies)|specimens?|samples?|"
    r"tests?|testing|ngs|panel|reports?|profiling|results?|genotyping|mutations?|disease)\b",
    re.I,
)


# [ocr15-relative-field] (held-out OCR v15, issue 17's seventeenth pass) A family history or pedigree that gives a
# relative as a field ("father: lung adenocarcinoma at 64, tumour KRAS G12C", "Mother - NSCLC; her ...") and the
# finding in the same clause, no patient named between: the relative's. And a variant said to be in a relative's
# tumour ("somatic KRAS G12C in a parent's tumour is not inherited").
_RELATIVE_FIELD = re.compile(rf"\b(?:{_KIN}|parent)s?\s*[:=\u2013\u2014-]\s", re.I)
_PATIENT_NAMED = re.compile(r"\b(?:patient|pt|proband|consultand|index\s+case)\b|\b(?:he|she)\s+(?:himself|herself)\b", re.I)
_IN_RELATIVES_TUMOR = re.compile(
    rf"[ \t]*(?:mutation|variant|change)?[ \t]*(?:found\s+|seen\s+|detected\s+)?in\s+(?:a|his|her|their|the|your|one)\s+"
    rf"(?:late\s+)?(?:{_KIN}|parent|relative)(?:['\u2019]s|s['\u2019])\s+(?:\w+\s+)?(?:tumou?r|cancer|carcinoma|biopsy)",
    re.I,
)


# (held-out v22, issue 13's twenty-third pass) [v22-kras-noted-for-relative] A result said, right after it, to be a
# relative's ('"KRAS G12C" noted for the patient's cousin', "G12C reported in his brother"): the relative's.
_NOTED_FOR_RELATIVE = re.compile(
    rf"[\"'\u201d\u2019)\s]*(?:(?:was|is|were)\s+)?(?:noted|reported|found|detected|known|documented|seen|identified)\s+"
    rf"(?:for|in)\s+(?:the\s+)?(?:(?:patient|pt)(?:['\u2019]s)?\s+|his\s+|her\s+|their\s+|a\s+)?(?:late\s+)?(?:{_KIN}|relative)s?\b",
    re.I,
)


def _relative_field(doc: TextDoc, f: Finding) -> bool:
    if _IN_RELATIVES_TUMOR.match(doc.text, f.end) or _NOTED_FOR_RELATIVE.match(doc.text, f.end):
        return True
    # a stop before a lower-case word, specks between, is a scan's speck ("lung adenocarcinoma. at 64..\n{> tumour")
    clause = re.split(r"[.!?;]+(?:\s+(?!\W{0,5}[a-z])|\s*$)|\n[ \t]*\n", unwrap(doc.text)[max(0, f.start - 200) : f.start])[-1]
    for rel in _RELATIVE_FIELD.finditer(clause):
        rest = clause[rel.end() :]
        if _RELATIVE_ILL.search(rest) and not _PATIENT_NAMED.search(rest):
            return True
    return False


def _relatives_tumor(doc: TextDoc, f: Finding) -> bool:
    """Read back to the last full stop (up to 300 characters), across line breaks: a history wraps anywhere."""
    if _relative_field(doc, f):
        return True  # [ocr15-relative-field]
    before = re.split(r"[.!?](?:\s|$)", unwrap(doc.text)[max(0, f.start - 300) : f.start])[-1]
    for rel in _RELATIVE.finditer(before):
        for poss in _THEIR_TUMOR.finditer(before, rel.end()):
            if _RELATIVE_ILL.search(before, rel.end(), poss.start()):
                return True
    return False


# [ocr14-companion-sentence] (held-out OCR v14, issue 17's sixteenth pass) A note naming the patient's companion by the
# patient's own pronoun ("Seen with her husband.", "his wife came along; ..."), then a sentence whose subject is the
# companion's pronoun, the other one ("He is himself on sotorasib for a KRAS G12C lung cancer"): the companion's
# tumour, not the patient's. Only when the sentence names no patient's pronoun before the finding ("She says he ...").
_MALE_KIN = r"husband|father|dad|brother|son|uncle|nephew|grandfather|grandson|boyfriend|fianc[eé]"
_FEMALE_KIN = r"wife|mother|mum|mom|sister|daughter|aunt|niece|grandmother|granddaughter|girlfriend|fianc[eé]e"
_COMPANION = re.compile(rf"\b(?:(her)\s+(?:{_MALE_KIN})|(his)\s+(?:{_FEMALE_KIN}))\b", re.I)
_SUBJECT = {"her": re.compile(r"^\W*he\b", re.I), "his": re.compile(r"^\W*she\b", re.I)}
_OWN_PRONOUN = {"her": re.compile(r"\b(?:she|her|hers|herself)\b", re.I), "his": re.compile(r"\b(?:he|his|him|himself)\b", re.I)}


def _companion_sentence(doc: TextDoc, f: Finding) -> bool:
    text = unwrap(doc.text)
    # a stop before a lower-case word is a scan's speck, no sentence's end ("for a lung cancer. with a KRAS G12C ...")
    parts = re.split(r"[.!?](?:\s+(?![a-z])|\s*$)", text[max(0, f.start - 400) : f.start])
    if len(parts) < 2:
        return False
    sentence, previous = parts[-1], parts[-2]
    for m in _COMPANION.finditer(previous):
        own = "her" if m.group(1) else "his"
        if _SUBJECT[own].match(sentence) and not _OWN_PRONOUN[own].search(sentence):
            return True
    return False


# [ocr14-filed-abstract] A conference abstract or published case report filed in a chart ("ABSTRACT 412 - ... meeting
# (poster session C)" with its "Authors:" line): the case it describes is the literature's, not this patient's. Both the
# heading and the authors' line are needed (a report citing a paper keeps its own result).
_ABSTRACT_HEADING = re.compile(
    r"^\W{0,3}(?:(?:conference|meeting|congress)\s+)?(?:abstract|poster|case\s+report)\b[^\n]{0,12}?(?:\d|\s-\s|:)",
    re.I | re.M,
)
_AUTHORS_LINE = re.compile(r"^\W{0,3}authors?\s*:", re.I | re.M)


def _filed_publication(text: str) -> bool:
    return bool(_ABSTRACT_HEADING.search(text[:800]) and _AUTHORS_LINE.search(text))


# [ocr8-letter-to-relative] (held-out OCR v8, issue 17's ninth pass) A letter written to a patient's relative ("Dear
# Ms ...", "your mother's result", "your father's test"): a result it states in the third person ("The tumour test
# showed KRAS G12C") is the relative's, seen from the reader's side; only a sentence about "you" is the addressee's.
_YOUR_RELATIVE = re.compile(  # the kin of _RELATIVE, and a spouse or partner
    rf"\byour\s+(?:late\s+)?(?:{_KIN}|husband|wife|partner|spouse)(?:['\u2019]s|\s+(?:had|has|was|died|is))\b"
    # [ocr10-cancer-of-your-relative] (held-out OCR v10) "the lung cancer of your sister", "the tumour test of your late
    # father": the illness named with "of your <relative>"
    rf"|\b(?:cancer|tumou?r|carcinoma|disease|diagnosis|illness|results?|test(?:ing)?)\s+of\s+your\s+(?:[^\w\s]{{1,2}}\s+|[a-z]\s+)?"
    rf"(?:late\s+)?"  # a scan's speck between the words ("of your  i\nsister")
    rf"(?:{_KIN}|husband|wife|partner|spouse)\b",
    re.I,
)
_SALUTATION = re.compile(r"^\s*dear\s+\w", re.I | re.M)
_YOU = re.compile(r"\byou(?:r|rs|rself)?\b", re.I)


def _letter_to_relative(doc: TextDoc, f: Finding) -> bool:
    return bool(_SALUTATION.search(doc.text) and _YOUR_RELATIVE.search(doc.text) and not _YOU.search(f.sentence))


# [ocr10-superseded-copy] (held-out OCR v10, issue 17's twelfth pass) A copy of an earlier printout kept behind the final
# report under a banner that says it is superseded ("COPY OF PRELIMINARY PRINTOUT - SUPERSEDED - NOT FOR CLINICAL
# USE", "Draft (superseded) - audit copy"): nothing after the banner, to the end of its page, is a result. A report
# that "supersedes" an earlier one is the final one, and a sentence about a superseded printout is no banner: the
# banner's word is in capitals or set off by a dash, colon, bracket or bar, on a line naming the copy.
_SUPERSEDED_BANNER = re.compile(
    r"^[^\n]{0,60}(?:\bSUPERSEDED\b|(?i:[-\u2013\u2014:(\[|*]\s*superseded\b|\bsuperseded\s*[-\u2013\u2014:)\]|*]))[^\n]{0,60}$",
    re.M,
)
# [ocr13-audit-copy] (held-out OCR v13, issue 17's fifteenth pass) ... or a banner that says the page is kept only for
# the record ("[SUPERSEDED - kept for audit purposes]", "SUPERSEDED: retained for the record only").
_COPY_WORD = re.compile(
    r"\b(?:preliminary|draft|copy|printout|print-?out|earlier|previous|prior|interim|not\s+for\s+clinical\s+use|"
    r"(?:retained|kept|held|filed)\s+for\s+(?:the\s+)?(?:audit|record|records|file)|audit\s+(?:only|purposes|trail))\b",
    re.I,
)


# [ocr23-superseded-section] (held-out OCR v23, issue 17's twenty-fifth pass) ... up to a heading of the result that
# replaces it, when one follows ("PRIOR RESULT (2026-11-14) - SUPERSEDED, DO NOT USE:" ... "CORRECTED RESULT
# (2026-11-22):"): the banner heads the prior result's section only, the corrected result under its own heading stands.
_CURRENT_HEADING = re.compile(
    r"^\W{0,3}(?:corrected|current|revised|amended|updated|new|final|replacement|valid)\s+(?:(?:kras|molecular|test)\s+)?"
    r"(?:results?|findings?|report|interpretation)\b[^\n]{0,40}:\s*$",
    re.I | re.M,
)


def _superseded_copy(doc: TextDoc, f: Finding) -> bool:
    for m in _SUPERSEDED_BANNER.finditer(doc.text, 0, f.start):
        if not _COPY_WORD.search(m.group(0)) or "\f" in doc.text[m.end() : f.start]:
            continue
        if not _CURRENT_HEADING.search(doc.text, m.end(), _line_start(doc.text, f.start)):
            return True
    return False


# [ocr15-marked-row] (held-out OCR v15, issue 17's seventeenth pass) A table of several people's or samples' rows that
# marks one row as this patient's ("7  E.D. / 6B-2281 (THIS PT)  ...", "B1  26-M-5117 (this pt)  G12C  undet"): a
# ward's handover list, a run's export with its controls. Every other row of it (another bed's patient, a positive
# control, a blank) is no result of this patient; the marked row and every line outside the table stay.
_THIS_PT_MARK = re.compile(r"[(\[]\s*(?:this|current|index)\s+(?:pt|patient|chart)\s*[)\]]", re.I)
_ROW_GAP = re.compile(r"\S(?: {2,}|\t)\S")


def _other_row(doc: TextDoc, f: Finding) -> bool:
    line = _line_at(doc.text, f.start)
    if not _ROW_GAP.search(line) or _THIS_PT_MARK.search(line):
        return False
    if _other_item(doc.text, line):
        return True  # [ocr17-filed-item]
    return any(_ROW_GAP.search(_line_at(doc.text, m.start())) for m in _THIS_PT_MARK.finditer(doc.text))


# [ocr17-filed-item] (held-out OCR v17, issue 17's safety pass) A numbered list of several people's rows filed to one
# chart, the filing line naming this patient's row in brackets ("FILED TO CHART OF: DOE, Jane (item 4)", "Copy for the
# record of J. Doe (row 2)"): a meeting's agenda, a clinic's list. A row of it whose label is not that number (another
# item's patient, or the label a scan misread, "I" for "1") is no result of this patient; the marked row, a line
# without a row's label and every line outside the list stay. Only when the marked row is there, among three numbered
# rows or more.
_FILED_ITEM = re.compile(
    r"\b(?:chart|record)\s+of\b[^\n]{0,80}?[(\[]\s*(?:see\s+)?(?:item|row|entry|line)\s*(?:no\.?\s*|#\s*)?(\d{1,3})"
    # [ocr17-row-below] (held-out OCR v17, issue 17's nineteenth pass) ... with a word saying where ("(row 3 below)")
    r"(?:\s+(?:below|above|of\s+the\s+(?:list|table|sheet|worksheet)|on\s+(?:this|the)\s+(?:list|sheet|page)))?\s*[)\]]",
    re.I,
)
_ROW_LABEL = re.compile(r"^\W{0,2}([A-Za-z0-9]{1,3})[.)]?(?: {2,}|\t)\S")


# [ocr17-specked-label] (held-out OCR v17, issue 17's nineteenth pass) ... a row's number a scan glued a speck to and
# set one space from its first cell ("2s LF+26-5514  colon resection  ...") is still the row's label: a label with a
# digit, on a line of cells.
_SPECKED_ROW_LABEL = re.compile(r"^\W{0,2}(\d[A-Za-z0-9]{0,2})[.)]? \S")


# [ocr22-routed-item] (held-out OCR v22, issue 17's twenty-fourth pass) ... or a fax routing line naming the one row
# meant for this chart ("FAXED TO DR X - RE: SAMPLE 06 ONLY", "for item 3 only"; a scan's speck after the number,
# "SAMPLE 06. ONLY"): a run sheet of several patients' samples with its controls. The same rule as above: the named
# row stays, every other numbered row is another's (among three numbered rows or more).
_ROUTED_ITEM = re.compile(
    r"\b(?:(?:re|regarding|concerning|for)\s*:?\s*)?(?:sample|item|row|entry|specimen)\s*(?:no\.?\s*|#\s*)?(\d{1,3})[.,]?"
    r"\s+only\b",
    re.I,
)


def _other_item(text: str, line: str) -> bool:
    mark = _FILED_ITEM.search(text) or _ROUTED_ITEM.search(text)
    row = _ROW_LABEL.match(line) or _SPECKED_ROW_LABEL.match(line)
    if mark is None or row is None or _FILED_ITEM.search(line) or _ROUTED_ITEM.search(line):
        return False
    own = mark.group(1)
    numbers = {r.group(1) for x in text.split("\n") if (r := _ROW_LABEL.match(x)) and r.group(1).isdigit()}
    if own not in numbers or len(numbers) < 3:
        return False  # the marked row is there, in a numbered list of three rows or more
    return row.group(1) != own


# [ocr18-no-result-held] (held-out OCR v18, issue 17's twentieth pass) A document that says in its own words that it
# holds no KRAS or molecular result: a requisition stamped not resulted ("RECEIVED - AWAITING SPECIMEN - NOT
# RESULTED"), a pathology report whose molecular request was withdrawn ("No KRAS result is available from this
# laboratory"), a send-out or courier form ("Result: to be reported by the reference laboratory"), a biobank or
# freezer inventory ("no molecular data are held in this inventory"). The variant such a document names is what was
# ordered, sent for or screened for, no result. A declaration about another named test ("PD-L1: not resulted", "EGFR
# result to follow") is none: a report's KRAS result beside a pending test stands. The caller keeps a line that
# carries a result word of its own (a table row "KRAS  p.G12C  25%").
# Words of a declaration may be parted by a scan's speck standing alone ("data are  i\nheld"): one short token of
# marks or one letter between two words.
_SP = r"\s+(?:(?:[^\w\s]{1,3}|\w)\s+)?"
_NO_RESULT_HELD = re.compile(
    rf"\bno{_SP}(?:k-?ras|molecular|mutation|genomic|ngs|biomarker|sequencing|(?:tumou?r\s+)?gene(?:tic)?){_SP}"
    rf"(?:test(?:ing)?{_SP})?(?:results?|data|findings?|report){_SP}(?:is|are|was|were|has\s+been|have\s+been){_SP}"
    rf"(?:yet{_SP})?(?:available|held|reported|issued|included|contained|recorded|on\s+file|stored)\b"
    r"|\bnot\s+(?:yet\s+)?resulted\b"
    r"|\bresults?\s*[:=\u2013\u2014-]\s*(?:to\s+(?:be\s+)?(?:reported|issued|sent|follow)|pending|awaited|not\s+(?:yet\s+)?"
    r"(?:available|reported|issued|resulted))\b"
    r"|\bawaiting\s+(?:the\s+)?(?:specimen|sample|tissue|block)\b",
    re.I,
)
# [ocr19-no-result-declared] (held-out OCR v19, issue 17's twenty-first pass) more wordings of the same declaration:
# "results not back yet", "result will be issued separately", "no sample yet", "Result field: NOT RECEIVED", "no
# valid result is available", "no local KRAS result exists"; here a speck may also be glued to a word ("result. will
# be issued").
_SPECK_SP = r"[^\w\s]{0,2}" + _SP
# [ocr22-no-result-declared] (held-out OCR v22, issue 17's twenty-fourth pass) a result that replaces a withdrawn one
# ("no replacement result is available at this time"), and an acknowledgement that says so of itself ("This
# acknowledgement is not a result."; a report "will be issued when testing is complete").
_NEW_ONE = r"replacement|new|repeat|corrected|amended|updated|substitute"
_DECLARED_NO_RESULT = re.compile(
    rf"\bresults?{_SPECK_SP}(?:(?:are|is){_SPECK_SP})?not{_SPECK_SP}(?:back|in|ready|through)(?:{_SPECK_SP}yet)?\b"
    rf"|\bresults?{_SPECK_SP}(?:will|to){_SPECK_SP}(?:be{_SPECK_SP})?(?:issued|reported|sent|released){_SPECK_SP}"
    r"(?:separately|later)\b"
    rf"|\bno{_SPECK_SP}(?:sample|specimen|block|tissue){_SPECK_SP}(?:(?:has{_SPECK_SP}been{_SPECK_SP}|was{_SPECK_SP})?"
    rf"received{_SPECK_SP})?yet\b"
    r"|\bresults?(?:\s+field)?(?:\s+for\s+[^:\n]{1,30})?\s*[:=\u2013\u2014-]\s*not\s+(?:yet\s+)?received\b"
    rf"|\bno{_SPECK_SP}(?:valid|local|current|final|reportable|{_NEW_ONE}){_SPECK_SP}(?:k-?ras{_SPECK_SP}|molecular{_SPECK_SP})?"
    rf"results?{_SPECK_SP}(?:is|are|was|exists?)\b"
    # [ocr22-no-result-declared] "A report will be issued when testing is complete": no result yet
    rf"|\b(?:results?|reports?){_SPECK_SP}will{_SPECK_SP}be{_SPECK_SP}(?:issued|sent|released){_SPECK_SP}(?:when|once|after)"
    rf"{_SPECK_SP}(?:the{_SPECK_SP})?(?:testing|analysis|test|sequencing){_SPECK_SP}(?:is|has{_SPECK_SP}been){_SPECK_SP}"
    r"(?:complete[d]?|finished|done)\b",
    re.I,
)
# [ocr20-no-result-declared] (held-out OCR v20, issue 17's twenty-second pass) the declaration in more wordings: a
# notice or letter that gives no result or no patient's information ("No result is given in this notice", "no
# subject-level information is contained in this letter"), a patient who "has no valid KRAS result" (a suspended
# result), an outside result "not known to us", a receipt whose "Analysis performed: NONE", a germline panel on which
# "KRAS is not on this panel". A scan's speck may stand for the hyphen ("No subject. level information", v20's worst
# level).
_DOC_WORD = (
    r"(?:notice|letter|document|form|receipt|bulletin|memo|message|update|circular|acknowledge?ment|confirmation|"
    r"request)"
)
_NO_RESULT_GIVEN = re.compile(
    rf"\bno{_SPECK_SP}(?:results?|(?:subject|patient|individual|person)(?:{_SPECK_SP}|[\s-])?(?:level{_SPECK_SP})?"
    rf"(?:information|data|results?)){_SPECK_SP}(?:is|are){_SPECK_SP}(?:given|provided|contained|included|reported|"
    rf"shown){_SPECK_SP}in{_SPECK_SP}this{_SPECK_SP}{_DOC_WORD}\b"
    rf"|\bthis{_SPECK_SP}{_DOC_WORD}{_SPECK_SP}(?:contains|gives|includes|holds){_SPECK_SP}no{_SPECK_SP}"
    rf"(?:(?:patient|subject|individual)(?:{_SPECK_SP}|[\s-])?(?:level{_SPECK_SP})?)?(?:results?|information|data)\b"
    rf"|\b(?:has|have){_SPECK_SP}no{_SPECK_SP}(?:valid|current|reportable|usable){_SPECK_SP}(?:k-?ras{_SPECK_SP}|"
    rf"molecular{_SPECK_SP})?results?\b"
    rf"|\b(?:its|the|their){_SPECK_SP}results?{_SPECK_SP}(?:is|are){_SPECK_SP}not{_SPECK_SP}known\b"
    rf"|\bthis{_SPECK_SP}{_DOC_WORD}{_SPECK_SP}is{_SPECK_SP}not{_SPECK_SP}a{_SPECK_SP}(?:test{_SPECK_SP})?(?:result|report)\b"
    r"|\b(?:analys[ie]s|testing|tests?)\s+performed\s*[:=\u2013\u2014-]\s*none\b"
    rf"|\bk-?ras{_SPECK_SP}(?:is|was){_SPECK_SP}not{_SPECK_SP}(?:on|in|part{_SPECK_SP}of|included{_SPECK_SP}(?:on|in)|"
    rf"covered{_SPECK_SP}by){_SPECK_SP}this{_SPECK_SP}(?:panel|test|assay)\b",
    re.I,
)
# genes and tests other than KRAS whose result a line may be about
OTHER_GENES = r"egfr|alk|ros-?1|braf|met|ret|ntrk\d?|her-?2|erbb2|pd-?l1|nras|tp53|msi|mmr|tmb"
_OTHER_TEST_BEFORE = re.compile(rf"\b(?:{OTHER_GENES}|fish|ihc)\b[^.;\n]{{0,25}}$", re.I)


def no_result_held(text: str) -> bool:
    """[ocr18-no-result-held], [ocr19-no-result-declared], [ocr20-no-result-declared] The document declares that it holds no KRAS or molecular
    result; a declaration about another named test on its line, or under a condition ("if no result is available"),
    is none."""
    return any(
        not _OTHER_TEST_BEFORE.search(text[_line_start(text, m.start()) : m.start()])
        and not _CONDITION_BEFORE.search(text[max(_line_start(text, m.start()), m.start() - 60) : m.start()])
        for pattern in (_NO_RESULT_HELD, _DECLARED_NO_RESULT, _NO_RESULT_GIVEN)
        for m in pattern.finditer(text)
    )


# (held-out v28, issue 13's twenty-ninth pass, part two) [v28-relative-subject] A clause whose subject is a relative
# ("Patient's husband reports his own lung adenocarcinoma is treated with sotorasib", "Su hermano tiene cáncer de pulmón
# y toma sotorasib"), or whose subject is the pronoun of a relative named as the subject of the clause before it ("Her
# father died of lung cancer; he had chemotherapy with carboplatin"): the relative's finding, not the patient's. Guards:
# a clause with no word of the relative's own illness or use ("takes", "toma", "is treated", "his own": "patient's
# wife collects the adagrasib" is the patient's drug), a relative who tells what the patient had ("husband reports
# she had ...", "per wife: ..."), a clause naming the
# patient between the relative and the finding (a word or a pronoun other than "his own" / "her own": "Her daughter
# gives her the tablets"), a second relative (one may be the patient's relation to the teller).
_SUBJECT_KIN = (
    r"husband|wife|spouse|partner|father|mother|dad|mom|mum|brother|sister|son|daughter|uncle|aunt|cousin|"
    r"grand(?:father|mother|son|daughter)|hermano|hermana|padre|madre|esposo|esposa|marido|mari|femme|fr[èe]re|"
    r"s(?:œ|oe)ur|p[èe]re|m[èe]re|irm[ãa]o|irm[ãa]|pai|m[ãa]e|bruder|schwester|vater|mutter|ehemann|ehefrau|broer|zus|"
    r"vader|moeder|echtgenoot|fratello|sorella|marito|moglie"
)
_MALE_SUBJECT_KIN = r"husband|father|dad|brother|son|uncle|grandfather|grandson"
_FEMALE_SUBJECT_KIN = r"wife|mother|mom|mum|sister|daughter|aunt|grandmother|granddaughter"
_RELATIVE_SUBJECT = re.compile(
    r"^\W*(?:[^\W\d_][\w ]{0,20}:\s*)?(?:(?:the\s+)?(?:patient|pt)(?:'s|\u2019s)\s+|(?:his|her|their|su|sa|son|seu|sua|sein|seine|ihr|ihre|zijn|"
    rf"haar|suo|sua)\s+)(?:late\s+|older\s+|younger\s+|elder\s+|own\s+)?(?:{_SUBJECT_KIN})\b",
    re.I,
)
_TELLER_AFTER_KIN = re.compile(
    r"^[^.;\n]{0,30}?\b(?:reports?|reported|says|said|states?|stated|tells?|told|confirms?|confirmed|mentions?|"
    r"mentioned|relays?|asks?|asked|calls?|called|informs?|informed)\s+(?:us\s+|me\s+)?(?:that\s+)?(?!his\s+own|her\s+own)"
    r"(?:he|she|the\s+patient|pt|patient|his|her|they)\b",
    re.I,
)
# the relative's own illness or use of a drug ("takes", "toma", "is treated", "his own"), not a relative handling the
# patient's drug ("patient's wife picks up the adagrasib")
_OWN_USE = re.compile(
    r"\b(?:takes|toma|tomaba|prend|nimmt|neemt|prende|is\s+on|was\s+on|has\s+been\s+on|receives|recibe|re[çc]oit|"
    r"is\s+(?:being\s+)?treated|was\s+treated|(?:his|her|their)\s+own|died|tiene\s+c[áa]ncer|has\s+(?:\w+\s+)?cancer)\b",
    re.I,
)
# a pronoun that may be the patient's ("Her daughter gives her the tablets"); "his own" / "her own" is the relative's
_PRONOUN_NOT_OWN = re.compile(r"\b(?:he|she|him|her|his|hers|they|them|their)\b(?!\s+own\b)", re.I)
_PATIENT_WORD = re.compile(r"\b(?:patient|pt|paciente|patiente?|patientin)\b", re.I)
_KIN_WORD = re.compile(rf"\b(?:{_SUBJECT_KIN})\b", re.I)
_PRONOUN_CLAUSE = {
    "male": re.compile(rf"^\W*(?:her)\s+(?:late\s+)?(?:{_MALE_SUBJECT_KIN})\b", re.I),
    "female": re.compile(rf"^\W*(?:his)\s+(?:late\s+)?(?:{_FEMALE_SUBJECT_KIN})\b", re.I),
}
_PRONOUN_START = {"male": re.compile(r"^\W*he\b", re.I), "female": re.compile(r"^\W*she\b", re.I)}
_OWN_PRONOUN_OF = {"male": re.compile(r"\b(?:she|her|herself)\b", re.I), "female": re.compile(r"\b(?:he|his|him|himself)\b", re.I)}


def relative_subject(doc: TextDoc, f: Finding) -> bool:
    text = unwrap(doc.text)
    clauses = re.split(r"[.!?;](?:\s+|$)|\n[ \t]*\n", text[max(0, f.start - 300) : f.start])
    clause = clauses[-1]
    head = _RELATIVE_SUBJECT.match(clause)
    if head:
        rest = clause[head.end() :]
        return bool(_OWN_USE.search(rest)) and not (
            _TELLER_AFTER_KIN.match(rest) or _PATIENT_WORD.search(rest) or _KIN_WORD.search(rest) or _PRONOUN_NOT_OWN.search(rest)
        )
    if len(clauses) < 2:
        return False
    for gender, opener in _PRONOUN_CLAUSE.items():
        if opener.match(clauses[-2]) and _PRONOUN_START[gender].match(clause) and not _OWN_PRONOUN_OF[gender].search(clause):
            return not _PATIENT_WORD.search(clause) and len(_KIN_WORD.findall(clauses[-2])) == 1
    return False


# (held-out v33's safety pass, issue 13) [v33s-document-about-relative] A document that says it is about a relative
# ("Patient states this is about her father.", "Form concerns the patient's grandmother.", a pasted post or a clipped
# obituary): what it tells is the relative's, save a sentence that names the patient ("Patient's own visit: ...").
# "This letter concerns her father's estate" names no relative as the subject.
# (issue 13's thirty-fourth pass) [t34-about-relative-antecedent] A bare "this" or "it" is no document: "Patient
# called; it is about her son" or "this is about her son's school form" says what a call is about, and the note's
# other facts stay the patient's. A bare subject counts only when what it points back to is a pasted text: a quotation
# closed just before its sentence ('..." Patient states this is about her father.'), or a sentence that names a pasted
# document (a post, clipping, printout, obituary, message, letter). Then only that stretch is the relative's.
_ABOUT_RELATIVE = re.compile(
    r"\b(?:(?P<bare>this|it)|(?:(?:the|this|that)\s+)?(?:[\w-]+\s+){0,2}?(?:form|post|document|letter|clipping|article|"
    r"obituary|story|page|text|message|printout|excerpt|entry))\s+(?:(?:is|was|are)\s+(?:all\s+|entirely\s+|only\s+)?about|"
    r"concerns?|concerned|refers?\s+to|relates?\s+to|pertains?\s+to|describes?)\s+(?:the\s+patient(?:'s|\u2019s)|her|his|"
    rf"their|my|a)\s+(?:late\s+)?(?:{_SUBJECT_KIN})\b(?!['\u2019]s)",
    re.I,
)
# the teller before a bare subject, right after a quotation closes ('..." Patient states this', '..." It')
_AFTER_QUOTE = re.compile(r"[\"\u201d]\s*(?:[^\W\d_][\w ]{0,40}?\s)?$")
_OPEN_QUOTE = re.compile(r"[\"\u201c][^\"\u201c\u201d]*$")
_SENTENCE_START = re.compile(r"(?:[.!?;](?:\s+|$)|\n[ \t]*\n)(?=[^.!?;]*$)")
_PASTED_DOCUMENT = re.compile(
    r"\b(?:post|posts|clipping|clipped|printout|printed|obituary|article|message|e-?mail|letter|pasted|copied|"
    r"forwarded)\b",
    re.I,
)


def _sentence_start(text: str, at: int) -> int:
    m = _SENTENCE_START.search(text, max(0, at - 300), at)
    return m.end() if m else max(0, at - 300)


@lru_cache(maxsize=256)
def _about_relative_stretches(text: str) -> tuple[tuple[int, int], ...]:
    """Where a document's statement that it concerns a relative reaches: the whole document for a named document
    ("Form concerns ..."), the pasted text it points back to for a bare "this" / "it", nothing for a bare subject
    that points back to no pasted text."""
    unwrapped = unwrap(text)
    out: list[tuple[int, int]] = []
    for m in _ABOUT_RELATIVE.finditer(unwrapped):
        if not m.group("bare"):
            out.append((0, len(text)))
            continue
        before = unwrapped[max(0, m.start() - 60) : m.start()]
        quoted = _AFTER_QUOTE.search(before)
        if quoted:
            close = m.start() - len(before) + quoted.start()
            opening = _OPEN_QUOTE.search(unwrapped, max(0, close - 1500), close)
            if opening:
                out.append((opening.start(), m.end()))
            continue
        start = _sentence_start(unwrapped, m.start())
        stop = len(unwrapped[:start].rstrip())
        previous = _sentence_start(unwrapped, stop - 1) if stop > 1 else start
        if _PASTED_DOCUMENT.search(unwrapped, previous, m.start()):
            out.append((previous, m.end()))
    return tuple(out)


_CLAUSE_END = re.compile(r"[.!?;](?:\s|$)|[\"\u201c\u201d]")


def document_about_relative(doc: TextDoc, f: Finding) -> bool:
    """The document says it is about a relative, the finding lies in the stretch that statement covers, and the
    finding's own clause names no patient."""
    if not any(start <= f.start and f.end <= end for start, end in _about_relative_stretches(doc.text)):
        return False
    starts = [m.end() for m in _CLAUSE_END.finditer(doc.text, 0, f.start)]
    end = _CLAUSE_END.search(doc.text, f.end)
    clause = doc.text[starts[-1] if starts else 0 : end.start() if end else len(doc.text)]
    return not _PATIENT_WORD.search(clause)
