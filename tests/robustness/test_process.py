"""Interrupted and concurrent runs leave one complete report and no debris."""
from __future__ import annotations

import json
import signal
import time
from pathlib import Path

from tests.robustness.conftest import CLEAN, spawn, tree_hashes


def _corpus(folder: Path, n: int) -> Path:
    for i in range(n):
        sub = folder / f"{i // 100:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{i:04d}.txt").write_text(f"Article {i}.\n{CLEAN}" * 3, encoding="utf-8")
    return folder


def _debris(*folders: Path) -> list[Path]:
    return [p for f in folders if f.exists() for p in f.rglob("*") if p.name.endswith(".tmp")]


def test_ctrl_c_leaves_the_previous_report_and_no_temporary_files(tmp_path):
    corpus = _corpus(tmp_path / "in", 3000)
    before = tree_hashes(corpus)
    out = tmp_path / "out"
    out.mkdir()
    previous = '{"previous": "report"}\n'
    (out / "report.json").write_text(previous)
    cache = tmp_path / "cache"
    # a test runner started in the background ignores SIGINT, and children inherit
    # that: give the child the default disposition, as a terminal's Ctrl-C finds it
    proc = spawn([str(corpus), "--no-lm", "--out", str(out), "--quiet"],
                 env={"MTCHECK_CACHE": str(cache)},
                 preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    # wait until the run is under way: the cache starts to fill
    deadline = time.time() + 120
    while time.time() < deadline and not any((cache / "results").rglob("*.json")):
        time.sleep(0.2)
    time.sleep(0.5)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err.decode()
    assert "interrupted" in err.decode()
    assert (out / "report.json").read_text() == previous
    assert _debris(out, cache) == []
    assert tree_hashes(corpus) == before


def test_two_runs_into_the_same_folder(tmp_path):
    corpus = _corpus(tmp_path / "in", 60)
    out = tmp_path / "out"
    procs = [spawn([str(corpus), "--no-lm", "--quiet", "--out", str(out), "--no-cache"])
             for _ in range(2)]
    for proc in procs:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err.decode()
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["summary"]["documents"] == 60
    assert _debris(out) == []
