"""Sentences broken apart by the translation engine."""
from __future__ import annotations

import re
from typing import Iterable

from checker.core import Document, Finding, Severity
from checker.detectors.base import CheckContext, Detector
from checker.resources import zipf_frequency

# One or two capitalised words and a full stop: "Azerbaïdjan." "Nova Kakhovka."
_NAME_ONLY = re.compile(r"[^\W\d_][\w'’-]*(?: [^\W\d_][\w'’-]*)?\.")
# A word this common is an ordinary word standing alone ("Enfin.", "Indeed."),
# which writers do on purpose; a rare capitalised word alone is a name.
COMMON_WORD_ZIPF = 4.0


class NameFragment(Detector):
    """A name standing alone as a sentence in the middle of a paragraph.

    ## What it flags
    A "sentence" made only of one or two capitalised words that are not
    ordinary words of the language, between other sentences of the same
    paragraph: "… en marge de la visite de Poutine à Moscou. Azerbaïdjan."

    ## Why it matters
    Translation engines that lose the structure of a clause cut it at the
    wrong place and leave its last noun stranded; the sentence before it
    usually says something false ("Putin's visit to Moscow" for a visit to
    Azerbaijan).

    ## Example
    a déclaré Sergueï Lavrov, en marge de la visite de Poutine à Moscou.
    Azerbaïdjan. Lavrov a annoncé que…

    ## Fix
    Rejoin the name to the clause it belongs to and check that clause
    against the source: "en marge de la visite de Poutine en Azerbaïdjan."
    """

    id = "GA-name-fragment"
    category = "garbled"
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        for seg, inside in _sentences_by_segment(doc):
            if len(inside) < 3:
                continue  # a caption or a heading, not a sentence cut out of a paragraph
            for position, sent in enumerate(inside):
                text = doc.text[sent.start:sent.end]
                if not _NAME_ONLY.fullmatch(text) or not 0 < position < len(inside) - 1:
                    continue
                words = text.rstrip(".").split()
                if not all(w[0].isupper() for w in words):
                    continue
                language = seg.language or doc.language or "en"
                if any(zipf_frequency(w.lower(), language) >= COMMON_WORD_ZIPF for w in words):
                    continue
                yield self.finding(
                    doc, sent.start, sent.end,
                    f"'{text.rstrip('.')}' stands alone as a sentence: the clause it belonged "
                    "to was probably broken by the translation; check the sentence before it",
                    confidence=0.7)


def _sentences_by_segment(doc: Document):
    """Each paragraph with its sentences, in one pass (both lists are in order)."""
    sentences, i = doc.sentences, 0
    for seg in doc.segments:
        while i < len(sentences) and sentences[i].start < seg.start:
            i += 1
        j = i
        while j < len(sentences) and sentences[j].end <= seg.end:
            j += 1
        yield seg, sentences[i:j]
        i = j
