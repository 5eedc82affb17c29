"""A KRAS line written in another language with an English gloss (held-out OCR v25's safety pass, issue 17).

Bilingual reports and letters give the result in the lab's or the patient's language and an English gloss in
brackets. The reader knows the English call words only, so a line like "KRAS G12C <not found, in Azerbaijani>"
read alone is a bare variant name, i.e. a detection. Two ways the gloss is written:

* [ocr25s-bracketed-call] the call's gloss on the variant's own line, right after the foreign words: "KRAS G12C
  <foreign words> (not detected)". The bracket is the call: negative. Guards: the words between the variant and the
  bracket hold no English result word ("KRAS G12C detected (not detected on the repeat)" keeps its own call), and
  the bracket holds only a negative call, nothing else.
* [ocr25s-gloss-line] the whole line glossed on the next line, wholly in brackets, naming the same variant ("<foreign
  sentence naming KRAS G12C>" / "(We did not find the KRAS G12C mutation ...)"): the first line is read through its
  gloss, which is a finding of its own. Guards: the variant's own line holds no English result word (then it says
  something of its own), and the bracketed line names the same variant.
* [ocr25-glued-gloss-variant] (issue 17's twenty-seventh pass) a scan that lost the space before the gloss's variant
  ("... it is notG12C.)") still names it: a letter glued before the name is allowed, a digit or a letter after it is
  not ("G12Cys" is another token, "xG12D" names G12D).
* [ocr26s-labelled-row] (held-out OCR v26's safety pass) the variant as the row's label, "KRAS G12C: <foreign words>
  (not found)", its colon read by a worst-level fax as a semicolon: the same bracketed call, after the label's mark.
  Guards as above: an English result word among the foreign words, or a bracket holding more than a call, keeps it.
  [ocr26s-okina-word] a foreign word may hold a glottal stop written as an apostrophe (Polynesian languages), a
  letter of the word, not a stop. [ocr27-coded-label] (twenty-ninth pass) the label with its coding change in a bracket
  before the mark, "KRAS G12C (c.34G>T): <foreign> (not detected)", is the same row; guard: the bracket holds one c.
  or p. change only.
* [ocr28s-sentence-gloss] (held-out OCR v28's safety pass) a foreign sentence ending on the variant, glossed whole in
  a bracket on the same line (wrapped maybe): "<foreign words> G12C. (The variant found is G12D, not G12C.)": the
  mention is read through its gloss, which is a finding of its own. Guards: the foreign sentence before the variant
  holds no English result word and the word before the name is no English function word; only a stop between the
  variant and the bracket; the bracket is a sentence (three words or more, not a bare call) naming the same variant.
* [ocr27-postposed-negation] (issue 17's twenty-ninth pass) a short negation word written after the variant, as
  languages that put "none" or "not" last do ("G12C nav.", "G12C yok;", "KRAS G12C: ei"): the variant is ruled out.
  Guards: a word from a closed list of such words (no English word: "no" and "not" after a name are read elsewhere),
  ending its clause (a stop, a semicolon, a comma, a bracket or the line's end), and no positive call in a bracket
  right after it ("G12C nie (G12C detected)" keeps its own reading).
"""

from __future__ import annotations

import re

from priorauth.text.layout import _RESULT_WORD
from priorauth.text.pipeline import Finding
from priorauth.text.sources import TextDoc
from priorauth.text.spans import _line_at, _line_end, _line_start

