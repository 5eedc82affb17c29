"""Words OCR misreads in a fax of a letter (issue 18's twenty-second set and the twenty-third pass), as patterns
that read them too.

* ``PRIOR``: "prior" with its "ri" read as one "n" ("pnor"), its "i" as "l", "1" or "|" ("prlor", "pr1or"):
  a disclaimer that says "It is not a pnor authorization decision" is the same disclaimer.
* ``CEDILLA``, ``TILDE_A``, ``ORDINAL`` (the twenty-third pass): a fax's OCR reads a Portuguese or Spanish label's
  marked letters as their bare letter or a look-alike: "ç" as "c", "g", "cg" or "gc" ("Situagao da solicitacgao"),
  "ã" as "a", the ordinal sign of "Nº" as "2", "°", "®" or "®&" ("N®& da solicitacao"), a German "ü" as "u", "i" or "ii" (the last the twenty-seventh pass: "Siinniaeg")
  ("Giltigkeitszeitraum"), "ö" and "ä" as their bare letters, a Danish "æ" as "ae" or "ze" ("Bevilget mzengde"), a Slovak,
  Lithuanian or French "ž", "š", "ê" as "z", "8", "é6" (the twenty-sixth pass). :func:`marked` writes a
  label's word with them ("situação" -> a pattern reading "Situagao" too).
* :func:`faint_e` (the twenty-third pass): a word in capitals whose "E" a fax read as "F", its bottom bar lost
  ("INFORMATION NFEDED"), as ``outcome`` already reads "APPROVF".

Guards: each pattern is a whole word's spelling only (a word boundary either side at its use), never a looser
"p..or" ("poor", "pour" and "prayor" are not "prior"); a marked letter's stand-ins stand only where the word has that
mark, the other letters are the word's own (``marked("situação")`` never reads "situation" or "citação"); an "F"
stands for an "E" only in capitals and only where the word has an "E" (``faint_e("NEEDED")`` never reads "NEWDED")."""

from __future__ import annotations

import re

PRIOR = r"(?:pr[il1|]or|pnor)"
CEDILLA = r"(?:ç|cg|gc|c|g|¢)"
TILDE_A = r"[ãaâáà]"
ORDINAL = r"[º°2®]&?"
_STAND_INS = {"ç": CEDILLA, "ã": TILDE_A, "ü": r"(?:ü|ii|u|i)", "ö": r"[öo]", "ä": r"[äa]", "æ": r"(?:æ|ae|ze|zo|a|e)", "á": r"[áa]", "é": r"[ée]", "í": r"[íi]", "ó": r"[óo6]", "ú": r"[úu]",
    # Central and Eastern European marks (the twenty-sixth pass): a fax reads "š" as "s" or "8" ("i8laidos"), "ê" as "é6"
    # ("peut é6tre"), "ô" as "é" ("Odévodnenie"), the others as their bare letters
    "š": r"[šs8]", "ž": r"[žz]", "č": r"[čc]", "ć": r"[ćc]", "đ": r"(?:đ|d)", "ý": r"[ýy]", "ê": r"(?:ê|é6|[eé])", "ô": r"[ôoé]",
    "ł": r"[łl]", "ą": r"[ąa]", "ę": r"[ęe]", "ś": r"[śs]", "ė": r"[ėe]", "ų": r"[ųu]"}


def marked(word: str) -> str:
    """A pattern for ``word`` (small letters) whose marked letters may be read as OCR reads them; the others are
    the word's own."""
    return "".join(_STAND_INS.get(c, re.escape(c)) for c in word)


def faint_e(word: str) -> str:
    """A pattern for ``word`` (capitals, matched case-sensitively) whose "E"s may be read as "F"s."""
    return "".join("[EF]" if c == "E" else re.escape(c) for c in word)
