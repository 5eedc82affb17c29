"""The rules that read a payer letter's text: each returns :class:`Hit` s (a value and the span it was
read from), never a value without its span. The outcome's rules live in
:mod:`priorauth.letters.outcome` (named here too, as the reader's one set of rules); the numbers, dates,
quantity, reasons, requests and the patient here."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from datetime import date, timedelta

from priorauth.letters import (
    appeal_terms,
    card_number,
    chat,
    cjk_dates,
    column_label,
    compared,
    dates,
    decision,
    declared_order,
    dotted_dates,
    fhir_xml,
    french_dates,
    household,
    ini_values,
    margin,
    member_labels,
    member_on_request,
    misread,
    more_patient,
    named,
    ncpdp_xml,
    nordic_patient,
    not_items,
    parts,
    pipe_table,
    pointers,
    quoted_csv,
    ranks,
    sms,
    spaced,
    stray_label,
    tables,
    worded,
    written_on,
    xml_attributes,
)
from priorauth.letters.outcome import PARTIAL as PARTIAL
from priorauth.letters.outcome import outcome as outcome
from priorauth.letters.outcome import outcome_hits as outcome_hits
from priorauth.letters.outcome import scope as scope
from priorauth.letters.spans import _OURS as _OURS
from priorauth.letters.spans import _SENTENCE, _STALE, _THIS_ROW, GARBLED_LEADER, I, M
from priorauth.letters.spans import Hit as Hit

# a typed-in form's entries sit in its blanks ("Fund reference:   __PEHF 27-3318-RX_________"): the underscores
# touching an entry are the blank's, not the entry's; a blank left empty ("Approved from: ______") stays as it is
# (at fax a blank's underscores may come out as one mark between the label and the entry: "Date of decision: _ 09/13/2027",
# "Fund reference:  — PEHF 27-3318-RX", or glued to the entry: "Plan no.: _KWM 330-12")
_FENCE = re.compile(
    r"_{2,}(?=[^\s_])|(?<=[^\s_])_{2,}|(?<=:[ \t])[ \t]*[_—|](?=[ \t]+[A-Za-z0-9])|(?<=:[ \t])[ \t]*_(?=[A-Za-z0-9])"
)


def unfenced(text: str) -> str:
    """The text with the blanks around typed entries as spaces (the same length: every span holds)."""
    return _FENCE.sub(lambda m: " " * len(m.group(0)), text)


# a flattened PDF form printed with its fields' names ("txtMemberID: WQN 771 204 9", "chkDenied: On"): the
# name's widget prefix dropped and its words split ("Member ID:"), a check box as one ("[X] Denied", "[ ] Approved");
# the same length (padded after the colon), so every span holds; a name too long to split in place stays as it is
_WIDGET = re.compile(
    r"^(?P<lead>[ \t]*)(?P<kind>txt|fld|tb|dd|cbo|chk|cb|cbx)(?P<name>[A-Z][A-Za-z0-9]{1,40})[ \t]*:(?P<rest>[^\n]*)", re.M
)
_WIDGET_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z][a-z]+|[a-z]+")
_CHECKED = re.compile(r"[ \t]*(?i:on|yes|true|x|1|checked)[ \t]*")
_UNCHECKED = re.compile(r"[ \t]*(?i:off|no|false|0|unchecked)?[ \t]*")


def _widget(m: re.Match[str]) -> str:
    words = " ".join(_WIDGET_WORD.findall(m.group("name")))
    body = m.group(0)[len(m.group("lead")) :]
    if m.group("kind") in ("chk", "cb", "cbx"):
        if _CHECKED.fullmatch(m.group("rest")):
            out = f"[X] {words}"
        elif _UNCHECKED.fullmatch(m.group("rest")):
            out = f"[ ] {words}"
        else:
            return m.group(0)
    else:
        out = f"{words}:" + " " * (len(body) - len(words) - 1 - len(m.group("rest"))) + m.group("rest")
        return m.group("lead") + out if len(out) == len(body) else m.group(0)
    return m.group("lead") + out.ljust(len(body)) if len(out) <= len(body) else m.group(0)


# a letter saved as a web page (a portal's HTML): its tags are blanks of the same length, so a table's cells
# ("<td>Decision</td><td><b>APPROVED</b></td>") read as a label and its value, and every span holds; a
# non-breaking space's entity is a blank too. Only a text that opens as HTML is so read.
_HTML = re.compile(r"\A\s*(?:<!doctype\s+html|<html\b)", re.I)
_TAG = re.compile(r"<!--.*?-->|<![A-Za-z][^<>\n]{0,200}>|</?[A-Za-z][^<>\n]{0,200}>", re.S)
_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{2,5});")
_ENTITY_AS = {"&ndash;": "-", "&mdash;": "-", "&minus;": "-", "&amp;": "&", "&sol;": "/"}


def _tag(m: re.Match[str]) -> str:
    if m.group(0).lower().startswith("<li"):  # a list's item is a bulleted line ("-   Chart notes")
        return "-" + " " * (len(m.group(0)) - 1)
    return re.sub(r"[^\n]", " ", m.group(0))


def _entity(m: re.Match[str]) -> str:
    mark = _ENTITY_AS.get(m.group(0).lower(), " ")  # a dash between dates stays one; the rest are blanks
    return mark.center(len(m.group(0)))


# a message printed as XML (an ePA gateway's log: "<PayerAssignedMemberID>BMH0...</PayerAssignedMemberID>"): each
# value's run of opening tags becomes its label in words ("Payer Assigned Member ID:"; the outer tags', then the
# first words, dropped until it fits the run), every other tag a blank; the same length, so every span holds.
# A value wrapped by the print is one line again. Only a text with an XML declaration, or many closing tags, is so read.
_XML = re.compile(r"<\?xml\b", re.I)
_XML_CLOSE = re.compile(r"</[A-Za-z][\w.:\-]{0,60}>")
_XML_LEAF = re.compile(r"(?P<open>[ \t]*(?:<[A-Za-z][\w.:\-]{0,60}(?:[ \t][^<>\n]{0,200})?>)+)(?P<v>[^<>\n]*\S[^<>]{0,400}?)(?=</)")
_XML_LIST_ITEM = re.compile(r"(?:Requested|Needed|Missing|Required)?(?:Item|Question|Document|Entry)(?:Text|Description)?", re.I)
_XML_DECLARATION = re.compile(r"<\?[^<>\n]{0,200}\?>")
_XML_NAME = re.compile(r"<([A-Za-z][\w.:\-]{0,60})")
_XML_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z][a-z]+|[a-z]+|\d+")


# a list's item number in its own element ("<QuestionID>2</QuestionID><QuestionText>List each ...") is the
# item's marker ("2.  List each ..."), no label
_XML_ITEM_CLOSE = re.compile(
    r"(?:<[A-Za-z][^<>\n]{0,200}>)+(?P<n>\d{1,2})</[\w.:\-]{0,60}(?:ID|Number|No|Seq|Sequence|Index)>(?P<open>(?:<[A-Za-z][^<>\n]{0,200}>)*)(?P<v>[^<>\s][^<>]{0,400}?)(?=</)", re.I
)


def _xml_label(m: re.Match[str]) -> str:
    names = [n.split(":")[-1] for n in _XML_NAME.findall(m.group("open"))]
    room = len(m.group("open"))
    value = m.group("v").replace("\n", " ")  # a value the print wrapped is one line again (the same length)
    if _XML_LIST_ITEM.fullmatch(names[-1]) and room >= 2:  # a list's item ("<Item>Chart notes</Item>") is a bullet
        return "- ".rjust(room) + value
    for k in range(len(names)):
        words = [w for n in names[k:] for w in _XML_WORD.findall(n)]
        words = [w for i, w in enumerate(words) if not (i and (w == words[i - 1] or (w == "Time" and words[i - 1] == "Date")))]
        label = " ".join(w for i, w in enumerate(words) if not (i and w == words[i - 1])) + ": "
        if len(label) - 1 <= room:  # (its colon hugging the value when the tags leave no room for a blank)
            return label[:room].ljust(room) + value  # at the line's start: no wrapped line of the value above it
    # a fax's OCR drops a line's indent, so an element at the line's start leaves no room for its spaced label
    # ("<PACaseID>LPB-..."): its own name, unspaced, always fits ("PACaseID: LPB-...")
    return f"{names[-1]}:".ljust(room) + value


def _xml_item(m: re.Match[str]) -> str:
    return (m.group("n") + ". ").rjust(m.start("v") - m.start()) + m.group("v").replace("\n", " ")


# a list's container named for what is asked (``<InformationRequested>`` alone on its line) is the list's heading
_XML_ASKED = re.compile(r"(?m)^[ \t]*<(?P<k>[A-Za-z][\w.\-]{0,60}(?i:requested|needed|required|missing))(?:[ \t][^<>\n]{0,200})?>[ \t]*$")


def _xml_asked(m: re.Match[str]) -> str:
    label = " ".join(_XML_WORD.findall(m.group("k"))) + ":"
    return label.ljust(len(m.group(0))) if len(label) <= len(m.group(0)) else " " * len(m.group(0))


# an element named for the decision, alone on its line and closed below ("<Approved>" ... "</Approved>" around the
# answer's body, an ePA message's status): its name is the outcome, printed as a stamp's word ("APPROVED")
_XML_DECISION = re.compile(r"^[ \t]*<(?P<v>Approved|Denied|Pended)(?P<rest>[ \t][^<>\n]{0,200})?>[ \t]*$", M | I)


def _xml_decision(text: str) -> str:
    for m in reversed(list(_XML_DECISION.finditer(text))):
        if re.search(rf"</{m.group('v')}>", text[m.end() :]):
            word = " " + m.group("v").upper() + " " * (len(m.group("rest") or "") + 1)
            text = text[: m.start("v") - 1] + word + text[m.end("v") + len(m.group("rest") or "") + 1 :]
    return text


def _xml(text: str) -> str:
    text = ncpdp_xml.read(text)  # an NCPDP PA response's open status and the patient's payer id, labelled
    text = xml_attributes.labelled(_XML_ITEM_CLOSE.sub(_xml_item, fhir_xml.read(_XML_DECLARATION.sub(_blank, text))))
    text = _XML_LEAF.sub(_xml_label, _xml_decision(text))
    text = _XML_ASKED.sub(_xml_asked, text)
    return _TAG.sub(_tag, text)


def untagged(text: str) -> str:
    """The text of a letter saved as HTML with its tags and entities blanked (same length, spans hold), or
    printed as XML with each value's tags as its label (:func:`_xml`); any letter's other markup blanked too
    (:func:`unmarked`) and its numeric dates read in the order it says (:func:`day_first`)."""
    if _HTML.match(text):
        text = _ENTITY.sub(_entity, _TAG.sub(_tag, text))
    elif _XML.search(text) or len(_XML_CLOSE.findall(text)) >= 6 or _xml_decision(text) != text:
        text = _xml(text)
    return day_first(unmarked(text))


# a letter printed from its source, not as it shows: marks that carry no words become blanks of the same length
# (every span holds). RTF ("{\b TRH-27-...}\par", "\tab DOB:"); JSON ('"preAuthRef": "QV4-..."', a FHIR resource's
# print); Markdown ("**Member:**", an id in `backticks`); a mail merge's field codes left in ("«Auth_No» CV27...");
# a box-drawn table's rules ("│ Approval code │ 5R8T-... │" reads as a "|" table); a bilingual label's second
# language between the English label and its colon ("Member ID 會員編號: JHH-...", "Date 日期: August 9, 2027")
_RTF = re.compile(r"\\[a-z][a-zA-Z]{0,31}-?\d{0,6} ?|\\[{}\\]|[{}]")
# (at fax a straight quote may come out curly: “created”)
_JSON = re.compile(r'\A\s*[{\[]|["“”](?:resourceType|[A-Za-z_]+)["“”]\s*:\s*[\[{"“”\d]')
_JSON_MARK = re.compile(r'["“”]|[{}\[\]](?=[\s,"“”{}\[\]]|$)|(?<=["“”}\]]),', M)
_JSON_ID = re.compile(r'["“”]id["“”][ \t]*:[ \t]*["“”][^"“”\n]{0,60}["“”]')
# (a Markdown source has a heading and bold that hugs its words: a stamp's "** APPROVED ... **" is no markup)
_MARKDOWN = re.compile(r"^#{1,6}[ \t]+\S", M)
_BOLD = re.compile(r"\*\*\S[^*\n]{0,80}?(?<=\S)\*\*")
# (at fax a backtick may come out as a quote or a degree sign hugging the code: ‘HBT-PA-27-05-3391°)
_MARKDOWN_MARK = re.compile(r"\*\*|`|(?<=[\s|])[‘’'](?=[A-Z0-9])|(?<=[A-Z0-9])[‘’'°](?=[ \t]*(?:\||$))|^[ \t]*>[ \t]", M)
_MERGE_FIELD = re.compile(r"«[A-Za-z][A-Za-z0-9_ ]{0,40}»")
_BOX = str.maketrans({c: "|" for c in "│┃║┆┊"} | {c: " " for c in "─━═┄┈┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬┏┓┗┛┣┫┳┻╋"})
_SECOND_LANGUAGE = re.compile(r"(?<=[A-Za-z.#])[ \t]+[\u3000-\u30ff\u3400-\u9fff\uac00-\ud7af\uff00-\uffef■]{1,12}(?=[ \t]*[:：])")
# a PDF whose font lacks a script's glyphs prints each as a black square: a lone one beside a blank or a line's
# edge is a box rule it could not draw ("■ Approval code ■ 5R8T-..."), a run of them words it could not print
_LONE_SQUARE = re.compile(r"(?:(?<=[ \t])|^)■(?!■)|(?<!■)■(?=[ \t]|$)", M)


def _no_glyph_line(m: re.Match[str]) -> str:
    """A line's black squares: lone ones are a table's rules when the line has two or more (a row, "■ Born ■ 30 Apr
    1956 ■"; one alone may be a checked box and stays), runs of them are blanks."""
    line = m.group(0)
    if len(_LONE_SQUARE.findall(line)) >= 2:
        line = _LONE_SQUARE.sub("|", line)
    return re.sub(r"■{2,}", lambda r: " " * len(r.group(0)), line)


def _blank(m: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", m.group(0))


# a footnote's marker (¹ ² ³) hugging a label or a word ("Prior authorization number²: ...", "NOTICE OF APPROVAL¹",
# "number²,") or opening the footnote itself: a blank (never a unit's square, "mg/m²")
_FOOTNOTE_MARK = re.compile(r"(?<=[A-Za-z.,:;)])(?<!/m)[¹²³⁴⁵⁶⁷⁸⁹⁰]+|^[ \t]*[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2}(?=[ \t])", M)
# an INI-style notice ("[member]" sections, "member_id=WCE-..." keys): each key is a label ("member id:"), the same length
_INI_SECTION = re.compile(r"^[ \t]*\[[A-Za-z][\w ]{1,30}\][ \t]*$", M)
_INI_KEY = re.compile(r"^(?P<lead>[ \t]*)(?P<k>[A-Za-z][A-Za-z0-9_]{0,40})[ \t]*=(?=[ \t]*\S)", M)


def _ini_key(m: re.Match[str]) -> str:
    return m.group(0)[:-1].replace("_", " ") + ":"


# a YAML export ("pa_reference: \"AMBV-...\"", "society_no: ...", nested keys under "member:"): each snake-case key
# is a label ("pa reference:"), a quoted value's quotes blanks; the same length
_YAML_KEY = re.compile(r"^(?P<lead>[ \t]*)(?P<k>[a-z][a-z0-9]*(?:_[a-z0-9]+)*):(?=[ \t]|$)", M)
_YAML_SNAKE = re.compile(r"^[ \t]*[a-z][a-z0-9]*(?:_[a-z0-9]+)+:[ \t]", M)
_YAML_QUOTED = re.compile(r"(?<=:[ \t])(?P<q>[ \t]*[\"'“”‘’]{1,2})(?P<v>[^\"'“”‘’\n]*)[\"'“”‘’]?(?=[ \t]*$)", M)  # OCR's curly quotes


def _yaml(text: str) -> str:
    if len(_YAML_SNAKE.findall(text)) < 3 or len(_YAML_KEY.findall(text)) < 6:
        return text
    text = _YAML_KEY.sub(lambda m: m.group(0).replace("_", " "), text)
    return _YAML_QUOTED.sub(lambda m: " " * (m.start("v") - m.start()) + m.group("v") + " " * (m.end() - m.end("v")), text)


# a telex / teletype message ("ZCZC" opens it, "NNNN" ends it): its sentences end in "STOP", its fields are a key in
# capitals and a blank ("REF SFS/27/0113", "MEMBER ANA ROOK STOP BORN 11 NOV 1958 STOP"). The STOPs are read as
# full stops or blanks and the field keys as labels (the blank after the key a colon: the same length)
_TELEX = re.compile(r"^[ \t]*ZCZC\b[\s\S]*^[ \t]*NNNN[ \t]*$", M)
_TELEX_STOP = re.compile(r"[ \t]STOP(?=[ \t]+[A-Z])|(?P<end>[ \t]STOP(?=[ \t]*$))", M)
# (a numbered paragraph's key too: "4. REASON KRAS G12C NOT DETECTED STOP")
_TELEX_KEY = re.compile(r"^(?P<k>[ \t]*(?:\d{1,2}\.[ \t]+)?(?:REF|DATE|MEMBER|BORN|SOCIETY[ \t]NO|GROUND|GROUNDS|REASON|QUANTITY|COVER))[ \t](?=\S)", M)


def _telex(text: str) -> str:
    # a STOP ending its line ends a sentence (a full stop), one inside a line only a field
    text = _TELEX_STOP.sub(lambda m: ("." if m.group("end") else " ") + " " * (len(m.group(0)) - 1), text)
    text = re.sub(r"(?<=[ \t]{2})BORN[ \t](?=\d)", "BORN:", text)  # "MEMBER ANA ROOK     BORN 11 NOV 1958"
    return _TELEX_KEY.sub(lambda m: m.group("k") + ":", text)


# an X12 message printed raw ("ST*278*0001~", "MSG*PENDED FOR ...~"): its envelope's segments carry no words of the
# letter and are blanked (a message's last words run on into its trailer "SE*15*0001~" no more)
_X12_SEGMENT = re.compile(r"^[ \t]*[A-Z][A-Z0-9]{1,2}\*[^\n]*~[ \t]*$", M)
_X12_ENVELOPE = re.compile(r"^[ \t]*(?:ISA|GS|ST|SE|GE|IEA)\*[^\n]*~[ \t]*$", M)


def _x12(text: str) -> str:
    return _X12_ENVELOPE.sub(_blank, text)


# an audit trail's entry: "2027.07.21 15:12      reason         Patient is ...": its event word is the label of what
# follows (the blank after the word becomes its colon, same length; the entry's time stays)
_EVENT = re.compile(
    r"(?<=^)(?P<k>[ \t]*\d{4}[.\-/]\d\d[.\-/]\d\d[ \t]+\d{1,2}:\d\d(?::\d\d)?[ \t]+(?-i:[a-z]+))[ \t](?=[ \t]+\S)", re.M
)
# a label in capitals alone on its line, its value indented on the line below ("REQUEST NUMBER\n     ACP-CR-...",
# "RATIONALE\n     The restaging CT ..."): the line break becomes the label's colon (same length)
_STACKED = re.compile(r"^(?P<l>[ \t]*(?-i:[A-Z][A-Z]+(?:[ \t][A-Z]+){0,3}))[ \t]*\n(?=[ \t]{2,}\S)", re.M)
# (at fax: the value's line has a digit or a small letter, never another label in capitals)
_STACKED_FLAT = re.compile(r"^(?P<l>[ \t]*(?-i:[A-Z][A-Z]+(?:[ \t][A-Z]+){0,3}))[ \t]*\n(?=[ \t]*[^\n]*[a-z0-9])", re.M)


def _stacked_label(m: re.Match[str]) -> str:
    """A stacked label with its line break made its colon (same length)."""
    return m.group("l") + ":" + " " * (len(m.group(0)) - len(m.group("l")) - 1)


def unmarked(text: str) -> str:
    """The letter's text with its source's markup blanked (same length): RTF, JSON, Markdown, mail-merge
    field codes, box-drawing rules, a bilingual label's second language."""
    if text.lstrip().startswith("{\\rtf"):
        text = _RTF.sub(_blank, text)
    if len(_JSON.findall(text)) >= 3:  # a resource's own "id" is no number of the letter's: blanked with its value
        text = _JSON_MARK.sub(_blank, _JSON_ID.sub(_blank, text))
    if _MARKDOWN.search(text) and _BOLD.search(text):
        text = _MARKDOWN_MARK.sub(_blank, text)
    text = quoted_csv.straightened(_MERGE_FIELD.sub(_blank, text))  # a CSV export's quotes as OCR read them
    text = _FOOTNOTE_MARK.sub(_blank, text)
    if _INI_SECTION.search(text) and len(_INI_KEY.findall(text)) >= 4:
        text = ini_values.worded(_INI_KEY.sub(_ini_key, text))  # "status = pending_information": words
    text = margin.unnumbered(spaced.joined(sms.unthreaded(_yaml(text))))
    if len(_X12_SEGMENT.findall(text)) >= 4:
        text = _x12(text)
    if _TELEX.search(text):
        text = _telex(text)
    if len(_EVENT.findall(text)) >= 4:  # an audit trail: each entry's event names what it says
        text = _EVENT.sub(lambda m: m.group("k") + ":", text)
    if len(_STACKED.findall(text)) >= 3:  # a stacked-label layout: each label the name of the indented value below it
        text = _STACKED.sub(_stacked_label, text)
    elif len(_STACKED_FLAT.findall(text)) >= 5:  # the same, its indent lost at fax: five labels or more over values
        text = _STACKED_FLAT.sub(_stacked_label, text)
    text = _SECOND_LANGUAGE.sub(_blank, text.translate(_BOX))
    return re.sub(r"[^\n]*■[^\n]*", _no_glyph_line, text) if "■" in text else text


# a letter that says its numeric dates are day first ("All dates in this letter are written day/month/year.",
# "03/09/1957 (dia/mês/ano)", "(DD/MM/YYYY)"): each such date is rewritten month first in place (the same length:
# "14/06/2027" is "06/14/2027"), so every reader of a date reads it as the letter means it; the note itself is
# blanked (a note beside one date would otherwise turn it twice)
_DAY_FIRST_SAID = re.compile(
    # (Italian "gg/mm/aaaa", French "jj/mm/aaaa" too; a German letter's dotted dates are read day first already)
    # (its opening bracket lost at fax, right after the date it follows: "08/09/1948 JJ/MM/AAAA)")
    r"(?:\(|(?<=\d[ ]))(?:day|dd|dia|d|gg|giorno|jj|jour)[/.\-](?:month|mm|m[eêé]s|m|mese|mois)[/.\-](?:year|yyyy|yy|ano|aaaa|a|anno|ann[ée]e)\)"
    r"|\b(?:dates?|datas?)\b[^.\n]{0,40}\b(?:written|are|in|given|shown|printed|s[aã]o|est[aã]o)\b[^.\n]{0,12}"
    r"\b(?:day|dd|dia)[/.\-](?:month|mm|m[eêé]s)[/.\-](?:year|yyyy|ano|aaaa)\b"
    r"|\ball[ \t]+dates[ \t]+(?-i:DD/MM/YYYY|dd/mm/yyyy)\b",  # an extract's comment: "all dates DD/MM/YYYY"
    I,
)
_NUMERIC_DATE = re.compile(r"(?<![\w/.\-])(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})(?![\w/]|\.\d)")


def _swap(m: re.Match[str]) -> str:
    d, sep, mo, y = m.groups()
    if not (1 <= int(d) <= 31 and 1 <= int(mo) <= 12):
        return m.group(0)
    return f"{mo}{sep}{d}{sep}{y}"


def day_first(text: str) -> str:
    """The text with its numeric dates month first when the letter says they are day first (same length)."""
    notes = list(_DAY_FIRST_SAID.finditer(text))
    if not notes:  # nothing said: a letter in French is day first all the same ("du 09/08/2027 au ...")
        return _NUMERIC_DATE.sub(_swap, text) if french_dates.day_first(text) else text
    for note in notes:
        text = text[: note.start()] + " " * (note.end() - note.start()) + text[note.end() :]
    return _NUMERIC_DATE.sub(_swap, text)


def unwidgeted(text: str) -> str:
    """The text with a flattened form's field names as labels and its check boxes as boxes (same length)."""
    return _WIDGET.sub(_widget, text)


# -- numbers -----------------------------------------------------------------------------------------
# an id: letters, digits and dashes; a space inside only before a group of 3+ more (a lone character
# after a space is what OCR made of a column rule or a bar, never part of the number)
# OCR's symbols for a letter in an id (€ or © for C): read, never proposed as they are (see recheck)
OCR_SYMBOLS = "€©¢"
_ID = (
    r"(?P<v>(?=(?:[A-Z0-9€©¢\-/ ]|[#.:~·](?=[A-Z0-9]))*\d)[A-Z0-9€©¢](?:[A-Z0-9€©¢\-/]| (?=\d[A-Z0-9\-]{2})| (?=\d\d \d{3})|(?<=-) (?=[A-Z0-9]{2,}-)|"
    r"(?<=[A-Z]) ?#(?=\d)|(?<=[A-Z0-9])[.:~·](?=[A-Z0-9](?:[A-Z0-9]|[.:~·](?=[A-Z0-9])))){3,30}(?<=[A-Z0-9]))"  # OVA.D.27, FHC~27~0511, APH·27·0406 (a middle dot)
)
_NUM = r"(?:number|nbr|nr\.?(?![a-z])|[nm]u(?:m|rn|n|ni){1,2}[bh]er)"  # and a system's "NBR"  # and what OCR makes of it: mumber, nurnber, numher
_NUMBER_LABELS = tuple(
    label.replace("{NUM}", _NUM)
    for label in (  # the authorization's own number first, a reference number after it
        r"(?:prior\s+)?auth(?:orization|\.)?\s*(?:contro[l1I|\]]\s+|tracking\s+)?(?:{NUM}|no(?:[.,]|(?![a-z]))|num\.?|#|id|code|request(?=\s*:)|r[eo]f(?:erence)?(?:\s*(?:{NUM}|no(?:\.|(?![a-z]))|#))?)",  # OCR's "Auth rof"
        r"(?:approval|(?:pre-?)?cer[tl]ification|(?:pre-?)?cert\.?)\s*(?:{NUM}|no(?:\.|(?![a-z]))|#|id|code|ref(?:erence)?)",
        # a FHIR ClaimResponse print's "preAuthRef ......... X"
        r"pre-?auth(?:ori[sz]ation)?\s*ref(?:erence)?",
        r"(?:PA|prior\s+auth(?:orization)?)\s*(?:request\s*|case\s*|contro[l1I|\]]\s*)?(?:{NUM}|no(?:\.|(?![a-z]))|#|id|ref(?:erence)?)",
        r"(?-i:PACN|PAN|PAR)(?=[\s.:#])",  # the PA control, authorization or reference number's initials
        r"(?:PA\s+)?case(?=\s*:)",
        r"(?:case|file)(?=\s+(?-i:[A-Z]{1,6}[-/]?[A-Z]{0,4}[-/]?)\d)",  # "...; Case AR-UM-77120", "request, file RMW-27-..."
        r"(?:ticket|case|file)(?=[\s.]+(?-i:[A-Z]{2,6}[:~.][A-Z0-9]))",  # "ticket GMH:RX:27:08:2417", "ticket.... BKH:27:..."
        # (OCR's "l" for the "t" of "Certification no.")
        # a French letter's: "No de demande :", "N° de dossier :", "Numéro d'autorisation :"
        r"(?:n[o°º]\.?|num[ée]ro)\s+(?:de\s+|d['’]\s*)(?:demande|dossier|autorisation|r[ée]f[ée]rence|accord(?:\s+pr[ée]alable)?|entente(?:\s+pr[ée]alable)?)",  # "N° d'accord préalable :"
        r"r[ée]f[ée]rence\s+(?:du|de\s+la|de\s+l['’]\s*)\s*(?:dossier|demande|accord)(?=\s*:)",  # "Référence du dossier :"
        r"(?-i:AUTH)\s+(?-i:KEY)(?=[ \t]{2,}|\s*:)",  # an extract's "AUTH KEY    OF27-..." column
        # an Italian letter's protocol number: "Prot. n. CMV/2027/IV/00873", "Protocollo n.:"
        r"prot(?:ocollo|\.)?\s*n(?:\.|[°º]|um(?:ero|\.))?(?=\s*:?\s*[A-Z0-9])",
        # and its request's own code: "Codice autorizzazione:", "Codice pratica:", "Numero pratica:"
        r"(?:codice|numero|n\.)\s+(?:di\s+|della\s+)?(?:autorizzazione|pratica|richiesta)(?=\s*:)",
        r"case(?=\s+\d{6,}(?![\d/.\-]))",  # a portal's "Case 5518820" (six digits or more, no date)
        # the request's number under any review's name: "Redetermination number", "UR number", "File no."
        r"(?:reference|ref\.?|case|tracking|request|review|confirmation|episode|(?:re)?determination|ticket|pa\s+case|"
        r"reconsideration|file|intake|(?-i:U[RM])|utilization\s+(?:review|management)|decision|notice|referral|inquiry|denial|docket)\s*(?:control\s+)?(?:{NUM}|no(?:\.|(?![a-z]))|#|id)",
        # a Portuguese letter's: "Nº de autorização:", "Número do pedido:", "N.º de processo:"
        # (at fax the "º" may read as a "2": "N2 de autorizacao:")
        # (and "N®& da solicitacgao:": :mod:`priorauth.letters.misread`'s stand-ins for "º", "ç" and "ã")
        rf"(?:n\.?\s*{misread.ORDINAL}\.?|n[uú]mero)\s+d[aeo]\s+(?:{misread.marked('autorização')}|pedido|processo|{misread.marked('solicitação')})(?=\s*:)",
        # the payer's own file named as such ("Our file: TFS-HB-27-...", "Our reference: ..."), a deed's "Instrument No."
        r"our\s+(?:file|reference|ref\.?)(?=\s*:)",
        r"instrument\s*(?:{NUM}|no(?:\.|(?![a-z]))|#)",
        # a Spanish letter's number: "Numero de autorizacion:", "Num. de caso:", "Num. de solicitud:"
        # (at fax the "ó" may read as "6" or "é": "Numero de autorizaci6n:")
        r"n[uú]m(?:ero|\.)?\s+de\s+(?:autorizaci[oó6éè]n|caso|solicitud|referencia|referido)",
        # and its file number, the request's own where no authorization number is printed: "Nº de expediente:" (at
        # fax "N2 de expediente:", as the Portuguese label's)
        r"(?:n\.?\s*[º°o2]\.?|n[uú]m(?:ero|\.)?)\s+de\s+expediente(?=\s*:)",
        # "Autorización previa n.º:", "Solicitação n.º:" (at fax "n.º" may be "n.2")
        r"(?:autorizaci[oó]n|solicitud|caso|solicita[cçg][aã]o|pedido)(?:\s+previa)?\s+n(?:\.?\s*[º°o]|\.2)\.?(?=\s*:)",
        # a Brazilian letter's "Senha de autorização:" (the authorization's password is its number)
        r"senha(?:\s+de\s+autoriza[cç][aã]o)?(?=\s*:)",
        # a German letter's: "Vorgangsnummer:", "Genehmigungs-Nr.:", "Aktenzeichen:"
        r"(?:(?:vorgangs|genehmigungs|bewilligungs|antrags)-?(?:nummer|nr\.?)|aktenzeichen)(?=\s*:)",
        # a Swiss letter's cost approval under its number: "Kostengutsprache Nr. KGS 2027/...", "Gesuch um Kostengutsprache Nr."
        r"(?:kosten)?gutsprache\s*(?:nr\.|nummer)",
        # a Dutch letter's own reference ("Ons kenmerk:", never "Uw kenmerk", the sender's), "Machtigingsnummer:"
        r"(?:(?:ons|onze)\s+(?:kenmerk|referentie)|(?:machtigings|dossier|aanvraag)nummer)(?=\s*:)",
        # the twenty-fourth set's languages (the twenty-third pass): a Spanish "Nº de autorización:", a Brazilian guide's
        # "Protocolo de atendimento:", a Swedish "Beslutsnummer:", a Danish "Bevillingsnummer:", a Polish "Nr sprawy:"
        # (never the member's "Nº de asegurado", "Medlemsnummer", "Nr członkowski")
        rf"n\.?\s*{misread.ORDINAL}\.?\s+de\s+autorizaci[oó6]n(?=\s*:)",
        r"protocolo\s+de\s+atendimento(?=\s*:)",
        r"(?:beslut|bevillings|tillst[åa]nds)s?nummer(?=\s*:)",
        r"nr\.?\s+(?:sprawy|decyzji)(?=\s*:)",
        # a request's id joined by a number sign, in a sentence: "Coverage request KDH#27-08-2231 is approved"
        r"(?:request|case|file)(?=\s+(?-i:[A-Z]{1,6})#\d)",
        r"(?:authorization|auth|reference|ref\.?|case\s+reference|(?-i:(?<!Claim\s)(?<!Claims\s)(?<!CLAIM\s)(?<!CLAIMS\s)(?:File|FILE|(?<=[A-Z&]\s)file))|(?-i:U[RM]))(?=\s*:)",
        r"(?:covermymeds\s+|cmm\s+)?key(?=\s*:)",
        # a batch print's field code for the case's number ("CASE-NO", "AUTH-NBR"), a column's header
        r"(?-i:(?:CASE|AUTH|PA|REQ)[-_](?:NO|NBR|NUM|NUMBER|ID))(?=\s*:|[ \t]{2,})",
        # a plain-language letter's question and its answer: "Is there a number for this request?\n  Yes: X"
        r"(?:number|reference)\s+for\s+(?:this|your)\s+(?:request|case)\?\s*(?:yes\b[:,.]?)?",
        # a bare "Tracking:", "reference (REF*NT) ....": a colon or dot leaders after it
        r"(?:reference|ref|tracking)(?=(?:\s*\((?-i:[A-Z]{2,5}(?:\*[A-Z0-9]{1,3})?)\))?(?:\s*(?::|\.{3,})|[ \t]{2,}))",
        # an abbreviated "Ref." before an id of capitals and digits ("Ref. DVH 19-08-27/4410")
        r"ref\.(?=[ \t]+(?-i:[A-Z]{2,6}[ \-]?\d))",
        # a Spanish letter's "Folio de autorización:", "Folio:"; a batch notice's "PA CONTROL....:"
        r"folio(?:\s+de\s+(?:autorizaci[oó]n|solicitud|caso))?(?=\s*:)",
        r"(?:PA|prior\s+auth(?:orization)?)\s+control(?=[ \t]*(?:\.{2,}|:))",
        # a program's initials as the request's name: "SA number", "Request for services (RFS) no.", "EA #"
        # (never a person's, a drug's or a plan's id: NPI, DIN, PHN, MRN, ...)
        # (nor a fax machine's transmission report's "JOB NO." of the page it sent)
        r"(?:\(?(?-i:(?!(?:NPI|DEA|TIN|EIN|SSN|PHN|MRN|DIN|NDC|BIN|PCN|TTY|MBI|HICN|ID|PIN|RX|GRP|DOB|MBR|MEM|SUB|SUBS|ENR|CERT|JOB|FAX|TEL|PGS)\b)[A-Z]{2,4})\)?)"
        r"\s*(?:{NUM}|no(?:\.|(?![a-z]))|#)(?=\s*[:.#]|\s{2,})",
    )
)
# (a run of OCR's letters opens with a letter: its dots before are the leader's, so a long run of dots splits one way
# only, never in every way when the value after it does not match; the same texts match)
LEADER = r"[\s.:#]*(?:[\-–|][\s.:#]*)?(?:(?-i:[a-z][a-z.]+)[\s.:#]+){0,3}"  # dot leaders, and what OCR makes of them ("scisiscess")
_ABBREV = r"(?:\s*\((?-i:[A-Z]{2,5}(?:\*[A-Z0-9]{1,3})?)\))?"  # and an X12 rendering's segment: "(REF*NT)"  # "Prior Authorization Number (PAN): ..."
_NUMBER_RES = [
    re.compile(rf"\b{label}{_ABBREV}\s*(?:is\s*)?{LEADER}{_ID}(?![A-Za-z0-9])", I) for label in _NUMBER_LABELS
]
# a request's id in capitals (slashes too) after a bare label and dot leaders ("Authorization ...... BCH/27/11/0915-S",
# "Request ....... ILH-RCI-2712-0060", "Case .... EM-27-A-66013"), or after "under authorization" in a sentence that
# may wrap the id onto the next line
_CAPS_ID = r"(?P<v>(?-i:(?=[A-Z0-9\-/]*\d)(?=[A-Z0-9\-/]*[A-Z\-])[A-Z0-9][A-Z0-9\-/]{5,29}(?<=[A-Z0-9])))(?![A-Za-z0-9/])"
_NUMBER_RES += [
    re.compile(rf"(?:^[ \t|]*|[ \t]{{2}})(?:authori[sz]ation|request|case)[ \t]*\.{{3,}}[ \t]*{_CAPS_ID}", I | M),
    # its groups spaced ("Case .........  NB 27 0819 4471  |"): letters, then groups of digits, ending the column
    re.compile(
        r"(?:^[ \t|]*|[ \t]{2})(?:authori[sz]ation|request|case|review[ \t]+(?:number|no\.?))(?:[ \t]*\.{3,}[ \t]*|[ \t]{2,}|[ \t]*:[ \t]*)"  # (or a fax's column gap)
        r"(?P<v>(?-i:[A-Z]{1,4}(?: \d{2,6}){2,}))(?=[ \t]{2,}|[ \t]*(?:\||\n|$))",
        I | M,
    ),
    re.compile(rf"^[ \t|]*(?:authori[sz]ation|request|case)[ \t]{{2,}}{_CAPS_ID}[ \t]*$", I | M),  # OCR lost the leaders
    re.compile(rf"\b(?:under|with|quote)\s+(?:the\s+)?(?:authori[sz]ation|approval)(?:\s+(?:number|no\.?|#))?\s+{_CAPS_ID}", I),
]
# a spaced id's last short group at its line's end ("AUTH: BB 27 05031 7", "DECISION NUMBER: MDA 2703 0119 LK")
_SPACED_ID = re.compile(r"[A-Z]{1,4}(?: \d{2,6}){2,}")
_LAST_GROUP = re.compile(r" (?P<g>\d|[A-Z]{2,3})[ \t]*(?=\n|$)")
# an id cut before its last group: a group with a digit after one space, ending its line or column ("Approval code:
# FR 5Q71 J2K8", "Request PA-VH-0098 3312", a hyphened last group "KV 27 0412 Q-31"): an id of groups takes it; an id of one piece is left unread (never half)
_CUT_GROUP = re.compile(r" (?P<g>(?=[A-Z0-9-]*\d)[A-Z0-9]{1,6}(?:-[A-Z0-9]{1,6})?)[ \t]*(?=\n|$|[ \t]{2}|\|)")
# a spaced id of one group or more ("GPH 0406", "HCA 2704 2011")
_SPACED_GROUPS = re.compile(r"[A-Z]{1,4}(?: \d{2,6})+")
# a spaced id's further groups of digits, ending its sentence, its line or a telex's numbered paragraph ("AUTH NO
# QRT 1207 27 44 STOP", "Your approval number is LMC 3105 2277 4."): the groups the id's shape cut off belong to it
_MORE_GROUPS = re.compile(r"(?: \d{1,6})+(?=[ \t]*(?:\n|$|\.(?:\s|$)|[,;)]|[ \t]{2}|\|)|[ \t]+(?-i:STOP)\b)")
# a spaced id followed by a group of digits that runs on into words: where the id ends cannot be told
_RUNS_ON = re.compile(r" \d{1,6}\b")
# a phone number's shape, on a line that names phone or fax numbers: never a request's number
_PHONE_SHAPED = re.compile(r"(?:\(?\d{3}\)?[ .\-])?\d{3}-\d{4}")
_PHONE_LINE = re.compile(r"\b(?:fax|phone|telephone|tel|call)\b", I)
# a call's or a phone line's reference is the call's, not the request's ("Call reference / ticket #: 0927-55102")
_CALL = re.compile(r"\b(?:call|phone|telephone|caller|hotline)[ \t]+(?:reference|ref\.?|ticket|log|tracking|id)\b[^\n]{0,24}$", I)
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z][a-z])|\n[ \t]*\n")  # "PA No. AP-25-..." goes on


