"""GitHub Actions annotations, escaped as the Actions toolkit escapes them."""
from __future__ import annotations

from checker.pipeline import RunOptions, run
from checker.report import render
from checker.report.github import command, escape_data, escape_property


def test_escaping_rules():
    assert escape_data("100%\r\nnext") == "100%25%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert command("error", "bad: 50%", file="x,y.md", line=1, title="TY-x") == \
        "::error file=x%2Cy.md,line=1,title=TY-x::bad: 50%25"


def test_annotations_for_findings(tmp_path):
    path = tmp_path / "odd, name:\nx.txt"
    path.write_text("First line.\nThe talks in Istanbul in mid -May ended.\n", encoding="utf-8")
    out = render(run([str(path)], RunOptions(use_lm=False)), "github")
    line = next(l for l in out.splitlines() if "TY-spaced-hyphen" in l)
    assert line.startswith("::warning file=")
    assert "odd%2C name%3A%0Ax.txt" in line
    assert ",line=2,col=26,endLine=2,endColumn=34,title=TY-spaced-hyphen::" in line
    assert "“mid -May” → “mid-May”" in line
    assert all(l.startswith("::") or l.startswith("mtcheck:") for l in out.splitlines())


def test_severities_and_errors(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary")
    out = render(run([str(tmp_path)], RunOptions(use_lm=False)), "github")
    assert "::error file=" in out and "title=mtcheck::not checked" in out
