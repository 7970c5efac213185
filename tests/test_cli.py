"""The command line: exit codes, outputs, and the files a run leaves."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker.cli import main

CLEAN_EN = ("The prime minister met the president in London on Thursday.\n"
            "Both leaders asked for more pressure on Moscow to obtain a ceasefire.\n")
DEBRIS_EN = ("The talks in Istanbul in mid -May ended without an agreement.\n"
             "Both leaders asked for more pressure on Moscow to obtain a ceasefire.\n")


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "clean.txt").write_text(CLEAN_EN, encoding="utf-8")
    (folder / "debris.txt").write_text(DEBRIS_EN, encoding="utf-8")
    return folder


def run_cli(args, tmp_path):
    return main([*args, "--no-lm", "--quiet", "--out", str(tmp_path / "out")])


def test_exit_0_when_nothing_reaches_the_gate(articles, tmp_path, capsys):
    assert run_cli([str(articles / "clean.txt")], tmp_path) == 0
    assert "Gate (fails on error): PASSED" in capsys.readouterr().out


def test_exit_1_when_a_finding_reaches_fail_on(articles, tmp_path, capsys):
    # the spacing debris is a warning: it passes the default gate, fails --fail-on warning
    assert run_cli([str(articles)], tmp_path) == 0
    assert run_cli([str(articles), "--fail-on", "warning"], tmp_path) == 1
    out = capsys.readouterr().out
    assert "1:26  warning TY-spaced-hyphen  “mid -May” → 'mid-May'" in out
    assert "FAILED" in out


def test_fail_on_never_always_passes(articles, tmp_path):
    assert run_cli([str(articles), "--fail-on", "never"], tmp_path) == 0
    data = json.loads((tmp_path / "out" / "report.json").read_text())
    assert data["gate"] == {"fail_on": "never", "passed": True}


@pytest.mark.parametrize("args", [[], ["--fail-on", "sometimes", "x"], ["--format", "xml", "x"]])
def test_exit_2_on_usage_errors(args, tmp_path, capsys):
    assert main(args) == 2
    assert "usage: mtcheck" in capsys.readouterr().err


def test_exit_2_when_a_rules_folder_is_missing(articles, tmp_path, capsys):
    assert run_cli([str(articles), "--rules", str(tmp_path / "nope")], tmp_path) == 2
    assert "rules directory does not exist" in capsys.readouterr().err


def test_exit_2_when_the_report_cannot_be_written(articles, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert main([str(articles), "--no-lm", "--quiet", "--out", str(blocker / "sub")]) == 2
    assert "cannot write the report" in capsys.readouterr().err


def test_undecodable_file_is_reported_and_the_others_are_checked(articles, tmp_path, capsys):
    (articles / "latin1.txt").write_bytes("Le président a parlé.".encode("latin-1"))
    code = run_cli([str(articles)], tmp_path)
    captured = capsys.readouterr()
    assert code == 1  # an article that could not be checked cannot pass the gate
    assert "latin1.txt: not checked: not valid UTF-8: byte 0xe9 at offset 5 (line 1)" in captured.err
    data = json.loads((tmp_path / "out" / "report.json").read_text())
    assert [Path(d["path"]).name for d in data["documents"]] == ["clean.txt", "debris.txt"]
    assert data["errors"][0]["path"].endswith("latin1.txt")


def test_missing_path_is_a_per_file_error(tmp_path, capsys):
    assert run_cli([str(tmp_path / "missing.txt")], tmp_path) == 1
    assert "missing.txt: not checked: no such file or directory" in capsys.readouterr().err


def test_json_format_prints_the_report_that_is_written(articles, tmp_path, capsys):
    assert run_cli([str(articles), "--format", "json"], tmp_path) == 0
    printed = capsys.readouterr().out
    assert printed == (tmp_path / "out" / "report.json").read_text(encoding="utf-8")
    finding = json.loads(printed)["documents"][1]["findings"][0]
    assert finding == {
        "rule": "TY-spaced-hyphen", "category": "spacing", "severity": "warning",
        "start": 25, "end": 33, "text": "mid -May",
        "message": "stray space inside the compound 'mid-May'", "suggestion": "mid-May",
        "confidence": 0.95, "detector": "rules"}


def test_input_files_are_never_modified(articles, tmp_path):
    before = {p: p.read_bytes() for p in articles.iterdir()}
    run_cli([str(articles)], tmp_path)
    assert {p: p.read_bytes() for p in articles.iterdir()} == before


def test_rules_lists_every_registered_rule(capsys):
    from checker.detectors import REGISTRY

    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    for cls in REGISTRY:
        assert cls.id in out


def test_rule_shows_the_documentation_from_the_docstring(capsys):
    assert main(["rule", "TY-spaced-hyphen"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# TY-spaced-hyphen\n")
    for heading in ("## What it flags", "## Why it matters", "## Example", "## Fix"):
        assert heading in out


def test_unknown_rule_is_a_usage_error(capsys):
    assert main(["rule", "XX-nothing"]) == 2
    assert "no rule 'XX-nothing'" in capsys.readouterr().err


def test_console_script_help_runs_without_heavy_imports():
    code = ("import sys; from checker.cli import main; main(['--help']) if False else None; "
            "import checker.cli; heavy = [m for m in ('torch', 'transformers', 'lingua', "
            "'wordfreq', 'jinja2') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_exit_2_when_a_rule_raises_and_the_rest_is_still_checked(articles, tmp_path, capsys,
                                                                  monkeypatch):
    """A bug in one rule is an error of the run: no traceback, the other rules
    and files are still checked, the report is written, and nothing is cached."""
    from checker.detectors.spacing import SpacedHyphen

    def broken(self, doc, ctx):
        raise ValueError("boom")

    monkeypatch.setattr(SpacedHyphen, "check", broken)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert run_cli([str(articles), "--format", "json", "-j", "1"], tmp_path) == 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert "internal error: rule TY-spaced-hyphen failed on" in captured.err
    assert "(ValueError: boom); its findings there are missing" in captured.err
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert len(report["documents"]) == 2
    assert not any(f["rule"] == "TY-spaced-hyphen" for d in report["documents"]
                   for f in d["findings"])
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    # the partial results were not cached: the mended rule finds "mid -May" at once
    assert run_cli([str(articles), "--format", "json", "-j", "1"], tmp_path) == 0
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert [f["text"] for d in report["documents"] for f in d["findings"]
            if f["rule"] == "TY-spaced-hyphen"] == ["mid -May"]
