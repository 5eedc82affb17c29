"""An X12 278 response printed by a viewer beside its translation ("HCR*A1*REF ... Action: A1 = Certified"): the
raw action code and the translation on its line are two readings of one decision. When they disagree (a fax misread
the code's digit, "HCR*A1*" beside "Action: A4 = Pended"), neither is trusted: the outcome is left empty, never the
code's (issue 18, twenty-third set)."""

from __future__ import annotations

import re

from priorauth.letters.spans import I

# the 278 action codes and what they mean (A1 certified, A2 certified in part, A3 not certified, A4 pended,
# A6 modified; C cancelled, CT contact payer, NA no action required)
_MEANS = {"1": "approved", "2": "approved", "6": "approved", "3": "denied", "4": "pended"}
_WORDS = (
    ("denied", r"not[ \t]+certified|denied|not[ \t]+approved|declined"),
    ("pended", r"pended|pending|on[ \t]+hold"),
    ("approved", r"certified|approved|authori[sz]ed|modified"),
)
# the raw segment opening its line, then (on the same line) the translation: "Action: A4 = Pended"
_LINE = re.compile(
    r"^[ \t]*HCR\*A(?P<code>\d)\*[^\n]*?\bAction[ \t]*:[ \t]*A?(?P<said>\d)?[ \t]*[=:\-][ \t]*(?P<word>[^\n]{1,40})$",
    I | re.M,
)


def _word_value(words: str) -> str | None:
    for value, pattern in _WORDS:
        if re.match(rf"(?:{pattern})\b", words.strip(), I):
            return value
    return None


def disagreement(text: str) -> str | None:
    """The raw action code and its printed translation that disagree ("A1 beside A4 = Pended"), or None."""
    for m in _LINE.finditer(text):
        code, said = m.group("code"), m.group("said")
        coded, worded = _MEANS.get(code), _word_value(m.group("word"))
        if (said and said != code) or (coded and worded and coded != worded):
            return f"A{code} beside its translation A{said or '?'} = {' '.join(m.group('word').split())}"
    return None


# the subscriber's (or patient's) name segment: "NM1*IL*1*LAST*FIRST*MIDDLE**...": a second printing of the name that
# a viewer's translation column ("Subscriber: FIRST LAST") gives again
_NAME_SEGMENT = re.compile(r"^[ \t]*NM1\*(?:IL|QC)\*1\*(?P<last>[^*\n]+)\*(?P<first>[^*\n]*)(?:\*(?P<middle>[^*\n]*))?", re.M)


def _words(name: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", name.casefold()) if len(w) > 1}


def name_disputed(text: str, name: str) -> bool:
    """The name read and the response's raw name segment are two readings of one name that disagree (a fax
    misread one of them: "FMIKO NAKASHIMA" beside "NM1*IL*1*NAKASHTMA*EMIKO"): neither is sure."""
    m = _NAME_SEGMENT.search(text)
    if m is None:
        return False
    raw = _words(" ".join(g for g in m.group("first", "middle", "last") if g))
    read = _words(name)
    return bool(raw and read) and not (read <= raw or raw <= read)
