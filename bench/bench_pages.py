"""What rendering a document's HTML page costs (html._render_document), per page.

    python bench/bench_pages.py                        # 2,000 generated articles
    python bench/bench_pages.py --corpus DIR           # articles already on disk
    python bench/bench_pages.py --base /tmp/base       # also a checker tree to compare
                                                       #   with (alternating runs, best of)
    python bench/bench_pages.py --callgrind --files 200 --corpus DIR
                                                       # instructions per page (valgrind)

The articles are checked once (rules only, from the cache when it has them),
then every document page is rendered in memory, not written: the CPU time
per page is the best of ``--repeat`` passes over all of them after a warm-up,
in a child process per checker tree (``--base`` runs alternate with this
tree's, so both see the same load on a shared machine). ``--write`` also
times the cold writing of the whole HTML report into a new folder, in one
process (-j 1) and with two workers (CPU of the process and its workers).

With ``--callgrind`` each tree renders the pages once and three times under
``valgrind --tool=callgrind``; the difference of the two counts, over twice
the pages, is the instructions per page, steady where times are not.
The corpus is bench_scale's (the same seed), so the figures match its runs.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = r"""
import gc, os, resource, sys, time
from pathlib import Path
from checker.pipeline import RunOptions, run
from checker.report import html

corpus, files, repeat, write = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
paths = sorted(str(p) for p in Path(corpus).rglob("*") if p.is_file())[:files or None]
report = run(paths, RunOptions(use_lm=False, fail_on=None, jobs=1))
site = html._site(report)
template = site.env.get_template("document.html.j2")
results = [report.documents[i] for i in range(len(site.docs))]  # read back before timing
gc.freeze()  # as while a run writes its reports (collector.frozen)

def render_all():
    for i, view in enumerate(site.docs):
        html._render_document(template, view, results[i], site, "key")

def cpu(who=resource.RUSAGE_SELF):
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime

if write:  # cold writing of the whole HTML report, -j 1 then two workers
    out = []
    for jobs in (1, 2):
        target = Path(write) / f"j{jobs}"
        own, children, wall = cpu(), cpu(resource.RUSAGE_CHILDREN), time.perf_counter()
        html.write_pages(report, target, jobs=jobs)
        out.append((time.perf_counter() - wall, cpu() - own,
                    cpu(resource.RUSAGE_CHILDREN) - children))
    print(" ".join(f"{w:.3f} {o:.3f} {c:.3f}" for w, o, c in out))
elif repeat:
    render_all()  # warm: templates compiled, caches filled
    def timed():
        start = time.process_time()
        render_all()
        return time.process_time() - start
    print(len(site.docs), min(timed() for _ in range(repeat)))
else:  # under callgrind: the pages rendered (1 + int(sys.argv[5])) times
    for _ in range(1 + int(sys.argv[5])):
        render_all()
"""


def child(tree: Path, corpus: Path, files: int, repeat: int, write: str = "",
          wrap: list[str] = (), extra: list[str] = ()) -> str:
    # run in the tree: "python -c" puts the working folder before PYTHONPATH, so
    # from anywhere else a checkout there would be measured in the tree's place
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}
    env.setdefault("MTCHECK_CACHE", str(Path(tempfile.gettempdir()) / "mtcheck-bench-pages"))
    proc = subprocess.run([*wrap, sys.executable, "-c", _CHILD, str(corpus), str(files),
                           str(repeat), write, *extra], env=env, cwd=tree,
                          capture_output=True, text=True, check=True)
    return proc.stdout + proc.stderr


def instructions(tree: Path, corpus: Path, files: int) -> tuple[int, float]:
    """Instructions per page, by callgrind: three renderings minus one."""
    counts = []
    for times in (0, 2):
        with tempfile.NamedTemporaryFile() as out:
            text = child(tree, corpus, files, 0, wrap=["valgrind", "--tool=callgrind",
                                                       f"--callgrind-out-file={out.name}"],
                         extra=[str(times)])
        counts.append(int(re.search(r"Collected : (\d+)", text).group(1)))
    pages = files or sum(1 for p in corpus.rglob("*") if p.is_file())
    return pages, (counts[1] - counts[0]) / (2 * pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, help="articles to check (default: generated)")
    parser.add_argument("--files", type=int, default=0, help="only the first N articles")
    parser.add_argument("--base", type=Path, help="a checker tree to compare with")
    parser.add_argument("--rounds", type=int, default=3, help="alternating runs per tree")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the pages per run")
    parser.add_argument("--write", action="store_true", help="also time cold report writing")
    parser.add_argument("--callgrind", action="store_true", help="instructions per page")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus.resolve() if args.corpus else None
        if corpus is None:
            sys.path.insert(0, str(ROOT / "bench"))
            from bench_scale import generate

            corpus = Path(tmp) / "corpus"
            generate(corpus, args.files or 2000)
        trees = {"this tree": ROOT, **({"base": args.base} if args.base else {})}
        if args.callgrind:
            for name, tree in trees.items():
                pages, per_page = instructions(tree, corpus, args.files)
                print(f"{name:10s} {per_page / 1e6:6.2f} M instructions per page ({pages} pages)")
            return 0
        best: dict[str, float] = {}
        writing: dict[str, list[tuple[float, ...]]] = {name: [] for name in trees}
        for round_ in range(args.rounds):
            for name, tree in trees.items():
                pages, seconds = child(tree, corpus, args.files, args.repeat).split()
                best[name] = min(best.get(name, 1e9), float(seconds) / int(pages))
                if args.write:
                    folder = Path(tmp) / f"out-{round_}-{name.replace(' ', '-')}"
                    values = child(tree, corpus, args.files, 0, write=str(folder)).split()
                    writing[name].append(tuple(map(float, values)))
        for name in trees:
            line = f"{name:10s} {best[name] * 1e6:7.0f} us CPU per page ({pages} pages, best of {args.rounds})"
            if "base" in best and name != "base":
                line += f", {best['base'] / best[name]:.2f}x faster than base"
            print(line)
            if args.write:
                j1 = min(writing[name], key=lambda w: w[1])
                j2 = min(writing[name], key=lambda w: w[4] + w[5])
                print(f"{'':10s} cold HTML report: -j 1 {j1[1]:.2f} s CPU ({j1[0]:.2f} s wall); "
                      f"-j 2 {j2[4] + j2[5]:.2f} s CPU, {j2[5]:.2f} of it in workers "
                      f"({j2[3]:.2f} s wall)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
