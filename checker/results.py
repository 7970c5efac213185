"""A run's per-document results, kept on disk until the report is written.

Holding every document's full result (text, findings, segments, sentences)
makes the memory grow with the size of an archive. The run appends each
result to an unlinked temporary file as soon as it is final and keeps only a
small summary per document (``DocumentSummary``: the index's row, with the
claims the cross-document stage needs); the reporters read the results back
one at a time. The file vanishes with the process, even a killed one.
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
    return hashlib.blake2b(repr(result).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


class Stored(NamedTuple):
    """A result as the store keeps it, made where the result is (a worker
    process, in a run with workers): the parent only writes the bytes."""

    data: bytes  # the pickled result
    digest: str
    summary: DocumentSummary


def stored(result: DocumentResult) -> Stored:
    return Stored(pickle.dumps(result, pickle.HIGHEST_PROTOCOL), digest(result),
                  DocumentSummary.of(result))


class Results(Sequence[DocumentResult]):
    """Documents' results in run order; ``summaries`` stay in memory."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="mtcheck-results-")
        self._where: list[tuple[int, int]] = []  # (offset, size) of each pickled result
        self._digests: list[str] = []
        self._end = 0
        self.summaries: list[DocumentSummary] = []

    def append(self, result: DocumentResult) -> None:
        self.add(stored(result))

    def add(self, item: Stored) -> None:
        data = item.data
        # positional writes and reads: forked page writers read the same file
        # descriptor at once, and a shared file position would mix them up
        fd, written = self._file.fileno(), 0
        while written < len(data):
            written += os.pwrite(fd, memoryview(data)[written:], self._end + written)
        self._where.append((self._end, len(data)))
        self._digests.append(item.digest)
        self._end += len(data)
        self.summaries.append(item.summary)

    def digest(self, index: int) -> str:
        """``digest()`` of the result at ``index``, without reading it back."""
        return self._digests[index]

    def __len__(self) -> int:
        return len(self._where)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        offset, size = self._where[index]
        data = os.pread(self._file.fileno(), size, offset)
        if len(data) != size:
            raise OSError(f"the results' temporary file is {offset + len(data)} bytes, "
                          f"expected at least {offset + size}")
        return pickle.loads(data)

    def __iter__(self) -> Iterator[DocumentResult]:
        return (self[i] for i in range(len(self)))
