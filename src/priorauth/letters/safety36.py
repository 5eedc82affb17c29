"""Issue 18, safety pass on the thirty-sixth held-out set: the classes behind its wrong values, closed so that each
value is read right or left empty (never guessed).

1. A letter about several patients: a practice's report whose table has a row per patient (a name, a date of birth
   and / or a member id on each row, two rows or more naming different people). Its decisions are every patient's;
   read whole, the first row's patient, number, period and quantity were handed to this case. With the case's patient
   given, the one row that is theirs (their member id, or their name and date of birth) is read: the other rows and
   every clause naming another row's number are blanked (offsets kept). With no case, no row of theirs, or two: nothing
   is proposed, with a warning.

Guards: a one-patient letter's own decision and number; a table of one patient's drugs (one name on every row)."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from typing import Any

from priorauth.letters import patient

# -- 1. a letter about several patients ---------------------------------------------------------------------------------
_HEADER = re.compile(r"^[ \t|]*(?:patient|member|enrollee|beneficiary|name)\b[^\n]*$", re.I | re.M)
_HEAD_WORDS = re.compile(r"\b(?:DOB|birth|born|member[ \t]*(?:id|no|#|number)|ID)\b", re.I)
_CELLS = re.compile(r"[ \t]*\|[ \t]*|[ \t]{2,}|\t")
_NAME_CELL = re.compile(r"^(?-i:[A-Z][A-Za-z'’\-.]*(?:,?[ \t][A-Z][A-Za-z'’\-.]*){1,3})$")
_DATE = re.compile(r"\b\d{1,4}[/.\-]\d{1,2}[/.\-]\d{2,4}\b")
_ID = re.compile(
    r"(?<![\w-])(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9]+(?:-[A-Z0-9]+)+(?![\w-])|(?<![\w/.-])\d{7,}(?![\w/.-])"
)


# a roster's first column names the patient ("Name" alone only beside a birth-date column: a "copies sent to" table's
# "Name  Fax ID  Date sent" is no roster); its birth-date column, and the columns holding an authorization's number
_FIRST_CELL = re.compile(r"(?:patient|member|enrollee|beneficiary)\b", re.I)
_BIRTH_CELL = re.compile(r"\b(?:DOB|birth|born|D\.O\.B\.?)", re.I)
_AUTH_CELL = re.compile(r"\b(?:auth\w*|ref\w*|case|tracking|approval|PA|claim|rx)\b", re.I)
# an id-shaped cell: capitals and digits (a digit among them), hyphens allowed ("XQZ000999999", "CRH-3310-0988")
_ID_CELL = re.compile(r"(?=[A-Z0-9\-]*\d)[A-Z0-9][A-Z0-9\-]{5,}")


@dataclasses.dataclass
class _Row:
    start: int
    end: int
    name: str
    cells: list[str]
    auth: frozenset[int] = frozenset()  # the columns of an authorization's (or a reference's) number
    born: str = ""  # the birth-date cell


def _born_date(cell: str) -> bool:
    """A cell holding a date of birth's shape: a whole date, its year four digits from 1900 on (or two)."""
    m = re.fullmatch(r"(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{2,4})", cell.strip())
    return bool(m) and (len(m.group(1)) == 4 or len(m.group(3)) in (2, 4))


def _rows(text: str) -> list[_Row]:
    """The rows of a table of patients: under a header whose first cell is the patient's (patient, member, enrollee,
    beneficiary; "name" only with a birth-date column) and which names a birth date or an id column, each row opening
    with a person's name and, where the header has a birth-date column, a date of birth in it; read to the first blank
    line. Several people: names the patient comparison tells apart (or their birth dates differ)."""
    for head in _HEADER.finditer(text):
        heads = [c for c in _CELLS.split(head.group(0).strip().strip("| \t")) if c]
        if not _HEAD_WORDS.search(head.group(0)) or len(heads) < 3:
            continue
        birth = next((i for i, c in enumerate(heads) if _BIRTH_CELL.search(c)), None)
        if not _FIRST_CELL.match(heads[0]) and birth is None:
            continue
        auth = frozenset(i for i, c in enumerate(heads) if _AUTH_CELL.search(c))
        rows: list[_Row] = []
        for line in re.finditer(r"^[^\n]*", text[head.end() + 1 :], re.M):
            body = line.group(0).strip()
            if not body:
                break
            if re.fullmatch(r"[-=_| \t+]+", body):
                continue
            cells = [c for c in _CELLS.split(body.strip("| \t")) if c]
            if not cells or not _NAME_CELL.match(cells[0]) or not (_DATE.search(body) or _ID.search(body)):
                break
            if birth is not None and not (birth < len(cells) and _born_date(cells[birth])):
                break
            at = head.end() + 1 + line.start()
            born = cells[birth] if birth is not None else ""
            rows.append(_Row(at, at + len(line.group(0)), cells[0], cells, auth, born))
        if _people(rows) >= 2:
            return rows
    return []