_STALE_ROW = re.compile(r"\b(?:expired|superseded|replaced|closed|cancell?ed|withdrawn|previous)\b", I)
_HISTORY = re.compile(r"\b(?:history|previous|earlier|past)\b", I)
# a heading naming this case's own record ("case history export", "case log"): its block is this request's, no history
_THIS_CASE = re.compile(r"\bcase\s+history\b", I)


# a renewal's letter names the authorization it replaces as the "current" one: "Current authorization:
# X (dates)" beside "Renewal authorization: Y"; where a new one is named, the current one's line is stale
_CURRENT_LINE = re.compile(
    r"^[ \t|'‘’`\".,:;_~-]*(?:current|existing|present|active|old)\s+(?:prior\s+)?(?:auth|approval|pa\b|special|coverage)",
    I | M,
)
_NEW_NAMED = re.compile(
    r"\b(?:new|renewal|renewed|revised|updated|replacement|continuation|extended)\s+(?:prior\s+)?"
    r"(?:auth\w*|approval|pa\b|period|coverage|number|special)",
    I,
)


# a renewal's "Your current approval for LUMAKRAS (no. X, valid a through b) ends soon": the approval it replaces
_CURRENT_ENDING = re.compile(r"\b(?:current|existing|present)\s+(?:approval|authori[sz]ation|certification)\b", I)
_SENTENCE_OR_LABEL = re.compile(r"[.!?](?=\s+[A-Z][a-z])|\n[ \t]*\n|\n[ \t]*[A-Z][^\n:]{0,40}:")
_ENDING = re.compile(r"\b(?:ends|expires|will\s+(?:end|expire)|runs\s+out|is\s+ending)\b", I)


