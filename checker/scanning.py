"""Helpers that let regular expressions scan a text quickly (claims, lexicon, names).

Python's ``re`` tries a pattern that opens with a look-behind at every position
of a text, and an alternation of words one word after the other; a pattern that
opens with literal characters or a character class is only tried where one of
them stands, found by a quick scan. So a one-character look-behind is written
after the pattern's first character (``not_after``) and word lists are written
as a trie (``word_alternation``): the matches are the same.
"""
from __future__ import annotations

import re


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
