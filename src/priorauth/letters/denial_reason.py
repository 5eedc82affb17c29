"""The denial reason in the payer's words: labelled, in a sentence, a panel's recitals, the sentence after a
denial statement, a criteria table's unmet row; cut to its first sentence where OCR read it weakly. Split out of
:mod:`priorauth.letters.fields`."""

from __future__ import annotations

import re

from priorauth.letters import (
    decision,
    pipe_table,
    stray_label,
)
from priorauth.letters.spans import _SENTENCE, Hit, I, M

# -- the denial reason and what was requested --------------------------------------------------------
_REASON_LABEL = re.compile(
    r"(?:\b(?:reasons?\s+for\s+(?:the\s+|this\s+|our\s+)?(?:denial|decision|determination|adverse\s+determination)"
    r"|denial\s+reasons?|reasons?\s+(?:for\s+denial|denied)|rationale\s+for\s+(?:the\s+|this\s+|our\s+)?(?:decision|denial)"
    r"|basis\s+(?:for|of)\s+(?:the\s+|this\s+|our\s+)?(?:decision|denial|determination)|why\s+(?:your\s+|the\s+)?request\s+was\s+denied"
    r"|explanation\s+of\s+(?:the\s+|our\s+|this\s+)?(?:decision|denial|determination)|(?:our\s+)?decision\s+(?:was|is)\s+based\s+on"
    r"|why\s+we\s+(?:denied|did\s+not\s+approve|could\s+not\s+approve|are\s+denying)\s+(?:(?:your|the|this)\s+(?:request|coverage)|it)"
    r"|why\s+we\s+(?:said|are\s+saying)\s+no(?:\s+to\s+[^:\n]{0,40})?(?=\s*:)"  # a plain-language letter's heading
    # a US plan's heading over its reason: "Why we made this decision:" (the thirtieth pass; read in a denial only, as all)
    r"|why\s+we\s+(?:made|reached)\s+(?:this|the|our)\s+(?:decision|determination)(?=\s*:|[ \t*_#]*\n)"
    # a Medicare notice's "... for the following reason(s):" over its reason (the thirty-first pass; in a denial only)
    r"|\b(?:for|because\s+of)\s+the\s+following\s+reason(?:s|\(s\))?(?=\s*:)"
    # its question form over the answer ("Why did we say no?"), a reason labelled for whom it is shown ("Reason shown
    # to member:", "Reason given:")
    r"|why\s+(?:did|have)\s+we\s+(?:say\s+no|said\s+no|den(?:y|ied)\s+(?:it|this|your\s+request))\?"
    r"|reasons?\s+(?:shown|given|stated|provided)(?:\s+to\s+(?:the\s+)?(?:member|patient|you|prescriber))?(?=\s*:)"
    # an ePA print's "DECISION NOTE:" over its note, a self-funded plan's "Plan provision applied: ..." (the thirty-third
    # pass; read in a denial only, as all)
    r"|(?<![\w-])decision\s+notes?(?=\s*:)|\bplan\s+provisions?\s+(?:applied|cited|relied\s+on)(?=\s*:)"
    # the same heading alone on its line, as a Markdown or a plain heading ("### Why we said no", "WHY WE DENIED IT")
    r"|why\s+we\s+(?:said\s+no|denied\s+(?:it|this|the|your)(?:\s+request)?|could\s+not\s+approve\s+(?:it|this|the|your)(?:\s+request)?)"
    r"[ \t*_#]*(?=\n))"
    r"\s*(?:is|was|are)?\s*(?:\.*[:\-]|\|(?=[ \t]))?"  # ("DENIAL REASON..:"; a portal's "Denial reason  | ..." row: its bar, the 29th pass)
    r"|\bpour\s+(?:le|les)\s+motifs?\s+suivants?\s*:|\bmotifs?\s+(?:du\s+refus\s*)?:"  # a French letter's
    r"|\bmotivos?(?:\s+de\s+la\s+(?:denegaci[oó]n|decisi[oó]n))?\s*:|\bbegr[üu]ndung\s*:"  # a Spanish, a German letter's
    r"|(?m:^[ \t]*)raz[oó]n(?:\s+de\s+la\s+(?:denegaci[oó]n|decisi[oó]n))?\s*:"  # a Puerto Rican plan's "Razón:" (the 29th pass)
    r"|\bmotivazione(?:\s+del(?:la)?\s+(?:diniego|decisione))?\s*:"  # an Italian letter's
    r"|\breden(?:\s+van\s+(?:de\s+)?(?:afwijzing|het\s+besluit|dit\s+besluit))?\s*:"  # a Dutch letter's "Reden: ..."
    r"|\bfundamentos?\s*:|\bp[õo]hjendus\s*:|\bod[ůu]vodn[ěe]n[íi]\s*:"  # a Chilean, an Estonian, a Czech letter's
    # an Indonesian "Alasan penolakan:", an Icelandic "Rökstuðningur:", a Danish "Begrundelse:", a Hungarian "Indokolás:"
    # (the twenty-fifth pass; a Romanian "Motivul respingerii:" is not read: its marked letters print as boxes)
    r"|\balasan(?:\s+penolakan)?\s*:|\brökstuðningur\s*:|\bbegrundelse\s*:|\bindokol[áa]s\s*:"
    r"|(?m:^[ \t]*\d{1,3}[ \t]*\|[ \t]*)(?:denial\s+)?reason[ \t]*\|"  # a spreadsheet print's row "  9  |  Reason  |  ..."
    r"|\b(?:rationale|explanation|reasons?|grounds?|why|basis|(?-i:RSN)(?:-(?-i:TXT|TEXT|DESC))?|(?:the\s+)?reason\s+is|here(?:[’']s|\s+is)\s+why(?:,?[^:\n.]{0,30})?)(?:[ \t]*\((?:if|when)\s[^()\n]{1,30}\))?(?:\s*:|[ \t]*\.{3,})"  # a bare word: with its colon or leaders ("Reason (if not approved):")
    r"|\breason\s+code\s+(?-i:[A-Z0-9][A-Z0-9\-]{1,12})\s*:"  # a code's explanation: "Reason code PH-221: ..."
    r"|(?m:^[ \t|]*)(?:item\[\d+\]\.)?reasonCode[ \t]*\.{2,}[ \t]*"  # a FHIR print's reasonCode
    r"|(?m:^[ \t|]*)denial\s+(?:rationale|text|description|explanation)(?:[ \t]*[:.]{1,}[ \t.]*|[ \t]{2,})"  # a system's field
    # an ePA message's reason element ("<ReasonText>", printed as its label "Reason Text:"), a key=value file's
    # "reason=" / "deny_reason="
    r"|<(?:denial)?reason(?:text|description)>|\b(?:denial[ \t]+)?reason[ \t]+(?:text|txt|description|desc)[ \t]*:"
    r"|(?m:^[ \t]*)(?:deny_|denial_)?reason[ \t]*=)"
    r"\s*(?:\n\s*)?",
    I,
)
_REASON_SENTENCE = re.compile(
    r"\b(?:because|due\s+to|does\s+not\s+meet|did\s+not\s+meet|do\s+not\s+meet|not\s+medically\s+necessary|"
    r"criteria\s+(?:were|was|are|is)\s+not\s+met|not\s+covered|not\s+(?:been\s+)?met|no\s+documentation|"
    r"not\s+(?:been\s+)?(?:provided|documented|submitted|shown)|lack\s+of|requires?\s+(?:that|documentation)|"
    # "because" in the languages of the twenty-sixth set (Indonesian, Italian, Danish, Hungarian, Romanian, Icelandic,
    # Dutch, Ukrainian)
    r"karena|perch[ée]|poich[ée]|fordi|mert|deoarece|întrucât|þar\s+sem|omdat|aangezien|оскільки)\b",
    I,
)