def _stale(text: str, pos: int) -> bool:
    """Whether what stands at ``pos`` belongs to an earlier authorization: its sentence, up to it, says
    so ("The patient's previous authorization, PA No. X, valid ... through ..."), or it stands on the
    current authorization's line of a letter that names a new one."""
    line_start = text.rfind("\n", 0, pos) + 1
    if _CURRENT_LINE.match(text, line_start) and _NEW_NAMED.search(text):
        return True
    start = max(0, pos - 300)
    for m in _SENTENCE_END.finditer(text, start, min(len(text), pos + 2)):  # its lookahead sees the word at pos
        start = min(m.end(), pos)
    if _STALE.search(text, start, pos):
        return True
    current = _CURRENT_ENDING.search(text, start, pos)  # "Your current approval (..., valid a through b) ends soon"
    if current:  # its own sentence says it ends, after what stands at pos (never a label line below it)
        tail = text[current.end() : current.end() + 240]
        cut = _SENTENCE_OR_LABEL.search(tail)
        ending = _ENDING.search(tail, 0, cut.start() if cut else len(tail))
        if ending and current.end() + ending.start() > pos:
            return True
    line_end = text.find("\n", pos)
    if _STALE_ROW.search(text, pos, len(text) if line_end < 0 else line_end):  # "... 2026-09-24 to 2027-09-23  EXPIRED"
        return True
    block = max(text.rfind("\n\n", 0, pos), text.rfind("\f", 0, pos)) + 1
    heading = text[block : text.find("\n", block + 1) if "\n" in text[block + 1 :] else len(text)]
    if _THIS_ROW.search(text, line_start, len(text) if line_end < 0 else line_end):
        return False  # the history's row marked as this request's
    # a block under a heading such as "PRIOR AUTHORIZATION HISTORY" (a short line of its own, no sentence)
    return (
        block + len(heading) < pos
        and len(heading.split()) <= 8
        and not heading.rstrip().endswith(".")
        and bool(_HISTORY.search(_THIS_CASE.sub("", _URL_PART.sub("", heading))))
    )


# a web address or a path on a console's heading line ("GET /requests/X?include=history"): its words head no block
_URL_PART = re.compile(r"(?:https?://|/)\S*|\S*[?&=]\S*")


# the fallback: any label naming the request's reference ("Our reference for this request:", "Reference /
# Referencia:", "Prior authorization request BSO-UM-8791305 for ...") over an id in capitals that has
# digits and letters or dashes, set off by a colon, a column or nothing at all
_STRICT_ID = r"(?P<v>(?-i:(?=[A-Z0-9\-]*\d)(?=[A-Z0-9\-]*[A-Z\-])[A-Z0-9][A-Z0-9\-]{5,29}(?<=[A-Z0-9])))"
_NUMBER_ANY = re.compile(
    r"\b(?:(?:prior\s+)?auth(?:orization)?|reference|ref\.?|request|case|review|control|tracking|certification|(?-i:PA)|"
    r"pre-?certification|determination|approval|utilization\s+review)"
    r"(?:\s+(?:request|number|no\.?|id|#|code|reference))?"
    r"(?:\s+(?:for|of|on)\s+(?:this|the|your)\s+(?:request|case|review|letter))?"
    r"(?:[ \t]*/[ \t]*[A-Za-z]+)?"
    r"[ \t]*(?::[ \t]*|[ \t]{2,}|[ \t])" + _STRICT_ID + r"(?![A-Za-z0-9])",
    I,
)


# a slashed id going on after a blank with more slashed groups ("SVH/PA/27 10/0388", a blank OCR put inside a group)
_SLASH_RUNS_ON = re.compile(r"[ ][A-Z0-9]{1,6}/[A-Z0-9]")
_ID_COLUMN = re.compile(r"^[^\d\n]*\b(?:reference|ref\.?|auth(?:orization)?|number|no\.|case|id|#)[^\d\n]*$", M)


def item_number(ours: str) -> Hit | None:
    """In a table deciding several drugs whose header names a reference column, the one id on LUMAKRAS's
    own row (``LUMAKRAS 120 MG TABLET   CSK2708120045   APPROVED ...``), when OCR's columns do not line up."""
    if not _ID_COLUMN.search(ours):
        return None
    for line in re.finditer(r"[^\n]+", ours):
        if not _OURS.search(line.group(0)):
            continue
        ids = [
            m
            for m in re.finditer(r"(?<![\w/])" + _STRICT_ID + r"(?![\w/])", line.group(0))
            if sum(c.isdigit() for c in m.group("v")) >= 5 and not dates.DATE_RE.fullmatch(m.group("v"))
        ]
        if len(ids) == 1:
            return Hit(ids[0].group("v"), line.start() + ids[0].start("v"), line.start() + ids[0].end("v"))
    return None


# a reopened or corrected decision names the earlier decision's number in its story and its own on a line labelled new
# ("New determination no.: X", "Revised authorization number: Y"): that line's number is the letter's
_NEW_LABEL = re.compile(r"(?:^|\n)[ \t|*]*(?:new|revised|corrected|amended|replacement|reissued)[ \t]+$", I)


# an id's last group printed after a spaced slash, ending its line (the year of "GH-0602-77 / 27")
_SLASH_GROUP = re.compile(r"[ \t]+/[ \t]+(?P<g>\d{2,4})(?=[ \t]*(?:\n|$))")


def authorization_number(text: str) -> Hit | None:
    return _authorization_number(text, new_only=True) or _authorization_number(text)


def _authorization_number(text: str, new_only: bool = False) -> Hit | None:
    for p in (*_NUMBER_RES, _NUMBER_ANY):
        for m in p.finditer(text):
            value = m.group("v")
            if new_only and not _NEW_LABEL.search(text, text.rfind("\n", 0, m.start()), m.start()):
                continue
            if (
                re.search(r"[1-9]", value)  # an id of zeros is a sample's placeholder ("GHH-D-0000-0000")
                and not dates.DATE_RE.fullmatch(value)
                and not _stale(text, m.start())
            ):
                end = m.end("v")
                if (joined := re.match(r"([.:~])[A-Z0-9](?![A-Za-z0-9])", text[end : end + 3])) and value.count(joined.group(1)) >= 2:
                    value, end = value + text[end : end + 2], end + 2  # its own mark joins every part ("SBT:A:27:05100:3")
                elif joined:
                    continue  # the id goes on past a mark OCR made of a space ("BCH 0621 7704.2"): never half of it
                if _CALL.search(text, text.rfind("\n", 0, m.start()) + 1, m.start("v")):
                    continue
                if _PHONE_SHAPED.fullmatch(value) and _PHONE_LINE.search(text, text.rfind("\n", 0, m.start()) + 1, m.start("v")):
                    continue  # "New fax numbers: pharmacy PA 555-0129": a phone number on a line of phone numbers
                if member_on_request.names_member(text, text.rfind("\n", 0, m.start()) + 1, m.start()):
                    continue  # "Member ID on the request: BMX-...": the member's id, never the number
                if pointers.theirs(text, text.rfind("\n", 0, m.start()) + 1, m.start("v")):
                    continue  # "Your ref: onc/12   Our ref: X": the correspondent's, never the payer's
                spaced = _SPACED_GROUPS.fullmatch(value)
                if spaced and (more := _MORE_GROUPS.match(text, end)):
                    value, end = text[m.start("v") : more.end()], more.end()
                elif "/" in value and _SLASH_RUNS_ON.match(text, end):
                    continue  # "SVH/PA/27 10/0388": OCR put a blank inside a slashed id; never half of it
                elif spaced and _RUNS_ON.match(text, end):
                    continue  # "DHP 2810 0413 6 when you call": where the spaced id ends is not clear; never half of it
                if _SPACED_ID.fullmatch(value) and (last := _LAST_GROUP.match(text, end)):
                    value, end = text[m.start("v") : last.end("g")], last.end("g")
                elif cut := _CUT_GROUP.match(text, end):
                    if not re.search(r"[ \-]", value):
                        continue
                    value, end = text[m.start("v") : cut.end("g")], cut.end("g")
                if slash := _SLASH_GROUP.match(text, end):  # "GH-0602-77 / 27": its last group after a spaced slash
                    value, end = text[m.start("v") : slash.end("g")], slash.end("g")
                return Hit(value.replace("- ", "-").upper(), m.start("v"), end)  # OCR's "SF- PA-2704"
    return None if new_only else _stamp_number(text)


def _stamp_number(text: str) -> Hit | None:
    """The one reference id on a decision stamp atop a returned form, unlabelled ("** PENDED FOR REVIEW **
    LARK RX ** LS-PND-27-0091"): letters and digits joined by hyphens, five digits or more, not a date."""
    top = "\n".join(text.split("\n")[:4])
    for line in _STAMP_LINE.finditer(top):
        end = line.end()  # OCR may put the stamp's id on a line of its own under it
        if m := re.match(r"\n[ \t]*[A-Z0-9-]+[ \t]*(?=\n|$)", top[end:]):
            end += m.end()
        ids = [
            m
            for m in re.finditer(r"(?<![\w/#:-])(?=[A-Z0-9-]*[A-Z])(?:[A-Z0-9]+-)+[A-Z0-9]+(?![\w/-])", top[line.start() : end])
            if sum(c.isdigit() for c in m.group(0)) >= 5 and not dates.DATE_RE.fullmatch(m.group(0))
        ]
        if len(ids) == 1:
            return Hit(ids[0].group(0), line.start() + ids[0].start(), line.start() + ids[0].end())
    return None


