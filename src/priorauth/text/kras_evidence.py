"""The weakest evidence a KRAS line needs before it is read as this patient's result (held-out OCR v19, issue 17's
twenty-first pass).

Every blind set brought new documents whose variant names are no result: a fee schedule's test list, a requisition's
ticked tests, a payer's list of missing documents, a billing worksheet's line, a diary's "sent off for", a plate map's
header row, a codon matrix's empty boxes, an amended report quoting the result it withdrew. Filtering each kind by
name never ends; the rules here are the inverse, in two parts:

* [ocr19-no-result-declared] a document that says in its own words that no result is held (yet) - "results not back
  yet", "result will be issued separately", "no sample yet", "Result field: NOT RECEIVED", "no valid result is
  available", "no local KRAS result exists" - needs a result word ON the variant's line (the caller's rule of
  [ocr18-no-result-held], with more wordings of the declaration); a line quoting an earlier version ("Version 1
  stated: ... detected") in such a document is the withdrawn result, no result either.
* line layouts that name a variant as an item, not as a finding: a box after each variant with the variant's own
  box empty ("G12A [X]  G12C [ ]"), a row of targets under a label ("target:  G12C  G12D  G12V") whose calls are in
  another row, a line of tests requested ("Tests requested: [X] KRAS G12C"), a payer's request for documentation
  ("Documentation of a KRAS G12C mutation" among missing items), a field answered pending ("KRAS G12C confirmed ...
  -> PENDING").
"""

from __future__ import annotations

import re

from priorauth.text.document_scope import OTHER_GENES
from priorauth.text.layout import _RESULT_WORD
from priorauth.text.pipeline import Finding
from priorauth.text.sources import TextDoc
from priorauth.text.spans import _line_at, _line_before, _line_end, _line_start

# [ocr19-earlier-version-quote] "Version 1 stated:", "Originally reported:", "The previous report read:"
_EARLIER_VERSION = re.compile(
    r"\b(?:version\s*[1lI|!\]]|v1|original(?:ly)?|previous(?:ly)?|earlier|initial(?:ly)?|first\s+version)\s+"
    r"(?:version\s+|report\s+)?(?:stated|read|said|reported|showed)\b[^\n]*$",
    re.I,
)


def earlier_version_quote(doc: TextDoc, f: Finding, no_result: bool) -> bool:
    """[ocr19-earlier-version-quote] The line quotes an earlier version in a document that now holds no result."""
    return no_result and bool(_EARLIER_VERSION.search(_line_before(doc, f)))


_VARIANT = r"(?:p\.)?[A-Z]\d{1,3}[A-Z]\b"
_BOX = r"\[[ \t]*[xX\u2713\u2714]?[ \t]*\]"
_VARIANT_THEN_BOX = re.compile(rf"{_VARIANT}[ \t]*{_BOX}")
_EMPTY_BOX_AFTER = re.compile(r"[)\]]?[ \t]*\[[ \t]*\]")
# a box as a fax scan reads it: "{( J", "[)", "(}" (empty: no x or tick in it), after a variant whose 1 may read "l"
_SCANNED_VARIANT_THEN_BOX = re.compile(r"\b[A-Z][\dlIO|]{1,3}[A-Za-z0-9]{1,2}[ \t]*[\[{(]")
_SCANNED_EMPTY_BOX_AFTER = re.compile(r"[ \t]*[\[{(][ \t(){}\[\]|lJI!1_]{0,4}(?=[ \t]|$)")
_FIRST_BOX = re.compile(_BOX)


_TICKED_BOX_AFTER = re.compile(r"[)\]]?[ \t]*\[[ \t]*[xX\u2713\u2714][ \t]*\]")


