"""Evidence from clinical text: documents -> medspaCy findings (with negation and the like) -> facts.

``read(chart)`` returns the text facts and the warnings of documents that could not be read. spaCy is
imported only when the chart holds text. Text read from scanned pages (OCR) goes through the same
reader; its evidence then carries the page and Tesseract's confidence (:func:`with_ocr`).
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache
from typing import TYPE_CHECKING

from priorauth.chart.chart import Chart
from priorauth.facts.model import Evidence, OcrReading, UnreliablePage
from priorauth.text.kras_ocr33 import OTHER_GENE
from priorauth.text.kras_ocr34 import closed_before
from priorauth.text.pipeline import patterns, worth_reading
from priorauth.text.sources import TextDoc, documents
from priorauth.text.spans import _line_at, _line_end, _line_start

if TYPE_CHECKING:
    from priorauth.text.ocr import Word

_SPAN = re.compile(r"^(?P<ref>[^#]+)#char=(?P<start>\d+),(?P<end>\d+)$")
KINDS = ("kras", "diagnoses", "meds", "statuses", "naive", "monotherapy", "spread_hints", "rationale")


def read(chart: Chart, warnings: list[str], ocr: bool = True):  # type: ignore[no-untyped-def]
    return read_documents(documents(chart, warnings, ocr))


def read_documents(all_docs: list[TextDoc]):  # type: ignore[no-untyped-def]
    """The text facts of documents already extracted (``sources.documents``)."""
    docs = [d for d in all_docs if worth_reading(d.text)]
    if not docs:
        return None
    from priorauth.text.facts import from_documents  # pulls in spaCy / medspaCy

    found = from_documents(docs)
    scanned = {d.source: d for d in docs if d.scanned}
    if scanned:
        for kind in KINDS:
            setattr(found, kind, [_enriched(item, scanned) for item in getattr(found, kind)])
    return found


def _enriched(item, scanned: dict[str, TextDoc]):  # type: ignore[no-untyped-def]
    ev = item if isinstance(item, Evidence) else item.evidence
    m = _SPAN.match(ev.source)
    doc = scanned.get(m["ref"]) if m else None
    if doc is None or m is None:
        return item
    reading = reading_of(doc, int(m["start"]), int(m["end"]), ev.focus)
    if reading is None:
        return item
    new = dataclasses.replace(ev, ocr=reading)
    return new if isinstance(item, Evidence) else dataclasses.replace(item, evidence=new)


def unreliable_pages(docs: list[TextDoc]) -> list[UnreliablePage]:
    """The scanned pages OCR read unreliably: more than ``ocr.UNRELIABLE_SHARE`` of their words (letters or
    digits) below the confidence threshold. Such a page may hide a statement, so nothing is taken as absent
    from it (``evaluate/confidence.py``)."""
    from priorauth.text import ocr
    from priorauth.text.document_scope import _misdirected, _misfiled, _several_patients

    out = []
    for d in docs:
        if d.pages and (_misfiled(d.text) or _misdirected(d.text) or _several_patients(d.text)):
            continue  # [ocr10-void-document] a document that says it is another patient's hides nothing of this one
        for p in d.pages:
            words = [w for w in p.words if any(c.isalnum() for c in d.text[w.start : w.end])]
            words = _without_rule_lines(d.text, words)  # [ocr16-rule-line]
            counted = _without_record_tokens(d.text, words)  # [ocr18-record-token]
            doubtful = sum(w.conf < ocr.CONFIDENT for w in counted)
            if p.ocr and (not counted or doubtful / len(counted) > ocr.UNRELIABLE_SHARE):
                share = doubtful / len(counted) if counted else 1.0
                where = f"{d.source} page {p.number} ({share:.0%} of its words read below {ocr.CONFIDENT:.0f}%)"
                out.append(UnreliablePage(where))
            elif p.ocr and not _policy_text(d) and (drug := _misread_drug(d.text, words)):
                where = f"{d.source} page {p.number} (a word read as '{drug[0]}', perhaps {drug[1]})"
                out.append(UnreliablePage(where, perhaps=drug[1]))
            elif p.ocr and not _policy_text(d) and (named := _untaken_inhibitor(d, p)):
                where = f"{d.source} page {p.number} ({named} named on a line read doubtfully, not read as a therapy)"
                out.append(UnreliablePage(where, perhaps=named))
    return out


# [ocr16-untaken-inhibitor] (held-out OCR v16, issue 17's eighteenth pass) A KRAS G12C inhibitor named on a scanned page
# on a line OCR read doubtfully (a word of it below ocr.CONFIDENT), which the reader did not take as a therapy of the
# patient: the doubtful words may be what made the reader set it aside (a heading glued to it, a qualifier misread), so
# an absence of a prior inhibitor is not read on that page (``perhaps`` names the drug: the requested drug's own name
# hides no other). A line read confidently, a drug the reader took, and a general or void paragraph stop nothing.
def _untaken_inhibitor(doc: TextDoc, page) -> str | None:  # type: ignore[no-untyped-def]
    from priorauth.terminology.drugs import vocabulary
    from priorauth.text import ocr
    from priorauth.text.document_scope import general_at
    from priorauth.text.facts import _document_facts

    vocab = vocabulary()
    taken = {d.ingredient for m in _document_facts(doc).meds for d in m.drugs}
    lower = doc.text.lower()
    for m in vocab.pattern.finditer(lower, page.start, page.end):
        names = [i for i in vocab.by_name[m.group(0)] if vocab.drugs[i].drug_class == "kras_g12c_inhibitor"]
        if not names or set(names) <= taken or general_at(doc, m.start(), m.end()):
            continue
        start, end = _line_start(doc.text, m.start()), _line_end(doc.text, m.end())
        doubted = [
            w for _, w in ocr.words_in(doc.pages, start, end) if w.conf < ocr.CONFIDENT and any(c.isalnum() for c in doc.text[w.start : w.end])
        ]
        if doubted:
            return names[0]
    return None


# [ocr16-rule-line] (held-out OCR v16, issue 17's eighteenth pass) A printed rule of asterisks, equals signs or tildes
# (a receipt roll's "******************************") that Tesseract reads as a line of short letter groups, every one
# doubted ("SIO OOK EIKO A CHOK AOR OK KK ACK"): marks, not words. Its words do not count toward a page's share of
# doubtful words. Only a line of five tokens or more, none longer than four letters or digits and none read at or above
# ocr.CONFIDENT: a line of text read badly has a longer word, or one Tesseract was sure of.
def _without_rule_lines(text: str, words: list[Word]) -> list[Word]:
    from priorauth.text import ocr

    lines: dict[int, list[Word]] = {}
    for w in words:
        lines.setdefault(_line_start(text, w.start), []).append(w)
    debris = {
        start
        for start, ws in lines.items()
        if len(ws) >= 5
        and all(w.conf < ocr.CONFIDENT for w in ws)
        and all(sum(c.isalnum() for c in text[w.start : w.end]) <= 4 for w in ws)
    }
    debris |= {start for start, ws in lines.items() if _ruler_line(text, ws)}  # [ocr17-ruler-line]
    return [w for w in words if _line_start(text, w.start) not in debris]


# [ocr18-record-token] (held-out OCR v18, issue 17's twentieth pass) A token that glues the fields of a delimited record
# (an interface message's segment "OBX|3|ST|DNA_CHANGE||c.34G>T", an export's quoted fields '"patient","Ezekiel') is
# read by Tesseract as one long word whose confidence falls for its separators, not for its letters (read right at
# 24%): it does not count toward the page's share of doubtful words. Only two separators or more (bars, carets,
# tildes) or a quote-comma-quote joint, and only while ten words or more of the page remain to judge it by (a page of
# nothing but such tokens is judged by them all). The tokens are still read, and still checked for a misread drug.
_FIELD_JOINT = re.compile(r"[|^~]|[\"\u201c\u201d],\s*[\"\u201c\u201d]")
_QUOTED_JOINT = re.compile(r"[\"\u201c\u201d],\s*[\"\u201c\u201d]")


def _without_record_tokens(text: str, words: list[Word]) -> list[Word]:
    def record(w: Word) -> bool:
        token = text[w.start : w.end]
        return len(_FIELD_JOINT.findall(token)) >= 2 or bool(_QUOTED_JOINT.search(token))

    rest = [w for w in words if not record(w)]
    return rest if len(rest) >= 10 else words


# [ocr17-ruler-line] (held-out OCR v17, issue 17's nineteenth pass) ... and a fixed-width record's column ruler
# ("----+----1----+----2----+----3") that Tesseract reads as short letter groups and dashes ("were fon n 2 Lone e penne 2
# on orn B-- 22 fone Gene $----5"): eight tokens or more, none longer than five letters or digits, at most one read at
# or above ocr.CONFIDENT, all of them below 40% on average, and a run of dashes left in one of them. A line of text read
# badly has a longer word, or words Tesseract was surer of, and no run of dashes.
_DASH_RUN = re.compile(r"[-=_]{2,}")


def _ruler_line(text: str, ws: list[Word]) -> bool:
    from priorauth.text import ocr

    tokens = [text[w.start : w.end] for w in ws]
    return (
        len(ws) >= 8
        and sum(w.conf >= ocr.CONFIDENT for w in ws) <= 1
        and sum(w.conf for w in ws) / len(ws) < 40
        and all(sum(c.isalnum() for c in t) <= 5 for t in tokens)
        and any(_DASH_RUN.search(t) for t in tokens)
    )


def _policy_text(doc: TextDoc) -> bool:
    """[ocr7-policy-banner] A payer's policy document names no patient: a drug misread on it hides no therapy."""
    from priorauth.text.document_scope import policy_document

    return policy_document(doc)


