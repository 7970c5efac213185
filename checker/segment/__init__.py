"""Segment: paragraphs and sentences, as character spans of the text.

Sentence splitting is rule-based and language-aware: it knows the
abbreviations of French and English news ("M.", "Gen.", "St."), initials
("Ya. M. Sverdlov"), numbers written with dots or spaces (1.250, 6 000), and
that a sentence may end inside closing quotes (« … » “ … ”).
"""
from __future__ import annotations

import re
from dataclasses import replace

from checker.core import Document, Span

ABBREVIATIONS = {
    "en": {"mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "maj", "st",
           "jr", "sr", "vs", "etc", "inc", "ltd", "co", "corp", "no", "jan", "feb", "mar",
           "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gov", "sen",
           "rep", "u.s", "u.k", "e.g", "i.e", "approx", "dept", "est", "fig", "mt", "ft"},
    "fr": {"m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "mgr", "st", "ste", "gén",
           "gal", "col", "cdt", "lt", "etc", "cf", "av", "apr", "j.-c", "env", "p", "pp",
           "no", "n°", "vol", "chap", "éd", "janv", "févr", "avr", "juil", "sept", "oct",
           "nov", "déc", "art", "bd", "fig"},
    "de": {"dr", "prof", "hr", "fr", "nr", "bzw", "ca", "usw", "vgl", "z.b", "d.h", "u.a",
           "st", "str", "gen", "abs", "bd", "jan", "feb", "okt", "dez"},
}
_ALL_ABBREVIATIONS = set().union(*ABBREVIATIONS.values())
# Two-letter initials of transliterated Slavic names: "Ya. M. Sverdlov", "Yu. Gagarin".
_DIGRAPH_INITIALS = {"ya", "yu", "ye", "yo", "zh", "ch", "sh", "ts", "kh"}

# An end mark, then closing quotes/brackets, then space, then what opens a sentence.
_BOUNDARY = re.compile(
    r"""(?P<end>[.!?…]+|\.{3})(?P<close>[\s\u00a0\u202f]?[»”"’')\]]+)?(?P<space>[ \t\u00a0\u202f]+)"""
    r"""(?=[«“"‘'(\[¿¡]?[\s\u00a0\u202f]?[^\W_a-z]|[\U0001F000-\U0001FAFF\u2600-\u27BF])""")
_WORD_BEFORE = re.compile(r"([\w.\-]+)$")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans, without their surrounding whitespace.

    Each line is a paragraph (news text from CMSs and scrapers has one per
    line), except in hard-wrapped text, where blank lines separate them.
    """
    separator = re.compile(r"\n[ \t]*\n\s*") if _hard_wrapped(text) else re.compile(r"\n")
    spans, pos = [], 0
    for match in separator.finditer(text):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, len(text)))
    out = []
    for start, end in spans:
        chunk = text[start:end]
        stripped_left = len(chunk) - len(chunk.lstrip())
        stripped_right = len(chunk) - len(chunk.rstrip())
        if chunk.strip():
            out.append((start + stripped_left, end - stripped_right))
    return out


def _hard_wrapped(text: str) -> bool:
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 6 or "\n\n" not in text:
        return False
    wrapped = sum(1 for line in lines if 40 <= len(line) <= 100 and not line.rstrip().endswith((".", "!", "?", ":", "»", "”", '"')))
    return wrapped / len(lines) > 0.5


def sentences(text: str, start: int, end: int, language: str | None) -> list[Span]:
    """Sentence spans inside the paragraph text[start:end]."""
    abbreviations = ABBREVIATIONS.get(language or "", _ALL_ABBREVIATIONS)
    spans, sent_start = [], start
    for match in _BOUNDARY.finditer(text, start, end):
        mark = match.group("end")
        if mark == "." and _is_abbreviation(text, match.start(), abbreviations):
            continue
        sent_end = match.start("space")
        spans.append(Span(sent_start, sent_end))
        sent_start = match.end()
    if sent_start < end:
        spans.append(Span(sent_start, end))
    return [s for s in spans if text[s.start:s.end].strip()]


def _is_abbreviation(text: str, dot: int, abbreviations: set[str]) -> bool:
    match = _WORD_BEFORE.search(text, max(0, dot - 20), dot)
    if not match:
        return False
    original = match.group(1).rstrip(".")
    word = original.lower()
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "M. Sverdlov", "J. Smith"
    if word in _DIGRAPH_INITIALS and original[0].isupper():
        return True
    return word in abbreviations or word.split(".")[-1] in abbreviations and "." in word


def segment(doc: Document) -> Document:
    """The document with its sentences filled in, paragraph by paragraph."""
    spans: list[Span] = []
    for seg in doc.segments:
        spans.extend(sentences(doc.text, seg.start, seg.end, seg.language or doc.language))
    return replace(doc, sentences=tuple(spans))
