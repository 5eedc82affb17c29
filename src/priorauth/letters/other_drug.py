"""Whether a sentence or a letter decides another drug or item than LUMAKRAS: another drug named or dosed,
LUMAKRAS only in a clause of time, cause or replacement, a subject field naming another drug, study or
procedure; and whether a word could be LUMAKRAS misread."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from priorauth.letters.spans import _OURS, I

# a sentence that names another dosed product and not LUMAKRAS ("ONDANSETRON 8 mg is not covered");
# the capital word before a dose is a drug's name unless it is one of these
_OTHER_DOSED = re.compile(r"\b(?P<n>[A-Z][A-Za-z\-]{3,})(?:\s+\([A-Za-z\-]+\))?\s+\d+(?:\.\d+)?\s*(?:mg|mcg|ml)\b")
_NOT_DRUG = re.compile(
    r"(?:request|dose|doses|strength|medication|medicine|drug|tablets?|quantity|daily|total|oral|each|only)$", I
)
_OTHER_NAMED = re.compile(r"\b(?:krazati|adagrasib)\b", I)
# a drug's name in lower case before its dose ("dexamethasone 4 mg"), unless the word is one of these
_LOWER_DOSED = re.compile(r"\b(?P<n>[a-z][a-z\-]{3,})(?:\s+\([A-Za-z\-]+\))?\s+\d+(?:\.\d+)?\s*(?:mg|mcg|ml)\b")
_NOT_DRUG_WORD = re.compile(
    r"(?:your|their|with|from|than|over|under|above|below|about|reduced|lower|higher|same|full|current|"
    r"starting|maximum|minimum|approved|requested|prescribed|labeled|labelled|listed|usual|within|take|taking|"
    r"takes|dosed|dosing|given|plus|also|once|twice|times)$"
)


def _about_another_drug(sentence: str) -> bool:
    """The sentence names another drug and not LUMAKRAS: by name (KRAZATI), or by a dose after a word that
    is no common word ("ONDANSETRON 8 mg is not covered", "Your request for dexamethasone 4 mg was approved")."""
    if _OURS.search(sentence):
        return False
    if _OTHER_NAMED.search(sentence):
        return True
    if any(not _NOT_DRUG.match(m.group("n")) for m in _OTHER_DOSED.finditer(sentence)):
        return True
    return any(
        not _NOT_DRUG.match(m.group("n")) and not _NOT_DRUG_WORD.match(m.group("n"))
        for m in _LOWER_DOSED.finditer(sentence)
    )


# a clause that says after or because of what, or what the drug replaces, is no object of the decision
# ("We approved KRAZATI 200 mg ... after LUMAKRAS was stopped"): the decided drug is named before it
_SUBORDINATE = re.compile(
    r"\b(?:after|because|since|following|before|until|instead\s+of|in\s+place\s+of|rather\s+than|"
    r"replacing|replaces|which|who|due\s+to|as\s+a\s+(?:replacement|substitute|switch|change)|"
    r"(?:switch|switched|change|changed|moved)\s+from|when|once|now\s+that)\b",
    I,
)
# words of a decision or of what a letter is about ("We approved KRAZATI", "This letter is only about ...")
_DECIDES = re.compile(
    r"\b(?:approv\w*|authori[sz]\w*|cover(?:ed|s)?|grant\w*|den(?:y|ies|ied|ial)|pend\w*|"
    r"(?:is|are)\s+(?:only\s+)?(?:about|for)|only\s+(?:about|for|applies)|concerns|regarding)\b",
    I,
)
# a drug field that names LUMAKRAS: the letter's headings and labels are about it
_OUR_FIELD = re.compile(
    r"^[ \t]*(?:(?:requested|approved|denied|prescribed)\s+)?(?:drug|medication|medicine|product|item|"
    r"prescription|rx|service|drug\s+name|drug\s+requested)\b[^:\n]{0,20}(?:[:|]|\.{3,})[^\n]*?"
    r"(?:\b\w{0,3}makras\b|\bs?otora[s5][il1|]b\b)",
    I | re.MULTILINE,
)

# the field naming what a block decides ("Drug:", "Study:", "Service:"); one that names another drug, an
# imaging study or a procedure (and no field names LUMAKRAS) makes the letter's headings and labels its
_SUBJECT = re.compile(
    r"^[ \t|]*(?:(?:requested|approved|denied|prescribed|authorized|ordered)\s+)?(?P<label>drug|medication|medicine|"
    r"product|prescription|rx|study|exam(?:ination)?|procedure|imaging|scan|test|service|device|item)"
    r"(?:\s+(?:name|requested|description|ordered|approved|authorized))?(?:[ \t]*[:|]|[ \t]*\.{3,}|(?P<gap>[ \t]{2,}(?=\S)))[ \t]*(?P<v>[^\n]+)",  # a ledger's dot leaders (OCR's gap)
    I | re.MULTILINE,
)
_NOT_A_DRUG_LABEL = re.compile(r"study|exam|examination|procedure|imaging|scan|test", I)
_PROCEDURE_CODE = re.compile(r"\b(?:CPT|HCPCS)\b|\b(?:MRI|CT|PET|X-?ray|ultrasound|biopsy|scan)\b", I)


_WORD = re.compile(r"[A-Za-z0-9|]{5,12}")


def resembles_ours(text: str) -> bool:
    """Whether a word of the letter could be LUMAKRAS or sotorasib misread (OCR's "LUMAKRA5", "s0torasib"):
    such a letter may be about LUMAKRAS after all, and is never read as another drug's."""
    for m in _WORD.finditer(text):
        w = m.group(0).lower()
        for ours in ("lumakras", "sotorasib"):
            if abs(len(w) - len(ours)) <= 2 and SequenceMatcher(None, w, ours).ratio() >= 0.7:
                return True
    return False


def other_subject(text: str) -> str | None:
    """The field that names what the letter decides when it is not LUMAKRAS ("Drug: VECTIBIX
    (panitumumab) 6 mg/kg", "Study: CT chest ... (CPT 74177)"), and no such field names LUMAKRAS."""
    if _OUR_FIELD.search(text):
        return None
    for m in _SUBJECT.finditer(text):
        v = m.group("v").strip()
        if _OURS.search(v):
            return None
        if m.group("gap"):  # a column's gap (a ledger's leaders OCR lost): only a drug with its dose names the subject
            if not _OURS.search(text) and _about_another_drug(v) and not _NOT_A_DRUG_LABEL.fullmatch(m.group("label")):
                return " ".join(m.group(0).split())
            continue
        if _NOT_A_DRUG_LABEL.fullmatch(m.group("label")) or _PROCEDURE_CODE.search(v) or _about_another_drug(v):
            return " ".join(m.group(0).split())
    return None


def _heading(sentence: str) -> bool:
    """A heading, not a sentence: no lower-case word ("APPROVAL NOTICE"), a few words on a line, or a line
    that opens with a word in capitals and ends without a stop ("APPROVED - medical benefit (infusion)")."""
    words = sentence.split()
    line = sentence.strip()
    banner = "\n" in line or line.endswith(".") or not re.match(r"[A-Z]{3,}\b", line)
    return not re.search(r"[a-z]{2}", sentence) or (len(words) <= 4 and not line.endswith(".")) or not banner


def _main_clause(sentence: str) -> str:
    """The sentence up to its first clause of time, cause or replacement after some words of its own."""
    m = next((m for m in _SUBORDINATE.finditer(sentence) if sentence[: m.start()].strip()), None)
    return sentence[: m.start()] if m else sentence


def decides_other(sentence: str) -> bool:
    """The sentence's decision is about another drug: the sentence names it and not LUMAKRAS, or its main
    clause does (LUMAKRAS only in a clause of time, cause or replacement)."""
    return _about_another_drug(sentence) or _about_another_drug(_main_clause(sentence))
