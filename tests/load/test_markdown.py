"""The markup of a Markdown article (front-matter keys, code) that language ID
and the rules leave alone."""
from __future__ import annotations

from checker.core import Document
from checker.load.markdown import code_spans, front_matter_date, front_matter_keys, markup_spans

FRONT = ("---\n"
         "title: Pourquoi continuer ?\n"
         "link: https://example.org/a:b\n"
         "tags:\n"
         "  - name: guerre\n"
         "    lieu : Kyiv\n"
         "---\n"
         "\n"
         "note: this line is the article's text.\n")


def _doc(text: str, fmt: str = "markdown") -> Document:
    return Document(path="a.md", text=text, format=fmt)


def _texts(text: str, spans) -> list[str]:
    return [text[a:b] for a, b in spans]


def test_each_key_with_its_colon_and_the_space_after_it():
    assert _texts(FRONT, front_matter_keys(_doc(FRONT))) == [
        "title: ", "link: ", "tags:", "  - name: ", "    lieu : "]


def test_only_a_closed_block_at_the_top_of_a_markdown_text():
    assert front_matter_keys(_doc(FRONT.replace("---\n\n", "\n\n"))) == []  # never closed
    assert front_matter_keys(_doc("\n" + FRONT)) == []  # not at the top
    assert front_matter_keys(_doc(FRONT, fmt="text")) == []
    assert front_matter_keys(_doc(FRONT, fmt="html")) == []
    assert front_matter_keys(_doc("")) == []


CODE = ("Run `ls -l` and ``a `tick` here`` now.\n"
        "```bash\n"
        "curl -s `x`\n"
        "```\n"
        "~~~~\n"
        "~~~\n"
        "~~~~\n"
        "Then ``` alone, and a `lone tick.\n")


def test_fenced_blocks_and_inline_code():
    assert _texts(CODE, code_spans(_doc(CODE))) == [
        "`ls -l`", "``a `tick` here``", "```bash\ncurl -s `x`\n```", "~~~~\n~~~\n~~~~"]


def test_a_fence_never_closed_is_text():
    text = "```\nTalks resume in mid -May.\n"
    assert code_spans(_doc(text)) == []
    assert code_spans(_doc(CODE, fmt="text")) == []


def test_markup_spans_are_keys_and_code_in_order():
    text = "---\ntitle: `x`\n---\n\n`y`\n"
    assert _texts(text, markup_spans(_doc(text))) == ["title: ", "`x`", "`y`"]


def test_markup_spans_are_disjoint():
    text = "---\n```\nkey: v\n```\n---\n"
    assert _texts(text, markup_spans(_doc(text))) == ["```\nkey: v\n```"]


def test_the_date_is_read_from_the_front_matter_only():
    assert front_matter_date("---\ntitle: x\ndate: '2025-07-10T08:00'\n---\nText.") == "2025-07-10"
    assert front_matter_date("---\ntitle: x\n---\ndate: 2025-07-10\n") is None  # the body's
    assert front_matter_date("---\ntitle: x\ndate: 2025-07-10\n") is None  # never closed
    assert front_matter_date("Text.\ndate: 2025-07-10\n") is None
