"""Ten runs give byte-identical JSON, whatever the hash seed of the process."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ten_runs_are_byte_identical(tmp_path):
    digests = set()
    for seed in range(10):
        env = {**os.environ, "PYTHONHASHSEED": str(seed * 7919)}
        out = subprocess.run(
            [sys.executable, "-m", "checker", "seeds", "--no-lm", "--format", "json", "--quiet",
             "--out", str(tmp_path / f"run{seed}")],
            cwd=ROOT, env=env, capture_output=True, check=False)
        assert out.returncode in (0, 1), out.stderr.decode()
        written = (tmp_path / f"run{seed}" / "report.json").read_bytes()
        assert written == out.stdout
        digests.add(hashlib.sha256(out.stdout).hexdigest())
    assert len(digests) == 1
