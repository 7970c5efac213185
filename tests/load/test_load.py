"""Discovery and decoding: what becomes a Document and what becomes an error."""
from __future__ import annotations

import codecs
import os

import pytest

from checker.core import LoadError
from checker.load import Source, decode, discover, read_document
from checker.load.html import html_to_text


def test_utf8_bom_is_removed_and_nothing_else_changes():
    assert decode(codecs.BOM_UTF8 + "Kyiv\r\n« oui »\n".encode()) == "Kyiv\r\n« oui »\n"


def test_utf16_with_bom_is_decoded():
    assert decode(codecs.BOM_UTF16_LE + "Zelensky a dit".encode("utf-16-le")) == "Zelensky a dit"


@pytest.mark.parametrize("data, message", [
    (b"caf\xe9 noir", "not valid UTF-8: byte 0xe9 at offset 3 (line 1)"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data, not text (NUL bytes)"),
])
def test_undecodable_bytes_give_a_message(data, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        decode(data)


def test_discovery_is_sorted_recursive_and_filtered(tmp_path):
    for name in ["b.txt", "a.md", "sub/c.html", "sub/d.pdf", ".hidden/e.txt", "sub/deeper/f.txt"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    found = [s.display for s in discover([str(tmp_path)])]
    root = str(tmp_path)
    assert found == [f"{root}/a.md", f"{root}/b.txt", f"{root}/sub/c.html",
                     f"{root}/sub/deeper/f.txt"]


def test_symlink_loops_are_cut(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("x")
    os.symlink(tmp_path, tmp_path / "a" / "loop")
    found = [s.display for s in discover([str(tmp_path)])]
    assert found == [f"{tmp_path}/a/x.txt"]


def test_a_missing_path_is_an_error_not_an_exception(tmp_path):
    (result,) = list(discover([str(tmp_path / "nope.txt")]))
    assert result == LoadError(str(tmp_path / "nope.txt"), "no such file or directory")


def test_html_is_reduced_to_visible_text_with_its_date(tmp_path):
    page = tmp_path / "a.html"
    page.write_text(
        "<html><head><title>Kyiv under fire</title>"
        "<meta property='article:published_time' content='2025-07-10T08:00:00Z'>"
        "<script>var x = '<p>not text</p>';</script></head>"
        "<body><p>Russia launched <b>728</b> drones.</p><p>Kyiv &amp; Lviv were hit.<p>Broken",
        encoding="utf-8")
    doc = read_document(Source("a.html", page))
    assert doc.text == "Kyiv under fire\nRussia launched 728 drones.\nKyiv & Lviv were hit.\nBroken"
    assert doc.date == "2025-07-10"
    assert doc.format == "html"


def test_html_text_offsets_are_the_reported_offsets():
    text, _ = html_to_text("<p>The <i>mid -May</i> talks</p>")
    assert text == "The mid -May talks"
    assert text[4:12] == "mid -May"


def test_empty_file_is_an_empty_document(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    doc = read_document(Source("empty.txt", path))
    assert doc.text == ""
