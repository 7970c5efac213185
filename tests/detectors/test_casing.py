"""CS-lowercase-proper-noun: ordinary words that are sometimes capitalised.

A fairly common word written in lower case at least as often as with a
capital is an ordinary word (a demonym adjective, a unit, a compass point),
not a name that lost its capital; a rare name in lower case still fires.
"""
from __future__ import annotations

from checker.core import Document
from checker.detectors import CheckContext
from checker.detectors.casing import LowercaseProperNoun
from checker.pipeline import check_document


def _found(text: str, lang: str):
    result = check_document(Document("a.txt", text), [LowercaseProperNoun()], CheckContext(), [],
                            language=lang)
    return [f.text for f in result.findings]


def test_french_demonym_adjectives_are_not_lowercased_names():
    text = ("Les soldats ukrainiens avancent. Selon les Ukrainiens, les blindés ukrainiens "
            "tiennent, et les drones ukrainiens aussi.")
    assert _found(text, "fr") == []


def test_a_named_unit_does_not_make_the_common_noun_a_name():
    text = ("Des combattants de la 100e Brigade ont attaqué. La brigade a perdu des hommes ; "
            "une autre brigade est arrivée.")
    assert _found(text, "fr") == []


def test_a_rare_name_in_lower_case_still_fires_even_when_frequent():
    text = ("Weapons were sent to Kyiv. The kyiv region was hit, kyiv again, and kyiv once more, "
            "while Kyiv asked for help.")
    assert _found(text, "en") == ["kyiv", "kyiv", "kyiv"]
