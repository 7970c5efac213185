"""Language identification of documents and paragraphs, on real and written text."""
from __future__ import annotations

from pathlib import Path

from checker.core import Document
from checker.language import identify

EXPECTED = {"000": "en", "001": "fr", "002": "fr", "003": "fr", "004": "fr"}


def test_seed_documents_have_the_annotated_language(seeds_report, seeds_gold):
    got = {Path(r.document.path).name: r.document.language for r in seeds_report.documents}
    assert got == seeds_gold["languages"]
    for result in seeds_report.documents:
        assert result.document.language_confidence > 0.9


def test_every_french_paragraph_of_003_is_french(seeds_report):
    doc = next(r.document for r in seeds_report.documents if "003_" in r.document.path)
    lettered = [s for s in doc.segments if s.language is not None]
    assert len(lettered) > 100
    assert {s.language for s in lettered} == {"fr"}
    # paragraphs without letters ("—", "|") carry no language rather than a guess
    assert [doc.text[s.start:s.end] for s in doc.segments if s.language is None] == [
        "—", "—", "![]() |", "—", "—", "—", "—", "—", "|"]


def _languages(text: str) -> tuple[str, list[str]]:
    doc = identify(Document(path="t.txt", text=text))
    return doc.language, [s.language for s in doc.segments]


def test_a_french_paragraph_in_an_english_article_shows():
    text = ("The two leaders asked to increase the pressure on Moscow to obtain a ceasefire.\n"
            "La Russie a fortement augmenté sa production d'équipements militaires depuis 2022.\n"
            "Ukraine must hold on until the Kremlin decides to stop the attacks on its cities.")
    assert _languages(text) == ("en", ["en", "fr", "en"])


def test_a_german_paragraph_in_a_french_article_shows():
    text = ("Le président a qualifié l'offensive de grand succès devant des diplomates.\n"
            "Die Ukraine hat nach eigenen Angaben weitere Fortschritte in der Region Kursk gemacht.\n"
            "Les informations faisant état de contacts entre les parties ne sont que des rumeurs.")
    assert _languages(text) == ("fr", ["fr", "de", "fr"])


def test_short_lines_take_the_document_language():
    # lingua alone reads "Koursk anti -avion" as Bosnian; a short line cannot overrule
    text = ("He also announced on Monday more weapons for Kyiv, including defense systems.\n"
            "Koursk anti -avion\n"
            "Et bien voilà.\n"
            "The third cycle of discussions has not yet been announced by either side.")
    assert _languages(text) == ("en", ["en", "en", "en", "en"])


def test_identification_is_deterministic():
    text = "Hmm, la direction de Kostyantynivka se dégrade plus vite que je ne le pensais…"
    results = {identify(Document(path="t", text=text)) for _ in range(5)}
    assert len(results) == 1
    assert next(iter(results)).language == "fr"


def test_text_without_letters_has_no_language():
    doc = identify(Document(path="t", text="— | 👉 123"))
    assert doc.language is None and doc.segments[0].language is None
