"""LM-fluency quality: findings on the seeds and false alarms on clean prose.

    python bench/bench_lm_quality.py              # evaluate with models.yaml's thresholds
    python bench/bench_lm_quality.py --calibrate  # also propose per-language thresholds

Prints each seed's LM findings; which gold `should`-tier artifacts (from
../shared/seeds_gold.yaml) overlap an LM finding; and the findings per 150
words of the clean texts in bench/data/clean/<lang>/*.txt, per language.

Calibration uses the clean texts only (never the seeds): for each language it
finds the lowest word threshold (pair = word + 2, neighbour = word / 2) whose
findings stay under 0.75 per 150 words of clean prose.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CLEAN = ROOT / "bench" / "data" / "clean"
GOLD = ROOT.parent / "shared" / "seeds_gold.yaml"
WORDS_PER = 150


def load_doc(path: Path, language: str | None = None):
    from checker.core import Document
    from checker.pipeline import analyse

    text = path.read_text(encoding="utf-8")
    return analyse(Document(path=str(path), text=text), language)


def n_words(text: str) -> int:
    return len(text.split())


def spans_of(detector, doc, spec, scorer, thresholds=None):
    from checker.detectors.lm import merge_spans

    out = []
    for seg, th, words in detector.scored_words(doc, spec, scorer, thresholds):
        for span in merge_spans(words, th):
            out.append((seg.start + words[span.first].start, seg.start + words[span.last].end, span))
    return out


def calibrate(detector, spec, scorer, clean_docs, target=0.75) -> dict:
    proposals = {}
    for lang, docs in clean_docs.items():
        words = sum(n_words(d.text) for d in docs)
        chosen = None
        t = 4.0
        while t <= 25.0:
            th = {lang: {"word": t, "pair": t + 2.0, "neighbour": t / 2}}
            found = sum(len(spans_of(detector, d, spec, scorer, th)) for d in docs)
            rate = found * WORDS_PER / words
            if rate <= target:
                chosen = (t, rate, found)
                break
            t += 0.25
        proposals[lang] = chosen
        if chosen:
            print(f"calibrate {lang}: word {chosen[0]:.2f}, pair {chosen[0] + 2:.2f}, "
                  f"neighbour {chosen[0] / 2:.2f} -> {chosen[2]} findings in {words} words "
                  f"({chosen[1]:.2f} per {WORDS_PER})")
    return proposals


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calibrate", action="store_true")
    parser.add_argument("--no-suggest", action="store_true", help="skip fix proposals (faster)")
    args = parser.parse_args(argv)

    import yaml

    from checker.detectors.base import CheckContext
    from checker.detectors.lm import LanguageModelFluency
    from checker.models.registry import get_spec
    from checker.models.scoring import scorer_for

    spec = get_spec("lm")
    scorer = scorer_for("lm")
    detector = LanguageModelFluency()
    ctx = CheckContext(options={"lm_no_suggest": args.no_suggest})
    ctx._cache["lm-engine:lm"] = (spec, scorer)

    clean_docs = {lang.name: [load_doc(p, lang.name) for p in sorted(lang.glob("*.txt"))]
                  for lang in sorted(CLEAN.iterdir()) if lang.is_dir()}
    if args.calibrate:
        calibrate(detector, spec, scorer, clean_docs)

    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8")) if GOLD.exists() else {"artifacts": []}
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    should_hit, should_total, must_hit, must_total = [], 0, 0, 0
    start = time.perf_counter()
    print("\n== seeds")
    for path in seeds:
        doc = load_doc(path)
        findings = list(detector.check(doc, ctx))
        print(f"\n{path.name} ({doc.language}, {n_words(doc.text)} words): {len(findings)} LM findings")
        for f in findings:
            line, col = doc.line_col(f.start)
            sug = f" -> {f.suggestion!r}" if f.suggestion is not None else ""
            print(f"  {line}:{col} [{f.confidence:.2f}] {f.text!r}{sug}")
        for art in gold.get("artifacts", []):
            if art["doc"] != path.name:
                continue
            occ, at = art.get("nth", 1), -1
            for _ in range(occ):
                at = doc.text.find(art["span"], at + 1)
            if at < 0:
                continue
            a, b = at, at + len(art["span"])
            hit = any(f.start < b and a < f.end for f in findings)
            if art["tier"] == "should":
                should_total += 1
                if hit:
                    should_hit.append(art["span"])
            else:
                must_total += 1
                must_hit += hit
            mark = "FOUND" if hit else "     "
            print(f"    {mark} {art['tier']:6s} {art['kind']:15s} {art['span']!r}")
    print(f"\nseeds scored in {time.perf_counter() - start:.1f}s")
    print(f"gold 'should' artifacts overlapping an LM finding: {len(should_hit)}/{should_total}")
    for span in should_hit:
        print(f"  {span!r}")
    print(f"gold 'must' artifacts overlapping an LM finding: {must_hit}/{must_total}")

    print("\n== clean texts (false alarms)")
    for lang, docs in clean_docs.items():
        words = found = 0
        for doc in docs:
            fs = list(detector.check(doc, ctx))
            words += n_words(doc.text)
            found += len(fs)
            for f in fs:
                print(f"  {Path(doc.path).name}: {f.text!r} [{f.confidence:.2f}]"
                      + (f" -> {f.suggestion!r}" if f.suggestion is not None else ""))
        print(f"{lang}: {found} findings in {words} words = {found * WORDS_PER / words:.2f} per {WORDS_PER} words"
              f" (target <= 1)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
