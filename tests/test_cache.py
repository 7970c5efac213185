"""The per-document result cache: unchanged articles do no detector work."""
from __future__ import annotations

import json

import pytest

from checker import detectors
from checker.cache import ResultCache, cache_dir
from checker.cli import main
from checker.core import Document, Severity
from checker.detectors.base import Detector

TEXT = ("The talks in Istanbul in mid -May ended without an agreement.\n"
        "Both leaders asked for more pressure on Moscow to obtain a ceasefire.\n")
CALLS: list[str] = []
PREPARED: list[str] = []


class Spy(Detector):
    """Counts its calls.

    ## What it flags
    Nothing. ## Why it matters
    Tests. ## Example
    None. ## Fix
    None.
    """

    id = "ZZ-spy"
    category = "typo"
    severity = Severity.INFO

    def prepare(self, ctx):
        PREPARED.append(self.id)

    def check(self, doc, ctx):
        CALLS.append(doc.path)
        return [self.finding(doc, 0, 3, "spy")]


@pytest.fixture
def spy(monkeypatch, tmp_path):
    monkeypatch.setenv("MTCHECK_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(detectors, "REGISTRY", (*detectors.REGISTRY, Spy))
    CALLS.clear()
    PREPARED.clear()
    return CALLS


def _articles(tmp_path, n=3):
    folder = tmp_path / "articles"
    folder.mkdir(exist_ok=True)
    for i in range(n):
        (folder / f"a{i}.txt").write_text(f"Article {i}.\n{TEXT}", encoding="utf-8")
    return folder


def _run(folder, tmp_path, *extra):
    code = main([str(folder), "--no-lm", "--quiet", "--out", str(tmp_path / "out"), *extra])
    return code, json.loads((tmp_path / "out" / "report.json").read_text())


def test_second_run_does_no_detector_work_and_gives_the_same_report(spy, tmp_path, capsys):
    folder = _articles(tmp_path)
    _, first = _run(folder, tmp_path)
    assert len(spy) == 3
    _, second = _run(folder, tmp_path)
    assert len(spy) == 3  # every document came from the cache
    assert first == second
    assert any((tmp_path / "cache" / "results").rglob("*.json"))
    capsys.readouterr()


def test_a_run_answered_by_the_cache_loads_no_rule_data_yet_a_broken_rule_file_stops_it(
        spy, tmp_path, capsys):
    folder = _articles(tmp_path)
    _run(folder, tmp_path)
    assert PREPARED == ["ZZ-spy"]
    _run(folder, tmp_path)
    assert PREPARED == ["ZZ-spy"]  # every document from the cache: no rule data loaded
    # a rule file is part of the cache key: with a broken one nothing is cached,
    # so the rule data is loaded, and the run stops before checking anything
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "broken.yaml").write_text('kind: substitution\npair: fr-en\nrule: MT-calque\n'
                                       'entries:\n  - {pattern: "(unclosed"}\n', encoding="utf-8")
    code = main([str(folder), "--no-lm", "--quiet", "--out", str(tmp_path / "out"),
                 "--rules", str(rules)])
    assert code == 2
    assert "rule data: " in capsys.readouterr().err and len(spy) == 3


def test_in_one_process_each_file_is_read_once(spy, tmp_path, monkeypatch, capsys):
    from checker import pipeline

    folder = _articles(tmp_path)
    reads: list[str] = []

    def counted(source, *args):
        reads.append(source.display)
        return read_bytes(source, *args)

    read_bytes = pipeline.read_bytes
    monkeypatch.setattr(pipeline, "read_bytes", counted)
    _run(folder, tmp_path)  # checked, cached
    _run(folder, tmp_path)  # from the cache
    assert len(reads) == 6 and len(set(reads)) == 3
    capsys.readouterr()


def test_a_changed_document_or_setting_is_checked_again(spy, tmp_path, capsys):
    folder = _articles(tmp_path)
    _run(folder, tmp_path)
    (folder / "a1.txt").write_text("Changed.\n" + TEXT, encoding="utf-8")
    _run(folder, tmp_path)
    assert spy[3:] == [str(folder / "a1.txt")]
    _run(folder, tmp_path, "--ignore", "CS-")  # other rules: other results
    assert len(spy) == 7
    _run(folder, tmp_path, "--no-cache")
    assert len(spy) == 10
    capsys.readouterr()


def test_same_text_under_another_path_keeps_its_own_path_and_claim_ids(spy, tmp_path, capsys):
    folder = _articles(tmp_path, 1)
    _, first = _run(folder, tmp_path)
    copy = tmp_path / "copy"
    copy.mkdir()
    (copy / "other.txt").write_text((folder / "a0.txt").read_text(), encoding="utf-8")
    _, second = _run(copy, tmp_path)
    assert len(spy) == 1
    doc = second["documents"][0]
    assert doc["path"].endswith("other.txt")
    assert all(c["id"].startswith("other.txt#") for c in doc["claims"])
    capsys.readouterr()


def test_corrupt_entries_are_misses_and_an_unwritable_cache_is_a_notice(tmp_path, monkeypatch):
    monkeypatch.setenv("MTCHECK_CACHE", str(tmp_path / "c"))
    assert cache_dir() == tmp_path / "c"
    cache = ResultCache({"x": 1})
    doc = Document("a.txt", "text")
    key = cache.key(doc.text.encode(), doc.format)
    path = cache._path(key)
    path.parent.mkdir(parents=True)
    path.write_text("{broken")
    assert cache.get(key, doc) is None
    (tmp_path / "file").write_text("")
    blocked = ResultCache({"x": 1}, tmp_path / "file")
    from checker.core import DocumentResult
    blocked.put(key, DocumentResult(doc), [])
    assert blocked.broken and "not written" in blocked.broken
