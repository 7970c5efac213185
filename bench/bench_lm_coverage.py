"""Issue 3's coverage measure: of the `should`-tier gold artifacts that the rules
miss, how many does the language-model detector find?

Runs mtcheck twice on the seeds (rules only, then with the LM) and compares
each run's findings with ../shared/seeds_gold.yaml.

    .venv/bin/python bench/bench_lm_coverage.py
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "seeds_gold.yaml"


def report(out: Path, *flags: str) -> dict:
    subprocess.run([sys.executable, "-m", "checker", str(ROOT / "seeds"), "-q", "--fail-on", "never",
                    "--out", str(out), *flags], check=True, capture_output=True)
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return {Path(d["path"]).name: d["findings"] for d in data["documents"]}


def span_of(artifact: dict) -> tuple[int, int]:
    text = (ROOT / "seeds" / artifact["doc"]).read_text(encoding="utf-8-sig")
    start, nth = -1, artifact.get("nth", 1)
    for _ in range(nth):
        start = text.find(artifact["span"], start + 1)
    return start, start + len(artifact["span"])


def main() -> None:
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        rules = report(Path(tmp) / "rules", "--no-lm")
        full = report(Path(tmp) / "full")
    missed_by_rules, found = [], []
    for artifact in gold["artifacts"]:
        if artifact["tier"] != "should":
            continue
        s, e = span_of(artifact)
        if any(f["start"] < e and s < f["end"] for f in rules[artifact["doc"]]):
            continue
        missed_by_rules.append(artifact["span"])
        if any(f["detector"] == "lm" and f["start"] < e and s < f["end"] for f in full[artifact["doc"]]):
            found.append(artifact["span"])
    for span in missed_by_rules:
        print(f"  {'found ' if span in found else 'missed'}  {span}")
    share = len(found) / max(len(missed_by_rules), 1)
    print(f"should-tier artifacts the rules miss: {len(missed_by_rules)}; the LM finds "
          f"{len(found)} ({share:.2f}; target >= 0.5)")


if __name__ == "__main__":
    main()