_REASON_STOP = re.compile(
    r"^\s*(?:[A-Z][A-Za-z ]{0,40}:|sincerely|regards|(?-i:[IVX]{1,4})\.(?=\s|$))|\b(?:appeal|disagree|reconsideration|redetermination|questions|"
    r"call\s+us|contact\s+us|right\s+to|you\s+(?:may|can)\s+(?:ask|request|file|send)|"
    # a grievance's sentence ("The insured may file a grievance within 15 days"): the appeal's, never the reason's
    r"grievance|"
    # an appeal's sentence in the languages read since the twenty-fourth pass (Czech, Turkish, Estonian, Greek, French,
    # Spanish, German, Finnish)
    r"n[áa]mitk|odvol[áa]n|itiraz|vaide|[εέ]νσταση|recours|recurso|reconsideraci[oó]n|widerspruch|oikaisuvaatimu|valitu|"
    # (and the twenty-sixth set's: Indonesian, Italian, Danish, Romanian, Hungarian, Icelandic, Vietnamese, Ukrainian, Dutch)
    r"keberatan|banding|ricorso|opposizione|klage|anke|contestat|contesta[țt]i|fellebbez|kæra|kær[ia]|khi[ếe]u\s+n[ạa]i|оскарж|bezwaar)",
    I,
)


