"""A payer letter read into a proposal: every field with its span, page and confidence; empty where
the letter does not say it confidently; nothing proposed for a letter about another patient."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from priorauth.letters import (
    appeal_number,
    asked_granted,
    asked_lists,
    birth_not_dated,
    block_opening,
    bracket_gloss,
    collapsed_row,
    dash_leaders,
    dash_reason,
    dates,
    digit_glyph,
    earlier,
    fields,
    glossed,
    granted_quantity,
    id_glyphs,
    json_status,
    key_rows,
    label_gloss,
    mapping,
    missing_glyphs,
    name_glyphs,
    numbered_keys,
    opening_stroke,
    other_member,
    other_request,
    outcome,
    patient,
    period_labels,
    period_shapes,
    pointers,
    printed_order,
    prose_number,
    quoted_csv,
    reason_shapes,
    recheck,
    request_history,
    safety34,
    safety35,
    safety36,
    side_columns,
    source,
    specks,
    stray_glyph,
    stray_label,
    tables,
    tailed_o,
    unconfirmed,
    unsure_items,
    wrapped_element,
    x12_action,
)
from priorauth.text import ocr

CONFIDENT = ocr.CONFIDENT / 100  # the OCR threshold measured in issue 17 (word confidence 70)
# a dot OCR read for a blank between two words of small letters ("clinic notes.documenting progression"), never in an
# item that names a web or mail address ("portal.example.org")
_DOT_FOR_BLANK = re.compile(r"(?<=[a-z]{4})\.(?=[a-z]{4,}\b)")
# a curly apostrophe OCR read for the typed one inside a word ("the prescriber’s signature", the thirty-fourth pass): the
# straight one, as every item of a text layer gives it
_CURLY_APOSTROPHE = re.compile(r"(?<=[A-Za-z])[’‘](?=[A-Za-z])")
_ADDRESS = re.compile(r"www|https?:|@|\.(?:com|org|net|gov|edu|io)\b|/", re.I)
# a grouped member id ("BMH 06 6630 241") the fax wrapped after one of its blanks: the id ends its line and the next
# line is only groups of digits, ending the sentence ("BMH 06" / "6630 241."): those groups are the id's
_WRAPPED_ID = re.compile(r"[ \t]*\n[ \t]*(?P<rest>\d{2,6}(?:[ ]\d{2,6})*)(?=[.,;]?[ \t]*(?:\n|$))")
_FREE_TEXT = ("denial_reason",)  # a free-text field judged for unprinted words (:mod:`missing_glyphs`)
SCALARS = (
    "outcome",
    "authorization_number",
    "period_start",
    "period_end",
    "quantity",
    "drug",
    "letter_date",
    "denial_reason",
    "appeal_deadline",
)


@dataclass
class Field:
    name: str
    value: Any
    start: int
    end: int
    page: int | None
    confidence: float
    note: str = ""
    read: Any = None  # the value as read, kept when a low confidence left ``value`` empty

    def source(self, ref: str = "") -> str:
        return f"{ref}#char={self.start},{self.end}"

    def as_dict(self, ref: str = "") -> dict[str, Any]:
        value = self.value.isoformat() if isinstance(self.value, date) else self.value
        out = {
            "name": self.name,
            "value": value,
            "source": self.source(ref),
            "page": self.page,
            "confidence": self.confidence,
        }
        if self.note:
            out["note"] = self.note
        return out


@dataclass
class Proposal:
    text: str
    ocr: bool
    fields: list[Field] = field(default_factory=list)
    requested: list[dict[str, Any]] = field(default_factory=list)
    patient: dict[str, Any] = field(default_factory=dict)
    mismatch: list[str] = field(default_factory=list)
    checked: bool = False  # the patient was matched against a case's
    # the name as OCR read it weakly (left empty above): still compared with the case's, OCR's look-alike glyphs
    # folded (:func:`priorauth.letters.patient.compare`), so a fax's weak reading of another patient's name is never a
    # silent match
    weak_patient: dict[str, Any] = field(default_factory=dict)
    second_look: dict[str, Any] = field(default_factory=dict)  # a field's words read again (safety35)
    weak_words: set[str] = field(default_factory=set)  # the name's words OCR read under its sure confidence
    warnings: list[str] = field(default_factory=list)

    def value(self, name: str) -> Any:
        f = next((f for f in self.fields if f.name == name), None)
        return None if f is None or self.mismatch else f.value

    def as_dict(self, ref: str = "") -> dict[str, Any]:
        """The CLI's and API's shape (dates as YYYY-MM-DD)."""

        def iso(v: Any) -> Any:
            return v.isoformat() if isinstance(v, date) else v

        return {
            "outcome": self.value("outcome"),
            "authorization_number": self.value("authorization_number"),
            "period": {"start": iso(self.value("period_start")), "end": iso(self.value("period_end"))},
            "quantity": self.value("quantity"),
            "drug": self.value("drug"),
            "letter_date": iso(self.value("letter_date")),
            "denial_reason": self.value("denial_reason"),
            "appeal_deadline": iso(self.value("appeal_deadline")),
            "requested": []
            if self.mismatch
            else [
                {k: v for k, v in r.items() if k not in ("start", "end")}
                | {"source": f"{ref}#char={r['start']},{r['end']}"}
                for r in self.requested
            ],
            "patient": {
                **{k: iso(v) for k, v in self.patient.items()},
                "matches_case": (not self.mismatch) if self.checked else None,
                "mismatch": list(self.mismatch),
            },
            "fields": [f.as_dict(ref) for f in self.fields],
            "warnings": list(self.warnings),
            "ocr": self.ocr,
        }


def match(p: Proposal, case_patient: dict[str, Any] | None) -> tuple[list[str], list[str]]:
    """The letter's patient against the case's (:func:`priorauth.letters.patient.compare`): OCR's misreads
    are tolerated only in a letter read by OCR, and in a name only when OCR was not sure of it."""
    sure = {
        f.name.removeprefix("patient_")
        for f in p.fields
        if f.name.startswith("patient_") and f.confidence >= patient.SURE
    }
    out, near = patient.compare(p.patient, case_patient, p.ocr, sure, p.weak_patient.get("name"))
    if "name" in near and (look := p.second_look.get("name")) and look():  # read twice alike: as printed
        out, near = patient.compare(p.patient, case_patient, p.ocr, sure | {"name"}, p.weak_patient.get("name"))
    return safety36.glyph_near(p, case_patient, out, near)  # "Whillow" of "Whitlow" at fax: near, never sure


def _lines_of(text: str, hit: fields.Hit) -> str:
    """The text of a hit's span from its first line's start (a value read after a label's unprintable words)."""
    return text[text.rfind("\n", 0, hit.start) + 1 : hit.end]


def _member_number(number: fields.Hit, text: str) -> bool:
    """The number read is, elsewhere on the letter, the member's id (or its first groups): a member id is
    never the authorization's. (The same span read as both is the member id's doubt, not the number's.)"""
    member = fields.patient(text).get("member_id")
    if member is None or member.start == number.start:
        return False
    a = re.sub(r"[^A-Z0-9]", "", str(number.value).upper())
    b = re.sub(r"[^A-Z0-9]", "", str(member.value).upper())
    return bool(a and b and len(a) >= 5 and b.startswith(a))


def read_letter(raw: bytes, case_patient: dict[str, Any] | None = None) -> Proposal:
    """Read a payer letter (PDF, TIFF, PNG, JPEG bytes). ``case_patient`` (name, birth_date,
    member_id) is the case's patient: a letter that names someone else proposes nothing.
    Unusable input raises :class:`~priorauth.errors.PriorauthError`."""
    return propose(source.read(raw), case_patient, raw)


def propose(
    letter: source.LetterText, case_patient: dict[str, Any] | None = None, raw: bytes | None = None
) -> Proposal:
    """The proposal for a letter's text; with the letter's bytes (``raw``), numbers and dates OCR read
    with low confidence get a second look (:mod:`priorauth.letters.recheck`)."""
    out = Proposal(letter.text, letter.ocr, warnings=list(letter.warnings))
    letter, alone = safety36.one_patient(letter, case_patient, out.warnings)  # several patients: the case's row, or nothing
    if alone:
        out.checked = bool(case_patient)
        return out
    # a letter's source markup (HTML, XML, RTF, JSON, Markdown, drawn tables) blanked or read as labels, its dates in
    # the order it says; a form's entries out of their blanks, its field names as labels (offsets kept)
    # (an XML element's value a fax wrapped onto the next line, joined again first: "<EndDate>2027-09-3" / "0</EndDate>")
    # (a bar a fax put before a label's colon, "Approved quantity  |: 720", blanked: :mod:`stray_label`; a bilingual
    # form's "■■■■ (Result):  ■■(APPROVED)" read as its English glosses: :mod:`glossed`)
    # (an export's "key|value" rows read as labels: the twenty-ninth pass's :mod:`key_rows`)
    rows = key_rows.labelled(wrapped_element.joined(letter.text))
    rows = dash_leaders.colons(specks.blanked(rows)) if letter.ocr else rows  # a fax's "EFF DATE _ - 19-MAR-2027": its leader's colon
    rows = id_glyphs.repaired(rows) if letter.ocr else rows  # a fax's "Member 1D:" for "Member ID:" (the thirtieth pass)
    text = outcome.plain(fields.unwidgeted(fields.unfenced(fields.untagged(glossed.glossed(stray_label.unbarred(rows))))))
    text = json_status.without_bracketed_history(letter.text, text)  # a record's "history": [...]: never this request

    def add(name: str, hit: fields.Hit | None) -> Field | None:
        if hit is None:
            return None
        conf = letter.confidence(hit.start, hit.end)
        if isinstance(hit.value, str) and any(c in fields.OCR_SYMBOLS for c in hit.value):
            conf = 0.0  # an OCR symbol inside a number: only a second reading may settle it
        f = Field(name, hit.value, hit.start, hit.end, letter.page_at(hit.start), conf, hit.note, hit.value)
        if name in _FREE_TEXT and missing_glyphs.unprinted(_lines_of(letter.text, hit), letter.ocr):
            out.warnings.append(f"the {name.replace('_', ' ')} is in letters the PDF's font could not print: left empty; read it on the letter")
            f.value = None
            f.confidence = 0.0
        elif conf < CONFIDENT:
            out.warnings.append(
                f"the {name.replace('_', ' ')} on page {f.page} was read with low confidence ({conf:.2f}): left empty; "
                "read it on the letter"
            )
            f.value = None
        out.fields.append(f)
        return f

    # a letter that decides several drugs item by item: LUMAKRAS's items are read, the others' never
    part = outcome.scope(text) or side_columns.scope(text)  # one after another, or side by side in columns
    ours = part.ours if part else text
    if part:
        out.warnings.append(
            "the letter decides other drugs too (" + "; ".join(part.others) + "): only LUMAKRAS is read"
        )
    # a page about another member decides nothing of this request (the thirty-third pass)
    hits, why = safety35.outcome_hits(other_member.blanked(letter, ours), outcome.outcome_hits)  # a grid's "Status key: APPRVD = ...": never a statement
    if safety35.after_cover(letter, ours):  # (the review's fix: the cover names no patient, a page names another member)
        out.warnings.append(
            "the fax's pages name more than one member and its cover page names none: the first member's page is read, "
            "the other member's left out; check whose letter it is"
        )
    if part and not hits and (opening := block_opening.hit(ours)) is not None:  # "2) LUMAKRAS ..." / "APPROVED from"
        hits, why = [opening], ""
    if hits and other_request.answered_elsewhere(ours):  # "the LUMAKRAS request ... will be answered in another letter"
        hits, why = [], "the letter says LUMAKRAS's request is answered apart: what it decides is another request"
    if not hits and "more than one" not in why and not other_request.answered_elsewhere(ours):
        found = (tables.read(outcome.outcome, ours, outcome.legend(ours)[0]) or (None, ""))[0]
        hits, why = ([found], "") if found else ([], why)
    # statements that agree: the one read most confidently is the outcome's span
    best = max(hits, key=lambda h: letter.confidence(h.start, h.end), default=None)
    result = add("outcome", best)
    if result is not None and result.value is None and raw is not None and letter.ocr:
        recheck.confirm(out, letter, raw, recheck.OUTCOME)  # its word read again: the same word, or empty
    if why:
        out.warnings.append(why)
    kind = result.value if result else None
    current = earlier.previous_blanked(ours)  # "Previous authorization: X" over "New authorization: Y": Y's lines
    number = fields.authorization_number(current) or tables.read(fields.authorization_number, current)
    if request_history.earlier(current, number):  # a column table's first row under "Request history:": an earlier request's
        out.warnings.append("the reference number is a row of the letter's history of requests: it is not proposed")
        number = None
    if part and number is None:  # the id on LUMAKRAS's own row of a table, else one for the whole request
        number = (
            fields.item_number(ours)
            or fields.authorization_number(part.shared)
            or tables.read(fields.authorization_number, part.shared)
        )
    if number is None and (bare := label_gloss.unglossed(ours)) != ours:  # "Núm. de autorización [auth. no.]:  AP-..."
        number = fields.authorization_number(bare)
    if number is None:  # run into a sentence: "approved under authorization <id>", ", reference <id>,"
        number = prose_number.number(ours)
    if number is None:  # a table's row whose column gaps a fax closed: the one id on LUMAKRAS's row under "PA Number"
        number = collapsed_row.number(ours)
    if number is not None and (own := appeal_number.appeal_id(ours, number)):  # an appeal decision's own number
        number = own
    if number is not None and kind is None and outcome.decides_another_drug(ours):
        out.warnings.append("the letter decides another drug only: its reference number is not proposed")
        number = None
    if number is not None and kind is None and (
        other_request.names_other(ours, number.start) or other_request.answered_elsewhere(ours)
    ):
        out.warnings.append("the reference number is another request's (LUMAKRAS is decided apart): it is not proposed")
        number = None
    if number is not None and _member_number(number, text):
        out.warnings.append("the letter's reference number is its member id: it is not proposed")
        number = None
    if number is not None and letter.ocr and stray_glyph.doubtful(str(number.value), text, number.start, number.end):
        out.warnings.append("the reference number may hold a speck read as a letter: it is not proposed")
        number = None
    if number is not None and letter.ocr and opening_stroke.doubtful(
        letter.text[number.start : number.end], number.start, number.end, letter.confidence, patient.SURE
    ):  # "1W0603..." for "IW0603...": a capital I read as a 1
        out.warnings.append("the reference number opens with a 1 OCR may have read for an I: it is not proposed")
        number = None
    read_number = lambda t: fields.authorization_number(t) or tables.read(fields.authorization_number, t)  # noqa: E731
    number = safety35.number(letter, ours, number, kind, read_number, out.warnings)  # voided, not yet given, another's
    number = safety36.number(number, text, case_patient, out.warnings, letter.ocr)  # never the member id (a roster's row)
    add("authorization_number", number)
    day = fields.letter_date(text) or tables.read(fields.letter_date, text)
    day = add("letter_date", birth_not_dated.letter_date(day, fields.patient(text).get("birth_date")))
    add("drug", fields.drug(text))
    # the letter's date printed "06.05.2027" with nothing on the letter to show its order: a window counted from it is
    # left empty (the thirtieth set's safety pass)
    unsure_day = False
    if day is not None and isinstance(day.value, date) and len(text) == len(letter.text):
        decided, on = printed_order.reread(letter.text, day.start, day.end, day.value, birth=True)
        unsure_day = decided and on is None
        if decided and on is not None:
            # "Lima, 12/02/2027" over "F. nac.: 31/03/1961": read in the order the letter's own dates show, as its birth
            # date and its period are (the twenty-ninth pass: a window counted from it was counted from 2 December)
            day.value = day.read = on
    if kind == "approved":
        # what was asked for beside what was approved ("Requested   Approved" columns): the approved column's dates
        span = (
            asked_granted.period(ours) or fields.period(current) or tables.read(fields.period, current) or period_shapes.period(ours)
        )
        if not span or None in span:  # "from: a   to: b" on one line, a Dutch "geldig van", "Jun 1 – Nov 30, 2027"
            span = period_labels.completed(span, ours)
        if span and len(ours) == len(letter.text):
            # "del 01/05/2027 al 31/07/2027": a day and month that could be swapped, read in the order the letter's own
            # dates show (the end's 31 is a day); only worded day-first dates beside it: left empty
            span = printed_order.period(letter.text, span, out.warnings)
        if span and span[0] is not None:
            add("period_start", span[0])
        if span and span[1] is not None:
            add("period_end", span[1])
        if not span or None in span:
            out.warnings.append("the approved period could not be read whole")
        quantity = (
            asked_granted.quantity(ours)  # "Requested: 720 ..." over "Approved: 240 ...": the approved one
            or fields.quantity(ours)
            or tables.read(fields.quantity, ours)
            or granted_quantity.quantity(ours)
            or collapsed_row.quantity(ours)  # the one "240/30" on LUMAKRAS's row under "Qty / Days", its gaps closed
        )
        # a note's rate under a grid's units for the whole period: the grid's cell, else nothing (the 34th set's safety)
        add("quantity", safety34.quantity(ours, quantity, out.warnings))
        if outcome.PARTIAL.search(ours):  # a partial approval denies the rest: its appeal deadline is read
            add("appeal_deadline", fields.appeal_deadline(text, day.value if day else None)[0])
    if kind == "denied":
        structured = tables.structured(ours)  # <DenialReason>, a CSV's denial_reason column
        reason = (tables.read(fields.denial_reason, ours) or tables.read(quoted_csv.reason, ours)) if structured else None
        reason = reason or dash_reason.reason(ours)  # "Decision:  DENIED — duplicate request": the label's own words
        reason = reason or safety36.dash_reason(ours)  # "RESULT: DENIED - DUPLICATE THERAPY" (the 36th set's safety)
        reason = reason or fields.denial_reason(outcome.unlegended(ours))
        reason = reason or reason_shapes.leaderless_reason(ours) or tables.read(fields.denial_reason, ours)
        reason = reason or numbered_keys.reason(ours)  # an export's "reason 1 : ...", "reason 2 : ..."
        after = fields.reason_after(outcome.unlegended(ours), [h for h in hits if h.value == "denied"])
        if reason is None:  # no labelled reason, no "because": the words after the denial statement
            reason = after
        elif after is not None and after.start < reason.start and after.end >= reason.end:
            reason = after  # one sentence of the explanation that follows the denial: the whole explanation
        row = fields.unmet_criterion(outcome.unlegended(ours))  # a criteria table's row marked NOT MET, with its note
        if row is not None and (
            reason is None
            or fields.POINTS_ELSEWHERE.search(reason.value)  # "... is shown in the table on page 2"
            or reason.start <= row.start < reason.end  # the row itself, read without its note
        ):
            reason = row
        elif reason is not None and pointers.POINTER.search(reason.value):
            # "Our clinical rationale is set out on the next page": the paragraph under that heading, else nothing
            reason = pointers.reason_under_heading(ours, reason.end)
        elif reason is not None and (note := pointers.NOTE.match(reason.value)):
            # "Reason: see below (1)" (a table's cell): the note "(1) ..." under the table, else nothing
            reason = pointers.footnote(ours, reason.end, note.group("n") or note.group("m"))
        if reason is not None and bracket_gloss.inside(text, reason.start, str(reason.value)):
            out.warnings.append("the denial reason was found only in a translation in brackets: left empty; read it on the letter")
            reason = None
        if reason is not None and isinstance(reason.value, str) and (own := bracket_gloss.without_gloss(reason.value)) != reason.value:
            reason = fields.Hit(own, reason.start, reason.start + len(own), reason.note)  # its translation after it cut
        if (reason is None or not str(reason.value).strip()) and (bare := label_gloss.unglossed(ours)) != ours:
            # only a translation read (or nothing): the reason under its own label, "Razón [reason]:" (the 29th pass)
            own_words = fields.denial_reason(outcome.unlegended(bare))
            if own_words is not None and not bracket_gloss.inside(text, own_words.start, str(own_words.value)):
                own = bracket_gloss.without_gloss(str(own_words.value))
                reason = fields.Hit(own, own_words.start, own_words.start + len(own), own_words.note)
        if reason is not None and not str(reason.value).strip():
            reason = None  # a reason cut to nothing is no reason
        if reason is not None and letter.confidence(reason.start, reason.end) < CONFIDENT:
            # its explanation read weakly: the reason itself (a clause after a semicolon that goes on, too)
            reason = reason_shapes.first_sentence(ours, reason, fields.first_sentence(ours, reason))
        if add("denial_reason", reason) is None:
            out.warnings.append("the denial reason could not be read")
        deadline, why = fields.appeal_deadline(text, day.value if day else None)
        if deadline is None and structured:  # an appeal_by column
            deadline = tables.read(lambda t: fields.appeal_deadline(t, day.value if day else None)[0], text)
        deadline = deadline or numbered_keys.appeal_deadline(text)  # "appeal days : 90", "appeal counted from : decided"
        if deadline is not None and unsure_day and re.search(r"from the (?:letter's|decision) date", deadline.note):
            deadline, why = None, "the appeal deadline is counted from the letter's date, whose day and month could be swapped"
        if add("appeal_deadline", deadline) is None:
            out.warnings.append(why or "the appeal deadline could not be read")
    if kind == "pended":
        asked = asked_lists.requested(ours)  # a portal's "Outstanding documents", a list a blank line below its label
        asked = asked or safety34.requested(ours, fields.requested(safety35.dashed(ours)))  # never "BY PAYER - ..." (who asked)
        for hit in asked or tables.read(fields.requested, ours) or numbered_keys.requested(ours):
            if missing_glyphs.unprinted(_lines_of(letter.text, hit), letter.ocr):
                out.warnings.append("an item asked for is in letters the PDF's font could not print: read it on the letter")
                continue
            conf = letter.confidence(hit.start, hit.end)
            if letter.ocr and not _ADDRESS.search(hit.value):  # "clinic notes.documenting": OCR's dot for a blank
                value = _CURLY_APOSTROPHE.sub("'", _DOT_FOR_BLANK.sub(" ", hit.value))
                hit = fields.Hit(value, hit.start, hit.end, hit.note)
            out.requested.append(
                {
                    "item": hit.value,
                    **mapping.concerns(hit.value),
                    "start": hit.start,
                    "end": hit.end,
                    "page": letter.page_at(hit.start),
                    "confidence": conf,
                }
            )
        out.requested = safety36.requested(out.requested, letter.text, letter.ocr, out.warnings)  # cut, blanks, misread
        first = min((r["start"] for r in out.requested), default=0)
        asked = letter.text[max(0, first - 200) : first]  # the request that opens the list
        if unsure_items.doubtful([r["confidence"] for r in out.requested], letter.text, letter.ocr, asked):
            # a mark OCR may have dropped ("clinico" for "clínico"): the list is proposed whole or not at all
            out.requested = []
            out.warnings.append("an item asked for was read unsurely in a language with marked letters: read the list on the letter")
        elif any(bracket_gloss.inside(ours, r["start"], r["item"]) for r in out.requested):
            # "[Please send: pathology report ...; ...]": the writer's translation, never the letter's words
            out.requested = []
            out.warnings.append("what was requested was found only in a translation in brackets: read the list on the letter")
        elif not out.requested:
            out.warnings.append("what was requested could not be read")
    if raw is not None and letter.ocr:
        recheck.confirm(out, letter, raw)
    for name, hit in ((tables.read(fields.patient, text) or {}) | fields.patient(text)).items():
        if name == "birth_date" and dates.roman_doubt(text[hit.start : hit.end], text):
            continue  # a column's date whose Roman month OCR read as ones (the letter's other dates say so)
        if name == "birth_date" and isinstance(hit.value, date) and len(text) == len(letter.text):
            # "01/12/1961" read month first in a letter whose own printed dates are day first ("17/03/2027"): read day
            # first; only worded day-first dates beside it: left empty (on the letter as printed, never on its dates
            # rewritten in an order the letter said)
            decided, born = printed_order.reread(letter.text, hit.start, hit.end, hit.value, birth=True)
            if decided and born is None:
                out.warnings.append(
                    "the date of birth's day and month could be swapped and the letter's own dates do not settle them: "
                    "left empty; read it on the letter"
                )
                continue
            if decided:
                hit = fields.Hit(born, hit.start, hit.end, hit.note)
        if name == "member_id" and letter.ocr and isinstance(hit.value, str) and stray_glyph.small_amid_capitals(text[hit.start : hit.end]):
            out.warnings.append(
                f"the member id read as {text[hit.start : hit.end]} has a small letter between capitals (a fax's glyph read "
                "twice or split): left empty; read it on the letter"
            )
            continue
        if name == "member_id" and letter.ocr and isinstance(hit.value, str) and digit_glyph.doubtful(hit.value, text, hit.start, hit.end):
            out.warnings.append(
                f"the member id read as {hit.value} may hold a digit OCR read as a letter where its letters end: left "
                "empty; read it on the letter"
            )
            continue
        if name == "member_id" and letter.ocr and isinstance(hit.value, str) and tailed_o.doubtful(letter, raw, hit.start, hit.end):
            out.warnings.append(
                f"the member id read as {text[hit.start : hit.end]} has an O whose glyph has a tail below the line (a Q "
                "read as an O): left empty; read it on the letter"
            )
            continue
        if name == "member_id" and isinstance(hit.value, str) and (doubt := safety34.member_id_doubt(letter, raw, hit)):
            out.warnings.append(doubt)  # a second look at a fax's id with a look-alike glyph, or read unsurely, differs
            continue
        if name == "member_id" and letter.ocr and isinstance(hit.value, str):
            digits = patient.ocr_digits(hit.value)
            if digits is None:
                out.warnings.append(
                    f"the member id read as {hit.value} mixes O or I with digits where OCR cannot tell which: left empty; "
                    "read it on the letter"
                )
                continue
            hit = fields.Hit(digits, hit.start, hit.end, hit.note)
            if " " in hit.value and (wrapped := _WRAPPED_ID.match(text, hit.end)):  # the fax wrapped the id's line: its last groups below
                hit = fields.Hit(f"{hit.value} {wrapped.group('rest')}", hit.start, wrapped.end("rest"), hit.note)
        if safety36.not_patients(name, hit, text, letter.ocr, out.warnings):  # a heading's words, the letter's own id
            continue
        f = add(f"patient_{name}", hit)
        if f is not None and name == "name" and letter.ocr:  # its words read weakly (safety36's glyph pairs)
            out.weak_words |= {
                letter.text[w.start : w.end].casefold()
                for _, w in ocr.words_in(letter.pages, f.start, f.end)
                if w.conf / 100 < patient.SURE
            }
        if f is not None and name == "name" and letter.ocr and isinstance(f.value, str) and x12_action.name_disputed(text, f.value):
            out.warnings.append("the patient's name is printed twice and OCR read the two differently: left empty; read it on the letter")
            f.value = None  # the name stays a weak reading: compared with the case's, its glyphs folded
        elif f is not None and name == "name" and letter.ocr and isinstance(f.value, str) and name_glyphs.doubtful(
            letter.text[f.start : f.end], f.start, letter.confidence, patient.SURE
        ):
            out.warnings.append("the patient's name has a letter OCR may have misread as another: left empty; read it on the letter")
            f.value = None  # a weak reading, compared with the case's (an I/J or a marked vowel one letter off: near)
        if f is not None and f.value is not None:
            out.patient[name] = f.value
            if name == "name" and letter.ocr and f.confidence < patient.SURE:  # a second look, made only if asked
                out.second_look["name"] = safety35.read_twice(letter, raw, f.start, f.end)
        elif f is not None and name == "name" and isinstance(f.read, str) and f.read.strip():
            out.weak_patient[name] = f.read
    out.checked = bool(case_patient)
    out.mismatch, near = match(out, case_patient)
    if "name" in near and not out.mismatch and isinstance(name_read := out.patient.get("name"), str):
        # the name read differs from the case's only as OCR's look-alike glyphs would: the letter's spelling is not
        # known, so it is no value (a weak reading, compared as such); the thirty-second pass
        out.weak_patient["name"] = name_read
        del out.patient["name"]
    if near and not out.mismatch:
        out.warnings.insert(
            0,
            "the letter's patient "
            + " and ".join(near)
            + " differ from the case's only as a misread letter would (OCR); the other details match: check them",
        )
    if out.checked and not out.mismatch and (missing := unconfirmed.unread(text, out.patient | out.weak_patient)):
        out.warnings.insert(0, unconfirmed.warning(missing))  # a labelled detail unread: never a silent match
    if out.mismatch:
        out.warnings.insert(
            0,
            "the letter is about another patient ("
            + ", ".join(out.mismatch)
            + " differ from the case's): nothing is proposed; check the letter",
        )
    return out
