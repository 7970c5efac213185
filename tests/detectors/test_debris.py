"""BP-debris's rule data (kind ``existence``): validated on load, extensible by users.

The fixtures (fixtures/BP-debris.yaml) test what the packaged data finds; these
tests check that a broken file is refused before any document is checked, with
a message naming the file, the entry and the problem, and that a user's own
file adds entries.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from checker.core import Document
from checker.detectors import CheckContext
from checker.detectors.debris import Debris
from checker.pipeline import PipelineError, RunOptions, check_document, run
from checker.rules import RuleBook, RuleDataError, existence


def _write(tmp_path: Path, body: str) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / "house.yaml").write_text(body, encoding="utf-8")
    return folder


def _parse_user_file(tmp_path: Path, body: str):
    folder = _write(tmp_path, body)
    book = RuleBook.load([folder])
    return book.parsed(existence.KIND, existence.parse)


@pytest.mark.parametrize("entry, problem", [
    ('{id: x, patterns: ["(unclosed"], message: m, example: "(unclosed"}',
     "is not a valid regular expression"),
    ('{id: x, patterns: ["Imprimer"], message: m, example: "Bonjour"}',
     "does not fire on its example"),
    ('{id: x, patterns: ["Imprimer"], message: m, example: "Imprimer", clean: "Imprimer"}',
     "fires on its clean example"),
    ('{id: x, patterns: ["Imprimer"], message: m, example: "Imprimer", scope: page}',
     "'scope' must be one of"),
    ('{id: x, patterns: ["Imprimer"], message: m, example: "Imprimer", langs: [fr]}',
     "unknown field(s) ['langs']"),
    ('{id: x, patterns: ["Imprimer"], message: m, example: "Imprimer", languages: [french]}',
     "ISO 639-1"),
    ('{id: x, patterns: ["(?P<w>Imprimer)"], message: m, example: "Imprimer"}',
     "named groups and back-references are not allowed"),
    ('{id: x, patterns: ["a*"], message: m, example: "a"}', "matches the empty string"),
    ('{id: x, message: m, example: "Imprimer"}', "missing field(s) ['patterns']"),
])
def test_a_broken_entry_is_refused_with_file_entry_and_problem(tmp_path, entry, problem):
    with pytest.raises(RuleDataError) as caught:
        _parse_user_file(tmp_path, f"kind: existence\nentries:\n  - {entry}\n")
    message = str(caught.value)
    assert "house.yaml" in message and "entry x" in message and problem in message


def test_duplicate_ids_across_files_are_refused(tmp_path):
    body = ('kind: existence\nentries:\n  - {id: blogger-comment-buttons-fr, '
            'patterns: ["Imprimer"], message: m, example: "Imprimer"}\n')
    with pytest.raises(RuleDataError, match="duplicate id"):
        _parse_user_file(tmp_path, body)


def test_the_run_fails_before_any_document_on_bad_data(tmp_path):
    folder = _write(tmp_path, 'kind: existence\nentries:\n  - {id: x, patterns: ["("], '
                              'message: m, example: "("}\n')
    doc = tmp_path / "a.txt"
    doc.write_text("Le texte.\n", encoding="utf-8")
    with pytest.raises(PipelineError, match="house.yaml, entry x"):
        run([str(doc)], RunOptions(rule_dirs=(folder,), use_lm=False, enable=("BP-debris",)))


def test_a_user_file_adds_debris_patterns_for_its_language(tmp_path):
    folder = _write(tmp_path, """kind: existence
entries:
  - id: print-button
    languages: [fr]
    patterns: ["Imprimer cet article"]
    message: "a print button copied with the page"
    example: "Imprimer cet article"
""")
    ctx = CheckContext(rulebook=RuleBook.load([folder]))
    detector = Debris()
    detector.prepare(ctx)
    text = "Le président a parlé.\nImprimer cet article\nIl a ajouté une phrase.\n"
    result = check_document(Document("a.txt", text), [detector], ctx, [], language="fr")
    assert [(f.text, f.suggestion, f.message) for f in result.findings] == [
        ("Imprimer cet article", "", "a print button copied with the page")]
    # The same line in an English document: the entry is for French only.
    result = check_document(Document("a.txt", text), [detector], ctx, [], language="en")
    assert result.findings == ()


def test_every_packaged_entry_is_valid_and_has_a_message():
    rules = RuleBook.load().parsed(existence.KIND, existence.parse)
    ids = {r.id for r in rules}
    assert {"blogger-comment-buttons-fr", "empty-markdown-image", "advert-slot-fr"} <= ids
    assert all(r.rule == "BP-debris" and r.message for r in rules)
