"""checker/scanning.py: a trie of words matches what the plain alternation does, and
the literals a case-insensitive pattern requires are sure to stand in lower-cased text.

The claims' own word lists are checked in tests/claims/test_fast_paths.py; here
the other two users: the gazetteer's spellings (look-behind, spaces that also
match a no-break space) and the lexicon's prefilter keys (overlapping keys).
"""
from __future__ import annotations

import random
import re

import pytest

from checker import scanning
from checker.rules import RuleBook, gazetteer, substitution
from checker.rules.substitution import _KeyIndex
from checker.scanning import word_alternation


def _spans(rx: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in rx.finditer(text)]


@pytest.fixture(scope="module")
def spellings():
    gaz = RuleBook.load().parsed(gazetteer.KIND, gazetteer.parse)
    return sorted(gaz.foreign("en"))


def test_gazetteer_spellings_match_as_the_longest_first_alternation(spellings):
    plain_body = "|".join(re.escape(s).replace(r"\ ", r"[ \u00a0]")
                          for s in sorted(spellings, key=len, reverse=True))
    plain = re.compile(rf"(?<![\w@#/.-])(?:{plain_body})(?![\w@/]|-\w)")
    fast = gazetteer._alternation(spellings)
    rng = random.Random(7)
    pieces = spellings[:200] + [" ", "\u00a0", "-", "#", "x", ".", "Rog", "Kursk"]
    texts = ["".join(rng.choice(pieces) for _ in range(200)) for _ in range(100)]
    texts.append("Kryvyj\u00a0Rig, Krivoy Rog-ville, @Koursk, Koursk.")
    for text in texts:
        assert _spans(fast, text) == _spans(plain, text)


def test_escape_turns_each_character_into_its_pattern():
    rx = re.compile(word_alternation(["a b", "a"], escape=lambda c: "[ _]" if c == " " else re.escape(c)))
    assert [m.group(0) for m in rx.finditer("a_b a b a")] == ["a_b", "a b", "a"]
    with pytest.raises(ValueError, match="empty word"):
        word_alternation(["a", ""])


def test_the_lexicon_key_index_sees_every_key_even_overlapping_ones():
    entries = RuleBook.load().parsed(substitution.KIND, substitution.parse).by_target["en"]
    index = _KeyIndex(entries)
    keys = sorted(index.owners)
    rng = random.Random(3)
    text = " ".join(rng.choice(keys) for _ in range(400))
    seen = {(m.start(), key) for m in index.pattern.finditer(text) for key in index.prefixes[m.group(1)]}
    expected = {(m.start(), key) for key in keys for m in re.finditer(f"(?={re.escape(key)})", text)}
    assert seen == expected


def test_required_literals_are_read_from_the_pattern():
    requires = scanning.required_literals(r"(?<![\w-])(?:the (?:moment|hour)s? (?:when|where)|x+y?)(?![\w])")
    assert requires == ()  # "x+y?": a branch with no literal of two letters
    requires = scanning.required_literals(r"(?<![\w-])the (?:moment|hour)s?(?=,) (?:wh)?en(?![\w])")
    assert requires == (("the ",), ("moment", "hour"), ("en",))  # a lone space is no test


def test_a_sure_literal_matches_only_characters_that_lower_case_to_it():
    """Where re (ignoring case) matches a character to a literal that
    sure_literal accepts, lower() and the lexicon's normalise() turn that
    character into the literal."""
    sure = {chr(c): scanning.sure_literal(chr(c)) for c in range(0x370)}
    sure = {ch: low for ch, low in sure.items() if low}
    assert "i" not in sure and "s" not in sure and "a" in sure and "é" in sure
    any_sure = re.compile("[" + "".join(re.escape(ch) for ch in sure) + "]", re.I)
    for code in range(0x110000):
        x = chr(code)
        if any_sure.fullmatch(x):
            for ch, low in sure.items():
                if re.fullmatch(re.escape(ch), x, re.I):
                    assert x.lower() == substitution.normalise(x) == low, (hex(code), ch)


def test_the_lexicon_folds_only_characters_that_are_never_sure_literals():
    assert {a for a, _ in substitution._NORMALISE_PAIRS} <= scanning.FOLDED


def test_a_deferred_pattern_is_compiled_on_first_use_and_finds_what_re_compile_finds():
    from checker.scanning import Deferred, compiled

    source = r"(?P<n>\d+)[ \u00a0]?km\b"
    text = "30 KM, 40km and 5 miles; 7\u00a0km."
    compiled.cache_clear()
    lazy = Deferred(source, re.I)
    assert compiled.cache_info().currsize == 0
    eager = re.compile(source, re.I)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert lazy.search(text, 3).group("n") == eager.search(text, 3).group("n") == "40"
    assert lazy.match(text) and lazy.pattern == source
    assert compiled.cache_info().currsize == 1


def test_every_deferred_pattern_of_the_detectors_compiles():
    """Their syntax is checked here, not at import any more."""
    import importlib
    import pkgutil

    import checker.detectors
    from checker.scanning import Deferred

    def found(value):
        if isinstance(value, Deferred):
            yield value
        elif isinstance(value, (list, tuple)):
            for item in value:
                yield from found(item)

    deferred = [d for info in pkgutil.iter_modules(checker.detectors.__path__)
                for value in vars(importlib.import_module(f"checker.detectors.{info.name}")).values()
                for d in found(value)]
    assert len(deferred) >= 30
    for d in deferred:
        assert d.groups >= 0  # compiles it
