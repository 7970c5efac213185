"""Articles filed in a folder of one language but written in another."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from checker.core import Document, Finding, Severity
from checker.detectors.base import CheckContext, Detector
from checker.detectors.mixed_language import LANGUAGE_NAMES


def expected_language(path: str, languages: dict[str, str]) -> str | None:
    """The language configured for the folder ``path`` is in (longest folder wins).

    Folders are absolute (as the configuration resolves them) or relative to
    the working directory; both end with '/'.
    """
    if not languages:
        return None
    absolute = Path(os.path.abspath(path)).as_posix()
    relative = Path(os.path.normpath(path)).as_posix()
    best, lang = -1, None
    for folder, expected in languages.items():
        folder = folder if folder.endswith("/") else folder + "/"
        candidate = absolute if folder.startswith("/") else relative
        if candidate.startswith(folder) and len(folder) > best:
            best, lang = len(folder), expected
    return lang


class UnexpectedLanguage(Detector):
    """An article in another language than the one its folder is configured for.

    ## What it flags
    A document whose language is not the one the configuration expects for
    its folder (``languages = {"fr/" = "fr"}`` in ``[tool.mtcheck]``). The
    finding is on the first paragraph in the document's language. Without
    such a setting the rule is silent.

    ## Why it matters
    An English original left in the French edition's folder, or a draft the
    translation step never reached, is published as it is: the whole article
    is in the wrong language, which no rule about single paragraphs shows.

    ## Example
    ``fr/2025-07-09-frappes.txt`` containing "Russia launched 728 drones
    overnight, the Ukrainian air force said."

    ## Fix
    Translate the article, or move it to the folder of its language.
    """

    id = "LG-unexpected-language"
    category = "mixed-language"
    severity = Severity.ERROR

    def check(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        expected = expected_language(doc.path, ctx.options.get("languages") or {})
        if not expected or not doc.language or doc.language == expected:
            return
        first = next((s for s in doc.segments if s.language == doc.language), None)
        if first is None:
            return
        name = LANGUAGE_NAMES.get(doc.language, doc.language)
        want = LANGUAGE_NAMES.get(expected, expected)
        yield self.finding(
            doc, first.start, first.end,
            f"this article is in {name}; articles in its folder are expected in {want}",
            confidence=doc.language_confidence)
