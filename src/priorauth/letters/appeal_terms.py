"""Appeal windows in wordings :func:`priorauth.letters.fields.appeal_deadline` did not read (issue 18's
twenty-first set):

* the appeal called a review the reader asks for ("you can request an internal review within 28 days of the date
  of this letter", "may ask for a review of the process followed within 28 days", "may request review of this
  Determination ... within one hundred twenty (120) days after the date of this Determination") (:data:`REVIEW`);
* a window counted from a date the letter prints under a label of the same words ("Appeal within 30 days of date
  reviewed." beside "Date reviewed: 06/21/2027") (:func:`named_label_date`);
* a Dutch or Spanish appeal said before its window ("bezwaar maken binnen 42 dagen na de datum van deze brief",
  "reclamación en el plazo de 30 días naturales a partir de la fecha de esta carta"; the twenty-third pass: "a contar
  desde la fecha de esta carta"), and (the twenty-second pass) a
  French one ("contester cette décision ... dans un délai de 45 jours à compter de la date du présent courrier")
  (:data:`APPEAL_FIRST`).

Guards: a review the payer does ("our pharmacist will review", "under review"), a peer-to-peer review, a window to
send information say nothing; a window counted from receipt ("date received", "na ontvangst", "desde la
recepción") or in working days ("días hábiles", "werkdagen") is never counted from the letter's date."""

from __future__ import annotations

import re
from datetime import date

from priorauth.letters import dates
from priorauth.letters.spans import I, M

# (two kinds said together: "ask for an independent external review", twenty-third set)
REVIEW = re.compile(
    r"\b(?:request|ask\s+for|apply\s+for|seek)\s+(?:an?\s+|a\s+further\s+)?(?:(?:internal|independent|formal|external)\s+){0,2}review\b"
    r"(?!\s+(?:of\s+)?(?:the\s+)?(?:status|progress|your\s+file\s+status))",
    I,
)
# "of date reviewed", "from the date signed": a date named by a label's words (never a receipt's)
_DATE_WORDS = re.compile(r"^(?:the\s+)?date\s+(?P<w>reviewed|decided|determined|issued|signed|processed|completed|closed)\b", I)


def named_label_date(src: str, text: str) -> tuple[date, str] | None:
    """The date printed under the label the window's words name ("date reviewed" -> "Date reviewed: 06/21/2027"),
    with the label's words, or None."""
    named = _DATE_WORDS.match(" ".join(src.split()))
    if named is None:
        return None
    label = re.search(
        rf"(?:^|[ \t]{{2}}|\|)[ \t]*date[ \t]+{named.group('w')}[ \t]*[:.]?[ \t]*(?P<d>{dates.DATE})(?![\w/])", text, M | I
    )
    day = dates.parse(label.group("d")) if label else None
    return (day, f"date {named.group('w').lower()}") if day else None


