"""The rules alone on the five seeds, after start-up (issue 7: well under a second).

Start-up (reading and validating the rule files, loading lingua's and
wordfreq's tables) is timed apart, then every per-document stage without the
language model: language, segmentation, all rule detectors, claims, and the
cross-document checks. Median of several passes in one process.

    .venv/bin/python bench/bench_rules_seeds.py
"""
from __future__ import annotations

import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSES = 7


def main() -> None:
    start = time.perf_counter()
    from checker.claims import cross_check
    from checker.detectors import CheckContext, select
    from checker.load import discover, read_document
    from checker.pipeline import check_document
    from checker.rules import RuleBook

    context = CheckContext(rulebook=RuleBook.load(), options={"no_lm": True})
    detectors = [d for d in select() if d.detector != "lm"]
    for detector in detectors:
        if hasattr(detector, "prepare"):
            detector.prepare(context)
    documents = [read_document(s) for s in discover([str(ROOT / "seeds")])]
    for doc in documents:  # warms lingua's and wordfreq's tables for both languages
        check_document(doc, detectors, context, [])
    startup = time.perf_counter() - start

    samples = []
    from checker import claims

    for _ in range(PASSES):
        claims._CACHE.clear()  # claims are memoised per document: measure the real work
        t = time.perf_counter()
        results = [check_document(doc, detectors, context, []) for doc in documents]
        cross_check([(r.document, r.claims) for r in results])
        samples.append(time.perf_counter() - t)
    size = sum(len(doc.text) for doc in documents)
    findings = sum(len(r.findings) for r in results)
    median = statistics.median(samples)
    print(f"start-up (rule data, lingua, wordfreq): {startup:.2f} s")
    print(f"five seeds, {len(detectors)} rules, claims and cross-checks: median "
          f"{median * 1000:.0f} ms over {PASSES} passes (min {min(samples) * 1000:.0f}, "
          f"max {max(samples) * 1000:.0f}); {size / 1e3:.0f} k characters, {findings} findings")
    print(f"well under a second: {'yes' if median < 0.5 else 'no'}")


if __name__ == "__main__":
    main()
