"""The gazetteer kind: validation, size, and what is foreign in each language."""
from __future__ import annotations

from pathlib import Path

import pytest

from checker.rules import RuleBook, RuleDataError, RuleFile, gazetteer
from checker.rules.gazetteer import parse


def rule_file(entries) -> RuleFile:
    return RuleFile(Path("test-gazetteer.yaml"), "gazetteer", {"kind": "gazetteer"}, tuple(entries))


@pytest.fixture(scope="module")
def gaz():
    return RuleBook.load().parsed(gazetteer.KIND, parse)


@pytest.mark.parametrize("raw, problem", [
    ({"id": "kursk", "type": "town", "all": "Kursk"}, "unknown type"),
    ({"id": "kursk", "type": "place"}, "no spelling"),
    ({"id": "kursk", "type": "place", "all": "Kursk", "wrong": {"french": ["Koursk"]}}, "origin"),
    ({"id": "kursk", "type": "place", "all": "Kursk", "except": ["(unclosed"]}, "bad 'except'"),
    ({"id": "kursk", "type": "place", "all": "Kursk", "minority": ["xx"]}, "'minority'"),
    ({"id": "kursk", "type": "place", "all": "Kursk", "capital": True}, "unknown field"),
    ({"id": "kursk", "type": "place", "en": []}, "non-empty list"),
])
def test_a_broken_entity_is_refused(raw, problem):
    with pytest.raises(RuleDataError) as err:
        parse([rule_file([raw])])
    assert "test-gazetteer.yaml" in str(err.value) and problem in str(err.value)
    assert err.value.entry == "kursk"


def test_duplicate_ids_are_refused():
    raw = {"id": "kursk", "type": "place", "all": "Kursk"}
    with pytest.raises(RuleDataError, match="duplicate id"):
        parse([rule_file([raw, raw])])


def test_gazetteer_size_and_languages(gaz):
    assert len(gaz.entities) >= 300
    for lang in ("en", "fr", "de"):
        assert sum(1 for e in gaz.entities if e.accepted.get(lang)) >= 300


def test_french_exonyms_are_right_in_french_and_foreign_in_english(gaz):
    english = gaz.foreign("en")
    french = gaz.foreign("fr")
    assert english["Koursk"].entity.id == "kursk" and english["Koursk"].origin == "fr"
    assert "Koursk" not in french and "Soumy" not in french
    assert french["Zelenskyj"].origin == "de" and french["Zelenskyj"].entity.preferred("fr") == "Zelensky"
    assert french["Kursk"].entity.preferred("fr") == "Koursk"
    # Both forms are accepted where the press uses both.
    assert "Kiev" not in english and "Kyiv" not in french and "Kharkov" not in french
    assert english["Kharkov"].origin == "ru/en"


def test_a_spelling_accepted_for_another_entity_is_never_foreign(gaz):
    english = gaz.foreign("en")
    accepted = {s for e in gaz.entities for s in e.accepted.get("en", ())}
    assert not accepted & set(english)


def test_find_foreign_spans_and_what_may_not_stand_before_a_name(gaz):
    text = "In Krivoy\u00a0Rog and Koursk, not #Koursk, @Koursk, x-Koursk or Kourskaya."
    found = [(m.start(), m.end(), m.group(0), f.entity.id) for m, f in gaz.find_foreign(text, "en")]
    # a no-break space inside a name matches its plain space; the longest spelling wins
    assert found == [(18, 24, "Koursk", "kursk"), (3, 13, "Krivoy\u00a0Rog", "kryvyi-rih")]
