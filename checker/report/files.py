"""Writing report files so that no reader ever sees half of one.

Each file is written to a temporary name in the same folder, flushed to disk
and renamed over the old one (rename is atomic on POSIX): an interrupted run
leaves the previous complete report, and two runs into the same folder leave
one complete report, never a mix.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable


def write_atomic(path: Path, content: str | Iterable[str], durable: bool = True) -> None:
    """``content`` is the text, or its pieces in order (a large report is written
    as it is rendered, never held whole).

    ``durable=False`` skips the fsync, which costs milliseconds per file: still
    atomic for readers and on Ctrl-C; the caller syncs a batch of such files at
    once (``sync_all``) before writing a file that refers to them."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except FileNotFoundError:  # the folder first (not tried for each of a report's pages)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            if isinstance(content, str):
                handle.write(content)
            else:
                handle.writelines(content)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def sync_all() -> None:
    """Flush every file written so far to disk: one call for a batch of pages."""
    if hasattr(os, "sync"):
        os.sync()
