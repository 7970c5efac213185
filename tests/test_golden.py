"""A golden report: the rules-only JSON for one seed, byte for byte.

Any change to what mtcheck reports on this article shows up here as a diff
to review. After an intended change, regenerate it with

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""
from __future__ import annotations

import os
from pathlib import Path

from checker.pipeline import RunOptions, run
from checker.report import json_report

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "000_989c41bd5c56a8a9.rules.json"


def test_seed_000_rules_report_matches_the_golden_file(monkeypatch):
    monkeypatch.chdir(ROOT)  # paths in the report are as given, relative to the cwd
    report = run(["seeds/000_989c41bd5c56a8a9.txt"], RunOptions(use_lm=False))
    rendered = json_report.render(report)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(rendered, encoding="utf-8")
    assert rendered == GOLDEN.read_text(encoding="utf-8")