def _people(rows: list[_Row]) -> int:
    """How many people the rows name: two rows are one person when the patient comparison finds their names the same
    ("Dana R. Whitlow", "Dana Whitlow") and their birth dates do not differ."""
    seen: list[_Row] = []
    for r in rows:
        if not any(
            (not r.born or not s.born or _same_day(r.born, s.born))
            and not patient.mismatches({"name": r.name}, {"name": s.name})
            and not patient.mismatches({"name": s.name}, {"name": r.name})
            for s in seen
        ):
            seen.append(r)
    return len(seen)


def _same_day(a: str, b: str) -> bool:
    x, y = re.split(r"[/.\-]", a.strip()), re.split(r"[/.\-]", b.strip())
    return [v.lstrip("0") for v in x] == [v.lstrip("0") for v in y]


def _ids(row: _Row) -> list[str]:
    """The row's id-shaped cells outside its authorization / reference columns (its member id, a card's number)."""
    return [
        re.sub(r"[^A-Z0-9]", "", c.upper())
        for i, c in enumerate(row.cells)
        if i and i not in row.auth and _ID_CELL.fullmatch(c.strip())
    ]


def _theirs(row: _Row, case: dict[str, Any]) -> bool:
    """The row is the case's patient's: their member id in a cell; or, a row with no id cell of its own (or a case
    with no member id), their name and date of birth. A row whose own id cell is not the case's member id is
    another's, whatever its name and birth date."""
    want_id = re.sub(r"[^A-Z0-9]", "", str(case.get("member_id") or "").upper())
    if want_id and any(re.sub(r"[^A-Z0-9]", "", c.upper()) == want_id for c in row.cells):
        return True
    if want_id and _ids(row):
        return False
    born = case.get("birth_date")
    born = born.isoformat() if isinstance(born, date) else str(born or "")
    name = str(case.get("name") or "")
    if not name or not born:
        return False
    dates = [d for c in row.cells for d in _DATE.findall(c)]
    read = {"name": row.name}
    y, m, d = [*born.split("-"), "", "", ""][:3]
    same_day = any(
        re.split(r"[/.\-]", x)
        in ([m, d, y], [d, m, y], [y, m, d], [m.lstrip("0"), d.lstrip("0"), y], [d.lstrip("0"), m.lstrip("0"), y])
        for x in dates
    )
    return same_day and not patient.mismatches(read, {"name": name})


def one_patient(letter: Any, case: dict[str, Any] | None, warnings: list[str]) -> tuple[Any, bool]:
    """(the letter to read, whether nothing is to be proposed). A letter about several patients is read only in the
    case's patient's row (the others, and every clause naming their numbers, blanked), else not at all."""
    rows = _rows(letter.text)
    if not rows or (case and all(_theirs(r, case) for r in rows)):  # every row the case's patient's: one patient
        return letter, False
    ours = [r for r in rows if case and _theirs(r, case)]
    if len(ours) != 1:
        warnings.append(
            "the letter lists several patients' decisions"
            + (" and none of its rows is surely the case's patient" if case else "")
            + ": nothing is proposed; read the case's patient's row on the letter"
        )
        return letter, True
    text = letter.text
    own_ids = {i for c in ours[0].cells for i in _ID.findall(c)}
    others = {i for r in rows if r is not ours[0] for c in r.cells for i in _ID.findall(c)} - own_ids
    for r in rows:
        if r is not ours[0]:
            text = text[: r.start] + re.sub(r"[^\n]", " ", text[r.start : r.end]) + text[r.end :]
    for other in sorted(others, key=len, reverse=True):
        for m in re.finditer(re.escape(other), text):
            a = max(text.rfind(x, 0, m.start()) for x in (";", ". ", ".\n", "\n\n", ":"))
            a = a + 1 if a >= 0 else 0
            stops = [
                i
                for i in (
                    text.find(";", m.end()),
                    text.find(". ", m.end()),
                    text.find(".\n", m.end()),
                    text.find("\n\n", m.end()),
                )
                if i >= 0
            ]
            b = min(stops, default=len(text))
            if any(i in text[a:b] for i in own_ids):
                b = m.end()  # our own number beside it: only the other's id blanked
                a = m.start()
            elif re.fullmatch(r"[ \t]*[A-Za-z]+(?:[ \t][A-Za-z]+){0,2}[ \t]*:", text[text.rfind("\n", 0, a) + 1 : a]):
                a = (
                    text.rfind("\n", 0, a) + 1
                )  # its label too ("Approved: <another's number> ..."): no statement of ours
            text = text[:a] + re.sub(r"[^\n]", " ", text[a:b]) + text[b:]
    warnings.append("the letter lists several patients' decisions: only the case's patient's row is read")
    return dataclasses.replace(letter, text=text), False