# -- dates -------------------------------------------------------------------------------------------
_Q = r"(?:letter|notice|notification|decision|determination|mail(?:ing)?|print|issue|sent|run)\s+"
_SUF = r"\s+(?:of\s+(?:this\s+)?(?:letter|notice|notification|decision|determination)|sent|issued|mailed|printed)"
_LETTER_DATE = re.compile(  # "dated 05/28/2026" in a sentence is another paper's date, never the letter's
    # (a speck a fax's OCR put before a line's label, "' Date: Mon, 13 Sep 2027", is no word of the line)
    # (a title in capitals whose column gap before its date label a fax closed to one blank: "NOTICE OF DENIAL Notice
    # date: 04/08/2027"; the label capitalised and with its colon, never a sentence's "notice date")
    r"(?:^(?:[ \t]*['‘’`,.](?=[ \t]))?|(?<=\S[ \t]{2})|(?<=(?-i:[A-Z]{2})[ \t])(?=(?-i:Notice|NOTICE|Letter|LETTER)[ \t]+(?i:date)[ \t]*:))[ \t]*"
    rf"(?:{_Q}dated?(?:{_SUF})?[ \t.:\-]*|dated?{_SUF}[ \t.:\-]*|dated?(?:[ \t]*[.:\-]|[ \t]{{2,}})[ \t.:\-]*|(?-i:DATE|Issued|ISSUED)[ \t]+"
    r"|(?:issued|mailed|printed|created|sent(?:[ \t]+time)?)(?:[ \t]+on)?(?:[ \t]*:|[ \t]*\.{3,})[ \t]*"
    r"|(?i:response|message|notice|letter)[ \t]+(?i:created|issued|generated)(?:[ \t]+on)?[ \t:]+"  # an X12 print's "Response created 2027-06-11 14:22"  # "Issued: 08.30.2027", FHIR "created ..... 2027-07-02T..."
    r"|(?<![\w])(?:(?i:so)[ \t]+)?(?:given|dated|signed|done|ordered)[ \t]+(?:at[ \t]+[A-Z][\w ]{0,30},[ \t]+)?this[ \t]+(?=(?:\d|[a-z]+[\s-]?[a-z]*[ \t]+day)))"  # "Given this 3rd day of May, 2027", a board's "So ordered this 18th day of ..."
    rf"(?:{dates.WEEKDAY}[ \t]+)?(?P<d>" + dates.DATE + r")",
    M,
)


# a fax cover sheet as page 1 ("FACSIMILE TRANSMITTAL", "FAX COVER SHEET"): its date is the fax's, the letter's
# own date is on the pages after it
_COVER = re.compile(r"\b(?:facsimile|fax)\s+(?:transmittal|transmission|cover(?:\s+(?:sheet|page))?)\b", I)


# a date's order said beside it: "(day/month/year)", "(month.day.year)", "(DD/MM/YYYY)"
_FORMAT_NOTE = re.compile(r"[ \t]*\((?:day|month|year|dd|mm|yyyy)(?:[/.\- ](?:day|month|year|dd|mm|yy|yyyy)){2}\)$", I)


# a German dateline's dotted date, day first as German letters write it ("Lindenau, den 09.03.2027": 9 March)
_GERMAN_DATELINE = re.compile(r",[ \t]*den[ \t]+\d{1,2}\.\d{1,2}\.\d{4}[ \t]*$")


def _day_first(line: str, found: dates.Found) -> dates.Found:
    """A numeric date read day first, as the note beside it says ("04/08/2027 (day/month/year)" is 4 August)."""
    m = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", line[found.start : found.end])
    day = dates.calendar_day(m.group(3), m.group(2), m.group(1)) if m else None
    return found if day is None else dates.Found(day, found.start, found.end)


def letter_date(text: str) -> Hit | None:
    first, sep, rest = text.partition("\f")
    if sep and _COVER.search(first) and (own := _letter_date(rest)):
        at = len(first) + 1
        return Hit(own.value, own.start + at, own.end + at, own.note)
    own = _letter_date(text) or written_on.letter_date(text)  # "<payer> writes on April 6, 2027 about ..."
    if own is not None and isinstance(own.value, date):  # "Haselbrück, 10.02.2027" beside "17.03.1949 (TT.MM.JJJJ)"
        own = Hit(dotted_dates.reread(text[own.start : own.end], own.value, text), own.start, own.end, own.note)
    return own


def _letter_date(text: str) -> Hit | None:
    """The letter's own date: a decision stamp's atop the letter ("DENIED 10 MAY 2027" over a returned form,
    whose "Date:" is its signer's), a ``Date:`` label, else the first line of page 1 that is only a date,
    or a heading line's last column ("NOTICE OF DENIAL            MAR 31 2027", "... (FAX)   2/2/27  16:05")."""
    top = "\n".join(text.split("\n")[:3])
    if _JULIAN_SAID.search(text) and (m := _JULIAN_DATE.search(top)) and (d := julian(m.group("j"))):
        return Hit(d, m.start("j"), m.end("j"), f"Julian date {m.group('j')}")  # a register's "RUN DATE 27180"
    for m in _DECIDED_ON.finditer(top):
        if (d := dates.parse(m.group("d"))) and not _RANGE_AFTER.match(top, m.end("d")) and not _stale(text, m.start()):
            return Hit(d, m.start("d"), m.end("d"))
    if stamped := _stamp_date(text):
        return stamped
    for m in _LETTER_DATE.finditer(text):
        d = dates.parse(m.group("d"))
        if d:
            return Hit(d, m.start("d"), m.end("d"))
    first_page = text.split("\f", 1)[0]
    lines = first_page.split("\n")[:25]
    pos = 0
    for line in lines:
        stripped = re.sub(rf"^(?:{dates.WEEKDAY}|le\b)\s*", "", line.strip(), flags=I)  # "Mon 1 Nov 2027", French "Le 7 mai 2027"
        # a dateline: a place, then the date ("Puerto Alameda, a 22 de marzo de 2027", "Bremerhaven, 21. Juni 2027")
        # (a place's particle in small letters: "Viana do Alvor, 28 de janeiro de 2027", "Castel di Sangro, ...")
        stripped = re.sub(
            r"^[A-ZÀ-Þ][\w'’.-]*(?:[ -](?:[A-ZÀ-Þ][\w'’.-]*|d[aeiou]s?|del|della|dei|sur|am|upon)){0,4},[ \t]*(?:a[ \t]+|le[ \t]+|den[ \t]+)?(?=\d)",
            "",
            stripped,
        )
        stripped = re.sub(r"(?<=\d)[ \t]+[—–_~|]{1,2}$", "", stripped)  # a rule's mark OCR put after a dateline: "June 7, 2027 —"
        # an app's notification heading: a bullet or an icon's square, the date, its time ("■ Oct 12, 2027 · 10:05"; at
        # fax the middle dot read as a dash between blanks, "May 12, 2027 - 4:47 PM")
        stripped = re.sub(
            r"(?<=\d)(?:[ \t]*[·,@]|[ \t]+[-–][ \t])[ \t]*\d{1,2}:\d{2}(?:[ \t]*[AaPp]\.?[Mm]\.?)?$", "", re.sub(r"^[■•▪][ \t]*", "", stripped)
        )
        note = _FORMAT_NOTE.search(stripped)
        stripped = _FORMAT_NOTE.sub("", stripped)  # "28/04/2027 (day/month/year)": the date alone, its order said
        found = dates.find(re.sub(r"(?<=\d{4})/(?!\d{1,2}/)", " ", line))  # "June 15, 2027/15 de junio" (OCR)
        if found and ((note and re.match(r"[ \t]*\((?:day|dd)", note.group(0), I)) or _GERMAN_DATELINE.search(line)):
            found[0] = _day_first(line, found[0])
        # a line that is only a date, or a letterhead's date column ("July 1, 2026      Reference ..."), or a
        # date and its translation ("June 15, 2027 / 15 de junio de 2027")
        alone = found and stripped and found[0].end - found[0].start >= len(stripped) - 1 and len(found) == 1
        opens = found and line.strip().startswith(line[found[0].start : found[0].end])
        translated = opens and re.match(r"[ \t]*/[ \t]*\S", line[found[0].end :])
        column = opens and re.match(rf"[ \t]*(?:{dates.DATE})(?:[ \t]{{2,}}|$)", line, I)
        if alone or translated or column:
            return Hit(found[0].day, pos + found[0].start, pos + found[0].end)
        # a heading line's last field after a middle dot or a bar ("ACME HEALTH · RENEWAL DECISION · 7 December 2027",
        # at fax the dot read as a colon or a dash),
        # in the letter's first three lines: the letter's date, before any table's dates below it
        if (
            len(found or []) == 1
            and pos < len("\n".join(lines[:3]))
            and (tail := _HEADING_DATE.search(line))
            and not re.search(r"\b(?:dob|d\.o\.b|birth|born|page|printed|faxed|received|sent|due|by|until|expires?|through|thru|effective|from|to|valid)\b", line, I)
            and (d := dates.parse(tail.group("d")))
        ):
            return Hit(d, pos + tail.start("d"), pos + tail.end("d"))
        pos += len(line) + 1
    for m in _LAST_COLUMN.finditer("\n".join(lines[:6])):
        if (d := dates.parse(m.group("d"))) and not re.search(r"\b(?:dob|birth|born)\b", m.group(0), I):
            if column_label.birth_by_label(text, m.start("d"), m.end("d")):
                continue  # "Date of birth" over it in a grid of labels and values: a birth, never the letter's date
            return Hit(d, m.start("d"), m.end("d"))
    # a telex's date-time group atop the message ("ZCZC SMW0412 141530Z MAY 27": the 14th, 15:30 UTC), a dateline
    # run into a wall of text whose line breaks were lost ("... Review Thursday the 21st of October 2027 Member ...")
    top3 = "\n".join(lines[:3])
    if (m := _DTG.search(top3)) and (d := dates.parse(f"{m.group('d')} {m.group('rest')}")):
        return Hit(d, m.start("d"), m.end("rest"))
    if (m := _WEEKDAY_DATE.search(top3)) and (d := dates.parse(m.group("d"))):
        return Hit(d, m.start("d"), m.end("d"))
    head = "\n".join(lines[:12])  # a stamp's or a portal's decision date near the top: "* DENIED 03/09/27 *"
    for m in _DECIDED_ON.finditer(head):
        if (d := dates.parse(m.group("d"))) and not _stale(text, m.start()):
            return Hit(d, m.start("d"), m.end("d"))
    return worded.letter_date(first_page)  # a certificate's "Given on this sixth day of July, two thousand twenty-seven"


_HEADING_DATE = re.compile(rf"\S[ \t]*(?:[ \t][·•|\-–—]|:)[ \t]+(?P<d>{dates.DATE})[ \t]*$", I)
_DTG = re.compile(r"(?<![\w/])(?=(?:0[1-9]|[12]\d|3[01])\d{4}Z[ \t])(?P<d>\d\d)\d{4}Z[ \t]+(?P<rest>" + dates._MONTH + r"[ \t]+\d{2}(?:\d{2})?)(?![\w/])", I)
_WEEKDAY_DATE = re.compile(rf"\b{dates.WEEKDAY}[ \t]+(?P<d>{dates.DATE})", I)


# a decision stamp set off by stars or arrows atop a returned form (">> NOT APPROVED - ... - 14 JUL 2027 <<"):
# its date is the letter's (not a period's "EFF ... THRU ...", nor a receipt's "REC'D ...")
_STAMP_LINE = re.compile(
    r"^[ \t]*(?:[*>=#~]{2,})[^\n]*\b(?-i:APPROVED|DENIED|PENDED|DECLINED|AUTHORIZED|AUTH\s+OK)\b[^\n]*", M
)


def _stamp_date(text: str) -> Hit | None:
    top = "\n".join(text.split("\n")[:3])
    for line in _STAMP_LINE.finditer(top):
        for m in re.finditer(rf"(?<![\w/\-])(?:{dates.DATE})", line.group(0), I):  # not inside a number
            before = line.group(0)[: m.start()]
            if re.search(r"(?:\b(?:eff(?:ective)?|from|thru|through|to|rec'?d|received|until|exp(?:ires)?)\.?)[ \t:]*$", before, I):
                continue
            ranged = re.match(rf"\s*(?:-|–|to|through|thru|until)\s*(?:{dates.DATE})", line.group(0)[m.end() :], I)
            if ranged or (d := dates.parse(m.group(0))) is None:
                continue
            return Hit(d, line.start() + m.start(), line.start() + m.end())
    return None


_RANGE_AFTER = re.compile(r"\s*(?:-|–|to|through|thru|until)\s", I)
# a heading line's last column is its date: words, a gap of two spaces or more, a date (and a time) at its end
_LAST_COLUMN = re.compile(
    rf"^[^\n]*\S(?:[ \t]{{2,}}|[ \t]+[—–][ \t]+)(?P<d>{dates.DATE})(?:[ \t]+\d{{1,2}}:\d{{2}}(?:[ \t]*[AP]\.?M\.?)?)?[ \t]*$", I | M
)
# the decision's own date, when the letter has no date of its own: a stamp's ("APPROVED 02/01/27"), a
# portal's ("Decided 28-Feb-2027", "Determination made: 3/9/27")
_DECIDED_ON = re.compile(
    r"(?-i:\b(?:APPROVED|DENIED|PENDED|DECIDED|Decided|Approved|Denied)(?:[ \t]+on)?|"
    r"\b(?:decision|determination)\s+(?:made|issued|rendered)|\b(?-i:Status|STATUS)\s+(?-i:Date|DATE))[ \t:]+"
    r"(?P<d>" + dates.DATE + r")(?![\w/])",
    I,
)


_RANGE = re.compile(
    rf"(?P<a>{dates.DATE})\s*(?:-|–|—|to|through|thru|until|and|al|hasta(?:\s+el)?|au|a(?=\s))\s*(?P<b>{dates.DATE})",
    I,
)
_PERIOD_CONTEXT = re.compile(
    r"approv|aprob|aprov|per[ií]odo|vigencia|validade|authori[sz]|autoris|p[ée]riode|covered|valid|effective|\beff\b|period|coverage|dates?\s+of\s+service|from|certif|span|duration|how\s+long", I
)
# a help desk's six-digit MMDDYY date, read only after a date's label ("EFF DT....031527", "DOB 062958")
_SIX = r"(?<!\d)(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{2}(?!\d)"
_START = re.compile(
    rf"\b(?:start(?:s|ing)?|first\s+day\s+(?:covered|of\s+coverage)|effective|eff\.?|(?:takes|took)\s+effect|begin(?:ning|s)?|commencing|from|valid\s+from|approved\s+from|authorization\s+start|period\s+start)"
    rf"(?:\s+(?:date|dt\.?))?[\s.:\-]*(?:date[\s.:\-]*)?(?:on\s+)?(?P<d>{dates.DATE}|{_SIX})",
    I,
)
_END = re.compile(
    rf"(?:(?<=approved)(?:through|thru|until)|\b(?:last\s+day\s+(?:covered|of\s+coverage)|ends?|ending|expiration|expiry|expires?(?:\s+on)?|through|thru|valid\s+(?:to|through|until)|until|stop|"
    rf"to\s+date|thru\s+date|through\s+date|authorization\s+end|period\s+end|termination|terminating|term|exp\.?)"
    r"|(?m:^)[ \t|]*(?:(?:covered|valid|approved|authorized|coverage|effective)[ \t]+)?to(?=[ \t]*(?::|\.{3,})|[ \t]{2,}\d))"  # OCR's "Approvedthrough"; a "From | To" table's "To:" column, "Approved to ....."
    rf"(?:\s+(?:date|dt\.?))?[\s.:\-]*(?:on\s+)?(?P<d>{dates.DATE}|{_SIX})",
    I,
)


def _labelled_first(found: Iterable[re.Match[str]]) -> re.Match[str] | None:
    """The first match that opens its line as a label ("Coverage starts:  January 11, 2027") over one
    inside a sentence ("asked us to cover it starting January 1, 2027"), else the first."""
    found = list(found)
    for m in found:
        line = m.string[m.string.rfind("\n", 0, m.start()) + 1 : m.start()]
        if len(line.split()) <= 3 and re.search(r"[:.]|\s{2}", m.string[m.start() : m.start("d")]):
            return m
    return found[0] if found else None


