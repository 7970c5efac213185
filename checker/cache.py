"""Per-document result cache: an unchanged article is not checked twice.

The key is the SHA-256 of the file's bytes and format, the settings that
change results (rules selected, rule-data versions, expected language, the
date given for undated articles, whether the LM runs and the model's
checksum), the tool version and a hash of mtcheck's own code, so a new rule
or a fixed bug never serves a stale result. The value is the DocumentResult
as JSON without the text (the file is read again, and its text put back).

Location: ``$MTCHECK_CACHE``, else ``$XDG_CACHE_HOME/mtcheck``, else
``~/.cache/mtcheck``; results live in ``results/ab/abcdef....json``. A cache
that cannot be written is skipped with one notice; a corrupt entry is a miss.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
from functools import lru_cache
from itertools import starmap
from pathlib import Path

from checker import __version__
from checker.core import (Claim, Document, DocumentResult, Finding,
                          MachineTranslationVerdict, Segment, Severity, Span)

# 2: claim records stored for the cross stage; 3: and the names the text spells;
# 4: keyed by the file's bytes, not its text; 5: whether each name is a word
FORMAT = 5


def cache_dir() -> Path:
    base = os.environ.get("MTCHECK_CACHE")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "mtcheck"


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of mtcheck's Python files and packaged data: results depend on them."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".yaml", ".yml", ".json") and "__pycache__" not in path.parts:
            try:
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
            except OSError:
                continue
    return digest.hexdigest()[:16]


def _layout() -> str:
    """The fields of the records the cache stores: a change makes old entries misses."""
    return ";".join(f"{cls.__name__}:{','.join(f.name for f in dataclasses.fields(cls))}"
                    for cls in (Document, DocumentResult, Finding, Claim, Segment,
                                MachineTranslationVerdict))


class ResultCache:
    def __init__(self, settings: dict, directory: Path | None = None):
        self.directory = (directory or cache_dir()) / "results"
        base = json.dumps({"settings": settings, "code": code_version(), "format": FORMAT,
                           "layout": _layout()}, sort_keys=True, default=str)
        self._base = hashlib.sha256(base.encode()).hexdigest()
        self.hits = self.misses = 0
        self.broken: str | None = None  # why writing failed, said once

    def key(self, data: bytes, fmt: str, extra: str = "") -> str:
        """The key of a file's result: its bytes (which give its text and date),
        its format and ``extra`` (what else the result depends on: the language
        expected of its folder, the date given for undated articles). From the
        bytes, not the text, so that the key is known before the file is
        decoded or its HTML parsed."""
        digest = hashlib.sha256(self._base.encode())
        for part in (fmt, extra):
            digest.update(b"\x1f" + part.encode())
        digest.update(b"\x1e" + data)
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def has(self, key: str) -> bool:
        """Whether an entry is stored for ``key`` (``get`` may still find it corrupt)."""
        return self._path(key).is_file()

    def get(self, key: str, doc: Document) -> tuple[DocumentResult, list[str], list, dict] | None:
        """(result, notices, claim records, names) stored for ``key``, or None."""
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            result = _result_from(data, doc)
            records = _records_from(data.get("records", []), doc)
            names = _names_from(data["names"], result.document)  # identified: its language
        except FileNotFoundError:
            self.misses += 1
            return None
        except (OSError, ValueError, KeyError, TypeError):
            self.misses += 1  # a corrupt or foreign entry: check again
            return None
        self.hits += 1
        return result, list(data.get("notices", [])), records, names

    def put(self, key: str, result: DocumentResult, notices: list[str], records: list = (),
            names: dict | None = None) -> None:
        if self.broken:
            return
        path = self._path(key)
        data = _result_to(result)
        data["notices"] = notices
        data["records"] = [_record_to(r, result.document) for r in records]
        data["names"] = _names_to(names or {})
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{key[:8]}.", suffix=".tmp", dir=path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(data, handle, ensure_ascii=False, separators=(",", ":"))
                os.replace(tmp, path)
            except BaseException:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
                raise
        except (OSError, TypeError, ValueError) as exc:
            self.broken = f"result cache not written ({self.directory}: {exc.strerror or exc})"


def _result_to(result: DocumentResult) -> dict:
    doc = result.document
    mt = result.machine_translation
    name = Path(doc.path).name
    return {
        "document": {
            "language": doc.language, "language_confidence": doc.language_confidence,
            "segments": [[s.start, s.end, s.language, s.confidence] for s in doc.segments],
            "sentences": [[s.start, s.end] for s in doc.sentences],
            **{f.name: getattr(doc, f.name) for f in dataclasses.fields(Document)
               if f.name not in ("path", "text", "format", "date", "language",
                                 "language_confidence", "segments", "sentences")},
        },
        "findings": [{**dataclasses.asdict(f), "severity": f.severity.value}
                     for f in result.findings],
        "claims": [{**dataclasses.asdict(c), "entities": list(c.entities),
                    "id": _unnamed(c.id, name)}
                   for c in result.claims],
        "machine_translation": None if mt is None else dataclasses.asdict(mt),
        "extra": {f.name: getattr(result, f.name) for f in dataclasses.fields(DocumentResult)
                  if f.name not in ("document", "findings", "claims", "machine_translation")},
    }


_SEVERITY = {severity.value: severity for severity in Severity}  # a lookup, not an Enum call


def _result_from(data: dict, doc: Document) -> DocumentResult:
    # (starmap and the lookup table: an archive's second run makes some 60
    # records per document here, and each generator step or Enum call counts)
    d = dict(data["document"])
    segments = tuple(starmap(Segment, d.pop("segments")))
    sentences = tuple(starmap(Span, d.pop("sentences")))
    document = dataclasses.replace(doc, segments=segments, sentences=sentences, **d)
    name = Path(doc.path).name
    findings = tuple(Finding(**{**f, "severity": _SEVERITY[f["severity"]]})
                     for f in data["findings"])
    claims = tuple(Claim(**{**c, "entities": tuple(c["entities"]),
                            "id": _named(c["id"], name)})
                   for c in data["claims"])
    mt = data["machine_translation"]
    return DocumentResult(document=document, findings=findings, claims=claims,
                          machine_translation=None if mt is None else MachineTranslationVerdict(**mt),
                          **data.get("extra", {}))


def _record_to(record, doc: Document) -> dict:
    """A claim record without its path (another path may share the text)."""
    data = record.to_json()
    name = Path(doc.path).name
    data["path"] = None
    for field in ("id", "equiv_of", "part_of"):
        if isinstance(data.get(field), str):
            data[field] = _unnamed(data[field], name)
    return data


def _names_to(names: dict) -> list:
    if not names:
        return []
    from checker.claims.variants import names_to_json

    return names_to_json(names)


def _names_from(items: list, doc: Document) -> dict:
    if not items:
        return {}
    from checker.claims.variants import names_from_json

    return names_from_json(items, doc)


def _records_from(items: list[dict], doc: Document) -> list:
    if not items:
        return []
    from checker.claims.extract import XClaim

    name = Path(doc.path).name
    out = []
    for data in items:
        data = dict(data, path=doc.path, doc_date=doc.date)
        for field in ("id", "equiv_of", "part_of"):
            if isinstance(data.get(field), str):
                data[field] = _named(data[field], name)
        out.append(XClaim.from_json(data))
    return out


# Claim ids name the file ("a.txt#c3"); stored without it, so that another path
# with the same text gets ids of its own.
def _unnamed(claim_id: str, name: str) -> str:
    return claim_id[len(name):] if claim_id.startswith(name) else claim_id


def _named(claim_id: str, name: str) -> str:
    return name + claim_id if claim_id.startswith("#") else claim_id
