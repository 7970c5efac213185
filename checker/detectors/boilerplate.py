"""Lines that belong to the page around the article, not to the article."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Iterable

from checker.core import Document, Finding, Severity
from checker.detectors.base import CheckContext, Detector

_WORD = re.compile(r"[^\W\d_]+")
MIN_REPEATED_WORDS = 3  # "Oui." twice is dialogue, not boilerplate


class RepeatedLine(Detector):
    """A line repeated verbatim in the same article.

    ## What it flags
    A whole line of at least three words that appears more than once in a
    document, such as "La suite après cette publicité" or "Read more".
    Every occurrence is flagged: each is a line to delete.

    ## Why it matters
    Scrapers copy advertising slots, navigation and newsletter prompts along
    with the article; an article never needs the same full line twice. Left
    in, they are published as part of the text.

    ## Example
    La suite après cette publicité
    La suite après cette publicité

    ## Fix
    Delete the repeated lines.
    """

    id = "BP-repeated-line"
    category = "boilerplate"
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        raw = doc.text.split("\n")
        stripped = [line.strip() for line in raw]
        # Only lines that occur twice can be flagged: their words are counted.
        repeated = {line for line, n in Counter(stripped).items() if n > 1 and line}
        if not repeated:
            return
        lines: dict[str, list[tuple[int, int]]] = defaultdict(list)
        wordy: dict[str, bool] = {}
        pos = 0
        for line, bare in zip(raw, stripped):
            if bare in repeated:
                if bare not in wordy:
                    wordy[bare] = len(_WORD.findall(bare)) >= MIN_REPEATED_WORDS
                if wordy[bare]:
                    start = pos + line.index(bare)
                    lines[bare].append((start, start + len(bare)))
            pos += len(line) + 1
        for text, spans in lines.items():
            if len(spans) < 2:
                continue
            for start, end in spans:
                yield self.finding(
                    doc, start, end,
                    f"this line occurs {len(spans)} times in the article: page debris, not text",
                    suggestion="", confidence=0.9)