def number(hit: Any, text: str, case: dict[str, Any] | None, warnings: list[str], ocr: bool = False) -> Any:
    """A reference number that is the patient's member id (read on the letter, or the case's) is no authorization's;
    at fax, one read opening with a 1 before capitals where the letter prints another id opening with an I before the
    same capitals ("1BX-280120-..." beside "IBX-MVH-...": the same stroke read twice ways) is left empty."""
    if hit is None:
        return None
    opening = re.match(r"[1l|](?P<caps>[A-Z]{2,})", str(hit.value))
    if ocr and opening and re.search(rf"(?<![\w-])I{opening.group('caps')}(?=[\d\-\s])", text):
        warnings.append(
            "the reference number opens with a 1 where the letter's other ids open with an I: it is not proposed"
        )
        return None
    read = re.sub(r"[^A-Z0-9]", "", str(hit.value).upper())
    ids = [str((case or {}).get("member_id") or "")]
    ids += [
        m.group("v")
        for m in re.finditer(
            r"\bmember[ \t]*(?:id|no\.?|#|number)[ \t]*:?[ \t]*(?P<v>[A-Z0-9][A-Z0-9 \-]{4,24}[A-Z0-9])", text, re.I
        )
    ]
    if read and any(read == re.sub(r"[^A-Z0-9]", "", i.upper()) for i in ids if i):
        warnings.append("the reference number read is the patient's member id: it is not proposed")
        return None
    return hit


# -- 2. a patient detail that is not the patient's, or read cut -------------------------------------------------------
# a heading's words read as a name ("PATIENT CARE NOTE": "CARE NOTE" after the word "PATIENT")
_DOC_WORDS = re.compile(
    r"\b(?:notes?|report|summary|record|profile|form|sheet|statement|notification|update|status|alert|log|chart|receipt|"
    r"confirmation|outcome|result|decision|determination|memo|printout|worksheet|transcript|communication|correspondence)\b",
    re.I,
)
# the letter's own id, a document's, read as the member's ("Letter ID 0000-4471")
_OTHER_ID_LABEL = re.compile(
    r"\b(?:letter|notice|document|doc|correspondence|batch|job|print|page|file|form|report|record|mail(?:ing)?|envelope|"
    r"barcode|control|message|notification)[ \t]*(?:ID|no\.?|number|#)[ \t]*[:#.]?[ \t]*$",
    re.I,
)
# a glyph a fax made inside an id, where OCR stopped it ("QPB-G1'-000581-22" read "QPB-G1")
_CUT_GLYPH = re.compile(r"[^\sA-Za-z0-9\-/][A-Za-z0-9\-]")


def not_patients(name: str, hit: Any, text: str, ocr: bool, warnings: list[str]) -> bool:
    """The patient detail read is not the patient's (a heading's words, the letter's own id) or was cut by a fax's glyph:
    it is left empty, with a warning."""
    if not isinstance(hit.value, str):
        return False
    if name == "name" and _DOC_WORDS.search(hit.value):
        warnings.append(
            "the patient's name read holds a heading's words (a note's or a report's title): left empty; read it on the letter"
        )
        return True
    if name == "member_id" and _OTHER_ID_LABEL.search(text[text.rfind("\n", 0, hit.start) + 1 : hit.start]):
        warnings.append("the member id read is labelled as the letter's own id: left empty; read it on the letter")
        return True
    if name == "member_id" and ocr and _CUT_GLYPH.match(text, hit.end):
        warnings.append("the member id read stops at a glyph the fax made inside it: left empty; read it on the letter")
        return True
    return False


