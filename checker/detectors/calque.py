"""Calques and literal renderings, from the per-language-pair lexicons."""
from __future__ import annotations

from typing import Iterable

from checker.core import Document, Finding, Severity
from checker.detectors.base import CheckContext, Detector
from checker.rules import substitution
from checker.rules.substitution import LANGUAGE_NAMES, Lexicon


def load_lexicon(ctx: CheckContext) -> Lexicon:
    if ctx.rulebook is None:
        from checker.rules import RuleBook
        ctx.rulebook = RuleBook.load()
    return ctx.rulebook.parsed(substitution.KIND, substitution.parse)


def language_ranges(doc: Document) -> dict[str, list[tuple[int, int]]]:
    """Character ranges of the text per language, from the paragraph segments."""
    ranges: dict[str, list[tuple[int, int]]] = {}
    if not doc.segments:
        if doc.language:
            ranges[doc.language] = [(0, len(doc.text))]
        return ranges
    for seg in doc.segments:
        lang = seg.language or doc.language
        if lang:
            ranges.setdefault(lang, []).append((seg.start, seg.end))
    return ranges


def inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    from bisect import bisect_right

    i = bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


class Calque(Detector):
    """A literal machine translation of a source-language expression.

    ## What it flags
    Expressions that machine translation produces when it renders a phrase of
    the source language word for word, or picks a false friend: "a high fire"
    or "obtain a fire" for French "cessez-le-feu", "the moral of the
    population" for "le moral", "save time" for "gagner du temps", "clics"
    for English "klicks", "jeux de réflexion" for German "Gedankenspiele". The
    expressions come from the lexicons in ``checker/rules/data/calques-*.yaml``,
    one per language pair, each entry with its context conditions, fix and
    examples.

    ## Why it matters
    A calque reads as a machine translation at best and states something else
    at worst: a "fire" is not a ceasefire, and "cancels this news" says the
    opposite of "downplays it". Readers lose trust in the whole article.

    ## Example
    The two leaders asked to increase the pressure on Moscow to obtain a fire.
    The Kremlin continues to reject the idea of a high fire.

    ## Fix
    Use the expression of the target language the lexicon suggests: "to obtain
    a ceasefire", "the idea of a ceasefire". When the suggestion is empty the
    sentence needs rewriting from the meaning.
    """

    id = "MT-calque"
    category = "calque"
    severity = Severity.WARNING
    detector = "glossary"

    def __init__(self) -> None:
        self.lexicon: Lexicon | None = None

    def prepare(self, ctx: CheckContext) -> None:
        self.lexicon = load_lexicon(ctx)

    def check(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        from checker.verdict import note_source

        lexicon = self.lexicon or load_lexicon(ctx)
        hits = []
        for language, spans in ctx.facts(doc).language_ranges.items():
            for entry, m in lexicon.find(doc.text, language):
                if entry.rule != self.id or not inside(m.start(), spans):
                    continue
                hits.append((m.start(), -(m.end() - m.start()), -entry.severity.rank, entry, m))
        hits.sort(key=lambda h: h[:3])
        last_end = -1
        for start, _, _, entry, m in hits:
            if start < last_end:
                continue  # overlaps a longer or earlier match
            last_end = m.end()
            source = LANGUAGE_NAMES.get(entry.source_language, entry.source_language)
            finding = self.finding(
                doc, m.start(), m.end(),
                f"{entry.message} ({source} '{entry.source}')",
                suggestion=entry.suggestion(m), confidence=entry.confidence,
                severity=entry.severity, category=entry.category)
            note_source(finding, entry.source_language)
            yield finding
