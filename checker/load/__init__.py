"""Load: find the articles under the given paths and decode them.

Discovery is deterministic (sorted), follows directory symlinks at most once
(loops are cut), and skips hidden folders. Decoding never raises: a file that
cannot become text gives a :class:`LoadError` that names the problem, and the
run goes on with the others.
"""
from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from checker.core import Document, LoadError
from checker.load.markdown import front_matter_date

EXTENSIONS = {".txt": "text", ".md": "markdown", ".markdown": "markdown",
              ".html": "html", ".htm": "html"}
MAX_BYTES = 64 * 1024 * 1024  # far above any article; guards against mistaken inputs


@dataclass(frozen=True)
class Source:
    """A file to check: the path as the user should see it, and where it is."""

    display: str
    path: Path


def discover(paths: Iterable[str], skip_dirs: Iterable[Path] = ()) -> Iterator[Source | LoadError]:
    """Files under ``paths`` with a known extension, in a stable order.

    A path named explicitly is checked whatever its extension; inside folders
    only .txt, .md and .html files are taken.
    """
    skip = {_identity(p) for p in skip_dirs if p.exists()}
    seen_files: set[tuple[int, int]] = set()
    for given in paths:
        path = Path(given)
        if not os.path.lexists(path):
            yield LoadError(given, "no such file or directory")
        elif path.is_dir():
            yield from _walk(given, path, skip, seen_files)
        elif path.is_file() or path.is_symlink():
            ident = _identity(path) if path.exists() else None
            if ident is None or ident not in seen_files:
                if ident:
                    seen_files.add(ident)
                yield Source(given, path)
        else:
            yield LoadError(given, "not a regular file or directory")


def _identity(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_dev, st.st_ino


def _walk(given: str, root: Path, skip: set, seen_files: set) -> Iterator[Source | LoadError]:
    visited_dirs: set[tuple[int, int]] = set()
    stack = [(given, root)]
    while stack:
        display, directory = stack.pop()
        try:
            ident = _identity(directory)
        except OSError as exc:
            yield LoadError(display, f"cannot open folder: {exc.strerror or exc}")
            continue
        if ident in visited_dirs or ident in skip:
            continue  # a symlink loop, or the report folder itself
        visited_dirs.add(ident)
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            yield LoadError(display, f"cannot list folder: {exc.strerror or exc}")
            continue
        subdirs = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            shown = os.path.join(display, entry.name)
            try:
                if entry.is_dir():
                    subdirs.append((shown, Path(entry.path)))
                elif entry.is_file() and Path(entry.name).suffix.lower() in EXTENSIONS:
                    file_ident = _identity(Path(entry.path))
                    if file_ident not in seen_files:
                        seen_files.add(file_ident)
                        yield Source(shown, Path(entry.path))
                elif entry.is_symlink() and not os.path.exists(entry.path):
                    if Path(entry.name).suffix.lower() in EXTENSIONS:
                        yield LoadError(shown, "broken symbolic link")
                elif Path(entry.name).suffix.lower() in EXTENSIONS:
                    # a FIFO, socket or device named like an article: never opened (a
                    # FIFO would block the run), but said, not silently skipped
                    yield LoadError(shown, "not a regular file (a pipe, socket or device)")
            except OSError as exc:
                yield LoadError(shown, f"cannot read: {exc.strerror or exc}")
        # Depth-first in name order: reversed so that the stack pops 'a' before 'b'.
        stack.extend(reversed(subdirs))


def decode(data: bytes) -> str:
    """Bytes to text, exactly: BOMs removed, nothing else normalised.

    Raises ValueError with a message for an editor when the bytes are not text.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ValueError(f"broken UTF-16 text at byte {exc.start}") from None
    if b"\x00" in data[:8192]:
        raise ValueError("binary data, not text (NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ValueError(f"not valid UTF-8: byte 0x{data[exc.start]:02x} at offset "
                         f"{exc.start} (line {line}); save the file as UTF-8") from None
    if _control_ratio(text) > 0.05:
        raise ValueError("binary data, not text (control characters)")
    return text


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # below 32, except \t \n \f \r


def _control_ratio(text: str) -> float:
    sample = text[:8192]
    if not sample:
        return 0.0
    controls = len(_CONTROL.findall(sample))
    return controls / len(sample)


def read_document(source: Source, max_bytes: int = MAX_BYTES) -> Document | LoadError:
    """One file as a Document, or the reason it cannot be one."""
    loaded = read_source(source, max_bytes)
    return loaded if isinstance(loaded, LoadError) else loaded[0]


def read_source(source: Source, max_bytes: int = MAX_BYTES
                ) -> tuple[Document, list[tuple[int, str]] | None] | LoadError:
    """As read_document, plus the mtcheck comments an HTML page had, at their
    offsets in the text (None for text and Markdown, whose comments stay in the
    text): inline suppression (checker.suppress) reads them."""
    data = read_bytes(source, max_bytes)
    return data if isinstance(data, LoadError) else document_from(source, data)


def read_bytes(source: Source, max_bytes: int = MAX_BYTES) -> bytes | LoadError:
    """The file's bytes, or why they cannot be read."""
    try:
        size = source.path.stat().st_size
        if size > max_bytes:
            return LoadError(source.display, f"file too large ({size / 1e6:.0f} MB; the limit "
                                             f"is {max_bytes / 1e6:.0f} MB)")
        return source.path.read_bytes()
    except IsADirectoryError:
        return LoadError(source.display, "is a directory")
    except OSError as exc:
        return LoadError(source.display, f"cannot read: {exc.strerror or exc}")


def format_of(source: Source) -> str:
    """text | markdown | html, by the file's extension."""
    return EXTENSIONS.get(source.path.suffix.lower(), "text")


def document_from(source: Source, data: bytes
                  ) -> tuple[Document, list[tuple[int, str]] | None] | LoadError:
    """read_source, for the bytes already read from ``source``."""
    try:
        text = decode(data)
    except ValueError as exc:
        return LoadError(source.display, str(exc))
    fmt = format_of(source)
    date = None
    comments = None
    if fmt == "html":
        from checker.load.html import html_to_text_with_comments

        text, date, comments = html_to_text_with_comments(text)
    elif fmt == "markdown":
        date = front_matter_date(text)
    return Document(path=source.display, text=text, format=fmt, date=date), comments


