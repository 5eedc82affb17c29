"""A beneficiary named with a military rank and its retired mark before the name ("Beneficiary: SFC (Ret.) Marcus
T. Delacroix-Obi, DOB ..."): a name reader stops at the bracket and gives the rank as the name. The rank is no name:
the name is the words after it (issue 18, twenty-third set)."""

from __future__ import annotations

import re

from priorauth.letters.spans import Hit

# rank abbreviations (Army, Marine Corps, Navy, Air Force; enlisted, warrant and commissioned), never a name
_RANKS = (
    "PVT|PV2|PFC|SPC|CPL|SGT|SSG|SFC|MSG|1SG|SGM|CSM|SMA|LCPL|GYSGT|MSGT|SSGT|TSGT|SMSGT|CMSGT|MGYSGT|SGTMAJ|"
    "SN|PO[123]|CPO|SCPO|MCPO|AMN|A1C|SRA|WO1|CW[2-5]|ENS|LTJG|2LT|1LT|LT|CPT|CAPT|MAJ|LTC|LTCOL|COL|CDR|LCDR|"
    "BG|BGEN|MG|MAJGEN|LTG|GEN|RADM|VADM|ADM"
)
_RANK = re.compile(rf"(?:{_RANKS})\.?", re.I)
# the rank, its retired (or service) mark in brackets, then the name's words (capitalised, initials allowed)
_AFTER = re.compile(
    r"[ \t]*(?:\((?:Ret|Retd|Retired|USA|USN|USAF|USMC|USCG)\.?(?:,?[ \t]*(?:Ret|Retd|Retired)\.?)?\)[ \t]*)"
    r"(?P<v>[A-Z][A-Za-z'’\-]+\.?(?:[ \t]+[A-Z][A-Za-z'’\-]*\.?){1,3})(?=[ \t]*(?:,|$|\n|[ \t]{2}))",
)


def past_rank(text: str, name: Hit) -> Hit | None:
    """The name after a rank read as the name ("SFC" before "(Ret.) Marcus T. Delacroix-Obi"), or None when the
    name read is no rank alone, or no bracketed mark and name follow it."""
    if not isinstance(name.value, str) or not _RANK.fullmatch(name.value.strip()):
        return None
    m = _AFTER.match(text, name.end)
    if m is None:
        return None
    return Hit(" ".join(m.group("v").split()).rstrip(","), m.start("v"), m.end("v"))