# -- 3. a name one fax glyph off the case's ------------------------------------------------------------------------------
# letters a fax's pixels turn into one another: a "t" whose bar is lost is an "l", an "r" whose arm joins the stem an "n"
_GLYPH_PAIRS = ({"t", "l"}, {"r", "n"})


def _glyph_off(read: str, want: str, weak: set[str] | None = None) -> bool:
    """The two names have the same words but one, which differs in one letter of a glyph pair (same length); with
    ``weak`` (the words OCR read under its sure confidence), only when that word is among them."""
    a = re.findall(r"[a-z]+", patient._unaccented(read).casefold())
    b = re.findall(r"[a-z]+", patient._unaccented(want).casefold())
    if len(a) != len(b):
        return False
    off = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if len(off) != 1 or len(off[0][0]) != len(off[0][1]) or len(off[0][0]) < patient.NEAR_LENGTH:
        return False
    diff = [{p, q} for p, q in zip(*off[0], strict=True) if p != q]
    if weak is not None and not any(off[0][0] in re.findall(r"[a-z]+", patient._unaccented(w)) for w in weak):
        return False  # the differing word read surely: another name ("Kalie" of "Katie", twins on one id)
    return len(diff) == 1 and diff[0] in _GLYPH_PAIRS


def glyph_near(p: Any, case: dict[str, Any] | None, out: list[str], near: list[str]) -> tuple[list[str], list[str]]:
    """A fax's name one glyph pair letter off the case's ("Whillow" of "Whitlow"), its birth date the case's and no
    member id differing, is a near match (a warning to check it): only when OCR read the differing word under its sure
    confidence (a name read surely one letter off is another person's: twins on a subscriber's id)."""
    if not (p.ocr and case and out == ["name"]):
        return out, near
    read, want = p.patient.get("name") or p.weak_patient.get("name"), case.get("name")
    born, want_born = p.patient.get("birth_date"), case.get("birth_date")
    if not (isinstance(read, str) and want and born and want_born and str(born) == str(want_born)):
        return out, near
    if _glyph_off(read, str(want), set(getattr(p, "weak_words", ()))):
        return [], [*near, "name"]
    return out, near


# -- 4. a denial's reason after a dash on a "Result:" line ----------------------------------------------------------------
_RESULT_LINE = re.compile(
    r"^[ \t|]*(?i:(?:review[ \t]+)?result|answer|response|action[ \t]+taken)[ \t]*:[ \t]*(?:DENIED|NOT[ \t]+APPROVED|DECLINED)"
    r"[ \t]*(?:[—–]|--?)[ \t]*(?P<r>[A-Za-z][^\n]{3,80}?)[ \t.]*$",
    re.M,
)


# a labelled reason elsewhere on the letter ("Reason for denial: ..."): the dash's words are never preferred to it
_LABELLED_REASON = re.compile(
    r"^[ \t|*]*(?:(?:our|the|denial|decision)[ \t]+)?reasons?(?:[ \t]+(?:for|of)[ \t]+(?:the[ \t]+|this[ \t]+)?"
    r"(?:denial|decision|determination|non-?approval))?[ \t]*:",
    re.I | re.M,
)
# what was done with the decision, not why ("DENIED - Peer to peer review available", "- Provider notified by fax")
_PROCESS = re.compile(r"\b(?:peer|notified|notif\w*|fax\w*|mailed|mail|appeal\w*|review\w*|available|call\w*)\b", re.I)


def dash_reason(text: str) -> Any:
    """The words after a denial's dash on a "Result:" line ("RESULT: DENIED - DUPLICATE THERAPY"), as
    :func:`priorauth.letters.dash_reason.reason` reads them on a "Decision:" line, or None: only on a letter with no
    labelled reason, and never words of the process (a peer review offered, the provider notified by fax)."""
    from priorauth.letters import dash_reason as dash
    from priorauth.letters.spans import Hit

    if _LABELLED_REASON.search(text):
        return None
    for m in _RESULT_LINE.finditer(text):
        words = m.group("r").split()
        if 2 <= len(words) <= 8 and not dash._NOT_A_REASON.search(m.group("r")) and not _PROCESS.search(m.group("r")):
            return Hit(" ".join(words), m.start("r"), m.end("r"))
    return None


