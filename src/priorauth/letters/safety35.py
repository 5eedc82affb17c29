"""Issue 18, safety pass on the thirty-fifth held-out set: the classes behind its wrong values, closed so that each
value is read right or left empty (never guessed).

1. A status key of word codes: a line-item grid's status column holds an abbreviated word ("APPRVD") that a key under
   the grid explains ("Status key: APPRVD = approved; DENIED = denied; PEND = pending review"). The key's codes are
   longer than the legends :mod:`priorauth.letters.status_codes` knows (two or three letters and a digit), so its words
   were read as statements ("DENIED = denied": a denial). The key is blanked for the outcome's reading (it says what
   codes mean, nothing was decided by it); LUMAKRAS's row holding one of its codes says the outcome through it (the
   letter's other statements must agree, else nothing).
2. A reference number that is not this decision's:
   a. the plan's number printed as not yet given ("Plan case number: (not yet assigned)"): any other key the letter
      prints (a portal's own request key) is no authorization number: none is proposed;
   b. a number the letter says was voided ("Authorization X (issued ...) has been VOIDED"): never proposed; the number
      named as its replacement ("It is replaced by: Authorization Y", the same shape of id) is, else nothing;
   c. a number on a page about another member (a page whose member id and name both differ from the first page's: a
      fax of two notices) is not this letter's: the number is read again without those pages, else nothing;
   d. a number in the letter's history ("History: authorization X was approved for ..."), or in a denial's sentence
      that says it was approved: an earlier decision's; the one id on the decision's own line ("Renewal request Y:
      DENIED") is this decision's, else nothing.
3. A list whose items open with a double dash ("  -- The KRAS test report ..."): read as a list (the dashes as one
   bullet), never as one run with its lead-in ("the following to <fax number>: -- ... -- ...").
4. A name one letter off the case's, read by OCR unsurely: its words get a second look (read again as one line); read
   alike twice, the letter is the letter's, as printed: the name is compared as read surely (OCR's look-alike glyphs
   still folded), so another member's name one letter off is a mismatch, never a silent match.

Guards: a real grid row "APPRVD" (or a key of short codes) read as before; a number labelled as the authorization
beside an appeal number not yet assigned; a number that replaces a voided one; a one-page approval's own number; a
single dash list; a name read twice differently stays a near match (a warning)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from priorauth.letters import patient, status_codes
from priorauth.letters.outcome_words import said_value
from priorauth.letters.spans import _OURS, Hit, I, M

# -- 1. a status key of word codes --------------------------------------------------------------------------------------
_KEY_LINE = re.compile(
    r"^[ \t]*(?:(?:status|decision|determination|line|item|result)[ \t]+)?(?:key|legend|codes?)[ \t]*:(?P<body>[^\n]*)$",
    I | M,
)
_WORD_ENTRY = re.compile(r"^[ \t]*(?P<c>(?-i:[A-Z]{2,8}))[ \t]*=[ \t]*(?P<m>[A-Za-z][^=]*?)[ \t.]*$")


_CUT_ENTRY = re.compile(r"^[ \t]*(?P<c>(?-i:[A-Z]{4,8}))[ \t]*=(?P<m>)[ \t]*$")


def _word_key(text: str) -> tuple[dict[str, str], tuple[int, int]] | None:
    """The codes a key of word codes defines (two entries or more, one code of four letters or more) and its span."""
    for m in _KEY_LINE.finditer(text):
        if any(a <= m.start() < b for a, b in status_codes.legend(text)[1]):
            continue  # a legend the reader knows already
        parts = re.split(r";|,|[ \t]{2,}", m.group("body"))
        # (the last entry's meaning may wrap to the next line, "DENIED =" ending the key's line)
        entries = [e for n, p in enumerate(parts) if (e := _WORD_ENTRY.match(p) or (n == len(parts) - 1 and _CUT_ENTRY.match(p)))]
        if len(entries) < 2 or len(entries) != len([p for p in parts if p.strip()]):
            continue
        if not any(len(e.group("c")) >= 4 for e in entries):
            continue
        # the key wrapped over the lines below, each holding another entry ("the enclosed notice; PENDED = more
        # information needed."): the key's too, never a statement (the thirty-seventh set, letters pass 35)
        end = m.end()
        while (more := _KEY_WRAPPED.match(text, end)) is not None:
            end = more.end()
        return {e.group("c"): " ".join(e.group("m").split()) for e in entries}, (m.start(), end)
    return None


# (at fax an entry's meaning may be cut to a short line of its own, "DENIED =" / "see" / "the enclosed notice; PENDED = ...")
# (the review's fix: the wrapped line opens with a small letter or an entry's code, never a sentence of its own:
# "Your request is DENIED = see the notice.")
_KEY_WRAPPED = re.compile(
    r"\n(?:[ \t]*(?-i:[a-z])[^\n=]{0,29}\n)?(?=[ \t]*(?:(?-i:[a-z])|(?-i:[A-Z]{2,8})[ \t]*=))(?=[^\n]*(?<![\w-])(?-i:[A-Z]{4,8})[ \t]*=[ \t]*[A-Za-z])[^\n]*"
)


def _row_hits(text: str, codes: dict[str, str]) -> list[Hit]:
    """The outcome LUMAKRAS's grid row says by the one key code it holds."""
    hits = []
    for line in re.finditer(r"[^\n]+", text):
        ours = _OURS.search(line.group(0))
        if not ours:
            continue
        found = [
            c
            for c in re.finditer(r"(?<![^\s|])(?-i:[A-Z]{2,8})(?![^\s|])", line.group(0)[ours.end() :])
            if c.group(0) in codes
        ]
        if len(found) != 1:
            continue
        value = said_value(codes[found[0].group(0)], "")
        if value:
            at = line.start() + ours.end() + found[0].start()
            hits.append(Hit(value, at, at + len(found[0].group(0))))
    return hits


