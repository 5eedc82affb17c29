"""A bilingual form's label and value each glossed in English in brackets (issue 18's twenty-fourth set, read in the
twenty-third pass).

A Japanese or Korean form prints each label in its own script with an English gloss in brackets, and its value the
same way: ``審査結果 (Result):   承認  (APPROVED)``. A PDF whose font lacks the script gives the native words as black
squares (``■■■■ (Result):   ■■(APPROVED)``), a fax's OCR as round glyphs (``0000 (Result):  OO  (APPROVED)``): no
label rule reads either. :func:`glossed` writes such a line as its English gloss, ``Result:   APPROVED``, in place
(every other character a blank; offsets kept), so the label rules read it. Two more shapes of the same form: a glossed
number's label whose value is an id in Latin letters or with a hyphen already (``承認番号 (Approval no.):  KMH-...`` ->
``Approval no.:  KMH-...``; at fax a stray bar may stand between the colon and the id, the twenty-fifth set), and a
line that is a native date and its English gloss (``2027年8月11日 (11 August 2027)`` -> ``11 August 2027``).

Guards: the native words are one run of what a script becomes (no blank inside; characters outside ASCII, the
squares, or the round glyphs a fax makes of them: ``0 O o Q D C c G g U u``), never a Latin word ("Outcome (final):
Approved (pending review)" stays as it is); both glosses in brackets, the label's before its colon, the value's
ending the line; a gloss is ASCII words (no bracket inside); a lone gloss is read only when it is a whole date (a title's
gloss, "(Notice of prior-approval result)", stays as it is)."""

from __future__ import annotations

import re

from priorauth.letters import dates

_NATIVE = r"(?:[^\x00-\x7f\s]|[0-9OoQDCcGgUu])"
_LINE = re.compile(
    rf"^(?P<n1>[ \t]*{_NATIVE}{{2,16}}[ \t]*\()(?P<label>[A-Za-z][A-Za-z .'/-]{{1,30}})(?P<c1>\)[ \t]*[:：])"
    # (its value's gloss in round or, the twenty-eighth pass, square brackets: "■■ [approved]", "■■■■ [approved for payment]")
    rf"(?P<n2>[ \t]*(?:{_NATIVE}{{1,12}})?[ \t]*[(\[])(?P<value>[A-Za-z][A-Za-z0-9 ,.'/-]{{1,60}})(?P<c2>[)\]][ \t]*)$",
    re.M,
)


def _english(m: re.Match[str]) -> str:
    return (
        " " * len(m.group("n1"))
        + m.group("label")
        + " " * (len(m.group("c1")) - 1)
        + ":"
        + " " * len(m.group("n2"))
        + m.group("value")
        + " " * len(m.group("c2"))
    )


# a glossed number's label, its value an id in Latin letters or with a hyphen: "■■■■ (Approval no.):   KMH-27-..." (a
# value of digits alone may be a fax's digits for native glyphs, "(Qty):  24099300": never read)
_LABEL = re.compile(
    rf"^(?P<n1>[ \t]*{_NATIVE}{{2,16}}[ \t]*\()(?P<label>[A-Za-z][A-Za-z .'/-]{{0,24}}(?:\bno\.?|\bnumber|\bID|#))(?P<c1>\))"
    r"(?=[ \t]*[:：][ \t]*(?:\|[ \t]*)?(?=[A-Z0-9-]*(?:[A-Z]|\d-\d))[A-Z0-9][A-Z0-9-]{3,}(?:[ \t]|$))",
    re.M,
)
# a native date and its gloss, alone on a line: "2027■8■11■ (11 August 2027)"
_DATE = re.compile(rf"^(?P<n1>[ \t]*{_NATIVE}{{6,16}}[ \t]*\()(?P<d>[^()\n]{{6,30}})(?P<c1>\)[ \t]*)$", re.M)


def _label(m: re.Match[str]) -> str:
    return " " * len(m.group("n1")) + m.group("label") + " "


def _date(m: re.Match[str]) -> str:
    if not re.fullmatch(dates.DATE, m.group("d").strip(), re.I):
        return m.group(0)
    return " " * len(m.group("n1")) + m.group("d") + " " * len(m.group("c1"))


def glossed(text: str) -> str:
    """``text`` with each glossed line written as its English glosses (same length)."""
    return _DATE.sub(_date, _LABEL.sub(_label, _LINE.sub(_english, text)))
