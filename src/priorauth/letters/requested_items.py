"""What a pended letter asks for: the items after an ask ("Please send:"), bullets, tick boxes, a checklist's
open rows, a FHIR or X12 message's requests. Split out of :mod:`priorauth.letters.fields`."""

from __future__ import annotations

import itertools
import re

from priorauth.letters import (
    asked_set36,
    not_items,
)
from priorauth.letters.spans import Hit, I, M

_ASK = re.compile(
    r"(?:veuillez\s+nous\s+(?:faire\s+parvenir|transmettre|envoyer)\s*:|please\s+(?:also\s+)?(?:send|submit|provide|fax|forward|mail|upload|include)|\b(?:and|also)\s+need\s*:|(?<!everything\s)(?<!all\s)we\s+(?:still\s+|also\s+)?need(?!\s+(?:more|additional|extra)\s+time)"
    r"|(?<!no\sfurther\sinformation\s)(?<!no\smore\sinformation\s)(?<!nothing\smore\s)(?<!nothing\selse\s)(?<!no\saction\s)"
    r"(?<!no\sinformation\s)(?<!no\sadditional\sinformation\s)(?<!no\sfurther\sinformation\s)(?<!no\sdocumentation\s)(?<!no\sdocuments\s)(?<!no\srecords\s)"  # "No information is needed from you"
    r"(?<!nothing\sfurther\s)(?<!nothing\s)(?<!none\s)"
    r"(?<!no\sfurther\ssubmissions\s)(?<!no\ssubmissions\s)(?<!no\sfurther\sdocuments\s)(?<!no\sfurther\srecords\s)"  # "No further submissions are required"
    r"(?<!no\sfurther\sdocumentation\s)(?<!no\sfurther\saction\s)(?:is|are)\s+(?:needed|required|missing)"
    # an e-mail's "Please reply-all with:" over its list; a German letter's "Bitte reichen Sie uns folgende Unterlagen nach:";
    # a Dutch letter's "Wij missen de volgende gegevens:"
    r"|please\s+(?:reply(?:[- ]all)?|respond|write\s+back)\s+with\s*:"
    r"|\bfolgenden?\s+(?:unterlagen|dokumente|angaben|informationen)(?:\s+nach)?\s*:"
    # (the twentieth set's "Für die Entscheidung benötigen wir noch:", "Merci de nous transmettre sous 15 jours :", an
    # order's "IT IS ORDERED that the prescriber submit:")
    r"|\bben[öo]tigen\s+wir(?:\s+noch)?(?:\s+(?:folgende|die\s+folgenden)\s+(?:unterlagen|angaben|dokumente))?\s*:"
    r"|\bmerci\s+de\s+nous\s+(?:transmettre|faire\s+parvenir|adresser)(?:\s+sous\s+\d{1,2}\s+jours)?\s*:"
    r"|\b(?:prescriber|physician|provider|practice)\s+(?:shall\s+)?submit\s*:"
    r"|\bwij\s+missen\s+(?:nog\s+)?de\s+volgende\s+(?:gegevens|stukken|documenten|informatie)\s*:"
    r"|info(?:rmation)?\s+(?:rqrd|reqd|req'd|required|needed)\s*:"  # a teletype's "ADDL INFO RQRD:" over its list
    r"|the\s+following|info(?:rmation)?\s+requested|requested\s+information|missing\s+information|items?\s+(?:needed|requested|required)"
    r"|what\s+we\s+need|documentation\s+needed|submit\s+the\s+following"
    # a Portuguese letter: "solicitamos o envio de:", "favor enviar:", "precisamos de:"
    r"|solicitamos\s+o\s+envio\s+(?:de|dos?|das?)\s*:|(?:por\s+)?favor\s+(?:enviar|remitir|aportar)\s*:|precisamos\s+(?:de|dos?|das?)\s*:|\benvie(?:m)?\s*:"
    # a Spanish letter's list (the twenty-sixth pass): "favor remitir:", "es indispensable que nos aporte:"
    r"|\bque\s+nos\s+(?:aporte|env[ií]e|remita|haga\s+llegar)n?\s*:"
    # an Italian letter's "in attesa della seguente documentazione:"; a schedule's heading "SCHEDULE A - RECORDS REQUIRED"
    r"|\b(?:la|della|le|delle)\s+seguent[ei]\s+(?:documentazione|documenti|informazioni)\s*:"
    r"|\b(?:records|documents)\s+(?:required|needed|requested)[ \t]*(?=\n)"
    # the twenty-eighth set's lists (the twenty-seventh pass): a Danish "Vi mangler følgende oplysninger:", an Italian "ci
    # occorrono:", an Indonesian "Mohon dilengkapi:", a Peruvian "sírvase remitir:", an Icelandic "... vantar:" (each
    # with its colon, over its list)
    r"|\bvi\s+mangler\s+(?:de\s+)?f[øo]lgende(?:\s+\w+)?\s*:|\bci\s+occorr(?:e|ono)\s*:|\bmohon\s+(?:dilengkapi|dikirimkan|dilampirkan)\s*:"
    r"|\bs[íi]rvase\s+(?:remitir|enviar|adjuntar)\s*:|\bvantar\s*:"
    # a text message's "Need 1) the NGS report 2) the last notes" (its items numbered inline)
    r"|(?m:^)[ \t]*need(?=[ \t]+1\)[ \t]+\S[^\n]*[ \t]2\)[ \t]))"
    # the thirty-first set's US plans (the twenty-ninth pass): a pend notice's "... asks the prescriber to send:", an ePA
    # portal's "Plan questions (answer all, then ...):" over its "Q1 | ..." rows (each with its colon, over its list)
    r"|\basks?\s+(?:the\s+|your\s+)?(?:prescriber|physician|provider|office|doctor|you)\s+to\s+(?:send|submit|provide|fax|answer)\s*:"
    r"|\b(?:plan|payer|clinical)\s+questions?(?:[ \t]*\([^()\n]{0,60}\))?[ \t]*:"
    # the thirty-third set's US plans (the thirty-first pass): a checklist's "Please return the items checked below:"; a
    # heading "Information needed to continue review:"; a request on hold "until they receive <what>"; a reviewer "who asks
    # for <what>"; a form's bare "Send: <what>" opening its line (never "Fax:", a number's label)
    r"|please\s+return\s+(?:the\s+)?(?:items?|documents?|records?)\s+(?:checked|marked|ticked)(?:\s+below)?\s*:"
    r"|\binfo(?:rmation)?\s+(?:needed|required)\s+(?:to|for|before)\s+[^:\n]{1,40}:"
    r"|\b(?:on\s+hold|pended|pending|paused)\s+until\s+(?:we|they|the\s+plan|the\s+reviewer)\s+receives?(?=\s+(?:a|an|the|your)\s)"
    r"|\b(?:who|director|reviewer|pharmacist|physician|plan)\s+(?:also\s+)?(?:asks|is\s+asking)\s+for(?=\s+(?:a|an|the|your|documentation|records|proof|evidence|results)\b)"
    r"|(?m:^)[ \t]*(?:send|submit|provide)[ \t]*:(?=[ \t]*\S)"
    # the thirty-fourth set's US plans (the thirty-second pass): a heading "Missing items:" over its list; a pend form's
    # "Pended for: <what>" and "Also needed: <what>" opening their lines; a reviewer who "requests a peer-to-peer ..."; a
    # relay's "they need <what> before they will decide" (never "the member requests", nor a need with no decision after it)
    r"|\bmissing\s+(?:items?|documents?|documentation|records)\s*:"
    # (a portal's heading with a note in brackets before its colon, "Information needed (checked items only):", the
    # thirty-third pass)
    r"|(?m:^)[ \t]*(?:information|documents?|documentation|items?|records)\s+(?:needed|requested|required)[ \t]*\([^()\n]{1,40}\)[ \t]*:"
    # (a relay's "The plan asked for: <what>", the thirty-third pass; never "The member asked for: ...")
    r"|\b(?:the\s+)?(?:health\s+)?(?:plan|insurer|payer|reviewer)\s+(?:has\s+|have\s+)?(?:asked|asks)\s+for\s*:"
    # (a heading "Missing from your request:" over its list, the thirty-third pass)
    r"|(?m:^)[ \t]*missing\s+from\s+(?:your|the|this)\s+(?:request|submission|form)\s*:"
    r"|(?m:^)[ \t]*(?:pended|pending|on\s+hold)\s+for\s*:(?=[ \t]*\S)|(?m:^)[ \t]*also\s+(?:needed|required|missing)\s*:(?=[ \t]*\S)"
    r"|\b(?:director|reviewer|pharmacist|plan)\s+(?:also\s+)?requests(?=\s+(?:a|an|the|your)\s)"
    # (a request or its form "received without <what>", the thirty-fourth pass)
    r"|\b(?:request|form|fax|submission)\s+(?:was|were|has\s+been)\s+received\s+without(?=\s+(?:a|an|the|your)\s)"
    # the thirty-seventh set (letters pass 35): a review that waits "until we receive the items marked [X] below" over a
    # list of boxes (the ticked ones asked for), its line ending there
    r"|\b(?:until|once|when)\s+(?:we|they|the\s+plan|the\s+reviewer)\s+(?:receive|get|have)s?\s+the\s+(?:items?|documents?|records?)\s+"
    r"(?:checked|marked|ticked)(?:[ \t]+(?:\[[ \t]*[xX✓✔][ \t]*\]|with\s+an?\s+(?:x|check(?:\s?mark)?|tick)))?[ \t]+below(?=[ \t.:]*(?:\n|$))"
    # (a form "was missing:" over its list; a portal's "Open items (2)" heading over its bullets, never its "Closed
    # items"; a reviewer or pharmacist who "needs" a record, a report or a result, said of this request's review)
    r"|\b(?:form|request|submission|fax)\s+(?:was|is)\s+missing\s*:"
    r"|(?m:^)[ \t]*(?:open|outstanding)\s+items?(?:[ \t]*\(\d{1,2}\))?[ \t]*:?[ \t]*(?=\n)"
    r"|\b(?:our|the)\s+(?:(?:nurse|clinical|physician)\s+)?(?:reviewer|pharmacist|medical\s+director)\s+(?:still\s+|also\s+)?needs"
    r"(?=\s+(?:the\s+|a\s+|an\s+|your\s+)?[^.\n]{0,40}\b(?:notes|records|report|results?|documentation|panel|scan|test)\b)"
    r"|\b(?:they|the\s+plan|the\s+reviewer)\s+(?:still\s+|also\s+)?needs?"
    r"(?=\s+(?:a|an|the|your)\s[^.\n]*(?:\n[^.\n]*)?\bbefore\s+(?:they|we|it|the\s+plan)\s+(?:will|can|could)\s+(?:decide|review))",
    I,
)
# an item its own line marks as not needed for this member ("3. Pregnancy status - NOT NEEDED for this member")
_WAIVED_INLINE = re.compile(r"[ \t]+[-–(][ \t]*(?:not[ \t]+(?:needed|required|applicable)|n/a)\b[^\n]*$", I)
# the instruction under an ask's one line says where or when to send it ("Fax to 866-...", "Mail them to ..."): no item
_HOW_TO_SEND = re.compile(r"\n[ \t]*(?-i:[A-Z])[a-z]+(?:\s+(?:it|them|these|this))?\s+(?:to|within|by)\b")
# a clause after the object that says why it is asked ("... before they will decide"): no part of the item
_WHY_ASKED = re.compile(
    r"\s+before\s+(?:(?:they|we|it|the\s+plan)\s+(?:will|can|could)\s+(?:decide|review)|deciding|making\s+(?:a|its|the)\s+decision)\b.*\Z",
    I | re.S,
)
_BULLET = re.compile(
    # (a Markdown task list's bullet before its box: "- [x] item", at fax "-{ ] item"; a fax's speck after a dash "-.";
    # a small letter and its stop, "a. The biopsy report": the thirty-third pass)
    r"^[ \t]*(?:[-*+][ \t]*(?=[\[({][^\])}\n]{0,3}[\])}][ \t]))?(?:[-–•*·▪◦»>«©°□][.,](?=[ \t])|[-–•*·▪◦»>«©°□]|[eo](?=\s)|\d{1,2}[.)]|0\d(?=[ \t])|\(\d{1,2}\)|\(?[a-hA-H]\)|(?-i:[a-h])\.(?=[ \t])|\(?(?:i{1,3}|iv|vi{0,3}|ix|x)\)|(?-i:Q)\d{1,2}[ \t]*\|"
    # (never a table's row: "3.  | Treating oncologist's ...", a numbered row OCR gave a stop, opens its item with a bar)
    r"|(?P<box>[\[({][ \t]?[\])}]|☐)|(?P<tick>[\[({][ \t]*[xX✓✔][ \t]*[\])}]|[☒☑]))[ \t]+(?P<item>(?!\|)\S[^\n]*)$",
    re.M,
)


