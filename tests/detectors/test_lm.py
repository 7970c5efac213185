"""LM-fluency: word merging, span merging, normalisation, unavailability, and the real model."""
from __future__ import annotations

import numpy as np
import pytest

from checker.core import Document
from checker.detectors.base import CheckContext, rule_doc
from checker.detectors.lm import (LanguageModelFluency, Word, assign_tokens, confidence,
                                  merge_spans, words_of)
from checker.models import ModelUnavailable

TH = {"word": 6.0, "pair": 8.0, "neighbour": 3.0}


def scored(scores, sentences=None):
    words = [Word(i * 10, i * 10 + 5, f"w{i}", score=s) for i, s in enumerate(scores)]
    for i, w in enumerate(words):
        w.sentence = sentences[i] if sentences else 0
    return words


def test_rule_doc_has_every_section():
    doc = rule_doc(LanguageModelFluency)
    assert doc.id == "LM-fluency" and doc.category == "fluency" and doc.detector == "lm"
    assert doc.severity == "info"
    assert doc.summary.startswith("Flags wording a language model finds")


def test_sub_word_tokens_are_summed_into_words():
    text = "the shameless territory."
    words = words_of(text)
    assert [w.text for w in words] == ["the", "shameless", "territory"]
    # tokens: "the", " sham", "eless", " territory", "." (offsets include the leading space)
    starts = np.array([0, 3, 8, 13, 23])
    ends = np.array([3, 8, 13, 23, 24])
    sur = np.array([1.0, 4.0, 2.5, 3.0, 0.5], dtype=np.float32)
    assign_tokens(words, starts, ends, sur, text)
    assert [w.raw for w in words] == [1.0, 6.5, 3.0]  # "." belongs to no word


def test_one_strong_word_is_one_span():
    spans = merge_spans(scored([0.0, 7.0, 1.0, 0.0]), TH)
    assert [(s.first, s.last) for s in spans] == [(1, 1)]
    assert spans[0].margin == pytest.approx(1.0)


def test_two_moderate_neighbours_flag_as_a_pair():
    spans = merge_spans(scored([0.0, 4.5, 4.0, 0.0]), TH)  # 8.5 >= pair, both >= neighbour
    assert [(s.first, s.last) for s in spans] == [(1, 2)]
    assert merge_spans(scored([0.0, 5.5, 2.5, 0.0]), TH) == []  # 2.5 < neighbour


def test_adjacent_flags_merge_and_grow_over_suspicious_neighbours():
    spans = merge_spans(scored([0.0, 3.5, 7.0, 0.5, 6.5, 0.0]), TH)
    # 7.0 and 6.5 one ordinary word apart join; 3.5 (>= neighbour) joins on the left
    assert [(s.first, s.last) for s in spans] == [(1, 4)]


def test_spans_never_cross_a_sentence_boundary():
    spans = merge_spans(scored([7.0, 7.0], sentences=[0, 1]), TH)
    assert [(s.first, s.last) for s in spans] == [(0, 0), (1, 1)]
    assert merge_spans(scored([4.5, 4.0], sentences=[0, 1]), TH) == []


def test_rare_but_correct_words_are_forgiven_and_names_discounted():
    th = {"rarity_weight": 0.6, "name_discount": 0.35, "repeat_discount": 0.5, "initial_discount": 0.5}
    freq = {"oliveraies": 1e-7, "le": 0.02}.get
    norm = LanguageModelFluency.normalise
    rare = Word(0, 10, "oliveraies", raw=16.0)
    assert norm(rare, "fr", th, {}, lambda w, l: freq(w, 0)) == pytest.approx(16.0 - 0.6 * 16.118, abs=1e-3)
    name = Word(0, 6, "Okafor", raw=15.0)  # capitalised inside a sentence, seen twice
    assert norm(name, "en", th, {"okafor": 2, "Okafor": 2}, lambda w, l: 1e-7) == pytest.approx(
        (15.0 - 0.6 * 16.118) * 0.35 * 0.5, abs=1e-3)
    # a capitalised word no word list knows is a name the model cannot judge either
    assert norm(Word(0, 9, "Ridkodoub", raw=30.0), "fr", th, {}, lambda w, l: 0.0) == 0.0
    # ...but an unknown lower-case word is still scored
    assert norm(Word(0, 5, "froce", raw=30.0), "fr", th, {}, lambda w, l: 0.0) > 0
    assert norm(Word(0, 3, "155", raw=9.0), "en", th, {}, lambda w, l: 0.0) == 0.0
    first = Word(0, 3, "Late", raw=12.0, initial=True)
    assert norm(first, "en", th, {}, lambda w, l: 1e-4) == pytest.approx((12.0 - 0.6 * 9.2103) * 0.5, abs=1e-3)


