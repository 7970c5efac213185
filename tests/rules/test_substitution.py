"""The substitution kind: validation on load, the pattern syntax, and every
lexicon entry run on its own examples."""
from __future__ import annotations

from pathlib import Path

import pytest

from checker.core import Severity
from checker.rules import RuleBook, RuleDataError, RuleFile
from checker.rules import substitution
from checker.rules.substitution import english_verb_forms, parse, parse_file

DATA = Path(substitution.__file__).parent / "data"


def rule_file(entries, **header) -> RuleFile:
    header = {"kind": "substitution", "pair": "fr-en", **header}
    return RuleFile(Path("test-calques.yaml"), "substitution", header, tuple(entries))


def entry(**overrides) -> dict:
    base = {"id": "ceasefire-high-fire", "source": "cessez-le-feu",
            "match": "(?P<d>{DET} )?high fire", "fix": "\\g<d>ceasefire",
            "message": "a ceasefire is meant", "severity": "error",
            "category": "mistranslation", "example": "They reject the idea of a high fire."}
    base.update(overrides)
    return {k: v for k, v in base.items() if v is not None or k == "fix"}


_BOOK = None


def _book() -> RuleBook:
    global _BOOK
    if _BOOK is None:
        _BOOK = RuleBook.load()
    return _BOOK


@pytest.fixture(scope="module")
def lexicon():
    return _book().parsed(substitution.KIND, parse)


# --- validation: each problem names the file, the entry and the problem ---

@pytest.mark.parametrize("overrides, problem", [
    ({"match": "high (fire"}, "bad pattern"),
    ({"message": None}, "missing field 'message'"),
    ({"severity": "fatal"}, "unknown severity 'fatal'"),
    ({"category": "style"}, "unknown category 'style'"),
    ({"example": "They reject the idea of a truce."}, "does not match its own example"),
    ({"clean": "A high fire was burning."}, "matches its clean example"),
    ({"fix": "{v:buy} ceasefire"}, "inflection slot"),
    ({"fix": "\\g<x>ceasefire"}, "does not define"),
    ({"match": "{WEAPON} fire"}, "unknown macro"),
    ({"colour": "red"}, "unknown field"),
    ({"confidence": 3}, "'confidence' must be"),
    ({"id": "High Fire"}, "'id' must be"),
])
def test_a_broken_entry_is_refused_with_file_entry_and_problem(overrides, problem):
    with pytest.raises(RuleDataError) as err:
        parse_file(rule_file([entry(**overrides)]))
    message = str(err.value)
    assert "test-calques.yaml" in message and problem in message
    assert err.value.entry in ("ceasefire-high-fire", "High Fire")


def test_bad_pair_and_duplicate_ids_are_refused():
    with pytest.raises(RuleDataError, match="'pair'"):
        parse_file(rule_file([entry()], pair="french-english"))
    with pytest.raises(RuleDataError, match="same language twice"):
        parse_file(rule_file([entry()], pair="en-en"))
    with pytest.raises(RuleDataError, match="duplicate id"):
        parse([rule_file([entry()]), rule_file([entry()])])


def test_the_pipeline_refuses_a_broken_user_lexicon_before_any_document(tmp_path):
    from checker.pipeline import PipelineError, RunOptions, run

    (tmp_path / "calques-bad.yaml").write_text(
        "kind: substitution\npair: fr-en\nentries:\n"
        "  - {id: x, source: s, match: 'a (b', fix: null, message: m, severity: error,"
        " category: calque, example: 'a b'}\n", encoding="utf-8")
    doc = tmp_path / "doc.txt"
    doc.write_text("A text.", encoding="utf-8")
    with pytest.raises(PipelineError, match=r"calques-bad.yaml, entry x: bad pattern"):
        run([str(doc)], RunOptions(use_lm=False, rule_dirs=(tmp_path,)))


# --- the pattern syntax ---

def test_english_verb_forms():
    assert english_verb_forms("save") == ["save", "saves", "saved", "saving", "saved"]
    assert english_verb_forms("buy") == ["buy", "buys", "bought", "buying", "bought"]
    assert english_verb_forms("camp") == ["camp", "camps", "camped", "camping", "camped"]
    assert english_verb_forms("stop") == ["stop", "stops", "stopped", "stopping", "stopped"]


def test_slots_carry_the_inflection_into_the_fix():
    [e] = parse_file(rule_file([entry(id="buy-time", match="{v:save} time", fix="{v:buy} time",
                                      severity="warning", category="calque",
                                      example="They were saving time.")]))
    m = e.pattern.search("Moscow saved time, and keeps saving time.")
    assert (m.group(0), e.suggestion(m)) == ("saved time", "bought time")
    m = e.pattern.search("Saving time is all it wants.")
    assert e.suggestion(m) == "Buying time"  # a capital stays a capital


def test_apostrophes_quotes_and_spaces_are_tolerant():
    [e] = parse_file(rule_file([entry(id="x", match="l'art \"moderne\" ici", fix=None,
                                      example="l'art \"moderne\" ici")], pair="en-fr"))
    assert e.pattern.search("c'est l’art “moderne”  ici")
    assert not e.pattern.search("c'est l’artillerie")


def test_matches_start_and_end_on_word_boundaries(lexicon):
    assert not list(lexicon.find("The thigh fire-resistant suit.", "en"))
    found = [(e.id, m.group(0)) for e, m in lexicon.find("the idea of a high fire.", "en")]
    assert found == [("fr-en/ceasefire-high-fire", "a high fire")]