# (held-out OCR v5, issue 17's sixth pass) A drug name misread ("aeagresie" for adagrasib) hides a therapy from a
# reader that looks for names: an absence of that therapy is not read on such a page. A word counts when it is no
# known name, is close to one (normalized edit similarity >= DRUG_LIKE: "aeagresie" is 0.67 from adagrasib) and
# Tesseract doubted it (below ocr.CONFIDENT); a word read confidently ("platinum", "relevant") does not.
DRUG_LIKE = 0.65


def _misread_drug(text: str, words: list[Word]) -> tuple[str, str] | None:
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    from priorauth.text import ocr
    from priorauth.text.kras_ocr37 import person_named

    names = _drug_names()
    for w in words:
        token = text[w.start : w.end].strip(".,;:()[]'\"|").lower()
        if w.conf >= ocr.CONFIDENT or len(token) < 6 or not token.isalpha() or token in names:
            continue
        if _IDENTIFIER_LABEL.match(text, w.start + len(text[w.start : w.end].rstrip(".,;:()[]'\"|"))):
            continue  # [ocr27-identifier-label] "Tarxeta sanitaria: 0000000000": a field's label, no drug
        if person_named(text, w.start, w.start + len(text[w.start : w.end].rstrip(".,;:()[]'\"|"))):
            continue  # [ocr37-person-named] "Mirabel Castaneda-Voss, MS": a given name, no drug
        hit = process.extractOne(token, names, scorer=Levenshtein.normalized_similarity, score_cutoff=DRUG_LIKE)
        if hit:
            return token, hit[0]
    return None