# a FHIR ClaimResponse print's requests: "communicationRequest[1] ...... Pathology report ..."
_COMMUNICATION_REQUEST = re.compile(
    r"^[ \t]*communicationRequest\[\d+\][ \t]*\.{2,}[ \t]*(?P<item>\S[^\n]*?)[ \t]*$"
    # the same printed as JSON: a payload's "contentString" (at fax a closing quote may be lost, or the value wrapped;
    # a print of three keys or more has its quotes blanked already, :func:`unmarked`: the value then ends its line)
    r'|["“”]?\bcontentString["“”]?[ \t]*:[ \t]*["“”]?(?P<json>[^"“”{}\n]{3,}?(?:\n(?![^\n:]*:)[^"“”{}:\n]*[^"“”{}:\s][^"“”{}:\n]*?)?)'
    r'[ \t]*(?=["“”}]|$)',
    M,
)
# a table's numbered rows of what is needed ("| Needed (1) | Date of the last dose ... |", "Missing #2: ...")
_NEEDED_ROW = re.compile(
    r"^[ \t|]*(?:still\s+)?(?:needed|required|missing|requested|item\s+needed|document\s+needed)[ \t]*(?:\(\d{1,2}\)|#\d{1,2}|\d{1,2})"
    r"[ \t]*[:|][ \t]*(?P<item>[^|\n]*?\S)[ \t|]*$",
    I | M,
)
# a document check table: a "Received (Y/N)" column; the rows marked N are what is asked for
_CHECK_HEADER = re.compile(r"^[^\n]*\b(?:received|on\s+file|submitted)\s*\(Y/N\)[ \t]*$", I | M)
_CHECK_ROW = re.compile(r"[ \t]*(?P<item>\S[^\n]*?)[ \t]{2,}(?P<yn>[YN])[ \t]*$")
# a request's object that points back at what was named before it ("please fax them to ..."), or at nobody's item
_POINTS_BACK = re.compile(r"^(?:them|it|these|those|this|that|both|all\s+(?:of\s+)?(?:them|these|those)|from\s+you)\b", I)


