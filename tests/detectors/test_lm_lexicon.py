"""LM-fluency's lexicon candidates: fixes of the rule lexicons' entries the text nearly matches.

The unit tests use a small lexicon written here, so they do not move when the real
lexicons grow; the detector path runs a tiny randomly initialised Gemma 3 built here;
the last test runs the real model on a sentence of its own (not from seeds/).
"""
from __future__ import annotations

import pytest

from checker.core import Document, Finding, Severity
from checker.detectors.base import CheckContext
from checker.detectors.lm import WORD, LanguageModelFluency, Span, words_of
from checker.detectors.lm_lexicon import LexiconIndex, _changed_blocks, stem
from checker.rules import RuleBook, read_rule_file, substitution

LEXICON = r"""kind: substitution
pair: fr-en
entries:
  - id: ceasefire-obtain-fire
    source: obtenir un cessez-le-feu
    match: '{v:obtain} (?P<d>a|the) fire'
    fix: '{v:obtain} \g<d> ceasefire'
    message: "a fire obtained is a ceasefire"
    severity: error
    category: mistranslation
    example: "They want to obtain a fire."
  - id: morale-of-troops
    source: le moral des troupes
    match: 'moral(?= of (?:the )?(?:troops|population)\b)'
    fix: 'morale'
    message: "the spirit of troops is their morale"
    severity: error
    category: mistranslation
    example: "Nothing breaks the moral of the troops."
  - id: stand-firm-camp
    source: camper sur ses positions
    match: '{v:camp} on (?:{POSS} |the )?positions?'
    fix: '{v:stand} firm'
    message: "nobody is camping"
    severity: warning
    category: calque
    example: "Moscow camps on its positions."
  - id: miss-occasion
    source: perdre l'occasion
    match: '{v:lose} (?P<d>the|a unique) occasion'
    fix: '{v:miss} \g<d> opportunity'
    message: "an occasion is missed"
    severity: warning
    category: calque
    example: "Europe lost a unique occasion."
  - id: no-fix
    source: quelque chose
    match: 'fire brigade of the troops'
    message: "no fix: never a candidate"
    severity: info
    category: calque
    example: "The fire brigade of the troops came."
"""


@pytest.fixture(scope="module")
def rulebook(tmp_path_factory) -> RuleBook:
    path = tmp_path_factory.mktemp("rules") / "calques-fr-en.yaml"
    path.write_text(LEXICON, encoding="utf-8")
    return RuleBook((read_rule_file(path),))


@pytest.fixture(scope="module")
def index(rulebook) -> LexiconIndex:
    lexicon = rulebook.parsed(substitution.KIND, substitution.parse)
    return LexiconIndex(lexicon.by_target["en"], "en")


def near(index: LexiconIndex, text: str, span: str, limit: int = 5):
    """The index's edits for ``span`` (whole words of ``text``), applied to the text."""
    offsets = [(m.start(), m.end()) for m in WORD.finditer(text)]
    first = next(i for i, (a, _) in enumerate(offsets) if a == text.index(span))
    last = first + len(WORD.findall(span)) - 1
    edits = index.near(text, offsets, first, last, end=len(text), limit=limit)
    return [(text[e.start:e.end], e.replacement, e.entry.split("/")[1], e.changes,
             text[:e.start] + e.replacement + text[e.end:]) for e in edits]


# -- the pieces -------------------------------------------------------------------------
@pytest.mark.parametrize("match, fix, blocks", [
    ("obtain a fire", "obtain a ceasefire", [(9, 13, "ceasefire")]),
    ("lost a unique occasion", "missed a unique opportunity", [(0, 4, "missed"), (14, 22, "opportunity")]),
    ("camped on their positions", "stood firm", [(0, 25, "stood firm")]),
    ("moral", "Morale", [(0, 5, "Morale")]),
    ("a b", "a x b", [(2, 3, "x b")]),  # an inserted word is anchored on the next one
    ("a x b", "a b", [(2, 5, "b")]),
    ("the fire", "The fire", []),  # only the case differs: nothing to fix
])
def test_changed_blocks_keep_the_words_the_fix_keeps(match, fix, blocks):
    assert _changed_blocks(match, fix) == blocks