# [ocr27-identifier-label] (held-out OCR v27, issue 17's twenty-ninth pass) A word of a field's label in another language
# ("Tarxeta sanitaria: 0000000000", a health card's number) that looks like a drug's name: the label of an identifier
# (six digits or more, some read as the letter O by a scan, nothing after it on the line) names no drug; a drug before a dose ("Tarceva: 150 mg") is still
# checked.
_IDENTIFIER_LABEL = re.compile(r"(?:[ \t]+[^\W\d_]+){0,2}[ \t]*(?:\([^()\n]{0,30}\))?[ \t]*:[ \t]*(?=[\dOX#*-]*\d)[\dOX#*-]{6,}[ \t]*(?:\n|$)")


@cache
def _drug_names() -> tuple[str, ...]:
    from priorauth.terminology.drugs import vocabulary

    return tuple(n for n in vocabulary().by_name if len(n) >= 7 and n.isalpha())


# [ocr20s-semicolon-for-comma] A scan reads a comma as a semicolon ("... did not find any change in the KRAS gene; so
# the KRAS G12C medicines do not apply"): the clause after it, begun by a connective (so, and, hence, therefore), is
# read as a sentence of its own, out of the negation's scope. A finding so begun after a negated clause is doubted.
_NEGATED_CLAUSE = re.compile(r"\b(not|no|never|without|neither)\b[^.;:\n]*(?:\n[^.;:\n]*)?;\s*$", re.I)
_CONNECTIVE = re.compile(r"(?:so|and|hence|thus|therefore|which\s+means)\b", re.I)


def reading_of(doc: TextDoc, start: int, end: int, focus: tuple[int, int] | None = None) -> OcrReading | None:
    """The page and confidence of ``doc.text[start:end]`` (a finding's sentence; ``focus``: the finding's own
    words in it) when it was read from a scanned page. The confidence is the lowest Tesseract word
    confidence on the lines the span touches: the finding's words and their context (a qualifier misread on
    the line, "Family Rlstary/" for "Family history:", must not leave a finding trusted); a word that could
    not qualify it (a mark, a code, another table row's "=p.") does not count. Before the sentence, on its
    first line, only a word that qualifies what follows it can be a misread trigger ("was not stated. The
    report shows KRAS G12C": "stated" read for "started" would negate what comes before it, in another
    sentence). None for text that was not OCR'd."""
    from priorauth.text import ocr
    from priorauth.text.kras_ocr37 import grid_other_cell

    if not ocr.words_in(doc.pages, start, end):
        return None
    cited = focus or (start, end)
    line_start = _line_start(doc.text, start)
    line_end = _line_end(doc.text, end)
    words = ocr.words_in(doc.pages, line_start, line_end)
    own = (_line_start(doc.text, cited[0]), _line_end(doc.text, cited[1]))
    conf = min(
        [
            w.conf
            for _, w in words
            if _counts(doc.text[w.start : w.end], w.start < cited[1] and cited[0] < w.end)
            and not (
                (_misread_bullet(doc.text, w) or _item_number(doc.text, w)) and not (w.start < cited[1] and cited[0] < w.end)
            )
            and not _other_box_item(doc.text, w, cited)
            and not (_field_label(doc.text[w.start : w.end]) and _labels_value(doc.text, w, cited))
            and not _specimen_label(doc.text, w)
            and not _record_key(doc.text, w, cited)
            and not _tier_cell(doc.text, w, cited)
            and not _other_gene_cell(doc.text, w, cited)
            and not grid_other_cell(doc.text, w.start, cited)  # [ocr37-status-grid]
            and ((own[0] <= w.start < own[1] and _same_cell(doc.text, w, cited)) or _may_qualify(doc.text, w))
            and not _after_sentence(doc.text, w, end)
        ]
        or [w.conf for _, w in words]
    )
    suspect = suspect_word(doc.text[start:line_end]) or suspect_word(doc.text[line_start:start], forward=True)
    if suspect is None:  # a negation glued to its word by a misread mark ("No.mutation") near the finding
        lines = doc.text.split("\n")
        at = doc.text.count("\n", 0, line_start)
        near = sum(len(line) + 1 for line in lines[: max(0, at - 3)])  # where the window opens
        m = next(
            (
                m
                for m in _DAMAGED_NEGATION.finditer("\n".join(lines[max(0, at - 3) : at + 4]))
                if not closed_before(doc.text, near + m.end(), start)  # [ocr34-negation-closed-before]
            ),
            None,
        )
        suspect = m.group(0) if m else None
    if suspect is None:  # [ocr20s-semicolon-for-comma] a comma read ";" parted the finding from its negation
        before = doc.text[max(0, start - 160) : start]
        m = _NEGATED_CLAUSE.search(before)
        suspect = m.group(1) if m and _CONNECTIVE.match(doc.text, start) else None
    if suspect is None:  # [ocr19s-broken-box] a typed answer box on the finding's line read as a stroke
        m = next((m for m in _BROKEN_BOX.finditer(doc.text, line_start, line_end) if not word_in(m.group(0))), None)
        suspect = m.group(0) if m else None
    return OcrReading(words[0][0].number, conf, conf >= ocr.CONFIDENT and suspect is None, suspect)