# a printout's next line that is a field of its own (a label and its leaders) or a rule of dashes ends its reason
# (a mainframe report's next field opens with its hyphenated name: "APPEAL-BY 27261"; an extract's column, read as
# its label in lower case: "appeal days from decided: 45")
# (a portal's next "Label   | value" row, the twenty-ninth pass)
_NEXT_FIELD = re.compile(r"\n[ \t]*(?:(?-i:[a-z]{2,}(?: [a-z]+){0,5}):[ \t]+\S|\d{1,3}[ \t]*\||[A-Za-z][A-Za-z /#]{0,30}?[ \t]+\|[ \t]|[A-Za-z][A-Za-z /#]{0,30}\.{3,}|[-=_*]{4,}[ \t]*(?=\n|$)|(?-i:[A-Z]{2,}(?:-[A-Z]{2,})+)(?=[ \t:]))")


# a panel's order: its recitals ("WHEREAS the Fund's records show that ...;") before "NOW, THEREFORE, IT IS ORDERED that the
# request is DENIED" are its reasons; the one that says the request was received or referred is none
_WHEREAS = re.compile(r"\bWHEREAS[ \t\n]+(?P<v>[^;]*?[^;\s])[ \t]*(?:;|\n[ \t]*\n|(?=\s*NOW\b))")
_ORDERED_DENIED = re.compile(r"\bNOW,?\s+THEREFORE,?\s+IT\s+IS\s+(?:HEREBY\s+)?ORDERED\b[^.]*?\b(?:denied|not\s+approved)\b", I)
_RECITED_STEP = re.compile(r"\b(?:was|were|has\s+been)\s+(?:received|filed|submitted|referred|assigned|docketed)\b", I)


def _recital(text: str) -> Hit | None:
    """The reason a denying order recites: its WHEREAS clauses after the request's receipt, the first of them."""
    order = _ORDERED_DENIED.search(text)
    if order is None:
        return None
    for m in _WHEREAS.finditer(text, 0, order.start()):
        if not _RECITED_STEP.search(m.group("v")):
            return Hit(" ".join(m.group("v").split()), m.start("v"), m.end("v"))
    return None


# an X12 278 response's free-text message ("MSG*KRAS TEST SUBMITTED SHOWS ...~"), its first that is not about an appeal
# (a segment the fax wrapped goes on on the next line up to its "~", a line that opens no segment of its own:
# "MSG*DENIED - ... NOT A COVERED\nINDICATION ~")
_X12_MSG = re.compile(
    r"^[ \t]*(?:MSG[ \t]+)?MSG\*(?P<v>[^~*\n]*[^~*\s](?:\n(?![ \t]*[A-Z][A-Z0-9]{1,2}\*)[ \t]*[^~*\n]*[^~*\s])?)[ \t]*~", M
)