def test_confidence_grows_with_the_margin():
    assert confidence(0.0) == 0.5
    assert 0.5 < confidence(1.0) < confidence(5.0) < 0.95


def test_no_lm_option_raises_model_unavailable():
    doc = Document(path="a.txt", text="Some text.")
    with pytest.raises(ModelUnavailable, match="--no-lm"):
        list(LanguageModelFluency().check(doc, CheckContext(options={"no_lm": True})))


def test_model_not_installed_raises_model_unavailable(tmp_path, monkeypatch):
    path = tmp_path / "models.yaml"
    path.write_text("models:\n  lm: {package: no-such-model-package, sha256: '" + "1" * 64 + "'}\n")
    monkeypatch.setenv("MTCHECK_MODELS", str(path))
    monkeypatch.setenv("MTCHECK_CACHE", str(tmp_path / "cache"))
    doc = Document(path="a.txt", text="Some text.")
    with pytest.raises(ModelUnavailable, match="not installed or not prepared") as info:
        list(LanguageModelFluency().check(doc, CheckContext()))
    assert "mtcheck models prepare lm" in str(info.value)


def _doc(text: str, language: str = "en") -> Document:
    from checker.pipeline import analyse

    return analyse(Document(path="t.txt", text=text), language)


@pytest.mark.model
def test_real_model_scores_word_order_and_flags_a_garbled_phrase():
    """The real Gemma 3 270M, prepared into the cache if needed."""
    from checker.models.scoring import scorer_for

    scorer = scorer_for("lm", prepare_if_needed=True, use_cache=False)
    good, bad = scorer.logprob(["The cat sat on the mat.", "The mat sat on the cat cat."])
    assert good > bad + 5.0
    # a fluent sentence: every word is predictable enough, and "Paris" is cheap after "capital of France is"
    s = scorer.score(["The capital of France is Paris."])[0]
    assert [s.text[a:b].strip() for a, b in zip(s.starts, s.ends)] == \
        ["The", "capital", "of", "France", "is", "Paris", "."]
    assert s.surprisal[5] < 3.0  # Paris

    text = ("Russia has launched hundreds of drones at Ukrainian cities this month. "
            "Its offensive continues by attacking the entire shameless territory, a general said.")
    doc = _doc(text)
    findings = list(LanguageModelFluency().check(doc, CheckContext(options={"lm_no_suggest": True})))
    spans = [f.text for f in findings]
    assert any("shameless" in s for s in spans), spans
    assert all(doc.text[f.start:f.end] == f.text for f in findings)
    assert all(0.5 <= f.confidence <= 0.95 and f.detector == "lm" for f in findings)

    clean = _doc("The council approved the budget on Wednesday after a long debate. "
                 "The plan raises property taxes by 2.5 percent, the first increase in six years.")
    assert list(LanguageModelFluency().check(clean, CheckContext(options={"lm_no_suggest": True}))) == []


@pytest.mark.parametrize("text, word, expected", [
    ("voir https://www.barrons.com/news?refsec=topics_afp-news ici", "refsec", True),
    ("Tout cela est absurde ! #ilfautfairequelquechose. Les sanctions", "ilfautfairequelquechose", True),
    ("écrivez à redaction@journal.fr demain", "journal", True),
    ("Tout cela est absurde ! Les sanctions", "sanctions", False),
])
def test_words_of_urls_hashtags_and_addresses_are_not_prose(text, word, expected):
    from checker.detectors.lm import _not_prose

    start = text.index(word)
    assert _not_prose(text, Word(start, start + len(word), word)) is expected