def _counts(token: str, cited: bool) -> bool:
    """Whether a word's confidence bears on a finding: every word of the cited span, and the words around it
    on its lines that could qualify it. Marks alone ("-", "|", "=") say nothing, and a code with two digits
    or more beside the finding ("c.34G>T", "NM_004985.5", a date) is no negation, hypothetical or family
    word, however doubtful Tesseract is of it, nor is a lone letter ("=p.", "a"). A check box counts: a
    doubtful tick is a doubtful statement."""
    alnum = sum(c.isalnum() for c in token)
    if not alnum:
        return _is_box(token)
    return cited or (alnum >= 2 and sum(c.isdigit() for c in token) < 2 and not _HGVS_NAME.match(token))


# [ocr24-misread-protein-code] (held-out OCR v24, issue 17's twenty-sixth pass) an HGVS name beside the finding whose
# digits a scan read partly as letters ("p.Glyl3Asp" at 40% for "p.Gly13Asp (G13D)"): still a code, no qualifier
_HGVS_NAME = re.compile(r"^[(\[]?[cgp]\.\(?[A-Za-z*]{0,3}[0-9lIO|]*\d[0-9lIO|]*[A-Za-z*>_]")


_CELL_GAP = re.compile(r"\S  +\S")


# [ocr6-field-label] (held-out OCR v6, issue 17's seventh pass) A field's label read doubtfully ("Variant:" at 63% before
# "p.Gly12Cys", "Gene:", "Specimen:"): a word ending in a colon names the field, it does not qualify its value, unless
# it is, or may be a misreading of, a trigger or result word ("Famiiy:" for "Family:", "Negalive:"), and only before
# its value on the same line (a drug read "sotorasib:" at a line's end is no label: a worst-level `met` while building).
def _field_label(token: str) -> bool:
    gloss = _GLOSS_LABEL.match(token)
    token = gloss[1] + ":" if gloss else token
    if not token.endswith(":"):
        return False
    letters = re.sub(r"[^a-z]", "", token.lower())
    if len(letters) < 3 or letters != token[:-1].lower():
        return False
    near = _trigger_words() | _RESULT_WORDS
    return not (_inflected(letters, near) or any(_misread_as(letters, t, 2) for t in near))


def _labels_value(text: str, w, cited: tuple[int, int]) -> bool:  # type: ignore[no-untyped-def]
    """The label stands before the cited finding on its line, at the line's start or after a cell gap, with the
    value after it: "Gene: KRAS  Variant: p.Gly12Cys" ("...we would request sotorasib:" at a line's end is a
    misread word, not a label)."""
    before = text[_line_start(text, w.start) : w.start]
    glossed = bool(_GLOSS_LABEL.match(text[w.start : w.end]) and _GLOSSED_LABEL_BEFORE.fullmatch(before))
    return (
        w.end <= cited[0]
        and _line_end(text, w.end) > cited[0]
        and (not before.strip() or before.endswith("  ") or before.endswith("\t") or glossed)
    )


# [ocr24-glossed-label] (held-out OCR v24, issue 17's twenty-sixth pass) a bilingual form's label glossed in brackets
# after its own words, at the line's start or after a cell gap ("Kesimpulan [Conclusion]: mutasi KRAS G13D ..." with
# "[Conclusion]:" read at 62%): the gloss names the field as the bare label does ([ocr6-field-label])
_GLOSS_LABEL = re.compile(r"^[\[(]([A-Za-z]{3,20})[\])]:$")
_GLOSSED_LABEL_BEFORE = re.compile(r"(?:.*(?: {2}|\t))?(?:[^\s\[\]()]+ ){1,3}")


# [ocr17-record-key] (held-out OCR v17, issue 17's nineteenth pass) A key of a structured record printed from a viewer or
# an export ('{"gene": "KRAS", "cdna": "c.34G>T", "protein": "p.G12C"}' with '"cdna":' read at 38%, "gene=KRAS
# status= DETECTED"): a quoted key before its colon, or a bare key before its equals sign, names a field; it qualifies no
# value, however doubtful (as a field's label, [ocr6-field-label]). Only on a record's line (two keys or more), never
# the cited token, and never a key that is, or may be a misreading of, a trigger or result word ('"negatve":').
_RECORD_KEY = re.compile(r"""^[{\[(,]?(?:(?:"[A-Za-z][\w. -]{0,20}"|'[A-Za-z][\w. -]{0,20}')[:;]|[A-Za-z][\w.]{0,20}=)$""")
_KEYS_ON_LINE = re.compile(r"""["'][A-Za-z][\w. -]{0,20}["']\s*[:;]|\b[A-Za-z][\w.]{0,20}=""")


