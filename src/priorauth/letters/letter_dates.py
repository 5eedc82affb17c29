"""The letter's own date and the approved period (start, end), and a register's Julian YYDDD dates where it
says so. Split out of :mod:`priorauth.letters.fields`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from priorauth.letters import (
    column_label,
    compared,
    dates,
    dotted_dates,
    paired_labels,
    tables,
    worded,
    written_on,
)
from priorauth.letters.spans import STAMP_LINE, Hit, I, M
from priorauth.letters.stale import SENTENCE_END, stale

# -- dates -------------------------------------------------------------------------------------------
_Q = r"(?:letter|notice|notification|decision|determination|mail(?:ing)?|print|issue|sent|run|statement)\s+"  # (a "Statement date:", the twenty-eighth pass)
_SUF = r"\s+(?:of\s+(?:this\s+)?(?:letter|notice|notification|decision|determination)|sent|issued|mailed|printed)"
_LETTER_DATE = re.compile(  # "dated 05/28/2026" in a sentence is another paper's date, never the letter's
    # (a speck a fax's OCR put before a line's label, "' Date: Mon, 13 Sep 2027", is no word of the line)
    # (a title in capitals whose column gap before its date label a fax closed to one blank: "NOTICE OF DENIAL Notice
    # date: 04/08/2027"; the label capitalised and with its colon, never a sentence's "notice date")
    r"(?:^(?:[ \t]*['‘’`,.](?=[ \t]))?|(?<=\S[ \t]{2})|(?<=(?-i:[A-Z]{2})[ \t])(?=(?-i:Notice|NOTICE|Letter|LETTER)[ \t]+(?i:date)[ \t]*:))[ \t]*"
    rf"(?:{_Q}dated?(?:{_SUF})?[ \t.:\-]*|dated?{_SUF}[ \t.:\-]*|dated?(?:[ \t]*[.:\-]|[ \t]{{2,}})[ \t.:\-]*|(?-i:DATE|Issued|ISSUED)[ \t]+"
    r"|(?:issued|mailed|printed|created|sent(?:[ \t]+time)?)(?:[ \t]+on)?(?:[ \t]*:|[ \t]*\.{3,})[ \t]*"
    # the date's label in the twenty-fifth set's languages: Estonian, Finnish, Turkish, Latvian, Norwegian, Greek (its
    # accented letter a box where the PDF's font lacks it)
    r"|(?:kuup[äa]ev|p[äa]iv[äa]m[äa][äa]r[äa]|tarih|datums|dato|ημερομην[ιί■]α)[ \t]*:[ \t]*"
    r"|(?i:response|message|notice|letter)[ \t]+(?i:created|issued|generated)(?:[ \t]+on)?[ \t:]+"  # an X12 print's "Response created 2027-06-11 14:22"  # "Issued: 08.30.2027", FHIR "created ..... 2027-07-02T..."
    r"|(?<![\w])(?:(?i:so)[ \t]+)?(?:given|dated|signed|done|ordered)[ \t]+(?:at[ \t]+[A-Z][\w ]{0,30},[ \t]+)?this[ \t]+(?=(?:\d|[a-z]+[\s-]?[a-z]*[ \t]+day)))"  # "Given this 3rd day of May, 2027", a board's "So ordered this 18th day of ..."
    rf"(?:{dates.WEEKDAY}[ \t]+)?(?P<d>" + dates.DATE + r")",
    M,
)


# a fax cover sheet as page 1 ("FACSIMILE TRANSMITTAL", "FAX COVER SHEET"): its date is the fax's, the letter's
# own date is on the pages after it
_COVER = re.compile(r"\b(?:facsimile|fax)\s+(?:transmittal|transmission|cover(?:\s+(?:sheet|page))?)\b", I)


# a date's order said beside it: "(day/month/year)", "(month.day.year)", "(DD/MM/YYYY)"
# (or said in the letter's language, words before it: "(dates au format JJ/MM/AAAA)", "(formato DD/MM/AAAA)")
_FORMAT_NOTE = re.compile(
    r"[ \t]*\((?:[^\W\d]+[ \t]+){0,3}?(?P<o>day|month|year|dd|mm|yyyy|jj|aaaa|tt|jjjj)(?:[/.\- ](?:day|month|year|dd|mm|yy|yyyy|jj|aaaa|tt|jjjj)){2}\)$",
    I,
)
# a birth date's label in the languages the letters use ("Date de naissance", "Fødselsdato", "Data urodzenia"): a
# letterhead's last column under one is a birth, never the letter's date
_BIRTH_WORD = re.compile(
    r"\b(?:dob|birth|born|naissance|nacimiento|nacid[oa]|nascimento|nascita|geburt\w*|geboorte\w*|f[øö]d\w*|urodzenia|"
    r"narodenia|narozen[íi]|ro\S?enja|gimimo|syntym\w*|sz[üu]let\w*|n[ée]e)\b",
    I,
)


# a German dateline's dotted date, day first as German letters write it ("Lindenau, den 09.03.2027": 9 March)
_GERMAN_DATELINE = re.compile(r",[ \t]*den[ \t]+\d{1,2}\.\d{1,2}\.\d{4}[ \t]*$")


def _day_first(line: str, found: dates.Found) -> dates.Found:
    """A numeric date read day first, as the note beside it says ("04/08/2027 (day/month/year)" is 4 August)."""
    m = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", line[found.start : found.end])
    day = dates.calendar_day(m.group(3), m.group(2), m.group(1)) if m else None
    return found if day is None else dates.Found(day, found.start, found.end)


def letter_date(text: str) -> Hit | None:
    first, sep, rest = text.partition("\f")
    if sep and _COVER.search(first) and (own := _letter_date(rest)):
        at = len(first) + 1
        return Hit(own.value, own.start + at, own.end + at, own.note)
    own = _letter_date(text) or written_on.letter_date(text)  # "<payer> writes on April 6, 2027 about ..."
    if own is not None and isinstance(own.value, date):  # "Haselbrück, 10.02.2027" beside "17.03.1949 (TT.MM.JJJJ)"
        own = Hit(dotted_dates.reread(text[own.start : own.end], own.value, text), own.start, own.end, own.note)
    return own


def _letter_date(text: str) -> Hit | None:
    """The letter's own date: a decision stamp's atop the letter ("DENIED 10 MAY 2027" over a returned form,
    whose "Date:" is its signer's), a ``Date:`` label, else the first line of page 1 that is only a date,
    or a heading line's last column ("NOTICE OF DENIAL            MAR 31 2027", "... (FAX)   2/2/27  16:05")."""
    top = "\n".join(text.split("\n")[:3])
    if _JULIAN_SAID.search(text) and (m := _JULIAN_DATE.search(top)) and (d := julian(m.group("j"))):
        return Hit(d, m.start("j"), m.end("j"), f"Julian date {m.group('j')}")  # a register's "RUN DATE 27180"
    for m in _DECIDED_ON.finditer(top):
        if (d := dates.parse(m.group("d"))) and not _RANGE_AFTER.match(top, m.end("d")) and not stale(text, m.start()):
            return Hit(d, m.start("d"), m.end("d"))
    if stamped := _stamp_date(text):
        return stamped
    for m in _LETTER_DATE.finditer(text):
        d = dates.parse(m.group("d"))
        if d:
            return Hit(d, m.start("d"), m.end("d"))
    for m in _GLOSSED_DATE.finditer(text):  # "Dáta / Date: 18 Eanáir 2027 / 18 January 2027": the date read in English
        if d := dates.parse(m.group("d")):
            return Hit(d, m.start("d"), m.end("d"))
    first_page = text.split("\f", 1)[0]
    lines = first_page.split("\n")[:25]
    pos = 0
    for line in lines:
        stripped = re.sub(rf"^(?:{dates.WEEKDAY}|le\b)\s*", "", line.strip(), flags=I)  # "Mon 1 Nov 2027", French "Le 7 mai 2027"
        # a dateline: a place, then the date ("Puerto Alameda, a 22 de marzo de 2027", "Bremerhaven, 21. Juni 2027")
        # (a place's particle in small letters: "Viana do Alvor, 28 de janeiro de 2027", "Castel di Sangro, ...")
        stripped = re.sub(
            r"^[A-ZÀ-Þ][\w'’.-]*(?:[ -](?:[A-ZÀ-Þ][\w'’.-]*|d[aeiou]s?|del|della|dei|sur|am|upon)){0,4},[ \t]*(?:a[ \t]+|le[ \t]+|den[ \t]+|am[ \t]+)?(?=\d)",  # (an Austrian "Wien, am 14. Jänner 2027")
            "",
            stripped,
        )
        # a year's word after the date ("Beograd, 20.5.2027. godine", "Warszawa, 15 marca 2027 r.")
        stripped = re.sub(r"(?<=\d)\.?[ \t]+(?:godine|god\.|r\.|m\.)$", "", stripped)
        stripped = re.sub(r"(?<=\d)[ \t]+[—–_~|]{1,2}$", "", stripped)  # a rule's mark OCR put after a dateline: "June 7, 2027 —"
        # an app's notification heading: a bullet or an icon's square, the date, its time ("■ Oct 12, 2027 · 10:05"; at
        # fax the middle dot read as a dash between blanks, "May 12, 2027 - 4:47 PM")
        stripped = re.sub(
            r"(?<=\d)(?:[ \t]*[·,@]|[ \t]+[-–][ \t])[ \t]*\d{1,2}:\d{2}(?:[ \t]*[AaPp]\.?[Mm]\.?)?$", "", re.sub(r"^[■•▪][ \t]*", "", stripped)
        )
        note = _FORMAT_NOTE.search(stripped)
        stripped = _FORMAT_NOTE.sub("", stripped)  # "28/04/2027 (day/month/year)": the date alone, its order said
        found = dates.find(re.sub(r"(?<=\d{4})/(?!\d{1,2}/)", " ", line))  # "June 15, 2027/15 de junio" (OCR)
        if found and ((note and note.group("o").lower() in ("day", "dd", "jj", "tt")) or _GERMAN_DATELINE.search(line)):
            found[0] = _day_first(line, found[0])
        # a line that is only a date, or a letterhead's date column ("July 1, 2026      Reference ..."), or a
        # date and its translation ("June 15, 2027 / 15 de junio de 2027")
        alone = found and stripped and found[0].end - found[0].start >= len(stripped) - 1 and len(found) == 1
        opens = found and line.strip().startswith(line[found[0].start : found[0].end])
        translated = opens and re.match(r"[ \t]*/[ \t]*\S", line[found[0].end :])
        column = opens and re.match(rf"[ \t]*(?:{dates.DATE})(?:[ \t]{{2,}}|$)", line, I)
        # (the thirty-first pass) at fax the column gap read as a bar: "07/02/2027 | (Expedited)"; one date on the line
        column = column or (opens and len(found) == 1 and re.match(rf"[ \t]*(?:{dates.DATE})[ \t]+\|[ \t]+\S", line, I))
        # (the twenty-eighth pass) a dateline, its place before the date, then a column gap and the letterhead's other
        # column ("San José, 10 de febrero de 2027            Solicitud No. ...")
        placed = (
            found
            and stripped != line.strip()
            and stripped.startswith(line[found[0].start : found[0].end])
            and re.match(rf"(?:{dates.DATE})[ \t]{{2,}}\S", stripped, I)
        )
        if alone or translated or column or placed:
            return Hit(found[0].day, pos + found[0].start, pos + found[0].end)
        # a heading line's last field after a middle dot or a bar ("ACME HEALTH · RENEWAL DECISION · 7 December 2027",
        # at fax the dot read as a colon or a dash),
        # in the letter's first three lines: the letter's date, before any table's dates below it
        if (
            len(found or []) == 1
            and pos < len("\n".join(lines[:3]))
            and (tail := _HEADING_DATE.search(line) or _caps_heading_date(line))
            and not re.search(r"\b(?:dob|d\.o\.b|birth|born|page|printed|faxed|received|sent|due|by|until|expires?|through|thru|effective|from|to|valid)\b", line, I)
            and (d := dates.parse(tail.group("d")))
        ):
            return Hit(d, pos + tail.start("d"), pos + tail.end("d"))
        pos += len(line) + 1
    for m in _LAST_COLUMN.finditer("\n".join(lines[:6])):
        if (d := dates.parse(m.group("d"))) and not _BIRTH_WORD.search(m.group(0)):
            if m.group("speck") and (not _SPECK_LINE.search(m.group(0)) or _SPECK_LABEL.search(m.group(0))):
                continue  # a speck's gap dates a heading's line only, never a labelled field (the review's fix)
            if column_label.birth_by_label(text, m.start("d"), m.end("d")):
                continue  # "Date of birth" over it in a grid of labels and values: a birth, never the letter's date
            return Hit(d, m.start("d"), m.end("d"))
    # a telex's date-time group atop the message ("ZCZC SMW0412 141530Z MAY 27": the 14th, 15:30 UTC), a dateline
    # run into a wall of text whose line breaks were lost ("... Review Thursday the 21st of October 2027 Member ...")
    top3 = "\n".join(lines[:3])
    if (m := _DTG.search(top3)) and (d := dates.parse(f"{m.group('d')} {m.group('rest')}")):
        return Hit(d, m.start("d"), m.end("rest"))
    if (m := _WEEKDAY_DATE.search(top3)) and (d := dates.parse(m.group("d"))):
        return Hit(d, m.start("d"), m.end("d"))
    head = "\n".join(lines[:12])  # a stamp's or a portal's decision date near the top: "* DENIED 03/09/27 *"
    for m in _DECIDED_ON.finditer(head):
        if (d := dates.parse(m.group("d"))) and not stale(text, m.start()):
            return Hit(d, m.start("d"), m.end("d"))
    return worded.letter_date(first_page)  # a certificate's "Given on this sixth day of July, two thousand twenty-seven"


# a bilingual dateline (the twenty-seventh pass): the label glossed ("Dáta / Date:"), the date in the other language
# first, then after a slash in one the reader knows ("18 Eanáir 2027 / 18 January 2027"); a line opening the letter's
# head only (never a birth's or a period's label: only "Date" is the gloss read)
_GLOSSED_DATE = re.compile(
    rf"^[ \t]*[^\W\d][^\n/:]{{0,20}}[ \t]/[ \t]*(?i:date)[ \t]*:[ \t]*[^\n/]{{1,30}}/[ \t]*(?P<d>{dates.DATE})[ \t]*$",
    M,
)
# (the thirty-second pass) a heading in capitals and the date in the column after it, the gap a fax closed to one blank
# ("AMENDED NOTICE - PLEASE READ Sept. 21, 2027"): every word before the date in capitals (a dash between them)
_CAPS_HEADING_DATE = re.compile(
    rf"^[ \t]*(?-i:[A-Z][A-Z'&/]*(?:[ \t]+(?:[A-Z][A-Z'&/]*|[-–—]))*)[ \t]+(?P<d>{dates.DATE})[ \t]*$", I
)


# (review fix) a heading naming what its date is of: a service, a fill, a review, a renewal, a birth, a request ...
_NAMED_DATE = re.compile(
    r"\b(?:services?|dos|fill(?:ed)?|refill|dispensed|shipped|ship|review(?:ed)?|renewals?|birth|dob|requests?|requested|"
    r"received|submitted|admission|admitted|discharge|appeal|expir\w*|effective|prescribed|written|signed|printed|"
    r"faxed|sent|mailed|onset|diagnosis|surgery|visit|injury)\b|"
    r"\bdate[ \t]+of[ \t]+(?!(?:this[ \t]+)?(?:notice|letter|decision|determination)\b)",
    I,
)


def _caps_heading_date(line: str) -> re.Match[str] | None:
    """:data:`_CAPS_HEADING_DATE`, never a heading that names another date ("COVERAGE ENDS ...", "RENEWAL STARTS ...",
    "DATE OF SERVICE ...", "FILL DATE ...", "REVIEW DATE ...": a service's, a fill's, a review's, a request's date)."""
    if re.search(r"\b(?:ends?|ending|ended|deadline|starts?|starting|begins?|renews?)\b", line, I):
        return None
    if _NAMED_DATE.search(line):
        return None
    return _CAPS_HEADING_DATE.search(line)


_HEADING_DATE = re.compile(rf"\S[ \t]*(?:[ \t][·•|\-–—]|:)[ \t]+(?P<d>{dates.DATE})[ \t]*$", I)
_DTG = re.compile(r"(?<![\w/])(?=(?:0[1-9]|[12]\d|3[01])\d{4}Z[ \t])(?P<d>\d\d)\d{4}Z[ \t]+(?P<rest>" + dates._MONTH + r"[ \t]+\d{2}(?:\d{2})?)(?![\w/])", I)
_WEEKDAY_DATE = re.compile(rf"\b{dates.WEEKDAY}[ \t]+(?P<d>{dates.DATE})", I)


def _stamp_date(text: str) -> Hit | None:
    top = "\n".join(text.split("\n")[:3])
    for line in STAMP_LINE.finditer(top):
        for m in re.finditer(rf"(?<![\w/\-])(?:{dates.DATE})", line.group(0), I):  # not inside a number
            before = line.group(0)[: m.start()]
            if re.search(r"(?:\b(?:eff(?:ective)?|from|thru|through|to|rec'?d|received|until|exp(?:ires)?)\.?)[ \t:]*$", before, I):
                continue
            ranged = re.match(rf"\s*(?:-|–|to|through|thru|until)\s*(?:{dates.DATE})", line.group(0)[m.end() :], I)
            if ranged or (d := dates.parse(m.group(0))) is None:
                continue
            return Hit(d, line.start() + m.start(), line.start() + m.end())
    return None


_RANGE_AFTER = re.compile(r"\s*(?:-|–|to|through|thru|until)\s", I)
# a heading line's last column is its date: words, a gap of two spaces or more, a date (and a time) at its end
_LAST_COLUMN = re.compile(
    # (a dateline's place before the date in that column, the twenty-seventh pass: "Nr. ...      Cluj-Napoca, 4 februarie
    # 2027")
    # (a fax's speck read in the gap, "RESULT . Friday, April 20, 2029": letters pass 35; a "." only, on a heading's
    # line: :data:`_SPECK_LINE`)
    rf"^[^\n]*\S(?:[ \t]{{2,}}|[ \t]+[—–][ \t]+|(?P<speck>[ \t]+\.[ \t]+))(?:(?-i:[A-ZÀ-Þ])[\w'’.-]*(?:[ -](?-i:[A-ZÀ-Þ])[\w'’.-]*){{0,3}},[ \t]*(?:(?:a|le|den|am)[ \t]+)?)?(?P<d>{dates.DATE})(?:[ \t]+\d{{1,2}}:\d{{2}}(?:[ \t]*[AP]\.?M\.?)?)?[ \t]*$", I | M
)
# the line a speck's gap may date (the review's fix): a notice's, result's, decision's or review's heading, never a
# labelled field ("Last fill . 04/02/2027", "Request received . ...", "Date of diagnosis . ...", "Previous denial . ...")
_SPECK_LINE = re.compile(r"\b(?:notice|result|decision|determination|review|letter)\b", I)
_SPECK_LABEL = re.compile(
    r"\b(?:fill(?:ed)?|received|diagnos[ie]s|previous|prior|last|earlier|service|dob|birth|born|date\s+of|submitted|sent|due|"
    r"expir\w*|effective|start|end|from|through|until)\b",
    I,
)
# the decision's own date, when the letter has no date of its own: a stamp's ("APPROVED 02/01/27"), a
# portal's ("Decided 28-Feb-2027", "Determination made: 3/9/27")
_DECIDED_ON = re.compile(
    r"(?-i:\b(?:APPROVED|DENIED|PENDED|DECIDED|Decided|Approved|Denied)(?:[ \t]+on)?|"
    r"\b(?:decision|determination)\s+(?:made|issued|rendered)|\b(?-i:Status|STATUS)\s+(?-i:Date|DATE))[ \t:]+"
    r"(?P<d>" + dates.DATE + r")(?![\w/])",
    I,
)


_RANGE = re.compile(
    # (the thirty-third pass: a relay's "Approved 10/20/27, good thru 10/19/28", the end said as how long it holds)
    rf"(?P<a>{dates.DATE})\s*(?:-|–|—|to|through|thru|until|and|al|hasta(?:\s+el)?|au|a(?=\s)|,?\s*(?:good|valid)\s+(?:through|thru|until|till))"
    rf"\s*(?P<b>{dates.DATE})",
    I,
)
_PERIOD_CONTEXT = re.compile(
    r"approv|aprob|aprov|per[ií]odo|vigencia|validade|authori[sz]|autoris|p[ée]riode|covered|valid|effective|\beff\b|period|coverage|dates?\s+of\s+service|from|certif|span|duration|how\s+long", I
)
# a help desk's six-digit MMDDYY date, read only after a date's label ("EFF DT....031527", "DOB 062958")
_SIX = r"(?<!\d)(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{2}(?!\d)"
_START = re.compile(
    rf"\b(?:start(?:s|ing)?|first\s+day\s+(?:covered|of\s+coverage)|effective|eff\.?|(?:takes|took)\s+effect|begin(?:ning|s)?|commencing|from|valid\s+from|approved\s+from|authorization\s+start|period\s+start)"
    rf"(?:\s+(?:date|dt\.?))?[\s.:\-]*(?:date[\s.:\-]*)?(?:on\s+)?(?P<d>{dates.DATE}|{_SIX})",
    I,
)
_END = re.compile(
    rf"(?:(?<=approved)(?:through|thru|until)|\b(?:last\s+day\s+(?:covered|of\s+coverage)|ends?|ending|expiration|expiry|expires?(?:\s+on)?|through|thru|valid\s+(?:to|through|until)|until|stop|"
    rf"to\s+date|thru\s+date|through\s+date|authorization\s+end|period\s+end|termination|terminating|term|exp\.?)"
    r"|(?m:^)[ \t|]*(?:(?:covered|valid|approved|authorized|coverage|effective)[ \t]+)?to(?=[ \t]*(?::|\.{3,})|[ \t]{2,}\d))"  # OCR's "Approvedthrough"; a "From | To" table's "To:" column, "Approved to ....."
    # (a fax's lost blank before "date": "Enddate", as the start's "Startdate")
    rf"(?:\s*(?:date|dt\.?))?[\s.:\-]*(?:on\s+)?(?P<d>{dates.DATE}|{_SIX})",
    I,
)


# a portal's rows "Effective | 2027-03-16" over "Expires | 2027-09-15" (the twenty-ninth pass): read only as a pair, when
# no other start or end was read (a partial pair would keep a table's own reading from being tried)
_START_ROW = re.compile(rf"^[ \t|]*effective(?:[ \t]+date)?[ \t]+\|[ \t]+(?P<d>{dates.DATE})[ \t]*(?:\||$)", I | M)
_END_ROW = re.compile(
    rf"^[ \t|]*(?:expires|expiry|expiration(?:[ \t]+date)?|through|thru|until|end(?:[ \t]+date)?)[ \t]+\|[ \t]+(?P<d>{dates.DATE})[ \t]*(?:\||$)", I | M
)


def _rows(text: str) -> tuple[Hit, Hit] | None:
    """The period from a portal's "Effective | ..." and "Expires | ..." rows: both, in order, or None."""
    s = next((m for m in _START_ROW.finditer(text) if not stale(text, m.start())), None)
    e = next((m for m in _END_ROW.finditer(text) if not stale(text, m.start())), None)
    a = dates.parse(s.group("d")) if s else None
    b = dates.parse(e.group("d")) if e else None
    if not (s and e and a and b and a <= b):
        return None
    return Hit(a, s.start("d"), s.end("d")), Hit(b, e.start("d"), e.end("d"))


def _labelled_first(found: Iterable[re.Match[str]]) -> re.Match[str] | None:
    """The first match that opens its line as a label ("Coverage starts:  January 11, 2027") over one
    inside a sentence ("asked us to cover it starting January 1, 2027"), else the first."""
    found = list(found)
    for m in found:
        line = m.string[m.string.rfind("\n", 0, m.start()) + 1 : m.start()]
        if len(line.split()) <= 3 and re.search(r"[:.]|\s{2}", m.string[m.start() : m.start("d")]):
            return m
    return found[0] if found else None


# the dates a corrected notice says were wrong: never the period
_MISTAKE = re.compile(r"\b(?:wrong|incorrect|erroneous|mistaken|in\s+error)\b", I)


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts (looking back 200 characters at most)."""
    start = max(0, pos - 200)
    for m in SENTENCE_END.finditer(text, start, pos):
        start = m.end()
    return start


def _mistaken(text: str, pos: int) -> bool:
    """Whether the sentence up to ``pos`` says what stands there was wrong ("showed the wrong approval period (")."""
    return bool(_MISTAKE.search(text, _sentence_start(text, pos), pos))


# the range a sentence says was asked for ("You applied for cover from a to b"), where no word of approval
# stands in it before the range: the request, never the approved period
_ASKED = re.compile(r"\b(?:(?:you|we|your\s+(?:doctor|prescriber|office))\s+(?:asked|applied)\s+(?:us\s+)?for|you\s+requested|(?:was|were)\s+requested)\b", I)
_GRANTED = re.compile(r"\b(?:approved|authori[sz]ed|granted|certified)\b", I)


def _asked(text: str, pos: int) -> bool:
    """Whether the sentence up to ``pos`` says what stands there was asked for, not approved."""
    start = _sentence_start(text, pos)
    return bool(_ASKED.search(text, start, pos)) and not _GRANTED.search(text, start, pos)  # "We approved the coverage you asked for from"


def _near(before: str) -> str:
    """The words just before a range that may name it a birth date: its own line's label when it has one ("Authorized:
    09/10/2027 - ..." under "... DOB: 01/05/1955" is no birth date: the thirty-second pass), else the line above."""
    tail = before[-40:]
    own = tail[tail.rfind("\n") + 1 :]
    return own if re.search(r"[A-Za-z]", own) else tail


def period(text: str) -> tuple[Hit | None, Hit | None] | None:
    """The approved period (start, end): a date range near words about approval or validity, else a
    labelled start and end date (either may be missing: an approval "until coverage ends" has no end)."""
    if _JULIAN_SAID.search(text) and (julian_span := _julian_period(text)):
        return julian_span
    # "Start / End ..... a / b": the pair, never its "End" read alone (letters pass 35)
    if (paired := paired_labels.period(text)) and not stale(text, paired[0].start):
        return paired
    for m in _RANGE.finditer(text):
        before = text[max(0, m.start() - 120) : m.start()]
        if not _PERIOD_CONTEXT.search(before) or re.search(r"birth|dob\b", _near(before), I) or stale(text, m.start()):
            continue
        if _asked(text, m.start()):  # "You applied for cover from a to b. Cover is approved from a to c."
            continue
        if _mistaken(text, m.start()):  # a corrected notice's "That letter showed the wrong approval period (a - b)"
            continue
        line_end = text.find("\n", m.start()) % (len(text) + 1)
        row = [r for r in _RANGE.finditer(text, text.rfind("\n", 0, m.start()) + 1, line_end) if r.start() >= m.start()]
        if (i := compared.pick(text, [r.span() for r in row])) is not None:
            m = row[i]  # a row of requested and approved ranges, each under its heading: the approved one
        a, b = dates.parse(m.group("a")), dates.parse(m.group("b"))
        if a and b and a <= b:
            return Hit(a, m.start("a"), m.end("a")), Hit(b, m.start("b"), m.end("b"))
    s = _labelled_first(
        m for m in _START.finditer(text) if dates.parse(m.group("d")) and not stale(text, m.start()) and not _asked(text, m.start())
    )
    e = _labelled_first(
        m
        for m in _END.finditer(text)
        if dates.parse(m.group("d"))
        and not stale(text, m.start())
        and not _asked(text, m.start())
        and not paired_labels.paired_end(text, m.start())
    )
    a = dates.parse(s.group("d")) if s else None
    b = dates.parse(e.group("d")) if e else None
    if a and b and a > b:
        return None
    if s is None and e is None:
        return _rows(text)
    return (
        Hit(a, s.start("d"), s.end("d")) if s and a else None,
        Hit(b, e.start("d"), e.end("d")) if e and b else None,
    )


# a mainframe register's dates as Julian YYDDD, which it says ("DATES ARE JULIAN YYDDD"): read only where it says so
_JULIAN_SAID = re.compile(r"\bjulian\b[^\n]{0,20}\bYYDDD\b|\bYYDDD\b[^\n]{0,20}\bjulian\b", I)


_JULIAN_DATE = re.compile(r"\b(?:run|report|print|notice|letter|decision)?[ \t_-]?(?:date|dt)[ \t:.]+(?P<j>\d{5})(?!\d)", I)


_JULIAN_FROM = re.compile(r"^[ \t]*(?:from|start|eff(?:ective)?)[-_ ]?(?:dt|date)[ \t]*:[ \t]*(?P<j>\d{5})[ \t]*$", I | M)
_JULIAN_THRU = re.compile(r"^[ \t]*(?:thru|through|to|end|exp(?:ires)?)[-_ ]?(?:dt|date)[ \t]*:[ \t]*(?P<j>\d{5})[ \t]*$", I | M)


def _julian_period(text: str) -> tuple[Hit | None, Hit | None] | None:
    """A register's period in Julian dates under its FROM-DT / THRU-DT columns (read only where the letter says
    its dates are Julian): both, in order, or none."""
    lines, segs = tables.pairs(text)
    a, b = _JULIAN_FROM.search(lines), _JULIAN_THRU.search(lines)
    if not (a and b):
        return None
    near = (on := letter_date(text)) and on.value
    start, end = julian(a.group("j"), near or None), julian(b.group("j"), near or None)
    if not (start and end and start <= end):
        return None
    hits = tables.back(Hit(start, a.start("j"), a.end("j")), segs), tables.back(Hit(end, b.start("j"), b.end("j")), segs)
    return hits if None not in hits else None


def julian(value: str, near: date | None = None) -> date | None:
    """A Julian YYDDD date ("27261" is 18 September 2027), its century the one nearest ``near``."""
    yy, ddd = int(value[:2]), int(value[2:])
    if not 1 <= ddd <= 366:
        return None
    day = date(2000 + yy, 1, 1) + timedelta(days=ddd - 1)
    if day.year != 2000 + yy:
        return None
    return dates.century(day, near=near)
