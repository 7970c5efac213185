"""The terminal summary an editor reads first.

Contradictions between articles come first, then each document: its path,
language and confidence, counts by severity, and its findings with
line:column, the text, the message and the suggested fix.
"""
from __future__ import annotations

from checker.core import DocumentResult, Report

TOP_FINDINGS = 12  # per document; the JSON and HTML reports have them all

_COLORS = {"error": "\033[1;31m", "warning": "\033[33m", "info": "\033[36m",
           "bold": "\033[1m", "dim": "\033[2m", "green": "\033[32m", "reset": "\033[0m"}


class _Style:
    def __init__(self, color: bool):
        self.color = color

    def __call__(self, text: str, style: str) -> str:
        if not self.color:
            return text
        return f"{_COLORS[style]}{text}{_COLORS['reset']}"


def render(report: Report, *, color: bool = False) -> str:
    s = _Style(color)
    out: list[str] = []
    problems = [c for c in report.cross_document if c.kind != "consistent"]
    if problems:
        out.append(s("Across documents", "bold"))
        for check in sorted(problems, key=lambda c: (-c.severity.rank, c.kind)):
            out.append(f"  {s(check.severity.value, check.severity.value)} {check.kind}: {check.message}")
            for span in check.spans:
                out.append(s(f"      {span.path}: {_short(span.text, 70)}", "dim"))
        out.append("")
    for result in report.documents:
        out.extend(_document(result, s))
    for error in report.errors:
        out.append(f"{s(error.path, 'bold')}  {s('not checked', 'error')}: {error.message}")
    if report.errors:
        out.append("")
    for notice in report.notices:
        out.append(s(f"note: {notice}", "dim"))
    counts = report.counts()
    gate = report.gate
    verdict = s("PASSED", "green") if gate.passed else s("FAILED", "error")
    threshold = "never fails" if gate.never else f"fails on {gate.fail_on.value}"
    out.append(f"{len(report.documents)} document(s): {counts['error']} error(s), "
               f"{counts['warning']} warning(s), {counts['info']} info; "
               f"{len(report.errors)} not checked. Gate ({threshold}): {verdict}")
    return "\n".join(out) + "\n"


def _document(result: DocumentResult, s: _Style) -> list[str]:
    doc = result.document
    counts = {sev: 0 for sev in ("error", "warning", "info")}
    for f in result.findings:
        counts[f.severity.value] += 1
    langs = sorted({seg.language for seg in doc.segments if seg.language} - {doc.language})
    mixed = f", paragraphs also in {', '.join(langs)}" if langs else ""
    mt = result.machine_translation
    mt_text = ""
    if mt and mt.likely:
        source = f" from {mt.source_language}" if mt.source_language else ""
        mt_text = f"; likely machine-translated{source} ({mt.score:.2f})"
    head = (f"{s(doc.path, 'bold')}  {doc.language or '?'} ({doc.language_confidence:.2f}{mixed})"
            f"{mt_text}  "
            f"{s(str(counts['error']) + ' error', 'error') if counts['error'] else '0 error'}, "
            f"{counts['warning']} warning, {counts['info']} info")
    lines = [head]
    ranked = sorted(result.findings, key=lambda f: (-f.severity.rank, f.start))[:TOP_FINDINGS]
    for f in sorted(ranked, key=lambda f: f.start):
        line, col = doc.line_col(f.start)
        fix = ""
        if f.suggestion is not None:
            fix = " → " + (repr(f.suggestion) if f.suggestion else "(delete)")
        lines.append(f"  {line}:{col}  {s(f'{f.severity.value:7s}', f.severity.value)} "
                     f"{s(f.rule, 'dim')}  “{_short(f.text, 50)}”{fix}")
        lines.append(f"        {f.message}")
    hidden = len(result.findings) - len(ranked)
    if hidden > 0:
        lines.append(s(f"  … and {hidden} more (see the JSON or HTML report)", "dim"))
    lines.append("")
    return lines


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
