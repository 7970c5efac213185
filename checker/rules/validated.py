"""What a rule file was found to hold when it was last read and validated.

Reading the rule files is most of a small run's start-up: the YAML parser
(~0.15 s for the package's files) and the substitution kind's checks, which
compile every pattern and try it on its examples (~0.6 s). Their outcome
depends only on the file's text and on mtcheck's code, so it is kept in the
user's cache (``checker.cache.cache_dir()``, folder ``rules/``) and read back
by a later run instead of being made again.

A record is keyed by the file's path and text, mtcheck's code
(``checker.cache.code_version``: every Python and data file of the package)
and the Python version (the regex parser it reads patterns with): a changed
file or a new mtcheck is a miss, never a stale answer. Only a file that
passed its checks is recorded, so a broken one is refused at every run with
the same message. A record that cannot be read (missing, corrupt, another
version's) is a miss; one that cannot be written is skipped: either way the
run validates the file as if there were no cache. Records are written to a
temporary file and renamed, so two runs at once never read half a record.
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any, Callable

FORMAT = 1  # the records' own layout


def _record_path(what: str, path: Path) -> Path:
    from checker.cache import cache_dir

    # one record per stage and file: a newer one replaces it, none pile up
    name = hashlib.sha256(str(Path(path).resolve()).encode("utf-8", "surrogatepass"))
    return cache_dir() / "rules" / f"{what}-{name.hexdigest()[:24]}.json"


def text_digest(text: str) -> str:
    """What a record of a file is keyed by, of its text (``RuleFile.digest``)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _key(what: str, path: Path, digest: str) -> str:
    from checker.cache import code_version

    parts = (str(FORMAT), code_version(), sys.version, what, str(path), digest)
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def recall(what: str, path: Path, digest: str) -> Any | None:
    """The value ``keep`` recorded for ``what`` of the file ``path`` whose text
    has ``digest`` (``text_digest``), or None."""
    try:
        with open(_record_path(what, path), encoding="utf-8") as handle:
            record = json.load(handle)
        if record["key"] == _key(what, path, digest):
            return record["value"]
    except (OSError, RuntimeError, ValueError, KeyError, TypeError):
        pass  # no record (or no home folder), or one that cannot be used: validate again
    return None


def keep(what: str, path: Path, digest: str, value: Any) -> None:
    """Record ``value`` (JSON data) as what ``what`` of the file ``path`` whose
    text has ``digest`` is, for later runs; silently not when the cache cannot
    be written."""
    from checker.report.files import write_atomic

    try:
        encoded = json.dumps({"key": _key(what, path, digest), "value": value},
                             ensure_ascii=False, separators=(",", ":"))
        # not synced to disk: a record lost in a crash is only a miss
        write_atomic(_record_path(what, path), encoded, durable=False)
    except (OSError, RuntimeError, TypeError, ValueError):
        pass  # an unwritable cache costs the next run its time, nothing else


def entries_of(rule_file, kind: str, validate: Callable[[Any], list],
               to_record: Callable[[Any], Any], from_record: Callable[[Any], Any]) -> list:
    """``validate(rule_file)``, the file's entries, or those read back with
    ``from_record`` from what an earlier run's validation of the same text
    recorded with ``to_record``."""
    if rule_file.digest is None:  # a file made in memory
        return validate(rule_file)
    stored = recall(kind, rule_file.path, rule_file.digest)
    if stored is not None:
        try:
            return [from_record(record) for record in stored]
        except (KeyError, TypeError, ValueError):
            pass  # a record of another shape: validate the file
    entries = validate(rule_file)
    keep(kind, rule_file.path, rule_file.digest, [to_record(entry) for entry in entries])
    return entries