# a checklist's "Status" column: the rows still OUTSTANDING (or MISSING, NOT RECEIVED) are asked for, never those received
_STATUS_HEADER = re.compile(r"^[ \t|]*(?:item|document|documents|requirement|what\s+we\s+need)\b[^\n]*?[ \t|]{2,}status[ \t|]*$", I | M)
_OPEN_ROW = re.compile(
    r"[ \t|]*(?P<item>\S[^\n|]*?)[ \t|]{2,}(?:outstanding|missing|not\s+(?:yet\s+)?received|still\s+needed)\b[^\n]*$", I
)
# an X12 278 response's free-text messages that ask for a document: "MSG*SEND PATHOLOGY REPORT ...~"
_X12_SEND = re.compile(r"^[ \t]*(?:MSG[ \t]+)?MSG\*(?:SEND|PROVIDE|SUBMIT|FAX)[ \t]+(?P<item>[^~*\n]*[^~*\s])[ \t]*~", M)


def _open_rows(text: str) -> list[Hit]:
    out: list[Hit] = []
    for h in _STATUS_HEADER.finditer(text):
        pos = h.end() + 1
        rows = 0
        for line in text[pos:].split("\n")[:20]:
            if not line.strip() and rows == 0 and pos == h.end() + 1:
                pos += len(line) + 1  # the drawn rule under the header, blanked (:func:`unmarked`)
                continue
            if not line.strip():
                break
            rows += 1
            if m := _OPEN_ROW.match(line):
                out.append(Hit(" ".join(m.group("item").split()), pos + m.start("item"), pos + m.end("item")))
            pos += len(line) + 1
    return out


