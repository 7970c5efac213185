"""SARIF 2.1.0: the findings for code-scanning dashboards (GitHub, GitLab, VS Code).

One run; the driver lists every rule with its documentation. Each finding is
a result with its region (line and column in Unicode code points:
``columnKind = unicodeCodePoints``, which is what Python offsets count), the
quoted text as snippet, ``charOffset``/``charLength``, the suggestion as a
fix, and an offset-free ``partialFingerprints`` entry (the baseline's
fingerprint) so dashboards track a finding across edits. HTML articles are
checked as their visible text, whose lines are not the file's: their results
name the file without a region, and quote the text in the message.
Cross-document verdicts are results with ``relatedLocations``; files that
could not be checked are tool execution notifications.
"""
from __future__ import annotations

import bisect
import json
import os
from pathlib import Path
from urllib.parse import quote

from checker import __version__
from checker.core import Document, Finding, Report

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


class LineIndex:
    """1-based (line, column) of offsets, in O(log lines) each."""

    def __init__(self, text: str):
        self.starts = [0]
        pos = text.find("\n")
        while pos >= 0:
            self.starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def artifact_uri(path: str) -> str:
    """A path as a URI reference: relative stays relative, percent-encoded."""
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(Path(os.path.normpath(path)).as_posix(), safe="/")


def region(doc: Document, index: LineIndex, start: int, end: int) -> dict | None:
    if doc.format == "html":
        return None
    line, col = index.line_col(start)
    end_line, end_col = index.line_col(end)
    return {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col,
            "charOffset": start, "charLength": end - start,
            "snippet": {"text": doc.text[start:end]}}


def _location(path: str, reg: dict | None) -> dict:
    physical: dict = {"artifactLocation": {"uri": artifact_uri(path)}}
    if reg:
        physical["region"] = reg
    return {"physicalLocation": physical}


def _rules(report: Report) -> list[dict]:
    from checker.detectors import REGISTRY, rule_doc

    used = {f.rule for r in report.documents for f in r.findings}
    rules, known = [], set()
    for cls in REGISTRY:
        try:
            doc = rule_doc(cls)
        except ValueError:
            continue
        known.add(doc.id)
        rules.append({
            "id": doc.id,
            "shortDescription": {"text": doc.summary},
            "fullDescription": {"text": doc.sections["What it flags"]},
            "help": {"text": doc.render()},
            "defaultConfiguration": {"level": LEVELS[doc.severity]},
            "properties": {"category": doc.category, "detector": doc.detector},
        })
    for rule in sorted(used - known):  # a rule produced outside the registry
        rules.append({"id": rule, "shortDescription": {"text": rule}})
    return rules


def to_dict(report: Report) -> dict:
    from checker.suppress import fingerprints

    rules = _rules(report)
    rule_index = {r["id"]: i for i, r in enumerate(rules)}
    results: list[dict] = []
    docs = {r.document.path: r.document for r in report.documents}
    indexes: dict[str, LineIndex] = {}

    def index_of(doc: Document) -> LineIndex:
        if doc.path not in indexes:
            indexes[doc.path] = LineIndex(doc.text)
        return indexes[doc.path]

    for result in report.documents:
        doc = result.document
        if not result.findings:
            continue
        index = index_of(doc)
        prints = fingerprints(doc, result.findings)
        for f, fingerprint in zip(result.findings, prints):
            results.append(_result(doc, index, f, fingerprint, rule_index))
    for check in report.cross_document:
        if check.kind == "consistent" or not check.spans:
            continue
        locations = []
        for span in check.spans:
            doc = docs.get(span.path)
            reg = region(doc, index_of(doc), span.start, span.end) if doc else None
            locations.append(_location(span.path, reg))
        rule = f"XD-{check.kind}"
        results.append({
            "ruleId": rule, "level": LEVELS[check.severity.value],
            "message": {"text": check.message},
            "locations": locations[:1], "relatedLocations": [
                {**loc, "id": i} for i, loc in enumerate(locations[1:], 1)],
            "properties": {"claims": list(check.claims), "kind": check.kind},
        })
    notifications = [{"level": "error", "message": {"text": f"not checked: {e.message}"},
                      "locations": [_location(e.path, None)]} for e in report.errors]
    notifications += [{"level": "note", "message": {"text": n}} for n in report.notices]
    gate = report.gate
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": {"driver": {"name": "mtcheck", "version": __version__,
                                "semanticVersion": __version__, "rules": rules}},
            "invocations": [{
                "executionSuccessful": True,
                "toolExecutionNotifications": notifications,
                "properties": {"gate": {"fail_on": "never" if gate.never else gate.fail_on.value,
                                        "passed": gate.passed},
                               "signature": report.signature},
            }],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def _result(doc: Document, index: LineIndex, f: Finding, fingerprint: str,
            rule_index: dict[str, int]) -> dict:
    reg = region(doc, index, f.start, f.end)
    text = f.message if reg else f"{f.message} (“{f.text}”)"
    out = {
        "ruleId": f.rule,
        "level": LEVELS[f.severity.value],
        "message": {"text": text},
        "locations": [_location(doc.path, reg)],
        "partialFingerprints": {"mtcheck/v1": fingerprint},
        "properties": {"category": f.category, "confidence": f.confidence,
                       "detector": f.detector, "text": f.text},
    }
    if f.rule in rule_index:
        out["ruleIndex"] = rule_index[f.rule]
    if f.suggestion is not None and reg:
        out["fixes"] = [{
            "description": {"text": f"replace with “{f.suggestion}”" if f.suggestion else "delete"},
            "artifactChanges": [{
                "artifactLocation": {"uri": artifact_uri(doc.path)},
                "replacements": [{"deletedRegion": {k: reg[k] for k in (
                    "startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength")},
                    "insertedContent": {"text": f.suggestion}}],
            }],
        }]
    return out


def render(report: Report) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n"
