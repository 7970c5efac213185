"""Paragraphs left in another language than the article's."""
from __future__ import annotations

from typing import Iterable

from checker.core import Document, Finding, Severity
from checker.detectors.base import CheckContext, Detector

LANGUAGE_NAMES = {"en": "English", "fr": "French", "de": "German", "es": "Spanish",
                  "it": "Italian", "pt": "Portuguese", "nl": "Dutch", "ru": "Russian",
                  "uk": "Ukrainian", "pl": "Polish", "tr": "Turkish", "ar": "Arabic"}


class MixedLanguage(Detector):
    """A paragraph written in another language than the rest of the article.

    ## What it flags
    A paragraph that the language identifier confidently assigns to a
    language other than the document's. Short lines (captions, names, single
    words) never count: they cannot be judged alone.

    ## Why it matters
    A half-translated article shows as paragraphs still in the source
    language: a block the translation engine skipped, or a quote pasted from
    the original.

    ## Example
    An English article with the paragraph "La Russie a fortement augmenté sa
    production d'équipements militaires."

    ## Fix
    Translate the paragraph, or mark it as a quotation in its original
    language if that is intended.
    """

    id = "LG-mixed-language"
    category = "mixed-language"
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        for seg in doc.segments:
            if seg.language and doc.language and seg.language != doc.language:
                name = LANGUAGE_NAMES.get(seg.language, seg.language)
                doc_name = LANGUAGE_NAMES.get(doc.language, doc.language)
                yield self.finding(
                    doc, seg.start, seg.end,
                    f"this paragraph is in {name}, the article is in {doc_name}",
                    confidence=seg.confidence)
