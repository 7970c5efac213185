"""Rule files validated once: what a later run reads back instead (checker.rules.validated).

A record answers only for the same text of the same file under the same
mtcheck; a broken file is never recorded; a corrupt record or an unwritable
cache folder only costs the run its time.
"""
from __future__ import annotations

import pytest

from checker import rules
from checker.rules import RuleBook, RuleDataError, substitution

GOOD = ("kind: substitution\npair: fr-en\nentries:\n"
        "  - {id: x, source: s, match: 'high fire', fix: ceasefire, message: m,"
        " severity: error, category: calque, example: 'a high fire'}\n")
BROKEN = GOOD.replace("'high fire'", "'high (fire'")


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("MTCHECK_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def lexicon(*dirs) -> substitution.Lexicon:
    return RuleBook.load(dirs).parsed(substitution.KIND, substitution.parse)


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


def test_a_changed_file_is_validated_again(tmp_path):
    user = tmp_path / "user"
    user.mkdir()
    calques = user / "calques-mine.yaml"
    calques.write_text(GOOD, encoding="utf-8")
    assert "fr-en/x" in {e.id for e in lexicon(user).entries}
    calques.write_text(BROKEN, encoding="utf-8")
    with pytest.raises(RuleDataError, match=r"calques-mine.yaml, entry x: bad pattern"):
        lexicon(user)


def test_a_broken_file_is_refused_at_every_run(tmp_path):
    user = tmp_path / "user"
    user.mkdir()
    (user / "calques-bad.yaml").write_text(BROKEN, encoding="utf-8")
    for _ in range(2):
        with pytest.raises(RuleDataError, match=r"calques-bad.yaml, entry x: bad pattern"):
            lexicon(user)


@pytest.mark.parametrize("content", ["", "{not json", '{"key": 1}', "[]",
                                     '{"key": "%s", "value": [{"id": 3}]}'])
def test_a_corrupt_record_is_a_miss(own_cache, content):
    book = RuleBook.load()
    expected = book.parsed(substitution.KIND, substitution.parse)
    for record in records(own_cache):  # a record of each stage, of each file
        key = record.read_text(encoding="utf-8").split('"key":"')[1][:64]
        record.write_text(content.replace("%s", key), encoding="utf-8")
    again = RuleBook.load()
    assert again.files == book.files
    assert again.parsed(substitution.KIND, substitution.parse).entries == expected.entries


def test_an_unwritable_cache_is_skipped(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("MTCHECK_CACHE", str(blocker))
    assert len(lexicon().entries) >= 300


def test_records_of_another_mtcheck_are_not_used(own_cache, monkeypatch):
    import checker.cache

    lexicon()
    before = {p: p.read_bytes() for p in records(own_cache)}
    monkeypatch.setattr(checker.cache, "code_version", lambda: "another mtcheck")
    parsed = []
    validate = substitution._validated_entries
    monkeypatch.setattr(substitution, "_validated_entries",
                        lambda rule_file: parsed.append(rule_file.path) or validate(rule_file))
    lexicon()
    assert len(parsed) == len(RuleBook.load().of_kind(substitution.KIND))
    assert all(p.read_bytes() != before[p] for p in records(own_cache))  # replaced, not added
    assert sorted(before) == records(own_cache)


def test_boilerplate_rules_read_back_find_what_validated_ones_find(own_cache):
    from checker.core import Document
    from checker.detectors.base import CheckContext
    from checker.detectors.debris import Debris
    from checker.rules import existence

    def findings(book: RuleBook, text: str) -> list:
        detector, ctx = Debris(), CheckContext(rulebook=book)
        detector.prepare(ctx)
        doc = Document(path="x.txt", text=text, language="fr")
        return [(f.start, f.end, f.message) for f in detector.check(doc, ctx)]

    validated = RuleBook.load()  # no record yet: validated
    recalled = RuleBook.load()
    assert recalled.parsed(existence.KIND, existence.parse) == validated.parsed(
        existence.KIND, existence.parse)
    lines = [e["example"] for f in validated.of_kind(existence.KIND) for e in f.entries]
    text = "Un article.\n" + "\n".join(lines) + "\nLa fin.\n"
    assert findings(recalled, text) == findings(validated, text)
    assert len(findings(recalled, text)) >= len(lines) / 2