def _record_key(text: str, w, cited: tuple[int, int]) -> bool:  # type: ignore[no-untyped-def]
    token = text[w.start : w.end]
    if (w.start < cited[1] and cited[0] < w.end) or not _RECORD_KEY.match(token):
        return False
    letters = re.sub(r"[^a-z]", "", token.lower())
    near = _trigger_words() | _RESULT_WORDS
    after = w.start >= cited[1]  # a key after the value opens the next field: it qualifies nothing before it
    if not after and (len(letters) < 2 or _inflected(letters, near) or any(_misread_as(letters, t, 2) for t in near)):
        return False
    return len(_KEYS_ON_LINE.findall(_line_at(text, w.start))) >= 2


# [ocr16-block-label] (held-out OCR v16, issue 17's eighteenth pass) The name of a block, slide or part after its word
# ("Biomarkers (block A5)" read "(block AS)" at 49%, "slide 3B", "part B"): a specimen's label, it qualifies no finding
# however doubtful. A short token only (three letters or digits at most), and never one a negation could be ("no").
_SPECIMEN_WORD = re.compile(r"\b(?:block|blk|slide|part|cassette|container|core|specimen|sample)\s*[#:]?\s*$", re.I)


def _specimen_label(text: str, w) -> bool:  # type: ignore[no-untyped-def]
    token = re.sub(r"[^A-Za-z0-9]", "", text[w.start : w.end])
    if not 1 <= len(token) <= 3 or token.lower() in _NEGATIONS or token.lower() in {"na", "nil", "non"}:
        return False
    return bool(_SPECIMEN_WORD.search(text[max(_line_start(text, w.start), w.start - 20) : w.start]))


# (held-out OCR v5, issue 17's sixth pass) A bullet ("▶", "►", "➤", "■") that Tesseract read as a letter or two
# ("Bm", "m>", "Pp") at the start of a line: no word, so it says nothing of the finding after it, however doubtful.
# A token one letter from a negation ("Mo" for "No", "nol") is never taken for one.
_NEGATIONS = ("no", "not", "nor", "nil", "neg", "non")


def _misread_bullet(text: str, w) -> bool:  # type: ignore[no-untyped-def]
    from rapidfuzz.distance import Levenshtein

    start = _line_start(text, w.start)
    token = text[w.start : w.end]
    letters = re.sub(r"[^a-z]", "", token.lower())
    rest = text[w.end : _line_end(text, w.end)]
    if text[start : w.start].strip() or len(token) > 3 or not rest.strip() or any(c.isdigit() for c in token):
        return False
    if letters in _trigger_words() | _stop_words() | _RESULT_WORDS:
        return False
    return not any(Levenshtein.distance(letters, n) <= 1 for n in _NEGATIONS)


# [ocr19-item-number] (held-out OCR v19, issue 17's twenty-first pass) A checklist's or table's item number at the start
# of a row ("I3", "E2.", "A1)") read doubtfully ("I3." at 0%): a row's number, it says nothing of the finding after it.
# A token whose digits may be letters read wrongly and then spell a negation or a trigger ("N0" for "No", "n0t") is
# never taken for a number.
_ITEM_NUMBER = re.compile(r"^[A-Za-z]{1,2}\d{1,2}[.):]?$")
_DIGIT_AS_LETTER = str.maketrans("0125689", "olzsbbg")


def _item_number(text: str, w) -> bool:  # type: ignore[no-untyped-def]
    from rapidfuzz.distance import Levenshtein

    token = text[w.start : w.end]
    if text[_line_start(text, w.start) : w.start].strip() or not _ITEM_NUMBER.match(token):
        return False
    if not text[w.end : _line_end(text, w.end)].strip():
        return False
    read = re.sub(r"[.):]", "", token.lower().translate(_DIGIT_AS_LETTER))
    if not read.isalpha():
        return True  # a digit no letter looks like ("I3"): a number
    if read in _trigger_words() | _stop_words() | _RESULT_WORDS:
        return False
    return not any(Levenshtein.distance(read, n) <= 1 for n in _NEGATIONS)


def _may_qualify(text: str, w) -> bool:  # type: ignore[no-untyped-def]
    """A word on another line of the finding's sentence bears on it unless that line is another row of a
    table (cells apart: OCR writes a cell gap as two spaces) and the word looks like no trigger: the next
    row's gene symbol or classification ("KEAP1", "Uncertain") says nothing of this row's finding; a
    negation there ("not", or "nol" for it) still counts."""
    if not _CELL_GAP.search(_line_at(text, w.start)):
        return True
    return _trigger_like(text[w.start : w.end])


def _trigger_like(word: str) -> bool:
    token = re.sub(r"[^a-z]", "", word.lower())
    return any(t == token or (len(t) <= 8 and _misread_as(token, t, 1)) for t in _trigger_words() | _RESULT_WORDS)


