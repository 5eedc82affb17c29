"""The one module that talks to medspaCy: rules from ``rules/*.yaml``, findings with exact offsets.

spaCy and medspaCy are imported on first use, so a chart without text never pays for them. Results
are cached in memory by the text's SHA-256, so re-evaluating a chart does not re-read its notes
(never on disk: extracted spans are patient data).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import warnings
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any

import yaml

from priorauth.terminology.drugs import vocabulary
from priorauth.text.dictation import spoken

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SPAN_GROUP = "priorauth"
PUNCT = [".", "!", "?", ";", "\n", "\n\n", "\n\n\n"]
# GENERAL: a mention that states nothing about this patient (a comparison, a retracted result, a test not
# done, a question asked, an explanation given): categories are ours, from context.yaml.
EXCLUDING = {"NEGATED_EXISTENCE", "POSSIBLE_EXISTENCE", "HYPOTHETICAL", "FAMILY", "GENERAL"}
# Sections whose findings are never the patient's own (a relative's history, an allergy list).
NOT_OWN_SECTIONS = ("family_history", "allergies")


@dataclass(frozen=True)
class Finding:
    label: str  # KRAS_G12C, HISTOLOGY, THERAPY, STATUS, ...
    value: str
    start: int  # offsets into the analysed text
    end: int
    modifiers: frozenset[str]  # ConText categories that apply (NEGATED_EXISTENCE, HYPOTHETICAL, ...)
    section: str | None
    sentence: str
    sentence_start: int

    @property
    def affirmed(self) -> bool:
        """Asserted of the patient: not negated, possible, hypothetical or family, not in family history."""
        return not (self.modifiers & EXCLUDING) and self.section not in NOT_OWN_SECTIONS

    def doubted_only_by(self, modifier: str) -> bool:
        """Of the patient but for one doubt: ``modifier`` is its only modifier, and not in family history."""
        return self.modifiers == frozenset({modifier}) and self.section not in NOT_OWN_SECTIONS


@cache
def rules() -> dict[str, Any]:
    folder = resources.files("priorauth.text").joinpath("rules")
    return {
        name: yaml.load(folder.joinpath(f"{name}.yaml").read_text("utf-8"), Loader=_LOADER)  # noqa: S506
        for name in ("targets", "context", "sections")
    }


@cache
def patterns() -> dict[str, re.Pattern[str]]:
    """The compiled sentence-level patterns of targets.yaml (lung_context, plasma, tests, ...)."""
    data = rules()["targets"]
    return {k: re.compile(v, re.I) for k, v in data.items() if isinstance(v, str) and k != "version"}


_WORD_CLASS = re.compile(r"<<(\w+)>>")


def expand(pattern: str, words: dict[str, str]) -> str:
    """``pattern`` with each ``<<name>>`` replaced by the wording class ``words[name]`` (as a group), itself
    expanded: a class is written once in targets.yaml's ``words`` and shared by the rules that use it."""
    return _WORD_CLASS.sub(lambda m: f"(?:{expand(words[m.group(1)], words)})", pattern)


@cache
def _targets() -> list[tuple[str, str, re.Pattern[str]]]:
    data = rules()["targets"]
    words = data.get("words") or {}
    return [(t["label"], str(t["value"]), re.compile(expand(t["pattern"], words), re.I)) for t in data["targets"]]


@cache
def _drug_pattern() -> re.Pattern[str]:
    return re.compile(vocabulary().pattern.pattern, re.I)  # on the original text: offsets stay exact


@cache
def _spacy() -> Any:
    with warnings.catch_warnings():  # spaCy's CLI helpers warn about click on import: noise for our users
        warnings.simplefilter("ignore", DeprecationWarning)
        import medspacy.context
        import medspacy.section_detection  # noqa: F401  (registers the sectionizer factory)
        import spacy
    return spacy


@cache
def _sections_nlp() -> Any:
    from medspacy.section_detection import SectionRule

    nlp = _spacy().blank("en")
    nlp.add_pipe("sentencizer", config={"punct_chars": PUNCT})
    sectionizer = nlp.add_pipe("medspacy_sectionizer", config={"rules": None})
    sectionizer.add([SectionRule(s["literal"], s["category"]) for s in rules()["sections"]["sections"]])
    return nlp


