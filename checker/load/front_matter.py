"""A Markdown article's front matter: the YAML block between two ``---`` lines
at its top (Jekyll, Hugo, most newsroom static sites).

Its keys (``title:``, ``date:``, ``tags:``) are markup, not prose: no language
is read from them and no typography rule applies to them ("title:" is not a
French word glued to its colon). Their values, the title and the summary, are
the article's own words and are checked like the rest of it.
"""
from __future__ import annotations

import re

from checker.core import Document

_BLOCK = re.compile(r"\A---[ \t]*\n(?:.*\n)*?---[ \t]*$", re.M)
# "title: ", "  - name: ": a key (after any indentation or list dash) and its colon
_KEY = re.compile(r"^[ \t]*(?:-[ \t]+)?[A-Za-z_][\w-]*[ \t]*:(?=[ \t]|$)[ \t]*", re.M)


def key_spans(doc: Document) -> list[tuple[int, int]]:
    """(start, end) of each front-matter key with its colon and the spaces after
    it, in order; none outside Markdown or without a closed block."""
    if doc.format != "markdown":
        return []
    block = _BLOCK.match(doc.text)
    if not block:
        return []
    return [(m.start(), m.end()) for m in _KEY.finditer(doc.text, 0, block.end())]
