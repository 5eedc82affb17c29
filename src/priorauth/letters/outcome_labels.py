"""The outcome a label gives as its value ("Decision: Approved", "Status  DENIED", "Determination on the
request:" over its value on the next line, a Markdown heading over it, a card's field in capitals)."""

from __future__ import annotations

import re

from priorauth.letters import extract, misread
from priorauth.letters.outcome_words import _NEGATED, _OUTCOME_WORDS, _item_value
from priorauth.letters.spans import _OURS, GARBLED_LEADER, Hit, I, M
from priorauth.letters.status_codes import _CODE, _code

# (a Medicare notice's label names its part first: "Part D Coverage Determination: APPROVED", the thirty-second pass)
_LABEL = re.compile(
    r"(?:^|(?<=[ \t]\|)|(?<=[ \t]{3})|(?<=[ \t]/[ \t]))[ \t|]*(?:\d{4}(?:-\d\d-\d\d|\.\d\d\.\d\d|/\d\d/\d\d)[ \t]+\d\d:\d\d(?::\d\d)?[ \t]+)?(?:\d{1,2}[.)][ \t]+)?(?:[•▪‣◦●\x7f][ \t]+)?(?!(?:appeal|previous|prior\s+(?!auth)|earlier|original|last|former)\b)(?:Part[ \t]+[A-D][ \t]+)?(?:[A-Za-z][A-Za-z\d]*[ \t]+){0,2}"
    r"(?:decision|determination|determined|outcome|status|result|disposition|action(?:\s+taken)?|entscheidung|ergebnis|resoluci[oó]n|dictamen|" + misread.marked("situação") + r"|esito)(?:\s+code)?(?:\s+(?:of|da|do|della)\s+(?:the\s+)?(?:review|request|solicita\S{1,3}|" + misread.marked("solicitação") + r"|pedido|valutazione|richiesta))?"
    r"(?:[ \t]*(?:[:\-|]|\.{2,})|[ \t]{2,}|[ \t]+" + GARBLED_LEADER + r"|(?<=[A-Za-z])=)[ \t.:|]*"  # a colon, a bar, leaders, a column; a key=value file's "="
    r"(?P<v>[^\n]{2,60})",
    M,
)
# a label that ends its line, its value on the next: "Determination on the request for LUMAKRAS:\n  Approved"
_LABEL_NEXT = re.compile(
    r"^[ \t|]*(?:(?:final|coverage|review|request|authorization|PA|prior\s+authorization|plan)\s+)?"
    r"(?:decision|determination|outcome|status|result)(?:\s+(?:on|of|for)\s+[^:\n]{0,80})?[ \t]*:[ \t]*\n"
    r"[ \t|]*(?P<v>\S+(?: \S+){0,3})",
    M,
)
# a Markdown heading over its value, a blank line between ("## Decision\n\n**Not approved.**", its bold taken out): the
# value is the whole of its line, four words at most (a heading over prose says nothing by itself)
_HEADING_NEXT = re.compile(
    r"^[ \t]*#{1,4}[ \t]*(?:(?:final|coverage|review|our)\s+)?(?:decision|determination|outcome)[ \t]*\n(?:[ \t]*\n)?"
    r"[ \t]*(?P<v>[A-Za-z]+(?: [A-Za-z]+){0,3})[ \t.!]*$",
    I | M,
)
# a card's or a form's field in capitals, its name and its value in capitals filling the line (in a box's "|" or
# not): "STATUS OK TO FILL (APPROVED)" (the column gap a text layer keeps, a fax's OCR may shrink to one blank)
_CAPS_FIELD = re.compile(
    r"^[ \t|]*(?-i:STATUS|DECISION|OUTCOME)[ \t]+(?P<v>(?-i:[A-Z][A-Z ()/-]{1,40}[A-Z)]))[ \t]*(?:\|[ \t]*)?$", M
)
# an authorization form's field naming what it authorizes (the twenty-sixth pass): "Servicio autorizado: SOTORASIB
# 120 MG TABLETA (LUMAKRAS)", "Medicamento aprobado:", "Drug approved:" - approved when its value names LUMAKRAS
# (another drug's, or a field whose name is negated, "no autorizado", says nothing)
_GRANTED_ITEM = re.compile(
    r"^[ \t|]*(?!no[ \t])(?:servicios?|medicamentos?|tecnolog[ií]as?|productos?|f[áa]rmacos?|drugs?|medications?|services?)[ \t]+"
    r"(?P<w>autorizad[oa]s?|aprobad[oa]s?|approved|authorized)[ \t]*:[ \t]*(?P<v>[^\n]{3,80})$",
    I | M,
)