@cache
def _context_nlp() -> Any:
    from medspacy.context import ConTextRule  # also registers the medspacy_context factory

    nlp = _spacy().blank("en")
    _split_final_stops(nlp)
    nlp.add_pipe("sentencizer", config={"punct_chars": PUNCT})
    nlp.add_pipe(_line_breaks())
    context = nlp.add_pipe(
        "medspacy_context", config={"rules": None, "input_span_type": "group", "span_group_name": SPAN_GROUP}
    )
    ours = [
        ConTextRule(
            r["literal"],
            r["category"],
            pattern=r.get("pattern"),
            direction=r["direction"],
            max_scope=r.get("max_scope"),
            max_targets=r.get("max_targets"),
            allowed_types=set(r["allowed_types"]) if r.get("allowed_types") else None,
        )
        for r in rules()["context"]["rules"]
    ]
    redefined = {r.literal.lower() for r in ours}  # our rule for a literal replaces medspaCy's default one
    defaults = [r for r in ConTextRule.from_json(context.DEFAULT_RULES_FILEPATH) if r.literal.lower() not in redefined]
    context.add(defaults + ours)
    return nlp


def _split_final_stops(nlp: Any) -> None:
    """spaCy keeps a full stop glued to a word that mixes digits and letters ("KRAS G12C.", "stage IIIA2."), so
    the sentence ran on into the next one ("Plasma: KRAS G12C. Tissue: KRAS G12V." was one sentence): such a
    stop is split off, and ends the sentence."""
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    # (held-out v8) An HL7 segment's fields are joined by bars ("KRAS G12C ctDNA^L||NOT DETECTED||F"): a bar is a
    # token of its own, so the cell's words ("not detected") are words.
    suffixes = [*nlp.Defaults.suffixes, r"(?<=[0-9][A-Za-z])\.", r"(?<=[A-Za-z][0-9])\.", r"\|"]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    nlp.tokenizer.prefix_search = compile_prefix_regex([*nlp.Defaults.prefixes, r"\|"]).search
    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, r"\|"]).finditer
    # A temperature's unit ("fever > 100.4 F. Your cancer: ...") is not an initial: its stop ends the sentence (an
    # "if" before it ran on and made the next sentence's stage hypothetical).
    for unit in ("F.", "C."):
        nlp.tokenizer.add_special_case(unit, [{"ORTH": unit[0]}, {"ORTH": "."}])


@cache
def _line_breaks() -> str:
    """A spaCy component: a line break left after ``unwrap`` (a hard one) ends a sentence, whatever
    whitespace follows it, and a "?" glued to the next word ("?new met") does not end one. The sentencizer only knows the exact tokens of ``PUNCT``, and spaCy makes a line
    break followed by an indent one token ("\\n  "), so a row of an indented list or table ran on into the
    next row ("Plasma: KRAS G12C 0.4%" was negated by the next row's "not detected")."""
    from spacy.language import Language

    name = "priorauth_line_breaks"
    if not Language.has_factory(name):

        @Language.component(name)
        def line_breaks(doc: Any) -> Any:
            for tok in doc[:-1]:
                if tok.is_space and "\n" in tok.text:
                    doc[tok.i + 1].is_sent_start = True
                elif tok.text == "?" and not tok.whitespace_ and doc[tok.i + 1].is_alpha:
                    doc[tok.i + 1].is_sent_start = False  # "?new lesion": a query mark, not a question's end
                    if tok.i > 0 and doc[tok.i - 1].text in (".", "!"):
                        # [ocr18-query-opens-sentence] (held-out OCR v18) "KRAS G12C, 0.6%. ?Brain metastasis": the
                        # query mark opens the sentence after a stop, it does not query the one before
                        tok.is_sent_start = True
            return doc

    return name


def preload() -> None:
    """Build the pipelines now: a process that forks workers (population screening) loads spaCy once and
    the workers share it, instead of each paying ~1.5 s for the import."""
    _sections_nlp()
    _context_nlp()


