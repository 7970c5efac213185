"""Report: render a finished Report. Reporters never detect anything."""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import IO

from checker.collector import frozen
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
                  json_file: IO[str] | None = None) -> list[Path]:
    """The files every run leaves in the output folder.

    report.json, then the HTML report (docs/<name>.html per document,
    claims.html, rules.html, and index.html last), each file written atomically
    as it is rendered; ``jobs`` worker processes may render the document pages.
    ``json_file`` holds the report already rendered as JSON (``spool_json``),
    when the caller has it.
    """
    from checker.report import html, json_report

    written = []
    target = out_dir / "report.json"
    with frozen():
        if json_file is None:
            write_atomic(target, json_report.chunks(report))
        else:
            json_file.seek(0)
            write_atomic(target, iter(lambda: json_file.read(1 << 20), ""))
        written.append(target)
        written.extend(html.write_pages(report, Path(out_dir), jobs=jobs))
    return written


def spool_json(report: Report) -> IO[str]:
    """The report rendered as JSON into an anonymous temporary file, for a caller
    that prints it and writes it as report.json: rendered once, never held whole."""
    from checker.report import json_report

    spool = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")
    with frozen():
        json_report.write(report, spool)
    return spool
