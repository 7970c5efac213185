"""Rule files validated once: what a later run reads back instead (checker.rules.validated).

A record answers only for the same text of the same file under the same
mtcheck; a broken file is never recorded; a corrupt record or an unwritable
cache folder only costs the run its time.
"""
from __future__ import annotations

import pytest

from checker import rules
from checker.rules import RuleBook


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("MTCHECK_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def records(cache) -> list:
    return sorted((cache / "rules").glob("*.json"))


def test_rule_files_read_back_are_the_files_the_yaml_parser_reads(own_cache, monkeypatch):
    first = RuleBook.load()
    assert len(records(own_cache)) == len(first.files)

    def no_yaml(*args):
        raise AssertionError("parsed the YAML again")

    monkeypatch.setattr(rules, "_parse_rule_file", no_yaml)
    again = RuleBook.load()
    assert again.files == first.files
    assert [f.digest for f in again.files] == [f.digest for f in first.files]


def test_a_corrupt_record_is_a_miss(own_cache):
    expected = RuleBook.load().files
    for record in records(own_cache):
        record.write_text("{not json", encoding="utf-8")
    assert RuleBook.load().files == expected


def test_an_unwritable_cache_is_skipped(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("MTCHECK_CACHE", str(blocker))
    assert len(RuleBook.load().files) >= 10