# A line break inside a sentence (text wrapped at a fixed width, as notes and letters are typed or pasted)
# is not a sentence end: a long line that does not end a statement, followed by a line that does not start
# an item of its own (a bullet, a number, a "Label:", an indented row), continues on it. Table rows (runs of
# spaces, pipes, tabs) and short lines (headings, form fields) keep their breaks.
_ENDS_STATEMENT = re.compile(r"[.:;!?]\s*$")
# Dot leaders ("Codon 12 (G12C) ........ no mutation detected") are a column gap too (on a scan they are erased
# from the image and read as one).
_COLUMNS = re.compile(r"\S {3,}\S|\t|\||\.{4,}|\u2026{2,}")
# (held-out v27) [v27-accented-label] a field's label may hold accented letters ("Diagnóstico:", "Resposta:").
# A row starting with a boxed label ("[ KRAS ]  POSITIVE", "{ NRAS ] NO MUTATION" as a scan reads it) is an item too.
# [ocr25-machine-key] (held-out OCR v25, issue 17's twenty-seventh pass) ... and a program's printout keys its lines in
# lower case, a key joined by underscores or given with "=" ("reviewer_comment: ...", "reviewed_by=..."): an item too,
# so a note's "NOT reported" above it does not negate it. A lower-case word with a colon in prose stays a wrap.
_OWN_ITEM = re.compile(
    r"^(?:\s{2,}|\s*(?:[-*\u2022#>]|\d{1,2}[.)]\s|\(?[a-z0-9]\)\s|[A-Z\u00c0-\u00de][\w /&()'-]{0,40}:|[\[{]\s*[A-Za-z]"
    r"|[a-z]+(?:_[a-z]+)+\s*[:=]|[a-z]+=\S))"
)
# [ocr7-gene-row] (held-out OCR v7, issue 17's eighth pass) Two lines that each start with a gene's cell ("KRAS  c.34G>T
# ... MUTATION DETECTED" over "EGFR  No mutation detected") are two rows of a table, even when a scan has erased the
# dot leaders between label and value and left two spaces: the second row's negation is not the first's.
_GENE_ROW = re.compile(r"^\W{0,2}[A-Z][A-Z0-9]{2,7}(?:\s+exon\s+\d{1,2})?(?: {2,}|\t)\S")
# [ocr9-field-result] (held-out OCR v9, issue 17's eleventh pass) A line that is a field answered by a result ("KRAS
# G12C: DETECTED", "G12C status: positive") is a whole statement: the next line ("other codon 12/13 mutations: not
# detected"), even lower-case, is a field of its own, and its negation is not the first field's.
_FIELD_RESULT = re.compile(
    r":\s*(?:not\s+|no\s+)?(?:detected|positive|negative|present|absent|identified|wild[\s-]?type|mutated|mutation\s+"
    r"detected)\W{0,3}$",
    re.I,
)
WRAP_MIN = 45
# [ocr25-caps-verdict-line] (held-out OCR v25, issue 17's twenty-seventh pass) A line wholly in capitals that ends in a
# result word ("RESULT: NO TUMOUR-DERIVED ALTERATIONS DETECTED") is a verdict, a statement of its own: the next row
# ("KRAS G12C  not detected", its dot leaders erased by a scan) is no wrap of it, whatever the line's length.
_CAPS_VERDICT = re.compile(r"^[^a-z]*\b(?:DETECTED|NEGATIVE|POSITIVE|PRESENT|ABSENT|IDENTIFIED|FOUND)\W{0,3}$")
# [ocr13-trailing-bar] (held-out OCR v13, issue 17's fifteenth pass) A lone bar a scan reads at the end of a wrapped
# sentence's line ("... she does not carry |" over "KRAS G12C."): a speck of the page's edge or a fold, not a table's
# cell. When nothing else on the line is a column, the line is read without it (a wrap like any other).
# [ocr15-spaced-stop] (held-out OCR v15, issue 17's seventeenth pass) ... or a lone full stop standing apart from the
# line's last word ("team will consider a KRAS G12C inhibitor should ." over "G12C be found."): a sentence's stop is
# glued to its word; a stop after a space, on a line that stops mid-sentence, is a speck and the break a wrap.
_TRAILING_BAR = re.compile(r"(?<=\w)[ \t]+(?:[|\u00a6]|\.(?!\.))[ \t]*$")
# [ocr27s-continuation-speck] (held-out OCR v27, issue 17's safety pass) ... and the same lone bar may end the wrap's
# NEXT line, after its closing bracket or stop ("... mutation; no" over "G12C.) |"): a speck, not a column of a table,
# so the next line is no row of its own and the sentence's "no" still reaches its finding. A line with another bar
# or a wide gap before its last one stays a row.
_LAST_SPECK = re.compile(r"(?<=\S) {1,2}[|\u00a6][ \t]*$")
_MID_SENTENCE = re.compile(r"\w$")  # the line stops on a word, not on punctuation
# [ocr31s-dangling-copula] (held-out OCR v31's safety pass) A prose line that stops on a copula or a "not" ("... KRAS
# G12C was" over "NOT" over "DETECTED in plasma.", a wrap of a capitalised call): no sentence ends there, whatever the
# line's length or the next line's case, so the break is a wrap and the call reaches its finding. Guards: a table's row
# (cells), a field answered by a result, a title; a line ending on any other word keeps the rules above.
_DANGLING_COPULA = re.compile(r"(?<![\w'-])(?:is|was|are|were|(?:has|have|had)\s+been|not)$", re.I)
# Abbreviations whose full stop is not a sentence end ("codons 12 (incl. G12C)", "e.g. plasma", "Stg. IV").
# (held-out v27) [v27-stage-st-abbrev] ... and "st." before a stage group ("adenokarsinom i lunge, st. IVA").
_ABBREVIATION = re.compile(
    r"\b(?:incl|approx|e\.g|i\.e|vs|esp|cf|dr|fig)\.(?=\s+[\w(])|\bstg\.(?=\s*(?:iv|iii|ii|i|[1-4])[abc]?\b)|\bst\.(?=\s?(?:iv|iii|ii|i)[abc]?\d?\b(?![./]\w))", re.I
)