APPEAL_FIRST = re.compile(
    r"\b(?:bezwaar|beroep)\b[^.]{0,40}?\bbinnen\s+(?P<n>\d{1,3})\s+dagen\s+(?:na|vanaf|gerekend\s+vanaf)\s+(?:de\s+)?(?:datum|dagtekening)\s+"
    r"van\s+(?:deze|dit|de)\s+(?:brief|besluit|beslissing)"
    r"|\b(?:reclamaci[oó]n|recurso|apelaci[oó]n|reconsideraci[oó]n)\b[^.]{0,60}?\ben\s+el\s+plazo\s+de\s+(?P<n2>\d{1,3})\s+d[ií]as\s+"
    r"(?:naturales\s+|calendario\s+)?(?:a\s+partir\s+de|desde|contados\s+desde|a\s+contar\s+desde)\s+la\s+fecha\s+de\s+(?:esta|la\s+presente|este)\s+"
    r"(?:carta|notificaci[oó]n|resoluci[oó]n|comunicaci[oó]n|aviso)"
    # French (the twenty-second pass): "contester cette décision ... dans un délai de 45 jours à compter de la date du
    # présent courrier" (never "jours ouvrés", never "à compter de la réception")
    r"|\b(?:contester|recours|contestation)\b[^.]{0,80}?\bdans\s+(?:un\s+d[ée]lai\s+de|les)\s+(?P<n3>\d{1,3})\s+jours\s+"
    r"(?:calendaires\s+)?(?:[àa]\s+compter\s+de|suivant)\s+la\s+date\s+(?:du|de\s+(?:la|ce|cette))\s+"
    r"(?:pr[ée]sente?\s+)?(?:courrier|lettre|d[ée]cision|notification)"
    # the twenty-fifth set's languages (the twenty-fourth pass), each counted from the letter's or the decision's own
    # date (never its delivery: "ode dne doručení", "tebliğ"): a Czech "námitku do 15 dnů ode dne vydání tohoto rozhodnutí", a Greek "ένσταση εντός 30 ημερών από την
    # ημερομηνία της παρούσας", a Turkish window before its appeal "bu yazının tarihinden itibaren 15 gün içinde
    # itiraz" (a letter the PDF's font could not print whole: a box may stand for a marked letter)
    r"|\bn[áa]mitk\w*\b[^.]{0,40}?\bdo\s+(?P<n5>\d{1,3})\s+dn[ůu■]\s+ode\s+dne\s+vyd[áa]n[íi]\s+(?:tohoto|t[ée]to)\s+(?:rozhodnut[íi]|dopisu|ozn[áa]men[íi])"
    r"|[εέ■]νσταση\b[^.]{0,40}?\bεντ[οό■]ς\s+(?P<n6>\d{1,3})\s+ημερ[ωώ■]ν\s+απ[οό■]\s+την\s+ημερομην[ιί■]α\s+(?:της\s+παρο[υύ■]σας|του\s+παρ[οό■]ντος|της\s+απ[οό■]φασης)"
    r"|\byaz[ıi■]n[ıi■]n\s+tarihinden\s+itibaren\s+(?P<n7>\d{1,3})\s+g[üu]n\s+i[çc■]inde\s+itiraz"
    # the twenty-sixth set's (the twenty-fifth pass): an Indonesian "Keberatan dapat diajukan dalam waktu 14 hari kalender
    # sejak tanggal surat ini", a Romanian "poate fi contestată în termen de 30 de zile de la data prezentei decizii", an
    # Icelandic "Kæra má ... innan 90 daga frá dagsetningu þessa bréfs" (never "hari kerja", "zile lucrătoare": working
    # days; never from receipt: "sejak diterima", "de la comunicare", "frá móttöku")
    r"|\bkeberatan\b[^.]{0,40}?\bdalam\s+waktu\s+(?P<n8>\d{1,3})\s+hari\s+(?:kalender\s+)?sejak\s+tanggal\s+(?:surat|keputusan)\s+ini"
    r"|\bcontestat[ăa]?\b[^.]{0,40}?\b[îi]n\s+termen\s+de\s+(?P<n9>\d{1,3})\s+(?:de\s+)?zile\s+(?:calendaristice\s+)?de\s+la\s+data\s+"
    r"(?:prezentei|acestei)\s+(?:decizii|scrisori|notific[ăa]ri)"
    # (the twenty-seventh pass: the noun as a label, "Contestație: în termen de 30 de zile de la data prezentei
    # notificări", its marked letters perhaps the font's boxes)
    r"|\bcontesta[țţt■]ie\s*:\s*[îi■]n\s+termen\s+de\s+(?P<n12>\d{1,3})\s+(?:de\s+)?zile\s+de\s+la\s+data\s+"
    r"(?:prezentei|acestei)\s+(?:decizii|scrisori|notific[ăa■]ri)"
    r"|\bkæra\b[^.]{0,60}?\binnan\s+(?P<n10>\d{1,3})\s+daga\s+frá\s+dagsetningu\s+þessa\s+(?:bréfs|úrskurðar|ákvörðunar)"
    # the twenty-seventh set's (the twenty-sixth pass): a Croatian or Serbian "žalba u roku od 15 dana od dana donošenja
    # rješenja", "prigovor se podnosi u roku od 30 dana od dana izdavanja ovog rešenja" (never from delivery or receipt:
    # "od dana dostave", "od dana prijema", "od primitka"); a French "dans les 30 jours suivant la date du présent
    # courrier" (above)
    r"|\b(?:žalb\w*|prigovor\w*)\b[^.]{0,60}?\bu\s+roku\s+od\s+(?P<n11>\d{1,3})\s+dana\s+od\s+dana\s+"
    r"(?:dono\S{1,2}enja|izdavanja|izdanja)\s+(?:ovog(?:a)?\s+|ove\s+)?(?:rj?e\S{1,2}enja|odluke)",
    I,
)


# the windows read since the twenty-fourth pass (their letters' numeric dates are day first, which the reader does
# not know unless the letter says so)
_DAY_FIRST_LANGUAGES = ("n5", "n6", "n7", "n8", "n9", "n10", "n11", "n12")


def order_unsure(m: re.Match[str], letter: date, text: str = "") -> bool:
    """Whether ``m`` is a window in a language that writes its dates day first, counted from a letter's date whose day
    and month could be swapped (both 12 or under and different): such a window is left empty, never counted from a
    date that may be another day. A letter date the letter writes with its month's name ("4 februarie 2027", "12.
    svibnja 2027.", found in ``text``) is in no doubt (the twenty-seventh pass)."""
    if not (any(m.group(g) for g in _DAY_FIRST_LANGUAGES) and letter.day <= 12 and letter.month <= 12 and letter.day != letter.month):
        return False
    return not any(f.day == letter and re.search(r"[^\W\d_]{3}", text[f.start : f.end]) for f in dates.find(text))


def days(m: re.Match[str]) -> int:
    return int(next(m.group(g) for g in ("n", "n2", "n3", "n5", "n6", "n7", "n8", "n9", "n10", "n11", "n12") if m.group(g)))