def _boxes_after_variants(doc: TextDoc, f: Finding) -> bool:
    """The line's convention: a box after each variant ("G12A [X]  G12C [ ]"), the first box after the first variant."""
    line = _line_at(doc.text, f.start)
    if len(_VARIANT_THEN_BOX.findall(line)) >= 2:
        first_box = _FIRST_BOX.search(line)
        first_variant = re.search(_VARIANT, line)
    elif doc.scanned and len(_SCANNED_VARIANT_THEN_BOX.findall(line)) >= 3:
        first_box = re.search(r"[\[{(]", line)
        first_variant = _SCANNED_VARIANT_THEN_BOX.search(line)
    else:
        return False
    return bool(first_box and first_variant and first_variant.start() < first_box.start())


def _unticked_box_after(doc: TextDoc, f: Finding) -> bool:
    """[ocr19-box-after-variant] "G12A [X]  G12C [ ]  G12D [ ]": each variant's box follows it; G12C's is empty."""
    empty = _EMPTY_BOX_AFTER.match(doc.text, f.end) or (doc.scanned and _SCANNED_EMPTY_BOX_AFTER.match(doc.text, f.end))
    return bool(empty) and _boxes_after_variants(doc, f)


def ticked_box_after(doc: TextDoc, f: Finding) -> bool:
    """[ocr19-box-after-variant] "G12C [ ]  G12A [X]": G12A's box is the one after it (the empty box before it is
    G12C's), so the layout's "unticked item" reading of the box before does not apply."""
    return bool(_TICKED_BOX_AFTER.match(doc.text, f.end)) and _boxes_after_variants(doc, f)


# [ocr19-target-row] a row of targets under a label, nothing but variant names in it: a column header
_TARGET_ROW = re.compile(
    rf"^[ \t]*(?:targets?|assays?|probes?|wells?|channels?|columns?|(?:variants?|mutations?|alleles?)\s+(?:tested|targeted))"
    rf"[ \t]*[:|][ \t]*(?:(?:k-?ras[ \t]+)?{_VARIANT}(?:[ \t]+(?:[^\w\s][ \t]+)?|[ \t]*[|,;/][ \t]*|[ \t]*$)){{3,}}[ \t]*$",
    re.I,
)

# [ocr19-tests-requested] "Tests requested:  [X] KRAS G12C  [X] EGFR", "Please perform: KRAS G12C, EGFR"
_REQUESTED_LABEL = re.compile(
    r"\b(?:tests?|assays?|analys[ie]s|investigations?)\s+(?:requested|ordered|required|to\s+be\s+(?:performed|done|run))"
    r"\s*[:\u2013\u2014-][^\n]*$|\b(?:requested|ordered)\s+tests?\s*[:\u2013\u2014-][^\n]*$"
    r"|\bplease\s+(?:perform|run|test\s+for)\b[^\n]*$",
    re.I,
)

# [ocr19-documentation-requested] "[X] Documentation of a KRAS G12C mutation (copy of the laboratory report)" in a
# payer's request for what is missing
_DOCUMENTATION_OF = re.compile(
    r"\b(?:documentation|proof|evidence|copy|confirmation)\s+of\s+(?:an?\s+|the\s+)?(?:documented\s+|positive\s+)?"
    r"(?:k-?ras\s+)?(?:p\.)?$",
    re.I,
)
_MISSING = re.compile(
    r"\bmissing\s+(?:items?|documents?|documentation|information)\b|\b(?:items?|documents?|information)\s+(?:is\s+|are\s+)?"
    r"(?:missing|outstanding)\b|\badditional\s+information\b|\bcannot\s+be\s+decided\b",
    re.I,
)

# [ocr19-pending-answer] "KRAS G12C confirmed by central laboratory  [ ] Y  [ ] N  -> PENDING": the field's answer
_PENDING_ANSWER = re.compile(
    r"[^.;\n]*?(?:->|\u2192|=>|:|=|[ \t]{2,})[ \t]*(?:pending|awaited|awaiting(?:\s+result)?|not\s+yet\s+(?:available|resulted|received))\b",
    re.I,
)
_ANSWERED = re.compile(
    r"\b(?:detected|positive|present|identified|mutated|mutant|negative|not\s+detected)\b|\[[ \t]*[xX]", re.I
)
_OTHER_TEST = re.compile(rf"\b(?:{OTHER_GENES})\b", re.I)


