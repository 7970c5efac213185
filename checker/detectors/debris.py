"""Debris: page furniture left in the text, doubled words, punctuation and
spacing that betray a copy-paste or a machine translation."""
from __future__ import annotations

import re
from typing import Iterable

from checker.core import Document, Finding, Severity
from checker.detectors.base import CheckContext, Detector
from checker.detectors.numbers import Exclusions
from checker.scanning import all_present, compiled

NBSP, NNBSP = "\u00a0", "\u202f"
_SPACES = " \t\u00a0\u202f\u2009"


class Debris(Detector):
    """Blog-comment buttons, advert slots, share prompts and markup left in the text.

    ## What it flags
    Lines and fragments that belong to the web page, not to the article:
    blog-comment buttons ("RépondreSupprimer", a lone "Répondre",
    "Supprimer", "Reply", "Delete"), advertising slots ("La suite après cette
    publicité", "Advertisement"), links to other articles ("Lire aussi : ...",
    "Read more: ...", "Read also | ...", "Читайте также"), share, newsletter
    and Telegram prompts, paywall labels ("Article reserved for subscribers"),
    photo credits and copyright lines ("Foto: Stefan Puchner/dpa"), agency
    footers and story numbers ("dpa:240602-99-251873/5"), "report a typo"
    footers, broadcasters' programme listings, cookie notices, empty
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
        # One expression per scope, one named group per entry: one pass finds
        # every entry. It is compiled and run only on a text that holds the
        # literals one of its entries requires (most articles have no debris).
        self._combined: dict[str, str] = {}  # scope -> the source of its expression
        self._requires: dict[str, list[tuple[tuple[str, ...], ...]]] = {}
        for scope in ("line", "line-start", "inline"):
            members = [(i, r) for i, r in enumerate(self._rules) if r.scope == scope]
            if not members:
                continue
            self._requires[scope] = [r.requires for _, r in members]
            alternatives = "|".join(
                f"(?P<e{i}>{'(?i:' if r.ignore_case else '(?:'}{r.body}))" for i, r in members)
            self._combined[scope] = existence.scoped(f"(?:{alternatives})", scope)

    def check(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        if not hasattr(self, "_rules"):
            self.prepare(ctx)
        text = doc.text
        lang_at = ctx.facts(doc).language_at
        spans: list[tuple[int, int, str]] = []

        def take(m) -> None:
            name = m.lastgroup
            rule = self._rules[int(name[1:])]
            start, end = m.span(name)
            while end > start and text[end - 1] in " \t\r\u00a0\u202f":
                end -= 1  # "Read more: ...\r\n": the span stops at the text
            if start != end and rule.applies_to(lang_at(start)):
                spans.append((start, end, rule.message))

        lowered = ctx.facts(doc).lowered
        for scope, source in self._combined.items():
            if not any(all_present(requires, lowered) for requires in self._requires[scope]):
                continue
            if scope != "inline":
                m = compiled(source, re.M).match(text)
                if m:
                    take(m)
                # Lines: at the very start, or after a newline (a literal the regex
                # engine finds fast), rather than trying every offset for "^".
                source = "\n" + source
            for m in compiled(source, re.M).finditer(text):
                take(m)
        spans.sort(key=lambda s: (s[0], -s[1]))
        last_end = -1
        for start, end, message in spans:
            if start < last_end:
                continue  # inside or across a span already reported
            last_end = end
            yield self.finding(doc, start, end, message, suggestion="", confidence=0.9)


# --------------------------------------------------------------------------
# TY-doubled-word

# A capitalised article doubled in lower case at a sentence start ("The the").
_CAPITAL_DOUBLE = re.compile(r"(The|A|An|Le|La|Les|Un|Une|De|Des|Du|Der|Die|Das|Ein|Eine)"
                             r"[ \u00a0]+(?i:\1)\b")
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
        # A cheap pass finds the words that follow themselves (C-speed split and a
        # comparison of neighbours); the exact pattern then runs for those words only.
        tokens = text.split()
        candidates = {a.lower() for a, b in zip(tokens, tokens[1:]) if a == b or a == b[:-1]}
        candidates.update(m.group(1).lower() for m in _CAPITAL_DOUBLE.finditer(text))
        candidates = {c for c in candidates if c.isalpha()}
        candidates -= _REDUPLICATED
        if doc.language and all(s.language in (doc.language, None) for s in doc.segments):
            candidates -= _VALID_DOUBLES.get(doc.language, set())
        if not candidates:
            return
        lang_at = ctx.facts(doc).language_at
        skip = ctx.facts(doc).exclusions
        pattern = re.compile(
            r"(?P<a>" + "|".join(re.escape(c) for c in sorted(candidates)) +
            r")(?P<sp>[ \t\u00a0\u202f]+)(?P<b>(?P=a))(?![\w'’-])", re.I)
        for m in pattern.finditer(text):
            a, b = m.group("a"), m.group("b")
            if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_'’-"):
                continue
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

_MARKS = re.compile(r"[!?;:«»]")
# A quotation in English marks: "..." or “...”, within one paragraph.
_ENGLISH_QUOTATION = re.compile(r"(?P<q>[\"“])(?P<body>[^\W\d_][^\"“”\n]{2,1000}?)[\"”]")
MAX_QUOTE_FIXED = 300  # longer quotations get the opening mark fixed, not the whole text
_SPACE_CHARS = set(" \t\n\r\u00a0\u202f\u2009\u2007\u200b")
_TALL = set("!?;")
_AFTER_TALL_OK = set("»”\"')") | _SPACE_CHARS
_WORD_END_OK = re.compile(r"[\w»”)\]%'’\"]")
_ENTITY_BEFORE = re.compile(r"&#?\w+$")


def _word_back(text: str, end: int, stop: str, limit: int = 40) -> int | None:
    """Start of the run of non-space characters (and none of ``stop``) ending at
    ``end``; None when it is empty or longer than ``limit``."""
    i = end
    floor = max(0, end - limit - 1)
    while i > floor and text[i - 1] not in _SPACE_CHARS and text[i - 1] not in stop:
        i -= 1
    if i == end or (i == floor and floor > 0 and text[i - 1] not in _SPACE_CHARS
                    and text[i - 1] not in stop):
        return None
    return i


def _word_forward(text: str, start: int, stop: str, limit: int = 40) -> int:
    i, ceiling = start, min(len(text), start + limit)
    while i < ceiling and text[i] not in _SPACE_CHARS and text[i] not in stop:
        i += 1
    return i


class FrenchPunctuationSpace(Detector):
    """French text without the space French typography puts around ; : ! ? « ».

    ## What it flags
    In French text only: a word glued to ";", "!", "?" or ":" ("PRUNES!",
    "le village:"), a colon glued to the next word (« trop » :Le), and
    guillemets without their inner space («Bogatyr», "font rage.»"), and
    quotations of three words or more in English quotation marks ("...",
    “...”) where French uses « ».
    The suggestion puts a narrow no-break space (U+202F, the "espace fine
    insécable") before ; ! ? and a no-break space (U+00A0, "espace
    insécable") before the colon and inside « », as the Imprimerie nationale
    rules have it; any space already there (even a plain one) is accepted.
    URLs, times (10:30), runs like "?!" and the keys of a Markdown front
    matter ("title:") are left alone; the title after the key is checked.

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
        lang_at = ctx.facts(doc).language_at
        found: dict[int, Finding] = {}  # keyed by the mark's offset
        skip: Exclusions | None = None
        n = len(text)

        def add(mark_at, start, end, message, suggestion):
            nonlocal skip
            if mark_at in found or lang_at(mark_at) != "fr":
                return
            if skip is None:
                skip = ctx.facts(doc).exclusions
            if mark_at in skip or start in skip:
                return
            found[mark_at] = self.finding(doc, start, end, message, suggestion=suggestion,
                                          confidence=0.9)

        for m in _MARKS.finditer(text):
            i = m.start()
            mark = text[i]
            prev = text[i - 1] if i else "\n"
            nxt = text[i + 1] if i + 1 < n else "\n"
            if mark in _TALL:
                if prev in _SPACE_CHARS or prev in _TALL or prev == ":":
                    continue
                j = i
                while j < n and text[j] in _TALL:
                    j += 1
                if j < n and text[j] not in _AFTER_TALL_OK:
                    continue
                start = _word_back(text, i, "«»(")
                if start is None:
                    continue
                word = text[start:i]
                if not _WORD_END_OK.match(word[-1]) or _ENTITY_BEFORE.search(word):
                    continue
                run = text[i:j]
                add(i, start, j, f"French puts a narrow no-break space before '{run}'",
                    f"{word}{NNBSP}{run}")
            elif mark == ":":
                if prev.isalpha() and nxt.isalpha() and nxt.isupper():
                    start = i
                    while start > 0 and text[start - 1].isalpha() and i - start < 40:
                        start -= 1
                    end = _word_forward(text, i + 1, "")
                    if i - start >= 2:
                        add(i, start, end,
                            "French puts a no-break space before ':' and a space after it",
                            f"{text[start:i]}{NBSP}: {text[i + 1:end]}")
                elif nxt in _SPACE_CHARS and (prev.isalnum() or prev in "»”)]%"):
                    start = i - 1
                    if prev.isalnum():
                        while start > 0 and text[start - 1].isalnum() and i - start < 40:
                            start -= 1
                    word = text[start:i]
                    if not word.isdigit():
                        add(i, start, i + 1, "French puts a no-break space before ':'",
                            f"{word}{NBSP}:")
                elif prev in _SPACE_CHARS and nxt.isalpha():
                    end = _word_forward(text, i + 1, "")
                    add(i, i, end, "French puts a space after ':'", f": {text[i + 1:end]}")
            elif mark == "«":
                if nxt in _SPACE_CHARS or nxt == "»":
                    continue
                end = _word_forward(text, i + 1, "»")
                add(i, i, end, "French puts a no-break space after '«'",
                    f"«{NBSP}{text[i + 1:end]}")
            else:  # »
                if prev in _SPACE_CHARS or prev == "«":
                    continue
                start = _word_back(text, i, "«»")
                if start is None:
                    continue
                add(i, start, i + 1, "French puts a no-break space before '»'",
                    f"{text[start:i]}{NBSP}»")
        if '"' in text or "“" in text:
            for m in _ENGLISH_QUOTATION.finditer(text):
                body = m.group("body")
                if body.count(" ") < 2:
                    continue  # a title or a nickname: "Bogatyr"
                if m.end() - m.start() <= MAX_QUOTE_FIXED:
                    end, fixed = m.end(), f"«{NBSP}{body.strip()}{NBSP}»"
                else:  # a long quotation: the opening mark and the first word
                    end = _word_forward(text, m.start("body"), "")
                    fixed = f"«{NBSP}{text[m.start('body'):end]}"
                add(m.start(), m.start(), end,
                    "French quotes with guillemets « », not English quotation marks",
                    fixed)
        yield from sorted(found.values(), key=lambda f: f.start)


# --------------------------------------------------------------------------
# TY-space-before-punctuation and TY-doubled-punctuation

_SPACED_MARK = re.compile(r"[ \t\u00a0\u202f]+(?P<mark>[,.]|[;:!?]+)")
_AFTER_MARK_OK = set("\"”»’)") | _SPACE_CHARS
_WORD_BEFORE_SPACE = re.compile(r"[\w»”\")\]%’']")


class SpaceBeforePunctuation(Detector):
    """A space before a comma or a full stop; French spacing in English text.

    ## What it flags
    In any language, a space between a word and the comma or full stop after
    it ("au sud , les forces", "the talks ."). In English and German text,
    also a space before ; : ! ? — the French convention, which these
    languages do not use ("the question : who", "Really ?"). In English,
    also quotations in « » (French, Russian) or „ “ (German) marks.

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
        lang_at = ctx.facts(doc).language_at
        skip: Exclusions | None = None
        n = len(text)
        for m in _SPACED_MARK.finditer(text):
            i, mark_at, end = m.start(), m.start("mark"), m.end()
            mark = m.group("mark")
            if not i or not _WORD_BEFORE_SPACE.match(text[i - 1]):
                continue
            if end < n and text[end] not in _AFTER_MARK_OK:
                continue  # " ..." an ellipsis, " .NET", " :)"
            if mark[0] in ";:!?" and lang_at(mark_at) not in ("en", "de"):
                continue  # French and others space these marks on purpose
            if skip is None:
                skip = ctx.facts(doc).exclusions
            if mark_at in skip:
                continue
            start = _word_back(text, i, "") or max(0, i - 40)
            word = text[start:i]
            yield self.finding(doc, start, end, f"no space goes before '{mark[0]}' here",
                               suggestion=f"{word}{mark}", confidence=0.9)
        if "«" in text or "„" in text:
            yield from self._foreign_quotes(doc, ctx)

    def _foreign_quotes(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        """« » (French, Russian) or „ “ (German) around a quotation in English text."""
        text = doc.text
        lang_at = ctx.facts(doc).language_at
        skip = ctx.facts(doc).exclusions
        for m in _FOREIGN_QUOTATION.finditer(text):
            if m.group("close") not in _CLOSES[m.group("open")]:
                continue
            if lang_at(m.start()) != "en" or m.start() in skip:
                continue
            body = m.group("body").strip(" \u00a0\u202f")
            if m.end() - m.start() <= MAX_QUOTE_FIXED:
                end, fixed = m.end(), f"“{body}”"
            else:
                end = _word_forward(text, m.start("body") + 1, "")
                fixed = "“" + text[m.start("body"):end].lstrip(" \u00a0\u202f")
            yield self.finding(
                doc, m.start(), end,
                f"'{m.group('open')} {m.group('close')}' are {_QUOTE_STYLE[m.group('open')]} "
                f"quotation marks; English uses “ ”", suggestion=fixed, confidence=0.9)


_FOREIGN_QUOTATION = re.compile(r"(?P<open>[«„])(?P<body>[^«»„“”\n]{1,1000}?)(?P<close>[»“”])")
_CLOSES = {"«": "»", "„": "“”"}
_QUOTE_STYLE = {"«": "French or Russian", "„": "German"}


_DOUBLED_PUNCT = re.compile(r"\.\.|,,|;;|::")
_NO_WORD_BEFORE = set(".,;:!?") | _SPACE_CHARS


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
        skip = ctx.facts(doc).exclusions
        n = len(text)
        for m in _DOUBLED_PUNCT.finditer(text):
            i, end = m.start(), m.end()
            mark = m.group()
            if not i or text[i - 1] in _NO_WORD_BEFORE:
                continue  # "...." an ellipsis, or a mark with nothing before it
            nxt = text[end] if end < n else " "
            if mark == ".." and (nxt in "./\\" or nxt.isalnum() or nxt == "_"):
                continue  # "...", "../docs", "1..5"
            if mark == "::" and (nxt.isalnum() or nxt == "_"):
                continue  # "std::map"
            if i in skip:
                continue
            start = i
            while start > 0 and text[start - 1] not in _NO_WORD_BEFORE and i - start < 40:
                start -= 1
            word = text[start:i]
            yield self.finding(doc, start, end, f"'{mark}' doubled",
                               suggestion=f"{word}{mark[0]}", confidence=0.9)
