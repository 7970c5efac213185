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


class _CountingLingua:
    def __init__(self, monkeypatch):
        import checker.language as language

        self.texts: list[str] = []
        plain = language.confidences

        def counted(text):
            self.texts.append(text)
            return plain(text)

        monkeypatch.setattr(language, "confidences", counted)
        monkeypatch.setattr(language, "confidences_many", lambda texts: [counted(t) for t in texts])


def test_short_lines_take_the_document_confidence_without_asking_lingua(monkeypatch):
    lingua = _CountingLingua(monkeypatch)
    text = ("He also announced on Monday more weapons for Kyiv, including defense systems "
            "that the army has been asking for since the winter.\n"
            "Koursk anti -avion\n"
            "Photo: AFP\n"
            "The third cycle of discussions has not yet been announced by either side, and "
            "the delegations have left the capital.")
    doc = identify(Document(path="t.txt", text=text))
    assert lingua.texts == []  # the two long paragraphs settle it; the short lines cannot
    assert doc.language == "en"
    short = [s for s in doc.segments if doc.text[s.start:s.end] in ("Koursk anti -avion", "Photo: AFP")]
    assert [(s.language, s.confidence) for s in short] == [("en", doc.language_confidence)] * 2


def test_a_document_of_short_lines_is_judged_from_all_of_them(monkeypatch):
    lingua = _CountingLingua(monkeypatch)
    text = "Les forces russes\nont progressé\nvers Pokrovsk\nselon l'armée\nce dimanche"
    doc = identify(Document(path="t.txt", text=text))
    assert lingua.texts == [text]  # one call, on the lines together
    assert doc.language == "fr"
    assert {s.language for s in doc.segments} == {"fr"}


def test_short_lines_are_read_when_they_could_change_the_document(monkeypatch):
    lingua = _CountingLingua(monkeypatch)
    long = "Le ministre a déclaré lundi que les négociations reprendraient après l'été."
    shorts = ["Die Armee meldet", "neue Angriffe", "im Osten heute", "und gestern Abend",
              "in der Nacht", "auf die Stadt"]
    doc = identify(Document(path="t.txt", text="\n".join([long, *shorts])))
    # the short lines have more letters than the long line's lead: they are read, and win
    assert lingua.texts[-1] == "\n".join(shorts)
    assert doc.language == "de"
    assert doc.segments[0].language == "fr"  # sure enough to stand against its document


def test_front_matter_keys_are_not_words_of_the_article(monkeypatch):
    # "title" is an English word: counted, it left this German title to lingua
    # (whose models for short text take seconds to load), and gave a date a language
    lingua = _CountingLingua(monkeypatch)
    text = ("---\n"
            "title: Der Präsident erklärte vor Journalisten, dass das Stromnetz im Osten "
            "erneut beschädigt worden sei\n"
            "date: 2024-12-31\n"
            "---\n\n"
            "Der Präsident erklärte vor Journalisten, dass das Stromnetz im Osten erneut "
            "beschädigt worden sei. Die Armee bestätigte, dass in der Nacht drei Drohnen "
            "abgeschossen worden seien.")
    doc = identify(Document(path="t.md", text=text, format="markdown"))
    assert lingua.texts == []
    assert doc.language == "de"
    by_line = {doc.text[s.start:s.end][:6]: s.language for s in doc.segments}
    assert by_line == {"---": None, "title:": "de", "date: ": None, "Der Pr": "de"}


def test_a_key_outside_the_front_matter_is_read_as_text(monkeypatch):
    lingua = _CountingLingua(monkeypatch)
    line = ("title: Der Präsident erklärte vor Journalisten, dass das Stromnetz im Osten "
            "erneut beschädigt worden sei")
    doc = identify(Document(path="t.md", text=line, format="markdown"))
    assert lingua.texts == [line]  # no front matter: the whole line is the article's
    assert doc.language == "de"
