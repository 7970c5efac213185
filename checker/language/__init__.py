"""Language: which language each document and each paragraph is in.

Uses lingua (its models ship in the wheel, it is deterministic, and it reads
short text far better than langdetect: "Koursk anti -avion" is not Swedish).
Detection is restricted to the languages European news is written and
translated in; a wider set makes short spans noisier and start-up slower.

A paragraph too short to judge on its own takes the document's language:
"Et bien voilà." inside a French article is French, whatever its letters
suggest. A paragraph is reported in another language only when lingua is
confident about it, which is what makes a half-translated article show.

lingua is the slow part (a few microseconds a character), so it reads only
what needs it: a paragraph plainly in the document's main language is
answered from its marker words (``markers.py``), and short lines are read
only when they could change the document's language. ``bench/bench_language.py``
measures both against lingua alone and against labelled text.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from checker.core import Document, Segment
from checker.language.markers import quick_language
from checker.load.markdown import front_matter_keys
from checker.segment import paragraphs

# ISO 639-1 codes of the languages mtcheck identifies.
NEWS_LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl", "ru", "uk", "pl", "tr", "ar")

MIN_LETTERS_ALONE = 30  # below this a paragraph cannot be judged alone, nor overrule its document
OVERRULE_CONFIDENCE = 0.75  # a paragraph in another language must be this sure
_LETTER = re.compile(r"[^\W\d_]")
_LETTERS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _detector():
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    langs = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
             for code in NEWS_LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*langs).build()


def confidences(text: str) -> dict[str, float]:
    """Language -> probability for ``text``, over NEWS_LANGUAGES."""
    values = _detector().compute_language_confidence_values(text)
    return {v.language.iso_code_639_1.name.lower(): v.value for v in values}


PARALLEL_FROM = 8  # lingua's threaded batch pays off from this many texts


def confidences_many(texts: list[str]) -> list[dict[str, float]]:
    """confidences() of each text, in one batch (lingua's threads over the cores)."""
    if len(texts) < PARALLEL_FROM:
        return [confidences(t) for t in texts]
    batches = _detector().compute_language_confidence_values_in_parallel(texts)
    return [{v.language.iso_code_639_1.name.lower(): v.value for v in values}
            for values in batches]


def best_language(text: str) -> tuple[str | None, float]:
    if not _LETTER.search(text):
        return None, 0.0
    scores = confidences(text)
    lang = max(scores, key=lambda k: (scores[k], k))
    return lang, scores[lang]


MAX_LINGUA_CHARS = 1200  # lingua reads at most this much of one paragraph (bounded work)


def _bounded(chunk: str) -> str:
    """A long paragraph as four evenly spaced slices: lingua's work stays bounded
    on a 20 MB text with no line breaks, and the slices still cover all of it."""
    if len(chunk) <= MAX_LINGUA_CHARS:
        return chunk
    size = MAX_LINGUA_CHARS // 4
    step = (len(chunk) - size) // 3
    return " ".join(chunk[i * step:i * step + size] for i in range(4))


def identify(doc: Document) -> Document:
    """The document with its language and per-paragraph segments filled in.

    Paragraphs of MIN_LETTERS_ALONE letters or more are judged one by one and
    vote for the document's language, weighted by their letters. Shorter lines
    (captions, names, "Et bien voilà.") cannot be judged alone: they take the
    document's language and confidence, and are read (together, in one lingua
    call) only when their letters could change the vote.
    """
    spans = paragraphs(doc.text)
    # in "title: Der Kreml warnte ..." the key is no word of the article (it voted
    # English in German titles): only the values of a front matter are judged
    keys = front_matter_keys(doc)
    keys_end = keys[-1][1] if keys else 0
    measured = []
    quick_votes: dict[str, int] = {}
    total_letters = 0
    for start, end in spans:
        chunk = _without(doc.text, start, end, keys) if start < keys_end else doc.text[start:end]
        letters = sum(map(len, _LETTERS.findall(chunk)))
        # Long paragraphs plainly in one language need not wait for lingua.
        quick = quick_language(chunk, letters) if letters >= MIN_LETTERS_ALONE else None
        if quick:
            quick_votes[quick[0]] = quick_votes.get(quick[0], 0) + letters
        total_letters += letters
        measured.append((start, end, chunk, letters, quick))
    # The quick answer is trusted only for the language most of the text is in;
    # a paragraph it gives another language goes to lingua.
    main = max(quick_votes, key=lambda k: (quick_votes[k], k)) if quick_votes else None
    if main and quick_votes[main] * 2 < total_letters:
        main = None
    scored: list[dict[str, float] | int | None] = []
    asks: list[str] = []
    short: list[str] = []
    short_letters = 0
    for start, end, chunk, letters, quick in measured:
        if not letters:
            scored.append({})
        elif letters < MIN_LETTERS_ALONE:
            scored.append(None)
            short.append(chunk)
            short_letters += letters
        elif quick and quick[0] == main:
            scored.append({main: quick[1]})
        else:
            scored.append(len(asks))
            asks.append(_bounded(chunk))
    answers = confidences_many(asks)
    judged = [(start, end, letters, answers[scores] if isinstance(scores, int) else scores)
              for (start, end, _, letters, _), scores in zip(measured, scored)]

    votes, voters = _votes(judged)
    if short and not _settled(votes, short_letters):
        for lang, value in confidences(_bounded("\n".join(short))).items():
            votes[lang] = votes.get(lang, 0.0) + value * short_letters
        voters += short_letters
    doc_lang, doc_conf = _document_language(votes, voters)
    segments = []
    for start, end, letters, scores in judged:
        if not letters:
            segments.append(Segment(start, end, None, 0.0))
            continue
        if scores is None:  # a short line
            segments.append(Segment(start, end, doc_lang, round(doc_conf, 3)))
            continue
        lang = max(scores, key=lambda k: (scores[k], k))
        conf = scores[lang]
        if doc_lang and lang != doc_lang and conf < OVERRULE_CONFIDENCE:
            lang, conf = doc_lang, scores.get(doc_lang, 0.0)
        segments.append(Segment(start, end, lang, round(conf, 3)))
    return replace(doc, language=doc_lang, language_confidence=round(doc_conf, 3),
                   segments=tuple(segments))


def _without(text: str, start: int, end: int, cut: list[tuple[int, int]]) -> str:
    """text[start:end] without the parts the sorted, disjoint spans ``cut`` cover."""
    kept, pos = [], start
    for a, b in cut:
        if b <= pos:
            continue
        if a >= end:
            break
        if a > pos:
            kept.append(text[pos:a])
        pos = b
    if pos < end:
        kept.append(text[pos:end])
    return "".join(kept)


def _votes(judged) -> tuple[dict[str, float], int]:
    """Each judged paragraph's confidences weighted by its letters, and the letters
    that voted.

    A vote rather than one call on the whole text: a long quote in another
    language does not flip a document, and the confidence says how mixed it is.
    """
    votes: dict[str, float] = {}
    voters = 0
    for _, _, letters, scores in judged:
        if not letters or scores is None:
            continue
        for lang, value in scores.items():
            votes[lang] = votes.get(lang, 0.0) + value * letters
        voters += letters
    return votes, voters


def _settled(votes: dict[str, float], undecided_letters: int) -> bool:
    """Whether that many more letters, all voting for one language, could not
    change the vote's winner (each letter adds at most 1 to one language)."""
    if not votes:
        return False
    ranked = sorted(votes.values(), reverse=True) + [0.0]
    return ranked[0] - ranked[1] > undecided_letters


def _document_language(votes: dict[str, float], voters: int) -> tuple[str | None, float]:
    if not voters:
        return None, 0.0
    lang = max(votes, key=lambda k: (votes[k], k))
    return lang, votes[lang] / voters
