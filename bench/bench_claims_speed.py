"""Speed of the claims stages alone, and a dump of everything they output.

    python bench/bench_claims_speed.py /tmp/b/corpus                 # time extraction and cross stage
    python bench/bench_claims_speed.py CORPUS --dump out.jsonl       # also write every output
    python bench/bench_claims_speed.py CORPUS --dump new.jsonl --expect old.jsonl   # ... and compare
    python bench/bench_claims_speed.py CORPUS --cold-cross old.jsonl # cross stage from stored records
    python bench/bench_claims_speed.py CORPUS --against TREE         # alternate with another checkout
    python bench/bench_claims_speed.py --linearity                   # ten copies of the seeds vs one

Documents are loaded, identified and segmented once (as ``bench_scale.py
--stages`` does; kept in the pickle ``--docs-cache`` names, if given),
then only ``pipeline._claims`` (extraction) and ``pipeline._cross_document``
(within-document checks, cross-document alignment, name variants) are timed,
in process, serially, after wordfreq's tables are loaded. Times are CPU seconds
of this process (steadier than wall time on a machine shared with other work).

``--cold-cross`` times the cross stage as a cached run meets it: the records
come from a dump (``XClaim.from_json``), no extraction ran, so no memo is warm.

``--linearity`` extracts the claims of the five seed articles joined into one
text, then of ten copies of that text, best of five CPU times each: ten times
the text should cost about ten times the time (no quadratic step); the script
fails above 20 times. It needs no corpus.

``--against TREE`` runs this script in child processes alternately on the
working tree and on TREE (a checkout of another commit's ``checker/``, e.g.
``mkdir /tmp/base && git archive COMMIT checker | tar -x -C /tmp/base``), so that
both see the same load on a shared machine, and prints the best times and ratios.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_documents(corpus: Path, cache: Path | None):
    from checker import pipeline
    from checker.language import identify
    from checker.load import Source, read_source
    from checker.segment import segment

    if cache and cache.exists():
        return pickle.loads(cache.read_bytes())
    docs = []
    for path in sorted(p for p in corpus.rglob("*") if p.is_file()):
        doc, _ = read_source(Source(str(path), path))
        docs.append(segment(identify(doc)))
    del pipeline
    if cache:
        cache.write_bytes(pickle.dumps(docs))
    return docs


def _warm_wordfreq(languages) -> None:
    """Load wordfreq's tables before timing: a run's detectors load them anyway,
    and their one-off cost is not the claims stages'."""
    from wordfreq import zipf_frequency

    for lang in sorted(languages):
        try:
            zipf_frequency("warm", lang)
        except LookupError:
            pass


def run(args) -> dict:
    sys.path.insert(0, str(args.root))
    from checker import pipeline
    from checker.claims import XClaim
    from checker.claims.tables import load_tables

    docs = load_documents(args.corpus, args.docs_cache)
    size = sum(len(d.text.encode()) for d in docs)
    load_tables()
    _warm_wordfreq({d.language or "en" for d in docs} | {"en"})
    timing = {}
    if args.cold_cross:
        stored = [json.loads(line) for line in Path(args.cold_cross).read_text(encoding="utf-8").splitlines()]
        by_path = {r["path"]: r for r in stored if "path" in r}
        tables = load_tables()
        groups = [[XClaim.from_json(x) for x in by_path[d.path]["records"]] for d in docs]
        results = [pipeline.DocumentResult(d, (), tuple(r.to_core(tables) for r in g)) for d, g in zip(docs, groups)]
    else:
        t = time.process_time()
        results, groups = [], []
        for doc in docs:
            records, claims = pipeline._claims(doc)
            results.append(pipeline.DocumentResult(doc, (), claims))
            groups.append(records)
        timing["extraction"] = time.process_time() - t
    t = time.process_time()
    cross = pipeline._cross_document(results, groups)
    timing["cross"] = time.process_time() - t

    lines = [json.dumps({"path": r.document.path, "records": [x.to_json() for x in g],
                         "claims": [repr(c) for c in r.claims]}, ensure_ascii=False, sort_keys=True)
             for r, g in zip(results, groups)]
    lines += [json.dumps({"cross": repr(c)}, ensure_ascii=False) for c in cross]
    digest = hashlib.sha256("".join(line + "\n" for line in lines).encode())
    if args.dump:
        Path(args.dump).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return {"docs": len(docs), "mb": size / 1e6, "claims": sum(len(g) for g in groups),
            "verdicts": len(cross), "sha256": digest.hexdigest(), **timing}


