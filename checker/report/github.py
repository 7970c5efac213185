"""GitHub Actions workflow commands: one annotation per finding.

    ::error file=a.md,line=3,col=5,endLine=3,endColumn=13,title=TY-spaced-hyphen::stray space…

Severities map to ``error``, ``warning`` and ``notice``. Values are escaped
as the Actions toolkit does: in the message ``%``, CR and LF become ``%25``,
``%0D`` and ``%0A``; in properties ``:`` and ``,`` are escaped as well
(``%3A``, ``%2C``). HTML articles are checked as their visible text, whose
lines are not the file's: their annotations name the file only.
"""
from __future__ import annotations

import os

from checker.core import Report
from checker.report.sarif import LineIndex

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **props) -> str:
    if props.get("file"):
        props["file"] = os.path.normpath(props["file"])
    parts = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{level} {parts}::{escape_data(message)}" if parts else f"::{level}::{escape_data(message)}"


def _position(doc, index, start: int, end: int) -> dict:
    if doc is None or doc.format == "html":
        return {}
    line, col = index.line_col(start)
    end_line, end_col = index.line_col(end)
    return {"line": line, "col": col, "endLine": end_line, "endColumn": end_col}


def render(report: Report) -> str:
    lines: list[str] = []
    docs = {r.document.path: r.document for r in report.documents}
    indexes: dict[str, LineIndex] = {}

    def index_of(doc):
        if doc is None:
            return None
        if doc.path not in indexes:
            indexes[doc.path] = LineIndex(doc.text)
        return indexes[doc.path]

    for result in report.documents:
        doc = result.document
        for f in result.findings:
            message = f"{f.message}: “{f.text}”"
            if f.suggestion is not None:
                message += f" → “{f.suggestion}”" if f.suggestion else " → delete it"
            lines.append(command(COMMANDS[f.severity.value], message, file=doc.path,
                                 **_position(doc, index_of(doc), f.start, f.end), title=f.rule))
    for check in report.cross_document:
        if check.kind == "consistent" or not check.spans:
            continue
        span = check.spans[0]
        doc = docs.get(span.path)
        lines.append(command(COMMANDS[check.severity.value], check.message, file=span.path,
                             **_position(doc, index_of(doc), span.start, span.end),
                             title=f"XD-{check.kind}"))
    for error in report.errors:
        lines.append(command("error", f"not checked: {error.message}", file=error.path,
                             title="mtcheck"))
    for notice in report.notices:
        lines.append(command("notice", notice, title="mtcheck"))
    counts = report.counts()
    gate = report.gate
    lines.append(f"mtcheck: {len(report.documents)} document(s): {counts['error']} error(s), "
                 f"{counts['warning']} warning(s), {counts['info']} info; "
                 f"gate {'passed' if gate.passed else 'FAILED'}")
    return "\n".join(lines) + "\n"