# the dates a corrected notice says were wrong: never the period
_MISTAKE = re.compile(r"\b(?:wrong|incorrect|erroneous|mistaken|in\s+error)\b", I)


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts (looking back 200 characters at most)."""
    start = max(0, pos - 200)
    for m in _SENTENCE_END.finditer(text, start, pos):
        start = m.end()
    return start


def _mistaken(text: str, pos: int) -> bool:
    """Whether the sentence up to ``pos`` says what stands there was wrong ("showed the wrong approval period (")."""
    return bool(_MISTAKE.search(text, _sentence_start(text, pos), pos))


# the range a sentence says was asked for ("You applied for cover from a to b"), where no word of approval
# stands in it before the range: the request, never the approved period
_ASKED = re.compile(r"\b(?:(?:you|we|your\s+(?:doctor|prescriber|office))\s+(?:asked|applied)\s+(?:us\s+)?for|you\s+requested|(?:was|were)\s+requested)\b", I)
_GRANTED = re.compile(r"\b(?:approved|authori[sz]ed|granted|certified)\b", I)


def _asked(text: str, pos: int) -> bool:
    """Whether the sentence up to ``pos`` says what stands there was asked for, not approved."""
    start = _sentence_start(text, pos)
    return bool(_ASKED.search(text, start, pos)) and not _GRANTED.search(text, start, pos)  # "We approved the coverage you asked for from"


def period(text: str) -> tuple[Hit | None, Hit | None] | None:
    """The approved period (start, end): a date range near words about approval or validity, else a
    labelled start and end date (either may be missing: an approval "until coverage ends" has no end)."""
    if _JULIAN_SAID.search(text) and (julian_span := _julian_period(text)):
        return julian_span
    for m in _RANGE.finditer(text):
        before = text[max(0, m.start() - 120) : m.start()]
        if not _PERIOD_CONTEXT.search(before) or re.search(r"birth|dob\b", before[-40:], I) or _stale(text, m.start()):
            continue
        if _asked(text, m.start()):  # "You applied for cover from a to b. Cover is approved from a to c."
            continue
        if _mistaken(text, m.start()):  # a corrected notice's "That letter showed the wrong approval period (a - b)"
            continue
        line_end = text.find("\n", m.start()) % (len(text) + 1)
        row = [r for r in _RANGE.finditer(text, text.rfind("\n", 0, m.start()) + 1, line_end) if r.start() >= m.start()]
        if (i := compared.pick(text, [r.span() for r in row])) is not None:
            m = row[i]  # a row of requested and approved ranges, each under its heading: the approved one
        a, b = dates.parse(m.group("a")), dates.parse(m.group("b"))
        if a and b and a <= b:
            return Hit(a, m.start("a"), m.end("a")), Hit(b, m.start("b"), m.end("b"))
    s = _labelled_first(
        m for m in _START.finditer(text) if dates.parse(m.group("d")) and not _stale(text, m.start()) and not _asked(text, m.start())
    )
    e = _labelled_first(
        m for m in _END.finditer(text) if dates.parse(m.group("d")) and not _stale(text, m.start()) and not _asked(text, m.start())
    )
    a = dates.parse(s.group("d")) if s else None
    b = dates.parse(e.group("d")) if e else None
    if a and b and a > b:
        return None
    if s is None and e is None:
        return None
    return (
        Hit(a, s.start("d"), s.end("d")) if s and a else None,
        Hit(b, e.start("d"), e.end("d")) if e and b else None,
    )


_NUMBER_WORDS = {
    "seven": 7,
    "ten": 10,
    "fourteen": 14,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty-five": 45,
    "forty five": 45,
    "sixty": 60,
    "ninety": 90,
    "one hundred twenty": 120,
    "one hundred eighty": 180,
    "one hundred and eighty": 180,
    "sixty-five": 65,
    "forty": 40,
    "twenty-one": 21,
    "thirty-five": 35,
}
_N = (
    r"(?P<n>\d{1,3}|"
    + "|".join(w.replace(" ", r"\s+").replace("-", r"[\s-]") for w in sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r")(?:\s*\((?P<nd>\d{1,3})\))?"
)
# an ordinal day: "no later than the one hundred eightieth (180th) day following ...", "the 60th day after"
_ORD = r"(?:the\s+)?(?:(?:[a-z]+[\s-]+){0,4}?\((?P<o1>\d{1,3})(?:st|nd|rd|th)\)|(?P<o2>\d{1,3})(?:st|nd|rd|th))"
_APPEAL_DAYS = re.compile(
    rf"\b(?:within|w/in|w/i|no\s+later\s+than|by|in|up\s+to|have|has|due|is|are|window|period|limit|rights|"
    rf"(?:accepted|received|taken|considered|open|available)\s+for|appeal(?=[ \t]*:))(?:[\s:|_—–]+|[ \t]*\.{{3,}}[ \t]*)(?:{_N}|{_ORD})\s+(?:calendar\s+)?days?\s+"
    # "sixty (60) calendar days counted from the memo date"; OCR's "frorn" for "from"
    r"(?:(?:counted|running|measured)\s+)?(?:of|from|fro(?:rn|m)|after|following)\s+(?:the\s+)?(?P<from>[^.;]{0,60})",
    I,
)
_APPEAL_BY = re.compile(
    rf"(?:(?:appeal|redetermination|reconsideration)[\s\S]{{0,160}}?\b(?:by|before|no\s+later\s+than|on\s+or\s+before|until|deadline(?:\s+is)?(?:[ \t]*[:.]+)?)\s+(?P<d>{dates.DATE}))"
    rf"|(?:(?:appeal\s+(?:deadline|due\s+date|by|last\s+day)|deadline\s+(?:to|for)\s+(?:file\s+an\s+|request\s+an\s+|an\s+)?appeal|"
    rf"last\s+(?:day|date)\s+to\s+(?:file\s+an\s+|request\s+an\s+)?appeal|appeal\s+must\s+be\s+(?:received|filed|submitted)\s+by)"
    rf"[^:\n]{{0,30}}?[:\s]\s*(?:{dates.WEEKDAY}\s+)?(?P<d2>{dates.DATE}))"
    rf"|(?:\b(?:until|by|before|through)\s+(?P<d3>{dates.DATE}),?\s+to\s+(?:file\s+|request\s+|submit\s+|send\s+)?(?:an?\s+|your\s+)?appeal)",
    I,
)
_FROM_LETTER = re.compile(
    r"^(?:(?:this|the|our)\s+)?(?:date\s+(?:of|on)\s+(?:this|the|our)\s+|(?:date\s+of\s+)?)"
    # (OCR's "1etter"; a board's "date of this Order")
    r"(?:(?:adverse|denial|coverage|outcome|decision|determination)\s+)?(?:[l1I]etter|notice|notification|denial|decision|determination|memo(?:randum)?|e-?mail|message|response|order)"
    r"|^(?:(?:this|the|our)\s+)?(?:denial|decision|notice|letter|determination|memo(?:randum)?|order)\s+date"
    r"|^(?:the\s+)?date\s+on\s+(?:the\s+)?(?:first|front|top)\s+page\s+of\s+(?:this|the|our)\s+(?:letter|notice)"
    r"|^this\s+date\b"  # a stamp's "APPEAL W/IN 60 DAYS OF THIS DATE": the date it bears
    # "60 days of the date this response was created", "45 DAYS OF DATE OF THIS MSG": the letter's own date
    r"|^(?:the\s+)?date\s+(?:this|the|our)\s+(?:letter|notice|response|message|msg|e-?mail)\s+was\s+(?:created|sent|issued|written|dated|mailed)\b"
    r"|^(?:the\s+)?date\s+of\s+(?:this|the|our)\s+(?:msg|telex|cable|fax)\b"
    r"|^(?:the\s+)?(?:stamp(?:ed)?|print(?:ed)?|issue|status|result|mail(?:ing|ed)?|response)\s+date\b"  # "W/IN 90 DAYS OF STAMP DATE"
    r"|^(?:the\s+)?date\s+(?:above|at\s+the\s+(?:top|head)|shown\s+above|printed\s+above|of\s+issue)\b"  # "of the date above"
    # a telex's date-time group ("45 DAYS OF THIS DTG"), the day it speaks of as today ("60 days from today's date",
    # a voicemail's), its "Issued" label ("180 days from Issued")
    r"|^(?:this|the)\s+DTG\b|^today(?:['’]s\s+date)?\b|^issued\b(?!\s+(?:by|to)\b)"
    r"|^(?:the\s+)?date\s+(?:printed|shown|written|stated|given)\s+(?:at\s+the\s+top\s+of|on|in|at\s+the\s+head\s+of)\s+(?:this|the|our)\s+(?:letter|notice)",
    I,
)
# a chat export's line stamped with its date ("[06/15/27 13:43] Plan team: ... within 60 days of today's message")
_TODAY = re.compile(r"today\b(?:['’]s\s+(?:message|date|note|reply|chat))?", I)
_LINE_STAMP = re.compile(rf"[ \t]*\[(?P<d>{dates.DATE})(?:[ \t,]+\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:[ \t]*[AaPp][Mm])?)?\]")
_NAMED_DATE = re.compile(r"(?:the\s+)?(?P<w>[A-Za-z]{4,})\s+date\b", I)
# a window counted from the day the letter was mailed (never its own date), and the mailing date it prints
_FROM_MAILING = re.compile(r"\b(?:was|were|is|been)\s+(?:mailed|posted|sent)\b|\b(?:mailing|postmark|posting)\s+date\b|\bdate\s+(?:of\s+)?(?:mailing|postmark)", I)
_MAILED_ON = re.compile(
    rf"(?:^[ \t|]*|(?<=[ \t]{{2}}))(?:mailed(?:\s+on)?|date\s+mailed|mail(?:ing)?\s+date|postmarked(?:\s+on)?|postmark\s+date)[ \t]*[:.]?[ \t]*(?P<d>{dates.DATE})",
    I | M,
)
_FROM_RECEIPT = re.compile(r"\breceiv|\bget\s+this|\bservice", I)


def appeal_deadline(text: str, letter: date | None) -> tuple[Hit | None, str]:
    """The last day to appeal: a date the letter gives, or N days from the letter's date (None, why,
    when the days run from something the letter does not date, such as its receipt)."""
    for m in _APPEAL_BY.finditer(text):
        g = next(x for x in ("d", "d2", "d3") if m.group(x))
        if _NOT_APPEAL.search(_sentences_around(text, m.start(g), m.end(g))[0]):
            continue  # the date of another window after the appeal's ("... peer-to-peer discussion until 09/06")
        if d := dates.parse(m.group(g)):
            return Hit(d, m.start(g), m.end(g)), ""
    if _JULIAN_SAID.search(text):  # a register's "APPEAL-BY 27261" where its dates are said to be Julian YYDDD
        for m in _APPEAL_BY_JULIAN.finditer(text):
            if d := julian(m.group("j"), letter):
                return Hit(d, m.start("j"), m.end("j"), f"Julian date {m.group('j')}"), ""
    for m in _APPEAL_DAYS.finditer(text):
        own, around = _sentences_around(text, m.start(), m.end())
        row = text.rfind("\n", 0, m.start()) + 1
        if "|" in text[row : m.start()]:  # a table's cell: its row is its sentence (the next row is another field's)
            own = text[row : text.find("\n", m.start()) % (len(text) + 1)]
        if not (_APPEAL_WORDS.search(around) or appeal_terms.REVIEW.search(around)) or _NOT_APPEAL.search(own):
            continue
        ordinal = m.group("o1") or m.group("o2")
        n = int(ordinal) if ordinal else int(m.group("nd")) if m.group("nd") else _days(m.group("n"))
        src = m.group("from")
        # the span cited: the window's words on their line (what the match took past it is the next row or line, its
        # OCR confidence none of the window's); it opens at the number of days (a cell's rule before it is no word of it)
        end = m.end() if (cut := text.find("\n", m.start("from"), m.end())) < 0 else max(cut, m.start("from"))
        start = m.start(next(g for g in ("n", "o1", "o2") if m.group(g)))
        if given := _FROM_GIVEN.match(" ".join(src.split())):  # "180 days of 20270419", "from decision date 11/02/27"
            said = given.group("d") or given.group("d2")
            if day := dates.parse(said):
                return Hit(day + timedelta(days=n), start, end, f"{n} days from {said}"), ""
        mailed = _MAILED_ON.search(text) if _FROM_MAILING.search(" ".join(src.split())[:60]) else None
        if mailed and (day := dates.parse(mailed.group("d"))):
            # "45 days of the date this notice was mailed" when the letter prints that date apart ("Mailed on: ..."); a
            # letter that prints none is mailed on its own date
            return Hit(day + timedelta(days=n), start, end, f"{n} days from the mailing date {mailed.group('d')}"), ""
        stamp = _LINE_STAMP.match(text, text.rfind("\n", 0, m.start()) + 1) if _TODAY.match(src) else None
        if stamp and (day := dates.parse(stamp.group("d"))):  # a chat's "within 60 days of today's message": its line's date
            return Hit(day + timedelta(days=n), start, end, f"{n} days from the message's date {stamp.group('d')}"), ""
        if _FROM_LETTER.search(" ".join(src.split())) and not _FROM_RECEIPT.search(src[:25]):
            decided = (
                (_DECISION_DATE.search(text) or _STATUS_DATED.search(text)) if _FROM_DECISION.match(" ".join(src.split())) else None
            )
            if decided and (day := dates.parse(decided.group("d"))):  # "60 days of the decision date shown above"
                return Hit(day + timedelta(days=n), start, end, f"{n} days from the decision date"), ""
            if letter is None:
                return None, f"the appeal deadline is {n} days from the letter's date, which could not be read"
            return Hit(letter + timedelta(days=n), start, end, f"{n} days from the letter's date"), ""
        if (named := _NAMED_DATE.match(" ".join(src.split()))) and not _FROM_RECEIPT.search(named.group("w")):
            # "60 days from the worksheet date": the date the letter prints under that name ("Worksheet date: ...")
            # (or "Reply issued 23/11/2027" for "the reply date above")
            label = re.search(
                rf"(?:^|[ \t]{{2}}|\|)[ \t]*{re.escape(named.group('w'))}\s+(?:date|issued|dated)[ \t]*[:.]?[ \t]*(?P<d>{dates.DATE})", text, M | I
            )
            if label and (day := dates.parse(label.group("d"))):
                return Hit(day + timedelta(days=n), start, end, f"{n} days from the {named.group('w')} date"), ""
        if labelled := appeal_terms.named_label_date(src, text):  # "30 days of date reviewed": "Date reviewed: ..."
            return Hit(labelled[0] + timedelta(days=n), start, end, f"{n} days from the {labelled[1]}"), ""
        return None, f"the appeal deadline is {n} days from a date the letter does not give ({src.strip()[:40]})"
    for m in _APPEAL_DIAS.finditer(text):  # a Spanish letter: "apelacion dentro de 60 dias a partir de la fecha de esta carta"
        if letter is not None:
            n = int(m.group("n") or m.group("n2") or m.group("n3") or m.group("n4") or m.group("n5") or m.group("n6") or m.group("n7"))
            return Hit(letter + timedelta(days=n), m.start(), m.end(), f"{n} days from the letter's date"), ""
        return None, "the appeal deadline is counted from the letter's date, which could not be read"
    for m in appeal_terms.APPEAL_FIRST.finditer(text):  # "bezwaar maken binnen 42 dagen na de datum van deze brief"
        if letter is not None:
            n = appeal_terms.days(m)
            return Hit(letter + timedelta(days=n), m.start(), m.end(), f"{n} days from the letter's date"), ""
        return None, "the appeal deadline is counted from the letter's date, which could not be read"
    return None, ""


# a mainframe register's dates as Julian YYDDD, which it says ("DATES ARE JULIAN YYDDD"): read only where it says so
_JULIAN_SAID = re.compile(r"\bjulian\b[^\n]{0,20}\bYYDDD\b|\bYYDDD\b[^\n]{0,20}\bjulian\b", I)
_APPEAL_BY_JULIAN = re.compile(r"\bappeal[-_ ]?(?:by|deadline|due)(?:[-_ ]?(?:dt|date))?[ \t:.]+(?P<j>\d{5})(?!\d)", I)


_JULIAN_DATE = re.compile(r"\b(?:run|report|print|notice|letter|decision)?[ \t_-]?(?:date|dt)[ \t:.]+(?P<j>\d{5})(?!\d)", I)


_JULIAN_FROM = re.compile(r"^[ \t]*(?:from|start|eff(?:ective)?)[-_ ]?(?:dt|date)[ \t]*:[ \t]*(?P<j>\d{5})[ \t]*$", I | M)
_JULIAN_THRU = re.compile(r"^[ \t]*(?:thru|through|to|end|exp(?:ires)?)[-_ ]?(?:dt|date)[ \t]*:[ \t]*(?P<j>\d{5})[ \t]*$", I | M)


def _julian_period(text: str) -> tuple[Hit | None, Hit | None] | None:
    """A register's period in Julian dates under its FROM-DT / THRU-DT columns (read only where the letter says
    its dates are Julian): both, in order, or none."""
    lines, segs = tables.pairs(text)
    a, b = _JULIAN_FROM.search(lines), _JULIAN_THRU.search(lines)
    if not (a and b):
        return None
    near = (on := letter_date(text)) and on.value
    start, end = julian(a.group("j"), near or None), julian(b.group("j"), near or None)
    if not (start and end and start <= end):
        return None
    hits = tables.back(Hit(start, a.start("j"), a.end("j")), segs), tables.back(Hit(end, b.start("j"), b.end("j")), segs)
    return hits if None not in hits else None


def julian(value: str, near: date | None = None) -> date | None:
    """A Julian YYDDD date ("27261" is 18 September 2027), its century the one nearest ``near``."""
    yy, ddd = int(value[:2]), int(value[2:])
    if not 1 <= ddd <= 366:
        return None
    day = date(2000 + yy, 1, 1) + timedelta(days=ddd - 1)
    if day.year != 2000 + yy:
        return None
    return dates.century(day, near=near)


_APPEAL_DIAS = re.compile(
    r"\b(?:apelaci[oó]n|recurso|reconsideraci[oó]n)\b[^.]{0,40}?\bdentro\s+de\s+(?:los\s+)?(?P<n>\d{1,3})\s+d[ií]as\s+"
    r"(?:calendario\s+|naturales\s+)?(?:a\s+partir\s+de|desde|siguientes\s+a)\s+"  # (never "días hábiles": working days)
    r"la\s+fecha\s+(?:de|en)\s+(?:esta|este|la|el)\s+(?:carta|aviso|notificaci[oó]n|decisi[oó]n)"
    # a French letter: "demander la révision de cette décision dans les 90 jours suivant la date de la présente lettre"
    # (or "contester cette décision dans un délai de 30 jours à compter de la date de la présente lettre")
    r"|\b(?:r[ée]vision|appel|contestation|r[ée]examen|contester|recours)\b[^.]{0,60}?\bdans\s+(?:les|un\s+d[ée]lai\s+de)\s+(?P<n2>\d{1,3})\s+jours\s+"
    r"(?:suivant|de|[àa]\s+compter\s+de)\s+la\s+date\s+(?:de\s+)?(?:la\s+pr[ée]sente|cette|cet|de\s+la\s+pr[ée]sente)\s+(?:lettre|d[ée]cision|avis)"
    # (the window first, the appeal after it: "Vous disposez d'un délai de 60 jours à compter de la date du présent
    # courrier pour former un recours"; never "de sa réception": counted from its receipt)
    r"|\bd[ée]lai\s+de\s+(?P<n7>\d{1,3})\s+jours\s+(?:[àa]\s+compter\s+de|suivant)\s+la\s+date\s+(?:du\s+pr[ée]sent|de\s+la\s+pr[ée]sente|de\s+ce|de\s+cette)\s+"
    r"(?:courrier|lettre|d[ée]cision|avis|notification)(?=[^.]{0,60}\b(?:recours|contester|contestation|r[ée]vision|r[ée]examen)\b)"
    # an Italian letter: "presentare ricorso entro 30 giorni dalla data della presente lettera" (never "dal
    # ricevimento": counted from its receipt)
    r"|\b(?:ricorso|opposizione|riesame)\b[^.]{0,40}?\bentro\s+(?P<n6>\d{1,3})\s+giorni\s+dalla\s+data\s+(?:della\s+presente|di\s+questa)(?:\s+(?:lettera|comunicazione|decisione))?"
    # a German letter: "Sie können innerhalb von 30 Tagen ab dem Datum dieses Schreibens Widerspruch einlegen"
    # (never "nach Zugang" / "nach Erhalt": counted from its receipt, a date the letter does not give)
    # (a Swiss letter's "innert 30 Tagen ab Datum dieses Schreibens ... Einsprache erheben")
    r"|\b(?:innerhalb\s+von|innert|binnen)\s+(?P<n3>\d{1,3})\s+tagen\s+(?:ab|nach|seit)\s+(?:dem\s+)?datum\s+(?:dieses|des)\s+"
    r"(?:schreibens|bescheides?|briefes|entscheides?|entscheids)(?=[^.]{0,40}\b(?:widerspruch|einsprache|beschwerde)\b)"
    # a Dutch letter: "binnen 42 dagen na de datum van deze brief bezwaar maken" (never "na ontvangst": its receipt)
    r"|\bbinnen\s+(?P<n5>\d{1,3})\s+dagen\s+(?:na|vanaf|gerekend\s+vanaf)\s+(?:de\s+)?(?:datum|dagtekening)\s+van\s+"
    r"(?:deze|dit|de)\s+(?:brief|besluit|beslissing)(?=[^.]{0,40}\b(?:bezwaar|beroep)\b)"
    # a Brazilian letter: "recurso no prazo de 30 (trinta) dias contados da data desta carta" (never "dias úteis":
    # working days, a deadline to send documents)
    r"|\b(?:recurso|recorrer)\b[^.]{0,80}?\bprazo\s+de\s+(?P<n4>\d{1,3})(?:\s*\([a-zçãéê\s-]+\))?\s+dias\s+(?:corridos\s+)?"
    r"(?:contados\s+)?(?:da|a\s+partir\s+da|a\s+contar\s+da)\s+data\s+(?:desta|da\s+presente|deste|do\s+presente)\s+(?:carta|notifica[cç][aã]o|decis[aã]o|aviso|comunicado)",
    I,
)


# a window counted from a date it gives: "within 180 days of 20270419", "60 days from decision date 11/02/27",
# "60 days from the date of this email (May 3, 2027)"
_FROM_GIVEN = re.compile(
    r"(?:(?:(?:decision|determination|disposition|letter|notice|response|denial|status)\s+)?date\s*[:.(]?\s*)?(?P<d>" + dates.DATE + r")(?![\w/])"
    r"|date\s+of\s+(?:this|the|our)\s+(?:letter|notice|e-?mail|message|memo|decision|determination)\s*\(\s*(?P<d2>" + dates.DATE + r")\s*\)",
    I,
)
# a window counted from the decision's own date when the letter labels one apart from its own date
_FROM_DECISION = re.compile(r"(?:the\s+)?(?:decision|determination|status|result)\s+date|date\s+of\s+(?:the\s+|our\s+|this\s+)?(?:decision|determination)", I)
_DECISION_DATE = re.compile(
    rf"(?:^[ \t|]*|(?<=[ \t]{{2}}))(?:(?:decision|determination|status|result)\s+date|date\s+of\s+(?:the\s+)?(?:decision|determination)|decided(?:\s+on)?)"
    rf"[ \t]*(?:[:.|{{}}\[\]]+[ \t.|]*|[ \t]+)(?P<d>{dates.DATE})",  # (a cell's rule OCR read as "{|")
    I | M,
)
# a portal's status line dated in brackets: "Status ........ Denied (06/08/2027)" (the status date)
_STATUS_DATED = re.compile(
    rf"^[ \t|]*status\b[ \t.:|]+[A-Za-z][A-Za-z ]{{1,30}}\([ \t]*(?P<d>{dates.DATE})[ \t]*\)", I | M
)
_APPEAL_WORDS = re.compile(
    r"appea[l1I]|reconsider|redetermination|look\s+(?:at\s+(?:it|this|your\s+request|(?:this|the|our)\s+(?:decision|determination|denial))\s+)?again|review\s+(?:it|this|the\s+decision)\s+again|"
    r"(?:request|ask\s+for|file)\s+an?\s+(?:internal\s+)?review\s+of\s+(?:this|the|our)\s+(?:decision|determination|denial)|"
    r"(?:request|ask\s+for|file\s+for)\s+a\s+hearing\b|"  # a board's or tribunal's hearing on the decision
    # "To dispute this decision, ... may request ...", "may ask us to review this decision"
    r"\bdispute\s+(?:this|the|our)\s+(?:decision|determination|denial)\b|"
    r"\b(?:ask|request)\s+(?:us\s+)?to\s+review\s+(?:this|the|our)\s+(?:decision|determination|denial)\b|"
    # a fund's "A request for review must be lodged within 90 days of ..."
    r"\brequest\s+for\s+(?:a\s+|an\s+)?(?:internal\s+)?review\s+(?:must|may|can|should)\s+be\s+(?:lodged|filed|made|submitted|sent)\b",
    I,
)
# a window that is not the appeal's: a talk with the reviewer, information to send
_NOT_APPEAL = re.compile(
    r"peer[\s-]+to[\s-]+peer|discuss(?:ion)?\s+with|speak\s+with|talk\s+with|send\s+(?:us\s+)?(?:the\s+)?information", I
)
_STOPS = re.compile(r"[.!?](?=\s)|\n[ \t]*\n|\f")


def _sentences_around(text: str, start: int, end: int) -> tuple[str, str]:
    """(the sentence of text[start:end], that sentence with the one before it): an appeal's window is
    named in its own sentence or the one before ("You may appeal. Such a request must ...")."""
    ends = [m.end() for m in _STOPS.finditer(text, max(0, start - 600), start)]
    own_start = ends[-1] if ends else max(0, start - 600)
    prev_start = ends[-2] if len(ends) > 1 else max(0, start - 600)
    stop = _STOPS.search(text, end)
    own_end = stop.end() if stop else len(text)
    return text[own_start:own_end], text[prev_start:own_end]


def _days(word: str) -> int:
    return (
        int(word)
        if word.isdigit()
        else _NUMBER_WORDS[
            " ".join(word.lower().replace("-", " ").split())
            .replace("forty five", "forty-five")
            .replace("sixty five", "sixty-five")
            .replace("twenty one", "twenty-one")
            .replace("thirty five", "thirty-five")
        ]
    )


# -- quantity, drug ----------------------------------------------------------------------------------
# a supply's length: "30 days", "30-day supply", "30 DS" (days' supply), "month"
_SUPPLY = r"(?:\d+\s*-?\s*)?(?:(?:days?|d[ií]as|jours|giorni|months?|weeks?)(?:['’]?\s*supply)?|(?-i:DS)\b)"
_QUANTITY = re.compile(
    r"\b(?:approved\s+|authorized\s+|allowed\s+)?(?:quantity|cantidad(?:\s+aprobada)?|quantit[ée](?:\s+autoris[ée]e)?|quantit(?:a['’]?|à)(?:\s+autorizzata)?|quantidade(?:\s+(?:aprovada|autorizada))?|qty\.?|units?|amount|dispense|limit|how\s+many|how\s+much|"
    r"max(?:imum|\.)?(?:\s+(?:quantity|qty|dispensed?|supply))?)"
    r"(?:\s+(?:approved|authorized|allowed|granted|limit|auth(?:['’]?d|\.)|appr(?:['’]?d|\.)|per\s+fill))?"
    # (an office's "... Unit - 88 Main St" is no quantity: a unit's dash is no label's; nor an id's group after
    # letters like a label's, "MAX-9931-0047")
    r"(?:[ \t]*[.:#][\s.:#]*|(?<!unit)(?<!units)[ \t]*-[\s.:#]*|\s+(?:of|is)[\s.:#]+|[ \t]+)(?P<v>\d[\d,]*(?![\d,]|-\d)(?:\s*(?:tabletas|comprim(?:[ée]s|idos)|compresse|tablets?|tabs?|c[aá]psulas|capsules?|caps?|units?|pills?))?"
    rf"(?:\s*(?:per|every|/|for|each|in|por|par|ogni)\s*{_SUPPLY})?)",
    I,
)
_QUANTITY_SUPPLY = re.compile(r"\b(?:qty|quantity)\s*/\s*(?:days?\s*supply|days|ds)\s*(?:[:#]|\.{2,})?\s*(?P<v>\d[\d,]*\s*/\s*\d+)", I)
_QUANTITY_BARE = re.compile(
    r"(?P<v>\b\d{1,4}\s*(?:tablets?|tabs?|capsules?)\s*(?:per|every|/|for|each|in|a)\s*(?:\d+\s*)?days?)", I
)


def quantity(text: str) -> Hit | None:
    for p in (_QUANTITY_SUPPLY, _QUANTITY, _QUANTITY_BARE):
        found = list(p.finditer(text))
        # a daily count beside the fill's ("8 tablets a day (240 tablets every 30 days)"): the fill's, as approved
        m = next((x for x in found if p is _QUANTITY_BARE and re.search(r"\d\s*days?$", x.group("v"))), None)
        m = m if m and text[found[0].end() : m.start()].strip().startswith("(") else (found[0] if found else None)
        if m:
            return Hit(" ".join(m.group("v").split()), m.start("v"), m.end("v"))
    return None


_DRUGS = (("sotorasib", r"lumakras|sotorasib"), ("adagrasib", r"krazati|adagrasib"))


def drug(text: str) -> Hit | None:
    for name, pattern in _DRUGS:
        m = re.search(rf"\b(?:{pattern})\b", text, I)
        if m:
            return Hit(name, m.start(), m.end())
    return None


# -- the denial reason and what was requested --------------------------------------------------------
_REASON_LABEL = re.compile(
    r"(?:\b(?:reasons?\s+for\s+(?:the\s+|this\s+|our\s+)?(?:denial|decision|determination|adverse\s+determination)"
    r"|denial\s+reasons?|reasons?\s+(?:for\s+denial|denied)|rationale\s+for\s+(?:the\s+|this\s+|our\s+)?(?:decision|denial)"
    r"|basis\s+(?:for|of)\s+(?:the\s+|this\s+|our\s+)?(?:decision|denial|determination)|why\s+(?:your\s+|the\s+)?request\s+was\s+denied"
    r"|explanation\s+of\s+(?:the\s+|our\s+|this\s+)?(?:decision|denial|determination)|(?:our\s+)?decision\s+(?:was|is)\s+based\s+on"
    r"|why\s+we\s+(?:denied|did\s+not\s+approve|could\s+not\s+approve|are\s+denying)\s+(?:(?:your|the|this)\s+(?:request|coverage)|it)"
    r"|why\s+we\s+(?:said|are\s+saying)\s+no(?:\s+to\s+[^:\n]{0,40})?(?=\s*:)"  # a plain-language letter's heading
    # its question form over the answer ("Why did we say no?"), a reason labelled for whom it is shown ("Reason shown
    # to member:", "Reason given:")
    r"|why\s+(?:did|have)\s+we\s+(?:say\s+no|said\s+no|den(?:y|ied)\s+(?:it|this|your\s+request))\?"
    r"|reasons?\s+(?:shown|given|stated|provided)(?:\s+to\s+(?:the\s+)?(?:member|patient|you|prescriber))?(?=\s*:)"
    # the same heading alone on its line, as a Markdown or a plain heading ("### Why we said no", "WHY WE DENIED IT")
    r"|why\s+we\s+(?:said\s+no|denied\s+(?:it|this|the|your)(?:\s+request)?|could\s+not\s+approve\s+(?:it|this|the|your)(?:\s+request)?)"
    r"[ \t*_#]*(?=\n))"
    r"\s*(?:is|was|are)?\s*[:\-]?"
    r"|\bpour\s+(?:le|les)\s+motifs?\s+suivants?\s*:|\bmotifs?\s+(?:du\s+refus\s*)?:"  # a French letter's
    r"|\bmotivos?(?:\s+de\s+la\s+(?:denegaci[oó]n|decisi[oó]n))?\s*:|\bbegr[üu]ndung\s*:"  # a Spanish, a German letter's
    r"|\bmotivazione(?:\s+del(?:la)?\s+(?:diniego|decisione))?\s*:"  # an Italian letter's
    r"|\breden(?:\s+van\s+(?:de\s+)?(?:afwijzing|het\s+besluit|dit\s+besluit))?\s*:"  # a Dutch letter's "Reden: ..."
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
    r"not\s+(?:been\s+)?(?:provided|documented|submitted|shown)|lack\s+of|requires?\s+(?:that|documentation))\b",
    I,
)


_REASON_STOP = re.compile(
    r"^\s*(?:[A-Z][A-Za-z ]{0,40}:|sincerely|regards|(?-i:[IVX]{1,4})\.(?=\s|$))|\b(?:appeal|disagree|reconsideration|redetermination|questions|"
    r"call\s+us|contact\s+us|right\s+to|you\s+(?:may|can)\s+(?:ask|request|file|send))",
    I,
)


# a printout's next line that is a field of its own (a label and its leaders) or a rule of dashes ends its reason
# (a mainframe report's next field opens with its hyphenated name: "APPEAL-BY 27261"; an extract's column, read as
# its label in lower case: "appeal days from decided: 45")
_NEXT_FIELD = re.compile(r"\n[ \t]*(?:(?-i:[a-z]{2,}(?: [a-z]+){0,5}):[ \t]+\S|\d{1,3}[ \t]*\||[A-Za-z][A-Za-z /#]{0,30}\.{3,}|[-=_*]{4,}[ \t]*(?=\n|$)|(?-i:[A-Z]{2,}(?:-[A-Z]{2,})+)(?=[ \t:]))")


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


def reason_after(text: str, statements: list[Hit]) -> Hit | None:
    """A denial without a labelled reason or a "because": the payer's words that follow its statement ("... is denied
    as experimental/investigational: ...", "... is denied. The member is on hospice care, ...", a "Decision: NOT
    APPROVED" line over the paragraph that explains it): the rest of the statement's paragraph after its sentence
    (or its own "as ..." clause), else the next paragraph when the statement ends its own; never past an appeal's
    or a contact's sentence. The statement read is the first in prose, else a label's ("Decision: NOT APPROVED"),
    whose reason is only the paragraph after it; a banner or a stamp has none. What is read must be prose: no
    field's label, no leaders or blanks of a form."""
    prose = [h for h in statements if re.search(r"[a-z]{3}", text[text.rfind("\n", 0, h.start) + 1 : h.end])]
    labels = [h for h in statements if _LABEL_LINE.match(text, text.rfind("\n", 0, h.start) + 1, h.start)]
    if not prose and not labels:
        return None
    hit = min(prose or labels, key=lambda h: h.start)
    para = _PARAGRAPH_END.search(text, hit.end)
    para_end = para.start() if para else len(text)
    line_end = text.find("\n", hit.end) % (len(text) + 1)
    if prose and re.match(r"[ \t\n]*as\s+\S", text[hit.end : para_end]):  # "is denied as experimental/investigational: ..."
        start = hit.end + len(text[hit.end : para_end]) - len(text[hit.end : para_end].lstrip())
    else:
        # a label's value that goes on after its stop on its line: "DECISION: DENIED. THE REQUEST IS FOR USE ..."
        on_line = not prose and re.match(r"\.[ \t]+\S", text[hit.end : line_end])
        stop = _STOP_AT.search(text, hit.end, para_end) if prose or on_line else None
        start = stop.end() if stop else para_end
        if not text[start:para_end].strip() and para:  # the statement ends its paragraph: the next one explains it
            start = para.end()
            nxt = _PARAGRAPH_END.search(text, start)
            para_end = nxt.start() if nxt else len(text)
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
    r"|solicitamos\s+o\s+envio\s+(?:de|dos?|das?)\s*:|(?:por\s+)?favor\s+enviar\s*:|precisamos\s+(?:de|dos?|das?)\s*:|\benvie(?:m)?\s*:"
    # an Italian letter's "in attesa della seguente documentazione:"; a schedule's heading "SCHEDULE A - RECORDS REQUIRED"
    r"|\b(?:la|della|le|delle)\s+seguent[ei]\s+(?:documentazione|documenti|informazioni)\s*:"
    r"|\b(?:records|documents)\s+(?:required|needed|requested)[ \t]*(?=\n)"
    # a text message's "Need 1) the NGS report 2) the last notes" (its items numbered inline)
    r"|(?m:^)[ \t]*need(?=[ \t]+1\)[ \t]+\S[^\n]*[ \t]2\)[ \t]))",
    I,
)
_BULLET = re.compile(
    # (a Markdown task list's bullet before its box: "- [x] item", at fax "-{ ] item"; a fax's speck after a dash "-.")
    r"^[ \t]*(?:[-*+][ \t]*(?=[\[({][^\])}\n]{0,3}[\])}][ \t]))?(?:[-–•*·▪◦»>«©°□][.,](?=[ \t])|[-–•*·▪◦»>«©°□]|[eo](?=\s)|\d{1,2}[.)]|0\d(?=[ \t])|\(\d{1,2}\)|\(?[a-hA-H]\)|\(?(?:i{1,3}|iv|vi{0,3}|ix|x)\)"
    r"|(?P<box>[\[({][ \t]?[\])}]|☐)|(?P<tick>[\[({][ \t]*[xX✓✔][ \t]*[\])}]|[☒☑]))[ \t]+(?P<item>\S[^\n]*)$",
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


_NONE_ASKED = re.compile(r"[ \t:]*(?:none|nothing|n/a)\b(?![ \t]+(?:of|but|except)\b)", I)


def requested(text: str) -> list[Hit]:
    """What the payer asked for: a FHIR print's communication requests, a document check's rows marked N, the
    list after a request (``Please send the following:``), else the object of the request sentence itself."""
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
    if fhir or (fhir := _checked_rows(text)) or (fhir := _open_rows(text)):
        return fhir
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
        lettered = False
        boxed = [False] * len(items)  # whether an item follows an empty box (it says nothing when others are ticked)
        tick_of = [False] * len(items)  # whether an item follows a ticked box
        # a request in the right column of a two-column page ("Prescriber: ...      Please send:"): its list is
        # read in that column, the left column's words beside each item never part of it
        line_start = text.rfind("\n", 0, a.start()) + 1
        col = a.start() - line_start if _right_column(text[line_start : a.start()]) else 0
        for full in text[pos:].split("\n")[:30]:
            seg = col if col and len(full) > col and full[col - 1] in " \t" else 0
            line = full[seg:] if seg or not col or len(full) > col else ""
            m = _BULLET.match(line)
            if m and lettered and re.match(r"[ \t]*\d", line):
                break  # the lettered list's paragraph ends: the next numbered paragraph is no item
            if m:
                lettered = lettered or (not items and bool(re.match(r"[ \t]*\(?[a-hA-H]\)", line)))
                item = m.group("item").strip()
                start = pos + seg + m.start("item")
                items.append(Hit(" ".join(item.split()), start, start + len(item)))
                boxed.append(bool(m.group("box")))
                ticked = ticked or bool(m.group("tick"))
                tick_of.append(bool(m.group("tick")))
                blank_run = 0
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
                if pos - a.end() > 400:
                    break
            pos += len(full) + 1
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
        return []
    first = objects[0]
    # a second request in its own sentence adds to the first ("... and need: X. Please also send: Y.")
    said_also = [bool(re.search(r"\balso\b", a.group(0), I)) for a, _ in objects]
    also = [x for x, again in zip(objects[1:], said_also[1:], strict=True) if again or said_also[0]]
    return [hit for _, found in sorted([first, *also], key=lambda x: x[0].start()) for hit in found]


def _right_column(left: str) -> bool:
    """Whether a request opens a page's right column: the left column's words before it, a gap between, and the
    words not a label of which the request is the value ("STATUS:     INFORMATION REQUESTED")."""
    return bool(re.search(r"\S[ \t]{2,}$", left)) and not re.search(r"[:=|][ \t]*$", left)


def _ask_object(text: str, a: re.Match[str]) -> list[Hit]:
    """The object of a request sentence as its items ([] when it names nothing that can be sent)."""
    # the request's sentence ends, or the next label's line begins ("info needed: X | Y" over "respond by: ...")
    # (a label repeating the request, "info requested:" line after line, goes on)
    stops = re.compile(r"[.!?](?=\s|$)|\n\s*\n|\f|\n[ \t]*[A-Za-z][A-Za-z ]{0,30}:[ \t]").finditer(text, a.end())
    stop = next((m for m in stops if not (m.group(0).endswith((" ", "\t")) and _ASK.match(text, m.start() + len(m.group(0)) - len(m.group(0).lstrip())))), None)
    end = stop.start() if stop else len(text)
    line_start = text.rfind("\n", 0, a.start()) + 1
    if re.match(r"[ \t:]*\n", text[a.end() :]) and _right_column(text[line_start : a.start()]):
        return []  # a request in a page's right column over its list: the next line begins with the left column's words
    obj = text[a.end() : end].strip(" :.\n")
    if len(obj) >= 8 and not _POINTS_BACK.match(obj) and not not_items.no_item(obj) and not re.search(r"\bappeal\b|^(?:more|additional|further|some)\s+information", obj, I):
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
        r"(?:(?!;|[ \t]\|[ \t]|,\s+and\s|,\s+|\s+and\s+(?=the\s|a\s|an\s|any\s|all\s|your\s|recent\s)).)+", obj, re.S
    ):
        lead_in = re.match(r"\s*\|?\s*(?:(?:and|or)\s+)?", m.group(0))
        lead = lead_in.end() if lead_in else 0
        item = m.group(0)[lead:].strip()
        if len(item) >= 4:
            out.append(Hit(" ".join(item.split()), start + m.start() + lead, start + m.start() + lead + len(item)))
    return out or [Hit(" ".join(obj.split()), start, start + len(obj))]


