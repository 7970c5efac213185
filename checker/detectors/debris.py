"""Debris: page furniture left in the text, doubled words, punctuation and
spacing that betray a copy-paste or a machine translation."""
from __future__ import annotations

import re
from typing import Iterable

from checker.core import Document, Finding, Severity
from checker.detectors.base import CheckContext, Detector
from checker.detectors.numbers import Exclusions, LanguageAt

NBSP, NNBSP = "\u00a0", "\u202f"
_SPACES = " \t\u00a0\u202f\u2009"


class Debris(Detector):
    """Blog-comment buttons, advert slots, share prompts and markup left in the text.

    ## What it flags
    Lines and fragments that belong to the web page, not to the article:
    blog-comment buttons ("RépondreSupprimer", a lone "Répondre",
    "Supprimer", "Reply", "Delete"), advertising slots ("La suite après cette
    publicité", "Advertisement"), links to other articles ("Lire aussi : ...",
    "Read more: ..."), share and subscription prompts, cookie notices, empty
    markdown images and links ("![]() |") and lines made only of table pipes.
    The patterns are data: ``checker/rules/data/boilerplate.yaml`` (kind
    ``existence``), which users extend with ``--rules DIR``.

    ## Why it matters
    Scrapers and CMS exports copy the page around the article with it, and
    machine translation then translates the debris too. Published as is, it
    shows readers the text was pasted without being read.

    ## Example
    Voilà un véritable allié.
    ![]() |
    RépondreSupprimer

    ## Fix
    Delete the debris (the suggestion is the empty string).
    """

    id = "BP-debris"
    category = "boilerplate"
    severity = Severity.WARNING

    def prepare(self, ctx: CheckContext) -> None:
        from checker.rules import existence

        rules = ctx.rulebook.parsed(existence.KIND, existence.parse) if ctx.rulebook else ()
        self._rules = tuple(r for r in rules if r.rule == self.id)

    def check(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        if not hasattr(self, "_rules"):
            self.prepare(ctx)
        text = doc.text
        lang_at = LanguageAt(doc)
        spans: list[tuple[int, int, str]] = []
        for rule in self._rules:
            if rule.languages is not None and doc.language not in rule.languages and not any(
                    s.language in rule.languages for s in doc.segments):
                continue
            for m in rule.finditer(text):
                start, end = m.span("hit")
                if start == end or not rule.applies_to(lang_at(start)):
                    continue
                spans.append((start, end, rule.message))
        spans.sort(key=lambda s: (s[0], -s[1]))
        last_end = -1
        for start, end, message in spans:
            if end <= last_end:
                continue  # inside a span already reported
            if start < last_end:
                continue
            last_end = end
            yield self.finding(doc, start, end, message, suggestion="", confidence=0.9)


# --------------------------------------------------------------------------
# TY-doubled-word

_DOUBLED = re.compile(r"(?<![\w'’-])(?P<a>[^\W\d_]+)(?P<sp>[ \t\u00a0\u202f]+)(?P<b>(?P=a))(?![\w'’-])",
                      re.I)
# Repetitions that are words, not typos.
_REDUPLICATED = {
    "bye", "ha", "hah", "haha", "he", "hé", "hi", "ho", "hein", "la", "bla", "blah", "chop",
    "ding", "dum", "tut", "tsk", "no", "non", "nein", "oui", "si", "yes", "ja", "so", "très",
    "very", "really", "many", "much", "far", "more", "sehr", "viel", "immer", "plus", "bien",
    "never", "jamais", "vite", "pas", "ah", "oh", "eh", "bon", "tic", "toc", "cha", "pom",
    "knock", "again", "round", "over", "out", "on", "off", "by", "step", "little", "peu",
    "tout", "doucement", "encore", "mal", "beau", "pour", "wow", "yeah", "yay", "go",
}
_VALID_DOUBLES = {
    "en": {"that", "had", "is", "do", "did", "does", "was", "will", "can", "her", "it",
           "in", "what", "who", "which", "when", "where", "why", "how", "you", "well", "there"},
    "fr": {"nous", "vous", "en", "elle", "lui", "leur", "que", "qui", "est", "fait", "dit",
           "le", "y"},
    "de": {"die", "der", "das", "den", "dem", "des", "sie"},
}


class DoubledWord(Detector):
    """The same word twice in a row: "the the", "de de".

    ## What it flags
    A word repeated right after itself on the same line ("the the",
    "de de", "der der der"), compared without regard to case ("The the").
    It stays silent where the repetition is grammatical or idiomatic:
    English "that that", "had had", "is is"; French "nous nous", "vous
    vous"; German "die die", "der der"; reduplications ("bye bye", "very
    very", "bla bla"); place names written with a capital twice ("Walla
    Walla", "Bora Bora") or a name after a particle ("de De Gaulle"); and
    numbers.

    ## Why it matters
    A doubled word is a slip of editing or a seam where machine translation
    joined two segments. Readers notice it at once.

    ## Example
    The the minister said that the the talks would resume.
    Le président de de la République a parlé.

    ## Fix
    Delete one of the two words.
    """

    id = "TY-doubled-word"
    category = "typo"
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        text = doc.text
        lang_at = LanguageAt(doc)
        skip = Exclusions(text)
        for m in _DOUBLED.finditer(text):
            a, b = m.group("a"), m.group("b")
            lower = a.lower()
            if m.start() in skip or lower in _REDUPLICATED:
                continue
            if lower in _VALID_DOUBLES.get(lang_at(m.start()) or "", ()):
                continue
            if b[0].isupper():
                continue  # "de De Gaulle", "Walla Walla", "Baden Baden", "NATO NATO"
            yield self.finding(doc, m.start(), m.end(),
                               f"'{lower}' is written twice in a row", suggestion=a,
                               confidence=0.85)


# --------------------------------------------------------------------------
# TY-fr-punctuation-space

_FR_BEFORE_TALL = re.compile(r"(?<![^\s\u00a0\u202f\u2009«(])(?P<word>[^\s\u00a0\u202f\u2009«»!?;]{1,40})"
                             r"(?P<mark>[!?;]+)"
                             r"(?=[\s\u00a0\u202f»”\"')]|$)")
_FR_COLON_BEFORE = re.compile(r"(?P<word>[^\W_]{1,40}|[»”)\]%])(?P<mark>:)(?=[\s\u00a0\u202f]|$)")
_FR_COLON_AFTER = re.compile(r"(?<=[\s\u00a0\u202f])(?P<mark>:)(?P<word>[^\W\d_][^\s\u00a0\u202f]{0,40})")
_FR_COLON_BOTH = re.compile(r"(?P<before>[^\W\d_]{2,40})(?P<mark>:)(?P<after>[A-ZÀ-Ý][^\s\u00a0\u202f]{0,40})")
_FR_OPEN_GUILLEMET = re.compile(r"(?P<mark>«)(?P<word>[^\s\u00a0\u202f\u2009»][^\s\u00a0\u202f\u2009»]{0,40})")
_FR_CLOSE_GUILLEMET = re.compile(r"(?<![^\s\u00a0\u202f\u2009«(])(?P<word>[^\s\u00a0\u202f\u2009«»]{1,40})"
                                 r"(?P<mark>»)")
_ENTITY_BEFORE = re.compile(r"&#?\w+$")


class FrenchPunctuationSpace(Detector):
    """French text without the space French typography puts around ; : ! ? « ».

    ## What it flags
    In French text only: a word glued to ";", "!", "?" or ":" ("PRUNES!",
    "le village:"), a colon glued to the next word (« trop » :Le), and
    guillemets without their inner space («Bogatyr», "font rage.»").
    The suggestion puts a narrow no-break space (U+202F, the "espace fine
    insécable") before ; ! ? and a no-break space (U+00A0, "espace
    insécable") before the colon and inside « », as the Imprimerie nationale
    rules have it; any space already there (even a plain one) is accepted.
    URLs, times (10:30) and runs like "?!" are left alone.

    ## Why it matters
    Text translated from English or pasted from an English page keeps the
    English spacing; French readers see it at once, and a plain space (where
    there is one) lets the line break between the word and its mark.

    ## Example
    Pourquoi continuez-vous ?» Vance a répondu « trop » :Le vice-président...

    ## Fix
    Add the no-break space: "continuez-vous ?\u00a0»", "« trop »\u00a0: Le".
    """

    id = "TY-fr-punctuation-space"
    category = "spacing"
    severity = Severity.INFO
    languages = frozenset({"fr"})

    def applies_to(self, doc: Document) -> bool:
        return doc.language == "fr" or any(s.language == "fr" for s in doc.segments)

    def check(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        text = doc.text
        lang_at = LanguageAt(doc)
        skip = Exclusions(text)
        found: dict[int, Finding] = {}  # keyed by the mark's offset

        def add(mark_at, start, end, message, suggestion):
            if mark_at in found or mark_at in skip or start in skip or lang_at(mark_at) != "fr":
                return
            found[mark_at] = self.finding(doc, start, end, message, suggestion=suggestion,
                                          confidence=0.9)

        for m in _FR_BEFORE_TALL.finditer(text):
            word, mark = m.group("word"), m.group("mark")
            if word[-1] in "!?;:" or _ENTITY_BEFORE.search(word) or not re.search(r"[\w»”)\]%]$", word):
                continue
            add(m.start("mark"), m.start(), m.end(),
                f"French puts a narrow no-break space before '{mark}'", f"{word}{NNBSP}{mark}")
        for m in _FR_COLON_BOTH.finditer(text):
            add(m.start("mark"), m.start(), m.end(),
                "French puts a no-break space before ':' and a space after it",
                f"{m.group('before')}{NBSP}: {m.group('after')}")
        for m in _FR_COLON_BEFORE.finditer(text):
            word = m.group("word")
            if word.isdigit():
                continue
            add(m.start("mark"), m.start(), m.end(),
                "French puts a no-break space before ':'", f"{word}{NBSP}:")
        for m in _FR_COLON_AFTER.finditer(text):
            add(m.start("mark"), m.start(), m.end(), "French puts a space after ':'",
                f": {m.group('word')}")
        for m in _FR_OPEN_GUILLEMET.finditer(text):
            add(m.start("mark"), m.start(), m.end(), "French puts a no-break space after '«'",
                f"«{NBSP}{m.group('word')}")
        for m in _FR_CLOSE_GUILLEMET.finditer(text):
            word = m.group("word")
            add(m.start("mark"), m.start(), m.end(), "French puts a no-break space before '»'",
                f"{word}{NBSP}»")
        yield from sorted(found.values(), key=lambda f: f.start)


# --------------------------------------------------------------------------
# TY-space-before-punctuation and TY-doubled-punctuation

_SPACE_BEFORE_COMMA = re.compile(r"(?P<word>[\w»”\")\]%’'][^\s]{0,0})(?P<sp>[ \t\u00a0\u202f]+)"
                                 r"(?P<mark>[,.])(?=[\s\"”»’)]|$)")
_SPACE_BEFORE_TALL = re.compile(r"(?P<word>[\w”\")\]%’'])(?P<sp>[ \t\u00a0\u202f]+)(?P<mark>[;:!?]+)"
                                r"(?=[\s\"”’)]|$)")
_WORD_TAIL = re.compile(r"[^\s]{1,40}$")


class SpaceBeforePunctuation(Detector):
    """A space before a comma or a full stop; French spacing in English text.

    ## What it flags
    In any language, a space between a word and the comma or full stop after
    it ("au sud , les forces", "the talks ."). In English and German text,
    also a space before ; : ! ? — the French convention, which these
    languages do not use ("the question : who", "Really ?").

    ## Why it matters
    It is the trace of text re-tokenised by a translation engine, or of
    French typing habits carried into another language; in print it leaves
    the comma alone at the start of a line.

    ## Example
    À quelques clics au sud , les forces russes sont entrées à Kolodyazi.
    He asked a simple question : why now ?

    ## Fix
    Delete the space: "au sud, les forces", "question: why now?".
    """

    id = "TY-space-before-punctuation"
    category = "spacing"
    severity = Severity.INFO

    def check(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        text = doc.text
        lang_at = LanguageAt(doc)
        skip = Exclusions(text)
        for pattern, languages in ((_SPACE_BEFORE_COMMA, None), (_SPACE_BEFORE_TALL, {"en", "de"})):
            for m in pattern.finditer(text):
                mark_at = m.start("mark")
                if mark_at in skip or languages is not None and lang_at(mark_at) not in languages:
                    continue
                tail = _WORD_TAIL.search(text, max(0, m.start("word") - 40), m.end("word"))
                start = tail.start() if tail else m.start("word")
                word = text[start:m.end("word")]
                mark = m.group("mark")
                if mark == "." and re.search(r"\d$", word) and text[m.end():m.end() + 1].isdigit():
                    continue
                yield self.finding(doc, start, m.end("mark"),
                                   f"no space goes before '{mark[0]}' here",
                                   suggestion=f"{word}{mark}", confidence=0.9)


_DOUBLED_PUNCT = re.compile(r"(?P<word>[^\s.,;:!?]{1,40})(?P<mark>(?<![.])\.\.(?![./\\\w])|,,|;;|::(?!\w))")


class DoubledPunctuation(Detector):
    """Two full stops (or commas) where one is meant: "récession..".

    ## What it flags
    Exactly two full stops after a word ("récession..", "etc.."), and
    doubled commas, semicolons or colons. A real ellipsis ("..." or "…")
    and paths ("../") are left alone.

    ## Why it matters
    A doubled stop is a seam of editing (an abbreviation's stop followed by
    the sentence's) or a truncated ellipsis; either way it looks careless.

    ## Example
    C'est l'UE qui est entrée en récession..

    ## Fix
    Keep one mark ("récession."), or write a full ellipsis if one was meant.
    """

    id = "TY-doubled-punctuation"
    category = "typo"
    severity = Severity.INFO

    def check(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        text = doc.text
        skip = Exclusions(text)
        for m in _DOUBLED_PUNCT.finditer(text):
            if m.start("mark") in skip:
                continue
            word, mark = m.group("word"), m.group("mark")
            yield self.finding(doc, m.start(), m.end(), f"'{mark}' doubled",
                               suggestion=f"{word}{mark[0]}", confidence=0.9)