def outcome_hits(text: str, read: Callable[[str], tuple[list[Hit], str]]) -> tuple[list[Hit], str]:
    """``read`` (the reader's outcome statements) on the text with its key of word codes blanked, LUMAKRAS's row read
    through the key: the two agree, or nothing."""
    key = _word_key(text)
    if key is None:
        return read(text)
    codes, (a, b) = key
    hits, why = read(text[:a] + " " * (b - a) + text[b:])
    rows = _row_hits(text[:a] + " " * (b - a) + text[b:], codes)
    if not rows or (why and not why.startswith("the outcome could not be read")):
        return hits, why
    if len({h.value for h in hits + rows}) > 1:
        return [], "the status code on LUMAKRAS's row and the letter's words disagree: left empty"
    return rows + hits, ""


# -- 2. a reference number that is not this decision's -----------------------------------------------------------------
_UNASSIGNED = re.compile(
    r"(?P<label>\b(?:plan|payer|insurer|authori[sz]ation|auth|PA|prior\s+auth(?:ori[sz]ation)?|case|reference|ref)"
    r"(?:[ \t]+(?:case|reference|tracking|authori[sz]ation))?[ \t]*(?:(?:number|no|num|id)\b\.?|#))[ \t]*[:#]?[ \t]*"
    r"[(\[]?[ \t]*(?:not[ \t]+(?:yet[ \t]+)?(?:assigned|issued|available)|to[ \t]+be[ \t]+assigned|unassigned"
    r"|pending(?:[ \t]+assignment)?|none[ \t]+yet|TBD)\b",
    I,
)
_APPEAL_LABEL = re.compile(r"\b(?:appeal|grievance|complaint|redetermination)\b", I)
_AUTH_WORD = re.compile(r"\b(?:authori[sz]ation|auth|PA)\b", I)
_ID = re.compile(r"(?<![\w-])(?=[A-Z0-9-]*\d)[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+(?![\w-])|(?<![\w/.-])\d{7,}(?![\w/.-])")
_VOIDED = re.compile(r"(?:has|have)[ \t]+been[ \t]+|was[ \t]+|were[ \t]+|is[ \t]+(?:now[ \t]+)?", I)
_VOID_WORD = re.compile(
    r"(?:voided|void|cancell?ed|rescinded|revoked|withdrawn|superseded|replaced|invalidated|retracted)\b", I
)
_VOID_LABEL = re.compile(
    r"\b(?:voided|void|cancell?ed|rescinded|revoked|superseded|replaced|old|previous)[ \t]+"
    r"(?:authori[sz]ation|auth|PA)[ \t]*(?:number|no\.?|#)?[ \t]*:?[ \t]*$",
    I,
)
_REPLACED_BY = re.compile(
    r"\b(?:replaced|superseded)[ \t]+by\b|\breplacement[ \t]+(?:authori[sz]ation|auth|PA)\b|\bnew[ \t]+(?:authori[sz]ation|auth|PA)\b",
    I,
)
_HISTORY = re.compile(
    r"^[ \t]*(?:(?:request|authori[sz]ation|approval|PA)[ \t]+)?history[ \t]*:|^[ \t]*(?:previous|prior|earlier|past)[ \t]+"
    r"(?:authori[sz]ations?|approvals?|requests?)[ \t]*:",
    I | M,
)
_WAS_APPROVED = re.compile(r"\b(?:was|were|had[ \t]+been|has[ \t]+been)[ \t]+(?:approved|authori[sz]ed)\b", I)


