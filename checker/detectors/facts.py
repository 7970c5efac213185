"""What several detectors read of one document, worked out once per document.

The language at an offset, the URL spans prose rules skip, the text's ranges
per language and its sentence starts were each rebuilt by every rule that
needed them (up to eight times per article). ``CheckContext.facts(doc)``
gives the one ``DocumentFacts`` of the document being checked; each fact is
computed on first use, so a rule that needs none costs nothing.
"""
from __future__ import annotations

from functools import cached_property

from checker.core import Document
from checker.detectors.calque import language_ranges
from checker.detectors.numbers import Exclusions, LanguageAt


class DocumentFacts:
    """Facts of one document; read them, never change them (they are shared)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc

    @cached_property
    def language_at(self) -> LanguageAt:
        return LanguageAt(self.doc)

    @cached_property
    def exclusions(self) -> Exclusions:
        """URLs, e-mail addresses and hashtags."""
        return Exclusions(self.doc.text)

    @cached_property
    def lowered(self) -> str:
        """``text.lower()``, where the required literals of case-insensitive
        patterns are looked for (checker.scanning.required_literals)."""
        return self.doc.text.lower()

    @cached_property
    def language_ranges(self) -> dict[str, list[tuple[int, int]]]:
        return language_ranges(self.doc)

    @cached_property
    def sentence_starts(self) -> tuple[int, ...]:
        """In order (the sentences are)."""
        return tuple(s.start for s in self.doc.sentences)

    @cached_property
    def sentence_start_set(self) -> frozenset[int]:
        return frozenset(self.sentence_starts)
