"""Issue 3's fix proposals: how often does LM-fluency offer a fix, and does it help?

A small held-out set, written for this bench (not from seeds/): English and French
sentences with one machine-translation artifact each that the rules do *not* flag
exactly -- near misses of the lexicon entries (another adjective, verb or determiner
than the entry's pattern allows) and a few plain slips (a wrong preposition, two words
swapped, a word too many) -- each with the corrected sentence. Every sentence is checked
alone, as a one-paragraph document:

1. by the rules (every detector but LM-fluency): a sentence the rules flag on the
   artifact is reported and left out, since there the rule's finding is what an editor
   sees;
2. by LM-fluency with the lexicon candidates, and again without them
   (``lm_no_lexicon``), so the lexicon's contribution shows.

For each run it prints how many artifacts the model flags, how many of those findings
carry a suggestion, how many suggested sentences equal the gold one, and chrF
(sacrebleu) of the sentence with every suggestion applied against gold, next to chrF of
the sentence as written; then the same broken down by the kind of edit that won
(lexicon, model, preposition, swap, delete). Suggestions on words other than the
artifact count too (they are applied; an editor who accepts all of them gets that
sentence).

    .venv/bin/python bench/bench_lm_fixes.py [-v] [--only-lexicon] [--cache] [--clean]

--clean also runs the detector over the clean news prose of bench/data/clean and counts
the suggestions there, by kind: each is a fix offered where nothing was wrong.

The model's score cache is off unless --cache: the figures are then computed afresh.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# (language, sentence, artifact as written, gold sentence, what kind of artifact)
CASES = [
    # English: near misses of the lexicon entries
    ("en", "The moral among the soldiers has collapsed since the winter.", "moral",
     "The morale among the soldiers has collapsed since the winter.", "near fr-en"),
    ("en", "Mediators hope to reach a fire before the start of Ramadan.", "fire",
     "Mediators hope to reach a ceasefire before the start of Ramadan.", "near fr-en"),
    ("en", "The government has camped stubbornly on its position for months.",
     "camped stubbornly on its position",
     "The government has stood firm for months.", "near fr-en"),
    ("en", "Putin wants to win precious time before winter.", "win",
     "Putin wants to buy precious time before winter.", "near fr-en"),
    ("en", "The allies want to make maximum pressure on Tehran.", "make",
     "The allies want to put maximum pressure on Tehran.", "near de-en"),
    ("en", "The brigade will become Western tanks soon.", "become",
     "The brigade will get Western tanks soon.", "near de-en"),
    ("en", "He lost his new handy during the evacuation.", "handy",
     "He lost his new mobile phone during the evacuation.", "near de-en"),
    ("en", "The former NATO military chef warned against complacency.", "chef",
     "The former NATO military chief warned against complacency.", "near de-en"),
    ("en", "The situation developing on Ukraine worries Brussels.", "on",
     "The situation developing in Ukraine worries Brussels.", "near ru-en"),
    ("en", "Shelling damaged two water objects in Kherson.", "objects",
     "Shelling damaged two water facilities in Kherson.", "near ru-en"),
    ("en", "Ukrainian forces liquidated nearly 300 militants in a week, Moscow claimed.", "liquidated",
     "Ukrainian forces killed nearly 300 militants in a week, Moscow claimed.", "near ru-en"),
    ("en", "Madrid reiterated its strong compromise to Kyiv.", "compromise",
     "Madrid reiterated its strong commitment to Kyiv.", "near es-en"),
    ("en", "Brussels has given a major step towards enlargement.", "given",
     "Brussels has taken a major step towards enlargement.", "near es-en"),
    ("en", "Italy has lost another occasion to reform its justice system.", "lost another occasion",
     "Italy has missed another opportunity to reform its justice system.", "near it-en"),
    ("en", "Fincantieri will assume around 2,000 new workers next year.", "assume",
     "Fincantieri will hire around 2,000 new workers next year.", "near it-en"),
    ("en", "A fierce polemic erupted over the arms shipments.", "polemic",
     "A fierce controversy erupted over the arms shipments.", "near it-en"),
    # French: near misses of the lexicon entries
    ("fr", "Le vote prendra probablement place dimanche.", "prendra probablement place",
     "Le vote aura probablement lieu dimanche.", "near en-fr"),
    ("fr", "Paris compte délivrer prochainement des obus à l'Ukraine.", "délivrer",
     "Paris compte livrer prochainement des obus à l'Ukraine.", "near en-fr"),
    ("fr", "Les deux pays veulent initier enfin un dialogue direct.", "initier",
     "Les deux pays veulent lancer enfin un dialogue direct.", "near en-fr"),
    ("fr", "Le rapport est basé sur des témoignages recueillis sur place.", "basé",
     "Le rapport est fondé sur des témoignages recueillis sur place.", "near en-fr"),
    ("fr", "Cette décision est en ligne avec les souhaits de Washington.", "en ligne avec",
     "Cette décision est conforme aux souhaits de Washington.", "near en-fr"),
    ("fr", "Les prix ont dramatiquement grimpé depuis janvier.", "dramatiquement",
     "Les prix ont considérablement grimpé depuis janvier.", "near en-fr"),
    ("fr", "Des drones ont visé des objets industriels à Dnipro.", "objets",
     "Des drones ont visé des installations industrielles à Dnipro.", "near ru-fr"),
    # plain slips no lexicon entry describes
    ("en", "The minister arrived to Kyiv on Tuesday for talks.", "to",
     "The minister arrived in Kyiv on Tuesday for talks.", "preposition"),
    ("en", "Overnight the troops Russian advanced near Pokrovsk.", "troops Russian",
     "Overnight the Russian troops advanced near Pokrovsk.", "word order"),
    ("en", "The talks will resume on next Monday in Geneva.", "on",
     "The talks will resume next Monday in Geneva.", "extra word"),
    ("fr", "Le président a participé dans la réunion de l'OTAN.", "dans",
     "Le président a participé à la réunion de l'OTAN.", "preposition"),
    ("fr", "Les négociations auront lieu en Genève la semaine prochaine.", "en",
     "Les négociations auront lieu à Genève la semaine prochaine.", "preposition"),
    ("fr", "Il a été élu avec une majorité large.", "majorité large",
     "Il a été élu avec une large majorité.", "word order"),
]


def make_detector():
    from checker.detectors.lm import LanguageModelFluency

    class Recording(LanguageModelFluency):
        """LM-fluency that remembers which kind of edit each suggestion is."""

        def __init__(self):
            super().__init__()
            self.kinds: dict = {}  # (document path, start, end) -> (kind, gain)

        def _apply(self, doc, f, best):
            out = super()._apply(doc, f, best)
            if out.suggestion is not None and best:
                self.kinds[(doc.path, out.start, out.end)] = (best["kind"], best["gain"])
            return out

    return Recording()


def apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    out, last = [], 0
    for start, end, replacement in sorted(edits):
        if start < last:
            continue
        out += [text[last:start], replacement]
        last = end
    return "".join(out + [text[last:]])


def rules_flag(cases) -> list[bool]:
    """Whether some rule (not the model) flags each case's artifact."""
    from checker.core import Document
    from checker.detectors import CheckContext, select
    from checker.pipeline import check_document
    from checker.rules import RuleBook

    detectors = [d for d in select() if d.id != "LM-fluency"]
    ctx = CheckContext(rulebook=RuleBook.load(), options={"no_lm": True})
    out = []
    for k, (lang, text, artifact, _, _) in enumerate(cases):
        result = check_document(Document(path=f"case{k}.txt", text=text), detectors, ctx, [], lang)
        s = text.index(artifact)
        e = s + len(artifact)
        out.append(any(f.start < e and s < f.end for f in result.findings))
    return out


