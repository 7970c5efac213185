"""Misspelt names of known places, people and organisations."""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable

from checker.core import Document, Finding, Severity
from checker.detectors.base import CheckContext, Detector, WordVerdicts
from checker.resources import zipf_frequency
from checker.rules import gazetteer as gazetteer_kind
from checker.scanning import not_after

# Capitalised words, and each part of a hyphenated name ("Aix-Marseyille").
_NAME_PART = re.compile(r"(?<![\w'’])[^\W\d_a-z][^\W\d_]{3,}")
# Up to one edit for short names, two for long ones: "Pogrorsk" is two edits
# from "Pokrovsk"; two edits between 5-letter names make different names.
MIN_LENGTH_TWO_EDITS = 8
MAX_ZIPF = 1.0  # a word wordfreq knows this well is a word, not a typo
MAX_REMEMBERED = 100_000  # words per language whose verdict is kept between articles


class EntityTypo(Detector):
    """A name one or two letters away from a place, person or organisation in the gazetteer.

    ## What it flags
    A capitalised word that no dictionary knows and that differs by one
    letter (two, for long names) from the spelling of an entity in mtcheck's
    gazetteer: "Pogrorsk" for Pokrovsk, "Aix-Marseyille" for Aix-Marseille.
    Inflected or derived forms (Pokrovske, Pokrovska) are left alone.

    ## Why it matters
    A misspelt place name is a factual error a reader notices, and it breaks
    every search and cross-reference on that name; transliteration through a
    third language and OCR produce such near misses.

    ## Example
    100.000 soldats russes se regroupent autour de Pogrorsk, en Ukraine.

    ## Fix
    Use the known spelling: "Pokrovsk". If the name is a different, real
    place, add it to a gazetteer file of your own (--rules DIR).
    """

    id = "CS-entity-typo"
    category = "typo"
    severity = Severity.WARNING

    def prepare(self, ctx: CheckContext) -> None:
        ctx.resource("entity-typo-closest", lambda: _Closest(*_index(self._gazetteer(ctx))))

    @staticmethod
    def _gazetteer(ctx: CheckContext):
        return ctx.rulebook.parsed(gazetteer_kind.KIND, gazetteer_kind.parse)

    def check(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        self.prepare(ctx)
        language = doc.language or "en"
        closest = ctx.resource("entity-typo-closest", dict)
        if closest.name_parts is None:
            return
        # The distinct words first: most articles have no near miss at all.
        misspelt = closest.among(set(closest.name_parts.findall(doc.text)), language)
        if not misspelt:
            return
        for match in closest.name_parts.finditer(doc.text):
            word = match.group(0)
            verdict = misspelt.get(word)
            if verdict is None:
                continue
            entity_id, spelling = verdict
            correct = _preferred(self._gazetteer(ctx), entity_id, spelling, language)
            yield self.finding(
                doc, match.start(), match.end(),
                f"'{word}' looks like a misspelling of '{correct}', a name mtcheck knows",
                suggestion=correct, confidence=0.75 if _distance(word, correct) == 1 else 0.6)


def _index(gazetteer) -> tuple[frozenset[str], dict[str, list[tuple[str, str]]]]:
    """Every spelling's words, and the capitalised ones grouped by initial with their entity."""
    words: set[str] = set()
    owners: dict[str, str] = {}
    for entity in gazetteer.entities:
        for spellings in list(entity.accepted.values()) + list(entity.wrong.values()):
            for spelling in spellings:
                for w in re.findall(r"[^\W\d_]+", spelling):
                    if len(w) >= 4:
                        words.add(w)
                        owners.setdefault(w, entity.id)
    by_initial: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for word in sorted(words):
        if word[0].isupper():
            by_initial[word[0]].append((word, owners[word]))
    return frozenset(words), dict(by_initial)


class _Closest:
    """_closest over one gazetteer index, remembered per word and language: an
    archive's names recur from article to article."""

    def __init__(self, known: frozenset[str], by_initial) -> None:
        self.known, self.by_initial = known, by_initial
        self._verdicts: dict[str, WordVerdicts] = {}
        # _NAME_PART's words, less those whose initial no known name has (they
        # cannot be near one): a pattern that opens with those capitals lets re
        # skip to them, and the look-behind goes after the first letter.
        self.name_parts = re.compile(
            "[" + "".join(map(re.escape, sorted(by_initial))) + "]" + not_after(r"[\w'’]")
            + r"[^\W\d_]{3,}") if by_initial else None

    def among(self, words: set[str], language: str) -> dict[str, tuple[str, str]]:
        """word -> (entity id, spelling), for the words of ``words`` that misspell a name."""
        if language not in self._verdicts:
            self._verdicts[language] = WordVerdicts(
                lambda word: _closest(word, self.known, self.by_initial, language), MAX_REMEMBERED)
        return self._verdicts[language].flagged_among(words)


def _closest(word: str, known: frozenset[str], by_initial,
             language: str) -> tuple[str, str] | None:
    """(entity id, spelling) of the one known name ``word`` misspells, or None."""
    if word in known or word.isupper():
        return None
    lower = word.lower()
    if zipf_frequency(lower, language) > MAX_ZIPF or zipf_frequency(lower, "en") > MAX_ZIPF:
        return None
    found: dict[int, dict[str, str]] = defaultdict(dict)  # distance -> entity -> spelling
    for candidate, entity in by_initial.get(word[0], ()):
        if abs(len(candidate) - len(word)) > 2 or sorted(candidate[-2:]) != sorted(word[-2:]) \
                and candidate[-1] != word[-1]:
            continue  # names differ in the middle; a different ending is a different word
        if _differ_only_in_ending(word, candidate):
            continue  # an inflection or a derived name (Poltava, Poltavka), not a typo
        limit = 2 if min(len(word), len(candidate)) >= MIN_LENGTH_TWO_EDITS else 1
        distance = _distance(word, candidate, limit)
        if distance <= limit:
            found[distance].setdefault(entity, candidate)
    if not found:
        return None
    closest = found[min(found)]
    if len(closest) != 1:
        return None  # as close to two different names: no way to tell which was meant
    return next(iter(closest.items()))


def _preferred(gazetteer, entity_id: str, spelling: str, language: str) -> str:
    """The entity's spelling in the document's language, when it is one word."""
    preferred = gazetteer.by_id(entity_id).preferred(language)
    if preferred and re.fullmatch(r"[^\W\d_]+", preferred) and preferred[0] == spelling[0]:
        return preferred
    return spelling


def _differ_only_in_ending(a: str, b: str) -> bool:
    shorter = min(len(a), len(b))
    common = 0
    while common < shorter and a[common] == b[common]:
        common += 1
    return common >= shorter - 1


def _distance(a: str, b: str, limit: int = 3) -> int:
    """Optimal-string-alignment distance (a transposition is one edit), capped at limit+1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if previous2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]
