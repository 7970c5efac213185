"""Names spelled the way another language spells them (exonyms, transliterations)."""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

from checker.core import Document, Finding, Severity
from checker.detectors.base import CheckContext, Detector
from checker.detectors.calque import inside
from checker.rules import gazetteer as gazetteer_kind
from checker.rules.gazetteer import Gazetteer
from checker.rules.substitution import LANGUAGE_NAMES

_CAPS_WORD = re.compile(r"[^\W\d_]{2,}")


def load_gazetteer(ctx: CheckContext) -> Gazetteer:
    if ctx.rulebook is None:
        from checker.rules import RuleBook
        ctx.rulebook = RuleBook.load()
    return ctx.rulebook.parsed(gazetteer_kind.KIND, gazetteer_kind.parse)


def _origin_words(origin: str, variant: bool = False) -> str:
    if variant and "/" not in origin:
        return f"a {LANGUAGE_NAMES.get(origin, origin)}-style transliteration"
    if "/" in origin:
        source, style = origin.split("/")
        return (f"a transliteration of the {LANGUAGE_NAMES.get(source, source)} name "
                f"({LANGUAGE_NAMES.get(style, style)} style)")
    return f"the {LANGUAGE_NAMES.get(origin, origin)} spelling"


class SourceSpelling(Detector):
    """A name spelled as another language spells it.

    ## What it flags
    Place and person names written with the exonym or transliteration of
    another language than the article's: French "Koursk" or "Soumy" in an
    English text, German-style "Zelenskyj" in a French one, Russian-based
    "Kharkov" or "Zaporozhye" in English, "Oblast Soumy" instead of "Sumy
    Oblast". When a language accepts two spellings (English "Kyiv" and
    "Kiev"), a text that uses both is flagged where it departs from its own
    majority; historical names ("Kievan Rus", "Chicken Kiev") stay silent. The
    spellings come from the gazetteer, ``checker/rules/data/gazetteer*.yaml``.

    ## Why it matters
    Machine translation copies names it does not know from the source text, so
    a name in the source language's spelling both looks careless and shows
    where the text came from. Readers searching for "Kursk" do not find
    "Koursk".

    ## Example
    Two civilians were killed in the Koursk region, and Ukrainian forces
    advanced in the north of the Oblast Soumy.

    ## Fix
    Write the name as the article's language does: "Kursk region", "Sumy
    Oblast"; in French "Zelensky", not "Zelenskyj".
    """

    id = "MT-source-spelling"
    category = "source-spelling"
    severity = Severity.WARNING

    def __init__(self) -> None:
        self.gazetteer: Gazetteer | None = None
        self._oblast: tuple[re.Pattern, dict[str, str]] | None = None

    def prepare(self, ctx: CheckContext) -> None:
        # (the 'Oblast' pattern waits for the first English text that holds the
        # word: compiling it is ~15 ms of start-up that most runs never use)
        self.gazetteer = load_gazetteer(ctx)

    def _oblast_pattern(self) -> tuple[re.Pattern, dict[str, str]]:
        """'Oblast Soumy' / 'oblast of Sumy': English puts the name first."""
        if self._oblast is None:
            names: dict[str, str] = {}
            for e in self.gazetteer.entities:
                if e.type in ("place", "region") and e.preferred("en"):
                    for spellings in list(e.accepted.values()) + list(e.wrong.values()):
                        for s in spellings:
                            if " " not in s:
                                names.setdefault(s, e.preferred("en"))
            alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
            self._oblast = (re.compile(rf"(?<![\w-])[Oo]blast (?:of )?(?P<name>{alts})(?![\w])"), names)
        return self._oblast

    def check(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        from checker.verdict import note_source

        if self.gazetteer is None:
            self.gazetteer = load_gazetteer(ctx)
        language = doc.language
        if language not in gazetteer_kind.LANGUAGES:
            return
        spans = ctx.facts(doc).language_ranges.get(language, [])
        text = doc.text
        taken: list[tuple[int, int]] = []
        findings: list[Finding] = []

        if language == "en" and "blast " in text:
            pattern, names = self._oblast_pattern()
            for m in pattern.finditer(text):
                if not inside(m.start(), spans):
                    continue
                right = f"{names[m.group('name')]} Oblast"
                f = self.finding(doc, m.start(), m.end(),
                                 f"English puts the name before 'Oblast': '{right}'",
                                 suggestion=right, confidence=0.9)
                entity_origin = self._origin_of_name(m.group("name"), language)
                if entity_origin:
                    note_source(f, entity_origin)
                taken.append((m.start(), m.end()))
                findings.append(f)

        matches = list(self.gazetteer.find_foreign(text, language))
        # "Volodymyr Zelenskyy" holds "Zelenskyy": flag the surname alone, whose fix
        # ("Zelensky") keeps the first name, not the whole name replaced by the surname
        inner = [m.span() for m, _ in matches]
        matches = [(m, foreign) for m, foreign in matches
                   if not any(m.start() <= s and e <= m.end() and (s, e) != m.span() for s, e in inner)]
        for m, foreign in matches:
            start, end = m.span()
            if not inside(start, spans) or any(s < end and start < e for s, e in taken):
                continue
            if self._excepted(foreign.entity, text, start, end) or self._shouting(text, start, end):
                continue
            right = foreign.entity.preferred(language)
            f = self.finding(
                doc, start, end,
                f"'{m.group(0)}' is {_origin_words(foreign.origin, foreign.variant)}; "
                f"{LANGUAGE_NAMES.get(language, language)} writes '{right}'",
                suggestion=right, confidence=0.85)
            note_source(f, foreign.voting_language)
            findings.append(f)

        findings += list(self._minority(doc, language, spans))
        yield from sorted(findings, key=lambda f: f.start)

    def _origin_of_name(self, name: str, language: str) -> str | None:
        table = self.gazetteer.foreign(language)
        foreign = table.get(name)
        return foreign.voting_language if foreign else None

    @staticmethod
    def _excepted(entity, text: str, start: int, end: int) -> bool:
        if not entity.exceptions:
            return False
        window_start = max(0, start - 40)
        window = text[window_start:end + 40]
        for pattern in entity.exceptions:
            for m in pattern.finditer(window):
                if m.start() + window_start < end and start < m.end() + window_start:
                    return True
        return False

    @staticmethod
    def _shouting(text: str, start: int, end: int) -> bool:
        """An all-capitals spelling ('UN') inside all-capitals text is a word, not a name."""
        word = text[start:end]
        if not word.isupper():
            return False
        around = _CAPS_WORD.findall(text[max(0, start - 30):start]) [-1:] + \
            _CAPS_WORD.findall(text[end:end + 30])[:1]
        return any(w.isupper() for w in around)

    def _minority(self, doc: Document, language: str, spans) -> Iterable[Finding]:
        text = doc.text
        for entity in self.gazetteer.minority(language):
            if sum(1 for s in entity.accepted[language] if s in text) < 2:
                continue  # cheap test first: one spelling alone cannot be a minority
            pattern = self.gazetteer.accepted_pattern(entity, language)
            hits = [m for m in pattern.finditer(text)
                    if inside(m.start(), spans) and not self._excepted(entity, text, m.start(), m.end())]
            counts = Counter(m.group(0) for m in hits)
            if len(counts) < 2:
                continue
            order = entity.accepted[language]
            majority = max(counts, key=lambda s: (counts[s], -order.index(s) if s in order else -99))
            for m in hits:
                if m.group(0) != majority:
                    yield self.finding(
                        doc, m.start(), m.end(),
                        f"this text writes '{majority}' {counts[majority]} time(s) and "
                        f"'{m.group(0)}' {counts[m.group(0)]}: keep one spelling",
                        suggestion=majority, confidence=0.7)
