"""Appeal windows in the wordings the twenty-eighth set brought (the twenty-seventh pass), each counted from the
letter's own date: a Spanish verb before its window ("Podrá apelar dentro de los 30 días corridos desde la fecha de la
presente"), a Brazilian review ("solicitar reanálise no prazo de 10 dias contados da data desta notificação"), and a
window in weeks, Dutch ("Dien dan binnen zes weken na de datum van deze brief een bezwaar in") or German ("innerhalb von
4 Wochen ab dem Datum dieses Schreibens ... Einspruch erheben").

Read by :func:`priorauth.letters.appeal_deadline.appeal_deadline` after the windows it knew. Guards: the window must be
counted from the letter's (or the notice's) own date, never from its receipt or delivery ("na ontvangst", "ab Zugang",
"da data do recebimento"); working days ("días hábiles", "dias úteis", "werkdagen", "Werktagen") are never counted;
the appeal's word must be in the same sentence (a window to send papers is no appeal's)."""

from __future__ import annotations

import re

from priorauth.letters.misread import marked
from priorauth.letters.spans import I

_DUTCH_WEEKS = r"\d{1,2}|een|twee|drie|vier|vijf|zes|acht"
_GERMAN_WEEKS = r"\d{1,2}|zwei|vier|sechs|acht"

WINDOW = re.compile(
    # Spanish: "apelar dentro de los 30 días corridos desde la fecha de la presente"
    r"\b(?:apelar|recurrir|reclamar|impugnar)\b[^.]{0,40}?\bdentro\s+de\s+(?:los\s+)?(?P<d1>\d{1,3})\s+d[ií]as\s+"
    r"(?:corridos\s+|calendario\s+|naturales\s+)?(?:desde|a\s+partir\s+de)\s+la\s+fecha\s+de\s+(?:la\s+presente|esta\s+(?:carta|comunicaci[oó]n))\b"
    # Brazilian: "reanálise no prazo de 10 dias contados da data desta notificação"
    # (and a Portuguese complaint, the twenty-eighth pass: "reclamação no prazo de 30 dias a contar da data desta carta")
    r"|\b(?:rean[áa]lise|recurso|reconsidera\S{1,3}o|reclama\S{1,3}o)\b[^.]{0,40}?\bno\s+prazo\s+de\s+(?P<d2>\d{1,3})\s+dias\s+(?:corridos\s+)?"
    rf"(?:contados\s+|a\s+contar\s+)?(?:da|a\s+partir\s+da)\s+data\s+(?:desta|da\s+presente)\s+(?:{marked('notificação')}|carta|{marked('comunicação')})"
    # Dutch weeks, the window before its appeal: "binnen zes weken na de datum van deze brief een bezwaar in"
    rf"|\bbinnen\s+(?P<w1>{_DUTCH_WEEKS})\s+weken\s+(?:na|vanaf)\s+(?:de\s+)?(?:datum|dagtekening)\s+van\s+(?:deze|dit)\s+(?:brief|besluit)"
    r"(?=[^.]{0,60}\b(?:bezwaar|beroep)\b)"
    # German weeks: "innerhalb von 4 Wochen ab dem Datum dieses Schreibens schriftlich Einspruch erheben"
    rf"|\binnerhalb\s+(?:von\s+)?(?P<w2>{_GERMAN_WEEKS})\s+Wochen\s+(?:ab|nach)\s+(?:dem\s+)?Datum\s+(?:dieses|des)\s+"
    r"(?:Schreibens|Briefes|Bescheides|Bescheids)(?=[^.]{0,60}\b(?:Einspruch|Widerspruch|Beschwerde|Rekurs)\b)",
    I,
)
_WORD_WEEKS = {"een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "acht": 8, "zwei": 2, "sechs": 6}


def days(m: re.Match[str]) -> int:
    """The window's length in days (weeks of seven)."""
    for g in ("d1", "d2"):
        if m.group(g):
            return int(m.group(g))
    weeks = m.group("w1") or m.group("w2")
    n = int(weeks) if weeks.isdigit() else _WORD_WEEKS[weeks.lower()]
    return 7 * n
