"""KRAS findings -> KRAS results (the handler and its guards: a test named, not a result; an order list;
a population frequency; a glossary entry)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from priorauth.facts.model import Evidence, KrasResult
from priorauth.terminology import concepts as cx
from priorauth.text import kras_ocr36, kras_ocr37, safety_ocr35s, safety_ocr36s, safety_ocr37s, safety_requirement
from priorauth.text.document_scope import (
    _companion_sentence,
    _doc_flags,
    _filed_publication,
    _letter_to_relative,
    _other_row,
    _relatives_tumor,
    no_result_held,
)
from priorauth.text.finding_scope import (
    _ASIDE,
    _NEGATION_CUE,
    _eligibility_decided,
    _indication_of_request,
    _negated_in_aside,
    _told_by_relative,
)
from priorauth.text.kras_clauses import (
    acquaintance_result,
    cell_free_only,
    no_call_made,
    other_gene_negative,
    other_part_negative,
    query_topic,
    relative_has_variant,
    specimen_texts,
    tissue_named,
)
from priorauth.text.kras_corrections import earlier_report_quoted, not_read_as, voided_result_label
from priorauth.text.kras_evidence import (
    csv_negative_row,
    field_names_test,
    glossed_mention,
    legend_items,
    named_as_example,
    named_not_found,
    negative_including,
    phased_component,
    reference_column_negative,
    specked_negative,
    status_voided,
    wrapped_lead,
)
from priorauth.text.kras_glosses import (
    bracketed_call,
    glossed_line,
    glossed_sentence,
    postposed_negation,
    slash_glossed_cell,
)
from priorauth.text.kras_ocr32s import copula_speck_not, document_not_received, label_population, report_requested
from priorauth.text.kras_ocr33 import call_then_other_gene, drug_targets_only, original_result_superseded
from priorauth.text.kras_ocr33s import coverage_locus
from priorauth.text.kras_ocr34 import detection_title
from priorauth.text.kras_ocr35 import quoted_alias
from priorauth.text.kras_split_negation import specked_split_negation
from priorauth.text.kras_tables import (
    _CALLER_COULD,
    _DANGLING_NOT,
    _DANGLING_VERB,
    _NEITHER,
    _SPECKED_NO,
    _ZERO_CELL,
    _assay_menu,
    _coverage_row,
    _failed_row,
    _gene_of,
    _inclusion_row,
    _negative_list_or_cell,
    _specked_not_row,
    _under_not_detected,
    _yes_no_cell,
    no_peak_row,
    positive_row_call,
    record_field,
    row_gene,
)
from priorauth.text.kras_versions import glossed_negative_label, no_compound_only, replaced_version_line
from priorauth.text.layout import _RESULT_WORD, _boxed_answer
from priorauth.text.pipeline import Finding, patterns, unwrap
from priorauth.text.sources import TextDoc
from priorauth.text.spans import _evidence, _line_at, _line_before, _line_end, _line_start, _stated_date, heading_date
from priorauth.text.therapy_facts import _drug_named

if TYPE_CHECKING:
    from priorauth.text.facts import TextFacts


# (held-out v10, issue 13's eleventh pass) [v10-result-withdrawn] A result its own sentence withdraws ("block 2 (reported
# KRAS G12C) belonged to another accession and the result is WITHDRAWN", "the G12C call has been retracted"): no
# result. The corrected result in the next sentence stands.
_WITHDRAWN_AFTER = re.compile(
    r"\b(?:is|was|are|were|has\s+been|have\s+been|being|now)\s+(?:withdrawn|retracted|rescinded|voided|invalidated|"
    r"cancell?ed|struck)\b",
    re.I,
)


# [ocr14-copied-from-other] (held-out OCR v14, issue 17's sixteenth pass) A result its own sentence says was copied or
# typed from another accession, case or patient ("the line 'KRAS p.G12C, VAF 18%' printed in version 1 was copied from
# a different accession", "G12C was transcribed from the wrong case"): another's result, no result of this patient.
_COPIED_FROM_OTHER = re.compile(
    r"\b(?:copied|typed|transcribed|carried\s+over|taken|pasted|imported)\s+(?:in\s+)?from\s+(?:an?\s+|the\s+)?"
    r"(?:different|another|other|wrong|unrelated|separate)\s+(?:accession|patient|case|report|specimen|chart|record|sample)"
    # (held-out v18) [v18-kras-belonged-to-other] 'the result issued as "p.G12C detected" belonged to a different
    # specimen', "the G12C call was from another patient's block": not this patient's result
    r"|\b(?:belong(?:ed|s|ing)?\s+to|(?:was|is|were|came|comes)\s+from|(?:was|is)\s+that\s+of)\s+(?:an?\s+|the\s+)?"
    r"(?:different|another|other|wrong|unrelated|separate)\s+(?:patient(?:'s|\u2019s)?\s+)?"
    r"(?:accession|patient|case|report|specimen|chart|record|sample|block)"
    # [ocr25-disregard-part] "That table (KRAS p.G12C, 21%) does NOT belong to this patient": another's result
    r"|\b(?:does|do|did)\s+not\s+(?:belong|pertain|relate)\s+to\s+(?:this|the|our)\s+(?:patient|pt)\b",
    re.I,
)


# (held-out v13, issue 13's fourteenth pass) [v13-g12c-excluded] "A G12C call is excluded (different nucleotide change)",
# "G12C was ruled out": the variant named and set aside, a negative.
_EXCLUDED_AFTER = re.compile(
    r"\s*(?:call|calling|result|variant|mutation|change)?\s*(?:is|was|has\s+been|have\s+been|can\s+be|been)\s+"
    r"(?:\w+\s+)?(?:excluded|ruled\s+out)\b",
    re.I,
)
# [v13-g12c-in-error] A note declaring its (copied) G12C an error ("The G12C entry was an error", "G12C was entered in
# error", "the G12C label is incorrect"): every G12C in the note is that entry; the corrected variant stands.
_G12C_IN_ERROR = re.compile(
    r"\bG12C\s+(?:entry|result|call|label|listing|annotation|mutation|status|line)?\s*(?:was|is|were)\s+(?:an?\s+|in\s+)?"
    r"(?:error|erroneous|incorrect|wrong|mistaken?|typo|transcription\s+error|entered\s+in\s+error)\b"
    r"|\b(?:erroneous|incorrect|wrong|mistaken)\s+(?:kras\s+)?G12C\s+(?:entry|result|call|label|listing|annotation)\b"
    # (held-out v16, issue 13's seventeenth pass) [v16-g12c-note-error] a clarification calling a note's G12C an error
    # and naming the real variant ("note error; the tumour carries G12V, not G12C", "documentation error - G13D, not
    # G12C"): the G12C entry is withdrawn
    r"|\b(?:note|entry|documentation|charting|transcription|dictation)\s+(?:was\s+(?:an?\s+|in\s+)?)?error\b[^.\n]{0,80}?"
    r"\bnot\s+(?:kras\s+)?(?:p\.)?G12C\b",
    re.I,
)
# (held-out v16) [v16-non-g12c] "KRAS non-G12C", "a non G12C KRAS mutation": a KRAS result that is not G12C
_NON_BEFORE = re.compile(r"\bnon[\s-]?(?:k-?ras\s+)?(?:p\.)?$", re.I)
# (held-out v16) [v16-g12c-drug-target] what a drug acts on ("sotorasib targets G12C only", "adagrasib inhibits KRAS
# G12C", "the pill works against G12C"): the drug's description, no result of the patient
_DRUG_TARGET_BEFORE = re.compile(
    r"\b(?:targets?|targeting|targeted\s+(?:at|to)|inhibits?|inhibitors?\s+of|active\s+against|works?\s+(?:on|against)|"
    r"acts?\s+(?:only\s+|solely\s+|specifically\s+|selectively\s+|just\s+)?on|"  # [ocr21s-drug-acts-only-on]
    r"blocks?|designed\s+for)[ \t]+(?:(?:the|a|mutant|mutated)[ \t]+)?(?:k-?ras[ \t]+)?(?:p\.)?$",
    re.I,
)
# (held-out v16) [v16-g12c-unchosen-options] a field's printed choices, none chosen ("KRAS: G12C / other / wild-type /
# not tested"): G12C is one option, no result
_OPTIONS_AFTER = re.compile(
    r"\s*/\s*(?:other|wild[\s-]?type|wt|negative|neg|not\s+(?:tested|done)|none|unknown|non-?g12c)\b[^\n]{0,40}/", re.I
)
# (held-out v14, issue 13's fifteenth pass) [v14-other-not-g12c] Another KRAS variant followed by its G12C denied after a
# dash or comma ("KRAS G12V (tissue) - no G12C", "G13D, not G12C"): the variant stands, the G12C is a negative.
_NO_G12C_BEFORE = re.compile(r"(?:^|[\s,;(])(?:[-\u2013\u2014,;]\s*)?(?:no|not)\s+(?:kras\s+)?(?:p\.)?$", re.I)
_NOT_G12C_AFTER = re.compile(
    r"[^.;\n]{0,25}?(?:[-\u2013\u2014,;]\s*)(?:no|not|pas\s+de|sin|sem)\s+(?:kras\s+)?(?:p\.)?G12C\b", re.I
)
# [v13-own-result-explained] A patient's own result told to them ("Pt asks about the KRAS pill - explained his tumour is
# KRAS wild-type"): an explanation's words make it no general statement when its subject is the patient's tumour.
_OWN_TUMOUR = re.compile(
    r"\b(?:his|her|their|the\s+patient'?s|pt'?s|your)\s+(?:own\s+)?(?:tumou?r|cancer|biopsy|results?|test)\s+"
    r"(?:is|was|has|had|carries|carried|showed|shows|came\s+back)\b",
    re.I,
)


# [ocr14-specked-no] (held-out OCR v14, issue 17's sixteenth pass) A clause's "no" / "not" with a scan's speck glued to
# it before the variant ("...(block 5); no. KRAS G12C; NRAS ...", "G12V, not' G12C"): the clean line's "no KRAS G12C",
# which the speck cut from its variant. Lower case after a clause's start only (an answer "No." opening a sentence is
# no such cut). Read as the clean line is: a negative; with a result word after it on the clause ("no. KRAS G12C
# detected") neither result can be read, and the variant gives none.
_SPECKED_NO_BEFORE = re.compile(r"(?:^|[;,(]|[ \t]{2,}|\|)[ \t]*(?-i:no|not)[.,:;'`~][ \t]*(?:k-?ras[ \t]+)?(?:p\.)?$", re.I)
# [ocr28-misread-no] (held-out OCR v28, issue 17's thirtieth pass) a scan's "no" read as a token no language here writes
# ("... EGFR L858R and nv KRAS G12C", "n0 G12C"): the clean line's "no KRAS G12C" or something else; neither result
# can be read, and the variant gives none. Guards: lower case only (an address's "NV" is a state), a word of its own
# right before the gene or the variant; a real word ("and now KRAS G12C ...", "on KRAS G12C") is no misread "no".
# ... and a scan's "not" read so before the call word after the variant ("plasma KRAS G12C nat detected", "G12C n0t
# found"): the same unreadable negation (guards: those tokens only, lower case, right before a call word).
_MISREAD_NOT_AFTER = re.compile(r"[ \t]+(?-i:nat|n0t|nol|n0l)[ \t]+(?:detected|found|identified|present)\b", re.I)
# [ocr28-glued-query-mark] (held-out OCR v28, issue 17's thirtieth pass) a query mark opening the item, a scan's speck
# glued between it and the gene ('"?7KRAS G12C - please test"', the clean '"?KRAS G12C"', which ConText reads as a
# possibility): a question, no result. Guards: the mark opens the item (after a space, a quote, a bracket or the
# line's start; "... her result?KRAS" ends a sentence), at most one mark and one digit between it and the gene.
_QUERY_MARK_BEFORE = re.compile(r"(?:^|[\s\"'(\[\u201c\u2018])\?[^\w\s]?\d?(?:k-?ras[ \t]+)?(?:p\.)?$", re.I)
_MISREAD_NO_BEFORE = re.compile(r"(?:^|[\s,;(])(?-i:nv|n0|rio|n\u00b0)[ \t]+(?:k-?ras[ \t]+)?(?:p\.)?$", re.I)
# [ocr14-needs-g12c] A requirement naming the variant ("(these need KRAS G12C)", "requires a KRAS G12C mutation",
# "needs a documented G12C"): what a drug or a criterion asks for, not a result of this patient.
# (held-out v28, issue 13's twenty-ninth pass, part two) [v28-g12c-required] G12C named, right after it, as what a trial
# or a payer requires ("Eligible: NO (G12C required)", "KRAS G12C mutation is mandatory", "G12C status needed for
# entry"): a requirement, no result. Guards: "G12C required confirmation on a second sample" (a result re-tested) stays.
_REQUIRED_AFTER = re.compile(
    r"[ \t]*(?:(?:mutation|positivity|status|variant)[ \t]+)?(?:is[ \t]+|was[ \t]+)?(?:required|needed|mandatory|obligatoire|"
    r"erforderlich|vereist|requerid[ao]|richiest[ao])\b(?![ \t]+(?:confirm\w*|re-?test\w*|repeat\w*|verif\w*))",
    re.I,
)
_NEEDS_BEFORE = re.compile(
    r"\b(?:need|needs|needed|require|requires|required|requiring)\s+(?:an?\s+|the\s+)?"
    r"(?:(?:documented|confirmed|proven|known|positive)\s+)?(?:k-?ras\s+)?(?:p\.)?$",
    re.I,
)


# [ocr16-no-signal] (held-out OCR v16, issue 17's eighteenth pass) A PCR report's line for the variant's own reaction,
# well, channel or probe answered by the signal it lacked ("G12C reaction: no amplification above background", "G12C
# well - not amplified", "FAM (G12C) channel: no positive droplets"): the variant was not detected.
_NO_SIGNAL_AFTER = re.compile(
    r"[ \t]*[)\]]?[ \t]*(?:reaction|well|channel|probe|tube|mix|assay|target|signal)?[ \t]*[)\]]?[ \t]*[:=\u2013\u2014-][ \t]*"
    r"(?:no\s+(?:specific\s+|detectable\s+|significant\s+)?(?:amplification|signal|product|curve|(?:mutant\s+|positive\s+)?"
    r"droplets?|fluorescence)\b|not\s+amplified\b|(?:amplification|signal)\s+(?:absent|not\s+(?:seen|detected))\b)",
    re.I,
)


# [ocr16-question-verdict] (held-out OCR v16, issue 17's eighteenth pass) A question answered on its own line, the
# verdict then its explanation ("Is there a KRAS mutation? ...... NO - KRAS wild type", "KRAS altered?  No: wild-type
# on NGS"): the "no" answers the question, it does not deny the wild-type result after it.
_VERDICT_BEFORE = re.compile(r"\?[ \t._\u2026:-]*\b(?:no|yes)\b[ \t.]*[:\u2013\u2014-][ \t]*$", re.I)


# [ocr17-no-genes-detected] (held-out OCR v17, issue 17's nineteenth pass) A negative whose "no" stands before the gene
# list it covers ("NO KRAS OR NRAS MUTATION DETECTED", "no KRAS, NRAS or BRAF variant identified (RAS wild type)"): the
# "no" is the negative's own word, it does not deny it.
_NO_BEFORE_GENES = re.compile(r"(?:^|[\s:(\[|])no[ \t]+$", re.I)
_DETECTED_IN_MATCH = re.compile(
    r"\b(?:mutations?|variants?|alterations?)[ \t]+(?:was[ \t]+|were[ \t]+)?(?:detected|identified|found)\b", re.I
)


def _no_genes_detected(doc: TextDoc, f: Finding) -> bool:
    return bool(
        _NO_BEFORE_GENES.search(_line_before(doc, f)) and _DETECTED_IN_MATCH.search(doc.text, f.start, f.end)
    )


# [ocr17-specked-cell] (held-out OCR v17, issue 17's nineteenth pass) A variant's row whose result cell is "not
# detected", a scan's specks or a bar standing apart between the two cells ("G13D  !  |  not detected.", "G12V  ' ~
# negative"): the marks are no words, the row reads as the clean one does, the variant not detected. Not a stop or a
# comma (a sentence's end), not a mark glued to the variant, not "negative for" another thing.
_SPECKED_CELL_NEGATIVE = re.compile(
    r"[ \t]+(?:[|!'`~_\u00a6][ \t]*){1,4}[ \t]*(?:not[ \t]+(?:detected|found|identified)|negative(?![ \t]+for)|absent|"
    r"none[ \t]+detected|no[ \t]+mutation(?:[ \t]+detected)?)\b",
    re.I,
)


def _specked_no(doc: TextDoc, f: Finding) -> str | None:
    """[ocr14-specked-no] "negative" (the clean line's "no KRAS G12C"), "none" (a result word follows), or None."""
    if f.label != "KRAS_G12C" or not _SPECKED_NO_BEFORE.search(_line_before(doc, f)):
        return None
    clause = re.split(r"[.;\n|]| {2,}|\t", doc.text[f.end : f.end + 80], maxsplit=1)[0]  # the clause or the cell
    return "none" if _RESULT_WORD.search(clause) else "negative"


def _own_result_explained(f: Finding) -> bool:
    at = f.start - f.sentence_start
    return f.modifiers & {"HYPOTHETICAL", "POSSIBLE_EXISTENCE", "FAMILY", "GENERAL", "NEGATED_EXISTENCE"} == {
        "GENERAL"
    } and bool(_OWN_TUMOUR.search(f.sentence, max(0, at - 80), at + (f.end - f.start)))


# [ocr10-edited-entry] (held-out OCR v10, issue 17's twelfth pass) A result keyed, then edited in an audit trail or a
# corrected entry ("result edited: 'G12C' -> 'G12V'", "changed from G12C to G12V (keying error)"): the G12C entered
# before the edit, and the edit's old value, are no result; what the edit made it stands.
_EDITED_FROM_G12C = re.compile(
    r"\b(?:edited|corrected|amended|changed|revised|updated|modified)\b[^\n]{0,40}?(?:from\s+)?['\"\u2018\u201c]?"
    r"(?:kras\s+)?(?:p\.)?G12C['\"\u2019\u201d]?\s*(?:->|\u2192|=>|>|\bto\b)\s*['\"\u2018\u201c]?(?:kras\s+)?(?:p\.)?[GQA]\d{1,3}[A-Z]",
    re.I,
)


def _edited_away(doc: TextDoc, f: Finding) -> bool:
    return f.label == "KRAS_G12C" and (
        any(m.end() > f.start for m in _EDITED_FROM_G12C.finditer(doc.text))
        or any(0 <= m.start() - f.end <= _OVERRULED_WINDOW for m in _OVERRULED_BY_REVIEW.finditer(doc.text))
    )


# (held-out v15, issue 13's sixteenth pass) [v15-g12c-overruled] A G12C call (an outside report's, a first read's) that a
# re-review, a re-analysis or a look at the raw data after it finds to be no G12C ('outside report says "KRAS G12C";
# re-analysis of the BAM shows p.G12D, not G12C'): the call before it is no result. The review's own "not G12C" stays.
_OVERRULED_BY_REVIEW = re.compile(
    r"\b(?:re-?review(?:ed)?|re-?analys[ie]s|re-?analy[sz]ed|re-?read|review\s+of\s+the\s+raw|raw\s+(?:data|reads|vcf|bam)"
    r"\s+(?:review|re-?examined))\b(?:[^\n]|\n(?!\s*\n)){0,100}?(?:\bnot|\bisn[\'\u2019]t|\brather\s+than)\s+(?:a\s+)?(?:kras\s+)?(?:p\.)?G12C\b",
    re.I,
)
_OVERRULED_WINDOW = 200


# (held-out v17, issue 13's eighteenth pass) [v17-kras-negation-in-aside] The sentence's only negation in a parenthesis
# that does not hold the result ("trial screening (not for treatment): KRAS G12C-mutated adenocarcinoma", "plasma NGS (no
# tissue left): KRAS G12C detected") negates what the parenthesis names. Not a bracket that voids the result it heads
# ("Earlier result (reissued 10/02, not valid): KRAS p.G12C", "First report (do not use - superseded): p.G12C").
_VOIDING_ASIDE = re.compile(
    r"\b(?:valid|use|used|superseded|void|withdrawn|retracted|errors?|erroneous|invalid|reportable|report|result|"
    r"correct|confirmed)\b",
    re.I,
)


def _negation_of_aside(f: Finding) -> bool:
    asides = [m.group(0) for m in _ASIDE.finditer(f.sentence) if _NEGATION_CUE.search(m.group(0))]
    return _negated_in_aside(f) and not any(_VOIDING_ASIDE.search(a) for a in asides)


# (held-out v18, issue 13's nineteenth pass, part two) [v18-kras-request-withdrawn] The patient's result in the bracket
# of a request that is then withdrawn ("the request for divarasib for the patient (CRC, stage IV, KRAS G12C) is
# withdrawn", "application for sotorasib (NSCLC, KRAS G12C) was withdrawn"): the request is withdrawn, not the result.
_WITHDRAWN_AFTER_BRACKET = re.compile(r"(?:[^()\n]{0,80}\))?\s*(?:is|was|has\s+been|had\s+been)\s+(?:now\s+)?withdrawn\b", re.I)
_REQUEST_BEFORE = re.compile(r"\b(?:request|application|referral|order|enrol+ment)\b[^()]{0,120}\([^()]*$", re.I)


def _request_withdrawn_after(f: Finding) -> bool:
    if f.modifiers & {"HYPOTHETICAL", "POSSIBLE_EXISTENCE", "FAMILY", "GENERAL", "NEGATED_EXISTENCE"} != {"GENERAL"}:
        return False
    at = f.start - f.sentence_start
    closed = f.sentence[at : at + (f.end - f.start)].endswith(")")  # "KRAS G12C)": the span holds the bracket's end
    after = _WITHDRAWN_AFTER_BRACKET.match(f.sentence, at + (f.end - f.start))
    return bool(after and (closed or ")" in after.group(0)) and _REQUEST_BEFORE.search(f.sentence[:at]))
# [ocr17-other-than] (held-out OCR v17, issue 17's nineteenth pass) The variant named as what the result is not ("a
# codon 12 change other than G12C", "G12V rather than G12C", "instead of the G12C change", "not to be confused with
# G12C"): a comparison setting the variant aside, a negative; the variant the sentence does name stands.
_CONTRAST_BEFORE = re.compile(
    r"\b(?:other\s+than|rather\s+than|instead\s+of|as\s+opposed\s+to|(?:distinct|different)\s+from|not\s+to\s+be\s+"
    r"confused\s+with)\s+(?:(?:the|a|an)\s+)?(?:k-?ras\s+)?(?:p\.)?$",
    re.I,
)


# [ocr17-reference-list] (held-out OCR v17, issue 17's nineteenth pass) A report's or letter's list of references under
# its heading ("References", "Bibliography", "Literature cited", "Further reading"), each entry numbered ("1. Author A,
# Author B. Covalent inhibition of KRAS G12C in ...", "[2] ..."): a publication's title, no result of the patient. Only
# the numbered entry the finding is in, within four lines of its number, below the heading.
_REFERENCES_HEADING = re.compile(
    r"^\W{0,3}(?:(?:selected|key|cited)\s+)?(?:references?|bibliography|literature(?:\s+cited)?|further\s+reading|"
    r"citations?|sources)\s*:?[ \t]*$",
    re.I | re.M,
)
_CITATION_NUMBER = re.compile(r"^[ \t]*(?:\[\d{1,3}\]|\d{1,3}[.)])[ \t]+[A-Z][A-Za-z'\-]+,?[ \t]+[A-Z]")


# [ocr17-change-history] (held-out OCR v17, issue 17's nineteenth pass) A row of an amended report's change-history
# table ("Version  Date  Field  Was  Now", "Field | Old value | New value"): the withdrawn value and the edit's record, no
# result; the report states its current result elsewhere. The table is the run of rows with cell gaps above the finding
# to its header row, which names the old and the new value and a field, version or change column (or sits under a
# "Change history" / "Revision log" / "Audit trail" heading). A serial table's "Previous  Current" is no such header.
_ROW_CELLS = re.compile(r" {2,}|\t|\s\|\s")
_OLD_CELL = re.compile(r"^(?:was|old(?:\s+value)?|previous\s+value|before|original\s+value|from)$", re.I)
_NEW_CELL = re.compile(r"^(?:now|new(?:\s+value)?|corrected(?:\s+value)?|amended\s+value|after|to)$", re.I)
_EDIT_CELL = re.compile(r"^(?:field|item|element|change|version|revision|amendment|edit)s?(?:\s+(?:no\.?|#))?$", re.I)
_HISTORY_HEADING = re.compile(
    r"^\W{0,3}(?:(?:change|revision|amendment|edit|version)\s+(?:history|log|record|table)|audit\s+trail)\b", re.I
)


def _change_history_row(doc: TextDoc, f: Finding) -> bool:
    lines = doc.text[: _line_end(doc.text, f.start)].split("\n")[-14:]
    row = len(lines) - 1
    while row >= 0 and len(_ROW_CELLS.split(lines[row].strip())) >= 3:
        cells = [c.strip() for c in _ROW_CELLS.split(lines[row].strip())]
        if any(_OLD_CELL.match(c) for c in cells) and any(_NEW_CELL.match(c) for c in cells):
            return any(_EDIT_CELL.match(c) for c in cells) or (row > 0 and bool(_HISTORY_HEADING.match(lines[row - 1])))
        row -= 1
    return False


def _in_reference_list(doc: TextDoc, f: Finding) -> bool:
    headings = list(_REFERENCES_HEADING.finditer(doc.text, 0, f.start))
    if not headings:
        return False
    heading = headings[-1]
    lines = doc.text[heading.end() : _line_end(doc.text, f.start)].split("\n")
    for line in reversed(lines[-4:]):
        if not line.strip():
            return False  # a blank line ends the entry: what follows it is no citation's
        if _CITATION_NUMBER.match(line):
            return True
    return False


# [ocr18-withdrawn-row] (held-out OCR v18, issue 17's twentieth pass) A row or entry its own label or stamp marks as
# withdrawn, retracted, voided or superseded ("Version 1 (withdrawn)  KRAS c.34G>T p.G12C  -- WITHDRAWN", "Superseded
# entry: KRAS G12C", "KRAS p.G12C 26%  [VOID]"): the voided entry is no result; the current entry stands. The word is
# the row's label before the finding (no "current" / "corrected" / "now" between them, no request, order or
# application it belongs to, no sentence ending between them) or a stamp ending the line after a cell gap, a dash or a
# bracket.
_VOID_WORD = r"(?:withdrawn|retracted|rescinded|voided|void|superseded|struck\s+out|cancell?ed\s+(?:result|entry|report))"
_VOID_LABEL = re.compile(rf"(?:^|[\s(\[:|*-])(?<!\bnot\s){_VOID_WORD}(?=[\s)\]:.,|*-]|$)", re.I)
_VOID_STAMP = re.compile(
    rf"(?:[ \t]{{2,}}|[ \t]*[-\u2013\u2014]{{1,2}}[ \t]*|[ \t]*[(\[][ \t]*|[ \t]*\*+[ \t]*){_VOID_WORD}[ \t]*[)\]*]?[ \t.!]*$", re.I
)
_CURRENT_OR_REQUEST = re.compile(
    r"\b(?:current|correct|corrected|amended|revised|now|new|final|replacement|request(?:ed)?|order(?:ed)?|application|referral|"
    r"authori[sz]ation|claim|appeal|consent|prescription|drug|therapy|treatment)\b",
    re.I,
)


_SENTENCE_STOP = re.compile(r"[.;!?]\s")  # a sentence after the withdrawal ("... withdrawn. The correct result: ...")


def _withdrawn_row(doc: TextDoc, f: Finding) -> bool:
    start, end = _line_start(doc.text, f.start), _line_end(doc.text, f.end)
    before, after = doc.text[start : f.start], doc.text[f.end : end]
    labels = list(_VOID_LABEL.finditer(before))
    between = before[labels[-1].end() :] if labels else ""
    if labels and not _CURRENT_OR_REQUEST.search(between) and not _SENTENCE_STOP.search(between):
        return not _CURRENT_OR_REQUEST.search(before[: labels[-1].start()])
    return bool(_VOID_STAMP.search(after)) and not _CURRENT_OR_REQUEST.search(before + after)


# [ocr27-glued-conditional] (held-out OCR v27, issue 17's twenty-ninth pass) "if" glued by a scan to the article after it
# ("ifa KRAS G12C mutation were ever found", "ifthe"): the clause is a hypothetical as "if a" is. Guards: only "if" and
# an article, as a whole token, in the finding's own clause (no comma, semicolon or colon between).
_GLUED_IF = re.compile(r"(?<![\w'-])if(?:a|an|the)\b[^,;:]*$", re.I)
# [ocr28s-inverted-conditional] (held-out OCR v28's safety pass) a condition written without "if", its verb first:
# "Should KRAS G12C be found, ...", "Were a G12C mutation present", "Had G12C been detected": a hypothetical. Guards: the
# verb opens the finding's clause (sentence start or after a stop, colon or semicolon) with at most an article and the
# gene between, and the clause goes on with "be" / "to be" / "been" / "present" after the variant.
_INVERTED_IF_BEFORE = re.compile(r"(?:^|[.;:]\s*)(?:should|were|had)\s+(?:(?:a|an|the|any)\s+)?(?:k-?ras\s+)?(?:p\.)?$", re.I)
_INVERTED_IF_AFTER = re.compile(r"\s+(?:(?:mutation|variant|alteration)\s+)?(?:be|to\s+be|been|present|prove)\b", re.I)
# [ocr28s-cannot-comment] (held-out OCR v28's safety pass) the writer says they cannot speak to the variant ("so I cannot
# comment on KRAS G12C", "unable to give an opinion on the KRAS G12C status"): no result. Guards: the inability and the
# verb of speaking in the finding's own clause (no stop, semicolon or colon between, though a page may wrap it over
# lines; a fax's speck at a line's start, ".. KRAS G12C", is no stop: a stop follows a word), at most three words between.
_CANNOT_COMMENT_BEFORE = re.compile(
    r"\b(?:cannot|can\s*not|can't|unable\s+to|not\s+able\s+to|not\s+in\s+a\s+position\s+to)\s+(?:comment|remark|speak|"
    r"give\s+(?:an?\s+|any\s+)?opinion|express\s+(?:a|an|any)\s+(?:view|opinion))\s+(?:on|about|to|regarding)\s+"
    r"(?:[^\W\d_]+\s+){0,3}?(?:[.,'`]{1,3}\s+)?(?:k-?ras\s+)?(?:p\.)?$",
    re.I,
)


# A variant's own negation written as a layout or a fax left it, each a class of its own module, tried in this order
# (a KRAS-negative finding is no variant to negate).
_NEGATED_BY: tuple[Callable[[TextDoc, Finding], object], ...] = (
    specked_negative,  # [ocr21s-specked-negative]
    bracketed_call,  # [ocr25s-bracketed-call]
    slash_glossed_cell,  # [ocr29s-slash-gloss-cell]
    glossed_negative_label,  # [ocr29-glossed-negative-label]
    postposed_negation,  # [ocr27-postposed-negation] "G12C nav."
    specked_split_negation,  # [ocr30s-specked-split-negation]
    copula_speck_not,  # [ocr32s-copula-speck-not]
    kras_ocr37.not_speck_detected,  # [ocr37-not-speck-detected] "was not  ." over "detected."
)


def _kras(out: TextFacts, doc: TextDoc, f: Finding) -> None:
    if _indication_of_request(doc, f) or _own_result_explained(f):
        pass  # (held-out v13) [v13-indication] "sotorasib ordered for ... NSCLC, KRAS p.G12C": the indication stands
    elif _request_withdrawn_after(f):
        pass  # (held-out v18) [v18-kras-request-withdrawn] "the request for X (..., KRAS G12C) is withdrawn": the request
    elif _told_by_relative(f, doc):
        pass  # (held-out v17) [v17-relative-source] "per pt/husband: ..., KRAS G12C": the patient's result, told by a relative
    elif f.modifiers & {"HYPOTHETICAL", "POSSIBLE_EXISTENCE", "FAMILY", "GENERAL"} or (
        f.section == "family_history" and not kras_ocr37.patient_own_label(doc, f)  # [ocr37-patient-own-label]
    ):
        return
    if _GLUED_IF.search(doc.text[f.sentence_start : f.start]):
        return  # [ocr27-glued-conditional] "ifa KRAS G12C mutation were found": a scan's "if a", a hypothetical
    if _INVERTED_IF_BEFORE.search(doc.text[f.sentence_start : f.start]) and _INVERTED_IF_AFTER.match(doc.text, f.end):
        return  # [ocr28s-inverted-conditional] "Should KRAS G12C be found, ...": a condition, no result
    if _CANNOT_COMMENT_BEFORE.search(re.split(r"(?<=\w)[.;:!?](?:\s|$)", doc.text[max(0, f.start - 90) : f.start])[-1]):
        return  # [ocr28s-cannot-comment] "I cannot comment on KRAS G12C": the writer has no result to speak to
    if f.label != "KRAS_NEG" and query_topic(doc, f):
        return  # [ocr28-query-topic] "answers a query about G12C": what was asked, no result
    if f.label == "KRAS_G12C" and _G12C_IN_ERROR.search(doc.text):
        return  # (held-out v13) [v13-g12c-in-error] "The G12C entry was an error": no G12C anywhere in the note
    if f.label == "KRAS_G12C" and (
        _OPTIONS_AFTER.match(doc.text, f.end)
        or _DRUG_TARGET_BEFORE.search(doc.text[max(0, f.start - 40) : f.start])
        or drug_targets_only(doc, f)  # [ocr33-drug-targets-only] "G12C inhibitors target only the G12C variant"
    ):
        return  # (held-out v16) [v16-g12c-unchosen-options] [v16-g12c-drug-target]: no result of the patient
    aside = _negation_of_aside(f) or reference_column_negative(doc, f)  # [ocr21-reference-column] "Ref range: Not detected"
    aside = aside or no_compound_only(f)  # [ocr29-no-compound] "revising an earlier no-mutation result to KRAS G12C"
    aside = aside or call_then_other_gene(doc, f)  # [ocr33-call-then-other-gene] "KRAS: p.G12C, DETECTED  NRAS: not detected"
    # [ocr25-cell-free-dna] "G12C detected in plasma cell-free DNA": the only negation is the sample's "free"
    free_only = f.label != "KRAS_NEG" and cell_free_only(f)
    negated = ("NEGATED_EXISTENCE" in f.modifiers and not aside and not positive_row_call(doc, f) and not free_only) or bool(
        f.label == "KRAS_G12C"
        and (_EXCLUDED_AFTER.match(doc.text, f.end) or _NON_BEFORE.search(doc.text[max(0, f.start - 14) : f.start]))
    )
    negated = negated or _under_not_detected(doc, f) or (f.label == "KRAS_G12C" and _negative_list_or_cell(doc, f))
    negated = negated or (f.label == "KRAS_G12C" and bool(_NO_SIGNAL_AFTER.match(doc.text, f.end)))  # [ocr16-no-signal]
    negated = negated or (f.label != "KRAS_NEG" and bool(_SPECKED_CELL_NEGATIVE.match(doc.text, f.end)))  # [ocr17-specked-cell]
    negated = negated or (f.label != "KRAS_NEG" and csv_negative_row(doc, f))  # [ocr19-csv-negative-row] "A2,KRAS G12C,...,NEG"
    negated = negated or (f.label == "KRAS_G12C" and negative_including(doc, f))  # [ocr20-negative-including]
    negated = negated or (f.label != "KRAS_NEG" and any(neg(doc, f) for neg in _NEGATED_BY))
    record = record_field(doc, f) if f.label != "KRAS_NEG" else None  # [ocr27-record-field] "result[1].hgvs_p=p.G12C"
    if record == "other":
        return  # the record's gene field names another gene ("result[2].gene=NRAS")
    negated = negated or record == "negative"
    negated = negated or (f.label != "KRAS_NEG" and no_peak_row(doc, f))  # [ocr26-no-peak-cell] "G12C G12D  no mutant peak"
    specked = None if negated else _specked_no(doc, f)
    if specked == "none":
        return  # (held-out OCR v14) [ocr14-specked-no] "no. KRAS G12C detected": neither result can be read
    if f.label != "KRAS_NEG" and (_MISREAD_NO_BEFORE.search(_line_before(doc, f)) or _MISREAD_NOT_AFTER.match(doc.text, f.end)):
        return  # [ocr28-misread-no] "and nv KRAS G12C": a scan's "no", neither result can be read
    if f.label != "KRAS_NEG" and _QUERY_MARK_BEFORE.search(_line_before(doc, f)):
        return  # [ocr28-glued-query-mark] '"?7KRAS G12C - please test"': a question, no result
    if f.label == "KRAS_G12C" and not negated and (_NEEDS_BEFORE.search(_line_before(doc, f)) or _REQUIRED_AFTER.match(doc.text, f.end)):
        return  # [ocr14-needs-g12c] "(these need KRAS G12C)"; (v28) [v28-g12c-required] "(G12C required)": a requirement
    if f.label == "KRAS_G12C" and not negated and (
        report_requested(doc, f) or label_population(doc, f) or document_not_received(doc, f)
    ):
        return  # [ocr32s-report-requested], [ocr32s-label-population], [ocr32s-document-not-received]: no result
    if specked or (f.label == "KRAS_G12C" and _NO_G12C_BEFORE.search(_line_before(doc, f))):
        negated = True  # (held-out v14) [v14-other-not-g12c] "KRAS G12V (tissue) - no G12C": the G12C ruled out
    elif f.label == "KRAS_OTHER" and negated and _NOT_G12C_AFTER.match(doc.text, f.end):
        negated = False  # [v14-other-not-g12c] the "- no" after the variant negates the G12C named after it, not it
    if not negated and _edited_away(doc, f):
        return  # [ocr10-edited-entry] "result entered: KRAS G12C detected" ... "result edited: 'G12C' -> 'G12V'"
    if _COPIED_FROM_OTHER.search(f.sentence):
        return  # [ocr14-copied-from-other] "the line 'KRAS p.G12C' ... was copied from a different accession"
    if _WITHDRAWN_AFTER.search(doc.text, f.end, f.sentence_start + len(f.sentence)) and not _request_withdrawn_after(f):
        return  # (held-out v10) [v10-result-withdrawn] "block 2 (reported KRAS G12C) ... the result is WITHDRAWN"
    if _withdrawn_row(doc, f):
        return  # [ocr18-withdrawn-row] "Version 1 (withdrawn)  KRAS c.34G>T p.G12C 26%  -- WITHDRAWN": a voided entry
    if voided_result_label(doc, f) or earlier_report_quoted(doc, f) or quoted_alias(doc, f):
        return  # [ocr32-voided-result-label] "PREVIOUS RESULT (IN ERROR): KRAS p.G12C"; [ocr32-earlier-report-quoted]
    if original_result_superseded(doc, f):
        return  # [ocr33-original-result-superseded] "ORIGINAL RESULT (date): KRAS - no mutation detected" in a corrected report
    if not_read_as(doc, f):
        return  # [ocr32-not-read-as] "Do not interpret this preliminary report as negative for KRAS": a warning
    if replaced_version_line(doc, f):
        return  # [ocr29-replaced-version-line] "(Version 1): KRAS ... (no mutation detected)" ... "Version 2 replaces version 1"
    no_result = no_result_held(doc.text)  # [ocr18-no-result-held], [ocr19-no-result-declared]
    if f.label != "KRAS_NEG" and no_result and not _RESULT_WORD.search(_line_at(doc.text, f.start)):
        return  # [ocr18-no-result-held] "[x] KRAS G12C" on a requisition stamped "NOT RESULTED": what was ordered
    if f.label != "KRAS_NEG" and named_not_found(doc, f, no_result):
        return  # (held-out OCR v19) [ocr19-*] a variant named as an item (menu box, target row, request), no finding
    if f.label != "KRAS_NEG" and (legend_items(_line_at(doc.text, f.start)) or named_as_example(doc, f)):
        return  # (held-out OCR v20) [ocr20-legend-items] "Legend: tube 3 G12C; ..."; [ocr20-named-as-example] "such as"
    if f.label == "KRAS_G12C" and phased_component(doc, f):
        return  # [ocr20-phased-component] "c.34G>T" phased with c.35G>T into "c.34_35delinsTT p.(G12F)": no G12C
    if f.label == "KRAS_G12C" and glossed_mention(doc, f):
        return  # [ocr24s-glossed-mention] "kasama ang KRAS G12C / including KRAS G12C": the gloss is read instead
    if f.label != "KRAS_NEG" and no_call_made(f):
        return  # [ocr26-no-call-made] "no mutation call can be made for any KRAS target, G12C included": no result
    if f.label != "KRAS_NEG" and glossed_line(doc, f):
        return  # [ocr25s-gloss-line] a foreign line naming the variant, glossed whole on the next line in brackets
    if f.label != "KRAS_NEG" and glossed_sentence(doc, f):
        return  # [ocr28s-sentence-gloss] "<foreign> G12C. (The variant is G12V, not G12C.)": the gloss is read instead
    if f.label != "KRAS_NEG" and field_names_test(doc, f):
        return  # [ocr21s-test-field] "Test: KRAS G12C / hotspot panel" on a cancellation notice: the test's name
    if f.label != "KRAS_NEG" and status_voided(doc, f):
        return  # [ocr20-status-voided] "KRAS G12C detected  STATUS NOW: SUSPENDED - DO NOT USE": a voided result
    if f.label == "KRAS_G12C" and _CALLER_COULD.search(doc.text[f.sentence_start : f.start]):
        return  # [ocr9-neither-nor] "a single-base caller could list c.34G>T (the G12C change)": what a tool might say
    negated = negated or (f.label == "KRAS_G12C" and bool(_NEITHER.search(doc.text[f.sentence_start : f.start])))
    if f.label != "KRAS_NEG" and (_test_not_result(doc, f) or _coverage_row(doc, f)):
        return  # "NGS including KRAS G12C", "KRAS G12C testing: not performed", an assay's range: no result
    if f.label != "KRAS_NEG" and coverage_locus(doc, f):
        return  # [ocr33s-coverage-locus] "coverage include: KRAS (including codon 12 G12C), EGFR": a range, no result
    if detection_title(doc, f):
        return  # [ocr34-detection-title] "KRAS G12C MUTATION DETECTION (qPCR)": an assay's title, no result
    if any(no_result(doc, f) for no_result in kras_ocr36.NO_RESULT):
        return  # (OCR set 35) [ocr36-miscalled-as], [ocr36-topic-about], [ocr36-method-title], [ocr36-assay-detects-only] ...
    if any(no_result(doc, f) for no_result in kras_ocr37.NO_RESULT):
        return  # (OCR set 36) [ocr37-same-position-as], [ocr37-applies-only-to]
    if f.label != "KRAS_NEG" and _assay_menu(doc, f):
        return  # [ocr16-assay-menu] "real-time PCR (G12C, G12D, G12V, G13D)": what the assay looks for
    if f.label != "KRAS_NEG" and _reason_for_test(doc, f):
        return  # (held-out v13) [v13-reason-for-test] "Reason: KRAS G12C / therapy selection": what the test is for
    if f.label != "KRAS_NEG" and (_ordered_in_list(doc, f) or _population_frequency(doc, f) or _glossary_entry(doc, f)):
        return  # [ocr9-order-list] "KRAS G12C / EGFR / ALK requested"; [ocr9-frequency] "G12C is the most common"
    if _change_history_row(doc, f):
        return  # [ocr17-change-history] "Version  Date  Field  Was  Now" / "2  ...  KRAS p.G12C  no variant": an edit's record
    if _in_reference_list(doc, f):
        return  # [ocr17-reference-list] "References / 1. Author A. Inhibition of KRAS G12C ...": a citation's title
    if f.label == "KRAS_G12C" and not negated and _CONTRAST_BEFORE.search(_line_before(doc, f)):
        negated = True  # [ocr17-other-than] "G12S is a codon 12 change other than G12C": the G12C set aside
    if _other_row(doc, f):
        return  # [ocr15-marked-row] "4  R.T. / 6B-1103  ...  KRAS G12C" in a list whose row 7 is "(THIS PT)": another's
    if _companion_sentence(doc, f) or _filed_publication(doc.text):
        return  # [ocr14-companion-sentence] "Seen with her husband. He is himself ... KRAS G12C"; [ocr14-filed-abstract]
    if _RELATIVES_RESULT_AFTER.match(doc.text, f.end):
        return  # (held-out v24) [v24-kras-relatives-result] "the G12C in the request was the patient's brother's result"
    if _relatives_tumor(doc, f) or _letter_to_relative(doc, f) or (f.label != "KRAS_NEG" and _failed_row(doc, f)):
        return  # "his sister ...; her tumor carried G12C"; "G12C  undetermined  invalid": no result of the patient
    if f.label == "KRAS_NEG" and other_gene_negative(doc, f):
        return  # (issue 13's thirty-fourth pass) [t34-kras-neg-other-gene] "KRAS pending, EGFR negative": EGFR's
    if acquaintance_result(doc, f) or relative_has_variant(doc, f) or (f.label == "KRAS_NEG" and other_part_negative(doc, f)):
        return  # [ocr24-acquaintance-result] "my friend's cancer had G12C"; [ocr24-exon-scoped-negative] "KRAS exon 3: wt"
        # [ocr25-relative-has-variant] "Her sister, who ..., has a KRAS G12C lung cancer"
    yes_no = _yes_no_cell(doc, f) if f.label != "KRAS_NEG" else None
    if yes_no == "N":
        negated = True  # [ocr15-yes-no-column] "KRAS G12C  -  27.1  -  N" under "Detected (Y/N)": not detected
    answer = _boxed_answer(doc, f) if f.label == "KRAS_G12C" else None
    if answer == "none":
        return  # [ocr9-boxes-after] "[X] Not tested"
    if answer:
        negated = answer == "negative"  # the ticked box, not an unticked "[ ] Negative" after it
    if f.label == "KRAS_G12C":
        if _gene_of(f) in ("nras", "hras") or row_gene(doc, f) in ("nras", "hras"):
            return  # NRAS / HRAS G12C; [ocr28-row-gene] "NRAS  2  c.34G>T; p.Gly12Cys (G12C)": the row's gene cell
        if not negated and _DANGLING_NOT.match(doc.text, f.end):
            return  # "KRAS G12C not de" (a line cut short, a word lost in a scan): neither result can be read
        if not negated and (_specked_not_row(doc, f) or _DANGLING_VERB.match(doc.text, f.end)):
            return  # [ocr12-specked-not] "G12C.. NOT DET:"; [ocr12-dangling-verb] "KRAS G12C was .  |": as the clean text
        # (held-out v22) [v22-eligibility-then-enrolled] unless the subject was then enrolled: the subject's data
        if not negated and _inclusion_row(doc, f) and not _eligibility_decided(doc, f):
            return  # [ocr11-inclusion-row] "Key inclusion  #3  documented KRAS G12C mutation": the study's requirement
        if not negated and _SPECKED_NO.match(doc.text, f.end):
            return  # [ocr11-specked-no] "KRAS G12C  er  |  No": the answer cell "No" behind a scan's specks
        if not negated and _ZERO_CELL.match(doc.text, f.end):
            return  # "KRAS G12C  0  0  17,904": a count or level of zero on its row; the result is stated elsewhere
        status = "g12c_absent" if negated else "g12c_present"
    elif f.label == "KRAS_OTHER":  # the sentence names KRAS, or the report does and the sentence no other RAS
        # [ocr9-gene-nearest] the variant's own gene decides ("KRAS p.G12V with MSS, NRAS and BRAF wild-type": a scan's
        # comma for a semicolon joins the NRAS clause, the G12V stays KRAS's)
        if negated or _gene_of(f) in ("nras", "hras") or row_gene(doc, f) in ("nras", "hras"):
            return
        if not (
            cx.KRAS.search(f.sentence) or (cx.KRAS.search(doc.text) and not re.search(r"\b[nh]-?ras\b", doc.text, re.I))
        ):
            return
        status = "other_variant"
    else:  # KRAS_NEG states the negative itself; a negated negative is not a result
        if negated and not (_VERDICT_BEFORE.search(_line_before(doc, f)) or _no_genes_detected(doc, f)):
            return
        status = "negative"
    p = patterns()
    specimen = doc.specimen or "unknown"  # the resource's coded specimen wins over its words
    # [ocr24-marker-specimen] "KRAS wild type, PD-L1 TPS 80% on the biopsy": the biopsy is PD-L1's
    for text in () if doc.specimen else specimen_texts(doc, f):
        if p["plasma"].search(text):
            specimen = "plasma"
            break
        if tissue_named(p["tissue"], text):  # [ocr31s-tissue-lacking] "... and no tissue": no specimen named
            specimen = "tissue"
            break
    if safety_requirement.condition_named(doc, f, status):
        return  # (fixreq) [req-condition-named] "Cetuximab requires KRAS wild-type disease": no result
    safer = safety_ocr35s.adjust(doc, f, status, specimen)  # (held-out OCR v35's safety pass) [ocr35s-*]
    safer = safety_ocr36s.adjust(doc, f, *safer) if safer else None  # (held-out OCR v36's safety pass) [ocr36s-*]
    safer = safety_ocr37s.adjust(doc, f, *safer) if safer else None  # (held-out OCR v37's safety pass) [ocr37s-*]
    if safer is None:
        return
    status, specimen = safer
    ev = _evidence(doc, f)
    heading = None if _stated_date(f.sentence) else heading_date(doc, f)  # [ocr27-dated-heading] "ADDENDUM (date):"
    ev = replace(ev, date=heading) if heading else ev
    out.kras.append(KrasResult(ev, status, specimen, _doc_flags(doc.text)[2], ev.date is not None))  # type: ignore[arg-type]
    earlier = _EARLIER_LEVEL.match(doc.text, f.end) if status == "g12c_absent" else None
    if earlier:  # serial monitoring: "G12C: not detected (previously 3.1% on 05/2026)" also reports the earlier draw
        date = _stated_date(earlier.group(0))
        then = Evidence(ev.source, date, ev.text, ev.ocr)
        out.kras.append(KrasResult(then, "g12c_present", specimen, _doc_flags(doc.text)[2], date is not None))  # type: ignore[arg-type]


# An earlier level after a serial result ("not detected (previously 3.1% on 05/2026)", "(prior 0.8%)").
_EARLIER_LEVEL = re.compile(
    r"[\s:,-]*(?:not\s+detected|undetectable|negative|absent|none\s+detected)?[\s,;-]*\(\s*(?:previously|prior|was|down\s+from)"
    r"\s+(?:detected\s+)?(?:at\s+)?(?:vaf\s+|maf\s+)?\d+(?:\.\d+)?\s*%[^)]{0,30}\)",
    re.I,
)


# A KRAS variant named as what a test covers or looks for, with no result beside it: "comprehensive NGS including
# KRAS G12C", "plasma assay for KRAS G12C ordered", "KRAS G12C testing: not performed".
_TEST_AFTER = re.compile(
    # [ocr8-quantification] "ddPCR KRAS G12C Quantification (plasma)": a quantitative assay's name is a test too
    r"[\s-]*(?:mutation\s+|variant\s+)?(?:testing|test|assay|analysis|status|panel|genotyping|sequencing|pcr|results?|"
    r"quantification|quantitation|quantitative\s+(?:assay|pcr|test)"
    # [ocr31s-is-tested] (held-out OCR v31's safety pass) ... or the variant said to be what is tested ("Only KRAS G12C
    # is tested", "G12C was assayed"): the test's scope, no result unless a result word follows in the clause
    r"|(?:is|was|are|were|being|has\s+been|have\s+been)\s+(?:tested|assayed|interrogated|targeted|covered|evaluated|"
    r"assessed|examined|analy[sz]ed))\b"
    r"((?:[^.;\n]|\.(?=\d)){0,60})",  # a decimal point ("0.9%") ends no clause
    re.I,
)
_TEST_BEFORE = re.compile(
    # [ocr29s-prefixed-pcr] (held-out OCR v29's safety pass) ... a PCR named with its kind glued on ("allele-specific
    # qPCR for KRAS G12C", "ddPCR for G12C", "RT-qPCR for ...") is a test too
    r"\b(?:including|incl\.?|includes|covering|covers|(?:test\w*|assay|panel|ngs|sequencing|(?:q|dd|d|rtq|rt|rq|nq)?pcr|"
    r"profiling|analysis|"
    # [ocr24s-looks-only-for] (held-out OCR v24's safety pass) ... with "only" ("this test looks only for KRAS G12C")
    r"screen\w*|look\w*|evaluat\w*|re-?biops(?:y|ies)|biops(?:y|ies)|genotyping|sampl\w*)\s+(?:only\s+)?for)\s+"
    # [ocr17-looked-for-the] (held-out OCR v17, issue 17's nineteenth pass) ... with an article ("the test looked for the
    # KRAS G12C change", "screening for a G12C mutation")
    r"(?:(?:the|a|an|any)\s+)?(?:k-?ras\s*)?(?:p\.\s*)?$",
    re.I,
)


# [ocr14-next-field] (held-out OCR v14, issue 17's sixteenth pass) A form's entry ending its line at the variant, the
# next line a field whose label starts with "Test" ("Biomarker   KRAS G12C" / "Test / specimen   DNA panel on ..."):
# the label is the next field's, not the variant's test. A label is its line's first cell (a cell gap or a colon
# within a few words); a wrapped sentence ("...for KRAS G12C\ntesting, sent today") keeps its test.
_NEXT_FIELD = re.compile(
    r"[ \t]*\n[ \t]*(?:testing|test|assay|analysis|method|panel)\b(?:[ \t]*[/&,][ \t]*\w+){0,2}[ \t]*(?: {2,}|\t|:)"
    # [ocr17-leader-field] (held-out OCR v17, issue 17's nineteenth pass) ... a two-word label, or a label run out to its
    # value by leader dots ("Test type ........ plasma ctDNA"), as a portal's or a form's printout sets its fields (a scan
    # that erased the dots leaves a cell gap: "Test type  plasma ctDNA")
    r"|[ \t]*\n[ \t]*(?:testing|test|assay|analysis|method|panel)(?:[ \t]+[a-z]+)?(?:[ \t]*(?:\.{3,}|_{3,}|:)| {2,}|\t)", re.I
)


# A test that gave no result: "KRAS (G12C): insufficient tissue", "KRAS G12C - QNS", "assay failed".
_NO_RESULT = re.compile(
    r"^[^.;\n]{0,40}?\b(?:insufficient|qns|quantity\s+not\s+sufficient|fail(?:ed|ure)|not\s+(?:performed|done|tested|"
    r"evaluable|assessable|reported|resulted)|cancel+ed|unsuccessful|no\s+results?|rejected|inadequate)\b",
    re.I,
)


# (held-out v18, issue 13's nineteenth pass, part two) [v18-kras-result-used] A result named as what a choice rests on
# ("Your KRAS G12C result is the reason these medicines were chosen", "the G12C result was why adagrasib was started",
# "her KRAS G12C result made her eligible"): the result exists. A result awaited ("the G12C result is pending") stays none.
_RESULT_USED = re.compile(
    r"\s*(?:(?:is|was)\s+(?:the\s+(?:reason|basis|grounds?)|why)\b|(?:means|meant|explains|explained|guided|made\s+(?:him|her|them)\s+eligible)\b"
    # (held-out v24, issue 13's twenty-fifth pass, part two) [v24-kras-result-known] a result that came: "(panitumumab
    # given before the KRAS G12C result was known)", "the G12C result came back in May", "once the G12C result arrived"
    r"|(?:was|were|became|is|had\s+been)\s+(?:(?:already|then|finally)\s+)?(?:known|available|back|reported|issued)\b"
    r"|(?:came|come|comes)\s+back\b|(?:arrived|returned)\b)",
    re.I,
)
# (held-out v24) [v24-kras-relatives-result] A variant said, after it, to be a relative's ("the G12C mentioned in the request
# was the patient's brother's result", "G12C - is her sister's, not hers"): no result of the patient. The patient's own
# result beside a relative's ("G12C, as was her sister's") is no such sentence.
_RELATIVES_RESULT_AFTER = re.compile(
    r"[^.;\n]{0,50}?(?<!\bas\s)\b(?:was|is|were|are)\s+(?:actually\s+|in\s+fact\s+|really\s+)?(?:the\s+)?"
    r"(?:patient'?s\s+|pt'?s\s+|his\s+|her\s+|their\s+)?(?:brother|sister|mother|father|mum|mom|dad|son|daughter|wife|"
    r"husband|spouse|partner|relative|cousin|aunt|uncle|twin)(?:'s|\u2019s)(?!\s+(?:too|also|as\s+well))",
    re.I,
)


# [v24-kras-result-known] ... and a treatment's failure, not the test's, after the variant ("mCRC KRAS G12C, after FOLFOX
# failure", "G12C; post-chemo failure"): the result stands. A test's failure ("G12C assay failed") stays no result.
# (held-out v38, issue 13's thirty-ninth pass) [t39-kras-organ-failure] ... and an organ's failure, the patient's
# condition ("KRAS G12C NSCLC admitted w/ hypoxemic resp failure", "G12C; acute renal failure on admission").
_TREATMENT_FAILURE = re.compile(
    r"\b(?:after|post|following|despite|on|upon)\s+(?:[\w/+-]+\s+){1,3}$|\b(?:treatment|therapy|chemo\w*|regimen|line)\s+$"
    r"|\b(?:resp(?:iratory)?|hypox(?:emic|aemic|ic)|hypercapnic|renal|kidney|liver|hepatic|heart|cardiac|multi-?organ)\s+$",
    re.I,
)


def _test_not_result(doc: TextDoc, f: Finding) -> bool:
    clause = re.split(r"[.;\n]", doc.text[f.end : f.end + 80], maxsplit=1)[0]
    failed = _NO_RESULT.match(clause)
    if failed and failed.group(0).lower().endswith(("failure", "failed")):
        failed = None if _TREATMENT_FAILURE.search(re.sub(r"fail(?:ed|ure)$", "", failed.group(0), flags=re.I)) else failed
    if failed and not _RESULT_WORD.search(clause[: failed.start(0) + len(failed.group(0))].replace("not detected", "")):
        return True
    m = _TEST_AFTER.match(doc.text, f.end)
    if m and _RESULT_USED.match(m.group(1)) and re.search(r"results?$", doc.text[m.start() : m.start(1)], re.I):
        return False  # (held-out v18) [v18-kras-result-used] "your KRAS G12C result is the reason these were chosen"
    if m and (_NEXT_FIELD.match(doc.text, f.end) or record_field(doc, f)):
        m = None  # [ocr14-next-field] "Biomarker   KRAS G12C" over "Test / specimen   DNA panel ...": the next field's label
    if m:
        return not _RESULT_WORD.search(m.group(1))
    lead = re.split(r"[.;\n]", unwrap(doc.text)[max(0, f.start - 60) : f.start])[-1]  # "(incl. G12C)": no stop
    if not lead.strip():
        lead = wrapped_lead(doc, f)  # [ocr22-wrapped-range] "KRAS (including" / "   G12C), MET ...": an indented wrap
    if _TEST_BEFORE.search(lead):
        return not (_RESULT_WORD.search(lead) or _RESULT_WORD.search(clause) or _NO_CHANGE_IN.search(lead))
    return False


# [ocr15-none-including] (held-out OCR v15, issue 17's seventeenth pass) A negative that names the variant as part of
# what was not found ("No change in KRAS (including KRAS G12C), EGFR, BRAF", "no mutation of KRAS, including G12C"):
# the "including" is the negative's range, not a test's; the variant is ruled out.
_NO_CHANGE_IN = re.compile(
    r"\bno\s+(?:(?:pathogenic|reportable|detectable|actionable)\s+)?(?:changes?|mutations?|variants?|alterations?)\s+"
    r"(?:in|of|at|affecting)\s+(?:k-?ras\b|codons?\b|exons?\b)",
    re.I,
)


# [ocr9-order-list] (held-out OCR v9, issue 17's eleventh pass) A variant named as one of a list of tests ordered
# ("11/02  KRAS G12C / EGFR / ALK / PD-L1 requested by Dr ...", "KRAS G12C, EGFR and ROS1 ordered", "G12C + EGFR sent
# out"): a request log's line, no result. Only other test names and separators stand between the variant and the
# order's verb, and no result word follows on the line ("KRAS G12C requested; result: detected" keeps its result).
_TEST_ITEM = (  # a gene or test's name: "EGFR", "PD-L1 22C3", "BRAF V600E", "MET exon 14", "ALK IHC"
    r"(?-i:[A-Z][A-Za-z0-9-]{1,11})(?:\s+(?:exon\s+\d{1,2}|fusions?|rearrangements?|(?-i:[A-Z]\d{1,4}[A-Z])|\d{2}C\d|"
    r"IHC|FISH|NGS|PCR|panel|status|mutations?|testing))?"
)
_ORDER_LIST = re.compile(
    rf"(?:\s*(?:[/,+&|]|\band\b|\bor\b)\s*{_TEST_ITEM})*"
    r"\s*(?:(?:testing|tests?|panel|assays?|pcr|ngs)\s+)?(?:was\s+|were\s+|is\s+|are\s+)?"
    r"(?:requested|ordered|re-?ordered|requisitioned|sent(?:\s+out)?|submitted|added[\s-]on|pending)\b",
    re.I,
)


def _ordered_in_list(doc: TextDoc, f: Finding) -> bool:
    m = _ORDER_LIST.match(doc.text, f.end)
    if not m or "\n" in m.group(0) or _RESULT_WORD.search(m.group(0)) or _drug_named(m.group(0)):
        return False  # "KRAS G12C, sotorasib requested": the drug is requested, the variant stated
    return not _RESULT_WORD.search(doc.text[m.end() : _line_end(doc.text, m.end())])


# [ocr9-frequency] A sentence saying how often a variant occurs in a kind of tumour or of patient ("in smokers G12C is
# among the most frequent, whereas G12D and G12V predominate in pancreatic carcinoma", "G12C accounts for about 40% of
# KRAS mutations"): the literature, not a result. The variant (or a list of variants) is the predicate's subject, and
# the sentence names no result of this patient ("The tumour harbours KRAS G12C, the most common KRAS variant" keeps it).
_FREQUENCY_AFTER = re.compile(
    r"(?:\s*(?:,|/|\band\b|\bor\b)\s*(?:p\.)?[A-Z]\d{1,3}[A-Z])*\s*(?:mutations?\s+|variants?\s+|substitutions?\s+)?"
    r"(?:(?:is|are|was|were|remains?|becomes?)\s+(?:by\s+far\s+)?(?:among\s+)?(?:the\s+|one\s+of\s+the\s+)?"
    r"(?:(?:most|least)\s+(?:frequent|common|prevalent)|commonest|rarest|(?:more|less)\s+"
    r"(?:frequent|common)|rare|uncommon|infrequent)\b|predominates?\b|prevails?\b|accounts?\s+for\b|makes?\s+up\b|(?:is|are)\s+(?:found|seen)\s+in\s+"
    r"(?:about|approximately|roughly|~|up\s+to)?\s*\d)",
    re.I,
)
_THIS_RESULT = re.compile(
    r"\b(?:detected|identified|positive|confirmed|harbou?r(?:s|ed|ing)|carries|carried|showed|shows|revealed|reveals)\b"
    r"|\b(?:this|the|our|her|his)\s+(?:patient|pt|tumou?r|case|specimen|sample|biopsy)\b"
    r"|\b(?:vaf|maf|allele\s+fraction|reads|(?:sub)?clon(?:e|al))\b",  # a level measured in this sample
    re.I,
)


def _population_frequency(doc: TextDoc, f: Finding) -> bool:
    # a fax's speck around a line break ("G12C  |", "G12C.\n_ is among": a line going on in lower case) is no punctuation
    after = _LONE_SPECK.sub(" ", _GLUED_SPECK.sub(" ", doc.text[f.end : f.end + 200], count=1))
    return bool(_FREQUENCY_AFTER.match(after)) and not _THIS_RESULT.search(unwrap(f.sentence))


_LONE_SPECK = re.compile(r"(?<=\s)[|!'`.,;:]{1,2}(?=\s)")
_GLUED_SPECK = re.compile(r"^[ \t]*[|!'`.,;:_]{0,2}[ \t]*\n[ \t]*[|!'`.,;:_]{0,2}(?=[ \t]*[a-z])")


# [ocr9-glossary] A variant defined as a term ("G12C: a glycine-to-cysteine change at codon 12 of KRAS", "G12C = a
# substitution of cysteine for glycine", "KRAS G12C means the amino acid at position 12 is a cysteine"), as a report's
# glossary column or a patient page explains it: a definition, no result, unless a result word follows on its line.
_RESULT_FIELD = re.compile(
    r"\b(?:variants?|results?|mutations?|findings?|alterations?|call)(?:\s+(?:detected|identified|found))?\s*:", re.I
)
_DEFINITION = re.compile(
    r"\s*(?:[:=\u2013\u2014-]|\s(?:means|refers\s+to|stands\s+for|denotes|describes))\s*(?:(?:is|are)\s+)?(?:an?\s+|the\s+)?"
    r"(?:(?:[\w-]+\s+){0,3}?(?:change|substitution|swap|replacement|exchange)\b|(?:[\w-]+-to-[\w-]+)\b|"
    r"(?:the\s+)?amino\s+acid\b|(?:a\s+)?change\s+in\s+which\b|glycine\b|cysteine\b)",
    re.I,
)


# [ocr13-glossary-line] (held-out OCR v13, issue 17's fifteenth pass) ... and every mention after the term on its
# glossary line ("G12V  - valine for glycine at KRAS codon 12 (c.35G>T)"): the protein words and the DNA change in a
# definition explain the term, they are no result either.
_TERM_LEAD = re.compile(r"[ \t]*(?:k-?ras[ \t]+)?(?:p\.)?[A-Z]\d{1,3}[A-Z]\b", re.I)


def _glossary_entry(doc: TextDoc, f: Finding) -> bool:
    start = _line_start(doc.text, f.start)
    lead = _TERM_LEAD.match(doc.text, start)
    if lead and lead.end() <= f.start and _glossary_term(doc, lead.end()):
        return True  # [ocr13-glossary-line]
    return _glossary_term(doc, f.end, start, f.start)


def _glossary_term(doc: TextDoc, at: int, start: int = 0, end: int = 0) -> bool:
    m = _DEFINITION.match(doc.text, at)
    if not m or "\n" in m.group(0) or _RESULT_FIELD.search(doc.text[start:end]):
        return False  # "Variant: KRAS G12C - a glycine-to-cysteine substitution": a result's field explains its value
    return not _RESULT_WORD.search(doc.text[m.end() : _line_end(doc.text, m.end())])


# (held-out v13, issue 13's fourteenth pass) [v13-reason-for-test] A requisition's reason for the test naming the
# variant it looks for ("Reason: KRAS G12C / therapy selection", "Clinical question: G12C? for sotorasib eligibility",
# "Reason for testing - KRAS G12C status"): the question, not a result. Only the reason's field, and only when a purpose
# or a question mark follows the variant (a referral's "Reason: KRAS G12C NSCLC for sotorasib" states a result).
_REASON_FIELD = re.compile(
    r"\b(?:reason(?:\s+for\s+(?:test(?:ing)?|request|send[\s-]?out|referral|assay))?|clinical\s+question|question\s+asked)"
    r"\s*[:\-\u2013]\s*(?:k-?ras\s*)?(?:p\.\s*)?$",
    re.I,
)
_TEST_PURPOSE = re.compile(
    r"\s*(?:mutation\s+|variant\s+)?(?:status\s*)?(?:\?|(?:[/,;-]|\bfor\b|\band\b)\s*(?:therapy|treatment|drug|targeted\s+therapy)"
    r"\s+(?:selection|planning|choice|eligibility)|(?:[/,;-]|\bfor\b)\s*(?:[\w-]+\s+){0,2}eligibility\b)",
    re.I,
)


def _reason_for_test(doc: TextDoc, f: Finding) -> bool:
    lead = re.split(r"[.;]\s", _line_before(doc, f))[-1]
    return bool(_REASON_FIELD.search(lead)) and bool(_TEST_PURPOSE.match(doc.text, f.end))
