"""The letter's outcome (approved, denied, pended) read only from statements a payer makes about the
request (``has been denied``, ``Decision: Approved``, a ticked box, a banner, LUMAKRAS's row of a table);
conditional sentences (``if ... may be denied``), appeal-rights boilerplate, concessions and sentences
about another pharmacy, drug or claim say nothing about it, and a letter whose statements disagree has no
outcome (null, with a warning), never the likelier one. A letter that decides several drugs is read for
LUMAKRAS's part only (:func:`scope`).

This module reads the letter as a whole and decides; what it reads is in its own modules:

* :mod:`~priorauth.letters.statements`: the statements of a decision, per outcome and language, partial approvals;
* :mod:`~priorauth.letters.outcome_words` and :mod:`~priorauth.letters.outcome_labels`: the words of a decision
  and the labels that give one as their value;
* :mod:`~priorauth.letters.outcome_forms`: ticked boxes, banners, stamps, letter-spaced headings, blank fields;
* :mod:`~priorauth.letters.status_codes`: a legend's status codes and the code a status, row or column holds;
* :mod:`~priorauth.letters.several_drugs`: a letter deciding several drugs (items, blocks, LUMAKRAS's scope);
* :mod:`~priorauth.letters.outcome_guards`: what keeps a sentence from stating the outcome (a condition, another
  pharmacy or claim, an ended approval) or a letter from having one (closed, not decided yet);
* :mod:`~priorauth.letters.other_drug`: a sentence or letter that decides another drug or item."""

from __future__ import annotations

import re

from priorauth.letters import (
    asides,
    decision,
    deferred,
    earlier,
    extract,
    json_status,
    label_languages,
    ncpdp_xml,
    outcome_forms,
    outcome_labels,
    pending_notice,
    placed,
    radio_star,
    stacked_label,
    statement_set31,
    statement_set35,
    statement_set36,
    statement_set37,
    status_icon,
    upheld,
    x12_action,
    yes_no,
)
from priorauth.letters.other_drug import (
    _DECIDES,
    _OUR_FIELD,
    _heading,
    _main_clause,
    decides_other,
    other_subject,
    resembles_ours,
)
from priorauth.letters.outcome_forms import (
    _UNCHECKED,
    _UNFILLED,
    _UNFILLED_LINE,
    _UNFILLED_OUTCOME,
    _boxes_after,
    _noise_boxes,
    _spaced_hits,
)
from priorauth.letters.outcome_guards import (
    _CONCESSIVE,
    _CONDITIONAL,
    _ELSEWHERE,
    _IN_FORCE,
    _UNDECIDED,
    _ended,
    closure,
    referred,
)
from priorauth.letters.outcome_words import _OUTCOME_WORDS as _OUTCOME_WORDS
from priorauth.letters.several_drugs import Scope as Scope
from priorauth.letters.several_drugs import items
from priorauth.letters.several_drugs import scope as scope
from priorauth.letters.spans import _OURS, _SENTENCE, Hit
from priorauth.letters.statements import _FIELD_NAME, _MODIFIED, _STATEMENT_RES, _expanded
from priorauth.letters.statements import PARTIAL as PARTIAL
from priorauth.letters.status_codes import _NAMED_LEGEND, _coded_hits, _coded_item_hits, _column_coded_hits
from priorauth.letters.status_codes import legend as legend
from priorauth.letters.status_codes import unlegended as unlegended

# the British spelling of "authorised" (the rules' words are American); a letter printed as its source (RTF, JSON,
# Markdown, a box-drawn table) has its markup, and its footnote markers, blanked before this, by
# :func:`priorauth.letters.fields.unmarked`
_BRITISH = re.compile(r"(?<=[Aa]uthori)s(?=e|ed|es|ing|ation)|(?<=AUTHORI)S(?=E|ED|ES|ING|ATION)")


def plain(text: str) -> str:
    """The letter's text with "authorised" spelt "authorized" (the same length: every span holds)."""
    return _BRITISH.sub(lambda m: "z" if m.group(0) == "s" else "Z", text)

def outcome_hits(text: str, codes: dict[str, str] | None = None) -> tuple[list[Hit], str]:
    """Every statement of the letter's outcome when they agree, or ([], why not): read first without what it
    quotes of earlier decisions (:mod:`priorauth.letters.earlier`), then, when that says nothing, whole."""
    own = earlier.without(text)
    if own != text:
        hits, why = _outcome_hits(own, codes)
        if hits or not why.startswith("the outcome could not be read"):
            return hits, why  # its own words decide, disagree or say nothing was decided
    hits, why = _outcome_hits(text, codes)
    if not hits and why.startswith("the outcome could not be read") and (bare := asides.without(text)) != text:
        return _outcome_hits(bare, codes)  # "Quillon Health (the member's insurer) APPROVED ...": past its aside
    return hits, why