# [ocr7-after-sentence] (held-out OCR v7, issue 17's eighth pass) A doubtful word after the finding's sentence has
# ended on its line ("KRAS G12C detected in plasma; above the assay's validated LoD", "assay's" at 56%): it is in
# the next sentence, and says nothing of the finding unless it looks like a trigger or a result word ("...; not
# confirmed", "...; negalive").
_SENTENCE_DONE = re.compile(r"[.;!?]\s")


def _after_sentence(text: str, w, end: int) -> bool:  # type: ignore[no-untyped-def]
    if w.start < end or not _SENTENCE_DONE.search(text[max(0, end - 1) : w.start]):
        return False
    return not _trigger_like(text[w.start : w.end])


# Result words of a table's cell ("Positive", "Mutated", "Wild type"): a doubtful one on the finding's row counts.
_RESULT_WORDS = frozenset(
    re.findall(
        r"\w+",
        "no not none nil detected positive pos negative neg present absent mutated mutation mutant wild type wildtype "
        "wt yes equivocal indeterminate failed",
    )
)


_GAP = re.compile(r" {2,}|\t|\s\|\s")


# (held-out OCR v5, issue 17's sixth pass) Each check box owns the item after it: on a form's line of boxes
# ("KRAS:  ☐ No mutation detected  ☒ G12C detected"), a word of another box's item is that item's, however doubtful
# (a box glued to "No" and cut off leaves "No" at the glued word's 28%); the finding's own box still counts.
_BOX_MARK = re.compile("[\u2610\u2612\u2611]")


# [ocr21-tier-cell] (held-out OCR v21, issue 17's twenty-third pass) A row's evidence tier or level in a cell of its
# own after the finding ("KRAS  G12C (c.34G>T, exon 2)  19.4%  1A" with "1A" read at 64%; "IIC", "Tier 2B" cells): a
# classification, it qualifies nothing however doubtful; its one letter ("a") is no trigger. Only a tier's shape (a
# digit or a roman numeral with a letter A-D, upper case), only after the finding, only between cell gaps or at the
# line's end.
_TIER = re.compile(r"(?-i:[1-4][A-D]|I{1,3}[A-D]|IV[A-D]?|I{2,3})")


def _tier_cell(text: str, w, cited: tuple[int, int]) -> bool:  # type: ignore[no-untyped-def]
    token = text[w.start : w.end].rstrip(".")
    if w.start < cited[1] or not _TIER.fullmatch(token):
        return False
    before, after = text[max(0, w.start - 2) : w.start], text[w.end : _line_end(text, w.end)]
    return (before == "  " or before.endswith("\t")) and (not after.strip() or after.startswith("  "))


# [ocr33-other-gene-cell] (held-out OCR v32, issue 17's thirty-third pass) A row of labelled gene cells ("KRAS: not
# detected  EGFR: not detected  BRAF: not detected"), the finding in its own gene's cell: a word of another gene's cell
# ("detected" at 68% in EGFR's) speaks of that gene, however doubtful, as another box's item does. Only when both cells
# open on a gene symbol's label with a colon, the other not KRAS nor a look-alike of it ("KRAL:"); a word of the
# finding's own cell, and a cell with no gene label ("Result: not detected"), still count.
_GENE_CELL_LABEL = re.compile(r"(?-i:([A-Z]{2,}[A-Z0-9]{0,5}))\W{0,2}:")
_OTHER_GENE_LABEL = re.compile(OTHER_GENE)  # the closed list [ocr33-call-then-other-gene] reads too


def _other_gene_cell(text: str, w, cited: tuple[int, int]) -> bool:  # type: ignore[no-untyped-def]
    start = _line_start(text, w.start)
    if not start <= cited[0] <= _line_end(text, w.start):
        return False
    line = text[start : _line_end(text, w.start)]
    bounds = [0, *(m.end() for m in _GAP.finditer(line))]
    cell_of = lambda at: max(b for b in bounds if b <= at - start)  # noqa: E731
    own, other = cell_of(cited[0]), cell_of(w.start)
    if own == other:
        return False
    own_label, other_label = _GENE_CELL_LABEL.match(line, own), _GENE_CELL_LABEL.match(line, other)
    if not (own_label and other_label) or own_label.group(1) != "KRAS":
        return False
    label = other_label.group(1)
    # a gene's symbol from a closed list ("PCR:", "Repeat:" may speak of KRAS itself), not a look-alike of KRAS
    return bool(_OTHER_GENE_LABEL.fullmatch(label)) and not _misread_as(label.lower(), "kras", 2)


def _other_box_item(text: str, w, cited: tuple[int, int]) -> bool:  # type: ignore[no-untyped-def]
    start = _line_start(text, w.start)
    line = text[start : _line_end(text, w.start)]
    boxes = [start + m.start() for m in _BOX_MARK.finditer(line)]
    if len(boxes) < 2 or not start <= cited[0] <= start + len(line):
        return False
    return sum(b <= w.start for b in boxes) != sum(b <= cited[0] for b in boxes)