def _pending_answer(doc: TextDoc, f: Finding) -> bool:
    m = _PENDING_ANSWER.match(doc.text, f.end)
    if not m or m.end() > _line_end(doc.text, f.end):
        return False
    between = doc.text[f.end : m.end()]
    return not (_ANSWERED.search(between) or _OTHER_TEST.search(between))


def named_not_found(doc: TextDoc, f: Finding, no_result: bool) -> bool:
    """The G12C (or other variant) is named on its line as an item - a menu's unticked box, a header row of targets,
    a test requested, a document the payer still needs, a field answered pending - not found in the patient."""
    before = _line_before(doc, f)
    line = _line_at(doc.text, f.start)
    if _unticked_box_after(doc, f) or _TARGET_ROW.search(line) or _pending_answer(doc, f):
        return True
    if _REQUESTED_LABEL.search(before) and not _RESULT_WORD.search(line):
        return True
    if _DOCUMENTATION_OF.search(before) and not _RESULT_WORD.search(line) and _MISSING.search(doc.text):
        return True
    return earlier_version_quote(doc, f, no_result) or quoted_withdrawn_result(doc, f, no_result) or _specked_test(doc, f)


# [ocr22-specked-test-word] (held-out OCR v22 at the worst level) a scan's speck read as a stop between the variant's
# noun and the test word after it ("report documenting KRAS G12C mutation. status", "G12C mutation, testing"): still
# the test's name, no result - the word after the speck is lower case, so it starts no sentence. A result word after
# it on the clause ("mutation. status: positive") keeps the finding.
_SPECKED_TEST = re.compile(
    r"[ \t]*(?:mutation|variant|alteration)[.,;:'`][ \t]+(?:testing|test|assay|analysis|status|genotyping|sequencing)\b"
    r"([^.;\n]{0,60})"
)


def _specked_test(doc: TextDoc, f: Finding) -> bool:
    m = _SPECKED_TEST.match(doc.text, f.end)
    return bool(m) and not _RESULT_WORD.search(m.group(1))


# [ocr22-quoted-withdrawn] (held-out OCR v22, issue 17's twenty-fourth pass) a letter or amended report that quotes the
# result it withdraws ('we issued report 118 stating "KRAS G12C detected" ... WITHDRAWN'; '(the earlier "G12C
# positive") ... must not be used') and declares that no result is held now: the quoted words are the voided result.
_QUOTES = "\"\u201c\u201d"
_WITHDRAWN_WORD = re.compile(
    r"\b(?:withdrawn|retracted|rescinded|voided|cancel+ed|invalidated)\b"
    r"|\b(?:must|should)\s+not\s+be\s+(?:used|relied\s+(?:up)?on)\b",
    re.I,
)


def quoted_withdrawn_result(doc: TextDoc, f: Finding, no_result: bool) -> bool:
    """[ocr22-quoted-withdrawn] The finding stands inside quotation marks on its line, in a document that withdraws a
    result and declares that none is held."""
    if not no_result or not _WITHDRAWN_WORD.search(doc.text):
        return False
    start = _line_start(doc.text, f.start)
    before = sum(doc.text.count(q, start, f.start) for q in _QUOTES)
    after = doc.text[f.end : _line_end(doc.text, f.end)]
    return before % 2 == 1 and any(q in after for q in _QUOTES)


