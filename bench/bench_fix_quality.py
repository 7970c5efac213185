"""How good are the suggested fixes? chrF of the fixed sentence against the editor's.

For every artifact of the gold file (``../shared/seeds_gold.yaml``) whose
``fix`` is a replacement (not a "(rewrite)" note), the sentence that holds it
is rebuilt three ways:

- gold:    the span replaced by the editor's fix;
- fixed:   the suggestions of the findings that overlap the span applied;
- unfixed: the sentence as published.

and sacrebleu's chrF measures fixed and unfixed against gold. A fix that helps
raises the score above the unfixed baseline. Artifacts no finding suggests a
fix for count with their unfixed sentence in the "all" averages.

    python bench/bench_fix_quality.py [--gold PATH] [--seeds DIR] [-v]
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def occurrence(text: str, span: str, nth: int = 1) -> int:
    pos = -1
    for _ in range(nth):
        pos = text.find(span, pos + 1)
        if pos < 0:
            return -1
    return pos


def apply(sentence: str, offset: int, edits: list[tuple[int, int, str]]) -> str:
    """The sentence with non-overlapping (start, end, replacement) edits applied."""
    out, last = [], offset
    for start, end, replacement in sorted(edits):
        if start < last:
            continue
        out.append(sentence[last - offset:start - offset])
        out.append(replacement)
        last = end
    out.append(sentence[last - offset:])
    return "".join(out)


def main(argv: list[str] | None = None) -> int:
    import yaml
    from sacrebleu.metrics import CHRF

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=str(ROOT.parent / "shared" / "seeds_gold.yaml"))
    parser.add_argument("--seeds", default=str(ROOT / "seeds"))
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)

    from checker.pipeline import RunOptions, run

    gold = yaml.safe_load(Path(args.gold).read_text(encoding="utf-8"))
    report = run([args.seeds], RunOptions(use_lm=False, fail_on=None))
    results = {Path(r.document.path).name: r for r in report.documents}
    chrf = CHRF()

    rows = []
    for art in gold["artifacts"]:
        fix = art.get("fix") or ""
        if not fix or fix.startswith("("):
            continue
        result = results.get(art["doc"])
        if result is None:
            continue
        doc = result.document
        start = occurrence(doc.text, art["span"], art.get("nth", 1))
        if start < 0:
            continue
        end = start + len(art["span"])
        sent = doc.sentence_at(start) or next(
            (s for s in doc.segments if s.start <= start < s.end), None)
        s_start, s_end = (sent.start, sent.end) if sent else (start, end)
        s_end = max(s_end, end)
        sentence = doc.text[s_start:s_end]
        gold_sentence = apply(sentence, s_start, [(start, end, fix)])
        edits = [(f.start, f.end, f.suggestion) for f in result.findings
                 if f.suggestion is not None and f.start < end and start < f.end
                 and s_start <= f.start and f.end <= s_end]
        fixed_sentence = apply(sentence, s_start, edits)
        rules = sorted({f.rule for f in result.findings
                        if f.suggestion is not None and f.start < end and start < f.end})
        rows.append({
            "doc": art["doc"][:3], "span": art["span"], "rules": rules, "fixed": bool(edits),
            "chrf_fixed": chrf.sentence_score(fixed_sentence, [gold_sentence]).score,
            "chrf_unfixed": chrf.sentence_score(sentence, [gold_sentence]).score,
            "fixed_sentence": fixed_sentence, "gold_sentence": gold_sentence,
        })

    def avg(values):
        values = list(values)
        return sum(values) / len(values) if values else float("nan")

    fixed_rows = [r for r in rows if r["fixed"]]
    print(f"artifacts with a replacement fix: {len(rows)}; with a suggested fix: {len(fixed_rows)}")
    print(f"  suggested fixes only:  chrF fixed vs gold = {avg(r['chrf_fixed'] for r in fixed_rows):6.2f}"
          f"   unfixed vs gold = {avg(r['chrf_unfixed'] for r in fixed_rows):6.2f}")
    print(f"  all artifacts:         chrF fixed vs gold = {avg(r['chrf_fixed'] for r in rows):6.2f}"
          f"   unfixed vs gold = {avg(r['chrf_unfixed'] for r in rows):6.2f}")
    by_rule = defaultdict(list)
    for r in fixed_rows:
        for rule in r["rules"]:
            by_rule[rule].append(r)
    for rule, rs in sorted(by_rule.items()):
        print(f"  {rule:26} n={len(rs):2}  fixed {avg(r['chrf_fixed'] for r in rs):6.2f}"
              f"  unfixed {avg(r['chrf_unfixed'] for r in rs):6.2f}")
    if args.verbose:
        for r in rows:
            mark = "+" if r["chrf_fixed"] > r["chrf_unfixed"] else ("=" if r["chrf_fixed"] == r["chrf_unfixed"] else "-")
            print(f"{mark} {r['doc']} {r['span']!r}: {r['chrf_unfixed']:.1f} -> {r['chrf_fixed']:.1f} {r['rules']}")
            if r["fixed"]:
                print(f"      fixed: {r['fixed_sentence'][:160]}")
                print(f"      gold:  {r['gold_sentence'][:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