def _same_cell(text: str, w, cited: tuple[int, int]) -> bool:  # type: ignore[no-untyped-def]
    """Whether a word on the finding's own line is in the finding's cell of a table row (or the line has no
    cells). A word in another cell of the row ("EGFR" of "EGFR L858R detected  KRAS not detected", a bar of
    allele fractions "|||||" read as "MT") says nothing of the finding unless it looks like a trigger or a
    result word (``_may_qualify``)."""
    start = _line_start(text, w.start)
    line = text[start : _line_end(text, w.start)]
    gaps = [start + m.start() for m in _GAP.finditer(line)]
    if not gaps:
        return True
    cell = sum(g < w.start for g in gaps)
    first = sum(g < max(cited[0], start) for g in gaps)
    last = sum(g < min(cited[1], start + len(line)) - 1 for g in gaps)
    return first <= cell <= last


def _is_box(token: str) -> bool:
    return bool(patterns()["ticked_box"].search(token) or patterns()["unticked_box"].search(token))


_TOKEN = re.compile(r"[A-Za-z0-9]+")
# "No.mutation", "not,detected", "was.not found": a negation joined to the next or the previous word by a
# mark where a space was (OCR); the reader cannot see the negation, so nothing near it is trusted.
_DAMAGED_NEGATION = re.compile(
    r"\b(?:no|not|nor|without|negative)[.,:;'`_~|]+[a-z]{3,}|\b[a-z]{2,}[,:;'`_~|]*[.,:;'`_~|](?:no|not|nor|without)\b"
    # "It is not.\nthe G12C mutation": a speck read as a full stop after a negation, before a lower-case word
    r"|\b(?:not|nor|without)[.;:]\s+(?-i:[a-z]{2,})"
    # [ocr19s-spaced-speck] (issue 17's safety pass on the nineteenth OCR set) the same speck read apart from the
    # negation, as a word of its own ("was not .\ndetected", "not , identified"): the reader sees "not" end a clause
    r"|\b(?:not|nor|without)[ \t]+[.,;:'`‘’|](?=\s)\s*(?-i:[a-z]{2,})",
    re.I,
)
# [ocr19s-broken-box] (issue 17's safety pass on the nineteenth OCR set) A typed answer box ("[ ] Y  [ ] N") read with
# a stroke for its blank and its closing bracket lost or glued ("[1Y", "{| N", "(l) Yes"): whether the box was empty
# or ticked is lost, and so is what the line's answer was; a finding on that line is doubted (``review``), never
# trusted. A numbered item or a footnote closed round its number ("(1) No ILD", "[1]", "(I)") is not a box.
_BROKEN_BOX = re.compile(r"[\[{(] ?(?:[1I](?! ?[\]})])|[l|!] ?[\]})]?) {0,2}(?:y|n|yes|no)\b", re.I)
_GLUED = re.compile(r"^(?:(?:if|no|not|nor)[a-z]|[a-z](?:if|no|not|nor)|witha)$")


def word_in(box: str) -> bool:
    """[ocr37-bracketed-in] the word "in" after an opening bracket ("(in-house 50-gene panel)", "(in situ)"), lower
    case and glued: a word, not a box read as "(I N" (``_BROKEN_BOX``)."""
    return box[1:] == "in"
# [ocr7-note-label] (held-out OCR v7, issue 17's eighth pass) A real word of that shape used as a field's label
# ("Note:", "NOTE:", "Norm:", the Portuguese/Spanish/Italian "Nota:") is the label, not "not" glued to a letter.
_GLUED_WORDS = frozenset({"note", "norm", "knot", "nota"})
# [ocr19-note-word] (held-out OCR v19, issue 17's twenty-first pass) An English word of that shape ("note", "norm",
# "knot") is a misread "not" only before what a "not" would negate: a result word or a KRAS word ("note detected",
# "note KRAS"); elsewhere ("a colour key: RED = act on this  AMBER = note  GREEN = clear") it is the word itself.
_ENGLISH_GLUED = frozenset({"note", "norm", "knot"})
_NEXT_WORD = re.compile(r"[^A-Za-z0-9\n]*([A-Za-z0-9]+)")
_NEGATED_AFTER = frozenset({"identified", "found", "seen", "kras", "g12c", "a", "an", "be", "been"})


def _word_itself(quote: str, t: str, end: int) -> bool:
    """[ocr7-note-label] "Note:"; [ocr19-note-word] "note" before no result or KRAS word: the word, not "not"."""
    if t not in _GLUED_WORDS:
        return False
    if quote[end : end + 1] == ":":
        return True
    if t not in _ENGLISH_GLUED:
        return False
    nxt = _NEXT_WORD.match(quote, end)
    word = nxt.group(1).lower() if nxt else ""
    return word not in _RESULT_WORDS and word not in _NEGATED_AFTER


