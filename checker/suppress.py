"""Findings an editor has accepted: inline suppression and the baseline.

Inline, in the article (Markdown and text as written; in HTML as comments,
which the loader maps to offsets of the visible text)::

    <!-- mtcheck-disable TY-spaced-hyphen,CS- -->  ...  <!-- mtcheck-enable TY-spaced-hyphen -->
    <!-- mtcheck-disable-next-line LG-mixed-language -->
    A paragraph line. <!-- mtcheck-ignore TY- -->
    A paragraph line.  # mtcheck: ignore[TY-spaced-hyphen]

A rule is an id or an id prefix; no rule (or ``all``) means every rule.
``disable`` without a matching ``enable`` lasts to the end of the document.

The baseline (``mtcheck baseline create``) records the findings of today by
a fingerprint that does not use offsets: the rule, the finding's text and
the sentence around it (whitespace-normalised), and which occurrence of that
triple it is. Editing another paragraph keeps the fingerprints; editing the
finding's sentence makes it new, so it is reported again.
"""
from __future__ import annotations

import bisect
import hashlib
import json
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from checker.core import Document, DocumentResult, Finding

DEFAULT_BASELINE = ".mtcheck-baseline.json"
BASELINE_VERSION = 1

_COMMENT = re.compile(r"<!--\s*(mtcheck-[a-z-]+)\b([^>]*?)\s*-->")
_HASH_MARKER = re.compile(r"#\s*mtcheck:\s*ignore\[([^\]]*)\][ \t]*$", re.M)
_KINDS = ("mtcheck-disable", "mtcheck-enable", "mtcheck-disable-next-line", "mtcheck-ignore")


@dataclass(frozen=True)
class Range:
    start: int
    end: int
    rules: tuple[str, ...]  # ids or prefixes; () means every rule

    def covers(self, finding: Finding) -> bool:
        return (self.start <= finding.start < self.end
                and (not self.rules or any(finding.rule.startswith(r) for r in self.rules)))


def _rules(text: str) -> tuple[str, ...]:
    parts = tuple(p.strip() for p in re.split(r"[,\s]+", text) if p.strip())
    return () if not parts or "all" in parts else parts


