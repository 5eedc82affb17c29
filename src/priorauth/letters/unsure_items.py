"""A list of what is asked, read by OCR in a language that writes marked letters (issue 18's twenty-eighth set, the
twenty-seventh pass).

A fax's OCR drops a mark it reads unsurely ("clínico" read "clinico", "già" read "gia", "niðurstöðu" read
"nidurstodu"), and the item is then proposed in words the letter does not print: a wrong value. Such a letter's list is
left empty, with a warning to read it on the letter, when one of its items was read under :data:`SURE` (a list is
proposed whole or not at all: a list with an item left out is no list of what was asked).

The language is told by the marked letters OCR did read (:data:`_MARKED_LEAST` or more) or by the words that ask for the
list (:data:`_MARKED_ASK`: "ci occorrono:", "sírvase remitir:", "vantar:"). Guards: a text layer (no OCR) is read as
printed; a list asked for in English, Indonesian or Swahili (their words carry no marks to lose) keeps its items
whatever their confidence; a list whose every item was read at :data:`SURE` or above is kept."""

from __future__ import annotations

import re

# the words asking for a list in languages that write marks (Italian, Spanish, Portuguese, French, German, Danish /
# Norwegian, Icelandic, Czech / Slovak, Polish, Hungarian, Romanian): a letter OCR read may have lost its marks even where
# its text shows none (a fax read the whole of an Italian letter without one)
_MARKED_ASK = re.compile(
    r"\b(?:occorr\w*|seguent[ei]|trasmettere|inviare|s[íi]rvase|remitir|aporte|documentaci[óo]n|envio|enviar|precisamos|"
    r"veuillez|merci|parvenir|transmettre|ben[öo]tigen|unterlagen|folgende|mangler|f[øo]lgende|vantar|upplýsing\w*|"
    r"pot[řr]ebujeme|dolo[žz]it|prosimy|k[ée]rj[üu]k|v[ăa]\s+rug[ăa]m)\b",
    re.I,
)
SURE = 0.90  # the word confidence under which a marked letter may have been read as its bare letter
_MARKED = re.compile(r"[À-ÖØ-öø-ÿĀ-žȘ-ț]")
_MARKED_LEAST = 5


def doubtful(confidences: list[float], text: str, ocr: bool, asked: str = "") -> bool:
    """Whether a list of items read with ``confidences`` from ``text`` is left empty (see the module); ``asked``: the
    words before its first item (the request that opens it)."""
    if not ocr or not confidences or min(confidences) >= SURE:
        return False
    return len(_MARKED.findall(text)) >= _MARKED_LEAST or bool(_MARKED_ASK.search(asked))