# [ocr10-footnote-mark] (held-out OCR v10, issue 17's twelfth pass) A caret-numbered footnote mark glued to a result
# word ("NOT DETECTED^2", "POSITIVE^1", "3.8%^1"): the mark is a reference, not part of the word.
_FOOTNOTE_MARK = re.compile(r"(?<=[A-Za-z%)\]])\^\d{1,2}(?!\d)")


# A title line in capitals before a dash or colon ("RENEWAL REQUEST - LUMAKRAS (sotorasib), ref. 118842") is a
# heading, not the start of a wrapped sentence.
# (held-out v37, issue 13's thirty-eighth pass) [t38-title-bracket] ... with a bracket between the capitals and the dash
# ("TOXICITY CHECK (RN phone, CTCAE v5) - sotorasib C3 wk2", "PHARMACY NOTE (oral chemo) - ..."): still a title, so the
# flowsheet row under it ("... / Pneumonitis: none / ...") is no wrap of it and its "none" does not reach the drug.
# (session 27, after the thirty-eighth pass) [t38-title-superseded] ... but not a line that voids what it heads ("ORIGINAL
# RESULT (10/30/2026) - SUPERSEDED, DO NOT USE" over the replaced result): it wraps into the result it voids (held-out
# OCR set 5's corrected report read its superseded G12V as a second result once a dated bracket made the line a title).
_TITLE = re.compile(
    r"^(?![^\n]*\b(?i:supersed\w*|do\s+not\s+use|void(?:ed)?|retracted|replaced)\b)"
    r"\s*[A-Z][A-Z&/ ]{6,}(?:\s*\([^()\n]{0,40}\))?\s+[-\u2013\u2014:]\s"
)
# (held-out v36, issue 13's thirty-seventh pass) [t37-subject-line] a letter's subject field ("Re: Member ID withheld;
# sotorasib denial dated 11/20/2026") above a line opening with a capital ("My patient, a 66-year-old man ..."): a field
# of its own, not a sentence wrapping on (its "denial" made the patient's history a payer's reasoning). A subject
# wrapping onto a line in lower case stays joined.
_SUBJECT_FIELD = re.compile(r"^\s*(?:re|subject|ref|regarding)\s*:", re.I)
# Dictated punctuation ("... pembro comma she received ... period new paragraph"): speech recognition left the
# words; they are read as the marks they stand for when a text has two or more and at least one "comma" or "new
# paragraph" (a lone "period" is a word: "authorization period").
# (held-out v9) [v9-spoken-question] "question mark" is read as "?" ("interstitial lung disease question mark period").
_SPOKEN = re.compile(
    r"(?<=\w)\s+(comma|period|full\s+stop|new\s+paragraph|new\s+line|question\s+mark)\b(?=\s+[a-z]|\s*$)"
)
_SPOKEN_MARK = {"comma": ",", "question": "?"}


def _spoken_punctuation(text: str, out: list[str]) -> None:
    found = list(_SPOKEN.finditer(text))
    if len(found) < 2 or not any(m.group(1) == "comma" or m.group(1).startswith("new") for m in found):
        return
    for m in found:
        out[m.start(1)] = _SPOKEN_MARK.get(m.group(1).split()[0], ".")
        for i in range(m.start(1) + 1, m.end(1)):
            out[i] = " "


# [ocr15-gene-stop] (held-out OCR v15, issue 17's seventeenth pass) A scan's speck read as a stop between a gene and its
# own variant, inside a phrase that goes on in lower case ("consider a KRAS. G12C inhibitor should"): no sentence ends
# between a gene's name and its variant; the stop is read as a space. A variant followed by a capital, a digit or a
# stop ("tested KRAS. G12C: DETECTED") keeps the stop.
_GENE_STOP = re.compile(r"(?<=\b[KNH]RAS)\.(?=[ \t]+(?:p\.)?[A-Z]\d{1,3}[A-Z]\b[ \t]+[a-z])")


