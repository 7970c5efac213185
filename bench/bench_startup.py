"""How fast `mtcheck --help` answers (the target is under half a second).

Heavy libraries (lingua, wordfreq, torch, transformers, jinja2) are imported
lazily, only by the stage that needs them; this measures the cold start of a
fresh interpreter, as an editor's shell or a pre-commit hook sees it, and for
scale the interpreter alone (`python -c pass`) in the same run.

    .venv/bin/python bench/bench_startup.py
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import time

RUNS = 15


def timed(args: list[str]) -> float:
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    bare = timed([sys.executable, "-c", "pass"])
    help_ = timed([sys.executable, "-m", "checker", "--help"])
    rules = timed([sys.executable, "-m", "checker", "rules"])
    print(f"python -c pass      {bare * 1000:7.1f} ms (median of {RUNS})")
    print(f"mtcheck --help      {help_ * 1000:7.1f} ms  ({help_ / bare:.1f}x bare python)")
    print(f"mtcheck rules       {rules * 1000:7.1f} ms  ({rules / bare:.1f}x bare python)")
    verdict = "OK" if help_ < 0.5 else "TOO SLOW"
    print(f"--help under 0.5 s: {verdict}")


if __name__ == "__main__":
    main()