@pytest.mark.parametrize("pattern, words", [
    ("(?:the )?high fire(?! (?:risk|season))", {"the", "high", "fire", "risk", "season"}),
    ("(?P<v>rais(?:e|es|ed)) moral", {"moral"}),  # "rais", "e", "es" are pieces, not words
    (r"all in(?= \w+ing\b)", {"all", "in"}),
    ("flight defen[cs]e", {"flight"}),
    ("(?:ceasefire|truce)s? talks?", {"ceasefire", "truce", "talk", "talks"}),  # not "s"
    (r"boost\w* positions?", {"boost", "position", "positions"}),
])
def test_pattern_words_are_whole_words(pattern, words):
    from checker.detectors.lm_lexicon import pattern_words

    assert pattern_words(pattern) == words


def test_stems_join_inflections_only():
    assert stem("camped") == stem("camping") == stem("camps") == "camp"
    assert stem("fire") == stem("fires") == stem("fired")
    assert stem("positions") == stem("position")
    assert stem("moral") == stem("morale")
    assert stem("troops") != stem("tropical")


def test_index_keeps_entries_with_a_fix_keyed_by_content_words(index):
    assert [e.id for e in index.entries] == ["fr-en/ceasefire-obtain-fire", "fr-en/morale-of-troops",
                                            "fr-en/stand-firm-camp", "fr-en/miss-occasion"]
    vocab = dict(zip([e.id.split("/")[1] for e in index.entries], index.vocab))
    # every form of a slot, no regex syntax (group names, \b)
    assert vocab["ceasefire-obtain-fire"] == ("a", "fire", "obtain", "obtained", "obtaining", "obtains", "the")
    assert vocab["morale-of-troops"] == ("moral", "of", "population", "the", "troops")  # lookahead words too
    assert index.entries_near(["the", "of", "a"]) == []  # function words say nothing
    assert index.entries_near(["Fires"]) == [0]
    assert index.entries_near(["camping"]) == [2]


# -- near matches ---------------------------------------------------------------------------
def test_an_exact_match_costs_nothing(index):
    assert near(index, "They hope to obtain a fire soon.", "fire") == [
        ("fire", "ceasefire", "ceasefire-obtain-fire", 0.0, "They hope to obtain a ceasefire soon.")]


def test_another_verb_before_the_calque_is_a_changed_context_word(index):
    assert near(index, "They hope to secure a fire soon.", "fire") == [
        ("fire", "ceasefire", "ceasefire-obtain-fire", 1.0, "They hope to secure a ceasefire soon.")]


def test_one_word_too_many_inside_the_match_is_deleted_with_the_calque(index):
    assert near(index, "Both sides camped stubbornly on their positions all week.", "camped") == [
        ("camped stubbornly on their positions", "stood firm", "stand-firm-camp", 1.0,
         "Both sides stood firm all week.")]


def test_one_word_too_many_in_the_lookahead_context_stays(index):
    assert near(index, "The moral of the weary troops is low.", "moral") == [
        ("moral", "morale", "morale-of-troops", 1.0, "The morale of the weary troops is low.")]


def test_a_changed_word_between_two_rewritten_ones_is_the_texts_own(index):
    assert near(index, "Europe lost a golden occasion to act.", "occasion") == [
        ("lost a golden occasion", "missed a golden opportunity", "miss-occasion", 1.0,
         "Europe missed a golden opportunity to act.")]


def test_inflected_forms_and_capitals_follow_the_text(index):
    # a form the slot lists: an exact match, the fix in the same form
    assert near(index, "Moscow camping on its position, Kyiv waits.", "camping") == [
        ("camping on its position", "standing firm", "stand-firm-camp", 0.0,
         "Moscow standing firm, Kyiv waits.")]
    assert near(index, "Moral of the troops is low.", "Moral") == [
        ("Moral", "Morale", "morale-of-troops", 0.0, "Morale of the troops is low.")]
    # a form the entry does not list, sharing its stem: half an edit
    assert near(index, "The morals of the troops are low.", "morals") == [
        ("morals", "morale", "morale-of-troops", 0.5, "The morale of the troops are low.")]