def _shape(value: str) -> str:
    return re.sub(r"\d", "9", re.sub(r"[A-Z]", "A", value.upper()))


def _sentence(text: str, at: int, end: int) -> tuple[int, int]:
    """The sentence (or line of a list) holding text[at:end]."""
    a = max(text.rfind(". ", 0, at) + 2, text.rfind(".\n", 0, at) + 2, text.rfind("\n\n", 0, at) + 2, 0)
    stops = [i for i in (text.find(". ", end), text.find(".\n", end), text.find("\n\n", end)) if i >= 0]
    return a, min(stops, default=len(text))


def _voided(text: str, hit: Hit) -> bool:
    """The letter says this number was voided: its own clause after it ("X (issued ...) has been VOIDED"), no other
    id between, or a label before it ("Voided authorization: X")."""
    line_start = text.rfind("\n", 0, hit.start) + 1
    if _VOID_LABEL.search(text[line_start : hit.start]):
        return True
    tail = text[hit.end : hit.end + 160]
    stop = re.search(r"[.;]\s|\n\s*\n", tail)
    tail = tail[: stop.start() if stop else len(tail)]
    for v in _VOID_WORD.finditer(tail):
        before = tail[: v.start()]
        if _ID.search(before):
            return False
        return bool(re.search(rf"(?:{_VOIDED.pattern})$", before, I)) or bool(
            re.fullmatch(r"[ \t]*(?:\([^()\n]*\))?[ \t]*[:-]?[ \t]*", before)
        )
    return False


def _replacement(text: str, voided: Hit) -> Hit | None:
    """The number the letter names as the voided one's replacement, of its shape, after it."""
    m = _REPLACED_BY.search(text, voided.end)
    if m is None or m.start() - voided.end > 400:
        return None
    found = [
        i
        for i in _ID.finditer(text, m.end(), min(len(text), m.end() + 160))
        if _shape(i.group(0)) == _shape(str(voided.value))
    ]
    if not found or found[0].group(0) == str(voided.value):
        return None
    return Hit(found[0].group(0), found[0].start(), found[0].end())


_REF_WORD = re.compile(r"\b(?:case|reference|ref|request|tracking)\b", I)
_NUMBER_WORD = re.compile(r"\b(?:number|no\.?|num|id)\b|#", I)


def _kinds(label: str) -> set[str]:
    return {k for k, word in (("auth", _AUTH_WORD), ("ref", _REF_WORD)) if word.search(label)}


def _unassigned(text: str, hit: Hit) -> bool:
    """The letter prints the plan's number as not yet given, and the number read is under no number's label of another
    kind (a request's reference number beside an authorization number to come; an appeal's number not yet assigned
    says nothing of the authorization's)."""
    own = text[text.rfind("\n", 0, hit.start) + 1 : hit.start]
    for m in _UNASSIGNED.finditer(text):
        line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
        if _APPEAL_LABEL.search(line + m.group("label")):
            continue
        if _NUMBER_WORD.search(own) and _kinds(own) and not (_kinds(own) & _kinds(m.group("label"))):
            continue
        return True
    return False


