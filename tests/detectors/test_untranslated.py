"""MT-untranslated: the verdicts it keeps between articles change no answer."""
from __future__ import annotations

from checker.detectors import CheckContext
from checker.detectors import untranslated
from checker.detectors.untranslated import Untranslated
from checker.rules import RuleBook

TEXTS = [
    "He announced more weapons for Kyiv, including anti -avion defense systems and obus.",
    "The guerre went on; selon the ministry, the avions were shot down near the ville.",
    "Der Krieg geht weiter, sagte er.",
    "Les blindés avancent. The frappes hit the town, and the avion crashed.",
]


def test_remembered_verdicts_give_the_suspects_judging_every_word_gives(monkeypatch):
    detector = Untranslated()
    detector.prepare(CheckContext(rulebook=RuleBook.load()))
    monkeypatch.setattr(untranslated, "MAX_REMEMBERED", 12)  # forgets between texts, too
    found = []
    for _ in range(2):
        for text in TEXTS:
            words = set(filter(str.islower, untranslated._WORD.findall(text)))
            plain = {w: s for w in words for s in (detector._judge(w, "en"),) if s}
            assert detector._suspects(words, "en") == plain
            assert len(detector._verdicts["en"].verdicts) <= max(12, len(words))
            found += plain
    assert "avion" in found and len(set(found)) >= 3


def test_the_word_table_is_the_one_wordfreq_looks_words_up_in():
    """One table per language, not two: wordfreq's lru_cache keys a keyword call
    apart from the positional one its zipf_frequency makes."""
    from wordfreq import get_frequency_dict

    untranslated.frequencies.cache_clear()
    assert untranslated.frequencies("en") is get_frequency_dict("en", "best")
    assert untranslated.frequencies("fr", "small") is get_frequency_dict("fr", "small")
