"""Sentence splitting with abbreviations, quotes and locale numbers."""
from __future__ import annotations

import pytest

from checker.segment import paragraphs, sentences


def split(text: str, lang: str) -> list[str]:
    return [text[s.start:s.end] for s in sentences(text, 0, len(text), lang)]


@pytest.mark.parametrize("text, lang, expected", [
    ("Selon M. Lavrov, rien ne change. Le Kremlin dément.", "fr",
     ["Selon M. Lavrov, rien ne change.", "Le Kremlin dément."]),
    ("Gen. Cavoli spoke on Monday. He warned of 3.5 million shells.", "en",
     ["Gen. Cavoli spoke on Monday.", "He warned of 3.5 million shells."]),
    ("La Russie agrandit l'« Usine Ya. M. Sverdlov » pour la production. Selon Reuters, oui.", "fr",
     ["La Russie agrandit l'« Usine Ya. M. Sverdlov » pour la production.", "Selon Reuters, oui."]),
    ("Ils contrôlent plus de 1.250 kilomètres carrés. Et 6 000 tonnes par an.", "fr",
     ["Ils contrôlent plus de 1.250 kilomètres carrés.", "Et 6 000 tonnes par an."]),
    ("« Bogatyr est dans la merde. Les combats font rage.» Puis il se tait.", "fr",
     ["« Bogatyr est dans la merde.", "Les combats font rage.»", "Puis il se tait."]),
    ("“We have to prepare peace.” Starmer said so. Really?", "en",
     ["“We have to prepare peace.”", "Starmer said so.", "Really?"]),
    ("Que devrions-nous faire maintenant ? Sortir de cette situation ?", "fr",
     ["Que devrions-nous faire maintenant ?", "Sortir de cette situation ?"]),
    ("It happened at 10.30 a.m. on Friday in the U.S. embassy.", "en",
     ["It happened at 10.30 a.m. on Friday in the U.S. embassy."]),
])
def test_sentences(text, lang, expected):
    assert split(text, lang) == expected


def test_paragraphs_are_lines_in_news_dumps():
    text = "Title\n\nFirst paragraph. Two sentences.\nSecond paragraph.\n"
    assert [text[s:e] for s, e in paragraphs(text)] == [
        "Title", "First paragraph. Two sentences.", "Second paragraph."]


def test_paragraphs_of_hard_wrapped_text_are_separated_by_blank_lines():
    line = "the negotiations initiated by the president have been blocked for weeks"
    text = "\n".join([line] * 3) + "\n\n" + "\n".join([line] * 3) + "\n\n" + line
    spans = paragraphs(text)
    assert len(spans) == 3
    assert text[spans[0][0]:spans[0][1]] == "\n".join([line] * 3)