# [ocr28-wrapped-call] (held-out OCR v28, issue 17's thirtieth pass) the bracket's call broken over two lines, a fax's
# speck or a hyphen before the break ("KRAS G12C is net fun (not -" / "found)"): the same call; only "not" and its call
# word may stand on either side of the break (the words before the bracket stay on the variant's line).
_NEGATIVE_CALL = (
    r"not[ \t]+(?:detected|found|identified|present)|negative|absent|wild[ \t-]?type|no[ \t]+mutation"
    r"|not[ \t]*[-\u2013~_.]?[ \t]*\n[ \t]*(?:detected|found|identified|present)"
)
# foreign words after the variant on its line, then a bracket holding only a negative call
# (held-out v31's safety pass, issue 13) [v31s-field-gloss-call] ... the variant written as a field's label ("KRAS G12C:
# <foreign words> (negative)"), or the bracket restating the same variant before its call ("G12C <foreign words> (G12C
# not found)"): the bracket is still the call. A different variant in the bracket is no gloss of this one.
# [ocr26s-labelled-row] the label's colon may be read by a fax as a semicolon ("KRAS G12C; <foreign> (not found)")
# [ocr26s-okina-word] a foreign word may hold a glottal stop written as an apostrophe ("'ikai ma'u")
# [ocr26-dashed-row] (twenty-eighth pass) or a dash ("KRAS G12C - <foreign words> (not detected)")
_FOREIGN_WORD = r"['\u2018\u2019\u02bb]?[^\W\d_]+(?:['\u2019\u02bb][^\W\d_]+)*['\u2019\u02bb]?"
# [ocr27-coded-label] (twenty-ninth pass) the label may carry its coding change in a bracket before its mark ("KRAS
# G12C (c.34G>T): <foreign> (not detected)"), the change itself a finding whose bracket closes before the mark. Guard: the
# bracket holds one c. or p. change, nothing else.
# [ocr29-specked-foreign-words] (held-out OCR v29, issue 17's thirty-first pass) a worst-level fax's speck standing alone
# between the foreign words ("KRAS G12C ne : vyyatilena (not detected)"): a mark with a space on both sides is no word
# and no label's colon. Guards: a mark glued to a word ("tulos: (not detected)" is a label) ends the run; an English
# result word among the words keeps its own call.
_BRACKETED_CALL = re.compile(
    rf"(?:[ \t]*\([cp]\.[ \t]?[\w>()*]{{1,20}}\)(?=[ \t]*[:;=])|\)(?=[ \t]*[:;=]))?(?:[ \t]*[:;=][ \t]*|[ \t]+[-\u2013\u2014][ \t]+|[ \t]+)((?:{_FOREIGN_WORD}[ \t]+(?:[:.,'`~_|][ \t]+)?){{1,4}})[(\[][ \t]*(?:(?:KRAS[ \t]+)?(?P<again>[A-Z]\d{{1,3}}[A-Z])"
    rf"[ \t:]+)?(?:{_NEGATIVE_CALL})[ \t]*[)\]]",
    re.I,
)
_VARIANT_NAME = re.compile(r"\b(?:[A-Z]\d{1,3}[A-Z]|[A-Z][a-z]{2}\d{1,3}[A-Z][a-z]{2})\b")
_WHOLLY_BRACKETED = re.compile(r"[ \t]*\((?P<gloss>[^()\n]+)\)[ \t.]*")


def bracketed_call(doc: TextDoc, f: Finding) -> bool:
    """[ocr25s-bracketed-call] "KRAS G12C <foreign words> (not detected)": the bracketed English call negates it."""
    m = _BRACKETED_CALL.match(doc.text, f.end)
    if not m or "\n" in re.split(r"[(\[](?=[^(\[]*$)", m.group(0))[0] or _RESULT_WORD.search(m.group(1)):
        return False
    name = _VARIANT_NAME.search(doc.text[f.start : f.end])
    # [v31s-field-gloss-call] a variant restated in the bracket is this finding's own
    return not m.group("again") or (bool(name) and name.group(0).upper() == m.group("again").upper())


# [ocr28-specked-stop] (held-out OCR v28, issue 17's thirtieth pass) a worst-level fax reads the clause's closing stop as
# a colon with a speck after it ("G12C joq:  _"): a colon ending the line (specks only after it) ends the clause too;
# a colon followed by words ("G12C nie: see the table") is a label's and ends nothing.
# [ocr27-postposed-negation] negation words that follow what they negate, in languages the reports are glossed from:
# Latvian nav, Finnish/Estonian ei and pole, Hungarian nincs and nem, Turkish/Azerbaijani yok/yox, Uzbek yo'q, Kazakh
# joq, Polish nie, German nicht, Danish/Norwegian ikke, Swedish inte, Icelandic ekki, Norwegian/Faroese nei, Dutch nee.
_POSTPOSED_NEGATION = re.compile(
    r"[ \t]*(?:[:=][ \t]*|[ \t]+[-\u2013\u2014][ \t]+)?(?:nav|ei|pole|nincs|nem|yok|yox|yo['\u2019\u02bb]q|joq|nie|nicht|ikke|inte|"
    r"ekki|nei|nee)(?![\w'\u2019-])[ \t]*(?:[.;,)\]]|\(|$|:(?=[ \t_|.,'`~-]*$))",
    re.I | re.M,
)
_POSITIVE_GLOSS = re.compile(r"\((?P<gloss>[^()\n]*)\)")
_POSITIVE_CALL = re.compile(r"(?<!not )(?<!no )\b(?:detected|found|present|positive|identified)\b", re.I)


