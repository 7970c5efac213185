"""Spacing debris that tokenisers and MT engines leave inside words."""
from __future__ import annotations

import re
from typing import Iterable

from checker.core import Document, Finding, Severity
from checker.detectors.base import CheckContext, Detector

# A word, one space, a hyphen glued to the next word: "mid -May", "anti -avion".
# A hyphen with spaces on both sides is a dash and stays alone, and so does a
# hyphen before a digit ("-5 °C") or at the start of a line (a bullet).
_SPACED_HYPHEN = re.compile(r"(?<![\w-])([^\W\d_][\w'’]*) -([^\W\d_][\w'’-]*)")


class SpacedHyphen(Detector):
    """A space before the hyphen of a compound word.

    ## What it flags
    A word followed by a space and a hyphen glued to the next word:
    "mid -May", "long -term", "anti -avion".

    ## Why it matters
    Machine-translation and OCR pipelines split compounds at the hyphen when
    they re-tokenise text. The debris is visible to every reader and often
    marks a word the engine did not translate (French "anti-avion" left in an
    English article).

    ## Example
    The talks in Türkiye in mid -May ended without a long -term deal.

    ## Fix
    Join the compound: "mid-May", "long-term". When the joined word is in the
    source language, translate it ("anti-avion" is "anti-aircraft").
    """

    id = "TY-spaced-hyphen"
    category = "spacing"
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        text = doc.text
        first = text.find(" -")
        if first < 0:
            return
        # Every match holds " -" and no other space: none starts before the
        # word in front of the first " -". re tries its look-behind at every
        # offset, so the text before is not worth scanning.
        for match in _SPACED_HYPHEN.finditer(text, text.rfind(" ", 0, first) + 1):
            left, right = match.group(1), match.group(2)
            yield self.finding(
                doc, match.start(), match.end(),
                f"stray space inside the compound '{left}-{right}'",
                suggestion=f"{left}-{right}", confidence=0.95)
