"""The appeal deadline: a date the letter gives, or a number of days counted from a date it names (its own,
the decision's, a mailing's, a given one). Split out of :mod:`priorauth.letters.fields`."""

from __future__ import annotations

import re
from datetime import date, timedelta

from priorauth.letters import (
    appeal_terms,
    appeal_windows,
    dates,
    worked_example,
)
from priorauth.letters.letter_dates import _JULIAN_SAID, julian
from priorauth.letters.spans import Hit, I, M

_NUMBER_WORDS = {
    "seven": 7,
    "ten": 10,
    "fourteen": 14,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty-five": 45,
    "forty five": 45,
    "sixty": 60,
    "ninety": 90,
    "one hundred twenty": 120,
    "one hundred eighty": 180,
    "one hundred and eighty": 180,
    "sixty-five": 65,
    "forty": 40,
    "twenty-one": 21,
    "thirty-five": 35,
}
_N = (
    r"(?P<n>\d{1,3}|"
    + "|".join(w.replace(" ", r"\s+").replace("-", r"[\s-]") for w in sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r")(?:\s*\((?P<nd>\d{1,3})\))?"
)
# an ordinal day: "no later than the one hundred eightieth (180th) day following ...", "the 60th day after"
_ORD = r"(?:the\s+)?(?:(?:[a-z]+[\s-]+){0,4}?\((?P<o1>\d{1,3})(?:st|nd|rd|th)\)|(?P<o2>\d{1,3})(?:st|nd|rd|th))"
_APPEAL_DAYS = re.compile(
    rf"\b(?:within|w/in|w/i|no\s+later\s+than|by|in|up\s+to|have|has|due|is|are|window|period|limit|rights|"
    rf"(?:accepted|received|taken|considered|open|available)\s+for|appeal(?=[ \t]*:))(?:[\s:|_—–]+|[ \t]*\.{{3,}}[ \t]*)(?:{_N}|{_ORD})\s+(?:calendar\s+)?days?\s+"
    # "sixty (60) calendar days counted from the memo date"; OCR's "frorn" for "from"
    r"(?:(?:counted|running|measured)\s+)?(?:of|from|fro(?:rn|m)|after|following)\s+(?:the\s+)?(?P<from>[^.;]{0,60})",
    I,
)
_APPEAL_BY = re.compile(
    rf"(?:(?:appeal|redetermination|reconsideration)[\s\S]{{0,160}}?\b(?:by|before|no\s+later\s+than|on\s+or\s+before|until|deadline(?:\s+is)?(?:[ \t]*[:.]+)?)\s+(?P<d>{dates.DATE}))"
    # (the thirty-fourth pass: "you may ask us to reconsider. Your written request must reach us by <date>"; the review's
    # fix: only "by", "no later than", "on or before", in the same sentence or the next one's "request must reach us")
    rf"|(?:ask\s+(?:us|the\s+plan)\s+to\s+reconsider\b(?:[^.\n]{{0,160}}?|\.\s+(?:your\s+)?(?:written\s+)?request\s+must\s+"
    rf"(?:reach\s+us|be\s+received|be\s+sent|be\s+made)\s+"
    # (letters pass 35: the next sentence the request's own instruction, "You may ask us to reconsider. Write to us by
    # <date>.")
    r"|\.\s+(?:please\s+)?(?:write\s+to\s+us|send\s+(?:us\s+)?your\s+(?:written\s+)?request)\s+)"
    rf"\b(?:by|no\s+later\s+than|on\s+or\s+before)\s+(?P<d4>{dates.DATE}))"
    # (the thirty-third pass: "APPEAL WINDOW CLOSES ...... <date>", "Appeal period ends: <date>")
    rf"|(?:(?:appeal\s+(?:deadline|due\s+date|by|last\s+day|(?:window|period)\s+(?:closes|ends))|deadline\s+(?:to|for)\s+(?:file\s+an\s+|request\s+an\s+|an\s+)?appeal|"
    rf"last\s+(?:day|date)\s+to\s+(?:file\s+an\s+|request\s+an\s+)?appeal|appeal\s+must\s+be\s+(?:received|filed|submitted)\s+by|"
    # (the thirty-fourth pass: an ePA print's "Redetermination request due by: <date>", "Appeal request due: <date>"; the
    # review's fix: "request due" only, never a bare "due date")
    rf"(?:appeal|redetermination|reconsideration)\s+request\s+due(?:\s+(?:by|date))?)"
    rf"[^:\n]{{0,30}}?[:\s]\s*(?:{dates.WEEKDAY}\s+)?(?P<d2>{dates.DATE}))"
    # (and "You have until <date> to ask for a redetermination": a Medicare plan's appeal named as its level, the
    # thirty-third pass)
    rf"|(?:\b(?:until|by|before|through)\s+(?P<d3>{dates.DATE}),?\s+to\s+(?:file\s+|request\s+|submit\s+|send\s+|ask\s+for\s+)?"
    r"(?:an?\s+|your\s+)?(?:appeal|redetermination|reconsideration))",
    I,
)
_FROM_LETTER = re.compile(
    r"^(?:(?:this|the|our)\s+)?(?:date\s+(?:of|on)\s+(?:this|the|our)\s+|(?:date\s+of\s+)?)"
    # (OCR's "1etter"; a board's "date of this Order")
    # (an amended notice is this letter: "180 days of the date of this amended notice", the thirty-second pass; "this" only:
    # "the date of the corrected notice" may be a later letter)
    r"(?:(?<=this\s)(?:amended|corrected|revised|reissued|updated)\s+)?"
    r"(?:(?:adverse|denial|coverage|outcome|decision|determination)\s+)?(?:[l1I]etter|notice|notification|denial|decision|determination|memo(?:randum)?|e-?mail|message|response|order)"
    r"|^(?:(?:this|the|our)\s+)?(?:denial|decision|notice|letter|determination|memo(?:randum)?|order)\s+date"
    r"|^(?:the\s+)?date\s+on\s+(?:the\s+)?(?:first|front|top)\s+page\s+of\s+(?:this|the|our)\s+(?:letter|notice)"
    r"|^(?:the\s+)?date\s+of\s+this\s+(?:communication|statement)\b"  # (the twenty-eighth pass: "this" only)
    r"|^this\s+date\b"  # a stamp's "APPEAL W/IN 60 DAYS OF THIS DATE": the date it bears
    # "60 days of the date this response was created", "45 DAYS OF DATE OF THIS MSG": the letter's own date
    r"|^(?:the\s+)?date\s+(?:this|the|our)\s+(?:letter|notice|response|message|msg|e-?mail)\s+was\s+(?:created|sent|issued|written|dated|mailed)\b"
    r"|^(?:the\s+)?date\s+of\s+(?:this|the|our)\s+(?:msg|telex|cable|fax)\b"
    r"|^(?:the\s+)?(?:stamp(?:ed)?|print(?:ed)?|issue|status|result|mail(?:ing|ed)?|response)\s+date\b"  # "W/IN 90 DAYS OF STAMP DATE"
    r"|^(?:the\s+)?date\s+(?:above|at\s+the\s+(?:top|head)|shown\s+above|printed\s+above|of\s+issue)\b"  # "of the date above"
    # a telex's date-time group ("45 DAYS OF THIS DTG"), the day it speaks of as today ("60 days from today's date",
    # a voicemail's), its "Issued" label ("180 days from Issued")
    r"|^(?:this|the)\s+DTG\b|^today(?:['’]s\s+date)?\b|^issued\b(?!\s+(?:by|to)\b)"
    r"|^(?:the\s+)?date\s+(?:printed|shown|written|stated|given)\s+(?:at\s+the\s+top\s+of|on|in|at\s+the\s+head\s+of)\s+(?:this|the|our)\s+(?:letter|notice)",
    I,
)
# a chat export's line stamped with its date ("[06/15/27 13:43] Plan team: ... within 60 days of today's message")
_TODAY = re.compile(r"today\b(?:['’]s\s+(?:message|date|note|reply|chat))?", I)
_LINE_STAMP = re.compile(rf"[ \t]*\[(?P<d>{dates.DATE})(?:[ \t,]+\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:[ \t]*[AaPp][Mm])?)?\]")
_NAMED_DATE = re.compile(r"(?:the\s+)?(?P<w>[A-Za-z]{4,})\s+date\b", I)
# a window counted from the day the letter was mailed (never its own date), and the mailing date it prints
_FROM_MAILING = re.compile(r"\b(?:was|were|is|been)\s+(?:mailed|posted|sent)\b|\b(?:mailing|postmark|posting)\s+date\b|\bdate\s+(?:of\s+)?(?:mailing|postmark)", I)
_MAILED_ON = re.compile(
    rf"(?:^[ \t|]*|(?<=[ \t]{{2}}))(?:mailed(?:\s+on)?|date\s+mailed|mail(?:ing)?\s+date|postmarked(?:\s+on)?|postmark\s+date)[ \t]*[:.]?[ \t]*(?P<d>{dates.DATE})",
    I | M,
)
_FROM_RECEIPT = re.compile(r"\breceiv|\bget\s+this|\bservice", I)


_APPEAL_RECEIVED = re.compile(
    r"\b(?:we|the\s+plan)\s+(?:have\s+|has\s+)?received\s+your\s+(?:request\s+for\s+(?:an?\s+)?)?(?:appeal|redetermination|"
    r"reconsideration)\b",
    I,
)


def appeal_deadline(text: str, letter: date | None) -> tuple[Hit | None, str]:
    """The last day to appeal: a date the letter gives, or N days from the letter's date (None, why,
    when the days run from something the letter does not date, such as its receipt)."""
    for m in _APPEAL_BY.finditer(text):
        g = next(x for x in ("d", "d2", "d3", "d4") if m.group(x))
        if g == "d2" and re.search(r"request\s+due", m.group(0), I) and _APPEAL_RECEIVED.search(text):
            continue  # (the review's fix) "We received your request for redetermination ...": no window left to read
        if _NOT_APPEAL.search(_sentences_around(text, m.start(g), m.end(g))[0]):
            continue  # the date of another window after the appeal's ("... peer-to-peer discussion until 09/06")
        if worked_example.inside(text, m.start(g)):
            continue  # "(Example: if a letter is dated January 5, the appeal must be filed by March 6.)": no fact
        if d := dates.parse(m.group(g)):
            return Hit(d, m.start(g), m.end(g)), ""
    if _JULIAN_SAID.search(text):  # a register's "APPEAL-BY 27261" where its dates are said to be Julian YYDDD
        for m in _APPEAL_BY_JULIAN.finditer(text):
            if d := julian(m.group("j"), letter):
                return Hit(d, m.start("j"), m.end("j"), f"Julian date {m.group('j')}"), ""
    for m in _APPEAL_DAYS.finditer(text):
        if worked_example.inside(text, m.start()):
            continue  # "For example, within 60 days of January 5 ...": an example's window, no fact
        own, around = _sentences_around(text, m.start(), m.end())
        row = text.rfind("\n", 0, m.start()) + 1
        if "|" in text[row : m.start()]:  # a table's cell: its row is its sentence (the next row is another field's)
            own = text[row : text.find("\n", m.start()) % (len(text) + 1)]
        if not (_APPEAL_WORDS.search(around) or appeal_terms.REVIEW.search(around)) or _NOT_APPEAL.search(own):
            continue
        ordinal = m.group("o1") or m.group("o2")
        n = int(ordinal) if ordinal else int(m.group("nd")) if m.group("nd") else _days(m.group("n"))
        src = m.group("from")
        # the span cited: the window's words on their line (what the match took past it is the next row or line, its
        # OCR confidence none of the window's); it opens at the number of days (a cell's rule before it is no word of it)
        end = m.end() if (cut := text.find("\n", m.start("from"), m.end())) < 0 else max(cut, m.start("from"))
        start = m.start(next(g for g in ("n", "o1", "o2") if m.group(g)))
        if given := _FROM_GIVEN.match(" ".join(src.split())):  # "180 days of 20270419", "from decision date 11/02/27"
            said = given.group("d") or given.group("d2")
            if day := dates.parse(said):
                return Hit(day + timedelta(days=n), start, end, f"{n} days from {said}"), ""
        mailed = _MAILED_ON.search(text) if _FROM_MAILING.search(" ".join(src.split())[:60]) else None
        if mailed and (day := dates.parse(mailed.group("d"))):
            # "45 days of the date this notice was mailed" when the letter prints that date apart ("Mailed on: ..."); a
            # letter that prints none is mailed on its own date
            return Hit(day + timedelta(days=n), start, end, f"{n} days from the mailing date {mailed.group('d')}"), ""
        stamp = _LINE_STAMP.match(text, text.rfind("\n", 0, m.start()) + 1) if _TODAY.match(src) else None
        if stamp and (day := dates.parse(stamp.group("d"))):  # a chat's "within 60 days of today's message": its line's date
            return Hit(day + timedelta(days=n), start, end, f"{n} days from the message's date {stamp.group('d')}"), ""
        if _FROM_LETTER.search(" ".join(src.split())) and not _FROM_RECEIPT.search(src[:25]):
            decided = (
                (_DECISION_DATE.search(text) or _STATUS_DATED.search(text)) if _FROM_DECISION.match(" ".join(src.split())) else None
            )
            if decided and (day := dates.parse(decided.group("d"))):  # "60 days of the decision date shown above"
                return Hit(day + timedelta(days=n), start, end, f"{n} days from the decision date"), ""
            if letter is None:
                return None, f"the appeal deadline is {n} days from the letter's date, which could not be read"
            return Hit(letter + timedelta(days=n), start, end, f"{n} days from the letter's date"), ""
        if (named := _NAMED_DATE.match(" ".join(src.split()))) and not _FROM_RECEIPT.search(named.group("w")):
            # "60 days from the worksheet date": the date the letter prints under that name ("Worksheet date: ...")
            # (or "Reply issued 23/11/2027" for "the reply date above")
            label = re.search(
                rf"(?:^|[ \t]{{2}}|\|)[ \t]*{re.escape(named.group('w'))}\s+(?:date|issued|dated)[ \t]*[:.]?[ \t]*(?P<d>{dates.DATE})", text, M | I
            )
            if label and (day := dates.parse(label.group("d"))):
                return Hit(day + timedelta(days=n), start, end, f"{n} days from the {named.group('w')} date"), ""
        if labelled := appeal_terms.named_label_date(src, text):  # "30 days of date reviewed": "Date reviewed: ..."
            return Hit(labelled[0] + timedelta(days=n), start, end, f"{n} days from the {labelled[1]}"), ""
        return None, f"the appeal deadline is {n} days from a date the letter does not give ({src.strip()[:40]})"
    for m in _APPEAL_DIAS.finditer(text):  # a Spanish letter: "apelacion dentro de 60 dias a partir de la fecha de esta carta"
        if letter is not None:
            n = int(m.group("n") or m.group("n2") or m.group("n3") or m.group("n4") or m.group("n5") or m.group("n6") or m.group("n7"))
            return Hit(letter + timedelta(days=n), m.start(), m.end(), f"{n} days from the letter's date"), ""
        return None, "the appeal deadline is counted from the letter's date, which could not be read"
    for m in appeal_terms.APPEAL_FIRST.finditer(text):  # "bezwaar maken binnen 42 dagen na de datum van deze brief"
        if letter is not None and appeal_terms.order_unsure(m, letter, text):
            return None, "the appeal deadline is counted from the letter's date, whose day and month could be swapped"
        if letter is not None:
            n = appeal_terms.days(m)
            return Hit(letter + timedelta(days=n), m.start(), m.end(), f"{n} days from the letter's date"), ""
        return None, "the appeal deadline is counted from the letter's date, which could not be read"
    for m in appeal_windows.WINDOW.finditer(text):  # "apelar dentro de los 30 días ...", "binnen zes weken na ..."
        if letter is not None:
            n = appeal_windows.days(m)
            return Hit(letter + timedelta(days=n), m.start(), m.end(), f"{n} days from the letter's date"), ""
        return None, "the appeal deadline is counted from the letter's date, which could not be read"
    return None, ""


_APPEAL_BY_JULIAN = re.compile(r"\bappeal[-_ ]?(?:by|deadline|due)(?:[-_ ]?(?:dt|date))?[ \t:.]+(?P<j>\d{5})(?!\d)", I)
_APPEAL_DIAS = re.compile(
    r"\b(?:apelaci[oó]n|recurso|reconsideraci[oó]n)\b[^.]{0,40}?\bdentro\s+de\s+(?:los\s+)?(?P<n>\d{1,3})\s+d[ií]as\s+"
    r"(?:calendario\s+|naturales\s+|corridos\s+)?(?:a\s+partir\s+de|desde|siguientes\s+a)\s+"  # (never "días hábiles": working days)
    r"la\s+fecha\s+(?:de|en)\s+(?:esta|este|la|el)\s+(?:carta|aviso|notificaci[oó]n|decisi[oó]n)"
    # a French letter: "demander la révision de cette décision dans les 90 jours suivant la date de la présente lettre"
    # (or "contester cette décision dans un délai de 30 jours à compter de la date de la présente lettre")
    r"|\b(?:r[ée]vision|appel|contestation|r[ée]examen|contester|recours)\b[^.]{0,60}?\bdans\s+(?:les|un\s+d[ée]lai\s+de)\s+(?P<n2>\d{1,3})\s+jours\s+"
    r"(?:suivant|de|[àa]\s+compter\s+de)\s+la\s+date\s+(?:de\s+)?(?:la\s+pr[ée]sente|cette|cet|de\s+la\s+pr[ée]sente)\s+(?:lettre|d[ée]cision|avis)"
    # (the window first, the appeal after it: "Vous disposez d'un délai de 60 jours à compter de la date du présent
    # courrier pour former un recours"; never "de sa réception": counted from its receipt)
    r"|\bd[ée]lai\s+de\s+(?P<n7>\d{1,3})\s+jours\s+(?:[àa]\s+compter\s+de|suivant)\s+la\s+date\s+(?:du\s+pr[ée]sent|de\s+la\s+pr[ée]sente|de\s+ce|de\s+cette)\s+"
    r"(?:courrier|lettre|d[ée]cision|avis|notification)(?=[^.]{0,60}\b(?:recours|contester|contestation|r[ée]vision|r[ée]examen)\b)"
    # an Italian letter: "presentare ricorso entro 30 giorni dalla data della presente lettera" (never "dal
    # ricevimento": counted from its receipt)
    r"|\b(?:ricorso|opposizione|riesame)\b[^.]{0,40}?\bentro\s+(?P<n6>\d{1,3})\s+giorni\s+dalla\s+data\s+(?:della\s+presente|di\s+questa)(?:\s+(?:lettera|comunicazione|decisione))?"
    # a German letter: "Sie können innerhalb von 30 Tagen ab dem Datum dieses Schreibens Widerspruch einlegen"
    # (never "nach Zugang" / "nach Erhalt": counted from its receipt, a date the letter does not give)
    # (a Swiss letter's "innert 30 Tagen ab Datum dieses Schreibens ... Einsprache erheben")
    r"|\b(?:innerhalb\s+von|innert|binnen)\s+(?P<n3>\d{1,3})\s+tagen\s+(?:ab|nach|seit)\s+(?:dem\s+)?datum\s+(?:dieses|des)\s+"
    r"(?:schreibens|bescheides?|briefes|entscheides?|entscheids)(?=[^.]{0,40}\b(?:widerspruch|einsprache|beschwerde)\b)"
    # a Dutch letter: "binnen 42 dagen na de datum van deze brief bezwaar maken" (never "na ontvangst": its receipt)
    r"|\bbinnen\s+(?P<n5>\d{1,3})\s+dagen\s+(?:na|vanaf|gerekend\s+vanaf)\s+(?:de\s+)?(?:datum|dagtekening)\s+van\s+"
    r"(?:deze|dit|de)\s+(?:brief|besluit|beslissing)(?=[^.]{0,40}\b(?:bezwaar|beroep)\b)"
    # a Brazilian letter: "recurso no prazo de 30 (trinta) dias contados da data desta carta" (never "dias úteis":
    # working days, a deadline to send documents)
    r"|\b(?:recurso|recorrer)\b[^.]{0,80}?\bprazo\s+de\s+(?P<n4>\d{1,3})(?:\s*\([a-zçãéê\s-]+\))?\s+dias\s+(?:corridos\s+)?"
    r"(?:contados\s+)?(?:da|a\s+partir\s+da|a\s+contar\s+da)\s+data\s+(?:desta|da\s+presente|deste|do\s+presente)\s+(?:carta|notifica[cç][aã]o|decis[aã]o|aviso|comunicado)",
    I,
)


# a window counted from a date it gives: "within 180 days of 20270419", "60 days from decision date 11/02/27",
# "60 days from the date of this email (May 3, 2027)"
_FROM_GIVEN = re.compile(
    r"(?:(?:(?:decision|determination|disposition|letter|notice|response|denial|status)\s+)?date\s*[:.(]?\s*)?(?P<d>" + dates.DATE + r")(?![\w/])"
    r"|date\s+of\s+(?:this|the|our)\s+(?:letter|notice|e-?mail|message|memo|decision|determination)\s*\(\s*(?P<d2>" + dates.DATE + r")\s*\)",
    I,
)
# a window counted from the decision's own date when the letter labels one apart from its own date
# (a denial's own date, the thirtieth pass: "appeal within 180 days from the date of the denial" under "Date of denial: ...")
_FROM_DECISION = re.compile(
    r"(?:the\s+)?(?:decision|determination|status|result|denial)\s+date|(?:the\s+)?date\s+of\s+(?:the\s+|our\s+|this\s+)?(?:decision|determination|denial)", I
)
_DECISION_DATE = re.compile(
    rf"(?:^[ \t|]*|(?<=[ \t]{{2}}))(?:(?:decision|determination|status|result|denial)\s+date|date\s+of\s+(?:the\s+)?(?:decision|determination|denial)|decided(?:\s+on)?)"
    rf"[ \t]*(?:[:.|{{}}\[\]]+[ \t.|]*|[ \t]+)(?P<d>{dates.DATE})",  # (a cell's rule OCR read as "{|")
    I | M,
)
# a portal's status line dated in brackets: "Status ........ Denied (06/08/2027)" (the status date)
_STATUS_DATED = re.compile(
    rf"^[ \t|]*status\b[ \t.:|]+[A-Za-z][A-Za-z ]{{1,30}}\([ \t]*(?P<d>{dates.DATE})[ \t]*\)", I | M
)
_APPEAL_WORDS = re.compile(
    r"appea[l1I]|reconsider|redetermination|look\s+(?:at\s+(?:it|this|your\s+request|(?:this|the|our)\s+(?:decision|determination|denial))\s+)?again|review\s+(?:it|this|the\s+decision)\s+again|"
    r"(?:request|ask\s+for|file)\s+an?\s+(?:internal\s+)?review\s+of\s+(?:this|the|our)\s+(?:decision|determination|denial)|"
    r"(?:request|ask\s+for|file\s+for)\s+a\s+hearing\b|"  # a board's or tribunal's hearing on the decision
    # "To dispute this decision, ... may request ...", "may ask us to review this decision"
    r"\b(?:dispute|contest)\s+(?:this|the|our)\s+(?:decision|determination|denial)\b|"  # "Should you wish to contest this decision"
    r"\b(?:ask|request)\s+(?:us\s+)?to\s+review\s+(?:this|the|our)\s+(?:decision|determination|denial)\b|"
    # a fund's "A request for review must be lodged within 90 days of ..."
    r"\brequest\s+for\s+(?:a\s+|an\s+)?(?:internal\s+)?review\s+(?:must|may|can|should)\s+be\s+(?:lodged|filed|made|submitted|sent)\b|"
    # the twenty-seventh pass: "Objections may be lodged within 30 days ...", "may file a grievance within 15 days ..."
    r"\bobjections?\s+(?:must|may|can|should)\s+be\s+(?:lodged|filed|made|submitted)\b|\b(?:file|lodge|submit)\s+a\s+grievance\b",
    I,
)
# a window that is not the appeal's: a talk with the reviewer, information to send
_NOT_APPEAL = re.compile(
    r"peer[\s-]+to[\s-]+peer|discuss(?:ion)?\s+with|speak\s+with|talk\s+with|send\s+(?:us\s+)?(?:the\s+)?information", I
)
_STOPS = re.compile(r"[.!?](?=\s)|\n[ \t]*\n|\f")


def _sentences_around(text: str, start: int, end: int) -> tuple[str, str]:
    """(the sentence of text[start:end], that sentence with the one before it): an appeal's window is
    named in its own sentence or the one before ("You may appeal. Such a request must ...")."""
    ends = [m.end() for m in _STOPS.finditer(text, max(0, start - 600), start)]
    own_start = ends[-1] if ends else max(0, start - 600)
    prev_start = ends[-2] if len(ends) > 1 else max(0, start - 600)
    stop = _STOPS.search(text, end)
    own_end = stop.end() if stop else len(text)
    return text[own_start:own_end], text[prev_start:own_end]


def _days(word: str) -> int:
    return (
        int(word)
        if word.isdigit()
        else _NUMBER_WORDS[
            " ".join(word.lower().replace("-", " ").split())
            .replace("forty five", "forty-five")
            .replace("sixty five", "sixty-five")
            .replace("twenty one", "twenty-one")
            .replace("thirty five", "thirty-five")
        ]
    )
