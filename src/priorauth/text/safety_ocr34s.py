"""Held-out OCR set 34's safety pass (issue 17): a drug a report names as a treatment option read as a drug given.

A drug a report names as an option, an approval, a labeling or guideline statement, or in a column of therapies for
the alteration is not a drug given: it must not make the patient "previously treated" (a prior KRAS G12C inhibitor)
nor count as prior systemic therapy. Both classes run only where the older rules found no given word for the drug
(``given`` in ``therapy_facts._therapy``) and the patient's own history does not name it.

[ocr34s-options-column] A drug on a table row (cells apart by two spaces, a tab or a bar) under a column header that
names therapies by approval, indication, option or association ("Alteration  MAF  Therapies approved in patient's
tumor type" over "KRAS G12C  3.6%  Sotorasib; Adagrasib"; "Gene | Variant | Treatment options"; "Indicated drugs"),
the header found in the rows right above the drug's (no blank line between). Guards: a header naming the patient's
history or doses too ("Prior therapy  Approved therapies", "Drug  Dose  Date given"), a drug line that is no row (a
sentence below a heading), a row that says the drug was given.

[ocr34s-labeling-sentence] A drug in a sentence that states what a label, an approval or a guideline allows for a
population, or what may be given ("KRAS G12C-mutated colorectal cancer may be treated with a KRAS G12C inhibitor with
an anti-EGFR antibody per current labeling (sotorasib with panitumumab; adagrasib with cetuximab)", "adagrasib is
approved for ...", "treatment options include ..."). The sentence is read whole: a semicolon inside its parenthesis
does not end it. Guards: a sentence saying the drug or another was given ("previously treated with adagrasib",
"progressed on sotorasib", "received", "started", a drug held or taken "during" it: "... during sotorasib; per label
sotorasib withheld"), a medication list (no such statement).
"""

from __future__ import annotations

import re

from priorauth.text.pipeline import Finding
from priorauth.text.sources import TextDoc
from priorauth.text.spans import _line_end, _line_start

_WORDS = r"(?:[\w'\u2019-]+\s+){0,2}?"
_THERAPY = r"(?:therap(?:y|ies)|drugs?|agents?|treatments?|medications?|regimens?)"
_OPTIONS_HEADER = re.compile(
    rf"\b{_THERAPY}\s+{_WORDS}(?:approved|indicated|available|associated|matched|recommended|labell?ed|to\s+consider)\b"
    rf"|\b(?:fda[\s-]+approved|approved|indicated|available|associated|matched|matching|potential(?:ly)?|relevant|"
    rf"recommended|labell?ed|actionable|possible|predicted|candidate|eligible|guideline)\s+{_WORDS}{_THERAPY}\b"
    r"|\b(?:treatment|therapy|therapeutic|drug)\s+(?:options?|implications?|considerations?|associations?)\b"
    rf"|\b{_THERAPY}\s+with\s+(?:potential|possible|predicted|clinical)\b",
    re.I,
)
# A header naming the patient's own treatment, or doses and dates of it: not (only) a report's options.
_HISTORY_HEADER = re.compile(
    r"\b(?:prior|previous|past|received|given|current|administered|history|hx|dose|doses|dosing|cycles?|started|start\s+"
    r"date|stop(?:ped)?|taking|taken|on\s+treatment)\b",
    re.I,
)
_ROW = re.compile(r"\S(?: {2,}|\t|[ \t]*\|[ \t]*)\S")
_GIVEN_ON_ROW = re.compile(
    r"\b(?:received|given|administered|taken|took|completed|progressed|s/p|status\s+post|prior|previous(?:ly)?|"
    r"since\s+\d+|started)\b",
    re.I,
)


def _options_column(doc: TextDoc, f: Finding) -> bool:
    """[ocr34s-options-column] the drug sits in a table under a therapies-as-options column header."""
    text = doc.text
    start, end = _line_start(text, f.start), _line_end(text, f.end)
    row = text[start:end]
    if not _ROW.search(row) or _GIVEN_ON_ROW.search(row):
        return False
    at = start
    for _ in range(8):  # the rows right above the drug's, up to the table's header
        if at == 0:
            return False
        above_start = _line_start(text, at - 1)
        line = text[above_start : at - 1]
        if not line.strip():
            return False  # a blank line ends the table
        if _OPTIONS_HEADER.search(line):
            return bool(_ROW.search(line) or line.rstrip().endswith(":")) and not _HISTORY_HEADER.search(line)
        if not _ROW.search(line):
            return False  # a line of prose: no table reaches up to a header
        at = above_start
    return False


_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n[ \t]*\n")
_LABELING_CUE = re.compile(
    r"\bper\s+(?:the\s+)?(?:(?:current|us|fda|updated|approved|product)\s+)*(?:label(?:l?ing)?|prescribing\s+information|"
    r"package\s+inserts?|nccn|guidelines?|esmo|asco)\b"
    r"|\b(?:current|fda|us)\s+label(?:l?ing)?\b"
    r"|\b(?:may|can|could|might)\s+(?:also\s+|instead\s+)?be\s+(?:treated|considered|offered|used|given)\b"
    r"|\b(?:is|are)\s+(?:(?:now|currently|also)\s+)?(?:fda[\s-]+)?(?:approved|indicated|labell?ed)\s+(?:for|in|as|with)\b"
    r"|\b(?:treatment|therapy|therapeutic)\s+options?\s+(?:include|includes|including|are|comprise)\b"
    r"|\b(?:guidelines?|nccn|esmo|asco)\s+(?:recommend|list|include|support|endorse)\w*\b",
    re.I,
)
# Words saying the patient had a drug, anywhere in the sentence: the older rules decide.
_GIVEN_IN_SENTENCE = re.compile(
    r"\b(?:received|receiving|rec'?d|has\s+had|had\s+(?!been\b)|took|taking|taken|(?:was|were|been)\s+given|"
    r"(?:was|were|has\s+been|have\s+been|had\s+been|previously|already|being)\s+treated|treated\s+previously|"
    r"progress(?:ed|ion)\s+(?:on|after|through)|failed|stopped|discontinued|completed|s/p|status\s+post|"
    r"prior|previous(?:ly)?|started|starting|initiated|began|(?:is|was|remains|been|currently)\s+on|since\s+\d+|"
    r"cycles?\s*\d|c\d+d\d+|tolerat\w+|during|while\s+on|with(?:held|holding)|held|hold(?:ing)?|paused|interrupted|"
    r"resumed|restarted|continued|continuing|dose[\s-]+reduced|reduced\s+to)\b",
    re.I,
)


def _labeling_sentence(doc: TextDoc, f: Finding) -> bool:
    """[ocr34s-labeling-sentence] the drug's whole sentence states a label's, an approval's or a guideline's option."""
    text = doc.text
    lo = max(0, f.start - 400)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, f.start)]
    lo = ends[-1] if ends else lo
    nxt = _SENTENCE_END.search(text, f.end)
    hi = min(nxt.end() if nxt else len(text), f.end + 300)
    sentence = " ".join(text[lo:hi].split())
    return bool(_LABELING_CUE.search(sentence)) and not _GIVEN_IN_SENTENCE.search(sentence)


def option_not_given(doc: TextDoc, f: Finding) -> bool:
    """A drug the document names as an option, an approval or a labeling statement: not a drug given."""
    return _options_column(doc, f) or _labeling_sentence(doc, f)