# [ocr19-csv-negative-row] a machine export's comma-separated row ("A2,KRAS G12C,NA,26.0,NA,<=8.0,NEG"): four cells
# or more, the last a negative call, no positive cell between the variant and it - the variant's call, not detected.
_CSV_ROW = re.compile(r"^[^,\n]*(?:,[^,\n]*){3,}$")
_CSV_NEG_LAST = re.compile(r",[ \t]*(?:neg|negative|not[ \t]+detected|nd|wt|wild[ \t-]?type)[ \t]*,?[ \t]*$", re.I)
_CSV_POS = re.compile(r"\b(?:pos|positive|detected|present|mutated|mutant)\b", re.I)


def csv_negative_row(doc: TextDoc, f: Finding) -> bool:
    line = _line_at(doc.text, f.start)
    if not _CSV_ROW.match(line.strip()):
        return False
    rest = doc.text[f.end : _line_end(doc.text, f.end)]
    m = _CSV_NEG_LAST.search(rest)
    return bool(m and not _CSV_POS.search(rest[: m.start()]))


# [ocr20-legend-items] (held-out OCR v20, issue 17's twenty-second pass) a legend or key that names what each tube,
# well, lane or curve holds ("Legend: tube 1 control gene; tube 2 G12A; tube 3 G12C; ..."): two variant names or more
# on a line labelled "legend" or "key" with no result word is the plot's key, the calls are elsewhere.
_LEGEND_LABEL = re.compile(r"^\W{0,3}(?:legend|key|colour\s+key|color\s+key)\s*[:=\u2013\u2014-]", re.I)
_VARIANT_ANY = re.compile(rf"\b{_VARIANT}")


def legend_items(line: str) -> bool:
    return bool(_LEGEND_LABEL.match(line)) and len(_VARIANT_ANY.findall(line)) >= 2 and not _RESULT_WORD.search(line)


# [ocr20-named-as-example] the variant given as an example of what a test looks for or cannot see ("changes such as
# KRAS G12C, EGFR and ALK that may guide treatment", "somatic changes such as KRAS G12C cannot be detected by this
# test"): no finding, unless the sentence says it was found ("changes such as KRAS G12C, which was detected here").
_EXAMPLE_BEFORE = re.compile(
    r"\b(?:such\s+as|e\.\s?g\.|for\s+(?:example|instance))\s*[:,]?[\s|]*(?:(?:the\s+)?k-?ras\s+(?:p\.\s*)?)?$", re.I
)
_STATED_FOUND = re.compile(
    r"\b(?:was|were|is|are|been|being)\s+(?:\w+\s+)?(?:detected|identified|found|present|reported|confirmed)\b"
    r"|\b(?:positive|harbou?r(?:s|ed|ing))\b",
    re.I,
)


# a result word on the line counts unless a modal makes it what a test could do ("cannot be detected by this test")
_MODAL_VERB = re.compile(r"\b(?:can(?:not)?|could|may|might|will|would|should|to)\s+(?:not\s+)?(?:be\s+)?\w+", re.I)


def named_as_example(doc: TextDoc, f: Finding) -> bool:
    """[ocr20-named-as-example]; a result on the variant's line ("KRAS mutation detected (e.g. G12C at 14% VAF)") or
    stated after it in the sentence keeps it a finding."""
    before = doc.text[max(0, f.start - 40) : f.start]
    if not _EXAMPLE_BEFORE.search(before):
        return False
    line = _MODAL_VERB.sub(" ", _line_at(doc.text, f.start))
    return not (_RESULT_WORD.search(line) or _STATED_FOUND.search(doc.text[f.end : f.sentence_start + len(f.sentence)]))


# [ocr20-status-voided] the result's own line gives it a status that voids it ("KRAS G12C detected  STATUS NOW:
# SUSPENDED - DO NOT USE", "status: withdrawn"): no result. A status of the report ("Status: final") is none.
_STATUS_VOIDED = re.compile(
    r"\bstatus(?:\s+now)?\s*[:=\u2013\u2014-]\s*(?:suspended|withdrawn|void(?:ed)?|invalid(?:ated)?|retracted|"
    r"cancell?ed|recalled)\b|\bdo\s+not\s+use\b",
    re.I,
)