def denial_reason(text: str) -> Hit | None:
    """The payer's reason in its own words: an X12 response's first message, the paragraph after a ``Reason for
    denial`` heading, else the first sentence that gives one (``because``, ``does not meet``)."""
    messages = list(_X12_MSG.finditer(text))
    first = next((n for n, m in enumerate(messages) if not _REASON_STOP.search(m.group("v"))), None)
    if first is not None:
        said = [messages[first]]  # and the messages after it, up to one about an appeal: "reason, line 2"
        for m in messages[first + 1 :]:
            if _REASON_STOP.search(m.group("v")) or re.match(r"(?:SEND|PROVIDE|SUBMIT|FAX)\b", m.group("v")):
                break
            said.append(m)
        return Hit(" ".join(" ".join(m.group("v").split()) for m in said), said[0].start("v"), said[-1].end("v"))
    for m in _REASON_LABEL.finditer(text):
        start = m.end()
        while start < len(text) and text[start] in " \t\n":
            start += 1
        end_para = re.search(r"\n\s*\n|\f", text[start:])
        end = start + (end_para.start() if end_para else len(text) - start)
        end = min(end, start + 800)
        if cut := _NEXT_FIELD.search(text, start, end):  # a printout's next field ("QTY RQSTD.....") or rule
            end = cut.start()
        for s in _SENTENCE.finditer(text, start, end):
            if s.start() > start and _REASON_STOP.search(s.group(0)):
                end = s.start()
                break
        if mark := _REASON_MARKUP.search(text, start, end):  # a source's markup ends the reason ("</ReasonText>", '","')
            end = mark.start()
        end = start + len(text[start:end].rstrip())
        if end - start >= 15:
            return Hit(" ".join(text[start:end].split()), start, end)
    if stray := stray_label.reason(text):  # a fax's "Reason _ : ..." (the twenty-fourth safety pass)
        return stray
    if recital := _recital(text):
        return recital
    for s in _SENTENCE.finditer(text):
        if pipe_table.rows(s.group(0)):
            continue  # a Markdown table's rows, cut as a sentence at a header's "Met?": no reason sentence
        if _decision_line(s.group(0)):
            continue  # "### Outcome:  NOT COVERED": the decision's own label, no reason
        if _REASON_SENTENCE.search(s.group(0)) and not re.search(r"\bappeal|\bif\s+you\b", s.group(0), I):
            start = s.start() + len(s.group(0)) - len(s.group(0).lstrip())
            end = _explained(text, s.end())
            if _REASON_MARKUP.search(text, start, end):  # a sentence cut out of a source's markup: not read
                return None
            return Hit(" ".join(text[start:end].split()), start, end)
    return None


_DECISION_LINE = re.compile(r"[\s#>*|]*(?:decision|determination|outcome|status|result)\b[^:\n]{0,30}:(?P<v>[^\n]{0,40})$", I)


def _decision_line(sentence: str) -> bool:
    """A decision's label whose value is the decision word alone ("### Outcome:  NOT COVERED  ■"); never one whose
    value is a reason ("Determination: Not medically necessary.")."""
    m = _DECISION_LINE.match(sentence)
    if m is None:
        return False
    value = re.sub(r"[^\w\s]", " ", m.group("v")).strip()
    w = decision._word(value)
    return w is not None and w[1] == 0 and not value[w[2] :].strip()
_REASON_MARKUP = re.compile(r"</[A-Za-z]|[\"“”],[ \t]*[\"“”]")


_PARAGRAPH_END = re.compile(r"\n[ \t]*\n|\f")
_LABEL_LINE = re.compile(r"[ \t|]*(?:decision|determination|outcome|status|result)[ \t]*:[ \t]*", I)
_NOT_PROSE = re.compile(r"(?m:^[ \t|]*[A-Z][A-Za-z/#& ]{0,30}:)|\.{4,}|_{3,}|\[[ \t]*\]|<<|>>")
_STOP_AT = re.compile(r"[.!?](?=\s|$)")
# a denial statement that gives its reason after its own colon, in the same sentence ("The request is rejected: the
# drug is not payable under the policy."): the clause after the colon (the twenty-eighth safety pass)
_COLON_CLAUSE = re.compile(r"[ \t]*:[ \t]*(?=[A-Za-z])")


