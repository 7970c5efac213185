"""Configuration: found by walking up, validated, overridden by the command line."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.cli import main
from checker.config import ConfigError, discover_config, find_config, load_config, severity_override
from checker.core import Severity

DEBRIS_EN = ("The talks in Istanbul in mid -May ended without an agreement.\n"
             "Both leaders asked for more pressure on Moscow to obtain a ceasefire.\n")


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("MTCHECK_CACHE", str(tmp_path / "cache"))


def _project(tmp_path: Path, config: str, name: str = "pyproject.toml") -> Path:
    root = tmp_path / "project"
    (root / ".git").mkdir(parents=True)
    (root / "articles" / "fr").mkdir(parents=True)
    (root / "articles" / "en.txt").write_text(DEBRIS_EN, encoding="utf-8")
    (root / name).write_text(config, encoding="utf-8")
    return root


def test_found_by_walking_up_and_stops_at_the_repository(tmp_path):
    root = _project(tmp_path, "[tool.mtcheck]\nfail-on = 'warning'\n")
    assert find_config(root / "articles" / "en.txt") == root / "pyproject.toml"
    # above the .git folder nothing is looked at
    (tmp_path / "mtcheck.yaml").write_text("fail-on: info\n")
    (root / "pyproject.toml").unlink()
    assert find_config(root / "articles") is None


def test_pyproject_without_the_table_is_passed_over(tmp_path):
    root = _project(tmp_path, "[project]\nname = 'x'\n")
    (root / "articles" / "mtcheck.yaml").write_text("fail-on: info\n")
    assert find_config(root / "articles" / "fr") == root / "articles" / "mtcheck.yaml"
    (root / "articles" / "mtcheck.yaml").unlink()
    assert find_config(root / "articles") is None


def test_all_settings_are_read(tmp_path):
    root = _project(tmp_path, """
[tool.mtcheck]
fail-on = "warning"
select = ["TY-", "LG-"]
ignore = "LG-mixed-language"
severity = {"TY-" = "info", "TY-spaced-hyphen" = "error"}
rules = ["house"]
lm = false
out = "build/reports"
baseline = "accepted.json"
cache = false
languages = {"articles/fr/" = "fr"}
""")
    config = load_config(root / "pyproject.toml")
    assert config.fail_on == "warning"
    assert config.select == ("TY-", "LG-") and config.ignore == ("LG-mixed-language",)
    assert config.rules == (root / "house",)
    assert config.lm is False and config.cache is False
    assert config.out == root / "build" / "reports"
    assert config.baseline == root / "accepted.json"
    assert config.languages == {(root / "articles" / "fr").resolve().as_posix() + "/": "fr"}
    assert severity_override("TY-spaced-hyphen", config.severity) == Severity.ERROR
    assert severity_override("TY-doubled-word", config.severity) == Severity.INFO
    assert severity_override("LG-mixed-language", config.severity) is None


@pytest.mark.parametrize("text, message", [
    ("[tool.mtcheck]\nfail_on = 'sometimes'\n", "'sometimes' is not one of"),
    ("[tool.mtcheck]\nfial-on = 'error'\n", "unknown setting 'fial-on'"),
    ("[tool.mtcheck]\nseverity = {'TY-' = 'minor'}\n", "'minor' is not a severity"),
    ("[tool.mtcheck]\nlm = 'no'\n", "must be true or false"),
    ("[tool.mtcheck]\nlanguages = {'fr/' = 'french'}\n", "not a language"),
    ("[tool.mtcheck\n", "not valid TOML"),
])
def test_bad_configuration_is_exit_2_with_the_file_and_key(tmp_path, capsys, text, message):
    root = _project(tmp_path, text)
    with pytest.raises(ConfigError, match=message):
        discover_config([str(root / "articles")])
    assert main([str(root / "articles"), "--quiet", "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert message in err and "pyproject.toml" in err


def test_yaml_configuration_and_command_line_override(tmp_path, capsys):
    root = _project(tmp_path, "fail-on: warning\nlm: false\nout: out\n", name="mtcheck.yaml")
    articles = str(root / "articles")
    assert main([articles, "--quiet"]) == 1  # the spaced hyphen is a warning
    assert (root / "out" / "report.json").exists()  # out, relative to the config file
    assert main([articles, "--quiet", "--fail-on", "error"]) == 0  # the command line wins
    capsys.readouterr()


def test_severity_override_and_ignore_reach_the_report(tmp_path, capsys):
    root = _project(tmp_path, "[tool.mtcheck]\nlm = false\nseverity = {'TY-' = 'error'}\n")
    out = tmp_path / "out"
    assert main([str(root / "articles"), "--quiet", "--out", str(out)]) == 1
    findings = json.loads((out / "report.json").read_text())["documents"][0]["findings"]
    assert [(f["rule"], f["severity"]) for f in findings] == [("TY-spaced-hyphen", "error")]
    assert main([str(root / "articles"), "--quiet", "--out", str(out), "--ignore", "TY-"]) == 0
    capsys.readouterr()


def test_expected_language_per_folder(tmp_path, capsys):
    root = _project(tmp_path, "[tool.mtcheck]\nlm = false\nlanguages = {'articles/fr/' = 'fr'}\n")
    (root / "articles" / "fr" / "wrong.txt").write_text(DEBRIS_EN, encoding="utf-8")
    out = tmp_path / "out"
    assert main([str(root / "articles"), "--quiet", "--out", str(out)]) == 1
    docs = {Path(d["path"]).name: d for d in json.loads((out / "report.json").read_text())["documents"]}
    assert [f["rule"] for f in docs["wrong.txt"]["findings"]][0] == "LG-unexpected-language"
    assert "LG-unexpected-language" not in [f["rule"] for f in docs["en.txt"]["findings"]]
    capsys.readouterr()