def linearity(rounds: int = 5) -> int:
    """Claims extraction time of ten copies of the seeds over one copy (about 10: linear)."""
    from checker.claims.extract import extract
    from checker.core import Document

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    one = Document(path="one.txt", text="\n".join(texts), language="fr")
    big = Document(path="big.txt", text="\n".join(texts * 10), language="fr")
    extract(one)  # warm: tables, compiled patterns, word frequencies

    def best(doc: Document) -> tuple[float, int]:
        times, count = [], 0
        for _ in range(rounds):
            t = time.process_time()
            count = len(extract(doc))
            times.append(time.process_time() - t)
        return min(times), count

    t_one, n_one = best(one)
    t_big, n_big = best(big)
    mb = len(big.text.encode("utf-8")) / 1e6
    print(f"one copy:  {n_one} claims in {t_one * 1000:.1f} ms")
    print(f"ten copies: {n_big} claims in {t_big * 1000:.1f} ms ({mb / t_big:.2f} MB/s CPU)")
    print(f"ratio {t_big / t_one:.1f} (linear: 10)")
    return 0 if t_big / t_one <= 20 and n_big == 10 * n_one else 1


def compare(new: Path, old: Path) -> None:
    a, b = new.read_text(encoding="utf-8").splitlines(), old.read_text(encoding="utf-8").splitlines()
    for k, (x, y) in enumerate(zip(a, b)):
        if x != y:
            raise SystemExit(f"outputs differ at line {k + 1}:\n  new {x[:400]}\n  old {y[:400]}")
    if len(a) != len(b):
        raise SystemExit(f"outputs differ: {len(a)} lines vs {len(b)}")
    print(f"outputs identical to {old} ({len(a)} lines)")


def against(args) -> None:
    """Alternate child runs on this tree and on ``args.against``; print the best seconds of each and the ratios."""
    base = [sys.executable, str(Path(__file__).resolve()), str(args.corpus), "--json"]
    if args.docs_cache:
        base += ["--docs-cache", str(args.docs_cache)]
    if args.cold_cross:
        base += ["--cold-cross", str(args.cold_cross)]
    runs: dict[str, list[dict]] = {"before": [], "after": []}
    for _ in range(args.rounds):
        for name, root in (("before", args.against), ("after", ROOT)):
            res = subprocess.run(base + ["--root", str(root)], capture_output=True, text=True,
                                 env={**os.environ, "PYTHONHASHSEED": "0"}, check=True)
            runs[name].append(json.loads(res.stdout.strip().splitlines()[-1]))
    if runs["before"][0]["sha256"] != runs["after"][0]["sha256"]:
        print("WARNING: outputs differ between the two trees")
    else:
        print(f"outputs identical (sha256 {runs['after'][0]['sha256'][:16]}...)")
    for stage in ("extraction", "cross"):
        if stage not in runs["after"][0]:
            continue
        b = min(r[stage] for r in runs["before"])
        a = min(r[stage] for r in runs["after"])
        mb = runs["after"][0]["mb"]
        print(f"  {stage:11s} before {b:6.2f} s ({mb / b:5.2f} MB/s)   after {a:6.2f} s ({mb / a:5.2f} MB/s)"
              f"   x{b / a:.1f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path, nargs="?")
    ap.add_argument("--root", type=Path, default=ROOT, help="checkout whose checker/ is timed")
    ap.add_argument("--docs-cache", type=Path, help="pickle of the loaded documents (written if missing)")
    ap.add_argument("--dump", help="write every record, claim and verdict (JSON lines)")
    ap.add_argument("--expect", type=Path, help="a dump the new one must equal")
    ap.add_argument("--cold-cross", help="time only the cross stage, from the records of this dump")
    ap.add_argument("--against", type=Path, help="another checkout to alternate with")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--json", action="store_true", help="print one JSON line (for --against)")
    ap.add_argument("--linearity", action="store_true", help="ten copies of the seeds vs one (no corpus)")
    args = ap.parse_args()
    if args.linearity:
        return linearity()
    if args.corpus is None:
        ap.error("a corpus folder is needed (or --linearity)")
    if args.against:
        against(args)
        return 0
    res = run(args)
    if args.json:
        print(json.dumps(res))
        return 0
    print(f"{res['docs']} documents, {res['mb']:.2f} MB, {res['claims']} claims, {res['verdicts']} cross verdicts")
    for stage in ("extraction", "cross"):
        if stage in res:
            print(f"  {stage:11s} {res[stage]:6.2f} s  {res['mb'] / res[stage]:6.2f} MB/s")
    print(f"  sha256 {res['sha256']}")
    if args.expect and args.dump:
        compare(Path(args.dump), args.expect)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