def run_lm(cases, lexicon: bool, cache: bool, verbose: bool):
    from checker.core import Document
    from checker.detectors import CheckContext
    from checker.pipeline import analyse
    from checker.rules import RuleBook

    det = make_detector()
    ctx = CheckContext(rulebook=RuleBook.load(),
                       options={"lm_no_cache": not cache, "lm_no_lexicon": not lexicon})
    rows = []
    for k, (lang, text, artifact, gold, what) in enumerate(cases):
        doc = analyse(Document(path=f"case{k}.txt", text=text), lang)
        findings = list(det.check(doc, ctx))
        s = text.index(artifact)
        e = s + len(artifact)
        on = [f for f in findings if f.start < e and s < f.end]
        with_fix = [f for f in findings if f.suggestion is not None]
        fixed = apply(text, [(f.start, f.end, f.suggestion) for f in with_fix])
        kinds = [det.kinds[(doc.path, f.start, f.end)][0] for f in with_fix]
        art_kinds = [det.kinds[(doc.path, f.start, f.end)][0] for f in on if f.suggestion is not None]
        rows.append({"lang": lang, "text": text, "gold": gold, "what": what, "flagged": bool(on),
                     "suggested": bool(art_kinds), "kind": art_kinds[0] if art_kinds else None,
                     "elsewhere": [kd for f, kd in zip(with_fix, kinds) if f not in on],
                     "fixed": fixed, "findings": findings,
                     "gains": [round(det.kinds[(doc.path, f.start, f.end)][1], 2) for f in with_fix]})
        if verbose:
            spans = ", ".join(f"“{f.text}”" + (f" → “{f.suggestion}”" if f.suggestion is not None else "")
                              for f in findings) or "-"
            mark = "=" if fixed == gold else ("~" if fixed != text else " ")
            print(f"  {mark} [{what}] {text}\n      findings: {spans}"
                  + (f"\n      fixed: {fixed}  (kinds {kinds}, gains {rows[-1]['gains']})" if with_fix else ""))
    return rows