def reason_after(text: str, statements: list[Hit]) -> Hit | None:
    """A denial without a labelled reason or a "because": the payer's words that follow its statement ("... is denied
    as experimental/investigational: ...", "... is denied. The member is on hospice care, ...", a "Decision: NOT
    APPROVED" line over the paragraph that explains it): the rest of the statement's paragraph after its sentence
    (or its own "as ..." clause), else the next paragraph when the statement ends its own; never past an appeal's
    or a contact's sentence. The statement read is the first in prose, else a label's ("Decision: NOT APPROVED"),
    whose reason is only the paragraph after it; a banner or a stamp has none. What is read must be prose: no
    field's label, no leaders or blanks of a form."""
    prose = [h for h in statements if re.search(r"[a-z]{3}", text[text.rfind("\n", 0, h.start) + 1 : h.end])]
    labels = [h for h in statements if _LABEL_LINE.match(text, text.rfind("\n", 0, h.start) + 1, h.start) or _bare_status(text, h)]
    if not prose and not labels:
        return None
    hit = min(prose or labels, key=lambda h: h.start)
    para = _PARAGRAPH_END.search(text, hit.end)
    para_end = para.start() if para else len(text)
    line_end = text.find("\n", hit.end) % (len(text) + 1)
    alone = not text[hit.end : line_end].strip(" \t.") and line_end < para_end  # the label's value ends its line
    # a label's line with its reason on the lines under it, in its paragraph ("DETERMINATION: DENIED\nThe records
    # provided do not document ...": the thirty-first pass); a form's fields under it are no reason (read on)
    labelled = not prose and alone and _LABEL_LINE.match(text, text.rfind("\n", 0, hit.start) + 1, hit.start)
    if labelled and not _FIELD_UNDER.match(text, line_end + 1) and (under := _prose_reason(text, line_end + 1, para_end)):
        return under
    if prose and re.match(r"[ \t\n]*as\s+\S", text[hit.end : para_end]):  # "is denied as experimental/investigational: ..."
        start = hit.end + len(text[hit.end : para_end]) - len(text[hit.end : para_end].lstrip())
    elif prose and (colon := _COLON_CLAUSE.match(text, hit.end, line_end)):  # "The request is rejected: <reason>."
        start = colon.end()
    else:
        # a label's value that goes on after its stop on its line: "DECISION: DENIED. THE REQUEST IS FOR USE ..."
        on_line = not prose and re.match(r"\.[ \t]+\S", text[hit.end : line_end])
        stop = _STOP_AT.search(text, hit.end, para_end) if prose or on_line else None
        start = stop.end() if stop else para_end
        if not text[start:para_end].strip() and para:  # the statement ends its paragraph: the next one explains it
            start = para.end()
            nxt = _PARAGRAPH_END.search(text, start)
            para_end = nxt.start() if nxt else len(text)
    return _prose_reason(text, start, para_end)


# a field's label opening the line under a decision's label ("DENIAL REASON..: ...", "Reviewer: ..."): no prose under it
_FIELD_UNDER = re.compile(r"[ \t|]*[A-Za-z][A-Za-z /#&'’-]{0,40}?[ \t.]*:")


# a status word opening its line in capitals, as a sentence of its own: "DENIED. Quantity requested exceeds ..." (the
# thirty-first pass: read as a label's value, the reason only after its stop on its line; a banner alone has none)
_BARE_STATUS = re.compile(r"[ \t]*(?-i:DENIED|NOT[ \t]+APPROVED)(?=\.[ \t]+[A-Z][a-z])")


def _bare_status(text: str, hit: Hit) -> bool:
    m = _BARE_STATUS.match(text, text.rfind("\n", 0, hit.start) + 1)
    return m is not None and m.start() <= hit.start and m.end() >= hit.end


def _prose_reason(text: str, start: int, para_end: int) -> Hit | None:
    """The payer's words from ``start`` to the paragraph's end, up to an appeal's or a contact's sentence; None unless
    prose (no field's label, no leaders or blanks of a form)."""
    while start < para_end and text[start] in " \t\n.;,":  # (a stray mark OCR left after the statement)
        start += 1
    end = para_end
    for sentence in _SENTENCE.finditer(text, start, para_end):
        if _REASON_STOP.search(sentence.group(0)):
            end = sentence.start()
            break
    end = start + len(text[start:end].rstrip())
    words = r"\b[a-z]{3,}\s+[a-z]{2,}\b" if re.search(r"[a-z]", text[start:end]) else r"\b[A-Z]{3,}\s+[A-Z]{2,}\b"  # a letter all in capitals
    if end - start < 15 or _NOT_PROSE.search(text, start, end) or not re.search(words, text[start:end]):
        return None
    return Hit(" ".join(text[start:end].split()), start, end)


