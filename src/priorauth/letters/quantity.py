"""The approved quantity (and its supply) and the drug the letter names. Split out of
:mod:`priorauth.letters.fields`."""

from __future__ import annotations

import re

from priorauth.letters.spans import Hit, I

# -- quantity, drug ----------------------------------------------------------------------------------
# (a limit printed as a plan's "QL 8/day", its quantity-limit code before it: the twenty-ninth pass)
# a supply's length: "30 days", "30-day supply", "30 DS" (days' supply), "month"
_SUPPLY = r"(?:\d+\s*-?\s*)?(?:(?:days?|d[ií]as|jours|giorni|months?|weeks?)(?:['’]?\s*supply)?|(?-i:DS)\b)"
_QUANTITY = re.compile(
    r"\b(?:approved\s+|authorized\s+|allowed\s+|certified\s+)?(?:quantity|cantidad(?:\s+aprobada)?|quantit[ée](?:\s+autoris[ée]e)?|quantit(?:a['’]?|à)(?:\s+autorizzata)?|quantidade(?:\s+(?:aprovada|autorizada))?|qty\.?|units?|amount|dispense|limit|how\s+many|how\s+much|"
    r"max(?:imum|\.)?(?:\s+(?:quantity|qty|dispensed?|supply))?)"
    # (a certification's "Units certified: 8 tablets daily", the thirty-fourth pass)
    r"(?:\s+(?:approved|authorized|allowed|granted|certified|limit|auth(?:['’]?d|\.)|appr(?:['’]?d|\.)|per\s+fill))?"
    # (an office's "... Unit - 88 Main St" is no quantity: a unit's dash is no label's; nor an id's group after
    # letters like a label's, "MAX-9931-0047")
    r"(?:[ \t]*[.:#][\s.:#]*|(?<!unit)(?<!units)[ \t]*-[\s.:#]*|\s+(?:of|is)[\s.:#]+|[ \t]+)(?:(?-i:QL)[ \t]+(?=\d[\d,]*[ \t]*/[ \t]*(?:day|d)\b))?(?P<v>\d[\d,]*(?![\d,]|-\d)(?:\s*(?:tabletas|comprim(?:[ée]s|idos)|compresse|tablets?|tabs?|c[aá]psulas|capsules?|caps?|units?|pills?))?"
    rf"(?:\s*(?:per|every|/|for|each|in|por|cada|par|ogni)\s*{_SUPPLY})?)",
    I,
)
_QUANTITY_SUPPLY = re.compile(r"\b(?:qty|quantity)\s*/\s*(?:days?\s*supply|days|ds)\s*(?:[:#]|\.{2,})?\s*(?P<v>\d[\d,]*\s*/\s*\d+)", I)
# (a Medicare notice's "240 tablets for each 30-day supply": "each" after "for", the supply's length hyphenated, the
# thirty-second pass)
_QUANTITY_BARE = re.compile(
    r"(?P<v>\b\d{1,4}\s*(?:tablets?|tabs?|capsules?)\s*(?:per|every|/|for|each|in|a)(?:\s+(?:each|every))?\s*"
    r"(?:\d+\s*-?\s*)?days?(?:['’]?\s+supply)?)",
    I,
)


# an earlier authorization named on the quantity's own line before it ("Previous authorization X (240 tablets/30 days)
# closed ..."; never "prior authorization", the request's own name): that authorization's quantity (the thirty-seventh set, letters pass 35; only on its own line, never a
# block under a "Previous authorization" line, whose "Drug / quantity:" row is the new one's)
_EARLIER = re.compile(
    r"\b(?:previous|earlier|old|former|expired|closed|superseded|replaced|cancell?ed)\s+(?:authori[sz]ation|approval|PA)\b", I
)


def _earlier(text: str, pos: int) -> bool:
    # (from the line's last sentence or clause break only: "Previous authorization WH-1100 expired. Approved quantity:
    # 120 ..." is the new one's, the review's fix)
    line_start = text.rfind("\n", 0, pos) + 1
    breaks = [b.end() for b in re.finditer(r"[.;](?=\s)", text[line_start:pos])]
    return bool(_EARLIER.search(text, line_start + (breaks[-1] if breaks else 0), pos))


def quantity(text: str) -> Hit | None:
    for p in (_QUANTITY_SUPPLY, _QUANTITY, _QUANTITY_BARE):
        # an earlier authorization's quantity ("Previous authorization X (240 tablets/30 days) closed ..."): never this
        # one's (the thirty-seventh set: the closed one's 240 read over the update's 120, letters pass 35)
        found = [x for x in p.finditer(text) if not _earlier(text, x.start("v"))]
        # a daily count beside the fill's ("8 tablets a day (240 tablets every 30 days)"): the fill's, as approved
        m = next((x for x in found if p is _QUANTITY_BARE and re.search(r"\d\s*days?$", x.group("v"))), None)
        m = m if m and text[found[0].end() : m.start()].strip().startswith("(") else (found[0] if found else None)
        if m:
            return Hit(" ".join(m.group("v").split()), m.start("v"), m.end("v"))
    return None


_DRUGS = (("sotorasib", r"lumakras|sotorasib"), ("adagrasib", r"krazati|adagrasib"))


def drug(text: str) -> Hit | None:
    for name, pattern in _DRUGS:
        m = re.search(rf"\b(?:{pattern})\b", text, I)
        if m:
            return Hit(name, m.start(), m.end())
    return None