def status_voided(doc: TextDoc, f: Finding) -> bool:
    return bool(_STATUS_VOIDED.search(doc.text[f.end : _line_end(doc.text, f.end)]))


# [ocr20-negative-including] a gene's negative call that names the variant it includes ("KRAS not detected,
# including G12C", "KRAS wild-type (incl. G12C)"): the variant is negated with the gene.
_NEGATIVE_INCLUDING = re.compile(
    r"\b(?:not\s+detected|negative|wild[\s-]?type|no\s+(?:\w+\s+)?(?:mutations?|variants?|alterations?)\s+"
    # [ocr31s-negative-scope-including] (held-out OCR v31's safety pass) ... the call passive, scoped to a codon, exon or
    # gene before the inclusion ("No mutation was detected at KRAS codon 12, including G12C"): the variant is in the scope
    r"(?:(?:was|were|is|are|has\s+been|have\s+been)\s+)?(?:detected|identified|found)"
    r"(?:\s+(?:at|in|of|within|across|affecting)\s+[^.;:\n()]{1,40}?)?)\s*,?\s*\(?\s*"
    r"(?:including|incl\.?|in\s+particular|notably|specifically)"
    r"\s*:?\s*(?:k-?ras\s+)?(?:p\.\s*)?$",
    re.I,
)


# [ocr24s-including-then-negative] (held-out OCR v24's safety pass) ... or the inclusion put first, in brackets, and the
# gene's negative call after them ("KRAS exons 2-3 (incl. G12C) wild type", "KRAS (including G12C): not detected"):
# the variant is negated with the range it belongs to. A result inside the brackets ("(incl. G12C, detected)") is no
# such bracket.
_INCLUDING_OPEN = re.compile(
    r"\(\s*(?:including|incl\.?|includes|covering|covers|e\.\s?g\.?)\s*:?\s*(?:k-?ras\s+)?(?:p\.\s*)?$", re.I
)
_CLOSED_THEN_NEGATIVE = re.compile(
    r"\s*\)\s*[:=\u2013\u2014-]?\s*(?:(?:is|are|was|were)\s+)?(?:not\s+(?:detected|identified|found|mutated)|"
    r"negative|neg\b|wild[\s-]?type|wt\b|absent|none\s+detected|no\s+(?:mutations?|variants?|alterations?)\s+"
    r"(?:detected|identified|found))",
    re.I,
)


def negative_including(doc: TextDoc, f: Finding) -> bool:
    before = doc.text[max(0, f.start - 100) : f.start]
    if _NEGATIVE_INCLUDING.search(before):
        return True
    at = f.end - 1 if doc.text[f.start : f.end].endswith(")") else f.end  # the finding may hold its bracket: "G12C)"
    return bool(_INCLUDING_OPEN.search(before) and _CLOSED_THEN_NEGATIVE.match(doc.text, at))


# [ocr24s-glossed-mention] (held-out OCR v24's safety pass) a bilingual document restating the variant in a gloss of
# another language right after it, behind a slash or an opening bracket, before any stop ("kasama ang KRAS G12C /
# including KRAS G12C", "KRAS G12C yeobu-neun ajik moreum (KRAS G12C status not yet known)"): the first mention is
# read through its gloss, which is a finding of its own and says what the first one says. A result word between the
# two ("KRAS G12C detected (G12C at 12%)") keeps the first a finding of its own.
_VARIANT_NAME = re.compile(r"\b(?:[A-Z]\d{1,3}[A-Z]|[A-Z][a-z]{2}\d{1,3}[A-Z][a-z]{2})\b")


_GENE_BEFORE = re.compile(r"\bk-?ras[ \t-]*(?:p\.\s*)?$", re.I)