# a document-status list with dot leaders (the twenty-seventh pass): "3. KRAS G12C test report ....... OUTSTANDING" beside
# rows "... RECEIVED": the rows still open are asked for (a list of two rows or more, one of them received or open,
# each row's status in capitals after its leaders; a list whose rows are all received asks for nothing)
_LEADER_ROW = re.compile(
    # (at fax the leaders may vanish, a column gap left: "3. KRAS G12C test report  OUTSTANDING")
    r"^[ \t]*(?:\d{1,2}[.)][ \t]+)?(?P<item>\S[^\n.]*?(?:\.(?!\.)[^\n.]*?)*)(?:[ \t]*\.{4,}[ \t]*|[ \t]{2,})"
    r"(?P<s>(?-i:OUTSTANDING|MISSING|NOT[ \t]+(?:YET[ \t]+)?RECEIVED|PENDING|RECEIVED|ON[ \t]+FILE))[ \t]*$",
    M,
)


def _leader_rows(text: str) -> list[Hit]:
    rows = list(_LEADER_ROW.finditer(text))
    if len(rows) < 2:
        return []
    return [
        Hit(" ".join(m.group("item").split()), m.start("item"), m.end("item"))
        for m in rows
        if m.group("s").split()[0] not in ("RECEIVED", "ON")
    ]


# a pended notice's "The plan ... is asking for:" (or a request's label ending its line) over items bulleted with a
# doubled chevron (">> item", "»» item") (the thirty-second set's safety pass): the list, its wrapped lines joined
_CHEVRON_ASK = re.compile(r"\b(?:is|are)\s+(?:also\s+)?(?:asking|requesting)\s+(?:you\s+)?for\s*:[ \t]*\n", I)
_CHEVRON_ITEM = re.compile(r"[ \t]*(?:>>|»»)[ \t]+(?P<item>\S[^\n]*?)[ \t]*$")


def _chevron_list(text: str) -> list[Hit]:
    for a in itertools.chain(_CHEVRON_ASK.finditer(text), (m for m in _ASK.finditer(text) if re.match(r"[ \t]*:?[ \t]*\n", text[m.end() :]))):
        pos = text.find("\n", a.end() - 1) + 1
        items: list[Hit] = []
        for line in text[pos:].split("\n")[:20]:
            if m := _CHEVRON_ITEM.match(line):
                items.append(Hit(" ".join(m.group("item").split()), pos + m.start("item"), pos + m.end("item")))
            elif items and line.strip() and line[:1] in " \t" and not line.lstrip().startswith((">", "»")):
                last = items[-1]  # a wrapped item
                items[-1] = Hit(f"{last.value} {' '.join(line.split())}", last.start, pos + len(line.rstrip()))
            elif items or line.strip():
                break
            pos += len(line) + 1
        if items:
            return items
    return []


