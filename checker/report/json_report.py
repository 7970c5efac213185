"""The JSON report: docs/REPORT_CONTRACT.md, exactly.

Fields are only ever added, never renamed or removed without bumping
``schema``. Beyond the contract's example this adds ``errors`` (files that
could not be checked), ``notices`` (things said once per run) and
``signature`` (versions and settings the results depend on). No timestamps:
the same input gives byte-identical output.
"""
from __future__ import annotations

import functools
import json
from typing import IO, Iterator

from checker import __version__
from checker.core import Claim, CrossCheck, DocumentResult, Finding, Report

SCHEMA_VERSION = 1


def render(report: Report) -> str:
    return "".join(chunks(report))


def write(report: Report, stream: IO[str]) -> None:
    for chunk in chunks(report):
        stream.write(chunk)


def chunks(report: Report) -> Iterator[str]:
    """The report's JSON text, a document or a verdict at a time: exactly
    ``json.dumps(the report as one dict, ensure_ascii=False, indent=2) + "\n"``,
    without holding that dict or that text for an archive of thousands."""
    gate = report.gate
    fields = {
        "schema": SCHEMA_VERSION,
        "tool": {"name": "mtcheck", "version": __version__},
        "documents": (_document(r) for r in report.documents),
        "cross_document": (_cross(c) for c in report.cross_document),
        "summary": {"documents": len(report.documents), "findings": report.counts()},
        "gate": {"fail_on": "never" if gate.never else gate.fail_on.value, "passed": gate.passed},
        "errors": [{"path": e.path, "message": e.message} for e in report.errors],
        "notices": list(report.notices),
        "signature": report.signature,
    }
    for n, (key, value) in enumerate(fields.items()):
        yield f'{"," if n else "{"}\n  {json.dumps(key)}: '
        if isinstance(value, Iterator):  # the long lists, an item at a time
            first = True
            for item in value:
                yield ("[\n    " if first else ",\n    ") + _encode(item, 2)
                first = False
            yield "[]" if first else "\n  ]"
        else:
            yield json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")
    yield "\n}\n"


# --------------------------------------------------------------------------- encoding
# json.dumps with an indent runs the pure-Python encoder, slow on an archive's
# report. The documents and verdicts are encoded to the same text by the C
# encoder instead, a dict or list of plain values per call: its item separator
# carries the newline and the indentation that indent=2 writes at that depth.

_NESTED = (dict, list, tuple)


@functools.lru_cache(maxsize=None)
def _plain_encoder(level: int):
    """Encodes a plain value, or a dict or list of them sitting at nesting ``level``
    (-1: a NUL between items, for ``_records``)."""
    separators = ("\0" if level < 0 else ",\n" + "  " * (level + 1), ": ")
    make = json.encoder.c_make_encoder  # built once per level: cheaper calls
    if make is None:  # no C accelerator in this Python
        return json.JSONEncoder(ensure_ascii=False, check_circular=False,
                                separators=separators).encode
    encoder = make(None, None, json.encoder.encode_basestring, None, separators[1],
                   separators[0], False, False, True)
    return lambda value: "".join(encoder(value, 0))


def _encode(value, level: int) -> str:
    """``value`` (str keys only) as json.dumps(..., ensure_ascii=False, indent=2)
    writes it at nesting ``level``."""
    if isinstance(value, dict):
        if not value:
            return "{}"
        plain = _plain_encoder(level)
        if not any(isinstance(item, _NESTED) for item in value.values()):  # most are
            parts = [plain(value)[1:-1]]
            return "{\n" + "  " * (level + 1) + parts[0] + "\n" + "  " * level + "}"
        parts, run = [], {}
        for key, item in value.items():
            if isinstance(item, _NESTED):
                if run:
                    parts.append(plain(run)[1:-1])
                    run = {}
                parts.append(f"{plain(key)}: {_encode(item, level + 1)}")
            else:
                run[key] = item
        if run:
            parts.append(plain(run)[1:-1])
        open_, close = "{", "}"
    elif isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        if all(isinstance(item, dict) and item and not any(isinstance(v, _NESTED) for v in item.values())
               for item in value):
            return _records(value, level)
        if any(isinstance(item, _NESTED) for item in value):
            parts = [_encode(item, level + 1) for item in value]
        else:
            parts = [_plain_encoder(level)(value)[1:-1]]
        open_, close = "[", "]"
    else:
        return _plain_encoder(level)(value)
    pad = "\n" + "  " * (level + 1)
    return open_ + pad + ("," + pad).join(parts) + "\n" + "  " * level + close


def _records(items: list[dict], level: int) -> str:
    """A list of non-empty dicts of plain values (segments, findings, spans) at
    nesting ``level``, in one call of the encoder. Its separator is a NUL, which
    encoded strings never hold raw (they escape it): the NULs between two dicts
    and those between fields are then told apart and indented."""
    pad, item, field = "  " * level, "  " * (level + 1), "  " * (level + 2)
    text = _plain_encoder(-1)(items)[2:-2]  # without the "[{" and "}]"
    text = text.replace("}\0{", f"\n{item}}},\n{item}{{\n{field}").replace("\0", f",\n{field}")
    return f"[\n{item}{{\n{field}{text}\n{item}}}\n{pad}]"


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
