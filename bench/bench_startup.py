"""How fast mtcheck starts: `mtcheck --help` (the target is under half a
second), and a one-file rules-only run, with where its time goes.

Heavy libraries (lingua, wordfreq, torch, transformers, jinja2) are imported
lazily, only by the stage that needs them; this measures the cold start of a
fresh interpreter, as an editor's shell or a pre-commit hook sees it, and for
scale the interpreter alone (`python -c pass`) in the same run.

The one-file run (`mtcheck FILE --no-lm --no-cache`, a seed article) is timed
twice: with the user's cache folder primed by an earlier run ("warm": the rule
files' validation records and the compiled report templates are read back)
and with an empty one at each run ("cold": a first run, or CI without a kept
cache). Its split comes from one more warm run whose phases are timed by
wrapping the functions that do them; the phases overlap (a detector's first
check loads word tables), so they are listed with what each includes.

    .venv/bin/python bench/bench_startup.py
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 15
RUN_RUNS = 5  # the one-file runs take a second or more each
ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "seeds" / "000_989c41bd5c56a8a9.txt"

# Run in a fresh interpreter: times the phases of one run of the CLI.
SPLIT = r"""
import contextlib, io, sys, time
start = time.perf_counter()
import checker.cli
from checker import pipeline, rules
from checker.detectors import calque, untranslated
from checker.report import html
imported = time.perf_counter() - start
PHASES = [  # (owner, function, what it is); indented: a part of the one above
    (rules.RuleBook, "load", "rule files read (YAML, or their records)"),
    (pipeline._Worker, "prepare", "detectors prepared (rule data validated)"),
    (calque.Calque, "prepare", "  of which MT-calque's lexicon"),
    (pipeline, "_check", "the document checked"),
    (untranslated, "frequencies", "  of which word tables (wordfreq)"),
    (pipeline, "_claims", "  of which claims"),
    (html, "write_pages", "HTML pages (Jinja templates)"),
]
spent = {label: 0.0 for _, _, label in PHASES}

def timed(owner, name, label):
    function = getattr(owner, name)
    def wrapper(*args, **kwargs):
        begun = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[label] += time.perf_counter() - begun
    setattr(owner, name, wrapper)

for owner, name, label in PHASES:
    timed(owner, name, label)
begun = time.perf_counter()
with contextlib.redirect_stdout(io.StringIO()):  # the report itself
    checker.cli.main(sys.argv[1:])
total = time.perf_counter() - begun
print(f"{'imports before the run':<42s} {imported * 1000:6.0f} ms")
for label, seconds in spent.items():
    print(f"{label:<42s} {seconds * 1000:6.0f} ms")
print(f"{'the run, in all':<42s} {total * 1000:6.0f} ms")
"""


def timed(args: list[str], runs: int = RUNS, env: dict | None = None,
          before=None) -> float:
    samples = []
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True, env=env)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def one_file_args(out: str) -> list[str]:
    return [str(ARTICLE), "--no-lm", "--no-cache", "--quiet", "--fail-on", "never",
            "--out", out]


def main() -> None:
    bare = timed([sys.executable, "-c", "pass"])
    help_ = timed([sys.executable, "-m", "checker", "--help"])
    rules = timed([sys.executable, "-m", "checker", "rules"])
    print(f"python -c pass      {bare * 1000:7.1f} ms (median of {RUNS})")
    print(f"mtcheck --help      {help_ * 1000:7.1f} ms  ({help_ / bare:.1f}x bare python)")
    print(f"mtcheck rules       {rules * 1000:7.1f} ms  ({rules / bare:.1f}x bare python)")
    verdict = "OK" if help_ < 0.5 else "TOO SLOW"
    print(f"--help under 0.5 s: {verdict}")

    with tempfile.TemporaryDirectory(prefix="mtcheck-bench-") as scratch:
        warm_cache, cold_cache = Path(scratch, "warm"), Path(scratch, "cold")
        run = [sys.executable, "-m", "checker", *one_file_args(str(Path(scratch, "out")))]

        def emptied() -> None:
            shutil.rmtree(cold_cache, ignore_errors=True)

        warm_env = {**os.environ, "MTCHECK_CACHE": str(warm_cache)}
        subprocess.run(run, capture_output=True, env=warm_env)  # primes the warm cache
        warm = timed(run, RUN_RUNS, warm_env)
        cold = timed(run, RUN_RUNS, {**os.environ, "MTCHECK_CACHE": str(cold_cache)}, emptied)
        print(f"one file, rules only, warm cache {warm * 1000:7.0f} ms (median of {RUN_RUNS})")
        print(f"one file, rules only, cold cache {cold * 1000:7.0f} ms (median of {RUN_RUNS})")
        split = subprocess.run([sys.executable, "-c", SPLIT, *run[3:]], check=True,
                               capture_output=True, text=True, env=warm_env)
        print("where a warm one-file run's time goes:")
        print("".join(f"  {line}\n" for line in split.stdout.splitlines()), end="")


if __name__ == "__main__":
    main()