# [ocr29-glossed-foreign-word] (held-out OCR v29, issue 17's thirty-first pass) a foreign word one look-alike letter off
# an English or Romance trigger word ("detectada" beside "detectado", "Mutatioun" beside "mutation"), followed on its
# line, after at most two more words, by a bracket glossing the phrase as a positive call only ("(detected)", "(KRAS
# G12C mutation detected)"): the gloss says what the words mean, so the word is the original's, not a misread
# qualifier. Guards: a gloss holding a negation or anything beyond the call ("(not detected)", "(detected on repeat)")
# keeps the word suspect; a word glued to a trigger ("nota", "Ifa") stays suspect whatever follows.
_POSITIVE_GLOSS_AFTER = re.compile(
    r"(?:[ \t]+[^\W\d_]+){0,2}[ \t]*\(\s*(?:k-?ras\s+)?(?:p\.\s*)?(?:[A-Z]\d{1,3}[A-Z]\s+)?(?:mutation\s+|variant\s+)?"
    r"(?:detected|positive|present|found|identified)\s*\)",
    re.I,
)


def suspect_word(quote: str, forward: bool = False) -> str | None:
    """A word of the text that looks like a misread negation, hypothetical or family trigger: a short
    trigger glued to a letter ("Ifa" for "If a", "nota", "witha") or a longer trigger one or two letters off
    ("negalive", "pendlng"). Tesseract can be sure of such a word, and the reader would then miss the
    qualifier, so the finding is not trusted on its own. ``forward``: only triggers that qualify what follows
    them (the text before a finding's sentence)."""
    words, known = _trigger_words(), _cached_words()[3]
    for m in _TOKEN.finditer(quote):
        token, t = m.group(0), m.group(0).lower()
        if len(t) < 3 or t in _stop_words() or _inflected(t, known):
            continue
        if _GLUED.match(t) and not _word_itself(quote, t, m.end()):
            return token
        if _POSITIVE_GLOSS_AFTER.match(quote, m.end()):
            continue  # [ocr29-glossed-foreign-word] "Mutatioun nogewisen (KRAS G12C mutation detected)": glossed, no misread
        for w in _cached_words()[2] if forward else words:
            if len(w) >= 5 and abs(len(w) - len(t)) <= 2 and _misread_as(t, w, 2 if len(w) >= 7 else 1):
                return token
    return None


# letters a fax or Tesseract mistakes for one another; "rn" for "m" and the like are undone first
_LOOKALIKE = [set("il1|!tfj"), set("oaec0"), set("nhur"), set("s5"), set("gq9"), set("bh6"), set("vy"), set("z2")]
_SPLIT = (("rn", "m"), ("cl", "d"), ("li", "h"), ("vv", "w"), ("ii", "u"))


def _misread_as(t: str, w: str, limit: int) -> bool:
    """``t`` is ``w`` read with at most ``limit`` look-alike letters ("negalive", "pendlng", "Rlstory"), or
    with a letter lost or added; a real word that merely resembles it ("directed" beside "detected",
    "significance" beside "significant") is not, as its differences are not look-alikes."""
    from rapidfuzz.distance import Levenshtein

    for v in {t, *(t.replace(a, b) for a, b in _SPLIT if a in t)}:
        if len(v) != len(w):
            if len(w) >= 7 and Levenshtein.distance(v, w, score_cutoff=1) <= 1:
                return True
            continue
        diffs = [(x, y) for x, y in zip(v, w, strict=True) if x != y]
        if 0 < len(diffs) <= limit and all(any(x in g and y in g for g in _LOOKALIKE) for x, y in diffs):
            return True
    return False


def _inflected(t: str, words: frozenset[str]) -> bool:
    """The word or a plain inflection of a trigger word ("result" beside "results", "tests")."""
    stems = [t, t + "s", t + "d", t + "ed"]
    stems += [t[:-1]] if t.endswith("s") else []
    stems += [t[:-2], t[:-1]] if t.endswith("ed") else []
    stems += [t[:-3], t[:-3] + "e"] if t.endswith("ing") else []
    return any(v in words for v in stems)


def _trigger_words() -> frozenset[str]:
    return _cached_words()[0]


def _stop_words() -> frozenset[str]:
    return _cached_words()[1]


@cache
def _cached_words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    from spacy.lang.en.stop_words import STOP_WORDS

    from priorauth.text.pipeline import _context_nlp

    rules = _context_nlp().get_pipe("medspacy_context").rules
    # [ocr21-pseudo-not-trigger] (issue 17's twenty-third pass) a PSEUDO rule's literal qualifies nothing, so its words
    # are no trigger a misreading could hide: "free of charge" must not make "change" (one look-alike letter off
    # "charge") a suspect word. They are only known words (never suspect themselves), and a glued-looking one named as
    # a label ("nota:") not even that: "nota" before a finding stays a suspect "not a".
    words = {
        w
        for r in rules
        if str(r.direction).upper() != "PSEUDO"
        for w in _TOKEN.findall(r.literal.lower())
        if w.isalpha()
    }
    known = {
        w
        for r in rules
        if str(r.direction).upper() == "PSEUDO"
        for w in _TOKEN.findall(r.literal.lower())
        if w.isalpha() and not _GLUED.match(w)
    }
    ahead = {
        w
        for r in rules
        if str(r.direction).upper() in ("FORWARD", "BIDIRECTIONAL")
        for w in _TOKEN.findall(r.literal.lower())
        if w.isalpha()
    }
    # the last: every word a rule names (triggers and PSEUDO literals), known words never suspect themselves
    return frozenset(words), frozenset(w.lower() for w in STOP_WORDS), frozenset(ahead), frozenset(words | known)