# -- the patient -------------------------------------------------------------------------------------
_STOP = (
    r"(?=\s{2,}|\s*\n|\s*$|\s+[-—–·]\s|\s*[,(;|—–·]?\s*(?:DOB|D\.O\.B|Date\s+of\s+birth|Birth|Born|Member|ID|Subscriber|Policy|Group|Plan)\b"
    r"|\s*[(;|]"
    r"|[ \t]+_+[ \t]*(?=\||\n|$))"  # a form's blank left after the entry ("Member  Jane Doe _ |", a fax's leader)
)
_ROLE = (
    r"(?:patient|me(?:m|rn)ber|enrollee|beneficiary|insured|subscriber|participant|recipient|claimant|cardholder|"
    r"injured\s+(?:worker|employee)|employee|adh[ée]rente?|benefici[aá]ri[oa]|assistit[oa]|covered\s+person|veteran|applicant|policy\s?holder|employee/dependent|dependent)"
)
_PERSON = r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'\-.]*(?:(?:,?[ \t]+|,(?-i:(?=[A-Z]{2})))[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'\-.]*)"  # accents too (Amélie)
_NAME = re.compile(
    rf"\b(?P<role>{_ROLE})(?:'s)?(?:[\s_-]+(?:name|person)|\.(?:display|name)|[ \t]*:\s*display)?(?:[ \t]*\([a-z ]{{2,20}}\))?(?:[ \t]*(?:[:\-]|\.{{2,}})|[ \t]+{GARBLED_LEADER})"
    rf"[ \t.:]*(?P<v>{_PERSON}{{0,3}}?)" + _STOP,
    I,
)
# a system's aligned columns: "MEMBER            OKAFOR, JUNE T" (the label, two or more spaces, the name)
# (a spreadsheet's numbered row, "  3  |  Member   |   Evander Sithebe-Klaasen"; a boxed form's bare "NAME" column)
_NAME_COLUMN = re.compile(
    rf"^[ \t|]*(?:\d{{1,3}}[ \t]*\|[ \t]*)?(?:{_ROLE}|PT|(?i:name))(?:\s+name)?(?:[ \t]{{2,}}|(?:[ \t]*\|)+[ \t]*|[ \t]+_[ \t]+)(?:[‘’“”'\x22](?=[A-Z]))?(?P<v>{_PERSON}{{1,3}}?)" + _STOP, M
)
_NAME_RE = re.compile(rf"^[ \t]*(?:re|regarding|concerning|(?:full\s+)?name|(?:surname|last\s+name|family\s+name)\s*,\s*(?:given|first)\s+names?|(?:to\s+the\s+)?(?:prescriber|physician|doctor)\s+of)\s*:\s*(?:{_ROLE}\s+)?(?P<v>{_PERSON}{{1,3}}?)" + _STOP, M)
# "For: Fenella D. Odhiambo-Kray      Birth date: ...": a bare "For:" names the patient only with a date of birth beside it
# (after a column gap, a dash or bar, a middle dot or bullet, a comma: "For: Jane Doe · born 02/03/1961 · member ...";
# at fax the dot read as a spaced colon or hyphen, "For: Jane Doe : born ...")
_NAME_FOR = re.compile(
    rf"^[ \t]*(?i:for)[ \t]*:[ \t]*(?P<v>{_PERSON}{{1,3}}?)(?=(?:[ \t]{{2,}}|[ \t]*[—–|·•][ \t]*|[ \t]+[-:][ \t]+|[ \t]*,[ \t]*)(?i:DOB|D\.O\.B|date\s+of\s+birth|birth|born)\b)", M
)
# a name in a sentence, set off by its date of birth: "for patient June T. Okafor (DOB 02-03-1961"
_NAME_INLINE = re.compile(
    rf"(?:(?<!-)\b(?i:{_ROLE})|\b(?-i:pt|Pt|PT)\.?|(?i:care\s+team\s+of))[ \t]+(?P<v>(?-i:[A-Z][A-Za-z'\-.]*(?:[ \t]+[A-Z][A-Za-z'\-.]*){{1,3}}))"
    r"(?=\s*(?:[,;]\s*(?:DOB|D\.O\.B|date\s+of\s+birth|born|birth)|\(|\n|$)"
    # or a column of its own: "Member Jane Q. Doe  |  born 1960.01.02", "Enrollee Jane Doe    DOB ..." (a gap or a bar)
    r"|(?:[ \t]{2,}|[ \t]*[|·•—–][ \t]*)(?i:DOB|D\.O\.B|date[ \t]+of[ \t]+birth|born|birth[ \t]*date)\b)",
    M,
)
# a name alone at its line's start, its date of birth or member id beside it (a column) or on the next line
# ("Odalys Figueroa-Brennan\nDate of birth 05/16/1964", "Aurelio Castellanos-Whyte      Date of birth: ..."), or a
# subject line's cell before its date of birth's ("... | LUMAKRAS 320 mg | June Okafor |\n DOB 02/03/1961 | ...")
_NAME_OVER_DOB = re.compile(
    r"(?:^[ \t]*(?:To:[ \t]*)?|\|[ \t]*)(?P<v>(?-i:[A-Z][a-z][A-Za-z'\-]*\.?(?:[ \t]+[A-Z][A-Za-z'\-]*\.?){1,3}))"
    r"(?:[ \t]{2,}|[ \t]*\n[ \t]*|[ \t]*\|\s*)"
    r"(?=(?:date\s+of\s+birth|DOB|D\.O\.B|born|birth\s*date|member\s+id)\b)",
    I | M,
)
# a name opening its line, its date of birth after a comma ("IN THE MATTER OF the request of\nJUNE T. OKAFOR, date of
# birth 02/03/1961, ..."): capitals too
_NAME_COMMA_DOB = re.compile(
    r"^[ \t]*(?P<v>(?-i:[A-Z][A-Za-z'\-]*\.?(?:[ \t]+[A-Z][A-Za-z'\-]*\.?){1,3}))[ \t]*,[ \t]*"
    r"(?=(?i:date[ \t]+of[ \t]+birth|DOB|D\.O\.B|born)\b)",
    M,
)
# a role and a name written "LAST, FIRST M" in capitals ending a line: an X12 print's description column
# ("NM1*IL*1*OKAFOR*JUNE*T~      Subscriber OKAFOR, JUNE T")
_NAME_CAPS_COMMA = re.compile(
    rf"(?:^|[ \t]{{2,}})(?i:{_ROLE})[ \t]+(?P<v>(?-i:[A-Z][A-Z'\-]+,[ \t]*[A-Z][A-Z'\-]+(?:[ \t]+[A-Z]\.?)?))[ \t]*$",
    M,
)
# a Dutch or German (Swiss) letter's patient block: "Verzekerde: <name>", "Versicherte Person: <name>",
# "Patiënt: <name>" at a line's start (unread, the letter's patient could not be checked against the case's)
_NAME_NL_DE = re.compile(
    r"^[ \t|]*(?i:verzekerde|pati[eë]nt(?:in)?|versicherter?(?:[ \t]+person)?|versicherungsnehmer(?:in)?)"
    rf"[ \t]*(?::|\.{{2,}})[ \t]*(?P<v>{_PERSON}{{1,3}}?)" + _STOP,
    M,
)
# a letter's address block: "Mrs. June T. Okafor" on a line of its own (or beside a label in a column)
_ADDRESSEE = re.compile(
    r"^[ \t]*(?:Mr|Ms|Mrs|Mx|Miss)\.?[ \t]+(?P<v>[A-Z][A-Za-z'\-.]*(?:[ \t]+[A-Z][A-Za-z'\-.]*){1,3}?)" + _STOP, M
)
# a letter's address block without a title: under the letter's date and a blank line, a name alone on its line
# (or "To: <name>" with an id in a column beside it), then the street or the member's id
_ADDRESS_BLOCK = re.compile(
    rf"^[^\n]*(?:{dates.DATE})[ \t]*\n[ \t]*\n[ \t]*(?:To:[ \t]*)?"
    r"(?P<v>(?-i:[A-Z][A-Za-z'\-]*\.?(?:[ \t]+[A-Z][A-Za-z'\-]*\.?){1,3}))"
    r"(?:[ \t]*\n[ \t]*(?=\d)|(?:[ \t]*\n[ \t]*|[ \t]{2,})(?=(?:member|medicaid|medicare|id|policy|subscriber|"
    r"enrollee|veteran|health\s+card|personal\s+health)\b))",
    I | M,
)
_NOT_ADDRESSEE = re.compile(
    r"\b(?:dr|doctor|md|do|clinic|oncology|hospital|inc|llc|ltd|pharmacy|health|medical|cancer)\b\.?", I
)
# the last resort: a letter to the patient names them in its salutation ("Dear Ms. June Okafor,")
_SALUTATION = re.compile(
    r"^[ \t]*(?:Dear|(?P<hi>Hello|Hi))[ \t]+(?:(?:Mr|Ms|Mrs|Mx|Miss)\.?[ \t]+)?(?P<v>[A-Z][A-Za-z'\-.]*(?:[ \t]+[A-Z][A-Za-z'\-.]*){0,3})"
    r"(?:(?(hi)(?!))[ \t]*[,:]|[ \t]*(?=\((?:DOB|D\.O\.B|born)\b))",  # "Hello June Okafor (DOB 02-03-1961),", never "Hi Noor," (staff)
    M,
)
_NOT_PERSON = re.compile(
    r"^(?:dr|doctor|provider|prescriber|physician|pharmacist|colleague|sir|madam|member|customer|patient|"
    r"valued|health|care|team|office|all|to|friend|subscriber|enrollee|beneficiary|colleagues|friends|sirs|partners?)\b",
    I,
)
# a date of birth after its label, in any layout: "DOB 11/3/56", "Date of birth / Fecha de nacimiento:
# 1969-02-03", "your birthday on file is\nMay 5, 1952" (the first date after the label, within a few words
# that hold no digit and no other date's label)
_DOB = re.compile(
    r"\b(?:DOB|(?-i:DOR)(?=[ \t]*:)|D\.O\.B\.?|date\s+of\s+birth|birth\s*date|birth[-_ ]?dt\b|birth(?=[ \t]*:)|birthday|born|date\s+de\s+naissance|n[ée](?:\(e\)|e)?\s+le(?=[ \t]*:)|data\s+de\s+nascimento|data\s+di\s+nascita|nat[ao]\s+il)"
    rf"(?:{LEADER}|(?:(?!\b(?:dated?|issued|effective)\b)[^\d\n]|\n(?![ \t]*\n)){{0,48}}?)(?P<d>{dates.DATE}|{_SIX})",
    I,
)
# a Dutch or German (Swiss) letter's date of birth, day first as those countries write it ("Geboortedatum:
# 05-02-1950", "Geburtsdatum: 02.12.1958": the 5th of February, never May 2nd)
_DOB_NL_DE = re.compile(
    r"\b(?i:geboortedatum|geburtsdatum|geb\.(?=[ \t]*:)|geboren(?:[ \t]+(?:am|op))?)[ \t]*(?::|\.{2,})?[ \t]*"
    r"(?P<d>(?P<dd>\d{1,2})[.\-/](?P<mm>\d{1,2})[.\-/](?P<yy>\d{4}))(?!\d)"
)
# a Dutch or German (Swiss) letter's member number: "Polisnummer: 40.118.227", "Versichertennummer: 756.4471.0912.38"
_MEMBER_NL_DE = re.compile(
    r"^[ \t|]*(?i:polisnummer|verzekerdennummer|relatienummer|lidnummer|versichertennummer|versicherten-?nr\.?|versicherungsnummer)"
    r"[ \t]*(?::|\.{2,})?[ \t]*(?P<v>[A-Z0-9](?:[A-Z0-9\-/]|[.](?=[A-Z0-9])| (?=\d)){3,24})(?![A-Za-z0-9])",
    M,
)
_MEMBER = re.compile(
    rf"(?:\b(?P<role>{_ROLE}|membership|mbr|society|fund|carteirinha|carteira|tessera|certificate|policy|health\s+plan|medicaid|medicare|personal\s+health|health\s+card)(?:[ \t]*/[ \t]*{_ROLE})?"
    r"(?:\s*|\.)(?:(?:id(?:entification|entifier)?|number|no)(?![a-z])\.?|n\.?[ \t]*[º°](?![a-z])\.?|n\.2(?=[ \t]*:)|(?<=tessera )n\.(?=[ \t]*:)|#)|^[ \t|]*(?P<bare>ID|identification)\b)"
    r"(?:\s*(?:(?:number|no)(?![a-z])\.?|#))?"
    r"(?:[ \t]*\((?-i:[a-z])[^()\n]{1,40}\))?"  # "member ID (as given on the application): ..."
    + LEADER
    + r"(?P<v>[A-Z0-9](?:[A-Z0-9\-]| (?=\d)| (?=[A-Z]{1,3}\d)|(?<=[A-Z0-9])/(?=[A-Z0-9])){3,24})(?![A-Za-z0-9])",
    M,
)
# a plan's own "ID" after its name ("Plan: Cedar Mutual, ID CM-44102", "Cedar Mutual ID: CM-44102"): an ID
# label that is not another thing's id (a request's, a claim's, a session's, a prescriber's)
_ID_LABEL = re.compile(
    r"(?-i:\bID)(?:[ \t]*(?:number|no\.?|#))?[ \t]*[.:#]?[ \t]*(?P<v>[A-Z0-9](?:[A-Z0-9\-]| (?=\d)){3,24})(?![A-Za-z0-9])",
    I,
)
# a member's id after the role alone, as a column of its own ("Name: ...   DOB: ...   Member: KHM-40917-265"):
# a word of letters, digits and hyphens with a digit, never a date, and ending the column
_MEMBER_BARE = re.compile(
    r"(?:(?:^|(?<=[ \t]{2}))[ \t]*(?i:member|enrollee|participant|beneficiary)(?:[ \t]*:|[ \t]*\.{3,})|"
    r"^[ \t]*(?i:member|enrollee|participant|beneficiary)(?=[ \t]{2}))[ \t]*"  # at a line's start, a column gap (OCR lost the leaders)
    r"(?!\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}\b)(?P<v>(?=[A-Z0-9\- ]*\d)[A-Z0-9](?:[A-Z0-9\-]| (?=\d)){4,24})(?=[ \t]{2,}|[ \t]*$)",
    M,
)
# "Member HPH 8810 3345 7", "...  member GMH-1175-30098": the role and an id that opens with capitals, a column of its own;
# at a line's start the plan's name may come first, as on an address block ("Larchmere member LMH 4410 2"), never a
# word that makes it another person's or another thing's ("Former member", "Family member", "Group member")
_MEMBER_WORD = re.compile(
    r"(?:^[ \t]*(?:(?!(?i:former|previous|prior|past|other|family|group|household|dependent|subscriber|spouse|staff|team)\b)"
    r"(?-i:[A-Z][A-Za-z&'’\-]+)[ \t]+){0,3}|[ \t]{2,}|[,;][ \t]*)(?i:member)[ \t]+(?P<v>(?-i:(?=[A-Z0-9\- ]*\d)[A-Z]{2,4}[A-Z0-9\-]*(?: \d+)*))(?=[ \t]*$|[ \t]{2,}|[,;)])",
    M,
)
# "Re: June Okafor, born June 2, 1960, member RMH 600602 4417": the role and the id, a clause of a subject line
_MEMBER_CLAUSE = re.compile(
    r"[,;][ \t]*(?:member|enrollee)[ \t]+(?P<v>(?-i:(?=[A-Z0-9\- ]*\d)[A-Z0-9](?:[A-Z0-9\-]| (?=\d)){4,24}))(?=[ \t]*(?:$|[,;|)]))",
    M,
)
# a "Plan ID" names the member when a date of birth is printed on its line or the line above it
# (also after a comma or a column gap, "..., DOB 1952-01-30, Plan ID KD-0044-918-2"; its groups joined by
# asterisks, "GRH*0417*2290")
_PLAN_ID = re.compile(
    r"(?:^|\||,|[ \t]{2})[ \t]*plan[ \t]+ID[ \t]*[:|]?[ \t]*"
    r"(?P<v>(?-i:(?=[A-Z0-9\-* ]*\d)[A-Z0-9](?:[A-Z0-9\-]| (?=\d)|(?<=[A-Z0-9])\*(?=[A-Z0-9])){4,24}))(?![A-Za-z0-9*])",
    M,
)
_BIRTH_WORD = re.compile(r"\b(?:DOB|date\s+of\s+birth|birth\s*date|born)\b", I)
# a batch print's label of the request's number right before the member's label, the two run together at fax
_LABEL_BEFORE = re.compile(r"(?-i:\b(?:PA|AUTH|REQ|CASE)[-_](?:NUMBER|NO|NBR|NUM|ID))[ \t]+\S+[ \t]*[:.#]?[ \t]*$")
_NOT_MEMBER_ID = re.compile(
    r"\b(?:request|case|reference|ref|claim|session|chat|conversation|call|interaction|user|login|npi|dea|tax|fax|provider|prescriber|group|rx|pa|"
    r"auth|confirmation|determination|review|episode|ticket|tracking|transaction|transport|message|trace|correlation|document|order|fax|prior\s+auth(?:orization)?|"
    r"authorization|approval|pharmacy|ncpdp|bin|pcn|employer|sponsor|payer|plan|contract|tin|ein|ssn|grant|college|licen[cs]e|registration)\W*$",
    I,
)


