"""SARIF 2.1.0 output, validated against the schema."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from checker.cli import main
from checker.pipeline import RunOptions, run
from checker.report import render

SCHEMA = Path(__file__).resolve().parents[2] / "checker" / "report" / "schema" / "sarif-2.1.0.json"


@pytest.fixture(scope="module")
def schema():
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def test_seeds_report_is_valid_sarif(seeds_report, schema):
    data = json.loads(render(seeds_report, "sarif"))
    jsonschema.validate(data, schema)
    run_ = data["runs"][0]
    assert run_["tool"]["driver"]["name"] == "mtcheck"
    assert run_["columnKind"] == "unicodeCodePoints"
    findings = sum(len(r.findings) for r in seeds_report.documents)
    assert len([r for r in run_["results"] if not r["ruleId"].startswith("XD-")]) == findings
    ids = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    for result in run_["results"]:
        if "ruleIndex" in result:
            assert ids[result["ruleIndex"]] == result["ruleId"]


def test_regions_point_at_the_text(tmp_path, schema):
    text = "First line.\nThe talks in Istanbul in mid -May ended.\n"
    (tmp_path / "a b.txt").write_text(text, encoding="utf-8")
    report = run([str(tmp_path / "a b.txt")], RunOptions(use_lm=False))
    data = json.loads(render(report, "sarif"))
    jsonschema.validate(data, schema)
    result = next(r for r in data["runs"][0]["results"] if r["ruleId"] == "TY-spaced-hyphen")
    loc = result["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"].endswith("a%20b.txt")
    assert loc["region"]["startLine"] == 2 and loc["region"]["startColumn"] == 26
    assert loc["region"]["endColumn"] == 34 and loc["region"]["snippet"]["text"] == "mid -May"
    assert result["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"] == {
        "text": "mid-May"}
    assert result["partialFingerprints"]["mtcheck/v1"]


def test_html_findings_name_the_file_without_a_region(tmp_path, schema):
    (tmp_path / "a.html").write_text("<p>The talks in mid -May ended.</p>", encoding="utf-8")
    data = json.loads(render(run([str(tmp_path)], RunOptions(use_lm=False)), "sarif"))
    jsonschema.validate(data, schema)
    result = data["runs"][0]["results"][0]
    assert "region" not in result["locations"][0]["physicalLocation"]
    assert "mid -May" in result["message"]["text"]


def test_errors_are_notifications_and_the_cli_prints_sarif(tmp_path, capsys, schema, monkeypatch):
    monkeypatch.setenv("MTCHECK_CACHE", str(tmp_path / "cache"))
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 au lait")
    (tmp_path / "ok.txt").write_text("Fine text here.", encoding="utf-8")
    code = main([str(tmp_path), "--no-lm", "-q", "--format", "sarif", "--out", str(tmp_path / "o")])
    assert code == 1
    data = json.loads(capsys.readouterr().out)
    jsonschema.validate(data, schema)
    notes = data["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert any("not checked" in n["message"]["text"] for n in notes)


def test_schema_rejects_what_sarif_forbids(schema):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"version": "2.1.0", "runs": [{"results": []}]}, schema)  # no tool
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"version": "2.0.0", "runs": []}, schema)
