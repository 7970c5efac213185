"""The JSON report: docs/REPORT_CONTRACT.md, exactly.

Fields are only ever added, never renamed or removed without bumping
``schema``. Beyond the contract's example this adds ``errors`` (files that
could not be checked), ``notices`` (things said once per run) and
``signature`` (versions and settings the results depend on). No timestamps:
the same input gives byte-identical output.
"""
from __future__ import annotations

import json

from checker import __version__
from checker.core import Claim, CrossCheck, DocumentResult, Finding, Report

SCHEMA_VERSION = 1


def to_dict(report: Report) -> dict:
    gate = report.gate
    return {
        "schema": SCHEMA_VERSION,
        "tool": {"name": "mtcheck", "version": __version__},
        "documents": [_document(r) for r in report.documents],
        "cross_document": [_cross(c) for c in report.cross_document],
        "summary": {"documents": len(report.documents), "findings": report.counts()},
        "gate": {"fail_on": "never" if gate.never else gate.fail_on.value, "passed": gate.passed},
        "errors": [{"path": e.path, "message": e.message} for e in report.errors],
        "notices": list(report.notices),
        "signature": report.signature,
    }


def render(report: Report) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n"


def _document(result: DocumentResult) -> dict:
    doc = result.document
    mt = result.machine_translation
    return {
        "path": doc.path,
        "language": doc.language,
        "language_confidence": doc.language_confidence,
        "segments": [{"start": s.start, "end": s.end, "language": s.language,
                      "confidence": s.confidence} for s in doc.segments],
        "machine_translation": None if mt is None else {
            "likely": mt.likely, "score": mt.score, "source_language": mt.source_language},
        "findings": [_finding(f) for f in result.findings],
        "claims": [_claim(c) for c in result.claims],
    }


def _finding(f: Finding) -> dict:
    return {"rule": f.rule, "category": f.category, "severity": f.severity.value,
            "start": f.start, "end": f.end, "text": f.text, "message": f.message,
            "suggestion": f.suggestion, "confidence": f.confidence, "detector": f.detector}


def _claim(c: Claim) -> dict:
    value = int(c.value) if float(c.value).is_integer() else c.value
    return {"id": c.id, "start": c.start, "end": c.end, "text": c.text, "value": value,
            "unit": c.unit, "quantity": c.quantity, "approx": c.approx, "when": c.when,
            "entities": list(c.entities)}


def _cross(c: CrossCheck) -> dict:
    return {"kind": c.kind, "severity": c.severity.value, "claims": list(c.claims),
            "spans": [{"path": s.path, "start": s.start, "end": s.end, "text": s.text}
                      for s in c.spans],
            "message": c.message}
