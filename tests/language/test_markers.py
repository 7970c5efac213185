"""The quick opinion from marker words: when it answers, and when it must leave
the paragraph to lingua."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from checker.language.markers import markers, quick_language

ROOT = Path(__file__).resolve().parents[2]


def _letters(text: str) -> int:
    return sum(c.isalpha() for c in text)


def quick(text: str):
    return quick_language(text, _letters(text))


def test_a_plain_paragraph_is_answered_in_its_language():
    assert quick("Der Präsident sagte am Montag, dass die Gespräche nicht vor dem Sommer "
                 "wieder aufgenommen würden.")[0] == "de"
    assert quick("Le ministre a déclaré lundi que les négociations reprendraient après "
                 "l'été, selon une source proche du dossier.")[0] == "fr"
    assert quick("The minister said on Monday that the talks would not resume before the "
                 "summer, according to officials.")[0] == "en"


def test_german_um_is_no_portuguese_marker():
    # "um" is Portuguese for "a" and German for "by": counting it as Portuguese
    # sent every German sentence with "um ... Prozent" to lingua
    assert "um" not in markers()
    assert quick("Die Armee sagte am Montag, dass der Haushalt um 3 Prozent steigen werde.") == (
        "de", 1.0)


def test_words_several_languages_use_are_not_markers():
    table = markers()
    for shared in ("die", "la", "le", "des", "was", "of", "il", "na"):
        assert shared not in table, shared


def test_a_russian_sentence_quoting_english_words_is_left_to_lingua():
    text = ("Направление для выполнения вторичного нажатия мышью («left» — влево; «right» — "
            "вправо; «up» — вверх; «down» — вниз).")
    assert quick(text) is None


def test_a_mixed_paragraph_is_left_to_lingua():
    text = ("The minister said that the talks would resume. Le ministre a déclaré que les "
            "négociations reprendraient après l'été, selon une source.")
    assert quick(text) is None


def test_too_few_markers_give_no_answer():
    assert quick("Kyiv, Kharkiv, Odesa: Zelensky") is None


def test_the_shipped_table_is_what_the_generator_writes():
    """data/markers.json is generated from wordfreq (scripts/make_language_markers.py);
    a hand edit, or a wordfreq upgrade that changes it, shows here."""
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_language_markers.py"),
                           "--check"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