def _checked_rows(text: str) -> list[Hit]:
    out: list[Hit] = []
    for h in _CHECK_HEADER.finditer(text):
        pos = h.end() + 1
        for line in text[pos:].split("\n")[:20]:
            if not line.strip():
                break
            m = _CHECK_ROW.match(line)
            if m and m.group("yn") == "N":
                out.append(Hit(" ".join(m.group("item").split()), pos + m.start("item"), pos + m.end("item")))
            pos += len(line) + 1
    return out


_STATUS_LINE = re.compile(r"[ \t]*(?:REQUIRED|OPTIONAL|NEEDED|MISSING|RECEIVED|ON FILE|N/A)[ \t]*")
_DONE = re.compile(r"\b(?:received|rec['’]?d|on\s+file|already\s+(?:sent|submitted|have)|submitted)\b", I)
_SEND_UNTICKED = re.compile(r"\b(?:unchecked|unticked|not\s+(?:yet\s+)?(?:checked|ticked)|open)\s+(?:items?|boxes)\b", I)


# an item's note line that waives it for this member: "not applicable - male member", "N/A - on file" (the thirty-first pass)
# a block the plan keeps for itself ("---- FOR PLAN OFFICE USE ONLY ----" over "[ ] Approved  [ ] Denied"), letters pass 35
_OFFICE_USE = re.compile(r"\b(?:office|internal|plan|staff)\s+use\s+only\b", I)
_WAIVED = re.compile(r"[ \t]*(?:not[ \t]+applicable|n/a)\b", I)
_NONE_ASKED = re.compile(r"[ \t:]*(?:none|nothing|n/a)\b(?![ \t]+(?:of|but|except)\b)", I)


# a list lettered "a." "b." (the thirty-third pass) is an ask's only right under the ask's own line, that line ending in a
# colon or "the following" / "below" (the review's fix, 2026-12-05), never under a rights, appeal, how-to or grievance
# heading ("You may: a. ask for a redetermination b. request a copy of ...", "Your rights: a. ...")
_LETTER_STOP = re.compile(r"[ \t]*(?-i:[a-h])\.[ \t]")
_LIST_INTRODUCED = re.compile(r"(?::|\bthe\s+following|\bbelow)[ \t]*$", I)
_RIGHTS_HEADING = re.compile(
    r"\b(?:rights?|appeals?|redetermination|grievances?|complaints?|how\s+to|you\s+(?:may|can|have)|if\s+you\s+disagree)\b",
    I,
)


def _lettered_asked(text: str, a: re.Match[str], pos: int, skipped: bool) -> bool:
    """Whether a list lettered "a." "b." at ``pos`` is what the ask ``a`` asks for."""
    end = text.find("\n", a.end())
    ask_line = text[text.rfind("\n", 0, a.start()) + 1 : end if end >= 0 else len(text)]
    return (
        not skipped
        and bool(_LIST_INTRODUCED.search(ask_line.rstrip()))
        and not _RIGHTS_HEADING.search(text, a.end(), pos)
    )


def requested(text: str) -> list[Hit]:
    """What the payer asked for: a FHIR print's communication requests, a document check's rows marked N, the
    list after a request (``Please send the following:``), else the object of the request sentence itself."""
    return _requested(text, True)