_NOT_NAME = re.compile(  # words a person's name never has: "Re: Your request for LUMAKRAS" is no name
    r"\b(?:id|number|name|services?|information|your|our|the|for|of|request(?:ed)?|prior|authorization|lumakras|"
    r"sotorasib|drug|medication|coverage|plan|letter|notice|appeal|review|pharmacy|benefits?|claim|"
    r"patient|member|subscriber|cardholder|beneficiary|enrollee|participant|recipient|claimant|applicant|dob|birth(?:date|day)?|date|sincerely|dear|"
    r"team|access|department|unit|center|centre|office|staff|group|portal|support|"
    r"inc|ltd|llc|plc|gmbh|b\.v|corp|corporation|company|employer|compensation|program(?:me)?|workers|"  # a company (the policyholder of a group scheme)
    r"trust|fund|health|insurance|assurance|mutual|society|union|association|administrator)\b",  # a payer's own name ("... EMPLOYEE HEALTH TRUST")
    I,
)


# the policyholder, who may not be the patient: "Subscriber: <parent>  ...  Patient (member): <child>"
_HOLDER = re.compile(r"subscriber|insured|policy", I)


def _patients_first(found: list[re.Match[str]]) -> list[re.Match[str]]:
    """Labels naming the patient (patient, member, enrollee...) before the policyholder's (subscriber,
    insured, policy), which name the patient only when the letter names no one else."""
    return sorted(
        found,
        key=lambda m: (
            bool(m.groupdict().get("role") and _HOLDER.fullmatch(m.group("role"))),
            bool(m.groupdict().get("bare")),
        ),
    )


