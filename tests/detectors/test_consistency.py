"""CS-name-variant and CS-pronoun-gender beyond their fixtures: the names data
(kind ``names``) is validated on load, and the variant rule's building blocks."""
from __future__ import annotations

from pathlib import Path

import pytest

from checker.core import Document
from checker.detectors import CheckContext
from checker.detectors.consistency import NameVariant, PronounGender, edit_distance
from checker.pipeline import check_document
from checker.rules import RuleBook, RuleDataError, names


def _book(tmp_path: Path, body: str) -> RuleBook:
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / "people.yaml").write_text(body, encoding="utf-8")
    return RuleBook.load([folder])


@pytest.mark.parametrize("body, problem", [
    ("kind: names\nentries:\n  - {gender: female, names: [Carole]}\n  - {gender: male, "
     "names: [Carole]}\n", "'Carole' is listed as male here and as female"),
    ("kind: names\nentries:\n  - {gender: woman, names: [Ada]}\n", "'gender' must be one of"),
    ("kind: names\nentries:\n  - {gender: female, names: [ada]}\n",
     "'ada' is not a capitalised first name"),
    ("kind: names\nentries:\n  - {gender: female, names: []}\n", "'names' must be a non-empty"),
    ("kind: names\nentries:\n  - {gender: female, names: [Ada], sex: f}\n", "unknown field(s)"),
])
def test_bad_names_data_is_refused_naming_file_and_entry(tmp_path, body, problem):
    with pytest.raises(RuleDataError) as caught:
        _book(tmp_path, body).parsed(names.KIND, names.parse)
    assert "people.yaml" in str(caught.value) and problem in str(caught.value)


def test_a_user_name_conflicting_with_the_package_is_refused(tmp_path):
    book = _book(tmp_path, "kind: names\nentries:\n  - {gender: male, names: [Carole]}\n")
    with pytest.raises(RuleDataError, match="leave ambiguous names out"):
        book.parsed(names.KIND, names.parse)


def test_packaged_names_mark_gender_and_leave_ambiguous_names_out():
    first_names = RuleBook.load().parsed(names.KIND, names.parse)
    assert len(first_names) > 300
    assert first_names.gender("Carole") == "female"
    assert first_names.gender("Jérôme") == "male"
    assert first_names.gender("Olena") == "female"
    for ambiguous in ("Camille", "Dominique", "Claude", "Andrea", "Sasha"):
        assert first_names.gender(ambiguous) is None


def test_a_user_names_file_teaches_the_pronoun_rule_a_new_name(tmp_path):
    text = "« La ligne tient », a déclaré Xóchitl Gálvez. « Nous résistons », a-t-il ajouté."
    doc = Document("a.txt", text)
    silent_ctx = CheckContext(rulebook=RuleBook.load())
    detector = PronounGender()
    detector.prepare(silent_ctx)
    assert check_document(doc, [detector], silent_ctx, [], language="fr").findings == ()
    ctx = CheckContext(rulebook=_book(tmp_path, "kind: names\nentries:\n"
                                                "  - {gender: female, names: [Xóchitl]}\n"))
    detector = PronounGender()
    detector.prepare(ctx)
    found = check_document(doc, [detector], ctx, [], language="fr").findings
    assert [(f.text, f.suggestion) for f in found] == [("a-t-il ajouté", "a-t-elle ajouté")]


def test_edit_distance_stops_early_past_its_limit():
    assert edit_distance("maroshnykov", "myroshnykov", 2) == 1
    assert edit_distance("bagatyr", "bogatyr", 2) == 1
    assert edit_distance("kazan", "kazakh", 2) == 2
    assert edit_distance("novooleksandrivka", "novomykolaivka", 2) == 3  # limit + 1


def _variants(text: str, lang: str = "en"):
    ctx = CheckContext(rulebook=RuleBook.load())
    result = check_document(Document("a.txt", text), [NameVariant()], ctx, [], language=lang)
    return [(f.text, f.start, f.suggestion) for f in result.findings]


def test_every_occurrence_of_the_minority_spelling_is_flagged():
    text = ("Myroshnykov wrote first. Then Maroshnykov replied, and Myroshnykov again. "
            "Analysts quoted Maroshnykov, not Myroshnykov.")
    assert _variants(text) == [("Maroshnykov", text.index("Maroshnykov"), "Myroshnykov"),
                               ("Maroshnykov", text.rindex("Maroshnykov"), "Myroshnykov")]


def test_a_tie_flags_the_spelling_met_first():
    text = "The analyst Maroshnykov spoke. Later the analyst Myroshnykov wrote."
    assert _variants(text) == [("Maroshnykov", 12, "Myroshnykov")]