# a reason that only points to where it is given ("The criterion that was not met is shown in the table on page 2")
POINTS_ELSEWHERE = re.compile(
    r"\b(?:is|are)\s+(?:shown|listed|described|given|set\s+out|explained)\s+(?:in|on|below|overleaf)\b|"
    r"\bsee\s+(?:the\s+)?(?:table|page|attached|enclosed|criteria)\b|"
    # a decision that names the unmet criterion by its number only: "DENIED (criterion 2 not met)"
    r"^[^.]{0,40}\(\s*criteri(?:on|a)\s+#?\d+[^()]{0,20}\)\s*\.?$",
    I,
)
# a criteria table's row marked not met ("5    No earlier stop for liver injury      NOT MET"), its note lines under it
_UNMET_ROW = re.compile(
    r"^[ \t|]*(?:[\w]{1,2}[.)]?[ \t]+|[✗✘][ \t]+)?(?P<c>[A-Za-z][^\n|]*?\S)[ \t|]{2,}(?:not[ \t]+met|unmet)[ \t|.]*$", I | M
)
_ROW_NOTE = re.compile(r"[ \t]*(?:note|comment|reviewer(?:['’]s)?\s+note|finding)s?[ \t]*:", I)


# a worksheet's "Met?" column (its header says so): a row whose cell there is NO, the note after it on the row
_MET_HEADER = re.compile(r"^[^\n]*\bMet\?[^\n]*$", M)
_MET_NO_ROW = re.compile(
    r"^[ \t|]*(?:\d{1,2}[.)]?[ \t]+)?(?P<c>[A-Za-z][^\n|]*?\S)[ \t|.]{2,}(?-i:NO|N)(?:[ \t|]{2,}(?P<n>[^\n|]*\S))?[ \t|]*$", M
)


def unmet_criterion(text: str) -> Hit | None:
    """A criteria table's first row marked NOT MET and the note lines under it (what a reason that only points to
    the table means), or a "Met?" column's first NO row with its note; else None."""
    m = _UNMET_ROW.search(text)
    if m is None:
        header = _MET_HEADER.search(text)
        row = _MET_NO_ROW.search(text, header.end()) if header else None
        if row is None:
            return None
        return Hit(" ".join(text[row.start("c") : row.end()].split()), row.start("c"), row.end())
    end = m.end()
    pos = end + 1
    noted = False
    row = text[text.rfind("\n", 0, m.start("c")) + 1 : m.end()]
    indent = len(row) - len(row.lstrip())
    lines = text[pos:].split("\n")[:6]
    for n, line in enumerate(lines):
        if not noted and not line.strip() and n + 1 < len(lines) and _ROW_NOTE.match(lines[n + 1]):
            pos += len(line) + 1  # a blank line between the table and the note on its last row ("Note: ...")
            continue
        other_row = re.match(r"[ \t|]*(?:\w{1,2}[.)]?|[✓✔✗✘])[ \t]+[A-Za-z]", line)
        under = line.strip() and not other_row and (noted or line.lstrip().startswith("(") or len(line) - len(line.lstrip()) > indent)
        if _ROW_NOTE.match(line) or under:
            noted = True
            end = pos + len(line.rstrip())
            pos += len(line) + 1
            continue
        break
    return Hit(" ".join(text[m.start("c") : end].split()), m.start("c"), end)


def first_sentence(text: str, hit: Hit) -> Hit:
    """A reason cut to its first sentence (what is kept when OCR read its explanation weakly); an outline's
    letter or number before it ("B.", "2.") is no sentence of its own, nor a lead-in ending with a colon."""
    sentences = [x for x in _SENTENCE.finditer(text, hit.start, hit.end) if re.search(r"[A-Za-z]{2,}\s+[A-Za-z]{2,}", x.group(0))]
    s = sentences[0] if sentences else None
    if s is not None and s.group(0).rstrip().endswith(":") and len(sentences) > 1:
        s = sentences[1]  # "We denied this request because:" opens the reason, the sentence after it says it
    if s is None or s.end() >= hit.end:
        return hit
    return Hit(" ".join(text[hit.start : s.end()].split()), hit.start, s.end())


def _explained(text: str, end: int) -> int:
    """Where a reason ends: its sentence and the ones after it in its paragraph that explain it ("Step
    therapy not met. The records show no trial of ..."), up to an appeal or contact sentence."""
    para = re.search(r"\n[ \t]*\n|\f", text[end:])
    stop = min(end + (para.start() if para else len(text) - end), end + 600)
    for s in _SENTENCE.finditer(text, end, stop):
        if _REASON_STOP.search(s.group(0)) or re.search(r"\bif\s+you\b|\bplease\b", s.group(0), I):
            stop = s.start()
            break
    return end + len(text[end:stop].rstrip())
