"""Precision and recall of the claims cross-checker on bench/data/claims.

    python bench/bench_claims.py            # per cluster, then the whole corpus at once
    python bench/bench_claims.py -v         # also list every miss and false alarm
    python bench/bench_claims.py --data bench/data/blind/claims   # the clusters written blind

Each cluster of articles is checked on its own (as an editor would run a
story's sources together), then all 40-odd articles in one run, where any
verdict joining two clusters is a false alarm. Expected verdicts live in
bench/data/claims/expected.yaml. Also prints extraction speed.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.claims import cross_check, extract_claims  # noqa: E402
from checker.core import Document  # noqa: E402

DATA = ROOT / "bench" / "data" / "claims"
KINDS = ("contradiction", "consistent", "entity-variant")


def load(data: Path = DATA):
    spec = yaml.safe_load((data / "expected.yaml").read_text(encoding="utf-8"))
    clusters = {}
    for name, c in spec["clusters"].items():
        docs = {}
        for fname, meta in c["docs"].items():
            path = data / name / fname
            shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
            docs[fname] = Document(path=str(shown), text=path.read_text(encoding="utf-8"),
                                   language=meta["language"], date=str(meta["date"]) if meta.get("date") else None)
        expected = []
        for kind, da, sa, db, sb in c["verdicts"]:
            spans = []
            for d, s in ((da, sa), (db, sb)):
                text = docs[d].text
                i = text.find(s)
                if i < 0:
                    raise SystemExit(f"expected.yaml: {name}/{d}: span {s!r} not in the text")
                spans.append((docs[d].path, i, i + len(s)))
            expected.append((kind, tuple(spans)))
        clusters[name] = (docs, expected)
    return clusters


def _matches(pred, exp) -> bool:
    kind, spans = exp
    if pred.kind != kind:
        return False
    ps = [(s.path, s.start, s.end) for s in pred.spans]

    def hit(e, p):
        return e[0] == p[0] and e[1] < p[2] and p[1] < e[2]
    a, b = spans
    return len(ps) == 2 and ((hit(a, ps[0]) and hit(b, ps[1])) or (hit(a, ps[1]) and hit(b, ps[0])))


def score(preds, expected):
    out = {}
    for kind in KINDS:
        P = [p for p in preds if p.kind == kind]
        E = [e for e in expected if e[0] == kind]
        tp_p = [p for p in P if any(_matches(p, e) for e in E)]
        tp_e = [e for e in E if any(_matches(p, e) for p in P)]
        out[kind] = (len(tp_p), len(P), len(tp_e), len(E),
                     [p for p in P if p not in tp_p], [e for e in E if e not in tp_e])
    return out


def report(title, res, verbose):
    print(f"\n== {title}")
    for kind in KINDS:
        tpp, np_, tpe, ne, fps, fns = res[kind]
        prec = tpp / np_ if np_ else 1.0
        rec = tpe / ne if ne else 1.0
        print(f"{kind:15s} precision {prec:.3f} ({tpp}/{np_})   recall {rec:.3f} ({tpe}/{ne})")
        if verbose:
            for p in fps:
                print(f"   false alarm: {[s.text for s in p.spans]} {[s.path for s in p.spans]} — {p.message}")
            for e in fns:
                print(f"   missed:      {e}")


def throughput(target_bytes: int = 1_000_000) -> None:
    """Extraction speed, warm, on ~1 MB of real articles (the five seeds, repeated)."""
    texts = [(p.read_text(encoding="utf-8"), "en" if p.name.startswith("000_") else "fr")
             for p in sorted((ROOT / "seeds").glob("*.txt"))]
    docs, size, i = [], 0, 0
    while size < target_bytes:
        text, lang = texts[i % len(texts)]
        docs.append(Document(path=f"speed/{i}.txt", text=text, language=lang))
        size += len(text.encode("utf-8"))
        i += 1
    from checker.claims.extract import extract
    extract(docs[0])  # warm
    w0, c0 = time.perf_counter(), time.process_time()
    n = sum(len(extract(d)) for d in docs)
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    print(f"extraction speed: {size / 1e6:.2f} MB in {len(docs)} articles, {n} claims: "
          f"{size / 1e6 / cpu:.2f} MB/s of CPU time ({size / 1e6 / wall:.2f} MB/s wall clock)")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--data", type=Path, default=DATA,
                    help="a folder of clusters with its expected.yaml (default: bench/data/claims)")
    args = ap.parse_args(argv)
    clusters = load(args.data.resolve())
    all_preds, all_expected, all_docs = [], [], []
    size, t_extract, t_check = 0, 0.0, 0.0
    for name, (docs, expected) in clusters.items():
        t0 = time.perf_counter()
        results = [(d, extract_claims(d)) for d in docs.values()]
        t1 = time.perf_counter()
        preds = cross_check(results)
        t_check += time.perf_counter() - t1
        t_extract += t1 - t0
        size += sum(len(d.text.encode("utf-8")) for d in docs.values())
        all_preds += preds
        all_expected += expected
        all_docs += results
    res = score(all_preds, all_expected)
    report(f"per cluster ({len(clusters)} clusters, {len(all_docs)} articles)", res, args.verbose)
    whole = cross_check(all_docs)
    report("whole corpus in one run (verdicts across clusters count as false alarms)",
           score(whole, all_expected), args.verbose)
    print(f"\nbench corpus: extraction {size / 1e3:.1f} kB in {t_extract * 1e3:.0f} ms (first call loads the "
          f"tables and wordfreq), cross-checks {t_check * 1e3:.0f} ms")
    throughput()
    tpp, np_, tpe, ne, _, _ = res["contradiction"]
    ok = (tpp / np_ if np_ else 1) >= 0.9 and (tpe / ne if ne else 1) >= 0.9
    print("contradiction precision and recall >= 0.9:", "yes" if ok else "NO")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