def summary(title: str, rows) -> None:
    from sacrebleu.metrics import CHRF

    chrf = CHRF()
    n = len(rows)
    flagged = sum(r["flagged"] for r in rows)
    suggested = sum(r["suggested"] for r in rows)
    exact = sum(r["fixed"] == r["gold"] for r in rows)
    elsewhere = sum(len(r["elsewhere"]) for r in rows)
    gold = [[r["gold"] for r in rows]]
    base = chrf.corpus_score([r["text"] for r in rows], gold).score
    fixed = chrf.corpus_score([r["fixed"] for r in rows], gold).score
    print(f"\n{title}")
    print(f"  artifacts {n}; flagged by the model {flagged}; flagged with a suggestion {suggested}; "
          f"suggested sentence == gold {exact}; suggestions on other words {elsewhere}")
    print(f"  chrF vs gold, all {n} sentences: unfixed {base:.2f} -> with suggestions {fixed:.2f} "
          f"({fixed - base:+.2f})")
    groups = defaultdict(list)
    for r in rows:
        groups[r["kind"] or ("flagged, no suggestion" if r["flagged"] else "not flagged")].append(r)
    print(f"  {'winning edit on the artifact':<30} {'n':>3} {'==gold':>6} {'chrF unfixed':>12} {'chrF fixed':>10}")
    for kind, rs in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        g = [[r["gold"] for r in rs]]
        b = chrf.corpus_score([r["text"] for r in rs], g).score
        f = chrf.corpus_score([r["fixed"] for r in rs], g).score
        print(f"  {kind:<30} {len(rs):>3} {sum(r['fixed'] == r['gold'] for r in rs):>6} {b:>12.2f} {f:>10.2f}")
    if elsewhere:
        counts = defaultdict(int)
        for r in rows:
            for kd in r["elsewhere"]:
                counts[kd] += 1
        print("  suggestions on other words, by kind: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    by_what = defaultdict(list)
    for r in rows:
        by_what["lexicon near miss" if r["what"].startswith("near") else "plain slip"].append(r)
    for what, rs in by_what.items():
        g = [[r["gold"] for r in rs]]
        b = chrf.corpus_score([r["text"] for r in rs], g).score
        f = chrf.corpus_score([r["fixed"] for r in rs], g).score
        print(f"  {what:<18} n={len(rs):<3} flagged {sum(r['flagged'] for r in rs):>2}  suggested "
              f"{sum(r['suggested'] for r in rs):>2}  ==gold {sum(r['fixed'] == r['gold'] for r in rs):>2}  "
              f"chrF {b:.2f} -> {f:.2f}")


def run_clean(lexicon: bool, cache: bool, verbose: bool) -> None:
    """Suggestions on clean news prose (bench/data/clean/<lang>/): every one is a false fix."""
    from checker.core import Document
    from checker.detectors import CheckContext
    from checker.pipeline import analyse
    from checker.rules import RuleBook

    det = make_detector()
    ctx = CheckContext(rulebook=RuleBook.load(),
                       options={"lm_no_cache": not cache, "lm_no_lexicon": not lexicon})
    findings = words = 0
    kinds: dict[str, int] = defaultdict(int)
    for path in sorted((ROOT / "bench" / "data" / "clean").glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")
        words += len(text.split())
        doc = analyse(Document(path=str(path), text=text), path.parent.name)
        for f in det.check(doc, ctx):
            findings += 1
            if f.suggestion is not None:
                kind = det.kinds[(doc.path, f.start, f.end)][0]
                kinds[kind] += 1
                if verbose or kind == "lexicon":
                    print(f"    {path.parent.name}/{path.name}: {kind}: “{f.text}” → “{f.suggestion}”")
    print(f"  clean prose, {words} words: {findings} findings, {sum(kinds.values())} with a suggestion "
          f"(" + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) + ")")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--only-lexicon", action="store_true", help="skip the run without lexicon candidates")
    parser.add_argument("--cache", action="store_true", help="use the model's score cache")
    parser.add_argument("--clean", action="store_true",
                        help="also count the (false) suggestions on bench/data/clean")
    args = parser.parse_args(argv)

    flagged = rules_flag(CASES)
    for case, hit in zip(CASES, flagged):
        if hit:
            print(f"  left out, a rule flags it: {case[1]}")
    cases = [c for c, hit in zip(CASES, flagged) if not hit]
    print(f"{len(cases)} sentences ({sum(c[0] == 'en' for c in cases)} English, "
          f"{sum(c[0] == 'fr' for c in cases)} French) no rule flags at the artifact")
    runs = [("with lexicon candidates", True)] + ([] if args.only_lexicon else [("without lexicon candidates", False)])
    for title, lexicon in runs:
        t = time.perf_counter()
        if args.verbose:
            print(f"\n-- {title}")
        rows = run_lm(cases, lexicon, args.cache, args.verbose)
        summary(f"LM-fluency {title} ({time.perf_counter() - t:.0f} s)", rows)
        if args.clean:
            run_clean(lexicon, args.cache, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