_COVER = re.compile(r"\bfax\b|\bfacsimile\b|\bpages?\s+\d{1,2}\b|\bcover\s+(?:sheet|page)\b", I)
_NAMES_PATIENT = re.compile(r"\b(?:patient|member|enrollee|beneficiary|insured|re|regarding|subject|dob|birth)\b", I)


def after_cover(letter: Any, text: str) -> bool:
    """Whether a fax's cover page (naming no patient) was passed over and another member's page left out: the letter's
    member is the first page's that names one, a guess the reader is told of (the review's fix)."""
    pages = getattr(letter, "pages", ())
    return bool(pages) and bool(_other_member_pages(letter, text)) and bool(
        _COVER.search(text, pages[0].start, pages[0].end)
        and not _NAMES_PATIENT.search(text, pages[0].start, pages[0].end)
    )


def _other_member_pages(letter: Any, text: str) -> list[tuple[int, int]]:
    """The pages (spans) that name another member than the first page does: member id and name both differ."""
    from priorauth.letters import fields

    pages = getattr(letter, "pages", ())
    if len(pages) < 2 or len(text) != len(letter.text):
        return []

    def who(p: Any) -> tuple[str, set[str]] | None:
        found = fields.patient(text[p.start : p.end])
        mid, name = found.get("member_id"), found.get("name")
        if mid is None or name is None:
            return None
        return patient._alnum(str(mid.value)), {w.casefold() for w in re.findall(r"[A-Za-z]{3,}", str(name.value))}

    # (a fax's cover page first, naming no member: the first page that names one is the letter's, letters pass 35)
    # (the review's fix: only a cover that names no patient at all, "Re: ... your patient <name>" is no such cover)
    lead = 0
    while (
        lead < len(pages) - 1
        and who(pages[lead]) is None
        and _COVER.search(text, pages[lead].start, pages[lead].end)
        and not _NAMES_PATIENT.search(text, pages[lead].start, pages[lead].end)
    ):
        lead += 1
    first = who(pages[lead])
    if first is None:
        return []
    out = []
    for p in pages[lead + 1 :]:
        other = who(p)
        if other is not None and other[0] != first[0] and not (other[1] & first[1]):
            out.append((p.start, p.end))
    return out


def number(
    letter: Any,
    text: str,
    hit: Hit | None,
    kind: str | None,
    read: Callable[[str], Hit | None],
    warnings: list[str],
) -> Hit | None:
    """The reference number read (``hit``), unless it is not this decision's (the classes above): then the one the
    letter says is (``read``: the reader's number on a text), else nothing."""
    if hit is None:
        return None
    if _unassigned(text, hit):
        warnings.append("the letter says the plan's number is not yet assigned: no reference number is proposed")
        return None
    if _voided(text, hit):
        new = _replacement(text, hit)
        warnings.append(
            "the reference number read was voided by the letter"
            + (": its replacement is proposed" if new else ": no reference number is proposed")
        )
        return new
    spans = _other_member_pages(letter, text)
    if any(a <= hit.start < b for a, b in spans):
        blanked = text
        for a, b in spans:
            blanked = blanked[:a] + re.sub(r"[^\n]", " ", blanked[a:b]) + blanked[b:]
        again = read(blanked)
        warnings.append(
            "the reference number read is on a page about another member: "
            + ("read again without it" if again else "not proposed")
        )
        return again if again is not None and not any(a <= again.start < b for a, b in spans) else None
    if _earlier(text, hit, kind):
        own = _decision_line_id(text, hit)
        warnings.append(
            "the reference number read is an earlier decision's (the letter's history)"
            + (": the decision's own is proposed" if own else ": no reference number is proposed")
        )
        return own
    return hit