# --- the shipped lexicons ---

def test_lexicons_cover_at_least_300_entries_over_five_pairs(lexicon):
    pairs = lexicon.pairs()
    assert sum(pairs.values()) >= 300
    assert len([p for p, n in pairs.items() if n >= 15]) >= 5
    assert {"fr-en", "en-fr", "de-fr", "de-en", "ru-en", "ru-fr", "es-en", "it-en"} <= set(pairs)


def test_every_entry_has_a_message_severity_and_category(lexicon):
    for e in lexicon.entries:
        assert e.message and e.source and e.examples, e.id
        assert e.severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        assert e.category in ("calque", "mistranslation")


def _examples(kind):
    for e in _book().parsed(substitution.KIND, parse).entries:
        for text in (e.examples if kind == "example" else e.cleans):
            yield pytest.param(e.id, text, id=f"{e.id}:{kind}")


@pytest.mark.parametrize("entry_id, text", list(_examples("example")))
def test_every_entry_fires_on_its_example_through_the_detector(entry_id, text, lexicon):
    """The whole path: prefilter keys, the target language, the overlap choice."""
    from checker.core import Document
    from checker.detectors.calque import Calque
    from checker.detectors.base import CheckContext
    from checker.pipeline import check_document

    entry = next(e for e in lexicon.entries if e.id == entry_id)
    ctx = CheckContext(rulebook=_book())
    detector = Calque()
    detector.lexicon = lexicon
    result = check_document(Document(path="x.txt", text=text), [detector], ctx, [],
                            language=entry.target_language)
    m = entry.pattern.search(text)
    spans = [(f.start, f.end) for f in result.findings]
    assert any(s < m.end() and m.start() < e for s, e in spans), (entry_id, text, spans)


@pytest.mark.parametrize("entry_id, text", list(_examples("clean")))
def test_no_entry_of_its_language_fires_on_a_clean_example(entry_id, text, lexicon):
    entry = next(e for e in lexicon.entries if e.id == entry_id)
    hits = [(e.id, m.group(0)) for e, m in lexicon.find(text, entry.target_language)]
    assert hits == []


def test_suggestions_of_the_seed_calques(lexicon):
    cases = {
        "The two leaders asked to obtain a fire.": ("obtain a fire", "obtain a ceasefire"),
        "Moscow, like Kyiv, camp in his positions.": ("camp in his positions", "stand firm"),
        "General Pellistrandi, however, cancels this news.": ("cancels", "downplays"),
        "said the American Institute of War Study (ISW).": (
            "American Institute of War Study", "Institute for the Study of War"),
    }
    for text, (span, fix) in cases.items():
        [(e, m)] = list(lexicon.find(text, "en"))
        assert (m.group(0), e.suggestion(m)) == (span, fix)


# --- fast paths: they find what the plain code finds ---

def _texts(lexicon) -> list[str]:
    """Example and clean sentences, alone, run together, and with their case or
    their letters changed where re's case folding and str.lower() part ways."""
    import random

    sentences = [t for e in lexicon.entries for t in e.examples + e.cleans]
    rng = random.Random(11)
    texts = list(sentences)
    for _ in range(300):
        text = " ".join(rng.sample(sentences, 5))
        texts += [text, text.upper(), text.title(), text.replace("i", "ı").replace("s", "ſ"),
                  "İstanbul. " + text.replace("I", "İ")]
    return texts


def test_required_literals_skip_only_windows_without_a_match(lexicon):
    """Lexicon.find with its requirement test finds what scanning every window finds."""
    plain = substitution.Lexicon(lexicon.entries, lexicon.by_target)
    for language, entries in plain.by_target.items():
        substitution._key_index(plain, language).requires = [()] * len(entries)
    for text in _texts(lexicon):
        for language in lexicon.by_target:
            fast = [(e.id, m.span()) for e, m in lexicon.find(text, language)]
            assert fast == [(e.id, m.span()) for e, m in plain.find(text, language)], text



def test_a_lexicon_read_back_from_its_validation_record_finds_what_a_validated_one_finds(
        tmp_path, monkeypatch, lexicon):
    """A later run reads the entries from the record of their validation
    (checker.rules.validated) and compiles a pattern only when a text holds its
    keys: the same entries, and the same matches."""
    from checker.scanning import compiled

    monkeypatch.setenv("MTCHECK_CACHE", str(tmp_path))
    validated = RuleBook.load().parsed(substitution.KIND, parse)  # no record yet: validated
    compiled.cache_clear()
    recalled = RuleBook.load().parsed(substitution.KIND, parse)
    assert compiled.cache_info().currsize == 0  # nothing compiled at load
    assert recalled.entries == validated.entries  # the same keys, literals, forms, ...
    list(recalled.find("Moscow keeps saving time in the talks.", "en"))
    assert 0 < compiled.cache_info().currsize < len(recalled.entries) / 4
    for text in _texts(lexicon):
        for language in lexicon.by_target:
            found = [(e.id, m.span()) for e, m in recalled.find(text, language)]
            assert found == [(e.id, m.span()) for e, m in validated.find(text, language)], text


def test_every_example_match_holds_the_literals_its_entry_requires(lexicon):
    from checker.scanning import all_present, required_literals

    for e in lexicon.entries:
        requires = required_literals(e.pattern.pattern)
        for example in e.examples:
            assert all_present(requires, substitution.normalise(e.pattern.search(example).group(0))), e.id