# [ocr26-bare-gloss] (held-out OCR v26, issue 17's twenty-eighth pass) a bare variant in the lab's language, its gloss
# restating the bare variant with the call ("<foreign> G12C (no G12C)", "ne G12C / not G12C"), the bracket maybe wrapped
# over a line ("(no" / "G12C)."): read through the gloss as well. Guards: only right after a foreign word (a word of
# English prose before, "for G12C (G12C ...)", is no gloss), the same line or the next one only, and the rules above.
_FOREIGN_BEFORE = re.compile(r"(?<![-\w])(?!(?:and|or|no|not|for|with|of|the|a|an|is|was|are|on|in|to|by|but)\b)[^\W\d_]{2,}-?[ \t]*$", re.I)


def glossed_mention(doc: TextDoc, f: Finding) -> bool:
    name = _VARIANT_NAME.search(doc.text[f.start : f.end])
    gene = bool(name and _GENE_BEFORE.search(doc.text[max(0, f.start - 12) : f.start]))
    line_before = doc.text[_line_start(doc.text, f.start) : f.start]
    if not (name and (gene or _FOREIGN_BEFORE.search(line_before))):
        return False  # a gloss repeats the whole name, gene and variant ("discuss G12C options (tissue KRAS G12C)": none)
    window = doc.text[f.end : f.end + 90]
    gene_again = r"\bk-?ras[ \t-]*(?:p\.\s*)?" if gene else r"(?<![\w-])"  # [ocr26-bare-gloss] the bare name again
    again = re.search(rf"{gene_again}{re.escape(name.group(0))}\b", window, re.I)
    if not again:
        return False
    between = window[: again.start()]
    if re.search(r"[.;]", between) or _RESULT_WORD.search(between) or not re.search(r"[/(]", between):
        return False
    if not gene and (between.count("\n") > 1 or re.search(r"\bk-?ras[ \t-]*(?:p\.\s*)?$", between, re.I)):
        return False  # a bare name's gloss repeats it bare: "G12C options (tissue KRAS G12C)" names the gene, no gloss
    gloss = between[between.rfind("/") + 1 :] if between.rfind("/") > between.rfind("(") else between[between.rfind("(") + 1 :]
    return bool(re.fullmatch(r"\s*(?:[A-Za-z]+\s+){0,2}", gloss))


# [ocr20-phased-component] a base call that the report phases into one codon change with its neighbour ("c.34G>T ...
# c.35G>T ... reported as one variant: c.34_35delinsTT p.(G12F)"): the c.34G>T alone is a component of that change,
# no G12C. Only a bare cDNA call; a line naming the protein G12C itself stays a finding. A scan may read the "c." of
# the delins as "¢." (v20's normal fax).
_CODON12_DELINS = re.compile(r"(?:\bc|\u00a2)\.\s?34_3[56]\s?delins[ACGT]*\b", re.I)
_BARE_C34 = re.compile(r"c\.\s?34\s?G\s?>\s?T", re.I)
_PROTEIN_G12C = re.compile(r"\bp\.\s?\(?(?:G12C|Gly12Cys)\b", re.I)


def phased_component(doc: TextDoc, f: Finding) -> bool:
    return bool(
        _BARE_C34.fullmatch(doc.text[f.start : f.end])
        and _CODON12_DELINS.search(doc.text)
        and not _PROTEIN_G12C.search(_line_at(doc.text, f.start))
    )