def _outcome_hits(text: str, codes: dict[str, str] | None = None) -> tuple[list[Hit], str]:
    """Every statement of the letter's outcome when they agree (labels and item lines first), or
    ([], why not): none is stated, or statements disagree. ``codes``: the letter's legend, when ``text``
    is its table's cells read as labels (the legend is elsewhere on the page)."""
    if clash := x12_action.disagreement(text):  # a 278 viewer's raw code and its translation disagree (a fax misread)
        return [], f"the response's action code and its translation disagree ({clash}): left empty"
    text = radio_star.dotted(text)  # "(*) APPROVED ()DENIED": a fax's star for a radio's dot
    text, ticked = _boxes_after(text)
    text, answered = yes_no.rows(text)  # a form's "Approved  Y / N :  Y" rows: the one answered yes, then blanked
    text = _UNCHECKED.sub(lambda m: " " * len(m.group(0)), text)  # an empty box's words say nothing
    text = _UNFILLED.sub(lambda m: " " * len(m.group(0)), text)  # nor a form's field left blank ("Approved from: ____")
    text = _UNFILLED_LINE.sub(lambda m: " " * len(m.group(0)), text)  # its blanks lost at fax ("Approved from:  to:")
    text = _UNFILLED_OUTCOME.sub(lambda m: " " * len(m.group(0)), text)  # or garbled there ("Approved to  ff")
    text = _noise_boxes(text)  # a row with one [X]: its other boxes are empty
    text = referred(text)  # "Your approval letter lists the dates": another letter named, no decision of this one
    text = statement_set36.decided_apart(text)  # "That request is being reviewed separately ...": another drug's
    codes = {**legend(text)[0], **(codes or {})}
    named = {m.group("n") for m in _NAMED_LEGEND.finditer(text)}  # "ST CODES: AP=APPROVED ...": the column "ST"
    text = unlegended(text)  # a legend's words say what codes mean, nothing was decided by them
    symbols = placed.symbol_hits(text)  # a legend of symbols read on the request's line, then blanked
    text = placed.without_symbol_legend(text)
    labeled, why = _coded_hits(text, codes)
    if not why and codes and not labeled:
        labeled, why = _coded_item_hits(text, codes)
    if not why and codes and not labeled:
        labeled, why = _column_coded_hits(text, codes, named)
    if why:
        return [], why
    labeled += symbols + ticked + answered + _spaced_hits(text) + extract.hits(text, _OUTCOME_WORDS)
    labeled += label_languages.hits(text) + json_status.hits(text, _OUTCOME_WORDS)  # Dutch, Spanish; a JSON object
    labeled += pending_notice.hits(text) + ncpdp_xml.hits(text)  # "cannot decide yet. Please send"; ePA "Open"
    labeled += outcome_labels.label_hits(text, codes)
    labeled += [hit for _, hit, ours in items(text) if ours]
    labeled += outcome_forms.marked_hits(text)
    labeled += stacked_label.hits(text)  # "DECISION" over "APPROVAL", each a line of its own
    if m := closure(text):
        return [], f"the letter says no decision was made ({' '.join(m.group(0).split())}): left empty"
    undecided = _UNDECIDED.search(text)
    said: list[Hit] = []
    names_ours = bool(_OURS.search(text))  # a letter about one request only, for another drug, is read as it is
    other = False  # a statement decides another drug
    ours_said = False  # a statement in a sentence (not a heading) that is not about another drug
    governed = (
        False  # a clause after a semicolon is governed by its sentence's "if" ("If we deny it, ...; the notice ...")
    )
    sentences = list(_SENTENCE.finditer(text))
    for n, s in enumerate(sentences):
        sentence, at = _expanded(s.group(0))
        conditional = bool(_CONDITIONAL.search(sentence) or _CONCESSIVE.search(sentence)) or governed
        governed = conditional and s.group(0).rstrip().endswith(";")
        # ("approved ... without a new trial of other drugs": no drug elsewhere, letters pass 35)
        if conditional or _ELSEWHERE.search(statement_set37.waived_others(sentence)) or _ended(sentences, n):
            continue
        if names_ours and decides_other(sentence):
            # (another drug "already authorized" is a cover in force, a duplicate therapy's reason: no decision)
            other |= bool(_DECIDES.search(_main_clause(sentence))) and not _IN_FORCE.search(sentence)
            continue
        for value, patterns in _STATEMENT_RES.items():
            for p in patterns:
                m = p.search(sentence)
                if m and value == "approved" and statement_set31.unproven(sentence, m.start()):
                    continue  # "we could not show that the coverage criteria were met": no approval
                if m is None and value == "pended":
                    m = statement_set31.under_review(sentence, text)  # "Your request is under clinical review"
                if m and value == "denied" and statement_set35.forwarded(sentence, text, s.end()):
                    continue  # "Unable to approve; sent to a physician reviewer": pended or nothing, never denied
                if m and m.re is p and not statement_set35.stands(p.pattern, text, s.end()):
                    continue  # a thirty-fifth set's refusal taken back, a title its body contradicts (the review's fix)
                if m and m.re is p and not statement_set36.stands(p.pattern, text, s.end(), s.start()):
                    continue  # a thirty-sixth set's review taken back, an approval's title its body contradicts
                if m and m.re is p and not statement_set37.stands(p.pattern, text):
                    continue  # a thirty-seventh set's "cannot give prior approval" the letter says is no refusal
                if m:
                    said.append(Hit(value, s.start() + at[m.start()], s.start() + at[m.end() - 1] + 1))
                    # (a heading that names LUMAKRAS and its status is LUMAKRAS's: "LUMAKRAS (sotorasib) — Not approved")
                    ours_said |= (not _heading(sentence) or bool(_OURS.search(sentence))) and not _FIELD_NAME.match(sentence, m.start())
                    break
    if other and not ours_said and not any(ours for _, _, ours in items(text)) and not _OUR_FIELD.search(text):
        # the letter's decision in words is another drug's, no other sentence states one: its headings and
        # labels are that drug's too
        return [], "the letter decides another drug, not LUMAKRAS: left empty"
    if names_ours and not ours_said and not any(ours for _, _, ours in items(text)) and (field := other_subject(text)):
        # its headings, labels and stamps decide what its subject field names ("Study: CT chest ..."), not
        # LUMAKRAS, which it names only in passing
        return [], f"the letter decides another item ({field}), not LUMAKRAS: left empty"
    if not names_ours and (field := other_subject(text)) and not resembles_ours(text):
        # a letter that never names LUMAKRAS and whose subject field names another drug ("Product ...
        # METOCLOPRAMIDE 10 mg", filed in the LUMAKRAS case): its decision, number and dates are that drug's
        return [], f"the letter decides another item ({field}) and never names LUMAKRAS: left empty"
    values = {h.value for h in labeled} | {h.value for h in said}
    if values == {"approved", "denied"} and (
        any(PARTIAL.search(text, h.start, h.end) for h in said)
        # a label's value "APPROVED WITH MODIFICATION" (the part not approved, said below, is what was changed)
        or any(h.value == "approved" and PARTIAL.match(text[h.start : h.end + 40]) for h in labeled)
        or _MODIFIED.search(text)
    ):
        said = [h for h in said if h.value == "approved"]  # the part not approved is the rest of the request
        labeled = [h for h in labeled if h.value == "approved"]
        values = {"approved"}
    if undecided and values != {"pended"}:
        return [], f"the letter says no decision was made ({' '.join(undecided.group(0).split())}): left empty"
    guard = decides_other if names_ours else None
    for read in (
        lambda: decision.general_hits(text, guard),  # no known wording: a decision word bound to this request in any shape
        lambda: placed.placed_hits(text, guard),  # nor a general shape: where the letter places its decision (a symbol, a title)
        # nor placed: an app's icon line ("✕  Not approved"), a decision deferred
        lambda: status_icon.hits(text, _OUTCOME_WORDS) + deferred.hits(text) + upheld.hits(text),
    ):
        if values or other:
            break
        said = read()
        values = {h.value for h in said}
        if len(values) > 1:
            return [], _several(values)
    if not values:
        return [], "the outcome could not be read (no approval, denial or request for information is stated)"
    if len(values) > 1:
        return [], _several(values)
    return labeled + said, ""


