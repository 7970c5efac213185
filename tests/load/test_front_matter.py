"""A Markdown front matter's keys: markup that prose rules and language ID skip."""
from __future__ import annotations

from checker.core import Document
from checker.load.front_matter import key_spans

FRONT = ("---\n"
         "title: Pourquoi continuer ?\n"
         "link: https://example.org/a:b\n"
         "tags:\n"
         "  - name: guerre\n"
         "    lieu : Kyiv\n"
         "---\n"
         "\n"
         "note: this line is the article's text.\n")


def _keys(text: str, fmt: str = "markdown") -> list[str]:
    return [text[a:b] for a, b in key_spans(Document(path="a.md", text=text, format=fmt))]


def test_each_key_with_its_colon_and_the_space_after_it():
    assert _keys(FRONT) == ["title: ", "link: ", "tags:", "  - name: ", "    lieu : "]


def test_only_a_closed_block_at_the_top_of_a_markdown_text():
    assert _keys(FRONT.replace("---\n\n", "\n\n")) == []  # never closed
    assert _keys("\n" + FRONT) == []  # not at the top
    assert _keys(FRONT, fmt="text") == []
    assert _keys(FRONT, fmt="html") == []
    assert _keys("") == []