def postposed_negation(doc: TextDoc, f: Finding) -> bool:
    """[ocr27-postposed-negation] "G12C nav." / "KRAS G12C: ei": a negation word of a glossed language after the
    variant, ending its clause, rules the variant out; a bracket right after that gives a positive call keeps it."""
    m = _POSTPOSED_NEGATION.match(doc.text, f.end)
    if not m or not _VARIANT_NAME.search(doc.text[f.start : f.end]):
        return False
    gloss = _POSITIVE_GLOSS.match(doc.text[m.end() - 1 if m.group(0).endswith("(") else m.end() :].lstrip(" \t."))
    return not (gloss and _POSITIVE_CALL.search(gloss.group("gloss")) and not re.search(r"\b(?:no|not)\b", gloss.group("gloss"), re.I))


def glossed_line(doc: TextDoc, f: Finding) -> bool:
    """[ocr25s-gloss-line] The variant's line, with no English result word, is glossed by the next line, wholly in
    brackets and naming the same variant: the gloss is read instead."""
    name = _VARIANT_NAME.search(doc.text[f.start : f.end])
    if not name or _RESULT_WORD.search(_line_at(doc.text, f.start)):
        return False
    end = _line_end(doc.text, f.end)
    if end >= len(doc.text):
        return False
    following = _line_at(doc.text, end + 1)
    if _sentence_wrap(following) and _line_end(doc.text, end + 1) < len(doc.text):
        following = _line_at(doc.text, _line_end(doc.text, end + 1) + 1)  # [ocr26-wrapped-gloss-line]
    gloss = _WHOLLY_BRACKETED.fullmatch(following)
    # [ocr25-glued-gloss-variant] "notG12C": the word before glued to the name by a scan
    named = re.compile(rf"(?<!\d){re.escape(name.group(0))}(?![A-Za-z0-9])", re.I)
    return bool(gloss) and bool(named.search(gloss.group("gloss")))


# [ocr26-wrapped-gloss-line] (held-out OCR v26, issue 17's twenty-eighth pass) the foreign sentence wrapped by the page
# before its gloss line: "<foreign sentence naming G12C, to be>" / "<continued>." / "(<its English gloss>)". The wrap
# is one short line ending the sentence, with no bracket, no variant and no English result word; anything else on the
# line between keeps the gloss apart.
_WRAP = re.compile(r"[ \t]*(?:[^\W\d_]+[ \t]+){0,3}[^\W\d_]+[.;]?[ \t]*")


def _sentence_wrap(line: str) -> bool:
    return bool(_WRAP.fullmatch(line)) and not _RESULT_WORD.search(line)



# [ocr28s-sentence-gloss] the bracket after a foreign sentence ending on the variant, restating it in English
_SENTENCE_GLOSS = re.compile(r"[ \t]*[.;]?[ \t]*\((?P<gloss>[^()]{1,160})\)")
_FUNCTION_WORD_BEFORE = re.compile(
    r"(?<![\w-])(?:and|or|no|not|for|with|of|the|a|an|is|was|are|on|in|to|by|but|has|had|have|carries|shows?|"
    r"harbou?rs?)[ \t]*(?:k-?ras[ \t-]*(?:p\.)?)?$",
    re.I,
)