def test_the_fix_never_rewrites_a_word_the_text_does_not_have(index):
    # "fight" -> "fire" would match, but the fix then rewrites that very word
    assert near(index, "They hope to obtain a fight soon.", "fight") == []
    # two changes are too many
    assert near(index, "They hope to secure one fire soon.", "fire") == []


def test_the_edit_must_touch_the_span_or_a_word_next_to_it(index):
    text = "They hope to obtain a fire today, and the talks continue."
    assert [e[0] for e in near(index, text, "today")] == ["fire"]
    assert near(index, text, "and") == []  # "fire" is tried (two words away) but not next to it


def test_every_real_entry_finds_its_own_fix_on_its_own_example():
    """On each example of the real lexicons, the near-match path proposes (as an exact
    match) what the rule itself would: the edits are right for every kind of pattern the
    lexicons use. Not compared: entries made only of function words ("all in"), which
    the index cannot find, and punctuation a fix adds (the edit rewrites words)."""
    from checker.detectors.lm_lexicon import _is_content

    lexicon = RuleBook.load().parsed(substitution.KIND, substitution.parse)

    def words(s):
        return " ".join(WORD.findall(s.lower()))

    missed, tried = [], 0
    for language in ("en", "fr"):
        index = LexiconIndex(lexicon.by_target[language], language)
        for entry, vocab in zip(index.entries, index.vocab):
            if not any(_is_content(w, language) for w in vocab):
                continue
            for example in entry.examples:
                m = entry.pattern.search(example)
                want = example[:m.start()] + entry.suggestion(m) + example[m.end():]
                offsets = [(w.start(), w.end()) for w in WORD.finditer(example)]
                inside = [i for i, (a, b) in enumerate(offsets) if a < m.end() and m.start() < b]
                got = [example[:e.start] + e.replacement + example[e.end:]
                       for e in index.near(example, offsets, inside[0], inside[-1], end=len(example),
                                           limit=100) if e.changes == 0]
                tried += 1
                if words(want) not in map(words, got):
                    missed.append((entry.id, example, got))
    assert tried > 250 and not missed, missed


# -- the detector's candidates, with a tiny randomly initialised model ------------------------
pytest.importorskip("torch")
pytest.importorskip("transformers")

TINY_WORDS = "they hope to obtain secure a fire ceasefire soon the moral morale of weary troops is low .".split()


@pytest.fixture(scope="module")
def tiny_scorer():
    from checker.models.scoring import Scorer
    from tests.models.conftest import build_model, build_tokenizer

    return Scorer(build_model(seed=3), build_tokenizer(TINY_WORDS), checksum="tiny-lexicon",
                  vocab_chunk=32)


def flagged(text: str, span_text: str):
    """The analysed document, its words (one sentence) and a Span over ``span_text``."""
    from checker.pipeline import analyse

    doc = analyse(Document(path="t.txt", text=text), "en")
    words = words_of(text)
    for w in words:
        w.sentence = 0
    first = next(i for i, w in enumerate(words) if w.start == text.index(span_text))
    last = first + len(WORD.findall(span_text)) - 1
    start, end = words[first].start, words[last].end
    finding = Finding(rule="LM-fluency", category="fluency", severity=Severity.INFO, start=start,
                      end=end, text=text[start:end], message="unusual wording", detector="lm")
    return doc, words, Span(first, last, 9.0, 2.0), finding


def test_candidates_put_the_lexicon_fixes_first(tiny_scorer, rulebook):
    det = LanguageModelFluency()
    ctx = CheckContext(rulebook=rulebook)
    index = det.lexicon_index(ctx, "en")
    assert det.lexicon_index(ctx, "en") is index  # built once per run and language
    assert det.lexicon_index(CheckContext(rulebook=rulebook, options={"lm_no_lexicon": True}), "en") is None
    text = "they hope to secure a fire soon ."
    doc, words, span, f = flagged(text, "fire")
    cands = det.candidates(doc, f, span, words, 0, "en", tiny_scorer, lexicon=index)
    fire = text.index("fire")
    assert [c for c in cands if c[3] == "lexicon"] == [(fire, fire + 4, "ceasefire", "lexicon")]
    assert cands[0] == (fire, fire + 4, "ceasefire", "lexicon")
    assert {c[3] for c in cands} >= {"lexicon", "swap"}
    # without the index the same span has no lexicon candidate
    assert all(c[3] != "lexicon" for c in det.candidates(doc, f, span, words, 0, "en", tiny_scorer))

    text = "the moral of the weary troops is low ."
    doc, words, span, f = flagged(text, "moral")
    cands = det.candidates(doc, f, span, words, 0, "en", tiny_scorer, lexicon=index)
    assert [c for c in cands if c[3] == "lexicon"] == [(4, 9, "morale", "lexicon")]