def _requested(text: str, set36: bool) -> list[Hit]:
    """:func:`requested`; ``set36``: the thirty-sixth set's lists read too (merged with the ask's items after them)."""
    fhir = [
        Hit(" ".join(m.group(g).split()), m.start(g), m.end(g))
        for m in _COMMUNICATION_REQUEST.finditer(text)
        for g in ("item", "json")
        if m.group(g)
    ]
    if not fhir:
        fhir = [Hit(" ".join(m.group("item").split()), m.start("item"), m.end("item")) for m in _NEEDED_ROW.finditer(text)]
    if not fhir:
        fhir = [Hit(m.group("item"), m.start("item"), m.end("item")) for m in _X12_SEND.finditer(text)]
    if fhir or (fhir := _checked_rows(text)) or (fhir := _open_rows(text)) or (fhir := _leader_rows(text)) or (fhir := _chevron_list(text)):
        return fhir
    if questions := _questions(text):  # an ePA portal's "Q1. ...?" over its answer field, "Q2. ...": the questions
        return questions
    # the thirty-sixth set's lists (the thirty-fourth pass): a relay's column under "Plan is asking for: ...", a fax-back
    # form's blank fields, a portal's column of questions not answered yet
    if set36 and (
        found := asked_set36.column_list(text) or asked_set36.blank_fields(text) or asked_set36.column_questions(text)
    ):
        # (the review's fix: merged with the ask's items, "Please send the most recent chart notes." above a fax-back
        # form's blank fields, never in their place)
        also = [h for h in _requested(text, False) if not any(h.start < f.end and f.start < h.end for f in found)]
        return sorted([*found, *also], key=lambda h: h.start)
    for a in _ASK.finditer(text):
        if _NONE_ASKED.match(text, a.end()):
            continue  # "Info needed: none - the file is complete" asks for nothing
        tail = text[a.end() :]
        items: list[Hit] = []
        ticked = False
        pos = a.end() + (tail.find("\n") + 1 if "\n" in tail else len(tail))
        first = re.match(r"[ \t]{2,}0?1[.)]?[ \t]+(?P<item>\S[^\n]*)", tail)  # the list starts on the label's line
        if first:
            start = a.end() + first.start("item")
            items.append(Hit(" ".join(first.group("item").split()), start, a.end() + first.end("item")))
        blank_run = 0
        skipped = False  # a line of other words between the ask and its list
        lettered = False
        boxed = [False] * len(items)  # whether an item follows an empty box (it says nothing when others are ticked)
        tick_of = [False] * len(items)  # whether an item follows a ticked box
        waived: set[int] = set()  # the items the letter marks as not applying to this member (the thirty-first pass)
        # a request in the right column of a two-column page ("Prescriber: ...      Please send:"): its list is
        # read in that column, the left column's words beside each item never part of it
        line_start = text.rfind("\n", 0, a.start()) + 1
        col = a.start() - line_start if _right_column(text[line_start : a.start()]) else 0
        for full in text[pos:].split("\n")[:30]:
            if _OFFICE_USE.search(full):
                break  # "FOR PLAN OFFICE USE ONLY" over its decision boxes: the plan's own form, never what it asks for
            seg = col if col and len(full) > col and full[col - 1] in " \t" else 0
            line = full[seg:] if seg or not col or len(full) > col else ""
            m = _BULLET.match(line)
            if m and lettered and re.match(r"[ \t]*\d", line):
                break  # the lettered list's paragraph ends: the next numbered paragraph is no item
            if m and not items and _LETTER_STOP.match(line) and not _lettered_asked(text, a, pos, skipped):
                break  # "You may: a. ask for a redetermination b. ...": a rights list, never what was asked for
            if m:
                lettered = lettered or (not items and bool(re.match(r"[ \t]*\(?[a-hA-H]\)", line)))
                item = m.group("item").strip()
                start = pos + seg + m.start("item")
                items.append(Hit(" ".join(item.split()), start, start + len(item)))
                if _WAIVED_INLINE.search(item):
                    waived.add(len(items) - 1)
                boxed.append(bool(m.group("box")))
                ticked = ticked or bool(m.group("tick"))
                tick_of.append(bool(m.group("tick")))
                blank_run = 0
            elif items and _WAIVED.match(line) and not blank_run:  # (at fax its indent may be lost)
                waived.add(len(items) - 1)  # "not applicable - male member" under an item: the plan waives it
            elif items and line.strip() and line.startswith((" ", "\t")) and not blank_run:  # a wrapped item (never after a blank line)
                last = items[-1]
                items[-1] = Hit(f"{last.value} {' '.join(line.split())}", last.start, pos + seg + len(line.rstrip()))
            elif items and _STATUS_LINE.fullmatch(line):
                pass  # a row's status column that OCR set on a line of its own ("REQUIRED"): the list goes on
            elif not line.strip():
                blank_run += 1
                if items and blank_run > 1:
                    break
            elif items or (len(line.strip()) > 0 and not _ASK.search(line)):
                if items:
                    break
                skipped = True
                if pos - a.end() > 400:
                    break
            pos += len(full) + 1
        if waived:
            keep = [n not in waived for n in range(len(items))]
            items, boxed, tick_of = ([x for x, k in zip(xs, keep, strict=True) if k] for xs in (items, boxed, tick_of))
        done = [hit for hit, tick in zip(items, tick_of, strict=True) if tick]
        if ticked and (all(_DONE.search(hit.value) for hit in done) or _SEND_UNTICKED.search(text)):
            # a list whose ticks mark what came in ("[x] Chart notes (received 05/02)"): the empty boxes are asked for
            items = [hit for hit, empty in zip(items, boxed, strict=True) if empty]
        elif ticked:  # a checklist: only the ticked items were asked for
            items = [hit for hit, empty in zip(items, boxed, strict=True) if not empty]
        if items:
            return items
    asks = sorted(
        (a for a in _ASK.finditer(text) if not _NONE_ASKED.match(text, a.end())),
        key=lambda a: not a.group(0).lower().startswith("please"),
    )
    objects = [(a, o) for a in asks if (o := _ask_object(text, a))]
    if not objects:
        # no other request: the plan's own "We request a peer-to-peer discussion with ..." (its object, in its sentence)
        return next((o for a in _WE_REQUEST.finditer(text) if (o := _ask_object(text, a))), [])
    first = objects[0]
    # a second request in its own sentence adds to the first ("... and need: X. Please also send: Y.")
    said_also = [bool(re.search(r"\balso\b", a.group(0), I)) for a, _ in objects]
    also = [x for x, again in zip(objects[1:], said_also[1:], strict=True) if again or said_also[0]]
    return [hit for _, found in sorted([first, *also], key=lambda x: x[0].start()) for hit in found]


