"""Report: render a finished Report. Reporters never detect anything."""
from __future__ import annotations

from pathlib import Path

from checker.core import Report
from checker.report.files import write_atomic

FORMATS = ("terminal", "json", "sarif", "github")


def render(report: Report, fmt: str, *, color: bool = False) -> str:
    if fmt == "json":
        from checker.report import json_report
        return json_report.render(report)
    if fmt == "terminal":
        from checker.report import terminal
        return terminal.render(report, color=color)
    if fmt == "sarif":
        from checker.report import sarif
        return sarif.render(report)
    if fmt == "github":
        from checker.report import github
        return github.render(report)
    raise ValueError(f"unknown format {fmt!r}")


def write_reports(report: Report, out_dir: Path, jobs: int = 1,
                  json_text: str | None = None) -> list[Path]:
    """The files every run leaves in the output folder.

    report.json, then the HTML report (docs/<name>.html per document,
    claims.html, rules.html, and index.html last), each file written atomically;
    ``jobs`` worker processes may render the document pages. ``json_text`` is
    the report already rendered as JSON, when the caller has it.
    """
    from checker.report import html, json_report

    written = []
    target = out_dir / "report.json"
    write_atomic(target, json_text if json_text is not None else json_report.render(report))
    written.append(target)
    written.extend(html.write_pages(report, Path(out_dir), jobs=jobs))
    return written