# -- 5. items asked for, read cut or with a form's blanks -------------------------------------------------------------
# a form's answer blanks under a question ("[] Yes  [] No  Test name:"): no item asked for
_BLANKS = re.compile(r"^\W{0,4}(?:yes|no)(?![a-z])[\W_]*(?:yes|no)(?![a-z])", re.I)
# a fax's small letter for a digit's stroke inside a code ("G12C" read "Gi2C")
_SMALL_IN_CODE = re.compile(r"(?<![A-Za-z])(?:[A-Z0-9]+[a-z][0-9][A-Z0-9]*|[A-Z0-9]*[0-9][a-z][A-Z0-9]+)(?![A-Za-z])")
# printed so, never a misread: a marker's name ("Ki67", "Ki-67"), a unit after a number ("10mL", "5mcL")
_SMALL_PRINTED = re.compile(r"^(?:[A-Z][a-z][0-9]+|[0-9]+(?:\.[0-9]+)?(?:m|mc|d|u|n)?L)$")
# a generic lead-in over an item ("Please send the following:", "information from your doctor:"); one naming a
# document, a test or a note ("a note from the prescriber stating:") is the item's own words
_GENERIC_LEAD = re.compile(
    r"\b(?:the[ \t]+following|(?:information|records)[ \t]+from[ \t]+(?:your|the)[ \t]+(?:doctor|prescriber|provider)|"
    r"please[ \t]+send|send[ \t]+us|we[ \t]+need)\b",
    re.I,
)
_NAMED_LEAD = re.compile(
    r"\b(?:notes?|tests?|reports?|letters?|statements?|stating|results?|documents?|documentation|forms?|charts?|"
    r"attestations?|prescriptions?|labs?|records[ \t]+of|if)\b",
    re.I,
)


def _misread_code(item: str) -> bool:
    """A token with a small letter for a digit inside a code ("Gi2C"), not one printed so ("Ki67", "10mL")."""
    return any(not _SMALL_PRINTED.match(m.group(0)) for m in _SMALL_IN_CODE.finditer(item))


def _opened(item: str) -> bool:
    """An item cut inside its parentheses, or after a quote's opening mark ('a note that says "KRAS'; a cell's
    closing quote mark alone is a CSV's, no cut)."""
    return item.count("(") > item.count(")") or bool(re.search(r'(?:^|\s)"\w[^"]*$', item))


def requested(items: list[dict[str, Any]], text: str, ocr: bool, warnings: list[str]) -> list[dict[str, Any]]:
    """The items asked for, an item split inside its parentheses joined again ("(AST, ALT" and "total bilirubin) ..."),
    a lead-in ending its line cut ("information from your doctor:" over the item), a form's answer blanks dropped;
    an item still cut inside its parentheses or quotes, or a fax's code read with a small letter for a digit: the list
    is left empty (never a part of an item, never a misread one)."""
    from priorauth.letters import mapping

    def item(value: str, a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
        return {
            **a,
            "item": value,
            **mapping.concerns(value),
            "end": b["end"],
            "confidence": min(a["confidence"], b["confidence"]),
        }

    out: list[dict[str, Any]] = []
    for r in items:
        if out and _opened(out[-1]["item"]) and r["item"].count(")") > r["item"].count("("):
            out[-1] = item(f"{out[-1]['item']}, {r['item']}", out[-1], r)
            continue
        if _BLANKS.match(r["item"]):
            continue
        lead = re.match(r"(?P<lead>[^:()\n]{3,80}):[ \t]+(?P<rest>\S.*)$", r["item"], re.S)
        colon = text.find(":", r["start"], r["end"]) if lead else -1
        generic = bool(lead) and _GENERIC_LEAD.search(lead.group("lead")) and not _NAMED_LEAD.search(lead.group("lead"))
        if generic and colon >= 0 and re.match(r"[ \t]*\n", text[colon + 1 :]):
            r = item(lead.group("rest"), r, r)
        out.append(r)
    if any(_opened(r["item"]) for r in out) or (ocr and any(_misread_code(r["item"]) for r in out)):
        warnings.append("an item asked for was read cut or with a misread code: read the list on the letter")
        return []
    return out