# the thirty-second set's US plans (the thirtieth pass): an ePA portal's questions, each opening its line with its number
# ("Q1. What is the date ...?", OCR's "Q2:"), under the words that name them as questions ("... answers to the questions
# below"); the answer's field under each ("Answer: ____", "( ) Yes  ( ) No", "[ Attach file ]") is none of its words
_QUESTION = re.compile(r"^[ \t]*(?-i:Q)(?P<n>\d{1,2})[.):][ \t]+(?P<item>\S[^\n]*?)[ \t]*$", M)
_QUESTIONS_NAMED = re.compile(r"\bquestions?\b", I)
# a line that goes on with the question above: small letters first, no field's blank, box or bracket
_GOES_ON = re.compile(r"[ \t]*[a-z][^\n_\[\](){}|]*$")


def _question_run(text: str) -> list[re.Match[str]]:
    """The last run of numbered questions ("Q1. ...", "Q2. ...", from 1 in order) in the text (shared with
    :mod:`priorauth.letters.safety34`)."""
    run: list[re.Match[str]] = []
    for m in _QUESTION.finditer(text):
        if int(m.group("n")) == len(run) + 1:
            run.append(m)
        elif int(m.group("n")) == 1:
            run = [m]
        elif len(run) < 2:
            run = []
    return run


def _questions(text: str) -> list[Hit]:
    """The numbered questions a portal asks ("Q1. ...", "Q2. ...", from 1 in order, two or more), when the words before
    the first name them as questions; [] otherwise."""
    run = _question_run(text)
    if len(run) < 2 or not _QUESTIONS_NAMED.search(text[max(0, run[0].start() - 300) : run[0].start()]):
        return []
    out = []
    for m in run:
        item, end = m.group("item"), m.end("item")
        nxt = text[m.end() + 1 : text.find("\n", m.end() + 1) % (len(text) + 1)] if m.end() < len(text) else ""
        if nxt and _GOES_ON.fullmatch(nxt):  # the question wrapped onto the next line
            item, end = f"{item} {nxt.strip()}", m.end() + 1 + len(nxt.rstrip())
        out.append(Hit(" ".join(item.split()), m.start("item"), end))
    return out


# the plan's own request in a sentence: "We request a peer-to-peer discussion with the prescribing physician" (read only
# when no other request is found; never "we requested", nor the office's "you may request")
_WE_REQUEST = re.compile(r"\bwe\s+(?:also\s+)?(?:would\s+like\s+to\s+)?request(?=\s+(?:a|an|the|your)\s)", I)


def _right_column(left: str) -> bool:
    """Whether a request opens a page's right column: the left column's words before it, a gap between, and the
    words not a label of which the request is the value ("STATUS:     INFORMATION REQUESTED")."""
    return bool(re.search(r"\S[ \t]{2,}$", left)) and not re.search(r"[:=|][ \t]*$", left)


# a request's object with no word in it (the thirty-second set's safety pass): a date, a time, a phone or a reference
# number beside a heading that names the request ("MISSING INFORMATION   05/18/2027"), never an item to send
_NO_WORDS = re.compile(r"[\d\s/.,:;()#+\-–]*")


# where a request's object is to be sent (the lead's merge check, session 29: "Please fax the letter directly to the
# plan at 1-800-555-0153 and copy us"): a destination, never part of the item
_SEND_TO = re.compile(
    r"[ \t\n]+(?:directly[ \t\n]+)?to[ \t\n]+(?:the[ \t\n]+(?:plan|health[ \t\n]+plan|payer|pharmacy|reviewer)|us|our[ \t\n]+\w+)"
    r"\b(?=[^.\n]*(?:\d{3}[-.)\s]*\d{4}|\bfax\b|\bportal\b|\baddress\b|\bat\b|$))",
    I,
)


# a bare "the items" / "the documents" followed by when or where to send them ("Please fax the items by 05/15 to ..."):
# the things named elsewhere, never an item of its own (the thirty-seventh set, letters pass 35)
_GENERIC_SENT = re.compile(
    r"(?:the|these|those|all|any)\s+(?:above\s+|requested\s+|listed\s+|missing\s+|checked\s+|marked\s+)?"
    r"(?:items?|documents?|documentation|records|information|materials?|papers)"
    r"(?:\s+(?:above|below|listed|requested|marked|checked|ticked))?(?:\s+(?:by|within|before|no\s+later|via)\b|\s+to\s+(?:\d|1-|us\b|our\b|fax\b|the\s+(?:plan|number|fax))|\s*$)",
    I,
)


def _points_back(text: str, at: int, obj: str) -> bool:
    """Whether a request's object points back at what was named before it, and so is no item of its own: a pronoun
    ("please fax them to ..."), or a bare "the <thing>" named in the lines just above ("The plan asked for: a letter of
    medical necessity ... Please fax the letter ..."). A thing with a word of its own ("Please also send: the pathology
    report" after "the latest CT report") is asked for."""
    # (never "the documentation by 07/23/2027: the NGS report and office notes", a list after its colon: the review's fix)
    if _POINTS_BACK.match(obj) or (_GENERIC_SENT.match(obj) and ":" not in obj):
        return True
    m = re.fullmatch(r"the\s+(?P<head>[a-z]{4,})", obj, I)  # "the pathology report" names a thing of its own
    return bool(m) and bool(re.search(rf"\b{re.escape(m.group('head'))}\b", text[max(0, at - 400) : at], I))


