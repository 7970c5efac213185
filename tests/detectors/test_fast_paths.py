"""The detectors' fast paths find what the plain code they replace finds.

Each test runs the plain formulation (kept here) and the detector's own on
texts built at random from pieces that make the rule's edge cases.
"""
from __future__ import annotations

import random
import re
from collections import defaultdict

from checker.core import Document
from checker.detectors import CheckContext
from checker.detectors import boilerplate, debris, entity_typo, spacing
from checker.rules import RuleBook

RNG = random.Random(17)


def _texts(pieces: list[str], count: int = 300, size: int = 40) -> list[str]:
    return ["".join(RNG.choice(pieces) for _ in range(size)) for _ in range(count)]


def test_spaced_hyphen_scan_starts_where_a_match_can():
    detector = spacing.SpacedHyphen()
    pieces = ["mid", " -", "May", " ", "-", "\n", "l'", "x", "9", "’s", " - ", "anti", "_"]
    found = 0
    for text in _texts(pieces):
        plain = [m.span() for m in spacing._SPACED_HYPHEN.finditer(text)]
        fast = [(f.start, f.end) for f in detector.check(Document("a.txt", text), CheckContext())]
        assert fast == plain, text
        found += len(plain)
    assert found > 100


def test_entity_typo_lists_the_words_that_can_be_near_a_name():
    ctx = CheckContext(rulebook=RuleBook.load())
    detector = entity_typo.EntityTypo()
    detector.prepare(ctx)
    closest = ctx.resource("entity-typo-closest", dict)
    initials = set(closest.by_initial)
    pieces = ["Pogrorsk", "Pokrovsk", "Aix-Marseyille", " ", "'", "’", "l", "Éva", "zZ", "2",
              "ukraine", "Kyiv", "Kyyiv", "_", "-", "Zaporijia", "Ωmega"]
    flagged = set()
    for text in _texts(pieces, size=20):
        plain = [m.span() for m in entity_typo._NAME_PART.finditer(text) if m.group()[0] in initials]
        assert [m.span() for m in closest.name_parts.finditer(text)] == plain, text
        words = set(entity_typo._NAME_PART.findall(text))
        expected = {w: v for w in words for v in (entity_typo._closest(
            w, closest.known, closest.by_initial, "fr"),) if v}
        assert closest.among(words, "fr") == expected
        flagged.update(expected)
    assert "Pogrorsk" in flagged


def _plain_repeated_lines(text: str) -> list[tuple[int, int]]:
    lines: dict[str, list[tuple[int, int]]] = defaultdict(list)
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if len(re.findall(r"[^\W\d_]+", stripped)) >= boilerplate.MIN_REPEATED_WORDS:
            start = pos + line.index(stripped)
            lines[stripped].append((start, start + len(stripped)))
        pos += len(line) + 1
    return [span for spans in lines.values() if len(spans) > 1 for span in spans]


def test_repeated_lines_counts_words_of_repeated_lines_only():
    detector = boilerplate.RepeatedLine()
    pieces = ["La suite après cette publicité\n", "  Read more here \n", "Oui.\n", "\n",
              "one two\n", "a b c\n", " a b c", "Lire aussi", "\t", "x y z 1\n"]
    found = 0
    for text in _texts(pieces, size=12):
        fast = [(f.start, f.end) for f in detector.check(Document("a.txt", text), CheckContext())]
        assert fast == _plain_repeated_lines(text), text
        found += len(fast)
    assert found > 100


def test_the_shared_facts_are_those_of_the_document_asked_about():
    from checker.core import Segment, Span
    from checker.detectors.calque import language_ranges
    from checker.detectors.numbers import Exclusions

    ctx = CheckContext()
    first = Document("a.txt", "See https://example.org now.\n\nLa suite.", language="en",
                     segments=(Segment(0, 28, "en", 1.0), Segment(30, 39, "fr", 0.9)),
                     sentences=(Span(0, 28), Span(30, 39)))
    second = Document("b.txt", "Plain text.", language="de", sentences=(Span(0, 11),))
    facts = ctx.facts(first)
    assert ctx.facts(first) is facts
    assert facts.language_ranges == language_ranges(first)
    assert facts.language_at(31) == "fr" and facts.sentence_starts == (0, 30)
    assert (5 in facts.exclusions) == (5 in Exclusions(first.text)) is True
    other = ctx.facts(second)
    assert other.doc is second and other.language_ranges == {"de": [(0, 11)]}
    assert other.sentence_start_set == {0} and 5 not in other.exclusions
    ctx.forget_facts()
    assert ctx._facts is None and ctx.facts(second) is not other


def test_debris_patterns_skipped_for_want_of_their_literals_would_find_nothing():
    ctx = CheckContext(rulebook=RuleBook.load())
    fast, plain = debris.Debris(), debris.Debris()
    fast.prepare(ctx)
    plain.prepare(ctx)
    plain._requires = {scope: [()] for scope in plain._requires}  # every pattern runs
    pieces = ["RépondreSupprimer", "Répondre\n", "Reply", "\nDelete\n", "![]() |", "[ ]()", "\n",
              "La suite après cette publicité", "Read more: x", "| | |\n", " ", "Lire aussi : y\n",
              "Advertisement\n", "Cookies", "ſ", "İ", "text ", "\r\n"]
    found = 0
    for text in _texts(pieces, size=15):
        doc = Document("a.txt", text, language="fr")
        spans = [(f.start, f.end) for f in fast.check(doc, ctx)]
        assert spans == [(f.start, f.end) for f in plain.check(doc, ctx)], text
        found += len(spans)
    assert found > 100