@lru_cache(maxsize=4096)
def unwrap(text: str) -> str:
    """``text`` with each soft line break (a wrap inside a sentence), each abbreviation's full stop and each
    dictated punctuation word turned into a space (or its mark): same length, so every offset stays exact."""
    out = list(text)
    for m in _ABBREVIATION.finditer(text):
        out[m.end() - 1] = " "
    _spoken_punctuation(text, out)
    for m in _FOOTNOTE_MARK.finditer(text):  # [ocr10-footnote-mark] "NOT DETECTED^2" reads "NOT DETECTED"
        out[m.start() : m.end()] = " " * (m.end() - m.start())
    for m in _GENE_STOP.finditer(text):  # [ocr15-gene-stop] "a KRAS. G12C inhibitor" reads "a KRAS G12C inhibitor"
        out[m.start()] = " "
    if "\n" not in text:
        return "".join(out)
    lines, start = [], 0
    for line in text.split("\n"):
        lines.append((start, line))
        start += len(line) + 1
    for (start, line), (_, nxt) in pairwise(lines):
        end = start + len(line)
        if not nxt.strip():
            continue
        body = "".join(out[start:end]).strip()  # an abbreviation's stop ending the line is a space here ("incl.")
        bar = _TRAILING_BAR.search(body)
        if bar and bar.group().strip() == "." and not line.rstrip().endswith("."):
            bar = None  # [ocr15-spaced-stop] a dictated "period" made this stop: a sentence's end, no speck
        if bar and not _COLUMNS.search(body[: bar.start()]):
            body = body[: bar.start()]  # [ocr13-trailing-bar]
        else:
            bar = None
        if (
            (
                nxt.lstrip()[:1].islower()
                or nxt.lstrip().startswith("(")
                or body.endswith(",")
                or (len(body) >= WRAP_MIN and _MID_SENTENCE.search(body) and not _CAPS_VERDICT.match(body))
                or (_DANGLING_COPULA.search(body) and bool(nxt.strip()[:1].isalpha()))
            )
            and not _ENDS_STATEMENT.search(body)
            and not _TITLE.match(body)
            and not (_SUBJECT_FIELD.match(body) and nxt.lstrip()[:1].isupper())
            and not _COLUMNS.search(body)
            and not _COLUMNS.search(_LAST_SPECK.sub("", nxt))
            and not _OWN_ITEM.match(nxt)
            and not (_GENE_ROW.match(body) and _GENE_ROW.match(nxt))
            and not _FIELD_RESULT.search(body)
            and not _fields_row(body, nxt)  # [ocr37-fields-row] "NRAS, BRAF: no mutation  HER2: not amplified"
        ):
            out[end] = " "
            if bar:  # the speck goes with the break it stood before
                at = start + "".join(out[start:end]).rstrip().rindex(bar.group().strip())
                out[at] = " "
    return "".join(out)


def _fields_row(line: str, nxt: str) -> bool:
    from priorauth.text.kras_ocr37 import fields_row  # a late import: kras_ocr37 reads this module's Finding

    return fields_row(line, nxt)


def worth_reading(text: str) -> bool:
    """Whether any target can occur in the text (a regex pass, no spaCy): if not, there is nothing to
    negate or qualify, and the text need not be read."""
    return (
        any(rx.search(text) for _, _, rx in _targets())
        or bool(_drug_pattern().search(text))
        or any(True for _ in _misspelt_drugs(text))
    )


# A misspelt drug name ("pembrolizumb", "sotorasb", "carboplatn"): one letter missing, added or changed, or two
# neighbours swapped, from an anticancer drug's single-word name of TYPO_MIN letters or more (shorter names are
# one letter away from ordinary words). A word one step from two drugs' names is left alone.
TYPO_MIN = 8
# (held-out v22, issue 13's twenty-third pass) [v22-accented-drug] a drug written with a French, Spanish or Portuguese
# accent ("pémétrexed", "cétuximab", "carboplatino"): the word is read with its accents folded away first.
_LONG_WORD = re.compile(rf"(?<![^\W_])[^\W\d_]{{{TYPO_MIN - 1},}}(?![^\W_])")


