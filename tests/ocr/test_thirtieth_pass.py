"""Issue 17's thirtieth OCR pass: held-out OCR set 28 read (a development set now). Each class is a way real reports
are written, with guards (what it must NOT read), table-driven; ids are the classes' `[ocr28-...]` names."""

from __future__ import annotations

import pytest

from priorauth.text import ocr
from tests.ocr import scans

CASES = [
    # [ocr28-row-gene] a row's gene cell, the variant's cell cut by a semicolon into a sentence of its own
    pytest.param(
        "Tumour block B2, hotspot NGS\n  Gene   Exon   Variant                     VAF\n"
        "  NRAS   2      c.34G>T; p.Gly12Cys (G12C)  19.6%\n  KRAS   2,3,4  No pathogenic variant detected\n",
        "not_met", id="ocr28-row-gene-nras",
    ),
    pytest.param(
        "Tumour block B2, hotspot NGS\n  HRAS   2      c.34G>T; p.G12C  11%\n", "insufficient", id="ocr28-row-gene-hras"
    ),
    # guards: the row's gene cell is KRAS; prose (no gene cell) keeps its reading
    pytest.param(
        "Tumour block B2, hotspot NGS\n  KRAS   2      c.34G>T; p.Gly12Cys (G12C)  19.6%\n", "met", id="ocr28-row-gene-guard-kras"
    ),
    pytest.param(
        "Tumour block B2, hotspot NGS\nNRAS wild type; KRAS testing: p.Gly12Cys (G12C) detected in the tumour.\n",
        "met", id="ocr28-row-gene-guard-prose",
    ),
    # [ocr28-glossed-cell] a site table's last cell in the lab's language with a bracketed negative gloss
    pytest.param(
        "Tumour block, tissue ARMS-PCR for KRAS\n  Site               Ct     delta Ct   Result\n"
        "  G12C (c.34G>T)     -      -          yinxing (negative)\n"
        "  G13D (c.38G>A)     27.4   5.1        yangxing (POSITIVE)\n",
        "not_met", id="ocr28-glossed-cell",
    ),
    # guards: a positive gloss; a bracket holding more than the call; an English result word before the bracket
    pytest.param(
        "Tumour block, tissue ARMS-PCR for KRAS\n  G12C (c.34G>T)     26.1   4.8        yangxing (positive)\n",
        "met", id="ocr28-glossed-cell-guard-positive",
    ),
    pytest.param(
        "Tumour block, tissue ARMS-PCR for KRAS\n  G12C (c.34G>T)     26.1   4.8        yangxing (negative control passed)\n",
        "met", id="ocr28-glossed-cell-guard-more",
    ),
    pytest.param(
        "Tumour block, tissue ARMS-PCR for KRAS\n  G12C (c.34G>T)     26.1   4.8        detected (negative)\n",
        "met", id="ocr28-glossed-cell-guard-english",
    ),
    # [ocr28-gloss-after-sentence] a foreign sentence going on after the variant, glossed whole in a bracket after it
    pytest.param(
        "Tissue NGS, block 2\nOdpowiedz: mutacja KRAS G12C NIE zostala stwierdzona. (KRAS G12C was NOT found.)\n",
        "not_met", id="ocr28-gloss-after-sentence",
    ),
    pytest.param(
        "Tissue biopsy, FFPE\nAlasan revisi: versi 1 keliru mencantumkan KRAS p.G12C dari sampel\n"
        "pasien lain (pertukaran tabung). (Version 1 wrongly listed KRAS p.G12C from ANOTHER\n"
        "patient's sample - a tube swap.)\n",
        "insufficient", id="ocr28-gloss-after-sentence-wrapped",
    ),
    # guards: an English sentence going on after the variant; a bracket that does not restate the variant
    pytest.param(
        "Tissue NGS, block 2\nResult: KRAS G12C was seen in most tumour cells. (Sotorasib is an inhibitor of G12C.)\n",
        "met", id="ocr28-gloss-after-sentence-guard-english",
    ),
    pytest.param(
        "Tissue NGS, block 2\nOdpowiedz: mutacja KRAS G12C zostala stwierdzona. (See the table on page two.)\n",
        "met", id="ocr28-gloss-after-sentence-guard-other-bracket",
    ),
    # [ocr28-query-topic] the variant as what a question asked
    pytest.param(
        "Outside slide consultation\nThis opinion answers a query about KRAS G12C. Our tissue sequencing: KRAS wild type.\n",
        "not_met", id="ocr28-query-topic",
    ),
    pytest.param(
        "Outside slide consultation\nYour question regarding G12C is answered once the block is sequenced.\n",
        "insufficient", id="ocr28-query-topic-alone",
    ),
    # guards: a question about something else before the result; an answer
    pytest.param(
        "Outside slide consultation\nQuestions about sotorasib answered; KRAS G12C detected in the tumour tissue.\n",
        "met", id="ocr28-query-topic-guard-other-topic",
    ),
    pytest.param(
        "Outside slide consultation\nIn answer to the referrer, KRAS G12C was found in the tumour tissue.\n",
        "met", id="ocr28-query-topic-guard-answer",
    ),
    # [ocr28-misread-no] a scan's "no" read as a token no language writes: neither result is read from it
    pytest.param(
        "Consultation letter\nLung biopsy: EGFR L858R and nv KRAS G12C.\nTissue testing: KRAS not mutated (no G12C).\n",
        "not_met", id="ocr28-misread-no",
    ),
    pytest.param("Consultation letter\nLung biopsy: EGFR L858R and nv KRAS G12C.\n", "insufficient", id="ocr28-misread-no-alone"),
    pytest.param(
        "Video consultation note\nTumour tissue sequencing: KRAS G12C nat detected.\n", "insufficient", id="ocr28-misread-not-after"
    ),
    # guards: a real word; upper case (a state's abbreviation); "not" itself
    pytest.param(
        "Consultation letter\nLung biopsy: EGFR wild type and now KRAS G12C detected on tissue.\n", "met", id="ocr28-misread-no-guard-now"
    ),
    pytest.param(
        "Consultation letter\nTissue block sent to Reno, NV KRAS G12C detected in the tumour.\n", "met", id="ocr28-misread-no-guard-upper"
    ),
    pytest.param(
        "Video consultation note\nTumour tissue sequencing: KRAS G12C not detected.\n", "not_met", id="ocr28-misread-not-guard-not"
    ),
    # [ocr28-row-gene] a fax's speck joining the next row's gene to the variant's sentence: the row's gene cell still rules
    # (the specked KRAS row itself gives no reading here)
    pytest.param(
        "Tumour block B2, hotspot NGS\n  NRAS   2      c.34G>T; p.Gly12Cys (G12C)  19.6%  iI\n  KRAS . 2,3,4  No pathogenic "
        "variant detected (wild type)\n",
        "insufficient", id="ocr28-row-gene-specked-next-row",
    ),
    # [ocr28-glued-query-mark] a query mark opening the item, a speck glued between it and the gene
    pytest.param(
        "Outside slide consultation (tumour tissue)\nReferrer's question: \"?7KRAS G12C - prosze o badanie (please test)\"\n",
        "insufficient", id="ocr28-glued-query-mark",
    ),
    # guard: a question mark ending the sentence before, glued by the scan
    pytest.param(
        "Outside slide consultation (tumour tissue)\nWas the block adequate?KRAS G12C detected in the tumour tissue.\n",
        "met", id="ocr28-glued-query-mark-guard-sentence-end",
    ),
    # [ocr28-wrapped-call] a bracketed negative call broken over two lines after a speck
    pytest.param(
        "Clinic letter (tumour tissue)\nIt ûtslach: KRAS G12C is net fun (not -\nfound), and no other driver was seen.\n",
        "not_met", id="ocr28-wrapped-call",
    ),
    # guards: a break before the bracket (the words must stay on the variant's line); a break before another word
    pytest.param(
        "Clinic letter (tumour tissue)\nIt ûtslach: KRAS G12C is\nnet fun (not found).\n", "met", id="ocr28-wrapped-call-guard-line"
    ),
    pytest.param(
        "Clinic letter (tumour tissue)\nIt ûtslach: KRAS G12C is net fun (not -\nrelevant here).\n", "met", id="ocr28-wrapped-call-guard-word"
    ),
]


