"""Inline suppression comments and the baseline of accepted findings."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.cli import main
from checker.core import Document, Finding, Severity
from checker.load import Source, read_source
from checker.pipeline import RunOptions, run
from checker.suppress import Range, apply_directives, directives, fingerprints

LINE = "The talks in Istanbul in mid -May ended without an agreement."
OTHER = "Both leaders asked for more pressure on Moscow to obtain a ceasefire."


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("MTCHECK_CACHE", str(tmp_path / "cache"))


def _rules(path: Path, **kw) -> list[str]:
    report = run([str(path)], RunOptions(use_lm=False, **kw))
    return [f.rule for r in report.documents for f in r.findings]


def _finding(text: str, sub: str, rule="TY-spaced-hyphen") -> Finding:
    start = text.index(sub)
    return Finding(rule, "spacing", Severity.WARNING, start, start + len(sub), sub, "m")


def test_disable_enable_range_and_prefixes():
    text = (f"{LINE}\n<!-- mtcheck-disable TY-,CS- -->\n{LINE} x\n"
            f"<!-- mtcheck-enable TY-,CS- -->\n{LINE} y\n")
    doc = Document("a.md", text, "markdown")
    findings = tuple(_finding(text, f"mid -May ended without an agreement.{s}") for s in ("\n", " x", " y"))
    kept, count = apply_directives(findings, directives(doc))
    assert count == 1 and [f.text[-2:] for f in kept] == [".\n", " y"]


def test_disable_without_enable_lasts_to_the_end_and_only_named_rules():
    text = f"<!-- mtcheck-disable TY-spaced-hyphen -->\n{LINE}\n"
    doc = Document("a.md", text, "markdown")
    hyphen = _finding(text, "mid -May")
    other = _finding(text, "Istanbul", rule="CS-lowercase-proper-noun")
    kept, count = apply_directives((hyphen, other), directives(doc))
    assert kept == (other,) and count == 1


def test_disable_next_line_and_trailing_markers():
    text = (f"<!-- mtcheck-disable-next-line -->\n\n{LINE}\n{LINE}\n"
            f"{LINE} <!-- mtcheck-ignore TY-spaced-hyphen -->\n{LINE}  # mtcheck: ignore[TY-]\n{LINE}\n")
    doc = Document("a.txt", text)
    starts = [i for i in range(len(text)) if text.startswith("mid -May", i)]
    findings = tuple(Finding("TY-spaced-hyphen", "spacing", Severity.WARNING, s, s + 8, "mid -May", "m")
                     for s in starts)
    kept, count = apply_directives(findings, directives(doc))
    # lines 1 (next line after the comment), 3 (ignore) and 4 (# marker) are suppressed
    assert count == 3
    assert [text.count("\n", 0, f.start) for f in kept] == [3, 6]


def test_findings_on_a_directive_itself_are_dropped():
    text = "<!-- mtcheck-disable-next-line TY- -->\nText."
    f = Finding("TY-space-before-punctuation", "spacing", Severity.WARNING, 0, 4, "<!--", "m")
    assert apply_directives((f,), directives(Document("a.md", text, "markdown")))[1] == 1


def test_through_the_pipeline_for_markdown_and_html(tmp_path):
    md = tmp_path / "a.md"
    md.write_text(f"{LINE}\n{LINE} <!-- mtcheck-ignore TY-spaced-hyphen -->\n", encoding="utf-8")
    assert _rules(md).count("TY-spaced-hyphen") == 1
    html = tmp_path / "b.html"
    html.write_text(f"<html><body><p>{LINE}</p><!-- mtcheck-disable-next-line TY- -->"
                    f"<p>{LINE}</p>\n<p>{LINE} <!-- mtcheck-ignore TY-spaced-hyphen --></p>"
                    f"<!-- mtcheck-disable TY- --><p>{LINE}</p><!-- mtcheck-enable TY- -->"
                    f"<p>{OTHER} In mid -May.</p></body></html>", encoding="utf-8")
    loaded = read_source(Source(str(html), html))
    doc, comments = loaded
    assert "mtcheck" not in doc.text and len(comments) == 4
    ranges = directives(doc, comments)
    assert all(isinstance(r, Range) for r in ranges)
    report = run([str(html)], RunOptions(use_lm=False))
    found = [f for r in report.documents for f in r.findings if f.rule == "TY-spaced-hyphen"]
    lines = [doc.text.count("\n", 0, f.start) for f in found]
    assert lines == [0, 4], (doc.text, lines)
    assert any("suppressed" in n for n in report.notices)


def test_fingerprints_do_not_use_offsets():
    text = f"{LINE}\n{OTHER}\n{LINE}\n"
    a, b = _finding(text, "mid -May"), None
    second = text.index("mid -May", a.end)
    b = Finding(a.rule, a.category, a.severity, second, second + 8, "mid -May", "m")
    doc = Document("a.txt", text)
    from checker.pipeline import analyse
    doc = analyse(doc, "en")
    prints = fingerprints(doc, [a, b])
    assert prints[0] != prints[1] and prints[0].split(":")[0] == prints[1].split(":")[0]
    moved = analyse(Document("a.txt", "A new first line.\n" + text), "en")
    shift = len("A new first line.\n")
    again = fingerprints(moved, [Finding(a.rule, a.category, a.severity, a.start + shift,
                                         a.end + shift, a.text, "m")])
    assert again[0] == prints[0]


def test_baseline_create_then_only_new_findings(tmp_path, capsys):
    article = tmp_path / "articles" / "a.txt"
    article.parent.mkdir()
    article.write_text(f"{LINE}\n\n{OTHER}\n", encoding="utf-8")
    baseline = tmp_path / "accepted.json"
    out = tmp_path / "out"
    common = ["--no-lm", "--quiet", "--out", str(out), "--fail-on", "warning"]
    assert main(["baseline", "create", str(article.parent), "--baseline", str(baseline), *common]) == 0
    data = json.loads(baseline.read_text())
    assert data["version"] == 1 and list(data["documents"]) == ["articles/a.txt"]
    assert main([str(article.parent), "--baseline", str(baseline), *common]) == 0

    # an unrelated paragraph edited, one added before: still accepted
    article.write_text(f"A new lead paragraph.\n\n{LINE}\n\n{OTHER} More text.\n", encoding="utf-8")
    assert main([str(article.parent), "--baseline", str(baseline), *common]) == 0
    report = json.loads((out / "report.json").read_text())
    assert report["documents"][0]["findings"] == []
    assert any("baseline" in n for n in report["notices"])

    # the finding's own sentence edited: reported again
    article.write_text(f"{LINE.replace('Istanbul', 'Ankara')}\n\n{OTHER}\n", encoding="utf-8")
    assert main([str(article.parent), "--baseline", str(baseline), *common]) == 1
    report = json.loads((out / "report.json").read_text())
    assert [f["rule"] for f in report["documents"][0]["findings"]] == ["TY-spaced-hyphen"]

    # a second identical occurrence is new too
    article.write_text(f"{LINE}\n\n{OTHER}\n\n{LINE}\n", encoding="utf-8")
    assert main([str(article.parent), "--baseline", str(baseline), *common]) == 1
    capsys.readouterr()


def test_a_missing_or_broken_baseline_is_exit_2(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(LINE, encoding="utf-8")
    assert main([str(article), "--no-lm", "-q", "--out", str(tmp_path / "o"),
                 "--baseline", str(tmp_path / "nope.json")]) == 2
    (tmp_path / "bad.json").write_text("{")
    assert main([str(article), "--no-lm", "-q", "--out", str(tmp_path / "o"),
                 "--baseline", str(tmp_path / "bad.json")]) == 2
    err = capsys.readouterr().err
    assert "no such baseline file" in err and "not a readable baseline" in err
