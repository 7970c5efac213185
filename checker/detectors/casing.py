"""Proper nouns that lost their capital letter."""
from __future__ import annotations

import re
from typing import Iterable

from checker.core import Document, Finding, Severity
from checker.detectors.base import CheckContext, Detector
from checker.resources import zipf_frequency

_WORD = re.compile(r"(?<![\w@#/.-])([^\W\d_][^\W\d_'’-]{2,})(?![\w@/-])")
# A lower-case form this common in the document's language is a word of its own
# ("march"/"March", "bill"/"Bill", "will"/"Will"), not a name that lost its
# capital. wordfreq folds case, so names are frequent too ("kyiv" 3.1, "moscow"
# 4.4): only very common words (above ~30 per million) are exempt.
COMMON_WORD_ZIPF = 4.5
# A fairly common word (above ~2 per million) written in lower case at least as
# often as with a capital is an ordinary word, and the capitalised occurrences
# are the exceptions: a named unit ("la 100e Brigade" / "la brigade"), a
# demonym noun ("les Ukrainiens" / "soldats ukrainiens"), a region ("the
# Northeast" / "the northeast of Ukraine"). "kyiv" (3.1) stays below.
ORDINARY_WORD_ZIPF = 3.3


class LowercaseProperNoun(Detector):
    """A proper noun written in lower case where the same text capitalises it.

    ## What it flags
    A word written in lower case ("kyiv") when the same document also writes it
    with a capital inside a sentence ("Kyiv"), and the lower-case form is not
    an ordinary word of the document's language.

    French demonyms are left alone: the noun takes a capital and the
    adjective does not ("les Clermontois", "le manager clermontois").

    ## Why it matters
    Machine translation lower-cases names it does not recognise, or that it
    took for common nouns; the article then spells the same place two ways.

    ## Example
    More weapons were sent to Kyiv on Monday (...) The kyiv capital region is
    again under attack.

    ## Fix
    Capitalise it as elsewhere in the text: "Kyiv".
    """

    id = "CS-lowercase-proper-noun"
    category = "typo"
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        # Work on distinct words first: only the few lower-case words whose
        # capitalised form also occurs are looked at occurrence by occurrence.
        distinct = set(_WORD.findall(doc.text))
        language = doc.language or "en"
        # The frequency test first: most candidates are common words that also
        # start a sentence ("the" / "The"), and need no counting.
        candidates = sorted(w for w in filter(str.islower, distinct)
                            if w[0].upper() + w[1:] in distinct
                            and zipf_frequency(w, language) < COMMON_WORD_ZIPF)
        if not candidates:
            return
        sentence_starts = ctx.facts(doc).sentence_start_set
        for lower in candidates:
            proper = lower[0].upper() + lower[1:]
            spans = list(_occurrences(doc.text, lower))
            capital_count = sum(
                1 for start, _ in _occurrences(doc.text, proper)
                if not self._starts_sentence(doc.text, start, sentence_starts))
            if not capital_count:
                continue  # capitalised only where any word is: at a sentence start
            frequency = zipf_frequency(lower, language)
            if frequency >= ORDINARY_WORD_ZIPF and len(spans) >= capital_count:
                continue
            if language == "fr" and _FR_DEMONYM.search(lower):
                continue  # "les Clermontois" / "le manager clermontois": the noun takes a capital

            for start, end in spans:
                yield self.finding(
                    doc, start, end,
                    f"'{lower}' is a proper noun, written '{proper}' elsewhere in this text",
                    suggestion=proper, confidence=0.9)

    @staticmethod
    def _starts_sentence(text: str, offset: int, sentence_starts: set[int]) -> bool:
        if offset in sentence_starts:
            return True
        before = text[max(0, offset - 3):offset]
        return offset == 0 or "\n" in before or bool(_AFTER_OPENER.search(before))


_AFTER_OPENER = re.compile(r"[.!?:«“\"]\s*$")
# French demonyms: a capital for the people, none for the adjective.
_FR_DEMONYM = re.compile(r"(?:ois|oise|oises|ais|aise|aises|ien|ienne|iens|iennes|ain|aine|ains|"
                         r"aines|ard|arde|ards|ardes|in|ine|ins|ines|ote|otes|éen|éenne|éens|éennes)$")


def _occurrences(text: str, word: str):
    """Spans of the whole-word occurrences of ``word``, with _WORD's bounds.

    str.find rather than a regex: a pattern that opens with a look-behind
    loses the engine's fast literal scan and is ~50x slower on long texts.
    """
    pos = text.find(word)
    while pos >= 0:
        end = pos + len(word)
        before = text[pos - 1] if pos else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "_@#/.-") and not (
                after.isalnum() or after in "_@/'’-"):
            yield pos, end
        pos = text.find(word, end)