@pytest.mark.parametrize(("text", "status"), CASES)
def test_ocr28_classes(text: str, status: str) -> None:
    assert scans.kras_status(text) == status


@pytest.mark.parametrize(
    ("token", "code", "core"),
    [
        # [ocr28-quoted-code] a quoted gene symbol is a code (re-read, trusted when read alike), its quotes no part of it
        pytest.param('"KRAS:', True, "KRAS:", id="ocr28-quoted-code-open"),
        pytest.param("\u201cKRAS", True, "KRAS", id="ocr28-quoted-code-curly"),
        pytest.param('"G12C"', True, "G12C", id="ocr28-quoted-code-variant"),
        pytest.param("KRAS]", True, "KRAS", id="ocr28-quoted-code-box-kept"),
        # guards: a quote mark alone, or a long quoted word, is no code
        pytest.param('"', False, None, id="ocr28-quoted-code-guard-mark"),
        pytest.param('"alteration', False, None, id="ocr28-quoted-code-guard-word"),
    ],
)
def test_ocr28_quoted_code_shape(token: str, code: bool, core: str | None) -> None:
    assert bool(ocr._CODE.search(token)) is code
    assert core is None or ocr._core(token) == core


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # [ocr28-specked-stop] a post-posed negation whose stop a worst-level fax read as a colon and a speck
        pytest.param(
            "Tumour tissue, pyrosequencing\nQorytyndy (Conclusion): KRAS mutatsiiasy anyqtalmady; G12C joq:  _\n",
            "not_met", id="ocr28-specked-stop",
        ),
        pytest.param("Tumour tissue, pyrosequencing\nWynik: KRAS G12C nie:\n", "not_met", id="ocr28-specked-stop-bare"),
        # guard: a colon followed by words is a label's, not a stop
        pytest.param(
            "Tumour tissue, pyrosequencing\nWynik: KRAS G12C nie: patrz tabela, G12C detected in the tumour.\n",
            "met", id="ocr28-specked-stop-guard-words",
        ),
    ],
)
def test_ocr28_specked_stop(text: str, status: str) -> None:
    assert scans.kras_status(text) == status