def _earlier(text: str, hit: Hit, kind: str | None) -> bool:
    """The number is in the letter's history (on a line that opens with "History:"), or a denial says it was approved."""
    b = _sentence(text, hit.start, hit.end)[1]
    if _HISTORY.search(text, text.rfind("\n", 0, hit.start) + 1, hit.start):  # its own line opens with "History:"
        return True
    return kind == "denied" and bool(_WAS_APPROVED.search(text, hit.end, b))


_DECIDED = re.compile(r"\b(?:denied|approved|not\s+approved|declined|rejected|pended|pending)\b", I)


# (review fix) on a decision's line a number that is a phone's or a fax's ("fax 5550123456", "TEL-800-555-0123", a
# 555-01xx number) or a date written without its slashes ("07312027", "20270731") is never the decision's id
_PHONE_WORD = re.compile(r"\b(?:phone|telephone|tel|fax|facsimile|call|dial|toll[- ]?free|tty|tdd|ph|cell)\b\W{0,3}$", I)
_PHONE_SHAPE = re.compile(
    r"^(?:(?:TEL|PH|PHONE|FAX)\b.*|1?-?\d{3}-\d{3}-\d{4}|1?\d{3}555\d{4}|1?555\d{4}|\d{3}-?555-?\d{4})$", I
)
_DATE_SHAPE = re.compile(r"^(?:(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:19|20)\d\d|(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))$")


def _phone_or_date(m: re.Match[str]) -> bool:
    """The id found is a phone's or a fax's number (a word before it says so, or its shape), or a date."""
    value, before = m.group(0), m.string[: m.start()]
    return bool(_PHONE_WORD.search(before) or _PHONE_SHAPE.match(value) or _DATE_SHAPE.match(value))


def _decision_line_id(text: str, earlier: Hit) -> Hit | None:
    """The one id on a line that states the decision ("Renewal request Y: DENIED"), outside the history."""
    found = []
    history = [(h.start(), (text.find("\n\n", h.start()) + 1 or len(text) + 1) - 1) for h in _HISTORY.finditer(text)]
    for line in re.finditer(r"[^\n]+", text):
        if any(x <= line.start() < y for x, y in history):
            continue  # a row of the history (its paragraph)
        if (
            line.start() <= earlier.start < line.end()
            or _WAS_APPROVED.search(line.group(0))
            or _HISTORY.match(line.group(0))
        ):
            continue
        if not _DECIDED.search(line.group(0)):
            continue
        ids = [i for i in _ID.finditer(line.group(0)) if i.group(0) != str(earlier.value) and not _phone_or_date(i)]
        if len(ids) == 1:
            found.append(Hit(ids[0].group(0), line.start() + ids[0].start(), line.start() + ids[0].end()))
    return found[0] if len(found) == 1 else None


# -- 3. a double-dash list ----------------------------------------------------------------------------------------------
# an item's line: a double dash, a blank, a word (never a rule "--  ----"; a line alone, a footer "-- ... --", is no list)
_DOUBLE_DASH = re.compile(r"^(?P<ind>[ \t]*)--(?=[ \t]+[\w(\"'])[^\n]*$", M)


def dashed(text: str) -> str:
    """The text with the double dash of each item of a list (two such lines one under the other, or more) read as one
    dash (offsets kept)."""
    found = list(_DOUBLE_DASH.finditer(text))
    out = text
    for n, m in enumerate(found):
        prev = found[n - 1] if n else None
        nxt = found[n + 1] if n + 1 < len(found) else None
        if (prev and prev.end() + 1 == m.start()) or (nxt and m.end() + 1 == nxt.start()):
            at = m.end("ind")
            out = out[:at] + " -" + out[at + 2 :]
    return out


# -- 4. a name read twice alike -----------------------------------------------------------------------------------------
def read_twice(letter: Any, raw: bytes | None, start: int, end: int) -> Callable[[], bool]:
    """A second look at the words of a name OCR read unsurely (made only when asked: a name one letter off the
    case's): True when it reads the same letters."""
    done: list[bool] = []

    def look() -> bool:
        if not done:
            from priorauth.letters import safety34

            second = safety34.second_reading(letter, raw, start, end)
            first = letter.text[start:end]
            done.append(second is not None and _letters(second) == _letters(first))
        return done[0]

    return look


def _letters(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.casefold())
