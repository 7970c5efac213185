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


def test_find_foreign_lists_the_words_every_text_word_list_would(gaz):
    """Listing only the capitalised words (and testing the few other first words
    by substring) finds what intersecting all the text's words finds."""
    import random
    import re

    def plain(text, language):
        index = gaz._first_word_index(language)
        for word in sorted(set(re.findall(r"[^\W\d_]+", text)) & index.keys()):
            for m in gazetteer._alternation(index[word]).finditer(text):
                yield m.span(), gaz.foreign(language)[gazetteer._SPACES.sub(" ", m.group(0))]

    rng = random.Random(5)
    for language in gazetteer.LANGUAGES:
        spellings = sorted(gaz.foreign(language))
        lower = [s for s in spellings if not s[0].isupper()]  # "mer Noire", "al-Sharaa"
        pieces = spellings[:150] + lower + [" ", "\u00a0", "-", "x", "é", "la ", "Mer", "mer", "al-", "'"]
        for _ in range(40):
            text = "".join(rng.choice(pieces) for _ in range(120))
            fast = [(m.span(), f) for m, f in gaz.find_foreign(text, language)]
            assert fast == list(plain(text, language)), text