# a label's value ends at its sentence's end, a semicolon or a column gap
_BOX = re.compile(r"[\[({][^\])}\n]{0,3}[\])}]")  # a box, ticked or not, as OCR may print it ("[X)", "[J]")
_VALUE_END = re.compile(r"\.(?=\s|$)|;|[ \t]{2,}")
_EARLIER_DECISION = re.compile(r"\b(?:earlier|previous|prior|original|first)\s+(?:denial|decision|approval|determination)\b", I)


def _value_hit(v: str, at: int) -> list[Hit]:
    """The outcome word a label's value ``v`` (at ``at``) holds, the first of :data:`_OUTCOME_WORDS` found;
    an approval's word under a negation ("not approved" is read as denied, never as approved) says nothing."""
    for value, words in _OUTCOME_WORDS:
        w = re.search(rf"\b(?:{words})\b", v, I)
        if w and not (value == "approved" and _NEGATED.search(v)):
            return [Hit(value, at + w.start(), at + w.end())]
    return []


def label_hits(text: str, codes: dict[str, str]) -> list[Hit]:
    """The outcomes the letter's labels give as their values, in the order the labels are read: "Decision:
    Approved", a card's field in capitals, a label over its value, a Markdown heading over it. ``codes``: the
    letter's status codes (a code no legend defines is read through the meaning printed beside it)."""
    labeled: list[Hit] = []
    for m in _LABEL.finditer(text):
        if extract.is_legend(m.group("v")):
            continue  # "decision: A = approved, D = denied": a legend's codes, nothing decided
        if _BOX.search(m.group("v")):
            continue  # a row of boxes ("Status: [ ] Approved  [X] Pended"): the ticked box says it, below
        v = _VALUE_END.split(m.group("v"))[0]  # "Decision: APPROVED. The earlier denial no longer applies."
        at = m.start("v")
        if _EARLIER_DECISION.search(v):
            continue  # "RECONSIDERED DECISION: the earlier denial is reversed." (the new decision is said after it)
        if re.fullmatch(_CODE, v.strip()) and _code(v.strip()) not in codes:  # "A3      NOT CERTIFIED", "A1  (Certified)"
            meaning = re.match(r"\S+[ \t]+\(?(?P<m>[A-Za-z][^()=:\n]{1,40}?)[ \t]*(?:\)|$)", m.group("v"))
            if meaning:  # the code's meaning printed beside it says the outcome
                v, at = meaning.group("m"), at + meaning.start("m")
        labeled += _value_hit(v, at)
    for m in _CAPS_FIELD.finditer(text):  # "| STATUS OK TO FILL (APPROVED) |": a card's field, its gap lost at fax
        labeled += _value_hit(m.group("v"), m.start("v"))
    for m in _LABEL_NEXT.finditer(text):
        value = _item_value(m.group("v").split("  ")[0]) or next(
            (v for v, words in _OUTCOME_WORDS if re.match(rf"(?:{words})\b", m.group("v"), I)), None
        )
        if value and not (value == "approved" and _NEGATED.search(m.group("v"))):
            labeled.append(Hit(value, m.start("v"), m.start("v") + len(m.group("v").split()[0])))
    for m in _HEADING_NEXT.finditer(text):
        value = next((v for v, words in _OUTCOME_WORDS if re.fullmatch(rf"(?:{words})", m.group("v"), I)), None)
        if value and not (value == "approved" and _NEGATED.search(m.group("v"))):
            labeled.append(Hit(value, m.start("v"), m.end("v")))
    for m in _GRANTED_ITEM.finditer(text):
        if _OURS.search(m.group("v")):
            labeled.append(Hit("approved", m.start("w"), m.end("w")))
    return labeled
