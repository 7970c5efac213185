"""The parts of a Markdown article that are markup, not prose.

* A front matter: the YAML block between two ``---`` lines at the top
  (Jekyll, Hugo, most newsroom static sites). Its keys (``title:``,
  ``date:``) are markup: no language is read from them and no rule applies to
  them ("title:" is not a French word glued to its colon). Their values, the
  title and the summary, are the article's own words and are checked.
* Code: fenced blocks (``` or ~~~, closed by the same fence) and inline
  code spans (`ERR_42`). "curl -s" in a code block is a command, not a
  spaced hyphen. A fence never closed is taken for text: a stray ``` copied
  from a page must not hide the rest of the article from every rule.
"""
from __future__ import annotations

import re

from checker.core import Document

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?:.*\n)*?---[ \t]*$", re.M)
# "title: ", "  - name: ": a key (after any indentation or list dash) and its colon
_KEY = re.compile(r"^[ \t]*(?:-[ \t]+)?[A-Za-z_][\w-]*[ \t]*:(?=[ \t]|$)[ \t]*", re.M)
# a line opening or closing a fenced block; one closes a block when it is of the
# opening's character, at least as long, and has nothing after it
_FENCE_LINE = re.compile(r"^[ \t]{0,3}(?P<fence>`{3,}|~{3,})(?P<info>[^\n]*)$", re.M)
# a run of backticks, then the code, then the same run (CommonMark's code span)
_INLINE = re.compile(r"(?<!`)(?P<ticks>`+)(?!`)[^\n]*?(?<!`)(?P=ticks)(?!`)")


_DATE = re.compile(r"^date:[ \t]*['\"]?(\d{4}-\d{2}-\d{2})", re.M)


def front_matter_end(text: str) -> int:
    """Where the front matter (its closing ``---``) ends; 0 without a closed one."""
    block = _FRONT_MATTER.match(text)
    return block.end() if block else 0


def front_matter_date(text: str) -> str | None:
    """The ISO date of the front matter's ``date:`` key (its day, of a time too)."""
    match = _DATE.search(text, 0, front_matter_end(text))
    return match.group(1) if match else None


def front_matter_keys(doc: Document) -> list[tuple[int, int]]:
    """(start, end) of each front-matter key with its colon and the spaces after
    it, in order; none outside Markdown or without a closed block."""
    if doc.format != "markdown":
        return []
    end = front_matter_end(doc.text)
    return [(m.start(), m.end()) for m in _KEY.finditer(doc.text, 0, end)] if end else []


def code_spans(doc: Document) -> list[tuple[int, int]]:
    """(start, end) of each fenced code block and inline code span, in order."""
    text = doc.text
    if doc.format != "markdown" or ("`" not in text and "~~~" not in text):
        return []
    blocks = _fenced_blocks(text)
    spans, pos = list(blocks), 0
    for start, end in blocks + [(len(text), len(text))]:  # inline code between the blocks
        spans.extend((m.start(), m.end()) for m in _INLINE.finditer(text, pos, start))
        pos = end
    return sorted(spans)


def _fenced_blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each closed fenced block, in one pass over its fence lines."""
    blocks: list[tuple[int, int]] = []
    opening: re.Match | None = None
    for line in _FENCE_LINE.finditer(text):
        fence = line.group("fence")
        if opening is None:
            opening = line
        elif (fence[0] == opening.group("fence")[0] and len(fence) >= len(opening.group("fence"))
              and not line.group("info").strip()):
            blocks.append((opening.start(), line.end()))
            opening = None
    return blocks


def markup_spans(doc: Document) -> list[tuple[int, int]]:
    """Front-matter keys and code, in order and disjoint (a fenced block inside
    a front matter holds keys: one span): where no rule's finding belongs."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(front_matter_keys(doc) + code_spans(doc)):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