def _folded(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


@cache
def _typo_index() -> dict[str, frozenset[str]]:
    """Each long anticancer name and its one-deletion variants -> the names (a symmetric-delete index)."""
    vocab = vocabulary()
    index: dict[str, set[str]] = {}
    for name, ingredients in vocab.by_name.items():
        if len(name) < TYPO_MIN or not name.isalpha():
            continue
        if not any(i in vocab.drugs and vocab.drugs[i].anticancer for i in ingredients):
            continue
        for variant in {name, *(name[:i] + name[i + 1 :] for i in range(len(name)))}:
            index.setdefault(variant, set()).add(name)
    return {k: frozenset(v) for k, v in index.items()}


def _misspelt_drugs(text: str) -> Any:
    """(name, start, end) for each word that is a misspelling of exactly one anticancer drug's name."""
    vocab, index = vocabulary(), _typo_index()
    for m in _LONG_WORD.finditer(text):
        if m.group(0).lower() in vocab.by_name:
            continue
        word = _latin(_folded(m.group(0).lower()))
        if word in vocab.by_name:
            yield word, m.start(), m.end()
            continue
        names = _near_names(word, index) or _near_names(_transliterated(word), index) or _inflected_names(word)
        ingredients = {tuple(vocab.by_name[n]) for n in names}
        if len(ingredients) == 1:
            yield next(iter(names)), m.start(), m.end()


# (held-out v30, issue 13's thirty-first pass, part two) [v30-cyrillic-drug] a drug's name in Cyrillic, as a Russian,
# Bulgarian, Macedonian, Serbian or Ukrainian note writes it ("карбоплатин", "цисплатин/етопозид", "атезолизумаб"): the
# word is spelt in Latin letters first (ц -> c, ks kept for the transliteration above), then read as any other word.
_CYRILLIC = str.maketrans(
    {
        **dict(zip("абвгдезийклмнопрстуфыэіїєґјћќѓѕ", "abvgdezijklmnoprstufyeiiegjckgz", strict=True)),
        "ё": "e", "ж": "zh", "х": "h", "ц": "c", "ч": "ch", "ш": "sh", "щ": "sch", "ъ": "", "ь": "",
        "ю": "yu", "я": "ya", "љ": "lj", "њ": "nj", "џ": "dz",
    }
)


def _latin(word: str) -> str:
    return word.translate(_CYRILLIC)


def _near_names(word: str, index: dict[str, frozenset[str]]) -> set[str]:
    names: set[str] = set(index.get(word, ()))
    for i in range(len(word)):
        names |= index.get(word[:i] + word[i + 1 :], frozenset())
    return names


# (held-out v27, issue 13's twenty-eighth pass, part two) [v27-transliterated-drug] a drug's name as a Nordic, Baltic,
# Slavic or Indonesian note spells it: "k" for "c", "ks" for "x", a long vowel doubled, a case ending ("karboplatiin",
# "paklitakseel", "dosetakseli", "bevacizumabas", "etopozid" with "z" for "s"): read as the name it spells, within one letter as before.
_CASE_ENDING = re.compile(r"(?<=[a-z]{6})(?:as|is|us|um|ai|i)$")


def _transliterated(word: str) -> str:
    word = re.sub(r"([aeiou])\1", r"\1", word.replace("ks", "x").replace("k", "c").replace("z", "s"))
    return _CASE_ENDING.sub("", word)


# (held-out v29, issue 13's thirtieth pass, part two) [v29-inflected-drug] a drug's name declined as a Polish or Czech
# note declines it, or spelt as an Indonesian one spells it ("karboplatyny", "paklitakselem", "pembrolizumabem",
# "doxorubicinem", "cyklofosfamidem", "kapesitabin"): the word and the name are both reduced to a skeleton (ph -> f, th
# -> t, y -> i, ks -> x, k -> c, z -> s, c before e/i -> s, doubled vowels single, a final e dropped) and the word also
# without one case ending; an exact skeleton match names the drug (two drugs' skeletons alike: left alone, as above).
_SLAVIC_ENDING = re.compile(r"(?<=[a-z]{7})(?:em|om|ou|iem|ami|ach|ie|y|u|a|\u0105)$")


def _skeleton(word: str) -> str:
    word = word.replace("ph", "f").replace("th", "t").replace("y", "i").replace("ks", "x").replace("k", "c")
    word = re.sub(r"c(?=[ei])", "s", word.replace("z", "s"))
    return re.sub(r"([aeiou])\1", r"\1", word).removesuffix("e")


@cache
def _skeleton_index() -> dict[str, frozenset[str]]:
    """The skeleton of each long anticancer single-word name -> the names."""
    vocab = vocabulary()
    index: dict[str, set[str]] = {}
    for name, ingredients in vocab.by_name.items():
        if len(name) >= TYPO_MIN and name.isalpha() and any(i in vocab.drugs and vocab.drugs[i].anticancer for i in ingredients):
            index.setdefault(_skeleton(name), set()).add(name)
    return {k: frozenset(v) for k, v in index.items()}


def _inflected_names(word: str) -> set[str]:
    index = _skeleton_index()
    return set(index.get(_skeleton(word), ())) | set(index.get(_skeleton(_SLAVIC_ENDING.sub("", word)), ()))


def analyze(text: str) -> tuple[Finding, ...]:
    """Findings of one document. ConText compares every modifier with every target of a doc, so a
    long note is read paragraph by paragraph (a modifier's scope never crosses a sentence, and
    paragraphs end sentences); sections are found on the whole text."""
    return _analyze_cached(_digest(text), text)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()


@lru_cache(maxsize=1024)
def _analyze_cached(digest: str, text: str) -> tuple[Finding, ...]:
    text = spoken(text)  # (held-out v26) [v26-dictated-homophones] a dictated note's words as dictated (same length)
    starts = _section_starts(text) if _SECTION_HINT.search(text) or _bare_headings().search(text) else []
    out = []
    for chunk_start, chunk in _paragraphs(text):
        for f in _analyze_chunk(_digest(chunk), chunk):
            section = next((cat for pos, cat in reversed(starts) if pos <= chunk_start + f.start), None)
            if section == "family_history" and _PATIENT_SUBJECT.match(f.sentence):
                section = None  # "Social/family hx: wife ... \nPt (stage IV NSCLC) has received ...": the patient's
            out.append(
                Finding(
                    f.label,
                    f.value,
                    f.start + chunk_start,
                    f.end + chunk_start,
                    f.modifiers,
                    section,
                    f.sentence,
                    f.sentence_start + chunk_start,
                )
            )
    return tuple(out)


# A sentence whose subject is the patient ("Pt ...", "Patient ...", "The patient ...") is not family history.
_PATIENT_SUBJECT = re.compile(
    r"^\W*(?:the\s+)?(?:pt|patient)\b(?!'s\s+(?:mother|father|sister|brother|wife|husband))", re.I
)
_SECTION_HINT = re.compile(r"^[ \t]*[A-Za-z][A-Za-z /&]{1,40}:", re.M)
_PARAGRAPH = re.compile(r"\n[ \t]*\n")


def _paragraphs(text: str) -> list[tuple[int, str]]:
    chunks, start = [], 0
    for m in _PARAGRAPH.finditer(text):
        chunks.append((start, text[start : m.start()]))
        start = m.end()
    chunks.append((start, text[start:]))
    return [(s, c) for s, c in chunks if c.strip()]


@cache
def _bare_headings() -> re.Pattern[str]:
    """A section title of ``sections.yaml`` written as a line of its own without its colon ("ASSESSMENT/PLAN",
    "Family History"), as templated notes print them."""
    titles = sorted({s["literal"].rstrip(":").strip() for s in rules()["sections"]["sections"]}, key=len, reverse=True)
    words = "|".join(r"\s*".join(re.escape(w) for w in t.split()) for t in titles)
    return re.compile(rf"^[ \t]*({words})[ \t]*$", re.I | re.M)


# (held-out v28, issue 13's twenty-ninth pass, part two) [v28-survivorship-plan] A survivorship care plan's title
# ("Survivorship care plan: ... treated 2024 with cisplatin/etoposide"): a summary of the treatment had, not a plan
# section (a note's own "Plan:" stays one).
_SURVIVORSHIP_BEFORE = re.compile(r"\bsurvivorship\s+(?:care\s+)?$", re.I)


def _section_starts(text: str) -> list[tuple[int, str | None]]:
    with warnings.catch_warnings():  # spaCy W036 "matcher has no patterns": noise
        warnings.simplefilter("ignore", UserWarning)
        doc = _sections_nlp()(text)
    starts = []
    for sec in doc._.sections:
        first = sec.title_start if sec.title_start is not None else sec.body_start
        at = doc[first].idx if first < len(doc) else len(text)
        if sec.category == "plan" and _SURVIVORSHIP_BEFORE.search(text, max(0, at - 40), at):
            starts.append((at, None))  # (held-out v28) [v28-survivorship-plan] "Survivorship care plan:": a summary
            continue
        starts.append((at, sec.category))
    category = {
        re.sub(r"\s+", " ", s["literal"].rstrip(":").strip().lower()): s["category"]
        for s in rules()["sections"]["sections"]
    }
    for m in _bare_headings().finditer(text):
        starts.append((m.start(1), category.get(re.sub(r"\s+", " ", m.group(1).lower()))))
    return sorted(starts, key=lambda s: s[0])


@lru_cache(maxsize=8192)  # paragraphs repeat across notes (copy-forward): each is read once
def _analyze_chunk(digest: str, text: str) -> tuple[Finding, ...]:
    from spacy.util import filter_spans

    nlp = _context_nlp()
    lines, text = text, unwrap(text)  # same length: offsets into the original stay exact
    doc = nlp.make_doc(text)
    by_label: dict[str, list[Any]] = {}
    exact: dict[tuple[int, int, str], tuple[int, int]] = {}
    glued: dict[tuple[int, int], list[str]] = {}  # drugs in one token ("FOLFIRI+bev", "soto+pmab"): all kept
    for label, value, start, end in _matches(text):
        span = doc.char_span(start, end, label=label, kb_id=value, alignment_mode="expand")
        if span is None:
            continue
        if label == "THERAPY" and (span.start, span.end) in glued:
            values = glued[(span.start, span.end)]
            values += [v for v in value.split(",") if v not in values]
            lo, hi = exact[(span.start, span.end, label)]
            exact[(span.start, span.end, label)] = (min(lo, start), max(hi, end))
            continue
        if label == "THERAPY":
            glued[(span.start, span.end)] = value.split(",")
        by_label.setdefault(label, []).append(span)
        exact[(span.start, span.end, label)] = (start, end)
    therapy = by_label.get("THERAPY", [])
    for i, sp in enumerate(therapy):
        values = glued[(sp.start, sp.end)]
        if ",".join(values) != sp.kb_id_:
            therapy[i] = doc.char_span(sp.start_char, sp.end_char, label="THERAPY", kb_id=",".join(values))
    if not by_label:
        return ()
    ignored = by_label.pop("IGNORE", [])
    spans = []  # overlapping spans of different kinds are all kept ("progressive metastatic disease")
    for label_spans in by_label.values():
        for span in filter_spans(label_spans):
            if not any(span.start < i.end and i.start < span.end for i in ignored):
                spans.append(span)
    doc.spans[SPAN_GROUP] = sorted(spans, key=lambda sp: (sp.start, sp.end))
    with warnings.catch_warnings():  # spaCy W036 "matcher has no patterns" for an empty sub-matcher: noise
        warnings.simplefilter("ignore", UserWarning)
        for _, proc in nlp.pipeline:
            doc = proc(doc)
    out = []
    for span in doc.spans[SPAN_GROUP]:
        start, end = exact.get((span.start, span.end, span.label_), (span.start_char, span.end_char))
        mods = frozenset(  # a trigger inside the target ("no prior therapy") does not modify it
            m.category
            for m in span._.modifiers
            if (m.modifier_span[1] <= span.start or m.modifier_span[0] >= span.end)
            and not _row_call_above(lines, doc[m.modifier_span[0] : m.modifier_span[1]], start)
            and not _gloss_own_negation(text, m.category, doc[m.modifier_span[0] : m.modifier_span[1]], start, end)
        )
        sent = span.sent
        out.append(Finding(span.label_, span.kb_id_, start, end, mods, None, sent.text, sent.start_char))
    return tuple(out)


# (issue 13's thirty-fourth pass) [t34-gloss-own-negation] A bracketed English gloss that carries its own negation ("Hem i
# no bin kasem eni kemo ... [he has not received any chemo or cancer medicine yet]") translates the clause before it:
# the foreign clause's negation word before the bracket ("no") is the gloss's "not", said twice, and does not negate
# what the gloss says. Only a negation, only a finding wholly inside a square bracket that opens after the trigger on
# its line, and only when the bracket has a negation word of its own. Guard: "Negative for: [KRAS G12C, EGFR]" (no
# negation inside) stays negated.
_GLOSS_NEGATION = re.compile(r"\b(?:not|no|never|none|without|nor)\b|n't\b|n\u2019t\b", re.I)


def _gloss_own_negation(text: str, category: str, trigger: Any, start: int, end: int) -> bool:
    if category != "NEGATED_EXISTENCE" or trigger.end_char > start:
        return False
    opening = text.rfind("[", trigger.end_char, start)
    if opening < 0 or "]" in text[opening:start] or "\n" in text[trigger.end_char : opening]:
        return False
    closing = text.find("]", end)
    if closing < 0 or "[" in text[end:closing] or "\n" in text[end:closing]:
        return False
    return bool(_GLOSS_NEGATION.search(text, opening, closing))


# [ocr21-row-call-above] (held-out OCR v21, issue 17's twenty-third pass) A table row's last cell is that row's call
# ("LX-T-022  pan-RAS(ON) inhibitor  POSSIBLE MATCH", "Q61H  probe 4  suspected"): with no full stop after it, the
# sentence runs on into the next line ("No KRAS G12C was found."), but the row's "possible" qualifies its own row,
# not a finding on a later line. A trigger in a row's last cell (a cell gap before it, none after it on its line),
# on a line above the finding's, modifies nothing on later lines; a trigger on the finding's line, or a heading's
# trigger ("Possible findings:" alone on its line), keeps its scope.
_CELL_GAP_IN = re.compile(r"\S(?: {2,}|\t)\S")
_CELL_GAP_AFTER = re.compile(r"(?: {2,}|\t)\S")


def _row_call_above(text: str, trigger: Any, at: int) -> bool:
    t0, t1 = trigger.start_char, trigger.end_char
    line_end = text.find("\n", t1)
    if line_end < 0 or line_end >= at:
        return False  # the trigger is on the finding's line (or after it)
    line_start = text.rfind("\n", 0, t0) + 1
    before, after = text[line_start:t0], text[t1:line_end]
    return bool(_CELL_GAP_IN.search(before + "x")) and before.endswith(("  ", "\t")) and not _CELL_GAP_AFTER.search(after)


def _matches(text: str) -> list[tuple[str, str, int, int]]:
    found = [(label, value, m.start(), m.end()) for label, value, rx in _targets() for m in rx.finditer(text)]
    vocab = vocabulary()
    for m in _drug_pattern().finditer(text):
        ingredients = ",".join(vocab.by_name[m.group(0).lower()])
        found.append(("THERAPY", ingredients, m.start(), m.end()))
    for name, start, end in _misspelt_drugs(text):
        found.append(("THERAPY", ",".join(vocab.by_name[name]), start, end))
    return found
