"""A run's per-document results, kept on disk until the report is written.

Holding every document's full result (text, findings, segments, sentences)
makes the memory grow with the size of an archive. The run appends each
result to an unlinked temporary file as soon as it is final and keeps only a
small summary per document (``DocumentSummary``: the index's row, with the
claims the cross-document stage needs); the reporters read the results back
one at a time. The file vanishes with the process, even a killed one.

Beside each result goes its entry of report.json, encoded while the result is
at hand: the JSON report copies it instead of reading every result back, and
the result's digest (the key of its HTML page) is taken from it.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from checker.core import DocumentResult, DocumentSummary


def digest(result: DocumentResult) -> str:
    """A fingerprint of a result's value: equal results of two runs, checked anew
    or read from the cache, give equal digests. (Not of the pickle: equal values
    pickle differently when one shares a string where the other holds two.)"""
    from checker.report.json_report import document_json

    return _digest(result, document_json(result))


def _digest(result: DocumentResult, document_json: str) -> str:
    """The digest, from the result's entry of report.json (which holds all of its
    findings, claims, segments and verdict) and what that entry leaves out."""
    doc = result.document
    h = hashlib.blake2b(document_json.encode("utf-8", "surrogatepass"), digest_size=16)
    h.update(b"\0" + doc.text.encode("utf-8", "surrogatepass"))
    h.update(repr((doc.format, doc.date, [(s.start, s.end) for s in doc.sentences])).encode())
    return h.hexdigest()


class Stored(NamedTuple):
    """A result as the store keeps it, made where the result is (a worker
    process, in a run with workers): the run's own process only writes the bytes."""

    data: bytes  # the pickled result
    document_json: bytes  # its entry of report.json, UTF-8
    digest: str
    summary: DocumentSummary


def stored(result: DocumentResult) -> Stored:
    from checker.report.json_report import document_json

    entry = document_json(result)
    return Stored(pickle.dumps(result, pickle.HIGHEST_PROTOCOL),
                  entry.encode("utf-8", "surrogatepass"), _digest(result, entry),
                  DocumentSummary.of(result))


class Results(Sequence[DocumentResult]):
    """Documents' results in run order; ``summaries`` stay in memory."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="mtcheck-results-")
        self._where: list[tuple[int, int]] = []  # (offset, size) of each pickled result
        self._json_where: list[tuple[int, int]] = []  # and of its report.json entry
        self._digests: list[str] = []
        self._end = 0
        self.summaries: list[DocumentSummary] = []

    def append(self, result: DocumentResult) -> None:
        self.add(stored(result))

    def add(self, item: Stored) -> None:
        self._where.append(self._write(item.data))
        self._json_where.append(self._write(item.document_json))
        self._digests.append(item.digest)
        self.summaries.append(item.summary)

    def _write(self, data: bytes) -> tuple[int, int]:
        # positional writes and reads: forked page writers read the same file
        # descriptor at once, and a shared file position would mix them up
        fd, written = self._file.fileno(), 0
        while written < len(data):
            written += os.pwrite(fd, memoryview(data)[written:], self._end + written)
        where, self._end = (self._end, len(data)), self._end + len(data)
        return where

    def _read(self, offset: int, size: int) -> bytes:
        data = os.pread(self._file.fileno(), size, offset)
        if len(data) != size:
            raise OSError(f"the results' temporary file is {offset + len(data)} bytes, "
                          f"expected at least {offset + size}")
        return data

    def digest(self, index: int) -> str:
        """``digest()`` of the result at ``index``, without reading it back."""
        return self._digests[index]

    def document_json(self, index: int) -> str:
        """``json_report.document_json()`` of the result at ``index``, without reading it back."""
        return self._read(*self._json_where[index]).decode("utf-8", "surrogatepass")

    def __len__(self) -> int:
        return len(self._where)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return pickle.loads(self._read(*self._where[index]))

    def __iter__(self) -> Iterator[DocumentResult]:
        return (self[i] for i in range(len(self)))
