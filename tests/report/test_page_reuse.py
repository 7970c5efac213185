"""Document pages already on disk with the same key are not rendered again.

A second run over an unchanged archive (from the cache or checked anew) leaves
every document page as it is; a page is written again when anything it is
rendered from changes: its article, the gate's state, the page itself.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.cli import main

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("MTCHECK_CACHE", str(tmp_path / "cache"))


def run(folder: Path, out: Path, *extra: str) -> int:
    return main([str(folder), "--no-lm", "--quiet", "--out", str(out), *extra])


def stamps(out: Path) -> dict[str, tuple[int, int]]:
    """page name -> (inode, modification time): a rewritten page gets a new inode."""
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in (out / "docs").iterdir()}


def test_a_second_run_over_the_same_articles_renders_no_document_page(tmp_path, capsys):
    articles = tmp_path / "articles"
    shutil.copytree(SEEDS, articles)
    out = tmp_path / "out"
    assert run(articles, out) == 1
    first, index = stamps(out), (out / "index.html").stat().st_ino
    report = (out / "report.json").read_bytes()
    assert len(first) == 5

    assert run(articles, out) == 1  # results from the cache
    assert stamps(out) == first
    assert run(articles, out, "--no-cache") == 1  # checked anew: the same results
    assert stamps(out) == first
    assert (out / "report.json").read_bytes() == report
    assert (out / "index.html").stat().st_ino != index  # the summary pages are always written

    page = next((out / "docs").iterdir()).read_text(encoding="utf-8")
    assert '<meta name="mtcheck-page-key" content="' in page
    # nothing on a document page depends on how many other documents there are
    assert "document(s)" not in page and "5 document(s)" in (out / "index.html").read_text()
    capsys.readouterr()


def write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def test_an_edited_article_gets_its_page_rendered_again_and_the_others_do_not(tmp_path, capsys):
    articles, out = tmp_path / "articles", tmp_path / "out"
    write(articles, "a.txt", "The talks in Istanbul in mid -May ended without an agreement.\n")
    write(articles, "b.txt", "The prime minister met the president in London on Thursday.\n")
    run(articles, out)
    first = stamps(out)
    write(articles, "a.txt", "The talks in Geneva in mid -June ended without an agreement.\n")
    run(articles, out)
    second = stamps(out)
    assert second["b.txt.html"] == first["b.txt.html"]
    assert second["a.txt.html"] != first["a.txt.html"]
    assert "Geneva" in (out / "docs" / "a.txt.html").read_text(encoding="utf-8")
    capsys.readouterr()


def test_a_missing_or_altered_page_and_a_new_gate_state_are_rendered_again(tmp_path, capsys):
    articles, out = tmp_path / "articles", tmp_path / "out"
    write(articles, "a.txt", "The talks in Istanbul in mid -May ended without an agreement.\n")
    write(articles, "b.txt", "The prime minister met the president in London on Thursday.\n")
    run(articles, out)
    a, b = out / "docs" / "a.txt.html", out / "docs" / "b.txt.html"
    a.unlink()
    # a key is hexadecimal: "x" can only be the one written here, whatever the real key is
    b.write_text(b.read_text(encoding="utf-8").replace('page-key" content="', 'page-key" content="x'),
                 encoding="utf-8")
    altered = stamps(out)["b.txt.html"]
    run(articles, out)
    assert a.exists() and stamps(out)["b.txt.html"] != altered
    assert 'page-key" content="x' not in b.read_text(encoding="utf-8")

    # the gate's state shows on every page: a new state renders them all
    kept = stamps(out)
    run(articles, out, "--fail-on", "never")
    assert all(stamps(out)[name] != stamp for name, stamp in kept.items())
    assert "Gate: Report only" in a.read_text(encoding="utf-8")
    capsys.readouterr()


def test_pages_written_by_worker_processes_are_kept_as_well(tmp_path, capsys):
    articles, out = tmp_path / "articles", tmp_path / "out"
    for i in range(70):  # above the count from which workers write the pages
        write(articles, f"a{i:02d}.txt", f"Article {i}: the talks in Istanbul in mid -May ended.\n")
    run(articles, out, "--jobs", "2")
    first = stamps(out)
    write(articles, "a07.txt", "Article 7: the talks in Geneva ended.\n")
    run(articles, out, "--jobs", "2")
    second = stamps(out)
    assert len(second) == 70
    assert {name for name in first if second[name] != first[name]} == {"a07.txt.html"}
    capsys.readouterr()