def _line(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def _next_line(text: str, offset: int) -> tuple[int, int]:
    """The first non-blank line that starts at or after ``offset``."""
    pos = offset
    while pos < len(text):
        start, end = _line(text, pos)
        if text[start:end].strip() and start >= offset:
            return start, end
        pos = end + 1
    return len(text), len(text)


def directives(doc: Document, comments: list[tuple[int, str]] | None = None) -> list[Range]:
    """The suppressed ranges of a document.

    ``comments`` are (offset, text) of comments the loader removed (HTML);
    for text and Markdown the directives are read from the text itself.
    """
    text = doc.text
    found: list[tuple[int, int, str, tuple[str, ...], bool]] = []  # start, end, kind, rules, inline
    if comments is None:
        if "mtcheck" not in text:
            return []
        for m in _COMMENT.finditer(text):
            if m.group(1) in _KINDS:
                found.append((m.start(), m.end(), m.group(1), _rules(m.group(2)), True))
        for m in _HASH_MARKER.finditer(text):
            found.append((m.start(), m.end(), "mtcheck-ignore", _rules(m.group(1)), True))
        found.sort()
    else:
        for offset, body in comments:
            m = re.match(r"(mtcheck-[a-z-]+)\b(.*)$", body.strip(), re.S)
            if m and m.group(1) in _KINDS:
                found.append((offset, offset, m.group(1), _rules(m.group(2)), False))

    ranges: list[Range] = []
    open_: dict[tuple[str, ...], int] = {}
    for start, end, kind, rules, inline in found:
        if inline:
            ranges.append(Range(start, end, ()))  # findings on the directive itself
        if kind == "mtcheck-disable":
            open_.setdefault(rules, start)
        elif kind == "mtcheck-enable":
            for key in [k for k in open_ if not rules or k == rules or set(k) <= set(rules)]:
                ranges.append(Range(open_.pop(key), start, key))
        elif kind == "mtcheck-disable-next-line":
            if inline:
                line_start, line_end = _line(text, end)
                s, e = _next_line(text, line_end + 1)
            else:
                s, e = _next_line(text, start)
            ranges.append(Range(s, max(e, s + 1), rules))
        elif kind == "mtcheck-ignore":
            s, e = _line(text, start if inline else max(start - 1, 0))
            ranges.append(Range(s, e + 1, rules))
    for key, start in open_.items():
        ranges.append(Range(start, len(text) + 1, key))
    return ranges


def apply_directives(findings: tuple[Finding, ...], ranges: list[Range]) -> tuple[tuple[Finding, ...], int]:
    """(findings kept, how many were suppressed)."""
    if not ranges:
        return findings, 0
    kept = tuple(f for f in findings if not any(r.covers(f) for r in ranges))
    return kept, len(findings) - len(kept)


# ----------------------------------------------------------------- the baseline


def _normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _context(doc: Document, finding: Finding, starts: list[int]) -> str:
    """The sentence(s) the finding is in; its line when sentences are not known."""
    i = bisect.bisect_right(starts, finding.start) - 1
    if i >= 0 and doc.sentences[i].start <= finding.start < doc.sentences[i].end:
        j = bisect.bisect_right(starts, max(finding.end - 1, finding.start)) - 1
        return doc.text[doc.sentences[i].start:max(doc.sentences[j].end, finding.end)]
    start, end = _line(doc.text, finding.start)
    return doc.text[start:max(end, finding.end)]


def fingerprints(doc: Document, findings: tuple[Finding, ...] | list[Finding]) -> list[str]:
    """One offset-free fingerprint per finding, in the findings' order."""
    starts = [s.start for s in doc.sentences]
    seen: Counter[str] = Counter()
    out = []
    for f in findings:
        base = hashlib.sha256("\x1f".join(
            (f.rule, _normalise(f.text), _normalise(_context(doc, f, starts)))).encode()).hexdigest()[:20]
        out.append(f"{base}:{seen[base]}")
        seen[base] += 1
    return out


class BaselineError(Exception):
    """A baseline file that cannot be read: an error of the run (exit 2)."""


def _key(path: str, root: Path) -> str:
    return Path(os.path.relpath(os.path.abspath(path), root)).as_posix()


@dataclass
class Baseline:
    path: Path
    entries: dict[str, set[str]]  # document path (relative to the baseline's folder) -> fingerprints

    @classmethod
    def load(cls, path: Path) -> "Baseline":
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise BaselineError(f"{path}: no such baseline file (create one with "
                                f"'mtcheck baseline create PATH... --baseline {path}')") from None
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise BaselineError(f"{path}: not a readable baseline: {exc}") from None
        if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION \
                or not isinstance(data.get("documents"), dict):
            raise BaselineError(f"{path}: not an mtcheck baseline (version {BASELINE_VERSION})")
        entries = {doc: {e["fingerprint"] for e in items if isinstance(e, dict) and "fingerprint" in e}
                   for doc, items in data["documents"].items() if isinstance(items, list)}
        return cls(Path(path), entries)

    def filter(self, result: DocumentResult) -> tuple[tuple[Finding, ...], int]:
        accepted = self.entries.get(_key(result.document.path, self.path.resolve().parent))
        if not accepted or not result.findings:
            return result.findings, 0
        prints = fingerprints(result.document, result.findings)
        kept = tuple(f for f, p in zip(result.findings, prints) if p not in accepted)
        return kept, len(result.findings) - len(kept)


def create_baseline(results, path: Path) -> int:
    """Write the baseline of ``results`` (DocumentResults) to ``path``; the number
    of findings recorded. Written atomically."""
    from checker import __version__
    from checker.report.files import write_atomic

    root = Path(path).resolve().parent
    documents: dict[str, list[dict]] = {}
    count = 0
    for result in results:
        if not result.findings:
            continue
        prints = fingerprints(result.document, result.findings)
        documents[_key(result.document.path, root)] = [
            {"rule": f.rule, "text": f.text, "fingerprint": p}
            for f, p in zip(result.findings, prints)]
        count += len(prints)
    data = {"version": BASELINE_VERSION, "tool": f"mtcheck {__version__}",
            "documents": dict(sorted(documents.items()))}
    write_atomic(Path(path), json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    return count
