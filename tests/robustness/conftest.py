"""Helpers of the robustness tests: a run through the real CLI, inputs hashed."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLEAN = ("The prime minister met the president in London on Thursday.\n"
         "Both leaders asked for more pressure on Moscow to obtain a ceasefire.\n")


def tree_hashes(root: Path) -> dict[str, str]:
    """Every regular file under root -> sha256 (symlinks and special files skipped)."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for name in filenames:
            path = Path(dirpath) / name
            if path.is_symlink() or not path.is_file():
                continue
            with open(path, "rb") as handle:  # not Path.read_bytes: a test may patch it
                out[str(path)] = hashlib.sha256(handle.read()).hexdigest()
    return out


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("MTCHECK_CACHE", str(tmp_path / "cache"))


@pytest.fixture
def check(tmp_path, capsys):
    """check(paths, *args) -> (exit code, report dict or None, stderr); asserts the
    inputs are byte-identical afterwards."""
    from checker.cli import main

    def run(paths, *args, inputs: Path | None = None):
        roots = [Path(p) for p in paths] if inputs is None else [inputs]
        before = {r: tree_hashes(r) if r.is_dir() else {} for r in roots}
        out = tmp_path / "out"
        code = main([*map(str, paths), "--no-lm", "--quiet", "--out", str(out), *args])
        captured = capsys.readouterr()
        for r in roots:
            if r.is_dir():
                assert tree_hashes(r) == before[r], "an input file was modified"
        report = None
        if (out / "report.json").exists():
            report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        return code, report, captured.err
    return run


def spawn(args: list[str], env: dict | None = None, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "checker", *args], cwd=ROOT,
                            env={**os.environ, **(env or {})}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, **kw)
