"""Rule data: YAML files in the style of Vale's rule kinds, validated on load.

Each file is one mapping with a ``kind`` that says how its entries are read:

- ``substitution``: wrong renderings and the fix (calques, false friends);
- ``existence``: text that should not be there at all (boilerplate debris);
- ``gazetteer``: entities with their accepted spelling per language;
- ``names``: first names and the grammatical gender they mark.

The package's files live in ``checker/rules/data/``; users add their own with
``--rules DIR``. A broken file is refused with a message that names the file,
the entry and the problem, before any document is checked (Vale's weak spot
was failing late on untyped maps).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

DATA_DIR = Path(__file__).parent / "data"


class RuleDataError(Exception):
    """A rule file that cannot be used, with the place and the problem."""

    def __init__(self, path: Path | str, problem: str, entry: int | str | None = None):
        where = f"{path}" + (f", entry {entry}" if entry is not None else "")
        super().__init__(f"{where}: {problem}")
        self.path, self.entry, self.problem = str(path), entry, problem


@dataclass(frozen=True)
class RuleFile:
    path: Path
    kind: str
    header: dict[str, Any]
    entries: tuple[dict[str, Any], ...]
    # validated.text_digest of the file's text: what the records of its
    # validation are keyed by (None for a file made in memory: never recorded)
    digest: str | None = field(default=None, compare=False)


def read_rule_file(path: Path) -> RuleFile:
    from checker.rules import validated

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleDataError(path, f"cannot read: {exc}") from None
    digest = validated.text_digest(text)
    stored = validated.recall("yaml", path, digest)
    if stored is not None:  # this text was read and checked before: not parsed again
        try:
            return RuleFile(path, stored["kind"], stored["header"], tuple(stored["entries"]),
                            digest)
        except (KeyError, TypeError):
            pass  # a record of another shape: read the file
    rule_file = _parse_rule_file(path, text, digest)
    raw = {"kind": rule_file.kind, "header": rule_file.header,
           "entries": list(rule_file.entries)}
    if _same_in_json(raw):  # a YAML date or set would come back as something else
        validated.keep("yaml", path, digest, raw)
    return rule_file


def _parse_rule_file(path: Path, text: str, digest: str) -> RuleFile:
    import yaml

    # libyaml's loader when the wheel has it: it parses the rule files about ten
    # times faster than the pure-Python one, which start-up otherwise waits for
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        raw = yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        raise RuleDataError(path, f"not valid YAML: {exc}") from None
    if not isinstance(raw, dict):
        raise RuleDataError(path, "must be a mapping with 'kind' and 'entries'")
    kind = raw.get("kind")
    if not isinstance(kind, str):
        raise RuleDataError(path, "missing 'kind' (e.g. substitution, existence, gazetteer)")
    entries = raw.get("entries")
    if not isinstance(entries, list) or not entries:
        raise RuleDataError(path, "'entries' must be a non-empty list")
    for i, entry in enumerate(entries, 1):
        if not isinstance(entry, dict):
            raise RuleDataError(path, "each entry must be a mapping", i)
    header = {k: v for k, v in raw.items() if k != "entries"}
    return RuleFile(path, kind, header, tuple(entries), digest)


def _same_in_json(value: Any) -> bool:
    import json

    try:
        return json.loads(json.dumps(value)) == value
    except (TypeError, ValueError):
        return False


def rule_files(extra_dirs: Iterable[Path] = ()) -> list[Path]:
    """The package's rule files, then the user's, in a stable order."""
    files = sorted(DATA_DIR.glob("*.yaml"))
    for directory in extra_dirs:
        directory = Path(directory)
        if not directory.is_dir():
            raise RuleDataError(directory, "rules directory does not exist")
        files += sorted(directory.glob("*.yaml")) + sorted(directory.glob("*.yml"))
    return files


@dataclass
class RuleBook:
    """All rule files, grouped by kind; detectors parse the kinds they use.

    Parsing into typed records happens in the module that owns the kind
    (``checker.rules.<kind>``) and is cached here, so each file is validated
    once per run.
    """

    files: tuple[RuleFile, ...]
    _parsed: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, extra_dirs: Iterable[Path] = ()) -> "RuleBook":
        return cls(tuple(read_rule_file(p) for p in rule_files(extra_dirs)))

    def of_kind(self, kind: str) -> list[RuleFile]:
        return [f for f in self.files if f.kind == kind]

    def parsed(self, kind: str, parser):
        """``parser(list[RuleFile])`` once per run, for the files of ``kind``."""
        if kind not in self._parsed:
            self._parsed[kind] = parser(self.of_kind(kind))
        return self._parsed[kind]

    def versions(self) -> dict[str, str]:
        """A short content hash per file, for the report's signature."""
        import hashlib

        return {f.path.name: hashlib.sha256(f.path.read_bytes()).hexdigest()[:12]
                for f in self.files}