# [ocr21s-test-field] (held-out OCR v21's safety pass) a form's field that names the test ordered or requested ("Test:
# KRAS G12C / NSCLC hotspot panel" on a cancellation notice, "Request: histology and KRAS G12C if tumour present"):
# the test's name, no finding, when neither the line nor the next one gives a result. A condition ("if tumour
# present") is no result word.
_FIELD_LABEL_BEFORE = re.compile(
    r"(?:^|[ \t]{2,}|\t|[|;])[ \t]*(?:tests?(?:[ \t]+name)?|requests?|requested|orders?(?:ed[ \t]+test)?|"
    r"assay[ \t]+requested|cancell?ed[ \t]+tests?|"
    # [ocr24s-target-field] (held-out OCR v24's safety pass) the field naming what an assay targets ("Target: KRAS
    # c.34G>T p.G12C only", "Targets: G12C", "Variants covered: G12C, G12D")
    r"targets?|target[ \t]+variants?|variants?[ \t]+(?:covered|targeted|tested))[ \t]*:[^\n:.;]{0,40}$",
    re.I,
)
# [ocr24s-target-field] an HGVS prefix before the finding ("Target: KRAS c.34G>T p.G12C") is no sentence stop
# [ocr31s-misread-field-colon] (held-out OCR v31's safety pass) ... the label's colon read by a scan as a stop or a
# comma ("Test name. KRAS G12C. Plasma (cfDNA), Allele-Specific PCR"): the same field, when the label starts its line.
_MISREAD_LABEL_BEFORE = re.compile(
    r"^[ \t|]*(?:tests?(?:[ \t]+name)?|orders?(?:ed[ \t]+test)?|assay[ \t]+requested|targets?|target[ \t]+variants?|"
    r"variants?[ \t]+(?:covered|targeted|tested))[.,][ \t]+(?:[^\n:.;]|\.(?=\S)){0,40}$",
    re.I,
)
_HGVS_PREFIX = re.compile(r"\b[cpg]\.(?=\s?\(?[\dA-Z])")
_G12C_NAMED = re.compile(r"\b(?:G12C|Gly12Cys)\b|c\.\s?34\s?G\s?>\s?T", re.I)
_CONDITION = re.compile(r"\b(?:if|when|should|unless|provided)\b[^.;\n]*", re.I)


def field_names_test(doc: TextDoc, f: Finding) -> bool:
    lead = _HGVS_PREFIX.sub("", _line_before(doc, f))
    if not (_FIELD_LABEL_BEFORE.search(lead) or _MISREAD_LABEL_BEFORE.search(lead)):
        return False
    line = _CONDITION.sub(" ", _line_at(doc.text, f.start))
    end = _line_end(doc.text, f.end)
    following = _line_at(doc.text, end + 1) if end < len(doc.text) else ""
    # [ocr24s-target-field] a next line that names the variant again carries its own result ("RESULT: KRAS G12C NOT
    # DETECTED" under "Target: KRAS G12C only"); a bare result there ("Result: DETECTED") answers this line.
    own = _VARIANT_NAME.search(doc.text[f.start : f.end])
    if (own and re.search(rf"\b{re.escape(own.group(0))}\b", following)) or (
        f.label == "KRAS_G12C" and _G12C_NAMED.search(following)
    ):
        following = ""
    return not (_RESULT_WORD.search(line) or _RESULT_WORD.search(following))


# [ocr21s-specked-negative] a fax's speck beside a negative call: a table row's last cell "NOT. DETECTED|" (the clean
# row's "| NOT DETECTED|"), and a list heading "Not detected; KRAS G12C, KRAS G12D, ..." (its colon read as a
# semicolon): the row or the list is not detected, as the clean line is, unless a positive word follows the variant.
_SPECKED_NEG_LAST_CELL = re.compile(
    r"(?:[ \t]{2,}|\t|[ \t]*[|!\[{][ \t]*)not[.,'`\u2019][ \t]*(?:detected|identified|found)[ \t.]*[|!\]}]?[ \t]*$",
    re.I,
)
_SPECKED_NEG_HEADING = re.compile(r"^\W{0,3}(?:not|none)[ \t]+(?:detected|identified|found)[ \t]*[;,]([^\n.:]*)$", re.I)
_POSITIVE_AFTER = re.compile(r"\b(?:positive|pos|detected|present|identified|mutated|mutant)\b|\d+(?:\.\d+)?\s*%", re.I)


