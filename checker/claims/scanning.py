"""Helpers that let the claims' regular expressions scan a text quickly.

Python's ``re`` tries a pattern that opens with a look-behind at every position
of a text, and an alternation of words one word after the other. A pattern that
opens with literal characters is only tried where one of them stands, found by a
quick scan. So the word lists are written as a trie (``word_alternation``) and a
one-character look-behind is tested outside the pattern (``finditer_not_after``):
the matches are the same.
"""
from __future__ import annotations

import re


def word_alternation(words) -> str:
    """A pattern matching what ``"|".join(re.escape(w) for w in longest first)``
    matches, written as a trie ("jan(?:uary)?|ju(?:ly|ne)"): at a position only one
    branch can follow the text, and a longer word is tried before a shorter one."""
    tree: dict = {}
    for word in words:
        if not word:
            raise ValueError("an empty word matches everywhere")
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(tree)


def finditer_not_after(rx: re.Pattern, before: re.Pattern, text: str, start: int = 0, end: int | None = None):
    """The matches of ``(?<!before)rx`` in text[start:end], as ``finditer`` gives them,
    where ``before`` matches one character."""
    end = len(text) if end is None else end
    pos = start
    while (m := rx.search(text, pos, end)) is not None:
        p = m.start()
        if p and before.match(text, p - 1):
            pos = p + 1  # the look-behind fails here; the next position may match
        else:
            yield m
            pos = m.end()
