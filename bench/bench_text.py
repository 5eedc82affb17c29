"""Speed of the clinical-text reader: notes per second, and a chart of 50 notes of ~1,000 words
(warm: spaCy loaded) against the structured-only time of the same chart, in the same run.

    .venv/bin/python bench/bench_text.py [--runs 5]
"""

from __future__ import annotations

import argparse
import base64
import statistics
import time
from pathlib import Path

import yaml

import priorauth
from priorauth.text import facts as text_facts
from priorauth.text import pipeline

ROOT = Path(__file__).resolve().parents[1]


def chart(notes: int, words: int) -> tuple[dict, dict]:
    cases = yaml.safe_load((ROOT / "src/priorauth/policy/packs/sotorasib/default.cases.yaml").read_text())
    corpus = [i["text"] for i in yaml.safe_load((ROOT / "tests/text/corpus.yaml").read_text())["items"]]
    docs = []
    for n in range(notes):
        parts, count, k = [], 0, n
        while count < words:
            t = corpus[k % len(corpus)]
            parts.append(t)
            count += len(t.split())
            k += 7
        text = f"Progress note {n}\n\n" + "\n\n".join(parts)
        docs.append(
            {
                "resourceType": "DocumentReference",
                "id": f"note{n}",
                "status": "current",
                "subject": {"reference": "Patient/p1"},
                "date": f"2026-{1 + n % 10:02d}-15",
                "content": [
                    {"attachment": {"contentType": "text/plain", "data": base64.b64encode(text.encode()).decode()}}
                ],
            }
        )
    coded = {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": r} for r in cases["base"]]}
    full = {"resourceType": "Bundle", "type": "collection", "entry": coded["entry"] + [{"resource": d} for d in docs]}
    return coded, full


def median(fn, runs: int, before=None) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        if before:
            before()
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--quick", action="store_true", help="a small chart, one run: checks the script still runs (CI)")
    a = ap.parse_args()
    if a.quick:
        a.runs = 1
    coded, full = chart(3, 200) if a.quick else chart(50, 1000)
    priorauth.check(full, as_of="2026-11-20")  # warm: spaCy, medspaCy, rules loaded

    def clear() -> None:
        pipeline._analyze_cached.cache_clear()
        pipeline._analyze_chunk.cache_clear()
        text_facts._document_facts.cache_clear()

    structured = median(lambda: priorauth.check(coded, as_of="2026-11-20"), a.runs)
    with_text = median(lambda: priorauth.check(full, as_of="2026-11-20"), a.runs, before=clear)
    cached = median(lambda: priorauth.check(full, as_of="2026-11-20"), a.runs)
    words = sum(
        len(base64.b64decode(e["resource"]["content"][0]["attachment"]["data"]).split())
        for e in full["entry"]
        if e["resource"]["resourceType"] == "DocumentReference"
    )
    print(f"chart: 50 notes, {words} words in all (~{words // 50} per note), plus the coded base chart")
    print(f"structured only (same chart without notes)  {structured * 1000:8.1f} ms   1.0x")
    print(f"with the 50 notes, first read (cache empty)  {with_text * 1000:8.1f} ms   {with_text / structured:6.1f}x")
    print(f"with the 50 notes, re-evaluated (cached)     {cached * 1000:8.1f} ms   {cached / structured:6.1f}x")
    print(f"notes per second (first read)                {50 / (with_text - structured):8.1f}")
    print(f"words per second (first read)                {words / (with_text - structured):8.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
