"""Helpers that let regular expressions scan a text quickly (claims, lexicon, names, rules).

Python's ``re`` tries a pattern that opens with a look-behind at every position
of a text, and an alternation of words one word after the other; a pattern that
opens with literal characters or a character class is only tried where one of
them stands, found by a quick scan. So a one-character look-behind is written
after the pattern's first character (``not_after``) and word lists are written
as a trie (``word_alternation``): the matches are the same.

A case-insensitive pattern gets no such quick scan at all. The literals every
match of it contains (``required_literals``) are then a cheap test: a text, or
a window of it, that lacks one cannot hold a match (``all_present``).
"""
from __future__ import annotations

import re
from functools import lru_cache


# re.compile kept for the run, and never dropped: re's own cache forgets the
# oldest of 512 patterns. Rule data whose patterns are compiled on first need
# (the lexicon's, the boilerplate's) compiles each once, and a pattern that
# validation compiled is there when a text first needs it.
compiled = lru_cache(maxsize=None)(re.compile)


class Deferred:
    """A regular expression compiled when first used (by ``compiled``), with the
    methods of the compiled pattern: a detector's patterns that run only where a
    cheap test finds a candidate (a literal, a window around one) cost nothing
    at import, nor on the many articles with no candidate."""

    __slots__ = ("source", "flags")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source, self.flags = source, flags

    def __getattr__(self, name: str):  # finditer, search, match, ...
        return getattr(compiled(self.source, self.flags), name)


def not_after(chars: str) -> str:
    """``(?<!chars)`` to write right after a pattern's first character, which is
    thereby tested against the character before it: "[A-Z]" + not_after("[a-z]")
    matches where "(?<![a-z])[A-Z]" does. ``chars`` matches one character."""
    return "(?<!" + chars + "(?s:.))"


def word_alternation(words, before: str | None = None, escape=re.escape) -> str:
    """A pattern matching what ``"|".join(re.escape(w) for w in longest first)``
    matches, written as a trie ("jan(?:uary)?|ju(?:ly|ne)"): at a position only one
    branch can follow the text, and a longer word is tried before a shorter one.
    With ``before``, a word does not match right after such a character (a
    look-behind, written after the first character: ``not_after``). ``escape``
    turns one character into its pattern (e.g. a space into "[ \\u00a0]")."""
    tree: dict = {}
    for word in words:
        if not word:
            raise ValueError("an empty word matches everywhere")
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def emit(node: dict, first: bool = False) -> str:
        branches = [escape(ch) + (not_after(before) if first and before else "") + emit(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(tree, first=True)


# Characters that text folding for literal tests rewrites (quotes, apostrophes,
# no-break spaces: checker.rules.substitution.normalise); never a sure literal.
FOLDED = frozenset("\u00a0\u202f’“”«»")
# Below U+0250, the letters re's case folding pairs with another than
# str.lower() does: 'i' with dotless 'ı', 's' with long 'ſ', 'µ' with 'μ'.
_EXTRA_CASED = frozenset("isµıſ")


def sure_literal(char: str) -> str | None:
    """``char`` as it stands in the lower-cased text wherever a case-insensitive
    pattern's literal ``char`` matched, or None when that is not certain. Only
    Latin letters, digits and signs (below U+0250) are taken, less those of
    _EXTRA_CASED and FOLDED; 'İ' lower-cases to two characters."""
    low = char.lower()
    if len(low) != 1 or ord(char) >= 0x250 or low in _EXTRA_CASED or low in FOLDED:
        return None
    return low


def required_literals(regex: str) -> tuple[tuple[str, ...], ...]:
    """Literals every match of ``regex`` (compiled case-insensitively, or not)
    contains, lower-cased: a tuple per requirement, holding its alternatives
    (one per branch of an alternation). They hold in ``text.lower()`` and in
    any lower-cased text that only folds more characters of FOLDED.

    Read from the parsed regex: runs of sure literal characters in the parts a
    match cannot skip (the top level, groups, repeats of at least one);
    look-arounds and character classes are passed over. Runs of one letter or
    space are too common to be worth a test.
    """
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]

    def worth(run: str) -> bool:
        return len(run) > 1 or not (run.isalnum() or run.isspace())

    def requirements(items) -> list[tuple[str, ...]]:
        found: list[tuple[str, ...]] = []
        run = ""
        for op, av in items:
            literal = sure_literal(chr(av)) if op is c.LITERAL else None
            if literal:
                run += literal
                continue
            if run and worth(run):
                found.append((run,))
            run = ""
            if op is c.SUBPATTERN:
                found += requirements(av[3])
            elif op is c.ATOMIC_GROUP:
                found += requirements(av)
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
                found += requirements(av[2])
            elif op is c.BRANCH:
                alternatives: list[str] = []
                for branch in av[1]:
                    inner = requirements(branch)
                    if not inner:
                        break  # a branch without a literal: the alternation requires none
                    alternatives += max(inner, key=lambda alts: min(map(len, alts)))
                else:
                    found.append(tuple(dict.fromkeys(alternatives)))
        if run and worth(run):
            found.append((run,))
        return found

    return tuple(dict.fromkeys(requirements(list(sre_parse.parse(regex, re.IGNORECASE)))))


def all_present(requires: tuple[tuple[str, ...], ...], lowered: str, start: int = 0,
                end: int | None = None) -> bool:
    """Each requirement has one of its literals inside ``lowered[start:end]``."""
    end = len(lowered) if end is None else end
    for alternatives in requires:
        for literal in alternatives:
            if lowered.find(literal, start, end) >= 0:
                break
        else:
            return False
    return True