@pytest.mark.parametrize("bonus, offered", [(6.0, True), (3.0, False)])
def test_the_lexicon_fix_is_offered_only_when_the_model_clearly_prefers_it(
        tiny_scorer, rulebook, monkeypatch, bonus, offered):
    """The model's log-probability decides (the scorer is steered here): the fix is offered
    when it gains the suggest margin over the text, not otherwise."""
    from checker.models.scoring import Scorer

    det = LanguageModelFluency()
    index = det.lexicon_index(CheckContext(rulebook=rulebook), "en")
    seen = []

    def logprob(self, texts, contexts=None):
        seen.extend(texts)
        return [bonus if "ceasefire" in t else 0.0 for t in texts]

    monkeypatch.setattr(Scorer, "logprob", logprob)
    text = "they hope to secure a fire soon ."
    doc, words, span, f = flagged(text, "fire")
    out = det.with_suggestion(doc, f, span, words, 0, {"suggest_margin": 4.0}, "en", tiny_scorer,
                              lexicon=index)
    assert seen[0] == "to secure a fire soon ."  # the window runs to the sentence's end
    assert "to secure a ceasefire soon ." in seen
    if offered:
        assert (out.text, out.suggestion) == ("fire", "ceasefire")
    else:
        assert out.suggestion is None


def test_a_broken_lexicon_loses_the_candidates_not_the_finding(tiny_scorer, monkeypatch):
    det = LanguageModelFluency()

    def broken(*args, **kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr(LexiconIndex, "near", broken)
    text = "they hope to secure a fire soon ."
    doc, words, span, f = flagged(text, "fire")
    index = LexiconIndex((), "en")
    out = det.with_suggestion(doc, f, span, words, 0, {"suggest_margin": 1e9}, "en", tiny_scorer,
                              lexicon=index)
    assert out == f


# -- the real model ---------------------------------------------------------------------------
@pytest.mark.model
def test_real_model_offers_the_lexicon_fix_for_a_near_miss():
    """'the moral of the exhausted troops': the rule needs 'of (the) troops' right after
    'moral', so it stays silent; the model flags 'moral', and of the candidates it finds
    the lexicon's 'morale' clearly the most likely (its own favourite is 'purpose')."""
    from checker.pipeline import analyse

    class Recording(LanguageModelFluency):
        def __init__(self):
            super().__init__()
            self.kinds = {}

        def _apply(self, doc, f, best):
            if best:
                self.kinds[(f.start, f.end)] = best["kind"]
            return super()._apply(doc, f, best)

    text = "The moral of the exhausted troops remains low, a commander admitted."
    rulebook = RuleBook.load()
    lexicon = rulebook.parsed(substitution.KIND, substitution.parse)
    assert not list(lexicon.find(text, "en"))  # no rule fires on it
    doc = analyse(Document(path="t.txt", text=text), "en")
    det = Recording()
    findings = list(det.check(doc, CheckContext(rulebook=rulebook, options={"lm_no_cache": True})))
    moral = [f for f in findings if f.start <= text.index("moral") < f.end]
    assert len(moral) == 1, findings
    f = moral[0]
    assert text[:f.start] + f.suggestion + text[f.end:] == text.replace("moral", "morale", 1)
    assert det.kinds[(f.start, f.end)] == "lexicon"

    # without the lexicon the model offers something else
    plain = Recording()
    findings = list(plain.check(doc, CheckContext(rulebook=rulebook, options={"lm_no_cache": True,
                                                                                "lm_no_lexicon": True})))
    fixed = text.replace("moral", "morale", 1)
    assert all(text[:f.start] + f.suggestion + text[f.end:] != fixed
               for f in findings if f.suggestion is not None)