# [ocr28-gloss-after-sentence] (held-out OCR v28, issue 17's thirtieth pass) the foreign sentence going on after the
# variant to its stop, then the bracket (on the same line or opening the next): "mutacja KRAS G12C NIE zostala
# stwierdzona. (KRAS G12C was NOT found.)", "keliru mencantumkan KRAS p.G12C dari sampel / pasien lain (pertukaran
# tabung). (Version 1 wrongly listed KRAS p.G12C from ANOTHER patient's sample ...)". Guards: the words after the
# variant are foreign (no English result word, none of a closed list of English words: "G12C was seen in the tumour.
# (...)" is an English sentence and keeps its reading), at most two line breaks between the variant and its gloss (a
# page's wrap; a sentence wrapped over two lines and glossed on a line of its own stays apart, as
# [ocr26-wrapped-gloss-line] keeps it), one short bracket of their own, and the gloss, as above, a sentence naming the
# same variant.
_SENTENCE_ON = re.compile(
    r"(?P<rest>[ \t\n]+[^\W\d_][^.;!?()]{0,80}(?:\([^()\n]{1,40}\)[^.;!?()\n]{0,20})?)[.;]"
    r"(?P<gap>[ \t]*\n?[ \t]*)\((?P<gloss>[^()]{1,240})\)"
)
_ENGLISH_WORD = re.compile(
    r"\b(?:the|a|an|is|was|were|are|be|been|in|of|on|at|to|for|from|with|and|or|but|not|no|this|that|these|it|its|"
    r"seen|noted|reported|listed|called|tumou?r|sample|patient|result|mutation|variant)\b",
    re.I,
)


def _foreign_sentence_on(doc: TextDoc, f: Finding) -> re.Match[str] | None:
    m = _SENTENCE_ON.match(doc.text, f.end)
    breaks = m.group("rest").count("\n") + m.group("gap").count("\n") if m else 0
    if not m or breaks > 2 or _RESULT_WORD.search(m.group("rest")) or _ENGLISH_WORD.search(m.group("rest")):
        return None
    return m


def glossed_sentence(doc: TextDoc, f: Finding) -> bool:
    """[ocr28s-sentence-gloss] "<foreign words> G12C. (The variant is G12D, not G12C.)": the English sentence in the
    bracket is the reading of the foreign one; the foreign mention is no finding of its own."""
    name = _VARIANT_NAME.search(doc.text[f.start : f.end])
    m = _SENTENCE_GLOSS.match(doc.text, f.end) or _foreign_sentence_on(doc, f)  # [ocr28-gloss-after-sentence]
    if not name or not m or len(re.findall(r"[^\W\d_]+", m.group("gloss"))) < 3:
        return False
    named = re.compile(rf"(?<!\d){re.escape(name.group(0))}(?![A-Za-z0-9])", re.I)
    line = doc.text[_line_start(doc.text, f.start) : f.start]
    before = re.split(r"[.;!?](?:\s|$)", line)[-1]
    return bool(named.search(m.group("gloss"))) and not _RESULT_WORD.search(before) and not _FUNCTION_WORD_BEFORE.search(before)


# [ocr29s-slash-gloss-cell] (held-out OCR v29's safety pass, issue 17) a variant table's result cell written in the lab's
# language with its English gloss after a slash, as bilingual headers are ("KRAS  p.G12C  haikugunduliwa / not
# detected"); a worst-level fax may read specks into the cell gap ("p.G12C  |  :  haikugunduliwa /-not detected") and a
# speck glued to the slash ("/-not"): the gloss is the cell's call, negative. Guards: one to three foreign words before
# the slash, none of them an English result word ("detected / not detected" is a form's choice pair, no call); the
# English call ends the line (specks only after it); a cell gap (two spaces, a tab, or specks) after the variant.
_SLASH_GLOSS_CELL = re.compile(
    rf"(?:[ \t]{{2,}}|\t|[ \t]*[|!:;'`~_\u00a6][ \t]*)(?:[|!:;'`~_\u00a6][ \t]*){{0,4}}"
    rf"((?:{_FOREIGN_WORD}[ \t]+){{0,2}}{_FOREIGN_WORD})[ \t]*/[ \t]*[-\u2013~_.'`]?[ \t]*"
    r"(?:not[ \t]+(?:detected|found|identified|present)|negative|absent|none[ \t]+detected|no[ \t]+mutation(?:[ \t]+detected)?)"
    r"[ \t.:;|!'`~_-]*$",
    re.I | re.M,
)


def slash_glossed_cell(doc: TextDoc, f: Finding) -> bool:
    """[ocr29s-slash-gloss-cell] "p.G12C  <foreign call> / not detected" ending its line: the gloss negates it."""
    m = _SLASH_GLOSS_CELL.match(doc.text, f.end)
    return bool(m) and not _RESULT_WORD.search(m.group(1)) and not re.search(r"\b(?:no|not)\b", m.group(1), re.I)