def _repeats(text: str, at: int) -> bool:
    """The label at ``at`` repeats the request above it ("info requested:" line after line); one that asks for more
    ("Also needed: ...") is a request of its own (the thirty-second pass)."""
    return bool(_ASK.match(text, at)) and not re.match(r"also\b", text[at:], I)


def _ask_object(text: str, a: re.Match[str]) -> list[Hit]:
    """The object of a request sentence as its items ([] when it names nothing that can be sent)."""
    # the request's sentence ends, or the next label's line begins ("info needed: X | Y" over "respond by: ...")
    # (a label repeating the request, "info requested:" line after line, goes on)
    stops = re.compile(r"[.!?](?=\s|$)|\n\s*\n|\f|\n[ \t]*[A-Za-z][A-Za-z ]{0,30}:[ \t]").finditer(text, a.end())
    stop = next((m for m in stops if not (m.group(0).endswith((" ", "\t")) and _repeats(text, m.start() + len(m.group(0)) - len(m.group(0).lstrip())))), None)
    end = stop.start() if stop else len(text)
    if (how := _HOW_TO_SEND.search(text, a.end(), end)) and re.match(r"[ \t]*:", text[a.end() :]):
        end = how.start()  # "Please send: <what>" over "Fax to 866-...": the instruction is no part of it
    if why := _WHY_ASKED.search(text, a.end(), end):
        end = why.start()
    line_start = text.rfind("\n", 0, a.start()) + 1
    if re.match(r"[ \t:]*\n", text[a.end() :]) and _right_column(text[line_start : a.start()]):
        return []  # a request in a page's right column over its list: the next line begins with the left column's words
    if where := _SEND_TO.search(text, a.end(), end):
        end = where.start()  # "please fax the report directly to the plan at 1-800-...": where to send is no part of it
    obj = text[a.end() : end].strip(" :.\n")
    if _points_back(text, a.start(), obj):
        return []  # "them", or "The plan asked for: a letter of ... Please fax the letter to the plan": named above
    if _NO_WORDS.fullmatch(obj):
        return []  # "PA PENDING - MISSING INFORMATION      05/18/2027": a heading's date, nothing to send
    if len(obj) >= 8 and not not_items.no_item(obj) and not re.search(r"\bappeal\b|^(?:more|additional|further|some)\s+information", obj, I):
        start = a.end() + (len(text[a.end() : end]) - len(text[a.end() : end].lstrip(" :\n")))
        return _split(obj, start)
    return []


def _split(obj: str, start: int) -> list[Hit]:
    """An inline list (``the pathology report and the NGS report``, an extract's ``notes | report``, items numbered
    ``1) ... 2) ...``) as its items."""
    out = []
    if re.match(r"1\)[ \t]+\S[^\n]*?[ \t]2\)[ \t]+\S", obj):
        cuts = [m for n, m in enumerate(re.finditer(r"(?:^|(?<=[ \t]))(?P<n>\d)\)[ \t]+", obj)) if int(m.group("n")) == n + 1]
        for n, m in enumerate(cuts):
            end = cuts[n + 1].start() if n + 1 < len(cuts) else len(obj)
            # the list ends with its line (a line wrapped at fax, opening at the margin, goes on; the next message's
            # line opens with its blanked head)
            lines = obj[m.end() : end].split("\n")
            kept = [lines[0], *itertools.takewhile(lambda x: x.strip() and not x[0].isspace(), lines[1:])]
            item = "\n".join(kept).rstrip(" \t;,")
            out.append(Hit(" ".join(item.split()), start + m.end(), start + m.end() + len(item)))
        return out
    for m in re.finditer(
        # (a series of short names in capitals inside one item stays whole: "testing for EGFR, ALK and ROS1", the
        # thirty-second pass)
        # (nor an item's ", including ..." / ", with ...", what it holds: letters pass 35)
        r"(?:(?!;|[ \t]\|[ \t]|,\s+and\s|,\s+(?!(?-i:[A-Z][A-Z0-9-]{1,7})(?:,|\s+(?:and|or)\s)|(?:including|showing|with)\s)|"
        r"\s+and\s+(?=the\s|a\s|an\s|any\s|all\s|your\s|recent\s)).)+",
        obj,
        re.S,
    ):
        lead_in = re.match(r"\s*\|?\s*(?:(?:and|or)\s+)?", m.group(0))
        lead = lead_in.end() if lead_in else 0
        item = m.group(0)[lead:].strip()
        if len(item) >= 4:
            out.append(Hit(" ".join(item.split()), start + m.start() + lead, start + m.start() + lead + len(item)))
    return out or [Hit(" ".join(obj.split()), start, start + len(obj))]
