"""A one-line progress bar on stderr, for runs over many files."""
from __future__ import annotations

import time
from typing import TextIO

MIN_FILES = 10  # below this a bar only flickers


class ProgressBar:
    def __init__(self, stream: TextIO, width: int = 30):
        self.stream, self.width = stream, width
        self.shown = False
        self._last = 0.0

    def __call__(self, index: int, total: int | None, label: str) -> None:
        if not total or total < MIN_FILES:
            return
        now = time.monotonic()
        if index < total and now - self._last < 0.1:
            return
        self._last = now
        filled = int(self.width * index / total)
        bar = "█" * filled + "·" * (self.width - filled)
        name = label[-40:]
        self.stream.write(f"\r{bar} {index}/{total} {name:40s}")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * (self.width + 60) + "\r")
            self.stream.flush()
