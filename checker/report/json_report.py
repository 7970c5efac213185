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
from typing import IO, Iterator, Sequence

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
        "documents": _documents_json(report.documents),
        "cross_document": _in_batches(map(_cross, report.cross_document), _CROSS),
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
            for item in value:  # each already encoded
                yield ("[\n    " if first else ",\n    ") + item
                first = False
            yield "[]" if first else "\n  ]"
        else:
            yield json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")
    yield "\n}\n"


def document_json(result: DocumentResult) -> str:
    """A document's entry of the report's "documents" list, as the report writes it."""
    return _shaped([_document(result)], 2, _DOCUMENT)[0]


def _documents_json(documents: Sequence[DocumentResult]) -> Iterator[str]:
    from checker.results import Results

    if isinstance(documents, Results):  # a run's results on disk hold their entries
        return (documents.document_json(i) for i in range(len(documents)))
    return (document_json(r) for r in documents)


# --------------------------------------------------------------------------- encoding
# json.dumps with an indent runs the pure-Python encoder, slow on an archive's
# report. The documents and verdicts are encoded to the same text by the C
# encoder instead, a dict or list of plain values per call: its item separator
# carries the newline and the indentation that indent=2 writes at that depth.
# The documents and verdicts, whose shapes the contract fixes, are encoded
# knowing which of their fields hold lists (``_shaped``), not by looking at
# every value (``_encode``, for the rest).

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
    """A list of non-empty dicts of plain values at nesting ``level``."""
    return _values([items], level, {})[0]


def _shaped(items: list[dict], level: int, shape: dict) -> list[str]:
    """Each of ``items``, non-empty dicts of one shape (the same keys in the same
    order, made by one function), as ``_encode(item, level)`` writes it, in a
    few calls of the encoder however many items there are.

    ``shape`` names the keys whose values are not plain: ``_PLAIN_LIST`` for a
    list of plain values, a shape (``{}``: all plain) for a list of dicts of that
    shape, None for anything else (encoded by ``_encode``). The plain fields of
    all items are encoded in one call, with a NUL between items, which encoded
    strings never hold raw (they escape it): the NULs between two dicts
    ("}\\0{") and those between fields are told apart and indented. The values
    of each key of ``shape`` are encoded together (``_values``), in place of the
    null that stood for each.
    """
    if not items:
        return []
    holes = dict.fromkeys(shape)
    text = _plain_encoder(-1)([{**d, **holes} for d in items] if holes else items)[2:-2]
    records = text.split("}\0{")
    if holes:
        at = [(i, _values([d[key] for d in items], level + 1, shape[key]))
              for i, key in enumerate(items[0]) if key in holes]
        for n, record in enumerate(records):
            fields = record.split("\0")
            for i, values in at:
                fields[i] = fields[i][:-len("null")] + values[n]
            records[n] = "\0".join(fields)
    field, close = ",\n" + "  " * (level + 1), "\n" + "  " * level + "}"
    return ["{" + field[1:] + record.replace("\0", field) + close for record in records]


_PLAIN_LIST = "a list of plain values"


def _values(values: list, level: int, shape) -> list[str]:
    """Each of ``values``, of the ``shape`` ``_shaped`` describes, as ``_encode``
    writes it at nesting ``level``."""
    if shape is None:
        return [_encode(value, level) for value in values]
    pad, item = "\n" + "  " * level, ",\n" + "  " * (level + 1)
    if shape == _PLAIN_LIST:  # all in one call, told apart as _shaped tells dicts apart
        texts = _plain_encoder(-1)(values)[2:-2].split("]\0[")
        return [f"[{item[1:]}{text.replace(chr(0), item)}{pad}]" if text else "[]"
                for text in texts]
    everything = _shaped([d for value in values for d in value], level + 1, shape)
    out, start = [], 0
    for value in values:
        end = start + len(value)
        out.append(f"[{item[1:]}{item.join(everything[start:end])}{pad}]" if value else "[]")
        start = end
    return out


def _in_batches(items: Iterator[dict], shape: dict, size: int = 256) -> Iterator[str]:
    """``_shaped`` of ``items`` at nesting level 2, a batch at a time."""
    batch: list[dict] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield from _shaped(batch, 2, shape)
            batch = []
    if batch:
        yield from _shaped(batch, 2, shape)


# The contract's records whose fields are not all plain values (see _shaped).
_DOCUMENT = {"segments": {}, "machine_translation": None, "findings": {},
             "claims": {"entities": _PLAIN_LIST}}
_CROSS = {"claims": _PLAIN_LIST, "spans": {}}


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