def specked_negative(doc: TextDoc, f: Finding) -> bool:
    rest = doc.text[f.end : _line_end(doc.text, f.end)]
    m = _SPECKED_NEG_LAST_CELL.search(rest)
    if m:
        return not _POSITIVE_AFTER.search(rest[: m.start()])
    before = _line_before(doc, f)
    h = _SPECKED_NEG_HEADING.match(before)
    return bool(h) and not _POSITIVE_AFTER.search(h[1] + rest)


# [ocr21-reference-column] (held-out OCR v21, issue 17's twenty-third pass) a laboratory printout's row under a header
# with a result column and, after it, a reference / normal / expected range column ("Test  Result  Flag  Ref range" /
# "KRAS G12C PCR (tissue)  DETECTED  A  Not detected"): the reference cell says what a normal result would be, not the
# call. When the row's first call cell after the variant is positive and the negative comes in a later cell, the
# negative is the reference's and negates nothing; a row whose own call is negative stays negative, and a row under
# no such header keeps every negation.
_CELL_GAP = re.compile(r"[ \t]{2,}|\t|[ \t]*\|[ \t]*")
_REF_HEADING = re.compile(
    r"^(?:ref(?:erence)?\.?(?:[ \t]+(?:range|interval|values?|ranges?))?|normal(?:[ \t]+(?:range|values?))?|"
    r"expected(?:[ \t]+(?:values?|results?))?|(?:biological[ \t]+)?ref(?:erence)?[ \t]+intervals?)$",
    re.I,
)
_RESULT_HEADING = re.compile(r"^(?:results?|values?|calls?|findings?|outcomes?|your[ \t]+results?)$", re.I)
_NEG_CELL = re.compile(
    r"^(?:not[ \t]+(?:detected|found|identified)|none[ \t]+detected|negative|neg|absent|wild[ \t-]?type|wt)\W*$", re.I
)
_POS_CELL = re.compile(r"^(?:detected|positive|pos|present|mutated|mutant|mutation[ \t]+detected)\b(?![ \t]*\?)", re.I)


def _cells(line: str) -> list[str]:
    return [c.strip() for c in _CELL_GAP.split(line) if c.strip()]


def reference_column_negative(doc: TextDoc, f: Finding) -> bool:
    cells = _cells(doc.text[f.end : _line_end(doc.text, f.end)])
    calls = [i for i, c in enumerate(cells) if _POS_CELL.match(c) or _NEG_CELL.match(c)]
    if not calls or not _POS_CELL.match(cells[calls[0]]) or not any(_NEG_CELL.match(cells[i]) for i in calls[1:]):
        return False
    above = doc.text[: _line_start(doc.text, f.start)].split("\n")[-16:]
    for line in reversed(above):
        heads = _cells(line)
        result = next((i for i, c in enumerate(heads) if _RESULT_HEADING.match(c)), None)
        ref = next((i for i, c in enumerate(heads) if _REF_HEADING.match(c)), None)
        if result is not None and ref is not None:
            return result < ref
    return False


# [ocr22-wrapped-range] (held-out OCR v22, issue 17's twenty-fourth pass) a quoted passage wraps inside a sentence
# right after a range word, the next line indented as a column would be or starting with the capital of a variant
# ("... BRAF, KRAS (including" / "G12C), MET exon 14 ..."), which no soft-wrap rule joins: the variant first on its
# line continues the line above, whose tail is its lead (read only for a range or test word ending it).
_OPEN_TAIL = re.compile(r"[^.;\n]{1,60}$")


def wrapped_lead(doc: TextDoc, f: Finding) -> str:
    """The tail of the line above when the finding opens its line and that line ends in a word (no stop), else ""."""
    start = _line_start(doc.text, f.start)
    if start == 0 or doc.text[start : f.start].strip():
        return ""
    above = doc.text[_line_start(doc.text, start - 1) : start - 1].rstrip()
    m = _OPEN_TAIL.search(above)
    return m.group(0) + " " if m and above[-1:].isalpha() else ""