def _several(values: set[str]) -> str:
    return "the letter states more than one outcome (" + ", ".join(sorted(values)) + "): left empty"


def outcome(text: str, codes: dict[str, str] | None = None) -> tuple[Hit | None, str]:
    """The letter's outcome and its span, or (None, why not)."""
    hits, why = outcome_hits(text, codes)
    return (hits[0] if hits else None), why


def decides_another_drug(text: str) -> bool:
    """Whether the letter states a decision only about another drug ("APPROVED: ondansetron 8 mg ..." in a
    letter that mentions LUMAKRAS only in passing): a statement of an outcome in a sentence that names
    another dosed drug and not LUMAKRAS, and none about this request. The number such a letter gives is
    the other drug's, never proposed for LUMAKRAS."""
    hits, _ = outcome_hits(text)
    if hits:
        return False
    if not _OURS.search(text):  # a letter that never names LUMAKRAS: its subject field names another drug
        return bool(other_subject(text)) and not resembles_ours(text)
    if other_subject(text) and not any(ours for _, _, ours in items(text)):
        return True
    for s in _SENTENCE.finditer(text):
        sentence, _ = _expanded(s.group(0))
        if _CONDITIONAL.search(sentence) or not decides_other(sentence):
            continue
        if any(p.search(sentence) for patterns in _STATEMENT_RES.values() for p in patterns):
            return True
    return False
