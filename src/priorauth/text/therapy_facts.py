"""Therapy findings -> medication uses (a drug given, or ordered and not given yet), and the drug names the
other handlers share (``_drugs``, ``_drug_named``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from priorauth.facts.model import MedUse
from priorauth.terminology.drugs import vocabulary
from priorauth.text import safety_ocr34s, safety_ocr36s
from priorauth.text.document_scope import relative_subject
from priorauth.text.finding_scope import _NEGATION_CUE, _block_header, _relative_is_patient
from priorauth.text.kras_ocr32s import drug_in_labeling
from priorauth.text.pipeline import EXCLUDING, NOT_OWN_SECTIONS, Finding, patterns
from priorauth.text.sources import TextDoc
from priorauth.text.spans import _evidence, _line, _line_before, _line_end, _line_start

if TYPE_CHECKING:
    from priorauth.text.facts import TextFacts


# (held-out v10, issue 13's eleventh pass) [v10-not-given-yet] An order the note says was never carried out: "Order
# cancelled, nothing prepared for this patient", "Neither drug dispensed yet", "He has not yet started sotorasib". The
# drugs ordered or requested in it are not given; a drug the note says was had before ("s/p", "prior", "received",
# "after") stays. A drug not yet started is not given anywhere in the note.
_NOTHING_GIVEN = re.compile(
    r"\b(?:neither|none\s+of\s+the)\s+(?:drugs?|agents?|medications?|medicines?|of\s+them)\s+(?:(?:was|were|has\s+been|"
    r"have\s+been)\s+)?(?:yet\s+)?(?:dispensed|given|administered|started|prepared|released|compounded)\b"
    r"|\bnothing\s+(?:was\s+|has\s+been\s+)?(?:prepared|dispensed|given|administered|compounded)\b"
    # (held-out v17, issue 13's eighteenth pass) [v17-not-started-own-words] the patient's own words for the drug not
    # yet started ("I haven't started my cancer tablets yet", "she has not begun her chemo"): nothing given
    r"|\b(?:has|have|had|did)\s*(?:not|n't|n\u2019t)\s+(?:yet\s+)?(?:started|begun|commenced)\s+(?:my|his|her|their|the)\s+"
    r"(?:new\s+|oral\s+)?(?:cancer\s+|chemo\s+)?(?:tablets|pills|capsules|medicines?|medications?|treatment|chemo(?:therapy)?)\b"
    # (held-out v22, issue 13's twenty-third pass) [v22-therapy-unsigned-order] an order whose status is unsigned or a
    # draft, or waits for a signature: none of its drugs given ("Status: UNSIGNED (draft)", "co-signature pending")
    r"|\bstatus\s*:\s*(?:unsigned|draft|not\s+(?:yet\s+)?signed|pending\s+(?:co-?)?signature)\b"
    r"|\b(?:unsigned|draft)\s+(?:order|orders|order\s+set)\b|\border\s+(?:is\s+|was\s+|remains\s+)?(?:unsigned|not\s+(?:yet\s+)?signed)\b"
    r"|\b(?:co-?)?signature\s+(?:still\s+)?(?:pending|awaited|outstanding)\b"
    # (held-out v30, issue 13's thirty-first pass, part two) [v30-therapy-never-had-chemo] a teaching or consent visit
    # before the first course that says the patient never had chemo ("Pt has never had chemo", "has never received any
    # systemic therapy."), said on its own (not "... - but on osimertinib"): its drugs are taught, not given (a drug "s/p",
    # "received" or "had" before it stays, as above)
    r"|\b(?:has|have)\s+never\s+(?:had|received|been\s+given)\s+(?:any\s+)?(?:chemo(?:therapy)?|systemic\s+"
    r"(?:therapy|treatment)|anti-?cancer\s+(?:therapy|treatment|drugs?))\b(?=\s*(?:[.;]|$))",
    re.I,
)
_NOT_YET_STARTED = re.compile(
    r"\b(?:has|have|had|did|is|was)\s*(?:not|n't|n\u2019t)\s+yet\s+(?:started|begun|commenced|taken|received|been\s+"
    r"(?:started|given|dispensed))\s+(?:on\s+)?(?:the\s+)?([a-z][\w-]+)",
    re.I,
)
_HAD_BEFORE = re.compile(r"\b(?:s/p|prior|previous|received|completed|had|after|post|on)\s+(?:\S+\s+){0,2}$", re.I)


# (held-out v13, issue 13's fourteenth pass) [v13-supply-pending] A drug whose first supply has not come ("Rx written
# 11/24, not yet filled", "first fill not yet shipped", "start on receipt", "first dose when delivered", "delivery
# still pending") or that the note says was never started ("pembrolizumab was never started", "NEVER started it"):
# not given. The drug is the one named in that sentence, or else in the nearest sentence before it naming a drug; a
# mention of it as had before ("after progression on ...", "s/p") stays; "agreed on", "acquired on" are no such word.
# (held-out v30) [v30-therapy-not-yet-dosed] a trial's "consented, not yet dosed" too.
_SUPPLY_PENDING = re.compile(
    r"\bnot\s+(?:yet\s+)?(?:been\s+)?(?:shipped|filled|dispensed|delivered|picked\s+up|dosed)\b"
    r"|\b(?:start|starts|starting|begin|begins|first\s+dose|first\s+fill)\s+(?:on|upon|when|once|after)\s+(?:the\s+)?"
    r"(?:receipt|delivery|arrival|delivered|(?:it|the\s+\w+)\s+(?:is\s+)?(?:delivered|arrives|received)|delivery\s+arrives)\b"
    r"|\bdelivery\s+(?:is\s+)?(?:still\s+)?pending\b"
    r"|\b(?:was|were|has\s+been|had\s+been)\s+never\s+(?:started|given|begun|dispensed|filled)\b"
    r"|\bnever\s+(?:started|filled|took)\s+(?:it|them)\b"
    r"|\bno\s+(?:study\s+|trial\s+)?(?:drug|medication|medicine)\s+(?:was|were|has\s+been)\s+(?:yet\s+)?(?:dispensed|given|administered)\b"
    # (held-out v15, issue 13's sixteenth pass) [v15-not-started-alone] "Pt has NOT started." on its own (the drug named
    # in a sentence before, "Krazati shipment arrives 12/03. Pt has NOT started.")
    r"|\b(?:has|have|had|did)\s*(?:not|n't|n\u2019t)\s+(?:yet\s+)?(?:started|begun)(?:\s+(?:it|them|yet))?"
    # (held-out v18, issue 13's nineteenth pass) [v18-not-given-later] ... "so far", "but will ring the team"; a
    # bare "Not yet started." or "first tablet not taken yet" after the drug's sentence; an order or a chair booking
    # "cancelled"; a start "when supplied"
    # (issue 13's t36s pass) [t36s-not-started-dash] ... or a dash and the plan ("Pt has NOT started yet - plans first dose")
    r"(?:\s+(?:at\s+home|either|yet|so\s+far)){0,2}(?=\s*(?:[.;!\n]|$)|\s+(?:and|but)\b|\s+[-\u2013]\s)"
    r"|(?:^|[.;:!]\s+|\n\s*)not\s+(?:yet\s+)?(?:started|begun|commenced|taken)\s*(?=[.;!\n]|$)"
    # (held-out v22) [v22-therapy-quarantined] a bottle or bag set aside: "Quarantined, not administered."
    r"|(?:^|[.;:!]\s+|\n\s*)(?:quarantined|returned|discarded|wasted)\s*[,;-]?\s*(?:and\s+)?not\s+(?:administered|given|dispensed|used)\b"
    r"|\bfirst\s+(?:dose|tablet|capsule|infusion)\s+(?:not\s+yet|not|yet\s+to\s+be)\s+(?:taken|given|administered)\b"
    r"|\b(?:booking|order|orders|cycle|appointment|infusion|chair)\s+(?:was\s+|has\s+been\s+)?cancell?ed\b|\s-\s*cancell?ed\b"
    r"|\b(?:start|starts|starting|begin)\s+(?:once|when|after)\s+(?:it\s+is\s+|it\s+has\s+been\s+)?(?:dispensed|supplied)\b"
    # (held-out v28, issue 13's twenty-ninth pass, part two) [v28-no-dose-delivered] a pharmacy's word that no dose went
    # out ("aucune dose délivrée", "no dose dispensed", "keine Dosis abgegeben", "geen dosis verstrekt")
    r"|\b(?:aucune|no|zero|keine|geen|nessuna|ninguna)\s+(?:dose|doses|dosis|tablets?|comprim[ée]s?)\s+(?:(?:was|were|has\s+been|"
    r"have\s+been)\s+)?(?:d[ée]livr[ée]e?s?|dispensed|supplied|released|abgegeben|verstrekt|erogat[ae]|dispensad[ao]s?)\b"
    r"(?!\s+(?:today|this|aujourd|heute|vandaag|oggi|hoy|since|on\s+\d))"
    # (issue 13's t37s pass, held-out v37) [t37s-benefits-investigation] an access programme's or a pharmacy's benefits
    # investigation still to run ("benefits investigation to be run; if PA required ..."): no supply yet
    r"|\bbenefits?\s+investigation\s+(?:(?:is\s+)?to\s+be\s+(?:run|done|completed)|pending|not\s+yet\s+(?:run|done|completed))\b",
    re.I,
)
# (held-out v18) [v18-not-given-later] A drug said, in its own clause after its name, not to have been started, given
# or taken, or not to be affordable ("adagrasib was not started", "cetuximab not given (RAS mutant)", "nivolumab not
# affordable"): not given anywhere in the note. "not given today / this cycle / since" is a dose held: a drug taken.
# (issue 13's t37 pass, held-out v36) [t37-not-given-as-mono] "Sotorasib is NOT given as monotherapy here": the manner
# is denied (it is given with another drug), not the drug.
# (held-out v39, issue 13's fortieth pass) [t40-not-given-alone] ... "Sotorasib is NOT given alone in CRC", "not given by
# itself", "not given without panitumumab": the same denied manner. Guard: "sotorasib was not given (PA denied)".
_REFUSED_AFTER = re.compile(
    r"[^.;\n]{0,30}?\b(?:(?:was|is|has\s+been|were)\s+)?(?:not|never)\s+(?:yet\s+)?(?:started|commenced|begun|initiated|taken|"
    r"given(?!\s+(?:today|this|since|for|on|at|due|because|yesterday|x))(?!\s+as\s+(?:a\s+)?(?:monotherapy|mono|single[\s-]agent|sole))"
    r"(?!\s+(?:alone|by\s+itself|on\s+its\s+own|without\s+(?:a\s+|an\s+)?(?:partner|\w+mab|egfr|anti-?egfr))\b)"
    r"|affordable"
    # (held-out v22, issue 13's twenty-third pass) [v22-therapy-not-prepared] a pharmacy's or a prescriber's word that
    # the drug was not made up or is barred ("carboplatin AUC5 not prepared", "cisplatin contraindicated")
    r"|(?:prepared|released|verified|administered|dispensed|compounded)\b(?!\s+(?:today|this|since|for|on|at|due|because|"
    r"yesterday|x|until|pending|in\s+time)))\b(?![^.;\n]{0,40}\b(?:held|hold|holding)\b)"
    r"|[^.;\n]{0,30}?\b(?:(?:is|was|are|were)\s+)?(?:absolutely\s+|relatively\s+)?contra-?indicated\b"
    # (held-out v27, issue 13's twenty-eighth pass, part two) [v27-therapy-not-started-foreign] not started in Spanish,
    # Portuguese or Latvian ("adagrasibe ainda não iniciado", "sotorasib no iniciado", "no se ha iniciado", "netika
    # uzsākts")
    r"|[^.;\n]{0,30}?\b(?:(?:ainda|todav[íi]a|a[úu]n)\s+)?(?:n[ãa]o|no)\s+(?:(?:foi|fue|ha\s+sido|se\s+ha)\s+)?"
    r"(?:iniciad[oa]s?|comenzad[oa]s?|iniciado|administrad[oa]s?)\b|[^.;\n]{0,30}?\bnetika\s+uzs[āa]kt[sa]?\b",
    re.I,
)



# (held-out v23 and v24, issue 13's twenty-fifth pass, part two) [v24-therapy-sought] A dose form's abbreviation before
# the drug ("Kindly advise regarding tab. sotorasib", "Adv by onco: tab. adagrasib 600 mg BD") ends the sentence for the
# splitter: the words before it are the drug's sentence still.
_DOSE_FORM_STOP = re.compile(r"(?:^|[.;!?\n]\s*)((?:(?![.;!?\n]\s)[^\n]){0,100}?\b(?:tabs?|inj|caps?|syr|susp)\.\s*)$", re.I)


def _dose_form_lead(doc: TextDoc, f: Finding) -> str:
    if f.start != f.sentence_start:
        return ""
    m = _DOSE_FORM_STOP.search(doc.text, max(0, f.start - 120), f.start)
    return m.group(1) if m else ""


def _refused_drugs(text: str) -> set[str]:
    vocab = vocabulary()
    out: set[str] = set()
    for d in _drugs().finditer(text):
        said = _REFUSED_AFTER.match(text, d.end())
        # the cue is this drug's, no other drug named between; (held-out v22) [v22-therapy-later-cycle-not-given] a
        # later cycle's ("maintenance C9 NOT given") is a dose held of a drug had
        if said and not _drugs().search(said.group(0)) and not _LATER_CYCLE.search(said.group(0)):
            out |= {
                vocab.drugs[i].ingredient
                for i in vocab.by_name.get(d.group(0).lower(), ())
                if i in vocab.drugs and vocab.drugs[i].anticancer
            }
    return out
_HAD_BEFORE_STRICT = re.compile(
    r"\b(?:s/p|prior|previous|previously|received|completed|after|post|progress(?:ion|ed)\s+on|(?:was|were)\s+on)"
    r"\s+(?:[^\s;]+\s+){0,2}$"
    r"|(?<!agreed\s)(?<!decided\s)(?<!settled\s)\bon\s+$|\b(?:taking|takes|continues|continuing|tolerating)\s+$",
    re.I,
)
_REFILL_BEFORE = re.compile(r"\b(?:refill|re-fill|next\s+(?:fill|delivery|shipment|supply))\b[^.;\n]{0,30}$", re.I)
_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)|\n\s*\n")


# (issue 13's thirty-fourth pass) [t34-pending-own-drug] A notice whose own sentence names, before it, a drug that is not
# a cancer drug ("Prescriber response: omeprazole order cancelled" on an interaction alert about sotorasib) is that
# drug's: the search for the drug it concerns stops there, and a cancer drug named sentences before stays given.
# Guard: a notice naming no drug ("Sotorasib ordered 11/02. Order cancelled - not covered.") is still the earlier drug's.
def _pending_drugs(text: str) -> set[str]:
    """The ingredients whose first supply the text says has not come (``_SUPPLY_PENDING``)."""
    vocab = vocabulary()
    out: set[str] = set()
    for m in _SUPPLY_PENDING.finditer(text):
        if _REFILL_BEFORE.search(text[max(0, m.start() - 60) : m.end()]):
            continue  # "next refill delivery pending": a supply of a drug taken
        ends = [e.end() for e in _SENTENCE_END.finditer(text, 0, m.start())]
        after = _SENTENCE_END.search(text, m.end())
        bounds = [0, *ends]
        hi = after.start() if after else len(text)
        for lo in reversed(bounds[-4:]):  # its own sentence, then up to three before it
            span = text[lo:hi]
            # (held-out v18) [v18-pending-nearest-line] a drug on the line nearest the notice, if one is named there,
            # not a history line above it ("...; FOLFOX x6\nDrug: adagrasib 600 mg BD ...")
            nearest = span.rfind("\n") + 1
            found = [
                (d.start(), vocab.drugs[i].ingredient)
                for d in _drugs().finditer(span)
                if not _history_mention(span, d.start(), d.end())
                for i in vocab.by_name.get(d.group(0).lower(), ())
                if i in vocab.drugs and vocab.drugs[i].anticancer
            ]
            named = {i for at, i in found if at >= nearest} or {i for _, i in found}
            if named:
                out |= named
                break
            if lo == bounds[-1] and any(d.start() < m.start() - lo for d in _drugs().finditer(span)):
                break  # [t34-pending-own-drug] "omeprazole order cancelled": the notice names its own (supportive) drug
            hi = lo
    return out


# A drug of a history in the sentence ("Prior lines: FOLFOX, then FOLFIRI", "after progression on docetaxel"), unless
# an order or a plan comes between or right after it ("after progression on X we agreed on sotorasib", "sotorasib
# ordered"): not the drug whose supply is pending.
_HISTORY_WORD = re.compile(r"\b(?:prior|previous|previously|earlier|past|s/p|received|completed|after|progress\w*|pd)\b", re.I)
_ORDER_WORD = re.compile(
    r"\b(?:agreed|plan\w*|decided|now|will|request\w*|order\w*|prescribed|e-?prescribed|sent|signed|written|approved|"
    r"rx|to\s+(?:start|begin))\b",
    re.I,
)


def _history_mention(span: str, start: int, end: int) -> bool:
    if _ORDER_WORD.match(span, end) or re.match(r"[^.;\n]{0,30}?\b(?:ordered|prescribed|rx|sent|signed|written)\b", span[end:], re.I):
        return False
    words = list(_HISTORY_WORD.finditer(span, 0, start))
    return bool(words) and not _ORDER_WORD.search(span, words[-1].end(), start)


# (issue 13's t36s pass, held-out v36) [t36s-payer-decision-drug] A payer's document whose title line names a prior
# authorization or its review or decision ("PRIOR AUTHORIZATION - DENIAL NOTICE - <plan>", "UM REVIEWER NOTES -
# Sotorasib PA"): the drug in its title, or on its "Drug:" field line, is the drug asked for, not given, wherever the
# document names it again ("4. Monotherapy - MET (sotorasib alone)"). Guards: a renewal or continuation (a drug taken),
# a mention the document says was had or is taken ("on sotorasib since 05/2026", "prior sotorasib"), a clinic note
# with a "Drug:" line (no payer title).
_PAYER_TITLE = re.compile(
    r"\A\W*[^\n]{0,60}?(?:\bprior\s+auth\w*|\bPA\b|\bUM\s+review\w*|utili[sz]ation\s+(?:management|review)"
    r"|coverage\s+determination|denial\s+notice"
    # (issue 13's t37s pass, held-out v37) [t37s-um-reviewer-title] "UM PHARMACIST REVIEW - <drug> (initial)"
    r"|\bUM\s+(?:pharmacist|nurse|physician|clinical|medical\s+director)\s+review\w*)[^\n]*",
    re.I,
)
_RENEWAL_WORD = re.compile(r"\b(?:renewal|re-?authori[sz]ation|continuation|refill|extension)\b", re.I)
_DRUG_FIELD_LINE = re.compile(r"^[ \t]*(?:drug|medication|requested\s+drug|drug\s+requested)\s*:[^\n]*", re.I | re.M)


def _payer_asked_drugs(text: str) -> set[str]:
    title = _PAYER_TITLE.match(text)
    if not title or _RENEWAL_WORD.search(title.group(0)):
        return set()
    vocab = vocabulary()
    lines = [title.group(0), *(m.group(0) for m in _DRUG_FIELD_LINE.finditer(text))]
    return {
        vocab.drugs[i].ingredient
        for line in lines
        for d in _drugs().finditer(line)
        if not _HISTORY_WORD.search(line, 0, d.start())
        for i in vocab.by_name.get(d.group(0).lower(), ())
        if i in vocab.drugs and vocab.drugs[i].anticancer
    }


# (issue 13's t37 pass, held-out v36) [t37-given-on-own-line] A drug whose own line ends by recording it given (an
# infusion flowsheet's "Panitumumab 6 mg/kg IV 60 min - given 0950-1050") stays given, whatever another sentence says
# of a regimen naming it ("sotorasib + pani discussed for 3L - NOT started"). Only a spaced dash or a colon and
# "given" / "administered" / "infused" at the end of the drug's line, with no negation between; not a compound
# ("cetuximab (clinic-administered)" on a specialty pharmacy's form: how it will be given).
_GIVEN_AT_LINE_END = re.compile(
    r"(?![^\n]*\b(?:not|no|never|held|hold)\b)[^\n]{0,50}?(?:\s[-\u2013]|:)\s*(?:given|administered|infused)\b[^\n]{0,20}$", re.I | re.M
)


def _not_given_yet(text: str, meds: list[MedUse]) -> list[MedUse]:
    pending = _pending_drugs(text) | _refused_drugs(text) | _payer_asked_drugs(text)
    if pending:
        meds = [
            m
            for m in meds
            if not {d.ingredient for d in m.drugs} & pending
            or m.evidence.focus is None
            or _HAD_BEFORE_STRICT.search(text[max(0, m.evidence.focus[0] - 30) : m.evidence.focus[0]])
            or _GIVEN_AT_LINE_END.match(text, m.evidence.focus[1])
        ]
    not_started = {m.group(1).lower() for m in _NOT_YET_STARTED.finditer(text)}
    nothing = bool(_NOTHING_GIVEN.search(text))
    if not (nothing or not_started):
        return meds

    def kept(m: MedUse) -> bool:
        if m.evidence.focus is None or _HAD_BEFORE.search(text[max(0, m.evidence.focus[0] - 30) : m.evidence.focus[0]]):
            return True
        return not nothing and not any(d.ingredient in not_started for d in m.drugs)

    return [m for m in meds if kept(m)]


_FIRST_EVER = re.compile(
    r"\bfirst[\s-]ever\s+(?:systemic|anti-?cancer|cancer)\s+(?:therapy|treatment)"
    # (held-out v16, issue 13's seventeenth pass) [v16-first-ever-chemo] "first-ever chemotherapy was C1 on 11/10",
    # "about to start her first-ever chemo": the regimen named is the first
    r"|\bfirst[\s-]ever\s+(?:(?:systemic|anti-?cancer|cancer)\s+)?(?:chemo\w*|immunotherapy|infusion|cycle)\b"
    r"|\bfirst\s+(?:systemic|anti-?cancer|cancer)\s+(?:therapy|treatment)\s+ever\b"
    # (held-out v24, issue 13's twenty-fifth pass) [v24-naive-shapes] "first chemo ever", "first infusion ever"
    r"|\bfirst\s+(?:(?:systemic|anti-?cancer|cancer)\s+)?(?:chemo\w*|immunotherapy|infusion|cycle)\s+ever\b"
    # (held-out v26, issue 13's twenty-seventh pass) [v26-naive-first-of-any-kind] "first cancer treatment of any kind",
    # "1st tx ever"
    r"|\b(?:first|1st)\s+(?:(?:systemic|anti-?cancer|cancer|oncologic(?:al)?)\s+)?(?:treatment|therapy|tx|chemo\w*)\s+"
    r"(?:ever|of\s+any\s+(?:kind|sort|type))\b"
    # (held-out v18) [v18-naive-shapes] "the first therapy he has ever received"
    r"|\b(?:first|1st)\s+(?:(?:anti-?cancer|cancer|systemic)\s+)?(?:treatment|therapy|chemo\w*)\s+(?:that\s+)?(?:she|he|they|the\s+patient|pt)(?:\s+(?:has|have|had)|['\u2019](?:s|ve|d))\s+ever\s+(?:had|received|been\s+given)\b"
    # (held-out v9) [v9-naive-until-now] naive up to a start point the text names ("treatment-naive before today",
    # "no anticancer therapy before enrolment", "this will be your first", "first-line cohort"): the drug given
    # from that point on is the first.
    r"|\bbefore\s+(?:today|now|enrol?ment|randomi[sz]ation|registration|c1d1|cycle\s+1|this\s+(?:cycle|regimen|"
    r"treatment|therapy|study|trial|visit|infusion))\b"
    r"|\b(?:this|today|it)\s+(?:will\s+be|is|was)\s+(?:your|his|her|their|my|the\s+patient'?s)\s+first\b"
    r"|\bfirst[\s-]line\s+(?:cohort|use|setting|arm|indication)\b"
    # (held-out v10) [v10-first-dose] a first dose checked or given ("First-dose verification, pembrolizumab ...; no
    # previous systemic treatment"): the drug is the first
    r"|\bfirst[\s-]dose\s+(?:verification|check|double[\s-]check|review|teaching|education|today|given|administered)\b"
    # (held-out v13, issue 13's fourteenth pass) [v13-naive-first-cycle] the first cycle recorded as given ("cycle 1
    # given", "C1D1 given 11/19") or naive at a start point of the record ("untreated at diagnosis"): the regimen the
    # text starts is the first, and "no earlier treatment" is the history before it
    r"|\b(?:cycle|cyc|c)\s*(?:1|one)\s*(?:,?\s*(?:day|d)\s*1\s*)?(?:was\s+)?(?:given|administered|infused|delivered)\b"
    r"|\b(?:untreated|na[i\u00ef]ve)\s+at\s+(?:diagnosis|dx|presentation)\b"
    # (held-out v15, issue 13's sixteenth pass) [v15-naive-before-entry] naive before a study or trial the patient
    # entered ("no therapy before study entry", "no prior systemic therapy before the trial"): the study drug is the first
    r"|\b(?:before|prior\s+to)\s+(?:the\s+)?(?:study|trial)(?:\s+(?:entry|enrol?ment|start|drug))?\b"
    # [v15-naive-first-cycle-of] the first cycle "of" a regimen given, words between ("Today C1 of neoadjuvant
    # nivolumab + carboplatin given")
    r"|\b(?:cycle|cyc|c)\s*(?:1|one)\s+of\s+[^.;\n]{0,60}?\b(?:given|administered|infused|delivered)\b"
    # (held-out v21, issue 13's twenty-second pass) [v21-naive-shapes] "had chemo (FOLFOX) first time last week, never
    # any before": the course named is the first
    r"|\bfirst\s+time\b[^.;\n]{0,40}?\bnever\s+(?:had\s+)?any\s+(?:before|previously|prior)\b"
    # "no prior systemic therapy before this course" (the v9 start points, a course too)
    r"|\bbefore\s+this\s+(?:course|line|programme|program)\b",
    re.I,
)


# (held-out v10, issue 13's eleventh pass) [v10-subject-line] A letter's subject line ("Re: Mme X, OHIP ...") with no
# full stop joins the next line's sentence; it makes a request's subject of the drugs on its own line only ("Re:
# sotorasib request"), not of "She continues on sotorasib" on the line after.
_SUBJECT_LINE = re.compile(
    r"\s*(?:re|subject|regarding|(?:expedited\s+|urgent\s+|second[\s-]level\s+)?appeal(?:\s+for)?)\s*:", re.I
)  # (held-out v13) [v13-therapy-appeal-subject] an appeal's subject line too


# (held-out v27, issue 13's twenty-eighth pass, part two) [v27-therapy-request-title] A document titled as a request to a
# funder ("Exceptional Access Program request, <hospital>.", "Solicitação ao convênio:"): the drug of the sentence right
# (held-out v33's safety pass, issue 13) [v33s-request-title] ... in French, German or Italian ("Demande d'accès
# compassionnel ...", "Antrag auf ...", "Richiesta di ..."), or a payer's peer-to-peer review whose first sentence names the
# case by the drug asked for ("Peer-to-peer note (...). Case: <drug> for <indication>"): the drug asked for, not given.
# after the title, with no word that it was given, is the drug asked for. Not a refill or renewal request (a drug taken),
# nor a drug under a history field or word ("Tratamento prévio: ... carboplatina").
# (issue 13's thirty-fifth pass) [t35-request-title-line] ... the title may end at its line's end with no stop when the
# next line is the drug field ("Solicitud FNR [fund request] - <hospital>, <country>" over "Medicamento: sotorasib 960
# mg/d ..."). Guards: a test's request over its indication ("HRCT request" over "Indication: new cough on adagrasib"),
# a drug the line after says is taken ("Patient on sotorasib since 05/2026"), a history field ("Tratamiento previo:").
_REQUEST_TITLE = re.compile(
    r"\A\W*(?:[\w'-]+\s+){0,4}(?<!refill\s)(?<!renewal\s)(?<!reauthori[sz]ation\s)(?<!re-authori[sz]ation\s)"
    r"(?<!continuation\s)(?:request|application|solicitud|solicita[çc][ãa]o|pedido|demande|antrag|richiesta"
    r"|peer[\s-]to[\s-]peer|p2p)\b(?!\s+(?:de\s+)?(?:renouvellement|prolongation|verl[äa]ngerung|di\s+rinnovo))"
    r"[^.:\n]{0,100}(?:[.:]|\n(?=[ \t]*(?:medicamentos?|medica[çc][ãa]o|m[ée]dicaments?|medikament\w*|f[áa]rmacos?|farmaco"
    r"|medications?|drugs?|requested\s+drug)\s*:))",
    re.I,
)


def _after_request_title(doc: TextDoc, f: Finding) -> bool:
    title = _REQUEST_TITLE.match(doc.text)
    before = doc.text[f.sentence_start : f.start]
    return bool(title) and f.sentence_start <= title.end() + 2 and not _PRIOR_WORD.search(before)


# a history field or word before the drug ("Tratamento prévio: (X) Quimioterapia: carboplatina", "previously received")
_PRIOR_WORD = re.compile(
    r"\b(?:prior|previous(?:ly)?|pr[ée]vi[oa]s?|previamente|anterior(?:es)?|history|hist[óo]rico|received|recebeu|"
    r"recibi[óo]|had|s/p|after|ap[óo]s|tras|luego\s+de)\b",
    re.I,
)


def _past_subject_line(doc: TextDoc, f: Finding) -> str:
    if _ARROW_STEP.search(f.sentence[: f.start - f.sentence_start]) and len(_ARROW_STEP.findall(f.sentence)) >= 3:
        return _own_arrow_step(doc, f)  # (t41) [t41-course-arrow-step] "... -> C1-4 carbo/pem/pembro -> ... -> PA for X"
    if not _SUBJECT_LINE.match(f.sentence) or "\n" not in doc.text[f.sentence_start : f.start]:
        return f.sentence
    return doc.text[_line_start(doc.text, f.start) : f.sentence_start + len(f.sentence)]


# (held-out v40, issue 13's forty-first pass) [t41-course-arrow-step] A disease course written as one line of arrows
# ("Disease course: 3/26 dx LUAD IVA -> C1-4 carbo/pem/pembro -> PR 6/26 -> pem/pembro maint -> 10/26 new adrenal
# mets = PD -> PA for soto monotherapy."): each arrow's step is its own event, so a request or another doubt in a later
# step ("PA for ...") is that step's, not the courses before it. Three arrows or more, the finding after one of them;
# the step's own words still decide (the drug of "-> PA for soto" stays the request's).
_ARROW_STEP = re.compile(r"\s(?:->|=>|\u2192)\s")


def _own_arrow_step(doc: TextDoc, f: Finding) -> str:
    end = f.sentence_start + len(f.sentence)
    before = [m.end() for m in _ARROW_STEP.finditer(doc.text, f.sentence_start, f.start)]
    after = _ARROW_STEP.search(doc.text, f.end, end)
    return doc.text[before[-1] : after.start() if after else end]


# (held-out v10) [v10-result-negation] A drug named before a test's result ("repeat after 6 weeks adagrasib: KRAS G12C
# not detected"): the result's "not detected" negates the variant, not the drug given.
_RESULT_NEGATION_AFTER = re.compile(
    r"[^.;:\n]{0,12}:\s*[^.;\n]{0,40}?\b(?:not\s+detected|undetect\w*|not\s+identified|negative)\b", re.I
)


# (held-out v13, issue 13's fourteenth pass) [v13-therapy-not-negated] A drug negated only by a statement after it that
# is not about it: a dash beginning a naive statement ("carboplatin/pemetrexed started 09/2026 - no cancer treatment
# of any kind before that"), read as a checklist's "- no"; a supply free of charge ("obtains LUMAKRAS free via the
# manufacturer's programme"), read as "disease-free". A negative before the drug keeps it negated.
_DASH_NO_STATEMENT = re.compile(
    r"[^.;\n\u2013-]{0,40}?\s[-\u2013]\s*no\s+(?:[\w-]+\s+){0,3}?(?:treatment|therapy|therapies|chemo\w*|tx|drugs?|"
    r"prior|previous|earlier)\b",
    re.I,
)
_FREE_SUPPLY = re.compile(r"\bfree\s+(?:of\s+(?:charge|cost)|via|through|from|under|with)\b", re.I)


def _negated_by_a_later_statement(doc: TextDoc, f: Finding) -> bool:
    if f.modifiers & EXCLUDING != {"NEGATED_EXISTENCE"} or f.section in NOT_OWN_SECTIONS:
        return False
    if _NEGATION_CUE.search(f.sentence[: f.start - f.sentence_start]):
        return False
    if _DASH_NO_STATEMENT.match(doc.text, f.end):
        return True
    rest = f.sentence[f.end - f.sentence_start :]
    return bool(_FREE_SUPPLY.search(rest[:40])) and not _NEGATION_CUE.search(_FREE_SUPPLY.sub("", rest))


# (held-out v17, issue 13's eighteenth pass) [v17-therapy-answer-corrected] A question's "No" that a correction follows
# ("Had FOLFIRINOX? No - correction: FOLFOX x6 then FOLFIRI x4", "no, in fact: carboplatin"): the drugs the correction
# names were given; a negative after the correction word ("No - correction: no FOLFOX") keeps them negated.
_CORRECTION_AFTER_NO = re.compile(
    r"\bno\b\s*[-\u2013\u2014:,]?\s*(?:correction|corrected|actually|rather|in\s+fact|instead)\s*[:,\u2013-]", re.I
)


def _corrected_answer(f: Finding) -> bool:
    if f.modifiers & EXCLUDING != {"NEGATED_EXISTENCE"} or f.section in NOT_OWN_SECTIONS:
        return False
    before = f.sentence[: f.start - f.sentence_start]
    ends = [m.end() for m in _CORRECTION_AFTER_NO.finditer(before)]
    return bool(ends) and not _NEGATION_CUE.search(before[ends[-1] :])


# (held-out v17) [v17-therapy-cell-negation] A negative in another cell of a row written with bars ("prior: adjuvant
# carbo/pem 2024 | current: pembrolizumab alone | ILD: none"): the cell's "none" answers its own field, not the drug's.
def _negated_in_another_cell(doc: TextDoc, f: Finding) -> bool:
    if f.modifiers & EXCLUDING != {"NEGATED_EXISTENCE"} or f.section in NOT_OWN_SECTIONS:
        return False
    start, end = _line_start(doc.text, f.start), _line_end(doc.text, f.end)
    if "|" not in doc.text[start:end]:
        return False
    cell_start = doc.text.rfind("|", start, f.start) + 1 or start
    cell_end = doc.text.find("|", f.end, end)
    cell = doc.text[cell_start : end if cell_end < 0 else cell_end]
    return not _NEGATION_CUE.search(cell)


_FIRST_ON_A_DAY = re.compile(r"\bfirst\s+(?:dose\s+of\s+|cycle\s+of\s+|infusion\s+of\s+)?$", re.I)
_ON_A_DAY_AFTER = re.compile(
    r"[^.;\n]{0,30}?\b(?:on|this|next|coming)\s+(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b", re.I
)
_PAST_WORD = re.compile(r"\b(?:had|received|given|was|were|got|took|completed|tolerated|administered)\b", re.I)
# (held-out v18) [v18-therapy-baseline-before] "baseline echo before trastuzumab", "prior to commencing docetaxel": a
# time before the drug, not a dose.
_BEFORE_THE_DRUG = re.compile(
    r"\bpre-$|\bbaseline\s+(?:[\w-]+\s+){0,2}(?:before|prior\s+to|pre)\s+$|\b(?:before|prior\s+to)\s+(?:starting|commencing|beginning)\s+$",
    re.I,
)
_ANOTHER_PERSONS_DRUG = re.compile(
    r"\bbelongs?\s+to\s+(?:the\s+)?(?:pt'?s\s+|patient'?s\s+|his\s+|her\s+|their\s+)?(?:husband|wife|spouse|partner|son|"
    r"daughter|mother|father|brother|sister|relative|previous\s+(?:occupant|patient|resident)|another\s+patient|a\s+different\s+patient)\b|\bwas\s+(?:his|her|their)\s+(?:husband|wife|spouse|partner|son|daughter|mother|father|brother|sister)(?:'s|\u2019s)|\b(?:husband|wife|spouse|partner|son|daughter|mother|father|brother|"
    r"sister)\W{0,2}s\s+name\b|\bdependa[nt]t?\s*:\s*(?:spouse|husband|wife|partner|child|son|daughter)\b"
    # (held-out v20, issue 13's twenty-first pass) [v20-therapy-roommate] another resident's drug on a care-home line
    # ("the resident's roommate (Rm 4) receives sotorasib", "her room-mate is on adagrasib")
    r"|\b(?:room-?mates?|bed-?mates?|(?:other|another|neighbouring|neighboring)\s+(?:resident|patient))(?:\s*\([^)\n]{0,20}\))?"
    r"\s+(?:receives|received|takes|took|is\s+on|was\s+on|gets|has\s+been\s+on)\b",
    re.I,
)


# (issue 13's twenty-third pass, v21's h21-165 read with v22) [v22-therapy-owner-nearest] The owner's words bind the
# drug they follow ("capecitabine belongs to the wife", "SOTORASIB 120MG  dependant: spouse": the nearest drug named
# before them) or precede ("her room-mate is on adagrasib": the next drug); another drug of the line ("Pill box:
# sotorasib ..., plus capecitabine? -> capecitabine belongs to the wife") stays the patient's. Words with no drug on
# their side of the line bind every drug of it.
_OWNER_FIRST = re.compile(r"room|bed|other|another|neighbo", re.I)


def _another_persons(doc: TextDoc, f: Finding) -> bool:
    start = _line_start(doc.text, f.start)
    line = _line(doc, f)
    at = f.start - start
    vocab = vocabulary()
    own = set(f.value.split(","))
    mentions = [(d.start(), d.end(), set(vocab.by_name.get(d.group(0).lower(), ()))) for d in _drugs().finditer(line)]
    for m in _ANOTHER_PERSONS_DRUG.finditer(line):
        if _OWNER_FIRST.match(m.group(0)):
            after = [d for d in mentions if d[0] >= m.end()]
            bound = after[0] if after else None
        else:
            before = [d for d in mentions if d[1] <= m.start()]
            bound = before[-1] if before else None
        if bound is None or bound[0] == at or bound[2] & own:
            return True
    return False


def _therapy(out: TextFacts, doc: TextDoc, f: Finding) -> None:
    result_negated = (
        f.modifiers & EXCLUDING == {"NEGATED_EXISTENCE"}
        and f.section not in NOT_OWN_SECTIONS
        and _RESULT_NEGATION_AFTER.match(doc.text, f.end)
        and not _NEGATION_CUE.search(f.sentence[: f.start - f.sentence_start])
    )
    on_drug = _reason_of_order_on_drug(doc, f)  # (t38) [t38-order-reason-on-drug] "CT ordered for new cough on sotorasib"
    if not (
        f.affirmed
        or result_negated
        or _negated_by_a_later_statement(doc, f)
        or _corrected_answer(f)
        or _negated_in_another_cell(doc, f)
        or _given_despite_negation(doc, f)
        or _drug_beside_doubted_event(doc, f)
        or on_drug  # the order's doubt is the test's: the complaint, and the drug it arose on, are the patient's
        or _relative_reports_patient(f)
        or _drug_asked_working(doc, f)
        or _caller_relative_is_patient(doc, f)
        or _later_cycle_not_given(doc, f)
        or _held_pending(doc, f)
        or _records_of_prior_course(doc, f)  # (t40) [t40-records-of-prior-course]
    ):
        return
    p = patterns()
    lead = _dose_form_lead(doc, f)
    if _RELATIVE_ON_LEAD.search(lead):
        return  # [v24-therapy-sought] "Attends with his wife, who is on tab. sotorasib": the wife's
    if _NOT_STARTED_BEFORE.search(doc.text, max(f.sentence_start, f.start - 50), f.start):
        return  # [v24-therapy-not-yet] "he has not started the Krazati - it arrived yesterday"
    before = lead or f.sentence[: f.start - f.sentence_start]
    if _DRUG_NAIVE.match(doc.text, f.end) or _BEFORE_THE_DRUG.search(before[-40:]):
        return  # "sotorasib-naive", "adagrasib-naïve": never given; "pre-sotorasib baseline": a time before it
    if _FIRST_ON_A_DAY.search(before) and _ON_A_DAY_AFTER.match(doc.text, f.end) and not _PAST_WORD.search(f.sentence):
        return  # (held-out v17) [v17-therapy-first-on-a-day] "first FOLFOX on Monday": a first dose still to come
    if _another_persons(doc, f) or _RELATIVES_AFTER.match(doc.text, f.end):
        return  # (held-out v17) [v17-therapy-relatives-drug] "SOTORASIB 120MG  dependant: spouse", "belongs to her husband"
    if relative_subject(doc, f):
        return  # (held-out v28) [v28-relative-subject] "Su hermano ... toma sotorasib", "Her father died ...; he had ..."
    if _FIELD_NO_AFTER.match(doc.text, f.end):
        return  # (held-out v26) [v26-therapy-field-no] "oxaliplatin: no | anti-EGFR: no": a field answered no
    if _UNAVAILABLE_AFTER.match(doc.text, f.end):
        return  # (held-out v31's safety pass) [v31s-drug-unavailable] "consolidation durvalumab not available": not given
    if _HONORIFIC_NAME_AFTER.match(doc.text, f.end) and _HONORIFIC_TOKEN.fullmatch(doc.text[f.start : f.end]):
        return  # (held-out v31's safety pass) [v31s-honorific] "Pani <given name> <surname>": a person, not panitumumab
    if _CALLED_WRONG_AFTER.match(doc.text, f.end):
        return  # (held-out v13) [v13-therapy-called-wrong] "the referral mentions durvalumab - incorrect: ..."
    if drug_in_labeling(before):
        return  # (held-out OCR v32's safety pass) [ocr32s-drug-labeling] "FDA labeling for sotorasib and adagrasib"
    if _WILL_BE_USED_BEFORE.search(before[-30:]) and _WILL_BE_USED_AFTER.match(doc.text, f.end):
        return  # (t38) [t38-will-drug-be-used] "Q: Will sotorasib be used as monotherapy? A: Yes": a use to come
    if _REFUSED_BEFORE.search(before[-50:]):
        return  # (held-out v22) [v22-therapy-decided-against] "decided against carbo/pem", "the reason we avoided pembro"
    after = doc.text[f.end : f.sentence_start + len(f.sentence)]
    if _LINE_ENDS.match(after):  # (held-out v26) [v26-therapy-wrapped-line] "Docetaxel\nrequested ...": the drug ends
        after = f.sentence[f.end - f.sentence_start :]  # its line; the sentence as read, its wrap joined
    renewal = bool(_RENEWAL_BEFORE.search(before[-70:]) or _CONTINUATION_AFTER.match(doc.text, f.end))
    given = bool(
        renewal
        or p["given_before"].search(before[-70:])
        or p["given_after"].search(after)
        or _cycle_given_next(doc, f)
        or _cycle_given_before(doc, f)
        or _study_drug_acted_on(doc, f)
        or (_AFTER_WORD.search(before[-30:]) and _COURSE_AFTER.match(doc.text, f.end))
        or _lines_bracket_before(doc.text, f.start)  # (t40) [t40-lines-bracket]
        or on_drug  # [t38-order-reason-on-drug] the complaint arose on the drug: it is taken
    )
    planned = (
        f.section == "plan"
        or p["planned_before"].search(before)
        or _starting_later(before, f.sentence)
        or _PLAN_LABEL.match(f.sentence)
        or _PLANNED_LINE_BEFORE.search(doc.text, max(0, f.sentence_start - 80), f.sentence_start)
        or _REGIMEN_FIELD_LINE.match(doc.text, _line_start(doc.text, f.start), f.start)  # [t38-regimen-field-every-drug]
    )
    after_plan = bool(p["planned_after"].search(after))
    if (
        not given
        and (planned or after_plan)
        and (not p["given_in_plan"].search(_own_clause(doc, f) if after_plan else f.sentence) or _FUTURE.search(f.sentence))
    ):
        return
    if not given and _planned_in_gloss(doc, f):
        return  # (held-out v32) [v32-gloss-plan] "... indul jovo heten [starting next week]": the gloss says a plan
    if not given and _after_request_title(doc, f):
        return  # (held-out v27) [v27-therapy-request-title] "Exceptional Access Program request, .... Sotorasib monotherapy"
    subject_line = _past_subject_line(doc, f)
    header = _block_header(doc, f)
    table_header = p["therapy_table_header"].search(header) and not _DOSE_TABLE.search(header)
    table_header = table_header and not _HISTORY_FIELD_LINE.match(_line(doc, f))  # [t38-history-field-below-list]
    if (p["therapy_not_given"].search(subject_line) or table_header) and not (
        _patient_had(doc, f) or _named_as_history(doc, f) or renewal
    ):
        return
    if not given and _FORM_DRUG_FIELD.search(before[-40:]) and _request_form(doc.text):
        return
    if _PERSON_BEFORE.search(before[-12:]) or _PERSON_AFTER.match(doc.text, f.end):
        return  # a person's name that is also a drug's shorthand ("Dr. Soto", "Soto, MD")
    if _REQUESTED_DRUG_QUESTION.search(_line_before(doc, f)):
        return  # (held-out v15) [v15-requested-drug-question] 'Q5 "Will requested drug be used ...?": No - sotorasib'
    if _EXAMPLE_BEFORE.search(doc.text[max(0, f.start - 50) : f.start]):
        return  # (held-out v14) [v14-therapy-example] "(e.g. sotorasib, adagrasib)": examples, none given
    if not given and _listed_not_given(doc, f) and not (_patient_had(doc, f) or _named_as_history(doc, f)):
        return  # [ocr32-drug-list-label] "FDA-approved therapies ...: sotorasib; adagrasib"; "G12C inhibitors (sotorasib, ...)"
    option = not given and (safety_ocr34s.option_not_given(doc, f) or safety_ocr36s.option_column(doc, f))  # [ocr36s-option-column]
    if option and not (_patient_had(doc, f) or _named_as_history(doc, f)):
        return  # (OCR v34's safety pass) an options column, a labeling sentence: "Therapies approved ...", "per labeling (...)"
    if _to_start_later(doc, f) or _SPACING.search(doc.text[max(0, f.start - 40) : f.end + 40]):
        return
    if _first_cycle_not_given(doc, f):
        return  # (held-out v21) [v21-therapy-first-cycle-not-given] "C1 FOLFOX ... deferred", "bevacizumab omitted (C1D1)"
    if not given and _study_field_of_screening(doc, f):
        return  # (issue 13's t37 pass) [t37-study-field-screening] "SCREEN FAIL" log: "Study: <drug> + <drug> (protocol ...)"
    if not given and _start_dated_after_note(doc, f):
        return  # (issue 13's t37 pass) [t37-start-after-note] "start date 11/26/26" in a note of 11/24/2026: to come
    vocab = vocabulary()
    drugs = tuple(vocab.drugs[i] for i in f.value.split(",") if i in vocab.drugs)
    if not any(d.anticancer for d in drugs) and not _leucovorin_with_fluorouracil(doc, f, drugs):
        return
    ev = _evidence(doc, f)
    curative = bool(p["curative_setting"].search(f.sentence)) and not p["advanced_setting"].search(f.sentence)
    out.meds.append(MedUse(ev, "text", "stated", drugs, ev.date, None, curative, f.sentence))


_LINE_ENDS = re.compile(r"[ \t]*\n")


# (held-out v32, issue 13's thirty-third pass) [v32-gloss-plan] A drug in a clause of another language whose English gloss
# in brackets follows the clause (its line wrapped or not) and says the drug is planned or starts later ("<drug> ...
# <foreign words> [starting next week]", "<drug> <foreign words> [<drug> planned as a single agent]"): a plan, as the
# gloss's words would be in English. The gloss must open with the plan (at most two words, the drug's name, before it);
# a gloss that says the drug was received, given or taken keeps it, and a full stop or another bracket between the drug
# and the gloss ends the clause.
_GLOSS_AFTER = re.compile(r"[^\[\](){}.;\n]{0,80}(?:\n[^\[\](){}.;\n]{0,80})?\[([^\[\]]{1,160})\]")
_GLOSS_PLAN = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}?(?:planned|proposed|to\s+(?:start|begin)|will\s+(?:start|begin)|"
    r"starting\s+(?:next|tomorrow|on|in|from|after|once)|awaiting\s+(?:approval|funding|authori[sz]ation))\b",
    re.I,
)
_GLOSS_GIVEN = re.compile(r"\b(?:received|given|taking|taken|took|since|started|continu\w*|ongoing|cycles?\s*\d)\b", re.I)


def _planned_in_gloss(doc: TextDoc, f: Finding) -> bool:
    m = _GLOSS_AFTER.match(doc.text, f.end)
    return bool(m and _GLOSS_PLAN.match(m.group(1)) and not _GLOSS_GIVEN.search(m.group(1)))


# (held-out v26, issue 13's twenty-seventh pass, part two) [v26-therapy-field-no] A drug written as a field of a form and
# answered no, the answer closing the field ("oxaliplatin: no |", "Bevacizumab = N;", "cetuximab: never."): not given.
# An answer that goes on ("oxaliplatin: no dose change") is no such field.
_FIELD_NO_AFTER = re.compile(r"[ \t]*[:=][ \t]*(?:no|none|nil|n|never)\b(?=[ \t]*(?:[|,;.)\n]|$))", re.I)


# (held-out v22, issue 13's twenty-third pass) [v22-therapy-relatives-bottle] A drug its own clause says is a
# relative's ("The sotorasib bottle in the bag is the wife's", "the capecitabine box ... is the husband's"): not the
# patient's. Read after the drug in its clause only: another drug on the line stays the patient's.
_RELATIVES_AFTER = re.compile(
    r"[^.;\n]{0,40}?\b(?:is|was|are|were)\s+(?:the|his|her|their|pt'?s|patient'?s)\s+(?:husband|wife|spouse|partner|son|"
    r"daughter|mother|father|brother|sister|mum|mom|dad)(?:'s|\u2019s)",
    re.I,
)
# (held-out v22, issue 13's twenty-third pass) [v22-therapy-renewal] A renewal, re-authorization or continuation
# request for a drug ("Renewal request adagrasib + cetuximab", "Re-authorization request for sotorasib"): the drug is
# taken; the request is for more of it. A first request stays a request.
# (held-out v28, issue 13's twenty-ninth pass, part two) [v28-therapy-continuation] a request for a drug's continuation,
# named right after it ("divarasib for inpatient continuation", "sotorasib for continuation of therapy"): the drug is
# taken, as for a renewal. Guard: "for continuation if approved" stays a condition (the plan checks read it).
_CONTINUATION_AFTER = re.compile(
    r"[ \t]*(?:\([^()\n]{0,30}\)[ \t]*)?for\s+(?:(?:inpatient|ongoing|home|outpatient)\s+)?continuation\b(?![^.;\n]{0,30}\bif\b)",
    re.I,
)
_RENEWAL_BEFORE = re.compile(
    r"\b(?:renewal|re-?auth\w*|continuation)\s+(?:(?:request(?:ed)?|review|application|pa)\s+)?(?:for\s+|of\s+)?"
    r"(?:[\w/+,-]+\s+){0,2}$",
    re.I,
)
# (held-out v22, issue 13's twenty-third pass) [v22-therapy-decided-against] A drug the clause says was decided
# against or avoided, right before it ("decided against carbo/pem", "opted against FOLFIRI", "the reason we avoided
# pembro"): not given. ConText's negation is left alone (an "avoided" there would negate a diagnosis in the sentence).
_REFUSED_BEFORE = re.compile(
    r"\b(?:decided|decides|decide|opted|opts|chose|chooses|elected)\s+against\s+(?!(?:stopping|holding|pausing|"
    r"discontinuing|interrupting|switching|changing|reducing)\b)(?:[\w/+-]+\s+){0,2}$"
    r"|\bavoid(?:ed|ing|s)?\s+(?!(?:stopping|holding|pausing|discontinuing|interrupting|missing|delaying)\b)(?:[\w/+-]+\s+){0,1}$",
    re.I,
)
# (held-out v22) [v22-therapy-cycle-given-next] An order's or a plan's drug whose next sentence on the same line
# records a cycle given with no other drug named ("Order set docetaxel 75 mg/m2 - signed. C1 given 11/21",
# "Infusion order: durvalumab q4w consolidation; C7 given 11/26"): given.
# (issue 13's thirty-fifth pass) [t35-first-dose-taken-next] ... or its first dose taken (an oral drug's: "Now sotorasib
# alone, special authority approved; first dose taken 01/12/2026"). Guards: "first dose to be taken", "first dose taken
# once approved".
_CYCLE_GIVEN = re.compile(
    r"\s*(?:(?:cycle|cyc|c)\s*\d{1,2}(?:\s*,?\s*(?:day|d)\s*\d{1,2})?"
    r"\s+(?:was\s+)?(?:given|administered|infused)"
    # (held-out v40, issue 13's forty-first pass) [t41-cycle-dated-given] its date between ("C2D1 11/25/26 given");
    # (t41's review fix) with its date, "given" must end its clause: no "?", no noun after it ("C1D1 12/10/26 given
    # insurance approval pending", "C1D1 on 12/10 given ANC recovery - to be confirmed", "C1 12/10/26 given?")
    r"|(?:cycle|cyc|c)\s*\d{1,2}(?:\s*,?\s*(?:day|d)\s*\d{1,2})?\s+(?:on\s+)?\d{1,2}/\d{1,2}(?:/\d{2,4})?\s+(?:was\s+)?"
    r"(?:given|administered|infused)(?=[ \t]*(?:[.;,](?!\w)|\n|$))"
    r"|dose\s+\d{1,2}\s+(?:was\s+)?(?:given|administered|infused)"
    r"|(?:the\s+)?first\s+dose\s+(?:was\s+)?(?:given|administered|infused|taken))\b"
    r"(?!\s+(?:yet|later|once|when|if|after|tomorrow|next|on\s+approval))",
    re.I,
)


# (issue 13's thirty-fourth pass) [t34-therapy-cycle-given-before] ... and its mirror: the clause before the drug's, on
# its line and closed by a semicolon, records a cycle given, or a later cycle released, with no drug named in it ("Plan:
# NSCLC KRAS G12C SOTORASIB. Cycle 3 Day 1 released 11/18/2026; sotorasib 960 mg PO daily"): given. Guards: a first
# cycle only "released" (sent to the pharmacy) is none; a drug whose own clause is still to come ("...; sotorasib to
# start next week") stays a plan.
_CYCLE_GIVEN_BEFORE = re.compile(
    r"(?:^|[.:]\s+)(?:(?:cycle|cyc|c)\s*\d{1,2}(?:\s*,?\s*(?:day|d)\s*\d{1,2})?\s+(?:was\s+)?(?:given|administered|infused)"
    r"|(?:cycle|cyc|c)\s*(?:[2-9]|\d\d)(?:\s*,?\s*(?:day|d)\s*\d{1,2})?\s+(?:was\s+)?released)\b[^.;\n]{0,30};\s*$",
    re.I | re.M,
)
_STILL_TO_COME = re.compile(r"\bto\s+(?:start|begin|be\s+(?:given|started))\b|\bwill\b|\bplanned\b|\bpending\b", re.I)


def _cycle_given_before(doc: TextDoc, f: Finding) -> bool:
    if f.start - f.sentence_start > 20 or _FUTURE.search(f.sentence) or _STILL_TO_COME.search(f.sentence):
        return False
    m = _CYCLE_GIVEN_BEFORE.search(doc.text, _line_start(doc.text, f.sentence_start), f.sentence_start)
    return bool(m) and not _drugs().search(m.group(0))


def _cycle_given_next(doc: TextDoc, f: Finding) -> bool:
    end = f.sentence_start + len(f.sentence)
    line_end = _line_end(doc.text, end)
    nxt = doc.text[end:line_end]
    return bool(_CYCLE_GIVEN.match(nxt)) and not _drugs().search(re.split(r"[.;]", nxt, maxsplit=1)[0])


# (held-out v39, issue 13's fortieth pass) [t40-lines-bracket] the lines a disease progressed after, listed in a bracket
# whose items a semicolon or a comma separates ("PD after 2 lines (carboplatin/pemetrexed/pembrolizumab; docetaxel)",
# "failed 3 lines (FOLFOX, FOLFIRI, ...)"): each drug of the bracket was given, not only the first. Guards: a
# bracket of lines still to come ("before 2 lines (...)"), lines a plan would use ("if she fails 2 lines (...)").
# (review fix) Only after a past event (progression / PD / failed), never a bare "after 2 lines (...)", and no plan word
# earlier in its sentence ("Would consider sotorasib only after 2 lines (platinum doublet, docetaxel)").
_LINES_BRACKET_BEFORE = re.compile(
    r"\b(?:(?:progress\w*|pd|pod)\s+(?:after|on|through|despite|following)|(?<!if\s)(?<!unless\s)failed)"
    r"\s+(?:\d|two|three|four|five|several|multiple)\s+(?:prior\s+|previous\s+)?lines?"
    r"(?:\s+of\s+(?:therapy|treatment|tx))?\s*\((?:[^()\n;]{0,80}[;,]\s*)+$",
    re.I,
)
_LINES_PLAN_WORD = re.compile(r"\b(?:would|consider\w*|only|if|eligible|once|until|candidate)\b", re.I)


def _lines_bracket_before(text: str, at: int) -> bool:
    """A drug in the bracket of the lines a disease progressed after, no plan word earlier in that sentence."""
    ls = _line_start(text, at)
    m = _LINES_BRACKET_BEFORE.search(text, max(ls, at - 160), at)
    if not m:
        return False
    own = re.split(r"[.!?](?:\s|$)", text[ls : m.start()])[-1]
    return not _LINES_PLAN_WORD.search(own)


# (held-out v22) [v22-therapy-after-course] "after cisplatin/pemetrexed chemoradiation", "after carboplatin/
# paclitaxel x4": a course had before the sentence's time, given, in a plan's or an order's section too.
_AFTER_WORD = re.compile(r"\bafter\s+(?:(?:concurrent|adjuvant|induction|neoadjuvant|definitive|prior)\s+)?$", re.I)
_COURSE_AFTER = re.compile(
    r"\s*(?:-?\s*based\s+)?(?:chemo-?radiation|chemo-?radiotherapy|chemo-?rt|crt|chemo(?:therapy)?\s+(?:x\s*\d|\d+\s+cycles?)|"
    r"x\s*\d{1,2}\b|\(\s*x\s*\d)",
    re.I,
)


# (held-out v22, issue 13's twenty-third pass) [v22-therapy-later-cycle-not-given] A drug whose later cycle the line
# says was not given ("Pembrolizumab/pemetrexed maintenance C9 NOT given (8 cycles given so far)", "FOLFIRI cycle 5 not
# administered - platelets"): a dose held of a drug had, not a drug never given. A first cycle not given stays negated.
_LATER_CYCLE_NOT_GIVEN = re.compile(
    r"[^.;\n]{0,40}?\b(?:c|cycle|cyc|dose)\s*(?:[2-9]|\d\d)\b(?![/.-]\d)(?:\s*d\d{1,2})?\s*(?:was\s+|is\s+)?"
    r"(?:not|n[o'\u2019]t)\s+(?:given|administered|infused)\b",
    re.I,
)


def _later_cycle_not_given(doc: TextDoc, f: Finding) -> bool:
    if f.modifiers & EXCLUDING != {"NEGATED_EXISTENCE"} or f.section in NOT_OWN_SECTIONS:
        return False
    said = _LATER_CYCLE_NOT_GIVEN.match(doc.text, f.end)
    return bool(said) and not _drugs().search(said.group(0))


# (held-out v22) [v22-therapy-held-pending] A drug held pending a work-up or a result ("IP (adagrasib) held pending
# work-up", "sotorasib on hold pending LFTs"): the "pending" is the work-up's doubt; the drug was taken.
_HELD_PENDING_AFTER = re.compile(
    r"[\s)\]]{0,3}(?:(?:was|is|has\s+been|remains)\s+)?(?:held|on\s+hold|paused|interrupted|withheld)\s+"
    r"(?:(?:today|since\s+\S+)\s+)?(?:pending|awaiting|until)\b",
    re.I,
)


# (held-out v29, issue 13's thirtieth pass, part two) [v29-study-drug-acted-on] A study's log naming the subject's drug
# (its cohort or arm), and the next sentence saying what was done with that drug ("cohort: adagrasib monotherapy. AE:
# ALT increased; drug held 5 days, resumed"): a drug held, resumed, reduced or interrupted was being taken, whatever
# the study's name before it reads like. Guards: "drug will be held", "drug to be started" (no act done), one drug only.
_DRUG_ACTED_ON_NEXT = re.compile(
    r"(?:[^\n]|\n(?![ \t]*\n)){0,80}?\b(?:study\s+)?(?:drug|ip|medication|treatment|dose)\s+(?:was\s+|were\s+|has\s+been\s+)?"
    r"(?:held|interrupted|withheld|resumed|restarted|reduced|re-?challenged)\b",
    re.I,
)


def _study_drug_acted_on(doc: TextDoc, f: Finding) -> bool:
    end = f.sentence_start + len(f.sentence)
    one_drug = "," not in f.value and len(_drugs().findall(f.sentence)) == 1
    return one_drug and bool(_DRUG_ACTED_ON_NEXT.match(doc.text, end))


# (held-out v39, issue 13's fortieth pass) [t40-records-of-prior-course] Records sent or asked for that document a
# prior course, the drugs with the course's closed dates in a bracket after them ("Plan requested chart notes
# documenting prior platinum tx -> faxed 2 notes (carbo/pem/pembro 4/2026-10/2026)"): a course had, whatever the
# request's HYPOTHETICAL. Guards: no history word before it on the line ("requested carboplatin/pemetrexed
# 12/2026-3/2027"), no closed range (a start date only).
_HISTORY_ON_LINE = re.compile(r"\b(?:prior|previous|documenting|documented|history\s+of|hx\s+of)\b", re.I)
_CLOSED_RANGE_AFTER = re.compile(
    r"[ \t]*(?:x[ \t]*\d{1,2}[ \t]*)?,?[ \t]*\d{1,2}/(?:\d{1,2}/)?(?:19|20)\d{2}[ \t]*(?:-|\u2013|to|through)[ \t]*"
    r"\d{1,2}/(?:\d{1,2}/)?(?:19|20)\d{2}[ \t]*\)"
)


def _records_of_prior_course(doc: TextDoc, f: Finding) -> bool:
    if not f.doubted_only_by("HYPOTHETICAL") or not _CLOSED_RANGE_AFTER.match(doc.text, f.end):
        return False
    before = doc.text[_line_start(doc.text, f.start) : f.start]
    return "(" in before[-3:] and bool(_HISTORY_ON_LINE.search(before))


def _held_pending(doc: TextDoc, f: Finding) -> bool:
    return f.doubted_only_by("HYPOTHETICAL") and bool(_HELD_PENDING_AFTER.match(doc.text, f.end))


# (held-out v22) [v22-therapy-leucovorin-with-fluorouracil] Leucovorin named on its own beside fluorouracil within a
# line or two ("leucovorin 400 mg/m2 released; fluorouracil bolus + 46 h pump released"): the folinic acid of a
# fluorouracil regimen, listed as the regimen names do. Alone (a rescue after methotrexate) it is no cancer therapy.
_FLUOROURACIL = re.compile(r"\bfluorouracil\b|\b5-?fu\b|\b5-fluorouracil\b", re.I)


def _leucovorin_with_fluorouracil(doc: TextDoc, f: Finding, drugs: tuple) -> bool:  # type: ignore[type-arg]
    if [d.ingredient for d in drugs] != ["leucovorin"]:
        return False
    return bool(_FLUOROURACIL.search(doc.text, max(0, f.start - 150), f.end + 150))


# (held-out v21, issue 13's twenty-second pass) [v21-therapy-plan-label] A sentence led by a plan's label ("Plan:
# chemoradiation with cisplatin/etoposide", "Follow-up: consolidation durvalumab per med onc", "Next steps - ..."):
# every drug of it is decided, however far after the label (planned_before reads only 40 characters before a drug);
# given_in_plan's words ("continue", "C3", "completed") still make a drug given.
# (held-out v31's safety pass, issue 13) [v31s-plan-request-label] a plan's or a request's label in more languages and
# templates ("Ke hoach:" Vietnamese plan, "Solicitare:" Romanian request, "Requested:", "Pathway selection:"), on the
# drug's line or ending the line above it: to come, not given (a drug given in the clause stays given: see _therapy)
_PLAN_REQUEST_WORDS = (
    r"k[e\u1ebf]\s+ho[a\u1ea1]ch|\uacc4\ud68d|solicitare|requested|(?:[\w-]+\s+)?(?:regimen|pathway|treatment)\s+selection"
    r"|on-pathway\s+selection"
    # (issue 13's t37 pass, held-out v35) [t37-selected-regimen] a pathway tool's "Selected regimen: <drug> - ON PATHWAY"
    r"|selected\s+(?:regimen|treatment|therapy)"
)
_PLAN_LABEL = re.compile(
    # (issue 13's t36s pass) [t36s-future-label] "Future: sotorasib + panitumumab at progression": to come
    r"\W*(?:plan|follow[\s-]?up|next\s+steps?|action(?:\s+items?)?|intended\s+(?:treatment|regimen)|future(?:\s+(?:plans?|options?|lines?))?"
    rf"|{_PLAN_REQUEST_WORDS})\s*(?::|\s[-\u2013]\s)",
    re.I,
)


# (held-out v21, issue 13's twenty-second pass) [v21-therapy-first-cycle-not-given] A first cycle that did not happen:
# a note whose only cycle is the first ("C1", "C1D1", "first chemo ever") and whose drug's own sentence, or the next
# one, says it was not given, deferred or omitted ("treatment NOT given today: pt arrived for C1 FOLFOX; ...",
# "C1D1 FOLFIRI given ... Bevacizumab omitted today"): the drug was never given. A later cycle in the note ("C2
# deferred") is a dose held of a drug had; a drug with its own "given" after it stays given.
_FIRST_CYCLE = re.compile(
    r"\b(?:c|cycle|cyc)\s*(?:1|one)\b(?![/.-]?\d)|\bc1d1\b|\bfirst[\s-]ever\b|\bfirst\s+(?:chemo\w*|cycle|infusion|dose)\s+ever\b",
    re.I,
)
_LATER_CYCLE = re.compile(r"\b(?:c|cycle|cyc|cycles)\s*(?:[2-9]|\d\d)\b(?![/.-]\d)|\bcycles\b|\bcontinu\w*|\bprevious\s+cycle\b", re.I)
_NOT_GIVEN_WORD = re.compile(
    r"\b(?:omitted|deferred|postponed|not\s+given|withheld|cancell?ed)\b", re.I
)
_GIVEN_AFTER_DRUG = re.compile(r"[^.;\n]{0,25}?(?<!not\s)\b(?:given|administered|infused|started)\b", re.I)


def _first_cycle_not_given(doc: TextDoc, f: Finding) -> bool:
    if not _FIRST_CYCLE.search(doc.text) or _LATER_CYCLE.search(doc.text):
        return False
    if _GIVEN_AFTER_DRUG.match(doc.text, f.end):
        return False
    end = f.sentence_start + len(f.sentence)
    nxt = _SENTENCE_END.search(doc.text, end)
    window = doc.text[f.sentence_start : nxt.end() if nxt else len(doc.text)]
    return bool(_NOT_GIVEN_WORD.search(window))


# (held-out v18, issue 13's nineteenth pass) [v18-given-word-other-drug] A drug whose own words say it is requested,
# in a clause of its own after another drug ("PD after FOLFIRI, and adagrasib with cetuximab is
# requested"): the history's word ("PD after") is the other drug's, not this one's.
_CLAUSE_JOIN = re.compile(r",\s*(?:and|but|now|then|so)\b|;|\band\s+now\b", re.I)


def _own_clause(doc: TextDoc, f: Finding) -> str:
    before = doc.text[f.sentence_start : f.start]
    drugs = list(_drugs().finditer(before))
    if drugs:
        joins = list(_CLAUSE_JOIN.finditer(before, drugs[-1].end()))
        if joins:
            return doc.text[f.sentence_start + joins[-1].end() : f.sentence_start + len(f.sentence)]
    return f.sentence


# (held-out v18, issue 13's nineteenth pass) [v18-given-on-own-line] A negation that is not the drug's: a record line
# "<drug> ... - given" after a line ending "no reaction" (the cue is on another line), and a drug "not restarted" /
# "not resumed" / "not rechallenged" (given before: a drug stopped is a drug had).
_GIVEN_ON_LINE = re.compile(r"[^\n]{0,50}?(?:[-\u2013:|]\s*|\s)(?:given|administered|infused|taken)\b(?!\s+(?:today|yet))", re.I)
_NOT_AGAIN_BEFORE = re.compile(
    r"\b(?:not|never|n[o'\u2019]t)\s+(?:be\s+|to\s+)?(?:restart\w*|re-start\w*|resum\w*|re-?challeng\w*|re-?introduc\w*|re-?treat\w*)"
    r"\s+(?:with\s+|on\s+|her\s+|his\s+|the\s+)?$",
    re.I,
)


def _given_despite_negation(doc: TextDoc, f: Finding) -> bool:
    if f.modifiers & EXCLUDING != {"NEGATED_EXISTENCE"} or f.section in NOT_OWN_SECTIONS:
        return False
    own = doc.text[_line_start(doc.text, f.start) : f.start]
    if _NOT_AGAIN_BEFORE.search(doc.text[max(0, f.start - 40) : f.start]):
        return True
    rest = doc.text[f.end : _line_end(doc.text, f.end)]
    return not _NEGATION_CUE.search(own) and not _NEGATION_CUE.search(rest) and bool(_GIVEN_ON_LINE.match(rest))


# (held-out v20, issue 13's twenty-first pass) [v20-therapy-doubted-event] A drug the patient is "on", or that an
# adverse event is said to come "from", in a sentence whose only doubt is the event's ("?pneumonitis on adagrasib",
# '"r/o pneumonitis" on X', "pneumonitis from sotorasib or his known NSIP?", "known ILD?? vs lymphangitis - on X"):
# the doubt is the event's, the drug is given. A doubt bound to the drug ("?on sotorasib", "possibly on X") or a risk
# asked of it ("risk of pneumonitis on sotorasib?") stays a doubt.
_ADVERSE_EVENT = re.compile(
    r"\b(?:pneumonitis|ild|interstitial|ground[\s-]glass|ggo|colitis|hepatitis|hepatotox\w*|toxicit\w*|rash|effusion|nsip)\b",
    re.I,
)
_ON_OR_FROM_BEFORE = re.compile(
    r"\b(?:on|from|due\s+to|secondary\s+to|related\s+to|induced\s+by|caused\s+by)\s+(?:the\s+)?$", re.I
)
_DOUBT_ON_DRUG = re.compile(
    r"(?:\?|\b(?:possibly|maybe|perhaps|probably|questionabl[ey]|if|whether|unclear|unsure)\s*)\s*"
    r"(?:on|from)\s+(?:the\s+)?$|\b(?:risks?|rates?|incidence|chance|likelihood)\s+of\b",
    re.I,
)


def _drug_beside_doubted_event(doc: TextDoc, f: Finding) -> bool:
    if f.modifiers & EXCLUDING != {"POSSIBLE_EXISTENCE"} or f.section in NOT_OWN_SECTIONS:
        return False
    before = f.sentence[: f.start - f.sentence_start]
    if not _ON_OR_FROM_BEFORE.search(before) or _DOUBT_ON_DRUG.search(before):
        return False
    # the event on the drug's line too: "known ILD?? vs ... - on X" is cut into sentences at the "??"
    line_before = doc.text[_line_start(doc.text, f.start) : f.start]
    if _ADVERSE_EVENT.search(before) or _ADVERSE_EVENT.search(line_before):
        return True
    # an event after the drug only when no question closes the drug's own clause ("On sotorasib? - ... pneumonitis")
    return bool(_ADVERSE_EVENT.search(_line(doc, f))) and not _QUESTION_AFTER.match(doc.text, f.end)


_QUESTION_AFTER = re.compile(r"[^,;.\n?]{0,40}\?(?!\w)")


# (held-out v37, issue 13's thirty-eighth pass) [t38-order-reason-on-drug] A test ordered for a complaint the patient
# has "on" a drug ("CT chest - ordered for new cough on sotorasib (r/o pneumonitis)", "labs obtained for diarrhea on
# FOLFIRI"): the order's doubt is the test's; the reason, and the drug it arose on, are the patient's. The complaint
# (one to four words) must stand between "for" and "on"; guards: "ordered for sotorasib" (the drug ordered), a doubt
# bound to the drug ("?on X"), a start still to come ("on sotorasib start", "on starting X").
_ORDER_REASON_ON = re.compile(
    r"\b(?:ordered|obtained|requested|performed|done|sent)\s+(?:for|because\s+of|due\s+to|to\s+evaluate)\s+"
    r"(?:(?!(?:if|whether|possible|planned|future)\b)[\w/-]+\s+){1,4}?on\s+(?:the\s+)?$",
    re.I,
)
_START_AFTER = re.compile(r"\s+(?:start|initiation|initiating|starting|commencement)\b", re.I)


def _reason_of_order_on_drug(doc: TextDoc, f: Finding) -> bool:
    if f.modifiers & EXCLUDING - {"POSSIBLE_EXISTENCE"} != {"HYPOTHETICAL"} or f.section in NOT_OWN_SECTIONS:
        return False
    before = f.sentence[: f.start - f.sentence_start]
    return bool(_ORDER_REASON_ON.search(before)) and not _DOUBT_ON_DRUG.search(before) and not _START_AFTER.match(
        doc.text, f.end
    )


# (held-out v37, issue 13's thirty-eighth pass) [t38-will-drug-be-used] A form's question about the drug's use to come
# ("Q: Will sotorasib be used as monotherapy? A: Yes", "Will Lumakras be given with other anticancer drugs?"): the
# answer yes speaks of the regimen requested, not of a drug given. Only "will <drug> be used / given / taken /
# combined / prescribed"; "Has the patient received carboplatin?" is no such question.
_WILL_BE_USED_BEFORE = re.compile(r"(?:^|[:.)\]]\s*|\b(?:q|question)\s*\d{0,2}\s*[:.)-]\s*)will\s+(?:the\s+)?$", re.I)
_WILL_BE_USED_AFTER = re.compile(
    r"(?:\s*\([^()\n]{0,30}\))?\s+be\s+(?:used|given|taken|combined|prescribed|administered|dispensed)\b", re.I
)


# (held-out v20, issue 13's twenty-first pass) [v20-therapy-prior-in-request] A drug named as the history inside a
# request ("request was for sotorasib + panitumumab (mCRC, prior FOLFOX/FOLFIRI)", "applying for X after progression
# on carboplatin"): the request is the other drug's; "prior", "s/p", "failed", "progressed on" make this one given,
# in a request's subject line and in a sentence the general-statement filter reads as general ("denial ..."). Not
# a quoted label ('"prior KRAZATI" exclusion'), not across a list's "and" ("prior systemic therapy, and X must").
_PRIOR_IN_REQUEST = re.compile(
    r"(?<![\"\u201c])\b(?:prior|previous(?:ly)?|s/p|status\s+post|post(?=\s)|failed|(?:progressed|progression|pd)\s+(?:on|after|through))\s+"
    r"(?!(?:auth\w*|pa|to|approval|request)\b)(?:(?!(?:and|or|must|should|will)\b)(?:[\w+-]+\s*/\s*|[\w/+-]+\s+)){0,2}$"
    # (held-out v39, issue 13's fortieth pass) [t40-request-post-courses] "post <course> and <course>" inside a request
    # ("Request: sotorasib ... monotherapy for mCRC (KRAS G12C), post FOLFOX and FOLFIRI"): both courses had. One
    # course word before the "and" only ("prior systemic therapy and X must" stays unread).
    r"|(?<![\"\u201c])\b(?:post|prior|s/p|failed)\s+(?!(?:auth\w*|pa|to|approval|request|op)\b)[\w/+-]+\s+(?:and|&)\s+$"
    # (held-out v37, issue 13's thirty-eighth pass) [t38-after-treatment-with] a past treatment named with its drugs
    # after "after" ("radiation pneumonitis 2024 after chemoRT w/ carbo/pem", "after concurrent chemoradiation with
    # cisplatin/etoposide"): the drugs of a course had. Not "before", not a plan ("after PA approval").
    r"|\b(?:after|following|s/p)\s+(?:(?:concurrent|definitive|adjuvant|neoadjuvant|induction|consolidation)\s+)?"
    r"(?:chemo-?rt|chemo-?radiation|chemoradiotherapy|c?crt|chemo(?:therapy)?|radiation|rt|surgery\s+and\s+chemo)\s+"
    r"(?:w/|with)\s*$",
    re.I,
)


def _named_as_history(doc: TextDoc, f: Finding) -> bool:
    if _TREATED_WITH_LIST.search(doc.text, max(f.sentence_start, f.start - 100), f.start) and not _PLANNED_AFTER.match(
        doc.text, f.end
    ):
        return True  # (t41) [t41-treated-with-list] "previously treated with fluoropyrimidine, oxaliplatin and <drug>"
    return bool(_PRIOR_IN_REQUEST.search(doc.text, max(f.sentence_start, f.start - 40), f.start))


# (held-out v40, issue 13's forty-first pass) [t41-treated-with-list] A list of drugs after "previously treated with" /
# "prior treatment with" inside a request ("We request coverage of sotorasib with panitumumab for Ms. R. (...),
# previously treated with fluoropyrimidine, oxaliplatin and irinotecan-based chemotherapy"): each item of the list was
# had, not only the first, as [v20-therapy-prior-in-request] reads one. At most three items before the drug, joined by
# commas, "and" or "&"; not after a negation ("not previously treated with"), and no verb of a rule or plan among them
# ("previously treated with platinum and must have progressed").
# (t41's review fix) ", and" ends the list ("previously treated with FOLFOX and bevacizumab, and panitumumab will be
# added"), and a drug followed in its clause by a plan ("will", "to be", "is requested", "planned", "added") is no history.
_PLANNED_AFTER = re.compile(
    r"[^,.;\n]*?\b(?:will|to\s+be|(?:is|are)\s+(?:now\s+)?requested|requested|planned|added)\b", re.I
)
_TREATED_WITH_LIST = re.compile(
    r"(?<![\"\u201c])(?<!\bnot\s)(?<!\bnever\s)\b(?:previously|already)\s+(?:treated|received|given)\s+(?:with\s+)?"
    r"(?:(?!(?:and|or|must|should|will|may|not|no|if|to|be)\b)[\w/+-]+\s*(?:,(?!\s*(?:and|&)\s)\s*|\s(?:and|&)\s+)){1,3}$"
    r"|(?<![\"\u201c])\bprior\s+(?:treatment|therapy)\s+with\s+"
    r"(?:(?!(?:and|or|must|should|will|may|not|no|if|to|be)\b)[\w/+-]+\s*(?:,(?!\s*(?:and|&)\s)\s*|\s(?:and|&)\s+)){1,3}$",
    re.I,
)


# (held-out v20, issue 13's twenty-first pass) [v20-therapy-relative-reports] A relative as the teller of what the
# patient had ("wife also reports he had pneumonitis from the immunotherapy, pembrolizumab", "daughter says her mum
# took capecitabine"): the patient's drug, once FAMILY is set aside. Only one relative in the sentence, and no other
# doubt; a relative's own drug ("wife reports she takes tamoxifen") stays hers.
_RELATIVE_REPORTS = re.compile(
    r"\b(?:wife|husband|spouse|partner|daughter|son|mother|father|mum|mom|dad|sister|brother|caregiver|carer)\s+"
    r"(?:also\s+)?(?:reports?|says|said|states?|stated|mentions?|mentioned|confirms?|confirmed)\s+(?:that\s+)?"
    r"(?:he|pt|the\s+patient|(?:her|his)\s+(?:husband|wife|mum|mom|dad|father|mother))\b",
    re.I,
)
# (held-out v29, issue 13's thirtieth pass, part two) [v29-therapy-relative-per] ... or named as the source with "per" or
# "according to" ("per wife the last dose of carboplatin/pemetrexed was 8 days ago"); not "accompanied by his wife,
# who is on ..." (the wife's own), which no "per" introduces.
_RELATIVE_PER = re.compile(
    r"\b(?:per|according\s+to|as\s+told\s+by|as\s+reported\s+by)\s+(?:the\s+|his\s+|her\s+|their\s+|pt'?s\s+)?"
    r"(?:wife|husband|spouse|partner|daughter|son|mother|father|mum|mom|dad|sister|brother|caregiver|carer|family)\b"
    r"(?![^.;\n]{0,20}\bwho\b)",
    re.I,
)
_RELATIVE_WORD = re.compile(
    r"\b(?:wife|husband|spouse|partner|daughter|son|mother|father|mum|mom|dad|sister|brother|caregiver|carer|family)\b",
    re.I,
)


def _relative_reports_patient(f: Finding) -> bool:
    if f.modifiers & EXCLUDING != {"FAMILY"} or f.section in NOT_OWN_SECTIONS:
        return False
    before = f.sentence[: f.start - f.sentence_start]
    reports = _RELATIVE_REPORTS.search(before) or _RELATIVE_PER.search(before)
    return bool(reports) and len(_RELATIVE_WORD.findall(f.sentence)) == 1


# (held-out v29, issue 13's thirtieth pass, part two) [v29-drug-asked-working] A question whether the drug is working
# ("is that the adagrasib and cetuximab working?", "Is it the sotorasib helping?"): asked of a drug being taken, so the
# question's doubt is the effect's. Only the question mark's doubt; guards: "would / will / could X work?", "does X
# work for ...?" (a drug not yet taken, or in general).
_ASKED_WORKING_BEFORE = re.compile(
    r"\b(?:is|are)\s+(?:that|this|it|these|those)\s+(?:the\s+|my\s+)?(?:(?P<other>[\w-]+)\s*(?:,|and|\+|&|/)\s*(?:the\s+)?)?$",
    re.I,
)
_WORKING_AFTER = re.compile(r"(?:\s*(?:,|and|\+|&|/)\s*(?:the\s+)?(?P<other>[\w-]+))?\s+(?:working|helping)\b", re.I)


def _drug_asked_working(doc: TextDoc, f: Finding) -> bool:
    if not f.doubted_only_by("POSSIBLE_EXISTENCE"):
        return False
    before = _ASKED_WORKING_BEFORE.search(doc.text, max(f.sentence_start, f.start - 60), f.start)
    after = _WORKING_AFTER.match(doc.text, f.end)
    if not (before and after):
        return False
    others = [m.group("other") for m in (before, after) if m.group("other")]
    return all(_drugs().fullmatch(o) for o in others)  # a list of drugs only ("the X and Y working")


# (held-out v24, issue 13's twenty-fifth pass, part two) [v24-caller-relative] A relative who calls naming the patient by
# the relation ("Call from son: father stopped sotorasib 3 days ago"): the patient's drug, FAMILY its only doubt.
def _caller_relative_is_patient(doc: TextDoc, f: Finding) -> bool:
    if f.modifiers & EXCLUDING != {"FAMILY"} or f.section in NOT_OWN_SECTIONS:
        return False
    return _relative_is_patient(doc, f)


# (held-out v37, issue 13's thirty-eighth pass) [t38-regimen-field-every-drug] A form's "Regimen:" field (planned_before's
# "Regimen:" reads 40 characters on) names every drug of its line, however long the doses between ("Regimen: carboplatin
# AUC 5 + pemetrexed 500 mg/m2 + pembrolizumab 200 mg q3w x4"): the third drug is the regimen's as the first is. Only
# within the field's own sentence on its line (no stop or semicolon between); a dose the line says was given is read
# by the given checks as for the first drug.
_REGIMEN_FIELD_LINE = re.compile(
    r"\W*(?:(?:study|trial|new|intended|requested|proposed|planned)\s+)?regimen\s*:[^.;\n]*$", re.I
)


# (held-out v23) [v24-therapy-not-yet] A line that ends in a plan's colon ("Total neoadjuvant therapy planned:" over
# "short-course RT 25 Gy/5 then CAPOX"): the sentence on the next line is that plan's list, not drugs given.
_PLANNED_LINE_BEFORE = re.compile(
    r"\b(?:planned|plan|proposed|recommended|intended|to\s+(?:start|begin|follow)"
    # (held-out v29's safety pass) [v29s-decision-field] a board's decision field ending its line ("Recommendation:",
    # "Decision:", "Consensus:", "Decisão:", "Recomandare:"), the regimen on the next: proposed, not given
    r"|recommendations?|decision|consensus|decis[\u00e3a]o|decisi[\u00f3o]n|recomenda[\u00e7c][\u00e3a]o|recomandare"
    # (held-out v30's safety pass) [v30s-decision-field] ... in more languages ("Empfehlung:", "Predlog:", "Preporuka:")
    r"|(?:therapie)?empfehlung|vorschlag|predlog|prijedlog|preporuka|zaleceni[ea]|doporu[\u010dc]en[\u00edi]|advies|aanbeveling"
    r"|raccomandazione|proposta|recommandation|pr[\u00e9e]conisation"
    rf"|{_PLAN_REQUEST_WORDS})"  # (held-out v31's safety pass) [v31s-plan-request-label]
    r"\s*:[ \t]*\n[ \t]*$",
    re.I,
)


# [v24-therapy-not-yet] ... and a drug the patient has not started yet, named right after ("he has not started the
# Krazati", "has not yet begun her capecitabine"); "has not stopped the X" or "not started a new drug besides X" is none.
# (held-out v31's safety pass, issue 13) [v31s-not-started-list] ... and each drug of a list it names ("has not started
# <drug> or <drug>", "has not yet received <drug>, <drug> or <drug>"): none of them given
_NOT_STARTED_BEFORE = re.compile(
    r"\b(?:has|have|had|is|was)\s*(?:not|n[o'\u2019]t|never)\s+(?:yet\s+)?(?:started|begun|commenced|taken|received)\s+"
    r"(?:the\s+|his\s+|her\s+|their\s+|any\s+)?(?:[\w-]+(?:\s*,\s*|\s+(?:or|nor|and)\s+)){0,3}$",
    re.I,
)


# [v24-therapy-sought] ... and a companion's relative on the drug before its dose form ("Attends with his wife, who is on
# tab. sotorasib"): the splitter's stop at "tab." hid the relative from the drug; her drug, not the patient's.
_RELATIVE_ON_LEAD = re.compile(
    r"\b(?:his|her|their)\s+(?:wife|husband|spouse|partner|daughter|son|mother|father|mum|mom|dad|sister|brother)\b,?\s+"
    r"(?:who\s+)?(?:is|was|has\s+been)\s+(?:also\s+)?on\s+(?:tabs?|inj|caps?|syr)\.\s*$",
    re.I,
)


# (held-out v15, issue 13's sixteenth pass) [v15-patient-on-drug] A drug the patient is said to be on or to have had
# ("Education visit: pt on adagrasib ...", "screen failure - subject 12 had prior sotorasib ..."), in a sentence whose
# other words (education, eligibility, exclusion) make it read as general: the patient's own drug. One patient as the
# subject ("patients on sotorasib can ..." stays general), right before the drug.
_PATIENT_HAD = re.compile(
    r"\b(?:pt|patient|subject|subj|member|participant)(?:\s+#?[\w-]*\d[\w-]*)?\s+(?:(?:is|remains|currently|still)\s+)?"
    r"(?:on|had(?:\s+(?:prior|previous|previously))?|(?:has\s+)?received|was\s+treated\s+with)\s+$",
    re.I,
)


# (held-out v17, issue 13's eighteenth pass) [v17-therapy-unticked-comment] "had" alone too, and in a form's unticked
# item too: "[ ] Prior therapy: none  <- left unchecked (pt had carboplatin/paclitaxel 2024)" names the patient's drug.
def _patient_had(doc: TextDoc, f: Finding) -> bool:
    return bool(_PATIENT_HAD.search(doc.text[max(0, f.start - 60) : f.start]))


# (held-out v37, issue 13's thirty-eighth pass) [t38-history-field-below-list] A line opening with a field of the patient's
# own history ("Clinical: metastatic lung adenocarcinoma ..., on carbo/pem/pembro since 9/2026", "Treatment history:
# ...") is no row of a drug list above it ('FDA-approved therapies: sotorasib, adagrasib' pasted from a report): its
# drugs are read as any sentence's. Only these history labels: a row labelled by a tier, a level or a drug stays a row.
_HISTORY_FIELD_LINE = re.compile(
    r"\s*(?:clinical(?:\s+(?:history|summary|context|course|status|information|info))?|history|hx|hpi|interval\s+history|"
    r"(?:onc(?:ologic(?:al)?)?|treatment|tx|therapy)\s+history|prior\s+(?:therapy|therapies|treatment|tx|lines?)|"
    r"current\s+(?:therapy|treatment|tx|regimen))\s*:",
    re.I,
)


# (held-out v15, issue 13's sixteenth pass) [v15-dose-table] A table whose header names a drug column beside a dose,
# week, cycle or date column ("wk | drug | dose | ALT"): a record of doses given, not a report's drug associations.
_DOSE_TABLE = re.compile(r"\|\s*(?:doses?|dosing|cycles?|wk|weeks?|dates?|days?|given)\s*(?:\(|\||$)|(?:^|\n)\s*(?:wk|week|cycle|day|date)\s*\|", re.I | re.M)


# (held-out v15, issue 13's sixteenth pass) [v15-requested-drug-question] A request form's question about "the
# requested drug" and its answer on the same line ('Q5 "Will requested drug be used in combination?": No - sotorasib
# monotherapy'): the drug named in the answer is the one asked for, not a drug given.
_REQUESTED_DRUG_QUESTION = re.compile(
    r"\b(?:will|is|would|was)\s+(?:the\s+)?requested\s+(?:drug|medication|agent|therapy|regimen)\b[^\n]*\?", re.I
)


# (held-out v14, issue 13's fifteenth pass) [v14-therapy-example] Drugs named as examples in a parenthesis ("(e.g.
# sotorasib, adagrasib)", "(for example capecitabine)", a blank form's prompt): none given. The sentence splitter
# breaks at "e.g.", so the parenthesis is looked for in the text before the drug.
_EXAMPLE_BEFORE = re.compile(r"\((?:\s*e\.\s?g\.?|\s*for\s+example|\s*such\s+as)[^()\n]{0,45}$", re.I)


# [ocr32-drug-list-label] (held-out OCR v31, issue 17's thirty-second pass) A drug listed after its line's label when the
# label names options or approvals (a closed list: "FDA-approved", "approved therapies", "treatment options", "matched
# therapies"), the list cut into sentences by a semicolon ("FDA-approved therapies for this tumor
# type: sotorasib; adagrasib (KRAS G12C)"), or the drugs a report names in a bracket after a drug class in the plural
# ("is not a target of the approved KRAS G12C inhibitors (sotorasib, adagrasib)", wrapped over a line): what the report
# lists, none given. Guards: a given word in the sentence ("received both G12C inhibitors (sotorasib, adagrasib)"), the
# patient's history ("Prior therapy: carboplatin; pemetrexed"), a stop between the label and the drug.
_LIST_LABEL = re.compile(r"^[^:\n]{3,80}:(?=[^.:\n]*$)")
_OPTIONS_LABEL = re.compile(
    r"\b(?:fda[\s-]approved|approved\s+(?:therap\w*|drugs?|agents?|treatments?|options?)|(?:treatment|therapy|therapeutic)\s+"
    r"options?|matched\s+therap\w*|potential(?:ly)?\s+(?:relevant|beneficial|matched)\s+therap\w*|therapies\s+with\s+"
    r"(?:potential\s+)?(?:clinical\s+)?benefit)\b",
    re.I,
)
_CLASS_MEMBERS_BEFORE = re.compile(
    r"\b(?:inhibitors|agents|drugs|therapies|tkis)[ \t]*\([ \t]*(?:[\w-]+[ \t]*,[ \t]*){0,4}$", re.I
)


_GIVEN_IN_SENTENCE = re.compile(
    r"\b(?:received|receiving|had|has\s+had|took|taken|given|treated|was\s+on|were\s+on|completed|progressed|failed|"
    r"stopped|discontinued)\b",
    re.I,
)


def _listed_not_given(doc: TextDoc, f: Finding) -> bool:
    if _GIVEN_IN_SENTENCE.search(doc.text[f.sentence_start : f.start]):
        return False  # "She received both KRAS G12C inhibitors (sotorasib, adagrasib)": given
    if _CLASS_MEMBERS_BEFORE.search(doc.text[max(0, f.start - 80) : f.start]):
        return True
    label = _LIST_LABEL.match(_line_before(doc, f))
    return bool(label and _OPTIONS_LABEL.search(label.group(0)))


# (held-out v11, issue 13's twelfth pass) [v11-form-drug-field] A request form's drug field ("drug: sotorasib", "DRUG:
# ADAGRASIB TAB", "Product: [x] sotorasib", "ePA - LUMAKRAS 320 MG"): the drug asked for, not a drug given (unless the
# sentence says it was given) on a form that asks for a drug (PA worksheet, non-formulary request, ePA, enrolment);
# a renewal or a dispensing verification names the drug taken.
_FORM_DRUG_FIELD = re.compile(
    r"(?<!current\s)(?<!previous\s)(?<!prior\s)\b(?:drug|product|medicine|medication)\s*:\s*(?:[\[(]\s*x\s*[\])]\s*)?$|(?:^|\n)\s*e-?pa\s*[-\u2013:]\s*$"
    # (held-out v32, issue 13's thirty-third pass) [v32-precert-form] a request form's combination field ("Combination:
    # with panitumumab"): the partner asked for with the requested drug
    r"|(?:^|[.\n]\s*)combination\s*:\s*(?:with\s+)?$",
    re.I,
)
_REQUEST_FORM = re.compile(
    r"\bpa\s+worksheet\b|\bnon-?formulary\b|\bpadr\b|(?:^|\n)\s*e-?pa\b|\benrol{1,2}ment\b|\bauth\w*\s*#?\s*pending\b"
    # (held-out v16, issue 13's seventeenth pass) [v16-request-form-kinds] a drug-assistance application and a prior
    # authorisation being opened ("Assistance application ... Product: sotorasib", "Call type: PA initiation | Drug:")
    r"|\b(?:patient\s+|drug\s+|free[\s-]drug\s+)?assistance\s+application\b|\bpa\s+(?:initiation|intake)\b"
    # (held-out v18, issue 13's nineteenth pass) [v18-request-form-kinds] a formulary request, an unregistered medicine's
    # application (Section 21, special access, named patient, compassionate use)
    r"|\bformulary\s+(?:request|application)\b|\b(?:section\s+21|special[\s-]access|named[\s-]patient|compassionate[\s-]use)"
    r"\s+(?:programme\s+|program\s+)?(?:application|request)\b"
    # (held-out v32, issue 13's thirty-third pass) [v32-precert-form] a precertification request (a payer's form, faxed)
    r"|\bpre-?certification\s+(?:request|form)\b",
    re.I,
)
_TAKEN_FORM = re.compile(r"\brenewal\b|\bre-?authori[sz]ation\b|\bverification\b|\bcontinuation\b", re.I)


def _request_form(text: str) -> bool:
    return bool(_REQUEST_FORM.search(text)) and not _TAKEN_FORM.search(text)


# A plan's time still to come ("C1D1 next week", "cycle 1 tomorrow", "C1 next Tues"): a cycle named in a plan is
# not a cycle given.
_FUTURE = re.compile(
    r"\bnext\s+(?:week|month|visit|cycle|(?:mon|tue|wed|thu|fri|sat|sun)\w*)\b|\btomorrow\b|\bin\s+\d+\s+(?:days?|weeks?)\b"
    r"|\bthis\s+coming\b|\bupcoming\b",
    re.I,
)
# (held-out v13, issue 13's fourteenth pass) [v13-therapy-called-wrong] A drug that the note calls wrong right after
# naming it ("referral mentions durvalumab - incorrect: no cancer treatment of any type", "osimertinib (erroneous)"):
# another document's claim corrected, not a drug given. "on sotorasib - incorrect dose" is about a dose: the wrong-word
# must end its clause.
# (held-out v31's safety pass, issue 13) [v31s-drug-unavailable] A drug said, right after it, not to be available ("durvalumab
# not available", "durvalumab non disponible", "no disponible", "niedostępny"): it was not given. Only right after the
# drug: "labs not available" after a drug's cycle says nothing of the drug.
_UNAVAILABLE_AFTER = re.compile(
    r"[ \t]*(?:(?:is|was|are|were|remains?)\s+)?(?:not\s+(?:available|accessible|funded)|unavailable|non\s+disponible?|"
    r"no\s+disponible|indisponible|non\s+disponibile|niedost[e\u0119]pn\w*|nicht\s+verf[u\u00fc]gbar)\b",
    re.I,
)
# (held-out v31's safety pass, issue 13) [v31s-honorific] A Polish or Czech honorific that is also a drug's shorthand
# ("Pani" for panitumumab) written title-case before a person's given name and surname: a person. The drug's shorthand
# before one capitalised word ("Pani Day 1") or in lower case stays the drug.
_HONORIFIC_TOKEN = re.compile(r"Pani|Pan|Pane")
_HONORIFIC_NAME_AFTER = re.compile(r"[ \t]+[A-Z][a-z\u00e0-\u017f]+[ \t]+[A-Z][a-z\u00e0-\u017f]+\b(?![ \t]*\d)")
_CALLED_WRONG_AFTER = re.compile(
    r"\s*['\"\u2019\u201d]?\s*(?:[-\u2013:(]|,\s*which\s+(?:is|was))\s*(?:incorrect|inaccurate|erroneous|wrong|in\s+error|not\s+(?:correct|accurate|true))\b"
    r"(?=\s*(?:[:;.),\u2013-]|$))",
    re.I,
)
# A drug named as never had: "sotorasib-naive", "adagrasib-naïve", "(pembrolizumab naive)".
_DRUG_NAIVE = re.compile(r"[\s-]?na[i\u00ef]ve\b", re.I)
# "starting carbo/pem/pembro C1 next Tues": a start still to come (a time ahead in the sentence).
_STARTING = re.compile(r"\b(?:starting|beginning|commencing|initiating)\b[^.;]{0,40}$", re.I)


def _starting_later(before: str, sentence: str) -> bool:
    # (held-out v20, issue 13's twenty-first pass) [v20-therapy-starting-weekday] "starting sotorasib alone Monday":
    # a weekday right after the drug a sentence is "starting" is the day it begins
    soon_after = sentence[len(before) : len(before) + 40]
    return bool(_STARTING.search(before) and (_FUTURE.search(sentence) or _WEEKDAY.search(soon_after)))


_WEEKDAY = re.compile(r"\b(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b(?!\s+(?:last|past))", re.I)


# A drug to start on a given day, named last before it ("sotorasib 960 mg daily, single agent, to start 10/09",
# "FOLFIRI + panitumumab to begin next week"); a drug named earlier in the sentence is not (s/p carboplatin, now
# sotorasib to start 10/09).
_TO_START = re.compile(
    r"\bto\s+(?:start|begin|commence)\s+(?:next|tomorrow|today|on|in|after|once|when|monday|tuesday|wednesday|thursday|"
    r"friday|\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\d/])|\d{4}-\d{2}-\d{2})\b",
    re.I,
)


# Dose-spacing advice from an interaction check ("take sotorasib 4 h before the antacid", "an antacid 4 h before /
# 10 h after sotorasib"): counselling about the drug, not a dose given.
_SPACING = re.compile(r"\b\d+\s*(?:h|hr|hrs|hours?)\s+(?:before|after|apart)\b|\bseparated\s+by\s+\d", re.I)


def _to_start_later(doc: TextDoc, f: Finding) -> bool:
    after = doc.text[f.end : min(f.sentence_start + len(f.sentence), f.end + 80)]
    m = _TO_START.search(after)
    if not m:
        return False
    between = after[: m.start()]  # the drug's own words, or the rest of its regimen ("+ panitumumab")
    return not _drug_named(between) or not _drugs().sub("", between).strip(" \t+/&-").strip()


_PERSON_BEFORE = re.compile(r"\b(?:dr|mr|mrs|ms|mx|prof|nurse)\.?\s+$", re.I)
_PERSON_AFTER = re.compile(r",?\s+(?:md|do|np|pa-c|rn|phd|mbbs)\b", re.I)


def _drug_named(sentence: str) -> bool:
    return bool(_drugs().search(sentence))


def _drugs() -> re.Pattern[str]:
    from priorauth.text.pipeline import _drug_pattern

    return _drug_pattern()


# (held-out v36, issue 13's thirty-seventh pass) [t37-start-after-note] A drug whose start is dated, on its own line,
# after the date the note's first line carries ("RN NOTE 11/24/2026" ... "Drug: <drug> 960 mg daily - start date
# 11/26/26"; "A/P 11/13/2026" ... "- C1 <regimen> 11/16"): the start is still to come when the note is written, so
# the drug is not given yet. Only a start's own words (a start date, "starts", a first cycle "C1" / "C1D1" / "first
# dose") with the date after the drug on its line; a line saying the drug was given, a date on or before the note's,
# a note with no date on its first line, and dates whose day/month order the note leaves open all stay as they were.
_NOTE_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/-]|\.\d)|(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")
_START_CUE = re.compile(
    r"\bstart(?:s|ing)?(?:\s+date)?\b|\bbegins?\b|\bfirst\s+(?:dose|cycle|infusion)\b|(?<![\w/])c(?:ycle\s*)?1(?:\s*d(?:ay\s*)?1)?\b(?![/.-]\d)",
    re.I,
)
_LINE_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d/-]|\.\d)")
_GIVEN_ON_THE_LINE = re.compile(
    r"\b(?:given|administered|infused|received|taken|took|completed|tolerated|s/p|status\s+post|started\s+(?:on\s+)?\d)\b",
    re.I,
)


def _day(year: int, first: int, second: int, day_first: bool) -> tuple[int, int, int] | None:
    month, day = (second, first) if day_first else (first, second)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return (year, month, day)


def _start_dated_after_note(doc: TextDoc, f: Finding) -> bool:
    head = doc.text[: _line_end(doc.text, 0)]
    m = _NOTE_DATE.search(head)
    if not m:
        return False
    line_start, line_end = _line_start(doc.text, f.start), _line_end(doc.text, f.end)
    line = doc.text[line_start:line_end]
    if line_start == 0 or not _START_CUE.search(line) or _GIVEN_ON_THE_LINE.search(line):
        return False
    if m.group(5):  # ISO: no day/month order to choose
        notes = [(False, (int(m.group(5)), int(m.group(6)), int(m.group(7))))]
    else:
        year = int(m.group(4)) + (2000 if len(m.group(4)) == 2 else 0)
        a, b = int(m.group(1)), int(m.group(3))
        orders = (True,) if a > 12 else (False,) if b > 12 else (False, True)
        notes = [(o, d) for o in orders if (d := _day(year, a, b, o))]
    later = []
    for d in _LINE_DATE.finditer(doc.text, f.end, line_end):
        for day_first, note in notes:  # every order the note's date allows must read the start as later
            year = note[0] if not d.group(4) else int(d.group(4)) + (2000 if len(d.group(4)) == 2 else 0)
            when = _day(year, int(d.group(1)), int(d.group(3)), day_first)
            later.append(when is not None and when > note and bool(d.group(4) or when[1] - note[1] <= 3))
    return bool(later) and all(later)


# (held-out v36, issue 13's thirty-seventh pass) [t37-study-field-screening] The "Study:" / "Trial:" field of a trial's
# screening document (a title naming a screen, pre-screen, screen failure or eligibility check): the drugs on that line
# are the study's regimen, which a patient being screened has not had. A study field in a note of the patient on study
# (no screening title), and a drug the line says was given, stay.
_STUDY_FIELD = re.compile(r"[ \t]*(?:study|trial|protocol\s+title|study\s+title)\s*:", re.I)
_SCREENING_TITLE = re.compile(r"\b(?:pre-?)?screen(?:ing|ed)?\b|\bscreen[\s-]fail\w*|\beligibility\b", re.I)


def _study_field_of_screening(doc: TextDoc, f: Finding) -> bool:
    start = _line_start(doc.text, f.start)
    if start == 0 or not _STUDY_FIELD.match(doc.text, start):
        return False
    return bool(_SCREENING_TITLE.search(doc.text[: _line_end(doc.text, 0)]))