# a French letter's member number: "No d'adhérent :", "N° d'assuré :"
_MEMBER_FR = re.compile(
    r"\bn[o°º]\.?\s+d['’]\s*(?:adh[ée]rente?|assur[ée]e?|b[ée]n[ée]ficiaire)" + LEADER
    + r"(?P<v>[A-Z0-9](?:[A-Z0-9\-]| (?=\d)){3,24})(?![A-Za-z0-9])",
    I,
)


# a FHIR print's patient identifier, its quotes blanked (:func:`unmarked`): "system : urn:plan:member-id ,
# value : QV-558-20417"
_MEMBER_SYSTEM = re.compile(
    r"\bsystem[ \t]*:[ \t]*\S*(?:member|subscriber)[-_]?id[ \t,]*value[ \t]*:[ \t]*"
    r"(?P<v>[A-Z0-9](?:[A-Z0-9\-]| (?=\d)){3,24})(?![A-Za-z0-9])",
    I,
)


# a certificate the letter says is its authorization's ("AUTHORISATION CERTIFICATE", "certificate of approval"): its
# "Certificate no." is the authorization's number, never the member's (a member's certificate of coverage is)
_AUTH_CERTIFICATE = re.compile(
    r"\b(?:authori[sz]ation|approval|prior\s+approval|coverage\s+approval)\s+certificate\b|"
    r"\bcertificate\s+of\s+(?:authori[sz]ation|approval)\b",
    I,
)


# a closing bracket right after an id, the id's characters going on after it ("IWH-66) -0473", "KL-40)7719"): when no
# bracket was opened before the id on its line, OCR read a stroke of the id as the bracket and the id is cut there
_CUT_BY_PAREN = re.compile(r"\)(?:[ \t]?[-–][ \t]?)?[A-Z0-9]")


def _member_id(text: str) -> re.Match[str] | None:
    """The member id: a labelled one with a digit, else a plan's bare "ID" that is nothing else's."""
    if m := _MEMBER_FR.search(text) or _MEMBER_SYSTEM.search(text) or _MEMBER_NL_DE.search(text):
        return m
    authorization_certificate = bool(_AUTH_CERTIFICATE.search(text))
    for m in _patients_first([
        m for m in _MEMBER.finditer(text)
        if re.search(r"\d", m.group("v"))
        and not (authorization_certificate and (m.group("role") or "").lower() == "certificate")
    ]):
        if re.match(r"[^\w\s\-/.,;:)|][A-Za-z0-9]", text[m.end() : m.end() + 2]):
            return None  # OCR put a symbol inside the id ("1920°88"): what it read is cut, so no id is read
        if _CUT_BY_PAREN.match(text, m.end()) and "(" not in text[text.rfind("\n", 0, m.start()) + 1 : m.start()]:
            return None  # a bracket that closes nothing, the id going on after it ("IWH-66) -0473"): OCR's, the id cut
        return m
    for m in _MEMBER_BARE.finditer(text):
        return m
    for m in _MEMBER_CLAUSE.finditer(text):
        return m
    for m in _MEMBER_WORD.finditer(text):
        if re.search(r"\d", m.group("v")):  # an id has a digit ("member IDJ  RH 44..." is OCR's "ID J")
            return m
    for m in _PLAN_ID.finditer(text):
        above = text.rfind("\n", 0, max(0, text.rfind("\n", 0, m.start()))) + 1
        line_end = text.find("\n", m.end())
        if _BIRTH_WORD.search(text, above, line_end if line_end >= 0 else len(text)):
            return m
    for m in _ID_LABEL.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if re.search(r"\d", m.group("v")) and not _NOT_MEMBER_ID.search(text[line_start : m.start()]):
            return m
    return None


# a line labelled for the policyholder alone ("Subscriber: <spouse>  DOB ...", "Insured ....  Born ..."): its
# date of birth is the holder's, read only when no other line gives one
_HOLDER_LINE = re.compile(r"[ \t|]*(?:subscriber|insured|policy\s?holder|cardholder)\b(?![ \t]*(?:/|and|or)\b)", I)


def _births_first(text: str) -> list[re.Match[str]]:
    """The dates of birth, those on a line labelled for the policyholder last."""
    return sorted(
        _DOB.finditer(text),
        key=lambda x: bool(_HOLDER_LINE.match(text, text.rfind("\n", 0, x.start()) + 1)),
    )


def _addressee_in_full(text: str, salutation: re.Match[str]) -> re.Match[str] | None:
    """A salutation that gives the surname only ("Dear Ms Okonkwo-Farrell,"): the postal block's line above
    it that is a name alone ending in that surname ("Annelise Okonkwo-Farrell" over "c/o ..." or a street),
    the addressee in full; None when no such line, or more than one, stands there."""
    surname = re.escape(salutation.group("v").strip(" ,."))
    lines = [
        x
        for x in re.finditer(
            rf"^[ \t]*(?:(?:Mr|Ms|Mrs|Mx|Miss)\.?[ \t]+)?(?P<v>(?-i:[A-Z][A-Za-z'\-.]*[ \t]+){{1,3}}{surname})[ \t]*\n(?=[ \t]*(?:c/o\b|\d))",
            text[: salutation.start()],
            M,
        )
        if not _NOT_ADDRESSEE.search(x.group("v")) and not _NOT_NAME.search(x.group("v"))
    ]
    return lines[0] if len(lines) == 1 else None


# a grouped member id's last group of letters, which the id rules (a space only before digits) leave off: "OW 1957 4471
# HA" (the twenty-fifth set); read only after a grouped id, two or three capitals ending the line or before a column gap
_ID_LETTER_GROUP = re.compile(r"[ ](?P<t>[A-Z]{2,3})(?=[ \t]*$|[ \t]{2,})", re.MULTILINE)  # capitals only: "... has" is a word


def patient(text: str) -> dict[str, Hit]:
    if (entry := household.entry(text)) is not None:  # a household statement: the entry naming LUMAKRAS
        at = entry[0]
        return {k: Hit(h.value, h.start + at, h.end + at, h.note) for k, h in patient(text[entry[0] : entry[1]]).items()}
    out: dict[str, Hit] = {}
    found = (
        x
        for rule in (
            _NAME, _NAME_COLUMN, _NAME_CAPS_COMMA, _NAME_RE, _NAME_NL_DE, _NAME_FOR, _NAME_INLINE,
            _ADDRESSEE, _ADDRESS_BLOCK, _NAME_OVER_DOB, _NAME_COMMA_DOB, _SALUTATION,
        )
        for x in _patients_first(list(rule.finditer(text)))
        if not _NOT_NAME.search(x.group("v"))
        and not (rule is _SALUTATION and _NOT_PERSON.search(x.group("v")))
        and not (rule in (_ADDRESS_BLOCK, _NAME_OVER_DOB, _NAME_COMMA_DOB) and _NOT_ADDRESSEE.search(x.group("v")))
    )
    if split := parts.name(text):  # "Surname  Given name" columns, or their two labelled lines
        out["name"] = Hit(*split)
        m = None
    else:
        m = next(found, None) or named.name(text, _NOT_NAME)
    if m is not None and m.re is _SALUTATION and len(m.group("v").split()) == 1:
        m = _addressee_in_full(text, m) or m
    if m is not None:
        out["name"] = Hit(" ".join(m.group("v").split()).strip(" ,"), m.start("v"), m.end("v"))
        out["name"] = ranks.past_rank(text, out["name"]) or out["name"]  # "SFC (Ret.) Marcus T. ...": the rank is no name
    # a two-digit birth year is never after the letter's date (dates.century)
    on = letter_date(text)
    near = on.value if on else None
    d = next(
        (x for x in _births_first(text) if dates.parse(x.group("d"), birth=True, near=near) and not dates.roman_doubt(x.group("d"), text)),
        None,
    )
    if said := parts.birth(text):  # its order said in its label: "Birth (yyyy mm dd)  1958 03 17"
        out["birth_date"] = Hit(*said)
    elif d is not None:
        out["birth_date"] = Hit(dates.parse(d.group("d"), birth=True, near=near), d.start("d"), d.end("d"))
    else:
        for x in _DOB_NL_DE.finditer(text):
            if born := dates.calendar_day(x.group("yy"), x.group("mm"), x.group("dd")):
                out["birth_date"] = Hit(born, x.start("d"), x.end("d"))
                break
    if "birth_date" in out and not said and declared_order.day_first(text):  # "(dates DD/MM/YYYY)" said once
        hit = out.pop("birth_date")
        if (born := declared_order.reread(text[hit.start : hit.end], hit.value)) is not None:
            out["birth_date"] = Hit(born, hit.start, hit.end)
    if "birth_date" not in out and (
        born_hit := nordic_patient.birth(text) or more_patient.birth(text, declared_order.day_first(text)) or cjk_dates.birth(text)
    ):
        out["birth_date"] = born_hit  # "Fødselsdato: 02.10.1950", "Doğum tarihi: 03.11.1961", "生年月日 ... 1950年6月12日"
    mid = _member_id(text) or named.member_id(text) or member_labels.member_id(text)  # NHS, Spanish, bilingual labels
    mid = card_number.over_policy(text, mid)  # "TPA ID card no." over "Policy no.": the card's number
    if mid is not None and _LABEL_BEFORE.search(text, text.rfind("\n", 0, mid.start("v")) + 1, mid.start("v")):
        mid = None  # "PA-NUMBER MBR-ID: 0V2717..." (a fax's header cells run together): the value is the first label's
    if mid is not None:
        value, end = mid.group("v"), mid.end("v")
        if " " in value and (tail := _ID_LETTER_GROUP.match(text, end)):  # "OW 1957 4471 HA": its last group letters
            value, end = f"{value} {tail.group('t')}", tail.end("t")
        out["member_id"] = Hit(value.upper(), mid.start("v"), end)
    return chat.patient(text) | out  # a chat transcript's answers, for what no label gave
