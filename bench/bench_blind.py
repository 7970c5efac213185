"""Recall and false alarms on articles written without sight of the rules.

    python bench/bench_blind.py                 # every set under bench/data/blind
    python bench/bench_blind.py sealed -v       # one set, listing misses and false alarms
    python bench/bench_blind.py --against TREE  # and another checkout, side by side
    python bench/bench_blind.py --lm            # the full mode, with the language model

Each set is a folder of articles and a ``gold.yaml`` in the format of the
seeds' annotation (see bench/data/blind/README.md for who wrote them and which
set was tuned on). mtcheck runs on a copy of the folder, rules only, and each
annotated artifact counts as found when a finding overlaps its span (the first
occurrence, or the ``nth``). A finding on a span annotated as clean is a false
alarm; so is any finding on an article annotated as not machine-translated
that has no artifacts.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT / "bench" / "data" / "blind"


def occurrences(text: str, span: str) -> list[tuple[int, int]]:
    found, i = [], text.find(span)
    while i >= 0:
        found.append((i, i + len(span)))
        i = text.find(span, i + 1)
    return found


def overlaps(finding: dict, start: int, end: int) -> bool:
    return finding["start"] < end and start < finding["end"]


def report_of(folder: Path, tree: Path, lm: bool = False) -> dict:
    """mtcheck's JSON report on a copy of ``folder`` (rules only unless ``lm``), run from ``tree``."""
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "docs"
        docs.mkdir()
        for article in folder.glob("*.txt"):
            shutil.copy(article, docs / article.name)
        env = {**os.environ, "PYTHONPATH": str(tree)}
        if not lm:  # the model's prepared weights live in the user's cache
            env["MTCHECK_CACHE"] = str(Path(tmp) / "cache")
        run = subprocess.run([sys.executable, "-m", "checker", str(docs), "--quiet",
                              "--format", "json", "--out", str(Path(tmp) / "out")]
                             + ([] if lm else ["--no-lm"]),
                             cwd=tree, env=env, capture_output=True, text=True)
        if run.returncode not in (0, 1):
            sys.exit(f"mtcheck failed on {folder} ({run.returncode}):\n{run.stderr}")
        return json.loads(run.stdout)


def score(folder: Path, report: dict) -> dict:
    gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
    findings = {Path(d["path"]).name: d["findings"] for d in report["documents"]}
    texts = {p.name: p.read_text(encoding="utf-8-sig") for p in folder.glob("*.txt")}
    kinds, kinds_found = Counter(), Counter()
    must = must_found = 0
    misses, false_alarms = [], []
    for artifact in gold.get("artifacts", []):
        spans = occurrences(texts[artifact["doc"]], artifact["span"])
        nth = artifact.get("nth", 1)
        if len(spans) < nth:
            sys.exit(f"{folder.name}/gold.yaml: span not in {artifact['doc']}: {artifact['span']!r}")
        start, end = spans[nth - 1]
        hit = any(overlaps(f, start, end) for f in findings.get(artifact["doc"], []))
        kinds[artifact["kind"]] += 1
        kinds_found[artifact["kind"]] += hit
        must += artifact.get("tier") == "must"
        must_found += hit and artifact.get("tier") == "must"
        if not hit:
            misses.append(f"  missed [{artifact.get('tier')}] {artifact['doc']} "
                          f"{artifact['kind']}: {artifact['span']!r}")
    counted = set()  # (doc, finding start): a false alarm is counted once
    for clean in gold.get("clean", []):
        for start, end in occurrences(texts[clean["doc"]], clean["span"]):
            for f in findings.get(clean["doc"], []):
                if overlaps(f, start, end) and (clean["doc"], f["start"]) not in counted:
                    counted.add((clean["doc"], f["start"]))
                    false_alarms.append(f"  false alarm on clean {clean['doc']} {clean['span']!r}: "
                                        f"{f['rule']} {f['text']!r}")
    annotated = {a["doc"] for a in gold.get("artifacts", [])}
    for doc, verdict in (gold.get("machine_translated") or {}).items():
        if not verdict.get("likely") and doc not in annotated:
            for f in findings.get(doc, []):
                if (doc, f["start"]) not in counted:
                    counted.add((doc, f["start"]))
                    false_alarms.append(f"  false alarm in clean article {doc}: "
                                        f"{f['rule']} {f['text']!r}")
    total = sum(kinds.values())
    return {"artifacts": total, "found": sum(kinds_found.values()), "must": must,
            "must_found": must_found, "findings": sum(len(v) for v in findings.values()),
            "false_alarms": false_alarms, "misses": misses, "kinds": kinds,
            "kinds_found": kinds_found}


def line(name: str, s: dict) -> str:
    return (f"{name:28s} recall {s['found']:3d}/{s['artifacts']:<3d} = "
            f"{s['found'] / max(s['artifacts'], 1):.2f}   must {s['must_found']:3d}/{s['must']:<3d} = "
            f"{s['must_found'] / max(s['must'], 1):.2f}   false alarms {len(s['false_alarms']):2d}   "
            f"findings {s['findings']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", help="set names (default: all)")
    parser.add_argument("--against", type=Path, metavar="TREE", help="another checkout to compare")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and false alarms")
    parser.add_argument("--lm", action="store_true",
                        help="the full mode, with the language model (minutes a set)")
    args = parser.parse_args(argv)
    folders = [SETS / n for n in args.sets] if args.sets else \
        sorted(p for p in SETS.iterdir() if (p / "gold.yaml").exists())
    trees = [("this tree", ROOT)] + ([("against", args.against.resolve())] if args.against else [])
    for folder in folders:
        for label, tree in trees:
            result = score(folder, report_of(folder, tree, args.lm))
            print(line(f"{folder.name} ({label})", result))
            if args.verbose:
                for kind in sorted(result["kinds"]):
                    print(f"    {kind:16s} {result['kinds_found'][kind]}/{result['kinds'][kind]}")
                print("\n".join(result["misses"] + result["false_alarms"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
